"""Every file the CLI reads refuses a FIFO or a device before opening it.

Before, ``report FIFO``, ``eval-align --gold FIFO``, ``check A B --config FIFO`` (or
``--review``), ``index add --manifest FIFO`` and batch/demo manifests blocked for ever, and
the same commands given ``/dev/zero`` read until memory ran out. Opening the special file
is made to fail here, so a regression fails the test at once instead of hanging it.
"""

from __future__ import annotations

import builtins
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import cli

BAD = Path(__file__).resolve().parent / "data" / "bad"
A, B = str(BAD / "ar.txt"), str(BAD / "en.txt")


def _commands(x: str, tmp: Path) -> dict[str, list[str]]:
    """Each way the CLI reads a file named on its command line; ``x`` is the special file.

    Keys are ``NAMES``; "article" is the check articles already had, now shared.
    """
    links = tmp / "links.txt"
    links.write_text("[0]:[0]\n", encoding="utf-8")
    manifest = tmp / "batch.tsv"
    manifest.write_text(f"id\toriginal\ttranslation\nx\t{A}\t{B}\n", encoding="utf-8")
    return {
        "report": ["report", x],
        "gold": ["eval-align", "--gold", x, str(links)],
        "links": ["eval-align", "--gold", str(links), x],
        "config": ["check", A, B, "--config", x],
        "review": ["check", A, B, "--review", x],
        "cache": ["check", A, B, "--cache", x],
        "batch_manifest": ["batch", x, "-o", str(tmp / "out")],
        "index_manifest": ["index", "add", "--manifest", x, "--index", str(tmp / "i.sqlite")],
        "index": ["index", "info", "--index", x],
        "pair_index": ["pair", B, "--index", x],
        "article": ["split", x],
    }


NAMES = [
    "report",
    "gold",
    "links",
    "config",
    "review",
    "cache",
    "batch_manifest",
    "index_manifest",
    "index",
    "pair_index",
    "article",
]


@pytest.fixture
def never_open(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Make opening the given path an error (a FIFO would block, /dev/zero never end)."""
    real_open = builtins.open
    forbidden: set[str] = set()

    def guarded(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | os.PathLike) and os.fspath(file) in forbidden:
            raise AssertionError(f"{file} was opened instead of refused")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    monkeypatch.setattr(io, "open", guarded)
    return forbidden.add


def _special(kind: str, tmp_path: Path) -> tuple[str, str]:
    """The special file for ``kind`` and the words the error must use, or skip."""
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no mkfifo on this platform")
        path = tmp_path / "fifo"
        os.mkfifo(path)
        return str(path), "(a FIFO or pipe)"
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this platform")
    return "/dev/zero", "(a device)"


@pytest.mark.parametrize("kind", ["fifo", "dev_zero"])
@pytest.mark.parametrize("command", NAMES)
def test_special_file_is_refused_naming_it(
    runner: CliRunner,
    tmp_path: Path,
    never_open: Callable[[str], None],
    kind: str,
    command: str,
) -> None:
    special, words = _special(kind, tmp_path)
    never_open(special)
    result = runner.invoke(cli.cli, _commands(special, tmp_path)[command])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.strip() == f"Error: {special}: not a regular file {words}"


def test_demo_manifest_that_is_a_fifo_is_refused(
    runner: CliRunner, tmp_path: Path, never_open: Callable[[str], None]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    special, _ = _special("fifo", corpus)
    manifest = corpus / "manifest.tsv"
    os.replace(special, manifest)
    never_open(str(manifest))
    result = runner.invoke(cli.cli, ["demo", str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {manifest}: not a regular file (a FIFO or pipe)"


def test_batch_item_that_is_a_fifo_fails_that_item_only(
    runner: CliRunner, tmp_path: Path, never_open: Callable[[str], None]
) -> None:
    special, _ = _special("fifo", tmp_path)
    never_open(special)
    manifest = tmp_path / "batch.tsv"
    manifest.write_text(f"id\toriginal\ttranslation\nx\t{special}\t{B}\n", encoding="utf-8")
    result = runner.invoke(cli.cli, ["batch", str(manifest), "-o", str(tmp_path / "out")])
    assert result.exit_code == 4, result.output  # the item failed, the batch ran (exit 4)
    assert "1 failed" in result.stdout
    summary = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8")
    assert f"{special}: not a regular file (a FIFO or pipe)" in summary


@pytest.mark.parametrize(
    ("command", "what", "cap_mb"),
    [
        ("report", "a JSON report", 256),
        ("review", "a JSON report", 256),
        ("gold", "a links file", 64),
        ("links", "a links file", 64),
        ("config", "a config file", 1),
    ],
)
def test_a_file_too_large_for_what_it_should_be_is_refused_by_its_size(
    runner: CliRunner,
    tmp_path: Path,
    never_open: Callable[[str], None],
    command: str,
    what: str,
    cap_mb: int,
) -> None:
    """A video or disk image given as a report, links file or config is refused at once,
    naming it, before a byte is read (it used to be read whole: "out of memory")."""
    big = tmp_path / "big.bin"
    with open(big, "wb") as fh:  # sparse: no disk spent
        fh.truncate(cap_mb * 2**20 + 1)
    never_open(str(big))
    result = runner.invoke(cli.cli, _commands(str(big), tmp_path)[command])
    assert result.exit_code == 1, result.output
    size = f"{cap_mb * 2**20 + 1:,}"
    assert result.stderr.strip() == (
        f"Error: {big}: {size} bytes, larger than {what} may be ({cap_mb} MB)"
    )
