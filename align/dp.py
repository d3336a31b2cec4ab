"""Monotone dynamic programming over a band, vectorised row by row.

The search maximises the summed gain of links that cover every sentence of both
sides exactly once, in order. A link type ``(a, b)`` joins ``a`` original and ``b``
translation sentences; ``(1, 0)`` and ``(0, 1)`` are omissions and additions.

Why row-wise numpy and not a Python double loop: a 5,000 x 5,000 banded search has
~10^6 cells and eight link types, far too slow cell by cell in Python. Every link
type with ``a >= 1`` reads only earlier rows, so a whole row is one vector operation
per type. The only in-row dependency is the ``(0, 1)`` addition chain, a running
maximum: ``D[i, j] = S[j] + max_{k <= j} (C[k] - S[k])`` with ``S`` the cumulative
addition gain, which ``np.maximum.accumulate`` computes in one call.

The band is a window ``[lo[i], hi[i]]`` of translation positions per original
position ``i`` (both are boundary positions, 0..n and 0..m). A full search is the
band ``[0, m]`` for every row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

NEG = -1e18

# gain(a, b, i, js) -> gains of the link joining original [i-a, i) with translation
# [j-b, j) for every j in js (a >= 1).
GainFn = Callable[[int, int, int, np.ndarray], np.ndarray]


@dataclass(frozen=True, slots=True)
class Band:
    """Allowed translation boundary positions ``lo[i]..hi[i]`` for each row ``i``."""

    lo: np.ndarray
    hi: np.ndarray

    @staticmethod
    def full(n: int, m: int) -> Band:
        """The whole n x m grid."""
        return Band(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))


def search(
    n: int,
    m: int,
    types: Sequence[tuple[int, int]],
    gain: GainFn,
    skip_original: np.ndarray,
    skip_translation: np.ndarray,
    band: Band,
) -> list[tuple[int, int, int, int]]:
    """Best monotone path; returns links as ``(i0, i1, j0, j1)`` half-open spans.

    ``skip_original[i]`` is the gain of leaving original sentence ``i`` unlinked,
    ``skip_translation[j]`` that of translation sentence ``j``.
    """
    lo, hi = band.lo, band.hi
    rows: list[np.ndarray] = []
    back: list[np.ndarray] = []  # index into the type list; -1 = (0, 1) chain
    link_types = [t for t in types if t[0] >= 1]
    cum_skip_t = np.concatenate([[0.0], np.cumsum(skip_translation)])
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i] + 1)
        best = np.full(len(js), NEG)
        arg = np.full(len(js), -2, dtype=np.int8)
        if i == 0:
            best[js == 0] = 0.0
        for t, (a, b) in enumerate(link_types):
            if i - a < 0:
                continue
            prev, plo = rows[i - a], lo[i - a]
            idx = js - b - plo
            ok = (idx >= 0) & (idx < len(prev)) & (js - b >= 0)
            if not ok.any():
                continue
            cand = np.full(len(js), NEG)
            cand[ok] = prev[idx[ok]]
            live = cand > NEG / 2
            if not live.any():
                continue
            if (a, b) == (1, 0):
                cand[live] += skip_original[i - 1]
            else:
                cand[live] += gain(a, b, i, js[live])
            better = cand > best
            best[better] = cand[better]
            arg[better] = t
        # (0, 1) chain inside the row
        s = cum_skip_t[js]
        run = np.maximum.accumulate(best - s) + s
        from_left = run > best + 1e-12
        best = np.where(from_left, run, best)
        arg[from_left] = -1
        rows.append(best)
        back.append(arg)
    return _trace(n, m, lo, back, link_types)


def _trace(
    n: int, m: int, lo: np.ndarray, back: list[np.ndarray], link_types: list[tuple[int, int]]
) -> list[tuple[int, int, int, int]]:
    i, j = n, m
    out = []
    while i > 0 or j > 0:
        t = int(back[i][j - lo[i]])
        if t == -1:
            out.append((i, i, j - 1, j))
            j -= 1
        elif t >= 0:
            a, b = link_types[t]
            out.append((i - a, i, j - b, j))
            i, j = i - a, j - b
        else:  # unreachable cell: the band excluded every path
            raise RuntimeError("DP band admits no path")
    out.reverse()
    return out


def band_around(path: Sequence[tuple[int, int]], n: int, m: int, width: int) -> Band:
    """A band of ``width`` translation positions either side of a boundary path.

    ``path`` lists (i, j) boundary points from (0, 0) to (n, m); the band is widened
    so that it stays monotone and always contains a path.
    """
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for i, j in path:
        lo[i] = min(lo[i], j)
        hi[i] = max(hi[i], j)
    # rows the path skips over (a link with a > 1) take the neighbouring values
    for i in range(1, n + 1):
        if lo[i] > hi[i]:
            lo[i], hi[i] = hi[i - 1], hi[i - 1]
    lo = np.maximum(lo - width, 0)
    hi = np.minimum(hi + width, m)
    # monotone envelopes guarantee connectivity between consecutive rows
    hi = np.maximum.accumulate(hi)
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):  # no gap between consecutive rows
        lo[i] = min(lo[i], hi[i - 1])
    return Band(lo, hi)
