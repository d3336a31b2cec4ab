"""Read an input file into an ``Article``: decode, detect HTML, keep paragraph structure.

Decisions:
* Encodings are detected without a flag (``align.read.decode``).
* Plain text keeps the text as decoded (CRLF -> LF, BOM dropped) so offsets are
  exact. Blank lines separate paragraphs; a single newline also ends one after a
  short line (a heading, dateline or a wrapped paragraph's last line), before a
  list item, and everywhere in a block whose lines are long (one paragraph per line
  rather than hard-wrapped text); see ``find_paragraphs``.
* HTML goes to ``align.read.html``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from align.errors import InputError, LimitError
from align.read.decode import decode_with_notes, normalise_newlines
from align.read.limits import MAX_CHARS, byte_cap, refuse_special_file
from align.text.shape import LIST_ITEM, line_kind
from align.types import Article, ArticleMeta, Paragraph


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read one file (built by ``align.read.document.LoadOptions``)."""

    presplit: bool = False
    encoding: str | None = None  # force a codec; None detects
    max_chars: int = MAX_CHARS


def read_article(path: str | Path, options: ReadOptions) -> Article:
    """Read ``path`` into an Article; raise InputError/LimitError naming the file."""
    p = Path(path)
    name = str(path)
    if name == "-":
        return article_from_bytes(_read_stdin(options.max_chars), "<stdin>", options)
    data = read_file_bytes(p, options.max_chars, name)
    return article_from_bytes(data, name, options, is_html=looks_like_html_name(p))


def read_file_bytes(path: Path, max_chars: int, name: str | None = None) -> bytes:
    """An article file's bytes, or InputError/LimitError naming it (``name``: as the user
    gave it, ``./x.txt`` not ``x.txt``): missing, a folder, a device or FIFO (no size to
    check), over ``max_chars`` (judged by size before reading a byte), unreadable.
    ``read_article`` and ``batch`` (which ships bytes to its workers) read through it."""
    name = str(path) if name is None else name
    if not path.exists():
        raise InputError("no such file", path=name)
    if path.is_dir():
        raise InputError("is a directory, not a file", path=name)
    refuse_special_file(path)  # /dev/zero, /dev/urandom, a FIFO: no size to check
    try:
        check_size(path.stat().st_size, name, max_chars)  # before reading a byte
        return _read_bounded(path, max_chars)
    except PermissionError:
        raise InputError("cannot read file: permission denied", path=name) from None
    except FileNotFoundError:  # removed between the checks and the read
        raise InputError("no such file", path=name) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=name) from None


def _read_bounded(p: Path, max_chars: int) -> bytes:
    """Read at most one byte past the cap (a file that grows after stat cannot bloat us)."""
    with p.open("rb") as handle:
        data = handle.read(byte_cap(max_chars) + 1)
    check_size(len(data), str(p), max_chars)
    return data


def _read_stdin(max_chars: int) -> bytes:
    """``-``: standard input, read up to the same byte cap as a file."""
    import sys

    data = sys.stdin.buffer.read(byte_cap(max_chars) + 1)
    check_size(len(data), "<stdin>", max_chars)
    return data


def check_size(size: int, name: str, max_chars: int) -> None:
    """Refuse input whose byte size alone proves it is over the limit (bounded memory).

    No codec needs more than 4 bytes a character; 4 KiB of slack covers markup around
    a short HTML article.
    """
    if size > byte_cap(max_chars):
        raise LimitError(
            f"file is {size:,} bytes, more than --max-chars {max_chars:,} allows", path=name
        )


def looks_like_html_name(p: Path) -> bool:
    """A file name that says HTML (the batch workers, given bytes only, ask the same)."""
    return p.suffix.lower() in {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}


