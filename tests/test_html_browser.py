"""The HTML page in a real browser: Debian's chromium driven headless by Playwright.

Install the browser first (idempotent): ``sh tests/setup_browser.sh``; then
``pytest -m browser tests/test_html_browser.py``.  Pages are opened from
``file://`` in an offline context where any other request is aborted and
recorded.  Screenshots go to ``tests/artifacts/``.
"""

from __future__ import annotations

import copy
import html
import math
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kgraph.export.html import _clip, show, to_html, write_html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
TIMEOUT = 60.0  # seconds; a hang guard, not a speed assertion

# Payloads that set a flag or open a dialog if they ever run as code.
XSS = {
    "pompeo": '<img src=x onerror="window.__pwned=1;alert(1)"> Mike "Pompeo"',
    "lavrov": '<a href="javascript:alert(2)">Lavrov</a> href <script>window.__pwned=2</script>',
    "russia": "Russia <svg onload=alert(3)> \u202eatad\u200b 🇷🇺\tnew\nline ? # %",
    "usa": "United States' onmouseover='alert(4)' x=\"{{7*7}}\" & friends",
    "allegation": '<iframe src="javascript:alert(5)"></iframe><b>bounties</b> href=',
}


@dataclass
class Opened:
    """A page opened in an offline context, with what it logged."""

    page: Any
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def eval(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs
        assert self.blocked == [], self.blocked
        assert all(u.startswith(("file:", "data:", "about:")) for u in self.requests), self.requests
        assert self.eval("window.__pwned === undefined")
        assert self.eval("kgraph.errors") == []


def poll(check: Any, what: str, timeout: float = TIMEOUT) -> Any:
    """Poll ``check()`` from Python until it is truthy.

    (Playwright's ``wait_for_function`` evaluates a string in the page, which the
    page's Content-Security-Policy refuses, as it should.)
    """
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(0.05)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `sh tests/setup_browser.sh` first")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    contexts: list[Any] = []

    def _open(path: Path, *, wait: bool = True, width: int = 1400, height: int = 850) -> Opened:
        context = browser.new_context(viewport={"width": width, "height": height}, offline=True)
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def route(r: Any) -> None:
            if r.request.url.startswith(("file:", "data:", "about:")):
                r.continue_()
            else:
                opened.blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.on("request", lambda req: opened.requests.append(req.url))

        def console(msg: Any) -> None:
            if msg.type == "error":
                opened.errors.append(msg.text)

        page.on("console", console)
        page.on("pageerror", lambda err: opened.errors.append(str(err)))

        def dialog(d: Any) -> None:
            opened.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.goto(path.as_uri(), wait_until="load")
        if wait:
            poll(
                lambda: page.evaluate("window.kgraph && window.kgraph.stabilized"),
                "the layout to settle",
            )
        return opened

    yield _open
    for context in contexts:
        context.close()


def xss_graph(contract_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The contract graph with every name, title and sentence hostile."""
    g = copy.deepcopy(contract_graph)
    ids = {
        "pompeo": "person/mike-pompeo",
        "lavrov": "person/sergey-v-lavrov",
        "russia": "country/russia",
        "usa": "country/united-states",
        "allegation": "allegation/russia-bounty",
    }
    for name, nid in ids.items():
        attrs = g.nodes[nid]
        attrs["label"] = XSS[name]
        attrs["aliases"] = sorted({*attrs["aliases"], XSS[name], "<script>alert(6)</script>"})
        for ev in attrs["evidence"]:
            ev["sentence"] = XSS[name] + " said <img src=y onerror=alert(7)>."
    for _, _, attrs in g.edges(data=True):
        attrs["evidence"] = [dict(ev, sentence=XSS["lavrov"]) for ev in attrs["evidence"]]
    g.graph["documents"] = [
        dict(d, title=XSS["allegation"] + d["id"]) for d in g.graph["documents"]
    ]
    return g


def dom_point(opened: Opened, vis_id: str, *, edge: bool = False) -> tuple[float, float]:
    """Viewport coordinates of a node, or of the middle of an edge."""
    point = opened.eval(
        """([id, edge]) => {
            const net = kgraph.network;
            const p = edge ? net.body.edges[id].edgeType.getPoint(0.5)
                           : net.getPositions([id])[id];
            const dom = net.canvasToDOM(p);
            const box = document.getElementById("kg-network").getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""",
        [vis_id, edge],
    )
    return float(point[0]), float(point[1])


def hover_tooltip(opened: Opened, vis_id: str, *, edge: bool = False) -> str:
    """Hover an item and return the text of vis-network's tooltip."""
    opened.page.mouse.move(5, 5)
    x, y = dom_point(opened, vis_id, edge=edge)
    opened.page.mouse.move(x, y, steps=2)
    poll(
        lambda: opened.eval("!document.getElementById('kg-tip').hidden"),
        f"the tooltip of {vis_id}",
        timeout=10,
    )
    text: str = opened.eval("document.getElementById('kg-tip').textContent")
    return text


# ---------------------------------------------------------------------------- tests
def test_contract_graph_loads_offline_with_every_node_and_edge(
    contract_graph: nx.MultiDiGraph, open_page: Any, tmp_path: Path
) -> None:
    path = tmp_path / "graph.html"
    write_html(contract_graph, path)
    opened = open_page(path)
    opened.assert_clean()
    counts = opened.eval(
        "[kgraph.nodes.length, kgraph.edges.length, kgraph.nodeView.length, kgraph.edgeView.length]"
    )
    n, m = contract_graph.number_of_nodes(), contract_graph.number_of_edges()
    assert counts == [n, m, n, m]
    keys = opened.eval(
        "kgraph.nodes.get().map(n => kgraph.data.nodes.find(d => d.id === n.id).key)"
    )
    assert sorted(keys) == sorted(contract_graph.nodes)
    # the legend lists the types present, the links present and every document
    assert opened.eval("document.querySelectorAll('#kg-type-list input').length") == 3
    assert opened.eval("document.querySelectorAll('#kg-edge-list .kg-row').length") == 5
    assert opened.eval("[...document.querySelectorAll('#kg-doc option')].map(o => o.value)") == [
        "",
        "doc-a",
        "doc-b",
    ]
    assert opened.page.locator("#kg-counts").text_content() == (
        "5 nodes · 5 links · 1 allegation · 2 documents"
    )
    # physics settled, then stopped
    assert opened.eval("kgraph.network.physics.physicsEnabled") is False
    assert opened.eval("document.getElementById('kg-physics').checked") is False
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "html_contract_graph.png"
    opened.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Sergey V. Lavrov", "person/sergey-v-lavrov"),  # exact label
        ("lavrov", "person/sergey-v-lavrov"),  # any case, part of a name
        ("Pompeo", "person/mike-pompeo"),  # an alias
        ("U.S.", "country/united-states"),  # an alias that is not the label
        ("  russia ", "country/russia"),  # exact beats substring (the allegation)
        ("bounties", "allegation/russia-bounty"),
        ("country/united", "country/united-states"),  # the node id
    ],
)
def test_search_selects_and_focuses_the_node(
    contract_graph: nx.MultiDiGraph, open_page: Any, tmp_path: Path, query: str, expected: str
) -> None:
    path = tmp_path / "graph.html"
    write_html(contract_graph, path)
    opened = open_page(path)
    opened.page.fill("#kg-search-input", query)
    opened.page.press("#kg-search-input", "Enter")
    assert opened.eval("kgraph.selectedKeys()") == [expected]
    assert opened.page.locator("#kg-search-status").text_content().startswith("Found: ")
    label = contract_graph.nodes[expected]["label"]
    assert label in opened.page.locator("#kg-detail-body").text_content()
    opened.assert_clean()


def test_search_without_a_match_says_so(
    contract_graph: nx.MultiDiGraph, open_page: Any, tmp_path: Path
) -> None:
    path = tmp_path / "graph.html"
    write_html(contract_graph, path)
    opened = open_page(path)
    opened.page.fill("#kg-search-input", "Lavrov")
    opened.page.click("#kg-search-button")
    assert opened.eval("kgraph.selectedKeys()") == ["person/sergey-v-lavrov"]
    opened.page.fill("#kg-search-input", "no such name")
    opened.page.press("#kg-search-input", "Enter")
    assert opened.eval("kgraph.selectedKeys()") == []
    assert opened.page.locator("#kg-search-status").text_content() == "No match"


def test_search_finds_a_node_hidden_by_filters(
    contract_graph: nx.MultiDiGraph, open_page: Any, tmp_path: Path
) -> None:
    path = tmp_path / "graph.html"
    write_html(contract_graph, path)
    opened = open_page(path)
    opened.page.uncheck("#kg-type-list input[value='Person']")
    assert opened.eval("kgraph.nodeView.length") == 3
    opened.page.fill("#kg-search-input", "pompeo")
    opened.page.press("#kg-search-input", "Enter")
    assert opened.eval("kgraph.selectedKeys()") == ["person/mike-pompeo"]
    assert opened.eval("kgraph.nodeView.length") == 5
    assert "filters reset" in opened.page.locator("#kg-search-status").text_content()


def test_filters_by_type_and_by_document(
    contract_graph: nx.MultiDiGraph, open_page: Any, tmp_path: Path
) -> None:
    path = tmp_path / "graph.html"
    write_html(contract_graph, path)
    opened = open_page(path)
    g = contract_graph

    def shown() -> tuple[set[str], int]:
        keys = opened.eval(
            "kgraph.nodeView.get().map(n => kgraph.data.nodes.find(d => d.id === n.id).key)"
        )
        return set(keys), opened.eval("kgraph.edgeView.length")

    opened.page.uncheck("#kg-type-list input[value='Country']")
    # the allegation links only countries: without them it has no link, and is hidden
    keys, n_edges = shown()
    assert keys == {n for n, t in g.nodes(data="type") if t == "Person"}
    opened.page.check("#kg-unlinked")
    keys, n_edges = shown()
    assert keys == {n for n, t in g.nodes(data="type") if t != "Country"}
    assert n_edges == sum(1 for u, v in g.edges() if u in keys and v in keys)
    assert "shown of" in opened.page.locator("#kg-counts").text_content()

    opened.page.check("#kg-type-list input[value='Country']")
    opened.page.select_option("#kg-doc", "doc-b")
    keys, n_edges = shown()
    assert keys == {n for n, s in g.nodes(data="sources") if "doc-b" in s}
    assert n_edges == sum(
        1
        for u, v, ev in g.edges(data="evidence")
        if u in keys and v in keys and any(e["doc"] == "doc-b" for e in ev)
    )
    opened.page.click("#kg-reset")
    assert shown() == (set(g.nodes), g.number_of_edges())
    opened.assert_clean()


def test_facts_show_what_the_text_asserts_with_a_switch_and_an_event_filter(
    contract_graph: nx.MultiDiGraph, open_page: Any, tmp_path: Path
) -> None:
    g = copy.deepcopy(contract_graph)
    ev = next(iter(g.edges(data="evidence")))[2]
    pompeo, lavrov, usa = "person/mike-pompeo", "person/sergey-v-lavrov", "country/united-states"
    g.edges[pompeo, lavrov, "warn"]["event"] = "THREATEN"
    g.add_edge(
        lavrov,
        usa,
        key="meet:according_to:" + pompeo,
        predicate="meet",
        kind="action",
        asserted=False,
        reported=True,
        according_to=pompeo,
        event="CONSULT",
        evidence=ev,
    )
    g.add_edge(
        lavrov,
        pompeo,
        key="threaten:hedged",
        predicate="threaten",
        kind="action",
        asserted=False,
        hedged=True,
        hedge="may",
        event="THREATEN",
        evidence=ev,
    )
    path = tmp_path / "graph.html"
    write_html(g, path)
    opened = open_page(path)
    shown = "kgraph.edgeView.get().map(e => kgraph.data.edges.find(d => d.id === e.id).key)"
    all_keys = {k for _u, _v, k in g.edges(keys=True)}
    asserted = all_keys - {"meet:according_to:" + pompeo, "threaten:hedged"}
    assert set(opened.eval(shown)) == asserted  # by default: what the text asserts
    opened.page.uncheck("#kg-asserted")
    assert set(opened.eval(shown)) == all_keys
    opened.page.select_option("#kg-event", "THREATEN")
    assert set(opened.eval(shown)) == {"warn", "threaten:hedged"}
    opened.page.check("#kg-asserted")
    assert set(opened.eval(shown)) == {"warn"}
    options = opened.eval("[...document.querySelectorAll('#kg-event option')].map(o => o.value)")
    assert options == ["", "CONSULT", "THREATEN"]
    opened.page.click("#kg-reset")
    assert set(opened.eval(shown)) == all_keys
    reported = next(e for e in opened.eval("kgraph.data.edges") if e["predicate"] == "meet")
    assert reported["modality"] == "not asserted, according to Mike Pompeo"
    opened.assert_clean()


def test_tooltips_and_details_show_type_aliases_documents_and_evidence(
    contract_graph: nx.MultiDiGraph, open_page: Any, tmp_path: Path
) -> None:
    path = tmp_path / "graph.html"
    write_html(contract_graph, path)
    opened = open_page(path)
    vis_id = opened.eval("kgraph.data.nodes.find(n => n.key === 'country/russia').id")
    tip = hover_tooltip(opened, vis_id)
    for text in (
        "Russia",
        "Country",
        "Pompeo warned Russia",
        "Bounties",
        "Pompeo warned Lavrov, Russia's foreign minister, about the bounties.",
    ):
        assert text in tip
    edge_id = opened.eval("kgraph.data.edges.find(e => e.key === 'warn').id")
    tip = hover_tooltip(opened, edge_id, edge=True)
    assert "warn" in tip and "Mike Pompeo" in tip and "Sergey V. Lavrov" in tip
    # clicking a node fills the details panel, with its links
    x, y = dom_point(opened, vis_id)
    opened.page.mouse.click(x, y)
    details = opened.page.locator("#kg-detail-body").text_content()
    assert "country/russia" in details and "accused" in details and "holds_role" in details
    opened.assert_clean()


def test_hostile_names_execute_nothing(
    contract_graph: nx.MultiDiGraph,
    hostile_graph: nx.MultiDiGraph,
    open_page: Any,
    tmp_path: Path,
) -> None:
    g = xss_graph(contract_graph)
    title = XSS["pompeo"] + " " + XSS["lavrov"]
    path = tmp_path / "xss.html"
    write_html(g, path, title=title)
    opened = open_page(path)
    # the heading path (pyvis writes `heading` raw)
    assert opened.page.locator("#kg-title").text_content() == title
    assert opened.page.title() == title
    # every tooltip, including those containing "href" (pyvis switches to innerHTML then)
    nodes, edges = opened.eval("kgraph.data.nodes"), opened.eval("kgraph.data.edges")
    assert (len(nodes), len(edges)) == (g.number_of_nodes(), g.number_of_edges())
    for node in nodes:
        tip = hover_tooltip(opened, node["id"])
        assert " ".join(node["name"].split()) in " ".join(tip.split())
    for edge in edges:
        assert "href" in hover_tooltip(opened, edge["id"], edge=True)
    # the <option> path (pyvis's select_menu writes ids raw): values stay text
    options = opened.eval(
        "[...document.querySelectorAll('#kg-names option')]"
        ".map(o => [o.value, o.childElementCount])"
    )
    assert sorted(v for v, _ in options) == sorted(a["label"] for _, a in g.nodes(data=True))
    assert all(children == 0 for _, children in options)
    doc_titles = opened.eval("[...document.querySelectorAll('#kg-doc option')].map(o => o.text)")
    assert XSS["allegation"] + "doc-a (doc-a)" in doc_titles
    # search with markup in the query, then open the details of every node
    opened.page.fill("#kg-search-input", "<img src=x")
    opened.page.press("#kg-search-input", "Enter")
    assert opened.eval("kgraph.selectedKeys()") == ["person/mike-pompeo"]
    for node in opened.eval("kgraph.data.nodes"):
        x, y = dom_point(opened, node["id"])
        opened.page.mouse.click(x, y)
    # the allegation list, its panel, and search results listing sentences
    opened.page.click("#kg-tab-list")
    opened.page.locator("#kg-list-body tr").first.click()
    assert XSS["allegation"] in opened.page.locator("#kg-detail-body").inner_text()
    opened.page.fill("#kg-search-input", "onerror")
    opened.page.press("#kg-search-input", "Enter")
    opened.page.click("#kg-tab-results")
    assert "said <img src=y onerror=alert(7)>." in opened.page.locator("#kg-results").inner_text()
    # nothing the names describe exists in the page
    for selector in ("img", "iframe", "svg[onload]", "a", "[onerror]", "[onmouseover]", "b"):
        assert opened.eval(f"document.querySelectorAll('{selector}').length") == 0, selector
    assert opened.eval("document.scripts.length") == 3
    opened.page.click("#kg-fit")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / "html_hostile_graph.png"))
    opened.assert_clean()

    # the shared hostile fixture too
    path = tmp_path / "hostile.html"
    write_html(hostile_graph, path, title=hostile_graph.nodes["person/mike-pompeo"]["label"])
    opened = open_page(path)
    for node in opened.eval("kgraph.data.nodes"):
        hover_tooltip(opened, node["id"])
    opened.assert_clean()


