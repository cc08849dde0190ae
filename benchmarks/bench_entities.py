"""Entity quality on a real corpus: bare surnames beside their person, and furniture labels.

Not a test: it prints figures.  It builds the first N articles of a corpus as one graph
(or reads a graph written as node-link JSON) and counts two kinds of entity nodes that
should not be there:

* **bare surnames**: a Person node whose label is one word, with 10 mentions or more,
  beside a full-name Person node of that surname (its label's last word) that holds at
  least 80% of the surname's full-name mentions (mentions of two words or more that
  end in it, over all Person nodes: "Obama" beside "Barack Obama"): the surname alone
  should have joined that person;
* **furniture and stutters**: labels no entity has: a word repeated ("Trump Trump"), a
  name inverted ("Trump Donald" beside "Donald ... Trump"), a photo or image credit ("AP
  Photo/Mark Lennihan", "Jason Reed/Reuters", "File Photo", "Getty Images"), a
  timestamp ("ISIS 05:35") or a colon header ("Overnight Health Care: Trump").

Both lists are printed, then the counts.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_entities.py               # allsides, 300
    PYTHONPATH=src .venv/bin/python benchmarks/bench_entities.py --n 100 --out /tmp/g.json
    PYTHONPATH=src .venv/bin/python benchmarks/bench_entities.py --graph /tmp/g.json
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_throughput import corpus_path, iter_articles

MIN_MENTIONS = 10
DOMINANT_SHARE = 0.8
_CREDIT = re.compile(
    r"(?i)\b(?:photo|photos|photograph|image|images|getty|caption|copyright|file photo)\b"
    r"|/\s*(?:AP|Reuters|AFP|EPA|Getty|File|NPR)\b"
    r"|\b(?:AP|Reuters|REUTERS|AFP|EPA)\s*/"
)
_TIMESTAMP = re.compile(r"\b\d{1,2}:\d{2}\b")


def _words(label: str) -> list[str]:
    return label.split()


def bare_surnames(nodes: list[dict[str, Any]]) -> list[tuple[str, int, str, float]]:
    """(surname label, its mentions, the dominant full-name label, its share)."""
    full: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for n in nodes:
        words = _words(n["label"])
        if n.get("type") == "Person" and len(words) >= 2:
            surname = words[-1].casefold()
            named = sum(
                1
                for m in n.get("evidence", ())
                if len(_words(m["text"])) >= 2 and _words(m["text"])[-1].casefold() == surname
            )
            full[surname].append((named, n["label"]))
    out = []
    for n in nodes:
        words = _words(n["label"])
        if n.get("type") != "Person" or len(words) != 1:
            continue
        if int(n.get("mentions", 0)) < MIN_MENTIONS:
            continue
        holders = sorted(full.get(words[0].casefold(), []), reverse=True)
        total = sum(count for count, _label in holders)
        if holders and holders[0][0] >= DOMINANT_SHARE * total:
            out.append((n["label"], int(n["mentions"]), holders[0][1], holders[0][0] / total))
    return sorted(out, key=lambda x: (-x[1], x[0]))


def furniture(nodes: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(label, type, why) for each label that is page furniture or a stutter."""
    people = {n["label"] for n in nodes if n.get("type") == "Person"}
    by_ends = {(w[0], w[-1]) for w in map(_words, people) if len(w) >= 2}
    out = []
    for n in nodes:
        label, words = n["label"], _words(n["label"])
        why = None
        if any(a.casefold() == b.casefold() for a, b in itertools.pairwise(words)):
            why = "stutter"
        elif len(words) == 2 and n.get("type") == "Person" and (words[1], words[0]) in by_ends:
            why = "inverted"
        elif _CREDIT.search(label):
            why = "credit"
        elif _TIMESTAMP.search(label):
            why = "timestamp"
        elif ":" in label:
            why = "colon header"
        if why:
            out.append((label, str(n.get("type")), why))
    return sorted(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="allsides")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--graph", help="read this node-link JSON instead of building")
    ap.add_argument("--out", help="write the graph built here as node-link JSON")
    a = ap.parse_args()
    if a.graph:
        data = json.loads(Path(a.graph).read_text(encoding="utf-8"))
        print(f"graph: {a.graph}")
    else:
        import kgraph

        start = time.perf_counter()
        kg = kgraph.build(iter_articles(corpus_path(a.corpus), a.n))
        print(f"built {a.corpus} first {a.n} in {time.perf_counter() - start:.1f} s")
        if a.out:
            kg.to_json(a.out)
        from kgraph.graph import to_node_link

        data = to_node_link(kg.graph)
    nodes = [n for n in data["nodes"] if n.get("type") != "Allegation"]
    surnames = bare_surnames(nodes)
    junk = furniture(nodes)
    print(f"entity nodes: {len(nodes)}")
    print(f"\nbare surnames (>= {MIN_MENTIONS} mentions, a person with >= 80% of the full names):")
    for label, mentions, holder, share in surnames:
        print(f"  {label:<20} {mentions:>5}   beside {holder} ({share:.0%})")
    print("\nfurniture and stutter labels:")
    for label, type_, why in junk:
        print(f"  {why:<13} {type_:<13} {label}")
    print(f"\nbare-surname nodes: {len(surnames)}")
    print(f"furniture/stutter labels: {len(junk)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
