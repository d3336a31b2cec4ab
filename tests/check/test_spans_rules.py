"""Span rules of issue #14 ("spans everywhere") that need no encoder: merge/split notes span
their sentence-boundary words, a one-sided cue spans every trigger and the other side's
content words the link's word correspondence pairs with it."""

from __future__ import annotations

import pytest
from conftest import link_view, one_sided_cue_flags

from align.check.cue_rules import cue_flags
from align.check.link_words import LinkWords
from align.check.spans import boundary_spans, with_spans
from align.sentalign.words import side_words
from align.synthetic.generate import document_from_lines
from align.types import (
    INSERTION,
    MERGE,
    PARTIAL_OMISSION,
    SPLIT,
    Alignment,
    Flag,
    Link,
    Signature,
    Span,
)


def _alignment(orig: list[str], trans: list[str], links: list[Link]) -> Alignment:
    return Alignment(
        document_from_lines(orig, "ru"),
        document_from_lines(trans, "en"),
        tuple(links),
        Signature("test", "none"),
    )


def _words(f: Flag, al: Alignment) -> list[tuple[str, int, str]]:
    out = []
    for s in f.spans:
        texts = al.original.texts if s.side == "original" else al.translation.texts
        assert 0 <= s.start < s.end <= len(texts[s.sentence])
        out.append((s.side, s.sentence, texts[s.sentence][s.start : s.end]))
    return out


ORIG = ["Министр прибыл в Москву.", "Он встретился с коллегой.", "Переговоры прошли успешно."]
TRANS = ["The minister arrived in Moscow and met his counterpart.", "The talks went well."]


def test_a_merge_spans_the_words_at_each_boundary_it_joins() -> None:
    al = _alignment(ORIG, TRANS, [Link((0, 1), (0,), 0.8), Link((2,), (1,), 0.9)])
    f = with_spans(Flag(MERGE, "info", (0, 1), (0,), "Merged", {}), al)
    assert _words(f, al) == [("original", 0, "Москву."), ("original", 1, "Он")]


def test_a_split_spans_the_translation_boundary_and_nothing_on_the_one_sentence() -> None:
    trans = ["Conference of States.", "Parties met in Vienna."]
    al = _alignment(["Конференция государств-участников собралась в Вене."], trans, [])
    f = with_spans(Flag(SPLIT, "info", (0,), (0, 1), "Split", {}), al)
    assert _words(f, al) == [("translation", 0, "States."), ("translation", 1, "Parties")]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (".", "Он пришёл.", [("original", 0, "."), ("original", 1, "Он")]),  # no word: all of it
        ("  Он ушёл.  ", "«Да», — сказал он.", [("original", 0, "ушёл."), ("original", 1, "«Да")]),
        ("   ", "Он пришёл.", [("original", 1, "Он")]),  # blank: no span
    ],
)
def test_boundary_spans_are_inside_their_sentences_on_bad_input(
    first: str, second: str, expected: list[tuple[str, int, str]]
) -> None:
    al = _alignment([first, second], ["He came."], [])
    f = Flag(MERGE, "info", (0, 1), (0,), "Merged", {})
    got = Flag(MERGE, "info", (0, 1), (0,), "", {}, spans=tuple(boundary_spans(f, al)))
    assert _words(got, al) == expected


def test_a_merge_that_has_spans_keeps_them() -> None:
    al = _alignment(ORIG, TRANS, [])
    own = (Span("original", 1, 0, 2),)
    f = Flag(MERGE, "info", (0, 1), (0,), "Merged", {}, spans=own)
    assert with_spans(f, al).spans == own


