"""Ingest: sources in, :class:`~kgraph.Document` records and cleaned segments out.

A source is a path (file or directory), a glob, an open file (``sys.stdin.buffer``),
raw text or a Document.  :func:`iter_documents` checks every path it is given when it
is called, before any model loads (a missing or unreadable one is an error at once),
then reads lazily.  Files are read as plain text (UTF-8 with or without BOM, UTF-16/32
with BOM, anything else decoded as cp1252 with a warning; binary files are refused by
name), HTML (markup, scripts and styles dropped by :mod:`html.parser`) or JSONL (one
article a line, read line by line); a file of another suffix, and an open file, is read
as JSONL when its first line is a JSON object, else as text.  In a folder, files of
other suffixes, hidden files, FIFOs, devices, sockets, broken links and link loops are
never opened, and each is listed in ``report.skipped``.

Text is cleaned as it is read (:func:`clean_text`): a lone surrogate becomes U+FFFD,
control characters and invisible formatting characters (zero-width, soft hyphen, bidi
controls) are removed, each with a warning naming the document.  The cleaned text is
the document "as read", the text every offset points into.

:func:`prepare` then splits an article into what NLP should read and what it
should not: the headline (kept as the title), the byline (kept as authors),
the dateline, and page furniture (donation appeals, sign-up boxes, image
credits).  Offsets are never shifted: the kept parts are handed on as
``(offset, text)`` segments of the original text.

>>> text = "Big News Today\\n\\nBy Ann Lee and Bo Chan\\n\\nPompeo warned Lavrov.\\n"
>>> p = prepare(Document(text, id="d"))
>>> p.info.title, p.info.authors
('Big News Today', ('Ann Lee', 'Bo Chan'))
>>> [text for _, text in p.segments]
['Pompeo warned Lavrov.']
"""

from __future__ import annotations

import bisect
import errno
import glob as globmod
import hashlib
import itertools
import json
import logging
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Final

from kgraph._errors import (
    DocumentAccessError,
    DocumentError,
    DocumentNotFoundError,
    KGraphError,
    OptionError,
)
from kgraph._model import BuildReport, Document, DocumentInfo

__all__ = [
    "FIELDS",
    "DocumentStream",
    "Prepared",
    "check_fields",
    "clean_text",
    "decode",
    "html_to_text",
    "iter_documents",
    "iter_prepared",
    "prepare",
    "read_file",
]

log = logging.getLogger("kgraph.ingest")

TEXT_SUFFIXES: Final = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES: Final = frozenset({".jsonl", ".ndjson"})
KNOWN_SUFFIXES: Final = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
#: the Document fields a JSONL key can be mapped to (``fields={"text": "body"}``)
FIELDS: Final = ("text", "id", "title", "url", "published", "source", "authors")
#: the longest run of text without a sentence end that NLP reads as one piece
MAX_RUN: int = 5_000
_READMES: Final = frozenset({"readme.md", "readme.txt"})
_GLOB_CHARS: Final = re.compile(r"[*?\[]")
_WIDE_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
_HEAD_BYTES: Final = 8192
_CHUNK_BYTES: Final = 1 << 16
_BAD_LINE_ADVICE: Final = (
    "fix or remove that line, or skip bad lines with skip_bad=True (kgraph build --skip-bad)"
)

# Page furniture: a paragraph is no article text (an appeal, a sign-up box, a credit line)
# when it carries a cue that no news report uses ...
_FURNITURE: Final = re.compile(
    r"\b(?:(?:subscribe|donate|listen) (?:here|now|today)|email newsletter|sign up"
    r"|your support|support (?:our|us|independent)|click (?:here|to)|image via|photo via"
    r"|images? (?:by|courtesy)|getty images|shutterstock|all rights reserved|read more"
    r"|your inbox|paypal|honest news|follow us|share this|just watched|must watch"
    r"|replay more videos)\b",
    re.IGNORECASE,
)
# ... or a word that news reports use too ("donations to his campaign", "a bill sponsored by",
# "an advertisement attacking") where the paragraph speaks to the reader and quotes nobody
# ("Please consider a donation", "Your contribution keeps us going"), or opens with it as a
# label ("Advertisement", "Sponsored content", "Subscribe now").
_FURNITURE_WEAK: Final = re.compile(
    r"\b(?:donat(?:e|ion|ions|ing)|contributions?|subscri(?:be|ber|bers|ption)|newsletter"
    r"|advertisement|sponsored|independent (?:news|journalism)|credit card)\b",
    re.IGNORECASE,
)
_READER: Final = re.compile(r"\b(?:you|your|please|(?:help|support|join) us)\b", re.IGNORECASE)
_QUOTE_MARK: Final = re.compile('["\u201c\u201d]')
# Inline furniture, blanked inside kept paragraphs (offsets kept): photo credits ("Jason
# Reed/Reuters", "AP Photo/Mark Lennihan", "Saul Loeb/AFP/Getty Images"), caption cues
# ("Enlarge this image toggle caption", "Image copyright", "FILE PHOTO:") and the
# hover cards some sites put after a name ("Trump Donald John TrumpGOP senators balk at
# ... MORE": the display name, the full name glued to headlines, up to "MORE").
_AGENCY: Final = (
    r"(?:AP(?: Photo| Images)?|Associated Press|REUTERS|Reuters|AFP(?: via Getty Images)?"
    r"|Getty Images?|EPA(?:-EFE)?|NPR|Bloomberg(?: via Getty Images)?|Landov|CQ Roll Call"
    r"|Time & Life Pictures|File(?: Photo)?|Pool|Sipa(?: USA)?|ZUMA(?: Press| Wire)?|Xinhua"
    r"|Shutterstock|Alamy|UPI|NurPhoto|Anadolu Agency|SOPA Images|LightRocket|Redux|STR"
    r"|Polaris|Corbis|iStock|Wikimedia Commons)"
)
_CREDIT_PART: Final = rf"(?:{_AGENCY}|[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){{0,3}})"
_INLINE_FURNITURE: Final = re.compile(
    # a credit: parts joined by "/", one of them an agency, and no lower-case word after
    # it ("the Reuters/Ipsos poll" is no credit)
    rf"(?:(?:{_CREDIT_PART} ?/ ?)+{_AGENCY}(?: ?/ ?{_CREDIT_PART})*"
    rf"|{_AGENCY}(?: ?/ ?{_CREDIT_PART})+)(?:, File)?(?! ?[a-z])"
    r"|(?:Enlarge this image )?(?:toggle|hide) caption\b|\bImage (?:copyright|caption)\b"
    r"|\bFILE PHOTO\b:?|\bFile Photo\b:?|\bPhoto(?:graph|grapher)?:|\(Photo by\b|\bAP Photo\b"
)
_CARD_WORD: Final = r"[A-Z(][\w'’.()\-]*"
_HOVER_CARD: Final = re.compile(
    rf"\b(?P<name>[A-Z][\w'’.\-]+)(?P<card> (?:(?:{_CARD_WORD} ){{0,4}}(?P=name)"
    rf"(?=[A-Z0-9'\"‘“])|(?:{_CARD_WORD} ){{2,4}}(?P=name)(?= ))[^\n]{{0,600}}? MORE\b)"
)
_BYLINE: Final = re.compile(r"^\s*By\s+(?P<names>[A-Z][^\n]{2,200}?)\s*$")
_NAME: Final = re.compile(r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,4}")
_DATELINE: Final = re.compile(
    r"^\s*(?:Published|Updated|Posted)\b[^\n]{0,120}$|^\s*(?:Published|Updated)\s*:", re.IGNORECASE
)
_PUBLISHED: Final = re.compile(
    r"Published\s+(?:on\s+)?(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})"
)
_SENTENCE_END: Final = re.compile(r"[.!?\"”'’)\]:;,]\s*$")
_PARAGRAPH: Final = re.compile(r"[^\n]+(?:\n[^\n]+)*")
# the end of a sentence-like run of text: closing punctuation (and quotes) before
# whitespace, or a line break (a sentence never crosses one)
_RUN_END: Final = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n")
# where a run too long for one piece is cut, best first
_CUTS: Final = (re.compile(r"[;:]\s+"), re.compile(r",\s+"), re.compile(r"\s+"))
_MINOR_WORDS: Final = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
    ]
)

