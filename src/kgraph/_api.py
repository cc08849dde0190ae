"""The public face: :class:`KnowledgeGraph`, :func:`build`, :func:`load`, :func:`sparql`,
:func:`evaluate`.

This module sits on top of every stage (ingest -> nlp -> extract -> resolve ->
pipeline -> graph -> query -> export -> evaluation) and only orchestrates.  ``import kgraph``
does not load it: :mod:`kgraph` imports it on first use of one of its names.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import networkx as nx

from kgraph import evaluation, export, ingest, pipeline, query
from kgraph._errors import UnknownDocumentError
from kgraph._model import (
    Allegation,
    BuildReport,
    DocResult,
    Document,
    Entity,
    Evidence,
    Fact,
    Statement,
    TimelineEvent,
)
from kgraph._progress import Progress
from kgraph.corrections import Corrections
from kgraph.corrections import apply as apply_corrections
from kgraph.corrections import read as read_corrections
from kgraph.export import store
from kgraph.export.html import show, to_html
from kgraph.export.nodelink import encode_text
from kgraph.export.pyvis import to_pyvis
from kgraph.export.rdf import DEFAULT_BASE, to_rdf
from kgraph.extract import Extractor
from kgraph.graph import assemble, disassemble, node_link_dumps
from kgraph.pipeline import check_batch_size, resolve_n_process

if TYPE_CHECKING:
    import rdflib
    from spacy.language import Language

__all__ = ["BuildReport", "KnowledgeGraph", "build", "evaluate", "load", "sparql"]

log = logging.getLogger("kgraph")
log_corrections = logging.getLogger("kgraph.corrections")  # each shown by the command line

Source = str | Path | Document | IO[Any]  # IO: an open file, such as sys.stdin.buffer
Sources = Source | Iterable[Source]
CorrectionsSource = str | Path | Corrections | None  # a corrections file (kgraph.corrections)


class KnowledgeGraph:
    """A knowledge graph of entities, relations and allegations, with provenance.

    The graph is a pure function of the set of documents in it: adding the same
    documents in any order, in one call or several, or merging graphs built from
    parts of them, gives the same graph.

    >>> kg = KnowledgeGraph()
    >>> len(kg)
    0
    """

    def __init__(
        self,
        *,
        model: str | Language | None = None,
        gazetteer: str | Path | None = None,
        extractors: Iterable[Extractor] | None = None,
        n_process: int = 1,
        batch_size: int = 32,
        corrections: CorrectionsSource = None,
    ) -> None:
        resolve_n_process(n_process)  # a bad value fails here, not at the first add
        self._model = model
        self._gazetteer_path = gazetteer
        self._extractors = tuple(extractors) if extractors is not None else None
        self.n_process = n_process
        self.batch_size = check_batch_size(batch_size)
        # a bad corrections file fails here, before any model loads
        self._corrections = (
            corrections
            if isinstance(corrections, Corrections) or corrections is None
            else read_corrections(corrections)
        )
        self._rejected: tuple[dict[str, Any], ...] = ()  # what corrections rejected so far
        self._correction_warnings: tuple[str, ...] = ()
        self._results: dict[str, DocResult] = {}
        self._view: nx.MultiDiGraph | None = None
        self.report = BuildReport()

    # -- building -------------------------------------------------------------------
    def add(
        self,
        sources: Sources,
        *,
        progress: bool = False,
        fields: Mapping[str, str] | None = None,
        limit: int | None = None,
        skip_bad: bool = False,
    ) -> BuildReport:
        """Read, extract and add documents; documents already in the graph are skipped.

        Every path is checked before the model loads.  ``fields`` maps Document fields
        to JSONL keys (``{"text": "body", "title": "headline"}``); ``limit`` reads at
        most that many documents; ``skip_bad`` skips bad JSONL lines and unreadable
        files instead of raising, listing them in ``report.skipped``.  ``progress``
        shows a bar, with a total and an ETA when the sources are files or lists.
        """
        report = BuildReport()
        stream = ingest.iter_documents(
            sources, report=report, fields=fields, limit=limit, skip_bad=skip_bad, count=progress
        )
        bar = Progress(stream.total, lambda: stream.handled, enabled=progress)
        fresh = bar.sent(_skip_known(stream, self._results, report))
        results = pipeline.run(
            fresh,
            model=self._model,
            gazetteer=self._gazetteer_path,
            extractors=self._extractors,
            n_process=self.n_process,
            batch_size=self.batch_size,
        )
        for result in bar.results(results):
            report.added.append(self._put(result))
            report.warnings.extend(result.warnings)
        self._apply_corrections(report)
        if not report.added and not report.unchanged and not report.skipped:
            log.warning("no document was added")
        self.report = report
        return report

    def _apply_corrections(self, report: BuildReport) -> None:
        """Assemble the graph now if it has corrections, their warnings into ``report``."""
        if self._corrections:
            _ = self.graph  # corrections are applied (and their warnings logged) at the build
            report.warnings.extend(self._correction_warnings)

    def add_results(self, results: Iterable[DocResult]) -> None:
        """Add per-document extraction results (as returned by workers)."""
        for result in results:
            self._put(result)

    def _put(self, result: DocResult) -> str:
        """Store one document's records under its id; return the id it is stored under.

        Two different texts under one id are both kept, whatever the order they
        come in: the text with the smaller SHA-256 holds the id, each other one
        ``id-<first 8 hex digits of its SHA-256>`` (what :func:`kgraph.ingest.iter_documents`
        names a second text), so that the graph stays a function of the set of documents.
        """
        sha = result.info.sha256
        base = _base_id(result.info.id, sha)
        own_aside = _aside_id(base, sha)
        old = self._results.get(own_aside)
        if old is not None and old.info.sha256 == sha:
            self._results[own_aside] = _renamed(result, own_aside)  # the same document again
            self._view = None
            return own_aside
        holder = self._results.get(base)
        if holder is not None and holder.info.sha256 != sha:
            log.info("document id %r holds two different texts; keeping both", base)
            if sha < holder.info.sha256:
                # the newcomer takes the id; the holder moves aside
                aside = _aside_id(base, holder.info.sha256)
                self._results[aside] = _renamed(holder, aside)
            else:
                self._results[own_aside] = _renamed(result, own_aside)
                self._view = None
                return own_aside
        self._results[base] = _renamed(result, base)
        self._view = None
        return base

    def remove(self, doc_id: str) -> None:
        """Retract the document ``doc_id``: its evidence goes, and so do the nodes and
        edges no other document supports (the graph is what the other documents give).

        A second text under the same id moves back to the id when the holder goes, as
        if it had been added alone.  An id not in :attr:`documents` is a
        :class:`~kgraph.UnknownDocumentError` (a ``KeyError``).
        """
        removed = self._results.pop(doc_id, None)
        if removed is None:
            close = difflib.get_close_matches(str(doc_id), list(self._results), n=3)
            hint = f"did you mean {', '.join(map(repr, close))}?" if close else "see kg.documents"
            raise UnknownDocumentError(f"no document {doc_id!r} in the graph; {hint}")
        self._view = None
        base = _base_id(doc_id, removed.info.sha256)
        for other in [r for k, r in self._results.items() if _base_id(k, r.info.sha256) == base]:
            del self._results[other.info.id]
            self._put(other)  # the texts left under ``base`` take their ids afresh

    def merge(self, *others: KnowledgeGraph) -> KnowledgeGraph:
        """Return a new graph holding the documents of this graph and ``others``."""
        out = self._empty_like()
        for kg in (self, *others):
            out.add_results(kg._results.values())
        return out

    def __or__(self, other: KnowledgeGraph) -> KnowledgeGraph:
        return self.merge(other)

    def _empty_like(self) -> KnowledgeGraph:
        return KnowledgeGraph(
            model=self._model,
            gazetteer=self._gazetteer_path,
            extractors=self._extractors,
            n_process=self.n_process,
            batch_size=self.batch_size,
            corrections=self._corrections,
        )

    @classmethod
    def from_networkx(
        cls,
        g: nx.MultiDiGraph,
        *,
        model: str | Language | None = None,
        gazetteer: str | Path | None = None,
        extractors: Iterable[Extractor] | None = None,
        n_process: int = 1,
        batch_size: int = 32,
        corrections: CorrectionsSource = None,
    ) -> KnowledgeGraph:
        """Wrap a contract graph (as written by :meth:`to_networkx`) in a KnowledgeGraph;
        the options are those of :class:`KnowledgeGraph`, for documents added later.

        A graph built with corrections keeps them (``g.graph["corrections"]``): they are
        applied again when documents are added.  ``corrections`` given here are applied
        at once (and then at every build) instead; their warnings are in :attr:`report`."""
        stored = g.graph.get("corrections")
        given = corrections is not None
        if not given and isinstance(stored, dict) and stored.get("commands"):
            corrections = Corrections.from_list(
                stored["commands"], str(stored.get("source") or "<corrections>")
            )
        kg = cls(
            model=model,
            gazetteer=gazetteer,
            extractors=extractors,
            n_process=n_process,
            batch_size=batch_size,
            corrections=corrections,
        )
        for result in disassemble(g):
            kg._results[result.info.id] = result
        if isinstance(stored, dict):
            kg._rejected = tuple(r for r in stored.get("rejected", ()) if isinstance(r, dict))
        kg._view = None if given else g.copy()
        if given:
            kg._apply_corrections(kg.report)  # assembled again, with the corrections
        return kg

    # -- the graph --------------------------------------------------------------------
    @property
    def graph(self) -> nx.MultiDiGraph:
        """The contract graph itself (do not mutate; see :meth:`to_networkx`)."""
        if self._view is None:
            view = assemble(self._results.values(), gazetteer=self._gazetteer_path)
            if self._corrections:
                applied = apply_corrections(
                    view,
                    self._corrections,
                    gazetteer=self._gazetteer_path,
                    previous=self._rejected,
                )
                view, self._rejected = applied.graph, applied.rejected
                self._correction_warnings = applied.warnings
                for line in applied.warnings:
                    log_corrections.warning("%s", line)
            self._view = view
        return self._view

    @property
    def corrections(self) -> Corrections | None:
        """The corrections applied at every build (:mod:`kgraph.corrections`), if any."""
        return self._corrections

    @property
    def documents(self) -> list[str]:
        """The ids of the documents in the graph, sorted."""
        return sorted(self._results)

    @property
    def results(self) -> Mapping[str, DocResult]:
        """Per-document extraction results, by document id."""
        return dict(self._results)

    def to_networkx(self) -> nx.MultiDiGraph:
        """Return a copy of the graph as a networkx ``MultiDiGraph``."""
        return self.graph.copy()

    def __len__(self) -> int:
        return int(self.graph.number_of_nodes())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KnowledgeGraph):
            return NotImplemented
        return node_link_dumps(self.graph) == node_link_dumps(other.graph)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        g = self.graph
        counts = Counter(str(t) for _, t in g.nodes(data="type"))
        parts = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
        return (
            f"<KnowledgeGraph documents={len(self._results)} nodes={g.number_of_nodes()} "
            f"edges={g.number_of_edges()}{' ' + parts if parts else ''}>"
        )

    # -- export -----------------------------------------------------------------------
    def to_json(self, path: str | Path | None = None) -> str:
        """Return the node-link JSON text; with ``path``, also write it there (whole or not
        at all: see :func:`kgraph.export.atomic_write`)."""
        text = node_link_dumps(self.graph)
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            export.write_bytes(path, encode_text(text, f"cannot write {str(path)!r}"))
        return text

    def write(
        self,
        path: str | Path,
        *,
        format: str | None = None,
        base: str | None = None,
        title: str | None = None,
    ) -> Path:
        """Write the graph; the format comes from the suffix (.json .ttl .nt .jsonld
        .trig .nq .rdf .html .graphml .gexf); a directory (``"out/neo4j/"``) takes Neo4j
        CSV files, ``format="oxigraph"`` an on-disk store for :func:`sparql`.  ``base`` is
        the base IRI of the RDF and the store, ``title`` the HTML page's (for its other
        settings: :meth:`to_html`); see :func:`kgraph.export.write`.  A file is written
        whole or not at all: a failure, Ctrl-C or kill leaves the file that was there as
        it was."""
        return export.write(self.graph, path, format=format, base=base, title=title)

    def to_rdf(self, *, base: str = DEFAULT_BASE) -> rdflib.Dataset:
        """Return an rdflib ``Dataset``: one named graph per document plus a default graph;
        ``base`` is the base IRI of the nodes' IRIs."""
        return to_rdf(self.graph, base=base)

    def to_html(
        self,
        path: str | Path | None = None,
        *,
        title: str | None = None,
        max_nodes: int | None = 2000,
        layout_threshold: int | None = 200,
        height: str | int | None = None,
        seed: int = 7,
        max_evidence: int = 3,
        edge_labels: bool = True,
    ) -> str:
        """Return one self-contained HTML page; with ``path``, also write it there (whole
        or not at all).  The settings are :func:`kgraph.export.html.to_html`'s."""
        page = to_html(
            self.graph,
            title=title,
            max_nodes=max_nodes,
            layout_threshold=layout_threshold,
            height=height,
            seed=seed,
            max_evidence=max_evidence,
            edge_labels=edge_labels,
        )
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            export.write_bytes(path, encode_text(page, f"cannot write {str(path)!r}"))
        return page

    def to_pyvis(
        self,
        *,
        height: str = "750px",
        width: str = "100%",
        notebook: bool = False,
        cdn_resources: str = "remote",
        max_nodes: int | None = 2000,
        layout_threshold: int | None = 200,
        seed: int = 7,
        max_evidence: int = 3,
        edge_labels: bool = True,
    ) -> Any:
        """Return a ``pyvis.network.Network`` of the graph (types as groups, the page's
        colours and physics, plain-text tooltips) for scripting pyvis yourself;
        :meth:`to_html` is the safe, offline page.  The settings are
        :func:`kgraph.export.pyvis.to_pyvis`'s."""
        return to_pyvis(
            self.graph,
            height=height,
            width=width,
            notebook=notebook,
            cdn_resources=cdn_resources,
            max_nodes=max_nodes,
            layout_threshold=layout_threshold,
            seed=seed,
            max_evidence=max_evidence,
            edge_labels=edge_labels,
        )

    def show(
        self,
        *,
        height: str | int = 650,
        title: str | None = None,
        max_nodes: int | None = 2000,
        layout_threshold: int | None = 200,
        seed: int = 7,
        max_evidence: int = 3,
        edge_labels: bool = True,
    ) -> Any:
        """Display the interactive graph inline in a notebook, in a frame ``height`` high;
        the other settings are :func:`kgraph.export.html.to_html`'s."""
        return show(
            self.graph,
            height=height,
            title=title,
            max_nodes=max_nodes,
            layout_threshold=layout_threshold,
            seed=seed,
            max_evidence=max_evidence,
            edge_labels=edge_labels,
        )

    def push(
        self,
        endpoint: str,
        *,
        auth: Any = None,
        timeout: float = store.DEFAULT_TIMEOUT,
        base: str = DEFAULT_BASE,
        rollback: bool = True,
        mirror: bool = True,
    ) -> store.PushReport:
        """Send the graph to a SPARQL 1.1 store, one named graph per document; the
        settings are :func:`kgraph.export.store.push`'s."""
        return store.push(
            self.graph,
            endpoint,
            auth=auth,
            timeout=timeout,
            base=base,
            rollback=rollback,
            mirror=mirror,
        )

    def sparql(self, query: str) -> list[dict[str, Any]]:
        """Run a SPARQL query over this graph's RDF form."""
        return sparql(self, query)

    # -- queries ----------------------------------------------------------------------
    def entity(self, name: str) -> Entity:
        """The entity called ``name`` (any alias, any case)."""
        return query.entity(self.graph, name)

    def entities(self, type: str | None = None) -> list[Entity]:
        """Entities, optionally of one type, most mentioned first."""
        return query.entities(self.graph, type=type)

    def relations(
        self,
        subject: str | None = None,
        predicate: str | None = None,
        object: str | None = None,
        *,
        event: str | None = None,
        asserted: bool | None = True,
    ) -> list[Fact]:
        """Relations between entities, filtered by subject, predicate, object and PLOVER event
        category; what the text asserts by default (``asserted=None``: every fact)."""
        return query.relations(
            self.graph,
            subject=subject,
            predicate=predicate,
            object=object,
            event=event,
            asserted=asserted,
        )

    def allegations(
        self,
        accused: str | None = None,
        alleged_by: str | None = None,
        status: str | None = None,
        *,
        since: str | None = None,
        until: str | None = None,
    ) -> list[Allegation]:
        """Allegations, filtered by who is accused, who alleged it, status and when first
        reported (ISO dates or prefixes: ``since="2018"``)."""
        return query.allegations(
            self.graph,
            accused=accused,
            alleged_by=alleged_by,
            status=status,
            since=since,
            until=until,
        )

    def timeline(self, allegation: str) -> list[TimelineEvent]:
        """Who alleged, reported, denied, dismissed or confirmed an allegation, and when."""
        return query.timeline(self.graph, allegation)

    def statements(
        self, speaker: str | None = None, about: str | None = None, doc: str | None = None
    ) -> list[Statement]:
        """Who said what: statements by a speaker (or on their behalf), about an entity, in a
        document."""
        return query.statements(self.graph, speaker=speaker, about=about, doc=doc)

    def neighbors(self, name: str) -> list[Entity | Allegation]:
        """The entities and allegations linked to ``name``."""
        return query.neighbors(self.graph, name)

    def subgraph(self, around: str, depth: int = 1) -> KnowledgeGraph:
        """The graph of everything within ``depth`` links of ``around``."""
        return KnowledgeGraph.from_networkx(query.subgraph(self.graph, around, depth=depth))

    def path(self, a: str, b: str) -> list[Fact]:
        """A shortest chain of links from ``a`` to ``b``."""
        return query.path(self.graph, a, b)

    def rank(self, by: str = "pagerank", top: int | None = 10) -> list[tuple[Entity, float]]:
        """Entities ranked by ``pagerank``, ``degree`` or ``betweenness``."""
        return query.rank(self.graph, by=by, top=top)

    def to_pandas(self) -> dict[str, Any]:
        """Tables ``entities``, ``relations``, ``allegations`` and ``mentions`` as DataFrames."""
        return query.to_pandas(self.graph)

    def _repr_html_(self) -> str:
        return query.summary_html(self.graph)


