"""Extraction: pure functions over parsed Docs that yield records.

Before any extractor runs, everything kgraph derives once per Doc (entity
mentions, sentences, dates, the roles people hold, what pronouns refer to) is
computed and handed over frozen as a :class:`DocContext`
(:func:`kgraph.extract.derive.doc_context`).  Extractors only read it and yield
frozen records, so each gives the same records alone, first or last.

Built-in extractors find relations (:mod:`.relations`), allegations
(:mod:`.allegations`) and statements, who said what (:mod:`.statements`; found
with the context, since the others read them: a fact inside a statement is not
asserted).  Users add their own through the :class:`Extractor` protocol: any
callable that takes a Doc and a :class:`DocContext` and yields
:class:`RelationRecord`, :class:`AllegationRecord` or :class:`StatementRecord`
values whose entity references are mention offsets (``"start:end"``, see
:meth:`DocContext.ref`).

>>> from kgraph.extract import Extractor
>>> class Nothing:
...     name = "nothing"
...     def __call__(self, doc, context):
...         return iter(())
>>> isinstance(Nothing(), Extractor)
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from kgraph._model import AllegationRecord, Evidence, RelationRecord, RoleRecord, StatementRecord
from kgraph.extract.allegations import AllegationExtractor
from kgraph.extract.context import DocContext, Posting, References, Role
from kgraph.extract.entities import RawMention
from kgraph.extract.relations import RelationExtractor
from kgraph.extract.statements import StatementExtractor

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "AllegationExtractor",
    "AllegationRecord",
    "DocContext",
    "Evidence",
    "Extractor",
    "Posting",
    "RawMention",
    "References",
    "RelationExtractor",
    "RelationRecord",
    "Role",
    "RoleRecord",
    "StatementExtractor",
    "StatementRecord",
    "default_extractors",
]


@runtime_checkable
class Extractor(Protocol):
    """A relation, allegation or statement extractor (built-in, rule-based, or your own)."""

    name: str

    def __call__(
        self, doc: Doc, context: DocContext
    ) -> Iterable[RelationRecord | AllegationRecord | StatementRecord]: ...


def default_extractors() -> tuple[Extractor, ...]:
    """kgraph's own rule-based extractors: relations and roles, allegations, statements."""
    return (RelationExtractor(), AllegationExtractor(), StatementExtractor())
