"""The interactive HTML exporter, without a browser (see test_html_browser.py for that)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import importlib.util
import json
import math
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph import ExportError, KGraphError
from kgraph.export import html as kg_html
from kgraph.export import write
from kgraph.export.html import InlinePage, show, to_html, to_vis, write_html

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "src" / "kgraph" / "export" / "templates"

# Every element the page may contain.  Names from the graph must never add one.
PAGE_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "link",
    "style",
    "body",
    "header",
    "h1",
    "span",
    "form",
    "input",
    "datalist",
    "button",
    "div",
    "aside",
    "section",
    "h2",
    "p",
    "label",
    "select",
    "option",
    "noscript",
    "script",
    "table",
    "thead",
    "tbody",
}


class PageParser(HTMLParser):
    """Collects tags, attributes, scripts and the text of a few elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: dict[str, str] = {}
        self._open: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in ("script", "title", "h1", "style") or attributes.get("id") == "kg-note":
            self._open.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if not self._open:
            return
        tag, attrs = self._open[-1]
        if tag == "script":
            self.scripts.append((attrs, data))
        else:
            key = str(attrs.get("id") or tag)
            self.text[key] = self.text.get(key, "") + data


def parse(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


def raw_data(page: str) -> dict[str, Any]:
    """The data the page embeds, as it is."""
    scripts = [text for attrs, text in parse(page).scripts if attrs.get("id") == "kg-data"]
    assert len(scripts) == 1
    data: dict[str, Any] = json.loads(scripts[0])
    return data


NODE_DEFAULTS: dict[str, Any] = {
    "subtype": "",
    "aliases": [],
    "docs": [],
    "ev": [],
    "mentions": 0,
    "drawn": False,
}
EDGE_DEFAULTS: dict[str, Any] = {
    "predicate": "",
    "kind": "",
    "role": "",
    "date": "",
    "flags": [],
    "event": "",
    "docs": [],
    "ev": [],
    "parallel": 0,
    "drawn": False,
}


def page_data(page: str) -> dict[str, Any]:
    """The data the page embeds, read back: documents by id, evidence as
    ``{"doc", "sentence"}``, every key present (the page leaves empty values out)."""
    data = raw_data(page)
    docs = [d["id"] for d in data["documents"]]

    def expand(record: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
        out = {**defaults, **record}
        out["docs"] = [docs[i] for i in out["docs"]]
        out["evidence"] = [{"doc": docs[d], "sentence": data["sentences"][s]} for d, s in out["ev"]]
        out.setdefault("nEvidence", len(out["ev"]))
        return out

    data["nodes"] = [expand(n, NODE_DEFAULTS) for n in data["nodes"]]
    for i, n in enumerate(data["nodes"]):
        n["id"] = f"n{i}"
        n.setdefault("label", n["name"])
        n.setdefault("nAliases", len(n["aliases"]))
        if n["type"] == "Allegation":
            for key in ("status", "confidence", "text", "act", "time", "firstReported"):
                n.setdefault(key, "")
    data["edges"] = [expand(e, EDGE_DEFAULTS) for e in data["edges"]]
    for i, e in enumerate(data["edges"]):
        e["id"], e["from"], e["to"] = f"e{i}", f"n{e['from']}", f"n{e['to']}"
        e.setdefault("key", e["predicate"])
        e.setdefault("label", e["predicate"])
        e.setdefault("modality", "" if e["kind"] == "allegation" else "asserted")
        e["asserted"] = e.get("asserted") != 0
    return data


def by_key(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {n["key"]: n for n in data["nodes"]}


def star_graph(n_leaves: int, chain: int = 0) -> nx.MultiDiGraph:
    """A hub with leaves, plus a separate chain: degrees are easy to predict."""
    g = nx.MultiDiGraph(documents=[{"id": "d1", "title": "T"}])
    g.add_node("hub", label="Hub", type="Person", mentions=1, sources=["d1"])
    for i in range(n_leaves):
        g.add_node(f"leaf/{i:03d}", label=f"Leaf {i}", type="Country", mentions=1, sources=["d1"])
        g.add_edge("hub", f"leaf/{i:03d}", key="visit", predicate="visit", kind="action")
    for i in range(chain):
        g.add_node(f"chain/{i:03d}", label=f"Chain {i}", type="Agency", mentions=5, sources=["d1"])
        if i:
            g.add_edge(
                f"chain/{i - 1:03d}", f"chain/{i:03d}", key="fund", predicate="fund", kind="action"
            )
    return g


# ---------------------------------------------------------------------------- offline
def test_page_is_one_offline_utf8_document(contract_graph: nx.MultiDiGraph) -> None:
    page = to_html(contract_graph)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    parsed = parse(page)
    tags = [t for t, _ in parsed.tags]
    assert tags.count("script") == 3
    assert ("meta", {"charset": "utf-8"}) in parsed.tags
    for tag, attrs in parsed.tags:
        assert tag in PAGE_TAGS
        assert "src" not in attrs, f"<{tag}> loads {attrs['src']}"
        for name in ("href", "action", "srcset", "poster", "data"):
            value = attrs.get(name)
            assert value is None or value.startswith("data:"), f"<{tag} {name}={value!r}>"
    css = "".join(text for key, text in parsed.text.items() if key == "style")
    assert "@import" not in css
    assert set(re.findall(r"url\(\s*['\"]?([a-z]+):", css)) <= {"data"}
    assert not re.search(r"@font-face", css)


def test_vis_network_comes_from_pyvis_and_is_inlined(contract_graph: nx.MultiDiGraph) -> None:
    vis_js, vis_css = kg_html._vis_assets()
    assert "vis-network" in vis_js[:300] and "@version 9.1.2" in vis_js[:300]
    page = to_html(contract_graph)
    scripts = [text for attrs, text in parse(page).scripts if not attrs]
    assert scripts == [vis_js, (TEMPLATES / "page.js").read_text(encoding="utf-8")]
    assert vis_css in page


def test_csp_allows_exactly_the_page_scripts_and_no_network(
    contract_graph: nx.MultiDiGraph,
) -> None:
    page = to_html(contract_graph)
    parsed = parse(page)
    (csp,) = [
        a["content"]
        for t, a in parsed.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp is not None
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert directives["default-src"] == "'none'"
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
        for attrs, text in parsed.scripts
        if not attrs
    }
    assert set(directives["script-src"].split()) == hashes
    assert "unsafe" not in directives["script-src"]
    for directive in ("img-src", "font-src"):
        assert directives[directive] == "data:"
    assert "connect-src" not in directives  # falls back to 'none'


def test_page_script_never_parses_markup() -> None:
    source = (TEMPLATES / "page.js").read_text(encoding="utf-8")
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "Function(",
        "srcdoc",
        'setTimeout("',
        "javascript:",
    ):
        assert sink not in source, sink
    # vis-network parses <b>/<i>/<code> in labels only with font.multi: never turn it on.
    assert not re.search(r"\bmulti\s*:", source)


# ---------------------------------------------------------------------------- data
def test_data_carries_every_node_and_edge(contract_graph: nx.MultiDiGraph) -> None:
    data = page_data(to_html(contract_graph))
    nodes = by_key(data)
    assert sorted(nodes) == sorted(contract_graph.nodes)
    assert [n["id"] for n in data["nodes"]] == [f"n{i}" for i in range(len(nodes))]
    assert len(data["edges"]) == contract_graph.number_of_edges()
    assert data["counts"] == {"nodes": 5, "edges": 5, "totalNodes": 5, "totalEdges": 5}
    for key, attrs in contract_graph.nodes(data=True):
        node = nodes[key]
        assert node["name"] == attrs["label"]
        assert node["type"] == attrs["type"]
        assert node["docs"] == attrs["sources"]
        assert node["mentions"] == attrs["mentions"]
        assert set(node["aliases"]) == set(attrs["aliases"]) - {attrs["label"]}
    lavrov = nodes["person/sergey-v-lavrov"]
    assert lavrov["evidence"] == [
        {
            "doc": "doc-a",
            "sentence": contract_graph.nodes["person/sergey-v-lavrov"]["evidence"][0]["sentence"],
        }
    ]
    allegation = nodes["allegation/russia-bounty"]
    assert (allegation["status"], allegation["confidence"]) == ("denied", "medium confidence")
    ids = {n["id"]: n["key"] for n in data["nodes"]}
    edges = {(ids[e["from"]], ids[e["to"]], e["key"]) for e in data["edges"]}
    assert edges == set(contract_graph.edges(keys=True))
    assert [d["id"] for d in data["documents"]] == ["doc-a", "doc-b"]
    assert data["documents"][0]["title"] == "Pompeo warned Russia"


@pytest.mark.parametrize(
    ("predicate", "kind", "from_type", "style"),
    [
        ("accused", "allegation", "Allegation", "accused"),
        ("alleged_by", "allegation", "Allegation", "alleged_by"),
        ("denied_by", "allegation", "Allegation", "denied_by"),
        ("dismissed_by", "allegation", "Allegation", "dismissed_by"),
        ("confirmed_by", "allegation", "Allegation", "confirmed_by"),
        ("reported_by", "allegation", "Allegation", "reported_by"),
        ("target", "allegation", "Allegation", "target"),
        ("blamed_on", "allegation", "Allegation", "allegation"),
        ("accused", "", "Allegation", "accused"),  # kind missing: the source decides
        ("target", "action", "Country", "action"),  # a verb, not an allegation role
        ("accused", "action", "Person", "action"),
        ("holds_role", "role", "Person", "role"),
        ("holds_role", "", "Person", "role"),
        ("warn", "action", "Person", "action"),
        ("", "", "Person", "action"),
    ],
)
def test_edges_are_styled_by_role_or_kind(
    predicate: str, kind: str, from_type: str, style: str
) -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", type=from_type)
    g.add_node("b", type="Country")
    g.add_edge("a", "b", key="k", predicate=predicate or None, kind=kind or None)
    data = to_vis(g)
    assert data["edges"][0]["style"] == style
    assert [s["name"] for s in data["edgeStyles"]] == [style]
    assert data["edgeStyles"][0]["color"] == kg_html.EDGE_STYLES[style][0]


@pytest.mark.parametrize(
    ("attrs", "label"),
    [
        ({"predicate": "warn"}, "warn"),
        ({"predicate": "warn", "negated": True}, "NOT warn"),
        ({"predicate": "warn", "negated": False}, "warn"),
        ({"predicate": "warn", "hedged": True}, "maybe warn"),
        ({"predicate": "warn", "hedged": True, "hedge": "may"}, "may warn"),
        ({"predicate": "provide", "demanded": True}, "demanded provide"),
        ({"predicate": "meet", "planned": True, "negated": True}, "NOT planned meet"),
        ({"predicate": "holds_role", "role": "foreign minister"}, "holds_role: foreign minister"),
        (
            {"predicate": "holds_role", "role": "director", "former": True},
            "former holds_role: director",
        ),
        ({}, "the-key"),
        ({"predicate": "x" * 80}, "x" * 39 + "\u2026"),
    ],
)
def test_edge_labels_show_the_predicate(attrs: dict[str, Any], label: str) -> None:
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", key="the-key", **attrs)
    assert to_vis(g)["edges"][0]["label"] == label


def test_node_types_keep_a_fixed_legend_order_and_unknown_types_are_grey() -> None:
    g = nx.MultiDiGraph()
    for i, type_ in enumerate(["Zeta", "Allegation", "Person", None, "Country", "Agency"]):
        g.add_node(f"n{i}", type=type_)
    types = to_vis(g)["types"]
    assert [t["name"] for t in types] == [
        "Person",
        "Agency",
        "Country",
        "Allegation",
        "Unknown",
        "Zeta",
    ]
    assert {t["name"]: t["shape"] for t in types}["Allegation"] == "diamond"
    assert {t["color"] for t in types[-2:]} == {kg_html._OTHER_NODE[0]}
    assert len({t["color"] for t in types[:4]}) == 4


@pytest.mark.parametrize(("max_evidence", "shown"), [(0, 0), (1, 1), (3, 2), (10, 2)])
def test_evidence_is_capped_and_deduplicated(max_evidence: int, shown: int) -> None:
    s1, s2 = "First sentence.", "Second sentence."
    g = nx.MultiDiGraph()
    g.add_node(
        "a",
        evidence=[
            {"doc": "d", "sentence": s1},
            {"doc": "d", "sentence": s1},
            {"doc": "e", "sentence": s2},
            {"doc": "e"},
        ],
    )
    node = to_vis(g, max_evidence=max_evidence)["nodes"][0]
    assert node["nEvidence"] == 2
    assert node["evidence"] == [{"doc": "d", "sentence": s1}, {"doc": "e", "sentence": s2}][:shown]


def test_long_sentences_and_labels_are_clipped_for_display() -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", label="A" * 100, evidence=[{"doc": "d", "sentence": "w " * 400}])
    node = to_vis(g)["nodes"][0]
    assert node["name"] == "A" * 100  # the full name stays for tooltips and search
    assert len(node["label"]) == kg_html._LABEL_CHARS and node["label"].endswith("\u2026")
    assert len(node["evidence"][0]["sentence"]) == kg_html._SENTENCE_CHARS


# ---------------------------------------------------------------------------- safety
def test_hostile_names_never_become_markup(hostile_graph: nx.MultiDiGraph) -> None:
    title = hostile_graph.nodes["person/mike-pompeo"]["label"]
    assert "<script>" in title
    page = to_html(hostile_graph, title=title)
    parsed = parse(page)
    assert {t for t, _ in parsed.tags} <= PAGE_TAGS
    assert [t for t, _ in parsed.tags].count("script") == 3
    ours = page.replace(kg_html._vis_assets()[0], "")  # vis-network's own code aside
    assert "<img" not in ours and "<b>" not in ours and "<script>alert" not in ours
    (raw,) = [text for attrs, text in parsed.scripts if attrs.get("id") == "kg-data"]
    assert not set(raw) & set("<>&\u2028\u2029")
    assert parsed.text["title"] == title  # escaped in the markup, intact as text
    assert parsed.text["kg-title"] == title
    data = page_data(page)
    nodes = by_key(data)
    for nid, attrs in hostile_graph.nodes(data=True):
        assert nodes[nid]["name"] == attrs["label"]
    assert data["title"] == title


def test_canvas_labels_drop_invisible_controls_but_keep_emoji(
    hostile_graph: nx.MultiDiGraph,
) -> None:
    russia = by_key(to_vis(hostile_graph))["country/russia"]
    assert "\u202e" in russia["name"] and "\u202e" not in russia["label"]
    assert "\u200b" not in russia["label"] and "\t" not in russia["label"]
    assert "\n" not in russia["label"]
    assert "🇷🇺" in russia["label"]
    family = "👨\u200d👩\u200d👧"
    g = nx.MultiDiGraph()
    g.add_node("f", label=family)
    assert to_vis(g)["nodes"][0]["label"] == family


# Text as it may come out of any article: every Unicode category but surrogates.
names = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)


@given(labels=st.lists(names, min_size=1, max_size=5), title=names)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_is_data_not_markup(labels: list[str], title: str) -> None:
    g = nx.MultiDiGraph(documents=[{"id": label, "title": label} for label in labels])
    for i, label in enumerate(labels):
        g.add_node(
            label + f"#{i}",
            label=label,
            type=label,
            aliases=[label, "</script>"],
            sources=[label],
            evidence=[{"doc": label, "sentence": label + "."}],
        )
        if i:
            g.add_edge(
                labels[0] + "#0",
                label + f"#{i}",
                key=label,
                predicate=label,
                kind=label,
                role=label,
            )
    page = to_html(g, title=title)
    parsed = parse(page)
    assert {t for t, _ in parsed.tags} <= PAGE_TAGS
    assert [t for t, _ in parsed.tags].count("script") == 3
    data = page_data(page)
    assert [n["name"] for n in data["nodes"]] == [g.nodes[k]["label"] or k for k in sorted(g.nodes)]
    assert data["title"] == title
    assert html.unescape(html.escape(title)) == title


def test_lone_surrogates_do_not_break_utf8(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", label="bad \ud800 text")
    write_html(g, tmp_path / "g.html")
    data = page_data((tmp_path / "g.html").read_text(encoding="utf-8"))
    assert data["nodes"][0]["name"] == "bad \ufffd text"


# ---------------------------------------------------------------------------- robustness
def test_json_unsafe_attributes_become_text() -> None:
    g = nx.MultiDiGraph(documents=[{"id": "d1", "title": None}, "not a dict"])
    g.add_node(
        7,
        label=None,
        type="Person",
        aliases={"B", "A"},
        sources=("d1",),
        mentions=float("nan"),
        evidence="not a list",
        subtype=dt.date(2020, 1, 2),
    )
    g.add_node(
        "x",
        label=dt.datetime(2020, 5, 6, 7, 8),
        mentions=True,
        sources={"d2"},
        aliases=None,
        evidence=[None, {"doc": 3, "sentence": 4}],
    )
    g.add_edge(
        7,
        "x",
        key=("tuple", 1),
        predicate={"set"},
        evidence=({"doc": "d1"},),
        date=dt.date(2021, 1, 1),
        negated="yes",
    )
    g.add_node("y", label={"b": 1, ("t", 2): {3, 1}, None: dt.date(2020, 1, 1)})
    page = to_html(g, layout_threshold=0)
    data = page_data(page)
    seven, x = by_key(data)["7"], by_key(data)["x"]
    assert by_key(data)["y"]["name"] == "{: 2020-01-01, b: 1, t, 2: 1, 3}"
    assert (seven["name"], seven["aliases"], seven["docs"]) == ("7", ["A", "B"], ["d1"])
    assert seven["mentions"] == 1 and seven["subtype"] == "2020-01-02"
    assert x["name"] == "2020-05-06T07:08:00" and x["mentions"] == 1
    assert x["evidence"] == [{"doc": "3", "sentence": "4"}]
    edge = data["edges"][0]
    assert edge["key"] == "tuple, 1" and edge["date"] == "2021-01-01"
    assert edge["predicate"] == "set"
    assert edge["flags"] == [] and edge["docs"] == ["d1"]
    assert [d["id"] for d in data["documents"]] == ["3", "d1", "d2"]  # evidence names "3"
    assert all(math.isfinite(n["x"]) and math.isfinite(n["y"]) for n in data["nodes"])


def test_node_ids_that_read_the_same_are_refused() -> None:
    g = nx.MultiDiGraph()
    g.add_node(1)
    g.add_node("1")
    with pytest.raises(ExportError, match="relabel"):
        to_html(g)


def test_empty_graph_gives_a_working_page() -> None:
    data = page_data(to_html(nx.MultiDiGraph()))
    assert data["nodes"] == [] and data["edges"] == [] and data["types"] == []
    assert data["title"] == "Knowledge graph" and data["note"] is None


def test_default_title_counts_documents(contract_graph: nx.MultiDiGraph) -> None:
    assert to_vis(contract_graph)["title"] == "Knowledge graph of 2 documents"


# ---------------------------------------------------------------------------- options
@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("height", "tall"),
        ("height", "100px; background: url(http://x)"),
        ("height", "-5px"),
        ("height", 0),
        ("height", True),
        ("height", 1.5),
        ("max_nodes", 0),
        ("max_nodes", -1),
        ("max_nodes", True),
        ("max_nodes", "10"),
        ("layout_threshold", -1),
        ("layout_threshold", 2.0),
        ("seed", -1),
        ("seed", None),
        ("max_evidence", -1),
    ],
)
def test_bad_options_are_refused(contract_graph: nx.MultiDiGraph, option: str, value: Any) -> None:
    with pytest.raises(ExportError, match=re.escape(f"{option}={value!r}")) as info:
        to_html(contract_graph, **{option: value})
    assert isinstance(info.value, ValueError) and isinstance(info.value, KGraphError)


