"""Cost beyond spaCy: raw ``nlp.pipe`` against ``kgraph.build``, one process, same documents.

Not a test: it prints figures.  For each corpus and each prefix size it runs, in
this process and on the same articles,

* ``raw``: a pristine ``spacy.load``-ed pipeline (the package kgraph loads, found by
  the same search, or ``--model``; without kgraph's paragraph component) over the
  article texts with ``nlp.pipe``;
* ``kgraph``: ``kgraph.build`` of the same articles (ingest, parse, extraction,
  local resolution), then the contract graph (corpus resolution and assembly);

and prints docs/s and words/s for both and their ratio (target: kgraph >= 0.8x), the
peak RSS of the process so far (it only grows: the model, then the largest graph), with
the machine's one-minute load average (above 1.0 on a machine whose other processes
share the cores, the absolute figures are low; the ratio, measured back to back in one
process, is less affected).
Words are whitespace-separated tokens of the article text, the same count for both.
Models are loaded and warmed before timing; ``--repeat`` keeps the best run.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_throughput.py              # 250 articles
    PYTHONPATH=src .venv/bin/python benchmarks/bench_throughput.py --sizes 250 500 1000 2000
    PYTHONPATH=src .venv/bin/python benchmarks/bench_throughput.py --profile 25 --sizes 500

``--profile N`` runs ``kgraph.build`` once more under cProfile and prints the N
functions with the most own time, and the N kgraph functions with the most
cumulative time.  The corpora are read from ``../shared/corpus`` (override with
``--corpus-dir``); they are third-party text and are never copied into the project.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import sys
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
CORPORA = {"bbc": "bbc_news_2225.jsonl", "allsides": "allsides_2000.jsonl"}


def corpus_path(name: str, corpus_dir: Path = CORPUS_DIR) -> Path:
    path = corpus_dir / CORPORA.get(name, name)
    if not path.is_file():
        sys.exit(f"corpus not found: {path} (see ../shared/corpus/README.md)")
    return path


def iter_articles(path: Path, n: int) -> Iterator[Any]:
    """The first ``n`` articles of a JSONL corpus as kgraph Documents, read lazily."""
    from kgraph import Document

    with path.open(encoding="utf-8") as lines:
        for line in islice(lines, n):
            record = json.loads(line)
            yield Document(
                record["text"],
                id=str(record["id"]),
                title=record.get("title") or None,
                source=record.get("source") or None,
            )


def resolve_model(model: str | None = None) -> str:
    """The spaCy package (or path) kgraph loads for ``model``: the same search as kgraph's."""
    from kgraph.nlp import _CACHE, load_model

    nlp = load_model(model)
    return next(name for name, loaded in _CACHE.items() if loaded is nlp)


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def machine(model: str = "") -> str:
    """One line describing where the figures were measured."""
    import spacy

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        mem = f", {psutil.virtual_memory().total / 2**30:.0f} GiB RAM"
    except ImportError:
        mem = ""
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; spaCy {spacy.__version__}; model {model}"
    )


def load_raw(model: str) -> Any:
    import spacy

    nlp = spacy.load(model)
    list(nlp.pipe(["Warm-up: Mike Pompeo met Sergey Lavrov in Moscow."]))
    return nlp


def warm_kgraph(model: str) -> None:
    import kgraph

    kgraph.build(["Warm-up: Mike Pompeo met Sergey Lavrov in Moscow."], model=model).to_json()


def time_raw(nlp: Any, texts: list[str], batch_size: int) -> float:
    gc.collect()
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def time_kgraph(docs: list[Any], batch_size: int, model: str) -> tuple[float, float, Any]:
    """Seconds to extract (``build``) and to assemble the graph; and the graph."""
    import kgraph

    gc.collect()
    start = time.perf_counter()
    kg = kgraph.build(docs, batch_size=batch_size, model=model)
    built = time.perf_counter()
    _ = kg.graph
    return built - start, time.perf_counter() - built, kg


def profile_kgraph(docs: list[Any], batch_size: int, top: int, model: str) -> None:
    import kgraph

    profiler = cProfile.Profile()
    profiler.enable()
    kg = kgraph.build(docs, batch_size=batch_size, model=model)
    _ = kg.graph
    profiler.disable()
    for title, sort, restrict in (
        ("own time, all code", "tottime", ()),
        ("cumulative time, kgraph code", "cumulative", ("kgraph/",)),
        ("own time, kgraph code", "tottime", ("kgraph/",)),
    ):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(sort).print_stats(*restrict, top)
        body = out.getvalue()
        print(f"\n-- profile: {title} --")
        print(body[body.find("   ncalls") :].rstrip())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250])
    parser.add_argument("--corpora", nargs="+", default=list(CORPORA), choices=list(CORPORA))
    parser.add_argument("--corpus-dir", type=Path, default=CORPUS_DIR)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=1, help="keep the best of N runs")
    parser.add_argument("--profile", type=int, metavar="N", default=0)
    parser.add_argument("--model", default=None, help="spaCy package or path (kgraph's default)")
    args = parser.parse_args(argv)

    model = resolve_model(args.model)
    print(f"machine: {machine(model)}")
    nlp = load_raw(model)
    warm_kgraph(model)
    header = (
        f"{'corpus':9} {'docs':>5} {'words':>8} | {'raw s':>7} {'raw w/s':>8} {'raw d/s':>7} | "
        f"{'kg s':>7} {'build':>6} {'graph':>6} {'kg w/s':>8} {'kg d/s':>7} | "
        f"{'ratio':>5} {'RSS MB':>6} {'load':>5}"
    )
    print(header)
    print("-" * len(header))
    for corpus in args.corpora:
        path = corpus_path(corpus, args.corpus_dir)
        for size in args.sizes:
            docs = list(iter_articles(path, size))
            texts = [d.text for d in docs]
            words = sum(len(t.split()) for t in texts)
            raw = min(time_raw(nlp, texts, args.batch_size) for _ in range(args.repeat))
            runs = [time_kgraph(docs, args.batch_size, model) for _ in range(args.repeat)]
            build_s, graph_s, _kg = min(runs, key=lambda r: r[0] + r[1])
            total = build_s + graph_s
            print(
                f"{corpus:9} {len(docs):5d} {words:8d} | {raw:7.2f} {words / raw:8.0f} "
                f"{len(docs) / raw:7.1f} | "
                f"{total:7.2f} {build_s:6.2f} {graph_s:6.2f} {words / total:8.0f} "
                f"{len(docs) / total:7.1f} | {raw / total:5.2f} {peak_rss_mb():6.0f} "
                f"{os.getloadavg()[0]:5.1f}",
                flush=True,
            )
            if args.profile:
                profile_kgraph(docs, args.batch_size, args.profile, model)


if __name__ == "__main__":
    main()
