"""Originals from the web: fetched URLs become manifest lines that keep where each page came
from (align.provenance.originals.write_url_manifest), from a 127.0.0.1 server the test
starts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from httpserver import serve_pages

from align.errors import InputError
from align.provenance.originals import count_inputs, read_manifest, write_url_manifest
from align.read.inputs import fetch_options

EN = (Path(__file__).resolve().parents[1] / "data" / "align" / "ntrex.en.txt").read_bytes()


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_pages({"en": (EN, "text/plain; charset=utf-8")}) as url:
        yield url


def test_urls_become_manifest_lines_after_the_given_ones(base: str, tmp_path: Path) -> None:
    given = tmp_path / "given.jsonl"
    given.write_text(json.dumps({"id": "local", "text": "Первый текст."}) + "\n")
    fetch = fetch_options(cache_dir=tmp_path / "cache")  # never the user's cache
    path = write_url_manifest([f"{base}/redirect/1"], given, tmp_path, fetch)
    assert path == tmp_path / "urls.jsonl"
    entries = read_manifest(path)  # valid for the index, the given line first
    assert [e["id"] for e in entries] == ["local", f"{base}/redirect/1"]
    fetched = entries[1]
    assert fetched["url"] == f"{base}/page/en"  # the final URL after the redirect
    assert fetched["outlet"] == "127.0.0.1" and fetched["text"]
    assert count_inputs([], path) == 2


def test_a_url_that_fails_is_named(base: str, tmp_path: Path) -> None:
    fetch = fetch_options(cache_dir=tmp_path / "cache")
    with pytest.raises(InputError) as info:
        write_url_manifest([f"{base}/missing"], None, tmp_path, fetch)
    assert info.value.path == f"{base}/missing"
    assert not (tmp_path / "urls.jsonl").exists()
