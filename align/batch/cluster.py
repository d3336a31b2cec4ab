"""Batch checks on ``dask.distributed``: a local cluster of processes, or an existing one.

Why Dask and not a home-made pool: its scheduler already re-runs the tasks of a worker that
dies (the batch finishes on the others), balances work as items finish, and the same code
drives one laptop (``LocalCluster``) or many machines (``dask scheduler`` + ``dask worker``).
Imported only when ``--workers`` or ``--scheduler`` is given, so the default path stays light.

Each worker gets ``_WorkerSetup`` once: one BLAS thread (two threads per process on a shared
machine spin against each other, see ``align.embed.encoder.default_threads``) and the encoder
loaded into ``load_encoder``'s per-process cache, so every later task reuses it. Tasks return
rendered reports; the client writes them (``align.batch.run``), so a task that ran twice after a
worker died still writes each file once.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import Any

from align.batch.check import Outcome, Payload, check_payload
from align.errors import BackendError

try:
    from distributed import Client, LocalCluster, WorkerPlugin, as_completed
except ImportError as _exc:  # pragma: no cover - the optional extra is missing
    raise BackendError(
        "--workers and --scheduler need Dask; install it with pip install 'provalign[dask]'"
    ) from _exc


_ENVIRON = "distributed.nanny.pre-spawn-environ"
MMAP_THRESHOLD = 64 * 2**20


class _WorkerSetup(WorkerPlugin):
    """Per worker process: one BLAS thread, and the encoder loaded once."""

    name = "provalign-setup"

    def __init__(self, encoder: str) -> None:
        self.encoder = encoder

    def setup(self, worker: Any) -> None:
        from threadpoolctl import threadpool_limits

        os.environ.setdefault("PROVALIGN_THREADS", "1")
        threadpool_limits(limits=1, user_api="blas")  # for the life of the process
        from align.embed.encoder import load_encoder

        load_encoder(self.encoder)


def connect(workers: int, scheduler: str | None, timeout: float) -> tuple[Any, Any]:
    """A client on a new local cluster of ``workers`` processes or on ``scheduler``; the cluster.

    Raises:
        BackendError: the scheduler does not answer within ``timeout`` seconds.
    """
    if scheduler:
        try:
            client = Client(scheduler, timeout=f"{timeout}s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise BackendError(
                f"no Dask scheduler answers at {scheduler} within "
                f"{timeout:g} s ({type(exc).__name__})"
            ) from None
        return client, None
    import dask

    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_, which also freezes glibc's mmap threshold at
    # 128 KiB: every larger array is then mmapped and zeroed afresh, and a check ran 1.5-1.8x
    # slower in a worker than in process (bench/batch.py). A 64 MiB mmap threshold undoes it.
    with dask.config.set({f"{_ENVIRON}.MALLOC_MMAP_THRESHOLD_": str(MMAP_THRESHOLD)}):
        cluster = _local_cluster(workers)
    return Client(cluster, set_as_default=False), cluster


def _local_cluster(workers: int) -> Any:
    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        # no dashboard; its HTTP server (metrics) on any free port, so another cluster on
        # this machine (on 8787) is no conflict
        dashboard_address=":0",
        scheduler_kwargs={"dashboard": False},
    )


def on_dask(
    todo: Sequence[tuple[int, Payload]],
    workers: int,
    scheduler: str | None,
    timeout: float,
    encoder: str,
) -> Iterator[tuple[int, Outcome]]:
    """Submit every check; yield ``(position, outcome)`` as each finishes, each exactly once."""
    client, cluster = connect(workers, scheduler, timeout)
    try:
        client.register_plugin(_WorkerSetup(encoder))
        futures = {
            client.submit(check_payload, payload, pure=False): (i, payload.item.pair_id)
            for i, payload in todo
        }
        for future in as_completed(list(futures), loop=client.loop):
            i, item_id = futures.pop(future)
            try:
                outcome = future.result()
            except Exception as exc:  # e.g. KilledWorker: the item killed three workers
                outcome = Outcome(item_id, error=f"worker failed ({type(exc).__name__}: {exc})")
            del future  # release it: finished results do not stay in cluster memory
            yield i, outcome
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
