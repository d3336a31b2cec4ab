"""``bench/derive.py``'s model fitting, split from it: the relatedness rule (in-order share
of sourced sentences: its threshold, step and strong-pair level) and the
copy-vs-independent logistic model, fitted on dev rows only; the model's features chosen by
backward elimination under cross-validation by document within dev; and the model file.

Rows are ``bench/derive.py``'s pairs with their features (``feats``) and label (``rel``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from align.provenance.derive import COPY_EDITED, INDEPENDENT, UNRELATED, DeriveOptions
from align.provenance.derive_features import ordered_share

# Every copy feature the model may use (``--select`` starts from all of them).
CANDIDATES = (
    "in_order", "in_runs", "edit_span", "edits_per_token", "length_ratio", "verbatim_share",
    "io_sd", "edit_top", "low_share", "moved", "longest_run", "marked_kept", "chrf_q25",
    "chrf_mean", "chrf_high", "chrf_low", "punct_kept", "caps_kept", "digits_kept", "ng3",
    "content_in_a", "punct_style", "dropped_ops", "added_ops", "function_edits", "stem_mates",
)  # fmt: skip
RIDGE = 0.1  # L2 on the standardised features (0.01-1 give dev CV within 0.005)
FOLDS = 5


def _logistic(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mean, scale, weights with the intercept first): IRLS with a small ridge."""
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = np.concatenate([np.ones((len(x), 1)), (x - mean) / scale], axis=1)
    w = np.zeros(z.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-(z @ w)))
        h = z.T @ (z * (p * (1 - p))[:, None]) + RIDGE * np.eye(len(w))
        w = w + np.linalg.solve(h, z.T @ (y - p) - RIDGE * w)
    return mean, scale, w


