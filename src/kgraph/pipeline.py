"""The pipeline: documents in, one :class:`~kgraph._model.DocResult` per document out.

One way through, whatever the route: read (``ingest``) -> parse (``nlp``) ->
derive the frozen context of each Doc (``extract.derive``) -> run the
extractors -> resolve the document's entities (``resolve``).  :func:`run` is
the one dispatcher: with one process a :class:`Pipeline` runs in the caller;
with more, an :class:`ExtractionPool` of worker processes each runs the same
:class:`Pipeline` over chunks of documents, and only plain picklable records
come back, never spaCy ``Doc`` objects.  The Dask route (:mod:`kgraph.dask`)
runs :class:`Pipeline` on its workers too.

Documents are read lazily and submitted in chunks; at most ``max_pending``
chunks are in flight, so memory does not grow with the corpus.  Results come
back in input order.  The pool uses the ``spawn`` start method on every
platform: workers start from a fresh interpreter and never inherit the
parent's threads or loaded model.  As with any ``spawn`` pool, a script that
builds on several processes must guard its entry point with
``if __name__ == "__main__":``.

>>> resolve_n_process(2)
2
>>> list(run([], n_process=2))
[]
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import shutil
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from itertools import chain, islice
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final

from tqdm.auto import tqdm

from kgraph._errors import OptionError
from kgraph._model import (
    AllegationRecord,
    DocResult,
    Document,
    RelationRecord,
    StatementRecord,
)
from kgraph.extract import DocContext, Extractor, default_extractors
from kgraph.extract.derive import doc_context
from kgraph.extract.entities import RawMention, byline_mentions, extract_mentions, promote_people
from kgraph.extract.roles import KIN, POSTED
from kgraph.gazetteer import Gazetteer
from kgraph.ingest import Prepared, iter_prepared
from kgraph.nlp import english_share, lemma_words, load_model, pipe
from kgraph.resolve import resolve_document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "ExtractionPool",
    "Pipeline",
    "check_batch_size",
    "resolve_n_process",
    "run",
]

log = logging.getLogger("kgraph.pipeline")

#: below this share of English function words a document is warned about
_MIN_ENGLISH = 0.12
#: the allegation roles of whoever makes a claim
_CLAIMANTS: Final = ("alleged_by", "reported_by")


@dataclass(frozen=True)
class Pipeline:
    """Everything one process needs to turn Documents into DocResults, loaded once."""

    nlp: Language
    gazetteer: Gazetteer
    extractors: tuple[Extractor, ...]
    adjectives: frozenset[str]
    nouns: frozenset[str]
    max_chars: int

    @classmethod
    def load(
        cls,
        *,
        model: str | Path | Language | None = None,
        gazetteer: str | Path | Gazetteer | None = None,
        extractors: Iterable[Extractor] | None = None,
    ) -> Pipeline:
        """Load the spaCy pipeline (cached per process), the gazetteer and the extractors."""
        nlp = load_model(str(model) if isinstance(model, Path) else model)
        gaz = gazetteer if isinstance(gazetteer, Gazetteer) else Gazetteer.default()
        if gazetteer is not None and not isinstance(gazetteer, Gazetteer):
            gaz = gaz.extended(gazetteer)
        chosen = tuple(extractors) if extractors is not None else default_extractors()
        return cls(
            nlp,
            gaz,
            chosen,
            lemma_words(nlp, "adj"),
            lemma_words(nlp, "noun"),
            _max_chars(int(nlp.max_length)),
        )

    def run(self, documents: Iterable[Document], *, batch_size: int = 32) -> Iterator[DocResult]:
        """Prepare, parse and extract each document, lazily, in input order."""
        check_batch_size(batch_size)
        prepared = iter_prepared(documents, max_chars=self.max_chars)
        for item, docs in pipe(prepared, self.nlp, batch_size=batch_size):
            yield self.process(item, docs)

    def contexts(
        self, prepared: Prepared, docs: Sequence[tuple[int, Doc]]
    ) -> Iterator[tuple[Doc, DocContext]]:
        """Each Doc of a document with its frozen context (mentions, roles, references ...)."""
        for offset, doc in docs:
            found = extract_mentions(
                doc,
                offset=offset,
                gazetteer=self.gazetteer,
                adjectives=self.adjectives,
                nouns=self.nouns,
            )
            mentions = tuple(promote_people(list(found)))
            yield (
                doc,
                doc_context(
                    doc,
                    doc_id=prepared.info.id,
                    offset=offset,
                    mentions=mentions,
                    gazetteer=self.gazetteer,
                ),
            )

    def process(self, prepared: Prepared, docs: Sequence[tuple[int, Doc]]) -> DocResult:
        """Run every extractor over one document's Docs and resolve its entities locally."""
        mentions: list[RawMention] = list(byline_mentions(prepared, gazetteer=self.gazetteer))
        relations: list[RelationRecord] = []
        allegations: list[AllegationRecord] = []
        statements: list[StatementRecord] = []
        for doc, context in self.contexts(prepared, docs):
            mentions.extend(context.mentions)
            for extractor in self.extractors:
                for record in extractor(doc, context):
                    if isinstance(record, AllegationRecord):
                        allegations.append(record)
                    elif isinstance(record, StatementRecord):
                        statements.append(record)
                    else:
                        relations.append(record)
        warnings = [*prepared.warnings, *_language_warnings(prepared.info.id, docs)]
        relations = _asserted(relations, allegations)
        return resolve_document(
            prepared.info, mentions, relations, allegations, warnings, statements
        )


