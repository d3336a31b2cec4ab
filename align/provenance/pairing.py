"""Provenance: find the original(s) an English article was translated from.

Method, in two stages (figures from ``bench/pairing.py``):

1. **Retrieval** by document vectors: exact dot products of the translation's mean
   sentence embedding against every original's (float32 matrix in memory), the top
   ``retrieve`` rescored with an order-aware slot vector (Thompson & Koehn 2020:
   position-weighted means, see ``align.provenance.index.doc_vectors``), the best ``rerank``
   kept. Brute force is exact and, at 100k originals, well inside 100 ms per query
   on 2 cores, so no ANN library is used.
2. **Re-ranking** by sentence evidence (``align.provenance.evidence``) that survives
   condensation and editing:
   the share of translation sentences with a confident counterpart (ratio-margin
   sentence similarity, margin >= 1, the threshold that separated true pairs best
   in ``backends.md`` 1b) *in order* (longest non-decreasing run of matched
   original positions), the mean best similarity, the document cosine, and the
   share of the translation's numbers and Latin-script tokens found in the
   original. A logistic model on these features gives the calibrated
   confidence; its coefficients (``COEF``) were fitted by ``bench/pairing.py
   --fit`` on the dev half of the benchmark and are committed here. Dates are not
   in the benchmark, so date proximity is a fixed, documented rule: both dates
   known and more than 30 days apart lowers the logit by 2 (an original cannot
   be published long after its translation either: -4 when it is >2 days later).

Confirmation (issue 16): an index of news holds many articles about each event, and the
story-level features above score another outlet's report of the same event nearly as high
as the source. So the confidence is a second logistic model (``CONFIRM_COEF``) that adds
``sentence_share``, the share of the translation's sentences with a counterpart in the
candidate (margin >= 1, cosine >= 0.5, each other's best match, in any order: a digest
quotes its original out of order; listed as ``matched_sentences`` and
``unmatched_sentences``), fitted with same-story hard negatives (``bench/same_story.py``).
A ``no_original`` whose best candidate still shares the story (document cosine >= 0.5) names
it ``same_story``. For an English query, indexed English versions are compared by
``derive`` (``align.provenance.chain``) and a copy-edit source is ``derived_from``.

Verdicts (``align.provenance.verdict``): ``no_original``, ``ambiguous``, ``paired``,
also-sources and compilations of two originals.

Measured (bench/pairing.py, test half, 502 queries with the original present and
502 without): P@1 1.000, MRR 1.000, ``no_original`` F1 ~0.98; the misses are
near-duplicate stories in newstest2019 (two outlets' reports of one event) and
WMT product descriptions written from one template.
"""

from __future__ import annotations

import dataclasses
import math
import sqlite3
from collections.abc import Callable, Sequence
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from align.provenance.docvectors import anchors_of, doc_vectors
from align.provenance.evidence import (
    SentenceMatch,
    confirm_logit,
    logit,
    rerank_features,
)
from align.provenance.index import StoredOriginal, VectorMatrix, fetch_originals, load_vectors
from align.provenance.index_file import connect
from align.provenance.originals import IndexOptions
from align.provenance.pair_format import format_pairs, shared_originals
from align.provenance.pair_types import (
    AMBIGUOUS,
    NO_ORIGINAL,
    PAIRED,
    Candidate,
    PairOptions,
    PairResult,
)
from align.provenance.verdict import compilation, decide

__all__ = [
    "AMBIGUOUS",
    "NO_ORIGINAL",
    "PAIRED",
    "Candidate",
    "PairOptions",
    "PairResult",
    "Pairer",
    "format_pairs",
    "pair_against",
    "pair_translations",
    "shared_originals",
]

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder


def _days(a: str | None, b: str | None) -> int | None:
    try:
        if a and b:
            return (Date.fromisoformat(a[:10]) - Date.fromisoformat(b[:10])).days
    except ValueError:
        return None
    return None


