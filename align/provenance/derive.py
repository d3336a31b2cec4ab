"""Is English B edited from English A, an independent translation of one original, or unrelated?

Why lexical and not embeddings: both sides are English, so the question is not "do these
sentences mean the same" (two translations of one original do) but "were these words
*copied*". An editor keeps the translator's word order, function words and punctuation
in long identical runs; a second translator renders the same meaning in other words.
So each sentence of B is aligned to its source in A (one sentence or two adjacent ones,
for merges) by word-set overlap. Whether B is related to A at all is read from how much of
B has a source *in A's order* (``ordered``): another outlet's article on the same event
shares names and topic words but not the sentence sequence. Copy-edit or independent
translation is read from evidence of copying (``align.provenance.derive_features``): how
verbatim the aligned pairs are and how the differences spread over them (an editor leaves
many sentences verbatim and rewrites some; a second translator words every sentence and
orders its words their own way), the distribution of the pairs' chrF, and the choices an
editor leaves alone and a translator makes again: punctuation, quote style, how names and
numbers are written, shared 3-grams and content words; and what the differences are
made of (a translator's are function words, punctuation and other forms of the same word
all over the text; an editor's are content words put in or cut). All from word tokens and
``difflib``: no encoder, a few milliseconds per article.

The decision rule, a threshold on the in-order share and a logistic copy-vs-independent
model on the standardised features (``align.provenance.derive_model``; the JSON lists each
feature's contribution under ``why``), was chosen on the dev split of ``bench/derive.py``
(wmt-2ref documents with two independent translations, generated copy-edits, same-topic,
same-event and random unrelated pairs) and reported on its test split and on a fresh
split. Per aligned pair the chrF (sacrebleu's definition) and sacrebleu's TER and an exact
word-level diff (0-based character offsets into each sentence) are kept for the report.

With an original (``derive_against_original``), B's sentences with no source in A that
do render a sentence of the original (cross-lingual cosine, encoder loaded only then)
are ``retranslated``.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from align import __version__
from align.errors import LanguageError
from align.provenance import derive_features
from align.provenance import derive_model as _model
from align.provenance.derive_diff import WordEdit
from align.provenance.derive_features import Row
from align.read.limits import MAX_CHARS
from align.text.languages import DEFAULT_ENCODER
from align.types import Signature

COPY_EDITED = "copy_edited"
INDEPENDENT = "independent_translation"
UNRELATED = "unrelated"
RELATIONS = (COPY_EDITED, INDEPENDENT, UNRELATED)

# The copy_edited-vs-independent model (``align.provenance.derive_model``, written by
# ``bench/derive.py --fit``): logistic on the standardised features, fitted on the dev
# split; ``copy_contributions`` says how much each feature pushed the decision.
COPY_FEATURES = _model.FEATURES


@dataclass(frozen=True, slots=True)
class DeriveOptions:
    """Thresholds of the relation (chosen on the dev split of ``bench/derive.py``)."""

    match: float = 0.3  # word-set Dice for a B sentence to have a source in A
    # share of B sentences with a source *in A's order* for any relation (the ``ordered``
    # feature: B's sentences in the best monotone chain of sources, a step back in A
    # costing ``order_move`` against the sum of the pairs' similarities above ``match``);
    # both chosen on
    # the dev split of ``bench/derive.py``, same-event articles of other outlets included
    related: float = _model.RELATED
    order_move: float = _model.ORDER_MOVE
    copy_features: tuple[str, ...] = _model.FEATURES
    copy_coef: tuple[float, ...] = _model.COEF  # intercept, then one per feature
    copy_mean: tuple[float, ...] = _model.MEAN
    copy_scale: tuple[float, ...] = _model.SCALE
    retranslated: float = 0.5  # cosine of a B sentence to an original sentence
    # sacrebleu's TER shift search grows steeply on long, re-worded sentences (seconds on
    # one 90-word pair): TER is left out (None) for a pair whose longer side has more than
    # ``ter_max_words`` words *and* whose in-order share is below ``ter_min_in_order``;
    # every TER reported is sacrebleu's exact value.
    ter_max_words: int = 30
    ter_min_in_order: float = 0.6
    encoder: str = DEFAULT_ENCODER
    max_chars: int = MAX_CHARS


@dataclass(frozen=True, slots=True)
class SentencePair:
    """A sentence of B and its source sentence(s) in A, with scores and the diff."""

    b_index: int
    a_indices: tuple[int, ...]
    a_text: str
    b_text: str
    similarity: float  # word-set Dice that aligned them
    in_order: float  # share of B's tokens in identical runs with its source
    chrf: float
    ter: float | None  # None: not computed (long and re-worded, see ``DeriveOptions``)
    edits: tuple[WordEdit, ...]


@dataclass(frozen=True, slots=True)
class DeriveResult:
    """The relation of B to A, its evidence and what produced it."""

    a_path: str
    b_path: str
    relation: str
    confidence: float
    a_sentences: tuple[str, ...]
    b_sentences: tuple[str, ...]
    pairs: tuple[SentencePair, ...]
    unsourced: tuple[int, ...]  # B sentences with no source in A
    retranslated: tuple[int, ...]  # of those, the ones that render the original
    features: dict[str, float]
    signature: Signature
    original_path: str | None = None
    notes: tuple[str, ...] = field(default=())
    # (feature, contribution to the copy logit), largest first; empty when the relation
    # was not decided by the copy model (unrelated, identical texts)
    why: tuple[tuple[str, float], ...] = field(default=())


@functools.cache
def _ter() -> Any:
    """sacrebleu's TER scorer, made on first use (sacrebleu loads only when scores run)."""
    from sacrebleu.metrics.ter import TER

    return TER()


