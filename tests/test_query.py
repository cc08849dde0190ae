"""Queries over the contract graph (kgraph.query), on hand-built graphs: no model needed."""

from __future__ import annotations

import copy
import gc
import html
import logging
import re
import sys
import weakref
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kgraph
from kgraph import KGraphError, KnowledgeGraph, query
from kgraph._model import Evidence, Mention
from kgraph.graph import node_link_dumps
from kgraph.query import (
    Allegation,
    Entity,
    EntityNotFoundError,
    Fact,
    MissingDependencyError,
    QueryError,
)
from tests.conftest import HOSTILE_NAMES, build_contract_graph

POMPEO, LAVROV = "person/mike-pompeo", "person/sergey-v-lavrov"
RUSSIA, USA = "country/russia", "country/united-states"
BOUNTY = "allegation/russia-bounty"
S3 = "Russian officials have denounced the reports on the bounties as lies."


def _ev(doc: str, sentence: str = "A sentence.") -> dict[str, Any]:
    return {"doc": doc, "start": 0, "end": len(sentence), "sentence": sentence}


def _add_entity(
    g: nx.MultiDiGraph,
    nid: str,
    label: str,
    *,
    mentions: int = 1,
    aliases: tuple[str, ...] = (),
    type_: str = "Person",
    doc: str = "d1",
) -> None:
    g.add_node(
        nid,
        label=label,
        type=type_,
        subtype=None,
        aliases=sorted({label, *aliases}),
        sources=[doc],
        mentions=mentions,
        evidence=[{**_ev(doc), "text": label, "ner": "PERSON"} for _ in range(mentions)],
    )


# -- name resolution ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mike Pompeo", POMPEO),
        ("Pompeo", POMPEO),
        ("pompeo", POMPEO),
        ("POMPEO", POMPEO),
        ("  Pompeo \t", POMPEO),
        ("Pompeo's", POMPEO),
        ("Pompeo’s", POMPEO),
        (POMPEO, POMPEO),
        ("Sergey V. Lavrov", LAVROV),
        ("sergey v lavrov", LAVROV),
        ("Lavrov", LAVROV),
        ("Russia", RUSSIA),
        ("russia's", RUSSIA),
        ("the Russia", RUSSIA),
        ("United States", USA),
        ("the United States", USA),
        ("The United States'", USA),
        ("U.S.", USA),
        ("US", USA),
        ("u.s", USA),
        ("United\u200bStates", None),  # a zero-width space joins words: no match...
        ("Unit\u200bed States", USA),  # ...but inside a word it is ignored
        ("ＵＳ", USA),  # full-width letters (NFKC)
    ],
)
def test_entity_resolves_ids_labels_and_aliases(
    contract_graph: nx.MultiDiGraph, name: str, expected: str | None
) -> None:
    if expected is None:
        with pytest.raises(EntityNotFoundError):
            query.entity(contract_graph, name)
        return
    record = query.entity(contract_graph, name)
    assert isinstance(record, Entity)
    assert record.id == expected
    assert record.label == contract_graph.nodes[expected]["label"]


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("Pompey", "Pompeo"),
        ("Mike Pompei", "Mike Pompeo"),
        ("Lavrof", "Lavrov"),
        ("Rusia", "Russia"),
        ("United Staets", "United States"),
    ],
)
def test_a_miss_suggests_the_closest_names(
    contract_graph: nx.MultiDiGraph, name: str, suggested: str
) -> None:
    with pytest.raises(EntityNotFoundError) as info:
        query.entity(contract_graph, name)
    message = str(info.value)
    assert repr(name) in message
    assert f"did you mean {suggested!r}" in message or f", {suggested!r}" in message


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Secretary of State Mike Pompeo", POMPEO),
        ("former Secretary of State Pompeo", POMPEO),
        ("Mr. Pompeo", POMPEO),
        ("mr pompeo", POMPEO),
        ("Foreign Minister Sergey V. Lavrov", LAVROV),
        ("Russia's foreign minister Lavrov", LAVROV),
        ("Russian Foreign Minister Lavrov", LAVROV),
        ("Russia's foreign minister, Sergey V. Lavrov", LAVROV),
    ],
)
def test_a_title_before_the_name_is_read_past(
    contract_graph: nx.MultiDiGraph, name: str, expected: str
) -> None:
    assert query.entity(contract_graph, name).id == expected


@pytest.mark.parametrize(
    "name", ["President Nobody", "Mr.", "Secretary of State", "Mr. Nobody Known"]
)
def test_a_title_alone_or_before_an_unknown_name_is_still_a_miss(
    contract_graph: nx.MultiDiGraph, name: str
) -> None:
    with pytest.raises(EntityNotFoundError):
        query.entity(contract_graph, name)


