"""Exporters: one module per format, each reading the contract graph.

``write(g, path)`` and ``read(path)`` pick the module from the file suffix.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from kgraph._errors import FormatError, OptionError

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["READABLE", "WRITABLE", "read", "suffix_format", "write"]

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
WRITABLE: Final = tuple(sorted(_FORMATS))
READABLE: Final = tuple(sorted(s for s, spec in _FORMATS.items() if spec[2]))


def suffix_format(path: str | Path) -> str:
    """Return the format name kgraph uses for ``path``'s suffix.

    >>> suffix_format("out/graph.ttl")
    'turtle'
    >>> suffix_format("graph.docx")
    Traceback (most recent call last):
    ...
    kgraph._errors.FormatError: cannot tell the format of 'graph.docx' from its suffix '.docx'; ...
    """
    return _spec(Path(path))[3]


def _spec(path: Path) -> tuple[str, str, str, str]:
    suffix = path.suffix.lower()
    try:
        return _FORMATS[suffix]
    except KeyError:
        raise FormatError(
            f"cannot tell the format of {str(path)!r} from its suffix {suffix!r}; "
            f"use one of {', '.join(WRITABLE)}"
        ) from None


def write(g: nx.MultiDiGraph, path: str | Path, **options: Any) -> Path:
    """Write ``g`` to ``path`` in the format its suffix names; return the path.

    ``options`` go to the format's writer (``base=`` for RDF ...); one it does not take
    is an :class:`~kgraph.OptionError` before anything is written.
    """
    path = Path(path)
    module, writer, _reader, fmt = _spec(path)
    mod = importlib.import_module(f"kgraph.export.{module}")
    if module == "rdf":
        options.setdefault("format", fmt)
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


def read(path: str | Path, **options: Any) -> nx.MultiDiGraph:
    """Read a contract graph back from a file kgraph wrote."""
    path = Path(path)
    module, _writer, reader, fmt = _spec(path)
    if not reader:
        raise FormatError(
            f"{str(path)!r}: kgraph cannot read {fmt} back; read one of {', '.join(READABLE)}"
        )
    mod = importlib.import_module(f"kgraph.export.{module}")
    if module == "rdf":
        options.setdefault("format", fmt)
    read_fn = getattr(mod, reader)
    _check_options(read_fn, fmt, path, options=options, role="reader")
    result: nx.MultiDiGraph = read_fn(path, **options)
    return result
