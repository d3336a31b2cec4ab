"""A word left in the original's script (a second first-user run: "cause grave тревогу")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

import cli


def _check(tmp_path: Path, orig: str, trans: str, ol: str) -> dict[str, Any]:
    (tmp_path / f"o.{ol}.txt").write_text(orig, encoding="utf-8")
    (tmp_path / "t.txt").write_text(trans, encoding="utf-8")
    out = tmp_path / "r.json"
    args = ["check", str(tmp_path / f"o.{ol}.txt"), str(tmp_path / "t.txt"), "-o", str(out)]
    r = CliRunner().invoke(cli.cli, args)
    assert r.exit_code == 0, r.output
    return dict(json.loads(out.read_text(encoding="utf-8")))


def _words(report: dict[str, Any], flag: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (s["side"], report[s["side"]]["sentences"][s["sentence"]]["text"][s["start"] : s["end"]])
        for s in flag["spans"]
    ]


def test_a_word_left_in_cyrillic_is_flagged_a_gloss_is_not(tmp_path: Path) -> None:
    report = _check(
        tmp_path,
        "Министр заявил, что ситуация вызывает серьёзную тревогу у соседних стран.\n"
        "Он призвал стороны к сдержанности и диалогу.\n",
        "The minister said the situation was causing grave тревогу among neighbouring "
        "countries.\nHe urged the sides to show restraint and to talk (переговоры are "
        "planned).\n",
        "ru",
    )
    left = [f for f in report["flags"] if f.get("subkind") == "untranslated"]
    assert len(left) == 1 and left[0]["severity"] == "minor"
    assert left[0]["kind"] == "partial_omission" and left[0]["translation"] == [0]
    assert _words(report, left[0]) == [("translation", "тревогу"), ("original", "тревогу")]


def test_latin_words_in_an_arabic_translation_are_not_untranslated(tmp_path: Path) -> None:
    report = _check(
        tmp_path,
        "The company said its new iPhone app would reach NATO members next month.\n",
        "قالت الشركة إن تطبيق iPhone الجديد سيصل إلى أعضاء NATO الشهر المقبل.\n",
        "en",
    )
    assert not [f for f in report["flags"] if f.get("subkind") == "untranslated"]