def test_a_miss_suggests_the_names_inside_it(contract_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(EntityNotFoundError, match="did you mean 'Pompeo'"):
        query.entity(contract_graph, "the Pompeo interview")
    with pytest.raises(EntityNotFoundError, match=r"'Sergey V\. Lavrov'"):
        query.entity(contract_graph, "minister sergey v. lavrov of Moscow")


def test_a_miss_is_a_kgraph_lookup_error_that_says_what_to_do(
    contract_graph: nx.MultiDiGraph,
) -> None:
    with pytest.raises(LookupError) as info:
        query.entity(contract_graph, "Zbigniew Qwxyz")
    assert isinstance(info.value, KGraphError)
    assert "entities()" in str(info.value)
    assert "did you mean" not in str(info.value)


def test_entity_never_returns_an_allegation(contract_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(EntityNotFoundError):
        query.entity(contract_graph, BOUNTY)
    # ...while neighbors/subgraph/path accept allegation nodes
    assert {r.id for r in query.neighbors(contract_graph, BOUNTY)} == {RUSSIA, USA}


@pytest.mark.parametrize("bad", [None, 3, ["Pompeo"]])
def test_a_name_must_be_a_string(contract_graph: nx.MultiDiGraph, bad: Any) -> None:
    with pytest.raises(QueryError, match="must be a string"):
        query.entity(contract_graph, bad)


def test_a_shared_alias_goes_to_the_most_mentioned() -> None:
    g = nx.MultiDiGraph()
    _add_entity(g, "person/john-smith", "John Smith", mentions=2, aliases=("Smith",))
    _add_entity(g, "person/adam-smith", "Adam Smith", mentions=5, aliases=("Smith",))
    _add_entity(g, "person/smith", "Smith", mentions=1)
    # a label beats an alias, whatever the mentions...
    assert query.entity(g, "smith").id == "person/smith"
    g.remove_node("person/smith")
    # ...and among aliases the most mentioned wins, then the id
    assert query.entity(g, "Smith").id == "person/adam-smith"
    g.nodes["person/john-smith"]["mentions"] = 5
    g.add_node("x")  # the index is rebuilt when the graph changes size
    assert query.entity(g, "Smith").id == "person/adam-smith"


def test_the_index_follows_the_graph() -> None:
    g = nx.MultiDiGraph()
    _add_entity(g, "person/a", "Alice Adams")
    assert query.entity(g, "alice adams").id == "person/a"
    with pytest.raises(EntityNotFoundError):
        query.entity(g, "Bob Brown")
    _add_entity(g, "person/b", "Bob Brown")
    assert query.entity(g, "bob brown").id == "person/b"
    # the cache holds no graph alive
    assert g in query._INDEXES
    alive = weakref.ref(g)
    del g
    gc.collect()
    assert alive() is None


def test_suggestions_are_of_the_kind_asked_for(contract_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(EntityNotFoundError) as info:
        query.entity(contract_graph, "Russia offered bounties to Taliban militants")
    assert "offered" not in str(info.value).split(";")[1]  # no allegation suggested
    with pytest.raises(EntityNotFoundError, match="did you mean 'Russia offered bounties"):
        query.neighbors(contract_graph, "Russia offered bounties to Taliban militants")


def test_a_graph_edited_in_place_is_reindexed_on_a_miss() -> None:
    g = nx.MultiDiGraph()
    _add_entity(g, "person/a", "Alice Adams")
    assert query.entity(g, "Alice Adams").id == "person/a"
    g.remove_node("person/a")
    _add_entity(g, "person/b", "Bob Brown")  # same node count: the index is stale...
    with pytest.raises(EntityNotFoundError):  # ...but never answers with a missing node
        query.entity(g, "Alice Adams")
    assert query.entity(g, "Bob Brown").id == "person/b"
    g.nodes["person/b"]["label"] = "Robert Brown"
    assert query.entity(g, "Robert Brown").id == "person/b"


def test_hostile_names_resolve_exactly(hostile_graph: nx.MultiDiGraph) -> None:
    assert hostile_graph.number_of_nodes() == 5
    for node, label in hostile_graph.nodes(data="label"):
        if hostile_graph.nodes[node]["type"] == "Allegation":
            continue
        assert query.entity(hostile_graph, label).id == node
        assert query.entity(hostile_graph, label.upper()).id == node
        assert query.entity(hostile_graph, node).id == node


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([None, HOSTILE_NAMES]),
    st.sampled_from([("pompeo", POMPEO), ("lavrov", LAVROV), ("russia", RUSSIA), ("usa", USA)]),
    st.lists(st.booleans(), min_size=80, max_size=80),
)
def test_any_casing_of_a_label_resolves(
    names: dict[str, str] | None, which: tuple[str, str], flips: list[bool]
) -> None:
    g = build_contract_graph(names)
    key, node = which
    nodes = {key: node}
    label = g.nodes[nodes[key]]["label"]
    mixed = "".join(c.swapcase() if f else c for c, f in zip(label, flips, strict=False))
    mixed += label[len(flips) :]
    assert query.entity(g, mixed).id == nodes[key]


# -- records --------------------------------------------------------------------------------
def test_entity_record_carries_its_evidence(contract_graph: nx.MultiDiGraph) -> None:
    russia = query.entity(contract_graph, "Russia")
    assert russia.type == "Country" and russia.mentions == 2
    assert russia.sources == ("doc-a", "doc-b")
    assert russia.aliases == ("Russia",)
    assert all(isinstance(m, Mention) for m in russia.evidence)
    assert [m.text for m in russia.evidence] == ["Russia", "Russia"]
    assert len(russia.sentences) == 2
    assert str(russia) == "Russia"
    assert "evidence" not in repr(russia)  # the repr stays short
    with pytest.raises(AttributeError):
        russia.label = "x"  # type: ignore[misc]


def test_records_are_hashable_values(contract_graph: nx.MultiDiGraph) -> None:
    facts = query.relations(contract_graph)
    views = query.allegations(contract_graph)
    assert len({*facts, *query.relations(contract_graph)}) == len(facts)
    assert len({*views, *query.allegations(contract_graph)}) == len(views)
    assert query.entity(contract_graph, "Pompeo") == query.entity(contract_graph, "Mike Pompeo")


# -- listing ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("type_", "expected"),
    [
        (None, [RUSSIA, POMPEO, LAVROV, USA]),
        ("Person", [POMPEO, LAVROV]),
        ("person", [POMPEO, LAVROV]),
        ("COUNTRY", [RUSSIA, USA]),
        ("Agency", []),
        ("Organization", []),
    ],
)
def test_entities_by_type_most_mentioned_first(
    contract_graph: nx.MultiDiGraph, type_: str | None, expected: list[str]
) -> None:
    assert [e.id for e in query.entities(contract_graph, type=type_)] == expected


@pytest.mark.parametrize(("type_", "match"), [("Persn", "Person"), ("Allegation", "allegations()")])
def test_unknown_entity_type_is_a_value_error(
    contract_graph: nx.MultiDiGraph, type_: str, match: str
) -> None:
    with pytest.raises(QueryError, match=match) as info:
        query.entities(contract_graph, type=type_)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, [(POMPEO, "warn", LAVROV), (LAVROV, "holds_role", RUSSIA)]),
        ({"subject": "Pompeo"}, [(POMPEO, "warn", LAVROV)]),
        ({"subject": "Lavrov"}, [(LAVROV, "holds_role", RUSSIA)]),
        ({"object": "Lavrov"}, [(POMPEO, "warn", LAVROV)]),
        ({"object": "Russia"}, [(LAVROV, "holds_role", RUSSIA)]),  # not the allegation edges
        ({"predicate": "warn"}, [(POMPEO, "warn", LAVROV)]),
        ({"predicate": "Holds Role"}, [(LAVROV, "holds_role", RUSSIA)]),
        ({"predicate": "holds-role"}, [(LAVROV, "holds_role", RUSSIA)]),
        ({"predicate": "accused"}, []),
        ({"subject": "Pompeo", "object": "Lavrov"}, [(POMPEO, "warn", LAVROV)]),
        ({"subject": "Pompeo", "object": "Russia"}, []),
        ({"subject": "Pompeo", "predicate": "holds_role"}, []),
        ({"subject": "United States"}, []),
    ],
)
def test_relations_filter(
    contract_graph: nx.MultiDiGraph, kwargs: dict[str, str], expected: list[tuple[str, str, str]]
) -> None:
    facts = query.relations(contract_graph, **kwargs)
    assert [(f.subject_id, f.predicate, f.object_id) for f in facts] == expected


