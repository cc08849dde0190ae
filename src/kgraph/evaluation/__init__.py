"""Measure a graph against your own annotations: ``kgraph.evaluate`` and ``kgraph annotate``.

:func:`evaluate` scores a graph (a :class:`~kgraph.KnowledgeGraph`, a file
:func:`kgraph.load` reads, or a node-link dict) against a gold annotation
(:mod:`kgraph.evaluation.gold`; definitions in :mod:`kgraph.evaluation.scorer`) and,
with ``attributions=``, its statements against brat annotations
(:mod:`kgraph.evaluation.attributions`).  :func:`draft_gold` draws a draft gold from a
graph for a person to correct (:mod:`kgraph.evaluation.draft`).

>>> graph = {"nodes": [{"id": "p", "label": "Mike Pompeo", "type": "Person"},
...                    {"id": "x", "label": "Getty Images", "type": "Organization"}],
...          "edges": []}
>>> gold = {"entities": [{"id": "pompeo", "name": "Mike Pompeo", "types": ["Person"],
...                       "aliases": ["Mike Pompeo", "Pompeo"]}]}
>>> result = evaluate(graph, gold)
>>> result.gold.entity_recall, result.gold.entity_precision, result.gold.junk_nodes[0].label
(1.0, 0.5, 'Getty Images')

This package sits above the exporters (it reads graphs) and below ``kgraph._api`` and
the command line; no lower stage imports it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, runtime_checkable

from kgraph import export
from kgraph._errors import FormatError, OptionError
from kgraph.evaluation.attributions import AttributionScores, read_brat, score_attributions
from kgraph.evaluation.draft import draft_gold
from kgraph.evaluation.gold import Gold, gold_schema, read_gold
from kgraph.evaluation.report import (
    attribution_details,
    attribution_lines,
    attribution_rows,
    gold_details,
    gold_lines,
    gold_rows,
)
from kgraph.evaluation.scorer import GoldScores, score_gold
from kgraph.evaluation.view import GraphView
from kgraph.export.nodelink import encode_text, from_json, read_text
from kgraph.graph import to_node_link

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "AttributionScores",
    "Evaluation",
    "Gold",
    "GoldScores",
    "draft_gold",
    "evaluate",
    "gold_schema",
    "read_gold",
    "read_graph",
    "write_draft_gold",
]

log = logging.getLogger("kgraph.evaluation")


@runtime_checkable
class SupportsToJson(Protocol):
    """A graph that gives its node-link JSON text (a :class:`~kgraph.KnowledgeGraph`)."""

    def to_json(self) -> str: ...


GraphSource: TypeAlias = "str | Path | Mapping[str, Any] | SupportsToJson | nx.MultiDiGraph"


@dataclass(frozen=True, slots=True)
class Evaluation:
    """What :func:`evaluate` measured: ``gold`` (a :class:`GoldScores`: entities,
    relations, allegations) and ``attributions`` (an :class:`AttributionScores`), each
    ``None`` when not asked for; the figures are their attributes."""

    graph: str
    gold: GoldScores | None = None
    attributions: AttributionScores | None = None
    gold_file: str | None = None
    attributions_folder: str | None = None

    def to_dict(self, *, details: bool = False) -> dict[str, Any]:
        """The figures as JSON (``score.py``'s and ``polnear_score.py``'s names); with
        ``details``, every miss, junk node and wrong merge with its evidence too."""
        out: dict[str, Any] = {"graph": self.graph}
        if self.gold is not None:
            out["gold"] = {"file": self.gold_file, **self.gold.figures()}
        if self.attributions is not None:
            out["attributions"] = {
                "folder": self.attributions_folder,
                **self.attributions.figures(),
            }
        if details and self.gold is not None:
            out["gold"]["details"] = gold_details(self.gold)
        if details and self.attributions is not None:
            out["attributions"]["details"] = attribution_details(self.attributions)
        return out

    def rows(self) -> list[dict[str, str]]:
        """The figures as table rows: ``figure``, ``score`` and the ``count`` behind it."""
        rows = [] if self.gold is None else gold_rows(self.gold)
        if self.attributions is not None:
            rows += attribution_rows(self.attributions)
        return rows

    def details(self) -> list[str]:
        """Every miss, junk node and wrong merge as lines of text (evidence indented)."""
        lines = [] if self.gold is None else gold_lines(self.gold)
        if self.attributions is not None:
            lines += attribution_lines(self.attributions)
        return lines


def read_graph(source: GraphSource) -> dict[str, Any]:
    """The node-link dict of a graph, with its ``statements`` on top when it has them
    (at the top of the JSON, else among the graph attributes).

    ``source`` is a :class:`~kgraph.KnowledgeGraph` (anything with ``to_json()``), a
    contract graph (a networkx ``MultiDiGraph``), a node-link dict, or a path to a file
    :func:`kgraph.load` reads (``.json`` or RDF).
    """
    name = _name(source, "the graph")
    if isinstance(source, Mapping):
        return _lift_statements(dict(source), name)
    if isinstance(source, SupportsToJson):
        return _lift_statements(json.loads(source.to_json()), name)
    if not isinstance(source, (str, Path)):  # a networkx graph
        return _lift_statements(to_node_link(source), name)
    path = Path(source)
    if path.suffix.lower() != ".json":
        return _lift_statements(to_node_link(export.read(path)), name)
    text = read_text(path)
    data = to_node_link(from_json(text, name=name))  # checks the form, names the path
    raw = json.loads(text)
    if "statements" in raw:
        data["statements"] = raw["statements"]
    return _lift_statements(data, name)


def _lift_statements(data: dict[str, Any], name: str) -> dict[str, Any]:
    graph = data.get("graph")
    if "statements" not in data and isinstance(graph, Mapping) and "statements" in graph:
        data["statements"] = graph["statements"]
    statements = data.get("statements")
    if statements is not None and not isinstance(statements, list):
        raise FormatError(f"{name}: 'statements' is not a list")
    return data


def _name(source: object, default: str) -> str:
    return str(source) if isinstance(source, (str, Path)) else default


def evaluate(
    graph: GraphSource,
    gold: str | Path | Mapping[str, Any] | Gold | None = None,
    *,
    attributions: str | Path | None = None,
) -> Evaluation:
    """Score ``graph`` against a ``gold`` annotation and/or the brat ``attributions``
    folder (PolNeAR's layout: ``attributions/*.ann`` and ``text/*.txt``).

    ``gold`` is a path to a gold JSON file, the JSON object itself or a read
    :class:`~kgraph.evaluation.gold.Gold`.  A gold that breaks its schema is a
    :class:`~kgraph.FormatError` naming the file and the field.
    """
    if gold is None and attributions is None:
        raise OptionError("evaluate needs a gold, attributions=, or both")
    view = GraphView.from_node_link(read_graph(graph))
    gold_scores, gold_file = None, None
    if gold is not None:
        checked = gold if isinstance(gold, Gold) else read_gold(gold)
        gold_file = checked.name
        if checked.unreviewed:
            log.warning(
                '%s: %d items are not reviewed yet ("reviewed": false)',
                checked.name,
                checked.unreviewed,
            )
        gold_scores = score_gold(view, checked)
    attribution_scores = None
    if attributions is not None:
        if not view.statements:
            log.warning("%s has no statements: its attributions score 0", _name(graph, "the graph"))
        attribution_scores = score_attributions(view.statements, read_brat(attributions))
    return Evaluation(
        graph=_name(graph, "<graph>"),
        gold=gold_scores,
        attributions=attribution_scores,
        gold_file=gold_file,
        attributions_folder=None if attributions is None else str(attributions),
    )


def write_draft_gold(graph: GraphSource, path: str | Path) -> Path:
    """Write the draft gold of ``graph`` (see :func:`draft_gold`) to ``path`` as JSON."""
    path = Path(path)
    draft = draft_gold(read_graph(graph), name=_name(graph, "<graph>"))
    text = json.dumps(draft, ensure_ascii=False, indent=1) + "\n"
    data = encode_text(text, f"cannot write {str(path)!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
