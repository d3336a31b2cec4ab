"""Where inside a linked pair words were dropped or added: candidate runs and their score.

Split out of ``align.check.word_flags``. Candidates are runs of words without a
counterpart (``align.sentalign.words``) and clause segments. Each is described by how
much its removal raises the pair's cosine (token-row ablation, ``align.embed.tokens``),
how much nearer to 1 it brings the pair's length ratio (over the document's usual), how
close the span alone is to the other side, its words' best matches, whether it sits
between clause boundaries, its size, whether its closest clause on the other side
belongs to it or to a neighbour (``align.check.word_clauses``), what the other side
holds where the run would sit (``_gap``), whether it holds an
attribution or hedge word of a class the other side lacks, and how well the rest of the
pair is matched. (The pair's cosine against the document's median, tried as a feature,
lowered the out-of-fold recall on half 0.)

Two logistic models per side read these: one ranks a link side's candidates, one
decides whether the best of them is an edit; a link side gets at most one such flag.
Why two: the candidates of one link compete (the right span is the top-ranked one for
62 of 64 half-0 links holding a gold dropped clause), while the question that decides
precision is whether a link holds an edit at all, which the best candidate answers.
Fitted on half 0 of ``bench/flags.py`` by ``bench/flags_fit.py``, the bars
(``word_drop_score``, ``word_insert_score``) on out-of-fold scores inside half 0;
``--half 1`` is held out.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from align.check.lexicon import concept_class, concept_hits
from align.check.word_clauses import clause_evidence, clause_ranges
from align.sentalign.words import Word, WordLinks, views

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


def _cue(span: str, lang: str, other: set[str]) -> bool:
    """Does the span hold an attribution or a hedge ("according to", "allegedly") of a
    class the other side has no word of (``other``: the other side's concept classes)?"""
    classes = {concept_class(c) for c in concept_hits(span, lang)}
    return bool(classes & {"attribution", "hedge"} - other)


def _unmatched(words: list[Any], matched: list[bool], cut: tuple[int, int] | None) -> float:
    """Share of the content words outside ``cut`` (all, when None) without a counterpart:
    a dropped clause leaves the rest of its sentence and the other side well matched,
    a free rendering leaves unmatched words everywhere."""
    ids = [
        k
        for k, w in enumerate(words)
        if len(w.text) > 2 and (cut is None or w.end <= cut[0] or w.start >= cut[1])
    ]
    return sum(not matched[k] for k in ids) / len(ids) if ids else 0.0


def _gap(wl: WordLinks, side: str, ids: list[int]) -> float:
    """What the other side holds where the run would sit: its content words without a
    counterpart between the partners of the run's nearest matched neighbours (to the
    sentence end when the run has a neighbour on one side only), over the run's own
    content words, capped at 2.

    A dropped (or added) clause leaves nothing there: the words either side of it have
    adjacent partners. A rendered clause the word matcher missed leaves its rendering,
    unmatched too, between them. 1.0 (no evidence) when the run has no matched neighbour.
    """
    mine, other = (wl.orig, wl.trans) if side == "original" else (wl.trans, wl.orig)
    partners: dict[int, list[int]] = {}
    for i, j in wl.pairs:
        k, p = (i, j) if side == "original" else (j, i)
        partners.setdefault(k, []).append(p)
    left = [p for k in range(ids[0] - 1, -1, -1) if k in partners for p in partners[k]][:1]
    right = [p for k in range(ids[-1] + 1, len(mine)) if k in partners for p in partners[k]][:1]
    if not left and not right:
        return 1.0
    lo = left[0] if left else -1
    hi = right[0] if right else len(other)
    if left and right and lo > hi:
        lo, hi = hi, lo
    matched = wl.matched("translation" if side == "original" else "original")
    between = sum(1 for k in range(lo + 1, hi) if not matched[k] and len(other[k].text) > 2)
    own = sum(1 for k in ids if len(mine[k].text) > 2)
    return min(2.0, between / max(1, own))


def _content(words: list[Any], a: int, b: int) -> int:
    return sum(1 for w in words if a <= w.start and w.end <= b and len(w.text) > 2)


# Two logistic models per side over the candidate features (``_features``), standardised
# by ``mean``/``sd``: ``rank`` orders a link side's candidates (fitted on every candidate),
# ``decide`` says whether the best of them is an edit (fitted on the best candidate of
# every link side). Both fitted on half 0 of ``bench/flags.py`` by ``bench/flags_fit.py``
# (half 1 is held out).
# fmt: off
MODEL: dict[str, dict[str, tuple[float, ...]]] = {
    "original": {
        "mean": (-0.00446, -0.03789, 0.12503, 0.29006, 0.83203, 0.23292, -0.08052, 2.7126,
            0.16301, 0.22448, -0.09597, 0.01385, 0.24603, 0.30027, 0.56145),
        "sd": (0.05148, 0.1806, 0.10812, 0.12013, 0.19566, 0.42269, 0.19657, 1.23966, 0.10485,
            0.14145, 0.30611, 0.11687, 0.1472, 0.13766, 0.57088),
        "rank": (1.04, 0.4032, -0.6041, -0.1311, -0.0657, 0.8932, -0.2667, 0.4723, -0.1142,
            -0.3477, -0.4728, 0.1626, -0.0741, -0.0494, -0.0492, -5.2232),
        "decide": (1.0457, 0.5829, -0.6021, 0.0116, 0.1794, 1.4342, 0.0446, 0.4275, -0.2003,
            -0.1833, -0.3692, 0.1916, 0.0996, -0.0967, -0.2335, -6.156),
    },
    "translation": {
        "mean": (-0.00271, -0.06072, 0.12022, 0.30627, 0.83241, 0.21341, 0.04127, 2.91234,
            0.16539, 0.22952, -0.06188, 0.01458, 0.25726, 0.25998, 0.4566),
        "sd": (0.04541, 0.18328, 0.11247, 0.12306, 0.18925, 0.40972, 0.17474, 1.65917, 0.10881,
            0.15108, 0.30286, 0.11986, 0.14548, 0.14846, 0.5241),
        "rank": (0.9182, -0.3312, -0.6645, -0.0302, 0.1383, 0.6098, 1.253, 0.6441, -0.0877,
            -0.3193, -0.0209, -0.153, -0.202, 0.0203, -0.1061, -5.407),
        "decide": (1.0002, -0.0914, -0.8295, 0.1222, 0.2586, 0.802, 0.6822, 0.6155, -0.0676,
            -0.3355, -0.0565, -0.0438, -0.0929, 0.2071, -0.3906, -5.82),
    },
}
# fmt: on


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
    clause: tuple[float, float] = (0.0, 0.0),
    cue: bool = False,
    rest: tuple[float, float] = (0.0, 0.0),
    gap: float = 1.0,
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
        clause[0],
        clause[1],
        float(cue),
        rest[0],
        rest[1],
        gap,
    ]


