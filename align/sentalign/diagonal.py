"""Two 1-1 links inside a 2-2 link: where a heavily cut sentence hides.

A monotone search that finds a sentence cut to half its length a poor 1-1 match joins
it and its neighbour into a 2-2 link, which then scores well: the neighbour's good match
carries the cut one. ``check`` judges links whole, so the cut is never seen. Measured on
``bench/flags.py``'s half 0 (draws 1 and 2), 13 of 144 sentence-level cuts sat in a 2-2
link, and every one was a missed partial omission.

A 2-2 link is split into its straight pairs when each straight pair is clearly more alike
than either crossed pair (``diagonal_margin``, a ``RepairOptions`` setting): the first
original sentence renders as the first translation sentence and the second as the
second, and neither straight pair is much longer on the translation side than the
document's usual length ratio (``LONG``). A sentence boundary moved inside a 2-2 link
passes the cosine test too (straight 0.66 / 0.66 against crossed 0.34 / 0.12 in the
test's example) but then one straight pair is short and the other long: the words that
crossed over. Split, it would read as a cut plus an insertion; it stays whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from align.sentalign.moves import Draft
from align.types import Link

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder


LONG = 1.3  # a straight pair this much longer than the document's usual ratio gained words


def split_diagonal(d: Draft, encoder: Encoder, margin: float) -> tuple[Link, ...]:
    """The links with each 2-2 link whose straight pairs beat its crossed ones by
    ``margin`` (cosine) replaced by those two 1-1 links."""
    if margin >= 1.0:
        return d.links
    usual = _usual_ratio(d)
    out: list[Link] = []
    for lk in d.links:
        if len(lk.original) == 2 and len(lk.translation) == 2:
            (o1, o2), (t1, t2) = lk.original, lk.translation
            if max(_ratio(d, (o1,), (t1,)), _ratio(d, (o2,), (t2,))) > LONG * usual:
                out.append(lk)
                continue
            v = encoder.encode([d.ot[o1], d.ot[o2], d.tt[t1], d.tt[t2]])
            straight = min(float(v[0] @ v[2]), float(v[1] @ v[3]))
            crossed = max(float(v[0] @ v[3]), float(v[1] @ v[2]))
            if straight - crossed >= margin:
                out += [Link((o1,), (t1,)), Link((o2,), (t2,))]
                continue
        out.append(lk)
    return tuple(out)


def _ratio(d: Draft, o: tuple[int, ...], t: tuple[int, ...]) -> float:
    return sum(len(d.tt[j]) for j in t) / max(1, sum(len(d.ot[i]) for i in o))


def _usual_ratio(d: Draft) -> float:
    """The median length ratio (translation over original, characters) of the links
    with both sides: a cut or an insertion moves one link's ratio, not the median."""
    ratios = sorted(
        _ratio(d, lk.original, lk.translation) for lk in d.links if lk.original and lk.translation
    )
    return ratios[len(ratios) // 2] if ratios else 1.0
