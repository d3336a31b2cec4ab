"""Moved sentences glued into a neighbouring link are peeled out on either side
(align.sentalign.moves.peel_moved), and the sentence numbers of a move read from 1."""

from __future__ import annotations

from typing import Any

from align.sentalign.moves import Draft, find_moves, flipped, peel_moved
from align.sentalign.options import REORDER_SIM
from align.types import Link

_OT = [
    "Министр иностранных дел прибыл в Каир с двухдневным визитом.",
    "Визит завершится в четверг подписанием соглашения о торговле.",
    "Министр также высоко оценил решение Египта открыть новое посольство в Москве.",
    "Стороны обсудили поставки зерна и строительство электростанции.",
]
_TT = [
    "The foreign minister arrived in Cairo for a two-day visit.",
    "The minister also praised Egypt's decision to open a new embassy in Moscow.",
    "The visit ends on Thursday with the signing of a trade agreement.",
    "The sides discussed grain supplies and the construction of a power plant.",
]
# the editor moved original 2 up; the monotone search glued it to the link below
_SLIP = (Link((0,), (0,)), Link((), (1,)), Link((1, 2), (2,)), Link((3,), (3,)))


def _pairs(links: tuple[Link, ...]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(lk.original, lk.translation) for lk in links]


def test_an_original_sentence_moved_down_is_peeled_out_of_its_merge(encoder: Any) -> None:
    peeled = peel_moved(Draft(_OT, _TT, _SLIP), encoder, REORDER_SIM)
    assert _pairs(peeled) == [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((2,), ()), ((3,), (3,))]
    assert find_moves(Draft(_OT, _TT, peeled), encoder) == ({2}, {1})


def test_the_same_on_the_translation_side(encoder: Any) -> None:
    d = flipped(Draft(_OT, _TT, _SLIP))  # now a translation sentence glued into a 1-2 link
    peeled = peel_moved(d, encoder, REORDER_SIM)
    assert _pairs(peeled) == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((), (2,)), ((3,), (3,))]


def test_a_right_merge_is_left_alone(encoder: Any) -> None:
    # both members render the translation: nothing unlinked matches either better
    ot = [_OT[0], "Визит завершится в четверг.", "Стороны подпишут соглашение о торговле.", _OT[3]]
    tt = [_TT[0], _TT[2], _TT[3]]
    links = (Link((0,), (0,)), Link((1, 2), (1,)), Link((3,), (2,)))
    assert peel_moved(Draft(ot, tt, links), encoder, REORDER_SIM) == links


def test_names_shared_make_a_loosely_rendered_sentence_a_move(
    encoder: Any, monkeypatch: Any
) -> None:
    """NTREX-128 (CC BY-SA 4.0), ar-en: the editor moved the Thom Browne sentence up. Its
    rendering scores under the move bar alone; the two names it shares carry it."""
    from align.sentalign import moves

    ot = [
        "كانت القطعة المميزة لفالنتينو عبارة عن قبعة باللون البيج القاتم والمزينة بحافة واسعة "
        "شبيهة بالريش تغمر رؤوس العارضات.",
        "تشمل الإكسسوارات الأخرى كبيرة الحجم أشكال البطيخ المرصعة بالجواهر وقبعة الساحر وحتى على "
        "شكل الأناناس، ولكنها ليست مصممة لتدفئة رأسك.",
        "كشف توم براون أيضًا عن مجموعة من الأقنعة الغريبة - في الوقت المناسب لعيد الهالوين.",
        "تشتمل العديد من الأقنعة الملونة على حواف مخيطة عند الفم وأكثر شبهًا لأزياء شخصية هانيبال "
        "ليكتير عن أزياء الخياطة الراقية.",
    ]
    tt = [
        "Thom Browne also revealed a selection of bizarre masks- and just in time for Halloween.",
        "The stand out piece by Valentino was an over-the-top beige hat adorned with a "
        "feather-like wide brim that swamped the models heads.",
        "Other over-sized accessories included bejeweled watermelons, a wizard hat and even a "
        "pineapple - but they are not designed to keep your head warm.",
        "Many of the colourful masks had sewn up lips and resembled more like Hannibal Lecter "
        "than haute couture.",
    ]
    links = (Link((), (0,)), Link((0,), (1,)), Link((1,), (2,)), Link((2,), ()), Link((3,), (3,)))
    d = Draft(ot, tt, links)
    assert find_moves(d, encoder) == ({2}, {0})
    monkeypatch.setattr(moves, "NAME_BONUS", 0.0)
    assert find_moves(d, encoder) == (set(), set())


def test_names_are_read_only_where_they_could_make_a_move(encoder: Any, monkeypatch: Any) -> None:
    """Unrelated documents leave every sentence unlinked: their words are not read pair
    by pair (that cost seconds for a few hundred sentences a side)."""
    from align.sentalign import moves

    calls: list[tuple[str, str]] = []

    def counted(a: str, b: str) -> int:
        calls.append((a, b))
        return 0

    monkeypatch.setattr(moves, "shared_names", counted)
    ot = _OT[:2]
    tt = ["Heavy rain flooded the stadium before kick-off.", "Shares of the bakery fell sharply."]
    links = (Link((0,), ()), Link((1,), ()), Link((), (0,)), Link((), (1,)))
    assert find_moves(Draft(ot, tt, links), encoder) == (set(), set())
    assert calls == []
