"""Numeric facts across ar/ru/en: faithful renderings match, changed values do not."""

from __future__ import annotations

import pytest

from align.text.number_match import compare_numbers
from align.text.numbers import extract_numbers, format_value


def _changed(orig: str, lang: str, trans: str) -> bool:
    """What ``check`` reports as a changed figure: one each side lacks on the other."""
    return compare_numbers(orig, lang, trans, "en").changed


def values(text: str, lang: str, hard_only: bool = True) -> list[float]:
    return [f.value for f in extract_numbers(text, lang) if f.hard or not hard_only]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("It cost 1,500 dollars and 2.5 million euros", "en", [1500, 2_500_000]),
        ("Это стоило 1 500 рублей и 2,5 млн евро", "ru", [1500, 2_500_000]),
        ("بلغت ٢٫٥ مليون دولار و١٥٠٠ جنيه", "ar", [2_500_000, 1500]),
        ("2 million or 2,000,000", "en", [2_000_000, 2_000_000]),
        ("в 15:00 в среду", "ru", [15.0]),
        ("at 3 p.m. on Wednesday", "en", [15.0]),
        ("45 per cent in 2017", "en", [45, 2017]),
        # a model code glued to letters is no number; "13 180" is not 13,180
        ("Матрас Практик В13 180x220 см", "ru", [180, 220]),
    ],
)
def test_extracts_values(text: str, lang: str, expected: list[float]) -> None:
    assert values(text, lang) == expected


def test_number_words_are_soft() -> None:
    facts = extract_numbers("три дня и пятьдесят человек", "ru")
    assert [(f.value, f.hard) for f in facts] == [(3.0, False), (50.0, False)]
    assert [f.value for f in extract_numbers("ثلاثة أيام", "ar")] == [3.0]
    assert [f.value for f in extract_numbers("three days", "en")] == [3.0]


@pytest.mark.parametrize(
    ("orig", "ol", "trans"),
    [
        ("Бюджет составил 2,5 млн долларов.", "ru", "The budget was $2.5 million."),
        ("قتل ٢ مليون شخص", "ar", "2,000,000 people were killed"),
        ("Осадки от 2,5 до 10 см", "ru", "1 to 4 inches of rain"),
        ("свинья весом в 250 килограмм", "ru", "the 550 pound hog"),
        ("в 90-х годах", "ru", "in the 1990s"),
        ("на номер 111 555 0800", "ar", "on 0800 555 111"),
        ("более 20,4 млн зрителей", "ru", "more than the 20.4 million viewers"),
        ("Они провели три дня", "ru", "They spent 3 days"),
    ],
)
def test_faithful_renderings_match(orig: str, ol: str, trans: str) -> None:
    d = compare_numbers(orig, ol, trans, "en")
    assert not d.only_original and not d.only_translation and not d.qualifier_changes


def test_changed_number_is_reported_on_both_sides() -> None:
    d = compare_numbers("Более 200 человек погибли", "ru", "More than 2,000 people died", "en")
    assert [f.value for f in d.only_original] == [200]
    assert [f.value for f in d.only_translation] == [2000]


def test_years_must_match_exactly() -> None:
    d = compare_numbers("في عام 2017", "ar", "in 2018", "en")
    assert d.only_original and d.only_translation


def test_a_figure_glued_to_an_arabic_word_is_a_name() -> None:
    # "كوردستان24" is the outlet Kurdistan24 (left out in Latin); a clitic is no word
    assert extract_numbers("أربيل (كوردستان24)- استقبل رئيس الحكومة", "ar") == []
    assert [f.value for f in extract_numbers("و2020 بال3", "ar")] == [2020.0, 3.0]


def test_monday_is_no_number() -> None:
    # an eighth user's faithful Petra wire: "يوم الاثنين" read as a 2 against "2022"
    assert extract_numbers("أعلنت دائرة الإحصاءات العامة يوم الاثنين", "ar") == []
    assert [f.value for f in extract_numbers("اثنين من المسؤولين", "ar")] == [2.0]


