"""The real-edit cue rules of ``align.check.meaning`` (issue #14, the real dev set).

No encoder: each link gets a word correspondence with no matched pair, so only the
word lists decide (the cue rules do not read the share of matched words)."""

from __future__ import annotations

import pytest
from conftest import link_view

from align.check.lexicon import concept_hits, echo_hits, role_hits
from align.check.meaning import meaning_flags
from align.check.place_names import city_named
from align.types import Flag


def _flags(
    orig: str, ol: str, trans: str, tl: str = "en", subkind: str | None = None
) -> list[Flag]:
    """The word-list flags of a one-link pair (those of ``subkind`` only, when given)."""
    view = link_view(orig, ol, trans, tl)
    return [f for f in meaning_flags(view, [], []) if subkind in (None, f.subkind)]


def _words(f: Flag, side: str, orig: str, trans: str) -> list[str]:
    text = orig if side == "original" else trans
    return [text[s.start : s.end] for s in f.spans if s.side == side]


def _one(flags: list[Flag]) -> Flag:
    assert len(flags) == 1, [f.detail for f in flags]
    return flags[0]


def test_plan_stated_as_fact_points_at_both_sides() -> None:
    o = "Захарова отметила, что конференция соберет журналистов, ее планируется провести онлайн."
    t = "Zakharova said it will attract journalists and will be conducted online."
    f = _one(_flags(o, "ru", t))
    assert (f.kind, f.subkind, f.severity) == ("meaning_change", "status", "minor")
    assert _words(f, "original", o, t) == ["планируется"]
    assert _words(f, "translation", o, t) == ["will"]
    assert f.spans[-1].start == t.rindex("will")  # the nearer of the two
    assert _flags(o, "ru", "Zakharova said it is planned to be held online.") == []
    assert _flags(o, "ru", "Zakharova said it is to be held online.") == []


def test_amount_made_variety_and_day_swapped() -> None:
    o = "Пресс-конференция соберет огромное количество журналистов."
    t = "The press conference will attract a wide array of journalists."
    f = _one(_flags(o, "ru", t))
    assert (f.kind, f.subkind) == ("meaning_change", "hedge")
    assert _words(f, "translation", o, t) == ["a wide array of"]
    assert _flags(o, "ru", "The conference will attract a huge number of journalists.") == []
    o = "استقبل سمو الأمير صباح اليوم الأمين العام."
    t = "His Highness the Amir received yesterday the Secretary General."
    f = _one(_flags(o, "ar", t))
    assert (f.kind, f.subkind) == ("meaning_change", "time")
    assert _words(f, "original", o, t) == ["صباح اليوم"]
    assert _words(f, "translation", o, t) == ["yesterday"]
    assert _flags(o, "ar", "His Highness the Amir received on Tuesday the Secretary General.") == []


def test_venue_and_period_part_dropped() -> None:
    o = "Об этом заявила на брифинге официальный представитель МИД."
    f = _one(_flags(o, "ru", "This was stated by the ministry's spokeswoman."))
    assert (f.kind, f.subkind) == ("partial_omission", "attribution")
    assert _words(f, "original", o, "") == ["на брифинге"]
    assert _flags(o, "ru", "The spokeswoman said this at a briefing.") == []
    o = "تستضيف الإمارات المؤتمر نهاية هذا العام."
    f = _one(_flags(o, "ar", "The UAE hosts the conference this year."))
    assert (f.kind, f.subkind) == ("partial_omission", "time")
    assert _flags(o, "ar", "The UAE hosts the conference at the end of this year.") == []
    assert (
        _flags(
            "В начале этого месяца лидеры встретились.", "ru", "Earlier this month the leaders met."
        )
        == []
    )


def test_evaluative_word_added() -> None:
    o = "Лавров подведет итоги деятельности российской дипломатии."
    t = "Lavrov will review Russia's diplomatic achievements."
    f = _one(_flags(o, "ru", t))
    assert (f.kind, f.subkind, f.severity) == ("insertion", "framing", "minor")
    assert _words(f, "translation", o, t) == ["achievements"]
    assert _flags("Лавров рассказал о достижениях дипломатии.", "ru", t) == []


def test_city_for_its_country_but_not_a_dateline() -> None:
    o = "القمة المزمع عقدها في المملكة العربية السعودية الشقيقة في يناير."
    t = "The summit, which is planned for January, is due in Riyadh."
    f = _one(_flags(o, "ar", t))
    assert (f.kind, f.subkind, f.severity) == ("name_mismatch", "place", "minor")
    assert _words(f, "translation", o, t) == ["Riyadh"]
    assert _flags(o, "ar", "RIYADH, Jan 1 (WAM) -- The summit is planned in Saudi Arabia.") == []
    # the United Kingdom is not the Kingdom; a name glued to the next word is still named
    o = "في الحفل في لندنفي أبريل بدعم من حكومة المملكة المتحدة"
    assert _flags(o, "ar", "With support from the UK, at a concert in London") == []
    assert _flags("في المملكة المتحدة", "ar", "in the UK, not in Riyadh") == []
    assert city_named("city:london", "خلال الحفل في لندنفي أبريل", "ar")


