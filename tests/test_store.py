"""Real triple stores: push, re-push, query, auth and failures against Oxigraph and Virtuoso.

Each server is started by a session fixture on 127.0.0.1, on a free port, in a
temporary directory, and stopped at the end.  ``sh tests/setup_stores.sh``
installs Virtuoso (Debian's virtuoso-opensource); Oxigraph's server is the
``oxigraph`` binary of the PyPI package ``oxigraph`` (a test extra).
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import rdflib
import requests
from requests.auth import HTTPDigestAuth

import kgraph
from kgraph import FormatError, KGraphError, StoreError
from kgraph.export import rdf, store
from kgraph.graph import node_link_dumps

from .conftest import HOSTILE_NAMES, build_contract_graph
from .test_rdf import hostile_everywhere_graph, roles_graph

# -- the servers ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass(frozen=True)
class Server:
    name: str
    url: str
    auth: Any
    process: subprocess.Popen[bytes]
    log: Path


def wait_ready(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"{url}: the server exited ({process.returncode}): {log.read_text()[-2000:]}"
            )
        try:
            if requests.get(url, timeout=1).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    pytest.fail(f"{url}: the server was not ready after {seconds} s: {log.read_text()[-2000:]}")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def binary(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        pytest.fail(f"{name} is missing: run `sh tests/setup_stores.sh` first")
    return found


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    directory = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    log = directory / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                binary("oxigraph"),
                "serve",
                "--location",
                str(directory / "db"),
                "--bind",
                f"127.0.0.1:{port}",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url + "/query?query=ASK%7B%7D", process, log, 30)
        yield Server("oxigraph", url, None, process, log)
    finally:
        stop(process)


VIRTUOSO_INI = """\
[Database]
DatabaseFile    = {d}/virtuoso.db
ErrorLogFile    = {d}/virtuoso.log
LockFile        = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel   = 7
FileExtend      = 200
Striping        = 0
TempStorage     = TempDatabase

[TempDatabase]
DatabaseFile    = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping        = 0

[Parameters]
ServerPort           = 127.0.0.1:{sql}
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., {d}
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000

[HTTPServer]
ServerPort           = 127.0.0.1:{http}
ServerRoot           = {d}/www
MaxClientConnections = 10
ServerThreads        = 10
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows      = 100000
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    directory = tmp_path_factory.mktemp("virtuoso")
    (directory / "www").mkdir()
    http, sql = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=directory, sql=sql, http=http), encoding="utf-8")
    log = directory / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary("virtuoso-t"), "+configfile", str(ini), "+foreground"],
            cwd=directory,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{http}"
    try:
        wait_ready(url + "/sparql?query=ASK%7B%7D", process, log, 90)
        yield Server("virtuoso", url, HTTPDigestAuth("dba", "dba"), process, log)
    finally:
        stop(process)


@pytest.fixture(params=["oxigraph", "virtuoso"])
def server(request: pytest.FixtureRequest) -> Server:
    found: Server = request.getfixturevalue(request.param)
    return found


# rdflib's own parsers use its deprecated ConjunctiveGraph API: not ours to fix
RDFLIB_DEPRECATIONS = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]
pytestmark = [pytest.mark.store, *RDFLIB_DEPRECATIONS]

# -- helpers ---------------------------------------------------------------------------------

_bases = iter(range(10**6))


def fresh_base() -> str:
    """A base IRI of its own per test, so that tests sharing a server do not meet."""
    return f"https://kgraph.invalid/t{next(_bases)}/"


