"""The Starlette app behind ``provalign serve`` (imported only by that command).

Safety decisions:
* **CSRF**: every POST carries a token derived (HMAC) from the session cookie and a
  secret made at start-up; the cookie is ``HttpOnly`` and ``SameSite=Strict``. A POST
  without a matching token gets 403 and changes nothing.
* **Size limits**: a request body over ``max_body`` bytes is refused (413) from its
  ``Content-Length`` or while it streams; each uploaded file is capped at ``max_upload``.
* **Files**: only files inside the opened folder are served: the resolved path (links
  followed) must stay inside the resolved folder, and report ids are plain names.
* **URLs** typed into the app are fetched with private and loopback addresses refused
  (every redirect hop too) unless the server was started with ``--allow-private-urls``.
* **Hosts**: requests must name the bound host (DNS-rebinding guard).
* **No external requests**: pages carry a CSP forbidding scripts and other origins.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote, unquote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from align.errors import AlignError
from align.serve import pages
from align.serve.store import Folder, new_report_id, report_csp
from align.text.languages import DEFAULT_ENCODER

SESSION = "provalign_session"
WHO = "provalign_who"
Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """How the app runs: its folder, limits, who reviews, what it may fetch."""

    folder: Path
    host: str = "127.0.0.1"
    allow_private_urls: bool = False
    max_body: int = 12_000_000  # bytes of one request
    max_upload: int = 4_000_000  # bytes of one uploaded file or pasted text
    who: str = "reviewer"
    encoder: str = DEFAULT_ENCODER
    fetch_timeout: float = 20.0
    preload: bool = False  # load the encoder in the background at start-up


class BodyLimit:
    """ASGI middleware: 413 for a body over ``limit`` bytes, declared or streamed."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await Response("request too large", 413)(scope, receive, send)
            return
        seen = 0

        async def limited() -> MutableMapping[str, Any]:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise HTTPException(413, "request too large")
            return message

        await self.app(scope, limited, send)


