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

# gain_table(a, b) -> array of shape (n + 1, width): entry [i, k] is the gain of the
# link joining original [i-a, i) with translation [j-b, j), j = lo[i] + k (a, b >= 1).
GainTable = Callable[[int, int], np.ndarray]


@dataclass(frozen=True, slots=True)
class Band:
    """Allowed translation boundary positions ``lo[i]..hi[i]`` for each row ``i``."""

    lo: np.ndarray
    hi: np.ndarray

    @staticmethod
    def full(n: int, m: int) -> Band:
        """The whole n x m grid."""
        return Band(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))

    @property
    def width(self) -> int:
        """Columns of a band-aligned table."""
        return int((self.hi - self.lo).max()) + 1


def search(
    n: int,
    m: int,
    types: Sequence[tuple[int, int]],
    gain_table: GainTable,
    skip_original: np.ndarray,
    skip_translation: np.ndarray,
    band: Band,
) -> list[tuple[int, int, int, int]]:
    """Best monotone path; returns links as ``(i0, i1, j0, j1)`` half-open spans.

    ``skip_original[i]`` is the gain of leaving original sentence ``i`` unlinked,
    ``skip_translation[j]`` that of translation sentence ``j``. Tables are in band
    coordinates, so reading the row ``i - a`` shifted by ``b`` is a slice, not a
    gather: the inner loop costs a few microseconds per row and type.
    """
    lo, hi = band.lo, band.hi
    width = band.width
    ks = np.arange(width)
    rows = np.full((n + 1, width), NEG)
    back = np.full((n + 1, width), -2, dtype=np.int8)  # type index; -1 = (0, 1) chain
    link_types = [t for t in types if t[0] >= 1]
    tables = {t: gain_table(*t) for t in link_types if t[1] >= 1}
    cum_skip_t = np.concatenate([[0.0], np.cumsum(skip_translation)])
    for i in range(n + 1):
        best = rows[i]
        arg = back[i]
        if i == 0:
            best[0] = 0.0  # lo[0] == 0
        for t, (a, b) in enumerate(link_types):
            if i < a:
                continue
            shift = int(lo[i] - lo[i - a]) - b  # row i column k reads row i-a column k+shift
            k0, k1 = max(0, -shift), min(width, width - shift)
            if k1 <= k0:
                continue
            cand = rows[i - a, k0 + shift : k1 + shift]
            if b == 0:
                cand = cand + skip_original[i - 1]
            else:
                cand = cand + tables[a, b][i, k0:k1]
            seg = best[k0:k1]
            better = cand > seg
            seg[better] = cand[better]
            arg[k0:k1][better] = t
        valid = int(hi[i] - lo[i]) + 1
        best[valid:] = NEG
        s = cum_skip_t[np.minimum(lo[i] + ks, m)]
        run = np.maximum.accumulate(best - s) + s
        from_left = run > best + 1e-12
        from_left[valid:] = False
        best[from_left] = run[from_left]
        arg[from_left] = -1
    return _trace(n, m, lo, back, link_types)


def _trace(
    n: int, m: int, lo: np.ndarray, back: np.ndarray, link_types: list[tuple[int, int]]
) -> list[tuple[int, int, int, int]]:
    i, j = n, m
    out = []
    while i > 0 or j > 0:
        t = int(back[i, j - lo[i]])
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
