"""The graph stage: the *contract graph* every exporter reads.

The contract graph is a :class:`networkx.MultiDiGraph`.  It is the one
interchange format between kgraph's core and its exporters (JSON, RDF, HTML,
GraphML/GEXF, DataFrames), and what :func:`kgraph.load` returns to.

Graph attributes (``g.graph``)
    ``name``: ``"kgraph"``; ``version``: the kgraph version that wrote it;
    ``documents``: a list, sorted by id, of ``{"id", "title", "url",
    "published", "source", "authors" (list), "chars" (int), "sha256"}``.

Entity nodes (``type`` one of ``Person``, ``Agency``, ``Country``,
``Organization``, ``Location``)
    ``label`` (canonical name), ``type``, ``subtype`` (str or None),
    ``aliases`` (sorted list of every surface form, label included),
    ``sources`` (sorted document ids), ``mentions`` (int),
    ``evidence``: list of ``{"doc", "start", "end", "sentence", "text", "ner"}``
    sorted by ``(doc, start)``, one per mention.

Allegation nodes (``type == "Allegation"``)
    ``label`` (short normalised statement), ``text`` (the claim clause),
    ``status`` (``alleged``/``denied``/``disputed``/``confirmed``),
    ``confidence`` (str or None), ``dates`` (list), ``keywords`` (list),
    ``sources``, ``mentions`` (int), ``aliases`` (``[]``) and ``evidence``
    (``{"doc", "start", "end", "sentence"}``).

Edges ``(u, v, key)``
    ``predicate`` (snake_case; for allegation role edges exactly one of
    ``accused``, ``target``, ``alleged_by``, ``reported_by``, ``denied_by``,
    ``dismissed_by``, ``confirmed_by``, always from the allegation node to the
    entity), ``kind`` (``action``, ``role`` or ``allegation``) and ``evidence``
    (list of ``{"doc", "start", "end", "sentence"}``).  Optional: ``role`` and
    ``former`` (``holds_role`` edges), ``negated``, ``hedged``, ``date``,
    ``anonymous``.  ``key`` is a deterministic string (the predicate, plus the
    role for ``holds_role``).

Every list is sorted and every value JSON-safe (str, int, float, bool, None,
list, dict), so the same documents always give the same bytes.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "ENTITY_NODE_ATTRS",
    "EVIDENCE_KEYS",
    "from_node_link",
    "to_node_link",
    "node_link_dumps",
]

ENTITY_NODE_ATTRS: Final = ("label", "type", "subtype", "aliases", "sources", "mentions", "evidence")
EVIDENCE_KEYS: Final = ("doc", "start", "end", "sentence")


def _edge_sort_key(edge: dict[str, Any]) -> tuple[str, str, str]:
    return (str(edge["source"]), str(edge["target"]), str(edge["key"]))


def to_node_link(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Return the node-link dict of a contract graph, nodes and edges sorted.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(name="kgraph")
    >>> g.add_node("b", label="B")
    >>> g.add_node("a", label="A")
    >>> _ = g.add_edge("b", "a", key="warn", predicate="warn")
    >>> data = to_node_link(g)
    >>> [n["id"] for n in data["nodes"]], data["edges"][0]["key"]
    (['a', 'b'], 'warn')
    """
    nodes = [{"id": n, **attrs} for n, attrs in sorted(g.nodes(data=True), key=lambda x: str(x[0]))]
    edges = [
        {"source": u, "target": v, "key": k, **attrs}
        for u, v, k, attrs in g.edges(keys=True, data=True)
    ]
    edges.sort(key=_edge_sort_key)
    return {
        "directed": True,
        "multigraph": True,
        "graph": dict(g.graph),
        "nodes": nodes,
        "edges": edges,
    }


def node_link_dumps(g: nx.MultiDiGraph) -> str:
    """Serialise a contract graph to node-link JSON text, byte-stable."""
    return json.dumps(to_node_link(g), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def from_node_link(data: dict[str, Any]) -> nx.MultiDiGraph:
    """Build a contract graph back from its node-link dict (``links`` accepted too).

    >>> g = from_node_link({"graph": {}, "nodes": [{"id": "a", "label": "A"}], "edges": []})
    >>> g.nodes["a"]["label"]
    'A'
    """
    import networkx as nx

    g = nx.MultiDiGraph()
    g.graph.update(data.get("graph", {}))
    for node in data.get("nodes", []):
        attrs = {k: v for k, v in node.items() if k != "id"}
        g.add_node(node["id"], **attrs)
    for edge in data.get("edges", data.get("links", [])):
        attrs = {k: v for k, v in edge.items() if k not in ("source", "target", "key")}
        g.add_edge(edge["source"], edge["target"], key=edge.get("key"), **attrs)
    return g
