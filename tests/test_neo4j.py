"""Neo4j CSV export: the header grammar of neo4j-admin import, ids, quoting, scripts.

No Neo4j server: the files are parsed back with the csv module and checked against
the header grammar of ``neo4j-admin database import full`` (``name:ID(space)``,
``:LABEL``, ``:START_ID(space)``, ``:END_ID(space)``, ``:TYPE``, ``name:type`` and
``name:type[]``).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kgraph
from kgraph import KnowledgeGraph
from kgraph.export import neo4j, oxigraph

from .conftest import HOSTILE_NAMES, build_contract_graph, reversed_copy
from .test_rdf import HOSTILE_TEXTS, hostile_everywhere_graph, roles_graph

GRAPHS = {
    "contract": build_contract_graph,
    "hostile": lambda: build_contract_graph(HOSTILE_NAMES),
    "hostile-everywhere": hostile_everywhere_graph,
    "roles": roles_graph,
}

# the header grammar of neo4j-admin import (the property types it knows)
_TYPES = (
    "int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time"
    "|localdatetime|datetime|duration"
)
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
FIELD = re.compile(
    rf"(?P<id>(?P<idname>{_NAME})?:ID\((?P<idspace>\w+)\))"
    r"|(?P<label>:LABEL)"
    r"|(?P<start>:START_ID\((?P<startspace>\w+)\))"
    r"|(?P<end>:END_ID\((?P<endspace>\w+)\))"
    r"|(?P<type>:TYPE)"
    rf"|(?P<prop>{_NAME})(?::(?P<ptype>{_TYPES})(?P<array>\[\])?)?"
)
REL_TYPE = re.compile(r"[A-Z][A-Z0-9_]*")
DELIM = neo4j.ARRAY_DELIMITER


def parse(text: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows, read back with the csv module (newlines inside fields kept)."""
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    return rows[0], rows[1:]


def fields(header: list[str]) -> list[re.Match[str]]:
    matches = [FIELD.fullmatch(h) for h in header]
    bad = [h for h, m in zip(header, matches, strict=True) if m is None]
    assert not bad, f"not neo4j-admin header fields: {bad}"
    return [m for m in matches if m is not None]


def records(text: str) -> list[dict[str, str]]:
    header, rows = parse(text)
    for row in rows:
        assert len(row) == len(header)
    return [dict(zip(header, row, strict=True)) for row in rows]


def is_node_file(name: str) -> bool:
    return name.startswith("nodes-") or name == "documents.csv"


@pytest.mark.parametrize("graph", sorted(GRAPHS))
def test_every_header_follows_the_grammar(graph: str) -> None:
    files = neo4j.to_neo4j_csv(GRAPHS[graph]())
    assert files
    for name, text in files.items():
        header, _rows = parse(text)
        found = fields(header)
        groups = [next(k for k, v in m.groupdict().items() if v and k in KINDS) for m in found]
        if is_node_file(name):
            assert groups.count("id") == 1 and groups.count("label") == 1, name
            assert {"start", "end", "type"}.isdisjoint(groups), name
        else:
            assert (groups.count("start"), groups.count("end"), groups.count("type")) == (1, 1, 1)
            assert "id" not in groups and "label" not in groups, name
        names = [m["prop"] or m["idname"] for m in found if m["prop"] or m["idname"]]
        assert len(names) == len(set(names)), f"{name}: a property twice: {names}"


KINDS = ("id", "label", "start", "end", "type", "prop")


@pytest.mark.parametrize("graph", sorted(GRAPHS))
def test_every_relationship_ends_at_nodes_of_its_id_space(graph: str) -> None:
    files = neo4j.to_neo4j_csv(GRAPHS[graph]())
    ids: dict[str, set[str]] = {}
    for name, text in files.items():
        if is_node_file(name):
            header, rows = parse(text)
            space = fields(header)[0]["idspace"]
            ids.setdefault(space, set()).update(row[0] for row in rows)
    relationships = 0
    for name, text in files.items():
        if is_node_file(name):
            continue
        header, rows = parse(text)
        start, end = (fields(header)[i] for i in (0, 1))
        for row in rows:
            assert row[0] in ids[start["startspace"]], (name, row[0])
            assert row[1] in ids[end["endspace"]], (name, row[1])
            assert (REL_TYPE.fullmatch(row[2]) and name.endswith(f"{row[2]}.csv")) or (
                name == "mentioned_in.csv" and row[2] == "MENTIONED_IN"
            )
            relationships += 1
    assert relationships >= GRAPHS[graph]().number_of_edges()


