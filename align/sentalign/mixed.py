"""The second search's link gain in accuracy mode: USE v3's margins mixed with e5's.

``align.sentalign.rescore`` decides which links e5 looks at and runs the second search;
this is what a link earns there (why this mix: the module docstring of ``rescore``). A
side (``MixedSide``) is the first pass's span tables plus e5 span vectors where e5
encoded every sentence of the span; the gain (``MixedGain``) mixes the two encoders'
margins on links between encoded spans and keeps the first pass's gain exactly
elsewhere, so confident stretches score as they did when they were chosen.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from align.embed.e5 import span_embeddings
from align.sentalign.link_gain import LinkGain, SideSpans

#: e5 cosines are compressed: on NTREX ar-en/ru-en (60 documents) true pairs average
#: 0.883 (sd 0.023) and same-document non-pairs 0.786 (sd 0.030), a gap of 0.10 where
#: USE v3's is 0.52. e5's cosine is multiplied by this before it is mixed, so both
#: encoders move a link's margin on the same scale and the gain terms tuned on USE v3
#: (threshold, anchors, length) keep their meaning.
E5_SCALE = 5.0


class MixedSide(SideSpans):
    """A first-pass side plus e5 spans where encoded.

    ``e5[a]`` rows are zero, and ``e5_ok[a]`` False, for a span holding a sentence e5
    did not encode; ``e5_hub`` is e5's share of the hubness baseline of each span.
    """

    def __init__(
        self, plain: SideSpans, w: float, vecs: np.ndarray, weights: np.ndarray, enc: np.ndarray
    ) -> None:
        self.__dict__.update(plain.__dict__)  # the first pass's tables, unchanged
        self.w, self.e5_scale, self.enc = w, w * E5_SCALE, enc
        cum = np.concatenate([[0], np.cumsum(enc)])
        self.e5: dict[int, np.ndarray] = {}
        self.e5_ok: dict[int, np.ndarray] = {}
        self.e5_hub: dict[int, np.ndarray] = {}
        for a in plain.emb:
            ok = (cum[a:] - cum[:-a]) == a
            spans = span_embeddings(vecs, weights, a) if a > 1 else vecs
            self.e5[a] = np.where(ok[:, None], spans, 0.0).astype(np.float32)
            self.e5_ok[a] = ok

    def _both(self, a: int, rows: np.ndarray | slice) -> np.ndarray:
        """Rows whose dot product is ``(1 - w) * cos_usem + w * E5_SCALE * cos_e5``."""
        usem = self.emb[a][rows] * math.sqrt(1 - self.w)
        return np.hstack([usem, self.e5[a][rows] * math.sqrt(self.e5_scale)])

    def e5_margins(self, other: MixedSide, k: int, sample: int) -> None:
        """e5's share of the hubness baseline of each encoded span.

        As when e5 encoded everything: the mean of the span's k best cosines, on both
        encoders combined, with the other side's encoded sentences, less its USE v3
        share, so a link between encoded spans earns what it did then.
        """
        base = other._both(1, slice(None))[other.enc]
        if len(base) > sample:
            base = base[np.linspace(0, len(base) - 1, sample).astype(np.int64)]
        kk = min(k, len(base))
        for a, emb in self.e5.items():
            hub = np.zeros(len(emb))
            rows = np.flatnonzero(self.e5_ok[a])
            if kk and len(rows):
                sims = self._both(a, rows) @ base.T
                top = np.partition(sims, -kk, axis=1)[:, -kk:].mean(axis=1)
                hub[rows] = (top - (1 - self.w) * self.hub[a][rows]) / self.e5_scale
            self.e5_hub[a] = hub


class MixedGain(LinkGain):
    """``LinkGain`` on ``MixedSide``s: the first pass's gain, with e5 where it encoded.

    A link between encoded spans trades ``w`` of its USE v3 margin for e5's (the
    combined margin of ``rescore``'s docstring); any other link keeps the first pass's
    gain exactly, so a confident stretch scores as it did when it was chosen. (Giving
    unencoded links a zero e5 margin instead halves their similarity against the
    anchor and length terms: on the clean 1,000-sentence NTREX pair that merged two
    pairs of confident 1-1 links into 2-2 links.)
    """

    rows: Any
    cols: Any

    def __call__(self, a: int, b: int) -> np.ndarray:
        gain = super().__call__(a, b)
        rows, cols = self.rows, self.cols
        if a not in rows.e5 or b not in cols.e5:
            return gain
        ii = np.clip(np.arange(rows.n + 1) - a, 0, len(rows.e5[a]) - 1)[:, None]
        lo = self.band.lo[:, None] + np.arange(self.width)[None, :]
        jj = np.clip(lo - b, 0, len(cols.e5[b]) - 1)
        ok = rows.e5_ok[a][ii] & cols.e5_ok[b][jj]
        if not ok.any():
            return gain
        usem = self._banded(rows.emb[a], cols.emb[b], a, b)
        usem -= 0.5 * (rows.hub[a][ii] + cols.hub[b][jj])
        e5 = self._banded(rows.e5[a], cols.e5[b], a, b)
        e5 -= 0.5 * (rows.e5_hub[a][ii] + cols.e5_hub[b][jj])
        return gain + np.where(ok, rows.e5_scale * e5 - rows.w * usem, 0.0)