def test_a_percentage_is_no_short_year() -> None:
    # "16" is 2016's shorthand only as a plain figure: 16 % made "2016" is a change
    d = compare_numbers("Рост составил 16 процентов.", "ru", "Growth was 2016.", "en")
    assert [f.value for f in d.only_original] == [16]
    assert [f.value for f in d.only_translation] == [2016]


def test_dropped_qualifier_is_reported_separately() -> None:
    d = compare_numbers("قتل أكثر من ٢٠٠ شخص", "ar", "200 people were killed", "en")
    assert not d.only_original and not d.only_translation
    assert d.qualifier_changes and d.qualifier_changes[0][0].qualifier == "more"


def test_months_are_recognised() -> None:
    months = [f.value for f in extract_numbers("15 марта и 1 мая", "ru") if f.kind == "month"]
    assert months == [3, 5]


def test_years_are_shown_without_thousands_separator() -> None:
    from align.text.numbers import NumberFact, format_value

    assert format_value(NumberFact(2011.0, "2011")) == "2011"
    assert format_value(NumberFact(2000.0, "2,000")) == "2,000"


def test_fahrenheit_without_unit_word_matches_celsius() -> None:
    d = compare_numbers("температура будет достигать 27 градусов", "ru", "widespread 80s", "en")
    assert not d.only_original and not d.only_translation


def test_both_sides_approximate_is_not_a_dropped_qualifier() -> None:
    for orig, ol in (("قتل حوالي 2000 شخص", "ar"), ("погибли около 2000 человек", "ru")):
        for trans in ("some 2,000 people died", "nearly 2,000 people died"):
            d = compare_numbers(orig, ol, trans, "en")
            assert not d.qualifier_changes and not d.only_original, (orig, trans)


def test_speeds_convert_between_kmh_and_mph() -> None:
    d = compare_numbers("ветер 137 км/ч", "ru", "winds of 85 miles per hour", "en")
    assert not d.only_original and not d.only_translation


@pytest.mark.parametrize(
    ("orig", "trans", "changed"),
    [
        # a legal reference written as a structure on one side, as parts on the other
        ("по части 3 статьи 159 УК", "under Article 159.3 of the Criminal Code", False),
        ("по части 3 статьи 159 УК", "under Article 158.3 of the Criminal Code", True),
        ("по части 4 статьи 159 УК", "under Article 159.3 of the Criminal Code", True),
        # a 24-hour time on a 12-hour clock is the same time; ten minutes off is not
        ("в 14:10", "at 2:10 PM", False),
        ("в 14:10", "at 2:20 PM", True),
        ("в 15:00", "at 3 p.m.", False),
        # a decimal matches a whole number only when it rounds to it
        ("рост на 2,47 млн", "up 2.5 million", False),
        ("инфляция 4,6%", "inflation of 5%", True),
    ],
)
def test_structures_and_clock_times(orig: str, trans: str, changed: bool) -> None:
    d = compare_numbers(orig, "ru", trans, "en")
    assert bool(d.only_original or d.only_translation) is changed


def test_clock_time_is_shown_as_a_time() -> None:
    from align.text.numbers import format_value

    d = compare_numbers("в 14:10", "ru", "at 2:20 PM", "en")
    assert [format_value(f) for f in d.only_original] == ["14:10"]
    assert [format_value(f) for f in d.only_translation] == ["14:20"]


@pytest.mark.parametrize(
    ("orig", "trans", "changed"),
    [
        # the translation may round the original, never add precision to it
        ("пострадали 2 470 000 человек", "2.5 million people were affected", False),
        ("пострадали 300 тысяч человек", "300,300 people were affected", True),
        ("проживают 820 тысяч человек", "830,000 people live there", True),
        # a conversion is no excuse when the other side writes the same unit
        ("вдоль 300 км (190 миль) побережья", "along 329 km (190 miles) of coast", True),
        ("вдоль 300 км побережья", "along 190 miles of coast", False),
    ],
)
def test_rounding_goes_one_way_and_units_are_compared_first(
    orig: str, trans: str, changed: bool
) -> None:
    assert _changed(orig, "ru", trans) is changed


