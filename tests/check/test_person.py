"""Who speaks (``align.check.lexicon_person``, ``meaning._person_change``): an official's
own statement republished as a body's ("Выражаю озабоченность" / "We express concern")
is a meaning change; a translation that keeps the person is not."""

from __future__ import annotations

import pytest
from conftest import check_lines

from align.check.lexicon_person import person
from align.embed.encoder import Encoder
from align.types import MEANING_CHANGE, Flag

ORIG = [
    "Генеральный секретарь сделал заявление в связи с ситуацией на границе.",
    "Выражаю глубокую озабоченность участившимися обстрелами приграничных сел.",
    "Убежден, что воинственная риторика ведет к новому витку напряженности.",
]
FAITHFUL = [
    "The Secretary General made a statement on the situation at the border.",
    "I express deep concern over the increasingly frequent shelling of border villages.",
    "I am convinced that militant rhetoric leads to a new round of tension.",
]
COLLECTIVE = [
    FAITHFUL[0],
    "We express deep concern over the increasingly frequent shelling of border villages.",
    "We are convinced that militant rhetoric leads to a new round of tension.",
]


def _speaker_flags(orig: list[str], trans: list[str], encoder: Encoder) -> list[Flag]:
    report = check_lines(orig, trans, encoder)
    return [f for f in report.flags if f.kind == MEANING_CHANGE and f.subkind == "attribution"]


def test_a_statement_made_collective_is_flagged_on_its_words(encoder: Encoder) -> None:
    flags = _speaker_flags(ORIG, COLLECTIVE, encoder)
    assert [f.original for f in flags] == [(1,), (2,)]
    assert all(f.severity == "minor" for f in flags)
    words = [
        (s.side, (ORIG if s.side == "original" else COLLECTIVE)[s.sentence][s.start : s.end])
        for s in flags[0].spans
    ]
    assert words == [("original", "Выражаю"), ("translation", "We")]


def test_a_translation_that_keeps_the_person_is_quiet(encoder: Encoder) -> None:
    assert _speaker_flags(ORIG, FAITHFUL, encoder) == []
    plural = ["Мы выражаем глубокую озабоченность участившимися обстрелами приграничных сел."]
    assert _speaker_flags(plural, COLLECTIVE[1:2], encoder) == []
    # "we" made "I" is how faithful translations of speech read ("Мы будем вместе" /
    # "I'll be with you"): not judged
    assert _speaker_flags(plural, FAITHFUL[1:2], encoder) == []
    mixed = ["«Я считаю, что производство на нашем заводе будет остановлено», — говорит он."]
    ours = ['"My view is that we will see production stop in our factory," he said.']
    assert _speaker_flags(mixed, ours, encoder) == []  # both numbers: no judgement


@pytest.mark.parametrize(
    ("text", "lang", "number"),
    [
        ("Призываю стороны к сдержанности.", "ru", "singular"),
        ("Стороны, призываю вас к сдержанности.", "ru", "singular"),
        ("Мы призываем стороны к сдержанности.", "ru", "plural"),
        ("Поставки нефти Китаю выросли.", "ru", None),  # a country's dative, not a verb
        ("World War I ended in 1918.", "en", None),  # a numeral, not the speaker
        ("Yesterday I said so.", "en", "singular"),
        ("I think we can agree.", "en", None),  # both numbers: no judgement
        ("وأعرب عن قلقه العميق.", "ar", None),  # Arabic has no lists
    ],
)
def test_person_reads_one_number(text: str, lang: str, number: str | None) -> None:
    found = person(text, lang)
    assert (found[0] if found else None) == number
