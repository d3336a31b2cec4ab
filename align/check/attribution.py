"""A source attribution added or dropped inside a linked pair (issue #14, real edits).

Republishers add who said it ("according to a statement from the KRG", "the statement
added", "state news agency Wam reported") and drop it ("ووفق ما ذكرت وكالة (وام)",
"как отмечает РИА Новости"). Either changes what a reader takes as fact and what as a
claim. The rule reads word classes, per language, not the words of any one article:

* a *frame* names a source of the text: a reporting phrase with a source noun
  (statement, release, agency, office, presidency; بيان، وكالة، مكتب، رئاسة; сообщение,
  агентство, пресс-служба) or a reporting verb with a named agency;
* an *echo* is anything on the other side that may render one: a reporting verb
  ("said", "قال", "заявил"), a source noun, an agency's name.

A frame on one side and no echo at all in the linked text of the other side is flagged,
minor: ``insertion`` (subkind ``attribution``) on the translation's frame words, or
``partial_omission`` (subkind ``attribution``) on the original's. A missing echo is the
evidence; a present one is not judged further (a speech verb may carry the source).
Links are read as whole texts (no word alignment): real translations match only part
of their words, and a frame is short and self-contained.
"""

from __future__ import annotations

import re

from align.check import one_sided
from align.check.lexicon_cues import AR_WORD_START
from align.types import INSERTION, Alignment, Flag, Link

_STOP = r"[^,.;:!?\n،؛]"  # a frame ends at the clause's punctuation

# --- frames: a reporting phrase that names where the text comes from ------------------
_EN_SOURCE = (  # a document or an institution that issues one: not "report", "sources",
    # "officials" (faithful news renders "по данным", "حسب مصادر" many ways)
    r"statement|release|readout|agency|office|presidency|website|ministry|court|"
    r"spokes(?:man|woman|person)|communiqu[eé]|TASS|RIA|WAM|SPA|KUNA|QNA|Petra|Xinhua"
)
FRAMES: dict[str, tuple[str, ...]] = {
    "en": (
        # "according to a statement from the KRG", "according to the press release"
        rf"\baccording to\b{_STOP}{{0,90}}",
        # "the statement added", "a statement from the Kurdish leader's office read"
        r"\b(?:a|the) (?:[\w’'()-]+ ){0,3}?(?:statement|release|readout|communiqu[eé])\b"
        rf"{_STOP}{{0,80}}?\b(?:said|read|reads|added|adds|stated|noted|says)\b",
        r"\b(?:said|stated|announced|noted) in a (?:[\w-]+ )?(?:statement|release|readout)\b",
        # "state news agency Wam reported", "WAM reported"
        r"\b(?:state )?news agency,? [A-Z][\w-]*(?: [A-Z][\w-]*)?,? (?:reported|said)\b",
        r"\b(?:TASS|RIA Novosti|WAM|Wam|SPA|KUNA|QNA|Petra|Xinhua) (?:reported|said)\b",
    ),
    "ru": (
        rf"\bпо (?:словам|данным|сообщению|информации)\b{_STOP}{{0,60}}",
        r"\bкак (?:сообщил\w*|сообщает|сообщают|отметил\w*|отмечает|отмечают|переда[её]т|"
        rf"пишет|пишут|говорится|заявил\w*|уточнил\w*)\b{_STOP}{{0,50}}",
        r"\bговорится в (?:сообщении|заявлении|пресс-релизе|релизе|публикации|документе)\b"
        rf"{_STOP}{{0,50}}",
        r"\b(?:сообщает|сообщают|переда[её]т|пишет|информирует) (?:ТАСС|РИА Новости|"
        r"Интерфакс|агентство|издание|пресс-служба)\b",
    ),
    "ar": (
        # "وفق بيان ..." "بحسب ما ذكرت وكالة ..." "حسب المكتب ..."
        r"(?:وفق|وفقا|وفقاً|بحسب|حسب)(?: ما)?(?: (?:ذكر|ذكرت|ذكره|أفاد|أفادت|أورد|أوردت|"
        r"نقل|نقلت|جاء في|أعلن|أعلنت))? ?(?:ل)?(?:ال)?(?:بيان|وكالة|مصدر|مصادر|مكتب|رئاسة|"
        rf"ديوان|متحدث|موقع|تقرير|صحيفة){_STOP}{{0,60}}",
        rf"في بيان (?:ورد|تلقت|تلقى|صدر|نشر|أصدر)\w*{_STOP}{{0,60}}",
        rf"(?:ورد|وردت) (?:ل|إلى |الى )(?:ال)?(?:وكالة|صحيفة|موقع){_STOP}{{0,40}}",
        r"(?:ذكر|ذكرت|أفاد|أفادت|نقلت|أوردت) (?:ال)?(?:بيان|وكالة|مكتب|رئاسة|ديوان|مصدر|"
        rf"مصادر|صحيفة){_STOP}{{0,60}}",
        rf"(?:نقلا|نقلاً) عن{_STOP}{{0,60}}",
    ),
}
# --- echoes: anything that may render a frame on the other side ------------------------
ECHO: dict[str, str] = {
    # reporting verbs and source nouns; a faithful translation renders a source in many
    # ways ("по словам X" -> "X explained"), so the lists are broad on purpose
    "en": r"\b(?:according|statements?|said|says|say|told|tell|tells|report\w*|release|"
    r"readout|quot\w*|cit(?:ed|ing)|sources?|agency|announc(?:ed|es|ing)|stated|noted|"
    r"added|adding|wrote|writes|tweet\w*|posted|office|presidency|communiqu\w*|TASS|RIA|"
    r"Interfax|WAM|SPA|KUNA|QNA|Petra|per|explain\w*|believes?|thinks?|claim\w*|argu\w*|"
    r"insist\w*|emphasi[sz]\w*|stress\w*|point(?:ed|s) out|recall\w*|comment\w*|"
    r"remark\w*|confirm\w*|acknowledg\w*|admit\w*|warn\w*|urg\w*|assert\w*|"
    r"maintain\w*|data|figures|estimates?|information|opinion|view|words)\b",
    "ru": r"по словам|по данным|по сообщению|по информации|по мнению|по оценк\w*|согласно|"
    r"сообщ\w*|заяв\w*|сказал\w*|отмет\w*|отмеча\w*|переда\w*|пиш\w*|говор\w*|релиз\w*|"
    r"ТАСС|РИА|Интерфакс|источник\w*|агентств\w*|информир\w*|цитир\w*|добавил\w*|"
    r"уточнил\w*|пресс-служб\w*|мнени\w*|счита\w*|полага\w*|объясн\w*|подчеркн\w*|"
    r"напомн\w*|призна\w*|поясн\w*|утвержда\w*|указ\w*|рассказ\w*|констатир\w*|"
    r"призв\w*|предупред\w*|according|said",
    # Arabic words start after a non-letter, with at most two proclitics (wa-, fa-, bi-, li-):
    # "ورد" is inside "كوردستان"
    "ar": AR_WORD_START + r"(?:وفق|بحسب|حسب|طبقا|بيان|قال|ذكر|أفاد|أضاف|ورد|"
    r"وكال|مصدر|مصادر|أعلن|نقل|تصريح|صرح|أشار|أورد|مكتب|رئاسة|ديوان|متحدث|تغريد|أوضح|"
    r"لفت|اعتبر|رأى|يرى|كشف|نوه|زعم|ادعى|رأي)",
}


