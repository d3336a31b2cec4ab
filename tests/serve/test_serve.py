"""The review app in-process (Starlette's TestClient): safety, summary, review routes.

The encoder is never loaded here: reports come from ``report_fixture`` and link
corrections recompute flags with a stand-in. The real pipeline, a real server process
and a real browser are in ``test_serve_browser.py``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_fixture import make_report

pytest.importorskip("starlette")
with warnings.catch_warnings():  # Starlette may prefer another HTTP client for tests
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from align.serve.app import App, ServeOptions, create_app  # noqa: E402
from align.serve.store import Folder  # noqa: E402

BASE = "http://127.0.0.1"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROVALIGN_CACHE_DIR", str(tmp_path / "cache"))  # never the user's


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    store = Folder(root)
    store.save("pair-a", make_report("2025-01-02T03:04:05+00:00"))
    report = make_report()
    from align.types import Summary

    store.save(
        "pair-b",
        report.__class__(
            alignment=report.alignment,
            flags=report.flags[:1],
            summary=Summary("faithful", 1.0, 1.0, {"addition": 1}, 0.9),
        ),
    )
    (tmp_path / "secret.txt").write_text("top secret", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", root / "link.txt")
    return root


@pytest.fixture
def client(folder: Path) -> Iterator[TestClient]:
    app = create_app(ServeOptions(folder=folder, who="tester", max_body=200_000))
    with TestClient(app, base_url=BASE) as c:
        yield c


def _token(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def test_home_lists_sorts_and_filters(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "script-src 'none'" in page.headers["content-security-policy"]
    assert "<script" not in page.text
    ids = re.findall(r'<tr data-id="([^"]+)"', page.text)
    assert ids == ["pair-a", "pair-b"]
    by_flags = re.findall(r'<tr data-id="([^"]+)"', client.get("/?sort=flags").text)
    assert by_flags == ["pair-a", "pair-b"]
    faithful = client.get("/?verdict=faithful").text
    assert re.findall(r'<tr data-id="([^"]+)"', faithful) == ["pair-b"]
    omissions = client.get("/?kind=omission").text
    assert re.findall(r'<tr data-id="([^"]+)"', omissions) == ["pair-a"]


def test_changes_need_the_session_csrf_token(client: TestClient, folder: Path) -> None:
    before = (folder / "pair-a.json").read_text(encoding="utf-8")
    for data in (
        {"flag": "0", "action": "dismiss"},
        {"flag": "0", "action": "dismiss", "csrf": "0" * 64},
    ):
        r = client.post("/review/pair-a/flag", data=data)
        assert r.status_code == 403
    other = TestClient(create_app(ServeOptions(folder=folder)), base_url=BASE)
    stolen = _token(other.get("/").text)  # a token of another session (and secret)
    r = client.post("/review/pair-a/flag", data={"flag": "0", "action": "dismiss", "csrf": stolen})
    assert r.status_code == 403
    assert (folder / "pair-a.json").read_text(encoding="utf-8") == before


def test_review_decision_is_saved_in_the_json(client: TestClient, folder: Path) -> None:
    token = _token(client.get("/review/pair-a").text)
    r = client.post(
        "/review/pair-a/flag",
        data={"csrf": token, "flag": "2", "action": "confirm", "note": "checked the source"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    data = json.loads((folder / "pair-a.json").read_text(encoding="utf-8"))
    decision = data["review"]["decisions"][0]
    assert decision["action"] == "confirm" and decision["who"] == "tester"
    assert decision["note"] == "checked the source" and decision["kind"] == "number_mismatch"
    assert data["flags"] == json.loads(json.dumps(data["flags"]))  # machine flags still there
    assert "confirmed by tester" in (folder / "pair-a.html").read_text(encoding="utf-8")
    assert "confirmed number changed" in client.get("/review/pair-a").text


def test_link_correction_recomputes_flags(
    client: TestClient, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from align.types import Flag

    def fake_check(alignment: Any, options: Any, encoder: Any) -> Any:
        flags = tuple(
            Flag("omission", "major", x.original, (), "recomputed")
            for x in alignment.links
            if not x.translation
        )
        return make_report().__class__(alignment=alignment, flags=flags)

    monkeypatch.setattr("align.check.flags.check_alignment", fake_check)
    monkeypatch.setattr(App, "encoder", lambda self: None)
    token = _token(client.get("/review/pair-a").text)
    r = client.post("/review/pair-a/link", data={"csrf": token, "row": "4", "action": "unlink"})
    assert r.status_code == 200  # followed the redirect back to the review page
    data = json.loads((folder / "pair-a.json").read_text(encoding="utf-8"))
    assert data["review"]["decisions"][0]["action"] == "unlink"
    assert {"original": [4], "translation": [], "score": 0.0} in data["review"]["links"]
    assert any(f["detail"] == "recomputed" for f in data["review"]["flags"])
    assert len(data["links"]) == 8  # the machine's links are kept
    bad = client.post("/review/pair-a/link", data={"csrf": token, "row": "0", "action": "unlink"})
    assert bad.status_code == 400 and "already one-sided" in bad.text


@pytest.mark.parametrize(
    ("form", "made"),
    [
        ({"action": "join", "row": "5"}, [[[5, 6], [5]]]),
        ({"action": "split", "row": "3", "at_o": "1", "at_t": "1"}, [[[2], [3]], [[3], []]]),
        ({"action": "relink", "at_o": "6", "at_t": "1"}, [[[5], [0]]]),  # counted from 1
    ],
)
def test_link_forms(
    client: TestClient,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    form: dict[str, str],
    made: list[list[list[int]]],
) -> None:
    monkeypatch.setattr(
        "align.check.flags.check_alignment",
        lambda alignment, *a, **k: make_report().__class__(alignment=alignment),
    )
    monkeypatch.setattr(App, "encoder", lambda self: None)
    token = _token(client.get("/review/pair-a").text)
    r = client.post("/review/pair-a/link", data={"csrf": token, "note": "n", **form})
    assert r.status_code == 200, r.text
    decision = json.loads((folder / "pair-a.json").read_text(encoding="utf-8"))["review"][
        "decisions"
    ][-1]
    assert decision["action"] == form["action"] and decision["note"] == "n"
    assert [[x["original"], x["translation"]] for x in decision["after"]] == made


@pytest.mark.parametrize(
    "path",
    [
        "/files/../secret.txt",
        "/files/%2e%2e/secret.txt",
        "/files/..%2fsecret.txt",
        "/files/link.txt",  # a symbolic link out of the folder
        "/files//etc/passwd",
        "/review/..%2fsecret",
        "/report/..%2f..%2fsecret",
    ],
)
def test_nothing_outside_the_folder_is_served(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (400, 404)
    assert "top secret" not in r.text


def test_report_files_are_served_with_a_strict_policy(client: TestClient) -> None:
    r = client.get("/files/pair-a.html")
    assert r.status_code == 200 and "default-src 'none'" in r.headers["content-security-policy"]
    report = client.get("/report/pair-a")
    assert (
        report.status_code == 200
        and "script-src 'sha256-" in report.headers["content-security-policy"]
    )
    assert client.get("/review/nope").status_code == 404


def test_body_and_upload_limits(client: TestClient) -> None:
    token = _token(client.get("/").text)
    big = client.post(
        "/check", data={"csrf": token}, files={"original_file": ("a.txt", b"x" * 300_000)}
    )
    assert big.status_code == 413

    def chunks() -> Any:  # no Content-Length: counted while it streams
        for _ in range(30):
            yield b"x" * 10_000

    streamed = client.post(
        "/check",
        content=chunks(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert streamed.status_code == 413


def test_article_text_is_escaped_on_every_page(client: TestClient) -> None:
    for path in ("/review/pair-a", "/report/pair-a", "/"):
        text = client.get(path).text
        assert "<script>window.__pwned" not in text and "<img src=x" not in text


def test_private_urls_are_refused_by_default(client: TestClient) -> None:
    token = _token(client.get("/").text)
    r = client.post(
        "/check",
        data={
            "csrf": token,
            "original_url": "http://127.0.0.1:9/a",
            "translation_text": "Some text.",
        },
    )
    assert r.status_code == 400
    assert "refusing to fetch from a private or loopback address" in r.text


def test_reviewer_name_in_any_script(client: TestClient, folder: Path) -> None:
    token = _token(client.get("/").text)
    client.post("/who", data={"csrf": token, "who": "سارة  Müller"})
    client.post("/review/pair-a/flag", data={"csrf": token, "flag": "0", "action": "confirm"})
    data = json.loads((folder / "pair-a.json").read_text(encoding="utf-8"))
    assert data["review"]["decisions"][0]["who"] == "سارة Müller"


def test_foreign_host_header_is_refused(client: TestClient) -> None:
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400


def test_serve_reports_a_busy_port_in_one_line(tmp_path: Path) -> None:
    import socket

    from click.testing import CliRunner

    from cli import cli

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(
            cli, ["serve", "--port", str(port), "--open", str(tmp_path / "f")]
        )
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot listen on 127.0.0.1:{port}: ")
    assert len(result.output.strip().splitlines()) == 1


def test_upload_limit_per_file(folder: Path) -> None:
    app = create_app(ServeOptions(folder=folder, max_upload=1_000))
    with TestClient(app, base_url=BASE) as c:
        token = _token(c.get("/").text)
        for fields, files in (
            ({"translation_text": "x" * 5_000}, None),
            ({}, {"original_file": ("a.txt", b"word " * 1_000)}),
        ):
            r = c.post("/check", data={"csrf": token, **fields}, files=files)
            assert r.status_code in (400, 413), r.status_code
            assert not list(folder.glob("check-*.json"))


def test_summary_pages_a_big_folder() -> None:
    from align.serve.pages import PAGE_SIZE, SummaryRow, home_page

    rows = [
        SummaryRow(f"r{n:04d}", "ar", "en", "edited", 0.9, {"omission": n % 3}) for n in range(250)
    ]
    first = home_page(rows, "t", "w")
    assert first.count("<tr data-id") == PAGE_SIZE and 'rel="next"' in first
    last = home_page(rows, "t", "w", page_no=3)
    assert last.count("<tr data-id") == 50 and "Page 3 of 3" in last
    assert len(first.encode("utf-8")) <= 200_000


def _with_spans(report: Any) -> Any:
    """The fixture report with the changed number's words on both sides and two runs of
    ``check --unmatched``: one in the number's row, one in a disclaimer full of markup."""
    from align.types import Span

    al = report.alignment
    o4, t4 = al.original.sentences[4].text, al.translation.sentences[4].text
    t6 = al.translation.sentences[6].text
    number = dataclasses.replace(
        report.flags[2],
        spans=(
            Span("original", 4, o4.index("360.000"), o4.index("360.000") + 7),
            Span("translation", 4, t4.index("460,000"), t4.index("460,000") + 7),
        ),
    )
    flags = (*report.flags[:2], number, *report.flags[3:])
    runs = (
        Span("translation", 4, t4.index("more than"), t4.index("more than") + 9),
        Span("translation", 6, t6.index("<script>"), t6.index("</script>") + 9),
    )
    return dataclasses.replace(report, flags=flags, unmatched=runs)


