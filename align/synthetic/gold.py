"""The gold of a synthetic case: its sentences, links and flags from the edited units.

``align.synthetic.generate`` chooses and applies the edits and lists the edited
translation as units (text, original indices, edit kind); this turns them into the
``SyntheticCase``. Gold conventions (what ``bench/flags.py`` scores against):
consecutive dropped original sentences form one omission flag; a moved block is one
``reorder`` flag whose gold links are the omission + addition a monotone aligner must
produce for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from align.synthetic.word_edits import WordEdit, diff_span
from align.types import (
    ADDITION,
    MERGE,
    NAME_MISMATCH,
    NUMBER_MISMATCH,
    OMISSION,
    PARTIAL_OMISSION,
    REORDER,
    SPLIT,
    Document,
    Flag,
    Link,
    Span,
)

Unit = tuple[str, tuple[int, ...], str]  # (translation text, original indices, gold kind)


@dataclass(frozen=True, slots=True)
class SyntheticCase:
    """An edited translation and its exact gold."""

    original: Document
    sentences: tuple[str, ...]
    paragraphs: tuple[int, ...]  # paragraph index of each translation sentence
    links: tuple[Link, ...]
    flags: tuple[Flag, ...]


def gold_case(
    original: Document,
    units: list[Unit],
    moved_orig: tuple[int, ...],
    words: dict[int, WordEdit] | None = None,
    before: Sequence[str] = (),
) -> SyntheticCase:
    """The case from the edited translation's ``units`` in order (text, original
    indices, edit kind): its sentences, gold links and gold flags. ``moved_orig``: the
    original sentences of the moved block; ``words``: the word-level edits by sentence;
    ``before``: the unedited translation (a changed number's or name's span is its
    difference from it)."""
    sents: list[str] = []
    links: list[Link] = []
    flags: list[Flag] = []
    moved_trans: list[int] = []
    for text, orig, kind in units:
        if kind in ("drop", "omit-moved"):
            links.append(Link(orig, (), 0.0))
            if kind == "drop":
                prev = flags[-1] if flags else None
                if (
                    prev
                    and prev.kind == OMISSION
                    and prev.original[-1] + 1 == orig[0]
                    and links[-2].translation == ()
                ):
                    flags[-1] = Flag(OMISSION, "major", prev.original + orig, (), "omitted")
                else:
                    flags.append(Flag(OMISSION, "major", orig, (), "omitted"))
            continue
        parts = text.split("\n")
        idx = tuple(range(len(sents), len(sents) + len(parts)))
        sents.extend(parts)
        links.append(Link(orig, idx, 1.0 if orig else 0.0))
        gold = {
            "merge": (MERGE, "info", None),
            "split": (SPLIT, "info", None),
            "cut": (PARTIAL_OMISSION, "major", None),
            "number": (NUMBER_MISMATCH, "major", None),
            "name": (NAME_MISMATCH, "major", None),
            "boilerplate": (ADDITION, "info", "boilerplate"),
            "content": (ADDITION, "major", "content"),
        }.get(kind)
        if kind == "word" and words:
            w = words[orig[0]]
            spans = tuple(
                Span(side, orig[0] if side == "original" else idx[0], a, b)
                for side, a, b in w.spans
            )
            flags.append(Flag(w.kind, "major", orig, idx, "word", subkind=w.subkind, spans=spans))
        elif gold:
            spans = ()
            if kind in ("number", "name") and len(idx) == 1 and before:
                ab = diff_span(before[orig[0]], text)
                spans = (Span("translation", idx[0], *ab),) if ab else ()
            flags.append(Flag(gold[0], gold[1], orig, idx, kind, subkind=gold[2], spans=spans))
        if kind == "add-moved":
            moved_trans.extend(idx)
    if moved_orig:
        flags.append(Flag(REORDER, "minor", moved_orig, tuple(moved_trans), "moved"))
    return SyntheticCase(
        original, tuple(sents), tuple(range(len(sents))), tuple(links), tuple(flags)
    )
