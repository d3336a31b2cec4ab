"""Words a translation leaves in the original's script: "cause grave тревогу".

A translator who misses a word, or a machine translation that could not place one, leaves
it in the source script, where an English reader cannot read it; embeddings read the
sentence as rendered (the encoder is multilingual), and no word rule looks for it, since
the word has a counterpart: itself (second first-user run). A word of the original's
script inside brackets or quotes is a gloss ("the siloviki (силовики)") and stays
unflagged, as does a Latin word in an Arabic or Russian translation (brand names and
acronyms stay Latin in both: "iPhone", "NATO").
"""

from __future__ import annotations

import re

from align.check.spans import link_flag
from align.types import PARTIAL_OMISSION, Alignment, Flag, Link, Span

UNTRANSLATED = "untranslated"  # the subkind of a word left in the original's script

# letters of the scripts a word can be left in (Latin is never the original's script here)
_SCRIPTS = {
    "cyrillic": "\u0400-\u04ff",
    "arabic": "\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff",
    "hebrew": "\u05d0-\u05ea",
    "greek": "\u0370-\u03ff",
    "han": "\u3040-\u30ff\u4e00-\u9fff",
}
_NON_LATIN = re.compile("[" + "".join(_SCRIPTS.values()) + "]")
# a gloss: the word inside brackets or quotes of its own
_GLOSS = re.compile(r"[(\[«\"“„'‘][^()\[\]«»\"“”„'‘’]{0,80}$")


def _script(text: str) -> str | None:
    """The non-Latin script most of ``text``'s letters are in, if it has one."""
    counts = {name: len(re.findall(f"[{chars}]", text)) for name, chars in _SCRIPTS.items()}
    name, n = max(counts.items(), key=lambda kv: kv[1])
    return name if n else None


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("a" <= c.lower() <= "z" for c in letters) / max(1, len(letters))


def untranslated_words(lk: Link, al: Alignment) -> list[Flag]:
    """One minor ``partial_omission`` (``untranslated``) per linked pair whose Latin-script
    translation keeps words of the original's script outside a gloss, spanning each such
    word (and the original's word it copies, when the original has it)."""
    t_texts = [al.translation.sentences[j].text for j in lk.translation]
    if not any(_NON_LATIN.search(t) for t in t_texts):
        return []  # nearly every link: one scan, no counting
    o_texts = [al.original.sentences[i].text for i in lk.original]
    script = _script(" ".join(o_texts))
    if script is None or _latin_share(" ".join(t_texts)) < 0.8:
        return []
    word = re.compile(f"[{_SCRIPTS[script]}][{_SCRIPTS[script]}\u064b-\u0652\u0640-]+")
    spans: list[Span] = []
    said: list[str] = []
    for j, text in zip(lk.translation, t_texts, strict=True):
        for m in word.finditer(text):
            if _GLOSS.search(text[: m.start()]):
                continue
            spans.append(Span("translation", j, m.start(), m.end()))
            said.append(m.group(0))
    if not spans:
        return []
    for w in dict.fromkeys(said):
        for i, text in zip(lk.original, o_texts, strict=True):
            k = text.find(w)
            if k >= 0:
                spans.append(Span("original", i, k, k + len(w)))
                break
    quoted = ", ".join(f"\u201c{w}\u201d" for w in dict.fromkeys(said))
    return [
        link_flag(
            lk,
            PARTIAL_OMISSION,
            "minor",
            f"Left untranslated: the translation keeps {quoted} in the original's script",
            {"words": list(dict.fromkeys(said))},
            subkind=UNTRANSLATED,
            spans=tuple(spans),
        )
    ]
