"""Flags below the sentence, pointing at words: what an editor dropped, added or changed.

From the word correspondence of each link (``align.check.words``):

* ``partial_omission``: a run of original words with no counterpart (a clause, a
  parenthesis, an attribution) whose removal brings the original *closer* to the
  translation (by ``word_drop_gain``); or one attribution/hedge word with no
  counterpart when the translation has no word of its class;
* ``insertion``: the same in the other direction, subkind ``bracketed`` (a translator's
  note in [] or () the original does not have), ``framing`` (an opening phrase from
  ``align.check.lexicon.FRAMING`` with no source) or ``content``;
* ``meaning_change``: a concept of ``align.check.lexicon`` (attribution, hedge,
  negation, status) present on one side only, or replaced by its rival
  (requested -> sentenced);
* ``name_mismatch`` for roles: one side names investigators, the other prosecutors.

Why ablation and not the unmatched words alone: word embeddings of a free translation
leave many faithful words unmatched; removing a rendered clause makes a sentence *less*
like its translation, removing an added one makes it more like it. The unmatched words
only propose where to cut.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from typing import TYPE_CHECKING

from align.check.lexicon import concept_class, concept_hits, framing_at, role_hits
from align.check.words import WordLinks, align_words, only, whole, without
from align.types import INSERTION, MEANING_CHANGE, NAME_MISMATCH, PARTIAL_OMISSION, Flag, Link, Span

if TYPE_CHECKING:  # pragma: no cover
    from align.check.context import FlagContext

_BOUNDARY = re.compile(r"[,;:()\[\]«»\"“”—–]|\s-\s")
_BRACKETED = re.compile(r"\[[^\]\[]{2,}\]|\([^()]{2,}\)")
MAX_SHARE = 0.6  # a run longer than this share of its sentence is not a clause
PAREN_UNMATCHED = 0.6  # share of a parenthesis' words without source that makes it a note
LITERAL = 0.85  # share of words matched on both sides for the word-list checks


def spans_in(side: str, idx: tuple[int, ...], texts: list[str], a: int, b: int) -> tuple[Span, ...]:
    """A range of a side's joined text as sentence-local spans, trimmed of spaces."""
    out: list[Span] = []
    base = 0
    for i, t in zip(idx, texts, strict=True):
        lo, hi = max(a - base, 0), min(b - base, len(t))
        while lo < hi and t[lo].isspace():
            lo += 1
        while hi > lo and t[hi - 1].isspace():
            hi -= 1
        if lo < hi:
            out.append(Span(side, i, lo, hi))
        base += len(t) + 1
    return tuple(out)


def _candidates(words: list, matched: list[bool], text: str) -> list[tuple[int, int, float]]:
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


def _content(words: list, a: int, b: int) -> int:
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


def _cuts(ctx: FlagContext, wl: WordLinks, side: str, ratio: float) -> list[tuple[int, int, float]]:
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


def word_flags(ctx: FlagContext, items: list[tuple[Link, str, str]]) -> list[Flag]:
    """Word-level flags of the linked pairs ``items`` (link, original text, translation)."""
    from threadpoolctl import threadpool_limits

    threads = getattr(getattr(ctx.encoder, "inner", ctx.encoder), "threads", 1)
    with threadpool_limits(limits=threads, user_api="blas"):
        return _word_flags(ctx, items)