def features_of(
    a: Sequence[str], b: Sequence[str], options: DeriveOptions
) -> tuple[dict[str, float], list[Row]]:
    """Coverage and copy features, and each B sentence's source, diff, in-order share and
    chrF (``align.provenance.derive_features``)."""
    return derive_features.features_of(a, b, options.match, options.order_move)


def copy_terms(feats: dict[str, float], options: DeriveOptions | None = None) -> list[float]:
    """The model's inputs: the features it uses, in ``copy_features`` order."""
    return [float(feats[k]) for k in (options or DeriveOptions()).copy_features]


def copy_contributions(
    feats: dict[str, float], options: DeriveOptions | None = None
) -> list[tuple[str, float]]:
    """Each model feature's share of the copy logit (coefficient times the standardised
    value; positive: towards copy_edited), largest first: why the model decided."""
    o = options or DeriveOptions()
    parts = [
        (name, round(w * (t - m) / sd, 4))
        for name, w, t, m, sd in zip(
            o.copy_features,
            o.copy_coef[1:],
            copy_terms(feats, o),
            o.copy_mean,
            o.copy_scale,
            strict=True,
        )
    ]
    return sorted(parts, key=lambda x: -abs(x[1]))


def copy_logit(feats: dict[str, float], options: DeriveOptions | None = None) -> float:
    """Positive: copy_edited; negative: independent_translation."""
    o = options or DeriveOptions()
    return float(o.copy_coef[0] + sum(c for _, c in copy_contributions(feats, o)))


def classify(feats: dict[str, float], options: DeriveOptions) -> tuple[str, float]:
    """Relation and its confidence (logistic for copy vs independent; distance to the
    threshold on the in-order share of sourced sentences for unrelated)."""
    cov = feats["ordered"]
    if cov < options.related:
        return UNRELATED, _conf(options.related - cov, 0.15)
    z = copy_logit(feats, options)
    p = 1.0 / (1.0 + math.exp(-z))
    rel_conf = _conf(cov - options.related, 0.15)
    if z >= 0:
        return COPY_EDITED, round(min(p, rel_conf), 4)
    return INDEPENDENT, round(min(1.0 - p, rel_conf), 4)


def _conf(distance: float, scale: float) -> float:
    """0.5 at the threshold, 1.0 at ``scale`` beyond it (linear, clipped)."""
    return round(min(1.0, 0.5 + 0.5 * max(0.0, distance) / scale), 4)


def _model_digest(options: DeriveOptions) -> str:
    """A short name for the copy model's numbers (the signature would not hold them all)."""
    nums = (*options.copy_features, *options.copy_coef, *options.copy_mean, *options.copy_scale)
    return hashlib.sha1(",".join(map(repr, nums)).encode()).hexdigest()[:10]


def signature(options: DeriveOptions) -> Signature:
    settings = (
        ("relation", "derive"),
        ("match", str(options.match)),
        ("related", str(options.related)),
        ("order_move", str(options.order_move)),
        ("copy_model", _model_digest(options)),
    )
    return Signature(__version__, "none", settings)


def derive_sentences(
    a: Sequence[str],
    b: Sequence[str],
    options: DeriveOptions = DeriveOptions(),
    a_path: str = "A",
    b_path: str = "B",
    scores: bool = True,
) -> DeriveResult:
    """The relation of B to A from their sentences (``scores``: chrF and TER per pair)."""
    feats, rows = features_of(a, b, options)
    why: tuple[tuple[str, float], ...] = ()
    if list(a) == list(b):
        relation, conf = COPY_EDITED, 1.0
    else:
        relation, conf = classify(feats, options)
        if relation != UNRELATED:
            why = tuple(copy_contributions(feats, options))
    pairs = [_scored_pair(a, b, row, options, scores) for row in rows]
    skipped = sum(1 for p in pairs if p.ter is None) if scores else 0
    notes = (
        (
            f"TER not computed for {skipped} long re-worded pair(s) (over "
            f"{options.ter_max_words} words, in-order share below {options.ter_min_in_order})",
        )
        if skipped
        else ()
    )
    sourced = {r[0] for r in rows}
    unsourced = tuple(i for i in range(len(b)) if i not in sourced)
    return DeriveResult(
        a_path,
        b_path,
        relation,
        conf,
        tuple(a),
        tuple(b),
        tuple(pairs),
        unsourced,
        (),
        feats,
        signature(options),
        notes=notes,
        why=why,
    )


