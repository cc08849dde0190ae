"""GraphML and GEXF export (kgraph.export.formats): flattening and round trips through networkx;
options the writers do not take (node-link JSON itself: tests/test_nodelink.py)."""

from __future__ import annotations

import copy
import inspect
import re
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph import ExportError, KnowledgeGraph, OptionError, export
from kgraph.export.formats import SEPARATOR, _flat_value, _xml_text, to_flat
from kgraph.graph import node_link_dumps

SCALARS = (str, int, float, bool)


def _read(path: Path) -> nx.MultiDiGraph:
    if path.suffix == ".graphml":
        return nx.read_graphml(path, force_multigraph=True)
    g = nx.read_gexf(path)
    assert g.is_directed()
    # networkx reads a GEXF file without parallel edges as a DiGraph
    return g if isinstance(g, nx.MultiDiGraph) else nx.MultiDiGraph(g)


def _all_values(g: nx.MultiDiGraph) -> list[Any]:
    values = list(g.graph.values())
    for _n, attrs in g.nodes(data=True):
        values.extend(attrs.values())
    for _u, _v, attrs in g.edges(data=True):
        values.extend(attrs.values())
    return values


# -- to_flat ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text", "text"),
        (3, 3),
        (2.5, 2.5),
        (False, False),
        (None, None),
        ([], ""),
        (["a", "b"], "a | b"),
        (["a", None, 2], "a | 2"),
        (("x",), "x"),
        ({"b", "a"}, "a | b"),
        ({"k": [1, None]}, '{"k": [1, null]}'),
        ([{"id": "d1"}], '[{"id": "d1"}]'),
        ([["a", "b"]], '[["a", "b"]]'),
        (Path("p"), "p"),
    ],
)
def test_flat_value(value: Any, expected: Any) -> None:
    assert _flat_value(value) == expected


@pytest.mark.parametrize("fixture", ["contract_graph", "hostile_graph"])
def test_to_flat_leaves_only_scalars(fixture: str, request: pytest.FixtureRequest) -> None:
    g = request.getfixturevalue(fixture)
    flat = to_flat(g)
    assert all(isinstance(v, SCALARS) for v in _all_values(flat))
    assert set(flat.nodes) == set(g.nodes)
    assert Counter(list(flat.edges(keys=True))) == Counter(list(g.edges(keys=True)))


def test_to_flat_values(contract_graph: nx.MultiDiGraph) -> None:
    before = node_link_dumps(contract_graph)
    flat = to_flat(contract_graph)
    assert node_link_dumps(contract_graph) == before  # the graph is not touched
    russia = flat.nodes["country/russia"]
    assert russia["aliases"] == "Russia" and russia["sources"] == "doc-a | doc-b"
    assert russia["evidence_count"] == 2
    assert russia["sentence"] == contract_graph.nodes["country/russia"]["evidence"][0]["sentence"]
    assert "subtype" not in russia  # None is dropped
    assert "evidence" not in russia
    bounty = flat.nodes["allegation/russia-bounty"]
    assert bounty["keywords"] == "bounty | offer" and bounty["aliases"] == ""
    edge = flat.edges["allegation/russia-bounty", "country/united-states", "alleged_by"]
    assert edge == {
        "predicate": "alleged_by",
        "kind": "allegation",
        "anonymous": True,
        "evidence_count": 1,
        "sentence": contract_graph.edges[
            "allegation/russia-bounty", "country/united-states", "alleged_by"
        ]["evidence"][0]["sentence"],
        "documents": "doc-b",
        "label": "alleged_by",
        "weight": 1.0,
    }
    assert flat.graph == {
        "name": "kgraph",
        "version": "0.1.0",
        "documents": "doc-a | doc-b",
        "document_count": 2,
    }


def test_to_flat_of_an_empty_graph() -> None:
    flat = to_flat(nx.MultiDiGraph())
    assert flat.number_of_nodes() == 0 and flat.graph == {}