def synthetic(n: int) -> nx.MultiDiGraph:
    """``n`` nodes of every type on a ring with chords; deterministic."""
    types = ["Person", "Agency", "Country", "Organization", "Location", "Allegation"]
    g = nx.MultiDiGraph(documents=[{"id": f"d{i}", "title": f"Doc {i}"} for i in range(5)])
    for i in range(n):
        g.add_node(
            f"n/{i:04d}",
            label=f"Node {i}",
            type=types[i % 6],
            mentions=1 + i % 7,
            sources=[f"d{i % 5}"],
        )
    for i in range(n):
        g.add_edge(
            f"n/{i:04d}", f"n/{(i + 1) % n:04d}", key="next", predicate="next", kind="action"
        )
        if i % 3 == 0:
            g.add_edge(
                f"n/{i:04d}", f"n/{(i * 7) % n:04d}", key="chord", predicate="chord", kind="action"
            )
    return g


def test_large_graph_uses_python_positions_without_physics(open_page: Any, tmp_path: Path) -> None:
    g = synthetic(400)
    path = tmp_path / "large.html"
    write_html(g, path, layout_threshold=200)
    opened = open_page(path)
    opened.assert_clean()
    assert opened.eval("kgraph.data.options.physics") is False
    assert opened.eval("kgraph.network.physics.physicsEnabled") is False
    assert opened.eval("[kgraph.nodes.length, kgraph.edges.length]") == [
        g.number_of_nodes(),
        g.number_of_edges(),
    ]
    moved = opened.eval("""(() => {
        const pos = kgraph.network.getPositions();
        return kgraph.data.nodes.filter(n => Math.abs(pos[n.id].x - n.x) > 0
                                          || Math.abs(pos[n.id].y - n.y) > 0).length;
    })()""")
    assert moved == 0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / "html_large_graph.png"))


