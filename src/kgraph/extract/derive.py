"""Everything derived once per Doc, before any extractor runs, handed over frozen.

>>> from kgraph.extract.derive import doc_context
>>> doc_context.__name__
'doc_context'
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kgraph.extract.context import DocContext, DocIndex
from kgraph.extract.coref import build_references
from kgraph.extract.entities import RawMention
from kgraph.extract.roles import find_roles
from kgraph.extract.statements import find_statements

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kgraph.gazetteer import Gazetteer

__all__ = ["doc_context"]


def doc_context(
    doc: Doc,
    *,
    doc_id: str,
    offset: int,
    mentions: tuple[RawMention, ...],
    gazetteer: Gazetteer,
    published: str | None = None,
) -> DocContext:
    """The frozen context of one Doc: its index and mentions, then the roles people hold
    (which coreference reads: "the minister"), then what pronouns refer to, then who said
    what (speakers are found through roles and references)."""
    index = DocIndex.of(doc, doc_id=doc_id, offset=offset, published=published)
    base = DocContext.of(index, mentions, gazetteer)
    roles, postings = find_roles(doc, base)
    with_roles = replace(base, roles=roles, postings=postings)
    with_refs = replace(with_roles, references=build_references(doc, with_roles))
    return replace(with_refs, statements=tuple(find_statements(doc, with_refs)))
