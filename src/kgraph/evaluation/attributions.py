"""Scoring a graph's attributions (who said what) against brat annotations (PolNeAR).

The gold is a folder of brat standoff files, PolNeAR's layout: ``attributions/NAME_<annotator>.ann``
and ``text/NAME.txt`` (or plain brat: ``NAME.ann`` beside ``NAME.txt``).  An ``.ann`` file
holds spans (``T1<TAB>Source 0 5<TAB>Obama``; a discontinuous span, ``10 20;30 40``, is
taken whole, 10 to 40) and attribution events (``E1<TAB>Attribution:T4 Content:T3 Cue:T2
Source:T1``); an event with a content and a cue is one gold attribution.  One annotation
per article is used, the first by file name.

The graph's attributions are its top-level ``"statements"``, one per attribution found:
``{"doc", "cue": [start, end], "content": [start, end], "source": [start, end] or null,
...}``, character offsets into the article's text; a graph without them scores 0.

A statement *matches* a gold attribution of the same article when their contents
overlap by at least half of their union (in characters); each is matched at most once,
best overlap first (ties: the later spans first).  Of the matched pairs, the *cue* is
right when the two cue spans overlap, and the *source* when both spans overlap or both
are absent.  Figures: content precision, recall and F1; cue and source accuracy over
the matched pairs; attribution F1, where a hit needs content, cue and source all right.
These are the definitions of ``../shared/eval/polnear_score.py``.

>>> overlap_ratio((0, 10), (5, 15)), overlap_ratio((0, 10), (10, 20))
(0.3333333333333333, 0.0)
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from kgraph._errors import DocumentNotFoundError, FormatError

__all__ = [
    "Article",
    "Attribution",
    "AttributionMismatch",
    "AttributionScores",
    "overlap_ratio",
    "read_brat",
    "read_statements",
    "score_attributions",
]

log = logging.getLogger("kgraph.evaluation")

Span = tuple[int, int]

_ANNOTATOR: Final = re.compile(r"_[0-9a-f]{4}$")  # PolNeAR's NAME_<annotator>.ann
_NUMBER: Final = re.compile(r"\d+")
_MIN_RATIO: Final = 0.5
_DIGITS: Final = 3


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: its spans in a document, and the content's text when known."""

    doc: str
    content: Span
    cue: Span
    source: Span | None = None
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "content": list(self.content),
            "cue": list(self.cue),
            "source": None if self.source is None else list(self.source),
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """One annotated article: its name, its text ("" when the folder has none) and its
    gold attributions."""

    name: str
    text: str
    attributions: tuple[Attribution, ...]


@dataclass(frozen=True, slots=True)
class AttributionMismatch:
    """A matched pair whose cue or source is wrong."""

    gold: Attribution
    predicted: Attribution
    cue_right: bool
    source_right: bool


@dataclass(frozen=True, slots=True)
class AttributionScores:
    """A graph's attributions scored against brat annotations: the figures (properties),
    the counts behind them, and every miss, spurious statement and wrong cue or source."""

    articles: int
    gold_attributions: int
    predicted: int
    matched: int
    cue_right: int
    source_right: int
    all_right: int
    missed: tuple[Attribution, ...] = ()
    spurious: tuple[Attribution, ...] = ()
    mismatched: tuple[AttributionMismatch, ...] = ()

    @property
    def content_precision(self) -> float:
        return round(self.matched / max(1, self.predicted), _DIGITS)

    @property
    def content_recall(self) -> float:
        return round(self.matched / max(1, self.gold_attributions), _DIGITS)

    @property
    def content_f1(self) -> float:
        return _f1(self.matched, self.predicted, self.gold_attributions)

    @property
    def cue_accuracy(self) -> float:
        return round(self.cue_right / max(1, self.matched), _DIGITS)

    @property
    def source_accuracy(self) -> float:
        return round(self.source_right / max(1, self.matched), _DIGITS)

    @property
    def attribution_f1(self) -> float:
        return _f1(self.all_right, self.predicted, self.gold_attributions)

    def figures(self) -> dict[str, Any]:
        """The figures by the names ``polnear_score.py`` gives them, in its order."""
        return {
            "articles": self.articles,
            "gold_attributions": self.gold_attributions,
            "predicted": self.predicted,
            "content_precision": self.content_precision,
            "content_recall": self.content_recall,
            "content_f1": self.content_f1,
            "cue_accuracy": self.cue_accuracy,
            "source_accuracy": self.source_accuracy,
            "attribution_f1": self.attribution_f1,
        }


def _f1(hits: int, predicted: int, gold: int) -> float:
    p, r = hits / max(1, predicted), hits / max(1, gold)
    return round(2 * p * r / (p + r), _DIGITS) if p + r else 0.0


