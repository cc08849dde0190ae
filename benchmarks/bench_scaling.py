"""Growth and cores: time and peak RSS per corpus size, and one process against two.

Not a test: it prints figures.  Every (corpus, size, route) runs in a fresh Python
process, so that its peak RSS (``resource.getrusage``: ``ru_maxrss`` of the process,
and of its worker processes for the two-process routes) is its own.  Articles are
streamed from the corpus file, never held in a list, except for ``dask2`` whose
bag is built from a list on the client.  The model is loaded before the clock
starts; worker start-up and their model loading are timed, as a user pays them
on every build.  Each run ends with the contract graph assembled.

Routes:

* ``n1``: ``kgraph.build(docs)``, one process;
* ``spacy2``: spaCy's own ``nlp.pipe(n_process=2)`` parses, kgraph extracts in the parent:
  spaCy's own ``nlp.pipe(n_process=2)`` parses, the main process prepares and
  extracts (spaCy sends the parsed Docs back);
* ``pool2``: :func:`kgraph.pipeline.run` with two worker processes
  that prepare, parse and extract, returning DocResults;
* ``build2``: ``kgraph.build(docs, n_process=2)``, whichever route it takes;
* ``dask2``: :func:`kgraph.dask.build_bag` on a two-worker ``LocalCluster``
  (started before the clock).

The last column is the first 12 hex digits of the SHA-256 of the graph's JSON:
every route must print the same digest for the same documents.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_scaling.py            # bbc 250, n1
    PYTHONPATH=src .venv/bin/python benchmarks/bench_scaling.py \\
        --sizes 250 500 1000 2000 --routes n1 spacy2 pool2 --corpora bbc allsides
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_throughput import (
    CORPORA,
    CORPUS_DIR,
    corpus_path,
    iter_articles,
    machine,
    resolve_model,
)

ROUTES = ("n1", "spacy2", "pool2", "build2", "dask2")


def spacy_route(documents: Iterable[Any], batch_size: int, n_process: int) -> Iterator[Any]:
    """Parse with spaCy's ``nlp.pipe(n_process=...)``; prepare and extract here."""
    from kgraph.ingest import iter_prepared
    from kgraph.nlp import pipe
    from kgraph.pipeline import Pipeline

    p = Pipeline.load()
    prepared = iter_prepared(documents, max_chars=p.max_chars)
    for item, docs in pipe(prepared, p.nlp, batch_size=batch_size, n_process=n_process):
        yield p.process(item, docs)


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def run_one(
    corpus: str, size: int, route: str, batch_size: int, corpus_dir: Path
) -> dict[str, Any]:
    """One measurement, in this (fresh) process."""
    import kgraph
    from kgraph import KnowledgeGraph
    from kgraph.nlp import load_model

    path = corpus_path(corpus, corpus_dir)
    kgraph.build(["Warm-up: Mike Pompeo met Sergey Lavrov in Moscow."]).to_json()
    load_model()
    base = _rss_mb(resource.RUSAGE_SELF)
    words = sum(len(d.text.split()) for d in iter_articles(path, size))
    client = cluster = None
    if route == "dask2":
        from dask.distributed import Client, LocalCluster

        cluster = LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
        client = Client(cluster)
    cpu = _cpu_s()
    start = time.perf_counter()
    if route == "n1":
        kg = kgraph.build(iter_articles(path, size), batch_size=batch_size)
    elif route == "spacy2":
        kg = KnowledgeGraph()
        kg.add_results(spacy_route(iter_articles(path, size), batch_size, n_process=2))
    elif route == "build2":
        kg = kgraph.build(iter_articles(path, size), batch_size=batch_size, n_process=2)
    elif route == "pool2":
        from kgraph.pipeline import run

        kg = KnowledgeGraph()
        kg.add_results(run(iter_articles(path, size), n_process=2, batch_size=batch_size))
    elif route == "dask2":
        from kgraph.dask import build_bag

        kg = build_bag(list(iter_articles(path, size)), client=client, batch_size=batch_size)
    else:
        raise SystemExit(f"unknown route {route!r}")
    _ = kg.graph
    seconds = time.perf_counter() - start
    cpu = _cpu_s() - cpu
    if client is not None and cluster is not None:
        client.close()
        cluster.close()
    digest = hashlib.sha256(kg.to_json().encode()).hexdigest()[:12]
    return {
        "corpus": corpus,
        "size": len(kg.documents),
        "route": route,
        "words": words,
        "seconds": seconds,
        "cpu": cpu,
        "rss_base_mb": base,
        "rss_peak_mb": _rss_mb(resource.RUSAGE_SELF),
        "rss_children_mb": _rss_mb(resource.RUSAGE_CHILDREN),
        "nodes": kg.graph.number_of_nodes(),
        "edges": kg.graph.number_of_edges(),
        "sha": digest,
        "load": os.getloadavg()[0],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250])
    parser.add_argument("--corpora", nargs="+", default=["bbc"], choices=list(CORPORA))
    parser.add_argument("--routes", nargs="+", default=["n1"], choices=ROUTES)
    parser.add_argument("--corpus-dir", type=Path, default=CORPUS_DIR)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        result = run_one(
            args.corpora[0], args.sizes[0], args.routes[0], args.batch_size, args.corpus_dir
        )
        print("RESULT " + json.dumps(result), flush=True)
        return

    print(f"machine: {machine(resolve_model())}")
    header = (
        f"{'corpus':9} {'docs':>5} {'route':7} {'seconds':>8} {'cpu s':>6} {'docs/s':>7} "
        f"{'words/s':>8} "
        f"{'RSS MB':>7} {'+model':>7} {'workers':>7} {'nodes':>6} {'edges':>6} {'load':>5}"
        "  graph sha"
    )
    print(header)
    print("-" * len(header))
    results: list[dict[str, Any]] = []
    for corpus in args.corpora:
        for size in args.sizes:
            for route in args.routes:
                command = [
                    sys.executable,
                    __file__,
                    "--child",
                    "--corpora",
                    corpus,
                    "--sizes",
                    str(size),
                    "--routes",
                    route,
                    "--batch-size",
                    str(args.batch_size),
                    "--corpus-dir",
                    str(args.corpus_dir),
                ]
                done = subprocess.run(command, capture_output=True, text=True, check=False)
                line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT ")), None)
                if line is None:
                    print(f"{corpus:9} {size:5d} {route:7} FAILED\n{done.stderr[-2000:]}")
                    continue
                r = json.loads(line[len("RESULT ") :])
                results.append(r)
                print(
                    f"{r['corpus']:9} {r['size']:5d} {r['route']:7} {r['seconds']:8.1f} "
                    f"{r['cpu']:6.1f} {r['size'] / r['seconds']:7.1f} "
                    f"{r['words'] / r['seconds']:8.0f} "
                    f"{r['rss_peak_mb']:7.0f} {r['rss_peak_mb'] - r['rss_base_mb']:7.0f} "
                    f"{r['rss_children_mb']:7.0f} {r['nodes']:6d} {r['edges']:6d} "
                    f"{r['load']:5.1f}  {r['sha']}",
                    flush=True,
                )
    print("\ncpu s: CPU time of the main process alone (its share of the work that")
    print("does not spread over workers);")
    print("RSS MB: peak of the process; +model: growth above the loaded model;")
    print("workers: peak of the largest worker process (two-process routes);")
    print("load: one-minute load average when the run ended (2 cores: above 2 means contention).")
    _summary(results)


def _summary(results: list[dict[str, Any]]) -> None:
    by_key = {(r["corpus"], r["route"], r["size"]): r for r in results}
    lines = []
    for (corpus, route, size), r in sorted(by_key.items()):
        big = by_key.get((corpus, route, 4 * size))
        if big is not None:
            ratio = big["seconds"] / r["seconds"]
            verdict = "ok" if ratio <= 4.4 else "over 4.4x"
            lines.append(
                f"{corpus:9} {route:7} {size:5d} -> {4 * size:5d}: time x{ratio:.2f} ({verdict})"
            )
        one = by_key.get((corpus, "n1", size))
        if one is not None and route != "n1":
            same = "same graph" if one["sha"] == r["sha"] else "DIFFERENT GRAPH"
            lines.append(
                f"{corpus:9} {route:7} {size:5d}: speed-up over n1 "
                f"x{one['seconds'] / r['seconds']:.2f}, {same}"
            )
    if lines:
        print("\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