def count(server: Server, base: str) -> int:
    """Triples in the graphs a push under ``base`` wrote (and, on Oxigraph, the default graph)."""
    query = (
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{base}")) }}'
    )
    n: int = store.sparql(server.url, query, auth=server.auth)[0]["n"]
    if server.name == "oxigraph":
        n += store.sparql(server.url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
    return n


def pull(server: Server, report: store.PushReport) -> nx.MultiDiGraph:
    """Read back every graph a push wrote (GSP GET) and rebuild the contract graph."""
    ds = rdflib.Dataset()
    names = [*report.graphs, report.default_graph]
    session = requests.Session()
    for name in names:
        params = {"graph-uri" if server.name == "virtuoso" else "graph": name} if name else None
        url = report.endpoint + ("" if name else "?default")
        response = session.get(
            url,
            params=params,
            headers={"Accept": "application/n-triples"},
            auth=server.auth,
            timeout=30,
        )
        response.raise_for_status()
        target = ds.graph(rdflib.URIRef(name)) if name else ds.default_graph
        target.parse(data=response.text, format="nt")
    return rdf.from_rdf(ds)


def wipe(server: Server) -> None:
    """Delete every graph the tests wrote, so that a query sees one push only."""
    query = (
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
        'FILTER(STRSTARTS(STR(?g), "https://kgraph.invalid/")) }'
    )
    gsp = (
        server.url + "/sparql-graph-crud-auth"
        if server.name == "virtuoso"
        else server.url + "/store"
    )
    param = "graph-uri" if server.name == "virtuoso" else "graph"
    for row in store.sparql(server.url, query, auth=server.auth):
        requests.delete(gsp, params={param: row["g"]}, auth=server.auth, timeout=30)
    assert store.sparql(server.url, query, auth=server.auth) == []


def same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> bool:
    return node_link_dumps(a) == node_link_dumps(b)


def expected_allegations(g: nx.MultiDiGraph, name: str) -> set[tuple[Any, ...]]:
    """Who alleged what about ``name``, from the networkx graph."""
    accused = {n for n, a in g.nodes(data=True) if name == a.get("label") or name in a["aliases"]}
    out = set()
    for a, attrs in g.nodes(data=True):
        if attrs.get("type") != "Allegation":
            continue
        targets = {v for _u, v, d in g.out_edges(a, data=True) if d["predicate"] == "accused"}
        if not targets & accused:
            continue
        by = [
            g.nodes[v]["label"]
            for _u, v, d in g.out_edges(a, data=True)
            if d["predicate"] == "alleged_by"
        ] or [None]
        out |= {(attrs["label"], attrs["status"], b) for b in by}
    return out


def expected_roles(g: nx.MultiDiGraph) -> set[tuple[Any, ...]]:
    return {
        (g.nodes[u]["label"], d["role"], g.nodes[v]["label"], d.get("former"))
        for u, v, d in g.edges(data=True)
        if d["predicate"] == "holds_role"
        and g.nodes[u]["type"] == "Person"
        and g.nodes[v]["type"] == "Agency"
    }


def allegation_rows(rows: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(r["claim"], r["status"], r["alleged_by"]) for r in rows}


def role_rows(rows: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(r["person"], r["role"], r["agency"], r["former"]) for r in rows}


# -- push, re-push, read back ----------------------------------------------------------------


@pytest.mark.parametrize("graph", ["contract", "hostile", "hostile-everywhere", "roles"])
def test_push_then_read_back_gives_the_same_graph(server: Server, graph: str) -> None:
    g = {
        "contract": build_contract_graph,
        "hostile": lambda: build_contract_graph(HOSTILE_NAMES),
        "hostile-everywhere": hostile_everywhere_graph,
        "roles": roles_graph,
    }[graph]()
    base = fresh_base()
    report = store.push(g, server.url, auth=server.auth, base=base)
    assert len(report.graphs) == len(g.graph["documents"])
    assert report.triples == len(rdf.to_rdf(g, base=base))
    assert same(pull(server, report), g)


def test_pushing_again_never_duplicates(server: Server) -> None:
    g = roles_graph()
    base = fresh_base()
    wipe(server)  # the first push then deletes no other test's graphs
    first = store.push(g, server.url, auth=server.auth, base=base)
    n = count(server, base)
    assert n == first.triples
    second = store.push(g, server.url, auth=server.auth, base=base)
    assert second == first
    assert count(server, base) == n


def test_pushing_a_changed_document_replaces_its_graph(server: Server) -> None:
    base = fresh_base()
    store.push(build_contract_graph(), server.url, auth=server.auth, base=base)
    changed = build_contract_graph({"pompeo": "Michael R. Pompeo"})
    report = store.push(changed, server.url, auth=server.auth, base=base)
    assert same(pull(server, report), changed)
    assert count(server, base) == report.triples


def graphs_in(server: Server) -> set[str]:
    """The named graphs of the store that hold a kgraph document (``<g> kg:id ...``)."""
    query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g <{rdf._kg('id')}> ?id }} }}"
    return {row["g"] for row in store.sparql(server.url, query, auth=server.auth)}