# Characters cleaned from text as it is read (see clean_text).
_UNCLEAN: Final = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    r"\u2060-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]"
)
_SURROGATE_PAIR: Final = re.compile(r"[\ud800-\udbff][\udc00-\udfff]")
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
_C1: Final = re.compile(r"[\x80-\x9f]")
_C1_UNDEFINED: Final = re.compile(r"[\x81\x8d\x8f\x90\x9d]")
_LINE_BREAK: Final = re.compile(r"[\x0b\x0c\x1c-\x1e\u2028]")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f\ufffe\uffff]")
# zero-width, soft hyphen, bidi controls; a zero-width (non-)joiner only where it joins
# nothing (after ASCII): between emoji or Arabic and Indic letters it does
_INVISIBLE: Final = re.compile(
    r"[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    r"\ufff9-\ufffb]|(?:^|(?<=[\x00-\x7f]))[\u200c\u200d]"
)

# File signatures of formats that are not text (PDF, ZIP/Office, images, archives, ...).
_BINARY_MAGIC: Final = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
)
# C0 control bytes that do not occur in text (tab, line ends, form feed and ^Z do).
_CONTROL_BYTES: Final = frozenset(range(32)) - {9, 10, 11, 12, 13, 26}


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready for NLP: its info, the author spans and the segments to read."""

    document: Document
    info: DocumentInfo
    segments: tuple[tuple[int, str], ...]
    authors: tuple[tuple[str, int, int], ...] = ()
    warnings: tuple[str, ...] = ()


# -- cleaning ---------------------------------------------------------------------------


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` cleaned of what no text needs, and a note on each kind of change.

    A surrogate pair written as two escapes becomes its character; a lone surrogate
    (text cut inside a character) becomes U+FFFD; C1 controls (U+0080-U+009F, text
    decoded as Latin-1 that was Windows-1252) become their Windows-1252 characters;
    vertical tab, form feed and line separators become ``\\n`` (a paragraph separator
    ``\\n\\n``); other control characters but tab and line ends are removed, and so are
    invisible formatting characters (zero-width space, soft hyphen, bidi controls, a
    zero-width joiner that joins nothing).  Clean text is returned as it is.

    >>> clean_text("Pom\\u200bpeo met \\x93Lavrov\\x94\\x00 \\ud83d")
    ('Pompeo met “Lavrov” �', ('1 lone surrogate (a character cut in two) replaced by \
U+FFFD', '2 C1 control characters read as Windows-1252', '1 control character removed', \
'1 invisible formatting character (zero-width, soft hyphen, bidi) removed'))
    >>> clean_text("Plain text.")
    ('Plain text.', ())
    """
    if not _UNCLEAN.search(text):
        return text, ()
    notes: list[str] = []
    text = _SURROGATE_PAIR.sub(_join_pair, text)
    text, n = _SURROGATE.subn("\ufffd", text)
    _note(notes, n, "lone surrogate", "(a character cut in two) replaced by U+FFFD")
    undefined = len(_C1_UNDEFINED.findall(text))  # removed as control characters
    text, n = _C1.subn(_c1_char, text)
    _note(notes, n - undefined, "C1 control character", "read as Windows-1252")
    text = _LINE_BREAK.sub("\n", text).replace("\u2029", "\n\n")
    text, n = _CONTROL.subn("", text)
    _note(notes, n + undefined, "control character", "removed")
    text, n = _INVISIBLE.subn("", text)
    _note(notes, n, "invisible formatting character", "(zero-width, soft hyphen, bidi) removed")
    return text, tuple(notes)


_META: Final = ("id", "title", "url", "published", "source")


def _join_pair(match: re.Match[str]) -> str:
    pair = match.group()
    return chr(0x10000 + ((ord(pair[0]) - 0xD800) << 10) + (ord(pair[1]) - 0xDC00))


def _c1_char(match: re.Match[str]) -> str:
    try:
        return bytes([ord(match.group())]).decode("cp1252")
    except UnicodeDecodeError:
        return ""  # a byte Windows-1252 leaves undefined


def _note(notes: list[str], n: int, what: str, done: str) -> None:
    if n:
        notes.append(f"{n} {what}{'s' if n > 1 else ''} {done}")


def _cleaned(document: Document, where: str, options: _Options, *, read: bool) -> Document:
    """``document`` with its text (and metadata) cleaned, a warning naming it if needed.

    ``read``: the text was read from a file or a stream, so its line ends are normalised
    and it is NFC-normalised too (a Document given as such keeps its form).
    """
    text, notes = clean_text(document.text)
    if read:
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = unicodedata.normalize("NFC", text)
    meta = [document.id, document.title, document.url, document.published, document.source]
    clean_meta = [None if value is None else clean_text(value)[0] for value in meta]
    authors = tuple(clean_text(a)[0] for a in document.authors)
    changed = [name for name, a, b in zip(_META, meta, clean_meta, strict=True) if a != b]
    changed += ["authors"] if authors != document.authors else []
    if changed:
        notes += (f"its {' and '.join(changed)} cleaned the same way",)
    if notes:
        options.warn(f"{where}: {'; '.join(notes)}; offsets point into the cleaned text")
    if not notes and text == document.text:
        return document
    doc_id, title, url, published, source = clean_meta
    return Document(
        text, id=doc_id, title=title, url=url, published=published, source=source, authors=authors
    )


# -- sources ----------------------------------------------------------------------------


