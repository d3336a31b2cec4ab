"""The single-sentence edits of ``align.synthetic.generate`` and the text they insert.

Each function takes one sentence and a seeded ``random.Random`` and returns the edited
sentence, or None when the edit does not apply (no clause boundary, no number, no
name that the original also holds). An edit that would not be a real change (a new
number equal in value to the original's) is refused here, so the gold stays exact.
The inserted names and outlets are invented and fixed: a benchmark needs the same
edits on every run.
"""

from __future__ import annotations

import random
import re

from align.text.names import find_in, name_candidates, skeleton
from align.text.normalize import ascii_digits

OUTLETS = ("Levant Daily", "Eurasia Monitor", "The Gulf Review", "Steppe News", "Orient Wire")
# fmt: off
BOILERPLATE = (
    "This article was translated and edited by {o} staff.",
    "This article was originally published in {lang} by {src} and translated by {o}.",
    "Read also: {title}", "Read more: {title}", "Photo: Reuters", "Photo credit: AFP/Getty Images",
    "Source: {src}", "© 2024 {o}. All rights reserved.", "By {person}, {o} correspondent",
    "Translated by {person}", "Follow {o} on Twitter for the latest updates.",
    "The views expressed in this article belong to the author and do not reflect "
    "the editorial policy of {o}.",
)
# fmt: on
PERSONS = ("Maria Kowalski", "Daniel Fernandez", "Sarah Lindqvist", "Tom Gallagher", "Nadia Moreno")
# fmt: off
NEW_NAMES = (
    "Kowalski", "Fernandez", "Okonkwo", "Lindqvist", "Tanaka", "Dubois", "Novak", "Gallagher",
    "Moreno", "Petrakis", "Brennan", "Sorensen", "Vargas", "Whitfield",
)
# fmt: on
_SPLIT_RE = re.compile(r",\s+|;\s+|\s+(?:and|but|while|which|who|after|before|because)\s+")


def cut_clauses(text: str, rng: random.Random) -> str | None:
    """Remove clauses covering >= 40 % of the sentence (None when it cannot be cut)."""
    cuts = [m for m in _SPLIT_RE.finditer(text)]
    if not cuts:
        return None
    n = len(text)
    options = []
    for m in cuts:
        head, tail = text[: m.start()], text[m.end() :]
        if len(tail) >= 0.4 * n and len(head) >= 0.25 * n:
            options.append(head.rstrip(" ,;") + ("." if not head.endswith(".") else ""))
        if len(head) >= 0.4 * n and len(tail) >= 0.25 * n:
            options.append(tail[:1].upper() + tail[1:])
    return rng.choice(options) if options else None


def split_sentence(text: str) -> tuple[str, str] | None:
    n = len(text)
    best = None
    for m in _SPLIT_RE.finditer(text):
        if 0.3 * n <= m.start() <= 0.7 * n:
            best = m
            break
    if best is None:
        return None
    a = text[: best.start()].rstrip(" ,;") + "."
    b = text[best.end() :]
    return a, b[:1].upper() + b[1:]


_DIGIT_RE = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")
# an original's figures (after ``ascii_digits``): groups of three after a space, a dot or
# a comma (Russian "1 200", "1.200") read as one figure
_ORIG_NUM_RE = re.compile(r"(?<![\d.,])\d+(?:[\s\u00a0\u202f.,]\d+)*")


def _key(figure: str) -> str:
    """A figure's digits only: "1,200", "1 200" and "1200" are the same figure here."""
    return "".join(c for c in figure if c.isdigit())


def change_number(text: str, rng: random.Random, keep: frozenset[str] = frozenset()) -> str | None:
    """One figure of ``text`` changed (a year moved by 1-3, else its first digit); only
    figures whose digits are in ``keep`` when it is given."""
    ms = [m for m in _DIGIT_RE.finditer(text) if not keep or _key(m.group(0)) in keep]
    if not ms:
        return None
    m = rng.choice(ms)
    raw = m.group(0)
    digits = [i for i, c in enumerate(raw) if c.isdigit()]
    plain = raw.replace(",", "")
    if plain.isdigit() and 1900 <= int(plain) <= 2099:
        new = str(int(plain) + rng.choice([-3, -2, -1, 1, 2, 3]))
    else:
        first = digits[0]
        choices = [d for d in "123456789" if d != raw[first]]
        new = raw[:first] + rng.choice(choices) + raw[first + 1 :]
    return text[: m.start()] + new + text[m.end() :]


def respell_name(name: str, rng: random.Random) -> str | None:
    vowels = "aeiou"
    ops = []
    for i, c in enumerate(name[1:], 1):
        if c in vowels:
            ops.append(name[:i] + rng.choice([v for v in vowels if v != c]) + name[i + 1 :])
            ops.append(name[: i + 1] + "h" + name[i + 1 :])
        elif c.isalpha() and c not in "hwy" and name[i - 1] in vowels:
            ops.append(name[:i] + c + name[i:])
    ops = [o for o in ops if o != name and skeleton(o) == skeleton(name)]
    return rng.choice(ops) if ops else None


def number_edit(o: str, t: str, rng: random.Random) -> str | None:
    """A figure the translation shares digit for digit with the original, changed to
    digits the original does not hold.

    Decided on the digits alone, never by ``align.text.number_match``: a generator that
    kept only the changes the comparator sees measured the comparator by itself (its
    recall was 1 by construction), and every fix to the comparator redrew the whole
    synthetic set.
    """
    keys = frozenset(_key(m.group(0)) for m in _ORIG_NUM_RE.finditer(ascii_digits(o)))
    if not keys:
        return None
    new = change_number(t, rng, keys)
    if new is None:
        return None
    after = {_key(m.group(0)) for m in _DIGIT_RE.finditer(new)}
    before = {_key(m.group(0)) for m in _DIGIT_RE.finditer(t)}
    return new if (after - before) and not (after - before) & keys else None


def name_edit(
    o: str,
    t: str,
    lang: str,
    known: frozenset[str],
    rng: random.Random,
    respell: bool,
    used: set[str],
) -> str | None:
    cands = [c for c in name_candidates(t, lang, known) if len(c.skeleton) >= 3 and find_in(c, o)]
    if not cands:
        return None
    c = rng.choice(cands)
    if respell:
        new = respell_name(c.text, rng)
    else:
        pool = [
            x
            for x in NEW_NAMES
            if find_in(name_candidates("x " + x, "en")[0], o) is None
            and x.casefold() not in t.casefold()
            and x.casefold() not in used
        ]
        new = rng.choice(pool) if pool else None
        if new is not None:
            used.add(new.casefold())
    if new is None:
        return None
    poss = re.search(r"['’]s$", c.text)
    if poss and not respell:  # Mexico's -> Brennan's, not "Brennan capital"
        new += poss.group(0)
    return re.sub(rf"\b{re.escape(c.text)}\b", new, t, count=1)