def test_bare_degrees_may_be_converted() -> None:
    d = compare_numbers("температура до 27 градусов", "ru", "could reach 80 degrees", "en")
    assert not d.only_original and not d.only_translation


@pytest.mark.parametrize(
    ("orig", "lang", "trans", "changed"),
    [
        ("وبحلول الساعة 2 مساءً، وجدت سيارتا شرطة", "ar", "At 2pm two police vans", False),
        ("بحلول الساعة 1 ظهرًا.", "ar", "by 1 p.m.", False),
        ("в 3 часа дня", "ru", "at 3 p.m.", False),
        ("в 3 часа ночи", "ru", "at 3 p.m.", True),  # a time is no regrouped phone number
        ("прошло 2 дня", "ru", "2 days passed", False),
    ],
)
def test_afternoon_hours(orig: str, lang: str, trans: str, changed: bool) -> None:
    assert _changed(orig, lang, trans) is changed


def test_dimensions_are_figures_and_codes_are_not() -> None:
    assert values("поле 21х17х4 см", "ru") == [21, 17, 4]  # Cyrillic х
    assert values("a 70x190 mattress", "en") == [70, 190]
    assert values("модель B13x5", "ru") == []
    d = compare_numbers("матрас 70x190", "ru", "a 70x109 mattress", "en")
    assert [f.value for f in d.only_original] == [190]


def test_thousands_written_with_a_dot_are_compared_as_figures() -> None:
    # Arabic translators write 150.000 for 150,000; read as 150, it hid any change
    d = compare_numbers("ما يقرب من 150.000 سيارة", "ar", "nearly 150,150 cars", "en")
    assert d.only_original and d.only_translation
    d = compare_numbers("ما يقرب من 150.000 سيارة", "ar", "nearly 150,000 cars", "en")
    assert not d.only_original and not d.only_translation


@pytest.mark.parametrize(
    ("orig", "lang", "trans", "changed"),
    [
        ("Гарантия составляет 5 лет.", "ru", "The warranty is valid for seven years.", True),
        ("Гарантия составляет пять лет.", "ru", "The warranty is valid for 7 years.", True),
        ("Гарантия составляет 5 лет.", "ru", "The warranty is valid for five years.", False),
        # the number word alone is still never a change: "one of" / "two brothers"
        ("Один из братьев уехал.", "ru", "One of the 3 brothers left.", False),
        # Arabic ordinals and compounds are read whole: 47th, 17th, 23
        ("مباراته السابعة والأربعين", "ar", "his 47th match", False),
        ("مباراته السابعة والأربعين", "ar", "his 49th match", True),
        ("في الدورة السابعة عشرة", "ar", "in the 17th session", False),
        ("في الدورة السابعة عشرة", "ar", "in the 10th session", True),
        ("قتل ثلاثة وعشرون شخصا", "ar", "23 people were killed", False),
        # a regnal ordinal is no figure: Abdullah II, and COVID-19 on the other side
        (
            "أجرى الملك عبدالله الثاني اتصالا بخصوص فيروس كورونا",
            "ar",
            "King Abdullah II on COVID-19",
            False,
        ),
        # a century in words is no figure to compare with a decade
        ("في ثلاثينيات القرن العشرين", "ar", "in the 1930s", False),
        ("في بداية القرن الواحد والعشرين", "ar", "in the early 2000s", False),
    ],
)
def test_a_figure_changed_into_a_number_word(
    orig: str, lang: str, trans: str, changed: bool
) -> None:
    assert _changed(orig, lang, trans) is changed


