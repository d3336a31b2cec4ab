"""``align.text.skeletons.within``: the banded, early-stopping answer to "are these two
skeletons at most ``cap`` edits apart", against the full Levenshtein table it replaces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from align.text.skeletons import _lev, skeletons_match, within

LETTERS = st.text(alphabet="abcdk", max_size=10)


@settings(max_examples=3000, derandomize=True)
@given(LETTERS, LETTERS, st.integers(min_value=0, max_value=4))
def test_within_agrees_with_the_full_table(a: str, b: str, cap: int) -> None:
    assert within(a, b, cap) == (_lev(a, b, cap) <= cap)


def test_within_on_names() -> None:
    assert within("mrzyyv", "mrzyv", 1)  # Mirziyoyev / Мирзиёев: one letter
    assert not within("mrzyyv", "tkyv", 2)
    assert within("", "", 0) and not within("", "ab", 1) and within("ab", "ba", 2)
    assert skeletons_match("kvn", "kvnv") and not skeletons_match("brn", "krl")