def test_pushing_fewer_documents_leaves_exactly_the_new_dataset(server: Server) -> None:
    wipe(server)
    base = fresh_base()
    a, b = roles_graph(), build_contract_graph()  # b lacks one of a's three documents
    first = store.push(a, server.url, auth=server.auth, base=base)
    second = store.push(b, server.url, auth=server.auth, base=base)
    (gone,) = set(first.graphs) - set(second.graphs)
    assert second.deleted == (gone,)
    assert str(second).endswith("; deleted 1 document graph")
    assert count(server, base) == second.triples
    assert same(pull(server, second), b)
    assert {g for g in graphs_in(server) if g.startswith(base)} == set(second.graphs)
    assert store.sparql(
        server.url, f"ASK {{ GRAPH <{gone}> {{ ?s ?p ?o }} }}", auth=server.auth
    ) == [{"ask": False}]
    rows = store.sparql(server.url, store.ALLEGATIONS_ABOUT_RUSSIA, auth=server.auth)
    assert allegation_rows(rows) == expected_allegations(b, "Russia")


def test_a_dataset_under_another_base_replaces_the_first_on_oxigraph(server: Server) -> None:
    """Oxigraph has one default graph: a second dataset's push leaves no orphan document
    graphs of the first.  Virtuoso keeps each base's default graph apart, and both."""
    wipe(server)
    one, two = fresh_base(), fresh_base()
    first = store.push(roles_graph(), server.url, auth=server.auth, base=one)
    second = store.push(build_contract_graph(), server.url, auth=server.auth, base=two)
    if server.name == "oxigraph":
        assert set(second.deleted) == set(first.graphs)
        assert graphs_in(server) == set(second.graphs)
        assert count(server, two) == second.triples
    else:
        assert second.deleted == ()
        assert graphs_in(server) == {*first.graphs, *second.graphs}


def test_a_knowledge_graph_after_remove_pushes_without_the_document(server: Server) -> None:
    wipe(server)
    base = fresh_base()
    kg = kgraph.KnowledgeGraph.from_networkx(roles_graph())
    first = kg.push(server.url, auth=server.auth, base=base)
    kg.remove("doc-c")
    second = kg.push(server.url, auth=server.auth, base=base)
    assert len(second.graphs) == len(first.graphs) - 1 and len(second.deleted) == 1
    assert same(pull(server, second), kg.graph)


def test_mirror_false_keeps_the_earlier_document_graphs(server: Server) -> None:
    wipe(server)
    base = fresh_base()
    first = store.push(roles_graph(), server.url, auth=server.auth, base=base)
    second = store.push(
        build_contract_graph(), server.url, auth=server.auth, base=base, mirror=False
    )
    assert second.deleted == ()
    assert {g for g in graphs_in(server) if g.startswith(base)} == set(first.graphs)


def test_the_default_graph_goes_where_the_store_keeps_it(server: Server) -> None:
    base = fresh_base()
    report = store.push(build_contract_graph(), server.url, auth=server.auth, base=base)
    if server.name == "oxigraph":
        assert report.default_graph == ""
        assert report.endpoint.endswith("/store")
    else:
        assert report.default_graph == base + "default"
        assert report.endpoint.endswith("/sparql-graph-crud-auth")
    assert str(report).startswith(f"pushed {report.triples} triples")
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.triples = 0  # type: ignore[misc]


# -- queries, compared with the in-memory answers --------------------------------------------


def test_who_alleged_what_about_russia(server: Server) -> None:
    g = roles_graph()
    wipe(server)
    store.push(g, server.url, auth=server.auth, base=fresh_base())
    expected = expected_allegations(g, "Russia")
    assert expected == {
        ("Russia offered bounties to Taliban-linked militants", "denied", "United States"),
        ("Russia hacked the election", "alleged", "Central Intelligence Agency"),
    }
    rows = store.sparql(server.url, store.ALLEGATIONS_ABOUT_RUSSIA, auth=server.auth)
    assert allegation_rows(rows) == expected
    assert allegation_rows(store.sparql(rdf.to_rdf(g), store.ALLEGATIONS_ABOUT_RUSSIA)) == expected


def test_which_people_hold_roles_in_which_agencies(server: Server) -> None:
    g = roles_graph()
    wipe(server)
    store.push(g, server.url, auth=server.auth, base=fresh_base())
    expected = expected_roles(g)
    assert expected == {
        ("Gina Haspel", "director", "Central Intelligence Agency", False),
        ("Robert O'Brien", "national security adviser", "National Security Council", True),
    }
    rows = store.sparql(server.url, store.PEOPLE_ROLES_IN_AGENCIES, auth=server.auth)
    assert role_rows(rows) == expected
    assert role_rows(store.sparql(rdf.to_rdf(g), store.PEOPLE_ROLES_IN_AGENCIES)) == expected


