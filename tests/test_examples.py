"""The bundled example articles."""

from __future__ import annotations

from kgraph import examples


def test_the_example_folder_holds_only_articles() -> None:
    """A build of the folder reads every file in it and skips none (no package files)."""
    files = sorted(p.name for p in examples.path().iterdir())
    assert files and all(name.endswith(".txt") for name in files), files
