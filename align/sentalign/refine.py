"""Local boundary refinement after the search, each alternative scored with exact spans.

Why. The search scores a run of sentences by its pooled-state approximation (USE v3:
the head applied to summed token states; e5: the token-weighted mean of sentence
vectors), never by encoding the joined text. Where two readings of a boundary are
within the approximation's error of each other, it decides. So after the search (and
the long-link pass) each pair of adjacent entries (two links, or a link and a
sentence left out) is re-scored with the joined texts encoded exactly, together with
its alternatives:

* the shared boundary moved by one sentence on either side or on both (a sentence
  changes link, joins a link from being left out, or is left out);
* the two entries merged into one link;
* with ``refine_split``, also each many-to-one link cut in two.

An alternative replaces the current reading when the search's own objective, with
the exact cosines in place of the pooled ones, rises by more than ``refine_margin``.
That objective is the sum of ``LinkGain``'s terms (hubness margin, anchors and
unmatched mentions, debris, continuations, length, threshold) over the entries'
links plus the unlinked gains (skip less its sampled price and the unmatched
anchors) of sentences left out, so a move, a merge and a leaving-out compare on one
scale. Hubness of an exactly encoded span is its mean k best cosine against the
other side's sentences, as ``link_gain.hubness`` computes it for pooled spans (fed
the pooled spans, the objective finds no reading of the search's links better than
the search's own: ``tests/sentalign/test_refine.py``).

What it is worth (bench ``--cv``, held-out folds; the pooled approximation is close:
on the gold many-to-one links of Text+Berg and zh-en, exact minus pooled USE v3
cosine is +0.002 to +0.01 on average, sd 0.01-0.02, so it decides few links):

* Default mode (``--cv --quick --vary refine=True --vary
  refine_margin=0.0,0.01,0.02,0.05 --vary refine_split=False,True --vary
  refine_weak=0.3,0.5``, 16 settings and today's defaults): all 19 folds chose margin
  0, no splits, ``refine_weak`` 0.3 (0.5 scores the same). Held out, against the
  defaults without it: Text+Berg 0.943 -> 0.940, zh-en 0.873 -> 0.875, NTREX ar-en
  0.985 -> 0.979, ru-en 0.973 -> 0.985, WMT22 0.991 =. So it is on.
* Accuracy mode (``--cv --accurate --levels m0.0 --vary e5_weight=0.5 --vary
  accurate_threshold=-0.1 --vary refine=True --vary refine_margin=0.0,0.01,0.02
  --vary refine_split=False,True``, run before ``accurate_refine`` existed): 18 of 19
  folds chose margin 0 without splits, held out Text+Berg 0.949 =, zh-en 0.914 ->
  0.912, ar-en 0.985 =, ru-en 0.992 =, WMT22 0.989 = (tuned: WMT22 1.0, zh-en 0.912).
  No gain held out, so ``accurate_refine`` is off. Scoring the mixed similarity with
  one hubness baseline per encoder (a higher one than the search's single top-k over
  the mixed cosines) tuned Text+Berg to 0.952 but zh-en to 0.898: the bias, not exact
  spans, moved those links.
* The remaining Text+Berg errors are not the approximation's: scored exactly, the
  gold reading loses to the chosen one there too (an anchor-carrying sentence the gold
  splits across links, a ``:`` continuation, a translator's sentence spanning two).
  On the KUNA Arabic -> Kuwait Times pair (real dev set), whose chosen boundary in
  ``check`` is one sentence off (raw cosines 0.771 + 0.601 right against 0.746 +
  0.567 chosen), the default settings already choose the right links; ``check``'s
  settings (length weight 0.02, no unmatched-anchor price) choose the other by length,
  and the refinement does not move it. ``check`` keeps it off (``CHECK_OPTIONS``).

Cost. Only windows holding a many-to-one link, a sentence left out, or a link whose
USE v3 cosine is below ``refine_weak`` are looked at (two confident 1-1 links have no
boundary to move). In accuracy mode the similarity is both encoders' exact cosines
mixed as the re-scoring search mixes them (``e5_weight``, ``E5_SCALE``, one hubness
baseline over the mixed cosines of the encoded sentences), and only windows whose
sentences e5 encoded for the re-scoring search are looked at: it encodes joined
texts of those, never a new sentence.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from align.sentalign.link_gain import _ANCHOR_LEVELS, _CONTINUES, BandTerms, SideSpans
from align.sentalign.rescore import E5_SCALE

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder
    from align.sentalign.options import AlignOptions
    from align.sentalign.rescore import Rescorer

Bounds = list[tuple[int, int, int, int]]
Entry = tuple[int, int, int, int]
#: side (0 original, 1 translation), start, end -> exact (unit) vector
VectorFn = Callable[[list[tuple[int, int, int]]], list[np.ndarray]]


class ExactSpans:
    """Exact vectors of joined runs of sentences, one encoder, cached per document."""

    def __init__(
        self,
        encoder: Encoder,
        texts: tuple[Sequence[str], Sequence[str]],
        singles: Callable[[int, int], np.ndarray | None] = lambda side, i: None,
    ) -> None:
        """``singles(side, i)``: sentence ``i``'s vector where the caller has it already."""
        self.encoder, self.texts, self.singles = encoder, texts, singles
        self.cache: dict[tuple[int, int, int], np.ndarray] = {}

    def vectors(self, keys: list[tuple[int, int, int]]) -> list[np.ndarray]:
        for k, s, e in keys:
            if e == s + 1 and (k, s, e) not in self.cache:
                vec = self.singles(k, s)
                if vec is not None:
                    self.cache[(k, s, e)] = np.asarray(vec, dtype=np.float32)
        todo = sorted({k for k in keys if k not in self.cache})
        if todo:
            joined = [" ".join(self.texts[k][s:e]) for k, s, e in todo]
            vecs = np.asarray(self.encoder.encode(joined), dtype=np.float32)
            self.cache.update(zip(todo, vecs, strict=True))
        return [self.cache[k] for k in keys]


