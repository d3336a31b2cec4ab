"""Sentence boundaries the aligner put one sentence off: not additions, not cuts.

A long original sentence is often rendered as two translation sentences, or a clause of
one original sentence is carried into the neighbouring translation sentence. When the
monotone aligner then links each original sentence to the first translation sentence it
meets, the last translation sentence is left unlinked (reported as a major addition) and
the clause that moved looks dropped (a major partial omission). Both are misplaced
boundaries, measured here on the links' own cosines and length ratios:

* ``slipped_additions``: an unlinked translation sentence next to a one-sentence link P
  whose original matches it better than P's own translation does, when giving P's
  translation to the link beyond it (Q) does not lower the total cosine: the chain
  Q, P was shifted by one sentence. The sentence is reported as an info split of the
  shifted chain, not as an addition.
* ``moved_across``: a major partial omission whose cut words, given to the original of
  the neighbouring link (at the side that touches the cut), raise that link's cosine by
  ``BOUNDARY_GAIN`` or more: the neighbour's translation renders them. (Lengths do not
  tell: a document whose links are few, or padded with additions, has no typical ratio.)
  The flag stays, so the recall of a real cut is kept, but it is minor, with the gain as
  evidence.
* ``repeated_in``: the same for a major partial omission whose words the original itself
  repeats in another sentence that the translation renders (a headline quoting the body:
  "...: \"كانت جلالتها نموذجا للقيادة\"" above a body sentence holding the quote). The
  content is not lost, only the repetition; minor, with the repeating sentence as evidence.
  Words of one language against words of the same language: no encoder, no threshold
  learnt from the bench (``REPEATED_SHARE`` of the cut's content words of 3+ letters).

The first two read only the alignment and the encoder's sentence vectors, so they hold
for any language pair; ``repeated_in`` reads the original's own words, with only the
shared function-word lists (``align.sentalign.words.FUNCTION_WORDS``) left out.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING

from align.embed.encoder import cosines
from align.sentalign.moves import joined
from align.sentalign.words import FUNCTION_WORDS
from align.text.names import words
from align.text.normalize import normalize_arabic
from align.types import PARTIAL_OMISSION, SPLIT, Flag, Link

if TYPE_CHECKING:  # pragma: no cover
    from align.check.context import FlagContext

BOUNDARY_GAIN = 0.03  # a neighbour's cosine rises this much when the cut words are its own
REPEATED_SHARE = 0.8  # of a cut's words that another linked original sentence also holds


def slipped_additions(ctx: FlagContext, added: list[int]) -> dict[int, Flag]:
    """Unlinked translation sentences explained by shifting the neighbouring links by
    one sentence, each with the info flag that replaces its addition flag."""
    al = ctx.alignment
    ot, tt = al.original.texts, al.translation.texts
    links = [lk for lk in al.links if lk.translation]
    by_t = {lk.translation[0]: k for k, lk in enumerate(links)}
    out: dict[int, Flag] = {}
    # each shift tried, per unlinked sentence j in order: (j, P, Q, Q's translation with
    # P's sentence, and the six texts its four cosines compare)
    shifts: list[tuple[int, Link, Link, tuple[int, ...], tuple[str, ...]]] = []
    for j in added:
        k = by_t.get(j)
        if k is None:
            continue
        for step in (-1, 1):  # P before j (Q before P), or P after j (Q after P)
            p_k, q_k = k + step, k + 2 * step
            if not 0 <= q_k < len(links):
                continue
            p, q = links[p_k], links[q_k]
            if not p.original or not q.original or len(p.translation) != 1:
                continue
            q_t = (*q.translation, *p.translation) if step < 0 else (*p.translation, *q.translation)
            texts = (
                joined(ot, p.original),
                joined(ot, q.original),
                tt[j],
                tt[p.translation[0]],
                joined(tt, q.translation),
                joined(tt, q_t),
            )
            shifts.append((j, p, q, q_t, texts))
    # all four cosines of every shift in one call: P's original with j and with its own
    # translation, Q's original with its translation and with it grown by P's sentence
    asked = [
        pair
        for *_, (op, oq, tj, tp, tq, tq_new) in shifts
        for pair in ((op, tj), (op, tp), (oq, tq), (oq, tq_new))
    ]
    cos = [float(c) for c in cosines(ctx.encoder, asked)]
    for n, (j, p, q, q_t, _) in enumerate(shifts):
        if j in out:  # the shift before explained it
            continue
        new_p, old_p, old_q, new_q = cos[4 * n : 4 * n + 4]
        if new_p > old_p and new_p + new_q > old_p + old_q:
            orig = tuple(sorted((*p.original, *q.original)))
            trans = tuple(sorted((*q_t, j)))
            out[j] = Flag(
                SPLIT,
                "info",
                orig,
                trans,
                "Split: the sentence boundary falls one sentence later in the "
                "translation; no sentence is added",
                {"shifted_cosine": round(new_p + new_q, 3), "linked": round(old_p + old_q, 3)},
            )
    return out


def moved_across(ctx: FlagContext, flags: list[Flag]) -> list[Flag]:
    """Major partial omissions whose words a neighbouring link renders, made minor (see
    the module docstring)."""
    al = ctx.alignment
    pairs = [lk for lk in al.links if lk.original and lk.translation]
    cuts = [
        f for f in flags if f.kind == PARTIAL_OMISSION and f.severity == "major" and f.translation
    ]
    moves = {id(f): _moves(ctx, pairs, f) for f in cuts}
    # every neighbour's two cosines, all cuts at once: with the cut words and without
    asked = [m for tried in moves.values() for m in tried]
    pairs_asked = [x for moved, o, tr in asked for x in ((moved, tr), (o, tr))]
    cos = [float(c) for c in cosines(ctx.encoder, pairs_asked)]
    gains = {m: cos[2 * n] - cos[2 * n + 1] for n, m in enumerate(asked)}
    out = []
    for f in flags:
        if id(f) in moves:
            gain = _neighbour_gain([gains[m] for m in moves[id(f)]])
            if gain is not None:
                f = replace(f, severity="minor", evidence={**f.evidence, "neighbour_gain": gain})
            elif (at := repeated_in(ctx, pairs, f)) is not None:
                again = f" (the original repeats it in sentence {at + 1}, which is rendered)"
                evidence = {**f.evidence, "repeated_in": at}
                f = replace(f, severity="minor", detail=f.detail + again, evidence=evidence)
        out.append(f)
    return out


@functools.lru_cache(maxsize=4096)
def _tokens(text: str) -> frozenset[str]:
    """Content words of 3+ letters (not ``FUNCTION_WORDS``: "التي", "для", "which" are in
    every sentence), case and Arabic spelling variants folded (cached: a document's linked
    sentences are read once per cut or omitted sentence)."""
    return frozenset(
        normalize_arabic(w).casefold()
        for w, _ in words(text)
        if len(w) >= 3 and w.casefold() not in FUNCTION_WORDS
    )


def _holder(ot: list[str], words_: frozenset[str], among: set[int]) -> int | None:
    """The first sentence of ``among`` (0-based) holding ``REPEATED_SHARE`` of ``words_``
    (3 or more of them); else None."""
    if len(words_) < 3:
        return None
    for i in sorted(among):
        if len(words_ & _tokens(ot[i])) >= REPEATED_SHARE * len(words_):
            return i
    return None


def repeated_in(ctx: FlagContext, pairs: list[Link], f: Flag) -> int | None:
    """The original sentence (0-based), outside ``f``'s link, that holds
    ``REPEATED_SHARE`` of ``f``'s cut content words (3 or more of them) and is linked;
    else None."""
    ot = ctx.alignment.original.texts
    spans = [s for s in f.spans if s.side == "original"]
    cut = _tokens(" ".join(ot[s.sentence][s.start : s.end] for s in spans))
    return _holder(ot, cut, {i for lk in pairs for i in lk.original} - set(f.original))


def repeated_sentence(ctx: FlagContext, linked: set[int], i: int) -> int | None:
    """A linked original sentence (0-based) other than ``i`` that holds ``REPEATED_SHARE``
    of ``i``'s content words (3 or more), as ``repeated_in`` for a whole sentence: a
    summary bullet or subheading over the body ("- مسؤوليتي الأولى هي الحفاظ على أمن
    وسلامة الكويت ..." above the quote that says it again); else None."""
    ot = ctx.alignment.original.texts
    return _holder(ot, _tokens(ot[i]), linked - {i})


def _neighbour_gain(gains: list[float]) -> float | None:
    """The first of a cut's neighbours' gains (``_moves``, in order: how much a link's
    cosine rises when the cut words are given to its original, at the side that touches
    the cut) that reaches ``BOUNDARY_GAIN``; else None."""
    for gain in gains:
        if gain >= BOUNDARY_GAIN:
            return round(gain, 3)
    return None


def _moves(ctx: FlagContext, pairs: list[Link], f: Flag) -> list[tuple[str, str, str]]:
    """Per link next to ``f``'s: its original with ``f``'s cut words given to it, its
    original and its translation (what ``_neighbour_gain`` compares)."""
    ot, tt = ctx.alignment.original.texts, ctx.alignment.translation.texts
    cut = " ".join(ot[s.sentence][s.start : s.end] for s in f.spans if s.side == "original")
    if not cut.strip():  # a sentence-level cut (``check.partial``) names its words instead
        cut = " ".join(str(x) for x in f.evidence.get("left_out", ()))
    if not cut.strip():
        return []
    out = []
    for lk in pairs:
        before = lk.translation[-1] + 1 == f.translation[0]
        after = lk.translation[0] - 1 == f.translation[-1]
        if not (before or after) or set(lk.original) & set(f.original):
            continue
        o, tr = joined(ot, lk.original), joined(tt, lk.translation)
        out.append((f"{o} {cut}" if before else f"{cut} {o}", o, tr))
    return out