def test_facts_carry_evidence_and_attributes(contract_graph: nx.MultiDiGraph) -> None:
    (role,) = query.relations(contract_graph, predicate="holds_role")
    assert isinstance(role, Fact)
    assert (role.subject, role.object, role.kind) == ("Sergey V. Lavrov", "Russia", "role")
    assert role.attrs == {"role": "foreign minister", "former": False}
    assert role.key == "holds_role:foreign minister"
    assert role.evidence == (
        Evidence(
            "doc-a",
            0,
            69,
            contract_graph.edges[LAVROV, RUSSIA, role.key]["evidence"][0]["sentence"],
        ),
    )
    assert str(role) == "Sergey V. Lavrov -[holds_role]-> Russia"


def _modal_graph() -> nx.MultiDiGraph:
    """The contract graph plus facts the text reports, hedges, demands, plans and negates."""
    g = build_contract_graph()
    ev = [_ev("doc-a")]
    g.edges[POMPEO, LAVROV, "warn"]["event"] = "THREATEN"
    g.add_edge(
        RUSSIA,
        USA,
        key="attack:according_to:" + POMPEO,
        predicate="attack",
        kind="action",
        asserted=False,
        reported=True,
        according_to=POMPEO,
        event="ASSAULT",
        evidence=ev,
    )
    g.add_edge(
        LAVROV,
        POMPEO,
        key="meet:hedged",
        predicate="meet",
        kind="action",
        asserted=False,
        hedged=True,
        hedge="may",
        event="CONSULT",
        evidence=ev,
    )
    g.add_edge(
        USA,
        RUSSIA,
        key="sanction:demanded",
        predicate="sanction",
        kind="action",
        asserted=False,
        demanded=True,
        event="SANCTION",
        evidence=ev,
    )
    g.add_edge(
        LAVROV,
        USA,
        key="visit:planned",
        predicate="visit",
        kind="action",
        asserted=False,
        planned=True,
        event="CONSULT",
        evidence=ev,
    )
    g.add_edge(
        POMPEO,
        RUSSIA,
        key="raise_with:not",
        predicate="raise_with",
        kind="action",
        asserted=True,
        negated=True,
        evidence=ev,
    )
    g.add_edge(
        RUSSIA,
        LAVROV,
        key="pay:reported",
        predicate="pay",
        kind="action",
        asserted=False,
        reported=True,
        evidence=ev,
    )
    return g


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("warn", "Mike Pompeo -[warn]-> Sergey V. Lavrov"),
        ("raise_with:not", "Mike Pompeo -[NOT raise_with]-> Russia"),
        (
            "attack:according_to:" + POMPEO,
            "Russia -[attack]-> United States (according to Mike Pompeo)",
        ),
        ("meet:hedged", "Sergey V. Lavrov -[may meet]-> Mike Pompeo"),
        ("sanction:demanded", "United States -[demanded sanction]-> Russia"),
        ("visit:planned", "Sergey V. Lavrov -[planned visit]-> United States"),
        ("pay:reported", "Russia -[pay]-> Sergey V. Lavrov (reported)"),
    ],
)
def test_a_fact_prints_its_modality(key: str, text: str) -> None:
    (fact,) = [f for f in query.relations(_modal_graph(), asserted=None) if f.key == key]
    assert str(fact) == text


