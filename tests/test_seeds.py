"""The seed articles, built and scored against their gold annotation (issue targets)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

import kgraph

from .conftest import GOLD, SCORER

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def scores(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    spec = importlib.util.spec_from_file_location("kgraph_seed_scorer", SCORER)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    kg = kgraph.build(sorted(seeds_dir.glob("*.txt")))
    out = tmp_path_factory.mktemp("seeds") / "graph.json"
    kg.to_json(out)
    result: dict[str, Any] = scorer.score(str(out), str(GOLD), verbose=True)
    return result


@pytest.mark.parametrize(
    ("figure", "target"),
    [
        ("entity_precision", 0.95),
        ("entity_recall", 0.95),
        ("type_accuracy", 0.95),
        ("relation_recall", 0.80),
        ("allegation_recall", 1.0),
    ],
)
def test_at_least(scores: dict[str, Any], figure: str, target: float) -> None:
    assert scores[figure] >= target, scores


@pytest.mark.parametrize("figure", ["duplicated_entities", "overmerged_nodes"])
def test_none(scores: dict[str, Any], figure: str) -> None:
    assert scores[figure] == 0, scores


def test_allegation_roles_and_merges(scores: dict[str, Any]) -> None:
    got, total = (int(x) for x in scores["allegation_roles"].split("/"))
    assert got / total >= 0.8, scores["allegations"]
    merged, required = (int(x) for x in scores["allegations_merged_across_docs"].split("/"))
    assert merged == required, scores["allegations"]
