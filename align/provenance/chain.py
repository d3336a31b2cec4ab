"""The second hop: which indexed English version an English article was copy-edited from.

Split from ``align.provenance.pairing``. English versions (role ``english_version``, an
outlet's own English edition) are retrieved by document vector among English versions only;
``derive`` then decides on the words whether the article is a copy-edit of one (an
independent translation of the same original is close in meaning, but only a copy keeps
the words). The best copy-edit source becomes ``PairResult.derived_from``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from align.provenance.derive import COPY_EDITED, derive_sentences
from align.provenance.index import fetch_originals

Source = tuple[str, Path | None, float, float, dict[str, Any]]
Retrieve = Callable[[np.ndarray, Sequence[int]], tuple[np.ndarray, np.ndarray, np.ndarray]]


def english_source(
    conn: sqlite3.Connection,
    retrieve: Retrieve,
    english: np.ndarray,
    sentences: Sequence[str],
    emb: np.ndarray,
    exclude: Sequence[int] = (),
    keep: int = 5,
) -> Source | None:
    """(id, path, score, confidence, evidence) of the indexed English version this English
    text was copy-edited from, or None. ``english``: the index rows that are English
    versions; ``retrieve``: the pairer's retrieval (positions in ``exclude`` left out)."""
    others = np.flatnonzero(~english).tolist()
    rowids, cos_mean, _ = retrieve(emb, [*exclude, *others])
    ok = np.isfinite(cos_mean)
    best: Source | None = None
    for ev in fetch_originals(conn, [int(r) for r in rowids[ok][:keep]]):
        d = derive_sentences(ev.sentences, sentences, scores=False)
        if d.relation != COPY_EDITED or (best is not None and d.confidence <= best[3]):
            continue
        evidence = {
            "relation": d.relation,
            "renders": ev.renders,
            **d.features,
            # the copy model's largest feature contributions (+ towards copy_edited)
            "why": [[k, c] for k, c in d.why[:5]],
            "sources": [[p.b_index, list(p.a_indices)] for p in d.pairs],
            "unsourced": list(d.unsourced),
            "signature": str(d.signature),
        }
        path = Path(ev.path) if ev.path else None
        best = (ev.id, path, d.features["in_order"], d.confidence, evidence)
    return best
