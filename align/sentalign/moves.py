"""Moved passages: unlinked original and translation sentences that are one passage moved.

A monotone search cannot express a move, so a moved passage surfaces as an omission plus
an addition elsewhere. The link repairs (``align.sentalign.repair``) protect such
sentences from being paired with a neighbour, and ``check`` reports them as ``reorder``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from align.embed.encoder import cosines
from align.sentalign.options import REORDER_EXTEND_SIM, REORDER_SIM
from align.sentalign.words import shared_names
from align.text.shape import BOILERPLATE_RE, clauses, has_terminal, untitled_heading
from align.types import Link

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder

_MOVE_MARGIN = 0.1  # a moved sentence is this much closer to its omitted source than to its link
# Cosine added to an omitted and an added sentence's for each name or number they share
# (at most two): a moved sentence whose rendering the encoder scores loosely ("كشف توم
# براون ... لعيد الهالوين" / "Thom Browne also revealed ... Halloween", 0.43 against the
# bar 0.45) was a false omission beside a false addition. Chosen on bench/flags.py half 0
# (draws 0-2, links recomputed): 0.1 removed one of nine false omissions and changed
# nothing else; 0.2 made a cut sentence a move in draw 2 (omission P 0.975 -> 0.966).
NAME_BONUS = 0.1


@dataclass(frozen=True, slots=True)
class Draft:
    """Links under repair, with the sentence texts of both sides."""

    ot: list[str]
    tt: list[str]
    links: tuple[Link, ...]


def cosine(encoder: Encoder, a: str, b: str) -> float:
    """Cosine of two texts (the encoder caches, so repeated texts cost nothing); one pair
    of ``align.embed.encoder.cosines``, so the arithmetic is defined once."""
    return float(cosines(encoder, [(a, b)])[0])


def joined(texts: list[str], idx: tuple[int, ...]) -> str:
    """The sentences ``idx`` of ``texts`` as one text."""
    return " ".join(texts[i] for i in idx)


_HEADLINE_MAX = 160  # characters of an original's untitled first line (Arabic runs long)


def headlines(d: Draft, j: int) -> bool:
    """Whether translation sentence ``j`` is the first line and both documents open with a
    headline: then the two headlines are each other's rendering, however loose.

    Headlines are rewritten more than any sentence ("انسحاب المملكة المتحدة من الاتحاد
    الأوروبي: ..." / "Brexit: UK 'would forever regret' losing carmakers": cosine 0.19),
    so treating the English one as a republisher's headline made the original's a false
    omission (``bench/flags.py`` half 0: 2 of 16 false omissions over three draws). A
    headline the original lacks still is one: the original then opens with a sentence.
    """
    if j != 0 or not d.ot or not untitled_heading(d.tt[0]):
        return False
    first = d.ot[0]
    return (
        len(first) < _HEADLINE_MAX and not has_terminal(first) and not BOILERPLATE_RE.search(first)
    )


def added_headline(d: Draft) -> bool:
    """Whether the translation opens with a headline the original lacks (the original opens
    with a sentence): that headline renders no sentence of it, however close its summary,
    so it is neither glued into the lead's link (``repair.peel_headline``) nor the landing
    place of a moved sentence (``move_pairs``)."""
    return bool(d.tt) and bool(d.ot) and untitled_heading(d.tt[0]) and not headlines(d, 0)


LOCAL_PRIOR = 0.1  # cosine credited to an omitted / added pair side by side in one gap


def find_moves(
    d: Draft, encoder: Encoder, min_sim: float = REORDER_SIM, extend_sim: float = REORDER_EXTEND_SIM
) -> tuple[set[int], set[int]]:
    """Unlinked original and translation sentences that are moved passages (``move_pairs``)."""
    pairs = move_pairs(d, encoder, min_sim, extend_sim)
    return {i for i, _ in pairs}, {j for _, j in pairs}


def move_pairs(
    d: Draft, encoder: Encoder, min_sim: float = REORDER_SIM, extend_sim: float = REORDER_EXTEND_SIM
) -> list[tuple[int, int]]:
    """Unlinked original and translation sentences that are one moved passage, as
    (original, translation) sentence pairs in the original's order.

    The aligner is monotone, so a moved passage surfaces as an omission plus an
    addition elsewhere: a pair of them that are each other's best match (cosine >=
    ``min_sim``) is a move, grown along the passage by ``_extend_moves``. A pair in
    the same gap (between the same two links) is not a move but a rewritten or cut
    sentence (``align.sentalign.repair.relink_gaps`` pairs those), and takes neither of its two
    sentences into a move: a changed sentence was claimed by a similar dropped one
    further down (NTREX ru case 157). Nor does a pair whose sentence has a partner in its
    own gap that one clause explains as well (``_cut_beside``).
    """
    ot, tt = d.ot, d.tt
    gap_of: dict[tuple[str, int], int] = {}  # an unlinked sentence's gap: links before it
    gap = 0
    for lk in d.links:
        if lk.original and lk.translation:
            gap += 1
        gap_of.update({("o", i): gap for i in lk.original} if not lk.translation else {})
        gap_of.update({("t", j): gap for j in lk.translation} if not lk.original else {})
    omitted = [i for lk in d.links if not lk.translation for i in lk.original]
    # a headline the original lacks is not where a moved sentence landed ("Kyrgyzstan,
    # Uzbekistan Mull Over Progress On Major Railway Project" took the railway sentence
    # that the lead renders inside it, ``check.moved_into``)
    skip = 0 if added_headline(d) else -1
    added = [j for lk in d.links if not lk.original for j in lk.translation if j != skip]
    if not omitted or not added:
        return []
    sim = encoder.encode([ot[i] for i in omitted]) @ encoder.encode([tt[j] for j in added]).T
    named = NAME_BONUS * _shared(ot, tt, omitted, added, sim, min_sim)
    sim = sim + named
    same = np.array([[gap_of[("o", i)] == gap_of[("t", j)] for j in added] for i in omitted])
    # position prior: the sentence beside it is likelier its rendering than one far away
    # (a changed number or name costs a faithful rendering some cosine)
    prior = sim + LOCAL_PRIOR * same
    pairs = set()
    local = []  # best matches side by side in one gap: a rewrite or a cut, not a move
    for a in range(len(omitted)):
        b = int(prior[a].argmax())
        b = _farther(a, b, sim, named, same)
        if int(prior[:, b].argmax()) != a:
            continue
        if same[a, b] and prior[a, b] >= min_sim:
            local.append((a, b))
        elif sim[a, b] >= min_sim and not _cut_beside(
            encoder, d, (omitted, added), same, (a, b), float(sim[a, b])
        ):
            pairs.add((a, b))
    sim[same] = -1.0
    for a, b in local:  # ... and neither of the two is part of a move
        sim[a, :] = -1.0
        sim[:, b] = -1.0
    pairs = _extend_moves(pairs, omitted, added, sim, extend_sim)
    return _split_moves(d, encoder, sorted((omitted[a], added[b]) for a, b in pairs), gap_of)


# Cosine a moved sentence's rendering must gain when an unlinked neighbour joins it
SPLIT_MOVE_GAIN = 0.03


def _split_moves(
    d: Draft, encoder: Encoder, pairs: list[tuple[int, int]], gap_of: dict[tuple[str, int], int]
) -> list[tuple[int, int]]:
    """Moves with a neighbour the moved sentence was split into (or merged with).

    A moved sentence is as often split in two as one that stayed put: a digest
    rendered "Вместе с тем Глава государства выразил осуждение попытки атаки ...,
    отметив, что ..." as "... Tokayev also expressed condemnation of the attempted
    attack ..." and "Tokayev noted that such actions ...": the second half was the
    move (0.52) and the first a false major addition. An unlinked, unmoved neighbour
    of a moved sentence joins the move when the two together render the other side
    better, by ``SPLIT_MOVE_GAIN``, than the moved sentence alone (0.57 there).
    """
    if not pairs:
        return pairs
    used_o, used_t = {i for i, _ in pairs}, {j for _, j in pairs}
    out = list(pairs)
    for i, j in pairs:
        base = cosine(encoder, d.ot[i], d.tt[j])
        for side, texts, k, used in (("t", d.tt, j, used_t), ("o", d.ot, i, used_o)):
            for n in (k - 1, k + 1):
                if (side, n) not in gap_of or n in used:
                    continue
                both = joined(texts, (min(k, n), max(k, n)))
                other = d.ot[i] if side == "t" else d.tt[j]
                if cosine(encoder, other, both) >= base + SPLIT_MOVE_GAIN:
                    used.add(n)
                    out.append((i, n) if side == "t" else (n, j))
                    break
    return sorted(out)


def _farther(a: int, b: int, sim: np.ndarray, named: np.ndarray, same: np.ndarray) -> int:
    """The best partner of omitted row ``a`` once a neighbour's shared names stop counting
    against a closer rendering elsewhere: a neighbour in the same gap (``b``) that wins
    only through the position prior *and* a shared name or title loses to a sentence
    elsewhere that the encoder scores higher by more than the prior. A digest quoting a
    Kyrgyz president after a Kazakh one ("Вместе с тем Глава государства выразил
    осуждение ..." beside "Kyrgyzstan's President ... also responded", which share
    "Президента" / "President": 0.36 + 0.1 + 0.1) hid the sentence's real rendering two
    items up (0.52)."""
    if not same[a, b] or named[a, b] == 0:
        return b
    bare = sim[a] - named[a]
    far = np.where(same[a], -1.0, sim[a])
    c = int(far.argmax())
    return c if far[c] > bare[b] + LOCAL_PRIOR else b


def _shared(
    ot: list[str], tt: list[str], omitted: list[int], added: list[int], sim: np.ndarray, bar: float
) -> np.ndarray:
    """Names and numbers each omitted and added sentence share (at most two), counted
    only where they could lift the pair to the move bar: unrelated documents leave
    hundreds of sentences on each side unlinked, and reading every pair's words cost
    6 s for 200 x 200 sentences."""
    out = np.zeros(sim.shape, dtype=sim.dtype)
    reach = np.argwhere(sim >= bar - 2 * NAME_BONUS)
    for a, b in reach:
        out[a, b] = min(2, shared_names(ot[omitted[a]], tt[added[b]]))
    return out


def _cut_beside(
    encoder: Encoder,
    d: Draft,
    unlinked: tuple[list[int], list[int]],
    same: np.ndarray,
    pair: tuple[int, int],
    move_sim: float,
) -> bool:
    """Whether a sentence of a would-be move (``pair``: rows of ``unlinked`` omitted /
    added sentences) has a partner in its own gap that one clause matches as well.

    A heavily cut sentence's remainder ("Where she urged Caledonians to remain French.")
    matches its own original poorly as a whole (0.33) and may match a dropped sentence
    further on better (0.51): it was taken as a move, leaving its original a false
    omission. One clause of the original renders it, though, and a moved sentence
    has no reason to be rendered by a clause of its neighbour. The same holds the other
    way round for a sentence that gained a clause ("Six members of staff have been
    treated for injuries, the Prison Office has said"). Measured on ``bench/flags.py``
    half 0 (three draws): 2 of 16 false omissions.
    """
    omitted, added = unlinked
    for a in range(len(omitted)):
        for b in range(len(added)):
            if not same[a, b] or (a != pair[0] and b != pair[1]):
                continue
            o, t = d.ot[omitted[a]], d.tt[added[b]]
            whole, part = (o, t) if len(o) >= len(t) else (t, o)
            pieces = clauses(whole)
            if len(pieces) < 2:
                continue
            v = encoder.encode([part, *pieces])
            if float((v[1:] @ v[0]).max()) >= move_sim:
                return True
    return False


def _extend_moves(
    pairs: set[tuple[int, int]],
    omitted: list[int],
    added: list[int],
    sim: np.ndarray,
    floor: float,
) -> set[tuple[int, int]]:
    """Grow matched moves along their passages: a moved passage moves as a block.

    Once omitted sentence ``omitted[a]`` is matched to added ``added[b]``, their
    neighbours (``a+-1``, ``b+-1``, both adjacent in their documents and unmatched; on
    the translation side also one past a sentence inserted into the moved passage) are
    the same move when merely related (cosine >= ``floor``): a short or loosely rendered
    sentence of a moved paragraph rarely clears the strict bar on its own, and was left
    behind as a false omission plus a false addition.
    """
    used_a = {a for a, _ in pairs}
    used_b = {b for _, b in pairs}
    todo = sorted(pairs)
    out = set(pairs)
    while todo:
        a, b = todo.pop()
        for da in (-1, 1):
            x = a + da
            if not 0 <= x < len(omitted) or x in used_a or omitted[x] - omitted[a] != da:
                continue
            for db in (da, 2 * da):  # the next translation sentence, or one past an insertion
                y = b + db
                if not 0 <= y < len(added) or y in used_b or added[y] - added[b] != db:
                    continue
                if float(sim[x, y]) >= floor:
                    out.add((x, y))
                    used_a.add(x)
                    used_b.add(y)
                    todo.append((x, y))
                    break
    return out


def flipped(d: Draft) -> Draft:
    """The draft with its two sides swapped: a repair written for one side runs on the
    other through it (cosines are symmetric)."""
    return Draft(d.tt, d.ot, tuple(Link(lk.translation, lk.original) for lk in d.links))


def peel_moved(d: Draft, encoder: Encoder, min_sim: float) -> tuple[Link, ...]:
    """Moved sentences peeled out of the links they were glued into, on both sides.

    The translation side first (``_peel_added``); then the same on the original's side:
    an original sentence moved down is glued to the edge of a many-to-one link where its
    rendering would have sat, and the translation it really has reads as an addition
    (realdev WAM/The National: "وثمن سموه ... الاعتراف بالدولة الفلسطينية" in a 3-1 link
    at 0.48, its rendering two sentences up left unlinked at 0.59).
    """
    f = flipped(replace(d, links=_peel_added(d, encoder, min_sim)))
    return flipped(replace(f, links=_peel_added(f, encoder, min_sim))).links


def _peel_added(d: Draft, encoder: Encoder, min_sim: float) -> tuple[Link, ...]:
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
    ot, tt = d.ot, d.tt
    omitted = [i for lk in d.links if not lk.translation for i in lk.original]
    ends = {}
    for k, lk in enumerate(d.links):
        if lk.original and lk.translation:
            ends[lk.translation[0]] = k
            ends[lk.translation[-1]] = k
    if not omitted or not ends:
        return d.links
    cand = sorted(ends)
    sim = encoder.encode([ot[i] for i in omitted]) @ encoder.encode([tt[j] for j in cand]).T
    links = list(d.links)
    peeled: set[int] = set()
    for b, j in enumerate(cand):
        a = int(sim[:, b].argmax())
        if sim[a, b] < min_sim or int(sim[a].argmax()) != b:
            continue
        lk = links[ends[j]]
        if j not in lk.translation:
            continue
        if sim[a, b] < cosine(encoder, joined(ot, lk.original), tt[j]) + _MOVE_MARGIN:
            continue
        rest = tuple(x for x in lk.translation if x != j)
        links[ends[j]] = Link(lk.original, rest)
        peeled.add(j)
    if not peeled:
        return d.links
    out: list[Link] = []
    for k, lk in enumerate(links):
        first = d.links[k].translation[:1]
        if first and first[0] in peeled:  # peeled off the front: it goes before the link
            out.append(Link((), first))
        out.append(lk)
        last = d.links[k].translation[-1:]
        if last and last[0] in peeled and len(d.links[k].translation) > 1:
            out.append(Link((), last))
    return tuple(out)
