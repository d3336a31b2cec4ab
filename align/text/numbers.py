"""Numeric facts of a sentence in Arabic, Russian or English, as comparable values.

A number is compared by value, never by spelling: ``2 million``, ``2,000,000``,
``2 млн`` and ``٢ مليون`` are one fact. Two kinds of facts exist:

* *hard* facts come from digits (``1,500``, ``1 500``, ``1,5`` in Russian, ``٣٫٥``,
  ``2.5 million``, ``50%``); a hard fact on one side with no equal value on the other is
  a number change worth flagging;
* *soft* facts come from number words (``three``, ``три``, ``ثلاثة``, ``a million``).
  They satisfy a hard fact on the other side, but an unmatched soft fact is never
  flagged: "one of the ..." / "أحد" / "один из" make small number words too unreliable
  to flag on their own (measured: every soft-fact flag on unedited NTREX was false).

Qualifiers ("more than", "about", "أكثر من", "نحو", "более", "около") are kept on the
fact so a dropped qualifier can be reported separately from a changed value.
Comparing two sentences' facts (tolerances, units, regrouped digits) is
``align.text.number_match``; this module only finds the facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from align.text.normalize import ascii_digits, normalize_arabic
from align.text.number_words import (
    AR_DUALS,
    AR_PREFIXES,
    AR_WORDS,
    EN_UNITS,
    EN_WORDS,
    MULT_WORDS,
    RU_EXACT,
    RU_STEMS,
    UNITS,
    VAGUE_PLURAL,
    ar_bare,
    ar_compound,
    ar_kind,
    en_compound,
)


@dataclass(frozen=True, slots=True)
class NumberFact:
    """One numeric value found in a sentence."""

    value: float
    text: str  # the span as written
    hard: bool = True  # from digits (True) or from words only (False)
    qualifier: str | None = None  # "more" | "less" | "about" | None
    # number | percent | month | time (a clock time: compared exactly) | code | century |
    # designation (a figure in a name: "Kambarata-1", its text holds the word)
    kind: str = "number"
    unit: str | None = None  # dimension: length | mass | temp | speed | area | volume
    si: float = 0.0  # value in the dimension's base unit (for unit conversions)


_QUALIFIERS = [
    (r"(?:more|greater|higher|larger) than|over|above|upwards of|in excess of|at least", "more"),
    (r"(?:less|fewer|lower) than|under|below|up to|nearly|almost|just under", "less"),
    (
        r"(?:just )?(?:before|after)|about|around|approximately|roughly|an estimated|circa"
        r"|close to|some|as many as",
        "about",
    ),
    (r"более|больше|свыше|более чем|не менее|не меньше|порядка", "more"),
    (r"менее|меньше|почти|не более|чуть меньше", "less"),
    (r"около|примерно|приблизительно|почти|порядка|где-то", "about"),
    (r"اكثر من|أكثر من|ما يزيد عن|ما يزيد على|ما لا يقل عن|يزيد عن|فوق", "more"),
    (r"اقل من|أقل من|ما يقل عن|حوالي|قرابه|قرابة|نحو|زهاء|ما يقارب|حوالى|تقريبا|تقريبًا", "about"),
]
_QUAL_RE = [
    (re.compile(rf"(?:^|\W)(?:{pat})\W*(?:the\s+|an?\s+)?$", re.I), q) for pat, q in _QUALIFIERS
]

_MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        "january янв يناير كانون_الثاني jan",
        "february фев فبراير شباط feb",
        "march мар مارس اذار آذار mar",
        "april апр ابريل أبريل نيسان apr",
        "may ма مايو ايار أيار",
        "june июн يونيو حزيران jun",
        "july июл يوليو تموز jul",
        "august авг اغسطس أغسطس اب آب aug",
        "september сен سبتمبر ايلول أيلول sep sept",
        "october окт اكتوبر أكتوبر تشرين_الاول oct",
        "november ноя نوفمبر تشرين_الثاني nov",
        "december дек ديسمبر كانون_الاول dec",
    ],
    start=1,
):
    for _n in _names.split():
        _MONTHS[_n] = _i

# A digit group: 1,234,567.89 | 1 234 567,89 | 12.5 | 3/4 is two numbers.
_NUM_RE = re.compile(
    r"(?<![0-9A-Za-zА-Яа-яЁё.,:])(\d{1,3}(?:[ \u00a0\u202f\u2009,.](?=\d{3}(?!\d))\d{3})+"
    r"(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:st|nd|rd|th|-?[а-яё]{1,3}\b)?"
)
_TOKEN_RE = re.compile(r"[^\W\d_]+", re.U)
_SCORE = re.compile(r"(?<![\d:.,])(\d{1,2}):(\d)(?![\d:])")
_DIMENSIONS = re.compile(r"(?<![^\W_])\d+(?:[.,]\d+)?(?:\s?[xXхХ×]\s?\d+(?:[.,]\d+)?)+")


def _parse_digits(raw: str, lang: str) -> float | None:
    s = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    s = s.replace(" ", "")
    groups = re.split(r"[,.]", s)
    seps = re.findall(r"[,.]", s)
    if not seps:
        return float(s)
    last = seps[-1]
    tail = groups[-1]
    if lang == "ru":
        # Russian: comma is decimal; a dot followed by exactly three digits is thousands.
        if last == "," or (last == "." and len(tail) != 3):
            whole = "".join(groups[:-1])
            return float(f"{whole}.{tail}")
        return float("".join(groups))
    if last == "," and len(tail) == 3 and all(x == "," for x in seps):
        return float("".join(groups))
    if last == "." and len(seps) > 1 and all(x == "." for x in seps) and len(tail) == 3:
        return float("".join(groups))  # 1.234.567
    whole = "".join(groups[:-1])
    return float(f"{whole}.{tail}")


@lru_cache(maxsize=65536)  # per token: a sentence's words recur across texts
def _word_value(tok: str, lang: str) -> float | None:
    low = tok.casefold()
    if lang == "en" or low in EN_WORDS:
        return EN_WORDS.get(low)
    if lang == "ru" or re.match("[а-яё]", low):
        low = low.replace("ё", "е")
        if low in RU_EXACT or len(low) >= 4:
            for stem, val in RU_STEMS:
                if low.startswith(stem) and (len(low) - len(stem) <= 4):
                    if stem in ("сем", "пят", "шест", "сто") and low not in RU_EXACT:
                        continue  # семья, пятница, шестой..., столица
                    return float(val)
        return None
    if _AR_MONDAY.match(normalize_arabic(low)):
        return None  # "يوم الاثنين": Monday, read as a 2 it made "in 2022" a changed figure
    return ar_bare(low, AR_WORDS) or ar_bare(low, AR_DUALS)


# Monday is "the two" (الاثنين), after a conjunction or a preposition too; "اثنين" without
# the article is still the number (and "بين الاثنين", between the two, loses a soft 2)
_AR_MONDAY = re.compile(r"^[وفبل]?(?:ال|لل)اثنين$")


@lru_cache(maxsize=65536)  # per token: a sentence's words recur across texts
def _mult_value(tok: str) -> float | None:
    low = normalize_arabic(tok.casefold().rstrip("."))
    if low in MULT_WORDS:
        return MULT_WORDS[low]
    for pre in AR_PREFIXES:
        if low.startswith(pre) and low[len(pre) :] in MULT_WORDS and len(low) > len(pre) + 2:
            return MULT_WORDS[low[len(pre) :]]
    return None


# fmt: off
_RU_MONTHS = (
    "январ", "феврал", "март", "апрел", "мая", "мае", "май", "июн", "июл", "август", "сентябр",
    "октябр", "ноябр", "декабр",
)
# fmt: on


@lru_cache(maxsize=65536)  # per token: a sentence's words recur across texts
def _month(tok: str, lang: str) -> int | None:
    """Month number of a month name (dates compare by month as well as day and year)."""
    low = tok.casefold()
    if re.match("[а-яё]", low):
        for i, stem in enumerate(_RU_MONTHS):
            if low.startswith(stem):
                return min(i + 1, 5) if i <= 6 else i - 1
        return None
    if re.match("[a-z]", low):
        return _MONTHS.get(low) if tok[:1].isupper() and len(low) > 3 else None
    return _MONTHS.get(normalize_arabic(low))


def _unit(after: str, val: float) -> tuple[str | None, float]:
    m = re.match(r"[\s-]*([^\W\d_]+(?:/[^\W\d_]+)?|°)", after)
    if not m:
        return None, 0.0
    w = m.group(1).casefold()
    for pre, dim, k in UNITS:
        if dim == "temp?":
            continue
        if w.startswith(pre) and (len(pre) > 2 or w == pre or pre in ("°",)):
            if dim == "length" and re.match(r"\s*(?:per|an?|в)\s+(?:hour|час)", after[m.end() :]):
                return "speed", val * k / 1000  # "85 miles per hour": km/h like "137 км/ч"
            return dim, val * k
    return None, 0.0


def _qualifier(before: str) -> str | None:
    tail = before[-30:]
    for rx, q in _QUAL_RE:
        if rx.search(tail):
            return q
    return None


def extract_numbers(text: str, lang: str) -> list[NumberFact]:
    """All numeric facts of ``text`` (``lang`` is ar | ru | en; others parse as en).

    Digits first (hard facts, with their scale word, percent, clock time, unit and
    qualifier), then a unit shared across a range, then number words outside the digit
    spans (soft facts, except a figure written out in words).
    """
    return list(_extract(text, lang))


@lru_cache(maxsize=8192)
def _extract(text: str, lang: str) -> tuple[NumberFact, ...]:
    """``extract_numbers``, cached: a sentence is compared with each of its links."""
    t = ascii_digits(text).replace("\u066b", ".").replace("\u066c", ",")
    # "30،000": the Arabic comma as a thousands separator (one character for one, so
    # spans still point into the text); read apart, "000" was a figure of its own
    t = _AR_THOUSANDS.sub(",", t)
    # a score or ratio 2:2 / 3:1 (one digit after the colon: no clock) is two figures, as
    # "2-2" is; the same length, so spans still point into the text
    t = _SCORE.sub(r"\1-\2", t)
    # 70x190, Cyrillic 70х190, 21х17х4: figures, not a code (a code such as B13x5 stays one)
    t = _DIMENSIONS.sub(lambda m: re.sub("[xXхХ]", "×", m.group()), t)
    facts: list[NumberFact] = []
    used: list[tuple[int, int]] = []
    for m in _NUM_RE.finditer(t):
        if _glued_to_word(t, m.start(), m.end()):
            continue
        found = _digit_fact(t, m, lang)
        if found is not None:
            named = _DESIGNATION.search(t, max(0, m.start() - 40), m.start())
            fact = found[0]
            if named:  # "Kambarata-1": the name's word travels with the figure
                fact = replace(fact, kind="designation", text=f"{named.group(1)}-{fact.text}")
            facts.append(fact)
            used.append((m.start(), found[1]))
    _share_range_units(t, facts, used)
    return tuple(facts + _word_facts(t, lang, used))


# an outlet's name in brackets, a figure glued to its word: "أربيل (كوردستان24)-"
_AR_OUTLET = re.compile(r"\([\u0621-\u064a]{3,}$")


def _glued_to_word(t: str, start: int, end: int) -> bool:
    """Whether the digits at ``start:end`` end a bracketed Arabic word: "(كوردستان24)"
    is the outlet Kurdistan24, which ``_NUM_RE`` leaves out in Latin; read as a 24, it
    made "the two officials" a changed figure. Only in brackets: Arabic copy also glues
    real figures to words by a missing space ("عمره40 عاما"; allowing any glued word
    cost bench/changed_numbers.py a fifth of a point of recall)."""
    return t[end : end + 1] == ")" and _AR_OUTLET.search(t, max(0, start - 24), start) is not None


# A number hyphenated to a capitalised word is part of a name: a plant, an aircraft, a
# disease ("Kambarata-1", "ГЭС-1", "Су-35", "COVID-19"): kind ``designation``, compared as
# a figure only with a designation or where the other side writes the name's word
# (``number_match``). Read as a plain figure, "Kambarata-1" against a dropped date
# "31 июля" was a false major "number changed"; "mid-2024" (lower case) stays a year.
_DESIGNATION = re.compile(r"(?:^|[^\w-])([A-ZА-ЯЁ][^\W\d_]*)-$")
_AR_THOUSANDS = re.compile(r"(?<=\d)\u060c(?=\d{3}(?!\d))")
# after a clock hour: "p.m.", Arabic "evening"/"noon", Russian "o'clock in the day/evening"
_PM = re.compile(r"\s*(?:p\.\s?m\.|pm\b|مساء|ظهر|بعد الظهر|час(?:а|ов)? (?:дня|вечера))", re.I)


def _digit_fact(t: str, m: re.Match[str], lang: str) -> tuple[NumberFact, int] | None:
    """The hard fact of one digit group and where its span ends (after a scale word,
    clock minutes or "p.m."), or None when the digits do not parse as a number."""
    raw = m.group(1)
    try:
        val = _parse_digits(raw, lang)
    except ValueError:
        return None
    if val is None:
        return None
    end = m.end()
    rest = t[end : end + 16]
    kind = "number"
    mm = re.match(r"\s*-?\s*([^\W\d_]+\.?)", rest)
    if mm:
        mult = _mult_value(mm.group(1))
        if mult is not None and not (mm.group(1).lower() in ("m", "k") and rest[:1] == " "):
            val *= mult
            end += mm.end()
    if re.match(r"\s*(%|٪|per ?cent|процент|في المائة|في المئة|بالمائة|بالمئة)", t[end : end + 14]):
        kind = "percent"
    tm = re.match(r":(\d{2})\b", t[end : end + 3])
    if tm:  # a clock time 15:00 / 7:55 -> 15.0 / 7.55 (English writes 7.55am, 3 p.m.)
        val += int(tm.group(1)) / 100
        end += 3
        kind = "time"
    pm = _PM.match(t[end : end + 16])
    if pm and val < 12:
        val += 12
        kind = "time"
        end += pm.end()  # "p.m." is read, not left for the word pass (its "m" is no million)
    unit, si = _unit(t[end : end + 24], val)
    fact = NumberFact(
        round(val, 6), t[m.start() : end].strip(), True, _qualifier(t[: m.start()]), kind, unit, si
    )
    return fact, end


def _share_range_units(t: str, facts: list[NumberFact], used: list[tuple[int, int]]) -> None:
    """Give the first figure of a range its partner's unit: in "5-10 cm" and "от 2,5 до
    10 см" the unit is written once, and 5 cm against "2 inches" must still convert."""
    for i in range(len(facts) - 2, -1, -1):
        f, g = facts[i], facts[i + 1]
        between = t[used[i][1] : used[i + 1][0]]
        if (
            f.unit is None
            and g.unit
            and re.fullmatch(r"\s*(?:-|–|—|to|до|and|и|or|или|الى|إلى|و)\s*", between)
        ):
            k = g.si / g.value if g.value else 0.0
            facts[i] = NumberFact(f.value, f.text, f.hard, f.qualifier, f.kind, g.unit, f.value * k)


