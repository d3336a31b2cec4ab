"""Token rows of USE v3 inside a sentence: word embeddings and ablations for free.

USE v3 sums per-token features before its output head (``align.embed.encoder``), so
the embedding of any *subset* of a sentence's tokens is the head applied to the sum
of their rows plus the BOS/EOS rows. Two things the word-level check needs follow
from one pass over the sentence (which the aligner has usually made already: the
encoder keeps the rows of the texts it pooled last, ``UsemEncoder.token_stash``):

* a word's embedding in context (its tokens' rows: the n-gram convolutions have
  seen its neighbours, which helps a short word find its counterpart);
* the sentence *without* a span (all rows but the span's): how much closer to the
  other side the sentence gets when some words are taken out.

Encoders without this structure get ``None``; callers then encode strings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from align.embed.encoder import Encoder, FloatArray, blas_threads, usem_of
from align.embed.usem_layers import WINDOW_CHARS, pooled_batch
from align.text.normalize import ascii_digits


@dataclass(frozen=True)
class SideTokens:
    """One side of a link as token rows with character spans into the joined text."""

    rows: FloatArray  # (n, dim) inner tokens of every sentence, in order
    spans: tuple[tuple[int, int], ...]  # per row: [start, end) in the joined text
    bos: FloatArray
    eos: FloatArray

    def sums(self, masks: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Pooled sums and lengths per row of ``masks`` (0/1 per token: which to keep);
        ``head`` turns them into unit vectors."""
        total = masks @ self.rows + self.bos + self.eos
        return total, masks.sum(1) + 2


def _offsets(text: str, pieces: Sequence[str]) -> list[tuple[int, int]]:
    """Character span of each sentencepiece piece in ``text`` (best effort: NFKC may
    change characters; an unknown piece takes one character)."""
    out: list[tuple[int, int]] = []
    p, n = 0, len(text)
    for piece in pieces:
        pc = piece.replace("\u2581", " ")
        if pc.startswith(" "):
            while p < n and text[p].isspace():
                p += 1
            pc = pc.lstrip(" ")
        if not pc:
            out.append((p, p))
            continue
        if text.startswith(pc, p):
            out.append((p, p + len(pc)))
            p += len(pc)
            continue
        k = text.find(pc, p, p + len(pc) + 4) if pc != "<unk>" else -1
        if k >= 0:
            out.append((k, k + len(pc)))
            p = k + len(pc)
        else:
            step = 1 if pc == "<unk>" else len(pc)
            out.append((p, min(n, p + step)))
            p = min(n, p + step)
    return out


# a slash glued between two words ("Consul-General/Permanent Representative", "and/or")
_GLUED_SLASH = re.compile(r"(?<=[^\W\d_])/(?=[^\W\d_])")


@functools.lru_cache(maxsize=8192)
def token_key(text: str) -> str:
    """The text the model reads for a sentence's token rows: ASCII digits, and a space
    for a slash glued between two words. Glued, the second word is cut into
    word-inner pieces ("/", "Perm", "anent") whose rows match nothing on the other side,
    and the word view calls it added. Same length as ``text``, so every offset holds;
    only such sentences miss the aligner's stash and are read again."""
    return _GLUED_SLASH.sub(" ", ascii_digits(text))


@functools.lru_cache(maxsize=8192)
def _piece_offsets(sp: Any, key: str, text: str) -> tuple[tuple[int, int], ...]:
    """``_offsets`` of ``key``'s pieces in ``text``, cached: a sentence's word view is
    asked for by several rules and links (and again by each check that reuses the
    article), and tokenizing it again cost 1.5 % of ``check``."""
    return tuple(_offsets(text, [_piece(sp, i) for i in sp.encode(key, out_type=int)]))


@functools.lru_cache(maxsize=65536)
def _piece(sp: Any, i: int) -> str:
    """The piece of id ``i`` (the vocabulary is ~128k pieces; a text uses few)."""
    return str(sp.id_to_piece(i))


def prefetch_tokens(encoder: Encoder, texts: Sequence[str]) -> None:
    """Token rows of ``texts`` in one batch (one model pass has a fixed cost), unless the
    encoder already holds them (the aligner's pass leaves them in its stash)."""
    inner = usem_of(encoder)
    if inner is None:
        return
    keys = list(dict.fromkeys(token_key(t) for t in texts if len(t) <= WINDOW_CHARS))
    missing = [k for k in keys if k not in inner.token_stash][: inner.token_stash_size]
    if missing:
        kept: list[FloatArray] = []
        with blas_threads(inner.threads):
            for start in range(0, len(missing), 64):
                pooled_batch(inner.backend, missing[start : start + 64], kept)
        inner.stash_tokens(missing, kept)


def side_tokens(encoder: Encoder, texts: Sequence[str]) -> SideTokens | None:
    """Token rows of consecutive sentences joined by one space (None: not USE v3)."""
    inner = usem_of(encoder)
    if inner is None or not texts:
        return None
    if any(len(t) > WINDOW_CHARS for t in texts):  # encoded in windows: no word-level view
        return None
    keys = [token_key(t) for t in texts]
    b = inner.backend
    missing = list(dict.fromkeys(k for k in keys if k not in inner.token_stash))
    if missing:
        kept: list[FloatArray] = []
        with blas_threads(inner.threads):
            pooled_batch(b, missing, kept)
        inner.stash_tokens(missing, kept)
    rows, spans = [], []
    base = 0
    bos = eos = None
    for t, k in zip(texts, keys, strict=True):
        r = inner.token_stash[k]
        bos = r[0] if bos is None else bos
        eos = r[-1]
        offs = _piece_offsets(b.sp, k, t)
        inner_rows = r[1:-1]
        m = min(len(offs), len(inner_rows))
        rows.append(inner_rows[:m])
        spans += [(base + a, base + e) for a, e in offs[:m]]
        base += len(t) + 1
    assert bos is not None and eos is not None
    return SideTokens(np.concatenate(rows).astype(np.float32), tuple(spans), bos, eos)


def head(encoder: Encoder, total: FloatArray, length: FloatArray) -> FloatArray:
    """USE v3's output head on pooled sums (unit vectors). Callers cap BLAS threads once
    around a loop of these (``encoder.blas_threads``)."""
    inner = usem_of(encoder)
    assert inner is not None
    return inner.head(total.astype(np.float32), length.astype(np.float32))