@pytest.mark.parametrize(
    ("orig", "lang", "trans", "changed"),
    [
        # a score: 2:2 is two figures, as 2-2 is
        ("ничьей со счетом 2:2 против", "ru", "the 2-3 draw with Villarreal", True),
        ("ничьей со счетом 2:2 против", "ru", "the 2-2 draw with Villarreal", False),
        # a 0 is not the "00" of a year scaled by a thousand
        ("فوزًا 1-0 على رينجرز", "ar", "a 1-2 win over Rangers", True),
        ("ليذهب 5-0-0 منذ عام 1979", "ar", "to go 5-0-1 since 1979", True),
        # a code glued to letters: compared whole, only against a code with the same letters
        ("стран G7 предупредили", "ru", "the G8 countries warned", True),
        ("стран G7 предупредили", "ru", "the G7 countries warned", False),
        ("две дозы BNT162b2", "ru", "two doses of BNT165b2", True),
        ("فرقاطة موديلF125المشؤومة", "ar", "the ill-fated F152 frigate", True),
        # written on one side only (in Cyrillic on the other): no change
        ("Плюс в13 состоит", "ru", "Plus B13 consists", False),
        ("лампы с цоколем E14", "ru", "a lamp with a G9 base", False),
        # a phone number regrouped is no change, two of its digits swapped are
        ("звоните +7 905 989 9172", "ru", "call +79059899172", False),
        ("على الرقم 111 555 0800", "ar", "on 0800 555 111", False),  # groups listed RTL
        ("звоните +7 905 989 9172", "ru", "call +7 905 899 9172", True),
        ("сковорода, артикул 4278884", "ru", "frying pan, item 4287884", True),
        # a conversion the translator added in brackets must convert the figure before it
        ("в 300 км от Палу", "ru", "300 km (190 miles) from Palu", False),
        ("в 300 км от Палу", "ru", "300 km (109 miles) from Palu", True),
        ("до 30 градусов", "ru", "up to 30°C (86°F)", False),
        ("до 30 градусов", "ru", "up to 30°C (68°F)", True),
        ("до 30 градусов", "ru", "30 degrees Celsius (96 degrees Fahrenheit)", True),
    ],
)
def test_scores_codes_and_conversions(orig: str, lang: str, trans: str, changed: bool) -> None:
    assert _changed(orig, lang, trans) is changed


def test_a_changed_code_is_shown_as_written() -> None:
    d = compare_numbers("коллекции SS19", "ru", "their SS11 collection", "en")
    assert [format_value(f) for f in d.only_original] == ["SS19"]
    assert [f.text for f in d.only_translation] == ["SS11"]


def test_a_number_hyphenated_to_a_name_is_part_of_the_name() -> None:
    """A plant's "Kambarata-1" against a dropped "31 июля" was a false "number changed":
    such a figure is a designation, compared with a designation or where the other side
    writes its name's word; a lower-case prefix keeps its year."""
    from align.text.number_match import compare_numbers
    from align.text.numbers import extract_numbers

    def kinds(t: str, lang: str) -> list[tuple[str, str]]:
        return [(f.text, f.kind) for f in extract_numbers(t, lang)]

    assert kinds("the Kambarata-1 hydropower plant", "en") == [("Kambarata-1", "designation")]
    assert kinds("in mid-2024, 300 people", "en") == [("2024", "number"), ("300", "number")]
    assert kinds("the 2020-2021 season", "en") == [("2020", "number"), ("2021", "number")]
    date = "Президент КР Садыр Жапаров 31 июля встретился в г. Чолпон-Ата."
    assert not compare_numbers(date, "ru", "the Kambarata-1 plant and a railway", "en").changed
    formula = compare_numbers("пресс-служба «Формулы-1»", "ru", "the Formula 6 press office", "en")
    assert formula.changed
    assert compare_numbers("пандемии COVID-19", "ru", "the COVID-69 pandemic", "en").changed
