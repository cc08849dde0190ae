"""Corrections (kgraph.corrections): the file format, patterns, each command on hand-built
contract graphs, user aliases winning, and, with the real model, builds that apply them
again after ``add`` and through ``write``/``load``, and the ``--corrections`` option."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import kgraph
from kgraph import CorrectionsError, KGraphError, cli
from kgraph.corrections import Corrections, apply, parse, read
from kgraph.graph import node_link_dumps
from tests.conftest import build_contract_graph, reversed_copy
from tests.test_html import page_data

POMPEO, LAVROV, RUSSIA, USA = (
    "person/mike-pompeo",
    "person/sergey-v-lavrov",
    "country/russia",
    "country/united-states",
)
BOUNTY = "allegation/russia-bounty"


def fixes(*lines: str) -> Corrections:
    return parse("".join(line + "\n" for line in lines), "fixes.tsv")


def corrected(*lines: str, g: nx.MultiDiGraph | None = None, **options: Any) -> nx.MultiDiGraph:
    applied = apply(g if g is not None else build_contract_graph(), fixes(*lines), **options)
    assert not applied.warnings, applied.warnings
    return applied.graph


def edges(g: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(u, str(k), v) for u, v, k in g.edges(keys=True)}


# -- the file -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("merge\tMike Pompeo\tPompeo", [("merge", ("Mike Pompeo", "Pompeo"))]),
        ("merge\tA\tB\tC", [("merge", ("A", "B", "C"))]),
        ("MERGE\t A \tB\t\t", [("merge", ("A", "B"))]),
        ("split\tJohn Smith\tby document", [("split", ("John Smith", "by document"))]),
        ("split\tJohn Smith\tBy Document", [("split", ("John Smith", "By Document"))]),
        (
            "rename\tcountry/russia\tRussian Federation",
            [("rename", ("country/russia", "Russian Federation"))],
        ),
        ("type\tKremlin\torganization", [("type", ("Kremlin", "Organization"))]),
        ("reject\tEdge\tTrump -[meet]-> *", [("reject", ("edge", "Trump -[meet]-> *"))]),
        ("reject\tallegation\t/hoax/", [("reject", ("allegation", "/hoax/"))]),
        ("reject\tentity\tThe*", [("reject", ("entity", "The*"))]),
        ("# kgraph corrections 1\n\n# a note\nrename\tA\tB\r", [("rename", ("A", "B"))]),
        ("# kgraph-corrections v1\n", []),
    ],
)
def test_a_line_is_one_command(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert [(c.command, c.args) for c in parse(text, "f.tsv").commands] == expected


def test_a_command_knows_its_file_and_line() -> None:
    (command,) = parse("# head\n\nrename\tA\tB\n", "dir/fixes.tsv").commands
    assert (command.where, command.text) == ("fixes.tsv:3", "rename\tA\tB")


@pytest.mark.parametrize(
    ("text", "line", "value", "message"),
    [
        ("mrge\tA\tB", 1, "mrge", "unknown command 'mrge'"),
        ("# c\nmerge A B", 2, "merge A B", "separated by tabs"),
        ("reject entity\tX", 1, "reject entity\tX", "separated by tabs"),
        ("merge\tA", 1, "merge\tA", "merge takes at least 2"),
        ("rename\tA\tB\tC", 1, "rename\tA\tB\tC", "rename takes 2"),
        ("merge\tA\t\tB", 1, "merge\tA\t\tB", "an empty field"),
        ("merge\tRussia\trussia", 1, "Russia", "names one node twice"),
        ("split\tA\tby sentence", 1, "by sentence", "only 'by document'"),
        ("type\tKremlin\tPlace", 1, "Place", "unknown type 'Place' (one of Agency"),
        ("\n\nreject\tnode\tX", 3, "node", "reject 'node': one of edge, allegation, entity"),
        (
            "reject\tedge\tTrump meets Putin",
            1,
            "Trump meets Putin",
            "SUBJECT -[PREDICATE]-> OBJECT",
        ),
        ("reject\tentity\t/(unclosed/", 1, "/(unclosed/", "bad regular expression"),
        ("# kgraph corrections 2\nmerge\tA\tB", 1, "2", "unsupported corrections format version"),
    ],
)
def test_a_bad_line_names_the_file_the_line_and_the_value(
    text: str, line: int, value: str, message: str
) -> None:
    with pytest.raises(CorrectionsError) as caught:
        parse(text, "fixes.tsv")
    err = caught.value
    assert isinstance(err, KGraphError)
    assert isinstance(err, ValueError)
    assert str(err).startswith(f"fixes.tsv:{line}: ")
    assert message in str(err)
    assert (err.path, err.line, err.value) == ("fixes.tsv", line, value)


def test_read_takes_utf8_with_a_bom_and_names_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "fixes.tsv"
    path.write_bytes("\ufeffrename\tSergey V. Lavrov\tСергей Лавров\n".encode())
    assert read(path).commands[0].args == ("Sergey V. Lavrov", "Сергей Лавров")
    with pytest.raises(FileNotFoundError, match="corrections file not found"):
        read(tmp_path / "missing.tsv")
    (tmp_path / "latin.tsv").write_bytes(b"rename\tA\t\xe9\n")
    with pytest.raises(CorrectionsError, match="not UTF-8"):
        read(tmp_path / "latin.tsv")


# -- patterns -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pattern", "matched"),
    [
        ("*", {POMPEO, LAVROV, RUSSIA, USA}),
        ("Pompeo", {POMPEO}),  # an alias
        ("mike POMPEO", {POMPEO}),  # the label, any case
        ("person/sergey-v-lavrov", {LAVROV}),  # the id
        ("person/*", {POMPEO, LAVROV}),
        ("*States", {USA}),
        ("?ussia", {RUSSIA}),
        ("[rs]*", {RUSSIA, LAVROV}),  # Russia; Sergey V. Lavrov
        ("/lavrov$/", {LAVROV}),
        ("/^u\\.s\\.$/", {USA}),  # the alias "U.S."
        ("Pompe", set()),  # a name is matched whole
    ],
)
def test_an_entity_pattern(pattern: str, matched: set[str]) -> None:
    applied = apply(build_contract_graph(), fixes(f"reject\tentity\t{pattern}"))
    assert {r["id"] for r in applied.rejected} == matched
    assert not matched & set(applied.graph)
    assert bool(applied.warnings) == (not matched)


@pytest.mark.parametrize(
    ("pattern", "removed"),
    [
        ("Pompeo -[warn]-> *", {(POMPEO, "warn", LAVROV)}),
        ("* -[warn]-> Sergey V. Lavrov", {(POMPEO, "warn", LAVROV)}),
        ("* -[holds role]-> Russia", {(LAVROV, "holds_role:foreign minister", RUSSIA)}),
        ("* -[holds_role:foreign*]-> *", {(LAVROV, "holds_role:foreign minister", RUSSIA)}),
        (
            "* -[]-> country/russia",
            {
                (LAVROV, "holds_role:foreign minister", RUSSIA),
                (BOUNTY, "accused", RUSSIA),
                (BOUNTY, "denied_by", RUSSIA),
            },
        ),
        (f"{BOUNTY} -[alleged_by]-> *", {(BOUNTY, "alleged_by", USA)}),
        ("Lavrov -[warn]-> *", set()),  # the direction counts
    ],
)
def test_an_edge_pattern(pattern: str, removed: set[tuple[str, str, str]]) -> None:
    g = build_contract_graph()
    applied = apply(g, fixes(f"reject\tedge\t{pattern}"))
    assert edges(g) - edges(applied.graph) == removed
    assert {r["id"] for r in applied.rejected} == {f"{u} -[{k}]-> {v}" for u, k, v in removed}
    assert set(applied.graph) == set(g)  # the nodes stay


@pytest.mark.parametrize("pattern", [BOUNTY, "*bounties*", "/taliban-linked/", "russia offered *"])
def test_an_allegation_pattern(pattern: str) -> None:
    g = corrected(f"reject\tallegation\t{pattern}")
    assert BOUNTY not in g
    assert [r["id"] for r in g.graph["corrections"]["rejected"]] == [BOUNTY]
    assert g.graph["corrections"]["rejected"][0]["evidence"] == [["doc-a", 0, 69], ["doc-b", 0, 72]]


# -- the commands -----------------------------------------------------------------------------
def test_merge_keeps_every_alias_mention_and_link_of_both() -> None:
    g = corrected("merge\tSergey V. Lavrov\tPompeo")
    assert POMPEO not in g
    lavrov = g.nodes[LAVROV]
    assert lavrov["label"] == "Sergey V. Lavrov"
    assert lavrov["aliases"] == ["Lavrov", "Mike Pompeo", "Pompeo", "Sergey V. Lavrov"]
    assert [(e["doc"], e["start"]) for e in lavrov["evidence"]] == [("doc-a", 0), ("doc-a", 14)]
    assert lavrov["mentions"] == 2
    # "Pompeo warned Lavrov" is a link of the node with itself now: it goes
    assert edges(g) == edges(build_contract_graph()) - {(POMPEO, "warn", LAVROV)}


def test_merge_unites_links_of_the_same_kind_and_moves_according_to() -> None:
    g = build_contract_graph()
    ev = {"doc": "doc-b", "start": 0, "end": 72, "sentence": "..."}
    g.add_edge(USA, POMPEO, key="meet", predicate="meet", kind="action", evidence=[ev])
    g.add_edge(
        RUSSIA,
        POMPEO,
        key="meet:according_to:person/sergey-v-lavrov",
        predicate="meet",
        kind="action",
        according_to=LAVROV,
        asserted=False,
        evidence=[{**ev, "start": 73}],
    )
    g.add_edge(
        RUSSIA, POMPEO, key="meet", predicate="meet", kind="action", evidence=[{**ev, "start": 5}]
    )
    g.graph["statements"] = [
        {"doc": "doc-b", "speaker": USA, "on_behalf_of": None, "about": [RUSSIA, LAVROV]}
    ]
    out = corrected("merge\tRussia\tUnited States\tLavrov", g=g)
    assert {USA, LAVROV} & set(out) == set()
    meet = out.edges[RUSSIA, POMPEO, "meet"]
    assert [e["start"] for e in meet["evidence"]] == [0, 5]
    moved = out.edges[RUSSIA, POMPEO, "meet:according_to:country/russia"]
    assert moved["according_to"] == RUSSIA
    assert out.graph["statements"][0]["speaker"] == RUSSIA
    assert out.graph["statements"][0]["about"] == [RUSSIA]
    assert (BOUNTY, "alleged_by", RUSSIA) in edges(out)


def test_split_by_document_makes_one_node_per_document() -> None:
    g = build_contract_graph()
    g.add_edge(
        POMPEO,
        RUSSIA,
        key="warn",
        predicate="warn",
        kind="action",
        evidence=[
            {"doc": "doc-a", "start": 0, "end": 9, "sentence": "x"},
            {"doc": "doc-b", "start": 0, "end": 9, "sentence": "y"},
        ],
    )
    out = corrected("split\tRussia\tby document", g=g)
    a, b = "country/russia--doc-a", "country/russia--doc-b"
    assert RUSSIA not in out
    assert [(out.nodes[n]["sources"], out.nodes[n]["mentions"]) for n in (a, b)] == [
        (["doc-a"], 1),
        (["doc-b"], 1),
    ]
    assert out.nodes[a]["label"] == out.nodes[b]["label"] == "Russia"
    assert {(POMPEO, "warn", a), (POMPEO, "warn", b), (BOUNTY, "accused", b)} <= edges(out)
    assert (LAVROV, "holds_role:foreign minister", a) in edges(out)
    # a node of one document is split already; applying it again changes nothing
    again = apply(out, fixes("split\tRussia\tby document"))
    assert not again.warnings
    assert set(again.graph) == set(out)


@pytest.mark.parametrize(
    ("line", "old", "node", "label", "type_"),
    [
        (
            "rename\tSergey V. Lavrov\tSergei Lavrov",
            LAVROV,
            "person/sergei-lavrov",
            "Sergei Lavrov",
            "Person",
        ),
        ("rename\tU.S.\tUSA", USA, "country/usa", "USA", "Country"),
        (
            "type\tLavrov\tOrganization",
            LAVROV,
            "organization/sergey-v-lavrov",
            "Sergey V. Lavrov",
            "Organization",
        ),
        ("type\tRussia\tCountry", RUSSIA, RUSSIA, "Russia", "Country"),  # already so
    ],
)
def test_rename_and_type_and_the_id_follows(
    line: str, old: str, node: str, label: str, type_: str
) -> None:
    before = build_contract_graph()
    g = corrected(line, g=before)
    assert (g.nodes[node]["label"], g.nodes[node]["type"]) == (label, type_)
    assert old == node or old not in g
    assert set(before.nodes[old]["aliases"]) <= set(g.nodes[node]["aliases"])
    assert g.nodes[node]["evidence"] == before.nodes[old]["evidence"]
    moved = {(node if u == old else u, k, node if v == old else v) for u, k, v in edges(before)}
    assert edges(g) == moved


def test_a_rename_found_done_is_no_miss() -> None:
    g = corrected("rename\tPompeo\tMichael R. Pompeo")
    again = apply(g, fixes("rename\tMichael Pompeo\tMichael R. Pompeo"))
    assert not again.warnings


def test_reject_entity_takes_its_links_and_references() -> None:
    g = build_contract_graph()
    g.graph["statements"] = [
        {"doc": "doc-a", "speaker": POMPEO, "on_behalf_of": USA, "about": [LAVROV, POMPEO]}
    ]
    out = corrected("reject\tentity\tPompeo", g=g)
    assert POMPEO not in out
    assert not any(POMPEO in (u, v) for u, v in out.edges())
    assert out.graph["statements"][0]["speaker"] is None
    assert out.graph["statements"][0]["about"] == [LAVROV]


def test_reject_edge_of_a_reported_fact_by_its_key() -> None:
    g = build_contract_graph()
    g.add_edge(
        RUSSIA,
        USA,
        key="attack:reported",
        predicate="attack",
        kind="action",
        reported=True,
        asserted=False,
        evidence=[{"doc": "doc-b", "start": 0, "end": 4, "sentence": "s"}],
    )
    g.add_edge(
        RUSSIA,
        USA,
        key="attack",
        predicate="attack",
        kind="action",
        evidence=[{"doc": "doc-b", "start": 5, "end": 9, "sentence": "s"}],
    )
    out = corrected("reject\tedge\tRussia -[attack:reported]-> *", g=g)
    assert (RUSSIA, "attack", USA) in edges(out)
    assert (RUSSIA, "attack:reported", USA) not in edges(out)


def test_accusations_are_derived_again_from_the_corrected_allegations() -> None:
    g = build_contract_graph()
    accusing = "U.S. officials accused Russia of offering bounties."
    g.edges[BOUNTY, USA, "alleged_by"]["evidence"] = [
        {"doc": "doc-b", "start": 0, "end": 51, "sentence": accusing}
    ]
    from kgraph.graph import _add_accusations

    _add_accusations(g)
    assert (USA, "accuse:alleged", RUSSIA) in edges(g)
    out = corrected("merge\tUSA\tUnited States", g=corrected("rename\tUnited States\tUSA", g=g))
    assert ("country/usa", "accuse:alleged", RUSSIA) in edges(out)
    assert ("country/usa", "accuse:alleged", RUSSIA) not in edges(
        corrected(f"reject\tallegation\t{BOUNTY}", g=out)
    )
    assert ("country/usa", "accuse:alleged", RUSSIA) not in edges(
        corrected("reject\tedge\t* -[accuse]-> *", g=out)
    )


def _second_allegation(g: nx.MultiDiGraph) -> str:
    other = "allegation/the-bounties"
    ev = {
        "doc": "doc-b",
        "start": 150,
        "end": 190,
        "sentence": "The Pentagon confirmed the bounties.",
    }
    g.add_node(
        other,
        label="the bounties",
        type="Allegation",
        text="the bounties",
        status="confirmed",
        confidence=None,
        dates=["2020-07-01"],
        keywords=["bounty"],
        sources=["doc-b"],
        mentions=1,
        aliases=[],
        evidence=[ev],
        first_reported="2020-06-30",
    )
    g.add_edge(
        other, USA, key="confirmed_by", predicate="confirmed_by", kind="allegation", evidence=[ev]
    )
    g.add_edge(other, RUSSIA, key="accused", predicate="accused", kind="allegation", evidence=[ev])
    return other


def test_merge_of_allegations_by_id_unites_their_evidence_and_roles() -> None:
    g = build_contract_graph()
    other = _second_allegation(g)
    out = corrected(f"merge\t{BOUNTY}\t{other}", g=g)
    assert other not in out
    merged = out.nodes[BOUNTY]
    assert merged["label"] == "Russia offered bounties to Taliban-linked militants"
    assert (merged["status"], merged["mentions"], merged["first_reported"]) == (
        "disputed",
        3,
        "2020-06-30",
    )
    assert merged["dates"] == ["2020-06-26", "2020-07-01"]
    assert [e["start"] for e in out.edges[BOUNTY, RUSSIA, "accused"]["evidence"]] == [0, 150]
    assert (BOUNTY, "confirmed_by", USA) in edges(out)
    (warning,) = apply(g, fixes(f"merge\t{BOUNTY}\tRussia")).warnings
    assert "is no allegation's id" in warning
    (warning,) = apply(g, fixes(f"merge\tRussia\t{other}")).warnings
    assert "is an allegation" in warning


def test_a_rejected_role_gives_the_status_the_other_roles_imply() -> None:
    out = corrected(f"reject\tedge\t{BOUNTY} -[denied_by]-> *")
    assert out.nodes[BOUNTY]["status"] == "alleged"
    assert (
        corrected(f"reject\tedge\t{BOUNTY} -[alleged_by]-> *").nodes[BOUNTY]["status"] == "denied"
    )


def test_references_follow_a_node_that_moves_or_goes() -> None:
    g = build_contract_graph()
    ev = {"doc": "doc-a", "start": 0, "end": 9, "sentence": "s"}
    g.add_node(
        "person/sergey",
        label="Sergey",
        type="Person",
        aliases=["Sergey"],
        sources=["doc-a"],
        mentions=1,
        evidence=[{**ev, "text": "Sergey", "ner": "PERSON"}],
        unresolved="ambiguous",
        candidates=[LAVROV, POMPEO],
    )
    g.add_edge(
        RUSSIA,
        USA,
        key="warn:according_to:person/sergey-v-lavrov",
        predicate="warn",
        kind="action",
        asserted=False,
        according_to=LAVROV,
        evidence=[ev],
    )
    merged = corrected("merge\tPompeo\tLavrov", g=g)
    assert merged.nodes["person/sergey"]["candidates"] == [POMPEO]
    assert merged.edges[RUSSIA, USA, f"warn:according_to:{POMPEO}"]["according_to"] == POMPEO
    split = corrected("split\tLavrov\tby document", "rename\tLavrov\tSergei Lavrov", g=g)
    assert split.nodes["person/sergey"]["candidates"] == ["person/sergei-lavrov", POMPEO]
    gone = corrected("reject\tentity\tLavrov", g=g)
    assert gone.nodes["person/sergey"]["candidates"] == [POMPEO]
    reported = gone.edges[RUSSIA, USA, "warn:reported"]
    assert (reported["reported"], "according_to" in reported) == (True, False)


def test_commands_run_in_the_order_of_the_file() -> None:
    g = corrected("rename\tRussia\tRussian Federation", "merge\tRussian Federation\tUnited States")
    assert "country/russian-federation" in g
    assert "U.S." in g.nodes["country/russian-federation"]["aliases"]


# -- what matched nothing -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "warning"),
    [
        (
            "merge\tRussia\tRussland",
            "fixes.tsv:1: merge 'Russia' 'Russland': 'Russland' matches nothing",
        ),
        ("merge\tRussland\tRussia", "'Russland' matches nothing"),
        ("split\tNobody\tby document", "split 'Nobody' 'by document': matches nothing"),
        ("rename\tNobody\tSomebody", "'Nobody' matches nothing"),
        ("type\tNobody\tPerson", "'Nobody' matches nothing"),
        ("reject\tentity\tNobody*", "matches nothing"),
        ("reject\tedge\tRussia -[meet]-> *", "matches nothing"),
        ("reject\tallegation\t/hoax/", "matches nothing"),
    ],
)
def test_a_line_that_matches_nothing_is_a_warning(line: str, warning: str) -> None:
    g = build_contract_graph()
    applied = apply(g, fixes("# header", line))
    (shown,) = applied.warnings
    assert shown.startswith("fixes.tsv:2: ")
    assert warning.replace("fixes.tsv:1", "fixes.tsv:2") in shown
    assert applied.graph.graph["corrections"]["warnings"] == [shown]
    assert edges(applied.graph) == edges(g)


def test_an_ambiguous_name_is_not_applied() -> None:
    g = build_contract_graph()
    g.nodes[USA]["aliases"] = [*g.nodes[USA]["aliases"], "Pompeo"]
    g.nodes[POMPEO]["label"] = "Mike"
    (warning,) = apply(
        g, fixes("reject\tentity\tSergey V. Lavrov", "merge\tRussia\tPompeo")
    ).warnings
    assert "fixes.tsv:2: " in warning
    assert "'Pompeo' names 2 nodes" in warning
    assert "give a node id" in warning


# -- user aliases win ---------------------------------------------------------------------
@pytest.fixture
def user_gazetteer(tmp_path: Path) -> Path:
    path = tmp_path / "gazetteer.tsv"
    path.write_text(
        "person:lavrov\tPerson\t\tRU\tSergey V. Lavrov\tLavrov\n"
        "person:pompeo\tPerson\t\tUS\tMike Pompeo\tPompeo\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def pinned_graph() -> nx.MultiDiGraph:
    g = build_contract_graph()
    g.nodes[LAVROV]["gid"] = "person:lavrov"
    g.nodes[POMPEO]["gid"] = "person:pompeo"
    return g


@pytest.mark.parametrize(
    "line",
    [
        "merge\tLavrov\tPompeo",
        "split\tLavrov\tby document",
        "rename\tLavrov\tSergei Lavrov",
        "type\tLavrov\tOrganization",
        "reject\tentity\tLavrov",
        "rename\tRussia\tMike Pompeo",  # a user's name for another entity
    ],
)
def test_a_correction_never_breaks_a_user_alias(
    line: str, user_gazetteer: Path, pinned_graph: nx.MultiDiGraph
) -> None:
    applied = apply(pinned_graph, fixes(line), gazetteer=user_gazetteer)
    (warning,) = applied.warnings
    assert "not applied" in warning
    assert "user gazetteer" in warning
    corrected_graph = applied.graph
    corrected_graph.graph.pop("corrections")
    assert node_link_dumps(corrected_graph) == node_link_dumps(pinned_graph)


def test_without_the_user_file_the_same_corrections_apply(pinned_graph: nx.MultiDiGraph) -> None:
    assert "person/sergei-lavrov" in corrected("rename\tLavrov\tSergei Lavrov", g=pinned_graph)


def test_a_node_merged_into_a_user_entry_takes_its_name(
    user_gazetteer: Path, pinned_graph: nx.MultiDiGraph
) -> None:
    out = corrected("merge\tUnited States\tLavrov", g=pinned_graph, gazetteer=user_gazetteer)
    assert {USA, LAVROV} & set(out) == {LAVROV}  # the id follows the user's name and type
    merged = out.nodes[LAVROV]
    assert (merged["label"], merged["type"], merged["gid"]) == (
        "Sergey V. Lavrov",
        "Person",
        "person:lavrov",
    )
    assert {"U.S.", "United States", "Lavrov"} <= set(merged["aliases"])
    assert (BOUNTY, "alleged_by", LAVROV) in edges(out)


def test_a_name_the_user_gave_finds_its_node(
    user_gazetteer: Path, pinned_graph: nx.MultiDiGraph
) -> None:
    pinned_graph.nodes[POMPEO]["aliases"] = ["Mike Pompeo"]  # the text never says "Pompeo"
    out = corrected("merge\tPompeo\tRussia", g=pinned_graph, gazetteer=user_gazetteer)
    assert RUSSIA not in out
    assert "Russia" in out.nodes[POMPEO]["aliases"]


# -- rejected stays rejected --------------------------------------------------------------
def test_a_rejected_allegation_stays_rejected_under_another_id() -> None:
    first = apply(build_contract_graph(), fixes(f"reject\tallegation\t{BOUNTY}"))
    g = build_contract_graph()
    nx.relabel_nodes(g, {BOUNTY: "allegation/russia-offered-bounties"}, copy=False)
    again = apply(g, fixes(f"reject\tallegation\t{BOUNTY}"), previous=first.rejected)
    assert not again.warnings
    assert "allegation/russia-offered-bounties" not in again.graph
    # what was rejected before and is gone now is still listed, and no miss
    gone = apply(again.graph, fixes(f"reject\tallegation\t{BOUNTY}"), previous=again.rejected)
    assert not gone.warnings
    assert [r["id"] for r in gone.rejected] == ["allegation/russia-offered-bounties"] or BOUNTY in {
        r["id"] for r in gone.rejected
    }


CASES = [
    ("merge\tRussia\tUnited States",),
    ("split\tRussia\tby document", "rename\tLavrov\tSergei Lavrov"),
    ("type\tUnited States\tOrganization", "reject\tedge\t* -[warn]-> *"),
    ("reject\tentity\tRussia",),
    (f"reject\tallegation\t{BOUNTY}",),
    (f"reject\tedge\t{BOUNTY} -[denied_by]-> *",),
]


@pytest.mark.parametrize("lines", CASES)
def test_the_corrected_graph_conforms_to_the_shapes(lines: tuple[str, ...]) -> None:
    from kgraph.export.rdf import validate

    conforms, report = validate(corrected(*lines))
    assert conforms, report


@pytest.mark.parametrize("lines", CASES)
@pytest.mark.parametrize("suffix", [".json", ".ttl", ".trig", ".nq"])
def test_every_format_holds_the_corrected_graph(
    lines: tuple[str, ...], suffix: str, tmp_path: Path
) -> None:
    kg = kgraph.KnowledgeGraph.from_networkx(corrected(*lines))
    loaded = kgraph.load(kg.write(tmp_path / f"graph{suffix}"))
    assert loaded == kg
    shown = {n["key"] for n in page_data(kg.to_html())["nodes"]}
    linked = {n for n in kg.graph if kg.graph.degree(n)}
    assert linked <= shown <= set(kg.graph)  # the page may leave unlinked nodes out


@pytest.mark.parametrize("lines", CASES)
def test_the_result_does_not_depend_on_the_order_of_the_graph(lines: tuple[str, ...]) -> None:
    g = build_contract_graph()
    g.add_edge(
        USA,
        RUSSIA,
        key="meet",
        predicate="meet",
        kind="action",
        evidence=[
            {"doc": "doc-b", "start": 0, "end": 4, "sentence": "s"},
            {"doc": "doc-a", "start": 0, "end": 4, "sentence": "t"},
        ],
    )
    g.add_edge(
        POMPEO,
        RUSSIA,
        key="meet",
        predicate="meet",
        kind="action",
        evidence=[
            {"doc": "doc-a", "start": 5, "end": 9, "sentence": "t"},
        ],
    )
    ev = {"doc": "doc-b", "start": 5, "end": 9, "sentence": "s"}
    g.add_edge(
        POMPEO, USA, key="meet", predicate="meet", kind="action", date="May 1", evidence=[ev]
    )
    one = node_link_dumps(apply(g, fixes(*lines)).graph)
    assert node_link_dumps(apply(reversed_copy(g), fixes(*lines)).graph) == one


@pytest.mark.parametrize(
    "line",
    ["reject\tedge\tPompeo -[warn]-> *", "reject\tentity\tPompeo", f"reject\tallegation\t{BOUNTY}"],
)
def test_what_was_rejected_stays_listed_build_after_build(line: str) -> None:
    first = apply(build_contract_graph(), fixes(line))
    assert len(first.rejected) == 1
    records = first.rejected
    for _ in range(3):  # each build from what the one before left
        again = apply(first.graph, fixes(line), previous=records)
        assert not again.warnings
        assert again.rejected == first.rejected
        records = again.rejected


def test_applying_is_deterministic_and_leaves_its_input_alone() -> None:
    g = build_contract_graph()
    before = node_link_dumps(g)
    lines = (
        "merge\tRussia\tUnited States",
        "split\tRussia\tby document",
        "reject\tedge\t* -[warn]-> *",
    )
    one = node_link_dumps(apply(g, fixes(*lines)).graph)
    assert node_link_dumps(g) == before
    assert node_link_dumps(apply(build_contract_graph(), fixes(*lines)).graph) == one


# -- builds with the model ----------------------------------------------------------------
TEXT_A = (
    "U.S. officials said that Russia offered bounties to militants to kill American troops. "
    "Russian officials denied the reports. Mike Pompeo warned Sergey Lavrov, Russia's "
    "foreign minister, about the payments."
)
TEXT_B = "Sergey Lavrov met Mike Pompeo in Sochi. Pompeo said the talks were useful."
TEXT_C = "Mike Pompeo warned Sergey Lavrov again in Geneva on Tuesday."
FIXES = (
    "# kgraph corrections 1\n"
    "rename\tSergey Lavrov\tSergei Lavrov\n"
    "split\tMike Pompeo\tby document\n"
    "reject\tallegation\t*bounties*\n"
    "reject\tedge\t* -[meet]-> *\n"
    "merge\tRussia\tAtlantis\n"
)


@pytest.fixture
def fixes_file(tmp_path: Path) -> Path:
    path = tmp_path / "fixes.tsv"
    path.write_text(FIXES, encoding="utf-8")
    return path


def _check_corrected(kg: kgraph.KnowledgeGraph) -> None:
    g = kg.graph
    labels = {a.get("label") for _, a in g.nodes(data=True)}
    assert "Sergei Lavrov" in labels
    assert "Sergey Lavrov" not in labels
    pompeos = [n for n, a in g.nodes(data=True) if a.get("label") == "Mike Pompeo"]
    assert len(pompeos) == len({d for n in pompeos for d in g.nodes[n]["sources"]}) > 1
    assert not kg.allegations()
    assert not [f for f in kg.relations(asserted=None) if f.predicate == "meet"]


@pytest.mark.model
def test_a_build_applies_corrections_and_reports_what_matched_nothing(
    fixes_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    docs = [kgraph.Document(TEXT_A, id="a"), kgraph.Document(TEXT_B, id="b")]
    with caplog.at_level(logging.WARNING, logger="kgraph"):
        kg = kgraph.build(docs, corrections=fixes_file)
    _check_corrected(kg)
    missing = [w for w in kg.report.warnings if "Atlantis" in w]
    assert missing == ["fixes.tsv:6: merge 'Russia' 'Atlantis': 'Atlantis' matches nothing"]
    assert missing[0] in caplog.text
    # again after add, with the new document's Pompeo a node of its own
    kg.add([kgraph.Document(TEXT_C, id="c")])
    _check_corrected(kg)
    assert any("Atlantis" in w for w in kg.report.warnings)
    assert any(
        a.get("label") == "Mike Pompeo" and a["sources"] == ["c"]
        for _, a in kg.graph.nodes(data=True)
    )


@pytest.mark.model
def test_a_build_keeps_the_user_aliases(tmp_path: Path) -> None:
    gazetteer = tmp_path / "gazetteer.tsv"
    gazetteer.write_text("person:lavrov\tPerson\t\tRU\tSergey Lavrov\tLavrov\n", encoding="utf-8")
    corrections = tmp_path / "fixes.tsv"
    corrections.write_text(
        "split\tSergey Lavrov\tby document\n"
        "rename\tLavrov\tS. Lavrov\n"
        "split\tMike Pompeo\tby document\n",
        encoding="utf-8",
    )
    docs = [kgraph.Document(TEXT_A, id="a"), kgraph.Document(TEXT_B, id="b")]
    kg = kgraph.build(docs, gazetteer=gazetteer, corrections=corrections)
    lavrov = kg.entity("Lavrov")
    assert (lavrov.id, lavrov.label, lavrov.sources) == (
        "person/sergey-lavrov",
        "Sergey Lavrov",
        ("a", "b"),
    )
    refused = [w for w in kg.report.warnings if "not applied" in w]
    assert [w.split(":")[1] for w in refused] == ["1", "2"]
    assert all("user gazetteer" in w for w in refused)
    assert len([e for e in kg.entities("Person") if e.label == "Mike Pompeo"]) == 2


@pytest.mark.model
@pytest.mark.parametrize("suffix", [".json", ".ttl", ".trig"])
def test_corrections_travel_with_the_written_graph(
    fixes_file: Path, tmp_path: Path, suffix: str
) -> None:
    kg = kgraph.KnowledgeGraph(corrections=fixes_file)
    kg.add([kgraph.Document(TEXT_A, id="a"), kgraph.Document(TEXT_B, id="b")])
    path = kg.write(tmp_path / f"graph{suffix}")
    loaded = kgraph.load(path)
    assert loaded == kg
    assert (
        loaded.graph.graph["corrections"]["rejected"] == kg.graph.graph["corrections"]["rejected"]
    )
    for doc in (kgraph.Document(TEXT_C, id="c"), kgraph.Document("Sergey Lavrov spoke.", id="d")):
        loaded.add([doc])  # each build from the one before: what was rejected stays so
        _check_corrected(loaded)
        assert [w for w in loaded.report.warnings if "fixes.tsv" in w] == [
            "fixes.tsv:6: merge 'Russia' 'Atlantis': 'Atlantis' matches nothing"
        ]
    assert "Sergei Lavrov" in path.read_text(encoding="utf-8")
    # the page shows the corrected graph: the renamed node, not the rejected allegation
    keys = {n["key"] for n in page_data(kg.to_html())["nodes"]}
    assert "person/sergei-lavrov" in keys
    assert not {k for k in keys if k.startswith("allegation/") or k == "person/sergey-lavrov"}


@pytest.mark.model
def test_the_command_line_applies_corrections(
    fixes_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "articles"
    source.mkdir()
    (source / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (source / "b.txt").write_text(TEXT_B, encoding="utf-8")
    out = tmp_path / "graph.json"
    code = cli.main(["build", str(source), "--corrections", str(fixes_file), "-o", str(out)])
    _stdout, err = capsys.readouterr()
    assert code == 0
    assert [line for line in err.splitlines() if "matches nothing" in line] == [
        "kgraph: warning: fixes.tsv:6: merge 'Russia' 'Atlantis': 'Atlantis' matches nothing"
    ]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "Sergei Lavrov" in {n["label"] for n in data["nodes"]}
    assert data["graph"]["corrections"]["commands"][0] == {
        "line": 2,
        "command": "rename\tSergey Lavrov\tSergei Lavrov",
    }
    bad = tmp_path / "bad.tsv"
    bad.write_text("# fixes\ntype\tKremlin\tPlace\n", encoding="utf-8")
    code = cli.main(["build", str(source), "--corrections", str(bad), "-o", str(out)])
    _stdout, err = capsys.readouterr()
    assert code != 0
    assert err.strip().splitlines() == [
        f"kgraph: error: {bad}:2: unknown type 'Place' (one of Agency, Country, Location, "
        "Organization, Person)"
    ]


def test_the_readme_example_file_parses() -> None:
    from tests.conftest import ROOT

    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Corrections", 1)[1]
    block = section.split("```\n", 1)[1].split("```", 1)[0]
    commands = parse(block, "README.md").commands
    assert [c.command for c in commands] == [
        "merge",
        "split",
        "rename",
        "type",
        "reject",
        "reject",
        "reject",
    ]


def test_corrections_given_to_a_loaded_graph_apply_at_once(tmp_path: Path) -> None:
    path = tmp_path / "fixes.tsv"
    path.write_text("rename\tLavrov\tSergei Lavrov\nmerge\tRussia\tAtlantis\n", encoding="utf-8")
    graph = tmp_path / "graph.json"
    graph.write_text(node_link_dumps(build_contract_graph()), encoding="utf-8")
    kg = kgraph.load(graph, corrections=path)
    assert kg.entity("Lavrov").label == "Sergei Lavrov"
    assert kg.report.warnings == [
        "fixes.tsv:2: merge 'Russia' 'Atlantis': 'Atlantis' matches nothing"
    ]
    plain = kgraph.load(graph)
    assert plain.entity("Lavrov").label == "Sergey V. Lavrov"
    assert "corrections" not in plain.graph.graph
    # the corrections travel with what is written, and come back with it
    again = kgraph.load(kg.write(tmp_path / "fixed.json"))
    assert again == kg
    assert again.corrections is not None
    assert [c.text for c in again.corrections.commands] == [
        "rename\tLavrov\tSergei Lavrov",
        "merge\tRussia\tAtlantis",
    ]


def test_the_command_line_shows_every_line_that_matched_nothing() -> None:
    throttle = cli._Throttle(1)

    def record(name: str) -> logging.LogRecord:
        return logging.LogRecord(name, logging.WARNING, __file__, 1, "w", None, None)

    shown = [throttle.filter(record(n)) for n in ("kgraph", "kgraph", "kgraph.corrections")]
    assert shown == [True, False, True]


def test_a_miss_is_logged_by_kgraph_corrections(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "fixes.tsv"
    path.write_text("merge\tRussia\tAtlantis\n", encoding="utf-8")
    graph = tmp_path / "graph.json"
    graph.write_text(node_link_dumps(build_contract_graph()), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kgraph"):
        kgraph.load(graph, corrections=path)
    assert [(r.name, r.getMessage()) for r in caplog.records] == [
        ("kgraph.corrections", "fixes.tsv:1: merge 'Russia' 'Atlantis': 'Atlantis' matches nothing")
    ]
