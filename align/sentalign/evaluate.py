"""Strict and lax link precision/recall/F1 (Sennrich & Volk 2011, as Vecalign scores).

Strict: a predicted link counts only if it is identical to a gold link. Lax: it
counts if it shares at least one original and one translation sentence with a gold
link. As in Vecalign's scorer, links with an empty side (1-0 omissions and 0-1
additions) are left out of both recall and precision for the aligned-link scores,
because they carry no pair to get right; they are scored separately as
``omission``/``addition`` P/R so deletions are not invisible.
"""

from __future__ import annotations

from collections.abc import Sequence

from align.types import Link


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _key(link: Link) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return tuple(link.original), tuple(link.translation)


def score_links(gold: Sequence[Link], pred: Sequence[Link]) -> dict[str, dict[str, float]]:
    """Strict and lax P/R/F1 of ``pred`` against ``gold`` plus one-sided link P/R."""
    g_pairs = [lk for lk in gold if lk.original and lk.translation]
    p_pairs = [lk for lk in pred if lk.original and lk.translation]
    g_keys = {_key(lk) for lk in g_pairs}
    strict_tp = sum(1 for lk in p_pairs if _key(lk) in g_keys)

    def overlaps(a: Link, b: Link) -> bool:
        return bool(set(a.original) & set(b.original)) and bool(
            set(a.translation) & set(b.translation)
        )

    by_orig: dict[int, list[Link]] = {}
    for lk in g_pairs:
        for i in lk.original:
            by_orig.setdefault(i, []).append(lk)
    lax_p = sum(
        1 for lk in p_pairs if any(overlaps(lk, g) for i in lk.original for g in by_orig.get(i, ()))
    )
    p_by_orig: dict[int, list[Link]] = {}
    for lk in p_pairs:
        for i in lk.original:
            p_by_orig.setdefault(i, []).append(lk)
    lax_r = sum(
        1
        for g in g_pairs
        if any(overlaps(g, lk) for i in g.original for lk in p_by_orig.get(i, ()))
    )
    lax = _prf(lax_p, len(p_pairs), len(g_pairs))
    lax_recall = lax_r / len(g_pairs) if g_pairs else 0.0
    lax["recall"] = round(lax_recall, 4)
    p = lax["precision"]
    lax["f1"] = round(2 * p * lax_recall / (p + lax_recall), 4) if p + lax_recall else 0.0

    def one_sided(side: str) -> dict[str, float]:
        def items(links: Sequence[Link]) -> set[int]:
            if side == "omission":
                return {i for lk in links if not lk.translation for i in lk.original}
            return {j for lk in links if not lk.original for j in lk.translation}

        g, q = items(gold), items(pred)
        return _prf(len(g & q), len(q), len(g))

    return {
        "strict": _prf(strict_tp, len(p_pairs), len(g_pairs)),
        "lax": lax,
        "omission": one_sided("omission"),
        "addition": one_sided("addition"),
        "counts": {"gold_links": len(gold), "predicted_links": len(pred)},
    }