def _word_flags(ctx: FlagContext, items: list[tuple[Link, str, str]]) -> list[Flag]:
    al, o = ctx.alignment, ctx.options
    ot, tt = al.original.texts, al.translation.texts
    ol, tl = al.original.lang, al.translation.lang
    flags: list[Flag] = []
    for lk, otext, ttext in items:
        o_texts = [ot[i] for i in lk.original]
        t_texts = [tt[j] for j in lk.translation]
        ratio = len(ttext) / max(1, len(otext)) / max(ctx.ratio_median, 1e-6)
        lexical = (
            framing_at(ttext, tl) is not None
            or ("[" in ttext and "[" not in otext)
            or concept_hits(otext, ol).keys() != concept_hits(ttext, tl).keys()
            or role_hits(otext, ol).keys() != role_hits(ttext, tl).keys()
        )
        check_o = ratio < o.word_ratio_gate or otext.count("(") > ttext.count("(")
        check_t = ratio > 1 / o.word_ratio_gate or ttext.count("(") > otext.count("(")
        if not (lexical or check_o or check_t):
            continue
        wl = align_words(ctx.encoder, o_texts, lk.original, t_texts, lk.translation)
        if not wl.orig or not wl.trans:
            continue

        osp = functools.partial(spans_in, "original", lk.original, o_texts)
        tsp = functools.partial(spans_in, "translation", lk.translation, t_texts)

        dropped: list[tuple[int, int]] = []
        for a, b, g in _cuts(ctx, wl, "original", ratio) if check_o else []:
            dropped.append((a, b))
            words = otext[a:b]
            flags.append(
                Flag(
                    PARTIAL_OMISSION,
                    "major" if len(words.split()) >= 6 else "minor",
                    lk.original,
                    lk.translation,
                    f"Partly omitted: the translation leaves out \u201c{words}\u201d",
                    {"score": round(g, 3), "words": len(words.split())},
                    subkind="clause",
                    spans=osp(a, b),
                )
            )
        frame = framing_at(ttext, tl)
        done: list[tuple[int, int]] = []
        if frame and framing_at(otext, ol) is None:
            a, b = frame
            done.append(frame)
            flags.append(
                Flag(
                    INSERTION,
                    "major",
                    lk.original,
                    lk.translation,
                    "Words added: the translation frames the sentence with "
                    f"\u201c{ttext[a:b]}\u201d",
                    {"words": len(ttext[a:b].split())},
                    subkind="framing",
                    spans=tsp(a, b),
                )
            )
        if "[" not in otext:  # square brackets: a translator's note
            for m in re.finditer(r"\[[^\[\]]+\]?", ttext):
                a, b = m.span()
                done.append((a, b))
                flags.append(
                    Flag(
                        INSERTION,
                        "minor",
                        lk.original,
                        lk.translation,
                        f"Words added: a bracketed note \u201c{ttext[a:b]}\u201d",
                        {"words": len(ttext[a:b].split())},
                        subkind="bracketed",
                        spans=tsp(a, b),
                    )
                )
        if ttext.count("(") > otext.count("("):  # a parenthesis the original lacks
            tm = wl.matched("translation")
            for m in re.finditer(r"\([^()]{3,}\)", ttext):
                ids = [k for k, w in enumerate(wl.trans) if m.start() < w.start < m.end()]
                if not ids or any(m.start() < y and m.end() > x for x, y in done):
                    continue
                if sum(not tm[k] for k in ids) / len(ids) < PAREN_UNMATCHED:
                    continue
                a, b = m.span()
                done.append((a, b))
                flags.append(
                    Flag(
                        INSERTION,
                        "minor",
                        lk.original,
                        lk.translation,
                        f"Words added: a parenthesis \u201c{ttext[a:b]}\u201d",
                        {"words": len(ids)},
                        subkind="bracketed",
                        spans=tsp(a, b),
                    )
                )
        for a, b, g in _cuts(ctx, wl, "translation", ratio) if check_t else []:
            if any(a < y and b > x for x, y in done):
                continue
            done.append((a, b))
            words = ttext[a:b]
            bracket = words[:1] in "[(" and words[-1:] in ")]" and words[:1] not in otext
            sub = "bracketed" if bracket else "content"
            flags.append(
                Flag(
                    INSERTION,
                    "minor" if bracket else "major",
                    lk.original,
                    lk.translation,
                    f"Words added: the translation adds \u201c{words}\u201d",
                    {"score": round(g, 3), "words": len(words.split())},
                    subkind=sub,
                    spans=tsp(a, b),
                )
            )
        flags += _meaning(lk, wl, otext, ol, ttext, tl, osp, tsp, dropped, done)
    return flags


def _covered(wl: WordLinks, side: str, a: int, b: int) -> bool:
    """Whether any word in [a, b) of ``side`` has a counterpart."""
    words = wl.orig if side == "original" else wl.trans
    m = wl.matched(side)
    return any(m[k] for k, w in enumerate(words) if a <= w.start and w.end <= b)


def _outside(
    hits: dict[str, list[tuple[int, int]]], taken: list[tuple[int, int]]
) -> dict[str, list[tuple[int, int]]]:
    """Concept hits outside spans already flagged (a dropped clause's negation is part of
    the clause, a framing phrase's "no" part of the frame)."""
    out = {}
    for c, spans in hits.items():
        keep = [(a, b) for a, b in spans if not any(a < y and b > x for x, y in taken)]
        if keep:
            out[c] = keep
    return out