@pytest.mark.parametrize(
    ("text", "lang", "concept"),
    [
        ("والمزمع عقدها", "ar", "planned"),
        ("запланирована итоговая пресс-конференция", "ru", "planned"),
        ("بقصر السيف صباح اليوم", "ar", "today"),
        ("в третьей декаде января", "ru", "period_part"),
        ("في مؤتمر صحفي مشترك", "ar", "venue"),
    ],
)
def test_triggers(text: str, lang: str, concept: str) -> None:
    assert concept in concept_hits(text, lang)
    assert echo_hits(concept, text, lang)


def test_national_day_is_not_today() -> None:
    assert "today" not in concept_hits("احتفالات اليوم الوطني", "ar")


@pytest.mark.parametrize(
    ("text", "lang", "role"),
    [
        ("in a call with Canada Prime Minister Justin Trudeau", "en", "government"),
        ("the Foreign Minister said", "en", "ministry"),
        ("премьер-министр Канады Джастин Трюдо", "ru", "government"),
        ("министр иностранных дел", "ru", "ministry"),
        ("مع رئيس الوزراء الكندي جاستن ترودو", "ar", "government"),
        ("وزير الخارجية", "ar", "ministry"),
    ],
)
def test_a_prime_minister_heads_the_government_not_a_ministry(
    text: str, lang: str, role: str
) -> None:
    """ "رئيس الوزراء" rendered "Prime Minister" once read as a changed role (a false major
    on a faithful control of the real dev set's test2 split)."""
    assert set(role_hits(text, lang)) == {role}


def test_an_unspecified_count_dropped_is_a_partial_omission() -> None:
    o = "واستقبل رئيس الحكومة عدداً من السفراء والقناصل."
    t = "The prime minister received ambassadors and consuls."
    f = _one(_flags(o, "ar", t, subkind="hedge"))
    assert f.kind == "partial_omission" and _words(f, "original", o, t) == ["عدداً من"]
    # rendered: nothing to say
    assert not _flags(o, "ar", "He received a number of ambassadors.", subkind="hedge")
    ru, en = "В ряде стран прошли акции.", "Rallies were held in several countries."
    assert not _flags(ru, "ru", en, subkind="hedge")
    # "рядом" (next to) and "в ряду" (in a row) are no count
    assert "count" not in concept_hits("Он сел рядом, в первом ряду.", "ru")


def test_a_vague_recent_time_made_specific_is_flagged_on_the_original() -> None:
    o = "وتعرضت المنطقة لسيول خلال الأيام الماضية."
    t = "The area was hit by floods last week."
    f = _one(_flags(o, "ar", t, subkind="time"))
    assert f.kind == "partial_omission" and _words(f, "original", o, t) == ["خلال الأيام الماضية"]
    assert not _flags(o, "ar", "Floods hit the area in recent days.", subkind="time")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Most residents left the city.", True),
        ("The majority of residents left.", True),
        ("one of the most courageous people", False),  # a superlative
        ("at most 40 people", False),  # a cap
    ],
)
def test_most_is_a_proportion_not_a_superlative(text: str, found: bool) -> None:
    # the same reading as ``lexicon_subs.QUANTITY``'s "most", so the gate and the
    # meaning rules do not count a superlative as a hedge either
    assert ("most" in concept_hits(text, "en")) is found


@pytest.mark.parametrize(
    ("orig", "trans", "kept"),
    [
        # a speech verb rendered by another: "утверждая" (claiming) / "when he said"
        (
            "Когда прокуроры спросили, говорит ли Теллис правду, утверждая, что находился в "
            "грузовике, Сэнфорд сказал, что это ложь.",
            "When prosecutors asked if Tellis was telling the truth when he said he was in the "
            "truck, Sanford said he was lying.",
            True,
        ),
        # a frame dropped beside the sentence's own speech verb: one speaker fewer
        (
            "По данным следствия, он скрылся, сказал источник.",
            "He fled, a source said.",
            False,
        ),
        # the only attribution gone
        ("Министр, утверждая, что все готово, ушел.", "The minister left, all is ready.", False),
    ],
)
def test_an_attribution_is_kept_when_the_translation_says_who_speaks_as_often(
    orig: str, trans: str, kept: bool
) -> None:
    from align.check.meaning import _speakers_kept

    view = link_view(orig, "ru", trans)
    (a, b) = concept_hits(orig, "ru")["according"][-1]
    assert _speakers_kept(view, a, b) is kept