def test_unknown_options_are_a_type_error(contract_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(TypeError, match="physics_everywhere"):
        to_html(contract_graph, physics_everywhere=True)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("height", "css"),
    [(650, "650px"), ("80vh", "80vh"), (" 50% ", "50%"), ("12.5em", "12.5em"), (None, None)],
)
def test_height_sets_the_graph_area(
    contract_graph: nx.MultiDiGraph, height: Any, css: str | None
) -> None:
    page = to_html(contract_graph, height=height)
    rule = re.findall(r"#kg-main\{flex:none;height:([^}]*)\}", page)
    assert rule == ([css] if css else [])


@pytest.mark.parametrize(
    ("n_leaves", "chain", "max_nodes", "kept"),
    [
        (3, 0, None, ["hub", "leaf/000", "leaf/001", "leaf/002"]),
        (3, 0, 4, ["hub", "leaf/000", "leaf/001", "leaf/002"]),
        (3, 0, 1, ["hub"]),
        (3, 0, 2, ["hub", "leaf/000"]),  # ties: most mentioned, then id
        (3, 3, 3, ["chain/000", "chain/001", "hub"]),  # degree 3, 2, then 1 with 5 mentions
        (1, 3, 2, ["chain/001", "chain/000"]),
    ],
)
def test_max_nodes_keeps_the_most_connected(
    n_leaves: int, chain: int, max_nodes: int | None, kept: list[str]
) -> None:
    g = star_graph(n_leaves, chain)
    page = to_html(g, max_nodes=max_nodes)
    data = page_data(page)
    # the page knows every node (its panels, lists and search); the canvas draws the kept
    assert sorted(by_key(data)) == sorted(g.nodes)
    assert sorted(n["key"] for n in data["nodes"] if n["drawn"]) == sorted(kept)
    assert sorted(n["key"] for n in to_vis(g, max_nodes=max_nodes)["nodes"]) == sorted(kept)
    keys = {n["id"]: n["key"] for n in data["nodes"]}
    expected_edges = {(u, v) for u, v in g.edges() if u in kept and v in kept}
    drawn_edges = {(keys[e["from"]], keys[e["to"]]) for e in data["edges"] if e["drawn"]}
    assert drawn_edges == expected_edges
    assert len(data["edges"]) == g.number_of_edges()
    parsed = parse(page)
    (note_attrs,) = [a for t, a in parsed.tags if a.get("id") == "kg-note"]
    if len(kept) < g.number_of_nodes():
        assert "hidden" not in note_attrs
        assert parsed.text["kg-note"] == data["note"]
        assert (
            f"Showing the {len(kept)} most connected of {g.number_of_nodes()} nodes"
            in (data["note"])
        )
        assert data["counts"]["totalNodes"] == g.number_of_nodes()
    else:
        assert "hidden" in note_attrs and data["note"] is None


