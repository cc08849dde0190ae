"""Extraction: pure functions over parsed Docs that yield records.

Built-in extractors find entity mentions (:mod:`.entities`), relations and
roles (:mod:`.relations`) and allegations (:mod:`.allegations`).  Users add
their own through the :class:`Extractor` protocol: any callable that takes a
Doc and an :class:`ExtractionContext` and yields
:class:`~kgraph._model.RelationRecord` or :class:`~kgraph._model.AllegationRecord`
values whose entity references are mention offsets (``"start:end"``, see
:meth:`ExtractionContext.ref`).

>>> from kgraph.extract import Extractor
>>> class Nothing:
...     name = "nothing"
...     def __call__(self, doc, context):
...         return iter(())
>>> isinstance(Nothing(), Extractor)
True
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from kgraph._model import AllegationRecord, DocResult, Document, RelationRecord
from kgraph.extract.entities import RawMention, extract_mentions

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from kgraph.gazetteer import Gazetteer
    from kgraph.ingest import Prepared

__all__ = [
    "ExtractionContext",
    "Extractor",
    "default_extractors",
    "extract_document",
    "run_pipeline",
]

log = logging.getLogger("kgraph.extract")


@dataclass
class ExtractionContext:
    """What an extractor may use besides the Doc: the document and its mentions.

    ``offset`` is the Doc's character offset in the document; ``mentions`` are
    all entity mentions found in this Doc (absolute offsets); ``by_token`` maps
    a token index of this Doc to the mention covering it.
    """

    doc_id: str
    offset: int
    mentions: list[RawMention]
    gazetteer: Gazetteer
    by_token: dict[int, RawMention] = field(default_factory=dict)
    references: Any = None
    roles: list[Any] = field(default_factory=list)
    postings: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        for mention in self.mentions:
            for i in range(mention.tok_start, mention.tok_end):
                self.by_token[i] = mention

    def ref(self, mention: RawMention) -> str:
        """The reference a record uses for an entity mention."""
        return f"{mention.start}:{mention.end}"

    def mention_at(self, token: Token) -> RawMention | None:
        """The mention covering ``token``, if any."""
        return self.by_token.get(token.i)

    def evidence(self, span: Span) -> Any:
        """Evidence for a fact stated in ``span``'s sentence."""
        from kgraph._model import Evidence
        from kgraph.extract.entities import sentence_of

        sent = sentence_of(span.doc, span.start)
        cache: dict[int, Evidence] = span.doc.user_data.setdefault("kgraph_evidence", {})
        found = cache.get(sent.start)
        if found is None:
            text = sent.text
            # the offsets of the sentence itself, without the whitespace spaCy keeps at its
            # edges
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            found = cache[sent.start] = Evidence(
                self.doc_id,
                self.offset + sent.start_char + lead,
                self.offset + sent.end_char - trail,
                text.strip(),
            )
        return found


@runtime_checkable
class Extractor(Protocol):
    """A relation or allegation extractor (built-in, rule-based, or your own model)."""

    name: str

    def __call__(
        self, doc: Doc, context: ExtractionContext
    ) -> Iterable[RelationRecord | AllegationRecord]: ...


def default_extractors() -> tuple[Extractor, ...]:
    """kgraph's own rule-based extractors: relations and roles, then allegations."""
    from kgraph.extract.allegations import AllegationExtractor
    from kgraph.extract.relations import RelationExtractor

    return (RelationExtractor(), AllegationExtractor())


def _lemma_index(nlp: Language, part: str) -> frozenset[str]:
    """The words of one part of speech in the lemmatizer's tables (WordNet's lists)."""
    try:
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        table = lemmatizer.lookups.get_table("lemma_index")
        return frozenset(table.get(part, ()))
    except (KeyError, ValueError, AttributeError):
        return frozenset()


def _adjectives(nlp: Language) -> frozenset[str]:
    return _lemma_index(nlp, "adj")


def _nouns(nlp: Language) -> frozenset[str]:
    return _lemma_index(nlp, "noun")


_MIN_ENGLISH = 0.12
_NON_LATIN = re.compile(r"[^\x00-\u024f]")


def _english_share(docs: Sequence[tuple[int, Doc]]) -> float | None:
    """The share of English function words among a document's words (None if too short)."""
    words = stops = letters = foreign = 0
    for _offset, doc in docs:
        for tok in doc:
            if tok.is_alpha:
                words += 1
                stops += tok.is_stop
        text = doc.text
        letters += len(text)
        if not text.isascii():  # the usual English text needs no more than that
            foreign += sum(map(str.isalpha, _NON_LATIN.findall(text)))
    if letters >= 30 and foreign > letters / 2:
        return 0.0  # mostly letters outside the Latin script: Chinese, Russian, Arabic ...
    return stops / words if words >= 30 else None


