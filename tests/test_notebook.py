"""notebooks/explore.ipynb runs top to bottom and shows what it promises (real model)."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.model


def _text(cell: Any) -> str:
    out = []
    for output in cell.get("outputs", []):
        if "text" in output:
            out.append(output["text"])
        data = output.get("data", {})
        out.append(data.get("text/plain", ""))
        out.append(data.get("text/html", ""))
    return "\n".join(out)


@pytest.fixture(scope="module")
def executed() -> Any:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(ROOT / "notebooks" / "explore.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT / "notebooks")}},
    )
    client.execute()
    return [c for c in nb.cells if c.cell_type == "code"]


def test_builds_the_seeds_when_present(executed: Any) -> None:
    assert "KnowledgeGraph documents=2" in _text(executed[0])


def test_tables(executed: Any) -> None:
    assert "label" in _text(executed[1]) and "Russia" in _text(executed[1])
    assert "status" in _text(executed[2])


def test_who_alleged_what_with_sentences(executed: Any) -> None:
    text = _text(executed[3])
    assert "accused: Russia" in text
    assert "alleged_by:" in text and "denied_by: Russia" in text
    assert "“" in text  # the sentences themselves


def test_ego_graph_central_actors_and_sparql(executed: Any) -> None:
    assert "nodes" in _text(executed[4])
    assert "Russia" in _text(executed[5])
    sparql = _text(executed[6])
    assert "Sergey V. Lavrov" in sparql and "foreign minister" in sparql


def test_interactive_graph_inline(executed: Any) -> None:
    html = _text(executed[7])
    assert "<iframe" in html and "srcdoc" in html