def test_a_reported_fact_names_who_it_is_reported_from() -> None:
    (fact,) = query.relations(_modal_graph(), predicate="attack", asserted=None)
    assert (fact.asserted, fact.according_to, fact.according_to_id) == (
        False,
        "Mike Pompeo",
        POMPEO,
    )
    assert fact.event == "ASSAULT"


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, {"warn", "holds_role:foreign minister", "raise_with:not"}),
        ({"asserted": True}, {"warn", "holds_role:foreign minister", "raise_with:not"}),
        (
            {"asserted": False},
            {
                "attack:according_to:" + POMPEO,
                "meet:hedged",
                "sanction:demanded",
                "visit:planned",
                "pay:reported",
            },
        ),
        ({"event": "THREATEN"}, {"warn"}),
        ({"event": "consult"}, set()),  # the CONSULT facts are hedged or planned
        ({"event": "consult", "asserted": None}, {"meet:hedged", "visit:planned"}),
        ({"event": "SANCTION", "asserted": False, "subject": "US"}, {"sanction:demanded"}),
    ],
)
def test_relations_show_what_the_text_asserts_unless_asked(
    kwargs: dict[str, Any], expected: set[str]
) -> None:
    assert {f.key for f in query.relations(_modal_graph(), **kwargs)} == expected


def test_the_api_passes_the_filters_through() -> None:
    kg = KnowledgeGraph.from_networkx(_modal_graph())
    assert [f.key for f in kg.relations(event="ASSAULT", asserted=None)] == [
        "attack:according_to:" + POMPEO
    ]
    assert len(kg.relations(asserted=None)) == len(kg.relations()) + 5


@pytest.mark.parametrize(
    ("kwargs", "complaint"),
    [
        ({"event": "THREATS"}, "unknown event category 'THREATS'; use one of AGREE"),
        ({"asserted": "yes"}, "asserted='yes'"),
    ],
)
def test_bad_relation_filters_are_query_errors(kwargs: dict[str, Any], complaint: str) -> None:
    with pytest.raises(QueryError, match=re.escape(complaint)):
        query.relations(_modal_graph(), **kwargs)


def test_to_pandas_relations_have_the_modality_and_event() -> None:
    pytest.importorskip("pandas")
    rels = query.to_pandas(_modal_graph())["relations"]
    row = rels[rels["predicate"] == "attack"].iloc[0]
    assert (row["asserted"], row["according_to"], row["event"]) == (False, "Mike Pompeo", "ASSAULT")
    assert len(rels) == len(query.relations(_modal_graph(), asserted=None))


def test_relation_filters_resolve_names(contract_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(EntityNotFoundError, match="Pompeo"):
        query.relations(contract_graph, subject="Pompei")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, [BOUNTY]),
        ({"accused": "Russia"}, [BOUNTY]),
        ({"accused": "russia's"}, [BOUNTY]),
        ({"accused": "United States"}, []),
        ({"accused": "Pompeo"}, []),
        ({"alleged_by": "U.S."}, [BOUNTY]),
        ({"alleged_by": "Russia"}, []),  # Russia denied it, it did not allege it
        ({"status": "denied"}, [BOUNTY]),
        ({"status": "DENIED"}, [BOUNTY]),
        ({"status": "alleged"}, []),
        ({"accused": "Russia", "alleged_by": "US", "status": "denied"}, [BOUNTY]),
        ({"accused": "Russia", "alleged_by": "US", "status": "confirmed"}, []),
    ],
)
def test_allegations_filter(
    contract_graph: nx.MultiDiGraph, kwargs: dict[str, str], expected: list[str]
) -> None:
    assert [a.id for a in query.allegations(contract_graph, **kwargs)] == expected


