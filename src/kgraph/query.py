"""Queries over the contract graph: entities, relations, allegations, paths, rankings.

Every function takes a contract graph (see :mod:`kgraph.graph`) and returns
small frozen records that carry their evidence, so any answer can be traced
back to the sentences it comes from.  :class:`kgraph.KnowledgeGraph` exposes
them as methods (``kg.entity("Pompeo")``, ``kg.allegations(accused="Russia")``...).

Names are resolved the way an analyst types them: a node id, the label or any
alias, in any case, with or without a leading "the", a possessive "'s" or the
dots of an acronym ("US" finds "U.S.").

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(documents=[{"id": "d1"}])
>>> ev = {"doc": "d1", "start": 0, "end": 6, "sentence": "Pompeo warned Lavrov.", "ner": "PERSON"}
>>> g.add_node("person/mike-pompeo", label="Mike Pompeo", type="Person", subtype=None,
...            aliases=["Mike Pompeo", "Pompeo"], sources=["d1"], mentions=1,
...            evidence=[{**ev, "text": "Pompeo"}])
>>> g.add_node("person/sergey-lavrov", label="Sergey Lavrov", type="Person", subtype=None,
...            aliases=["Lavrov", "Sergey Lavrov"], sources=["d1"], mentions=1,
...            evidence=[{**ev, "start": 14, "end": 20, "text": "Lavrov"}])
>>> _ = g.add_edge("person/mike-pompeo", "person/sergey-lavrov", key="warn", predicate="warn",
...                kind="action", evidence=[{"doc": "d1", "start": 0, "end": 21,
...                                          "sentence": "Pompeo warned Lavrov."}])
>>> entity(g, "pompeo's").label
'Mike Pompeo'
>>> [str(f) for f in relations(g, subject="Pompeo")]
['Mike Pompeo -[warn]-> Sergey Lavrov']
>>> relations(g, predicate="warn")[0].sentences
('Pompeo warned Lavrov.',)
>>> entity(g, "Pompey")
Traceback (most recent call last):
...
kgraph._errors.EntityNotFoundError: no entity called 'Pompey'; did you mean 'Pompeo', 'Mike Pompeo'?
"""

from __future__ import annotations

import copy
import difflib
import heapq
import html
import itertools
import logging
import re
import unicodedata
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import networkx as nx

from kgraph._errors import EntityNotFoundError, MissingDependencyError, QueryError
from kgraph._model import (
    ALLEGATION,
    ALLEGATION_ROLES,
    ENTITY_TYPES,
    EVENT_CATEGORIES,
    STATUSES,
    Allegation,
    AllegationRole,
    Entity,
    Evidence,
    Fact,
    Mention,
    Statement,
    TimelineEvent,
)
from kgraph.gazetteer import Gazetteer
from kgraph.timex import parse_published

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "RANKINGS",
    "Allegation",
    "Entity",
    "Fact",
    "allegations",
    "entities",
    "entity",
    "neighbors",
    "path",
    "rank",
    "relations",
    "statements",
    "subgraph",
    "summary",
    "summary_html",
    "timeline",
    "to_pandas",
]

log = logging.getLogger(__name__)

RANKINGS: Final = ("betweenness", "degree", "pagerank")


# -- building records from the graph ----------------------------------------------------------
def _is_allegation(attrs: Mapping[str, Any]) -> bool:
    return attrs.get("type") == ALLEGATION


def _evidence(items: Iterable[Mapping[str, Any]]) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(
            str(ev.get("doc", "")),
            int(ev.get("start", 0)),
            int(ev.get("end", 0)),
            str(ev.get("sentence", "")),
        )
        for ev in items
    )


def _mentions(items: Iterable[Mapping[str, Any]]) -> tuple[Mention, ...]:
    return tuple(
        Mention(
            str(ev.get("doc", "")),
            int(ev.get("start", 0)),
            int(ev.get("end", 0)),
            str(ev.get("text", "")),
            str(ev.get("ner", "")),
            str(ev.get("sentence", "")),
        )
        for ev in items
    )


def _label(g: nx.MultiDiGraph, node: str) -> str:
    return str(g.nodes[node].get("label", node))


def _entity_record(g: nx.MultiDiGraph, node: str) -> Entity:
    a = g.nodes[node]
    return Entity(
        id=node,
        label=str(a.get("label", node)),
        type=str(a.get("type", "")),
        subtype=a.get("subtype"),
        aliases=tuple(a.get("aliases", ())),
        sources=tuple(a.get("sources", ())),
        mentions=int(a.get("mentions", 0)),
        evidence=_mentions(a.get("evidence", ())),
        candidates=tuple(str(c) for c in a.get("candidates", ()) or ()),
        unresolved=a.get("unresolved"),
    )


def _allegation_view(g: nx.MultiDiGraph, node: str) -> Allegation:
    a = g.nodes[node]
    roles = sorted(
        (
            AllegationRole(
                role=str(e.get("predicate", key)),
                id=v,
                label=_label(g, v),
                anonymous=bool(e.get("anonymous", False)),
                evidence=_evidence(e.get("evidence", ())),
            )
            for _u, v, key, e in g.out_edges(node, keys=True, data=True)
        ),
        key=lambda r: (r.role, r.label.casefold(), r.id),
    )
    by_role = {name: tuple(r.label for r in roles if r.role == name) for name in ALLEGATION_ROLES}
    return Allegation(
        id=node,
        label=str(a.get("label", node)),
        text=str(a.get("text", "")),
        status=str(a.get("status", "alleged")),
        confidence=a.get("confidence"),
        roles=tuple(roles),
        act=a.get("act"),
        time=a.get("time"),
        first_reported=a.get("first_reported"),
        dates=tuple(a.get("dates", ())),
        keywords=tuple(a.get("keywords", ())),
        sources=tuple(a.get("sources", ())),
        mentions=int(a.get("mentions", 0)),
        evidence=_evidence(a.get("evidence", ())),
        **by_role,
    )


