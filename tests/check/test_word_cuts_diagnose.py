"""The span models' diagnosis and real-row tools (bench/cuts_diagnose.py,
bench/cuts_fit_real.py, flags_fit's real rows), on hand-made rows: no encoder, no data."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import cuts_diagnose  # noqa: E402
import cuts_fit_real  # noqa: E402
import flags_fit  # noqa: E402

# a model whose rank and decide scores are the first feature (standardised as is)
MODEL: dict[str, Any] = {
    side: {"mean": (0.0,), "sd": (1.0,), "rank": (1.0, 0.0), "decide": (1.0, 0.0)}
    for side in ("original", "translation")
}
BARS = {"original": 0.5, "translation": 0.5}
GATES = {"original": 0.95, "translation": 0.9}


def _cand(
    case: int, sentence: int, score: float, label: int | None, gold_id: int
) -> dict[str, Any]:
    return {
        "case": case,
        "edited": True,
        "side": "original",
        "sentence": sentence,
        "key": [sentence, sentence],
        "x": [score, 0, 0, 0, 1.0],  # x[4]: the unmatched share
        "label": label,
        "gold_id": gold_id,
        "text": "words",
    }


def _gate(case: int, sentence: int, ratio: float) -> dict[str, Any]:
    return {
        "case": case,
        "edited": True,
        "gate": True,
        "o": [sentence],
        "t": [sentence],
        "ratio": ratio,
        "o_paren": False,
        "t_paren": False,
    }


def test_each_gold_is_put_at_the_first_stage_that_loses_it() -> None:
    golds = [["partial_omission", "original", s, 10, 20] for s in range(6)]
    meta = [{"case": 2, "gold_spans": golds}]
    gates = [
        _gate(2, 0, 0.8),  # searched, gold best, over the bar: found
        _gate(2, 1, 0.8),  # searched, gold best, under the bar
        _gate(2, 2, 0.8),  # searched, a rival ranks higher
        _gate(2, 3, 0.8),  # searched, no candidate covers the gold
        _gate(2, 4, 1.2),  # the ratio gate does not search the original side
    ]  # sentence 5: in no searched link
    cands = [
        _cand(2, 0, 2.0, 1, 10),
        _cand(2, 1, -2.0, 1, 10),
        _cand(2, 2, 0.0, 1, 10),
        _cand(2, 2, 1.0, 0, -1),
        _cand(2, 3, 1.0, 0, -1),
        _cand(2, 4, 2.0, 1, 10),
    ]
    recs = cuts_diagnose.diagnose(
        cands, gates, meta, MODEL, BARS, GATES, 0.5, lambda m: "synthetic"
    )
    stages = [r["stage"] for r in recs]
    assert stages == ["found", "d_under_bar", "c_not_best", "b_no_candidate", "a_gate", "unlinked"]
    assert recs[4]["after_gate"] == "found"  # what opening the gate would have given


def test_a_real_candidate_is_labelled_by_the_quote_it_covers() -> None:
    gold = [["partial_omission", "original", 3, 10, 30]]
    other = [["original", 3, 40, 60]]  # another annotated edit (a meaning change) there

    def row(a: int, b: int, side: str = "original", sentence: int = 3) -> dict[str, Any]:
        return {"side": side, "sentence": sentence, "local": a, "end_local": b}

    assert cuts_fit_real._label(row(12, 28), gold, other) == (1, 0)
    assert cuts_fit_real._label(row(0, 40), gold, other) == (1, 0)  # holds the whole quote
    assert cuts_fit_real._label(row(25, 38), gold, other) == (0, -1)  # mostly outside it
    assert cuts_fit_real._label(row(45, 55), gold, other) == (None, -1)
    assert cuts_fit_real._label(row(12, 28, sentence=4), gold, other) == (0, -1)
    assert cuts_fit_real._label(row(12, 28, side="translation"), gold, other) == (0, -1)


def test_only_seen_splits_are_read() -> None:
    assert set(cuts_fit_real.SEEN) == {"dev", "test", "test2", "test3"}
    for p in cuts_fit_real.seen_pairs():
        assert p.get("split", "dev") in cuts_fit_real.SEEN


def test_real_rows_weigh_apart_and_the_edge_feature_reads_the_run_place() -> None:
    rows = [
        {"edited": True, "case": 4},
        {"edited": False, "case": 4},
        {"edited": True, "case": flags_fit.REAL_CASES + 1},
    ]
    flags_fit.REAL_WEIGHT = 5.0
    try:
        w = flags_fit._weights(rows, 1.0)
    finally:
        flags_fit.REAL_WEIGHT = 1.0
    assert w is not None and list(w) == [1.0, 1.0, 5.0]
    text = "The minister met the envoy on Monday, the statement said."
    end = {"side": "translation", "t_text": text, "span": [38, 56], "text": text[38:56]}
    mid = {"side": "translation", "t_text": text, "span": [4, 12], "text": text[4:12]}
    assert flags_fit._derived(end)[0] == 1.0
    assert flags_fit._derived(mid)[0] == 0.0
    assert np.isclose(flags_fit._derived(end)[1], np.log(1 + 3))