def test_cut_graph_shows_a_visible_note(open_page: Any, tmp_path: Path) -> None:
    g = synthetic(120)
    path = tmp_path / "cut.html"
    write_html(g, path, max_nodes=50)
    opened = open_page(path)
    note = opened.page.locator("#kg-note")
    assert note.is_visible()
    assert "Showing the 50 most connected of 120 nodes" in note.text_content()
    assert opened.eval("kgraph.nodes.length") == 50
    opened.assert_clean()
    write_html(g, tmp_path / "full.html", max_nodes=None)
    full = open_page(tmp_path / "full.html")
    assert not full.page.locator("#kg-note").is_visible()
    assert full.eval("kgraph.nodes.length") == 120


def test_show_renders_inside_a_sandboxed_iframe(
    contract_graph: nx.MultiDiGraph, open_page: Any, tmp_path: Path
) -> None:
    shown = show(contract_graph, height=500)
    markup = shown.data if hasattr(shown, "data") else shown._repr_html_()
    host = tmp_path / "notebook.html"
    host.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{markup}</body></html>",
        encoding="utf-8",
    )
    opened = open_page(host, wait=False)
    poll(lambda: len(opened.page.frames) == 2, "the iframe")
    frame = opened.page.frames[1]
    poll(
        lambda: frame.evaluate("window.kgraph !== undefined && window.kgraph.stabilized"),
        "the page in the iframe",
    )
    assert frame.evaluate("[kgraph.nodes.length, kgraph.edges.length]") == [
        contract_graph.number_of_nodes(),
        contract_graph.number_of_edges(),
    ]
    box = opened.page.locator("iframe").bounding_box()
    assert box is not None and round(box["height"]) == 500
    assert opened.errors == [] and opened.dialogs == [] and opened.blocked == []


