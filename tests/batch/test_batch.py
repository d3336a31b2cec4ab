"""provalign batch in process: inputs, resume, error rows, stems, summaries, no Dask import."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from align.batch.inputs import folder_items, one_folder_items, read_batch_manifest
from align.batch.run import BatchOptions, assign_stems, run_batch
from align.errors import FormatError
from cli import cli

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "corpora" / "demo"
PAIRS = ["ru-bbc-381736", "ar-thelocal-65969"]


def _manifest(tmp: Path, extra: str = "", ids: list[str] = PAIRS) -> Path:
    lines = ["id\toriginal\ttranslation"]
    for i in ids:
        lang = i.split("-")[0]
        lines.append(f"{i}\t{DEMO / f'{i}.{lang}.txt'}\t{DEMO / f'{i}.en.txt'}")
    path = tmp / "m.tsv"
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


def test_manifest_tsv_jsonl_and_refusals(tmp_path: Path) -> None:
    tsv = tmp_path / "a.tsv"
    tsv.write_text("translation\tid\toriginal\tnote\nt.txt\tx\to.txt\thi\n", encoding="utf-8")
    (item,) = read_batch_manifest(tsv)
    assert (item.pair_id, item.note, item.line) == ("x", "hi", 2)
    assert item.original == str(tmp_path / "o.txt")  # relative to the manifest
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(
        json.dumps({"id": "y", "original": "/abs/o.txt", "translation": "t", "orig_lang": "RU"})
        + "\n",
        encoding="utf-8",
    )
    (item,) = read_batch_manifest(jsonl)
    assert (item.original, item.orig_lang, item.trans_lang) == ("/abs/o.txt", "ru", None)
    tsv.write_text("id\toriginal\ttranslation\na\to\tt\n\nb\to\tt\na\to2\tt2\n", encoding="utf-8")
    with pytest.raises(FormatError, match="'a' appears twice, on line 2 and line 5"):
        read_batch_manifest(tsv)
    tsv.write_text("id\toriginal\n", encoding="utf-8")
    with pytest.raises(FormatError, match="header"):
        read_batch_manifest(tsv)
    jsonl.write_text('{"id": "z", "original": "o"}\n', encoding="utf-8")
    with pytest.raises(FormatError, match="line 1: empty or missing translation"):
        read_batch_manifest(jsonl)


def test_stems_never_collide() -> None:
    ids = ["a/b", "a_b", "A_b", "plain", "..", "x y"]
    stems = assign_stems(ids)
    assert len({s.casefold() for s in stems}) == len(ids)
    assert stems[3] == "plain"
    assert all("/" not in s and not s.startswith(".") for s in stems)


def test_folders_matched_by_name(tmp_path: Path) -> None:
    (tmp_path / "o").mkdir()
    (tmp_path / "t").mkdir()
    for name in ("s1.ru.txt", "s2.ru.txt"):
        (tmp_path / "o" / name).write_text("x", encoding="utf-8")
    for name in ("s1.en.txt", "s3.en.html"):
        (tmp_path / "t" / name).write_text("x", encoding="utf-8")
    items = folder_items(tmp_path / "o", tmp_path / "t")
    assert [(i.pair_id, bool(i.error)) for i in items] == [
        ("s1", False),
        ("s2", True),
        ("s3", True),
    ]


def test_one_folder_holds_both_sides(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    # a fourth user's layout: NAME.orig.txt beside NAME.en.txt (each file was paired with itself)
    names = (
        "a.orig.txt",
        "a.en.txt",
        "b.ru.txt",
        "b.trans.txt",
        "c.en.txt",
        "d.ar.txt",
        "NOTES.md",
    )
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    items = one_folder_items(tmp_path)
    assert [(i.pair_id, Path(i.original).name, Path(i.translation).name) for i in items[:2]] == [
        ("a", "a.orig.txt", "a.en.txt"),
        ("b", "b.ru.txt", "b.trans.txt"),
    ]
    assert [i.pair_id for i in items if i.error] == ["c", "d"]
    assert "c.en.txt: one folder pairs c.<lang>.txt" in str(items[2].error)
    assert folder_items(tmp_path, tmp_path) == items  # the same folder given twice
    only_en = tmp_path / "en"
    only_en.mkdir()
    (only_en / "x.en.txt").write_text("x", encoding="utf-8")
    res = runner.invoke(cli, ["batch", str(only_en), "-o", str(tmp_path / "o1")])
    assert res.exit_code == 1 and "no pairs here" in res.output and "--index" in res.output
    pairs = tmp_path / "pairs"
    pairs.mkdir()
    for name in (f"{PAIRS[0]}.ru.txt", f"{PAIRS[0]}.en.txt"):
        (pairs / name.replace(".ru.", ".orig.")).write_bytes((DEMO / name).read_bytes())
    res = runner.invoke(cli, ["batch", str(pairs), "-o", str(tmp_path / "o2")])
    assert res.exit_code == 0 and "1 item: 1 checked." in res.output, res.output
    assert (tmp_path / "o2" / f"{PAIRS[0]}.json").is_file()


def test_batch_rows_resume_and_force(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    manifest = _manifest(
        tmp_path, f"gone\t{tmp_path / 'missing.ru.txt'}\t{DEMO / 'ru-bbc-381736.en.txt'}\n"
    )
    out = tmp_path / "out"
    res = runner.invoke(cli, ["batch", str(manifest), "-o", str(out), "--format", "html"])
    assert res.exit_code == 4, res.output  # some items failed: the others are written
    assert "3 items: 2 checked, 1 failed." in res.output
    rows = [json.loads(x) for x in (out / "summary.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [*PAIRS, "gone"]
    assert "missing.ru.txt: no such file" in rows[2]["error"]
    assert rows[0]["verdict"] and rows[0]["omission"] >= 1 and rows[0]["error"] is None
    csv_lines = (out / "summary.csv").read_text(encoding="utf-8").splitlines()
    assert (
        csv_lines[0].startswith("id,verdict,coverage,major,minor,omission,") and len(csv_lines) == 4
    )
    assert rows[0]["major"] is not None and rows[2]["major"] is None  # none for an error row
    report = out / f"{PAIRS[0]}.json"
    assert (out / f"{PAIRS[0]}.html").is_file() and "gone" in (out / "index.html").read_text()
    before = report.stat().st_mtime_ns
    res = runner.invoke(cli, ["batch", str(manifest), "-o", str(out), "--format", "html"])
    done = "3 items: 0 checked, 2 already up to date (--force redoes them), 1 failed."
    assert done in res.output and report.stat().st_mtime_ns == before
    res = runner.invoke(
        cli, ["batch", str(manifest), "-o", str(out), "--format", "html", "--force"]
    )
    assert "3 items: 2 checked, 1 failed." in res.output and report.stat().st_mtime_ns != before
    # new settings (another format) redo every item
    res = runner.invoke(cli, ["batch", str(manifest), "-o", str(out), "--format", "md"])
    assert "3 items: 2 checked, 1 failed." in res.output and (out / f"{PAIRS[1]}.md").is_file()


def test_bad_batch_inputs(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    manifest = _manifest(tmp_path, ids=[PAIRS[0], PAIRS[0]])
    res = runner.invoke(cli, ["batch", str(manifest), "-o", str(tmp_path / "o")])
    assert res.exit_code == 1 and "on line 2 and line 3" in res.output
    assert not (tmp_path / "o").exists()  # refused before starting
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    res = runner.invoke(cli, ["batch", str(_manifest(tmp_path)), "-o", str(blocker / "out")])
    assert res.exit_code == 1 and "cannot write to the output folder" in res.output
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1
    res = runner.invoke(cli, ["batch", str(tmp_path), "-o", str(tmp_path / "o")])
    assert res.exit_code == 1 and "no articles" in res.output  # one folder: both sides


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    try:
        res = subprocess.run(
            [sys.executable, "cli.py", "batch", str(_manifest(tmp_path)), "-o", str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        out.chmod(0o700)
    assert (
        res.returncode == 1 and res.stderr.startswith("Error: ") and "Traceback" not in res.stderr
    )


def test_in_process_batch_imports_no_dask(tmp_path: Path) -> None:
    code = (
        "import sys; from align.batch.run import run_batch; from align.batch.inputs import "
        f"read_batch_manifest; r = run_batch(read_batch_manifest({str(_manifest(tmp_path))!r}), "
        f"{str(tmp_path / 'o')!r}); assert not r.failed, r.rows; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_run_batch_library_api(tmp_path: Path) -> None:
    items = read_batch_manifest(_manifest(tmp_path, ids=PAIRS[:1]))
    result = run_batch(items, tmp_path / "o", BatchOptions(formats=("tmx", "json", "tmx")))
    assert result.rows[0].verdict and (tmp_path / "o" / f"{PAIRS[0]}.tmx").is_file()
    assert BatchOptions(formats=("tmx",)).formats == ("json", "tmx")


def test_batch_pairs_a_folder_against_an_index(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from align.provenance.index import add_to_index
    from align.provenance.originals import IndexOptions

    pairing = Path(__file__).resolve().parents[1] / "data" / "pairing"
    index = tmp_path / "idx.sqlite"
    add_to_index(index, [pairing / "originals"], None, IndexOptions())
    folder = tmp_path / "en"
    folder.mkdir()
    for name in ("en_atm.txt", "en_unrelated.txt"):
        shutil.copy(pairing / "translations" / name, folder / name)
    res = runner.invoke(
        cli, ["batch", str(folder), "--index", str(index), "-o", str(tmp_path / "o")]
    )
    assert res.exit_code == 0, res.output
    assert "2 items: 1 checked, 1 without an original in the index." in (res.output)
    rows = {
        r["id"]: r
        for r in map(json.loads, (tmp_path / "o" / "summary.jsonl").read_text().splitlines())
    }
    assert rows["en_atm"]["original"].endswith("ar_atm.txt") and rows["en_atm"]["verdict"]
    assert rows["en_unrelated"]["error"] == "no original found for this translation"


def test_batch_with_an_index_names_originals_as_the_user_would(
    tmp_path: Path,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The index stores absolute paths; the summaries and reports must not carry them."""
    import shutil

    shutil.copytree(Path(__file__).resolve().parents[1] / "data" / "pairing", tmp_path / "p")
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(cli, ["index", "add", "--index", "i.sqlite", "p/originals"]).exit_code == 0
    res = runner.invoke(cli, ["batch", "p/translations", "--index", "i.sqlite", "-o", "o"])
    assert res.exit_code == 0, res.output
    written = [p for p in (tmp_path / "o").iterdir() if p.is_file()]
    assert {p.name for p in written} >= {"summary.csv", "summary.jsonl", "index.html"}
    for path in written:
        assert str(tmp_path) not in path.read_text(encoding="utf-8"), path.name
    rows = [json.loads(r) for r in (tmp_path / "o" / "summary.jsonl").read_text().splitlines()]
    assert "p/originals/ar_atm.txt" in {r["original"] for r in rows}


