"""Which format a command writes: the one asked for, else the one the output file's name
implies, else the command's own default.

Every command that writes a file (``align``, ``check``, ``report``, ``derive``) decides the
same way, so ``-o story.html`` means HTML everywhere and a ``--format`` always wins.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

#: -o FILE's extension chooses the format when no format is given
EXT_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".json": "json",
    ".tsv": "tsv",
    ".tmx": "tmx",
    ".txt": "text",
}


def format_for(
    fmt: str | None, output: str | Path | None, default: str, allowed: Collection[str]
) -> str:
    """``fmt`` when given; else the format of ``output``'s extension if the command
    ``allowed`` it (``.txt`` is ``ladder`` for a command that writes ladders, not text);
    else ``default`` (also for stdout, ``None`` or ``-``)."""
    if fmt is not None:
        return fmt
    if output is not None and str(output) != "-":
        guessed = EXT_FORMATS.get(Path(output).suffix.lower())
        if guessed == "text" and "text" not in allowed and "ladder" in allowed:
            guessed = "ladder"
        if guessed is not None and guessed in allowed:
            return guessed
    return default
