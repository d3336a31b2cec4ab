"""bench/gold_cv.py: each fold is scored with the setting chosen on the other folds."""

from __future__ import annotations

from types import ModuleType

import pytest
from conftest import load_bench


@pytest.fixture(scope="module")
def gold_cv() -> ModuleType:
    return load_bench("gold_cv")


def test_each_fold_is_scored_with_the_choice_of_the_others(gold_cv: ModuleType) -> None:
    docs = [gold_cv.GoldDoc("s", f, [], [], []) for f in ("a", "b", "c")]
    # "y" is better on fold c alone; x on the other two, so every fold is scored with x
    runs = {"x": [(9, 10, 10), (9, 10, 10), (3, 10, 10)], "y": [(5, 10, 10)] * 3}
    out = gold_cv.cross_validate(docs, runs)
    assert {f: v["chosen"] for f, v in out["per_fold"].items()} == {"a": "x", "b": "x", "c": "x"}
    assert out["held_out_strict_f1"]["s"] == pytest.approx(21 / 30, abs=1e-4)


def test_a_tie_goes_to_todays_defaults(gold_cv: ModuleType) -> None:
    docs = [gold_cv.GoldDoc("s", f, [], [], []) for f in ("a", "b")]
    runs = {"new": [(8, 10, 10)] * 2, "today": [(8, 10, 10)] * 2}
    assert gold_cv.cross_validate(docs, runs)["final_choice"] == "new"  # grid order
    out = gold_cv.cross_validate(docs, runs, "today")
    assert out["final_choice"] == "today"
    assert {v["chosen"] for v in out["per_fold"].values()} == {"today"}
