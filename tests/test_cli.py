"""The kgraph command (kgraph.cli): info, query, push, build; usage and error handling.

``info``/``query``/``push`` run on JSON files written from the fixture graphs; ``build``
runs with a stand-in KnowledgeGraph here and with the real model in the ``model`` tests.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import logging
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import kgraph
from kgraph import BuildReport, KnowledgeGraph, cli, query
from kgraph.graph import node_link_dumps
from tests.conftest import HOSTILE_NAMES, build_contract_graph

SRC = Path(kgraph.__file__).resolve().parent.parent


def _write_graph(path: Path, g: nx.MultiDiGraph) -> Path:
    path.write_text(node_link_dumps(g), encoding="utf-8")
    return path


@pytest.fixture
def graph_json(tmp_path: Path, contract_graph: nx.MultiDiGraph) -> Path:
    return _write_graph(tmp_path / "graph.json", contract_graph)


@pytest.fixture
def hostile_json(tmp_path: Path, hostile_graph: nx.MultiDiGraph) -> Path:
    return _write_graph(tmp_path / "hostile.json", hostile_graph)


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("kgraph: error: ")
    assert "Traceback" not in err
    return lines[0]


# -- version, help, usage errors ------------------------------------------------------------------
def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "--version")
    assert (code, out) == (0, f"kgraph {kgraph.__version__}\n")


@pytest.mark.parametrize(
    "argv", [["--help"], ["build", "--help"], ["info", "-h"], ["query", "-h"], ["push", "--help"]]
)
def test_help(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, _err = run(capsys, *argv)
    assert code == 0 and out.startswith("usage: kgraph")


def test_build_help_names_every_format_of_the_export_table(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kgraph.export import WRITABLE

    code, out, _err = run(capsys, "build", "--help")
    assert code == 0 and f"repeatable: {' '.join(WRITABLE)}, or DIR/" in " ".join(out.split())
    assert len(WRITABLE) >= 10


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "required: COMMAND"),
        (["bogus"], "invalid choice: 'bogus'"),
        (["info"], "info: the following arguments are required: GRAPH"),
        (["info", "graph.txt"], "cannot read a graph from 'graph.txt'"),
        (["info", "{json}", "--top", "0"], "--top: expected a whole number >= 1"),
        (["info", "{json}", "--by", "fame"], "invalid choice: 'fame'"),
        (["info", "{json}", "-q", "-v"], "not allowed with argument"),
        (["build", "articles"], "-o/--output"),
        (["build", "-o", "out.json"], "SOURCE"),
        (["build", "a", "-o", "out.docx"], "from its suffix '.docx'"),
        (["build", "a", "-o", "out.json", "--n-process", "0"], "or -1 for one per CPU"),
        (["build", "a", "-o", "out.json", "--n-process", "-2"], "or -1 for one per CPU"),
        (["build", "a", "-o", "out.json", "--n-process", "two"], "not 'two'"),
        (["build", "a", "-o", "out.json", "--limit", "0"], "--limit: expected a whole number"),
        (["build", "a", "-o", "out.json", "--field", "text"], "expected NAME=KEY"),
        (["build", "a", "-o", "out.json", "--field", "body=text"], "'body' is no document field"),
        (["build", "-", "-", "-o", "out.json"], "'-' (standard input) can be given once"),
        (["query", "{json}"], "SPARQL"),
        (["query", "{json}", "SELECT * {}", "--format", "xml"], "invalid choice: 'xml'"),
        (["push", "{json}", "ftp://example.org/sparql"], "not a SPARQL endpoint URL"),
        (["push", "{json}", "http://127.0.0.1:9/sparql", "--password", "x"], "need --user"),
        (["push", "{json}", "http://127.0.0.1:9/sparql", "--digest"], "need --user"),
        (["query", "{json}", "   "], "query is empty"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], graph_json: Path, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *(str(graph_json) if a == "{json}" else a for a in argv))
    assert code == 2
    assert out == ""
    assert message in _one_error_line(err)


def test_a_user_without_a_password_off_a_terminal_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], graph_json: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cli.PASSWORD_ENV, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, _out, err = run(capsys, "push", graph_json, "http://127.0.0.1:9/sparql", "--user", "u")
    assert code == 2
    assert "needs --password or $KGRAPH_PASSWORD" in _one_error_line(err)


# -- info -----------------------------------------------------------------------------------------
def test_info_prints_counts_and_top_entities(
    capsys: pytest.CaptureFixture[str], graph_json: Path
) -> None:
    code, out, err = run(capsys, "info", graph_json)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"{graph_json}: 2 documents, 5 nodes, 5 edges"
    assert lines[1].split() == ["entities", "4", "(Country", "2,", "Person", "2)"]
    assert lines[2].split() == ["allegations", "1", "(denied", "1)"]
    assert lines[3].split() == ["relations", "2", "(holds_role", "1,", "warn", "1)"]
    assert "top 4 entities by mentions:" in lines
    table = lines[lines.index("top 4 entities by mentions:") + 1 :]
    assert table[0].split() == ["#", "entity", "type", "mentions", "documents"]
    assert table[2].split() == ["1", "Russia", "Country", "2", "2"]
    assert table[-1] == "(4 rows)"


@pytest.mark.parametrize("by", ["pagerank", "degree", "betweenness"])
def test_info_ranks_by_centrality(
    capsys: pytest.CaptureFixture[str], graph_json: Path, by: str, contract_graph: nx.MultiDiGraph
) -> None:
    code, out, _err = run(capsys, "info", graph_json, "--by", by, "--top", "2")
    assert code == 0
    assert f"top 2 entities by {by}:" in out
    (best, score), _ = query.rank(contract_graph, by=by, top=2)
    assert f"{best.label}" in out and f"{score:.4f}" in out


def test_info_json_is_the_summary(
    capsys: pytest.CaptureFixture[str], graph_json: Path, contract_graph: nx.MultiDiGraph
) -> None:
    code, out, _err = run(capsys, "info", graph_json, "--format", "json", "--top", "3")
    assert code == 0
    assert json.loads(out) == query.summary(contract_graph, top=3)


def test_info_keeps_hostile_names_on_one_line(
    capsys: pytest.CaptureFixture[str], hostile_json: Path
) -> None:
    code, out, _err = run(capsys, "info", hostile_json)
    assert code == 0
    table = out.split("top 4 entities by mentions:\n")[1].splitlines()
    assert len(table) == 2 + 4 + 1  # header, rule, four rows, count
    for char in ("\t", "\u202e", "\u200b", "\r"):
        assert char not in out
    assert "<script>alert(1)</script>" in out  # text is printed, not interpreted


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "No such file or directory"),
        ("{not json", "not valid JSON"),
        ('{"graph": {}}', "not a node-link graph"),
    ],
)
def test_info_on_a_bad_file_is_one_line_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "graph.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "info", path)
    assert (code, out) == (1, "")
    assert message in _one_error_line(err)


# -- query ----------------------------------------------------------------------------------------
ROWS: list[dict[str, Any]] = [
    {"s": "http://example.org/a", "label": "Mike Pompeo", "n": 3},
    {"s": "http://example.org/b", "label": 'say "hi",\nthen\tgo \u202ex', "n": None},
]


@pytest.fixture
def fake_sparql(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, str, Any]]:
    calls: list[tuple[Any, str, Any]] = []

    def sparql(target: Any, text: str, *, auth: Any = None) -> list[dict[str, Any]]:
        calls.append((target, text, auth))
        return [dict(r) for r in ROWS]

    monkeypatch.setattr(kgraph, "sparql", sparql)
    return calls


def test_query_table(
    capsys: pytest.CaptureFixture[str], graph_json: Path, fake_sparql: list[Any]
) -> None:
    code, out, _err = run(capsys, "query", graph_json, "SELECT ?s ?label ?n {}")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["s", "label", "n"]
    assert lines[2].split() == ["http://example.org/a", "Mike", "Pompeo", "3"]
    assert lines[3].startswith("http://example.org/b") and "then go x" in lines[3]
    assert lines[-1] == "(2 rows)" and len(lines) == 5
    ((target, text, auth),) = fake_sparql
    assert target == graph_json  # the file itself, parsed by kgraph.sparql, never loaded
    assert (text, auth) == ("SELECT ?s ?label ?n {}", None)


def test_query_csv_round_trips(
    capsys: pytest.CaptureFixture[str], graph_json: Path, fake_sparql: list[Any]
) -> None:
    code, out, _err = run(capsys, "query", graph_json, "SELECT * {}", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows == [{k: "" if v is None else str(v) for k, v in row.items()} for row in ROWS]


def test_query_json(
    capsys: pytest.CaptureFixture[str], graph_json: Path, fake_sparql: list[Any]
) -> None:
    code, out, _err = run(capsys, "query", graph_json, "SELECT * {}", "--format", "json")
    assert (code, json.loads(out)) == (0, ROWS)


def test_query_reads_standard_input(
    capsys: pytest.CaptureFixture[str],
    graph_json: Path,
    fake_sparql: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("ASK { ?s ?p ?o }\n"))
    code, _out, _err = run(capsys, "query", graph_json, "-")
    assert code == 0 and fake_sparql[0][1] == "ASK { ?s ?p ?o }\n"


def test_query_an_endpoint_with_credentials(
    capsys: pytest.CaptureFixture[str], fake_sparql: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSWORD_ENV, "from-env")
    url = "http://127.0.0.1:9/sparql"
    code, _out, _err = run(capsys, "query", url, "SELECT * {}", "--user", "ann")
    assert code == 0
    assert fake_sparql[-1][0] == url and fake_sparql[-1][2] == ("ann", "from-env")
    code, _out, _err = run(
        capsys, "query", url, "SELECT * {}", "--user", "ann", "--password", "pw", "--digest"
    )
    from requests.auth import HTTPDigestAuth

    auth = fake_sparql[-1][2]
    assert code == 0 and isinstance(auth, HTTPDigestAuth)
    assert (auth.username, auth.password) == ("ann", "pw")


def test_a_query_the_parser_rejects_is_one_line_exit_1(
    capsys: pytest.CaptureFixture[str], graph_json: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class ParseException(Exception):  # what pyparsing raises under rdflib
        pass

    def sparql(*_: Any, **__: Any) -> list[dict[str, Any]]:
        raise ParseException("Expected {SelectQuery | ConstructQuery}, found 'SELEC'\n(at char 0)")

    monkeypatch.setattr(kgraph, "sparql", sparql)
    code, out, err = run(capsys, "query", graph_json, "SELEC * {}")
    assert (code, out) == (1, "")
    line = _one_error_line(err)
    assert "the SPARQL query failed: ParseException: Expected" in line and "(at char 0)" in line


def test_query_without_results(
    capsys: pytest.CaptureFixture[str], graph_json: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kgraph, "sparql", lambda *_a, **_k: [])
    code, out, _err = run(capsys, "query", graph_json, "SELECT * {}")
    assert (code, out) == (0, "(no results)\n")


def test_query_on_the_real_rdf_export(capsys: pytest.CaptureFixture[str], graph_json: Path) -> None:
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    code, out, err = run(capsys, "query", graph_json, sparql, "--format", "json")
    assert code == 0, err
    (row,) = json.loads(out)
    assert int(str(row["n"])) > 0


def test_query_over_a_file_sees_the_evidence_in_the_documents_graphs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, contract_graph: nx.MultiDiGraph
) -> None:
    query_text = (
        "PREFIX oa: <http://www.w3.org/ns/oa#> "
        "SELECT DISTINCT ?sentence WHERE { ?q a oa:TextQuoteSelector ; oa:exact ?sentence } "
        "ORDER BY ?sentence"
    )
    items = [
        *contract_graph.nodes(data=True),
        *((u, a) for u, _v, a in contract_graph.edges(data=True)),
    ]
    expected = sorted({ev["sentence"] for _x, a in items for ev in a["evidence"]})
    trig = KnowledgeGraph.from_networkx(contract_graph).write(tmp_path / "g.trig")
    code, out, err = run(capsys, "query", trig, query_text, "--format", "json")
    assert code == 0, err
    assert [row["sentence"] for row in json.loads(out)] == expected


def test_build_store_then_query_the_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_kg: type[FakeKnowledgeGraph]
) -> None:
    store_dir = tmp_path / "store"
    code, _out, err = run(capsys, "build", tmp_path, "--store", store_dir)
    assert code == 0, err
    assert f"stored the graph in {store_dir}" in err
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    code, out, err = run(capsys, "query", store_dir, count, "--format", "json")
    assert code == 0, err
    expected = sum(body.count(b"\n") for body in rdf_payloads(build_contract_graph()).values())
    assert json.loads(out) == [{"n": expected}]
    # building again replaces the dataset in the store
    code, _out, err = run(
        capsys, "build", tmp_path, "--store", store_dir, "-o", tmp_path / "g.json"
    )
    assert code == 0, err
    code, out, _err = run(capsys, "query", store_dir, count, "--format", "json")
    assert json.loads(out) == [{"n": expected}]


def rdf_payloads(g: nx.MultiDiGraph) -> dict[str, bytes]:
    from kgraph.export import rdf

    return rdf.graph_payloads(g)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["build", "{tmp}"], "give at least one output: -o/--output FILE or --store DIR"),
        (["build", "{tmp}", "--store", "{tmp}/file"], "is a file; give a directory"),
        (["query", "{tmp}/empty", "ASK {{}}"], "holds no Oxigraph store"),
    ],
)
def test_store_usage_errors_are_one_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_kg: type[FakeKnowledgeGraph],
    argv: list[str],
    message: str,
) -> None:
    (tmp_path / "file").write_text("x")
    (tmp_path / "empty").mkdir()
    code, _out, err = run(capsys, *(a.format(tmp=tmp_path) for a in argv))
    assert code in (1, 2)
    assert message in _one_error_line(err)
    assert not fake_kg.instances or not fake_kg.instances[0].added  # before any build


def test_build_without_pyoxigraph_refuses_store_before_the_build(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_kg: type[FakeKnowledgeGraph],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pyoxigraph", None)
    code, _out, err = run(capsys, "build", tmp_path, "--store", tmp_path / "s")
    assert code == 1
    assert "pip install 'kgraph[fast]'" in _one_error_line(err)
    assert fake_kg.instances == []


def test_build_writes_neo4j_csv_to_a_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_kg: type[FakeKnowledgeGraph]
) -> None:
    out = f"{tmp_path}/neo4j/"
    code, _out, err = run(capsys, "build", tmp_path, "-o", out)
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "neo4j").iterdir())
    assert "import.sh" in names and "import.cypher" in names and "nodes-Person.csv" in names


# -- push -----------------------------------------------------------------------------------------
def test_push_hands_the_graph_endpoint_and_auth_to_the_store(
    capsys: pytest.CaptureFixture[str], graph_json: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[KnowledgeGraph, str, Any]] = []

    def push(self: KnowledgeGraph, endpoint: str, *, auth: Any = None, **_: Any) -> None:
        calls.append((self, endpoint, auth))

    monkeypatch.setattr(KnowledgeGraph, "push", push)
    url = "http://127.0.0.1:9/sparql"
    code, _out, err = run(capsys, "push", graph_json, url, "--user", "dba", "--password", "pw")
    assert code == 0
    ((kg, endpoint, auth),) = calls
    assert kg.documents == ["doc-a", "doc-b"] and endpoint == url and auth == ("dba", "pw")
    assert f"kgraph: pushed 2 documents to {url}" in err


def test_a_store_error_is_one_line_exit_1(
    capsys: pytest.CaptureFixture[str], graph_json: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def push(self: KnowledgeGraph, endpoint: str, **_: Any) -> None:
        raise kgraph.StoreError(f"{endpoint} refused the request:\n401 Unauthorized")

    monkeypatch.setattr(KnowledgeGraph, "push", push)
    code, _out, err = run(capsys, "push", graph_json, "http://127.0.0.1:9/sparql")
    assert code == 1
    assert _one_error_line(err).endswith("refused the request: 401 Unauthorized")


class _Recorder(BaseHTTPRequestHandler):
    requests: list[tuple[str, str, str | None]] = []  # noqa: RUF012

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.requests.append((self.command, self.path, self.headers.get("Authorization")))
        if self.command == "POST":  # a query (push lists the store's graphs): no rows
            body = b'{"head": {"vars": ["g"]}, "results": {"bindings": []}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(204 if self.command != "GET" else 200)
        self.end_headers()

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def recording_store() -> Iterator[str]:
    _Recorder.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_push_to_a_local_store_sends_authenticated_requests(
    capsys: pytest.CaptureFixture[str], graph_json: Path, recording_store: str
) -> None:
    code, _out, err = run(
        capsys, "push", graph_json, recording_store, "--user", "dba", "--password", "pw"
    )
    assert code == 0, err
    assert _Recorder.requests
    basic = "Basic " + base64.b64encode(b"dba:pw").decode()
    assert all(auth == basic for _m, _p, auth in _Recorder.requests)


def test_push_to_nothing_listening_is_one_line_exit_1(
    capsys: pytest.CaptureFixture[str], graph_json: Path
) -> None:
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago, now closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, _out, err = run(capsys, "push", graph_json, f"http://127.0.0.1:{port}/sparql")
    assert code == 1
    _one_error_line(err)


# -- build (with a stand-in for the NLP core) -----------------------------------------------------
class FakeKnowledgeGraph:
    """Stands in for KnowledgeGraph in ``kgraph build``: records the calls, adds the fixture."""

    instances: list[FakeKnowledgeGraph] = []  # noqa: RUF012

    def __init__(self, **options: Any) -> None:
        self.options = options
        self.added: list[tuple[list[Any], bool]] = []
        self.add_options: dict[str, Any] = {}
        self.kg = KnowledgeGraph()
        FakeKnowledgeGraph.instances.append(self)

    def add(self, sources: list[Any], *, progress: bool = False, **options: Any) -> BuildReport:
        self.added.append((list(sources), progress))
        self.add_options = options
        if any(str(s).endswith("empty") for s in sources):
            return BuildReport(skipped=[("empty", "empty")])
        self.kg = KnowledgeGraph.from_networkx(build_contract_graph())
        return BuildReport(added=self.kg.documents)

    @property
    def documents(self) -> list[str]:
        return self.kg.documents

    @property
    def graph(self) -> nx.MultiDiGraph:
        return self.kg.graph

    def write(self, path: str | Path, **options: Any) -> Path:
        return self.kg.write(path, **options)


@pytest.fixture
def fake_kg(monkeypatch: pytest.MonkeyPatch) -> type[FakeKnowledgeGraph]:
    import kgraph._api

    FakeKnowledgeGraph.instances = []
    monkeypatch.setattr(kgraph._api, "KnowledgeGraph", FakeKnowledgeGraph)
    return FakeKnowledgeGraph


def test_build_writes_every_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_kg: type[FakeKnowledgeGraph]
) -> None:
    outs = [tmp_path / "out" / f"graph{s}" for s in (".json", ".graphml", ".gexf")]
    argv: list[str | Path] = [
        "build",
        tmp_path,
        "--model",
        "my_model",
        "--gazetteer",
        tmp_path / "g.csv",
        "--n-process",
        "3",
    ]
    for out in outs:
        argv += ["-o", out]
    code, out_text, err = run(capsys, *argv)
    assert code == 0, err
    assert out_text == ""
    assert all(p.is_file() and p.stat().st_size > 0 for p in outs)
    assert outs[0].read_text(encoding="utf-8") == node_link_dumps(build_contract_graph())
    (instance,) = fake_kg.instances
    assert instance.options == {
        "model": "my_model",
        "gazetteer": tmp_path / "g.csv",
        "n_process": 3,
    }
    assert instance.add_options == {"fields": None, "limit": None, "skip_bad": False}
    for path in outs:
        assert f"kgraph: wrote {path}" in err
    assert "kgraph: 2 documents: 4 entities (2 Country, 2 Person), 1 allegation, 2 relations" in err


@pytest.mark.parametrize(
    ("tty", "flags", "progress"),
    [
        (True, [], True),
        (True, ["--quiet"], False),
        (False, [], False),
        (False, ["-v"], False),
        (True, ["-v"], True),
    ],
)
def test_progress_only_on_a_terminal_and_not_quiet(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_kg: type[FakeKnowledgeGraph],
    monkeypatch: pytest.MonkeyPatch,
    tty: bool,
    flags: list[str],
    progress: bool,
) -> None:
    monkeypatch.setattr(cli, "_stderr_is_tty", lambda: tty)
    code, _out, err = run(capsys, "build", tmp_path, "-o", tmp_path / "g.json", *flags)
    assert code == 0
    assert fake_kg.instances[0].added[0][1] is progress
    if "--quiet" in flags:
        assert err == ""


def test_build_sources_are_paths_globs_or_stdin(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_kg: type[FakeKnowledgeGraph],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stdin = io.StringIO("Pompeo warned Lavrov.")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, _out, _err = run(
        capsys, "build", "articles/a.txt", "articles/*.txt", "-", "-o", tmp_path / "g.json"
    )
    assert code == 0
    sources, _progress = fake_kg.instances[0].added[0]
    assert sources[0] == Path("articles/a.txt")  # a path is never read as raw text
    assert sources[1] == "articles/*.txt"  # ingest expands globs
    assert sources[2] is stdin  # read by ingest, lazily (its bytes when it has a buffer)


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("{file}/graph.json", "is a file, not a folder"),
        ("{file}/sub/graph.json", "is a file, not a folder"),
        ("{dir}.json", "is a folder; give a file name"),
    ],
)
def test_an_output_that_cannot_be_written_fails_before_the_build(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_kg: type[FakeKnowledgeGraph],
    output: str,
    message: str,
) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    (tmp_path / "folder.json").mkdir()
    out = output.format(file=tmp_path / "plain", dir=tmp_path / "folder")
    code, _out, err = run(capsys, "build", tmp_path, "-o", tmp_path / "ok.json", "-o", out)
    assert code == 2
    assert message in _one_error_line(err)
    assert fake_kg.instances == []  # nothing was built
    assert not (tmp_path / "ok.json").exists()


def test_an_output_folder_without_write_permission_fails_before_the_build(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_kg: type[FakeKnowledgeGraph],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != locked and real_access(p, mode))
    code, _out, err = run(capsys, "build", tmp_path, "-o", locked / "new" / "g.json")
    assert code == 1
    assert f"{locked}: Permission denied" in _one_error_line(err)
    assert fake_kg.instances == []


def test_build_with_no_document_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_kg: type[FakeKnowledgeGraph]
) -> None:
    out = tmp_path / "g.json"
    code, _out, err = run(capsys, "build", tmp_path / "empty", "-o", out)
    assert code == 1
    line = _one_error_line(err)
    assert "no document could be read" in line and "skipped 1: 1 empty (empty;" in line
    assert not out.exists()


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (kgraph.DocumentNotFoundError("no such file or directory: 'x'"), "no such file"),
        (kgraph.ModelNotFoundError("no spaCy pipeline 'm'; pip install it"), "pip install"),
        (PermissionError(13, "Permission denied", "/out/g.json"), "/out/g.json: Permission denied"),
        (kgraph.ExportError("bad\nvalue"), "bad value"),
    ],
)
def test_build_errors_are_one_line_exit_1(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_kg: type[FakeKnowledgeGraph],
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
    message: str,
) -> None:
    def fail(*_: Any, **__: Any) -> BuildReport:
        raise error

    monkeypatch.setattr(FakeKnowledgeGraph, "add", fail)
    code, out, err = run(capsys, "build", tmp_path, "-o", tmp_path / "g.json")
    assert (code, out) == (1, "")
    assert message in _one_error_line(err)


def test_verbose_logs_debug_and_the_failure_cause(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_kg: type[FakeKnowledgeGraph],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*_: Any, **__: Any) -> BuildReport:
        logging.getLogger("kgraph.extract").debug("reading %s", "doc-a")
        raise kgraph.DocumentError("doc-a is binary")

    monkeypatch.setattr(FakeKnowledgeGraph, "add", fail)
    code, _out, err = run(capsys, "build", tmp_path, "-o", tmp_path / "g.json", "--verbose")
    assert code == 1
    assert "kgraph (kgraph.extract): debug: reading doc-a" in err
    assert "Traceback" in err  # --verbose shows where it failed...
    assert err.splitlines()[-1] == "kgraph: error: doc-a is binary"  # ...and ends on one line


def test_main_leaves_logging_as_it_found_it(
    capsys: pytest.CaptureFixture[str], graph_json: Path
) -> None:
    logger = logging.getLogger("kgraph")
    before = (list(logger.handlers), logger.level)
    run(capsys, "info", graph_json, "-v")
    run(capsys, "info", "missing.json")
    assert (list(logger.handlers), logger.level) == before


def test_interrupt_and_broken_pipe(
    capsys: pytest.CaptureFixture[str], graph_json: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(_args: Any) -> int:
        raise KeyboardInterrupt

    def broken(_args: Any) -> int:
        raise BrokenPipeError

    monkeypatch.setattr(cli, "_run_info", interrupted)
    assert run(capsys, "info", graph_json)[0] == 130
    monkeypatch.setattr(cli, "_run_info", broken)
    code, _out, err = run(capsys, "info", graph_json)
    assert (code, err) == (1, "")


# -- python -m kgraph and the entry point ---------------------------------------------------------
def _python_m(*argv: str | Path, **kw: Any) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    options: dict[str, Any] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kw}
    return subprocess.run(
        [sys.executable, "-m", "kgraph", *map(str, argv)],
        text=True,
        env=env,
        check=False,
        timeout=600,
        **options,
    )


def test_python_m_kgraph(graph_json: Path) -> None:
    assert _python_m("--version").stdout == f"kgraph {kgraph.__version__}\n"
    done = _python_m("info", graph_json)
    assert done.returncode == 0 and "5 nodes" in done.stdout
    done = _python_m("info", graph_json.with_suffix(".txt"))
    assert done.returncode == 2 and done.stderr.startswith("kgraph: error: info:")
    done = _python_m("info", graph_json.with_name("missing.json"))
    assert done.returncode == 1 and done.stderr.count("\n") == 1


def test_the_entry_point_is_main() -> None:
    import importlib
    import re

    pyproject = (SRC.parent / "pyproject.toml").read_text(encoding="utf-8")
    (target,) = re.findall(r'^kgraph = "([^"]+)"$', pyproject, flags=re.MULTILINE)
    module, _, name = target.partition(":")
    assert getattr(importlib.import_module(module), name) is cli.main


# -- with the real model --------------------------------------------------------------------------
@pytest.mark.model
def test_build_the_seeds(seeds_dir: Path, tmp_path: Path) -> None:
    outs = [tmp_path / f"graph{s}" for s in (".json", ".ttl", ".html", ".graphml", ".gexf")]
    args: list[str | Path] = ["build", seeds_dir, "--quiet"]
    for out in outs:
        args += ["-o", out]
    done = _python_m(*args)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout == ""
    assert all(p.is_file() for p in outs)
    kg = kgraph.load(outs[0])
    assert len(kg.documents) == len(list(seeds_dir.glob("*.txt")))
    info = json.loads(_python_m("info", outs[0], "--format", "json").stdout)
    assert info["entities"] > 10 and info["allegations"] > 0
    assert json.loads(_python_m("info", outs[1], "--format", "json").stdout) == info  # the RDF
    assert nx.read_graphml(outs[3], force_multigraph=True).number_of_nodes() == info["nodes"]
    assert nx.read_gexf(outs[4]).number_of_edges() == info["edges"]


@pytest.mark.model
def test_build_a_missing_source_is_one_line(tmp_path: Path) -> None:
    done = _python_m("build", tmp_path / "no-such-dir", "-o", tmp_path / "g.json")
    assert done.returncode == 1
    assert done.stderr.startswith("kgraph: error: ") and done.stderr.count("\n") == 1
    assert "no-such-dir" in done.stderr


@pytest.mark.model
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    import fcntl
    import pty
    import struct
    import termios

    article = tmp_path / "a.txt"
    article.write_text("Mike Pompeo warned Sergey Lavrov about the bounties.\n", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Putin met Trump."}\n\n{"text": "Xi met Biden."}\n', encoding="utf-8")
    # stderr is a pseudo-terminal: a tqdm bar counting documents, of a total counted first
    # (1 text file, 2 JSONL lines).  The terminal needs a size: tqdm draws nothing on one
    # of 0 columns (what a bare openpty() gives).
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        done = _python_m(
            "build",
            article,
            feed,
            "-o",
            tmp_path / "g.json",
            stderr=follower,
            stdout=subprocess.PIPE,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    assert done.returncode == 0
    # the bar itself ("kgraph: 67%|######6   | 2/3 [00:01<00:00,  1.2s/doc]"): a total and
    # an ETA, not just the log lines
    assert re.search(r"kgraph: +\d+%\|.*\| [0-3]/3 \[\d\d:\d\d<\d\d:\d\d", terminal), terminal
    assert "doc/s" in terminal or "s/doc" in terminal
    # stderr is a pipe: no bar, only the log lines
    piped = _python_m("build", article, "-o", tmp_path / "h.json")
    assert piped.returncode == 0 and "\r" not in piped.stderr
    assert not re.search(r"\d+doc \[|%\|", piped.stderr) and "doc/s" not in piped.stderr
    assert "kgraph: 1 document:" in piped.stderr


def test_hostile_names_survive_build_outputs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kgraph._api

    class Hostile(FakeKnowledgeGraph):
        def add(self, sources: list[Any], *, progress: bool = False, **_: Any) -> BuildReport:
            self.kg = KnowledgeGraph.from_networkx(build_contract_graph(HOSTILE_NAMES))
            return BuildReport(added=self.kg.documents)

    monkeypatch.setattr(kgraph._api, "KnowledgeGraph", Hostile)
    out = tmp_path / "g.graphml"
    code, _out, err = run(capsys, "build", tmp_path, "-o", out, "-o", tmp_path / "g.json")
    assert code == 0, err
    back = nx.read_graphml(out, force_multigraph=True)
    assert back.nodes["person/mike-pompeo"]["label"] == HOSTILE_NAMES["pompeo"]


# -- bulk ingest (issue 20) and bad input (issue 16), with ingest for real -------------------------
@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """``kgraph build`` with the real ingest and no model: each document read becomes a
    result holding only its info (and ingest's warnings)."""
    import kgraph.pipeline
    from kgraph._model import DocResult
    from kgraph.ingest import prepare

    def load_model(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the model was loaded")

    def run_pipeline(documents: Any, **_options: Any) -> Any:
        for document in documents:
            prepared = prepare(document)
            yield DocResult(info=prepared.info, warnings=prepared.warnings)

    monkeypatch.setattr(kgraph.pipeline, "load_model", load_model)
    monkeypatch.setattr(kgraph.pipeline, "run", run_pipeline)


def _documents(path: Path) -> list[str]:
    return kgraph.load(path).documents


class _StdinBytes(io.BytesIO):
    name = "<stdin>"  # as sys.stdin.buffer's


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(_StdinBytes(data), encoding="utf-8"))


def test_build_passes_the_bulk_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_kg: type[FakeKnowledgeGraph]
) -> None:
    argv = ["build", tmp_path, "-o", tmp_path / "g.json", "--limit", "5", "--skip-bad"]
    argv += ["--field", "text=body", "--field", "title = headline", "--n-process", "-1"]
    code, _out, err = run(capsys, *argv)
    assert code == 0, err
    (instance,) = fake_kg.instances
    assert instance.options["n_process"] == -1
    assert instance.add_options == {
        "fields": {"text": "body", "title": "headline"},
        "limit": 5,
        "skip_bad": True,
    }