def _skip_known(
    documents: Iterable[Document], known: Mapping[str, DocResult], report: BuildReport
) -> Iterator[Document]:
    for document in documents:
        assert document.id is not None
        sha = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
        base = _base_id(document.id, sha)
        same = [
            doc_id
            for doc_id in (base, _aside_id(base, sha))
            if (old := known.get(doc_id)) is not None and old.info.sha256 == sha
        ]
        if same:
            report.unchanged.append(same[0])  # the id it has in the graph
            continue
        yield document


def _aside_id(base: str, sha256: str) -> str:
    """The id of a second text under the id ``base``."""
    return f"{base}-{sha256[:8]}"


def _base_id(doc_id: str, sha256: str) -> str:
    """``doc_id`` without the ``-<sha8>`` a second text under one id gets.

    >>> _base_id("report-1a2b3c4d", "1a2b3c4d" + "0" * 56), _base_id("report-1", "1a2b")
    ('report', 'report-1')
    """
    suffix = f"-{sha256[:8]}"
    if len(sha256) >= 8 and doc_id.endswith(suffix) and len(doc_id) > len(suffix):
        return doc_id[: -len(suffix)]
    return doc_id


def _renamed(result: DocResult, doc_id: str) -> DocResult:
    """The records of ``result`` under another document id (mentions and evidence too).

    Extraction does not depend on the id, so this is what extracting the document
    under ``doc_id`` gives.
    """
    if result.info.id == doc_id:
        return result

    def ev(evidence: Evidence) -> Evidence:
        return replace(evidence, doc=doc_id)

    return replace(
        result,
        info=replace(result.info, id=doc_id),
        entities=tuple(
            replace(e, mentions=tuple(replace(m, doc=doc_id) for m in e.mentions))
            for e in result.entities
        ),
        relations=tuple(replace(r, evidence=ev(r.evidence)) for r in result.relations),
        allegations=tuple(
            replace(
                a,
                evidence=tuple(ev(e) for e in a.evidence),
                roles=tuple(replace(role, evidence=ev(role.evidence)) for role in a.roles),
            )
            for a in result.allegations
        ),
        statements=tuple(replace(st, evidence=ev(st.evidence)) for st in result.statements),
    )


