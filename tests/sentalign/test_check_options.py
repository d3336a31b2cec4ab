"""``CHECK_OPTIONS``: the settings ``check`` aligns with (why they differ from the
alignment defaults: the comment above them in align/sentalign/options.py)."""

from __future__ import annotations

from align.sentalign.options import CHECK_OPTIONS, AlignOptions


def test_check_leaves_unmatched_anchors_unpriced() -> None:
    # Pricing unmatched anchors explains edits away by regrouping; shared anchors still
    # count, and the link repairs run.
    assert CHECK_OPTIONS.anchor_miss == 0.0 < AlignOptions().anchor_miss
    assert CHECK_OPTIONS.anchor_weight > 0.0
    assert CHECK_OPTIONS.repair is not None
