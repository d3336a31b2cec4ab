"""The same-story verdict (``align.check.story``): another outlet's article on the same story is
``not_a_translation``; a faithful and an edited translation are not.

The pairs are built from the NTREX demo samples in ``corpora/demo``: the first half of an
original against the English of its *second* half is two articles on one story (same names,
numbers and topic, no sentence in common), the generator ``bench/verdicts.py`` measures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from align.check.context import FlagOptions
from align.check.flags import check_alignment
from align.check.story import sentence_anchors, story_evidence, story_logit, story_reason
from align.embed.encoder import Encoder
from align.read.document import LoadOptions, load_pair
from align.sentalign.aligner import align_documents
from align.sentalign.options import CHECK_OPTIONS
from align.synthetic.generate import document_from_lines
from align.types import NOT_A_TRANSLATION, Link

DEMO = Path(__file__).resolve().parents[2] / "corpora" / "demo"


def _demo_edited(pair_id: str) -> tuple[list[str], list[str], str]:
    """A demo pair as it is: original and English sentences (the demo's edits included)."""
    lang = pair_id[:2]
    o, t = load_pair(
        DEMO / f"{pair_id}.{lang}.txt",
        DEMO / f"{pair_id}.en.txt",
        LoadOptions(lang=lang),
        LoadOptions(),
    )
    return o.texts, t.texts, lang


def _demo(pair_id: str) -> tuple[list[str], list[str], str]:
    """Original sentences, and the English ones with the demo's added headline and disclaimer
    taken out and its changed number and respelled name put back (the NTREX translation,
    less the paragraph the demo dropped)."""
    o_texts, t_texts, lang = _demo_edited(pair_id)
    edits = json.loads((DEMO / f"{pair_id}.edits.json").read_text(encoding="utf-8"))
    added = {edits["added_headline"], edits["added_disclaimer"]}
    undo = {e["to"]: e["from"] for e in (edits["number_changed"], edits["name_respelled"])}
    return o_texts, [undo.get(s, s) for s in t_texts if s not in added], lang


def _verdict(orig: list[str], trans: list[str], lang: str, encoder: Encoder) -> Any:
    od = document_from_lines(orig, lang, "original.txt")
    td = document_from_lines(trans, "en", "translation.txt")
    alignment = align_documents(od, td, CHECK_OPTIONS, encoder=encoder)
    report = check_alignment(alignment, FlagOptions(), encoder=encoder)
    assert report.summary is not None
    return report.summary


# (demo pair, first English sentence of the "other article"): the English of the original's
# second half (the demo dropped a paragraph there, so English i renders original i or later)
SAME_STORY = [("ar-thelocal-65969", 8), ("ru-bbc-381736", 5)]


@pytest.mark.parametrize(("pair_id", "start"), SAME_STORY)
def test_another_article_on_the_same_story_is_not_a_translation(
    pair_id: str, start: int, encoder: Encoder
) -> None:
    orig, trans, lang = _demo(pair_id)
    summary = _verdict(orig[: len(orig) // 2], trans[start:], lang, encoder)
    assert summary.verdict == NOT_A_TRANSLATION
    assert "same story" in summary.reason and "each other's best match" in summary.reason
    # the old rule alone (coverage and median cosine) lets these through
    assert summary.coverage_sentences >= FlagOptions().not_translation_coverage


def test_the_rule_can_be_switched_off(encoder: Encoder) -> None:
    orig, trans, lang = _demo("ru-bbc-381736")
    od = document_from_lines(orig[: len(orig) // 2], lang, "o")
    td = document_from_lines(trans[SAME_STORY[1][1] :], "en", "t")
    alignment = align_documents(od, td, CHECK_OPTIONS, encoder=encoder)
    report = check_alignment(alignment, FlagOptions(story_logit=-99.0), encoder=encoder)
    assert report.summary is not None and report.summary.verdict != NOT_A_TRANSLATION
    assert ("flags.story_logit", "-99.0") in report.alignment.signature.settings


def test_a_faithful_translation_keeps_its_verdict(encoder: Encoder) -> None:
    orig, trans, lang = _demo("ru-bbc-381736")
    # the first five sentences precede the paragraph the demo dropped: a faithful translation
    summary = _verdict(orig[:5], trans[:5], lang, encoder)
    assert summary.verdict == "faithful"


@pytest.mark.parametrize("pair_id", ["ar-thelocal-65969", "ru-bbc-381736", "ar-nytimes-184804"])
def test_an_edited_translation_is_not_called_another_article(
    pair_id: str, encoder: Encoder
) -> None:
    summary = _verdict(*_demo_edited(pair_id), encoder)
    assert summary.verdict in ("edited", "heavily_edited")


class _Fixed:
    """An encoder whose vectors are given: sentence text -> unit vector."""

    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors = {k: v / np.linalg.norm(v) for k, v in vectors.items()}

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.vectors[t] for t in texts])


def test_evidence_reads_margin_mutual_matches_and_anchors() -> None:
    """Three 1-1 links; the third link's sentences are not each other's best match and its
    original's number (2018) sits in another translation sentence."""
    e = np.eye(4)
    vec = {
        "o0 Moscow": e[0],
        "o1": e[1],
        "o2 in 2018": e[2] + 0.1 * e[3],
        "t0 Moscow": e[0] + 0.1 * e[3],
        "t1 2018": e[1] + 0.9 * e[2],
        "t2": e[3] + 0.5 * e[2],
    }
    enc: Any = _Fixed(vec)
    orig, trans = ["o0 Moscow", "o1", "o2 in 2018"], ["t0 Moscow", "t1 2018", "t2"]
    links = [Link((i,), (i,), 0.5) for i in range(3)]
    ev = story_evidence(orig, trans, links, enc)
    assert ev.links == 3
    assert ev.mutual_links == 2  # o2's best match is t1, not its own t2
    assert (ev.anchor_links, ev.anchor_agreeing) == (2, 1)  # Moscow agrees, 2018 does not
    sim = enc.encode(orig) @ enc.encode(trans).T
    rest = sim[~np.eye(3, dtype=bool)]
    diag = np.diag(sim)
    assert ev.cosine == pytest.approx(float(np.median(diag)))
    assert ev.margin == pytest.approx(float(np.median(diag) - np.quantile(rest, 0.9)))
    assert ev.soft == pytest.approx(float(sim.max(axis=1).mean()))
    why = story_reason(ev)
    assert "only 2 of 3 linked pairs" in why and "1 of 2 linked pairs do not share" in why
    assert story_logit(ev) == pytest.approx(
        -6.702 + 5.644 * ev.cosine + 11.258 * ev.margin + 6.617 * ev.soft, abs=1e-6
    )


def test_anchors_are_numbers_of_two_digits_and_name_skeletons() -> None:
    keys = sentence_anchors(["In 2018 Putin met 3 people", "В 2018 году"])
    assert "#2018" in keys[0] and "#2018" in keys[1]
    assert not any(k == "#3" for k in keys[0])
    assert any(k.startswith("@") for k in keys[0])


SHORT_RU = (
    "БАКУ. Президент Азербайджана Ильхам Алиев в понедельник принял делегацию во главе с "
    "лордом-мэром Лондона.\n"
    "Лорд-мэр сказал, что быстрые процессы развития в Азербайджане произвели на гостей "
    "глубокое впечатление.\n"
    "Он отметил значение проведения первых Европейских игр в стране.\n"
)
SHORT_EN_OTHER = (  # another diplomatic wire: close in genre, not in content
    "MUSCAT. The Omani Foreign Minister on Tuesday received the Palestinian ambassador to "
    "the Sultanate.\n"
    "The ambassador conveyed the greetings of the Palestinian President and his appreciation "
    "of Oman's positions.\n"
    "The two sides reviewed bilateral relations and the situation in the occupied "
    "territories.\n"
)
SHORT_EN_SAME = (
    "BAKU. President of Azerbaijan Ilham Aliyev on Monday received a delegation led by the "
    "Lord Mayor of London.\n"
    "The Lord Mayor said the rapid development in Azerbaijan had deeply impressed the guests.\n"
    "He stressed the importance of holding the first European Games in the country.\n"
)


def _short_verdict(encoder: Encoder, trans: str) -> str:
    orig_doc = document_from_lines(SHORT_RU.splitlines(), "ru")
    trans_doc = document_from_lines(trans.splitlines(), "en")
    al = align_documents(orig_doc, trans_doc, CHECK_OPTIONS, encoder=encoder)
    summary = check_alignment(al, FlagOptions(), encoder).summary
    assert summary is not None
    return summary.verdict


def test_a_short_unrelated_wire_is_not_a_translation(encoder: Encoder) -> None:
    # fifth user's run: two unrelated three-link wires were "heavily edited, 57 % rendered";
    # too few links for the same-story logit, yet nowhere near a translation's similarity
    assert _short_verdict(encoder, SHORT_EN_OTHER) == NOT_A_TRANSLATION
    assert _short_verdict(encoder, SHORT_EN_SAME) != NOT_A_TRANSLATION


def test_a_link_near_zero_is_low_whatever_the_median() -> None:
    from align.check.flags import low_links

    # every link weak and spread wide: nothing sat three MADs below the median, and a
    # 0.08 link read as a "merged" note (fifth user's run)
    cos = [0.8, 0.1, 0.8, 0.12, 0.75, 0.08]
    assert low_links(cos, FlagOptions()) == [False, True, False, True, False, True]
    assert low_links(cos, FlagOptions(low_sim_absolute=0.0)) == [False] * 6
    # a faithful document's weakest link (0.45) is not low
    assert not any(low_links([0.8, 0.75, 0.7, 0.45, 0.82], FlagOptions()))


def test_a_diverged_link_is_not_counted_rendered() -> None:
    from types import SimpleNamespace

    from align.check.verdict import coverage
    from align.types import Flag

    texts = ["One sentence here.", "Another sentence here.", "A third one here."]
    ctx = SimpleNamespace(alignment=SimpleNamespace(original=SimpleNamespace(texts=texts)))
    pairs = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.1), Link((2,), (2,), 0.9)]
    low = Flag("low_similarity", "major", (1,), (1,), "Meaning diverged")
    assert coverage(ctx, pairs, [])[0] == 1.0  # type: ignore[arg-type]
    assert round(coverage(ctx, pairs, [low])[0], 3) == 0.667  # type: ignore[arg-type]


def test_a_diverged_split_is_not_also_a_split_note(encoder: Encoder) -> None:
    # a sixth user's run: one link was both "[major] meaning diverged" and "[info] one
    # original sentence rendered as 4"
    from align.types import Alignment, Signature

    orig = [
        "Министр иностранных дел встретился с послом Франции в Москве во вторник утром.",
        "Стороны обсудили двустороннее сотрудничество в области энергетики и торговли.",
        "Отдельные страны мы договаривались посетить в следующем году, отметил он позже.",
        "Встреча прошла в конструктивной и дружественной атмосфере, сообщили в министерстве.",
    ]
    trans = [
        "The foreign minister met the French ambassador in Moscow on Tuesday morning.",
        "The sides discussed bilateral cooperation in energy and trade.",
        "Our tractors are ready to work the fields of every farm in the southern region.",
        "We are ready to share technologies and competencies with anyone who asks.",
        "The meeting was held in a constructive and friendly atmosphere, the ministry said.",
    ]
    al = Alignment(
        document_from_lines(orig, "ru"),
        document_from_lines(trans, "en"),
        (
            Link((0,), (0,), 0.9),
            Link((1,), (1,), 0.9),
            Link((2,), (2, 3), 0.1),
            Link((3,), (4,), 0.9),
        ),
        Signature("test", "usem3"),
    )
    kinds = {(f.kind, f.original) for f in check_alignment(al, FlagOptions(), encoder).flags}
    assert ("low_similarity", (2,)) in kinds and ("split", (2,)) not in kinds
