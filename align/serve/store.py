"""The opened folder: its reports (``<id>.json`` beside ``<id>.html``) and safe file access.

A report id is a plain file stem (letters, digits, ``._-``), never a path. Files are
served only when their resolved path, links followed, is inside the resolved folder,
so neither ``../`` nor a symbolic link pointing elsewhere can reach another file.
Writes are atomic (temporary file, then rename), so a crash mid-write leaves the old
report intact.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from align.atomic import write_atomic
from align.errors import InputError
from align.serve.pages import SummaryRow
from align.types import Report

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}")
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".md": "text/markdown; charset=utf-8",
    ".tsv": "text/tab-separated-values; charset=utf-8",
    ".tmx": "application/xml",
    ".txt": "text/plain; charset=utf-8",
}


def new_report_id() -> str:
    """``check-YYYYMMDD-HHMMSS-xxxx``: sortable by time, unique enough for one folder."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    return f"check-{stamp}-{secrets.token_hex(2)}"


def report_csp() -> str:
    """The HTML report's own policy, sent as a header too: only its script, by hash."""
    import base64
    import hashlib

    from align.report.html_parts import template

    digest = base64.b64encode(hashlib.sha256(template("report.js").encode()).digest()).decode()
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )


class Folder:
    """Reports in one folder: list, load, save, and serve files safely."""

    def __init__(self, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        self.root = root.resolve()
        self._rows: dict[str, tuple[tuple[int, int], SummaryRow]] = {}  # by file, mtime+size

    def _json(self, report_id: str) -> Path:
        if not _ID.fullmatch(report_id) or report_id.endswith(".json"):
            raise InputError("no such report", path=report_id)
        return self.root / f"{report_id}.json"

    def load(self, report_id: str) -> Report:
        from align.report import load_report

        path = self._json(report_id)
        if not path.is_file() or not self.inside(path):
            raise InputError("no such report", path=report_id)
        return load_report(path)

    def save(self, report_id: str, report: Report) -> None:
        """Write ``<id>.json`` and its HTML report (review included), atomically."""
        from align.report import render

        path = self._json(report_id)
        write_atomic(path, render(report, "json"))
        write_atomic(path.with_suffix(".html"), render(report, "html"))

    def inside(self, path: Path) -> bool:
        resolved = path.resolve()
        return resolved == self.root or self.root in resolved.parents

    def resolve(self, relative: str) -> Path:
        """The file at ``relative`` inside the folder, or InputError (never outside it)."""
        from starlette.exceptions import HTTPException

        if "\x00" in relative or relative.startswith("/") or "\\" in relative:
            raise HTTPException(404, "no such file")
        candidate = self.root / relative
        if not self.inside(candidate) or not candidate.is_file():
            raise HTTPException(404, "no such file")
        if candidate.suffix.lower() not in TYPES:
            raise HTTPException(404, "not a report file")
        return candidate.resolve()

    def response(self, path: Path) -> Any:
        from starlette.responses import Response

        headers = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
        if path.suffix.lower() == ".html":  # our reports: only their own script may run
            headers["Content-Security-Policy"] = report_csp()
        return Response(path.read_bytes(), media_type=TYPES[path.suffix.lower()], headers=headers)

    def has_index(self) -> bool:
        return (self.root / "index.html").is_file()

    def summary(self) -> list[SummaryRow]:
        """One row per ``*.json`` report of the folder (unreadable ones show their error)."""
        from align.errors import AlignError
        from align.report import load_report
        from align.serve.review import reviewed_flags

        rows = []
        for path in sorted(self.root.glob("*.json")):
            report_id = path.stem
            if not _ID.fullmatch(report_id) or not self.inside(path):
                continue
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
            cached = self._rows.get(report_id)
            if cached is not None and cached[0] == stamp:  # a big batch is parsed once
                rows.append(cached[1])
                continue
            try:
                report = load_report(path)
            except AlignError as exc:
                rows.append(SummaryRow(report_id, "?", "?", None, None, error=str(exc)))
                continue
            counts: dict[str, int] = {}
            for flag in reviewed_flags(report):
                counts[flag.kind] = counts.get(flag.kind, 0) + 1
            summary = report.summary
            row = SummaryRow(
                report_id,
                report.alignment.original.lang,
                report.alignment.translation.lang,
                summary.verdict if summary else None,
                summary.coverage_sentences if summary else None,
                counts,
                len(report.review.decisions) if report.review else 0,
            )
            self._rows[report_id] = (stamp, row)
            rows.append(row)
        return rows
