"""``align.check.boundary``: sentence boundaries the aligner placed one sentence off.

A stub encoder gives each text a fixed unit vector, so the cosines are set by hand; the
last two tests count the encoder calls of a recording one."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np
from conftest import RecordingEncoder

from align.check.boundary import moved_across, slipped_additions
from align.types import PARTIAL_OMISSION, SPLIT, Flag, Link, Span


class _Stub:
    """Texts to unit vectors with given pairwise cosines (2-D, angle per text)."""

    def __init__(self, angles: dict[str, float]) -> None:
        self.angles = angles

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.array([[np.cos(self.angles[t]), np.sin(self.angles[t])] for t in texts])


def _ctx(
    orig: list[str],
    trans: list[str],
    links: list[Link],
    angles: dict[str, float] | None = None,
    encoder: Any = None,
) -> Any:
    """A check context over these sentences and links; texts encoded by ``encoder`` or,
    without one, as unit vectors at the given ``angles``."""
    al = SimpleNamespace(
        original=SimpleNamespace(texts=orig, lang="ar"),
        translation=SimpleNamespace(texts=trans, lang="en"),
        links=tuple(links),
    )
    pairs = [lk for lk in links if lk.original and lk.translation]
    ratios = [
        len(" ".join(trans[j] for j in lk.translation))
        / len(" ".join(orig[i] for i in lk.original))
        for lk in pairs
    ]
    return SimpleNamespace(
        alignment=al,
        encoder=encoder or _Stub(angles or {}),
        ratio_median=float(np.median(ratios)),
        pairs=pairs,
    )


def _cut() -> Flag:
    """A major cut of "lost clause" from the second original sentence."""
    return Flag(
        PARTIAL_OMISSION,
        "major",
        (1,),
        (1,),
        "Partly omitted",
        {},
        spans=(Span("original", 1, 0, 11),),
    )


def _angle(cos: float) -> float:
    return float(np.arccos(cos))


def test_a_chain_shifted_by_one_sentence_is_a_split_not_an_addition() -> None:
    # one long original sentence A rendered as a1 + a2; B rendered as b; the aligner
    # linked A-a1, B-a2 and left b unlinked
    orig, trans = ["A", "B"], ["a1", "a2", "b"]
    links = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.8), Link((), (2,), 0.1)]
    # angles: A at 0; a1 close to A; "a1 a2" closer; B at 1.0; b closer to B than a2 is
    angles = {"A": 0.0, "a1": 0.1, "a1 a2": 0.05, "B": 1.0, "a2": 1.0 + _angle(0.55), "b": 1.05}
    out = slipped_additions(_ctx(orig, trans, links, angles), [2])
    (f,) = out.values()
    assert (f.kind, f.severity, f.original, f.translation) == (SPLIT, "info", (0, 1), (0, 1, 2))


def test_a_sentence_unlike_its_neighbour_stays_an_addition() -> None:
    orig, trans = ["A", "B"], ["a", "b", "new"]
    links = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.8), Link((), (2,), 0.1)]
    angles = {"A": 0.0, "a": 0.05, "a b": 0.5, "B": 1.0, "b": 1.05, "new": 2.5}
    assert slipped_additions(_ctx(orig, trans, links, angles), [2]) == {}


def test_a_cut_whose_words_the_neighbour_renders_is_minor() -> None:
    orig = ["first", "lost clause, kept part"]
    trans = ["first plus the clause", "kept"]
    links = [Link((0,), (0,), 0.6), Link((1,), (1,), 0.9)]
    cut = _cut()
    # giving "lost clause" to "first" brings it nearer "first plus the clause"
    angles = {"first": 0.5, "first plus the clause": 0.0, "first lost clause": 0.1}
    (f,) = moved_across(_ctx(orig, trans, links, angles), [cut])
    assert f.severity == "minor" and f.evidence["neighbour_gain"] > 0.03
    angles["first lost clause"] = 0.8  # the clause is not in the neighbour: stays major
    (g,) = moved_across(_ctx(orig, trans, links, angles), [cut])
    assert g.severity == "major"


# The rules list every probe first and encode them in one call (a call costs ~1.5 ms
# whatever its size); what they list must be what they then read.


def test_slipped_additions_encode_their_new_texts_in_one_call() -> None:
    orig, trans = ["A", "B", "C", "D"], ["a", "b", "x", "c", "d", "y"]
    links = [
        Link((0,), (0,), 0.9),
        Link((1,), (1,), 0.9),
        Link((), (2,), 0.1),
        Link((2,), (3,), 0.9),
        Link((3,), (4,), 0.9),
        Link((), (5,), 0.1),
    ]
    rec = RecordingEncoder()
    slipped_additions(_ctx(orig, trans, links, encoder=rec), [2, 5])
    assert rec.new_texts_per_call()[1:] == []  # everything after the first call is cached


def test_moved_across_encodes_its_new_texts_in_one_call() -> None:
    orig = ["first", "lost clause, kept part", "third"]
    trans = ["first plus the clause", "kept", "third one"]
    links = [Link((0,), (0,), 0.6), Link((1,), (1,), 0.9), Link((2,), (2,), 0.9)]
    cut = _cut()
    rec = RecordingEncoder()
    moved_across(_ctx(orig, trans, links, encoder=rec), [cut, cut])
    assert len(rec.new_texts_per_call()) == 1


def test_a_cut_the_original_repeats_in_a_rendered_sentence_is_minor() -> None:
    # a headline quoting the body: the translation's headline drops the quote, its body
    # renders it (the neighbour does not, so only the repetition can tell)
    quote = "Её величество была образцом лидерства"
    orig = [
        f'Лидеры скорбят: "{quote}"',
        "Второе предложение.",
        f'Король сказал: "{quote}, мы помним".',
    ]
    trans = ["Leaders mourn the queen", "A second sentence.", 'The king said: "She was a model".']
    a = orig[0].index(quote)
    cut = Flag(
        PARTIAL_OMISSION, "major", (0,), (0,), "Partly omitted", {},
        spans=(Span("original", 0, a, a + len(quote)),),
    )  # fmt: skip
    angles = {f"{quote} {orig[1]}": 1.0, orig[1]: 1.0, trans[1]: 1.0}  # no neighbour gain
    links = [Link((0,), (0,), 0.6), Link((1,), (1,), 0.9), Link((2,), (2,), 0.9)]
    (f,) = moved_across(_ctx(orig, trans, links, angles), [cut])
    assert f.severity == "minor" and f.evidence["repeated_in"] == 2
    assert f.detail.endswith("(the original repeats it in sentence 3, which is rendered)")
    # the repeating sentence left out of the translation: the quote is lost, still major
    links[2] = Link((2,), (), 0.0)
    (g,) = moved_across(_ctx(orig, trans[:2], links, angles), [cut])
    assert g.severity == "major" and "repeated_in" not in g.evidence
