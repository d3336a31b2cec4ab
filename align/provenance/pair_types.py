"""What ``pair`` takes and gives: its options, a candidate original, a result (split from
``align.provenance.pairing`` so the formatter and the chain can share them without a cycle)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.provenance.evidence import CONFIRM_COEF, SENTENCE_COSINE
from align.read.limits import MAX_CHARS
from align.text.languages import DEFAULT_ENCODER

PAIRED, AMBIGUOUS, NO_ORIGINAL = "paired", "ambiguous", "no_original"


@dataclass(frozen=True, slots=True)
class PairOptions:
    """Where the originals are and how many candidates to keep and report."""

    index: Path | None = None
    originals: Path | None = None
    top: int = 1
    retrieve: int = 100
    rerank: int = 20
    threshold: float = 0.5
    ambiguous_gap: float = 1.0  # logit gap under which two rival candidates are ambiguous
    # A joint explanation is the best of up to 15 pairs, so it must clear a higher bar:
    # at 0.5 it turned 13 of 502 removed-original test queries (near-duplicate stories,
    # product-description templates) into false compilations; at 0.9 none.
    compilation_threshold: float = 0.9
    sentence_cosine: float = SENTENCE_COSINE  # a sentence counterpart (with margin >= 1)
    confirm_coef: tuple[float, ...] = CONFIRM_COEF
    # no_original names the best candidate ``same_story`` when its document cosine reaches
    # this: the story is shared, the sentences are not (bench/same_story.py)
    same_story: float = 0.5
    # a partial translation under the confirmation bar is paired all the same when at least
    # ``partial_matches`` of its sentences render the best candidate's at a median cosine of
    # ``partial_cosine``, a ``partial_share`` of that original is rendered, and no rival is
    # within ``ambiguous_gap`` (0 matches: off). A sixth user's edited rewrite, 4 of 10
    # sentences at 0.53-0.85, was no_original at confidence 0.008 where check judged it a
    # translation. Chosen on bench/same_story.py's dev half among 3-4 matches at 0.6-0.7,
    # counting a false pairing three times a missed one: paired 0.744 -> 0.886, removed
    # queries wrongly paired 7 -> 13 of 1,160 (test half and bench/pairing.py: the note)
    partial_matches: int = 3
    partial_cosine: float = 0.65
    partial_share: float = 0.3
    english: int = 5  # English versions derived against per English query
    encoder: str = DEFAULT_ENCODER
    lang: str | None = None
    max_chars: int = MAX_CHARS
    shards: Path | None = None  # retrieve from these shards of ``index`` (align.provenance.shards)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible original of a translation."""

    original_id: str
    path: Path | None
    score: float  # the re-rank logit (unbounded); ``confidence`` is its calibrated form
    confidence: float
    evidence: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PairResult:
    """The ranked candidates and the verdict for one translation."""

    translation: Path
    candidates: tuple[Candidate, ...]
    verdict: str
    same_story: str | None = None  # no_original: a candidate on the story, not the source
    derived_from: Candidate | None = None  # the indexed English version B was edited from
    # no_original: the indexed document in the translation's own language it resembles
    # most, never a candidate (a copy is not a translation); its id, for the user's hint
    same_language: str | None = None
