"""A wire copy's own lines around a faithful translation are page furniture, not edits
(issue #14: "bylines, datelines and outlet names at either end of an article: boilerplate,
never major"). Shaped on a real Kazinform copy of a Russian original (texts written for
this test): a headline, a date line, the "ASTANA. KAZINFORM –" dateline opening the lead,
the press service's credit rendered as "cites", and the author's name at the end."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import cli

ORIG = (
    "Президент принял послов Франции и Японии, передает пресс-служба администрации.\n\n"
    "В ходе встречи с послом Франции стороны обсудили торговлю и культурные связи.\n\n"
    "С послом Японии обсуждались вопросы инвестиций и образования.\n"
)
TRANS = (
    "President receives French, Japanese ambassadors\n\n"
    "14 March 2023, 16:02\n\n"
    "ASTANA. KAZINFORM – The President received the ambassadors of France and Japan, "
    "Kazinform cites the presidential press service.\n\n"
    "During the meeting with the French ambassador the sides discussed trade and cultural "
    "ties.\n\n"
    "With the Japanese ambassador, issues of investment and education were discussed.\n\n"
    "Ivanova Maria\n"
)


def test_a_wire_copy_of_a_faithful_translation_has_notes_only(tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_text(ORIG, encoding="utf-8")
    (tmp_path / "en.txt").write_text(TRANS, encoding="utf-8")
    out = tmp_path / "r.json"
    r = CliRunner().invoke(
        cli.cli, ["check", str(tmp_path / "ru.txt"), str(tmp_path / "en.txt"), "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["verdict"] == "faithful"
    assert {f["severity"] for f in data["flags"]} == {"info"}  # "cites" renders передает
    sentences = [s["text"] for s in data["translation"]["sentences"]]
    assert sentences[2].startswith("ASTANA. KAZINFORM – The President")  # one sentence
    details = [f["detail"] for f in data["flags"]]
    assert any(d.startswith("Added heading not in the original") for d in details)
    assert any(d.startswith("Added date line not in the original") for d in details)
    assert any(d.startswith("Added closing line (a byline or credit)") for d in details)
    [dateline] = [f for f in data["flags"] if f["kind"] == "boilerplate"]
    span = dateline["spans"][0]
    assert sentences[span["sentence"]][span["start"] : span["end"]] == "ASTANA. KAZINFORM –"
