"""Structure repairs below the aligner: one changed pair is not an omission plus an addition.

Two editorial moves leave a monotone sentence aligner with an unlinked sentence where
a reader sees one changed pair:

* an interjection or a short rhetorical question split off as its own sentence
  ("Why? Because ..." from "Почему? Потому что ..." rendered as one, or the reverse):
  a short unlinked translation sentence whose words all have a counterpart in the
  neighbouring link's original joins that link (a ``split``, info);
* a sentence shortened to a word or two ("Нет, мы не согласимся с этим ..." ->
  "No."): an unlinked original next to an unlinked translation of at most
  ``SHORT_WORDS`` words that renders some of it becomes one link, which the partial
  omission rule then judges.

And page furniture: a byline, dateline, photo credit or outlet name at either end of
the original that the translation leaves out is ``boilerplate`` (info), not an
omission a reader must weigh.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from align.check.words import align_words
from align.types import BOILERPLATE, OMISSION, Alignment, Flag, Link

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder

SHORT_WORDS = 3  # an unlinked translation sentence this short may be a piece of a neighbour
_WORD = re.compile(r"[^\W_]+", re.U)

FURNITURE = re.compile(
    r"^(?:by|от|بقلم|إعداد|تحرير)\s|^(?:photo|фото|تصوير|صورة)\b|^(?:source|источник|المصدر)\s*:|"
    r"^\(?(?:reuters|afp|ap|ria novosti|риа новости|тасс|interfax|интерфакс|رويترز|"
    r"فرانس برس|الأناضول|سبوتنيك)\)?\s*$|"
    r"^[\w\s.-]{2,30},?\s*\d{1,2}\s+\w+\s*(?:\d{4})?\s*(?:[-—–]|\(\w+\))|"
    r"^(?:©|copyright|all rights reserved|все права защищены|جميع الحقوق محفوظة)",
    re.I,
)


def _short(text: str) -> bool:
    return 0 < len(_WORD.findall(text)) <= SHORT_WORDS


def repair_structure(al: Alignment, encoder: Encoder) -> Alignment:
    """Join split-off short sentences and shortened sentences to their pair (see above)."""
    ot, tt = al.original.texts, al.translation.texts
    links = list(al.links)
    out: list[Link] = []
    k = 0
    while k < len(links):
        lk = links[k]
        nxt = links[k + 1] if k + 1 < len(links) else None
        # shortened: 1-0 followed by a short 0-1 (or the reverse)
        if nxt is not None and _pairable(lk, nxt, ot, tt, encoder):
            orig = lk.original or nxt.original
            trans = lk.translation or nxt.translation
            out.append(Link(orig, trans, max(lk.score, nxt.score)))
            k += 2
            continue
        # split off: a short 0-1 next to a two-sided link whose original renders it
        if not lk.original and len(lk.translation) == 1 and _short(tt[lk.translation[0]]):
            j = lk.translation[0]
            prev = out[-1] if out and out[-1].original and out[-1].translation else None
            after = nxt if nxt is not None and nxt.original and nxt.translation else None
            for host, before in ((prev, True), (after, False)):
                if host is None or not _renders(
                    encoder, [ot[i] for i in host.original], host.original, tt[j], j
                ):
                    continue
                trans = (*host.translation, j) if before else (j, *host.translation)
                joined = Link(host.original, trans, host.score)
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
    if len(out) == len(links):
        return al
    return dataclasses.replace(al, links=tuple(out))


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
    wl = align_words(encoder, [ot[o_idx[0]]], o_idx, [tt[t_idx[0]]], t_idx)
    return any(wl.sim[i, j] >= 0.35 for i, j in wl.pairs)


def _renders(encoder: Encoder, o_texts: list[str], o_idx: tuple[int, ...], t: str, j: int) -> bool:
    """Every word of the short translation ``t`` has a counterpart in the original."""
    wl = align_words(encoder, o_texts, o_idx, [t], (j,))
    m = wl.matched("translation")
    return bool(m) and all(m) and any(wl.sim[i, jj] >= 0.5 for i, jj in wl.pairs)


def furniture(flags: list[Flag], al: Alignment) -> list[Flag]:
    """Omitted bylines, datelines, credits and outlet names at either end: ``boilerplate``."""
    ot = al.original.texts
    n = len(ot)
    out = []
    for f in flags:
        ends = f.original and (f.original[0] <= 1 or f.original[-1] >= n - 2)
        if (
            f.kind == OMISSION
            and ends
            and all(
                FURNITURE.search(ot[i].strip()) and len(ot[i].split()) <= 12 for i in f.original
            )
        ):
            f = dataclasses.replace(
                f,
                kind=BOILERPLATE,
                severity="info",
                detail="Page furniture (byline, dateline, credit) not carried over: "
                + "; ".join(ot[i].strip() for i in f.original),
            )
        out.append(f)
    return out