# -- writing and reading back ------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
@pytest.mark.parametrize("fixture", ["contract_graph", "hostile_graph"])
def test_round_trip_through_networkx(
    fixture: str, suffix: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    g = request.getfixturevalue(fixture)
    path = export.write(g, tmp_path / f"graph{suffix}")
    back = _read(path)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    assert set(back.nodes) == set(g.nodes)
    assert Counter(list(back.edges())) == Counter(list(g.edges()))
    for node, attrs in g.nodes(data=True):
        assert back.nodes[node]["label"] == attrs["label"]  # tabs, newlines, RTL, emoji intact
        assert back.nodes[node]["type"] == attrs["type"]
        assert back.nodes[node]["mentions"] == attrs["mentions"]
    predicates = Counter(a["predicate"] for _u, _v, a in back.edges(data=True))
    assert predicates == Counter(a["predicate"] for _u, _v, a in g.edges(data=True))


def test_graphml_edge_ids_are_unique_and_keep_the_key(
    contract_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    path = export.write(contract_graph, tmp_path / "g.graphml")
    back = _read(path)
    ids = [k for _u, _v, k in back.edges(keys=True)]
    assert len(set(ids)) == len(ids)
    keys = Counter((u, v, a["key"]) for u, v, a in back.edges(data=True))
    assert keys == Counter(list(contract_graph.edges(keys=True)))
    text = path.read_text(encoding="utf-8")
    assert len(re.findall(r'<edge [^>]*id="e\d+"', text)) == contract_graph.number_of_edges()


def test_gexf_keeps_the_key_and_labels_edges(
    contract_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    back = _read(export.write(contract_graph, tmp_path / "g.gexf"))
    assert Counter(list(back.edges(keys=True))) == Counter(list(contract_graph.edges(keys=True)))
    for u, v, k, attrs in back.edges(keys=True, data=True):
        assert attrs["label"] == contract_graph.edges[u, v, k]["predicate"]
        assert attrs["weight"] == len(contract_graph.edges[u, v, k]["evidence"])


@pytest.mark.parametrize(
    ("attrs", "label"),
    [
        ({"negated": True, "asserted": True}, "NOT warn"),
        ({"asserted": False, "hedged": True, "hedge": "may"}, "may warn"),
        (
            {"asserted": False, "reported": True, "according_to": "country/united-states"},
            "warn (according to United States)",
        ),
        ({"asserted": False, "reported": True}, "warn (reported)"),
        ({"asserted": False, "demanded": True}, "demanded warn"),
        ({"asserted": False, "planned": True}, "planned warn"),
    ],
)
@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_edge_labels_and_attributes_carry_the_modality(
    contract_graph: nx.MultiDiGraph, attrs: dict[str, Any], label: str, suffix: str, tmp_path: Path
) -> None:
    contract_graph.edges["person/mike-pompeo", "person/sergey-v-lavrov", "warn"].update(
        attrs, event="THREATEN"
    )
    back = _read(export.write(contract_graph, tmp_path / f"g{suffix}"))
    (edge,) = [a for _u, _v, a in back.edges(data=True) if a.get("predicate") == "warn"]
    assert edge["label"] == label
    assert edge["event"] == "THREATEN"
    assert {k: edge[k] for k in attrs} == attrs


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_same_graph_same_bytes(
    contract_graph: nx.MultiDiGraph, suffix: str, tmp_path: Path
) -> None:
    first = export.write(contract_graph, tmp_path / f"a{suffix}")
    shuffled = nx.MultiDiGraph()
    shuffled.graph.update(copy.deepcopy(contract_graph.graph))
    shuffled.add_nodes_from(reversed(list(contract_graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(contract_graph.edges(keys=True, data=True))))
    second = export.write(shuffled, tmp_path / f"b{suffix}")
    assert first.read_bytes() == second.read_bytes()
    assert b"lastmodifieddate" not in first.read_bytes()


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_knowledge_graph_write(
    contract_graph: nx.MultiDiGraph, suffix: str, tmp_path: Path
) -> None:
    kg = KnowledgeGraph.from_networkx(contract_graph)
    path = kg.write(tmp_path / "sub" / f"graph{suffix}")
    assert path.is_file()
    assert _read(path).number_of_nodes() == len(kg)


def test_characters_xml_forbids_are_removed(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", label="A\x00B\x1f\x08C\r\nD", aliases=["x\x0by", "ok"], type="Person")
    g.add_node("b", label="B")
    g.add_edge("a", "b", key="k\x01", predicate="p\x02", evidence=[])
    for suffix in (".graphml", ".gexf"):
        back = _read(export.write(g, tmp_path / f"g{suffix}"))
        assert back.nodes["a"]["label"] == "ABC\nD"
        assert back.nodes["a"]["aliases"] == "xy | ok"
        ((_u, _v, attrs),) = back.edges(data=True)
        assert attrs["predicate"] == "p"


def test_a_node_id_that_cannot_be_xml_is_an_export_error(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    g.add_node("\x00\x01", label="bad")
    for suffix in (".graphml", ".gexf"):
        with pytest.raises(ExportError, match="rename the node") as info:
            export.write(g, tmp_path / f"g{suffix}")
        assert isinstance(info.value, ValueError)
    g = nx.MultiDiGraph()
    g.add_nodes_from(["a\x00", "a"])
    with pytest.raises(ExportError, match="clashes"):
        export.write(g, tmp_path / "g.graphml")


# -- properties ----------------------------------------------------------------------------------
_TEXT = st.text(st.characters(codec="utf-8"), max_size=30)
_VALUE = st.one_of(
    st.none(),
    _TEXT,
    st.integers(-(2**31), 2**31),
    st.booleans(),
    st.lists(_TEXT, max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@st.composite
def _contract_like_graphs(draw: st.DrawFn) -> nx.MultiDiGraph:
    n = draw(st.integers(1, 8))
    g = nx.MultiDiGraph(name="kgraph", documents=[{"id": "d1", "authors": ["x"]}])
    for i in range(n):
        label = draw(_TEXT)
        extra = draw(st.dictionaries(st.sampled_from(["subtype", "x", "y", "z"]), _VALUE))
        g.add_node(
            f"node/{i}",
            label=label,
            type=draw(st.sampled_from(["Person", "Country", "Allegation"])),
            aliases=sorted({label, *draw(st.lists(_TEXT, max_size=3))}),
            mentions=draw(st.integers(0, 5)),
            evidence=[{"doc": "d1", "start": 0, "end": 1, "sentence": draw(_TEXT)}],
            **extra,
        )
    for _ in range(draw(st.integers(0, 12))):
        u, v = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        key = draw(st.sampled_from(["warn", "accused", "holds_role:x", "meet"]))
        g.add_edge(
            f"node/{u}",
            f"node/{v}",
            key=key,
            predicate=key.split(":")[0],
            kind="action",
            evidence=draw(
                st.lists(
                    st.fixed_dictionaries(
                        {
                            "doc": st.just("d1"),
                            "start": st.just(0),
                            "end": st.just(1),
                            "sentence": _TEXT,
                        }
                    ),
                    max_size=2,
                )
            ),
            date=draw(st.one_of(st.none(), _TEXT)),
        )
    return g


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(g=_contract_like_graphs())
def test_any_graph_round_trips_with_the_same_counts(g: nx.MultiDiGraph, tmp_path: Path) -> None:
    flat = to_flat(g)
    assert all(isinstance(v, SCALARS) for v in _all_values(flat))
    for suffix in (".graphml", ".gexf"):
        back = _read(export.write(g, tmp_path / f"g{suffix}"))
        assert back.number_of_nodes() == g.number_of_nodes()
        assert back.number_of_edges() == g.number_of_edges()
        assert Counter(list(back.edges())) == Counter(list(g.edges()))
        for node, label in g.nodes(data="label"):
            assert back.nodes[node]["label"] == _xml_text(label)
            assert back.nodes[node]["aliases"] == _xml_text(flat.nodes[node]["aliases"])


def test_separator_is_documented() -> None:
    assert SEPARATOR == " | "
    assert to_flat(nx.MultiDiGraph(documents=[{"id": "a"}, {"id": "b"}])).graph["documents"] == (
        "a" + SEPARATOR + "b"
    )


# -- the writer's options ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("g.json", {"base": "https://example.org/"}),
        ("g.ttl", {"title": "T"}),
        ("g.html", {"base": "https://example.org/"}),
        ("g.graphml", {"title": "T"}),
        ("out", {"format": "neo4j", "base": "https://example.org/"}),
    ],
)
def test_an_option_the_writer_does_not_take_is_refused(
    contract_graph: nx.MultiDiGraph, name: str, options: dict[str, Any], tmp_path: Path
) -> None:
    with pytest.raises(OptionError, match="takes no such option") as info:
        export.write(contract_graph, tmp_path / "sub" / name, **options)
    assert isinstance(info.value, TypeError)
    assert not (tmp_path / "sub").exists()


def test_options_are_keywords_the_writer_and_reader_name() -> None:
    assert "options" not in inspect.signature(export.write).parameters
    assert list(inspect.signature(export.read).parameters) == ["path"]
    with pytest.raises(TypeError, match="bse"):
        export.write(nx.MultiDiGraph(), "g.ttl", bse="https://example.org/")  # type: ignore[call-arg]
