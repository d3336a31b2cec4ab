"""URL inputs: fetched from a 127.0.0.1 server the test starts, never anything else."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from httpserver import serve_pages

from align.errors import InputError, LimitError
from align.read.fetch import FetchOptions, fetch, is_url
from cli import cli

DATA = Path(__file__).resolve().parents[1] / "data"
AR = (DATA / "align" / "ntrex.ar.txt").read_bytes()
EN = (DATA / "align" / "ntrex.en.txt").read_bytes()
RU_HTML = (DATA / "reader" / "ru.cp1251.html").read_bytes()


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    pages = {
        "ar": (AR, "text/plain; charset=utf-8"),
        "en": (EN, "text/plain"),
        "ru": (RU_HTML, "text/html"),  # charset only in <meta>
        "pdf": (b"%PDF-1.4 ...", "application/pdf"),
    }
    with serve_pages(pages) as url:
        yield url


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never the user's cache: commands without --fetch-cache use this one."""
    monkeypatch.setenv("PROVALIGN_CACHE_DIR", str(tmp_path / "cache"))


def _opts(tmp_path: Path, **kw: object) -> FetchOptions:
    return FetchOptions(cache_dir=tmp_path / "cache", **kw)  # type: ignore[arg-type]


def test_is_url() -> None:
    assert is_url("https://example.org/a") and is_url("HTTP://x")
    assert not is_url("file:///etc/passwd") and not is_url("news.html") and not is_url(None)


def test_fetch_records_evidence_and_caches(base: str, tmp_path: Path) -> None:
    got = fetch(f"{base}/redirect/3", _opts(tmp_path))
    assert got.data == EN
    assert got.source.url == f"{base}/redirect/3"
    assert got.source.final_url == f"{base}/page/en"
    assert got.source.status == 200
    assert got.source.sha256 == hashlib.sha256(EN).hexdigest()
    assert (tmp_path / "cache" / "blobs" / got.source.sha256[:2] / got.source.sha256).exists()
    again = fetch(f"{base}/redirect/3", _opts(tmp_path))
    assert again.source == got.source  # from the cache: first fetch's evidence kept


def test_charset_from_meta(base: str, tmp_path: Path) -> None:
    got = fetch(f"{base}/page/ru", _opts(tmp_path))
    assert got.charset == "cp1251" and got.is_html


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/redirect/6", InputError, "more than 5 redirects"),
        ("/missing", InputError, "HTTP 404"),
        ("/slow", InputError, "timed out"),
        ("/big", LimitError, "cap"),
        ("/page/pdf", InputError, "content type application/pdf is not HTML or plain text"),
    ],
)
def test_fetch_errors(
    base: str, tmp_path: Path, path: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message) as info:
        fetch(base + path, _opts(tmp_path, timeout=0.5, max_bytes=100_000))
    assert str(info.value).startswith(base + path)


def test_private_addresses_refused_unless_allowed(base: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="private or loopback"):
        fetch(f"{base}/page/en", _opts(tmp_path, allow_private=False, use_cache=False))


def test_check_from_urls_records_source_and_saves_pages(base: str, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    saved = tmp_path / "sources"
    result = CliRunner().invoke(
        cli,
        [
            "check",
            f"{base}/page/ar",
            f"{base}/redirect/2",
            "--format",
            "json",
            "-o",
            str(out),
            "--fetch-cache",
            str(tmp_path / "cache"),
            "--save-source",
            str(saved),
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    source = report["translation"]["source"]
    assert source["url"] == f"{base}/redirect/2" and source["final_url"] == f"{base}/page/en"
    assert source["status"] == 200 and source["sha256"] == hashlib.sha256(EN).hexdigest()
    assert report["original"]["path"] == f"{base}/page/ar"
    assert sorted(p.read_bytes() for p in saved.iterdir()) == sorted([AR, EN])
    from align.report import load_report, render

    assert render(load_report(out), "json") == out.read_text(encoding="utf-8")  # round trip
    html = render(load_report(out), "html")
    assert f"→ {base}/page/en" in html and hashlib.sha256(EN).hexdigest() in html


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/redirect/7", "more than 5 redirects"),
        ("/missing", "HTTP 404 Not Found"),
        ("/slow", "timed out after 0.5 s"),
        ("/big", "cap"),
        ("/page/pdf", "is not HTML or plain text"),
    ],
)
def test_cli_errors_are_one_line(base: str, tmp_path: Path, path: str, message: str) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "align",
            f"{base}/page/ar",
            base + path,
            "--fetch-timeout",
            "0.5",
            "--max-chars",
            "100000",
            "--fetch-cache",
            str(tmp_path / "c"),
        ],
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {base}{path}: "), result.output
    assert message in lines[0]
    assert "Traceback" not in result.output


def test_index_add_and_pair_accept_urls(base: str, tmp_path: Path) -> None:
    index = tmp_path / "index.sqlite"
    cache = ["--fetch-cache", str(tmp_path / "cache")]
    added = CliRunner().invoke(
        cli, ["index", "add", f"{base}/page/ar", "--index", str(index), *cache]
    )
    assert added.exit_code == 0, added.output
    assert "added 1" in added.output
    info = json.loads(CliRunner().invoke(cli, ["index", "info", "--index", str(index)]).output)
    assert info, info
    paired = CliRunner().invoke(
        cli, ["pair", f"{base}/redirect/1", "--index", str(index), "--format", "json"]
    )
    assert paired.exit_code == 0, paired.output
    assert f"{base}/redirect/1" in paired.output  # the URL as given, not a mangled path
    assert f"{base}/page/ar" in paired.output
    out = tmp_path / "reports"
    checked = CliRunner().invoke(
        cli,
        ["pair", f"{base}/page/en", "--index", str(index), "--then", "check", "-o", str(out)],
    )
    assert checked.exit_code == 0, checked.output
    assert (out / "en.json").exists(), sorted(p.name for p in out.iterdir())


def test_connected_address_is_checked_too(
    base: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A DNS answer that changes after the check (rebinding) is caught at the socket."""
    monkeypatch.setattr("align.read.fetch._check_address", lambda *a: None)
    with pytest.raises(InputError, match=r"private or loopback address \(127\.0\.0\.1\)"):
        fetch(f"{base}/page/en", _opts(tmp_path, allow_private=False, use_cache=False))


def test_split_accepts_a_url(base: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["split", f"{base}/page/ru", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["path"] == f"{base}/page/ru" and data["lang"] == "ru"
    assert data["encoding"] == "cp1251"  # from the page's <meta charset>
    assert (tmp_path / "cache" / "fetch" / "urls").is_dir()  # the default cache follows the env
