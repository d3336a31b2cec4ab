"""Embeddings of runs of consecutive sentences (the aligner's many-to-one links).

USE v3 sums per-token features before a small output head, so the embedding of
"sentence 3 + sentence 4" is the head applied to the two sentences' pooled states
(minus the inner BOS/EOS rows): no re-encoding of the joined text. Other encoders
encode the joined text (cached by text).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .encoder import DiskCachedEncoder, Encoder, FloatArray, UsemEncoder


def span_embeddings(
    encoder: Encoder, texts: Sequence[str], spans: Sequence[tuple[int, int]]
) -> FloatArray:
    """Embeddings of the concatenations ``texts[a:b]`` for each ``(a, b)`` in spans.

    Uses pooled states when the encoder offers them (USE v3), else encodes the joined
    text (cached by the encoder).
    """
    if not spans:
        return np.zeros((0, 512), dtype=np.float32)
    inner = encoder.inner if isinstance(encoder, DiskCachedEncoder) else encoder
    if isinstance(inner, UsemEncoder):
        st = (
            encoder.pooled(texts) if isinstance(encoder, DiskCachedEncoder) else inner.pooled(texts)
        )

        def prefix(x: FloatArray) -> np.ndarray:  # float64: differences of long prefix sums
            return np.vstack([np.zeros((1, x.shape[1])), np.cumsum(x, 0, dtype=np.float64)])

        csum, cbos, ceos = prefix(st.total), prefix(st.bos), prefix(st.eos)
        clen = np.concatenate([[0.0], np.cumsum(st.length)])
        a = np.array([s[0] for s in spans])
        b = np.array([s[1] for s in spans])
        # inner boundaries: drop BOS of every sentence but the first, EOS of all but the last
        total = (csum[b] - csum[a]) - (cbos[b] - cbos[a + 1]) - (ceos[b - 1] - ceos[a])
        length = (clen[b] - clen[a]) - 2 * (b - a - 1)
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=inner.threads, user_api="blas"):  # a few large products
            return inner.head(total.astype(np.float32), length.astype(np.float32))
    return encoder.encode([" ".join(texts[a:b]) for a, b in spans])


def window_embeddings(
    encoder: Encoder, texts: Sequence[str], sizes: Sequence[int]
) -> dict[int, FloatArray]:
    """Embeddings of every run of ``a`` consecutive texts, for each ``a`` in ``sizes``.

    The aligner's case of ``span_embeddings`` (all windows of each size), built from
    running sums of pooled states: ``S_a = S_(a-1) + next sentence`` minus the inner
    BOS/EOS rows. Each window adds at most ``max(sizes)`` float32 rows, so there are no
    long prefix sums to difference (which needed float64 and fancy indexing: 0.9 s of
    a 5k x 5k alignment), and single sentences reuse the encoder's vectors.
    """
    n = len(texts)
    sizes = [a for a in sizes if 1 <= a <= n]
    inner = encoder.inner if isinstance(encoder, DiskCachedEncoder) else encoder
    if not isinstance(inner, UsemEncoder):
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
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=inner.threads, user_api="blas"):
            every = inner.head(np.concatenate(rows), np.concatenate(lens))
        start = 0
        for a in (a for a in sizes if a > 1):
            out[a] = every[start : start + n - a + 1]
            start += n - a + 1
    return out
