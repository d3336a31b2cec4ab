"""Is English B edited from English A, an independent translation of one original, or unrelated?

Why lexical and not embeddings: both sides are English, so the question is not "do these
sentences mean the same" (two translations of one original do) but "were these words
*copied*". An editor keeps the translator's word order, function words and punctuation
in long identical runs; a second translator renders the same meaning in other words.
So each sentence of B is aligned to its source in A (one sentence or two adjacent ones,
for merges) by word-set overlap, and the relation is read from how much of B has a
source (``coverage``) and how verbatim the aligned pairs are (``in_order``: the share of
B's tokens in identical runs with its source; ``edit_span``: tokens per edit, small for
word swaps, large for rephrased clauses; ``edits_per_token``) and how the differences
spread over the sentences: an editor leaves most sentences verbatim and rewrites a few
(``verbatim_share``, ``edit_top``: the share of all edits in the most-edited quarter of
sentences), a second translator words every sentence their own way (``io_sd``,
``low_share``) and in their own order (``moved``: B's words that are in the source
sentence but out of place). All come from ``difflib`` on word tokens
(``align.provenance.derive_diff``): no encoder, a few milliseconds per article.

The decision rule, a coverage threshold and a logistic copy-vs-independent model on the
standardised features and their pairwise products (``align.provenance.derive_model``;
the two kinds overlap in any one feature when both translators post-edited one MT output,
and differ in how the features combine), was chosen on the dev split of
``bench/derive.py``
(wmt-2ref documents with two independent translations, generated copy-edits, same-topic
and random unrelated pairs) and reported on the test split. Per aligned pair the
sacrebleu chrF and TER sentence scores and an exact word-level diff (0-based character
offsets into each sentence) are kept for the report; they do not decide the relation.

With an original (``derive_against_original``), B's sentences with no source in A that
do render a sentence of the original (cross-lingual cosine, encoder loaded only then)
are ``retranslated``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from align import __version__
from align.errors import LanguageError
from align.provenance import derive_model as _model
from align.provenance.derive_diff import WordEdit, best_source, spread, tokens, word_diff, words
from align.read.limits import MAX_CHARS
from align.text.languages import DEFAULT_ENCODER
from align.types import Signature

COPY_EDITED = "copy_edited"
INDEPENDENT = "independent_translation"
UNRELATED = "unrelated"
RELATIONS = (COPY_EDITED, INDEPENDENT, UNRELATED)

# The copy_edited-vs-independent model (``align.provenance.derive_model``, written by
# ``bench/derive.py --fit``): logistic on the standardised features and their pairwise
# products, fitted on the dev split.
COPY_FEATURES = _model.FEATURES


@dataclass(frozen=True, slots=True)
class DeriveOptions:
    """Thresholds of the relation (chosen on the dev split of ``bench/derive.py``)."""

    match: float = 0.3  # word-set Dice for a B sentence to have a source in A
    related: float = 0.525  # share of B sentences with a source for any relation
    copy_coef: tuple[float, ...] = _model.COEF  # intercept, linear terms, products
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


def _scorers() -> tuple[Any, Any]:
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

    return CHRF(), TER()


Row = tuple[int, tuple[int, ...], float, tuple[WordEdit, ...], float]


def features_of(
    a: Sequence[str], b: Sequence[str], options: DeriveOptions
) -> tuple[dict[str, float], list[Row]]:
    """Coverage and copy features, and each B sentence's source, diff and in-order share."""
    a_sets = [words(tokens(s)) for s in a]
    rows: list[Row] = []
    sums = dict.fromkeys(("kept", "runs2", "ops", "gap", "tokens", "a_tokens"), 0)
    sums.update(marked=0, marked_kept=0, moved=0)
    per: list[tuple[float, float, float]] = []  # per pair: in-order, longest run, edits
    for i, s in enumerate(b):
        src, sim = best_source(words(tokens(s)), a_sets, options.match)
        if src:
            edits, c = word_diff(" ".join(a[j] for j in src), s)
            rows.append((i, src, sim, edits, c["kept"] / max(1, c["tokens"])))
            for k in sums:
                sums[k] += c[k]
            n = max(1, c["tokens"])
            per.append((c["kept"] / n, c["longest"] / n, c["gap"] / (n + c["a_tokens"])))
    kept, ops, gap, total = sums["kept"], sums["ops"], sums["gap"], sums["tokens"]
    feats = {
        "coverage": round(len(rows) / len(b), 4) if b else 0.0,
        "in_order": round(kept / total, 4) if total else 0.0,
        "edit_span": round(gap / ops, 4) if ops else 0.0,
        "edits_per_token": round(ops / total, 4) if total else 0.0,
        "in_runs": round(sums["runs2"] / total, 4) if total else 0.0,
        "length_ratio": round(total / sums["a_tokens"], 4) if sums["a_tokens"] else 0.0,
        "verbatim_share": round(sum(1 for r in rows if r[4] >= 0.95) / len(rows), 4)
        if rows
        else 0.0,
        **spread(per),
        "marked_kept": round(sums["marked_kept"] / sums["marked"], 4) if sums["marked"] else 0.0,
        # B's words that are in the source sentence but out of place: a translator's own
        # word order (an editor keeps the order and changes words)
        "moved": round(sums["moved"] / total, 4) if total else 0.0,
    }
    return feats, rows