def test_unknown_status_is_a_value_error(contract_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(QueryError, match="alleged, confirmed, denied, disputed"):
        query.allegations(contract_graph, status="rumoured")


def test_allegation_view_says_who_did_what_with_the_sentences(
    contract_graph: nx.MultiDiGraph,
) -> None:
    (view,) = query.allegations(contract_graph, accused="Russia")
    assert isinstance(view, Allegation)
    assert (view.status, view.confidence) == ("denied", "medium confidence")
    assert view.accused == ("Russia",)
    assert view.alleged_by == ("United States",)
    assert view.denied_by == ("Russia",)
    assert view.dismissed_by == view.confirmed_by == view.target == ()
    assert view.dates == ("2020-06-26",) and view.keywords == ("bounty", "offer")
    assert view.sources == ("doc-a", "doc-b") and view.mentions == 2
    denial = next(r for r in view.roles if r.role == "denied_by")
    assert (denial.id, denial.anonymous, denial.sentences) == (RUSSIA, True, (S3,))
    assert len(view.sentences) == 2
    assert str(view).endswith("[denied]")


def test_neighbors_both_ways_entities_first(contract_graph: nx.MultiDiGraph) -> None:
    assert [r.id for r in query.neighbors(contract_graph, "Russia")] == [LAVROV, BOUNTY]
    assert [r.id for r in query.neighbors(contract_graph, "Pompeo")] == [LAVROV]
    assert [r.id for r in query.neighbors(contract_graph, "Lavrov")] == [RUSSIA, POMPEO]


# -- subgraph ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("around", "depth", "nodes", "docs"),
    [
        ("Pompeo", 0, {POMPEO}, ["doc-a"]),
        ("Pompeo", 1, {POMPEO, LAVROV}, ["doc-a"]),
        ("Pompeo", 2, {POMPEO, LAVROV, RUSSIA}, ["doc-a", "doc-b"]),
        ("Pompeo", 4, {POMPEO, LAVROV, RUSSIA, BOUNTY, USA}, ["doc-a", "doc-b"]),
        ("United States", 0, {USA}, ["doc-b"]),
        ("United States", 1, {USA, BOUNTY}, ["doc-a", "doc-b"]),
        (BOUNTY, 1, {BOUNTY, RUSSIA, USA}, ["doc-a", "doc-b"]),
    ],
)
def test_subgraph_keeps_nodes_within_depth_and_their_documents(
    contract_graph: nx.MultiDiGraph, around: str, depth: int, nodes: set[str], docs: list[str]
) -> None:
    h = query.subgraph(contract_graph, around, depth=depth)
    assert set(h.nodes) == nodes
    assert [d["id"] for d in h.graph["documents"]] == docs
    # every link among the kept nodes is kept
    expected_edges = {
        (u, v, k) for u, v, k in contract_graph.edges(keys=True) if u in nodes and v in nodes
    }
    assert set(h.edges(keys=True)) == expected_edges
    assert h.graph["name"] == "kgraph"


def test_subgraph_shares_nothing_with_the_graph(contract_graph: nx.MultiDiGraph) -> None:
    before = node_link_dumps(contract_graph)
    h = query.subgraph(contract_graph, "Russia", depth=2)
    h.nodes[RUSSIA]["aliases"].append("Rossiya")
    h.graph["documents"][0]["authors"].append("Someone Else")
    h.edges[LAVROV, RUSSIA, "holds_role:foreign minister"]["evidence"].clear()
    assert node_link_dumps(contract_graph) == before


@pytest.mark.parametrize("depth", [-1, 1.5, "1", True])
def test_subgraph_depth_must_be_a_whole_number(contract_graph: nx.MultiDiGraph, depth: Any) -> None:
    with pytest.raises(QueryError, match="depth"):
        query.subgraph(contract_graph, "Pompeo", depth=depth)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([POMPEO, LAVROV, RUSSIA, USA, BOUNTY]), st.integers(0, 5))
def test_subgraph_grows_with_depth_and_is_a_contract_graph(center: str, depth: int) -> None:
    g = build_contract_graph()
    small = query.subgraph(g, center, depth=depth)
    large = query.subgraph(g, center, depth=depth + 1)
    assert center in small and set(small.nodes) <= set(large.nodes) <= set(g.nodes)
    referenced = query._referenced_documents(small)
    assert {d["id"] for d in small.graph["documents"]} == referenced & {
        d["id"] for d in g.graph["documents"]
    }
    # it round-trips through the KnowledgeGraph facade
    kg = KnowledgeGraph.from_networkx(small)
    assert node_link_dumps(kg.graph) == node_link_dumps(small)


# -- path ---------------------------------------------------------------------------------------
def test_path_follows_links_either_way(contract_graph: nx.MultiDiGraph) -> None:
    steps = query.path(contract_graph, "Pompeo", "United States")
    assert [(f.subject_id, f.predicate, f.object_id) for f in steps] == [
        (POMPEO, "warn", LAVROV),
        (LAVROV, "holds_role", RUSSIA),
        (BOUNTY, "accused", RUSSIA),
        (BOUNTY, "alleged_by", USA),
    ]
    assert all(f.evidence for f in steps)
    back = query.path(contract_graph, "United States", "Pompeo")
    assert len(back) == len(steps)