def overlap(a: Span, b: Span) -> int:
    """How many characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlap_ratio(a: Span, b: Span) -> float:
    """The characters two spans share over those either covers (0 when apart)."""
    return overlap(a, b) / max(1, max(a[1], b[1]) - min(a[0], b[0]))


# -- reading the gold -------------------------------------------------------------------
def read_brat(folder: str | Path) -> dict[str, Article]:
    """The annotated articles of a brat folder, by name."""
    folder = Path(folder)
    ann_dir = folder / "attributions" if (folder / "attributions").is_dir() else folder
    text_dir = folder / "text" if (folder / "text").is_dir() else ann_dir
    if not folder.is_dir():
        raise DocumentNotFoundError(f"{str(folder)!r} is not a folder of brat annotations")
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        chosen.setdefault(_article(ann, text_dir), ann)
    if not chosen:
        raise DocumentNotFoundError(f"{str(ann_dir)!r} holds no brat .ann file")
    gold = {}
    for name, ann in chosen.items():
        text_file = text_dir / f"{name}.txt"
        text = text_file.read_text(encoding="utf-8") if text_file.is_file() else ""
        gold[name] = Article(name, text, tuple(_with_text(a, text) for a in _read_ann(ann, name)))
    return gold


def _article(ann: Path, text_dir: Path) -> str:
    """The article an annotation file is of: its name, less a PolNeAR annotator suffix
    unless a text file has the full name."""
    if (text_dir / f"{ann.stem}.txt").is_file():
        return ann.stem
    return _ANNOTATOR.sub("", ann.stem)


def _read_ann(path: Path, doc: str) -> Iterator[Attribution]:
    lines = path.read_text(encoding="utf-8").splitlines()
    spans: dict[str, Span] = {}
    for lineno, line in enumerate(lines, 1):
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = _hull(offsets, f"{path}:{lineno}")
    for lineno, line in enumerate(lines, 1):
        if not line.startswith("E"):
            continue
        parts = line.split("\t")
        try:
            roles = dict(arg.split(":", 1) for arg in parts[1].split())
        except (IndexError, ValueError) as err:
            raise FormatError(f"{path}:{lineno}: not a brat event line: {line!r:.80}") from err
        content, cue = spans.get(roles.get("Content", "")), spans.get(roles.get("Cue", ""))
        if content is not None and cue is not None:
            yield Attribution(doc, content, cue, spans.get(roles.get("Source", "")))


def _hull(offsets: str, where: str) -> Span:
    """``"10 20;30 40"`` -> ``(10, 40)``."""
    numbers = [int(x) for x in _NUMBER.findall(offsets)]
    if len(numbers) < 2:
        raise FormatError(f"{where}: a brat span without offsets: {offsets!r:.80}")
    return min(numbers[0::2]), max(numbers[1::2])


def _with_text(a: Attribution, text: str) -> Attribution:
    if not text:
        return a
    return Attribution(a.doc, a.content, a.cue, a.source, text[a.content[0] : a.content[1]])


# -- reading the graph's statements --------------------------------------------------------
def read_statements(
    statements: Iterable[Mapping[str, Any]], docs: Iterable[str]
) -> dict[str, list[Attribution]]:
    """The statements of the articles ``docs`` with a content and a cue, by article."""
    wanted = set(docs)
    out: dict[str, list[Attribution]] = {}
    for i, s in enumerate(statements):
        doc = s.get("doc")
        if doc not in wanted or not s.get("content") or not s.get("cue"):
            continue
        where = f"statements[{i}]"
        source = s.get("source")
        out.setdefault(str(doc), []).append(
            Attribution(
                str(doc),
                _span(s["content"], f"{where}.content"),
                _span(s["cue"], f"{where}.cue"),
                _span(source, f"{where}.source") if source else None,
            )
        )
    return out


def _span(value: object, where: str) -> Span:
    if (
        isinstance(value, Sequence)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        return (value[0], value[1])
    raise FormatError(f"{where}: expected [start, end] (two whole numbers), not {value!r:.60}")


# -- scoring ---------------------------------------------------------------------------------
def _source_right(gold: Span | None, predicted: Span | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return overlap(gold, predicted) > 0


def _pairs(golds: Sequence[Attribution], preds: Sequence[Attribution]) -> list[tuple[int, int]]:
    """Matched (gold index, predicted index): best content overlap first, each once."""
    ranked = sorted(
        (
            (overlap_ratio(g.content, p.content), i, j)
            for i, g in enumerate(golds)
            for j, p in enumerate(preds)
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for ratio, i, j in ranked:
        if ratio < _MIN_RATIO or i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j))
    return out


def score_attributions(
    statements: Iterable[Mapping[str, Any]], gold: Mapping[str, Article]
) -> AttributionScores:
    """Score a graph's ``statements`` against the gold attributions of each article."""
    predicted = read_statements(statements, gold)
    matched = cue_right = source_right = all_right = 0
    missed: list[Attribution] = []
    spurious: list[Attribution] = []
    mismatched: list[AttributionMismatch] = []
    for doc, article in gold.items():
        golds = article.attributions
        preds = [_with_text(p, article.text) for p in predicted.get(doc, [])]
        pairs = _pairs(golds, preds)
        for i, j in pairs:
            g, p = golds[i], preds[j]
            cue = overlap(g.cue, p.cue) > 0
            source = _source_right(g.source, p.source)
            matched += 1
            cue_right += cue
            source_right += source
            all_right += cue and source
            if not (cue and source):
                mismatched.append(AttributionMismatch(g, p, cue, source))
        hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
        missed += [g for i, g in enumerate(golds) if i not in hit_g]
        spurious += [p for j, p in enumerate(preds) if j not in hit_p]
    return AttributionScores(
        articles=len(gold),
        gold_attributions=sum(len(a.attributions) for a in gold.values()),
        predicted=sum(len(v) for v in predicted.values()),
        matched=matched,
        cue_right=cue_right,
        source_right=source_right,
        all_right=all_right,
        missed=tuple(missed),
        spurious=tuple(spurious),
        mismatched=tuple(mismatched),
    )
