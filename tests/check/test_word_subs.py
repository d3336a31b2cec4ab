"""Words changed inside a linked sentence (``align.check.word_subs``): hand-made ar-en and
ru-en pairs, each edited one next to its faithful rendering, which must stay unflagged."""

from __future__ import annotations

import pytest

from align.check.context import FlagContext, FlagOptions
from align.check.word_subs import class_hits, sub_flags
from align.embed.encoder import Encoder
from align.synthetic.generate import document_from_lines
from align.types import MEANING_CHANGE, Alignment, Flag, Link, Signature, Span


def _subs(
    encoder: Encoder, orig: str, ol: str, trans: str, earlier: list[Flag] | None = None
) -> list[Flag]:
    lk = Link((0,), (0,), 1.0)
    al = Alignment(
        document_from_lines([orig], ol),
        document_from_lines([trans], "en"),
        (lk,),
        Signature("test", "usem3"),
    )
    ctx = FlagContext(al, FlagOptions(), encoder, [0.8], 1.0, {}, [lk])
    return sub_flags(ctx, [(lk, orig, trans)], earlier or [])


def _words(f: Flag, orig: str, trans: str) -> list[tuple[str, str]]:
    return [(s.side, (orig if s.side == "original" else trans)[s.start : s.end]) for s in f.spans]


EDITED = [
    # a king made a president
    (
        "وبعث سمو أمير البلاد برقية تهنئة إلى جلالة الملك توبو السادس ملك مملكة تونغا.",
        "ar",
        "The Amir sent a cable of congratulations to the President of Tonga Tupou VI.",
        "title",
        ("original", "translation"),
        "President",
    ),
    # one weekday made another
    (
        "وأجرى وزير الخارجية يوم الثلاثاء اتصالا هاتفيا مع نظيره الأردني.",
        "ar",
        "The foreign minister held a phone call on Thursday with his Jordanian counterpart.",
        "time",
        ("original", "translation"),
        "Thursday",
    ),
    # "strenuous" efforts made efforts
    (
        "وثمن رئيس الحكومة الجهود الحثيثة التي تبذلها البعثة الأممية في العراق.",
        "ar",
        "The prime minister praised the efforts made by the UN mission in Iraq.",
        "intensity",
        ("original",),
        "الحثيثة",
    ),
    # "said" made "stressed"
    (
        "Министр сказал журналистам, что переговоры с Вашингтоном будут продолжены.",
        "ru",
        "The minister stressed to reporters that the talks with Washington would continue.",
        "attribution",
        ("original", "translation"),
        "stressed",
    ),
    # "many" made "dozens"
    (
        "Многие жители города пострадали во время наводнения.",
        "ru",
        "Dozens of residents of the city were injured during the flood.",
        "quantity",
        ("original", "translation"),
        "Dozens",
    ),
    # "some" made "most": the proportion changes (written for this test)
    (
        "Некоторые участники протеста держали в руках плакаты против вакцинации.",
        "ru",
        "Most participants of the protest were holding signs against vaccination.",
        "quantity",
        ("original", "translation"),
        "Most",
    ),
    # "most" made "many"
    (
        "وقال إن معظم الضحايا كانوا من الطلاب الذين حضروا الحفل.",
        "ar",
        "He said many of the victims were students who attended the ceremony.",
        "quantity",
        ("original", "translation"),
        "many",
    ),
    # "unwavering support" made "support"
    (
        "Министр подтвердил непоколебимую поддержку Сирии со стороны России.",
        "ru",
        "The minister confirmed Russia's support for Syria.",
        "intensity",
        ("original",),
        "непоколебимую",
    ),
]