def test_hostile_labels_survive_the_store(server: Server) -> None:
    g = build_contract_graph(HOSTILE_NAMES)
    wipe(server)
    store.push(g, server.url, auth=server.auth, base=fresh_base())
    query = store.allegations_about(HOSTILE_NAMES["russia"])
    rows = store.sparql(server.url, query, auth=server.auth)
    assert allegation_rows(rows) == expected_allegations(g, HOSTILE_NAMES["russia"])
    assert {r["alleged_by"] for r in rows} == {HOSTILE_NAMES["usa"]}


@pytest.mark.parametrize("suffix", ["", "/query", "/store"])
def test_oxigraph_endpoints_all_answer(oxigraph: Server, suffix: str) -> None:
    rows = store.sparql(oxigraph.url + suffix, "SELECT (1 AS ?one) WHERE {}")
    assert rows == [{"one": 1}]


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        ("ASK { }", [{"ask": True}]),
        (
            "SELECT ?x ?y WHERE { VALUES ?y { 1 } OPTIONAL { <urn:kg:none> <urn:kg:none> ?x } }",
            [{"x": None, "y": 1}],
        ),
        (
            'SELECT ?b ?d ?s WHERE { BIND(true AS ?b) BIND(0.5 AS ?d) BIND("x" AS ?s) }',
            [{"b": True, "d": 0.5, "s": "x"}],
        ),
    ],
)
def test_sparql_rows_are_python_values(server: Server, query: str, rows: Any) -> None:
    assert store.sparql(server.url, query, auth=server.auth) == rows
    assert store.sparql(rdflib.Graph(), query) == rows


def test_kgraph_sparql_takes_a_knowledge_graph() -> None:
    kg = kgraph.KnowledgeGraph.from_networkx(roles_graph())
    rows = kgraph.sparql(kg, store.PEOPLE_ROLES_IN_AGENCIES)
    assert role_rows(rows) == expected_roles(roles_graph())


# -- auth -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("endpoint", "auth"),
    [
        ("", ("dba", "dba")),  # a tuple: Basic first, then Digest when Basic is refused
        ("", HTTPDigestAuth("dba", "dba")),
        ("/sparql-graph-crud-auth", ("dba", "dba")),
        ("/sparql-graph-crud-auth", HTTPDigestAuth("dba", "dba")),
    ],
)
def test_virtuoso_takes_basic_or_digest_credentials(
    virtuoso: Server, endpoint: str, auth: Any
) -> None:
    base = fresh_base()
    report = store.push(build_contract_graph(), virtuoso.url + endpoint, auth=auth, base=base)
    assert report.endpoint == virtuoso.url + "/sparql-graph-crud-auth"
    assert count(virtuoso, base) == report.triples


@pytest.mark.parametrize("auth", [("dba", "wrong"), HTTPDigestAuth("dba", "wrong")])
def test_wrong_credentials_are_one_clear_error(virtuoso: Server, auth: Any) -> None:
    base = fresh_base()
    with pytest.raises(StoreError, match="HTTP 401") as info:
        store.push(build_contract_graph(), virtuoso.url, auth=auth, base=base)
    assert "\n" not in str(info.value)
    assert "auth=" in str(info.value)
    assert count(virtuoso, base) == 0


def test_virtuoso_without_credentials_refuses_updates(virtuoso: Server) -> None:
    # measured: the anonymous /sparql-graph-crud endpoint answers 403 (the SPARQL user
    # may not write RDF_QUAD) unless SPARQL_UPDATE is granted; -auth with dba needs no grant
    base = fresh_base()
    with pytest.raises(StoreError, match=r"HTTP 403.*Permission denied") as info:
        store.push(build_contract_graph(), virtuoso.url, base=base)
    assert str(info.value).endswith("nothing in the store was changed")
    assert count(virtuoso, base) == 0


@pytest.mark.parametrize("auth", [("only-user",), "dba:dba", 42])
def test_auth_of_the_wrong_kind_is_refused(auth: Any) -> None:
    with pytest.raises(TypeError, match="auth must be") as info:
        store.push(build_contract_graph(), "http://127.0.0.1:9", auth=auth)
    assert isinstance(info.value, KGraphError)


