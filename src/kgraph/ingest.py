"""Ingest: sources in, :class:`~kgraph.Document` records and cleaned segments out.

A source is a path (file or directory), a glob, raw text or a Document.
Files are read as plain text (UTF-8 with or without BOM, UTF-16/32 with BOM,
anything else decoded as cp1252 with a warning; binary files are refused by
name), HTML (markup, scripts and styles dropped by :mod:`html.parser`) or JSONL
(one article a line with a ``text`` field, read line by line).

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

import glob as globmod
import hashlib
import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Final

from kgraph._errors import DocumentAccessError, DocumentError, DocumentNotFoundError
from kgraph._model import BuildReport, Document, DocumentInfo

__all__ = ["Prepared", "iter_documents", "prepare", "read_file"]

log = logging.getLogger("kgraph.ingest")

TEXT_SUFFIXES: Final = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES: Final = frozenset({".jsonl", ".ndjson"})
KNOWN_SUFFIXES: Final = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
_GLOB_CHARS: Final = re.compile(r"[*?\[]")

# Page furniture: a paragraph matching one of these is not article text.
_FURNITURE: Final = re.compile(
    r"\b(?:donat(?:e|ion|ions|ing)|contribution|subscri(?:be|ber|bers|ption)|sign up|newsletter"
    r"|your support|support (?:our|us|independent)|click (?:here|to)|image via|photo via"
    r"|images? (?:by|courtesy)|getty images|shutterstock|all rights reserved|advertisement"
    r"|read more|your inbox|paypal|credit card|honest news|independent (?:news|journalism)"
    r"|follow us|share this|sponsored|just watched|must watch|replay more videos)\b",
    re.IGNORECASE,
)
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


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready for NLP: its info, the author spans and the segments to read."""

    document: Document
    info: DocumentInfo
    segments: tuple[tuple[int, str], ...]
    authors: tuple[tuple[str, int, int], ...] = ()
    warnings: tuple[str, ...] = ()


# -- reading ----------------------------------------------------------------------------


def iter_documents(sources: Any, *, report: BuildReport | None = None) -> Iterator[Document]:
    """Yield Documents from files, directories, globs, raw strings and Documents, lazily.

    Every document gets an id: the file stem, ``stem-N`` for line N of a JSONL
    file, the given id, or a content hash for raw text.  A second, different
    text under an id already seen gets ``id-<first 8 hex digits of its SHA-256>``;
    the same text under the same id again is yielded once (``report.unchanged``).
    Empty and whitespace-only documents are skipped with a warning
    (``report.skipped``).
    """
    if isinstance(sources, (str, Path, Document)):
        sources = [sources]
    elif isinstance(sources, (bytes, bytearray)):
        raise DocumentError(
            "cannot read raw bytes as a source: decode them to str first, "
            "or write them to a file and pass its path"
        )
    seen: dict[str, str] = {}
    for source in sources:
        for document in _expand(source, report):
            doc_id = document.id or _hash_id(document.text)
            if not document.text.strip():
                msg = f"document {doc_id!r} is empty; skipped"
                log.warning(msg)
                if report is not None:
                    report.skipped.append((doc_id, "empty"))
                continue
            digest = _sha256(document.text)
            if seen.get(doc_id) == digest:
                log.info("document %r given twice; read once", doc_id)
                if report is not None:
                    report.unchanged.append(doc_id)
                continue
            if doc_id in seen:
                other = f"{doc_id}-{digest[:8]}"
                if seen.get(other) == digest:
                    if report is not None:
                        report.unchanged.append(other)
                    continue
                msg = (
                    f"two different texts have the id {doc_id!r}; both are kept, the one with "
                    "the smaller SHA-256 under that id, the other under the id, '-' and the "
                    f"first 8 hex digits of its SHA-256 ({other!r} for this one, if second); "
                    "give distinct ids to choose them"
                )
                log.warning(msg)
                if report is not None:
                    report.warnings.append(msg)
                doc_id = other
            seen[doc_id] = digest
            yield _replace_id(document, doc_id)


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


def _expand(source: Any, report: BuildReport | None = None) -> Iterator[Document]:
    if isinstance(source, Document):
        yield source
        return
    if isinstance(source, Path):
        yield from _expand_path(source, report)
        return
    if not isinstance(source, str):
        raise DocumentError(
            f"cannot read a source of type {type(source).__name__}: "
            "give a path, a glob, raw text or a kgraph.Document"
        )
    if "\n" not in source and len(source) < 4096:
        if _GLOB_CHARS.search(source) and not Path(source).exists():
            matches = sorted(globmod.glob(source, recursive=True))
            if not matches:
                raise DocumentNotFoundError(
                    f"the glob {source!r} matches no file; check the pattern and the directory"
                )
            for match in matches:
                if Path(match).is_file():
                    yield from read_file(match, report=report)
            return
        path = Path(source).expanduser()
        if path.exists():
            yield from _expand_path(path, report)
            return
        if _looks_like_path(source):
            raise DocumentNotFoundError(
                f"no such file or directory: {source!r} (pass a Document to read it as text)"
            )
    yield Document(source)


