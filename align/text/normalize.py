"""Text normalisation for matching only; it never changes the text shown to people.

Reports quote the article exactly as published. Matching, however, must not care
whether a number was typed with Eastern Arabic digits, a name with or without
tatweel and diacritics, or a quote as « or ". Every function here maps text to a
comparison form; none of it is written back into a ``Sentence``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Eastern Arabic (U+0660..0669) and Persian (U+06F0..06F9) digits -> ASCII. The
# encoder tokenises runs of these to <unk> (P@1 on digit sentences 95.8 -> 99.3).
_DIGITS = {cp: ord("0") + (cp - 0x0660) for cp in range(0x0660, 0x066A)}
_DIGITS.update({cp: ord("0") + (cp - 0x06F0) for cp in range(0x06F0, 0x06FA)})
# Arabic decimal/thousands separators and percent sign.
_DIGITS.update({0x066B: ord("."), 0x066C: ord(","), 0x066A: ord("%")})

# Bidi controls and zero-width characters: invisible, yet they break token matching.
_INVISIBLE = dict.fromkeys(
    [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x061C]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)

_QUOTES = {ord(c): '"' for c in "«»“”„‟❝❞〝〞＂"} | {ord(c): "'" for c in "‘’‚‛′`´"}
_DASHES = {ord(c): "-" for c in "‐‑‒–—―−"}

_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)


@lru_cache(maxsize=65536)
def ascii_digits(text: str) -> str:
    """Map Eastern Arabic and Persian digits (and Arabic separators) to ASCII (cached: the
    encoder keys every text it is asked for by it, ~130k times in a bench/flags.py run)."""
    return text.translate(_DIGITS)


def strip_invisible(text: str) -> str:
    """Remove bidi controls and zero-width characters."""
    return text.translate(_INVISIBLE)


def normalize_arabic(text: str) -> str:
    """Drop tatweel and diacritics; unify alef, ya, ta marbuta, hamza carriers."""
    return _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_LETTERS)


def normalize_for_matching(text: str) -> str:
    """The comparison form of ``text``: NFKC, digits, quotes, dashes, ё, Arabic forms, case."""
    text = unicodedata.normalize("NFKC", strip_invisible(text))
    text = ascii_digits(text).translate(_QUOTES).translate(_DASHES)
    text = normalize_arabic(text)
    text = text.replace("ё", "е").replace("Ё", "Е")
    return text.casefold()


NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")  # a number token, after ``ascii_digits``


def number_key(token: str) -> str:
    """One key for one value, however it is written: "1,500" and "1.500" (thousands) are
    "1500", "3,5" and "3.5" are "3.5", "2.50" is "2.5"; but "3.5" is never "35".

    A comma or point followed by exactly three digits is a thousands separator (the
    common case in news: "1,500 people"); any other is a decimal mark.
    """
    digits = token.replace(",", ".").rstrip(".")
    if "." not in digits:
        return digits
    whole, _, frac = digits.rpartition(".")
    if len(frac) == 3 and whole:  # thousands separator, not a decimal
        return (whole + frac).replace(".", "")
    frac = frac.rstrip("0")
    return whole.replace(".", "") + ("." + frac if frac else "")
