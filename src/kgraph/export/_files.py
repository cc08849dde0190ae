"""Files written whole or not at all: every writer of kgraph writes through here.

A file is written to a temporary file beside it, flushed and synced to disk, then
renamed over it (``os.replace``, atomic on POSIX and Windows).  An error, Ctrl-C or
a kill while writing leaves the file that was there before as it was; only a kill
(``SIGKILL``, a power cut) can leave the hidden temporary file
(``.NAME.XXXXXXXX.part``) behind.

>>> import pathlib, tempfile
>>> out = pathlib.Path(tempfile.mkdtemp()) / "g.json"
>>> write_bytes(out, b"{}")
>>> try:
...     with atomic_write(out) as f:
...         _ = f.write(b'{"half": ')
...         raise KeyboardInterrupt
... except KeyboardInterrupt:
...     pass
>>> out.read_bytes(), sorted(p.name for p in out.parent.iterdir())
(b'{}', ['g.json'])
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from kgraph._errors import ExportError

__all__ = ["atomic_write", "encode_text", "encoding_error", "surrogate_error", "write_bytes"]


@contextlib.contextmanager
def atomic_write(path: str | Path, *, text: bool = False) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; when the ``with`` block ends, rename it to
    ``path``.

    On any exception (``KeyboardInterrupt`` too) the temporary file is removed and
    ``path`` is left as it was.  A symbolic link is followed: its target is replaced.
    The file gets the permissions of the file it replaces, else those of a new file
    (0o666 less the umask).  ``text``: UTF-8 text with ``\\n`` line ends, else bytes.
    An ``OSError`` names ``path``, never the temporary file.
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as err:
        raise _named(err, path) from err
    try:
        _set_mode(fd, target)
        out = open(fd, "w", encoding="utf-8", newline="\n") if text else open(fd, "wb")  # noqa: SIM115
        with out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError) and err.errno and err.filename in (None, tmp, str(target)):
            raise _named(err, path) from err  # "No space left on device" names no file
        raise
    _sync_folder(target.parent)


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all."""
    with atomic_write(path) as out:
        out.write(data)


def encode_text(text: str, what: str) -> bytes:
    """``text`` as UTF-8; a lone surrogate (which no UTF-8 file can hold) is an ExportError.

    >>> encode_text("Росси́я 🇷🇺", "x") == "Росси́я 🇷🇺".encode()
    True
    >>> encode_text("a\\ud800b", "node 'n'")
    Traceback (most recent call last):
    ...
    kgraph._errors.ExportError: node 'n': the text 'a\\ud800b' holds a lone surrogate U+D800, ...
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise encoding_error(err, what) from err


def encoding_error(err: UnicodeEncodeError, what: str) -> ExportError:
    """The :class:`ExportError` for text UTF-8 cannot encode (a lone surrogate)."""
    return surrogate_error(err.object, err.start, what)


def surrogate_error(text: str, at: int, what: str) -> ExportError:
    """The :class:`ExportError` for the lone surrogate at ``text[at]``, shown in context."""
    near = text[max(0, at - 30) : at + 31]
    return ExportError(
        f"{what}: the text {near!r} holds a lone surrogate U+{ord(text[at]):04X}, "
        "which UTF-8 cannot carry; clean the input text (it was probably decoded with "
        "errors='surrogateescape')"
    )


def _named(err: OSError, path: str | Path) -> OSError:
    """``err`` naming the file the caller asked for."""
    return type(err)(err.errno, err.strerror, str(path))


def _set_mode(fd: int, target: Path) -> None:
    if not hasattr(os, "fchmod"):  # Windows: the default permissions are fine
        return
    try:
        mode = os.stat(target).st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_umask()
    os.fchmod(fd, mode)


@functools.cache
def _umask() -> int:
    """The process's umask (read by setting it, once; there is no other portable way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Sync the folder entry of a renamed file to disk (POSIX; elsewhere a no-op)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
