"""Page furniture: a byline, dateline, photo credit, outlet name or wire sign-off
("(النهاية)", "(END)", "Reporting by ...", "Читайте также: ...") at either end of the
original that the translation leaves out is ``boilerplate`` (info), not an omission a reader
must weigh.

A dateline that opens a linked sentence near the top of one side ("Abu Dhabi: President
...", "ابوظبي - سيف اليزيد - تلقى ...", "MOSCOW, August 26 - ...") when the sentence it is
linked with opens with none is boilerplate too, spanning the dateline (``datelines``): it
sits inside a sentence the other rules judge as a whole, so without this note an edit
whose words are a dateline is never pointed at. The agencies' wire formats count
("KUWAIT, March 5 (KUNA) --", "MOSCOW, March 5. /TASS/.", "أبوظبي في 12 مارس / وام /",
"ASTANA. KAZINFORM –"):
unrecognised on one side only, a dateline both sides hold was a false note.
"""

from __future__ import annotations

import dataclasses
import re

from align.types import BOILERPLATE, OMISSION, Alignment, Flag, Span

# the Gulf and Levant agencies whose copy is republished, by their Latin and Arabic names
_AGENCIES = r"wam|spa|qna|kuna|bna|petra|mena|وام|واس|قنا|كونا|بنا|بترا|أ ش أ"
FURNITURE = re.compile(
    r"^(?:by|от|بقلم|إعداد|تحرير)\s|^(?:photo|фото|تصوير|صورة)\b|^(?:source|источник|المصدر)\s*:|"
    r"^\(?(?:reuters|afp|ap|ria novosti|риа новости|тасс|interfax|интерфакс|رويترز|"
    rf"فرانس برس|الأناضول|سبوتنيك|{_AGENCIES})\)?\s*$|"
    r"^[\w\s.-]{2,30},?\s*\d{1,2}\s+\w+\s*(?:\d{4})?\s*(?:[-—–]|\(\w+\))|"
    r"^(?:©|copyright|all rights reserved|все права защищены|جميع الحقوق محفوظة)|"
    # a wire's sign-off: "(النهاية) ح س م", "(END)", "--KUNA", "وام/أحمد/عاصم", the
    # editors' initials alone ("ع ب / ح ع"), a credit line ("Reporting by ...; Editing by")
    r"^\(?(?:النهاية|انتهى|end|ends|конец)\)?(?:[\s/]+[\u0621-\u064a]){0,8}\s*$|"
    rf"^--\s*(?:{_AGENCIES})\s*$|^(?:{_AGENCIES})\s*/\s*\S|"
    r"^[\u0621-\u064a](?:[\s/]+[\u0621-\u064a]){1,7}\s*$|"
    r"^(?:additional )?(?:reporting|writing|editing) by\b|"
    # links to more of the outlet's pages
    r"^(?:read more|read also|related|see also)\s*(?::|$)|"
    r"^(?:follow us|читайте также|подписывайтесь|اقرأ أيضا|اقرأ أيضاً|تابعونا)\b",
    re.I,
)


