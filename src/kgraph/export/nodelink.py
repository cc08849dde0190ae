"""Node-link JSON: the contract graph as networkx's node-link form.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="A", type="Person")
>>> from_json(to_json(g)).nodes["a"]["label"]
'A'
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from kgraph._errors import DocumentAccessError, DocumentNotFoundError, FormatError
from kgraph._model import (
    ALLEGATION,
    ALLEGATION_ROLES,
    ENTITY_TYPES,
    EVENT_CATEGORIES,
    STATUSES,
)
from kgraph.export._files import encode_text, encoding_error, surrogate_error, write_bytes
from kgraph.graph import from_node_link, node_link_dumps

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "encode_text",
    "encoding_error",
    "from_json",
    "read_json",
    "read_text",
    "surrogate_error",
    "to_json",
    "write_json",
]


def to_json(g: nx.MultiDiGraph) -> str:
    """Return the node-link JSON text of ``g`` (sorted, byte-stable)."""
    return node_link_dumps(g)


def write_json(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``g`` as node-link JSON to ``path`` (UTF-8); nothing is written on error."""
    write_bytes(path, encode_text(to_json(g), f"cannot write {str(path)!r}"))


def from_json(text: str, *, name: str = "<string>") -> nx.MultiDiGraph:
    """Parse node-link JSON text into a contract graph.

    Anything but a contract graph (see :mod:`kgraph.graph`: each attribute of the type
    kgraph writes, every edge between nodes of the graph) is a :class:`~kgraph.FormatError`
    naming the first thing wrong.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise FormatError(f"{name}: not valid JSON ({err.msg} at line {err.lineno})") from err
    except (ValueError, RecursionError) as err:  # a 5,000-digit number, 100,000 brackets
        raise FormatError(f"{name}: not valid JSON ({err})") from err
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise FormatError(f"{name}: not a node-link graph (no 'nodes' list)")
    edges = data.get("edges", data.get("links", []))
    if not isinstance(data.get("graph", {}), dict) or not isinstance(edges, list):
        raise FormatError(f"{name}: not a node-link graph ('graph' or 'edges' of the wrong type)")
    for i, node in enumerate(data["nodes"]):
        if not isinstance(node, dict) or "id" not in node:
            raise FormatError(f"{name}: node {i} of the 'nodes' list has no 'id': {node!r:.80}")
    for i, edge in enumerate(edges):
        if not isinstance(edge, dict) or "source" not in edge or "target" not in edge:
            raise FormatError(
                f"{name}: edge {i} of the 'edges' list lacks 'source' or 'target': {edge!r:.80}"
            )
    check_contract(data, name)
    return from_node_link(data)


# The attributes of the contract graph (see kgraph.graph) and what each must be;
# "!" marks those that must be there.
_DOCUMENT: Final = {
    "id": "str!",
    "title": "str?",
    "url": "str?",
    "published": "str?",
    "source": "str?",
    "authors": "strs",
    "chars": "count",
    "sha256": "str",
}
_ENTITY: Final = {
    "label": "str!",
    "subtype": "str?",
    "gid": "str?",
    "aliases": "strs",
    "sources": "strs",
    "mentions": "count",
    "evidence": "mentions",
}
_ALLEGATION: Final = {
    "label": "str!",
    "text": "str",
    "status": "status",
    "confidence": "str?",
    "dates": "strs",
    "keywords": "strs",
    "sources": "strs",
    "mentions": "count",
    "aliases": "strs",
    "evidence": "evidence",
    "act": "str?",
    "time": "str?",
    "first_reported": "str?",
}
_EDGE: Final = {
    "predicate": "str!",
    "kind": "kind!",
    "evidence": "evidence",
    "role": "str",
    "former": "bool",
    "negated": "bool",
    "hedged": "bool",
    "hedge": "str?",
    "date": "str?",
    "anonymous": "bool",
    "allegations": "strs",
    "asserted": "bool",
    "reported": "bool",
    "according_to": "str",
    "demanded": "bool",
    "planned": "bool",
    "event": "event",
}
_EVIDENCE: Final = {"doc": "str!", "start": "count!", "end": "count!", "sentence": "str!"}
_MENTION: Final = {**_EVIDENCE, "text": "str!", "ner": "str"}
_KINDS: Final = ("action", "role", "allegation")


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_scalar(value: object) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


_VALUES: Final[dict[str, tuple[str, Callable[[Any], bool]]]] = {
    "str": ("a string", lambda v: isinstance(v, str)),
    "str?": ("a string or null", lambda v: v is None or isinstance(v, str)),
    "strs": (
        "a list of strings",
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    ),
    "count": ("a whole number >= 0", _is_count),
    "bool": ("true or false", lambda v: isinstance(v, bool)),
    "status": (f"one of {', '.join(STATUSES)}", lambda v: v in STATUSES),
    "kind": (f"one of {', '.join(_KINDS)}", lambda v: v in _KINDS),
    "event": (f"one of {', '.join(EVENT_CATEGORIES)}", lambda v: v in EVENT_CATEGORIES),
}


def check_contract(data: Mapping[str, Any], name: str = "<graph>") -> None:
    """Raise a :class:`~kgraph.FormatError` naming the first part of node-link ``data`` that
    is not what kgraph writes (a missing label, a count that is a string, an edge to a node
    the graph does not hold ...).

    >>> check_contract({"graph": {}, "nodes": [{"id": "a", "type": "Person"}], "edges": []})
    Traceback (most recent call last):
    ...
    kgraph._errors.FormatError: <graph>: node 0 ('a') has no 'label'; ...
    """
    graph = data.get("graph", {})
    documents = graph.get("documents", [])
    if not isinstance(documents, list):
        raise FormatError(f"{name}: the graph's 'documents' should be a list; {_NOT_OURS}")
    for i, document in enumerate(documents):
        _check_fields(document, _DOCUMENT, f"{name}: document {i}")
    types: dict[str, str] = {}
    for i, node in enumerate(data["nodes"]):
        where = f"{name}: node {i} ({node['id']!r:.60})"
        if not isinstance(node["id"], str):
            raise FormatError(f"{where}: its id should be a string; {_NOT_OURS}")
        kind = node.get("type")
        if kind != ALLEGATION and kind not in ENTITY_TYPES:
            raise FormatError(
                f"{where}: type {kind!r:.60} is none of {', '.join(ENTITY_TYPES)}, "
                f"{ALLEGATION}; {_NOT_OURS}"
            )
        _check_fields(node, _ALLEGATION if kind == ALLEGATION else _ENTITY, where)
        types[node["id"]] = kind
    for i, edge in enumerate(data.get("edges", data.get("links", []))):
        _check_edge(edge, types, f"{name}: edge {i}")
    statements = data.get("statements", [])
    if not isinstance(statements, list) or not all(
        isinstance(st, dict) and isinstance(st.get("doc"), str) for st in statements
    ):
        raise FormatError(
            f"{name}: 'statements' should be a list of objects with a 'doc'; {_NOT_OURS}"
        )


_NOT_OURS: Final = "was this file written by kgraph?"


def _check_edge(edge: Mapping[str, Any], types: Mapping[str, str], where: str) -> None:
    source, target = edge["source"], edge["target"]
    ends = [types.get(end) if isinstance(end, str) else None for end in (source, target)]
    if None in ends:
        raise FormatError(
            f"{where} ({source!r:.40} -> {target!r:.40}) links a node the graph does not "
            f"hold; {_NOT_OURS}"
        )
    if not isinstance(edge.get("key", ""), str):
        raise FormatError(f"{where}: its key should be a string; {_NOT_OURS}")
    _check_fields(edge, _EDGE, where)
    role = edge["kind"] == "allegation"
    if (ends[0] == ALLEGATION) != role or ends[1] == ALLEGATION:
        raise FormatError(
            f"{where}: a {edge['kind']} edge from a {ends[0]} to a {ends[1]}; {_NOT_OURS}"
        )
    by = edge.get("according_to")
    if by is not None and types.get(by) in (None, ALLEGATION):
        raise FormatError(
            f"{where}: 'according_to' {by!r:.60} is no entity node of the graph; {_NOT_OURS}"
        )
    if role and edge["predicate"] not in ALLEGATION_ROLES:
        raise FormatError(
            f"{where}: an allegation role {edge['predicate']!r:.60} is none of "
            f"{', '.join(ALLEGATION_ROLES)}; {_NOT_OURS}"
        )
    for key, value in edge.items():
        if key not in _EDGE and key not in ("source", "target", "key") and not _is_scalar(value):
            raise FormatError(
                f"{where}: {key!r:.40} should be a string, a number, true, "
                f"false or null; {_NOT_OURS}"
            )


def _check_fields(obj: object, spec: Mapping[str, str], where: str) -> None:
    if not isinstance(obj, dict):
        raise FormatError(f"{where} should be an object, not {obj!r:.60}; {_NOT_OURS}")
    for key, kind in spec.items():
        if key not in obj:
            if kind.endswith("!"):
                raise FormatError(f"{where} has no {key!r}; {_NOT_OURS}")
            continue
        value = obj[key]
        kind = kind.rstrip("!")
        if kind in ("evidence", "mentions"):
            if not isinstance(value, list):
                raise FormatError(f"{where}: {key!r} should be a list; {_NOT_OURS}")
            item = _MENTION if kind == "mentions" else _EVIDENCE
            for i, ev in enumerate(value):
                _check_fields(ev, item, f"{where}, {key} {i}")
            continue
        what, ok = _VALUES[kind]
        if not ok(value):
            raise FormatError(f"{where}: {key!r} should be {what}, not {value!r:.60}; {_NOT_OURS}")


def read_text(path: Path) -> str:
    """The UTF-8 text of a file kgraph wrote; one clear error naming the path otherwise."""
    if path.is_dir():
        raise DocumentNotFoundError(f"{str(path)!r} is a directory; give a file kgraph wrote")
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise DocumentNotFoundError(
            f"{str(path)!r}: {err.strerror or 'No such file or directory'}; check the path"
        ) from err
    except PermissionError as err:
        raise DocumentAccessError(
            f"{str(path)!r} may not be read ({err.strerror}); check its permissions"
        ) from err
    except UnicodeDecodeError as err:
        raise FormatError(
            f"{str(path)!r} is not UTF-8 text (byte {err.object[err.start]:#04x} at offset "
            f"{err.start}); kgraph writes UTF-8: was this file written by kgraph?"
        ) from err


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a node-link JSON file written by :func:`write_json`."""
    path = Path(path)
    return from_json(read_text(path), name=str(path))
