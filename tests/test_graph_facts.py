"""Assembling the contract graph: facts of different modality stay apart, every fact says
whether it is asserted, allegations give ACCUSE edges, and disassembly gives it all back."""

from __future__ import annotations

import networkx as nx
import pytest

from kgraph._model import (
    AllegationRecord,
    DocResult,
    DocumentInfo,
    Evidence,
    LocalEntity,
    Mention,
    RelationRecord,
    RoleRecord,
)
from kgraph.graph import ACCUSE_KEY, assemble, disassemble, node_link_dumps

PEOPLE = {"e1": "Ann Smith", "e2": "Bob Jones", "e3": "Carl Brown"}


def _result(
    doc: str,
    relations: tuple[RelationRecord, ...] = (),
    allegations: tuple[AllegationRecord, ...] = (),
) -> DocResult:
    entities = tuple(
        LocalEntity(key, "Person", (Mention(doc, 10 * i, 10 * i + len(name), name, "PERSON", "S"),))
        for i, (key, name) in enumerate(PEOPLE.items())
    )
    return DocResult(DocumentInfo(doc, sha256=doc), entities, relations, allegations)


def _ev(doc: str, start: int = 0, sentence: str | None = None) -> Evidence:
    return Evidence(doc, start, start + 5, sentence or f"sentence {start} of {doc}")


def _node(g: nx.MultiDiGraph, name: str) -> str:
    return next(n for n, label in g.nodes(data="label") if label == name)


def test_facts_of_different_modality_are_different_edges() -> None:
    g = assemble(
        [
            _result("a", (RelationRecord("e1", "e2", "meet", _ev("a")),)),
            _result(
                "b",
                (
                    RelationRecord(
                        "e1",
                        "e2",
                        "meet",
                        _ev("b"),
                        (("reported", True), ("asserted", False)),
                        according_to="e3",
                    ),
                ),
            ),
            _result("c", (RelationRecord("e1", "e2", "meet", _ev("c"), (("negated", True),)),)),
            _result("d", (RelationRecord("e1", "e2", "meet", _ev("d")),)),
        ]
    )
    ann, bob, carl = (_node(g, n) for n in PEOPLE.values())
    edges = {k: a for _u, _v, k, a in g.edges(keys=True, data=True)}
    assert sorted(edges) == ["meet", f"meet:according_to:{carl}", "meet:not"]
    assert [e["doc"] for e in edges["meet"]["evidence"]] == ["a", "d"]
    assert edges["meet"]["asserted"] is True
    assert edges["meet:not"]["asserted"] is True and edges["meet:not"]["negated"] is True
    reported = edges[f"meet:according_to:{carl}"]
    assert (reported["asserted"], reported["according_to"]) == (False, carl)
    assert all(u == ann and v == bob for u, v in g.edges())


@pytest.mark.parametrize(
    ("attrs", "key", "asserted"),
    [
        ((), "warn", True),
        ((("hedged", True), ("hedge", "may"), ("asserted", False)), "warn:hedged", False),
        ((("demanded", True), ("asserted", False)), "warn:demanded", False),
        ((("planned", True), ("asserted", False)), "warn:planned", False),
        ((("reported", True), ("asserted", False)), "warn:reported", False),
        ((("asserted", False),), "warn:unasserted", False),
        ((("negated", True), ("planned", True), ("asserted", False)), "warn:not:planned", False),
    ],
)
def test_the_key_and_asserted_say_the_modality(
    attrs: tuple[tuple[str, str | bool], ...], key: str, asserted: bool
) -> None:
    g = assemble([_result("a", (RelationRecord("e1", "e2", "warn", _ev("a"), attrs),))])
    ((_u, _v, got, edge),) = g.edges(keys=True, data=True)
    assert (got, edge["asserted"]) == (key, asserted)


ACCUSING = "Ann and Carl accused Bob of bribing officials."


def _claim(doc: str, roles: list[tuple[str, str]], sentence: str = ACCUSING) -> AllegationRecord:
    ev = _ev(doc, 50, sentence)
    return AllegationRecord(
        "a1",
        "Bob bribed officials",
        "Bob bribed officials",
        "alleged",
        ("bribery",),
        (ev,),
        tuple(RoleRecord(role, who, ev) for role, who in roles),
    )


def test_an_allegation_is_an_accusation_by_each_claimant_against_each_accused() -> None:
    claim = _claim("a", [("accused", "e2"), ("alleged_by", "e1"), ("alleged_by", "e3")])
    g = assemble([_result("a", allegations=(claim,))])
    accusations = [
        (g.nodes[u]["label"], g.nodes[v]["label"], a)
        for u, v, k, a in g.edges(keys=True, data=True)
        if k == ACCUSE_KEY
    ]
    assert [(u, v) for u, v, _a in accusations] == [
        ("Ann Smith", "Bob Jones"),
        ("Carl Brown", "Bob Jones"),
    ]
    allegation = next(n for n, t in g.nodes(data="type") if t == "Allegation")
    sentence = ACCUSING
    for _u, _v, attrs in accusations:
        assert attrs["event"] == "ACCUSE" and attrs["asserted"] is True
        assert attrs["allegations"] == [allegation]
        assert attrs["evidence"] == [{"doc": "a", "start": 50, "end": 55, "sentence": sentence}]


def test_no_accuse_edge_where_the_claimant_does_not_accuse() -> None:
    claim = _claim("a", [("accused", "e2"), ("alleged_by", "e1")], "Ann said Bob would go.")
    g = assemble([_result("a", allegations=(claim,))])
    assert not [k for _u, _v, k in g.edges(keys=True) if k == ACCUSE_KEY]


def test_no_accuse_edge_where_the_text_states_the_accusation() -> None:
    claim = _claim("a", [("accused", "e2"), ("alleged_by", "e1")])
    stated = RelationRecord("e1", "e2", "charge", _ev("a", 50), (("event", "COERCE"),))
    g = assemble([_result("a", (stated,), (claim,))])
    assert not [k for _u, _v, k in g.edges(keys=True) if k == ACCUSE_KEY]


def test_disassembling_gives_the_same_graph_back() -> None:
    claim = _claim("a", [("accused", "e2"), ("alleged_by", "e1")])
    reported = RelationRecord(
        "e2", "e3", "pay", _ev("a"), (("reported", True), ("asserted", False)), according_to="e1"
    )
    g = assemble([_result("a", (reported,), (claim,)), _result("b", (reported,))])
    assert ACCUSE_KEY in {k for _u, _v, k in g.edges(keys=True)}
    assert node_link_dumps(assemble(disassemble(g))) == node_link_dumps(g)
