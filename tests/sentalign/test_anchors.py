"""Lexical anchors of the aligner: numbers as values, names both sides hold."""

from __future__ import annotations

import zlib

import numpy as np

from align.sentalign.anchors import ANCHOR_DIM, anchor_bags, document_anchors, name_keys


def slot(key: str) -> int:
    return zlib.crc32(key.encode()) % ANCHOR_DIM


def test_numbers_are_keyed_by_value() -> None:
    bags = anchor_bags(["Höhe 8.848 m", "8848 mètres", "٨٨٤٨ مترا", "3,5 %", "3.5 per cent"])
    assert (bags[0] == bags[1]).all() and (bags[1] == bags[2]).all()  # thousands, Arabic digits
    assert (bags[3] == bags[4]).all() and bags[3].sum() == 1  # decimal comma = decimal point


def test_name_keys_take_capitalised_latin_and_cyrillic_and_any_arabic_word() -> None:
    assert name_keys("Gestern bestieg Dyhrenfurth den Berg") == {"@drnfrt", "@gstrn", "@brg"}
    assert "@drnfrt" in name_keys("Восхождение Дюренфурт") & name_keys("l'ascension de Dyhrenfurth")
    assert name_keys("l'Everest et Zermatt") == {"@frst", "@srmt"}  # French elision
    assert name_keys("قال بوتين") == {"@btn"} and "@btn" in name_keys("Putin said")
    assert name_keys("a short Tom") == set()  # under four letters


def test_document_anchors_keep_only_names_both_sides_hold() -> None:
    de = ["Die Höhenzahlen des Everest nach Dyhrenfurth.", "Ein anderer Satz ohne Namen."]
    fr = ["Les altitudes de l'Everest selon Dyhrenfurth.", "Une autre phrase."]
    bags_de, bags_fr = document_anchors(de, fr)
    shared = {slot("@drnfrt"), slot("@frst")}
    assert set(np.flatnonzero(bags_de[0])) == shared == set(np.flatnonzero(bags_fr[0]))
    assert bags_de[1].sum() == 0 and bags_fr[1].sum() == 0  # "Satz", "Namen": German nouns only
    plain_de, _ = document_anchors(de, fr, names=False)
    assert plain_de.sum() == 0
