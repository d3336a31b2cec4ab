"""``provalign report``: re-render a JSON report in every format; clean errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from report_fixture import make_report

import cli
from align.report import render


@pytest.fixture
def report_json(tmp_path: Path) -> Path:
    path = tmp_path / "check.json"
    path.write_text(render(make_report(), "json"), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["html", "md", "tsv", "tmx", "json", "text"])
def test_report_formats_to_stdout(runner: CliRunner, report_json: Path, fmt: str) -> None:
    result = runner.invoke(cli.cli, ["report", str(report_json), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.output == render(make_report(), fmt)


def test_report_default_html_to_file(runner: CliRunner, report_json: Path, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "r.html"
    result = runner.invoke(cli.cli, ["report", str(report_json), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_json_round_trip_through_cli(runner: CliRunner, report_json: Path) -> None:
    result = runner.invoke(cli.cli, ["report", str(report_json), "--format", "json"])
    assert result.output == report_json.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ('{"schema_version": 9}', "unsupported version 9"),
        ("", "empty file"),
    ],
)
def test_bad_json_is_a_one_line_error(
    runner: CliRunner, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(cli.cli, ["report", str(path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {path}: ")
    assert message in lines[0]


def test_missing_file_and_bad_format(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli.cli, ["report", str(tmp_path / "nope.json")])
    assert result.exit_code == 1 and "no such file" in result.output
    result = runner.invoke(cli.cli, ["report", str(tmp_path / "nope.json"), "--format", "pdf"])
    assert result.exit_code == 2
