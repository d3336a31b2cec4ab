"""The sampled skip cost: the document's own threshold, seeded, named in the signature."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from align.embed.encoder import Encoder
from align.errors import AlignError
from align.sentalign.aligner import align_texts, signature
from align.sentalign.link_gain import SideSpans, hubness, sampled_threshold
from align.sentalign.options import CHECK_OPTIONS, AlignOptions

DATA = Path(__file__).parents[1] / "data" / "align"
SAMPLED = AlignOptions(skip_cost="sampled", skip_percentile=0.9)


def _side(vecs: np.ndarray) -> SideSpans:
    side = SideSpans(None, ["x."] * len(vecs), 1, np.zeros((len(vecs), 1), np.int32), {1: vecs})
    return side


def _pair(n: int, seed: int = 0) -> tuple[SideSpans, SideSpans]:
    rng = np.random.default_rng(seed)
    vecs = rng.normal(size=(2 * n, 32)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    orig, trans = _side(vecs[:n]), _side(vecs[n:])
    hubness(orig, trans, 4, 512)
    hubness(trans, orig, 4, 512)
    return orig, trans


def test_sampled_threshold_is_a_quantile_of_off_diagonal_margins() -> None:
    orig, trans = _pair(200)
    low = sampled_threshold(orig, trans, replace(SAMPLED, skip_percentile=0.5))
    high = sampled_threshold(orig, trans, SAMPLED)
    assert low < high < 0  # random vectors: margins below the hubness baseline
    shifted = sampled_threshold(orig, trans, replace(SAMPLED, skip_offset=0.05))
    assert shifted == pytest.approx(high + 0.05)
    assert sampled_threshold(orig, trans, SAMPLED) == high  # seeded: the same every time


def test_too_few_off_diagonal_pairs_keep_the_constant() -> None:
    orig, trans = _pair(3)
    assert sampled_threshold(orig, trans, SAMPLED) == SAMPLED.threshold
    assert sampled_threshold(*_pair(200), AlignOptions()) == AlignOptions().threshold


def test_unknown_skip_cost_is_refused() -> None:
    with pytest.raises(AlignError, match="skip_cost"):
        sampled_threshold(*_pair(10), AlignOptions(skip_cost="median"))


def test_sampled_alignment_is_deterministic_and_named(encoder: Encoder) -> None:
    orig = (DATA / "ntrex.ar.txt").read_text(encoding="utf-8").splitlines()
    trans = (DATA / "ntrex.en.txt").read_text(encoding="utf-8").splitlines()
    first = align_texts(orig, trans, SAMPLED, encoder)
    assert align_texts(orig, trans, SAMPLED, encoder) == first
    settings = dict(signature(SAMPLED, "usem3").settings)
    assert (settings["skip_cost"], settings["skip_percentile"]) == ("sampled", "0.9")
    assert CHECK_OPTIONS.skip_cost == "constant"  # check's settings stay as measured
