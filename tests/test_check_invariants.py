"""`check` may refine the aligner's links (peeling, relinking, boilerplate); it must never
lose, duplicate or reorder a sentence, on every demo pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.check.context import FlagOptions
from align.check.flags import check_alignment
from align.embed.encoder import load_encoder
from align.pipeline import read_manifest
from align.read.document import LoadOptions, load_pair
from align.sentalign.aligner import align_documents

DEMO = Path(__file__).resolve().parents[1] / "corpora" / "demo"


@pytest.mark.parametrize("spec", read_manifest(DEMO), ids=lambda s: s.pair_id)
def test_checked_links_cover_each_sentence_once_in_order(spec) -> None:  # type: ignore[no-untyped-def]
    encoder = load_encoder()
    original, translation = load_pair(
        spec.original, spec.translation, LoadOptions(lang=spec.orig_lang), LoadOptions()
    )
    report = check_alignment(
        align_documents(original, translation, encoder=encoder), FlagOptions(), encoder=encoder
    )
    links = report.alignment.links
    assert [i for lk in links for i in lk.original] == list(range(len(original.sentences)))
    assert [j for lk in links for j in lk.translation] == list(range(len(translation.sentences)))
    for lk in links:
        for side in (lk.original, lk.translation):
            assert list(side) == list(range(side[0], side[0] + len(side))) if side else True
    assert report.summary is not None and report.summary.verdict in ("edited", "heavily_edited")
    n_flags = sum(report.summary.counts.values())
    assert n_flags == len(report.flags)
