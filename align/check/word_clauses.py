"""Clause-level evidence for a span candidate: has the run a counterpart clause?

A word run without word-level counterparts is a weak sign by itself: a free
translation leaves many faithful words unmatched. A clause-level view adds what the
word view lacks. Both sides of the link are cut into clauses
(``align.text.shape.clauses``), every clause embedded from its token rows in context
(``align.embed.views``: no extra model pass), and a candidate is compared
with the other side's clauses:

* ``best``: its cosine with the closest clause of the other side. A rendered clause
  has a counterpart clause; a dropped or an added one has none (only topical
  neighbours);
* ``margin``: ``best`` minus how well another clause of its own side (one that does
  not overlap it) matches that same counterpart. Negative when the counterpart
  belongs to a neighbour, as a dropped clause's nearest clause usually does.

Both are features of the candidate score in ``align.check.word_cuts``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from align.text.shape import clauses

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import FloatArray


def clause_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text``'s clauses (``shape.clauses``), in order."""
    out: list[tuple[int, int]] = []
    pos = 0
    for c in clauses(text):
        at = text.find(c, pos)
        if at < 0:  # a clause joined across a dropped separator: locate its first word
            head = c.split()[0]
            at = text.find(head, pos)
            if at < 0:
                continue
            end = min(len(text), at + len(c))
        else:
            end = at + len(c)
        out.append((at, end))
        pos = end
    return out or ([(0, len(text))] if text.strip() else [])


def clause_evidence(
    cuts: list[tuple[int, int]],
    alone: FloatArray,
    mine: list[tuple[int, int]],
    v_mine: FloatArray,
    v_other: FloatArray,
) -> list[tuple[float, float]]:
    """(best, margin) per cut (see the module docstring). ``alone``: the cuts' own
    embeddings, one row per cut; ``mine``/``v_mine``: this side's clause ranges and
    embeddings; ``v_other``: the other side's clause embeddings."""
    if not cuts or not len(v_other):
        return [(0.0, 0.0) for _ in cuts]
    s_ao = alone @ v_other.T  # (cuts, other clauses)
    s_mo = v_mine @ v_other.T if len(v_mine) else np.zeros((0, len(v_other)))
    out = []
    for k, (a, b) in enumerate(cuts):
        j = int(s_ao[k].argmax())
        best = float(s_ao[k, j])
        rivals = [float(s_mo[i, j]) for i, (x, y) in enumerate(mine) if y <= a or x >= b]
        out.append((best, best - max(rivals) if rivals else best))
    return out