# mean-sentence document cosine above which an indexed document in the translation's own
# language is a copy of it, named in the result (``PairResult.same_language``); another
# outlet's article on the story in that language stays below it, and is not named
SAME_LANGUAGE_COPY = 0.9


class Pairer:
    """An open index with its vectors in memory; answers one translation at a time."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        options: PairOptions,
        encoder: Any = None,
        path: str = "",
        retriever: Any = None,
    ) -> None:
        """``retriever``: a first stage other than the in-memory matrix, called as
        ``retriever(conn, mean, k) -> (rowids, mean cosines, slot vectors)`` (the sharded /
        ANN index of ``align.provenance.shards``); the vectors are then not loaded here."""
        self.conn = conn
        self.options = options
        self.retriever = retriever
        self.vectors: VectorMatrix = (
            load_vectors(conn, path) if retriever is None else VectorMatrix([], None, None)
        )
        self._encoder = encoder

    @property
    def encoder(self) -> Any:
        if self._encoder is None:
            from align.embed.encoder import load_encoder

            self._encoder = load_encoder(self.options.encoder)
        return self._encoder

    def retrieve(
        self, emb: np.ndarray, exclude: Sequence[int] = ()
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rowids, mean cosines and slot cosines of the top ``rerank`` originals.

        ``exclude``: positions in the vector matrix to leave out (benchmarks use it
        to take the true original away without rebuilding the index).
        """
        v = self.vectors
        mean, slots = doc_vectors(emb)
        if self.retriever is not None:
            rowids, top_sims, top_slots = self.retriever(self.conn, mean, self.options.retrieve)
        else:
            if len(v.rowids) == 0:
                e = np.zeros(0)
                return e.astype(np.int64), e, e
            sims = v.means @ mean
            if len(exclude):
                sims[np.asarray(exclude, dtype=np.int64)] = -np.inf
            k = min(self.options.retrieve, len(sims))
            top = np.argpartition(-sims, k - 1)[:k]
            rowids, top_sims, top_slots = v.rowids[top], sims[top], v.slots[top]
        slot_sims = top_slots.astype(np.float32) @ slots
        combined = 0.5 * top_sims + 0.5 * slot_sims
        order = np.argsort(-combined, kind="stable")[: self.options.rerank]
        return rowids[order], top_sims[order], slot_sims[order]

    def pair(
        self,
        translation: Path,
        sentences: Sequence[str],
        emb: np.ndarray | None = None,
        date: str | None = None,
        text: str | None = None,
        exclude: Sequence[int] = (),
        lang: str | None = None,
    ) -> PairResult:
        """Rank the originals of one translation (``emb``: its sentence embeddings).

        ``lang``: the translation's language; originals in that same language are not
        candidates (a copy is not a translation).
        """
        if emb is None:
            emb = self.encoder.encode(list(sentences))
        emb = np.asarray(emb, dtype=np.float32)
        if emb.shape[0] == 0:
            return PairResult(translation, (), NO_ORIGINAL)
        english = self.vectors.english
        originals, cos_mean, cos_slot, own = self._retrieved(emb, exclude, lang)
        anchors_t = anchors_of(text if text is not None else "\n".join(sentences))
        cands, matches = self._candidates(emb, originals, cos_mean, cos_slot, anchors_t, date)
        result = None
        if cands and cands[0].confidence < self.options.threshold:
            joint = compilation(cands, matches, anchors_t, emb.shape[0], self.options)
            if joint is not None:
                result = PairResult(translation, joint, PAIRED)
        result = result or decide(translation, cands, self.options)
        if result.verdict == NO_ORIGINAL and own is not None:
            result = dataclasses.replace(result, same_language=own)
        if english is None or lang not in (None, "en"):
            return result
        return self._with_english_source(result, sentences, emb, exclude)

    def _retrieved(
        self, emb: np.ndarray, exclude: Sequence[int], lang: str | None
    ) -> tuple[list[StoredOriginal], np.ndarray, np.ndarray, str | None]:
        """The top originals by document vectors, with their mean and slot cosines, and
        the id of the best-retrieved original left out for its language when it is a near
        copy (``SAME_LANGUAGE_COPY``: the user may have given an original), else None.

        English versions are never candidate originals (they are compared by
        ``_with_english_source``), nor is an original in the translation's own language.
        """
        english = self.vectors.english
        ex_orig: Sequence[int] = exclude
        if english is not None:
            ex_orig = [*exclude, *np.flatnonzero(english).tolist()]
        rowids, cos_mean, cos_slot = self.retrieve(emb, ex_orig)
        keep = np.isfinite(cos_mean)
        rowids, cos_mean, cos_slot = rowids[keep], cos_mean[keep], cos_slot[keep]
        originals = fetch_originals(self.conn, [int(r) for r in rowids])
        own = None
        if lang is not None:
            same = [k for k, o in enumerate(originals) if o.lang == lang]
            if same:
                if cos_mean[same[0]] >= SAME_LANGUAGE_COPY:
                    own = originals[same[0]].id
                drop = set(same)
                keep_k = [k for k in range(len(originals)) if k not in drop]
                originals = [originals[k] for k in keep_k]
                cos_mean, cos_slot = cos_mean[keep_k], cos_slot[keep_k]
        return originals, cos_mean, cos_slot, own

    def _candidates(
        self,
        emb: np.ndarray,
        originals: list[StoredOriginal],
        cos_mean: np.ndarray,
        cos_slot: np.ndarray,
        anchors_t: frozenset[str],
        date: str | None,
    ) -> tuple[list[Candidate], dict[str, SentenceMatch]]:
        """Each original re-ranked on sentence evidence, best first, with its sentence
        matches (a compilation recombines them).

        The confidence is the confirmation model's logit, lowered when the dates say the
        original cannot be the source: published more than 2 days after the translation
        (-4), or more than 30 days before it (-2).
        """
        feats = rerank_features(emb, originals, anchors_t, self.options.sentence_cosine)
        cands = []
        matches: dict[str, SentenceMatch] = {}
        for k, (orig, rerank) in enumerate(zip(originals, feats, strict=True)):
            f = rerank.evidence
            matches[orig.id] = rerank.match
            f["doc_cosine"] = float(cos_mean[k])
            f["order_cosine"] = float(cos_slot[k])
            f["story_confidence"] = round(1.0 / (1.0 + math.exp(-logit(f))), 4)
            z = confirm_logit(f, self.options.confirm_coef)
            gap = _days(orig.date, date)
            if gap is not None:
                f["date_gap_days"] = gap
                z -= 4.0 if gap > 2 else (2.0 if gap < -30 else 0.0)
            f["retrieval_rank"] = k + 1
            conf = 1.0 / (1.0 + math.exp(-z))
            cands.append(
                Candidate(
                    orig.id, Path(orig.path) if orig.path else None, round(z, 4), round(conf, 4), f
                )
            )
        cands.sort(key=lambda c: -c.score)
        return cands, matches

    def _with_english_source(
        self,
        result: PairResult,
        sentences: Sequence[str],
        emb: np.ndarray,
        exclude: Sequence[int],
    ) -> PairResult:
        """An English query compared with the indexed English versions: a copy-edit source
        is ``derived_from``, and what it renders may be the original (``_via_english``)."""
        from align.provenance.chain import english_source

        english = self.vectors.english
        src = english_source(
            self.conn, self.retrieve, english, sentences, emb, exclude, self.options.english
        )
        if src is None:
            return result
        derived = Candidate(*src)
        result = dataclasses.replace(result, derived_from=derived)
        renders = derived.evidence.get("renders")
        top = result.candidates[0].original_id if result.candidates else None
        if renders and (result.verdict != PAIRED or top != renders):
            # a copy of an English version renders what that version renders
            result = self._via_english(result, derived, str(renders))
        return result

    def _via_english(self, result: PairResult, derived: Candidate, renders: str) -> PairResult:
        """A copy of an English version renders what that version renders: when the
        translation's own sentence evidence falls short (a heavy edit) or points to another
        original (a condensed copy whose kept sentences match a same-story article better),
        the original comes through the chain, with the copy-edit's confidence and
        ``via_english_version``."""
        via = {"via_english_version": derived.original_id}
        rest = [c for c in result.candidates if c.original_id != renders]
        own = [c for c in result.candidates if c.original_id == renders]
        if own:
            c = own[0]
            first = Candidate(
                c.original_id, c.path, c.score, derived.confidence, {**c.evidence, **via}
            )
        else:
            row = self.conn.execute("SELECT path FROM docs WHERE id = ?", (renders,)).fetchone()
            path = Path(row[0]) if row and row[0] else None
            first = Candidate(renders, path, derived.score, derived.confidence, via)
        return PairResult(result.translation, (first, *rest), PAIRED, None, derived)


