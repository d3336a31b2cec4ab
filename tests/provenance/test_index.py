"""The SQLite index of originals: adding, de-duplication, bad files, concurrency."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import cli
from align.errors import FormatError, IndexStoreError
from align.provenance.docvectors import anchors_of, dequantize, quantize
from align.provenance.index import add_records, add_to_index, index_info, remove_from_index
from align.provenance.index_file import connect
from align.provenance.originals import IndexOptions, OriginalRecord, count_inputs

ROOT = Path(__file__).resolve().parents[2]
ORIGINALS = Path(__file__).resolve().parents[1] / "data" / "pairing" / "originals"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, encoder: object) -> Path:
    path = tmp_path_factory.mktemp("idx") / "i.sqlite"
    res = add_to_index(path, [ORIGINALS], None, IndexOptions())
    assert (res.added, res.skipped) == (5, 0)
    return path


def _manifest(tmp_path: Path, lines: list[str]) -> Path:
    m = tmp_path / "m.jsonl"
    m.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return m


def _entry(doc_id: str, name: str) -> str:
    text = (ORIGINALS / name).read_text(encoding="utf-8")
    return json.dumps(
        {
            "id": doc_id,
            "url": f"https://x/{doc_id}",
            "outlet": "X",
            "date": "2019-10-01",
            "title": None,
            "text": text,
        },
        ensure_ascii=False,
    )


def test_add_info_and_dedup(built: Path) -> None:
    info = index_info(built)
    assert info["count"] == 5 and info["languages"] == {"ar": 3, "ru": 2}
    assert info["schema"] == 3 and info["encoder"] and info["size_bytes"] > 0
    again = add_to_index(built, [ORIGINALS], None, IndexOptions())
    assert (again.added, again.skipped) == (0, 5)
    assert index_info(built)["count"] == 5


def test_manifest_same_content_not_duplicated(tmp_path: Path, built: Path) -> None:
    path = tmp_path / "copy.sqlite"
    path.write_bytes(built.read_bytes())
    m = _manifest(tmp_path, [_entry("new-id", "ar_atm.txt"), _entry("m2", "ar_atm.txt")])
    # two ids with one content: the second is a duplicate of the first and of the file
    res = add_to_index(path, [], m, IndexOptions())
    assert res.added == 0 and res.skipped == 2
    assert index_info(path)["count"] == 5


def test_remove(tmp_path: Path, built: Path) -> None:
    path = tmp_path / "copy.sqlite"
    path.write_bytes(built.read_bytes())
    doc_id = (ORIGINALS / "ru_cyclist.txt").as_posix()
    remove_from_index(path, doc_id)
    assert index_info(path)["count"] == 4
    with pytest.raises(IndexStoreError, match="no original with id"):
        remove_from_index(path, doc_id)


def test_manifest_line_not_json_names_line(tmp_path: Path) -> None:
    m = _manifest(
        tmp_path, [_entry("a", "ar_atm.txt"), "{not json", _entry("b", "ru_midsomer.txt")]
    )
    with pytest.raises(FormatError, match="line 2 is not JSON"):
        count_inputs([], m)
    with pytest.raises(FormatError, match="line 2"):
        add_to_index(tmp_path / "i.sqlite", [], m, IndexOptions())
    assert not (tmp_path / "i.sqlite").exists()  # nothing written before validation


def test_manifest_duplicate_ids(tmp_path: Path) -> None:
    m = _manifest(tmp_path, [_entry("a", "ar_atm.txt"), _entry("a", "ru_midsomer.txt")])
    with pytest.raises(FormatError, match="line 2 repeats id 'a'"):
        count_inputs([], m)


def test_corrupt_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(IndexStoreError, match="not a provalign index"):
        index_info(bad)


def test_foreign_sqlite(tmp_path: Path) -> None:
    f = tmp_path / "foreign.sqlite"
    with sqlite3.connect(f) as c:
        c.execute("CREATE TABLE t (x)")
    with pytest.raises(IndexStoreError, match="not a provalign index"):
        add_to_index(f, [ORIGINALS], None, IndexOptions())


def test_older_schema(tmp_path: Path) -> None:
    f = tmp_path / "old.sqlite"
    with sqlite3.connect(f) as c:
        c.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        c.execute("INSERT INTO meta VALUES ('app', 'provalign-index')")
        c.execute("PRAGMA user_version = 1")
    with pytest.raises(IndexStoreError, match=r"older provalign \(schema 1\); rebuild"):
        index_info(f)


def test_missing_index(tmp_path: Path) -> None:
    with pytest.raises(IndexStoreError, match="no index here"):
        index_info(tmp_path / "nope.sqlite")


def test_quantize_roundtrip_and_anchors() -> None:
    rng = np.random.default_rng(0)
    e = rng.standard_normal((5, 512)).astype(np.float32)
    e /= np.linalg.norm(e, axis=1, keepdims=True)
    back = dequantize(*quantize(e))
    assert np.min((back * e).sum(1)) > 0.999
    a = anchors_of("قال رئيس BBC إن ١٢٣ شخصا و 1,500 آخرين")
    assert {"bbc", "#123", "#1500"} <= a


_WORKER = """
import sys
import numpy as np
from align.provenance.index import add_records
from align.provenance.index_file import connect
from align.provenance.originals import OriginalRecord
path, start = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(start)
conn = connect(path, create=True)
recs = []
for k in range(start, start + 300):
    e = rng.standard_normal((3, 512)).astype(np.float32)
    e /= np.linalg.norm(e, axis=1, keepdims=True)
    recs.append(OriginalRecord(f"d{k}", f"text {k}", ("a", "b", "c"), "ru", embeddings=e))
