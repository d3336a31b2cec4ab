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


# A digest (written for this test, after a real Fergana round-up of an Akorda release):
# an Uzbek item, then the Kazakh call's sentences reordered, the condemnation split in two,
# then a Kyrgyz item. The monotone search links the call to the Uzbek item and leaves
# the condemnation's original for the end.
_DIGEST_OT = [
    "Президент Казахстана провёл телефонный разговор с Президентом Турции.",
    "Главы государств обсудили развитие торговли и отметили рост товарооборота в уходящем году.",
    "Вместе с тем Глава государства осудил нападение на посольство Турции в Бейруте, отметив, "
    "что подобные действия угрожают стабильности в регионе.",
]
_DIGEST_TT = [
    "Uzbekistan's president spoke by phone with the Turkish president on Friday.",
    "The two leaders discussed energy projects and regional security.",
    "According to the Akorda press service, Kazakhstan's president also condemned the attack "
    "on the Turkish embassy in Beirut.",
    "He said that such actions threaten stability in the region.",
    "The leaders also discussed trade and noted that trade turnover grew in the outgoing year.",
    "Kyrgyzstan's President Sadyr Japarov also responded to reports of the attack on the embassy.",
    "According to his press secretary, the President expressed serious concern over the incident.",
]


def test_a_moved_sentence_split_in_two_moves_with_both_halves(encoder: Any) -> None:
    from align.sentalign.moves import move_pairs

    links = (
        Link((0,), (0, 1)),
        Link((), (2,)),
        Link((), (3,)),
        Link((1,), (4,)),
        Link((), (5,)),
        Link((), (6,)),
        Link((2,), ()),
    )
    d = Draft(_DIGEST_OT, _DIGEST_TT, links)
    # each half alone scores ~0.53; together 0.71: neither is an addition
    assert move_pairs(d, encoder) == [(2, 2), (2, 3)]
    assert find_moves(d, encoder) == ({2}, {2, 3})


def test_a_name_shared_with_a_neighbour_does_not_outweigh_a_closer_rendering() -> None:
    """Row 0 (an omitted sentence): column 1 is in its gap and shares a title with it
    ("Президента" / "President"), column 0 is elsewhere and renders it better by more than
    the position prior; column 0 wins. Without the shared name the neighbour keeps it."""
    import numpy as np

    from align.sentalign.moves import LOCAL_PRIOR, NAME_BONUS, _farther

    bare = np.array([[0.52, 0.36]])
    named = np.array([[0.0, NAME_BONUS]])
    same = np.array([[False, True]])
    sim = bare + named
    assert sim[0, 1] + LOCAL_PRIOR > sim[0, 0]  # the prior alone picks the neighbour
    assert _farther(0, 1, sim, named, same) == 0
    assert _farther(0, 1, bare, np.zeros_like(named), same) == 1
    close = np.array([[0.44, 0.36]])  # not closer by more than the prior: the neighbour
    assert _farther(0, 1, close + named, named, same) == 1
