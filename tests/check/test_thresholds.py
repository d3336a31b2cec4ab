"""check's thresholds: presets, provalign.toml's [check] table and overrides, resolved and
split into the aligner's and the flags' options (align.check.thresholds)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from align.check.context import FlagOptions
from align.check.presets import PRESETS
from align.check.thresholds import (
    check_settings,
    describe_thresholds,
    read_config,
    resolve_thresholds,
    threshold_fields,
)
from align.errors import AlignError
from align.sentalign.options import CHECK_OPTIONS, RepairOptions


def _numeric(cls: type) -> set[str]:
    return {
        f.name
        for f in dataclasses.fields(cls)
        if isinstance(f.default, (int, float)) and not isinstance(f.default, bool)
    }


def test_every_numeric_setting_is_a_threshold_once_with_help() -> None:
    fields = threshold_fields()
    assert set(fields) == _numeric(RepairOptions) | _numeric(FlagOptions)
    assert all(f.metadata["help"] for f in fields.values())
    assert "reorder_sim" in _numeric(RepairOptions) & _numeric(FlagOptions)  # shared, listed once


def test_presets_and_config(tmp_path: Path) -> None:
    strict = resolve_thresholds("strict")
    assert strict == PRESETS["strict"] and strict["low_sim_spread"] < 3.0
    assert resolve_thresholds() == {}  # balanced: the defaults
    config = tmp_path / "provalign.toml"
    config.write_text('[check]\npreset = "lenient"\nlow-sim-floor = 0.3\n')
    merged = resolve_thresholds(None, config, {"partial_gain": 0.05})
    assert merged == {"low_sim_spread": 3.5, "low_sim_floor": 0.3, "partial_gain": 0.05}


def test_the_command_line_beats_the_config_which_beats_the_preset(tmp_path: Path) -> None:
    config = tmp_path / "provalign.toml"
    config.write_text("[check]\nlow_sim_floor = 0.3\nlow_sim_min_words = 5\n")
    merged = resolve_thresholds("strict", config, {"low_sim_floor": 0.4, "partial_gain": None})
    assert merged["low_sim_floor"] == 0.4  # given
    assert merged["partial_gain"] == PRESETS["strict"]["partial_gain"]  # None is "not given"
    assert merged["low_sim_min_words"] == 5 and isinstance(merged["low_sim_min_words"], int)
    config.write_text('[check]\npreset = "lenient"\n')
    assert resolve_thresholds("strict", config) == PRESETS["strict"]  # an explicit preset wins


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[check]\nno_such = 1\n", "unknown threshold 'no_such' in \\[check\\]"),
        ("[check]\nqualifier_flags = 1\n", "unknown threshold"),  # a switch, not a threshold
        ('[check]\nlow_sim_floor = "high"\n', "threshold 'low_sim_floor' must be a number"),
        ("[check]\nlow_sim_floor = true\n", "must be a number"),
        ('[check]\npreset = "wild"\n', "unknown preset 'wild' \\(use balanced, strict, lenient\\)"),
        ("check = 1\n", "\\[check\\] must be a table"),
        ("[check\n", "not valid TOML"),
    ],
)
def test_config_errors_name_the_file(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "provalign.toml"
    config.write_text(text)
    with pytest.raises(AlignError, match=message) as info:
        resolve_thresholds(None, config)
    assert info.value.path == str(config)


def test_read_config(tmp_path: Path) -> None:
    config = tmp_path / "provalign.toml"
    config.write_text("[other]\nx = 1\n")
    assert read_config(config) == {}
    with pytest.raises(AlignError, match="cannot read config") as info:
        read_config(tmp_path / "missing.toml")
    assert info.value.path == str(tmp_path / "missing.toml")
    config.write_bytes(b"[check]\nx = '\xff'\n")
    with pytest.raises(AlignError, match="not valid TOML"):
        read_config(config)


def test_check_settings_split_between_the_repairs_and_the_flags() -> None:
    align_options, flag_options = check_settings({})
    assert align_options == CHECK_OPTIONS and flag_options == FlagOptions()
    align_options, flag_options = check_settings(
        {"peel_floor": 0.3, "reorder_sim": 0.5, "name_score": -0.1}
    )
    assert align_options.repair is not None
    assert align_options.repair.peel_floor == 0.3 and align_options.repair.reorder_sim == 0.5
    assert flag_options.reorder_sim == 0.5 and flag_options.name_score == -0.1  # shared: both
    assert dataclasses.replace(align_options, repair=CHECK_OPTIONS.repair) == CHECK_OPTIONS
    with pytest.raises(TypeError, match="no_such"):
        check_settings({"no_such": 1.0})


def test_describe_thresholds_lists_each_threshold_and_the_presets() -> None:
    text = describe_thresholds()
    for name, f in threshold_fields().items():
        assert f"--{name.replace('_', '-')} " in text and str(f.metadata["help"]) in text
    assert "--low-sim-min-words INTEGER  [default: 8]" in text
    assert text.splitlines()[-1].startswith("Presets (--preset): balanced defaults; strict {")