def build(
    sources: Sources,
    *,
    model: str | Language | None = None,
    gazetteer: str | Path | None = None,
    extractors: Iterable[Extractor] | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    progress: bool = False,
    fields: Mapping[str, str] | None = None,
    limit: int | None = None,
    skip_bad: bool = False,
    corrections: CorrectionsSource = None,
) -> KnowledgeGraph:
    """Build a knowledge graph from files, directories, globs, open files, raw strings or
    Documents.

    The options are those of :class:`KnowledgeGraph` (``corrections``: a corrections file,
    :mod:`kgraph.corrections`, applied at every build); ``progress``, ``fields``,
    ``limit`` and ``skip_bad`` those of :meth:`KnowledgeGraph.add`.
    """
    kg = KnowledgeGraph(
        model=model,
        gazetteer=gazetteer,
        extractors=extractors,
        n_process=n_process,
        batch_size=batch_size,
        corrections=corrections,
    )
    kg.add(sources, progress=progress, fields=fields, limit=limit, skip_bad=skip_bad)
    return kg


def load(
    path: str | Path,
    *,
    model: str | Language | None = None,
    gazetteer: str | Path | None = None,
    extractors: Iterable[Extractor] | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    corrections: CorrectionsSource = None,
) -> KnowledgeGraph:
    """Read a graph written by :meth:`KnowledgeGraph.write` (.json or any RDF suffix); the
    options are those of :class:`KnowledgeGraph`, for documents added later (a graph built
    with corrections keeps them unless ``corrections`` gives others)."""
    return KnowledgeGraph.from_networkx(
        export.read(path),
        model=model,
        gazetteer=gazetteer,
        extractors=extractors,
        n_process=n_process,
        batch_size=batch_size,
        corrections=corrections,
    )


