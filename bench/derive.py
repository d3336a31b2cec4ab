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
  (word-set overlap: same topic, often same event type) and of a random one.

How realistic the copy-edits are: ``third`` (and the rewritten clauses of ``editor_*``)
replace words by a synonym from ``SYN`` where it has one, else drop them or put a random
word of *another document* in their place, names and numbers included ("Thanks to
everyone who moisturize my post; carry Nunley working hard"). No editor writes that; it
is a hard case for word-overlap evidence, not a model of editing, and the model partly
learns its artefacts (a name or number not kept reads as copy-editing). Real copy-edited
pairs (an outlet's English edition and a republication of it) would show which of the
generated kinds are realistic.

The "independent" WMT references are often not independent: in many zh-en documents both
were post-edited from one machine translation (shared typos, 60-90 % of word 3-grams
shared); ``independent_by_shared_3grams`` reports accuracy by that share, labels unchanged.

Documents are split into dev and test halves by a hash of their id; the coverage
threshold and the copy model in ``DeriveOptions`` are fitted on dev only (``--fit``; the
model's features were chosen by ``--select``, backward elimination under 5-fold
cross-validation within dev) and accuracy is reported per split.

``fresh``: a split nobody looked at while the features were chosen (the test split's
misses were read once, at the start of that work): the test documents with edits,
condensations and unrelated partners drawn anew (seed ``FRESH_SEED``), plus the WMT22
ru-en documents (``../shared/data/wmt-ruen``, one English translation, not otherwise used
here) for copy-edited and unrelated pairs. Its independent pairs are the test split's
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
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _data import shared_data as shared  # noqa: E402
from _data import wmt_ruen_rows  # noqa: E402
from derive_fit import cv_accuracy, fit, select, write_model  # noqa: E402

from align.provenance.derive import (  # noqa: E402
    COPY_EDITED,
    INDEPENDENT,
    RELATIONS,
    UNRELATED,
    DeriveOptions,
    classify,
    derive_sentences,
    features_of,
)
from align.read.document import LoadOptions, document_from_text  # noqa: E402

FILES = ("wmt22_zh-en.tsv", "wmt22_cs-en.tsv", "wmt23_he-en.tsv")
RUEN = "wmttest2022.ru-en"
FRESH_SEED = 11
SYN = dict(
    pair.split(":")
    for pair in (
        "said:stated announced:declared big:large small:minor large:major help:assist "
        "began:started start:begin started:began important:significant many:numerous "
        "however:but also:additionally show:indicate shows:indicates showed:indicated "
        "people:individuals buy:purchase get:obtain make:create made:created use:employ "
        "used:employed need:require needs:requires very:highly country:nation "
        "government:administration company:firm companies:firms city:town about:around "
        "because:since after:following before:prior before:ahead quickly:rapidly "
        "fast:rapid new:fresh old:former children:kids try:attempt tried:attempted "
        "think:believe thinks:believes enough:sufficient whole:entire almost:nearly "
        "problem:issue problems:issues result:outcome results:outcomes according:pursuant "
        "reported:said world:globe main:principal although:though while:whereas "
        "increase:rise increased:rose decrease:drop decreased:fell home:house "
        "area:region areas:regions week:week-long month:monthly year:annual job:role "
        "jobs:roles work:labour worked:laboured team:squad game:match games:matches "
        "won:secured win:secure lost:forfeited meeting:session told:informed "
        "asked:requested added:noted noted:remarked explained:clarified "
        "women:females men:males man:person woman:lady police:authorities "
        "continue:carry continued:kept should:ought must:has can:may could:might "
        "really:truly often:frequently sometimes:occasionally now:currently "
        "recent:latest recently:lately first:initial last:final end:close "
        "stated:said announced:said warned:cautioned claimed:asserted believed:thought "
        "important:key serious:grave major:big huge:vast approximately:about "
        "include:comprise includes:comprises including:among provide:give provided:gave "
        "receive:get received:got allow:let allowed:let expected:anticipated "
        "happened:occurred occur:happen situation:position measures:steps "
        "possible:feasible difficult:hard currently:presently previously:earlier "
        "immediately:promptly officials:authorities residents:locals citizens:people "
        "during:in despite:notwithstanding therefore:so however:yet reach:hit "
        "reached:hit various:several several:a_few number:count"
    ).split()
)
COPY_KINDS = ("light", "half", "third", "editor_light", "editor_half", "editor_third")
FILLER = [
    "The report was first published by our partner outlet.",
    "Translated and edited by the foreign desk.",
    "Follow us for more updates on this story.",
]


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


def rewrite(
    sent: str,
    share: float,
    rng: np.random.Generator,
    vocab: list[str],
    span: bool = False,
    realistic: bool = False,
) -> str:
    """A ``share`` of the words rewritten: at random places, or (``span``) one run of
    adjacent words, as an editor rewrites a clause. ``realistic`` (``edit_word``): as an
    editor would, from the document's own words; otherwise the old generator (a word of
    any document, names and numbers included)."""
    words = sent.split(" ")
    n = len(words)
    size = int(round(share * n))
    if realistic and not span and n:
        # the share is of all words, drawn from the ones an editor would rewrite (not
        # names, numbers or short function words) while there are enough of them
        ok = [k for k, w in enumerate(words) if _rewritable(w, k)]
        rest = [k for k in range(n) if k not in set(ok)]
        order = list(rng.permutation(ok)) + list(rng.permutation(rest))
        pick: Any = order[:size]
    elif span and n:
        start = int(rng.integers(n - size + 1))
        pick = np.arange(start, start + size)
    else:
        pick = rng.choice(n, size=size, replace=False) if n else []
    for i in sorted(pick, reverse=True):
        # the word's core is rewritten; its punctuation stays (an editor swapping a word
        # keeps the comma after it)
        lead, core, trail = _PUNCT.fullmatch(words[i]).groups()  # type: ignore[union-attr]
        low = core.lower()
        if realistic:
            words[i] = lead + edit_word(core, i, rng, vocab) + trail
        elif low in SYN:
            words[i] = lead + SYN[low] + trail
        elif rng.random() < 0.5:
            words[i] = lead + trail
            if i and not lead and trail:  # the punctuation joins the word before
                words[i - 1] += trail
                words[i] = ""
        else:
            other = _PUNCT.fullmatch(vocab[int(rng.integers(len(vocab)))])
            words[i] = lead + (other.group(2) if other else "") + trail
    return " ".join(w for w in words if w)


# Words an editor cuts without replacing (hedges, intensifiers, filler).
CUTTABLE = frozenset(
    "very really also just quite actually currently still even already further "
    "particularly especially significantly reportedly recently certain some".split()
)
_NUMBER = re.compile(r"\d[\d,.]*")


def edit_word(core: str, i: int, rng: np.random.Generator, vocab: list[str]) -> str:
    """One word as an editor rewrites it (the realistic generator): a synonym where the
    table has one; a name (capitalised inside the sentence) kept; a number kept, or
    re-written as house style does (thousands separator, percent sign); a filler word cut;
    otherwise a content word of *the same document* (``vocab``: its lower-case words of
    over 3 letters) in its place, so the rewrite stays on the story's vocabulary."""
    low = core.lower()
    if low in SYN:
        syn = SYN[low].replace("_", " ")
        return syn[:1].upper() + syn[1:] if core[:1].isupper() else syn
    if i > 0 and core[:1].isupper():
        return core  # names are kept
    if _NUMBER.fullmatch(core):
        if "," in core and rng.random() < 0.5:
            return core.replace(",", "")
        if core.isdigit() and len(core) >= 4 and rng.random() < 0.5:
            return f"{int(core):,}"
        return core
    if low == "percent":
        return "%"
    if low in CUTTABLE:
        return ""
    if len(core) <= 3:
        return "" if low in ("the", "that") and rng.random() < 0.5 else core
    same = [w for w in vocab if _ending(w) == _ending(low) and w != low] or vocab
    if not same:
        return core
    other = same[int(rng.integers(len(same)))]
    return other[:1].upper() + other[1:] if core[:1].isupper() else other


def _rewritable(word: str, k: int) -> bool:
    core = _PUNCT.fullmatch(word).group(2)  # type: ignore[union-attr]
    low = core.lower()
    return (
        low in SYN
        or low in CUTTABLE
        or (core.isalpha() and len(core) > 3 and (k == 0 or not core[:1].isupper()))
    )


def _ending(word: str) -> str:
    """A crude word class by its ending, so a replacement has the same form (a past
    tense for a past tense, an adverb for an adverb)."""
    for end in ("ing", "ed", "ly", "tion", "ment", "s"):
        if word.endswith(end):
            return end
    return ""


_PUNCT = re.compile(r"([^\w]*)(.*?)([^\w]*)", re.S)


def move_clause(sent: str) -> str:
    head, sep, tail = sent.rstrip(".").partition(", ")
    if not sep or not head or len(tail.split()) < 3:
        return sent
    return f"{tail[0].upper()}{tail[1:]}, {head[0].lower()}{head[1:]}."


# editor_*: like a real editor, most sentences untouched and a few rewritten in a run of
# words (a clause): (share of sentences touched, share of their words rewritten);
# editor_third rewrites a third of all words, in half the sentences.
EDITOR = {"light": (0.25, 0.4), "half": (0.25, 0.4), "third": (0.5, 2 / 3)}


def edit(
    sents: list[str],
    kind: str,
    rng: np.random.Generator,
    vocab: list[str],
    realistic: bool = False,
) -> list[str]:
    """A copy-edit of ``sents``: ``light``, ``half``, ``third`` (words rewritten at random
    places in every sentence) or ``editor_light`` / ``editor_half`` / ``editor_third``.
    ``realistic``: words rewritten by ``edit_word`` from the document's own vocabulary
    (``vocab`` is then ignored); else the old generator, a word of ``vocab`` (all
    documents) in place of one without a synonym."""
    if realistic:
        vocab = doc_vocab(sents)
    editor = kind.startswith("editor_")
    kind = kind.removeprefix("editor_")
    keep_share, word_share = {"light": (0.9, 0.1), "half": (0.5, 0.1), "third": (0.8, 1 / 3)}[kind]
    n = len(sents)
    keep = sorted(rng.choice(n, size=max(2, int(round(keep_share * n))), replace=False).tolist())
    out = [sents[i] for i in keep]
    if len(out) >= 3:  # merge two adjacent sentences
        k = int(rng.integers(len(out) - 1))
        out[k : k + 2] = [out[k].rstrip(".") + ", and " + out[k + 1][:1].lower() + out[k + 1][1:]]
    if editor:
        touched, share = EDITOR[kind]
        pick = set(rng.choice(len(out), size=max(1, round(touched * len(out))), replace=False))
        out = [
            rewrite(s, share, rng, vocab, True, realistic) if k in pick else s
            for k, s in enumerate(out)
        ]
    else:
        out = [rewrite(s, word_share, rng, vocab, False, realistic) for s in out]
    if kind != "light" and len(out) >= 4:  # move a paragraph (2-3 sentences)
        size = int(rng.integers(2, 4))
        k = int(rng.integers(len(out) - size + 1))
        block, rest = out[k : k + size], out[:k] + out[k + size :]
        at = int(rng.integers(len(rest) + 1))
        out = rest[:at] + block + rest[at:]
    if kind == "third":
        k = int(rng.integers(len(out)))
        out[k] = move_clause(out[k])
    if kind == "light":
        out.insert(int(rng.integers(len(out) + 1)), FILLER[int(rng.integers(len(FILLER)))])
    return out


def doc_vocab(sents: list[str]) -> list[str]:
    """A document's content words (lower case, letters only, over 3 letters, no names)."""
    out: set[str] = set()
    for s in sents:
        for k, w in enumerate(s.split()):
            core = w.strip(".,;:!?\"'()[]«»“”‘’")
            if core.isalpha() and len(core) > 3 and (k == 0 or not core[:1].isupper()):
                out.add(core.lower())
    return sorted(out)


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


def make_pairs(
    docs: list[dict[str, Any]], seed: int = 7, realistic: bool = False
) -> list[dict[str, Any]]:
    rng = np.random.default_rng(seed)
    vocab = sorted({w for d in docs for s in d["A"] for w in s.split()})
    sets = [frozenset(w.lower() for s in d["A"] for w in s.split() if len(w) > 3) for d in docs]
    pairs = []
    for k, d in enumerate(docs):
        a = d["A"]
        base = {"doc": d["id"], "dev": d["dev"], "shared": d["shared"]}
        if d["B"] is not None:
            b = d["B"]
            pairs.append({**base, "kind": "independent", "rel": INDEPENDENT, "a": a, "b": b})
            nb = len(b)
            keep = sorted(rng.choice(nb, size=max(2, nb - int(round(0.3 * nb))), replace=False))
            cond = [b[i] for i in keep]
            pairs.append(
                {**base, "kind": "independent_condensed", "rel": INDEPENDENT, "a": a, "b": cond}
            )
        for kind in COPY_KINDS:
            b = edit(a, kind, rng, vocab, realistic)
            pairs.append({**base, "kind": f"copy_{kind}", "rel": COPY_EDITED, "a": a, "b": b})
        same = [
            j
            for j, e in enumerate(docs)
            if j != k and e["file"] == d["file"] and e["dev"] == d["dev"]
        ]
        top = max(same, key=lambda j: len(sets[k] & sets[j]) / (len(sets[k] | sets[j]) or 1))
        rand = same[int(rng.integers(len(same)))]
        for kind, j in (("unrelated_same_topic", top), ("unrelated_random", rand)):
            pairs.append({**base, "kind": kind, "rel": UNRELATED, "a": a, "b": docs[j]["A"]})
    return pairs


_CAP = re.compile(r"[A-Z][a-z]{2,}")
# Same-event hard negatives: two documents of one file that share at least ``EVENT_NAMES``
# capitalised words (not sentence-initial) and whose content words (over 4 letters) overlap
# by at least ``EVENT_JACCARD`` (Jaccard): the same event or story told by another outlet,
# or the same product listed twice (G7 warning by rfi and kommersant, Omicron by lenta and
# kp, one hospital case by ceska_televize, aktualne and mediafax).
EVENT_NAMES = 3
EVENT_JACCARD = 0.08


def _names(d: dict[str, Any]) -> set[str]:
    return {
        w.strip(".,;:\"'()")
        for s in d["A"]
        for w in s.split()[1:]
        if _CAP.fullmatch(w.strip(".,;:\"'()"))
    }


def _content(d: dict[str, Any]) -> set[str]:
    return {w.lower().strip(".,;:\"'()") for s in d["A"] for w in s.split() if len(w) > 4}


def same_event_pairs(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Unrelated pairs of English texts about one event, from two source documents
    (``unrelated_same_event``; both directions, and B in the partner's second translation
    when it has one), and the two halves of one document (``unrelated_same_story_half``,
    as ``bench/same_story.py`` makes its negatives: A the first half in one translation, B
    the second half in the other, or in the same one when there is no other; documents of
    at least ``HALF_MIN`` sentences). A pair of documents in different splits is left out."""
    names, content = [_names(d) for d in docs], [_content(d) for d in docs]
    out: list[dict[str, Any]] = []
    for i, d in enumerate(docs):
        for j, e in enumerate(docs):
            if i == j or e["file"] != d["file"] or e["dev"] != d["dev"]:
                continue
            jac = len(content[i] & content[j]) / (len(content[i] | content[j]) or 1)
            if len(names[i] & names[j]) < EVENT_NAMES or jac < EVENT_JACCARD:
                continue
            base = {"doc": d["id"], "dev": d["dev"], "shared": d["shared"], "rel": UNRELATED}
            for b in (e["A"], e["B"]) if e["B"] is not None else (e["A"],):
                out.append({**base, "kind": "unrelated_same_event", "a": d["A"], "b": b})
        if len(d["A"]) >= HALF_MIN and (d["B"] is None or len(d["B"]) >= HALF_MIN):
            h = len(d["A"]) // 2
            other = d["B"] if d["B"] is not None else d["A"]
            b = other[len(other) // 2 :]
            base = {"doc": d["id"], "dev": d["dev"], "shared": d["shared"], "rel": UNRELATED}
            out.append({**base, "kind": "unrelated_same_story_half", "a": d["A"][:h], "b": b})
    return out


HALF_MIN = 8


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
        choices=("realistic", "random"),
        default="realistic",
        help="copy-edit generator: words from the document itself, names and numbers kept "
        "(realistic), or the old one (random words of any document)",
    )
    args = ap.parse_args()
    log("loading and splitting ...")
    docs = load()
    realistic = args.generator == "realistic"
    pairs = make_pairs(docs, realistic=realistic) + same_event_pairs(docs)
    options = DeriveOptions()
    _with_features(pairs, options)
    out: dict[str, Any] = {"docs": len(docs), "pairs": len(pairs), "generator": args.generator}
    dev = [p for p in pairs if p["dev"]]
    feats = options.copy_features
    if args.select:
        out["select"] = path = select(dev)
        feats = tuple(path[-1]["kept"])
    if args.fit or args.select:
        options = fit(dev, options, feats)
        out["fitted"] = {"related": options.related, "features": list(feats)}
        if args.write_model:
            write_model(options, feats, ROOT / "align" / "provenance" / "derive_model.py")
    out["options"] = {"match": options.match, "related": options.related}
    feats = options.copy_features
    out["model"] = {
        "features": list(feats),
        "coef": dict(zip(("intercept", *feats), options.copy_coef, strict=True)),
        "dev_cv_accuracy_copy_vs_independent": round(cv_accuracy(dev, feats), 4),
    }
    for p in pairs:
        p["pred"] = classify(p["feats"], options)[0]
    test = [p for p in pairs if not p["dev"]]
    out["dev"] = accuracy(dev)
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
        fresh = make_pairs(
            [d for d in docs if not d["dev"]] + ruen, seed=FRESH_SEED, realistic=realistic
        )
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