def test_srcdoc_escaping_round_trips_hostile_pages(
    hostile_graph: nx.MultiDiGraph, open_page: Any, tmp_path: Path
) -> None:
    title = hostile_graph.nodes["person/mike-pompeo"]["label"]
    markup = show(hostile_graph, title=title)
    text = markup.data if hasattr(markup, "data") else markup._repr_html_()
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><body>{text}</body></html>", encoding="utf-8")
    opened = open_page(host, wait=False)
    poll(lambda: len(opened.page.frames) == 2, "the iframe")
    frame = opened.page.frames[1]
    poll(
        lambda: frame.evaluate("window.kgraph !== undefined && window.kgraph.stabilized"),
        "the page in the iframe",
    )
    assert frame.evaluate("document.getElementById('kg-title').textContent") == title
    assert frame.evaluate("document.scripts.length") == 3
    assert html.escape(title) in to_html(hostile_graph, title=title)
    assert opened.errors == [] and opened.dialogs == []


@pytest.mark.model
def test_seeds_graph_in_the_browser(seeds_dir: Path, open_page: Any, tmp_path: Path) -> None:
    """The README's main command: build the seed articles, write graph.html, open it."""
    import kgraph

    kg = kgraph.build(seeds_dir)
    path = tmp_path / "out" / "graph.html"
    kg.to_html(path)
    opened = open_page(path)
    opened.assert_clean()
    g = kg.graph
    assert g.number_of_nodes() <= 2000  # two articles: nothing is cut
    assert opened.eval("[kgraph.nodes.length, kgraph.edges.length]") == [
        g.number_of_nodes(),
        g.number_of_edges(),
    ]
    types = {t for _, t in g.nodes(data="type")}
    assert set(opened.eval("kgraph.data.types.map(t => t.name)")) == types
    # legible: no two labels drawn over each other, the most mentioned entities named
    assert opened.eval(OVERLAPS) == []
    drawn = {key for key, *_ in opened.eval("kgraph.labelBoxes()")}
    top = [e.id for e in kg.entities()[:5]]
    assert set(top) <= drawn, set(top) - drawn
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / "html_seeds_graph.png"))


