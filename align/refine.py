"""Peel unsupported sentences off many-to-one links before flagging.

A monotone aligner that gains nothing from leaving a sentence unlinked tends to glue an
inserted sentence (a disclaimer, a foreign sentence) onto its neighbour as a 1-2 link,
and a dropped original sentence onto its neighbour as a 2-1 link. Measured on the flag
benchmark (90 synthetic documents, real aligner): addition recall 0.69 and 76 ``split``
flags of which 72 % were such glued additions. Here an end member of a link is peeled
into its own 1-0 / 0-1 link when it is unlike the other side (cosine below
``peel_floor``) and the link without it is at least as similar as with it
(within ``peel_slack``): the member carried no meaning of the other side.
Measured again after the aligner's ``skip=0`` change (90 documents): without peeling,
addition recall fell 0.996 -> 0.93 and split precision 0.91 -> 0.54, so it stays.

The converse repair, ``relink_gaps``: a heavily cut sentence (40-75 % of it removed)
is often left unlinked by the aligner's length model, so it surfaced as an omission
plus an addition next to each other. An unlinked original sentence and an unlinked
translation sentence in the same gap (between the same two links) that are still
clearly similar (cosine >= ``relink_sim``) are one link, which the partial-omission
check then judges. Unrelated neighbours (a dropped sentence beside an inserted foreign
sentence or boilerplate) sit far below that cosine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .types import Alignment, Link

if TYPE_CHECKING:  # pragma: no cover
    from .encoder import Encoder


def refine_links(
    alignment: Alignment, encoder: Encoder, floor: float, slack: float
) -> tuple[Link, ...]:
    """The links with unsupported end members of n-m links split off (order kept)."""
    ot, tt = alignment.original.texts, alignment.translation.texts
    multi = [
        lk
        for lk in alignment.links
        if lk.original and lk.translation and len(lk.original) + len(lk.translation) > 2
    ]
    if not multi:
        return alignment.links
    texts: list[str] = []
    for lk in multi:
        texts += _candidates(lk, ot, tt)
    encoder.encode(list(dict.fromkeys(texts)))  # one batch; later calls hit the cache
    out: list[Link] = []
    for lk in alignment.links:
        if lk in multi:
            out += _peel(lk, ot, tt, encoder, floor, slack)
        else:
            out.append(lk)
    return tuple(out)


def _join(texts: list[str], idx: tuple[int, ...]) -> str:
    return " ".join(texts[i] for i in idx)


def _candidates(lk: Link, ot: list[str], tt: list[str]) -> list[str]:
    out = [_join(ot, lk.original), _join(tt, lk.translation)]
    for side, texts in ((lk.original, ot), (lk.translation, tt)):
        if len(side) > 1:
            out += [
                texts[side[0]],
                texts[side[-1]],
                _join(texts, side[1:]),
                _join(texts, side[:-1]),
            ]
    return out


def _cos(encoder: Encoder, a: str, b: str) -> float:
    v = encoder.encode([a, b])
    return float(v[0] @ v[1])


def _peel(
    lk: Link, ot: list[str], tt: list[str], encoder: Encoder, floor: float, slack: float
) -> list[Link]:
    o, t = lk.original, lk.translation
    before: list[Link] = []
    after: list[Link] = []
    full = _cos(encoder, _join(ot, o), _join(tt, t))
    for _ in range(2):
        changed = False
        if len(t) > 1:
            for end in (0, -1):
                rest = t[1:] if end == 0 else t[:-1]
                if not rest:
                    continue
                own = _cos(encoder, _join(ot, o), tt[t[end]])
                without = _cos(encoder, _join(ot, o), _join(tt, rest))
                if own < floor and without >= full - slack:
                    (before if end == 0 else after).append(Link((), (t[end],), 0.0))
                    t, full, changed = rest, without, True
                    break
        if len(o) > 1 and not changed:
            for end in (0, -1):
                rest = o[1:] if end == 0 else o[:-1]
                own = _cos(encoder, ot[o[end]], _join(tt, t))
                without = _cos(encoder, _join(ot, rest), _join(tt, t))
                if own < floor and without >= full - slack:
                    (before if end == 0 else after).append(Link((o[end],), (), 0.0))
                    o, full, changed = rest, without, True
                    break
        if not changed:
            break
    return [*before, Link(o, t, lk.score), *reversed(after)]


def relink_gaps(alignment: Alignment, encoder: Encoder, min_sim: float) -> tuple[Link, ...]:
    """Pair unlinked original and translation sentences of one gap that are similar."""
    ot, tt = alignment.original.texts, alignment.translation.texts
    links = list(alignment.links)
    out: list[Link] = []
    k = 0
    while k < len(links):
        if links[k].original and links[k].translation:
            out.append(links[k])
            k += 1
            continue
        end = k
        while end < len(links) and not (links[end].original and links[end].translation):
            end += 1
        out += _pair_gap(links[k:end], ot, tt, encoder, min_sim)
        k = end
    return tuple(out)


def _pair_gap(
    gap: list[Link], ot: list[str], tt: list[str], encoder: Encoder, min_sim: float
) -> list[Link]:
    """Monotone best pairs (cosine >= min_sim) among a gap's one-sided links."""
    om = [i for lk in gap for i in lk.original]
    ad = [j for lk in gap for j in lk.translation]
    if not om or not ad:
        return gap
    sim = encoder.encode([ot[i] for i in om]) @ encoder.encode([tt[j] for j in ad]).T
    pairs: list[tuple[int, int]] = []
    used_o: set[int] = set()
    used_t: set[int] = set()
    for flat in sim.ravel().argsort()[::-1]:
        a, b = divmod(int(flat), len(ad))
        if sim[a, b] < min_sim:
            break
        if a in used_o or b in used_t:
            continue
        if any((a - x) * (b - y) < 0 for x, y in pairs):  # keep links monotone
            continue
        pairs.append((a, b))
        used_o.add(a)
        used_t.add(b)
    if not pairs:
        return gap
    out: list[Link] = []
    a = b = 0
    for x, y in sorted(pairs):
        out += [Link((om[i],), (), 0.0) for i in range(a, x)]
        out += [Link((), (ad[j],), 0.0) for j in range(b, y)]
        out.append(Link((om[x],), (ad[y],), float(sim[x, y])))
        a, b = x + 1, y + 1
    out += [Link((om[i],), (), 0.0) for i in range(a, len(om))]
    out += [Link((), (ad[j],), 0.0) for j in range(b, len(ad))]
    return out


