"""kg.to_pyvis(): a pyvis Network with the page's groups, colours, physics and plain titles."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from pyvis.network import Network

from kgraph import KnowledgeGraph
from kgraph.export import html
from kgraph.export.pyvis import to_pyvis

from .conftest import HOSTILE_NAMES, build_contract_graph
from .test_rdf import HOSTILE_TEXTS, hostile_everywhere_graph, roles_graph


def test_nodes_and_edges_are_the_graphs() -> None:
    g = roles_graph()
    net = KnowledgeGraph.from_networkx(g).to_pyvis()
    assert isinstance(net, Network) and net.directed
    assert sorted(n["id"] for n in net.nodes) == sorted(g.nodes)
    got = sorted((e["from"], e["to"], e["label"]) for e in net.edges)
    assert len(got) == g.number_of_edges()
    assert {(u, v) for u, v, _l in got} == {(u, v) for u, v in g.edges()}


def test_types_are_groups_with_the_pages_colours_and_shapes() -> None:
    g = roles_graph()
    net = to_pyvis(g)
    for node in net.nodes:
        type_ = g.nodes[node["id"]]["type"]
        assert node["group"] == type_
        assert (node["color"], node["shape"]) == html.NODE_STYLES[type_]
    groups = json.loads(net.options.to_json())["groups"]
    assert groups == {
        t: {"color": c, "shape": s} for t, (c, s) in html.NODE_STYLES.items() if t in groups
    }
    accused = [e for e in net.edges if e["label"] == "accused"]
    assert accused and all(e["color"] == html.EDGE_STYLES["accused"][0] for e in accused)


def test_physics_is_the_pages() -> None:
    options = json.loads(to_pyvis(roles_graph()).options.to_json())["physics"]
    assert options["enabled"] is True
    assert options["solver"] == html.PHYSICS["solver"]
    fa = options["forceAtlas2Based"]
    for key, value in html.PHYSICS["forceAtlas2Based"].items():
        assert fa[key] == value
    assert options["minVelocity"] == html.PHYSICS["minVelocity"]
    for key, value in html.PHYSICS["stabilization"].items():
        assert options["stabilization"][key] == value


def test_a_large_graph_gets_the_pages_positions_and_no_physics() -> None:
    g = nx.MultiDiGraph()
    for i in range(30):
        g.add_node(f"person/p{i}", label=f"P {i}", type="Person", mentions=1)
    for i in range(29):
        g.add_edge(f"person/p{i}", f"person/p{i + 1}", key="meet", predicate="meet")
    net = to_pyvis(g, layout_threshold=10)
    assert json.loads(net.options.to_json())["physics"]["enabled"] is False
    positions = {n["key"]: (n["x"], n["y"]) for n in html.to_vis(g, layout_threshold=10)["nodes"]}
    assert {n["id"]: (n["x"], n["y"]) for n in net.nodes} == positions


def test_titles_are_plain_text_with_the_evidence() -> None:
    g = build_contract_graph(HOSTILE_NAMES)
    net = to_pyvis(g)
    pompeo = next(n for n in net.nodes if n["id"] == "person/mike-pompeo")
    assert pompeo["title"].splitlines()[0] == f"{HOSTILE_NAMES['pompeo']} (Person)"
    sentence = g.nodes["person/mike-pompeo"]["evidence"][0]["sentence"]
    assert f"doc-a: {sentence}" in pompeo["title"].splitlines()
    for item in (*net.nodes, *net.edges):
        assert "<br" not in item["title"] and "&lt;" not in item["title"]


def test_the_page_pyvis_writes_carries_hostile_text_only_as_data(
    tmp_path: pytest.TempPathFactory,
) -> None:
    net = to_pyvis(hostile_everywhere_graph(), cdn_resources="in_line")
    page = net.generate_html()
    dangers = ["<script>alert(1)", "<img src=x onerror", "<b>bounties</b>", "</p>"]
    assert all(any(d in t for t in (*HOSTILE_NAMES.values(), *HOSTILE_TEXTS)) for d in dangers)
    for danger in dangers:
        assert danger not in page, danger  # JSON-escaped in the page's data


def test_options_reach_to_vis() -> None:
    net = to_pyvis(roles_graph(), max_nodes=3)
    assert len(net.nodes) == 3
    with pytest.raises(TypeError, match="physics_everywhere"):
        to_pyvis(roles_graph(), physics_everywhere=True)
