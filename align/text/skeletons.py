"""Consonant skeletons: one folded Latin alphabet for names in Latin, Cyrillic and Arabic.

Split out of ``align.text.names`` (which documents the rules and uses them to compare
names across a link): the per-token reduction, its variants (respellings, Russian case
endings, Arabic proclitics) and the match between two skeletons.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from align.text.name_tables import (
    AR_PROCLITICS,
    ARABIC,
    ARTICLES,
    CYRILLIC,
    LATIN,
    LATIN_DIGRAPHS,
    LATIN_RESPELLINGS,
)
from align.text.normalize import normalize_arabic


def _collapse(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


def _latin(word: str) -> str:
    w = unicodedata.normalize("NFKD", word.casefold())
    w = "".join(c for c in w if "a" <= c <= "z")
    w = re.sub(r"c(?=[eiy])", "s", w)  # Greece, Celesio: soft c
    for a, b in LATIN_DIGRAPHS:
        w = w.replace(a, b)
    return "".join(LATIN.get(c, c) for c in w)


def _cyrillic(word: str) -> str:
    w = word.casefold().replace("дж", "ж").replace("кс", "кз")
    return "".join(CYRILLIC.get(c, "") for c in w)


def _arabic(word: str) -> str:
    w = normalize_arabic(word).replace("تش", "ش")
    w = w.replace("ه", "ة") if w.endswith("ه") else w
    return "".join(ARABIC.get(c, "") for c in w)


def _script(word: str) -> str:
    for c in word:
        if "\u0600" <= c <= "\u06ff":
            return "ar"
        if "\u0400" <= c <= "\u04ff":
            return "ru"
        if c.isalpha():
            return "lat"
    return "lat"


def _strip_article(part: str) -> str:
    return "" if part.casefold() in ARTICLES else part


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonant skeleton of one token (hyphenated parts joined, articles dropped)."""
    script = _script(word)
    word = re.sub(r"['’]s$", "", word)  # possessive
    parts = re.split(r"['’\-]", word)
    if len(parts) > 1:
        parts = [_strip_article(p) for p in parts]
    conv = {"ar": _arabic, "ru": _cyrillic, "lat": _latin}[script]
    return _collapse("".join(conv(p) for p in parts))


def skeleton_variants(word: str) -> frozenset[str]:
    """Skeletons of a token with and without Arabic proclitics / article."""
    return _variants(word)


_RU_ENDING = re.compile(
    r"(?:ск)?(?:ий|ый|ой|им|ым|ого|его|ому|ему|ая|яя|ую|юю|ом|ем|ие|ые|их|ых"
    r"|ими|ыми|ам|ям|ами|ями|ах|ях|а|я|у|ю|е|ы|и)$"
)


@lru_cache(maxsize=65536)
def _variants(word: str) -> frozenset[str]:
    out = {skeleton(word)}
    if "-" in word:  # Сан-Диего also renders plain "Diego"
        out |= {v for p in word.split("-") if len(p) > 2 for v in _variants(p)}
    script = _script(word)
    if script == "lat":
        low = word.casefold()
        for when, rewrites, min_len in LATIN_RESPELLINGS:
            if re.search(when, low):
                respelled = low
                for pattern, repl in rewrites:
                    respelled = re.sub(pattern, repl, respelled)
                sk = _collapse(_latin(respelled))
                if len(sk) >= min_len:
                    out.add(sk)
    if script == "ru" and "х" in word.casefold():  # Spanish g/j is х: Эухения = Eugenia
        out.add(skeleton(word.casefold().replace("х", "г")))
    if script == "ru" and word.casefold().startswith("г"):  # Гарлем = Harlem
        out.add(skeleton(word[1:]))
    if script == "ru":
        low = word.casefold()
        if low.startswith(("ев", "ав")):  # Европа = Europe
            out.add(skeleton(word[0] + word[2:]))
        if "в" in low:  # в is both v and w: Вестминстер, Пурво, Свами
            out.add(skeleton(low.replace("в", "")))
        stem = _RU_ENDING.sub("", low)
        if stem != low and len(stem) >= 3:  # Карнакского, Вестминстерским
            out |= {skeleton(stem), skeleton(stem.replace("в", ""))}
    if script == "ar":
        w = normalize_arabic(word)
        for pre in AR_PROCLITICS:
            if w.startswith(pre) and len(w) - len(pre) >= 2:
                out.add(skeleton(w[len(pre) :]))
    elif re.match(r"(?i)(al|el|аль|эль|ал)[a-zа-я]{3,}", word) and "-" not in word:
        out.add(skeleton(word[2:] if word[:2].casefold() in ("al", "el", "ал") else word[3:]))
    return frozenset(s for s in out if s)


def _lev(a: str, b: str, cap: int) -> int:
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def within(a: str, b: str, cap: int) -> bool:
    """Whether the Levenshtein distance of ``a`` and ``b`` is at most ``cap``.

    ``_lev``'s answer to ``<= cap``, faster where it is asked most (``skeletons_match``,
    ~460k calls in a bench/flags.py run, nearly all of them pairs far apart): only the
    cells within ``cap`` of the diagonal are computed (any other is farther than ``cap``),
    values are capped at ``cap + 1``, and the search stops at the first row whose cells
    all exceed ``cap``.
    """
    la, lb = len(a), len(b)
    if abs(la - lb) > cap:
        return False
    # each letter of one string that the other lacks costs an edit
    if len(set(a).difference(b)) > cap or len(set(b).difference(a)) > cap:
        return False
    big = cap + 1
    prev = [j if j <= cap else big for j in range(lb + 1)]
    for i in range(1, la + 1):
        cur = [big] * (lb + 1)
        if i <= cap:
            cur[0] = i
        best = cur[0]
        ca = a[i - 1]
        for j in range(max(1, i - cap), min(lb, i + cap) + 1):
            v = prev[j - 1] + (ca != b[j - 1])
            if prev[j] + 1 < v:
                v = prev[j] + 1
            if cur[j - 1] + 1 < v:
                v = cur[j - 1] + 1
            cur[j] = v if v < big else big
            if v < best:
                best = v
        if best > cap:
            return False
        prev = cur
    return prev[lb] <= cap


def edit_distance(a: str, b: str, cap: int) -> int:
    """Levenshtein distance, or ``cap + 1`` when the lengths alone exceed ``cap``."""
    return _lev(a, b, cap)


@lru_cache(maxsize=262144)
def skeletons_match(a: str, b: str) -> bool:
    """Whether two skeletons can be the same name (see the module docstring)."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2:
        return True
    n = min(len(a), len(b))
    cap = 2 if n >= 7 else 1 if n >= 4 else 0
    return cap > 0 and within(a, b, cap)