def test_path_prefers_the_best_evidenced_link(contract_graph: nx.MultiDiGraph) -> None:
    # Russia -> allegation has two edges back (accused, denied_by): both have one sentence,
    # so the key decides; give denied_by a second sentence and it wins.
    (step,) = query.path(contract_graph, "Russia", BOUNTY)
    assert step.predicate == "accused"
    contract_graph.edges[BOUNTY, RUSSIA, "denied_by"]["evidence"].append(
        {"doc": "doc-a", "start": 0, "end": 5, "sentence": "Russia denied it."}
    )
    (step,) = query.path(contract_graph, "Russia", BOUNTY)
    assert step.predicate == "denied_by"


def test_path_is_empty_for_the_same_node_or_no_connection(
    contract_graph: nx.MultiDiGraph,
) -> None:
    assert query.path(contract_graph, "Pompeo", "Mike Pompeo") == []
    _add_entity(contract_graph, "person/nobody", "Nobody Known", doc="doc-a")
    assert query.path(contract_graph, "Pompeo", "Nobody Known") == []


# -- rank --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("pagerank", [RUSSIA, LAVROV, POMPEO, USA]),
        ("degree", [RUSSIA, LAVROV, POMPEO, USA]),  # ties: most mentioned, then label
        ("betweenness", [RUSSIA, LAVROV, POMPEO, USA]),
        ("PageRank", [RUSSIA, LAVROV, POMPEO, USA]),
    ],
)
def test_rank_orders_entities(
    contract_graph: nx.MultiDiGraph, by: str, expected: list[str]
) -> None:
    ranked = query.rank(contract_graph, by=by, top=None)
    assert [e.id for e, _ in ranked] == expected
    scores = [s for _, s in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(isinstance(s, float) for s in scores)


def test_rank_scores(contract_graph: nx.MultiDiGraph) -> None:
    degree = dict((e.id, s) for e, s in query.rank(contract_graph, by="degree", top=None))
    assert degree == {RUSSIA: 0.5, LAVROV: 0.5, POMPEO: 0.25, USA: 0.25}
    between = dict((e.id, s) for e, s in query.rank(contract_graph, by="betweenness", top=None))
    # Russia sits on the Lavrov/Pompeo <-> allegation/US paths: 4 of the 6 pairs of others
    assert between[RUSSIA] == pytest.approx(4 / 6)
    assert between[POMPEO] == between[USA] == 0.0


def test_betweenness_of_a_large_graph_is_a_fixed_sample(
    contract_graph: nx.MultiDiGraph,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    exact = query.rank(contract_graph, by="betweenness", top=None)
    monkeypatch.setattr(query, "BETWEENNESS_EXACT_UP_TO", 2)
    monkeypatch.setattr(query, "BETWEENNESS_SAMPLES", 3)
    with caplog.at_level(logging.INFO, logger="kgraph.query"):
        first = query.rank(contract_graph, by="betweenness", top=None)
    assert "estimated from 3 sampled sources" in caplog.text
    assert first == query.rank(contract_graph, by="betweenness", top=None)
    assert first != exact  # three of five sources: an estimate
    monkeypatch.setattr(query, "BETWEENNESS_SAMPLES", 50)  # more samples than nodes: all of them
    assert [e for e, _ in query.rank(contract_graph, by="betweenness", top=None)] == [
        e for e, _ in exact
    ]


@pytest.mark.parametrize(("top", "n"), [(0, 0), (1, 1), (3, 3), (10, 4), (None, 4)])
def test_rank_top(contract_graph: nx.MultiDiGraph, top: int | None, n: int) -> None:
    assert len(query.rank(contract_graph, top=top)) == n


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"by": "closeness"}, "betweenness, degree, pagerank"),
        ({"top": -1}, "top"),
        ({"top": 2.5}, "top"),
    ],
)
def test_rank_rejects_bad_arguments(
    contract_graph: nx.MultiDiGraph, kwargs: dict[str, Any], match: str
) -> None:
    with pytest.raises(QueryError, match=match):
        query.rank(contract_graph, **kwargs)


def test_rank_of_an_empty_graph() -> None:
    assert query.RANKINGS
    for by in query.RANKINGS:
        assert query.rank(nx.MultiDiGraph(), by=by) == []


def test_rank_does_not_depend_on_insertion_order(contract_graph: nx.MultiDiGraph) -> None:
    shuffled = nx.MultiDiGraph()
    shuffled.graph.update(contract_graph.graph)
    shuffled.add_nodes_from(reversed(list(contract_graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(contract_graph.edges(keys=True, data=True))))
    assert query.RANKINGS
    for by in query.RANKINGS:
        ranked = query.rank(contract_graph, by=by, top=None)
        assert len(ranked) == contract_graph.number_of_nodes() - 1  # all but the allegation
        assert query.rank(shuffled, by=by, top=None) == ranked


@st.composite
def _random_graphs(draw: st.DrawFn) -> nx.Graph:
    n = draw(st.integers(1, 12))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=30))
    h = nx.Graph()
    h.add_nodes_from(f"n{i:02d}" for i in range(n))
    for a, b in pairs:
        if a != b:
            u, v = f"n{a:02d}", f"n{b:02d}"
            w = h.edges[u, v]["weight"] + 1.0 if h.has_edge(u, v) else 1.0
            h.add_edge(u, v, weight=w)
    return h