def _looks_like_path(s: str) -> bool:
    return (" " not in s.strip() and ("/" in s or "\\" in s)) or Path(
        s
    ).suffix.lower() in KNOWN_SUFFIXES


def _expand_path(path: Path, report: BuildReport | None = None) -> Iterator[Document]:
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES
        )
        files = [p for p in files if p.name.lower() not in {"readme.md", "readme.txt"}]
        if not files:
            raise DocumentNotFoundError(
                f"the directory {str(path)!r} holds no .txt, .html or .jsonl file; "
                "point kgraph at the files (or a glob) to read"
            )
        for file in files:
            yield from read_file(file, report=report)
    elif path.is_file():
        yield from read_file(path, report=report)
    else:
        raise DocumentNotFoundError(f"no such file or directory: {str(path)!r}")


def read_file(path: str | Path, *, report: BuildReport | None = None) -> Iterator[Document]:
    """Yield the documents in one file (one, or one per JSONL line, read line by line).

    Decoding warnings are logged and, with ``report``, added to ``report.warnings``.
    """
    path = Path(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(path, report)
        return
    raw = _read_bytes(path)
    warnings: list[str] = []
    text = decode(raw, name=str(path), warnings=warnings)
    if report is not None:
        report.warnings.extend(warnings)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
        body, title = html_to_text(text)
        yield Document(body, id=path.stem, title=title, source=str(path))
    else:
        yield Document(text, id=path.stem, source=str(path))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError as err:
        raise DocumentAccessError(
            f"cannot read {str(path)!r}: {err.strerror}; check its permissions"
        ) from err
    except OSError as err:
        raise DocumentNotFoundError(f"cannot read {str(path)!r}: {err.strerror}") from err


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
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _decode_bom(raw, "utf-16", name, warn)
    else:
        _refuse_binary(raw, name)
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


def _refuse_binary(raw: bytes, name: str) -> None:
    for magic, what in _BINARY_MAGIC:
        if raw.startswith(magic):
            raise DocumentError(
                f"{name!r} is {what}, not text; not read: convert it to plain text, "
                "HTML or JSONL first"
            )
    head = raw[:8192]
    if b"\x00" in head:
        raise DocumentError(
            f"{name!r} looks like a binary file (it holds NUL bytes); not read: give plain "
            "text, HTML or JSONL (UTF-16 text needs its byte-order mark)"
        )
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    if controls > max(2, len(head) // 50):
        raise DocumentError(
            f"{name!r} looks like a binary file ({controls} control bytes in its first "
            f"{len(head)}); not read: give plain text, HTML or JSONL"
        )


def _read_jsonl(path: Path, report: BuildReport | None) -> Iterator[Document]:
    """One Document per line, read line by line: the file is never held in memory whole."""
    try:
        stream = path.open("rb")
    except PermissionError as err:
        raise DocumentAccessError(
            f"cannot read {str(path)!r}: {err.strerror}; check its permissions"
        ) from err
    except OSError as err:
        raise DocumentNotFoundError(f"cannot read {str(path)!r}: {err.strerror}") from err
    with stream:
        head = stream.read(8192)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            # UTF-16/32 JSONL is rare: decode it whole
            warnings: list[str] = []
            text = decode(head + stream.read(), name=str(path), warnings=warnings)
            if report is not None:
                report.warnings.extend(warnings)
            lines: Iterator[str] = iter(text.split("\n"))
        else:
            _refuse_binary(head, str(path))
            stream.seek(0)
            lines = _utf8_lines(stream, path, report)
        for lineno, line in enumerate(lines, start=1):
            if line.strip():
                yield _jsonl_document(line, path, lineno)


def _utf8_lines(stream: Any, path: Path, report: BuildReport | None) -> Iterator[str]:
    """Decoded lines of a byte stream (``\\r\\n``, ``\\r`` and ``\\n`` end a line)."""
    warned = False
    first = True
    for raw_line in stream:
        raw_line = raw_line.rstrip(b"\n")
        if first:
            raw_line = raw_line.removeprefix(b"\xef\xbb\xbf")
            first = False
        try:
            line = raw_line.decode("utf-8")
        except UnicodeDecodeError:
            line = raw_line.decode("cp1252", errors="replace")
            if not warned:
                warned = True
                message = (
                    f"{path} is not UTF-8 (first at a line starting {line[:30]!r}); "
                    "such lines decoded as cp1252 (Windows Latin-1)"
                )
                log.warning(message)
                if report is not None:
                    report.warnings.append(message)
        # a lone \r ends a line too (and may not occur unescaped inside a JSON string)
        yield from line.removesuffix("\r").split("\r")


def _jsonl_document(line: str, path: Path, lineno: int) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise DocumentError(
            f"{path}:{lineno}: not valid JSON ({err.msg} at column {err.colno}); "
            "fix or remove that line (JSONL holds one JSON object per line)"
        ) from err
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        got = type(record).__name__ if not isinstance(record, dict) else "an object"
        raise DocumentError(
            f"{path}:{lineno}: expected an object with a 'text' string, got {got}"
            + (" without one" if isinstance(record, dict) else "")
            + "; fix or remove that line"
        )
    doc_id = record.get("id")
    authors = record.get("authors") or ()
    if isinstance(authors, str):
        authors = (authors,)
    return Document(
        unicodedata.normalize("NFC", record["text"]),
        id=str(doc_id) if doc_id not in (None, "") else f"{path.stem}-{lineno}",
        title=_str_or_none(record.get("title")),
        url=_str_or_none(record.get("url")),
        published=_str_or_none(record.get("published") or record.get("date")),
        source=_str_or_none(record.get("source")) or str(path),
        authors=tuple(str(a) for a in authors) if isinstance(authors, (list, tuple)) else (),
    )


def _str_or_none(value: object) -> str | None:
    return None if value in (None, "") else str(value)


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


def prepare(document: Document, *, max_chars: int = 100_000) -> Prepared:
    """Split a document into headline, byline, furniture and the segments NLP reads.

    Segments are runs of kept paragraphs, at most ``max_chars`` long (longer
    paragraphs are cut at sentence-like boundaries), with their offsets.
    """
    text = document.text
    assert document.id is not None
    paragraphs = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text)]
    title = document.title
    authors: list[tuple[str, int, int]] = []
    published = document.published
    keep: list[tuple[int, str]] = []
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
                title, norm_title = flat, flat.lower()
                continue
        if norm_title is not None and flat.lower() == norm_title:
            continue  # a repeated headline
        byline = _parse_byline(line) if "\n" not in line else []
        if byline:
            offset = start + (len(para) - len(para.lstrip()))
            authors.extend((name, offset + pos, offset + pos + len(name)) for name, pos in byline)
            continue
        if _DATELINE.match(line):
            published = published or _parse_date(line)
            continue
        if _FURNITURE.search(line) and (len(line) < 400 or len(_FURNITURE.findall(line)) >= 2):
            continue
        if "\n" not in line and _is_heading(line) and _is_title_case(line):
            continue  # a sub-heading or promotional box title
        keep.append((start, para))
    segments = tuple(
        (start, blank_inline_furniture(seg)) for start, seg in _group(keep, text, max_chars)
    )
    author_names = tuple(document.authors) or tuple(dict.fromkeys(name for name, _, _ in authors))
    info = DocumentInfo(
        id=document.id,
        title=title,
        url=document.url,
        published=published,
        source=document.source,
        authors=author_names,
        chars=len(text),
        sha256=_sha256(text),
    )
    return Prepared(document, info, segments, tuple(authors))


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


