"""Render a ``provalign derive`` result as text, Markdown, JSON or one self-contained HTML page.

The HTML follows ``write_html``: the same page skeleton, stylesheet and Content-Security-Policy
(no script, no request), every piece of article text escaped. Each aligned pair is one table row:
B's sentence with the editor's changes inline (what A had struck through, what B has
underlined), chrF and TER beside it. B's sentences with no source in A are one-sided rows;
human output numbers sentences from 1 (JSON keeps 0-based indices and offsets).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from align.errors import FormatError
from align.provenance.derive import DeriveResult, SentencePair, result_dict
from align.report._view import plural, visible
from align.report.html_parts import e, page
from align.report.write_markdown import cell

_LABEL = {
    "copy_edited": "B is a copy-edit of A",
    "independent_translation": "B is an independent translation of the same original",
    "unrelated": "B is unrelated to A",
}
_STYLE = (
    "<style>del.ed{background:#fde2e1;color:#8a1c13}ins.ed{background:#dff3e0;"
    "color:#1d5c22;text-decoration:underline}td.num{white-space:nowrap;"
    "font-variant-numeric:tabular-nums}</style>"
)


def render_derive(result: DeriveResult, fmt: str) -> str:
    """The result in ``fmt`` (text, md, json, html)."""
    if fmt == "json":
        return json.dumps(result_dict(result), ensure_ascii=False, indent=1) + "\n"
    if fmt == "text":
        return _text(result)
    if fmt == "md":
        return _markdown(result)
    if fmt == "html":
        return _html(result)
    raise FormatError(f"unknown derive format {fmt!r}; use text, json, html or md")


def _summary(r: DeriveResult) -> list[str]:
    f = r.features
    lines = [
        f"Relation: {r.relation} (confidence {r.confidence:.3f}): {_LABEL[r.relation]}",
        f"A: {r.a_path} ({plural(len(r.a_sentences), 'sentence')})",
        f"B: {r.b_path} ({plural(len(r.b_sentences), 'sentence')})",
        f"B sentences with a source in A: {len(r.pairs)} of {len(r.b_sentences)}, "
        f"in A's order: {100 * f.get('ordered', 0.0):.0f}% of B; "
        f"words in order with the source: {100 * f.get('in_order', 0.0):.0f}%",
    ]
    if r.original_path:
        lines.append(
            f"Original: {r.original_path}; re-translated B sentences: {len(r.retranslated)}"
        )
    if r.why:
        top = ", ".join(f"{k} {c:+.2f}" for k, c in r.why[:4])
        lines.append(f"Why (feature contributions; + towards copy_edited): {top}")
    lines.extend(f"Note: {n}" for n in r.notes)
    return lines


def _inline(p: SentencePair, html: bool) -> str:
    """B's sentence with A's removed words and B's new words marked inline."""
    out: list[str] = []
    at = 0
    esc = e if html else str
    for ed in p.edits:
        out.append(esc(p.b_text[at : ed.b_start]))
        if ed.a_text and not ed.b_text and ed.b_start and not p.b_text[ed.b_start - 1].isspace():
            out.append(" ")  # a dropped word between two kept ones keeps its space
        if ed.a_text:
            out.append(f'<del class="ed">{e(ed.a_text)}</del>' if html else f"[-{ed.a_text}-]")
        if ed.b_text:
            out.append(f'<ins class="ed">{e(ed.b_text)}</ins>' if html else f"{{+{ed.b_text}+}}")
        at = ed.b_end
    out.append(esc(p.b_text[at:]))
    return "".join(out)


def _a_ref(p: SentencePair) -> str:
    return "+".join(str(j + 1) for j in p.a_indices)


def _ter(p: SentencePair) -> str:
    """TER to one decimal, or "-" where derive left it out (long, re-worded pairs)."""
    return "-" if p.ter is None else f"{p.ter:.1f}"


