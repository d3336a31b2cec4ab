"""How much one run accepts, said once: every stage that reads input uses these.

``MAX_CHARS`` (characters a side) is the measured bound of docs/exit-codes.md "Limits": a
pair of this size finishes within 2 minutes and 2 GB on 2 cores (250,000 characters took
128 s; 500,000 took 159 s and 1.06 GB). Larger inputs are refused before they are read.
"""

from __future__ import annotations

MAX_CHARS = 200_000


def byte_cap(max_chars: int) -> int:
    """Bytes read or downloaded for ``max_chars`` characters.

    UTF-8 spends at most 4 bytes a character; the 4,096 more leave room for a BOM, markup
    around a short page and a final partial line, so a page whose text fits is never cut
    by the byte cap before the character cap can name the real problem.
    """
    return max_chars * 4 + 4096
