"""The progress bar of a build: documents done, with a total and an ETA when known.

A document is done when its result comes out of the pipeline, or when it is read
and not extracted (empty, already in the graph, a bad line skipped).  The bar
counts documents into the pipeline and results out of it, so the documents read
ahead (a batch, the chunks sent to worker processes) are not counted as done.

>>> done = []
>>> bar = Progress(total=3, handled=lambda: len(done), enabled=False)
>>> for doc in bar.results(bar.sent(["a", "b", "c"])):
...     done.append(doc)
>>> bar.n
3
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from tqdm.auto import tqdm

__all__ = ["Progress"]

T = TypeVar("T")


class Progress:
    """Counts documents in and results out; shows ``handled() - pending`` of ``total``."""

    def __init__(
        self, total: int | None, handled: Callable[[], int], *, enabled: bool = True
    ) -> None:
        self.total = total
        self.n = 0
        self._handled = handled
        self._sent = 0
        self._done = 0
        self._bar: Any = None
        if enabled:
            # a terminal that reports no width (a bare pty) still gets a bar of 80 columns
            width = shutil.get_terminal_size((80, 24)).columns
            self._bar = tqdm(
                total=total,
                unit="doc",
                desc="kgraph",
                leave=False,
                ncols=None if width > 0 else 80,
            )

    def sent(self, documents: Iterable[T]) -> Iterator[T]:
        """``documents``, counted as they go into the pipeline."""
        for document in documents:
            self._sent += 1
            yield document

    def results(self, results: Iterable[T]) -> Iterator[T]:
        """``results``, counted as they come out; the bar closes at the end."""
        try:
            for result in results:
                self._done += 1
                self._update()
                yield result
            self._update()
        finally:
            if self._bar is not None:
                self._bar.close()

    def _update(self) -> None:
        n = self._handled() - (self._sent - self._done)
        if n > self.n:
            if self._bar is not None:
                self._bar.update(n - self.n)
            self.n = n
