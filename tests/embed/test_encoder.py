"""The encoder's caches: every sentence encoded once per run, but memory bounded."""

from __future__ import annotations

import numpy as np
import pytest

from align.embed import encoder as enc_module
from align.embed.encoder import Encoder, UsemEncoder


def test_caches_keep_the_newest_sentences_only(
    encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(enc_module, "CACHED_VECTORS", 4)
    monkeypatch.setattr(enc_module, "CACHED_POOLED", 4)
    texts = [f"Sentence number {n} about the weather in town." for n in range(10)]
    first = encoder.encode(texts)  # more than the cap in one call: all returned
    assert first.shape == (10, 512)
    assert isinstance(encoder, UsemEncoder)
    encoder.pooled(texts)
    assert len(encoder._cache) <= 4 and len(encoder._pooled_cache) <= 4
    again = encoder.encode(texts[-4:])  # the newest are still cached, and unchanged
    assert np.allclose(again, first[-4:], atol=1e-6)


def test_cosines_ask_once_and_match_the_pair_by_pair_cosine() -> None:
    from conftest import RecordingEncoder

    from align.embed.encoder import cosines
    from align.sentalign.moves import cosine

    pairs = [("a", "bb"), ("ccc", "a"), ("bb", "bb"), ("dddd", "a")]
    rec = RecordingEncoder()
    got = cosines(rec, pairs, also=["eeeee", "a"])  # type: ignore[arg-type]
    # one call, texts in order of first appearance, then the extra ones
    assert rec.calls == [["a", "bb", "ccc", "dddd", "eeeee"]]
    assert got.tolist() == [cosine(rec, a, b) for a, b in pairs]  # type: ignore[arg-type]
    assert cosines(rec, []).shape == (0,)  # type: ignore[arg-type]
    assert len(rec.calls) == 1 + len(pairs)  # nothing asked: no call
