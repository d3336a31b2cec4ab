"""Starting the review app: who it records as the reviewer (align.serve.run)."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")

from align.serve.run import bind, listen_url, reviewer_name  # noqa: E402


def test_reviewer_name(monkeypatch: pytest.MonkeyPatch) -> None:
    assert reviewer_name("Ann") == "Ann"
    monkeypatch.setattr("getpass.getuser", lambda: "login")
    assert reviewer_name() == reviewer_name("") == "login"

    def no_user() -> str:
        raise KeyError("uid not found")  # a bare container: no passwd entry

    monkeypatch.setattr("getpass.getuser", no_user)
    assert reviewer_name(None) == "reviewer"


@pytest.mark.parametrize(("host", "shown"), [("127.0.0.1", "127.0.0.1"), ("::1", "[::1]")])
def test_listen_url_names_the_real_port(host: str, shown: str) -> None:
    try:
        sock = bind(host, 0)
    except OSError:
        pytest.skip(f"{host} is not available on this machine")
    with sock:
        url = listen_url(sock)
    port = int(url.rsplit(":", 1)[1].rstrip("/"))
    assert url == f"http://{shown}:{port}/" and port > 0
