"""Shards of document vectors: retrieval for an index past one machine's memory.

Why shards, and why SQLite stays the default: the SQLite index (``align.provenance.index``)
holds everything about an original in one file and answers by exact dot products over all
document vectors loaded into memory (~2 KB per original with the slot vector). That is the
right design up to a few hundred thousand originals on one machine: no server, one file,
transactions, recall 1. Past that the vectors no longer fit, and one scan is too slow. A
shard folder (``build_shards``) splits the mean vectors by a hash of the original's id into
shards that can live on different machines; each shard is searched on its own (exactly below
``ANN_THRESHOLD`` vectors, with a FAISS IVF index above it, ``align.provenance.ann``) and the
per-shard top candidates are merged. Re-ranking still reads the few top originals from SQLite
by rowid, so SQLite remains the store of record and shards are only a retrieval accelerator
that can be rebuilt from it at any time.

Layout: ``DIR/shards.json`` (dimension, sharding rule, per shard: name, count, ``nprobe``) and
per shard ``DIR/<name>/rowids.npy`` (int64 SQLite rowids), ``means.npy`` (float16, memory-mapped
when searched exactly) and, above the threshold, ``ivf.faiss``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from align.errors import IndexStoreError
from align.provenance.ann import ANN_THRESHOLD, IvfIndex, exact_topk
from align.provenance.docvectors import DIM, SLOT_DIM, SLOTS
from align.read.limits import refuse_special_file

MANIFEST = "shards.json"


def shard_of(doc_id: str, n_shards: int) -> int:
    """Stable shard number of an original (SHA-1 of its id), the same on every machine."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16) % n_shards


def write_shards(
    out_dir: str | Path,
    rowids: np.ndarray,
    vectors: np.ndarray,
    assign: np.ndarray,
    n_shards: int,
    threshold: int = ANN_THRESHOLD,
    progress: Callable[[int], None] = lambda n: None,
) -> dict[str, Any]:
    """Write ``vectors`` (N x 512, unit rows) into ``n_shards`` shards by ``assign``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    shards = []
    for s in range(n_shards):
        sel = np.flatnonzero(assign == s)
        name = f"shard-{s:03d}"
        folder = out / name
        folder.mkdir(exist_ok=True)
        vecs = np.ascontiguousarray(vectors[sel], dtype=np.float32)
        np.save(folder / "rowids.npy", rowids[sel].astype(np.int64))
        np.save(folder / "means.npy", vecs.astype(np.float16))
        entry: dict[str, Any] = {"name": name, "count": int(len(sel)), "nprobe": None}
        if len(sel) > threshold:
            ivf = IvfIndex.build(vecs)
            entry["tuned_recall"] = round(ivf.tune(vecs), 4)
            entry["nprobe"] = ivf.nprobe
            ivf.save(str(folder / "ivf.faiss"))
        shards.append(entry)
        progress(1)
    manifest = {"version": 1, "dim": DIM, "by": "sha1(id) mod n", "shards": shards}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def build_shards(
    index_path: str | Path,
    out_dir: str | Path,
    n_shards: int,
    threshold: int = ANN_THRESHOLD,
    progress: Callable[[int], None] = lambda n: None,
) -> dict[str, Any]:
    """Shard the document vectors of an SQLite index (``provalign index shard``)."""
    from align.provenance.index_file import connect

    conn = connect(index_path, create=False)
    try:
        rows = conn.execute("SELECT rowid, id, doc_vec FROM docs ORDER BY rowid").fetchall()
    except sqlite3.DatabaseError as exc:
        raise IndexStoreError(f"corrupt index: {exc}", path=str(index_path)) from exc
    finally:
        conn.close()
    n = len(rows)
    rowids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=n)
    assign = np.fromiter((shard_of(r[1], n_shards) for r in rows), dtype=np.int64, count=n)
    vecs = np.frombuffer(b"".join(r[2] for r in rows), dtype=np.float16).reshape(n, DIM)
    return write_shards(
        out_dir, rowids, vecs.astype(np.float32), assign, n_shards, threshold, progress
    )


@dataclass
class Shard:
    """One loaded shard: its rowids and either an exact matrix or an IVF index."""

    name: str
    rowids: np.ndarray
    means: np.ndarray | None
    ivf: IvfIndex | None

    @classmethod
    def load(cls, folder: Path, nprobe: int | None) -> Shard:
        rowids = np.load(folder / "rowids.npy")
        if nprobe is not None:
            return cls(folder.name, rowids, None, IvfIndex.load(str(folder / "ivf.faiss"), nprobe))
        return cls(folder.name, rowids, np.load(folder / "means.npy").astype(np.float32), None)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Scores and rowids of the best ``k`` per query (rowid -1 pads a short shard)."""
        if self.ivf is not None:
            scores, pos = self.ivf.search(queries, k)
        else:
            assert self.means is not None
            scores, pos = exact_topk(self.means, queries, k)
        ids = np.where(pos >= 0, self.rowids[np.clip(pos, 0, None)], -1)
        return scores, ids

    @property
    def nbytes(self) -> int:
        vecs = self.ivf.nbytes if self.ivf is not None else int(self.means.nbytes)  # type: ignore[union-attr]
        return vecs + int(self.rowids.nbytes)


