"""Benchmark ``provalign derive``: copy_edited / independent_translation / unrelated.

Run: ``.venv/bin/python bench/derive.py [--dump rows.json]``; prints one JSON object to stdout.
Seeded and reproducible.

Data (``../shared/data/wmt-2ref``, research use only, nothing of it is committed): news and
other documents with two independent English translations (en_A, en_B) of one source
(WMT22 zh-en, cs-en, WMT23 he-en), documents of at least 4 segments, each split into
sentences by provalign's own segmenter. Pairs (A, B) per document:

* ``independent_translation``: en_A -> en_B, and en_A -> en_B condensed (30 % of
  sentences dropped);
* ``copy_edited``: en_A -> an edit of en_A made here, at three strengths:
  light (10 % of sentences dropped, one merge, 10 % of words rewritten, one
  sentence added), half (only half of the sentences kept, a merge, a paragraph moved,
  10 % words rewritten) and third (a third of the words rewritten: a synonym where
  the table has one, else the word is dropped or replaced by a word of another
  document; 20 % of sentences dropped, a paragraph moved, a clause moved);
* ``unrelated``: en_A -> en_A of the most similar other document of the same file
  (word-set overlap: same topic, often same event type) and of a random one;
* same-event hard negatives (``same_event_pairs``, ``unrelated``): an index of news holds
  many articles about each event, and another outlet's article shares its names, numbers
  and topic words but not its sentences. ``unrelated_same_event``: two documents of one
  file sharing at least 3 names and 8 % of their content words (a hospital case told by
  ceska_televize, aktualne and mediafax; a basketball game in two he-en sports pieces),
  in both directions and with B in either translation; ``unrelated_same_story_half``: the
  first half of a document against the second half in the other translation, as
  ``bench/same_story.py`` makes its negatives. Dev and test take their own documents
  (a pair across the split is left out); the fresh split takes WMT22 ru-en's (G7 warning
  by rfi and kommersant, Omicron by lenta, kp, belta and infox, twin product listings).

Copy-edit generators (``--generator``; figures are reported for both):

* ``random`` (the old one): ``third`` (and the rewritten clauses of ``editor_*``) replace
  words by a synonym from ``SYN`` where it has one, else drop them or put a random word of
  *another document* in their place, names and numbers included ("Thanks to everyone who
  moisturize my post; carry Nunley working hard"). No editor writes that, and the model
  partly learns its artefacts (a name or number not kept reads as copy-editing);
* ``realistic`` (default): the rewritten words are drawn from those an editor rewrites
  (not names, numbers or short function words, while there are enough), and each becomes
  a synonym from ``SYN`` where it has one, a number in another house style (thousands
  separator, percent sign) or kept, a filler word cut, else a content word of *the same
  document* with the same ending (a past tense for a past tense); and one sentence of
  the most similar other document is added, as an editor adds context from elsewhere; and
  (``--inflect``, default ``INFLECT_SHARE`` 0.05) a share of those rewritten words is put
  in another form of the same word (tense or number made to agree: "reported" ->
  "reporting"), so that the model does not read every inflected word as a second
  translator's (``derive``'s ``stem_mates``; ``--inflect 0`` is the generator before this
  was added, pair for pair) (the
  random generator adds no content, so a model fitted on it reads any material of B's own
  as a second translator's). Still not an editor's
  paraphrase (that needs a language model), but on the story's own vocabulary with names
  and numbers as an editor leaves them. Real copy-edited pairs (an outlet's English
  edition and a republication of it) would show which of the kinds are realistic.

The "independent" WMT references are often not independent: in many zh-en documents both
were post-edited from one machine translation (shared typos, 60-90 % of word 3-grams
shared); ``independent_by_shared_3grams`` reports accuracy by that share, labels unchanged.

Documents are split into dev and test halves by a hash of their id; the relatedness rule
(the move cost of the in-order chain and the threshold on its share) and the copy model in
``DeriveOptions`` are fitted on dev only (``--fit``; the
shipped model is fitted on the dev pairs of *both* generators with every candidate
feature, ``--fit --all-features --write-model --generator both``: a model fitted on the
random generator alone reads a kept name or number as a second translator's and calls
most realistic light copy-edits independent (copy-edited accuracy 0.52), and one fitted on
the realistic generator alone calls a hand-written light edit that reorders a few words
independent (the generator never adds or reorders words). ``--select``: backward
elimination under 5-fold cross-validation within dev. Accuracy is reported per split and
per generator (run without ``--fit``, once per ``--generator``). ``dev`` is in-sample;
``dev_cv`` is dev with the copy model cross-validated by document (``FOLDS`` folds, on
the run's generator; the relatedness rule's two numbers stay fitted on all of dev).

``fresh``: a split nobody looked at while the features were chosen (the test split's
misses were read once, at the start of that work): the test documents with edits,
condensations and unrelated partners drawn anew (seed ``FRESH_SEED``), plus the WMT22
ru-en documents (``../shared/data/wmt-ruen``, one English translation, not otherwise used
here) for copy-edited and unrelated pairs, and the same-event negatives among those. Its
independent pairs are the test split's
document pairs (full ones identical, condensed ones condensed anew): no other two-reference
documents exist here.

Timing: median ms per pair of the full derive (alignment, diff, chrF, TER) on 30-sentence
pairs, after loading, and of the relation alone (no sacrebleu chrF/TER).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _data import shared_data as shared  # noqa: E402
from _data import wmt_ruen_rows  # noqa: E402
from derive_fit import (  # noqa: E402
    CANDIDATES,
    cv_accuracy,
    cv_relations,
    fit,
    fit_related,
    select,
    write_model,
)
from derive_pairs import (  # noqa: E402, F401  (chain.py: edit)
    INFLECT_SHARE,
    edit,
    make_pairs,
    same_event_pairs,
)

from align.provenance.derive import (  # noqa: E402
    INDEPENDENT,
    RELATIONS,
    DeriveOptions,
    classify,
    derive_sentences,
    features_of,
)
from align.provenance.derive_features import ordered_share, worded  # noqa: E402
from align.read.document import LoadOptions, document_from_text  # noqa: E402

FILES = ("wmt22_zh-en.tsv", "wmt22_cs-en.tsv", "wmt23_he-en.tsv")
RUEN = "wmttest2022.ru-en"
FRESH_SEED = 11


def log(*a: Any) -> None:
    print(*a, file=sys.stderr, flush=True)


def is_dev(key: str) -> bool:
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0


def split(segments: list[str]) -> list[str]:
    doc = document_from_text("\n".join(segments), LoadOptions(lang="en"))
    return doc.texts


# A document whose two "independent" references have one identical segment of at least
# this many words: no two translators word 15+ words alike by chance, so B (or both) was
# post-edited from a shared text (A itself or one MT output); reported separately.
SHARED_WORDS = 15


def load() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for name in FILES:
        by: dict[str, dict[str, list[str]]] = {}
        with open(shared() / "wmt-2ref" / name, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                d = by.setdefault(row["doc_id"], {"A": [], "B": []})
                d["A"].append(row["en_A"])
                d["B"].append(row["en_B"])
        for doc_id, d in by.items():
            if len(d["A"]) >= 4:
                docs.append(
                    {
                        "id": f"{name}/{doc_id}",
                        "file": name,
                        "A": split(d["A"]),
                        "B": split(d["B"]),
                        "dev": is_dev(doc_id),
                        "shared": any(
                            x == y and len(x.split()) >= SHARED_WORDS
                            for x, y in zip(d["A"], d["B"], strict=True)
                        ),
                    }
                )
    return docs


def load_ruen() -> list[dict[str, Any]]:
    """WMT22 ru-en documents of at least 4 segments (one English translation: no B)."""
    by: dict[str, list[str]] = {}
    for row in wmt_ruen_rows():
        by.setdefault(row["doc_id"], []).append(row["en_A"])
    return [
        {"id": f"{RUEN}/{k}", "file": RUEN, "A": split(v), "B": None, "dev": False}
        | {"shared": False}
        for k, v in by.items()
        if len(v) >= 4
    ]


def accuracy(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"n": len(rows)}
    for rel in RELATIONS:
        sub = [r for r in rows if r["rel"] == rel]
        out[rel] = round(float(np.mean([r["pred"] == rel for r in sub])), 4) if sub else None
    kinds = sorted({r["kind"] for r in rows})
    out["by_kind"] = {
        k: round(float(np.mean([r["pred"] == r["rel"] for r in rows if r["kind"] == k])), 4)
        for k in kinds
    }
    out["by_file"] = {
        f: round(float(np.mean([r["pred"] == r["rel"] for r in rows if r["doc"].startswith(f)])), 4)
        for f in (*FILES, RUEN)
        if any(r["doc"].startswith(f) for r in rows)
    }
    out["overall"] = round(float(np.mean([r["pred"] == r["rel"] for r in rows])), 4)
    # each relation weighs the same (the splits hold 6 copy kinds to 2 independent ones)
    out["balanced"] = round(
        float(np.mean([out[rel] for rel in RELATIONS if out[rel] is not None])), 4
    )
    return out


def _with_features(pairs: list[dict[str, Any]], options: DeriveOptions) -> None:
    for p in pairs:
        p["feats"], rows = features_of(p["a"], p["b"], options)
        p["src"] = [r[:3] for r in rows]
        p["worded"] = worded(p["b"])  # the in-order share's denominator


def _errors(pairs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"doc": p["doc"], "kind": p["kind"], "pred": p["pred"], **p["feats"]}
        for p in pairs
        if p["pred"] != p["rel"]
    ][:30]


def _by_ng3(pairs: list[dict[str, Any]]) -> dict[str, list[float]]:
    """Independent pairs' accuracy [accuracy, n] by the share of B's word 3-grams found in
    A (below 0.6, and 0.6 or more: B and A most likely post-edited from one text)."""
    out = {}
    for name, keep in (("below_0.6", lambda v: v < 0.6), ("0.6_or_more", lambda v: v >= 0.6)):
        sub = [p for p in pairs if p["rel"] == INDEPENDENT and keep(p["feats"]["ng3"])]
        acc = float(np.mean([p["pred"] == p["rel"] for p in sub])) if sub else float("nan")
        out[name] = [round(acc, 4), len(sub)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit", action="store_true", help="fit threshold and model on dev")
    ap.add_argument("--write-model", action="store_true", help="with --fit: write derive_model.py")
    ap.add_argument("--select", action="store_true", help="choose features on dev, then --fit")
    ap.add_argument("--no-fresh", action="store_true", help="skip the fresh split")
    ap.add_argument("--dump", help="write per-pair rows (features) to this JSON file")
    ap.add_argument(
        "--generator",
        choices=("realistic", "random", "both"),
        default="realistic",
        help="copy-edit generator: words from the document itself, names and numbers kept "
        "(realistic), the old one (random words of any document), or both (the pairs of "
        "each: how the shipped model is fitted)",
    )
    ap.add_argument(
        "--inflect",
        type=float,
        default=INFLECT_SHARE,
        help="realistic generator: share of rewritten words put in another form of the same "
        "word (0: the generator before inflections were added)",
    )
    ap.add_argument(
        "--all-features", action="store_true", help="with --fit: every candidate feature"
    )
    args = ap.parse_args()
    log("loading and splitting ...")
    docs = load()
    gens = {"realistic": (True,), "random": (False,), "both": (False, True)}[args.generator]
    pairs = [p for g in gens for p in make_pairs(docs, realistic=g, inflect=args.inflect)]
    pairs += same_event_pairs(docs)
    options = DeriveOptions()
    _with_features(pairs, options)
    out: dict[str, Any] = {"docs": len(docs), "pairs": len(pairs), "generator": args.generator}
    out["inflect"] = args.inflect
    dev = [p for p in pairs if p["dev"]]
    feats = CANDIDATES if args.all_features else options.copy_features
    if args.select:
        out["select"] = path = select(dev)
        feats = tuple(path[-1]["kept"])
    if args.fit or args.select:
        options = fit(dev, options, feats)
        out["fitted"] = {
            "related_accuracy_by_move_cost_dev": fit_related(dev, options)[2],
            "related": options.related,
            "order_move": options.order_move,
            "features": list(feats),
        }
        if args.write_model:
            write_model(options, feats, ROOT / "align" / "provenance" / "derive_model.py")
    for p in pairs:  # the in-order share under the fitted move cost
        p["feats"]["ordered"] = ordered_share(
            p["src"], p["worded"], options.order_move, options.match
        )
    out["options"] = {
        "match": options.match,
        "related": options.related,
        "order_move": options.order_move,
    }
    feats = options.copy_features
    out["model"] = {
        "features": list(feats),
        "coef": dict(zip(("intercept", *feats), options.copy_coef, strict=True)),
        "dev_cv_accuracy_copy_vs_independent": round(cv_accuracy(dev, feats), 4),
    }
    for p in pairs:
        p["pred"] = classify(p["feats"], options)[0]
    test = [p for p in pairs if not p["dev"]]
    out["dev"] = accuracy(dev)  # in-sample: the model and the relatedness rule are fitted on dev
    cv_pred = cv_relations(dev, feats, options.related)
    cv_rows = [dict(p, pred=v) for p, v in zip(dev, cv_pred, strict=True)]
    out["dev_cv"] = accuracy(cv_rows)  # the copy model cross-validated within dev
    out["test"] = accuracy(test)
    out["test_issue_kinds"] = accuracy(
        [p for p in test if not p["kind"].startswith("copy_editor_")]
    )
    out["shared_segment_docs"] = {
        f: [sum(d["shared"] for d in docs if d["file"] == f), sum(d["file"] == f for d in docs)]
        for f in FILES
    }
    out["test_without_shared_segment_docs"] = accuracy([p for p in test if not p["shared"]])
    out["errors_test"] = _errors(test)
    out["independent_by_shared_3grams"] = {"test": _by_ng3(test)}
    if not args.no_fresh:
        ruen = load_ruen()
        fresh_docs = [d for d in docs if not d["dev"]] + ruen
        fresh = [
            p
            for g in gens
            for p in make_pairs(fresh_docs, seed=FRESH_SEED, realistic=g, inflect=args.inflect)
        ]
        fresh += same_event_pairs(ruen)
        _with_features(fresh, options)
        for p in fresh:
            p["pred"] = classify(p["feats"], options)[0]
        out["fresh"] = accuracy(fresh)
        out["independent_by_shared_3grams"]["fresh"] = _by_ng3(fresh)
        out["fresh_errors"] = _errors(fresh)
    # timing: full derive (diff, chrF, TER) on pairs cut to 30 B sentences
    sample = [p for p in pairs if len(p["a"]) >= 30][::3][:90]
    lat, decide = [], []
    derive_sentences(["warm up."], ["warm up."], options)
    for p in sample:
        t = time.perf_counter()
        derive_sentences(p["a"][:30], p["b"][:30], options)
        lat.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        derive_sentences(p["a"][:30], p["b"][:30], options, scores=False)
        decide.append((time.perf_counter() - t) * 1000)
    out["timing_30_sentences"] = {
        "pairs": len(lat),
        "relation_only_ms_median": round(float(np.median(decide)), 1) if decide else None,
        "ms_median": round(float(np.median(lat)), 1) if lat else None,
        "ms_p95": round(float(np.percentile(lat, 95)), 1) if lat else None,
    }
    if args.dump:
        Path(args.dump).write_text(
            json.dumps(
                [{k: p[k] for k in ("doc", "kind", "rel", "dev", "shared", "feats")} for p in pairs]
            )
        )
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
