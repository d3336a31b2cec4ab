"""``derive``'s evidence: what in B's wording shows it was copied from A, and what shows a
translator of its own (split from ``align.provenance.derive``).

Every B sentence is aligned to its source in A (``best_source``: one sentence or a merge
of two, by word-set overlap), and the features are read from those aligned pairs and from
the two texts as wholes:

* how much of B has a source (``coverage``), and how much has it *in order* (``ordered``,
  ``ordered_share``, over B's sentences that have a word: a lone "?" has no source and
  says nothing): whether B is related to A at all is read from this, not from word
  overlap alone. Another outlet's article on the same event shares names, numbers and topic
  words, so many of its sentences find some A sentence with a fair overlap, but scattered
  over A; a copy-edit or an independent translation of the same original follows A's
  sentence sequence (``ordered_share``: a monotone chain, a moved paragraph paying once);
* how verbatim the pairs are (``in_order``,
  ``in_runs``, ``edits_per_token``, ``edit_span``, ``length_ratio``, ``verbatim_share``,
  ``moved``, and the spread over sentences from ``derive_diff.spread``);
* the distribution of the pairs' chrF (character n-gram F-score, sacrebleu's definition;
  computed here, counted once per pair): its lower quartile (``chrf_q25``), mean, share of
  pairs at or above 0.8 and below 0.5. An editor who rewrites a third of the words leaves
  every pair around one level; a second translator has some close pairs and many far ones;
* the choices an editor leaves alone and a translator makes again: punctuation kept in
  place (``punct_kept``), punctuation characters of B that A never uses (``punct_style``:
  another quote or dash style), names written as in A, case included (``caps_kept``),
  numbers written as in A (``digits_kept``), the tokens an editor rarely touches
  (``marked_kept``, from ``derive_diff``);
* what the differences are made of: a second translator (or two post-editors of one
  machine translation, whose texts share most of their 3-grams) differs from A in small
  ways all over, in function words and punctuation (``function_edits``: the share of the
  edited tokens that are) and in how a shared word is inflected (``stem_mates``: B's
  words that are another form of a word A has in that edit, "test" / "testing"); an
  editor puts other content words in or cuts them;
* shared wording over the whole text: B's word 3-grams found anywhere in A (``ng3``) and B's
  content words found in A (``content_in_a``).

Plain Python on word tokens: no encoder, a few milliseconds per article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from align.provenance.derive_diff import WordEdit, best_source, spread, tokens, word_diff, words
from align.text.shape import has_words

Row = tuple[int, tuple[int, ...], float, tuple[WordEdit, ...], float, float]
"""B index, source A indices, similarity, word edits, in-order share, chrF (0-1)."""

_CHRF_ORDER = 6
_CHRF_BETA2 = 4.0  # beta 2


def chrf(hyp: str, ref: str) -> float:
    """chrF of ``hyp`` against ``ref`` on a 0-1 scale, as sacrebleu defines it (character
    1- to 6-grams, whitespace removed, precision and recall averaged over the orders both
    sides have, F-beta with beta 2); ``tests/provenance/test_derive_features.py`` checks
    it equals sacrebleu's sentence chrF. Computed here, once per pair, for the model and
    the report alike: sacrebleu's per-call overhead would double the time of a derive."""
    if hyp == ref:
        return 1.0 if hyp.split() else 0.0
    h, r = "".join(hyp.split()), "".join(ref.split())
    ps, rs = [], []
    for n in range(1, _CHRF_ORDER + 1):
        nh, nr = len(h) - n + 1, len(r) - n + 1
        if nh < 1 or nr < 1:
            break
        hc = Counter([h[i : i + n] for i in range(nh)])
        rc = Counter([r[i : i + n] for i in range(nr)])
        if len(hc) > len(rc):
            hc, rc = rc, hc
        get = rc.get
        m = sum([min(v, get(g, 0)) for g, v in hc.items()])
        ps.append(m / nh)
        rs.append(m / nr)
    if not ps:
        return 0.0
    p, rec = sum(ps) / len(ps), sum(rs) / len(rs)
    if p + rec == 0:
        return 0.0
    return (1 + _CHRF_BETA2) * p * rec / (_CHRF_BETA2 * p + rec)


def _grams(toks: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)}


def _share(hit: int, total: int, empty: float = 0.0) -> float:
    return round(hit / total, 4) if total else empty


Source = tuple[int, tuple[int, ...], float]
"""B index, source A indices, similarity (the first three fields of a ``Row``)."""


def ordered_share(
    sources: Sequence[Source], n_b: int, move_cost: float, floor: float = 0.0
) -> float:
    """Share of B's sentences in the best monotone chain of sources: B's sourced sentences
    taken in order, each adding its similarity above ``floor`` (the match threshold: a
    pair barely over it pays for nothing), a step back in A (a source before the previous
    one's) costing ``move_cost``. Sentences kept in A's order, with drops, merges
    and splits, chain at no cost; a moved paragraph of two or three close pairs pays for
    its move; another outlet's sentences, whose best sources are scattered over A with
    middling similarity, do not. Each sentence looks back over at most ``_LOOKBACK``
    earlier ones (long texts stay linear)."""
    best: list[float] = []
    count: list[int] = []
    for k, (_, src, dice) in enumerate(sources):
        sim = dice - floor
        top, n = sim, 1
        for p in range(max(0, k - _LOOKBACK), k):
            prev = sources[p][1]
            back = src[0] < prev[-1] and src[0] != prev[0]
            v = best[p] - (move_cost if back else 0.0) + sim
            if v > top:
                top, n = v, count[p] + 1
        best.append(top)
        count.append(n)
    if not best:
        return 0.0
    return _share(count[int(np.argmax(best))], n_b)


