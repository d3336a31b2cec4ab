"""Repairs of the searched links (``repair_links`` runs them in order; ``check`` asks for them).

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

from dataclasses import replace
from typing import TYPE_CHECKING

from align.embed.encoder import prefetch
from align.sentalign.diagonal import split_diagonal
from align.sentalign.merges import join_split_halves, merge_omissions, rendered_in
from align.sentalign.moves import (
    Draft,
    added_headline,
    cosine,
    find_moves,
    headlines,
    joined,
    peel_moved,
)
from align.sentalign.options import RepairOptions
from align.sentalign.reassign import absorb_omissions, reassign_ends
from align.sentalign.structure import added_subheading, repair_structure
from align.text.shape import BOILERPLATE_RE, untitled_heading
from align.types import Link

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder

_PEEL_ROUNDS = 3  # a glued passage is peeled one sentence per link end per round
_LOOK_AGAIN = 2  # an n-m link loses at most this many end members per side


def repair_links(d: Draft, encoder: Encoder, o: RepairOptions) -> tuple[Link, ...]:
    """The searched links, repaired where a monotone search is known to slip.

    The steps, in order (each function below says why it exists and what it gained):
    ``refine_links`` peels unsupported end members off n-m links; ``pair_headlines`` links
    the headlines the search left apart and ``peel_headline`` unglues a headline the
    original lacks; ``split_diagonal``
    (``align.sentalign.diagonal``) splits a 2-2 link hiding a cut sentence into its two
    straight pairs; ``unlink_boilerplate``
    unlinks a sentence paired with boilerplate or a headline (not with the original's
    own headline, ``moves.headlines``);
    ``peel_moved`` peels moved sentences out of the links they were glued into; then,
    with moved passages protected (``find_moves``), ``relink_gaps`` pairs cut sentences
    left unlinked side by side, ``absorb_omissions`` gives an omission the end member of
    a neighbouring 1-n link and ``reassign_ends`` that of the nearest link across its gap
    (both ``align.sentalign.reassign``), ``merge_omissions`` rejoins merged sentences,
    ``join_split_halves`` a split sentence's half left over, and
    ``repair_structure`` joins a split-off or shortened sentence to its pair. Each
    step returns link boundaries only: the aligner scores the result once.
    """
    d = replace(d, links=refine_links(d, encoder, o))
    d = replace(d, links=pair_headlines(d))
    d = replace(d, links=peel_headline(d))
    d = replace(d, links=split_diagonal(d, encoder, o.diagonal_margin))
    d = replace(d, links=unlink_boilerplate(d, encoder, o))
    if o.relink_sim >= 1.0:
        return d.links
    for _ in range(_PEEL_ROUNDS):
        peeled = peel_moved(d, encoder, o.reorder_sim)
        if peeled == d.links:
            break
        d = replace(d, links=peeled)
    moves = find_moves(d, encoder, o.reorder_sim, o.reorder_extend_sim)
    # a moved passage, a republisher's line or a headline is never a cut sentence's rendering
    furniture = {j for j, t in enumerate(d.tt) if _furniture(j, t) and not headlines(d, j)}
    keep = (moves[0], moves[1] | furniture)
    d = replace(d, links=relink_gaps(d, encoder, o.relink_sim, keep, o.unrelated_sim))
    d = replace(d, links=absorb_omissions(d, encoder, o.relink_sim))
    if o.reassign_margin < 1.0:
        d = replace(d, links=reassign_ends(d, encoder, o.reassign_margin, moves[0]))
    if o.merge_gain < 1.0:
        d = replace(d, links=merge_omissions(d, encoder, o.merge_gain, moves[0]))
    d = replace(d, links=join_split_halves(d, encoder, keep[1]))
    if o.structure:
        d = replace(d, links=repair_structure(d, encoder))
    return d.links


def pair_headlines(d: Draft) -> tuple[Link, ...]:
    """The two headlines linked to each other when the search glued the original's into
    the lead's link and left the translation's alone: a headline that repeats its lead
    ("Токаев принял послов России и Китая" before "Президент ... принял послов России и
    Китая, ...") adds to that link's cosine, but a headline is rendered by the other
    headline (``moves.headlines``), and the glue made a false merge and a false added heading."""
    links = list(d.links)
    if len(links) < 2 or links[0] != Link((), (0,)) or not headlines(d, 0):
        return d.links
    lead = links[1]
    if len(lead.original) < 2 or lead.original[0] != 0 or not lead.translation:
        return d.links
    return (Link((0,), (0,)), Link(lead.original[1:], lead.translation), *links[2:])


def peel_headline(d: Draft) -> tuple[Link, ...]:
    """The translation's headline peeled off the lead's link when the original opens with a
    sentence: a headline the original lacks renders no sentence of it, however close its
    summary ("Kuwait Amir Receives Call From Qatari Amir" glued into a 1-3 link with the
    dateline and the lead). Glued, it hid the lead's names from the name rule (a headline
    is title case, where capitals mean nothing) and made a false split."""
    links = list(d.links)
    if not links or not d.ot or len(links[0].translation) < 2 or links[0].translation[0] != 0:
        return d.links
    lead = links[0]
    if not lead.original or not added_headline(d):
        return d.links
    return (Link((), (0,)), Link(lead.original, lead.translation[1:]), *links[1:])


def _furniture(j: int, text: str) -> bool:
    """A republisher's line (byline, disclaimer, "read also") or an untitled first line."""
    return bool(BOILERPLATE_RE.search(text)) or (j == 0 and untitled_heading(text))


