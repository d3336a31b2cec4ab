"""derive's evidence: chrF as sacrebleu computes it, the copy features, and the model's 'why'."""

from __future__ import annotations

import math

import pytest
from derive_texts import EDITED, OTHER_TRANSLATOR, A
from sacrebleu.metrics.chrf import CHRF

from align.provenance import derive_model
from align.provenance.derive import (
    COPY_EDITED,
    INDEPENDENT,
    UNRELATED,
    DeriveOptions,
    copy_contributions,
    copy_logit,
    derive_sentences,
    result_dict,
)
from align.provenance.derive_diff import word_diff
from align.provenance.derive_features import chrf, features_of, ordered_share, worded

PAIRS = [
    ("", ""),
    ("a", ""),
    ("", "a"),
    ("a", "a"),
    ("ab", "abc"),
    ("Hi.", "Hi!"),
    ("x y z", "xyz"),
    ("a\tb", "a b"),
    ("Ünïcode ß straße", "Unicode ss strasse"),
    ("The cat sat.", "The dog sat down."),
    ("a" * 10, "aaa"),
    *zip(A, EDITED, strict=False),
    *zip(A, OTHER_TRANSLATOR, strict=True),
]


@pytest.mark.parametrize(("hyp", "ref"), PAIRS)
def test_chrf_is_sacrebleus(hyp: str, ref: str) -> None:
    assert round(100 * chrf(hyp, ref), 4) == round(CHRF().sentence_score(hyp, [ref]).score, 4)


def test_reported_chrf_is_sacrebleus() -> None:
    r = derive_sentences(A, EDITED)
    scorer = CHRF()
    for p in r.pairs:
        want = round(scorer.sentence_score(p.b_text, [p.a_text]).score, 2)
        assert p.chrf == want


def test_features_bounded_and_named() -> None:
    feats, rows = features_of(A, EDITED, 0.3)
    assert set(derive_model.FEATURES) <= set(feats)
    shares = ("punct_kept", "caps_kept", "digits_kept", "ng3", "content_in_a", "punct_style")
    for k in (*shares, "chrf_q25", "chrf_mean", "chrf_high", "chrf_low", "dropped_ops"):
        assert 0.0 <= feats[k] <= 1.0, k
    assert all(0.0 <= r[5] <= 1.0 for r in rows)
    # the edit cuts words ("announced" -> "said", "according to the ministry" -> "the
    # ministry said") and keeps the punctuation and the numbers
    assert feats["punct_kept"] >= 0.75 and feats["caps_kept"] == 1.0


def test_model_file_consistent() -> None:
    n = len(derive_model.FEATURES)
    assert len(derive_model.MEAN) == len(derive_model.SCALE) == n
    assert len(derive_model.COEF) == n + 1
    assert all(s > 0 for s in derive_model.SCALE)


def test_why_explains_the_logit() -> None:
    r = derive_sentences(A, EDITED, scores=False)
    assert r.relation == COPY_EDITED and r.why
    o = DeriveOptions()
    assert math.isclose(
        o.copy_coef[0] + sum(c for _, c in r.why), copy_logit(r.features, o), abs_tol=1e-3
    )
    assert [k for k, _ in r.why] == [k for k, _ in copy_contributions(r.features, o)]
    mags = [abs(c) for _, c in r.why]
    assert mags == sorted(mags, reverse=True)
    doc = result_dict(r)
    assert {"feature", "contribution"} == set(doc["why"][0])


def test_no_why_when_the_model_did_not_decide() -> None:
    assert derive_sentences(A, A, scores=False).why == ()
    unrelated = ["The football club signed a goalkeeper.", "Fans gathered on Friday."]
    assert derive_sentences(A, unrelated, scores=False).why == ()


# Another outlet's article on the same event: the same names, topic words and facts, so
# every sentence finds an A sentence with a fair word overlap, but not in A's order.
A6 = [
    *A,
    "Drivers in the capital said they would protest outside parliament on Friday.",
    "The finance ministry said the tax would bring in two billion a year.",
]
SAME_EVENT = [
    "Drivers' groups said on Wednesday that the fuel tax would hit rural families hardest.",
    "The ministry of finance has not said when the new tax on fuel would take effect.",
    "Truck drivers in the north said the government would lose their votes.",
    "The opposition said it would call a vote in parliament on the tax next week.",
    "Road repairs in the northern provinces have been delayed for years, officials said.",
    "Fuel prices have risen twice this year already.",
]


