"""Plain text for a terminal: the flags with their sentences quoted, then the summary.

This is ``check``'s default output, so it leads with what an editor acts on (the
flags, most severe kind first in report order) and ends with the verdict line, which
stays visible at the bottom of the terminal.
"""

from __future__ import annotations

import textwrap

from align.report._view import (
    counts_phrase,
    coverage_phrase,
    document_flags,
    flag_sentences,
    indices_label,
    kind_label,
    link_coverage,
    marked_text,
    percent,
    side_phrase,
)
from align.types import Report

WIDTH = 100


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(
        text,
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _summary_lines(report: Report) -> list[str]:
    alignment = report.alignment
    orig, trans = alignment.original, alignment.translation
    lines = [
        f"Original:    {orig.meta.path} ({side_phrase(orig)})",
        f"Translation: {trans.meta.path} ({side_phrase(trans)})",
    ]
    summary = report.summary
    if summary is None:
        sent_cov, char_cov = link_coverage(report)
        lines.append(
            f"Alignment only (no check run): {len(alignment.links)} links; "
            f"coverage {percent(sent_cov)} of sentences, "
            f"{percent(char_cov)} of characters"
        )
    else:
        verdict = summary.verdict.replace("_", " ").upper()
        lines.append(f"Verdict: {verdict}" + (f" - {summary.reason}" if summary.reason else ""))
        lines.append(f"Coverage: {coverage_phrase(summary)}")
    if counts := counts_phrase(report):
        lines.append(f"Flags: {counts}")
    lines.append(f"Signature: {alignment.signature}")
    if report.created:
        lines.append(f"Created: {report.created}")
    return lines


def render_text(report: Report) -> str:
    """A readable list of flags, then the summary."""
    out: list[str] = []
    if report.flags:
        out.append(f"{len(report.flags)} flag(s):")
        unplaced = {id(f) for f in document_flags(report)}
        for n, flag in enumerate(report.flags, 1):
            where = (
                f"original {indices_label(flag.original)}, "
                f"translation {indices_label(flag.translation)}"
            )
            if id(flag) in unplaced:
                where = "whole document"
            out.append("")
            out.append(
                f"{n:>3}. [{flag.severity}] {kind_label(flag.kind)}"
                f"{f' ({flag.subkind})' if flag.subkind else ''} - {where}"
            )
            if flag.detail:
                out.append(_wrap(flag.detail, "     "))
            orig, trans = flag_sentences(report, flag)
            for lang, sents, side in (
                (report.alignment.original.lang, orig, "original"),
                (report.alignment.translation.lang, trans, "translation"),
            ):
                if sents:
                    shown = " ".join(marked_text(s, [flag], side) for s in sents)
                    out.append(_wrap(f"{lang}: \u201c{shown}\u201d", "     "))
    elif report.summary is not None:
        out.append("No flags: nothing omitted, added or changed was found.")
    if out:
        out.append("")
    out.extend(_summary_lines(report))
    return "\n".join(out) + "\n"
