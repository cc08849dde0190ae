"""The exceptions kgraph raises.

Every error is a :class:`KGraphError`; each leaf also subclasses the built-in
exception a caller would catch without knowing kgraph (``ValueError``,
``FileNotFoundError``, ...), so ``except ValueError`` keeps working.
"""

from __future__ import annotations

__all__ = [
    "CorrectionsError",
    "DocumentAccessError",
    "DocumentError",
    "DocumentNotFoundError",
    "EntityNotFoundError",
    "ExportError",
    "FormatError",
    "KGraphError",
    "MissingDependencyError",
    "ModelNotFoundError",
    "OptionError",
    "QueryError",
    "StoreError",
    "UnknownDocumentError",
]


class KGraphError(Exception):
    """Root of every error kgraph raises on purpose."""


class ModelNotFoundError(KGraphError, OSError):
    """No spaCy pipeline could be loaded."""


class DocumentError(KGraphError, ValueError):
    """A document (or one line of a JSONL file) cannot be read as text."""


class DocumentNotFoundError(KGraphError, FileNotFoundError):
    """A path given as a source does not exist or matches nothing."""


class DocumentAccessError(KGraphError, PermissionError):
    """A source exists but may not be read (permissions)."""


class FormatError(KGraphError, ValueError):
    """A file suffix or format name kgraph does not know, or a file it cannot parse."""


class CorrectionsError(FormatError):
    """A line of a corrections file kgraph cannot read (:mod:`kgraph.corrections`); the
    message names the file, the line and the bad value, kept in ``path``, ``line`` and
    ``value``."""

    def __init__(self, message: str, *, path: str = "", line: int = 0, value: str = "") -> None:
        super().__init__(message)
        self.path, self.line, self.value = path, line, value


class ExportError(KGraphError, ValueError):
    """A graph that cannot be written in the requested form."""


class StoreError(KGraphError, ConnectionError):
    """A triple store refused a request, timed out or could not be reached."""


class EntityNotFoundError(KGraphError, LookupError):
    """No node of the graph is called by the name given."""


class UnknownDocumentError(KGraphError, KeyError):
    """No document of the graph has the id given (:meth:`KnowledgeGraph.remove`)."""

    def __str__(self) -> str:  # the message itself, not KeyError's repr of it
        return str(self.args[0]) if self.args else ""


class QueryError(KGraphError, ValueError):
    """A query argument kgraph does not understand (an unknown type, status, ranking...)."""


class MissingDependencyError(KGraphError, ImportError):
    """An optional dependency (an extra such as ``kgraph[pandas]``) is not installed."""


class OptionError(KGraphError, ValueError, TypeError):
    """An option kgraph cannot use: out of range (``n_process=0``, ``batch_size=0``) or of
    the wrong kind (a loaded pipeline where a cluster needs a name, an extractor that cannot
    be sent to worker processes).  Caught by ``except ValueError`` and ``except TypeError``."""
