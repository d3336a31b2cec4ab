"""Fetch an article from a URL: bytes, charset and the evidence of where they came from.

Decisions:
* **httpx**, imported only when a URL is given (``import align`` stays light, and a
  user who never passes a URL never needs it). Redirects are followed by hand, at most
  ``max_redirects`` (5) hops, so that every hop's address can be checked (the web app
  refuses loopback and private addresses) and the final URL is known.
* **Bounded**: connect/read timeouts plus a total deadline, and a byte cap checked on
  ``Content-Length`` and again while streaming, so a lying or endless server cannot
  fill memory. HTML and plain text only (by ``Content-Type``); anything else is refused
  with its type named.
* **Charset** from the ``Content-Type`` header, else from a ``<meta charset>`` in the
  first 4 KiB, used only when the bytes decode with it; otherwise the reader detects.
* **Cache**: content-addressed (bytes stored under their SHA-256) with one small JSON
  record per URL, in ``$PROVALIGN_CACHE_DIR/fetch`` or the user cache dir. A cached URL
  is not fetched again; the record keeps the first fetch's time and status, so the
  evidence stays true.
* **Evidence**: ``align.types.Source`` (URL asked for, final URL, time, status, SHA-256)
  goes on ``ArticleMeta.source`` and into the JSON report.
"""

from __future__ import annotations

import codecs
import hashlib
import ipaddress
import json
import os
import re
import socket
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from align.atomic import write_atomic
from align.errors import BackendError, InputError, LimitError
from align.types import Source

ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)""", re.IGNORECASE)
_REDIRECTS = (301, 302, 303, 307, 308)


def is_url(value: object) -> bool:
    """True for an ``http://`` or ``https://`` address (what the CLI treats as a URL)."""
    return isinstance(value, str) and value[:8].lower().startswith(("http://", "https://"))