def _word_facts(t: str, lang: str, used: list[tuple[int, int]]) -> list[NumberFact]:
    """Number words, bare multipliers and month names outside the digit spans ``used``.

    Soft facts (see the module docstring), except a figure written out ("three
    thousand"), which is as hard as its digits.
    """
    facts: list[NumberFact] = []
    toks = list(_TOKEN_RE.finditer(t))
    skip = -1
    for k, m in enumerate(toks):
        if k <= skip or any(a <= m.start() < b for a, b in used):
            continue
        tok = m.group(0)
        compound = ar_compound(t, toks, k) if lang == "ar" else None
        if compound is not None:  # "السابعة عشرة": one soft 17, not a 7 and a 10
            skip = compound[1]
            text = t[m.start() : toks[skip].end()]
            qual = _qualifier(t[: m.start()])
            facts.append(NumberFact(compound[0], text, False, qual, ar_kind(t, m.start())))
            continue
        val = _word_value(tok, lang)
        mult = _mult_value(tok) if val is None else None
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if en_compound(t, tok, val, m.end(), nxt):  # "fifty-eight": one 58, not 50 and 8
            assert val is not None and nxt is not None
            val += EN_UNITS[nxt.group(0).casefold()]
            skip = k + 1
            text = t[m.start() : nxt.end()]
            facts.append(NumberFact(val, text, False, _qualifier(t[: m.start()]), "number"))
            continue
        if val is not None and val > 1 and nxt is not None and not t[m.end() : nxt.start()].strip():
            big = _mult_value(nxt.group(0))
            if big and VAGUE_PLURAL.match(normalize_arabic(tok.casefold())):
                big = None  # "десятки тысяч": a soft size (below), not a figure
            if big:  # "three thousand": a figure written in words is as hard as digits
                qual = _qualifier(t[: m.start()])
                text = t[m.start() : nxt.end()]
                facts.append(NumberFact(float(val * big), text, True, qual, "number"))
                skip = k + 1
                continue
        if val is None and mult is None:
            month = _month(tok, lang)
            if month:
                facts.append(NumberFact(float(month), tok, False, None, "month"))
            continue
        if val is None:
            val = mult
        kind = ar_kind(t, m.start()) if lang == "ar" else "number"
        hard = lang == "ar" and ar_bare(tok, AR_DUALS) is not None  # "مليوني": 2 million
        facts.append(NumberFact(float(val or 0), tok, hard, _qualifier(t[: m.start()]), kind))
    return facts


def format_value(f: NumberFact) -> str:
    """A readable rendering of a fact's value for flag details."""
    v = f.value
    if f.kind in ("code", "designation"):  # E14, BNT162b2, COVID-19: the token as written
        return f.text
    if f.kind == "time":  # 14.1 is ten past two: "14:10"
        return f"{int(v)}:{round(100 * (v - int(v))):02d}"
    if float(v).is_integer() and 1800 <= v <= 2100 and "," not in f.text and " " not in f.text:
        return f"{int(v)}"  # a year (or a plain four-digit count): "2011", not "2,011"
    s = f"{int(v):,}" if float(v).is_integer() else f"{v:,.6g}"
    return s + ("%" if f.kind == "percent" else "")
