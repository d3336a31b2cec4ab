"""Plain text for a terminal: verdict and a one-line summary first, then the flags.

This is ``check``'s default output. It leads with the answer (the verdict and how many
major/minor changes), then what an editor acts on (the flags with their sentences quoted,
numbered from 1), and with ``verbose`` the signature and each flag's evidence. Article
text never reaches the terminal raw: control characters are shown as ``\\x1b`` text
(``_view.visible``). ``color`` adds ANSI colours (the CLI decides: a terminal, no NO_COLOR).
"""

from __future__ import annotations

import json
import textwrap

from align.report._review import decision_line, review_view
from align.report._unmatched import UNMATCHED_HEADING, unmatched_by_sentence
from align.report._view import (
    build_rows,
    counts_phrase,
    coverage_phrase,
    document_flags,
    flag_sentences,
    indices_label,
    kind_label,
    link_coverage,
    marked_text,
    page_notes,
    percent,
    reason_phrase,
    severity_phrase,
    side_phrase,
    visible,
    weak_phrase,
)
from align.types import NOT_A_TRANSLATION, Report

WIDTH = 100
_COLORS = {
    "major": "\x1b[1;31m",
    "minor": "\x1b[33m",
    "info": "\x1b[36m",
    "faithful": "\x1b[1;32m",
    "edited": "\x1b[1;33m",
    "heavily_edited": "\x1b[1;31m",
    "not_a_translation": "\x1b[1;31m",
}
_RESET = "\x1b[0m"


# The flagged words inside a quoted sentence, between brackets no news text uses (« » are
# Russian and French quotation marks, [ ] a translator's note: either would read as part
# of the article). Not an ANSI underline: article text is made visible after marking,
# which shows any escape character literally.
_MARKS = ("\u27e6", "\u27e7")


