"""Per-edit listing for ``bench/realdev.py --misses``: for every annotated edit, whether a
flag sits on its sentence and whether one has a span on its words, with the flags on that
sentence (kind, subkind, severity, spans and the words each span covers) and the quote.

It exists to classify why an edit found on its sentence has no span on its words (issue
#14: "spans everywhere"). It reads the same report and the same ``locate`` as the figures,
so it cannot disagree with them; it counts nothing new. Held-out splits must not be
listed: ``edit_rows`` skips the splits it is told to hide and says how many it hid.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from _realdev_set import split_of

Located = list[tuple[int, int, int]]


def _span_view(span: dict[str, Any], texts: dict[str, dict[int, str]]) -> dict[str, Any]:
    text = texts.get(span.get("side", ""), {}).get(int(span["sentence"]), "")
    return {**span, "words": text[int(span["start"]) : int(span["end"])]}


def edit_rows(
    pair: dict[str, Any],
    report: dict[str, Any],
    locate: Callable[[list[dict[str, Any]], str], Located],
    flag_sentences: Callable[[dict[str, Any], str], set[int]],
    span_hits: Callable[[dict[str, Any], str, Located], bool],
) -> list[dict[str, Any]]:
    """One row per edit of ``pair``: where its quote is, ``sentence`` / ``span`` found, and
    every flag on its sentence (on the edit's side) with its spans' words."""
    sides = ("original", "translation")
    texts = {side: {s["index"]: s["text"] for s in report[side]["sentences"]} for side in sides}
    flags = report.get("flags") or []
    rows = []
    for k, edit in enumerate(pair["edits"]):
        side = edit["side"]
        pieces = locate(report[side]["sentences"], edit["quote"])
        own = {p[0] for p in pieces}
        on_sentence = [f for f in flags if own & flag_sentences(f, side)]
        rows.append(
            {
                "pair": pair["id"],
                "edit": k,
                "type": edit["type"],
                "side": side,
                "quote": edit["quote"],
                "other_quote": edit.get("other_quote"),
                "where": pieces,
                "sentence": bool(on_sentence),
                "span": any(span_hits(f, side, pieces) for f in flags),
                "flags": [
                    {
                        "kind": f["kind"],
                        "subkind": f.get("subkind"),
                        "severity": f.get("severity"),
                        "original": f.get("original"),
                        "translation": f.get("translation"),
                        "spans": [_span_view(s, texts) for s in f.get("spans") or []],
                    }
                    for f in on_sentence
                ],
            }
        )
    return rows


def misses_report(
    rows: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]], hidden: Iterable[str]
) -> dict[str, Any]:
    """``{"edits": [...], "hidden_pairs": n}`` from (pair, edit rows) for the seen splits;
    pairs of a ``hidden`` split are counted, never listed."""
    hide = set(hidden)
    out: list[dict[str, Any]] = []
    hidden_pairs = 0
    for pair, edit_list in rows:
        if split_of(pair) in hide:
            hidden_pairs += 1
            continue
        out += edit_list
    return {"edits": out, "hidden_pairs": hidden_pairs, "hidden_splits": sorted(hide)}
