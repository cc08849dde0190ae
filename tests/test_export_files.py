"""Files written whole or not at all (kgraph.export._files), and every writer using them."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

import kgraph
from kgraph.export import atomic_write, write_bytes

from .conftest import build_contract_graph

SUFFIXES = (".json", ".ttl", ".nt", ".jsonld", ".trig", ".nq", ".rdf", ".html", ".graphml", ".gexf")


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_file_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    write_bytes(out, b"old")
    write_bytes(out, b"new")
    assert out.read_bytes() == b"new"
    assert _listing(tmp_path) == ["g.json"]


@pytest.mark.parametrize("error", [KeyboardInterrupt, OSError(28, "No space left on device")])
def test_a_failure_while_writing_leaves_the_old_file(
    tmp_path: Path, error: BaseException | type[BaseException]
) -> None:
    out = tmp_path / "g.json"
    out.write_bytes(b"old")
    expected = type(error) if isinstance(error, BaseException) else error
    with pytest.raises(expected), atomic_write(out) as f:  # noqa: PT012
        f.write(b"half of the new")
        raise error
    assert out.read_bytes() == b"old"
    assert _listing(tmp_path) == ["g.json"]


def test_text_mode_writes_utf8_with_newlines(tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    with atomic_write(out, text=True) as f:
        f.write("Росси́я\n🇷🇺\n")
    assert out.read_bytes() == "Росси́я\n🇷🇺\n".encode()


def test_a_link_is_followed_and_permissions_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_bytes(tmp_path / "g.json", b"{}")
    finally:
        os.umask(old)
    # mkstemp makes 0o600; the file must look like any new file (the umask is read once)
    mode = stat.S_IMODE((tmp_path / "g.json").stat().st_mode)
    assert mode in (0o640, 0o644)


def test_an_error_names_the_file_asked_for(tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "g.json"
    with pytest.raises(FileNotFoundError) as info:
        write_bytes(out, b"{}")
    assert info.value.filename == str(out)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_every_writer_leaves_the_old_file_when_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    kg = kgraph.KnowledgeGraph.from_networkx(build_contract_graph())
    out = tmp_path / f"g{suffix}"
    out.write_bytes(b"the graph of yesterday")

    def interrupted(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        kg.write(out)
    assert out.read_bytes() == b"the graph of yesterday"
    assert _listing(tmp_path) == [out.name]
    monkeypatch.undo()
    assert kg.write(out) == out and out.read_bytes() != b"the graph of yesterday"


@pytest.mark.parametrize("method", ["to_json", "to_html"])
def test_to_json_and_to_html_write_whole_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    kg = kgraph.KnowledgeGraph.from_networkx(build_contract_graph())
    out = tmp_path / "sub" / f"g.{method[3:]}"
    text = getattr(kg, method)(out)
    assert out.read_text(encoding="utf-8") == text

    def full(*_args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left") as info:
        getattr(kg, method)(out)
    assert info.value.filename == str(out)
    assert out.read_text(encoding="utf-8") == text
    assert _listing(out.parent) == [out.name]