def _language_warnings(doc_id: str, docs: Sequence[tuple[int, Doc]]) -> list[str]:
    language = english_share(docs)
    if language is None or language >= _MIN_ENGLISH:
        return []
    message = (
        f"document {doc_id!r} does not look like English "
        f"({language:.0%} English function words); "
        "kgraph's model and rules are for English, expect few results"
    )
    log.warning(message)
    return [message]


def _asserted(
    relations: list[RelationRecord], allegations: Sequence[AllegationRecord]
) -> list[RelationRecord]:
    """The relations with the claims they stand in: a claim is quoted, not asserted, so the
    accused's acts in a claim's sentence, and anything inside the claim's quoted clause, stay
    facts with ``asserted`` false and ``according_to`` the claimant (when the relation
    extractor had not already found who reports them)."""
    accused = {
        (role.entity, role.evidence): record
        for record in allegations
        for role in record.roles
        if role.role == "accused"
    }
    out = []
    for r in relations:
        if r.according_to is not None or ("reported", True) in r.attrs or _is_role(r):
            out.append(r)
            continue
        claim = accused.get((r.subject, r.evidence)) or _claim_holding(r, allegations)
        if claim is None or _makes(r, claim):
            out.append(
                r
            )  # "the Justice Department charged Manafort": the claim is made, not claimed
            continue
        out.append(
            replace(
                r,
                attrs=_reported(r.attrs),
                according_to=_claimant(claim, r),
            )
        )
    return out


def _is_role(relation: RelationRecord) -> bool:
    """Roles, postings and kin describe a person, they are not acts a claim is about."""
    p = relation.predicate
    return (
        p in ("holds_role", "part_of")
        or p.removesuffix("_of") in KIN
        or p.removesuffix("_to") in POSTED
    )


def _reported(attrs: tuple[tuple[str, str | bool], ...]) -> tuple[tuple[str, str | bool], ...]:
    marks = [("reported", True), *([] if ("asserted", False) in attrs else [("asserted", False)])]
    return (*attrs, *marks)


def _makes(relation: RelationRecord, claim: AllegationRecord) -> bool:
    """Whether the relation is the claimant's own act of claiming, in the claim's sentence."""
    return any(
        role.role in _CLAIMANTS
        and role.entity == relation.subject
        and role.evidence == relation.evidence
        for role in claim.roles
    )


def _claimant(claim: AllegationRecord, relation: RelationRecord) -> str | None:
    """Who makes the claim: the one alleging or reporting it in the relation's sentence, else
    anywhere in the document."""
    makers = [r for r in claim.roles if r.role in _CLAIMANTS]
    same = [r for r in makers if r.evidence == relation.evidence]
    return (same or makers)[0].entity if makers else None


