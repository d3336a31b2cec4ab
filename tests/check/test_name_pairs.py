"""One half of a name pair replaced: the partner matches, its neighbour does not."""

from __future__ import annotations

from align.check.name_evidence import paired_gap
from align.text.names import Name, skeleton


def _gap(name: str, trans: str, orig: str) -> bool:
    return paired_gap(Name(name, skeleton(name)), trans, orig)


def test_replaced_surname_beside_a_matched_first_name() -> None:
    o = "وتأتي السياسة الجديدة بعد دعوة بوريس جونسون إلى تخفيض الرسوم"
    assert _gap("Fernandez", "The policy comes after Boris Fernandez called for a cut.", o)
    assert _gap(
        "Moreno", "Jeremy Moreno claimed last week", "На прошлой неделе Джереми Корбин заявил"
    )


def test_replaced_first_name_before_a_matched_surname() -> None:
    o = "أشار الرئيس الأمريكى دونالد ترامب يوم الأربعاء الماضي"
    assert _gap("Okonkwo", "U.S. President Okonkwo Trump last Wednesday referred", o)


def test_no_gap_when_the_partner_is_unmatched_or_absent() -> None:
    assert not _gap("Novak", "Official Novak dealer.", "Официальный дилер Makita.")
    assert not _gap("Tanaka", "Tanaka said so.", "Так сказал Танака.")