@pytest.mark.parametrize("timeout", [0, -1, float("nan"), float("inf"), "10", True])
def test_a_timeout_that_is_not_a_number_of_seconds_is_refused(timeout: Any) -> None:
    with pytest.raises(ValueError, match="timeout=") as info:
        store.push(build_contract_graph(), "http://127.0.0.1:9/store", timeout=timeout)
    assert isinstance(info.value, KGraphError)
    with pytest.raises(ValueError, match="timeout="):
        store.sparql("http://127.0.0.1:9/store", "ASK {}", timeout=timeout)


# -- a scripted Graph Store: what push sends, Basic auth, 5xx answers --------------------------


@dataclass
class Recorded:
    method: str
    graph: str | None  # the ?graph= IRI; None for ?default
    headers: dict[str, str]
    body: bytes


class ScriptedStore:
    """A Graph Store Protocol endpoint in a thread: keeps graphs in memory, records every
    request, asks for HTTP Basic ``user:secret``, and answers the next ``fail[(method,
    graph)]`` such requests with 503 (changing nothing).  Any query (``POST``) is
    answered with the names of its named graphs, as push's graph listing wants."""

    def __init__(self) -> None:
        import base64
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from urllib.parse import parse_qs, urlsplit

        self.graphs: dict[str | None, bytes] = {}
        self.requests: list[Recorded] = []
        self.fail: dict[tuple[str, str | None], int] = {}  # (method, graph) -> times to fail
        token = "Basic " + base64.b64encode(b"user:secret").decode()
        scripted = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def answer(self, status: int, body: bytes = b"", ctype: str = "text/plain") -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def handle_one(self) -> None:
                query = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
                graph = None if "default" in query or "graph" not in query else query["graph"][0]
                size = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(size)
                scripted.requests.append(
                    Recorded(self.command, graph, dict(self.headers.items()), body)
                )
                if self.headers.get("Authorization") != token:
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="store"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if scripted.fail.get((self.command, graph), 0) > 0:
                    scripted.fail[(self.command, graph)] -= 1
                    page = (
                        b"<html><head><title>503</title></head><body><h1>Service Unavailable"
                        b"</h1>\n<p>the store is read-only\nuntil 10:00</p></body></html>"
                    )
                    self.answer(503, page, "text/html")
                elif self.command == "GET":
                    if graph in scripted.graphs:
                        self.answer(200, scripted.graphs[graph], "application/n-triples")
                    else:
                        self.answer(404, b"no such graph")
                elif self.command == "PUT":
                    scripted.graphs[graph] = body
                    self.answer(204)
                elif self.command == "DELETE":
                    found = scripted.graphs.pop(graph, None) is not None
                    self.answer(204 if found else 404)
                elif self.command == "POST":  # a query: the one push sends lists the graphs
                    names = sorted(name for name in scripted.graphs if name)
                    rows = [{"g": {"type": "uri", "value": name}} for name in names]
                    result = {"head": {"vars": ["g"]}, "results": {"bindings": rows}}
                    self.answer(200, json.dumps(result).encode(), "application/sparql-results+json")
                else:
                    self.answer(405)

            do_GET = do_PUT = do_DELETE = do_POST = handle_one

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/gsp"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def scripted() -> Iterator[ScriptedStore]:
    found = ScriptedStore()
    try:
        yield found
    finally:
        found.close()


def test_push_is_one_gsp_put_per_named_graph_in_n_triples(scripted: ScriptedStore) -> None:
    g = roles_graph()
    base = fresh_base()
    report = store.push(g, scripted.url, auth=("user", "secret"), base=base)
    ds = rdf.to_rdf(g, base=base)
    documents = sorted(
        str(c.identifier)
        for c in ds.graphs()
        if c.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID and len(c)
    )
    assert len(documents) == len(g.graph["documents"])
    puts = [r for r in scripted.requests if r.method == "PUT"]
    assert sorted(r.graph for r in puts if r.graph) == documents
    assert [r.graph for r in puts].count(None) == 1  # the default graph, once, last
    assert puts[-1].graph is None
    assert sorted(report.graphs) == documents
    for r in scripted.requests:
        assert r.headers["Authorization"].startswith("Basic ")  # a tuple is sent as Basic
    for r in puts:
        assert r.headers["Content-Type"].startswith("application/n-triples")
        got = rdflib.Graph().parse(data=r.body.decode("utf-8"), format="nt")
        expected = ds.graph(rdflib.URIRef(r.graph)) if r.graph else ds.default_graph
        assert set(got) == set(expected)
    # pushing again replaces: the store holds exactly one copy of each graph
    store.push(g, scripted.url, auth=("user", "secret"), base=base)
    assert len(scripted.graphs) == len(documents) + 1
    assert sum(body.count(b"\n") for body in scripted.graphs.values()) == report.triples


