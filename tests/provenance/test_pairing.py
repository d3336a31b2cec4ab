"""Pairing translations with their originals: verdicts, compilations, formats, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from align.provenance.evidence import longest_in_order
from align.provenance.index import add_to_index
from align.provenance.originals import IndexOptions
from align.provenance.pairing import (
    NO_ORIGINAL,
    PAIRED,
    Candidate,
    PairOptions,
    PairResult,
    format_pairs,
    pair_translations,
    shared_originals,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "pairing"
ORIG = DATA / "originals"
TRANS = DATA / "translations"


def oid(name: str) -> str:
    return (ORIG / name).as_posix()


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pair") / "idx.sqlite"
    add_to_index(path, [ORIG], None, IndexOptions())
    return path


@pytest.fixture(scope="module")
def results(index: Path) -> dict[str, PairResult]:
    files = sorted(TRANS.glob("*.txt"))
    res = pair_translations(files, PairOptions(index=index, top=2))
    return {r.translation.stem: r for r in res}


@pytest.mark.parametrize(
    ("translation", "original"),
    [
        ("en_volcano_condensed", "ar_volcano.txt"),
        ("en_atm", "ar_atm.txt"),
        ("en_atm_outlet2", "ar_atm.txt"),
        ("en_cyclist_condensed", "ru_cyclist.txt"),
    ],
)
def test_paired_with_true_original(
    results: dict[str, PairResult], translation: str, original: str
) -> None:
    r = results[translation]
    assert r.verdict == PAIRED
    best = r.candidates[0]
    assert best.original_id == oid(original)
    assert best.path == (ORIG / original).resolve()  # check_pairs opens this file
    assert 0.5 <= best.confidence <= 1.0
    assert best.confidence > 10 * r.candidates[1].confidence
    assert best.evidence["in_order"] >= 0.6


def test_unrelated_has_no_original(results: dict[str, PairResult]) -> None:
    r = results["en_unrelated"]
    assert r.verdict == NO_ORIGINAL
    assert r.candidates[0].confidence < 0.1


def test_compilation_reports_both_sources(results: dict[str, PairResult]) -> None:
    r = results["en_compilation"]
    assert r.verdict == PAIRED
    first, second = r.candidates[:2]
    assert {first.original_id, second.original_id} == {
        oid("ar_paddington.txt"),
        oid("ru_midsomer.txt"),
    }
    assert second.evidence["also_source"] is True
    assert set(first.evidence["covers"]).isdisjoint(
        set(second.evidence["covers"]) - set(first.evidence["covers"])
    )
    assert len(set(first.evidence["covers"]) | set(second.evidence["covers"])) >= 6


def test_shared_originals(results: dict[str, PairResult]) -> None:
    shared = shared_originals(list(results.values()))
    assert sorted(Path(p).stem for p in shared[oid("ar_atm.txt")]) == ["en_atm", "en_atm_outlet2"]


def test_format_tsv_and_json(results: dict[str, PairResult]) -> None:
    rs = [results["en_atm"], results["en_unrelated"]]
    tsv = format_pairs(rs, "tsv", 1).splitlines()
    assert tsv[0] == "translation\toriginal_id\tconfidence\tverdict"
    assert (
        len(tsv) == 3
        and tsv[1].split("\t")[1] == oid("ar_atm.txt")
        and tsv[2].endswith("no_original")
    )
    assert len(format_pairs(rs, "tsv", 2).splitlines()) == 5
    # a no_original row names no original (a script read the closest text's id as a pairing);
    # the closest follows as a candidate when more rows are asked for
    assert tsv[2].split("\t")[1] == "-"
    runner_up = format_pairs(rs, "tsv", 2).splitlines()[4].split("\t")
    assert runner_up[1] == results["en_unrelated"].candidates[0].original_id
    assert runner_up[3] == "candidate"
    doc = json.loads(format_pairs(rs, "json", 1))
    assert doc["results"][0]["candidates"][0]["evidence"]["covers"]
    assert "shared_originals" in doc


def test_empty_translation_result_formats() -> None:
    r = PairResult(Path("x.txt"), (), NO_ORIGINAL)
    assert format_pairs([r], "tsv", 2).splitlines()[1] == "x.txt\t-\t0.000\tno_original"
    c = Candidate("a", None, 1.0, 0.7, {})
    assert json.loads(format_pairs([PairResult(Path("y"), (c,), PAIRED)], "json"))["results"][0][
        "verdict"
    ]


def test_lis_positions() -> None:
    seq = [3, 1, 2, 2, 5, 4]
    pos = longest_in_order(seq)
    assert [seq[i] for i in pos] == [1, 2, 2, 4] or [seq[i] for i in pos] == [1, 2, 2, 5]
    assert longest_in_order([]) == []


def test_cli_pair_index_top_and_json(runner, index: Path) -> None:  # type: ignore[no-untyped-def]
    t = [str(TRANS / "en_atm.txt"), str(TRANS / "en_unrelated.txt")]
    r = runner.invoke(cli.cli, ["pair", *t, "--index", str(index)])
    assert r.exit_code == 0, r.output
    lines = r.output.strip().splitlines()
    assert (
        len(lines) == 3 and lines[1].split("\t")[3] == "paired" and lines[2].endswith("no_original")
    )
    r = runner.invoke(cli.cli, ["pair", *t, "--index", str(index), "--top", "2"])
    assert len(r.output.strip().splitlines()) == 5
    r = runner.invoke(cli.cli, ["pair", *t, "--index", str(index), "--format", "json"])
    assert json.loads(r.output)["results"][1]["verdict"] == "no_original"


def test_cli_pair_originals_folder(runner: CliRunner) -> None:
    r = runner.invoke(
        cli.cli, ["pair", str(TRANS / "en_cyclist_condensed.txt"), "--originals", str(ORIG)]
    )
    assert r.exit_code == 0, r.output
    assert oid("ru_cyclist.txt") in r.output and "paired" in r.output


def test_cli_pair_bad_index(runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "x.sqlite"
    bad.write_text("hello, not sqlite" * 300)
    r = runner.invoke(cli.cli, ["pair", str(TRANS / "en_atm.txt"), "--index", str(bad)])
    assert r.exit_code == 1 and "not a provalign index" in r.output and "Traceback" not in r.output
    monkeypatch.chdir(tmp_path)  # no --index: index add's default path
    r = runner.invoke(cli.cli, ["pair", str(TRANS / "en_atm.txt")])
    assert r.exit_code == 1 and "provalign-index.sqlite: no index here" in r.output


def test_an_original_is_not_its_own_translation(index: Path) -> None:
    """An Arabic text paired against Arabic originals: a copy is not a translation."""
    arabic = sorted(ORIG.glob("*ar*"))[0]
    (result,) = pair_translations([arabic], PairOptions(index=index))
    assert result.verdict == NO_ORIGINAL
    assert all(c.path is None or Path(c.path).name != arabic.name for c in result.candidates)
    # the user may have given an original: the result says which one it resembled
    assert result.same_language == oid(arabic.name)
    assert json.loads(format_pairs([result], "json"))["results"][0]["same_language"] == oid(
        arabic.name
    )


def test_cli_warns_when_an_original_is_given_to_pair(runner, index: Path) -> None:  # type: ignore[no-untyped-def]
    russian = ORIG / "ru_cyclist.txt"
    r = runner.invoke(cli.cli, ["pair", str(russian), "--index", str(index)])
    assert r.exit_code == 0
    assert "no_original" in r.stdout
    warning = r.stderr.strip()
    assert warning.startswith(f"Warning: {russian}: no original found; documents in its own")
    assert f"(the closest: {oid('ru_cyclist.txt')})" in warning
    # a translation that found its original has no such warning
    r = runner.invoke(cli.cli, ["pair", str(TRANS / "en_atm.txt"), "--index", str(index)])
    assert r.exit_code == 0 and "Warning" not in r.stderr