def unlink_boilerplate(d: Draft, encoder: Encoder, o: RepairOptions) -> tuple[Link, ...]:
    """A 1-1 link of an original sentence to boilerplate, a heading or an added
    subheading (``structure.added_subheading``) is no link.

    The aligner may pair a dropped last sentence with an appended disclaimer (demo
    corpus: cosine 0.15) or with a headline the original lacks: that is an omission plus
    an addition, not a ``low_similarity`` pair. Links of sentences that share no meaning
    at all never reach here: the search does not make them (``min_pair_cosine``).
    """
    tt = d.tt
    one_one = [
        lk
        for lk in d.links
        if len(lk.original) == 1
        and len(lk.translation) == 1
        and not (lk.original == (0,) and headlines(d, lk.translation[0]))
    ]
    # an added subheading is no rendering whatever its cosine (``structure.added_subheading``)
    sub = {lk for lk in one_one if added_subheading(d.ot[lk.original[0]], tt[lk.translation[0]])}
    boiler = [
        lk
        for lk in one_one
        if lk not in sub and _furniture(lk.translation[0], tt[lk.translation[0]])
    ]
    if not boiler and not sub:
        return d.links
    cos: dict[Link, float] = {}
    if boiler:
        ov = encoder.encode([d.ot[lk.original[0]] for lk in boiler])  # one batch
        tv = encoder.encode([tt[lk.translation[0]] for lk in boiler])
        cos = dict(zip(boiler, (ov * tv).sum(1).tolist(), strict=True))
    out: list[Link] = []
    for lk in d.links:
        if lk in sub or cos.get(lk, 1.0) < o.boilerplate_floor:
            out += [Link(lk.original, ()), Link((), lk.translation)]
        else:
            out.append(lk)
    return tuple(out)


def refine_links(d: Draft, encoder: Encoder, o: RepairOptions) -> tuple[Link, ...]:
    """The links with unsupported end members of n-m links split off (order kept)."""
    ot, tt = d.ot, d.tt
    multi = [
        lk
        for lk in d.links
        if lk.original and lk.translation and len(lk.original) + len(lk.translation) > 2
    ]
    if not multi:
        return d.links
    # the texts of every link's first peel, encoded in one call: a peel's next question
    # depends on its last answer (a peeled member changes the rest and its cosine), so
    # the questions cannot all be listed first as ``cosines`` would need
    texts: list[str] = []
    for lk in multi:
        texts += _candidates(lk, ot, tt)
    prefetch(encoder, texts)
    out: list[Link] = []
    for lk in d.links:
        if lk in multi:
            out += _peel(lk, ot, tt, encoder, o)
        else:
            out.append(lk)
    return tuple(out)


