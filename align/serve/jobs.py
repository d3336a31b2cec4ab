"""Check one pair given as bytes (upload or paste) or URLs: the app's pipeline call.

The same steps as ``provalign check``: read, language ID and splitting, the check
alignment, flags; a pair in one language is refused as ``load_pair`` refuses it.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from typing import Any

from align.read.fetch import FetchOptions
from align.read.limits import byte_cap
from align.serve.review import now
from align.types import Document, Report


def _document(name: str, data: bytes | None, fetch: FetchOptions) -> Document:
    from align.read.document import LoadOptions, read_url, segment_article
    from align.read.reader import ReadOptions, article_from_bytes

    read = ReadOptions()
    if data is None:
        article = read_url(
            name, read, dataclasses.replace(fetch, max_bytes=byte_cap(read.max_chars))
        )
    else:
        article = article_from_bytes(
            data, name, read, is_html=name.lower().endswith((".html", ".htm"))
        )
    return segment_article(article, LoadOptions())


def check_inputs(
    original: tuple[str, bytes | None],
    translation: tuple[str, bytes | None],
    encoder: Callable[[], Any],
    fetch: FetchOptions,
) -> Report:
    """Read both sides (``(name, bytes)``, or ``(url, None)``), align and check them.

    ``encoder`` is called only once both sides are read, so a bad input fails fast.
    """
    from align.pipeline import check_documents
    from align.read.document import pair_documents

    orig, trans = pair_documents(
        _document(*original, fetch), _document(*translation, fetch), original[0], translation[0]
    )
    report = check_documents(orig, trans, encoder(), unmatched=True)
    return dataclasses.replace(report, created=now())


_WARM_AR = (
    "قال الوزير إن الحكومة ستبني 3 مدارس جديدة في المدينة. وأضاف أن العمل سيبدأ الشهر المقبل."
)
_WARM_EN = "The minister said the government would build 3 new schools in the city."


def warm_up(encoder: Callable[[], Any]) -> None:
    """Run one tiny check so the first real one does not pay for first-use loading
    (language profiles, segmenters, the encoder's first batch). Errors are ignored:
    the first real check reports them."""
    from align.errors import AlignError

    with contextlib.suppress(AlignError):
        check_inputs(
            ("warm-up.ar.txt", _WARM_AR.encode()),
            ("warm-up.en.txt", _WARM_EN.encode()),
            encoder,
            FetchOptions(),
        )
