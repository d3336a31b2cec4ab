"""The ``split`` command through CliRunner: output formats, bad input, usage errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli

READER = Path(__file__).resolve().parents[1] / "data" / "reader"


def test_split_text_output(runner: CliRunner) -> None:
    result = runner.invoke(cli.cli, ["split", str(READER / "ar.txt")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "الوزارة تعلن خطة جديدة للمياه"
    assert "هل سيكفي ذلك؟" in lines


def test_split_json_output(runner: CliRunner) -> None:
    result = runner.invoke(cli.cli, ["split", str(READER / "ru.koi8r.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["lang"] == "ru" and data["encoding"] == "koi8-r"
    text = (READER / "ru.koi8r.txt").read_bytes().decode("koi8_r")
    for i, row in enumerate(data["sentences"]):
        assert {"index", "paragraph", "start", "end", "text", "lang"} <= row.keys()
        assert row["index"] == i and text[row["start"] : row["end"]] == row["text"]
    assert data["sentences"][0]["text"] == "Министерство объявило о новом плане"


def test_split_lang_override_and_presplit(runner: CliRunner) -> None:
    result = runner.invoke(
        cli.cli, ["split", str(READER / "presplit.txt"), "--presplit", "--lang", "en"]
    )
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "First sentence. Still the first line.",
        "Second line",
        "Third line after a blank line.",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "empty.txt",
        "whitespace.txt",
        "image.png",
        "archive.gz",
        "nul.txt",
        "undecodable.txt",
        "noarticle.html",
        "numbers.txt",
        "missing-file.txt",
    ],
)
def test_bad_input_exits_1_with_one_line(runner: CliRunner, name: str) -> None:
    result = runner.invoke(cli.cli, ["split", str(READER / name)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    message = result.output.strip()
    assert message.startswith("Error:") and name in message and "\n" not in message


def test_directory_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli.cli, ["split", str(tmp_path)])
    assert result.exit_code == 1 and "is a directory" in result.output


def test_unreadable_file_exits_1(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret.txt"
    shutil.copy(READER / "en.txt", path)

    def deny(self: Path, *args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", deny)  # chmod does not stop root
    result = runner.invoke(cli.cli, ["split", str(path)])
    assert (
        result.exit_code == 1 and "secret.txt: cannot read file: permission denied" in result.output
    )


def test_max_chars_exits_1(runner: CliRunner) -> None:
    result = runner.invoke(cli.cli, ["split", str(READER / "en.txt"), "--max-chars", "20"])
    assert result.exit_code == 1 and "max-chars" in result.output and "en.txt" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["split"],
        ["split", "x.txt", "--bogus"],
        ["split", "x.txt", "--lang", "zz"],
        ["split", "x.txt", "--format", "xml"],
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(cli.cli, args)
    assert result.exit_code == 2 and "Traceback" not in result.output