@dataclass
class _Options:
    """What one reading of sources shares: the report, the JSONL keys, the skip mode."""

    report: BuildReport | None
    fields: Mapping[str, str]
    skip_bad: bool
    handled: int = 0  # input documents read so far (yielded, skipped or repeated)

    @property
    def warnings(self) -> list[str] | None:
        return None if self.report is None else self.report.warnings

    def warn(self, message: str) -> None:
        log.warning("%s", message)
        if self.report is not None:
            self.report.warnings.append(message)

    def skip(self, where: str, reason: str, *, counted: bool = True) -> None:
        log.debug("skipped %s: %s", where, reason)
        if self.report is not None:
            self.report.skipped.append((where, reason))
        self.handled += counted

    def refuse(self, where: str, reason: str, error: KGraphError, *, counted: bool = True) -> None:
        """Skip ``where`` with ``skip_bad``; else raise ``error``."""
        if not self.skip_bad:
            raise error
        self.skip(where, reason, counted=counted)


@dataclass(frozen=True, slots=True)
class _File:
    """A file to read; ``kind`` is ``text``, ``html``, ``jsonl`` or None (told by its first
    line); ``pipe``: a FIFO, read once and never counted."""

    path: Path
    kind: str | None
    pipe: bool = False


@dataclass(frozen=True, slots=True)
class _Stream:
    """An open file (standard input ...)."""

    stream: Any
    name: str


_Item = Document | str | _File | _Stream


def check_fields(fields: Mapping[str, str] | None) -> dict[str, str]:
    """The JSONL keys to read each Document field from: ``{"text": "body"}`` reads the text
    from ``body``; fields not given keep their own key.

    >>> check_fields({"text": "body", "title": "headline"})
    {'text': 'body', 'title': 'headline'}
    >>> check_fields({"body": "text"})
    Traceback (most recent call last):
    ...
    kgraph._errors.OptionError: fields={'body': 'text'}: 'body' is no Document field; ...
    """
    if fields is None:
        return {}
    if not isinstance(fields, Mapping):
        raise OptionError(
            f"fields={fields!r}: give a mapping of Document fields to JSONL keys, "
            "e.g. fields={'text': 'body'}"
        )
    for name, key in fields.items():
        if name not in FIELDS:
            raise OptionError(
                f"fields={dict(fields)!r}: {name!r} is no Document field; map one of "
                f"{', '.join(FIELDS)} to a JSONL key"
            )
        if not isinstance(key, str) or not key:
            raise OptionError(f"fields={dict(fields)!r}: the key for {name!r} must be a string")
    return dict(fields)


def _check_limit(limit: object) -> int | None:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise OptionError(f"limit={limit!r}: give a whole number of documents >= 1, or None")
    return limit


def iter_documents(
    sources: Any,
    *,
    report: BuildReport | None = None,
    fields: Mapping[str, str] | None = None,
    limit: int | None = None,
    skip_bad: bool = False,
    count: bool = False,
) -> DocumentStream:
    """The Documents of files, directories, globs, open files, raw strings and Documents.

    Paths are checked now (a missing or unreadable one raises at once, and folders are
    listed, files they hold but kgraph does not read going to ``report.skipped``);
    documents are read lazily.  A lazy iterable of sources (a generator) is expanded as
    it is read instead.  Every document gets an id: the file stem, ``stem-N`` for line N
    of a JSONL file, the given id, or a content hash for raw text.  A second, different
    text under an id already seen gets ``id-<first 8 hex digits of its SHA-256>``; the
    same text under the same id again is yielded once (``report.unchanged``).  Empty and
    whitespace-only documents are skipped with a warning (``report.skipped``).

    ``fields`` maps Document fields to JSONL keys (see :func:`check_fields`); ``limit``
    stops after that many documents; ``skip_bad`` skips bad JSONL lines and files that
    cannot be read (listed in ``report.skipped``) instead of raising; ``count`` counts the
    documents to read first (``stream.total``; cheap: files are listed, JSONL lines
    counted), when the sources are known in advance.
    """
    options = _Options(report, check_fields(fields), bool(skip_bad))
    limit = _check_limit(limit)
    if isinstance(sources, (str, Path, Document)) or _is_stream(sources):
        sources = [sources]
    elif isinstance(sources, (bytes, bytearray)):
        raise DocumentError(
            "cannot read raw bytes as a source: decode them to str first, "
            "or write them to a file and pass its path"
        )
    elif not isinstance(sources, Iterable):
        raise DocumentError(
            f"cannot read a source of type {type(sources).__name__}: give a path, a glob, "
            "raw text, a kgraph.Document, an open file, or a list of them"
        )
    if isinstance(sources, Collection):
        listed = [item for source in sources for item in _expand(source, options)]
        total = _total(listed, limit) if count else None
        return DocumentStream(listed, options, limit=limit, total=total)
    lazy = (item for source in sources for item in _expand(source, options))
    return DocumentStream(lazy, options, limit=limit, total=None)


class DocumentStream(Iterator[Document]):
    """The documents of some sources, read lazily, each once (see :func:`iter_documents`).

    ``total`` is the number of documents to read when it was counted (``count=True``)
    and could be (a stream cannot), else None; ``handled`` is the number of input
    documents read so far, yielded or not (empty, repeated, a bad line skipped).
    """

    def __init__(
        self, items: Iterable[_Item], options: _Options, *, limit: int | None, total: int | None
    ) -> None:
        self.total = total
        self._options = options
        self._documents = self._read(items, limit)

    @property
    def handled(self) -> int:
        return self._options.handled

    def __iter__(self) -> DocumentStream:
        return self

    def __next__(self) -> Document:
        return next(self._documents)

    def _read(self, items: Iterable[_Item], limit: int | None) -> Iterator[Document]:
        seen: dict[str, str] = {}
        yielded = 0
        for item in items:
            for document in _read_item(item, self._options):
                self._options.handled += 1
                admitted = _admit(document, seen, self._options)
                if admitted is None:
                    continue
                yield admitted
                yielded += 1
                if limit is not None and yielded >= limit:
                    return


def _admit(document: Document, seen: dict[str, str], options: _Options) -> Document | None:
    """The document under the id it is kept under; None if empty or seen before."""
    report = options.report
    doc_id = document.id or _hash_id(document.text)
    if not document.text.strip():
        msg = f"document {doc_id!r} is empty; skipped"
        log.warning(msg)
        if report is not None:
            report.skipped.append((doc_id, "empty"))
        return None
    digest = _sha256(document.text)
    if seen.get(doc_id) == digest:
        log.info("document %r given twice; read once", doc_id)
        if report is not None:
            report.unchanged.append(doc_id)
        return None
    if doc_id in seen:
        other = f"{doc_id}-{digest[:8]}"
        if seen.get(other) == digest:
            if report is not None:
                report.unchanged.append(other)
            return None
        options.warn(
            f"two different texts have the id {doc_id!r}; both are kept, the one with "
            "the smaller SHA-256 under that id, the other under the id, '-' and the "
            f"first 8 hex digits of its SHA-256 ({other!r} for this one, if second); "
            "give distinct ids to choose them"
        )
        doc_id = other
    seen[doc_id] = digest
    return _replace_id(document, doc_id)