def test_a_5xx_answer_is_one_line_with_the_servers_message(scripted: ScriptedStore) -> None:
    base = fresh_base()
    first = store.push(build_contract_graph(), scripted.url, auth=("user", "secret"), base=base)
    before = dict(scripted.graphs)
    scripted.fail[("PUT", None)] = 1  # the default graph goes last: the documents went first
    with pytest.raises(StoreError, match="HTTP 503") as info:
        store.push(roles_graph(), scripted.url, auth=("user", "secret"), base=base)
    message = str(info.value)
    assert "\n" not in message
    assert "the store is read-only until 10:00" in message
    assert "<" not in message.split("HTTP 503", 1)[1]  # the page's text, not its markup
    assert message.endswith("the store was restored to its state before the push")
    assert scripted.graphs == before  # the new document's graph deleted, the others put back
    assert len(before) == len(first.graphs) + 1


def test_a_store_that_keeps_failing_is_reported_as_partly_updated(
    scripted: ScriptedStore,
) -> None:
    base = fresh_base()
    store.push(build_contract_graph(), scripted.url, auth=("user", "secret"), base=base)
    scripted.fail[("PUT", None)] = 2  # the push and the restore of the default graph
    with pytest.raises(StoreError, match="HTTP 503") as info:
        store.push(roles_graph(), scripted.url, auth=("user", "secret"), base=base)
    message = str(info.value)
    assert "\n" not in message
    assert re.search(r"restoring 1 of \d+ graphs failed too \(default graph: .*\)", message)
    assert message.endswith("the store may be partly updated")


def test_a_failure_before_any_write_changes_nothing(scripted: ScriptedStore) -> None:
    base = fresh_base()
    store.push(build_contract_graph(), scripted.url, auth=("user", "secret"), base=base)
    before = dict(scripted.graphs)
    scripted.fail[("GET", None)] = 1  # reading what the push would replace fails
    sent = len(scripted.requests)
    with pytest.raises(StoreError, match="HTTP 503") as info:
        store.push(roles_graph(), scripted.url, auth=("user", "secret"), base=base)
    assert str(info.value).endswith("nothing in the store was changed")
    assert "\n" not in str(info.value)
    assert scripted.graphs == before
    assert {r.method for r in scripted.requests[sent:]} == {"GET"}


def test_a_failed_delete_puts_every_graph_back(scripted: ScriptedStore) -> None:
    base = fresh_base()
    first = store.push(roles_graph(), scripted.url, auth=("user", "secret"), base=base)
    before = dict(scripted.graphs)
    (gone,) = set(first.graphs) - set(rdf.graph_payloads(build_contract_graph(), base=base))
    scripted.fail[("DELETE", gone)] = 1  # deletes go last: everything else was replaced
    with pytest.raises(StoreError, match="HTTP 503") as info:
        store.push(build_contract_graph(), scripted.url, auth=("user", "secret"), base=base)
    assert str(info.value).endswith("the store was restored to its state before the push")
    assert scripted.graphs == before


def test_a_store_that_cannot_list_its_graphs_is_left_unchanged(scripted: ScriptedStore) -> None:
    base = fresh_base()
    store.push(roles_graph(), scripted.url, auth=("user", "secret"), base=base)
    before = dict(scripted.graphs)
    scripted.fail[("POST", None)] = 1
    with pytest.raises(StoreError, match="cannot list the store's kgraph graphs") as info:
        store.push(build_contract_graph(), scripted.url, auth=("user", "secret"), base=base)
    assert "mirror=False" in str(info.value) and "nothing in the store was changed" in str(
        info.value
    )
    assert scripted.graphs == before


def test_wrong_basic_credentials_are_refused_before_anything_changes(
    scripted: ScriptedStore,
) -> None:
    with pytest.raises(StoreError, match="HTTP 401") as info:
        store.push(build_contract_graph(), scripted.url, auth=("user", "wrong"))
    assert "auth=" in str(info.value)
    assert scripted.graphs == {}