# ---------------------------------------------------------------------------- legibility
# Pairs of drawn labels that overlap, and labels drawn over a node that is not far less
# mentioned than the label's own (the selected node's label is drawn whatever it
# covers: select nothing before asking).
OVERLAPS = """() => {
    const labels = kgraph.labelBoxes(), nodes = kgraph.nodeBoxes(), hits = [];
    const meet = (p, q) => p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3];
    labels.forEach(([a, p, w], i) => {
        labels.slice(i + 1).forEach(([b, q]) => { if (meet(p, q)) hits.push([a, b]); });
        nodes.forEach(([b, q, v]) => { if (meet(p, q) && 4 * v > w) hits.push([a, "node " + b]); });
    });
    return hits;
}"""


def zoom_to(opened: Opened, scale: float) -> None:
    opened.eval(
        "s => { kgraph.network.moveTo({scale: s, animation: false}); kgraph.declutter(); }", scale
    )


@pytest.mark.parametrize(("n", "threshold"), [(120, 200), (400, 200)])
def test_labels_never_overlap_and_zooming_in_shows_more(
    open_page: Any, tmp_path: Path, n: int, threshold: int
) -> None:
    g = synthetic(n)
    for i in range(0, n, 3):  # long names make crowding likely
        g.nodes[f"n/{i:04d}"]["label"] = f"A rather long organisation name number {i}"
    path = tmp_path / "labels.html"
    write_html(g, path, layout_threshold=threshold)
    opened = open_page(path)
    assert opened.eval("kgraph.data.options.physics") is (n <= threshold)
    counts = []
    for scale in (None, 0.5, 1.0, 3.0):
        if scale is not None:
            zoom_to(opened, scale)
        assert opened.eval(OVERLAPS) == [], scale
        labels = opened.eval("kgraph.labels")
        assert labels["nodes"] + labels["edges"] == len(opened.eval("kgraph.labelBoxes()"))
        counts.append(labels["nodes"] + labels["edges"])
    # at the zoom that fits everything some labels give way, and come back zoomed in
    assert counts[0] < n + g.number_of_edges()
    assert counts == sorted(counts) and counts[-1] > counts[0]
    opened.assert_clean()


def test_the_selected_node_always_shows_its_label(open_page: Any, tmp_path: Path) -> None:
    g = synthetic(400)
    path = tmp_path / "labels.html"
    write_html(g, path)
    opened = open_page(path)
    drawn = {key for key, *_ in opened.eval("kgraph.labelBoxes()")}
    hidden = sorted(set(g.nodes) - drawn)
    assert hidden  # 400 nodes at the zoom that fits them: not every label has room
    opened.eval(
        "k => kgraph.network.selectNodes([kgraph.data.nodes.find(n => n.key === k).id])", hidden[0]
    )
    opened.eval("kgraph.declutter()")
    assert hidden[0] in {key for key, *_ in opened.eval("kgraph.labelBoxes()")}
    opened.assert_clean()


def test_nodes_without_links_are_shelved_beside_the_linked_ones(
    open_page: Any, tmp_path: Path
) -> None:
    g = synthetic(60)
    for i in range(30):
        g.add_node(f"alone/{i:03d}", label=f"Alone {i}", type="Location", sources=["d0"])
    path = tmp_path / "lonely.html"
    write_html(g, path)
    opened = open_page(path)
    assert opened.eval("kgraph.nodeView.length") == 60  # hidden unless asked for
    opened.page.check("#kg-unlinked")
    assert opened.eval("kgraph.nodeView.length") == 90
    pos = opened.eval("""(() => {
        const p = kgraph.network.getPositions();
        return kgraph.data.nodes.map(n => [n.key, p[n.id].x, p[n.id].y]);
    })()""")
    linked = [(x, y) for key, x, y in pos if key.startswith("n/")]
    alone = [(x, y) for key, x, y in pos if key.startswith("alone/")]
    left, right = min(x for x, _ in linked), max(x for x, _ in linked)
    top, bottom = min(y for _, y in linked), max(y for _, y in linked)
    # all of them below the linked nodes, or all to their right
    assert all(y > bottom for _, y in alone) or all(x > right for x, _ in alone)
    assert len(set(alone)) == len(alone)
    # and the view fits them all: every node is on screen
    box = opened.eval("""(() => {
        const p = kgraph.network.getPositions(), net = kgraph.network;
        const el = document.getElementById("kg-network");
        return Object.values(p).map(q => net.canvasToDOM(q))
            .map(d => d.x >= 0 && d.y >= 0 && d.x <= el.clientWidth && d.y <= el.clientHeight);
    })()""")
    assert all(box)
    assert left < right and top < bottom
    opened.assert_clean()


