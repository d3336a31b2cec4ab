"""Alignment benchmark: accuracy on gold and synthetic edits, speed, peers. Prints JSON.

Usage: .venv/bin/python bench/alignment.py [--quick] [--speed-only | --accuracy-only]
       .venv/bin/python bench/alignment.py --cv [--quick] [--accurate [--all]] [--cache DB]
           [--only PREFIX] [--save-runs FILE] [--levels a,b] [--exact] [--skip-both]
           [--vary FIELD=a,b ...]
       .venv/bin/python bench/alignment.py --accurate-speed [N]

``--cv``: every gold set together (``bench/gold_cv.py``), each fold scored with the
setting chosen on the others; prints held-out strict F1 per set and per fold.

* Text+Berg dev (de-fr, hand-aligned, 41.7 % non-1:1 links): strict and lax F1, and
  strict F1 of each half of the document on its own.
* Synthetic documents from NTREX ar-en, NTREX ru-en and WMT22 ru-en (Arabic/Russian as
  original): seeded merges (2-1, 3-1), original-side merges (1-2), splits of a
  translation sentence at a comma, deleted and inserted sentences, with exact gold.
* Speed: alignment time after embedding for 1k x 1k and 5k x 5k sentences, encoding
  sentences/s, cold end-to-end ``provalign align`` on a 40-sentence pair (model load
  included), peak memory.
* Peers on the same inputs: Gale-Church from nltk (character lengths, its default
  parameters, and with c set to the document's length ratio), the ``galechurch``
  package, and ablations of ours fed the same embeddings: plain cosine only, numbers
  as the only anchors, no price on unmatched anchors, and the settings ``check`` uses.
  No Vecalign-style aligner installs from PyPI (vecalign is not published there;
  bertalign 2.0.1 requires Python >= 3.12), so none is run.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


from _data import ntrex_docs, shared_data, wmt_ruen_docs  # noqa: E402

from align.embed.encoder import UsemEncoder, load_encoder  # noqa: E402
from align.sentalign.aligner import align_texts  # noqa: E402
from align.sentalign.evaluate import score_links  # noqa: E402
from align.sentalign.links import read_links  # noqa: E402
from align.sentalign.options import CHECK_OPTIONS, AlignOptions  # noqa: E402
from align.types import Link  # noqa: E402

DATA = shared_data(required=False)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _split_at_comma(text: str) -> tuple[str, str] | None:
    commas = [k for k, c in enumerate(text) if c == "," and 0.3 < k / len(text) < 0.7]
    if not commas:
        return None
    k = commas[len(commas) // 2]
    return text[: k + 1].strip(), text[k + 1 :].strip()


def synthesize(
    orig: list[str], trans: list[str], foreign: list[str], rng: random.Random
) -> tuple[list[str], list[str], list[Link]]:
    """Edit a 1:1 document pair; returns new sides and exact gold links."""
    o_out: list[str] = []
    t_out: list[str] = []
    gold: list[Link] = []
    i, n = 0, len(orig)

    def add(o_texts: list[str], t_texts: list[str]) -> None:
        oi = tuple(range(len(o_out), len(o_out) + len(o_texts)))
        ti = tuple(range(len(t_out), len(t_out) + len(t_texts)))
        o_out.extend(o_texts)
        t_out.extend(t_texts)
        gold.append(Link(oi, ti))

    while i < n:
        r = rng.random()
        if r < 0.04 and foreign:
            add([], [rng.choice(foreign)])
            continue
        if r < 0.12 and i + 1 < n:
            add(orig[i : i + 2], [" ".join(trans[i : i + 2])])
            i += 2
        elif r < 0.15 and i + 2 < n:
            add(orig[i : i + 3], [" ".join(trans[i : i + 3])])
            i += 3
        elif r < 0.21 and i + 1 < n:
            add([" ".join(orig[i : i + 2])], trans[i : i + 2])
            i += 2
        elif r < 0.26 and (parts := _split_at_comma(trans[i])):
            add([orig[i]], list(parts))
            i += 1
        elif r < 0.31:
            add([orig[i]], [])
            i += 1
        else:
            add([orig[i]], [trans[i]])
            i += 1
    return o_out, t_out, gold


def pooled_scores(runs: list[tuple[list[Link], list[Link]]]) -> dict[str, object]:
    """Strict/lax over all documents (links re-indexed into one long document)."""
    gold_all: list[Link] = []
    pred_all: list[Link] = []
    off_o = off_t = 0
    for gold, pred in runs:
        for src, dst in ((gold, gold_all), (pred, pred_all)):
            dst.extend(
                Link(
                    tuple(x + off_o for x in lk.original), tuple(x + off_t for x in lk.translation)
                )
                for lk in src
            )
        off_o += 1 + max((x for lk in gold for x in lk.original), default=-1)
        off_t += 1 + max((x for lk in gold for x in lk.translation), default=-1)
    s = score_links(gold_all, pred_all)
    return {
        "strict": s["strict"],
        "lax": s["lax"],
        "omission": s["omission"],
        "addition": s["addition"],
    }


def gale_church_nltk(orig: list[str], trans: list[str], ratio: bool) -> list[Link]:
    from nltk.translate import gale_church as gc

    params = gc.LanguageIndependent
    if ratio:

        class Ratio(gc.LanguageIndependent):  # type: ignore[misc,valid-type]
            AVERAGE_CHARACTERS = sum(map(len, trans)) / max(1, sum(map(len, orig)))

        params = Ratio
    pairs = gc.align_blocks([len(s) for s in orig], [len(s) for s in trans], params)
    return _links_from_pairs(pairs, len(orig), len(trans))


def _links_from_pairs(pairs: list[tuple[int, int]], n: int, m: int) -> list[Link]:
    """Connected components of (i, j) pairs, plus one-sided links for the rest."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for i, j in pairs:
        parent[find(("o", i))] = find(("t", j))
    groups: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for i, j in pairs:
        g = groups.setdefault(find(("o", i)), (set(), set()))
        g[0].add(i)
        g[1].add(j)
    links = [Link(tuple(sorted(o)), tuple(sorted(t))) for o, t in groups.values()]
    seen_o = {i for i, _ in pairs}
    seen_t = {j for _, j in pairs}
    links += [Link((i,), ()) for i in range(n) if i not in seen_o]
    links += [Link((), (j,)) for j in range(m) if j not in seen_t]
    return links


