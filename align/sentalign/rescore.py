"""Accuracy mode (``--accurate``): e5-small re-scores the first pass's candidate links.

Why this shape. e5-small is ~15-25x slower per sentence than USE v3 on a CPU, and a
Vecalign-style search would embed every run of up to ``max_side`` sentences on both
sides. Here e5 embeds each sentence once; runs of sentences get the token-weighted
mean of their sentences' vectors (e5 mean-pools its last layer, so that is the
pooled state the model itself would start from), and a second search runs only in a
narrow band (``rescore_band``) around the first (USE v3) pass, on the two encoders'
cosines averaged (``e5_weight``). With ``e5_exact``, wherever that second pass chooses
a many-to-one link the joined text is re-encoded exactly and the search runs once
more. It is off: swapping exact vectors in for the chosen spans only (their rivals
keep the approximation) biased the last search, and it cost strict F1 (bench
``--cv --accurate``, first chapter of each novel: Text+Berg 0.935 -> 0.903, zh-en
0.848 -> 0.770, synthetic sets 0.02-0.03).

A language USE v3 does not cover (Ukrainian, Persian, ...) is aligned by e5 alone:
then e5 does the first pass too (the full search), and ``Link.score`` is the
logistic of e5's cosine with e5's own midpoint (``E5_SCORE_MID``): e5 cosines are
compressed (unrelated sentences ~0.75), so USE v3's 0.45 midpoint would call every
pair certain.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from align.embed.e5 import e5_tokens, span_embeddings
from align.sentalign.dp import Band, band_around
from align.sentalign.link_gain import SideSpans, hubness

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder
    from align.sentalign.options import AlignOptions

Bounds = list[tuple[int, int, int, int]]
PathFn = Callable[[SideSpans, SideSpans, "AlignOptions", "Band | None"], Bounds]

#: e5 cosines are compressed: on NTREX ar-en/ru-en (60 documents) true pairs average
#: 0.883 (sd 0.023) and same-document non-pairs 0.786 (sd 0.030), a gap of 0.10 where
#: USE v3's is 0.52. e5's cosine is multiplied by this before it is mixed, so both
#: encoders move a link's margin on the same scale and the gain terms tuned on USE v3
#: (threshold, anchors, length) keep their meaning.
E5_SCALE = 5.0
#: Link.score of e5-only alignments: logistic of the scaled cosine, centred at the best
#: separating e5 cosine on that sample (0.835), slope 60 per unit of e5 cosine.
E5_SCORE_MID = 0.835 * E5_SCALE
E5_SCORE_SLOPE = 60.0 / E5_SCALE


class Rescorer:
    """e5 sentence vectors of both sides and the combined span tables built from them."""

    def __init__(
        self,
        e5: Encoder,
        texts: tuple[Sequence[str], Sequence[str]],
        bags: tuple[np.ndarray, np.ndarray],
        first: tuple[SideSpans, SideSpans] | None,
        options: AlignOptions,
    ) -> None:
        self.e5, self.texts, self.o = e5, texts, options
        self.vecs = [e5.encode(list(t)) for t in texts]
        weights = [e5_tokens(e5, list(t)) for t in texts]
        self.w = options.e5_weight if first is not None else 1.0
        sides = []
        for k in range(2):
            n = len(texts[k])
            sizes = range(1, min(options.max_side, max(n, 1)) + 1)
            emb = {
                a: self._mix(
                    first[k].emb[a] if first else None, span_embeddings(self.vecs[k], weights[k], a)
                )
                for a in sizes
            }
            sides.append(SideSpans(None, texts[k], options.max_side, bags[k], emb=emb))
        hubness(sides[0], sides[1], options.margin_k, options.hub_sample)
        hubness(sides[1], sides[0], options.margin_k, options.hub_sample)
        self.sides = (sides[0], sides[1])
        self.exact: dict[tuple[int, int, int], np.ndarray] = {}  # (side, a, start) -> e5 vector

    def _mix(self, usem: np.ndarray | None, e5: np.ndarray) -> np.ndarray:
        """Rows whose dot product is ``(1 - w) * cos_usem + w * E5_SCALE * cos_e5``."""
        scaled = e5 * math.sqrt(self.w * E5_SCALE)
        if usem is None:
            return scaled.astype(np.float32)
        return np.hstack([usem * math.sqrt(1 - self.w), scaled]).astype(np.float32)

    def search(self, first: Bounds | None, path: PathFn, options: AlignOptions) -> Bounds:
        """Second pass around ``first`` (None: e5 alone, full search), exact spans, again.

        ``options`` are the search's (``e5_weight`` is fixed when the tables are built).
        """
        orig, trans = self.sides
        band = None if first is None else self._band(first, options.rescore_band)
        bounds = path(orig, trans, options, band)
        if options.e5_exact:
            self._encode_exact(bounds)
            bounds = path(*self._patched(), options, band)
        return bounds

    def _band(self, first: Bounds, width: int) -> Band:
        n, m = self.sides[0].n, self.sides[1].n
        swapped = n > m  # the search puts the shorter side on rows
        points = [(0, 0)] + [(o1, t1) for _, o1, _, t1 in first]
        if swapped:
            points, n, m = [(j, i) for i, j in points], m, n
        return band_around(points, n, m, width)

    def _encode_exact(self, bounds: Bounds) -> bool:
        """e5 vectors of the joined text of every chosen many-to-one span; True if any new."""
        todo: dict[tuple[int, int, int], str] = {}
        for o0, o1, t0, t1 in bounds:
            if o1 == o0 or t1 == t0:
                continue
            for k, (s0, s1) in enumerate(((o0, o1), (t0, t1))):
                key = (k, s1 - s0, s0)
                if s1 - s0 > 1 and key not in self.exact:
                    todo[key] = " ".join(self.texts[k][s0:s1])
        if not todo:
            return False
        vecs = self.e5.encode(list(todo.values()))
        self.exact.update(zip(todo, vecs, strict=True))
        return True

    def _patched(self) -> tuple[SideSpans, SideSpans]:
        """The combined sides with every exactly encoded span's e5 part swapped in."""
        out = []
        for k, side in enumerate(self.sides):
            keys = [key for key in self.exact if key[0] == k]
            if not keys:
                out.append(side)
                continue
            patched = _copy_side(side)
            for _, a, start in keys:
                row = patched.emb[a][start]
                e5 = self.exact[(k, a, start)] * math.sqrt(self.w * E5_SCALE)
                row[len(row) - len(e5) :] = e5
            out.append(patched)
        return out[0], out[1]


def _copy_side(side: SideSpans) -> SideSpans:
    """A shallow copy of ``side`` with its own span-embedding arrays (for patching)."""
    new = copy.copy(side)
    new.emb = {a: e.copy() for a, e in side.emb.items()}
    return new
