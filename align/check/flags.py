"""Editorial-change flags from an alignment: what a republication dropped, added, changed.

``check_alignment`` reads the links of an ``Alignment`` and emits ``Flag`` values plus
a ``Summary``. Decisions (thresholds tuned by ``bench/flags.py`` on synthetic edits of
NTREX ar-en / ru-en and WMT22 ru-en; figures in the module docstrings there):

* 1-0 / 0-1 links are omissions / additions; an omission whose text closely matches an
  addition elsewhere is one moved passage (the aligner is monotone), reported as
  ``reorder`` instead of the two.
* Partial omission is measured below the sentence: the original is cut into clauses
  and a short translation compared with every contiguous run of them; when a run
  without some clauses is closer to the translation than the whole original, those
  clauses were not rendered. Length alone flags too many terse-but-faithful renderings.
* Numbers and names are compared as values / transliteration skeletons
  (``align.text.numbers``, ``align.text.names``). A name in the translation with no counterpart
  is flagged on a score of embedding probes (removing it; its context against stand-in
  names; the name alone against each original word) and textual evidence
  (``align.check.value_flags.scored_name_flags``): a correct name translated rather than
  transliterated (Germany / ألمانيا) carries meaning the probes see, an invented one
  does not.
* ``low_similarity`` must be far below the document's own distribution *and* below an
  absolute floor, because cosine levels differ between language pairs and genres, or
  below a lower floor alone (0.15: in a sibling text every link is weak, and a 0.08
  link read as a note, fifth user's run); the original must be long enough (8 words)
  for its cosine to mean something.
* A pair that is not a translation at all gets the verdict and no wall of flags.

The links come from the aligner run with ``CHECK_OPTIONS``, whose repairs
(``align.sentalign.repair``) mend where a monotone search slips (moved, merged and cut
sentences). The rules live in ``align.check.gaps``
(unlinked sentences), ``align.check.value_flags`` (numbers, names) and ``align.check.partial``
(cut clauses); this module orchestrates them and holds the options; the verdict is
``align.check.verdict``. It imports only the standard library and numpy-free helpers at
import time, because ``cli.py`` reads ``FlagOptions`` fields to build command-line options.
"""

from __future__ import annotations

import functools
import statistics
from dataclasses import fields
from typing import TYPE_CHECKING

from align.check.boundary import moved_across
from align.check.context import FLAGS_VERSION, FlagContext, FlagOptions
from align.check.furniture import furniture
from align.check.gaps import BOILER_EXEMPLARS, gap_flags, trans_anchor
from align.check.moved_into import moved_into
from align.check.number_flags import FIGURE, number_flags
from align.check.partial import partial_flags
from align.check.said_by import merge_word_flags, names_said_by_insertions
from align.check.spans import with_spans
from align.check.unmatched import unmatched_spans
from align.check.untranslated import untranslated_words
from align.check.value_flags import (
    base_name,
    name_candidates_of,
    name_probe_texts,
    scored_name_flags,
)
from align.check.verdict import not_translation, verdict_of
from align.check.word_flags import word_flags
from align.check.word_subs import sub_flags
from align.embed.encoder import prefetch
from align.sentalign.moves import joined
from align.text.names import Name, mid_sentence_names, name_candidates, words
from align.text.numbers import extract_numbers
from align.types import (
    INSERTION,
    LOW_SIMILARITY,
    MERGE,
    PARTIAL_OMISSION,
    SPLIT,
    Alignment,
    Flag,
    Link,
    Report,
    Signature,
    Span,
)

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder


def check_alignment(
    alignment: Alignment, options: FlagOptions | None = None, encoder: Encoder | None = None
) -> Report:
    """Flags and summary for an alignment (see the module docstring for the method)."""
    options = options or FlagOptions()
    if encoder is None:
        from align.embed.encoder import load_encoder

        encoder = load_encoder()
    ctx = _context(alignment, options, encoder)
    pairs = ctx.pairs
    flags: list[Flag] = []
    summary = not_translation(ctx, pairs)
    unmatched: tuple[Span, ...] = ()
    if summary is None:
        flags = _ordered(ctx, pairs)
        summary = verdict_of(ctx, pairs, flags)
        unmatched = unmatched_spans(ctx) if options.unmatched_words else ()
    signed = _signed(alignment, options)
    return Report(alignment=signed, flags=tuple(flags), summary=summary, unmatched=unmatched)


