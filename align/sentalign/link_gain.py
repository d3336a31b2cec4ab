"""What a link between two spans earns: the gain tables the aligner's search reads.

Split out of ``align.sentalign.aligner``, whose module docstring explains each term (span
cosine, hubness margin, anchors and unmatched mentions, continuations, length). Here
they are computed: ``SideSpans`` holds one side's span embeddings, anchor counts and
lengths, ``hubness`` the margin's baseline, ``LinkGain`` the band-aligned table of one
link type at a time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import numpy as np

from align.embed.spans import window_embeddings
from align.errors import AlignError
from align.sentalign.dp import Band

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder
    from align.sentalign.options import AlignOptions

_NO_LINK = -1e9  # the gain of a link the search must not make
_ANCHOR_LEVELS = 3  # mentions of one key counted up to this many (anchor_miss)
#: a word: two letters in a row, or one Chinese, Japanese or Korean character
_WORD = re.compile(r"[^\W\d_]{2}|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CONTINUES = set(":;,،؛-–—")  # a sentence ending in one of these continues
SKIP_COSTS = ("constant", "sampled")  # AlignOptions.skip_cost
SKIP_SAMPLES = 4000  # random pairs the sampled skip cost reads (all pairs when fewer)
_SKIP_MIN_PAIRS = 20  # fewer off-diagonal pairs than this: the constant skip alone


class AnchorLevels:
    """Anchor blocks of every span of ``a`` sentences, built slice by slice.

    Row ``s`` is span ``s..s+a-1`` as 0/1 blocks, one per level ``k``: "holds the key
    at least k times". The dot product of two spans' rows over levels 1..L is the
    number of mentions they match (counted up to L), so matched mentions are matrix
    products like cosines. Rows are made from running counts when ``LinkGain._banded``
    slices them, never stored: stored, they cost 1.2 GB per side at 100k sentences.
    """

    def __init__(self, cum: np.ndarray, a: int, first: int, last: int) -> None:
        self.cum, self.a, self.levels = cum, a, range(first, last + 1)

    def __len__(self) -> int:
        return len(self.cum) - self.a

    def __getitem__(self, rows: slice) -> np.ndarray:
        start, stop = rows.start, min(rows.stop, len(self))
        counts = self.cum[start + self.a : stop + self.a] - self.cum[start:stop]
        return np.hstack([counts >= k for k in self.levels]).astype(np.float32)


class SideSpans:
    """Span embeddings, hubness, anchor counts and lengths of one side."""

    def __init__(
        self,
        encoder: Encoder | None,
        texts: Sequence[str],
        max_side: int,
        bags: np.ndarray,
        emb: dict[int, np.ndarray] | None = None,
    ) -> None:
        """``emb`` given (span size -> rows) replaces encoding (``align.sentalign.rescore``)."""
        self.n = len(texts)
        self.texts = texts
        sizes = range(1, min(max_side, max(self.n, 1)) + 1)
        if emb is None:
            assert encoder is not None
            emb = dict(window_embeddings(encoder, texts, sizes))
        self.emb: dict[int, np.ndarray] = emb
        lens = np.array([len(t) for t in texts], dtype=np.float64)
        self.cum_len = np.concatenate([[0.0], np.cumsum(lens)])
        self.hub: dict[int, np.ndarray] = {}
        cont = np.array([t.rstrip()[-1:] in _CONTINUES for t in texts], dtype=np.float64)
        ccum = np.concatenate([[0.0], np.cumsum(cont)])
        # per span: how many of its inner boundaries follow a continuation sentence
        self.joins = {a: ccum[a - 1 : len(ccum) - 1] - ccum[: len(ccum) - a] for a in self.emb}
        self.wordless = np.array([not _WORD.search(t) for t in texts], dtype=bool)
        wcum = np.concatenate([[0.0], np.cumsum(self.wordless)])
        # per span holding a word: how many of its sentences hold none (OCR debris, rules,
        # bullets joined to a sentence); a span of such sentences alone counts 0
        self.n_wordless = {}
        for a in self.emb:
            count = wcum[a:] - wcum[:-a]
            self.n_wordless[a] = np.where(count < a, count, 0.0)
        self.anchor_cum = np.vstack(
            [np.zeros((1, bags.shape[1]), np.int32), np.cumsum(bags, 0, dtype=np.int32)]
        )
        self.n_present: dict[int, np.ndarray] = {}  # anchor keys each span holds
        self.n_mentions: dict[int, np.ndarray] = {}  # their mentions, up to _ANCHOR_LEVELS
        for a in self.emb:
            counts = self.anchor_cum[a:] - self.anchor_cum[:-a]
            self.n_present[a] = (counts > 0).sum(1, dtype=np.float64)
            self.n_mentions[a] = np.minimum(counts, _ANCHOR_LEVELS).sum(1, dtype=np.float64)

    def anchor_levels(self, a: int, first: int, last: int) -> AnchorLevels:
        """Spans of ``a`` sentences as "holds the key at least k times" blocks, k in first..last."""
        return AnchorLevels(self.anchor_cum, a, first, last)

    def span_len(self, a: int, starts: np.ndarray) -> np.ndarray:
        return cast(np.ndarray, self.cum_len[starts + a] - self.cum_len[starts])


def hubness(side: SideSpans, other: SideSpans, k: int, sample: int) -> None:
    """Mean of the k best cosines of each span against the other side's sentences.

    The other side is sampled down to at most ``sample`` evenly spaced sentences, so
    a 5k x 5k pair costs a few 5k x 512 products rather than 5k x 5k ones.
    """
    base = other.emb.get(1)
    if base is None or len(base) == 0 or k <= 0:
        side.hub = {a: np.zeros(len(e)) for a, e in side.emb.items()}
        return
    if len(base) > sample:
        base = base[np.linspace(0, len(base) - 1, sample).astype(np.int64)]
    kk = min(k, len(base))
    side.hub = {}
    for a, emb in side.emb.items():
        hub = np.empty(len(emb))
        for start in range(0, len(emb), 2048):
            sims = emb[start : start + 2048] @ base.T
            hub[start : start + 2048] = np.partition(sims, -kk, axis=1)[:, -kk:].mean(axis=1)
        side.hub[a] = hub


def random_level(rows: SideSpans, cols: SideSpans, q: float) -> float | None:
    """Quantile ``q`` of random off-diagonal pairs' margins (None: too few pairs).

    Pairs drawn at random away from the diagonal (farther than ``max(3, n / 20)`` rows
    from ``i = j * n / m``, where no monotone alignment links them) are almost all
    unrelated; their margins (cosine less the hubness baseline, the gain's main term)
    are what "no counterpart" looks like in this document, for this encoder, these
    languages and this genre. Seeded, so a document always gets the same level;
    ``SKIP_SAMPLES`` pairs cost well under a millisecond.
    """
    n, m = rows.n, cols.n
    if n * m <= SKIP_SAMPLES:
        ii, jj = (g.ravel() for g in np.meshgrid(np.arange(n), np.arange(m), indexing="ij"))
    else:
        rng = np.random.default_rng(20261126)
        ii, jj = rng.integers(0, n, SKIP_SAMPLES), rng.integers(0, m, SKIP_SAMPLES)
    far = np.abs(ii - jj * (n / max(m, 1))) > max(3.0, n / 20)
    ii, jj = ii[far], jj[far]
    if len(ii) < _SKIP_MIN_PAIRS:
        return None
    cos = np.einsum("ij,ij->i", rows.emb[1][ii], cols.emb[1][jj])
    margin = cos - 0.5 * (rows.hub[1][ii] + cols.hub[1][jj])
    return float(np.quantile(margin, q))


@dataclass(frozen=True)
class BandTerms:
    """What ``LinkGain`` reads off its whole band rather than one link: the length model
    (``mu``, ``sigma``) and each sentence's sampled skip price (rows, columns); None:
    read off the band.

    Both depend on the band they are read from (a sentence's best match within it, the
    mutual best 1-1 pairs within it), so accuracy mode's narrow second band would read
    other values than the first pass did; ``AlignOptions.rescore_terms`` hands the first
    pass's to the second search (``align.sentalign.rescore``).
    """

    length: tuple[float, float] | None = None
    skips: tuple[np.ndarray, np.ndarray] | None = None


class LinkGain:
    """The gain function handed to the DP (rows = ``rows`` side).

    Cosines and shared-anchor counts of every link type are computed up front for
    the band only, in blocks of rows (one matrix product per block and type), and
    stored row-aligned to the band. Looking rows up per DP call instead would copy
    a slice of the embedding matrix for every row and type: gigabytes of memory
    traffic on a 1k x 1k document.
    """

    def __init__(
        self,
        rows: SideSpans,
        cols: SideSpans,
        options: AlignOptions,
        band: Band,
        terms: BandTerms | None = None,
    ) -> None:
        """``terms``: the document-level terms to use instead of reading them off ``band``."""
        self.rows, self.cols, self.o, self.band = rows, cols, options, band
        self.width = int((band.hi - band.lo).max()) + 1
        cos11 = self._banded(rows.emb[1], cols.emb[1], 1, 1) if rows.n and cols.n else None
        length = terms.length if terms and terms.length else self._length_model(cos11)
        skips = terms.skips if terms and terms.skips else self._sentence_skips(cos11)
        self.terms = BandTerms(length, skips)
        self.mu, self.sigma = length
        self.skip_rows, self.skip_cols = skips

    def _sentence_skips(self, cos11: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """Per sentence, what leaving it out costs beyond ``skip`` (``skip_cost="sampled"``).

        Vecalign prices a deletion at a percentile of the document's random pair costs;
        here the document's random level (``random_level``: quantile
        ``skip_percentile``, plus ``skip_offset``) prices each sentence by its own
        evidence. A sentence whose best match in the band clears that level has a
        counterpart, perhaps as part of a longer span (a clause a novel's translator
        made a sentence of its own): leaving it out costs ``skip_weight`` per unit of
        margin above the level, so it joins a neighbouring link instead. A sentence
        that matches nothing better than random pairs do (an insertion) is left out at
        the constant ``skip``. With a constant skip, zh-en novels got 544 one-sided
        translation links where the gold has 6.
        """
        rows, cols, o = self.rows, self.cols, self.o
        if o.skip_cost not in SKIP_COSTS:
            raise AlignError(f"unknown skip_cost {o.skip_cost!r}; use one of {SKIP_COSTS}")
        zr, zc = np.zeros(rows.n), np.zeros(cols.n)
        if o.skip_cost == "constant" or cos11 is None or not o.skip_weight:
            return zr, zc
        level = random_level(rows, cols, o.skip_percentile)
        if level is None:
            return zr, zc
        level += o.skip_offset
        n, lo, hi = rows.n, self.band.lo, self.band.hi
        k = np.arange(self.width)[None, :]
        j = lo[1:, None] + k - 1  # row sentence r - 1 against column sentence j
        ok = (j >= 0) & (j < cols.n) & (k <= (hi[1:] - lo[1:])[:, None])
        jc = np.clip(j, 0, cols.n - 1)
        margin = np.where(ok, cos11[1:] - 0.5 * (rows.hub[1][:n, None] + cols.hub[1][jc]), -np.inf)
        best_c = np.full(cols.n, -np.inf)
        np.maximum.at(best_c, jc[ok], margin[ok])
        w = o.skip_weight
        return w * np.maximum(margin.max(axis=1) - level, 0.0), w * np.maximum(best_c - level, 0.0)

    def unlinked(self, side: SideSpans) -> np.ndarray:
        """The gain of leaving each sentence of ``side`` unlinked.

        ``skip`` less ``anchor_miss`` per anchor the sentence holds: the price a link
        pays for each mention it leaves unmatched, so a number or name is never
        cheaper to drop than to leave unmatched inside a link; less the sampled skip
        cost (``_sentence_skips``).
        """
        miss = self.o.anchor_miss if self.o.anchor_weight else 0.0
        extra = self.skip_rows if side is self.rows else self.skip_cols
        out = self.o.skip - miss * side.n_mentions[1] - extra
        if self.o.wordless_price:  # a sentence without a word leaves out nothing
            out = np.where(side.wordless, self.o.skip, out)
        return cast(np.ndarray, out)

    def _banded(
        self, x: np.ndarray | AnchorLevels, y: np.ndarray | AnchorLevels, a: int, b: int
    ) -> np.ndarray:
        """``x[i - a] . y[j - b]`` for every band cell (i, j), stored as [i, j - lo[i]]."""
        n, lo, hi = self.rows.n, self.band.lo, self.band.hi
        out = np.zeros((n + 1, self.width), dtype=np.float32)
        offsets = np.arange(self.width)
        for r0 in range(a, n + 1, 64):
            r1 = min(r0 + 64, n + 1)
            c0 = max(int(lo[r0]) - b, 0)
            c1 = min(int(hi[r1 - 1]) - b + 1, len(y))
            if c1 <= c0:
                continue
            block = x[r0 - a : r1 - a] @ y[c0:c1].T
            cols = lo[r0:r1, None] + offsets[None, :] - b - c0
            ok = (cols >= 0) & (cols < c1 - c0)
            rr = np.broadcast_to(np.arange(r1 - r0)[:, None], cols.shape)
            out[r0:r1][ok] = block[rr[ok], cols[ok]]
        return out

    def _length_model(self, cos11: np.ndarray | None) -> tuple[float, float]:
        """Mean and spread of log length ratios of this document's confident 1-1 pairs.

        Translations differ in how much they expand (German-French barely, Russian to
        English by a third, with "he said" tails), so the length penalty is scaled by
        the spread seen in the document itself: mutual best 1-1 matches with cosine
        above 0.5, median and MAD of their log length ratios.
        """
        total_r, total_c = self.rows.cum_len[-1], self.cols.cum_len[-1]
        fallback = math.log((total_c + 1) / (total_r + 1)), 0.35
        if cos11 is None:
            return fallback
        cos = cos11[1:]
        k = cos.argmax(axis=1)
        vals = cos[np.arange(len(k)), k]
        j = np.minimum(self.band.lo[1:] + k - 1, self.cols.n - 1)
        col_best = np.full(self.cols.n, -np.inf)
        np.maximum.at(col_best, j, vals)
        keep = (vals >= col_best[j]) & (vals > 0.5)
        if keep.sum() < 5:
            return fallback
        lens_r = np.diff(self.rows.cum_len)[keep]
        lens_c = np.diff(self.cols.cum_len)[j[keep]]
        lr = np.log((lens_c + 20) / (lens_r + 20))
        mu = float(np.median(lr))
        sigma = float(np.clip(1.4826 * np.median(np.abs(lr - mu)), 0.15, 0.6))
        return mu, sigma

    def __call__(self, a: int, b: int) -> np.ndarray:
        """The band-aligned gain table of link type (a, b)."""
        n, lo = self.rows.n, self.band.lo
        if a not in self.rows.emb or b not in self.cols.emb:
            return np.full((n + 1, self.width), _NO_LINK)
        cos = self._banded(self.rows.emb[a], self.cols.emb[b], a, b)
        ii = np.clip(np.arange(n + 1) - a, 0, len(self.rows.emb[a]) - 1)[:, None]
        jj = np.clip(lo[:, None] + np.arange(self.width)[None, :] - b, 0, len(self.cols.emb[b]) - 1)
        margin = cos - 0.5 * (self.rows.hub[a][ii] + self.cols.hub[b][jj])
        if self.o.anchor_weight:
            rows, cols = self.rows, self.cols
            keys_x, keys_y = rows.anchor_levels(a, 1, 1), cols.anchor_levels(b, 1, 1)
            inter = self._banded(keys_x, keys_y, a, b)
            nx, ny = rows.n_present[a][ii], cols.n_present[b][jj]
            dice = 2 * inter / np.maximum(nx + ny, 1)
            margin += np.where((nx > 0) & (ny > 0), self.o.anchor_weight * (dice - 0.5), 0.0)
            if self.o.anchor_miss:
                matched = inter
                top = min(a, b, _ANCHOR_LEVELS)  # one sentence holds a key once
                if top > 1:
                    rep_x, rep_y = rows.anchor_levels(a, 2, top), cols.anchor_levels(b, 2, top)
                    matched = inter + self._banded(rep_x, rep_y, a, b)
                mx, my = rows.n_mentions[a][ii], cols.n_mentions[b][jj]
                margin -= self.o.anchor_miss * (mx + my - 2 * matched)
        if self.o.wordless_price:
            n_x, n_y = self.rows.n_wordless[a][ii], self.cols.n_wordless[b][jj]
            margin -= self.o.wordless_price * (n_x + n_y)
        if self.o.continuation:
            margin += self.o.continuation * (self.rows.joins[a][ii] + self.cols.joins[b][jj])
        len_x = self.rows.span_len(a, ii)
        len_y = self.cols.span_len(b, jj)
        lr = np.log((len_y + 20) / (len_x + 20)) - self.mu
        gain = margin - self.o.threshold - self.o.length_weight * (lr / self.sigma) ** 2
        if self.o.min_pair_cosine > -1.0:  # below it two spans share no meaning: no link
            gain = np.where(cos < self.o.min_pair_cosine, _NO_LINK, gain)
        return cast(np.ndarray, gain)
