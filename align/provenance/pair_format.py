"""``pair`` output: TSV rows or JSON with every candidate's evidence, the same-story candidate
and the English version a translation was edited from (split from ``align.provenance.pairing``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from align.errors import FormatError
from align.provenance.pair_types import NO_ORIGINAL, Candidate, PairResult


def shared_originals(results: Sequence[PairResult]) -> dict[str, list[str]]:
    """Originals that are the best (or an also-) source of more than one translation."""
    by: dict[str, list[str]] = {}
    for r in results:
        if r.verdict == NO_ORIGINAL:
            continue
        for c in r.candidates:
            if c is r.candidates[0] or c.evidence.get("also_source"):
                by.setdefault(c.original_id, []).append(str(r.translation))
    return {k: v for k, v in sorted(by.items()) if len(v) > 1}


def _derived_json(r: PairResult) -> dict[str, Any] | None:
    """The English version a translation was edited from, with the command that shows the
    diff (``provalign derive``); None when there is none."""
    d = r.derived_from
    if d is None:
        return None
    a = str(d.path) if d.path else d.original_id
    return {
        "id": d.original_id,
        "path": str(d.path) if d.path else None,
        "confidence": d.confidence,
        "renders": d.evidence.get("renders"),
        "evidence": dict(d.evidence),
        "derive": f"provalign derive {a} {r.translation} --format html -o derive.html",
    }


def format_pairs(results: Sequence[PairResult], fmt: str, top: int = 1) -> str:
    """TSV (translation, original_id, confidence, verdict of the first row; ``top``
    rows per translation) or JSON (every re-ranked candidate with its evidence, plus
    ``shared_originals``: which translations share an original)."""
    if fmt == "json":
        doc = {
            "results": [
                {
                    "translation": str(r.translation),
                    "verdict": r.verdict,
                    "same_story": r.same_story,
                    "same_language": r.same_language,
                    "derived_from": _derived_json(r),
                    "candidates": [
                        {
                            "original_id": c.original_id,
                            "path": str(c.path) if c.path else None,
                            "score": c.score,
                            "confidence": c.confidence,
                            "evidence": dict(c.evidence),
                        }
                        for c in r.candidates
                    ],
                }
                for r in results
            ],
            "shared_originals": shared_originals(results),
        }
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if fmt != "tsv":
        raise FormatError(f"unknown pair format {fmt!r}; use tsv or json")
    # "confidence" as in the JSON (TSV said "score", which JSON uses for the raw logit);
    # only the first candidate carries the verdict: a runner-up at 0.000 is not "paired"
    # original_id is filled only where an original is named: a no_original row carrying
    # the closest text's id read as a pairing to a script (the runners-up follow as
    # candidates, and the JSON names the same-story text)
    lines = ["translation\toriginal_id\tconfidence\tverdict"]
    for r in results:
        rows: list[Candidate | None] = list(r.candidates[:top]) or [None]
        if r.verdict == NO_ORIGINAL and r.candidates:
            best = r.candidates[0].confidence
            lines.append(f"{r.translation}\t-\t{best:.3f}\t{r.verdict}")
            rows = [None, *r.candidates[: top - 1]]
        for rank, c in enumerate(rows):
            if c is None:
                if not r.candidates:
                    lines.append(f"{r.translation}\t-\t0.000\t{r.verdict}")
                continue
            status = r.verdict
            if rank:
                status = "also_source" if c.evidence.get("also_source") else "candidate"
            lines.append(f"{r.translation}\t{c.original_id}\t{c.confidence:.3f}\t{status}")
    return "\n".join(lines) + "\n"
