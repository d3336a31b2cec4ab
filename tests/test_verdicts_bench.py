"""bench/verdicts.py's pairs and figures, on hand-made lines: no encoder, no data."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import verdicts  # noqa: E402


def test_same_story_pairs_share_no_sentence_and_partial_ones_keep_the_top() -> None:
    orig = [f"o{i}" for i in range(9)]
    trans = [f"t{i}" for i in range(9)]
    other = [f"x{i}" for i in range(9)]
    pairs = verdicts.variants(orig, trans, other)
    o, t = pairs["same_story"]
    assert o == orig[:4] and t == trans[4:]  # no English line renders an original line
    o, t = pairs["partial"]
    assert o == orig and t == [*trans[:3], *other[:6]]


def test_quantiles_are_nearest_rank_and_survive_no_values() -> None:
    assert verdicts.quantiles([0.1 * k for k in range(21)]) == [0.1, 0.5, 1.0, 1.5, 1.9]
    assert verdicts.quantiles([]) == [0.0] * 5
