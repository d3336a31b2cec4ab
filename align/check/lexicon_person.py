"""Who speaks: a statement in the first person singular or plural, per language.

An official's own statement ("Выражаю серьезную озабоченность", "Убежден, что ...",
"призываю к прекращению") republished as a collective one ("We express serious concern",
"We are confident", "we urge") changes who holds the view: one person or a body. Faithful
translations keep the person, so a pair whose sides speak only in different numbers is a
``meaning_change`` (``meaning._person_change``). Arabic marks the person on the verb in
ways a word list cannot read reliably, so it has no entry: no Arabic pair is judged. Only
singular made plural is judged (``meaning._person_change`` says why).
"""

from __future__ import annotations

import re

# the first person singular: pronouns; in Russian also the present tense's -аю/-яю/-ею
# verbs (выражаю, призываю, надеюсь) in lower case or opening the sentence (a capitalised
# "Китаю" inside one is a country's dative), and a sentence opened by a short adjective
# with no subject ("Убежден, что": "I am convinced"); the plural: pronouns only (-ем/-им
# endings are as often nouns and adjectives)
_RU_I = "я|меня|мне|мной|мой|моя|моё|мое|мои|мою|моего|моей|моих|моим|моему|моими|моём|моем"
_RU_WE = "мы|нас|нам|нами|наш|наша|наше|наши|нашу|нашего|нашей|наших|нашим|нашему|нашими|нашем"
SINGULAR = {
    "en": re.compile(r"\b(?:I(?!\.)|me|my|mine|myself)\b"),
    "ru": re.compile(
        rf"(?i:\b(?:{_RU_I})\b)"
        r"|\b[а-яё]{3,}(?:аю|яю|ею)(?:сь)?\b|^\W*[А-ЯЁ][а-яё]{2,}(?:аю|яю|ею)(?:сь)?\b"
        r"|^\W*(?:Убежден|Уверен|Рад|Благодарен|Убеждена|Уверена|Рада|Благодарна)\b"
    ),
}
PLURAL = {
    "en": re.compile(r"(?i)\b(?:we|us|our|ours|ourselves)\b"),
    "ru": re.compile(rf"(?i)\b(?:{_RU_WE})\b"),
}


def _regnal(text: str, start: int) -> bool:
    """Whether an English "I" follows a capitalised word inside the sentence: a numeral
    ("World War I", "the reign of Peter I"), not the speaker ("Yesterday I said")."""
    if text[start] != "I":
        return False
    before = text[:start].split()
    return len(before) > 1 and before[-1][:1].isupper() and before[-1][-1:].isalpha()


def person(text: str, lang: str) -> tuple[str, list[tuple[int, int]]] | None:
    """("singular" | "plural", the spans saying so) when ``text`` speaks in the first
    person of one number only; None when it speaks in neither, in both, or the language
    has no lists."""
    if lang not in SINGULAR:
        return None
    one = [m.span() for m in SINGULAR[lang].finditer(text) if not _regnal(text, m.start())]
    many = [m.span() for m in PLURAL[lang].finditer(text)]
    if bool(one) == bool(many):
        return None
    return ("singular", one) if one else ("plural", many)


def speaker_made_collective(
    otext: str, ol: str, ttext: str, tl: str
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """When the original speaks as one person only and the translation as a group only,
    the first word saying so on each side (``meaning._person_change``; the word gate
    opens for it too); else None."""
    o = person(otext, ol)
    if o is None or o[0] != "singular":  # most originals: the translation is not read
        return None
    t = person(ttext, tl)
    if t is None or t[0] != "plural":
        return None
    return o[1][0], t[1][0]
