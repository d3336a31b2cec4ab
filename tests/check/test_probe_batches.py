"""The checks that ask the encoder for many small texts list them first and encode them in
one call (a call costs ~1.5 ms whatever its size): what they list must be what they then
read, or the saving silently goes (``bench/flags_cost.py`` measures it)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np

from align.check.boundary import moved_across, slipped_additions
from align.check.context import FlagOptions
from align.check.value_flags import _scored, name_probe_texts
from align.embed.encoder import Encoder
from align.text.names import compare_names
from align.types import PARTIAL_OMISSION, Flag, Link, Span


class _Recorder:
    """An encoder that remembers, per call, the texts it had not been given before."""

    name = "recorder"

    def __init__(self, inner: Any = None) -> None:
        self.inner = inner
        self.calls: list[list[str]] = []
        self.seen: set[str] = set()

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls.append([t for t in dict.fromkeys(texts) if t not in self.seen])
        self.seen.update(texts)
        if self.inner is not None:
            return np.asarray(self.inner.encode(texts))
        return np.array([[np.cos(len(t)), np.sin(len(t))] for t in texts])

    def new_texts_per_call(self) -> list[int]:
        return [len(c) for c in self.calls if c]


def _boundary_ctx(orig: list[str], trans: list[str], links: list[Link], enc: Any) -> Any:
    al = SimpleNamespace(
        original=SimpleNamespace(texts=orig, lang="ar"),
        translation=SimpleNamespace(texts=trans, lang="en"),
        links=tuple(links),
    )
    return SimpleNamespace(alignment=al, encoder=enc)


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
    rec = _Recorder()
    slipped_additions(_boundary_ctx(orig, trans, links, rec), [2, 5])
    assert rec.new_texts_per_call()[1:] == []  # everything after the first call is cached


def test_moved_across_encodes_its_new_texts_in_one_call() -> None:
    orig = ["first", "lost clause, kept part", "third"]
    trans = ["first plus the clause", "kept", "third one"]
    links = [Link((0,), (0,), 0.6), Link((1,), (1,), 0.9), Link((2,), (2,), 0.9)]
    cut = Flag(
        PARTIAL_OMISSION,
        "major",
        (1,),
        (1,),
        "Partly omitted",
        {},
        spans=(Span("original", 1, 0, 11),),
    )
    rec = _Recorder()
    moved_across(_boundary_ctx(orig, trans, links, rec), [cut, cut])
    assert len(rec.new_texts_per_call()) == 1


def test_name_probe_texts_are_what_the_name_score_encodes(encoder: Encoder) -> None:
    otext = "وقال رئيس مقدونيا جورج إيفانوف إنه سيرفض الاعتراف بالتصويت."
    ttext = "Macedonian President Whitfield Ivanov said he will disregard the vote."
    d = compare_names(otext, "ar", ttext, "en")
    cands = list(d.only_translation)
    assert cands
    rec = _Recorder(encoder)
    al = SimpleNamespace(original=SimpleNamespace(lang="ar"))
    ctx: Any = SimpleNamespace(options=FlagOptions(), encoder=rec, alignment=al)
    _scored(ctx, cands, d, [], otext, ttext, 0.5)
    assert rec.seen <= set(name_probe_texts(ctx, (d, cands), otext, ttext))