def test_cutting_nodes_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="kgraph"):
        to_html(star_graph(5), max_nodes=2)
    assert "most connected of 6 nodes" in caplog.text


@pytest.mark.parametrize(
    ("n", "threshold", "physics"),
    [(5, 200, True), (5, 5, True), (6, 5, False), (5, 0, False), (300, None, True), (1, 0, False)],
)
def test_layout_threshold_switches_to_python_positions(
    n: int, threshold: int | None, physics: bool
) -> None:
    g = star_graph(n - 1)
    data = to_vis(g, layout_threshold=threshold)
    assert data["options"]["physics"] is physics
    has_xy = ["x" in node and "y" in node for node in data["nodes"]]
    assert has_xy == [not physics] * n
    if not physics and n > 1:
        points = {(node["x"], node["y"]) for node in data["nodes"]}
        assert len(points) == n  # no two nodes on top of each other


def test_python_layout_separates_components_and_isolated_nodes() -> None:
    g = star_graph(6, chain=4)
    g.add_node("alone", type="Person")
    data = to_vis(g, layout_threshold=0)
    pos = {n["key"]: (n["x"], n["y"]) for n in data["nodes"]}

    def box(keys: list[str]) -> tuple[float, float, float, float]:
        xs, ys = [pos[k][0] for k in keys], [pos[k][1] for k in keys]
        return min(xs), min(ys), max(xs), max(ys)

    star = box(["hub", *(f"leaf/{i:03d}" for i in range(6))])
    chain = box([f"chain/{i:03d}" for i in range(4)])
    alone = box(["alone"])
    for a, b in [(star, chain), (star, alone), (chain, alone)]:
        assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], (a, b)


