"""The ``source`` cue (``lexicon_cues``, read by ``cue_rules.cue_flags``): a source
attribution added or dropped inside a linked pair.

No encoder: the rule reads word classes over each link's joined texts."""

from __future__ import annotations

import pytest
from conftest import flag_words, one_sided_cue_flags

from align.types import INSERTION, PARTIAL_OMISSION, Flag, Span


@pytest.mark.parametrize(
    ("orig", "ol", "trans", "frame"),
    [
        (
            "استقبل الوزير اليوم وفدا من البرلمان.",
            "ar",
            "The minister received a parliamentary delegation, according to a statement from "
            "his office.",
            "according to a statement from his office",
        ),
        (
            "Стороны обсудили торговлю.",
            "ru",
            "The two sides discussed trade, the statement added.",
            "the statement added",
        ),
        (
            "بحث الجانبان التعاون الاقتصادي.",
            "ar",
            "The two sides discussed economic cooperation, state news agency Wam reported.",
            "state news agency Wam reported",
        ),
    ],
)
def test_an_added_source_is_an_insertion_on_itsflag_words(
    orig: str, ol: str, trans: str, frame: str
) -> None:
    (f,) = one_sided_cue_flags(orig, ol, trans)
    assert (f.kind, f.subkind, f.severity) == (INSERTION, "attribution", "minor")
    assert flag_words(f, orig, trans) == [frame]


@pytest.mark.parametrize(
    ("orig", "ol", "trans", "frame"),
    [
        (
            "ووفق ما ذكرت وكالة الأنباء الرسمية، فقد بحث الجانبان التعاون.",
            "ar",
            "The two sides discussed cooperation.",
            "ووفق ما ذكرت وكالة الأنباء الرسمية",  # the whole first word, proclitic included
        ),
        (
            "Как отмечает РИА Новости, министр напомнил о переговорах.",
            "ru",
            "The minister went back to the negotiations.",
            "как отмечает РИА Новости",
        ),
        # "по его словам" (according to him) is the commonest frame of Russian news
        (
            "По его словам, переговоры прошли успешно.",
            "ru",
            "The talks went well.",
            "По его словам",
        ),
    ],
)
def test_a_dropped_source_is_a_partial_omission_on_itsflag_words(
    orig: str, ol: str, trans: str, frame: str
) -> None:
    (f,) = one_sided_cue_flags(orig, ol, trans)
    assert (f.kind, f.subkind, f.severity) == (PARTIAL_OMISSION, "attribution", "minor")
    assert [w.lower() for w in flag_words(f, orig, trans)] == [frame.lower()]


@pytest.mark.parametrize(
    ("orig", "ol", "trans"),
    [
        # the other side renders the source in some way: nothing to say
        (
            "وقال البيان إن الجانبين بحثا التعاون.",
            "ar",
            "The two sides discussed cooperation, according to the statement.",
        ),
        (
            "По словам министра, переговоры прошли успешно.",
            "ru",
            "The minister said the talks went well.",
        ),
        (
            "Министр заявил, что переговоры прошли успешно.",
            "ru",
            "The talks went well, according to the minister's office.",
        ),
        # a reporting verb may carry the source: "recalled" is not evidence of a cut (a
        # named agency is: "Как отмечает РИА Новости" is test_cue_qualifiers' agency case)
        (
            "Как отмечает пресс-служба, министр напомнил о переговорах.",
            "ru",
            "The minister recalled the negotiations.",
        ),
        # "according to" with no source noun is not a frame
        (
            "Проблемы решат в соответствии с конституцией.",
            "ru",
            "The problems will be solved according to the constitution.",
        ),
        ("الجانبان بحثا التعاون.", "ar", "The two sides discussed cooperation as planned."),
        # bench/flags.py half 0, faithful NTREX/WMT22 pairs: a pronoun inside "по ... словам",
        # and "по данным на <date>", which is "as of" a date, not a source
        (
            "По ее словам, эта встреча показала единство стран.",
            "ru",
            "According to her statement, this meeting showed the unity of the countries.",
        ),
        (
            "По данным на 11 декабря 2021 года, привито 181 037 человек.",
            "ru",
            "As of December 11, 2021, 181,037 people were vaccinated.",
        ),
    ],
)
def test_no_flag_when_echoed_or_not_a_source(orig: str, ol: str, trans: str) -> None:
    assert one_sided_cue_flags(orig, ol, trans) == []


def test_an_existing_flag_on_the_same_words_is_not_repeated() -> None:
    orig, trans = "Стороны обсудили торговлю.", "The sides discussed trade, the statement added."
    (f,) = one_sided_cue_flags(orig, "ru", trans)
    assert one_sided_cue_flags(orig, "ru", trans, existing=[f]) == []
    other = Flag(
        INSERTION, "minor", (0,), (0,), "x", {}, "content", (Span("translation", 0, 0, 3),)
    )
    assert len(one_sided_cue_flags(orig, "ru", trans, existing=[other])) == 1


def test_unknown_language_and_bad_input_do_not_crash() -> None:
    assert (
        one_sided_cue_flags("Die Seiten sprachen.", "de", "The sides spoke, the statement added.")
        == []
    )
    for text in ("", "...", "123", "according to " * 500, "(according to the agency"):
        for f in one_sided_cue_flags(text, "en", "x") + one_sided_cue_flags("x", "ar", text):
            assert all(0 <= s.start < s.end for s in f.spans)


