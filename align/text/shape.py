"""The shape of a line of text: does it end a sentence, is it a heading, a dateline, a list item.

One home for these questions, because every stage asks them: the reader (paragraphs),
the segmenter and the flag rules (a headline is terse by convention, not cut).
"""

from __future__ import annotations

import re

TERMINAL = ".!?؟…։۔"
_CLOSERS = "\"'»”’)]›"
LIST_ITEM = re.compile(r"\s*(?:[-–—•*▪●◦]\s+|\(?\d{1,2}[.)]\s+|[a-zа-я][.)]\s+)")
_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт"
    r"|ноя|дек|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"
)
_DATELINE = re.compile(
    rf"(?i)^.{{0,40}}(\b\d{{1,2}}\s*(?:{_MONTHS})|(?:{_MONTHS})\w*\.?\s+\d{{1,2}}\b|\d{{4}}-\d\d-\d\d"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
)
HEADING_MAX_CHARS = 120
_INNER_END = re.compile(r"[a-zа-яё\u0621-\u064a][.!?؟…]+[\"'»”’)]*\s")  # "signed. It took years"


def has_terminal(line: str) -> bool:
    """True when ``line`` ends in sentence-final punctuation (closing quotes allowed)."""
    return line.rstrip().rstrip(_CLOSERS).endswith(tuple(TERMINAL))


def line_kind(line: str) -> str:
    """heading, dateline, list_item or body, judged from one line of text."""
    s = line.strip()
    if LIST_ITEM.match(s) and len(s) > 3:
        return "list_item"
    if (
        len(s) <= HEADING_MAX_CHARS
        and not has_terminal(s)
        and not s.endswith((",", "،", ";", "؛"))
        and not _INNER_END.search(s)
    ):
        return "dateline" if _DATELINE.match(s) and len(s) <= 80 else "heading"
    return "body"
