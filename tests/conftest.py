"""Shared fixtures: a CliRunner, the encoder, the exactly-once check, the tests' data folder and
the optional ../shared data."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
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
