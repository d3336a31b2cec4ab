"""A local HTTP server for tests: 127.0.0.1 only, port 0, one thread, fixed routes.

Routes: ``/page/<name>`` serves ``pages[name]`` (bytes, content type); ``/redirect/<n>``
redirects n times then lands on ``/page/en``; ``/slow`` waits before answering;
``/big`` sends more bytes than any test cap; ``/missing`` is a 404.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Pages = dict[str, tuple[bytes, str]]


def _handler(pages: Pages) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet
            return None

        def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str]) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in extra.items():
                self.send_header(k, v)
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            parts = self.path.strip("/").split("/")
            if parts[0] == "page" and len(parts) == 2 and parts[1] in pages:
                body, ctype = pages[parts[1]]
                self._send(200, body, ctype, {})
            elif parts[0] == "redirect" and len(parts) == 2 and parts[1].isdigit():
                n = int(parts[1])
                target = "/page/en" if n <= 1 else f"/redirect/{n - 1}"
                self._send(302, b"", "text/plain", {"Location": target})
            elif parts[0] == "slow":
                time.sleep(3)
                self._send(200, b"late", "text/plain", {})
            elif parts[0] == "big":
                self._send(200, b"<p>x</p>" * 200_000, "text/html", {})
            else:
                self._send(404, b"not here", "text/plain", {})

    return Handler


@contextmanager
def serve_pages(pages: Pages) -> Iterator[str]:
    """Run the server in a thread; yield its base URL ``http://127.0.0.1:PORT``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(pages))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
