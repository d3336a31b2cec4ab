"""Hostile and messy input through every command: a correct result or a one-line error.

Each case of ``tests/data/bad`` (made by ``make_bad.py``; the 50 MB text is written at
test time) is run through ``split``, ``align``, ``check``, ``report``, ``eval-align``,
``index add``, ``pair`` and ``synth`` via ``CliRunner``. The rule checked everywhere:
exit 0 with valid output, or exit 1 with one line ``Error: FILE: problem`` naming the
file (usage errors: exit 2), never a traceback, never a hang. Inputs are tiny; the
encoder is loaded once per process (``align.embed.encoder.load_encoder`` caches it).
"""

from __future__ import annotations

import json
import os
import shutil
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import check_exactly_once

import cli
from align.sentalign.links import parse_links
from align.types import NOT_A_TRANSLATION, VERDICTS

BAD = Path(__file__).resolve().parent / "data" / "bad"
HUGE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Case:
    """One bad input: the file (or a generated path), and what the reader makes of it.

    ``lang`` is the language of the document when the input is readable (a correct
    result is expected); ``error`` is a substring of the one-line message otherwise.
    """

    name: str
    file: str  # name in tests/data/bad, or a generated kind: <dir> <missing> <unreadable> <huge>
    lang: str | None = None
    error: str | None = None
    encoding: str | None = None


CASES = [
    Case("empty", "empty.txt", error="file is empty"),
    Case("whitespace", "whitespace.txt", error="only whitespace"),
    Case("pdf", "fake.pdf", error="binary file (a PDF document)"),
    Case("png", "image.png", error="binary file (a PNG image)"),
    Case("gzip", "text.txt.gz", error="binary file (gzip-compressed data)"),
    Case("cp1256", "ar.cp1256.txt", lang="ar", encoding="windows-1256"),
    Case("cp1251", "ru.cp1251.txt", lang="ru", encoding="windows-1251"),
    Case("koi8r", "ru.koi8r.txt", lang="ru", encoding="koi8-r"),
    Case("utf16", "en.utf16.txt", lang="en", encoding="utf-16"),
    Case("utf16be", "ar.utf16be.txt", lang="ar", encoding="utf-16"),
    Case("utf16_nobom", "ru.utf16le-nobom.txt", lang="ru", encoding="utf-16"),
    Case("mixed_encodings", "ru.mixed.txt", lang="ru", encoding="utf-8+windows-1251"),
    Case("long_line", "long_line.txt", lang="en", encoding="utf-8"),
    Case("only_numbers", "numbers.txt", error="cannot detect the language"),
    Case("only_urls", "urls.txt", error="cannot detect the language"),
    Case("bidi_zero_width", "bidi.txt", lang="en", encoding="utf-8"),
    Case("rlm_in_numbers", "ar_rlm_numbers.txt", lang="ar", encoding="utf-8"),
    Case("html_scripts_no_article", "scripts.html", error="HTML page has no article text"),
    Case("html_truncated", "truncated.html", lang="en", encoding="utf-8"),
    Case("directory", "<dir>", error="is a directory"),
    Case("missing", "<missing>", error="no such file"),
    Case("unreadable", "<unreadable>", error="permission denied"),
    Case("huge_50mb", "<huge>", error="more than --max-chars"),
]
OK_CASES = [c for c in CASES if c.error is None]
IDS = [c.name for c in CASES]