def _claim_holding(
    relation: RelationRecord, allegations: Sequence[AllegationRecord]
) -> AllegationRecord | None:
    """The allegation stated in the relation's sentence whose quoted clause holds both ends
    ("officials said Trump directed the CIA to share intelligence with the Kremlin": the CIA's
    sharing is claimed, not asserted)."""
    try:
        ends = [int(part) for ref in (relation.subject, relation.object) for part in ref.split(":")]
    except ValueError:
        return None  # a custom extractor's reference
    for record in allegations:
        for ev in record.evidence:
            if ev != relation.evidence or not record.text:
                continue
            at = ev.sentence.find(record.text)
            if at < 0:
                continue
            start = ev.start + at
            if start <= min(ends) and max(ends) <= start + len(record.text):
                return record
    return None


def run(
    documents: Iterable[Document],
    *,
    model: str | Path | Language | None = None,
    gazetteer: str | Path | Gazetteer | None = None,
    extractors: Iterable[Extractor] | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    chunk_size: int | None = None,
    progress: bool = False,
) -> Iterator[DocResult]:
    """One DocResult per document, lazily, in input order: the one dispatcher.

    With ``n_process`` other than 1 (``-1``: one per CPU) a pool of worker
    processes does all the work, each worker loading the model once; the same
    documents give the same records either way, so the graph is the same.
    Nothing is loaded when there is no document.
    """
    n = resolve_n_process(n_process)
    check_batch_size(batch_size)
    stream = iter(_with_progress(documents) if progress else documents)
    first = list(islice(stream, 1))
    if not first:
        return
    documents = chain(first, stream)
    if n == 1:
        pipeline = Pipeline.load(model=model, gazetteer=gazetteer, extractors=extractors)
        yield from pipeline.run(documents, batch_size=batch_size)
        return
    with ExtractionPool(
        n,
        model=model,
        gazetteer=gazetteer,
        extractors=extractors,
        batch_size=batch_size,
        chunk_size=chunk_size,
    ) as pool:
        yield from pool.map(documents)


def _with_progress(documents: Iterable[Document]) -> Iterable[Document]:
    # a terminal that reports no width (a bare pty) still gets a bar of 80 columns
    width = shutil.get_terminal_size((80, 24)).columns
    bar: Iterable[Document] = tqdm(
        documents, unit="doc", desc="kgraph", leave=False, ncols=None if width > 0 else 80
    )
    return bar


def resolve_n_process(n_process: int) -> int:
    """The number of processes to use: ``-1`` means one per CPU, as in spaCy.

    >>> resolve_n_process(-1) >= 1
    True
    >>> resolve_n_process(0)
    Traceback (most recent call last):
    ...
    kgraph._errors.OptionError: n_process=0: give a number of processes >= 1, or -1 for one per CPU
    """
    if isinstance(n_process, bool) or not isinstance(n_process, int):
        raise OptionError(
            f"n_process={n_process!r}: give a whole number of processes >= 1, or -1 for one per CPU"
        )
    if n_process == -1:
        return max(1, os.cpu_count() or 1)
    if n_process < 1:
        raise OptionError(
            f"n_process={n_process!r}: give a number of processes >= 1, or -1 for one per CPU"
        )
    return n_process