def _record(g: nx.MultiDiGraph, node: str) -> Entity | Allegation:
    if _is_allegation(g.nodes[node]):
        return _allegation_view(g, node)
    return _entity_record(g, node)


_FACT_ATTRS_SKIPPED: Final = frozenset({"predicate", "kind", "evidence"})


#: the attributes a fact that is not asserted says why with
_NOT_ASSERTED: Final = ("reported", "according_to", "hedged", "demanded", "planned")


def _fact(g: nx.MultiDiGraph, u: str, v: str, key: Any, attrs: Mapping[str, Any]) -> Fact:
    by = None if attrs.get("according_to") is None else str(attrs["according_to"])
    return Fact(
        subject=_label(g, u),
        predicate=str(attrs.get("predicate", key)),
        object=_label(g, v),
        evidence=_evidence(attrs.get("evidence", ())),
        attrs={k: val for k, val in sorted(attrs.items()) if k not in _FACT_ATTRS_SKIPPED},
        subject_id=u,
        object_id=v,
        kind=str(attrs.get("kind", "")),
        key=str(key),
        role=None if attrs.get("role") is None else str(attrs["role"]),
        former=bool(attrs.get("former", False)),
        negated=bool(attrs.get("negated", False)),
        hedged=bool(attrs.get("hedged", False)),
        hedge=None if attrs.get("hedge") is None else str(attrs["hedge"]),
        date=None if attrs.get("date") is None else str(attrs["date"]),
        anonymous=bool(attrs.get("anonymous", False)),
        asserted=_asserted(attrs),
        according_to=_label(g, by) if by is not None and by in g else None,
        according_to_id=by,
        demanded=bool(attrs.get("demanded", False)),
        planned=bool(attrs.get("planned", False)),
        event=None if attrs.get("event") is None else str(attrs["event"]),
    )


def _asserted(attrs: Mapping[str, Any]) -> bool:
    """Whether an edge states its fact on the text's own authority (graphs written before
    kgraph kept ``asserted`` say it by their modality attributes)."""
    if "asserted" in attrs:
        return attrs["asserted"] is not False
    return not any(attrs.get(name) for name in _NOT_ASSERTED)


# -- name resolution ------------------------------------------------------------------------
_INVISIBLE: Final = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_POSSESSIVE: Final = re.compile(r"(?:'s|'|’s|’)$")
_NOT_WORD: Final = re.compile(r"[^\w&]+")


