"""Function words take their head's status in the check's word matching (no encoder)."""

from __future__ import annotations

import numpy as np

from align.sentalign.words import _forced, _heads, _match, side_words


def test_heads_are_the_next_content_word_else_the_previous_one() -> None:
    words, _ = side_words(["He went to the market and bought it"], (0,))
    h = _heads(words)
    text = [w.text for w in words]
    assert text[h[0]] == "went"  # "He": nothing content-like within reach before, next
    assert text[h[2]] == "market" and text[h[3]] == "market"  # "to the" -> "market"
    assert text[h[7]] == "bought"  # "it" at the end: the previous content word
    assert 1 not in h and 4 not in h  # content words have no head


def test_heads_stay_inside_their_sentence() -> None:
    words, _ = side_words(["Rain fell.", "The end"], (0, 1))
    assert _heads(words)[2] == 3  # "The" -> "end", never back to "fell"
    lone, _ = side_words(["and the", "Rain fell"], (0, 1))
    h = _heads(lone)
    assert 0 not in h and 1 not in h  # a sentence of function words only: no head


def test_function_words_follow_their_head() -> None:
    # original: "Полиция задержала мужчину вчера"; the translation leaves out "вчера"
    # and adds "in the city"
    ow, _ = side_words(["Полиция задержала мужчину вчера"], (0,))
    tw, _ = side_words(["The police detained a man in the city"], (0,))
    sim = np.zeros((len(ow), len(tw)), dtype=np.float32)
    sim[0, 1] = sim[1, 2] = sim[2, 4] = 0.9  # police, detained, man
    sim[3, 5] = 0.4  # "in" finds a spurious partner on its own
    forced = _forced(ow, tw)
    plain = _match(ow, tw, sim, forced, 0.15, 0.0)
    headed = _match(ow, tw, sim, forced, 0.15, 0.0, heads=("original", "translation"))
    matched = {j for _, j in headed}
    assert {0, 1, 2, 3, 4} <= matched  # "The" and "a" take their nouns' partners
    assert not {5, 6, 7} & matched  # "in the" follow the unmatched "city"
    assert (3, 5) in plain and (3, 5) not in headed
    assert (0, 0) in headed and (2, 3) in headed
