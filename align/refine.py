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
An *original* end member is peeled only when the link without it is clearly more
similar (by ``peel_orig_gain``): a short sentence merged into its neighbour's
translation ("They are friendly.") adds little either way and was peeled into a false
omission (402 documents: omission precision 0.911 -> 0.922, merge recall 0.92 -> 0.95).

The converse repair, ``relink_gaps``: a heavily cut sentence (40-75 % of it removed)
is often left unlinked by the aligner's length model, so it surfaced as an omission
plus an addition next to each other. An unlinked original sentence and an unlinked
translation sentence in the same gap (between the same two links) that are still
clearly similar (cosine >= ``relink_sim``) are one link, which the partial-omission
check then judges. Unrelated neighbours (a dropped sentence beside an inserted foreign
sentence or boilerplate) sit far below that cosine.
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING

from .types import Alignment, Link

if TYPE_CHECKING:  # pragma: no cover
    from .encoder import Encoder


def refine_links(
    alignment: Alignment, encoder: Encoder, floor: float, slack: float, orig_slack: float = 0.0
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
            out += _peel(lk, ot, tt, encoder, floor, slack, orig_slack)
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
    lk: Link,
    ot: list[str],
    tt: list[str],
    encoder: Encoder,
    floor: float,
    slack: float,
    orig_slack: float,
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
                if own < floor and without >= full + orig_slack:
                    (before if end == 0 else after).append(Link((o[end],), (), 0.0))
                    o, full, changed = rest, without, True
                    break
        if not changed:
            break
    return [*before, Link(o, t, lk.score), *reversed(after)]


def relink_gaps(
    alignment: Alignment,
    encoder: Encoder,
    min_sim: float,
    keep: tuple[set[int], set[int]] = (set(), set()),
) -> tuple[Link, ...]:
    """Pair unlinked original and translation sentences of one gap that are similar.

    ``keep`` holds original / translation sentences of moved passages (found before,
    ``align.gaps.find_moves``): a moved sentence is often loosely similar to an
    unlinked neighbour and must not be paired with it.
    """
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
        out += _pair_gap(links[k:end], ot, tt, encoder, min_sim, keep)
        k = end
    return tuple(out)


def _pair_gap(
    gap: list[Link],
    ot: list[str],
    tt: list[str],
    encoder: Encoder,
    min_sim: float,
    keep: tuple[set[int], set[int]],
) -> list[Link]:
    """Monotone best pairs (cosine >= min_sim) among a gap's one-sided links."""
    om = [i for lk in gap for i in lk.original]
    ad = [j for lk in gap for j in lk.translation]
    if not om or not ad:
        return gap
    sim = encoder.encode([ot[i] for i in om]) @ encoder.encode([tt[j] for j in ad]).T
    sim[[a for a, i in enumerate(om) if i in keep[0]], :] = -1.0  # moved: never paired here
    sim[:, [b for b, j in enumerate(ad) if j in keep[1]]] = -1.0
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


def absorb_omissions(alignment: Alignment, encoder: Encoder, min_sim: float) -> tuple[Link, ...]:
    """Give an unlinked original sentence the end member of a neighbouring 1-n link.

    An aligner slip seen in the bench dumps: a heavily cut sentence glued as the end of
    its neighbour's 1-2 link, leaving its own original unlinked (a false omission plus a
    false split). The unlinked original takes the adjacent end member when it is more
    similar to it (>= ``min_sim``) than the neighbour's original is. Measured (90
    documents): omission precision 0.918 -> 0.933, addition 0.9741 unchanged. Also
    absorbing an unlinked sentence into a neighbouring link as a merge (when that raised
    the cosine) gained nothing and cost merge precision (0.90 -> 0.86), so it is not done.
    """
    ot, tt = alignment.original.texts, alignment.translation.texts
    links = list(alignment.links)

    for k in range(len(links)):
        lk = links[k]
        if not (len(lk.original) == 1 and not lk.translation):
            continue
        i = lk.original[0]
        for nb, end in ((k - 1, -1), (k + 1, 0)):
            if not 0 <= nb < len(links) or len(links[nb].translation) < 2:
                continue
            p = links[nb]
            if not p.original:
                continue
            tj = p.translation[end]
            rest = p.translation[:-1] if end == -1 else p.translation[1:]
            own = _cos(encoder, ot[i], tt[tj])
            if own >= min_sim and own > _cos(encoder, _join(ot, p.original), tt[tj]):
                links[nb] = Link(p.original, rest, p.score)
                links[k] = Link((i,), (tj,), own)
                break
    return tuple(links)


def merge_omissions(
    alignment: Alignment,
    encoder: Encoder,
    min_gain: float,
    keep: Set[int] = frozenset(),
) -> tuple[Link, ...]:
    """Join an unlinked original sentence to the neighbouring link it was merged into.

    A short sentence merged into its neighbour's translation ("They are friendly." /
    "... and they are friendly") adds little to a 2-1 link's cosine, so the aligner's
    search may leave it as a 1-0 link: a false omission. Here it joins the neighbour
    whose cosine to its translation *rises* by more than ``min_gain`` with it; a truly
    dropped sentence adds meaning the translation lacks and lowers that cosine.
    ``keep``: sentences of moved passages (never joined).
    """
    ot, tt = alignment.original.texts, alignment.translation.texts
    links = list(alignment.links)
    k = 0
    while k < len(links):
        lk = links[k]
        if len(lk.original) == 1 and not lk.translation and lk.original[0] not in keep:
            i = lk.original[0]
            best: tuple[float, int] | None = None
            for nb in (k - 1, k + 1):
                if not 0 <= nb < len(links) or not (links[nb].original and links[nb].translation):
                    continue
                p = links[nb]
                joined = (*p.original, i) if nb < k else (i, *p.original)
                if joined != tuple(range(joined[0], joined[-1] + 1)):
                    continue
                t = _join(tt, p.translation)
                gain = _cos(encoder, _join(ot, joined), t) - _cos(encoder, _join(ot, p.original), t)
                if gain > min_gain and (best is None or gain > best[0]):
                    best = (gain, nb)
            if best is not None:
                nb = best[1]
                p = links[nb]
                joined = (*p.original, i) if nb < k else (i, *p.original)
                links[nb] = Link(joined, p.translation, p.score)
                del links[k]
                continue
        k += 1
    return tuple(links)
