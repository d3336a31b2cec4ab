"""Evidence that a translation's name replaced the original's, read from the two texts and
the encoder's words (split from ``value_flags``, whose ``_scored`` combines it): the name's
echo in the original's words, a document name the sentence dropped, a broken name pair.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from align.text.names import (
    WORD_RE,
    Name,
    edit_distance,
    find_in,
    occurs,
    skeleton,
    skeleton_variants,
    words,
)

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder


def name_echoes(encoder: Encoder, names: list[str], otext: str) -> list[float]:
    """Per name: its best cosine, encoded alone, to one word of ``otext`` encoded alone."""
    tokens = echo_tokens(otext)
    if not names or not tokens:
        return [0.0] * len(names)
    vecs = encoder.encode([*names, *tokens])
    return [float(x) for x in (vecs[: len(names)] @ vecs[len(names) :].T).max(axis=1)]


def echo_tokens(otext: str) -> list[str]:
    """The words of ``otext`` a name is echoed against (``name_echoes``)."""
    return list(dict.fromkeys(w for w in WORD_RE.findall(otext) if len(w) > 2))


def displaced_names(doc_names: tuple[Name, ...], otext: str, ttext: str) -> list[Name]:
    """Document names whose rendering is in the original sentence but not in its translation.

    When a translation sentence has a name the original lacks *and* the original holds a
    name the translation uses elsewhere but not here, one name replaced the other: the
    strongest evidence of a substitution, in any script (Arabic has no capitals, so
    this is how an Arabic original's name is found at all).
    """
    return [n for n in doc_names if not occurs(n, ttext) and occurs(n, otext, strict=True)]


def paired_gap(name: Name, ttext: str, otext: str) -> bool:
    """Whether the name's partner is matched and the partner's counterpart is not.

    Names come in pairs ("Boris Johnson"): when the translation's neighbour of a name
    (on one side) matches an original token, and the original's token on that same side
    of it matches nothing in the translation, one half of the pair was replaced
    ("Boris Fernandez" / "بوريس جونسون"). Works in Arabic, which has no capitals.
    """
    tt = words(ttext)
    ot = [w for w, _ in words(otext)]
    cased = any(c.isupper() for c in otext)
    for i, (tok, _) in enumerate(tt):
        if tok != name.text:
            continue
        for step in (-1, 1):
            j = i - step  # the partner; the name is on the ``step`` side of it
            if not 0 <= j < len(tt) or not tt[j][0][:1].isupper():
                continue
            partner = Name(tt[j][0], skeleton(tt[j][0]))
            if len(partner.skeleton) < 2:
                continue
            hit = find_in(partner, otext)
            if hit is None or " " in hit or hit not in ot:
                continue
            k = ot.index(hit) + step
            if 0 <= k < len(ot) and occurs(partner, ot[k]):  # Ann-Laure / آن لوري
                k += step
            if not 0 <= k < len(ot) or len(skeleton(ot[k])) < 2:
                continue
            if cased and not ot[k][:1].isupper():  # a cased original names with capitals
                continue
            # strict: a loose match ("دونالد" ~ "Wednesday") must not hide the gap; and
            # a neighbour close to the name is its loose rendering (Knott / نوت)
            nb = Name(ot[k], skeleton(ot[k]))
            if not occurs(nb, ttext, strict=True) and not _close(name, nb):
                return True
    return False


def _close(a: Name, b: Name) -> bool:
    """Skeletons within half the shorter one's letters (at least one edit) of each other,
    or one beginning the other (Dogg / "دوغالذي", a name glued to the next word)."""
    return any(
        edit_distance(x, y, 9) <= max(1, min(len(x), len(y)) // 2)
        or (min(len(x), len(y)) >= 2 and (x.startswith(y) or y.startswith(x)))
        for x in skeleton_variants(a.text) | {a.skeleton}
        for y in skeleton_variants(b.text) | {b.skeleton}
        if x and y
    )
