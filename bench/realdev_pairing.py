"""``pair`` on real republications: the real dev set's originals indexed together, each
English queried against them (many are same-template reports: one leader's calls, one
agency's readouts, which a synthetic index lacks).

    PROVALIGN_REALDEV=DIR .venv/bin/python bench/realdev_pairing.py [--split SPLIT]

Default ``seen``; ``held_out`` is every held-out split together, ``all`` every pair, or
one split by name. Prints one JSON object: ``p_at_1`` (the pair's own original ranked
first) and ``paired_right`` (ranked first and ``paired``), with the pairs that missed
listed only for the seen splits (a held-out split is measured without being read).
Several pairs share an original (two English versions of one release): ranking the other
pair's copy first counts as a miss here, so the figures are a floor, for comparing code.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from _realdev_set import HELD_OUT, SEEN, SPLITS, data_dir, load_pairs, split_of  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="seen")
    args = ap.parse_args()
    chosen = {"seen": SEEN, "held_out": HELD_OUT, "all": SPLITS}.get(args.split, (args.split,))
    folder = data_dir()
    ids = [
        p["id"]
        for p in load_pairs()
        if split_of(p) in chosen
        and (folder / p["id"] / "orig.txt").exists()
        and (folder / p["id"] / "trans.txt").exists()
    ]
    with tempfile.TemporaryDirectory() as tmp:
        originals = Path(tmp) / "originals"
        originals.mkdir()
        for i in ids:
            shutil.copy(folder / i / "orig.txt", originals / f"{i}.txt")
        queries = [str(folder / i / "trans.txt") for i in ids]
        cmd = [sys.executable, str(ROOT / "cli.py"), "pair", "--originals", str(originals)]
        run = subprocess.run(
            [*cmd, *queries, "--format", "json"], capture_output=True, text=True, check=True
        )
    rows = []
    for i, r in zip(ids, json.loads(run.stdout)["results"], strict=True):
        top = r["candidates"][0] if r["candidates"] else None
        first = Path(top["original_id"]).stem if top else None
        rows.append({"id": i, "verdict": r["verdict"], "first": first, "right": first == i})
    out = {
        "split": args.split,
        "n": len(rows),
        "p_at_1": round(sum(r["right"] for r in rows) / max(1, len(rows)), 3),
        "paired_right": round(
            sum(r["right"] and r["verdict"] == "paired" for r in rows) / max(1, len(rows)), 3
        ),
    }
    if set(chosen) <= set(SEEN):
        out["missed"] = [r for r in rows if not (r["right"] and r["verdict"] == "paired")]
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
