"""Repairs of the aligner's links before flagging (``repair_links`` runs them in order).

Each repair undoes a slip a monotone search makes on edited translations, and each was
kept because the flag benchmark measured a gain. Peeling: a monotone aligner that gains
nothing from leaving a sentence unlinked tends to glue an inserted sentence (a
disclaimer, a foreign sentence) onto its neighbour as a 1-2 link,
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
sentence or boilerplate) sit below that cosine, or near it without a clause of the
original that renders the translation. Moved passages (``peel_moved``) and merged
sentences (``merge_omissions``) are explained where they are repaired.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Set
from typing import TYPE_CHECKING

from align.check.partial import rendered_in
from align.types import Alignment, Link

if TYPE_CHECKING:  # pragma: no cover
    from align.check.context import FlagOptions
    from align.embed.encoder import Encoder


def repair_links(alignment: Alignment, encoder: Encoder, o: FlagOptions) -> Alignment:
    """The aligner's links, repaired where its monotone search is known to slip.

    In order: peel unsupported end members off n-m links; unlink pairs that share no
    meaning or pair a sentence with boilerplate; peel moved sentences out of
    the links they were glued into; then, with moved passages protected, pair cut
    sentences left unlinked side by side, give omissions the end member of a
    neighbouring 1-n link, and rejoin merged sentences (each step below says why).
    """
    from align.check.gaps import find_moves, unlink_unrelated  # noqa: PLC0415 - gaps imports flags

    al = dataclasses.replace(
        alignment,
        links=refine_links(alignment, encoder, o.peel_floor, o.peel_slack, o.peel_orig_gain),
    )
    al = unlink_unrelated(al, encoder, o)
    if o.relink_sim >= 1.0:
        return al
    for _ in range(3):  # a glued passage is peeled one sentence per link end at a time
        peeled = peel_moved(al, encoder, o.reorder_sim)
        if peeled == al.links:
            break
        al = dataclasses.replace(al, links=peeled)
    moves = find_moves(al, encoder, o)
    al = dataclasses.replace(
        al, links=relink_gaps(al, encoder, o.relink_sim, moves, o.unrelated_sim)
    )
    al = dataclasses.replace(al, links=absorb_omissions(al, encoder, o.relink_sim))
    if o.merge_gain < 1.0:
        al = dataclasses.replace(al, links=merge_omissions(al, encoder, o.merge_gain, moves[0]))
    return al


def peel_moved(alignment: Alignment, encoder: Encoder, min_sim: float) -> tuple[Link, ...]:
    """Unlink a translation sentence that renders an omitted sentence from elsewhere.

    A moved passage's translation is often glued to the edge of a neighbouring link
    (a 1-3 link whose first two sentences came from four paragraphs down) or paired
    1-1 with a dropped sentence where it landed, so the move is invisible and its
    original reads as an omission. An end member of a link is peeled into a 0-1 link
    when an unlinked original sentence is its best match (cosine >= ``min_sim``) and
    clearly closer to it (by 0.1) than the link's own original text; a 1-1 link so
    emptied leaves its original unlinked. Measured (402 documents): omission
    precision 0.967 -> 0.980 and recall 0.963 -> 0.976 from the 1-1 case alone.
    """
    ot, tt = alignment.original.texts, alignment.translation.texts
    omitted = [i for lk in alignment.links if not lk.translation for i in lk.original]
    ends = {}
    for k, lk in enumerate(alignment.links):
        if lk.original and lk.translation:
            ends[lk.translation[0]] = k
            ends[lk.translation[-1]] = k
    if not omitted or not ends:
        return alignment.links
    cand = sorted(ends)
    sim = encoder.encode([ot[i] for i in omitted]) @ encoder.encode([tt[j] for j in cand]).T
    links = list(alignment.links)
    peeled: set[int] = set()
    for b, j in enumerate(cand):
        a = int(sim[:, b].argmax())
        if sim[a, b] < min_sim or int(sim[a].argmax()) != b:
            continue
        lk = links[ends[j]]
        if j not in lk.translation:
            continue
        if sim[a, b] < _cos(encoder, _join(ot, lk.original), tt[j]) + 0.1:
            continue
        rest = tuple(x for x in lk.translation if x != j)
        links[ends[j]] = Link(lk.original, rest, lk.score)
        peeled.add(j)
    if not peeled:
        return alignment.links
    out: list[Link] = []
    for k, lk in enumerate(links):
        first = alignment.links[k].translation[:1]
        if first and first[0] in peeled:  # peeled off the front: it goes before the link
            out.append(Link((), first, 0.0))
        out.append(lk)
        last = alignment.links[k].translation[-1:]
        if last and last[0] in peeled and len(alignment.links[k].translation) > 1:
            out.append(Link((), last, 0.0))
    return tuple(out)


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
                if (
                    own < floor
                    and without >= full + orig_slack
                    and not rendered_in(encoder, ot[o[end]], _join(tt, t), [ot[x] for x in rest])
                ):
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
    sure_sim: float = 0.0,
) -> tuple[Link, ...]:
    """Pair unlinked original and translation sentences of one gap that are similar.

    ``keep`` holds original / translation sentences of moved passages (found before,
    ``align.check.gaps.find_moves``): a moved sentence is often loosely similar to an
    unlinked neighbour and must not be paired with it. Below ``sure_sim`` (where
    unrelated sentences also fall) a pair needs one clause of the original that
    renders the translation: a heavy cut keeps a piece, an unrelated sentence has none.
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
        out += _pair_gap(links[k:end], ot, tt, encoder, min_sim, keep, sure_sim)
        k = end
    return tuple(out)


def _pair_gap(
    gap: list[Link],
    ot: list[str],
    tt: list[str],
    encoder: Encoder,
    min_sim: float,
    keep: tuple[set[int], set[int]],
    sure_sim: float,
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
        if sim[a, b] < sure_sim and not rendered_in(encoder, tt[ad[b]], ot[om[a]]):
            continue  # this low, only a cut explains it: one clause must render the rest
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
    documents): omission precision 0.918 -> 0.933, addition 0.9741 unchanged. Joining
    an unlinked sentence to a neighbouring link as a merge is ``merge_omissions``.
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
            best: tuple[float, int, tuple[int, ...]] | None = None
            for nb in (k - 1, k + 1):
                if not 0 <= nb < len(links) or not (links[nb].original and links[nb].translation):
                    continue
                p = links[nb]
                joined = (*p.original, i) if nb < k else (i, *p.original)
                if joined != tuple(range(joined[0], joined[-1] + 1)):
                    continue
                t = _join(tt, p.translation)
                gain = _cos(encoder, _join(ot, joined), t) - _cos(encoder, _join(ot, p.original), t)
                if rendered_in(encoder, ot[i], t, [ot[x] for x in p.original]):
                    gain = max(gain, min_gain + 1e-6)
                if gain > min_gain and (best is None or gain > best[0]):
                    best = (gain, nb, joined)
            if best is not None:
                _, nb, joined = best
                links[nb] = Link(joined, links[nb].translation, links[nb].score)
                del links[k]
                continue
        k += 1
    return tuple(links)
