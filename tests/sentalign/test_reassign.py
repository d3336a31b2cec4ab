"""The repairs that give an unlinked sentence back its rendering: across a gap
(align.sentalign.reassign), a headline beside a headline (repair._headlines), a cut
sentence's remainder that is not a move (moves._cut_beside), a merged sentence the
segmenter left joined (merges._pieces)."""

from __future__ import annotations

from typing import Any

import numpy as np

from align.sentalign.merges import _pieces
from align.sentalign.moves import Draft, _cut_beside
from align.sentalign.options import RepairOptions
from align.sentalign.reassign import _ordered, reassign_ends
from align.sentalign.repair import relink_gaps, unlink_boilerplate
from align.types import Link

_OT = [
    "Министр иностранных дел прибыл в Каир с двухдневным визитом.",
    "Переговоры продлятся до вечера, сообщил представитель министерства, добавив, что стороны"
    " обсудят поставки зерна и строительство новой электростанции.",
    "Ранее в этом году министр посетил Бразилию и Аргентину.",
    "Визит завершится в четверг подписанием соглашения о торговле.",
]
_TT = [
    "The foreign minister arrived in Cairo for a two-day visit.",
    "The sides will discuss grain supplies and a new power plant.",
    "The visit ends on Thursday with the signing of a trade agreement.",
]


def _pairs(links: tuple[Link, ...]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(lk.original, lk.translation) for lk in links]


def test_a_cut_sentence_takes_its_remainder_back_across_a_dropped_one(encoder: Any) -> None:
    # the search glued the cut sentence's remainder onto the link after the dropped one
    links = (Link((0,), (0,)), Link((1,), ()), Link((2,), ()), Link((3,), (1, 2)))
    d = Draft(_OT, _TT, links)
    assert _pairs(reassign_ends(d, encoder, 0.05)) == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), ()),
        ((3,), (2,)),
    ]
    assert reassign_ends(d, encoder, 1.0) == links  # off
    assert reassign_ends(d, encoder, 0.05, keep={1}) == links  # a moved sentence stays


def test_a_dropped_sentence_gives_back_the_rendering_it_was_paired_with(encoder: Any) -> None:
    # a weak 1-1 link paired the dropped sentence with its neighbour's cut rendering
    ot = [_OT[0], _OT[2], _OT[1], _OT[3]]
    slip = (Link((0,), (0,)), Link((1,), (1,)), Link((2,), ()), Link((3,), (2,)))
    assert _pairs(reassign_ends(Draft(ot, _TT, slip), encoder, 0.05)) == [
        ((0,), (0,)),
        ((1,), ()),
        ((2,), (1,)),
        ((3,), (2,)),
    ]
    # a right link is never broken up for an unlinked neighbour
    right = (Link((0,), (0,)), Link((1,), (1,)), Link((2,), ()), Link((3,), (2,)))
    assert reassign_ends(Draft(_OT, _TT, right), encoder, 0.05) == right


def test_gap_layout_keeps_document_order() -> None:
    region = [Link((5,), (3,)), Link((), (2,)), Link((2,), ()), Link((3,), (1,)), Link((4,), ())]
    assert _pairs(tuple(_ordered(region))) == [
        ((2,), ()),
        ((3,), (1,)),
        ((4,), ()),
        ((), (2,)),
        ((5,), (3,)),
    ]


_HEAD_O = "Британия «будет вечно сожалеть» о потере автопроизводителей после выхода из ЕС"
_HEAD_T = "Brexit: UK 'would forever regret' losing carmakers"
_BODY_O = (
    "Британия будет вечно сожалеть, если потеряет статус мирового лидера в автопроме,"
    " заявил министр."
)
_BODY_T = (
    "The UK would regret it forever if it lost its status as a world leader in car"
    " manufacturing, the minister said."
)


def test_a_headline_renders_the_original_headline_however_loosely(encoder: Any) -> None:
    d = Draft([_HEAD_O, _BODY_O], [_HEAD_T, _BODY_T], (Link((0,), (0,)), Link((1,), (1,))))
    low = RepairOptions(boilerplate_floor=1.0)  # as if the headlines shared nothing
    assert _pairs(unlink_boilerplate(d, encoder, low)) == [((0,), (0,)), ((1,), (1,))]
    apart = Draft(d.ot, d.tt, (Link((0,), ()), Link((), (0,)), Link((1,), (1,))))
    assert _pairs(relink_gaps(apart, encoder, 0.13))[0] == ((0,), (0,))


def test_a_headline_the_original_lacks_is_still_unlinked(encoder: Any) -> None:
    d = Draft([_BODY_O], [_HEAD_T, _BODY_T], (Link((0,), (0,)), Link((), (1,))))
    low = RepairOptions(boilerplate_floor=1.0)
    assert _pairs(unlink_boilerplate(d, encoder, low))[:2] == [((0,), ()), ((), (0,))]


def test_a_cut_sentence_remainder_is_not_a_move(encoder: Any) -> None:
    o = (
        "Такое же заявление сделала кандидат от республиканцев Валери Пекресс, которая в конце"
        " октября опубликовала колонку в газете, призывая жителей острова оставаться французами."
    )
    d = Draft([o], ["Where she urged the islanders to remain French."], ())
    same = np.array([[True]])
    assert _cut_beside(encoder, d, ([0], [0]), same, (0, 0), 0.45)
    other = Draft([o], ["The harvest was the largest in a decade."], ())
    assert not _cut_beside(encoder, other, ([0], [0]), same, (0, 0), 0.45)
    assert not _cut_beside(encoder, d, ([0], [0]), np.array([[False]]), (0, 0), 0.45)


def test_pieces_keep_whole_sentences_the_segmenter_left_joined() -> None:
    text = "\"You're going to go after someone like that? That's not nice,\" the banker added."
    pieces = _pieces(text)
    assert "\"You're going to go after someone like that?" in pieces
    assert len(pieces) == len(set(pieces))
    one = "The minister arrived on Tuesday, and the talks began at once."
    assert one not in _pieces(one)  # one sentence: its clauses only, as before