# -- failures ---------------------------------------------------------------------------------


def test_an_unreachable_store_is_one_clear_error() -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(StoreError, match="cannot reach the store") as info:
        store.push(build_contract_graph(), url)
    assert url in str(info.value)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ConnectionError)


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stopping = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stopping.is_set():
            try:
                conn, _ = listener.accept()
                held.append(conn)
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/store"
    finally:
        stopping.set()
        thread.join(timeout=5)
        for conn in held:
            conn.close()
        listener.close()


def test_a_store_that_does_not_answer_times_out(silent_server: str) -> None:
    with pytest.raises(StoreError, match=r"no answer within 0.3 s") as info:
        store.push(build_contract_graph(), silent_server, timeout=0.3)
    assert "\n" not in str(info.value)
    with pytest.raises(StoreError, match="no answer"):
        store.sparql(silent_server, "ASK {}", timeout=0.3)


def test_a_bad_query_shows_the_servers_message(server: Server) -> None:
    with pytest.raises(StoreError, match=r"HTTP 400") as info:
        store.sparql(server.url, "SELECT nonsense", auth=server.auth)
    message = str(info.value)
    assert "\n" not in message
    assert len(message.split("HTTP 400", 1)[1]) > 20  # the server's own words follow


def test_a_bad_query_on_an_rdflib_graph_is_a_format_error() -> None:
    with pytest.raises(FormatError, match="not valid"):
        store.sparql(rdflib.Graph(), "SELECT nonsense")


def test_a_failed_push_leaves_the_store_as_it_was(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = fresh_base()
    before = build_contract_graph()
    report = store.push(before, server.url, auth=server.auth, base=base)
    n = count(server, base)
    real = rdf.graph_payloads

    def corrupt_last(g: nx.MultiDiGraph, *, base: str) -> dict[str, bytes]:
        payloads = real(g, base=base)
        payloads[""] = payloads[""] + b"<broken"  # the default graph goes last
        return payloads

    monkeypatch.setattr(rdf, "graph_payloads", corrupt_last)
    after = roles_graph()  # adds a document and changes the others' graphs
    with pytest.raises(StoreError, match="restored to its state before the push") as info:
        store.push(after, server.url, auth=server.auth, base=base)
    assert "HTTP 4" in str(info.value) or "HTTP 5" in str(info.value)
    monkeypatch.undo()
    assert count(server, base) == n
    assert same(pull(server, report), before)
    # the document the failed push added is gone again
    new_doc = rdf.to_rdf(after, base=base)
    extra_graphs = {str(c.identifier) for c in new_doc.graphs()} - {*report.graphs, ""}
    extra_graphs -= {str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID)}
    assert extra_graphs
    for name in extra_graphs:
        query = f"ASK {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
        assert store.sparql(server.url, query, auth=server.auth) == [{"ask": False}]


@pytest.mark.parametrize("endpoint", ["127.0.0.1:7878", "ftp://127.0.0.1/", ""])
def test_an_endpoint_that_is_not_a_url_is_refused(endpoint: str) -> None:
    with pytest.raises(ValueError, match="not an http") as info:
        store.push(build_contract_graph(), endpoint)
    assert isinstance(info.value, KGraphError)
    with pytest.raises(ValueError, match="not an http"):
        store.sparql(endpoint, "ASK {}")


# -- the seeds ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_graph(seeds_dir: Path) -> nx.MultiDiGraph:
    g: nx.MultiDiGraph = kgraph.build(sorted(seeds_dir.glob("*.txt"))).graph
    return g


@pytest.mark.model
def test_the_seeds_graph_in_a_real_store(server: Server, seeds_graph: nx.MultiDiGraph) -> None:
    base = fresh_base()
    wipe(server)
    report = store.push(seeds_graph, server.url, auth=server.auth, base=base)
    n = count(server, base)
    assert n == report.triples
    rows = store.sparql(server.url, store.ALLEGATIONS_ABOUT_RUSSIA, auth=server.auth)
    assert allegation_rows(rows) == expected_allegations(seeds_graph, "Russia")
    rows = store.sparql(server.url, store.PEOPLE_ROLES_IN_AGENCIES, auth=server.auth)
    assert role_rows(rows) == expected_roles(seeds_graph)
    assert store.push(seeds_graph, server.url, auth=server.auth, base=base) == report
    assert count(server, base) == n
    assert same(pull(server, report), seeds_graph)
