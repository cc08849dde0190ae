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
from kgraph import Document, KGraphError

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
    for suffix in (".json", ".graphml", ".gexf", ".html", ".ttl", ".trig", ".nq", ".jsonld"):
        kg.write(tmp_path / f"g{suffix}")
    assert kgraph.load(tmp_path / "g.json").to_json() == kg.to_json()
    for suffix in (".trig", ".nq", ".jsonld"):
        assert kgraph.load(tmp_path / f"g{suffix}").to_json() == kg.to_json()
    rdflib.Graph().parse(tmp_path / "g.ttl", format="turtle")
    nx.read_graphml(tmp_path / "g.graphml")
    nx.read_gexf(tmp_path / "g.gexf")
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
