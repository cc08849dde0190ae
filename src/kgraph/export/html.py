"""Interactive HTML: one self-contained, offline page around vis-network.

The page is ours (``templates/page.html``), not pyvis's: pyvis 0.3.2 always
loads Bootstrap from a CDN and writes node ids and headings into the page
unescaped.  kgraph only borrows the vis-network 9.1.2 JavaScript and CSS that
the pyvis package ships and inlines them, so the file opens from disk with no
network at all.

How the page stays safe: every name, sentence and id travels as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&``
escaped, and the page's script writes it into the DOM with ``textContent``
only (tooltips are DOM elements built that way; there is no ``innerHTML``).
A Content-Security-Policy allows exactly the page's two inline scripts (by
hash) and no network request.

How it stays usable: up to ``layout_threshold`` nodes the browser lays the
graph out with physics, which stops once it has settled; above it the
positions come from :func:`networkx.spring_layout` (seeded) and physics is
off; nodes without links (after the filters) are hidden unless asked for, then
shelved in rows beside the linked ones.  The canvas draws at most ``max_nodes``
nodes, the most connected, and the page says so; the allegation list, the panels
and the search know every node.  The data is compact (:func:`page_data`: each
sentence once, documents and sentences by index, empty values left out) and the
page builds panels, tooltips and result lists only when they are opened.

The page draws the labels itself, at one
size on screen whatever the zoom, and of two labels that would overlap only the
more mentioned node's (or the better evidenced link's) is drawn: the view that
fits a large graph names its main actors, and zooming in names more.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(documents=[{"id": "d1", "title": "A report"}])
>>> g.add_node("person/ada", label="Ada <b>Lovelace</b>", type="Person",
...            mentions=2, sources=["d1"], aliases=["Ada"])
>>> g.add_node("country/uk", label="UK", type="Country", mentions=1, sources=["d1"])
>>> _ = g.add_edge("person/ada", "country/uk", key="visit", predicate="visit",
...                kind="action", evidence=[{"doc": "d1", "start": 0, "end": 9,
...                "sentence": "Ada visited the UK."}])
>>> page = to_html(g, title="Demo")
>>> page.startswith("<!DOCTYPE html>")
True
>>> "<b>Lovelace" in page  # names are data, never markup
False
>>> page == to_html(g, title="Demo")  # deterministic
True
>>> data = to_vis(g)
>>> [(n["key"], n["type"]) for n in data["nodes"]]
[('country/uk', 'Country'), ('person/ada', 'Person')]
>>> data["edges"][0]["label"]
'visit'
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import logging
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from kgraph._errors import ExportError
from kgraph._model import EVENT_CATEGORIES, modal_predicate
from kgraph._types import NODE_TYPES
from kgraph._version import __version__
from kgraph.export._files import encode_text, write_bytes
from kgraph.timex import parse_published

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "EDGE_STYLES",
    "NODE_STYLES",
    "PHYSICS",
    "page_data",
    "show",
    "to_html",
    "to_vis",
    "write_html",
]

log = logging.getLogger("kgraph.export.html")

#: Node type -> (fill colour, vis-network shape), from the registry ``kgraph._types``.
NODE_STYLES: Final[dict[str, tuple[str, str]]] = {t.name: (t.colour, t.shape) for t in NODE_TYPES}
_OTHER_NODE: Final = ("#9a9a9a", "dot")

#: Edge style name -> (colour, dash pattern or [] for solid, width).  Allegation
#: role edges are styled by role; every other edge by its kind.
EDGE_STYLES: Final[dict[str, tuple[str, tuple[int, ...], float]]] = {
    "accused": ("#c0392b", (), 2.6),
    "target": ("#e67e22", (), 2.0),
    "alleged_by": ("#1f77b4", (8, 4), 2.0),
    "reported_by": ("#7f7f7f", (2, 4), 1.6),
    "denied_by": ("#2ca02c", (8, 4), 2.0),
    "dismissed_by": ("#8c564b", (8, 4), 2.0),
    "confirmed_by": ("#9467bd", (), 2.0),
    "allegation": ("#e377c2", (4, 4), 1.6),
    "role": ("#1b9e9e", (), 1.6),
    "action": ("#6e7781", (), 1.3),
}
#: The vis-network physics the page lays a graph out with (up to ``layout_threshold``
#: nodes), stopped once it has settled; :func:`kgraph.export.pyvis.to_pyvis` uses it too.
PHYSICS: Final[dict[str, Any]] = {
    "solver": "forceAtlas2Based",
    "forceAtlas2Based": {
        "gravitationalConstant": -100,
        "centralGravity": 0.008,
        "springLength": 180,
        "springConstant": 0.06,
        "avoidOverlap": 1,
    },
    "minVelocity": 1,
    "stabilization": {"enabled": True, "iterations": 600, "updateInterval": 20, "fit": False},
}
_ROLE_STYLES: Final = frozenset(EDGE_STYLES) - {"allegation", "role", "action"}
_TYPE_ORDER: Final = tuple(NODE_STYLES)
_EDGE_ORDER: Final = tuple(EDGE_STYLES)

_SPACING: Final = 80.0  # pixels per sqrt(node) in the Python layout; gap between parts
_LABEL_CHARS: Final = 40
_SENTENCE_CHARS: Final = 300
_LIST_ITEMS: Final = 12
_CSS_LENGTH: Final = re.compile(r"\d{1,5}(\.\d{1,3})?(px|%|vh|vw|em|rem)")
_SPACES: Final = re.compile(r"\s+")
_KEEP_FORMAT_CHARS: Final = frozenset("\u200d")  # zero-width joiner builds emoji
_PLACEHOLDER: Final = re.compile(r"\{\{([A-Z_]+)\}\}")
_VIS_DIR: Final = ("lib", "vis-9.1.2")


# --------------------------------------------------------------------------- values
def _text(value: Any) -> str:
    """Any attribute value as text safe to put in JSON and encode as UTF-8."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, set | frozenset):
        text = ", ".join(sorted(_text(v) for v in value))  # sets print in hash order
    elif isinstance(value, list | tuple):
        text = ", ".join(_text(v) for v in value)
    elif isinstance(value, Mapping):
        items = sorted((_text(k), _text(v)) for k, v in value.items())
        text = "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
    elif hasattr(value, "isoformat"):
        text = str(value.isoformat())
    else:
        text = str(value)
    # Lone surrogates cannot be encoded as UTF-8: replace them.
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _texts(value: Any) -> list[str]:
    """A list-ish attribute (list, tuple, set, str, None) as a sorted, unique list."""
    if value is None:
        return []
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return [_text(value)]
    return sorted({_text(v) for v in value})


