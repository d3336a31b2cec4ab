"""Read a JSON report back into a ``Report``, validating as it goes.

The file may come from an older or newer provalign, a colleague's hand edit or a
truncated download; each problem becomes one ``FormatError`` naming the file and the
JSON location (``links[3].original[0]: index 41 out of range (original has 40
sentences)``) instead of a traceback three stages later.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from align.errors import FormatError, InputError
from align.read.limits import REPORT_BYTES, refuse_oversized
from align.report.write_json import READABLE_VERSIONS, SCHEMA_VERSION
from align.types import (
    FLAG_ACTIONS,
    LINK_ACTIONS,
    SEVERITIES,
    SIDES,
    VERDICTS,
    Alignment,
    ArticleMeta,
    Decision,
    Document,
    Flag,
    Link,
    Report,
    Review,
    Sentence,
    Signature,
    Source,
    Span,
    Summary,
)


class _Reader:
    """Typed accessors that raise ``FormatError`` with the JSON location."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> FormatError:
        return FormatError(f"not a valid provalign report: {where}: {problem}", path=self.path)

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, got {_kind(value)}")
        return value

    def key(self, data: dict[str, Any], key: str, where: str) -> Any:
        if key not in data:
            raise self.fail(where, f"missing key {key!r}")
        return data[key]

    def str_(self, data: dict[str, Any], key: str, where: str, optional: bool = False) -> Any:
        value = data.get(key) if optional else self.key(data, key, where)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", f"expected a string, got {_kind(value)}")
        return value

    def int_(self, value: Any, where: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(where, f"expected an integer, got {_kind(value)}")
        return value

    def num(self, value: Any, where: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(where, f"expected a number, got {_kind(value)}")
        return value

    def list_(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, f"expected a list, got {_kind(value)}")
        return value

    def indices(self, value: Any, where: str, size: int, side: str) -> tuple[int, ...]:
        out = []
        for n, item in enumerate(self.list_(value, where)):
            i = self.int_(item, f"{where}[{n}]")
            if not 0 <= i < size:
                raise self.fail(
                    f"{where}[{n}]", f"index {i} out of range ({side} has {size} sentences)"
                )
            out.append(i)
        return tuple(out)


def _kind(value: Any) -> str:
    names = {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def _signature(r: _Reader, data: Any) -> Signature:
    where = "signature"
    sig = r.obj(data, where)
    settings = r.obj(r.key(sig, "settings", where), f"{where}.settings")
    pairs = []
    for k, v in settings.items():
        if not isinstance(v, str):
            raise r.fail(f"{where}.settings.{k}", f"expected a string, got {_kind(v)}")
        pairs.append((k, v))
    return Signature(
        version=r.str_(sig, "version", where),
        encoder=r.str_(sig, "encoder", where),
        settings=tuple(pairs),
        tool=r.str_(sig, "tool", where),
    )


def _document(r: _Reader, data: Any, role: str) -> Document:
    doc = r.obj(data, role)
    meta = ArticleMeta(
        path=r.str_(doc, "path", role),
        encoding=r.str_(doc, "encoding", role, optional=True) or "utf-8",
        source_format=r.str_(doc, "source_format", role, optional=True) or "text",
        title=r.str_(doc, "title", role, optional=True),
        byline=r.str_(doc, "byline", role, optional=True),
        published=r.str_(doc, "published", role, optional=True),
        attribution=r.str_(doc, "attribution", role, optional=True),
        source=_source(r, doc.get("source"), f"{role}.source"),
    )
    sentences = []
    for n, item in enumerate(r.list_(r.key(doc, "sentences", role), f"{role}.sentences")):
        where = f"{role}.sentences[{n}]"
        s = r.obj(item, where)
        index = r.int_(r.key(s, "index", where), f"{where}.index")
        if index != n:
            raise r.fail(f"{where}.index", f"expected {n}, got {index}")
        sentences.append(
            Sentence(
                index=index,
                text=r.str_(s, "text", where),
                start=r.int_(r.key(s, "start", where), f"{where}.start"),
                end=r.int_(r.key(s, "end", where), f"{where}.end"),
                paragraph=r.int_(r.key(s, "paragraph", where), f"{where}.paragraph"),
                lang=r.str_(s, "lang", where),
                kind=r.str_(s, "kind", where, optional=True) or "body",
            )
        )
    return Document(meta=meta, lang=r.str_(doc, "lang", role), sentences=tuple(sentences))


def _source(r: _Reader, data: Any, where: str) -> Source | None:
    if data is None:
        return None
    s = r.obj(data, where)
    return Source(
        url=r.str_(s, "url", where),
        final_url=r.str_(s, "final_url", where),
        fetched=r.str_(s, "fetched", where),
        status=r.int_(r.key(s, "status", where), f"{where}.status"),
        sha256=r.str_(s, "sha256", where),
        content_type=r.str_(s, "content_type", where, optional=True),
    )


def _links(
    r: _Reader, data: Any, n_orig: int, n_trans: int, name: str = "links"
) -> tuple[Link, ...]:
    links = []
    for n, item in enumerate(r.list_(data, name)):
        where = f"{name}[{n}]"
        link = r.obj(item, where)
        score = r.num(r.key(link, "score", where), f"{where}.score")
        links.append(
            Link(
                original=r.indices(
                    r.key(link, "original", where), f"{where}.original", n_orig, "original"
                ),
                translation=r.indices(
                    r.key(link, "translation", where),
                    f"{where}.translation",
                    n_trans,
                    "translation",
                ),
                score=score,
            )
        )
    return tuple(links)


def _flags(
    r: _Reader, data: Any, n_orig: int, n_trans: int, name: str = "flags"
) -> tuple[Flag, ...]:
    flags = []
    for n, item in enumerate(r.list_(data, name)):
        where = f"{name}[{n}]"
        f = r.obj(item, where)
        severity = r.str_(f, "severity", where)
        if severity not in SEVERITIES:
            raise r.fail(f"{where}.severity", f"unknown severity {severity!r}")
        kind = r.str_(f, "kind", where)
        if not kind:
            raise r.fail(f"{where}.kind", "empty flag kind")
        flags.append(
            Flag(
                kind=kind,
                severity=severity,
                original=r.indices(
                    r.key(f, "original", where), f"{where}.original", n_orig, "original"
                ),
                translation=r.indices(
                    r.key(f, "translation", where), f"{where}.translation", n_trans, "translation"
                ),
                detail=r.str_(f, "detail", where),
                evidence=r.obj(f.get("evidence", {}), f"{where}.evidence"),
                subkind=r.str_(f, "subkind", where, optional=True),
                spans=_spans(r, f.get("spans", []), f"{where}.spans", n_orig, n_trans),
            )
        )
    return tuple(flags)


def _review(r: _Reader, data: Any, n_orig: int, n_trans: int) -> Review | None:
    """The optional ``review`` section (decisions, reviewed links and flags)."""
    if data is None:
        return None
    rv = r.obj(data, "review")
    decisions = []
    for n, item in enumerate(r.list_(rv.get("decisions", []), "review.decisions")):
        where = f"review.decisions[{n}]"
        d = r.obj(item, where)
        action = r.str_(d, "action", where)
        if action not in FLAG_ACTIONS + LINK_ACTIONS:
            raise r.fail(f"{where}.action", f"unknown action {action!r}")
        decisions.append(
            Decision(
                action=action,
                who=r.str_(d, "who", where),
                when=r.str_(d, "when", where),
                note=r.str_(d, "note", where, optional=True) or "",
                kind=r.str_(d, "kind", where, optional=True),
                original=r.indices(d.get("original", []), f"{where}.original", n_orig, "original"),
                translation=r.indices(
                    d.get("translation", []), f"{where}.translation", n_trans, "translation"
                ),
                before=_links(r, d.get("before", []), n_orig, n_trans, f"{where}.before"),
                after=_links(r, d.get("after", []), n_orig, n_trans, f"{where}.after"),
            )
        )
    links = rv.get("links")
    flags = rv.get("flags")
    return Review(
        decisions=tuple(decisions),
        links=None if links is None else _links(r, links, n_orig, n_trans, "review.links"),
        flags=None if flags is None else _flags(r, flags, n_orig, n_trans, "review.flags"),
    )


def _spans(r: _Reader, data: Any, where: str, n_orig: int, n_trans: int) -> tuple[Span, ...]:
    """A flag's word spans (absent in schema 1 files: none), or the report's ``unmatched``."""
    if not isinstance(data, list):
        raise r.fail(where, "expected a list of spans")
    out = []
    for n, item in enumerate(data):
        w = f"{where}[{n}]"
        s = r.obj(item, w)
        side = r.str_(s, "side", w)
        if side not in SIDES:
            raise r.fail(f"{w}.side", f"unknown side {side!r}")
        sent = r.int_(r.key(s, "sentence", w), f"{w}.sentence")
        if not 0 <= sent < (n_orig if side == "original" else n_trans):
            raise r.fail(f"{w}.sentence", f"no {side} sentence {sent}")
        start, end = (
            r.int_(r.key(s, "start", w), f"{w}.start"),
            r.int_(r.key(s, "end", w), f"{w}.end"),
        )
        if not 0 <= start < end:
            raise r.fail(w, f"empty or negative span {start}-{end}")
        out.append(Span(side, sent, start, end))
    return tuple(out)


def _summary(r: _Reader, data: Any) -> Summary | None:
    if data is None:
        return None
    where = "summary"
    s = r.obj(data, where)
    verdict = r.str_(s, "verdict", where)
    if verdict not in VERDICTS:
        raise r.fail(f"{where}.verdict", f"unknown verdict {verdict!r}")
    counts = r.obj(r.key(s, "counts", where), f"{where}.counts")
    return Summary(
        verdict=verdict,
        coverage_sentences=r.num(
            r.key(s, "coverage_sentences", where), f"{where}.coverage_sentences"
        ),
        coverage_chars=r.num(r.key(s, "coverage_chars", where), f"{where}.coverage_chars"),
        counts={k: r.int_(v, f"{where}.counts.{k}") for k, v in counts.items()},
        mean_score=r.num(r.key(s, "mean_score", where), f"{where}.mean_score"),
        reason=r.str_(s, "reason", where, optional=True) or "",
    )


def report_from_dict(data: Any, path: str = "<json>") -> Report:
    """Rebuild a ``Report`` from decoded JSON, raising ``FormatError`` on the first problem."""
    r = _Reader(path)
    top = r.obj(data, "top level")
    version = r.key(top, "schema_version", "top level")
    if version not in READABLE_VERSIONS:
        raise r.fail(
            "schema_version",
            f"unsupported version {version!r} (this provalign reads {SCHEMA_VERSION} and older)",
        )
    original = _document(r, r.key(top, "original", "top level"), "original")
    translation = _document(r, r.key(top, "translation", "top level"), "translation")
    n_orig, n_trans = len(original.sentences), len(translation.sentences)
    created = top.get("created")
    if created is not None and not isinstance(created, str):
        raise r.fail("created", f"expected a string or null, got {_kind(created)}")
    alignment = Alignment(
        original=original,
        translation=translation,
        links=_links(r, r.key(top, "links", "top level"), n_orig, n_trans),
        signature=_signature(r, r.key(top, "signature", "top level")),
    )
    return Report(
        alignment=alignment,
        flags=_flags(r, top.get("flags", []), n_orig, n_trans),
        summary=_summary(r, top.get("summary")),
        created=created,
        review=_review(r, top.get("review"), n_orig, n_trans),
        unmatched=_spans(r, top.get("unmatched", []), "unmatched", n_orig, n_trans),
    )


def load_report(path: str | Path) -> Report:
    """Read and validate a JSON report file.

    Raises:
        InputError: missing, a folder, a device or FIFO, unreadable or not UTF-8.
        FormatError: not JSON, or not a valid provalign report.
    """
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError("no such file", path=name)
    if p.is_dir():
        raise InputError("is a folder, expected a JSON report file", path=name)
    refuse_oversized(p, REPORT_BYTES, "a JSON report")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=name) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", path=name) from exc
    if not text.strip():
        raise FormatError("empty file, expected a JSON report", path=name)

    def no_constants(constant: str) -> Any:
        raise FormatError(f"not JSON: {constant} is not a JSON value", path=name)

    try:
        data = json.loads(text, parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", path=name
        ) from exc
    except RecursionError as exc:
        raise FormatError("not JSON: nested too deeply", path=name) from exc
    except ValueError as exc:  # e.g. an integer of 5,000 digits (Python's int_max_str_digits)
        raise FormatError(f"not a usable JSON value: {str(exc)[:80]}", path=name) from exc
    return report_from_dict(data, name)
