"""Bytes to text: the encoding of an input file, detected without a flag.

Arabic and Russian archives still hold windows-1256, windows-1251 and KOI8-R files,
Western newsrooms windows-1252 (and Latin-1, its printable subset), and Windows tools
write UTF-16 with a BOM. Detection: BOM first, then binary signatures and NUL bytes (a
PDF or image is refused, BOM-less UTF-16 recognised), then strict UTF-8 (a few stray
bytes are replaced and reported, not a reason to re-decode), a declared charset, UTF-8
and legacy lines mixed in one file, and last each single-byte candidate scored by the
share of its non-ASCII characters that are plausible for it: for windows-1256, 1251 and
KOI8-R one of the 15 most frequent lower-case letters of Arabic or Russian, in a word
with no Latin letter; for windows-1252 typographic punctuation (curly quotes, dashes) or
an accented letter in a word that also has plain Latin letters. Wrong decodings score
far lower: KOI8-R read as cp1251 turns lower case into upper case, Arabic read as cp1251
gives rare Cyrillic letters, Latin-1 "café" read as cp1251 is the mixed word "cafй",
and Russian or Arabic read as cp1252 gives words of accented letters only ("Ïðèâåò").
A best score under 0.3 means "undecodable" rather than a guess. A text in capitals
scores its capitals, and between windows-1251 and KOI8-R (the same letters, cases
swapped) Russian letter frequencies decide: on NTREX's Russian sentences in capitals
that takes exact decoding from none to all but 1 of 3,185, with sentences in ordinary
case still all exact.
"""

from __future__ import annotations

import math
import re