def _replace_id(document: Document, doc_id: str) -> Document:
    if document.id == doc_id:
        return document
    return Document(
        document.text,
        id=doc_id,
        title=document.title,
        url=document.url,
        published=document.published,
        source=document.source,
        authors=document.authors,
    )


def _is_stream(source: object) -> bool:
    return callable(getattr(source, "read", None)) and not isinstance(source, (str, Path))


def _stream_name(stream: Any) -> str:
    name = getattr(stream, "name", None)
    return name if isinstance(name, str) and name else "<stream>"


def _stem(name: str) -> str:
    """The id a stream's document gets: ``stdin`` for ``<stdin>``, else the file stem."""
    return name.strip("<>") if name.startswith("<") else Path(name).stem or "stream"


def _expand(source: Any, options: _Options) -> Iterator[_Item]:
    if isinstance(source, Document):
        yield source
        return
    if isinstance(source, Path):
        yield from _path_items(source, options)
        return
    if _is_stream(source):
        yield _Stream(source, _stream_name(source))
        return
    if not isinstance(source, str):
        raise DocumentError(
            f"cannot read a source of type {type(source).__name__}: "
            "give a path, a glob, raw text, an open file or a kgraph.Document"
        )
    if "\n" not in source and len(source) < 4096:
        if _GLOB_CHARS.search(source) and not os.path.lexists(source):
            yield from _glob_items(source, options)
            return
        path = Path(os.path.expanduser(source))
        if os.path.lexists(path):
            yield from _path_items(path, options)
            return
        if _looks_like_path(source):
            raise DocumentNotFoundError(
                f"no such file or directory: {source!r} (pass a Document to read it as text)"
            )
    yield source


def _looks_like_path(s: str) -> bool:
    return (" " not in s.strip() and ("/" in s or "\\" in s)) or Path(
        s
    ).suffix.lower() in KNOWN_SUFFIXES


def _suffix_kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _path_error(path: Path, err: OSError) -> KGraphError:
    """The error for a path that cannot be opened or listed, naming it."""
    name = str(path)
    if isinstance(err, PermissionError):
        out: KGraphError = DocumentAccessError(
            f"cannot read {name!r}: {err.strerror}; check its permissions"
        )
    elif err.errno == errno.ELOOP:
        out = DocumentNotFoundError(f"cannot read {name!r}: it is a symbolic link loop")
    elif isinstance(err, FileNotFoundError) and os.path.islink(path):
        out = DocumentNotFoundError(
            f"cannot read {name!r}: it is a broken symbolic link (to {os.readlink(path)!r})"
        )
    elif isinstance(err, (FileNotFoundError, NotADirectoryError)):
        out = DocumentNotFoundError(f"no such file or directory: {name!r}")
    else:
        out = DocumentNotFoundError(f"cannot read {name!r}: {err.strerror or err}")
    out.__cause__ = err
    return out


