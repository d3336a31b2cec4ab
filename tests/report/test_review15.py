"""A first-use review of the outputs (ux15): what a new reader of a report would trip on.

Each test pins one fix: the verdict line saying the change count once, coverage figures of
a text that is not a translation labelled as forced links, ...
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from report_fixture import make_report

import cli
from align.report import render
from align.types import NOT_A_TRANSLATION, Link, Report


def _with_reason(verdict: str, reason: str, coverage: float | None = None) -> Report:
    report = make_report()  # its coverage_sentences: 0.857
    assert report.summary is not None
    summary = dataclasses.replace(report.summary, verdict=verdict, reason=reason)
    if coverage is not None:
        summary = dataclasses.replace(summary, coverage_sentences=coverage)
    return dataclasses.replace(report, summary=summary)


def test_verdict_line_gives_the_change_count_once() -> None:
    # the check's reason repeats the count ("1 major changes"); the views keep its coverage
    report = _with_reason("edited", "86% of the original rendered, 1 major changes")
    text = render(report, "text").splitlines()[0]
    counts = "2 major changes, 3 minor changes, 1 note"
    assert text == f"Verdict: EDITED: {counts} (86% of the original rendered)"
    md = render(report, "md")
    assert f"- **Verdict:** edited: {counts} (86% of the original rendered)\n" in md
    html = render(report, "html")
    assert (
        '<p class="reason" dir="auto">2 major changes, 3 minor changes, 1 note; '
        "86% of the original rendered</p>" in html
    )
    assert "major changes)" not in text and "1 major changes" not in md + html
    faithful = _with_reason(
        "faithful", "100% of the original rendered; no editorial changes found", coverage=1.0
    )
    assert "no editorial changes found" not in render(faithful, "text").splitlines()[0]
    assert render(faithful, "text").splitlines()[0].endswith("(100% of the original rendered)")


def test_coverage_part_comes_from_the_summary_field() -> None:
    # the phrase is built from coverage_sentences, not parsed out of the reason string:
    # a reason worded otherwise (an older report, another tool's) still gives the figure
    report = _with_reason("heavily_edited", "Rendered 0.4 of it; many changes", coverage=0.4)
    assert render(report, "text").splitlines()[0].endswith("(40% of the original rendered)")


def test_other_reasons_are_shown_whole() -> None:
    why = "only 12% of the original is rendered: this is not a translation of this original"
    report = _with_reason(NOT_A_TRANSLATION, why)
    assert why in render(report, "text").splitlines()[0]
    assert f'<p class="reason" dir="auto">{why}</p>' in render(report, "html")


def test_not_a_translation_coverage_reads_as_forced_links() -> None:
    report = _with_reason(NOT_A_TRANSLATION, "the texts do not correspond")
    coverage = next(
        line for line in render(report, "text").splitlines() if line.startswith("Coverage:")
    )
    assert coverage.startswith("Coverage:    none (not a translation); the forced links span 85.7%")
    assert "- **Coverage:** none (not a translation)" in render(report, "md")
    assert report.summary is not None
    unflagged = dataclasses.replace(report.summary, counts={})
    html = render(dataclasses.replace(report, flags=(), summary=unflagged), "html")
    assert "<dt>Forced links (not a translation)</dt>" in html
    assert '<p class="counts">no flags: not compared sentence by sentence</p>' in html
    md = render(dataclasses.replace(report, flags=(), summary=unflagged), "md")
    assert md.endswith(
        "## Flags\n\nNo flags: not a translation, so not compared sentence by sentence.\n"
    )
    edited = render(make_report(), "text")
    assert "Coverage:    85.7% of original sentences" in edited


def test_markdown_keeps_an_articles_emphasis_marks_as_characters() -> None:
    from align.report.write_markdown import cell

    assert cell("*stars* and snake_case ~2 km") == r"\*stars\* and snake\_case \~2 km"
    # a flag's words are bold: an article's "**" inside them must not close the bold early
    assert cell("a ** b") == r"a \*\* b"


def test_an_output_extension_no_format_has_is_named(runner: CliRunner, tmp_path: Path) -> None:
    saved = tmp_path / "check.json"
    saved.write_text(render(make_report(), "json"), encoding="utf-8")
    out = tmp_path / "report.pdf"
    result = runner.invoke(cli.cli, ["report", str(saved), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"Warning: {out}: this command does not write '.pdf' files; writing text "
        "(--format chooses: json, html, md, tsv, tmx, text)\n"
    )
    assert out.read_text(encoding="utf-8") == render(make_report(), "text")
    for name, args in (("r.html", []), ("r.pdf", ["--format", "md"]), ("r", []), ("-", [])):
        result = runner.invoke(cli.cli, ["report", str(saved), "-o", str(tmp_path / name), *args])
        assert result.exit_code == 0 and result.stderr == "", (name, result.stderr)


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = [prefix]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            out += _commands(command, (*prefix, name))
        else:
            out.append((*prefix, name))
    return out


def test_help_texts_show_no_rst_markup(runner: CliRunner) -> None:
    # Click prints docstrings as they are: ``pair`` reached the screen with its backticks
    for command in _commands(cli.cli):
        result = runner.invoke(cli.cli, [*command, "--help"])
        assert result.exit_code == 0, (command, result.output)
        assert "``" not in result.output, command
    help_text = runner.invoke(cli.cli, ["check", "--help"]).output
    assert "Output file (stdout if omitted or '-')" in help_text
    assert "$PROVALIGN_CACHE_DIR/fetch" in help_text


def test_readme_sample_output_is_what_check_prints(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's first output sample is the start of a real run on a demo pair."""
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    found = re.search(
        r"On a demo pair \(`provalign check\s+(\S+)\s+(\S+)`\).*?```\n(.*?)```", readme, re.S
    )
    assert found is not None, "README.md lost its sample of check's output"
    monkeypatch.chdir(root)  # the sample shows paths relative to the checkout
    result = runner.invoke(cli.cli, ["check", found[1], found[2]])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(found[3]), (
        "README.md's sample output differs from what check prints now: paste the new output "
        f"into the README\n{result.stdout}"
    )