def _memory_pairer(
    paths: Sequence[Path], options: PairOptions, encoder: Encoder | None = None
) -> Pairer:
    """A throwaway in-memory index of the given original files or folders."""
    from align.embed.encoder import load_encoder
    from align.provenance.index import add_records
    from align.provenance.originals import original_records

    encoder = encoder or load_encoder(options.encoder)  # one for the originals and queries
    conn = connect(":memory:", create=True)
    index_options = IndexOptions(lang=options.lang, max_chars=options.max_chars)
    records = original_records(list(paths), None, index_options)
    add_records(conn, records, options.encoder, encoder=encoder)
    return Pairer(conn, options, encoder=encoder, path=", ".join(map(str, paths)))


def open_pairer(options: PairOptions, encoder: Encoder | None = None) -> Pairer:
    """An index from ``options.index``, or a throwaway in-memory one from ``options.originals``
    (queries encoded with the caller's ``encoder``, else one built from ``options.encoder``)."""
    if options.originals is not None:
        return _memory_pairer([options.originals], options, encoder)
    assert options.index is not None
    conn = connect(options.index, create=False)
    if options.shards is not None:  # retrieval from shards built off this index
        from align.provenance.shards import ShardRetriever

        retriever = ShardRetriever(options.shards)
        return Pairer(conn, options, path=str(options.index), retriever=retriever, encoder=encoder)
    return Pairer(conn, options, path=str(options.index), encoder=encoder)


