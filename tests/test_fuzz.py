"""Hypothesis-generated documents: building never fails but with kgraph's own errors, and
every export parses back (real model)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kgraph
from kgraph import Document, ExportError, KGraphError

from .conftest import SEEDS

pytestmark = pytest.mark.model


def _seed_sentences() -> list[str]:
    sentences: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [s.strip() for s in re.split(r"(?<=[.!?”\"])\s+", text) if 20 < len(s) < 300]
    return sentences


SENTENCES = _seed_sentences()
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "javascript:alert(3)",
    'Mr. O\'Brien \\ said "hi"',
    "Президент Путин",
    "مرحبا",
    "\u202eevil\u202c",
    "zero\u200bwidth",
    "emoji 🇷🇺🔥",
    "tab\tand\nnewline",
    "{{ template }}",
    "%s %d ? # &amp;",
]

documents = st.lists(
    st.one_of(
        st.text(max_size=200),
        st.sampled_from(SENTENCES) if SENTENCES else st.just("Pompeo warned Lavrov."),
        st.sampled_from(HOSTILE),
    ),
    min_size=1,
    max_size=8,
).map(" ".join)


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(texts=st.lists(documents, min_size=1, max_size=3))
def test_build_and_exports_never_break(texts: list[str], tmp_path: Path) -> None:
    docs = [Document(text, id=f"d{i}") for i, text in enumerate(texts)]
    try:
        kg = kgraph.build(docs)
    except KGraphError:
        return
    data = json.loads(kg.to_json())
    assert {n["id"] for n in data["nodes"]} == set(kg.graph.nodes)
    suffixes = (".json", ".graphml", ".gexf", ".html", ".ttl", ".nt", ".trig", ".nq", ".jsonld")
    for suffix in suffixes:
        kg.write(tmp_path / f"g{suffix}")
    refused: ExportError | None = None
    try:
        kg.write(tmp_path / "g.rdf")
    except ExportError as err:  # documented: XML 1.0 cannot carry most control characters
        refused = err
    assert refused is None or "XML" in str(refused)
    assert kgraph.load(tmp_path / "g.json").to_json() == kg.to_json()
    for suffix in (".trig", ".nq", ".jsonld"):
        assert kgraph.load(tmp_path / f"g{suffix}").to_json() == kg.to_json()
    rdflib.Graph().parse(tmp_path / "g.ttl", format="turtle")
    rdflib.Graph().parse(tmp_path / "g.nt", format="nt")
    if refused is None:
        rdflib.Graph().parse(tmp_path / "g.rdf", format="xml")
    nx.read_graphml(tmp_path / "g.graphml")
    nx.read_gexf(tmp_path / "g.gexf")
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    raw=st.one_of(
        st.binary(max_size=400),
        documents.map(lambda t: t.encode("utf-8")),
        documents.map(lambda t: t.encode("utf-16")),
        documents.map(lambda t: t.encode("cp1252", errors="replace")),
        st.tuples(documents, st.binary(max_size=40)).map(lambda x: x[0].encode() + x[1]),
    ),
    suffix=st.sampled_from([".txt", ".html", ".jsonl", ".md", ""]),
)
def test_build_from_any_file_bytes_raises_only_kgraph_errors(
    raw: bytes, suffix: str, tmp_path: Path
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(raw)
    outcome: kgraph.KnowledgeGraph | KGraphError
    try:
        outcome = kgraph.build(path)
    except KGraphError as err:
        outcome = err
    if isinstance(outcome, KGraphError):
        assert "fuzz" in str(outcome)  # the error names the file (and a JSONL file's line)
        return
    kg = outcome
    assert json.loads(kg.to_json())["graph"]["name"] == "kgraph"
    for doc in kg.graph.graph["documents"]:
        assert doc["id"].startswith("fuzz")


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    parts=st.lists(
        st.one_of(
            st.sampled_from(SENTENCES) if SENTENCES else st.just("Pompeo warned Lavrov."),
            st.sampled_from(HOSTILE),
            st.sampled_from([" ", "\n", "\n\n", "\n\n\n"]),
        ),
        min_size=20,
        max_size=80,
    )
)
def test_documents_longer_than_max_length_keep_true_offsets(parts: list[str]) -> None:
    from kgraph.nlp import load_model

    nlp = load_model()
    saved = nlp.max_length
    nlp.max_length = 2500  # segments of at most 1,500 characters
    try:
        text = " ".join(parts)
        kg = kgraph.build([Document(text, id="long")])
    finally:
        nlp.max_length = saved
    for _node, attrs in kg.graph.nodes(data=True):
        for m in attrs.get("evidence", []):
            if "text" in m:
                assert text[m["start"] : m["end"]] == m["text"]
            assert 0 <= m["start"] < m["end"] <= len(text)
    for _u, _v, attrs in kg.graph.edges(data=True):
        for ev in attrs["evidence"]:
            # the offsets are the sentence's, no more and no less
            assert text[ev["start"] : ev["end"]] == ev["sentence"]
