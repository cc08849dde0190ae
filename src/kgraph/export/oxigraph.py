"""Oxigraph in process: an on-disk store of the dataset, and RDF files loaded in memory.

:func:`write_store` bulk-loads the dataset (:func:`kgraph.export.rdf.to_nquads`: the
default graph and one named graph per document) into a new Oxigraph store beside
``path``, then swaps the two directories: the previous store stays whole and
usable until the new one is complete, and an interrupted load leaves it as it was.
The directory is an ordinary Oxigraph store (``pyoxigraph.Store(path)``,
``oxigraph serve --location path``).  It holds one kgraph dataset: writing again
replaces it as a whole, and a directory that is not a store kgraph wrote is never
replaced.

:func:`open_store` opens such a directory read-only (once per process while it is
unchanged); :func:`load_file` parses an RDF or node-link JSON file into an
in-memory store, :func:`memory_store` a contract graph.
Queries go through :func:`kgraph.export.store.sparql`, which sees the union of the
graphs unless the query names one.

Needs ``pyoxigraph``: ``pip install 'kgraph[fast]'``.
"""

from __future__ import annotations

import importlib
import logging
import os
import shutil
import uuid
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from kgraph._errors import DocumentNotFoundError, ExportError, FormatError, MissingDependencyError
from kgraph.export.nodelink import read_json
from kgraph.export.rdf import DEFAULT_BASE, serialize, write_rdf

if TYPE_CHECKING:
    import networkx as nx
    import pyoxigraph

__all__ = [
    "available",
    "is_store",
    "load_file",
    "memory_store",
    "module",
    "open_store",
    "recover",
    "write_store",
]

log = logging.getLogger("kgraph.export.oxigraph")

INSTALL_HINT: Final = "pip install 'kgraph[fast]'"
_TMP_MARK: Final = ".kgraph-"  # ".NAME.kgraph-{new,old,nq}-PID-HEX" beside the store
_CACHE_SIZE: Final = 4  # stores kept open per process (the most recently used)

# suffix -> pyoxigraph RdfFormat attribute
_SUFFIX_FORMATS: Final = {
    ".ttl": "TURTLE",
    ".nt": "N_TRIPLES",
    ".jsonld": "JSON_LD",
    ".trig": "TRIG",
    ".nq": "N_QUADS",
    ".rdf": "RDF_XML",
}
_IS_KGRAPH: Final = "ASK { ?dataset a <https://w3id.org/kgraph/ns#Dataset> }"

_stores: OrderedDict[tuple[str, int, int], Any] = OrderedDict()


def available() -> bool:
    """Whether pyoxigraph is installed."""
    try:
        module()
    except MissingDependencyError:
        return False
    return True


