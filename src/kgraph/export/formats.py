"""GraphML and GEXF (Gephi, yEd, Cytoscape) through networkx's writers.

Those formats hold flat scalar attributes only, so :func:`to_flat` first turns
the contract graph into a flat one:

- lists of plain values are joined with ``" | "`` (``aliases``, ``sources``,
  ``keywords``, ``dates``...);
- ``evidence`` becomes ``evidence_count`` and ``sentence`` (the first
  sentence), with ``documents`` (the distinct document ids, joined) on edges;
- any other dict, or list holding dicts, becomes its JSON text;
- ``None`` values are dropped;
- edges gain ``label`` (the predicate with its modality: "NOT raise_with",
  "may meet", "attack (according to United States)") and ``weight`` (the
  evidence count), the attributes Gephi shows and sizes edges by; the
  modality itself stays in ``asserted``, ``negated``, ``hedged``,
  ``demanded``, ``planned`` and ``according_to`` (a node id), the event type in
  ``event``.

The writers also remove the characters XML 1.0 cannot carry (control
characters but tab and newline, lone surrogates), write as text an attribute
that holds values of several types on different nodes (or edges), and give each edge a
graph-wide unique id, keeping the contract key in the ``key`` attribute.
Both give the same bytes for the same graph (GEXF's date stamp is left out).

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(documents=[{"id": "d1"}])
>>> g.add_node("a", label="A", aliases=["A", "Alpha"], subtype=None)
>>> g.add_node("b", label="B")
>>> _ = g.add_edge("a", "b", key="warn", predicate="warn", kind="action",
...                evidence=[{"doc": "d1", "start": 0, "end": 9, "sentence": "A warned B."}])
>>> flat = to_flat(g)
>>> flat.nodes["a"]
{'label': 'A', 'aliases': 'A | Alpha'}
>>> flat.edges["a", "b", "warn"]["sentence"], flat.edges["a", "b", "warn"]["evidence_count"]
('A warned B.', 1)
>>> flat.graph
{'documents': 'd1', 'document_count': 1}
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final

import networkx as nx

from kgraph._errors import ExportError
from kgraph._model import modal_predicate
from kgraph.export._files import write_bytes

__all__ = ["SEPARATOR", "edge_label", "to_flat", "write_gexf", "write_graphml"]

log = logging.getLogger(__name__)

SEPARATOR: Final = " | "

# Characters XML 1.0 cannot carry, even escaped (tab, newline and carriage return can).
_LAST_MODIFIED: Final = re.compile(rb' lastmodifieddate="[^"]*"')
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _flat_value(value: Any) -> str | int | float | bool | None:
    """One attribute value made scalar; ``None`` means "drop it"."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
        if any(isinstance(item, Mapping | list | tuple) for item in items):
            return _json(items)
        return SEPARATOR.join(str(item) for item in items if item is not None)
    if isinstance(value, Mapping):
        return _json(dict(value))
    return str(value)


