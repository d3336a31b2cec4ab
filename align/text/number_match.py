"""Two sentences' numeric facts compared: which hard facts one side has and the other lacks.

The facts come from ``align.text.numbers.extract_numbers``. Tolerances: two different
figures are one only when the translation's is the original's rounded to fewer
significant digits (``2.47 million`` as ``2.5 million``; never ``300 thousand`` as
``300,300``, which adds precision, and never two figures at the same precision, ``320``
/ ``321 thousand``), within 1.5 %; small integers, years and clock times are exact
(``14:10`` is ``2:10 PM``); a two-digit decade matches its four-digit year (``90-х`` /
``1990s``); a unit word one side left implicit (``2.5`` / ``2.5 million``) and a unit
conversion within 12 % (km / miles, C / F) are the same fact, the conversion only
where the other side does not write the same unit; ``Article 159.3`` is ``part 3 of
article 159``; a phone number regrouped is not a change (its digits in order, or its
groups reversed), a transposition in it is, and a figure repeated on one
side but changed once on the other is. ``bench/changed_numbers.py`` measures all this on
human translations.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from align.text.names import words as name_words
from align.text.normalize import ascii_digits
from align.text.numbers import NumberFact, extract_numbers
from align.text.skeletons import skeleton, skeletons_match

# A code that starts with Latin letters: E14, G7, HER2, BNT162b2, S1000, SS19. The digit
# pass leaves them out (a figure glued to letters is no quantity), so they are compared
# as whole tokens here.
_CODE = re.compile(r"(?<![A-Za-z\d-])[A-Za-z]{1,8}\d[A-Za-z\d]*(?![A-Za-z\d])")


def _close(a: float, b: float) -> bool:
    if a == b:
        return True
    rounded = min(abs(a), abs(b)) >= 10_000 or not (a.is_integer() and b.is_integer())
    return bool(rounded and a and b and abs(a - b) / max(abs(a), abs(b)) <= 0.015)


def _decade(a: float, b: float) -> bool:
    """Decade or year shorthand: 90 vs 1990, 2017 vs 17."""
    small, big = sorted((a, b))
    return bool(1000 <= big <= 2100 and small < 100 and small == big % 100 and small.is_integer())


def _shorthand(f: NumberFact, g: NumberFact) -> bool:
    """A year written short on one side ("90-х" / "1990s"): plain figures only. A
    percentage or a measure is no year: "16 процентов" against "2016" is a changed
    figure, not the same one."""
    plain = all(x.kind in ("number", "century") and x.unit is None for x in (f, g))
    return plain and _decade(f.value, g.value)


def _scaled(f: NumberFact, g: NumberFact, is_original: bool) -> bool:
    """Equal up to a unit word one side left implicit (``2.5`` vs ``2.5 million``), by
    the same rule as figures written out (``_same``): "150.000" read as 150 is not
    150,150 in thousands. Never by the decade shorthand: a score's 0 scaled is 1,000,
    not the "00" of the year 2000 (a 1-0 win is not a 1-2 win)."""
    return any(
        _same(a, b, is_original) and not _decade(a.value, b.value)
        for k in (1e3, 1e6, 1e9)
        for a, b in ((replace(f, value=f.value * k), g), (f, replace(g, value=g.value * k)))
    )


def _converted(f: NumberFact, g: NumberFact) -> bool:
    """Same quantity in another unit system (km/miles, kg/pounds, C/F), within 12 %."""
    temps = {f.unit, g.unit} == {"temp", None}  # "27 градусов" vs "the 80s": °F implied
    if not temps and (not f.unit or f.unit != g.unit or not f.si or not g.si):
        return False
    if _same_unit(f, g):
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
    # a size left vague in the original and given as a figure by the translation:
    # (the original's "آلاف" / "thousands", the translation's "over 7,000")
    made_exact: tuple[tuple[NumberFact, NumberFact], ...] = ()

    @property
    def changed(self) -> bool:
        """A figure on each side that the other lacks: what ``check`` flags as a changed
        number (one side alone is a figure dropped or added, not changed)."""
        return bool(self.only_original and self.only_translation)


def compare_numbers(orig_text: str, orig_lang: str, trans_text: str, trans_lang: str) -> NumberDiff:
    """Hard facts that one side has and the other does not, plus dropped qualifiers."""
    of = [f for f in extract_numbers(orig_text, orig_lang) if f.kind != "month"]
    tf = [f for f in extract_numbers(trans_text, trans_lang) if f.kind != "month"]
    of, tf = _articles(of, tf)
    tf, of = _articles(tf, of)
    only_o, quals = _unmatched(of, tf, True)
    only_t, _ = _unmatched(tf, of, False)
    only_o, only_t = (
        _named_figures(only_o, only_t, trans_text),
        _named_figures(only_t, only_o, orig_text),
    )
    if (
        only_o
        and only_t
        and all(f.kind != "time" for f in (*only_o, *only_t))
        and _regrouped(only_o, only_t)
    ):  # a phone number regrouped (not 36 -> 63, nor 4278884 -> 4287884)
        only_o, only_t = [], []
    exact: list[tuple[NumberFact, NumberFact]] = []
    if only_t and not only_o:  # "آلاف الشهداء" / "over 7,000": not a 3,000 said twice, changed
        exact = _made_exact(of, tf, only_t)
        only_t = [g for g in only_t if all(g is not t for _, t in exact)]
    if bool(only_o) != bool(only_t):  # "aged 30 and 30" / "aged 30 and 40"
        only_o = only_o or _repeats(of, tf)
        only_t = only_t or _repeats(tf, of)
    if len(only_o) + len(only_t) == 1:  # "5 years" / "seven years"
        only_o = only_o or _lone_word(of, orig_lang, tf, only_t[0])
        only_t = only_t or _lone_word(tf, trans_lang, of, only_o[0])
    if only_t and not only_o:  # "300 km (109 miles)": the translator's conversion is wrong
        only_o, only_t = _misconverted(trans_text, trans_lang, only_t)
    co, ct = _codes(orig_text, trans_text), _codes(trans_text, orig_text)
    if co and ct:
        only_o, only_t = only_o + co, only_t + ct
    return NumberDiff(tuple(only_o), tuple(only_t), tuple(quals), tuple(exact))


# a size in the plural, no figure: "thousands", "сотни", "آلاف" (not "five", "тысяча")
_SIZE = re.compile(
    r"^(?:dozens|hundreds|thousands|millions|billions|десятк|сотни|сотен|тысячи|тысяч\b|"
    r"тысячам|миллион(?:ы|ов)|миллиард(?:ы|ов)|(?:ال)?(?:عشرات|مئات|آلاف|ألوف|ملايين|مليارات))",
    re.IGNORECASE,
)


def _made_exact(
    of: list[NumberFact], tf: list[NumberFact], only_t: list[NumberFact]
) -> list[tuple[NumberFact, NumberFact]]:
    """Each figure the translation alone gives, paired with a size the original leaves
    vague in the same order of magnitude ("thousands" for 1,000-9,999), when the
    translation does not keep that vague size itself."""
    kept = {g.value for g in tf if not g.hard}
    sizes = [
        f
        for f in of
        if not f.hard and f.kind == "number" and f.value not in kept and _SIZE.search(f.text)
    ]
    out = []
    for g in only_t:
        if g.kind != "number" or g.unit is not None:
            continue
        s = next((f for f in sizes if f.value <= g.value < 10 * f.value), None)
        if s is not None:
            out.append((s, g))
            sizes.remove(s)
    return out


# a quantity and its conversion in brackets: "300 km (190 miles)", "85 mph (137 km/h)",
# "30°C (86°F)", "30 degrees Celsius (86 degrees Fahrenheit)"
_CONVERSION = re.compile(
    r"(\d[\d.,]*\s*°?[^\W\d]{1,12}(?:/[^\W\d]{1,3}| [^\W\d]{1,12})?)\s*"
    r"\(\s*(\d[\d.,]*\s*[^()]{1,24})\)"
)


def _misconverted(
    text: str, lang: str, only: list[NumberFact]
) -> tuple[list[NumberFact], list[NumberFact]]:
    """``(quantity, [its conversion])`` when a one-sided figure of ``text`` is a bracketed
    conversion that does not convert the quantity before it ("300 km (109 miles)": 300 km
    is 186 miles), else ``([], only)``.

    A translator who adds a conversion the original lacks leaves a figure on one side only,
    which is never a changed number by itself; a wrong one is a changed figure all the
    same (``bench/changed_numbers.py``: "300 km (190 miles)" edited to "(109 miles)").
    """
    texts = {f.text for f in only}
    for m in _CONVERSION.finditer(ascii_digits(text)):
        base, conv = extract_numbers(m.group(1), lang), extract_numbers(m.group(2), lang)
        if len(base) != 1 or len(conv) != 1 or conv[0].text not in texts:
            continue
        f, g = base[0], conv[0]
        if f.unit and f.unit == g.unit and f.si and g.si and not _converted(f, g):
            return [f], [g]
    return [], only


def _named_figures(
    side: list[NumberFact], other: list[NumberFact], other_text: str
) -> list[NumberFact]:
    """``side``'s unmatched figures without the designations ("Kambarata-1") that nothing
    on the other side can be: no designation left unmatched there, and the name's word not
    written there ("Формулы-1" / "Formula 6" is a changed figure; "Kambarata-1" against
    the day of "31 июля", whose sentence never names the plant, is not)."""
    if any(g.kind == "designation" for g in other):
        return side
    words = [w for w, _ in name_words(other_text)]
    return [
        f
        for f in side
        if f.kind != "designation"
        or any(skeletons_match(skeleton(f.text.rsplit("-", 1)[0]), skeleton(w)) for w in words)
    ]


def _codes(text: str, other: str) -> list[NumberFact]:
    """The codes of ``text`` that ``other`` lacks but writes with the same letters and
    other digits: "G7" against "G8", "BNT162b2" against "BNT165b2". A code written on
    one side only (the other spelt it in Cyrillic, or in words) is no change."""
    mine, theirs = _CODE.findall(ascii_digits(text)), _CODE.findall(ascii_digits(other))
    mine_folded = {m.casefold() for m in mine}
    left = [c for c in theirs if c.casefold() not in mine_folded]
    skeletons = {re.sub(r"\d", "", c).casefold() for c in left}
    folded = {c.casefold() for c in theirs}
    return [
        NumberFact(float(re.sub(r"\D", "", c)), c, True, None, "code")
        for c in dict.fromkeys(mine)
        if c.casefold() not in folded and re.sub(r"\d", "", c).casefold() in skeletons
    ]


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


def _lone_word(
    side: list[NumberFact], lang: str, other: list[NumberFact], hard: NumberFact
) -> list[NumberFact]:
    """The one small number word on ``side`` that nothing on ``other`` matches, when
    ``other``'s figure ``hard`` is the only one left unmatched: "5 years" against
    "seven years" is a changed figure, though a number word alone is never flagged.
    Not in Arabic, whose ordinals, decades and compound numbers ("السابعة عشرة") come
    apart into several words (measured: 14 false alarms on NTREX ar-en)."""
    words = [
        f
        for f in side
        if not f.hard
        and f.kind == "number"
        and 2 <= f.value <= 100
        and f.value.is_integer()
        and f.value != hard.value
        and not any(g.value == f.value for g in other)
    ]
    return words if len(words) == 1 else []


def _digit_groups(facts: list[NumberFact]) -> list[str]:
    """The digit groups of the facts, in order ("+7 905" -> "7", "905")."""
    return [g for f in facts for g in re.findall(r"\d+", f.text)]


def _groups(facts: list[NumberFact]) -> list[str]:
    """The digit groups of the facts, sorted: "111 555" and "555 111" share them."""
    return sorted(_digit_groups(facts))


def _digits(facts: list[NumberFact]) -> str:
    return "".join(sorted(c for f in facts for c in f.text if c.isdigit()))


def _regrouped(only_o: list[NumberFact], only_t: list[NumberFact]) -> bool:
    """The same digits in other groups: "+7 905 989 9172" / "+79059899172", or groups listed
    the other way round ("111 555 0800" in Arabic running text / "0800 555 111"), or both.

    Not any permutation of the digits: "4278884" / "4287884" and "+7 905 989 9172" /
    "+7 905 899 9172" are a changed code and a changed phone number (``bench/
    changed_numbers.py``: transposed digits in long codes were never flagged).
    """
    if _digits(only_o) != _digits(only_t):
        return False
    if _groups(only_o) == _groups(only_t):
        return True
    groups_o = _digit_groups(only_o)
    in_order = "".join(_digit_groups(only_t))
    return in_order in ("".join(groups_o), "".join(reversed(groups_o)))


def _unmatched(
    side: list[NumberFact], other: list[NumberFact], is_original: bool
) -> tuple[list[NumberFact], list[tuple[NumberFact, NumberFact]]]:
    out: list[NumberFact] = []
    quals: list[tuple[NumberFact, NumberFact]] = []
    for f in side:
        if not f.hard:
            continue
        exact = [g for g in other if _same(f, g, is_original)]
        if exact:
            g = exact[0]
            if f.qualifier and not any(x.qualifier for x in exact) and g.hard:
                quals.append((f, g))
            continue
        if any(_scaled(f, g, is_original) for g in other):
            continue
        # a conversion only where the other side does not write the same unit: "300 km
        # (190 miles)" against "329 km (190 miles)" is a changed 300, not 190 miles
        if not any(_same_unit(f, g) for g in other) and any(_converted(f, g) for g in other):
            continue
        out.append(f)
    return out, quals


def _same_unit(f: NumberFact, g: NumberFact) -> bool:
    """Both written in one unit ("degrees" is not one: 27 degrees C are 80 degrees F)."""
    return bool(
        f.unit
        and f.unit != "temp"
        and f.unit == g.unit
        and f.value
        and g.value
        and math.isclose(f.si / f.value, g.si / g.value, rel_tol=1e-6)
    )


def _significant(v: float) -> str:
    """The significant digits of a value: 2,470,000 -> "247", 300,000 -> "3"."""
    digits = f"{abs(v):.6f}".replace(".", "").lstrip("0").rstrip("0")
    return digits or "0"


def _rounding(f: NumberFact, g: NumberFact, is_original: bool) -> bool:
    """Whether the translation's figure can be the original's rounded: "2.47 million" as
    "2.5 million", never the other way ("300 thousand" as "300,300" adds precision a
    translator does not have) and never two figures at the same precision."""
    sf, sg = _significant(f.value), _significant(g.value)
    if len(sf) == len(sg):
        return False
    rough, fine = (f, g) if len(sf) < len(sg) else (g, f)
    if (rough is f) == is_original:
        return False  # the original is the rough one: the translation invented digits
    n = len(_significant(rough.value))
    mag = math.floor(math.log10(abs(fine.value))) if fine.value else 0
    return math.isclose(round(fine.value, n - 1 - mag), rough.value, rel_tol=1e-9)


def _same(f: NumberFact, g: NumberFact, is_original: bool) -> bool:
    """One figure on both sides (``f`` on the original's side when ``is_original``). A
    clock time is exact ("14:10" is "2:10 PM", never "2:20 PM"); two different figures
    are one only when the translation's is the original's rounded (``_rounding``)."""
    if "time" in (f.kind, g.kind):
        return math.isclose(f.value, g.value, abs_tol=1e-6)
    if f.value == g.value or _shorthand(f, g):
        return True
    if not _close(f.value, g.value) or _both_exact(f, g):
        return False
    return _rounding(f, g, is_original)


def _articles(
    side: list[NumberFact], other: list[NumberFact]
) -> tuple[list[NumberFact], list[NumberFact]]:
    """Take out legal references written as a structure on one side and as parts on the
    other: "Article 159.3" here, "part 3 of article 159" there is one reference (both its
    figures must be there; "Article 158.3" against it stays a change)."""
    side, other = list(side), list(other)
    for f in list(side):
        m = re.fullmatch(r"(\d+)[.](\d+)", f.text)
        if not m or not f.hard:
            continue
        art, part = float(m.group(1)), float(m.group(2))
        a = next((g for g in other if g.hard and g.value == art), None)
        b = next((g for g in other if g.hard and g.value == part and g is not a), None)
        if a is not None and b is not None:
            side.remove(f)
            other = [g for g in other if g is not a and g is not b]
    return side, other


def _both_exact(f: NumberFact, g: NumberFact) -> bool:
    """Two different figures written to the same precision ("320 thousand" / "321
    thousand"): neither is a rounding of the other, so the 1.5 % tolerance is off."""
    if f.value == g.value or not (f.hard and g.hard):
        return False
    fd, gd = sum(c.isdigit() for c in f.text), sum(c.isdigit() for c in g.text)
    return fd == gd and fd >= 2