class Similarity:
    """The exact similarity margin of a pair of spans: cosine less its hubness baseline.

    ``parts``: (weight, exact vectors, each side's sentence vectors) per encoder. A span's
    vector is the encoders' vectors side by side, each scaled by the root of its weight,
    so a dot product is the weighted sum of the encoders' cosines (as
    ``rescore.MixedSide._both`` mixes them), and the hubness baseline is the mean of a
    span's k best such products with the other side's sentences (the re-scoring
    search's: one top-k over the mixed cosines, not one per encoder). ``usable`` says
    whether a span may be scored (accuracy mode: e5 encoded all of it).
    """

    def __init__(
        self,
        parts: list[tuple[float, ExactSpans, tuple[np.ndarray, np.ndarray]]],
        k: int,
        sample: int,
        usable: Callable[[int, int, int], bool] = lambda side, s, e: True,
    ) -> None:
        self.parts, self.k, self.usable = parts, k, usable
        roots = [math.sqrt(w) for w, _, _ in parts]
        bases = []
        for other in (1, 0):  # side 0's spans are compared with side 1's sentences
            base = np.hstack(
                [r * np.asarray(v[other]) for r, (_, _, v) in zip(roots, parts, strict=True)]
            )
            if len(base) > sample:
                base = base[np.linspace(0, len(base) - 1, sample).astype(np.int64)]
            bases.append(base)
        self.roots, self.bases = roots, bases
        self.mixed: dict[tuple[int, int, int], tuple[np.ndarray, float]] = {}

    def prefetch(self, keys: list[tuple[int, int, int]]) -> None:
        for _, exact, _ in self.parts:
            exact.vectors(keys)

    def _span(self, key: tuple[int, int, int]) -> tuple[np.ndarray, float]:
        """The span's mixed vector and its hubness baseline."""
        if key not in self.mixed:
            vec = np.hstack(
                [
                    r * exact.vectors([key])[0]
                    for r, (_, exact, _) in zip(self.roots, self.parts, strict=True)
                ]
            )
            base = self.bases[key[0]]
            kk = min(self.k, len(base))
            hub = float(np.partition(base @ vec, -kk)[-kk:].mean()) if kk > 0 else 0.0
            self.mixed[key] = (vec, hub)
        return self.mixed[key]

    def __call__(self, o0: int, o1: int, t0: int, t1: int) -> tuple[float, float]:
        """The mixed margin, and the first encoder's (USE v3) cosine."""
        (vo, ho), (vt, ht) = self._span((0, o0, o1)), self._span((1, t0, t1))
        d = len(self.parts[0][1].vectors([(0, o0, o1)])[0])
        first = float(vo[:d] @ vt[:d]) / self.parts[0][0] if self.parts[0][0] else 0.0
        return float(vo @ vt) - 0.5 * (ho + ht), first


def similarity(
    orig: SideSpans,
    trans: SideSpans,
    exact: ExactSpans,
    exact_e5: ExactSpans | None,
    rescorer: Rescorer | None,
    options: AlignOptions,
) -> Similarity | None:
    """USE v3's exact similarity, or in accuracy mode both encoders' mixed as the
    re-scoring search mixes them, on the sentences e5 encoded for it (None: none)."""
    usem = (orig.emb[1], trans.emb[1])
    k, sample, r = options.margin_k, options.hub_sample, rescorer
    if r is None:
        return Similarity([(1.0, exact, usem)], k, sample)
    if r.enc is None or exact_e5 is None or not r.enc[0].any() or not r.enc[1].any():
        return None
    enc = r.enc  # the hubness baseline reads the encoded sentences, as MixedSide's does
    idx = [np.flatnonzero(enc[s]) for s in range(2)]
    e5 = [np.stack([r.vecs[s][int(i)] for i in idx[s]]) for s in range(2)]
    parts = [
        (1 - r.w, exact, (usem[0][idx[0]], usem[1][idx[1]])),
        (r.w * E5_SCALE, exact_e5, (e5[0], e5[1])),
    ]
    return Similarity(parts, k, sample, lambda s, a, b: bool(enc[s][a:b].all()))


