"""Words on one side of a linked pair that nothing on the other side may render: the
shape shared by the late word-list rules (``align.check.attribution``,
``align.check.intensity``).

Each rule brings a *finder* (the words on a side, e.g. a source frame or an intensifier)
and a broad *echo* pattern per language (any word of the other side that may render
them). Found words with no echo on the other side are flagged, minor: a
``partial_omission`` on the original's words, an ``insertion`` on the translation's;
unless an earlier flag of that kind already covers the same words
(``spans.already_flagged``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from align.check.spans import already_flagged, link_flag
from align.check.word_flags import spans_in
from align.types import INSERTION, PARTIAL_OMISSION, Alignment, Flag, Link

Finder = Callable[[str, str], "tuple[int, int] | None"]  # (text, lang) -> character range


def echoed(pattern: str | None, text: str) -> bool:
    """Whether ``text`` holds a word of ``pattern`` (no pattern: anything may render)."""
    return pattern is None or re.search(pattern, text, re.IGNORECASE) is not None


def one_sided_flags(
    al: Alignment,
    items: list[tuple[Link, str, str]],
    existing: list[Flag],
    find: Finder,
    echo: dict[str, str],
    subkinds: dict[str, str],
    detail: Callable[[str, str], str],
    order: tuple[str, ...] = ("original", "translation"),
) -> list[Flag]:
    """The flags of one rule over the linked pairs ``items`` (link, original text,
    translation text), sides visited in ``order``; ``detail(kind, words)`` says it."""
    ot, tt = al.original.texts, al.translation.texts
    ol, tl = al.original.lang, al.translation.lang
    out: list[Flag] = []
    if ol not in echo or tl not in echo:
        return out
    for lk, otext, ttext in items:
        sides = {
            "original": (lk.original, ot, otext, ol, ttext, tl, PARTIAL_OMISSION),
            "translation": (lk.translation, tt, ttext, tl, otext, ol, INSERTION),
        }
        for side in order:
            idx, texts, mine, lang, other, other_lang, kind = sides[side]
            if echoed(echo.get(other_lang), other):
                continue
            found = find(mine, lang)
            if found is None:
                continue
            a, b = found
            spans = spans_in(side, idx, [texts[i] for i in idx], a, b)
            if not spans or already_flagged(existing, lk, kind, spans):
                continue
            out.append(
                link_flag(lk, kind, "minor", detail(kind, mine[a:b]), {}, subkinds[side], spans)
            )
    return out