def _casefold(text: str) -> str:
    """Case- and width-insensitive form: NFKC, invisible marks removed, spaces collapsed."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.casefold().split())


def _loose(text: str) -> str:
    """The forgiving form: no leading "the", no possessive, no dots or punctuation.

    >>> _loose("The U.S.'s")
    'us'
    >>> _loose("Sergey V. Lavrov")
    'sergey v lavrov'
    """
    text = _casefold(text)
    text = _POSSESSIVE.sub("", text)
    text = re.sub(r"^the\s+", "", text)
    text = text.replace(".", "")
    return " ".join(_NOT_WORD.sub(" ", text).split())


@dataclass(frozen=True)
class _NameIndex:
    """Lookup tables from names to node ids, best tier first."""

    size: int
    tiers: tuple[dict[str, list[str]], ...]
    names: dict[str, tuple[str, str]]  # loose form -> (a name, its node), for suggestions

    def lookup(self, name: str, *, entities_only: bool, g: nx.MultiDiGraph) -> str | None:
        keys = (name.strip(), _casefold(name), _casefold(name), _loose(name))
        for tier, key in zip(self.tiers, keys, strict=True):
            found = [
                n
                for n in tier.get(key, ())
                if n in g and not (entities_only and _is_allegation(g.nodes[n]))
            ]
            if found:
                return min(found, key=lambda n: _preference(g, n))
        return None


def _preference(g: nx.MultiDiGraph, node: str) -> tuple[bool, int, str]:
    """Entities before allegations, then the most mentioned, then the id."""
    a = g.nodes[node]
    return (_is_allegation(a), -int(a.get("mentions", 0) or 0), str(node))


_INDEXES: weakref.WeakKeyDictionary[nx.MultiDiGraph, _NameIndex] = weakref.WeakKeyDictionary()


def _name_index(g: nx.MultiDiGraph, *, rebuild: bool = False) -> _NameIndex:
    """The name index of ``g``, built once per graph object (and again if its node count changes).

    Names live on nodes only, so the node count is the one cheap check that
    the graph changed (a contract graph is not edited in place: see
    :attr:`kgraph.KnowledgeGraph.graph`); a miss rebuilds it with ``rebuild``.
    """
    size = g.number_of_nodes()
    cached = _INDEXES.get(g)
    if cached is not None and cached.size == size and not rebuild:
        return cached
    ids: dict[str, list[str]] = {}
    labels: dict[str, list[str]] = {}
    aliases: dict[str, list[str]] = {}
    loose: dict[str, list[str]] = {}
    names: dict[str, tuple[str, str]] = {}
    for node, a in sorted(g.nodes(data=True), key=lambda x: str(x[0])):
        ids.setdefault(str(node), []).append(node)
        label = str(a.get("label", node))
        labels.setdefault(_casefold(label), []).append(node)
        for text in (label, *(str(x) for x in a.get("aliases", ()) or ())):
            aliases.setdefault(_casefold(text), []).append(node)
            form = _loose(text)
            if form:
                loose.setdefault(form, []).append(node)
                names.setdefault(form, (text, node))
    index = _NameIndex(size, (ids, labels, aliases, loose), names)
    _INDEXES[g] = index
    return index


def _by_surname(g: nx.MultiDiGraph, name: str) -> str | None:
    """The one person whose name ends with ``name`` ("Lavrov" for "Sergey V. Lavrov")."""
    found = _people_named(g, name)
    if len(found) > 1:
        labels = ", ".join(repr(_label(g, n)) for n in found[:5])
        raise EntityNotFoundError(
            f"{name!r} is the surname of {len(found)} people: {labels}; ask for one by "
            "full name or node id"
        )
    return found[0] if found else None


def _people_named(g: nx.MultiDiGraph, name: str) -> list[str]:
    """The people whose name ends with the one word ``name``, most mentioned first."""
    key = _casefold(name.strip())
    if not key or " " in key:
        return []
    found = {
        n
        for n, attrs in g.nodes(data=True)
        if attrs.get("type") == "Person"
        and any(
            _casefold(a).split()[-1:] == [key]
            for a in [attrs.get("label", ""), *attrs.get("aliases", [])]
        )
    }
    return sorted(found, key=lambda n: _preference(g, n))


def _without_title(name: str) -> str | None:
    """``name`` without the title before it, or ``None`` when no title leads it.

    A title is a run of the gazetteer's titles ("former Secretary of State",
    "Mr."), optionally after a demonym or a possessive ("Russian President",
    "Russia's foreign minister").

    >>> _without_title("Secretary of State Mike Pompeo"), _without_title("Russian President Putin")
    ('Mike Pompeo', 'Putin')
    >>> _without_title("Russia's foreign minister, Sergey Lavrov"), _without_title("Mike Pompeo")
    ('Sergey Lavrov', None)
    """
    words = name.replace(",", " ").split()
    if len(words) < 2:
        return None
    gazetteer = Gazetteer.default()
    first = words[0]
    qualified = bool(_POSSESSIVE.search(first)) or gazetteer.demonym(first) is not None
    for i in range(len(words) - 1, 0, -1):
        if gazetteer.is_title(" ".join(words[:i])) or (
            qualified and i > 1 and gazetteer.is_title(" ".join(words[1:i]))
        ):
            return " ".join(words[i:])
    return None


def _find(g: nx.MultiDiGraph, name: str, *, entities_only: bool) -> str | None:
    """The node called ``name`` (index, then surname), or ``None``."""
    node = _name_index(g).lookup(name, entities_only=entities_only, g=g)
    if node is None:  # the graph may have been edited in place since the index was built
        node = _name_index(g, rebuild=True).lookup(name, entities_only=entities_only, g=g)
    if node is None:
        node = _by_surname(g, name)
    return node


def _resolve(g: nx.MultiDiGraph, name: str, *, entities_only: bool = True) -> str:
    if not isinstance(name, str):
        raise QueryError(f"a name must be a string, not {type(name).__name__} {name!r}")
    node = _find(g, name, entities_only=entities_only)
    if node is None:  # "Secretary of State Mike Pompeo", "Mr. Lavrov"
        untitled = _without_title(name)
        if untitled is not None:
            node = _find(g, untitled, entities_only=entities_only)
    if node is not None:
        return node
    index = _name_index(g)
    what = "entity" if entities_only else "entity or allegation"
    candidates = [
        form
        for form, (_text, n) in index.names.items()
        if n in g and not (entities_only and _is_allegation(g.nodes[n]))
    ]
    # surnames too, so that "Pompey" finds "Mike Pompeo"
    by_last = {form.split()[-1]: form for form in candidates if " " in form}
    wanted = _loose(name) or _casefold(name)
    # near misses first, then names inside what was typed ("the Pompeo interview":
    # "Pompeo"), then looser look-alikes
    padded = f" {wanted} "
    close = difflib.get_close_matches(wanted, candidates, n=3, cutoff=0.8)
    close += sorted(
        (form for form in candidates if len(form) > 2 and f" {form} " in padded),
        key=lambda form: (-len(form), form),
    )
    close += difflib.get_close_matches(wanted, candidates, n=3)
    close += [by_last[c] for c in difflib.get_close_matches(wanted, list(by_last), n=3)]
    close = list(dict.fromkeys(close))[:3]
    if close:
        hint = "did you mean " + ", ".join(repr(index.names[c][0]) for c in close) + "?"
    else:
        hint = "entities() lists every entity, allegations() every allegation"
    raise EntityNotFoundError(f"no {what} called {name!r}; {hint}")


def entity(g: nx.MultiDiGraph, name: str) -> Entity:
    """The entity called ``name``: node id, label or alias, any case.

    When several entities share the name, the one mentioned most wins.
    Raises :class:`EntityNotFoundError` (a ``LookupError``) naming the closest
    names on a miss, or the people of a surname that no node has alone.

    A surname alone that resolution could not give to one person is a node of its
    own: its record says why (``unresolved``) and lists the people it may be
    (``candidates``, node ids, most named first):

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("person/hillary-clinton", label="Hillary Clinton", type="Person",
    ...            aliases=["Hillary Clinton"], mentions=5)
    >>> g.add_node("person/bill-clinton", label="Bill Clinton", type="Person",
    ...            aliases=["Bill Clinton"], mentions=2)
    >>> g.add_node("person/clinton", label="Clinton", type="Person", aliases=["Clinton"],
    ...            mentions=3, unresolved="ambiguous",
    ...            candidates=["person/hillary-clinton", "person/bill-clinton"])
    >>> entity(g, "Clinton").candidates
    ('person/hillary-clinton', 'person/bill-clinton')
    """
    return _entity_record(g, _resolve(g, name))


# -- listing ----------------------------------------------------------------------------
def _entity_nodes(g: nx.MultiDiGraph) -> Iterator[str]:
    return (n for n, a in g.nodes(data=True) if not _is_allegation(a))


def _by_mentions(record: Entity | Allegation) -> tuple[int, str, str]:
    return (-record.mentions, record.label.casefold(), record.id)


def _entity_type(g: nx.MultiDiGraph, type: str) -> str:
    known = sorted({str(a.get("type")) for _n, a in g.nodes(data=True)} - {ALLEGATION})
    choices = sorted(set(ENTITY_TYPES) | set(known))
    for choice in choices:
        if choice.casefold() == str(type).casefold():
            return choice
    if str(type).casefold() == ALLEGATION.casefold():
        raise QueryError("allegations are not entities: use allegations() to list them")
    raise QueryError(f"unknown entity type {type!r}; use one of {', '.join(choices)}")


def entities(g: nx.MultiDiGraph, type: str | None = None) -> list[Entity]:
    """The entities, optionally of one ``type`` (any case), most mentioned first.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("country/russia", label="Russia", type="Country", mentions=3)
    >>> g.add_node("person/x", label="X", type="Person", mentions=1)
    >>> [e.label for e in entities(g)], [e.label for e in entities(g, type="person")]
    (['Russia', 'X'], ['X'])
    """
    wanted = _entity_type(g, type) if type is not None else None
    records = [
        _entity_record(g, n)
        for n in _entity_nodes(g)
        if wanted is None or g.nodes[n].get("type") == wanted
    ]
    return sorted(records, key=_by_mentions)


def _norm_predicate(predicate: str) -> str:
    return "_".join(_casefold(predicate).replace("-", " ").split())


def _event(event: str) -> str:
    wanted = str(event).strip().upper()
    if wanted not in EVENT_CATEGORIES:
        raise QueryError(
            f"unknown event category {event!r}; use one of {', '.join(EVENT_CATEGORIES)}"
        )
    return wanted


def relations(
    g: nx.MultiDiGraph,
    subject: str | None = None,
    predicate: str | None = None,
    object: str | None = None,
    *,
    event: str | None = None,
    asserted: bool | None = True,
) -> list[Fact]:
    """Facts between entities (actions and roles, not allegation roles), filtered.

    ``subject`` and ``object`` are names (resolved like :func:`entity`);
    ``predicate`` is matched case-insensitively, spaces read as underscores;
    ``event`` is a PLOVER category (``"THREATEN"``, any case; see
    :data:`kgraph._model.EVENT_CATEGORIES`).  By default only what the text
    asserts (negated facts included: the text says they did not happen);
    ``asserted=False`` gives only what it reports, hedges, demands or plans,
    ``asserted=None`` everything.  Sorted by subject, predicate and object labels.
    """
    if asserted is not None and not isinstance(asserted, bool):
        raise QueryError(f"asserted={asserted!r}: give True, False or None (every fact)")
    u_want = _resolve(g, subject) if subject is not None else None
    v_want = _resolve(g, object) if object is not None else None
    p_want = _norm_predicate(predicate) if predicate is not None else None
    e_want = _event(event) if event is not None else None
    if u_want is not None:
        edges: Iterable[tuple[str, str, Any, dict[str, Any]]] = g.out_edges(
            u_want, keys=True, data=True
        )
    elif v_want is not None:
        edges = g.in_edges(v_want, keys=True, data=True)
    else:
        edges = g.edges(keys=True, data=True)
    facts = [
        _fact(g, u, v, key, attrs)
        for u, v, key, attrs in edges
        if attrs.get("kind") != "allegation"
        and not _is_allegation(g.nodes[u])
        and (v_want is None or v == v_want)
        and (u_want is None or u == u_want)
        and (p_want is None or _norm_predicate(str(attrs.get("predicate", key))) == p_want)
        and (e_want is None or attrs.get("event") == e_want)
        and (asserted is None or _asserted(attrs) is asserted)
    ]
    return sorted(
        facts,
        key=lambda f: (
            f.subject.casefold(),
            f.predicate,
            f.object.casefold(),
            f.subject_id,
            f.object_id,
            f.key,
        ),
    )


def allegations(
    g: nx.MultiDiGraph,
    accused: str | None = None,
    alleged_by: str | None = None,
    status: str | None = None,
    *,
    since: str | None = None,
    until: str | None = None,
) -> list[Allegation]:
    """Allegations, filtered by who is accused, who alleged it, their status, and when they
    were first reported (``since``/``until``: ISO dates or their prefixes, "2018" or
    "2018-07", both ends included; an allegation with no dated document passes no bound).

    ``status`` is one of ``alleged``, ``denied``, ``disputed``, ``confirmed``.
    Most mentioned first.
    """
    if status is not None:
        wanted = _casefold(str(status))
        if wanted not in STATUSES:
            raise QueryError(
                f"unknown allegation status {status!r}; use one of {', '.join(STATUSES)}"
            )
        status = wanted
    required = [
        (role, _resolve(g, name))
        for role, name in (("accused", accused), ("alleged_by", alleged_by))
        if name is not None
    ]
    out = []
    for node, a in g.nodes(data=True):
        if not _is_allegation(a) or (status is not None and a.get("status") != status):
            continue
        if not _within(a.get("first_reported"), since, until):
            continue
        links = {(e.get("predicate"), v) for _u, v, e in g.out_edges(node, data=True)}
        if all(pair in links for pair in required):
            out.append(_allegation_view(g, node))
    return sorted(out, key=_by_mentions)


def _within(day: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date lies within bounds given as ISO dates or their prefixes.

    >>> _within("2018-07-18", "2018", "2018-07"), _within("2018-08-01", None, "2018-07")
    (True, False)
    """
    if since is None and until is None:
        return True
    if day is None:
        return False
    if since is not None and day[: len(since)] < since:
        return False
    return until is None or day[: len(until)] <= until


