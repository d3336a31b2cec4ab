"""Which links the word-level search reads (``word_flags._gate``). Searching every merge
and split link on its side of several sentences was tried (multi8) and taken out: about 6 %
more ``check`` time, over the issue's cost budget, for three seen edits."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from align.check.context import FlagOptions
from align.check.word_flags import _gate
from align.types import Link


def _ctx(ol: str = "ru", tl: str = "en") -> Any:
    """The three things ``_gate`` reads of a ``FlagContext``."""
    al = SimpleNamespace(original=SimpleNamespace(lang=ol), translation=SimpleNamespace(lang=tl))
    return SimpleNamespace(options=FlagOptions(), alignment=al, ratio_median=1.0)


ORIG = "Министр прибыл в Москву утром."
TRANS = "The minister arrived in Moscow in the morning."


def test_a_one_to_one_link_of_usual_length_is_not_searched() -> None:
    assert _gate(_ctx(), Link((0,), (0,), 0.9), ORIG, TRANS[: len(ORIG)]) is None