def _context(alignment: Alignment, options: FlagOptions, encoder: Encoder) -> FlagContext:
    """What every rule reads about the document, measured once: the cosine and length
    ratio of each linked pair (the rules judge a pair against the document's own
    distribution, since levels differ between language pairs and genres) and how often
    each capitalised word recurs in the translation."""
    ot, tt = alignment.original.texts, alignment.translation.texts
    pairs = [lk for lk in alignment.links if lk.original and lk.translation]
    _prefetch(encoder, alignment, pairs)
    cos: list[float] = []
    if pairs:
        ov = encoder.encode([joined(ot, lk.original) for lk in pairs])
        tv = encoder.encode([joined(tt, lk.translation) for lk in pairs])
        cos = [float(x) for x in (ov * tv).sum(1)]
    ratios = [
        len(joined(tt, lk.translation)) / max(1, len(joined(ot, lk.original))) for lk in pairs
    ]
    name_counts: dict[str, int] = {}
    for t in tt:
        for tok, _ in words(t):
            if tok[:1].isupper():
                name_counts[base_name(tok)] = name_counts.get(base_name(tok), 0) + 1
    return FlagContext(
        alignment,
        options,
        encoder,
        cos,
        statistics.median(ratios) if ratios else 1.0,
        name_counts,
        pairs,
        _doc_names(tt, alignment.translation.lang),
    )


def _ordered(ctx: FlagContext, pairs: list[Link]) -> list[Flag]:
    """Every rule's flags, page furniture relabelled, word spans added, in reading order
    (by original position; a translation-only flag where its neighbours' links put it)."""
    alignment = ctx.alignment
    flags = gap_flags(ctx) + _linked(ctx, pairs)
    flags = [with_spans(f, alignment) for f in furniture(flags, alignment)]
    flags = moved_into(ctx, flags)
    flags.sort(
        key=lambda f: (
            min(f.original, default=10**9)
            if f.original
            else trans_anchor(alignment.links, f.translation[0]),
            f.kind,
        )
    )
    return flags


def _signed(alignment: Alignment, options: FlagOptions) -> Alignment:
    """The alignment with the flag rules' version and every non-default threshold added
    to its signature, so a report says which settings produced its flags."""
    sig = alignment.signature
    changed = [
        (f"flags.{f.name}", str(getattr(options, f.name)))
        for f in fields(FlagOptions)
        if getattr(options, f.name) != f.default
    ]
    return Alignment(
        alignment.original,
        alignment.translation,
        alignment.links,
        Signature(
            sig.version, sig.encoder, (*sig.settings, ("flags", FLAGS_VERSION), *changed), sig.tool
        ),
    )


def _doc_names(tt: list[str], lang: str) -> tuple[Name, ...]:
    """Names of the translation document, one per skeleton (sentence-initial ones only
    when also seen mid-sentence), used to spot an original name displaced by a new one."""
    known = mid_sentence_names(tt, lang)
    out: dict[str, Name] = {}
    for t in tt:
        for n in name_candidates(t, lang, known, initial=False):
            if len(n.skeleton) >= 3:
                out.setdefault(n.skeleton, n)
    return tuple(out.values())


def _prefetch(encoder: Encoder, al: Alignment, pairs: list[Link]) -> None:
    """Encode every text the checks may need in one call (each call has a fixed cost).

    The encoder caches by text, so the later per-check ``encode`` calls are lookups. A
    prefetch, not ``cosines``: the rules read these as vectors (the pair cosines of
    ``_context`` as row sums, the similarity matrices of the gap rules, the boilerplate
    exemplars), not as a list of pairs known now.
    """
    ot, tt = al.original.texts, al.translation.texts
    texts = [joined(ot, lk.original) for lk in pairs] + [joined(tt, lk.translation) for lk in pairs]
    texts += [ot[i] for i in al.unlinked("original")]
    texts += [tt[j] for j in al.unlinked("translation")]
    texts += list(BOILER_EXEMPLARS)
    prefetch(encoder, texts)


