"""bench/realdev_unmatched.py's figures on a hand-made report: an edit a run overlaps is
found, the runs' characters inside quotes are counted, controls are measured apart, and
the size filter keeps only runs of enough content words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import load_bench

ORIG = "Министр провёл встречу в столице."
TRANS = "The minister held a long and very tense meeting in the capital."


def _report(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "original": {"sentences": [{"index": 0, "text": ORIG}]},
        "translation": {"sentences": [{"index": 0, "text": TRANS}]},
        "links": [{"original": [0], "translation": [0], "score": 0.9}],
        "unmatched": runs,
    }


def _run(text: str, words: str) -> dict[str, Any]:
    start = text.index(words)
    return {"side": "translation", "sentence": 0, "start": start, "end": start + len(words)}


def test_measure_counts_hits_inside_share_and_controls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "bench"))
    bench = load_bench("realdev_unmatched")
    edited = {
        "kind": "edited",
        "edits": [
            {"type": "insertion", "side": "translation", "quote": "long and very tense"},
            {"type": "addition", "side": "translation", "quote": "The minister"},  # whole: skipped
        ],
    }
    control = {"kind": "control", "edits": []}
    rows = [
        (edited, _report([_run(TRANS, "very tense"), _run(TRANS, "capital")])),
        (control, _report([_run(TRANS, "held")])),
    ]
    one = bench.measure(rows, 1)
    assert one["edits_inside_sentences"] == 1 and one["edit_recall"] == 1.0
    assert one["edit_recall_by_type"] == {"insertion": "1/1"}
    # "very tense" (10 characters) inside the quote, "capital" (7) outside
    assert one["run_chars_inside_edits"] == round(10 / 17, 3)
    linked = len(ORIG) + len(TRANS)
    assert one["linked_chars_under_runs"] == {
        "edited": round(17 / linked, 3),
        "control": round(4 / linked, 3),
    }
    two = bench.measure(rows, 2)  # only "very tense" has two content words
    assert two["edit_recall"] == 1.0 and two["run_chars_inside_edits"] == 1.0
    assert bench.measure(rows, 3)["edit_recall"] == 0.0
