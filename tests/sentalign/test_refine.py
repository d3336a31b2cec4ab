"""Boundary refinement after the search (``align.sentalign.refine``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from conftest import check_exactly_once

from align.sentalign import aligner as A
from align.sentalign.link_gain import BandTerms, SideSpans
from align.sentalign.links import read_links
from align.sentalign.options import AlignOptions
from align.sentalign.refine import ExactSpans, Objective, Similarity, refine_boundaries

DATA = Path(__file__).parents[1] / "data" / "align"
#: every term but the similarity off, so a test's margins are the objective
PLAIN = AlignOptions(
    refine=True,
    refine_split=True,
    threshold=0.0,
    anchor_weight=0.0,
    anchor_miss=0.0,
    wordless_price=0.0,
    continuation=0.0,
    length_weight=0.0,
    skip_cost="constant",
    skip=-0.3,
)


class StubSimilarity:
    """Margins by hand: ``table[(o0, o1, t0, t1)]``, else ``rest``."""

    def __init__(self, table: dict[tuple[int, int, int, int], float], rest: float = -1.0):
        self.table, self.rest, self.fetched = table, rest, 0

    def usable(self, side: int, s: int, e: int) -> bool:
        return True

    def prefetch(self, keys: list[tuple[int, int, int]]) -> None:
        self.fetched += len(keys)

    def __call__(self, o0: int, o1: int, t0: int, t1: int) -> tuple[float, float]:
        m = self.table.get((o0, o1, t0, t1), self.rest)
        return m, m


def _objective(n: int, m: int, sim: Any, options: AlignOptions = PLAIN) -> Objective:
    texts_o, texts_t = [f"o{i}" for i in range(n)], [f"t{j}" for j in range(m)]
    emb = {1: np.zeros((1, 4), np.float32)}
    sides = [
        SideSpans(None, t, 5, np.zeros((len(t), 1), np.int32), emb=emb) for t in (texts_o, texts_t)
    ]
    terms = BandTerms((0.0, 0.35), (np.zeros(min(n, m)), np.zeros(max(n, m))))
    return Objective(sides[0], sides[1], options, terms, sim)


def test_a_boundary_one_sentence_off_moves_when_the_exact_scores_say_so() -> None:
    # the search joined o1 to o0; exactly scored, o1 belongs with o2 (0.771 + 0.601 > 0.746
    # + 0.567, the KUNA pair's figures)
    sim = StubSimilarity({(0, 2, 0, 1): 0.746, (2, 3, 1, 2): 0.567, (0, 1, 0, 1): 0.771,
                          (1, 3, 1, 2): 0.601})  # fmt: skip
    bounds = [(0, 2, 0, 1), (2, 3, 1, 2)]
    gain = _objective(3, 2, sim)
    assert refine_boundaries(bounds, gain, PLAIN) == [(0, 1, 0, 1), (1, 3, 1, 2)]
    # the rise (0.059) must clear the margin
    assert refine_boundaries(bounds, gain, replace(PLAIN, refine_margin=0.1)) == bounds


def test_a_many_to_one_link_splits_and_a_left_out_sentence_joins() -> None:
    split = StubSimilarity({(0, 2, 0, 2): 0.5, (0, 1, 0, 1): 0.6, (1, 2, 1, 2): 0.6})
    assert refine_boundaries([(0, 2, 0, 2)], _objective(2, 2, split), PLAIN) == [
        (0, 1, 0, 1),
        (1, 2, 1, 2),
    ]
    assert refine_boundaries(
        [(0, 2, 0, 2)], _objective(2, 2, split), replace(PLAIN, refine_split=False)
    ) == [(0, 2, 0, 2)]
    # a left-out original sentence (skip -0.3) that lifts its neighbour's link to 0.7
    join = StubSimilarity({(0, 1, 0, 1): 0.6, (0, 2, 0, 1): 0.7})
    assert refine_boundaries([(0, 1, 0, 1), (1, 2, 1, 1)], _objective(2, 1, join), PLAIN) == [
        (0, 2, 0, 1)
    ]


def test_confident_one_to_one_links_are_not_looked_at() -> None:
    sim = StubSimilarity({(0, 1, 0, 1): 0.9, (1, 2, 1, 2): 0.9}, rest=5.0)
    gain = _objective(2, 2, sim)
    assert refine_boundaries([(0, 1, 0, 1), (1, 2, 1, 2)], gain, PLAIN) == [
        (0, 1, 0, 1),
        (1, 2, 1, 2),
    ]
    assert sim.fetched == 0


def test_with_the_search_own_pooled_spans_the_objective_finds_nothing_to_move(encoder: Any) -> None:
    """The objective is the search's: fed the pooled spans the search saw, no local reading
    of the search's links scores higher (every window looked at)."""
    orig = (DATA / "ntrex.ar.txt").read_text(encoding="utf-8").splitlines()
    trans = (DATA / "ntrex.en.txt").read_text(encoding="utf-8").splitlines()
    opt = AlignOptions(refine=True, refine_weak=2.0, max_total=0)
    sides = A.sides_for(orig, trans, opt, encoder)
    bounds, terms = A._path(sides.orig, sides.trans, opt)
    exact = ExactSpans(encoder, (orig, trans))
    for k, side in enumerate((sides.orig, sides.trans)):
        for a, rows in side.emb.items():
            exact.cache.update({(k, s, s + a): rows[s] for s in range(len(rows))})
    usem = (sides.orig.emb[1], sides.trans.emb[1])
    sim = Similarity([(1.0, exact, usem)], opt.margin_k, opt.hub_sample)
    gain = Objective(sides.orig, sides.trans, opt, terms, sim)
    assert refine_boundaries(bounds, gain, replace(opt, refine_margin=1e-6)) == bounds


def test_refined_alignment_keeps_every_sentence_once_and_the_gold(encoder: Any) -> None:
    orig = (DATA / "ntrex.ar.txt").read_text(encoding="utf-8").splitlines()
    trans = (DATA / "ntrex.en.txt").read_text(encoding="utf-8").splitlines()
    opt = AlignOptions(refine_weak=2.0, refine_split=True)  # every window looked at
    assert AlignOptions().refine and not A.accuracy_mode(AlignOptions()).refine
    links = A.align_texts(orig, trans, opt, encoder)
    check_exactly_once(links, len(orig), len(trans))
    gold = read_links(DATA / "ntrex.gold")
    assert [(lk.original, lk.translation) for lk in links] == [
        (g.original, g.translation) for g in gold
    ]
