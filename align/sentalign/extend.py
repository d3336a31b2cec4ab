"""Long restructurings: a second pass that extends links past the search's size limits.

Why not simply raise ``max_side``/``max_link`` to Vecalign's 8: the search's cost grows
with the number of link types, which grows with the square of the largest link, and
long links are rare (MAC zh-en gold: 13 of 4,504 links hold more than 6 sentences).
So the search keeps its limits and this pass looks only where a long link can be:
a link already at a limit (a side of ``max_side`` sentences, or ``max_link`` in all)
next to a sentence left unlinked or a weak link. It grows the link one neighbour at a
time, up to ``max_total`` sentences, while the grown span matches better (the cosine
of its two sides rises). Span embeddings come from the search's encoder (USE v3
pooled states: no re-encoding).
"""

from __future__ import annotations

from collections.abc import Callable

Bounds = list[tuple[int, int, int, int]]
SpanCos = Callable[[int, int, int, int], float]  # cosine of original [o0, o1) with [t0, t1)

WEAK = 0.35  # a pair link below this cosine may be swallowed
MIN_RISE = 0.05  # how much the grown span's cosine must rise (0: TB -0.0025, zh +0.0001)


def extend_links(
    bounds: Bounds, span_cos: SpanCos, max_side: int, max_link: int, max_total: int
) -> Bounds:
    """``bounds`` with links at a size limit grown over unlinked or weak neighbours."""
    out = list(bounds)
    k = 0
    while k < len(out):
        o0, o1, t0, t1 = out[k]
        a, b = o1 - o0, t1 - t0
        at_limit = a and b and (a + b >= max_link or max(a, b) >= max_side)
        grown = False
        if at_limit and a + b < max_total:
            base = span_cos(o0, o1, t0, t1)
            for nb in (k + 1, k - 1):
                if not 0 <= nb < len(out):
                    continue
                p0, p1, q0, q1 = out[nb]
                size = (p1 - p0) + (q1 - q0)
                if a + b + size > max_total:
                    continue
                one_sided = p1 == p0 or q1 == q0
                theirs = 0.0 if one_sided else span_cos(p0, p1, q0, q1)
                if not one_sided and theirs >= WEAK:
                    continue
                merged = (min(o0, p0), max(o1, p1), min(t0, q0), max(t1, q1))
                if span_cos(*merged) > base + MIN_RISE:
                    out[min(k, nb)] = merged
                    del out[max(k, nb)]
                    k = min(k, nb)
                    grown = True
                    break
        if not grown:
            k += 1
    return out
