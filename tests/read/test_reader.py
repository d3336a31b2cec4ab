"""Reader: encodings, paragraphs, HTML extraction and bad input (library level)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from align.errors import InputError, LanguageError, LimitError
from align.read.decode import decode_bytes
from align.read.document import LoadOptions, document_from_text, load_document, load_pair
from align.read.reader import ReadOptions, find_paragraphs, read_article

READER = Path(__file__).resolve().parents[1] / "data" / "reader"


@pytest.mark.parametrize(
    ("name", "encoding", "source"),
    [
        ("ru.cp1251.txt", "windows-1251", "ru.txt"),
        ("ru.koi8r.txt", "koi8-r", "ru.txt"),
        ("ar.cp1256.txt", "windows-1256", "ar.txt"),
        ("en.utf16.txt", "utf-16", "en.txt"),
        ("ar.utf16.txt", "utf-16", "ar.txt"),
        ("ru.txt", "utf-8", "ru.txt"),
    ],
)
def test_legacy_encodings_are_detected(name: str, encoding: str, source: str) -> None:
    article = read_article(READER / name, ReadOptions())
    assert article.meta.encoding == encoding
    expected = (READER / source).read_text(encoding="utf-8")
    if encoding in ("windows-1251", "koi8-r"):  # the fixtures replaced « » — for the codec
        expected = expected.replace("«", '"').replace("»", '"')
        if encoding == "koi8-r":
            expected = expected.replace("—", "-")
    assert article.text == expected


def test_koi8_and_cp1251_are_told_apart_on_short_text() -> None:
    text = "Привет, как дела у вас сегодня?"
    assert decode_bytes(text.encode("koi8_r"), "x")[1] == "koi8-r"
    assert decode_bytes(text.encode("cp1251"), "x")[1] == "windows-1251"
    assert decode_bytes("مرحبا كيف حالك اليوم؟".encode("cp1256"), "x")[1] == "windows-1256"


def test_utf8_bom_is_dropped_and_crlf_normalised() -> None:
    text, enc = decode_bytes("\ufeffOne.\r\nTwo.".encode(), "x")
    assert (text, enc) == ("One.\nTwo.", "utf-8")


def test_forced_encoding() -> None:
    path = READER / "ru.cp1251.txt"
    doc = load_document(path, LoadOptions(encoding="cp1251"))
    assert doc.meta.encoding == "cp1251" and doc.lang == "ru"


def test_paragraphs_headings_and_datelines() -> None:
    article = read_article(READER / "en.txt", ReadOptions())
    kinds = [p.kind for p in article.paragraphs]
    assert kinds[:2] == ["heading", "dateline"]
    texts = [article.text[p.start : p.end] for p in article.paragraphs]
    assert texts[0] == "Ministry announces new water plan"
    assert texts[1] == "DAMASCUS, March 3"


def test_hard_wrapped_lines_stay_one_paragraph() -> None:
    text = (
        "The ministry said on Monday that it would spend more money on pipes\n"
        "and pumps in the north of the country, where the drought has lasted\n"
        "three years.\n"
        "Short heading\n"
        "- item one\n"
        "- item two\n"
    )
    paragraphs = find_paragraphs(text)
    spans = [(text[p.start : p.end], p.kind) for p in paragraphs]
    assert spans[0][0].startswith("The ministry") and spans[0][0].endswith("three years.")
    assert spans[1] == ("Short heading", "heading")
    assert spans[2:] == [("- item one", "list_item"), ("- item two", "list_item")]


def test_presplit_keeps_lines_and_blank_line_paragraphs() -> None:
    doc = load_document(READER / "presplit.txt", LoadOptions(presplit=True, lang="en"))
    assert doc.texts == [
        "First sentence. Still the first line.",
        "Second line",
        "Third line after a blank line.",
    ]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]
    assert doc.meta.source_format == "presplit"


def test_html_news_page() -> None:
    doc = load_document(READER / "news.html")
    meta = doc.meta
    assert meta.source_format == "html"
    assert meta.title == "Water plan announced"
    assert meta.published == "2019-11-05T08:30:00+03:00"
    assert meta.byline == "Jane Roe"
    assert meta.attribution and meta.attribution.startswith("Translated from Arabic by John Doe")
    text = " ".join(doc.texts)
    assert doc.texts[0] == "Water plan announced" and doc.sentences[0].kind == "heading"
    assert "3.5 billion pounds" in text and "Engineers will start in the north." in text
    for junk in (
        "Share on",
        "World",
        "Related",
        "Celebrity",
        "Copyright",
        "tracking",
        "Subscribe",
        "Translated from",
    ):
        assert junk not in text, junk
    assert "Decades of delay" in doc.texts


def test_html_legacy_charset_and_russian_attribution() -> None:
    doc = load_document(READER / "ru.cp1251.html")
    assert doc.meta.encoding == "windows-1251" and doc.lang == "ru"
    assert doc.meta.attribution == "Перевод с арабского: редакция."
    assert all("Перевод" not in t for t in doc.texts)


def test_html_detected_by_content_from_text() -> None:
    html = (
        "<html><body><article><p>"
        + "A real paragraph of news text. " * 3
        + "</p></article></body></html>"
    )
    doc = document_from_text(html, LoadOptions(lang="en"))
    assert doc.meta.source_format == "html" and doc.texts[0].startswith("A real paragraph")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "file is empty"),
        ("whitespace.txt", "only whitespace"),
        ("image.png", "binary file (a PNG image)"),
        ("archive.gz", "binary file (gzip"),
        ("nul.txt", "NUL bytes"),
        ("undecodable.txt", "undecodable bytes"),
        ("noarticle.html", "no article text"),
        ("does-not-exist.txt", "no such file"),
    ],
)
def test_bad_input_raises_one_line_error_naming_the_file(name: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        load_document(READER / name)
    text = str(info.value)
    assert message in text and name in text and "\n" not in text


def test_directory_and_permission_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        load_document(tmp_path)
    locked = tmp_path / "locked.txt"
    locked.write_text("Some text here.", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # running as root: permissions are not enforced
            pytest.skip("running as root; cannot test an unreadable file")
        with pytest.raises(InputError, match="permission denied"):
            load_document(locked)
    finally:
        locked.chmod(0o644)


def test_max_chars_limit() -> None:
    with pytest.raises(LimitError, match="max-chars"):
        load_document(READER / "en.txt", LoadOptions(max_chars=50))


def test_numbers_only_is_undetectable_unless_overridden() -> None:
    with pytest.raises(LanguageError, match="numbers.txt"):
        load_document(READER / "numbers.txt")
    assert load_document(READER / "numbers.txt", LoadOptions(lang="en")).lang == "en"


def test_load_pair_refuses_same_language() -> None:
    with pytest.raises(LanguageError) as info:
        load_pair(READER / "en.txt", READER / "en.utf16.txt")
    assert "both sides are in en" in str(info.value)
    assert "en.txt" in str(info.value) and "en.utf16.txt" in str(info.value)
    orig, trans = load_pair(READER / "ar.txt", READER / "en.txt")
    assert (orig.lang, trans.lang) == ("ar", "en")


def test_page_notes_reach_every_human_report() -> None:
    # an appended disclaimer read from a page lands in ``attribution``, not in a sentence:
    # the text, Markdown and HTML reports name it under its side
    from align.report import render
    from align.types import Alignment, Link, Report, Signature

    page = load_document(READER / "news.html")
    orig = load_document(READER / "ar.txt")
    report = Report(Alignment(orig, page, (Link((0,), (0,), 0.9),), Signature("t", "e")), ())
    for fmt in ("text", "md", "html"):
        out = render(report, fmt)
        assert "attribution: Translated from Arabic by John Doe" in out, fmt
        assert "byline: Jane Roe" in out, fmt
