"""Sentences without a word (OCR debris, rules, bullets): priced in a link, free to leave out."""

from __future__ import annotations

import numpy as np

from align.sentalign.dp import Band
from align.sentalign.link_gain import LinkGain, SideSpans, hubness

TEXTS = ["The climbers reached the summit.", "- _-", "24 a !", "They came back."]


def _side(texts: list[str], bags: np.ndarray | None = None) -> SideSpans:
    n = len(texts)
    vecs = np.eye(8, dtype=np.float32)[:n]
    emb = {1: vecs, 2: vecs[:-1] + vecs[1:]}
    if bags is None:
        bags = np.zeros((n, 1), np.int32)
    return SideSpans(None, texts, 2, bags, emb=emb)


def test_a_word_is_two_letters_in_a_row_or_one_cjk_character() -> None:
    side = _side(["Ah!", "- _-", "24 a !", "嗯。", "**&gt; ", "x."])
    assert side.wordless.tolist() == [False, True, True, False, False, True]


def test_wordless_sentences_count_only_inside_spans_that_hold_a_word() -> None:
    side = _side(TEXTS)
    assert side.n_wordless[1].tolist() == [0, 0, 0, 0]  # a span of debris alone: 0
    assert side.n_wordless[2].tolist() == [1, 0, 1]  # [0, 1], [1, 2] (debris alone), [2, 3]


def test_debris_costs_inside_a_link_and_nothing_left_out() -> None:
    from align.sentalign.options import AlignOptions

    bags = np.zeros((4, 1), np.int32)
    bags[2, 0] = 1  # "24": an anchor whose mention is unmatched
    orig, trans = _side(TEXTS, bags), _side(TEXTS, bags)
    hubness(orig, trans, 2, 512)
    hubness(trans, orig, 2, 512)
    band = Band.full(4, 4)
    off, on = AlignOptions(wordless_price=0.0), AlignOptions(wordless_price=0.1)
    g_off, g_on = LinkGain(orig, trans, off, band), LinkGain(orig, trans, on, band)
    # left out: the debris at ``skip``, without the anchor or sampled price
    assert g_off.unlinked(orig)[2] < g_on.unlinked(orig)[2] == on.skip
    assert g_on.unlinked(orig)[0] == g_off.unlinked(orig)[0]
    # 1-2 links from original 0: to translation [0, 2) and [2, 4), each with one
    # sentence of debris beside a word, 0.1 less; to [1, 3), debris alone, no price
    diff = g_off(1, 2) - g_on(1, 2)
    at = {end: diff[1, end - int(band.lo[1])] for end in (2, 3, 4)}
    assert np.allclose([at[2], at[3], at[4]], [0.1, 0.0, 0.1])
    assert np.allclose(g_off(1, 1), g_on(1, 1))  # no 1-1 link holds debris with a word
