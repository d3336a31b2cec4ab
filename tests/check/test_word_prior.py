"""The word matcher's diagonal prior and the candidate's gap feature (no encoder)."""

from __future__ import annotations

import numpy as np

from align.check.word_cuts import _gap
from align.sentalign.words import WordLinks, _distance, side_words


def _links(orig: str, trans: str, pairs: list[tuple[int, int]]) -> WordLinks:
    ow, ot = side_words([orig], (0,))
    tw, tt = side_words([trans], (0,))
    sim = np.zeros((len(ow), len(tw)), dtype=np.float32)
    return WordLinks(tuple(ow), tuple(tw), tuple(pairs), sim, None, None, ot, tt)


def test_distance_is_zero_on_the_diagonal_and_grows_off_it() -> None:
    d = _distance(4, 4)
    assert d.shape == (4, 4)
    assert np.allclose(np.diag(d), 0.0)
    assert d[0, 3] > d[0, 1] > 0
    assert _distance(3, 5).shape == (3, 5)


def test_gap_is_empty_for_a_dropped_clause_and_full_for_a_missed_rendering() -> None:
    # original words 2-4 ("according to investigators") have no counterpart and their
    # neighbours' partners are adjacent: nothing sits where the clause would
    orig = "Police arrested according many investigators seven men yesterday"
    trans = "Police arrested seven men yesterday"
    wl = _links(orig, trans, [(0, 0), (1, 1), (5, 2), (6, 3), (7, 4)])
    assert _gap(wl, "original", [2, 3, 4]) == 0.0
    # the translation holds unmatched words between the partners: a missed rendering
    trans2 = "Police arrested under suspicion seven men yesterday"
    wl2 = _links(orig, trans2, [(0, 0), (1, 1), (5, 4), (6, 5), (7, 6)])
    assert _gap(wl2, "original", [2, 3, 4]) > 0.5
    # no matched neighbour: no evidence
    wl3 = _links(orig, trans, [])
    assert _gap(wl3, "original", [2, 3, 4]) == 1.0
