"""Neo4j: the contract graph as the CSV files ``neo4j-admin database import full`` reads.

:func:`to_neo4j_csv` returns the files by name; :func:`write_neo4j` writes them to a
directory with ``import.sh`` (the ``neo4j-admin database import full`` command for a new
database) and ``import.cypher`` (a ``LOAD CSV`` script for a running server, the files
in its import directory).

* ``nodes-<Label>.csv``: one file per node type (``Person``, ``Agency``, ``Country``,
  ``Organization``, ``Location``, ``Allegation`` ...), labels ``<Label>`` and ``KGraph``;
  ``id:ID(kgraph)`` is the kgraph node id, so ids are stable across exports.
* ``relationships-<TYPE>.csv``: one file per predicate; the type is the predicate in
  upper snake case (``holds_role`` -> ``HOLDS_ROLE``), the predicate itself a property.
* ``documents.csv`` (``id:ID(document)``, label ``Document``) and ``mentioned_in.csv``
  (``MENTIONED_IN`` from each node to the documents it comes from).

Each attribute is a property typed by its values (``mentions:long``,
``aliases:string[]``, ``former:boolean`` ...); anything else (a mapping, a mixed
list) is JSON text in ``<name>_json``.  Evidence is ``evidence_json`` (the exact
items) plus the parallel arrays ``evidence_docs``, ``evidence_starts``,
``evidence_ends`` and ``evidence_sentences``.  Fields are RFC 4180 quoted (every
string quoted, ``"`` doubled; newlines kept, hence ``--multiline-fields=true``); an
empty unquoted field is an absent property.  Arrays are joined with U+001F (no news
text holds it; inside an element it becomes a space, the JSON keeps the exact text).

>>> import networkx as nx
>>> g = nx.MultiDiGraph(documents=[{"id": "d1"}])
>>> g.add_node("person/ann", label="Ann", type="Person", aliases=["Ann"], sources=["d1"],
...            mentions=1, evidence=[])
>>> files = to_neo4j_csv(g)
>>> sorted(files)
['documents.csv', 'mentioned_in.csv', 'nodes-Person.csv']
>>> files["nodes-Person.csv"].splitlines()[0]
'id:ID(kgraph),:LABEL,label,type,aliases:string[],evidence_docs:string[],...,sources:string[]'
"""

from __future__ import annotations

import json
import logging
import math
import re
import shlex
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from kgraph._errors import ExportError
from kgraph.export._files import write_bytes
from kgraph.export.nodelink import encode_text

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "ARRAY_DELIMITER",
    "ID_SPACE",
    "admin_import_command",
    "relationship_type",
    "to_cypher",
    "to_neo4j_csv",
    "write_neo4j",
]

log = logging.getLogger("kgraph.export.neo4j")

ARRAY_DELIMITER: Final = "\x1f"
"""Between array elements (``--array-delimiter=U+001F``)."""
ID_SPACE: Final = "kgraph"
"""The id space of kgraph's nodes; documents have the id space ``document``."""
_DOC_SPACE: Final = "document"
_SHARED_LABEL: Final = "KGraph"
_NODE_FIRST: Final = ("label", "type")
_EDGE_FIRST: Final = ("key", "predicate", "kind")
_EDGE_SKIP: Final = frozenset({"source", "target"})
_NAME_BAD: Final = re.compile(r"[^A-Za-z0-9_]+")
_EVIDENCE_ARRAYS: Final = (
    ("evidence_docs", "doc", "string"),
    ("evidence_starts", "start", "long"),
    ("evidence_ends", "end", "long"),
    ("evidence_sentences", "sentence", "string"),
)
_OWN_FILES: Final = re.compile(
    r"(nodes-\w+|relationships-\w+|documents|mentioned_in)\.csv|import\.cypher|import\.sh"
)
_CYPHER_FUNCTIONS: Final = {
    "long": "toInteger",
    "double": "toFloat",
    "boolean": "toBoolean",
    "string": "",
}


def relationship_type(predicate: str) -> str:
    """The Neo4j relationship type of a kgraph predicate: upper snake case, ASCII.

    >>> relationship_type("holds_role"), relationship_type("meet with"), relationship_type("9/11")
    ('HOLDS_ROLE', 'MEET_WITH', 'R_9_11')
    """
    name = _NAME_BAD.sub("_", str(predicate)).strip("_").upper()
    if not name:
        return "RELATED_TO"
    return "R_" + name if name[0].isdigit() else name


def _label(node_type: Any) -> str:
    name = _NAME_BAD.sub("_", str(node_type)).strip("_")
    if not name:
        return "Node"
    return "N_" + name if name[0].isdigit() else name


