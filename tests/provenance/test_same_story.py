"""pair confirms a candidate on sentence evidence; a same-story article is named, not paired."""

from __future__ import annotations

import json
from pathlib import Path

from align.provenance.evidence import confirm_logit
from align.provenance.pair_format import format_pairs
from align.provenance.pairing import NO_ORIGINAL, PAIRED, Candidate, PairOptions
from align.provenance.verdict import decide


def _cand(oid: str, conf: float, doc_cosine: float, share: float) -> Candidate:
    ev = {
        "covers": [0, 1],
        "translation_sentences": 10,
        "doc_cosine": doc_cosine,
        "sentence_share": share,
    }
    return Candidate(oid, None, conf * 10 - 5, conf, ev)


def test_same_story_named_when_unconfirmed() -> None:
    opts = PairOptions()
    res = decide(Path("t.txt"), [_cand("other-outlet", 0.2, 0.7, 0.1)], opts)
    assert (res.verdict, res.same_story) == (NO_ORIGINAL, "other-outlet")
    res = decide(Path("t.txt"), [_cand("unrelated", 0.01, 0.3, 0.0)], opts)
    assert (res.verdict, res.same_story) == (NO_ORIGINAL, None)
    res = decide(Path("t.txt"), [_cand("source", 0.99, 0.8, 0.9)], opts)
    assert (res.verdict, res.same_story) == (PAIRED, None)
    doc = json.loads(format_pairs([res], "json"))
    assert doc["results"][0]["same_story"] is None and doc["results"][0]["derived_from"] is None


def test_confirmation_needs_shared_sentences() -> None:
    """Same story-level evidence (soft similarity, anchors), different sentence evidence."""
    story = {"in_order": 0.4, "soft": 0.45, "match_cosine": 0.6, "anchor_share": 0.6}
    source = confirm_logit({**story, "in_order": 0.9, "sentence_share": 0.9, "original_share": 0.9})
    same_story = confirm_logit({**story, "sentence_share": 0.1, "original_share": 0.1})
    assert source > 0 > same_story


def test_a_republication_with_background_appended_is_confirmed() -> None:
    """Half the translation is background with no source ("expanded"), but it renders
    nearly all its original: the share of the original rendered confirms it."""
    half = {"soft": 0.6, "match_cosine": 0.8, "anchor_share": 0.5, "in_order": 0.5}
    expanded = confirm_logit({**half, "sentence_share": 0.5, "original_share": 1.0})
    same_story = confirm_logit({**half, "sentence_share": 0.1, "original_share": 0.1})
    assert expanded > 0 > same_story
