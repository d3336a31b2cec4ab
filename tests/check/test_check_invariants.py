"""`check`'s links come from the aligner with its repairs (``CHECK_OPTIONS``): on every demo
pair they must never lose, duplicate or reorder a sentence, and every link's score must mean
what the README says."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from conftest import check_exactly_once

from align.check.context import FlagOptions
from align.check.flags import check_alignment
from align.embed.encoder import Encoder
from align.pipeline import PairSpec, read_manifest
from align.read.document import LoadOptions, load_pair
from align.sentalign.aligner import align_documents
from align.sentalign.options import CHECK_OPTIONS

DEMO = Path(__file__).resolve().parents[2] / "corpora" / "demo"


def _logistic(cos: float) -> float:
    return 1.0 / (1.0 + math.exp(-CHECK_OPTIONS.score_slope * (cos - CHECK_OPTIONS.score_mid)))


@pytest.mark.parametrize("spec", read_manifest(DEMO), ids=lambda s: s.pair_id)
def test_checked_links_cover_each_sentence_once_and_scores_mean_one_thing(
    spec: PairSpec,
    encoder: Encoder,
) -> None:
    original, translation = load_pair(
        spec.original, spec.translation, LoadOptions(lang=spec.orig_lang), LoadOptions()
    )
    alignment = align_documents(original, translation, CHECK_OPTIONS, encoder=encoder)
    report = check_alignment(alignment, FlagOptions(), encoder=encoder)
    links = report.alignment.links
    check_exactly_once(links, len(original.sentences), len(translation.sentences))
    assert report.summary is not None and report.summary.verdict in ("edited", "heavily_edited")
    assert sum(report.summary.counts.values()) == len(report.flags)
    ot, tt = original.texts, translation.texts
    everything = encoder.encode(ot + tt)
    ov, tv = everything[: len(ot)], everything[len(ot) :]
    for lk in links:
        assert 0.0 <= lk.score <= 1.0
        if len(lk.original) == 1 and len(lk.translation) == 1:
            # a pair link: the logistic of its cosine (repaired links are scored the same way)
            cos = float(ov[lk.original[0]] @ tv[lk.translation[0]])
            assert lk.score == pytest.approx(_logistic(cos), abs=2e-3)
        elif not lk.translation or not lk.original:
            # one-sided: 1 - that value for the sentence's best match anywhere; an unlinked
            # sentence with no similar sentence on the other side is surely unmatched
            side, other = (ov, tv) if lk.translation == () else (tv, ov)
            i = (lk.original or lk.translation)[0]
            best = float((other @ side[i]).max())
            assert lk.score == pytest.approx(1.0 - _logistic(best), abs=2e-3)
