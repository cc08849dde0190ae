"""The README's Python examples run as written, and its first command is the CLI's."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.mark.model
def test_readme_python_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the examples write into out/
    result = doctest.testfile(
        str(ROOT / "README.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted > 0
    assert result.failed == 0


def test_readme_opens_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = text.split("```sh\n")[1:3]
    commands = [b.split("```", 1)[0].strip() for b in blocks]
    assert "kgraph build --examples" in commands[0]
    assert "out/graph.json" in commands[0] and "out/graph.ttl" in commands[0]
    assert "out/graph.html" in commands[0]
    assert commands[1] == "bash tests/run.sh"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "tests/run.sh" in ci


@pytest.mark.model
def test_readme_command_line_examples_run(tmp_path: Path) -> None:
    import shlex
    import subprocess
    import sys

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Command line", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    lines = [line for line in block.splitlines() if line.strip()]
    assert len(lines) == 3
    for line in lines:
        argv = shlex.split(line)
        assert argv[0] == "kgraph"
        done = subprocess.run(
            [sys.executable, "-m", "kgraph", *argv[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "graph.html").exists()
    assert "Person" in done.stdout
