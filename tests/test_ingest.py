"""Reading sources and preparing articles (no model)."""

from __future__ import annotations

import json
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