def _property(name: str) -> str:
    clean = _NAME_BAD.sub("_", name).strip("_") or "value"
    return "p_" + clean if clean[0].isdigit() else clean


# -- typing values ---------------------------------------------------------------------------


def _scalar_type(value: Any) -> str | None:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    return None


def _column_type(values: Iterable[Any]) -> str:
    """``long``, ``string[]`` ... for the values of one attribute, ``json`` when mixed.

    >>> _column_type([1, None, 2.5]), _column_type([["a"], []]), _column_type([None, "x"])
    ('double', 'string[]', 'string')
    >>> _column_type([1, "x"]), _column_type([[1, "x"]]), _column_type([{"a": 1}])
    ('json', 'json', 'json')
    """
    found: set[str] = set()
    lists = False
    for value in values:
        if value is None:
            continue
        if isinstance(value, list):
            lists = True
            inner = {_scalar_type(v) for v in value}
            if None in inner or len(inner) > 1:
                return "json"
            if inner:
                found.add(f"{inner.pop()}[]")
        else:
            found.add(_scalar_type(value) or "json")
    if lists and not found:
        return "string[]"  # only empty lists
    if lists and not all(kind.endswith("[]") for kind in found):
        return "json"
    for a, b in (("long", "double"), ("long[]", "double[]")):
        if found == {a, b}:
            return b
    if len(found) > 1 or "json" in found:
        return "json"
    return found.pop() if found else "string"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _text(value: Any, kind: str) -> str:
    """A scalar as Neo4j's importer reads it (Java's number and boolean syntax)."""
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "long":
        return str(int(value))
    if kind == "double":
        number = float(value)
        if math.isnan(number):
            return "NaN"
        if math.isinf(number):
            return "Infinity" if number > 0 else "-Infinity"
        return repr(number)
    return str(value)


def _field(value: Any, kind: str) -> str:
    """One CSV field: strings always quoted, ``None`` (and an empty array) empty."""
    if value is None:
        return ""
    if kind == "json":
        return _quote(json.dumps(value, ensure_ascii=False, sort_keys=True))
    if kind.endswith("[]"):
        if not value:
            return ""
        items = (_text(v, kind[:-2]).replace(ARRAY_DELIMITER, " ") for v in value)
        return _quote(ARRAY_DELIMITER.join(items))
    if kind == "string":
        return _quote(str(value))
    return _text(value, kind)


@dataclass(frozen=True)
class _Column:
    header: str  # as in the CSV header: name:type
    attr: str  # the attribute it comes from ("" for the fixed columns)
    kind: str  # long string[] json ...

    @property
    def name(self) -> str:
        return self.header.split(":", 1)[0]


def _columns(
    rows: Sequence[Mapping[str, Any]], first: Sequence[str], skip: Iterable[str]
) -> list[_Column]:
    skipped = {*skip, "evidence"}
    keys = sorted({k for row in rows for k in row if k not in skipped and k not in first})
    out: list[_Column] = []
    taken: set[str] = set()
    for attr in [*(k for k in first if any(k in row for row in rows)), *keys]:
        kind = _column_type(row.get(attr) for row in rows)
        name = _property(attr) + ("_json" if kind == "json" else "")
        while name in taken:
            name += "_"
        taken.add(name)
        header = name if kind in ("string", "json") else f"{name}:{kind}"
        out.append(_Column(header, attr, kind))
    if any("evidence" in row for row in rows):
        out.append(_Column("evidence_json", "evidence", "json"))
        out.extend(
            _Column(f"{name}:{kind}[]", name, f"{kind}[]") for name, _k, kind in _EVIDENCE_ARRAYS
        )
    return sorted(out, key=lambda c: (c.attr not in first, c.name))


def _evidence_arrays(items: Any) -> dict[str, Any]:
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return {}
    out: dict[str, Any] = {}
    for name, key, kind in _EVIDENCE_ARRAYS:
        values = [i.get(key) for i in items]
        if all(_scalar_type(v) == kind for v in values):
            out[name] = values
    return out


def _csv(header: Sequence[str], lines: Iterable[Sequence[str]]) -> str:
    rows = [",".join(header), *(",".join(line) for line in lines)]
    return "\n".join(rows) + "\n"


def _record(attrs: Mapping[str, Any], columns: Sequence[_Column]) -> list[str]:
    arrays = _evidence_arrays(attrs.get("evidence"))
    cells = []
    for c in columns:
        value = arrays.get(c.attr) if c.attr.startswith("evidence_") else attrs.get(c.attr)
        cells.append(_field(value, c.kind))
    return cells


