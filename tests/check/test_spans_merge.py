"""Merge and split links (2->1, 1->2) get the word-level search on their side of several
sentences whatever the pair's length ratio (issue #14: edits at a join)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from align.check.context import FlagOptions
from align.check.word_flags import _gate
from align.synthetic.generate import document_from_lines
from align.types import Link


def _ctx(ol: str = "ru", tl: str = "en") -> Any:
    """The three things ``_gate`` reads of a ``FlagContext`` (no sentences beside the link)."""
    al = SimpleNamespace(
        original=document_from_lines([], ol), translation=document_from_lines([], tl)
    )
    return SimpleNamespace(options=FlagOptions(), alignment=al, ratio_median=1.0)


ORIG = "Министр прибыл в Москву утром."
TRANS = "The minister arrived in Moscow in the morning."


def test_a_one_to_one_link_of_usual_length_is_not_searched() -> None:
    assert _gate(_ctx(), Link((0,), (0,), 0.9), ORIG, TRANS[: len(ORIG)]) is None


def test_a_merge_searches_its_original_side_and_a_split_its_translation_side() -> None:
    text = ORIG + " " + ORIG
    same = text[: len(text)]
    merged = _gate(_ctx(), Link((0, 1), (0,), 0.9), text, same)
    assert merged is not None and merged[1:] == (True, False)
    split = _gate(_ctx(), Link((0,), (0, 1), 0.9), text, same)
    assert split is not None and split[1:] == (False, True)


def test_a_lost_qualifier_opens_the_gate_a_rendered_one_does_not() -> None:
    orig = "Министр отметил историческое значение визита в Москву."
    lost = "The minister noted the meaning of his visit to Moscow city."
    kept = "The minister noted the historic meaning of a Moscow visit."  # same length
    assert _gate(_ctx(), Link((0,), (0,), 0.9), orig, lost) is not None
    assert _gate(_ctx(), Link((0,), (0,), 0.9), orig, kept) is None


def test_a_lost_agency_credit_opens_the_gate() -> None:
    orig = "Как отмечает РИА Новости, министр напомнил о переговорах в Москве."
    lost = "As the minister recalled, the talks in Moscow went on for a day."
    kept = "The minister recalled the talks in Moscow, RIA Novosti reported."
    assert _gate(_ctx(), Link((0,), (0,), 0.9), orig, lost) is not None
    assert _gate(_ctx(), Link((0,), (0,), 0.9), orig, kept) is None