@pytest.fixture(scope="module")
def huge_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """50 MB of plain English, written in 1 MB chunks (never committed)."""
    path = tmp_path_factory.mktemp("huge") / "huge.txt"
    chunk = (b"The minister said the plan would cost 200 million dollars. " * 20_000)[: 1 << 20]
    with path.open("wb") as f:
        for _ in range(HUGE_BYTES // len(chunk)):
            f.write(chunk)
    return path


@pytest.fixture(scope="module")
def index_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index holding the Arabic article, built once through the CLI (loads the encoder)."""
    path = tmp_path_factory.mktemp("index") / "originals.sqlite"
    result = CliRunner().invoke(
        cli.cli, ["index", "add", "--index", str(path), str(BAD / "ar.txt")]
    )
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def resolve(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, huge_file: Path) -> Iterator[object]:
    """Turn a Case into a path (generated kinds are made in tmp_path)."""

    def to_path(case: Case) -> Path:
        if case.file == "<dir>":
            d = tmp_path / "a_folder.txt"
            d.mkdir()
            return d
        if case.file == "<missing>":
            return tmp_path / "missing.txt"
        if case.file == "<huge>":
            return huge_file
        if case.file == "<unreadable>":
            path = tmp_path / "unreadable.txt"
            shutil.copy(BAD / "en.txt", path)
            real_open = Path.open

            def deny(self: Path, *args: object, **kwargs: object) -> object:
                if self.name == "unreadable.txt":
                    raise PermissionError(13, "Permission denied", str(self))
                return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

            monkeypatch.setattr(Path, "open", deny)  # root ignores chmod: simulate it
            return path
        return BAD / case.file

    yield to_path


def assert_error(result: Result, path: Path | str, fragment: str | None = None) -> str:
    """Exit 1, one line ``Error: <path>...``, no traceback; return the line."""
    assert "Traceback" not in result.output
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ") and str(path) in lines[0], lines[0]
    if fragment:
        assert fragment in lines[0], lines[0]
    return lines[0]


def assert_ok(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output


def assert_ladder(text: str) -> None:
    """Every sentence index of both sides appears once, in order."""
    links = parse_links(text)
    n = 1 + max((i for lk in links for i in lk.original), default=-1)
    m = 1 + max((j for lk in links for j in lk.translation), default=-1)
    check_exactly_once(links, n, m)
    assert n and m and all(0 <= lk.score <= 1 for lk in links)


def pair_args(case: Case, path: Path) -> tuple[Path, Path]:
    """(original, translation): an English case translates ar.txt; ar/ru cases are
    originals of en.txt; unreadable cases go on the translation side."""
    if case.lang in ("ar", "ru"):
        return path, BAD / "en.txt"
    return BAD / "ar.txt", path


# ----------------------------------------------------------------------------- split


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_split(runner: CliRunner, resolve, case: Case) -> None:  # type: ignore[no-untyped-def]
    path = resolve(case)
    result = runner.invoke(cli.cli, ["split", str(path), "--format", "json"])
    if case.error:
        assert_error(result, path, case.error)
        return
    assert_ok(result)
    data = json.loads(result.output)
    assert data["lang"] == case.lang and data["encoding"] == case.encoding
    texts = [s["text"] for s in data["sentences"]]
    assert texts and all(t and t == t.strip() for t in texts)


def test_encodings_decode_to_the_utf8_text(runner: CliRunner) -> None:
    """Legacy codecs, BOM-less UTF-16 and mixed files give the same sentences as UTF-8."""

    def sentences(name: str) -> list[str]:
        result = runner.invoke(cli.cli, ["split", str(BAD / name)])
        assert_ok(result)
        return result.output.splitlines()

    ar, ru = sentences("ar.txt"), sentences("ru.txt")
    assert sentences("ar.cp1256.txt") == ar == sentences("ar.utf16be.txt")
    assert sentences("ru.utf16le-nobom.txt") == ru
    assert sentences("ru.mixed.txt") == ru[1:]  # the file holds the two body paragraphs
    assert sentences("ru.koi8r.txt") == sentences("ru.cp1251.txt")
    assert sentences("en.utf16.txt") == sentences("en.txt")


def test_invisible_characters_are_kept_in_sentences(runner: CliRunner) -> None:
    """Bidi overrides, zero-width characters and RLMs in numbers stay where they were:
    reports quote the article exactly; matching strips them (align.text.normalize)."""
    result = runner.invoke(cli.cli, ["split", str(BAD / "ar_rlm_numbers.txt"), "--format", "json"])
    assert_ok(result)
    text = (BAD / "ar_rlm_numbers.txt").read_text(encoding="utf-8")
    rows = json.loads(result.output)["sentences"]
    assert len(rows) == 2 and all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert "3\u200f.5" in rows[0]["text"]


def test_huge_file_is_refused_fast_with_bounded_memory(runner: CliRunner, huge_file: Path) -> None:
    tracemalloc.start()
    t0 = time.perf_counter()
    result = runner.invoke(cli.cli, ["split", str(huge_file)])
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    line = assert_error(result, huge_file, "more than --max-chars 200,000")
    assert "52,428,800 bytes" in line
    assert elapsed < 5 and peak < 5 * 1024 * 1024  # refused from the file size, unread


def test_max_chars_counts_characters_before_splitting(runner: CliRunner) -> None:
    result = runner.invoke(cli.cli, ["split", str(BAD / "long_line.txt"), "--max-chars", "19000"])
    assert_error(result, BAD / "long_line.txt", "20,001 characters, more than --max-chars 19,000")
    result = runner.invoke(cli.cli, ["split", str(BAD / "long_line.txt"), "--max-chars", "20001"])
    assert_ok(result)


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading",
)
def test_split_really_unreadable(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    shutil.copy(BAD / "en.txt", path)
    path.chmod(0)
    try:
        assert_error(runner.invoke(cli.cli, ["split", str(path)]), path, "permission denied")
    finally:
        path.chmod(0o644)


# ----------------------------------------------------------------------------- align / check


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_align(runner: CliRunner, resolve, case: Case) -> None:  # type: ignore[no-untyped-def]
    path = resolve(case)
    original, translation = pair_args(case, path)
    result = runner.invoke(cli.cli, ["align", str(original), str(translation)])
    if case.error:
        assert_error(result, path, case.error)
        return
    assert_ok(result)
    assert_ladder(result.output)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_check(runner: CliRunner, resolve, case: Case) -> None:  # type: ignore[no-untyped-def]
    path = resolve(case)
    original, translation = pair_args(case, path)
    result = runner.invoke(cli.cli, ["check", str(original), str(translation), "--format", "json"])
    if case.error:
        assert_error(result, path, case.error)
        return
    assert_ok(result)
    data = json.loads(result.output)
    assert data["summary"]["verdict"] in VERDICTS
    if case.name in ("cp1256", "cp1251", "koi8r", "utf16", "utf16be", "utf16_nobom"):
        assert data["summary"]["verdict"] == "faithful"  # same text as the UTF-8 pair
    if case.name == "long_line":
        assert data["summary"]["verdict"] == NOT_A_TRANSLATION


PAIR_CASES = [
    # (name, original, translation, error fragment or None)
    ("same_text_both_sides", "ar.txt", "ar.txt", "both sides are in ar"),
    ("same_language", "en.txt", "en_other.txt", "both sides are in en"),
    ("not_translations", "ar.txt", "en_unrelated.txt", None),
]


@pytest.mark.parametrize(
    ("name", "orig", "trans", "error"), PAIR_CASES, ids=[p[0] for p in PAIR_CASES]
)
@pytest.mark.parametrize("command", ["align", "check", "synth"])
def test_pair_level_cases(
    runner: CliRunner,
    tmp_path: Path,
    command: str,
    name: str,
    orig: str,
    trans: str,
    error: str | None,
) -> None:
    args = [command, str(BAD / orig), str(BAD / trans)]
    args += ["-o", str(tmp_path / "out")] if command == "synth" else []
    args += ["--format", "json"] if command == "check" else []
    result = runner.invoke(cli.cli, args)
    if error:
        assert_error(result, BAD / orig, error)
        assert str(BAD / trans) in result.output
        return
    assert_ok(result)
    if command == "align":
        assert_ladder(result.output)  # unrelated texts still get a complete alignment
    elif command == "check":
        assert json.loads(result.output)["summary"]["verdict"] == NOT_A_TRANSLATION
    else:
        assert (tmp_path / "out" / "gold.links").is_file()


# ----------------------------------------------------------------------------- report / eval-align


@pytest.fixture(scope="module")
def good_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "check.json"
    result = CliRunner().invoke(
        cli.cli,
        ["check", str(BAD / "ar.txt"), str(BAD / "en.txt"), "--format", "json", "-o", str(path)],
    )
    assert result.exit_code == 0, result.output
    return path


REPORT_ERRORS = {
    "empty": "empty file",
    "whitespace": "empty file",
    "pdf": "not JSON",
    "png": "not UTF-8",
    "gzip": "not UTF-8",
    "cp1256": "not UTF-8",
    "utf16": "not UTF-8",
    "directory": "folder",
    "missing": "no such file",
    "unreadable": "ermission denied",
    "huge_50mb": "",
}


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_report(runner: CliRunner, resolve, case: Case) -> None:  # type: ignore[no-untyped-def]
    """No bad input is a report: each is a clean error naming the file."""
    path = resolve(case)
    result = runner.invoke(cli.cli, ["report", str(path), "--format", "html"])
    assert_error(result, path, REPORT_ERRORS.get(case.name))


@pytest.mark.parametrize("name", ["bad_report.json", "report_array.json", "en.txt"])
def test_report_malformed_json(runner: CliRunner, name: str) -> None:
    assert_error(runner.invoke(cli.cli, ["report", str(BAD / name)]), BAD / name)


@pytest.fixture(scope="module")
def invisible_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A check of texts full of bidi overrides, zero-width marks and RLMs in numbers."""
    out = tmp_path_factory.mktemp("invisible") / "c.json"
    result = CliRunner().invoke(
        cli.cli,
        [
            "check",
            str(BAD / "ar_rlm_numbers.txt"),
            str(BAD / "bidi.txt"),
            "--format",
            "json",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("fmt", ["html", "md", "tsv", "tmx", "text", "json"])
def test_report_of_invisible_characters(
    runner: CliRunner, invisible_report: Path, fmt: str
) -> None:
    result = runner.invoke(cli.cli, ["report", str(invisible_report), "--format", fmt])
    assert_ok(result)
    if fmt in ("html", "json"):
        assert "\u202e" in result.output  # quoted exactly, not dropped


def test_report_good(runner: CliRunner, good_report: Path) -> None:
    assert_ok(runner.invoke(cli.cli, ["report", str(good_report), "--format", "md"]))


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_eval_align(runner: CliRunner, resolve, tmp_path: Path, case: Case) -> None:  # type: ignore[no-untyped-def]
    """A bad file is never a links file, as LINKS or as --gold."""
    path = resolve(case)
    gold = tmp_path / "gold.links"
    gold.write_text("[0]:[0]\n[1, 2]:[1]\n", encoding="utf-8")
    assert_error(runner.invoke(cli.cli, ["eval-align", "--gold", str(gold), str(path)]), path)
    assert_error(runner.invoke(cli.cli, ["eval-align", "--gold", str(path), str(gold)]), path)


def test_eval_align_good(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold.links"
    gold.write_text("[0]:[0]\n[1, 2]:[1]\n", encoding="utf-8")
    result = runner.invoke(cli.cli, ["eval-align", "--gold", str(gold), str(gold)])
    assert_ok(result)
    assert json.loads(result.output)


# ----------------------------------------------------------------------------- index add / pair


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_index_add(runner: CliRunner, resolve, tmp_path: Path, case: Case) -> None:  # type: ignore[no-untyped-def]
    path = resolve(case)
    db = tmp_path / "idx.sqlite"
    result = runner.invoke(cli.cli, ["index", "add", "--index", str(db), str(path)])
    if case.name == "directory":  # a folder of originals is valid input: here, an empty one
        assert_ok(result)
        assert "added 0" in result.output
        assert f"Warning: {path}: no articles" in result.stderr
        return
    if case.error:
        assert_error(result, path, case.error if case.name != "missing" else "no such file")
        return
    assert_ok(result)
    assert "added 1" in result.output


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_pair(runner: CliRunner, resolve, index_db: Path, case: Case) -> None:  # type: ignore[no-untyped-def]
    path = resolve(case)
    result = runner.invoke(
        cli.cli, ["pair", "--index", str(index_db), str(path), "--format", "json"]
    )
    if case.error:
        assert_error(result, path, case.error)
        return
    assert_ok(result)
    rows = json.loads(result.stdout)["results"]
    assert len(rows) == 1 and rows[0]["translation"] == str(path)
    assert rows[0]["verdict"] in ("paired", "ambiguous", "no_original")


def test_pair_unrelated_has_no_original(runner: CliRunner, index_db: Path) -> None:
    result = runner.invoke(
        cli.cli, ["pair", "--index", str(index_db), str(BAD / "en_unrelated.txt")]
    )
    assert_ok(result)
    assert result.output.splitlines()[1].endswith("no_original")


@pytest.mark.parametrize("name", ["ar.txt", "fake.pdf", "empty.txt"])
def test_pair_bad_index_file(runner: CliRunner, name: str) -> None:
    assert_error(
        runner.invoke(cli.cli, ["pair", "--index", str(BAD / name), str(BAD / "en.txt")]),
        BAD / name,
    )


# ----------------------------------------------------------------------------- synth


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_synth(runner: CliRunner, resolve, tmp_path: Path, case: Case) -> None:  # type: ignore[no-untyped-def]
    path = resolve(case)
    original, translation = pair_args(case, path)
    out = tmp_path / "synth"
    result = runner.invoke(cli.cli, ["synth", str(original), str(translation), "-o", str(out)])
    if case.error:
        assert_error(result, path, case.error)
    elif result.exit_code == 0:
        assert sorted(p.name for p in out.iterdir()) == [
            "gold.flags.json",
            "gold.links",
            "original.txt",
            "translation.txt",
        ]
    else:  # synth needs 1:1 line-aligned inputs: a clean refusal is the correct result
        assert_error(result, translation, "1:1 line-aligned")


# ----------------------------------------------------------------------------- usage, determinism


@pytest.mark.parametrize(
    "args",
    [
        ["split"],
        ["split", "--max-chars", "0", "x.txt"],
        ["align", "a.txt"],
        ["align", "a.txt", "b.txt", "--format", "pdf"],
        ["check", "a.txt", "b.txt", "--orig-lang", "xx"],
        ["report"],
        ["eval-align", "links.txt"],
        ["index", "add"],
        ["pair", str(BAD / "en.txt"), "--index", "a", "--originals", "b"],
        ["synth", "a.txt", "b.txt"],
        ["synth", str(BAD / "ar.txt"), str(BAD / "en.txt"), "-o", str(BAD / "ar.txt")],
        ["nonsense-command"],
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(cli.cli, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "Error:" in result.output


def test_unwritable_output_is_a_clean_error(runner: CliRunner) -> None:
    out = BAD / "ar.txt" / "x.json"  # a file used as a folder
    result = runner.invoke(
        cli.cli, ["align", str(BAD / "ar.txt"), str(BAD / "en.txt"), "-o", str(out)]
    )
    assert_error(result, out, "cannot write output")


@pytest.mark.parametrize(
    "args",
    [
        ["align", str(BAD / "ru.koi8r.txt"), str(BAD / "bidi.txt"), "--format", "tsv"],
        ["check", str(BAD / "ar_rlm_numbers.txt"), str(BAD / "truncated.html"), "--format", "json"],
    ],
)
def test_cli_is_deterministic(runner: CliRunner, args: list[str]) -> None:
    """Same input, byte-identical output (no timestamps, no set ordering, seeded langdetect)."""
    first = runner.invoke(cli.cli, args)
    second = runner.invoke(cli.cli, args)
    assert_ok(first)
    assert first.stdout_bytes == second.stdout_bytes


# ----------------------------------------------------------------------------- the entry point


def _run_main(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> int:
    monkeypatch.setattr("sys.argv", ["provalign", *args])
    with pytest.raises(SystemExit) as info:
        cli.main()
    return int(info.value.code or 0)


def test_main_exit_codes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """0 ok, 1 data error, 2 usage, through the real console entry point."""
    assert _run_main(monkeypatch, ["split", str(BAD / "en.txt")]) == 0
    assert _run_main(monkeypatch, ["split", str(BAD / "empty.txt")]) == 1
    assert capsys.readouterr().err.strip() == f"Error: {BAD / 'empty.txt'}: file is empty"
    assert _run_main(monkeypatch, ["split"]) == 2
    assert _run_main(monkeypatch, ["--version"]) == 0


def test_main_interrupt_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("align.read.document.load_document", interrupted)
    assert _run_main(monkeypatch, ["split", str(BAD / "en.txt")]) == 130
    err = capsys.readouterr().err
    assert "Interrupted." in err and "Traceback" not in err


def test_main_internal_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def bug(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr("align.read.document.load_document", bug)
    monkeypatch.delenv("PROVALIGN_DEBUG", raising=False)
    assert _run_main(monkeypatch, ["split", str(BAD / "en.txt")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error: internal error (ZeroDivisionError") and "\n" not in err


def test_interrupt_while_langdetect_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    """langdetect's loader turns Ctrl-C into a "format error" and keeps a half-loaded
    factory; align.read.langid re-raises the interrupt and drops the broken factory."""
    import langdetect.detector_factory as factory

    from align.read import langid

    def interrupted(**kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(factory, "_factory", None)
    monkeypatch.setattr(factory, "LangProfile", interrupted)
    with pytest.raises(KeyboardInterrupt):
        langid._langdetect("This is plainly an English sentence about schools.")
    assert factory._factory is None
    monkeypatch.undo()
    assert langid._langdetect("This is plainly an English sentence about schools.")[0][0] == "en"


def test_html_with_control_characters_after_br(runner: CliRunner, tmp_path: Path) -> None:
    """Found by bench/fuzz.py: lxml refused to set a <br> tail holding a C0 control."""
    page = tmp_path / "ctrl.html"
    page.write_bytes(
        b"<html><body><p>The minister spoke to reporters on Tuesday.\x0c<br>\x04"
        b"He said the schools would open in May.</p></body></html>"
    )
    result = runner.invoke(cli.cli, ["split", str(page), "--lang", "en"])
    assert_ok(result)
    assert result.output.splitlines() == [
        "The minister spoke to reporters on Tuesday.",
        "He said the schools would open in May.",
    ]


def test_output_over_an_input_is_refused_before_anything_runs(
    runner: CliRunner, tmp_path: Path
) -> None:
    trans = tmp_path / "en.txt"
    shutil.copy(BAD / "en.txt", trans)
    before = trans.read_bytes()
    for cmd in ("check", "align"):
        result = runner.invoke(cli.cli, [cmd, str(BAD / "ar.txt"), str(trans), "-o", str(trans)])
        assert result.exit_code == 2, result.output
        assert "is also an input" in result.output and "Traceback" not in result.output
        assert trans.read_bytes() == before


def test_language_advice_names_this_commands_option(runner: CliRunner) -> None:
    numbers = str(BAD / "numbers.txt")
    result = runner.invoke(cli.cli, ["check", numbers, str(BAD / "en.txt")])
    assert result.exit_code == 1
    assert result.output.strip().endswith("give --orig-lang or --trans-lang"), result.output
    result = runner.invoke(cli.cli, ["split", numbers])
    assert result.exit_code == 1 and result.output.strip().endswith("give --lang")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_full_stdout_is_named_in_the_error() -> None:
    """``provalign split x > /dev/full`` (a real process: the write fails at the flush)."""
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, str(Path(cli.__file__)), "split", str(BAD / "en.txt")],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert proc.returncode == 1
    assert proc.stderr.strip() == "Error: <stdout>: No space left on device"


def test_both_inputs_from_stdin_and_other_schemes_are_usage_errors(runner: CliRunner) -> None:
    result = runner.invoke(cli.cli, ["check", "-", "-"], input="Some text.\n")
    assert result.exit_code == 2 and "cannot both be '-'" in result.output
    result = runner.invoke(cli.cli, ["check", str(BAD / "ar.txt"), "ftp://example.org/x"])
    assert result.exit_code == 2 and "unsupported address (ftp://)" in result.output


def test_gold_with_a_sentence_in_two_links_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    gold, links = tmp_path / "gold.links", tmp_path / "ok.links"
    gold.write_text("[0]:[0]\n[0]:[1]\n", encoding="utf-8")
    links.write_text("[0]:[0]\n[1]:[1]\n", encoding="utf-8")
    result = runner.invoke(cli.cli, ["eval-align", "--gold", str(gold), str(links)])
    assert_error(result, gold, "original sentence 0 is in two links")