# -- the files ----------------------------------------------------------------------------------


def _node_files(g: nx.MultiDiGraph) -> dict[str, str]:
    groups: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for nid, attrs in g.nodes(data=True):
        if not isinstance(nid, str):
            raise ExportError(
                f"node id {nid!r} is a {type(nid).__name__}: contract ids are strings"
            )
        groups[_label(attrs.get("type"))].append((nid, attrs))
    files = {}
    for label, members in sorted(groups.items()):
        members.sort(key=lambda m: m[0])
        columns = _columns([a for _n, a in members], _NODE_FIRST, ())
        header = [f"id:ID({ID_SPACE})", ":LABEL", *(c.header for c in columns)]
        labels = _quote(f"{label}{ARRAY_DELIMITER}{_SHARED_LABEL}")
        lines = ([_quote(nid), labels, *_record(a, columns)] for nid, a in members)
        files[f"nodes-{label}.csv"] = _csv(header, lines)
    return files


def _edge_files(g: nx.MultiDiGraph) -> dict[str, str]:
    groups: dict[str, list[tuple[str, str, Any, dict[str, Any]]]] = defaultdict(list)
    for u, v, k, attrs in g.edges(keys=True, data=True):
        rel = relationship_type(attrs.get("predicate", k))
        groups[rel].append((u, v, k, {"key": k, **attrs}))
    files = {}
    for rel, members in sorted(groups.items()):
        members.sort(key=lambda m: (m[0], m[1], str(m[2])))
        columns = _columns([a for *_x, a in members], _EDGE_FIRST, _EDGE_SKIP)
        header = [
            f":START_ID({ID_SPACE})",
            f":END_ID({ID_SPACE})",
            ":TYPE",
            *(c.header for c in columns),
        ]
        lines = (
            [_quote(u), _quote(v), _quote(rel), *_record(a, columns)] for u, v, _k, a in members
        )
        files[f"relationships-{rel}.csv"] = _csv(header, lines)
    return files


def _document_files(g: nx.MultiDiGraph) -> dict[str, str]:
    docs = g.graph.get("documents")
    docs = (
        [d for d in docs if isinstance(d, dict) and isinstance(d.get("id"), str)]
        if isinstance(docs, list)
        else []
    )
    docs.sort(key=lambda d: d["id"])
    columns = [
        c
        for c in _columns([{k: v for k, v in d.items() if k != "id"} for d in docs], ("title",), ())
        if c.attr
    ]
    header = [f"id:ID({_DOC_SPACE})", ":LABEL", *(c.header for c in columns)]
    lines = ([_quote(d["id"]), _quote("Document"), *_record(d, columns)] for d in docs)
    known = {d["id"] for d in docs}
    mentioned = []
    for nid, attrs in sorted(g.nodes(data=True), key=lambda n: str(n[0])):
        counts: dict[str, int] = defaultdict(int)
        for ev in attrs.get("evidence") or ():
            if isinstance(ev, dict) and ev.get("doc") in known:
                counts[ev["doc"]] += 1
        sources = attrs.get("sources") if isinstance(attrs.get("sources"), list) else []
        for doc in sorted({*(s for s in sources if s in known), *counts}):
            mentioned.append(
                [_quote(nid), _quote(doc), _quote("MENTIONED_IN"), str(counts.get(doc, 0))]
            )
    rel_header = [f":START_ID({ID_SPACE})", f":END_ID({_DOC_SPACE})", ":TYPE", "evidence:long"]
    return {"documents.csv": _csv(header, lines), "mentioned_in.csv": _csv(rel_header, mentioned)}


def to_neo4j_csv(g: nx.MultiDiGraph) -> dict[str, str]:
    """The CSV files of ``g`` for ``neo4j-admin database import full``, by file name."""
    return {**_node_files(g), **_edge_files(g), **_document_files(g)}


# -- the scripts ----------------------------------------------------------------------------------


def _is_node_file(name: str) -> bool:
    return name.startswith("nodes-") or name == "documents.csv"


def admin_import_command(files: Iterable[str], *, database: str = "neo4j") -> str:
    """The ``neo4j-admin database import full`` command line for ``files``.

    >>> admin_import_command(["nodes-Person.csv", "relationships-WARN.csv"])
    'neo4j-admin database import full --array-delimiter=U+001F --multiline-fields=true
    --nodes=nodes-Person.csv --relationships=relationships-WARN.csv neo4j'
    """
    names = sorted(files)
    parts = [
        "neo4j-admin",
        "database",
        "import",
        "full",
        "--array-delimiter=U+001F",
        "--multiline-fields=true",
    ]
    parts += [f"--nodes={shlex.quote(n)}" for n in names if _is_node_file(n)]
    parts += [f"--relationships={shlex.quote(n)}" for n in names if not _is_node_file(n)]
    return " ".join([*parts, shlex.quote(database)])


