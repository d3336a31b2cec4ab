"""A name the translation spells out in full where the original abbreviates it.

Russian agencies write people as initials and surname ("С.В. Григорьев"), and an English
version often gives the first name ("Semyon V. Grigoriev"); Arabic releases drop a middle
name that the English restores ("رشاد العليمي" / "Rashad Mohammed Alimi"). The added first
or middle name matches no token of the original, yet nothing was changed: the person is
the one the original names. ``filled_in`` tells such a name from a substitution, which
replaces a name the original does spell out ("Boris Fernandez" / "بوريس جونسون").
"""

from __future__ import annotations

import functools
import re

from align.text.names import Name, common_word, skeleton, skeleton_variants, skeletons_match, words

# between two words of one written name: spaces and the stops of initials only
_IN_RUN = re.compile(r"[\s.]*")
# initials just before (or just after) a surname: "С.В. ", "С. В. ", " С.В."
_INITIALS_BEFORE = re.compile(r"((?:\b[^\W\d_]\.\s*){1,3})$")
_INITIALS_AFTER = re.compile(r"^\s*((?:[^\W\d_]\.\s*){1,3})")
_INITIALS_REACH = 12  # three initials and their spaces: all _INITIALS_BEFORE can match
_VOWEL_START = re.compile(r"(?i)[aeiouy]")
# an Arabic word with the article, after a conjunction or preposition: a title, not a name
_ARTICLE = re.compile(r"^[وفبكل]?(?:ال|لل)")


def _matches(tok: str, otext: str) -> list[int]:
    """Positions in ``words(otext)`` of tokens whose skeleton matches ``tok``'s (2+
    letters: shorter skeletons are too ambiguous to anchor on)."""
    mine = {k for k in skeleton_variants(tok) if len(k) >= 2}
    return sorted(
        {p for key, at in _by_key(otext) if any(skeletons_match(a, key) for a in mine) for p in at}
    )


