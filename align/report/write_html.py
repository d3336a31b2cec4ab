"""The side-by-side HTML report a journalist opens: one self-contained file.

Design decisions:

- **Self-contained and inert.** CSS and JS come from ``templates/`` and are inlined; the
  page makes no request. A Content-Security-Policy meta tag allows only our own script
  (by its SHA-256 hash) and no network at all, so even if escaping ever failed, injected
  markup could neither run script nor load anything.
- **Everything from the article is escaped** with ``html.escape(quote=True)``, in text
  and in attributes. Per-row data the script needs (flag kinds) goes into ``data-``
  attributes holding only our own kind names; no JSON is embedded in the page.
- **Direction.** Each text cell carries ``lang`` and ``dir`` from its document language
  (``dir="rtl"`` for Arabic), and each sentence is an isolated span with its own
  ``dir``, so a merged cell's sentences cannot reorder one another. Mixed-direction
  strings we do not control (file names, flag details quoting Arabic names) use
  ``dir="auto"`` with ``unicode-bidi: plaintext``, so their punctuation and digits sit
  where the first strong character says. Plaintext is *not* used on the Arabic cells:
  it would turn an Arabic sentence that starts with a Latin name or a digit into a
  left-to-right paragraph.
- **One ``<tr>`` per link**, so "row N" means "link N" everywhere; omissions and
  additions are one-sided rows with a hatched empty side.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from align.report._review import decision_line, review_view
from align.report._unmatched import runs_by_sentence
from align.report._view import (
    VERDICT_LABELS,
    Row,
    build_rows,
    document_flags,
    flag_counts,
    kind_key,
    kind_label,
    lang_name,
    link_coverage,
    page_notes,
    percent,
    plural,
    reason_phrase,
    severity_phrase,
    severity_rank,
    weak_phrase,
)
from align.report.html_parts import (
    EMPTY,
    Runs,
    css_token,
    e,
    lang_attrs,
    marked_text,
    page,
    template,
    unmatched_key,
)
from align.report.overview import overview_svg
from align.types import NOT_A_TRANSLATION, Document, Flag, Report, Sentence


def _sentence(s: Sentence, role: str, flags: tuple[Flag, ...] = (), unmatched: Runs = EMPTY) -> str:
    kind = " heading" if s.kind == "heading" else ""
    tip = f"{role} sentence {s.index + 1}, paragraph {s.paragraph + 1}"
    return (
        f'<span class="s{kind}" {lang_attrs(s.lang)} title="{e(tip)}">'
        f"{marked_text(s, role, flags, unmatched)}</span>"
    )


def _cell(
    sentences: tuple[Sentence, ...],
    doc: Document,
    role: str,
    gap: str,
    flags: tuple[Flag, ...] = (),
    unmatched: Runs = EMPTY,
) -> str:
    if not sentences:
        return (
            f'<td class="txt gap" {lang_attrs(doc.lang)}><span class="gap-label" lang="en" '
            f'dir="ltr">{e(gap)}</span></td>'
        )
    inner = " ".join(_sentence(s, role, flags, unmatched) for s in sentences)
    return f'<td class="txt" {lang_attrs(doc.lang)}>{inner}</td>'


def _evidence(evidence: Mapping[str, Any]) -> str:
    parts = []
    for key in sorted(evidence, key=str):
        value = evidence[key]
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        text = str(value)
        if len(text) > 160:
            text = text[:157] + "..."
        parts.append(
            f'<span class="ev-item"><span class="ev-key">{e(key)}</span> '
            f'<span class="ev-val" dir="auto">{e(text)}</span></span>'
        )
    if not parts:
        return ""
    # internal terms (evidence keys, subkinds) stay behind a toggle; the box shows plain words
    return (
        f'<details class="ev-box"><summary>details</summary>'
        f'<div class="ev">{"".join(parts)}</div></details>'
    )


def _flag(flag: Flag) -> str:
    token = css_token(flag.kind)
    evidence = dict(flag.evidence)
    if flag.subkind:
        evidence = {"kind detail": flag.subkind, **evidence}
    return (
        f'<div class="flag k-{token} sev-{css_token(flag.severity)}">'
        f'<span class="badge">{e(kind_label(flag.kind))}</span>'
        f'<span class="sev">{e(flag.severity)}</span>'
        f'<p class="detail" lang="en" dir="ltr">{e(flag.detail)}</p>'
        f"{_evidence(evidence)}</div>"
    )


def _score(score: float, one_sided: bool) -> str:
    if one_sided:  # nothing to match: a bar would read as "matched well" or "badly"
        # a one-sided link's score is 1 - how well the closest sentence of the other side
        # would match it; "link score 0.99" on a gap read as a strong match, and "certainty
        # 0.11" on a dropped sentence of a one-topic article read as "probably rendered"
        title = f"no counterpart linked (most similar sentence there: {1 - score:.3f})"
        return f'<td class="score" title="{title}"><span class="val">—</span></td>'
    width = max(0.0, min(1.0, score)) * 100
    level = "hi" if score >= 0.7 else "mid" if score >= 0.4 else "lo"
    return (
        f'<td class="score" title="link score {score:.3f}"><span class="bar s-{level}">'
        f'<span style="width:{width:.0f}%"></span></span>'
        f'<span class="val">{score:.2f}</span></td>'
    )


def _continued(flag: Flag, first_row: int) -> str:
    return (
        f'<div class="flag cont k-{css_token(flag.kind)}"><span class="badge">'
        f'{e(kind_label(flag.kind))}</span> <span class="muted">continued from row '
        f"{first_row + 1}</span></div>"
    )


def _row(
    row: Row, report: Report, new_paragraph: bool, first_rows: dict[int, int], nm: Runs
) -> str:
    fl, gap_t = row.flags, "not in the translation"
    alignment = report.alignment
    kinds = [css_token(k) for k in row.kinds]
    classes = ["row"] + [f"k-{k}" for k in kinds[:1]]
    if kinds:
        classes.append("flagged")
        worst = max(row.flags, key=lambda f: severity_rank(f.severity))
        classes.append(f"sev-{css_token(worst.severity)}")
    if row.one_sided:
        classes.append(f"one-sided side-{row.one_sided}")
    if new_paragraph:
        classes.append("para-start")
    # A flag spanning several links is described once, on its first row.
    flags = "".join(
        _flag(f)
        if first_rows.setdefault(id(f), row.number) == row.number
        else _continued(f, first_rows[id(f)])
        for f in row.flags
    )
    return (
        f'<tr id="link-{row.number}" class="{" ".join(classes)}" data-kinds="{" ".join(kinds)}">'
        f'<td class="num">{row.number + 1}</td>'
        f"{_cell(row.original, alignment.original, 'original', 'not in the original', fl, nm)}"
        f"{_cell(row.translation, alignment.translation, 'translation', gap_t, fl, nm)}"
        f'{_score(row.link.score, row.one_sided is not None)}<td class="flags">{flags}</td></tr>'
    )


def _fetched(doc: Document) -> str:
    """The evidence of a page fetched from a URL (empty for a local file)."""
    source = doc.meta.source
    if source is None:
        return ""
    final = "" if source.final_url == source.url else f" → {source.final_url}"
    return (
        f'<br><span class="muted source" dir="ltr">fetched <time>{e(source.fetched)}</time>'
        f"{e(final)} · HTTP {source.status} · sha256 <code>{e(source.sha256)}</code></span>"
    )


def _facts(report: Report) -> str:
    alignment = report.alignment
    items = []
    for role, doc in (("Original", alignment.original), ("Translation", alignment.translation)):
        items.append(
            (
                role,
                f'<span class="lang-name">{e(lang_name(doc.lang))}</span> '
                f'<span class="file" dir="auto">{e(doc.meta.path)}</span> '
                f'<span class="muted">· {plural(len(doc.sentences), "sentence")}</span>'
                + "".join(
                    f'<br><span class="muted note" dir="auto">{e(note)}</span>'
                    for note in page_notes(doc)
                )
                + _fetched(doc),
            )
        )
    summary = report.summary
    if summary is not None:
        forced = summary.verdict == NOT_A_TRANSLATION  # links, not rendered text
        items.append(
            (
                "Forced links (not a translation)" if forced else "Coverage",
                f"<b>{percent(summary.coverage_sentences)}</b> of original "
                f"sentences · <b>{percent(summary.coverage_chars)}</b> of "
                f"characters",
            )
        )
        items.append(("Mean match", f"{summary.mean_score:.2f}"))
    else:
        sent_cov, char_cov = link_coverage(report)
        items.append(
            (
                "Coverage",
                f"<b>{percent(sent_cov)}</b> of original sentences · "
                f"<b>{percent(char_cov)}</b> of characters (from links)",
            )
        )
        if weak := weak_phrase(report):
            items.append(("Weak links", e(weak)))
    items.append(("Links", f"{len(alignment.links)} rows"))
    if report.created:
        items.append(("Date", f"<time>{e(report.created)}</time>"))
    return "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in items)


def _header(report: Report) -> str:
    alignment = report.alignment
    summary = report.summary
    if summary is None:
        verdict = '<span class="verdict v-none">Alignment only</span>'
        reason = "No check was run: links only, no flags."
    else:
        label = VERDICT_LABELS.get(summary.verdict, summary.verdict)
        verdict = f'<span class="verdict v-{css_token(summary.verdict)}">{e(label)}</span>'
        # the change count from the flags (as in text and Markdown), then the check's reason
        reason = "; ".join(
            part
            for part in (
                "" if summary.verdict == NOT_A_TRANSLATION else severity_phrase(report),
                reason_phrase(summary),
            )
            if part
        )
    counts = flag_counts(report)
    count_text = " · ".join(f"{kind_label(k)} {n}" for k, n in counts.items()) or (
        "no flags: not compared sentence by sentence"  # "no flags" alone read as clean
        if summary is not None and summary.verdict == NOT_A_TRANSLATION
        else "no flags"
    )
    doc_flags = document_flags(report)
    whole = ""
    if doc_flags:
        whole = (
            '<section class="whole"><h2>Whole-document findings</h2>'
            + "".join(_flag(f) for f in doc_flags)
            + "</section>"
        )
    title = (
        f"{lang_name(alignment.original.lang)} original → "
        f"{lang_name(alignment.translation.lang)} translation"
    )
    return (
        f'<header class="summary"><div class="title-row"><h1>{e(title)}</h1>{verdict}</div>'
        f'<p class="reason" dir="auto">{e(reason)}</p>'
        f'<p class="counts">{e(count_text)}</p>'
        f'<dl class="facts">{_facts(report)}</dl>'
        f'<details class="sig"><summary>Settings</summary>'
        f'<code dir="ltr">{e(alignment.signature)}</code></details>'
        f"{whole}</header>"
    )


def _toolbar(report: Report, rows: list[Row]) -> str:
    per_kind: dict[str, int] = {}  # flags per kind (as in the header), not rows
    for flag in report.flags:
        per_kind[flag.kind] = per_kind.get(flag.kind, 0) + 1
    shown = {k for row in rows for k in row.kinds}
    unflagged = sum(1 for r in rows if not r.kinds)
    chips = []
    for kind, n in sorted(per_kind.items(), key=lambda kv: kind_key(kv[0])):
        if kind not in shown:  # document-level only: nothing to filter
            continue
        token = css_token(kind)
        chips.append(
            f'<label class="chip k-{token}" title="show rows flagged {e(kind)}">'
            f'<input type="checkbox" data-kind="{token}" checked><span class="sw"></span>'
            f"{e(kind_label(kind))} <b>{n}</b></label>"
        )
    chips.append(
        f'<label class="chip k-none" title="show rows without flags">'
        f'<input type="checkbox" data-kind="none" checked><span class="sw"></span>'
        f"Unflagged rows <b>{unflagged}</b></label>"
    )
    flagged = sum(1 for r in rows if r.kinds)
    key = f" · {unmatched_key('nm-toggle')}"  # check --unmatched's underlines, a switch
    return (
        '<nav class="toolbar" id="toolbar" aria-label="Filters">'
        '<div class="filters" role="group" aria-label="Show rows with">'
        f'<span class="lbl">Show</span>{"".join(chips)}</div>'
        f'<div class="keys"><span id="pos">{flagged} flagged rows</span> · '
        "<kbd>n</kbd>/<kbd>p</kbd> or <kbd>j</kbd>/<kbd>k</kbd> next/previous flag"
        f"{key if report.unmatched else ''}</div></nav>"
    )


def _review_section(report: Report) -> str:
    """The list of a person's decisions (empty when the report was not reviewed)."""
    if report.review is None or not report.review.decisions:
        return ""
    items = "".join(f'<li dir="auto">{e(decision_line(d))}</li>' for d in report.review.decisions)
    changed = " Links as corrected by the reviewer." if report.review.links is not None else ""
    return (
        f'<section class="whole review"><h2>Review</h2><p class="muted">'
        f"{len(report.review.decisions)} decision(s); the machine's findings are kept in the "
        f"JSON.{changed}</p><ul>{items}</ul></section>"
    )


