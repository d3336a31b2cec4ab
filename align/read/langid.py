"""Language identification: script counts first, seeded langdetect for Latin script.

Why this shape: Arabic and Russian are unambiguous from their script, and counting
letters is ~1000x faster than langdetect and never says "mk" for "Помните?" (a
langdetect error we measured, research/backends.md section 4). langdetect (seeded,
so deterministic) is only asked to tell Latin-script languages apart (en, de, fr)
and to confirm that a Latin line inside an Arabic or Russian article is English.

Supported: ar, ru, en, and de, fr for the Text+Berg benchmark; and every language
some encoder covers (``align.text.languages``) when langdetect names it. Arabic and
Cyrillic script are not collapsed into ar/ru: letters only Persian/Urdu (پ چ ژ گ ی ک
ے) or only Ukrainian/Belarusian/Bulgarian/Serbian (і ї є ґ ў ђ ј љ њ ћ) write send the
document to langdetect, which tells those languages apart; text without them is
decided by script alone, as before (no 0.75 s profile load on a cold run).
"""

from __future__ import annotations

import re
import threading

from align.errors import BackendError, UndetectedLanguage
from align.text.languages import ALL_LANGS, language_name

SUPPORTED = ("ar", "ru", "en", "de", "fr")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_LOCK = threading.Lock()
_LOADED = False
DOC_SAMPLE_CHARS = 20_000  # enough for a stable document decision; bounds the cost
SCRIPT_SHARE = 0.8  # "overwhelmingly" one script
# A sentence of an ar/ru document is relabelled only when nearly all its letters are
# Latin: 'Он добавил: "This is only the beginning."' (77% Latin) stays Russian.
LATIN_IN_AR_RU = 0.85


def script_counts(text: str) -> dict[str, int]:
    """Letters per script: arabic, cyrillic, latin, other."""
    counts = {"arabic": 0, "cyrillic": 0, "latin": 0, "other": 0}
    for ch in text:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
            counts["arabic"] += 1
        elif 0x0400 <= o <= 0x052F:
            counts["cyrillic"] += 1
        elif o < 0x250 or 0x1E00 <= o <= 0x1EFF:
            counts["latin"] += 1
        else:
            counts["other"] += 1
    return counts


def dominant_script(text: str, share: float = SCRIPT_SHARE) -> str | None:
    """The script holding at least ``share`` of the letters, else None."""
    counts = script_counts(text)
    total = sum(counts.values())
    if not total:
        return None
    script, n = max(counts.items(), key=lambda kv: kv[1])
    return script if n / total >= share else None


def _langdetect(text: str) -> list[tuple[str, float]]:
    """(lang, probability) pairs from seeded langdetect; [] when it finds no features."""
    global _LOADED
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    with _LOCK:  # the factory is global state: seed and first load under one lock
        DetectorFactory.seed = 0
        try:
            result = detect_langs(text)
        except LangDetectException as exc:
            if exc.get_code() == ErrorCode.CantDetectError:
                return []  # no features: not an error, the caller decides
            # langdetect's profile loader has a bare ``except:``: Ctrl-C or an I/O error
            # while loading becomes a "format error" and leaves a half-loaded factory
            # that would silently misdetect for the rest of the process. Drop it, and
            # let an interrupt be an interrupt.
            import langdetect.detector_factory as factory

            factory._factory = None
            if isinstance(exc.__context__, KeyboardInterrupt):
                raise exc.__context__ from None
            raise BackendError(f"cannot load the langdetect language profiles ({exc})") from None
        finally:
            _LOADED = True
    return [(r.lang, r.prob) for r in result]


# Function words that make up a large share of running text in each Latin-script
# language we support. A document whose words are clearly dominated by one list is
# decided without langdetect, whose profiles take ~0.75 s to load: that load was a
# third of a cold `provalign align` on a 40-sentence pair.
_FUNCTION_WORDS = {
    "en": frozenset(
        "the of and to in is that for on with was as by it he said at from his be".split()
    ),
    "de": frozenset(
        "der die und das in den von zu mit ist des sich auf für nicht im dem ein".split()
    ),
    "fr": frozenset(
        "le la les de des et à en un une du que est pour dans qui au sur par pas".split()
    ),
}
_WORD = re.compile(r"[^\W\d_]+")


def _function_word_guess(sample: str) -> str | None:
    """The Latin language whose function words clearly dominate, else None."""
    words = [w.lower() for w in _WORD.findall(sample[:5000])]
    if len(words) < 30:
        return None
    shares = sorted(
        ((sum(w in fw for w in words) / len(words), lang) for lang, fw in _FUNCTION_WORDS.items()),
        reverse=True,
    )
    (best, lang), (second, _) = shares[0], shares[1]
    return lang if best >= 0.15 and best >= 3 * second else None


