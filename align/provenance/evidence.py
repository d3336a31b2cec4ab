"""Sentence-level evidence that a stored original is the source of a translation.

Split out of ``align.provenance.pairing``: the re-ranking features of one query against its
retrieved candidates, and the logistic model that turns them into a logit. The
features are what survives condensation and editing: the share of translation
sentences with a confident counterpart (ratio-margin similarity >= 1 and cosine
>= 0.35) *in order* (longest non-decreasing run of matched original positions), the
mean best similarity, the mean similarity of the matches, and the share of the
translation's numbers and Latin-script tokens found in the original.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from align.provenance.index import StoredOriginal

FEATURES = ("in_order", "soft", "match_cosine", "anchor_share")
# Fitted on the dev half of bench/pairing.py (see that file's --fit); intercept first.
COEF = (-15.0, 13.42, 2.26, 7.82, 0.47)


def longest_in_order(seq: Sequence[int]) -> list[int]:
    """Positions in ``seq`` of a longest non-decreasing subsequence (patience sorting)."""
    tails: list[int] = []
    tail_pos: list[int] = []
    prev = [-1] * len(seq)
    for i, x in enumerate(seq):
        k = bisect.bisect_right(tails, x)
        if k == len(tails):
            tails.append(x)
            tail_pos.append(i)
        else:
            tails[k] = x
            tail_pos[k] = i
        prev[i] = tail_pos[k - 1] if k else -1
    out = []
    i = tail_pos[-1] if tail_pos else -1
    while i >= 0:
        out.append(i)
        i = prev[i]
    return out[::-1]


# Confirmation: the same features plus ``sentence_share`` and ``original_share``, fitted by
# ``bench/same_story.py --fit`` on the dev half of the pairing queries *and* same-story hard
# negatives (the other half of the same article in the index, the true half removed), with
# queries untouched, condensed and expanded (background appended); intercept first. Without
# ``original_share`` (the share of the original's sentences rendered) a republication that
# appends as much background as it translates was called ``no_original``: on the test half
# 0.209 of the expanded queries were paired, 1.0 with it (untouched 1.0 = 1.0, condensed
# 0.986 -> 0.997; no_original F1 over the hard queries 0.875 -> 0.991).
# Counterparts out of the original's order count too when the two sentences are each
# other's best match (a digest quotes its original out of order): the ``digest`` queries'
# P@1 0.869 -> 0.980 on the test half, the other variants unchanged but for one condensed
# query (no_original F1 0.994 -> 0.993), the coefficients kept. A refit with digests in the
# dev half paired 0.87 of them (none now) but put its weight on the match cosine (0.8 ->
# 17.9), and the real Arabic pairs a user checked, whose renderings score 0.6, fell below a
# same-template report of another call: not taken.
CONFIRM_FEATURES = (
    "sentence_share",
    "in_order",
    "soft",
    "match_cosine",
    "anchor_share",
    "original_share",
)
CONFIRM_COEF = (-11.942, 3.093, 12.212, -5.577, 0.781, 1.19, 10.627)


def logit(f: Mapping[str, Any]) -> float:
    """The story logit of one candidate's features (``COEF`` over ``FEATURES``): high for the
    original and for another article about the same story alike."""
    return COEF[0] + sum(w * float(f[name]) for w, name in zip(COEF[1:], FEATURES, strict=True))


def confirm_logit(f: Mapping[str, Any], coef: Sequence[float] = CONFIRM_COEF) -> float:
    """The confirmation logit: sentence-level evidence that this candidate is the source."""
    names = CONFIRM_FEATURES
    return coef[0] + sum(w * float(f[name]) for w, name in zip(coef[1:], names, strict=True))


SENTENCE_COSINE = 0.5  # a counterpart for confirmation: margin >= 1 and cosine >= this


@dataclass(frozen=True)
class SentenceMatch:
    """How one candidate's sentences matched the translation's, beyond the evidence.

    The evidence (a JSON-ready dict) summarises these; the joint explanation of a
    translation by two originals (``verdict.compilation``) recombines them.
    """

    rowmax: np.ndarray  # each translation sentence's best cosine in the candidate
    cosines: Mapping[int, float]  # translation sentence -> cosine of its in-order match
    anchors: frozenset[str]  # anchors the translation shares with the candidate
    strict: frozenset[int]  # translation sentences with a confident counterpart


@dataclass(frozen=True)
class Rerank:
    """The evidence of one candidate original and its sentence match."""

    evidence: dict[str, Any]
    match: SentenceMatch


def rerank_features(
    emb: np.ndarray,
    originals: Sequence[StoredOriginal],
    anchors_t: frozenset[str],
    sentence_cosine: float = SENTENCE_COSINE,
) -> list[Rerank]:
    """Sentence-level evidence of each candidate original for one translation.

    Besides the re-rank features, ``sentence_share`` is the share of the translation's
    sentences with a counterpart in the candidate (margin >= 1, cosine >=
    ``sentence_cosine``, each other's best match, in any order), and ``matched_sentences``
    ([translation, original, cosine]) and ``unmatched_sentences`` list them: the
    evidence that confirms a candidate, which a same-story article lacks.
    """
    if not originals:
        return []
    pool = np.vstack([o.embeddings for o in originals])
    s_all = emb @ pool.T  # (m, total original sentences)
    k_t = min(4, s_all.shape[1])
    knn_t = -np.sort(-s_all, axis=1)[:, :k_t].mean(axis=1)
    m = emb.shape[0]
    out = []
    at = 0
    for o in originals:
        n = o.embeddings.shape[0]
        s = s_all[:, at : at + n]
        at += n
        k_o = min(4, m)
        knn_o = -np.sort(-s, axis=0)[:k_o, :].mean(axis=0)
        margin = s / np.maximum((knn_t[:, None] + knn_o[None, :]) / 2, 1e-6)
        best = margin.argmax(axis=1)
        rows = np.arange(m)
        hit = s[rows, best]  # each translation sentence's cosine to its best-margin match
        rowmax = s.max(axis=1)
        ok = (margin[rows, best] >= 1.0) & (hit >= 0.35)
        matched = [int(i) for i in np.flatnonzero(ok)]
        in_order = [matched[k] for k in longest_in_order([int(best[i]) for i in matched])]
        shared = anchors_t & o.anchors
        # a confident counterpart in the original's order (a split sentence gives two), or
        # out of order where the two are each other's best match: a digest quotes a few
        # sentences of its original out of order between other news
        back = margin.argmax(axis=0)
        ordered = set(in_order)
        strict = [
            i
            for i in matched
            if hit[i] >= sentence_cosine and (i in ordered or int(back[best[i]]) == i)
        ]
        strict_set = set(strict)
        match = SentenceMatch(
            rowmax=rowmax,
            cosines={i: float(hit[i]) for i in in_order},
            anchors=frozenset(shared),
            strict=frozenset(strict),
        )
        evidence = {
            "in_order": len(in_order) / m,
            "matched": len(matched),
            "soft": float(rowmax.mean()),
            "match_cosine": float(hit[matched].mean()) if matched else 0.0,
            "coverage_original": len({int(best[i]) for i in matched}) / n,
            "anchor_share": len(shared) / len(anchors_t) if anchors_t else 0.0,
            "anchors_shared": sorted(shared)[:20],
            "covers": in_order,
            "sentence_share": len(strict) / m,
            # the share of the *original* rendered (its sentences with a confident
            # counterpart): a republication that appends background renders most of its
            # original while half its own sentences match nothing in it
            "original_share": len({int(best[i]) for i in strict}) / n,
            "matched_sentences": [[i, int(best[i]), round(float(hit[i]), 3)] for i in strict],
            "unmatched_sentences": [i for i in range(m) if i not in strict_set],
            "translation_sentences": m,
            "original_sentences": n,
        }
        out.append(Rerank(evidence, match))
    return out
