"""Example articles that ship with kgraph, written by the kgraph developers.

They are fiction: the people are invented, the institutions are real only so
that the gazetteer has something to recognise.  :func:`path` is the folder to
pass to :func:`kgraph.build`.

>>> sorted(p.name for p in path().glob("*.txt"))[:1]
['envoy_meets_minister.txt']
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["path"]


def path() -> Path:
    """The folder holding the bundled example articles (only they: a build of it reads
    nothing else and skips nothing)."""
    return Path(str(files("kgraph.examples") / "articles"))
