"""The verdict on a translation's ranked candidates (``Pairer.pair`` ranks them).

``no_original`` when the best confidence is below ``threshold``, naming a ``same_story``
article when one still shares the story (document cosine >= ``same_story``);
``ambiguous`` when a second candidate is nearly as confident (score gap under
``ambiguous_gap``); otherwise ``paired``. A second candidate that covers at least two
translation sentences (and 15 %) the best one does not is reported as an also-source,
with ``covers`` listing the sentences it supports in order. When no single original
passes, two originals whose joint evidence (features recomputed on the union of their
sentences) reaches ``compilation_threshold`` make a compilation.

Pure functions of the candidates and options: no index, no encoder.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from align.provenance.evidence import SentenceMatch, confirm_logit
from align.provenance.pair_types import (
    AMBIGUOUS,
    NO_ORIGINAL,
    PAIRED,
    Candidate,
    PairOptions,
    PairResult,
)


def _rendered_share(a: Mapping[str, Any], b: Mapping[str, Any]) -> float:
    """The share of two originals' sentences the translation renders, both counted."""
    n_a, n_b = int(a["original_sentences"]), int(b["original_sentences"])
    rendered = float(a["original_share"]) * n_a + float(b["original_share"]) * n_b
    return rendered / max(1, n_a + n_b)


def compilation(
    cands: list[Candidate],
    matches: Mapping[str, SentenceMatch],
    anchors_t: frozenset[str],
    m: int,
    options: PairOptions,
) -> tuple[Candidate, ...] | None:
    """Two originals that together explain a translation neither explains alone.

    The re-rank features are recomputed on the union of the two candidates'
    in-order sentences (each must bring at least two sentences and a fifth of
    the translation); if that joint logit passes the threshold, both are sources
    and both get the joint confidence (``evidence.compilation``).
    """
    best: tuple[float, int, int] | None = None
    need = max(2, math.ceil(0.2 * m))
    for a in range(min(3, len(cands))):
        for b in range(min(6, len(cands))):
            if a == b:
                continue
            ca, cb = cands[a], cands[b]
            cov_a = set(ca.evidence["covers"])
            extra = set(cb.evidence["covers"]) - cov_a
            if len(cov_a) < need or len(extra) < need:
                continue
            ia, ib = matches[ca.original_id], matches[cb.original_id]
            cos = [ia.cosines[i] for i in cov_a] + [ib.cosines[i] for i in extra]
            shared = ia.anchors | ib.anchors
            strict = ia.strict | ib.strict
            f = {
                "sentence_share": len(strict) / m,
                "in_order": (len(cov_a) + len(extra)) / m,
                "soft": float(np.maximum(ia.rowmax, ib.rowmax).mean()),
                "match_cosine": float(np.mean(cos)),
                "anchor_share": len(shared) / len(anchors_t) if anchors_t else 0.0,
                "original_share": _rendered_share(ca.evidence, cb.evidence),
            }
            z = confirm_logit(f, options.confirm_coef)
            if best is None or z > best[0]:
                best = (z, a, b)
    if best is None:
        return None
    z, a, b = best
    conf = round(1.0 / (1.0 + math.exp(-z)), 4)
    if conf < options.compilation_threshold:
        return None
    first, second = cands[a], cands[b]
    joint = {"compilation": True, "joint_confidence": conf, "own_confidence": 0.0}
    out = [
        Candidate(
            first.original_id,
            first.path,
            round(z, 4),
            conf,
            {**first.evidence, **joint, "own_confidence": first.confidence},
        ),
        Candidate(
            second.original_id,
            second.path,
            round(z, 4),
            conf,
            {**second.evidence, **joint, "own_confidence": second.confidence, "also_source": True},
        ),
    ]
    out += [c for k, c in enumerate(cands) if k not in (a, b)]
    return tuple(out)


def decide(translation: Path, cands: list[Candidate], options: PairOptions) -> PairResult:
    """The verdict on ranked candidates: ``no_original`` (naming a ``same_story`` article
    when one shares the story), ``ambiguous`` or ``paired``, with also-sources marked."""
    if not cands or (cands[0].confidence < options.threshold and not _partial(cands, options)):
        story = [c for c in cands if float(c.evidence.get("doc_cosine", 0.0)) >= options.same_story]
        same = story[0].original_id if story else None
        return PairResult(translation, tuple(cands), NO_ORIGINAL, same)
    best = cands[0]
    if best.confidence < options.threshold:  # paired as a partial translation (``_partial``)
        best = Candidate(
            best.original_id,
            best.path,
            best.score,
            best.confidence,
            {**best.evidence, "partial": True},
        )
    verdict = PAIRED
    first = set(best.evidence["covers"])
    out = [best]
    for c in cands[1:]:
        extra = set(c.evidence["covers"]) - first
        m = int(c.evidence["translation_sentences"])
        also = len(extra) >= max(2, math.ceil(0.15 * m))
        if also:
            c = Candidate(
                c.original_id, c.path, c.score, c.confidence, {**c.evidence, "also_source": True}
            )
            first |= extra
        elif (
            verdict == PAIRED
            and c is cands[1]
            and c.confidence >= options.threshold
            and best.score - c.score < options.ambiguous_gap
        ):
            verdict = AMBIGUOUS
        out.append(c)
    return PairResult(translation, tuple(out), verdict)


def _partial(cands: list[Candidate], options: PairOptions) -> bool:
    """Whether the best candidate is the source of a partial translation (``PairOptions``'
    ``partial_*`` settings): enough sentences rendered closely, a share of the original,
    and no rival close behind."""
    if options.partial_matches <= 0:
        return False
    ev = cands[0].evidence
    cos = sorted(float(m[2]) for m in ev.get("matched_sentences", []))
    if (
        len(cos) < options.partial_matches
        or float(ev.get("original_share", 0.0)) < options.partial_share
    ):
        return False
    rival = len(cands) > 1 and cands[0].score - cands[1].score < options.ambiguous_gap
    return statistics.median(cos) >= options.partial_cosine and not rival
