"""provalign batch on Dask: a real scheduler and two workers on 127.0.0.1, started here.

Small on purpose (a few demo pairs): the workers are separate processes, so this checks
what matters (same bytes as in process, a killed worker loses and duplicates nothing, a
dead scheduler address fails fast) without timing anything.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")

from align.batch.inputs import read_batch_manifest  # noqa: E402
from align.batch.run import BatchOptions, run_batch  # noqa: E402
from cli import cli  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "corpora" / "demo"
SCHEDULER = "from distributed.cli.dask_scheduler import main; main()"
WORKER = "from distributed.cli.dask_worker import main; main()"


@pytest.fixture(scope="module")
def cluster(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, list[subprocess.Popen[bytes]]]]:
    """``dask scheduler`` and two nanny-less ``dask worker`` processes, torn down after."""
    tmp = tmp_path_factory.mktemp("dask")
    info = tmp / "scheduler.json"
    common = ["--no-dashboard"]
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                SCHEDULER,
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--scheduler-file",
                str(info),
                *common,
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    deadline = time.monotonic() + 60
    while not info.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    address = json.loads(info.read_text())["address"]
    for _ in range(2):
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    WORKER,
                    "--scheduler-file",
                    str(info),
                    "--nthreads",
                    "1",
                    "--no-nanny",
                    "--host",
                    "127.0.0.1",
                    *common,
                ],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    from distributed import Client

    with Client(address, timeout="30s", set_as_default=False) as client:
        client.wait_for_workers(2, timeout=60)
    yield address, procs[1:]
    for p in procs:
        p.kill()
        p.wait()


def _items(tmp: Path) -> list[Any]:
    lines = ["id\toriginal\ttranslation"]
    for line in (DEMO / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        pid, orig, trans = line.split("\t")[:3]
        lines.append(f"{pid}\t{DEMO / orig}\t{DEMO / trans}")
    (tmp / "m.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_batch_manifest(tmp / "m.tsv")


def _files(out: Path) -> dict[str, str]:
    """Every output file, its batch timestamp replaced (the only allowed difference)."""
    created = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))["created"]
    return {
        p.name: p.read_text(encoding="utf-8").replace(created, "CREATED")
        for p in sorted(out.iterdir())
        if p.is_file()
    }


def test_dask_matches_in_process_and_survives_a_killed_worker(
    tmp_path: Path, cluster: tuple[str, list[subprocess.Popen[bytes]]]
) -> None:
    address, workers = cluster
    items = _items(tmp_path)
    options = BatchOptions(formats=("html",))
    local = run_batch(items, tmp_path / "local", options)
    ticks = []

    def kill_one_worker(n: int) -> None:  # mid-batch: after the first item comes back
        ticks.append(n)
        if len(ticks) == 1:
            workers[0].send_signal(signal.SIGKILL)

    remote = run_batch(
        items,
        tmp_path / "remote",
        BatchOptions(formats=("html",), scheduler=address),
        kill_one_worker,
    )
    assert workers[0].wait(timeout=10) == -signal.SIGKILL
    assert len(ticks) == len(items) and not remote.failed, remote.rows
    assert [r.item_id for r in remote.rows] == [i.pair_id for i in items]
    assert _files(tmp_path / "remote") == _files(tmp_path / "local")
    assert len(local.rows) == len(items)


def test_cli_local_cluster_matches_in_process(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    items = _items(tmp_path)[:2]
    run_batch(items, tmp_path / "local")
    manifest = tmp_path / "two.tsv"
    manifest.write_text(
        "id\toriginal\ttranslation\n"
        + "".join(f"{i.pair_id}\t{i.original}\t{i.translation}\n" for i in items),
        encoding="utf-8",
    )
    res = runner.invoke(cli, ["batch", str(manifest), "-o", str(tmp_path / "d"), "--workers", "2"])
    assert res.exit_code == 0, res.output
    assert _files(tmp_path / "d") == _files(tmp_path / "local")


def test_scheduler_that_does_not_answer(tmp_path: Path) -> None:
    import socket

    from align.errors import BackendError

    with socket.socket() as s:  # a free port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    start = time.monotonic()
    with pytest.raises(BackendError, match=f"no Dask scheduler answers at {address} within 5 s"):
        run_batch(_items(tmp_path)[:1], tmp_path / "lib", BatchOptions(scheduler=address))
    assert time.monotonic() - start < 10
    res = subprocess.run(  # the same as one line from the CLI, no traceback
        [
            sys.executable,
            "cli.py",
            "batch",
            str(DEMO / "manifest.tsv"),
            "-o",
            str(tmp_path / "o"),
            "--scheduler",
            address,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 1
    assert res.stderr.strip().splitlines() == [
        f"Error: no Dask scheduler answers at {address} within 5 s (OSError)"
    ]


def test_shards_searched_on_the_cluster_merge_like_local(
    tmp_path: Path, cluster: tuple[str, list[subprocess.Popen[bytes]]]
) -> None:
    import numpy as np
    from distributed import Client

    from align.provenance.shards import ShardSet, search_on_cluster, shard_of, write_shards

    rng = np.random.default_rng(3)
    x = rng.normal(0, 1, (2000, 512)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    rowids = np.arange(2000, dtype=np.int64)
    write_shards(tmp_path, rowids, x, np.array([shard_of(str(r), 3) for r in rowids]), 3)
    q = x[:5] + 0.01
    local = ShardSet(tmp_path).search(q, 10)
    with Client(cluster[0], timeout="30s", set_as_default=False) as client:
        remote = search_on_cluster(client, tmp_path, q, 10)
    assert np.array_equal(local[1], remote[1]) and remote[1][:, 0].tolist() == [0, 1, 2, 3, 4]