def test_batch_checks_originals_stored_in_a_manifest_index(
    tmp_path: Path, runner: CliRunner
) -> None:
    """An index built from a JSONL manifest keeps texts, not files: batch checks from the
    stored text as ``pair --then check`` does (it used to fail every such item)."""
    pairing = Path(__file__).resolve().parents[1] / "data" / "pairing"
    manifest = tmp_path / "m.jsonl"
    text = (pairing / "originals" / "ar_atm.txt").read_text(encoding="utf-8")
    manifest.write_text(json.dumps({"id": "wire-atm", "text": text}) + "\n", encoding="utf-8")
    index = tmp_path / "i.sqlite"
    res = runner.invoke(cli, ["index", "add", "--index", str(index), "--manifest", str(manifest)])
    assert res.exit_code == 0, res.output
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "en_atm.txt").write_text((pairing / "translations" / "en_atm.txt").read_text())
    res = runner.invoke(
        cli, ["batch", str(folder), "--index", str(index), "-o", str(tmp_path / "o")]
    )
    assert res.exit_code == 0, res.output
    (row,) = map(json.loads, (tmp_path / "o" / "summary.jsonl").read_text().splitlines())
    assert row["error"] is None and row["verdict"] == "faithful", row
    assert row["original"].endswith("originals/wire-atm.txt")