def _linked(ctx: FlagContext, pairs: list[Link]) -> list[Flag]:
    """Per-link flags: merge/split, numbers, names, partial omission, low similarity."""
    al, o = ctx.alignment, ctx.options
    ot, tt = al.original.texts, al.translation.texts
    ol, tl = al.original.lang, al.translation.lang
    t_known = mid_sentence_names(tt, tl)
    o_known = mid_sentence_names(ot, ol)
    flags: list[Flag] = []
    figures: list[Flag] = []  # dropped figures, added after the word flags (below)
    med = statistics.median(ctx.cos) if ctx.cos else 0.0
    partial_checked: list[tuple[Link, str, str]] = []
    word_checked: list[tuple[Link, str, str]] = []
    texts = [(joined(ot, lk.original), joined(tt, lk.translation)) for lk in pairs]
    low = low_links(ctx.cos, o)

    @functools.cache
    def doc_values() -> frozenset[float]:  # every figure of the original, read once if asked
        return frozenset(f.value for f in extract_numbers(ctx.doc_text("original"), ol))

    short = [
        len(t) / max(1, len(x)) / max(ctx.ratio_median, 1e-6) < o.partial_ratio for x, t in texts
    ]
    # a low pair that is cut short goes to the partial rule, a long one is low_similarity
    gone = [
        low[k] and (short[k] or len(texts[k][0].split()) >= o.low_sim_min_words)
        for k in range(len(pairs))
    ]
    # name candidates of every pair the name rule reads, then all their probes in one
    # encoder call: a call costs ~1.5 ms whatever its size (bench/flags_cost.py, 582
    # calls of ~8 probes, then 711 of ~12 words). A prefetch: the rule reads the probes
    # as vectors (ablations, windows, word echoes: ``align.check.value_flags``)
    names = {
        k: name_candidates_of(ctx, lk, *texts[k], t_known, o_known)
        for k, lk in enumerate(pairs)
        if not gone[k]
    }
    prefetch(
        ctx.encoder,
        (x for k, found in names.items() if found for x in name_probe_texts(ctx, found, *texts[k])),
    )
    for k, lk in enumerate(pairs):
        otext, ttext = texts[k]
        c = ctx.cos[k]
        if gone[k] and not short[k]:
            pass  # a merge or split whose meaning diverged (below) is no rendering to describe
        elif len(lk.original) > 1 and len(lk.translation) == 1:
            flags.append(
                Flag(
                    MERGE,
                    "info",
                    lk.original,
                    lk.translation,
                    f"Merged: {len(lk.original)} original sentences rendered as one",
                    {"cosine": round(c, 3)},
                )
            )
        elif len(lk.original) == 1 and len(lk.translation) > 1:
            flags.append(
                Flag(
                    SPLIT,
                    "info",
                    lk.original,
                    lk.translation,
                    f"Split: one original sentence rendered as {len(lk.translation)}",
                    {"cosine": round(c, 3)},
                )
            )
        if low[k] and short[k]:
            partial_checked.append((lk, otext, ttext))  # a heavy cut, not a new meaning
            continue
        if gone[k]:  # low and long: no cut explains it
            flags.append(
                Flag(
                    LOW_SIMILARITY,
                    "major",
                    lk.original,
                    lk.translation,
                    f"Meaning diverged: this pair is much less similar ({c:.2f}) than the "
                    f"document's typical pair ({med:.2f})",
                    {"cosine": round(c, 3), "median": round(med, 3)},
                )
            )
            continue
        flags += untranslated_words(lk, ctx.alignment)
        for f in number_flags(lk, otext, ol, ttext, tl, o.qualifier_flags):
            if f.kind == INSERTION and set(f.evidence["values"]) <= doc_values():
                continue  # a figure another sentence of the original gives: carried over
            (figures if f.kind == PARTIAL_OMISSION and f.subkind == FIGURE else flags).append(f)
        found = names[k]
        flags += [] if found is None else scored_name_flags(ctx, lk, otext, ttext, c, found)
        partial_checked.append((lk, otext, ttext))
        word_checked.append((lk, otext, ttext))
    flags += partial_flags(ctx, partial_checked)
    if o.word_flags:
        flags = merge_word_flags(flags, word_flags(ctx, word_checked))
        flags = names_said_by_insertions(flags, ctx.alignment)
        if o.word_subs:
            flags += sub_flags(ctx, word_checked, flags)
    # a dropped figure last: a clause or sentence-level omission of the link already
    # tells the reader its words are missing, and would lend it spans that are not it
    told = {i for f in flags if f.kind == PARTIAL_OMISSION for i in f.original}
    flags += [f for f in figures if not told & set(f.original)]
    return moved_across(ctx, flags)


def low_links(cos: list[float], o: FlagOptions) -> list[bool]:
    """Per link: is its cosine low (the module docstring's ``low_similarity``)? Far below
    the document's median and under ``low_sim_floor``, or under ``low_sim_absolute``."""
    med = statistics.median(cos) if cos else 0.0
    mad = statistics.median(abs(c - med) for c in cos) if cos else 0.0
    return [
        c < o.low_sim_absolute
        or (c < o.low_sim_floor and c < med - o.low_sim_spread * max(mad, 0.05))
        for c in cos
    ]
