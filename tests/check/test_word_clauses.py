"""Clause-level evidence for span candidates (``align.check.word_clauses``)."""

from __future__ import annotations

import numpy as np
import pytest

from align.check.word_clauses import clause_evidence, clause_ranges


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "!!! ... ???",
        "He said, as the ministry later admitted, that no one was hurt.",
        "Он сказал (и это важно " + "очень " * 30,
        " ".join(["слово,"] * 500),
    ],
)
def test_clause_ranges_are_ordered_and_inside(text: str) -> None:
    rs = clause_ranges(text)
    last = 0
    for a, b in rs:
        assert last <= a < b <= len(text)
        last = b
    if text.strip():
        assert rs


def test_clause_ranges_cover_the_clauses() -> None:
    text = "The man was detained on Monday, as the ministry later admitted, and no one was hurt."
    pieces = [text[a:b] for a, b in clause_ranges(text)]
    assert "as the ministry later admitted," in pieces


def test_clause_evidence_prefers_own_counterpart() -> None:
    # two clauses on each side; cut 0 renders other clause 0, cut 1 has no counterpart
    v_other = np.eye(3, dtype=np.float32)[:2]
    v_mine = np.eye(3, dtype=np.float32)[[0, 1]]
    alone = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    mine = [(0, 10), (11, 20)]
    ev = clause_evidence([(0, 10), (21, 30)], alone, mine, v_mine, v_other)
    assert ev[0][0] == pytest.approx(1.0)
    assert ev[1][0] == pytest.approx(0.0)
    assert ev[0][1] > ev[1][1] - 1e-9
    assert clause_evidence([], alone[:0], mine, v_mine, v_other) == []
    assert clause_evidence([(0, 1)], alone[:1], mine, v_mine, v_other[:0]) == [(0.0, 0.0)]