def absorb_omissions(
    alignment: Alignment, encoder: Encoder, min_sim: float, margin: float
) -> tuple[Link, ...]:
    """Give an unlinked original sentence to the neighbouring link that holds its rendering.

    Two aligner slips left a rendered original sentence unlinked (bench/flags.py dumps):
    a cut sentence glued as the end of a neighbour's 1-2 link, and one part of a merged
    translation sentence linked to the other part only. An unlinked original sentence
    takes the adjacent end member of a neighbouring 1-n link when it is more similar to
    it (>= ``min_sim``) than the neighbour is, or joins a neighbouring link as a merge
    when that raises the link's cosine by more than ``margin``.
    """
    ot, tt = alignment.original.texts, alignment.translation.texts
    links = list(alignment.links)

    def cos(a: str, b: str) -> float:
        v = encoder.encode([a, b])
        return float(v[0] @ v[1])

    k = 0
    while k < len(links):
        lk = links[k]
        if not (len(lk.original) == 1 and not lk.translation):
            k += 1
            continue
        i = lk.original[0]
        for nb, end in ((k - 1, -1), (k + 1, 0)):
            if not 0 <= nb < len(links) or not (links[nb].original and links[nb].translation):
                continue
            p = links[nb]
            po, pt = _join(ot, p.original), _join(tt, p.translation)
            if len(p.translation) >= 2:
                tj = p.translation[end]
                rest = p.translation[:-1] if end == -1 else p.translation[1:]
                own = cos(ot[i], tt[tj])
                if own >= min_sim and own > cos(po, tt[tj]):
                    new_p = Link(p.original, rest, p.score)
                    mine = Link((i,), (tj,), own)
                    links[min(k, nb) : max(k, nb) + 1] = [new_p, mine] if nb < k else [mine, new_p]
                    break
            joined = (*p.original, i) if nb < k else (i, *p.original)
            if cos(_join(ot, joined), pt) > cos(po, pt) + margin:
                links[min(k, nb) : max(k, nb) + 1] = [Link(joined, p.translation, p.score)]
                k -= 1
                break
        k += 1
    return tuple(links)
