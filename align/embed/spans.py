"""Embeddings of runs of consecutive sentences (the aligner's many-to-one links).

USE v3 sums per-token features before a small output head, so the embedding of
"sentence 3 + sentence 4" is the head applied to the two sentences' pooled states
(minus the inner BOS/EOS rows): no re-encoding of the joined text. Other encoders
encode the joined text (cached by text).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from align.embed.encoder import (
    DiskCachedEncoder,
    Encoder,
    FloatArray,
    blas_threads,
    first_pass,
    usem_of,
)


def window_embeddings(
    encoder: Encoder, texts: Sequence[str], sizes: Sequence[int]
) -> dict[int, FloatArray]:
    """Embeddings of every run of ``a`` consecutive texts, for each ``a`` in ``sizes``.

    Built from running sums of pooled states: ``S_a = S_(a-1) + next sentence`` minus
    the inner BOS/EOS rows. Each window adds at most ``max(sizes)`` float32 rows, so
    there are no long prefix sums to difference (which needed float64 and fancy
    indexing: 0.9 s of a 5k x 5k alignment), and single sentences reuse the encoder's
    vectors.
    """
    n = len(texts)
    sizes = [a for a in sizes if 1 <= a <= n]
    encoder = first_pass(encoder)  # accuracy mode: its USE v3 (a disk cache kept for pooled)
    inner = usem_of(encoder)
    if inner is None:
        return {
            a: encoder.encode([" ".join(texts[s : s + a]) for s in range(n - a + 1)]) for a in sizes
        }
    st = encoder.pooled(texts) if isinstance(encoder, DiskCachedEncoder) else inner.pooled(texts)
    out: dict[int, FloatArray] = {}
    if 1 in sizes:
        out[1] = encoder.encode(list(texts))
    body = st.total - st.bos  # a sentence inside a window loses its BOS row ...
    run, length = st.total, st.length
    rows: list[FloatArray] = []
    lens: list[FloatArray] = []
    for a in range(2, max(sizes, default=1) + 1):
        # ... and the sentence before it its EOS row
        run = run[: n - a + 1] + body[a - 1 :] - st.eos[a - 2 : n - 1]
        length = length[: n - a + 1] + st.length[a - 1 :] - 2
        if a in sizes:
            rows.append(run)
            lens.append(length)
    if rows:
        with blas_threads(inner.threads):
            every = inner.head(np.concatenate(rows), np.concatenate(lens))
        start = 0
        for a in (a for a in sizes if a > 1):
            out[a] = every[start : start + n - a + 1]
            start += n - a + 1
    return out
