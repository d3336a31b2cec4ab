"""check's thresholds: presets, provalign.toml's [check] table and overrides, resolved and
split into the aligner's and the flags' options (align.check.thresholds)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from align.check.context import FlagOptions
from align.check.presets import PRESETS
from align.check.thresholds import (
    RANGES,
    check_settings,
    describe_thresholds,
    out_of_range,
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
        ("[check]\nrelink-sim = 5\n", "'relink-sim' must be between -1 and 1 \\(got 5\\)"),
        ("[check]\nlow_sim_min_words = -2\n", "must be at least 0"),
        ("[check]\nword_drop_score = nan\n", "must be a finite number"),
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
    assert "--low-sim-min-words INTEGER  [default: 8; at least 0]" in text
    assert "--relink-sim FLOAT  [default: 0.13; -1 to 1]" in text
    assert text.splitlines()[-1].startswith("Presets (--preset): balanced defaults; strict {")


def test_every_threshold_has_a_range_its_default_and_presets_keep() -> None:
    """A new threshold without an entry in RANGES fails here, not silently unchecked."""
    fields = threshold_fields()
    assert set(RANGES) == set(fields)
    for name, f in fields.items():
        assert isinstance(f.default, (int, float)), name
        assert out_of_range(name, f.default) is None, name
    for values in PRESETS.values():
        for name, value in values.items():
            assert out_of_range(name, value) is None, name


def test_an_override_out_of_range_is_refused() -> None:
    with pytest.raises(AlignError, match="threshold relink-sim must be between -1 and 1"):
        resolve_thresholds(None, None, {"relink_sim": 5.0})
    assert resolve_thresholds(None, None, {"relink_sim": 1.0}) == {"relink_sim": 1.0}
    assert out_of_range("name_score", -40.0) is None  # a log-odds score has no bound
    assert out_of_range("word_insert_gate", float("inf")) == "must be a finite number"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--relink-sim", "5"], "Invalid value for '--relink-sim': must be between -1 and 1"),
        (["--word-drop-score", "nan"], "'--word-drop-score': must be a finite number"),
        (["--low-sim-min-words", "-3"], "'--low-sim-min-words': must be at least 0"),
    ],
)
def test_cli_threshold_out_of_range_is_a_usage_error(
    tmp_path: Path, args: list[str], message: str
) -> None:
    from click.testing import CliRunner

    import cli

    o, t = tmp_path / "o.txt", tmp_path / "t.txt"
    o.write_text("Один.\n", encoding="utf-8")
    t.write_text("One.\n", encoding="utf-8")
    result = CliRunner().invoke(cli.cli, ["check", str(o), str(t), *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
