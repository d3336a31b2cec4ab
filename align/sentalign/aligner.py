"""Sentence alignment of an original with its translation.

How a link is scored (and why):

* Span embeddings. Every run of up to ``max_side`` consecutive sentences on each side
  is embedded through USE v3's pooled states (``align.embed.spans.window_embeddings``), so
  1-2, 2-1, 2-2, 1-3 and 3-1 links compete with 1-1 on their own similarity without
  re-encoding any overlap text (re-encoding them exactly changed Text+Berg dev
  strict F1 by only +0.005).
* Hubness correction. Raw cosine favours "hub" sentences that are close to
  everything (short, formulaic, number-heavy). Each span's cosine is reduced by the
  mean of its ``k`` best cosines against the other side (a difference margin after
  Artetxe & Schwenk; on Text+Berg dev it is worth about +0.02 strict F1 over cosine).
* One gain per link, not per sentence. A pair link earns
  ``margin - threshold + anchors + continuation - length_penalty`` and leaving a
  sentence out earns ``skip`` less its sampled skip cost (next point). Because a
  merged link earns one gain where two 1-1 links would earn two, merges win only
  where splitting would leave a sentence unlinked or badly matched, which is what
  stops the DP from gluing correct 1-1 links into 2-2s (weighting gains by sentence
  count produced exactly that).
* A skip cost read off the document (``skip_cost="sampled"``), after Vecalign's
  deletion knob, which prices a deletion at a percentile of the document's random pair
  costs. Here the level is a quantile of the margins of random pairs far from the
  diagonal, and a sentence whose best match nearby clears it pays for being left out
  in proportion, so it joins a neighbouring link; an inserted sentence, which matches
  nothing better than random pairs do, stays free to leave out. A constant skip left
  544 translation sentences of the zh-en novels unlinked where the gold has 6; the
  sampled cost took held-out strict F1 there from 0.818 to 0.873 (``options.py``).
* Anchors. Numbers and names (``align.sentalign.anchors``) are evidence the embedding barely
  carries. A link earns a little for the share it matches (Dice) and pays
  ``anchor_miss`` for every mention it holds on one side only, and so does a
  sentence left unlinked. That price is what places a boundary where a translator
  restructured: when "Collins 1956 )" ends a German sentence but opens the French one,
  only the link holding both keeps the publisher on both sides. Mentions are counted
  (a name twice on one side needs it twice on the other), so a dropped sentence
  repeating a name its neighbour already matched is not glued on to match it again.
  This took Text+Berg dev strict F1 from 0.911 to 0.945 (plateau 0.945-0.949 for
  ``anchor_miss`` 0.10-0.15) with synthetic NTREX / WMT22 within 0.001.
* Continuations. A sentence ending in ``:`` ``;`` or ``,`` is usually part of a
  longer unit in the other language; joining across it earns a small bonus.
* Length. A Gale-Church style penalty on the log character-length ratio, centred
  on the document's own ratio.
* Debris. A sentence without a word (no two letters in a row, no CJK character:
  OCR fragments such as "- _-" or "24 a !", rules, bullets) pays ``wordless_price``
  inside a link that holds a word and is free to leave out: its embedding matches
  nothing, so without the price the search glued it to whichever neighbour it sat
  next to (Text+Berg's gold leaves it unlinked).

Search is ``align.sentalign.dp`` over the whole grid for small documents and over a band
around a coarse path (blocks of sentences averaged) for long ones, so time and
memory grow linearly with length. The shorter side is always the DP's row
dimension.

Long restructurings (links of up to 8 sentences, as Vecalign allows) are not new
link types in the search, whose cost grows with the number of types:
``align.sentalign.extend`` grows links that sit at the search's limits over unlinked or
weak neighbours afterwards. Accuracy mode (``--accurate``, ``align.sentalign.rescore``)
runs a second search around the first, on USE v3 and e5-small cosines combined, and
aligns a language USE v3 does not cover with e5 alone.

``Link.score`` is in [0, 1]: for a pair link it is the spans' cosine through a
logistic centred at 0.45, about where true links and same-document non-links of
NTREX are equally likely (``backends.md``: true pairs 0.69 +- 0.11, same-document
non-pairs 0.17, best separating cosine 0.48); one-sided links get ``1 -`` that
value for the best match the sentence has anywhere, i.e. how sure we are that it
has no counterpart.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING, cast

import numpy as np

from align import __version__
from align.embed.encoder import blas_threads, load_encoder
from align.embed.spans import window_embeddings
from align.errors import AlignError, LanguageError
from align.sentalign.anchors import document_anchors
from align.sentalign.dp import Band, band_around, search
from align.sentalign.extend import SpanCos, extend_links
from align.sentalign.link_gain import BandTerms, LinkGain, SideSpans, hubness
from align.sentalign.moves import Draft
from align.sentalign.options import AlignOptions, RepairOptions, link_types
from align.sentalign.repair import repair_links
from align.sentalign.rescore import E5_SCORE_MID, E5_SCORE_SLOPE, Bounds, Rescorer
from align.text.languages import covers, language_name
from align.types import Alignment, Document, Link, Signature

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder


def _coarse_band(rows: SideSpans, cols: SideSpans, options: AlignOptions) -> Band:
    """Align block averages of the sentence embeddings, then band the fine search."""
    n, m = rows.n, cols.n
    f = max(2, math.ceil(math.sqrt((n + 1) * (m + 1) / options.full_dp_cells)))

    def blocks(side: SideSpans) -> np.ndarray:
        e = side.emb[1]
        nb = math.ceil(side.n / f)
        out = np.add.reduceat(e, np.arange(0, nb * f, f)[:nb], axis=0)
        return cast(np.ndarray, out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9))

    br, bc = blocks(rows), blocks(cols)
    nb, mb = len(br), len(bc)
    sims = br @ bc.T
    thr = float(np.median(sims))

    def gain(a: int, b: int) -> np.ndarray:
        table = np.full((nb + 1, mb + 1), -1e9)
        table[a:, b:] = (a + b) / 2 * (sims[: nb + 1 - a, : mb + 1 - b] - thr)
        return table

    zero_r, zero_c = np.zeros(nb), np.zeros(mb)
    spans = search(
        nb, mb, [(1, 0), (0, 1), (1, 1), (1, 2), (2, 1)], gain, zero_r, zero_c, Band.full(nb, mb)
    )
    path = [(0, 0)] + [(min(i1 * f, n), min(j1 * f, m)) for _, i1, _, j1 in spans]
    path[-1] = (n, m)
    # fill in rows between coarse points along straight lines
    fine: list[tuple[int, int]] = []
    for (i0, j0), (i1, j1) in zip(path, path[1:], strict=False):
        for i in range(i0, i1 + 1):
            j = j0 + (j1 - j0) * (i - i0) // max(i1 - i0, 1)
            fine.append((i, j))
        if i1 == i0:
            fine.append((i1, j1))
    return band_around(fine, n, m, options.band + f)


def _pair_score(cos: float, options: AlignOptions) -> float:
    return 1.0 / (1.0 + math.exp(-options.score_slope * (cos - options.score_mid)))


def align_texts(
    original: Sequence[str],
    translation: Sequence[str],
    options: AlignOptions,
    encoder: Encoder,
    usem_covers: bool = True,
) -> list[Link]:
    """Align two lists of sentences; every index appears in exactly one link, in order.

    ``usem_covers``: USE v3 covers both languages; when False, an accuracy-mode encoder
    aligns with e5 alone (``align.sentalign.rescore``).
    """
    n, m = len(original), len(translation)
    if n == 0 or m == 0:
        return [Link((i,), (), 1.0) for i in range(n)] + [Link((), (j,), 1.0) for j in range(m)]
    # The search does thousands of small matrix products (64-row band blocks); a
    # multi-threaded BLAS spends longer waking and spinning its threads than
    # multiplying, and on a busy 2-core machine that made a 5k x 5k search 7x slower.
    with blas_threads(1):
        sides = sides_for(original, translation, options, encoder, usem_covers)
        bounds = search_links(sides, options)
        if options.repair is not None:
            bounds = _repaired(list(original), list(translation), bounds, options.repair, encoder)
        if sides.rescorer is not None and sides.rescorer.w == 1.0:  # e5 alone
            e5_opts = replace(options, score_mid=E5_SCORE_MID, score_slope=E5_SCORE_SLOPE)
            return _scored_links(sides.orig, sides.trans, bounds, e5_opts, sides.rescorer.e5)
        return _scored_links(sides.orig, sides.trans, bounds, options, encoder)


def _repaired(
    original: list[str],
    translation: list[str],
    bounds: Bounds,
    repair: RepairOptions,
    encoder: Encoder,
) -> Bounds:
    """The searched boundaries after the repair steps, checked to cover each sentence once."""
    links = tuple(Link(tuple(range(o0, o1)), tuple(range(t0, t1))) for o0, o1, t0, t1 in bounds)
    repaired = repair_links(Draft(original, translation, links), encoder, repair)
    out: Bounds = []
    for lk in repaired:
        o, t = lk.original, lk.translation
        if o != tuple(range(o[0], o[-1] + 1)) if o else False:
            raise AlignError(f"internal error: a repair made a non-contiguous link {o}")
        if t != tuple(range(t[0], t[-1] + 1)) if t else False:
            raise AlignError(f"internal error: a repair made a non-contiguous link {t}")
        o0 = o[0] if o else (out[-1][1] if out else 0)
        t0 = t[0] if t else (out[-1][3] if out else 0)
        out.append((o0, o0 + len(o), t0, t0 + len(t)))
    check_exactly_once(out, len(original), len(translation))
    return out


def check_exactly_once(bounds: Bounds, n: int, m: int) -> None:
    """Raise unless every sentence of both sides is in exactly one link, in order."""
    for side, total, (lo, hi) in (("original", n, (0, 1)), ("translation", m, (2, 3))):
        seen = [i for b in bounds for i in range(b[lo], b[hi])]
        if seen != list(range(total)):
            raise AlignError(f"internal error: {side} sentences not covered exactly once in order")


@dataclass(frozen=True)
class Sides:
    """What the search reads: first-pass span tables, and the re-scorer in accuracy mode."""

    orig: SideSpans
    trans: SideSpans
    rescorer: Rescorer | None = None
    span_cos: SpanCos | None = None  # cosine of any two spans (long-link pass)


def sides_for(
    original: Sequence[str],
    translation: Sequence[str],
    options: AlignOptions,
    encoder: Encoder,
    usem_covers: bool = True,
) -> Sides:
    """Span tables of both sides (independent of the searched settings: benchmarks reuse them)."""
    from align.embed.e5 import AccurateEncoder

    names = options.name_anchors and options.anchor_weight != 0
    bags = document_anchors(original, translation, names)
    if not isinstance(encoder, AccurateEncoder):
        span_cos = _span_cosine(original, translation, encoder)
        return Sides(*_sides(original, translation, options, encoder, bags), None, span_cos)
    first = _sides(original, translation, options, encoder.usem, bags) if usem_covers else None
    rescorer = Rescorer(encoder.e5, (original, translation), bags, first, options)
    if first is None:
        return Sides(*rescorer.sides, rescorer, _span_cosine(original, translation, encoder.e5))
    span_cos = _span_cosine(original, translation, encoder.usem)
    return Sides(first[0], first[1], rescorer, span_cos)


def _span_cosine(original: Sequence[str], translation: Sequence[str], encoder: Encoder) -> SpanCos:
    """Cosine of original [o0, o1) with translation [t0, t1), spans embedded on demand."""

    def span(texts: Sequence[str], s0: int, s1: int) -> np.ndarray:
        return cast(np.ndarray, window_embeddings(encoder, texts[s0:s1], [s1 - s0])[s1 - s0][0])

    def cos(o0: int, o1: int, t0: int, t1: int) -> float:
        return float(span(original, o0, o1) @ span(translation, t0, t1))

    return cos


def accuracy_mode(options: AlignOptions) -> AlignOptions:
    """The searches' settings in accuracy mode, cross-validated on their own (bench ``--cv
    --accurate``): its pair threshold, and the higher of the two pair-cosine floors."""
    floor = max(options.min_pair_cosine, options.accurate_min_pair_cosine)
    return replace(options, threshold=options.accurate_threshold, min_pair_cosine=floor)


def search_links(sides: Sides, options: AlignOptions) -> Bounds:
    """The searches: first pass, accuracy-mode re-scoring; links as half-open spans."""
    if sides.rescorer is not None:
        options = accuracy_mode(options)
    if sides.rescorer is not None and sides.rescorer.w == 1.0:
        return _extended(sides.rescorer.search(None, _path, options), sides, options)
    bounds, terms = _path(sides.orig, sides.trans, options)
    if sides.rescorer is not None:
        bounds = sides.rescorer.search(bounds, _path, options, terms)
    return _extended(bounds, sides, options)


def _extended(bounds: Bounds, sides: Sides, options: AlignOptions) -> Bounds:
    if sides.span_cos is None or options.max_total <= options.max_link:
        return bounds
    return extend_links(
        bounds, sides.span_cos, options.max_side, options.max_link, options.max_total
    )


def _sides(
    original: Sequence[str],
    translation: Sequence[str],
    options: AlignOptions,
    encoder: Encoder,
    bags: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[SideSpans, SideSpans]:
    """Anchors, span embeddings and hubness of both sides."""
    if bags is None:
        names = options.name_anchors and options.anchor_weight != 0
        bags = document_anchors(original, translation, names)
    orig, trans = (
        SideSpans(encoder, original, options.max_side, bags[0]),
        SideSpans(encoder, translation, options.max_side, bags[1]),
    )
    hubness(orig, trans, options.margin_k, options.hub_sample)
    hubness(trans, orig, options.margin_k, options.hub_sample)
    return orig, trans


def _path(
    orig: SideSpans,
    trans: SideSpans,
    options: AlignOptions,
    band: Band | None = None,
    gain_type: type[LinkGain] = LinkGain,
    terms: BandTerms | None = None,
) -> tuple[Bounds, BandTerms]:
    """Band, gain tables and search; links as ``(o0, o1, t0, t1)`` half-open spans.

    ``band`` (rows = the shorter side) restricts the search, e.g. around a first pass;
    ``gain_type`` is the accuracy mode's gain with e5's term (``align.sentalign.rescore``);
    ``terms`` the document-level gain terms to reuse (returned with the links).
    """
    swapped = orig.n > trans.n
    rows, cols = (trans, orig) if swapped else (orig, trans)
    types = [(b, a) for a, b in link_types(options)] if swapped else link_types(options)
    if band is None and (rows.n + 1) * (cols.n + 1) <= options.full_dp_cells:
        band = Band.full(rows.n, cols.n)
    elif band is None:
        band = _coarse_band(rows, cols, options)
    gain = gain_type(rows, cols, options, band, terms)
    spans = search(rows.n, cols.n, types, gain, gain.unlinked(rows), gain.unlinked(cols), band)
    bounds = [(c0, c1, r0, r1) if swapped else (r0, r1, c0, c1) for r0, r1, c0, c1 in spans]
    return bounds, gain.terms


def _scored_links(
    orig: SideSpans, trans: SideSpans, bounds: Bounds, options: AlignOptions, encoder: Encoder
) -> list[Link]:
    """Links with their ``Link.score`` (see the module docstring), computed once here for
    every link, repaired or not; a span longer than the search's is encoded exactly."""
    best_o = _best_cosines(orig, trans, [o0 for o0, o1, t0, t1 in bounds if t1 == t0])
    best_t = _best_cosines(trans, orig, [t0 for o0, o1, t0, t1 in bounds if o1 == o0])
    links = []
    for o0, o1, t0, t1 in bounds:
        if o1 > o0 and t1 > t0:
            cos = float(_span_vector(orig, o0, o1, encoder) @ _span_vector(trans, t0, t1, encoder))
            score = _pair_score(cos, options)
        else:  # one-sided links hold one sentence
            best = best_o[o0] if o1 > o0 else best_t[t0]
            score = 1.0 - _pair_score(best, options)
        links.append(Link(tuple(range(o0, o1)), tuple(range(t0, t1)), round(score, 4)))
    return links


