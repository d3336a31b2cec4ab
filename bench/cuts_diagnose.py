"""Where each gold dropped clause / insertion is lost on the way to a span flag.

    .venv/bin/python bench/cuts_diagnose.py ROWS.jsonl [ROWS2.jsonl ...] [--half 0]

Reads rows of ``flags_fit.py collect`` (synthetic; seed-0 rows only: case < 10000) and of
``cuts_fit_real.py`` (seen real pairs), both collected with the word gates open, and
sorts every gold span of the two kinds by the first stage that loses it, with the
settings and the fitted ``MODEL`` of this checkout:

- ``unlinked``: no searched link holds its sentence (unlinked, a low-similarity pair, ...);
- ``a_gate``: its link side is not searched (``word_flags._gate``'s ratio / brackets);
  ``a_gate_then_X`` splits those by where the later stages would lose them;
- ``b_no_candidate``: searched, but no candidate (``word_min_unmatched`` of its words
  unmatched, 2+ content words) covers it;
- ``c_not_best``: a candidate covers it, another of its link side ranks higher;
- ``d_under_bar``: ranked best, decision score under the bar;
- ``found``.

Prints one JSON object: counts per source (synthetic half, real split) and kind, and
for the real ones each gold's stage and scores.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

KIND_SIDE = {"partial_omission": "original", "insertion": "translation"}


def _z(side: str, part: str, x: list[float], model: dict[str, Any]) -> float:
    m = model[side]
    w = m[part]
    terms = zip(w, x, m["mean"], m["sd"], strict=False)
    z = w[-1] + sum(wi * (xi - mu) / sd for wi, xi, mu, sd in terms)
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def load(paths: list[Path]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Any]]:
    cands, gates, metas = [], [], []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if "gold_spans" in r:
                    metas.append(r)
                elif r.get("gate"):
                    gates.append(r)
                elif "x" in r:
                    cands.append(r)
    return cands, gates, metas


def diagnose(
    cands: list[dict[str, Any]],
    gates: list[dict[str, Any]],
    metas: list[dict[str, Any]],
    model: dict[str, Any],
    bars: dict[str, float],
    gate: dict[str, float],
    min_unmatched: float,
    source: Any,
) -> list[dict[str, Any]]:
    """One record per gold span: its source, kind, stage and the best scores."""
    by_case: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in cands:
        if r["edited"] and r["x"][4] >= min_unmatched:
            by_case[r["case"]].append(r)
    links: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for g in gates:
        if g["edited"]:
            links[g["case"]].append(g)
    out = []
    for m in metas:
        case = m["case"]
        src = source(m)
        if src is None:
            continue
        for k, (kind, side, sent, a, _b) in enumerate(m["gold_spans"]):
            rec: dict[str, Any] = {"source": src, "kind": kind, "case": case, "sentence": sent}
            if "pair" in m:
                rec["pair"] = m["pair"]
            idx = "o" if side == "original" else "t"
            lk = [g for g in links[case] if sent in g[idx]]
            if not lk:
                rec["stage"] = "unlinked"
                out.append(rec)
                continue
            g = lk[0]
            if side == "original":
                searched = g["ratio"] < gate["original"] or g["o_paren"]
            else:
                searched = g["ratio"] > 1 / gate["translation"] or g["t_paren"]
            mine = [
                r
                for r in by_case[case]
                if r["side"] == side and r["sentence"] in g[idx] and r["key"][0] == g["o"][0]
            ]
            gid = k if "pair" in m else a
            hits = [r for r in mine if r["label"] == 1 and r["gold_id"] == gid]
            for r in mine:
                r["_rank"] = _z(side, "rank", r["x"], model)
            best = max(mine, key=lambda r: r["_rank"]) if mine else None
            if hits:
                rec["gold_rank"] = round(max(r["_rank"] for r in hits), 3)
            if best is not None:
                rec["best_decide"] = round(_z(side, "decide", best["x"], model), 3)
                rec["best_text"] = best["text"][:80]
            if not hits:
                stage = "b_no_candidate"
            elif best is None or not (best["label"] == 1 and best["gold_id"] == gid):
                stage = "c_not_best"
            elif rec["best_decide"] < bars[side]:
                stage = "d_under_bar"
            else:
                stage = "found"
            rec["ratio"] = round(g["ratio"], 3)
            rec["stage"] = stage if searched else "a_gate"
            rec["after_gate"] = stage
            out.append(rec)
    return out


def _missed(recs: list[dict[str, Any]], path: Path) -> Any:
    """The stages of the synthetic golds that ``check`` as a whole missed (no flag of the
    kind hit their span: ``bench/flags.py --span-gold``), matched by case, kind and
    sentence."""
    hit: dict[tuple[int, str, int, int], bool] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["group"] in ("dropped_clause", "insertion"):
                for _side, sent, a, _b in r["spans"]:
                    hit[(r["case"], r["group"], sent, a)] = r["hit"]
    out: dict[str, Counter[str]] = {}
    for rec in recs:
        if not rec["source"].startswith("synthetic"):
            continue
        group = "dropped_clause" if rec["kind"] == "partial_omission" else "insertion"
        keys = [
            key
            for key in hit
            if key[0] == rec["case"] and key[1] == group and key[2] == rec["sentence"]
        ]
        if not keys:
            continue
        c = out.setdefault(f"{rec['source']}/{rec['kind']}", Counter())
        c["gold"] += 1
        if any(hit[key] for key in keys):
            c["found_by_check"] += 1
        else:
            c[rec["stage"]] += 1
    return {k: dict(sorted(v.items())) for k, v in sorted(out.items())}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", type=Path, nargs="+")
    ap.add_argument("--half", type=int, default=0, help="synthetic half to report")
    ap.add_argument("--details", action="store_true", help="list every real gold")
    ap.add_argument(
        "--span-gold",
        type=Path,
        help="bench/flags.py --span-gold output: also count the stages of the golds the "
        "whole check missed (other rules find some the span model loses)",
    )
    args = ap.parse_args()
    from align.check.context import FlagOptions
    from align.check.word_model import MODEL

    o = FlagOptions()
    cands, gates, metas = load(args.rows)

    def source(m: dict[str, Any]) -> str | None:
        if "split" in m:
            return f"real-{m['split']}"
        if m["case"] >= 10000 or m["case"] % 2 != args.half:
            return None
        return f"synthetic-half{args.half}"

    recs = diagnose(
        cands,
        gates,
        metas,
        MODEL,
        {"original": o.word_drop_score, "translation": o.word_insert_score},
        {"original": o.word_ratio_gate, "translation": o.word_insert_gate},
        o.word_min_unmatched,
        source,
    )
    table: dict[str, dict[str, int]] = {}
    for rec in recs:
        for src in (rec["source"], "real-seen" if rec["source"].startswith("real") else None):
            if src is None:
                continue
            key = f"{src}/{rec['kind']}"
            c = table.setdefault(key, Counter())
            c[rec["stage"]] += 1
            c["gold"] += 1
            if rec["stage"] == "a_gate":
                c[f"a_gate_then_{rec['after_gate']}"] += 1
    counts = {k: dict(sorted(v.items())) for k, v in sorted(table.items())}
    result: dict[str, Any] = {"table": counts}
    if args.span_gold:
        result["missed_by_check"] = _missed(recs, args.span_gold)
    if args.details:
        result["real"] = [r for r in recs if r["source"].startswith("real")]
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
