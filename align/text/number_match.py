"""Two sentences' numeric facts compared: which hard facts one side has and the other lacks.

The facts come from ``align.text.numbers.extract_numbers``. Tolerances: decimals and values
>= 10,000 within 1.5 % are equal (rounding ``2.47 million`` as ``2.5 million``; small
integers and years must be exact, and two figures written to the same precision are never
roundings of each other); a two-digit decade matches its four-digit year (``90-х`` /
``1990s``); a unit word one side left implicit (``2.5`` / ``2.5 million``) and a unit
conversion within 12 % (km / miles, C / F) are the same fact; a phone number regrouped is
not a change, and a figure repeated on one side but changed once on the other is.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from align.text.numbers import NumberFact, extract_numbers


def _close(a: float, b: float) -> bool:
    if a == b:
        return True
    rounded = min(abs(a), abs(b)) >= 10_000 or not (a.is_integer() and b.is_integer())
    if rounded and a and b and abs(a - b) / max(abs(a), abs(b)) <= 0.015:
        return True
    # decade/year shorthand: 90 vs 1990, 2017 vs 17
    small, big = sorted((a, b))
    return bool(1000 <= big <= 2100 and small < 100 and small == big % 100 and small.is_integer())


def _scaled(a: float, b: float) -> bool:
    """Equal up to a unit word one side left implicit (``2.5`` vs ``2.5 million``)."""
    return any(_close(a * k, b) or _close(b * k, a) for k in (1e3, 1e6, 1e9))


def _converted(f: NumberFact, g: NumberFact) -> bool:
    """Same quantity in another unit system (km/miles, kg/pounds, C/F), within 12 %."""
    temps = {f.unit, g.unit} == {"temp", None}  # "27 градусов" vs "the 80s": °F implied
    if not temps and (not f.unit or f.unit != g.unit or not f.si or not g.si):
        return False
    if f.value and g.value and math.isclose(f.si / f.value, g.si / g.value, rel_tol=1e-6):
        return False  # the same unit on both sides (85 kg / 87 kg): no conversion to allow
    if f.unit == "temp" or temps:
        a, b = f.value, g.value
        return any(
            abs(x - y) <= 0.06 * max(abs(y), 1)
            for x, y in ((a * 9 / 5 + 32, b), (b * 9 / 5 + 32, a))
        )
    return abs(f.si - g.si) <= 0.12 * max(abs(f.si), abs(g.si))


@dataclass(frozen=True, slots=True)
class NumberDiff:
    """Result of comparing two sentence groups' numbers."""

    only_original: tuple[NumberFact, ...]
    only_translation: tuple[NumberFact, ...]
    qualifier_changes: tuple[tuple[NumberFact, NumberFact], ...]


def compare_numbers(orig_text: str, orig_lang: str, trans_text: str, trans_lang: str) -> NumberDiff:
    """Hard facts that one side has and the other does not, plus dropped qualifiers."""
    of = [f for f in extract_numbers(orig_text, orig_lang) if f.kind != "month"]
    tf = [f for f in extract_numbers(trans_text, trans_lang) if f.kind != "month"]
    only_o, quals = _unmatched(of, tf)
    only_t, _ = _unmatched(tf, of)
    if (
        only_o
        and only_t
        and _digits(only_o) == _digits(only_t)
        and (
            len(only_o) != len(only_t)
            or len(_digits(only_o)) >= 7
            or _groups(only_o) == _groups(only_t)
        )
    ):  # a phone number regrouped (not 36 -> 63, which keeps one fact per side)
        only_o, only_t = [], []
    if bool(only_o) != bool(only_t):  # "aged 30 and 30" / "aged 30 and 40"
        only_o = only_o or _repeats(of, tf)
        only_t = only_t or _repeats(tf, of)
    return NumberDiff(tuple(only_o), tuple(only_t), tuple(quals))


def _repeats(side: list[NumberFact], other: list[NumberFact]) -> list[NumberFact]:
    """Figures written more often on ``side`` than on ``other`` (one per surplus), so a
    repeated figure changed in one place is a change, not a match."""
    out = []
    seen: set[float] = set()
    for f in side:
        if not f.hard or f.value in seen:
            continue
        seen.add(f.value)
        mine = sum(g.hard and g.value == f.value for g in side)
        theirs = sum(g.value == f.value for g in other)
        if theirs and mine > theirs:
            out.append(f)
    return out


def _groups(facts: list[NumberFact]) -> list[str]:
    """The digit groups of the facts, sorted: "111 555" and "555 111" share them."""
    return sorted(g for f in facts for g in re.findall(r"\d+", f.text))


def _digits(facts: list[NumberFact]) -> str:
    return "".join(sorted(c for f in facts for c in f.text if c.isdigit()))


def _unmatched(
    side: list[NumberFact], other: list[NumberFact]
) -> tuple[list[NumberFact], list[tuple[NumberFact, NumberFact]]]:
    out: list[NumberFact] = []
    quals: list[tuple[NumberFact, NumberFact]] = []
    for f in side:
        if not f.hard:
            continue
        exact = [g for g in other if _close(f.value, g.value) and not _both_exact(f, g)]
        if exact:
            g = exact[0]
            if f.qualifier and not any(x.qualifier for x in exact) and g.hard:
                quals.append((f, g))
            continue
        if any(_scaled(f.value, g.value) or _converted(f, g) for g in other):
            continue
        if _article_part(f, other):
            continue
        out.append(f)
    return out, quals


def _both_exact(f: NumberFact, g: NumberFact) -> bool:
    """Two different figures written to the same precision ("320 thousand" / "321
    thousand"): neither is a rounding of the other, so the 1.5 % tolerance is off."""
    if f.value == g.value or not (f.hard and g.hard):
        return False
    fd, gd = sum(c.isdigit() for c in f.text), sum(c.isdigit() for c in g.text)
    return fd == gd and fd >= 2


def _article_part(f: NumberFact, other: list[NumberFact]) -> bool:
    """ "Article 159.3" on one side, "part 3 of article 159" on the other: one legal
    reference written as a structure, not a decimal."""
    m = re.fullmatch(r"(\d+)[.](\d+)", f.text)
    if not m:
        return False
    vals = {g.value for g in other}
    return float(m.group(1)) in vals and float(m.group(2)) in vals
