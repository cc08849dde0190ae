"""kgraph.evaluate and ``kgraph evaluate``/``annotate`` (kgraph.evaluation).

Each scoring definition is tested alone on small hand-written graphs and golds; the
figures are then compared with ``../shared/eval/score.py`` and ``polnear_score.py`` on
the seeds, the dev set and PolNeAR dev (read from ../shared at run time, skipped when
absent).
"""

from __future__ import annotations

import copy
import json
import os
import random
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kgraph
from kgraph import FormatError, KnowledgeGraph, OptionError, cli
from kgraph.evaluation import (
    GoldScores,
    attributions,
    draft_gold,
    gold_schema,
    read_gold,
    read_graph,
    write_draft_gold,
)
from kgraph.evaluation.draft import cues as draft_cues
from kgraph.evaluation.gold import _problems
from kgraph.evaluation.scorer import Tally
from kgraph.evaluation.view import surface_key
from kgraph.graph import node_link_dumps, to_node_link

from . import conftest

# ../shared from the repository; KGRAPH_SHARED names it elsewhere (from a git worktree)
SHARED = Path(os.environ.get("KGRAPH_SHARED", conftest.SHARED))
EVAL = SHARED / "eval"
SCORE_PY = EVAL / "score.py"
POLNEAR_PY = EVAL / "polnear_score.py"
POLNEAR_DEV = SHARED / "polnear" / "dev"

needs_shared = pytest.mark.skipif(
    not SCORE_PY.is_file() or not POLNEAR_PY.is_file(),
    reason=f"the shared scorers are not there ({EVAL}): the comparison needs ../shared",
)
needs_polnear = pytest.mark.skipif(
    not (POLNEAR_DEV / "attributions").is_dir(),
    reason=f"PolNeAR dev is not there ({POLNEAR_DEV})",
)


# -- small graphs and golds, written by hand -------------------------------------------------------
def ev(doc: str = "d1", sentence: str = "A sentence.") -> dict[str, Any]:
    return {"doc": doc, "start": 0, "end": len(sentence), "sentence": sentence}


def node(nid: str, label: str, type_: str = "Person", **extra: Any) -> dict[str, Any]:
    docs = extra.pop("sources", ["d1"])
    return {
        "id": nid,
        "label": label,
        "type": type_,
        "aliases": extra.pop("aliases", [label]),
        "sources": docs,
        "evidence": extra.pop("evidence", [ev(d, f"{label} in {d}.") for d in docs]),
        **extra,
    }


def allegation_node(
    nid: str, label: str, docs: tuple[str, ...] = ("d1",), **extra: Any
) -> dict[str, Any]:
    return node(nid, label, "Allegation", aliases=[], sources=list(docs), text=label, **extra)


def edge(s: str, t: str, predicate: str, **extra: Any) -> dict[str, Any]:
    return {"source": s, "target": t, "key": predicate, "predicate": predicate, **extra}


def graph(nodes: list[dict[str, Any]], edges: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"directed": True, "multigraph": True, "graph": {}, "nodes": nodes, "edges": edges or []}


def ent(
    gid: str, *aliases: str, types: tuple[str, ...] = ("Person",), **extra: Any
) -> dict[str, Any]:
    return {"id": gid, "name": aliases[0], "types": list(types), "aliases": list(aliases), **extra}


def alleg(
    gid: str, accused: list[str], cues: list[str], docs: list[str], **extra: Any
) -> dict[str, Any]:
    return {"id": gid, "accused": accused, "cues": cues, "docs": docs, **extra}


PEOPLE = [
    ent("pompeo", "Mike Pompeo", "Pompeo"),
    ent("lavrov", "Sergey Lavrov", "Lavrov"),
    ent("russia", "Russia", types=("Country",)),
    ent("usa", "United States", "U.S.", types=("Country",)),
]


def gold(**parts: Any) -> dict[str, Any]:
    return {"entities": parts.pop("entities", PEOPLE), **parts}


def score(g: dict[str, Any], gd: dict[str, Any]) -> GoldScores:
    result = kgraph.evaluate(g, gd).gold
    assert result is not None
    return result


POMPEO = node("p", "Mike Pompeo")
LAVROV = node("l", "Sergey Lavrov")
RUSSIA = node("r", "Russia", "Country")
USA = node("u", "United States", "Country")


# -- surface forms ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Kremlin", "kremlin"),
        ("Lavrov's", "Lavrov"),
        ("Lavrov’s", "LAVROV"),
        ("U.S.", "US"),
        ("“Pompeo”", "Pompeo"),
        ("Taliban-linked", "taliban linked"),
        ("state_department", "State Department"),
    ],
)
def test_surface_forms_that_match(a: str, b: str) -> None:
    assert surface_key(a) == surface_key(b)


@pytest.mark.parametrize(("a", "b"), [("Theresa May", "resa May"), ("Mr. Pompeo", "Pompeo")])
def test_surface_forms_that_do_not(a: str, b: str) -> None:
    assert surface_key(a) != surface_key(b)


