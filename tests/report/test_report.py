"""Report writers: every format from a hand-built Report, JSON round trip, TMX DTD,
HTML escaping, golden files (``PROVALIGN_UPDATE_GOLDEN=1`` rewrites them)."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml import html as lxml_html
from report_fixture import INJECTION, make_plain_report, make_report

from align.errors import FormatError, InputError
from align.report import (
    WRITERS,
    IndexRow,
    load_report,
    render,
    report_from_dict,
    report_to_dict,
    write_index_page,
)
from align.report.write_tmx import render_tmx

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
DTD = Path(__file__).resolve().parents[1] / "data" / "report" / "tmx14b-subset.dtd"
UPDATE = os.environ.get("PROVALIGN_UPDATE_GOLDEN") == "1"
EXT = {"json": "json", "html": "html", "md": "md", "tsv": "tsv", "tmx": "tmx", "text": "txt"}


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path} missing: run with PROVALIGN_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from the golden file; if the change is intended, rerun with "
        "PROVALIGN_UPDATE_GOLDEN=1 and review the diff"
    )


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_golden_checked(fmt: str) -> None:
    check_golden(f"report_small.{EXT[fmt]}", render(make_report(), fmt))


@pytest.mark.parametrize("fmt", ["json", "text", "md", "tsv"])
def test_golden_plain_alignment(fmt: str) -> None:
    check_golden(f"align_small.{EXT[fmt]}", render(make_plain_report(), fmt))


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_every_writer_handles_plain_alignment(fmt: str) -> None:
    out = render(make_plain_report(), fmt)
    assert out.endswith("\n")
    assert "syria.ar.txt" in out or fmt == "tsv"


def test_unknown_format() -> None:
    with pytest.raises(FormatError, match="unknown report format 'pdf'"):
        render(make_report(), "pdf")


# ---- JSON -------------------------------------------------------------------------------


@pytest.mark.parametrize("created", [None, "2025-01-02T03:04:05+00:00"])
def test_json_round_trip_identical(created: str | None) -> None:
    report = make_report(created)
    text = render(report, "json")
    again = report_from_dict(json.loads(text))
    assert again == report
    assert render(again, "json") == text


def test_json_round_trip_plain() -> None:
    text = render(make_plain_report(), "json")
    data = json.loads(text)
    assert data["summary"] is None and data["flags"] == []
    assert render(report_from_dict(data), "json") == text


def test_json_schema_keys() -> None:
    data = report_to_dict(make_report())
    assert list(data) == [
        "schema_version",
        "signature",
        "created",
        "original",
        "translation",
        "links",
        "flags",
        "summary",
    ]
    assert data["schema_version"] == 2
    assert data["signature"]["text"] == "provalign:0.1.0|enc:usem3|skip:0.30|band:auto"
    assert data["signature"]["settings"] == {"skip": "0.30", "band": "auto"}
    sentence = data["original"]["sentences"][0]
    assert list(sentence) == ["index", "paragraph", "start", "end", "text", "lang", "kind"]
    assert data["links"][3] == {"original": [2, 3], "translation": [3], "score": 0.83}
    assert data["flags"][0]["subkind"] == "headline"
    assert "subkind" not in data["flags"][1]
    assert list(data["summary"]["counts"]) == [
        "omission",
        "addition",
        "number_mismatch",
        "name_mismatch",
        "merge",
    ]
    text = render(make_report(), "json")
    assert "سوريا" in text  # ensure_ascii=False
    assert text.startswith('{\n "schema_version": 2,')


def _bad(mutate: object) -> dict[str, Any]:
    data = report_to_dict(make_report())
    mutate(data)  # type: ignore[operator]
    return data


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("links"), "missing key 'links'"),
        (lambda d: d.update(schema_version=3), "schema_version: unsupported version 3"),
        (lambda d: d.pop("schema_version"), "missing key 'schema_version'"),
        (
            lambda d: d["links"][2].update(original=[99]),
            r"links\[2\]\.original\[0\]: index 99 out of range \(original has 7 sentences\)",
        ),
        (
            lambda d: d["flags"][0].update(translation=[-1]),
            r"flags\[0\]\.translation\[0\]: index -1",
        ),
        (lambda d: d["links"][0].update(score="high"), r"links\[0\]\.score: expected a number"),
        (
            lambda d: d["original"]["sentences"][1].update(index=5),
            r"sentences\[1\]\.index: expected 1",
        ),
        (lambda d: d["summary"].update(verdict="great"), "unknown verdict 'great'"),
        (lambda d: d["flags"][1].update(severity="fatal"), "unknown severity 'fatal'"),
        (lambda d: d.update(translation=[]), "translation: expected an object, got a list"),
        (lambda d: d["signature"]["settings"].update(band=3), r"settings\.band: expected a string"),
    ],
)
def test_json_validation_errors(mutate: object, message: str) -> None:
    with pytest.raises(FormatError, match=message) as info:
        report_from_dict(_bad(mutate), "r.json")
    assert str(info.value).startswith("r.json: not a valid provalign report: ")
    assert "\n" not in str(info.value)


def test_load_report_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_report(tmp_path / "missing.json")
    with pytest.raises(InputError, match="is a folder"):
        load_report(tmp_path)
    cases = {
        "empty.json": b"  \n",
        "notjson.json": b"{oops",
        "nan.json": b'{"a": NaN}',
        "list.json": b"[]",
    }
    messages = {
        "empty.json": "empty file",
        "notjson.json": "not JSON: Expecting property name",
        "nan.json": "not JSON: NaN",
        "list.json": "top level: expected an object",
    }
    for name, raw in cases.items():
        (tmp_path / name).write_bytes(raw)
        with pytest.raises(FormatError, match=messages[name]) as info:
            load_report(tmp_path / name)
        assert str(info.value).startswith(str(tmp_path / name))
    (tmp_path / "latin1.json").write_bytes('{"a": "é"}'.encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_report(tmp_path / "latin1.json")


def test_load_report_reads_written_file(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(render(make_report(), "json"), encoding="utf-8")
    assert load_report(path) == make_report()


# ---- TMX --------------------------------------------------------------------------------


def _tmx(text: str) -> etree._Element:
    root = etree.fromstring(text.encode("utf-8"))
    dtd = etree.DTD(str(DTD))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    return root


def test_tmx_validates_and_skips_one_sided() -> None:
    root = _tmx(render(make_report("2025-01-02T03:04:05+00:00"), "tmx"))
    header = root.find("header")
    assert header is not None
    assert header.get("srclang") == "ar" and header.get("segtype") == "sentence"
    assert header.get("creationdate") == "20250102T030405Z"
    assert "skipped" in (header.findtext("note") or "")
    tus = root.findall("body/tu")
    assert len(tus) == 5  # 8 links, 3 one-sided
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for tu in tus:
        assert [t.get(lang) for t in tu.findall("tuv")] == ["ar", "en"]
        children = [c.tag for c in tu]
        assert children.index("tuv") > max(i for i, c in enumerate(children) if c == "prop")
    merged = tus[2]
    props = {p.get("type"): p.text for p in merged.findall("prop")}
    assert props["x-score"] == "0.8300" and props["x-flags"] == "merge"
    assert props["x-original-indices"] == "2,3"


def test_tmx_mark_one_sided() -> None:
    root = _tmx(render_tmx(make_report(), one_sided="mark"))
    tus = root.findall("body/tu")
    assert len(tus) == 8
    marked = [tu for tu in tus if tu.find("prop[@type='x-one-sided']") is not None]
    assert [tu.findtext("prop[@type='x-one-sided']") for tu in marked] == [
        "addition",
        "omission",
        "addition",
    ]
    assert all(len(tu.findall("tuv")) == 1 for tu in marked)
    assert "x-one-sided" in (root.findtext("header/note") or "")
    with pytest.raises(FormatError, match="one_sided"):
        render_tmx(make_report(), one_sided="keep")


def test_tmx_injection_and_control_characters() -> None:
    report = make_report()
    doc = report.alignment.translation
    bad = dataclasses.replace(doc.sentences[1], text="bell\x07 and <tag> & ]]>")
    doc = dataclasses.replace(doc, sentences=(doc.sentences[0], bad) + doc.sentences[2:])
    report = dataclasses.replace(
        report, alignment=dataclasses.replace(report.alignment, translation=doc)
    )
    root = _tmx(render(report, "tmx"))
    assert root.findall("body/tu")[0].findall("tuv/seg")[1].text == "bell\ufffd and <tag> & ]]>"


# ---- HTML -------------------------------------------------------------------------------


def test_html_escapes_article_text() -> None:
    page = render(make_report(), "html")
    assert "<script>window.__pwned" not in page
    assert "<img" not in page and "<b>not</b>" not in page
    assert "&lt;script&gt;window.__pwned" in page
    assert "onerror=&quot;window.__pwned = 2&quot;" in page
    assert page.count("<script") == 1  # our own script only
    tree = lxml_html.fromstring(page)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag not in {"img", "iframe", "object", "embed", "link", "base"}
        assert not [a for a in element.attrib if a.startswith("on")], element.tag
    texts = " ".join(tree.xpath("//td[contains(@class,'txt')]//text()"))
    assert INJECTION.split("\t")[0] in texts


def test_html_is_self_contained_and_csp_pins_the_script() -> None:
    page = render(make_report(), "html")
    tree = lxml_html.fromstring(page)
    for element in tree.iter():
        assert not {"src", "href", "srcset", "action"} & set(element.attrib), element.tag
    assert "@import" not in page and "url(" not in page
    assert not re.search(r"https?://", page)
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert f"script-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp


def test_html_rows_direction_and_flags() -> None:
    tree = lxml_html.fromstring(render(make_report("2025-01-02T03:04:05+00:00"), "html"))
    rows = tree.xpath("//tbody/tr")
    assert len(rows) == 8
    for row in rows:
        orig_cell, trans_cell = row.xpath("./td[contains(@class,'txt')]")
        assert orig_cell.get("dir") == "rtl" and orig_cell.get("lang") == "ar"
        assert trans_cell.get("dir") == "ltr" and trans_cell.get("lang") == "en"
    assert rows[5].get("data-kinds") == "omission"
    assert "one-sided" in rows[5].get("class", "")
    assert "not in the translation" in rows[5].text_content()
    assert rows[0].get("data-kinds") == "addition" and rows[1].get("data-kinds") == ""
    assert "360,000 in the original became 460,000." in rows[4].text_content()
    header = tree.xpath("//header")[0].text_content()
    for needle in (
        "Edited",
        "85.7%",
        "87.1%",
        "Arabic",
        "English",
        "syria.ar.txt",
        "provalign:0.1.0|enc:usem3|skip:0.30|band:auto",
        "2025-01-02T03:04:05+00:00",
        "Omission 1",
        "Addition 2",
    ):
        assert needle in header
    kinds = [i.get("data-kind") for i in tree.xpath("//input[@data-kind]")]
    assert kinds == ["omission", "addition", "number_mismatch", "name_mismatch", "merge", "none"]
    assert "@media print" in render(make_report(), "html")


def test_html_plain_alignment() -> None:
    tree = lxml_html.fromstring(render(make_plain_report(), "html"))
    assert "Alignment only" in tree.xpath("//header")[0].text_content()
    assert len(tree.xpath("//tbody/tr")) == 8
    assert "Date" not in tree.xpath("//header")[0].text_content()


def test_plain_alignment_counts_its_weak_links() -> None:
    """Coverage counts a link's sentences however weak it is; plain ``align`` output says
    how many links score below 0.5 (a same-story pair linked at 0.02 read as 100 %)."""
    plain = make_plain_report()
    for fmt in ("text", "md", "html"):
        assert "score below 0.5" not in render(plain, fmt)
    pairs = [k for k, lk in enumerate(plain.alignment.links) if lk.original and lk.translation]
    links = list(plain.alignment.links)
    for k in pairs[:2]:
        links[k] = dataclasses.replace(links[k], score=0.02)
    weak = dataclasses.replace(
        plain, alignment=dataclasses.replace(plain.alignment, links=tuple(links))
    )
    assert "Weak links:  2 links score below 0.5" in render(weak, "text")
    assert "- **Weak links:** 2 links score below 0.5" in render(weak, "md")
    header = lxml_html.fromstring(render(weak, "html")).xpath("//header")[0].text_content()
    assert "2 links score below 0.5" in header


# ---- TSV, Markdown, text ----------------------------------------------------------------


def test_tsv_columns() -> None:
    lines = render(make_report(), "tsv").splitlines()
    assert lines[0].split("\t") == [
        "original_indices",
        "translation_indices",
        "original_text",
        "translation_text",
        "score",
        "flags",
        "spans",
    ]
    assert len(lines) == 9
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == 7 for r in rows)
    assert rows[3][:2] == ["2,3", "3"] and rows[3][4:] == ["0.8300", "merge", ""]
    assert rows[5][1] == "" and rows[5][3] == "" and rows[5][5] == "omission"
    assert rows[7][3].endswith("& more Translated and edited.")  # the tab became a space


def test_markdown_summary_and_flag_table() -> None:
    md = render(make_report(), "md")
    verdict = "- **Verdict:** edited: 2 major changes, 3 minor changes, 1 note"
    assert f"{verdict} (86% of the original rendered)" in md
    assert "85.7% of original sentences" in md
    table = [line for line in md.splitlines() if line.startswith("| ")]
    assert len(table) == 1 + 6  # header + one row per flag
    assert all(len(re.split(r"(?<!\\)\|", line)) == 8 for line in table)  # 6 cells
    assert "Syria \\| mainly" in md
    assert "<script>" not in md and "&lt;script&gt;" in md
    plain = render(make_plain_report(), "md")
    assert "alignment only (no check run)" in plain and "## Links" in plain
    assert "## Flags" not in plain


def test_text_leads_with_the_verdict_then_flags() -> None:
    text = render(make_report(), "text")
    assert text.startswith("Verdict: EDITED: 2 major changes, 3 minor changes, 1 note")
    assert "[major] Omission - sentences original 6, translation -" in text  # 1-based
    assert "360,000 in the original became 460,000." in text
    assert "Signature:" not in text  # only with --verbose
    assert text.index("Verdict:") < text.index("Omission")
    plain = render(make_plain_report(), "text")
    assert "Alignment only (no check run): 8 links" in plain


# ---- index page -------------------------------------------------------------------------


def test_index_page_escapes_and_links(tmp_path: Path) -> None:
    rows = [
        IndexRow(
            "syria<script>",
            "a.ar.txt",
            "a <b>.en.txt",
            "ar",
            "en",
            'r "1".html',
            coverage=0.857,
            counts={"omission": 1, "addition": 2},
            verdict="edited",
            note="synthetic & seeded",
        ),
        IndexRow(
            "broken", "b.ru.txt", "b.en.txt", "ru", "en", None, error="b.ru.txt: no such file"
        ),
    ]
    path = write_index_page(rows, tmp_path / "out" / "index.html")
    page = path.read_text(encoding="utf-8")
    assert page.count("<script") == 1 and "syria&lt;script&gt;" in page  # the pinned sorter
    assert "sha256-" in page
    tree = lxml_html.fromstring(page)
    links = tree.xpath("//a")
    assert [a.get("href") for a in links] == [
        f"r%20%221%22.{fmt}" for fmt in ("html", "json", "md", "tmx")
    ]
    assert len(tree.xpath("//th[@class='sortable']")) == 6
    body_rows = tree.xpath("//tbody/tr")
    assert len(body_rows) == 2
    assert "85.7%" in body_rows[0].text_content() and "Omission 1" in body_rows[0].text_content()
    assert "no such file" in body_rows[1].text_content()
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "script-src 'sha256-" in csp  # only the pinned sorter may run
