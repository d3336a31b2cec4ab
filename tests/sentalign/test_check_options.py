"""``CHECK_OPTIONS``: the settings ``check`` aligns with (why they differ from the
alignment defaults: the comment above them in align/sentalign/options.py)."""

from __future__ import annotations

from align.embed.encoder import Encoder
from align.sentalign.aligner import align_texts
from align.sentalign.options import CHECK_OPTIONS, AlignOptions


def test_check_leaves_unmatched_anchors_unpriced() -> None:
    # Pricing unmatched anchors explains edits away by regrouping; shared anchors still
    # count, and the link repairs run.
    assert CHECK_OPTIONS.anchor_miss == 0.0 < AlignOptions().anchor_miss
    assert CHECK_OPTIONS.anchor_weight > 0.0
    assert CHECK_OPTIONS.repair is not None


def test_check_keeps_a_dropped_sentence_an_omission(encoder: Encoder) -> None:
    ru = [
        "Спасатель Ларри Джайлз сообщил журналистам, что акулу видели в этом районе.",
        "Джайлз добавил, что пострадавший получил травмы верхней части туловища.",
        "Власти закрыли пляж на 48 часов.",
        "По словам Джайлза, в районе обитает более 135 видов акул.",
    ]
    en = [
        "Lifeguard Larry Giles told reporters that a shark had been seen in the area.",
        "Officials closed the beach for 48 hours.",
        "Giles said more than 135 species of shark live in the area.",
    ]
    pairs = [(lk.original, lk.translation) for lk in align_texts(ru, en, CHECK_OPTIONS, encoder)]
    assert pairs == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]
