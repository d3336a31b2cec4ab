"""Page furniture: a byline, dateline, photo credit or outlet name at either end of the
original that the translation leaves out is ``boilerplate`` (info), not an omission a reader
must weigh.
"""

from __future__ import annotations

import dataclasses
import re

from align.types import BOILERPLATE, OMISSION, Alignment, Flag

FURNITURE = re.compile(
    r"^(?:by|от|بقلم|إعداد|تحرير)\s|^(?:photo|фото|تصوير|صورة)\b|^(?:source|источник|المصدر)\s*:|"
    r"^\(?(?:reuters|afp|ap|ria novosti|риа новости|тасс|interfax|интерфакс|رويترز|"
    r"فرانس برس|الأناضول|سبوتنيك)\)?\s*$|"
    r"^[\w\s.-]{2,30},?\s*\d{1,2}\s+\w+\s*(?:\d{4})?\s*(?:[-—–]|\(\w+\))|"
    r"^(?:©|copyright|all rights reserved|все права защищены|جميع الحقوق محفوظة)",
    re.I,
)


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