def test_same_event_article_is_unrelated_though_every_sentence_has_a_match() -> None:
    r = derive_sentences(A6, SAME_EVENT, scores=False)
    assert r.features["coverage"] == 1.0  # word overlap alone would call it related
    assert r.features["ordered"] < DeriveOptions().related
    assert r.relation == UNRELATED


def test_moved_paragraph_keeps_the_order() -> None:
    moved = [A6[0], A6[3], A6[4], A6[1], A6[2], A6[5]]  # two sentences moved down
    r = derive_sentences(A6, moved, scores=False)
    assert r.features["ordered"] == 1.0
    assert r.relation == COPY_EDITED


def test_ordered_share_chain() -> None:
    in_order = [(0, (0,), 0.9), (1, (1, 2), 0.8), (2, (2,), 0.7), (3, (4,), 0.9)]
    assert ordered_share(in_order, 4, 0.3, 0.3) == 1.0
    scattered = [(0, (3,), 0.4), (1, (0,), 0.45), (2, (4,), 0.35), (3, (1,), 0.4)]
    assert ordered_share(scattered, 4, 0.3, 0.3) == 0.5
    assert ordered_share(scattered, 4, 0.0, 0.3) == 1.0  # moves free: plain coverage
    assert ordered_share([], 3, 0.3, 0.3) == 0.0


def test_stem_mates_count_other_forms_of_a_word() -> None:
    # "tested" / "testing" are one word inflected two ways; "people" / "persons" are not
    # (other letters from the fourth on: a synonym, as an editor puts in)
    _, c = word_diff("the samples were tested by people", "the samples were testing by persons")
    assert c["stem_mates"] == 1
    _, c = word_diff("they arrive today", "they arrive today")
    assert c["stem_mates"] == 0 and c["function_edits"] == 0
    # house style ("criticised" -> "criticized", "labour" -> "labor") is an editor's change
    _, c = word_diff("Unions criticised the labour plan.", "Unions criticized the labor plan.")
    assert c["stem_mates"] == 0


def test_function_edits_count_articles_and_punctuation() -> None:
    # a translator's kind of edit: "a" for "the" and an added "for" (both function words)
    _, c = word_diff("I waited an hour for the meal.", "I waited for an hour for a meal.")
    assert c["function_edits"] == c["gap"] == 3
    # an editor's kind: one content word for another
    _, c = word_diff("Prices rose sharply.", "Prices rose steeply.")
    assert c["function_edits"] == 0 and c["gap"] == 2


def test_translator_features_on_the_shared_texts() -> None:
    edited, _ = features_of(A, EDITED, 0.3)
    other, _ = features_of(A, OTHER_TRANSLATOR, 0.3)
    for k in ("function_edits", "stem_mates"):
        assert 0.0 <= edited[k] <= 1.0 and 0.0 <= other[k] <= 1.0, k


def test_wordless_lines_do_not_count_against_the_order() -> None:
    # a "?" line of a chat can have no source; it is not evidence that B is unrelated
    b = [A[0], "?", A[1], "?", A[2]]
    feats, _ = features_of(A, b, 0.3)
    assert feats["ordered"] == 1.0
    assert worded(b) == 3


# Two post-editors of one machine translation: most 3-grams shared, but every sentence
# differs in articles, prepositions and how a word is inflected ("rising", "criticized").
POST_EDITED_SIBLING = [
    "The government announced on Tuesday it will raise the taxes on fuel by ten percent.",
    "Officials said that the money will go to the repairs of roads in northern provinces.",
    "The opposition criticized this plan and called for the vote in the parliament.",
    "Prices at pumps have already been rising twice this year, according to ministry.",
]
# An editor's house style: American spelling, a cut, the rest verbatim.
HOUSE_STYLE = [
    "The government announced on Tuesday that it would raise taxes on fuel by ten percent.",
    "The opposition criticized the plan and called for a vote in parliament.",
    "Prices at the pump have already risen twice this year, according to the ministry.",
]


def test_post_edited_sibling_is_independent_and_house_style_is_copy() -> None:
    sib = derive_sentences(A, POST_EDITED_SIBLING, scores=False)
    assert sib.features["ng3"] > 0.25 and sib.features["stem_mates"] > 0
    assert sib.relation == INDEPENDENT
    house = derive_sentences(A, HOUSE_STYLE, scores=False)
    assert house.features["stem_mates"] == 0.0
    assert house.relation == COPY_EDITED
