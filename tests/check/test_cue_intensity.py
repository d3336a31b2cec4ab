"""The ``intensifier`` cue (``lexicon_cues``, read by ``cue_rules.cue_flags``): an
intensifier dropped from or added to a linked pair.

No encoder: the rule reads word classes over each link's joined texts."""

from __future__ import annotations

import pytest
from conftest import flag_words, one_sided_cue_flags

from align.types import INSERTION, PARTIAL_OMISSION


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
    (f,) = one_sided_cue_flags(orig, ol, trans)
    assert (f.kind, f.subkind, f.severity) == (PARTIAL_OMISSION, "hedge", "minor")
    assert flag_words(f, orig, trans) == [word]


def test_an_added_intensifier_is_an_insertion_on_its_word() -> None:
    orig, trans = (
        "وأكد دعم بلاده لمواقف الأردن.",
        "He affirmed his country's steadfast support for Jordan.",
    )
    (f,) = one_sided_cue_flags(orig, "ar", trans)
    assert (f.kind, f.subkind) == (INSERTION, "framing")
    assert flag_words(f, orig, trans) == ["steadfast"]


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
        # bench/flags.py half 0, a faithful NTREX pair: بشدة rendered "forcefully"
        ("نفى الادعاء بشدة وبانفعال.", "ar", "He forcefully and emotionally denied the claim."),
        # "شديد" inside another word is not the intensifier
        ("تشديد الإجراءات.", "ar", "Measures were tightened."),
    ],
)
def test_no_flag_when_rendered(orig: str, ol: str, trans: str) -> None:
    assert one_sided_cue_flags(orig, ol, trans) == []


def test_unknown_language_and_bad_input_do_not_crash() -> None:
    assert (
        one_sided_cue_flags("Er verurteilte den Angriff scharf.", "de", "He condemned the attack.")
        == []
    )
    for orig in ("", "...", "بشدة" * 300, "(بشدة"):
        for f in one_sided_cue_flags(orig, "ar", "x"):
            assert all(0 <= s.start < s.end <= len(orig) for s in f.spans)
