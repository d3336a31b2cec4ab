"""Word-list changes inside a linked pair: attribution, hedge, negation, status, roles.

Split out of ``align.check.word_flags``; the lists are in ``align.check.lexicon``. A
concept present on one side only is compared only where the pair is near-literal
(``LITERAL`` of the words matched on both sides): a free rendering says "nothing" for
"не ... ничего" and "failed" for "не смог".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from align.check.lexicon import concept_class, concept_hits, role_hits
from align.check.spans import link_flag, overlaps
from align.sentalign.words import WordLinks
from align.types import MEANING_CHANGE, NAME_MISMATCH, PARTIAL_OMISSION, Flag, Link, Span

LITERAL = 0.85  # share of words matched on both sides for the word-list checks
VERY_LITERAL = 0.95  # ... and for a negation present on one side only
ROLE_LITERAL = 0.75  # ... and for a role named on each side
SWAP_LITERAL = 0.85  # ... and for a hedge or status replaced by its rival
# Negation present on one side only: off. On bench/flags.py's unedited pairs even the
# near-identical ones (95 % of content words matched) render "не" as "failed", "refused",
# "un-"; 3 false flags per 1,000 sentences and no gold to pay for them.
NEGATION = False
# concepts that replace each other (a swap is a meaning change; other pairs of one class,
# "allegedly" / "some", are not rivals)
GROUP = {
    "most": "quantity",
    "many": "quantity",
    "some": "quantity",
    "allegedly": "certainty",
    "probably": "certainty",
    "requested": "status",
    "done": "status",
}


def _covered(wl: WordLinks, side: str, a: int, b: int) -> bool:
    """Whether any word in [a, b) of ``side`` has a counterpart."""
    words = wl.orig if side == "original" else wl.trans
    m = wl.matched(side)
    return any(m[k] for k, w in enumerate(words) if a <= w.start and w.end <= b)


def _outside(
    hits: dict[str, list[tuple[int, int]]], taken: list[tuple[int, int]]
) -> dict[str, list[tuple[int, int]]]:
    """Concept hits outside spans already flagged (a dropped clause's negation is part of
    the clause, a framing phrase's "no" part of the frame)."""
    out = {}
    for c, spans in hits.items():
        keep = [(a, b) for a, b in spans if not overlaps(a, b, taken)]
        if keep:
            out[c] = keep
    return out


def _content_share(words: tuple[Any, ...], matched: list[bool]) -> float:
    """Share of the words of 4+ letters with a counterpart (function words vary freely)."""
    flags = [m for w, m in zip(words, matched, strict=True) if len(w.text) >= 4]
    return sum(flags) / len(flags) if flags else 0.0


@dataclass(frozen=True)
class LinkWords:
    """One link's two texts, languages, word correspondence and span makers.

    The word-level rules all read the same six things about a link; one frozen record
    keeps their signatures short and typed.
    """

    link: Link
    words: WordLinks
    otext: str
    ol: str
    ttext: str
    tl: str
    osp: Callable[[int, int], tuple[Span, ...]]
    tsp: Callable[[int, int], tuple[Span, ...]]


def meaning_flags(
    v: LinkWords, dropped: list[tuple[int, int]], added: list[tuple[int, int]]
) -> list[Flag]:
    """Concept and role changes (``align.check.lexicon``), outside spans already flagged.

    A concept on one side only is compared only where the pair is near-literal: a free
    rendering says "nothing" for "не ... ничего" and "failed" for "не смог".
    """
    wl = v.words
    share = min(
        _content_share(wl.orig, wl.matched("original")),
        _content_share(wl.trans, wl.matched("translation")),
    )
    oc = _outside(concept_hits(v.otext, v.ol), dropped)
    tc = _outside(concept_hits(v.ttext, v.tl), added)
    return [
        *_lost_or_swapped(v, share, oc, tc),
        *_added_concepts(v, share, oc, tc),
        *_role_change(v, share),
    ]


Hits = dict[str, list[tuple[int, int]]]


def _lost_or_swapped(v: LinkWords, share: float, oc: Hits, tc: Hits) -> list[Flag]:
    """An original attribution or hedge with no rival dropped; a hedge or status replaced
    by its rival ("most" -> "many", "requested" -> "done"); a dropped negation."""
    flags: list[Flag] = []
    tclass = {concept_class(c) for c in tc}
    for c, spans in oc.items():
        cls = concept_class(c)
        if c in tc or cls == "negation" and tclass & {"negation"}:
            continue
        rival = [x for x in tc if GROUP.get(x, x) == GROUP.get(c, c) and x != c]
        a, b = spans[0]
        if cls in ("attribution", "hedge") and not rival:
            if _covered(v.words, "original", a, b) or share < LITERAL:
                continue
            flags.append(
                link_flag(
                    v.link,
                    PARTIAL_OMISSION,
                    "major",
                    f"Partly omitted: the translation drops the {cls} \u201c{v.otext[a:b]}\u201d",
                    {"concept": c},
                    subkind=cls,
                    spans=v.osp(a, b),
                )
            )
        elif rival and cls in ("hedge", "status") and share >= SWAP_LITERAL:
            x, y = tc[rival[0]][0]
            flags.append(
                link_flag(
                    v.link,
                    MEANING_CHANGE,
                    "major",
                    f"Meaning changed ({cls}): original \u201c{v.otext[a:b]}\u201d, "
                    f"translation \u201c{v.ttext[x:y]}\u201d",
                    {"original": c, "translation": rival[0]},
                    subkind=cls,
                    spans=v.osp(a, b) + v.tsp(x, y),
                )
            )
    oclass = {concept_class(c) for c in oc}
    if "negation" in oclass and "negation" not in tclass and share >= VERY_LITERAL and NEGATION:
        a, b = oc["not"][0]
        flags.append(
            link_flag(
                v.link,
                MEANING_CHANGE,
                "major",
                f"Meaning changed (negation): the translation drops \u201c{v.otext[a:b]}\u201d",
                {"original": "not"},
                subkind="negation",
                spans=v.osp(a, b),
            )
        )
    return flags


def _added_concepts(v: LinkWords, share: float, oc: Hits, tc: Hits) -> list[Flag]:
    """A concept class the translation adds and the original lacks, without source words."""
    flags: list[Flag] = []
    oclass = {concept_class(c) for c in oc}
    for c, spans in tc.items():
        cls = concept_class(c)
        if c in oc or cls in oclass:
            continue
        x, y = spans[0]
        if share < LITERAL or _covered(v.words, "translation", x, y) and cls != "negation":
            continue
        if cls == "negation" and not (share >= VERY_LITERAL and NEGATION):
            continue
        flags.append(
            link_flag(
                v.link,
                MEANING_CHANGE,
                "major",
                f"Meaning changed ({cls}): the translation adds \u201c{v.ttext[x:y]}\u201d",
                {"translation": c},
                subkind=cls,
                spans=v.tsp(x, y),
            )
        )
    return flags


def _role_change(v: LinkWords, share: float) -> list[Flag]:
    """A role named on each side, different ("investigators" -> "prosecutors")."""
    orr, trr = role_hits(v.otext, v.ol), role_hits(v.ttext, v.tl)
    gone = [r for r in orr if r not in trr]
    new = [r for r in trr if r not in orr]
    if not (gone and new and share >= ROLE_LITERAL):
        return []
    a, b = orr[gone[0]][0]
    x, y = trr[new[0]][0]
    return [
        link_flag(
            v.link,
            NAME_MISMATCH,
            "major",
            f"Role changed: original \u201c{v.otext[a:b]}\u201d, "
            f"translation \u201c{v.ttext[x:y]}\u201d",
            {"original": gone[0], "translation": new[0]},
            subkind="role",
            spans=v.osp(a, b) + v.tsp(x, y),
        )
    ]