def article_from_bytes(
    data: bytes, name: str, options: ReadOptions, is_html: bool = False
) -> Article:
    """Decode ``data`` and build the Article (HTML when named or looking like it)."""
    if not data.strip():
        raise InputError(
            "file is empty" if not data else "file contains only whitespace", path=name
        )
    check_size(len(data), name, options.max_chars)
    text, encoding, notes = decode_with_notes(data, name, options.encoding)
    if not text.strip():
        raise InputError("file contains only whitespace", path=name)
    is_html = not options.presplit and (is_html or looks_like_html(text))
    if not is_html and len(text) > options.max_chars:  # before paragraphs and splitting
        raise LimitError(
            f"input has {len(text):,} characters, more than --max-chars {options.max_chars:,}",
            path=name,
        )
    if is_html:
        from align.read.html import html_to_article

        article = html_to_article(text, name, encoding)
    else:
        article = article_from_text(text, name, presplit=options.presplit, encoding=encoding)
    if len(article.text) > options.max_chars:
        raise LimitError(
            f"input has {len(article.text):,} characters, more than --max-chars "
            f"{options.max_chars:,}",
            path=name,
        )
    if notes:
        meta = replace(article.meta, warnings=notes + article.meta.warnings)
        article = replace(article, meta=meta)
    return article


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML page or is dense with block tags."""
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:5000].lower():
        return True
    return (
        bool(re.search(r"<(html|head|body)[\s>]", head))
        or len(re.findall(r"</p>", text[:20000])) >= 3
    )


def article_from_text(
    text: str,
    name: str,
    presplit: bool = False,
    encoding: str = "utf-8",
    source_format: str | None = None,
) -> Article:
    """Build an Article from decoded plain text, finding paragraphs (see module doc)."""
    text = normalise_newlines(text)
    fmt = source_format or ("presplit" if presplit else "text")
    return Article(
        ArticleMeta(path=name, encoding=encoding, source_format=fmt),
        text,
        tuple(find_paragraphs(text, presplit)),
    )


def find_paragraphs(text: str, presplit: bool = False) -> list[Paragraph]:
    """Paragraph spans of plain text (stripped of surrounding whitespace).

    Presplit input: blank lines alone separate paragraphs (each line is a sentence,
    see ``align.read.segment``). Otherwise, within a block of non-blank lines, a newline
    ends a paragraph when the next line is a list item, when the block's lines are too long
    to be hard-wrapped (> 100 chars: one paragraph per line) or too short (<= 60:
    headings, datelines, verse), or when the line is
    short for the block (< 0.7 of its longest line: a heading, dateline or the last
    line of a wrapped paragraph).
    """
    paragraphs: list[Paragraph] = []
    for block in re.finditer(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", text):
        lines = [
            (block.start() + m.start(), block.start() + m.end())
            for m in re.finditer(r"[^\n]+", block.group())
            if m.group().strip()
        ]
        width = max(len(text[a:b].strip()) for a, b in lines)
        group: list[tuple[int, int]] = []
        for i, (a, b) in enumerate(lines):
            if group and not presplit:
                prev = text[lines[i - 1][0] : lines[i - 1][1]].strip()
                if (
                    width > 100
                    or width <= 60
                    or LIST_ITEM.match(text[a:b]) is not None
                    or len(prev) < 0.7 * width
                ):
                    paragraphs.append(_paragraph(text, group, presplit))
                    group = []
            group.append((a, b))
        paragraphs.append(_paragraph(text, group, presplit))
    return paragraphs


def _paragraph(text: str, lines: list[tuple[int, int]], presplit: bool) -> Paragraph:
    first = text[lines[0][0] : lines[0][1]]
    if presplit:
        kind = "body"
    elif len(lines) == 1:
        kind = line_kind(first)
    else:
        kind = "list_item" if line_kind(first) == "list_item" else "body"
    return _span(text, lines[0][0], lines[-1][1], kind)


def _span(text: str, start: int, end: int, kind: str) -> Paragraph:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Paragraph(start, end, kind)
