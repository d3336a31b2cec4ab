"""Run the app with uvicorn on a socket bound before start-up (so port 0 works).

The caller learns the real address from ``bind`` before ``run`` blocks: the CLI prints
it, and tests that start ``provalign serve --port 0`` read it from that line.
"""

from __future__ import annotations

import socket

from align.serve.app import ServeOptions, create_app


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (``port`` 0 picks a free one)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(64)
    except OSError:
        sock.close()
        raise
    return sock


def run(options: ServeOptions, sock: socket.socket) -> None:
    """Serve until interrupted (uvicorn handles Ctrl-C and SIGTERM gracefully)."""
    import uvicorn

    config = uvicorn.Config(
        create_app(options), log_level="warning", access_log=False, server_header=False
    )
    uvicorn.Server(config).run(sockets=[sock])


def reviewer_name(given: str | None = None) -> str:
    """Who the app records with decisions: ``given``, else the user's login name, else
    "reviewer" (no login name in a bare container or under an unknown uid)."""
    import getpass

    if given:
        return given
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


LOOPBACK = ("127.0.0.1", "localhost", "::1")  # only this machine can reach the app


def listen_url(sock: socket.socket) -> str:
    """The address a bound socket serves, as a browser takes it: ``http://HOST:PORT/``
    with an IPv6 host in brackets, and the real port when 0 was asked for."""
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"
