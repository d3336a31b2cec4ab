"""Accuracy mode (``--accurate``): e5-small re-scores the first pass where it is unsure.

Why this shape. e5-small encodes ~15-25x slower than USE v3 on a CPU (5-25
sentences/s on a shared 2-core machine), so encoding every sentence made accuracy
mode cost 10x the default on a 1,000-sentence pair. Most first-pass (USE v3) links
need no second opinion: a 1-1 link is confident when its cosine is at least
``rescore_min_cos`` and beats the other sentences within two of its partner by
``rescore_margin`` and the two-sentence spans holding either of its sentences by
``rescore_merge_margin`` (a pooled span holding the partner stays close to it even
when the neighbour is unrelated, hence the smaller margin). Every other link
(one-sided, many-to-one, close runner-up, middle-band cosine) is uncertain; e5
encodes the sentences of the uncertain links and of their ``rescore_neighbours``
neighbouring links, and nothing else. These four are ``AlignOptions`` fields, so the
signature names them. The level was chosen by speed (bench ``--accurate-speed
1000``: e5 encodes 3.9 % of that clean 1,000-sentence pair, 9.6 % at margins
0.05/-0.025/0.35, 28 % at 0.1/0/0.4): on the cross-validation subset strict F1 is
flat across levels, from encoding every sentence down to this one
(bench ``--cv --accurate``, the curve).

The second search then runs in a band around the first pass that is ``rescore_band``
wide where links are uncertain and pinned where they are confident (width 0, bar
the one-column step that keeps the DP's rows connected). A link between encoded
spans earns what it earned when e5 encoded everything: the two encoders' cosines
mixed (``e5_weight``, e5's scaled by ``E5_SCALE``) less the mean of the span's k best
mixed cosines, taken among the encoded sentences of the other side. Any other link
earns the first pass's gain exactly, so confident stretches score as they did when
they were chosen. Runs of sentences get
the token-weighted mean of their sentences' e5 vectors (e5 mean-pools its last
layer, so that is the pooled state the model itself would start from).

Cost and accuracy (bench ``--accurate-speed 1000`` and ``--cv --accurate``, the
subset of one chapter per novel and 12 synthetic documents per set). On the clean
1,000-sentence NTREX pair e5 encodes 78 of 2,000 sentences and accuracy mode takes
1.7-2.1x the default's time (it took 10.3x encoding every sentence). On text that
needs e5 most it still encodes most sentences: 73 % of the longest zh-en chapter,
75-86 % of the CV subset. Held-out strict F1 on that subset, before the sampled skip
cost and ``e5_exact``: Text+Berg 0.933, zh-en
0.875, synthetic ar/ru/WMT22 0.973/0.962/0.951 (the earlier code, encoding every
sentence: 0.925/0.885/0.988/0.981/0.957; the ar/ru drop is folds choosing another
e5_weight: at the shipped e5_weight and threshold, not held out, this level scores
0.933/0.875/0.981/0.981/0.951 and this code encoding every sentence
0.931/0.878/0.981/0.981/0.957). Strict F1 is flat from encoding everything down to
this level; dropping the neighbours
(``rescore_neighbours`` 0) cost Text+Berg 0.015 and zh-en 0.012.

``e5_exact`` (on): after the re-scoring search, the spans of every chosen many-to-one
link and their rivals (every run of 2..``max_side`` sentences within one sentence of
the link, on either side, among the sentences e5 encoded) are encoded exactly and the
search runs again on them. Swapping in the chosen spans alone, with their rivals left
approximate, biased that search toward them and cost strict F1 (Text+Berg 0.935 ->
0.903, zh-en 0.848 -> 0.770); with the rivals, cross-validation (bench ``--cv
--accurate --levels m0.0 --exact``, the subset, sampled skip cost) chose it in every
fold, held out: Text+Berg 0.928 -> 0.934, zh-en 0.887 -> 0.889, NTREX ar-en 0.988 =,
ru-en 0.954 -> 0.988, WMT22 0.951 -> 0.962. Its cost is in literature: on the longest
zh-en chapter e5 encodes 1,003 texts instead of 445 and accuracy mode takes about 4x
its time without it (~47x the default there); on the clean 1,000-sentence NTREX pair
accuracy mode stays at 1.4x the default.

With the sampled skip cost, ``anchor_miss`` 0.15 and ``e5_exact`` (bench ``--cv
--accurate --levels m0.0``, every fold chose e5_weight 0.5 and threshold -0.1) the
subset's held-out strict F1 were Text+Berg 0.942, zh-en 0.889, ar-en 0.988, ru-en
0.988, WMT22 0.962. Three changes since, by link type on that subset:

* ``rescore_terms`` "skips": the second search prices leaving a sentence out as the
  first pass did. The sampled skip price reads each sentence's best match within the
  band, and the second band is narrow (pinned on confident links), so a sentence whose
  best match lay outside it became free to leave out: zh-en 1-n links came out as
  0-1 + 1-(n-1) (1-3 links found 56 -> 43, 1-4 15 -> 7, predicted 0-1 links 36 -> 75,
  against the default mode's own search). Reusing the length model too ("all") or
  neither ("band") scored lower.
* ``accurate_min_pair_cosine`` 0.2 (on USE v3's cosine): no pair link between spans
  sharing no meaning. The synthetic sets' errors were a deleted sentence paired with an
  inserted unrelated one next to it (USE v3 cosine 0.02, e5 0.77).
* ``wordless_price`` (``align.sentalign.link_gain``; the default mode's too): a sentence
  without a word (OCR debris in Text+Berg) is left out rather than joined to a link.

Held out, CV over e5_weight (0.3/0.5/0.7) x threshold (-0.2/-0.1) x rescore_terms
(band/skips) x floor (off, 0.1-0.25) x wordless_price (0/0.05/0.2), 180 settings
(bench ``--cv --accurate --levels m0.0 --vary rescore_terms=band,skips --vary
accurate_min_pair_cosine=-1,0.1,0.15,0.2,0.25 --vary wordless_price=0,0.05,0.2``;
17 of 19 folds chose today's defaults): Text+Berg 0.946, zh-en 0.914, ar-en 0.985,
ru-en 0.992, WMT22 0.973. On the same subset the default mode scores (tuned, not held
out) Text+Berg 0.943, zh-en 0.908, WMT22 0.946: the subset's WMT22 documents are harder
than the 30 the default mode's 0.991 is measured on, not made worse by e5.

A language USE v3 does not cover (Ukrainian, Persian, ...) is aligned by e5 alone:
then e5 encodes every sentence and does the first pass too (the full search), and
``Link.score`` is the logistic of e5's cosine with e5's own midpoint
(``E5_SCORE_MID``): e5 cosines are compressed (unrelated sentences ~0.75), so USE
v3's 0.45 midpoint would call every pair certain.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from align.embed.e5 import e5_tokens, span_embeddings
from align.errors import AlignError
from align.sentalign.dp import Band
from align.sentalign.link_gain import BandTerms, SideSpans, hubness
from align.sentalign.mixed import E5_SCALE, MixedGain, MixedSide

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder
    from align.sentalign.options import AlignOptions

Bounds = list[tuple[int, int, int, int]]
PathFn = Callable[..., tuple[Bounds, BandTerms]]

#: Link.score of e5-only alignments: logistic of the scaled cosine, centred at the best
#: separating e5 cosine on that sample (0.835), slope 60 per unit of e5 cosine.
E5_SCORE_MID = 0.835 * E5_SCALE
E5_SCORE_SLOPE = 60.0 / E5_SCALE


class Rescorer:
    """e5 vectors asked for lazily, and the second search built on them.

    With a first pass (``first``), nothing is encoded until ``search`` knows which
    links are uncertain; without one (a language USE v3 does not cover), e5 encodes
    every sentence and ``sides`` are its span tables for the full search.
    """

    def __init__(
        self,
        e5: Encoder,
        texts: tuple[Sequence[str], Sequence[str]],
        bags: tuple[np.ndarray, np.ndarray],
        first: tuple[SideSpans, SideSpans] | None,
        options: AlignOptions,
    ) -> None:
        self.e5, self.texts, self.o, self.first = e5, texts, options, first
        self.w = options.e5_weight if first is not None else 1.0
        self.exact: dict[tuple[int, int, int], np.ndarray] = {}  # (side, a, start) -> e5 vector
        self.vecs: tuple[dict[int, np.ndarray], dict[int, np.ndarray]] = ({}, {})
        self.encoded = 0  # sentences e5 encoded for the last search (bench: the share)
        if first is not None:
            self.sides = first
            return
        sides = []
        for k in range(2):
            vecs = e5.encode(list(texts[k]))
            weights = e5_tokens(e5, list(texts[k]))
            sizes = range(1, min(options.max_side, max(len(texts[k]), 1)) + 1)
            emb = {
                a: (span_embeddings(vecs, weights, a) * math.sqrt(E5_SCALE)).astype(np.float32)
                for a in sizes
            }
            sides.append(SideSpans(None, texts[k], options.max_side, bags[k], emb=emb))
        hubness(sides[0], sides[1], options.margin_k, options.hub_sample)
        hubness(sides[1], sides[0], options.margin_k, options.hub_sample)
        self.sides = (sides[0], sides[1])
        self.encoded = sum(len(t) for t in texts)

    def search(
        self,
        first: Bounds | None,
        path: PathFn,
        options: AlignOptions,
        first_terms: BandTerms | None = None,
    ) -> Bounds:
        """Second pass around ``first`` (None: e5 alone, full search).

        ``options`` are the search's (``e5_weight`` is fixed when the Rescorer is built);
        ``first_terms`` the first pass's document-level gain terms (``rescore_terms``).
        """
        if first is None:
            orig, trans = self.sides
            bounds, _ = path(orig, trans, options, None)
            keys = self._encode_exact(bounds, None, options.max_side) if options.e5_exact else []
            if keys:
                bounds, _ = path(*self._patched(keys), options, None)
            return bounds
        free = _dilate(uncertain_links(first, *self.sides, options), options.rescore_neighbours)
        enc = [np.zeros(len(t), dtype=bool) for t in self.texts]
        for (o0, o1, t0, t1), f in zip(first, free, strict=True):
            if f:
                enc[0][o0:o1] = True
                enc[1][t0:t1] = True
        self.encoded = int(enc[0].sum() + enc[1].sum())
        if not enc[0].any() or not enc[1].any():
            return first
        mixed = [self._mixed(k, enc[k]) for k in range(2)]
        for k in range(2):
            mixed[k].e5_margins(mixed[1 - k], options.margin_k, options.hub_sample)
        band = self._band(first, free, options.rescore_band)
        terms = _reused(first_terms, options.rescore_terms)
        bounds, _ = path(mixed[0], mixed[1], options, band, MixedGain, terms)
        keys = self._encode_exact(bounds, enc, options.max_side) if options.e5_exact else []
        if keys:  # the chosen many-to-one spans and their rivals, exactly; search again
            for k, a, start in keys:
                mixed[k].e5[a][start] = self.exact[(k, a, start)]
            for k in range(2):
                mixed[k].e5_margins(mixed[1 - k], options.margin_k, options.hub_sample)
            bounds, _ = path(mixed[0], mixed[1], options, band, MixedGain, terms)
        return bounds

    def _mixed(self, k: int, enc: np.ndarray) -> MixedSide:
        """Side ``k``'s first-pass tables and e5 spans where encoded."""
        texts, have = self.texts[k], self.vecs[k]
        todo = [int(i) for i in np.flatnonzero(enc) if int(i) not in have]
        if todo:
            got = self.e5.encode([texts[i] for i in todo])
            have.update(zip(todo, np.asarray(got, dtype=np.float32), strict=True))
        idx = [int(i) for i in np.flatnonzero(enc)]
        vecs = np.zeros((len(texts), 384), dtype=np.float32)
        weights = np.ones(len(texts), dtype=np.float32)
        if len(idx):
            vecs[idx] = np.stack([have[i] for i in idx])
            weights[idx] = e5_tokens(self.e5, [texts[i] for i in idx])
        return MixedSide(self.sides[k], self.w, vecs, weights, enc)

    def _band(self, first: Bounds, free: np.ndarray, width: int) -> Band:
        """``width`` either side of the first pass next to uncertain links, 0 elsewhere."""
        n, m = self.sides[0].n, self.sides[1].n
        points = [(0, 0)] + [(o1, t1) for _, o1, _, t1 in first]
        near = np.zeros(len(points), dtype=bool)  # a point between links k-1 and k
        near[:-1] |= free
        near[1:] |= free
        if n > m:  # the search puts the shorter side on rows
            points, n, m = [(j, i) for i, j in points], m, n
        lo = np.full(n + 1, m, dtype=np.int64)
        hi = np.zeros(n + 1, dtype=np.int64)
        wr = np.zeros(n + 1, dtype=np.int64)
        for (i, j), f in zip(points, near, strict=True):
            lo[i], hi[i] = min(lo[i], j), max(hi[i], j)
            wr[i] = max(wr[i], width if f else 0)
        for i in range(1, n + 1):  # rows inside a link: its start, and its freedom
            if lo[i] > hi[i]:
                lo[i], hi[i], wr[i] = hi[i - 1], hi[i - 1], wr[i - 1]
        lo, hi = lo - wr, hi + wr
        return _monotone(lo, hi, n, m)

    def _encode_exact(
        self, bounds: Bounds, enc: list[np.ndarray] | None, max_side: int
    ) -> list[tuple[int, int, int]]:
        """Encode exactly every chosen many-to-one link's spans and their rivals.

        Rivals: every run of 2..``max_side`` sentences within one sentence of either
        side of such a link (what the search weighed against it there), so the next
        search compares exact with exact. Swapping in exact vectors for the chosen spans
        alone biased it toward them (module docstring). ``enc`` (mixed search): only
        runs of sentences e5 encoded. Returns the keys ``(side, size, start)``.
        """
        keys: set[tuple[int, int, int]] = set()
        for o0, o1, t0, t1 in bounds:
            if o1 == o0 or t1 == t0 or (o1 - o0 == 1 and t1 - t0 == 1):
                continue
            for k, (s0, s1) in enumerate(((o0, o1), (t0, t1))):
                lo, hi = max(s0 - 1, 0), min(s1 + 1, len(self.texts[k]))
                for a in range(2, min(max_side, hi - lo) + 1):
                    for start in range(lo, hi - a + 1):
                        if enc is None or enc[k][start : start + a].all():
                            keys.add((k, a, start))
        todo = sorted(key for key in keys if key not in self.exact)
        if todo:
            texts = [" ".join(self.texts[k][s : s + a]) for k, a, s in todo]
            vecs = np.asarray(self.e5.encode(texts), dtype=np.float32)
            self.exact.update(zip(todo, vecs, strict=True))
        return sorted(keys)

    def _patched(self, keys: list[tuple[int, int, int]]) -> tuple[SideSpans, SideSpans]:
        """The e5 sides with the exactly encoded spans ``keys`` swapped in."""
        out = []
        for k, side in enumerate(self.sides):
            mine = [key for key in keys if key[0] == k]
            if not mine:
                out.append(side)
                continue
            patched = _copy_side(side)
            for _, a, start in mine:
                patched.emb[a][start] = self.exact[(k, a, start)] * math.sqrt(E5_SCALE)
            hubness(patched, self.sides[1 - k], self.o.margin_k, self.o.hub_sample)
            out.append(patched)
        return out[0], out[1]


