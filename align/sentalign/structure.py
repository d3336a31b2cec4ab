"""Structure repairs: one changed pair is not an omission plus an addition.

Two editorial moves leave a monotone sentence aligner with an unlinked sentence where
a reader sees one changed pair:

* an interjection or a short rhetorical question split off as its own sentence
  ("Why? Because ..." from "Почему? Потому что ..." rendered as one, or the reverse):
  a short unlinked translation sentence whose words all have a counterpart in the
  neighbouring link's original joins that link;
* a sentence shortened to a word or two ("Нет, мы не согласимся с этим ..." ->
  "No."): an unlinked original next to an unlinked translation of at most
  ``SHORT_WORDS`` words that renders some of it becomes one link, which the partial
  omission rule then judges. Not a subheading the editor added (``added_subheading``:
  no final stop, beside a body sentence): that is an addition, and its neighbour an
  omission, whatever words they share.

The last of the aligner's repair steps (``align.sentalign.repair``); word evidence comes
from the word correspondence (``align.sentalign.words``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from align.sentalign.moves import Draft
from align.sentalign.words import align_words
from align.text.shape import untitled_heading
from align.types import Link

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder

SHORT_WORDS = 3  # an unlinked translation sentence this short may be a piece of a neighbour
_WORD = re.compile(r"[^\W_]+", re.U)


_SUBHEADING_SHARE = 0.25  # a subheading has at most this share of a body sentence's words


def added_subheading(orig: str, trans: str) -> bool:
    """A subheading the editor added (no final stop, a few words) paired with a body
    sentence of the original (not heading-like: a final stop, or a standfirst's length;
    four times the subheading's words or more).

    A heading names a section; it does not render a sentence, however much it shares its
    topic: "# Greenland" against "Ранее вы говорили, что Гренландия стремится к
    независимости ..." (cosine 0.33, realdev barbin_interview_mfa) is an added subheading
    and a dropped question. A subheading against the original's own subheading, and a
    body sentence that merely lacks its full stop (as long as its source), are not this.
    """
    return (
        untitled_heading(trans)
        and not untitled_heading(orig)
        and len(trans.split()) <= _SUBHEADING_SHARE * len(orig.split())
    )


def _short(text: str) -> bool:
    return 0 < len(_WORD.findall(text)) <= SHORT_WORDS


def repair_structure(d: Draft, encoder: Encoder) -> tuple[Link, ...]:
    """Join split-off short sentences and shortened sentences to their pair (see above)."""
    ot, tt = d.ot, d.tt
    links = list(d.links)
    out: list[Link] = []
    k = 0
    while k < len(links):
        lk = links[k]
        nxt = links[k + 1] if k + 1 < len(links) else None
        # shortened: 1-0 followed by a short 0-1 (or the reverse)
        if nxt is not None and _pairable(lk, nxt, ot, tt, encoder):
            orig = lk.original or nxt.original
            trans = lk.translation or nxt.translation
            out.append(Link(orig, trans))
            k += 2
            continue
        # split off: a short 0-1 next to a two-sided link whose original renders it (with a
        # final stop: "Why?"; a few words without one are a subheading, "# Gas")
        if (
            not lk.original
            and len(lk.translation) == 1
            and _short(tt[lk.translation[0]])
            and not untitled_heading(tt[lk.translation[0]])
        ):
            j = lk.translation[0]
            prev = out[-1] if out and out[-1].original and out[-1].translation else None
            after = nxt if nxt is not None and nxt.original and nxt.translation else None
            for host, before in ((prev, True), (after, False)):
                if host is None or not _renders(
                    encoder, [ot[i] for i in host.original], host.original, tt[j], j
                ):
                    continue
                trans = (*host.translation, j) if before else (j, *host.translation)
                joined = Link(host.original, trans)
                if before:
                    out[-1] = joined
                    k += 1
                else:
                    out.append(joined)
                    k += 2
                break
            else:
                out.append(lk)
                k += 1
            continue
        out.append(lk)
        k += 1
    return tuple(out)


def _pairable(a: Link, b: Link, ot: list[str], tt: list[str], encoder: Encoder) -> bool:
    """An unlinked original next to an unlinked short translation that renders part of it."""
    if a.original and not a.translation and b.translation and not b.original:
        o_idx, t_idx = a.original, b.translation
    elif b.original and not b.translation and a.translation and not a.original:
        o_idx, t_idx = b.original, a.translation
    else:
        return False
    if len(o_idx) != 1 or len(t_idx) != 1 or not _short(tt[t_idx[0]]):
        return False
    if added_subheading(ot[o_idx[0]], tt[t_idx[0]]):
        return False  # "# Greenland" is a heading the editor added, not a shortened sentence
    wl = align_words(encoder, [ot[o_idx[0]]], o_idx, [tt[t_idx[0]]], t_idx)
    return any(wl.sim[i, j] >= 0.35 for i, j in wl.pairs)


def _renders(encoder: Encoder, o_texts: list[str], o_idx: tuple[int, ...], t: str, j: int) -> bool:
    """Every word of the short translation ``t`` has a counterpart in the original."""
    wl = align_words(encoder, o_texts, o_idx, [t], (j,))
    m = wl.matched("translation")
    return bool(m) and all(m) and any(wl.sim[i, jj] >= 0.5 for i, jj in wl.pairs)