_LOOKBACK = 64


def worded(texts: Sequence[str]) -> int:
    """How many sentences have a word (``text.shape.has_words``): the in-order share's
    denominator. A line of punctuation alone ("?" in a chat) can have no source and is no
    evidence either way; counted, it made a short copy-edit read as unrelated."""
    return sum(1 for t in texts if has_words(t))


def features_of(
    a: Sequence[str],
    b: Sequence[str],
    match: float,
    order_move: float = 0.3,
) -> tuple[dict[str, float], list[Row]]:
    """The features (module docstring) and each sourced B sentence's row."""
    a_toks = [tokens(s) for s in a]
    b_toks = [tokens(s) for s in b]
    a_sets = [words(t) for t in a_toks]
    rows: list[Row] = []
    sums = dict.fromkeys(
        ("kept", "runs2", "ops", "gap", "tokens", "a_tokens", "marked", "marked_kept"), 0
    )
    sums.update(function_edits=0, stem_mates=0)
    sums.update(moved=0, punct=0, punct_kept=0)
    ops = Counter[str]()
    per: list[tuple[float, float, float]] = []  # per pair: in-order, longest run, edits
    for i, s in enumerate(b):
        src, sim = best_source(words(b_toks[i]), a_sets, match)
        if not src:
            continue
        a_text = " ".join(a[j] for j in src)
        edits, c = word_diff(a_text, s, a_toks[src[0]] if len(src) == 1 else None, b_toks[i])
        n = max(1, c["tokens"])
        rows.append((i, src, sim, edits, c["kept"] / n, chrf(s, a_text)))
        ops.update(e.op for e in edits)
        for k in sums:
            sums[k] += c[k]
        per.append((c["kept"] / n, c["longest"] / n, c["gap"] / (n + c["a_tokens"])))
    total = sums["tokens"]
    cf = np.array([r[5] for r in rows]) if rows else np.zeros(1)
    feats = {
        "coverage": _share(len(rows), len(b)),
        "ordered": ordered_share([r[:3] for r in rows], worded(b), order_move, match),
        "in_order": _share(sums["kept"], total),
        "edit_span": round(sums["gap"] / sums["ops"], 4) if sums["ops"] else 0.0,
        "edits_per_token": _share(sums["ops"], total),
        "in_runs": _share(sums["runs2"], total),
        "length_ratio": round(total / sums["a_tokens"], 4) if sums["a_tokens"] else 0.0,
        "verbatim_share": _share(sum(1 for r in rows if r[4] >= 0.95), len(rows)),
        **spread(per),
        "marked_kept": _share(sums["marked_kept"], sums["marked"]),
        # B's words that are in the source sentence but out of place: a translator's own
        # word order (an editor keeps the order and changes words)
        "moved": _share(sums["moved"], total),
        "chrf_q25": round(float(np.percentile(cf, 25)), 4),
        "chrf_mean": round(float(cf.mean()), 4),
        "chrf_high": round(float(np.mean(cf >= 0.8)), 4),
        "chrf_low": round(float(np.mean(cf < 0.5)), 4),
        "punct_kept": _share(sums["punct_kept"], sums["punct"], 1.0),
        # an editor cuts more than they add; a second translator's edits (relative to A)
        # are as often additions as cuts
        "dropped_ops": _share(ops["dropped"], sum(ops.values())),
        "added_ops": _share(ops["added"], sum(ops.values())),
        # a second translator's edits are function words and punctuation as often as not
        # (articles, prepositions, auxiliaries); an editor's are content words
        "function_edits": _share(sums["function_edits"], sums["gap"]),
        # B's words that are another form of a word A has in that place ("test" /
        # "testing"): a translator inflecting the same word their own way
        "stem_mates": _share(sums["stem_mates"], total),
        **_choices(a, b, a_toks, b_toks),
    }
    return feats, rows


def _choices(
    a: Sequence[str],
    b: Sequence[str],
    a_toks: Sequence[Sequence[tuple[str, int, int]]],
    b_toks: Sequence[Sequence[tuple[str, int, int]]],
) -> dict[str, float]:
    """Renderings of names, numbers and punctuation, and shared wording, over the whole
    texts (so a sentence aligned to the wrong source does not hide them)."""
    a_exact = {t[0] for ts in a_toks for t in ts}
    caps = caps_kept = digits = digits_kept = 0
    for ts in b_toks:
        for k, (w, _, _) in enumerate(ts):
            if k > 0 and w[0].isupper():  # a name (not the sentence's first word)
                caps += 1
                caps_kept += w in a_exact
            if any(ch.isdigit() for ch in w):
                digits += 1
                digits_kept += w in a_exact
    a_low = [[t[0].lower() for t in ts] for ts in a_toks]
    b_low = [[t[0].lower() for t in ts] for ts in b_toks]
    a3: set[tuple[str, ...]] = set().union(*(_grams(t, 3) for t in a_low))
    b3 = [g for t in b_low for g in _grams(t, 3)]
    a_content = {w for t in a_low for w in t if w.isalpha() and len(w) > 3}
    b_content = {w for t in b_low for w in t if w.isalpha() and len(w) > 3}
    pa = {ch for s in a for ch in s if not ch.isalnum() and not ch.isspace()}
    pb = {ch for s in b for ch in s if not ch.isalnum() and not ch.isspace()}
    return {
        "caps_kept": _share(caps_kept, caps, 1.0),
        "digits_kept": _share(digits_kept, digits, 1.0),
        "ng3": _share(sum(g in a3 for g in b3), len(b3)),
        "content_in_a": _share(len(b_content & a_content), len(b_content)),
        "punct_style": _share(len(pb - pa), len(pb)),
    }