# A dateline opening a sentence: a place in capitals or a listed city before a colon
# ("KUWAIT: ", "Abu Dhabi: "); one to three words before a spaced dash, twice at most (a
# place, then a reporter: "ابوظبي - سيف اليزيد - "); a place and a date before a dash.
_WORDS = r"[^\W\d_]+(?:\s[^\W\d_]+){0,2}"  # words of letters only: "Livingston 1 - 0" is a score
# A news agency's credit in a dateline: a name of one or two words (a capital first, in a
# cased script) in brackets before a dash ("(KUNA) --", "(بترا)-", "(Kurdistan24) –") or
# between slashes ("/TASS/.", "/ وام /", "/قنا/"), after a place and a date of at most 45
# characters: the wire formats of the agencies whose copy outlets republish.
_NAME = r"[A-ZА-ЯЁ\u0621-\u064a][^\s()/]*(?:\s[^\s()/]+)?"  # a name of one or two words
_AGENCY = rf"(?:\(\s*{_NAME}\s*\)\s*[-–—]{{1,2}}|/\s*{_NAME}\s*/\.?)"
# An aggregator's credit before the agency's own dateline: "(MENAFN- Kuwait News Agency
# (KUNA)) KUWAIT, Feb 28 (KUNA) -- ..." (one level of brackets inside)
_AGGREGATOR = r"\(MENAFN[^()]*(?:\([^()]*\)[^()]*)*\)\s*"
_FORMS = (
    rf"[^\W\d_][^()/\n]{{0,45}}?\s*{_AGENCY}\s+",
    # "RIYADH, Feb 25, 2024, SPA -- "
    r"[A-Z][A-Z .'-]+,[^()/\n]{3,30}?,\s*[A-Z]{2,6}\s+[-–—]{1,2}\s+",
    # "ASTANA. KAZINFORM – " (Kazinform's wire: a place and the agency in capitals)
    r"[A-ZА-ЯЁ][A-ZА-ЯЁ' -]+\.\s[A-ZА-ЯЁ][A-ZА-ЯЁ0-9'-]+\s?[-–—]{1,2}\s+",
    r"(?:[A-Z][A-Z'.-]+(?:\s[A-Z][A-Z'.-]+){0,2}|Abu Dhabi|Riyadh|Doha|Dubai|Manama|Muscat|"
    r"Cairo|Baghdad|Erbil|Amman|Beirut|Damascus|Moscow|Kuwait City):\s+",
    # "ابوظبي - سيف اليزيد - " (not "شفق نيوز- ", no space before the dash: Arabic
    # headlines write a match "ليفينغستون- رينجرز 1 - 0" so)
    rf"{_WORDS}\s[-–—]{{1,2}}\s(?:{_WORDS}\s[-–—]{{1,2}}\s)?",
    # "نيويورك، 13 تشرين الثاني/ نوفمبر 2020 —": the Arabic comma, a month in both the
    # Levantine and the Egyptian name
    r"[^\W\d_][\w\s.-]{1,29}[,،]\s*(?:\d{1,2}\s+[^\W\d_]+(?:\s[^\W\d_]+)?"
    r"(?:\s?/\s?[^\W\d_]+)?|[^\W\d_]+\s+\d{1,2})\s*(?:\d{4})?\s*[-—–]{1,2}\s",
    # "Baku. 1 June. REPORT.AZ/ " (Report.az: a place, a date, the outlet and a slash)
    r"[A-ZА-ЯЁ][\w'-]+\. \d{1,2} [^\W\d_]+\. [A-ZА-ЯЁ][\w.-]*/\s+",
)
DATELINE = re.compile(f"^(?:{_AGGREGATOR})?(?:" + "|".join(_FORMS) + ")")
DATELINE_TOP = 3  # a dateline opens one of the first sentences of a side (headline, deck)
DATELINE_REST = 6  # ... and a sentence of this many words follows it (not a headline)


def dateline_at(text: str) -> re.Match[str] | None:
    """``DATELINE`` at the start of ``text``; in a cased script a dash form's words before
    the dash must be in capitals ("AMMAN - ", "МОСКВА — ") or a place and a date ("Москва,
    5 октября — "), since "The minister - who ..." and "В основе - блок" are prose."""
    m = DATELINE.match(text)
    if m is None or ":" in m.group():
        return m
    head = re.split(r"[-–—,]", m.group())[0]
    letters = [c for c in head if c.isalpha()]
    cased = any(c.isupper() or c.islower() for c in letters)
    capitals = len(letters) >= 2 and all(c.isupper() for c in letters)  # not "В основе -"
    dated = head[:1].isupper() and any(c.isdigit() for c in m.group())  # "Москва, 5 октября —"
    outlet = bool(_OUTLET.match(head.strip()))  # "Ammon News - Prime Minister ..."
    return m if not cased or capitals or dated or outlet else None


# An outlet's name before a dash: one or two capitalised words and News / Agency / Press
_OUTLET = re.compile(r"^[A-Z][\w'.]+(?:\s[A-Z][\w'.]+)?\s(?:News|Agency|Press)$")


# an aggregator's credit in brackets after the place of a dateline: "GENEVA, (UrduPoint /
# Pakistan Point News / WAM - 19th Jun, 2020) UNHCR ...": a place in capitals (or nothing)
# before it, a year in it, and a slash or a dash between its credits
_PAREN_CREDIT = re.compile(
    r"^(?:[A-ZА-ЯЁ][A-ZА-ЯЁ .'-]*,?\s*)?(\([^()]*(?:/|\s[-–—]\s)[^()]*\b(?:19|20)\d\d\))"
)


def furniture_end(text: str) -> int:
    """Where the page furniture opening ``text`` ends (a dateline, a credit in brackets
    after its place), 0 when none does."""
    m, p = dateline_at(text), _PAREN_CREDIT.match(text)
    return max(m.end() if m else 0, p.end(1) if p else 0)


def in_dateline(text: str, end: int) -> bool:
    """Whether the words before ``end`` lie in the furniture opening ``text`` ("ASTANA.
    KAZINFORM – ...", "GENEVA, (UrduPoint / ... / WAM - 19th Jun, 2020)"): the word-level
    rules leave them to ``datelines``' note (an eighth user's UNHCR release read such a
    credit as a translator's note, then as a major addition)."""
    return 0 < end <= furniture_end(text)


