"""spaCy components kgraph adds to the pipeline it loads.

``kgraph_paragraphs`` starts a sentence after every line break, so that a
sentence never runs across paragraphs (news text has no closing punctuation
after headlines, captions and quotes that end a paragraph).  It must run
before the parser, which respects sentence starts already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["paragraph_boundaries"]


@Language.component("kgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the token after a line break as a sentence start."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc
