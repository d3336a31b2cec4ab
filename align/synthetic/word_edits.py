"""Edits inside a sentence, with the exact words as gold (``Flag.spans``).

Real editors rarely drop whole sentences: they leave out a clause or a parenthesis,
add a note or a framing phrase, replace a role, sharpen a hedge, change one figure.
Each edit here returns the edited original and translation of one linked pair and
the gold spans. The gold must sit on the side whose words are known exactly:

* a *dropped* clause is made by adding a clause to the original (the translation then
  lacks it): a clause cut at a real boundary (comma, conjunction, relative pronoun)
  from another sentence of the same original, or a parenthesis / attribution /
  qualifier from a small per-language list; the gold span is on the original;
* an *insertion* adds words to the translation: a bracketed note, a framing phrase,
  a clause cut from another translation sentence, or background words; the gold span
  is on the translation;
* a *replaced role*, a *hedge* or *status* change and the number classes (transposed
  digits, one of two repeated figures) rewrite translation words; the gold is the
  changed words (on the original too when the lexicon finds the concept there).

Several templates and real clause boundaries keep a detector from learning one
pattern; the lists are fixed so the benchmark is the same on every run.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from align.check.lexicon import concept_hits, role_hits

# fmt: off
PARENS = {
    "ru": ("(никто не пострадал)", "(его имя не называется)", "(по предварительным данным)",
           "как сообщили в прокуратуре", "по словам очевидцев", "как позже признали в министерстве",
           "по данным следствия", "несмотря на протесты местных жителей"),
    "ar": ("(لم يصب أحد بأذى)", "(لم يكشف عن اسمه)", "بحسب مصادر أمنية", "كما أفادت وكالة الأنباء",
           "وفقا لشهود عيان", "رغم احتجاجات السكان المحليين", "كما اعترفت الوزارة لاحقا"),
}
NOTES = ("[of the Criminal Code]", "[the regional governor]", "(the former capital)",
         "[a reference to the 2014 events]", "[translator's note: the ruling party]",
         "(now part of the Southern District)", "[the opposition leader]")
FRAMES = ("It is no secret that ", "Critics say ", "Observers note that ", "Notably, ",
          "It is well known that ", "Unsurprisingly, ")
BACKGROUND = (" in his apartment and his car", ", which had been under construction for years,",
              ", despite strong objections from residents,", " late on Monday evening",
              ", who has long criticised the authorities,", " for the third time this year",
              ", a move widely seen as symbolic,")
ROLE_WORDS = {"investigators": "investigators", "prosecutors": "prosecutors", "police": "police",
              "court": "court", "army": "army", "government": "government", "lawyers": "lawyers",
              "witnesses": "witnesses", "doctors": "doctors", "activists": "activists",
              "journalists": "journalists", "students": "students", "teachers": "teachers"}
HEDGE_SWAPS = (("most", "many"), ("many", "most"), ("some", "most"), ("most", "some"))
# fmt: on
_CLAUSE_RU_AR = re.compile(
    r"[,،؛]\s+"
    r"|\s+(?=(?:который|которая|которые|когда|после того как|где|التي|الذي|الذين|حيث|بعد أن)\s)"
)
_COMMA = re.compile(r"[,،]\s+")
_STARTERS = frozenset(
    "The A An He She It They We This That These Those In On At After Before But And However "
    "There His Her Their Its Our".split()
)


@dataclass(frozen=True, slots=True)
class WordEdit:
    """An edited pair and its gold: kind, subkind, spans as (side, start, end)."""

    original: str
    translation: str
    kind: str
    subkind: str | None
    spans: tuple[tuple[str, int, int], ...]


def _boundaries(text: str) -> list[int]:
    """Positions after a comma (or before the final stop) where a clause can go."""
    pos = [m.start() for m in _COMMA.finditer(text)]
    end = len(text.rstrip().rstrip('.!?؟…»"”'))
    return [p for p in pos if 10 < p < end - 5] + ([end] if end > 10 else [])


def _clauses(texts: list[str], lang: str) -> list[str]:
    """Clauses of 3-12 words cut at real boundaries from ``texts``."""
    out = []
    for t in texts:
        for p in _CLAUSE_RU_AR.split(t.rstrip(" .!?؟")):
            p = p.strip(' ,،؛;:«»"')
            if 3 <= len(p.split()) <= 12 and not re.search(r"[()\[\]]", p):
                out.append(p)
    return out


def drop_clause(
    o: str, t: str, lang: str, others: list[str], rng: random.Random
) -> WordEdit | None:
    """Add a clause to the original at a boundary: the translation has dropped it."""
    pos = _boundaries(o)
    pool = list(PARENS.get(lang, ())) + _clauses(others, lang)
    pool = [p for p in pool if p not in o and 3 <= len(p.split()) <= 12]
    if not pos or not pool or len(o.split()) < 6:
        return None
    at = rng.choice(pos)
    clause = rng.choice(pool)
    if clause.startswith("("):
        new = o[:at] + " " + clause + o[at:]
        start = at + 1
    else:
        comma = "، " if lang == "ar" else ", "  # an Arabic clause is joined as Arabic joins it
        new = o[:at] + comma + clause + o[at:]
        start = at + len(comma)
    return WordEdit(
        new, t, "partial_omission", "clause", (("original", start, start + len(clause)),)
    )


def insert_words(o: str, t: str, others: list[str], rng: random.Random) -> WordEdit | None:
    """Add a note, a framing phrase or content words to the translation."""
    if len(t.split()) < 6 or not t[:1].isupper():
        return None
    how = rng.choice(("bracketed", "framing", "content", "content"))
    if how == "framing":
        frame = rng.choice(FRAMES)
        first = t.split(" ", 1)[0]
        new = frame + (t[:1].lower() + t[1:] if first in _STARTERS else t)
        return WordEdit(o, new, "insertion", "framing", (("translation", 0, len(frame.rstrip())),))
    pos = _boundaries(t)
    if not pos:
        return None
    at = rng.choice(pos)
    if how == "bracketed":
        words = " " + rng.choice(NOTES)
    else:
        pool = list(BACKGROUND) + [", " + c + "," for c in _clauses(others, "en") if c not in t]
        words = rng.choice(pool)
    if at < len(t) and t[at] == "," and words.endswith(","):
        words = words[:-1]
    new = t[:at] + words + t[at:]
    core = words.strip(" ,")
    start = at + words.index(core)
    return WordEdit(o, new, "insertion", how, (("translation", start, start + len(core)),))


def replace_role(o: str, ol: str, t: str, rng: random.Random) -> WordEdit | None:
    """A role both sides name, replaced by another in the translation."""
    orr, trr = role_hits(o, ol), role_hits(t, "en")
    shared = [r for r in trr if r in orr and r in ROLE_WORDS]
    if not shared:
        return None
    r = rng.choice(shared)
    a, b = trr[r][0]
    if not re.fullmatch(r"[A-Za-z]+", t[a:b]):
        return None
    choices = [x for x in ROLE_WORDS if x not in orr and x not in trr]
    new_word = rng.choice(choices)
    if t[a:b][:1].isupper():
        new_word = new_word.capitalize()
    new = t[:a] + new_word + t[b:]
    oa, ob = orr[r][0]
    return WordEdit(
        o,
        new,
        "name_mismatch",
        "role",
        (("original", oa, ob), ("translation", a, a + len(new_word))),
    )


def change_hedge(o: str, ol: str, t: str, rng: random.Random) -> WordEdit | None:
    """A quantity hedge both sides hold, sharpened or softened in the translation."""
    oc, tc = concept_hits(o, ol), concept_hits(t, "en")
    for old, new_word in rng.sample(HEDGE_SWAPS, len(HEDGE_SWAPS)):
        if old in oc and old in tc and new_word not in tc:
            a, b = tc[old][0]
            if t[a:b].lower() != old:
                continue
            rep = new_word.capitalize() if t[a:b][:1].isupper() else new_word
            oa, ob = oc[old][0]
            spans = (("original", oa, ob), ("translation", a, a + len(rep)))
            return WordEdit(o, t[:a] + rep + t[b:], "meaning_change", "hedge", spans)
    return None


_NUM = re.compile(r"(?<![\d.,])\d{2,}(?![\d.,]\d)")


def change_number_class(o: str, t: str, rng: random.Random) -> WordEdit | None:
    """Transposed digits (36 -> 63, 1953 -> 1935) or one of two equal figures changed."""
    ms = list(_NUM.finditer(t))
    vals = [m.group() for m in ms]
    rep = [m for m in ms if vals.count(m.group()) > 1 and m.group() in o]
    if rep and rng.random() < 0.5:
        m = rep[-1]
        new = str(int(m.group()) + rng.choice((1, 2, 10)))
        sub = "repeated"
    else:
        ok = [m for m in ms if len(set(m.group()[-2:])) == 2 and m.group() in o]
        if not ok:
            return None
        m = rng.choice(ok)
        g = m.group()
        new = g[:-2] + g[-1] + g[-2]
        if new[0] == "0":
            return None
        sub = "transposed"
    edited = t[: m.start()] + new + t[m.end() :]
    return WordEdit(
        o, edited, "number_mismatch", sub, (("translation", m.start(), m.start() + len(new)),)
    )


def diff_span(old: str, new: str) -> tuple[int, int] | None:
    """The changed range of ``new`` against ``old`` (common prefix and suffix removed)."""
    a = 0
    while a < min(len(old), len(new)) and old[a] == new[a]:
        a += 1
    b = 0
    while b < min(len(old), len(new)) - a and old[-1 - b] == new[-1 - b]:
        b += 1
    # widen to whole words
    while a > 0 and new[a - 1].isalnum():
        a -= 1
    end = len(new) - b
    while end < len(new) and new[end].isalnum():
        end += 1
    return (a, end) if a < end else None


def word_level_edits(
    ot: list[str], tt: list[str], lang: str, free: list[int], rate: float, seed: int
) -> dict[int, WordEdit]:
    """Word edits for a share ``rate`` of the ``free`` sentences (own random stream, so
    the sentence-level edits of a seed stay what they were)."""
    rng = random.Random(seed * 7919 + 13)
    out: dict[int, WordEdit] = {}
    for i in free:
        if rng.random() >= rate:
            continue
        o_others = [x for k, x in enumerate(ot) if k != i]
        t_others = [x for k, x in enumerate(tt) if k != i]
        order = ["drop", "insert", "role", "hedge", "number"]
        rng.shuffle(order)
        order.sort(key=lambda k: k in ("role", "hedge", "number"))  # rare ones when they apply
        order = [k for k in order if k in ("role", "hedge", "number")] + [
            k for k in order if k not in ("role", "hedge", "number")
        ]
        for how in order:
            if how == "drop":
                e = drop_clause(ot[i], tt[i], lang, o_others, rng)
            elif how == "insert":
                e = insert_words(ot[i], tt[i], t_others, rng)
            elif how == "role":
                e = replace_role(ot[i], lang, tt[i], rng)
            elif how == "hedge":
                e = change_hedge(ot[i], lang, tt[i], rng)
            else:
                e = change_number_class(ot[i], tt[i], rng) if rng.random() < 0.5 else None
            if e is not None:
                out[i] = e
                break
    return out