def _flat_attrs(attrs: Mapping[str, Any], *, edge: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in attrs.items():
        if name == "evidence" and isinstance(value, list | tuple):
            evidence = [ev for ev in value if isinstance(ev, Mapping)]
            out["evidence_count"] = len(evidence)
            sentence = next((ev.get("sentence") for ev in evidence if ev.get("sentence")), None)
            if sentence is not None:
                out["sentence"] = str(sentence)
            if edge:
                docs = sorted({str(ev.get("doc")) for ev in evidence if ev.get("doc") is not None})
                if docs:
                    out["documents"] = SEPARATOR.join(docs)
            continue
        flat = _flat_value(value)
        if flat is not None:
            out[str(name)] = flat
    return out


def to_flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return a copy of ``g`` whose attributes are all str, int, float or bool.

    Nodes and edges keep their ids and keys, in sorted order; see the module
    docstring for how each attribute is flattened.
    """
    flat = nx.MultiDiGraph()
    graph_attrs = dict(g.graph)
    documents = graph_attrs.pop("documents", None)
    if isinstance(documents, list | tuple):
        ids = [str(d.get("id")) if isinstance(d, Mapping) else str(d) for d in documents]
        graph_attrs["documents"] = SEPARATOR.join(ids)
        graph_attrs["document_count"] = len(ids)
    elif documents is not None:
        graph_attrs["documents"] = documents
    flat.graph.update(_flat_attrs(graph_attrs))
    for node, attrs in sorted(g.nodes(data=True), key=lambda x: str(x[0])):
        flat.add_nodes_from([(node, _flat_attrs(attrs))])
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    for u, v, key, attrs in edges:
        data = _flat_attrs(attrs, edge=True)
        if "predicate" in data:
            data.setdefault("label", edge_label(g, attrs))
        if "evidence_count" in data:
            data.setdefault("weight", float(data["evidence_count"]))
        flat.add_edges_from([(u, v, key, data)])
    return flat


def edge_label(g: nx.MultiDiGraph, attrs: Mapping[str, Any]) -> str:
    """An edge's predicate with its modality, as a reader should take it.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("country/us", label="United States")
    >>> edge_label(g, {"predicate": "raise_with", "negated": True})
    'NOT raise_with'
    >>> edge_label(g, {"predicate": "attack", "asserted": False, "according_to": "country/us"})
    'attack (according to United States)'
    """
    hedge = attrs.get("hedge") or "maybe" if attrs.get("hedged") is True else None
    text = modal_predicate(
        str(attrs.get("predicate", "")),
        negated=attrs.get("negated") is True,
        hedge=str(hedge) if hedge else None,
        demanded=attrs.get("demanded") is True,
        planned=attrs.get("planned") is True,
    )
    by = attrs.get("according_to")
    if by is not None:
        label = g.nodes[by].get("label", by) if by in g else by
        return f"{text} (according to {label})"
    if attrs.get("reported") is True:
        return f"{text} (reported)"
    return text


def _xml_text(value: str) -> str:
    r"""``value`` without the characters XML 1.0 forbids, line ends made ``\n``.

    >>> _xml_text("a\x00b\r\nc\rd")
    'ab\nc\nd'
    """
    return _NOT_XML.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def _xml_safe(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {_xml_text(str(k)): _xml_text(v) if isinstance(v, str) else v for k, v in attrs.items()}


def _one_type_per_attribute(items: list[dict[str, Any]]) -> None:
    """GraphML and GEXF declare one type per attribute: text for those of several types."""
    types: dict[str, set[type]] = {}
    for attrs in items:
        for name, value in attrs.items():
            types.setdefault(name, set()).add(type(value))
    mixed = {name for name, seen in types.items() if len(seen) > 1}
    for attrs in items:
        for name in mixed & attrs.keys():
            value = attrs[name]
            attrs[name] = str(value).lower() if isinstance(value, bool) else str(value)


def _xml_ready(g: nx.MultiDiGraph, *, unique_edge_ids: bool) -> nx.MultiDiGraph:
    """The flat graph, XML-safe; with ``unique_edge_ids`` edges keyed ``e0, e1...``."""
    flat = to_flat(g)
    _one_type_per_attribute([attrs for _n, attrs in flat.nodes(data=True)])
    _one_type_per_attribute([attrs for _u, _v, attrs in flat.edges(data=True)])
    out = nx.MultiDiGraph()
    out.graph.update(_xml_safe(flat.graph))
    ids: dict[Any, str] = {}
    for node, attrs in flat.nodes(data=True):
        nid = _xml_text(str(node))
        if nid in ids.values() or not nid:
            raise ExportError(
                f"node id {str(node)!r} cannot be written as XML (it holds characters XML "
                "forbids, and without them it is empty or clashes with another id); "
                "rename the node"
            )
        ids[node] = nid
        out.add_nodes_from([(nid, _xml_safe(attrs))])
    for i, (u, v, key, attrs) in enumerate(flat.edges(keys=True, data=True)):
        data = _xml_safe(attrs)
        if unique_edge_ids:
            data["key"] = _xml_text(str(key))
            out.add_edges_from([(ids[u], ids[v], f"e{i}", data)])
        else:
            out.add_edges_from([(ids[u], ids[v], _xml_text(str(key)), data)])
    return out


def _write(
    writer: Callable[..., None], fmt: str, g: nx.MultiDiGraph, path: str | Path, **kw: Any
) -> None:
    ready = _xml_ready(g, unique_edge_ids=fmt == "GraphML")
    buffer = io.BytesIO()
    try:
        writer(ready, buffer, **kw)
    except (TypeError, ValueError, nx.NetworkXError) as err:
        raise ExportError(f"cannot write {str(path)!r} as {fmt}: {err}") from err
    # GEXF's <meta> carries today's date: drop it so the same graph gives the same bytes.
    write_bytes(path, _LAST_MODIFIED.sub(b"", buffer.getvalue(), count=1))
    log.debug(
        "wrote %s: %d nodes, %d edges", path, ready.number_of_nodes(), ready.number_of_edges()
    )


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``g`` as GraphML to ``path``, attributes flattened by :func:`to_flat`.

    Each edge's GraphML id is unique in the file (``e0``, ``e1``...); the
    contract key is kept in the ``key`` attribute.

    >>> import networkx as nx, tempfile, pathlib
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A", aliases=["A", "Alpha"])
    >>> _ = g.add_edge("a", "a", key="k", predicate="p")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> write_graphml(g, out)
    >>> nx.read_graphml(out, force_multigraph=True).nodes["a"]["aliases"]
    'A | Alpha'
    """
    _write(nx.write_graphml, "GraphML", g, path, encoding="utf-8", prettyprint=True)


def write_gexf(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``g`` as GEXF 1.2 (Gephi's own format) to ``path``, flattened by :func:`to_flat`.

    Node labels are the entity labels; edges carry ``label`` (the predicate)
    and ``weight`` (the evidence count); networkx numbers the edges and keeps
    the contract key as ``networkx_key``.

    >>> import networkx as nx, tempfile, pathlib
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A", sources=["d1", "d2"])
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> write_gexf(g, out)
    >>> nx.read_gexf(out).nodes["a"]["sources"]
    'd1 | d2'
    """
    _write(nx.write_gexf, "GEXF", g, path, encoding="utf-8", prettyprint=True)
