"""Flags another flag already says: dropped so a reader is not sent twice to one edit
(``merge_word_flags``: the word-level flags joined to the sentence-level ones;
``names_said_by_insertions``: names inside an added credit).

A name inside words the translation adds ("An Amiri Diwan statement read that ..." where
the original credits no one) is part of that insertion: the insertion flag quotes the
words and says what they are (an attribution), and a second, *major* "Name not in the
original: Diwan" over the same words made one added credit read as two changes, the
graver of them the less precise (third user's run, KUNA via MENAFN).
"""

from __future__ import annotations

import dataclasses

from align.check.spans import side_pieces
from align.types import INSERTION, NAME_MISMATCH, PARTIAL_OMISSION, Alignment, Flag


def names_said_by_insertions(flags: list[Flag], al: Alignment) -> list[Flag]:
    """``flags`` without the name flags whose every name lies inside the words an
    insertion flag of the same link adds, with two words or more beside the names."""
    added: dict[tuple[tuple[int, ...], tuple[int, ...]], list[str]] = {}
    for f in flags:
        if f.kind == INSERTION:
            pieces = [text for _, text in side_pieces(f, al)]
            added.setdefault((f.original, f.translation), []).extend(pieces)
    if not added:
        return flags

    def said(f: Flag) -> bool:
        pieces = added.get((f.original, f.translation), [])
        said_names = f.evidence.get("translation", [])  # a place rule gives one string
        names = [said_names] if isinstance(said_names, str) else [str(n) for n in said_names]
        inside = [p for p in pieces if any(n in p for n in names)]
        if not names or not all(any(n in p for p in inside) for n in names):
            return False
        # more than the name was added ("from Lindqvist" is a replaced name, not a credit)
        rest = [w for p in inside for w in p.split() if not any(n in w for n in names)]
        return len(rest) >= 2

    return [f for f in flags if not (f.kind == NAME_MISMATCH and said(f))]


def merge_word_flags(flags: list[Flag], words: list[Flag]) -> list[Flag]:
    """Word-level flags added to the sentence-level ones without saying a thing twice.

    A dropped clause (a word cut) on a link that already has a sentence-level partial
    omission lends that flag its spans: both say the same words are missing. A cue
    (a dropped attribution, intensifier, time) says something else and stays its own
    flag: lending its spans put a dropped "بشدة" under a flag whose detail quotes a
    left-out clause of another sentence. A role change on a link with a name flag is
    dropped (the name flag already names the pair), a place replaced by another (major)
    only when that flag names the same word (a "Diwan" flag, later found to be a credit,
    hid "Qatar").
    """
    out = list(flags)
    for w in words:
        same = [
            k
            for k, f in enumerate(out)
            if f.kind == w.kind and f.original == w.original and f.translation == w.translation
        ]
        if same and w.kind == PARTIAL_OMISSION and w.subkind == "clause":
            f = out[same[0]]
            out[same[0]] = dataclasses.replace(f, spans=f.spans + w.spans)
            continue
        if (
            same
            and w.kind == NAME_MISMATCH
            and (w.subkind != "place" or w.severity != "major" or _names_it(out, same, w))
        ):
            continue
        out.append(w)
    return out


def _names_it(flags: list[Flag], same: list[int], w: Flag) -> bool:
    said = str(w.evidence.get("translation", ""))
    return any(said in map(str, flags[k].evidence.get("translation", [])) for k in same)
