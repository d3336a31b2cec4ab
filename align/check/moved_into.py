"""Sentences moved *into* a linked translation sentence: not omitted, not inserted.

A rewrite often folds a later sentence of the original into an earlier one ("... discussed
joint efforts on major infrastructure projects, including the construction of the
Kambarata-1 hydropower plant and the China-Kyrgyzstan-Uzbekistan railway" for "Особое
внимание уделили реализации строительства Камбар-Атинской ГЭС-1 и железной дороги ..."
two sentences down). The monotone aligner cannot link it there, so the sentence surfaced
as an omission (or as a move onto whatever unlinked sentence resembled it most: an added
background sentence about the same railway) beside a major "words added" on the lead. The
insertion's words are the sentence's rendering when the two are each other's best match
among such flags, at the move bar (``reorder_sim``), closer to it than to the original
they were linked with, and, for a sentence already taken as a move, closer than its move.
The words must keep the sentence's figures (a changed figure: two statements, not one).
One reorder flag then replaces the two, pointing at both; a move's old landing place is
an addition again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from align.check.gaps import quote
from align.check.spans import side_pieces, with_spans
from align.embed.encoder import cosines
from align.sentalign.moves import joined
from align.text.number_match import compare_numbers
from align.types import ADDITION, INSERTION, OMISSION, REORDER, Flag

if TYPE_CHECKING:  # pragma: no cover
    from align.check.context import FlagContext


def moved_into(ctx: FlagContext, flags: list[Flag]) -> list[Flag]:
    """``flags`` with each omission (or move) and insertion that are one moved sentence
    replaced by a reorder flag (see the module docstring)."""
    gone = [
        f
        for f in flags
        if f.kind in (OMISSION, REORDER) and len(f.original) == 1 and f.severity != "info"
    ]
    added = [(f, w) for f in flags if f.kind == INSERTION and (w := _added_words(ctx, f))]
    if not gone or not added:
        return flags
    al = ctx.alignment
    ot, tt = al.original.texts, al.translation.texts
    words = [w for _, w in added]
    sims = ctx.encoder.encode([ot[f.original[0]] for f in gone]) @ ctx.encoder.encode(words).T
    own = [float(c) for c in cosines(ctx.encoder, [(joined(ot, f.original), w) for f, w in added])]
    moved = [
        float(c)
        for c in cosines(
            ctx.encoder,
            [(ot[f.original[0]], joined(tt, f.translation) if f.translation else "") for f in gone],
        )
    ]
    out = list(flags)
    for a, b in _best_pairs(sims):
        om, (ins, w) = gone[a], added[b]
        sim = float(sims[a, b])
        if sim < ctx.options.reorder_sim or sim <= own[b]:
            continue
        if om.kind == REORDER and sim <= moved[a]:
            continue
        if compare_numbers(ot[om.original[0]], al.original.lang, w, al.translation.lang).changed:
            continue  # "70 процентов ... проголосуют" is not "57 percent of respondents"
        i, k = om.original[0], ins.translation[0]
        spans = (
            *(sp for sp in om.spans if sp.side == "original"),
            *(sp for sp in ins.spans if sp.side == "translation"),
        )
        flag = Flag(
            REORDER,
            "minor",
            (i,),
            ins.translation,
            f"Moved: original sentence {i + 1} is rendered inside translation sentence {k + 1}"
            f" ({quote(w, 60)})",
            {"similarity_threshold": ctx.options.reorder_sim, "cosine": round(sim, 3)},
            None,
            spans,
        )
        out = [flag if f is om else f for f in out if f is not ins]
        if om.kind == REORDER and om.translation:
            out = _released(ctx, out, om.translation)
    return out


def _best_pairs(sims: np.ndarray) -> list[tuple[int, int]]:
    """Rows and columns that are each other's best match."""
    return [
        (a, b)
        for a in range(sims.shape[0])
        if int(sims[:, (b := int(sims[a].argmax()))].argmax()) == a
    ]


def _added_words(ctx: FlagContext, f: Flag) -> str:
    """The words an insertion flag points at in its one translation sentence ("": several
    sentences, or no span there)."""
    pieces = side_pieces(f, ctx.alignment)
    if len(f.translation) != 1 or not pieces or len({i for i, _ in pieces}) != 1:
        return ""
    return " ".join(text for _, text in pieces)


def _released(ctx: FlagContext, flags: list[Flag], run: tuple[int, ...]) -> list[Flag]:
    """``flags`` with translation sentences ``run`` (a move's old landing place) added to
    the content addition right beside them, or as one of their own."""
    tt = ctx.alignment.translation.texts
    for f in flags:
        if f.kind != ADDITION or f.subkind != "content":
            continue
        if f.translation[0] == run[-1] + 1 or f.translation[-1] == run[0] - 1:
            idx = tuple(sorted({*f.translation, *run}))
            grown = replace(
                f,
                translation=idx,
                detail="Added: translation has text with no source in the original: "
                + quote(" ".join(tt[j] for j in idx)),
                evidence={**f.evidence, "sentences": len(idx)},
                spans=(),
            )
            return [with_spans(grown, ctx.alignment) if x is f else x for x in flags]
    new = Flag(
        ADDITION,
        "major",
        (),
        run,
        "Added: translation has text with no source in the original: "
        + quote(" ".join(tt[j] for j in run)),
        {"sentences": len(run)},
        subkind="content",
    )
    return [*flags, with_spans(new, ctx.alignment)]
