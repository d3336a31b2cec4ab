"""Omission, addition (boilerplate / content) and reorder flags from unlinked sentences.

Split out of ``align.check.flags`` (which keeps the per-link checks and the summary) to keep
modules small. Decisions:

* 1-0 / 0-1 links are omissions / additions; consecutive ones form one flag.
* An omission whose text closely matches an addition elsewhere is one moved passage
  (the aligner is monotone), reported as ``reorder`` instead of the two
  (``FlagOptions.reorder_sim``).
* An added sentence is boilerplate when a republisher pattern matches (``BOILER_RE``)
  or it is close to an exemplar disclaimer (``boilerplate_sim``); an unlinked short
  first line without a final stop is a headline the original lacks.
* ``unlink_unrelated`` undoes a 1-1 link of an original sentence to such a line:
  the aligner may pair a dropped last sentence with an appended disclaimer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from align.types import ADDITION, OMISSION, REORDER, Alignment, Flag, Link

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from align.check.context import FlagContext, FlagOptions
    from align.embed.encoder import Encoder


BOILER_RE = re.compile(
    r"(?i)^\s*(?:(?:this|the) (?:article|story|report|text) (?:was|has been|is) "
    r"(?:originally |first )?(?:translated|published|edited|adapted)"
    r"|translated (?:and edited )?by\b"
    r"|read (?:also|more)\b|see also\b|related\s*:|photo(?:graph)?s?(?: credit)?\s*:|image\s*:"
    r"|source\s*:|©|copyright\b|all rights reserved"
    r"|by (?-i:[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})(?:,|$)"  # a byline: capitals only
    r"|follow (?:us|\S+ on)\b|subscribe\b|the views expressed|editor'?s note|"
    r"\(?(?:reuters|afp|ap|tass|ria novosti)\)?\s*$)"
)
# fmt: off
BOILER_EXEMPLARS = (
    "This article was translated and edited by our staff.",
    "This article was originally published in Arabic.",
    "Read also: the latest news from the region", "Photo credit: Reuters", "Source: news agency",
    "Copyright 2024. All rights reserved.", "By John Smith, staff correspondent",
    "Follow us on Twitter for the latest updates.",
    "The views expressed in this article are the author's own.",
)
# fmt: on


def unlink_unrelated(al: Alignment, encoder: Encoder, o: FlagOptions) -> Alignment:
    """A link of unrelated sentences, or of an original sentence to boilerplate, is no link.

    The aligner may pair a dropped last sentence with an appended disclaimer (demo
    corpus: cosine 0.15), or a dropped sentence with an inserted one beside it (a
    monotone path gains little by leaving both unlinked): that is an omission plus an
    addition, not a ``low_similarity`` pair. Below ``unrelated_sim`` two sentences share
    no meaning (random pairs of the benchmark sit at 0.0-0.15, the loosest faithful
    renderings above 0.17); that holds for n-m links too (a dropped sentence glued to an
    inserted one and a heavily cut neighbour: NTREX ru case 182, cosine 0.10).
    """
    ot, tt = al.original.texts, al.translation.texts
    pairs = [lk for lk in al.links if lk.original and lk.translation]
    if not pairs:
        return al
    ov = encoder.encode([" ".join(ot[i] for i in lk.original) for lk in pairs])  # one batch
    tv = encoder.encode([" ".join(tt[j] for j in lk.translation) for lk in pairs])
    cos = dict(zip(pairs, (ov * tv).sum(1).tolist(), strict=True))
    out: list[Link] = []
    for lk in al.links:
        if lk not in cos:
            out.append(lk)
            continue
        c = cos[lk]
        j = lk.translation[0] if len(lk.translation) == 1 else -1
        heading = j == 0 and len(tt[0]) < 90 and not tt[0].rstrip().endswith((".", "!", "?"))
        boiler = len(lk.original) == 1 and j >= 0 and (heading or BOILER_RE.search(tt[j]))
        if c < o.unrelated_sim or (boiler and c < o.low_sim_floor):
            out += [Link((i,), (), 0.0) for i in lk.original]
            out += [Link((), (j,), 0.0) for j in lk.translation]
            continue
        out.append(lk)
    return Alignment(al.original, al.translation, tuple(out), al.signature)


def trans_anchor(links: tuple[Link, ...], j: int) -> float:
    """Sort key for translation-only flags: just after the preceding original sentence."""
    last = -1
    for lk in links:
        if j in lk.translation:
            return last + 0.5
        if lk.original:
            last = lk.original[-1]
    return last + 0.5


def _groups(links: tuple[Link, ...], side: str) -> list[tuple[int, ...]]:
    """Runs of consecutive 1-0 (side='original') or 0-1 links."""
    out: list[list[int]] = []
    prev_gap = False
    for lk in links:
        mine, other = (
            (lk.original, lk.translation) if side == "original" else (lk.translation, lk.original)
        )
        gap = bool(mine) and not other
        if gap and prev_gap:
            out[-1].extend(mine)
        elif gap:
            out.append(list(mine))
        prev_gap = gap or (not mine and not other)
    return [tuple(g) for g in out]


LOCAL_PRIOR = 0.1  # cosine credited to an omitted / added pair side by side in one gap


def find_moves(al: Alignment, encoder: Encoder, o: FlagOptions) -> tuple[set[int], set[int]]:
    """Unlinked original and translation sentences that are one moved passage.

    The aligner is monotone, so a moved passage surfaces as an omission plus an
    addition elsewhere: a pair of them that are each other's best match (cosine >=
    ``reorder_sim``) is a move, grown along the passage by ``_extend_moves``. A pair in
    the same gap (between the same two links) is not a move but a rewritten or cut
    sentence (``align.check.refine.relink_gaps`` pairs those), and takes neither of its two
    sentences into a move: a changed sentence was claimed by a similar dropped one
    further down (NTREX ru case 157).
    """
    ot, tt = al.original.texts, al.translation.texts
    gap_of: dict[tuple[str, int], int] = {}  # an unlinked sentence's gap: links before it
    gap = 0
    for lk in al.links:
        if lk.original and lk.translation:
            gap += 1
        gap_of.update({("o", i): gap for i in lk.original} if not lk.translation else {})
        gap_of.update({("t", j): gap for j in lk.translation} if not lk.original else {})
    omitted = [i for lk in al.links if not lk.translation for i in lk.original]
    added = [j for lk in al.links if not lk.original for j in lk.translation]
    if not omitted or not added:
        return set(), set()
    import numpy as np  # noqa: PLC0415 - cli.py imports this module for FlagOptions only

    sim = encoder.encode([ot[i] for i in omitted]) @ encoder.encode([tt[j] for j in added]).T
    same = np.array([[gap_of[("o", i)] == gap_of[("t", j)] for j in added] for i in omitted])
    # position prior: the sentence beside it is likelier its rendering than one far away
    # (a changed number or name costs a faithful rendering some cosine)
    prior = sim + LOCAL_PRIOR * same
    pairs = set()
    local = []  # best matches side by side in one gap: a rewrite or a cut, not a move
    for a in range(len(omitted)):
        b = int(prior[a].argmax())
        if int(prior[:, b].argmax()) != a:
            continue
        if same[a, b] and prior[a, b] >= o.reorder_sim:
            local.append((a, b))
        elif sim[a, b] >= o.reorder_sim:
            pairs.add((a, b))
    sim[same] = -1.0
    for a, b in local:  # ... and neither of the two is part of a move
        sim[a, :] = -1.0
        sim[:, b] = -1.0
    pairs = _extend_moves(pairs, omitted, added, sim, o.reorder_extend_sim)
    return {omitted[a] for a, _ in pairs}, {added[b] for _, b in pairs}


def gap_flags(ctx: FlagContext) -> list[Flag]:
    """Omission, addition and reorder flags from the unlinked sentences."""
    al, o = ctx.alignment, ctx.options
    ot, tt = al.original.texts, al.translation.texts
    moved_o, moved_t = find_moves(al, ctx.encoder, o)
    added = [j for lk in al.links if not lk.original for j in lk.translation]
    flags: list[Flag] = []
    for g in _groups(al.links, "original"):
        rest = tuple(i for i in g if i not in moved_o)
        for run in _runs(rest):
            chars = sum(len(ot[i]) for i in run)
            sev = "major" if chars > o.major_omission_chars or len(run) > 1 else "minor"
            n = len(run)
            flags.append(
                Flag(
                    OMISSION,
                    sev,
                    run,
                    (),
                    f"Omitted: {n} sentence{'s' * (n > 1)} of the "
                    f"original ({chars} characters) {'have' if n > 1 else 'has'} no "
                    "counterpart in the translation",
                    {"sentences": n, "chars": chars},
                )
            )
    if moved_o:
        for run in _runs(tuple(sorted(moved_o))):
            tr = tuple(sorted(moved_t))
            flags.append(
                Flag(
                    REORDER,
                    "minor",
                    run,
                    tr,
                    f"Moved: original sentence(s) "
                    f"{_show(run)} appear elsewhere in the translation ({_show(tr)})",
                    {"similarity_threshold": o.reorder_sim},
                )
            )
    boiler = _boilerplate(ctx, [j for j in added if j not in moved_t])
    for g in _groups(al.links, "translation"):
        rest = tuple(j for j in g if j not in moved_t)
        for run in _runs(rest):
            for sub in _split_by(run, boiler):
                kind = "boilerplate" if sub[0] in boiler else "content"
                detail = (
                    "Added boilerplate not in the original: "
                    if kind == "boilerplate"
                    else "Added: translation has text with no source in the original: "
                )
                flags.append(
                    Flag(
                        ADDITION,
                        "info" if kind == "boilerplate" else "major",
                        (),
                        sub,
                        detail + quote(" ".join(tt[j] for j in sub)),
                        {"sentences": len(sub)},
                        subkind=kind,
                    )
                )
    return flags


def _extend_moves(
    pairs: set[tuple[int, int]],
    omitted: list[int],
    added: list[int],
    sim: np.ndarray,
    floor: float,
) -> set[tuple[int, int]]:
    """Grow matched moves along their passages: a moved passage moves as a block.

    Once omitted sentence ``omitted[a]`` is matched to added ``added[b]``, their
    neighbours (``a+-1``, ``b+-1``, both adjacent in their documents and unmatched; on
    the translation side also one past a sentence inserted into the moved passage) are
    the same move when merely related (cosine >= ``floor``): a short or loosely rendered
    sentence of a moved paragraph rarely clears the strict bar on its own, and was left
    behind as a false omission plus a false addition.
    """
    used_a = {a for a, _ in pairs}
    used_b = {b for _, b in pairs}
    todo = sorted(pairs)
    out = set(pairs)
    while todo:
        a, b = todo.pop()
        for da in (-1, 1):
            x = a + da
            if not 0 <= x < len(omitted) or x in used_a or omitted[x] - omitted[a] != da:
                continue
            for db in (da, 2 * da):  # the next translation sentence, or one past an insertion
                y = b + db
                if not 0 <= y < len(added) or y in used_b or added[y] - added[b] != db:
                    continue
                if float(sim[x, y]) >= floor:
                    out.add((x, y))
                    used_a.add(x)
                    used_b.add(y)
                    todo.append((x, y))
                    break
    return out


def _runs(idx: tuple[int, ...]) -> list[tuple[int, ...]]:
    out: list[list[int]] = []
    for i in idx:
        if out and out[-1][-1] + 1 == i:
            out[-1].append(i)
        else:
            out.append([i])
    return [tuple(r) for r in out]


def _split_by(run: tuple[int, ...], marked: set[int]) -> list[tuple[int, ...]]:
    out: list[list[int]] = []
    for j in run:
        if out and ((out[-1][-1] in marked) == (j in marked)) and j not in marked:
            out[-1].append(j)
        else:
            out.append([j])
    return [tuple(r) for r in out]


def _boilerplate(ctx: FlagContext, added: list[int]) -> set[int]:
    """Added translation sentences that are republisher boilerplate (regex or exemplar)."""
    tt = ctx.alignment.translation.texts
    out = {j for j in added if BOILER_RE.search(tt[j])}
    rest = [j for j in added if j not in out]
    if rest:
        sims = (
            ctx.encoder.encode([tt[j] for j in rest]) @ ctx.encoder.encode(list(BOILER_EXEMPLARS)).T
        )
        out |= {
            j for j, row in zip(rest, sims, strict=True) if row.max() >= ctx.options.boilerplate_sim
        }
    # a heading the original lacks: the first translation sentence, unlinked, short, no final stop
    if 0 in added and len(tt[0]) < 90 and not tt[0].rstrip().endswith((".", "!", "?")):
        out.add(0)
    return out


def _show(idx: tuple[int, ...]) -> str:
    return f"#{idx[0]}" if len(idx) == 1 else f"#{idx[0]}-{idx[-1]}"


def quote(text: str, n: int = 90) -> str:
    return f'"{text[:n]}{"..." if len(text) > n else ""}"'
