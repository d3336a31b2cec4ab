"""A checked pair's verdict: how much of the original is rendered, whether it is a
translation at all (decided before any flag), and how much was changed.

Kept apart from ``align.check.flags``, which runs the rules, because the verdict reads
their flags only through counts and coverage: the thresholds are ``FlagOptions``'
coverage and cosine settings, chosen and measured on ``bench/verdicts.py``.
"""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING

from align.text.shape import has_words
from align.types import (
    BOILERPLATE,
    EDITED,
    FAITHFUL,
    FLAG_KINDS,
    HEAVILY_EDITED,
    LOW_SIMILARITY,
    NOT_A_TRANSLATION,
    OMISSION,
    REORDER,
    Flag,
    Link,
    Summary,
)

if TYPE_CHECKING:  # pragma: no cover
    from align.check.context import FlagContext


def coverage(ctx: FlagContext, pairs: list[Link], flags: list[Flag]) -> tuple[float, float]:
    """Shares of the original's sentences and characters rendered: linked, or moved.

    Sentences without words (a "* * *" rule, a stray "?") are left out of both counts:
    page debris a translation drops as a matter of course must not lower the coverage
    the verdict reads (three such lines took a 14-sentence pair from 79 % to 65 %). Page
    furniture left out (a date line) is not counted either, a sentence the original
    repeats in a rendered one (a summary bullet) counts as rendered, and one whose link's
    meaning diverged (``low_similarity``) does not."""
    ot = ctx.alignment.original.texts
    furniture = {
        i for f in flags if f.kind == BOILERPLATE and not f.translation for i in f.original
    }
    worded = [i for i, t in enumerate(ot) if has_words(t) and i not in furniture]
    worded = worded or list(range(len(ot)))
    moved = {i for f in flags if f.kind == REORDER for i in f.original}
    moved |= {
        i for f in flags if f.kind == OMISSION and "repeated_in" in f.evidence for i in f.original
    }
    # a link whose meaning diverged renders nothing (a 0.08 link read as "rendered")
    diverged = {i for f in flags if f.kind == LOW_SIMILARITY for i in f.original}
    rendered = ({i for lk in pairs for i in lk.original} - diverged | moved) & set(worded)
    total_chars = sum(len(ot[i]) for i in worded) or 1
    cov_s = len(rendered) / len(worded) if worded else 0.0
    return cov_s, sum(len(ot[i]) for i in rendered) / total_chars


