"""A 2-2 link hiding a cut sentence becomes two 1-1 links; a boundary moved inside a
2-2 link keeps it whole (align.sentalign.diagonal)."""

from __future__ import annotations

from typing import Any

from align.sentalign.diagonal import split_diagonal
from align.sentalign.moves import Draft
from align.types import Link

# three faithful 1-1 pairs around the 2-2 link: the document's usual length ratio
_OT = [
    "Министр иностранных дел прибыл в Каир с двухдневным визитом.",
    "Он встретится с руководством страны.",
    "Визит завершится в четверг.",
]
_TT = [
    "The foreign minister arrived in Cairo for a two-day visit.",
    "He will meet the country's leadership.",
    "The visit ends on Thursday.",
]
_AROUND = (Link((0,), (0,)), Link((1,), (1,)), Link((2,), (2,)))


def _doc(ot: list[str], tt: list[str]) -> Draft:
    return Draft([*_OT, *ot], [*_TT, *tt], (*_AROUND, Link((3, 4), (3, 4))))


def _pairs(links: tuple[Link, ...]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(lk.original, lk.translation) for lk in links]


def test_a_cut_sentence_inside_a_2_2_link_gets_its_own_link(encoder: Any) -> None:
    ot = [
        "Полиция призвала жителей района, которые что-либо видели или слышали, сообщить об этом.",
        "В общей сложности 68 процентов учеников, изучавших языки, получили высшую оценку.",
    ]
    tt = [
        "Police urged residents of the area who saw or heard anything to come forward.",
        "A total of 68 per cent of pupils.",
    ]
    d = _doc(ot, tt)
    assert _pairs(split_diagonal(d, encoder, 0.1))[3:] == [((3,), (3,)), ((4,), (4,))]
    assert _pairs(split_diagonal(d, encoder, 1.0))[3:] == [((3, 4), (3, 4))]


def test_a_moved_boundary_keeps_the_2_2_link(encoder: Any) -> None:
    ot = [
        "Министр прибыл в Каир во вторник. Он встретился с президентом страны,",
        "и они обсудили торговлю и безопасность в регионе.",
    ]
    tt = [
        "The minister arrived in Cairo on Tuesday.",
        "He met the country's president, and they discussed trade and regional security.",
    ]
    d = _doc(ot, tt)
    assert _pairs(split_diagonal(d, encoder, 0.1))[3:] == [((3, 4), (3, 4))]