def _count(value: Any, default: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    if isinstance(value, float) and not math.isfinite(value):
        return default
    return max(0, int(value))


def _display(text: str, limit: int = _LABEL_CHARS) -> str:
    """A label for the canvas: one line, no invisible formatting, at most ``limit`` chars."""
    text = "".join(
        c
        for c in text
        if c in _KEEP_FORMAT_CHARS or unicodedata.category(c) not in ("Cf", "Cc") or c.isspace()
    )
    text = _SPACES.sub(" ", text).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return text


def _clip(text: str, limit: int = _SENTENCE_CHARS) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _evidence(value: Any, limit: int | None) -> tuple[list[dict[str, str]], int]:
    """The first ``limit`` (None: all) distinct (doc, sentence) pairs, and how many there are."""
    seen: dict[tuple[str, str], None] = {}
    if isinstance(value, list | tuple):
        for item in value:
            if isinstance(item, Mapping) and item.get("sentence"):
                seen.setdefault((_text(item.get("doc")), _clip(_text(item["sentence"]))), None)
    pairs = list(seen)
    return [{"doc": d, "sentence": s} for d, s in pairs[:limit]], len(pairs)


def _evidence_docs(value: Any) -> list[str]:
    if not isinstance(value, list | tuple):
        return []
    return sorted({_text(i.get("doc")) for i in value if isinstance(i, Mapping) and i.get("doc")})


def _listed(values: list[str], limit: int = _LIST_ITEMS) -> tuple[list[str], int]:
    return values[:limit], len(values)


# --------------------------------------------------------------------------- options
def _css_length(value: str | int | None, name: str = "height") -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ExportError(
            f"{name}={value!r} is not a CSS length; pass pixels as an int (650) "
            "or a string like '650px', '80vh' or '100%'"
        )
    if isinstance(value, int):
        if value <= 0:
            raise ExportError(f"{name}={value!r} must be a positive number of pixels")
        return f"{value}px"
    text = value.strip()
    if not _CSS_LENGTH.fullmatch(text):
        raise ExportError(
            f"{name}={value!r} is not a CSS length kgraph accepts; use a number with "
            "px, %, vh, vw, em or rem (e.g. '650px', '80vh')"
        )
    return text


def _check_int(value: Any, name: str, *, minimum: int, allow_none: bool) -> int | None:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        what = f"an int >= {minimum}" + (" or None" if allow_none else "")
        raise ExportError(f"{name}={value!r} must be {what}")
    return value


# --------------------------------------------------------------------------- graph -> data
def _node_ids(g: nx.MultiDiGraph) -> dict[Any, str]:
    """Each node's id as text; two nodes with the same text cannot be told apart."""
    ids: dict[Any, str] = {}
    seen: dict[str, Any] = {}
    for node in g.nodes:
        key = _text(node)
        if key in seen:
            raise ExportError(
                f"nodes {seen[key]!r} and {node!r} both read {key!r} as text; "
                "relabel the graph so node ids are distinct strings"
            )
        seen[key] = node
        ids[node] = key
    return ids


def _select(g: nx.MultiDiGraph, ids: Mapping[Any, str], max_nodes: int | None) -> list[Any]:
    """The nodes to draw, sorted by id: all, or the ``max_nodes`` most connected."""
    nodes = list(g.nodes)
    if max_nodes is not None and len(nodes) > max_nodes:

        def rank(n: Any) -> tuple[int, int, str]:
            return (-int(g.degree(n)), -_count(g.nodes[n].get("mentions"), 0), ids[n])

        nodes = sorted(nodes, key=rank)[:max_nodes]
    return sorted(nodes, key=lambda n: ids[n])


def _layout(
    keys: list[str], pairs: Iterable[tuple[str, str]], seed: int
) -> dict[str, tuple[float, float]]:
    """Seeded spring layout in pixels, independent of insertion order.

    Each connected component is laid out on its own (isolated nodes would
    otherwise fly to the rim and squeeze the rest into the middle) and the
    components are packed in rows, largest first.

    >>> pos = _layout(["a", "b", "c", "z"], [("a", "b"), ("b", "c")], seed=1)
    >>> sorted(pos) == ["a", "b", "c", "z"] and pos == _layout(["z", "c", "b", "a"],
    ...     [("c", "b"), ("b", "a")], seed=1)
    True
    """
    import networkx as nx  # noqa: PLC0415  (lazy: importing the page module loads no networkx)

    simple = nx.Graph()
    simple.add_nodes_from(sorted(keys))
    simple.add_edges_from(sorted({(a, b) if a <= b else (b, a) for a, b in pairs if a != b}))
    components = sorted(
        (sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0])
    )
    boxes: list[tuple[dict[str, tuple[float, float]], float, float]] = []
    for component in components:
        if len(component) == 1:
            boxes.append(({component[0]: (0.0, 0.0)}, 0.0, 0.0))
            continue
        # a copy in sorted order: a subgraph view iterates its node set in hash order, which
        # would make the layout (and the page's bytes) change from run to run
        sub = nx.Graph()
        sub.add_nodes_from(component)
        sub.add_edges_from(sorted(tuple(sorted(e)) for e in simple.subgraph(component).edges()))
        scale = _SPACING * math.sqrt(len(component))
        try:
            pos = nx.spring_layout(sub, seed=seed, scale=scale)
        except ImportError as err:  # networkx needs scipy from 500 nodes on
            raise ExportError(
                f"laying out {len(component)} nodes in Python needs {err.name or 'scipy'}: "
                "pip install scipy, or pass a larger layout_threshold (the browser lays "
                "the graph out, slowly) or a smaller max_nodes"
            ) from err
        xs = [float(x) for x, _ in pos.values()]
        ys = [float(y) for _, y in pos.values()]
        placed = {k: (float(x) - min(xs), float(y) - min(ys)) for k, (x, y) in pos.items()}
        boxes.append((placed, max(xs) - min(xs), max(ys) - min(ys)))
    # Shelf packing: rows no wider than the largest component (or a square's side).
    area = sum((w + _SPACING) * (h + _SPACING) for _, w, h in boxes)
    row_width = max(boxes[0][1] if boxes else 0.0, math.sqrt(area))
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for placed, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + _SPACING, 0.0
        for k, (px, py) in placed.items():
            out[k] = (float(round(x + px)), float(round(y + py)))
        x += w + _SPACING
        row_height = max(row_height, h)
    return out


