"""How fast the README's SPARQL queries answer: the on-disk store against re-parsing a file.

Not a test: it prints figures.  It builds (or reads from its cache) the graph of the
first N articles of a corpus, writes it as Turtle, TriG and an Oxigraph store
(``kgraph.export.oxigraph.write_store``, what ``kgraph build --store DIR`` does), then
times each README query (plus one that joins an entity with its evidence sentences,
which only a query over the union of the graphs answers) five ways:

* ``store``: ``kgraph.sparql(DIR, q)`` on the on-disk store (opened read-only once);
* ``store, CLI``: ``kgraph query DIR q`` as a new process (start-up included);
* ``file, pyoxigraph``: loading the TriG file into an in-memory pyoxigraph store, then the
  query (what ``kgraph.sparql(file, q)`` does the first time in a process);
* ``Turtle, rdflib``: parsing the Turtle file with rdflib, then the query;
* ``before``: what ``kgraph query graph.ttl`` did before the store: ``kgraph.load`` (rdflib
  parse, rebuild the contract graph), ``to_rdf``, then rdflib's query.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_store.py                # 2,000 allsides
    PYTHONPATH=src .venv/bin/python benchmarks/bench_store.py --docs 300
    PYTHONPATH=src .venv/bin/python benchmarks/bench_store.py --graph out/graph.json

The built graph is cached as node-link JSON (``--cache DIR``, default the temp dir):
building 2,000 articles takes about ten minutes on one core.  Target (issue 20): each
README query under 1 s on the store at 2,000 articles.
"""

from __future__ import annotations

import argparse
import functools
import gc
import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import rdflib

import kgraph
from kgraph.export import oxigraph, rdf, store
from kgraph.export.nodelink import read_json, write_json

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "allsides_2000.jsonl"

EVIDENCE_OF_TRUMP = (
    store.PREFIXES
    + """
SELECT DISTINCT ?sentence ?doc WHERE {
  ?entity skos:prefLabel|skos:altLabel "Donald Trump" ; kg:evidence ?ev .
  ?ev oa:hasSource ?doc ; oa:hasSelector ?quote .
  ?quote oa:exact ?sentence .
}
ORDER BY ?doc ?sentence
"""
)
COUNT_BY_TYPE = "SELECT ?type (COUNT(?n) AS ?count) WHERE { ?n a ?type } GROUP BY ?type"
QUERIES = {
    "allegations about Russia": store.ALLEGATIONS_ABOUT_RUSSIA,
    "people's roles in agencies": store.PEOPLE_ROLES_IN_AGENCIES,
    "count by type": COUNT_BY_TYPE,
    "evidence of Donald Trump": EVIDENCE_OF_TRUMP,
}


