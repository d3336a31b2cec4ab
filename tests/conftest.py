"""Shared fixtures: a CliRunner, the tests' data folder and the optional ../shared data."""

from __future__ import annotations

import os
from pathlib import Path

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