def _promote_people(mentions: list[RawMention]) -> list[RawMention]:
    """A name spaCy typed as a place or an organisation ("Helen Park") whose surname is
    used for a person in the same text ("Ms. Park") is that person."""
    from dataclasses import replace

    surnames = {m.text.lower() for m in mentions if m.type == "Person" and " " not in m.text}
    if not surnames:
        return mentions
    out = []
    for m in mentions:
        words = m.text.split()
        if (
            not m.gid
            and m.type != "Person"
            and 2 <= len(words) <= 4
            and words[-1].lower() in surnames
            and all(w[:1].isupper() for w in words)
        ):
            m = replace(m, type="Person", ner="PERSON", subtype=None)
        out.append(m)
    return out


def extract_document(
    prepared: Prepared,
    docs: Sequence[tuple[int, Doc]],
    *,
    gazetteer: Gazetteer,
    extractors: Sequence[Extractor],
    adjectives: frozenset[str] = frozenset(),
    nouns: frozenset[str] = frozenset(),
) -> DocResult:
    """Run every extractor over one document's Docs and resolve its entities locally."""
    from kgraph.extract.entities import byline_mentions
    from kgraph.resolve import resolve_document

    doc_id = prepared.info.id
    mentions: list[RawMention] = list(byline_mentions(prepared, gazetteer=gazetteer))
    relations: list[RelationRecord] = []
    allegations: list[AllegationRecord] = []
    for offset, doc in docs:
        found = _promote_people(
            list(
                extract_mentions(
                    doc, offset=offset, gazetteer=gazetteer, adjectives=adjectives, nouns=nouns
                )
            )
        )
        mentions.extend(found)
        context = ExtractionContext(doc_id, offset, found, gazetteer)
        for extractor in extractors:
            for record in extractor(doc, context):
                if isinstance(record, AllegationRecord):
                    allegations.append(record)
                else:
                    relations.append(record)
    warnings = list(prepared.warnings)
    language = _english_share(docs)
    if language is not None and language < _MIN_ENGLISH:
        message = (
            f"document {doc_id!r} does not look like English "
            f"({language:.0%} English function words); "
            "kgraph's model and rules are for English, expect few results"
        )
        log.warning(message)
        warnings.append(message)
    # a claim is quoted, not asserted: the accused's acts in a claim's sentence are no facts
    claimed = {
        (role.entity, role.evidence)
        for record in allegations
        for role in record.roles
        if role.role == "accused"
    }
    relations = [
        r
        for r in relations
        if (r.subject, r.evidence) not in claimed and not _inside_claim(r, allegations)
    ]
    return resolve_document(prepared.info, mentions, relations, allegations, warnings)


def _inside_claim(relation: RelationRecord, allegations: Sequence[AllegationRecord]) -> bool:
    """Whether both ends of a relation lie in the quoted clause of an allegation stated in
    the same sentence ("officials said Trump directed the CIA to share intelligence with the
    Kremlin": the CIA's sharing is claimed, not asserted)."""
    try:
        ends = [int(part) for ref in (relation.subject, relation.object) for part in ref.split(":")]
    except ValueError:
        return False  # a custom extractor's reference
    for record in allegations:
        for ev in record.evidence:
            if ev != relation.evidence or not record.text:
                continue
            at = ev.sentence.find(record.text)
            if at < 0:
                continue
            start = ev.start + at
            if start <= min(ends) and max(ends) <= start + len(record.text):
                return True
    return False


def run_pipeline(
    documents: Iterable[Document],
    *,
    model: str | Language | None = None,
    gazetteer: str | Path | Gazetteer | None = None,
    extractors: Iterable[Extractor] | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    progress: bool = False,
) -> Iterator[DocResult]:
    """ingest.prepare -> nlp.pipe -> extract, one DocResult per document, lazily.

    With ``n_process`` other than 1 (``-1``: one per CPU) a pool of worker
    processes does all three steps, each worker loading the model once, and
    only plain records come back (see :mod:`kgraph._parallel`).
    """
    from kgraph._parallel import Pipeline, process_parallel, resolve_n_process

    stream: Iterable[Document] = documents
    if progress:
        import shutil

        from tqdm.auto import tqdm

        # a terminal that reports no width (a bare pty) still gets a bar of 80 columns
        width = shutil.get_terminal_size((80, 24)).columns
        stream = tqdm(
            documents, unit="doc", desc="kgraph", leave=False, ncols=None if width > 0 else 80
        )
    if resolve_n_process(n_process) == 1:
        yield from Pipeline.load(model, gazetteer, extractors).run(stream, batch_size=batch_size)
    else:
        yield from process_parallel(
            stream,
            model=model,
            gazetteer=gazetteer,
            extractors=extractors,
            n_process=n_process,
            batch_size=batch_size,
        )