def load_graph(args: argparse.Namespace) -> Any:
    if args.graph:
        return read_json(args.graph)
    corpus = Path(args.corpus)
    cache = Path(args.cache or tempfile.gettempdir())
    cached = cache / f"kgraph-bench-store-{corpus.stem}-{args.docs}.json"
    if cached.is_file():
        print(f"graph: cached {cached}")
        return read_json(cached)
    docs = []
    with corpus.open(encoding="utf-8") as lines:
        for line in itertools.islice(lines, args.docs):
            d = json.loads(line)
            docs.append(
                kgraph.Document(d["text"], id=d["id"], title=d.get("title"), source=d.get("source"))
            )
    start = time.perf_counter()
    kg = kgraph.build(docs, n_process=args.processes)
    took = time.perf_counter() - start
    print(f"graph: built from {len(docs)} articles of {corpus.name} in {took:.0f} s")
    cache.mkdir(parents=True, exist_ok=True)
    write_json(kg.graph, cached)
    return kg.graph


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def cli_query(path: Path, query: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kgraph", "query", str(path), query, "--format", "json"],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


class TookTooLong(Exception):
    pass


def capped(fn: Callable[[], Any], seconds: int) -> tuple[float | None, Any]:
    """``timed(fn)``, or ``(None, None)`` when it takes more than ``seconds`` (rdflib's
    query engine is Python: an alarm stops it)."""

    def stop(_signum: int, _frame: Any) -> None:
        raise TookTooLong

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        return timed(fn)
    except TookTooLong:
        return None, None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def cell(load: float, took: float | None, cap: int) -> str:
    return f"{load + took:9.1f}s" if took is not None else f"{'>' + format(load + cap, '.0f'):>9}s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(CORPUS), help="a JSONL corpus")
    parser.add_argument("--docs", type=int, default=2000, help="first N articles (default 2000)")
    parser.add_argument("--graph", help="a node-link JSON graph instead of building one")
    parser.add_argument("--cache", help="directory for the built graph (default: temp dir)")
    parser.add_argument("--processes", type=int, default=1, help="n_process for the build")
    parser.add_argument("--repeat", type=int, default=3, help="best of R runs per query")
    parser.add_argument("--skip-before", action="store_true", help="skip the slow 'before' path")
    parser.add_argument(
        "--timeout", type=int, default=60, help="seconds an rdflib query may take (default 60)"
    )
    args = parser.parse_args()

    g = load_graph(args)
    print(
        f"graph: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges, "
        f"{len(g.graph.get('documents', [])):,} documents"
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        ttl, trig, directory = out / "graph.ttl", out / "graph.trig", out / "store"
        rdf.write_rdf(g, ttl, format="turtle")
        rdf.write_rdf(g, trig, format="trig")
        write = functools.partial(oxigraph.write_store, g, directory)
        took, _ = timed(write)
        size = sum(f.stat().st_size for f in directory.iterdir()) / 1e6
        quads = len(oxigraph.open_store(directory))
        print(f"store: write_store {took:.1f} s ({quads:,} quads, {size:.0f} MB on disk)")
        took, _ = timed(write)
        print(f"store: write_store again (replacing it) {took:.1f} s")
        del g, write
        gc.collect()
        # the store first, in a process that holds no parsed file: a Python heap of millions
        # of rdflib terms slows every allocation (the garbage collector walks them)
        ours = {}
        for name, query in QUERIES.items():
            on_store, rows = timed(lambda q=query: kgraph.sparql(directory, q), args.repeat)
            on_cli = min(cli_query(directory, query) for _ in range(args.repeat))
            ours[name] = (on_store, on_cli, rows)
        loads: dict[str, float] = {}
        loads["file, pyoxigraph"], from_file = timed(lambda: oxigraph.load_file(trig))
        loads["Turtle, rdflib"], parsed = timed(lambda: rdflib.Graph().parse(ttl, format="turtle"))
        if not args.skip_before:
            loads["before"], before = timed(lambda: kgraph.load(ttl).to_rdf())
        print(
            "load: "
            + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in loads.items())
            + " (the store: none, it is on disk)"
        )
        columns = ("store", "CLI", "pyoxigraph", "rdflib", "before")
        print(f"{'query':<28} {'rows':>6} " + " ".join(f"{c:>10}" for c in columns))
        for name, query in QUERIES.items():
            on_store, on_cli, rows = ours[name]
            on_file, same = timed(lambda q=query: store._oxigraph_query(from_file, q), args.repeat)
            on_rdflib, got = capped(lambda q=query: store.sparql(parsed, q), args.timeout)
            assert len(same) == len(rows), (name, len(same), len(rows))
            cells = [
                f"{name:<28} {len(rows):>6}",
                f"{on_store:9.3f}s",
                f"{on_cli:9.2f}s",
                f"{loads['file, pyoxigraph'] + on_file:9.2f}s",
                cell(loads["Turtle, rdflib"], on_rdflib, args.timeout),
            ]
            notes = [] if got is None or len(got) == len(rows) else [f"rdflib: {len(got)} rows"]
            if not args.skip_before:
                on_before, old = capped(lambda q=query: store._graph_query(before, q), args.timeout)
                cells.append(cell(loads["before"], on_before, args.timeout))
                if old is not None and len(old) != len(rows):
                    notes.append(f"before: {len(old)} rows")
            print(" ".join(cells) + (f"  ({'; '.join(notes)})" if notes else ""))
        print(
            "(store: kgraph.sparql(DIR, q), best of the runs; CLI: `kgraph query DIR q`, a new "
            "process; the others: loading the file plus the query, as a new process would; "
            f"'>': the query was stopped after {args.timeout} s)"
        )


if __name__ == "__main__":
    main()
