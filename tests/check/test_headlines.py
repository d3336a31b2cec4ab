"""Is this a headline? The reader's ``Sentence.kind`` first, the text only when it is body.

Through ``check_alignment``: an unlinked first translation line is a headline the original
lacks (``boilerplate``, info) or added content (major); a name in a headline is not checked.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, cast

import pytest
from click.testing import CliRunner

import cli
from align.check.context import FlagOptions
from align.check.flags import check_alignment
from align.embed.encoder import Encoder
from align.synthetic.generate import document_from_lines
from align.text.shape import is_headline, untitled_heading
from align.types import Alignment, Document, Link, Signature

ORIGINAL = [
    "Министр внутренних дел США Райан Зинке заявил, что Вашингтон может прибегнуть к "
    "помощи флота на Ближнем Востоке.",
    "Об этом сообщили в субботу.",
]
TRANSLATION = [
    "US Interior Secretary Ryan Zinke said Washington could resort to its navy in the Middle East.",
    "This was reported on Saturday.",
]
LONG_TITLE = (
    "Washington may call on its navy in the Middle East, the US Interior Secretary said "
    "on Saturday."
)  # over 90 characters and a full stop: the text alone says body


def with_kind(doc: Document, i: int, kind: str) -> Document:
    """``doc`` with sentence ``i`` of the reader's ``kind``."""
    sents = tuple(dataclasses.replace(s, kind=kind) if s.index == i else s for s in doc.sentences)
    return dataclasses.replace(doc, sentences=sents)


def added_first_line(first: str, kind: str, encoder: Encoder) -> str | None:
    """The subkind of the addition flag on an unlinked first translation line of ``kind``."""
    trans = with_kind(document_from_lines([first, *TRANSLATION], "en"), 0, kind)
    al = Alignment(
        document_from_lines(ORIGINAL, "ru"),
        trans,
        (Link((), (0,), 0.0), Link((0,), (1,), 0.9), Link((1,), (2,), 0.9)),
        Signature("test", "usem3"),
    )
    report = check_alignment(al, FlagOptions(), encoder=encoder)
    return next(f.subkind for f in report.flags if f.kind == "addition" and f.translation == (0,))


@pytest.mark.parametrize(
    ("first", "kind", "subkind"),
    [
        (LONG_TITLE, "heading", "boilerplate"),  # the reader saw a heading: the text is moot
        (LONG_TITLE, "body", "content"),
        ("Washington weighs navy role in Middle East", "body", "boilerplate"),  # looks like one
        ("Washington weighs navy role in Middle East", "list_item", "content"),
    ],
)
def test_an_added_first_line_is_a_headline_by_its_kind_first(
    first: str, kind: str, subkind: str, encoder: Encoder
) -> None:
    assert added_first_line(first, kind, encoder) == subkind


@pytest.mark.parametrize(("kind", "flagged"), [("heading", False), ("body", True)])
def test_a_name_in_a_heading_is_not_checked(kind: str, flagged: bool, encoder: Encoder) -> None:
    trans = [TRANSLATION[0].replace("Zinke", "Whitfield"), TRANSLATION[1]]
    al = Alignment(
        document_from_lines(ORIGINAL, "ru"),
        with_kind(document_from_lines(trans, "en"), 0, kind),
        (Link((0,), (0,), 0.9), Link((1,), (1,), 0.9)),
        Signature("test", "usem3"),
    )
    report = check_alignment(al, FlagOptions(name_score=-5), encoder=encoder)
    assert any(f.kind == "name_mismatch" for f in report.flags) == flagged


def test_the_text_rule_uses_the_one_terminal_punctuation_test() -> None:
    assert untitled_heading("Syria orders foreign troops out")
    assert not untitled_heading('He said: "They must withdraw."')  # a stop inside the quote
    assert not untitled_heading("Что будет дальше?")
    assert not untitled_heading("ماذا بعد؟")  # Arabic question mark
    assert not untitled_heading("And then…")
    assert is_headline("Indonesia Tsunami Toll Soars Above Eight Hundred", title_share=0.6)
    assert not is_headline("Indonesia Tsunami Toll Soars Above Eight Hundred.", title_share=0.6)
    assert is_headline("Indonesia Tsunami Toll Soars.", "heading", title_share=0.6)


def _checked_flags(tmp_path: Path, orig: str, trans: str) -> list[dict[str, Any]]:
    """``provalign check`` on two texts written to files: the JSON report's flags."""
    (tmp_path / "o.txt").write_text(orig, encoding="utf-8")
    (tmp_path / "t.txt").write_text(trans, encoding="utf-8")
    out = tmp_path / "r.json"
    args = ["check", str(tmp_path / "o.txt"), str(tmp_path / "t.txt"), "-o", str(out)]
    assert CliRunner().invoke(cli.cli, args).exit_code == 0
    return cast(list[dict[str, Any]], json.loads(out.read_text(encoding="utf-8"))["flags"])


def test_a_long_first_line_of_its_own_is_a_headline(tmp_path: Path) -> None:
    # a sixth user's run: a 133-character headline (over the reader's 120 for a heading)
    # the original lacks was a major addition and made the verdict HEAVILY EDITED
    flags = _checked_flags(
        tmp_path,
        "Президент провел совещание с руководством правительства.\n\n"
        "Тема разговора – международные встречи и переговоры.\n",
        "President holds meeting on international agenda, functioning of the economy, "
        "development of cooperation in different parts of the world\n\n"
        "The President held a meeting with the leadership of the government.\n\n"
        "The topic of the conversation was international meetings and negotiations.\n",
    )
    head = [f for f in flags if f["translation"] == [0]]
    assert [(f["kind"], f["severity"]) for f in head] == [("addition", "info")]


def test_a_deck_under_the_headline_is_a_minor_addition(tmp_path: Path) -> None:
    # a seventh user's faithful UNICEF release: the English deck under the headline (it
    # restates a body sentence) was a major addition and made the verdict EDITED; an
    # original line holding only a download link was "a heading of the original"
    flags = _checked_flags(
        tmp_path,
        "Президент провел совещание с руководством правительства.\n\n"
        "Тема разговора – международные встречи и переговоры.\n\n"
        "Материалы можно скачать на сайте: http://example.org/media\n",
        "President meets government\n\n"
        "The talks covered international meetings and negotiations\n\n"
        "The President held a meeting with the leadership of the government.\n\n"
        "The topic of the conversation was international meetings and negotiations.\n",
    )
    deck = [f for f in flags if f["translation"] == [1]]
    assert [(f["kind"], f["severity"]) for f in deck] == [("addition", "minor")]
    assert deck[0]["detail"].startswith("Added deck")
    link = [f for f in flags if f["original"] == [2]]
    assert [(f["kind"], f["severity"]) for f in link] == [("boilerplate", "info")]
    assert "http://example.org/media" in link[0]["detail"]


def test_a_photo_caption_with_its_credit_is_boilerplate(tmp_path: Path) -> None:
    # a ninth user's faithful ILO release: the English caption, ending in its credit, was
    # a major addition ("EDITED: 1 major change")
    flags = _checked_flags(
        tmp_path,
        "Президент провел совещание с руководством правительства.\n\n"
        "Тема разговора – международные встречи и переговоры.\n",
        "The President held a meeting with the leadership of the government.\n\n"
        "The regional director speaks at the site of a rehabilitated water reservoir.©ILO\n\n"
        "The topic of the conversation was international meetings and negotiations.\n",
    )
    caption = [f for f in flags if f["translation"] == [1]]
    assert [(f["kind"], f["severity"]) for f in caption] == [("addition", "info")]