def _scored_pair(
    a: Sequence[str], b: Sequence[str], row: Row, options: DeriveOptions, scores: bool
) -> SentencePair:
    """The pair with its chrF (sacrebleu's sentence chrF, computed once by
    ``derive_features.chrf`` for the model and kept here) and, with ``scores``, sacrebleu's
    TER (exact; an identical pair is 0, which is what sacrebleu gives, without running it;
    left out as ``DeriveOptions`` says)."""
    i, src, sim, edits, copy, cf = row
    a_text = " ".join(a[j] for j in src)
    ts: float | None = 0.0
    if scores and not (a_text == b[i] and a_text.strip()):
        longest = max(len(a_text.split()), len(b[i].split()))
        if longest > options.ter_max_words and copy < options.ter_min_in_order:
            ts = None
        else:
            ts = round(_ter().sentence_score(b[i], [a_text]).score, 2)
    cs = round(100 * cf, 2)
    return SentencePair(i, src, a_text, b[i], round(sim, 4), round(copy, 4), cs, ts, edits)


def derive_files(
    a_path: Path,
    b_path: Path,
    original: Path | None = None,
    options: DeriveOptions = DeriveOptions(),
) -> DeriveResult:
    """Load two English files (and optionally their original) and derive B's relation to A.

    Both sides must be English (language detected): ``derive`` compares one English text
    with another, a non-English side is an input mistake, not an ``unrelated``.
    """
    from align.read.document import LoadOptions, load_document

    lo = LoadOptions(max_chars=options.max_chars)
    docs = []
    for p in (a_path, b_path):
        doc = load_document(p, lo)
        if doc.lang != "en":
            raise LanguageError(
                f"derive compares two English texts; this one is '{doc.lang}'", path=str(p)
            )
        docs.append(doc)
    a, b = docs[0].texts, docs[1].texts
    result = derive_sentences(a, b, options, str(a_path), str(b_path))
    if original is None:
        return result
    orig = load_document(original, lo)
    if orig.lang == "en":
        raise LanguageError("--original must be the non-English original", path=str(original))
    re_tr = retranslated(orig.texts, b, result.unsourced, options)
    sig = dataclasses.replace(result.signature, encoder=options.encoder)
    return dataclasses.replace(
        result, retranslated=re_tr, original_path=str(original), signature=sig
    )


def retranslated(
    original: Sequence[str], b: Sequence[str], unsourced: Sequence[int], options: DeriveOptions
) -> tuple[int, ...]:
    """Which of B's sentences without a source in A render a sentence of the original."""
    if not unsourced or not original:
        return ()
    from align.embed.encoder import load_encoder

    enc = load_encoder(options.encoder)
    eo = np.asarray(enc.encode(list(original)), dtype=np.float32)
    eb = np.asarray(enc.encode([b[i] for i in unsourced]), dtype=np.float32)
    best = (eb @ eo.T).max(axis=1)
    return tuple(
        i for i, s in zip(unsourced, best, strict=True) if float(s) >= options.retranslated
    )


def result_dict(r: DeriveResult) -> dict[str, Any]:
    """The JSON form: relation, confidence, features, signature, per-pair scores and diffs
    (0-based sentence indices and character offsets), unsourced and re-translated sentences."""
    return {
        "a": r.a_path,
        "b": r.b_path,
        "original": r.original_path,
        "relation": r.relation,
        "confidence": r.confidence,
        "features": dict(r.features),
        # how much each feature of the copy model pushed towards copy_edited (positive) or
        # independent_translation (negative), largest first
        "why": [{"feature": k, "contribution": c} for k, c in r.why],
        "signature": str(r.signature),
        "a_sentences": list(r.a_sentences),
        "b_sentences": list(r.b_sentences),
        "pairs": [
            {
                "b": p.b_index,
                "a": list(p.a_indices),
                "similarity": p.similarity,
                "in_order": p.in_order,
                "chrf": p.chrf,
                "ter": p.ter,
                "edits": [dataclasses.asdict(e) for e in p.edits],
            }
            for p in r.pairs
        ],
        "unsourced": list(r.unsourced),
        "retranslated": list(r.retranslated),
        "notes": list(r.notes),
    }
