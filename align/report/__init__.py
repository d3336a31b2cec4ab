"""Render a ``Report`` in every output format; read the canonical JSON back.

JSON is the one lossless form (``write_json``); HTML, Markdown, TSV, TMX and text are
views of it. Each format is a module named ``write_<fmt>.py`` listed in ``WRITERS`` and
imported only when that format is asked for, so ``import align.report`` stays cheap and
lxml is loaded only for TMX.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from align.errors import FormatError

if TYPE_CHECKING:
    from pathlib import Path

    from align.report.index_page import IndexRow
    from align.types import Report

__all__ = [
    "FAIL_STATUS",
    "WRITERS",
    "IndexRow",
    "exit_status",
    "load_report",
    "render",
    "report_from_dict",
    "report_to_dict",
    "write_index_page",
]

# format name -> (module, function); each function is ``(report: Report) -> str``.
WRITERS: dict[str, tuple[str, str]] = {
    "json": ("align.report.write_json", "render_json"),
    "html": ("align.report.write_html", "render_html"),
    "md": ("align.report.write_markdown", "render_markdown"),
    "tsv": ("align.report.write_tsv", "render_tsv"),
    "tmx": ("align.report.write_tmx", "render_tmx"),
    "text": ("align.report.write_text", "render_text"),
}


def render(report: Report, fmt: str, *, verbose: bool = False, color: bool = False) -> str:
    """Render ``report`` in format ``fmt`` (json, html, md, tsv, tmx or text).

    ``verbose`` (signature and evidence) and ``color`` (ANSI) apply to text only: the other
    formats always carry everything, and only a terminal shows colour.

    Raises:
        FormatError: ``fmt`` is not a known format.
    """
    try:
        module_name, func_name = WRITERS[fmt]
    except KeyError:
        known = ", ".join(WRITERS)
        raise FormatError(f"unknown report format {fmt!r} (known: {known})") from None
    func = getattr(importlib.import_module(module_name), func_name)
    text: str = func(report, verbose=verbose, color=color) if fmt == "text" else func(report)
    return text


FAIL_STATUS = 3  # docs/exit-codes.md: a finding reached the --fail-on severity


def exit_status(report: Report, fail_on: str | None) -> int:
    """``FAIL_STATUS`` when a flag of ``report`` is at least as severe as ``fail_on``
    (``major`` or ``minor``), else 0; always 0 when ``fail_on`` is None.

    The status is the report's verdict for scripts and CI (``check --fail-on``), so it is
    decided here, beside the writers, with the severity order the reports show.
    """
    if fail_on is None:
        return 0
    from align.report._view import severity_rank

    bar = severity_rank(fail_on)
    return FAIL_STATUS if any(severity_rank(f.severity) >= bar for f in report.flags) else 0


def report_to_dict(report: Report) -> dict[str, Any]:
    """The canonical JSON-ready dict of ``report`` (see ``write_json``)."""
    from align.report.write_json import report_to_dict as to_dict

    return to_dict(report)


def report_from_dict(data: Any, path: str = "<json>") -> Report:
    """Validate a decoded JSON report and rebuild the ``Report``.

    Raises:
        FormatError: naming ``path`` and the first problem found.
    """
    from align.report.read_json import report_from_dict as from_dict

    return from_dict(data, path)


def load_report(path: str | Path) -> Report:
    """Read a JSON report written by ``check``/``align --format json``.

    Raises:
        InputError: the file is missing, a folder, unreadable or not UTF-8.
        FormatError: it is not a valid provalign report.
    """
    from align.report.read_json import load_report as load

    return load(path)


def write_index_page(rows: list[IndexRow], out_path: str | Path) -> Path:
    """Write the corpus index page (one row per pair) and return its path."""
    from align.report.index_page import write_index_page as write

    return write(rows, out_path)


def __getattr__(name: str) -> Any:
    # ``from align.report import IndexRow`` without importing the page module eagerly.
    if name == "IndexRow":
        from align.report.index_page import IndexRow

        return IndexRow
    raise AttributeError(name)