def uncertain_links(
    first: Bounds, orig: SideSpans, trans: SideSpans, options: AlignOptions
) -> np.ndarray:
    """Which first-pass links e5 should look at (see the module docstring)."""
    out = np.ones(len(first), dtype=bool)
    eo, et = orig.emb[1], trans.emb[1]
    eo2, et2 = orig.emb.get(2), trans.emb.get(2)
    for k, (o0, o1, t0, t1) in enumerate(first):
        if o1 - o0 != 1 or t1 - t0 != 1:
            continue
        i, j = o0, t0
        cos = float(eo[i] @ et[j])
        if cos < options.rescore_min_cos:
            continue
        near_t = [x for x in range(j - 2, j + 3) if x != j and 0 <= x < trans.n]
        near_o = [x for x in range(i - 2, i + 3) if x != i and 0 <= x < orig.n]
        rivals = [et[near_t] @ eo[i], eo[near_o] @ et[j]]
        merges = []
        if et2 is not None:
            merges.append(et2[[s for s in (j - 1, j) if 0 <= s < len(et2)]] @ eo[i])
        if eo2 is not None:
            merges.append(eo2[[s for s in (i - 1, i) if 0 <= s < len(eo2)]] @ et[j])
        best = max((float(r.max()) for r in rivals if len(r)), default=-1.0)
        merge = max((float(r.max()) for r in merges if len(r)), default=-1.0)
        out[k] = cos - best < options.rescore_margin or cos - merge < options.rescore_merge_margin
    return out