def _edge_style(attrs: Mapping[str, Any], from_type: str) -> str:
    """The legend entry of an edge: its allegation role, or else its kind."""
    predicate = _text(attrs.get("predicate"))
    kind = _text(attrs.get("kind"))
    if kind == "allegation" or (not kind and from_type == "Allegation"):
        return predicate if predicate in _ROLE_STYLES else "allegation"
    if kind == "role" or predicate == "holds_role":
        return "role"
    return "action"


def _edge_label(attrs: Mapping[str, Any], key: str) -> str:
    """The predicate with its role and modality: "NOT warn", "may meet", "former holds_role:
    director"."""
    predicate = _text(attrs.get("predicate")) or key or "related_to"
    label = predicate
    if attrs.get("role"):
        label = f"{predicate}: {_text(attrs['role'])}"
    if attrs.get("former") is True:
        label = f"former {label}"
    hedge = (_text(attrs.get("hedge")) or "maybe") if attrs.get("hedged") is True else None
    label = modal_predicate(
        label,
        negated=attrs.get("negated") is True,
        hedge=hedge,
        demanded=attrs.get("demanded") is True,
        planned=attrs.get("planned") is True,
    )
    return _display(label)


def _asserted(attrs: Mapping[str, Any]) -> bool:
    """Whether the page shows an edge with "only what the text asserts" on: every edge but a
    fact the text reports, hedges, demands or plans."""
    if attrs.get("asserted") is False:
        return False
    return not any(attrs.get(f) is True for f in ("reported", "hedged", "demanded", "planned"))


def _modality(g: nx.MultiDiGraph, attrs: Mapping[str, Any]) -> str:
    """How the text holds a fact, in words: "asserted", "not asserted: reported by X" ..."""
    words = [f for f in ("negated", "hedged", "demanded", "planned") if attrs.get(f) is True]
    if attrs.get("hedged") is True and attrs.get("hedge"):
        words[words.index("hedged")] = f"hedged ({_text(attrs['hedge'])})"
    by = attrs.get("according_to")
    if by is not None:
        name = g.nodes[by].get("label", by) if by in g else by
        words.append(f"according to {_text(name)}")
    elif attrs.get("reported") is True:
        words.append("reported")
    lead = "asserted" if _asserted(attrs) else "not asserted"
    return _display(", ".join([lead, *words]), 120)


def _documents(g: nx.MultiDiGraph, node_docs: Iterable[str]) -> list[dict[str, str]]:
    """Every document: id, title, outlet (``source``) and publication day (ISO or "")."""
    docs: dict[str, dict[str, str]] = {}
    raw = g.graph.get("documents")
    if isinstance(raw, list | tuple):
        for doc in raw:
            if isinstance(doc, Mapping) and doc.get("id") is not None:
                doc_id = _text(doc["id"])
                day = parse_published(_text(doc.get("published")) or None)
                docs[doc_id] = {
                    "id": doc_id,
                    "title": _text(doc.get("title")) or doc_id,
                    "source": _text(doc.get("source")),
                    "published": day.isoformat() if day is not None else "",
                }
    for doc_id in node_docs:
        docs.setdefault(doc_id, {"id": doc_id, "title": doc_id, "source": "", "published": ""})
    return [docs[d] for d in sorted(docs)]