def _path_items(path: Path, options: _Options) -> Iterator[_Item]:
    """The items of a path given as a source: a folder's files, a file, a FIFO."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError) as err:
        if isinstance(err, ValueError):  # a NUL byte or an unencodable character
            raise DocumentNotFoundError(f"no such file or directory: {str(path)!r}") from err
        raise _path_error(path, err) from err
    if stat.S_ISDIR(mode):
        yield from _folder_items(path, options)
    elif stat.S_ISFIFO(mode):
        yield _File(path, _suffix_kind(path), pipe=True)  # asked for by name: read it
    elif not stat.S_ISREG(mode):
        raise DocumentError(
            f"{str(path)!r} is {_file_type(mode)}, not a file; not read: give files, "
            "folders or '-' for standard input"
        )
    elif not os.access(path, os.R_OK):
        options.refuse(
            str(path),
            "unreadable: Permission denied",
            DocumentAccessError(
                f"cannot read {str(path)!r}: Permission denied; check its permissions"
            ),
            counted=False,  # never counted in a total
        )
    else:
        yield _File(path, _suffix_kind(path))


def _glob_items(pattern: str, options: _Options) -> Iterator[_Item]:
    matches = sorted(globmod.glob(os.path.expanduser(pattern), recursive=True))
    if not matches:
        raise DocumentNotFoundError(
            f"the glob {pattern!r} matches no file; check the pattern and the directory"
        )
    walk = _Walk(options)
    for match in matches:
        walk.entry(Path(match))
    yield from walk.finish(f"the glob {pattern!r} matches")


def _folder_items(folder: Path, options: _Options) -> Iterator[_Item]:
    walk = _Walk(options)
    walk.folder(folder, frozenset())
    yield from walk.finish(f"the directory {str(folder)!r} holds")


class _Walk:
    """The files of folders to read, and what is not read and why; nothing is opened.

    Sub-folders are followed (through symbolic links too, never twice: a link back to
    a folder above is a loop); hidden entries, files of other suffixes, READMEs, FIFOs,
    devices, sockets, broken links and a second name of a file already listed are
    skipped, each listed in the report.
    """

    def __init__(self, options: _Options) -> None:
        self.options = options
        self.files: list[Path] = []
        self.skipped: list[tuple[Path, str]] = []
        self.folders: set[tuple[int, int]] = set()
        self.inodes: dict[tuple[int, int], Path] = {}
        self.known = 0  # files of a suffix kgraph reads, read or not

    def folder(self, path: Path, above: frozenset[tuple[int, int]]) -> None:
        try:
            info = os.stat(path)
            with os.scandir(path) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as err:
            self.skipped.append((path, f"unreadable folder: {err.strerror}"))
            return
        key = (info.st_dev, info.st_ino)
        self.folders.add(key)
        for entry in entries:
            if entry.name.startswith("."):
                self.skipped.append((Path(entry.path), "hidden"))
            else:
                self.entry(Path(entry.path), above | {key})

    def entry(self, path: Path, above: frozenset[tuple[int, int]] = frozenset()) -> None:
        try:
            info = os.stat(path)
        except OSError as err:
            self.skipped.append((path, _link_problem(path, err)))
            return
        key = (info.st_dev, info.st_ino)
        if stat.S_ISDIR(info.st_mode):
            if key in above:
                self.skipped.append((path, "symbolic link loop: a folder that holds it"))
            elif key in self.folders:
                self.skipped.append((path, "duplicate: a folder already read"))
            else:
                self.folder(path, above)
            return
        problem = self._file_problem(path, info)
        if problem is not None:
            self.skipped.append((path, problem))
            return
        self.inodes[key] = path
        self.files.append(path)

    def _file_problem(self, path: Path, info: os.stat_result) -> str | None:
        if not stat.S_ISREG(info.st_mode):
            return f"not a regular file: {_file_type(info.st_mode)}"
        if path.suffix.lower() not in KNOWN_SUFFIXES:
            return f"unknown suffix: {path.suffix or '(none)'}"
        if path.name.lower() in _READMES:
            return "README"
        self.known += 1
        first = self.inodes.get((info.st_dev, info.st_ino))
        if first is not None:
            return f"duplicate: the same file as {first}"
        if not os.access(path, os.R_OK):
            if not self.options.skip_bad:
                raise DocumentAccessError(
                    f"cannot read {str(path)!r}: Permission denied; check its permissions, "
                    "or skip unreadable files with skip_bad=True (kgraph build --skip-bad)"
                )
            return "unreadable: Permission denied"
        return None

    def finish(self, what: str) -> Iterator[_Item]:
        """The files to read, in path order; what is skipped goes to the report."""
        for path, reason in sorted(self.skipped, key=lambda s: s[0].parts):
            self.options.skip(str(path), reason, counted=False)  # never in a total
        if not self.known:
            others = f" ({len(self.skipped)} other entries skipped)" if self.skipped else ""
            raise DocumentNotFoundError(
                f"{what} no .txt, .html or .jsonl file{others}; "
                "point kgraph at the files (or a glob) to read"
            )
        for path in sorted(self.files, key=lambda p: p.parts):
            yield _File(path, _suffix_kind(path))


def _link_problem(path: Path, err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(err, FileNotFoundError):
        return "broken symbolic link"
    return f"unreadable: {err.strerror}"


def _total(items: list[_Item], limit: int | None) -> int | None:
    """How many documents ``items`` hold (JSONL lines counted), or None for a stream."""
    total = 0
    for item in items:
        if limit is not None and total >= limit:
            return limit
        if isinstance(item, (Document, str)):
            total += 1
        elif isinstance(item, _Stream) or item.pipe:
            return None
        else:
            total += _count_file(item, None if limit is None else limit - total)
    return total if limit is None else min(total, limit)


def _count_file(item: _File, cap: int | None) -> int:
    """The documents in one file: its non-blank lines if JSONL, else one."""
    try:
        with item.path.open("rb") as stream:
            head = stream.read(_HEAD_BYTES)
            kind = item.kind or ("jsonl" if _object_line(_first_line(head)) else "text")
            if kind != "jsonl":
                return 1
            lines = _byte_lines(itertools.chain([head], _chunks(stream)))
            count = 0
            for line in lines:
                count += bool(line.strip())
                if cap is not None and count >= cap:
                    break
            return count
    except OSError:
        return 1  # reading it will say what is wrong


# -- reading ----------------------------------------------------------------------------


def _read_item(item: _Item, options: _Options) -> Iterator[Document]:
    if isinstance(item, Document):
        where = f"document {item.id!r}" if item.id else "a document"
        yield _cleaned(item, where, options, read=False)
    elif isinstance(item, str):
        yield _cleaned(Document(item), f"the text {item[:40]!r}", options, read=False)
    elif isinstance(item, _Stream):
        yield from _read_stream(item.stream, item.name, _stem(item.name), None, options)
    else:
        yield from _read_path(item, options)


def read_file(
    path: str | Path,
    *,
    report: BuildReport | None = None,
    fields: Mapping[str, str] | None = None,
    skip_bad: bool = False,
) -> Iterator[Document]:
    """Yield the documents in one file (one, or one per JSONL line, read line by line).

    Decoding and cleaning warnings are logged and, with ``report``, added to
    ``report.warnings``; ``fields`` and ``skip_bad`` are those of :func:`iter_documents`.
    """
    path = Path(path)
    options = _Options(report, check_fields(fields), skip_bad)
    yield from _read_path(_File(path, _suffix_kind(path)), options)


def _read_path(item: _File, options: _Options) -> Iterator[Document]:
    path, name = item.path, str(item.path)
    try:
        stream = path.open("rb")
    except OSError as err:
        options.refuse(name, f"unreadable: {err.strerror}", _path_error(path, err))
        return
    with stream:
        try:
            yield from _read_stream(stream, name, path.stem, item.kind, options, source=name)
        except OSError as err:  # the disk failed, or the file changed, while reading
            options.refuse(name, f"unreadable: {err.strerror}", _path_error(path, err))


def _read_stream(
    stream: Any,
    name: str,
    stem: str,
    kind: str | None,
    options: _Options,
    *,
    source: str | None = None,
) -> Iterator[Document]:
    """The documents of an open file: JSONL line by line, or one text or HTML document.

    ``kind`` None: JSONL when the first non-blank line is a JSON object, else text (HTML
    if it looks like HTML).
    """
    source = source or name
    chunks = _chunks(stream)
    head = _head(chunks)
    if head.startswith(_WIDE_BOMS):  # UTF-16/32 is rare: decoded whole
        text = decode(head + b"".join(chunks), name=name, warnings=options.warnings)
        if kind == "jsonl" or (kind is None and _object_line(text.lstrip().split("\n", 1)[0])):
            yield from _jsonl_documents(iter(text.split("\n")), name, stem, source, options)
        else:
            yield _text_document(text, kind, name, stem, source, options)
        return
    problem = _binary_problem(head)
    if problem is not None:
        options.refuse(name, f"binary: {problem}", DocumentError(_binary_message(name, problem)))
        return
    if kind == "jsonl" or (kind is None and _object_line(_first_line(head))):
        lines = _utf8_lines(_byte_lines(itertools.chain([head], chunks)), name, options)
        yield from _jsonl_documents(lines, name, stem, source, options)
        return
    text = decode(b"".join([head, *chunks]), name=name, warnings=options.warnings)
    yield _text_document(text, kind, name, stem, source, options)


def _text_document(
    text: str, kind: str | None, name: str, stem: str, source: str, options: _Options
) -> Document:
    if kind == "html" or (kind != "text" and _looks_like_html(text)):
        body, title = html_to_text(text)
        document = Document(body, id=stem, title=title, source=source)
    else:
        document = Document(text, id=stem, source=source)
    return _cleaned(document, name, options, read=True)


def _chunks(stream: Any) -> Iterator[bytes]:
    """The bytes of a stream, a chunk at a time (a text stream's text as UTF-8)."""
    while True:
        chunk = stream.read(_CHUNK_BYTES)
        if not chunk:
            return
        yield chunk.encode("utf-8", "surrogatepass") if isinstance(chunk, str) else chunk


def _head(chunks: Iterator[bytes]) -> bytes:
    """The first bytes of a stream: at least 8 KB, and its first non-blank line whole."""
    parts: list[bytes] = []
    size = 0
    text_seen = False
    for chunk in chunks:
        parts.append(chunk)
        size += len(chunk)
        line_ended = b"\n" in (chunk if text_seen else chunk.lstrip())
        text_seen = text_seen or bool(chunk.strip())
        if size >= _HEAD_BYTES and text_seen and line_ended:
            break
    return b"".join(parts)


def _first_line(head: bytes) -> str:
    """The first non-blank line of a stream's first bytes, decoded leniently."""
    line = head.removeprefix(b"\xef\xbb\xbf").lstrip().split(b"\n", 1)[0]
    return line.decode("utf-8", "replace")


def _object_line(line: str) -> bool:
    """Whether a first line makes a stream JSONL: a JSON object (or broken one)."""
    line = line.strip()
    if not line.startswith("{"):
        return False
    if line.endswith("}"):
        return True
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def _byte_lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The ``\\n``-separated lines of a stream's chunks (a line may span many chunks)."""
    pending: list[bytes] = []
    for chunk in chunks:
        pieces = chunk.split(b"\n")
        if len(pieces) == 1:
            pending.append(chunk)
            continue
        pending.append(pieces[0])
        yield b"".join(pending)
        yield from pieces[1:-1]
        pending = [pieces[-1]]
    tail = b"".join(pending)
    if tail:
        yield tail


def _utf8_lines(raw_lines: Iterable[bytes], name: str, options: _Options) -> Iterator[str]:
    """Decoded lines (``\\r\\n``, ``\\r`` and ``\\n`` end a line); a line that is not UTF-8
    is decoded as cp1252, with one warning for the whole stream."""
    warned = False
    first = True
    for raw_line in raw_lines:
        raw_line = raw_line.rstrip(b"\n")
        if first:
            raw_line = raw_line.removeprefix(b"\xef\xbb\xbf")
            first = False
        try:
            # a surrogate written as UTF-8 bytes is kept, to be cleaned with a warning
            line = raw_line.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            line = raw_line.decode("cp1252", errors="replace")
            if not warned:
                warned = True
                options.warn(
                    f"{name} is not UTF-8 (first at a line starting {line[:30]!r}); "
                    "such lines decoded as cp1252 (Windows Latin-1)"
                )
        # a lone \r ends a line too (and may not occur unescaped inside a JSON string)
        yield from line.removesuffix("\r").split("\r")


def _jsonl_documents(
    lines: Iterable[str], name: str, stem: str, source: str, options: _Options
) -> Iterator[Document]:
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        document = _jsonl_document(line, f"{stem}-{lineno}", source, options.fields)
        if isinstance(document, _BadLine):
            error = DocumentError(f"{where}: {document.problem}; {_BAD_LINE_ADVICE}")
            error.__cause__ = document.cause
            options.refuse(where, f"bad line: {document.problem}", error)
            continue
        yield _cleaned(document, where, options, read=True)


@dataclass(frozen=True, slots=True)
class _BadLine:
    """What is wrong with a JSONL line, and the exception that said so."""

    problem: str
    cause: BaseException | None = None


def _jsonl_document(
    line: str, default_id: str, source: str, fields: Mapping[str, str]
) -> Document | _BadLine:
    """The Document of one JSONL line, or what is wrong with the line."""
    try:
        record = json.loads(line, strict=False)  # a raw tab inside a string is fine
    except json.JSONDecodeError as err:
        return _BadLine(f"not valid JSON ({err.msg} at column {err.colno})", err)
    except (ValueError, RecursionError) as err:  # a 5,000-digit number, 100,000 brackets
        return _BadLine(f"not valid JSON ({err})", err)
    key = fields.get("text", "text")
    if not isinstance(record, dict):
        return _BadLine(f"expected an object with a {key!r} string, got {type(record).__name__}")
    text = record.get(key)
    if not isinstance(text, str):
        got = "without one" if text is None else f"whose {key!r} is a {type(text).__name__}"
        return _BadLine(f"expected an object with a {key!r} string, got an object {got}")

    def value(name: str) -> Any:
        return record.get(fields.get(name, name))

    published = value("published")
    if "published" not in fields:
        published = published or record.get("date")
    authors = value("authors") or ()
    if isinstance(authors, str):
        authors = (authors,)
    return Document(
        text,
        id=_str_or_none(value("id")) or default_id,
        title=_str_or_none(value("title")),
        url=_str_or_none(value("url")),
        published=_str_or_none(published),
        source=_str_or_none(value("source")) or source,
        authors=tuple(str(a) for a in authors) if isinstance(authors, (list, tuple)) else (),
    )


def _str_or_none(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def decode(raw: bytes, *, name: str = "<bytes>", warnings: list[str] | None = None) -> str:
    """Decode file bytes: UTF-8 (BOM or not), UTF-16/32 with BOM, else cp1252 with a warning.

    Line ends become ``\\n`` and the text is NFC-normalised.  Bytes that are not
    text (NUL bytes, control bytes, the signature of a PDF, an image, an archive)
    are refused with a
    :class:`~kgraph.DocumentError` naming ``name``.  Warnings (a fallback
    decoding, replaced bytes) are logged and appended to ``warnings``.

    >>> decode(b"\\xef\\xbb\\xbfa\\r\\nb")
    'a\\nb'
    >>> decode("caf\\u00e9".encode("utf-16"))
    'café'
    """

    def warn(message: str) -> None:
        log.warning(message)
        if warnings is not None:
            warnings.append(message)

    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text = _decode_bom(raw, "utf-32", name, warn)
    elif raw.startswith(_WIDE_BOMS):
        text = _decode_bom(raw, "utf-16", name, warn)
    else:
        problem = _binary_problem(raw)
        if problem is not None:
            raise DocumentError(_binary_message(name, problem))
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
            replaced = text.count("\ufffd")
            warn(
                f"{name} is not UTF-8; decoded as cp1252 (Windows Latin-1)"
                + (f", {replaced} undecodable byte(s) replaced by U+FFFD" if replaced else "")
                + "; save it as UTF-8 if the text looks wrong"
            )
    text = text.lstrip("\ufeff")
    # one form for one name: "José" typed as e + combining accent is the same word
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_bom(raw: bytes, encoding: str, name: str, warn: Callable[[str], None]) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as err:
        warn(
            f"{name} starts with a {encoding.upper()} byte-order mark but is not valid "
            f"{encoding.upper()} ({err.reason} at byte {err.start}); bad bytes replaced by U+FFFD"
        )
        return raw.decode(encoding, errors="replace")


def _binary_problem(raw: bytes) -> str | None:
    """What bytes that are not text are ("a PDF file" ...), judged by their start."""
    for magic, what in _BINARY_MAGIC:
        if raw.startswith(magic):
            return what
    head = raw[:_HEAD_BYTES]
    if b"\x00" in head:
        return "a binary file (it holds NUL bytes)"
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    if controls > max(2, len(head) // 50):
        return f"a binary file ({controls} control bytes in its first {len(head)})"
    return None


def _binary_message(name: str, problem: str) -> str:
    return (
        f"{name!r} is {problem}, not text; not read: convert it to plain text, HTML or "
        "JSONL (UTF-16 text needs its byte-order mark)"
    )


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


class _TextExtractor(HTMLParser):
    _SKIP: Final = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})
    _BLOCK: Final = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "table",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "pre",
            "figure",
            "figcaption",
            "dd",
            "dt",
            "hr",
            "main",
            "aside",
            "nav",
            "title",
        ]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False
        self._in_h1 = False
        self.h1: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip += 1
        if tag == "h1":
            self._in_h1 = True
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag == "h1":
            self._in_h1 = False
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)
            if self._in_h1:
                self.h1.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Return the text of an HTML page and its title; scripts and styles are dropped.

    >>> html_to_text("<html><title>T</title><p>A <b>b</b></p><script>x()</script><p>C</p></html>")
    ('A b\\n\\nC', 'T')
    """
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    title = " ".join("".join(parser.h1 or parser.title).split()) or None
    return text, title


def _hash_id(text: str) -> str:
    return "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- preparing ----------------------------------------------------------------------------


def _is_title_case(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’\-]*", line)
    if len(words) < 2:
        return False
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return bool(major) and sum(w[0].isupper() for w in major) / len(major) >= 0.75


def _is_heading(line: str) -> bool:
    """A short line without closing punctuation: a headline or a sub-heading."""
    stripped = line.strip()
    words = stripped.split()
    return 0 < len(words) <= 20 and not _SENTENCE_END.search(stripped) and len(stripped) <= 200


def _parse_byline(line: str) -> list[tuple[str, int]]:
    match = _BYLINE.match(line)
    if not match:
        return []
    names_part = match.group("names")
    base = match.start("names")
    out = []
    for name in _NAME.finditer(names_part):
        words = name.group().split()
        if words and words[0] in ("And", "The"):
            continue
        if 2 <= len(words) <= 4:
            out.append((name.group(), base + name.start()))
    # reject "By the way ..." and sentences: every chunk between separators must be a name
    leftovers = _NAME.sub("", names_part)
    if re.sub(r"\s*(?:,|and|&)\s*", "", leftovers).strip():
        return []
    return out


def _parse_date(text: str) -> str | None:
    match = _PUBLISHED.search(text)
    if not match:
        return None
    raw = match.group("date").replace(".", "").replace("Sept", "Sep")
    for fmt in ("%b %d, %Y", "%B %d, %Y"):
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def prepare(
    document: Document, *, max_chars: int = 100_000, max_run: int | None = None
) -> Prepared:
    """Split a document into headline, byline, furniture and the segments NLP reads.

    Segments are runs of kept paragraphs, at most ``max_chars`` long (longer
    paragraphs are cut at sentence-like boundaries), with their offsets.  A run of
    text without a sentence end longer than ``max_run`` characters (default
    :data:`MAX_RUN`: a transcript, a table, a list of names) is cut into pieces of
    that size at the last semicolon, comma or space, each read alone, with a warning;
    no sentence kgraph reads is longer.  A text with a lone surrogate (not cleaned by
    :func:`clean_text`) is a :class:`~kgraph.DocumentError`.
    """
    text = document.text
    assert document.id is not None
    if _SURROGATE.search(text):
        raise DocumentError(
            f"document {document.id!r} holds a lone surrogate, which no file can hold; "
            "read it with kgraph.build or kgraph.ingest.iter_documents, or clean it with "
            "kgraph.ingest.clean_text first"
        )
    front = _front_matter(text, document.title, document.published)
    max_run = MAX_RUN if max_run is None else max_run
    grouped, cut = _group(front.keep, text, max_chars, max_run)
    segments = tuple((start, blank_inline_furniture(seg)) for start, seg in grouped)
    authors = tuple(front.authors)
    author_names = tuple(document.authors) or tuple(dict.fromkeys(name for name, _, _ in authors))
    info = DocumentInfo(
        id=document.id,
        title=front.title,
        url=document.url,
        published=front.published,
        source=document.source,
        authors=author_names,
        chars=len(text),
        sha256=_sha256(text),
    )
    return Prepared(document, info, segments, authors, _cut_warnings(info.id, cut, max_run))


@dataclass(slots=True)
class _Front:
    """What the paragraphs say besides the body: the headline, the date, the bylines."""

    title: str | None
    published: str | None
    authors: list[tuple[str, int, int]]  # (name, start, end)
    keep: list[tuple[int, str]]  # the body's paragraphs, (offset, text)


def _front_matter(text: str, title: str | None, published: str | None) -> _Front:
    """Sort the paragraphs of ``text``: a first heading is the headline (when the document
    has none; a repeat of it is dropped), bylines give the authors, a dateline the date;
    furniture, sub-headings and the furniture tail go; the rest is kept."""
    paragraphs = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text)]
    front = _Front(title, published, [], [])
    first_content = True
    dropped_tail_from = _furniture_tail(paragraphs)
    norm_title = " ".join(title.split()).lower() if title else None
    for index, (start, para) in enumerate(paragraphs):
        line = para.strip()
        if index >= dropped_tail_from or not line or re.fullmatch(r"[{}\s\W]*", line):
            continue
        flat = " ".join(line.split())
        if first_content:
            first_content = False
            if norm_title is None and "\n" not in line and _is_heading(line):
                front.title, norm_title = flat, flat.lower()
                continue
        if norm_title is not None and flat.lower() == norm_title:
            continue  # a repeated headline
        byline = _parse_byline(line) if "\n" not in line else []
        if byline:
            offset = start + (len(para) - len(para.lstrip()))
            front.authors.extend(
                (name, offset + pos, offset + pos + len(name)) for name, pos in byline
            )
            continue
        if _DATELINE.match(line):
            front.published = front.published or _parse_date(line)
            continue
        cues = _furniture_cues(line)
        if cues and (len(line) < 400 or cues >= 2):
            continue
        if "\n" not in line and _is_heading(line) and _is_title_case(line):
            continue  # a sub-heading or promotional box title
        front.keep.append((start, para))
    return front


def blank_inline_furniture(text: str) -> str:
    """``text`` with photo credits, caption cues and hover cards blanked out, every other
    character (and so every offset) kept.

    >>> blank_inline_furniture("Pastor Ann Lee spoke. (Jason Reed/Reuters)")
    'Pastor Ann Lee spoke. (                  )'
    """
    spans = [m.span() for m in _INLINE_FURNITURE.finditer(text)]
    spans += [m.span("card") for m in _HOVER_CARD.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _furniture_cues(para: str) -> int:
    """How many furniture cues ``para`` carries (see ``_FURNITURE`` and ``_FURNITURE_WEAK``).

    >>> _furniture_cues("Please consider a donation: your support keeps us going.")
    2
    >>> _furniture_cues("Records show donations to his campaign from the union.")
    0
    >>> _furniture_cues("Advertisement")
    1
    """
    cues = len(_FURNITURE.findall(para))
    weak = _FURNITURE_WEAK.findall(para)
    if weak and (
        _FURNITURE_WEAK.match(para.lstrip())
        or (_READER.search(para) and not _QUOTE_MARK.search(para))
    ):
        cues += len(weak)
    return cues


def _furniture_tail(paragraphs: list[tuple[int, str]]) -> int:
    """Index from which the rest of the article is an appeal or sign-up block."""
    n = len(paragraphs)
    cue = [_furniture_cues(p) > 0 for _, p in paragraphs]
    # from each index on: how many real paragraphs (more than 6 words), how many of them cues
    real, cues = [0] * (n + 1), [0] * (n + 1)
    for index in range(n - 1, -1, -1):
        long = len(paragraphs[index][1].split()) > 6
        real[index] = real[index + 1] + long
        cues[index] = cues[index + 1] + (long and cue[index])
    for index in range(max(1, n // 2), n):
        if not cue[index]:
            continue
        # the rest is an appeal when most of its real paragraphs carry a cue
        if cues[index] >= 2 and cues[index] / real[index] >= 0.75:
            # an appeal often opens with one or two short lines before the first cue
            while (
                index > 0
                and len(paragraphs[index - 1][1].split()) <= 8
                and not _SENTENCE_END.search(paragraphs[index - 1][1].rstrip(" ?"))
            ):
                index -= 1
            while (
                index > 0
                and paragraphs[index - 1][1].rstrip().endswith("?")
                and len(paragraphs[index - 1][1].split()) <= 8
            ):
                index -= 1
            return index
    return n


def _group(
    keep: list[tuple[int, str]], text: str, max_chars: int, max_run: int
) -> tuple[tuple[tuple[int, str], ...], int]:
    """The segments NLP reads, and how many runs of text were cut to ``max_run``."""
    segments: list[tuple[int, str]] = []
    cur_start: int | None = None
    cur_end = 0
    cut = 0
    for start, para in keep:
        for piece_start, piece, alone in _pieces(start, para, max_chars, max_run):
            end = piece_start + len(piece)
            cut += alone == "first"
            if not alone and cur_start is not None and end - cur_start <= max_chars:
                cur_end = end
                continue
            if cur_start is not None:
                segments.append((cur_start, text[cur_start:cur_end]))
            cur_start, cur_end = piece_start, end
            if alone:  # a piece of a cut run: a segment of its own
                segments.append((cur_start, text[cur_start:cur_end]))
                cur_start = None
    if cur_start is not None:
        segments.append((cur_start, text[cur_start:cur_end]))
    # a segment spans skipped paragraphs too: blank them so NLP does not read them
    kept = sorted((s, s + len(p)) for s, p in keep)
    starts = [s for s, _ in kept]
    blanked = tuple(_blank_skipped(seg_start, seg, kept, starts) for seg_start, seg in segments)
    return blanked, cut


def _blank_skipped(
    seg_start: int, seg: str, kept: list[tuple[int, int]], starts: list[int]
) -> tuple[int, str]:
    chars: list[str] | None = None
    for match in _PARAGRAPH.finditer(seg):
        a, b = seg_start + match.start(), seg_start + match.end()
        i = bisect.bisect_right(starts, a) - 1
        if i >= 0 and kept[i][0] <= a and b <= kept[i][1]:
            continue
        if chars is None:
            chars = list(seg)
        for j in range(match.start(), match.end()):
            if chars[j] != "\n":
                chars[j] = " "
    if chars is None:
        return seg_start, seg
    # whitespace-only runs between paragraphs collapse to newlines for the parser
    return seg_start, re.sub(
        r"\n[ \t]+(?=\n)", lambda m: "\n" + " " * (len(m.group()) - 1), "".join(chars)
    )


def _pieces(start: int, para: str, max_chars: int, max_run: int) -> Iterator[tuple[int, str, str]]:
    """A kept paragraph in pieces: ``(offset, text, "")`` to group with their neighbours,
    ``(offset, text, "first" | "more")`` for the pieces of a run without a sentence end
    longer than ``max_run`` (each read alone)."""
    pos = 0
    for a, b in _long_runs(para, max_run):
        if a > pos:
            for piece_start, piece in _split_long(start + pos, para[pos:a], max_chars):
                yield piece_start, piece, ""
        for n, (piece_start, piece) in enumerate(_cut_run(para, a, b, min(max_run, max_chars))):
            yield start + piece_start, piece, "more" if n else "first"
        pos = b
    if pos < len(para):
        for piece_start, piece in _split_long(start + pos, para[pos:], max_chars):
            yield piece_start, piece, ""


def _long_runs(para: str, max_run: int) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each run of ``para`` between sentence-like ends (and line
    breaks) that is longer than ``max_run``."""
    if len(para) <= max_run:
        return []
    runs = []
    prev = 0
    for match in _RUN_END.finditer(para):
        if match.end() - prev > max_run:
            runs.append((prev, match.end()))
        prev = match.end()
    if len(para) - prev > max_run:
        runs.append((prev, len(para)))
    return runs


