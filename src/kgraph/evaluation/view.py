"""What the scorers see of a graph: its node-link dict, read leniently.

A scorer must judge graphs other builders wrote too, so nothing here needs kgraph's
contract beyond the node-link form networkx writes: nodes with ``id`` and optional
``label``, ``type``, ``aliases``, ``sources``, ``evidence``; edges with ``source``,
``target`` and whatever names their relation (``predicate``, ``label``, ``role`` ...).

>>> view = GraphView.from_node_link({"nodes": [
...     {"id": "p", "label": "Mr. Pompeo", "type": "Person"},
...     {"id": "a", "label": "Bounties", "type": "Allegation"}],
...     "edges": [{"source": "a", "target": "p", "predicate": "accused"}]})
>>> sorted(view.entities), sorted(view.allegations), view.role_edges["a"][0][1]
(['p'], ['a'], 'p')
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from kgraph._model import Evidence

__all__ = ["GraphView", "NodeRef", "edge_text", "node_text", "own_text", "surface_key"]

# node types that are no entity (any case); every other node, typed or not, is one
_NOT_ENTITIES: Final = frozenset(
    {"allegation", "claim", "document", "event", "mention", "statement", "source"}
)
_ALLEGATION_TYPES: Final = frozenset({"allegation", "claim"})
# the fields that say what an edge means, and what an allegation node claims
_EDGE_FIELDS: Final = ("predicate", "label", "role", "title", "relation", "type", "verb")
_CLAIM_FIELDS: Final = ("label", "text", "statement", "summary", "claim", "description")
_OWN_FIELDS: Final = ("label", "text")

_QUOTES: Final = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": None, "\u201d": None})
_POSSESSIVE: Final = re.compile(r"'s$")
_LEADING_THE: Final = re.compile(r"^the\s+")
_SEPARATORS: Final = re.compile(r"[\s\-_]+")
_EDGE_CHARS: Final = " ,;:'\"()"


def surface_key(text: object) -> str:
    """The form two names are compared in: lower case, curly quotes straightened, no
    possessive ``'s``, no dots, no leading "the", runs of spaces, hyphens and underscores
    one space, no punctuation at the ends.

    >>> surface_key("The U.S. State Department's")
    'us state department'
    >>> surface_key("Lavrov") == surface_key("lavrov's") == surface_key("“Lavrov”")
    True
    >>> surface_key("Taliban-linked  militants")
    'taliban linked militants'
    """
    s = str(text).lower().translate(_QUOTES)
    s = _POSSESSIVE.sub("", s.strip()).replace(".", "")
    s = _LEADING_THE.sub("", s)
    return _SEPARATORS.sub(" ", s).strip(_EDGE_CHARS)


def _joined(values: Iterable[object]) -> str:
    return " ".join("" if v is None else str(v) for v in values)


def edge_text(edge: Mapping[str, Any]) -> str:
    """What an edge says it means, lower case, hyphens as underscores: its ``predicate``,
    ``label``, ``role``, ``title``, ``relation``, ``type`` and ``verb`` fields.

    >>> edge_text({"predicate": "holds_role", "role": "Foreign Minister"}).split()
    ['holds_role', 'foreign', 'minister']
    """
    return _joined(edge.get(k, "") for k in _EDGE_FIELDS).lower().replace("-", "_")


def node_text(node: Mapping[str, Any]) -> str:
    """What an allegation node claims, with its evidence, lower case: its ``label``,
    ``text``, ``statement``, ``summary``, ``claim`` and ``description`` fields and the
    sentence of every piece of evidence."""
    parts = [_joined(node.get(k, "") for k in _CLAIM_FIELDS)]
    for ev in node.get("evidence") or []:
        parts.append(str(ev.get("sentence", "")) if isinstance(ev, Mapping) else str(ev))
    return " ".join(parts).lower()


def own_text(node: Mapping[str, Any]) -> str:
    """An allegation node's own claim, lower case: its ``label`` and ``text``, no evidence."""
    return _joined(node.get(k, "") for k in _OWN_FIELDS).lower()


@dataclass(frozen=True, slots=True)
class NodeRef:
    """A node as a report shows it: id, label, type and one evidence sentence per document."""

    id: str
    label: str
    type: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "type": self.type,
            "evidence": [evidence_dict(ev) for ev in self.evidence],
        }


def evidence_dict(ev: Evidence) -> dict[str, Any]:
    """An :class:`~kgraph._model.Evidence` as JSON."""
    return {"doc": ev.doc, "start": ev.start, "end": ev.end, "sentence": ev.sentence}