#: the roles that make an allegation's life: who brought it out and who took a stand on it
_TIMELINE_ROLES: Final = ("alleged_by", "reported_by", "denied_by", "dismissed_by", "confirmed_by")


def timeline(g: nx.MultiDiGraph, allegation: str) -> list[TimelineEvent]:
    """The life of an allegation in time: every statement of who alleged, reported, denied,
    dismissed or confirmed it, one row per sentence, by publication date (undated last)."""
    node = _resolve(g, allegation, entities_only=False)
    if not _is_allegation(g.nodes[node]):
        raise QueryError(f"{allegation!r} is no allegation; ask for one by its label or id")
    published = {
        str(d.get("id")): day.isoformat()
        for d in g.graph.get("documents", [])
        if (day := parse_published(d.get("published"))) is not None
    }
    time = g.nodes[node].get("time")
    rows = []
    for _u, v, e in g.out_edges(node, data=True):
        role = str(e.get("predicate"))
        if role not in _TIMELINE_ROLES:
            continue
        for ev in e.get("evidence", ()):
            doc = str(ev.get("doc", ""))
            rows.append(
                TimelineEvent(
                    published.get(doc),
                    role,
                    _label(g, v),
                    v,
                    doc,
                    str(ev.get("sentence", "")),
                    time,
                )
            )
    return sorted(
        rows, key=lambda r: (r.published is None, r.published or "", r.doc, r.role, r.entity_id)
    )