def copy_terms(feats: dict[str, float]) -> list[float]:
    """The model's inputs: the features, then every product of two (squares included), in
    ``itertools.combinations_with_replacement`` order."""
    x = [float(feats[k]) for k in COPY_FEATURES]
    return x + [a * b for a, b in itertools.combinations_with_replacement(x, 2)]


def copy_logit(feats: dict[str, float], options: DeriveOptions | None = None) -> float:
    """Positive: copy_edited; negative: independent_translation."""
    o = options or DeriveOptions()
    terms = copy_terms(feats)
    z = o.copy_coef[0] + sum(
        w * (t - m) / sd
        for w, t, m, sd in zip(o.copy_coef[1:], terms, o.copy_mean, o.copy_scale, strict=True)
    )
    return float(z)


def classify(feats: dict[str, float], options: DeriveOptions) -> tuple[str, float]:
    """Relation and its confidence (logistic for copy vs independent; distance to the
    coverage threshold for unrelated)."""
    cov = feats["coverage"]
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
    nums = (*options.copy_coef, *options.copy_mean, *options.copy_scale)
    return hashlib.sha1(",".join(map(repr, nums)).encode()).hexdigest()[:10]


def signature(options: DeriveOptions) -> Signature:
    settings = (
        ("relation", "derive"),
        ("match", str(options.match)),
        ("related", str(options.related)),
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
    if list(a) == list(b):
        relation, conf = COPY_EDITED, 1.0
    else:
        relation, conf = classify(feats, options)
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
    )


_SCORERS: list[Any] = []


def _scored_pair(
    a: Sequence[str], b: Sequence[str], row: Row, options: DeriveOptions, scores: bool
) -> SentencePair:
    """The pair with sacrebleu's chrF and TER (exact; an identical pair is 100 / 0, which
    is what sacrebleu gives, without running it; TER left out as ``DeriveOptions`` says)."""
    i, src, sim, edits, copy = row
    a_text = " ".join(a[j] for j in src)
    cs: float = 0.0
    ts: float | None = 0.0
    if scores and a_text == b[i] and a_text.strip():
        cs = 100.0
    elif scores:
        if not _SCORERS:
            _SCORERS.extend(_scorers())
        chrf, ter = _SCORERS
        cs = round(chrf.sentence_score(b[i], [a_text]).score, 2)
        longest = max(len(a_text.split()), len(b[i].split()))
        if longest > options.ter_max_words and copy < options.ter_min_in_order:
            ts = None
        else:
            ts = round(ter.sentence_score(b[i], [a_text]).score, 2)
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