# An outlet and a place joined by a dash, alone on a line: Shafaq News opens its Arabic copy
# with "شفق نيوز- أبو ظبي" (no space before the dash, which ``DATELINE`` requires: a headline
# writes a match "ليفينغستون- رينجرز 1 - 0" so, but a whole line of letters is no score).
_BARE_DATELINE = re.compile(rf"^{_WORDS}\s?[-–—]{{1,2}}\s?{_WORDS}$")


def _only_dateline(text: str) -> bool:
    """A line that is a dateline and nothing more ("أبوظبي في 12 مارس / وام /" on its own
    line, before the body)."""
    t = text.strip()
    if _BARE_DATELINE.match(t):
        return True
    m = dateline_at(t + " ")
    return m is not None and m.end() >= len(t)


# a wire's credit between slashes after a date and a place, reporter included: "26 июня,
# Солигорск /Владимир Матвеев - БЕЛТА/." (BelTA's own line; ``_AGENCY`` takes two words)
_SLASH_CREDIT = re.compile(r"^[^/\n]{0,60}\d[^/\n]{0,40}/\s*[A-ZА-ЯЁ\u0621-\u064a][^/\n]{1,60}/")


def _opens_dated(text: str) -> bool:
    """Whether ``text`` opens with a dateline, a wire's slash credit included."""
    return dateline_at(text) is not None or _SLASH_CREDIT.match(text) is not None


def datelines(al: Alignment) -> list[Flag]:
    """Boilerplate notes on datelines opening a linked sentence among the first
    ``DATELINE_TOP`` of a side, where the sentence it is linked with opens with none."""
    out = []
    for lk in al.links:
        if not (lk.original and lk.translation):
            continue
        for side, mine, other in (
            ("original", (al.original, lk.original), (al.translation, lk.translation)),
            ("translation", (al.translation, lk.translation), (al.original, lk.original)),
        ):
            doc, idx = mine
            i = idx[0]
            sent = doc.sentences[i]
            end = furniture_end(sent.text)  # a dateline, or a credit in brackets after it
            if i >= DATELINE_TOP or not end or sent.kind == "heading":
                continue
            if len(sent.text[end:].split()) < DATELINE_REST:
                continue
            if any(_opens_dated(other[0].sentences[j].text) for j in other[1]):
                continue  # both hold a dateline (the other's may follow a headline it links)
            words = sent.text[:end].rstrip()
            verb = "adds" if side == "translation" else "drops"
            out.append(
                Flag(
                    BOILERPLATE,
                    "info",
                    lk.original,
                    lk.translation,
                    f"Page furniture: the translation {verb} the dateline \u201c{words}\u201d",
                    {"dateline": words, "side": side},
                    spans=(Span(side, i, 0, len(words)),),
                )
            )
    return out


# furniture wherever it stands: a photo credit between paragraphs ("Фото: Пресс-служба
# президента", "© م. ع. د"), a line that is a web address or offers one ("يمكن تحميل
# محتوى الوسائط المتعددة من الموقع: http://uni.cf/..."); the seventh and ninth user runs
# read them as "a heading of the original"
_ANYWHERE = re.compile(
    r"(?i)^(?:(?:photo|фото|تصوير|صورة)\b|©)|^.{0,100}(?:https?://|www\.)\S+\s*$"
)


def furniture(flags: list[Flag], al: Alignment) -> list[Flag]:
    """Omitted bylines, datelines, credits and outlet names at either end, and photo
    credits and web-address lines anywhere (``_ANYWHERE``): ``boilerplate``; and the
    datelines inside linked sentences (``datelines``)."""
    ot = al.original.texts
    n = len(ot)
    out = []
    for f in flags:
        ends = f.original and (f.original[0] <= 1 or f.original[-1] >= n - 2)
        ends = ends or (f.original and all(_ANYWHERE.match(ot[i].strip()) for i in f.original))
        if (
            f.kind == OMISSION
            and ends
            and all(
                (
                    FURNITURE.search(ot[i].strip())
                    or _ANYWHERE.match(ot[i].strip())
                    or _only_dateline(ot[i])
                    or al.original.sentences[i].kind == "dateline"  # "28.09.2023 413 Наш край"
                )
                and len(ot[i].split()) <= 12
                for i in f.original
            )
        ):
            f = dataclasses.replace(
                f,
                kind=BOILERPLATE,
                severity="info",
                detail="Page furniture (byline, dateline, credit, sign-off) not carried over: "
                + "; ".join(ot[i].strip() for i in f.original),
            )
        out.append(f)
    return out + datelines(al)
