"""Atomic file writes: a temporary file in the same folder, then ``os.replace``.

A write that fails halfway (disk full, Ctrl-C, a killed process) leaves the earlier
file untouched instead of a truncated report. Used for -o, reports and index pages.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` via a temporary sibling and a rename.

    Folders on the way are created. Raises OSError like ``Path.write_text``.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
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


def write_output(path: str | Path, text: str) -> Path:
    """``write_atomic`` for a file the user named (``-o``): a failure is an ``AlignError``
    naming the file, because the user must learn which output could not be written.

    Raises:
        AlignError: a folder on the path is a file, or the write failed (its reason given).
    """
    from align.errors import AlignError

    try:
        return write_atomic(path, text)
    except (FileExistsError, NotADirectoryError):
        raise AlignError(
            "cannot write output: a folder on its path is a file", path=str(path)
        ) from None
    except OSError as exc:
        raise AlignError(f"cannot write output: {exc.strerror or exc}", path=str(path)) from exc
