"""Load articles into segmented ``Document`` values: read, identify language, split.

This is the one entry point later stages use (``load_document``, ``load_pair``,
``document_from_text``); it owns the order of decisions: an explicit language
beats detection, presplit input is never re-split, and a pair whose two sides are
in the same language is refused early, because aligning an article with itself
(or with another English article) is always a user mistake worth a clear message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from align.errors import InputError, LanguageError
from align.text.languages import ALL_LANGS
from align.types import Article, Document

SUPPORTED = tuple(sorted(ALL_LANGS))  # every language some encoder covers (--accurate: e5)


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """How to load one input: presplit lines, forced language, size limit, codec."""

    presplit: bool = False
    lang: str | None = None  # None: detect
    max_chars: int = 2_000_000
    encoding: str | None = None  # None: detect (BOM, UTF-8, cp1256, cp1251, KOI8-R)


def load_document(path: str | Path, options: LoadOptions | None = None) -> Document:
    """Read, detect the language of and split the file at ``path``."""
    from align.read.reader import ReadOptions, read_article

    options = options or LoadOptions()
    article = read_article(
        path,
        ReadOptions(
            presplit=options.presplit, encoding=options.encoding, max_chars=options.max_chars
        ),
    )
    return segment_article(article, options)


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
    if original.lang == translation.lang:
        raise LanguageError(
            f"both sides are in {original.lang}; {trans_path} must translate {orig_path} into "
            "another language (override with --orig-lang/--trans-lang if detection is wrong)",
            path=str(orig_path),
        )
    return original, translation
