"""Cost on pathological inputs: does kgraph's time grow linearly with a document's size?

Not a test: it prints figures.  Three kinds of document a real corpus holds, each
built at a base size and doubled a few times (text generated here, with names made
up for it; no third-party text):

* ``sentence``: one long sentence without a full stop (a transcript, a table read as
  text): clauses with people, places and agencies, joined by commas and "and";
* ``names``: a list of names, comma-separated in one sentence ("The delegation
  included Ann Holt, Bo Marsh, ...");
* ``paragraphs``: an article of many short paragraphs of ordinary sentences about a
  recurring cast.

For each size it prints the words, the seconds of ``kgraph.build`` of that one
document (ingest, parse, extraction, local resolution) and of the graph assembly,
spaCy's own ``nlp.pipe`` over the same text with the same pipeline, kgraph's time
beyond spaCy's, their ratio, and for each doubling the time ratio to the size before
(linear: 2.0; target <= 2.3; quadratic: 4.0).  On a busy machine run ``--repeat 3``:
the best of three runs is kept.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_pathological.py
    PYTHONPATH=src .venv/bin/python benchmarks/bench_pathological.py --cases sentence \\
        --doublings 4 --scale 0.5
    PYTHONPATH=src .venv/bin/python benchmarks/bench_pathological.py --profile 25

The first sizes are 1,500 words, 250 names and 63 paragraphs, so that 3 doublings
reach the 12,000 words, 2,000 names and 500 paragraphs of issue 16; ``--scale``
multiplies them.  ``--profile N`` runs the
largest size of each case once more under cProfile and prints the N kgraph functions
with the most own and cumulative time.

kgraph cuts a run of text without a sentence end longer than ``kgraph.ingest.MAX_RUN``
(5,000 characters) into pieces read alone; ``--max-run 0`` turns that off, to measure
how extraction itself grows with one sentence's length.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import logging
import os
import pstats
import random
import time
from collections.abc import Callable
from typing import Any


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Ann Bo Cara Dev Elin Farid Greta Hugo Ines Jonas Kira Lev Mona Nils Olga Pavel Quinn "
    "Rosa Sven Tara Ugo Vera Wim Xena Yuri Zara Amos Bea Cyril Dina Emil Fay Gus Hana Ivo "
    "Jana Karl Lina Milo Nora"
)
LAST = _words(
    "Holt Marsh Varga Lindqvist Okafor Brandt Moreau Castell Novak Ferreira Dahl Ivers "
    "Kowal Mertens Sato Quiroga Rask Tamm Ulloa Vance Weller Yilmaz Zeller Abbot Brook "
    "Carver Dorn Ekberg Falk Garrow Hale Imbert Jessup Kemp Larkin Mayne Norcross Orban "
    "Pike Rowe Sandler Thorne Upton Voss Wexler Ashby Bell Crane Drummond Eames Fenwick "
    "Gilroy Harker Ingram Joyce Keel Lowry Merritt Nash Oakes"
)
PLACES = _words(
    "Russia China Iran France Germany Ukraine Turkey Brazil India Japan Canada Mexico "
    "Poland Egypt Kenya Norway Chile Spain Italy Sweden"
)
BODIES = (
    "the Defense Ministry",
    "the State Department",
    "the Foreign Ministry",
    "the Justice Department",
    "the Senate Intelligence Committee",
    "the central bank",
    "the election commission",
    "the CIA",
    "the FBI",
    "NATO",
)
VERBS = (
    "met",
    "warned",
    "accused",
    "called",
    "thanked",
    "criticized",
    "praised",
    "visited",
    "briefed",
    "questioned",
)
CLAUSES = (
    "{p} {v} {q} in {c}",
    "{b} said that {p} had {v} {q}",
    "officials in {c} denied that {p} {v} {q}",
    "{p} told reporters that {b} {v} officials from {c}",
    "{q} was {v} by {p} after talks with {b}",
    "a spokesman for {b} said {p} {v} {q} last week",
)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _clause(rng: random.Random) -> str:
    return rng.choice(CLAUSES).format(
        p=_person(rng),
        q=_person(rng),
        v=rng.choice(VERBS),
        c=rng.choice(PLACES),
        b=rng.choice(BODIES),
    )


def long_sentence(words: int, seed: int = 16) -> str:
    """One sentence of about ``words`` words: clauses joined by commas, no full stop inside."""
    rng = random.Random(seed)
    parts: list[str] = []
    count = 0
    while count < words:
        clause = _clause(rng)
        parts.append(clause)
        count += len(clause.split()) + 1
    joined = ", and ".join(parts)
    return joined[0].upper() + joined[1:] + "."


def name_list(names: int, seed: int = 16) -> str:
    """One sentence listing ``names`` people."""
    rng = random.Random(seed)
    people = [_person(rng) for _ in range(names)]
    return "The delegation included " + ", ".join(people[:-1]) + f" and {people[-1]}."


def paragraphs(count: int, seed: int = 16) -> str:
    """An article of ``count`` paragraphs of three sentences about a recurring cast of 40."""
    rng = random.Random(seed)
    cast = [_person(rng) for _ in range(40)]

    def sentence() -> str:
        text = rng.choice(CLAUSES).format(
            p=rng.choice(cast),
            q=rng.choice(cast),
            v=rng.choice(VERBS),
            c=rng.choice(PLACES),
            b=rng.choice(BODIES),
        )
        return text[0].upper() + text[1:] + "."

    paras = [" ".join(sentence() for _ in range(3)) for _ in range(count)]
    return "Talks Continue Amid Dispute\n\n" + "\n\n".join(paras) + "\n"


CASES: dict[str, tuple[Callable[[int], str], int, str]] = {
    "sentence": (long_sentence, 1500, "words"),
    "names": (name_list, 250, "names"),
    "paragraphs": (paragraphs, 63, "paras"),
}


def time_spacy(nlp: Any, text: str) -> float:
    gc.collect()
    start = time.perf_counter()
    for _doc in nlp.pipe([text]):
        pass
    return time.perf_counter() - start


def time_kgraph(text: str) -> tuple[float, float]:
    """Seconds of ``kgraph.build`` of one document, and of the graph assembly."""
    import kgraph

    gc.collect()
    start = time.perf_counter()
    kg = kgraph.build([kgraph.Document(text, id="bench")])
    built = time.perf_counter()
    _ = kg.graph
    return built - start, time.perf_counter() - built


def profile(text: str, top: int) -> None:
    import kgraph

    profiler = cProfile.Profile()
    profiler.enable()
    _ = kgraph.build([kgraph.Document(text, id="bench")]).graph
    profiler.disable()
    for title, sort in (("own time", "tottime"), ("cumulative time", "cumulative")):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(sort).print_stats("kgraph/", top)
        body = out.getvalue()
        print(f"\n-- profile: {title}, kgraph code --")
        print(body[body.find("   ncalls") :].rstrip())


def _grow(now: float, before: float | None) -> str:
    return f"{now / before:6.2f}" if before else f"{'':6}"


def run_case(name: str, nlp: Any, scale: float, doublings: int, repeat: int, top: int) -> None:
    """Time one case at each size; print a row per size and the worst ratio per doubling.

    ``x prev`` is the time over the time at half the size; ``beyond`` is kgraph's time
    less spaCy's (ingest, extraction, resolution, the graph), the part kgraph owns.
    """
    make, base, unit = CASES[name]
    size = max(2, round(base * scale))
    header = (
        f"{name:10} {unit:>6} {'words':>7} | {'spaCy s':>7} {'x prev':>6} | "
        f"{'kgraph s':>8} {'graph s':>7} {'x prev':>6} | {'beyond':>6} {'x prev':>6} | "
        f"{'kg/spaCy':>8}"
    )
    print(header)
    print("-" * len(header))
    prev: tuple[float, float, float] | None = None
    ratios: list[tuple[float, float]] = []
    text = ""
    for _ in range(doublings + 1):
        text = make(size)
        raw = min(time_spacy(nlp, text) for _ in range(repeat))
        build_s, graph_s = min((time_kgraph(text) for _ in range(repeat)), key=sum)
        total = build_s + graph_s
        beyond = max(total - raw, 1e-3)
        if prev:
            ratios.append((total / prev[1], beyond / prev[2]))
        print(
            f"{'':10} {size:6d} {len(text.split()):7d} | {raw:7.2f} "
            f"{_grow(raw, prev and prev[0])} | {build_s:8.2f} {graph_s:7.2f} "
            f"{_grow(total, prev and prev[1])} | {beyond:6.2f} {_grow(beyond, prev and prev[2])} "
            f"| {total / raw:8.1f}",
            flush=True,
        )
        prev = (raw, total, beyond)
        size *= 2
    if ratios:
        worst = max(r for r, _ in ratios)
        worst_beyond = max(b for _, b in ratios)
        verdict = "linear" if worst <= 2.3 else "NOT linear"
        print(
            f"{name}: worst time ratio per doubling {worst:.2f} (target <= 2.3): {verdict}; "
            f"beyond spaCy {worst_beyond:.2f}\n"
        )
    if top:
        profile(text, top)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", default=list(CASES), choices=list(CASES))
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies the first sizes")
    parser.add_argument("--doublings", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=1, help="keep the best of N runs")
    parser.add_argument("--profile", type=int, metavar="N", default=0)
    parser.add_argument(
        "--max-run", type=int, default=None, help="kgraph.ingest.MAX_RUN (0: never cut)"
    )
    args = parser.parse_args(argv)

    import kgraph
    import kgraph.ingest
    from kgraph.nlp import load_model

    if args.max_run is not None:
        kgraph.ingest.MAX_RUN = args.max_run or 10**12

    # the names case is mostly names: kgraph warns that it does not look like English
    logging.getLogger("kgraph").setLevel(logging.ERROR)
    nlp = load_model()
    kgraph.build(["Warm-up: Mike Pompeo met Sergey Lavrov in Moscow."]).to_json()
    print(
        f"spaCy pipeline {nlp.meta.get('name')} {nlp.meta.get('version')} "
        f"({', '.join(nlp.pipe_names)}); runs cut at {kgraph.ingest.MAX_RUN:,} characters; "
        f"load average {os.getloadavg()[0]:.1f}\n"
    )
    for name in args.cases:
        run_case(name, nlp, args.scale, args.doublings, args.repeat, args.profile)


if __name__ == "__main__":
    main()
