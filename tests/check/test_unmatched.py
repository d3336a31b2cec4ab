"""``check --unmatched``: the words of linked pairs without a counterpart (a reading aid
beside the flags, ``align.check.unmatched``), in the JSON report and the HTML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import check_lines

import cli
from align.check.context import FlagOptions
from align.check.unmatched import _runs
from align.errors import FormatError
from align.report import render
from align.report._unmatched import loose_pieces
from align.report.read_json import report_from_dict
from align.report.write_json import report_to_dict
from align.sentalign.words import Word
from align.types import Span

ORIG = [
    "Министр иностранных дел России Сергей Лавров проведёт пресс-конференцию в январе.",
    "Правительство выделит на ремонт школ один миллиард рублей.",
    "Сбор урожая в регионе начнётся в сентябре.",
]
# the second sentence gains a clause the original does not have
TRANS = [
    "Russian Foreign Minister Sergei Lavrov will hold a press conference in January.",
    "The government will allocate one billion roubles to repair schools, while critics "
    "warned that the plan would bankrupt several coastal fishing villages.",
    "The harvest in the region will begin in September.",
]
ADDED = "critics warned that the plan would bankrupt several coastal fishing villages"


def _text(report: Any, span: Span) -> str:
    doc = report.alignment.original if span.side == "original" else report.alignment.translation
    return str(doc.sentences[span.sentence].text[span.start : span.end])


@pytest.fixture(scope="module")
def report(encoder: Any) -> Any:
    return check_lines(ORIG, TRANS, encoder, options=FlagOptions(unmatched_words=True))


def test_added_clause_is_listed_and_spans_lie_inside_their_sentences(report: Any) -> None:
    assert report.unmatched
    for sp in report.unmatched:
        doc = report.alignment.original if sp.side == "original" else report.alignment.translation
        assert 0 <= sp.start < sp.end <= len(doc.sentences[sp.sentence].text)
        words = _text(report, sp)
        assert words == words.strip() and any(c.isalnum() for c in words)
    added = [_text(report, sp) for sp in report.unmatched if sp.side == "translation"]
    start = TRANS[1].index(ADDED)
    covered = {
        k
        for sp in report.unmatched
        if sp.side == "translation" and sp.sentence == 1
        for k in range(sp.start, sp.end)
    }
    # most of the added clause's characters are under a run; the names are matched
    assert len(covered & set(range(start, start + len(ADDED)))) > 0.6 * len(ADDED)
    assert not any("Lavrov" in w or "September" in w for w in added)
    # reading order: the original's runs first, then the translation's
    sides = [sp.side for sp in report.unmatched]
    assert sides == sorted(sides, key=["original", "translation"].index)


def test_off_by_default_and_absent_from_the_json(encoder: Any, report: Any) -> None:
    plain = check_lines(ORIG, TRANS, encoder)
    assert plain.unmatched == ()
    assert "unmatched" not in report_to_dict(plain)
    assert 'class="nm-key"' not in render(plain, "html")
    assert plain.flags == report.flags  # a reading aid: the flags are the same
    settings = dict(report.alignment.signature.settings)
    assert settings["flags.unmatched_words"] == "True"
    assert "flags.unmatched_words" not in dict(plain.alignment.signature.settings)


def test_json_round_trip_and_a_bad_span_named(report: Any) -> None:
    data = json.loads(render(report, "json"))
    assert data["unmatched"] and set(data["unmatched"][0]) == {"side", "sentence", "start", "end"}
    back = report_from_dict(data)
    assert back.unmatched == report.unmatched
    assert render(back, "json") == render(report, "json")
    data["unmatched"][0]["sentence"] = 99
    with pytest.raises(FormatError, match=r"unmatched\[0\]\.sentence"):
        report_from_dict(data, "r.json")


def test_html_underlines_unflagged_runs_only_escaped(report: Any) -> None:
    html = render(report, "html")
    assert html.count('<span class="nm"') >= 1
    assert "no counterpart found by the word aligner" in html
    assert 'class="nm-key"' in html  # the toolbar says what the dotted underline means
    # a run never sits inside a flag's mark: marks and underlines do not nest
    for chunk in html.split("<mark ")[1:]:
        assert '<span class="nm"' not in chunk.split("</mark>")[0]


def test_loose_pieces_cut_and_join_back() -> None:
    piece = "one two three four"
    parts = loose_pieces(piece, 10, [(14, 17), (30, 40), (0, 11)])
    assert "".join(p for p, _ in parts) == piece
    assert [p for p, on in parts if on] == ["o", "two"]
    assert loose_pieces("", 0, [(0, 3)]) == []


def _words(text: str, sentence: int = 0) -> list[Word]:
    out, at = [], 0
    for w in text.split():
        at = text.index(w, at)
        out.append(Word(w, at, at + len(w), sentence, at))
        at += len(w)
    return out


def test_runs_trim_function_words_and_break_at_matches_and_sentences() -> None:
    words = _words("the new plan of the mayor was a success") + _words("and more money", 1)
    matched = [False, False, False, False, False, True, False, False, True, False, False, False]
    texts = ["the new plan of the mayor was a success", "and more money"]
    spans = _runs("translation", tuple(words), matched, texts)
    got = [
        (s.sentence, "the new plan of the mayor was a success and more money"[s.start : s.end])
        for s in spans
    ]
    # "the" opens no run, "of the" is kept inside one, a matched word ends it; "was a"
    # holds no content word; the next sentence's words are a run of their own
    assert got[0] == (0, "new plan")
    assert [g[0] for g in got] == [0, 1]
    assert spans[1].start == 4 and spans[1].end == 14  # "more money" in sentence 1


HOSTILE = [
    "🙂🙂🙂",
    "12345 67890",
    "(((((",
    "Президентx встретился с Prезидентом " + "слово " * 400,
]


def test_hostile_sentences_give_valid_runs(tmp_path: Path, runner: CliRunner) -> None:
    orig = tmp_path / "o.txt"
    trans = tmp_path / "t.txt"
    orig.write_text("\n".join(HOSTILE) + "\n", encoding="utf-8")
    trans.write_text(
        "🙂🙂\n12345 67890\n((((\nThe president met the president " + "word " * 300 + "\n",
        encoding="utf-8",
    )
    res = runner.invoke(
        cli.cli,
        [
            "check",
            str(orig),
            str(trans),
            "--presplit",
            "--orig-lang",
            "ru",
            "--trans-lang",
            "en",
            "--unmatched",
            "--format",
            "json",
        ],
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["signature"]["settings"]["flags.unmatched_words"] == "True"
    for sp in data.get("unmatched", []):
        sents = data[sp["side"]]["sentences"]
        assert 0 <= sp["start"] < sp["end"] <= len(sents[sp["sentence"]]["text"])


def test_text_and_markdown_list_runs_by_sentence(encoder: Any, report: Any) -> None:
    text = render(report, "text")
    md = render(report, "md")
    assert "Words with no counterpart" in text and "## Words with no counterpart" in md
    # sentences numbered from 1, each run quoted; the added clause's words are among them
    assert "translation 2: " in text and "- translation 2: " in md
    assert "critics" in text.split("translation 2: ")[1].split("\n")[0]
    plain = check_lines(ORIG, TRANS, encoder)
    assert "no counterpart" not in render(plain, "text") + render(plain, "md")


def test_unmatched_says_why_it_lists_nothing_for_a_text_that_is_not_a_translation(
    runner: Any, tmp_path: Path
) -> None:
    orig, trans = tmp_path / "o.txt", tmp_path / "t.txt"
    orig.write_text("Президент провёл переговоры в Москве.\nСтороны обсудили поставки газа.\n")
    trans.write_text(
        "Heavy rain flooded several streets in the old town overnight.\n"
        "The museum reopens next spring after a long renovation.\n"
    )
    args = ["check", str(orig), str(trans), "--presplit", "--orig-lang", "ru"]
    res = runner.invoke(cli.cli, [*args, "--trans-lang", "en", "--unmatched"])
    assert "NOT A TRANSLATION" in res.stdout
    assert "t.txt: --unmatched lists no words: a text that is not a translation" in res.stderr
    res = runner.invoke(cli.cli, [*args, "--trans-lang", "en"])
    assert "--unmatched" not in res.stderr


def test_runs_are_whole_words_and_name_particles_are_no_run() -> None:
    from align.check.spans import whole_word
    from align.check.unmatched import NAME_PARTICLES, _content

    # the aligner's tokens stop at a vowel sign or shadda: "المُدسِّكين" showed as "الم"
    text = "مع المُدسِّكين في"
    a = text.index("الم")
    assert text[slice(*whole_word(text, a, a + 3))] == "المُدسِّكين"
    assert whole_word("a new plan", 2, 5) == (2, 5)
    # "bin", "Al", "بن", "آل" alone read as unmatched words (fifth user)
    assert {"bin", "al", "بن", "آل"} <= NAME_PARTICLES
    assert not _content(Word("bin", 0, 3, 0, 0)) and _content(Word("Zayed", 0, 5, 0, 0))
