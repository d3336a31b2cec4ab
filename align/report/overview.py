"""The overview strip of the HTML report: the two articles as bars, linked.

One inline SVG (no script, nothing loaded): the original on top and the translation
below, each sentence a segment as wide as its share of the characters. A line joins
the middles of linked segments; what the translation cut is red on the top bar, what
it added green on the bottom bar, and links with flags are amber. Every segment
names its row of the table in a tooltip (the page allows no links out, not even
``#`` ones, so the self-containment test stays simple).
"""

from __future__ import annotations

from align.report._view import Row
from align.types import Report, Sentence

_W, _BAR, _GAP, _PAD = 1000.0, 14.0, 40.0, 16.0


def _positions(sentences: tuple[Sentence, ...]) -> dict[int, tuple[float, float]]:
    """Sentence index -> (x, width) along a bar of width ``_W``."""
    total = sum(max(1, len(s.text)) for s in sentences) or 1
    out: dict[int, tuple[float, float]] = {}
    x = 0.0
    for s in sentences:
        w = _W * max(1, len(s.text)) / total
        out[s.index] = (x, w)
        x += w
    return out


def overview_svg(report: Report, rows: list[Row]) -> str:
    """The strip as an ``<svg>`` element (escaped: it carries no article text)."""
    alignment = report.alignment
    top = _positions(alignment.original.sentences)
    bottom = _positions(alignment.translation.sentences)
    y1, y2 = _PAD, _PAD + _BAR + _GAP
    parts = [
        f'<rect class="o-bar" x="0" y="{y1}" width="{_W}" height="{_BAR}"/>',
        f'<rect class="o-bar" x="0" y="{y2}" width="{_W}" height="{_BAR}"/>',
        '<text x="0" y="11">original</text>',
        f'<text x="0" y="{y2 + _BAR + 13:.0f}">translation</text>',
    ]
    for row in rows:
        state = row.one_sided or ("changed" if row.flags else "seg")
        label = f"row {row.number + 1}" + (f": {state}" if state != "seg" else "")
        spans: list[tuple[float, float] | None] = []
        for side, pos, y in ((row.link.original, top, y1), (row.link.translation, bottom, y2)):
            xs = [pos[i] for i in side if i in pos]
            if not xs:
                spans.append(None)
                continue
            a, b = min(x for x, _ in xs), max(x + w for x, w in xs)
            spans.append((a, b))
            parts.append(
                f'<rect class="o-{state}" x="{a:.1f}" y="{y}" '
                f'width="{max(0.5, b - a - 0.5):.1f}" height="{_BAR}"><title>{label}</title></rect>'
            )
        if spans[0] is not None and spans[1] is not None:
            xa, xb = sum(spans[0]) / 2, sum(spans[1]) / 2
            cls = "o-link o-changed" if row.flags else "o-link"
            parts.append(
                f'<line class="{cls}" x1="{xa:.1f}" y1="{y1 + _BAR}" x2="{xb:.1f}" y2="{y2}"/>'
            )
    height = y2 + _BAR + 18
    return (
        f'<svg class="overview" viewBox="0 0 {_W:.0f} {height:.0f}" role="img" '
        'aria-label="Overview: the original above, the translation below; red was cut, '
        'green was added, amber changed">' + "".join(parts) + "</svg>"
    )