# -- entities --------------------------------------------------------------------------------------
def test_one_node_per_entity_scores_one() -> None:
    s = score(graph([POMPEO, LAVROV, RUSSIA, USA]), gold())
    assert (s.entity_recall, s.entity_precision, s.type_accuracy, s.entity_f1) == (1, 1, 1, 1)
    assert (s.duplicated_entities, s.overmerged_nodes, s.junk_nodes) == (0, 0, ())


def test_a_duplicate_is_two_nodes_for_one_entity() -> None:
    s = score(graph([POMPEO, node("p2", "Pompeo"), LAVROV]), gold())
    assert s.duplicated_entities == 1
    assert [r.id for r in s.duplicates[0].nodes] == ["p", "p2"]
    assert s.entities_represented == Tally(2, 3)  # costs precision
    assert s.entity_recall == 0.5  # Russia and the U.S. are missing


def test_an_overmerge_is_one_node_naming_two_entities() -> None:
    merged = node("p", "Mike Pompeo", aliases=["Mike Pompeo", "Lavrov"])
    s = score(graph([merged]), gold())
    assert s.overmerged_nodes == 1
    assert s.overmerged[0].entities == ("lavrov", "pompeo")
    assert s.overmerged[0].node.evidence[0].sentence == "Mike Pompeo in d1."


@pytest.mark.parametrize(
    ("allowed", "overmerged"),
    [
        (None, 0),  # default: the Kremlin and Moscow may stand for Russia
        ([["kremlin", "russia"]], 0),
        ([["moscow", "russia"]], 1),
        ([], 1),
    ],
)
def test_allowed_merges(allowed: list[list[str]] | None, overmerged: int) -> None:
    entities = [*PEOPLE, ent("kremlin", "Kremlin", types=("Agency",))]
    g = (
        gold(entities=entities)
        if allowed is None
        else gold(entities=entities, allowed_merges=allowed)
    )
    if allowed == [["moscow", "russia"]]:
        g["entities"].append(ent("moscow", "Moscow", types=("Location",)))
    s = score(graph([node("r", "Russia", "Country", aliases=["Russia", "the Kremlin"])]), g)
    assert s.overmerged_nodes == overmerged


def test_ignorable_names_are_neither_hit_nor_junk() -> None:
    nodes = [
        POMPEO,
        node("x", "Russians", "Organization"),
        node("j", "Getty Images", "Organization"),
    ]
    s = score(graph(nodes), gold(ignorable=["Russians"]))
    assert [r.label for r in s.junk_nodes] == ["Getty Images"]
    assert str(s.entities_represented) == "1/2"  # Russians not counted


def test_type_accuracy_counts_found_entities_with_a_node_of_their_type() -> None:
    s = score(graph([POMPEO, node("r", "Russia", "Organization")]), gold())
    assert str(s.entities_typed) == "1/2"
    assert [d.entity.id for d in s.mistyped] == ["russia"]


def test_entities_not_required_are_not_missed() -> None:
    entities = [ent("pompeo", "Mike Pompeo"), ent("afp", "AFP", required=False)]
    s = score(graph([POMPEO]), gold(entities=entities))
    assert s.entity_recall == 1.0 and s.missed_entities == ()


def test_a_node_is_found_by_its_label_not_by_an_alias() -> None:
    s = score(graph([node("p", "Secretary Mike", aliases=["Pompeo"])]), gold())
    assert [e.id for e in s.missed_entities] == ["pompeo", "lavrov", "russia", "usa"]


# -- relations -------------------------------------------------------------------------------------
WARNED = {"id": "warned", "subject": "pompeo", "object": "lavrov", "keywords": ["warn"]}


@pytest.mark.parametrize(
    ("edges", "relation", "found", "reason"),
    [
        ([edge("p", "l", "warn")], WARNED, True, ""),
        ([edge("l", "p", "warn")], WARNED, True, ""),  # either way
        ([edge("p", "l", "meet")], WARNED, False, "no edge between them names a keyword"),
        ([], WARNED, False, "no edge links them"),
        ([edge("p", "r", "warn")], {**WARNED, "object": "lavrov|russia"}, True, ""),
        (
            [edge("p", "l", "holds_role", role="Special-Envoy")],
            {**WARNED, "keywords": ["special-envoy"]},
            True,
            "",
        ),
        (
            [edge("p", "l", "warn")],
            {**WARNED, "subject": "usa"},
            False,
            "no node stands for the subject 'usa'",
        ),
    ],
)
def test_relation_recall(
    edges: list[dict[str, Any]], relation: dict[str, Any], found: bool, reason: str
) -> None:
    s = score(graph([POMPEO, LAVROV, RUSSIA], edges), gold(relations=[relation]))
    assert s.relation_recall == (1.0 if found else 0.0)
    assert [m.reason for m in s.missed_relations] == ([] if found else [reason])


def test_a_missed_relation_shows_the_edges_there_are() -> None:
    g = graph([POMPEO, LAVROV], [edge("p", "l", "meet", evidence=[ev("d1", "Pompeo met Lavrov.")])])
    (miss,) = score(g, gold(relations=[WARNED])).missed_relations
    assert [(e.predicate, e.evidence[0].sentence) for e in miss.edges] == [
        ("meet", "Pompeo met Lavrov.")
    ]