def test_review_page_marks_the_flagged_words_and_the_reading_aid(
    client: TestClient, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Folder(folder).save("pair-c", _with_spans(make_report()))
    page = client.get("/review/pair-c").text
    flag_item = page[page.index('id="flag-2"') : page.index('id="flag-3"')]
    row = page[page.index('id="link-4"') : page.index('id="link-5"')]
    for part in (flag_item, row):  # in the flag's quotes and in its row of the links
        assert re.search(r'<mark class="w k-[^"]+" title="[^"]*">360\.000</mark>', part)
        assert re.search(r'<mark class="w k-[^"]+" title="[^"]*">460,000</mark>', part)
    assert '<span class="nm">more than</span>' in row
    assert 'id="nm-show" checked' in page  # the switch (CSS only: the page has no script)
    assert "<script" not in page and '<span class="nm">&lt;script&gt;' in page
    assert 'id="nm-show"' not in client.get("/review/pair-a").text  # no runs, no key

    monkeypatch.setattr(
        "align.check.flags.check_alignment",
        lambda alignment, *a, **k: make_report().__class__(alignment=alignment),
    )
    monkeypatch.setattr(App, "encoder", lambda self: None)
    token = _token(page)
    r = client.post("/review/pair-c/link", data={"csrf": token, "row": "4", "action": "unlink"})
    assert r.status_code == 200
    # a run says nothing about a pair a correction made: gone there, kept elsewhere
    assert '<span class="nm">more than</span>' not in r.text
    assert '<span class="nm">&lt;script&gt;' in r.text