@pytest.mark.parametrize("graph", sorted(GRAPHS))
def test_nodes_and_edges_round_trip_through_the_csv_module(graph: str) -> None:
    g = GRAPHS[graph]()
    files = neo4j.to_neo4j_csv(g)
    seen = set()
    for name, text in files.items():
        if not name.startswith("nodes-"):
            continue
        for row in records(text):
            nid = row["id:ID(kgraph)"]
            attrs = g.nodes[nid]
            seen.add(nid)
            assert row[":LABEL"].split(DELIM) == [name[6:-4], "KGraph"]
            assert row["label"] == attrs["label"]
            assert row["aliases:string[]"].split(DELIM) == attrs["aliases"] or not attrs["aliases"]
            assert int(row["mentions:long"]) == attrs["mentions"]
            assert json.loads(row["evidence_json"]) == attrs["evidence"]
            if attrs["evidence"]:
                starts = [int(s) for s in row["evidence_starts:long[]"].split(DELIM)]
                assert starts == [ev["start"] for ev in attrs["evidence"]]
                sentences = row["evidence_sentences:string[]"].split(DELIM)
                assert sentences == [ev["sentence"] for ev in attrs["evidence"]]
    assert seen == set(g.nodes)
    edges = {(u, v, str(k)): a for u, v, k, a in g.edges(keys=True, data=True)}
    found = set()
    for name, text in files.items():
        if not name.startswith("relationships-"):
            continue
        for row in records(text):
            key = (row[":START_ID(kgraph)"], row[":END_ID(kgraph)"], row["key"])
            attrs = edges[key]
            found.add(key)
            assert row["predicate"] == attrs["predicate"]
            assert row[":TYPE"] == neo4j.relationship_type(attrs["predicate"])
            assert json.loads(row["evidence_json"]) == attrs["evidence"]
    assert found == set(edges)


def test_hostile_text_in_every_field_round_trips() -> None:
    g = hostile_everywhere_graph()
    files = neo4j.to_neo4j_csv(g)
    text = "".join(files.values())
    for hostile in HOSTILE_TEXTS:
        assert json.dumps(hostile, ensure_ascii=False)[1:-1].replace('"', '""') in text
    (hostile_edge,) = [
        row
        for name, body in files.items()
        if name.startswith("relationships-")
        for row in records(body)
        if row["predicate"] == HOSTILE_TEXTS[2]
    ]
    assert REL_TYPE.fullmatch(hostile_edge[":TYPE"])
    docs = {row["id:ID(document)"]: row for row in records(files["documents.csv"])}
    assert {d["id"] for d in g.graph["documents"]} == set(docs)
    for d in g.graph["documents"]:
        assert docs[d["id"]]["title"] == d["title"]
        assert docs[d["id"]]["authors:string[]"].split(DELIM) == d["authors"]


def test_typed_values_are_written_as_the_importer_reads_them() -> None:
    files = neo4j.to_neo4j_csv(roles_graph())
    roles = records(files["relationships-HOLDS_ROLE.csv"])
    assert {r["former:boolean"] for r in roles} == {"true", "false"}
    brief = records(files["relationships-BRIEF.csv"])[0]
    assert float(brief["confidence:double"]) == 0.87
    lines = files["relationships-HOLDS_ROLE.csv"].splitlines()
    assert all(",false," in line or ",true," in line for line in lines[1:])  # unquoted
    assert '"Central Intelligence Agency"' in files["nodes-Agency.csv"]  # strings quoted


@pytest.mark.parametrize(
    ("predicate", "type_"),
    [
        ("warn", "WARN"),
        ("holds_role", "HOLDS_ROLE"),
        ("meet with", "MEET_WITH"),
        ("say-to", "SAY_TO"),
        ("9/11", "R_9_11"),
        ("говорить", "RELATED_TO"),
        ('x"; DROP', "X_DROP"),
    ],
)
def test_relationship_types_are_plain_identifiers(predicate: str, type_: str) -> None:
    assert neo4j.relationship_type(predicate) == type_
    assert REL_TYPE.fullmatch(type_)


