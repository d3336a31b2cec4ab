"""Word spans for the flags that do not compute their own (``Flag.spans``).

Every flag points at the words it is about, as 0-based character offsets into a
sentence's text (end exclusive): the changed figures of a ``number_mismatch`` on both
sides, the names of a ``name_mismatch``, the clauses a sentence-level
``partial_omission`` leaves out (unless a word-level flag lent it spans), and the
whole sentence of an omission, an addition, a move or a low-similarity pair. Merges and
splits are about where sentences join, so they span the words at each sentence boundary
they are about (``boundary_spans``). Spans found by searching a quoted string take its
first occurrence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from align.sentalign.words import WORD_RE
from align.text.normalize import ascii_digits
from align.types import (
    INSERTION,
    MERGE,
    NAME_MISMATCH,
    NUMBER_MISMATCH,
    PARTIAL_OMISSION,
    SPLIT,
    Alignment,
    Flag,
    Link,
    Span,
)


def _whole(side: str, idx: tuple[int, ...], texts: list[str]) -> list[Span]:
    out = []
    for i in idx:
        t = texts[i]
        a = len(t) - len(t.lstrip())
        b = len(t.rstrip())
        if a < b:
            out.append(Span(side, i, a, b))
    return out


# a letter with its marks: the word aligner's tokens stop at an Arabic vowel sign or
# shadda ("المُدسِّكين" is three), and --unmatched showed "الم" (sixth user's run)
_LETTER_OR_MARK = re.compile(r"[^\W\d_]|[\u0610-\u061A\u064B-\u065F\u0670\u0300-\u036F]")


def whole_word(text: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) widened over the letters and combining marks glued to either end."""
    while a > 0 and _LETTER_OR_MARK.match(text[a - 1]) and _LETTER_OR_MARK.match(text[a]):
        a -= 1
    while b < len(text) and _LETTER_OR_MARK.match(text[b]) and _LETTER_OR_MARK.match(text[b - 1]):
        b += 1
    return a, b


def _find(side: str, idx: tuple[int, ...], texts: list[str], needle: str, word: bool) -> list[Span]:
    """First occurrence of ``needle`` in the flag's sentences (digits compared as ASCII)."""
    needle = needle.strip()
    if not needle:
        return []
    pat = re.escape(ascii_digits(needle))
    if word:
        pat = rf"(?<![^\W_]){pat}(?![^\W_])"
    for i in idx:
        m = re.search(pat, ascii_digits(texts[i]))
        if m and m.start() < m.end():
            return [Span(side, i, m.start(), m.end())]
    return []


def _edge(side: str, i: int, text: str, last: bool) -> list[Span]:
    """The first (or last, with its closing punctuation) word of a sentence; the whole
    stripped sentence when it holds no word."""
    a, b = len(text) - len(text.lstrip()), len(text.rstrip())
    found = list(WORD_RE.finditer(text, a, b))
    if found:
        a, b = (found[-1].start(), b) if last else (a, found[0].end())
    return [Span(side, i, a, b)] if a < b else []


def boundary_spans(flag: Flag, al: Alignment) -> list[Span]:
    """A merge or split note's words: on each side holding several sentences, the last
    word (and its stop) before every sentence boundary and the first word after it.

    A merge or split says where sentences were joined or cut, not that words differ,
    so its spans mark the joins: the reader sees which boundary the translation drops or
    adds (an editor's cut at the edge of a merged sentence, a translation that splits
    "Conference of States. Parties"). The one-sentence side gets none: where the join
    falls inside it is not known without the link's word correspondence.
    """
    out: list[Span] = []
    for side, idx, texts in (
        ("original", flag.original, al.original.texts),
        ("translation", flag.translation, al.translation.texts),
    ):
        for i, j in zip(idx, idx[1:], strict=False):
            out += _edge(side, i, texts[i], last=True) + _edge(side, j, texts[j], last=False)
    return out


def with_spans(flag: Flag, al: Alignment) -> Flag:
    """``flag`` with spans filled in: unchanged when it has some, boundary words for a
    merge/split (see the module docstring for the rest)."""
    if flag.kind in (MERGE, SPLIT):
        return flag if flag.spans else _replace(flag, boundary_spans(flag, al))
    if flag.spans:
        return flag
    ot, tt = al.original.texts, al.translation.texts
    ev = flag.evidence
    spans: list[Span] = []
    if flag.kind in (NUMBER_MISMATCH, NAME_MISMATCH) or (
        flag.kind == INSERTION and "values" in ev  # a figure added (``number_flags``)
    ):
        word = flag.kind == NAME_MISMATCH
        for key, side, idx, texts in (
            ("original", "original", flag.original, ot),
            ("displaced", "original", flag.original, ot),
            ("translation", "translation", flag.translation, tt),
        ):
            for s in ev.get(key, []) or []:
                spans += _find(side, idx, texts, str(s), word)
    elif flag.kind == PARTIAL_OMISSION:
        for s in ev.get("left_out", []) or []:
            spans += _find("original", flag.original, ot, str(s), False)
    if not spans:
        spans = _whole("original", flag.original, ot) + _whole("translation", flag.translation, tt)
    return _replace(flag, spans)


def _replace(flag: Flag, spans: list[Span]) -> Flag:
    spans = list(dict.fromkeys(spans))
    return flag if tuple(spans) == flag.spans else dataclasses.replace(flag, spans=tuple(spans))


def side_pieces(flag: Flag, al: Alignment, side: str = "translation") -> list[tuple[int, str]]:
    """``(sentence, text)`` of each of ``flag``'s spans on ``side``: the words it points at
    (the rules that read another flag's words, ``moved_into`` and ``said_by``)."""
    texts = al.translation.texts if side == "translation" else al.original.texts
    return [(s.sentence, texts[s.sentence][s.start : s.end]) for s in flag.spans if s.side == side]


def overlaps(a: int, b: int, taken: list[tuple[int, int]]) -> bool:
    """Whether characters [a, b) overlap a range already flagged: one flag per stretch of
    words (a dropped clause's negation is part of the clause, not a second flag)."""
    return any(a < y and b > x for x, y in taken)


def link_flag(
    lk: Link,
    kind: str,
    severity: str,
    detail: str,
    evidence: Mapping[str, Any],
    subkind: str | None = None,
    spans: tuple[Span, ...] = (),
) -> Flag:
    """A flag on one link's sentences: the one constructor of the word-level rules."""
    return Flag(kind, severity, lk.original, lk.translation, detail, evidence, subkind, spans)
