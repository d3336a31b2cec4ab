"""A person's review of a check: decisions on flags and corrections of links.

Plain functions on ``Report`` values (no server, no I/O), used by the web app and by
``check --review``. Decisions:

* **Beside, never instead.** The machine's links and flags stay in ``Report.alignment``
  and ``Report.flags``; a review adds ``Report.review``: the decisions (who, when, what,
  note) and, once a link is corrected, the reviewed links and flags.
* **Every link correction is "these links become those"** (``Decision.before`` ->
  ``after``): join two neighbouring rows, split one row at a sentence, unlink a row
  into an omission and an addition, or relink one original sentence with one
  translation sentence. Flags are recomputed on the corrected alignment and only those
  touching the changed sentences are taken; the others stay as they were.
* **Carry-over is exact.** A later check of the same pair keeps a decision only when
  what it was about is there again: a flag of the same kind on the same sentences, or
  the same ``before`` links, with the same sentence texts. Anything else is dropped and
  counted, because a decision about a sentence that changed is no decision about it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import Any

from align.errors import InputError
from align.types import (
    FLAG_ACTIONS,
    LINK_ACTIONS,
    Alignment,
    Decision,
    Flag,
    Link,
    Report,
    Review,
)

Recompute = Callable[[Alignment], Sequence[Flag]]
FlagKey = tuple[str, tuple[int, ...], tuple[int, ...]]


def now() -> str:
    """The current UTC time as ISO 8601 (seconds)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def flag_key(flag: Flag) -> FlagKey:
    """What names a flag across runs and decisions: kind and sentence indices."""
    return (flag.kind, tuple(flag.original), tuple(flag.translation))


def reviewed_links(report: Report) -> tuple[Link, ...]:
    """The links as reviewed (the machine's when no link was corrected)."""
    review = report.review
    return report.alignment.links if review is None or review.links is None else review.links


def reviewed_flags(report: Report) -> tuple[Flag, ...]:
    """The flags as reviewed (the machine's when no link was corrected)."""
    review = report.review
    return report.flags if review is None or review.flags is None else review.flags


def flag_status(report: Report) -> dict[FlagKey, Decision]:
    """The latest decision on each flag (later decisions overrule earlier ones)."""
    review = report.review
    out: dict[FlagKey, Decision] = {}
    for d in review.decisions if review else ():
        if d.action in FLAG_ACTIONS and d.kind is not None:
            out[(d.kind, d.original, d.translation)] = d
    return out


def _with(report: Report, decision: Decision, **changes: Any) -> Report:
    review = report.review or Review()
    review = dataclasses.replace(review, decisions=(*review.decisions, decision), **changes)
    return dataclasses.replace(report, review=review)


def decide_flag(
    report: Report, key: FlagKey, action: str, who: str, note: str = "", when: str | None = None
) -> Report:
    """Confirm or dismiss the flag named by ``key`` (it must be among the reviewed flags)."""
    if action not in FLAG_ACTIONS:
        raise InputError(f"unknown flag decision {action!r} (use confirm or dismiss)")
    if key not in {flag_key(f) for f in reviewed_flags(report)}:
        raise InputError(f"no {key[0]} flag on original {list(key[1])}, translation {list(key[2])}")
    decision = Decision(action, who, when or now(), note, key[0], key[1], key[2])
    return _with(report, decision)


def _runs(indices: Sequence[int]) -> list[tuple[int, ...]]:
    """Sorted indices cut into consecutive runs: [3, 4, 6] -> [(3, 4), (6,)]."""
    runs: list[list[int]] = []
    for i in sorted(indices):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [tuple(r) for r in runs]


