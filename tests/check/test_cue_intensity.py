"""The ``intensifier`` cue (``lexicon_cues``, read by ``meaning._cue_flags``): an
intensifier dropped from or added to a linked pair.

No encoder: the rule reads word classes over each link's joined texts."""

from __future__ import annotations

import functools

import numpy as np
import pytest

from align.check.cue_rules import LinkWords, cue_flags
from align.check.lexicon import concept_class, concept_hits
from align.check.lexicon_cues import CUE_CLASSES
from align.check.word_flags import spans_in
from align.sentalign.words import WordLinks, side_words
from align.types import INSERTION, PARTIAL_OMISSION, Flag, Link


def _run(
    orig: str, ol: str, trans: str, tl: str = "en", existing: list[Flag] | None = None
) -> list[Flag]:
    """The one-sided cue flags (``meaning._cue_flags``) of a one-link pair with no matched
    words (the cue rules do not read the share of matched words)."""
    ow, _ = side_words([orig], (0,))
    tw, _ = side_words([trans], (0,))
    wl = WordLinks(
        tuple(ow),
        tuple(tw),
        (),
        np.zeros((len(ow), len(tw)), dtype=np.float32),
        None,
        None,
        orig,
        trans,
    )
    view = LinkWords(
        Link((0,), (0,), 0.9),
        wl,
        orig,
        ol,
        trans,
        tl,
        functools.partial(spans_in, "original", (0,), [orig]),
        functools.partial(spans_in, "translation", (0,), [trans]),
    )
    flags = cue_flags(view, _hits(orig, ol), _hits(trans, tl), existing or [])
    return [f for f in flags if f.detail.startswith(("Words added (", "Partly omitted ("))]


def _hits(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    return {c: s for c, s in concept_hits(text, lang).items() if concept_class(c) in CUE_CLASSES}


def _words(f: Flag, orig: str, trans: str) -> list[str]:
    return [(orig if s.side == "original" else trans)[s.start : s.end] for s in f.spans]


@pytest.mark.parametrize(
    ("orig", "ol", "trans", "word"),
    [
        ("أدان الوزير الهجوم بشدة.", "ar", "The minister condemned the attack.", "بشدة"),
        (
            "واعتبر الجانبان ذلك انتهاكاً صارخاً للقانون الدولي.",
            "ar",
            "The two sides called it a violation of international law.",
            "صارخاً",
        ),
        (
            "Министр решительно осудил нападение.",
            "ru",
            "The minister condemned the attack.",
            "решительно",
        ),
    ],
)
def test_a_dropped_intensifier_is_a_partial_omission_on_its_word(
    orig: str, ol: str, trans: str, word: str
) -> None:
    (f,) = _run(orig, ol, trans)
    assert (f.kind, f.subkind, f.severity) == (PARTIAL_OMISSION, "hedge", "minor")
    assert _words(f, orig, trans) == [word]


def test_an_added_intensifier_is_an_insertion_on_its_word() -> None:
    orig, trans = (
        "وأكد دعم بلاده لمواقف الأردن.",
        "He affirmed his country's steadfast support for Jordan.",
    )
    (f,) = _run(orig, "ar", trans)
    assert (f.kind, f.subkind) == (INSERTION, "framing")
    assert _words(f, orig, trans) == ["steadfast"]


@pytest.mark.parametrize(
    ("orig", "ol", "trans"),
    [
        ("أدان الوزير الهجوم بشدة.", "ar", "The minister strongly condemned the attack."),
        (
            "أدان الوزير الهجوم بشدة.",
            "ar",
            "The minister condemned the attack in the harshest terms.",
        ),
        ("Министр решительно осудил нападение.", "ru", "The minister firmly condemned it."),
        ("وأكد دعمه الكامل للأردن.", "ar", "He affirmed his steadfast support for Jordan."),
        ("وأعرب عن خالص شكره.", "ar", "He expressed his utmost appreciation."),
        # "شديد" inside another word is not the intensifier
        ("تشديد الإجراءات.", "ar", "Measures were tightened."),
    ],
)
def test_no_flag_when_rendered(orig: str, ol: str, trans: str) -> None:
    assert _run(orig, ol, trans) == []


def test_unknown_language_and_bad_input_do_not_crash() -> None:
    assert _run("Er verurteilte den Angriff scharf.", "de", "He condemned the attack.") == []
    for orig in ("", "...", "بشدة" * 300, "(بشدة"):
        for f in _run(orig, "ar", "x"):
            assert all(0 <= s.start < s.end <= len(orig) for s in f.spans)
