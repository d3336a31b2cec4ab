"""bench/realdev.py maps annotated quotes to sentence spans and scores flags against them.

A tiny made-up pair and hand-written report dicts: no encoder, no network, no data set.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import load_bench


@pytest.fixture(scope="module")
def realdev() -> ModuleType:
    return load_bench("realdev")


def _doc(texts: list[str]) -> dict[str, Any]:
    return {"sentences": [{"index": i, "text": t} for i, t in enumerate(texts)]}


REPORT: dict[str, Any] = {
    "original": _doc(["Полиция задержала двоих.", "Никто не пострадал, сообщили в МВД."]),
    "translation": _doc(["Police detained “two men”.", "Nobody was hurt."]),
    "links": [
        {"original": [0], "translation": [0], "score": 0.9},
        {"original": [1], "translation": [1], "score": 0.8},
    ],
}
PAIR = {
    "id": "toy",
    "kind": "edited",
    "edits": [
        {
            "type": "partial_omission",
            "side": "original",
            "quote": "сообщили в МВД",
            "other_quote": "Nobody was hurt.",
            "major": False,
        },
        {"type": "insertion", "side": "translation", "quote": '"two men"', "major": False},
    ],
}


def test_quote_maps_to_sentence_and_span(realdev: ModuleType) -> None:
    sents = REPORT["original"]["sentences"]
    assert realdev.locate(sents, "сообщили в МВД") == [(1, 20, 34)]
    assert sents[1]["text"][20:34] == "сообщили в МВД"
    # typographic quotes and extra spaces in the text or the quote do not hide it
    assert realdev.locate(REPORT["translation"]["sentences"], '"two  men"') == [(0, 16, 25)]
    # a quote across a sentence boundary yields one piece per sentence
    assert realdev.locate(sents, "двоих. Никто") == [(0, 18, 24), (1, 0, 5)]
    assert realdev.locate(sents, "not there") == []


def test_scores_sentence_span_and_false_major(realdev: ModuleType) -> None:
    flags = [
        {
            "kind": "partial_omission",
            "severity": "minor",
            "original": [1],
            "translation": [1],
            "spans": [{"side": "original", "sentence": 1, "start": 21, "end": 30}],
        },
        {"kind": "addition", "severity": "major", "original": [], "translation": [0]},
        {"kind": "omission", "severity": "major", "original": [0], "translation": []},
    ]
    row = realdev.score_pair(PAIR, {**REPORT, "flags": flags})
    first, second = row["edits"]
    assert first["sentence_flagged"] and first["span_flagged"]
    assert second["sentence_flagged"] and not second["span_flagged"]
    # the omission flag on original sentence 0 touches no annotated edit
    assert row["false_major"] == 1 and row["false_major_kinds"] == ["omission"]
    overall = realdev.summarise([row])
    assert overall["sentence_recall"] == 1.0 and overall["span_recall"] == 0.5


def test_misses_rows_list_flags_with_their_words_and_hide_held_out_splits(
    realdev: ModuleType,
) -> None:
    from _realdev_misses import edit_rows, misses_report

    flags = [
        {
            "kind": "partial_omission",
            "subkind": "attribution",
            "severity": "minor",
            "original": [1],
            "translation": [1],
            "spans": [{"side": "original", "sentence": 1, "start": 20, "end": 34}],
        },
        {"kind": "merge", "severity": "info", "original": [0], "translation": [0], "spans": []},
    ]
    report = {**REPORT, "flags": flags}
    args = (realdev.locate, realdev._flag_sentences, realdev._span_hits)
    first, second = edit_rows(PAIR, report, *args)
    assert (first["sentence"], first["span"]) == (True, True)
    assert first["flags"][0]["spans"][0]["words"] == "сообщили в МВД"
    assert (second["sentence"], second["span"]) == (True, False)
    assert [f["kind"] for f in second["flags"]] == ["merge"]
    # the rows agree with the figures
    scored = realdev.score_pair(PAIR, report)["edits"]
    assert [e["span_flagged"] for e in scored] == [first["span"], second["span"]]
    held = {**PAIR, "id": "held", "split": "test4"}
    out = misses_report([(PAIR, [first, second]), (held, [first])], realdev.HELD_OUT)
    assert [r["pair"] for r in out["edits"]] == ["toy", "toy"]
    assert out["hidden_pairs"] == 1 and "test4" in out["hidden_splits"]


def test_flags_without_spans_and_baseline(realdev: ModuleType) -> None:
    row = realdev.score_pair(PAIR, {**REPORT, "flags": []})
    assert not any(e["sentence_flagged"] for e in row["edits"]) and not row["has_spans"]
    report = {
        **REPORT,
        "original": _doc(["Погибли 12 человек.", "Второе предложение здесь."]),
        "translation": _doc(["13 people died.", "Second."]),
    }
    kinds = sorted(f["kind"] for f in realdev.baseline_flags(report))
    assert "digits" in kinds
    digits = next(f for f in realdev.baseline_flags(report) if f["kind"] == "digits")
    assert {"side": "translation", "sentence": 0, "start": 0, "end": 2} in digits["spans"]


def test_verify_quotes_and_counts_per_split(realdev: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "toy").mkdir()
    (tmp_path / "toy" / "orig.txt").write_text(
        "Полиция задержала двоих.\n\nНикто не пострадал, сообщили в МВД.\n", encoding="utf-8"
    )
    (tmp_path / "toy" / "trans.txt").write_text(
        "Police detained “two men”.\n\nNobody was hurt.\n", encoding="utf-8"
    )
    test_pair = {**PAIR, "dir": "toy", "split": "test", "orig_lang": "ru", "outlet": "Toy"}
    assert realdev.verify_quotes([test_pair], tmp_path) == []
    broken = {
        **test_pair,
        "split": "holdout",
        "edits": [
            {
                "type": "partial_omission",
                "side": "original",
                "quote": "сообщили в ФСБ",
                "other_quote": "Nobody died.",
            }
        ],
    }
    problems = realdev.verify_quotes([broken], tmp_path)
    assert len(problems) == 3 and "unknown split" in problems[0]
    dev_pair = {**test_pair, "id": "toy2", "kind": "control", "edits": []}
    del dev_pair["split"]
    assert realdev.split_of(dev_pair) == "dev"
    counts = realdev.counts([test_pair, dev_pair])
    assert counts["test"]["edits"] == 2 and counts["dev"]["controls"] == 1
    assert counts["all"]["by_type"] == {"partial_omission": 1, "insertion": 1}
    assert counts["all"]["by_outlet"] == {"Toy": {"pairs": 2, "edits": 2}}


def test_a_pair_with_a_side_missing_is_left_out_not_scored(
    realdev: ModuleType, tmp_path: Path
) -> None:
    """A rebuild from stored pages can miss one side: the pair is named, never scored."""
    (tmp_path / "toy").mkdir()
    (tmp_path / "toy" / "orig.txt").write_text("Никто не пострадал.\n", encoding="utf-8")
    pair = {**PAIR, "dir": "toy"}
    assert not realdev.has_texts(pair, tmp_path)
    (tmp_path / "toy" / "trans.txt").write_text("", encoding="utf-8")
    assert not realdev.has_texts(pair, tmp_path)
    (tmp_path / "toy" / "trans.txt").write_text("Nobody was hurt.\n", encoding="utf-8")
    assert realdev.has_texts(pair, tmp_path)


def test_text_digests_tell_a_different_rebuild(realdev: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "toy").mkdir()
    (tmp_path / "toy" / "orig.txt").write_text("Никто не пострадал.\n", encoding="utf-8")
    (tmp_path / "toy" / "trans.txt").write_text("Nobody was hurt.\n", encoding="utf-8")
    found = realdev.text_digests([{**PAIR, "dir": "toy"}], tmp_path)
    assert sorted(found) == ["toy/orig.txt", "toy/trans.txt"]
    listed = tmp_path / "texts.sha256"
    listed.write_text("".join(f"{d}  {n}\n" for n, d in found.items()), encoding="utf-8")
    assert realdev.digests_differ(found, listed) == []
    (tmp_path / "toy" / "trans.txt").write_text("Nobody was injured.\n", encoding="utf-8")
    again = realdev.text_digests([{**PAIR, "dir": "toy"}], tmp_path)
    assert realdev.digests_differ(again, listed) == ["toy/trans.txt"]


def test_figures_per_split(realdev: ModuleType) -> None:
    test_row = realdev.score_pair({**PAIR, "split": "test"}, {**REPORT, "flags": []})
    dev_row = realdev.score_pair({**PAIR, "id": "toy2"}, {**REPORT, "flags": []})
    assert test_row["split"] == "test" and dev_row["split"] == "dev"
    by_split = realdev.summarise_splits([test_row, dev_row])
    assert set(by_split) == {"all", "dev", "test", "seen"}  # no held-out split present
    assert by_split["all"]["edits"] == 4 and by_split["test"]["edits"] == 2
    held = realdev.score_pair({**PAIR, "id": "toy3", "split": "test5"}, {**REPORT, "flags": []})
    pooled = realdev.summarise_splits([test_row, dev_row, held])
    assert pooled["seen"]["edits"] == 4 and pooled["held_out"]["edits"] == 2


def test_recall_interval_resamples_articles(realdev: ModuleType) -> None:
    # two articles, one with every edit found and one with none: the interval spans the
    # resamples of whole articles (0 when both draws are the empty one, 1 when both are
    # the full one), repeats exactly, and is absent for a single article
    found = {"edits": [{"hit": True}, {"hit": True}]}
    lost = {"edits": [{"hit": False}, {"hit": False}]}
    ci = realdev.bootstrap([found, lost], "hit")
    assert ci == [0.0, 1.0] and realdev.bootstrap([found, lost], "hit") == ci
    assert realdev.bootstrap([found], "hit") is None
    many = [found] * 30 + [lost] * 10
    lo, hi = realdev.bootstrap(many, "hit")
    assert lo < 0.75 < hi and hi - lo < 0.3
    scored = realdev.summarise([realdev.score_pair(PAIR, {**REPORT, "flags": []})] * 2)
    assert scored["ci95"]["span_recall"] == [0.0, 0.0]


def test_fresh_split_test2_is_known_and_reported(realdev: ModuleType) -> None:
    assert "test2" in realdev.SPLITS
    row = realdev.score_pair({**PAIR, "split": "test2"}, {**REPORT, "flags": []})
    assert row["split"] == "test2"
    assert set(realdev.summarise_splits([row])) == {"all", "test2", "seen"}
    pairs = realdev.load_pairs()
    fresh = [p for p in pairs if realdev.split_of(p) == "test2"]
    assert len(fresh) >= 10 and sum(p["kind"] == "control" for p in fresh) >= 2
    assert sum(p["orig_lang"] == "ru" for p in fresh) >= 4


def test_second_held_out_split_test5_is_known_and_annotated(realdev: ModuleType) -> None:
    assert "test5" in realdev.SPLITS
    row = realdev.score_pair({**PAIR, "split": "test5"}, {**REPORT, "flags": []})
    assert set(realdev.summarise_splits([row])) == {"all", "test5", "held_out"}
    held_out = [p for p in realdev.load_pairs() if realdev.split_of(p) == "test5"]
    assert sum(p["kind"] == "edited" for p in held_out) >= 8
    assert sum(p["kind"] == "control" for p in held_out) >= 2
    assert all(p["edits"] for p in held_out if p["kind"] == "edited")
    assert not any(p["edits"] for p in held_out if p["kind"] == "control")


# split: (pairs, edited, controls, Russian originals, Arabic originals) at least; the controls of
# test7, test8 and test9 come from different original texts; every split's outlets are its own
HELD_OUT_MINIMUMS = {
    "test6": (12, 9, 3, 4, 4),
    "test7": (12, 9, 3, 4, 4),
    "test8": (8, 6, 2, 3, 3),
    "test10": (11, 10, 1, 6, 5),
    "test11": (11, 10, 1, 3, 8),
    "test12": (8, 7, 1, 1, 7),
}


@pytest.mark.parametrize("split", sorted(HELD_OUT_MINIMUMS))
def test_held_out_splits_are_known_and_annotated(realdev: ModuleType, split: str) -> None:
    n_pairs, n_edited, n_controls, n_ru, n_ar = HELD_OUT_MINIMUMS[split]
    assert split in realdev.SPLITS and split in realdev.HELD_OUT
    row = realdev.score_pair({**PAIR, "split": split}, {**REPORT, "flags": []})
    assert set(realdev.summarise_splits([row])) == {"all", split, "held_out"}
    held_out = [p for p in realdev.load_pairs() if realdev.split_of(p) == split]
    controls = [p for p in held_out if p["kind"] == "control"]
    assert len(held_out) >= n_pairs and len(controls) >= n_controls
    assert sum(p["kind"] == "edited" for p in held_out) >= n_edited
    assert sum(p["orig_lang"] == "ru" for p in held_out) >= n_ru
    assert sum(p["orig_lang"] == "ar" for p in held_out) >= n_ar
    if split != "test6":
        assert len({p["original_url"] for p in controls}) == len(controls)
    assert all(p["edits"] for p in held_out if p["kind"] == "edited")
    assert not any(p["edits"] for p in controls)
    # outlets no other split uses, at most three pairs each
    others = {p["outlet"] for p in realdev.load_pairs() if realdev.split_of(p) != split}
    outlets = [p["outlet"] for p in held_out]
    assert not others & set(outlets) and max(outlets.count(o) for o in outlets) <= 3
