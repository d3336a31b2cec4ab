"""Batch pipeline: manifest reading, check_pairs without originals, one real demo run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import check_exactly_once
from lxml import html as lxml_html

from align.errors import FormatError, InputError
from align.pipeline import (
    MANIFEST_COLUMNS,
    align_pair,
    check_pairs,
    count_demo_pairs,
    read_manifest,
    run_demo,
)
from align.report import load_report

HEADER = "\t".join(MANIFEST_COLUMNS)
ROOT = Path(__file__).resolve().parents[1]


def test_read_manifest_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        read_manifest(tmp_path / "nope")
    with pytest.raises(InputError, match="no manifest.tsv"):
        read_manifest(tmp_path)
    manifest = tmp_path / "manifest.tsv"
    manifest.write_text("id\tpath\n", encoding="utf-8")
    with pytest.raises(FormatError, match="first line must be the header"):
        read_manifest(tmp_path)
    manifest.write_text(f"{HEADER}\na\tb.txt\tc.txt\n", encoding="utf-8")
    with pytest.raises(FormatError, match="line 2: expected 6 tab-separated columns, got 3"):
        read_manifest(tmp_path)
    manifest.write_text(f"{HEADER}\n# comment\n\nx\to.txt\tt.txt\tru\ten\tnote\n", encoding="utf-8")
    specs = read_manifest(tmp_path)
    assert [(s.pair_id, Path(s.original).name, s.orig_lang, s.note) for s in specs] == [
        ("x", "o.txt", "ru", "note")
    ]


def test_demo_manifest_lists_existing_files() -> None:
    specs = read_manifest(ROOT / "corpora" / "demo")
    assert 4 <= len(specs) <= 6
    assert {s.orig_lang for s in specs} == {"ar", "ru"}
    for spec in specs:
        assert Path(spec.original).is_file() and Path(spec.translation).is_file()
        assert "SYNTHETIC" in spec.note
    assert count_demo_pairs(ROOT / "corpora" / "demo") == len(specs)


def test_check_pairs_without_original(tmp_path: Path) -> None:
    from align.provenance.pair_types import PairResult

    result = PairResult(Path("lonely.en.txt"), (), "no_original")
    index, checked = check_pairs([result], tmp_path / "out")
    assert len(checked) == 1 and checked[0].error
    tree = lxml_html.fromstring(index.read_text(encoding="utf-8"))
    rows = tree.xpath("//tbody/tr")
    assert len(rows) == 1 and "no original found" in rows[0].text_content()


def test_run_demo_on_a_small_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.ru.txt").write_text(
        "Пожар в Москве\n\nВ среду в центре Москвы загорелся склад. Пожарные потушили огонь за "
        "три часа. Пострадали 12 человек.\n\nПричины пожара выясняются.\n",
        encoding="utf-8",
    )
    (corpus / "a.en.txt").write_text(
        "Fire in Moscow\n\nA warehouse caught fire in central Moscow on Wednesday. Firefighters "
        "put out the blaze in three hours. 21 people were injured.\n",
        encoding="utf-8",
    )
    (corpus / "manifest.tsv").write_text(
        f"{HEADER}\nfire<1>\ta.ru.txt\ta.en.txt\tru\ten\tsmall test\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)  # the corpus named relatively, as `make demo` names it
    out = tmp_path / "out"
    index = run_demo(Path("corpus"), out)
    assert index == out / "index.html"
    assert sorted(p.name for p in out.iterdir()) == [
        "fire_1_.html",
        "fire_1_.json",
        "fire_1_.md",
        "fire_1_.tmx",
        "index.html",
    ]
    report = load_report(out / "fire_1_.json")
    assert report.summary is not None and report.created
    assert report.alignment.original.lang == "ru"
    # the original as the manifest names it, not the pairing index's absolute path
    assert report.alignment.original.meta.path == str(Path("corpus") / "a.ru.txt")
    tree = lxml_html.fromstring(index.read_text(encoding="utf-8"))
    assert tree.xpath("//a/@href") == [f"fire_1_.{x}" for x in ("html", "json", "md", "tmx")]
    assert "fire&lt;1&gt;" in index.read_text(encoding="utf-8")


def test_align_pair_signs_the_encoder_that_ran(encoder: Any) -> None:
    from align.read.inputs import PairInput
    from align.sentalign.options import CHECK_OPTIONS

    data = ROOT / "tests" / "data" / "flags"
    pair = PairInput(data / "ru_original.txt", data / "ru_translation.txt", presplit=True)
    alignment = align_pair(pair, CHECK_OPTIONS, encoder)
    check_exactly_once(
        alignment.links, len(alignment.original.sentences), len(alignment.translation.sentences)
    )
    assert alignment.signature.encoder == encoder.name
    assert ("threshold", str(CHECK_OPTIONS.threshold)) in alignment.signature.settings
    assert (alignment.original.lang, alignment.translation.lang) == ("ru", "en")