def first_per_document(evidence: object) -> tuple[Evidence, ...]:
    """The first piece of evidence in each document, in document order.

    >>> [(ev.doc, ev.sentence) for ev in first_per_document([
    ...     {"doc": "b", "start": 4, "end": 9, "sentence": "x"},
    ...     {"doc": "a", "start": 0, "end": 1, "sentence": "y"},
    ...     {"doc": "b", "start": 0, "end": 2, "sentence": "z"}])]
    [('a', 'y'), ('b', 'x')]
    """
    out: dict[str, Evidence] = {}
    for ev in evidence if isinstance(evidence, Sequence) else ():
        if not isinstance(ev, Mapping):
            continue
        doc = str(ev.get("doc", ""))
        if doc not in out:
            out[doc] = Evidence(
                doc, _int(ev.get("start")), _int(ev.get("end")), str(ev.get("sentence") or "")
            )
    return tuple(out[doc] for doc in sorted(out))


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _strings(value: object) -> list[str]:
    """A node's list field (``aliases``, ``sources``) as strings; anything else as none."""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return []


@dataclass(frozen=True, slots=True)
class GraphView:
    """The nodes and edges of a node-link graph, sorted out for scoring.

    ``nodes`` maps node ids (as strings) to node dicts, ``edges`` lists the edge dicts;
    ``entities`` and ``allegations`` map node ids to node dicts; ``adjacency`` maps an
    (unordered) pair of node ids, both ways, to the edges between them; ``role_edges``
    maps each allegation node to the ``(edge text, other node)`` of its edges, whichever
    way they point.
    """

    nodes: Mapping[str, Mapping[str, Any]]
    edges: tuple[Mapping[str, Any], ...]
    entities: Mapping[str, Mapping[str, Any]]
    allegations: Mapping[str, Mapping[str, Any]]
    adjacency: Mapping[tuple[str, str], tuple[Mapping[str, Any], ...]]
    role_edges: Mapping[str, tuple[tuple[str, str], ...]]
    statements: tuple[Mapping[str, Any], ...] = ()

    @classmethod
    def from_node_link(cls, data: Mapping[str, Any]) -> GraphView:
        """Sort out a node-link dict (``edges`` or ``links``; optional ``statements``)."""
        nodes = {str(n["id"]): n for n in data.get("nodes", [])}
        edges: list[Mapping[str, Any]] = list(data.get("edges", data.get("links", [])))
        entities = {i: n for i, n in nodes.items() if node_type(n).lower() not in _NOT_ENTITIES}
        allegations = {i: n for i, n in nodes.items() if node_type(n).lower() in _ALLEGATION_TYPES}
        adjacency: defaultdict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
        roles: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
        for edge in edges:
            s, t = str(edge["source"]), str(edge["target"])
            adjacency[(s, t)].append(edge)
            adjacency[(t, s)].append(edge)
            if s in allegations:
                roles[s].append((edge_text(edge), t))
            if t in allegations:
                roles[t].append((edge_text(edge), s))
        statements = data.get("statements") or []
        return cls(
            nodes=nodes,
            edges=tuple(edges),
            entities=entities,
            allegations=allegations,
            adjacency={k: tuple(v) for k, v in adjacency.items()},
            role_edges={k: tuple(v) for k, v in roles.items()},
            statements=tuple(s for s in statements if isinstance(s, Mapping)),
        )

    def label(self, node_id: str) -> str:
        """A node's label, else its id."""
        return node_label(self.nodes[node_id], node_id)

    def names(self, node_id: str) -> list[str]:
        """Every name of a node: its aliases and its label."""
        node = self.nodes[node_id]
        return [*_strings(node.get("aliases")), self.label(node_id)]

    def sources(self, node_id: str) -> list[str]:
        """The documents a node comes from (its ``sources``)."""
        return _strings(self.nodes[node_id].get("sources"))

    def ref(self, node_id: str) -> NodeRef:
        """The node as a report shows it."""
        node = self.nodes[node_id]
        return NodeRef(
            node_id,
            self.label(node_id),
            node_type(node),
            first_per_document(node.get("evidence")),
        )


def node_label(node: Mapping[str, Any], node_id: str) -> str:
    """A node's ``label``, else its id."""
    label = node.get("label")
    return node_id if label is None else str(label)


def node_type(node: Mapping[str, Any]) -> str:
    """A node's ``type`` ("" when it has none)."""
    value = node.get("type")
    return "" if value is None else str(value)
