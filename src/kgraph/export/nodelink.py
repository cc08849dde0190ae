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

from kgraph._errors import FormatError
from kgraph.graph import from_node_link, node_link_dumps

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["from_json", "read_json", "to_json", "write_json"]


def to_json(g: nx.MultiDiGraph) -> str:
    """Return the node-link JSON text of ``g`` (sorted, byte-stable)."""
    return node_link_dumps(g)


def write_json(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``g`` as node-link JSON to ``path`` (UTF-8)."""
    Path(path).write_text(to_json(g), encoding="utf-8")


def from_json(text: str, *, name: str = "<string>") -> nx.MultiDiGraph:
    """Parse node-link JSON text into a contract graph."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise FormatError(f"{name}: not valid JSON ({err.msg} at line {err.lineno})") from err
    if not isinstance(data, dict) or "nodes" not in data:
        raise FormatError(f"{name}: not a node-link graph (no 'nodes' list)")
    return from_node_link(data)


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a node-link JSON file written by :func:`write_json`."""
    path = Path(path)
    return from_json(path.read_text(encoding="utf-8"), name=str(path))