class Objective:
    """The search's gain of one entry (``LinkGain``'s terms, exact similarity)."""

    def __init__(
        self,
        orig: SideSpans,
        trans: SideSpans,
        options: AlignOptions,
        terms: BandTerms,
        sim: Similarity,
    ) -> None:
        self.sides, self.o, self.sim = (orig, trans), options, sim
        self.swapped = orig.n > trans.n  # the search's rows are the shorter side
        assert terms.length is not None and terms.skips is not None
        self.mu, self.sigma = terms.length
        sr, sc = terms.skips
        self.skips = (sc, sr) if self.swapped else (sr, sc)

    def unlinked(self, side: int, i: int) -> float:
        s, o = self.sides[side], self.o
        if o.wordless_price and s.wordless[i]:
            return o.skip
        miss = o.anchor_miss if o.anchor_weight else 0.0
        counts = s.anchor_cum[i + 1] - s.anchor_cum[i]
        return float(o.skip - miss * np.minimum(counts, _ANCHOR_LEVELS).sum() - self.skips[side][i])

    def __call__(self, e: Entry) -> float:
        o0, o1, t0, t1 = e
        if o1 == o0 or t1 == t0:  # sentences left out, each on its own
            return sum(self.unlinked(0, i) for i in range(o0, o1)) + sum(
                self.unlinked(1, j) for j in range(t0, t1)
            )
        return self.pair(o0, o1, t0, t1)

    def pair(self, o0: int, o1: int, t0: int, t1: int) -> float:
        o, (so, st) = self.o, self.sides
        margin, cos = self.sim(o0, o1, t0, t1)
        if o.anchor_weight:
            co = so.anchor_cum[o1] - so.anchor_cum[o0]
            ct = st.anchor_cum[t1] - st.anchor_cum[t0]
            nx, ny = float((co > 0).sum()), float((ct > 0).sum())
            inter = float(((co > 0) & (ct > 0)).sum())
            if nx and ny:
                margin += o.anchor_weight * (2 * inter / (nx + ny) - 0.5)
            if o.anchor_miss:
                top = min(o1 - o0, t1 - t0, _ANCHOR_LEVELS)
                matched = inter + sum(
                    float(((co >= k) & (ct >= k)).sum()) for k in range(2, top + 1)
                )
                mx = float(np.minimum(co, _ANCHOR_LEVELS).sum())
                my = float(np.minimum(ct, _ANCHOR_LEVELS).sum())
                margin -= o.anchor_miss * (mx + my - 2 * matched)
        if o.wordless_price:
            for s, a0, a1 in ((so, o0, o1), (st, t0, t1)):
                n = int(s.wordless[a0:a1].sum())
                margin -= o.wordless_price * (n if n < a1 - a0 else 0)
        if o.continuation:
            for s, a0, a1 in ((so, o0, o1), (st, t0, t1)):
                joins = sum(1 for t in s.texts[a0 : a1 - 1] if t.rstrip()[-1:] in _CONTINUES)
                margin += o.continuation * joins
        len_o = so.cum_len[o1] - so.cum_len[o0]
        len_t = st.cum_len[t1] - st.cum_len[t0]
        rows, cols = (len_t, len_o) if self.swapped else (len_o, len_t)
        lr = math.log((cols + 20) / (rows + 20)) - self.mu
        gain = margin - o.threshold - o.length_weight * (lr / self.sigma) ** 2
        if o.min_pair_cosine > -1.0 and cos < o.min_pair_cosine:  # on USE v3, as the search
            return -1e9
        return float(gain)