@settings(max_examples=60, deadline=None)
@given(_random_graphs())
def test_pagerank_ranks_by_networkx_scores(h: nx.Graph) -> None:
    g = nx.MultiDiGraph(documents=[])
    for node in h.nodes:
        g.add_node(node, label=node, type="Person", aliases=[node], sources=[], mentions=1)
    for u, v, w in h.edges(data="weight"):
        for n in range(int(w)):
            g.add_edge(u, v, key=f"k{n}", predicate="meet", kind="action", evidence=[])
    ranked = query.rank(g, by="pagerank", top=None)
    for i, (u, v, key) in enumerate(list(g.edges(keys=True))):  # a sentence each: same ranks
        ev = {"doc": "d", "start": i, "end": i, "sentence": f"{u} {v} {key}"}
        g.add_edge(u, v, key=key, evidence=[ev])
    assert query.rank(g, by="pagerank", top=None) == ranked
    assert h.number_of_nodes() >= 1  # the strategy draws one node at least: no early return
    assert sorted(r.id for r, _ in ranked) == sorted(h.nodes)
    expected = nx.pagerank(h, weight="weight", tol=1e-10, max_iter=500)
    assert sum(score for _, score in ranked) == pytest.approx(1.0)
    for record, score in ranked:
        assert score == pytest.approx(expected[record.id], abs=1e-9)
    # scores equal but for rounding noise are ties (the most mentioned first), so the
    # order is by the score rounded as rank() rounds it
    scores = [round(score, 12) for _, score in ranked]
    assert scores == sorted(scores, reverse=True)


def test_pagerank_counts_a_sentence_once_per_pair() -> None:
    """Two edges from one sentence (a fact and the same fact reported; a role and a fact)
    are one link: a pair the text links in two sentences weighs twice as much."""
    g = nx.MultiDiGraph(documents=[])
    for node in ("a", "b", "c"):
        g.add_node(node, label=node, type="Person", aliases=[node], sources=[], mentions=1)
    one = {"doc": "d", "start": 0, "end": 9, "sentence": "a met b."}
    two = {"doc": "d", "start": 10, "end": 19, "sentence": "a met c."}
    three = {"doc": "d", "start": 20, "end": 29, "sentence": "a saw c."}
    for key in ("meet", "meet:reported", "warn"):
        g.add_edge("a", "b", key=key, predicate="meet", kind="action", evidence=[one])
    g.add_edge("a", "c", key="meet", predicate="meet", kind="action", evidence=[two])
    g.add_edge("a", "c", key="see", predicate="see", kind="action", evidence=[three])
    scores = {e.id: s for e, s in query.rank(g, by="pagerank", top=None)}
    assert scores["c"] > scores["b"]


# -- tables and summaries ------------------------------------------------------------------
def test_to_pandas_tables(contract_graph: nx.MultiDiGraph) -> None:
    tables = query.to_pandas(contract_graph)
    assert sorted(tables) == [
        "allegations",
        "entities",
        "mentions",
        "relations",
        "statements",
        "timeline",
    ]
    ents, rels, alls, ments = (
        tables["entities"],
        tables["relations"],
        tables["allegations"],
        tables["mentions"],
    )
    assert list(ents.columns) == list(query.ENTITY_COLUMNS)
    assert list(ents["id"]) == [RUSSIA, POMPEO, LAVROV, USA]
    assert ents.set_index("id").loc[RUSSIA, "documents"] == 2
    assert list(rels.columns) == list(query.RELATION_COLUMNS)
    assert list(rels["predicate"]) == ["warn", "holds_role"]
    assert rels.set_index("predicate").loc["holds_role", "role"] == "foreign minister"
    assert list(alls.columns) == list(query.ALLEGATION_COLUMNS)
    row = alls.iloc[0]
    assert (row["status"], row["accused"], row["denied_by"]) == ("denied", ["Russia"], ["Russia"])
    # one row per entity mention, plus one per sentence stating an allegation
    assert len(ments) == 5 + 2
    assert set(ments["type"]) == {"Person", "Country", "Allegation"}
    assert list(ments.columns) == list(query.MENTION_COLUMNS)


def test_to_pandas_of_an_empty_graph_has_the_columns() -> None:
    tables = query.to_pandas(nx.MultiDiGraph())
    assert all(len(t) == 0 for t in tables.values())
    assert list(tables["relations"].columns) == list(query.RELATION_COLUMNS)


