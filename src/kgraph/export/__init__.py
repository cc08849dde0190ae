"""Exporters: one module per format, each reading the contract graph.

``write(g, path)`` and ``read(path)`` pick the module from the file suffix.  A path
without a known suffix that ends in ``/`` or is an existing directory is written as
Neo4j CSV files (an Oxigraph store directory kgraph wrote: as that store again);
``format="neo4j"`` or ``format="oxigraph"`` names a directory format outright.  Every
file writer writes through :func:`atomic_write`: a failure, Ctrl-C or kill while writing
leaves the file that was there as it was.
"""

from __future__ import annotations

import importlib
import inspect
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from kgraph._errors import FormatError, OptionError
from kgraph.export._files import atomic_write, write_bytes

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "DIRECTORY_FORMATS",
    "READABLE",
    "WRITABLE",
    "atomic_write",
    "read",
    "suffix_format",
    "write",
    "write_bytes",
]

# suffix -> (module, writer, reader or "", format name)
_FORMATS: Final[dict[str, tuple[str, str, str, str]]] = {
    ".json": ("nodelink", "write_json", "read_json", "json"),
    ".ttl": ("rdf", "write_rdf", "read_rdf", "turtle"),
    ".nt": ("rdf", "write_rdf", "read_rdf", "nt"),
    ".jsonld": ("rdf", "write_rdf", "read_rdf", "json-ld"),
    ".trig": ("rdf", "write_rdf", "read_rdf", "trig"),
    ".nq": ("rdf", "write_rdf", "read_rdf", "nquads"),
    ".rdf": ("rdf", "write_rdf", "read_rdf", "xml"),
    ".html": ("html", "write_html", "", "html"),
    ".graphml": ("formats", "write_graphml", "", "graphml"),
    ".gexf": ("formats", "write_gexf", "", "gexf"),
}
# format name -> (module, writer) of the formats written to a directory
_DIRECTORY_FORMATS: Final[dict[str, tuple[str, str]]] = {
    "neo4j": ("neo4j", "write_neo4j"),
    "oxigraph": ("oxigraph", "write_store"),
}
DIRECTORY_FORMATS: Final = tuple(sorted(_DIRECTORY_FORMATS))
WRITABLE: Final = tuple(sorted(_FORMATS))
READABLE: Final = tuple(sorted(s for s, spec in _FORMATS.items() if spec[2]))


def suffix_format(path: str | Path) -> str:
    """Return the format name kgraph uses for ``path``'s suffix.

    >>> suffix_format("out/graph.ttl"), suffix_format("out/neo4j/")
    ('turtle', 'neo4j')
    >>> suffix_format("graph.docx")
    Traceback (most recent call last):
    ...
    kgraph._errors.FormatError: cannot tell the format of 'graph.docx' from its suffix '.docx'; ...
    """
    text = os.fspath(path)
    if Path(text).suffix.lower() not in _FORMATS and _is_directory(text):
        return _directory_format(Path(text))
    return _spec(Path(text))[3]


def _is_directory(text: str) -> bool:
    return text.endswith(("/", os.sep)) or Path(text).is_dir()


def _directory_format(path: Path) -> str:
    oxigraph = importlib.import_module("kgraph.export.oxigraph")  # like the writers: on use
    return "oxigraph" if oxigraph.is_store(path) else "neo4j"


def _spec(path: Path) -> tuple[str, str, str, str]:
    suffix = path.suffix.lower()
    try:
        return _FORMATS[suffix]
    except KeyError:
        raise FormatError(
            f"cannot tell the format of {str(path)!r} from its suffix {suffix!r}; "
            f"use one of {', '.join(WRITABLE)}, or a directory ending in '/' for Neo4j "
            "CSV files (format='neo4j' or 'oxigraph' for any name)"
        ) from None


def write(
    g: nx.MultiDiGraph,
    path: str | Path,
    *,
    format: str | None = None,
    base: str | None = None,
    title: str | None = None,
) -> Path:
    """Write ``g`` to ``path`` in the format its suffix names; return the path.

    ``format`` -- ``"neo4j"`` or ``"oxigraph"``: write that directory format whatever the
    name (a path ending in ``/`` or an existing directory is one without it: Neo4j CSV
    files, or the Oxigraph store kgraph wrote there); ``None``: the suffix says.
    ``base`` -- the base IRI of the RDF formats and the Oxigraph store (default
    :data:`kgraph.export.rdf.DEFAULT_BASE`).  ``title`` -- the HTML page's title (default:
    the graph's name); the page's other settings are :func:`kgraph.export.html.to_html`'s.
    An option the format does not take is an :class:`~kgraph.OptionError` before anything
    is written.  A file is written whole or not at all (see :func:`atomic_write`).
    """
    text = os.fspath(path)
    path = Path(text)
    directory = format
    if directory not in _DIRECTORY_FORMATS and path.suffix.lower() not in _FORMATS:
        directory = _directory_format(path) if _is_directory(text) else None
    options: dict[str, Any] = {}
    if directory in _DIRECTORY_FORMATS:
        module, writer = _DIRECTORY_FORMATS[directory]
        fmt = directory
    else:
        if format is not None:
            options["format"] = format
        module, writer, _reader, fmt = _spec(path)
    mod = importlib.import_module(f"kgraph.export.{module}")
    if module == "rdf":
        options.setdefault("format", fmt)
    options.update({k: v for k, v in (("base", base), ("title", title)) if v is not None})
    write_fn = getattr(mod, writer)
    _check_options(write_fn, fmt, g, path, options=options, role="writer")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_fn(g, path, **options)
    return path


def _check_options(fn: Any, fmt: str, *args: Any, options: dict[str, Any], role: str) -> None:
    try:
        inspect.signature(fn).bind(*args, **options)
    except TypeError as err:
        raise OptionError(
            f"the {fmt} {role} takes no such option ({err}); see "
            f"help(kgraph.export.{fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__})"
        ) from err


def read(path: str | Path) -> nx.MultiDiGraph:
    """Read a contract graph back from a file kgraph wrote; its suffix names the format."""
    path = Path(path)
    module, _writer, reader, fmt = _spec(path)
    if not reader:
        raise FormatError(
            f"{str(path)!r}: kgraph cannot read {fmt} back; read one of {', '.join(READABLE)}"
        )
    read_fn: Any = getattr(importlib.import_module(f"kgraph.export.{module}"), reader)
    result: nx.MultiDiGraph = read_fn(path, format=fmt) if module == "rdf" else read_fn(path)
    return result
