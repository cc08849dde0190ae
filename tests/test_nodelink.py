"""Node-link JSON (kgraph.export.nodelink): write and read back the same bytes, and one
clear error, naming the file, for every file kgraph cannot read or text it cannot write."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import kgraph
from kgraph import ExportError, FormatError, export
from kgraph.export import nodelink
from kgraph.graph import node_link_dumps

from .conftest import HOSTILE_NAMES, build_contract_graph, reversed_copy

LONE_SURROGATE = "Pompeo \ud800 says"  # what errors="surrogateescape" leaves in a str

Loader = Callable[[Path], Any]
LOADERS = [
    pytest.param(nodelink.read_json, id="read_json"),
    pytest.param(kgraph.load, id="kgraph.load"),
]


# -- writing and reading back ------------------------------------------------------------------


@pytest.mark.parametrize("fixture", ["contract_graph", "hostile_graph"])
def test_write_then_read_gives_the_graph_and_the_bytes_back(
    fixture: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    g = request.getfixturevalue(fixture)
    path = tmp_path / "g.json"
    nodelink.write_json(g, path)
    raw = path.read_bytes()
    assert raw == nodelink.to_json(g).encode("utf-8") == node_link_dumps(g).encode("utf-8")
    back = nodelink.read_json(path)
    assert nx.utils.graphs_equal(back, g)
    assert nodelink.to_json(back).encode("utf-8") == raw
    assert nodelink.from_json(raw.decode("utf-8")).graph == g.graph


def test_hostile_names_give_valid_json_that_reads_back(
    hostile_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    # moved from test_formats.py
    path = export.write(hostile_graph, tmp_path / "g.json")
    raw = path.read_bytes()
    data = json.loads(raw.decode("utf-8"))  # strict UTF-8, valid JSON
    labels = {n["label"] for n in data["nodes"]}
    assert set(HOSTILE_NAMES.values()) <= labels  # quotes, <script>, RTL, tab, newline intact
    back = export.read(path)
    assert node_link_dumps(back) == node_link_dumps(hostile_graph)
    assert nodelink.to_json(back).encode("utf-8") == raw


@pytest.mark.parametrize("fixture", ["contract_graph", "hostile_graph"])
def test_json_is_the_same_bytes_whatever_the_insertion_order(
    fixture: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # moved from test_formats.py
    g = request.getfixturevalue(fixture)
    first = export.write(g, tmp_path / "a.json").read_bytes()
    assert export.write(reversed_copy(g), tmp_path / "b.json").read_bytes() == first
    again = export.write(export.read(tmp_path / "a.json"), tmp_path / "c.json").read_bytes()
    assert again == first


def test_the_file_is_utf8_not_ascii_escapes(hostile_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    nodelink.write_json(hostile_graph, path)
    raw = path.read_bytes()
    assert HOSTILE_NAMES["russia"].split()[0].encode("utf-8") in raw
    assert b"\\u04" not in raw  # Cyrillic written as itself


def test_links_are_read_as_edges() -> None:
    text = json.dumps(
        {
            "graph": {"name": "kgraph"},
            "nodes": [
                {"id": "a", "type": "Person", "label": "A"},
                {"id": "b", "type": "Person", "label": "B"},
            ],
            "links": [
                {"source": "a", "target": "b", "key": "warn", "predicate": "warn", "kind": "action"}
            ],
        }
    )
    g = nodelink.from_json(text)
    assert list(g.edges(keys=True, data="predicate")) == [("a", "b", "warn", "warn")]


# the modality and event attributes of a fact edge, each of the wrong type or value
BAD_FACT_ATTRS = [
    ({"asserted": "yes"}, "'asserted' should be true or false"),
    ({"reported": 1}, "'reported' should be true or false"),
    ({"demanded": None}, "'demanded' should be true or false"),
    ({"planned": "no"}, "'planned' should be true or false"),
    ({"event": "INVADE"}, "'event' should be one of AGREE"),
    ({"according_to": 3}, "'according_to' should be a string"),
    ({"according_to": "nobody"}, "'according_to' 'nobody' is no entity node"),
]


@pytest.mark.parametrize(("attrs", "message"), BAD_FACT_ATTRS)
def test_a_fact_edge_attribute_of_the_wrong_type_is_a_format_error(
    attrs: dict[str, object], message: str
) -> None:
    edge = {"source": "a", "target": "b", "key": "warn", "predicate": "warn", "kind": "action"}
    nodes = [{"id": n, "type": "Person", "label": n.upper()} for n in ("a", "b")]
    good = {"asserted": False, "reported": True, "according_to": "b", "event": "THREATEN"}
    ok = nodelink.from_json(json.dumps({"nodes": nodes, "edges": [{**edge, **good}]}))
    assert ok.edges["a", "b", "warn"]["according_to"] == "b"
    with pytest.raises(FormatError, match=message):
        nodelink.from_json(json.dumps({"nodes": nodes, "edges": [{**edge, **attrs}]}))


# -- files kgraph cannot read ----------------------------------------------------------------

# moved from test_rdf.py (the JSON rows of test_a_file_kgraph_cannot_load_is_one_clear_error)
BAD_FILES = [
    ("missing.json", None, kgraph.DocumentNotFoundError, "No such file or directory"),
    ("utf16.json", "{}".encode("utf-16"), FormatError, "not UTF-8"),
    ("latin1.json", '{"nodes": ["\xe9"]}'.encode("latin-1"), FormatError, "not UTF-8"),
    ("broken.json", b'{"nodes": [', FormatError, "not valid JSON"),
    ("empty.json", b"", FormatError, "not valid JSON"),
    ("list.json", b"[1, 2]", FormatError, "no 'nodes' list"),
    ("nodes.json", b'{"nodes": 5}', FormatError, "no 'nodes' list"),
    ("graph.json", b'{"nodes": [], "graph": []}', FormatError, "'graph' or 'edges'"),
    ("edges.json", b'{"nodes": [], "edges": {}}', FormatError, "'graph' or 'edges'"),
    ("noid.json", b'{"nodes": [{"label": "A"}], "edges": []}', FormatError, "node 0"),
    ("edge.json", b'{"nodes": [], "edges": [{"source": "a"}]}', FormatError, "edge 0"),
    ("listid.json", b'{"nodes": [{"id": [1]}], "edges": []}', FormatError, "id should be a string"),
]


@pytest.mark.parametrize("load", LOADERS)
@pytest.mark.parametrize(("name", "content", "error", "message"), BAD_FILES)
def test_a_file_kgraph_cannot_load_is_one_clear_error(
    load: Loader,
    name: str,
    content: bytes | None,
    error: type[Exception],
    message: str,
    tmp_path: Path,
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(error, match=message) as info:
        load(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, kgraph.KGraphError)
    builtin = FileNotFoundError if error is kgraph.DocumentNotFoundError else ValueError
    assert isinstance(info.value, builtin)


@pytest.mark.parametrize(
    ("text", "message"),
    [("{", "<string>: not valid JSON"), ("3", "<string>: not a node-link graph")],
)
def test_text_that_is_no_graph_is_a_format_error_naming_the_source(text: str, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        nodelink.from_json(text)
    with pytest.raises(FormatError, match=r"feed\.json: "):
        nodelink.from_json(text, name="feed.json")


@pytest.mark.parametrize("load", LOADERS)
def test_loading_a_directory_is_one_clear_error(load: Loader, tmp_path: Path) -> None:
    # moved from test_rdf.py (its .json case)
    path = tmp_path / "graph.json"
    path.mkdir()
    with pytest.raises(kgraph.DocumentNotFoundError, match="is a directory") as info:
        load(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("load", LOADERS)
def test_loading_an_unreadable_file_is_one_clear_error(
    load: Loader, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # moved from test_rdf.py (its .json case)
    path = export.write(build_contract_graph(), tmp_path / "graph.json")

    def refuse(self: Path, *args: Any, **kwargs: Any) -> str:
        # what chmod 0 gives a user who is not root (the tests may well run as root)
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_text", refuse)
    with pytest.raises(kgraph.DocumentAccessError, match="may not be read") as info:
        load(path)
    assert str(path) in str(info.value)
    assert isinstance(info.value, PermissionError)


# -- text kgraph cannot write ----------------------------------------------------------------


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(nodelink.write_json, id="write_json"),
        pytest.param(export.write, id="export.write"),
    ],
)
def test_a_lone_surrogate_is_one_clear_export_error(
    write: Callable[[nx.MultiDiGraph, Path], Any], tmp_path: Path
) -> None:
    # moved from test_rdf.py (its .json case)
    g = build_contract_graph({"pompeo": LONE_SURROGATE})
    path = tmp_path / "g.json"
    with pytest.raises(ExportError, match=r"lone surrogate U\+D800") as info:
        write(g, path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ValueError)
    assert info.value.__cause__ is not None  # chained
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_a_lone_surrogate_error_shows_where_it_is() -> None:
    text = "x" * 100 + "\udc80" + "y" * 100
    error = nodelink.surrogate_error(text, 100, "node 'n'")
    assert str(error).startswith("node 'n': the text ")
    assert "U+DC80" in str(error) and "x" * 30 in str(error) and "x" * 31 not in str(error)
    with pytest.raises(ExportError, match="U\\+DC80") as info:
        nodelink.encode_text(text, "node 'n'")
    assert isinstance(info.value.__cause__, UnicodeEncodeError)
    assert nodelink.encode_text("Росси́я", "x") == "Росси́я".encode()