def test_layout_needs_scipy_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_scipy(*args: Any, **kwargs: Any) -> Any:
        raise ModuleNotFoundError("No module named 'scipy'", name="scipy")

    monkeypatch.setattr(nx, "spring_layout", no_scipy)
    with pytest.raises(ExportError, match="needs scipy: pip install scipy"):
        to_html(star_graph(3), layout_threshold=0)


def test_missing_vis_network_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    kg_html._vis_assets.cache_clear()
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    try:
        with pytest.raises(ExportError, match=r"pip install 'pyvis==0\.3\.2'"):
            to_html(nx.MultiDiGraph())
    finally:
        kg_html._vis_assets.cache_clear()


# ---------------------------------------------------------------------------- determinism
def test_same_graph_same_bytes(contract_graph: nx.MultiDiGraph) -> None:
    twin = nx.MultiDiGraph(contract_graph)
    assert twin is not contract_graph
    assert to_html(contract_graph) == to_html(twin)
    assert to_html(contract_graph, layout_threshold=0) == to_html(twin, layout_threshold=0)


@given(rng=st.randoms(use_true_random=False), python_layout=st.booleans())
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_insertion_order_does_not_change_the_page(
    contract_graph: nx.MultiDiGraph, rng: Any, python_layout: bool
) -> None:
    g = contract_graph
    nodes = list(g.nodes(data=True))
    edges = list(g.edges(keys=True, data=True))
    rng.shuffle(nodes)
    rng.shuffle(edges)
    shuffled = nx.MultiDiGraph(**g.graph)
    shuffled.add_nodes_from(nodes)
    shuffled.add_edges_from(edges)
    threshold = 0 if python_layout else 200
    assert to_html(shuffled, layout_threshold=threshold) == to_html(g, layout_threshold=threshold)