def statements(
    g: nx.MultiDiGraph,
    speaker: str | None = None,
    about: str | None = None,
    doc: str | None = None,
) -> list[Statement]:
    """Who said what: statements, filtered by who spoke (or was spoken for), an entity the
    content names, and the document; in document order."""
    speaker_id = _resolve(g, speaker) if speaker is not None else None
    about_id = _resolve(g, about) if about is not None else None
    out = []
    for st in g.graph.get("statements", []) or []:
        if doc is not None and st.get("doc") != doc:
            continue
        if speaker_id is not None and speaker_id not in (st.get("speaker"), st.get("on_behalf_of")):
            continue
        if about_id is not None and about_id not in st.get("about", ()):
            continue
        out.append(_statement(g, st))
    return out


def _statement(g: nx.MultiDiGraph, st: Mapping[str, Any]) -> Statement:
    def label(node: Any) -> str | None:
        return _label(g, node) if node is not None and node in g else None

    ev = st.get("evidence") or {}
    source = st.get("source")
    return Statement(
        doc=str(st.get("doc", "")),
        speaker=label(st.get("speaker")),
        kind=str(st.get("kind", "")),
        text=str(st.get("text", "")),
        cue=(int(st["cue"][0]), int(st["cue"][1])),
        content=(int(st["content"][0]), int(st["content"][1])),
        source=(int(source[0]), int(source[1])) if source else None,
        speaker_id=st.get("speaker"),
        on_behalf_of=label(st.get("on_behalf_of")),
        on_behalf_of_id=st.get("on_behalf_of"),
        anonymous=bool(st.get("anonymous", False)),
        about=tuple(x for n in st.get("about", ()) if (x := label(n)) is not None),
        about_ids=tuple(st.get("about", ())),
        evidence=Evidence(
            str(st.get("doc", "")),
            int(ev.get("start", 0)),
            int(ev.get("end", 0)),
            str(ev.get("sentence", "")),
        ),
    )


def neighbors(g: nx.MultiDiGraph, name: str) -> list[Entity | Allegation]:
    """The entities and allegations linked to ``name`` in either direction.

    Entities come first (most mentioned first), then allegations.
    """
    node = _resolve(g, name, entities_only=False)
    near = (set(g.successors(node)) | set(g.predecessors(node))) - {node}
    records = [_record(g, n) for n in near]
    return sorted(records, key=lambda r: (isinstance(r, Allegation), *_by_mentions(r)))


# -- graph algorithms -------------------------------------------------------------------------
def _referenced_documents(g: nx.MultiDiGraph) -> set[str]:
    docs: set[str] = set()
    for _n, a in g.nodes(data=True):
        docs.update(str(d) for d in a.get("sources", ()) or ())
        docs.update(str(ev.get("doc")) for ev in a.get("evidence", ()) or ())
    for _u, _v, a in g.edges(data=True):
        docs.update(str(ev.get("doc")) for ev in a.get("evidence", ()) or ())
    return docs