def _score(side: str, part: str, x: list[float]) -> float:
    m = MODEL[side]
    w = m[part]
    z = w[-1] + sum(
        wi * (xi - mu) / sd for wi, xi, mu, sd in zip(w, x, m["mean"], m["sd"], strict=False)
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
    cuts = [(a, b) for a, b, _ in cands]
    m_cl, o_cl = clause_ranges(text), clause_ranges(other_text)
    ov, v_other, _ = views(enc, other, other_text, o_cl, [])
    mv, alone_v, without_v = views(enc, mine, text, cuts + m_cl, cuts)
    alone_v, v_mine = alone_v[: len(cuts)], alone_v[len(cuts) :]
    base = float(mv @ ov)
    gains = without_v @ ov - base
    alone = alone_v @ ov
    clause = clause_evidence(cuts, alone_v, m_cl, v_mine, v_other)
    al = ctx.alignment
    lang, other_lang = (
        (al.original.lang, al.translation.lang)
        if side == "original"
        else (al.translation.lang, al.original.lang)
    )
    other_classes = {concept_class(c) for c in concept_hits(other_text, other_lang)}
    sim = wl.sim if side == "original" else wl.sim.T
    o_words = wl.trans if side == "original" else wl.orig
    other_un = _unmatched(
        list(o_words), wl.matched("translation" if side == "original" else "original"), None
    )
    mine_len = max(1, len(text))
    scored: list[tuple[int, int, float, list[float]]] = []
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
            clause[k],
            _cue(text[a:b], lang, other_classes),
            (_unmatched(words, matched, (a, b)), other_un),
            _gap(wl, side, ids),
        )
        scored.append((a, b, _score(side, "rank", x), x))
        if LOG is not None:
            LOG.append(_logged(wl, side, words, ids, text, a, b, x, ratio))
    # one pick per link side: the best-ranked candidate, when the decision model says so
    a, b, _, x = max(scored, key=lambda t: t[2])
    sc = _score(side, "decide", x)
    bar = o.word_drop_score if side == "original" else o.word_insert_score
    return [(a, b, sc)] if sc >= bar else []


def _logged(
    wl: WordLinks,
    side: str,
    words: list[Word],
    ids: list[int],
    text: str,
    a: int,
    b: int,
    x: list[float],
    ratio: float,
) -> dict[str, object]:
    """One candidate's features and place, for ``bench/flags_fit.py collect`` (which sets
    ``LOG`` to a list; it is None otherwise, and nothing is recorded)."""
    lacks = (wl.o_text, wl.t_text) if side == "original" else (wl.t_text, wl.o_text)
    return {
        "side": side,
        "sentence": words[ids[0]].sentence,
        "local": words[ids[0]].local,
        "end_local": words[ids[-1]].local + len(words[ids[-1]].text),
        "text": text[a:b],
        "x": x,
        "key": [wl.orig[0].sentence, wl.trans[0].sentence],
        "ratio": ratio,
        "paren": lacks[0].count("(") > lacks[1].count("("),
    }
