"""Triple stores: push a graph over the SPARQL 1.1 Graph Store HTTP Protocol, query it.

:func:`push` sends each named graph of :func:`kgraph.export.rdf.to_rdf` -- one per
document -- with one ``PUT`` per graph, as N-Triples.  A ``PUT`` replaces the
graph atomically, so pushing a document again never duplicates it.  Before
writing anything, :func:`push` keeps a copy of every graph it will replace;
if a request fails, it puts those copies back, so a failed push leaves the
store as it was.

The default graph (entities, relations, allegations) goes to the store's
default graph where the store has one over the protocol (Oxigraph); Virtuoso
has none there, so it goes to the named graph ``BASE + "default"`` -- Virtuoso
queries without ``GRAPH`` see every graph, so the same queries work on both.

``endpoint`` is the server's root (``http://127.0.0.1:7878``: the server is
recognised by its ``Server`` header) or the Graph Store endpoint itself:
Oxigraph ``.../store``, Virtuoso ``.../sparql-graph-crud-auth`` (HTTP Digest)
or ``.../sparql-graph-crud``, or any other store's endpoint (``?graph=IRI``).

``auth`` is ``None``, ``("user", "password")`` -- sent as HTTP Basic, and
switched to Digest when the server asks for it, as Virtuoso does -- or any
``requests.auth.AuthBase`` such as ``HTTPDigestAuth``.

The SPARQL queries below are examples an analyst can paste (README quotes them);
:func:`sparql` runs them against an endpoint or an rdflib graph.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote, urlsplit

from kgraph._errors import DocumentNotFoundError, FormatError, OptionError, StoreError
from kgraph.export import oxigraph, rdf
from kgraph.export.nodelink import read_json
from kgraph.export.rdf import DEFAULT_BASE, to_rdf

if TYPE_CHECKING:
    import networkx as nx
    import pyoxigraph
    import rdflib
    import requests
    from requests.auth import AuthBase

__all__ = [
    "ALLEGATIONS_ABOUT_RUSSIA",
    "COUNT_TRIPLES",
    "DEFAULT_TIMEOUT",
    "PEOPLE_ROLES_IN_AGENCIES",
    "PREFIXES",
    "PushReport",
    "allegations_about",
    "names_graphs",
    "push",
    "sparql",
]

log = logging.getLogger("kgraph.export.store")

DEFAULT_TIMEOUT: Final = 300.0
"""Seconds to wait for the store to answer one request (connecting: 10 s at most).

Measured: Virtuoso takes tens of seconds to ingest a default graph of 500,000 triples."""

PREFIXES: Final = """\
PREFIX kg:     <https://w3id.org/kgraph/ns#>
PREFIX rel:    <https://w3id.org/kgraph/rel#>
PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos:   <http://www.w3.org/2004/02/skos/core#>
PREFIX oa:     <http://www.w3.org/ns/oa#>
PREFIX prov:   <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""