def galechurch_pkg(orig: list[str], trans: list[str]) -> list[Link]:
    import galechurch

    block = galechurch.align(orig, trans)
    return [
        Link(tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end)))
        for b in block.beads
    ]


COSINE_ONLY = AlignOptions(margin_k=0, anchor_weight=0.0, continuation=0.0, length_weight=0.0)
NO_NAME_ANCHORS = AlignOptions(name_anchors=False)  # ablation: numbers as the only anchors
NO_ANCHOR_MISS = AlignOptions(anchor_miss=0.0)  # ablation: no price on unmatched mentions


def run_systems(
    pairs: list[tuple[list[str], list[str], list[Link]]], enc: object
) -> dict[str, object]:
    systems = {
        "provalign": lambda o, t: align_texts(o, t, AlignOptions(), enc),
        "provalign_no_name_anchors": lambda o, t: align_texts(o, t, NO_NAME_ANCHORS, enc),
        "provalign_no_anchor_miss": lambda o, t: align_texts(o, t, NO_ANCHOR_MISS, enc),
        "provalign_check_options": lambda o, t: align_texts(o, t, CHECK_OPTIONS, enc),
        "provalign_cosine_only": lambda o, t: align_texts(o, t, COSINE_ONLY, enc),
        "gale_church_nltk": lambda o, t: gale_church_nltk(o, t, False),
        "gale_church_nltk_ratio": lambda o, t: gale_church_nltk(o, t, True),
        "galechurch_pkg": galechurch_pkg,
    }
    out: dict[str, object] = {}
    for name, fn in systems.items():
        t0 = time.perf_counter()
        try:
            runs = [(gold, fn(o, t)) for o, t, gold in pairs]
        except Exception as exc:  # a peer that fails is reported, not fatal
            out[name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        res = pooled_scores(runs)
        res["seconds"] = round(time.perf_counter() - t0, 2)
        out[name] = res
        log(f"  {name}: strict {res['strict']}")
    return out


def textberg(enc: object) -> dict[str, object]:
    d = DATA / "textberg-defr"
    de = (d / "dev.de").read_text(encoding="utf-8").splitlines()
    fr = (d / "dev.fr").read_text(encoding="utf-8").splitlines()
    gold = read_links(d / "dev.defr")
    out = run_systems([(de, fr, gold)], enc)
    # the defaults were tuned on this document: each half scored on its own shows
    # whether a gain holds on both (links split at the first original index)
    pred = align_texts(de, fr, AlignOptions(), enc)
    half = len(de) // 2

    def part(links: list[Link], first: bool) -> list[Link]:
        return [lk for lk in links if lk.original and (lk.original[0] < half) == first]

    out["provalign_halves_strict_f1"] = [
        score_links(part(gold, h), part(pred, h))["strict"]["f1"] for h in (True, False)
    ]
    return out


def synthetic(enc: object, quick: bool) -> dict[str, object]:
    sets = {
        "ntrex_ar_en": ntrex_docs("ar"),
        "ntrex_ru_en": ntrex_docs("ru"),
        "wmt22_ru_en": wmt_ruen_docs(),
    }
    out: dict[str, object] = {}
    for name, docs in sets.items():
        if quick:
            docs = docs[:30]
        rng = random.Random(1234)
        foreign_pool = [t for _, ts in docs for t in ts]
        pairs = []
        for k, (o, t) in enumerate(docs):
            foreign = [s for s in foreign_pool if s not in t][k * 7 % 50 :][:200]
            pairs.append(synthesize(o, t, foreign, rng))
        n_links = sum(len(g) for _, _, g in pairs)
        non11 = sum(
            1 for _, _, g in pairs for lk in g if (len(lk.original), len(lk.translation)) != (1, 1)
        )
        log(f"synthetic {name}: {len(pairs)} docs, {n_links} gold links")
        res = run_systems(pairs, enc)
        res["docs"] = len(pairs)
        res["gold_links"] = n_links
        res["non_1_1_share"] = round(non11 / max(1, n_links), 3)
        out[name] = res
    return out


def speed(enc: UsemEncoder) -> dict[str, object]:
    ar = ntrex_docs("ar")
    ru = ntrex_docs("ru")
    orig = [s for o, _ in ar + ru for s in o]
    trans = [s for _, t in ar + ru for s in t]
    out: dict[str, object] = {}
    fresh = UsemEncoder()
    fresh.encode(["warm up"])
    sample = orig[:1000] + trans[:1000]
    t0 = time.perf_counter()
    fresh.encode(sample)
    out["encode_sentences_per_s"] = round(len(sample) / (time.perf_counter() - t0), 1)
    enc.encode(orig)
    enc.encode(trans)
    enc.pooled(orig)
    enc.pooled(trans)
    for size in (1000, 5000):
        reps = -(-size // len(orig))
        o = (orig * reps)[:size]
        t = (trans * reps)[:size]
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            links = align_texts(o, t, AlignOptions(), enc)
            times.append(time.perf_counter() - t0)
        if size == 5000:
            out.update(dp_breakdown(o, t, enc))
        correct = sum(1 for lk in links if len(lk.original) == 1 and lk.original == lk.translation)
        out[f"align_after_embedding_{size}x{size}_s"] = round(min(times), 3)
        out[f"align_{size}x{size}_exact_diagonal_share"] = round(correct / size, 4)
    out["peak_rss_mb_in_process"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
    )
    return out


def dp_breakdown(o: list[str], t: list[str], enc: UsemEncoder) -> dict[str, float]:
    """Seconds of each stage of one 5k x 5k alignment (the stages of ``aligner._align``)."""
    from threadpoolctl import threadpool_limits

    from align.sentalign import aligner as A
    from align.sentalign.anchors import document_anchors

    opt = AlignOptions()
    with threadpool_limits(limits=1, user_api="blas"):
        ta = time.perf_counter()
        document_anchors(o, t, opt.name_anchors)  # timed alone; _sides repeats it
        t0 = time.perf_counter()
        orig, trans = A._sides(o, t, opt, enc)
        t1 = time.perf_counter()
        A._path(orig, trans, opt)
        t2 = time.perf_counter()
    return {
        "align_5000x5000_anchors_s": round(t0 - ta, 3),
        "align_5000x5000_sides_s": round(t1 - t0, 3),  # anchors, span embeddings, hubness
        "dp_5000x5000_s": round(t2 - t1, 3),  # band, gain tables and search
    }


def cold_cli() -> dict[str, object]:
    docs = ntrex_docs("ar")
    orig: list[str] = []
    trans: list[str] = []
    for o, t in docs:
        if len(orig) >= 40:
            break
        orig += o
        trans += t
    orig, trans = orig[:40], trans[:40]
    exe = Path(sys.executable).parent / "provalign"
    with tempfile.TemporaryDirectory() as tmp:
        po, pt = Path(tmp) / "orig.ar.txt", Path(tmp) / "trans.en.txt"
        po.write_text("\n".join(orig) + "\n", encoding="utf-8")
        pt.write_text("\n".join(trans) + "\n", encoding="utf-8")
        walls = []
        for _ in range(3):
            t0 = time.perf_counter()
            proc = subprocess.run(
                [str(exe), "align", "--presplit", str(po), str(pt)],
                capture_output=True,
                text=True,
                check=False,
            )
            walls.append(time.perf_counter() - t0)
        links = proc.stdout.strip().splitlines()
    return {
        "cold_align_40_sentences_s": round(min(walls), 3),
        "cold_align_40_sentences_all_s": [round(w, 3) for w in walls],
        "cold_align_exit_code": proc.returncode,
        "cold_align_links": len(links),
        "cold_align_peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
    }


def main() -> None:
    quick = "--quick" in sys.argv
    if "--cv" in sys.argv or "--accurate-speed" in sys.argv:
        from bench.alignment_cv import main as cv_main

        cv_main()
        return
    if not DATA.is_dir():
        print(json.dumps({"error": f"no shared data at {DATA}"}))
        sys.exit(1)
    enc = load_encoder()
    assert isinstance(enc, UsemEncoder)
    result: dict[str, object] = {"options": {k: str(v) for k, v in asdict(AlignOptions()).items()}}
    if "--speed-only" not in sys.argv:
        log("Text+Berg dev ...")
        result["textberg_dev"] = textberg(enc)
        log("synthetic ...")
        result["synthetic"] = synthetic(enc, quick)
    if "--accuracy-only" not in sys.argv:
        log("speed ...")
        result["speed"] = speed(enc)
        result["speed"].update(cold_cli())  # type: ignore[union-attr]
    result["targets"] = {
        "textberg_dev_strict_f1": 0.94,
        "synthetic_strict_f1": 0.97,
        "dp_5k_s": 1.5,
        "encode_sentences_per_s": 300,
        "cold_40_sentence_align_s": 2.0,
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