def test_stdin_jsonl_is_read_line_by_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_model: None,
) -> None:
    lines = [json.dumps({"id": f"n{i}", "body": f"Report {i} from Kyiv."}) for i in range(5)]
    _stdin(monkeypatch, ("\n".join(lines) + "\n").encode())
    out = tmp_path / "g.json"
    code, _out, err = run(capsys, "build", "-", "-o", out, "--field", "text=body", "--limit", "3")
    assert code == 0, err
    assert _documents(out) == ["n0", "n1", "n2"]


def test_stdin_plain_text_is_one_document(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_model: None,
) -> None:
    _stdin(monkeypatch, b"Minister Ann Holt met envoys.\n{not an object}\nMore text.\n")
    out = tmp_path / "g.json"
    code, _out, err = run(capsys, "build", "-", "-o", out)
    assert code == 0, err
    assert _documents(out) == ["stdin"]


def test_a_bad_line_stops_the_build_unless_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, no_model: None
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "One."}\n{"text": \n[1, 2]\n{"text": "Two."}\n', encoding="utf-8")
    out = tmp_path / "g.json"
    code, _out, err = run(capsys, "build", feed, "-o", out)
    assert code == 1
    assert f"{feed}:2: not valid JSON" in _one_error_line(err)
    assert not out.exists()
    code, _out, err = run(capsys, "build", feed, "-o", out, "--skip-bad")
    assert code == 0, err
    assert _documents(out) == ["feed-1", "feed-4"]
    (summary,) = [line for line in err.splitlines() if "skipped" in line]
    assert summary.startswith("kgraph: warning: skipped 2: 2 bad line (")
    assert f"{feed}:2, {feed}:3;" in summary


def test_files_of_a_folder_not_read_are_named_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, no_model: None
) -> None:
    (tmp_path / "a.txt").write_text("Minister Ann Holt met envoys.", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere")
    (tmp_path / "loop").symlink_to(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")  # opened, the build would hang
    code, _out, err = run(capsys, "build", tmp_path, "-o", tmp_path / "out" / "g.json")
    assert code == 0, err
    (summary,) = [line for line in err.splitlines() if "skipped" in line]
    for kind in ("unknown suffix", "broken symbolic link", "symbolic link loop", "regular file"):
        assert kind in summary
    assert summary.count("kgraph: ") == 1


def test_lone_surrogates_are_a_warning_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, no_model: None
) -> None:
    feed = tmp_path / "cut.jsonl"
    feed.write_text('{"text": "Ann Holt posted \\ud83d then left."}\n', encoding="utf-8")
    out = tmp_path / "g.json"
    code, _out, err = run(capsys, "build", feed, "-o", out)
    assert code == 0, err
    assert f"kgraph: warning: {feed}:1: 1 lone surrogate" in err
    assert "Traceback" not in err
    assert kgraph.load(out).graph.graph["documents"][0]["chars"] == len(
        "Ann Holt posted \ufffd then left."
    )


@pytest.mark.parametrize("case", ["missing", "unreadable file", "unreadable in a folder"])
def test_a_bad_path_fails_before_the_model_loads(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
) -> None:
    import kgraph.pipeline

    def load_model(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(kgraph.pipeline, "load_model", load_model)
    secret = tmp_path / "secret.txt"
    secret.write_text("Text.", encoding="utf-8")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m: Path(p) != secret and real_access(p, m))
    source = {"missing": tmp_path / "no.txt", "unreadable file": secret}.get(case, tmp_path)
    code, _out, err = run(capsys, "build", source, "-o", tmp_path / "g.json")
    assert code == 1
    line = _one_error_line(err)
    if case == "missing":
        assert f"no such file or directory: '{tmp_path / 'no.txt'}'" in line
    else:
        assert f"cannot read '{secret}': Permission denied" in line


def test_an_interrupted_write_leaves_the_old_output(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_kg: type[FakeKnowledgeGraph],
) -> None:
    out = tmp_path / "out" / "g.json"
    out.parent.mkdir()
    out.write_text("the graph of yesterday", encoding="utf-8")

    def interrupted(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    code, _out, err = run(capsys, "build", tmp_path, "-o", out)
    assert (code, _one_error_line(err)) == (130, "kgraph: error: interrupted")
    assert out.read_text(encoding="utf-8") == "the graph of yesterday"
    assert [p.name for p in out.parent.iterdir()] == ["g.json"]  # no temporary file left


def test_many_warnings_end_in_a_count(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_kg: type[FakeKnowledgeGraph],
) -> None:
    real_add = FakeKnowledgeGraph.add

    def noisy(self: FakeKnowledgeGraph, sources: list[Any], **options: Any) -> BuildReport:
        for i in range(cli._SHOWN_WARNINGS + 7):
            logging.getLogger("kgraph.ingest").warning("doc-%d: 1 control character removed", i)
        return real_add(self, sources, **options)

    monkeypatch.setattr(FakeKnowledgeGraph, "add", noisy)
    code, _out, err = run(capsys, "build", tmp_path, "-o", tmp_path / "g.json")
    assert code == 0
    assert err.count("control character removed") == cli._SHOWN_WARNINGS
    assert "kgraph: warning: 7 more warnings not shown (--verbose shows all)" in err
    code, _out, err = run(capsys, "build", tmp_path, "-o", tmp_path / "g.json", "-v")
    assert err.count("control character removed") == cli._SHOWN_WARNINGS + 7


def test_a_bug_is_one_line_too(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_kg: type[FakeKnowledgeGraph],
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> BuildReport:
        raise RuntimeError("an index out of range\nsomewhere deep")

    monkeypatch.setattr(FakeKnowledgeGraph, "add", broken)
    code, _out, err = run(capsys, "build", tmp_path, "-o", tmp_path / "g.json")
    assert code == 1
    line = _one_error_line(err)
    assert "RuntimeError: an index out of range somewhere deep" in line and "--verbose" in line
    code, _out, err = run(capsys, "build", tmp_path, "-o", tmp_path / "g.json", "--verbose")
    assert "Traceback" in err and err.splitlines()[-1].startswith("kgraph: error: RuntimeError")


@pytest.mark.model
def test_head_of_a_jsonl_file_on_stdin_builds_each_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": f"r{i}", "text": f"Senator Jane Doe questioned the agency on day {i}."})
        for i in range(3)
    ]
    done = _python_m("build", "-", "-o", tmp_path / "g.json", input="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    assert _documents(tmp_path / "g.json") == ["r0", "r1", "r2"]


def test_skipping_a_folders_other_files_is_no_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, no_model: None
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Minister Ann Holt met envoys.", encoding="utf-8")
    (folder / "README.md").write_text("What this folder holds.", encoding="utf-8")
    code, _out, err = run(capsys, "build", folder, "-o", tmp_path / "g.json", "--quiet")
    assert (code, err) == (0, "")  # quiet: warnings only, and a README is none
    code, _out, err = run(capsys, "build", folder, "-o", tmp_path / "g.json")
    assert f"kgraph: skipped 1: 1 README ({folder / 'README.md'};" in err
    (folder / "feed.jsonl").write_text("{broken\n", encoding="utf-8")
    argv = ["build", folder, "-o", tmp_path / "g.json", "--quiet", "--skip-bad"]
    code, _out, err = run(capsys, *argv)
    assert code == 0 and err.startswith("kgraph: warning: skipped 2: 1 README, 1 bad line (")


def test_reading_stdin_from_a_terminal_says_how_to_end(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_kg: type[FakeKnowledgeGraph],
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(""))
    code, _out, err = run(capsys, "build", "-", "-o", tmp_path / "g.json")
    assert code == 0
    assert "kgraph: reading articles typed on the terminal; end them with Ctrl-D" in err
