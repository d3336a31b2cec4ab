"""Sentence-splitting and language-ID benchmark on NTREX (ar, ru, en) and WMT22 (ru, en).

Each document's gold segments are joined into running text: after a segment with
no final punctuation (a headline) comes "\\n\\n", as a heading would end its
paragraph; otherwise a single space. A boundary is the offset where a sentence
starts (not the first); a predicted boundary counts only at exactly the gold offset.
Precision/recall/F1 are micro-averaged over documents. Some NTREX lines hold two
sentences, so precision is a lower bound.

Language ID: per gold segment, accuracy against the file's language of raw seeded
langdetect, of our context-free ``guess_sentence_language`` (script counts, then
langdetect), and of ``sentence_language(s, doc_lang)`` as split_sentences uses it
(where any relabelling of a same-language sentence is an error).

Usage: .venv/bin/python bench/segmentation.py   (prints one JSON object)
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _data import shared_data  # noqa: E402

from align.read.langid import _langdetect, guess_sentence_language, sentence_language  # noqa: E402
from align.read.reader import article_from_text
from align.read.segment import SegmentOptions, split_sentences  # noqa: E402
from align.text.shape import has_terminal  # noqa: E402


def ntrex_docs(data: Path) -> dict[str, list[list[str]]]:
    ids = (data / "ntrex" / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    files = {
        "ar": "newstest2019-ref.arb.txt",
        "ru": "newstest2019-ref.rus.txt",
        "en": "newstest2019-src.eng.txt",
    }
    out: dict[str, list[list[str]]] = {}
    for lang, name in files.items():
        lines = (data / "ntrex" / name).read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(ids), name
        docs: dict[str, list[str]] = {}
        for doc_id, line in zip(ids, lines, strict=True):
            docs.setdefault(doc_id, []).append(line.strip())
        out[lang] = list(docs.values())
    return out


def wmt_docs(data: Path) -> dict[str, dict[str, list[list[str]]]]:
    """{lang: {domain: [segments per doc]}} from wmttest2022.ru-en.tsv."""
    path = data / "wmt-ruen" / "wmttest2022.ru-en.tsv"
    docs: dict[str, dict[str, list[str]]] = defaultdict(dict)
    domains: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            domains[row["doc_id"]] = row["domain"]
            for lang, col in (("ru", "ru"), ("en", "en_A")):
                docs[lang].setdefault(row["doc_id"], []).append(row[col].strip())
    out: dict[str, dict[str, list[list[str]]]] = {}
    for lang, by_id in docs.items():
        out[lang] = defaultdict(list)
        for doc_id, segs in by_id.items():
            out[lang][domains[doc_id]].append(segs)
    return out


def join(segments: list[str]) -> tuple[str, set[int]]:
    parts: list[str] = []
    gold: set[int] = set()
    pos = 0
    for i, seg in enumerate(segments):
        if i:
            sep = " " if has_terminal(segments[i - 1]) else "\n\n"
            parts.append(sep)
            pos += len(sep)
            gold.add(pos)
        parts.append(seg)
        pos += len(seg)
    return "".join(parts), gold


def score_split(docs: list[list[str]], lang: str) -> dict[str, float]:
    tp = fp = fn = 0
    chars = 0
    elapsed = 0.0
    exact = 0
    for segs in docs:
        segs = [s for s in segs if s]
        text, gold = join(segs)
        t0 = time.perf_counter()
        article = article_from_text(text, "<bench>")
        sents = split_sentences(article, SegmentOptions(lang=lang, sentence_lang=False))
        elapsed += time.perf_counter() - t0
        chars += len(text)
        pred = {s.start for s in sents[1:]}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        exact += pred == gold
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "docs": len(docs),
        "docs_exact": exact,
        "chars_per_s": round(chars / elapsed) if elapsed else 0,
    }


def score_langid(docs: list[list[str]], lang: str) -> dict[str, float]:
    segs = [s for d in docs for s in d if s]
    raw = sum(1 for s in segs if (_langdetect(s) or [("", 0.0)])[0][0] == lang)
    ours = sum(1 for s in segs if guess_sentence_language(s) == lang)
    # inside a document of this language, the label split_sentences gives (relabels are errors)
    in_doc = sum(1 for s in segs if sentence_language(s, lang) == lang)
    return {
        "sentences": len(segs),
        "langdetect_accuracy": round(raw / len(segs), 4),
        "langid_accuracy": round(ours / len(segs), 4),
        "in_document_accuracy": round(in_doc / len(segs), 4),
    }


def main() -> None:
    data = shared_data()
    result: dict[str, object] = {"target_f1": 0.98}
    seg: dict[str, dict[str, object]] = {"ntrex": {}, "wmt22": {}}
    lid: dict[str, dict[str, object]] = {"ntrex": {}, "wmt22": {}}
    ntrex = ntrex_docs(data)
    for lang, docs in ntrex.items():
        print(f"ntrex {lang}", file=sys.stderr)
        seg["ntrex"][lang] = score_split(docs, lang)
        lid["ntrex"][lang] = score_langid(docs, lang)
    wmt = wmt_docs(data)
    for lang, by_domain in wmt.items():
        print(f"wmt22 {lang}", file=sys.stderr)
        all_docs = [d for docs in by_domain.values() for d in docs]
        entry: dict[str, object] = dict(score_split(all_docs, lang))
        entry["by_domain"] = {
            dom: {
                k: v
                for k, v in score_split(docs, lang).items()
                if k in ("precision", "recall", "f1", "docs")
            }
            for dom, docs in sorted(by_domain.items())
        }
        seg["wmt22"][lang] = entry
        lid["wmt22"][lang] = score_langid(all_docs, lang)
    result["segmentation"] = seg
    result["langid"] = lid
    result["meets_target"] = {
        lang: float(seg["ntrex"][lang]["f1"]) >= 0.98  # type: ignore[index]
        for lang in ("ar", "ru", "en")
    }
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