def _xy(rows: list[dict[str, Any]], feats: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    rel = [r for r in rows if r["rel"] != UNRELATED]
    x = np.array([[r["feats"][k] for k in feats] for r in rel], dtype=float)
    return x, np.array([r["rel"] == COPY_EDITED for r in rel], dtype=float)


def _fold(doc: str) -> int:
    return int(hashlib.md5(doc.encode()).hexdigest(), 16) % FOLDS


def cv_logits(rows: list[dict[str, Any]], feats: tuple[str, ...]) -> np.ndarray:
    """Each row's copy logit from a model fitted on the other ``FOLDS`` - 1 folds (by
    document; the model is fitted on copy and independent rows only, as ``fit`` does)."""
    fold = np.array([_fold(r["doc"]) for r in rows])
    x = np.array([[r["feats"][k] for k in feats] for r in rows], dtype=float)
    y = np.array([r["rel"] == COPY_EDITED for r in rows], dtype=float)
    related = np.array([r["rel"] != UNRELATED for r in rows])
    z = np.zeros(len(rows))
    for k in range(FOLDS):
        mean, scale, w = _logistic(x[(fold != k) & related], y[(fold != k) & related])
        z[fold == k] = w[0] + ((x[fold == k] - mean) / scale) @ w[1:]
    return z


def cv_accuracy(rows: list[dict[str, Any]], feats: tuple[str, ...]) -> float:
    """Copy-vs-independent accuracy under ``FOLDS``-fold cross-validation by document."""
    rel = [r for r in rows if r["rel"] != UNRELATED]
    z = cv_logits(rel, feats)
    return float(np.mean((z >= 0) == np.array([r["rel"] == COPY_EDITED for r in rel])))


def cv_relations(rows: list[dict[str, Any]], feats: tuple[str, ...], related: float) -> list[str]:
    """Each row's relation with the copy model under cross-validation (``cv_logits``) and
    the relatedness threshold ``related`` on its ``ordered`` feature: the dev figure of
    the three relations that no row was fitted on (but the two numbers of the
    relatedness rule, fitted on all of dev)."""
    z = cv_logits(rows, feats)
    return [
        UNRELATED if r["feats"]["ordered"] < related else COPY_EDITED if v >= 0 else INDEPENDENT
        for r, v in zip(rows, z, strict=True)
    ]


def select(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Backward elimination on dev: drop the feature whose removal helps the CV accuracy
    most, while it stays within 0.002 of the best so far (fewer features, same accuracy)."""
    cur = list(CANDIDATES)
    best = cv_accuracy(rows, tuple(cur))
    path = [{"features": len(cur), "cv": round(best, 4), "dropped": None}]
    while len(cur) > 2:
        score, drop = max((cv_accuracy(rows, tuple(f for f in cur if f != d)), d) for d in cur)
        if score < best - 0.002:
            break
        cur.remove(drop)
        best = max(best, score)
        path.append({"features": len(cur), "cv": round(score, 4), "dropped": drop})
    path.append({"kept": cur})
    return path


ORDER_MOVES = (0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 9.0)  # 9: no move ever pays


TOLERANCE = 0.002  # as ``select``: a stricter rule is taken while it costs no more than this


def fit_related(
    rows: list[dict[str, Any]], base: DeriveOptions
) -> tuple[float, DeriveOptions, dict[str, float]]:
    """The relatedness rule on dev rows (``rows`` with ``src``: their sourced sentences):
    the move cost and the threshold on the in-order share by grid, on related-vs-unrelated
    accuracy. The highest move cost (the strictest order: what tells another outlet's
    article on the same event from a translation) within ``TOLERANCE`` of the best
    accuracy is taken, at the middle of its best thresholds. Also returns each move
    cost's best accuracy."""
    truth = np.array([r["rel"] != UNRELATED for r in rows])
    grid = [round(float(t), 3) for t in np.arange(0.2, 0.8, 0.025)]
    per: dict[float, tuple[float, float]] = {}
    for move in ORDER_MOVES:
        share = np.array([ordered_share(r["src"], r["worded"], move, base.match) for r in rows])
        accs = [float(np.mean((share >= t) == truth)) for t in grid]
        ties = [t for t, acc in zip(grid, accs, strict=True) if acc == max(accs)]
        per[move] = (max(accs), ties[(len(ties) - 1) // 2])
    top = max(acc for acc, _ in per.values())
    move = max(m for m, (acc, _) in per.items() if acc >= top - TOLERANCE)
    acc, related = per[move]
    grid_acc = {str(m): round(a, 4) for m, (a, _) in per.items()}
    return acc, dataclasses.replace(base, related=related, order_move=move), grid_acc


def fit(rows: list[dict[str, Any]], base: DeriveOptions, feats: tuple[str, ...]) -> DeriveOptions:
    """The relatedness rule (``fit_related``) and the copy-vs-independent logistic model,
    on dev."""
    _, related, _ = fit_related(rows, base)
    mean, scale, w = _logistic(*_xy(rows, feats))
    return dataclasses.replace(
        related,
        copy_features=feats,
        copy_coef=tuple(round(float(v), 4) for v in w),
        copy_mean=tuple(round(float(v), 6) for v in mean),
        copy_scale=tuple(round(float(v), 6) for v in scale),
    )


def write_model(o: DeriveOptions, feats: tuple[str, ...], path: Path) -> None:
    """``align/provenance/derive_model.py`` from fitted options."""

    def tup(name: str, vals: tuple[Any, ...]) -> str:
        return f"{name} = (\n" + "".join(f"    {json.dumps(v)},\n" for v in vals) + ")\n"

    path.write_text(
        '"""The copy_edited-vs-independent model of ``derive``: written by ``bench/derive.py '
        "--fit\n--write-model`` (dev split); do not edit by hand. ``COEF``: the intercept, then "
        "one weight per\nfeature (standardised by ``MEAN`` and ``SCALE``). ``RELATED`` and "
        "``ORDER_MOVE``: the\nrelatedness rule (``DeriveOptions.related``, ``.order_move``)."
        '"""\n\n'
        + f"RELATED = {o.related}\nORDER_MOVE = {o.order_move}\n"
        + tup("FEATURES", feats)
        + tup("MEAN", o.copy_mean)
        + tup("SCALE", o.copy_scale)
        + tup("COEF", o.copy_coef),
        encoding="utf-8",
    )
