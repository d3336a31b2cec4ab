"""Two repairs of the links ``check`` aligns with (``align.sentalign.repair``), from real
republications (texts written for these tests): an added sentence on the original's topic
glued to the end of a link (``refine_links``, ``peel_trans_gain``), and a headline glued
into the lead's link while the translation's headline stayed alone (``pair_headlines``)."""

from __future__ import annotations

from typing import Any

from align.sentalign.moves import Draft
from align.sentalign.options import RepairOptions
from align.sentalign.repair import pair_headlines, refine_links
from align.types import Link

_OT = [
    "Два самолета с гуманитарной помощью вылетели сегодня из Москвы в Белград.",
    "Петров добавил, что помощь получат семьи, которые потеряли дома после сильных ливней, "
    "вызвавших гибель людей и большие разрушения.",
    "Груз весит более 100 тонн, отметил Петров.",
]
_TT = [
    "Two planes carrying humanitarian aid left Moscow for Belgrade today.",
    "The cargo weighs more than 100 tons, Petrov said.",
    "He said the aid would go to families who lost their homes after heavy rains that killed "
    "people and caused great destruction.",
    "Heavy rains have killed 83 people and destroyed thousands of homes since May, a Serbian "
    "official said on Tuesday.",
]


def test_an_added_sentence_glued_to_a_link_is_peeled(encoder: Any) -> None:
    # the search linked the two crossed sentences as one 2-2 link and glued the added
    # death toll to its end: the link matches better without it, so it goes
    glued = (Link((0,), (0,)), Link((1, 2), (1, 2, 3)))
    d = Draft(_OT, _TT, glued)
    assert refine_links(d, encoder, RepairOptions()) == (
        Link((0,), (0,)),
        Link((1, 2), (1, 2)),
        Link((), (3,)),
    )
    off = RepairOptions(peel_trans_gain=1.0)  # the floor rule alone keeps it: its cosine is
    assert refine_links(d, encoder, off) == glued  # above peel_floor (it is on the topic)


def test_a_rendered_end_sentence_stays(encoder: Any) -> None:
    split = (Link((0,), (0,)), Link((1, 2), (1, 2)))  # both sentences render the pair
    assert refine_links(Draft(_OT, _TT, split), encoder, RepairOptions()) == split


_HEAD_O = [
    "Президент принял послов Франции и Японии",
    "Президент принял послов Франции и Японии, передает пресс-служба.",
    "Стороны обсудили торговлю.",
]
_HEAD_T = [
    "Head of State receives French, Japanese envoys",
    "The President received the ambassadors of France and Japan, the press service said.",
    "The sides discussed trade.",
]


def test_the_headlines_are_linked_to_each_other() -> None:
    glued = (Link((), (0,)), Link((0, 1), (1,)), Link((2,), (2,)))
    assert pair_headlines(Draft(_HEAD_O, _HEAD_T, glued)) == (
        Link((0,), (0,)),
        Link((1,), (1,)),
        Link((2,), (2,)),
    )
    # no headline on the original's side (its first line ends a sentence): nothing to pair
    body = [_HEAD_O[1], *_HEAD_O[1:]]
    assert pair_headlines(Draft(body, _HEAD_T, glued)) == glued
    straight = (Link((0,), (0,)), Link((1,), (1,)), Link((2,), (2,)))
    assert pair_headlines(Draft(_HEAD_O, _HEAD_T, straight)) == straight