def test_the_export_is_byte_stable_whatever_the_order() -> None:
    g = hostile_everywhere_graph()
    assert neo4j.to_neo4j_csv(g) == neo4j.to_neo4j_csv(reversed_copy(g))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=DELIM), min_size=1),
    st.lists(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=DELIM))),
)
def test_any_text_round_trips(label: str, aliases: list[str]) -> None:
    g = nx.MultiDiGraph(documents=[{"id": "d1"}])
    ev = [{"doc": "d1", "start": 0, "end": 1, "sentence": label}]
    g.add_node("n", label=label, type="Person", aliases=aliases, mentions=1, evidence=ev)
    (row,) = records(neo4j.to_neo4j_csv(g)["nodes-Person.csv"])
    assert row["label"] == label
    assert row["evidence_sentences:string[]"] == label
    assert json.loads(row["evidence_json"]) == ev
    if aliases and aliases != [""]:
        assert row["aliases:string[]"].split(DELIM) == aliases


# -- the scripts and the directory --------------------------------------------------------------


def test_write_neo4j_writes_the_files_and_both_scripts(tmp_path: Path) -> None:
    g = roles_graph()
    neo4j.write_neo4j(g, tmp_path / "out")
    files = neo4j.to_neo4j_csv(g)
    written = {p.name for p in (tmp_path / "out").iterdir()}
    assert written == {*files, "import.sh", "import.cypher"}
    for name, text in files.items():
        assert (tmp_path / "out" / name).read_bytes() == text.encode("utf-8")
    script = (tmp_path / "out" / "import.sh").read_text()
    assert (tmp_path / "out" / "import.sh").stat().st_mode & stat.S_IXUSR
    command = next(line for line in script.splitlines() if line.startswith("neo4j-admin"))
    assert command.startswith("neo4j-admin database import full ")
    assert "--array-delimiter=U+001F" in command and "--multiline-fields=true" in command
    nodes = set(re.findall(r"--nodes=(\S+)", command))
    rels = set(re.findall(r"--relationships=(\S+)", command))
    assert nodes == {n for n in files if is_node_file(n)}
    assert rels == {n for n in files if not is_node_file(n)}
    cypher = (tmp_path / "out" / "import.cypher").read_text()
    for name in files:
        assert f"LOAD CSV WITH HEADERS FROM 'file:///{name}' AS row" in cypher
    assert cypher.count("IN TRANSACTIONS") == len(files)
    assert "MERGE (a)-[r:HOLDS_ROLE {key: row.key}]->(b)" in cypher


def test_writing_again_removes_only_the_files_kgraph_wrote(tmp_path: Path) -> None:
    out = tmp_path / "out"
    neo4j.write_neo4j(roles_graph(), out)
    (out / "notes.txt").write_text("mine")
    neo4j.write_neo4j(build_contract_graph(), out)  # no agencies, no briefings
    names = {p.name for p in out.iterdir()}
    gone = set(neo4j.to_neo4j_csv(roles_graph())) - set(neo4j.to_neo4j_csv(build_contract_graph()))
    assert {"nodes-Agency.csv", "relationships-BRIEF.csv"} <= gone
    assert not gone & names
    assert names == {
        *neo4j.to_neo4j_csv(build_contract_graph()),
        "import.sh",
        "import.cypher",
        "notes.txt",
    }


@pytest.mark.parametrize(
    ("target", "options", "written"),
    [
        ("out/neo4j/", {}, "neo4j"),
        ("out/graph", {"format": "neo4j"}, "neo4j"),
        ("existing", {}, "neo4j"),
        ("out/store", {"format": "oxigraph"}, "oxigraph"),
    ],
)
def test_kg_write_sends_directories_to_neo4j_or_the_store(
    tmp_path: Path, target: str, options: dict[str, Any], written: str
) -> None:
    (tmp_path / "existing").mkdir()
    kg = KnowledgeGraph.from_networkx(roles_graph())
    path = kg.write(f"{tmp_path}/{target}", **options)
    if written == "neo4j":
        assert (path / "import.sh").is_file() and (path / "nodes-Person.csv").is_file()
    else:
        assert oxigraph.is_store(path)
        kg.write(path)  # an existing store directory is written as that store again
        assert oxigraph.is_store(path) and not (path / "import.sh").exists()
        count = kgraph.sparql(path, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g {} }")
        assert count == [{"n": 3}]


def test_a_directory_named_like_a_file_format_is_still_refused(tmp_path: Path) -> None:
    os.mkdir(tmp_path / "g.json")
    with pytest.raises(IsADirectoryError):
        KnowledgeGraph.from_networkx(build_contract_graph()).write(tmp_path / "g.json")