def _cut_run(para: str, a: int, b: int, size: int) -> Iterator[tuple[int, str]]:
    """``para[a:b]`` in pieces of at most ``size``, each cut after the last semicolon
    (or colon), else comma, else space in its second half, else at ``size``."""
    pos = a
    while b - pos > size:
        cut = pos + size
        for pattern in _CUTS:
            found = list(pattern.finditer(para, pos + size // 2, pos + size))
            if found:
                cut = found[-1].end()
                break
        yield pos, para[pos:cut]
        pos = cut
    yield pos, para[pos:b]


def _split_long(start: int, para: str, max_chars: int) -> Iterator[tuple[int, str]]:
    if len(para) <= max_chars:
        yield start, para
        return
    pos = 0
    while pos < len(para):
        end = min(len(para), pos + max_chars)
        if end < len(para):
            cut = max(para.rfind(". ", pos, end), para.rfind("\n", pos, end))
            if cut <= pos:  # no sentence end in reach: at least do not cut a word
                cut = para.rfind(" ", pos, end)
            if cut > pos:
                end = cut + 1
        yield start + pos, para[pos:end]
        pos = end


def iter_prepared(
    documents: Iterable[Document], *, max_chars: int = 100_000, max_run: int | None = None
) -> Iterator[Prepared]:
    """:func:`prepare` each document."""
    for document in documents:
        yield prepare(document, max_chars=max_chars, max_run=max_run)


def _cut_warnings(doc_id: str, cut: int, max_run: int) -> tuple[str, ...]:
    if not cut:
        return ()
    message = (
        f"document {doc_id!r}: {cut} run{'s' if cut != 1 else ''} of text without a sentence "
        f"end longer than {max_run:,} characters cut into pieces read alone (a transcript, a "
        "table, a list?); facts that span a cut are not found"
    )
    log.warning("%s", message)
    return (message,)
