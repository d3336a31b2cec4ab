"""How ``check --unmatched``'s runs (words without a counterpart) relate to real editors'
edits: the reading aid measured on the real dev set (``bench/realdev.py``'s pairs).

    PROVALIGN_REALDEV=DIR .venv/bin/python bench/realdev_unmatched.py [--split SPLIT]

Runs ``cli.py check --unmatched`` on every pair of the chosen splits (default ``seen``;
``held_out`` is every held-out split together, ``all`` every pair, or one split by name)
and prints one JSON object of totals (no pair is listed, so a held-out split can be
measured without being read):

- ``edit_recall``: share of the annotated edits inside sentences (every type but whole
  sentences added or left out and page furniture) whose quote a run on the quote's side
  overlaps; by type too;
- ``run_chars_inside_edits``: share of the runs' characters (edited pairs) inside an
  annotated quote of their side: how much of what is underlined is an edit;
- ``linked_chars_under_runs``: share of the linked sentences' characters under a run, on
  the edited pairs and on the faithful controls apart: on a faithful translation every
  run is paraphrase or the aligner's miss;
- each figure again keeping only runs of at least 2 and 3 content words (``min_words``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from _realdev_set import (  # noqa: E402
    HELD_OUT,
    SEEN,
    SPLITS,
    data_dir,
    has_texts,
    load_pairs,
    split_of,
)
from realdev import locate, run_check  # noqa: E402

from align.sentalign.words import FUNCTION_WORDS  # noqa: E402

WHOLE = ("addition", "omission", "boilerplate")  # whole sentences or furniture


def _content_words(text: str) -> int:
    return sum(
        1 for w in text.split() if any(c.isalnum() for c in w) and w.lower() not in FUNCTION_WORDS
    )


def measure(pairs: list[tuple[dict[str, Any], dict[str, Any]]], min_words: int) -> dict[str, Any]:
    """The figures of the module docstring over ``(pair, check report)`` rows."""
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    inside = run_chars = 0
    under = {"edited": 0, "control": 0}
    linked = {"edited": 0, "control": 0}
    for pair, report in pairs:
        sents = {s: report[s]["sentences"] for s in ("original", "translation")}
        runs = [
            r
            for r in report.get("unmatched", [])
            if _content_words(sents[r["side"]][r["sentence"]]["text"][r["start"] : r["end"]])
            >= min_words
        ]
        kind = "control" if pair["kind"] == "control" else "edited"
        for lk in report["links"]:
            if lk["original"] and lk["translation"]:
                for side in ("original", "translation"):
                    linked[kind] += sum(len(sents[side][i]["text"]) for i in lk[side])
        under[kind] += sum(r["end"] - r["start"] for r in runs)
        quoted: dict[str, list[tuple[int, int, int]]] = {"original": [], "translation": []}
        for edit in pair.get("edits", []):
            where = locate(sents[edit["side"]], edit["quote"])
            quoted[edit["side"]] += where
            if edit["type"] in WHOLE:
                continue
            total[edit["type"]] += 1
            hit[edit["type"]] += any(
                r["side"] == edit["side"] and r["sentence"] == s and r["start"] < b and a < r["end"]
                for s, a, b in where
                for r in runs
            )
        if kind == "edited":
            for r in runs:
                run_chars += r["end"] - r["start"]
                inside += sum(
                    max(0, min(b, r["end"]) - max(a, r["start"]))
                    for s, a, b in quoted[r["side"]]
                    if s == r["sentence"]
                )
    n = sum(total.values())
    return {
        "min_words": min_words,
        "edits_inside_sentences": n,
        "edit_recall": round(sum(hit.values()) / max(1, n), 3),
        "edit_recall_by_type": {k: f"{hit[k]}/{total[k]}" for k in sorted(total)},
        "run_chars_inside_edits": round(inside / max(1, run_chars), 3),
        "linked_chars_under_runs": {
            k: round(under[k] / max(1, linked[k]), 3) for k in ("edited", "control")
        },
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=(*SPLITS, "all", "seen", "held_out"), default="seen")
    args = ap.parse_args(argv)
    folder = data_dir()
    named: dict[str, tuple[str, ...] | None] = {"seen": SEEN, "held_out": HELD_OUT, "all": None}
    scope = named.get(args.split, (args.split,))
    chosen = [p for p in load_pairs() if scope is None or split_of(p) in scope]
    pairs = [p for p in chosen if has_texts(p, folder)]
    if not pairs:
        print(json.dumps({"skipped": f"texts not found in {folder} (set PROVALIGN_REALDEV)"}))
        return 0
    rows = [
        (
            p,
            run_check(
                folder / p["dir"] / "orig.txt",
                folder / p["dir"] / "trans.txt",
                extra=("--unmatched",),
            ),
        )
        for p in pairs
    ]
    out: dict[str, Any] = {
        "split": args.split,
        "articles": len(rows),
        "controls": sum(p["kind"] == "control" for p, _ in rows),
        "texts_missing": [p["id"] for p in chosen if p not in pairs],
    }
    out["runs"] = [measure(rows, k) for k in (1, 2, 3)]
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
