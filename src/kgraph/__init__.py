"""kgraph: news and intelligence reporting in, a knowledge graph an analyst can trust out.

>>> import kgraph
>>> kgraph.Document("Pompeo warned Lavrov.", id="d1").text
'Pompeo warned Lavrov.'

Importing kgraph loads no model, no stage and reads no file: the records and
errors are here at once; :func:`build`, :class:`KnowledgeGraph` and the rest
load the stages (and spaCy, networkx, rdflib) on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kgraph._errors import (
    CorrectionsError,
    DocumentAccessError,
    DocumentError,
    DocumentNotFoundError,
    EntityNotFoundError,
    ExportError,
    FormatError,
    KGraphError,
    MissingDependencyError,
    ModelNotFoundError,
    OptionError,
    QueryError,
    StoreError,
    UnknownDocumentError,
)
from kgraph._model import (
    Allegation,
    AllegationRole,
    BuildReport,
    Document,
    Entity,
    Evidence,
    Fact,
    Mention,
    Statement,
    TimelineEvent,
)
from kgraph._version import __version__

if TYPE_CHECKING:
    from kgraph._api import KnowledgeGraph, build, evaluate, load, sparql

__all__ = [
    "Allegation",
    "AllegationRole",
    "BuildReport",
    "CorrectionsError",
    "Document",
    "DocumentAccessError",
    "DocumentError",
    "DocumentNotFoundError",
    "Entity",
    "EntityNotFoundError",
    "Evidence",
    "ExportError",
    "Fact",
    "FormatError",
    "KGraphError",
    "KnowledgeGraph",
    "Mention",
    "MissingDependencyError",
    "ModelNotFoundError",
    "OptionError",
    "QueryError",
    "Statement",
    "StoreError",
    "TimelineEvent",
    "UnknownDocumentError",
    "__version__",
    "build",
    "evaluate",
    "load",
    "sparql",
]

#: names served by the public face, :mod:`kgraph._api`, imported on first use
_API: frozenset[str] = frozenset({"KnowledgeGraph", "build", "evaluate", "load", "sparql"})


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'kgraph' has no attribute {name!r}")
    from kgraph import _api  # noqa: PLC0415  (lazy: start-up time, the stages import networkx)

    value = getattr(_api, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