def _node_record(
    g: nx.MultiDiGraph, node: Any, key: str, vis_id: str, evidence_limit: int | None
) -> dict[str, Any]:
    """What the page knows of one node (``evidence_limit``: sentences kept, None: all)."""
    attrs = g.nodes[node]
    name = _text(attrs.get("label")) or key
    type_ = _text(attrs.get("type")) or "Unknown"
    evidence, n_evidence = _evidence(attrs.get("evidence"), evidence_limit)
    aliases, n_aliases = _listed([a for a in _texts(attrs.get("aliases")) if a != name])
    record: dict[str, Any] = {
        "id": vis_id,
        "key": key,
        "label": _display(name) or _display(key),
        "name": name,
        "type": type_,
        "subtype": _text(attrs.get("subtype")),
        "mentions": _count(attrs.get("mentions"), max(1, n_evidence)),
        "aliases": aliases,
        "nAliases": n_aliases,
        "docs": _texts(attrs.get("sources")) or _evidence_docs(attrs.get("evidence")),
        "evidence": evidence,
        "nEvidence": n_evidence,
    }
    if type_ == "Allegation":
        record["status"] = _text(attrs.get("status"))
        record["confidence"] = _text(attrs.get("confidence"))
        record["text"] = _clip(_text(attrs.get("text")))
        record["act"] = _text(attrs.get("act"))
        record["time"] = _text(attrs.get("time"))
        record["firstReported"] = _text(attrs.get("first_reported"))
    return record


_FLAGS: Final = ("negated", "hedged", "reported", "demanded", "planned", "former", "anonymous")


def _edge_record(
    g: nx.MultiDiGraph,
    row: tuple[str, str, str, Any, Any, Mapping[str, Any]],
    vis_id: Mapping[Any, str],
    number: int,
    evidence_limit: int | None,
) -> dict[str, Any]:
    """What the page knows of one edge; ``parallel`` is filled in by :func:`_vis_edges`."""
    _su, _sv, key, u, v, attrs = row
    kind = _text(attrs.get("kind"))
    evidence, n_evidence = _evidence(attrs.get("evidence"), evidence_limit)
    event = _text(attrs.get("event"))
    return {
        "id": f"e{number}",
        "from": vis_id[u],
        "to": vis_id[v],
        "key": key,
        "predicate": _text(attrs.get("predicate")) or key,
        "kind": kind,
        "style": _edge_style(attrs, _text(g.nodes[u].get("type"))),
        "label": _edge_label(attrs, key),
        "role": _text(attrs.get("role")),
        "date": _text(attrs.get("date")),
        "flags": [f for f in _FLAGS if attrs.get(f) is True],
        "asserted": _asserted(attrs),
        "modality": _modality(g, attrs) if kind != "allegation" else "",
        "event": event if event in EVENT_CATEGORIES else "",
        "docs": _evidence_docs(attrs.get("evidence")),
        "evidence": evidence,
        "nEvidence": n_evidence,
        "parallel": 0,
    }


def _edge_rows(
    g: nx.MultiDiGraph, ids: Mapping[Any, str], keep: Mapping[Any, str]
) -> list[tuple[str, str, str, Any, Any, Mapping[str, Any]]]:
    """The edges between kept nodes, in ``(source, target, key)`` order."""
    return sorted(
        (
            (ids[u], ids[v], _text(k), u, v, attrs)
            for u, v, k, attrs in g.edges(keys=True, data=True)
            if u in keep and v in keep
        ),
        key=lambda row: row[:3],
    )


def _vis_edges(
    g: nx.MultiDiGraph,
    rows: list[tuple[str, str, str, Any, Any, Mapping[str, Any]]],
    vis_id: Mapping[Any, str],
    evidence_limit: int | None,
) -> list[dict[str, Any]]:
    """Edge records, each numbered among the links between the same two nodes."""
    edges = []
    pair_count: Counter[tuple[str, str]] = Counter()
    for i, row in enumerate(rows):
        su, sv = row[0], row[1]
        pair = (su, sv) if su <= sv else (sv, su)
        record = _edge_record(g, row, vis_id, i, evidence_limit)
        record["parallel"] = pair_count[pair]
        pair_count[pair] += 1
        edges.append(record)
    return edges


def _vis_nodes(
    g: nx.MultiDiGraph,
    kept: list[Any],
    ids: Mapping[Any, str],
    vis_id: Mapping[Any, str],
    positions: Mapping[str, tuple[float, float]],
    drawn: set[Any] | None,
    max_evidence: int,
) -> list[dict[str, Any]]:
    """Node records with their Python positions; with ``drawn`` (the page's data), whether
    the canvas draws each, and all the evidence of allegations."""
    nodes = []
    for node in kept:
        allegation = _text(g.nodes[node].get("type")) == "Allegation"
        limit = None if drawn is not None and allegation else max_evidence
        record = _node_record(g, node, ids[node], vis_id[node], limit)
        if ids[node] in positions:
            record["x"], record["y"] = positions[ids[node]]
        if drawn is not None:
            record["drawn"] = node in drawn
        nodes.append(record)
    return nodes