def test_a_gap_row_does_not_call_its_score_a_link_score() -> None:
    # a one-sided link shows the closest other sentence's match (1 - its score), not a link score
    html = render(make_report(), "html")
    assert 'title="no counterpart linked (most similar sentence there: 1.000)"' in html
    assert 'title="link score 0.000"' not in html


def test_no_links_at_all_does_not_offer_options_that_change_nothing() -> None:
    report = _with_reason(NOT_A_TRANSLATION, "only 0% of the original is rendered")
    alignment = report.alignment
    unlinked = tuple(Link((i,), ()) for i in range(len(alignment.original.sentences))) + tuple(
        Link((), (j,)) for j in range(len(alignment.translation.sentences))
    )
    bare = dataclasses.replace(
        report, alignment=dataclasses.replace(alignment, links=unlinked), flags=()
    )
    assert (
        render(bare, "text")
        .rstrip()
        .endswith(
            "No flags: no sentence of the translation could be linked to one of the original, so "
            "there is nothing to compare."
        )
    )
    linked = dataclasses.replace(report, flags=())
    # the override it offers must be one the CLI takes (-inf was refused: not finite)
    assert "--story-logit -1000 compares it anyway" in render(linked, "text")
    from click.testing import CliRunner

    import cli

    args = ["--not-translation-coverage", "0", "--not-translation-cosine", "0"]
    r = CliRunner().invoke(cli.cli, ["check", *args, "--story-logit", "-1000", "a", "b"])
    assert "Invalid value" not in r.output and r.exit_code == 1  # past the options: no file a


def test_index_page_shows_no_coverage_for_a_text_that_is_not_a_translation() -> None:
    from align.report.index_page import IndexRow, render_index_page

    rows = [
        IndexRow("a", "a.ar.txt", "a.en.txt", "ar", "en", "a.html", coverage=0.79, verdict=v)
        for v in ("edited", NOT_A_TRANSLATION)
    ]
    page = render_index_page(rows)
    assert '<td class="n">79.0%</td>' in page  # edited: rendered coverage
    assert '<td class="n" title="forced links (not a translation): 79.0%">—</td>' in page


def test_derive_summary_writes_percentages_as_the_other_reports_do(tmp_path: Path) -> None:
    from align.provenance.derive import derive_files
    from align.report.write_derive import render_derive

    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The minister met the envoy on Monday. They discussed trade.\n", encoding="utf-8")
    b.write_text("The minister met the envoy on Monday. They discussed trade, he said.\n", "utf-8")
    text = render_derive(derive_files(a, b, None), "text")
    assert "100% of B" in text and " %" not in text


def test_synth_help_says_its_inputs_must_be_parallel(runner: CliRunner) -> None:
    # a first try on a demo pair (not line-parallel) fails: the help now says why up front
    assert "must be parallel" in runner.invoke(cli.cli, ["synth", "--help"]).output


def test_a_one_sentence_side_is_one_sentence() -> None:
    from align.report._view import side_phrase

    report = make_report()
    doc = report.alignment.original
    one = dataclasses.replace(doc, sentences=doc.sentences[:1])
    assert side_phrase(one) == "Arabic, 1 sentence"


def test_flags_without_a_summary_are_still_listed_in_markdown() -> None:
    report = dataclasses.replace(make_report(), summary=None)
    md = render(report, "md")
    assert md.startswith("# Translation check") and "## Flags" in md and "## Links" not in md


def test_an_unknown_language_code_is_a_short_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli.cli, ["split", "x.txt", "--lang", "xx"])
    assert result.exit_code == 2
    line = result.stderr.strip().splitlines()[-1]
    assert "'xx' is not a language code provalign covers" in line and len(line) < 200
    assert "'zu'" not in result.stderr  # not the ~100 codes


def test_every_language_the_encoders_cover_is_named() -> None:
    # the views named five languages and showed "uk" for Ukrainian, which the CLI's own
    # messages call by name; both read align.text.languages.NAMES now
    report = make_report()
    al = report.alignment
    al = dataclasses.replace(al, original=dataclasses.replace(al.original, lang="uk"))
    text = render(dataclasses.replace(report, alignment=al), "text")
    line = next(line for line in text.splitlines() if line.startswith("Original:"))
    assert "(Ukrainian, 7 sentences)" in line
