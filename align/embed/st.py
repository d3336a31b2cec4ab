"""A sentence-transformers model from a local directory (``--encoder st:PATH``).

Kept out of ``align.embed.encoder``: an optional backend, imported only when a run
chooses it (``load_encoder("st:PATH")``), like e5 (``align.embed.e5``). Nothing is
downloaded: the model must be a local directory, and the hub is told to stay offline.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from align.errors import BackendError

# Not imported from align.embed.encoder: its load_encoder builds this class, and the two
# modules must not import each other (as align.embed.e5).
FloatArray = Any


class SentenceTransformerEncoder:
    """A sentence-transformers model from a local directory (``--encoder st:PATH``)."""

    def __init__(self, path: str) -> None:
        if not Path(path).is_dir():
            raise BackendError("not a local model directory", path=path)
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise BackendError(
                "the 'st:' encoder needs sentence-transformers (pip install 'provalign[st]')",
                path=path,
            ) from exc
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        self._model = SentenceTransformer(path, device="cpu")
        self.name = f"st:{Path(path).name}"
        self._cache: dict[str, FloatArray] = {}

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """Encode with the local model, normalised, cached by text."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            vecs = self._model.encode(missing, normalize_embeddings=True)
            for t, v in zip(missing, vecs, strict=True):
                self._cache[t] = np.asarray(v, dtype=np.float32)
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 1), np.float32)
