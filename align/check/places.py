"""Places changed inside a linked pair (``name_mismatch``, subkind ``place``): a city where
the original names its country or another city, a country where the original names
another one. Split from ``cue_rules``, which calls them after its cues.
"""

from __future__ import annotations

import re

from align.check.lexicon import lexicon_lang
from align.check.lexicon_places import CITIES, COUNTRIES, PROCLITICS
from align.check.link_words import Hits, LinkWords
from align.check.place_names import city_named, countries_named, country_hits
from align.check.spans import link_flag
from align.types import NAME_MISMATCH, Flag


def place_change(v: LinkWords, oc: Hits, tc: Hits) -> list[Flag]:
    """A city in the translation that the original does not name, where the original
    names its country (minor: made more specific) or another city (major). A city that
    opens the translation is a dateline and is left alone."""
    o, t = v.otext, v.ttext
    for key in (k for k in tc if k.startswith("city:") and k not in oc):
        c, d = tc[key][0]
        if not t[:c].strip(" \"'«“(") or city_named(key, o, v.ol):
            continue
        country = CITIES[key[5:]][0]
        others = [k for k in oc if k.startswith("city:") and k not in tc]
        where = country_hits(country, o, v.ol)
        if others:
            a, b = oc[others[0]][0]
            sev = "major"
        elif where:
            a, b = where[0]
            sev = "minor"
        else:
            continue
        return [
            link_flag(
                v.link,
                NAME_MISMATCH,
                sev,
                f"Place changed: original \u201c{o[a:b]}\u201d, translation \u201c{t[c:d]}\u201d",
                {"original": o[a:b], "translation": t[c:d]},
                subkind="place",
                spans=v.osp(a, b) + v.tsp(c, d),
            )
        ]
    return []


def country_change(v: LinkWords) -> list[Flag]:
    """A country the translation names where the original names another, neither named
    anywhere on the other side (major): a same-template wire of another
    caller ("ملك المملكة الأردنية" against "Amir of the State of Qatar") read as
    rendered, since "Tamim" and "Al-Thani" find two-consonant skeletons in any Arabic
    sentence and a country the outlet writes three times is taken for its rendering."""
    if {v.ol, v.tl} - {"ar", "ru", "en"}:
        return []
    # a country the other side names nowhere, not even inside a word ("антикитайский" for
    # "anti-China"): a translation that moves a country between sentences names it still.
    # Asked of the whole articles first (cached): most name the same countries on both
    # sides, and then no sentence is scanned
    o_doc, t_doc = v.o_doc or v.otext, v.t_doc or v.ttext
    o_all, t_all = countries_named(o_doc, v.ol), countries_named(t_doc, v.tl)
    maybe_added = t_all - o_all - _inside(t_all - o_all, o_doc, v.ol)
    maybe_lost = o_all - t_all - _inside(o_all - t_all, t_doc, v.tl)
    if not maybe_added or not maybe_lost:
        return []
    added = {c for c in maybe_added if country_hits(c, v.ttext, v.tl)}
    lost = {c for c in maybe_lost if country_hits(c, v.otext, v.ol)}
    if not added or not lost:
        return []
    x, y = min(added), min(lost)
    a, b = country_hits(y, v.otext, v.ol)[0]
    c, d = country_hits(x, v.ttext, v.tl)[0]
    o, t = v.otext[a:b], v.ttext[c:d]
    return [
        link_flag(
            v.link,
            NAME_MISMATCH,
            "major",
            f"Place changed: original \u201c{o}\u201d, translation \u201c{t}\u201d",
            {"original": o, "translation": t},
            subkind="place",
            spans=v.osp(a, b) + v.tsp(c, d),
        )
    ]


def _inside(countries: frozenset[str], text: str, lang: str) -> frozenset[str]:
    """The ``countries`` whose name is anywhere in ``text``, inside a word or not."""
    return frozenset(
        c
        for c in countries
        if re.search(COUNTRIES[c][lexicon_lang(lang)].replace(PROCLITICS, ""), text, re.I)
    )
