"""Sharded retrieval: exact and IVF shards merge to the exact top-k; pairing through shards."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from align.provenance.ann import exact_topk, recall_at_k
from align.provenance.shards import ShardSet, merge_topk, shard_info, shard_of, write_shards
from cli import cli

pytest.importorskip("faiss")

DATA = Path(__file__).resolve().parents[1] / "data" / "pairing"


def _vectors(n: int, seed: int = 0) -> np.ndarray:
    """Draws from one fixed 40-cluster mixture (``seed`` picks the draws, not the clusters)."""
    centres = np.random.default_rng(0).normal(0, 1, (40, 512))
    rng = np.random.default_rng(seed + 1)
    x = centres[rng.integers(0, 40, n)] + rng.normal(0, 0.6, (n, 512))
    return np.asarray(x / np.linalg.norm(x, axis=1, keepdims=True), dtype=np.float32)


def test_shard_of_is_stable_and_spread() -> None:
    assert shard_of("bbc.381736", 8) == shard_of("bbc.381736", 8)
    counts = np.bincount([shard_of(str(i), 4) for i in range(4000)], minlength=4)
    assert counts.min() > 900


def test_exact_and_ivf_shards_match_exact_search(tmp_path: Path) -> None:
    x = _vectors(3000)
    rowids = np.arange(100, 3100, dtype=np.int64)
    assign = np.array([shard_of(str(r), 3) for r in rowids])
    q = _vectors(50, seed=1)
    scores, truth = exact_topk(x.astype(np.float16).astype(np.float32), q, 10)  # as stored
    write_shards(tmp_path / "exact", rowids, x, assign, 3)
    exact = ShardSet(tmp_path / "exact")
    got_scores, got = exact.search(q, 10)
    assert np.array_equal(got, rowids[truth])  # exact shards merged == one exact search
    np.testing.assert_allclose(got_scores, scores, atol=2e-3)  # float16 storage
    manifest = write_shards(tmp_path / "ivf", rowids, x, assign, 3, threshold=500)
    assert all(s["nprobe"] and s["tuned_recall"] >= 0.99 for s in manifest["shards"])
    ivf = ShardSet(tmp_path / "ivf")
    assert recall_at_k(rowids[truth], ivf.search(q, 10)[1]) >= 0.95
    info = shard_info(tmp_path / "ivf")
    assert info["count"] == 3000 and all(s["search"].startswith("ivf") for s in info["shards"])
    exact.close()
    ivf.close()


def test_merge_pads_short_shards() -> None:
    a = (np.array([[0.9, 0.1]]), np.array([[5, -1]]))
    b = (np.array([[0.5, 0.95]]), np.array([[7, 8]]))
    scores, ids = merge_topk([a, b], 3)
    assert ids.tolist() == [[8, 5, 7]]


def test_pairing_through_shards_matches_in_memory(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    from align.provenance.index import add_to_index
    from align.provenance.originals import IndexOptions
    from align.provenance.pairing import PairOptions, pair_translations

    index = tmp_path / "idx.sqlite"
    add_to_index(index, [DATA / "originals"], None, IndexOptions())
    res = runner.invoke(
        cli,
        [
            "index",
            "shard",
            "--index",
            str(index),
            "-n",
            "2",
            "--ann-threshold",
            "3",
            "-o",
            str(tmp_path / "sh"),
        ],
    )
    assert res.exit_code == 0, res.output
    res = runner.invoke(
        cli, ["index", "info", "--index", str(index), "--shards", str(tmp_path / "sh")]
    )
    info = json.loads(res.output)["shards"]
    assert info["count"] == json.loads(res.output)["count"] and len(info["shards"]) == 2
    files = sorted((DATA / "translations").glob("*.txt"))
    plain = pair_translations(files, PairOptions(index=index, top=2))
    sharded = pair_translations(files, PairOptions(index=index, top=2, shards=tmp_path / "sh"))
    assert [(r.verdict, r.candidates[0].original_id if r.candidates else None) for r in plain] == [
        (r.verdict, r.candidates[0].original_id if r.candidates else None) for r in sharded
    ]
