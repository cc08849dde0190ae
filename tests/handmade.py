"""Hand-built spaCy Docs and entity mentions for rule tests that do not need the model.

A Doc is written as a table, one token a row: index, text, coarse tag (``pos_``), fine
tag (``tag_``), dependency label, head index and lemma, the way spaCy's English
pipeline parses the sentence.  ``\\n`` in a token's text stands for a line break.

>>> doc = make_doc(
...     "Lavrov spoke.",
...     '''
...     0 Lavrov PROPN NNP nsubj 1 Lavrov
...     1 spoke  VERB  VBD ROOT  1 speak
...     2 .      PUNCT .   punct 1 .
...     ''',
...     ents=[(0, 1, "PERSON")],
... )
>>> [t.dep_ for t in doc], doc[1].lemma_, [e.text for e in doc.ents]
(['nsubj', 'ROOT', 'punct'], 'speak', ['Lavrov'])
>>> mention(doc, 0, 1, "Person").text
'Lavrov'

A :class:`Text` holds the table with the mentions :func:`kgraph.extract.entities.
extract_mentions` would give (the Doc's entities are the mentions' spans, and the dates):

>>> doc, mentions = Text("Lavrov spoke.", "0 Lavrov PROPN NNP nsubj 0 Lavrov", (M(0, 1, "Person"),)
... ).parsed()
Traceback (most recent call last):
...
ValueError: the tokens give 'Lavrov ', not 'Lavrov spoke.'
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgraph.extract.context import DocContext, DocIndex
from kgraph.extract.entities import RawMention
from kgraph.gazetteer import Gazetteer

__all__ = ["M", "Text", "context", "make_doc", "mention", "vocab"]


@functools.cache
def vocab() -> Vocab:
    """An English vocabulary (``is_title``, ``like_num`` ... as the model has them)."""
    return spacy.blank("en").vocab


def make_doc(text: str, rows: str, *, ents: Sequence[tuple[int, int, str]] = ()) -> Doc:
    """The Doc of ``text`` parsed as ``rows`` say, with the entity spans ``ents``."""
    table = [line.split() for line in rows.strip().splitlines()]
    for number, row in enumerate(table):
        if len(row) != 7 or int(row[0]) != number:
            raise ValueError(f"row {number} of the table is not 'i text pos tag dep head lemma'")
    words = [row[1].replace("\\n", "\n") for row in table]
    iob = ["O"] * len(words)
    for start, end, label in ents:
        iob[start] = f"B-{label}"
        iob[start + 1 : end] = [f"I-{label}"] * (end - start - 1)
    doc = Doc(
        vocab(),
        words=words,
        spaces=_spaces(text, words),
        pos=[row[2] for row in table],
        tags=[row[3] for row in table],
        deps=[row[4] for row in table],
        heads=[int(row[5]) for row in table],
        lemmas=[row[6] for row in table],
        ents=iob,
    )
    if doc.text != text:
        raise ValueError(f"the tokens give {doc.text!r}, not {text!r}")
    return doc


def _spaces(text: str, words: list[str]) -> list[bool]:
    """Whether a space follows each word in ``text``."""
    spaces = []
    at = 0
    for word in words:
        if not text.startswith(word, at):
            raise ValueError(f"token {word!r} is not at offset {at} of {text!r}")
        at += len(word)
        space = text.startswith(" ", at)
        spaces.append(space)
        at += space
    return spaces


def mention(
    doc: Doc,
    start: int,
    end: int,
    type_: str,
    *,
    gid: str | None = None,
    ner: str | None = None,
    title: str = "",
    demonym: bool = False,
    subtype: str | None = None,
    offset: int = 0,
) -> RawMention:
    """The mention of tokens ``start:end``, as ``extract_mentions`` gives it (the canonical
    name of a gazetteer entity from the gazetteer)."""
    span = doc[start:end]
    labels = {"Person": "PERSON", "Country": "GPE", "Location": "GPE"}
    canonical = Gazetteer.default().by_id(gid).canonical if gid else None
    return RawMention(
        start=offset + span.start_char,
        end=offset + span.end_char,
        text=span.text,
        ner=ner or ("NORP" if demonym else labels.get(type_, "ORG")),
        sentence=span.sent.text.strip(),
        type=type_,
        gid=gid,
        canonical=canonical,
        demonym=demonym,
        subtype=subtype,
        tok_start=start,
        tok_end=end,
        title=title,
    )


def context(doc: Doc, mentions: Sequence[RawMention], *, offset: int = 0) -> DocContext:
    """The context of ``doc`` with ``mentions`` and nothing derived yet (no roles, no
    references): what :func:`kgraph.extract.roles.find_roles` reads."""
    index = DocIndex.of(doc, doc_id="t", offset=offset)
    return DocContext.of(index, tuple(mentions), Gazetteer.default())


_NER: dict[str, str] = {"Person": "PERSON", "Country": "GPE", "Location": "GPE"}


@dataclass(frozen=True, slots=True)
class M:
    """A mention to make: tokens ``start:end`` of ``type`` (see :func:`mention`)."""

    start: int
    end: int
    type: str
    gid: str | None = None
    title: str = ""
    ner: str | None = None
    demonym: bool = False
    subtype: str | None = None

    @property
    def label(self) -> str:
        return self.ner or ("NORP" if self.demonym else _NER.get(self.type, "ORG"))


@dataclass(frozen=True, slots=True)
class Text:
    """A hand-parsed text: the table of :func:`make_doc`, its mentions and its dates."""

    text: str
    rows: str
    mentions: tuple[M, ...] = ()
    dates: tuple[tuple[int, int], ...] = ()

    def parsed(self, *, offset: int = 0) -> tuple[Doc, tuple[RawMention, ...]]:
        """The Doc (entities: the mentions but bylines, and the dates) and the mentions."""
        ents = [(m.start, m.end, m.label) for m in self.mentions if m.label != "BYLINE"]
        ents += [(start, end, "DATE") for start, end in self.dates]
        doc = make_doc(self.text, self.rows, ents=sorted(ents))
        made = tuple(
            mention(
                doc,
                m.start,
                m.end,
                m.type,
                gid=m.gid,
                ner=m.label,
                title=m.title,
                demonym=m.demonym,
                subtype=m.subtype,
                offset=offset,
            )
            for m in self.mentions
        )
        return doc, made

    def context(self, *, offset: int = 0) -> tuple[Doc, DocContext]:
        """The Doc and its context with nothing derived yet (see :func:`context`)."""
        doc, made = self.parsed(offset=offset)
        return doc, context(doc, made, offset=offset)
