"""Read an input file into an ``Article``: decode, detect HTML, keep paragraph structure.

Decisions:
* Encodings. Arabic and Russian archives still hold windows-1256, windows-1251 and
  KOI8-R files, and Windows tools write UTF-16 with a BOM. We detect them without a
  flag: BOM first, then strict UTF-8, then each single-byte candidate is scored by the
  share of its non-ASCII characters that are among the 15 most frequent lower-case
  letters of Arabic or Russian. Wrong decodings score far lower: KOI8-R read as
  cp1251 turns lower case into upper case, and Arabic read as cp1251 gives rare
  Cyrillic letters. A best score under 0.3 means "undecodable" rather than a guess.
* Plain text keeps the text as decoded (CRLF -> LF, BOM dropped) so offsets are
  exact. Blank lines separate paragraphs; a single newline also ends one after a
  short line (a heading, dateline or a wrapped paragraph's last line), before a
  list item, and everywhere in a block whose lines are long (one paragraph per line
  rather than hard-wrapped text); see ``find_paragraphs``.
* HTML goes to ``align.read.html``.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from align.errors import InputError, LimitError
from align.read.limits import MAX_CHARS
from align.text.shape import LIST_ITEM, line_kind
from align.types import Article, ArticleMeta, Paragraph

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\x1f\x8b": "gzip-compressed data",
    b"PK\x03\x04": "a ZIP archive (or .docx/.odt)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x7fELF": "an executable",
    b"{\\rtf": "an RTF document",
    b"\xd0\xcf\x11\xe0": "a Microsoft Office document",
}
# The 15 most frequent lower-case letters (news text) of the scripts we decode.
_TOP_LETTERS = {
    "windows-1256": set("اليمونرتبةعدهسف"),
    "windows-1251": set("оеаинтсрвлкмдпу"),
    "koi8-r": set("оеаинтсрвлкмдпу"),
}
_PY_CODEC = {"windows-1256": "cp1256", "windows-1251": "cp1251", "koi8-r": "koi8_r"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


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
    if not p.exists():
        raise InputError("no such file", path=name)
    if p.is_dir():
        raise InputError("is a directory, not a file", path=name)
    try:
        mode = p.stat().st_mode
        if not stat.S_ISREG(mode):  # /dev/zero, /dev/urandom, a FIFO: no size to check
            raise InputError(
                "not a regular file (a device, FIFO or socket); save the text to a file first",
                path=name,
            )
        check_size(p.stat().st_size, name, options.max_chars)  # before reading a byte
        data = _read_bounded(p, options.max_chars)
    except PermissionError:
        raise InputError("cannot read file: permission denied", path=name) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=name) from None
    return article_from_bytes(data, name, options, is_html=looks_like_html_name(p))


def _byte_cap(max_chars: int) -> int:
    return max_chars * 4 + 4096


def _read_bounded(p: Path, max_chars: int) -> bytes:
    """Read at most one byte past the cap (a file that grows after stat cannot bloat us)."""
    with p.open("rb") as handle:
        data = handle.read(_byte_cap(max_chars) + 1)
    check_size(len(data), str(p), max_chars)
    return data


def _read_stdin(max_chars: int) -> bytes:
    """``-``: standard input, read up to the same byte cap as a file."""
    import sys

    data = sys.stdin.buffer.read(_byte_cap(max_chars) + 1)
    check_size(len(data), "<stdin>", max_chars)
    return data


def check_size(size: int, name: str, max_chars: int) -> None:
    """Refuse input whose byte size alone proves it is over the limit (bounded memory).

    No codec needs more than 4 bytes a character; 4 KiB of slack covers markup around
    a short HTML article.
    """
    if size > _byte_cap(max_chars):
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


def decode_bytes(data: bytes, name: str, forced: str | None = None) -> tuple[str, str]:
    """Decode with BOM / UTF-8 / single-byte scoring; return (text, encoding name)."""
    text, encoding, _ = decode_with_notes(data, name, forced)
    return text, encoding


def decode_with_notes(
    data: bytes, name: str, forced: str | None = None
) -> tuple[str, str, tuple[str, ...]]:
    """``decode_bytes`` plus warnings about what was repaired (bad bytes replaced)."""
    if forced:
        try:
            return _clean(data.decode(forced)), forced, ()
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot decode as {forced}: {exc}", path=name) from None
    for bom, codec, label in (
        (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
        (b"\xff\xfe", "utf-16", "utf-16"),
        (b"\xfe\xff", "utf-16", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _clean(data.decode(codec)), label, ()
            except UnicodeDecodeError:
                raise InputError(
                    f"undecodable bytes after a {label} byte-order mark", path=name
                ) from None
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"binary file ({what}), not text", path=name)
    if b"\x00" in data[:65536]:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise InputError("binary file (contains NUL bytes), not text", path=name)
        return utf16[0], utf16[1], ()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        stray = _utf8_with_stray_bytes(data)
        if stray is not None:  # one bad byte must not re-decode a paragraph as KOI8-R
            return stray
        declared = _declared_charset(data)
        if declared is not None:
            return declared
        mixed = _mixed_lines(data)
        if mixed is not None:
            return mixed[0], mixed[1], ()
    else:
        if _too_many_controls(text):
            raise InputError("binary file (control characters), not text", path=name)
        return _clean(text), "utf-8", ()
    best, best_score = _best_single_byte(data)
    if best_score < 0.3:
        raise InputError(
            "undecodable bytes: not UTF-8, UTF-16, windows-1256, windows-1251 or KOI8-R", path=name
        )
    return _clean(data.decode(_PY_CODEC[best])), best, ()


def _utf8_with_stray_bytes(data: bytes) -> tuple[str, str, tuple[str, ...]] | None:
    """UTF-8 text with a few invalid bytes: replace them (U+FFFD) and say so.

    A legacy-encoded line has one invalid byte per letter; a damaged UTF-8 file has a
    handful among thousands of valid multi-byte characters. Up to 3 bad sequences, or
    one per 200 valid non-ASCII characters, count as damage.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(ord(c) > 127 for c in text) - text.count("\ufffd")
    if bad <= 0 or valid < 8 or bad > max(3, valid // 200) or _too_many_controls(text):
        return None
    plural = "s" if bad != 1 else ""
    note = f"{bad} invalid UTF-8 byte sequence{plural} replaced with \ufffd"
    return _clean(text), "utf-8", (note,)


def _declared_charset(data: bytes) -> tuple[str, str, tuple[str, ...]] | None:
    """The charset a page or file declares (``<meta charset>``, XML prolog), when Python knows it.

    Browsers read ISO-8859-1 as windows-1252, and so do we. UTF-8 already failed.
    """
    import codecs

    declared = re.search(rb"(?:charset|encoding)\s*=\s*[\"']?([-\w.:]+)", data[:4096], re.I)
    if not declared:
        return None
    label = declared.group(1).decode("ascii", "replace").lower()
    if label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        label = "windows-1252"
    label = re.sub(r"^cp-?(\d+)$", r"windows-\1", label)
    try:
        codec = codecs.lookup(_PY_CODEC.get(label, label)).name
    except LookupError:
        return None
    if codec in ("utf-8", "utf-16", "utf-32"):
        return None
    try:
        return _clean(data.decode(codec)), label, ()
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        return _clean(text), label, (f"bytes undefined in the declared {label} replaced",)


def _best_single_byte(data: bytes) -> tuple[str, float]:
    """The single-byte codec whose decoding looks most like Arabic/Russian, and its score."""
    best, best_score = "", 0.0
    for label, codec in _PY_CODEC.items():
        try:
            cand = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _codec_score(cand, _TOP_LETTERS[label])
        if score > best_score:
            best, best_score = label, score
    return best, best_score


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark, or None when the NUL bytes mean binary data.

    Windows "Unicode" exports sometimes drop the BOM. Their NUL bytes sit on one
    parity only (the high byte of ASCII characters: every character of English, the
    spaces and digits of Arabic/Russian); binary data has NULs on both parities or
    decodes to control characters. Checked on the first 64 KiB, decoded in full.
    """
    head = data[:65536]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if len(data) % 2 or max(even, odd) < 2 or min(even, odd) > 0.02 * max(even, odd):
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    printable = sum(c.isprintable() or c in "\n\r\t" for c in text[:32768])
    if _too_many_controls(text) or printable < 0.98 * min(len(text), 32768):
        return None
    return _clean(text), "utf-16"


def _mixed_lines(data: bytes) -> tuple[str, str] | None:
    """Decode a file whose lines mix UTF-8 with one legacy codec, or None.

    Articles pasted together by two editors (or a UTF-8 header added to a windows-1251
    body) fail strict UTF-8 although most of their lines are valid. When some lines
    are UTF-8 with non-ASCII text and the others decode confidently with one legacy
    codec (the same score as for a whole file), each line keeps its own decoding.
    """
    lines = data.split(b"\n")
    decoded: list[str | None] = []
    utf8_non_ascii = 0
    for line in lines:
        try:
            piece = line.decode("utf-8")
        except UnicodeDecodeError:
            decoded.append(None)
            continue
        utf8_non_ascii += sum(ord(c) > 127 for c in piece)
        decoded.append(piece)
    if utf8_non_ascii < 8:
        return None  # (almost) no UTF-8 text: a single legacy codec, decided by the caller
    legacy = b"\n".join(line for line, d in zip(lines, decoded, strict=True) if d is None)
    best, score = _best_single_byte(legacy)
    if score < 0.3:
        return None
    codec = _PY_CODEC[best]
    text = "\n".join(
        d if d is not None else line.decode(codec) for line, d in zip(lines, decoded, strict=True)
    )
    if _too_many_controls(text):
        return None
    return _clean(text), f"utf-8+{best}"


def _codec_score(text: str, top: set[str]) -> float:
    """Share of non-ASCII characters that are frequent lower-case letters of the script."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii or _too_many_controls(text):
        return 0.0
    return sum(c in top for c in non_ascii) / len(non_ascii)


def _too_many_controls(text: str) -> bool:
    """Binary data decodes to many C0 controls; a stray one in real text is tolerated."""
    return len(_CONTROL.findall(text)) > max(2, len(text) // 1000)


def _clean(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def article_from_text(
    text: str,
    name: str,
    presplit: bool = False,
    encoding: str = "utf-8",
    source_format: str | None = None,
) -> Article:
    """Build an Article from decoded plain text, finding paragraphs (see module doc)."""
    text = _clean(text)
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