SECURITY_HEADERS = {
    "Content-Security-Policy": pages.CSP + "; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def _html(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status, headers=SECURITY_HEADERS)


class App:
    """State shared by the routes: options, the folder, the CSRF secret, the encoder."""

    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        self.folder = Folder(options.folder)
        self.secret = secrets.token_bytes(32)
        self.compute = threading.Lock()  # one pipeline run at a time (the encoder is shared)
        self.writing = threading.Lock()  # one read-modify-write of a report at a time
        self._encoder: Any = None
        self._encoder_lock = threading.Lock()
        if options.preload:  # the first check need not wait for the model
            threading.Thread(target=self._preload, daemon=True).start()

    def _preload(self) -> None:
        from align.serve.jobs import warm_up

        with self.compute:  # a check sent meanwhile waits for it
            warm_up(self.encoder)

    def encoder(self) -> Any:
        with self._encoder_lock:
            if self._encoder is None:
                from align.embed.encoder import load_encoder

                self._encoder = load_encoder(self.options.encoder)
            return self._encoder

    def token(self, session: str) -> str:
        return hmac.new(self.secret, session.encode(), hashlib.sha256).hexdigest()

    def session(self, request: Request) -> str:
        value = request.cookies.get(SESSION, "")
        return value if re.fullmatch(r"[A-Za-z0-9_-]{20,64}", value) else ""

    def who(self, request: Request) -> str:
        name = unquote(request.cookies.get(WHO, "")).strip()
        return name[:80] if name else self.options.who

    def page(
        self, request: Request, render: Callable[[str, str], str], status: int = 200
    ) -> Response:
        """Render with this session's token, starting a session when there is none."""
        session = self.session(request) or secrets.token_urlsafe(24)
        response = _html(render(self.token(session), self.who(request)), status)
        if session != request.cookies.get(SESSION):
            response.set_cookie(SESSION, session, httponly=True, samesite="strict")
        return response

    async def form(self, request: Request) -> Any:
        """The POSTed form, after the CSRF check (403 when the token does not match)."""
        form = await request.form(max_files=4, max_fields=32, max_part_size=self.options.max_upload)
        session = self.session(request)
        sent = form.get("csrf")
        if (
            not session
            or not isinstance(sent, str)
            or not hmac.compare_digest(sent, self.token(session))
        ):
            await form.close()
            raise HTTPException(403, "missing or wrong CSRF token; reload the page")
        return form

    # --- routes -----------------------------------------------------------------------

    async def home(self, request: Request, error: str = "", status: int = 200) -> Response:
        q = request.query_params
        sort = q.get("sort", "name")
        verdict, kind = q.get("verdict", ""), q.get("kind", "")
        rows = await run_in_threadpool(self.folder.summary)
        return self.page(
            request,
            lambda token, who: pages.home_page(
                rows,
                token,
                who,
                sort if sort in pages.SORTS else "name",
                verdict,
                kind,
                str(self.folder.root),
                self.folder.has_index(),
                error,
                _int(q.get("page") or 1),
            ),
            status,
        )

    async def set_who(self, request: Request) -> Response:
        form = await self.form(request)
        response = RedirectResponse("/", 303)
        name = " ".join(str(form.get("who", "")).split())[:80]
        response.set_cookie(WHO, quote(name), httponly=True, samesite="strict")  # any script
        return response

    async def check(self, request: Request) -> Response:
        form = await self.form(request)
        try:
            sides = [await self._side(form, role) for role in ("original", "translation")]
            report_id = new_report_id()
            await run_in_threadpool(self._check, report_id, sides[0], sides[1])
        except AlignError as exc:
            return await self.home(request, str(exc), 400)
        finally:
            await form.close()  # uploaded files are spooled to temporary files
        return RedirectResponse(f"/review/{report_id}", 303)

    async def _side(self, form: Any, role: str) -> tuple[str, bytes | None]:
        """``(name or URL, bytes or None for a URL)`` of one side of the new-check form."""
        from align.errors import InputError, LimitError

        url = str(form.get(f"{role}_url") or "").strip()
        upload = form.get(f"{role}_file")
        text = str(form.get(f"{role}_text") or "")
        if url:
            return url, None
        if isinstance(upload, UploadFile) and upload.filename:
            data = await upload.read(self.options.max_upload + 1)
            if len(data) > self.options.max_upload:
                raise LimitError(f"upload over {self.options.max_upload:,} bytes", path=role)
            return Path(upload.filename).name or role, data
        if text.strip():
            data = text.encode("utf-8")
            if len(data) > self.options.max_upload:
                raise LimitError(f"text over {self.options.max_upload:,} bytes", path=role)
            return f"pasted {role}", data
        raise InputError("give a link, a file or pasted text", path=role)

    def _check(
        self, report_id: str, orig: tuple[str, bytes | None], trans: tuple[str, bytes | None]
    ) -> None:
        from align.read.fetch import FetchOptions
        from align.serve.jobs import check_inputs

        fetch = FetchOptions(
            timeout=self.options.fetch_timeout,
            allow_private=self.options.allow_private_urls,
            save_dir=self.folder.root / "sources",
        )
        with self.compute:
            report = check_inputs(orig, trans, self.encoder, fetch)
        with self.writing:
            self.folder.save(report_id, report)

    async def review(self, request: Request, error: str = "", status: int = 200) -> Response:
        report_id = request.path_params["report_id"]
        report = await run_in_threadpool(self.folder.load, report_id)
        return self.page(
            request,
            lambda token, who: pages.review_page(report_id, report, token, who, error),
            status,
        )

    async def decide(self, request: Request) -> Response:
        report_id = request.path_params["report_id"]
        form = await self.form(request)
        n = _int(form.get("flag"))
        try:
            await run_in_threadpool(self._decide, report_id, form, n, self.who(request))
        except AlignError as exc:
            return await self.review(request, str(exc), 400)
        return RedirectResponse(f"/review/{report_id}#flag-{n}", 303)

    def _decide(self, report_id: str, form: Any, n: int, who: str) -> None:
        from align.serve.review import decide_flag, flag_key, reviewed_flags

        note = str(form.get("note") or "")[:500]
        with self.writing:
            report = self.folder.load(report_id)
            flags = reviewed_flags(report)
            if not 0 <= n < len(flags):
                raise HTTPException(400, "no such flag")
            report = decide_flag(report, flag_key(flags[n]), str(form.get("action")), who, note)
            self.folder.save(report_id, report)

    async def correct(self, request: Request) -> Response:
        report_id = request.path_params["report_id"]
        form = await self.form(request)
        try:
            await run_in_threadpool(self._correct, report_id, form, self.who(request))
        except AlignError as exc:
            return await self.review(request, str(exc), 400)
        return RedirectResponse(f"/review/{report_id}#links", 303)

    def _correct(self, report_id: str, form: Any, who: str) -> None:
        from align.check.context import FlagOptions
        from align.check.flags import check_alignment
        from align.serve.review import correct_link

        action = str(form.get("action") or "")
        at_o, at_t = _int(form.get("at_o") or 0), _int(form.get("at_t") or 0)
        if action == "relink":  # the form counts sentences from 1
            at_o, at_t = at_o - 1, at_t - 1
        with self.writing, self.compute:
            report = self.folder.load(report_id)
            encoder = self.encoder()
            report = correct_link(
                report,
                action,
                _int(form.get("row") or 0),
                who,
                lambda a: check_alignment(a, FlagOptions(), encoder).flags,
                (at_o, at_t),
                str(form.get("note") or "")[:500],
            )
            self.folder.save(report_id, report)

    async def report(self, request: Request) -> Response:
        from align.report import render

        report = await run_in_threadpool(self.folder.load, request.path_params["report_id"])
        html = render(report, "html")  # carries its own CSP (its script allowed by hash)
        return HTMLResponse(
            html, headers={**SECURITY_HEADERS, "Content-Security-Policy": report_csp()}
        )

    async def files(self, request: Request) -> Response:
        path = self.folder.resolve(request.path_params["path"])
        return cast(Response, self.folder.response(path))


def _int(value: Any) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise HTTPException(400, "expected a number") from None


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    body = pages.page("provalign: error", pages.error_box(f"{exc.status_code}: {exc.detail}"))
    return _html(body, exc.status_code)


async def _align_error(request: Request, exc: Exception) -> Response:
    body = pages.page("provalign: error", pages.error_box(str(exc)))
    return _html(body, 404 if "no such report" in str(exc) else 400)


def create_app(options: ServeOptions) -> Starlette:
    """The ASGI app for ``options`` (the folder is created if missing)."""
    state = App(options)
    hosts = sorted({options.host, "127.0.0.1", "localhost", "[::1]", "::1"})
    routes = [
        Route("/", state.home),
        Route("/who", state.set_who, methods=["POST"]),
        Route("/check", state.check, methods=["POST"]),
        Route("/review/{report_id}", state.review),
        Route("/review/{report_id}/flag", state.decide, methods=["POST"]),
        Route("/review/{report_id}/link", state.correct, methods=["POST"]),
        Route("/report/{report_id}", state.report),
        Route("/files/{path:path}", state.files),
    ]
    middleware = [
        Middleware(
            TrustedHostMiddleware,
            allowed_hosts=hosts if options.host not in ("0.0.0.0", "::") else ["*"],
        ),
        Middleware(BodyLimit, limit=options.max_body),
    ]
    return Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: _http_error, AlignError: _align_error},
    )
