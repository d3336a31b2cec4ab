"""Atomic file writes: a temporary file in the same folder, then ``os.replace``.

A write that fails halfway (disk full, Ctrl-C, a killed process) leaves the earlier
file untouched instead of a truncated one. Every stage writes through this one
function (reports, -o files, batch state, the review app's store, the fetch cache),
so it lives beside ``types`` and ``errors`` rather than in a stage: the reader's
fetch cache (stage 1) needs it as much as the report writers (stage 6).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8, or bytes) to ``path`` via a temporary sibling and
    a rename. Folders on the way are created; an existing file keeps its permissions,
    a new one gets the umask's. Raises OSError like ``Path.write_text``.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target