def test_a_frame_dropped_beside_the_sentences_own_speech_verb_is_found() -> None:
    """The translation's "said" renders "рассказывает", not the frame: one who-said-it
    expression short (``cue_rules._frame_uncounted``)."""
    orig = "«Люди хотят заботы», по данным следствия, — рассказывает Холли Снайдер."
    trans = '"People want care," said Holly Snyder.'
    (f,) = one_sided_cue_flags(orig, "ru", trans)
    assert (f.kind, f.subkind, f.severity) == (PARTIAL_OMISSION, "attribution", "minor")
    assert flag_words(f, orig, trans) == ["по данным следствия"]


@pytest.mark.parametrize(
    ("orig", "ol", "trans"),
    [
        (
            "По данным следствия, он сказал, что деньги пропали.",
            "ru",
            "He said the money had gone missing, according to investigators.",
        ),
        (
            "Как сообщил ТАСС, министр заявил, что переговоры прошли успешно.",
            "ru",
            "The minister said the talks went well, TASS reported.",
        ),
        (
            "وقال الوزير بحسب بيان الوزارة إن المحادثات كانت ناجحة.",
            "ar",
            "The talks were successful, the minister said, according to a ministry statement.",
        ),
    ],
)
def test_every_who_said_it_rendered_is_no_flag(orig: str, ol: str, trans: str) -> None:
    assert one_sided_cue_flags(orig, ol, trans) == []


def _pairs(orig: str, trans: str, *words: tuple[str, str]) -> tuple[tuple[int, int], ...]:
    """Word-index pairs of a one-link pair, named by the words' texts."""
    from align.sentalign.words import side_words

    ow, _ = side_words([orig], (0,))
    tw, _ = side_words([trans], (0,))
    index = [w.text for w in ow], [w.text for w in tw]
    return tuple((index[0].index(o), index[1].index(t)) for o, t in words)


@pytest.mark.parametrize(
    ("orig", "ol", "trans", "claimed", "frame"),
    [
        (  # "data" renders the sentence's "данные", not the frame
            "Предварительные данные говорят о снижении эффективности вакцины, по словам очевидцев.",
            "ru",
            "Preliminary data point to a reduced effectiveness of the vaccine.",
            ("данные", "data"),
            "по словам очевидцев",
        ),
        (  # "told" renders the sentence's "أخبر"
            "أخبر الوزير الأمم المتحدة أن العقوبات تزيد عدم الثقة، بحسب مصادر أمنية.",
            "ar",
            "The minister told the United Nations that sanctions deepen mistrust.",
            ("أخبر", "told"),
            "بحسب مصادر أمنية",
        ),
    ],
)
def test_an_echo_that_renders_another_word_does_not_hide_a_dropped_frame(
    orig: str, ol: str, trans: str, claimed: tuple[str, str], frame: str
) -> None:
    (f,) = one_sided_cue_flags(orig, ol, trans, pairs=_pairs(orig, trans, claimed))
    assert (f.kind, f.subkind, f.severity) == (PARTIAL_OMISSION, "attribution", "minor")
    assert flag_words(f, orig, trans) == [frame]
    # the same echo with no partner may be the frame's rendering: no flag
    assert one_sided_cue_flags(orig, ol, trans) == []


def test_an_echo_paired_inside_the_frame_renders_it() -> None:
    orig = "По словам очевидцев, данные неполные."
    trans = "Witnesses say the data are incomplete."
    pairs = _pairs(orig, trans, ("очевидцев", "Witnesses"), ("словам", "say"), ("данные", "data"))
    assert one_sided_cue_flags(orig, "ru", trans, pairs=pairs) == []


def test_witnesses_are_a_source() -> None:
    """A dropped "according to eyewitnesses" beside the sentence's own "said" (one
    who-said-it expression short)."""
    orig = "وقال المدرب إن الفريق في صدمة، وفقا لشهود عيان."
    trans = "The coach said the team is in shock."
    (f,) = one_sided_cue_flags(orig, "ar", trans)
    assert (f.kind, f.subkind) == (PARTIAL_OMISSION, "attribution")
    assert flag_words(f, orig, trans) == ["وفقا لشهود عيان"]
    faithful = "The coach said the team is in shock, according to eyewitnesses."
    assert one_sided_cue_flags(orig, "ar", faithful) == []


@pytest.mark.parametrize(
    ("orig", "frame"),
    [
        # the tanween on the qaf, as most news text writes it (the lists write "وفقاً")
        ("ارتفع عدد القتلى إلى خمسة، وفقًا لمصادر أمنية.", "وفقًا لمصادر أمنية"),
        # a verb of saying and any source: "as the company announced"
        (
            "سيتوقف الإنتاج في المصنع، وفقًا لما أعلنته الشركة، خلال أسبوع.",
            "وفقًا لما أعلنته الشركة",
        ),
        ("ارتفع عدد الجرحى إلى عشرة، حسبما أعلنت وزارة الداخلية.", "حسبما أعلنت وزارة الداخلية"),
    ],
)
def test_arabic_frames_as_news_text_spells_them(orig: str, frame: str) -> None:
    trans = "The figure rose." if "خمسة" in orig or "عشرة" in orig else "Production will stop."
    (f,) = one_sided_cue_flags(orig, "ar", trans)
    assert (f.kind, f.subkind) == (PARTIAL_OMISSION, "attribution")
    assert flag_words(f, orig, trans) == [frame]
    faithful = trans[:-1] + ", according to what the ministry announced."
    assert one_sided_cue_flags(orig, "ar", faithful) == []
