"""How much one run accepts, said once: every stage that reads input uses these.

``MAX_CHARS`` (characters a side) is the measured bound of docs/exit-codes.md "Limits": a
pair of this size finishes within 2 minutes and 2 GB on 2 cores (250,000 characters took
128 s; 500,000 took 159 s and 1.06 GB). Larger inputs are refused before they are read.
"""

from __future__ import annotations

MAX_CHARS = 200_000
