"""Defects a third first-user run found on real republications (KUNA via MENAFN, Ammon
News, Trend), on texts written for these tests: a wire credit and an outlet prefix are
page furniture, an evaluative word the original has is not added, a country the article
names elsewhere is a minor name change, a headline the original lacks is not glued to the
lead, and a sentence folded into an earlier one is moved, not omitted beside an
insertion."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

import cli

KUNA_AR = (
    "تلقى أمير البلاد الشيخ مشعل الأحمد الجابر الصباح اتصالا هاتفيا مساء اليوم من الشيخ تميم "
    "بن حمد آل ثاني أمير دولة قطر اطمأن خلاله على دولة الكويت وشعبها وذلك بعد الهجوم الآثم "
    "الذي استهدف أراضي البلدين.\n\n"
    "وأعرب الجانبان عن إدانتهما الشديدة لهذا الاعتداء الذي يعد انتهاكا لسيادة الدولتين "
    "وللقانون الدولي.\n"
)
KUNA_EN = (
    "Kuwait Amir Receives Phone Call From Qatari Amir\n\n"
    "(MENAFN- Kuwait News Agency (KUNA)) KUWAIT, Feb 28 (KUNA) -- His Highness the Amir "
    "Sheikh Meshal Al-Ahmad Al-Jaber Al-Sabah received a phone call on Saturday from Sheikh "
    "Tamim bin Hamad Al-Thani, Amir of the State of Qatar, who inquired about Kuwait and its "
    "people following the heinous attack that targeted the territories of both countries.\n\n"
    "Both sides expressed their strong condemnation of this aggression, which constitutes a "
    "violation of the sovereignty of both countries and of international law.\n"
)
AMMON_AR = (
    "بحث رئيس الوزراء الأردني جعفر حسان هاتفيا مع رئيس مجلس الوزراء الكويتي تطورات الأوضاع "
    "في المنطقة.\n"
    "وأعرب رئيس الوزراء عن التعازي لنظيره الكويتي بوفاة اثنين من أفراد حرس الحدود أثناء أداء "
    "واجبهما.\n"
)
AMMON_EN = (
    "Ammon News - Prime Minister Jafar Hassan and his Kuwaiti counterpart held a phone call "
    "to review the developments in the region.\n"
    "Hassan conveyed Jordan's condolences to his Kuwaiti counterpart on the death of two "
    "border guards who were killed while on duty.\n"
)
FOLD_RU = (
    "Президент Казахстана встретился в Астане с министром иностранных дел Турции.\n"
    "Стороны обсудили торговлю, инвестиции и культурные связи.\n"
    "Особое внимание уделили строительству новой железной дороги и гидроэлектростанции на "
    "реке Нарын.\n"
)
FOLD_EN = (
    "Kazakhstan's President met Turkey's Foreign Minister in Astana to discuss joint projects, "
    "including the construction of a new railway and a hydropower plant on the Naryn River.\n"
    "The sides discussed trade, investment and cultural ties.\n"
)


def _check(tmp_path: Path, orig: str, trans: str, *args: str) -> dict[str, Any]:
    (tmp_path / "o.txt").write_text(orig, encoding="utf-8")
    (tmp_path / "t.txt").write_text(trans, encoding="utf-8")
    out = tmp_path / "r.json"
    r = CliRunner().invoke(
        cli.cli, ["check", str(tmp_path / "o.txt"), str(tmp_path / "t.txt"), *args, "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    return dict(json.loads(out.read_text(encoding="utf-8")))


def _kinds(report: dict[str, Any]) -> list[tuple[str, str, list[int], list[int]]]:
    return [(f["kind"], f["severity"], f["original"], f["translation"]) for f in report["flags"]]


def test_a_kuna_copy_via_an_aggregator_has_notes_only(tmp_path: Path) -> None:
    report = _check(tmp_path, KUNA_AR, KUNA_EN)
    assert report["summary"]["verdict"] == "faithful"
    kinds = _kinds(report)
    # the headline the Arabic lacks stays alone (not glued into the lead's link) ...
    assert ("addition", "info", [], [0]) in kinds
    assert [1] in [lk["translation"] for lk in report["links"] if lk["original"] == [0]]
    # ... the aggregator's credit and the agency's dateline are one furniture note
    (note,) = [f for f in report["flags"] if f["kind"] == "boilerplate"]
    assert "(MENAFN- Kuwait News Agency (KUNA)) KUWAIT, Feb 28 (KUNA) --" in note["detail"]
    # "heinous" renders الآثم; "Feb" is a month, not a name
    assert not any(f["kind"] in ("insertion", "name_mismatch") for f in report["flags"])


def test_an_outlet_prefix_is_furniture_and_a_country_named_elsewhere_is_minor(
    tmp_path: Path,
) -> None:
    """ "Ammon News -" is the outlet's dateline, not a name; "Jordan's" in a sentence whose
    original says only "رئيس الوزراء" makes explicit what the lead says (الأردني): a minor
    name change, not a major one (that made the faithful translation EDITED)."""
    args = ("--presplit", "--orig-lang", "ar", "--trans-lang", "en")
    report = _check(tmp_path, AMMON_AR, AMMON_EN, *args)
    assert _kinds(report) == [
        ("boilerplate", "info", [0], [0]),
        ("name_mismatch", "minor", [1], [1]),
    ]
    assert "Ammon News -" in report["flags"][0]["detail"]
    assert "names the country in another sentence" in report["flags"][1]["detail"]


def test_a_sentence_folded_into_the_lead_is_moved_there(tmp_path: Path) -> None:
    args = ("--presplit", "--orig-lang", "ru", "--trans-lang", "en")
    report = _check(tmp_path, FOLD_RU, FOLD_EN, *args)
    (moved,) = report["flags"]
    assert (moved["kind"], moved["severity"], moved["original"], moved["translation"]) == (
        "reorder",
        "minor",
        [2],
        [0],
    )
    assert moved["detail"].startswith("Moved: original sentence 3 is rendered inside translation")
    # it points at the whole original sentence and at the words that render it
    lead = report["translation"]["sentences"][0]["text"]
    (words,) = [lead[s["start"] : s["end"]] for s in moved["spans"] if s["side"] == "translation"]
    assert "railway" in words and "Astana" not in words
    assert report["summary"]["coverage_sentences"] == 1.0
