"""Where inside a linked pair words were dropped or added: candidate runs and their score.

Split out of ``align.check.word_flags``. Candidates are runs of words without a
counterpart (``align.sentalign.words``) and clause segments; each is scored by a logistic
model over how much its removal raises the pair's cosine (token-row ablation,
``align.embed.tokens``), how much nearer to 1 it brings the pair's length ratio (over
the document's usual), how close the span alone is to the other side, its words' best
matches, whether it sits between clause boundaries, and its size. The weights were
fitted on half 0 of ``bench/flags.py`` (``--half 1`` is held out).
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from align.sentalign.words import WordLinks, only, whole, without

if TYPE_CHECKING:  # pragma: no cover
    from align.check.context import FlagContext

_BOUNDARY = re.compile(r"[,;:()\[\]«»\"“”—–]|\s-\s")
_BRACKETED = re.compile(r"\[[^\]\[]{2,}\]|\([^()]{2,}\)")
MAX_SHARE = 0.6  # a run longer than this share of its sentence is not a clause


def _candidates(words: list[Any], matched: list[bool], text: str) -> list[tuple[int, int, float]]:
    """(start, end, unmatched share) of unmatched runs and mostly unmatched clauses."""
    out: dict[tuple[int, int], float] = {}
    n = len(words)
    k = 0
    while k < n:
        if matched[k]:
            k += 1
            continue
        e = k
        while e + 1 < n and (
            not matched[e + 1] or (e + 2 < n and not matched[e + 2] and len(words[e + 1].text) <= 3)
        ):
            e += 1
        run = words[k : e + 1]
        share = sum(not matched[x] for x in range(k, e + 1)) / len(run)
        out[(run[0].start, run[-1].end)] = share
        k = e + 1
    cuts = [0, *[m.start() for m in _BOUNDARY.finditer(text)], len(text)]
    for a, b in zip(cuts, cuts[1:], strict=False):
        ids = [x for x, w in enumerate(words) if a <= w.start and w.end <= b]
        if ids:
            share = sum(not matched[x] for x in ids) / len(ids)
            out.setdefault((words[ids[0]].start, words[ids[-1]].end), share)
    # a bracketed passage: include the brackets
    for m in _BRACKETED.finditer(text):
        ids = [x for x, w in enumerate(words) if m.start() <= w.start and w.end <= m.end()]
        if ids:
            out[m.span()] = sum(not matched[x] for x in ids) / len(ids)
    return [(a, b, s) for (a, b), s in out.items()]


LOG: list[dict[str, object]] | None = None  # candidate features, for tuning (bench)


def _bounded(text: str, a: int, b: int) -> int:
    """How many ends of [a, b) sit at a clause boundary (punctuation, bracket, text end)."""
    left = text[:a].rstrip()
    right = text[b:].lstrip()
    lb = not left or left[-1] in ',;:([«"“—–-' or text[a : a + 1] in "[("
    rb = not right or right[0] in ',;:)].!?»"”—–-…' or text[b - 1 : b] in ")]"
    return int(lb) + int(rb)


def _content(words: list[Any], a: int, b: int) -> int:
    return sum(1 for w in words if a <= w.start and w.end <= b and len(w.text) > 2)


# Logistic weights over the candidate features (``_features``), one set per side, fitted
# on half 0 of ``bench/flags.py`` (its ``--half 1`` reports the held-out figures).
WEIGHTS = {
    "original": (
        0.7192,
        0.1256,
        -1.1062,
        -0.1317,
        0.0225,
        0.7916,
        0.0515,
        0.0148,
        0.272,
        -4.5121,
    ),
    "translation": (
        1.1277,
        -0.1719,
        -0.8159,
        -0.089,
        0.0963,
        0.575,
        0.5966,
        0.516,
        0.1589,
        -4.6762,
    ),
}
_MEAN = {
    "original": (
        -0.01792,
        -0.00263,
        0.17246,
        0.32898,
        0.8014,
        0.32094,
        -0.17337,
        3.55149,
        0.19352,
    ),
    "translation": (
        -0.02261,
        -0.03864,
        0.17887,
        0.35342,
        0.79406,
        0.34131,
        0.12382,
        4.02392,
        0.20144,
    ),
}
_SD = {
    "original": (
        0.06775,
        0.20535,
        0.14053,
        0.12257,
        0.21961,
        0.46684,
        0.20448,
        2.37118,
        0.12653,
    ),
    "translation": (
        0.07054,
        0.20698,
        0.15503,
        0.12606,
        0.22129,
        0.47415,
        0.11459,
        3.01831,
        0.13468,
    ),
}


def _features(
    gain: float,
    fix: float,
    alone: float,
    maxsim: float,
    share: float,
    bound: int,
    ratio: float,
    content: int,
    total: int,
) -> list[float]:
    return [
        gain,
        fix,
        alone,
        maxsim,
        share,
        float(bound == 2),
        math.log(max(ratio, 1e-6)),
        float(content),
        content / max(1, total),
    ]


def _score(side: str, x: list[float]) -> float:
    w = WEIGHTS[side]
    z = w[-1] + sum(
        wi * (xi - m) / sd for wi, xi, m, sd in zip(w, x, _MEAN[side], _SD[side], strict=False)
    )
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def cuts(ctx: FlagContext, wl: WordLinks, side: str, ratio: float) -> list[tuple[int, int, float]]:
    """Runs of ``side`` that the other side does not render, best first, as
    ``(start, end, score)``: candidates are unmatched runs and clause segments; each is
    scored from how much its removal raises the pair's cosine, how much nearer to 1 it
    brings the pair's length ratio (over the document's usual, ``ratio``), how close
    the span alone is to the other side, its words' best matches, whether it sits
    between clause boundaries and its size (logistic, ``WEIGHTS``)."""
    o = ctx.options
    words = list(wl.orig if side == "original" else wl.trans)
    text = wl.o_text if side == "original" else wl.t_text
    matched = wl.matched(side)
    total = sum(len(w.text) > 2 for w in words)
    cands = [
        (a, b, sh)
        for a, b, sh in _candidates(words, matched, text)
        if sh >= o.word_min_unmatched and 2 <= _content(words, a, b) <= MAX_SHARE * total
    ]
    if not cands:
        return []
    enc = ctx.encoder
    mine, other = (wl.o_tokens, wl.t_tokens) if side == "original" else (wl.t_tokens, wl.o_tokens)
    other_text = wl.t_text if side == "original" else wl.o_text
    ov = whole(enc, other, other_text)
    base = float(whole(enc, mine, text) @ ov)
    cuts = [(a, b) for a, b, _ in cands]
    gains = without(enc, mine, text, cuts) @ ov - base
    alone = only(enc, mine, text, cuts) @ ov
    sim = wl.sim if side == "original" else wl.sim.T
    mine_len = max(1, len(text))
    scored = []
    for k, (a, b, sh) in enumerate(cands):
        kept = 1 - (b - a + 1) / mine_len  # share of this side's characters kept
        after = ratio / kept if side == "original" else ratio * kept
        fix = abs(math.log(max(ratio, 1e-6))) - abs(math.log(max(after, 1e-6)))
        ids = [x for x, w in enumerate(words) if a <= w.start and w.end <= b]
        maxsim = float(sim[ids].max(1).mean()) if sim.size else 0.0
        x = _features(
            float(gains[k]),
            fix,
            float(alone[k]),
            maxsim,
            sh,
            _bounded(text, a, b),
            ratio,
            _content(words, a, b),
            total,
        )
        sc = _score(side, x)
        scored.append((a, b, sc))
        if LOG is not None:
            LOG.append(
                {
                    "side": side,
                    "sentence": words[ids[0]].sentence,
                    "local": words[ids[0]].local,
                    "end_local": words[ids[-1]].local + len(words[ids[-1]].text),
                    "text": text[a:b],
                    "x": x,
                }
            )
    picked: list[tuple[int, int, float]] = []
    bar = o.word_drop_score if side == "original" else o.word_insert_score
    for a, b, sc in sorted(scored, key=lambda t: -t[2]):
        if sc < bar:
            break
        if all(b <= x or a >= y for x, y, _ in picked):
            picked.append((a, b, sc))
    return picked
