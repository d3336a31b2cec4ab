"""Benchmark the review app: a 40-sentence pair from upload to rendered report.

Run: ``.venv/bin/python bench/serve.py [--runs 5]``; prints one JSON object.

Starts a real ``provalign serve --port 0`` process (as a user would), uploads 40
NTREX-128 Arabic lines (``../shared/data/ntrex``, or $PROVALIGN_SHARED) and their
English lines with two dropped (so there are flags to review), follows the redirect to
the review page and fetches the rendered report; each run takes the next 40 lines, so
no embedding is cached. ``cold_s`` is the first check, sent as soon as the server
listens (the encoder is still loading in the background); ``warm_s`` the median of
the next runs. Page weights are the bytes of
the home, review and report pages (each self-contained: no other request).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from _data import shared_data as shared  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--wait", type=float, default=0.0, help="seconds between start-up and the first check"
    )
    args = parser.parse_args()
    data = shared() / "ntrex"
    ar_all = (data / "newstest2019-ref.arb.txt").read_text(encoding="utf-8").splitlines()
    en_all = (data / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PROVALIGN_CACHE_DIR=str(Path(tmp) / "cache"))
        command = [sys.executable, str(ROOT / "cli.py"), "serve", "--port", "0", "--open", tmp]
        with subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
        ) as proc:
            try:
                assert proc.stdout is not None
                base = proc.stdout.readline().split()[2].rstrip("/")
                client = httpx.Client(base_url=base, timeout=120)
                time.sleep(args.wait)
                home = client.get("/")
                token = re.search(r'name="csrf" value="([0-9a-f]+)"', home.text)
                assert token is not None
                times, weights = [], {}
                for run in range(args.runs):  # a new 40-line window each run: no cache hits
                    ar = ar_all[40 * run : 40 * run + 40]
                    en = [
                        x
                        for n, x in enumerate(en_all[40 * run : 40 * run + 40])
                        if n not in (12, 27)
                    ]
                    start = time.perf_counter()
                    r = client.post(
                        "/check",
                        data={"csrf": token.group(1)},
                        files={
                            "original_file": ("a.ar.txt", "\n".join(ar).encode()),
                            "translation_file": ("a.en.txt", "\n".join(en).encode()),
                        },
                        follow_redirects=True,
                    )
                    r.raise_for_status()
                    report_id = str(r.url).rsplit("/", 1)[1]
                    report = client.get(f"/report/{report_id}")
                    report.raise_for_status()
                    times.append(time.perf_counter() - start)
                    weights = {
                        "home_bytes": len(client.get("/").content),
                        "review_bytes": len(r.content),
                        "report_bytes": len(report.content),
                    }
            finally:
                proc.terminate()
                proc.wait(10)
    print(
        json.dumps(
            {
                "pair": "NTREX-128, 40 Arabic lines -> 38 English lines, a new window each run",
                "cold_s": round(times[0], 3),
                "warm_s": round(statistics.median(times[1:]), 3) if len(times) > 1 else None,
                "runs": [round(t, 3) for t in times],
                "wait_s": args.wait,
                "target_s": 3.0,
                **weights,
                "cpus": os.cpu_count(),
                "note": "shared machine: timings are noisy",
            }
        )
    )


if __name__ == "__main__":
    main()