# Letters Arabic / Russian never write, one set per script: a document holding them
# (more than a stray loanword's worth) is another language of that script.
_NOT_AR = frozenset("پچژگکیےٹڈڑںۀ")
_NOT_RU = frozenset("іїєґўђјљњћџѓќѕ")
_OTHER_LETTERS_SHARE = 0.003
_ARABIC_SCRIPT = frozenset("ar fa ur ps ku ug sd".split())
_CYRILLIC = frozenset("ru uk be bg sr mk kk ky mn".split())


def _script_language(sample: str, default: str, path: str | None) -> str:
    """``default`` (ar / ru) unless the letters say another language of its script."""
    other = _NOT_AR if default == "ar" else _NOT_RU
    letters = [ch for ch in sample if ch.isalpha()]
    least = _OTHER_LETTERS_SHARE * len(letters)
    if default == "ru":  # languages langdetect has no profile for, told by their letters
        for lang, marks in _CYRILLIC_MARKS:
            if sum(ch.lower() in marks for ch in letters) >= max(1, least):
                if lang not in ALL_LANGS:
                    raise UndetectedLanguage(
                        f"{language_name(lang)} is not covered by any bundled encoder", path=path
                    )
                return lang
    if sum(ch.lower() in other for ch in letters) < least:
        return default
    for lang, _prob in _langdetect(sample):
        if lang in ALL_LANGS:
            return lang
        break
    raise UndetectedLanguage("cannot detect the language", path=path)


# Cyrillic letters of languages langdetect cannot name (it called Uzbek "Bulgarian"; fifth
# user's run): each set is letters the others of the list, Russian and langdetect's
# Cyrillic languages (uk, be, bg, mk, sr) never write, checked in this order.
_CYRILLIC_MARKS = (
    ("tg", frozenset("ӯҷӣ")),  # Tajik (it writes ҳ too)
    ("kk", frozenset("әұ")),  # Kazakh
    ("uz", frozenset("ҳқғ")),  # Uzbek (its ў is Belarusian's too)
    ("ky", frozenset("ңөү")),  # Kyrgyz (after Kazakh, which writes them too)
)


def detect_language(text: str, path: str | None = None) -> str:
    """Language of a whole document; LanguageError (naming ``path``) when unclear."""
    sample = _URL.sub(" ", text[:DOC_SAMPLE_CHARS])
    counts = script_counts(sample)
    total = sum(counts.values())
    if total < 3:
        raise UndetectedLanguage("cannot detect the language (no words found)", path=path)
    if counts["arabic"] >= SCRIPT_SHARE * total:
        return _script_language(sample, "ar", path)
    if counts["cyrillic"] >= SCRIPT_SHARE * total:
        return _script_language(sample, "ru", path)
    if counts["latin"] < 0.5 * total:
        # mixed scripts: the larger of Arabic/Cyrillic wins if it is most of the non-Latin text
        if max(counts["arabic"], counts["cyrillic"]) >= 0.5 * total:
            return "ar" if counts["arabic"] > counts["cyrillic"] else "ru"
        raise UndetectedLanguage("cannot detect the language (unsupported script)", path=path)
    quick = _function_word_guess(sample)
    if quick is not None:
        return quick
    guesses = _langdetect(sample)
    for lang, _prob in guesses:
        if lang in SUPPORTED:
            return lang
    if guesses:
        raise UndetectedLanguage(
            f"detected language '{guesses[0][0]}' is not supported ({', '.join(SUPPORTED)})",
            path=path,
        )
    raise UndetectedLanguage("cannot detect the language", path=path)


def sentence_language(text: str, doc_lang: str, min_words: int = 4) -> str:
    """Language of one sentence, defaulting to ``doc_lang`` unless clearly different.

    Script decides Arabic/Cyrillic sentences. A Latin-script sentence inside an
    Arabic or Russian document is passed to langdetect only when it has at least
    ``min_words`` words with letters (short Latin runs are names, brands, URLs); inside a Latin
    document a sentence keeps the document language (per-sentence en/de/fr guesses
    on short sentences are noisy).
    """
    clean = _URL.sub(" ", text)
    script = dominant_script(clean, 0.6)
    if script == "arabic":  # a document of that script keeps its own language
        return doc_lang if doc_lang in _ARABIC_SCRIPT else "ar"
    if script == "cyrillic":
        return doc_lang if doc_lang in _CYRILLIC else "ru"
    if (
        doc_lang not in _ARABIC_SCRIPT | _CYRILLIC
        or dominant_script(clean, LATIN_IN_AR_RU) != "latin"
    ):
        return doc_lang
    if sum(1 for w in clean.split() if any(c.isalpha() for c in w)) < min_words:
        return doc_lang
    for lang, prob in _langdetect(text):
        if lang in SUPPORTED and prob >= 0.7:
            return lang
        break
    return doc_lang


def guess_sentence_language(text: str) -> str | None:
    """Best guess for a sentence with no document context (benchmarks, tools)."""
    script = dominant_script(text, 0.5)
    if script == "arabic":
        return "ar"
    if script == "cyrillic":
        return "ru"
    guesses = _langdetect(text)
    return guesses[0][0] if guesses else None
