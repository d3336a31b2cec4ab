"""Markdown for tickets and chat: the summary, then one table row per flag.

Cells are escaped for GitHub-flavoured Markdown tables: ``|``, backslashes, brackets,
backticks and emphasis marks (``*``, ``_``, ``~``) are escaped (so ``![](http://...)``
in an article stays text, never a remote image, and an article's ``*`` cannot end the
bold that marks a flag's words), line breaks become spaces, control characters show as
``\\x1b``, and HTML-significant ``<``/``&`` are entity-encoded so a sentence containing
markup cannot inject it into a rendered page.
"""

from __future__ import annotations

import re

from align.report._unmatched import UNMATCHED_HEADING, unmatched_by_sentence
from align.report._view import (
    build_rows,
    counts_phrase,
    coverage_phrase,
    flag_sentences,
    indices_label,
    kind_label,
    link_coverage,
    marked_pieces,
    page_notes,
    percent,
    quote,
    reason_phrase,
    sentence_marks,
    severity_phrase,
    side_phrase,
    visible,
    weak_phrase,
)
from align.types import NOT_A_TRANSLATION, Flag, Report, Sentence

_BREAKS = re.compile(r"\s*[\t\r\n\v\f\u2028\u2029]+\s*")


def cell(text: str) -> str:
    """Text safe inside one Markdown table cell."""
    text = _BREAKS.sub(" ", visible(text)).replace("\\", "\\\\").replace("|", "\\|")
    # ``![](http://...)`` in an article must not become a remote image (or a link)
    text = text.replace("[", "\\[").replace("]", "\\]").replace("`", "\\`")
    # emphasis and strike-through marks of the article's own (``*stars*``, ``snake_case``,
    # ``~2 km``) stay characters, and cannot close the ``**`` that marks a flag's words
    text = text.replace("*", "\\*").replace("_", "\\_").replace("~", "\\~")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _inline(text: str) -> str:
    """Text safe in a Markdown paragraph or list item (same escaping, no table rules)."""
    return cell(text)


def render_markdown(report: Report) -> str:
    """Summary (verdict, coverage, counts) plus a table of flags with quoted sentences.

    A reviewed report shows the reviewed flags and ends with the list of decisions.
    """
    from align.report._review import decision_line, review_view

    text = _markdown(review_view(report))
    if report.review is not None and report.review.decisions:
        items = "".join(f"- {_inline(decision_line(d))}\n" for d in report.review.decisions)
        text += f"\n## Review\n\n{items}"
    return text


def _markdown(report: Report) -> str:
    alignment = report.alignment
    orig, trans = alignment.original, alignment.translation
    checked = report.summary is not None or report.flags
    out = ["# Translation check" if checked else "# Alignment", ""]
    files = [
        f"- **Original:** `{_code(orig.meta.path)}` ({side_phrase(orig)})",
        *(f"  - {_inline(note)}" for note in page_notes(orig)),
        f"- **Translation:** `{_code(trans.meta.path)}` ({side_phrase(trans)})",
        *(f"  - {_inline(note)}" for note in page_notes(trans)),
    ]
    summary = report.summary
    if summary is None:
        sent_cov, char_cov = link_coverage(report)
        out.append("- **Verdict:** alignment only (no check run)")
        out += files
        out.append(
            f"- **Coverage:** {percent(sent_cov)} of original sentences, "
            f"{percent(char_cov)} of characters ({len(alignment.links)} links)"
        )
        if weak := weak_phrase(report):
            out.append(f"- **Weak links:** {weak}")
    else:
        reason = f" ({_inline(reason_phrase(summary))})" if summary.reason else ""
        out.append(
            f"- **Verdict:** {summary.verdict.replace('_', ' ')}: {severity_phrase(report)}{reason}"
        )
        out += files
        out.append(f"- **Coverage:** {coverage_phrase(summary)}")
    if counts := counts_phrase(report):
        out.append(f"- **Flags:** {counts}")
    out.append(f"- **Signature:** `{_code(str(alignment.signature))}`")
    if report.created:
        out.append(f"- **Created:** {_inline(report.created)}")
    out.append("")
    if summary is None and not report.flags:
        return "\n".join(out + _link_table(report)) + "\n"
    out.append("## Flags")
    out.append("")
    if not report.flags:
        out.append(
            "No flags: not a translation, so not compared sentence by sentence."
            if summary is not None and summary.verdict == NOT_A_TRANSLATION
            else "No flags."
        )
        return "\n".join(out) + "\n"
    out.append(
        f"| # | Kind | Severity | Original ({orig.lang}) | Translation ({trans.lang}) | Detail |"
    )
    out.append("|---:|---|---|---|---|---|")
    for n, flag in enumerate(report.flags, 1):
        o, t = flag_sentences(report, flag)
        kind = kind_label(flag.kind) + (f" ({flag.subkind})" if flag.subkind else "")
        out.append(
            f"| {n} | {cell(kind)} | {cell(flag.severity)} | "
            f"{_side(indices_label(flag.original), o, flag, 'original')} | "
            f"{_side(indices_label(flag.translation), t, flag, 'translation')} | "
            f"{cell(flag.detail)} |"
        )
    if report.unmatched:
        out += ["", f"## {UNMATCHED_HEADING}", ""]
        for side, number, runs in unmatched_by_sentence(report):
            shown = ", ".join(f"\u201c{cell(r)}\u201d" for r in runs)
            out.append(f"- {side} {number}: {shown}")
    return "\n".join(out) + "\n"


def _link_table(report: Report) -> list[str]:
    """``align --format md``: every link, numbered from 1 like the HTML rows (no check ran,
    so there are no flags to list), its sentences numbered from 1."""
    orig, trans = report.alignment.original, report.alignment.translation
    out = [
        "## Links",
        "",
        f"| # | Original ({orig.lang}) | Translation ({trans.lang}) | Score |",
        "|---:|---|---|---:|",
    ]
    for row in build_rows(report):
        link = row.link
        sides = [
            f"{cell(indices_label(ix))}: {cell(quote(list(sents)))}" if sents else "-"
            for ix, sents in ((link.original, row.original), (link.translation, row.translation))
        ]
        score = "-" if row.one_sided else f"{link.score:.2f}"
        out.append(f"| {row.number + 1} | {sides[0]} | {sides[1]} | {score} |")
    return out


def _side(label: str, sentences: list[Sentence], flag: Flag, side: str) -> str:
    """The flag's sentences on one side, its words in bold (``**...**``)."""
    if not sentences:
        return "-"
    if not flag.spans:
        return f"{cell(label)}: {cell(quote(sentences))}"
    text = " ".join(
        "".join(
            _bold(cell(p)) if f is not None else cell(p)
            for p, f in marked_pieces(s.text, sentence_marks([flag], side, s.index))
        )
        for s in sentences
    )
    return f"{cell(label)}: \u201c{text}\u201d"


def _bold(text: str) -> str:
    """``**words**`` with the piece's edge spaces kept outside (Markdown needs that)."""
    core = text.strip()
    if not core:
        return text
    k = text.index(core)
    return f"{text[:k]}**{core}**{text[k + len(core) :]}"


def _code(text: str) -> str:
    """Text inside a backtick code span: backticks cannot be escaped, so replace them."""
    return _BREAKS.sub(" ", text).replace("`", "'")