from align.errors import InputError

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
# Russian letter frequencies in news text, per 10,000 letters: for telling windows-1251
# from KOI8-R (``_russian_loglik``)
_RU_FREQ = {
    c: int(n) / 10000
    for c, n in zip(
        "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
        "1097 845 801 735 670 626 547 473 454 440 349 321 298 281 262 201 190 174 170 165 "
        "159 144 121 97 94 73 64 48 36 32 26 4 4".split(),
        strict=True,
    )
}
_CYRILLIC = ("windows-1251", "koi8-r")
INVERTED_COST = 10.0  # nats per word of inverted case: as much as a few rare letters
# capitals count in a text with this share of its letters in capitals (Arabic read as
# Cyrillic has a third of them in lower case)
CAPS_SHARE = 0.9
# Non-ASCII punctuation of English and French text in windows-1252. Not × or ÷: they are
# the bytes of KOI8-R's frequent "в" and "В".
_LATIN_MARKS = set("\u00a0‘’‚“”„–—…•€£°«»·¿¡©®™")
_PY_CODEC = {
    "windows-1256": "cp1256",
    "windows-1251": "cp1251",
    "koi8-r": "koi8_r",
    "windows-1252": "cp1252",
}
_LETTERS = re.compile(r"[^\W\d_]+")  # a word: a run of letters
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


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
            return normalise_newlines(data.decode(forced)), forced, ()
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot decode as {forced}: {exc}", path=name) from None
    for bom, codec, label in (
        (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
        (b"\xff\xfe", "utf-16", "utf-16"),
        (b"\xfe\xff", "utf-16", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return normalise_newlines(data.decode(codec)), label, ()
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
        return normalise_newlines(text), "utf-8", ()
    best, best_score = _best_single_byte(data)
    if best_score < 0.3:
        raise InputError(
            "undecodable bytes: not UTF-8, UTF-16, windows-1252, windows-1256, "
            "windows-1251 or KOI8-R",
            path=name,
        )
    return normalise_newlines(data.decode(_PY_CODEC[best])), best, ()


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
    return normalise_newlines(text), "utf-8", (note,)


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
        return normalise_newlines(data.decode(codec)), label, ()
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        return (
            normalise_newlines(text),
            label,
            (f"bytes undefined in the declared {label} replaced",),
        )


def _best_single_byte(data: bytes) -> tuple[str, float]:
    """The single-byte codec whose decoding looks most plausible, and its score.

    On a tie the earlier candidate wins (windows-1252 is last: English whose only non-ASCII
    characters are curly quotes scores 0 as windows-1251, which has the same quotes).
    """
    best, best_score = "", 0.0
    scores: dict[str, float] = {}
    texts: dict[str, str] = {}
    for label, codec in _PY_CODEC.items():
        try:
            cand = texts[label] = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = scores[label] = _codec_score(cand, label)
        if score > best_score:
            best, best_score = label, score
    if best in _CYRILLIC and all(label in texts for label in _CYRILLIC):
        # the two Cyrillic codecs are each other's letters with the cases swapped and
        # reordered: which one reads as Russian is a question for the letters' frequencies,
        # case aside (a text in capitals, or one with few capitals, fools the case)
        best = max(_CYRILLIC, key=lambda label: _russian_loglik(texts[label]))
        best_score = max(best_score, scores[best])
    return best, best_score


def _russian_loglik(text: str) -> float:
    """Log-likelihood of the text's Cyrillic letters, case-folded, under Russian letter
    frequencies (``_RU_FREQ``), less ``INVERTED_COST`` per word of inverted case ("сОСЫЕ":
    ordinary capitalised words read with the other codec)."""
    letters = sum(
        math.log(_RU_FREQ.get(c, 1e-4)) for c in text.lower() if "\u0400" <= c <= "\u04ff"
    )
    return letters - INVERTED_COST * sum(map(_inverted, _LETTERS.findall(text)))


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
    return normalise_newlines(text), "utf-16"


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
    return normalise_newlines(text), f"utf-8+{best}"


def _codec_score(text: str, label: str) -> float:
    """Share of non-ASCII characters that are plausible in ``text`` decoded as ``label``."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if not non_ascii or _too_many_controls(text):
        return 0.0
    words = [word for word in _LETTERS.findall(text) if not word.isascii()]
    # capitals count only in a text of capitals (Arabic read as Cyrillic mixes cases)
    # where no word has its case inverted ("мЮЬ": a text in ordinary case read with the
    # other Cyrillic codec, whose lower-case words then turn into capitals)
    letters = "".join(words)
    upper = sum(c.isupper() for c in letters)
    caps = upper >= CAPS_SHARE * len(letters) and not any(map(_inverted, words))
    plausible = sum(_plausible_letters(word, label, caps) for word in words)
    if label == "windows-1252":
        plausible += sum(text.count(c) for c in _LATIN_MARKS)
    return plausible / non_ascii


def _inverted(word: str) -> bool:
    """A word of lower case then capitals ("мЮЬ"), as no Russian text writes one."""
    return len(word) > 1 and word[0].islower() and not word[1:].islower()


def _plausible_letters(word: str, label: str, caps: bool = False) -> int:
    """How many of the word's non-ASCII letters fit a word of the codec's script.

    A Cyrillic or Arabic word has no Latin letter ("cafй" is Latin-1 read as windows-1251),
    and only its frequent lower-case letters count, or with ``caps`` (no word of the text
    has its case inverted) in a word of capitals the same letters in capitals: KOI8-R and
    windows-1251 swap the cases, so without that a text in capitals read right scores
    nothing and is taken for the other codec (or for Arabic). Which of the two Cyrillic
    codecs then wins is ``_russian_loglik``'s question. A Latin word has plain letters beside
    its accents ("café", "déjà"), except one-letter words ("à"); a longer word of accented
    letters only is Russian or Arabic read as windows-1252.
    """
    foreign = [c for c in word if ord(c) > 127]
    has_ascii = len(foreign) < len(word)
    if label == "windows-1252":
        return len(foreign) if has_ascii or len(word) == 1 else 0
    if has_ascii:
        return 0
    if caps and len(word) > 1 and word.isupper():  # a word in capitals: a headline
        return sum(c.lower() in _TOP_LETTERS[label] for c in foreign)
    return sum(c in _TOP_LETTERS[label] for c in foreign)


def _too_many_controls(text: str) -> bool:
    """Binary data decodes to many C0 controls; a stray one in real text is tolerated."""
    return len(_CONTROL.findall(text)) > max(2, len(text) // 1000)


def normalise_newlines(text: str) -> str:
    """The BOM dropped and CRLF / CR made LF: offsets then count characters as shown."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