def sparql(
    endpoint_or_graph: str | Path | KnowledgeGraph | nx.MultiDiGraph | rdflib.Graph,
    query: str,
    *,
    auth: Any = None,
) -> list[dict[str, Any]]:
    """Run a SPARQL query against an endpoint URL, a store directory (``--store DIR``), a
    graph file, a KnowledgeGraph or an rdflib graph.

    Over a store directory, a file or a KnowledgeGraph, patterns without ``GRAPH`` see
    the union of the default graph and the documents' graphs.
    """
    target: Any = endpoint_or_graph
    if isinstance(endpoint_or_graph, KnowledgeGraph):
        target = endpoint_or_graph.graph  # its RDF dataset, queried over the union of graphs
    return store.sparql(target, query, auth=auth)


def evaluate(
    graph: KnowledgeGraph | nx.MultiDiGraph | str | Path | Mapping[str, Any],
    gold: str | Path | Mapping[str, Any] | None = None,
    *,
    attributions: str | Path | None = None,
) -> evaluation.Evaluation:
    """Score a graph against your own annotations: a ``gold`` JSON file (entities,
    relations, allegations; see ``kgraph annotate``) and/or a folder of brat
    ``attributions`` (PolNeAR's layout); the figures are attributes of the result's
    ``gold`` and ``attributions``, and ``to_dict()`` gives them as JSON.

    ``graph`` is a KnowledgeGraph, a networkx graph, a file :func:`load` reads or a
    node-link dict.  See :mod:`kgraph.evaluation` for the definitions.
    """
    return evaluation.evaluate(graph, gold, attributions=attributions)
