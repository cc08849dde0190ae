"""Modality rules on hand-built parses (the model is not the point): negation, hedges,
demands, plans, reports -- from the statement layer when a Doc has statements, from the
small said/according-to fallback when it has none."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest
import spacy
from spacy.tokens import Doc, Token

from kgraph._model import Evidence, StatementRecord
from kgraph.extract.context import DocContext, DocIndex
from kgraph.extract.entities import RawMention
from kgraph.extract.modality import Modality, modality_of
from kgraph.gazetteer import Gazetteer

#: (word, lemma, pos, tag, dep, head index) per token
Row = tuple[str, str, str, str, str, int]


@cache
def _vocab() -> spacy.vocab.Vocab:
    return spacy.blank("en").vocab


def _doc(rows: list[Row]) -> Doc:
    words, lemmas, pos, tags, deps, heads = (list(col) for col in zip(*rows, strict=True))
    return Doc(_vocab(), words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads)


def _context(doc: Doc, names: dict[int, str]) -> DocContext:
    """A context whose mentions are the one-token names at the given token indices."""
    mentions = tuple(
        RawMention(
            doc[i].idx,
            doc[i].idx + len(doc[i]),
            doc[i].text,
            "GPE",
            doc.text,
            kind,
            tok_start=i,
            tok_end=i + 1,
        )
        for i, kind in names.items()
    )
    return DocContext.of(DocIndex.of(doc, doc_id="d", offset=0), mentions, Gazetteer.default())


def _of(doc: Doc, ctx: DocContext, verb: str) -> Modality:
    token: Token = next(t for t in doc if t.text == verb)
    return modality_of(token, doc[:], ctx)


# "Russia urged Iran to attack Israel ."
URGED: list[Row] = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
    ("urged", "urge", "VERB", "VBD", "ROOT", 1),
    ("Iran", "Iran", "PROPN", "NNP", "dobj", 1),
    ("to", "to", "PART", "TO", "aux", 4),
    ("attack", "attack", "VERB", "VB", "xcomp", 1),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]
# "Russia plans to attack Israel ."
PLANS: list[Row] = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
    ("plans", "plan", "VERB", "VBZ", "ROOT", 1),
    ("to", "to", "PART", "TO", "aux", 3),
    ("attack", "attack", "VERB", "VB", "xcomp", 1),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]
# "Russia refused to attack Israel ."
REFUSED: list[Row] = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
    ("refused", "refuse", "VERB", "VBD", "ROOT", 1),
    ("to", "to", "PART", "TO", "aux", 3),
    ("attack", "attack", "VERB", "VB", "xcomp", 1),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]
# "Russia did not attack Israel or shell Gaza ."
NOT_OR: list[Row] = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 3),
    ("did", "do", "AUX", "VBD", "aux", 3),
    ("not", "not", "PART", "RB", "neg", 3),
    ("attack", "attack", "VERB", "VB", "ROOT", 3),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 3),
    ("or", "or", "CCONJ", "CC", "cc", 3),
    ("shell", "shell", "VERB", "VB", "conj", 3),
    ("Gaza", "Gaza", "PROPN", "NNP", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 3),
]
# "Russia may attack Israel ?"
MAY_QUESTION: list[Row] = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 2),
    ("may", "may", "AUX", "MD", "aux", 2),
    ("attack", "attack", "VERB", "VB", "ROOT", 2),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 2),
    ("?", "?", "PUNCT", ".", "punct", 2),
]
# "Iran said Russia attacked Israel ."
SAID: list[Row] = [
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
    ("said", "say", "VERB", "VBD", "ROOT", 1),
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 3),
    ("attacked", "attack", "VERB", "VBD", "ccomp", 1),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]
# "According to Iran , Russia attacked Israel ."
ACCORDING: list[Row] = [
    ("According", "accord", "VERB", "VBG", "prep", 5),
    ("to", "to", "ADP", "IN", "prep", 0),
    ("Iran", "Iran", "PROPN", "NNP", "pobj", 1),
    (",", ",", "PUNCT", ",", "punct", 5),
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 5),
    ("attacked", "attack", "VERB", "VBD", "ROOT", 5),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 5),
]
# "Russia was to attack Israel ."
WAS_TO: list[Row] = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
    ("was", "be", "AUX", "VBD", "ROOT", 1),
    ("to", "to", "PART", "TO", "aux", 3),
    ("attack", "attack", "VERB", "VB", "xcomp", 1),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]
# "Russia must attack Israel ."
MUST: list[Row] = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 2),
    ("must", "must", "AUX", "MD", "aux", 2),
    ("attack", "attack", "VERB", "VB", "ROOT", 2),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 2),
    (".", ".", "PUNCT", ".", "punct", 2),
]
# "Russia must have attacked Israel ."
MUST_HAVE: list[Row] = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 3),
    ("must", "must", "AUX", "MD", "aux", 3),
    ("have", "have", "AUX", "VB", "aux", 3),
    ("attacked", "attack", "VERB", "VBN", "ROOT", 3),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]
# "Should Russia attack Israel , Iran will respond ."
SHOULD_IF: list[Row] = [
    ("Should", "should", "AUX", "MD", "aux", 2),
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 2),
    ("attack", "attack", "VERB", "VB", "advcl", 7),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 2),
    (",", ",", "PUNCT", ",", "punct", 7),
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 7),
    ("will", "will", "AUX", "MD", "aux", 7),
    ("respond", "respond", "VERB", "VB", "ROOT", 7),
    (".", ".", "PUNCT", ".", "punct", 7),
]
COUNTRIES = {"Russia", "Iran", "Israel", "Gaza"}


def _names(rows: list[Row]) -> dict[int, str]:
    return {i: "Country" for i, row in enumerate(rows) if row[0] in COUNTRIES}


@pytest.mark.parametrize(
    ("rows", "verb", "expected"),
    [
        pytest.param(URGED, "attack", Modality(demanded=True), id="urged-to"),
        pytest.param(URGED, "urged", Modality(), id="the-urging-itself-is-asserted"),
        pytest.param(PLANS, "attack", Modality(planned=True), id="plans-to"),
        pytest.param(REFUSED, "attack", Modality(negated=True), id="refused-to"),
        pytest.param(NOT_OR, "attack", Modality(negated=True), id="did-not"),
        pytest.param(NOT_OR, "shell", Modality(negated=True), id="did-not-x-or-y"),
        pytest.param(MAY_QUESTION, "attack", Modality(hedge="may"), id="may"),
        pytest.param(WAS_TO, "attack", Modality(planned=True), id="was-to"),
        pytest.param(MUST, "attack", Modality(demanded=True), id="must-is-an-obligation"),
        pytest.param(MUST_HAVE, "attacked", Modality(hedge="must"), id="must-have-is-a-guess"),
        pytest.param(SHOULD_IF, "attack", Modality(hedge="if"), id="should-before-its-subject"),
    ],
)
def test_modality_of_a_clause(rows: list[Row], verb: str, expected: Modality) -> None:
    doc = _doc(rows)
    assert _of(doc, _context(doc, _names(rows)), verb) == expected


def test_a_question_is_hedged() -> None:
    rows = [r if r[0] != "may" else ("will", "will", "AUX", "MD", "aux", 2) for r in MAY_QUESTION]
    doc = _doc(rows)
    found = _of(doc, _context(doc, _names(rows)), "attack")
    assert found.hedge == "whether" and found.planned and not found.asserted


@pytest.mark.parametrize("rows", [SAID, ACCORDING], ids=["said", "according-to"])
def test_the_fallback_reports_a_said_clause_and_according_to(rows: list[Row]) -> None:
    doc = _doc(rows)
    ctx = _context(doc, _names(rows))
    found = _of(doc, ctx, "attacked")
    iran = next(m for m in ctx.mentions if m.text == "Iran")
    assert found.reported and not found.asserted
    assert found.according_to == ctx.ref(iran)


def _statement(doc: Doc, speaker: str | None, start: int, end: int) -> StatementRecord:
    ev = Evidence("d", 0, len(doc.text), doc.text)
    return StatementRecord(speaker, None, False, (0, 1), (start, end), None, "indirect", (), ev)


def test_a_verb_inside_a_statement_is_reported_by_its_speaker() -> None:
    doc = _doc(SAID)
    ctx = _context(doc, _names(SAID))
    content = doc[2:5]  # "Russia attacked Israel"
    speaker = "100:104"  # a reference the statement layer resolved, whatever it is
    with_statement = replace(
        ctx, statements=(_statement(doc, speaker, content.start_char, content.end_char),)
    )
    found = _of(doc, with_statement, "attacked")
    assert found.reported and found.according_to == speaker


def test_the_statement_layer_replaces_the_fallback() -> None:
    doc = _doc(SAID)
    ctx = _context(doc, _names(SAID))
    # the Doc has statements, none of them holds "attacked": the fallback stays silent
    elsewhere = replace(ctx, statements=(_statement(doc, None, 0, 4),))
    assert _of(doc, elsewhere, "attacked") == Modality()


def test_the_innermost_statement_wins() -> None:
    doc = _doc(SAID)
    ctx = _context(doc, _names(SAID))
    outer = _statement(doc, "1:2", 0, len(doc.text))
    inner = _statement(doc, "3:4", doc[2].idx, doc[4].idx + len(doc[4]))
    found = _of(doc, replace(ctx, statements=(outer, inner)), "attacked")
    assert found.according_to == "3:4"


@pytest.mark.parametrize(
    ("modality", "attrs"),
    [
        (Modality(), []),
        (Modality(negated=True), [("negated", True)]),
        (
            Modality(hedge="may", date="Friday"),
            [("hedged", True), ("hedge", "may"), ("asserted", False), ("date", "Friday")],
        ),
        (
            Modality(reported=True, according_to="1:2"),
            [("reported", True), ("asserted", False)],
        ),
        (Modality(demanded=True), [("demanded", True), ("asserted", False)]),
    ],
)
def test_modality_as_record_attributes(
    modality: Modality, attrs: list[tuple[str, str | bool]]
) -> None:
    assert modality.attrs() == attrs
    assert modality.asserted is not any(name == "asserted" for name, _v in attrs)


def _stated(doc: Doc, cue: str, kind: str, speaker: str | None = "1:2") -> StatementRecord:
    """A statement over the whole Doc, with the cue word ``cue``."""
    tok = next(t for t in doc if t.text == cue)
    ev = Evidence("d", 0, len(doc.text), doc.text)
    span = (tok.idx, tok.idx + len(tok))
    return StatementRecord(speaker, None, False, span, (0, len(doc.text)), None, kind, (), ev)


def test_the_act_of_saying_is_no_part_of_what_it_reports() -> None:
    # a quote split around its cue ('"...," Iran said. "..."') has content on both sides
    doc = _doc(SAID)
    ctx = replace(_context(doc, _names(SAID)), statements=(_stated(doc, "said", "direct"),))
    assert _of(doc, ctx, "said") == Modality()
    assert _of(doc, ctx, "attacked").reported


# "Photos : Russia attacked Israel ."
CAPTION: list[Row] = [
    ("Photos", "photo", "NOUN", "NNS", "ROOT", 0),
    (":", ":", "PUNCT", ":", "punct", 0),
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 3),
    ("attacked", "attack", "VERB", "VBD", "appos", 0),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 0),
]
# "Imagine Russia attacked Israel ."
IMAGINE: list[Row] = [
    ("Imagine", "imagine", "VERB", "VB", "ROOT", 0),
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 2),
    ("attacked", "attack", "VERB", "VBD", "ccomp", 0),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 2),
    (".", ".", "PUNCT", ".", "punct", 0),
]
# "Russia sought to attack Israel ."
SOUGHT: list[Row] = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
    ("sought", "seek", "VERB", "VBD", "ROOT", 1),
    ("to", "to", "PART", "TO", "aux", 3),
    ("attack", "attack", "VERB", "VB", "xcomp", 1),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]


@pytest.mark.parametrize(
    ("rows", "cue", "kind", "speaker", "verb", "expected"),
    [
        pytest.param(CAPTION, ":", "indirect", None, "attacked", Modality(), id="caption-colon"),
        pytest.param(
            IMAGINE, "Imagine", "belief", None, "attacked", Modality(hedge="imagine"), id="imagine"
        ),
        pytest.param(
            SOUGHT, "sought", "belief", "1:2", "attack", Modality(planned=True), id="intention"
        ),
        pytest.param(
            CAPTION,
            ":",
            "indirect",
            "1:2",
            "attacked",
            Modality(reported=True, according_to="1:2"),
            id="a-named-speaker-and-a-colon",
        ),
    ],
)
def test_statements_that_report_nothing(
    rows: list[Row], cue: str, kind: str, speaker: str | None, verb: str, expected: Modality
) -> None:
    doc = _doc(rows)
    ctx = replace(_context(doc, _names(rows)), statements=(_stated(doc, cue, kind, speaker),))
    assert _of(doc, ctx, verb) == expected


# "If Iran attacks , Russia will attack Israel ."
CONDITIONAL: list[Row] = [
    ("If", "if", "SCONJ", "IN", "mark", 2),
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 2),
    ("attacks", "attack", "VERB", "VBZ", "advcl", 6),
    (",", ",", "PUNCT", ",", "punct", 6),
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 6),
    ("will", "will", "AUX", "MD", "aux", 6),
    ("strike", "strike", "VERB", "VB", "ROOT", 6),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 6),
]
# "Iran said Russia would attack Israel ."
WOULD: list[Row] = [
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
    ("said", "say", "VERB", "VBD", "ROOT", 1),
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 4),
    ("would", "would", "AUX", "MD", "aux", 4),
    ("attack", "attack", "VERB", "VB", "ccomp", 1),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]
# "Iran may attack Gaza and Russia attacked Israel ."
OWN_CLAUSE: list[Row] = [
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 2),
    ("may", "may", "AUX", "MD", "aux", 2),
    ("attack", "attack", "VERB", "VB", "ROOT", 2),
    ("Gaza", "Gaza", "PROPN", "NNP", "dobj", 2),
    ("and", "and", "CCONJ", "CC", "cc", 2),
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 6),
    ("attacked", "attack", "VERB", "VBD", "conj", 2),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 2),
]


@pytest.mark.parametrize(
    ("rows", "verb", "expected"),
    [
        pytest.param(CONDITIONAL, "strike", Modality(hedge="if"), id="a-condition-no-plan"),
        pytest.param(CONDITIONAL, "attacks", Modality(hedge="if"), id="the-condition-itself"),
        pytest.param(OWN_CLAUSE, "attacked", Modality(), id="a-hedge-of-another-clause"),
        pytest.param(OWN_CLAUSE, "attack", Modality(hedge="may"), id="the-hedge-of-its-own"),
    ],
)
def test_the_hedges_of_a_clause_are_its_own(rows: list[Row], verb: str, expected: Modality) -> None:
    doc = _doc(rows)
    assert _of(doc, _context(doc, _names(rows)), verb) == expected


def test_would_in_what_someone_said_is_the_future_in_the_past() -> None:
    doc = _doc(WOULD)
    ctx = _context(doc, _names(WOULD))
    found = _of(doc, ctx, "attack")
    assert found.planned and found.hedge is None and found.reported


# "Russia did n't attack Israel ." with the negation hung off the auxiliary as punctuation
NEG_ON_AUX: list[Row] = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 3),
    ("did", "do", "AUX", "VBD", "aux", 3),
    ("n\u2019t", "not", "PART", "RB", "punct", 1),
    ("attack", "attack", "VERB", "VB", "ROOT", 3),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]
# "Russia has yet to attack Israel ."
YET_TO: list[Row] = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
    ("has", "have", "VERB", "VBZ", "ROOT", 1),
    ("yet", "yet", "ADV", "RB", "advmod", 1),
    ("to", "to", "PART", "TO", "aux", 4),
    ("attack", "attack", "VERB", "VB", "xcomp", 1),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]
# "Russia went to Gaza to attack Israel ."
WENT_TO: list[Row] = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
    ("went", "go", "VERB", "VBD", "ROOT", 1),
    ("to", "to", "ADP", "IN", "prep", 1),
    ("Gaza", "Gaza", "PROPN", "NNP", "pobj", 2),
    ("to", "to", "PART", "TO", "aux", 5),
    ("attack", "attack", "VERB", "VB", "advcl", 1),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]
# "Russia tapped Iran to attack Israel ."
TAPPED: list[Row] = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
    ("tapped", "tap", "VERB", "VBD", "ROOT", 1),
    ("Iran", "Iran", "PROPN", "NNP", "dobj", 1),
    ("to", "to", "PART", "TO", "aux", 4),
    ("attack", "attack", "VERB", "VB", "xcomp", 1),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]
# "Russia managed to attack Israel ."
MANAGED: list[Row] = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
    ("managed", "manage", "VERB", "VBD", "ROOT", 1),
    ("to", "to", "PART", "TO", "aux", 3),
    ("attack", "attack", "VERB", "VB", "xcomp", 1),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]


@pytest.mark.parametrize(
    ("rows", "verb", "expected"),
    [
        pytest.param(NEG_ON_AUX, "attack", Modality(negated=True), id="didn't-on-the-aux"),
        pytest.param(YET_TO, "attack", Modality(negated=True), id="has-yet-to"),
        pytest.param(WENT_TO, "attack", Modality(planned=True), id="purpose-infinitive"),
        pytest.param(WENT_TO, "went", Modality(), id="the-going-is-asserted"),
        pytest.param(TAPPED, "attack", Modality(planned=True), id="tapped-x-to"),
        pytest.param(MANAGED, "attack", Modality(), id="managed-to-is-done"),
    ],
)
def test_negations_and_purposes(rows: list[Row], verb: str, expected: Modality) -> None:
    doc = _doc(rows)
    assert _of(doc, _context(doc, _names(rows)), verb) == expected


# "Iran said Israel , which attacked Gaza , is weak ."
SAID_ASIDE: list[Row] = [
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
    ("said", "say", "VERB", "VBD", "ROOT", 1),
    ("Israel", "Israel", "PROPN", "NNP", "nsubj", 8),
    (",", ",", "PUNCT", ",", "punct", 2),
    ("which", "which", "PRON", "WDT", "nsubj", 5),
    ("attacked", "attack", "VERB", "VBD", "relcl", 2),
    ("Gaza", "Gaza", "PROPN", "NNP", "dobj", 5),
    (",", ",", "PUNCT", ",", "punct", 2),
    ("is", "be", "AUX", "VBZ", "ccomp", 1),
    ("weak", "weak", "ADJ", "JJ", "acomp", 8),
    (".", ".", "PUNCT", ".", "punct", 1),
]


@pytest.mark.parametrize("layer", [False, True], ids=["fallback", "statement-layer"])
def test_a_relative_clause_on_a_name_is_the_writers_aside(layer: bool) -> None:
    doc = _doc(SAID_ASIDE)
    ctx = _context(doc, _names(SAID_ASIDE))
    if layer:
        content = doc[2:10]  # "Israel , which attacked Gaza , is weak"
        record = _statement(doc, "0:4", content.start_char, content.end_char)
        ctx = replace(ctx, statements=(record,))
    assert _of(doc, ctx, "attacked") == Modality()
    assert _of(doc, ctx, "is").reported


def _when(tense: str, aux: str) -> list[Row]:
    """ "When Russia attacks Israel , Iran will respond ." in the tense and auxiliary given."""
    word, tag = ("attacks", "VBZ") if tense == "present" else ("attacked", "VBD")
    return [
        ("When", "when", "SCONJ", "WRB", "advmod", 2),
        ("Russia", "Russia", "PROPN", "NNP", "nsubj", 2),
        (word, "attack", "VERB", tag, "advcl", 7),
        ("Israel", "Israel", "PROPN", "NNP", "dobj", 2),
        (",", ",", "PUNCT", ",", "punct", 7),
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 7),
        (aux, aux, "AUX", "MD", "aux", 7),
        ("respond", "respond", "VERB", "VB", "ROOT", 7),
        (".", ".", "PUNCT", ".", "punct", 7),
    ]


@pytest.mark.parametrize(
    ("tense", "aux", "expected"),
    [
        pytest.param("present", "will", Modality(hedge="when"), id="when-x-happens-y-will"),
        pytest.param("past", "did", Modality(), id="when-x-happened"),
    ],
)
def test_a_clause_of_time_to_come_is_no_fact(tense: str, aux: str, expected: Modality) -> None:
    rows = _when(tense, aux)
    doc = _doc(rows)
    assert _of(doc, _context(doc, _names(rows)), rows[2][0]) == expected


# "Iran was not charged with attacking Israel ."
CHARGED: list[Row] = [
    ("Iran", "Iran", "PROPN", "NNP", "nsubjpass", 3),
    ("was", "be", "AUX", "VBD", "auxpass", 3),
    ("not", "not", "PART", "RB", "neg", 3),
    ("charged", "charge", "VERB", "VBN", "ROOT", 3),
    ("with", "with", "ADP", "IN", "prep", 3),
    ("attacking", "attack", "VERB", "VBG", "pcomp", 4),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def _blame(verb: str, lemma: str) -> list[Row]:
    """ "Russia <verb> Iran of/for attacking Israel ." """
    prep = "for" if lemma in ("criticize", "condemn", "blame") else "of"
    return [
        ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
        (verb, lemma, "VERB", "VBD", "ROOT", 1),
        ("Iran", "Iran", "PROPN", "NNP", "dobj", 1),
        (prep, prep, "ADP", "IN", "prep", 1),
        ("attacking", "attack", "VERB", "VBG", "pcomp", 3),
        ("Israel", "Israel", "PROPN", "NNP", "dobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]


@pytest.mark.parametrize(
    ("rows", "speaker", "reported"),
    [
        pytest.param(CHARGED, None, True, id="not-charged-with: no one's claim, not the text's"),
        pytest.param(_blame("accused", "accuse"), "Russia", True, id="accused-of"),
        pytest.param(_blame("suspected", "suspect"), "Russia", True, id="suspected-of"),
        pytest.param(_blame("blamed", "blame"), "Russia", True, id="blamed-for"),
        pytest.param(_blame("criticized", "criticize"), None, False, id="criticized-for: given"),
        pytest.param(_blame("condemned", "condemn"), None, False, id="condemned-for: given"),
    ],
)
def test_what_a_verb_of_blame_claims_is_not_asserted(
    rows: list[Row], speaker: str | None, reported: bool
) -> None:
    """With the statement layer on (a statement elsewhere in the Doc), the act one is charged
    with, accused or suspected of is the blamer's claim; what one is criticized for is given."""
    doc = _doc(rows)
    ctx = _context(doc, _names(rows))
    layer = replace(ctx, statements=(_statement(doc, None, 0, 1),))
    found = _of(doc, layer, "attacking")
    assert found.reported is reported and found.asserted is not reported
    mention = next((m for m in ctx.mentions if m.text == speaker), None)
    assert found.according_to == (None if mention is None else ctx.ref(mention))
