"""How reports show a person's review: the reviewed links and flags, decisions noted.

The JSON keeps the machine's links and flags and the review side by side; the human
views (HTML, text) show the reviewed alignment, each reviewed flag's detail followed
by the decision on it, and a list of every decision (who, when, what, note).
"""

from __future__ import annotations

import dataclasses

from align.report._view import kind_label
from align.types import FLAG_ACTIONS, Decision, Report

_PAST = {
    "confirm": "confirmed",
    "dismiss": "dismissed",
    "join": "joined",
    "split": "split",
    "unlink": "unlinked",
    "relink": "relinked",
}


def _rows(links: object) -> str:
    assert isinstance(links, tuple)
    parts = []
    for link in links:
        o = ",".join(str(i + 1) for i in link.original) or "-"
        t = ",".join(str(j + 1) for j in link.translation) or "-"
        parts.append(f"{o}:{t}")
    return " ".join(parts)


def decision_line(d: Decision) -> str:
    """One decision in words, sentence numbers from 1."""
    if d.action in FLAG_ACTIONS:
        where = ", ".join(
            f"{side} {','.join(str(i + 1) for i in idx)}"
            for side, idx in (("original", d.original), ("translation", d.translation))
            if idx
        )
        what = f"{_PAST[d.action]} {kind_label(d.kind or '').lower()} ({where})"
    else:
        what = f"{_PAST[d.action]} links {_rows(d.before)} -> {_rows(d.after)}"
    note = f": {d.note}" if d.note else ""
    return f"{d.when} {d.who} {what}{note}"


def review_view(report: Report) -> Report:
    """The report as reviewed: reviewed links/flags, each decided flag's detail noted."""
    review = report.review
    if review is None:
        return report
    status = {
        (d.kind, d.original, d.translation): d
        for d in review.decisions
        if d.action in FLAG_ACTIONS and d.kind is not None
    }
    flags = report.flags if review.flags is None else review.flags
    shown = []
    for f in flags:
        d = status.get((f.kind, tuple(f.original), tuple(f.translation)))
        if d is not None:
            note = f": {d.note}" if d.note else ""
            detail = f"{f.detail} [{_PAST[d.action]} by {d.who}, {d.when}{note}]"
            f = dataclasses.replace(f, detail=detail)
        shown.append(f)
    alignment = report.alignment
    if review.links is not None:
        alignment = dataclasses.replace(alignment, links=review.links)
    return dataclasses.replace(report, alignment=alignment, flags=tuple(shown))
