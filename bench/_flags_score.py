"""How ``bench/flags.py`` scores ``check`` on its synthetic cases: the matching rules, the
running counts (``Tally``) and the figures and targets it prints.

Kept apart from the runner (case loop, link cache, options) so each stays readable and
under the size the project keeps modules to; the tuning and diagnosis benches import the
matching rules (``span_hit``, ``overlaps``) from here.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from align.types import Flag, Report, Span

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


def _counts() -> defaultdict[str, defaultdict[str, list[int]]]:
    return defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))


@dataclass
class Tally:
    """Running counts over the cases. ``edited`` scores one edited case's report against
    its gold, ``unedited`` one unedited document's report (every flag there is false),
    ``figures`` gives the JSON's figures. ``dump``/``span_misses``: the --dump and
    --span-gold files (``dump_tp``: kinds whose hits are dumped too)."""

    dump: TextIO | None = None
    span_misses: TextIO | None = None
    dump_tp: Sequence[str] = ()
    counts: defaultdict[str, defaultdict[str, list[int]]] = field(default_factory=_counts)
    unedited_sentences: int = 0
    unedited_by_kind: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    edited_false: list[int] = field(default_factory=lambda: [0, 0])
    verdicts: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    span_counts: defaultdict[str, list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0])
    )
    char_counts: defaultdict[str, list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0])
    )
    word_acc: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    word_acc_check: list[int] = field(default_factory=lambda: [0, 0, 0, 0])

    def edited(self, n: int, ds: str, orig: Sequence[str], case: Any, rep: Report) -> None:
        """Score case ``n``'s report: span groups, span precision per kind, per-kind P/R
        (all, per dataset, sentence edits alone), errors to --dump."""
        self._spans(n, case, rep)
        self.verdicts[rep.summary.verdict if rep.summary else "none"] += 1
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
                c = self.counts[key][kind]
                c[0] += sum(any(overlaps(p, g) for g in gold) for p in pred)
                c[1] += len(pred)
                c[2] += sum(any(overlaps(p, g) for p in pred) for g in gold)
                c[3] += len(gold)
        self._errors(n, ds, orig, case, rep)
        self.edited_false[1] += len(orig)

    def _spans(self, n: int, case: Any, rep: Report) -> None:
        for name, (kind, subs) in SPAN_GROUPS.items():
            gold = [
                g
                for g in case.flags
                if g.kind == kind and g.spans and (subs is None or g.subkind in subs)
            ]
            c = self.span_counts[name]
            c[2] += sum(any(flag_span_hit(p, g) for p in rep.flags) for g in gold)
            c[3] += len(gold)
            if self.span_misses:  # every gold span group member, hit or not (cuts_diagnose)
                for g in gold:
                    row = {
                        "case": n,
                        "group": name,
                        "hit": any(flag_span_hit(p, g) for p in rep.flags),
                        "spans": [[s.side, s.sentence, s.start, s.end] for s in g.spans],
                    }
                    self.span_misses.write(json.dumps(row) + "\n")
        for kind in {k for k, _ in SPAN_GROUPS.values()}:
            c = self.span_counts[f"P:{kind}"]
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
                span_chars(p, list(case.flags), self.char_counts[kind])

    def _errors(self, n: int, ds: str, orig: Sequence[str], case: Any, rep: Report) -> None:
        dump = self.dump
        for p in rep.flags:
            hit = any(overlaps(p, g) for g in case.flags)
            if hit and dump and p.kind in self.dump_tp:
                dump_row(dump, n, ds, "TP", p, orig, case.sentences)
            if not hit:
                self.edited_false[0] += 1
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

    def unedited(
        self, n: int, ds: str, orig: Sequence[str], trans: Sequence[str], urep: Report
    ) -> None:
        """An unedited document's report: every flag is false."""
        self.unedited_sentences += len(orig)
        for p in urep.flags:
            self.unedited_by_kind[p.kind] += 1
            if self.dump:
                dump_row(self.dump, n, ds, "UNEDITED", p, orig, trans)

    def figures(self) -> dict[str, object]:
        """The JSON's figures, in the order ``bench/flags.py`` has always printed them."""
        counts, span_counts = self.counts, self.span_counts
        flags = sum(self.unedited_by_kind.values())
        return {
            "per_kind": {k: prf(*counts["all"][k]) for k in KINDS},
            "per_dataset": {
                ds: {k: prf(*v) for k, v in kinds.items() if v[1] or v[3]}
                for ds, kinds in counts.items()
                if ds not in ("all", "sentence_edits")
            },
            "per_kind_sentence_edits": {k: prf(*counts["sentence_edits"][k]) for k in KINDS},
            "unedited": {
                "sentences": self.unedited_sentences,
                "flags": flags,
                "false_flags_per_100": round(100 * flags / max(1, self.unedited_sentences), 3),
                "by_kind": dict(self.unedited_by_kind),
            },
            "edited_false_flags_per_100": round(
                100 * self.edited_false[0] / max(1, self.edited_false[1]), 3
            ),
            "verdicts_edited": dict(self.verdicts),
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
                for kind, (a, b) in sorted(self.char_counts.items())
            },
            "word_alignment": word_figures(self.word_acc),
            "word_alignment_check": word_figures(self.word_acc_check),
        }


def targets_met(result: dict[str, Any]) -> dict[str, bool]:
    """Which of the issue targets the figures meet (``targets_met`` in the JSON)."""
    met = {}
    for kind, spec in TARGETS.items():
        s = result["per_kind_sentence_edits"][kind]
        met[kind] = all(s[spec[i]] >= spec[i + 1] for i in range(0, len(spec), 2))
    for name, bar in SPAN_TARGETS.items():
        sl = result["span_level"][name]
        met[f"span_{name}"] = sl["R"] >= bar and sl["P_kind"] >= bar
    met["unedited_false_flags"] = result["unedited"]["false_flags_per_100"] <= 1.0
    return met
