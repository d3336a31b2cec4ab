"""Choosing and writing an output: the format from --format or -o's extension, text options,
the --fail-on exit status, split's sentence output and atomic -o writes (align.report)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from report_fixture import make_report

from align.errors import AlignError, FormatError
from align.report import FAIL_STATUS, WRITERS, exit_status, render
from align.report.atomic import write_output
from align.report.formats import format_for
from align.report.write_sentences import render_sentences
from align.report.write_text import render_text
from align.types import ArticleMeta, Document, Sentence

LADDER = ["ladder", "tsv", "json", "html", "tmx", "md"]


@pytest.mark.parametrize(
    ("fmt", "output", "default", "allowed", "expected"),
    [
        ("json", Path("x.html"), "text", list(WRITERS), "json"),  # --format wins
        (None, Path("x.html"), "text", list(WRITERS), "html"),
        (None, Path("X.HTM"), "text", list(WRITERS), "html"),
        (None, "x.md", "text", list(WRITERS), "md"),
        (None, Path("x.txt"), "text", list(WRITERS), "text"),
        (None, Path("x.txt"), "ladder", LADDER, "ladder"),  # .txt: ladder where no text
        (None, Path("x.tmx"), "text", ["text", "json"], "text"),  # not allowed: default
        (None, Path("x.csv"), "text", list(WRITERS), "text"),
        (None, Path("-"), "ladder", LADDER, "ladder"),  # stdout
        (None, None, "text", list(WRITERS), "text"),
    ],
)
def test_format_for(
    fmt: str | None, output: Path | str | None, default: str, allowed: list[str], expected: str
) -> None:
    assert format_for(fmt, output, default, allowed) == expected


def test_render_verbose_and_colour_apply_to_text_only() -> None:
    report = make_report()
    assert render(report, "text", verbose=True) == render_text(report, verbose=True)
    assert "\x1b[" in render(report, "text", color=True)
    assert "\x1b[" not in render(report, "text")
    for fmt in ("json", "md", "tsv"):
        assert render(report, fmt, verbose=True, color=True) == render(report, fmt)
    with pytest.raises(FormatError, match="unknown report format 'pdf'"):
        render(report, "pdf")


def test_exit_status_on_the_worst_flag() -> None:
    report = make_report()  # flags: major, minor and info
    assert exit_status(report, None) == 0
    assert exit_status(report, "major") == exit_status(report, "minor") == FAIL_STATUS == 3
    minor_only = dataclasses.replace(
        report, flags=tuple(f for f in report.flags if f.severity != "major")
    )
    assert exit_status(minor_only, "major") == 0 and exit_status(minor_only, "minor") == 3
    assert exit_status(dataclasses.replace(report, flags=()), "minor") == 0


def _document() -> Document:
    meta = ArticleMeta(path="a.txt", encoding="utf-8")
    sentences = (
        Sentence(0, "First \x1b[31mred\x1b[0m.", 0, 20, 0, "en"),
        Sentence(1, "Second.", 21, 28, 1, "en"),
    )
    return Document(meta=meta, lang="en", sentences=sentences)


def test_render_sentences() -> None:
    doc = _document()
    text = render_sentences(doc, "text", "a.txt")
    assert len(text.splitlines()) == 2 and "\x1b" not in text  # escapes never reach a terminal
    data = json.loads(render_sentences(doc, "json", "given/path"))
    assert data["path"] == "given/path" and data["lang"] == "en" and data["encoding"] == "utf-8"
    assert data["sentences"][1] == dataclasses.asdict(doc.sentences[1])
    with pytest.raises(FormatError, match="unknown sentence format"):
        render_sentences(doc, "xml", "a.txt")


def test_write_output_names_the_file_it_cannot_write(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    assert write_output(target, "text\n") == target and target.read_text() == "text\n"
    blocked = tmp_path / "sub" / "out.txt" / "x.md"  # a folder on its path is a file
    with pytest.raises(AlignError, match="a folder on its path is a file") as info:
        write_output(blocked, "x")
    assert info.value.path == str(blocked)
    with pytest.raises(AlignError, match="cannot write output") as info:
        write_output(tmp_path, "x")  # a folder: the rename fails
    assert info.value.path == str(tmp_path)


def test_text_marks_flagged_words_with_brackets_no_article_uses() -> None:
    """« » are Russian and French quotation marks: as span markers they read as the
    article's own quotes: text output brackets the words with ⟦ ⟧."""
    from align.types import Span

    report = make_report()
    flag = next(f for f in report.flags if f.kind == "number_mismatch")
    j = flag.translation[-1]
    text = report.alignment.translation.sentences[j].text
    start = text.index("460,000")
    marked = dataclasses.replace(flag, spans=(Span("translation", j, start, start + 7),))
    report = dataclasses.replace(
        report, flags=tuple(marked if f is flag else f for f in report.flags)
    )
    plain = render_text(report)
    assert "\u27e6460,000\u27e7" in plain and "«460,000»" not in plain
    assert "\u27e6460,000\u27e7" in render_text(report, color=True)


def test_not_a_translation_says_it_was_not_compared_not_that_nothing_changed() -> None:
    report = make_report()
    assert report.summary is not None
    summary = dataclasses.replace(report.summary, verdict="not_a_translation")
    report = dataclasses.replace(report, flags=(), summary=summary)
    text = render_text(report)
    assert "not compared sentence by sentence" in text.splitlines()[0]
    assert "--not-translation-coverage 0" in text and "nothing omitted" not in text
    assert "not compared sentence by sentence" in render(report, "md")
