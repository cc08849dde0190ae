"""A draft gold drawn from a graph, for a person to correct.

Annotating starts from what the graph holds rather than from a blank page: every entity
node becomes a gold entity (its label, aliases, type and documents), every fact edge a
gold relation (its predicate as the keyword), every allegation node a gold allegation
(its accused, cues from its keywords, documents, and who alleged, denied or dismissed
it), each marked ``"reviewed": false``.  The person deletes what is wrong, merges what
is one, adds what is missing and sets ``reviewed`` to true.  Scored against the graph it
was drawn from, a draft finds every entity, relation and allegation.

>>> draft = draft_gold({"nodes": [
...     {"id": "p", "label": "Mike Pompeo", "type": "Person", "aliases": ["Pompeo"]},
...     {"id": "l", "label": "Sergey Lavrov", "type": "Person"}],
...     "edges": [{"source": "p", "target": "l", "key": "warn", "predicate": "warn"}]})
>>> draft["entities"][0]["aliases"], draft["relations"][0]["keywords"]  # sorted by id
(['Sergey Lavrov'], ['warn'])
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

from kgraph.evaluation.gold import SCHEMA_VERSION
from kgraph.evaluation.view import GraphView, node_type, own_text

__all__ = ["draft_gold"]

_ACCUSED_WORDS: Final = ("accus", "subject")
# gold role list -> words one of which a role edge's text holds (kgraph's predicates)
_ROLE_WORDS: Final = (
    ("alleged_by", ("alleg",)),
    ("denied_by", ("den",)),
    ("dismissed_by", ("dismiss", "disput", "reject")),
)
_RELATION_FIELDS: Final = ("predicate", "label", "relation", "verb", "type")
_MIN_STEM: Final = 4  # the shortest part of a keyword kept as a cue ('hack' of 'hacking')
_WORD: Final = re.compile(r"[^\W\d_]{4,}")


def draft_gold(data: Mapping[str, Any], *, name: str | None = None) -> dict[str, Any]:
    """A draft gold (schema version 1) of the node-link graph ``data``; ``name`` is
    recorded as ``draft_of``."""
    view = GraphView.from_node_link(data)
    out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    if name is not None:
        out["draft_of"] = name
    out["documents"] = _documents(data)
    out["cues_needed"] = 1
    out["ignorable"] = []
    out["entities"] = [_entity(view, nid) for nid in sorted(view.entities)]
    out["relations"] = list(_relations(view))
    out["allegations"] = [_allegation(view, aid) for aid in sorted(view.allegations)]
    return out


def _documents(data: Mapping[str, Any]) -> dict[str, str]:
    graph = data.get("graph")
    docs = graph.get("documents") if isinstance(graph, Mapping) else None
    out = {}
    for doc in docs if isinstance(docs, Sequence) else ():
        if isinstance(doc, Mapping) and "id" in doc:
            out[str(doc["id"])] = str(doc.get("title") or doc.get("source") or "")
    return out


def _entity(view: GraphView, nid: str) -> dict[str, Any]:
    return {
        "id": nid,
        "name": view.label(nid),
        "types": [node_type(view.nodes[nid])],
        "aliases": sorted(set(view.names(nid))),
        "docs": sorted(set(view.sources(nid))),
        "required": True,
        "reviewed": False,
    }


def _relations(view: GraphView) -> Iterator[dict[str, Any]]:
    taken: set[str] = set()
    for edge in view.edges:
        s, t = str(edge["source"]), str(edge["target"])
        keyword = _relation_word(edge)
        if s not in view.entities or t not in view.entities or not keyword:
            continue
        rel: dict[str, Any] = {
            "id": _unique(f"{s} -[{edge.get('key') or keyword}]-> {t}", taken),
            "subject": s,
            "object": t,
            "keywords": [keyword],
            **_doc_and_kind(edge),
            "reviewed": False,
        }
        yield rel


def _relation_word(edge: Mapping[str, Any]) -> str:
    """What an edge says it is, in the form edge text has (lower case, ``_`` for ``-``)."""
    for key in _RELATION_FIELDS:
        value = edge.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip().lower().replace("-", "_")
    return ""


def _doc_and_kind(edge: Mapping[str, Any]) -> dict[str, str]:
    out = {}
    evidence = edge.get("evidence")
    if isinstance(evidence, Sequence) and evidence and isinstance(evidence[0], Mapping):
        out["doc"] = str(evidence[0].get("doc", ""))
    if isinstance(edge.get("kind"), str):
        out["kind"] = edge["kind"]
    return out


def _unique(base: str, taken: set[str]) -> str:
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base} ({n})"
    taken.add(name)
    return name


def _linked(view: GraphView, aid: str, words: Sequence[str]) -> list[str]:
    """The entity nodes an allegation node links by an edge whose text holds a word."""
    return sorted(
        {
            other
            for text, other in view.role_edges.get(aid, ())
            if other in view.entities and any(w in text for w in words)
        }
    )


def _allegation(view: GraphView, aid: str) -> dict[str, Any]:
    node = view.nodes[aid]
    accused = _linked(view, aid, _ACCUSED_WORDS)
    out: dict[str, Any] = {
        "id": aid,
        "summary": view.label(aid),
        "accused": accused,
        "cues": cues(node),
        "docs": sorted(set(view.sources(aid))),
    }
    for role, words in _ROLE_WORDS:
        out[role] = _linked(view, aid, words)
    out["required"] = bool(accused)  # an allegation of no one cannot be found
    out["reviewed"] = False
    return out


def cues(node: Mapping[str, Any]) -> list[str]:
    """The words that name an allegation node's story: its keywords as its own claim has
    them (the longest part of at least four letters: 'hacking' is 'hack' in 'hacked'),
    else the longest word of its claim.

    >>> cues({"label": "China hacked the campaigns", "keywords": ["hacking", "cyber"]})
    ['hack']
    >>> cues({"label": "Trump political bias", "keywords": ["accusation"]})
    ['political']
    """
    text = own_text(node)
    keywords = node.get("keywords")
    found: list[str] = []
    for keyword in keywords if isinstance(keywords, Sequence) else ():
        word = str(keyword).lower()
        stem = next((word[:n] for n in range(len(word), _MIN_STEM - 1, -1) if word[:n] in text), "")
        if stem and stem not in found:
            found.append(stem)
    if not found:
        words = _WORD.findall(text)
        if words:
            found.append(max(words, key=len))
    return found
