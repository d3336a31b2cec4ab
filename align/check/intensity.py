"""An intensifier dropped from, or added to, a linked pair (issue #14, real edits).

Editors tone statements down and up: "condemned strongly" (بشدة, решительно) becomes
"condemned", "a flagrant violation" (صارخاً) "a violation"; or "support" becomes
"steadfast support". The force of a claim is part of its meaning. The rule reads word
classes per language:

* a *trigger* is an intensifier that rarely goes unrendered in a faithful translation:
  Arabic بشدة، صارخ، سافر (the adjective); Russian решительно, вопиющий; English (added)
  steadfast, flagrant, blatant, utmost, staunch, unwavering, vehemently. Words
  that are often content or rendered freely are left out: بالغ ("amounting to", "aged"),
  شديد ("heavy" rain), категорически ("flatly", "absolutely"), резко, крайне, "strongly": on the
  faithful NTREX/WMT22 pairs they were the rule's only hits;
* an *echo* is any word of the other side that may render some intensity (a broad list:
  strong, deep, serious, great, very, sharp; كبير، عميق، قوي، كامل; глубокий, серьёзный,
  большой, полный).

A trigger on one side and no echo in the linked text of the other side is flagged,
minor, on the trigger's words: ``partial_omission`` (subkind ``hedge``) when the
original's intensifier is gone, ``insertion`` (subkind ``framing``) when the
translation adds one. Common, weak intensifiers ("full", "strong", "serious", "deep")
are echoes only, never triggers: they are rendered too freely to be evidence.
"""

from __future__ import annotations

import re

from align.check.lexicon_cues import AR_WORD_START
from align.check.one_sided import one_sided_flags
from align.types import INSERTION, Alignment, Flag, Link

_AR = AR_WORD_START + r"(?:ال)?"  # an Arabic word start, proclitics, article
TRIGGER: dict[str, str] = {
    # not بالغ/شديد: "البالغ عددهم" (numbering), "البالغ من العمر" (aged), "شديد" (heavy
    # rain) are content; not the verb سافر (travelled)
    "ar": _AR
    + r"(?:بشدة|بشده|صارخاً|صارخا|صارخة|صارخ|سافراً|سافرا|سافرة)(?![\u0621-\u064a])|"
    + AR_WORD_START
    + r"ال(?:سافر|سافرة|صارخ|صارخة)(?![\u0621-\u064a])",
    "ru": r"\b(?:решительно|вопиющ\w+|самым решительным образом)\b",
    "en": r"\b(?:steadfast\w*|flagrant\w*|blatant\w*|utmost|staunch\w*|unwavering|"
    r"vehement\w*)\b",
}
ECHO: dict[str, str] = {
    "en": r"\b(?:strong\w*|firm\w*|sever\w*|harsh\w*|sharp\w*|deep\w*|grave\w*|serious\w*|"
    r"profound\w*|flagrant\w*|blatant\w*|gross\w*|egregious|outrage\w*|extreme\w*|utmost|"
    r"great\w*|very|highly|vigorous\w*|intens\w*|tireless\w*|relentless\w*|strenuous\w*|"
    r"vehement\w*|categorical\w*|resolute\w*|decisive\w*|fierce\w*|heav\w*|much|earnest\w*|"
    r"keen\w*|bitter\w*|unequivocal\w*|strict\w*|concerted|tremendous\w*|immense\w*|acute\w*|"
    r"steadfast\w*|staunch\w*|unwavering|full\w*|total\w*|complete\w*|absolute\w*|clear\w*|"
    r"flagrantly|most|extensive\w*|significant\w*|major|huge|massive|brutal\w*|vicious\w*|"
    r"heinous|terrible|dire|sincere\w*|warm\w*|rigorous\w*|emphatic\w*|aggressive\w*|"
    r"flatly|outright|adamant\w*|never|absolutely|resolutely|determined\w*)\b",
    "ar": _AR + r"(?:بشد|شديد|بالغ|صارخ|سافر|حثيث|عميق|قوي|كامل|تام|حازم|مطلق|كبير|عظيم|جاد|"
    r"جدي|ثابت|راسخ|خطير|خطيرة|فادح|واضح|صريح|أشد|أقوى|أقصى|كل|تمام|جسيم|وحشي|قاطع|حاسم|"
    r"مستمر|دائم|خالص|أصدق|أحر|صادق)",
    "ru": r"(?i:решительн\w*|резк\w*|крайн\w*|категорич\w*|глубок\w*|серь[её]зн\w*|жестк\w*|"
    r"ж[её]стк\w*|тв[её]рд\w*|непоколебим\w*|полн\w*|сильн\w*|больш\w*|огромн\w*|вопиющ\w*|"
    r"груб\w*|острейш\w*|остр\w*|активн\w*|всемерн\w*|безусловн\w*|абсолютн\w*|очень|весьма|"
    r"особ\w*|максимальн\w*|настоятельн\w*|однозначн\w*|ясн\w*|прям\w*)",
}


def _first(pat: str | None, text: str) -> tuple[int, int] | None:
    if pat is None:
        return None
    m = re.search(pat, text, re.IGNORECASE)
    if m is None:
        return None
    a, b = m.start(), m.end()
    while a < b and not text[a].isalpha():  # the proclitic class may eat a space-less prefix
        a += 1
    while b < len(text) and "\u064b" <= text[b] <= "\u0652":  # Arabic vowel marks, tanween
        b += 1
    return (a, b) if a < b else None


def intensity_flags(
    al: Alignment, items: list[tuple[Link, str, str]], existing: list[Flag]
) -> list[Flag]:
    """An intensifier on one side of a linked pair with no intensity word on the other
    (unless ``existing`` flags of the same kind already cover its words)."""

    def detail(kind: str, words: str) -> str:
        if kind == INSERTION:
            return f"Words added (intensity): the translation adds \u201c{words}\u201d"
        return f"Partly omitted (intensity): the translation drops \u201c{words}\u201d"

    return one_sided_flags(
        al,
        items,
        existing,
        lambda text, lang: _first(TRIGGER.get(lang), text),
        ECHO,
        {"original": "hedge", "translation": "framing"},
        detail,
    )