def subgraph(g: nx.MultiDiGraph, around: str, depth: int = 1) -> nx.MultiDiGraph:
    """The contract graph of every node within ``depth`` links of ``around`` (either way).

    All links among the kept nodes are kept; ``documents`` keeps the documents
    still referenced.  The result shares no mutable value with ``g``.

    >>> from kgraph.graph import from_node_link
    >>> g = from_node_link({"graph": {"documents": [{"id": "d1"}, {"id": "d2"}]},
    ...     "nodes": [{"id": "a", "label": "A", "sources": ["d1"]},
    ...               {"id": "b", "label": "B", "sources": ["d1"]},
    ...               {"id": "c", "label": "C", "sources": ["d2"]}],
    ...     "edges": [{"source": "a", "target": "b", "key": "k", "evidence": []},
    ...               {"source": "c", "target": "b", "key": "k", "evidence": []}]})
    >>> h = subgraph(g, "A", depth=1)
    >>> sorted(h.nodes), [d["id"] for d in h.graph["documents"]]
    (['a', 'b'], ['d1'])
    >>> sorted(subgraph(g, "a", depth=2).nodes)
    ['a', 'b', 'c']
    """
    if isinstance(depth, bool) or not isinstance(depth, int) or depth < 0:
        raise QueryError(f"depth must be a whole number >= 0, not {depth!r}")
    center = _resolve(g, around, entities_only=False)
    seen = nx.single_source_shortest_path_length(_simple_graph(g), center, cutoff=depth)
    h = nx.MultiDiGraph()
    h.graph.update(copy.deepcopy({k: v for k, v in g.graph.items() if k != "documents"}))
    for node in sorted(seen, key=str):
        h.add_nodes_from([(node, copy.deepcopy(g.nodes[node]))])
    kept = [(u, v, k, a) for u, v, k, a in g.edges(keys=True, data=True) if u in seen and v in seen]
    for u, v, k, a in sorted(kept, key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        h.add_edges_from([(u, v, k, copy.deepcopy(a))])
    if "documents" in g.graph:
        docs = _referenced_documents(h)
        h.graph["documents"] = [
            copy.deepcopy(d) for d in g.graph["documents"] if str(d.get("id")) in docs
        ]
    return h


def _best_edge(g: nx.MultiDiGraph, a: str, b: str) -> Fact:
    """The best-evidenced edge between ``a`` and ``b``, forward edges first on ties."""
    candidates = []
    for u, v in ((a, b), (b, a)):
        for key, attrs in (g.get_edge_data(u, v) or {}).items():
            rank = (-len(attrs.get("evidence", ()) or ()), u != a, str(key))
            candidates.append((rank, u, v, key, attrs))
    _rank, u, v, key, attrs = min(candidates, key=lambda c: c[0])
    return _fact(g, u, v, key, attrs)


def path(g: nx.MultiDiGraph, a: str, b: str) -> list[Fact]:
    """A shortest chain of links from ``a`` to ``b``, links read either way.

    Each step is a :class:`Fact` in its own direction (an allegation links to
    the accused and to the accuser, so chains go through allegations).
    ``[]`` when ``a`` and ``b`` are the same node or are not connected.
    """
    start = _resolve(g, a, entities_only=False)
    goal = _resolve(g, b, entities_only=False)
    if start == goal:
        return []
    try:
        # the simple graph holds nodes and links in sorted order: the same graph, the same path
        chain = nx.shortest_path(_simple_graph(g), start, goal)
    except nx.NetworkXNoPath:
        log.info("no path between %r and %r", a, b)
        return []
    return [_best_edge(g, x, y) for x, y in itertools.pairwise(chain)]


def _simple_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """An undirected simple graph, nodes and edges in sorted order; weight = the number of
    sentences that link the pair (so a fact split by modality into several edges, or a fact
    and the role or accusation the same sentence gives, counts once per sentence; an edge
    without evidence counts once).  Background edges (``origin``: the gazetteer's "the FBI
    is part of the United States") are left out: centrality is what the text links."""
    sentences: defaultdict[tuple[str, str], set[tuple[Any, ...]]] = defaultdict(set)
    for u, v, key, attrs in g.edges(keys=True, data=True):
        if u != v and not attrs.get("origin"):
            pair = (u, v) if str(u) <= str(v) else (v, u)
            evidence = attrs.get("evidence") or ()
            sentences[pair].update(_evidence_at(ev) for ev in evidence)
            if not evidence:  # an edge without evidence is one link of its own
                sentences[pair].add(("edge", str(u), str(v), str(key)))
    h = nx.Graph()
    h.add_nodes_from(sorted(g.nodes, key=str))
    for (u, v), found in sorted(sentences.items(), key=lambda x: (str(x[0][0]), str(x[0][1]))):
        h.add_edge(u, v, weight=float(len(found)))
    return h


def _evidence_at(ev: object) -> tuple[Any, ...]:
    """Where a piece of evidence is: its document and offsets (the whole dict if odd)."""
    if isinstance(ev, dict):
        return (str(ev.get("doc")), str(ev.get("start")), str(ev.get("end")))
    return (repr(ev),)


# Above this many nodes, betweenness is estimated from a fixed sample of source nodes.
BETWEENNESS_EXACT_UP_TO: Final = 1000
BETWEENNESS_SAMPLES: Final = 200


def rank(
    g: nx.MultiDiGraph, by: str = "pagerank", top: int | None = 10
) -> list[tuple[Entity, float]]:
    """Entities ranked by ``pagerank``, ``degree`` or ``betweenness`` centrality.

    Scores are computed on the undirected graph of all nodes (allegations
    included, so the accused and the accusers are linked through them), one
    link per pair of nodes weighted by the number of sentences that link them for
    pagerank.
    Ties go to the most mentioned entity.  ``top=None`` returns every entity.
    Betweenness is exact up to :data:`BETWEENNESS_EXACT_UP_TO` nodes and
    estimated from :data:`BETWEENNESS_SAMPLES` source nodes (a fixed sample:
    the same graph gives the same scores) above.
    """
    method = _casefold(str(by))
    if method not in RANKINGS:
        raise QueryError(f"unknown ranking {by!r}; use one of {', '.join(RANKINGS)}")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 0):
        raise QueryError(f"top must be a whole number >= 0 or None, not {top!r}")
    h = _simple_graph(g)
    if method == "pagerank":
        scores = nx.pagerank(h, weight="weight", tol=1e-10, max_iter=500) if len(h) else {}
    elif method == "degree":
        scores = nx.degree_centrality(h) if len(h) > 1 else dict.fromkeys(h, 0.0)
    elif len(h) <= BETWEENNESS_EXACT_UP_TO:
        scores = nx.betweenness_centrality(h)
    else:
        k = min(BETWEENNESS_SAMPLES, len(h))
        log.info("betweenness of %d nodes estimated from %d sampled sources", len(h), k)
        scores = nx.betweenness_centrality(h, k=k, seed=0)
    ranked = [(_entity_record(g, n), float(scores.get(n, 0.0))) for n in _entity_nodes(g)]
    # scores equal but for rounding noise are ties: the most mentioned goes first
    key = lambda item: (-round(item[1], 12), *_by_mentions(item[0]))  # noqa: E731
    if top is None:
        return sorted(ranked, key=key)
    return heapq.nsmallest(top, ranked, key=key)


