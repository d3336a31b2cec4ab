"""Evaluation gate: pinned floors for the headline accuracy figures, checked by ``make test``
whenever ``../shared/data`` is present (a fresh clone without it skips, saying why).

The benchmarks in ``bench/`` print figures; nothing there can fail. This gate can: each
metric must stay at or above its floor in ``tests/eval_baseline.json``, and the data it is
measured on must be the data the floor was set on (a SHA-256 per file). Updating never
lowers a floor silently::

    .venv/bin/python tests/eval_gate.py            # print the metrics and the verdict
    .venv/bin/python tests/eval_gate.py --update   # raise floors to today's figures
    .venv/bin/python tests/eval_gate.py --update --allow-regression   # also lower them

It measures small, fixed subsets so it runs in well under a minute on 2 cores; the full
figures (and held-out folds) are ``bench/alignment.py`` and ``bench/flags.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = Path(__file__).resolve().parent / "eval_baseline.json"
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

TOLERANCE = 1e-6  # deterministic figures: no slack


def _textberg() -> dict[str, float]:
    from _data import textberg_dev

    from align.embed.encoder import load_encoder
    from align.sentalign.aligner import align_texts
    from align.sentalign.evaluate import score_links
    from align.sentalign.links import read_links
    from align.sentalign.options import AlignOptions

    de, fr, gold = textberg_dev()
    links = align_texts(de, fr, AlignOptions(), load_encoder())
    scores = score_links(read_links(gold), links)
    return {"textberg_dev_strict_f1": round(scores["strict"]["f1"], 4)}


def _flags() -> dict[str, float]:
    """bench/flags.py on its first 6 documents per set (the real aligner, seeded edits)."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "flags.py"), "--limit", "6"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result = json.loads(out.stdout)
    figures = {}
    # the sentence-level kinds on the sentence-level edits (as bench/flags.py's targets are
    # scored), and the word-level span recall of the word edits
    for kind, prf in result["per_kind_sentence_edits"].items():
        if prf["gold"]:  # kinds the subset seeds
            figures[f"flags_subset_{kind}_f1"] = float(prf["F1"])
    for group, span in result["span_level"].items():
        if span["gold"]:
            figures[f"flags_subset_span_{group}_recall"] = float(span["R"])
    unedited = float(result["unedited"]["false_flags_per_100"])
    figures["flags_subset_unedited_quiet"] = round(100.0 - unedited, 4)  # higher is better
    return figures


METRICS: tuple[Callable[[], dict[str, float]], ...] = (_textberg, _flags)
CORPUS = (
    "textberg-defr/dev.de",
    "textberg-defr/dev.fr",
    "textberg-defr/dev.defr",
    "ntrex/newstest2019-ref.arb.txt",
    "ntrex/newstest2019-ref.rus.txt",
    "ntrex/newstest2019-src.eng.txt",
    "wmt-ruen/wmttest2022.ru-en.tsv",
)


def corpus_hashes(data: Path) -> dict[str, str]:
    return {name: hashlib.sha256((data / name).read_bytes()).hexdigest() for name in CORPUS}


def measure() -> dict[str, float]:
    figures: dict[str, float] = {}
    for metric in METRICS:
        figures.update(metric())
    return figures


def verdict(figures: dict[str, float], baseline: dict[str, object]) -> list[str]:
    """The failures: metrics below their floor, and floors nothing measured any more."""
    floors = baseline.get("floors", {})
    assert isinstance(floors, dict)
    fails = [
        f"{name}: {figures.get(name)} < floor {floor}"
        for name, floor in sorted(floors.items())
        if figures.get(name, float("-inf")) < floor - TOLERANCE
    ]
    return fails


def update(figures: dict[str, float], data: Path, allow_regression: bool) -> list[str]:
    """New baseline: floors raised to today's figures; lowering needs ``allow_regression``."""
    old = json.loads(BASELINE.read_text()) if BASELINE.exists() else {"floors": {}}
    lowered = [
        f"{k}: {old['floors'][k]} -> {v}"
        for k, v in figures.items()
        if k in old["floors"] and v < old["floors"][k] - TOLERANCE
    ]
    if lowered and not allow_regression:
        return lowered
    floors = {**old["floors"], **figures} if not allow_regression else dict(figures)
    if not allow_regression:
        floors = {k: max(v, old["floors"].get(k, v)) for k, v in floors.items()}
    BASELINE.write_text(
        json.dumps({"corpus_sha256": corpus_hashes(data), "floors": floors}, indent=1) + "\n"
    )
    return []


def main() -> int:
    from _data import shared_data

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--allow-regression", action="store_true")
    args = ap.parse_args()
    data = shared_data()
    figures = measure()
    if args.update:
        lowered = update(figures, data, args.allow_regression)
        if lowered:
            print("refusing to lower floors without --allow-regression: " + "; ".join(lowered))
            return 1
    baseline = json.loads(BASELINE.read_text())
    fails = verdict(figures, baseline)
    print(json.dumps({"figures": figures, "failures": fails}, indent=1))
    return 1 if fails else 0


if __name__ == "__main__":
    raise SystemExit(main())
