"""One row per link as tab-separated values, for spreadsheets and scripts.

Indices are 0-based and comma-joined; one-sided links leave one side empty, and their
``score`` is 1 minus the match of its closest sentence on the other side (not a match). Tabs and
line breaks inside sentences become spaces. ``spans`` lists the flagged words of the
row as ``kind:side:sentence:start-end`` (0-based character offsets into that sentence),
``;``-separated, so every link stays on one line (a TSV
reader has no quoting we could rely on).
"""

from __future__ import annotations

import re

from align.report._view import build_rows, join_text, row_spans
from align.types import Report

COLUMNS = (
    "original_indices",
    "translation_indices",
    "original_text",
    "translation_text",
    "score",
    "flags",
    "spans",
)
_BREAKS = re.compile(r"[\t\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def clean_cell(text: str) -> str:
    """Text safe for one TSV cell: no tabs or line breaks."""
    return _BREAKS.sub(" ", text)


def render_tsv(report: Report) -> str:
    """The links of ``report`` as TSV with a header line."""
    lines = ["\t".join(COLUMNS)]
    for row in build_rows(report):
        lines.append(
            "\t".join(
                (
                    ",".join(str(i) for i in row.link.original),
                    ",".join(str(j) for j in row.link.translation),
                    clean_cell(join_text(row.original)),
                    clean_cell(join_text(row.translation)),
                    f"{row.link.score:.4f}",
                    ";".join(row.kinds),
                    clean_cell(row_spans(row)),
                )
            )
        )
    return "\n".join(lines) + "\n"