# -- tables and summaries -------------------------------------------------------------------
ENTITY_COLUMNS: Final = (
    "id",
    "label",
    "type",
    "subtype",
    "mentions",
    "documents",
    "aliases",
    "sources",
)
RELATION_COLUMNS: Final = (
    "subject_id",
    "subject",
    "predicate",
    "object_id",
    "object",
    "kind",
    "role",
    "former",
    "asserted",
    "according_to",
    "according_to_id",
    "negated",
    "hedged",
    "hedge",
    "demanded",
    "planned",
    "date",
    "anonymous",
    "event",
    "evidence",
    "sentence",
    "documents",
)
ALLEGATION_COLUMNS: Final = (
    "id",
    "label",
    "text",
    "status",
    "confidence",
    *ALLEGATION_ROLES,
    "dates",
    "keywords",
    "mentions",
    "sources",
    "sentence",
)
TIMELINE_COLUMNS: Final = (
    "allegation_id",
    "allegation",
    "published",
    "role",
    "entity_id",
    "entity",
    "doc",
    "time",
    "sentence",
)
STATEMENT_COLUMNS: Final = (
    "doc",
    "speaker_id",
    "speaker",
    "on_behalf_of",
    "anonymous",
    "kind",
    "text",
    "about",
    "cue_start",
    "cue_end",
    "content_start",
    "content_end",
    "sentence",
)
MENTION_COLUMNS: Final = (
    "node",
    "label",
    "type",
    "doc",
    "start",
    "end",
    "text",
    "ner",
    "sentence",
)


def _import_pandas() -> Any:
    try:
        import pandas  # noqa: PLC0415  (lazy: an optional dependency)
    except ImportError as err:
        raise MissingDependencyError(
            "DataFrames need pandas, which is not installed: pip install 'kgraph[pandas]'"
        ) from err
    return pandas


def to_pandas(g: nx.MultiDiGraph) -> dict[str, pd.DataFrame]:
    """The graph as DataFrames: ``entities``, ``relations``, ``allegations``, ``mentions``,
    ``timeline`` and ``statements``.

    One row per entity, per edge between entities, per allegation (its role
    columns hold lists of labels), per mention (entity mentions and the
    sentences stating allegations), per timeline event of an allegation and per
    statement (who said what).  Needs the ``kgraph[pandas]`` extra.
    """
    pandas = _import_pandas()
    ents = entities(g)
    alls = allegations(g)
    tables = {
        "entities": (_entity_rows(ents), ENTITY_COLUMNS),
        "relations": (_relation_rows(g), RELATION_COLUMNS),
        "allegations": (_allegation_rows(alls), ALLEGATION_COLUMNS),
        "mentions": (_mention_rows(ents, alls), MENTION_COLUMNS),
        "timeline": (_timeline_rows(g, alls), TIMELINE_COLUMNS),
        "statements": (_statement_rows(g), STATEMENT_COLUMNS),
    }
    return {
        name: pandas.DataFrame(rows, columns=list(columns))
        for name, (rows, columns) in tables.items()
    }


_Row = tuple[Any, ...]


def _entity_rows(ents: Iterable[Entity]) -> list[_Row]:
    return [
        (
            e.id,
            e.label,
            e.type,
            e.subtype,
            e.mentions,
            len(e.sources),
            list(e.aliases),
            list(e.sources),
        )
        for e in ents
    ]


