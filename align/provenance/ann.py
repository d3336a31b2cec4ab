"""Top-k inner-product search over one shard of document vectors: exact, or FAISS IVF.

Why these two and where the line is (``bench/index_scale.py``, 512-d unit vectors):

* **Exact** (numpy ``float32`` matrix product, then ``argpartition``) is right until a shard's
  vectors stop fitting comfortably in memory or a query's scan stops fitting the latency budget:
  one query against 100k vectors is ~5-15 ms on one core, and exact has recall 1 by definition.
  So shards up to ``ANN_THRESHOLD`` vectors are searched exactly, which is every index a single
  machine's SQLite default holds today (``align.provenance.index``).
* **FAISS ``IndexIVFFlat``** (inner product) above it: k-means coarse cells (``nlist`` ~ 2 sqrt N),
  each query scans the ``nprobe`` closest cells; ``nprobe`` is stored with the shard and raised
  until the recall measured on held-out-like queries reaches ``target_recall``.

Chosen by measurement (``bench/index_scale.py --compare 100000``, one shard of 100k synthetic
512-d vectors, 2 shared cores at load ~15, so times are noisy but comparable within the run;
IVF then had 4 sqrt N cells and 25 k-means rounds, since cut to 2 sqrt N and 10 rounds):

==================  =======  ======  =========  ======  ======
backend             build s  memory  recall@10  p50 ms  p95 ms
==================  =======  ======  =========  ======  ======
FAISS IVF-Flat      181      199 MB  0.997      0.21    8.3
usearch HNSW f32    1198     273 MB  1.000      1.49    48.4
usearch HNSW f16    531      145 MB  1.000      0.87    9.0
==================  =======  ======  =========  ======  ======

IVF builds 3-7x faster (k-means on a sample plus one assignment pass, against a graph insertion
per vector, the slowest step of the whole index on 2 cores), answers as fast, and holds the
vectors plus a few centroids where HNSW adds graph links; HNSW's recall is higher, and IVF buys
recall with ``nprobe`` at a latency cost that stays far inside the 200 ms budget.

The library is imported only when an ANN shard is built or opened (optional extra ``ann``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from align.errors import BackendError

ANN_THRESHOLD = 100_000  # vectors per shard above which a shard gets an IVF structure
TARGET_RECALL = 0.995  # on tuning queries; fresh ones land ~0.005 lower (bench)


def _faiss() -> Any:
    try:
        import faiss
    except ImportError as exc:
        raise BackendError(
            "shards above 100,000 originals need FAISS: pip install 'provalign[ann]'"
        ) from exc
    return faiss


def exact_topk(matrix: np.ndarray, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Scores and row positions of the ``k`` best rows per query, best first."""
    n = matrix.shape[0]
    k = min(k, n)
    if k == 0:
        empty = np.zeros((queries.shape[0], 0))
        return empty.astype(np.float32), empty.astype(np.int64)
    sims = queries.astype(np.float32) @ matrix.astype(np.float32, copy=False).T
    top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    part = np.take_along_axis(sims, top, axis=1)
    order = np.argsort(-part, axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1), np.take_along_axis(top, order, axis=1)


@dataclass
class IvfIndex:
    """A trained FAISS IVF-Flat index over one shard's vectors (positions are row numbers)."""

    index: Any
    nprobe: int

    @classmethod
    def build(cls, vectors: np.ndarray, seed: int = 0) -> IvfIndex:
        faiss = _faiss()
        x = np.ascontiguousarray(vectors, dtype=np.float32)
        n, dim = x.shape
        nlist = max(1, min(int(2 * math.sqrt(n)), n // 39))  # FAISS wants 39 points a cell
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
        rng = np.random.default_rng(seed)
        # 40 points a cell and 10 k-means rounds: cells only route queries, nprobe (tuned
        # below) buys back any recall a rougher clustering costs, and training stays seconds
        sample = x[rng.choice(n, size=min(n, 40 * nlist), replace=False)]
        index.cp.seed = seed
        index.cp.niter = 10
        index.train(sample)
        index.add(x)
        return cls(index, 8)

    def tune(
        self, vectors: np.ndarray, target: float = TARGET_RECALL, k: int = 10, seed: int = 1
    ) -> float:
        """Raise ``nprobe`` until recall@k on 200 held-out-like queries reaches ``target``.

        Queries are stored vectors with noise added, as far from them as a translation's
        document vector is from its original's (noise 0.04 per dimension: cosine ~0.75; with
        0.02, cosine ~0.9, the tuned ``nprobe`` reached only 0.977 on fresh queries at 1M and
        0.82 on real NTREX ones); truth is exact search. Returns the recall reached.
        """
        rng = np.random.default_rng(seed)
        picks = vectors[rng.choice(len(vectors), size=min(200, len(vectors)), replace=False)]
        q = picks + rng.normal(0, 0.04, picks.shape).astype(np.float32)
        q /= np.linalg.norm(q, axis=1, keepdims=True)
        _, truth = exact_topk(vectors, q, k)
        recall = 0.0
        while True:
            _, got = self.search(q, k)
            recall = recall_at_k(truth, got)
            if recall >= target or self.nprobe >= self.index.nlist:
                break
            self.nprobe = min(self.index.nlist, self.nprobe * 2)
        # one more doubling as margin: a translation's vector sits further from its
        # original's than these noise queries from theirs
        self.nprobe = min(self.index.nlist, self.nprobe * 2)
        return recall

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        self.index.nprobe = self.nprobe
        scores, pos = self.index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
        return scores, pos.astype(np.int64)

    def save(self, path: str) -> None:
        _faiss().write_index(self.index, path)

    @classmethod
    def load(cls, path: str, nprobe: int) -> IvfIndex:
        return cls(_faiss().read_index(path), nprobe)

    @property
    def nbytes(self) -> int:
        """Vectors plus centroids plus ids (what the index keeps in memory)."""
        n, d = self.index.ntotal, self.index.d
        return int(n * (4 * d + 8) + self.index.nlist * 4 * d)


def recall_at_k(truth: np.ndarray, got: np.ndarray) -> float:
    """Share of the exact top-k found in the approximate top-k, averaged over queries."""
    hits = sum(len(set(t.tolist()) & set(g.tolist())) for t, g in zip(truth, got, strict=True))
    return hits / max(1, truth.size)
