"""An unlinked original sentence that takes its rendering back from a neighbouring link.

Slips of a monotone search on edited text leave a sentence unlinked beside the link that
holds its rendering. Both repairs here give it back: the unlinked sentence takes the end
member of the neighbouring link when it is more like that sentence than the link's own
original is. They differ in how far they look and how readily they take
(``Reach``), and ``repair_links`` runs them in turn:

* ``absorb_omissions``: a heavily cut sentence glued as the end of its *adjacent*
  neighbour's 1-n link (a false omission plus a false split). The link keeps at least one
  sentence, so a low bar will do (``RepairOptions.relink_sim``). Measured (90 documents):
  omission precision 0.918 -> 0.933, addition 0.9741 unchanged.
* ``reassign_ends``: the same across a gap of other unlinked sentences, to the nearest
  two-sided link (a cut sentence's remainder glued to a link whose original lies beyond a
  run of dropped or moved sentences), or from a weak 1-1 link that paired a *dropped*
  sentence with its neighbour's cut rendering. The link may lose its only sentence, so
  the bar is higher (``REASSIGN_SIM``, ``RepairOptions.reassign_margin``). Measured on
  ``bench/flags.py`` (margin 0.05 chosen on half 0, draws 0-2, where the two slips above
  had margins of 0.09 and 0.10): together with the headline, cut-remainder and
  sentence-piece repairs of that change, omission precision 0.958 -> 0.975 on half 0 and
  0.949 -> 0.955 on held-out half 1 (mean of three draws), recall up on both, partial
  omission recall 0.769 -> 0.785 held out; false flags on unedited text unchanged.

After a move the links between the two are laid out again in order: every unlinked
original sentence before every unlinked translation sentence. Joining an unlinked
sentence to a neighbouring link as a merge is ``align.sentalign.merges``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from align.sentalign.moves import Draft, cosine, joined
from align.types import Link

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Set

    from align.embed.encoder import Encoder


REASSIGN_SIM = 0.3  # cosine an unlinked sentence needs with the sentence it takes


@dataclass(frozen=True)
class Reach:
    """How far an unlinked sentence looks for its rendering and how readily it takes it."""

    floor: float  # its cosine with the translation sentence it takes, at least
    margin: float  # ... and more than the link's own original's by this
    across_gaps: bool  # the nearest two-sided link past other unlinked sentences
    leave_one: bool  # the link must keep a translation sentence (1-n links only)


def absorb_omissions(d: Draft, encoder: Encoder, min_sim: float) -> tuple[Link, ...]:
    """The end member of an adjacent 1-n link given back (see the module docstring)."""
    return give_back(d, encoder, Reach(min_sim, 0.0, across_gaps=False, leave_one=True))


def reassign_ends(
    d: Draft, encoder: Encoder, margin: float, keep: Set[int] = frozenset()
) -> tuple[Link, ...]:
    """The end member of the nearest link across the gap given back, outside ``keep``
    (moved sentences); see the module docstring."""
    reach = Reach(REASSIGN_SIM, margin, across_gaps=True, leave_one=False)
    return give_back(d, encoder, reach, keep)


def give_back(
    d: Draft, encoder: Encoder, reach: Reach, keep: Set[int] = frozenset()
) -> tuple[Link, ...]:
    """The links with each unlinked original sentence outside ``keep`` given the end
    member of its neighbouring link on either side (before, then after) that ``reach``
    allows, when it is at least ``reach.floor`` like it and more than ``reach.margin``
    more like it than that link's originals."""
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
        for step, end in ((-1, -1), (1, 0)):
            nb = _neighbour(links, k, step, reach.across_gaps)
            if nb is None or (reach.leave_one and len(links[nb].translation) < 2):
                continue
            p = links[nb]
            tj = p.translation[end]
            own = cosine(encoder, ot[i], tt[tj])
            rival = cosine(encoder, joined(ot, p.original), tt[tj])
            if own < reach.floor or own <= rival + reach.margin:
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


def _neighbour(links: list[Link], k: int, step: int, across: bool) -> int | None:
    """The two-sided link next to ``k`` in direction ``step``: the adjacent one, or with
    ``across`` the nearest past one-sided links."""
    q = k + step
    while across and 0 <= q < len(links) and not (links[q].original and links[q].translation):
        q += step
    if 0 <= q < len(links) and links[q].original and links[q].translation:
        return q
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
