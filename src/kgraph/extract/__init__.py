"""Extraction: pure functions over parsed Docs that yield records.

Before any extractor runs, everything kgraph derives once per Doc (entity
mentions, sentences, dates, the roles people hold, what pronouns refer to) is
computed and handed over frozen as a :class:`DocContext`
(:func:`kgraph.extract.derive.doc_context`).  Extractors only read it and yield
frozen records, so each gives the same records alone, first or last.

Built-in extractors find relations (:mod:`.relations`) and allegations
(:mod:`.allegations`).  Users add their own through the :class:`Extractor`
protocol: any callable that takes a Doc and a :class:`DocContext` and yields
:class:`RelationRecord` or :class:`AllegationRecord` values whose entity
references are mention offsets (``"start:end"``, see :meth:`DocContext.ref`).

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

from kgraph._model import AllegationRecord, Evidence, RelationRecord, RoleRecord
from kgraph.extract.allegations import AllegationExtractor
from kgraph.extract.context import DocContext, Posting, References, Role
from kgraph.extract.entities import RawMention
from kgraph.extract.relations import RelationExtractor

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
    "default_extractors",
]


@runtime_checkable
class Extractor(Protocol):
    """A relation or allegation extractor (built-in, rule-based, or your own model)."""

    name: str

    def __call__(
        self, doc: Doc, context: DocContext
    ) -> Iterable[RelationRecord | AllegationRecord]: ...


def default_extractors() -> tuple[Extractor, ...]:
    """kgraph's own rule-based extractors: relations and roles, and allegations."""
    return (RelationExtractor(), AllegationExtractor())