def module(what: str = "this") -> Any:
    """The ``pyoxigraph`` module, imported on first use (start-up time); a
    :class:`~kgraph.MissingDependencyError` naming the extra when it is not installed."""
    try:
        return importlib.import_module("pyoxigraph")
    except ImportError as err:
        raise MissingDependencyError(
            f"{what} needs pyoxigraph, which is not installed: {INSTALL_HINT}"
        ) from err


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is a directory holding an Oxigraph (RocksDB) store.

    >>> is_store(".")
    False
    """
    path = Path(path)
    return (path / "CURRENT").is_file() and (path / "IDENTITY").is_file()


def write_store(g: nx.MultiDiGraph, path: str | Path, *, base: str = DEFAULT_BASE) -> None:
    """Write ``g``'s RDF dataset as an Oxigraph store in the directory ``path``.

    ``path`` may be missing, an empty directory, or a store kgraph wrote (its
    dataset is replaced as a whole: document graphs no longer in ``g`` are gone).
    The new store is built beside it and swapped in when complete, so a failed or
    interrupted write leaves the previous store as it was.  Anything else at
    ``path`` is an :class:`~kgraph.ExportError` before any work.

    Measured on the graph of 2,000 allsides articles (1.8 million quads): about 35 s
    (the N-Quads streamed to a file beside ``path``, then Oxigraph's bulk loader), 350 MB.
    """
    ox = module("writing an Oxigraph store")
    path = Path(path)
    _check_replaceable(ox, path)
    _remove_leftovers(path)
    tag = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    new = path.with_name(f".{path.name}{_TMP_MARK}new-{tag}")
    old = path.with_name(f".{path.name}{_TMP_MARK}old-{tag}")
    quads = path.with_name(f".{path.name}{_TMP_MARK}nq-{tag}")
    try:
        write_rdf(g, quads, format="nquads", base=base)  # streamed: no copy in memory
        store = ox.Store(str(new))
        store.bulk_load(path=str(quads), format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store
        if path.exists():
            path.rename(old)
        try:
            new.rename(path)
        except BaseException:
            if old.exists():
                old.rename(path)
            raise
    finally:
        quads.unlink(missing_ok=True)
        shutil.rmtree(new, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    log.info("wrote the Oxigraph store %s", path)


def _check_replaceable(ox: Any, path: Path) -> None:
    if not path.exists():
        if not path.parent.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True)
        return
    if not path.is_dir():
        raise ExportError(f"cannot write a store to {str(path)!r}: it is a file, not a directory")
    if not any(path.iterdir()):
        path.rmdir()  # an empty directory: the new store takes its place
        return
    if not is_store(path):
        raise ExportError(
            f"{str(path)!r} is a directory that holds no Oxigraph store; kgraph replaces only "
            "a store it wrote: give a new or empty directory"
        )
    try:
        holds_kgraph = bool(ox.Store.read_only(str(path)).query(_IS_KGRAPH))
    except OSError as err:
        raise ExportError(f"cannot open the store {str(path)!r} to replace it: {err}") from err
    if not holds_kgraph:
        raise ExportError(
            f"{str(path)!r} is an Oxigraph store without a kgraph dataset; kgraph replaces "
            "only a store it wrote: give a new or empty directory"
        )


def recover(path: str | Path) -> None:
    """Put back the store at ``path`` if a write was killed between moving it aside and
    moving the new one in (``path`` missing, its old store beside it, that process gone)."""
    path = Path(path)
    if not path.exists() and any(path.parent.glob(f".{path.name}{_TMP_MARK}old-*")):
        _remove_leftovers(path)


def _remove_leftovers(path: Path) -> None:
    """Directories an interrupted :func:`write_store` left beside ``path`` (their process gone).

    A write killed between moving the old store aside and moving the new one in leaves no
    store at ``path``: the old one is put back, never removed.
    """
    for leftover in sorted(path.parent.glob(f".{path.name}{_TMP_MARK}*")):
        pid = leftover.name.rsplit("-", 2)[-2]
        if not pid.isdigit() or _running(int(pid)):
            continue
        if leftover.name.startswith(f".{path.name}{_TMP_MARK}old-") and not path.exists():
            log.warning("putting back %s, the store an interrupted write moved aside", path)
            leftover.rename(path)
            continue
        log.info("removing %s, left by an interrupted write", leftover)
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _key(path: Path) -> tuple[str, int, int]:
    """(path, inode, mtime): a store swapped in by :func:`write_store` has a new inode."""
    st = path.stat()
    return (str(path.resolve()), st.st_ino, st.st_mtime_ns)


def open_store(path: str | Path) -> pyoxigraph.Store:
    """The Oxigraph store in the directory ``path``, opened read-only (cached per process).

    A missing directory is a :class:`~kgraph.DocumentNotFoundError`, one that holds no
    store a :class:`~kgraph.FormatError`.
    """
    ox = module("querying an Oxigraph store")
    path = Path(path)
    recover(path)
    if not path.is_dir():
        raise DocumentNotFoundError(f"{str(path)!r}: no such store directory; check the path")
    if not is_store(path):
        raise FormatError(
            f"{str(path)!r} holds no Oxigraph store; write one with "
            "`kgraph build ... --store DIR` or kg.write(DIR, format='oxigraph')"
        )
    key = _key(path)
    found: pyoxigraph.Store | None = _stores.get(key)
    if found is not None:
        _stores.move_to_end(key)
        return found
    try:
        store: pyoxigraph.Store = ox.Store.read_only(str(path))
    except OSError as err:
        raise FormatError(f"cannot open the store {str(path)!r}: {err}") from err
    for stale in [k for k in _stores if k[0] == key[0]]:
        del _stores[stale]
    _stores[key] = store
    while len(_stores) > _CACHE_SIZE:
        _stores.popitem(last=False)
    return store


def load_file(path: str | Path) -> pyoxigraph.Store:
    """An in-memory store of the RDF (any suffix kgraph writes) or node-link JSON file
    ``path``: named graphs stay named."""
    ox = module("querying a file with Oxigraph")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix != ".json" and suffix not in _SUFFIX_FORMATS:
        raise FormatError(
            f"cannot query {str(path)!r}: give a .json or RDF file "
            f"({', '.join(sorted(_SUFFIX_FORMATS))}) or a store directory"
        )
    if suffix == ".json":
        return memory_store(read_json(path))
    store: pyoxigraph.Store = ox.Store()
    fmt = getattr(ox.RdfFormat, _SUFFIX_FORMATS[suffix])
    try:
        store.bulk_load(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
    except SyntaxError as err:
        raise FormatError(f"{str(path)!r} is not valid {fmt}: {err}") from err
    except FileNotFoundError as err:
        raise DocumentNotFoundError(f"{str(path)!r}: no such file; check the path") from err
    return store


def memory_store(g: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> pyoxigraph.Store:
    """An in-memory store of ``g``'s RDF dataset."""
    ox = module("an Oxigraph store")
    store: pyoxigraph.Store = ox.Store()
    store.bulk_load(
        serialize(g, format="nquads", base=base).encode("utf-8"), format=ox.RdfFormat.N_QUADS
    )
    return store
