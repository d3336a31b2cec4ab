"""One link's word view (``LinkWords``): its two texts, languages, word correspondence and
span makers, which every word-level rule reads (``cue_rules``, ``places``, ``meaning``,
``word_subs``, ``word_flags``). Split from ``cue_rules`` so that the rules it serves can
live in their own modules without importing each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from align.sentalign.words import FUNCTION_WORDS, Word, WordLinks
from align.types import Link, Span

Hits = dict[str, list[tuple[int, int]]]
_CLAUSE_END = re.compile(r"[.,;:!?()\[\]«»\"“”،؛؟—–]")  # what a qualified phrase does not cross


def covered(wl: WordLinks, side: str, a: int, b: int, content: bool = False) -> bool:
    """Whether any word in [a, b) of ``side`` has a counterpart (``content``: any content
    word; function words pair unreliably: "по" of a dropped "по данным" found "to")."""
    words = wl.orig if side == "original" else wl.trans
    m = wl.matched(side)
    return any(
        m[k]
        for k, w in enumerate(words)
        if a <= w.start and w.end <= b and not (content and w.text.lower() in FUNCTION_WORDS)
    )


@dataclass(frozen=True)
class LinkWords:
    """One link's two texts, languages, word correspondence and span makers.

    The word-level rules all read the same six things about a link; one frozen record
    keeps their signatures short and typed.
    """

    link: Link
    words: WordLinks
    otext: str
    ol: str
    ttext: str
    tl: str
    osp: Callable[[int, int], tuple[Span, ...]]
    tsp: Callable[[int, int], tuple[Span, ...]]
    # the sentences beside the link on each side: a translator who splits or joins
    # sentences moves a qualifier across the boundary (``lexicon_qualifiers``)
    o_near: str = ""
    t_near: str = ""
    # each side's whole text: a country one side never names (``places.country_change``)
    o_doc: str = ""
    t_doc: str = ""

    def partners(self, side: str, a: int, b: int) -> tuple[Span, ...]:
        """Spans of the other side's content words paired with ``side``'s content words
        in [a, b): function words pair unreliably ("the" finds a partner anywhere; a
        dropped attribution was paired with "to" on bench/flags.py). One span per run of
        partner words that only function words separate; none when nothing is paired."""
        wl = self.words
        mine = wl.orig if side == "original" else wl.trans
        other = wl.trans if side == "original" else wl.orig

        def content(w: Word) -> bool:
            return w.text.lower() not in FUNCTION_WORDS

        keep = {k for k, w in enumerate(mine) if a <= w.start and w.end <= b and content(w)}
        pairs = [(i, j) if side == "original" else (j, i) for i, j in wl.pairs]
        got = sorted({p for k, p in pairs if k in keep and content(other[p])})
        make = self.tsp if side == "original" else self.osp
        out: tuple[Span, ...] = ()
        run: list[int] = []
        for k in [*got, -1]:
            if run and (k < 0 or not all(not content(w) for w in other[run[-1] + 1 : k])):
                out += make(other[run[0]].start, other[run[-1]].end)
                run = []
            run.append(k)
        return out

    def around(self, side: str, a: int, b: int) -> tuple[Span, ...]:
        """``partners`` of [a, b), or, when it has none (a dropped word has no counterpart
        by definition), the partners of the nearest content word on each side of it inside
        its clause: the phrase the dropped word qualified, as the other side renders it
        ("الاعتداءات الإيرانية السافرة" rendered "the continued Iranian attacks" marks
        "Iranian"; "وعدداً من الدول" rendered "other Gulf states" marks "states")."""
        own = self.partners(side, a, b)
        if own:
            return own
        text = self.otext if side == "original" else self.ttext
        mine = self.words.orig if side == "original" else self.words.trans
        near: list[Word] = []
        before = [w for w in mine if w.end <= a and not _CLAUSE_END.search(text[w.end : a])]
        after = [w for w in mine if w.start >= b and not _CLAUSE_END.search(text[b : w.start])]
        for run in (reversed(before), after):
            near += [w for w in run if w.text.lower() not in FUNCTION_WORDS][:1]
        return tuple(x for w in near for x in self.partners(side, w.start, w.end))