def not_translation(ctx: FlagContext, pairs: list[Link]) -> Summary | None:
    """The ``not_a_translation`` summary when the texts do not correspond, else None.

    Decided before any flag, once: too little of either text linked or the links too
    weak, or links that stand out no more than another article on the same story would
    (``align.check.story``). The translation's share is not judged when the original
    was linked nearly whole (``expanded_coverage``) at a translation's similarity
    (``expanded_cosine``): a republisher that adds background to a three-sentence wire
    story leaves most of its own sentences unlinked. ``bench/verdicts.py``'s ``expanded``
    pairs (three sentences of an original, their English inside seven of another
    document's) were called ``not_a_translation`` 91 times of 102 on its dev half; the
    same-story pairs' median link cosine stays at or below 0.48 there, the expanded
    ones' is 0.6-0.84. Neither share is judged when ``partial_links`` pairs are linked at
    that similarity: a partial translation, a few sentences of the original inside the
    outlet's own article. Both shares are low there (two of six sentences of a WAM readout
    in The National's nine: 33 % and 33 %, realdev ``test``), while the same-story pairs
    that failed on a share alone have median link cosines of 0.38-0.48 (``bench/verdicts.py``,
    both halves; its partial pairs so failing: 0.63-0.81). A quarter of the original must
    be linked (``partial_coverage``; a third in those pairs): two long reports that quote
    one statement share two closely linked sentences too. Flags cannot change the verdict
    (a move only adds coverage), so a pair that passes is never re-judged, and one that
    fails is not compared sentence by sentence.

    With fewer than ``story_min_links`` pairs the logit is too little evidence (a
    formulaic cable scores like two reports), yet two unrelated three-link wires were
    "heavily edited, 57 % rendered" (fifth user's run): below ``short_story_cosine``
    (0.5) *and* ``short_story_soft`` (0.35) they are not a translation. Those pairs sat at
    0.37-0.41 and 0.30-0.31; the real dev set's seen translations with fewer than four
    links reach a soft 0.39 only at a median of 0.57 (two sentences of a readout inside
    The National's own article), and below a median of 0.5 (a Diwan cable to Tonga, 0.45;
    a Kurdistan24 readout, 0.49) their soft is 0.48 and 0.54.
    """
    al, o = ctx.alignment, ctx.options
    cov_s, cov_c = coverage(ctx, pairs, [])
    counts = flag_counts([])
    mean = round(statistics.fmean(ctx.cos), 4) if ctx.cos else 0.0
    med = statistics.median(ctx.cos) if ctx.cos else 0.0
    n_trans = len(al.translation.sentences)
    linked_t = sum(len(lk.translation) for lk in pairs)
    cov_t = linked_t / n_trans if n_trans else 1.0
    # the conditions that failed, each named: "only 100% of the original's sentences could
    # be linked" read as the reason when a long translation had too few of its own linked
    failed = []
    # a short story republished with background: the original nearly whole, at the
    # similarity translations reach, in a much longer text (the docstring's figures)
    close = med >= o.expanded_cosine  # linked at the similarity translations reach
    expanded = close and cov_s >= o.expanded_coverage
    # ... or a partial translation: a few of the original's sentences, so linked
    partial = close and 0 < o.partial_links <= len(pairs) and cov_s >= o.partial_coverage
    if not pairs or (cov_s < o.not_translation_coverage and not partial):
        failed.append(f"only {cov_s:.0%} of the original's sentences could be linked")
    if pairs and cov_t < o.not_translation_coverage and not (expanded or partial):
        failed.append(f"only {cov_t:.0%} of the translation's sentences could be linked")
    if pairs and med < o.not_translation_cosine:
        failed.append(f"the median similarity of linked sentences is {med:.2f}")
    if failed:
        why = " and ".join(failed) + ": this is not a translation of this original"
        return Summary(NOT_A_TRANSLATION, round(cov_s, 4), round(cov_c, 4), counts, mean, why)
    from align.check.story import story_evidence, story_logit, story_reason

    story = story_evidence(al.original.texts, al.translation.texts, pairs, ctx.encoder)
    if len(pairs) >= o.story_min_links:
        other = story_logit(story) < o.story_logit
    else:  # a short wire: too few links for the logit, but not at a translation's level
        other = story.cosine < o.short_story_cosine and story.soft < o.short_story_soft
    if other:
        why = story_reason(story)
        return Summary(NOT_A_TRANSLATION, round(cov_s, 4), round(cov_c, 4), counts, mean, why)
    return None


def flag_counts(flags: list[Flag]) -> dict[str, int]:
    """Flags per kind, every kind present (a report's table has a row for each)."""
    counts = dict.fromkeys(FLAG_KINDS, 0)
    for f in flags:
        counts[f.kind] += 1
    return counts


def verdict_of(ctx: FlagContext, pairs: list[Link], flags: list[Flag]) -> Summary:
    """The verdict of a pair that is a translation: how much is rendered, how much changed."""
    o = ctx.options
    n = len(ctx.alignment.original.texts)
    cov_s, cov_c = coverage(ctx, pairs, flags)
    counts = flag_counts(flags)
    mean = statistics.fmean(ctx.cos) if ctx.cos else 0.0
    major = sum(f.severity == "major" for f in flags)
    changes = f"{major} major change{'s' * (major != 1)}"
    if cov_s < o.heavy_coverage or major > max(3, 0.2 * n):
        verdict, why = HEAVILY_EDITED, f"{cov_s:.0%} of the original rendered, {changes}"
    elif any(f.severity in ("major", "minor") for f in flags):
        verdict, why = EDITED, f"{cov_s:.0%} of the original rendered, {changes}"
    else:
        verdict, why = FAITHFUL, f"{cov_s:.0%} of the original rendered; no editorial changes found"
    return Summary(verdict, round(cov_s, 4), round(cov_c, 4), counts, round(mean, 4), why)
