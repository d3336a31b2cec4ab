"""Document vectors and anchors: what the index stores per original and queries compare.

Split from ``align.provenance.index`` so the vector math (pure numpy, no SQLite) can be read and
tested on its own; ``align.provenance.index`` re-exports these names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from align.text.normalize import NUMBER_RE, ascii_digits, normalize_for_matching, number_key

if TYPE_CHECKING:  # pragma: no cover
    from numpy.typing import NDArray

SLOTS = 4
SLOT_DIM = 128
SLOT_SEED = 20200
DIM = 512

_LATIN = re.compile(r"[A-Za-z][A-Za-z'\-]+")


def anchors_of(text: str) -> frozenset[str]:
    """Numbers (``number_key``: one key per value) and Latin-script words of 2+ letters, casefolded.

    Both survive translation into English unchanged far more often than anything
    else does, so shared anchors are evidence that holds up under condensation.
    Years and small numbers are kept: the re-ranker weighs the share, not a count.
    """
    t = ascii_digits(text)
    nums = {number_key(m.group()) for m in NUMBER_RE.finditer(t)}
    words = {normalize_for_matching(m.group()) for m in _LATIN.finditer(t)}
    return frozenset({f"#{n}" for n in nums} | {w for w in words if len(w) >= 2})


def _projection() -> NDArray[np.float32]:
    rng = np.random.default_rng(SLOT_SEED)
    q, _ = np.linalg.qr(rng.standard_normal((DIM, SLOT_DIM)))
    return q.astype(np.float32)


_PROJ: list[NDArray[np.float32]] = []


def doc_vectors(emb: NDArray[np.float32]) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    """Mean vector and order-aware slot vector of a sentence-embedding sequence.

    Slot vector: SLOTS position-weighted means (Gaussian bumps over relative
    position, a smooth stand-in for Thompson & Koehn's PERT weights), each projected
    to SLOT_DIM dims by a fixed seeded orthonormal map, concatenated, normalised.
    Dropping 30 % of sentences keeps relative order, so slots stay comparable.
    """
    if not _PROJ:
        _PROJ.append(_projection())
    n = emb.shape[0]
    mean = emb.mean(axis=0)
    mean = mean / max(float(np.linalg.norm(mean)), 1e-9)
    pos = (np.arange(n) + 0.5) / n
    centres = (np.arange(SLOTS) + 0.5) / SLOTS
    w = np.exp(-((pos[:, None] - centres[None, :]) ** 2) / (2 * (1.0 / SLOTS) ** 2))
    w = w / w.sum(axis=0, keepdims=True)
    slots = (w.T @ emb) @ _PROJ[0]  # (SLOTS, SLOT_DIM)
    flat = slots.reshape(-1)
    flat = flat / max(float(np.linalg.norm(flat)), 1e-9)
    return mean.astype(np.float32), flat.astype(np.float32)


def quantize(emb: NDArray[np.float32]) -> tuple[bytes, bytes]:
    """int8 rows with a float32 scale per row."""
    scale = np.maximum(np.abs(emb).max(axis=1), 1e-9) / 127.0
    q = np.round(emb / scale[:, None]).astype(np.int8)
    return q.tobytes(), scale.astype(np.float32).tobytes()


def dequantize(blob: bytes, scale_blob: bytes) -> NDArray[np.float32]:
    scale = np.frombuffer(scale_blob, dtype=np.float32)
    q = np.frombuffer(blob, dtype=np.int8).reshape(len(scale), -1)
    return (q.astype(np.float32) * scale[:, None]).astype(np.float32)