def test_labels_of_parallel_links_sit_on_their_curves(
    contract_graph: nx.MultiDiGraph, open_page: Any, tmp_path: Path
) -> None:
    g = copy.deepcopy(contract_graph)
    for key in ("confirmed_by", "target", "reported_by"):  # five links between two nodes
        g.add_edge("allegation/russia-bounty", "country/russia", key=key, predicate=key)
    path = tmp_path / "parallel.html"
    write_html(g, path)
    opened = open_page(path)
    zoom_to(opened, 3.0)  # room for every label
    rows = opened.eval("""(() => {
        const boxes = Object.fromEntries(kgraph.labelBoxes().map(([k, b]) => [k, b]));
        return kgraph.data.edges.filter(e => e.parallel > 0).map(e => {
            const net = kgraph.network, pos = net.getPositions([e.from, e.to]);
            const a = pos[e.from], b = pos[e.to];
            const curve = net.body.edges[e.id].edgeType.getPoint(0.5);
            const key = "allegation/russia-bounty -[" + e.key + "]-> country/russia";
            const box = boxes[key];
            return [e.key, box ? [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] : null,
                    [curve.x, curve.y], [(a.x + b.x) / 2, (a.y + b.y) / 2]];
        });
    })()""")
    assert len(rows) == 4
    for key, label, curve, straight in rows:
        assert label is not None, key
        assert math.dist(label, curve) < math.dist(label, straight), key
    opened.assert_clean()


# ---------------------------------------------------------------------------- allegations view
def two_allegations() -> nx.MultiDiGraph:
    """The analyst graph of test_html plus a second allegation, from another day."""
    from tests.test_html import analyst_graph

    g = analyst_graph()
    g.graph["documents"].append(
        {"id": "doc-c", "title": "Hack", "published": "2020-09-01", "source": "Wire"}
    )
    s = "Russia said the United States hacked its election servers."
    ev = [{"doc": "doc-c", "start": 0, "end": len(s), "sentence": s}]
    g.add_node(
        "allegation/us-hack",
        label="United States hacked election servers",
        type="Allegation",
        text="the United States hacked its election servers",
        status="alleged",
        sources=["doc-c"],
        mentions=1,
        aliases=[],
        evidence=ev,
    )
    g.add_edge(
        "allegation/us-hack",
        "country/united-states",
        key="accused",
        predicate="accused",
        kind="allegation",
        evidence=ev,
    )
    g.add_edge(
        "allegation/us-hack",
        "country/russia",
        key="alleged_by",
        predicate="alleged_by",
        kind="allegation",
        evidence=ev,
    )
    return g


def detail_text(opened: Opened) -> str:
    text: str = opened.eval("document.getElementById('kg-detail-body').innerText")
    return text


def test_allegation_list_sorts_and_opens_a_panel_grouped_by_role(
    open_page: Any, tmp_path: Path
) -> None:
    import kgraph

    g = two_allegations()
    path = tmp_path / "list.html"
    write_html(g, path)
    opened = open_page(path)
    assert opened.page.locator("#kg-list").is_visible()  # the list is the first thing shown
    assert opened.eval("kgraph.listKeys()") == ["allegation/russia-bounty", "allegation/us-hack"]
    opened.page.click("#kg-list-head th[data-key='first'] button")  # earliest first
    assert opened.eval("kgraph.listKeys()") == ["allegation/russia-bounty", "allegation/us-hack"]
    opened.page.click("#kg-list-head th[data-key='first'] button")  # latest first
    assert opened.eval("kgraph.listKeys()") == ["allegation/us-hack", "allegation/russia-bounty"]
    opened.page.click("#kg-list-head th[data-key='label'] button")
    assert opened.eval("kgraph.listKeys()")[0] == "allegation/russia-bounty"
    row = opened.page.locator("#kg-list-body tr").first
    assert "2020-08-07" in row.inner_text() and "D1" in row.inner_text()
    row.click()
    assert opened.page.locator("#kg-details").is_visible()
    assert opened.eval("kgraph.selectedKeys()") == ["allegation/russia-bounty"]
    text = detail_text(opened)
    for expected in (
        "Accused:",
        "Alleged by:",
        "Denied by:",
        "United States",
        "Russia",
        "First reported",
        "2020-08-07",
        "Timeline (27)",
        "All evidence (27)",
        "page 1 of 3",
    ):
        assert expected in text, expected
    # the timeline drawn is kg.timeline's
    kg = kgraph.KnowledgeGraph.from_networkx(g)
    expected_rows = [
        [t.published, t.role, t.entity_id, t.doc, t.sentence]
        for t in kg.timeline("allegation/russia-bounty")
    ]
    rows = opened.eval("kgraph.timeline('allegation/russia-bounty')")
    assert {tuple(r) for r in rows} == {tuple(r) for r in expected_rows}
    assert [r[0] for r in rows] == [r[0] for r in expected_rows]  # by publication date
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / "html_allegation_panel.png"))
    opened.assert_clean()


