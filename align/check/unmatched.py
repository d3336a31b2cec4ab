"""Words of linked pairs without a counterpart (``check --unmatched``): a reading aid.

Why it exists beside the flags. The flag rules decide, word by word, whether a run the
other side does not render is an edit; on real republications they find only part of
the edits inside sentences (bench/realdev.py), because paraphrase leaves runs without a
counterpart in every sentence and the rules must stay quiet on those. A reader checking
an article by hand wants the raw material instead: every run of content words the word
aligner matched to nothing, on both sides, to read next to the flags. It is not a
finding and is never counted as one. Measured on the seen real pairs
(``bench/realdev_unmatched.py``: 59 articles, 150 edits inside sentences), the runs
touch 85 % of those edits, but only 26 % of the characters they cover lie inside an
edit, and they cover 18 % of the linked text of the faithful controls (26 % of the
edited pairs'): the reader sees every place to look, most of them paraphrase.

The correspondence is the one the cut search reads (``align.sentalign.words.rematch`` with
``CHECK_MIN_SIM``, ``CHECK_DISTORTION``, ``CHECK_HEADS``: the denser matching). A run is
a sentence's consecutive unmatched words that starts and ends with a content word (a
letter or digit, not a function word); matched words and sentence ends break runs.
Unlinked sentences are not listed: the whole sentence is already an omission or addition.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from align.check.spans import whole_word
from align.check.word_flags import link_words
from align.sentalign.moves import joined
from align.sentalign.words import (
    CHECK_DISTORTION,
    CHECK_HEADS,
    CHECK_MIN_SIM,
    FUNCTION_WORDS,
    Word,
    rematch,
)
from align.types import Span

if TYPE_CHECKING:  # pragma: no cover
    from align.check.context import FlagContext


def unmatched_spans(ctx: FlagContext) -> tuple[Span, ...]:
    """The runs without a counterpart of every linked pair, original side first, in
    reading order (see the module docstring)."""
    al = ctx.alignment
    ot, tt = al.original.texts, al.translation.texts
    out: dict[str, list[Span]] = {"original": [], "translation": []}
    for lk in ctx.pairs:
        otext, ttext = joined(ot, lk.original), joined(tt, lk.translation)
        view = link_words(ctx, lk, otext, ttext)
        if view is None:  # a side without words: nothing to match
            continue
        wl = rematch(view.words, CHECK_MIN_SIM, CHECK_DISTORTION, CHECK_HEADS)
        for side, words in (("original", wl.orig), ("translation", wl.trans)):
            texts = ot if side == "original" else tt
            out[side] += _runs(side, words, wl.matched(side), texts)
    return (*out["original"], *out["translation"])


# the particles of a name ("bin", "Al", "بن", "آل"): listed alone they read as unmatched
# words, where the names they join are matched (fifth user's run)
NAME_PARTICLES = frozenset("bin ibn bint al el abu ben بن ابن بنت آل أبو ابو бин ибн аль".split())


def _content(word: Word) -> bool:
    t = word.text.lower()
    return any(c.isalnum() for c in t) and t not in FUNCTION_WORDS and t not in NAME_PARTICLES


def _runs(
    side: str, words: tuple[Word, ...], matched: list[bool], texts: Sequence[str]
) -> list[Span]:
    """Runs of unmatched words inside one sentence, trimmed to content words at both ends,
    widened to whole words (``texts``: the side's sentences)."""
    spans: list[Span] = []
    run: list[Word] = []

    def close() -> None:
        while run and not _content(run[-1]):
            run.pop()
        if run:
            first, last = run[0], run[-1]
            a, b = whole_word(texts[first.sentence], first.local, last.local + len(last.text))
            spans.append(Span(side, first.sentence, a, b))
        run.clear()

    for w, ok in zip(words, matched, strict=True):
        if ok or (run and w.sentence != run[0].sentence):
            close()
        if not ok and (run or _content(w)):
            run.append(w)
    close()
    return spans