def test_missing_pandas_says_which_extra_to_install(
    contract_graph: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(MissingDependencyError, match=r"pip install 'kgraph\[pandas\]'") as info:
        query.to_pandas(contract_graph)
    assert isinstance(info.value, ImportError) and isinstance(info.value, KGraphError)


def test_summary_counts(contract_graph: nx.MultiDiGraph) -> None:
    s = query.summary(contract_graph, top=2)
    assert {k: s[k] for k in ("documents", "nodes", "edges", "entities", "allegations")} == {
        "documents": 2,
        "nodes": 5,
        "edges": 5,
        "entities": 4,
        "allegations": 1,
    }
    assert s["types"] == {"Country": 2, "Person": 2}
    assert s["statuses"] == {"denied": 1}
    assert s["predicates"] == {"holds_role": 1, "warn": 1} and s["relations"] == 2
    assert [t["id"] for t in s["top"]] == [RUSSIA, POMPEO]


@pytest.mark.parametrize("fixture", ["contract_graph", "hostile_graph"])
def test_summary_html_escapes_every_string(fixture: str, request: pytest.FixtureRequest) -> None:
    g = request.getfixturevalue(fixture)
    page = query.summary_html(g)
    for _node, attrs in g.nodes(data=True):
        if attrs["type"] != "Allegation":
            assert html.escape(attrs["label"]) in page
    for raw in ("<script", "<img", "<b>"):
        assert raw not in page
    assert page.startswith('<div class="kgraph-summary">') and page.endswith("</div>")


# -- the KnowledgeGraph facade delegates here -------------------------------------------------
def test_knowledge_graph_query_methods(contract_graph: nx.MultiDiGraph) -> None:
    kg = KnowledgeGraph.from_networkx(copy.deepcopy(contract_graph))
    assert kg.entity("pompeo").id == POMPEO
    assert [e.id for e in kg.entities(type="Person")] == [POMPEO, LAVROV]
    assert [f.predicate for f in kg.relations(subject="Pompeo")] == ["warn"]
    assert [a.id for a in kg.allegations(accused="Russia", status="denied")] == [BOUNTY]
    assert [r.id for r in kg.neighbors("Pompeo")] == [LAVROV]
    sub = kg.subgraph("Pompeo", depth=1)
    assert isinstance(sub, KnowledgeGraph) and len(sub) == 2 and sub.documents == ["doc-a"]
    assert len(kg.path("Pompeo", "Russia")) == 2
    assert kg.rank(by="degree", top=1)[0][0].id == RUSSIA
    assert "Mike Pompeo" in kg._repr_html_()


@pytest.mark.parametrize(
    ("attrs", "fields"),
    [
        ({}, {"negated": False, "hedged": False, "date": None, "role": None, "anonymous": False}),
        ({"negated": True}, {"negated": True}),
        ({"hedged": True, "hedge": "may"}, {"hedged": True, "hedge": "may", "asserted": False}),
        ({"date": "on Monday"}, {"date": "on Monday"}),
        ({"role": "minister", "former": True}, {"role": "minister", "former": True}),
        ({"anonymous": True}, {"anonymous": True}),
    ],
)
def test_edge_attributes_are_fields_of_the_fact(
    attrs: dict[str, Any], fields: dict[str, Any]
) -> None:
    g = nx.MultiDiGraph(documents=[{"id": "d1"}])
    for node in ("a", "b"):
        g.add_node(node, label=node.upper(), type="Person", aliases=[], sources=["d1"], mentions=1)
    g.add_edge("a", "b", key="warn", predicate="warn", kind="action", evidence=[], **attrs)
    (fact,) = query.relations(g, asserted=None)
    assert isinstance(fact, kgraph.Fact)
    for name, value in fields.items():
        assert getattr(fact, name) == value
    assert dict(fact.attrs) == attrs


@pytest.mark.model
def test_statements_by_speaker_about_and_document() -> None:
    text = (
        "U.S. officials said that Russia paid militants to attack coalition troops. "
        "\u201cWe have seen no evidence,\u201d Kremlin spokesman Dmitry Peskov said on Monday."
    )
    kg = kgraph.build([kgraph.Document(text, id="said")])
    everything = kg.statements()
    assert len(everything) >= 2 and all(isinstance(s, kgraph.Statement) for s in everything)
    (us,) = kg.statements(speaker="United States")
    assert us.anonymous and us.kind == "indirect" and "Russia paid militants" in us.text
    assert text[us.content[0] : us.content[1]] == us.text
    assert "Russia" in us.about and kg.statements(about="Russia")
    (peskov,) = kg.statements(speaker="Peskov")
    assert peskov.kind == "direct" and peskov.on_behalf_of == "Kremlin"
    assert kg.statements(speaker="Kremlin") == [peskov]  # spoken on the Kremlin's behalf
    assert kg.statements(doc="nothing") == []
    table = kg.to_pandas()["statements"]
    assert len(table) == len(everything) and set(table["kind"]) >= {"direct", "indirect"}


def test_background_edges_are_no_links_for_centrality() -> None:
    from kgraph.query import _simple_graph

    g = nx.MultiDiGraph()
    g.add_edge("agency/fbi", "country/us", key="part_of", predicate="part_of", origin="gazetteer")
    g.add_edge("agency/fbi", "person/x", key="warn", predicate="warn", evidence=[])
    h = _simple_graph(g)
    assert sorted(h.edges) == [("agency/fbi", "person/x")]
