"""Links on the wire: Vecalign's ladder format, ``[0, 1]:[2]:0.873``.

One link per line, 0-based sentence indices, original side first, ``[]`` for an
empty side, and an optional third field with the score. This is the format of the
Text+Berg gold and of Vecalign/Bertalign/SentAlign output, so our output can be
scored by their tools and theirs by ours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from align.errors import FormatError, InputError
from align.read.limits import LINKS_BYTES, refuse_oversized
from align.types import Link

_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\](?:\s*:\s*([-+0-9.eE]+))?\s*$")


def _indices(field: str) -> tuple[int, ...]:
    return tuple(int(x) for x in field.replace(",", " ").split())


def format_link(link: Link, with_score: bool = True) -> str:
    """One link as ``[i, j]:[k]:score``."""
    left = ", ".join(map(str, link.original))
    right = ", ".join(map(str, link.translation))
    text = f"[{left}]:[{right}]"
    return f"{text}:{link.score:.3f}" if with_score else text


def format_ladder(links: Iterable[Link], with_score: bool = True) -> str:
    """All links, one per line, with a final newline."""
    return "".join(format_link(lk, with_score) + "\n" for lk in links)


def parse_links(text: str, path: str = "<links>") -> list[Link]:
    """Parse ladder text; a malformed line raises FormatError naming its number."""
    links = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _LINE.match(line)
        if m is None:
            raise FormatError(f"line {number} is not a link like [0, 1]:[2]: {line[:60]!r}", path)
        score = float(m.group(3)) if m.group(3) else 0.0
        links.append(Link(_indices(m.group(1)), _indices(m.group(2)), score))
    return links


def read_links(path: str | Path) -> list[Link]:
    """Read a ladder file."""
    p = Path(path)
    refuse_oversized(p, LINKS_BYTES, "a links file")
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such file", str(p)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a links file", str(p)) from None
    except UnicodeDecodeError:
        raise FormatError("not a UTF-8 links file", str(p)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", str(p)) from None
    links = parse_links(text, str(p))
    if not links:
        raise FormatError("no links in file", str(p))
    for side in ("original", "translation"):  # a ladder pairs each sentence at most once
        seen: set[int] = set()
        for lk in links:
            twice = seen.intersection(getattr(lk, side))
            if twice:
                raise FormatError(f"{side} sentence {min(twice)} is in two links", str(p))
            seen.update(getattr(lk, side))
    return links
