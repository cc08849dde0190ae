"""How fast kgraph writes RDF, against rdflib's own serializers on the same triples.

Not a test: it prints figures.  It builds (or loads) the graph of the first N
articles of a corpus in ``../shared/corpus``, then, in one run:

* times kgraph's own writers (Turtle, N-Triples, TriG, N-Quads) on the contract graph,
  end to end (from the networkx graph to the file);
* times rdflib's ``serialize`` (Turtle and N-Triples) of the very same triples
  (``to_rdf``, merged into one ``rdflib.Graph``; building it is not counted);
* reports triples/s and the ratios, and checks that rdflib parses kgraph's Turtle and
  N-Triples back to a graph isomorphic to rdflib's (``rdflib.compare.isomorphic``; kgraph
  writes no blank nodes, so the triple sets are also checked for equality, which is quick).

    PYTHONPATH=src .venv/bin/python benchmarks/bench_rdf.py                  # 1,000 allsides
    PYTHONPATH=src .venv/bin/python benchmarks/bench_rdf.py --corpus bbc_news_2225 -n 250
    PYTHONPATH=src .venv/bin/python benchmarks/bench_rdf.py --graph out/graph.json

The built graph is cached as node-link JSON (``--cache``, default in the temp dir), so a
second run measures the export only.  Target (issue 6): kgraph's Turtle and N-Triples at
least 5x faster than rdflib's Turtle serializer on the same triples.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import rdflib
from rdflib.compare import isomorphic

import kgraph
from kgraph.export import rdf
from kgraph.export.nodelink import read_json, write_json

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def load_graph(args: argparse.Namespace) -> Any:
    if args.graph:
        return read_json(args.graph)
    cache = Path(args.cache or tempfile.gettempdir()) / f"kgraph-bench-{args.corpus}-{args.n}.json"
    if cache.is_file():
        print(f"graph: cached {cache}")
        return read_json(cache)
    path = CORPUS / f"{args.corpus}.jsonl"
    docs = []
    with path.open(encoding="utf-8") as lines:
        for line in itertools.islice(lines, args.n):
            d = json.loads(line)
            docs.append(
                kgraph.Document(d["text"], id=d["id"], title=d.get("title"), source=d.get("source"))
            )
    start = time.perf_counter()
    kg = kgraph.build(docs, n_process=args.processes)
    took = time.perf_counter() - start
    print(f"graph: built from {len(docs)} articles of {path.name} in {took:.0f} s")
    cache.parent.mkdir(parents=True, exist_ok=True)
    write_json(kg.graph, cache)
    return kg.graph


def timed(label: str, fn: Callable[[], Any], triples: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    print(f"  {label:<44} {best:8.2f} s {triples / best:>12,.0f} triples/s")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="allsides_2000", help="a corpus file name, no suffix")
    parser.add_argument("-n", type=int, default=1000, help="first N articles (default 1000)")
    parser.add_argument("--graph", help="a node-link JSON graph to export instead")
    parser.add_argument("--cache", help="directory for the built graph (default: temp dir)")
    parser.add_argument("--processes", type=int, default=1, help="n_process for the build")
    parser.add_argument("--repeat", type=int, default=1, help="best of R runs per writer")
    parser.add_argument(
        "--push",
        metavar="URL",
        action="append",
        default=[],
        help="also time kgraph.export.store.push to this store (twice: push, re-push)",
    )
    parser.add_argument("--auth", help="user:password for --push (Basic, Digest if asked)")
    args = parser.parse_args()

    g = load_graph(args)
    print(
        f"graph: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges, "
        f"{len(g.graph.get('documents', [])):,} documents"
    )

    start = time.perf_counter()
    ds = rdf.to_rdf(g)
    merged = rdflib.Graph()
    merged.addN((s, p, o, merged) for s, p, o, _c in ds.quads((None, None, None, None)))
    n = len(merged)
    print(
        f"rdflib graph of the same triples: {n:,} triples "
        f"(built in {time.perf_counter() - start:.1f} s, not counted below)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        print("kgraph (contract graph -> file):")
        ours = {
            fmt: timed(
                f"write_rdf format={fmt}",
                lambda fmt=fmt: rdf.write_rdf(g, out / f"kg.{fmt}", format=fmt),
                n,
                args.repeat,
            )
            for fmt in ("turtle", "nt", "trig", "nquads")
        }
        print("rdflib (rdflib.Graph -> file):")
        theirs = {
            fmt: timed(
                f"Graph.serialize format={fmt}",
                lambda fmt=fmt: merged.serialize(
                    out / f"rdflib.{fmt}", format=fmt, encoding="utf-8"
                ),
                n,
                args.repeat,
            )
            for fmt in ("turtle", "nt")
        }
        print("ratios (rdflib Turtle time / kgraph time; target >= 5):")
        for fmt in ("turtle", "nt"):
            print(
                f"  kgraph {fmt:<8} {theirs['turtle'] / ours[fmt]:6.1f}x faster than rdflib Turtle,"
                " "
                f"{theirs[fmt] / ours[fmt]:6.1f}x faster than rdflib {fmt}"
            )
        for fmt in ("turtle", "nt"):
            start = time.perf_counter()
            back = rdflib.Graph().parse(out / f"kg.{fmt}", format=fmt)
            blank = any(isinstance(t, rdflib.BNode) for triple in back for t in triple)
            same = len(back) == n and not blank and set(back) == set(merged)
            print(
                f"check: rdflib parses kgraph's {fmt} to the same {len(back):,} triples, "
                f"no blank nodes: {same} ({time.perf_counter() - start:.0f} s)"
            )
            start = time.perf_counter()
            iso = same and isomorphic(back, merged)
            print(
                f"check: rdflib.compare.isomorphic(kgraph's {fmt}, rdflib's graph): {iso} "
                f"({time.perf_counter() - start:.0f} s)"
            )
            if not iso:
                raise SystemExit(f"kgraph's {fmt} does not parse to an isomorphic graph")
            del back
        size = {fmt: (out / f"kg.{fmt}").stat().st_size for fmt in ours}
        print("sizes: " + ", ".join(f"{fmt} {b / 1e6:.1f} MB" for fmt, b in size.items()))
    for url in args.push:
        from kgraph.export import store

        auth = tuple(args.auth.split(":", 1)) if args.auth else None
        for attempt in ("push", "re-push"):
            start = time.perf_counter()
            report = store.push(g, url, auth=auth, timeout=3600)
            took = time.perf_counter() - start
            print(
                f"{attempt} to {report.endpoint}: {report.triples:,} triples in "
                f"{len(report.graphs) + 1} graphs, {took:.1f} s, "
                f"{report.triples / took:,.0f} triples/s"
            )


if __name__ == "__main__":
    main()
