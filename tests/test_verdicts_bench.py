"""bench/verdicts.py's pairs and figures, on hand-made lines: no encoder, no data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

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


def test_real_pairs_default_to_the_seen_split(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for pair in ("sisi_putin_dec23_reuters", "belarus_hkfire25_president", "van11_dni_ap"):
        (tmp_path / "story" / pair).mkdir(parents=True)
        (tmp_path / "story" / pair / "orig.txt").write_text("x\n")
        if pair != "van11_dni_ap":  # a side the rebuild did not find: the pair is left out
            (tmp_path / "story" / pair / "trans.txt").write_text("y\n")
    monkeypatch.setenv("PROVALIGN_REALDEV", str(tmp_path))
    splits = {r["id"]: r["split"] for r in verdicts.real_pairs()}
    assert splits == {"sisi_putin_dec23_reuters": "seen", "belarus_hkfire25_president": "held2"}


def test_real_right_counts_per_split_and_expected_verdict() -> None:
    no, yes = verdicts.NOT, "translation"
    real = [
        {"split": "seen", "expected": no, "verdict": no},
        {"split": "seen", "expected": no, "verdict": "edited"},
        {"split": "seen", "expected": yes, "verdict": "faithful"},
        {"split": "held2", "expected": yes, "verdict": no},
        {"split": "held2", "expected": no, "verdict": no},
    ]
    assert verdicts.real_right(real) == {
        "held2": {no: "1/1", yes: "0/1"},
        "seen": {no: "1/2", yes: "1/1"},
    }