def _relation_rows(g: nx.MultiDiGraph) -> list[_Row]:
    return [
        (
            f.subject_id,
            f.subject,
            f.predicate,
            f.object_id,
            f.object,
            f.kind,
            f.attrs.get("role"),
            f.attrs.get("former"),
            f.asserted,
            f.according_to,
            f.according_to_id,
            f.attrs.get("negated"),
            f.attrs.get("hedged"),
            f.hedge,
            f.attrs.get("demanded"),
            f.attrs.get("planned"),
            f.attrs.get("date"),
            f.attrs.get("anonymous"),
            f.event,
            len(f.evidence),
            f.evidence[0].sentence if f.evidence else None,
            sorted({ev.doc for ev in f.evidence}),
        )
        for f in relations(g, asserted=None)
    ]


def _allegation_rows(alls: Iterable[Allegation]) -> list[_Row]:
    return [
        (
            a.id,
            a.label,
            a.text,
            a.status,
            a.confidence,
            *(list(getattr(a, role)) for role in ALLEGATION_ROLES),
            list(a.dates),
            list(a.keywords),
            a.mentions,
            list(a.sources),
            a.evidence[0].sentence if a.evidence else None,
        )
        for a in alls
    ]


def _mention_rows(ents: Iterable[Entity], alls: Iterable[Allegation]) -> list[_Row]:
    """Entity mentions and the sentences stating allegations, in document order."""
    rows: list[_Row] = []
    for e in ents:
        rows.extend(
            (e.id, e.label, e.type, m.doc, m.start, m.end, m.text, m.ner, m.sentence)
            for m in e.evidence
        )
    for a in alls:
        rows.extend(
            (a.id, a.label, ALLEGATION, ev.doc, ev.start, ev.end, None, None, ev.sentence)
            for ev in a.evidence
        )
    rows.sort(key=lambda r: (r[3], r[4], r[5], r[0]))
    return rows


def _timeline_rows(g: nx.MultiDiGraph, alls: Iterable[Allegation]) -> list[_Row]:
    return [
        (a.id, a.label, t.published, t.role, t.entity_id, t.entity, t.doc, t.time, t.sentence)
        for a in alls
        for t in timeline(g, a.id)
    ]


def _statement_rows(g: nx.MultiDiGraph) -> list[_Row]:
    return [
        (
            st.doc,
            st.speaker_id,
            st.speaker,
            st.on_behalf_of,
            st.anonymous,
            st.kind,
            st.text,
            list(st.about),
            *st.cue,
            *st.content,
            st.sentence,
        )
        for st in statements(g)
    ]


def summary(g: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """Counts of the graph and its ``top`` most mentioned entities, JSON-safe.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(documents=[{"id": "d1"}])
    >>> g.add_node("country/russia", label="Russia", type="Country", mentions=2, sources=["d1"])
    >>> s = summary(g)
    >>> s["documents"], s["types"], s["top"][0]["label"]
    (1, {'Country': 1}, 'Russia')
    """
    types = Counter(str(a.get("type")) for _n, a in g.nodes(data=True) if not _is_allegation(a))
    statuses = Counter(
        str(a.get("status", "alleged")) for _n, a in g.nodes(data=True) if _is_allegation(a)
    )
    predicates = Counter(
        str(a.get("predicate", k))
        for u, _v, k, a in g.edges(keys=True, data=True)
        if a.get("kind") != "allegation" and not _is_allegation(g.nodes[u])
    )
    ents = entities(g)[: max(top, 0)]
    return {
        "documents": len(g.graph.get("documents", ()) or ()),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "entities": sum(types.values()),
        "types": dict(sorted(types.items())),
        "allegations": sum(statuses.values()),
        "statuses": dict(sorted(statuses.items())),
        "relations": sum(predicates.values()),
        "predicates": dict(sorted(predicates.items(), key=lambda x: (-x[1], x[0]))),
        "top": [
            {
                "id": e.id,
                "label": e.label,
                "type": e.type,
                "mentions": e.mentions,
                "documents": len(e.sources),
            }
            for e in ents
        ],
    }


def summary_html(g: nx.MultiDiGraph, top: int = 10) -> str:
    """A small HTML summary (counts by type, top entities) for notebooks; every string escaped.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("x", label="<b>X</b>", type="Person", mentions=1)
    >>> "&lt;b&gt;X&lt;/b&gt;" in summary_html(g), "<b>X" in summary_html(g)
    (True, False)
    """
    s = summary(g, top=top)
    e = html.escape

    def row(*cells: object, head: bool = False) -> str:
        tag = "th" if head else "td"
        return "<tr>" + "".join(f"<{tag}>{e(str(c))}</{tag}>" for c in cells) + "</tr>"

    counts = [row("kind", "count", head=True)]
    counts += [row(t, n) for t, n in s["types"].items()]
    counts += [row(f"Allegation ({status})", n) for status, n in s["statuses"].items()]
    counts += [row("relations", s["relations"])]
    tops = [row("entity", "type", "mentions", "documents", head=True)]
    tops += [row(t["label"], t["type"], t["mentions"], t["documents"]) for t in s["top"]]
    caption = f"KnowledgeGraph: {s['documents']} documents, {s['nodes']} nodes, {s['edges']} edges"
    return (
        '<div class="kgraph-summary">'
        f"<table><caption>{e(caption)}</caption>{''.join(counts)}</table>"
        f"<table><caption>most mentioned</caption>{''.join(tops)}</table>"
        "</div>"
    )
