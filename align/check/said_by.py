"""Flags another flag already says: dropped so a reader is not sent twice to one edit.

A name inside words the translation adds ("An Amiri Diwan statement read that ..." where
the original credits no one) is part of that insertion: the insertion flag quotes the
words and says what they are (an attribution), and a second, *major* "Name not in the
original: Diwan" over the same words made one added credit read as two changes, the
graver of them the less precise (third user's run, KUNA via MENAFN).
"""

from __future__ import annotations

from align.check.spans import side_pieces
from align.types import INSERTION, NAME_MISMATCH, Alignment, Flag


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
        names = [str(n) for n in f.evidence.get("translation", [])]
        inside = [p for p in pieces if any(n in p for n in names)]
        if not names or not all(any(n in p for p in inside) for n in names):
            return False
        # more than the name was added ("from Lindqvist" is a replaced name, not a credit)
        rest = [w for p in inside for w in p.split() if not any(n in w for n in names)]
        return len(rest) >= 2

    return [f for f in flags if not (f.kind == NAME_MISMATCH and said(f))]
