"""pyvis: the contract graph as a ``pyvis.network.Network``, for those who script pyvis.

:func:`to_pyvis` gives the nodes and edges of :func:`kgraph.export.html.to_vis` (the
data the offline page draws: the same selection of nodes, labels, evidence and, above
``layout_threshold`` nodes, the same positions) to a directed pyvis ``Network``: node
types as groups with the page's colours and shapes (:data:`~kgraph.export.html.NODE_STYLES`),
edges styled as on the page (:data:`~kgraph.export.html.EDGE_STYLES`), the page's
physics (:data:`~kgraph.export.html.PHYSICS`), and tooltips (``title``) as plain text:
name, type, aliases and evidence sentences with their documents, no markup.
vis-network 9 shows a string ``title`` as text, so a name holding ``<script>`` stays
text; pyvis's optional ``tooltip_link`` popup sets ``innerHTML`` from the title,
so leave it off with kgraph's titles.

The page :func:`kgraph.export.html.to_html` writes is the safe, offline one (no CDN,
everything inlined, text escaped, a strict Content-Security-Policy); a pyvis
``Network`` is for users who customise pyvis themselves, and what pyvis writes is
pyvis's own page (by default it loads scripts from a CDN).

>>> import networkx as nx
>>> g = nx.MultiDiGraph(documents=[{"id": "d1"}])
>>> g.add_node("person/ada", label="Ada <b>Lovelace</b>", type="Person", mentions=2)
>>> g.add_node("country/uk", label="UK", type="Country", mentions=1)
>>> _ = g.add_edge("person/ada", "country/uk", key="visit", predicate="visit", kind="action",
...                evidence=[{"doc": "d1", "start": 0, "end": 9, "sentence": "Ada visited."}])
>>> net = to_pyvis(g)
>>> [(n["id"], n["group"], n["color"]) for n in net.nodes]
[('country/uk', 'Country', '#59a14f'), ('person/ada', 'Person', '#4e79a7')]
>>> net.nodes[1]["title"].splitlines()[0]
'Ada <b>Lovelace</b> (Person)'
>>> net.edges[0]["title"].splitlines()
['Ada <b>Lovelace</b> -[visit]-> UK', 'd1: Ada visited.']
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from kgraph.export.html import PHYSICS, to_vis

if TYPE_CHECKING:
    import networkx as nx
    from pyvis.network import Network

__all__ = ["to_pyvis"]


def _node_title(node: dict[str, Any]) -> str:
    lines = [f"{node['name']} ({node['type']})"]
    if node.get("status"):
        lines.append(f"status: {node['status']}")
    if node["aliases"]:
        lines.append("also: " + ", ".join(node["aliases"]))
    lines.append(f"mentions: {node['mentions']}")
    lines.extend(f"{ev['doc']}: {ev['sentence']}" for ev in node["evidence"])
    if node["nEvidence"] > len(node["evidence"]):
        lines.append(f"... {node['nEvidence'] - len(node['evidence'])} more")
    return "\n".join(lines)


def _edge_title(edge: dict[str, Any], names: dict[str, str]) -> str:
    lines = [f"{names[edge['from']]} -[{edge['label']}]-> {names[edge['to']]}"]
    if edge["date"]:
        lines.append(f"date: {edge['date']}")
    lines.extend(f"{ev['doc']}: {ev['sentence']}" for ev in edge["evidence"])
    if edge["nEvidence"] > len(edge["evidence"]):
        lines.append(f"... {edge['nEvidence'] - len(edge['evidence'])} more")
    return "\n".join(lines)


def _physics(net: Any, enabled: bool) -> None:
    """The page's physics settings on a pyvis ``Network`` (:data:`PHYSICS`)."""
    fa = PHYSICS["forceAtlas2Based"]
    net.force_atlas_2based(
        gravity=fa["gravitationalConstant"],
        central_gravity=fa["centralGravity"],
        spring_length=fa["springLength"],
        spring_strength=fa["springConstant"],
        overlap=fa["avoidOverlap"],
    )
    physics = net.options.physics
    physics.minVelocity = PHYSICS["minVelocity"]
    for key, value in PHYSICS["stabilization"].items():
        setattr(physics.stabilization, key, value)
    physics.enabled = enabled


def to_pyvis(
    g: nx.MultiDiGraph,
    *,
    height: str = "750px",
    width: str = "100%",
    notebook: bool = False,
    cdn_resources: str = "remote",
    max_nodes: int | None = 2000,
    layout_threshold: int | None = 200,
    seed: int = 7,
    max_evidence: int = 3,
    edge_labels: bool = True,
) -> Network:
    """Return a directed ``pyvis.network.Network`` of ``g``.

    ``height``, ``width``, ``notebook`` and ``cdn_resources`` go to ``Network``;
    ``max_nodes``, ``layout_threshold``, ``seed``, ``max_evidence`` and ``edge_labels``
    are those of :func:`kgraph.export.html.to_html`.  Node ids are the kgraph node ids.
    """
    network_class = importlib.import_module("pyvis.network").Network  # lazy: start-up time
    data = to_vis(
        g,
        max_nodes=max_nodes,
        layout_threshold=layout_threshold,
        seed=seed,
        max_evidence=max_evidence,
        edge_labels=edge_labels,
    )
    net = network_class(
        height=height,
        width=width,
        directed=True,
        notebook=notebook,
        cdn_resources=cdn_resources,
    )
    _physics(net, bool(data["options"]["physics"]))
    # vis-network groups: a node added later with group="Person" looks like kgraph's
    net.options.groups = {
        t["name"]: {"color": t["color"], "shape": t["shape"]} for t in data["types"]
    }
    _add_nodes(net, data)
    _add_edges(net, data)
    return net


def _add_nodes(net: Network, data: Mapping[str, Any]) -> None:
    """The page's nodes, with its colours and shapes, keyed by their kgraph ids."""
    node_styles = {t["name"]: (t["color"], t["shape"]) for t in data["types"]}
    for node in data["nodes"]:
        color, shape = node_styles[node["type"]]
        extra = {"x": node["x"], "y": node["y"], "physics": False} if "x" in node else {}
        net.add_node(
            node["key"],
            label=node["label"],
            title=_node_title(node),
            group=node["type"],
            color=color,
            shape=shape,
            value=node["mentions"],
            **extra,
        )
        net.node_map[node["key"]]["color"] = color  # pyvis drops color= beside group=


def _add_edges(net: Network, data: Mapping[str, Any]) -> None:
    """The page's edges, with its styles, between the nodes' kgraph ids."""
    edge_styles = {s["name"]: (s["color"], s["dashes"], s["width"]) for s in data["edgeStyles"]}
    keys = {n["id"]: n["key"] for n in data["nodes"]}
    names = {n["id"]: n["name"] for n in data["nodes"]}
    for edge in data["edges"]:
        color, dashes, edge_width = edge_styles[edge["style"]]
        net.add_edge(
            keys[edge["from"]],
            keys[edge["to"]],
            label=edge["label"],
            title=_edge_title(edge, names),
            color=color,
            dashes=list(dashes) or False,
            width=edge_width,
            arrows="to",
        )