_IMPORT_SH: Final = """\
#!/bin/sh
# Imports this graph into a new Neo4j database (default: neo4j; give another name as $1).
# The database must not exist yet; run with the Neo4j DBMS's bin/ on PATH.  Written by kgraph.
set -eu
cd "$(dirname "$0")"
{command} "${{1:-neo4j}}"
"""


def _cypher_value(column: _Column) -> str:
    field = f"row.`{column.header}`"
    base = column.kind[:-2] if column.kind.endswith("[]") else column.kind
    fn = _CYPHER_FUNCTIONS.get(base, "")
    if column.kind.endswith("[]"):
        each = f"{fn}(x)" if fn else "x"
        return f"[x IN split({field}, '\\u001F') | {each}]"
    return f"{fn}({field})" if fn else field


def _header(text: str) -> list[str]:
    return text.split("\n", 1)[0].split(",")


def to_cypher(files: Mapping[str, str]) -> str:
    """A ``LOAD CSV`` script that loads ``files`` (:func:`to_neo4j_csv`) into a running
    Neo4j, read from its import directory (``file:///NAME``)."""
    out = [
        "// Loads the kgraph CSV files from the server's import directory (cypher-shell -f).",
        f"CREATE CONSTRAINT kgraph_id IF NOT EXISTS FOR (n:{_SHARED_LABEL}) "
        "REQUIRE n.id IS UNIQUE;",
        "CREATE CONSTRAINT kgraph_document_id IF NOT EXISTS FOR (d:Document) "
        "REQUIRE d.id IS UNIQUE;",
    ]
    for name in sorted(files, key=lambda n: (not _is_node_file(n), n)):
        header = _header(files[name])
        columns = [_parse_column(h) for h in header[3:] if not h.startswith(":")]
        if _is_node_file(name):
            columns = [_parse_column(h) for h in header[2:]]
            label = "Document" if name == "documents.csv" else f"{name[6:-4]}:{_SHARED_LABEL}"
            head = f"MERGE (n:{label} {{id: row.`{header[0]}`}})"
            target = "n"
        else:
            end = "Document" if header[1].endswith(f"({_DOC_SPACE})") else _SHARED_LABEL
            rel = "MENTIONED_IN" if name == "mentioned_in.csv" else name[14:-4]
            key = "" if name == "mentioned_in.csv" else " {key: row.key}"
            head = (
                f"MATCH (a:{_SHARED_LABEL} {{id: row.`{header[0]}`}}), "
                f"(b:{end} {{id: row.`{header[1]}`}})\n"
                f"  MERGE (a)-[r:{rel}{key}]->(b)"
            )
            target = "r"
        sets = ", ".join(
            f"{target}.{c.name} = {_cypher_value(c)}" for c in columns if c.name != "key"
        )
        out.append(
            f"LOAD CSV WITH HEADERS FROM 'file:///{name}' AS row\n"
            f"CALL {{ WITH row\n  {head}\n"
            + (f"  SET {sets}\n" if sets else "")
            + "} IN TRANSACTIONS OF 1000 ROWS;"
        )
    return "\n\n".join(out) + "\n"


def _parse_column(header: str) -> _Column:
    name, _sep, kind = header.partition(":")
    return _Column(header, name, kind or ("json" if name.endswith("_json") else "string"))


def write_neo4j(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the CSV files of ``g``, ``import.sh`` and ``import.cypher`` to the directory
    ``path`` (made if missing); files an earlier export left there that this graph no
    longer has are removed, nothing else is touched."""
    path = Path(path)
    files = to_neo4j_csv(g)
    scripts = {
        "import.sh": _IMPORT_SH.format(command=admin_import_command(files).rsplit(" ", 1)[0]),
        "import.cypher": to_cypher(files),
    }
    data = {
        name: encode_text(text, f"cannot write {str(path / name)!r}")
        for name, text in {**files, **scripts}.items()
    }
    path.mkdir(parents=True, exist_ok=True)
    for old in path.iterdir():
        if old.name not in data and _OWN_FILES.fullmatch(old.name) and old.is_file():
            old.unlink()
    for name, body in data.items():
        write_bytes(path / name, body)  # each file whole or not at all
    (path / "import.sh").chmod(0o755)
    log.info("wrote %d Neo4j CSV files to %s", len(files), path)
