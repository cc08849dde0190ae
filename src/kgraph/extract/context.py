"""What extractors read besides the Doc: a frozen view of one Doc, derived once.

A :class:`DocContext` holds everything kgraph derives from a parsed Doc before
any extractor runs: the entity mentions and the token index over them, the
sentences and the evidence of each, the date entities, the roles people hold
(:mod:`kgraph.extract.roles`), the ambassadors posted to a country, what
pronouns and definite descriptions refer to (:mod:`kgraph.extract.coref`), and
who said what (``statements``: the attributions of the Doc, whose content facts
are not asserted).
Extractors only read it, so they give the same records whichever of them run
and in whatever order (see :func:`kgraph.extract.derive.doc_context`).

>>> from kgraph.extract.context import References
>>> References({}).resolve  # doctest: +ELLIPSIS
<bound method References.resolve of References(links=...)>
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from kgraph._model import Evidence, StatementRecord
from kgraph.extract.entities import RawMention
from kgraph.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kgraph.gazetteer import Gazetteer

__all__ = ["DocContext", "DocIndex", "Posting", "References", "Role"]

#: an age is no date: "a 44-year-old Russian", "aged 70"
_AGE: Final = re.compile(r"\byears?[- ]old\b|\bage[ds]?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Role:
    """A role a person holds: ``"foreign minister"`` of an organisation or country."""

    person: RawMention
    org: RawMention | None
    role: str
    former: bool
    token: int


@dataclass(frozen=True, slots=True)
class Posting:
    """A person posted to a country: ``ambassador_to`` ("the U.S. ambassador to Russia")."""

    person: RawMention
    country: RawMention
    predicate: str
    token: int


@dataclass(frozen=True, slots=True)
class References:
    """Token index -> the mention a pronoun or a definite description refers to."""

    links: Mapping[int, RawMention]

    def resolve(self, token: Token) -> RawMention | None:
        """The mention ``token`` refers to, if any."""
        return self.links.get(token.i)


@dataclass(frozen=True, slots=True)
class DocIndex:
    """What the Doc alone gives, found once: sentences, their evidence, date entities."""

    doc_id: str
    offset: int
    sentences: tuple[Span, ...]
    starts: tuple[int, ...]
    evidence: tuple[Evidence, ...]
    dates: tuple[Span, ...]
    date_starts: tuple[int, ...]
    published: str | None = None
    text: str = ""

    @classmethod
    def of(cls, doc: Doc, *, doc_id: str, offset: int, published: str | None = None) -> DocIndex:
        """Index ``doc``, a segment of document ``doc_id`` starting at character ``offset``
        (``published``: the document's publication date, that relative dates are read
        against)."""
        sents = tuple(doc.sents)
        text = doc_text(doc)
        dates = tuple(e for e in doc.ents if e.label_ == "DATE" and not _AGE.search(e.text))
        return cls(
            doc_id,
            offset,
            sents,
            tuple(sent.start for sent in sents),
            tuple(_sentence_evidence(sent, text, doc_id, offset) for sent in sents),
            dates,
            tuple(e.start for e in dates),
            published,
            text,
        )

    def sentence_index(self, token: int) -> int:
        """The index of the sentence holding token ``token``."""
        return bisect.bisect_right(self.starts, token) - 1

    def sentence_of(self, token: int) -> Span:
        """The sentence of a token (``Span.sent`` searches the Doc each time)."""
        return self.sentences[self.sentence_index(token)]

    def dates_in(self, span: Span) -> list[Span]:
        """The DATE entities inside ``span`` ("on July 13", "last week")."""
        out = []
        for i in range(bisect.bisect_left(self.date_starts, span.start), len(self.dates)):
            date = self.dates[i]
            if date.start >= span.end:
                break
            if date.end <= span.end:
                out.append(date)
        return out


def _sentence_evidence(sent: Span, full: str, doc_id: str, offset: int) -> Evidence:
    """The sentence as evidence: its offsets without the whitespace spaCy keeps at its edges
    (a sentence of whitespace only, a Doc's opening line break, is empty at its end);
    ``full`` is the Doc's text, which ``sent.text`` would rebuild token by token."""
    text = full[sent.start_char : sent.end_char]
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip()) if lead < len(text) else 0
    return Evidence(
        doc_id, offset + sent.start_char + lead, offset + sent.end_char - trail, text.strip()
    )


@dataclass(frozen=True, slots=True)
class DocContext:
    """A frozen view of one parsed Doc for extractors (see the module docstring).

    ``offset`` is the Doc's character offset in the document; ``mentions`` are
    the entity mentions of this Doc (absolute offsets); a record refers to a
    mention by :meth:`ref`.
    """

    index: DocIndex
    mentions: tuple[RawMention, ...]
    gazetteer: Gazetteer
    roles: tuple[Role, ...] = ()
    postings: tuple[Posting, ...] = ()
    references: References = field(default_factory=lambda: References(MappingProxyType({})))
    statements: tuple[StatementRecord, ...] = ()
    by_token: Mapping[int, RawMention] = field(default_factory=lambda: MappingProxyType({}))
    by_ref: Mapping[str, RawMention] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(
        cls, index: DocIndex, mentions: tuple[RawMention, ...], gazetteer: Gazetteer
    ) -> DocContext:
        """A context with the mentions indexed by token, nothing else derived yet."""
        by_token = {i: m for m in mentions for i in range(m.tok_start, m.tok_end)}
        by_ref = {f"{m.start}:{m.end}": m for m in mentions}
        return cls(
            index,
            mentions,
            gazetteer,
            by_token=MappingProxyType(by_token),
            by_ref=MappingProxyType(by_ref),
        )

    @property
    def doc_id(self) -> str:
        return self.index.doc_id

    @property
    def offset(self) -> int:
        return self.index.offset

    @property
    def sentences(self) -> tuple[Span, ...]:
        return self.index.sentences

    def ref(self, mention: RawMention) -> str:
        """The reference a record uses for an entity mention: ``"start:end"``."""
        return f"{mention.start}:{mention.end}"

    def mention(self, ref: str | None) -> RawMention | None:
        """The mention a record's reference names, if any."""
        return None if ref is None else self.by_ref.get(ref)

    def mention_at(self, token: Token) -> RawMention | None:
        """The mention covering ``token``, if any."""
        return self.by_token.get(token.i)

    def evidence(self, span: Span) -> Evidence:
        """Evidence for a fact stated in ``span``'s sentence."""
        return self.index.evidence[self.index.sentence_index(span.start)]

    def dates_in(self, span: Span) -> list[Span]:
        """The DATE entities inside ``span``."""
        return self.index.dates_in(span)
