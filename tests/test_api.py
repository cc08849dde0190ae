"""The public API: build, add, merge, determinism, JSON round trip (real model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kgraph
from kgraph import Document, KnowledgeGraph

pytestmark = pytest.mark.model

TEXTS = {
    "a": "Mike Pompeo warned Sergey Lavrov, Russia's foreign minister, about the bounties.",
    "b": "U.S. officials said that Russia offered bounties to militants to kill American troops. "
    "Russian officials denied the reports.",
    "c": "Donald Trump spoke with Vladimir Putin. Mr. Trump dismissed the reports as a hoax.",
    "d": "Former CIA official Rolf Mowatt-Larssen told Just Security "
    "that the Kremlin was arming the Taliban.",
    "e": "Secretary of State Mike Pompeo met NATO officials in Brussels.",
}


@pytest.fixture(scope="module")
def full() -> KnowledgeGraph:
    return kgraph.build([Document(t, id=i) for i, t in TEXTS.items()])


def test_build_counts_and_repr(full: KnowledgeGraph) -> None:
    assert full.documents == sorted(TEXTS)
    assert len(full) == full.graph.number_of_nodes() > 5
    assert "KnowledgeGraph documents=5" in repr(full)


def test_adding_the_same_document_again_changes_nothing(full: KnowledgeGraph) -> None:
    kg = kgraph.build([Document(TEXTS["a"], id="a")])
    before = kg.to_json()
    report = kg.add([Document(TEXTS["a"], id="a")])
    assert report.unchanged == ["a"] and report.added == []
    assert kg.to_json() == before


def test_any_order_gives_the_same_bytes(full: KnowledgeGraph) -> None:
    reordered = kgraph.build([Document(TEXTS[i], id=i) for i in reversed(sorted(TEXTS))])
    assert reordered.to_json() == full.to_json()


def test_any_order_gives_the_same_turtle(full: KnowledgeGraph, tmp_path: Path) -> None:
    reordered = kgraph.build([Document(TEXTS[i], id=i) for i in reversed(sorted(TEXTS))])
    full.write(tmp_path / "a.ttl")
    reordered.write(tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


def test_two_processes_give_the_same_bytes(full: KnowledgeGraph, tmp_path: Path) -> None:
    parallel = kgraph.build([Document(TEXTS[i], id=i) for i in TEXTS], n_process=2)
    assert parallel.to_json() == full.to_json()
    full.write(tmp_path / "one.ttl")
    parallel.write(tmp_path / "two.ttl")
    assert (tmp_path / "one.ttl").read_bytes() == (tmp_path / "two.ttl").read_bytes()


def test_interrupted_build_resumed_with_add(full: KnowledgeGraph, tmp_path: Path) -> None:
    part = kgraph.build([Document(TEXTS[i], id=i) for i in ("a", "b")])
    part.write(tmp_path / "part.json")
    resumed = kgraph.load(tmp_path / "part.json")
    resumed.add([Document(TEXTS[i], id=i) for i in TEXTS])
    assert resumed.to_json() == full.to_json()


def test_json_write_load_write_is_byte_identical(full: KnowledgeGraph, tmp_path: Path) -> None:
    first = tmp_path / "g.json"
    full.write(first)
    again = tmp_path / "again.json"
    kgraph.load(first).write(again)
    assert first.read_bytes() == again.read_bytes()


def test_json_contract(full: KnowledgeGraph) -> None:
    data = json.loads(full.to_json())
    assert data["directed"] is True and data["multigraph"] is True
    for node in data["nodes"]:
        assert {"id", "label", "type", "aliases", "sources", "mentions"} <= node.keys()
    for edge in data["edges"]:
        assert {"source", "target", "key", "predicate", "evidence"} <= edge.keys()
        for ev in edge["evidence"]:
            assert {"doc", "start", "end", "sentence"} <= ev.keys()
            assert TEXTS[ev["doc"]][ev["start"] : ev["end"]].strip() == ev["sentence"]


def test_mention_offsets_point_at_the_text(full: KnowledgeGraph) -> None:
    for _node, attrs in full.graph.nodes(data=True):
        for m in attrs.get("evidence", []):
            if "text" in m:
                assert TEXTS[m["doc"]][m["start"] : m["end"]] == m["text"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.integers(0, 2), min_size=len(TEXTS), max_size=len(TEXTS)), st.randoms())
def test_merge_is_associative_commutative_idempotent(
    full: KnowledgeGraph, parts: list[int], rnd: object
) -> None:
    results = list(full.results.values())
    groups: list[KnowledgeGraph] = [KnowledgeGraph() for _ in range(3)]
    for result, part in zip(results, parts, strict=True):
        groups[part].add_results([result])
    a, b, c = groups
    assert ((a | b) | c) == (a | (b | c)) == full
    assert (a | b) == (b | a)
    assert (a | a) == a


def test_model_is_loaded_once() -> None:
    from kgraph.nlp import load_model

    assert load_model() is load_model()


def test_missing_model_is_one_clear_error() -> None:
    with pytest.raises(kgraph.ModelNotFoundError, match="pip install"):
        kgraph.build(["Some text."], model="no_such_pipeline_here")


def test_non_english_document_warns_and_does_not_crash() -> None:
    text = (
        "Der Außenminister traf sich am Montag mit seinem Amtskollegen in Berlin, um über die "
        "Lage in der Ukraine zu sprechen. Beide Seiten betonten die Bedeutung der Gespräche, "
        "die nach Angaben der Regierung in einer freundlichen Atmosphäre stattfanden. Weitere "
        "Treffen sollen im kommenden Monat folgen, hieß es aus diplomatischen Kreisen."
    )
    kg = kgraph.build([Document(text, id="de")])
    assert any("English" in w for w in kg.report.warnings)


def test_empty_document_is_counted_in_the_report() -> None:
    kg = kgraph.build(
        [Document("   ", id="blank"), Document("Mike Pompeo met Sergey Lavrov.", id="x")]
    )
    assert ("blank", "empty") in kg.report.skipped
    assert kg.documents == ["x"]


def test_long_document_is_chunked_with_true_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    from kgraph.nlp import load_model

    nlp = load_model()
    monkeypatch.setattr(nlp, "max_length", 3000)
    para = "Mike Pompeo warned Sergey Lavrov about the payments in Moscow.\n\n"
    text = para * 100  # 6,500 characters: three chunks at least
    kg = kgraph.build([Document(text, id="long")])
    node = next(n for n, a in kg.graph.nodes(data=True) if a["label"] == "Mike Pompeo")
    evidence = kg.graph.nodes[node]["evidence"]
    assert len(evidence) == 100
    assert all(text[m["start"] : m["end"]] == m["text"] for m in evidence)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Lavrov", "Sergey Lavrov"),
        ("mike pompeo", "Mike Pompeo"),
        ("the Kremlin", "Kremlin"),
        ("C.I.A.", "Central Intelligence Agency"),
    ],
)
def test_entity_lookup_by_any_name(full: KnowledgeGraph, name: str, label: str) -> None:
    assert full.entity(name).label == label


def test_entity_lookup_miss_suggests(full: KnowledgeGraph) -> None:
    with pytest.raises(kgraph.EntityNotFoundError, match="Pompeo"):
        full.entity("Pompey")
