"""A dateline opening a linked sentence near the top of one side, where its counterpart
opens with none, is page furniture (``boilerplate``, info) spanning the dateline (issue
#14: "bylines, datelines and outlet names at either end of an article")."""

from __future__ import annotations

import pytest

from align.check.furniture import dateline_at, datelines, furniture, furniture_end, in_dateline
from align.synthetic.generate import document_from_lines
from align.types import BOILERPLATE, OMISSION, Alignment, Flag, Link, Signature

BODY_AR = "تلقى رئيس الدولة اتصالا هاتفيا من رئيس الوزراء البريطاني بحثا خلاله العلاقات."
BODY_EN = "The President received a phone call from the British Prime Minister on relations."


def _al(orig: list[str], trans: list[str], ol: str = "ar") -> Alignment:
    links = tuple(Link((k,), (k,), 0.9) for k in range(min(len(orig), len(trans))))
    return Alignment(
        document_from_lines(orig, ol),
        document_from_lines(trans, "en"),
        links,
        Signature("test", "none"),
    )


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("Abu Dhabi: President Sheikh Mohamed received a call.", "Abu Dhabi: "),
        ("KUWAIT: His Highness the Amir received a cable.", "KUWAIT: "),
        ("ابوظبي - سيف اليزيد - تلقى رئيس الدولة اتصالا.", "ابوظبي - سيف اليزيد - "),
        ("AMMAN - His Majesty King Abdullah called.", "AMMAN - "),
        ("MOSCOW, August 26 – The ministry said.", "MOSCOW, August 26 – "),
        ("Москва, 5 октября — Президент заявил.", "Москва, 5 октября — "),
        # the Arabic comma; a month by both its Levantine and its Egyptian name
        (
            "نيويورك، 13 تشرين الثاني/ نوفمبر 2020 — سينضم الأطفال.",
            "نيويورك، 13 تشرين الثاني/ نوفمبر 2020 — ",
        ),
        # the wire formats of the agencies (a credit in brackets before a dash, or between
        # slashes)
        ("KUWAIT, March 5 (KUNA) -- The Amir received a cable.", "KUWAIT, March 5 (KUNA) -- "),
        (
            "Abu Dhabi, 12th March, 2024 (WAM) -- The President met.",
            "Abu Dhabi, 12th March, 2024 (WAM) -- ",
        ),
        ("MOSCOW, March 5. /TASS/. The minister said.", "MOSCOW, March 5. /TASS/. "),
        ("МОСКВА, 5 марта. /ТАСС/. Министр заявил.", "МОСКВА, 5 марта. /ТАСС/. "),
        ("Erbil (Kurdistan24) – The Prime Minister met.", "Erbil (Kurdistan24) – "),
        ("RIYADH, Feb 25, 2024, SPA -- The Crown Prince called.", "RIYADH, Feb 25, 2024, SPA -- "),
        ("أبوظبي في 12 مارس / وام / استقبل رئيس الدولة.", "أبوظبي في 12 مارس / وام / "),
        ("الكويت - 5 - 3 (كونا) -- استقبل سمو الأمير.", "الكويت - 5 - 3 (كونا) -- "),
        ("عمان 5 آذار (بترا)- تلقى جلالة الملك اتصالا.", "عمان 5 آذار (بترا)- "),
        ("أربيل (كوردستان 24)- استقبل رئيس الحكومة.", "أربيل (كوردستان 24)- "),
        ("الدوحة في 05 مارس /قنا/ تلقى سمو الأمير.", "الدوحة في 05 مارس /قنا/ "),
        ("ASTANA. KAZINFORM – President Tokayev received the ambassadors.", "ASTANA. KAZINFORM – "),
        ("АСТАНА. КАЗИНФОРМ - Президент принял послов.", "АСТАНА. КАЗИНФОРМ - "),
        ("MINSK, February 4. /TASS/. Lukashenko plans to meet.", "MINSK, February 4. /TASS/. "),
        ("Baku. 1 June. REPORT.AZ/ President Aliyev received them.", "Baku. 1 June. REPORT.AZ/ "),
    ],
)
def test_datelines_are_found(text: str, dateline: str) -> None:
    m = dateline_at(text)
    assert m is not None and m.group() == dateline