def _span_vector(side: SideSpans, start: int, end: int, encoder: Encoder) -> np.ndarray:
    size = end - start
    if size in side.emb:
        return cast(np.ndarray, side.emb[size][start])
    return cast(np.ndarray, encoder.encode([" ".join(side.texts[start:end])])[0])


def _best_cosines(side: SideSpans, other: SideSpans, idx: list[int]) -> dict[int, float]:
    """The best cosine each listed sentence reaches on the other side, in one product."""
    if not idx:
        return {}
    best = np.empty(len(idx))
    for start in range(0, len(idx), 2048):
        rows = side.emb[1][idx[start : start + 2048]]
        best[start : start + 2048] = (rows @ other.emb[1].T).max(axis=1)
    return {i: float(b) for i, b in zip(idx, best, strict=True)}


def signature(options: AlignOptions, encoder_name: str) -> Signature:
    """The signature that travels with every alignment."""
    skip = {"encoder", "cache", "repair"}
    settings = [(k, str(v)) for k, v in asdict(options).items() if k not in skip]
    settings.append(("repair", "off" if options.repair is None else "on"))
    if options.repair is not None:  # a changed repair threshold is named; defaults are "on"
        settings += [
            (f"repair.{f.name}", str(getattr(options.repair, f.name)))
            for f in fields(RepairOptions)
            if getattr(options.repair, f.name) != f.default
        ]
    return Signature(version=__version__, encoder=encoder_name, settings=tuple(settings))


def align_documents(
    original: Document,
    translation: Document,
    options: AlignOptions | None = None,
    encoder: Encoder | None = None,
) -> Alignment:
    """Align two segmented documents."""
    options = options or AlignOptions()
    enc = encoder or load_encoder(options.encoder, options.cache)
    usem_covers = all(covers("usem3", d.lang) for d in (original, translation))
    name = enc.name
    if not usem_covers:
        from align.embed.e5 import AccurateEncoder

        if not isinstance(enc, AccurateEncoder):
            if enc.name.startswith("usem3"):
                doc = original if not covers("usem3", original.lang) else translation
                raise LanguageError(
                    f"{language_name(doc.lang)} is not covered by the default encoder (usem3); "
                    "use --accurate (e5-small, ~100 languages)",
                    path=doc.meta.path,
                )
        else:
            name = enc.e5.name  # e5 alone aligns this pair
    links = align_texts(original.texts, translation.texts, options, enc, usem_covers)
    return Alignment(original, translation, tuple(links), signature(options, name))