def test_all_evidence_is_paged(open_page: Any, tmp_path: Path) -> None:
    path = tmp_path / "paged.html"
    write_html(two_allegations(), path)
    opened = open_page(path)
    opened.eval("kgraph.select('allegation/russia-bounty')")
    evidence = opened.page.locator(".kg-part", has_text="All evidence")
    assert evidence.locator("li.kg-ev").count() == 10
    first = evidence.locator("li.kg-ev").first.inner_text()
    evidence.locator("button", has_text="Next").click()
    assert "page 2 of 3" in evidence.inner_text()
    assert evidence.locator("li.kg-ev").first.inner_text() != first
    evidence.locator("button", has_text="Next").click()
    assert evidence.locator("li.kg-ev").count() == 7
    assert evidence.locator("button", has_text="Next").is_disabled()
    opened.assert_clean()


def test_an_entity_panel_lists_what_it_said_what_was_said_about_it_and_its_facts(
    open_page: Any, tmp_path: Path
) -> None:
    path = tmp_path / "entity.html"
    write_html(two_allegations(), path)
    opened = open_page(path)
    opened.eval("kgraph.select('country/united-states')")
    text = detail_text(opened)
    assert "What it said (1)" in text  # on whose behalf Pompeo spoke
    assert "<script>alert(1)</script> a quote the sentence lacks" in text
    assert "What was said about it (1)" in text and "denounced the reports" in text
    assert "In allegations (2)" in text
    opened.eval("kgraph.select('person/sergey-v-lavrov')")
    text = detail_text(opened)
    assert "Facts (2)" in text and "warn" in text and "holds_role: foreign minister" in text
    assert opened.eval("document.querySelectorAll('#kg-detail-body script').length") == 0
    opened.assert_clean()


@pytest.mark.parametrize(
    ("query", "names", "claims", "sentences"),
    [
        ("denounced", 0, 0, 1),  # a word only a sentence has
        ("taliban-linked", 0, 1, 1),  # a claim's words
        ("election servers", 0, 1, 1),
        ("lavrov", 1, 0, 2),
        ("no such words", 0, 0, 0),
    ],
)
def test_search_covers_names_claims_and_evidence_sentences(
    open_page: Any, tmp_path: Path, query: str, names: int, claims: int, sentences: int
) -> None:
    path = tmp_path / "search.html"
    write_html(two_allegations(), path)
    opened = open_page(path)
    found = opened.eval("q => kgraph.results(q)", query)
    assert (len(found["entities"]), len(found["allegations"]), len(found["sentences"])) == (
        names,
        claims,
        sentences,
    )
    opened.page.fill("#kg-search-input", query)
    opened.page.press("#kg-search-input", "Enter")
    status = opened.page.locator("#kg-search-status").text_content()
    if names + claims:
        assert status.startswith("Found: ")
    elif sentences:
        assert status == "1 sentence" and opened.page.locator("#kg-results").is_visible()
        assert "denounced" in opened.page.locator("#kg-results").inner_text()
        assert "statement by" in opened.page.locator("#kg-results").inner_text()
    else:
        assert status == "No match"
    opened.assert_clean()


def shown_keys(opened: Opened) -> set[str]:
    keys = opened.eval("kgraph.nodeView.getIds().map(id => kgraph.data.nodes[+id.slice(1)].key)")
    return set(keys)


def test_filters_by_status_stance_link_type_outlet_and_dates(
    open_page: Any, tmp_path: Path
) -> None:
    g = two_allegations()
    path = tmp_path / "filters.html"
    write_html(g, path)
    opened = open_page(path)
    everything = shown_keys(opened)
    assert "allegation/us-hack" in everything
    opened.page.uncheck("#kg-status-list input[value='alleged']")
    assert "allegation/us-hack" not in shown_keys(opened)
    assert opened.eval("kgraph.listKeys()") == ["allegation/russia-bounty"]
    opened.page.check("#kg-status-list input[value='alleged']")
    opened.page.select_option("#kg-stance", "denied")
    assert opened.eval("kgraph.listKeys()") == ["allegation/russia-bounty"]
    opened.page.select_option("#kg-stance", "unchallenged")
    assert opened.eval("kgraph.listKeys()") == ["allegation/us-hack"]
    opened.page.select_option("#kg-stance", "")
    opened.page.select_option("#kg-predicate", "accused")
    assert shown_keys(opened) == {
        "allegation/russia-bounty",
        "allegation/us-hack",
        "country/russia",
        "country/united-states",
    }
    assert set(
        opened.eval("kgraph.edgeView.getIds().map(id => kgraph.data.edges[+id.slice(1)].predicate)")
    ) == {"accused"}
    opened.page.select_option("#kg-predicate", "")
    outlets = opened.eval("[...document.querySelectorAll('#kg-outlet option')].map(o => o.value)")
    assert outlets == ["", "The <b>Daily</b>", "Wire", "example"]
    opened.page.select_option("#kg-outlet", "Wire")
    assert opened.eval("kgraph.listKeys()") == ["allegation/us-hack"]
    opened.page.select_option("#kg-outlet", "")
    opened.page.fill("#kg-from", "2020-08-15")
    opened.page.dispatch_event("#kg-from", "change")
    assert opened.eval("kgraph.listKeys()") == ["allegation/us-hack"]
    assert "pompeo" not in " ".join(shown_keys(opened))
    opened.page.click("#kg-reset")
    assert shown_keys(opened) == set(g.nodes)
    opened.assert_clean()