def link_change(
    links: Sequence[Link], action: str, row: int, at: tuple[int, int] = (0, 0)
) -> tuple[tuple[Link, ...], tuple[Link, ...]]:
    """``(before, after)`` of one correction on ``links``.

    join: row ``row`` with row ``row + 1``; split: row ``row`` into its first ``at[0]``
    original and ``at[1]`` translation sentences and the rest; unlink: row ``row`` into
    an omission and an addition; relink: original sentence ``at[0]`` with translation
    sentence ``at[1]`` (``row`` unused), each taken out of the link it was in.

    Raises:
        InputError: the correction does not apply (a row out of range, nothing to split).
    """
    if action not in LINK_ACTIONS:
        raise InputError(f"unknown link correction {action!r}")
    if action != "relink" and not 0 <= row < len(links):
        raise InputError(f"no row {row + 1} (there are {len(links)})")
    if action == "join":
        if row + 1 >= len(links):
            raise InputError(f"row {row + 1} is the last row: nothing to join it with")
        a, b = links[row], links[row + 1]
        orig, trans = sorted(a.original + b.original), sorted(a.translation + b.translation)
        if len(_runs(orig)) > 1 or len(_runs(trans)) > 1:
            raise InputError(f"rows {row + 1} and {row + 2} are not neighbours on both sides")
        score = (a.score + b.score) / 2
        return (a, b), (Link(tuple(orig), tuple(trans), score),)
    if action == "split":
        link = links[row]
        i, j = at
        if not (0 <= i <= len(link.original) and 0 <= j <= len(link.translation)):
            raise InputError(f"cannot split row {row + 1} at ({i}, {j})")
        first = Link(link.original[:i], link.translation[:j], link.score)
        rest = Link(link.original[i:], link.translation[j:], link.score)
        if not (first.original or first.translation) or not (rest.original or rest.translation):
            raise InputError(f"splitting row {row + 1} at ({i}, {j}) leaves an empty row")
        return (link,), (first, rest)
    if action == "unlink":
        link = links[row]
        if not link.original or not link.translation:
            raise InputError(f"row {row + 1} is already one-sided")
        return (link,), (Link(link.original, (), 0.0), Link((), link.translation, 0.0))
    i, j = at  # relink
    holder_o = next((x for x in links if i in x.original), None)
    holder_t = next((x for x in links if j in x.translation), None)
    if holder_o is None or holder_t is None:
        raise InputError(f"no original sentence {i + 1} or translation sentence {j + 1}")
    if holder_o is holder_t and holder_o.original == (i,) and holder_o.translation == (j,):
        raise InputError(f"original {i + 1} and translation {j + 1} are already linked")
    before = (holder_o,) if holder_o is holder_t else (holder_o, holder_t)
    after: list[Link] = []
    for x in before:
        rest_o = _runs([k for k in x.original if k != i])
        rest_t = _runs([k for k in x.translation if k != j])
        if len(rest_o) == len(rest_t) == 1:  # what is left still lines up
            pieces = [Link(rest_o[0], rest_t[0], x.score)]
        else:
            pieces = [Link(r, (), 0.0) for r in rest_o] + [Link((), r, 0.0) for r in rest_t]
        if x is holder_o:
            pieces.append(Link((i,), (j,), 0.0))
        after += sorted(pieces, key=_order)
    return tuple(before), tuple(after)


def _order(link: Link) -> tuple[int, int]:
    return (min(link.original, default=10**9), min(link.translation, default=10**9))


def _replace(
    links: Sequence[Link], before: Sequence[Link], after: Sequence[Link]
) -> tuple[Link, ...] | None:
    """``links`` with ``before`` taken out and ``after`` put where the first one was."""
    positions = []
    for b in before:
        pos = next(
            (
                n
                for n, x in enumerate(links)
                if (x.original, x.translation) == (b.original, b.translation) and n not in positions
            ),
            None,
        )
        if pos is None:
            return None
        positions.append(pos)
    out: list[Link] = []
    for n, x in enumerate(links):
        if n == min(positions):
            out += after
        if n not in positions:
            out.append(x)
    return tuple(out)


def _touches(flag: Flag, orig: set[int], trans: set[int]) -> bool:
    return bool(orig.intersection(flag.original) or trans.intersection(flag.translation))


def _apply(report: Report, decision: Decision, recompute: Recompute) -> Report | None:
    """Apply a link decision's before -> after; None when its ``before`` links are gone."""
    links = _replace(reviewed_links(report), decision.before, decision.after)
    if links is None:
        return None
    orig = {i for x in (*decision.before, *decision.after) for i in x.original}
    trans = {j for x in (*decision.before, *decision.after) for j in x.translation}
    fresh = recompute(dataclasses.replace(report.alignment, links=links))
    kept = [f for f in reviewed_flags(report) if not _touches(f, orig, trans)]
    flags = tuple(kept + [f for f in fresh if _touches(f, orig, trans)])
    return _with(report, decision, links=links, flags=flags)


def correct_link(
    report: Report,
    action: str,
    row: int,
    who: str,
    recompute: Recompute,
    at: tuple[int, int] = (0, 0),
    note: str = "",
    when: str | None = None,
) -> Report:
    """Join, split, unlink or relink (see ``link_change``), flags recomputed for the change."""
    before, after = link_change(reviewed_links(report), action, row, at)
    decision = Decision(action, who, when or now(), note, before=before, after=after)
    result = _apply(report, decision, recompute)
    assert result is not None  # before was taken from the reviewed links
    return result


def _texts_match(old: Report, new: Report, orig: Sequence[int], trans: Sequence[int]) -> bool:
    for role, idx in (("original", orig), ("translation", trans)):
        a = getattr(old.alignment, role).sentences
        b = getattr(new.alignment, role).sentences
        if any(i >= len(a) or i >= len(b) or a[i].text != b[i].text for i in idx):
            return False
    return True


def carry_over(old: Report, new: Report, recompute: Recompute) -> tuple[Report, int, int]:
    """``new`` with the decisions of ``old`` that still apply; (report, kept, dropped)."""
    kept = dropped = 0
    result = dataclasses.replace(new, review=None)
    for d in old.review.decisions if old.review else ():
        applied: Report | None = None
        if d.action in FLAG_ACTIONS:
            keys = {flag_key(f) for f in reviewed_flags(result)}
            if (d.kind, d.original, d.translation) in keys and _texts_match(
                old, new, d.original, d.translation
            ):
                applied = _with(result, d)
        else:
            orig = [i for x in d.before for i in x.original]
            trans = [j for x in d.before for j in x.translation]
            if _texts_match(old, new, orig, trans):
                applied = _apply(result, d, recompute)
        if applied is None:
            dropped += 1
        else:
            result, kept = applied, kept + 1
    return result, kept, dropped
