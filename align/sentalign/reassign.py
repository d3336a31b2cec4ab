"""An unlinked original sentence that takes its rendering back from a neighbouring link.

Two slips of a monotone search on edited text leave a sentence unlinked beside the link
that holds its rendering, across a gap of other unlinked sentences (which
``absorb_omissions`` does not look past):

* a heavily cut sentence's remainder, glued as the first or last member of a 1-n link
  whose original lies beyond a run of dropped or moved sentences;
* a weak 1-1 link that paired a *dropped* sentence with its neighbour's cut rendering
  (the cut rendering is far more like its own original than like the dropped one).

Here the unlinked sentence takes that translation sentence when it is more like it than
the link's own original is, by ``RepairOptions.reassign_margin``. The links of the gap
are then laid out again in order: every unlinked original sentence before every unlinked
translation sentence.

Measured on ``bench/flags.py`` (margin 0.05 chosen on half 0, draws 0-2, where the two
slips above had margins of 0.09 and 0.10): together with the headline, cut-remainder and
sentence-piece repairs of this change, omission precision 0.958 -> 0.975 on half 0 and
0.949 -> 0.955 on held-out half 1 (mean of three draws), recall up on both, partial
omission recall 0.769 -> 0.785 held out; false flags on unedited text unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from align.sentalign.moves import Draft, cosine, joined
from align.types import Link

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Set

    from align.embed.encoder import Encoder


REASSIGN_SIM = 0.3  # cosine an unlinked sentence needs with the sentence it takes


def reassign_ends(
    d: Draft, encoder: Encoder, margin: float, keep: Set[int] = frozenset()
) -> tuple[Link, ...]:
    """The links with each unlinked original sentence outside ``keep`` given the adjacent
    end member of the nearest two-sided link on either side of its gap, when it is at
    least ``REASSIGN_SIM`` like it and ``margin`` more like it than that link's originals."""
    ot, tt = d.ot, d.tt
    links = list(d.links)
    k = budget = 0
    while k < len(links) and budget <= len(d.ot):
        lk = links[k]
        if not (len(lk.original) == 1 and not lk.translation and lk.original[0] not in keep):
            k += 1
            continue
        i = lk.original[0]
        moved = False
        for nb, end in ((_nearest(links, k, -1), -1), (_nearest(links, k, 1), 0)):
            if nb is None:
                continue
            p = links[nb]
            tj = p.translation[end]
            own = cosine(encoder, ot[i], tt[tj])
            if own < REASSIGN_SIM or own < cosine(encoder, joined(ot, p.original), tt[tj]) + margin:
                continue
            rest = p.translation[:-1] if end == -1 else p.translation[1:]
            lo, hi = min(nb, k), max(nb, k)
            region = links[lo : hi + 1]
            region[nb - lo] = Link(p.original, rest)
            region[k - lo] = Link((i,), (tj,))
            links[lo : hi + 1] = _ordered(region)
            moved = True
            budget += 1
            k = lo
            break
        if not moved:
            k += 1
    return tuple(links)


def _nearest(links: list[Link], k: int, step: int) -> int | None:
    """The nearest two-sided link from ``k`` in direction ``step`` (one-sided links skipped)."""
    q = k + step
    while 0 <= q < len(links):
        if links[q].original and links[q].translation:
            return q
        q += step
    return None


def _ordered(region: list[Link]) -> list[Link]:
    """``region``'s links in document order: each two-sided link after the one-sided ones
    that precede it on either side; within a gap, originals before translations."""
    two = sorted(
        (lk for lk in region if lk.original and lk.translation), key=lambda lk: lk.original[0]
    )
    ones_o = sorted(i for lk in region if not lk.translation for i in lk.original)
    ones_t = sorted(j for lk in region if not lk.original for j in lk.translation)
    out: list[Link] = []
    for lk in [*two, None]:
        o_lim = lk.original[0] if lk else 1 << 60
        t_lim = lk.translation[0] if lk else 1 << 60
        out += [Link((i,), ()) for i in ones_o if i < o_lim]
        out += [Link((), (j,)) for j in ones_t if j < t_lim]
        ones_o = [i for i in ones_o if i >= o_lim]
        ones_t = [j for j in ones_t if j >= t_lim]
        if lk:
            out.append(lk)
    return out
