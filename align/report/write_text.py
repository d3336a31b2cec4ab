"""Plain text for a terminal: the flags with their sentences quoted, then the summary.

This is ``check``'s default output, so it leads with what an editor acts on (the
flags, most severe kind first in report order) and ends with the verdict line, which
stays visible at the bottom of the terminal.
"""

from __future__ import annotations

import textwrap

from align.report._view import (
    document_flags,
    flag_counts,
    flag_sentences,
    indices_label,
    kind_label,
    lang_name,
    link_coverage,
    percent,
    quote,
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
        f"Original:    {orig.meta.path} ({lang_name(orig.lang)}, {len(orig.sentences)} sentences)",
        f"Translation: {trans.meta.path} ({lang_name(trans.lang)}, "
        f"{len(trans.sentences)} sentences)",
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
        lines.append(
            f"Coverage: {percent(summary.coverage_sentences)} of original sentences, "
            f"{percent(summary.coverage_chars)} of characters; "
            f"mean link score {summary.mean_score:.2f}"
        )
    counts = flag_counts(report)
    if counts:
        lines.append(
            "Flags: " + ", ".join(f"{kind_label(k).lower()} {n}" for k, n in counts.items())
        )
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
            if orig:
                out.append(_wrap(f"{report.alignment.original.lang}: {quote(orig)}", "     "))
            if trans:
                out.append(_wrap(f"{report.alignment.translation.lang}: {quote(trans)}", "     "))
    elif report.summary is not None:
        out.append("No flags: nothing omitted, added or changed was found.")
    if out:
        out.append("")
    out.extend(_summary_lines(report))
    return "\n".join(out) + "\n"
