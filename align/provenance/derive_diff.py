"""``derive``'s word level: tokens, a B sentence's source in A, the exact word diff, and how
the differences spread over the sentences (split from ``align.provenance.derive``)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from align.text import function_words

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class WordEdit:
    """One difference between a sentence of A and its counterpart in B.

    ``op``: ``changed`` (A words replaced by B words), ``dropped`` (A words removed) or
    ``added`` (B words inserted). Offsets are 0-based character offsets into the
    sentence texts (end exclusive); an empty side has start == end.
    """

    op: str
    a_text: str
    b_text: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


# English function words (``align.text.function_words``): two translators of one original
# choose them differently all over the text; an editor rewriting a clause changes its content
# words and leaves these alone.
FUNCTION_WORDS = function_words.EN
_STEM = 4  # letters two words share at the start to count as forms of one word


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word and punctuation tokens with their 0-based character spans."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def words(toks: Sequence[tuple[str, int, int]]) -> frozenset[str]:
    return frozenset(t[0].lower() for t in toks if t[0][0].isalnum())


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def best_source(
    b: frozenset[str], a_sets: Sequence[frozenset[str]], match: float
) -> tuple[tuple[int, ...], float]:
    """The A sentence (or adjacent two, a merge) whose words best match B's."""
    best: tuple[tuple[int, ...], float] = ((), 0.0)
    for j, s in enumerate(a_sets):
        d = _dice(b, s)
        if d > best[1]:
            best = ((j,), d)
    if best[0]:
        j = best[0][0]
        for k in (j - 1, j):
            if k >= 0 and k + 1 < len(a_sets):
                d = _dice(b, a_sets[k] | a_sets[k + 1])
                if d > best[1] + 0.05:
                    best = ((k, k + 1), d)
    return best if best[1] >= match else ((), best[1])


Tokens = Sequence[tuple[str, int, int]]


def word_diff(
    a: str, b: str, ta: Tokens | None = None, tb: Tokens | None = None
) -> tuple[tuple[WordEdit, ...], dict[str, int]]:
    """Exact word-level diff of two sentences, and its counts (tokens of B in identical
    runs, edit operations, tokens the edits touch on both sides, tokens of B, A's
    punctuation and how much of it B keeps in place). ``ta`` / ``tb``: their tokens, when
    the caller has them already."""
    ta = tokens(a) if ta is None else ta
    tb = tokens(b) if tb is None else tb
    la, lb = [t[0].lower() for t in ta], [t[0].lower() for t in tb]
    sm = difflib.SequenceMatcher(None, la, lb, autojunk=False)
    edits = []
    kept = runs2 = gap = longest = 0
    marked = [_marked(t[0], k) for k, t in enumerate(ta)]
    marked_kept = 0
    a_words = frozenset(la)
    moved = punct_kept = 0
    punct = [not w[0].isalnum() for w in la]
    function_edits = stem_mates = 0
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            kept += j2 - j1
            runs2 += j2 - j1 if j2 - j1 >= 2 else 0
            longest = max(longest, j2 - j1)
            marked_kept += sum(marked[i1:i2])
            punct_kept += sum(punct[i1:i2])
            continue
        gap += (i2 - i1) + (j2 - j1)
        function_edits += sum(1 for w in (*la[i1:i2], *lb[j1:j2]) if _function(w))
        stem_mates += _stem_mates(la[i1:i2], lb[j1:j2])
        moved += sum(1 for w in lb[j1:j2] if w in a_words and w[0].isalnum())
        a0 = ta[i1][1] if i1 < i2 else (ta[i1 - 1][2] if i1 else 0)
        a1 = ta[i2 - 1][2] if i1 < i2 else a0
        b0 = tb[j1][1] if j1 < j2 else (tb[j1 - 1][2] if j1 else 0)
        b1 = tb[j2 - 1][2] if j1 < j2 else b0
        kind = {"replace": "changed", "delete": "dropped", "insert": "added"}[op]
        edits.append(WordEdit(kind, a[a0:a1], b[b0:b1], a0, a1, b0, b1))
    counts = {
        "kept": kept,
        "runs2": runs2,
        "ops": len(edits),
        "gap": gap,
        "tokens": len(tb),
        "a_tokens": len(ta),
        "longest": longest,
        "marked": sum(marked),
        "marked_kept": marked_kept,
        "moved": moved,
        "punct": sum(punct),  # punctuation tokens of A, and those kept in place in B
        "punct_kept": punct_kept,
        # tokens the edits touch (both sides) that are function words or punctuation
        "function_edits": function_edits,
        # B words in an edit with another form of the same word in A's side of it
        "stem_mates": stem_mates,
    }
    return tuple(edits), counts


def _function(w: str) -> bool:
    return not w[0].isalnum() or w in FUNCTION_WORDS


def _stem_mates(a: Sequence[str], b: Sequence[str]) -> int:
    """B words of an edit that are another form of a word on A's side of it (same first
    ``_STEM`` letters, both of ``_STEM`` letters or more: "test" / "testing", "arrive" /
    "arrived"; "people" / "persons" does not count). Two translators agree on the word
    and inflect it their own way (number, tense, a noun for a verb); an editor who
    touches a word puts another word in its place or cuts it. A spelling variant
    ("criticised" / "criticized", "labour" / "labor") is not counted: house style is an
    editor's change."""
    stems: dict[str, set[str]] = {}
    for w in a:
        if len(w) >= _STEM and w.isalpha():
            stems.setdefault(w[:_STEM], set()).add(_spelling(w))
    if not stems:
        return 0
    return sum(
        1
        for w in b
        if len(w) >= _STEM and w.isalpha() and stems.get(w[:_STEM], set()) - {_spelling(w)}
    )


# British spellings and their American forms, as house style rewrites them (the form an
# editor changes; a translator's inflection survives it).
_SPELLING = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("our", "or"),
    ("ours", "ors"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ogue", "og"),
    ("ence", "ense"),
)


def _spelling(w: str) -> str:
    """``w`` in American spelling where its ending is a British one (else ``w``)."""
    for uk, us in sorted(_SPELLING, key=lambda p: -len(p[0])):
        if w.endswith(uk) and len(w) > len(uk) + 2:
            return w[: -len(uk)] + us
    return w


def _marked(tok: str, k: int) -> bool:
    """A token a translator renders their own way and an editor leaves alone: punctuation,
    quote marks, digits, capitalised words inside the sentence (names)."""
    c = tok[0]
    return not c.isalnum() or c.isdigit() or (k > 0 and c.isupper())


def spread(per: Sequence[tuple[float, float, float]]) -> dict[str, float]:
    """How the differences are spread over the sentences: an editor leaves most sentences
    alone and rewrites a few; a second translator words every sentence their own way."""
    if not per:
        return {"longest_run": 0.0, "low_share": 0.0, "io_sd": 0.0, "edit_top": 0.0}
    io = np.array([x[0] for x in per])
    gaps = np.sort(np.array([x[2] for x in per]))[::-1]
    top = max(1, len(gaps) // 4)
    return {
        "longest_run": round(float(np.mean([x[1] for x in per])), 4),
        "low_share": round(float(np.mean(io < 0.5)), 4),
        "io_sd": round(float(np.std(io)), 4),
        "edit_top": round(float(gaps[:top].sum() / gaps.sum()), 4) if gaps.sum() else 1.0,
    }