def _sparql_string(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def allegations_about(name: str) -> str:
    r"""The SPARQL query "who alleged what about ``name``" (``name``: a label or alias).

    One row per allegation and party that alleged it: ``allegation`` (IRI),
    ``claim`` (its short statement), ``status`` and ``alleged_by`` (a label, or
    unbound when nobody named alleged it).

    >>> '?accused skos:prefLabel|skos:altLabel "Russia" .' in allegations_about("Russia")
    True
    >>> '"Lavrov \\\\ \\"Sergey\\""' in allegations_about('Lavrov \\ "Sergey"')
    True
    """
    return (
        PREFIXES
        + f"""
SELECT DISTINCT ?allegation ?claim ?status ?alleged_by WHERE {{
  ?accused skos:prefLabel|skos:altLabel {_sparql_string(name)} .
  ?allegation a kg:Allegation ;
      kg:accused ?accused ;
      skos:prefLabel ?claim ;
      kg:status ?status .
  OPTIONAL {{ ?allegation kg:allegedBy ?by . ?by skos:prefLabel ?alleged_by . }}
}}
ORDER BY ?claim ?alleged_by
"""
    )


ALLEGATIONS_ABOUT_RUSSIA: Final = allegations_about("Russia")
"""Who alleged what about Russia: allegation, claim, status, alleged_by."""

PEOPLE_ROLES_IN_AGENCIES: Final = (
    PREFIXES
    + """
SELECT DISTINCT ?person ?role ?agency ?former WHERE {
  ?statement a kg:RoleStatement ;
      rdf:subject ?p ;
      rdf:object ?a ;
      kg:role ?role .
  ?p a kg:Person ; skos:prefLabel ?person .
  ?a a kg:Agency ; skos:prefLabel ?agency .
  OPTIONAL { ?statement kg:former ?former . }
}
ORDER BY ?person ?agency ?role
"""
)
"""Which people hold roles in which agencies: person, role, agency, former."""

COUNT_TRIPLES: Final = """\
SELECT (COUNT(*) AS ?triples) WHERE {
  { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } }
}
"""
"""Every triple of the store, default graph and named graphs (Oxigraph counts
exactly; Virtuoso sees every graph in both branches, so it counts twice)."""


@dataclass(frozen=True)
class PushReport:
    """What :func:`push` sent.

    ``graphs``: the named graphs replaced (document IRIs); ``default_graph``:
    where the default graph went (``""``: the store's default graph, else the
    IRI of the named graph that stands for it); ``triples``: triples sent;
    ``deleted``: the document graphs of an earlier push that were deleted.
    """

    endpoint: str
    graphs: tuple[str, ...]
    default_graph: str
    triples: int
    deleted: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = self.default_graph or "the default graph"
        n = len(self.deleted)
        gone = f"; deleted {n} document graph{'s' if n != 1 else ''}" if n else ""
        return (
            f"pushed {self.triples} triples to {self.endpoint}: "
            f"{len(self.graphs)} document graphs and {where}{gone}"
        )


@dataclass(frozen=True)
class _Endpoint:
    server: str  # oxigraph, virtuoso or generic
    store: str  # Graph Store Protocol endpoint
    query: str  # SPARQL query endpoint
    graph_param: str  # graph / graph-uri
    has_default: bool  # the store has a default graph over the protocol

    def url(self, graph: str) -> str:
        if not graph:
            return self.store + "?default"
        return f"{self.store}?{self.graph_param}={quote(graph, safe='')}"


# -- HTTP --------------------------------------------------------------------------------


def _auth(auth: Any) -> AuthBase | None:
    from requests.auth import AuthBase, HTTPBasicAuth  # noqa: PLC0415  (lazy: start-up time)

    if auth is None or isinstance(auth, AuthBase):
        return auth
    if isinstance(auth, tuple) and len(auth) == 2 and all(isinstance(a, str) for a in auth):
        return HTTPBasicAuth(auth[0], auth[1])
    raise OptionError(
        f"auth must be None, a (user, password) tuple or a requests.auth.AuthBase such as "
        f"HTTPDigestAuth('dba', 'dba'), not {type(auth).__name__}"
    )


def _server_message(response: requests.Response) -> str:
    text = response.text[:4000]
    ctype = response.headers.get("Content-Type", "")
    if "html" in ctype or text.lstrip().startswith("<"):
        pre = re.search(r"<xmp>(.*?)</xmp>", text, re.S | re.I)  # Virtuoso puts it there
        text = pre.group(1) if pre else re.sub(r"<[^>]+>", " ", text)
    text = " ".join(html.unescape(text).split())
    return text[:300] if text else "(the server gave no message)"


class _Client:
    """One ``requests`` session; every failure becomes one clear :class:`StoreError` line."""

    def __init__(self, auth: Any, timeout: float) -> None:
        import requests  # noqa: PLC0415  (lazy: start-up time, only a store needs it)

        if (
            isinstance(timeout, bool)
            or not isinstance(timeout, int | float)
            or not 0 < timeout < float("inf")
        ):
            raise OptionError(f"timeout={timeout!r}: give a number of seconds > 0")
        self._requests = requests
        self.session = requests.Session()
        self.auth = _auth(auth)
        self.credentials = auth if isinstance(auth, tuple) else None
        self.digest = False
        self.timeout = timeout
        self._timeouts = (min(10.0, timeout), timeout)  # (connect, read)
        self.last_status = 0  # of the last answer; 0 when there was none

    def use_digest(self) -> None:
        """Send the ``(user, password)`` credentials as HTTP Digest from now on."""
        from requests.auth import HTTPDigestAuth  # noqa: PLC0415  (lazy: start-up time)

        if self.credentials is not None and not self.digest:
            self.auth = HTTPDigestAuth(*self.credentials)
            self.digest = True

    def request(
        self, method: str, url: str, *, allow: tuple[int, ...] = (), **options: Any
    ) -> requests.Response:
        requests = self._requests
        self.last_status = 0
        try:
            response = self.session.request(
                method, url, auth=self.auth, timeout=self._timeouts, **options
            )
            if response.status_code == 401 and self.credentials and not self.digest:
                # Basic refused: try Digest (Virtuoso refuses Basic without a challenge)
                log.info("%s refused HTTP Basic: trying HTTP Digest", url)
                self.use_digest()
                response = self.session.request(
                    method, url, auth=self.auth, timeout=self._timeouts, **options
                )
        except requests.Timeout as err:
            raise StoreError(
                f"{method} {url}: no answer within {self.timeout:g} s; "
                "check that the store is up, or raise timeout="
            ) from err
        except requests.ConnectionError as err:
            reason = _reason(err)
            raise StoreError(
                f"{method} {url}: cannot reach the store ({reason}); is it running, "
                "and are host and port right?"
            ) from err
        except requests.RequestException as err:
            raise StoreError(f"{method} {url}: {_reason(err)}") from err
        self.last_status = response.status_code
        if response.status_code >= 400 and response.status_code not in allow:
            hint = ""
            if response.status_code in (401, 403):
                hint = " (check auth=: Virtuoso wants HTTPDigestAuth on its -auth endpoints)"
            raise StoreError(
                f"{method} {url} failed: HTTP {response.status_code} {response.reason}: "
                f"{_server_message(response)}{hint}"
            )
        return response


def _reason(err: Exception) -> str:
    text = str(err.args[0] if err.args else err)
    match = re.search(r"\]\s*([^'\"\)]+)", text) or re.search(r"\(Caused by ([^\)]*)", text)
    return " ".join((match.group(1) if match else text).split())[:200]


def _resolve(endpoint: str, client: _Client) -> _Endpoint:
    if not isinstance(endpoint, str) or not re.match(r"https?://", endpoint):
        raise OptionError(
            f"endpoint {endpoint!r} is not an http(s) URL; give the store's address, "
            "e.g. 'http://127.0.0.1:7878'"
        )
    url = endpoint.rstrip("/")
    parts = urlsplit(url)
    root = f"{parts.scheme}://{parts.netloc}"
    path = parts.path
    auth = client.auth is not None
    if path.endswith("/store"):
        return _Endpoint("oxigraph", url, url[: -len("/store")] + "/query", "graph", True)
    if path.endswith(("/query", "/update")):
        prefix = url.rsplit("/", 1)[0]
        return _Endpoint("oxigraph", prefix + "/store", url, "graph", True)
    if path.endswith("/sparql-graph-crud-auth"):
        client.use_digest()
        return _Endpoint("virtuoso", url, root + "/sparql-auth", "graph-uri", False)
    if path.endswith("/sparql-graph-crud"):
        return _Endpoint("virtuoso", url, root + "/sparql", "graph-uri", False)
    if path in ("", "/sparql", "/sparql-auth"):
        server = client.request("GET", root + "/", allow=(401, 403, 404)).headers.get("Server", "")
        if server.startswith("Oxigraph"):
            return _Endpoint("oxigraph", root + "/store", root + "/query", "graph", True)
        if server.startswith("Virtuoso"):
            client.use_digest()
            crud = "/sparql-graph-crud-auth" if auth else "/sparql-graph-crud"
            query = "/sparql-auth" if auth or path == "/sparql-auth" else "/sparql"
            return _Endpoint("virtuoso", root + crud, root + query, "graph-uri", False)
        if path:
            return _Endpoint("generic", url, url, "graph", True)
        raise StoreError(
            f"cannot tell which store runs at {endpoint} (Server: {server or 'not given'}); "
            "give its Graph Store endpoint instead, e.g. http://host:port/store"
        )
    return _Endpoint("generic", url, url, "graph", True)


# -- push --------------------------------------------------------------------------------


def push(
    g: nx.MultiDiGraph,
    endpoint: str,
    *,
    auth: Any = None,
    timeout: float = DEFAULT_TIMEOUT,
    base: str = DEFAULT_BASE,
    rollback: bool = True,
    mirror: bool = True,
) -> PushReport:
    """Make the store at ``endpoint`` hold ``g``'s RDF dataset.

    One Graph Store Protocol ``PUT`` per graph, as N-Triples: the default graph
    and one named graph per document.  With ``mirror`` (the default) the push
    replaces the previous kgraph dataset as a whole: the document graphs it held
    that ``g`` no longer has are deleted (on a store with one default graph, such as
    Oxigraph, every kgraph document graph; on Virtuoso, where each ``base`` has a
    default graph of its own, those under ``base``).  With ``rollback`` (the
    default) the graphs about to be replaced or deleted are read first and put back
    if any request fails; a :class:`~kgraph.StoreError` (a ``ConnectionError``) then
    says, in one line, what failed (unreachable, no answer within ``timeout``, or the
    HTTP status with the server's own message) and whether the store was restored.
    An ``endpoint`` that is not an http(s) URL, an ``auth`` or ``timeout`` of the
    wrong kind is an ``OptionError`` (a ``ValueError`` and ``TypeError``) before
    anything is sent.
    """
    client = _Client(auth, timeout)  # a bad auth= or timeout= fails before any work
    ep = _resolve(endpoint, client)  # an unreachable store fails before the export
    payloads = rdf.graph_payloads(g, base=base)  # looked up here: the tests replace it
    default_name = "" if ep.has_default else base + "default"
    puts = [(name, body) for name, body in payloads.items() if name]
    puts.append((default_name, payloads.get("", b"")))
    sent = {name for name, _body in puts}
    snapshots: dict[str, bytes | None] = {}
    try:
        if rollback:
            snapshots.update((name, _snapshot(client, ep, name)) for name, _body in puts)
        deletes = [n for n in _kgraph_graphs(client, ep, base) if n not in sent] if mirror else []
        if rollback:
            snapshots.update((name, _snapshot(client, ep, name)) for name in deletes)
    except StoreError as err:
        raise StoreError(f"{err} -- nothing in the store was changed") from err
    steps: list[tuple[str, bytes | None]] = [*puts, *((name, None) for name in deletes)]
    _apply(client, ep, steps, snapshots if rollback else None)
    report = PushReport(
        endpoint=ep.store,
        graphs=tuple(name for name, _ in puts if name and name != default_name),
        default_graph=default_name,
        triples=sum(body.count(b"\n") for _name, body in puts),
        deleted=tuple(deletes),
    )
    log.info("%s", report)
    return report


def _kgraph_graphs(client: _Client, ep: _Endpoint, base: str) -> list[str]:
    """The kgraph document graphs in the store (each holds ``<graph> kg:id ...``)."""
    try:
        rows = _run_query(client, ep, _KGRAPH_GRAPHS)
    except StoreError as err:
        if not client.last_status:
            raise  # no answer at all: the store is down, not unable to list
        raise StoreError(
            f"{err} -- cannot list the store's kgraph graphs (to delete those of documents "
            "no longer in the dataset; push(mirror=False) keeps them)"
        ) from err
    names = sorted({str(row.get("g")) for row in rows if row.get("g")})
    if ep.has_default:
        return names  # one default graph: every kgraph document graph hangs on it
    return [name for name in names if name.startswith(base)]


_KGRAPH_GRAPHS: Final = (
    "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g <https://w3id.org/kgraph/ns#id> ?id } }"
)


def _apply(
    client: _Client,
    ep: _Endpoint,
    steps: list[tuple[str, bytes | None]],
    snapshots: Mapping[str, bytes | None] | None,
) -> None:
    """``PUT`` each ``(graph, body)``, ``DELETE`` each ``(graph, None)``; on a failure put
    the ``snapshots`` back (when given) and raise one :class:`StoreError` line."""
    changed: list[str] = []
    for name, body in steps:
        changed.append(name)
        try:
            if body is None:
                client.request("DELETE", ep.url(name), allow=(404,))
            else:
                client.request(
                    "PUT",
                    ep.url(name),
                    data=body,
                    headers={"Content-Type": "application/n-triples; charset=utf-8"},
                )
        except StoreError as err:
            if client.last_status in (401, 403):
                changed.pop()  # refused before reading the body: that graph is unchanged
            # any other failure may have changed that graph too: Virtuoso 7's PUT keeps the
            # triples before a syntax error, and after a timeout nobody knows
            if snapshots is None:
                raise StoreError(
                    f"{err} -- {len(changed)} graphs were already changed (rollback=False)"
                ) from err
            failed = _restore(client, ep, changed, snapshots)
            if failed:
                state = (
                    f"restoring {len(failed)} of {len(changed)} graphs failed too "
                    f"({failed[0]}): the store may be partly updated"
                )
            elif changed:
                state = "the store was restored to its state before the push"
            else:
                state = "nothing in the store was changed"
            raise StoreError(f"{err} -- {state}") from err
        log.debug("%s %s", "DELETE" if body is None else f"PUT {len(body)} bytes to", name)


def _snapshot(client: _Client, ep: _Endpoint, name: str) -> bytes | None:
    response = client.request(
        "GET", ep.url(name), headers={"Accept": "application/n-triples"}, allow=(404,)
    )
    if response.status_code == 404:
        return None
    return response.content


def _restore(
    client: _Client, ep: _Endpoint, names: list[str], snapshots: Mapping[str, bytes | None]
) -> list[str]:
    failed = []
    for name in names:
        old = snapshots.get(name)
        try:
            if old is None or (not old.strip() and name):
                client.request("DELETE", ep.url(name), allow=(404,))
            else:
                client.request(
                    "PUT",
                    ep.url(name),
                    data=old,
                    headers={"Content-Type": "application/n-triples; charset=utf-8"},
                )
        except StoreError as err:
            status = f"HTTP {client.last_status}" if client.last_status else str(err)
            failed.append(f"{'default graph' if not name else '<' + name + '>'}: {status}")
    return failed


# -- SPARQL --------------------------------------------------------------------------------

_INTEGERS: Final = frozenset(
    "http://www.w3.org/2001/XMLSchema#" + t
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
)
_FLOATS: Final = frozenset(
    "http://www.w3.org/2001/XMLSchema#" + t for t in ("decimal", "double", "float")
)
_BOOLEAN: Final = "http://www.w3.org/2001/XMLSchema#boolean"


def _literal_value(lex: str, datatype: str) -> Any:
    try:
        if datatype in _INTEGERS:
            return int(lex)
        if datatype in _FLOATS:
            return float(lex)
    except ValueError:
        return lex
    if datatype == _BOOLEAN:
        return lex.strip() in ("true", "1")
    return lex


def _json_value(binding: Mapping[str, Any]) -> Any:
    kind = binding.get("type")
    value = str(binding.get("value", ""))
    if kind == "uri":
        return value
    if kind == "bnode":
        return "_:" + value
    return _literal_value(value, str(binding.get("datatype", "")))


def _term_value(term: Any) -> Any:
    import rdflib  # noqa: PLC0415  (lazy: start-up time, only RDF needs rdflib)

    if term is None:
        return None
    if isinstance(term, rdflib.BNode):
        return "_:" + str(term)
    if isinstance(term, rdflib.Literal):
        return _literal_value(str(term), str(term.datatype) if term.datatype else "")
    return str(term)


def sparql(
    target: str | os.PathLike[str] | rdflib.Graph | nx.MultiDiGraph,
    query: str,
    *,
    auth: Any = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> list[dict[str, Any]]:
    """Run a SPARQL query; return its rows as dicts of Python values keyed by variable.

    ``target`` is one of:

    * an endpoint URL (a server root, its query endpoint, or its Graph Store endpoint);
    * a store directory (:func:`kgraph.export.oxigraph.write_store`), opened read-only;
    * a file kgraph wrote (``.json`` or any RDF suffix), parsed once per process while
      its size and modification time hold (with pyoxigraph when installed, else rdflib);
    * a contract graph (``nx.MultiDiGraph``): its RDF dataset;
    * an rdflib ``Graph``/``Dataset``, queried as it is (for a ``Dataset``, patterns
      without ``GRAPH`` see its default graph unless its ``default_union`` is set).

    On a store directory, a file or a contract graph, patterns without ``GRAPH`` see
    the union of the default graph and every document's graph (entities and their
    evidence together); ``GRAPH`` and ``FROM`` name graphs as usual.

    Values are ``str`` (IRIs, strings, dates), ``int``, ``float``, ``bool`` or
    ``None`` (unbound).  ``ASK`` gives ``[{"ask": bool}]``; ``CONSTRUCT``/``DESCRIBE``
    give ``subject``/``predicate``/``object`` rows.

    >>> import rdflib
    >>> g = rdflib.Graph().parse(data='<urn:a> <urn:p> 5 .', format="turtle")
    >>> sparql(g, "SELECT ?s ?o WHERE { ?s ?p ?o }")
    [{'s': 'urn:a', 'o': 5}]
    """
    if isinstance(target, str) and target.startswith(("http://", "https://")):
        return _endpoint_query(target, query, auth=auth, timeout=timeout)
    if isinstance(target, str | os.PathLike):
        return _local_query(_local_path(target), query)
    if hasattr(target, "query") and hasattr(target, "serialize"):
        return _graph_query(target, query)
    if hasattr(target, "nodes") and hasattr(target, "graph"):
        return _dataset_query(target, query)
    raise OptionError(
        f"cannot run SPARQL over a {type(target).__name__}: give an endpoint URL, a store "
        "directory, a graph file, a contract graph or an rdflib Graph"
    )


_HOST_PORT: Final = re.compile(r"[\w.-]+:\d+(/.*)?")


def _local_path(target: str | os.PathLike[str]) -> Path:
    text = os.fspath(target)
    path = Path(text)
    if text:
        oxigraph.recover(path)  # a store whose write was killed midway is put back
    if text and path.exists():
        return path
    if not text or "://" in text or _HOST_PORT.fullmatch(text):
        raise OptionError(
            f"endpoint {text!r} is not an http(s) URL; give the store's address, "
            "e.g. 'http://127.0.0.1:7878', a store directory or a graph file"
        )
    raise DocumentNotFoundError(
        f"{text!r} is not an http(s) URL, and no such file or store directory exists; "
        "check the path"
    )


def _local_query(path: Path, query: str) -> list[dict[str, Any]]:
    if path.is_dir():
        return _oxigraph_query(oxigraph.open_store(path), query)
    key = (str(path.resolve()), path.stat().st_mtime_ns, path.stat().st_size)
    found: Any = _FILES.get(key)
    if found is None:
        found = oxigraph.load_file(path) if oxigraph.available() else _rdflib_file(path)
        for stale in [k for k in _FILES if k[0] == key[0]]:
            del _FILES[stale]
        _FILES[key] = found
        while len(_FILES) > _FILES_KEPT:
            _FILES.popitem(last=False)
    _FILES.move_to_end(key)
    if oxigraph.available():
        return _oxigraph_query(found, query)
    return _union_query(found, query)


_FILES: Final[OrderedDict[tuple[str, int, int], Any]] = OrderedDict()
_FILES_KEPT: Final = 4
"""Parsed files kept per process (the most recently queried)."""


_RDFLIB_SUFFIXES: Final = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".trig": "trig",
    ".nq": "nquads",
    ".rdf": "xml",
}


def _rdflib_file(path: Path) -> rdflib.Dataset:
    """``path`` parsed by rdflib into a Dataset (pyoxigraph is not installed)."""
    import rdflib  # noqa: PLC0415  (lazy: start-up time, only RDF needs rdflib)

    suffix = path.suffix.lower()
    if suffix == ".json":
        ds = to_rdf(read_json(path))
    elif suffix in _RDFLIB_SUFFIXES:
        ds = rdflib.Dataset()
        try:
            ds.parse(str(path), format=_RDFLIB_SUFFIXES[suffix])
        except Exception as err:  # rdflib raises many unrelated types on bad input
            raise FormatError(f"{str(path)!r} is not valid {suffix[1:]}: {err}") from err
    else:
        raise FormatError(
            f"cannot query {str(path)!r}: give a .json or RDF file "
            f"({', '.join(sorted(_RDFLIB_SUFFIXES))}) or a store directory"
        )
    return ds


def _dataset_query(g: nx.MultiDiGraph, query: str) -> list[dict[str, Any]]:
    if oxigraph.available():
        return _oxigraph_query(oxigraph.memory_store(g), query)
    return _union_query(to_rdf(g), query)


def _union_query(ds: rdflib.Dataset, query: str) -> list[dict[str, Any]]:
    """Query ``ds`` with patterns outside ``GRAPH`` seeing every graph (unless ``FROM``)."""
    ds.default_union = not names_graphs(query)
    return _graph_query(ds, query)


_SPARQL_SKIP: Final = re.compile(
    r'"""(?:[^\\]|\\.)*?"""' + r"|'''(?:[^\\]|\\.)*?'''"  # long strings
    r'|"(?:[^"\\\n]|\\.)*"' + r"|'(?:[^'\\\n]|\\.)*'"  # strings
    r'|<[^<>"{}|^`\\\s]*>'  # IRIs (may hold '#')
    r"|#[^\n]*",  # comments
)
_FROM: Final = re.compile(r"(?<![?$\w])FROM\s+(?:NAMED\s+)?(?:<|[\w-]*:)", re.IGNORECASE)


def names_graphs(query: str) -> bool:
    """Whether ``query`` sets its own dataset with ``FROM`` or ``FROM NAMED``.

    >>> names_graphs("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }")
    True
    >>> names_graphs('SELECT ?from WHERE { ?s ?from "FROM <x>" } # FROM <y>')
    False
    """
    bare = _SPARQL_SKIP.sub(lambda m: "<>" if m[0][0] == "<" else " ", query)
    return bool(_FROM.search(bare))


def _oxigraph_query(target: pyoxigraph.Store, query: str) -> list[dict[str, Any]]:
    ox = oxigraph.module()
    union = not names_graphs(query)
    try:
        result: Any = target.query(query, use_default_graph_as_union=union)
    except SyntaxError as err:
        raise FormatError(f"the SPARQL query is not valid: {err}") from err
    if isinstance(result, ox.QueryBoolean):
        return [{"ask": bool(result)}]
    if isinstance(result, ox.QueryTriples):
        rows = [
            {
                "subject": _ox_value(t.subject, ox),
                "predicate": _ox_value(t.predicate, ox),
                "object": _ox_value(t.object, ox),
            }
            for t in result
        ]
        return sorted(rows, key=lambda r: tuple(str(v) for v in r.values()))
    names = [v.value for v in result.variables]
    return [{n: _ox_value(solution[n], ox) for n in names} for solution in result]


def _ox_value(term: Any, ox: Any) -> Any:
    """A pyoxigraph term as :func:`_term_value` gives an rdflib one (``ox``: pyoxigraph)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return _literal_value(term.value, term.datatype.value)
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term)  # an RDF-star triple


def _graph_query(graph: rdflib.Graph, query: str) -> list[dict[str, Any]]:
    try:
        result = graph.query(query)
    except Exception as err:  # pyparsing's ParseException and rdflib's own errors
        raise FormatError(f"the SPARQL query is not valid: {err}") from err
    if result.type == "ASK":
        return [{"ask": bool(result.askAnswer)}]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        return [
            {"subject": _term_value(s), "predicate": _term_value(p), "object": _term_value(o)}
            for s, p, o in sorted(result.graph)
        ]
    names = [str(v) for v in result.vars or ()]
    return [{n: _term_value(row[i]) for i, n in enumerate(names)} for row in _rows(result)]


def _rows(result: Any) -> Iterator[Any]:
    yield from result


def _endpoint_query(
    endpoint: str, query: str, *, auth: Any, timeout: float
) -> list[dict[str, Any]]:
    client = _Client(auth, timeout)
    return _run_query(client, _resolve(endpoint, client), query)


def _run_query(client: _Client, ep: _Endpoint, query: str) -> list[dict[str, Any]]:
    response = client.request(
        "POST",
        ep.query,
        data={"query": query},
        headers={
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        },
    )
    ctype = response.headers.get("Content-Type", "").split(";")[0].strip()
    if ctype in ("application/n-triples", "text/plain", "application/n-quads"):
        import rdflib  # noqa: PLC0415  (lazy: start-up time, only RDF needs rdflib)

        graph = rdflib.Graph().parse(data=response.text, format="nt")
        return [
            {"subject": _term_value(s), "predicate": _term_value(p), "object": _term_value(o)}
            for s, p, o in sorted(graph)
        ]
    try:
        data = json.loads(response.text)
    except ValueError as err:
        raise StoreError(
            f"POST {ep.query}: the answer is not SPARQL JSON results "
            f"(Content-Type {ctype or 'missing'}): {response.text[:120]!r}"
        ) from err
    if "boolean" in data:
        return [{"ask": bool(data["boolean"])}]
    names = [str(v) for v in data.get("head", {}).get("vars", [])]
    return [
        {n: _json_value(b[n]) if n in b else None for n in names}
        for b in data.get("results", {}).get("bindings", [])
    ]
