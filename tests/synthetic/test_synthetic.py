"""The synthetic edit generator: deterministic, exact and self-consistent gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.synthetic.generate import (
    SynthOptions,
    document_from_lines,
    make_synthetic,
    write_synthetic,
)
from align.synthetic.gold import SyntheticCase
from align.types import FLAG_KINDS

DATA = Path(__file__).resolve().parents[1] / "data" / "flags"


def ntrex_docs(shared: Path, n: int = 6) -> list[tuple[list[str], list[str]]]:
    d = shared / "ntrex"
    ids = (d / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    ar = (d / "newstest2019-ref.arb.txt").read_text(encoding="utf-8").splitlines()
    en = (d / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[int]] = {}
    for i, doc in enumerate(ids):
        docs.setdefault(doc, []).append(i)
    return [([ar[i] for i in idx], [en[i] for i in idx]) for idx in list(docs.values())[:n]]


def case_for(orig: list[str], trans: list[str], seed: int) -> SyntheticCase:
    o, t = document_from_lines(orig, "ar"), document_from_lines(trans, "en")
    return make_synthetic(
        o, t, SynthOptions(seed=seed), foreign=["A foreign sentence about markets."]
    )


def test_same_seed_same_case_and_other_seed_differs(shared_data: Path) -> None:
    orig, trans = ntrex_docs(shared_data, 1)[0]
    a, b, c = case_for(orig, trans, 3), case_for(orig, trans, 3), case_for(orig, trans, 4)
    assert a == b
    assert (a.sentences, a.flags) != (c.sentences, c.flags)


def test_gold_links_cover_every_sentence_once(shared_data: Path) -> None:
    kinds: set[str] = set()
    for k, (orig, trans) in enumerate(ntrex_docs(shared_data)):
        for seed in range(3):
            case = case_for(orig, trans, seed + 10 * k)
            o_seen = sorted(i for lk in case.links for i in lk.original)
            t_seen = sorted(j for lk in case.links for j in lk.translation)
            assert o_seen == list(range(len(orig)))
            assert t_seen == list(range(len(case.sentences)))
            for f in case.flags:
                assert f.kind in FLAG_KINDS
                assert all(0 <= j < len(case.sentences) for j in f.translation)
                kinds.add(f.kind)
    assert {"omission", "addition", "number_mismatch", "name_mismatch", "merge"} <= kinds


def test_cut_removes_at_least_forty_percent(shared_data: Path) -> None:
    for k, (orig, trans) in enumerate(ntrex_docs(shared_data)):
        for seed in range(4):
            case = case_for(orig, trans, seed + 10 * k)
            for f in case.flags:
                if f.kind == "partial_omission" and f.detail == "cut":
                    before = trans[f.original[0]]
                    after = case.sentences[f.translation[0]]
                    assert len(after) <= 0.62 * len(before)


def test_unequal_inputs_are_refused() -> None:
    from align.errors import InputError

    with pytest.raises(InputError):
        make_synthetic(
            document_from_lines(["a", "b"], "ru"), document_from_lines(["a"], "en"), SynthOptions()
        )


def test_write_synthetic_files(tmp_path: Path) -> None:
    paths = write_synthetic(
        DATA / "ru_original.txt",
        DATA / "ru_translation.txt",
        tmp_path / "out",
        SynthOptions(seed=1, presplit=True, orig_lang="ru", trans_lang="en"),
    )
    names = sorted(p.name for p in paths)
    assert names == ["gold.flags.json", "gold.links", "original.txt", "translation.txt"]
    assert all(p.exists() and p.stat().st_size > 0 for p in paths)
    assert "]:[" in (tmp_path / "out" / "gold.links").read_text(encoding="utf-8")


def test_substituted_names_are_not_reused_within_a_document(shared_data: Path) -> None:
    # one invented name repeated in several sentences reads as the outlet's own rendering;
    # the generator draws replacements without replacement (and never from the document)
    from align.synthetic.sentence_edits import NEW_NAMES

    for seed, (orig, trans) in enumerate(ntrex_docs(shared_data, 6)):
        case = case_for(orig, trans, seed)
        names = [f for f in case.flags if f.kind == "name_mismatch"]
        used = [
            x
            for f in names
            for x in NEW_NAMES
            if x in case.sentences[f.translation[0]] and x not in " ".join(trans)
        ]
        assert len(used) == len(set(used))
