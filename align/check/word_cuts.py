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
``--half 1`` is held out. Half 0's documents are edited with seven seeds for the fit
(the bench's own and six more: ``collect --seed k``), since one seed gives only 67 gold
dropped clauses there, too few for stable weights: held-out dropped-clause recall
0.40 -> 0.58 at the same precision.

Tried and left out (half-0 out-of-fold unless said): the exact ablation (the sentence
without the run re-encoded) separates gold runs hardly better than the token-row one
(AUC 0.939 vs 0.932 over all candidates) at a model pass per candidate; the pair's
cosine, the link's sentence count, the gain's lead over the best rival run, and a
boosted-tree decision: no gain; derived size features (gain per content share, log
size) raised synthetic recall but, fitted on 3-12-word edits, lost two long real
insertions and added a false major on the real dev set's fresh split.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from align.check.lexicon import concept_class, concept_hits
from align.check.word_clauses import clause_evidence, clause_ranges
from align.check.word_model import MODEL
from align.embed.views import heads, split_views, view_sums, views
from align.sentalign.words import WordLinks

if TYPE_CHECKING:  # pragma: no cover
    from align.check.context import FlagContext

# The Arabic comma and semicolon (، ؛) are clause boundaries like their Latin forms
# (stop 24). They were left out so far because bench/flags.py, whose generator joins an
# Arabic clause with a Latin ", ", lost precision with them (stop 21, and again now: half
# 0 draws 0-2, dropped-clause P 0.857 -> 0.828, false flags 0.70 -> 0.77 per 100: two
# faithful NTREX sentences whose last Arabic clause the English renders loosely). On
# clauses Arabic sentences really have (bench/coherent_cuts.py, half 0, seeds 0-2) they
# find 0.644 -> 0.712 of dropped clauses (P 0.957 -> 0.944): an Arabic clause between two
# "،" was never a candidate of its own nor bounded, whatever its words. The seen real
# pairs are unchanged (their missed Arabic cuts have their words paired), with two guards
# in ``word_flags._dropped``: a cut of a date's words only, and a cut holding a name or
# figure the translation has, are not left out.
_MARKS = ",،;؛:"  # the commas, semicolons and colon between clauses (Latin and Arabic)
_BOUNDARY = re.compile(rf"[{_MARKS}()\[\]«»\"“”—–]|\s-\s")
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


def _bounded(text: str, a: int, b: int) -> int:
    """How many ends of [a, b) sit at a clause boundary (punctuation, bracket, text end)."""
    left = text[:a].rstrip()
    right = text[b:].lstrip()
    lb = not left or left[-1] in _MARKS + '([«"“—–-' or text[a : a + 1] in "[("
    rb = not right or right[0] in _MARKS + ')].!?؟»"”—–-…' or text[b - 1 : b] in ")]"
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


@dataclass(frozen=True)
class Candidate:
    """One candidate run of a link side: its character range in the side's joined text,
    its word indices, its features (``_features``) and its rank score."""

    start: int
    end: int
    ids: tuple[int, ...]
    x: tuple[float, ...]
    rank: float


def cuts(ctx: FlagContext, wl: WordLinks, side: str, ratio: float) -> list[tuple[int, int, float]]:
    """Runs of ``side`` that the other side does not render, as ``(start, end, score)``:
    at most one, the best-ranked of ``candidates``, when the decision model's score
    passes the side's bar (``word_drop_score`` / ``word_insert_score``)."""
    return pick(ctx, side, candidates(ctx, wl, side, ratio))


def cuts_batch(
    ctx: FlagContext, jobs: list[tuple[WordLinks, str, float]]
) -> list[list[tuple[int, int, float]]]:
    """``cuts`` of many link sides (``(wl, side, ratio)``) with one call of the model's
    head for all of them: a call has a fixed cost that dwarfs a row's, and a document's
    link sides each needed two. Rows are independent; a row's last bits may differ from
    ``cuts`` alone (another batch size)."""
    plans = [plan(ctx, wl, side, ratio) for wl, side, ratio in jobs]
    rows = iter(heads(ctx.encoder, [p.sums for p in plans if p is not None and p.sums]))
    return [
        [] if p is None else pick(ctx, p.side, finish(ctx, p, next(rows) if p.sums else None))
        for p in plans
    ]


def pick(ctx: FlagContext, side: str, cands: list[Candidate]) -> list[tuple[int, int, float]]:
    """One pick per link side: the best-ranked candidate, when the decision model says so."""
    if not cands:
        return []
    best = max(cands, key=lambda c: c.rank)
    sc = _score(side, "decide", list(best.x))
    o = ctx.options
    bar = o.word_drop_score if side == "original" else o.word_insert_score
    return [(best.start, best.end, sc)] if sc >= bar else []


@dataclass(frozen=True)
class Plan:
    """One link side's candidates before the model's head: the runs ``(start, end,
    unmatched share)``, the clause ranges of both sides, and the pooled sums of the
    views ``finish`` reads (the other side's whole and clauses, then this side's whole,
    runs, clauses and runs taken out), or, for an encoder without token rows, the
    views themselves (``views``)."""

    wl: WordLinks
    side: str
    ratio: float
    cands: list[tuple[int, int, float]]
    m_cl: list[tuple[int, int]]
    o_cl: list[tuple[int, int]]
    sums: tuple[Any, Any] | None
    ready: tuple[Any, ...] | None


def plan(ctx: FlagContext, wl: WordLinks, side: str, ratio: float) -> Plan | None:
    """The candidate runs of ``side`` (unmatched runs and clause segments with
    ``word_min_unmatched`` of their words unmatched and 2 to ``MAX_SHARE`` of the side's
    content words) and what ``finish`` needs to describe them; None without any."""
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
        return None
    mine, other = (wl.o_tokens, wl.t_tokens) if side == "original" else (wl.t_tokens, wl.o_tokens)
    other_text = wl.t_text if side == "original" else wl.o_text
    spans = [(a, b) for a, b, _ in cands]
    m_cl, o_cl = clause_ranges(text), clause_ranges(other_text)
    if mine is None or not mine.spans or other is None or not other.spans:
        ov, v_other, _ = views(ctx.encoder, other, other_text, o_cl, [])
        mv, alone_v, without_v = views(ctx.encoder, mine, text, spans + m_cl, spans)
        return Plan(wl, side, ratio, cands, m_cl, o_cl, None, (ov, v_other, mv, alone_v, without_v))
    s_other = view_sums(other, o_cl, [])
    s_mine = view_sums(mine, spans + m_cl, spans)
    sums = tuple(np.concatenate([x, y]) for x, y in zip(s_other, s_mine, strict=True))
    return Plan(wl, side, ratio, cands, m_cl, o_cl, (sums[0], sums[1]), None)


def candidates(ctx: FlagContext, wl: WordLinks, side: str, ratio: float) -> list[Candidate]:
    """Every candidate run of ``side`` with its features and rank score (``plan`` and
    ``finish`` for one link side)."""
    p = plan(ctx, wl, side, ratio)
    if p is None:
        return []
    return finish(ctx, p, heads(ctx.encoder, [p.sums])[0] if p.sums is not None else None)


def finish(ctx: FlagContext, p: Plan, vecs: Any) -> list[Candidate]:
    """The candidates of a ``plan``, each described by how much its removal raises the
    pair's cosine, how much nearer to 1 it brings the pair's length ratio (over the
    document's usual, ``ratio``), how close the span alone is to the other side, its
    words' best matches, whether it sits between clause boundaries, its size, ...
    (``_features``), with its rank score. ``vecs``: the head's rows of ``p.sums``."""
    wl, side, ratio, cands = p.wl, p.side, p.ratio, p.cands
    words = list(wl.orig if side == "original" else wl.trans)
    text = wl.o_text if side == "original" else wl.t_text
    other_text = wl.t_text if side == "original" else wl.o_text
    matched = wl.matched(side)
    total = sum(len(w.text) > 2 for w in words)
    spans = [(a, b) for a, b, _ in cands]
    if p.ready is not None:
        ov, v_other, mv, alone_v, without_v = p.ready
    else:
        n_other = 1 + len(p.o_cl)
        ov, v_other, _ = split_views(vecs[:n_other], len(p.o_cl))
        mv, alone_v, without_v = split_views(vecs[n_other:], len(spans) + len(p.m_cl))
    alone_v, v_mine = alone_v[: len(spans)], alone_v[len(spans) :]
    base = float(mv @ ov)
    gains = without_v @ ov - base
    alone = alone_v @ ov
    clause = clause_evidence(spans, alone_v, p.m_cl, v_mine, v_other)
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
    out: list[Candidate] = []
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
        out.append(Candidate(a, b, tuple(ids), tuple(x), _score(side, "rank", x)))
    return out


def describe(wl: WordLinks, side: str, c: Candidate, ratio: float) -> dict[str, object]:
    """One candidate's features and place, as ``bench/flags_fit.py collect`` records
    them (it wraps ``cuts`` during a collect run; nothing is recorded otherwise)."""
    words = wl.orig if side == "original" else wl.trans
    text = wl.o_text if side == "original" else wl.t_text
    first, last = words[c.ids[0]], words[c.ids[-1]]
    lacks = (wl.o_text, wl.t_text) if side == "original" else (wl.t_text, wl.o_text)
    return {
        "side": side,
        "sentence": first.sentence,
        "local": first.local,
        "end_local": last.local + len(last.text),
        "text": text[c.start : c.end],
        "span": [c.start, c.end],
        "o_text": wl.o_text,
        "t_text": wl.t_text,
        "x": list(c.x),
        "key": [wl.orig[0].sentence, wl.trans[0].sentence],
        "ratio": ratio,
        "paren": lacks[0].count("(") > lacks[1].count("("),
    }
