"""notebooks/explore.ipynb runs top to bottom and shows what it promises (real model).

Cells are found by their tag (cell metadata), so adding a cell does not break the tests.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.model

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


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
def executed(seeds_dir: Any) -> dict[str, Any]:
    """The notebook's code cells after running it from notebooks/, by tag."""
    import nbclient
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT / "notebooks")}},
    )
    client.execute()
    cells = {}
    for cell in nb.cells:
        if cell.cell_type == "code":
            errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            assert errors == [], errors
            (tag,) = cell.metadata["tags"]
            cells[tag] = cell
    return cells


def test_the_notebook_is_stored_without_outputs() -> None:
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)


def test_builds_the_seeds_when_present(executed: dict[str, Any]) -> None:
    text = _text(executed["build"])
    assert "<KnowledgeGraph documents=2 " in text  # the two seed articles, not the examples
    assert "Person=" in text and "Allegation=" in text
    assert '<div class="kgraph-summary">' in text  # the _repr_html_ table


def test_entity_and_allegation_tables(executed: dict[str, Any]) -> None:
    entities = _text(executed["entities"])
    assert "<table" in entities
    for column in ("label", "type", "mentions", "aliases"):
        assert f"<th>{column}</th>" in entities
    assert "<td>Russia</td>" in entities and "<td>Mike Pompeo</td>" in entities
    allegations = _text(executed["allegations-table"])
    for column in ("status", "accused", "alleged_by", "denied_by"):
        assert f"<th>{column}</th>" in allegations
    assert "<td>denied</td>" in allegations


def test_who_alleged_what_with_sentences(executed: dict[str, Any]) -> None:
    text = _text(executed["who-alleged-what"])
    blocks = [b for b in text.split("\n\n") if b.strip()]
    assert len(blocks) >= 3  # one block per allegation: the seeds have three at least
    (bounty,) = [b for b in blocks if "bount" in b.splitlines()[0]]
    assert bounty.splitlines()[0].endswith("[denied]")
    assert re.search(r"^  accused: (.*, )?Russia(,|$)", bounty, flags=re.MULTILINE)
    assert re.search(r"^  denied_by: (.*, )?Russia(,|$)", bounty, flags=re.MULTILINE)
    assert re.search(r"^  alleged_by: .*United States", bounty, flags=re.MULTILINE)
    assert re.search(r"“[^”]*bount[^”]*” \(\w+\)", bounty)  # a sentence and its document


def test_ego_graph_of_the_most_mentioned_person(executed: dict[str, Any]) -> None:
    text = _text(executed["ego-graph"])
    counts = re.match(r"(.+): [1-9]\d* entities and [1-9]\d* allegations one link away\n", text)
    assert counts, text[:200]
    person = counts.group(1)
    assert person in ("Donald Trump", "Mike Pompeo")  # the two most mentioned people
    assert f"  {person} -[" in text  # their links, as facts
    assert re.search(r"\n  [a-z_]+(, [a-z_]+)*: .+ \[(alleged|denied|disputed|confirmed)\]", text)
    assert "<iframe srcdoc=" in text  # the ego graph itself, drawn


def test_central_actors(executed: dict[str, Any]) -> None:
    text = _text(executed["central"])
    ranked = re.findall(r"\((['\"])(.+?)\1, (0\.\d+)\)", text)  # ('Russia', 0.07)
    assert len(ranked) == 10
    assert ranked[0][1] == "Russia"
    scores = [float(s) for _q, _name, s in ranked]
    assert scores == sorted(scores, reverse=True)


def test_sparql_through_rdflib(executed: dict[str, Any]) -> None:
    text = _text(executed["sparql"])
    assert "'person': 'Sergey V. Lavrov'" in text
    assert "'role': 'foreign minister'" in text and "'org': 'Russia'" in text


def test_interactive_graph_inline(executed: dict[str, Any]) -> None:
    markup = _text(executed["interactive"])
    assert '<iframe srcdoc="&lt;!DOCTYPE html&gt;' in markup
    srcdoc = html.unescape(markup.split('srcdoc="', 1)[1].split('"', 1)[0])
    assert srcdoc.startswith("<!DOCTYPE html>")
    assert '"name":"Mike Pompeo"' in srcdoc  # the page carries the graph's nodes
