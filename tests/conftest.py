"""Shared fixtures: hand-built contract graphs (no model needed) and the seeds."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.json"
SCORER = SHARED / "eval" / "score.py"
CORPUS = SHARED / "corpus"
ARTIFACTS = ROOT / "tests" / "artifacts"


def _ev(doc: str, start: int, end: int, sentence: str, **extra: Any) -> dict[str, Any]:
    return {"doc": doc, "start": start, "end": end, "sentence": sentence, **extra}


def _entity(
    g: nx.MultiDiGraph,
    nid: str,
    label: str,
    type_: str,
    mentions: list[dict[str, Any]],
    subtype: str | None = None,
    aliases: tuple[str, ...] = (),
) -> None:
    g.add_node(
        nid,
        label=label,
        type=type_,
        subtype=subtype,
        aliases=sorted({label, *aliases, *(m["text"] for m in mentions)}),
        sources=sorted({m["doc"] for m in mentions}),
        mentions=len(mentions),
        evidence=sorted(mentions, key=lambda m: (m["doc"], m["start"])),
    )


def reversed_copy(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``g`` built in the opposite order: graph, node and edge attributes and the items
    themselves reversed, so that output that depends on insertion order shows it."""
    h = nx.MultiDiGraph()
    h.graph.update(copy.deepcopy(dict(reversed(list(g.graph.items())))))
    for n, attrs in reversed(list(g.nodes(data=True))):
        h.add_node(n, **dict(reversed(list(copy.deepcopy(attrs).items()))))
    for u, v, k, attrs in reversed(list(g.edges(keys=True, data=True))):
        h.add_edge(u, v, key=k, **dict(reversed(list(copy.deepcopy(attrs).items()))))
    return h


def build_contract_graph(names: dict[str, str] | None = None) -> nx.MultiDiGraph:
    """A small graph in the contract form: 4 entities, 1 allegation, 2 documents.

    ``names`` overrides the labels (used to inject hostile strings).
    """
    names = names or {}
    s1 = "Pompeo warned Lavrov, Russia's foreign minister, about the bounties."
    s2 = "U.S. officials said Russia offered bounties to Taliban-linked militants."
    s3 = "Russian officials have denounced the reports on the bounties as lies."
    g = nx.MultiDiGraph(
        name="kgraph",
        version="0.1.0",
        documents=[
            {
                "id": "doc-a",
                "title": "Pompeo warned Russia",
                "url": None,
                "published": "2020-08-07",
                "source": "example",
                "authors": ["Ann Writer"],
                "chars": 200,
                "sha256": "a" * 64,
            },
            {
                "id": "doc-b",
                "title": "Bounties",
                "url": "https://example.org/b",
                "published": None,
                "source": None,
                "authors": [],
                "chars": 100,
                "sha256": "b" * 64,
            },
        ],
    )
    pompeo = names.get("pompeo", "Mike Pompeo")
    lavrov = names.get("lavrov", "Sergey V. Lavrov")
    russia = names.get("russia", "Russia")
    usa = names.get("usa", "United States")
    _entity(
        g,
        "person/mike-pompeo",
        pompeo,
        "Person",
        [_ev("doc-a", 0, 6, s1, text="Pompeo", ner="PERSON")],
        aliases=("Pompeo",),
    )
    _entity(
        g,
        "person/sergey-v-lavrov",
        lavrov,
        "Person",
        [_ev("doc-a", 14, 20, s1, text="Lavrov", ner="PERSON")],
    )
    _entity(
        g,
        "country/russia",
        russia,
        "Country",
        [
            _ev("doc-a", 22, 28, s1, text="Russia", ner="GPE"),
            _ev("doc-b", 20, 26, s2, text="Russia", ner="GPE"),
        ],
    )
    _entity(
        g, "country/united-states", usa, "Country", [_ev("doc-b", 0, 4, s2, text="U.S.", ner="GPE")]
    )
    g.add_node(
        "allegation/russia-bounty",
        label=names.get("allegation", "Russia offered bounties to Taliban-linked militants"),
        type="Allegation",
        text="Russia offered bounties to Taliban-linked militants",
        status="denied",
        confidence="medium confidence",
        dates=["2020-06-26"],
        keywords=["bounty", "offer"],
        sources=["doc-a", "doc-b"],
        mentions=2,
        aliases=[],
        evidence=[_ev("doc-a", 0, 69, s1), _ev("doc-b", 0, 72, s2)],
    )
    g.add_edge(
        "person/mike-pompeo",
        "person/sergey-v-lavrov",
        key="warn",
        predicate="warn",
        kind="action",
        evidence=[_ev("doc-a", 0, 69, s1)],
        negated=False,
        date="July 13",
    )
    g.add_edge(
        "person/sergey-v-lavrov",
        "country/russia",
        key="holds_role:foreign minister",
        predicate="holds_role",
        kind="role",
        role="foreign minister",
        former=False,
        evidence=[_ev("doc-a", 0, 69, s1)],
    )
    g.add_edge(
        "allegation/russia-bounty",
        "country/russia",
        key="accused",
        predicate="accused",
        kind="allegation",
        evidence=[_ev("doc-b", 0, 72, s2)],
    )
    g.add_edge(
        "allegation/russia-bounty",
        "country/united-states",
        key="alleged_by",
        predicate="alleged_by",
        kind="allegation",
        anonymous=True,
        evidence=[_ev("doc-b", 0, 72, s2)],
    )
    g.add_edge(
        "allegation/russia-bounty",
        "country/russia",
        key="denied_by",
        predicate="denied_by",
        kind="allegation",
        anonymous=True,
        evidence=[_ev("doc-b", 73, 142, s3)],
    )
    return g


HOSTILE_NAMES = {
    "pompeo": 'Mike "The <script>alert(1)</script>" Pompeo',
    "lavrov": "Lavrov \\ <img src=x onerror=alert(2)> href=javascript:alert(3)",
    "russia": "Росси́я \u202eatad\u200b 🇷🇺\tnew\nline ? # % <>",
    "usa": "United\u00a0States & 'friends' {{ }}",
    "allegation": "<b>bounties</b> 'quoted' \"double\" \u200f",
}


@pytest.fixture
def contract_graph() -> nx.MultiDiGraph:
    return build_contract_graph()


@pytest.fixture
def hostile_graph() -> nx.MultiDiGraph:
    return build_contract_graph(HOSTILE_NAMES)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the seed articles are missing: expected them in {SEEDS}")
    return SEEDS
