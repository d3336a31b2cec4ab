"""The words of ``check --unmatched`` (``Report.unmatched``) as the writers show them: cut
into an HTML sentence's unflagged pieces, or listed by sentence in text and Markdown.
Kept apart from ``_view`` (what every report shows) since only a report made with the
option has them."""

from __future__ import annotations

from align.types import Report

# what the writers call the runs: a heading (text, Markdown) and a tooltip (HTML)
UNMATCHED_HEADING = "Words with no counterpart (check --unmatched: a reading aid, not flags)"
NO_COUNTERPART = "no counterpart found by the word aligner (a reading aid, not a flag)"


def loose_pieces(piece: str, at: int, ranges: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``piece`` (which starts at offset ``at`` of its sentence) cut where ``ranges``
    (sentence offsets: a report's ``unmatched`` spans) begin and end, each part with
    whether a range covers it. Joining the parts gives ``piece`` back unchanged."""
    n = len(piece)
    cuts = sorted({0, n, *(min(max(x - at, 0), n) for r in ranges for x in r)})
    return [
        (piece[a:b], any(x <= at + a and at + b <= y for x, y in ranges))
        for a, b in zip(cuts, cuts[1:], strict=False)
    ]


def runs_by_sentence(report: Report) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """A report's ``unmatched`` spans grouped by ``(side, sentence index)``, in reading
    order, original side first: ``(start, end)`` offsets per sentence."""
    grouped: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for sp in report.unmatched:
        grouped.setdefault((sp.side, sp.sentence), []).append((sp.start, sp.end))
    return {k: grouped[k] for k in sorted(grouped, key=lambda k: (k[0] != "original", k[1]))}


def unmatched_by_sentence(report: Report) -> list[tuple[str, int, list[str]]]:
    """``(side, sentence number from 1, [run texts])`` of a report's ``unmatched`` spans,
    in reading order, original side first (``check --unmatched``; empty without it)."""
    docs = {"original": report.alignment.original, "translation": report.alignment.translation}
    return [
        (side, i + 1, [docs[side].sentences[i].text[a:b] for a, b in runs])
        for (side, i), runs in runs_by_sentence(report).items()
    ]