@pytest.mark.parametrize(
    "text",
    [
        "The minister - who was tired - said so.",  # prose with dashes
        "В основе - блок TFK (256 пружин на квадратный метр).",  # a copula dash
        "Livingston 1 - 0 Rangers: Menga goal downs Gerrard's men",  # a score
        "Путин: Россия не будет вмешиваться.",  # a headline's speaker
        "он сказал, 5 октября — что всё в порядке.",
        "Sheikh Mohamed (pictured) - who met him - said the talks went well.",
        "In 2020 (pandemic year) - growth fell sharply.",  # a bracket, not an agency's name
        "Президент России (на фото) — о переговорах.",
        "الوزارة (الخارجية) قالت إن المحادثات جرت بشكل جيد.",  # no dash after the bracket
        "ليفينغستون- رينجرز 1 - 0: مينجا يفوز",  # a match, no space before the dash
        "He said the 50/50 split was fair.",
        "",
        "- - -",
        "USA. The president - who spoke - said so.",  # a capital before prose, not an agency
        "NATO. It was a long day – he said.",
    ],
)
def test_prose_is_no_dateline(text: str) -> None:
    assert dateline_at(text) is None


def test_an_added_dateline_is_boilerplate_spanning_it() -> None:
    al = _al([BODY_AR], ["Abu Dhabi: " + BODY_EN])
    (f,) = datelines(al)
    assert (f.kind, f.severity, f.original, f.translation) == (BOILERPLATE, "info", (0,), (0,))
    (s,) = f.spans
    assert (s.side, al.translation.texts[0][s.start : s.end]) == ("translation", "Abu Dhabi:")
    assert furniture([], al) == [f]


def test_a_dropped_dateline_spans_the_original() -> None:
    al = _al(["ابوظبي - سيف اليزيد - " + BODY_AR], [BODY_EN])
    (f,) = datelines(al)
    (s,) = f.spans
    assert s.side == "original" and al.original.texts[0][s.start : s.end] == "ابوظبي - سيف اليزيد -"


def test_no_note_when_the_other_side_has_its_dateline_after_a_headline_in_the_link() -> None:
    """The translation's headline and its dateline sentence linked to the original's first
    sentence: both hold a dateline (it was "the translation drops the dateline")."""
    orig = document_from_lines(["أبوظبي - " + BODY_AR], "ar")
    trans = document_from_lines(["Barzani stresses dialogue", "ABU DHABI - " + BODY_EN], "en")
    al = Alignment(orig, trans, (Link((0,), (0, 1), 0.8),), Signature("test", "none"))
    assert datelines(al) == []


def test_no_note_when_the_other_side_has_a_wire_line_with_a_reporter_in_the_link() -> None:
    """BelTA's own line "26 июня, Солигорск /Владимир Матвеев - БЕЛТА/." merged with the
    lead: the English "SOLIGORSK, 26 June (BelTA) –" renders it (a seventh user's
    faithful wire read "the translation adds the dateline")."""
    orig = document_from_lines(
        [
            "26 июня, Солигорск /Владимир Матвеев - БЕЛТА/.",
            "Развитие области определяет развитие страны.",
        ],
        "ru",
    )
    en = "SOLIGORSK, 26 June (BelTA) – The development of the region determines the country's."
    trans = document_from_lines([en], "en")
    al = Alignment(orig, trans, (Link((0, 1), (0,), 0.8),), Signature("test", "none"))
    assert datelines(al) == []


def test_no_note_when_both_open_with_a_dateline_or_it_is_low_or_short() -> None:
    assert datelines(_al(["أبوظبي - " + BODY_AR], ["ABU DHABI - " + BODY_EN])) == []
    lower = [BODY_AR] * 4
    assert datelines(_al(lower, [BODY_EN] * 3 + ["Abu Dhabi: " + BODY_EN])) == []
    assert datelines(_al([BODY_AR], ["Abu Dhabi: talks held."])) == []  # a headline


@pytest.mark.parametrize(
    "line",
    [
        "واشنطن في 5 مارس / وام /",
        "KUWAIT, March 5 (KUNA) --",
        "МОСКВА, 5 марта. /ТАСС/.",
        "شفق نيوز- أبو ظبي",  # an outlet and a place, no space before the dash
    ],
)
def test_a_wire_dateline_on_its_own_line_left_out_is_boilerplate(line: str) -> None:
    al = _al([line, BODY_AR], [BODY_EN])
    omitted = Flag(OMISSION, "minor", (0,), (), "Omitted: 1 sentence", {})
    (f,) = [x for x in furniture([omitted], al) if x.original == (0,)]
    assert (f.kind, f.severity) == (BOILERPLATE, "info")
    # a sentence that only opens with one is no page furniture
    body = Flag(OMISSION, "minor", (1,), (), "Omitted: 1 sentence", {})
    al2 = _al([BODY_AR, line + " " + BODY_AR], [BODY_EN])
    assert [x.kind for x in furniture([body], al2) if x.original == (1,)] == [OMISSION]


