"""The Arabic comma is a clause boundary, and a cut of a date's words is no omission.

Found by bench/coherent_cuts.py (clauses the sentence really had): an Arabic clause
between two "،" was never a cut candidate of its own nor counted as bounded, so a
dropped "قائد الفريق الأوروبي" or "الذي يتخلف عنهم بفارق ثماني نقاط" scored as a run
of loose words. With the comma a boundary, the Kurdistan24 datelines of the seen real
pairs ("(يناير) 2026", which republishers drop as a matter of course) became cuts of
their own: a cut of a date's words only is not flagged, nor a cut holding a name the
translation has ("إن علامة ترولي" while the English says "Truly was ...").
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pytest

from align.check.link_words import LinkWords
from align.check.word_cuts import _bounded, _candidates
from align.check.word_flags import _date_only, _holds_rendered
from align.sentalign.words import side_words

BJORN = (
    "يعرف توماس بيورن، قائد الفريق الأوروبي، من خلال التجربة أن الصدارة الكبيرة "
    "يمكن أن تتحول بسهولة إلى جولة غير مريحة."
)
CLAUSE = "قائد الفريق الأوروبي"


def test_an_arabic_clause_between_commas_is_bounded_at_both_ends() -> None:
    a = BJORN.index(CLAUSE)
    assert _bounded(BJORN, a, a + len(CLAUSE)) == 2
    semi = "قال الوزير؛ ثم غادر القاعة؛ وعاد بعد ساعة"
    b = semi.index("ثم غادر القاعة")
    assert _bounded(semi, b, b + len("ثم غادر القاعة")) == 2


def test_an_arabic_clause_is_a_candidate_even_when_some_of_its_words_are_matched() -> None:
    words = side_words([BJORN], (0,))[0]
    # "قائد" paired with "lead" by the word matcher: the run of unmatched words alone
    # would start after it; the clause between the commas is still a candidate
    matched = [w.text not in ("الفريق", "الأوروبي") for w in words]
    a = BJORN.index(CLAUSE)
    spans = {(s, e) for s, e, _ in _candidates(words, matched, BJORN)}
    assert (a, a + len(CLAUSE)) in spans


@pytest.mark.parametrize(
    ("text", "lang", "date"),
    [
        ("يناير) 2026", "ar", True),
        ("8 October 2025", "en", True),
        ("8 октября 2025", "ru", True),
        ("2026", "ar", False),  # a year alone is a figure (number_flags decides)
        ("في يناير الماضي", "ar", False),
        ("وتطورات الوضع في إثيوبيا", "ar", False),
    ],
)
def test_a_cut_of_only_a_dates_words(text: str, lang: str, date: bool) -> None:
    assert _date_only(text, lang) is date


def test_a_cut_holding_a_name_the_translation_has_is_not_left_out() -> None:
    text = 'حسبما ذكر أحد المصادر: "إن علامة ترولي، كانت حتى الآن أعلى أولويات هولي.'
    words = side_words([text], (0,))[0]
    name = next(i for i, w in enumerate(words) if w.text == "ترولي")
    pairs = SimpleNamespace(orig=words, forced=((name, 1),))
    trans = "A source said: \"Truly was by far the top of Holly's priorities."
    v = cast(LinkWords, SimpleNamespace(words=pairs, otext=text, ttext=trans))
    a = text.index("إن علامة")
    assert _holds_rendered(v, a, text.index("،"))  # the clause holds "ترولي" ~ "Truly"
    assert not _holds_rendered(v, 0, a)  # "حسبما ذكر أحد المصادر" holds no paired name


def test_a_cut_holding_a_spelled_acronym_the_translation_has_is_not_left_out() -> None:
    text = "أودع بالين ضمن الاعتقال، حسب قناة كيه تي يو يو التابعة لشبكة إن بي سي"
    pairs = SimpleNamespace(orig=[], forced=())
    cut = text.index("حسب"), len(text)
    for trans, rendered in (("Palin was remanded, reported KTUU.", True), ("Palin.", False)):
        v = cast(LinkWords, SimpleNamespace(words=pairs, otext=text, ttext=trans))
        assert _holds_rendered(v, *cut) is rendered
