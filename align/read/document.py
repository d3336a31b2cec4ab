"""Load articles into segmented ``Document`` values: read, identify language, split.

This is the one entry point later stages use (``load_document``, ``load_pair``,
``document_from_text``); it owns the order of decisions: an explicit language
beats detection, presplit input is never re-split, and a pair whose two sides are
in the same language is refused early, because aligning an article with itself
(or with another English article) is always a user mistake worth a clear message.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from align.errors import InputError, LanguageError, LimitError
from align.read.limits import MAX_CHARS, byte_cap
from align.text.languages import ALL_LANGS
from align.types import Article, Document

if TYPE_CHECKING:
    from align.read.fetch import FetchOptions
    from align.read.reader import ReadOptions

SUPPORTED = tuple(sorted(ALL_LANGS))  # every language some encoder covers (--accurate: e5)


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """How to load one input: presplit lines, forced language, size limit, codec."""

    presplit: bool = False
    lang: str | None = None  # None: detect
    max_chars: int = MAX_CHARS
    encoding: str | None = None  # None: detect (BOM, UTF-8, cp1256, cp1251, KOI8-R)
    fetch: FetchOptions | None = None  # for URLs; None: defaults, cap from max_chars


CHARS_PER_SENTENCE = 40


def max_sentences(max_chars: int) -> int:
    """The sentence cap that goes with a character cap (200,000 -> 5,000)."""
    return max(100, max_chars // CHARS_PER_SENTENCE)


def load_document(path: str | Path, options: LoadOptions | None = None) -> Document:
    """Read, detect the language of and split the file (or http(s) URL) at ``path``."""
    from align.read.fetch import is_url
    from align.read.reader import ReadOptions, read_article

    options = options or LoadOptions()
    read = ReadOptions(
        presplit=options.presplit, encoding=options.encoding, max_chars=options.max_chars
    )
    if is_url(path):
        article = read_url(str(path), read, options.fetch)
    else:
        article = read_article(path, read)
    return segment_article(article, options)


def read_url(url: str, read: ReadOptions, fetch_options: FetchOptions | None = None) -> Article:
    """Fetch ``url`` and read it like a file; the Article's meta carries the Source.

    The byte cap defaults to what ``max_chars`` allows a file (4 bytes a character).
    """
    from align.read.fetch import FetchOptions, fetch
    from align.read.reader import article_from_bytes

    if fetch_options is None:
        fetch_options = FetchOptions(max_bytes=byte_cap(read.max_chars))
    got = fetch(url, fetch_options)
    if read.encoding is None and got.charset is not None:
        read = replace(read, encoding=got.charset)
    article = article_from_bytes(got.data, url, read, is_html=got.is_html)
    return replace(article, meta=replace(article.meta, source=got.source))


def document_from_text(
    text: str, options: LoadOptions | None = None, path: str = "<text>"
) -> Document:
    """Like ``load_document`` for text already in memory (HTML is detected too)."""
    from align.read.reader import ReadOptions, article_from_bytes

    options = options or LoadOptions()
    read = ReadOptions(presplit=options.presplit, encoding="utf-8", max_chars=options.max_chars)
    return segment_article(article_from_bytes(text.encode("utf-8"), path, read), options)


def segment_article(article: Article, options: LoadOptions) -> Document:
    """Language ID and sentence splitting of an already read Article."""
    from align.read.langid import detect_language
    from align.read.segment import SegmentOptions, split_sentences

    path = article.meta.path
    if options.lang is not None:
        lang = options.lang.lower()
        if lang not in SUPPORTED:
            raise LanguageError(
                f"unsupported language '{options.lang}' (no encoder covers it; "
                "see --help for each encoder's languages)",
                path=path,
            )
    else:
        lang = detect_language(article.text, path=path)
    sentences = split_sentences(article, SegmentOptions(lang=lang, presplit=options.presplit))
    if not sentences:
        raise InputError("no sentences found", path=path)
    cap = max_sentences(options.max_chars)
    if len(sentences) > cap:
        # alignment cost grows with sentences, not characters: 20,000 one-word lines
        # took 157 s and 2.0 GB; 5,000 took 52 s and 0.7 GB (docs/exit-codes.md)
        raise LimitError(
            f"{len(sentences):,} sentences, more than the {cap:,} that --max-chars "
            f"{options.max_chars:,} allows (one per {CHARS_PER_SENTENCE} characters)",
            path=path,
        )
    return Document(meta=article.meta, lang=lang, sentences=sentences)


def load_pair(
    orig_path: str | Path,
    trans_path: str | Path,
    orig_options: LoadOptions | None = None,
    trans_options: LoadOptions | None = None,
) -> tuple[Document, Document]:
    """Load an original and its translation; refuse a pair in one language."""
    original = load_document(orig_path, orig_options)
    translation = load_document(trans_path, trans_options)
    return pair_documents(original, translation, str(orig_path), str(trans_path))


def pair_documents(
    original: Document, translation: Document, orig_path: str, trans_path: str
) -> tuple[Document, Document]:
    """The two sides of a check, however they were read (files, bytes, URLs): a pair in
    one language is refused, and an English original gets an argument-order warning."""
    if original.lang == translation.lang:
        raise LanguageError(
            f"both sides are in {original.lang}; {trans_path} must translate {orig_path} into "
            "another language (override with --orig-lang/--trans-lang if detection is wrong)",
            path=str(orig_path),
        )
    if original.lang == "en" and translation.lang != "en":
        from dataclasses import replace

        from align.text.languages import language_name

        # the warning names the English file given as the original (its line starts with
        # that path), then the other one
        note = (
            f"this original is {language_name('en')} and the translation ({trans_path}) is "
            f"{language_name(translation.lang)}: provalign checks English republications of "
            "Arabic/Russian originals; are the two files in the right order (ORIGINAL "
            "TRANSLATION)?"
        )
        meta = replace(original.meta, warnings=(*original.meta.warnings, note))
        original = replace(original, meta=meta)
    return original, translation
