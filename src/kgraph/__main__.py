"""``python -m kgraph``: the same as the ``kgraph`` command (see :mod:`kgraph.cli`)."""

from __future__ import annotations

import sys

from kgraph.cli import main

if __name__ == "__main__":  # pragma: no cover - run as a program, tested through a subprocess
    sys.exit(main())
