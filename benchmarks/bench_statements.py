"""The statement pass's share of the time, next to spaCy's parse, on PolNeAR articles.

Not a test: it prints figures.  It parses the first ``--docs`` articles of a PolNeAR
split as kgraph does (``ingest.prepare`` and ``nlp.pipe``), then times, per Doc, the
mentions, the roles and references (shared with the relation extractor) and
:func:`kgraph.extract.statements.find_statements`, and reports each as a share of
spaCy's own ``nlp.pipe`` over the same texts.  ``--scale`` repeats one article's
paragraphs 1, 2, 4 ... times and prints the statement pass's time per token, which
stays flat when the pass is linear in tokens.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_statements.py --docs 200
    PYTHONPATH=src .venv/bin/python benchmarks/bench_statements.py --docs 20 --scale 8
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from kgraph.extract.context import DocContext, DocIndex
from kgraph.extract.coref import build_references
from kgraph.extract.entities import extract_mentions, promote_people
from kgraph.extract.roles import find_roles
from kgraph.extract.statements import find_statements
from kgraph.ingest import Document, iter_documents, iter_prepared
from kgraph.nlp import pipe
from kgraph.pipeline import Pipeline

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "polnear"


def _passes(pipeline: Pipeline, docs: list[tuple[int, Any]], doc_id: str) -> dict[str, float]:
    """Seconds spent in each extraction step over one document's Docs."""
    out = {"mentions": 0.0, "roles+references": 0.0, "statements": 0.0}
    found_all = 0
    for offset, doc in docs:
        t0 = time.perf_counter()
        found = promote_people(
            list(
                extract_mentions(
                    doc,
                    offset=offset,
                    gazetteer=pipeline.gazetteer,
                    adjectives=pipeline.adjectives,
                    nouns=pipeline.nouns,
                )
            )
        )
        index = DocIndex.of(doc, doc_id=doc_id, offset=offset)
        ctx = DocContext.of(index, tuple(found), pipeline.gazetteer)
        t1 = time.perf_counter()
        roles, postings = find_roles(doc, ctx)
        ctx = replace(ctx, roles=roles, postings=postings)
        ctx = replace(ctx, references=build_references(doc, ctx))
        t2 = time.perf_counter()
        found_all += sum(1 for _ in find_statements(doc, ctx))
        t3 = time.perf_counter()
        out["mentions"] += t1 - t0
        out["roles+references"] += t2 - t1
        out["statements"] += t3 - t2
    out["found"] = found_all
    return out


def share(split: str, n_docs: int) -> None:
    files = sorted((POLNEAR / split / "text").glob("*.txt"))[:n_docs]
    if not files:
        raise SystemExit(f"no PolNeAR articles under {POLNEAR / split}")
    pipeline = Pipeline.load()
    documents = list(iter_documents(files))
    texts = [d.text for d in documents]
    for _ in pipeline.nlp.pipe(texts[:5]):  # warm up: the first batch loads lazily
        pass
    t0 = time.perf_counter()
    tokens = sum(len(doc) for doc in pipeline.nlp.pipe(texts))
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    parsed = list(pipe(iter_prepared(documents, max_chars=pipeline.max_chars), pipeline.nlp))
    kgraph_parse_s = time.perf_counter() - t0
    totals = {"mentions": 0.0, "roles+references": 0.0, "statements": 0.0, "found": 0.0}
    for item, docs in parsed:
        for key, value in _passes(pipeline, docs, item.info.id).items():
            totals[key] += value
    print(f"{len(files)} articles, {tokens} tokens ({split})")
    print(f"  spaCy nlp.pipe over the raw texts   {spacy_s:7.2f} s   1.000")
    print(
        f"  prepare + nlp.pipe (kgraph)         {kgraph_parse_s:7.2f} s   "
        f"{kgraph_parse_s / spacy_s:.3f}"
    )
    for key in ("mentions", "roles+references", "statements"):
        print(f"  {key:35} {totals[key]:7.2f} s   {totals[key] / spacy_s:.3f}")
    print(
        f"  statements found: {int(totals['found'])}; "
        f"statement pass {1e6 * totals['statements'] / tokens:.1f} µs per token"
    )


def scale(split: str, n_docs: int, times: int) -> None:
    """Time per token of the statement pass on texts 1, 2, 4 ... times as long."""
    pipeline = Pipeline.load()
    files = sorted((POLNEAR / split / "text").glob("*.txt"))[:n_docs]
    base = [f.read_text(encoding="utf-8") for f in files]
    k = 1
    while k <= times:
        documents = [Document("\n\n".join([t] * k), id=f"d{i}") for i, t in enumerate(base)]
        parsed = list(pipe(iter_prepared(documents, max_chars=pipeline.max_chars), pipeline.nlp))
        tokens = sum(len(doc) for _, docs in parsed for _, doc in docs)
        seconds = sum(_passes(pipeline, docs, it.info.id)["statements"] for it, docs in parsed)
        print(f"  x{k:<3} {tokens:8} tokens  {1e6 * seconds / tokens:6.1f} µs per token")
        k *= 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train")
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--scale", type=int, default=0, help="repeat each text up to N times")
    args = ap.parse_args()
    if args.scale:
        scale(args.split, args.docs, args.scale)
    else:
        share(args.split, args.docs)


if __name__ == "__main__":
    main()