@functools.lru_cache(maxsize=64)
def _by_key(otext: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Each skeleton variant of ``otext``'s tokens with the positions holding it, built
    once per text (keyed by the string, whose hash Python keeps): the same sentences are
    searched for each candidate name of a link and of its neighbours, and their words
    repeat."""
    at: dict[str, list[int]] = {}
    for p, (w, _) in enumerate(words(otext)):
        for key in skeleton_variants(w):
            at.setdefault(key, []).append(p)
    return tuple((k, tuple(v)) for k, v in at.items())


def _initial_fits(initial: str, name: str) -> bool:
    """Whether a one-letter initial can stand for ``name`` (С for Semyon, Г for Gennady,
    Е for Yevgeny: a vowel's skeleton is empty, so a vowel stands for a name spoken
    with one)."""
    keys = {k for k in skeleton_variants(initial) if k}
    first = skeleton(name)[:1]
    if keys:
        return bool(first) and any(k[0] == first for k in keys)
    return bool(_VOWEL_START.match(name))


def filled_in(name: Name, ttext: str, otext: str) -> bool:
    """Whether ``name`` is a first or middle name the original leaves as an initial or
    leaves out, inside a written name the original gives.

    * an initial: the next full word of the name's run ("Semyon V. Grigoriev") matches
      an original token written with initials ("С.В. Григорьев" or "Григорьев С.В."),
      the first of which fits the name;
    * a middle name: the words either side of it, names themselves, the second ending the
      written name, match two adjacent tokens of the original ("Rashad Mohammed Alimi" /
      "رشاد العليمي"; not "Tory Lindqvist Andrea Jenkyns" / "Тори Андреа Дженкинс");
    * a first name before a surname the original writes alone ("Aleksandr Lukashenko" /
      "Лукашенко принял"): no initials, and no name word just before it (a title or
      nothing: "президент Лукашенко"; in Arabic, a word with the article: "الرئيس
      لوكاشينكو").
      Official English versions name people in full; a seventh user's faithful
      credentials release read "Aleksandr" as a major name change.
    """
    tt, ot = words(ttext), words(otext)
    for i, (tok, _) in enumerate(tt):
        if tok != name.text:
            continue
        run = _run_after(tt, ttext, i)
        surname = next((k for k in run if len(tt[k][0]) > 1), None)
        if surname is not None and any(
            _initial_fits(letters[0], tok)
            for p in _matches(tt[surname][0], otext)
            if (letters := _initials_at(ot, otext, p))
        ):
            return True
        last = tt[run[-1]][0] if run else ""  # the surname ends the written name
        possessive = tok.endswith(("'s", "’s"))  # "Gallagher's Goop": no first name
        if run and not possessive and _name_word(last) and _bare(ot, otext, last):
            return True
        if i > 0 and run and _joined(ttext, tt, i - 1) and _name_word(tt[i - 1][0]):
            left = set(_matches(tt[i - 1][0], otext))
            right = tt[run[0]][0]
            ends = len(run) == 1  # the surname ends the written name
            if ends and _name_word(right) and any(p - 1 in left for p in _matches(right, otext)):
                return True
    return False


def _name_word(tok: str) -> bool:
    """A capitalised word that is not a common one: "Rashad", not "Front" (a common word
    beside a name is a title or a body: "Al-Qaeda-linked Lindqvist Front" / "связанного
    с «Аль-Каидой» фронта Нусра" replaces a name between two matched words)."""
    return tok[:1].isupper() and not common_word(tok.split("-")[-1])


def _joined(text: str, toks: tuple[tuple[str, int], ...], k: int) -> bool:
    """Whether token ``k`` and token ``k + 1`` are parts of one written name: only spaces
    and initials' stops between them."""
    a = toks[k][1] + len(toks[k][0])
    return _IN_RUN.fullmatch(text[a : toks[k + 1][1]]) is not None


def _run_after(toks: tuple[tuple[str, int], ...], text: str, i: int) -> list[int]:
    """The capitalised tokens that continue a written name after token ``i``."""
    out = []
    k = i
    while k + 1 < len(toks) and _joined(text, toks, k) and toks[k + 1][0][:1].isupper():
        k += 1
        out.append(k)
    return out


def _initials_at(ot: tuple[tuple[str, int], ...], otext: str, p: int) -> str:
    """The letters of the initials written just before or just after original token
    ``p`` ("" when there are none)."""
    tok, start = ot[p]
    lo = max(0, start - _INITIALS_REACH)
    while lo > 0 and otext[lo - 1].isalnum():  # a whole word: "св." is no initial "в."
        lo -= 1
    before = _INITIALS_BEFORE.search(otext[lo:start])
    after = _INITIALS_AFTER.match(otext[start + len(tok) :])
    found = before or after
    return re.sub(r"[\s.]", "", found.group(1)) if found else ""


def _bare(ot: tuple[tuple[str, int], ...], otext: str, surname: str) -> bool:
    """Whether the original writes ``surname`` only alone: every token matching it has
    no initials beside it and before it nothing, a lower-case word, or (in Arabic, which
    has no capitals) a word with the article, a title ("الرئيس"). Every token: the text
    searched holds the neighbouring sentences, and "Молинари" alone there does not make
    "Франческо Молинари" here a bare surname. Not "no name word" either: common first
    names ("Франческо", "Элизабет", "جورج") are whole pieces of the encoder's vocabulary
    (``common_word``)."""
    found = _matches(surname, otext)
    return bool(found) and all(_alone(ot, otext, p) for p in found)


def _alone(ot: tuple[tuple[str, int], ...], otext: str, p: int) -> bool:
    """Whether original token ``p`` stands without a first name or initials."""
    if _initials_at(ot, otext, p):
        return False
    if p == 0 or not _joined(otext, ot, p - 1):
        return True
    prev = ot[p - 1][0]
    if prev[:1].isupper() or prev[:1].islower():
        return prev[:1].islower()  # "президент Лукашенко"
    return _ARTICLE.match(prev) is not None  # "الرئيس لوكاشينكو": a first name has no article
