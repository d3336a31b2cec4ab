"""The corpus index page: one row per checked pair, linking to each pair's report.

Like the pair reports it is one self-contained, escaped HTML file; its only script is a
tiny inline column sorter whose hash the CSP pins (no other script can run), and each
pair links every format written (HTML, JSON, Markdown, TMX).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from urllib.parse import quote

from align.errors import InputError
from align.report._view import VERDICT_LABELS, kind_key, kind_label, lang_name, percent, plural
from align.report.html_parts import css_token, e, page
from align.types import NOT_A_TRANSLATION


@dataclass(frozen=True, slots=True)
class IndexRow:
    """One pair on the index page; ``error`` replaces the figures when the pair failed."""

    pair_id: str
    original: str
    translation: str
    orig_lang: str
    trans_lang: str
    report_href: str | None  # relative link to the pair's HTML report
    coverage: float | None = None
    counts: Mapping[str, int] = field(default_factory=dict)
    verdict: str | None = None
    note: str = ""
    error: str | None = None


def _href(href: str) -> str:
    """A relative link, percent-encoded so a file name cannot break out of the attribute."""
    return e(quote(href, safe="/#.-_~"))


_FORMATS = ("json", "md", "tmx")  # written beside each pair's HTML (align.pipeline.FORMATS)
# Click a column heading to sort (numbers by value); the page's CSP pins this by hash.
_SORT_JS = (
    "document.querySelectorAll('th.sortable').forEach(function(th,i){th.addEventListener("
    "'click',function(){var b=th.closest('table').tBodies[0],d=th.dataset.dir==='a'?-1:1;"
    "th.dataset.dir=d>0?'a':'d';Array.from(b.rows).sort(function(x,y){var p=x.cells[i]"
    ".textContent.trim(),q=y.cells[i].textContent.trim(),m=parseFloat(p),n=parseFloat(q);"
    "return d*(isNaN(m)||isNaN(n)?p.localeCompare(q):m-n)}).forEach(function(r){b.appendChild(r)"
    "})})});"
)


def _row(row: IndexRow) -> str:
    name = e(row.pair_id)
    if row.report_href:
        name = f'<a href="{_href(row.report_href)}">{name}</a>'
        stem = row.report_href.rsplit(".", 1)[0]
        others = " ".join(
            f'<a class="fmt" href="{_href(f"{stem}.{fmt}")}">{fmt}</a>' for fmt in _FORMATS
        )
        name += f'<div class="muted">{others}</div>'
    langs = f"{e(lang_name(row.orig_lang))} → {e(lang_name(row.trans_lang))}"
    files = "".join(
        f'<div class="file" dir="auto" title="{e(p)}">{e(PurePath(p).name or p)}</div>'
        for p in (row.original, row.translation)
    )
    if row.error:
        figures = f'<td colspan="3" class="err">{e(row.error)}</td>'
    else:
        verdict = "—"
        if row.verdict:
            label = VERDICT_LABELS.get(row.verdict, row.verdict)
            verdict = f'<span class="verdict v-{css_token(row.verdict)}">{e(label)}</span>'
        coverage = percent(row.coverage) if row.coverage is not None else "—"
        cell = f'<td class="n">{coverage}</td>'
        if row.verdict == NOT_A_TRANSLATION and row.coverage is not None:
            # the aligner's forced links, not a rendered share of the original (as in a report)
            cell = f'<td class="n" title="forced links (not a translation): {coverage}">—</td>'
        counts = count_chips(row.counts)
        figures = f"<td>{verdict}</td>{cell}<td>{counts}</td>"
    note = f'<div class="muted">{e(row.note)}</div>' if row.note else ""
    return f"<tr><td>{name}{note}</td><td>{langs}</td><td>{files}</td>{figures}</tr>"


def _checked_line(rows: list[IndexRow]) -> str:
    """How many pairs have a report: "3 pairs checked." said so of a run where one
    translation had no original found, and only its row said otherwise."""
    done = sum(1 for r in rows if r.report_href)
    if done == len(rows):
        return f"{plural(done, 'pair')} checked."
    rest = "the other has" if len(rows) - done == 1 else "the others have"
    return f"{done} of {plural(len(rows), 'pair')} checked; {rest} no report (its row says why)."


def render_index_page(rows: list[IndexRow], title: str = "provalign reports") -> str:
    """The index page as HTML text."""
    body = (
        f'<header class="summary"><div class="title-row"><h1>{e(title)}</h1></div>'
        f'<p class="counts">{e(_checked_line(rows))} Open a pair for the side-by-side '
        'report (click a heading to sort).</p></header><main><table class="index"><thead><tr>'
        + "".join(
            f'<th class="sortable">{h}</th>'
            for h in ("Pair", "Languages", "Files", "Verdict", "Coverage", "Flags")
        )
        + f"</tr></thead><tbody>{''.join(_row(r) for r in rows)}</tbody></table></main>"
    )
    return page(title, body, _SORT_JS)


def write_index_page(rows: list[IndexRow], out_path: str | Path) -> Path:
    """Write the index page to ``out_path`` (folders are created) and return the path.

    Raises:
        InputError: the file cannot be written.
    """
    from align.atomic import write_atomic

    path = Path(out_path)
    try:
        write_atomic(path, render_index_page(rows))
    except OSError as exc:
        raise InputError(f"cannot write index page: {exc.strerror or exc}", path=str(path)) from exc
    return path


def count_chips(counts: Mapping[str, int]) -> str:
    """One coloured chip per flag kind found ("Omission 3"), in report order; "none" if none."""
    chips = "".join(
        f'<span class="kcount k-{css_token(k)}">{e(kind_label(k))} {int(n)}</span>'
        for k, n in sorted(counts.items(), key=lambda kv: kind_key(kv[0]))
        if n
    )
    return chips or '<span class="muted">none</span>'