# -- allegations -----------------------------------------------------------------------------------
BOUNTIES = alleg(
    "bounties", ["russia"], ["bount"], ["d1"], alleged_by=["usa"], denied_by=["russia"]
)


def bounty_graph(
    *extra_edges: dict[str, Any], label: str = "Russia offered bounties"
) -> dict[str, Any]:
    a = allegation_node("a", label)
    return graph([a, RUSSIA, USA, POMPEO], [edge("a", "r", "accused"), *extra_edges])


@pytest.mark.parametrize(
    ("g", "found"),
    [
        (bounty_graph(), True),
        (bounty_graph(label="Russia paid militants"), False),  # no cue
        (
            graph(
                [allegation_node("a", "Russia offered bounties"), RUSSIA, USA],
                [edge("a", "u", "accused")],
            ),
            False,
        ),
        (
            graph(
                [allegation_node("a", "Russia offered bounties"), RUSSIA],
                [edge("r", "a", "subject")],
            ),
            True,
        ),
    ],
)
def test_an_allegation_is_found_by_its_accused_and_a_cue(g: dict[str, Any], found: bool) -> None:
    s = score(g, gold(allegations=[BOUNTIES]))
    assert s.allegation_recall == (1.0 if found else 0.0)


@pytest.mark.parametrize(
    ("label", "found"),
    [("Russia offered bounties", False), ("Russia offered bounties to militants", True)],
)
def test_cues_needed(label: str, found: bool) -> None:
    a = alleg("bounties", ["russia"], ["bount", "militant", "troops"], ["d1"])
    s = score(bounty_graph(label=label), gold(allegations=[a], cues_needed=2))
    assert s.allegations[0].found is found


@pytest.mark.parametrize(
    ("role_edges", "roles", "missing"),
    [
        ([edge("a", "u", "alleged_by"), edge("a", "r", "denied_by")], "2/2", ()),
        ([edge("a", "u", "alleged_by")], "1/2", ("denied_by",)),
        ([edge("a", "p", "alleged_by"), edge("a", "r", "denied_by")], "1/2", ("alleged_by",)),
        ([], "0/2", ("alleged_by", "denied_by")),
    ],
)
def test_roles_hit_and_miss(
    role_edges: list[dict[str, Any]], roles: str, missing: tuple[str, ...]
) -> None:
    s = score(bounty_graph(*role_edges), gold(allegations=[BOUNTIES]))
    assert str(s.allegation_roles) == roles
    assert s.allegations[0].missing_roles == missing


def test_a_denial_counts_as_a_dismissal() -> None:
    a = alleg("bounties", ["russia"], ["bount"], ["d1"], dismissed_by=["pompeo"])
    s = score(bounty_graph(edge("a", "p", "denied_by")), gold(allegations=[a]))
    assert str(s.allegation_roles) == "1/1"


def test_a_split_allegation_is_two_nodes_for_one_story() -> None:
    nodes = [
        allegation_node("a1", "Russia offered bounties"),
        allegation_node("a2", "Russian bounties"),
        RUSSIA,
    ]
    g = graph(nodes, [edge("a1", "r", "accused"), edge("a2", "r", "accused")])
    s = score(g, gold(allegations=[BOUNTIES]))
    assert s.allegations_split == 1
    assert [r.id for r in s.split_allegations[0].nodes] == ["a1", "a2"]
    assert s.allegation_precision == 1.0 and s.allegations[0].nodes[1].id == "a2"


def test_an_allegation_over_merged_across_stories() -> None:
    a = allegation_node("a", "Russia offered bounties", docs=("d1", "d2"))
    g = graph([a, RUSSIA], [edge("a", "r", "accused")])
    stories = [BOUNTIES, alleg("hacking", ["russia"], ["bount", "hack"], ["d3"])]
    s = score(g, gold(allegations=stories))
    assert s.allegations_overmerged == 1
    assert s.overmerged_allegations[0].foreign_docs == ("d2",)  # the nearer story's


@pytest.mark.parametrize(
    ("docs_of_nodes", "merged"),
    [([("d1", "d2")], "1/1"), ([("d1",), ("d2",)], "0/1")],
)
def test_merged_across_documents(docs_of_nodes: list[tuple[str, ...]], merged: str) -> None:
    nodes = [
        allegation_node(f"a{i}", "Russia offered bounties", docs=docs)
        for i, docs in enumerate(docs_of_nodes)
    ]
    g = graph([*nodes, RUSSIA], [edge(n["id"], "r", "accused") for n in nodes])
    s = score(g, gold(allegations=[{**BOUNTIES, "docs": ["d1", "d2"]}]))
    assert str(s.allegations_merged_across_docs) == merged


def test_precision_reads_the_claim_and_recall_the_evidence_too() -> None:
    a = allegation_node(
        "a", "Russia paid militants", evidence=[ev("d1", "Bounties, officials said.")]
    )
    s = score(graph([a, RUSSIA], [edge("a", "r", "accused")]), gold(allegations=[BOUNTIES]))
    assert (s.allegation_recall, s.allegation_precision) == (1.0, 0.0)
    assert [r.id for r in s.junk_allegations] == ["a"]


