"""spaCy components kgraph adds to the pipeline it loads, and one it makes cheaper.

``kgraph_paragraphs`` starts a sentence after every line break, so that a
sentence never runs across paragraphs (news text has no closing punctuation
after headlines, captions and quotes that end a paragraph).  It must run
before the parser, which respects sentence starts already set.

:func:`cache_lemmas` makes the model's own rule lemmatizer remember its answers:
spaCy's lemmatizer builds a Token for every word of every Doc and looks its
lemma up again (its own cache misses every base form, and each look-up builds a
morphology object); its answer depends only on the word, its part of speech and
its morphology, so one array pass with a dictionary gives the same lemmas.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Final

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

__all__ = ["CachedLemmas", "cache_lemmas", "paragraph_boundaries"]

#: lemmatizers whose answer is a function of (word, POS, morphology) alone
_PURE_LEMMATIZERS: Final = (Lemmatizer, EnglishLemmatizer)
_PURE_MODES: Final = ("rule", "lookup")


@Language.component("kgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the token after a line break as a sentence start."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


class CachedLemmas:
    """A lemmatizer's ``pipe`` that asks it once per (word, POS, morphology) and writes the
    lemmas of a Doc with one array; the lemmas are those the lemmatizer sets itself."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, stream: Iterable[Doc], **_kwargs: Any) -> Iterator[Doc]:
        lemmatizer = self.lemmatizer
        error_handler = lemmatizer.get_error_handler()
        for doc in stream:
            if not getattr(lemmatizer, "_validated", True):
                yield lemmatizer(doc)  # the first Doc: spaCy checks its tables
                continue
            try:
                yield self.lemmatize(doc)
            except Exception as err:
                error_handler(lemmatizer.name, lemmatizer, [doc], err)

    def lemmatize(self, doc: Doc) -> Doc:
        """Set the lemma of every token the lemmatizer would set (all of them when it
        overwrites, else those with none yet)."""
        if not len(doc):
            return doc
        lemmatizer, cache, strings = self.lemmatizer, self.cache, doc.vocab.strings
        overwrite = lemmatizer.overwrite
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas: list[int] = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                known = cache.get(key)
                if known is None:
                    known = strings.add(lemmatizer.lemmatize(doc[i])[0])
                    if pos:  # no part of speech: spaCy warns each time, let it
                        cache[key] = known
                lemma = known
            lemmas.append(lemma)
        column: Any = numpy.array(lemmas, dtype=numpy.uint64)
        doc.from_array([LEMMA], column)
        return doc


def cache_lemmas(nlp: Language) -> Language:
    """Give the pipeline's lemmatizer a remembering ``pipe`` (once), when it is spaCy's own
    rule or look-up lemmatizer; ``nlp(text)`` still calls it as it is."""
    if "lemmatizer" not in nlp.pipe_names:
        return nlp
    lemmatizer = nlp.get_pipe("lemmatizer")
    if (
        isinstance(lemmatizer, Lemmatizer)
        and type(lemmatizer) in _PURE_LEMMATIZERS
        and getattr(lemmatizer, "mode", None) in _PURE_MODES
        and not isinstance(getattr(lemmatizer, "pipe", None), CachedLemmas)
    ):
        lemmatizer.pipe = CachedLemmas(lemmatizer)  # type: ignore[method-assign]
    return nlp
