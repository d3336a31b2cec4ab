"""Words a rule can read off their marks: a parenthesis one side lacks, a speaker named or
dropped, a source credit dropped.

``word_flags`` asks these of a link's word correspondence (``align.sentalign.words``)
around its scored cuts: a parenthesis whose words have no counterpart is a dropped or
added note whatever the cut model says; an added name before a speech verb, a dropped
"X said:" before a kept quotation and a dropped ", сообщает пресс-служба ..." are
attributions (minor), not content.
"""

from __future__ import annotations

import re

from align.check.lexicon import attribution_hits, concept_hits, is_credit
from align.sentalign.words import FUNCTION_WORDS, WordLinks

# share of a parenthesis' content words without a content-word partner that makes it a note
PAREN_UNMATCHED = 0.6


def lone_parens(wl: WordLinks, side: str, text: str) -> list[tuple[int, int]]:
    """Parentheses of ``side`` whose words mostly have no counterpart (share
    ``PAREN_UNMATCHED``), with 2+ content words of letters.
    On the original's side a parenthesis with a capitalised word is taken for a gloss
    of a name ("Global Citizen Festival (Фестиваль граждан мира)"), which a
    translation into the name's own language drops as a matter of course."""
    words = wl.orig if side == "original" else wl.trans
    rendered = rendered_words(wl, side)
    out = []
    for m in re.finditer(r"\([^()]{3,}\)", text):
        ids = [k for k, w in enumerate(words) if m.start() < w.start < m.end()]
        if sum(len(words[k].text) > 2 and words[k].text.isalpha() for k in ids) < 2:
            continue  # "(HMC)", "(18 feet)": an acronym or a conversion, not a note
        if side == "original" and any(words[k].text[:1].isupper() for k in ids):
            continue
        if any(rendered[k] and any(c.isdigit() for c in words[k].text) for k in ids):
            continue  # "(данные на 2017 год)" / "in 2017": its figure is rendered
        content = [k for k in ids if words[k].text.lower() not in FUNCTION_WORDS] or ids
        if sum(not rendered[k] for k in content) / len(content) >= PAREN_UNMATCHED:
            out.append(m.span())
    return out


def rendered_words(wl: WordLinks, side: str) -> list[bool]:
    """Per word of ``side``: has it a partner that is not a function word? A
    parenthesis the other side renders has its content words matched to content words;
    "(никто не пострадал)" left out finds only "the" and "of" (``FUNCTION_WORDS``)."""
    mine, other = (wl.orig, wl.trans) if side == "original" else (wl.trans, wl.orig)
    out = [False] * len(mine)
    for i, j in wl.pairs:
        k, p = (i, j) if side == "original" else (j, i)
        if other[p].text.lower() not in FUNCTION_WORDS:
            out[k] = True
    return out


# a speech verb after the speaker's name: "Sheikh Salem Al-Sabah declared"
_SPEAKER_VERB = re.compile(
    r"(?:said|says|declared|added|stressed|noted|stated|explained|affirmed|continued|told|"
    r"emphasi[sz]ed|underlined|pointed out|went on)\W*$"
)
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*|al|bin|ibn|bint|de|van|von|el")


def names_speaker(words: str, lang: str, otext: str, ol: str) -> bool:
    """Whether added English words only name who speaks, where the original has a speech
    verb and no name ("وأضاف" rendered "Sheikh Salem Al-Sabah declared"): the speaker made
    explicit, an added attribution (minor), not new content (a fourth user's false major)."""
    m = _SPEAKER_VERB.search(words.strip(' ,:;\u201c\u201d"')) if lang == "en" else None
    if m is None or not attribution_hits(otext, ol):
        return False
    names = words.strip(' ,:;\u201c\u201d"')[: m.start()].split()
    return 1 <= len(names) <= 6 and all(_NAME_WORD.fullmatch(w) for w in names)


SPEAKER_MAX_WORDS = 10  # a speech verb, a name and a title; longer is a clause of its own
_QUOTE_OPENS = ":\"«“„'"


def drops_speaker(otext: str, a: int, b: int, ol: str) -> bool:
    """Whether the original's words ``otext[a:b]`` the translation leaves out only say
    who speaks a quotation that follows: a speech verb, a name and a title before a
    colon or a quotation mark ("قالت بريانكا شوبرا سفيرة النوايا الحسنة لليونيسف:" before
    the quote the English keeps). A lost attribution (minor), not a clause of content
    (a seventh user's run read it as a major omission)."""
    cut = otext[a:b].strip()
    after = otext[b:].lstrip()
    opens_quote = cut.endswith(":") or after[:1] in _QUOTE_OPENS
    return (
        opens_quote
        and len(cut.split()) <= SPEAKER_MAX_WORDS
        and any(x == 0 for x, _ in attribution_hits(cut, ol))
    )


CREDIT_MAX_WORDS = 6  # "сообщает пресс-служба главы государства"


def drops_credit(otext: str, a: int, b: int, ol: str) -> bool:
    """Whether the original's words ``otext[a:b]`` the translation leaves out are a
    source credit: mostly a source frame (``lexicon.is_credit``), or a short run that
    opens with one (", сообщает пресс-служба главы государства": the service's owner
    follows the frame). The one-word rule calls such a loss an attribution; the scored
    cut called the same words a clause (an eighth user's two reports disagreed)."""
    if is_credit(otext, ol, a, b):
        return True
    cut = otext[a:b]
    lead = len(cut) - len(cut.lstrip(" ,;:—-"))
    frames = concept_hits(otext, ol).get("source", [])
    opens = any(x <= a + lead < y for x, y in frames)
    return opens and len(cut.split()) <= CREDIT_MAX_WORDS
