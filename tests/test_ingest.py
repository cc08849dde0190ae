"""Reading sources and preparing articles (no model)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph import Document, DocumentAccessError, DocumentError, DocumentNotFoundError, KGraphError
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
    for offset, text in p.segments:
        for line in text.split("\n"):
            if line.strip():
                start = offset + text.index(line)
                assert ARTICLE[start : start + len(line)] == line
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

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
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
