"""kgraph: news and intelligence reporting in, a knowledge graph an analyst can trust out.

>>> import kgraph
>>> kgraph.Document("Pompeo warned Lavrov.", id="d1").text
'Pompeo warned Lavrov.'

Importing kgraph loads no model and reads no file: spaCy, rdflib and pyvis are
imported on first use.
"""

from __future__ import annotations

from kgraph._api import BuildReport, KnowledgeGraph, build, load, sparql
from kgraph._errors import (
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
)
from kgraph._model import Document
from kgraph._version import __version__

__all__ = [
    "BuildReport",
    "Document",
    "DocumentAccessError",
    "DocumentError",
    "DocumentNotFoundError",
    "EntityNotFoundError",
    "ExportError",
    "FormatError",
    "KGraphError",
    "KnowledgeGraph",
    "MissingDependencyError",
    "ModelNotFoundError",
    "OptionError",
    "QueryError",
    "StoreError",
    "__version__",
    "build",
    "load",
    "sparql",
]
