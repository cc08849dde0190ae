"""The graph stage: the *contract graph* every exporter reads.

The contract graph is a :class:`networkx.MultiDiGraph`.  It is the one
interchange format between kgraph's core and its exporters (JSON, RDF, HTML,
GraphML/GEXF, DataFrames), and what :func:`kgraph.load` returns to.

Graph attributes (``g.graph``)
    ``name``: ``"kgraph"``; ``version``: the kgraph version that wrote it;
    ``documents``: a list, sorted by id, of ``{"id", "title", "url",
    "published", "source", "authors" (list), "chars" (int), "sha256"}``;
    ``statements``: who said what, a list sorted by ``(doc, cue, content)`` of
    ``{"doc", "speaker" (node id or None), "on_behalf_of" (node id or None),
    "anonymous" (bool), "cue": [start, end], "content": [start, end], "source":
    [start, end] or None, "kind" ("direct", "indirect", "according_to", "belief"),
    "about" (sorted node ids), "text" (the content as written), "evidence": {"start",
    "end", "sentence"}}``, character
    offsets into the document text as read.  The node-link form writes
    ``statements`` at its top level, beside ``nodes`` and ``edges`` (an empty list when
    there are none; the graph attribute is then absent).

Entity nodes (``type`` one of ``Person``, ``Agency``, ``Country``,
``Organization``, ``Location``)
    ``label`` (canonical name), ``type``, ``subtype`` (str or None), ``gid``
    (the gazetteer id of a well-known entity, ``country:RU``, or None),
    ``aliases`` (sorted list of every surface form, label included),
    ``sources`` (sorted document ids), ``mentions`` (int),
    ``evidence``: list of ``{"doc", "start", "end", "sentence", "text", "ner"}``
    sorted by ``(doc, start)``, one per mention.  A surname alone that joined no
    person ("Clinton" where Hillary and Bill Clinton are both named) also has
    ``unresolved`` (why, a str) and ``candidates`` (the node ids of the people it may
    be, most named first).

Allegation nodes (``type == "Allegation"``)
    ``label`` (short normalised statement), ``text`` (the claim clause),
    ``status`` (``alleged``/``denied``/``disputed``/``confirmed``),
    ``confidence`` (str or None), ``dates`` (list), ``keywords`` (list), ``act`` (the
    act class, or None), ``time`` (ISO 8601 of the act, or None), ``first_reported`` (the
    earliest publication date of its documents, ISO, or None),
    ``sources``, ``mentions`` (int), ``aliases`` (``[]``) and ``evidence``
    (``{"doc", "start", "end", "sentence"}``).

Edges ``(u, v, key)``
    ``predicate`` (snake_case; for allegation role edges exactly one of
    ``accused``, ``target``, ``alleged_by``, ``reported_by``, ``denied_by``,
    ``dismissed_by``, ``confirmed_by``, always from the allegation node to the
    entity), ``kind`` (``action``, ``role`` or ``allegation``; ``role`` for
    ``holds_role`` and for a group's ``part_of``/``based_in`` its country) and ``evidence``
    (list of ``{"doc", "start", "end", "sentence"}``).  Optional: ``role`` and
    ``former`` (``holds_role`` edges), ``date``, ``anonymous`` and ``event``
    (a PLOVER category, :data:`kgraph._model.EVENT_CATEGORIES`), and ``origin``
    (``"gazetteer"``: a ``part_of`` edge from an organ of a state the gazetteer knows to
    its country, which the text does not state; its evidence a sentence naming the organ).

    Every fact edge (``action`` or ``role``) has ``asserted`` (bool): the text
    states it as fact on its own authority.  A fact that is not asserted says
    why: ``reported`` (someone else says it; ``according_to`` is the node id of
    who, when the text names them), ``hedged`` with ``hedge`` (the word:
    "may", "reportedly", "whether"), ``demanded`` (called for, urged, asked),
    ``planned`` (planned, proposed, expected, tried).  A ``negated`` fact
    ("never raised with Putin") is asserted: the text says it did not happen.

    ``key`` is a deterministic string: the predicate (plus the role for
    ``holds_role``), then the modality -- ``:not``, ``:hedged``,
    ``:demanded``, ``:planned``, and ``:according_to:<node>`` or ``:reported``.
    So facts of different modality are different edges, each with the evidence
    that holds it that way: the same meeting asserted in one document and
    reported by the Kremlin in another is one ``meet`` edge and one
    ``meet:according_to:organization/kremlin`` edge, and an analyst filters on
    ``asserted`` (``kgraph.query.relations`` does by default) without losing
    who else claims what.

    Allegations also count as ACCUSE events: each claimant (``alleged_by``) of
    an allegation, in a sentence that accuses (``kgraph.lexicon.ACCUSATION_CUES``:
    "accused", "blamed", "alleged", "charged" ...), gets an ``accuse`` edge
    (key ``accuse:alleged``, ``event`` ``ACCUSE``, ``allegations``: the sorted
    allegation node ids, ``evidence``: the sentences that make them the claimant) to each
    accused, unless the text
    already states that accusation as a fact (an asserted ACCUSE or COERCE edge
    between them: "accused", "charged").  These edges
    are derived: :func:`disassemble` leaves them out and :func:`assemble` makes
    them again.  Edges, not a graph attribute, because every consumer of the
    node-link form (Gephi, the HTML page, the RDF statements, ``relations(event=
    "ACCUSE")``) reads edges; the allegation node keeps the claim itself.

Every list is sorted and every value JSON-safe (str, int, float, bool, None,
list, dict), so the same documents always give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

import networkx as nx

from kgraph._model import (
    AllegationRecord,
    DocResult,
    DocumentInfo,
    Evidence,
    LocalEntity,
    Mention,
    RelationRecord,
    RoleRecord,
    StatementRecord,
)
from kgraph._version import __version__
from kgraph.gazetteer import Gazetteer, leader_country
from kgraph.lexicon import ACCUSATION_CUES
from kgraph.resolve import (
    Resolution,
    entity_label,
    merge_allegations,
    org_subtype_of,
    resolve_corpus,
    slugify,
    type_vote,
)

__all__ = [
    "ENTITY_NODE_ATTRS",
    "EVIDENCE_KEYS",
    "assemble",
    "disassemble",
    "from_node_link",
    "node_link_dumps",
    "to_node_link",
]

ENTITY_NODE_ATTRS: Final = (
    "label",
    "type",
    "subtype",
    "aliases",
    "sources",
    "mentions",
    "evidence",
)
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
    graph = {k: v for k, v in g.graph.items() if k != "statements"}
    return {
        "directed": True,
        "multigraph": True,
        "graph": graph,
        "nodes": nodes,
        "edges": edges,
        "statements": list(g.graph.get("statements", [])),
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
    g = nx.MultiDiGraph()
    g.graph.update(data.get("graph", {}))
    if data.get("statements"):
        g.graph["statements"] = list(data["statements"])
    for node in data.get("nodes", []):
        attrs = {k: v for k, v in node.items() if k != "id"}
        g.add_node(node["id"], **attrs)
    for edge in data.get("edges", data.get("links", [])):
        attrs = {k: v for k, v in edge.items() if k not in ("source", "target", "key")}
        g.add_edge(edge["source"], edge["target"], key=edge.get("key"), **attrs)
    return g


# -- assembling the contract graph from per-document results ------------------------


_NOT_NAMES: Final = frozenset({"NORP", "CAPITAL"})
#: structural facts: a person's role, a group's country
_ROLE_PREDICATES: Final = frozenset({"holds_role", "part_of", "based_in"})


def _evidence_dict(ev: Evidence) -> dict[str, Any]:
    return {"doc": ev.doc, "start": ev.start, "end": ev.end, "sentence": ev.sentence}


def _node_id(type_: str, label: str, taken: set[str]) -> str:
    slug = slugify(label) or "x" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:10]
    base = f"{type_.lower()}/{slug}"
    nid, n = base, 1
    while nid in taken:
        n += 1
        nid = f"{base}-{n}"
    taken.add(nid)
    return nid


def assemble(results: Iterable[DocResult], *, gazetteer: object = None) -> nx.MultiDiGraph:
    """Resolve the entities of all documents and build the contract graph.

    The result depends only on the set of documents, not on their order.
    """
    ordered = sorted(results, key=lambda r: r.info.id)
    g = nx.MultiDiGraph(
        name="kgraph",
        version=__version__,
        documents=[_document_dict(r.info) for r in ordered],
    )
    resolution = resolve_corpus(ordered)
    node_of_cluster = _add_entity_nodes(g, _entity_drafts(resolution))
    _note_unresolved(g, resolution, node_of_cluster)
    node_of = {
        member: node_of_cluster[c] for member, c in resolution.of.items() if c in node_of_cluster
    }
    _add_relations(g, ordered, node_of)
    state_of = _state_of(g, gazetteer)
    _add_allegations(g, ordered, node_of, state_of, _leaders_of(g))
    _add_organs(g, state_of)
    _add_accusations(g)
    statements = _statements(ordered, node_of)
    _drop_lone_demonyms(g, statements)
    for st in statements:
        st["about"] = [n for n in st["about"] if n in g]
    if statements:
        g.graph["statements"] = statements
    return g


#: what one resolved cluster becomes: type, label, first mention, cluster number, its
#: mentions, the mentions that name it, subtype and gazetteer ids
_Draft = tuple[str, str, tuple[str, int], int, list[Mention], list[Mention], str | None, list[str]]


def _entity_drafts(resolution: Resolution) -> list[_Draft]:
    """The node each resolved cluster becomes, before it has an id."""
    drafts: list[_Draft] = []
    for number, cluster in enumerate(resolution.clusters):
        mentions = sorted({m for e in cluster.entities for m in e.mentions})
        # demonyms ("Russian") and capitals standing for states ("Moscow said") are no names
        named = [m for m in mentions if m.ner not in _NOT_NAMES] or mentions
        etype = type_vote(cluster.entities)
        gids = sorted({e.gid for e in cluster.entities if e.gid})
        canonical = next(
            (e.canonical for e in cluster.entities if e.gid == (gids[0] if gids else None)), None
        )
        label = entity_label(etype, named, canonical)
        subtypes = sorted({e.subtype for e in cluster.entities if e.subtype})
        subtype = subtypes[0] if subtypes else org_subtype_of(etype, label)
        first = (mentions[0].doc, mentions[0].start) if mentions else ("", 0)
        drafts.append((etype, label, first, number, mentions, named, subtype, gids))
    return drafts


def _add_entity_nodes(g: nx.MultiDiGraph, drafts: list[_Draft]) -> dict[int, str]:
    """One node per draft, ids given in (type, label, first mention) order; cluster number ->
    node id."""
    taken: set[str] = set()
    node_of_cluster: dict[int, str] = {}
    for index in sorted(
        range(len(drafts)), key=lambda i: (drafts[i][0], drafts[i][1], drafts[i][2])
    ):
        etype, label, _first, number, mentions, named, subtype, gids = drafts[index]
        nid = _node_id(etype, label, taken)
        node_of_cluster[number] = nid
        g.add_node(
            nid,
            label=label,
            type=etype,
            subtype=subtype,
            gid=gids[0] if gids else None,
            aliases=sorted({m.text for m in named} | {label}),
            sources=sorted({m.doc for m in mentions}),
            mentions=len(mentions),
            evidence=[
                {
                    "doc": m.doc,
                    "start": m.start,
                    "end": m.end,
                    "sentence": m.sentence,
                    "text": m.text,
                    "ner": m.ner,
                }
                for m in mentions
            ],
        )
    return node_of_cluster


def _drop_lone_demonyms(g: nx.MultiDiGraph, statements: list[dict[str, Any]]) -> None:
    """A country only ever met as a demonym ("a Turkish agent"), in no fact and speaking
    for no one, is not a node."""
    speakers = {s[k] for s in statements for k in ("speaker", "on_behalf_of") if s[k] is not None}
    g.remove_nodes_from(
        [
            n
            for n, evidence in g.nodes(data="evidence")
            if evidence
            and g.degree(n) == 0
            and n not in speakers
            and all(m.get("ner") == "NORP" for m in evidence)
        ]
    )


def _note_unresolved(g: nx.MultiDiGraph, resolution: Resolution, node_of: dict[int, str]) -> None:
    """A surname alone that joined no one: why, and the nodes of whom it may mean.  That
    surname is then no alias of any other person (a document that named only Carter Page
    gave him "Page", but the corpus's "Page" is not his): looking it up finds the note."""
    contested: set[str] = set()
    for number, cluster in enumerate(resolution.clusters):
        if cluster.unresolved is not None:
            node = g.nodes[node_of[number]]
            node["unresolved"] = cluster.unresolved
            ranked = sorted(cluster.candidates, key=lambda x: (-x[1], node_of[x[0]]))
            node["candidates"] = [node_of[c] for c, _n in ranked]
            contested.add(str(node["label"]))
    if not contested:
        return
    for _n, attrs in g.nodes(data=True):
        if attrs.get("type") == "Person" and attrs["label"] not in contested:
            attrs["aliases"] = [a for a in attrs["aliases"] if a not in contested]


#: kinds of organisation that act for the state whose country they have in the gazetteer
#: (Fancy Bear is Russia's GRU; the Internet Research Agency its troll farm), and a capital
#: standing for its government ("Moscow denied ...")
_STATE_GROUPS: Final = frozenset({"hacking group", "troll farm", "capital"})


def _state_of(g: nx.MultiDiGraph, gazetteer: object) -> dict[str, str]:
    """Node -> the node of the country it is an organ of (the Kremlin -> Russia)."""
    if isinstance(gazetteer, Gazetteer):
        gaz = gazetteer
    elif isinstance(gazetteer, (str, Path)):
        gaz = Gazetteer.default().extended(gazetteer)
    else:
        gaz = Gazetteer.default()
    by_gid = {gid: n for n, gid in g.nodes(data="gid") if gid}
    out: dict[str, str] = {}
    for gid, node in by_gid.items():
        try:
            entry = gaz.by_id(gid)
        except KeyError:
            continue
        if entry.type != "Agency" and entry.subtype not in _STATE_GROUPS:
            continue  # a newspaper, a party or a province of a country is no organ of its state
        country = entry.country
        state = by_gid.get(f"country:{country}") if country else None
        if state is not None and state != node:
            out[node] = state
    # a unit, a force or a ministry the text says is part of a country ("the Israeli army")
    for u, v, predicate in g.edges(data="predicate"):
        if predicate == "part_of" and g.nodes[v].get("type") == "Country" and u not in out:
            out[u] = v
    return out


def _add_organs(g: nx.MultiDiGraph, state_of: Mapping[str, str]) -> None:
    """A ``part_of`` edge from each organ of a state the gazetteer knows (the FSB, the GRU,
    the Kremlin) to its country, where the text names both and says nothing of it itself;
    ``origin`` says the gazetteer gave it; its evidence is the first sentence that says
    something of the organ (none: no edge)."""
    for organ, state in sorted(state_of.items()):
        if g.nodes[organ].get("type") == "Location":
            continue  # a capital stands for its state; it is no part of it
        if any(p == "part_of" for _, _, p in g.edges(organ, data="predicate")):
            continue
        # the first sentence that says something of the organ (edge evidence is a sentence)
        told = sorted(
            (tuple(ev[k] for k in EVIDENCE_KEYS), ev)
            for _, _, evs in (
                *g.out_edges(organ, data="evidence"),
                *g.in_edges(organ, data="evidence"),
            )
            for ev in evs or ()
        )
        if not told:
            continue
        evidence = [dict(told[0][1])]
        g.add_edge(
            organ,
            state,
            key="part_of",
            predicate="part_of",
            kind="role",
            origin="gazetteer",
            asserted=True,
            evidence=evidence,
        )


def _leaders_of(g: nx.MultiDiGraph) -> dict[str, str]:
    """Person node -> the node of the country the person leads (data/leaders.tsv), when the
    graph has that country: a state's acts are its leader's ("Putin interfered")."""
    by_gid = {gid: n for n, gid in g.nodes(data="gid") if gid}
    out: dict[str, str] = {}
    for node, attrs in g.nodes(data=True):
        if attrs.get("type") == "Person":
            code = leader_country(str(attrs.get("label", "")))
            state = by_gid.get(f"country:{code}") if code else None
            if state is not None:
                out[node] = state
    return out


def _statements(
    results: list[DocResult], node_of: dict[tuple[str, str], str]
) -> list[dict[str, Any]]:
    """Who said what, with the speakers and the entities spoken of as node ids."""
    out = []
    for result in results:
        doc = result.info.id

        def node(ref: str | None, doc: str = doc) -> str | None:
            return None if ref is None else node_of.get((doc, ref))

        for st in result.statements:
            out.append(
                {
                    "doc": doc,
                    "speaker": node(st.speaker),
                    "on_behalf_of": node(st.on_behalf_of),
                    "anonymous": st.anonymous,
                    "cue": list(st.cue),
                    "content": list(st.content),
                    "source": list(st.source) if st.source is not None else None,
                    "kind": st.kind,
                    "about": sorted({n for r in st.about if (n := node(r)) is not None}),
                    "text": st.text,
                    "evidence": {
                        "start": st.evidence.start,
                        "end": st.evidence.end,
                        "sentence": st.evidence.sentence,
                    },
                }
            )
    out.sort(key=lambda s: (s["doc"], s["cue"], s["content"]))
    return out


def _statement_records(g: nx.MultiDiGraph) -> dict[str, list[StatementRecord]]:
    """The statements of each document, as :func:`assemble` wrote them (node ids as keys)."""
    out: dict[str, list[StatementRecord]] = defaultdict(list)
    for st in g.graph.get("statements", []):
        if not (_span(st.get("cue")) and _span(st.get("content")) and st.get("doc")):
            continue  # written by hand or by another tool: not one kgraph can rebuild
        ev = st.get("evidence") or {}
        source = st.get("source")
        out[st["doc"]].append(
            StatementRecord(
                speaker=st.get("speaker"),
                on_behalf_of=st.get("on_behalf_of"),
                anonymous=bool(st.get("anonymous")),
                cue=(int(st["cue"][0]), int(st["cue"][1])),
                content=(int(st["content"][0]), int(st["content"][1])),
                source=(int(source[0]), int(source[1])) if source else None,
                kind=str(st.get("kind", "indirect")),
                about=tuple(st.get("about", ())),
                text=str(st.get("text", "")),
                evidence=Evidence(
                    st["doc"],
                    int(ev.get("start", 0)),
                    int(ev.get("end", 0)),
                    ev.get("sentence", ""),
                ),
            )
        )
    return out


def _span(value: object) -> bool:
    return (
        isinstance(value, (list, tuple))
        and len(value) == 2
        and all(isinstance(x, int) for x in value)
    )


def _document_dict(info: DocumentInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "title": info.title,
        "url": info.url,
        "published": info.published,
        "source": info.source,
        "authors": list(info.authors),
        "chars": info.chars,
        "sha256": info.sha256,
    }


#: the modality flags an edge key carries, in order, with their key suffix
_MODAL_KEYS: Final = (
    ("negated", "not"),
    ("hedged", "hedged"),
    ("demanded", "demanded"),
    ("planned", "planned"),
)
#: the attributes a not-asserted fact says why with
_NOT_ASSERTED: Final = ("reported", "hedged", "demanded", "planned")
#: the key of an ACCUSE edge made from an allegation's claimant and accused
ACCUSE_KEY: Final = "accuse:alleged"
#: the events of a fact edge that already states an accusation
_ACCUSING: Final = frozenset({"ACCUSE", "COERCE"})


def _edge_key(rel: RelationRecord, attrs: dict[str, Any], according_to: str | None) -> str:
    """A fact edge's key: its predicate (and role), then its modality (see the module
    docstring)."""
    key = rel.predicate
    if rel.predicate == "holds_role":
        key = f"holds_role:{attrs.get('role', '')}"
    for name, suffix in _MODAL_KEYS:
        if attrs.get(name):
            key += f":{suffix}"
    if according_to is not None:
        key += f":according_to:{according_to}"
    elif attrs.get("reported"):
        key += ":reported"
    elif attrs.get("asserted") is False and not any(attrs.get(n) for n in _NOT_ASSERTED):
        key += ":unasserted"
    return key


def _add_relations(
    g: nx.MultiDiGraph, results: list[DocResult], node_of: dict[tuple[str, str], str]
) -> None:
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for result in results:
        doc = result.info.id
        for rel in result.relations:
            u, v = node_of.get((doc, rel.subject)), node_of.get((doc, rel.object))
            if u is None or v is None or u == v:
                continue
            attrs = dict(rel.attrs)
            by = node_of.get((doc, rel.according_to)) if rel.according_to is not None else None
            if by is not None:
                attrs["according_to"] = by
            edge = edges.setdefault(
                (u, v, _edge_key(rel, attrs, by)),
                {
                    "predicate": rel.predicate,
                    "kind": "role" if rel.predicate in _ROLE_PREDICATES else "action",
                    "evidence": set(),
                    "_attrs": [],
                },
            )
            edge["evidence"].add(rel.evidence)
            edge["_attrs"].append((rel.evidence, attrs))
    for (u, v, key), edge in sorted(edges.items()):
        merged: dict[str, Any] = {}
        for _ev, attrs in sorted(edge.pop("_attrs"), key=lambda x: (x[0], sorted(x[1].items()))):
            for name, value in attrs.items():
                merged.setdefault(name, value)
        merged["asserted"] = merged.get("asserted") is not False and not any(
            merged.get(n) for n in _NOT_ASSERTED
        )
        evidence = [_evidence_dict(e) for e in sorted(edge.pop("evidence"))]
        g.add_edge(u, v, key=key, **edge, **merged, evidence=evidence)


def _states_accusation(g: nx.MultiDiGraph, claimant: str, target: str) -> bool:
    """Whether the text already states, as a fact, that ``claimant`` accused or charged
    ``target`` ("Moscow accused Kyiv of ...", "the Justice Department charged Manafort")."""
    return any(
        key != ACCUSE_KEY and attrs.get("asserted") is not False and attrs.get("event") in _ACCUSING
        for key, attrs in (g.get_edge_data(claimant, target) or {}).items()
    )


def _accuses(evidence: list[dict[str, Any]]) -> bool:
    """Whether a claimant's sentences accuse (``kgraph.lexicon.ACCUSATION_CUES``)."""
    return any(
        cue in str(ev.get("sentence", "")).lower() for ev in evidence for cue in ACCUSATION_CUES
    )


def _add_accusations(g: nx.MultiDiGraph) -> None:
    """An ACCUSE edge from each claimant of an allegation to each accused (see the module
    docstring)."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for node, attrs in g.nodes(data=True):
        if attrs.get("type") != "Allegation":
            continue
        roles = list(g.out_edges(node, data=True))
        claimants = [(v, e) for _u, v, e in roles if e.get("predicate") == "alleged_by"]
        accused = [v for _u, v, e in roles if e.get("predicate") == "accused"]
        for claimant, role in claimants:
            if not _accuses(role.get("evidence", [])):
                continue
            for target in accused:
                if claimant == target or _states_accusation(g, claimant, target):
                    continue
                edge = found.setdefault(
                    (claimant, target), {"allegations": set(), "evidence": {}, "anonymous": True}
                )
                edge["allegations"].add(node)
                edge["anonymous"] = edge["anonymous"] and bool(role.get("anonymous"))
                for ev in role.get("evidence", []):
                    edge["evidence"][(ev["doc"], ev["start"], ev["end"])] = ev
    for (u, v), edge in sorted(found.items()):
        extra = {"anonymous": True} if edge["anonymous"] else {}
        g.add_edge(
            u,
            v,
            key=ACCUSE_KEY,
            predicate="accuse",
            kind="action",
            asserted=True,
            event="ACCUSE",
            allegations=sorted(edge["allegations"]),
            **extra,
            evidence=[edge["evidence"][k] for k in sorted(edge["evidence"])],
        )


def _add_allegations(
    g: nx.MultiDiGraph,
    results: list[DocResult],
    node_of: dict[tuple[str, str], str],
    state_of: dict[str, str],
    leader_of: dict[str, str],
) -> None:
    for node in merge_allegations(results, node_of, state_of, leader_of):
        g.add_node(node.id, **node.attrs)
        for (role, target), evidence, anonymous in node.roles:
            attrs: dict[str, Any] = {
                "predicate": role,
                "kind": "allegation",
                "evidence": [_evidence_dict(e) for e in evidence],
            }
            if anonymous:
                attrs["anonymous"] = True
            g.add_edge(node.id, target, key=role, **attrs)


def disassemble(g: nx.MultiDiGraph) -> list[DocResult]:
    """Rebuild per-document results from a contract graph (what :func:`assemble` made).

    Each entity node becomes one local entity in each document it appears in;
    relations and allegations keep their evidence.  ``assemble(disassemble(g))``
    gives ``g`` back.
    """
    docs = {d["id"]: d for d in g.graph.get("documents", [])}
    entities = _local_entities(g)
    relations = _relation_records(g)
    allegations: dict[str, list[AllegationRecord]] = defaultdict(list)
    for nid, attrs in sorted(g.nodes(data=True)):
        if attrs.get("type") != "Allegation":
            continue
        by_doc = _allegation_records(g, nid, attrs)
        for doc, record in by_doc.items():
            allegations[doc].append(record)
    statements = _statement_records(g)
    return [
        DocResult(
            _document_info(doc_id, docs.get(doc_id, {"id": doc_id})),
            tuple(entities.get(doc_id, ())),
            tuple(relations.get(doc_id, ())),
            tuple(allegations.get(doc_id, ())),
            statements=tuple(statements.get(doc_id, ())),
        )
        for doc_id in sorted(set(docs) | set(entities))
    ]


def _local_entities(g: nx.MultiDiGraph) -> dict[str, list[LocalEntity]]:
    """Document id -> the local entity each entity node is in it."""
    entities: dict[str, list[LocalEntity]] = defaultdict(list)
    for nid, attrs in sorted(g.nodes(data=True)):
        if attrs.get("type") == "Allegation":
            continue
        per_doc: dict[str, list[Mention]] = defaultdict(list)
        for m in attrs.get("evidence", []):
            per_doc[m["doc"]].append(
                Mention(m["doc"], m["start"], m["end"], m["text"], m.get("ner", ""), m["sentence"])
            )
        for doc, mentions in per_doc.items():
            entities[doc].append(
                LocalEntity(
                    key=nid,
                    type=attrs["type"],
                    mentions=tuple(mentions),
                    subtype=attrs.get("subtype"),
                    gid=attrs.get("gid"),
                    # a body's label may be a canonical name no mention gives ("the
                    # Times" read as the New York Times, "Israeli military")
                    canonical=attrs["label"]
                    if attrs.get("gid") or attrs["type"] != "Person"
                    else None,
                )
            )
    return entities


def _relation_records(g: nx.MultiDiGraph) -> dict[str, list[RelationRecord]]:
    """Document id -> the fact records of its evidence (ACCUSE edges are made again by
    :func:`assemble`, allegation roles rebuilt with their allegation)."""
    relations: dict[str, list[RelationRecord]] = defaultdict(list)
    for u, v, key, attrs in g.edges(keys=True, data=True):
        if attrs.get("kind") == "allegation" or key == ACCUSE_KEY or attrs.get("origin"):
            continue
        extra = tuple(
            sorted(
                (k, val)
                for k, val in attrs.items()
                if k not in ("predicate", "kind", "evidence", "according_to")
            )
        )
        by = attrs.get("according_to")
        for ev in attrs.get("evidence", []):
            relations[ev["doc"]].append(
                RelationRecord(u, v, attrs["predicate"], _evidence(ev), extra, by)
            )
    return relations


def _document_info(doc_id: str, d: dict[str, Any]) -> DocumentInfo:
    return DocumentInfo(
        id=doc_id,
        title=d.get("title"),
        url=d.get("url"),
        published=d.get("published"),
        source=d.get("source"),
        authors=tuple(d.get("authors") or ()),
        chars=int(d.get("chars") or 0),
        sha256=str(d.get("sha256") or ""),
    )


def _evidence(ev: dict[str, Any]) -> Evidence:
    return Evidence(ev["doc"], int(ev["start"]), int(ev["end"]), ev["sentence"])


def _allegation_records(
    g: nx.MultiDiGraph, nid: str, attrs: dict[str, Any]
) -> dict[str, AllegationRecord]:
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for ev in attrs.get("evidence", []):
        evidence[ev["doc"]].append(_evidence(ev))
    roles: dict[str, list[RoleRecord]] = defaultdict(list)
    for _u, v, eattrs in g.out_edges(nid, data=True):
        for ev in eattrs.get("evidence", []):
            roles[ev["doc"]].append(
                RoleRecord(eattrs["predicate"], v, _evidence(ev), bool(eattrs.get("anonymous")))
            )
    out = {}
    for doc in sorted(set(evidence) | set(roles)):
        out[doc] = AllegationRecord(
            key=nid,
            label=attrs["label"],
            text=attrs.get("text", ""),
            status=attrs.get("status", "alleged"),
            keywords=tuple(attrs.get("keywords", ())),
            evidence=tuple(sorted(evidence.get(doc, ()))),
            roles=tuple(roles.get(doc, ())),
            confidence=attrs.get("confidence"),
            dates=tuple(attrs.get("dates", ())),
            act=attrs.get("act"),
            time=attrs.get("time"),
        )
    return out
