"""Countries and cities named in a text: the place rules' lookups (``align.check.places``,
``value_flags``) over ``lexicon_places``' tables, with ``lexicon``'s word patterns."""

from __future__ import annotations

import re
from functools import lru_cache

from align.check.lexicon import lexicon_lang, word_pattern
from align.check.lexicon_places import CITIES, COUNTRIES
from align.check.lexicon_places import PROCLITICS as _P

_LETTER = re.compile(r"[^\W\d_]")  # what the patterns' word boundaries call a letter


def country_hits(country: str, text: str, lang: str) -> list[tuple[int, int]]:
    """Spans in ``text`` naming ``country`` (a key of ``COUNTRIES``)."""
    return [m.span() for m in word_pattern(COUNTRIES[country][lexicon_lang(lang)]).finditer(text)]


@lru_cache(maxsize=256)
def countries_named(text: str, lang: str) -> frozenset[str]:
    """The ``COUNTRIES`` keys ``text`` names (cached: each name flag of a document asks it
    of the whole original).

    One scan with every country's pattern in one alternation finds where countries are
    named; each country's own pattern then searches only there (thirty scans of a whole
    article were a twentieth of ``check``'s time). Alternation keeps one match per
    place, but a country named inside another's name ("المملكة الأردنية") starts within
    the span the alternation matched, so each window runs from a match's start to past
    its end (``_COUNTRY_REACH``), and ends where no letter is, so that a word-end
    assertion at the window's end is true of the text too."""
    lang = lexicon_lang(lang)
    windows = []
    for m in _any_country(lang).finditer(text):
        end = min(len(text), m.end() + _COUNTRY_REACH)
        while end < len(text) and _LETTER.match(text, end):
            end += 1
        windows.append((m.start(), end))
    return frozenset(
        c
        for c in COUNTRIES
        if any(word_pattern(COUNTRIES[c][lang]).search(text, a, b) for a, b in windows)
    )


_COUNTRY_REACH = 80  # characters past a match where another country's name may end


@lru_cache(maxsize=8)
def _any_country(lang: str) -> re.Pattern[str]:
    """Every country of ``COUNTRIES`` in one pattern (``countries_named``'s first scan)."""
    return word_pattern("|".join(f"(?:{p[lang]})" for p in COUNTRIES.values()))


def city_named(city: str, text: str, lang: str) -> bool:
    """Whether ``city`` (a ``city:`` concept) is named in ``text`` at all, glued to the
    next word or not (a loose search: no word boundaries, no proclitics)."""
    pat = CITIES[city.removeprefix("city:")][1][lexicon_lang(lang)].replace(_P, "")
    return re.search(pat, text, re.I) is not None
