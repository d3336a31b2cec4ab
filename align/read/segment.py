"""Rule-based sentence splitting for Arabic, Russian and English (de/fr: generic rules).

Why our own rules: pysbd scores about 0.5 boundary F1 on Arabic (it ends sentences
at the Arabic comma and at colons) and neither pysbd nor sentencex splits inside
quoted speech, where translators do (research/backends.md section 5). A candidate
boundary is a run of ``. ! ? ؟ …`` plus closing quotes/brackets followed by
whitespace; it is rejected when

* the next visible character (after opening quotes, brackets and dashes) is lower
  case: ``"Why?" he asked``, ``«Рано!» — заявил он``, ``e.g. the``;
* a single period follows a known abbreviation (``Dr.``, ``St.``, ``англ.``, ``им.``,
  ``Св.``), an initial (``M. Shaer``, ``А. С. Пушкин``), a single Arabic letter
  (``د.``), an abbreviation used before numbers (``No. 5``, ``ст. 105``), a dotted
  acronym not followed by a typical sentence opener (``U.S. President`` vs
  ``the U.S. The``), or ``г.`` that is not after a year (``г. Москва``).

Arabic ``،`` and ``؛``, colons and semicolons never end a sentence; a paragraph
(heading, dateline, list item) is never crossed, so those are their own units.
Decimals and thousands separators (3.5, 1,000) never match because no whitespace
follows the period; ``1 000`` has no period at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from align.types import Article, Sentence

_CANDIDATE = re.compile(r"(\.{2,}|[.!?؟…‼⁉۔]+)([\"'»”’)\]›]*)(?=\s)")
_SKIP = "\"'«“„‘‹([—–-"
_WORD_BEFORE = re.compile(r"[^\s\"'«“„‘‹(\[]+$")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ABBREV: dict[str, frozenset[str]] = {
    "en": _words(
        "mr mrs ms mx dr prof st rev gen sen gov rep lt col sgt capt cmdr adm maj brig jr sr "
        "vs v mt ft ave blvd dept univ approx est hon messrs fr supt insp det cpl "
        "pvt gov't sens reps gens govs"
    ),
    "ru": _words(
        "англ нем франц фр лат греч араб итал исп кит яп св им ул пр просп пер пл корп кв проф "
        "акад доц ген полк подп лейт кап т н о обл р-н пос дер наб ш дж"
    ),
    "ar": frozenset(),
    "de": _words("dr prof st nr bzw ca vgl hr fr abs art"),
    "fr": _words("m mm mme mlle dr pr st ste av bd"),
}
# Abbreviations that only stay open when a number follows: "No. 5", "ст. 105", "p. 3".
_NUMERIC_ABBREV = _words("no nos art fig vol pp p ch sec para op ст п рис табл гл ч стр №")
_MONTH_ABBREV = _words(
    "jan feb mar apr jun jul aug sep sept oct nov dec янв фев авг сент окт нояб дек"
)
_QUOTES = "\"'»”’›"
_EN_SPEECH = _words(
    "said says added asked reported told wrote explained noted continued tweeted declared "
    "insisted recalled replied stated warned argued"
)
_AR_SPEECH = _words("كما حسبما تساءل تساءلت قائلا قائلًا قائلاً بحسب وفقا وفقًا وفق أضاف أضافت")
# "г." / "гг." end a sentence after a year ("в 2019 г. Он ...") but not before a name.
_YEAR_ABBREV = {"г", "гг"}
_EN_OPENERS = _words(
    "the a an in on at he she it they we i but and this that these those his her its their our "
    "there as if when while after before for so yet some many most meanwhile however according "
    "no not it's what who why how one two three last earlier later since during with from to by "
    "under despite although because then now today yesterday also still instead"
)
_RU_OPENERS = _words(
    "кроме но однако это он она они мы я при как также поэтому затем его их после для об на "
    "в этот эта эти тогда теперь сейчас вчера сегодня по"
)
_OPENERS = _EN_OPENERS | _RU_OPENERS
_WORD_ABBREV = _words("им о")  # abbreviations that are also common Russian words
_CORPORATE = _words("inc ltd co corp plc llc")
_MONTHS_DE = _words(
    "januar februar märz april mai juni juli august september oktober november dezember"
)


# A wire's dateline, "ASTANA. KAZINFORM – President ...": a place in capitals opening the
# paragraph, its period, then the agency in capitals before a dash. One sentence: split
# at the period, "ASTANA." stood alone as an added sentence of its own.
_DATELINE_PLACE = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ'-]+(?: [A-ZА-ЯЁ][A-ZА-ЯЁ'-]+){0,2}")
_DATELINE_AGENCY = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ0-9'-]+(?: [A-ZА-ЯЁ0-9'-]+){0,2} ?[-–—]")
# A wire's head with a date: "MINSK, February 4. /TASS/.", "МОСКВА, 4 февраля. /ТАСС/.",
# "Baku. 1 June. REPORT.AZ/": its dots end no sentence (cut there, "Baku." and "1 June."
# were sentences of their own and a false major addition; fifth user's run)
_WIRE_HEAD = re.compile(
    r"[A-ZА-ЯЁ][\w'-]+(?: [A-ZА-ЯЁ][\w'-]+){0,2}[.,] "
    r"(?:[^\W\d_]+ \d{1,2}|\d{1,2} [^\W\d_]+)\. ?/?\s?[A-ZА-ЯЁ][\w.-]*\s?/\.?"
)


@dataclass(frozen=True, slots=True)
class SegmentOptions:
    """Splitting settings: the document language and how input is structured."""

    lang: str
    presplit: bool = False  # each non-empty line is one sentence, taken as is
    sentence_lang: bool = True  # set Sentence.lang per sentence (script / langdetect)


def split_sentences(article: Article, options: SegmentOptions) -> tuple[Sentence, ...]:
    """Split every paragraph of ``article``; offsets point into ``article.text``."""
    from align.read.langid import sentence_language

    text = article.text
    out: list[Sentence] = []
    for pi, para in enumerate(article.paragraphs):
        if options.presplit:
            spans = _line_spans(text, para.start, para.end)
        elif para.kind == "heading" or _is_headline(text[para.start : para.end], pi):
            # A headline is one unit: "الولايات المتحدة الأمريكية. أثقلت ..." (a translated
            # "U.S." with its full stop) was split, and its first half flagged as omitted.
            spans = [_strip(text, para.start, para.end)]
        else:
            spans = split_spans(text, para.start, para.end, options.lang)
        for a, b in spans:
            piece = text[a:b]
            lang = sentence_language(piece, options.lang) if options.sentence_lang else options.lang
            out.append(Sentence(len(out), piece, a, b, pi, lang, para.kind))
    return tuple(out)


def _is_headline(piece: str, number: int) -> bool:
    """The article's first paragraph, one short line without a final full stop: a headline,
    even when a full stop inside it (an abbreviation) made ``line_kind`` call it body."""
    from align.text.shape import HEADING_MAX_CHARS, has_terminal

    s = piece.strip()
    return number == 0 and "\n" not in s and len(s) <= HEADING_MAX_CHARS and not has_terminal(s)


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        a, b = _strip(text, start + m.start(), start + m.end())
        if a < b:
            spans.append((a, b))
    return spans


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def split_spans(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Sentence spans (stripped) of ``text[start:end]``, one paragraph."""
    para = text[start:end]
    cuts = [m.end() for m in _CANDIDATE.finditer(para) if _is_boundary(para, m, lang)]
    spans = []
    prev = 0
    for cut in [*cuts, len(para)]:
        a, b = _strip(text, start + prev, start + cut)
        if a < b:
            spans.append((a, b))
        prev = cut
    return spans


