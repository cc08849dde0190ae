"""The frozen view of a Doc (kgraph.extract.context): DocIndex and DocContext, on hand-built
Docs (words, sentence starts and entities; no parse is needed)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from kgraph._model import Evidence
from kgraph.extract.context import DocContext, DocIndex, Posting, References, Role
from kgraph.extract.derive import doc_context
from kgraph.gazetteer import Gazetteer

from .handmade import mention, vocab

# "Pompeo met Lavrov on July 13.\n\n The 44-year-old envoy, aged 70, left last week.  Then
# he spoke." in three sentences, the second opening with a line break and a space
WORDS = [
    *("Pompeo", "met", "Lavrov", "on", "July", "13", ".", "\n\n"),
    *("The", "44-year-old", "envoy", ",", "aged", "70", ",", "left", "last", "week", ".", " "),
    *("Then", "he", "spoke", "."),
]
SPACES = [True, True, True, True, True, False, False, True]
SPACES += [True, True, False, True, True, False, True, True, True, False, True, False]
SPACES += [True, True, False, False]
STARTS = (0, 8, 20)
DATES = [(4, 6), (9, 10), (12, 14), (16, 18)]  # July 13, 44-year-old, aged 70, last week
TEXT = (
    "Pompeo met Lavrov on July 13.\n\n The 44-year-old envoy, aged 70, left last week.  "
    "Then he spoke."
)


def _doc(
    words: Sequence[str] = WORDS,
    spaces: Sequence[bool] = SPACES,
    starts: Sequence[int] = STARTS,
    dates: Sequence[tuple[int, int]] = DATES,
) -> Doc:
    iob = ["O"] * len(words)
    for start, end in dates:
        iob[start:end] = ["B-DATE"] + ["I-DATE"] * (end - start - 1)
    return Doc(
        vocab(),
        words=list(words),
        spaces=list(spaces),
        sent_starts=[i in starts for i in range(len(words))],
        ents=iob,
    )


def test_the_hand_built_doc_is_the_text() -> None:
    doc = _doc()
    assert doc.text == TEXT
    assert [s.start for s in doc.sents] == list(STARTS)


@pytest.mark.parametrize(
    ("token", "sentence"),
    [(0, 0), (6, 0), (7, 0), (8, 1), (19, 1), (20, 2), (23, 2)],
)
def test_sentence_index_and_sentence_of(token: int, sentence: int) -> None:
    doc = _doc()
    index = DocIndex.of(doc, doc_id="d", offset=0)
    assert index.starts == STARTS
    assert index.sentence_index(token) == sentence
    assert index.sentence_of(token) == doc[token].sent == index.sentences[sentence]


@pytest.mark.parametrize("offset", [0, 7, 1000])
def test_evidence_is_the_sentence_without_edge_whitespace_at_absolute_offsets(
    offset: int,
) -> None:
    document = "§" * offset + TEXT  # the Doc is a segment of the document at ``offset``
    index = DocIndex.of(_doc(), doc_id="d", offset=offset)
    expected = [
        "Pompeo met Lavrov on July 13.",
        "The 44-year-old envoy, aged 70, left last week.",
        "Then he spoke.",
    ]
    assert [ev.sentence for ev in index.evidence] == expected
    assert [document[ev.start : ev.end] for ev in index.evidence] == expected
    assert index.evidence[1].start == offset + TEXT.index("The 44")
    assert {ev.doc for ev in index.evidence} == {"d"}
    assert (index.doc_id, index.offset) == ("d", offset)


def test_an_all_whitespace_sentence_is_empty_evidence_not_inverted_offsets() -> None:
    # a Doc that opens with a line break: spaCy's first sentence is only that
    doc = _doc(["\n\n", "Pompeo", "spoke", "."], [False, True, False, False], (0, 1), ())
    index = DocIndex.of(doc, doc_id="d", offset=5)
    assert index.evidence == (Evidence("d", 7, 7, ""), Evidence("d", 7, 20, "Pompeo spoke."))


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, len(WORDS), ["July 13", "last week"]),  # ages are no dates
        (0, 8, ["July 13"]),
        (3, 6, ["July 13"]),
        (5, 8, []),  # "13": part of a date is none
        (4, 5, []),
        (8, 20, ["last week"]),
        (17, 20, []),
        (20, 24, []),
    ],
)
def test_dates_in(start: int, end: int, expected: list[str]) -> None:
    doc = _doc()
    index = DocIndex.of(doc, doc_id="d", offset=0)
    assert [d.text for d in index.dates] == ["July 13", "last week"]
    assert [d.text for d in index.dates_in(doc[start:end])] == expected


class _CountingDates(tuple[Span, ...]):
    """A tuple that counts how many of its items are read."""

    reads = 0

    def __getitem__(self, i: Any) -> Any:
        type(self).reads += 1
        return super().__getitem__(i)


def test_dates_in_walks_from_the_span_and_stops_after_it() -> None:
    n = 300
    words = [w for i in range(n) for w in (f"Day{i}", "passed", ".")]
    doc = _doc(
        words, [True, False, True] * n, range(0, 3 * n, 3), [(3 * i, 3 * i + 1) for i in range(n)]
    )
    index = DocIndex.of(doc, doc_id="d", offset=0)
    counted = dataclasses.replace(index, dates=_CountingDates(index.dates))
    _CountingDates.reads = 0
    assert [d.text for d in counted.dates_in(doc[450:456])] == ["Day150", "Day151"]
    assert _CountingDates.reads <= 3  # two inside, one past the end: not the other 298


def _context(offset: int = 0) -> tuple[Doc, DocContext]:
    doc = _doc()
    mentions = (
        mention(doc, 0, 1, "Person", offset=offset),
        mention(doc, 2, 3, "Person", offset=offset),
        mention(doc, 4, 6, "Location", offset=offset),  # a span of two tokens
    )
    return doc, DocContext.of(
        DocIndex.of(doc, doc_id="d", offset=offset), mentions, Gazetteer.default()
    )


@pytest.mark.parametrize(
    ("token", "text"),
    [
        (0, "Pompeo"),
        (1, None),
        (2, "Lavrov"),
        (4, "July 13"),
        (5, "July 13"),
        (6, None),
        (21, None),
    ],
)
def test_mention_at(token: int, text: str | None) -> None:
    doc, ctx = _context()
    found = ctx.mention_at(doc[token])
    assert (found.text if found else None) == text
    assert found is None or found in ctx.mentions


def test_ref_is_the_absolute_character_span() -> None:
    doc, ctx = _context(offset=40)
    lavrov = ctx.mentions[1]
    assert ctx.ref(lavrov) == "51:57" == f"{40 + doc[2].idx}:{40 + doc[2].idx + 6}"
    assert len({ctx.ref(m) for m in ctx.mentions}) == len(ctx.mentions)


def test_the_context_reads_its_index() -> None:
    doc, ctx = _context(offset=3)
    assert (ctx.doc_id, ctx.offset, ctx.sentences) == ("d", 3, ctx.index.sentences)
    assert ctx.evidence(doc[21:23]) == ctx.index.evidence[2]
    assert ctx.evidence(doc[8:9]).sentence.startswith("The 44")
    assert ctx.dates_in(doc[0:8]) == ctx.index.dates_in(doc[0:8])
    assert (ctx.roles, ctx.postings, ctx.statements, dict(ctx.references.links)) == ((), (), (), {})
    assert ctx.references.resolve(doc[21]) is None


def test_references_resolve_a_token() -> None:
    doc, ctx = _context()
    refs = References(MappingProxyType({21: ctx.mentions[0]}))
    assert refs.resolve(doc[21]) is ctx.mentions[0]
    assert refs.resolve(doc[20]) is None


def _records() -> list[tuple[object, str]]:
    _doc, ctx = _context()
    person, place = ctx.mentions[0], ctx.mentions[2]
    return [
        (ctx, "roles"),
        (ctx, "by_token"),
        (ctx.index, "evidence"),
        (ctx.index, "offset"),
        (Role(person, place, "envoy", False, 10), "role"),
        (Posting(person, place, "ambassador_to", 10), "country"),
        (ctx.references, "links"),
        (person, "text"),
    ]


@pytest.mark.parametrize(("record", "field"), _records())
def test_records_are_frozen(record: object, field: str) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, field, None)
    with pytest.raises((dataclasses.FrozenInstanceError, AttributeError, TypeError)):
        record.extra = 1  # type: ignore[attr-defined]  # slots: no new attributes either


def test_the_mappings_of_a_context_are_read_only() -> None:
    doc, base = _context()
    lavrov = base.mentions[1]
    derived = doc_context(
        doc, doc_id="d", offset=0, mentions=(lavrov,), gazetteer=Gazetteer.default()
    )
    assert derived.references.links == {21: lavrov}  # "he": the one person before it
    for mapping in (base.by_token, derived.by_token, derived.references.links):
        assert isinstance(mapping, MappingProxyType)
        with pytest.raises(TypeError):
            mapping[0] = base.mentions[0]  # type: ignore[index]


# -- property: evidence is the document's text at its offsets -----------------------------

_WORD = st.text(st.characters(codec="utf-8", exclude_categories=("Z", "C")), min_size=1, max_size=6)
_SPACE = st.sampled_from([" ", "\n", "\n\n", "\t", " \n "])


@st.composite
def _segments(draw: st.DrawFn) -> tuple[str, int, Doc]:
    """A document: some text, then a Doc of random words, blanks and sentence starts."""
    words = draw(st.lists(st.one_of(_WORD, _WORD, _WORD, _SPACE), min_size=1, max_size=25))
    spaces = [not w.isspace() and draw(st.booleans()) for w in words]
    starts = (
        [0, *draw(st.sets(st.integers(1, len(words) - 1), max_size=6))] if len(words) > 1 else [0]
    )
    doc = _doc(words, spaces, sorted(starts), ())
    prefix = draw(st.text(max_size=30))
    return prefix + doc.text + draw(st.text(max_size=10)), len(prefix), doc


@settings(max_examples=300, deadline=None)
@given(_segments())
def test_every_evidence_is_the_document_text_at_its_offsets(
    segment: tuple[str, int, Doc],
) -> None:
    document, offset, doc = segment
    index = DocIndex.of(doc, doc_id="d", offset=offset)
    assert len(index.evidence) == len(index.sentences) >= 1
    for ev, sent in zip(index.evidence, index.sentences, strict=True):
        assert offset + sent.start_char <= ev.start <= ev.end <= offset + sent.end_char
        assert document[ev.start : ev.end] == ev.sentence == sent.text.strip()