def _paint(text: str, key: str, color: bool) -> str:
    return f"{_COLORS[key]}{text}{_RESET}" if color and key in _COLORS else text


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(
        visible(text),
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _head_lines(report: Report, color: bool) -> list[str]:
    """Verdict and one-line summary, then the two files and the coverage."""
    alignment = report.alignment
    orig, trans = alignment.original, alignment.translation
    summary = report.summary
    lines = []
    if summary is None:
        sent_cov, char_cov = link_coverage(report)
        lines.append(
            f"Alignment only (no check run): {len(alignment.links)} links; "
            f"coverage {percent(sent_cov)} of sentences, "
            f"{percent(char_cov)} of characters"
        )
        if weak := weak_phrase(report):
            lines.append(f"Weak links:  {weak}")
        # a user compared align's links with check's and took the difference for a bug
        lines.append(
            "             (check re-links moved, merged and cut sentences: its links can differ)"
        )
    else:
        verdict = _paint(summary.verdict.replace("_", " ").upper(), summary.verdict, color)
        lines.append(
            f"Verdict: {verdict}: {severity_phrase(report)}"
            + (f" ({visible(reason_phrase(summary))})" if summary.reason else "")
        )
    lines.append(f"Original:    {visible(orig.meta.path)} ({side_phrase(orig)})")
    lines += [f"             {visible(note)}" for note in page_notes(orig)]
    lines.append(f"Translation: {visible(trans.meta.path)} ({side_phrase(trans)})")
    lines += [f"             {visible(note)}" for note in page_notes(trans)]
    if summary is not None:
        lines.append(f"Coverage:    {coverage_phrase(summary)}")
    if counts := counts_phrase(report):
        lines.append(f"Flags:       {counts}")
    return lines


def _no_flags(report: Report) -> str:
    """Why a checked report has no flags, and for a text that is not a translation how to
    compare it anyway (not when no sentence could be linked: the options change nothing)."""
    if report.summary is None or report.summary.verdict != NOT_A_TRANSLATION:
        return "No flags: nothing omitted, added or changed was found."
    if not any(lk.original and lk.translation for lk in report.alignment.links):
        return (
            "No flags: no sentence of the translation could be linked to one of the"
            " original, so there is nothing to compare."
        )
    return (
        "No flags: a text that is not a translation of the original is not compared"
        " sentence by sentence (--not-translation-coverage 0 --not-translation-cosine 0"
        " --story-logit -1000 compares it anyway)."
    )


def _link_lines(report: Report) -> list[str]:
    """``align --format text``: every link, numbered from 1 like the HTML rows, with its
    sentences (numbered from 1) and score; a one-sided link says which side lacks it."""
    out = ["", "Links (sentence numbers from 1; score from 0 to 1):"]
    langs = (report.alignment.original.lang, report.alignment.translation.lang)
    for row in build_rows(report):
        link = row.link
        missing = {"omission": "translation", "addition": "original"}.get(row.one_sided or "")
        score = (  # a one-sided link's score is 1 - the closest other sentence's match
            f"not in the {missing} (nothing linked; most similar sentence there: "
            f"{1 - link.score:.2f})"
            if missing
            else f"score {link.score:.2f}"
        )
        out.append(
            f"{row.number + 1:>3}. original {indices_label(link.original)}, "
            f"translation {indices_label(link.translation)}: {score}"
        )
        for lang, sents in zip(langs, (row.original, row.translation), strict=True):
            if sents:
                shown = " ".join(s.text for s in sents)
                out.append(_wrap(f"{lang}: \u201c{shown}\u201d", "     "))
    return out


def render_text(report: Report, verbose: bool = False, color: bool = False) -> str:
    """The verdict line, the summary, the flags (and a person's review, if any; with
    ``verbose`` the signature and evidence)."""
    decisions = report.review.decisions if report.review else ()
    report = review_view(report)
    out = _head_lines(report, color)
    if report.flags:
        out.append("")
        unplaced = {id(f) for f in document_flags(report)}
        for n, flag in enumerate(report.flags, 1):
            where = (
                f"original {indices_label(flag.original)}, "
                f"translation {indices_label(flag.translation)}"
            )
            if id(flag) in unplaced:
                where = "whole document"
            severity = _paint(f"[{flag.severity}]", flag.severity, color)
            subkind = f" ({visible(flag.subkind)})" if flag.subkind and verbose else ""
            out.append(f"{n:>3}. {severity} {kind_label(flag.kind)}{subkind} - sentences {where}")
            if flag.detail:
                out.append(_wrap(flag.detail, "     "))
            orig, trans = flag_sentences(report, flag)
            for lang, sents, side in (
                (report.alignment.original.lang, orig, "original"),
                (report.alignment.translation.lang, trans, "translation"),
            ):
                if sents:
                    shown = " ".join(marked_text(s, [flag], side, *_MARKS) for s in sents)
                    out.append(_wrap(f"{lang}: \u201c{shown}\u201d", "     "))
            if verbose and flag.evidence:
                evidence = json.dumps(dict(flag.evidence), ensure_ascii=False, sort_keys=True)
                out.append(_wrap(f"evidence: {evidence}", "     "))
    elif report.summary is None:
        out += _link_lines(report)
    else:
        out.append("")
        out.append(_no_flags(report))
    if report.unmatched:
        out += ["", f"{UNMATCHED_HEADING}:"]
        for side, number, runs in unmatched_by_sentence(report):
            shown = ", ".join(f"\u201c{visible(r)}\u201d" for r in runs)
            out.append(_wrap(f"{side} {number}: {shown}", "  "))
    if decisions:
        out += ["", f"Review: {len(decisions)} decision(s)"]
        out += [_wrap(visible(decision_line(d)), "  ") for d in decisions]
    if verbose:
        out.append("")
        out.append(f"Signature: {visible(str(report.alignment.signature))}")
        if report.created:
            out.append(f"Created: {visible(report.created)}")
    return "\n".join(out) + "\n"