_NO_PAIR = {True: "re-translated from the original", False: "no source in A"}
_NO_PAIR_SHORT = {True: "re-translated", False: "no source"}


def _rows(r: DeriveResult) -> Iterator[tuple[int, str, SentencePair | None, bool]]:
    """Each of B's sentences with its aligned pair, or None and whether it renders the
    original instead: every format shows B in order, sentence by sentence."""
    by_b = {p.b_index: p for p in r.pairs}
    for i, s in enumerate(r.b_sentences):
        yield i, s, by_b.get(i), i in r.retranslated


def _text(r: DeriveResult) -> str:
    lines = _summary(r) + [""]
    for i, s, p, retranslated in _rows(r):
        if p is None:
            lines.append(f"B{i + 1} ({_NO_PAIR[retranslated]}): {s}")
        else:
            lines.append(
                f"B{i + 1} <- A{_a_ref(p)} chrF {p.chrf:.1f} TER {_ter(p)}: {_inline(p, False)}"
            )
    lines.append(f"Signature: {r.signature}")
    return "\n".join(visible(line) for line in lines) + "\n"  # article text: never escapes


def _markdown(r: DeriveResult) -> str:
    # the relation as a code span: its name stays greppable ("copy_edited"), where cell()
    # escapes an article's "_" so that it cannot start emphasis
    relation = (
        f"Relation: `{r.relation}` (confidence {r.confidence:.3f}): {cell(_LABEL[r.relation])}"
    )
    out = ["# provalign derive", "", f"- {relation}"]
    out += [f"- {cell(x)}" for x in _summary(r)[1:]] + [""]
    out += ["| B | A | chrF | TER | B with edits |", "|---|---|---|---|---|"]
    for i, s, p, retranslated in _rows(r):
        if p is None:
            out.append(f"| {i + 1} | {_NO_PAIR_SHORT[retranslated]} | | | {cell(s)} |")
        else:
            out.append(
                f"| {i + 1} | {_a_ref(p)} | {p.chrf:.1f} | {_ter(p)} | {cell(_inline(p, False))} |"
            )
    out += ["", f"Signature: `{r.signature}`"]
    return "\n".join(out) + "\n"


def _html(r: DeriveResult) -> str:
    rows: list[str] = []
    for i, s, p, retranslated in _rows(r):
        if p is None:
            why = e(_NO_PAIR[retranslated])
            rows.append(
                f'<tr><td class="num">{i + 1}</td><td class="txt gap">{why}</td>'
                f'<td class="num"></td><td class="num"></td>'
                f'<td class="txt" lang="en" dir="ltr">{e(s)}</td></tr>'
            )
        else:
            rows.append(
                f'<tr><td class="num">{i + 1}</td><td class="num">{e(_a_ref(p))}</td>'
                f'<td class="num">{p.chrf:.1f}</td><td class="num">{_ter(p)}</td>'
                f'<td class="txt" lang="en" dir="ltr">{_inline(p, True)}</td></tr>'
            )
    summary = "".join(f'<li dir="auto">{e(x)}</li>' for x in _summary(r))
    body = (
        f"{_STYLE}<header><h1>provalign derive</h1><ul>{summary}</ul></header>"
        '<table class="align derive"><colgroup><col style="width:4em"><col style="width:7em">'
        '<col style="width:5em"><col style="width:5em"><col></colgroup>'
        "<thead><tr><th>B</th><th>A</th><th>chrF</th><th>TER</th>"
        "<th>B, with what A had struck through and what B added underlined</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<p class="sig">Signature <code dir="ltr">{e(r.signature)}</code></p>'
    )
    return page(f"derive: {r.b_path} from {r.a_path}", body, None)


def derive_link(a: str, b: str) -> dict[str, Any]:
    """The command a pair/check report shows when it finds a chain (A -> B)."""
    return {"command": f"provalign derive {a} {b} --format html -o derive.html"}
