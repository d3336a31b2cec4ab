"""pair confirms a candidate on sentence evidence; a same-story article is named, not paired."""

from __future__ import annotations

import json
from pathlib import Path

from align.provenance.evidence import confirm_logit
from align.provenance.pair_format import format_pairs
from align.provenance.pairing import NO_ORIGINAL, PAIRED, Candidate, PairOptions
from align.provenance.verdict import decide


def _cand(oid: str, conf: float, doc_cosine: float, share: float) -> Candidate:
    ev = {
        "covers": [0, 1],
        "translation_sentences": 10,
        "doc_cosine": doc_cosine,
        "sentence_share": share,
    }
    return Candidate(oid, None, conf * 10 - 5, conf, ev)


def test_same_story_named_when_unconfirmed() -> None:
    opts = PairOptions()
    res = decide(Path("t.txt"), [_cand("other-outlet", 0.2, 0.7, 0.1)], opts)
    assert (res.verdict, res.same_story) == (NO_ORIGINAL, "other-outlet")
    res = decide(Path("t.txt"), [_cand("unrelated", 0.01, 0.3, 0.0)], opts)
    assert (res.verdict, res.same_story) == (NO_ORIGINAL, None)
    res = decide(Path("t.txt"), [_cand("source", 0.99, 0.8, 0.9)], opts)
    assert (res.verdict, res.same_story) == (PAIRED, None)
    doc = json.loads(format_pairs([res], "json"))
    assert doc["results"][0]["same_story"] is None and doc["results"][0]["derived_from"] is None


def test_confirmation_needs_shared_sentences() -> None:
    """Same story-level evidence (soft similarity, anchors), different sentence evidence."""
    story = {"in_order": 0.4, "soft": 0.45, "match_cosine": 0.6, "anchor_share": 0.6}
    source = confirm_logit({**story, "in_order": 0.9, "sentence_share": 0.9, "original_share": 0.9})
    same_story = confirm_logit({**story, "sentence_share": 0.1, "original_share": 0.1})
    assert source > 0 > same_story


def test_a_republication_with_background_appended_is_confirmed() -> None:
    """Half the translation is background with no source ("expanded"), but it renders
    nearly all its original: the share of the original rendered confirms it."""
    half = {"soft": 0.6, "match_cosine": 0.8, "anchor_share": 0.5, "in_order": 0.5}
    expanded = confirm_logit({**half, "sentence_share": 0.5, "original_share": 1.0})
    same_story = confirm_logit({**half, "sentence_share": 0.1, "original_share": 0.1})
    assert expanded > 0 > same_story


DIGEST_ORIGINALS = {
    "kz-call.ru.txt": (
        "Президент Казахстана провёл телефонный разговор с Президентом Турции.\n"
        "Главы государств обсудили развитие торговли и отметили рост товарооборота в уходящем "
        "году.\n"
        "Вместе с тем Глава государства осудил нападение на посольство Турции в Бейруте, "
        "отметив, что подобные действия угрожают стабильности в регионе.\n"
        "Стороны также обменялись поздравлениями с наступающим Новым годом.\n"
    ),
    "uz-call.ru.txt": (
        "Президент Узбекистана провёл телефонный разговор с Президентом Турции.\n"
        "Лидеры обсудили энергетические проекты и региональную безопасность.\n"
        "Глава государства выразил соболезнования в связи с нападением на посольство Турции в "
        "Бейруте.\n"
    ),
}
# a round-up (written for this test, after a real Fergana digest): the Uzbek call, then the
# Kazakh call's sentences out of order, then a Kyrgyz item with no source here
DIGEST_EN = (
    "Uzbekistan's president spoke by phone with the Turkish president on Friday.\n"
    "The two leaders discussed energy projects and regional security.\n"
    "According to the Akorda press service, Kazakhstan's president also condemned the attack "
    "on the Turkish embassy in Beirut, noting that such actions threaten stability in the "
    "region.\n"
    "The leaders also discussed trade and noted that trade turnover grew in the outgoing year.\n"
    "The presidents exchanged greetings on the coming New Year.\n"
    "Kyrgyzstan's President Sadyr Japarov also responded to reports of the attack on the "
    "embassy.\n"
)


def test_a_digest_quoting_an_original_out_of_order_confirms_it(tmp_path: Path) -> None:
    """Counterparts out of the original's order count when the two sentences are each
    other's best match: the Kazakh readout, quoted in another order, was a weak 0.53."""
    from click.testing import CliRunner

    import cli

    folder = tmp_path / "originals"
    folder.mkdir()
    for name, text in DIGEST_ORIGINALS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (tmp_path / "digest.en.txt").write_text(DIGEST_EN, encoding="utf-8")
    args = ["pair", "--originals", str(folder), str(tmp_path / "digest.en.txt")]
    res = CliRunner().invoke(cli.cli, [*args, "--format", "json"])
    assert res.exit_code == 0, res.output
    (result,) = json.loads(res.stdout)["results"]
    conf = {Path(c["original_id"]).name: c for c in result["candidates"]}
    kz = conf["kz-call.ru.txt"]
    assert kz["confidence"] >= 0.9
    # its quoted sentences are listed, in the digest's order, not the original's
    assert [m[:2] for m in kz["evidence"]["matched_sentences"]] == [[0, 0], [2, 2], [3, 1], [4, 3]]
