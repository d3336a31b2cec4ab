"""Defects a third first-user run found on real republications (KUNA via MENAFN, Ammon
News, Trend), on texts written for these tests: a wire credit and an outlet prefix are
page furniture, an evaluative word the original has is not added, a country the article
names elsewhere is a note, a headline the original lacks is not glued to the
lead, and a sentence folded into an earlier one is moved, not omitted beside an
insertion."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from conftest import check_lines

import cli
from align.embed.encoder import Encoder

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


def test_an_outlet_prefix_is_furniture_and_a_country_named_elsewhere_is_a_note(
    tmp_path: Path,
) -> None:
    """ "Ammon News -" is the outlet's dateline, not a name; "Jordan's" in a sentence whose
    original says only "رئيس الوزراء" makes explicit what the lead says (الأردني): a note,
    not a major name change (that made the faithful translation EDITED)."""
    args = ("--presplit", "--orig-lang", "ar", "--trans-lang", "en")
    report = _check(tmp_path, AMMON_AR, AMMON_EN, *args)
    assert _kinds(report) == [
        ("boilerplate", "info", [0], [0]),
        ("name_mismatch", "info", [1], [1]),
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


def test_an_added_credit_is_one_attribution_flag_not_also_a_name(tmp_path: Path) -> None:
    """ "An Amiri Diwan statement read that" (the Arabic credits no one) is an added source
    ("an" opens a frame as "a" and "the" do); "Diwan" inside it is no second, major,
    name change."""
    credited = KUNA_EN.replace(
        "Both sides expressed", "An Amiri Diwan statement read that both sides expressed"
    )
    report = _check(tmp_path, KUNA_AR, credited)
    added = [f for f in report["flags"] if f["kind"] == "insertion"]
    assert [(f["subkind"], f["severity"]) for f in added] == [("attribution", "minor")]
    assert "An Amiri Diwan statement read" in added[0]["detail"]
    assert not any(f["kind"] == "name_mismatch" for f in report["flags"])


RAI_AR = (
    "وزير الخارجية: موقف الكويت ثابت تجاه القضية الفلسطينية\n"
    "29 أكتوبر 2023 02:21 م\n"
    "- مسؤوليتي الأولى هي الحفاظ على أمن الكويت ومصالحها في الخارج\n"
    "أكد وزير الخارجية ثبات الموقف الكويتي تجاه القضية الفلسطينية، مبينا ان الكويت ضد التطبيع "
    "مع اسرائيل ما لم تقم دولة فلسطينية مستقلة وفق القرارات الدولية ومبادرة السلام العربية.\n"
    "وقال الوزير خلال مؤتمر صحافي إن مسؤوليتي الأولى هي الحفاظ على أمن الكويت ومصالحها في "
    "الخارج.\n"
)
RAI_EN = (
    "Kuwait affirms stance on Palestinian issue\n"
    "The Foreign Minister affirmed Kuwait's firm position on the Palestinian issue, stressing "
    "that Kuwait opposes normalization with Israel until an independent Palestinian state is "
    "established.\n"
    "This position is in accordance with international resolutions and the Arab Peace "
    "Initiative, reported Al-Rai Daily.\n"
    "At a press conference, the minister said his first responsibility was to preserve "
    "Kuwait's security and interests abroad.\n"
)


def test_a_rewrite_that_drops_the_date_line_and_a_summary_bullet_is_edited_not_heavily(
    tmp_path: Path,
) -> None:
    """After Times Kuwait's rewrite of an Al-Rai report (fourth user's run): the date line
    is furniture, the bullet the body repeats is a minor omission saying where its words
    are (the two were one major omission), the paper's credit is an added attribution,
    "مؤتمر صحافي" is a press conference, not a journalist made a minister, and the
    coverage counts the bullet as rendered (60 % made it HEAVILY EDITED)."""
    report = _check(tmp_path, RAI_AR, RAI_EN)
    flags = {(f["kind"], tuple(f["original"])): f for f in report["flags"]}
    assert flags[("boilerplate", (1,))]["severity"] == "info"
    bullet = flags[("omission", (2,))]
    assert bullet["severity"] == "minor" and bullet["evidence"]["repeated_in"] == 4
    assert "repeats it in sentence 5" in bullet["detail"]
    credit = flags[("insertion", (3,))]
    assert (credit["subkind"], credit["severity"]) == ("attribution", "minor")
    assert "reported Al-Rai Daily" in credit["detail"]
    assert not any(f["kind"] == "name_mismatch" for f in report["flags"])
    assert not any(f["severity"] == "major" for f in report["flags"])
    assert report["summary"]["verdict"] == "edited"
    assert report["summary"]["coverage_sentences"] == 1.0


def test_the_same_template_for_another_country_is_a_changed_place(tmp_path: Path) -> None:
    # a third user's check against the wrong original (the same wire template for a call
    # from Jordan's King) read "100 % rendered": "Tamim" and "Al-Thani" find two-consonant
    # skeletons (الآثم, الثاني) and "Qatar", written three times, passed for the outlet's own
    jo = KUNA_AR.replace(
        "الشيخ تميم بن حمد آل ثاني أمير دولة قطر",
        "الملك عبدالله الثاني ملك المملكة الأردنية الهاشمية",
    )
    report = _check(tmp_path, jo, KUNA_EN)
    (place,) = [f for f in report["flags"] if f["kind"] == "name_mismatch"]
    assert (place["severity"], place["subkind"]) == ("major", "place")
    said = {
        s["side"]: report[s["side"]]["sentences"][s["sentence"]]["text"][s["start"] : s["end"]]
        for s in place["spans"]
    }
    assert said == {"original": "الأردنية", "translation": "Qatar"}
    assert report["summary"]["verdict"] != "faithful"


def test_a_speaker_named_for_he_added_is_an_attribution(tmp_path: Path) -> None:
    # a fourth user's page: "وأضاف" (he added) rendered "Sheikh Salem Al-Sabah declared" was
    # a major "words added"; naming who speaks is an added attribution
    orig = (
        "قال وزير الخارجية الشيخ سالم عبدالله الجابر الصباح إن بلاده تتابع تطورات الأوضاع في "
        "المنطقة باهتمام بالغ.\n"
        "وأضاف أن الكويت لن تقبل بالتطبيع ما لم تقم دولة فلسطينية مستقلة وفق القرارات "
        "الدولية.\n"
    )
    trans = (
        "Foreign Minister Sheikh Salem Abdullah Al-Jaber Al-Sabah said his country was "
        "following the developments in the region with great interest.\n"
        "Sheikh Salem Al-Sabah declared that Kuwait would not accept normalization unless an "
        "independent Palestinian state is established under international resolutions.\n"
    )
    report = _check(tmp_path, orig, trans)
    assert not [f for f in report["flags"] if f["severity"] == "major"]
    # when the word model does find the added words, they are the speaker named
    from align.check.word_marks import names_speaker

    assert names_speaker("Sheikh Salem Al-Sabah declared", "en", orig, "ar")
    assert names_speaker("Sheikh Salem Al-Sabah declared, \u201c", "en", orig, "ar")
    assert not names_speaker("the ministry later admitted", "en", orig, "ar")
    assert not names_speaker("Sheikh Salem Al-Sabah declared", "en", "بلا فعل قول هنا.", "ar")


def test_a_dropped_speaker_before_a_quote_is_an_attribution() -> None:
    # a seventh user's run: the English kept the quote and dropped who says it (a major
    # "clause" omission); words of content before a colon are still a clause
    from align.check.word_marks import drops_speaker

    orig = 'قالت بريانكا شوبرا سفيرة النوايا الحسنة لليونيسف: "بدأت مشاركتي مع اليونيسف."'
    end = orig.index(":")
    assert drops_speaker(orig, 0, end, "ar")
    ru = "Заявил министр Сергей Лавров: «Мы готовы к переговорам»."
    assert drops_speaker(ru, 0, ru.index(":"), "ru")
    ru2 = "Министр обсудил вопросы торговли и транспорта, энергетики и инвестиций: все важные."
    assert not drops_speaker(ru2, 0, ru2.index(":"), "ru")
    ru3 = "Заявил министр Сергей Лавров, и переговоры продолжатся в пятницу."
    assert not drops_speaker(ru3, 0, ru3.index(","), "ru")  # no quotation follows


def test_a_dropped_press_service_credit_is_an_attribution() -> None:
    # an eighth user's two reports called the same credit a clause and an attribution
    from align.check.word_marks import drops_credit

    ru = "Стороны обсудили сотрудничество, сообщает пресс-служба главы государства."
    a = ru.index(",", ru.index("сотрудничество"))
    assert drops_credit(ru, a, len(ru) - 1, "ru")
    ru2 = "Стороны обсудили сотрудничество в области энергетики и транспорта."
    assert not drops_credit(ru2, ru2.index("в области"), len(ru2) - 1, "ru")


def test_ever_smiling_rendered_always_smiles_is_not_dropped(tmp_path: Path) -> None:
    # a sixth user's run (Okaz): "الدائم الابتسامة" rendered "who always smiles" was a
    # dropped qualifier, its own span on "smiles"
    orig = (
        "وفي الزاوية يجلس الزميل الدائم الابتسامة يتابع الأخبار العاجلة على الشاشات.\n"
        "وتعمل الصحيفة على مدار الساعة لنقل الأحداث إلى قرائها.\n"
    )
    trans = (
        "In the corner sits a colleague who always smiles, following breaking news on the "
        "screens.\n"
        "The newspaper works around the clock to bring events to its readers.\n"
    )
    report = _check(tmp_path, orig, trans)
    assert not [f for f in report["flags"] if f["kind"] == "partial_omission"]


def test_an_agency_credited_instead_of_the_paper_is_a_source_change(encoder: Encoder) -> None:
    # an eighth user's run: the English credits Petra where the Arabic is Jafra News's copy
    # of a statistics report, a major "name not in the original"; who is credited changed
    orig = [
        "جفرا نيوز - انخفض معدل البطالة في الربع الأول إلى 22.8% مقارنة بنفس الفترة من "
        "العام الماضي، وفق تقرير دائرة الإحصاءات العامة.",
        "وأوضح التقرير أن معدل البطالة للذكور بلغ 20.5% مقابل 31.5% للإناث.",
    ]
    trans = [
        "AMMAN — Jordan's unemployment rate fell in the first quarter to 22.8 percent, compared "
        "to the same quarter of last year, according to the Jordan News Agency, Petra.",
        "The report said the unemployment rate among men stood at 20.5 percent, compared to "
        "31.5 percent among women.",
    ]
    (f,) = [
        f for f in check_lines(orig, trans, encoder, lang="ar").flags if f.kind == "name_mismatch"
    ]
    assert (f.severity, f.subkind) == ("minor", "attribution") and "Petra" in f.detail
