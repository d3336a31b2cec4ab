"""The corpus index page: one row per checked pair, linking to each pair's report.

Like the pair reports it is one self-contained, escaped HTML file; it has no script
at all (its CSP forbids every script), only a sortable-by-eye table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from urllib.parse import quote

from align.errors import InputError
from align.report._view import VERDICT_LABELS, kind_key, kind_label, lang_name, percent
from align.report.write_html import css_token, e, page


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


def _row(row: IndexRow) -> str:
    name = e(row.pair_id)
    if row.report_href:
        name = f'<a href="{_href(row.report_href)}">{name}</a>'
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
        counts = (
            "".join(
                f'<span class="kcount k-{css_token(k)}">{e(kind_label(k))} {int(n)}</span>'
                for k, n in sorted(row.counts.items(), key=lambda kv: kind_key(kv[0]))
                if n
            )
            or '<span class="muted">none</span>'
        )
        figures = f'<td>{verdict}</td><td class="n">{coverage}</td><td>{counts}</td>'
    note = f'<div class="muted">{e(row.note)}</div>' if row.note else ""
    return f"<tr><td>{name}{note}</td><td>{langs}</td><td>{files}</td>{figures}</tr>"


def render_index_page(rows: list[IndexRow], title: str = "provalign reports") -> str:
    """The index page as HTML text."""
    body = (
        f'<header class="summary"><div class="title-row"><h1>{e(title)}</h1></div>'
        f'<p class="counts">{len(rows)} pairs checked. Open a pair for the side-by-side '
        'report.</p></header><main><table class="index"><thead><tr><th>Pair</th>'
        "<th>Languages</th><th>Files</th><th>Verdict</th><th>Coverage</th><th>Flags</th>"
        f"</tr></thead><tbody>{''.join(_row(r) for r in rows)}</tbody></table></main>"
    )
    return page(title, body, None)


def write_index_page(rows: list[IndexRow], out_path: str | Path) -> Path:
    """Write the index page to ``out_path`` (folders are created) and return the path.

    Raises:
        InputError: the file cannot be written.
    """
    from align.report.atomic import write_atomic

    path = Path(out_path)
    try:
        write_atomic(path, render_index_page(rows))
    except OSError as exc:
        raise InputError(f"cannot write index page: {exc.strerror or exc}", path=str(path)) from exc
    return path