def pair_translations(
    translations: Sequence[Path | str],
    options: PairOptions,
    progress: Callable[[int], None] = lambda n: None,
    encoder: Encoder | None = None,
) -> list[PairResult]:
    """Pair each translation file with its original(s)."""
    return _pair_all(open_pairer(options, encoder), translations, options, progress)


def pair_against(
    translations: Sequence[Path],
    originals: Sequence[Path],
    options: PairOptions,
    progress: Callable[[int], None] = lambda n: None,
) -> list[PairResult]:
    """Pair each translation against exactly these original files (no index on disk)."""
    return _pair_all(_memory_pairer(originals, options), translations, options, progress)


def _pair_all(
    pairer: Pairer,
    translations: Sequence[Path | str],
    options: PairOptions,
    progress: Callable[[int], None],
) -> list[PairResult]:
    from align.read.document import LoadOptions, load_document
    from align.read.fetch import is_url

    lo = LoadOptions(max_chars=options.max_chars)
    results = []
    try:
        for t in translations:
            doc = load_document(t, lo)
            name: Any = t if is_url(t) else Path(t)  # Path() would mangle a URL's "//"
            results.append(pairer.pair(name, doc.texts, date=doc.meta.published, lang=doc.lang))
            progress(1)
    finally:
        pairer.conn.close()
    return results
