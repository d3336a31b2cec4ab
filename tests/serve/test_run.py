"""Starting the review app: who it records as the reviewer (align.serve.run)."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")

from align.serve.run import reviewer_name  # noqa: E402


def test_reviewer_name(monkeypatch: pytest.MonkeyPatch) -> None:
    assert reviewer_name("Ann") == "Ann"
    monkeypatch.setattr("getpass.getuser", lambda: "login")
    assert reviewer_name() == reviewer_name("") == "login"

    def no_user() -> str:
        raise KeyError("uid not found")  # a bare container: no passwd entry

    monkeypatch.setattr("getpass.getuser", no_user)
    assert reviewer_name(None) == "reviewer"
