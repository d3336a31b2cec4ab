"""``provalign split``'s output: a document's sentences as lines of text or as JSON.

Text is one sentence a line with control characters made visible, because an article's
escape sequences must never drive the user's terminal; JSON keeps every field of each
``Sentence`` (offsets 0-based) with the language and the encoding the reader detected.
"""

from __future__ import annotations

import dataclasses
import json

from align.errors import FormatError
from align.types import Document

SENTENCE_FORMATS = ("text", "json")


def render_sentences(doc: Document, fmt: str, path: str) -> str:
    """``doc``'s sentences in ``fmt`` (text or json); ``path`` is what the user named.

    Raises:
        FormatError: ``fmt`` is neither text nor json.
    """
    if fmt == "text":
        from align.report._view import visible

        return "\n".join(visible(s.text) for s in doc.sentences)
    if fmt != "json":
        raise FormatError(f"unknown sentence format {fmt!r} (known: text, json)")
    rows = [dataclasses.asdict(s) for s in doc.sentences]
    data = {"path": path, "lang": doc.lang, "encoding": doc.meta.encoding, "sentences": rows}
    return json.dumps(data, ensure_ascii=False, indent=1)
