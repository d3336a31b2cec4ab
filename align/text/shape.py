"""The shape of a line of text: does it end a sentence, is it a heading, a dateline, a list item.

One home for these questions, because every stage asks them: the reader (paragraphs),
the segmenter and the flag rules (a headline is terse by convention, not cut).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


def has_words(text: str) -> bool:
    """Whether ``text`` holds a letter or a digit in any script.

    A "sentence" of only punctuation or symbols (a stray "." after the last sentence of a
    page, "***", an emoji) carries no content, so leaving it out or adding it is page
    debris, never a major edit.
    """
    return any(ch.isalnum() for ch in text)


def date_line(text: str) -> bool:
    """A short line that opens with a date ("MOSCOW, August 26 – RIA Novosti.", "29 أكتوبر
    2023 02:21 م"): a dateline, whatever its final stop (``line_kind`` asks for none)."""
    s = text.strip()
    return len(s.split()) <= 8 and bool(_DATELINE.match(s))


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


_CLAUSE_RE = re.compile(
    r"(?<=[,;:،؛—–])\s+|\s+[—–-]\s+|\s+(?=(?:и|а также|но|однако|который|которая|которые|что|"
    r"несмотря|хотя|когда|and|but|while|which|who|after|because|although|though|despite|when|"
    r"و?لكن|بينما|حيث|كما|التي|الذي|الذين|بعد|لان|لأن|و?على الرغم|و?رغم|عندما|حين)\s)"
)


def clauses(text: str) -> list[str]:
    """``text`` cut at clause boundaries (punctuation, conjunctions, relative pronouns).

    Used by the partial-omission rule and by the aligner's ``rendered_in`` probe. The
    synthetic generator keeps its own, different cutter on purpose
    (``align.synthetic.sentence_edits``): a detector must not be graded on its own cuts.
    """
    parts = [p.strip() for p in _CLAUSE_RE.split(text) if p and p.strip()]
    out: list[str] = []
    for p in parts:  # clauses under 3 words join their predecessor
        if out and (len(p.split()) < 3 or len(out[-1].split()) < 3):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


BOILERPLATE_RE = re.compile(
    r"(?i)^\s*(?:(?:this|the) (?:article|story|report|text) (?:was|has been|is) "
    r"(?:originally |first )?(?:translated|published|edited|adapted)"
    r"|translated (?:and edited )?by\b"
    r"|read (?:also|more)\b|see also\b|related\s*:|photo(?:graph)?s?(?: credit)?\s*:|image\s*:"
    r"|source\s*:|©|copyright\b|all rights reserved"
    r"|by (?-i:[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})(?:,|$)"  # a byline: capitals only
    r"|follow (?:us|\S+ on)\b|subscribe\b|the views expressed|editor'?s note|"
    r"\(?(?:reuters|afp|ap|tass|ria novosti)\)?\s*$)"
)


UNTITLED_MAX_CHARS = 90


def untitled_heading(line: str) -> bool:
    """A short line without a final stop: a headline or subheading, not a body sentence.

    The text rule behind ``is_headline`` when no kind is known. Stricter than
    ``line_kind``'s heading (under 90 characters, not 120): it decides whether an unlinked
    first line is a headline the original lacks.
    """
    return len(line) < UNTITLED_MAX_CHARS and not has_terminal(line)


SUBHEADING_WORDS = 6  # a line of at most this many words, no final stop: a subheading


def short_heading(line: str) -> bool:
    """A subheading by its text alone: an untitled line of a few words ("# Greenland").

    Further down an article than its headline, a line must be shorter to be a heading: a
    fifteen-word deck without a final stop ("The UAE's top diplomat underscored ...") says
    something of its own (``align.check.gaps``: an added one is content, not furniture).
    """
    return untitled_heading(line) and len(line.split()) <= SUBHEADING_WORDS


def is_headline(text: str, kind: str = "body", *, title_share: float | None = None) -> bool:
    """Is this sentence a headline (or subheading)? The one place that decides it.

    The reader's ``Sentence.kind`` comes first: it saw the page (an HTML ``<h1>``, a
    line of its own). ``heading`` is a headline whatever its text, ``list_item`` never
    is. ``body`` (and ``dateline``) is also what presplit input and generated documents
    carry, so there the text decides: no final stop and either short
    (``untitled_heading``) or, when ``title_share`` is given, in title case at that share
    of its 4+-letter words (a caption or headline where capitals mean nothing).
    """
    if kind == "heading":
        return True
    if kind == "list_item":
        return False
    if title_share is None:
        return untitled_heading(text)
    if has_terminal(text):
        return False
    n, share = capitalised_share(text)
    return n >= 3 and share >= title_share


def shared_kind(kinds: Iterable[str]) -> str:
    """The kind of a run of sentences (one side of a link): theirs if they agree, else body."""
    found = set(kinds)
    return found.pop() if len(found) == 1 else "body"


_LETTERS = re.compile(r"[^\W\d_]+")


def capitalised_share(text: str) -> tuple[int, float]:
    """How many words of 4+ letters ``text`` has, and the share of them capitalised.

    The title-case measure of every headline rule (``check.partial``: terse renderings;
    ``check.value_flags``: headlines, where capitals carry no name information); each rule
    keeps its own bar, measured on ``bench/flags.py``.
    """
    long = [t for t in _LETTERS.findall(text) if len(t) > 3]
    if not long:
        return 0, 0.0
    return len(long), sum(t[:1].isupper() for t in long) / len(long)
