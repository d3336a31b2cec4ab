"""bench/flags_fit.py's extra training seeds and weighted fit (no encoder, no shared data)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import flags  # noqa: E402
import flags_fit  # noqa: E402

RU = [
    f"Депутат городской думы номер {k} заявил, что новый закон вступит в силу в январе, "
    "после долгих споров."
    for k in range(8)
]
EN = [
    f"City council member number {k} said the new law would take effect in January, "
    "after long debates."
    for k in range(8)
]


def test_extra_seeds_edit_half_zero_only_and_differ_from_the_bench_seed() -> None:
    cases = [("toy", RU, EN, "ru") for _ in range(4)]
    seeded = list(flags_fit._cases(flags, cases, 1))
    assert [n for n, *_ in seeded] == [0, 2]  # half 1 is never seen with other seeds
    again = list(flags_fit._cases(flags, cases, 1))
    assert [c.sentences for *_, c, _ in seeded] == [c.sentences for *_, c, _ in again]
    other = list(flags_fit._cases(flags, cases, 2))
    assert [c.sentences for *_, c, _ in seeded] != [c.sentences for *_, c, _ in other]
    # case numbers of a seed keep the parity and the fold (n % 4) of their document
    assert (2 + flags_fit.SEED_CASES * 3) % 4 == 2
    assert flags_fit.SEED_CASES == flags.DRAW_SEEDS  # a --draw k of half 1 is never trained on


def test_weighted_fit_counts_a_row_like_its_copies() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(40, 3))
    y = (x[:, 0] + 0.3 * rng.normal(size=40) > 0).astype(float)
    w = np.ones(40)
    w[:10] = 3.0
    copies = np.concatenate([x, x[:10], x[:10]])
    y3 = np.concatenate([y, y[:10], y[:10]])
    assert np.allclose(flags_fit._fit(x, y, w), flags_fit._fit(copies, y3), atol=1e-6)
    rows = [{"edited": True}, {"edited": False}]
    assert flags_fit._weights(rows, 1.0) is None
    assert list(flags_fit._weights(rows, 4.0)) == [1.0, 4.0]