def default_cache_dir() -> Path:
    """``$PROVALIGN_CACHE_DIR/fetch``, else ``$XDG_CACHE_HOME`` or ``~/.cache``/provalign/fetch."""
    root = os.environ.get("PROVALIGN_CACHE_DIR")
    if root:
        return Path(root) / "fetch"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "provalign" / "fetch"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Limits and places for one fetch."""

    timeout: float = 20.0  # seconds: connect/read each, and twice this in total
    max_bytes: int = 8_000_000
    max_redirects: int = 5
    cache_dir: Path | None = None  # None: default_cache_dir()
    use_cache: bool = True
    save_dir: Path | None = None  # keep a copy of the fetched bytes here
    allow_private: bool = True  # False: refuse loopback, private and link-local hosts
    user_agent: str = "provalign (+https://github.com/provalign)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """The bytes of a page, how to decode them and where they came from."""

    data: bytes
    charset: str | None
    is_html: bool
    source: Source


def fetch(url: str, options: FetchOptions | None = None) -> Fetched:
    """Fetch ``url`` (or read it from the cache); raise InputError/LimitError naming it."""
    options = options or FetchOptions()
    cache = (options.cache_dir or default_cache_dir()) if options.use_cache else None
    got = _from_cache(cache, url) if cache is not None else None
    if got is None:
        got = _download(url, options)
        if cache is not None:
            _to_cache(cache, got)
    if options.save_dir is not None:
        save_source(got, options.save_dir)
    return got


def _download(url: str, options: FetchOptions) -> Fetched:
    try:
        import httpx
    except ImportError:
        raise BackendError(
            "fetching a URL needs httpx: pip install 'provalign[fetch]'", path=url
        ) from None
    deadline = time.monotonic() + 2 * options.timeout
    current = url
    with httpx.Client(
        timeout=httpx.Timeout(options.timeout),
        follow_redirects=False,
        headers={"User-Agent": options.user_agent, "Accept": "text/html, text/plain;q=0.9"},
        trust_env=False,
    ) as client:
        for _hop in range(options.max_redirects + 1):
            _check_address(current, options, url)
            try:
                with client.stream("GET", current) as response:
                    _check_peer(response, options, url)
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        if not is_url(current):
                            raise InputError(f"redirected to non-HTTP {current}", path=url)
                        continue
                    return _read(url, current, response, options, deadline)
            except httpx.TimeoutException:
                raise InputError(f"timed out after {options.timeout:g} s", path=url) from None
            except httpx.HTTPError as exc:
                reason = " ".join(str(exc).split())[:200] or type(exc).__name__
                raise InputError(f"cannot fetch: {reason}", path=url) from None
    raise InputError(f"more than {options.max_redirects} redirects", path=url)


def _read(
    url: str, final: str, response: object, options: FetchOptions, deadline: float
) -> Fetched:
    import httpx

    assert isinstance(response, httpx.Response)
    status = response.status_code
    if status >= 400:
        raise InputError(f"HTTP {status} {response.reason_phrase}".rstrip(), path=url)
    ctype = response.headers.get("content-type", "")
    mime = ctype.split(";")[0].strip().lower()
    if mime and mime not in ACCEPTED_TYPES:
        raise InputError(f"content type {mime} is not HTML or plain text", path=url)
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise LimitError(
            f"page is {int(declared):,} bytes, over the {options.max_bytes:,}-byte cap", path=url
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > options.max_bytes:
            raise LimitError(f"page is over the {options.max_bytes:,}-byte cap", path=url)
        if time.monotonic() > deadline:
            raise InputError(f"timed out after {2 * options.timeout:g} s in total", path=url)
        chunks.append(chunk)
    data = b"".join(chunks)
    charset = _charset(response.headers.get("content-type", ""), data)
    source = Source(
        url=url,
        final_url=final,
        fetched=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        status=status,
        sha256=hashlib.sha256(data).hexdigest(),
        content_type=mime or None,
    )
    is_html = mime in ("text/html", "application/xhtml+xml")
    return Fetched(data, charset, is_html, source)


def _charset(content_type: str, data: bytes) -> str | None:
    """The declared charset (header, then meta) when it is known and decodes ``data``."""
    candidates = re.findall(r"charset\s*=\s*[\"']?([-\w:.]+)", content_type, re.IGNORECASE)
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "replace"))
    for name in candidates:
        try:
            codec = codecs.lookup(name).name
            data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
        return codec
    return None


def _check_address(current: str, options: FetchOptions, asked: str) -> None:
    """Refuse loopback/private/link-local/reserved hosts unless allowed (every hop)."""
    parts = urlsplit(current)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"not an http(s) URL: {current}", path=asked)
    if options.allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except OSError:
        raise InputError(f"cannot resolve host {parts.hostname}", path=asked) from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global or address.is_multicast:
            raise InputError(
                f"refusing to fetch from a private or loopback address ({address})", path=asked
            )


def _check_peer(response: object, options: FetchOptions, asked: str) -> None:
    """Check the address actually connected to (a DNS answer may change after the check)."""
    if options.allow_private:
        return
    stream = getattr(response, "extensions", {}).get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not peer:
        return
    address = ipaddress.ip_address(str(peer[0]).split("%")[0])
    if not address.is_global or address.is_multicast:
        raise InputError(
            f"refusing to fetch from a private or loopback address ({address})", path=asked
        )


def _key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def _from_cache(cache: Path, url: str) -> Fetched | None:
    try:
        record = json.loads((cache / "urls" / f"{_key(url)}.json").read_text(encoding="utf-8"))
        source = Source(**record["source"])
        data = (cache / "blobs" / source.sha256[:2] / source.sha256).read_bytes()
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if hashlib.sha256(data).hexdigest() != source.sha256:
        return None  # a damaged cache entry is fetched again
    return Fetched(data, record.get("charset"), bool(record.get("is_html")), source)


def _to_cache(cache: Path, got: Fetched) -> None:
    """Store the bytes under their hash and the URL's record; a cache failure is not fatal."""
    s = got.source
    record = {
        "source": {
            "url": s.url,
            "final_url": s.final_url,
            "fetched": s.fetched,
            "status": s.status,
            "sha256": s.sha256,
            "content_type": s.content_type,
        },
        "charset": got.charset,
        "is_html": got.is_html,
    }
    try:
        write_atomic(cache / "blobs" / s.sha256[:2] / s.sha256, got.data)
        write_atomic(cache / "urls" / f"{_key(s.url)}.json", json.dumps(record).encode())
    except OSError:
        pass


def source_file_name(source: Source, is_html: bool) -> str:
    """``<host>-<first 12 hex of sha256>.html|txt``: stable, safe and unique per content."""
    host = re.sub(r"[^A-Za-z0-9.-]+", "_", urlsplit(source.final_url).hostname or "page")
    return f"{host}-{source.sha256[:12]}.{'html' if is_html else 'txt'}"


def save_source(got: Fetched, folder: Path) -> Path:
    """Keep the fetched bytes in ``folder`` (``--save-source``); return the file."""
    target = Path(folder) / source_file_name(got.source, got.is_html)
    try:
        write_atomic(target, got.data)
    except OSError as exc:
        raise InputError(f"cannot save source: {exc.strerror or exc}", path=str(target)) from exc
    return target