def _candidates(lk: Link, ot: list[str], tt: list[str]) -> list[str]:
    out = [joined(ot, lk.original), joined(tt, lk.translation)]
    for side, texts in ((lk.original, ot), (lk.translation, tt)):
        if len(side) > 1:
            out += [
                texts[side[0]],
                texts[side[-1]],
                joined(texts, side[1:]),
                joined(texts, side[:-1]),
            ]
    return out


def _peel(
    lk: Link,
    ot: list[str],
    tt: list[str],
    encoder: Encoder,
    opts: RepairOptions,
) -> list[Link]:
    """``lk`` less the end members its other side does not support: a translation end
    sentence less similar than ``peel_floor`` to the original whose removal costs at most
    ``peel_slack``, or one whose removal raises the link's cosine by ``peel_trans_gain``
    (an added sentence on the original's topic, glued to the link: "the death toll
    climbed to 83" after two sentences on flood relief, cosine 0.35 with them, the link
    0.645 with it and 0.677 without), either unless a piece of the original renders it
    (``merges.rendered_in``); an original end sentence less similar than
    ``peel_floor`` whose removal raises it by ``peel_orig_gain`` and which the rest does
    not render."""
    floor, slack = opts.peel_floor, opts.peel_slack
    o, t = lk.original, lk.translation
    before: list[Link] = []
    after: list[Link] = []
    full = cosine(encoder, joined(ot, o), joined(tt, t))
    for _ in range(_LOOK_AGAIN):
        changed = False
        if len(t) > 1:
            for end in (0, -1):
                rest = t[1:] if end == 0 else t[:-1]
                if not rest:
                    continue
                own = cosine(encoder, joined(ot, o), tt[t[end]])
                without = cosine(encoder, joined(ot, o), joined(tt, rest))
                # neither peels a sentence a piece of the original renders: a split's short
                # second half ("There is no deviation from this position." for "... ولا فيه
                # اي انحراف عن هذا الموقف") is unlike the whole and lowers the link's cosine
                if (
                    (own < floor and without >= full - slack)
                    or without >= full + opts.peel_trans_gain
                ) and not rendered_in(
                    encoder, tt[t[end]], joined(ot, o), [tt[x] for x in rest], False
                ):
                    (before if end == 0 else after).append(Link((), (t[end],)))
                    t, full, changed = rest, without, True
                    break
        if len(o) > 1 and not changed:
            for end in (0, -1):
                rest = o[1:] if end == 0 else o[:-1]
                own = cosine(encoder, ot[o[end]], joined(tt, t))
                without = cosine(encoder, joined(ot, rest), joined(tt, t))
                if (
                    own < floor
                    and without >= full + opts.peel_orig_gain
                    and not rendered_in(encoder, ot[o[end]], joined(tt, t), [ot[x] for x in rest])
                ):
                    (before if end == 0 else after).append(Link((o[end],), ()))
                    o, full, changed = rest, without, True
                    break
        if not changed:
            break
    return [*before, Link(o, t), *reversed(after)]


def relink_gaps(
    d: Draft,
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
    ot, tt = d.ot, d.tt
    links = list(d.links)
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
    for a, i in enumerate(om):  # an added subheading renders no body sentence (structure)
        sim[a, [b for b, j in enumerate(ad) if added_subheading(ot[i], tt[j])]] = -1.0
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
        out += [Link((om[i],), ()) for i in range(a, x)]
        out += [Link((), (ad[j],)) for j in range(b, y)]
        out.append(Link((om[x],), (ad[y],)))
        a, b = x + 1, y + 1
    out += [Link((om[i],), ()) for i in range(a, len(om))]
    out += [Link((), (ad[j],)) for j in range(b, len(ad))]
    return out
