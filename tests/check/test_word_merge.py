"""How word-level flags join the sentence-level ones (``said_by.merge_word_flags``)."""

from __future__ import annotations

from align.check.said_by import merge_word_flags
from align.types import PARTIAL_OMISSION, Flag, Span

SENTENCE = Flag(
    PARTIAL_OMISSION,
    "major",
    (3,),
    (2,),
    "Partly omitted: a clause",
    {},
    None,
    (Span("original", 3, 40, 80),),
)


def _word(subkind: str, a: int, b: int) -> Flag:
    return Flag(
        PARTIAL_OMISSION,
        "minor",
        (3,),
        (2,),
        f"dropped {subkind}",
        {},
        subkind,
        (Span("original", 3, a, b),),
    )


def test_a_word_cut_lends_its_spans_to_the_sentence_flag() -> None:
    out = merge_word_flags([SENTENCE], [_word("clause", 50, 70)])
    assert len(out) == 1
    assert out[0].spans == (Span("original", 3, 40, 80), Span("original", 3, 50, 70))


def test_a_dropped_cue_stays_its_own_flag() -> None:
    """A dropped intensifier is not the clause the sentence flag quotes: merged, its span
    stood under the clause's detail and its own detail and subkind were lost."""
    cue = _word("hedge", 5, 9)
    out = merge_word_flags([SENTENCE], [cue])
    assert out == [SENTENCE, cue]
