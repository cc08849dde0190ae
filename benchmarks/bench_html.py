"""How long the interactive HTML page takes to load and settle in headless Chromium.

Not a test: it prints figures.  For each graph it times ``to_html`` in Python
(including the Python layout above ``layout_threshold``), then opens the page
from ``file://`` with the network blocked and reports, from navigation start,
when the page script finished (``ready``) and when the layout settled and
physics stopped (``stable``).

    sh tests/setup_browser.sh                                # once: Debian's chromium
    PYTHONPATH=src .venv/bin/python benchmarks/bench_html.py out/graph.json
    PYTHONPATH=src .venv/bin/python benchmarks/bench_html.py --build ../shared/seeds \\
        --build ../shared/corpus/allsides_2000.jsonl --docs 500   # builds the graphs first
    PYTHONPATH=src .venv/bin/python benchmarks/bench_html.py --synthetic 50 500 2000
    PYTHONPATH=src .venv/bin/python benchmarks/bench_html.py --synthetic 200 500 \\
        --modes physics python                               # where should the threshold be?

Modes: ``auto`` uses the defaults of :func:`kgraph.export.html.to_html`;
``physics`` forces the in-browser layout (``layout_threshold=None``);
``python`` forces the Python layout (``layout_threshold=0``).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

CHROMIUM = "/usr/bin/chromium"
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
MODES: dict[str, dict[str, Any]] = {
    "auto": {},
    "physics": {"layout_threshold": None},
    "python": {"layout_threshold": 0},
}
TYPES = [
    ("Person", 40),
    ("Organization", 20),
    ("Agency", 15),
    ("Country", 10),
    ("Location", 5),
    ("Allegation", 10),
]
ROLES = ["accused", "alleged_by", "denied_by", "target", "reported_by", "dismissed_by"]
VERBS = ["warn", "meet", "accuse", "sanction", "fund", "criticize", "visit", "call"]


def synthetic_graph(n: int, seed: int = 0) -> nx.MultiDiGraph:
    """A contract-shaped graph of ``n`` nodes, ~1.6 edges per node, hubs included."""
    rng = random.Random(seed)
    n_docs = max(2, n // 10)
    docs = [f"doc-{i:04d}" for i in range(n_docs)]
    g = nx.MultiDiGraph(
        name="kgraph",
        version="0.1.0",
        documents=[
            {
                "id": d,
                "title": f"Synthetic article {d}",
                "url": None,
                "published": None,
                "source": "synthetic",
                "authors": [],
                "chars": 1000,
                "sha256": "0" * 64,
            }
            for d in docs
        ],
    )
    kinds = rng.choices([t for t, _ in TYPES], weights=[w for _, w in TYPES], k=n)
    ids = []
    for i, type_ in enumerate(kinds):
        nid = f"{type_.lower()}/node-{i:05d}"
        ids.append(nid)
        sources = sorted(rng.sample(docs, k=min(len(docs), 1 + int(rng.paretovariate(2)))))
        mentions = max(len(sources), int(rng.paretovariate(1.3)))
        evidence = [
            {
                "doc": sources[j % len(sources)],
                "start": 10 * j,
                "end": 10 * j + 6,
                "sentence": f"Sentence {j} of the reporting about node {i}, {type_}.",
            }
            for j in range(min(mentions, 5))
        ]
        attrs: dict[str, Any] = {
            "label": f"{type_} {i}",
            "type": type_,
            "aliases": [f"{type_} {i}"],
            "sources": sources,
            "mentions": mentions,
            "evidence": evidence,
        }
        if type_ == "Allegation":
            attrs.update(
                label=f"Claim number {i} about a bounty program",
                text=f"Claim {i} text",
                status=rng.choice(["alleged", "denied"]),
                confidence=None,
                dates=[],
                keywords=[],
                aliases=[],
            )
        else:
            attrs["subtype"] = None
        g.add_node(nid, **attrs)
    entities = [nid for nid, t in zip(ids, kinds, strict=True) if t != "Allegation"] or ids
    weights = [1.0 / (1 + i) ** 0.6 for i in range(len(entities))]  # a few hubs
    for i, nid in enumerate(ids):
        doc = rng.choice(docs)
        ev = [{"doc": doc, "start": 0, "end": 50, "sentence": f"Edge sentence {i} in {doc}."}]
        if kinds[i] == "Allegation":
            for role in rng.sample(ROLES, k=rng.randint(2, 3)):
                target = rng.choices(entities, weights=weights)[0]
                g.add_edge(nid, target, key=role, predicate=role, kind="allegation", evidence=ev)
        else:
            for _ in range(rng.choice([1, 1, 2, 2, 3])):
                target = rng.choices(entities, weights=weights)[0]
                if target != nid:
                    verb = rng.choice(VERBS)
                    g.add_edge(nid, target, key=verb, predicate=verb, kind="action", evidence=ev)
    return g


def build_graph(source: Path, docs: int | None) -> tuple[str, nx.MultiDiGraph]:
    """Build the graph of ``source`` (only its first ``docs`` lines for a .jsonl file)."""
    import itertools

    import kgraph

    name, articles = source.name, source
    if docs is not None and source.suffix == ".jsonl":
        with source.open(encoding="utf-8") as lines:
            head = list(itertools.islice(lines, docs))
        articles = Path(tempfile.mkdtemp(prefix="kgraph-bench-")) / source.name
        articles.write_text("".join(head), encoding="utf-8")
        name = f"{source.stem}[:{len(head)}]"
    t0 = time.perf_counter()
    kg = kgraph.build(articles)
    print(
        f"built {name}: {len(kg.documents)} documents, {len(kg)} nodes "
        f"in {time.perf_counter() - t0:.1f} s",
        file=sys.stderr,
    )
    return name, kg.graph


def measure(page: Any, url: str, timeout: float) -> dict[str, float | None]:
    """Open ``url``; return ms from navigation start to ready / stabilized, or None."""
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(url, wait_until="load", timeout=timeout * 1000)
    load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    # Poll from Python: wait_for_function evaluates strings in the page, which the
    # page's Content-Security-Policy (rightly) refuses.  The figures come from the
    # page's own clock, so the polling interval does not matter.
    deadline = time.monotonic() + timeout
    stable = None
    while time.monotonic() < deadline:
        stable = page.evaluate("window.kgraph && window.kgraph.timings.stabilized || null")
        if stable is not None or errors:
            break
        time.sleep(0.05)
    ready = page.evaluate("window.kgraph ? window.kgraph.timings.ready : null")
    if errors:
        print(f"  page errors: {errors}", file=sys.stderr)
    return {"load": load, "ready": ready, "stable": stable}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graphs", nargs="*", type=Path, help="contract graph JSON files")
    parser.add_argument(
        "--synthetic",
        nargs="*",
        type=int,
        default=[],
        metavar="N",
        help="also time synthetic graphs of N nodes (e.g. 50 500 2000)",
    )
    parser.add_argument(
        "--build",
        action="append",
        type=Path,
        default=[],
        metavar="SOURCE",
        help="also build the graph of these articles (a folder, a file) and time its page",
    )
    parser.add_argument(
        "--docs",
        type=int,
        default=None,
        metavar="N",
        help="with --build, read only the first N articles of a .jsonl source",
    )
    parser.add_argument("--modes", nargs="+", choices=sorted(MODES), default=["auto"])
    parser.add_argument(
        "--max-nodes",
        type=int,
        default=None,
        help="max_nodes passed to to_html (default: its own default)",
    )
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per page")
    parser.add_argument("--keep", type=Path, default=None, help="keep the pages in this folder")
    args = parser.parse_args(argv)
    if not args.graphs and not args.synthetic and not args.build:
        args.synthetic = [50, 500, 2000]
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: run sh tests/setup_browser.sh", file=sys.stderr)
        return 2

    from playwright.sync_api import sync_playwright

    from kgraph.export.html import to_html
    from kgraph.export.nodelink import read_json

    graphs: list[tuple[str, nx.MultiDiGraph]] = []
    for path in args.graphs:
        graphs.append((path.name, read_json(path)))
    for source in args.build:
        graphs.append(build_graph(source, args.docs))
    for n in args.synthetic:
        graphs.append((f"synthetic-{n}", synthetic_graph(n)))

    out = args.keep or Path(tempfile.mkdtemp(prefix="kgraph-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    header = (
        f"{'graph':<22} {'mode':<8} {'nodes':>6} {'edges':>6} {'layout':>7} "
        f"{'python s':>9} {'MB':>6} {'load s':>7} {'ready s':>8} {'stable s':>9}"
    )
    print(header)
    print("-" * len(header))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, g in graphs:
            for mode in args.modes:
                options: dict[str, Any] = dict(MODES[mode])
                if args.max_nodes is not None:
                    options["max_nodes"] = args.max_nodes
                t0 = time.perf_counter()
                page_html = to_html(g, **options)
                py_s = time.perf_counter() - t0
                file = out / f"{name}-{mode}.html"
                file.write_text(page_html, encoding="utf-8")
                context = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
                context.route("http*://**", lambda route: route.abort())
                page = context.new_page()
                figures = measure(page, file.as_uri(), args.timeout)
                counts = page.evaluate(
                    "[kgraph.nodes.length, kgraph.edges.length, kgraph.data.options.physics]"
                )
                context.close()

                def s(ms: float | None) -> str:
                    return "  >timeout" if ms is None else f"{ms / 1000:.2f}"

                layout = "browser" if counts[2] else "python"
                print(
                    f"{name:<22} {mode:<8} {counts[0]:>6} {counts[1]:>6} {layout:>7} "
                    f"{py_s:>9.2f} {len(page_html.encode()) / 1e6:>6.2f} {s(figures['load']):>7} "
                    f"{s(figures['ready']):>8} {s(figures['stable']):>9}",
                    flush=True,
                )
        browser.close()
    if args.keep:
        print(f"pages kept in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
