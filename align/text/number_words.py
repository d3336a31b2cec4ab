"""Number words, multipliers and units of ``align.text.numbers`` (Arabic, Russian, English).

Data only: word -> value tables, Russian stems matched as prefixes of inflected forms,
multiplier words ("million", "тыс.", "مليون") and unit words with their factor to a
base unit, so conversions (km / miles, kg / pounds) can be compared. Besides the data,
the two word patterns the reader tests beside them: a vague plural before a multiplier
("десятки тысяч") and an English compound ("fifty-eight", ``en_compound``); and the
Arabic word readers (a word after its article or clitic, ``ar_bare``; a two-word
number, ``ar_compound``; a century's number word, ``ar_kind``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from align.text.normalize import normalize_arabic

# fmt: off
MULT_WORDS: dict[str, float] = {
    "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12, "k": 1e3, "тыс": 1e3,
    "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тысячу": 1e3, "тысячами": 1e3, "млн": 1e6,
    "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "миллионы": 1e6, "млрд": 1e9,
    "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "трлн": 1e12, "триллион": 1e12,
    "триллиона": 1e12, "триллионов": 1e12, "الف": 1e3, "الاف": 1e3, "مليون": 1e6, "ملايين": 1e6,
    "مليونا": 1e6, "مليار": 1e9, "مليارات": 1e9, "مليارا": 1e9, "بليون": 1e9, "تريليون": 1e12,
}
# fmt: on

# fmt: off
EN_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
# fmt: on
# fmt: off
EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}
# fmt: on
EN_WORDS: dict[str, float] = {w: float(i) for i, w in enumerate(EN_ONES) if i >= 2}
EN_WORDS.update({k: float(v) for k, v in EN_TENS.items()})
# Russian: stems matched as prefixes of inflected forms (три, трёх, тремя ...).
# fmt: off
RU_STEMS: list[tuple[str, float]] = [
    ("двадцат", 20), ("тридцат", 30), ("сорок", 40), ("пятьдесят", 50), ("шестьдесят", 60),
    ("семьдесят", 70), ("восемьдесят", 80), ("девяност", 90), ("одиннадцат", 11), ("двенадцат", 12),
    ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15), ("шестнадцат", 16),
    ("семнадцат", 17), ("восемнадцат", 18), ("девятнадцат", 19), ("двести", 200), ("триста", 300),
    ("сто", 100), ("два", 2), ("две", 2), ("двух", 2), ("трех", 3), ("три", 3), ("четыр", 4),
    ("пят", 5), ("шест", 6), ("сем", 7), ("восьм", 8), ("восем", 8), ("девят", 9), ("десят", 10),
]
# fmt: on
# fmt: off
RU_EXACT = {
    "два", "две", "три", "сто", "ста", "сотни", "семь", "семи", "семью", "пять", "пяти", "шесть",
    "шести", "десять", "десяти", "девять", "девяти", "восемь", "восьми",
}
# fmt: on
# Arabic words are looked up normalised (``normalize_arabic``: ئ -> ي, ة -> ه), so the
# tables are normalised where written: "مائة" (100) was written with its hamza and never
# matched a word of any text.
# fmt: off
AR_WORDS: dict[str, float] = {
    "اثنان": 2, "اثنين": 2, "اثنتين": 2, "اثنتان": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4,
    "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8,
    "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30,
    "ثلاثون": 30, "اربعين": 40, "اربعون": 40, "خمسين": 50, "خمسون": 50, "مائه": 100, "مئه": 100,
    "مئات": 100,
}
# fmt: on
# The duals of a hundred, a thousand, a million, a billion ("مليوني دولار": two million
# dollars): a figure in one word, as hard as "two million". Not the forms in -ا, which
# are also the accusative singular ("عشرون مليونا": twenty million).
# fmt: off
AR_DUALS: dict[str, float] = {
    "مائتين": 200, "مائتان": 200, "مائتي": 200, "مائتا": 200, "مئتين": 200, "مئتي": 200,
    "ألفين": 2e3, "ألفان": 2e3, "ألفي": 2e3, "مليونين": 2e6, "مليونان": 2e6, "مليوني": 2e6,
    "مليارين": 2e9, "ملياران": 2e9, "ملياري": 2e9,
}
# fmt: on
AR_WORDS, AR_DUALS = ({normalize_arabic(k): v for k, v in t.items()} for t in (AR_WORDS, AR_DUALS))
# Arabic ordinals (normalised: ة -> ه), read like cardinals; "first" (الاول) is left out, as
# "one" is everywhere. حادي and احد/اثنا/اثني only open a compound ("الحادي عشر" = 11th).
# fmt: off
AR_ORDINALS: dict[str, float] = {
    "ثاني": 2, "ثانيه": 2, "ثالث": 3, "ثالثه": 3, "رابع": 4, "رابعه": 4, "خامس": 5, "خامسه": 5,
    "سادس": 6, "سادسه": 6, "سابع": 7, "سابعه": 7, "ثامن": 8, "ثامنه": 8, "تاسع": 9, "تاسعه": 9,
    "عاشر": 10, "عاشره": 10,
}
AR_TEEN_HEADS: dict[str, float] = {
    "حادي": 1, "حاديه": 1, "احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
}
AR_TENS: dict[str, float] = {
    "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "اربعون": 40,
    "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70, "ثمانين": 80,
    "ثمانون": 80, "تسعين": 90, "تسعون": 90,
}
# fmt: on
# unit word prefix -> (dimension, factor to base unit); translations convert km to miles.
# fmt: off
UNITS: list[tuple[str, str, float]] = [
    ("km/h", "speed", 1.0), ("км/ч", "speed", 1.0), ("mph", "speed", 1.609), ("кв", "area", 1.0),
    ("km", "length", 1000), ("км", "length", 1000), ("كيلومتر", "length", 1000),
    ("كم", "length", 1000), ("kilomet", "length", 1000), ("километр", "length", 1000),
    ("mile", "length", 1609.3), ("мил", "length", 1609.3), ("ميل", "length", 1609.3),
    ("cm", "length", 0.01), ("см", "length", 0.01), ("сантиметр", "length", 0.01),
    ("centimet", "length", 0.01), ("سم", "length", 0.01), ("inch", "length", 0.0254),
    ("дюйм", "length", 0.0254), ("بوص", "length", 0.0254), ("метр", "length", 1.0),
    ("metre", "length", 1.0), ("meter", "length", 1.0), ("متر", "length", 1.0),
    ("yard", "length", 0.9144), ("ярд", "length", 0.9144), ("ياردة", "length", 0.9144),
    ("feet", "length", 0.3048), ("foot", "length", 0.3048), ("ft", "length", 0.3048),
    ("фут", "length", 0.3048), ("قدم", "length", 0.3048), ("м", "length", 1.0),
    ("m", "length", 1.0), ("kg", "mass", 1.0), ("кг", "mass", 1.0), ("килограмм", "mass", 1.0),
    ("kilogram", "mass", 1.0), ("كيلوغرام", "mass", 1.0), ("كغ", "mass", 1.0),
    ("pound", "mass", 0.4536), ("lb", "mass", 0.4536), ("фунт", "mass", 0.4536),
    ("رطل", "mass", 0.4536), ("тонн", "mass", 1000), ("ton", "mass", 1000), ("طن", "mass", 1000),
    ("degree", "temp", 1.0), ("градус", "temp", 1.0), ("درج", "temp", 1.0), ("°", "temp", 1.0),
    ("s", "temp?", 1.0),
]
# fmt: on
AR_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف")

# "десятки тысяч", "عشرات الآلاف": tens (hundreds) of thousands is a size, not a figure:
# read as the hard 10,000 it was a figure the translation's "tens of thousands" lacks
VAGUE_PLURAL = re.compile(r"^(?:десятк|сотн|сотен|عشرات|مئات|المئات|العشرات)")
# the units of an English compound number, "fifty-eight" or "twenty one"
EN_UNITS = {w: i for i, w in enumerate(EN_ONES) if 1 <= i <= 9}


def en_compound(t: str, tok: str, val: float | None, end: int, nxt: re.Match[str] | None) -> bool:
    """Whether ``tok`` (a tens word) and the next token are one English number: "fifty-eight",
    "twenty one" (a hyphen or one space between)."""
    return (
        val is not None
        and 20 <= val <= 90
        and val % 10 == 0
        and nxt is not None
        and t[end : nxt.start()] in ("-", " ")
        and nxt.group(0).casefold() in EN_UNITS
        and tok.casefold() in EN_WORDS
    )


_AR_CENTURY = re.compile(r"قرن\s+(?:\S+\s+)?$")


def ar_kind(t: str, start: int) -> str:
    """ "century" for the number word of "القرن العشرين" (the 20th century), which a
    translation renders as "the 1930s" or "the 2000s" as often as "the 20th century"."""
    return "century" if _AR_CENTURY.search(t[max(0, start - 24) : start]) else "number"


def ar_bare(tok: str, table: dict[str, float]) -> float | None:
    """The value of an Arabic word in ``table``, after its article or a clitic."""
    a = normalize_arabic(tok)
    for pre in ("",) + AR_PREFIXES:
        if a.startswith(pre) and a[len(pre) :] in table:
            return float(table[a[len(pre) :]])
    return None


@lru_cache(maxsize=65536)  # per word: every Arabic word is asked, few are numbers
def _ar_unit(tok: str) -> float | None:
    """The unit (under 10) an Arabic two-word number may start with: a teen head, an
    ordinal, or a cardinal under ten; None for any other word."""
    unit = ar_bare(tok, AR_TEEN_HEADS) or ar_bare(tok, AR_ORDINALS)
    cardinal = ar_bare(tok, AR_WORDS)
    if unit is None and cardinal is not None and cardinal < 10:
        unit = cardinal
    return None if unit is None or unit >= 10 else unit


def ar_compound(t: str, toks: list[re.Match[str]], k: int) -> tuple[float, int] | None:
    """An Arabic number or ordinal of two words starting at token ``k``, with the index
    of its last token: "الثالثة عشر" (13th), "السابعة والأربعين" (47th), "ثلاثة وعشرون"
    (23). Read word by word they were a 7 and a 40, which matched a changed "7" or "40" on
    the other side. An ordinal alone stays unread: "عبدالله الثاني" is Abdullah II, whom
    English writes without digits (read as a 2, it made "COVID-19" a changed figure)."""
    unit = _ar_unit(toks[k].group(0))
    if unit is None:
        return None
    if k + 1 < len(toks) and not t[toks[k].end() : toks[k + 1].start()].strip():
        nxt = normalize_arabic(toks[k + 1].group(0))
        if nxt in ("عشر", "عشره"):
            return unit + 10, k + 1
        if nxt.startswith("و"):
            tens = ar_bare(nxt[1:], AR_TENS)
            if tens is not None:
                return unit + tens, k + 1
    return None  # one word: a cardinal is read as before, an ordinal not at all