def read_manifest(shard_dir: str | Path) -> dict[str, Any]:
    path = Path(shard_dir) / MANIFEST
    refuse_special_file(path)
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexStoreError(
            "no shards here; build them with 'provalign index shard'", path=str(path)
        ) from None
    except (OSError, ValueError) as exc:
        raise IndexStoreError(f"unreadable shard manifest: {exc}", path=str(path)) from None
    return manifest


def merge_topk(
    parts: Sequence[tuple[np.ndarray, np.ndarray]], k: int
) -> tuple[np.ndarray, np.ndarray]:
    """The best ``k`` of every shard's candidates, per query (scores, rowids), best first."""
    scores = np.concatenate([p[0] for p in parts], axis=1)
    ids = np.concatenate([p[1] for p in parts], axis=1)
    scores = np.where(ids >= 0, scores, -np.inf)
    order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(scores, order, axis=1), np.take_along_axis(ids, order, axis=1)


class ShardSet:
    """Every shard of a folder, loaded in this process, searched in parallel threads.

    FAISS and numpy's matrix product release the GIL, so ``threads`` shards are searched at
    once; on a cluster each worker loads the shards it is given instead (``search_shard``).
    """

    def __init__(self, shard_dir: str | Path, threads: int = 2) -> None:
        self.dir = Path(shard_dir)
        self.manifest = read_manifest(self.dir)
        self.shards = [
            Shard.load(self.dir / s["name"], s.get("nprobe")) for s in self.manifest["shards"]
        ]
        self._pool = ThreadPoolExecutor(max_workers=max(1, threads))

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        q = np.atleast_2d(np.asarray(queries, dtype=np.float32))
        parts = list(self._pool.map(lambda s: s.search(q, k), self.shards))
        return merge_topk(parts, k)

    def close(self) -> None:
        self._pool.shutdown(wait=False)


_LOADED: dict[str, Shard] = {}


def search_shard(folder: str, nprobe: int | None, queries: np.ndarray, k: int) -> tuple[Any, Any]:
    """Search one shard, loading it once per process (what a Dask worker runs per shard)."""
    if folder not in _LOADED:
        _LOADED[folder] = Shard.load(Path(folder), nprobe)
    return _LOADED[folder].search(queries, k)


def search_on_cluster(
    client: Any, shard_dir: str | Path, queries: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Search every shard on a Dask cluster (shards on a folder every worker can read), merged.

    Each shard's search is pinned to one worker by hashing its name, so that worker keeps the
    shard loaded between queries instead of every worker loading every shard.
    """
    manifest = read_manifest(shard_dir)
    workers = sorted(client.scheduler_info()["workers"])
    futures = []
    for s in manifest["shards"]:
        folder = str(Path(shard_dir) / s["name"])
        where = [workers[shard_of(s["name"], len(workers))]] if workers else None
        futures.append(
            client.submit(
                search_shard, folder, s.get("nprobe"), queries, k, workers=where, pure=False
            )
        )
    return merge_topk(client.gather(futures), k)


def shard_info(shard_dir: str | Path) -> dict[str, Any]:
    """Per shard: count, search kind, bytes on disk and bytes in memory when loaded."""
    manifest = read_manifest(shard_dir)
    out = []
    for s in manifest["shards"]:
        folder = Path(shard_dir) / s["name"]
        disk = sum(f.stat().st_size for f in folder.iterdir() if f.is_file())
        n = int(s["count"])
        ann = s.get("nprobe") is not None
        memory = n * 8 + (n * (4 * DIM + 8) + int(2 * n**0.5) * 4 * DIM if ann else n * 4 * DIM)
        out.append(
            {
                "name": s["name"],
                "count": n,
                "search": f"ivf (nprobe {s['nprobe']})" if ann else "exact",
                "disk_bytes": disk,
                "memory_bytes": memory,
            }
        )
    return {
        "path": str(shard_dir),
        "by": manifest.get("by"),
        "shards": out,
        "count": sum(s["count"] for s in out),
        "memory_bytes": sum(s["memory_bytes"] for s in out),
        "disk_bytes": sum(s["disk_bytes"] for s in out),
    }


class ShardRetriever:
    """First-stage retrieval for ``Pairer`` from shards; slot vectors come from SQLite."""

    def __init__(self, shard_dir: str | Path, threads: int = 2) -> None:
        self.shards = ShardSet(shard_dir, threads)

    def __call__(
        self, conn: sqlite3.Connection, mean: np.ndarray, k: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rowids, mean cosines and slot vectors of the top ``k`` originals."""
        scores, ids = self.shards.search(mean[None, :], k)
        keep = ids[0] >= 0
        rowids, sims = ids[0][keep], scores[0][keep]
        if len(rowids) == 0:
            return rowids, sims, np.zeros((0, SLOTS * SLOT_DIM), np.float32)
        marks = ",".join("?" * len(rowids))
        got = dict(
            conn.execute(
                f"SELECT rowid, slot_vec FROM docs WHERE rowid IN ({marks})",
                [int(r) for r in rowids],
            ).fetchall()
        )
        present = np.array([int(r) in got for r in rowids], dtype=bool)  # removed since sharding
        rowids, sims = rowids[present], sims[present]
        slots = (
            np.stack([np.frombuffer(got[int(r)], dtype=np.float16) for r in rowids])
            if len(rowids)
            else np.zeros((0, SLOTS * SLOT_DIM), np.float16)
        )
        return rowids, sims, slots.astype(np.float32)
