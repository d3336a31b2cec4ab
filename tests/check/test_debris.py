"""A sentence with no letter or digit is page debris: never a major omission or addition.

Found on a faithful control of the real dev set: the English copy ended in a stray "." that
the segmenter kept as a sentence, and ``check`` called it a major addition.
"""

from __future__ import annotations

import pytest

from align.check.context import FlagOptions
from align.check.flags import check_alignment
from align.embed.encoder import Encoder
from align.synthetic.generate import document_from_lines
from align.text.shape import has_words
from align.types import Alignment, Link, Signature

ORIGINAL = [
    "Министр заявил, что Вашингтон может прибегнуть к помощи флота на Ближнем Востоке.",
    "Об этом сообщили в субботу.",
]
TRANSLATION = [
    "The minister said Washington could resort to its navy in the Middle East.",
    "This was reported on Saturday.",
]


@pytest.mark.parametrize("debris", [".", "* * *", "—", "🙂"])
def test_an_added_wordless_line_is_info(debris: str, encoder: Encoder) -> None:
    al = Alignment(
        document_from_lines(ORIGINAL, "ru"),
        document_from_lines([*TRANSLATION, debris], "en"),
        (Link((0,), (0,), 0.9), Link((1,), (1,), 0.9), Link((), (2,), 0.0)),
        Signature("test", "usem3"),
    )
    flags = [f for f in check_alignment(al, FlagOptions(), encoder=encoder).flags]
    added = [f for f in flags if f.translation == (2,)]
    assert [(f.kind, f.severity, f.subkind) for f in added] == [("addition", "info", "boilerplate")]


def test_an_omitted_wordless_line_is_info(encoder: Encoder) -> None:
    al = Alignment(
        document_from_lines([*ORIGINAL, "***"], "ru"),
        document_from_lines(TRANSLATION, "en"),
        (Link((0,), (0,), 0.9), Link((1,), (1,), 0.9), Link((2,), (), 0.0)),
        Signature("test", "usem3"),
    )
    flags = check_alignment(al, FlagOptions(), encoder=encoder).flags
    assert [(f.kind, f.severity) for f in flags if f.original == (2,)] == [("omission", "info")]


def test_words_in_any_script_count() -> None:
    assert all(has_words(t) for t in ("a", "Б", "ب", "7", "٣", "中"))
    assert not any(has_words(t) for t in (".", "…", "* * *", "«»", "🙂", ""))


def test_wordless_lines_on_both_sides_are_not_a_move_nor_lost_coverage(
    encoder: Encoder,
) -> None:
    # a first-use audit: "- _-" / "* * *" in the original and "•" / "----" in the
    # translation were paired as a reordered passage, and lowered the coverage the
    # verdict reads from 79 % to 65 %
    al = Alignment(
        document_from_lines([ORIGINAL[0], "- _-", "* * *", ORIGINAL[1]], "ru"),
        document_from_lines(["•", "----", *TRANSLATION], "en"),
        (
            Link((), (0, 1), 0.0),
            Link((0,), (2,), 0.9),
            Link((1, 2), (), 0.0),
            Link((3,), (3,), 0.9),
        ),
        Signature("test", "usem3"),
    )
    report = check_alignment(al, FlagOptions(), encoder=encoder)
    assert all(f.kind != "reorder" for f in report.flags)
    assert all(f.severity == "info" for f in report.flags if not (f.original and f.translation))
    assert report.summary is not None and report.summary.coverage_sentences == 1.0
    assert report.summary.verdict == "faithful"
