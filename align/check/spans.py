"""Word spans for the flags that do not compute their own (``Flag.spans``).

Every flag points at the words it is about, as 0-based character offsets into a
sentence's text (end exclusive): the changed figures of a ``number_mismatch`` on both
sides, the names of a ``name_mismatch``, the clauses a sentence-level
``partial_omission`` leaves out, and the whole sentence of an omission, an addition,
a move or a low-similarity pair. Merges and splits are about structure, not words,
and get none. Spans found by searching a quoted string take its first occurrence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from align.text.normalize import ascii_digits
from align.types import (
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


def with_spans(flag: Flag, al: Alignment) -> Flag:
    """``flag`` with spans filled in (unchanged when it has some, or is a merge/split)."""
    if flag.spans or flag.kind in (MERGE, SPLIT):
        return flag
    ot, tt = al.original.texts, al.translation.texts
    ev = flag.evidence
    spans: list[Span] = []
    if flag.kind in (NUMBER_MISMATCH, NAME_MISMATCH):
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
    return dataclasses.replace(flag, spans=tuple(dict.fromkeys(spans)))


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
