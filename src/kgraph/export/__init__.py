"""Exporters: one module per format, each reading the contract graph.

``write(g, path)`` and ``read(path)`` pick the module from the file suffix.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from kgraph._errors import FormatError

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
    """Write ``g`` to ``path`` in the format its suffix names; return the path."""
    path = Path(path)
    module, writer, _reader, fmt = _spec(path)
    mod = importlib.import_module(f"kgraph.export.{module}")
    if module == "rdf":
        options.setdefault("format", fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    getattr(mod, writer)(g, path, **options)
    return path


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
    result: nx.MultiDiGraph = getattr(mod, reader)(path, **options)
    return result