def _alternatives(left: Entry, right: Entry, max_side: int, max_link: int) -> list[list[Entry]]:
    """Readings of the block ``left`` + ``right``: boundary moved by one, or merged."""
    o0, o2, t0, t2 = left[0], right[1], left[2], right[3]
    bo, bt = left[1], left[3]
    out: list[list[Entry]] = []

    def fits(e: Entry) -> bool:
        a, b = e[1] - e[0], e[3] - e[2]
        if a and b:
            return a <= max_side and b <= max_side and a + b <= max_link
        return True

    for do in (-1, 0, 1):
        for dt in (-1, 0, 1):
            if not do and not dt:
                continue
            i, j = bo + do, bt + dt
            if not (o0 <= i <= o2 and t0 <= j <= t2):
                continue
            pieces = [(o0, i, t0, j), (i, o2, j, t2)]
            pieces = [p for p in pieces if p[1] > p[0] or p[3] > p[2]]
            if all(fits(p) for p in pieces):
                out.append(pieces)
    merged = (o0, o2, t0, t2)
    if o2 > o0 and t2 > t0 and fits(merged):
        out.append([merged])
    return out


def _spans(entries: Sequence[Entry]) -> list[tuple[int, int, int]]:
    pairs = [e for e in entries if e[1] > e[0] and e[3] > e[2]]
    return [k for o0, o1, t0, t1 in pairs for k in ((0, o0, o1), (1, t0, t1))]


def _split(entries: list[Entry]) -> list[Entry]:
    """One-sided pieces as one entry per sentence (the links' form)."""
    out: list[Entry] = []
    for o0, o1, t0, t1 in entries:
        if o1 > o0 and t1 > t0:
            out.append((o0, o1, t0, t1))
        else:
            out += [(i, i + 1, t0, t0) for i in range(o0, o1)]
            out += [(o1, o1, j, j + 1) for j in range(t0, t1)]
    return out


def _splits(e: Entry) -> list[list[Entry]]:
    """Readings of one link as two entries (either may be sentences left out)."""
    o0, o1, t0, t1 = e
    out = []
    for i in range(o0, o1 + 1):
        for j in range(t0, t1 + 1):
            if (i, j) in ((o0, t0), (o1, t1)):
                continue
            pieces = [(o0, i, t0, j), (i, o1, j, t1)]
            out.append([p for p in pieces if p[1] > p[0] or p[3] > p[2]])
    return out


Window = tuple[int, int, list[list[Entry]]]  # first entry, entries covered, alternatives


def _windows(out: Bounds, gain: Objective, options: AlignOptions) -> list[Window]:
    """(first entry, entries covered, alternatives) of every window worth a look."""
    usable = gain.sim.usable

    def ok(es: Sequence[Entry]) -> bool:
        return all(usable(0, e[0], e[1]) and usable(1, e[2], e[3]) for e in es)

    windows = []
    for k in range(len(out)):
        e = out[k]
        a, b = e[1] - e[0], e[3] - e[2]
        if options.refine_split and a and b and a + b > 2:
            alts = [a for a in _splits(e) if ok(a)] if ok([e]) else []
            if alts:
                windows.append((k, 1, alts))
        if k + 1 == len(out):
            continue
        pair = (e, out[k + 1])
        if not ok(pair) or not any(_uncertain(x, gain, options.refine_weak) for x in pair):
            continue
        alts = [a for a in _alternatives(*pair, options.max_side, options.max_link) if ok(a)]
        if alts:
            windows.append((k, 2, alts))
    return windows


def refine_boundaries(
    bounds: Bounds, gain: Objective, options: AlignOptions, rounds: int = 2
) -> Bounds:
    """``bounds`` with each window's best exact-scored reading, where it wins by the margin."""
    out = list(bounds)
    for _ in range(rounds):
        windows = _windows(out, gain, options)
        if not windows:
            break
        gain.sim.prefetch(
            [s for k, n, alts in windows for a in [out[k : k + n], *alts] for s in _spans(a)]
        )
        best: list[tuple[float, int, int, list[Entry]]] = []
        for k, n, alts in windows:
            now = sum(gain(e) for e in out[k : k + n])
            top = max(alts, key=lambda a: sum(gain(e) for e in a))
            rise = sum(gain(e) for e in top) - now
            if rise > options.refine_margin:
                best.append((rise, k, n, top))
        if not best:
            break
        taken: set[int] = set()
        chosen: dict[int, tuple[int, list[Entry]]] = {}
        for _rise, k, n, top in sorted(best, key=lambda r: -r[0]):
            if taken & set(range(k, k + n)):
                continue
            taken |= set(range(k, k + n))
            chosen[k] = (n, top)
        new: list[Entry] = []
        k = 0
        while k < len(out):
            if k in chosen:
                n, top = chosen[k]
                new += _split(top)
                k += n
            else:
                new.append(out[k])
                k += 1
        out = new
    return out


def _uncertain(e: Entry, gain: Objective, weak: float) -> bool:
    """Worth a look: one-sided, many-to-one, or a 1-1 link whose exact cosine is below ``weak``."""
    o0, o1, t0, t1 = e
    if o1 == o0 or t1 == t0 or o1 - o0 > 1 or t1 - t0 > 1:
        return True
    return gain.sim(o0, o1, t0, t1)[1] < weak