FAITHFUL = [
    # a weekday on one side only is no evidence (``ONE_SIDED_DAYS``), nor a newspaper's name
    (
        "Захарова заявила об этом в четверг на брифинге в Москве.",
        "ru",
        "Zakharova said this at a briefing in Moscow.",
    ),
    (
        "وقالت ماي في مقابلة مع صحيفة صنداي تايمز إن الخطة ستنجح.",
        "ar",
        "May said in an interview with the Sunday Times that the plan would work.",
    ),
    (
        "Многие жители города пострадали во время наводнения.",
        "ru",
        "Many residents of the city were injured during the flood.",
    ),
    # a superlative is not a proportion
    (
        "Многие называют его одним из самых смелых людей страны.",
        "ru",
        "Many call him one of the most courageous people in the country.",
    ),
    (
        "Некоторые участники протеста держали в руках плакаты против вакцинации.",
        "ru",
        "Some participants of the protest were holding signs against vaccination.",
    ),
    (
        "وأصيب عدد من المدنيين في القصف.",
        "ar",
        "Several civilians were wounded in the shelling.",
    ),
    (
        "وبعث سمو أمير البلاد برقية تهنئة إلى جلالة الملك توبو السادس ملك مملكة تونغا.",
        "ar",
        "The Amir sent a cable of congratulations to His Majesty King Tupou VI of Tonga.",
    ),
    (
        "وبعث سمو أمير البلاد برقية إلى فخامة الرئيس محمود عباس.",
        "ar",
        "The Amir sent a cable to President Mahmoud Abbas.",
    ),
    (
        "وأجرى وزير الخارجية اليوم اتصالا هاتفيا مع نظيره الأردني.",
        "ar",
        "The foreign minister held a phone call with his Jordanian counterpart on Monday.",
    ),
    (
        "وثمن رئيس الحكومة الجهود الحثيثة التي تبذلها البعثة الأممية في العراق.",
        "ar",
        "The prime minister praised the tireless efforts made by the UN mission in Iraq.",
    ),
    (
        "وأكد الوزير دعم بلاده الكامل للحكومة العراقية.",
        "ar",
        "The minister reaffirmed his country's full support for the Iraqi government.",
    ),
    (
        "Министр сказал журналистам, что переговоры с Вашингтоном будут продолжены.",
        "ru",
        "The minister told reporters that the talks with Washington would continue.",
    ),
    (
        "Захарова заявила об этом в четверг на брифинге в Москве.",
        "ru",
        "Zakharova said this at a briefing in Moscow on Thursday.",
    ),
    (
        "Министр прекрасно понимает эти эмоции, сказал Лавров.",
        "ru",
        "The minister understands these emotions perfectly well, Lavrov said.",
    ),
    (
        "Президент подчеркнул, что Россия готова к диалогу.",
        "ru",
        "The president emphasized that Russia is ready for dialogue.",
    ),
]


@pytest.mark.parametrize(("orig", "ol", "trans", "sub", "sides", "word"), EDITED)
def test_a_changed_word_is_a_minor_meaning_change_on_its_words(
    encoder: Encoder, orig: str, ol: str, trans: str, sub: str, sides: tuple[str, ...], word: str
) -> None:
    (f,) = _subs(encoder, orig, ol, trans)
    assert (f.kind, f.subkind, f.severity) == (MEANING_CHANGE, sub, "minor")
    words = _words(f, orig, trans)
    assert any(w == word for _, w in words), words
    assert {s for s, _ in words} >= set(sides)
    assert word in f.detail


@pytest.mark.parametrize(("orig", "ol", "trans"), FAITHFUL)
def test_a_faithful_rendering_is_not_flagged(
    encoder: Encoder, orig: str, ol: str, trans: str
) -> None:
    assert _subs(encoder, orig, ol, trans) == []


def test_a_change_an_earlier_flag_spans_is_not_repeated(encoder: Encoder) -> None:
    orig, ol, trans, *_ = EDITED[4]
    a = orig.index("Многие")
    earlier = Flag(
        "partial_omission", "minor", (0,), (0,), "dropped", {}, "time",
        (Span("original", 0, a, a + len("Многие")),),
    )  # fmt: skip
    assert _subs(encoder, orig, ol, trans, [earlier]) == []


def test_classes_and_values_per_language() -> None:
    hits = class_hits("Президент подчеркнул во вторник", "ru")
    assert [(h.cls, h.value) for h in hits] == [
        ("title", "president"),
        ("report", "emphatic"),
        ("time", "tuesday"),
    ]
    # Arabic الاثنين is "the two" unless a word for day or time precedes it
    assert [h.value for h in class_hits("اجتمع الاثنين يوم الاثنين", "ar")] == ["monday"]
    assert [h.value for h in class_hits("رئيس الوزراء ورئيس الدولة", "ar")] == [
        "prime_minister",
        "president",
    ]


def test_other_language_pairs_are_left_alone(encoder: Encoder) -> None:
    lk = Link((0,), (0,), 1.0)
    al = Alignment(
        document_from_lines(["Le président a dit lundi."], "fr"),
        document_from_lines(["The king stressed it."], "en"),
        (lk,),
        Signature("test", "usem3"),
    )
    ctx = FlagContext(al, FlagOptions(), encoder, [0.8], 1.0, {}, [lk])
    assert sub_flags(ctx, [(lk, al.original.texts[0], al.translation.texts[0])], []) == []
