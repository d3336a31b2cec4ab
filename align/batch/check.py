"""One check of a batch, from bytes to rendered reports: what runs on a worker.

Kept apart from ``align.batch.run`` (which reads inputs and writes outputs on the client) so a Dask
worker imports only this and the stages it calls.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from align.errors import AlignError
from align.pipeline import PairSpec
from align.types import SEVERITIES


@dataclass(frozen=True, slots=True)
class Payload:
    """Everything a check needs, shipped to a worker (no file access needed there)."""

    item: PairSpec
    original: bytes
    translation: bytes
    formats: tuple[str, ...]
    encoder: str
    created: str
    unmatched: bool = False  # check --unmatched


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a check returns: the summary fields and the rendered reports, or an error."""

    item_id: str
    texts: Mapping[str, str] = field(default_factory=dict)
    verdict: str | None = None
    coverage: float | None = None
    counts: Mapping[str, int] = field(default_factory=dict)
    orig_lang: str | None = None
    trans_lang: str | None = None
    error: str | None = None
    severities: Mapping[str, int] = field(default_factory=dict)  # major / minor / info


def check_payload(payload: Payload) -> Outcome:
    """Load, align, check and render one pair from its bytes; any failure is the error.

    Runs in this process or on a Dask worker; the model weights behind ``load_encoder`` are
    loaded once per process, so a worker loads them once.
    """
    from align.embed.encoder import load_encoder
    from align.pipeline import check_documents
    from align.read.document import LoadOptions, pair_documents, segment_article
    from align.read.reader import ReadOptions, article_from_bytes, looks_like_html_name
    from align.report import render

    item = payload.item
    try:
        docs = []
        for name, data, lang in (
            (str(item.original), payload.original, item.orig_lang),
            (str(item.translation), payload.translation, item.trans_lang),
        ):
            html = looks_like_html_name(Path(name))
            article = article_from_bytes(data, name, ReadOptions(), is_html=html)
            docs.append(segment_article(article, LoadOptions(lang=lang)))
        original, translation = pair_documents(
            docs[0], docs[1], str(item.original), str(item.translation)
        )
        encoder = load_encoder(payload.encoder)
        report = check_documents(original, translation, encoder, unmatched=payload.unmatched)
        report = dataclasses.replace(report, created=payload.created)
        texts = {fmt: render(report, fmt) for fmt in payload.formats}
    except AlignError as exc:
        return Outcome(item.pair_id, error=str(exc))
    except Exception as exc:  # a bug on one item must not stop the batch
        return Outcome(item.pair_id, error=f"internal error ({type(exc).__name__}: {exc})")
    s = report.summary
    return Outcome(
        item.pair_id,
        texts=texts,
        verdict=s.verdict if s else None,
        coverage=s.coverage_sentences if s else None,
        counts=dict(s.counts) if s else {},
        orig_lang=original.lang,
        trans_lang=translation.lang,
        severities={v: sum(f.severity == v for f in report.flags) for v in SEVERITIES},
    )
