"""Node-link JSON: the contract graph as networkx's node-link form.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="A")
>>> from_json(to_json(g)).nodes["a"]["label"]
'A'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph._errors import DocumentAccessError, DocumentNotFoundError, ExportError, FormatError
from kgraph.export._files import write_bytes
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


def encode_text(text: str, what: str) -> bytes:
    """``text`` as UTF-8; a lone surrogate (which no UTF-8 file can hold) is an ExportError.

    >>> encode_text("Росси́я 🇷🇺", "x") == "Росси́я 🇷🇺".encode()
    True
    >>> encode_text("a\\ud800b", "node 'n'")
    Traceback (most recent call last):
    ...
    kgraph._errors.ExportError: node 'n': the text 'a\\ud800b' holds a lone surrogate U+D800, ...
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise encoding_error(err, what) from err


def encoding_error(err: UnicodeEncodeError, what: str) -> ExportError:
    """The :class:`ExportError` for text UTF-8 cannot encode (a lone surrogate)."""
    return surrogate_error(err.object, err.start, what)


def surrogate_error(text: str, at: int, what: str) -> ExportError:
    """The :class:`ExportError` for the lone surrogate at ``text[at]``, shown in context."""
    near = text[max(0, at - 30) : at + 31]
    return ExportError(
        f"{what}: the text {near!r} holds a lone surrogate U+{ord(text[at]):04X}, "
        "which UTF-8 cannot carry; clean the input text (it was probably decoded with "
        "errors='surrogateescape')"
    )


def write_json(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``g`` as node-link JSON to ``path`` (UTF-8); nothing is written on error."""
    write_bytes(path, encode_text(to_json(g), f"cannot write {str(path)!r}"))


def from_json(text: str, *, name: str = "<string>") -> nx.MultiDiGraph:
    """Parse node-link JSON text into a contract graph."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise FormatError(f"{name}: not valid JSON ({err.msg} at line {err.lineno})") from err
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
    try:
        return from_node_link(data)
    except (TypeError, ValueError) as err:  # an unhashable id: a list or an object
        raise FormatError(f"{name}: not a node-link graph kgraph can read ({err})") from err


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
