"""English versions in the index: role, renders, schema migration, and pair's chain."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from align.provenance.index import index_info
from align.provenance.index_file import SCHEMA_VERSION, connect

DATA = Path(__file__).resolve().parents[1] / "data" / "pairing"
ORIG = DATA / "originals"
TRANS = DATA / "translations"


def _edited(src: Path, dst: Path) -> Path:
    """A copy-edit of an English version: a word changed, the last sentence dropped."""
    text = src.read_text(encoding="utf-8").replace("stole", "took").replace("Thieves on", "On")
    sents = text.split(". ")
    dst.write_text(". ".join(sents[:-1]) + ".\n", encoding="utf-8")
    return dst


@pytest.fixture(scope="module")
def chain_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("chain") / "idx.sqlite"
    runner = CliRunner()
    res = runner.invoke(cli.cli, ["index", "add", str(ORIG), "--index", str(path)])
    assert res.exit_code == 0, res.output
    ev = TRANS / "en_atm.txt"
    args = ["index", "add", str(ev), "--index", str(path), "--role", "english_version"]
    res = runner.invoke(cli.cli, [*args, "--renders", (ORIG / "ar_atm.txt").as_posix()])
    assert res.exit_code == 0, res.output
    return path


def test_roles_in_info(chain_index: Path) -> None:
    info = index_info(chain_index)
    assert info["roles"] == {"original": 5, "english_version": 1}
    assert info["schema"] == SCHEMA_VERSION == 3


def test_pair_reports_chain(chain_index: Path, tmp_path: Path) -> None:
    query = _edited(TRANS / "en_atm.txt", tmp_path / "copy.txt")
    other = TRANS / "en_cyclist_condensed.txt"  # its original has no English version indexed
    res = CliRunner().invoke(
        cli.cli, ["pair", str(query), str(other), "--index", str(chain_index), "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    copy, no_version = json.loads(res.output)["results"]
    assert copy["verdict"] == "paired"
    assert copy["candidates"][0]["original_id"] == (ORIG / "ar_atm.txt").as_posix()
    d = copy["derived_from"]
    assert d["id"] == (TRANS / "en_atm.txt").as_posix()
    assert d["renders"] == (ORIG / "ar_atm.txt").as_posix()
    assert d["evidence"]["relation"] == "copy_edited" and "provalign derive" in d["derive"]
    assert no_version["verdict"] == "paired" and no_version["derived_from"] is None
    ev = copy["candidates"][0]["evidence"]
    assert ev["sentence_share"] > 0.5 and ev["matched_sentences"]
    assert "unmatched_sentences" in ev


def test_declared_original_missing(chain_index: Path) -> None:
    args = ["index", "add", str(TRANS / "en_volcano_condensed.txt"), "--index", str(chain_index)]
    res = CliRunner().invoke(cli.cli, [*args, "--role", "english_version", "--renders", "nope"])
    assert res.exit_code == 1
    assert "declared original id 'nope' is not in the index" in res.output
    assert "en_volcano_condensed.txt" in res.output and "Traceback" not in res.output
    res = CliRunner().invoke(cli.cli, [*args, "--renders", "nope"])
    assert res.exit_code == 2


def test_english_version_must_be_english(tmp_path: Path) -> None:
    path = tmp_path / "idx.sqlite"
    args = ["index", "add", str(ORIG / "ar_atm.txt"), "--index", str(path)]
    res = CliRunner().invoke(cli.cli, [*args, "--role", "english_version"])
    assert res.exit_code == 1 and "must be English" in res.output


def test_schema_2_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    c = sqlite3.connect(path)
    c.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES ('app', 'provalign-index');"
        "CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hash TEXT NOT "
        "NULL UNIQUE, path TEXT, url TEXT, outlet TEXT, date TEXT, title TEXT, lang TEXT NOT "
        "NULL, text TEXT NOT NULL, sentences TEXT NOT NULL, n_sent INTEGER NOT NULL, anchors "
        "TEXT NOT NULL, emb BLOB NOT NULL, emb_scale BLOB NOT NULL, doc_vec BLOB NOT NULL, "
        "slot_vec BLOB NOT NULL);"
        "INSERT INTO docs VALUES (1, 'a', 'h', NULL, NULL, NULL, NULL, NULL, 'ru', 't', '[]', "
        "0, '[]', x'', x'', x'', x'');"
        "PRAGMA user_version = 2;"
    )
    c.close()
    conn = connect(path, create=False)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert conn.execute("SELECT role, renders FROM docs").fetchall() == [("original", None)]
    conn.close()
    connect(path, create=False).close()  # a second open finds it migrated