print(add_records(conn, recs).added)
"""


def test_two_processes_adding_at_once(tmp_path: Path) -> None:
    path = str(tmp_path / "c.sqlite")
    # overlapping id ranges: 0-299 and 150-449 -> 450 distinct documents
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, path, str(s)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for s in (0, 150)
    ]
    added = [int(p.communicate(timeout=120)[0]) for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert sum(added) == 450
    conn = connect(path, create=False)
    ids = [r[0] for r in conn.execute("SELECT id FROM docs")]
    assert len(ids) == len(set(ids)) == 450


def test_precomputed_records_need_no_encoder(tmp_path: Path) -> None:
    conn = connect(tmp_path / "p.sqlite", create=True)
    e = np.eye(2, 512, dtype=np.float32)
    res = add_records(
        conn, [OriginalRecord("x", "one. two.", ("one.", "two."), "ru", embeddings=e)]
    )
    assert res.added == 1


def test_cli_index_add_info_remove(runner, tmp_path: Path, built: Path) -> None:  # type: ignore[no-untyped-def]
    idx = tmp_path / "cli.sqlite"
    m = _manifest(tmp_path, [_entry("wire-1", "ar_volcano.txt")])
    r = runner.invoke(cli.cli, ["index", "add", "--index", str(idx), "--manifest", str(m)])
    assert r.exit_code == 0, r.output
    assert "added 1" in r.output
    r = runner.invoke(cli.cli, ["index", "info", "--index", str(idx)])
    assert r.exit_code == 0 and json.loads(r.output)["count"] == 1
    r = runner.invoke(cli.cli, ["index", "remove", "wire-1", "--index", str(idx)])
    assert r.exit_code == 0 and "removed wire-1" in r.output
    r = runner.invoke(cli.cli, ["index", "remove", "wire-1", "--index", str(idx)])
    assert r.exit_code == 1 and "no original with id" in r.output and "Traceback" not in r.output


def test_cli_bad_manifest_and_bad_index(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    m = _manifest(tmp_path, ['{"id": "a", "text": "x"}', "oops"])
    r = runner.invoke(
        cli.cli, ["index", "add", "--index", str(tmp_path / "i.sqlite"), "--manifest", str(m)]
    )
    assert r.exit_code == 1 and "line 2 is not JSON" in r.output and "Traceback" not in r.output
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00garbage" * 500)
    r = runner.invoke(cli.cli, ["index", "info", "--index", str(bad)])
    assert r.exit_code == 1 and "not a provalign index" in r.output
    r = runner.invoke(cli.cli, ["index", "add", "--index", str(bad)])
    assert r.exit_code == 2
