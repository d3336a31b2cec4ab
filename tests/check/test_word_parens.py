"""Parentheses one side lacks (``word_marks.lone_parens``), and the candidate record of
``bench/flags_fit.py collect`` (real encoder)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import cast

from conftest import check_lines

from align.check import word_cuts, word_model
from align.check.context import FlagOptions
from align.embed.encoder import Encoder
from align.types import Report

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import flags_fit  # noqa: E402


def _check(orig: list[str], trans: list[str], encoder: Encoder, opts: FlagOptions) -> Report:
    return cast("Report", check_lines(orig, trans, encoder, options=opts))


def _dropped(report: Report) -> list[str]:
    o = report.alignment.original.texts
    return [
        o[s.sentence][s.start : s.end]
        for f in report.flags
        if f.kind == "partial_omission"
        for s in f.spans
        if s.side == "original"
    ]


ORIG = [
    "Вторую дозу вакцины жители области начали получать в январе (никто не пострадал).",
    "Население города составляет 380 тысяч человек (данные на 2017 год).",
    "Новый мост через реку откроют для движения следующей весной.",
]
TRANS = [
    "Residents of the region began to receive the second dose of the vaccine in January.",
    "The city has a population of 380,000 as of 2017.",
    "The new bridge over the river will open to traffic next spring.",
]


def test_a_parenthesis_matched_only_to_function_words_is_dropped(encoder: Encoder) -> None:
    dropped = _dropped(_check(ORIG, TRANS, encoder, FlagOptions()))
    assert "(никто не пострадал)" in dropped  # its words find "the"/"of" at best
    assert not any("2017" in d for d in dropped)  # its figure is rendered: not left out


def test_collect_records_every_candidate_and_leaves_finish_alone(encoder: Encoder) -> None:
    plain = word_cuts.finish
    opts = FlagOptions(word_ratio_gate=100.0, word_insert_gate=100.0, word_min_unmatched=0.0)
    with flags_fit._recorded() as log:
        _check(ORIG, TRANS, encoder, opts)
    assert word_cuts.finish is plain
    assert log and {"side", "sentence", "local", "end_local", "x", "key"} <= set(log[0])
    assert all(len(e["x"]) == len(word_model.MODEL["original"]["mean"]) for e in log)
    assert any("пострадал" in str(e["text"]) for e in log)
