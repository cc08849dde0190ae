"""Event types: the PLOVER category of an act, from ``data/events.tsv``.

The table maps a verb or a noun, in a context (the preposition of its target, a particle,
its object noun or the type of its target), to one of
:data:`kgraph._model.EVENT_CATEGORIES`; the first row of a lemma whose context holds wins,
and a row whose context is ``-`` holds everywhere:

>>> table = event_table()
>>> table.category("threaten", "VERB")
'THREATEN'
>>> table.category("impose", "VERB", obj="sanction") is None  # the noun says it, not the verb
True
>>> table.category("sanction", "NOUN"), table.category("call", "VERB", prep="for")
('SANCTION', 'REQUEST')
>>> table.category("attack", "VERB", target="Person"), table.category("attack", "VERB")
('ACCUSE', 'ASSAULT')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Final

from kgraph._errors import FormatError
from kgraph._model import EVENT_CATEGORIES

__all__ = ["EventTable", "event_table"]

_FILE: Final = "events.tsv"
_POS: Final = frozenset({"VERB", "NOUN"})
_CONTEXTS: Final = frozenset({"prep", "prt", "obj", "target"})


@dataclass(frozen=True, slots=True)
class EventTable:
    """(lemma, part of speech) -> its (context, category) rows, the rows with a context first."""

    rows: Mapping[tuple[str, str], tuple[tuple[str, str], ...]]

    def category(
        self,
        lemma: str,
        pos: str,
        *,
        prep: str | None = None,
        prt: str | None = None,
        obj: str | None = None,
        target: str | None = None,
    ) -> str | None:
        """The category of ``lemma`` used as ``pos`` in this context, or ``None``."""
        given = {"prep": prep, "prt": prt, "obj": obj, "target": target}
        for context, category in self.rows.get((lemma.lower(), pos), ()):
            if context == "-":
                return category
            kind, _, value = context.partition(":")
            if given.get(kind) == value:
                return category
        return None


def _parse(text: str) -> EventTable:
    rows: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        where = f"kgraph/data/{_FILE}:{lineno}"
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 4:
            raise FormatError(f"{where}: expected 4 columns, got {len(cells)}")
        lemma, pos, context, category = cells
        if pos not in _POS:
            raise FormatError(f"{where}: part of speech must be VERB or NOUN, got {pos!r}")
        if category not in EVENT_CATEGORIES:
            raise FormatError(f"{where}: unknown event category {category!r}")
        if context != "-" and context.partition(":")[0] not in _CONTEXTS:
            raise FormatError(f"{where}: unknown context {context!r}")
        rows.setdefault((lemma.lower(), pos), []).append((context, category))
    return EventTable(
        MappingProxyType(
            {key: tuple(sorted(found, key=lambda r: r[0] == "-")) for key, found in rows.items()}
        )
    )


@cache
def event_table() -> EventTable:
    """kgraph's table of event words, read once per process."""
    return _parse(
        resources.files("kgraph").joinpath("data").joinpath(_FILE).read_text(encoding="utf-8")
    )
