"""How much one run accepts, said once: every stage that reads input uses these.

``MAX_CHARS`` (characters a side) is the measured bound of docs/exit-codes.md "Limits": a
pair of this size finishes within 2 minutes and 2 GB on 2 cores (250,000 characters took
128 s; 500,000 took 159 s and 1.06 GB). Larger inputs are refused before they are read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from align.errors import InputError

MAX_CHARS = 200_000


def byte_cap(max_chars: int) -> int:
    """Bytes read or downloaded for ``max_chars`` characters.

    UTF-8 spends at most 4 bytes a character; the 4,096 more leave room for a BOM, markup
    around a short page and a final partial line, so a page whose text fits is never cut
    by the byte cap before the character cap can name the real problem.
    """
    return max_chars * 4 + 4096


# Bytes read whole from a user-named file that is not an article: a links file, a report
# JSON, a config. Generous (a report of two 190,000-character sides is 1.1 MB), but a file
# given by mistake (a video, a disk image) is refused at once by its size, naming it,
# instead of filling memory first.
LINKS_BYTES = 64 * 2**20
REPORT_BYTES = 256 * 2**20
CONFIG_BYTES = 2**20


def refuse_special_file(path: str | Path) -> None:
    """Raise InputError naming ``path`` when it is a device, FIFO (or pipe) or socket.

    Such a file has no size to bound a read by: ``/dev/zero`` never ends and fills memory,
    and opening a FIFO nobody writes to blocks for ever. ``stat`` does neither, so every
    reader of a user-named file (articles, report JSON, links, configs, manifests, SQLite
    files) calls this (or ``refuse_oversized``) before opening it. A missing path, a folder
    or a regular file passes: each caller words those cases itself.
    """
    _regular_or_none(path)


def refuse_oversized(path: str | Path, max_bytes: int, what: str) -> None:
    """``refuse_special_file``, and InputError naming ``path`` when it is a regular file
    larger than a ``what`` (a links file, a JSON report, ...) may be: read whole, such a
    file given by mistake filled memory before anything named it."""
    st = _regular_or_none(path)
    if st is not None and stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise InputError(
            f"{st.st_size:,} bytes, larger than {what} may be ({max_bytes // 2**20} MB)",
            path=str(path),
        )


def _regular_or_none(path: str | Path) -> os.stat_result | None:
    """``path``'s stat (None when it cannot be read: the caller words that), after
    refusing a device, FIFO or socket."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    mode = st.st_mode
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISFIFO(mode):
        kind = "a FIFO or pipe"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        return st
    raise InputError(f"not a regular file ({kind})", path=str(path))