def frames(text: str, lang: str) -> list[tuple[int, int]]:
    """The source frames of ``text`` (character ranges, in order, not overlapping)."""
    found: list[tuple[int, int]] = []
    for pat in FRAMES.get(lang, ()):
        for m in re.finditer(pat, text, re.IGNORECASE):
            a, b = m.start(), len(text[: m.end()].rstrip())
            bare = not re.search(rf"\b(?:{_EN_SOURCE})\b", m.group(0), re.IGNORECASE)
            if lang == "en" and m.group(0).lower().startswith("according to") and bare:
                continue  # "according to the constitution", "according to plan"
            if a < b and not any(a < y and b > x for x, y in found):
                found.append((a, b))
    return sorted(found)


def echoed(text: str, lang: str) -> bool:
    """Whether ``text`` has any word that may render a source frame."""
    return one_sided.echoed(ECHO.get(lang), text)


def attribution_flags(
    al: Alignment, items: list[tuple[Link, str, str]], existing: list[Flag]
) -> list[Flag]:
    """A source frame on one side of a linked pair with no echo on the other.

    ``items`` are the linked pairs (link, original text, translation text, each side's
    sentences joined with one space); ``existing`` flags of the same kind whose spans
    already cover the frame's words are not repeated."""

    def detail(kind: str, words: str) -> str:
        if kind == INSERTION:
            return f"Words added (attribution): the translation adds the source \u201c{words}\u201d"
        return f"Partly omitted (attribution): the translation drops the source \u201c{words}\u201d"

    return one_sided.one_sided_flags(
        al,
        items,
        existing,
        lambda text, lang: next(iter(frames(text, lang)), None),
        ECHO,
        {"original": "attribution", "translation": "attribution"},
        detail,
        order=("translation", "original"),
    )