def test_batch_says_why_it_skips_an_original_indexed_by_its_address(tmp_path: Path) -> None:
    items = read_batch_manifest(_manifest(tmp_path, ids=PAIRS[:1]))
    item = dataclasses.replace(items[0], original="https://example.org/story")
    (row,) = run_batch([item], tmp_path / "o").rows
    assert row.error and "indexed from its address" in row.error and "example.org" in row.error


def test_batch_unmatched_lists_runs_and_is_part_of_the_resume_key(
    tmp_path: Path, runner: CliRunner
) -> None:
    manifest = _manifest(tmp_path, ids=PAIRS[:1])
    out = tmp_path / "out"
    res = runner.invoke(cli, ["batch", str(manifest), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "unmatched" not in json.loads((out / f"{PAIRS[0]}.json").read_text(encoding="utf-8"))
    res = runner.invoke(cli, ["batch", str(manifest), "-o", str(out), "--unmatched"])
    assert res.exit_code == 0 and "1 item: 1 checked." in res.output  # another setting: redone
    data = json.loads((out / f"{PAIRS[0]}.json").read_text(encoding="utf-8"))
    assert data["unmatched"] and data["signature"]["settings"]["flags.unmatched_words"] == "True"
    res = runner.invoke(cli, ["batch", str(manifest), "-o", str(out), "--unmatched"])
    assert "1 already up to date" in res.output


def test_not_a_translation_has_no_coverage_in_the_summaries() -> None:
    from align.batch.run import BatchRow, summary_record

    row = BatchRow("x", "x", "o", "t", verdict="not_a_translation", coverage=0.7)
    assert summary_record(row)["coverage"] is None  # its forced links are no coverage
    assert summary_record(dataclasses.replace(row, verdict="edited"))["coverage"] == 0.7
