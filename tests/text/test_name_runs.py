"""A first or middle name the translation spells out where the original abbreviates it
(``align.text.name_runs``), told apart from a name that replaces another."""

from __future__ import annotations

import pytest

from align.text.name_runs import filled_in
from align.text.names import Name, skeleton

LISTED_RU = (
    "Министерство представляли директор департамента С.В. Григорьев, посол по особым "
    "поручениям Г.И. Аскальдович и начальник отдела Мелех М.М."
)
LISTED_EN = (
    "The ministry was represented by Semyon V. Grigoriev, director of the department, "
    "Gennady I. Askaldovich, Ambassador-at-Large, and Mikhail M. Melekh, head of a section."
)


def _name(text: str) -> Name:
    return Name(text, skeleton(text))


@pytest.mark.parametrize("first", ["Semyon", "Gennady", "Mikhail"])
def test_a_first_name_for_an_initial_before_or_after_the_surname(first: str) -> None:
    assert filled_in(_name(first), LISTED_EN, LISTED_RU)


@pytest.mark.parametrize(
    ("first", "trans", "orig"),
    [
        ("Alexander", "Alexander Petrov said", "сказал А.В. Петров"),  # a vowel initial
        ("Yevgeny", "Yevgeny Ivanov said", "сказал Е. Иванов"),
    ],
)
def test_vowel_initials_stand_for_names_spoken_with_one(first: str, trans: str, orig: str) -> None:
    assert filled_in(_name(first), trans, orig)


def test_a_first_name_that_does_not_fit_the_initial_is_not_filled_in() -> None:
    assert not filled_in(_name("Ivan"), "Ivan Petrov said", "сказал С. Петров")


@pytest.mark.parametrize(
    ("trans", "orig"),
    [
        ("Belarus President Aleksandr Lukashenko has accepted credentials.", "Лукашенко принял"),
        ("President Aleksandr Lukashenko said", "сказал президент Лукашенко"),
        ("President Aleksandr Lukashenko said", "وقال الرئيس لوكاشينكو"),
    ],
)
def test_a_first_name_before_a_surname_the_original_gives_alone(trans: str, orig: str) -> None:
    assert filled_in(_name("Aleksandr"), trans, orig)


def test_a_first_name_replacing_the_originals_is_not_filled_in() -> None:
    assert not filled_in(_name("Boris"), "Boris Petrov said", "сказал Иван Петров")
    assert not filled_in(_name("Boris"), "Boris Johnson said", "قال بوريس جونسون")
    # a common first name is a whole piece of the vocabulary, still a name before the surname
    assert not filled_in(
        _name("Moreno"), "his match to Moreno Molinari.", "матч Франческо Молинари."
    )
    # the text searched holds the neighbouring sentences: the surname alone there is not
    # this sentence's bare surname
    near = "матч Франческо Молинари. Молинари выиграл."
    assert not filled_in(_name("Moreno"), "his match to Moreno Molinari.", near)
    # a possessive is no first name: "Gallagher's Goop" replaced Пэлтроу before the brand
    trans = "likened to Gwyneth Gallagher's Goop brand."
    assert not filled_in(_name("Gallagher's"), trans, "с маркой Goop актрисы Гвинет Пэлтроу.")


def test_a_middle_name_between_two_adjacent_original_names() -> None:
    orig = "جدد رئيس مجلس القيادة الرئاسي اليمني، د. رشاد العليمي، اليوم الثلاثاء، تأكيد الحاجة"
    trans = "On Tuesday, President Dr. Rashad Mohammed Alimi renewed the call"
    assert filled_in(_name("Mohammed"), trans, orig)


def test_a_replaced_name_is_not_filled_in() -> None:
    # one half of a pair replaced: the original's other half is not beside the match
    assert not filled_in(_name("Fernandez"), "Boris Fernandez said", "قال بوريس جونسون")
    # a name between two matched *words* (a title, a body) replaced the original's name
    trans = "fighters from the Al-Qaeda-linked Lindqvist Front, who"
    orig = "боевиков из связанного с «Аль-Каидой» фронта Нусра, которые"
    assert not filled_in(_name("Lindqvist"), trans, orig)
    # between a party and a first name: "Brexiteer" replaced, the surname follows
    trans = "Tory Lindqvist Andrea Jenkyns was also at the march"
    orig = "Сторонник Brexit от партии Тори Андреа Дженкинс также была на митинге"
    assert not filled_in(_name("Lindqvist"), trans, orig)