SIGN_OFFS = [
    "(النهاية) ح س م",  # KUNA's sign-off and its editors' initials
    "وام/أحمد/عاصم",
    "(END)",
    "--KUNA",
    "Reporting by Ahmed Hassan; Editing by Jane Smith",
    "Читайте также: Лавров заявил о переговорах",
    "Related:",
]
OPEN_LIKE_ONE = [
    "انتهى الاجتماع بالاتفاق على خطة عمل مشتركة.",  # "ended": a sentence, not a sign-off
    "Related parties met in Doha on Monday.",
    "Ending the war is the priority, he said.",
    "وامتد الاجتماع ساعتين.",
]


@pytest.mark.parametrize(
    ("line", "kind"),
    [(x, BOILERPLATE) for x in SIGN_OFFS] + [(x, OMISSION) for x in OPEN_LIKE_ONE],
)
def test_a_wire_sign_off_left_out_at_the_end_is_boilerplate_a_sentence_is_not(
    line: str, kind: str
) -> None:
    al = _al([BODY_AR, line], [BODY_EN])
    omitted = Flag(OMISSION, "minor", (1,), (), "Omitted: 1 sentence", {})
    assert [x.kind for x in furniture([omitted], al) if x.original == (1,)] == [kind]


def test_a_date_line_left_out_at_the_top_is_boilerplate() -> None:
    # "28.09.2023 413 Наш край" under a BelTA headline: the date, a view counter and the
    # section, which the reader reads as a date line (its kind) and no pattern above names
    import dataclasses

    al = _al(["28.09.2023 413 Наш край", BODY_AR], [BODY_EN])
    first = dataclasses.replace(al.original.sentences[0], kind="dateline")
    doc = dataclasses.replace(al.original, sentences=(first, *al.original.sentences[1:]))
    al = dataclasses.replace(al, original=doc)
    omitted = Flag(OMISSION, "minor", (0,), (), "Omitted: 1 sentence", {})
    (f,) = [x for x in furniture([omitted], al) if x.original == (0,)]
    assert (f.kind, f.severity) == (BOILERPLATE, "info")
    body = dataclasses.replace(first, kind="body")  # the same words read as a sentence
    al2 = dataclasses.replace(
        al, original=dataclasses.replace(doc, sentences=(body, *doc.sentences[1:]))
    )
    assert [x.kind for x in furniture([omitted], al2) if x.original == (0,)] == [OMISSION]


def test_a_credit_in_brackets_after_the_place_is_furniture() -> None:
    # an eighth user's UNHCR release: the aggregator's credit read as a translator's note,
    # then (its words no longer an insertion) "UrduPoint" as a name not in the original
    t = "GENEVA, (UrduPoint / Pakistan Point News / WAM - 19th Jun, 2020) UNHCR appealed."
    b = t.index(")") + 1
    assert furniture_end(t) == b and in_dateline(t, b) and in_dateline(t, b - 1)
    assert not in_dateline(t, b + 6)
    prose = "The law (adopted in 2020 / amended in 2021) says so."
    assert furniture_end(prose) == 0 and not in_dateline(prose, prose.index(")") + 1)


@pytest.mark.parametrize(
    "line",
    [
        "Фото: Пресс-служба президента",  # a photo credit between paragraphs
        "© م. ع. د",
        "يمكن تحميل محتوى الوسائط المتعددة من الموقع: http://uni.cf/2hgc3cM",  # a link line
    ],
)
def test_a_credit_or_link_line_left_out_mid_page_is_boilerplate(line: str) -> None:
    # the seventh and ninth user runs: "Omitted: a heading of the original" (minor)
    al = _al([BODY_AR, BODY_AR, line, BODY_AR, BODY_AR, BODY_AR], [BODY_EN] * 5)
    omitted = Flag(OMISSION, "minor", (2,), (), "Omitted: a heading of the original", {})
    (f,) = [x for x in furniture([omitted], al) if x.original == (2,)]
    assert (f.kind, f.severity) == (BOILERPLATE, "info")
    prose = Flag(OMISSION, "major", (2,), (), "Omitted: 1 sentence", {})
    al2 = _al([BODY_AR, BODY_AR, BODY_AR, BODY_AR, BODY_AR, BODY_AR], [BODY_EN] * 5)
    assert furniture([prose], al2)[0].kind == OMISSION