def test_the_timeline_strip_picks_a_date_range(open_page: Any, tmp_path: Path) -> None:
    path = tmp_path / "strip.html"
    write_html(two_allegations(), path)
    opened = open_page(path)
    assert opened.page.locator("#kg-strip").is_visible()
    assert "26 dated stance events" in opened.page.locator("#kg-strip-info").text_content()
    box = opened.page.locator("#kg-strip-chart svg").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    opened.page.mouse.move(box["x"] + box["width"] * 0.6, y)  # the later part: September
    opened.page.mouse.down()
    opened.page.mouse.move(box["x"] + box["width"] - 1, y, steps=4)
    opened.page.mouse.up()
    state = opened.eval("[kgraph.state.from, kgraph.state.to]")
    assert "2020-08-07" < state[0] <= state[1] <= "2020-09-01"
    assert opened.eval("kgraph.listKeys()") == ["allegation/us-hack"]
    # its ends are shown through its links, though their sources do not name its document
    assert shown_keys(opened) == {"allegation/us-hack", "country/russia", "country/united-states"}
    assert opened.eval("document.getElementById('kg-from').value") == state[0]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / "html_strip_range.png"))
    opened.page.mouse.click(box["x"] + 5, y)  # a click clears the range
    assert opened.eval("[kgraph.state.from, kgraph.state.to]") == ["", ""]
    opened.assert_clean()


def test_focus_mode_dims_all_but_the_neighbourhood(open_page: Any, tmp_path: Path) -> None:
    g = two_allegations()
    path = tmp_path / "focus.html"
    write_html(g, path)
    opened = open_page(path)
    opened.eval("kgraph.select('person/sergey-v-lavrov')")
    assert opened.eval("kgraph.dimmed()") == []  # focus is off
    opened.page.check("#kg-focus")
    near = {"person/sergey-v-lavrov", "person/mike-pompeo", "country/russia"}
    assert set(opened.eval("kgraph.dimmed()")) == set(g.nodes) - near
    drawn = {key for key, *_ in opened.eval("kgraph.labelBoxes()")}
    assert "allegation/us-hack" not in drawn  # dimmed nodes lose their labels
    opened.page.uncheck("#kg-focus")
    assert opened.eval("kgraph.dimmed()") == []
    opened.assert_clean()


# ---------------------------------------------------------------------------- real graphs
def analyst_session(opened: Opened, shot: str, claim_word: str) -> None:
    """Open the first allegation of the list, check its panel, search, filter, screenshot."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / f"{shot}_open.png"))
    first = opened.eval("kgraph.listKeys()[0]")
    opened.page.locator("#kg-list-body tr").first.click()
    text = detail_text(opened)
    assert "Roles" in text and "Accused:" in text, text[:500]
    assert "All evidence" in text
    node = opened.eval("k => kgraph.data.nodes.find(n => n.key === k)", first)
    assert node["name"] in text
    opened.page.screenshot(path=str(ARTIFACTS / f"{shot}_allegation.png"))
    opened.page.fill("#kg-search-input", claim_word)
    opened.page.press("#kg-search-input", "Enter")
    found = opened.eval("q => kgraph.results(q)", claim_word)
    assert found["allegations"] or found["sentences"], claim_word
    opened.page.click("#kg-tab-results")
    opened.page.screenshot(path=str(ARTIFACTS / f"{shot}_search.png"))
    before = len(shown_keys(opened))
    opened.page.select_option("#kg-predicate", "accused")
    assert 0 < len(shown_keys(opened)) < before
    opened.page.check("#kg-focus")
    opened.page.click("#kg-tab-list")
    opened.page.locator("#kg-list-body tr").first.click()
    opened.page.screenshot(path=str(ARTIFACTS / f"{shot}_filtered.png"))
    opened.assert_clean()


@pytest.mark.model
def test_the_examples_in_the_browser(open_page: Any, tmp_path: Path) -> None:
    import kgraph
    from kgraph import examples

    kg = kgraph.build(examples.path())
    path = tmp_path / "examples.html"
    kg.to_html(path)
    opened = open_page(path)
    assert opened.eval("kgraph.listKeys().length") == len(kg.allegations())
    analyst_session(opened, "html_examples", "drone")


@pytest.mark.model
def test_the_dev_set_in_the_browser(open_page: Any, tmp_path: Path) -> None:
    import kgraph
    from tests.conftest import SHARED

    dev = SHARED / "eval" / "dev.jsonl"
    if not dev.is_file():
        pytest.fail(f"the dev set is missing: expected it in {dev}")
    kg = kgraph.build(dev)
    path = tmp_path / "dev.html"
    kg.to_html(path)
    started = time.monotonic()
    opened = open_page(path)
    assert time.monotonic() - started < TIMEOUT
    assert opened.eval("kgraph.listKeys().length") == len(kg.allegations())
    # every allegation's timeline is kg.timeline's
    for a in kg.allegations()[:10]:
        expected = {
            (t.published, t.role, t.entity_id, t.doc, t.sentence) for t in kg.timeline(a.id)
        }
        rows = opened.eval("k => kgraph.timeline(k)", a.id)
        assert {tuple(r) for r in rows} == {(p, r, e, d, _clip(s)) for p, r, e, d, s in expected}
    analyst_session(opened, "html_dev", "hack")