def test_an_empty_gold_scores_zero_without_dividing_by_zero() -> None:
    s = score(graph([]), {"entities": []})
    assert (s.entity_recall, s.relation_recall, s.allegation_recall) == (0.0, 0.0, 0.0)


# -- the gold schema -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda g: g["entities"][1].pop("aliases"), "entities[1]: the field 'aliases' is missing"),
        (
            lambda g: g["entities"][0].update(types="Person"),
            "entities[0].types: expected an array, not a string ('Person')",
        ),
        (lambda g: g.update(schema_version=2), "schema_version: 2 is not one of 1"),
        (lambda g: g.update(cues_needed=0), "cues_needed: 0 is less than 1"),
        (
            lambda g: g.update(relations=[{**WARNED, "object": "putin"}]),
            "relations[0].object: no entity has the id 'putin'",
        ),
        (
            lambda g: g.update(allegations=[{**BOUNTIES, "denied_by": ["kremlin"]}]),
            "allegations[0].denied_by: no entity has the id 'kremlin'",
        ),
        (
            lambda g: g.update(allegations=[{**BOUNTIES, "required": "yes"}]),
            "allegations[0].required: expected a boolean",
        ),
        (lambda g: g.update(entities={}), "entities: expected an array, not an object ({})"),
    ],
)
def test_a_bad_gold_is_one_error_naming_the_file_and_the_field(
    tmp_path: Path, mutate: Any, message: str
) -> None:
    g = gold(relations=[WARNED], allegations=[BOUNTIES])
    g["entities"] = copy.deepcopy(g["entities"])
    mutate(g)
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(g), encoding="utf-8")
    with pytest.raises(FormatError) as err:
        read_gold(path)
    assert str(err.value).startswith(f"{path}: {message}")


def test_a_gold_without_a_version_is_version_1() -> None:
    assert read_gold(gold()).schema_version == 1
    assert read_gold({**gold(), "schema_version": 1}).schema_version == 1


