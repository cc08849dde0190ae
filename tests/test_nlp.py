"""kgraph.nlp: the per-Doc text and words read once, the English share, the model's lemmas."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgraph._spacy_components import CachedLemmas
from kgraph.nlp import doc_text, doc_words, english_share, load_model

_VOCAB = Vocab()

WORDS = [
    (["Hello", "world", "."], [True, False, False]),
    (["A", "\n\n", "B", "said", "so", "."], [False, False, True, True, False, True]),
    (["“", "We", "won", ",", "”", "she", "said"], [False, False, False, False, True, True, False]),
    (["one"], [True]),
    ([], []),
]


@pytest.mark.parametrize(("words", "spaces"), WORDS)
def test_doc_words_are_the_tokens_text_and_whitespace(words: list[str], spaces: list[bool]) -> None:
    doc = Doc(_VOCAB, words=words, spaces=spaces)
    assert doc_words(doc) == ([t.text for t in doc], [t.whitespace_ for t in doc])
    assert doc_text(doc) == doc.text


def test_doc_text_is_read_once() -> None:
    doc = Doc(_VOCAB, words=["Old", "text"])
    assert doc_text(doc) == "Old text "
    doc.user_data["kgraph_text"] = "kept"
    assert doc_text(doc) == "kept"


def _slow_share(docs: list[tuple[int, Doc]]) -> float | None:
    words = [t for _, doc in docs for t in doc if t.is_alpha]
    return sum(t.is_stop for t in words) / len(words) if len(words) >= 30 else None


SHARES = [
    ("the cat sat on the mat and the dog was in the house " * 3).split(),
    ("Zebra quantum fjord crypt nymph " * 7).split(),
    ["the", "end"],
]


@pytest.mark.parametrize("words", SHARES)
def test_english_share_counts_the_stop_words_among_words(words: list[str]) -> None:
    docs = [(0, Doc(load_model().vocab, words=words)), (0, Doc(load_model().vocab, words=[]))]
    assert english_share(docs) == _slow_share(docs)


SENTENCES = [
    "The ministers were meeting in Paris while the talks went on.",
    "She denied having leaked the documents, and he ain't gonna say more.",
    "Officials said the leaders' meetings had been cancelled twice.",
]


def test_cached_lemmas_are_the_lemmatizers_own() -> None:
    nlp = load_model()
    assert isinstance(nlp.get_pipe("lemmatizer").pipe, CachedLemmas)
    kept = [[t.lemma_ for t in nlp(text)] for text in SENTENCES]  # __call__: no cache
    for _ in range(2):  # the second time from the cache
        assert [[t.lemma_ for t in doc] for doc in nlp.pipe(SENTENCES)] == kept
