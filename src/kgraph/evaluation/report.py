"""The details of an evaluation, as JSON and as lines of text: every miss, junk node and
wrong merge, each with its evidence (document and sentence)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

from kgraph._model import Evidence
from kgraph.evaluation.attributions import Attribution, AttributionScores
from kgraph.evaluation.gold import GoldAllegation, GoldEntity, GoldRelation
from kgraph.evaluation.scorer import GoldScores
from kgraph.evaluation.view import NodeRef

__all__ = [
    "attribution_details",
    "attribution_lines",
    "attribution_rows",
    "gold_details",
    "gold_lines",
    "gold_rows",
]

_MAX_SENTENCE: Final = 160
_INDENT: Final = "  "


# -- JSON ---------------------------------------------------------------------------------
def _entity(e: GoldEntity) -> dict[str, Any]:
    return {"id": e.id, "name": e.name, "types": list(e.types), "docs": list(e.docs)}


def _relation(r: GoldRelation) -> dict[str, Any]:
    return {
        "id": r.id,
        "subject": r.subject,
        "object": "|".join(r.objects),
        "keywords": list(r.keywords),
        "doc": r.doc,
    }


def _allegation(a: GoldAllegation) -> dict[str, Any]:
    return {
        "id": a.id,
        "summary": a.summary,
        "accused": list(a.accused),
        "cues": list(a.cues),
        "docs": list(a.docs),
        "required": a.required,
    }


def _refs(refs: Iterable[NodeRef]) -> list[dict[str, Any]]:
    return [r.to_dict() for r in refs]


def gold_details(s: GoldScores) -> dict[str, Any]:
    """Every miss, junk node and wrong merge of ``s`` as JSON."""
    return {
        "missed_entities": [_entity(e) for e in s.missed_entities],
        "junk_nodes": _refs(s.junk_nodes),
        "duplicates": [{**_entity(d.entity), "nodes": _refs(d.nodes)} for d in s.duplicates],
        "overmerged": [
            {"node": o.node.to_dict(), "entities": list(o.entities)} for o in s.overmerged
        ],
        "mistyped": [{**_entity(d.entity), "nodes": _refs(d.nodes)} for d in s.mistyped],
        "missed_relations": [
            {**_relation(m.relation), "reason": m.reason, "edges": [e.to_dict() for e in m.edges]}
            for m in s.missed_relations
        ],
        "allegations": [
            {
                **_allegation(r.allegation),
                "found": r.found,
                "nodes": _refs(r.nodes),
                "roles": str(r.roles),
                "missing_roles": list(r.missing_roles),
                "merged_across_docs": r.merged_across_docs,
            }
            for r in s.allegations
        ],
        "junk_allegations": _refs(s.junk_allegations),
        "overmerged_allegations": [
            {"node": o.node.to_dict(), "foreign_docs": list(o.foreign_docs)}
            for o in s.overmerged_allegations
        ],
        "split_allegations": [
            {"id": p.allegation.id, "summary": p.allegation.summary, "nodes": _refs(p.nodes)}
            for p in s.split_allegations
        ],
    }


def attribution_details(s: AttributionScores) -> dict[str, Any]:
    """Every missed, spurious and half-right attribution of ``s`` as JSON."""
    return {
        "missed": [a.to_dict() for a in s.missed],
        "spurious": [a.to_dict() for a in s.spurious],
        "mismatched": [
            {
                "gold": m.gold.to_dict(),
                "predicted": m.predicted.to_dict(),
                "cue_right": m.cue_right,
                "source_right": m.source_right,
            }
            for m in s.mismatched
        ],
    }


# -- text ---------------------------------------------------------------------------------
def _cut(text: str, near: str = "", width: int = _MAX_SENTENCE) -> str:
    """``text`` on one line, at most ``width`` characters, showing ``near`` when it has it.

    >>> _cut("a " * 100 + "Lavrov said so.", near="Lavrov", width=20)
    '…a a a Lavrov said…'
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    at = text.find(near) if near else -1
    if at < 0 or at + len(near) <= width - 1:
        return text[: width - 1] + "…"
    start = max(0, min(at - width // 3, len(text) - width + 1))
    return "…" + text[start : start + width - 2].strip() + "…"


def _evidence(evidence: Sequence[Evidence], near: str = "") -> list[str]:
    if not evidence:
        return []
    first = evidence[0]
    more = f" (+{len(evidence) - 1} more documents)" if len(evidence) > 1 else ""
    return [f"{_INDENT * 2}{first.doc}: {_cut(first.sentence, near)!r}{more}"]


def _node(ref: NodeRef) -> list[str]:
    return [
        f"{_INDENT}{ref.label!r} ({ref.type or 'no type'}, {ref.id})",
        *_evidence(ref.evidence, ref.label),
    ]


def _section(title: str, items: Sequence[object], lines: list[str]) -> list[str]:
    return [f"{title} ({len(items)}):", *lines] if items else []


def _entity_lines(s: GoldScores) -> list[str]:
    out = _section(
        "missed entities",
        s.missed_entities,
        [f"{_INDENT}{e.name} [{e.id}] in {', '.join(e.docs) or '?'}" for e in s.missed_entities],
    )
    out += _section("junk nodes", s.junk_nodes, [x for r in s.junk_nodes for x in _node(r)])
    lines = []
    for d in s.duplicates:
        lines.append(f"{_INDENT}{d.entity.name} [{d.entity.id}] is {len(d.nodes)} nodes:")
        lines += [_INDENT + x for r in d.nodes for x in _node(r)]
    out += _section("duplicated entities", s.duplicates, lines)
    lines = []
    for o in s.overmerged:
        lines.append(f"{_INDENT}{o.node.label!r} ({o.node.id}) names {', '.join(o.entities)}")
        lines += _evidence(o.node.evidence, o.node.label)
    out += _section("over-merged nodes", s.overmerged, lines)
    lines = []
    for d in s.mistyped:
        got = ", ".join(f"{r.type or 'no type'} ({r.id})" for r in d.nodes)
        lines.append(
            f"{_INDENT}{d.entity.name} [{d.entity.id}]: {' or '.join(d.entity.types)}, not {got}"
        )
    return out + _section("mistyped entities", s.mistyped, lines)


def _relation_lines(s: GoldScores) -> list[str]:
    lines = []
    for m in s.missed_relations:
        r = m.relation
        lines.append(
            f"{_INDENT}{r.id}: {r.subject} -[{'|'.join(r.keywords)}]-> {'|'.join(r.objects)}"
            f" in {r.doc or '?'}: {m.reason}"
        )
        for e in m.edges:
            lines.append(f"{_INDENT * 2}{e.source} -[{e.predicate}]-> {e.target}")
            lines += [_INDENT + x for x in _evidence(e.evidence)]
    return _section("missed relations", s.missed_relations, lines)


def _allegation_lines(s: GoldScores) -> list[str]:
    missed = [r for r in s.allegations if r.allegation.required and not r.found]
    out = _section(
        "missed allegations",
        missed,
        [
            f"{_INDENT}{r.allegation.id}: {r.allegation.summary} (accused "
            f"{', '.join(r.allegation.accused)}; cues {', '.join(r.allegation.cues)}; in "
            f"{', '.join(r.allegation.docs)})"
            for r in missed
        ],
    )
    roles = [r for r in s.allegations if r.allegation.required and r.missing_roles]
    out += _section(
        "allegations missing roles",
        roles,
        [
            f"{_INDENT}{r.allegation.id}: no "
            + ", no ".join(
                f"{role} ({', '.join(getattr(r.allegation, role))})" for role in r.missing_roles
            )
            for r in roles
        ],
    )
    apart = [r for r in s.allegations if r.allegation.required and r.merged_across_docs is False]
    lines = []
    for r in apart:
        lines.append(f"{_INDENT}{r.allegation.id} (in {', '.join(r.allegation.docs)}) is apart in:")
        lines += [_INDENT + x for ref in r.nodes for x in _node(ref)]
    out += _section("allegations not merged across their documents", apart, lines)
    out += _section(
        "allegation nodes that claim no gold allegation",
        s.junk_allegations,
        [x for r in s.junk_allegations for x in _node(r)],
    )
    lines = []
    for o in s.overmerged_allegations:
        lines += _node(o.node)
        lines.append(
            f"{_INDENT * 2}also holds documents of other stories: {', '.join(o.foreign_docs)}"
        )
    out += _section("over-merged allegation nodes", s.overmerged_allegations, lines)
    lines = []
    for p in s.split_allegations:
        lines.append(f"{_INDENT}{p.allegation.id} is {len(p.nodes)} nodes:")
        lines += [_INDENT + x for r in p.nodes for x in _node(r)]
    return out + _section("split allegations", s.split_allegations, lines)


def gold_lines(s: GoldScores) -> list[str]:
    """Every miss, junk node and wrong merge of ``s``, as lines (evidence indented)."""
    return _entity_lines(s) + _relation_lines(s) + _allegation_lines(s)


def _attribution(a: Attribution) -> str:
    text = f": {_cut(a.text)!r}" if a.text else ""
    return f"{_INDENT}{a.doc} {list(a.content)}{text}"


def attribution_lines(s: AttributionScores) -> list[str]:
    """Every missed, spurious and half-right attribution of ``s``, as lines."""
    out = _section("missed attributions", s.missed, [_attribution(a) for a in s.missed])
    out += _section("spurious statements", s.spurious, [_attribution(a) for a in s.spurious])
    lines = []
    for m in s.mismatched:
        lines.append(_attribution(m.gold))
        if not m.cue_right:
            lines.append(f"{_INDENT * 2}cue {list(m.predicted.cue)}, not {list(m.gold.cue)}")
        if not m.source_right:
            gold_source = "none" if m.gold.source is None else list(m.gold.source)
            got = "none" if m.predicted.source is None else list(m.predicted.source)
            lines.append(f"{_INDENT * 2}source {got}, not {gold_source}")
    return out + _section("attributions with a wrong cue or source", s.mismatched, lines)


# -- the figures as table rows ---------------------------------------------------------------
def _row(figure: str, score: float | int, count: object = "") -> dict[str, str]:
    shown = f"{score:.3f}" if isinstance(score, float) else str(score)
    return {"figure": figure, "score": shown, "count": str(count)}


def gold_rows(s: GoldScores) -> list[dict[str, str]]:
    """The figures of ``s`` as table rows: figure, score and the count behind it."""
    return [
        _row("entity precision", s.entity_precision, s.entities_represented),
        _row("entity recall", s.entity_recall, s.entities_found),
        _row("entity F1", s.entity_f1),
        _row("type accuracy", s.type_accuracy, s.entities_typed),
        _row("duplicated entities", s.duplicated_entities),
        _row("over-merged nodes", s.overmerged_nodes),
        _row("relation recall", s.relation_recall, s.relations_found),
        _row("allegation precision", s.allegation_precision, s.allegations_claimed),
        _row("allegation recall", s.allegation_recall, s.allegations_found),
        _row("allegation roles", round(s.allegation_roles.ratio, 3), s.allegation_roles),
        _row("allegations over-merged", s.allegations_overmerged),
        _row("allegations split", s.allegations_split),
        _row(
            "allegations merged across documents",
            round(s.allegations_merged_across_docs.ratio, 3),
            s.allegations_merged_across_docs,
        ),
    ]


def attribution_rows(s: AttributionScores) -> list[dict[str, str]]:
    """The figures of ``s`` as table rows: figure, score and the count behind it."""
    return [
        _row("content precision", s.content_precision, f"{s.matched}/{s.predicted}"),
        _row("content recall", s.content_recall, f"{s.matched}/{s.gold_attributions}"),
        _row("content F1", s.content_f1),
        _row("cue accuracy", s.cue_accuracy, f"{s.cue_right}/{s.matched}"),
        _row("source accuracy", s.source_accuracy, f"{s.source_right}/{s.matched}"),
        _row("attribution F1", s.attribution_f1, f"{s.all_right} all right"),
    ]
