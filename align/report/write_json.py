"""The canonical JSON report: lossless, stable, round-trippable.

Every other format renders from the ``Report`` this file describes, and ``report`` can
re-render any format from it later. Decisions:

- ``schema_version`` is the first key; readers refuse versions they do not know rather
  than guess (``read_json``). Version 2 added ``spans`` to every flag (the words a flag
  is about, see ``align.types.Span``); version 1 files still read (no spans). A report
  of ``check --unmatched`` also has ``unmatched``: spans of the same shape (words
  without a counterpart, ``align.check.unmatched``), absent otherwise.
- Keys are written in a fixed order (not sorted) so the file reads top-down like the
  report: signature, documents, links, flags, summary. Signature settings keep their
  order because ``str(Signature)`` depends on it; flag evidence is key-sorted because
  it has no natural order. Reading a file back and writing it again therefore yields
  byte-identical text (tested).
- ``ensure_ascii=False`` keeps Arabic and Russian readable; ``indent=1`` keeps diffs
  small; NaN/Infinity are refused because they are not JSON.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from align.errors import FormatError
from align.report._view import kind_key
from align.types import (
    Decision,
    Document,
    Flag,
    Link,
    Report,
    Review,
    Signature,
    Source,
    Span,
    Summary,
)

SCHEMA_VERSION = 2
READABLE_VERSIONS = (1, 2)


def _signature(sig: Signature) -> dict[str, Any]:
    return {
        "tool": sig.tool,
        "version": sig.version,
        "encoder": sig.encoder,
        "settings": {str(k): str(v) for k, v in sig.settings},
        "text": str(sig),
    }


def _source(source: Source) -> dict[str, Any]:
    return {
        "url": source.url,
        "final_url": source.final_url,
        "fetched": source.fetched,
        "status": source.status,
        "sha256": source.sha256,
        "content_type": source.content_type,
    }


def _document(doc: Document) -> dict[str, Any]:
    meta = doc.meta
    out: dict[str, Any] = {
        "path": meta.path,
        "lang": doc.lang,
        "encoding": meta.encoding,
        "source_format": meta.source_format,
        "title": meta.title,
        "byline": meta.byline,
        "published": meta.published,
        "attribution": meta.attribution,
        "sentences": [
            {
                "index": s.index,
                "paragraph": s.paragraph,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "lang": s.lang,
                "kind": s.kind,
            }
            for s in doc.sentences
        ],
    }
    if meta.source is not None:  # only fetched documents carry it (old files unchanged)
        out["source"] = _source(meta.source)
    return out


def _plain(value: Any) -> Any:
    """Evidence values as JSON types: tuples become lists, mappings get sorted keys."""
    if isinstance(value, Mapping):
        return {str(k): _plain(value[k]) for k in sorted(value, key=str)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _span(s: Span) -> dict[str, Any]:
    return {"side": s.side, "sentence": s.sentence, "start": s.start, "end": s.end}


def _flag(flag: Flag) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": flag.kind}
    if flag.subkind is not None:
        out["subkind"] = flag.subkind
    out.update(
        severity=flag.severity,
        original=list(flag.original),
        translation=list(flag.translation),
        evidence=_plain(flag.evidence),
        detail=flag.detail,
        spans=[_span(s) for s in flag.spans],
    )
    return out


def _summary(summary: Summary | None) -> dict[str, Any] | None:
    if summary is None:
        return None
    return {
        "verdict": summary.verdict,
        "coverage_sentences": summary.coverage_sentences,
        "coverage_chars": summary.coverage_chars,
        "counts": {k: int(summary.counts[k]) for k in sorted(summary.counts, key=kind_key)},
        "mean_score": summary.mean_score,
        "reason": summary.reason,
    }


def _link(link: Link) -> dict[str, Any]:
    return {
        "original": list(link.original),
        "translation": list(link.translation),
        "score": link.score,
    }


def _decision(d: Decision) -> dict[str, Any]:
    out: dict[str, Any] = {"action": d.action, "who": d.who, "when": d.when, "note": d.note}
    if d.kind is not None:
        out.update(kind=d.kind, original=list(d.original), translation=list(d.translation))
    if d.before or d.after:
        out.update(before=[_link(x) for x in d.before], after=[_link(x) for x in d.after])
    return out


def _review(review: Review) -> dict[str, Any]:
    """Decisions (who, when, what), then the reviewed links and flags if a link changed."""
    return {
        "decisions": [_decision(d) for d in review.decisions],
        "links": None if review.links is None else [_link(x) for x in review.links],
        "flags": None if review.flags is None else [_flag(f) for f in review.flags],
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON types, keys in canonical order."""
    alignment = report.alignment
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "signature": _signature(alignment.signature),
        "created": report.created,
        "original": _document(alignment.original),
        "translation": _document(alignment.translation),
        "links": [
            {
                "original": list(link.original),
                "translation": list(link.translation),
                "score": link.score,
            }
            for link in alignment.links
        ],
        "flags": [_flag(f) for f in report.flags],
        "summary": _summary(report.summary),
    }
    if report.unmatched:  # check --unmatched: written only when asked for
        out["unmatched"] = [_span(s) for s in report.unmatched]
    if report.review is not None:  # beside the machine's findings, never instead of them
        out["review"] = _review(report.review)
    return out


def render_json(report: Report) -> str:
    """Canonical JSON text of ``report``, ending with a newline.

    Raises:
        FormatError: a score or coverage is NaN or infinite (not representable in JSON).
    """
    try:
        text = json.dumps(report_to_dict(report), ensure_ascii=False, indent=1, allow_nan=False)
    except ValueError as exc:
        raise FormatError(f"report cannot be written as JSON: {exc}") from exc
    return text + "\n"
