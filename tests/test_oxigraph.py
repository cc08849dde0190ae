"""The on-disk Oxigraph store and local SPARQL: files, store directories, contract graphs.

No server: pyoxigraph in process (a test extra).  Queries over a store directory, a
file or a contract graph see the union of the graphs unless they name one.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph
import pytest

import kgraph
from kgraph import (
    DocumentNotFoundError,
    ExportError,
    FormatError,
    KnowledgeGraph,
    MissingDependencyError,
)
from kgraph.export import oxigraph, rdf, store

from .conftest import HOSTILE_NAMES, build_contract_graph
from .test_rdf import RDFLIB_DEPRECATIONS, SUFFIXES, hostile_everywhere_graph, roles_graph
from .test_store import (
    allegation_rows,
    expected_allegations,
    expected_roles,
    role_rows,
)

pytestmark = RDFLIB_DEPRECATIONS

COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# an entity with the sentences that mention it: the entity sits in the default graph,
# its evidence in the documents' graphs
SENTENCES_OF = """\
PREFIX kg: <https://w3id.org/kgraph/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT DISTINCT ?sentence WHERE {
  ?entity skos:prefLabel "%s" ; kg:evidence ?ev .
  ?ev oa:hasSelector ?quote . ?quote oa:exact ?sentence .
}
ORDER BY ?sentence
"""


def quads(g: nx.MultiDiGraph) -> int:
    return sum(body.count(b"\n") for body in rdf.graph_payloads(g).values())


def sentences(g: nx.MultiDiGraph, label: str) -> list[str]:
    (node,) = [n for n, a in g.nodes(data=True) if a.get("label") == label]
    return sorted({ev["sentence"] for ev in g.nodes[node]["evidence"]})


@pytest.fixture
def graph_files(tmp_path: Path) -> dict[str, Path]:
    """roles_graph written in every format kgraph writes, plus its store directory."""
    g = roles_graph()
    files = {fmt: tmp_path / f"g{suffix}" for fmt, suffix in SUFFIXES.items()}
    for fmt, path in files.items():
        rdf.write_rdf(g, path, format=fmt)
    files["json"] = tmp_path / "g.json"
    KnowledgeGraph.from_networkx(g).to_json(files["json"])
    files["store"] = tmp_path / "store"
    oxigraph.write_store(g, files["store"])
    return files


# -- the union of the graphs -------------------------------------------------------------------


@pytest.mark.parametrize("target", [*SUFFIXES, "json", "store"])
def test_a_plain_query_sees_every_graph(graph_files: dict[str, Path], target: str) -> None:
    g = roles_graph()
    path = graph_files[target]
    assert kgraph.sparql(path, COUNT_ALL) == [{"n": quads(g)}]
    assert kgraph.sparql(str(path), COUNT_ALL) == [{"n": quads(g)}]  # a str path too
    label = "Gina Haspel"
    got = [r["sentence"] for r in kgraph.sparql(path, SENTENCES_OF % label)]
    assert got == sentences(g, label) != []


@pytest.mark.parametrize("target", ["trig", "nquads", "json-ld", "json", "store"])
def test_graph_and_from_still_name_one_graph(graph_files: dict[str, Path], target: str) -> None:
    g = roles_graph()
    payloads = rdf.graph_payloads(g)
    doc = min(name for name in payloads if name)
    in_doc = payloads[doc].count(b"\n")
    path = graph_files[target]
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{doc}> {{ ?s ?p ?o }} }}"
    assert kgraph.sparql(path, query) == [{"n": in_doc}]
    query = f"SELECT (COUNT(*) AS ?n) FROM <{doc}> WHERE {{ ?s ?p ?o }}"
    assert kgraph.sparql(path, query) == [{"n": in_doc}]
    named = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert kgraph.sparql(path, named) == [{"n": len(g.graph["documents"])}]


def test_a_knowledge_graph_is_queried_over_the_union_too() -> None:
    g = roles_graph()
    kg = KnowledgeGraph.from_networkx(g)
    assert kgraph.sparql(kg, COUNT_ALL) == [{"n": quads(g)}]
    assert kg.sparql(COUNT_ALL) == [{"n": quads(g)}]
    assert store.sparql(g, COUNT_ALL) == [{"n": quads(g)}]


@pytest.mark.parametrize("target", ["trig", "store"])
def test_the_readme_queries_answer_as_in_memory(graph_files: dict[str, Path], target: str) -> None:
    g = roles_graph()
    path = graph_files[target]
    rows = kgraph.sparql(path, store.ALLEGATIONS_ABOUT_RUSSIA)
    assert allegation_rows(rows) == expected_allegations(g, "Russia") != set()
    assert role_rows(kgraph.sparql(path, store.PEOPLE_ROLES_IN_AGENCIES)) == expected_roles(g)


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        ("ASK { }", [{"ask": True}]),
        (
            "SELECT ?x ?y WHERE { VALUES ?y { 1 } OPTIONAL { <urn:kg:none> <urn:kg:none> ?x } }",
            [{"x": None, "y": 1}],
        ),
        (
            'SELECT ?b ?d ?s ?l WHERE { BIND(true AS ?b) BIND(0.5 AS ?d) BIND("x" AS ?s) '
            'BIND("y"@en AS ?l) }',
            [{"b": True, "d": 0.5, "s": "x", "l": "y"}],
        ),
        (
            "CONSTRUCT { <urn:a> <urn:p> ?o } WHERE { VALUES ?o { 2 1 } }",
            [
                {"subject": "urn:a", "predicate": "urn:p", "object": 1},
                {"subject": "urn:a", "predicate": "urn:p", "object": 2},
            ],
        ),
    ],
)
def test_rows_are_the_python_values_rdflib_gives(
    graph_files: dict[str, Path], query: str, rows: Any
) -> None:
    assert kgraph.sparql(graph_files["store"], query) == rows
    assert kgraph.sparql(graph_files["trig"], query) == rows
    import rdflib

    assert store.sparql(rdflib.Dataset(), query) == rows


def test_hostile_text_survives_the_store(tmp_path: Path) -> None:
    g = build_contract_graph(HOSTILE_NAMES)
    oxigraph.write_store(g, tmp_path / "s")
    rows = kgraph.sparql(tmp_path / "s", store.allegations_about(HOSTILE_NAMES["russia"]))
    assert allegation_rows(rows) == expected_allegations(g, HOSTILE_NAMES["russia"])
    h = hostile_everywhere_graph()
    oxigraph.write_store(h, tmp_path / "s")
    assert kgraph.sparql(tmp_path / "s", COUNT_ALL) == [{"n": quads(h)}]


def test_a_bad_query_is_a_format_error(graph_files: dict[str, Path]) -> None:
    for target in (graph_files["store"], graph_files["trig"], roles_graph()):
        with pytest.raises(FormatError, match="not valid"):
            store.sparql(target, "SELECT nonsense")


# -- the store directory ---------------------------------------------------------------------


def test_writing_again_replaces_the_dataset_as_a_whole(tmp_path: Path) -> None:
    path = tmp_path / "s"
    oxigraph.write_store(roles_graph(), path)
    named = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    assert len(kgraph.sparql(path, named)) == 3
    b = build_contract_graph()  # one document fewer
    oxigraph.write_store(b, path)
    assert [r["g"] for r in kgraph.sparql(path, named)] == sorted(
        name for name in rdf.graph_payloads(b) if name
    )
    assert kgraph.sparql(path, COUNT_ALL) == [{"n": quads(b)}]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]  # nothing left beside it


def test_the_store_is_a_plain_oxigraph_store(tmp_path: Path) -> None:
    g = roles_graph()
    oxigraph.write_store(g, tmp_path / "s")
    ox = pyoxigraph.Store(str(tmp_path / "s"))
    assert len(ox) == quads(g)
    assert len(list(ox.named_graphs())) == len(g.graph["documents"])


@pytest.mark.parametrize("error", [KeyboardInterrupt, OSError, SyntaxError])
def test_an_interrupted_write_leaves_the_previous_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: type[BaseException]
) -> None:
    path = tmp_path / "s"
    before = roles_graph()
    oxigraph.write_store(before, path)
    real = pyoxigraph.Store

    class Failing:
        read_only = staticmethod(real.read_only)

        def __init__(self, where: str) -> None:
            self.store = real(where)

        def bulk_load(self, **options: Any) -> None:
            self.store.bulk_load(**options)  # the new store is complete, not yet swapped in
            raise error("interrupted")

    monkeypatch.setattr(pyoxigraph, "Store", Failing)
    with pytest.raises(error):
        oxigraph.write_store(build_contract_graph(), path)
    monkeypatch.undo()
    assert kgraph.sparql(path, COUNT_ALL) == [{"n": quads(before)}]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_a_write_killed_midway_is_cleaned_up_by_the_next(tmp_path: Path) -> None:
    dead = tmp_path / ".s.kgraph-new-999999999-0badf00d"  # a pid no process has
    dead.mkdir()
    (dead / "CURRENT").write_text("x")
    oxigraph.write_store(build_contract_graph(), tmp_path / "s")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


@pytest.mark.parametrize("then", ["query", "write"])
def test_a_write_killed_between_its_renames_loses_no_store(tmp_path: Path, then: str) -> None:
    path = tmp_path / "s"
    oxigraph.write_store(roles_graph(), path)
    # killed after moving the old store aside, before moving the new one in
    path.rename(tmp_path / ".s.kgraph-old-999999999-0badf00d")  # a pid no process has
    (tmp_path / ".s.kgraph-new-999999999-0badf00d").mkdir()
    if then == "query":
        assert kgraph.sparql(path, COUNT_ALL) == [{"n": quads(roles_graph())}]
    else:
        oxigraph.write_store(build_contract_graph(), path)
        assert kgraph.sparql(path, COUNT_ALL) == [{"n": quads(build_contract_graph())}]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_a_query_sees_the_store_written_after_it_was_opened(tmp_path: Path) -> None:
    path = tmp_path / "s"
    oxigraph.write_store(roles_graph(), path)
    assert kgraph.sparql(path, COUNT_ALL) == [{"n": quads(roles_graph())}]
    oxigraph.write_store(build_contract_graph(), path)
    assert kgraph.sparql(path, COUNT_ALL) == [{"n": quads(build_contract_graph())}]


def test_an_empty_directory_takes_a_store(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    oxigraph.write_store(build_contract_graph(), tmp_path / "s")
    assert oxigraph.is_store(tmp_path / "s")


def test_what_is_not_a_kgraph_store_is_never_replaced(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("keep me")
    with pytest.raises(ExportError, match="holds no Oxigraph store"):
        oxigraph.write_store(build_contract_graph(), notes)
    assert (notes / "todo.txt").read_text() == "keep me"
    other = tmp_path / "other"
    theirs = pyoxigraph.Store(str(other))
    theirs.add(
        pyoxigraph.Quad(
            pyoxigraph.NamedNode("urn:a"), pyoxigraph.NamedNode("urn:p"), pyoxigraph.Literal("1")
        )
    )
    theirs.flush()
    del theirs
    with pytest.raises(ExportError, match="without a kgraph dataset"):
        oxigraph.write_store(build_contract_graph(), other)
    assert kgraph.sparql(other, COUNT_ALL) == [{"n": 1}]
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="is a file"):
        oxigraph.write_store(build_contract_graph(), tmp_path / "file")


def test_missing_targets_are_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentNotFoundError, match="no such file or store directory"):
        kgraph.sparql(tmp_path / "nowhere.trig", COUNT_ALL)
    (tmp_path / "empty").mkdir()
    with pytest.raises(FormatError, match="holds no Oxigraph store"):
        kgraph.sparql(tmp_path / "empty", COUNT_ALL)
    (tmp_path / "g.txt").write_text("x")
    with pytest.raises(FormatError, match=r"give a \.json or RDF file"):
        kgraph.sparql(tmp_path / "g.txt", COUNT_ALL)
    (tmp_path / "bad.ttl").write_text("<urn:a> <urn:b> .")
    with pytest.raises(FormatError, match="not valid"):
        kgraph.sparql(tmp_path / "bad.ttl", COUNT_ALL)


# -- parsed once per process -------------------------------------------------------------------


def test_a_file_is_parsed_once_while_it_is_unchanged(
    graph_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []
    real = oxigraph.load_file

    def counting(path: Path) -> Any:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(oxigraph, "load_file", counting)
    path = graph_files["trig"]
    for _ in range(3):
        assert kgraph.sparql(path, COUNT_ALL) == [{"n": quads(roles_graph())}]
    assert len(calls) == 1
    rdf.write_rdf(build_contract_graph(), path, format="trig")  # a new size and mtime
    assert kgraph.sparql(path, COUNT_ALL) == [{"n": quads(build_contract_graph())}]
    assert len(calls) == 2


# -- without pyoxigraph ------------------------------------------------------------------------


def test_without_pyoxigraph_files_are_queried_with_rdflib(
    graph_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    g = roles_graph()
    expected = {
        name: kgraph.sparql(graph_files["trig"], q)
        for name, q in (("count", COUNT_ALL), ("sentences", SENTENCES_OF % "Gina Haspel"))
    }
    monkeypatch.setitem(sys.modules, "pyoxigraph", None)  # import pyoxigraph fails
    store._FILES.clear()
    assert not oxigraph.available()
    for target in ("trig", "turtle", "json"):
        path = graph_files[target]
        assert kgraph.sparql(path, COUNT_ALL) == expected["count"] == [{"n": quads(g)}]
        assert kgraph.sparql(path, SENTENCES_OF % "Gina Haspel") == expected["sentences"]
    assert kgraph.sparql(KnowledgeGraph.from_networkx(g), COUNT_ALL) == expected["count"]
    doc = min(name for name in rdf.graph_payloads(g) if name)
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{doc}> {{ ?s ?p ?o }} }}"
    assert kgraph.sparql(graph_files["trig"], query) == [
        {"n": rdf.graph_payloads(g)[doc].count(b"\n")}
    ]
    with pytest.raises(MissingDependencyError, match=r"pip install 'kgraph\[fast\]'") as info:
        kgraph.sparql(graph_files["store"], COUNT_ALL)
    assert isinstance(info.value, ImportError)
    with pytest.raises(MissingDependencyError, match=r"kgraph\[fast\]"):
        oxigraph.write_store(g, graph_files["store"])
    store._FILES.clear()


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }", True),
        ("SELECT * FROM NAMED <urn:g> WHERE { GRAPH ?g { ?s ?p ?o } }", True),
        ("PREFIX ex: <urn:ex:>\nSELECT * from ex:g WHERE { ?s ?p ?o }", True),
        ("SELECT * WHERE { GRAPH <urn:g> { ?s ?p ?o } }", False),
        ('SELECT * WHERE { ?s ?p "FROM <urn:g>" }', False),
        ("SELECT * WHERE { ?s ?p ?o } # FROM <urn:g>", False),
        ("SELECT ?from WHERE { ?s ?from <urn:FROM> }", False),
        ("SELECT * WHERE { ?s <urn:a#b> '''it's FROM <x>''' }", False),
    ],
)
def test_names_graphs(query: str, names: bool) -> None:
    assert store.names_graphs(query) is names


def test_no_store_is_left_open_by_a_failed_open(tmp_path: Path) -> None:
    # a directory swapped away under a cached store: the next query opens the new one
    path = tmp_path / "s"
    oxigraph.write_store(roles_graph(), path)
    kgraph.sparql(path, COUNT_ALL)
    shutil.rmtree(path)
    os.mkdir(path)
    with pytest.raises(FormatError, match="holds no Oxigraph store"):
        kgraph.sparql(path, COUNT_ALL)