def _next_visible(para: str, pos: int) -> tuple[str, int]:
    """The first character at or after ``pos`` that is not space, quote, bracket or dash."""
    n = len(para)
    while pos < n and (para[pos].isspace() or para[pos] in _SKIP):
        pos += 1
    return (para[pos], pos) if pos < n else ("", pos)


def _following_words(para: str, pos: int, n: int) -> list[str]:
    return re.findall(r"\S+", para[pos : pos + 80])[:n]


def _is_attribution(para: str, pos: int, lang: str) -> bool:
    """``"..." Hammel added.`` / ``"...!" كما أضاف هاميل``: speech after a closed quote."""
    words = _following_words(para, pos, 5)
    if lang == "ar":
        return bool(words) and words[0].strip("،.") in _AR_SPEECH
    for i, w in enumerate(words[1:3], start=1):
        if any(not p[-1].isalnum() for p in words[:i]):
            return False  # "Churches, he added, could ...": a new sentence with an aside
        if w.rstrip(".,").lower() in _EN_SPEECH:
            after = words[i + 1] if i + 1 < len(words) else ""
            return w[-1] == "." or (w[-1] == "," and not after.startswith(tuple(_SKIP)))
    return False


def _is_boundary(para: str, m: re.Match[str], lang: str) -> bool:
    nxt, npos = _next_visible(para, m.end())
    if not nxt or nxt.islower():
        return False
    punct, closers = m.group(1), m.group(2)
    if (
        closers
        and closers[-1] in _QUOTES
        and lang in ("en", "ar")
        and _is_attribution(para, npos, lang)
    ):
        return False
    if punct == ".." and lang == "ar" and not closers:
        return False  # Arabic news writes ".." as a pause inside a sentence ("«عبد المحصي».. أحدث")
    if punct != ".":
        return True  # ! ? ؟ … and runs like ?! or ... before a capital / digit / Arabic letter
    if closers:
        return True  # ." .» .) : the quote or bracket is closed
    if _DATELINE_PLACE.fullmatch(para, 0, m.start()) and _DATELINE_AGENCY.match(para, npos):
        return False  # "ASTANA. KAZINFORM – ...": a wire's dateline
    if m.start() < 60 and (head := _WIRE_HEAD.match(para)) and m.start() < head.end():
        return False
    window = max(0, m.start() - 40)  # a bounded look-back keeps splitting linear
    word_m = _WORD_BEFORE.search(para, window, m.start())
    if word_m is None:
        return True
    word = word_m.group()
    key = word.lower().rstrip(".").replace("\u0640", "")
    following = re.match(r"[\w']+", para[npos:])
    next_word = following.group() if following else ""
    if key in _CORPORATE:
        return next_word.lower() in _OPENERS  # "Co. Ltd. With ..." vs "Acme Inc. chairman"
    if key in _WORD_ABBREV and lang == "ru":
        return next_word.lower() in _OPENERS  # "им. Ленина" vs "доверять им. По ..."
    if key in _ABBREV.get(lang, _ABBREV["en"]) or (key.isascii() and key in _ABBREV["en"]):
        return False  # Latin abbreviations inside ar/ru text: "(англ. St. George)"
    if (key in _NUMERIC_ABBREV or key in _MONTH_ABBREV) and nxt.isdigit():
        return False  # "No. 5", "Oct. 5" stay; "on Oct. President ..." ends
    if key in _YEAR_ABBREV and lang == "ru":
        before = para[max(0, word_m.start() - 8) : word_m.start()].rstrip()
        return bool(before) and before[-1].isdigit()
    if len(word) == 1 and word.isalpha():
        if word.islower():
            return True  # "the letter u. The ..."
        if not word.isupper():
            return False  # uncased: a single Arabic letter (د. for "Dr.")
        # an initial (M. Shaer, А. С. Пушкин) unless a sentence plainly starts next
        return not nxt.isupper() or (len(next_word) > 1 and next_word.lower() in _OPENERS)
    if (
        "." in key
        and all(0 < len(p) <= 2 for p in key.split("."))
        and key.replace(".", "").isalpha()
    ):
        # dotted acronym: U.S., a.m., т.е.; Russian "и т.д." may end a sentence
        if lang == "ru" and not key.isascii() and word.islower():
            return key not in ("т.е", "т.к", "т.н", "н.э")  # "и т.д. Потом" ends
        if key.isascii() and next_word and not next_word.isascii():
            return True  # "суда D.C. Пелоси добавила": a Latin acronym ends a Russian sentence
        return next_word.lower() in _OPENERS  # "Н.И. Пирогова", "U.S. President" stay
    if key.isdigit():
        if word_m.start() == 0:
            return False  # "1. Item" at the start of a paragraph: list numbering
        if lang == "de":
            return next_word.lower() not in _MONTHS_DE
    return not (key == "долл" and next_word == "США")  # "37 млрд долл. США"