def _furniture_tail(paragraphs: list[tuple[int, str]]) -> int:
    """Index from which the rest of the article is an appeal or sign-up block."""
    n = len(paragraphs)
    for index in range(max(1, n // 2), n):
        if not _FURNITURE.search(paragraphs[index][1]):
            continue
        # the rest is an appeal when most of its real paragraphs carry a cue
        rest = [p for _, p in paragraphs[index:] if len(p.split()) > 6]
        cues = sum(1 for p in rest if _FURNITURE.search(p))
        if cues >= 2 and cues / len(rest) >= 0.75:
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


def _group(keep: list[tuple[int, str]], text: str, max_chars: int) -> tuple[tuple[int, str], ...]:
    segments: list[tuple[int, str]] = []
    cur_start: int | None = None
    cur_end = 0
    for start, para in keep:
        for piece_start, piece in _split_long(start, para, max_chars):
            end = piece_start + len(piece)
            if cur_start is not None and end - cur_start <= max_chars:
                cur_end = end
                continue
            if cur_start is not None:
                segments.append((cur_start, text[cur_start:cur_end]))
            cur_start, cur_end = piece_start, end
    if cur_start is not None:
        segments.append((cur_start, text[cur_start:cur_end]))
    # a segment spans skipped paragraphs too: blank them so NLP does not read them
    kept = {(s, s + len(p)) for s, p in keep}
    return tuple(_blank_skipped(seg_start, seg, kept) for seg_start, seg in segments)


def _blank_skipped(seg_start: int, seg: str, kept: set[tuple[int, int]]) -> tuple[int, str]:
    chars = list(seg)
    for match in _PARAGRAPH.finditer(seg):
        a, b = seg_start + match.start(), seg_start + match.end()
        if not any(s <= a and b <= e for s, e in kept):
            for i in range(match.start(), match.end()):
                if chars[i] != "\n":
                    chars[i] = " "
    blanked = "".join(chars)
    # whitespace-only runs between paragraphs collapse to newlines for the parser
    return seg_start, re.sub(
        r"\n[ \t]+(?=\n)", lambda m: "\n" + " " * (len(m.group()) - 1), blanked
    )


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


def iter_prepared(documents: Iterable[Document], *, max_chars: int = 100_000) -> Iterator[Prepared]:
    """:func:`prepare` each document."""
    for document in documents:
        yield prepare(document, max_chars=max_chars)