RESCORE_TERMS = ("band", "skips", "all")  # AlignOptions.rescore_terms


def _reused(first: BandTerms | None, which: str) -> BandTerms | None:
    """The first pass's document-level terms the second search keeps (None: its own band's).

    "band": none (each search reads them off its own band); "skips": the sampled skip
    prices; "all": those and the length model.
    """
    if which not in RESCORE_TERMS:
        raise AlignError(f"unknown rescore_terms {which!r}; use one of {RESCORE_TERMS}")
    if first is None or which == "band":
        return None
    if which == "all":
        return first
    return BandTerms(None, first.skips)


def _dilate(flags: np.ndarray, k: int) -> np.ndarray:
    out = flags.copy()
    for d in range(1, k + 1):
        out[d:] |= flags[:-d]
        out[:-d] |= flags[d:]
    return out


def _monotone(lo: np.ndarray, hi: np.ndarray, n: int, m: int) -> Band:
    """``band_around``'s envelopes: monotone, connected rows, corners included."""
    hi = np.maximum.accumulate(np.minimum(hi, m))
    lo = np.minimum.accumulate(np.maximum(lo, 0)[::-1])[::-1]
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):
        lo[i] = min(lo[i], hi[i - 1])
    return Band(lo.astype(np.int64), hi.astype(np.int64))


def _copy_side(side: SideSpans) -> SideSpans:
    """A shallow copy of ``side`` with its own span-embedding arrays (for patching)."""
    new = copy.copy(side)
    new.emb = {a: e.copy() for a, e in side.emb.items()}
    return new