def _meaning(lk, wl, otext, ol, ttext, tl, osp, tsp, dropped, added) -> list[Flag]:  # type: ignore[no-untyped-def]
    """Concept and role changes (``align.check.lexicon``)."""
    flags: list[Flag] = []
    om, tm = wl.matched("original"), wl.matched("translation")
    # a free rendering says "nothing" for "не ... ничего" and "failed" for "не смог":
    # words and their absence are only compared where the pair is near-literal
    literal = min(sum(om) / max(1, len(om)), sum(tm) / max(1, len(tm))) >= LITERAL
    oc = _outside(concept_hits(otext, ol), dropped)
    tc = _outside(concept_hits(ttext, tl), added)
    oclass = {concept_class(c) for c in oc}
    tclass = {concept_class(c) for c in tc}
    for c, spans in oc.items():
        cls = concept_class(c)
        if c in tc or cls == "negation" and tclass & {"negation"}:
            continue
        rival = [x for x in tc if concept_class(x) == cls]
        a, b = spans[0]
        if cls in ("attribution", "hedge") and not rival:
            if _covered(wl, "original", a, b) or not literal:
                continue
            flags.append(
                Flag(
                    PARTIAL_OMISSION,
                    "major",
                    lk.original,
                    lk.translation,
                    f"Partly omitted: the translation drops the {cls} \u201c{otext[a:b]}\u201d",
                    {"concept": c},
                    subkind=cls,
                    spans=osp(a, b),
                )
            )
        elif rival and cls in ("hedge", "status"):
            x, y = tc[rival[0]][0]
            flags.append(
                Flag(
                    MEANING_CHANGE,
                    "major",
                    lk.original,
                    lk.translation,
                    f"Meaning changed ({cls}): original \u201c{otext[a:b]}\u201d, "
                    f"translation \u201c{ttext[x:y]}\u201d",
                    {"original": c, "translation": rival[0]},
                    subkind=cls,
                    spans=osp(a, b) + tsp(x, y),
                )
            )
    for c, spans in tc.items():
        cls = concept_class(c)
        if c in oc or cls in oclass:
            continue
        x, y = spans[0]
        if not literal or _covered(wl, "translation", x, y) and cls != "negation":
            continue
        flags.append(
            Flag(
                MEANING_CHANGE,
                "major",
                lk.original,
                lk.translation,
                f"Meaning changed ({cls}): the translation adds \u201c{ttext[x:y]}\u201d",
                {"translation": c},
                subkind=cls,
                spans=tsp(x, y),
            )
        )
    if "negation" in oclass and "negation" not in tclass and literal:
        a, b = oc["not"][0]
        flags.append(
            Flag(
                MEANING_CHANGE,
                "major",
                lk.original,
                lk.translation,
                f"Meaning changed (negation): the translation drops \u201c{otext[a:b]}\u201d",
                {"original": "not"},
                subkind="negation",
                spans=osp(a, b),
            )
        )
    orr, trr = role_hits(otext, ol), role_hits(ttext, tl)
    gone = [r for r in orr if r not in trr]
    new = [r for r in trr if r not in orr]
    if gone and new:
        a, b = orr[gone[0]][0]
        x, y = trr[new[0]][0]
        flags.append(
            Flag(
                NAME_MISMATCH,
                "major",
                lk.original,
                lk.translation,
                f"Role changed: original \u201c{otext[a:b]}\u201d, "
                f"translation \u201c{ttext[x:y]}\u201d",
                {"original": gone[0], "translation": new[0]},
                subkind="role",
                spans=osp(a, b) + tsp(x, y),
            )
        )
    return flags


def merge_word_flags(flags: list[Flag], words: list[Flag]) -> list[Flag]:
    """Word-level flags added to the sentence-level ones without saying a thing twice.

    A dropped clause on a link that already has a sentence-level partial omission
    lends that flag its spans; a role change on a link with a name flag is dropped
    (the name flag already names the pair).
    """
    out = list(flags)
    for w in words:
        same = [
            k
            for k, f in enumerate(out)
            if f.kind == w.kind and f.original == w.original and f.translation == w.translation
        ]
        if same and w.kind == PARTIAL_OMISSION:
            f = out[same[0]]
            out[same[0]] = dataclasses.replace(f, spans=f.spans + w.spans)
            continue
        if same and w.kind == NAME_MISMATCH:
            continue
        out.append(w)
    return out