def check_batch_size(batch_size: object) -> int:
    """``batch_size`` if it is a whole number >= 1, else a clear error.

    >>> check_batch_size(0)
    Traceback (most recent call last):
    ...
    kgraph._errors.OptionError: batch_size=0: give a whole number of texts >= 1 ...
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise OptionError(
            f"batch_size={batch_size!r}: give a whole number of texts >= 1 "
            "(spaCy parses that many at a time; 32 is the default)"
        )
    return batch_size


def _max_chars(max_length: int) -> int:
    """The longest segment handed to a pipeline of this ``max_length``, with a margin.

    >>> _max_chars(1_000_000), _max_chars(3000), _max_chars(800)
    (999000, 2000, 400)
    """
    return max_length - 1000 if max_length >= 2000 else max(1, max_length // 2)


# -- the worker side: one Pipeline per process, set by the pool's initializer ------------

# Set once per worker process by the pool's initializer: "pipeline" or "error".
_WORKER: dict[str, Any] = {}


def _init_worker(
    model: str | Path | Language | None,
    gazetteer: str | Path | Gazetteer | None,
    extractors: tuple[Extractor, ...] | None,
    log_level: int,
) -> None:
    """Pool initializer: load the pipeline once; keep a failure to raise with the first task."""
    logging.getLogger("kgraph").setLevel(log_level)
    _WORKER.clear()
    try:
        _WORKER["pipeline"] = Pipeline.load(model=model, gazetteer=gazetteer, extractors=extractors)
    except Exception as err:
        # An exception in an initializer breaks the whole pool and loses the message;
        # raised from a task instead, it reaches the caller as itself.
        _WORKER["error"] = err


def _work(documents: list[Document], batch_size: int) -> list[DocResult]:
    pipeline: Pipeline | None = _WORKER.get("pipeline")
    if pipeline is None:
        error: BaseException = _WORKER.get("error") or RuntimeError(
            "kgraph worker used before its initializer ran"
        )
        raise error
    return list(pipeline.run(documents, batch_size=batch_size))


# -- the parent side -------------------------------------------------------------------------


class ExtractionPool:
    """A reusable pool of worker processes that turn Documents into DocResults.

    Workers start on first use (or :meth:`start`) and load the model once
    each; :meth:`map` may be called many times.  Use it as a context manager,
    or call :meth:`close`.

    ``chunk_size`` documents (default ``batch_size``) go to a worker per task
    and at most ``max_pending`` tasks (default ``2 * n_process``) are in
    flight, which bounds memory whatever the corpus size.

    >>> pool = ExtractionPool(n_process=2, batch_size=8)
    >>> pool.n_process, pool.chunk_size, pool.max_pending
    (2, 8, 4)
    >>> pool.close()
    """

    def __init__(
        self,
        n_process: int = 2,
        *,
        model: str | Path | Language | None = None,
        gazetteer: str | Path | Gazetteer | None = None,
        extractors: Iterable[Extractor] | None = None,
        batch_size: int = 32,
        chunk_size: int | None = None,
        max_pending: int | None = None,
        start_method: str = "spawn",
    ) -> None:
        self.n_process = resolve_n_process(n_process)
        self.batch_size = check_batch_size(batch_size)
        self.chunk_size = _positive("chunk_size", chunk_size, batch_size)
        self.max_pending = _positive("max_pending", max_pending, 2 * self.n_process)
        self._model = model
        self._gazetteer = gazetteer
        self._extractors = tuple(extractors) if extractors is not None else None
        _check_picklable(self._extractors, "extractors")
        _check_picklable(gazetteer, "gazetteer")
        self._context = multiprocessing.get_context(start_method)
        self._executor: ProcessPoolExecutor | None = None

    def start(self) -> ExtractionPool:
        """Start the worker processes (done on first use anyway)."""
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.n_process,
                mp_context=self._context,
                initializer=_init_worker,
                initargs=(
                    self._model,
                    self._gazetteer,
                    self._extractors,
                    logging.getLogger("kgraph").getEffectiveLevel(),
                ),
            )
            log.debug("started %d kgraph worker processes", self.n_process)
        return self

    def close(self) -> None:
        """Stop the workers; tasks not started yet are cancelled."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> ExtractionPool:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def map(
        self, documents: Iterable[Document], *, chunk_size: int | None = None
    ) -> Iterator[DocResult]:
        """Yield one DocResult per document, in input order, reading ``documents`` lazily."""
        size = _positive("chunk_size", chunk_size, self.chunk_size)
        executor = self.start()._executor
        assert executor is not None
        window: deque[Future[list[DocResult]]] = deque()
        stream = iter(documents)
        try:
            while chunk := list(islice(stream, size)):
                window.append(executor.submit(_work, chunk, self.batch_size))
                if len(window) >= self.max_pending:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
        finally:
            for future in window:
                future.cancel()


def _positive(name: str, value: int | None, default: int) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise OptionError(f"{name}={value!r}: give a whole number >= 1, or None for the default")
    return value


def _check_picklable(value: Any, name: str) -> None:
    try:
        pickle.dumps(value)
    except (pickle.PicklingError, TypeError, AttributeError) as err:
        raise OptionError(
            f"{name}={value!r} cannot be sent to worker processes ({err}); define custom "
            "extractors as module-level classes (not lambdas or local classes), or use n_process=1"
        ) from err