def test_parallel_edges_are_numbered_for_curving(contract_graph: nx.MultiDiGraph) -> None:
    data = to_vis(contract_graph)
    keys = {n["id"]: n["key"] for n in data["nodes"]}
    between = sorted(
        (e["key"], e["parallel"])
        for e in data["edges"]
        if {keys[e["from"]], keys[e["to"]]} == {"allegation/russia-bounty", "country/russia"}
    )
    assert between == [("accused", 0), ("denied_by", 1)]


# ---------------------------------------------------------------------------- writing, show
def test_write_html_and_export_write_give_the_same_bytes(
    hostile_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    expected = to_html(hostile_graph, title="T").encode("utf-8")
    write_html(hostile_graph, tmp_path / "a.html", title="T")
    written = write(hostile_graph, tmp_path / "sub" / "b.HTML", title="T")
    assert (tmp_path / "a.html").read_bytes() == expected
    assert written.read_bytes() == expected
    assert "Росси́я".encode() in expected


def srcdoc_of(markup: str) -> tuple[str, dict[str, str | None]]:
    (attrs,) = [a for t, a in parse(markup).tags if t == "iframe"]
    srcdoc = attrs["srcdoc"]
    assert srcdoc is not None
    return srcdoc, attrs


def test_show_embeds_the_escaped_page_in_a_sandboxed_iframe(
    hostile_graph: nx.MultiDiGraph,
) -> None:
    from IPython.display import HTML  # a test dependency: missing is a failure, no skip

    shown = show(hostile_graph, height=400, title="Hi")
    assert isinstance(shown, HTML)
    markup = shown.data
    assert markup.startswith('<div class="kgraph-show"><iframe srcdoc="&lt;!DOCTYPE html&gt;')
    srcdoc, attrs = srcdoc_of(markup)
    assert srcdoc == to_html(hostile_graph, title="Hi")
    assert attrs["sandbox"] == "allow-scripts"
    assert "height:400px" in (attrs["style"] or "")
    assert "<script" not in markup  # the whole page is inside one attribute


def test_show_without_ipython_still_displays(
    contract_graph: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "IPython.display", None)
    shown = show(contract_graph)
    assert isinstance(shown, InlinePage)
    srcdoc, attrs = srcdoc_of(shown._repr_html_())
    assert srcdoc == to_html(contract_graph)
    assert "height:650px" in (attrs["style"] or "")
    assert repr(shown).startswith("<InlinePage ")


def test_show_refuses_a_bad_height(contract_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(ExportError, match="height='big'"):
        show(contract_graph, height="big")


def test_importing_the_module_loads_nothing_heavy() -> None:
    code = (
        "import sys, kgraph.export.html\n"
        "heavy = {'pyvis', 'IPython', 'scipy', 'numpy', 'jinja2', 'networkx'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    env_path = str(ROOT / "src")
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": env_path, "PATH": ""},
    )
    assert result.returncode == 0, result.stderr


def test_show_displays_in_a_real_notebook_kernel() -> None:
    # test dependencies: missing is a failure, no skip
    import ipykernel  # noqa: F401  (the kernel nbclient starts)
    import nbclient
    import nbformat

    code = (
        "import networkx as nx\n"
        "from kgraph.export.html import show\n"
        "g = nx.MultiDiGraph()\n"
        "g.add_node('person/ada', label='Ada <b>Lovelace</b>', type='Person')\n"
        "show(g, height=300)"
    )
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    outputs = notebook.cells[0].outputs
    assert [o["output_type"] for o in outputs] == ["execute_result"]  # no warning on stderr
    markup = outputs[0]["data"]["text/html"]
    srcdoc, attrs = srcdoc_of(markup)
    assert srcdoc.startswith("<!DOCTYPE html>")
    assert page_data(srcdoc)["nodes"][0]["name"] == "Ada <b>Lovelace</b>"
    assert attrs["sandbox"] == "allow-scripts"


def test_knowledge_graph_facade_writes_and_shows_the_page(
    contract_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    from kgraph import KnowledgeGraph

    kg = KnowledgeGraph.from_networkx(contract_graph)
    expected = to_html(kg.graph, title="T")
    assert kg.to_html(tmp_path / "out" / "graph.html", title="T") == expected
    assert (tmp_path / "out" / "graph.html").read_text(encoding="utf-8") == expected
    assert kg.write(tmp_path / "w.html", title="T").read_text(encoding="utf-8") == expected
    shown = kg.show(height=300, title="T")
    markup = shown._repr_html_() if hasattr(shown, "_repr_html_") else shown.data
    assert srcdoc_of(markup)[0] == expected


# ---------------------------------------------------------------------------- the analyst's data
def analyst_graph() -> nx.MultiDiGraph:
    """The contract graph with outlets, dates, statements and a well-evidenced allegation."""
    from tests.conftest import build_contract_graph

    g = build_contract_graph()
    g.graph["documents"][0]["published"] = "2020-08-07T09:30:00Z"
    g.graph["documents"][1]["published"] = "not a date"
    g.graph["documents"][1]["source"] = "The <b>Daily</b>"
    many = [
        {"doc": "doc-a", "start": i, "end": i + 1, "sentence": f"Sentence {i} on bounties."}
        for i in range(25)
    ]
    g.nodes["allegation/russia-bounty"]["evidence"] += many
    g.edges["allegation/russia-bounty", "country/russia", "denied_by"]["evidence"] += many
    s3 = "Russian officials have denounced the reports on the bounties as lies."
    g.graph["statements"] = [
        {
            "doc": "doc-b",
            "speaker": "country/russia",
            "on_behalf_of": None,
            "anonymous": True,
            "cue": [90, 99],
            "content": [100, 140],
            "source": None,
            "kind": "indirect",
            "about": ["allegation/russia-bounty", "country/united-states", "no/such-node"],
            "text": "the reports on the bounties as lies",
            "evidence": {"start": 73, "end": 142, "sentence": s3},
        },
        {
            "doc": "doc-a",
            "speaker": "person/mike-pompeo",
            "on_behalf_of": "country/united-states",
            "anonymous": False,
            "cue": [7, 13],
            "content": [14, 69],
            "source": [0, 6],
            "kind": "direct",
            "about": ["person/sergey-v-lavrov"],
            "text": "<script>alert(1)</script> a quote the sentence lacks",
            "evidence": {"start": 0, "end": 69, "sentence": "Pompeo warned Lavrov."},
        },
    ]
    return g


def test_page_data_carries_outlets_and_publication_days() -> None:
    data = page_data(to_html(analyst_graph()))
    docs = {d["id"]: d for d in data["documents"]}
    assert docs["doc-a"]["published"] == "2020-08-07"  # the day of a timestamp
    assert docs["doc-b"]["published"] == ""  # not a date: none
    assert (docs["doc-a"]["source"], docs["doc-b"]["source"]) == ("example", "The <b>Daily</b>")


def test_page_data_keeps_all_evidence_of_allegations_and_edges_and_some_of_entities() -> None:
    g = analyst_graph()
    data = page_data(to_html(g, max_evidence=2))
    nodes = by_key(data)
    allegation = nodes["allegation/russia-bounty"]
    assert len(allegation["evidence"]) == allegation["nEvidence"] == 27
    denied = next(e for e in data["edges"] if e["key"] == "denied_by")
    assert len(denied["evidence"]) == 26
    russia = nodes["country/russia"]
    assert (len(russia["evidence"]), russia["nEvidence"]) == (2, 2)
    g.nodes["country/russia"]["evidence"] *= 3  # the same two sentences: one each
    assert by_key(page_data(to_html(g, max_evidence=1)))["country/russia"]["nEvidence"] == 2
    # to_vis (pyvis reads it) still caps every list
    vis = to_vis(g, max_evidence=2)
    assert all(len(r["evidence"]) <= 2 for r in vis["nodes"] + vis["edges"])
    # each distinct sentence is written once
    raw = raw_data(to_html(g))
    assert len(raw["sentences"]) == len(set(raw["sentences"]))


def test_page_data_carries_statements_by_node_index() -> None:
    page = to_html(analyst_graph())
    data = page_data(page)
    index = {n["key"]: i for i, n in enumerate(data["nodes"])}
    docs = [d["id"] for d in data["documents"]]
    rows = {docs[st[0]]: st for st in data["statements"]}
    said = rows["doc-b"]
    assert said[1] == index["country/russia"] and said[2] == -1
    assert said[3:5] == ["indirect", 1]
    assert data["sentences"][said[5]].startswith("Russian officials have denounced")
    assert said[6] == ""  # the content is in the sentence: not written twice
    assert said[7] == sorted([index["allegation/russia-bounty"], index["country/united-states"]])
    quoted = rows["doc-a"]
    assert quoted[1:3] == [index["person/mike-pompeo"], index["country/united-states"]]
    assert quoted[6] == "<script>alert(1)</script> a quote the sentence lacks"
    (raw,) = [text for attrs, text in parse(page).scripts if attrs.get("id") == "kg-data"]
    assert "<script>" not in raw and "\\u003cscript\\u003e" in raw


def test_page_data_tells_which_nodes_the_canvas_draws() -> None:
    g = analyst_graph()
    for i in range(5):
        g.add_node(f"person/alone-{i}", label=f"Alone {i}", type="Person", mentions=1)
    data = page_data(to_html(g, max_nodes=5))
    drawn = {n["key"] for n in data["nodes"] if n["drawn"]}
    assert len(drawn) == 5 and "allegation/russia-bounty" in drawn
    assert len(data["nodes"]) == g.number_of_nodes()  # the panels and search know them all
    assert data["counts"]["nodes"] == 5 and data["counts"]["totalNodes"] == g.number_of_nodes()


def test_page_data_counts_predicates_for_the_link_type_filter() -> None:
    data = to_vis(analyst_graph())
    assert data["predicates"][0] == {"name": "accused", "count": 1}
    assert {p["name"] for p in data["predicates"]} == {
        "accused",
        "alleged_by",
        "denied_by",
        "holds_role",
        "warn",
    }


def test_page_data_keeps_zero_coordinates_and_drops_empty_values() -> None:
    data = raw_data(to_html(star_graph(3), layout_threshold=0))
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert any(n["x"] == 0 or n["y"] == 0 for n in data["nodes"])
    assert all("subtype" not in n and "id" not in n for n in data["nodes"])
    assert all(isinstance(e["from"], int) for e in data["edges"])


@pytest.mark.parametrize(
    "element",
    [
        "kg-list-table",
        "kg-status-list",
        "kg-stance",
        "kg-predicate",
        "kg-event",
        "kg-outlet",
        "kg-doc",
        "kg-from",
        "kg-to",
        "kg-asserted",
        "kg-unlinked",
        "kg-focus",
        "kg-strip",
        "kg-tab-results",
    ],
)
def test_the_page_has_the_analyst_controls(element: str) -> None:
    ids = {a.get("id") for _, a in parse(to_html(analyst_graph())).tags}
    assert element in ids


def test_facts_default_to_what_the_text_asserts() -> None:
    checked = {
        a.get("id"): "checked" in a
        for t, a in parse(to_html(analyst_graph())).tags
        if t == "input" and a.get("type") == "checkbox"
    }
    assert checked == {
        "kg-asserted": True,
        "kg-unlinked": False,
        "kg-focus": False,
        "kg-physics": False,
    }


def test_the_layout_does_not_depend_on_the_hash_seed() -> None:
    """Set iteration order of strings changes with PYTHONHASHSEED; the page's bytes must not."""
    script = (
        "from kgraph.export.html import _layout\n"
        "keys = [f'node/{i}' for i in range(40)]\n"
        "pairs = [(keys[i], keys[(i * 7 + 3) % 40]) for i in range(40)]\n"
        "print(sorted(_layout(keys, pairs, seed=3).items()))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