def render_html(report: Report) -> str:
    """The complete HTML page for ``report`` (as reviewed, when it carries a review)."""
    review = _review_section(report)
    report = review_view(report)
    alignment = report.alignment
    rows = build_rows(report)
    runs = runs_by_sentence(report)
    body_rows = []
    last_paragraph: int | None = None
    first_rows: dict[int, int] = {}
    for row in rows:
        first = row.original[0].paragraph if row.original else None
        new_paragraph = first is not None and last_paragraph is not None and first != last_paragraph
        body_rows.append(_row(row, report, new_paragraph, first_rows, runs))
        if row.original:
            last_paragraph = row.original[-1].paragraph
    orig, trans = alignment.original, alignment.translation
    table = (
        '<main><table class="align"><colgroup><col class="c-num"><col class="c-txt">'
        '<col class="c-txt"><col class="c-score"><col class="c-flags"></colgroup>'
        f'<thead><tr><th class="num">#</th><th>Original · {e(lang_name(orig.lang))}</th>'
        f"<th>Translation · {e(lang_name(trans.lang))}</th><th>Match</th><th>Flags</th></tr>"
        f"</thead><tbody>{''.join(body_rows)}</tbody></table></main>"
    )
    footer = (
        "<footer>Generated by provalign. Scores are similarities in [0, 1] from the "
        "sentence encoder; flags are leads for an editor to verify, not findings.</footer>"
    )
    title = f"provalign: {orig.meta.path} → {trans.meta.path}"
    strip = f'<div class="overview-wrap">{overview_svg(report, rows)}</div>'
    return page(
        title,
        _header(report) + strip + review + _toolbar(report, rows) + table + footer,
        template("report.js"),
    )