def test_a_gold_that_is_no_json(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text("{entities: [", encoding="utf-8")
    with pytest.raises(FormatError, match=r"gold\.json: not valid JSON"):
        read_gold(path)


def test_the_schema_is_a_json_schema_and_versioned() -> None:
    schema = gold_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["schema_version"] == 1
    assert schema["properties"]["schema_version"]["enum"] == [1]


_VALUES = st.sampled_from([None, 0, 1, 2, 1.5, True, "x", "", [], ["x"], [1], {}, {"a": "b"}])


@st.composite
def _mutated_golds(draw: st.DrawFn) -> dict[str, Any]:
    g = copy.deepcopy(gold(relations=[WARNED], allegations=[BOUNTIES], documents={"d1": "x"}))
    target: Any = g
    path = draw(
        st.sampled_from(
            [
                (),
                ("entities", 0),
                ("relations", 0),
                ("allegations", 0),
                ("documents",),
                ("entities", 0, "aliases"),
            ]
        )
    )
    for part in path:
        target = target[part]
    if isinstance(target, dict):
        key = draw(st.sampled_from([*sorted(target), "cues_needed", "schema_version", "extra"]))
        if draw(st.booleans()) and key in target:
            del target[key]
        else:
            target[key] = draw(_VALUES)
    else:
        target.append(draw(_VALUES))
    return g


@settings(max_examples=300, deadline=None)
@given(_mutated_golds())
def test_the_checker_agrees_with_jsonschema(g: dict[str, Any]) -> None:
    ours = next(_problems(g, gold_schema(), ""), None) is None
    assert ours == jsonschema.Draft202012Validator(gold_schema()).is_valid(g), g


@needs_shared
@pytest.mark.parametrize("name", ["seeds.gold.json", "dev.gold.json"])
def test_the_shared_golds_follow_the_schema(name: str) -> None:
    data = json.loads((EVAL / name).read_text(encoding="utf-8"))
    jsonschema.validate(data, gold_schema())
    assert len(read_gold(EVAL / name).entities) == len(data["entities"])


# -- drafts ----------------------------------------------------------------------------------------
def test_a_draft_scored_against_its_graph_finds_everything(contract_graph: nx.MultiDiGraph) -> None:
    data = to_node_link(contract_graph)
    draft = draft_gold(data)
    jsonschema.validate(draft, gold_schema())
    items = [*draft["entities"], *draft["relations"], *draft["allegations"]]
    assert items and all(item["reviewed"] is False for item in items)
    s = score(data, draft)
    assert (s.entity_recall, s.relation_recall, s.allegation_recall) == (1.0, 1.0, 1.0)
    assert s.unreviewed == len(items)
    (a,) = draft["allegations"]
    assert (a["accused"], a["alleged_by"], a["denied_by"]) == (
        ["country/russia"],
        ["country/united-states"],
        ["country/russia"],
    )
    assert a["cues"] == ["bount", "offer"]


@pytest.mark.parametrize(
    ("label", "keywords", "cues"),
    [
        ("China hacked the campaigns", ["hacking"], ["hack"]),
        ("Russia had interfered", ["accusation", "interference"], ["interfere"]),
        ("Trump political bias", ["accusation"], ["political"]),
        ("", [], []),
    ],
)
def test_draft_cues(label: str, keywords: list[str], cues: list[str]) -> None:
    assert draft_cues({"label": label, "keywords": keywords}) == cues


def test_an_allegation_of_no_one_is_not_required_in_a_draft() -> None:
    draft = draft_gold(graph([allegation_node("a", "Bounties were paid")]))
    assert draft["allegations"][0]["required"] is False


# -- reading graphs --------------------------------------------------------------------------------
def test_a_knowledge_graph_a_json_file_and_an_rdf_file_score_alike(
    tmp_path: Path, contract_graph: nx.MultiDiGraph
) -> None:
    kg = KnowledgeGraph.from_networkx(contract_graph)
    draft = draft_gold(to_node_link(contract_graph))
    results = [
        kgraph.evaluate(source, draft).to_dict()["gold"]
        for source in (
            kg,
            kg.write(tmp_path / "g.json"),
            kg.write(tmp_path / "g.ttl"),
            to_node_link(contract_graph),
            contract_graph,
        )
    ]
    assert all(r == results[0] for r in results)
    assert results[0]["entity_recall"] == 1.0


def test_evaluate_needs_a_gold_or_attributions(contract_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(OptionError, match="needs a gold"):
        kgraph.evaluate(to_node_link(contract_graph))


# -- attributions: brat files and statements of our own --------------------------------------------
TEXTS = {
    "briefing": "The minister said the talks would resume next week. Officials in Vienna told "
    "reporters that the deal was close. According to the agency, inspectors found no violations.",
    "summit": "Talks ended without a deal, a spokesman said on Friday, adding that both sides "
    "would meet again. It was, one diplomat claimed, a wasted week.",
    "quiet": "Nothing was said by anyone in this article.",
    "tie": "The mayor said, and the governor agreed, that the bridge would close.",
}


def _at(doc: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    text = TEXTS[doc]
    start = [m.start() for m in re.finditer(re.escape(phrase), text)][nth]
    return start, start + len(phrase)


def _ann(attributions_: list[dict[str, Any]], extra: str = "") -> str:
    lines, t = [], 0
    for n, a in enumerate(attributions_, 1):
        roles = []
        for role in ("Source", "Cue", "Content"):
            span = a.get(role)
            if span is None:
                continue
            t += 1
            offsets = (
                ";".join(f"{s} {e}" for s, e in span)
                if isinstance(span, list)
                else f"{span[0]} {span[1]}"
            )
            lines.append(f"T{t}\t{role} {offsets}\tsome text")
            roles.append(f"{role}:T{t}")
        lines.append(f"E{n}\tAttribution:T{t} " + " ".join(roles))
    return "\n".join(lines) + "\n" + extra


@pytest.fixture
def brat_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "split"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for doc, text in TEXTS.items():
        (folder / "text" / f"{doc}.txt").write_text(text, encoding="utf-8")
    b = "briefing"
    briefing = [
        {
            "Source": _at(b, "The minister"),
            "Cue": _at(b, "said"),
            "Content": _at(b, "the talks would resume next week"),
        },
        {
            "Source": _at(b, "Officials in Vienna"),
            "Cue": _at(b, "told"),
            "Content": _at(b, "that the deal was close"),
        },
        {
            "Source": _at(b, "the agency"),
            "Cue": _at(b, "According to"),
            "Content": _at(b, "inspectors found no violations"),
        },
    ]
    s = "summit"
    summit = [
        {
            "Source": _at(s, "a spokesman"),
            "Cue": _at(s, "said"),
            "Content": [
                _at(s, "Talks ended without a deal"),
                _at(s, "both sides would meet again"),
            ],
        },
        {"Cue": _at(s, "claimed"), "Content": _at(s, "a wasted week")},  # no source
    ]
    discard = "T99\tDiscard 0 7\tNothing\n"
    (folder / "attributions" / "briefing_0a1b.ann").write_text(_ann(briefing), encoding="utf-8")
    (folder / "attributions" / "briefing_ffff.ann").write_text(_ann(briefing[:1]), encoding="utf-8")
    (folder / "attributions" / "summit_2c3d.ann").write_text(_ann(summit), encoding="utf-8")
    (folder / "attributions" / "quiet_4e5f.ann").write_text(discard, encoding="utf-8")
    t, content = "tie", _at("tie", "that the bridge would close")
    tie = [  # one content, two speakers: a statement matches the later (as polnear_score.py)
        {"Source": _at(t, "The mayor"), "Cue": _at(t, "said"), "Content": content},
        {"Source": _at(t, "the governor"), "Cue": _at(t, "agreed"), "Content": content},
    ]
    (folder / "attributions" / "tie_6a7b.ann").write_text(_ann(tie), encoding="utf-8")
    return folder


def _statement(doc: str, cue: Any, content: Any, source: Any = None) -> dict[str, Any]:
    return {
        "doc": doc,
        "speaker": None,
        "on_behalf_of": None,
        "cue": list(cue) if cue else cue,
        "content": list(content) if content else content,
        "source": list(source) if source else None,
        "kind": "said",
        "anonymous": False,
    }


def _our_statements() -> list[dict[str, Any]]:
    b, s = "briefing", "summit"
    return [
        _statement(
            b, _at(b, "said"), _at(b, "the talks would resume next week"), _at(b, "minister")
        ),  # all right
        _statement(
            b, _at(b, "reporters"), _at(b, "the deal was close"), _at(b, "Officials")
        ),  # wrong cue
        _statement(
            b, _at(b, "According to"), _at(b, "no violations"), _at(b, "the agency")
        ),  # < half
        _statement(s, _at(s, "said"), (0, 110), None),  # source missed
        _statement(s, _at(s, "claimed"), _at(s, "a wasted week"), None),  # all right, no source
        _statement(s, _at(s, "claimed"), _at(s, "a wasted week"), None),  # a second one: spurious
        _statement(s, None, _at(s, "a wasted week")),  # no cue: not counted
        _statement("elsewhere", (0, 4), (5, 20)),  # an article without annotation
        _statement(
            "tie",
            _at("tie", "agreed"),
            _at("tie", "the bridge would close"),
            _at("tie", "governor"),
        ),
    ]


def _polnear_py(graph_path: Path, split: Path) -> dict[str, Any]:
    done = subprocess.run(
        ["python3", str(POLNEAR_PY), str(graph_path), str(split)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _write_statements(
    path: Path, statements: list[dict[str, Any]], base: dict[str, Any] | None = None
) -> Path:
    data = base if base is not None else graph([])
    path.write_text(json.dumps({**data, "statements": statements}), encoding="utf-8")
    return path


def test_brat_files_are_read_one_annotation_per_article(brat_folder: Path) -> None:
    gold_ = attributions.read_brat(brat_folder)
    assert sorted(gold_) == ["briefing", "quiet", "summit", "tie"]
    assert len(gold_["briefing"].attributions) == 3  # briefing_0a1b, not briefing_ffff
    assert gold_["quiet"].attributions == ()
    first, second = gold_["summit"].attributions
    assert first.content == (0, _at("summit", "both sides would meet again")[1])  # the hull
    assert second.source is None
    assert gold_["briefing"].attributions[1].text == "that the deal was close"


def test_our_attributions_scored(brat_folder: Path, tmp_path: Path) -> None:
    path = _write_statements(tmp_path / "g.json", _our_statements())
    s = kgraph.evaluate(path, attributions=brat_folder).attributions
    assert s is not None
    assert (s.articles, s.gold_attributions, s.predicted, s.matched) == (4, 7, 7, 5)
    assert (s.cue_right, s.source_right, s.all_right) == (4, 4, 3)
    assert (s.content_precision, s.content_recall, s.cue_accuracy) == (0.714, 0.714, 0.8)
    assert (s.content_f1, s.attribution_f1) == (0.714, 0.429)
    assert [a.text for a in s.missed] == [
        "inspectors found no violations",
        "that the bridge would close",
    ]
    assert s.missed[1].cue == _at("tie", "said")
    assert [a.text for a in s.spurious] == ["no violations", "a wasted week"]
    assert [(m.cue_right, m.source_right) for m in s.mismatched] == [(False, True), (True, False)]


@needs_shared
def test_our_attributions_score_as_polnear_score_py_scores_them(
    brat_folder: Path, tmp_path: Path
) -> None:
    path = _write_statements(tmp_path / "g.json", _our_statements())
    ours = kgraph.evaluate(path, attributions=brat_folder).to_dict()["attributions"]
    assert {k: v for k, v in ours.items() if k != "folder"} == _polnear_py(path, brat_folder)


def test_statements_are_read_from_the_top_or_the_graph_attributes(
    brat_folder: Path, tmp_path: Path, contract_graph: nx.MultiDiGraph
) -> None:
    g = contract_graph.copy()
    g.graph["statements"] = _our_statements()
    top = _write_statements(tmp_path / "g.json", _our_statements(), to_node_link(contract_graph))
    results = [
        kgraph.evaluate(source, attributions=brat_folder).to_dict()["attributions"]
        for source in (KnowledgeGraph.from_networkx(g), g, top)
    ]
    assert results[0]["predicted"] == 7
    assert results[0] == results[1] == results[2]


def test_statements_that_are_no_list(brat_folder: Path) -> None:
    with pytest.raises(FormatError, match="'statements' is not a list"):
        kgraph.evaluate({**graph([]), "statements": {"doc": "briefing"}}, attributions=brat_folder)


def test_a_graph_without_statements_scores_zero(
    brat_folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    s = kgraph.evaluate(graph([POMPEO]), attributions=brat_folder).attributions
    assert s is not None
    assert (s.predicted, s.content_f1, s.attribution_f1, len(s.missed)) == (0, 0.0, 0.0, 7)
    assert "has no statements" in caplog.text


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        (
            _statement("briefing", (1, 2), (3,)),
            r"statements\[0\]\.content: expected \[start, end\]",
        ),
        (
            _statement("briefing", ("a", "b"), (3, 9)),
            r"statements\[0\]\.cue: expected \[start, end\]",
        ),
    ],
)
def test_a_bad_statement_is_an_error(
    brat_folder: Path, statement: dict[str, Any], message: str
) -> None:
    g = {**graph([]), "statements": [statement]}
    with pytest.raises(FormatError, match=message):
        kgraph.evaluate(g, attributions=brat_folder)


def test_a_folder_without_annotations(tmp_path: Path) -> None:
    with pytest.raises(kgraph.DocumentNotFoundError, match=r"holds no brat \.ann file"):
        kgraph.evaluate(graph([]), attributions=tmp_path)


# -- the command line ------------------------------------------------------------------------------
def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def graph_json(tmp_path: Path, contract_graph: nx.MultiDiGraph) -> Path:
    path = tmp_path / "graph.json"
    path.write_text(node_link_dumps(contract_graph), encoding="utf-8")
    return path


def test_cli_annotate_then_evaluate(
    capsys: pytest.CaptureFixture[str], graph_json: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "gold.json"
    code, out, err = run(capsys, "annotate", graph_json, "-o", draft)
    assert code == 0 and out == ""
    assert "4 entities, 2 relations and 1 allegation to review" in err
    code, out, err = run(capsys, "evaluate", graph_json, draft)
    assert code == 0, err
    assert "not reviewed yet" in err
    lines = out.splitlines()
    assert lines[0] == f"{graph_json} against {draft}"
    assert lines[1].split() == ["figure", "score", "count"]
    assert "entity recall                        1.000  4/4" in out
    assert "allegation roles                     1.000  2/2" in out


def test_cli_evaluate_json_and_details(
    capsys: pytest.CaptureFixture[str], graph_json: Path, tmp_path: Path
) -> None:
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(
        json.dumps(
            gold(
                entities=[PEOPLE[0], ent("lavrov", "Sergey V. Lavrov"), *PEOPLE[2:]],
                relations=[WARNED, {**WARNED, "id": "met", "keywords": ["meet"]}],
            )
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "evaluate", graph_json, gold_path, "--format", "json", "-v")
    assert code == 0
    data = json.loads(out)
    assert data["gold"]["relation_recall"] == 0.5
    (miss,) = data["gold"]["details"]["missed_relations"]
    assert miss["id"] == "met" and miss["edges"][0]["predicate"] == "warn"
    assert miss["edges"][0]["evidence"][0]["doc"] == "doc-a"
    code, out, _ = run(capsys, "evaluate", graph_json, gold_path, "-v")
    assert "missed relations (1):" in out
    assert "  met: pompeo -[meet]-> lavrov in ?: no edge between them names a keyword" in out
    assert "    doc-a: \"Pompeo warned Lavrov, Russia's foreign minister" in out


def test_cli_evaluate_attributions(
    capsys: pytest.CaptureFixture[str], brat_folder: Path, tmp_path: Path
) -> None:
    path = _write_statements(tmp_path / "g.json", _our_statements())
    code, out, _ = run(capsys, "evaluate", path, "--attributions", brat_folder, "-v")
    assert code == 0
    assert re.search(r"^content recall +0\.714  5/7$", out, re.M)
    assert "missed attributions (2):" in out and "'inspectors found no violations'" in out


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["evaluate", "GRAPH"], 2, "evaluate: give a GOLD file, --attributions DIR, or both"),
        (["evaluate", "GRAPH", "BAD"], 1, "BAD: entities[0]: the field 'aliases' is missing"),
        (["evaluate", "GRAPH", "MISSING"], 1, "MISSING': No such file or directory"),
        (["annotate", "GRAPH", "-o", "gold.txt"], 2, "a gold is JSON"),
        (["evaluate", "graph.docx", "BAD"], 2, "cannot read a graph from 'graph.docx'"),
    ],
)
def test_cli_errors_are_one_line(
    capsys: pytest.CaptureFixture[str],
    graph_json: Path,
    tmp_path: Path,
    argv: list[str],
    status: int,
    message: str,
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"entities": [{"id": "x", "name": "X", "types": ["Person"]}]}), encoding="utf-8"
    )
    names = {"GRAPH": str(graph_json), "BAD": str(bad), "MISSING": str(tmp_path / "missing.json")}
    code, _, err = run(capsys, *(names.get(a, a) for a in argv))
    assert code == status
    assert len(err.splitlines()) == 1 and err.startswith("kgraph: error: "), err
    for name, value in names.items():
        message = message.replace(name, value)
    assert message in err


# -- the same figures as ../shared/eval/score.py and polnear_score.py ------------------------------
def _score_py(graph_path: Path, gold_path: Path, *verbose: str) -> dict[str, Any]:
    done = subprocess.run(
        ["python3", str(SCORE_PY), str(graph_path), str(gold_path), *verbose],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def shared_graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if not SCORE_PY.is_file():
        pytest.skip(f"the shared scorers are not there ({EVAL}): the comparison needs ../shared")
    out = tmp_path_factory.mktemp("shared")
    paths = {}
    for name, sources in (("seeds", [SHARED / "seeds"]), ("dev", [EVAL / "dev.jsonl"])):
        paths[name] = out / f"{name}.json"
        kgraph.build(sources).to_json(paths[name])
    return paths


@pytest.mark.model
@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_the_figures_are_score_py_s(shared_graphs: dict[str, Path], name: str) -> None:
    gold_path = EVAL / f"{name}.gold.json"
    ours = kgraph.evaluate(shared_graphs[name], gold_path).to_dict()["gold"]
    assert ours.pop("file") == str(gold_path)
    assert ours == _score_py(shared_graphs[name], gold_path)


@pytest.mark.model
@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_the_details_are_score_py_s(shared_graphs: dict[str, Path], name: str) -> None:
    gold_path = EVAL / f"{name}.gold.json"
    ref = _score_py(shared_graphs[name], gold_path, "-v")
    s = kgraph.evaluate(shared_graphs[name], gold_path).gold
    assert s is not None
    assert [e.name for e in s.missed_entities] == ref["missed_entities"]
    assert sorted(n.label for n in s.junk_nodes) == ref["false_positive_nodes"]
    assert {d.entity.id: [n.label for n in d.nodes] for d in s.duplicates} == ref["duplicates"]
    assert [[o.node.label, list(o.entities)] for o in s.overmerged] == ref["overmerged"]
    assert [m.relation.id for m in s.missed_relations] == ref["missed_relations"]
    assert [(r.allegation.id, r.found, len(r.nodes)) for r in s.allegations] == [
        (r["id"], r["found"], r["nodes"]) for r in ref["allegations"]
    ]
    assert sorted(n.label[:90] for n in s.junk_allegations) == ref["allegation_nodes_unmatched"]


@pytest.mark.model
@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_a_draft_of_a_real_graph_finds_everything(
    shared_graphs: dict[str, Path], name: str, tmp_path: Path
) -> None:
    path = write_draft_gold(shared_graphs[name], tmp_path / "draft.json")
    s = kgraph.evaluate(shared_graphs[name], path).gold
    assert s is not None
    assert (s.entity_recall, s.relation_recall, s.allegation_recall) == (1.0, 1.0, 1.0)
    assert _score_py(shared_graphs[name], path)["allegation_recall"] == 1.0  # score.py reads drafts


def _perturbed(gold_: dict[str, attributions.Article], seed: int = 17) -> Iterator[dict[str, Any]]:
    """Statements made from gold attributions, some right, some off in each way that counts."""
    rng = random.Random(seed)
    for doc, article in sorted(gold_.items()):
        for a in article.attributions:
            c0, c1 = a.content
            width = max(1, c1 - c0)
            move = rng.choice(
                ["same", "shift", "short", "cue", "nosource", "source", "drop", "twice"]
            )
            content: tuple[int, int] = (c0, c1)
            cue, source = a.cue, a.source
            if move == "shift":
                content = (c0 + width // 5, c1 + width // 5)
            elif move == "short":
                content = (c0, c0 + max(1, width // 3))
            elif move == "cue":
                cue = (c1 + 50, c1 + 55)
            elif move == "nosource":
                source = None
            elif move == "source":
                source = (c1 + 80, c1 + 90) if source else (c0, c0 + 3)
            elif move == "drop":
                continue
            yield _statement(doc, cue, content, source)
            if move == "twice":
                yield _statement(doc, cue, content, source)
        if rng.random() < 0.3:
            yield _statement(doc, (0, 4), (10, 60))


@needs_shared
@needs_polnear
def test_polnear_figures_are_polnear_score_py_s_on_made_up_statements(tmp_path: Path) -> None:
    gold_ = attributions.read_brat(POLNEAR_DEV)
    path = _write_statements(tmp_path / "g.json", list(_perturbed(gold_)))
    ours = kgraph.evaluate(path, attributions=POLNEAR_DEV).to_dict()["attributions"]
    ours.pop("folder")
    ref = _polnear_py(path, POLNEAR_DEV)
    assert ours == ref
    assert 0.3 < ref["attribution_f1"] < 0.9  # the statements are neither all right nor all wrong


@needs_shared
@needs_polnear
@pytest.mark.model
def test_polnear_figures_are_polnear_score_py_s_on_a_real_graph(tmp_path: Path) -> None:
    kg = kgraph.build(sorted((POLNEAR_DEV / "text").glob("*.txt")))
    path = tmp_path / "polnear.json"
    kg.to_json(path)
    ours = kgraph.evaluate(kg, attributions=POLNEAR_DEV).to_dict()["attributions"]
    ours.pop("folder")
    assert ours == _polnear_py(path, POLNEAR_DEV)
    assert ours["articles"] == 84 and ours["gold_attributions"] > 2000
    assert read_graph(path).get("statements", []) == json.loads(kg.to_json()).get("statements", [])
