"""Reading sources and preparing articles (no model)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph import (
    BuildReport,
    Document,
    DocumentAccessError,
    DocumentError,
    DocumentNotFoundError,
    KGraphError,
)
from kgraph.ingest import decode, html_to_text, iter_documents, prepare, read_file

ARTICLE = (
    "Senators Question Spy Chief Over Leaks\n"
    "\n"
    "By Ann Writer and Bo Reporter\n"
    "\n"
    "Published Aug. 7, 2020 Updated Sept. 1, 2020\n"
    "\n"
    "Image via Shutterstock.\n"
    "\n"
    "Senator Jane Doe questioned the agency on Tuesday.\n"
    "\n"
    "Sign up for our newsletter. Get it sent to your inbox.\n"
    "\n"
    "The agency declined to comment.\n"
)


def test_prepare_keeps_headline_byline_date_and_drops_furniture() -> None:
    p = prepare(Document(ARTICLE, id="a"))
    assert p.info.title == "Senators Question Spy Chief Over Leaks"
    assert p.info.authors == ("Ann Writer", "Bo Reporter")
    assert p.info.published == "2020-08-07"
    kept = " ".join(text for _, text in p.segments)
    assert "Senator Jane Doe questioned" in kept
    assert "The agency declined" in kept
    for junk in ("Shutterstock", "newsletter", "Senators Question", "By Ann", "Published"):
        assert junk not in kept


def test_offsets_point_into_the_original_text() -> None:
    p = prepare(Document(ARTICLE, id="a"))
    lines = [
        (offset + text.index(line), line)
        for offset, text in p.segments
        for line in text.split("\n")
        if line.strip()
    ]
    assert len(lines) >= 2  # the two lines of news at least
    for start, line in lines:
        assert ARTICLE[start : start + len(line)] == line
    assert [name for name, _start, _end in p.authors] == ["Ann Writer", "Bo Reporter"]
    for name, start, end in p.authors:
        assert ARTICLE[start:end] == name


def test_repeated_headline_and_trailing_appeal_are_dropped() -> None:
    body = "A line of news about Congress.\n\n" * 3
    text = (
        "Big Headline Here\n\nBig Headline Here\n\n"
        + body
        + "Understand the importance of honest news?\n\nSo do we.\n\n"
        "We need your support. Every reader contribution makes a difference.\n\n"
        "Click to donate by check.\n\nDonate by Paypal\n\n{{ }}"
    )
    p = prepare(Document(text, id="t"))
    kept = "".join(t for _, t in p.segments)
    assert kept.count("Big Headline") == 0
    assert "donate" not in kept.lower() and "honest news" not in kept
    assert kept.count("A line of news") == 3


_NEWS = "Senator Jane Doe questioned the agency on Tuesday about its budget."
PARAGRAPHS = [
    # (paragraph between two lines of news, kept?)
    ("Records show donations to her campaign from the union reached $40,000.", True),
    ("A bill sponsored by Rep. Al Roe would cap the maximum contribution at $2,700.", True),
    ("The group ran a television advertisement attacking the governor.", True),
    ("\u201cYou cannot buy a senator with donations,\u201d Ms. Doe said.", True),
    ("The paper has 40,000 subscribers in the state.", True),
    ("Please consider a donation today: your support keeps us going.", False),
    ("Your contribution makes independent journalism possible.", False),
    ("Advertisement", False),
    ("Sponsored content from our partners", False),
    ("Ann Writer hosts a weekly podcast. Subscribe here or listen below.", False),
    ("Sign up for our newsletter.", False),
]


@pytest.mark.parametrize(("paragraph", "kept"), PARAGRAPHS)
def test_furniture_paragraphs(paragraph: str, kept: bool) -> None:
    """An appeal, a label or a sign-up box is furniture; the same words in reporting are not."""
    text = f"{_NEWS}\n\n{paragraph}\n\n{_NEWS}\n"
    body = "".join(t for _, t in prepare(Document(text, id="f")).segments)
    assert (paragraph in body) is kept
    assert body.count(_NEWS) == 2


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"\xef\xbb\xbfHello\r\nWorld", "Hello\nWorld"),
        ("Caf\u00e9".encode("utf-16"), "Caf\u00e9"),
        ("Caf\u00e9".encode("utf-32"), "Caf\u00e9"),
        ("na\u00efve".encode("cp1252"), "na\u00efve"),
        (b"old\rmac", "old\nmac"),
    ],
)
def test_decode(raw: bytes, text: str) -> None:
    assert decode(raw) == text


def test_binary_file_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\x00\x00\x01")
    with pytest.raises(DocumentError, match=r"image\.txt"):
        list(read_file(path))


def test_html_drops_scripts_and_styles() -> None:
    text, title = html_to_text(
        "<html><head><title>T</title><style>p{}</style></head><body><h1>Head Line</h1>"
        "<p>One <b>two</b>.</p><script>alert(1)</script><p>Three &amp; four.</p></body></html>"
    )
    assert title == "Head Line"
    assert "alert" not in text and "p{}" not in text
    assert "One two." in text and "Three & four." in text


def test_jsonl_documents_and_bad_line(tmp_path: Path) -> None:
    good = tmp_path / "feed.jsonl"
    good.write_text(
        json.dumps({"id": "x1", "title": "T", "text": "Body one."})
        + "\n\n"
        + json.dumps({"text": "Body two."})
        + "\n",
        encoding="utf-8",
    )
    docs = list(read_file(good))
    assert [d.id for d in docs] == ["x1", "feed-3"]
    assert docs[0].title == "T"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{not json\n', encoding="utf-8")
    with pytest.raises(DocumentError, match=r"bad\.jsonl:2"):
        list(read_file(bad))


def test_sources_of_every_kind(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Pompeo warned Lavrov.", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "two.html").write_text("<p>Putin met Trump.</p>", encoding="utf-8")
    docs = list(iter_documents([tmp_path, "Raw text about NATO.", Document("Given.", id="given")]))
    assert [d.id for d in docs][:2] == ["one", "two"]
    assert docs[2].id is not None and docs[2].id.startswith("doc-")
    assert docs[3].id == "given"
    assert [d.id for d in iter_documents(str(tmp_path / "*.txt"))] == ["one"]


@pytest.mark.parametrize("source", ["missing/dir/", "nothing_here.txt", "no/*.txt"])
def test_missing_paths_are_one_clear_error(source: str) -> None:
    with pytest.raises(DocumentNotFoundError, match="no"):
        list(iter_documents(source))


def test_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(DocumentNotFoundError, match=str(tmp_path.name)):
        list(iter_documents(tmp_path))


def test_errors_are_kgraph_errors_and_builtins() -> None:
    assert issubclass(DocumentNotFoundError, KGraphError)
    assert issubclass(DocumentNotFoundError, FileNotFoundError)
    assert issubclass(DocumentError, ValueError)


def test_empty_document_is_skipped_with_report() -> None:
    from kgraph._api import BuildReport

    report = BuildReport()
    assert list(iter_documents(["   \n\t ", "Real text."], report=report))[0].text == "Real text."
    assert report.skipped and report.skipped[0][1] == "empty"


def test_same_id_different_text_gets_distinct_ids() -> None:
    ids = [d.id for d in iter_documents([Document("A.", id="x"), Document("B.", id="x")])]
    assert ids[0] == "x" and ids[1] != "x"


@given(st.text(max_size=400))
def test_prepare_never_breaks_offsets(text: str) -> None:
    text = text.replace("\r", "")
    p = prepare(Document(text, id="h"))
    for offset, segment in p.segments:
        original = text[offset : offset + len(segment)]
        assert len(original) == len(segment)
        for a, b in zip(original, segment, strict=True):
            assert a == b or b in " \n"


def test_unreadable_file_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Text.", encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(DocumentAccessError, match=r"secret\.txt.*Permission denied") as info:
        list(read_file(path))
    assert isinstance(info.value.__cause__, PermissionError)


# -- bad input: each case of the hardening issue -------------------------------------------


@pytest.mark.parametrize("blank", ["", "   ", "\n\n\t \n", "\u00a0\u2003\n"])
def test_blank_document_is_skipped_with_a_warning_and_counted(
    blank: str, caplog: pytest.LogCaptureFixture
) -> None:
    from kgraph._api import BuildReport

    report = BuildReport()
    with caplog.at_level("WARNING", logger="kgraph"):
        docs = list(iter_documents([Document(blank, id="blank"), "Real text."], report=report))
    assert [d.text for d in docs] == ["Real text."]
    assert report.skipped == [("blank", "empty")]
    assert any("'blank'" in r.getMessage() and "empty" in r.getMessage() for r in caplog.records)


def test_blank_file_is_skipped_with_a_warning(tmp_path: Path) -> None:
    from kgraph._api import BuildReport

    (tmp_path / "blank.txt").write_bytes(b"\xef\xbb\xbf \r\n\r\n")
    (tmp_path / "real.txt").write_text("Real text.", encoding="utf-8")
    report = BuildReport()
    assert [d.id for d in iter_documents(tmp_path, report=report)] == ["real"]
    assert report.skipped == [("blank", "empty")]


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("letter.docx", b"PK\x03\x04\x14\x00\x06\x00word/document.xml"),
        ("blob.txt", bytes(range(256)) * 4),
        ("noise.html", b"<p>" + bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 40),
    ],
)
def test_binary_file_is_refused_naming_it(tmp_path: Path, name: str, raw: bytes) -> None:
    (tmp_path / name).write_bytes(raw)
    with pytest.raises(DocumentError, match=re.escape(name)) as info:
        list(read_file(tmp_path / name))
    assert "not read" in str(info.value) and "text" in str(info.value)


def test_binary_file_in_a_directory_is_refused_naming_it(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Pompeo warned Lavrov.", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    with pytest.raises(DocumentError, match=r"image\.txt"):
        list(iter_documents(tmp_path))


def test_latin1_file_is_decoded_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from kgraph._api import BuildReport

    text = "Fran\u00e7ois Hollande met officials in S\u00e3o Paulo and Z\u00fcrich, na\u00efvely."
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    report = BuildReport()
    with caplog.at_level("WARNING", logger="kgraph"):
        (doc,) = read_file(path, report=report)
    assert doc.text == text
    assert any("latin.txt" in r.getMessage() and "UTF-8" in r.getMessage() for r in caplog.records)
    assert len(report.warnings) == 1 and "latin.txt" in report.warnings[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_with_a_bom_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = "Сергей Лавров met Mike Pompeo.\r\nNew paragraph \U0001f1f7\U0001f1fa.\r\n"
    bom = {
        "utf-16-le": b"\xff\xfe",
        "utf-16-be": b"\xfe\xff",
    }.get(encoding, b"")
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + text.encode(encoding))
    (doc,) = read_file(path)
    assert doc.text == text.replace("\r\n", "\n")


def test_broken_utf16_is_decoded_with_replacement_and_a_warning() -> None:
    warnings: list[str] = []
    raw = "Pompeo warned Lavrov".encode("utf-16") + b"\x00\xd8" + "ok".encode("utf-16-le") + b"!"
    text = decode(raw, name="broken.txt", warnings=warnings)
    assert text.startswith("Pompeo warned Lavrov\ufffd")
    assert len(warnings) == 1 and "broken.txt" in warnings[0] and "UTF-16" in warnings[0]


@given(st.binary(max_size=600))
def test_any_bytes_decode_or_are_refused_by_name(raw: bytes) -> None:
    for head in (b"", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\xef\xbb\xbf"):
        outcome: str | DocumentError
        try:
            outcome = decode(head + raw, name="fuzz.bin")
        except DocumentError as err:
            outcome = err
        if isinstance(outcome, DocumentError):
            assert "fuzz.bin" in str(outcome)
        else:
            assert "\r" not in outcome


def test_malformed_jsonl_lines_are_named(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = ['{"text": "One."}', "", '{"text": "Two."}', '["a list"]', '{"title": "no text"}']
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    stream = read_file(path)
    assert [next(stream).id, next(stream).id] == ["feed-1", "feed-3"]  # blank line 2 skipped
    with pytest.raises(DocumentError, match=r"feed\.jsonl:4: .*got list.*fix or remove"):
        next(stream)
    path.write_text("\n".join([lines[0], lines[4]]), encoding="utf-8")
    with pytest.raises(DocumentError, match=r"feed\.jsonl:2: .*'text' string"):
        list(read_file(path))
    path.write_text('{"text": "ok"}\n{"text": "unterminated}\n', encoding="utf-8")
    with pytest.raises(DocumentError, match=r"feed\.jsonl:2: not valid JSON") as info:
        list(read_file(path))
    assert isinstance(info.value.__cause__, json.JSONDecodeError)


def test_jsonl_is_read_line_by_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"n{i}", "text": f"Line {i}."}) + "\n" for i in range(500)),
        encoding="utf-8",
    )

    def whole(self: Path, *args: object, **kwargs: object) -> object:
        raise AssertionError(f"{self} read whole")

    monkeypatch.setattr(Path, "read_bytes", whole)
    monkeypatch.setattr(Path, "read_text", whole)
    docs = read_file(path)
    assert next(docs).id == "n0"
    assert [d.id for d in docs][-1] == "n499"


def test_jsonl_lines_in_latin1_and_utf16(tmp_path: Path) -> None:
    from kgraph._api import BuildReport

    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(
        '{"text": "Caf\u00e9 in UTF-8."}\n'.encode()
        + '{"text": "Caf\u00e9 in Latin-1."}\n'.encode("latin-1")
    )
    report = BuildReport()
    assert [d.text for d in read_file(mixed, report=report)] == [
        "Caf\u00e9 in UTF-8.",
        "Caf\u00e9 in Latin-1.",
    ]
    assert len(report.warnings) == 1 and "mixed.jsonl" in report.warnings[0]
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes('{"text": "\u041c\u043e\u0441\u043a\u0432\u0430."}\n'.encode("utf-16"))
    assert [d.text for d in read_file(wide)] == ["\u041c\u043e\u0441\u043a\u0432\u0430."]


@pytest.mark.parametrize(
    "source", ["missing/dir/", "nothing_here.txt", "no/*.txt", "~/no_such_kgraph_dir/"]
)
def test_a_missing_path_is_one_error_naming_it(source: str) -> None:
    with pytest.raises(DocumentNotFoundError, match=re.escape(source.rstrip("/"))):
        list(iter_documents(["Some text first.", source]))


def test_a_missing_path_object_is_named(tmp_path: Path) -> None:
    with pytest.raises(DocumentNotFoundError, match=re.escape(str(tmp_path / "gone.txt"))):
        list(iter_documents(tmp_path / "gone.txt"))


def test_an_empty_directory_is_one_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(DocumentNotFoundError, match=re.escape(str(tmp_path))) as info:
        list(iter_documents(tmp_path))
    assert ".txt" in str(info.value)


def test_an_unreadable_jsonl_file_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.jsonl"
    path.write_text('{"text": "x"}\n', encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(DocumentAccessError, match=r"locked\.jsonl.*permissions") as info:
        list(read_file(path))
    assert isinstance(info.value.__cause__, PermissionError)


def test_raw_bytes_are_refused() -> None:
    with pytest.raises(DocumentError, match="bytes"):
        list(iter_documents(b"Pompeo warned Lavrov."))


def test_the_same_document_twice_is_read_once(tmp_path: Path) -> None:
    from kgraph._api import BuildReport

    (tmp_path / "a.txt").write_text("Pompeo warned Lavrov.", encoding="utf-8")
    report = BuildReport()
    sources = [tmp_path, tmp_path / "a.txt", "Raw text.", "Raw text.", Document("X.", id="x")]
    docs = list(iter_documents([*sources, Document("X.", id="x")], report=report))
    assert [d.id for d in docs][:1] == ["a"] and [d.id for d in docs][-1] == "x"
    assert len(docs) == 3
    assert len(report.unchanged) == 3


def test_a_second_text_under_one_id_is_renamed_with_a_warning() -> None:
    from kgraph._api import BuildReport

    report = BuildReport()
    docs = list(
        iter_documents(
            [Document("  ", id="x"), Document("A.", id="x"), Document("B.", id="x")], report=report
        )
    )
    # the blank one claims no id; the second text gets the id and its hash
    assert [d.id for d in docs] == ["x", "x-" + hashlib.sha256(b"B.").hexdigest()[:8]]
    assert len(report.warnings) == 1 and "'x'" in report.warnings[0]


SENTENCES = [
    "Pompeo warned Lavrov about it.",
    "The ministry said on Monday that the shipments had continued for several months.",
    "Officials denied it.",
]


@given(
    st.lists(
        st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=12).map(" ".join),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["\n\n", "\n\n\n", "\n \n"]),
    st.integers(20, 200),
)
def test_long_text_is_cut_into_segments_that_slice_the_text(
    paragraphs: list[str], gap: str, max_chars: int
) -> None:
    text = gap.join(paragraphs) + "\n"
    p = prepare(Document(text, id="long", title="Given Title"), max_chars=max_chars)
    end = 0
    for offset, segment in p.segments:
        assert 0 < len(segment) <= max_chars
        assert offset >= end  # in order, never overlapping
        end = offset + len(segment)
        original = text[offset:end]
        for a, b in zip(original, segment, strict=True):
            assert a == b or (a.isspace() and b.isspace())
    # nothing lost, nothing read twice
    kept = "".join(segment for _, segment in p.segments)
    assert "".join(kept.split()) == "".join(text.split())


def test_a_file_is_read_in_one_unicode_form(tmp_path: Path) -> None:
    import unicodedata

    from kgraph.ingest import read_file

    nfd = unicodedata.normalize("NFD", "José Müller met officials in Zürich.")
    (tmp_path / "nfd.txt").write_text("Headline\n\n" + nfd, encoding="utf-8")
    (document,) = read_file(tmp_path / "nfd.txt")
    assert "José Müller" in document.text
    assert document.text == unicodedata.normalize("NFC", document.text)


# -- every input class gets a clear answer (issue 16 item 2) --------------------------------
@pytest.mark.parametrize(
    ("raw", "clean", "note"),
    [
        ("cut \ud83d emoji", "cut \ufffd emoji", "1 lone surrogate"),
        ("low \udc00 half", "low \ufffd half", "1 lone surrogate"),
        ("pair \ud83d\ude00 joined", "pair \U0001f600 joined", ""),
        ("\x93quoted\x94 \x96 dash", "“quoted” – dash", "3 C1 control characters read as"),
        ("undefined\x81 byte", "undefined byte", "1 control character removed"),
        ("nul\x00 bell\x07 esc\x1b del\x7f", "nul bell esc del", "4 control characters removed"),
        ("page\x0cbreak\x0bvt", "page\nbreak\nvt", ""),
        ("para\u2029graph line\u2028sep", "para\n\ngraph line\nsep", ""),
        ("tab\tand\nnewline\r\n", "tab\tand\nnewline\r\n", ""),
        ("Pom\u200bpeo Wash\u00adington", "Pompeo Washington", "2 invisible formatting"),
        ("\u202eevil\u202c \u2066iso\u2069 \u200fmark", "evil iso mark", "5 invisible formatting"),
        ("\ufeffBOM inside\ufeff", "BOM inside", "2 invisible formatting"),
        ("Mike\u200dPompeo", "MikePompeo", "1 invisible formatting"),
        ("family \U0001f468\u200d\U0001f469", "family \U0001f468\u200d\U0001f469", ""),
        ("Persian \u0645\u06cc\u200c\u062e\u0648\u0627\u0645", None, ""),
    ],
)
def test_clean_text(raw: str, clean: str | None, note: str) -> None:
    from kgraph.ingest import clean_text

    text, notes = clean_text(raw)
    assert text == (raw if clean is None else clean)
    assert all(n for n in notes)
    if note:
        assert any(n.startswith(note) for n in notes), notes
    elif text == raw or "\ud83d\ude00" in raw:
        assert notes == ()
    text.encode("utf-8")


def test_clean_text_leaves_clean_text_alone() -> None:
    from kgraph.ingest import clean_text

    text = "Сергей Лавров met Mike Pompeo in 東京 🇯🇵 on Monday.\n\nA new paragraph.\t"
    assert clean_text(text)[0] is text


@given(st.text(max_size=300))
def test_clean_text_is_idempotent_and_encodable(raw: str) -> None:
    from kgraph.ingest import clean_text

    text, _notes = clean_text(raw)
    text.encode("utf-8")
    assert clean_text(text) == (text, ())
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e]", text)


def _report() -> BuildReport:
    from kgraph import BuildReport

    return BuildReport()


def test_a_lone_surrogate_in_jsonl_is_replaced_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"id": "cut", "text": "Holt posted \\ud83d then", "title": "T \\udc00"}\n'
        '{"id": "ok", "text": "Holt met Marsh."}\n',
        encoding="utf-8",
    )
    report = _report()
    docs = list(iter_documents(path, report=report))
    assert [(d.id, d.text, d.title) for d in docs] == [
        ("cut", "Holt posted \ufffd then", "T \ufffd"),
        ("ok", "Holt met Marsh.", None),
    ]
    (warning,) = report.warnings
    assert warning.startswith(f"{path}:1: 1 lone surrogate") and "its title cleaned" in warning


@pytest.mark.parametrize(
    ("text", "cleaned", "what"),
    [
        ("Ann Holt\x00 met\x1b envoys.", "Ann Holt met envoys.", "control characters removed"),
        ("Ann\u200b Holt met \u202eenvoys.", "Ann Holt met envoys.", "invisible formatting"),
        ("Ann Holt \ud800 met envoys.", "Ann Holt \ufffd met envoys.", "lone surrogate"),
    ],
)
def test_a_document_given_is_cleaned_naming_it(text: str, cleaned: str, what: str) -> None:
    report = _report()
    docs = list(iter_documents([Document(text, id="given"), "Clean text."], report=report))
    assert [d.text for d in docs] == [cleaned, "Clean text."]
    (warning,) = report.warnings
    assert warning.startswith("document 'given': ") and what in warning
    assert "offsets point into the cleaned text" in warning


def test_control_characters_in_a_file_are_removed_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"Ann Holt\x07 met envoys.\r\nMore news\x1b.\n")
    report = _report()
    (doc,) = iter_documents(path, report=report)
    assert doc.text == "Ann Holt met envoys.\nMore news.\n"
    assert report.warnings == [
        f"{path}: 2 control characters removed; offsets point into the cleaned text"
    ]


def test_html_character_references_are_cleaned_too(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<p>Ann&#8203;Holt met &#x202e;envoys&#1;.</p>", encoding="utf-8")
    report = _report()
    (doc,) = iter_documents(path, report=report)
    assert doc.text == "AnnHolt met envoys."
    assert len(report.warnings) == 1 and str(path) in report.warnings[0]


def test_prepare_refuses_an_uncleaned_lone_surrogate() -> None:
    with pytest.raises(DocumentError, match=r"'raw'.*lone surrogate.*clean_text"):
        prepare(Document("Holt \ud83d met.", id="raw"))


def _skipped(report: BuildReport, folder: Path) -> dict[str, str]:
    return {str(Path(where).relative_to(folder)): why for where, why in report.skipped}


def test_a_folder_lists_what_it_does_not_read(tmp_path: Path) -> None:
    import socket

    (tmp_path / "a.txt").write_text("Ann Holt met envoys.", encoding="utf-8")
    (tmp_path / "README.md").write_text("About this folder.", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "notes").write_text("no suffix", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Bo Marsh met envoys.", encoding="utf-8")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    (tmp_path / "also-a.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "null.txt").symlink_to("/dev/null")
    os.mkfifo(tmp_path / "pipe.jsonl")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.txt"))
    try:
        report = _report()
        assert [d.id for d in iter_documents(tmp_path, report=report)] == ["a", "b"]
    finally:
        server.close()
    assert _skipped(report, tmp_path) == {
        ".git": "hidden",
        ".hidden.txt": "hidden",
        "README.md": "README",
        "also-a.txt": f"duplicate: the same file as {tmp_path / 'a.txt'}",
        "gone.txt": "broken symbolic link",
        "notes": "unknown suffix: (none)",
        "null.txt": "not a regular file: a character device",
        "pipe.jsonl": "not a regular file: a FIFO (named pipe)",
        "scan.pdf": "unknown suffix: .pdf",
        "self.txt": "symbolic link loop",
        "sock.txt": "not a regular file: a socket",
        "sub/up": "symbolic link loop: a folder that holds it",
    }


def test_a_fifo_in_a_folder_is_never_opened(tmp_path: Path) -> None:
    import threading

    (tmp_path / "a.txt").write_text("Ann Holt met envoys.", encoding="utf-8")
    os.mkfifo(tmp_path / "feed.jsonl")
    found: list[str] = []
    reader = threading.Thread(
        target=lambda: found.extend(d.id or "" for d in iter_documents(tmp_path)), daemon=True
    )
    reader.start()
    reader.join(timeout=20)
    if reader.is_alive():  # blocked opening the FIFO: let it go, then fail
        with (tmp_path / "feed.jsonl").open("w"):
            pass
        pytest.fail("iter_documents opened a FIFO found in a folder")
    assert found == ["a"]


def test_a_fifo_named_as_a_source_is_read(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "live"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("w", encoding="utf-8") as out:
            out.write('{"text": "One."}\n{"text": "Two."}\n')

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    stream = iter_documents(fifo, count=True)
    assert stream.total is None  # a pipe is not counted
    assert [d.id for d in stream] == ["live-1", "live-2"]
    writer.join(timeout=20)


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda p: p.symlink_to(p), DocumentNotFoundError, "symbolic link loop"),
        (lambda p: p.symlink_to(p.parent / "none"), DocumentNotFoundError, "broken symbolic link"),
        (lambda p: p.symlink_to("/dev/null"), DocumentError, "a character device, not a file"),
    ],
)
def test_a_special_path_named_as_a_source_is_one_error(
    tmp_path: Path, make: Any, error: type[Exception], message: str
) -> None:
    path = tmp_path / "odd.txt"
    make(path)
    with pytest.raises(error, match=re.escape(message)) as info:
        iter_documents(["Some text.", path])
    assert str(path) in str(info.value)


def test_paths_are_checked_when_called_not_when_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("Ann Holt met envoys.", encoding="utf-8")
    with pytest.raises(DocumentNotFoundError, match=r"missing\.txt"):
        iter_documents([tmp_path / "a.txt", tmp_path / "missing.txt"])  # not iterated
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret.", encoding="utf-8")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m: Path(p) != locked and real_access(p, m))
    with pytest.raises(DocumentAccessError, match=r"locked\.txt.*Permission denied"):
        iter_documents(tmp_path)
    with pytest.raises(DocumentAccessError, match=r"locked\.txt.*Permission denied"):
        iter_documents(locked)
    report = _report()
    assert [d.id for d in iter_documents(tmp_path, report=report, skip_bad=True)] == ["a"]
    assert report.skipped == [(str(locked), "unreadable: Permission denied")]


def test_a_lazy_iterable_of_sources_is_expanded_as_read(tmp_path: Path) -> None:
    def sources() -> Iterator[Any]:
        yield "Some text."
        yield tmp_path / "missing.txt"

    stream = iter_documents(sources())  # nothing read yet: no error yet
    assert next(stream).text == "Some text."
    with pytest.raises(DocumentNotFoundError, match=r"missing\.txt"):
        next(stream)


def test_bad_lines_and_files_are_skipped_counted_and_listed(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = ['{"text": "One."}', "{not json", '["a list"]', '{"text": 7}', '{"text": "Two."}']
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\n...")
    report = _report()
    stream = iter_documents(tmp_path, report=report, skip_bad=True, count=True)
    assert stream.total == 6  # 5 lines, 1 text file
    assert [d.id for d in stream] == ["feed-1", "feed-5"]
    assert stream.handled == 6
    assert report.skipped == [
        (
            f"{feed}:2",
            "bad line: not valid JSON (Expecting property name enclosed in double "
            "quotes at column 2)",
        ),
        (f"{feed}:3", "bad line: expected an object with a 'text' string, got list"),
        (
            f"{feed}:4",
            "bad line: expected an object with a 'text' string, got an object whose "
            "'text' is a int",
        ),
        (str(tmp_path / "scan.txt"), "binary: a PDF file"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "[" * 100_000 + "]" * 100_000,  # too deep for the JSON parser
        '{"text": "x", "n": ' + "9" * 5000 + "}",  # more digits than int() takes
        '{"text": "a\tb"}',  # a raw tab inside a string: read
    ],
)
def test_odd_json_is_a_bad_line_or_read(tmp_path: Path, line: str) -> None:
    feed = tmp_path / "odd.jsonl"
    feed.write_text(line + "\n", encoding="utf-8")
    report = _report()
    docs = list(iter_documents(feed, report=report, skip_bad=True))
    if "\t" in line:
        assert [d.text for d in docs] == ["a\tb"]
    else:
        assert docs == [] and report.skipped[0][1].startswith("bad line: not valid JSON")


def test_fields_map_jsonl_keys(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    record = {
        "uid": 17,
        "body": "Ann Holt met envoys.",
        "headline": "Talks",
        "link": "https://example.org/a",
        "date": "2020-01-02",
        "when": "2021-03-04",
        "outlet": "The Paper",
        "by": ["Bo Marsh", "Cy Varga"],
    }
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    fields = {
        "text": "body",
        "id": "uid",
        "title": "headline",
        "url": "link",
        "published": "when",
        "source": "outlet",
        "authors": "by",
    }
    (doc,) = iter_documents(feed, fields=fields)
    assert doc == Document(
        "Ann Holt met envoys.",
        id="17",
        title="Talks",
        url="https://example.org/a",
        published="2021-03-04",
        source="The Paper",
        authors=("Bo Marsh", "Cy Varga"),
    )
    (doc,) = iter_documents(feed, fields={"text": "body"})
    assert (doc.id, doc.published, doc.source) == ("feed-1", "2020-01-02", str(feed))
    with pytest.raises(DocumentError, match=r"feed\.jsonl:1: expected an object with a 'content'"):
        list(iter_documents(feed, fields={"text": "content"}))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"body": "text"}, "'body' is no Document field"),
        ({"text": ""}, "the key for 'text' must be a string"),
        ({"text": 3}, "the key for 'text' must be a string"),
        ([("text", "body")], "give a mapping"),
    ],
)
def test_bad_fields_are_an_option_error(fields: Any, message: str) -> None:
    from kgraph import OptionError

    with pytest.raises(OptionError, match=re.escape(message)):
        iter_documents("Some text.", fields=fields)


def test_limit_stops_reading(tmp_path: Path) -> None:
    from kgraph import OptionError

    feed = tmp_path / "feed.jsonl"
    one = '{"id": "a", "text": "One."}\n'
    feed.write_text(one + one + '{"text": "Two."}\n{broken\n', "utf-8")
    report = _report()
    stream = iter_documents(feed, limit=2, report=report, count=True)
    assert stream.total == 2
    assert [d.text for d in stream] == ["One.", "Two."]  # the repeat does not count
    assert report.unchanged == ["a"]  # and the broken line is never read
    for bad in (0, -1, 1.5, True):
        with pytest.raises(OptionError, match="limit="):
            iter_documents(feed, limit=bad)  # type: ignore[arg-type]


def test_total_counts_files_lines_and_texts(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    (tmp_path / "lines").write_text('{"text": "z"}\n', encoding="utf-8")  # sniffed: JSONL
    sources = [tmp_path, "Raw text.", Document("Given.", id="g"), tmp_path / "lines"]
    assert iter_documents(sources, count=True).total == 6
    assert iter_documents(sources).total is None  # not counted unless asked
    assert iter_documents(iter(sources), count=True).total is None  # a generator
    assert iter_documents(io.BytesIO(b"text"), count=True).total is None  # a stream


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b'{"text": "One."}\n\n{"id": "b", "text": "Two."}\n',
            [("stream-1", "One."), ("b", "Two.")],
        ),
        (b'\xef\xbb\xbf{"text": "Caf\xc3\xa9."}\r\n', [("stream-1", "Café.")]),
        ('{"text": "Wide."}\n'.encode("utf-16"), [("stream-1", "Wide.")]),
        (b"Plain text\r\n{not json}\n", [("stream", "Plain text\n{not json}\n")]),
        (b"<html><body><p>Page text.</p></body></html>", [("stream", "Page text.")]),
    ],
)
def test_an_open_file_is_jsonl_when_its_lines_are_objects(
    data: bytes, expected: list[tuple[str, str]]
) -> None:
    assert [(d.id, d.text) for d in iter_documents(io.BytesIO(data))] == expected
    if not data.startswith(b"\xff\xfe"):
        text = io.StringIO(data.decode("utf-8-sig"))
        assert [(d.id, d.text) for d in iter_documents(text)] == expected


def test_standard_input_is_named_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin(io.BytesIO):
        name = "<stdin>"

    docs = list(iter_documents(Stdin(b'{"text": "One."}\n{"text": "Two."}\n')))
    assert [(d.id, d.source) for d in docs] == [("stdin-1", "<stdin>"), ("stdin-2", "<stdin>")]
    (doc,) = iter_documents(Stdin(b"Just text."))
    assert (doc.id, doc.source) == ("stdin", "<stdin>")


def test_a_file_of_another_suffix_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "dump").write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    (tmp_path / "page").write_text("<!DOCTYPE html><html><p>Hi.</p></html>", encoding="utf-8")
    (tmp_path / "note.txt").write_text('{"text": "a text file"}', encoding="utf-8")
    assert [d.text for d in read_file(tmp_path / "dump")] == ["One.", "Two."]
    assert [d.text for d in read_file(tmp_path / "page")] == ["Hi."]
    assert [d.text for d in read_file(tmp_path / "note.txt")] == ['{"text": "a text file"}']


def test_a_very_long_jsonl_line_is_read(tmp_path: Path) -> None:
    text = "Ann Holt met envoys. " * 100_000  # 2 MB on one line
    feed = tmp_path / "long.jsonl"
    feed.write_text(json.dumps({"text": text}) + "\n" + '{"text": "Short."}\n', encoding="utf-8")
    assert [len(d.text) for d in iter_documents(feed)] == [len(text), len("Short.")]


@pytest.mark.parametrize(
    ("source", "missing"),
    [("~no_such_user_kgraph/file.txt", True), ("~nobody said so", False), ("a\x00b", False)],
)
def test_odd_strings_are_text_or_a_missing_path(source: str, missing: bool) -> None:
    if missing:
        with pytest.raises(DocumentNotFoundError, match="no such file"):
            iter_documents(source)
    else:
        assert [d.text for d in iter_documents(source)] == [source.replace("\x00", "")]


# -- long runs of text without a sentence end -----------------------------------------------
def test_a_long_run_without_a_sentence_end_is_cut_into_pieces_read_alone() -> None:
    names = ", ".join(f"Person {i} Holt" for i in range(2000))  # one 'sentence' of 33 KB
    text = f"Lead sentence here.\n\nThe list: {names} and more.\n\nLast paragraph.\n"
    p = prepare(Document(text, id="list"), max_chars=100_000, max_run=5000)
    pieces = [s for s in p.segments if "Person" in s[1]]
    assert len(pieces) == 7 and all(len(t) <= 5000 for _, t in pieces)
    assert all(t.rstrip().endswith(",") for _, t in pieces[:-1])  # cut after a comma
    for offset, segment in p.segments:
        assert text[offset : offset + len(segment)] == segment
    assert "".join(t for _, t in pieces) == text[text.index("The list") : text.index("\n\nLast")]
    (warning,) = p.warnings
    assert "'list'" in warning and "1 run of text" in warning


def test_long_paragraphs_of_sentences_are_not_cut() -> None:
    para = "Ann Holt met envoys in the capital on Monday. " * 500  # 23 KB, short sentences
    p = prepare(Document(para, id="long"), max_chars=100_000, max_run=5000)
    assert len(p.segments) == 1 and p.warnings == ()


def test_a_run_without_any_space_is_cut_at_the_size() -> None:
    text = "x" * 12_001
    p = prepare(Document(text, id="blob"), max_chars=100_000, max_run=5000)
    assert [len(s) for _, s in p.segments] == [5000, 5000, 2001]
