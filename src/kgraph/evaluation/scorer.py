"""Scoring a graph against a gold annotation: entities, relations, allegations.

Matching is lenient on surface form and strict on identity: a node *stands for* a
gold entity when its label, compared by :func:`~kgraph.evaluation.view.surface_key`
(case, curly quotes, possessive, dots, a leading "the", hyphens), is one of the
entity's aliases; each gold entity should be one node and each node one entity.

Entities
    *recall*: the required gold entities some node stands for, over all required ones.
    *precision*: the gold entities some node stands for, over the entity nodes not
    named by an ``ignorable`` name (so two nodes for one entity cost precision).
    *type accuracy*: of the entities found, those with a node of one of their types.
    *duplicated*: gold entities two or more nodes stand for.  *over-merged*: nodes
    whose names (label and aliases) name two or more gold entities, unless all of them
    are in one ``allowed_merges`` group.  *junk*: nodes that stand for no gold entity
    and are not ignorable.
Relations
    *recall*: the gold relations with an edge, either way, between a node of the
    subject and a node of one of the objects whose text (predicate, label, role ...)
    holds one of the keywords.
Allegations
    A node *reports* a gold allegation when one of its accused (its ``accused`` or
    ``subject`` edges) stands for one of the gold's accused and its text (label, text
    and evidence sentences) holds ``cues_needed`` of the cues (all, when there are
    fewer).  *recall*: required allegations some node reports.  *roles*: of the
    ``alleged_by``, ``denied_by`` and ``dismissed_by`` lists a found allegation has,
    those one of whose entities some reporting node links by such an edge
    (``alleged_by``; ``denied_by``; ``dismissed_by``, ``disputed_by``, ``rejected_by`` or
    ``denied_by``).  *merged across documents*: required allegations of two or more
    documents one reporting node holds all of.  A node *claims* an allegation when its
    own claim (label and text, without evidence) would report it; *precision*: claiming
    nodes over all allegation nodes; *over-merged*: claiming nodes that hold a document
    none of their allegations has (they absorbed another story); *split*: the claiming
    nodes beyond the first of each allegation.

Figures are rounded to three decimals; entity F1 is that of the rounded precision and
recall.  These are the definitions of ``../shared/eval/score.py``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from kgraph._model import Evidence
from kgraph.evaluation.gold import Gold, GoldAllegation, GoldEntity, GoldRelation
from kgraph.evaluation.view import (
    GraphView,
    NodeRef,
    edge_text,
    evidence_dict,
    first_per_document,
    node_text,
    node_type,
    own_text,
    surface_key,
)

__all__ = [
    "AllegationResult",
    "AllegationsOverMerged",
    "AllegationsSplit",
    "EdgeRef",
    "EntityNodes",
    "GoldScores",
    "OverMerge",
    "RelationMiss",
    "Tally",
    "score_gold",
]

_ACCUSED_WORDS: Final = ("accus", "subject")
# gold role list -> words one of which the edge text of a node's role edge must hold
_ROLE_WORDS: Final = (
    ("alleged_by", ("alleg",)),
    ("denied_by", ("den",)),
    ("dismissed_by", ("dismiss", "disput", "reject", "den")),
)
_DIGITS: Final = 3


@dataclass(frozen=True, slots=True)
class Tally:
    """``hit`` of ``total``; shown as ``"hit/total"``.

    >>> t = Tally(2, 3)
    >>> str(t), round(t.ratio, 3), Tally(0, 0).ratio
    ('2/3', 0.667, 0.0)
    """

    hit: int
    total: int

    def __str__(self) -> str:
        return f"{self.hit}/{self.total}"

    @property
    def ratio(self) -> float:
        """``hit / total`` (0 when there is nothing to count)."""
        return self.hit / max(1, self.total)


def _figure(t: Tally) -> float:
    return round(t.ratio, _DIGITS)


@dataclass(frozen=True, slots=True)
class EdgeRef:
    """An edge as a report shows it: its ends, its text and one sentence per document."""

    source: str
    target: str
    predicate: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "predicate": self.predicate,
            "evidence": [evidence_dict(ev) for ev in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class EntityNodes:
    """A gold entity and the nodes that stand for it (a duplicate, a wrong type)."""

    entity: GoldEntity
    nodes: tuple[NodeRef, ...]


@dataclass(frozen=True, slots=True)
class OverMerge:
    """A node whose names name several gold entities."""

    node: NodeRef
    entities: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RelationMiss:
    """A gold relation no edge carries, why, and the edges there are between its ends."""

    relation: GoldRelation
    reason: str
    edges: tuple[EdgeRef, ...] = ()


@dataclass(frozen=True, slots=True)
class AllegationResult:
    """How a graph reports one gold allegation: the nodes that do, the role lists they
    match (``roles``; ``missing_roles`` names the others) and whether one node holds all
    its documents (``None`` when no node reports it)."""

    allegation: GoldAllegation
    nodes: tuple[NodeRef, ...]
    roles: Tally = Tally(0, 0)
    missing_roles: tuple[str, ...] = ()
    merged_across_docs: bool | None = None

    @property
    def found(self) -> bool:
        return bool(self.nodes)


@dataclass(frozen=True, slots=True)
class AllegationsOverMerged:
    """A claiming allegation node holding documents none of its allegations has."""

    node: NodeRef
    foreign_docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AllegationsSplit:
    """A gold allegation several allegation nodes claim."""

    allegation: GoldAllegation
    nodes: tuple[NodeRef, ...]


@dataclass(frozen=True, slots=True)
class GoldScores:
    """A graph scored against a gold: the figures (properties), the counts behind them
    and every miss, junk node and wrong merge with its evidence."""

    entity_nodes: int
    entities_found: Tally
    entities_represented: Tally
    entities_typed: Tally
    relations_found: Tally
    allegation_nodes: int
    allegations_found: Tally
    allegation_roles: Tally
    allegations_claimed: Tally
    allegations_merged_across_docs: Tally
    missed_entities: tuple[GoldEntity, ...] = ()
    junk_nodes: tuple[NodeRef, ...] = ()
    duplicates: tuple[EntityNodes, ...] = ()
    overmerged: tuple[OverMerge, ...] = ()
    mistyped: tuple[EntityNodes, ...] = ()
    missed_relations: tuple[RelationMiss, ...] = ()
    allegations: tuple[AllegationResult, ...] = ()
    junk_allegations: tuple[NodeRef, ...] = ()
    overmerged_allegations: tuple[AllegationsOverMerged, ...] = ()
    split_allegations: tuple[AllegationsSplit, ...] = ()
    unreviewed: int = field(default=0)

    @property
    def entity_recall(self) -> float:
        return _figure(self.entities_found)

    @property
    def entity_precision(self) -> float:
        return _figure(self.entities_represented)

    @property
    def entity_f1(self) -> float:
        p, r = self.entity_precision, self.entity_recall
        return round(2 * p * r / max(1e-9, p + r), _DIGITS)

    @property
    def type_accuracy(self) -> float:
        return _figure(self.entities_typed)

    @property
    def duplicated_entities(self) -> int:
        return len(self.duplicates)

    @property
    def overmerged_nodes(self) -> int:
        return len(self.overmerged)

    @property
    def relation_recall(self) -> float:
        return _figure(self.relations_found)

    @property
    def allegation_recall(self) -> float:
        return _figure(self.allegations_found)

    @property
    def allegation_precision(self) -> float:
        return _figure(self.allegations_claimed)

    @property
    def allegations_overmerged(self) -> int:
        return len(self.overmerged_allegations)

    @property
    def allegations_split(self) -> int:
        return sum(len(s.nodes) - 1 for s in self.split_allegations)

    def figures(self) -> dict[str, Any]:
        """The figures by the names ``score.py`` gives them, in its order."""
        return {
            "entity_nodes": self.entity_nodes,
            "entity_recall": self.entity_recall,
            "entity_precision": self.entity_precision,
            "type_accuracy": self.type_accuracy,
            "duplicated_entities": self.duplicated_entities,
            "overmerged_nodes": self.overmerged_nodes,
            "relation_recall": self.relation_recall,
            "allegation_nodes": self.allegation_nodes,
            "allegation_recall": self.allegation_recall,
            "allegation_roles": str(self.allegation_roles),
            "allegation_precision": self.allegation_precision,
            "allegations_overmerged": self.allegations_overmerged,
            "allegations_split": self.allegations_split,
            "allegations_merged_across_docs": str(self.allegations_merged_across_docs),
            "entity_f1": self.entity_f1,
        }


# -- matching --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Match:
    """Which nodes stand for which gold entities."""

    reps: dict[str, list[str]]  # gold id -> node ids
    node_gold: dict[str, set[str]]  # node id -> gold ids
    junk: list[str]
    overmerged: list[tuple[str, list[str]]]
    counted: int  # entity nodes not named by an ignorable name


def _match(view: GraphView, gold: Gold) -> _Match:
    alias_of: defaultdict[str, set[str]] = defaultdict(set)
    for entity in gold.entities:
        for alias in entity.aliases:
            alias_of[surface_key(alias)].add(entity.id)
    ignorable = {surface_key(name) for name in gold.ignorable}
    reps: defaultdict[str, list[str]] = defaultdict(list)
    node_gold: defaultdict[str, set[str]] = defaultdict(set)
    junk: list[str] = []
    overmerged: list[tuple[str, list[str]]] = []
    counted = 0
    for nid in view.entities:
        key = surface_key(view.label(nid))
        counted += key not in ignorable
        ids = alias_of.get(key, set())
        for gid in ids:
            reps[gid].append(nid)
            node_gold[nid].add(gid)
        if not ids and key not in ignorable:
            junk.append(nid)
        named = set().union(*(alias_of.get(surface_key(n), set()) for n in view.names(nid)))
        if len(named) > 1 and not any(group >= named for group in gold.allowed_merges):
            overmerged.append((nid, sorted(named)))
    return _Match(dict(reps), dict(node_gold), junk, overmerged, counted)


def score_gold(view: GraphView, gold: Gold) -> GoldScores:
    """Score the graph ``view`` shows against ``gold``."""
    match = _match(view, gold)
    required = [e for e in gold.entities if e.required]
    found = [e for e in required if match.reps.get(e.id)]
    typed = [e for e in found if _typed(view, e, match.reps[e.id])]
    results = [_allegation_result(view, gold, match, a) for a in gold.allegations]
    claimed = _claimed(view, gold, match)
    req_results = [r for r in results if r.allegation.required]
    spread = [r for r in req_results if len(r.allegation.docs) > 1]
    missed_relations = [m for r in gold.relations if (m := _relation_miss(view, match, r))]
    return GoldScores(
        entity_nodes=len(view.entities),
        entities_found=Tally(len(found), len(required)),
        entities_represented=Tally(len(match.reps), match.counted),
        entities_typed=Tally(len(typed), len(found)),
        relations_found=Tally(len(gold.relations) - len(missed_relations), len(gold.relations)),
        allegation_nodes=len(view.allegations),
        allegations_found=Tally(sum(r.found for r in req_results), len(req_results)),
        allegation_roles=Tally(
            sum(r.roles.hit for r in req_results), sum(r.roles.total for r in req_results)
        ),
        allegations_claimed=Tally(len(claimed), len(view.allegations)),
        allegations_merged_across_docs=Tally(
            sum(bool(r.merged_across_docs) for r in spread), len(spread)
        ),
        missed_entities=tuple(e for e in required if not match.reps.get(e.id)),
        junk_nodes=tuple(sorted((view.ref(n) for n in match.junk), key=_by_label)),
        duplicates=tuple(
            EntityNodes(e, tuple(view.ref(n) for n in match.reps[e.id]))
            for e in gold.entities
            if len(match.reps.get(e.id, ())) > 1
        ),
        overmerged=tuple(OverMerge(view.ref(n), tuple(ids)) for n, ids in match.overmerged),
        mistyped=tuple(
            EntityNodes(e, tuple(view.ref(n) for n in match.reps[e.id]))
            for e in found
            if e not in typed
        ),
        missed_relations=tuple(missed_relations),
        allegations=tuple(results),
        junk_allegations=tuple(
            sorted((view.ref(a) for a in view.allegations if a not in claimed), key=_by_label)
        ),
        overmerged_allegations=_overmerged_allegations(view, gold, claimed),
        split_allegations=_split(view, gold, claimed),
        unreviewed=gold.unreviewed,
    )


def _by_label(ref: NodeRef) -> tuple[str, str]:
    return (ref.label, ref.id)


def _typed(view: GraphView, entity: GoldEntity, nodes: Iterable[str]) -> bool:
    return any(node_type(view.nodes[n]) in entity.types for n in nodes)


# -- relations ------------------------------------------------------------------------------
def _relation_miss(view: GraphView, match: _Match, relation: GoldRelation) -> RelationMiss | None:
    """``None`` when an edge carries ``relation``, else what there is instead."""
    subjects = match.reps.get(relation.subject, [])
    objects = [n for o in relation.objects for n in match.reps.get(o, [])]
    edges = [
        (a, b, edge) for a in subjects for b in objects for edge in view.adjacency.get((a, b), ())
    ]
    if any(any(k in edge_text(e) for k in relation.keywords) for _, _, e in edges):
        return None
    if not subjects:
        reason = f"no node stands for the subject {relation.subject!r}"
    elif not objects:
        reason = f"no node stands for the object {'|'.join(relation.objects)!r}"
    elif not edges:
        reason = "no edge links them"
    else:
        reason = "no edge between them names a keyword"
    refs = tuple(
        EdgeRef(
            str(e.get("source", a)),
            str(e.get("target", b)),
            str(e.get("predicate", "")),
            first_per_document(e.get("evidence")),
        )
        for a, b, e in edges
    )
    return RelationMiss(relation, reason, refs)


# -- allegations ------------------------------------------------------------------------------
def _roles_of(view: GraphView, match: _Match, aid: str, words: Sequence[str]) -> set[str]:
    """The gold entities an allegation node links by an edge whose text holds a word."""
    out: set[str] = set()
    for text, other in view.role_edges.get(aid, ()):
        if any(w in text for w in words):
            out |= match.node_gold.get(other, set())
    return out


def _cued(gold: Gold, allegation: GoldAllegation, text: str) -> bool:
    hits = sum(cue in text for cue in allegation.cues)
    return hits >= min(len(allegation.cues), gold.cues_needed)


def _reports(
    view: GraphView, gold: Gold, match: _Match, aid: str, allegation: GoldAllegation, text: str
) -> bool:
    accused = _roles_of(view, match, aid, _ACCUSED_WORDS)
    return bool(accused & set(allegation.accused)) and _cued(gold, allegation, text)


def _allegation_result(
    view: GraphView, gold: Gold, match: _Match, allegation: GoldAllegation
) -> AllegationResult:
    nodes = [
        aid
        for aid, node in view.allegations.items()
        if _reports(view, gold, match, aid, allegation, node_text(node))
    ]
    if not nodes:
        return AllegationResult(allegation, ())
    docs = set(allegation.docs)
    merged = len(docs) < 2 or any(docs <= set(view.sources(aid)) for aid in nodes)
    got, missing = 0, []
    for role, words in _ROLE_WORDS:
        wanted = set(getattr(allegation, role))
        if not wanted:
            continue
        have = set().union(*(_roles_of(view, match, aid, words) for aid in nodes))
        if have & wanted:
            got += 1
        else:
            missing.append(role)
    return AllegationResult(
        allegation,
        tuple(view.ref(aid) for aid in nodes),
        Tally(got, got + len(missing)),
        tuple(missing),
        merged,
    )


def _claimed(view: GraphView, gold: Gold, match: _Match) -> dict[str, list[int]]:
    """Allegation node -> the gold allegations (by index) its own claim reports."""
    out: dict[str, list[int]] = {}
    for aid, node in view.allegations.items():
        text = own_text(node)
        hits = [
            i for i, a in enumerate(gold.allegations) if _reports(view, gold, match, aid, a, text)
        ]
        if hits:
            out[aid] = hits
    return out


def _overmerged_allegations(
    view: GraphView, gold: Gold, claimed: dict[str, list[int]]
) -> tuple[AllegationsOverMerged, ...]:
    out = []
    for aid, hits in claimed.items():
        docs = set(view.sources(aid))
        foreign = min((docs - set(gold.allegations[i].docs) for i in hits), key=len)
        if foreign:
            out.append(AllegationsOverMerged(view.ref(aid), tuple(sorted(foreign))))
    return tuple(sorted(out, key=lambda o: o.node.id))


def _split(
    view: GraphView, gold: Gold, claimed: dict[str, list[int]]
) -> tuple[AllegationsSplit, ...]:
    per_gold: defaultdict[int, list[str]] = defaultdict(list)
    for aid, hits in claimed.items():
        for i in hits:
            per_gold[i].append(aid)
    return tuple(
        AllegationsSplit(gold.allegations[i], tuple(view.ref(a) for a in per_gold[i]))
        for i in sorted(per_gold)
        if len(per_gold[i]) > 1
    )
