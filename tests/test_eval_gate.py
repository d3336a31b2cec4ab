"""The evaluation gate (tests/eval_gate.py) runs here whenever ../shared/data is present."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_gate  # noqa: E402


@pytest.mark.shared
@pytest.mark.slow
def test_headline_figures_stay_above_their_floors(shared_data: Path) -> None:
    baseline = json.loads(eval_gate.BASELINE.read_text())
    assert baseline["corpus_sha256"] == eval_gate.corpus_hashes(shared_data), (
        "the gold data changed: re-measure and run tests/eval_gate.py --update"
    )
    assert eval_gate.verdict(eval_gate.measure(), baseline) == []


def test_an_update_never_lowers_a_floor_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(eval_gate, "BASELINE", tmp_path / "baseline.json")
    monkeypatch.setattr(eval_gate, "corpus_hashes", lambda data: {"x": "0"})
    assert eval_gate.update({"m": 0.9}, tmp_path, allow_regression=False) == []
    assert eval_gate.update({"m": 0.8}, tmp_path, allow_regression=False) == ["m: 0.9 -> 0.8"]
    assert json.loads(eval_gate.BASELINE.read_text())["floors"] == {"m": 0.9}
    assert eval_gate.verdict({"m": 0.8}, {"floors": {"m": 0.9}}) == ["m: 0.8 < floor 0.9"]
    assert eval_gate.update({"m": 0.8}, tmp_path, allow_regression=True) == []
    assert json.loads(eval_gate.BASELINE.read_text())["floors"] == {"m": 0.8}
