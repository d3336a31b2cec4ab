"""Writing a file the user named (``-o``): atomic, and a failure names the file.

The atomic write itself is ``align.atomic.write_atomic`` (shared by every stage).
"""

from __future__ import annotations

from pathlib import Path

from align.atomic import write_atomic


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
