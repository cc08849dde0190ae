"""The contract graph (kgraph.graph): assemble, disassemble and the node-link form.

Every attribute the module docstring promises is checked on a graph assembled from
hand-written per-document results (no model) and on one built from text by the model.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from typing import Any

import networkx as nx
import pytest

import kgraph
from kgraph import Document, KnowledgeGraph
from kgraph._model import (
    EVENT_CATEGORIES,
    AllegationRecord,
    DocResult,
    DocumentInfo,
    Evidence,
    RelationRecord,
    RoleRecord,
)
from kgraph._version import __version__
from kgraph.extract.entities import RawMention
from kgraph.gazetteer import Gazetteer
from kgraph.graph import (
    ENTITY_NODE_ATTRS,
    EVIDENCE_KEYS,
    assemble,
    disassemble,
    from_node_link,
    node_link_dumps,
    to_node_link,
)
from kgraph.resolve import resolve_document

from .conftest import reversed_copy

ENTITY_TYPES = {"Person", "Agency", "Country", "Organization", "Location"}
STATUSES = {"alleged", "denied", "disputed", "confirmed"}
ROLE_PREDICATES = {
    "accused",
    "target",
    "alleged_by",
    "reported_by",
    "denied_by",
    "dismissed_by",
    "confirmed_by",
}
DOCUMENT_KEYS = {"id", "title", "url", "published", "source", "authors", "chars", "sha256"}
MENTION_KEYS = {*EVIDENCE_KEYS, "text", "ner"}
OPTIONAL_EDGE_ATTRS: dict[str, type | tuple[type, ...]] = {
    "role": str,
    "former": bool,
    "negated": bool,
    "hedged": bool,
    "hedge": str,
    "date": str,
    "anonymous": bool,
    "asserted": bool,
    "reported": bool,
    "according_to": str,
    "demanded": bool,
    "planned": bool,
    "event": str,
    "allegations": list,
    "origin": str,
}
#: the modality flags of a fact edge's key, in the order the key has them
MODAL_KEYS = (("negated", "not"), ("hedged", "hedged"), ("demanded", "demanded"))
MODAL_KEYS += (("planned", "planned"),)
NOT_ASSERTED = ("reported", "hedged", "demanded", "planned")


# -- the contract ------------------------------------------------------------------------------


def _json_safe(value: Any) -> bool:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return True
    if isinstance(value, list):
        return all(_json_safe(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_safe(v) for k, v in value.items())
    return False


def _is_sorted(items: Sequence[Any], key: Any = None) -> bool:
    keys = [key(i) for i in items] if key else list(items)
    return keys == sorted(keys)


def _check_evidence(evidence: Any, keys: set[str], documents: set[str]) -> None:
    assert isinstance(evidence, list) and evidence
    for ev in evidence:
        assert set(ev) == keys, ev
        assert ev["doc"] in documents
        assert isinstance(ev["start"], int) and isinstance(ev["end"], int)
        assert 0 <= ev["start"] <= ev["end"]
        assert isinstance(ev["sentence"], str) and ev["sentence"]
    assert _is_sorted(evidence, key=lambda e: (e["doc"], e["start"], e["end"]))


def _check_graph_attrs(g: nx.MultiDiGraph) -> set[str]:
    assert g.graph["name"] == "kgraph"
    assert isinstance(g.graph["version"], str)
    documents = g.graph["documents"]
    assert documents and _is_sorted(documents, key=lambda d: d["id"])
    for d in documents:
        assert set(d) == DOCUMENT_KEYS, d
        assert isinstance(d["authors"], list) and isinstance(d["chars"], int)
    return {d["id"] for d in documents}


def _check_entity(attrs: dict[str, Any], documents: set[str]) -> None:
    assert set(ENTITY_NODE_ATTRS) | {"gid"} <= set(attrs), attrs
    assert attrs["type"] in ENTITY_TYPES
    assert isinstance(attrs["label"], str) and attrs["label"]
    assert attrs["subtype"] is None or isinstance(attrs["subtype"], str)
    assert attrs["gid"] is None or re.fullmatch(r"[a-z]+:[A-Za-z0-9-]+", attrs["gid"])
    assert attrs["label"] in attrs["aliases"] and _is_sorted(attrs["aliases"])
    assert len(set(attrs["aliases"])) == len(attrs["aliases"])
    _check_evidence(attrs["evidence"], MENTION_KEYS, documents)
    assert attrs["sources"] == sorted({ev["doc"] for ev in attrs["evidence"]})
    assert attrs["mentions"] == len(attrs["evidence"])


def _check_allegation(attrs: dict[str, Any], documents: set[str]) -> None:
    expected = {"label", "type", "text", "status", "confidence", "dates", "keywords"}
    assert expected | {"sources", "mentions", "aliases", "evidence"} <= set(attrs), attrs
    assert attrs["status"] in STATUSES
    assert attrs["confidence"] is None or isinstance(attrs["confidence"], str)
    for name in ("dates", "keywords", "sources"):
        assert isinstance(attrs[name], list) and _is_sorted(attrs[name]), name
    assert attrs["aliases"] == []
    _check_evidence(attrs["evidence"], set(EVIDENCE_KEYS), documents)
    assert attrs["sources"] == sorted({ev["doc"] for ev in attrs["evidence"]})
    assert attrs["mentions"] == len(attrs["evidence"])


def _check_edge(
    g: nx.MultiDiGraph, u: str, v: str, key: str, attrs: dict[str, Any], documents: set[str]
) -> None:
    predicate = attrs["predicate"]
    assert re.fullmatch(r"[a-z]+(?:_[a-z]+)*", predicate), predicate
    assert attrs["kind"] in ("action", "role", "allegation")
    _check_evidence(attrs["evidence"], set(EVIDENCE_KEYS), documents)
    if attrs["kind"] == "allegation":
        assert predicate in ROLE_PREDICATES
        assert g.nodes[u]["type"] == "Allegation" != g.nodes[v]["type"]
        assert key == predicate
    else:
        assert g.nodes[u]["type"] != "Allegation" and g.nodes[v]["type"] != "Allegation"
        assert (attrs["kind"] == "role") == (predicate in ("holds_role", "part_of", "based_in"))
        _check_fact(g, key, attrs)
    for name, type_ in OPTIONAL_EDGE_ATTRS.items():
        assert name not in attrs or isinstance(attrs[name], type_), (name, attrs[name])
    assert set(attrs) <= {"predicate", "kind", "evidence", *OPTIONAL_EDGE_ATTRS}, attrs


def _check_fact(g: nx.MultiDiGraph, key: str, attrs: dict[str, Any]) -> None:
    """A fact edge: its modality, its event and the key they make (the graph.py docstring)."""
    assert isinstance(attrs["asserted"], bool)
    why = [name for name in NOT_ASSERTED if attrs.get(name)]
    assert attrs["asserted"] == (not why), attrs
    by = attrs.get("according_to")
    assert by is None or (attrs.get("reported") and g.nodes[by]["type"] != "Allegation"), attrs
    assert attrs.get("event") in (None, *EVENT_CATEGORIES), attrs
    assert ("hedge" in attrs) == bool(attrs.get("hedged")), attrs
    if "allegations" in attrs:  # an ACCUSE edge made from allegations
        assert key == "accuse:alleged" and attrs["event"] == "ACCUSE" and attrs["asserted"]
        assert attrs["allegations"] and _is_sorted(attrs["allegations"])
        assert all(g.nodes[n]["type"] == "Allegation" for n in attrs["allegations"])
        return
    predicate = attrs["predicate"]
    expected = f"holds_role:{attrs['role']}" if predicate == "holds_role" else predicate
    expected += "".join(f":{suffix}" for name, suffix in MODAL_KEYS if attrs.get(name))
    if by is not None:
        expected += f":according_to:{by}"
    elif attrs.get("reported"):
        expected += ":reported"
    assert key == expected, (key, attrs)


def check_contract(g: nx.MultiDiGraph) -> None:
    """Every promise of the graph.py docstring, on ``g``."""
    documents = _check_graph_attrs(g)
    assert g.number_of_nodes() and g.number_of_edges()
    for _n, attrs in g.nodes(data=True):
        if attrs["type"] == "Allegation":
            _check_allegation(attrs, documents)
        else:
            _check_entity(attrs, documents)
    for u, v, key, attrs in g.edges(keys=True, data=True):
        _check_edge(g, u, v, key, attrs, documents)
    assert _json_safe(to_node_link(g))


# -- per-document results written by hand ------------------------------------------------------

# Sentences written for these tests; a document is its sentences, one space apart.
SENTENCES = {
    "d1": [
        "Mike Pompeo warned Sergey Lavrov, Russia's foreign minister, on July 13.",
        "U.S. officials said Russia paid militants.",
    ],
    # named in full again: a surname alone joins a person only on more evidence than this
    # corpus gives (tests/test_resolve.py has those cases)
    "d2": [
        "The Kremlin denied that Russia paid militants.",
        "Mike Pompeo did not meet Sergey Lavrov.",
    ],
    "d3": ["Sergey Lavrov spoke with the CIA."],
}
TEXTS = {doc: " ".join(sentences) for doc, sentences in SENTENCES.items()}


def _mention(doc: str, text: str, type_: str, gid: str | None = None, nth: int = 0) -> RawMention:
    full = TEXTS[doc]
    start = -1
    for _ in range(nth + 1):
        start = full.index(text, start + 1)
    end = start + len(text)
    sentence = next(s for s in _sentences(doc) if s.start <= start and end <= s.end)
    ner = {"Person": "PERSON", "Country": "GPE"}.get(type_, "ORG")
    canonical = Gazetteer.default().by_id(gid).canonical if gid else None
    return RawMention(start, end, text, ner, sentence.sentence, type_, gid=gid, canonical=canonical)


def _sentences(doc: str) -> list[Evidence]:
    out, at = [], 0
    for sentence in SENTENCES[doc]:
        out.append(Evidence(doc, at, at + len(sentence), sentence))
        at += len(sentence) + 1
    return out


def _ref(m: RawMention) -> str:
    return f"{m.start}:{m.end}"


def _results() -> list[DocResult]:
    pompeo, lavrov = (
        _mention("d1", "Mike Pompeo", "Person"),
        _mention("d1", "Sergey Lavrov", "Person"),
    )
    russia = _mention("d1", "Russia", "Country", "country:RU")
    us = _mention("d1", "U.S.", "Country", "country:US")
    russia2 = _mention("d1", "Russia", "Country", "country:RU", nth=1)
    s1, s2 = _sentences("d1")
    d1 = resolve_document(
        DocumentInfo("d1", title="Warned", authors=("Ann Writer",), chars=len(TEXTS["d1"])),
        [pompeo, lavrov, russia, us, russia2],
        [
            RelationRecord(_ref(pompeo), _ref(lavrov), "warn", s1, (("date", "July 13"),)),
            RelationRecord(
                _ref(lavrov),
                _ref(russia),
                "holds_role",
                s1,
                (("former", False), ("role", "foreign minister")),
            ),
        ],
        [
            AllegationRecord(
                "c:russia-paid",
                "Russia paid militants",
                "Russia paid militants",
                "alleged",
                ("pay",),
                (s2,),
                (
                    RoleRecord("accused", _ref(russia2), s2),
                    RoleRecord("alleged_by", _ref(us), s2, anonymous=True),
                ),
                confidence=None,
                dates=("2020-06-26",),
            )
        ],
    )
    kremlin = _mention("d2", "Kremlin", "Agency", "agency:kremlin")
    russia3 = _mention("d2", "Russia", "Country", "country:RU")
    pompeo2 = _mention("d2", "Mike Pompeo", "Person")
    lavrov2 = _mention("d2", "Sergey Lavrov", "Person")
    t1, t2 = _sentences("d2")
    d2 = resolve_document(
        DocumentInfo("d2", url="https://example.org/d2", chars=len(TEXTS["d2"])),
        [kremlin, russia3, pompeo2, lavrov2],
        [RelationRecord(_ref(pompeo2), _ref(lavrov2), "meet", t2, (("negated", True),))],
        [
            AllegationRecord(
                "c:russia-paid",
                "Russia paid militants",
                "that Russia paid militants",
                "denied",
                ("pay",),
                (t1,),
                (
                    RoleRecord("accused", _ref(russia3), t1),
                    RoleRecord("denied_by", _ref(kremlin), t1),
                ),
                confidence="medium confidence",
            )
        ],
    )
    lavrov3 = _mention("d3", "Sergey Lavrov", "Person")
    cia = _mention("d3", "CIA", "Agency", "agency:cia")
    (u1,) = _sentences("d3")
    d3 = resolve_document(
        DocumentInfo("d3", published="2020-08-07", chars=len(TEXTS["d3"])),
        [lavrov3, cia],
        [RelationRecord(_ref(lavrov3), _ref(cia), "speak_with", u1)],
    )
    return [d1, d2, d3]


@pytest.fixture(scope="module")
def assembled() -> nx.MultiDiGraph:
    return assemble(_results())


def test_the_hand_written_results_give_the_graph_they_say(assembled: nx.MultiDiGraph) -> None:
    labels = sorted(a["label"] for _n, a in assembled.nodes(data=True))
    assert labels == [
        "Central Intelligence Agency",
        "Kremlin",
        "Mike Pompeo",
        "Russia",
        "Russia paid militants",
        "Sergey Lavrov",
        "United States",
    ]
    predicates = sorted(a["predicate"] for _u, _v, a in assembled.edges(data=True))
    assert predicates == [
        "accused",
        "alleged_by",
        "denied_by",
        "holds_role",
        "meet",
        "part_of",
        "part_of",
        "speak_with",
        "warn",
    ]
    assert assembled.graph["version"] == __version__


def test_an_organ_of_a_state_the_gazetteer_knows_is_part_of_it(
    assembled: nx.MultiDiGraph,
) -> None:
    labels = dict(assembled.nodes(data="label"))
    parts = {
        (labels[u], labels[v], a.get("origin"))
        for u, v, a in assembled.edges(data=True)
        if a["predicate"] == "part_of"
    }
    assert parts == {
        ("Central Intelligence Agency", "United States", "gazetteer"),
        ("Kremlin", "Russia", "gazetteer"),
    }


def test_the_assembled_graph_keeps_the_contract(assembled: nx.MultiDiGraph) -> None:
    check_contract(assembled)


def test_evidence_offsets_point_at_the_text(assembled: nx.MultiDiGraph) -> None:
    checked = 0
    for _n, attrs in assembled.nodes(data=True):
        for ev in attrs["evidence"]:
            text = TEXTS[ev["doc"]]
            assert text[ev["start"] : ev["end"]] == ev.get("text", ev["sentence"])
            checked += 1
    assert checked == sum(a["mentions"] for _n, a in assembled.nodes(data=True)) > 10


def test_edge_attributes_and_keys(assembled: nx.MultiDiGraph) -> None:
    edges = {(u, v, k): a for u, v, k, a in assembled.edges(keys=True, data=True)}
    role = edges["person/sergey-lavrov", "country/russia", "holds_role:foreign minister"]
    assert (role["role"], role["former"], role["kind"]) == ("foreign minister", False, "role")
    assert edges["person/mike-pompeo", "person/sergey-lavrov", "meet:not"]["negated"] is True
    assert edges["person/mike-pompeo", "person/sergey-lavrov", "warn"]["date"] == "July 13"
    (bounty,) = [n for n, t in assembled.nodes(data="type") if t == "Allegation"]
    alleged = edges[bounty, "country/united-states", "alleged_by"]
    assert alleged["anonymous"] is True and alleged["kind"] == "allegation"
    assert "anonymous" not in edges[bounty, "country/russia", "accused"]
    assert assembled.nodes[bounty]["status"] == "denied"  # alleged in d1, denied in d2
    assert assembled.nodes[bounty]["sources"] == ["d1", "d2"]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_document_order_does_not_matter(assembled: nx.MultiDiGraph, order: tuple[int, ...]) -> None:
    results = _results()
    assert node_link_dumps(assemble([results[i] for i in order])) == node_link_dumps(assembled)


def test_assemble_of_disassemble_gives_the_graph_back(assembled: nx.MultiDiGraph) -> None:
    results = disassemble(assembled)
    assert [r.info.id for r in results] == ["d1", "d2", "d3"]
    assert node_link_dumps(assemble(results)) == node_link_dumps(assembled)
    assert disassemble(assemble(results)) == results


def test_disassemble_keeps_each_documents_records(assembled: nx.MultiDiGraph) -> None:
    by_id = {r.info.id: r for r in disassemble(assembled)}
    assert by_id["d1"].info.authors == ("Ann Writer",) and by_id["d2"].info.url
    assert sorted(r.predicate for r in by_id["d1"].relations) == ["holds_role", "warn"]
    assert [r.predicate for r in by_id["d3"].relations] == ["speak_with"]
    ((allegation,),) = [r.allegations for r in (by_id["d2"],)]
    assert sorted(role.role for role in allegation.roles) == ["accused", "denied_by"]
    assert by_id["d3"].allegations == ()


def test_no_documents_no_nodes() -> None:
    g = assemble([])
    assert g.number_of_nodes() == 0 and g.graph["documents"] == []
    assert disassemble(g) == []


# -- the node-link form ----------------------------------------------------------------------


def test_node_link_is_sorted_and_reads_back(assembled: nx.MultiDiGraph) -> None:
    data = to_node_link(assembled)
    assert (data["directed"], data["multigraph"]) == (True, True)
    assert [n["id"] for n in data["nodes"]] == sorted(assembled.nodes)
    keys = [(e["source"], e["target"], e["key"]) for e in data["edges"]]
    assert keys == sorted(keys) and len(keys) == assembled.number_of_edges()
    back = from_node_link(data)
    assert node_link_dumps(back) == node_link_dumps(assembled)
    assert nx.utils.graphs_equal(back, assembled)


def test_node_link_accepts_links_for_edges(assembled: nx.MultiDiGraph) -> None:
    data = to_node_link(assembled)
    data["links"] = data.pop("edges")
    assert node_link_dumps(from_node_link(data)) == node_link_dumps(assembled)


@pytest.mark.parametrize("fixture", ["contract_graph", "hostile_graph", "assembled"])
def test_node_link_dumps_is_byte_stable(fixture: str, request: pytest.FixtureRequest) -> None:
    g = request.getfixturevalue(fixture)
    before = json.dumps(to_node_link(g), sort_keys=True, default=str)
    text = node_link_dumps(g)
    assert node_link_dumps(reversed_copy(g)) == text
    assert node_link_dumps(from_node_link(json.loads(text))) == text
    assert text.endswith("}\n") and json.loads(text) == to_node_link(g)
    assert json.dumps(to_node_link(g), sort_keys=True, default=str) == before  # g untouched


def test_node_link_dumps_keeps_unicode(hostile_graph: nx.MultiDiGraph) -> None:
    text = node_link_dumps(hostile_graph)
    assert "Росси́я" in text and "\u202e" in text and "\\u" not in text  # not ASCII-escaped


# -- a graph the model built -------------------------------------------------------------------

BUILT_TEXTS = {
    "a": "Mike Pompeo warned Sergey Lavrov, Russia's foreign minister, about the bounties.",
    "b": "U.S. officials said that Russia offered bounties to militants to kill American troops. "
    "Russian officials denied the reports.",
    "c": "Donald Trump spoke with Vladimir Putin. Mr. Trump dismissed the reports as a hoax.",
    "d": "Former CIA official Rolf Mowatt-Larssen told Just Security "
    "that the Kremlin was arming the Taliban.",
    "e": "Secretary of State Mike Pompeo met NATO officials in Brussels.",
}


@pytest.fixture(scope="module")
def built() -> KnowledgeGraph:
    return kgraph.build([Document(t, id=i) for i, t in BUILT_TEXTS.items()])


@pytest.mark.model
def test_a_built_graph_keeps_the_contract(built: KnowledgeGraph) -> None:
    check_contract(built.graph)
    kinds = {a["kind"] for _u, _v, a in built.graph.edges(data=True)}
    assert kinds == {"action", "role", "allegation"}


@pytest.mark.model
def test_json_contract(built: KnowledgeGraph) -> None:
    # moved from test_api.py; the loops now have something to check
    data = json.loads(built.to_json())
    assert data["directed"] is True and data["multigraph"] is True
    assert data["nodes"] and data["edges"]
    for node in data["nodes"]:
        assert {"id", "label", "type", "aliases", "sources", "mentions"} <= node.keys()
    for edge in data["edges"]:
        assert {"source", "target", "key", "predicate", "evidence"} <= edge.keys()
        assert edge["evidence"]
        for ev in edge["evidence"]:
            assert {"doc", "start", "end", "sentence"} <= ev.keys()
            assert BUILT_TEXTS[ev["doc"]][ev["start"] : ev["end"]].strip() == ev["sentence"]


@pytest.mark.model
def test_mention_offsets_point_at_the_text(built: KnowledgeGraph) -> None:
    # moved from test_api.py: every entity mention has its text, and it is there
    checked = 0
    for _node, attrs in built.graph.nodes(data=True):
        if attrs["type"] == "Allegation":
            continue
        assert attrs["evidence"]
        for m in attrs["evidence"]:
            assert BUILT_TEXTS[m["doc"]][m["start"] : m["end"]] == m["text"]
            checked += 1
    assert checked >= 15


@pytest.mark.model
def test_assemble_of_disassemble_gives_a_built_graph_back(built: KnowledgeGraph) -> None:
    again = assemble(disassemble(built.graph))
    assert node_link_dumps(again) == node_link_dumps(built.graph)


@pytest.mark.model
def test_a_built_graph_does_not_depend_on_document_order(built: KnowledgeGraph) -> None:
    results = list(built.results.values())
    assert len(results) == len(BUILT_TEXTS)
    assert node_link_dumps(assemble(reversed(results))) == node_link_dumps(built.graph)