def _cue_hits(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """The cue concepts of ``text`` (what ``check`` hands ``cue_flags``)."""
    from align.check.lexicon import concept_class, concept_hits
    from align.check.lexicon_cues import CUE_CLASSES

    return {c: s for c, s in concept_hits(text, lang).items() if concept_class(c) in CUE_CLASSES}


def _at(text: str) -> dict[str, int]:
    """Each word of a one-sentence side -> its index among that side's words."""
    return {w.text: k for k, w in enumerate(side_words([text], (0,))[0])}


def _view(orig: str, ol: str, trans: str, pairs: tuple[tuple[int, int], ...]) -> LinkWords:
    view: LinkWords = link_view(orig, ol, trans, "en", pairs)
    return view


def test_partners_are_the_other_sides_content_words_paired_with_content_words() -> None:
    orig = "Он приехал в последние дни"
    trans = "He came last week"
    # Он-He, приехал-came, в-last (a function word: ignored), последние-last, дни-week
    v = _view(orig, "ru", trans, ((0, 0), (1, 1), (2, 2), (3, 2), (4, 3)))
    # a content word paired only with a function word has no partner
    assert _view(orig, "ru", trans, ((1, 0),)).partners("original", 0, len(orig)) == ()
    # partner words that only function words separate make one span
    bridged = _view("последние дни", "ru", "the last of weeks", ((0, 1), (1, 3)))
    assert [(s.start, s.end) for s in bridged.partners("original", 0, 13)] == [(4, 17)]
    a = orig.index("в последние")
    got = v.partners("original", a, len(orig))
    assert [(s.side, trans[s.start : s.end]) for s in got] == [("translation", "last week")]
    assert v.partners("original", 0, 2) == ()  # "Он" is a function word
    assert [orig[s.start : s.end] for s in v.partners("translation", 3, 7)] == ["приехал"]


def test_a_dropped_recent_cue_spans_what_the_translation_made_of_it() -> None:
    orig = "Наводнения в последние дни унесли жизни людей."
    trans = "The floods last week took lives."
    find = _at(trans)
    pairs = ((0, find["floods"]), (2, find["last"]), (3, find["week"]), (4, find["took"]))
    v = _view(orig, "ru", trans, pairs)

    (f,) = [
        f
        for f in cue_flags(v, _cue_hits(orig, "ru"), _cue_hits(trans, "en"), [])
        if f.subkind == "time"
    ]
    assert f.kind == PARTIAL_OMISSION
    words = [(s.side, (orig if s.side == "original" else trans)[s.start : s.end]) for s in f.spans]
    assert ("translation", "last week") in words
    assert words[0][0] == "original" and "последние дни" in words[0][1]


def test_a_one_sided_cue_spans_every_occurrence_of_its_trigger() -> None:
    orig = "Стороны обсудили торговлю и новую встречу."
    trans = (
        "The two sides discussed trade, the statement added. They agreed to meet again, "
        "the statement added."
    )
    (f,) = one_sided_cue_flags(orig, "ru", trans)
    assert (f.kind, f.subkind) == (INSERTION, "attribution")
    spans = [(s.start, s.end) for s in f.spans]
    first = trans.index("the statement added")
    second = trans.index("the statement added", first + 1)
    assert [trans[a:b] for a, b in spans] == ["the statement added"] * 2
    assert [a for a, _ in spans] == [first, second]


def test_a_dropped_plan_without_a_future_word_spans_the_words_it_became() -> None:
    orig = "بحث الوزير القمة الخليجية والمزمع عقدها في الرياض."
    trans = "The minister discussed the Gulf summit held in Riyadh."
    o_at, t_at = _at(orig), _at(trans)
    v = _view(
        orig, "ar", trans, ((o_at["والمزمع"], t_at["held"]), (o_at["الوزير"], t_at["minister"]))
    )

    (f,) = [
        f
        for f in cue_flags(v, _cue_hits(orig, "ar"), _cue_hits(trans, "en"), [])
        if f.subkind == "status"
    ]
    words = [(s.side, (orig if s.side == "original" else trans)[s.start : s.end]) for s in f.spans]
    assert words[0][0] == "original" and "المزمع" in words[0][1]
    assert words[1:] == [("translation", "held")]


def test_an_added_source_frame_spans_only_its_own_words() -> None:
    orig = "بحث رئيس حكومة إقليم كوردستان التعاون."
    trans = (
        "Kurdistan discussed cooperation, according to a statement from the Kurdistan government."
    )
    tw, _ = side_words([trans], (0,))
    k = max(n for n, w in enumerate(tw) if w.text == "Kurdistan")
    v = _view(orig, "ar", trans, ((4, k), (2, k + 1)))  # the frame's names have partners

    (f,) = [
        f
        for f in cue_flags(v, _cue_hits(orig, "ar"), _cue_hits(trans, "en"), [])
        if f.kind == INSERTION
    ]
    assert {s.side for s in f.spans} == {"translation"}
    assert trans[f.spans[0].start : f.spans[0].end].startswith("according to a statement")


def test_a_dropped_word_spans_the_phrase_it_qualified_on_the_other_side() -> None:
    orig = "Он осудил грубые нападения на страну, и другие."
    trans = "He condemned the attacks on the country, and others."
    o, t = _at(orig), _at(trans)
    pairs = (
        (o["осудил"], t["condemned"]),
        (o["нападения"], t["attacks"]),
        (o["страну"], t["country"]),
        (o["другие"], t["others"]),
    )
    v = _view(orig, "ru", trans, pairs)
    a = orig.index("грубые")
    # "грубые" has no partner: its neighbours' partners inside the clause mark where it was
    got = v.around("original", a, a + len("грубые"))
    assert [trans[s.start : s.end] for s in got] == ["condemned", "attacks"]
    # a word with partners keeps them; a neighbour past a comma is another clause
    assert [trans[s.start : s.end] for s in v.around("original", 0, len("Он осудил"))] == [
        "condemned"
    ]
    b = orig.index("и другие")
    assert [trans[s.start : s.end] for s in v.around("original", b, b + 1)] == ["others"]
    assert _view(orig, "ru", trans, ()).around("original", a, a + 6) == ()  # nothing paired


def test_a_dropped_venue_spans_the_statement_it_qualified_on_the_other_side() -> None:
    orig = "Об этом заявила на брифинге официальный представитель МИД."
    trans = "This was stated by the ministry's spokeswoman."
    o, t = _at(orig), _at(trans)
    pairs = ((o["заявила"], t["stated"]), (o["представитель"], t["spokeswoman"]))
    v = _view(orig, "ru", trans, pairs)

    (f,) = cue_flags(v, _cue_hits(orig, "ru"), _cue_hits(trans, "en"), [])
    assert (f.kind, f.subkind) == (PARTIAL_OMISSION, "attribution")
    words = [(s.side, (orig if s.side == "original" else trans)[s.start : s.end]) for s in f.spans]
    assert words == [("original", "на брифинге"), ("translation", "stated")]
