"""Merged sentences: ``merge_omissions`` rejoins an original sentence the search left out
of the link it was merged into, and ``rendered_in`` asks whether one piece of a
translation renders a sentence (the probe ``merge_omissions`` and the peel of
``align.sentalign.repair`` share). Kept apart from ``repair`` for size; ``repair_links``
runs ``merge_omissions`` in its order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from typing import TYPE_CHECKING

from align.embed.encoder import cosines
from align.sentalign.moves import Draft, joined
from align.text.shape import clauses, date_line
from align.types import Link

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder


@dataclass(frozen=True, slots=True)
class _Merge:
    """One merge ``merge_omissions`` tries: the unlinked original ``sentence`` joined to a
    neighbouring link, whose originals become ``merged`` and whose translation stays."""

    sentence: int
    merged: tuple[int, ...]
    translation: tuple[int, ...]

    @property
    def kept(self) -> tuple[int, ...]:
        """The neighbour's own original sentences."""
        return tuple(x for x in self.merged if x != self.sentence)


def merge_omissions(
    d: Draft,
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

    The gains of every merge the links offer as they stand are asked in one encoder call
    (a call costs ~1.5 ms whatever its size); a merge that only appears once an earlier
    one changed its neighbour is asked when met.
    """
    links = list(d.links)
    gains = _gains(d, encoder, [m for k in range(len(links)) for _, m in _merges(links, k, keep)])
    k = 0
    while k < len(links):
        best: tuple[float, int, _Merge] | None = None
        for nb, m in _merges(links, k, keep):
            gain = gains[m] if m in gains else _gains(d, encoder, [m])[m]
            if rendered_in(encoder, d.ot[m.sentence], joined(d.tt, m.translation), _kept(d, m)):
                gain = max(gain, min_gain + 1e-6)
            if gain > min_gain and (best is None or gain > best[0]):
                best = (gain, nb, m)
        if best is not None:
            _, nb, m = best
            links[nb] = Link(m.merged, m.translation)
            del links[k]
            continue
        k += 1
    return tuple(links)


def _kept(d: Draft, m: _Merge) -> list[str]:
    return [d.ot[x] for x in m.kept]


def _gains(d: Draft, encoder: Encoder, merges: list[_Merge]) -> dict[_Merge, float]:
    """How much each merge raises its link's cosine to its translation, from one encoder
    call that also encodes what ``rendered_in`` then reads for it."""
    asked: list[tuple[str, str]] = []
    pieces: list[str] = []
    for m in merges:
        t = joined(d.tt, m.translation)
        asked += [(joined(d.ot, m.merged), t), (joined(d.ot, m.kept), t)]
        if len(cut := _pieces(t)) >= 2:
            pieces += [d.ot[m.sentence], *_kept(d, m), *cut]
    cos = [float(c) for c in cosines(encoder, asked, also=pieces)]
    return {m: cos[2 * n] - cos[2 * n + 1] for n, m in enumerate(merges)}


def _merges(links: list[Link], k: int, keep: Set[int]) -> list[tuple[int, _Merge]]:
    """The merges ``merge_omissions`` tries for link ``k``, with the index of the
    neighbour each joins: one per linked neighbour the sentence joins without a gap,
    when link ``k`` is one unlinked original sentence outside ``keep``; else none."""
    lk = links[k]
    if not (len(lk.original) == 1 and not lk.translation and lk.original[0] not in keep):
        return []
    i = lk.original[0]
    out = []
    for nb in (k - 1, k + 1):
        if not 0 <= nb < len(links) or not (links[nb].original and links[nb].translation):
            continue
        p = links[nb]
        merged = (*p.original, i) if nb < k else (i, *p.original)
        if merged == tuple(range(merged[0], merged[-1] + 1)):
            out.append((nb, _Merge(i, merged, p.translation)))
    return out


def _pieces(text: str) -> list[str]:
    """``text`` cut at clause boundaries, and at sentence ends (``rendered_in``).

    Both: a merged sentence may be one clause of its new sentence ("..., and they are
    friendly") or a whole sentence the segmenter left joined, which clause cuts split
    into pieces too small to match ("You're going to go" / "after someone like that?").
    """
    sentences = _SENT_END.split(text)
    out = [c for part in sentences for c in clauses(part)]
    return out + [s for s in sentences if s not in out] if len(sentences) >= 2 else out


RENDERED_SIM = 0.6  # a piece of a translation this close to a sentence renders it ...
RENDERED_LOOSE = 0.3  # ... or this close, and closer than to the rival sentences by
RENDERED_MARGIN = 0.2  # this margin (short sentences have low cosines)
_SENT_END = re.compile(r"(?<=[.!?…])\s+")


def rendered_in(
    encoder: Encoder, sentence: str, text: str, rivals: Sequence[str] = (), loose: bool = True
) -> bool:
    """Whether one piece of ``text`` renders ``sentence`` (rather than one of ``rivals``).

    ``text`` is cut at sentence ends and clause boundaries (one piece: False). A
    sentence merged into a neighbour's translation has its own piece there ("... ;
    they are friendly"), while a dropped sentence glued on by mistake matches none,
    even when the embedding of the whole link cannot tell the two apart. Short
    sentences reach low cosines even with their own rendering ("Я утратил способность
    передвигаться." / "I could not walk.": 0.42), so a looser bar applies when the
    piece is clearly closer to ``sentence`` than to the rivals (the link's other
    original sentences).
    """
    pieces = _pieces(text)
    if len(pieces) < 2:
        return False
    v = encoder.encode([sentence, *rivals, *pieces])
    piece_v = v[1 + len(rivals) :]
    sims = piece_v @ v[0]
    best = int(sims.argmax())
    if sims[best] >= RENDERED_SIM:
        return True
    if not loose:  # the strict bar only (``repair._peel``'s guard)
        return False
    rival = float((v[1 : 1 + len(rivals)] @ piece_v[best]).max()) if rivals else -1.0
    return bool(sims[best] >= RENDERED_LOOSE and sims[best] - rival >= RENDERED_MARGIN)


def join_split_halves(d: Draft, encoder: Encoder, keep: Set[int]) -> tuple[Link, ...]:
    """An unlinked translation sentence joined to the link beside it whose original a
    piece of renders it (``rendered_in``, the link's own translation as the rivals): the
    second half of a sentence the translator split ("This position is in accordance with
    international resolutions and the Arab Peace Initiative, reported Al-Rai Daily." after
    the first half, for "... وفق القرارات الدولية ومبادرة السلام العربية"), which the
    search gave to the next link and the peel left over, was a false major addition.
    The link before is tried first; moved sentences and page furniture (``keep``) stay."""
    links = list(d.links)
    end_at = {lk.translation[-1]: k for k, lk in enumerate(links) if lk.original and lk.translation}
    start_at = {
        lk.translation[0]: k for k, lk in enumerate(links) if lk.original and lk.translation
    }
    joined_to: dict[int, int] = {}  # unlinked translation sentence -> link it joins
    for lk in links:
        if lk.original or len(lk.translation) != 1 or lk.translation[0] in keep:
            continue
        j = lk.translation[0]
        if date_line(d.tt[j]):  # a dateline renders no half of a sentence
            continue
        # the link before renders the sentence's head (j its tail), the link after its tail
        for k, tail in ((end_at.get(j - 1), True), (start_at.get(j + 1), False)):
            if k is None:
                continue
            own = links[k]
            rivals = [d.tt[x] for x in own.translation]
            text = joined(d.ot, own.original)
            if rendered_in(encoder, d.tt[j], text, rivals) or _end_renders(
                encoder, d.tt[j], text, rivals, tail
            ):
                joined_to[j] = k
                break
    if not joined_to:
        return d.links
    grown = {k: list(links[k].translation) for k in set(joined_to.values())}
    for j, k in joined_to.items():
        grown[k] = sorted({*grown[k], j})
    out = []
    for k, lk in enumerate(links):
        if not lk.original and lk.translation and lk.translation[0] in joined_to:
            continue
        out.append(Link(lk.original, tuple(grown[k])) if k in grown else lk)
    return tuple(out)


SPLIT_END_SIM = 0.45  # an end window of the original this close to a split half renders it


def _end_renders(
    encoder: Encoder, sentence: str, text: str, rivals: Sequence[str], tail: bool
) -> bool:
    """Whether the last (``tail``) or first words of ``text`` render ``sentence``: a window
    of a third, a half or two thirds of the sentence's word count (the original language
    may be terser), at ``SPLIT_END_SIM`` and ``RENDERED_MARGIN`` closer to it than to the
    rivals. A split often falls inside a clause ("... حدود 4 يونيو 1967 وفق القرارات
    الدولية ومبادرة السلام العربية": the last five words 0.57 to the second half, 0.09
    to the first), where ``rendered_in``'s clause pieces do not cut."""
    words = text.split()
    n = len(sentence.split())
    sizes = sorted({max(3, n * f // 6) for f in (2, 3, 4)} & set(range(3, len(words))))
    if not sizes:
        return False
    windows = [" ".join(words[-w:] if tail else words[:w]) for w in sizes]
    v = encoder.encode([sentence, *rivals, *windows])
    win = v[1 + len(rivals) :]
    sims = win @ v[0]
    rival = (win @ v[1 : 1 + len(rivals)].T).max(axis=1) if rivals else sims * 0 - 1
    return bool(((sims >= SPLIT_END_SIM) & (sims - rival >= RENDERED_MARGIN)).any())
