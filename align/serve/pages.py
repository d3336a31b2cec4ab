"""The web app's pages as HTML strings: new check, folder summary, review.

Pure functions (no web framework), built from the HTML report's pieces: its stylesheet,
escaping and labels. No page has a script: every change is a plain form POST carrying
the session's CSRF token, so the pages work without JavaScript and their CSP forbids
all scripts and every request to another origin.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from align import __version__
from align.report._review import decision_line
from align.report._unmatched import runs_by_sentence
from align.report._view import (
    VERDICT_LABELS,
    Row,
    build_rows,
    flag_sentences,
    kind_label,
    lang_name,
    percent,
)
from align.report.html_parts import (
    EMPTY,
    Runs,
    css_token,
    e,
    fill,
    lang_attrs,
    marked_text,
    template,
    unmatched_key,
)
from align.report.index_page import count_chips
from align.serve.review import flag_key, flag_status, reviewed_flags, reviewed_links
from align.types import FLAG_KINDS, VERDICTS, Flag, Link, Report, Sentence

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; "
    "base-uri 'none'; form-action 'self'"
)  # the header adds frame-ancestors, which a <meta> policy cannot carry
_CSS = """
.app-nav { display:flex; gap:1.2em; align-items:center; padding:.6em 1.5em;
  background:#24292f; color:#fff; }
.app-nav a { color:#fff; text-decoration:none; font-weight:600; }
.app-nav .who { margin-left:auto; font-size:.85em; }
.panel { background:var(--paper); border:1px solid var(--line); border-radius:8px;
  padding:1em 1.5em; margin:1em 1.5em; }
.sides { display:grid; grid-template-columns:1fr 1fr; gap:1.5em; }
.sides textarea { width:100%; height:9em; font:inherit; }
.sides input[type=url], .sides input[type=text] { width:100%; }
label.f { display:block; margin:.4em 0 .15em; font-weight:600; font-size:.9em; }
button { font:inherit; padding:.25em .8em; border-radius:6px; border:1px solid var(--line);
  background:#f3f4f6; cursor:pointer; }
button.primary { background:var(--accent); color:#fff; border-color:var(--accent); }
.err-box { background:#fdecea; border:1px solid #c62828; color:#8e1c1c; padding:.6em 1em;
  margin:1em 1.5em; border-radius:6px; }
.rv { display:flex; gap:.4em; align-items:center; flex-wrap:wrap; margin-top:.3em; }
.rv input[type=text] { flex:1; min-width:8em; }
.st-confirm, .st-dismiss { font-size:.85em; font-weight:600; }
.st-confirm { color:#1b5e20; } .st-dismiss { color:#8e1c1c; }
.flagrow.dismissed .detail { text-decoration: line-through; color: var(--muted); }
.q { font-size:.9em; color:var(--muted); margin:.2em 0; }
.linkform { display:flex; gap:.3em; flex-wrap:wrap; font-size:.85em; }
.linkform input[type=number] { width:4em; }
col.c-kinds { width:9em; } col.c-fix { width:15em; }
td.kinds { font-size:.85em; font-weight:600; color:var(--muted); }
body:has(#nm-show:not(:checked)) span.nm { text-decoration:none; }
"""


def page(title: str, body: str, who: str = "") -> str:
    """A complete page: the report's stylesheet plus the app's, no script at all."""
    nav = (
        '<nav class="app-nav"><a href="/">provalign</a><a href="/#new">New check</a>'
        '<a href="/#reports">Reports</a>'
        f'<span class="who">Reviewer: {e(who) or "anonymous"}</span></nav>'
    )
    return fill(
        template("page.html"),
        {
            "csp": e(CSP),
            "generator": e(f"provalign {__version__}"),
            "title": e(title),
            "css": template("report.css") + _CSS,
            "body": nav + body,
            "script": "",
        },
    )


def _csrf(token: str) -> str:
    return f'<input type="hidden" name="csrf" value="{e(token)}">'


def error_box(message: str) -> str:
    """A one-line error shown above a page."""
    return f'<div class="err-box" role="alert">{e(message)}</div>'


def _side(role: str) -> str:
    return (
        f"<div><h2>{role.capitalize()}</h2>"
        f'<label class="f" for="{role}_url">Link</label>'
        f'<input type="url" id="{role}_url" name="{role}_url" placeholder="https://...">'
        f'<label class="f" for="{role}_file">or upload a file (text or HTML)</label>'
        f'<input type="file" id="{role}_file" name="{role}_file" accept=".txt,.html,.htm,text/*">'
        f'<label class="f" for="{role}_text">or paste the text</label>'
        f'<textarea id="{role}_text" name="{role}_text"></textarea></div>'
    )


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One report of the opened folder on the summary page."""

    report_id: str
    orig_lang: str
    trans_lang: str
    verdict: str | None
    coverage: float | None
    counts: Mapping[str, int] = field(default_factory=dict)
    decisions: int = 0
    error: str | None = None


SORTS = ("name", "verdict", "coverage", "flags")
PAGE_SIZE = 100  # rows per summary page: a big batch folder still gives a light page


def _pager(page_no: int, total: int, sort: str, verdict: str, kind: str) -> str:
    if total == 1:
        return ""
    links = []
    for label, n in (("← previous", page_no - 1), ("next →", page_no + 1)):
        if 1 <= n <= total:
            href = "/?" + query(sort=sort, verdict=verdict, kind=kind, page=str(n))
            rel = "prev" if n < page_no else "next"
            links.append(f'<a href="{e(href)}" rel="{rel}">{label}</a>')
    return f'<p class="pager">Page {page_no} of {total} · {" · ".join(links)}</p>'


def _sorted(rows: Sequence[SummaryRow], sort: str) -> list[SummaryRow]:
    def key(r: SummaryRow) -> tuple[object, ...]:
        if sort == "verdict":
            rank = VERDICTS.index(r.verdict) if r.verdict in VERDICTS else len(VERDICTS)
            return (-rank, r.report_id)
        if sort == "coverage":
            return (r.coverage if r.coverage is not None else 2.0, r.report_id)
        if sort == "flags":
            return (-sum(r.counts.values()), r.report_id)
        return (r.report_id,)

    return sorted(rows, key=key)


def home_page(
    rows: Sequence[SummaryRow],
    token: str,
    who: str,
    sort: str = "name",
    verdict: str = "",
    kind: str = "",
    folder: str = "",
    has_index: bool = False,
    error: str = "",
    page_no: int = 1,
) -> str:
    """New-check form, then the folder's reports: sorted, filtered by verdict and flag kind."""
    shown = [
        r
        for r in rows
        if (not verdict or r.verdict == verdict) and (not kind or r.counts.get(kind, 0) > 0)
    ]
    form = (
        '<section class="panel" id="new"><h1>Check a translation</h1>'
        '<form method="post" action="/check" enctype="multipart/form-data">'
        f'{_csrf(token)}<div class="sides">{_side("original")}{_side("translation")}</div>'
        '<p><button class="primary" type="submit" id="run-check">Check</button> '
        '<span class="muted">Give each side as a link, a file or pasted text.</span></p>'
        "</form>"
        '<form method="post" action="/who" class="rv">'
        f'{_csrf(token)}<label class="f" for="who">Your name for the review log</label>'
        f'<input type="text" id="who" name="who" value="{e(who)}" maxlength="80">'
        "<button type=submit>Save name</button></form></section>"
    )

    def option(value: str, label: str, current: str) -> str:
        sel = " selected" if value == current else ""
        return f'<option value="{e(value)}"{sel}>{e(label)}</option>'

    filters = (
        '<form method="get" action="/" class="rv">'
        '<label for="sort">Sort</label><select id="sort" name="sort">'
        + "".join(option(s, s, sort) for s in SORTS)
        + '</select><label for="verdict">Verdict</label><select id="verdict" name="verdict">'
        + option("", "any", verdict)
        + "".join(option(v, VERDICT_LABELS.get(v, v), verdict) for v in VERDICTS)
        + '</select><label for="kind">Flag kind</label><select id="kind" name="kind">'
        + option("", "any", kind)
        + "".join(option(k, kind_label(k), kind) for k in FLAG_KINDS)
        + '</select><button type="submit">Apply</button></form>'
    )
    body_rows = []
    pages_total = max(1, -(-len(shown) // PAGE_SIZE))
    page_no = min(max(1, page_no), pages_total)
    first = (page_no - 1) * PAGE_SIZE
    for r in _sorted(shown, sort)[first : first + PAGE_SIZE]:
        link = f'<a href="/review/{e(quote(r.report_id))}">{e(r.report_id)}</a>'
        if r.error:
            body_rows.append(
                f'<tr><td>{link}</td><td colspan="4" class="err">{e(r.error)}</td></tr>'
            )
            continue
        label = VERDICT_LABELS.get(r.verdict or "", r.verdict or "—")
        counts = count_chips(r.counts)
        body_rows.append(
            f'<tr data-id="{e(r.report_id)}"><td>{link}</td>'
            f"<td>{e(lang_name(r.orig_lang))} → {e(lang_name(r.trans_lang))}</td>"
            f'<td><span class="verdict v-{css_token(r.verdict or "none")}">{e(label)}</span></td>'
            f'<td class="n">{percent(r.coverage) if r.coverage is not None else "—"}</td>'
            f'<td>{counts}</td><td class="n">{r.decisions}</td></tr>'
        )
    index = ' · <a href="/files/index.html">batch index page</a>' if has_index else ""
    listing = (
        f'<section class="panel" id="reports"><h2>Reports in {e(folder)}</h2>'
        f'<p class="muted">{len(shown)} of {len(rows)} match{index}</p>{filters}'
        f"{_pager(page_no, pages_total, sort, verdict, kind)}"
        '<table class="index" id="summary"><thead><tr><th>Report</th><th>Languages</th>'
        "<th>Verdict</th><th>Coverage</th><th>Flags</th><th>Decisions</th></tr></thead>"
        f"<tbody>{''.join(body_rows)}</tbody></table></section>"
    )
    return page("provalign", (error_box(error) if error else "") + form + listing, who)


def _flag_form(report_id: str, report: Report, token: str, n: int) -> str:
    flags = reviewed_flags(report)
    flag = flags[n]
    status = flag_status(report).get(flag_key(flag))
    orig, trans = flag_sentences(report, flag)
    alignment = report.alignment
    quotes = "".join(  # the flag's own words marked, as in the full report
        f'<p class="q" {lang_attrs(doc.lang)}>{_marked(sentences, role, (flag,))}</p>'
        for sentences, role, doc in (
            (orig, "original", alignment.original),
            (trans, "translation", alignment.translation),
        )
        if sentences
    )
    state = ""
    if status is not None:
        state = f'<span class="st-{status.action}">{e(decision_line(status))}</span>'
    cls = " dismissed" if status is not None and status.action == "dismiss" else ""
    return (
        f'<li class="flagrow{cls}" id="flag-{n}"><div class="flag k-{css_token(flag.kind)} '
        f'sev-{css_token(flag.severity)}"><span class="badge">{e(kind_label(flag.kind))}</span>'
        f'<span class="sev">{e(flag.severity)}</span>'
        f'<p class="detail" lang="en" dir="ltr">{e(flag.detail)}</p></div>{quotes}'
        f'<form method="post" action="/review/{e(quote(report_id))}/flag" class="rv">'
        f'{_csrf(token)}<input type="hidden" name="flag" value="{n}">'
        f'<input type="text" name="note" placeholder="note (optional)" maxlength="500" '
        f'aria-label="note on flag {n + 1}">'
        '<button type="submit" name="action" value="confirm">Confirm</button>'
        '<button type="submit" name="action" value="dismiss">Dismiss</button>'
        f"{state}</form></li>"
    )


def _marked(
    sentences: Sequence[Sentence], role: str, flags: tuple[Flag, ...], nm: Runs = EMPTY
) -> str:
    """Sentences of one side, escaped, the words of ``flags`` marked and the words
    without a counterpart (``nm``) underlined."""
    return " ".join(marked_text(s, role, flags, nm) for s in sentences)


def _current_runs(report: Report, links: Sequence[Link]) -> Runs:
    """The report's ``unmatched`` runs on the sentences of links a reviewer left as the
    machine made them: a run was computed for its link's pair, and says nothing about a
    pair a correction made."""
    kept = set(report.alignment.links)
    stale = {("original", i) for lk in links if lk not in kept for i in lk.original}
    stale |= {("translation", j) for lk in links if lk not in kept for j in lk.translation}
    return {k: v for k, v in runs_by_sentence(report).items() if k not in stale}


def _link_form(report_id: str, token: str, n: int, n_orig: int, n_trans: int) -> str:
    action = f"/review/{e(quote(report_id))}/link"
    return (
        f'<form method="post" action="{action}" class="linkform">{_csrf(token)}'
        f'<input type="hidden" name="row" value="{n}">'
        '<button name="action" value="join" title="join with the next row">Join ↓</button>'
        '<button name="action" value="unlink" title="make an omission and an addition">'
        "Unlink</button>"
        f'<input type="number" name="at_o" min="0" max="{n_orig}" value="{min(1, n_orig)}" '
        'aria-label="original sentences in first part">'
        f'<input type="number" name="at_t" min="0" max="{n_trans}" value="{min(1, n_trans)}" '
        'aria-label="translation sentences in first part">'
        '<button name="action" value="split" title="split after these many sentences">Split'
        "</button></form>"
    )


def review_page(report_id: str, report: Report, token: str, who: str, error: str = "") -> str:
    """Flags to confirm or dismiss, then the links with join/split/unlink and a relink form."""
    alignment = report.alignment
    links = reviewed_links(report)
    view = Report(
        alignment=dataclasses.replace(alignment, links=links), flags=reviewed_flags(report)
    )
    summary = report.summary
    verdict = ""
    if summary is not None:
        label = VERDICT_LABELS.get(summary.verdict, summary.verdict)
        verdict = f'<span class="verdict v-{css_token(summary.verdict)}">{e(label)}</span>'
    sources = "".join(
        f'<div class="muted">{role}: <span dir="auto">{e(doc.meta.path)}</span>'
        + (
            f" · fetched {e(doc.meta.source.fetched)} from "
            f'<span dir="auto">{e(doc.meta.source.final_url)}</span> · HTTP '
            f"{doc.meta.source.status} · sha256 <code>{e(doc.meta.source.sha256[:16])}…</code>"
            if doc.meta.source
            else ""
        )
        + "</div>"
        for role, doc in (("Original", alignment.original), ("Translation", alignment.translation))
    )
    head = (
        f'<header class="summary"><div class="title-row"><h1>{e(report_id)}</h1>{verdict}</div>'
        f'<p class="reason" dir="auto">{e(summary.reason if summary else "")}</p>{sources}'
        f'<p><a href="/report/{e(quote(report_id))}" id="open-report">Open the full report</a>'
        f' · <a href="/files/{e(quote(report_id))}.json">JSON</a></p></header>'
    )
    flags = reviewed_flags(report)
    flag_items = "".join(_flag_form(report_id, report, token, n) for n in range(len(flags)))
    decisions = report.review.decisions if report.review else ()
    log = "".join(f'<li dir="auto">{e(decision_line(d))}</li>' for d in decisions)
    flag_panel = (
        f'<section class="panel" id="flags"><h2>Flags ({len(flags)})</h2>'
        f'<ol class="flaglist">{flag_items}</ol>'
        f'<h2>Decisions ({len(decisions)})</h2><ul id="decisions">{log}</ul></section>'
    )
    rows = []
    n_orig, n_trans = len(alignment.original.sentences), len(alignment.translation.sentences)

    def n_t(row: Row) -> int:
        return len(row.link.translation)

    nm = _current_runs(report, links)
    for row in build_rows(view):
        o = _marked(row.original, "original", row.flags, nm) or '<span class="muted">—</span>'
        t = _marked(row.translation, "translation", row.flags, nm) or '<span class="muted">—</span>'
        rows.append(
            f'<tr id="link-{row.number}" class="row{" flagged" if row.kinds else ""}">'
            f'<td class="num">{row.number + 1}</td>'
            f'<td class="txt" {lang_attrs(alignment.original.lang)}>{o}</td>'
            f'<td class="txt" {lang_attrs(alignment.translation.lang)}>{t}</td>'
            f'<td class="kinds">{", ".join(kind_label(k) for k in row.kinds)}</td>'
            f'<td class="fix">'
            f"{_link_form(report_id, token, row.number, len(row.link.original), n_t(row))}"
            "</td></tr>"
        )
    relink = (
        f'<form method="post" action="/review/{e(quote(report_id))}/link" class="rv">'
        f'{_csrf(token)}<input type="hidden" name="action" value="relink">'
        '<label for="rl-o">Relink original sentence</label>'
        f'<input type="number" id="rl-o" name="at_o" min="1" max="{n_orig}">'
        '<label for="rl-t">with translation sentence</label>'
        f'<input type="number" id="rl-t" name="at_t" min="1" max="{n_trans}">'
        '<input type="text" name="note" placeholder="note (optional)" maxlength="500">'
        '<button type="submit">Relink</button></form>'
    )
    key = f" {unmatched_key('nm-show')}" if nm else ""  # its switch is CSS only: no script
    table = (
        '<section class="panel" id="links"><h2>Links</h2>'
        '<p class="muted">Sentence numbers count from 1. Split keeps the first N original '
        f"and M translation sentences in the first row.{key}</p>{relink}"
        '<table class="align"><colgroup><col class="c-num"><col class="c-txt">'
        '<col class="c-txt"><col class="c-kinds"><col class="c-fix"></colgroup>'
        '<thead><tr><th class="num">#</th>'
        f"<th>Original · {e(lang_name(alignment.original.lang))}</th>"
        f"<th>Translation · {e(lang_name(alignment.translation.lang))}</th><th>Flags</th>"
        f"<th>Correct</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )
    body = (error_box(error) if error else "") + head + flag_panel + table
    return page(f"Review {report_id}", body, who)


def query(**params: str) -> str:
    """A query string of the non-empty parameters."""
    return urlencode({k: v for k, v in params.items() if v})