def test_a_headline_the_original_lacks_is_peeled_off_the_lead() -> None:
    """The original opens with a sentence: the translation's headline renders none of it,
    whatever the search glued it to (it hid the lead's names from the name rule)."""
    from align.sentalign.moves import Draft, added_headline
    from align.sentalign.repair import peel_headline

    ot = ["Президент провёл переговоры с канцлером Германии в Берлине.", "Стороны обсудили газ."]
    tt = [
        "President Holds Talks In Berlin",
        "The president held talks with the German chancellor in Berlin.",
        "The sides discussed gas.",
    ]
    glued = (Link((0,), (0, 1)), Link((1,), (2,)))
    d = Draft(ot, tt, glued)
    assert added_headline(d)
    assert peel_headline(d) == (Link((), (0,)), Link((0,), (1,)), Link((1,), (2,)))
    # both open with a headline: those are each other's rendering, nothing is peeled
    both = Draft(["Переговоры в Берлине", *ot], tt, (Link((0, 1), (0, 1)), Link((2,), (2,))))
    assert not added_headline(both) and peel_headline(both) == both.links


SPLIT_AR = (
    "أكد وزير الخارجية ثبات الموقف الكويتي تجاه القضية الفلسطينية، مبينا ان الكويت ضد التطبيع "
    "مع اسرائيل ما لم تقم دولة فلسطينية مستقلة على حدود 4 يونيو 1967 وفق القرارات الدولية "
    "ومبادرة السلام العربية."
)
SPLIT_EN = [
    "The Foreign Minister affirmed Kuwait's firm position on the Palestinian issue, stressing "
    "that Kuwait opposes normalization with Israel until an independent Palestinian state is "
    "established within the borders of June 4, 1967.",
    "This position is in accordance with international resolutions and the Arab Peace "
    "Initiative, reported Al-Rai Daily.",
]


def test_a_split_sentences_second_half_rejoins_its_link(encoder: Any) -> None:
    """The search gave a split's second half to the next link and the peel left it over:
    the last words of the original render it (0.57 against 0.09 for the first half), so
    it joins the link before; an unrelated sentence does not."""
    from align.sentalign.merges import join_split_halves

    d = Draft([SPLIT_AR], SPLIT_EN, (Link((0,), (0,)), Link((), (1,))))
    assert join_split_halves(d, encoder, frozenset()) == (Link((0,), (0, 1)),)
    assert join_split_halves(d, encoder, frozenset({1})) == d.links  # a move or furniture
    other = Draft([SPLIT_AR], [SPLIT_EN[0], "Heavy rain flooded the old town overnight."], d.links)
    assert join_split_halves(other, encoder, frozenset()) == d.links


def test_a_rendered_second_half_is_not_peeled(encoder: Any) -> None:
    """Short and unlike the whole, a split's half lowers the link's cosine, but a piece
    of the original renders it (``rendered_in``): the peel keeps it (it was a false major
    addition: "There is no deviation from this position.")."""
    ot = [
        "وأضاف الوزير «الكويت ضد التطبيع مع اسرائيل ما لم تقم دولة فلسطينية مستقلة على حدود 4 "
        "يونيو 1967 وفق القرارات الدولية ومبادرة السلام العربية، هذا موقف مستمر ولا فيه اي "
        "انحراف عن هذا الموقف»."
    ]
    tt = [
        "The minister declared, \u201cKuwait's opposition to normalization with Israel until the "
        "establishment of an independent Palestinian state within the borders of June 4, 1967, "
        "according to international resolutions and the Arab Peace Initiative, is a continual "
        "stance.",
        "There is no deviation from this position.\u201d",
    ]
    lk = Link((0,), (0, 1))
    assert refine_links(Draft(ot, tt, (lk,)), encoder, RepairOptions()) == (lk,)


def test_the_peel_guard_asks_for_the_strict_bar(encoder: Any) -> None:
    """A short sentence reaches the loose bar against many a clause ("I could not walk."
    and "... а я утратил способность передвигаться": 0.42): enough to rejoin a merged
    sentence, not to keep a glued one in a link (a heavy cut's remainder, "I, for one.",
    stayed glued to its neighbour and the cut went unseen: bench/coherent_cuts.py)."""
    from align.sentalign.merges import rendered_in

    text = "Он вернулся домой поздно вечером, а я утратил способность передвигаться."
    assert rendered_in(encoder, "I could not walk.", text)
    assert not rendered_in(encoder, "I could not walk.", text, loose=False)