def _legend(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    """Node types, link styles, event categories and predicates present, with counts."""
    type_counts = Counter(n["type"] for n in nodes)
    style_counts = Counter(e["style"] for e in edges)
    event_counts = Counter(e["event"] for e in edges if e["event"])
    predicate_counts = Counter(e["predicate"] for e in edges)
    return {
        "types": [
            {
                "name": t,
                "color": NODE_STYLES.get(t, _OTHER_NODE)[0],
                "shape": NODE_STYLES.get(t, _OTHER_NODE)[1],
                "count": type_counts[t],
            }
            for t in sorted(type_counts, key=lambda t: (t not in NODE_STYLES, _order(t), t))
        ],
        "edgeStyles": [
            {
                "name": s,
                "color": EDGE_STYLES[s][0],
                "dashes": list(EDGE_STYLES[s][1]),
                "width": EDGE_STYLES[s][2],
                "count": style_counts[s],
            }
            for s in _EDGE_ORDER
            if style_counts[s]
        ],
        "events": [
            {"name": c, "count": event_counts[c]} for c in EVENT_CATEGORIES if event_counts[c]
        ],
        "predicates": [
            {"name": p, "count": c}
            for p, c in sorted(predicate_counts.items(), key=lambda pc: (-pc[1], pc[0]))
        ],
    }


def _options(
    max_nodes: Any, layout_threshold: Any, seed: Any, max_evidence: Any
) -> tuple[int | None, int | None, int, int]:
    return (
        _check_int(max_nodes, "max_nodes", minimum=1, allow_none=True),
        _check_int(layout_threshold, "layout_threshold", minimum=0, allow_none=True),
        _check_int(seed, "seed", minimum=0, allow_none=False) or 0,
        _check_int(max_evidence, "max_evidence", minimum=0, allow_none=False) or 0,
    )


def _build(
    g: nx.MultiDiGraph,
    *,
    everything: bool,
    title: str | None,
    max_nodes: int | None,
    layout_threshold: int | None,
    seed: int,
    max_evidence: int,
    edge_labels: bool,
) -> dict[str, Any]:
    """The data of :func:`to_vis` (``everything=False``: the drawn nodes only, evidence
    capped) or of the page (every node, ``drawn`` saying which the canvas shows; every
    sentence of edges and allegations)."""
    ids = _node_ids(g)
    drawn = _select(g, ids, max_nodes)
    kept = sorted(g.nodes, key=lambda n: ids[n]) if everything else drawn
    vis_id = {node: f"n{i}" for i, node in enumerate(kept)}
    rows = _edge_rows(g, ids, vis_id)
    drawn_set = set(drawn)
    physics = layout_threshold is None or len(drawn) <= layout_threshold
    positions = {} if physics else _positions(rows, ids, drawn, seed)
    nodes = _vis_nodes(
        g, kept, ids, vis_id, positions, drawn_set if everything else None, max_evidence
    )
    edges = _vis_edges(g, rows, vis_id, None if everything else max_evidence)
    if everything:
        for record, row in zip(edges, rows, strict=True):
            record["drawn"] = row[3] in drawn_set and row[4] in drawn_set
    shown = [e for e in edges if e.get("drawn", True)]
    n_total, e_total = g.number_of_nodes(), g.number_of_edges()
    return {
        "title": _text(title) if title is not None else _default_title(g),
        "note": _cut_note(len(drawn), n_total, len(shown), e_total, max_nodes),
        "counts": {
            "nodes": len(drawn),
            "edges": len(shown),
            "totalNodes": n_total,
            "totalEdges": e_total,
        },
        "options": {
            "physics": physics,
            "physicsSettings": PHYSICS,
            "seed": seed,
            "edgeLabels": bool(edge_labels),
        },
        "documents": _documents(g, sorted({d for n in nodes for d in n["docs"]})),
        **_legend(nodes, edges),
        "nodes": nodes,
        "edges": edges,
    }


def _positions(
    rows: list[Any], ids: Mapping[Any, str], drawn: list[Any], seed: int
) -> dict[str, tuple[float, float]]:
    """Python layout positions of the drawn nodes, by node id (for a graph too big for
    physics in the browser)."""
    drawn_set = set(drawn)
    pairs = [r[:2] for r in rows if r[3] in drawn_set and r[4] in drawn_set]
    return _layout([ids[n] for n in drawn], pairs, seed)


def _cut_note(drawn: int, nodes: int, shown: int, edges: int, max_nodes: int | None) -> str | None:
    """What the page says when ``max_nodes`` cut nodes; ``None`` when it cut none."""
    if drawn >= nodes:
        return None
    return (
        f"Showing the {drawn:,} most connected of {nodes:,} nodes "
        f"(max_nodes={max_nodes}) and the {shown:,} of {edges:,} edges between them."
    )


def to_vis(
    g: nx.MultiDiGraph,
    *,
    title: str | None = None,
    max_nodes: int | None = 2000,
    layout_threshold: int | None = 200,
    seed: int = 7,
    max_evidence: int = 3,
    edge_labels: bool = True,
) -> dict[str, Any]:
    """Return the nodes and edges the page draws, readable: nodes, edges, legend, documents,
    options.

    Every value is JSON-safe text or a number; node ``id`` s are ``n0``, ``n1``...
    in the order of the graph's node ids (``key``), edge ids ``e0``... in
    ``(source, target, key)`` order; evidence is capped at ``max_evidence`` sentences
    (``nEvidence`` counts them all).  Parameters are those of :func:`to_html`; the page
    itself embeds :func:`page_data`.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node(2, label={"not", "text"}, type="Thing")
    >>> to_vis(g)["nodes"][0]["label"]
    'not, text'
    """
    max_nodes, layout_threshold, seed, max_evidence = _options(
        max_nodes, layout_threshold, seed, max_evidence
    )
    return _build(
        g,
        everything=False,
        title=title,
        max_nodes=max_nodes,
        layout_threshold=layout_threshold,
        seed=seed,
        max_evidence=max_evidence,
        edge_labels=edge_labels,
    )


# --------------------------------------------------------------------------- the page's data
class _Strings:
    """Each distinct sentence once, referred to by its index."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.items: list[str] = []

    def __call__(self, text: str) -> int:
        at = self.index.get(text)
        if at is None:
            at = self.index[text] = len(self.items)
            self.items.append(text)
        return at


def _lean(record: dict[str, Any]) -> dict[str, Any]:
    """A record without its empty values (the page reads a missing key as empty)."""
    return {k: v for k, v in record.items() if not (v is None or v is False or v in ("", []))}


def _lean_node(record: dict[str, Any]) -> dict[str, Any]:
    """A node without what the page can tell: its id (``n`` + index), counts that equal the
    length of their lists."""
    del record["id"]
    if record["nEvidence"] == len(record["ev"]):
        del record["nEvidence"]
    if record["nAliases"] == len(record["aliases"]):
        del record["nAliases"]
    return _lean(record)


def _lean_edge(record: dict[str, Any], index: Mapping[str, int]) -> dict[str, Any]:
    """An edge with its ends by node index and without what the page can tell: its id (``e`` +
    index), a key or label that is the predicate, "asserted" modality (``asserted`` is
    written only when false, as 0), no parallel link, a count that is the evidence's."""
    del record["id"]
    record["from"], record["to"] = index[record["from"]], index[record["to"]]
    for name in ("key", "label"):
        if record[name] == record["predicate"]:
            del record[name]
    if record["modality"] == "asserted":
        del record["modality"]
    asserted = record.pop("asserted")
    if record["parallel"] == 0:
        del record["parallel"]
    if record["nEvidence"] == len(record["ev"]):
        del record["nEvidence"]
    lean = _lean(record)
    if not asserted:
        lean["asserted"] = 0
    return lean


def _compact(record: dict[str, Any], docs: Mapping[str, int], sentences: _Strings) -> None:
    """Documents by index, evidence as ``[document, sentence]`` index pairs (``ev``)."""
    record["ev"] = [[docs[e["doc"]], sentences(e["sentence"])] for e in record.pop("evidence")]
    record["docs"] = [docs[d] for d in record["docs"]]
    if record.get("label") == record.get("name"):
        del record["label"]


def _statement_rows(g: nx.MultiDiGraph) -> list[Mapping[str, Any]]:
    raw = g.graph.get("statements")
    return [st for st in raw if isinstance(st, Mapping)] if isinstance(raw, list | tuple) else []


def _statement(
    st: Mapping[str, Any],
    index: Mapping[str, int],
    docs: Mapping[str, int],
    sentences: _Strings,
) -> list[Any]:
    """One statement as ``[doc, speaker, on_behalf_of, kind, anonymous, sentence, text,
    about]``: nodes by index (-1: none), the content only where the sentence lacks it."""

    def node(value: Any) -> int:
        return index.get(_text(value), -1) if value is not None else -1

    evidence = st.get("evidence")
    sentence = _clip(_text(evidence.get("sentence"))) if isinstance(evidence, Mapping) else ""
    text = _clip(_text(st.get("text")))
    about = st.get("about")
    return [
        docs[_text(st.get("doc"))],
        node(st.get("speaker")),
        node(st.get("on_behalf_of")),
        _text(st.get("kind")),
        1 if st.get("anonymous") is True else 0,
        sentences(sentence),
        "" if text in sentence else text,
        sorted({i for a in _texts(about) if (i := index.get(a, -1)) >= 0}),
    ]


def page_data(
    g: nx.MultiDiGraph,
    *,
    title: str | None = None,
    max_nodes: int | None = 2000,
    layout_threshold: int | None = 200,
    seed: int = 7,
    max_evidence: int = 3,
    edge_labels: bool = True,
) -> dict[str, Any]:
    """Return the data the page embeds: every node and edge (``drawn``: on the canvas, at
    most ``max_nodes``), all evidence of edges and allegations (``max_evidence`` sentences of
    an entity's mentions), the statements, each distinct sentence once in ``sentences``.

    Records leave out empty values; documents are referred to by their index in
    ``documents``, sentences by their index in ``sentences``, evidence is ``ev``: a list of
    ``[document, sentence]``; a statement is ``[document, speaker, on_behalf_of, kind,
    anonymous, sentence, content (when the sentence does not hold it), about]`` with nodes
    by index.  Parameters are those of :func:`to_html`.

    >>> import networkx as nx
    >>> doc = {"id": "d1", "source": "Daily", "published": "2020-01-02T10:00Z"}
    >>> g = nx.MultiDiGraph(documents=[doc])
    >>> g.add_node("a", label="Ada", type="Person", sources=["d1"])
    >>> g.add_node("b", label="Bob", type="Person", sources=["d1"])
    >>> _ = g.add_edge("a", "b", key="meet", predicate="meet", evidence=[
    ...     {"doc": "d1", "sentence": "Ada met Bob."}])
    >>> g.graph["statements"] = [{"doc": "d1", "speaker": "a", "about": ["b"], "kind": "direct",
    ...     "text": "met Bob", "evidence": {"sentence": "Ada met Bob."}}]
    >>> data = page_data(g)
    >>> data["sentences"], data["edges"][0]["ev"], data["statements"]
    (['Ada met Bob.'], [[0, 0]], [[0, 0, -1, 'direct', 0, 0, '', [1]]])
    >>> data["documents"][0]["source"], data["documents"][0]["published"]
    ('Daily', '2020-01-02')
    """
    max_nodes, layout_threshold, seed, max_evidence = _options(
        max_nodes, layout_threshold, seed, max_evidence
    )
    data = _build(
        g,
        everything=True,
        title=title,
        max_nodes=max_nodes,
        layout_threshold=layout_threshold,
        seed=seed,
        max_evidence=max_evidence,
        edge_labels=edge_labels,
    )
    return _pack(g, data)


def _pack(g: nx.MultiDiGraph, data: dict[str, Any]) -> dict[str, Any]:
    """Refer to documents, sentences and nodes by index; add the statements; lean records."""
    statements = _statement_rows(g)
    records = data["nodes"] + data["edges"]
    used = {d for r in records for d in r["docs"]} | {_text(s.get("doc")) for s in statements}
    used |= {e["doc"] for r in records for e in r["evidence"]}
    data["documents"] = _documents(g, sorted(used))
    docs = {d["id"]: i for i, d in enumerate(data["documents"])}
    sentences = _Strings()
    for record in records:
        _compact(record, docs, sentences)
    index = {n["key"]: i for i, n in enumerate(data["nodes"])}
    data["statements"] = [_statement(st, index, docs, sentences) for st in statements]
    by_vis_id = {n["id"]: i for i, n in enumerate(data["nodes"])}
    data["nodes"] = [_lean_node(n) for n in data["nodes"]]
    data["edges"] = [_lean_edge(e, by_vis_id) for e in data["edges"]]
    data["sentences"] = sentences.items
    return data


def _order(type_: str) -> int:
    return _TYPE_ORDER.index(type_) if type_ in _TYPE_ORDER else len(_TYPE_ORDER)


def _default_title(g: nx.MultiDiGraph) -> str:
    docs = g.graph.get("documents")
    n_docs = len(docs) if isinstance(docs, list | tuple) else 0
    suffix = f" of {n_docs} document{'s' if n_docs != 1 else ''}" if n_docs else ""
    return f"Knowledge graph{suffix}"


# --------------------------------------------------------------------------- the page
@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped by pyvis (found without importing pyvis)."""
    spec = importlib.util.find_spec("pyvis")
    roots = list(spec.submodule_search_locations or []) if spec else []
    for root in roots:
        folder = Path(root).joinpath(*_VIS_DIR)
        js, css = folder / "vis-network.min.js", folder / "vis-network.css"
        if js.is_file() and css.is_file():
            return js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8")
    raise ExportError(
        "vis-network 9.1.2 was not found in the pyvis package "
        f"(looked for {'/'.join(_VIS_DIR)}/vis-network.min.js under {roots or 'no pyvis'}); "
        "install it with: pip install 'pyvis==0.3.2'"
    )


@lru_cache(maxsize=4)
def _template(name: str) -> str:
    return (files("kgraph.export") / "templates" / name).read_text(encoding="utf-8")


def _inline_safe(text: str, tag: str) -> str:
    """Check that library code can sit inside a raw-text ``<tag>`` element."""
    lowered = text.lower()
    if f"</{tag}" in lowered or "<!--" in lowered:
        raise ExportError(f"an inlined asset contains '</{tag}' or '<!--'; cannot inline it")
    return text


def _json_for_html(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or be read as markup."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # These characters only ever occur inside JSON strings, so escaping keeps the JSON.
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def to_html(
    g: nx.MultiDiGraph,
    *,
    title: str | None = None,
    max_nodes: int | None = 2000,
    layout_threshold: int | None = 200,
    height: str | int | None = None,
    seed: int = 7,
    max_evidence: int = 3,
    edge_labels: bool = True,
) -> str:
    """Return one self-contained HTML page showing ``g`` interactively.

    Parameters
    ----------
    g
        A contract graph (see :mod:`kgraph.graph`); other MultiDiGraphs work too.
    title
        Page title and heading (text; default "Knowledge graph of N documents").
    max_nodes
        Draw at most this many nodes, the most connected first (ties: most
        mentioned, then id); the page shows a note when nodes were cut.
        ``None`` draws everything.
    layout_threshold
        Up to this many nodes the browser lays the graph out with physics (which
        stops once settled); above it positions come from
        ``networkx.spring_layout(seed=seed)`` and physics is off.  ``None``: never
        compute positions in Python.  ``0``: always.
    height
        Height of the graph area as a CSS length (``650`` or ``"80vh"``); default
        fills the window.
    seed
        Seed of the Python layout and of vis-network's initial positions.
    max_evidence
        Evidence sentences per node and edge kept in tooltips and details.
    edge_labels
        Draw each edge's predicate on it.

    >>> import networkx as nx
    >>> page = to_html(nx.MultiDiGraph(), title="Empty <graph>")
    >>> "<title>Empty &lt;graph&gt;</title>" in page
    True
    >>> to_html(nx.MultiDiGraph(), height="tall")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kgraph._errors.ExportError: height='tall' is not a CSS length kgraph accepts; use a ...
    """
    css_height = _css_length(height)
    data = page_data(
        g,
        title=title,
        max_nodes=max_nodes,
        layout_threshold=layout_threshold,
        seed=seed,
        max_evidence=max_evidence,
        edge_labels=edge_labels,
    )
    return _page(data, css_height)


def _page(data: dict[str, Any], css_height: str | None) -> str:
    """The page's template filled in (the assets inlined, with their hashes in the
    Content-Security-Policy; ``data`` embedded as JSON), logged."""
    vis_js, vis_css = _vis_assets()
    vis_js = _inline_safe(vis_js, "script")
    page_js = _inline_safe(_template("page.js"), "script")
    css = _inline_safe(vis_css, "style") + "\n" + _inline_safe(_template("page.css"), "style")
    if css_height is not None:
        css += f"\n#kg-main{{flex:none;height:{css_height}}}\n"
    csp = (
        "default-src 'none'; "
        f"script-src '{_sha256(vis_js)}' '{_sha256(page_js)}'; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    values = {
        "CSP": html.escape(csp, quote=True),
        "GENERATOR": html.escape(f"kgraph {__version__}", quote=True),
        "TITLE": html.escape(data["title"], quote=True),
        "NOTE": html.escape(data["note"] or "", quote=True),
        "NOTE_HIDDEN": "" if data["note"] else " hidden",
        "CSS": css,
        "DATA": _json_for_html(data),
        "VIS_JS": vis_js,
        "PAGE_JS": page_js,
    }
    page = _PLACEHOLDER.sub(lambda m: values[m.group(1)], _template("page.html"))
    log.debug(
        "html page: %d nodes, %d edges, %d chars",
        data["counts"]["nodes"],
        data["counts"]["edges"],
        len(page),
    )
    if data["note"]:
        log.warning("%s", data["note"])
    return page


def write_html(
    g: nx.MultiDiGraph,
    path: str | Path,
    *,
    title: str | None = None,
    max_nodes: int | None = 2000,
    layout_threshold: int | None = 200,
    height: str | int | None = None,
    seed: int = 7,
    max_evidence: int = 3,
    edge_labels: bool = True,
) -> None:
    """Write :func:`to_html` of ``g`` to ``path`` as UTF-8; the settings are its own.

    >>> import networkx as nx, tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = pathlib.Path(tmp, "g.html")
    ...     write_html(nx.MultiDiGraph(), out)
    ...     out.read_bytes().startswith(b"<!DOCTYPE html>")
    True
    """
    page = to_html(
        g,
        title=title,
        max_nodes=max_nodes,
        layout_threshold=layout_threshold,
        height=height,
        seed=seed,
        max_evidence=max_evidence,
        edge_labels=edge_labels,
    )
    write_bytes(path, encode_text(page, f"cannot write {str(path)!r}"))


class InlinePage:
    """A notebook display object: the page in an ``<iframe srcdoc=...>``.

    Used by :func:`show` when IPython is not installed; any frontend that
    calls ``_repr_html_`` shows it.
    """

    def __init__(self, markup: str) -> None:
        self.data = markup

    def _repr_html_(self) -> str:
        return self.data

    def __repr__(self) -> str:
        return f"<InlinePage {len(self.data):,} chars>"


def _iframe(page: str, height: str) -> str:
    return (
        '<div class="kgraph-show">'
        f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'title="kgraph interactive graph" style="width:100%;height:{height};border:0">'
        "</iframe></div>"
    )


def show(
    g: nx.MultiDiGraph,
    *,
    height: str | int = 650,
    title: str | None = None,
    max_nodes: int | None = 2000,
    layout_threshold: int | None = 200,
    seed: int = 7,
    max_evidence: int = 3,
    edge_labels: bool = True,
) -> Any:
    """Return an object that displays the page inline in Jupyter, VS Code or Colab.

    The page travels escaped in an ``<iframe srcdoc=...>`` (no extra file; the
    frame is sandboxed to scripts only).  ``height`` is the frame's height;
    other options are those of :func:`to_html`.

    >>> import networkx as nx
    >>> shown = show(nx.MultiDiGraph(), height=400)
    >>> markup = shown._repr_html_() if hasattr(shown, "_repr_html_") else shown.data
    >>> markup.startswith('<div class="kgraph-show"><iframe srcdoc="&lt;!DOCTYPE html&gt;')
    True
    """
    frame_height = _css_length(height) or "650px"
    page = to_html(
        g,
        title=title,
        max_nodes=max_nodes,
        layout_threshold=layout_threshold,
        seed=seed,
        max_evidence=max_evidence,
        edge_labels=edge_labels,
    )
    markup = _iframe(page, frame_height)
    try:
        from IPython.display import HTML  # noqa: PLC0415  (an optional dependency)
    except ImportError:
        return InlinePage(markup)
    display_class: Any = HTML  # IPython ships no type hints
    return display_class(markup)
