"""Originals to index: files, folders and a JSONL manifest, read and validated.

Split out of ``align.provenance.index`` (which stores and reads them). The manifest is validated
in full (JSON per line, required fields, unique ids) before anything is written: a
bad line 9,000 must not leave half a batch behind. A file's id is the path as given;
a folder's files' ids are ``folder/relative/path``, so ids are what the user typed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from align.errors import FormatError, InputError
from align.read.limits import MAX_CHARS, refuse_special_file
from align.text.languages import DEFAULT_ENCODER

if TYPE_CHECKING:
    from align.read.fetch import FetchOptions

SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True, slots=True)
class IndexOptions:
    """How originals are read and encoded when added."""

    lang: str | None = None
    encoder: str = DEFAULT_ENCODER
    max_chars: int = MAX_CHARS
    role: str = "original"  # or "english_version": an outlet's own English edition
    renders: str | None = None  # id of the indexed original an english_version renders


@dataclass(frozen=True, slots=True)
class OriginalRecord:
    """One original ready to store; ``embeddings`` may be precomputed (benchmarks)."""

    id: str
    text: str
    sentences: tuple[str, ...]
    lang: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    date: str | None = None
    title: str | None = None
    embeddings: Any = None  # (n, 512) float32 or None
    role: str = "original"
    renders: str | None = None


MANIFEST_FIELDS = ("id", "url", "outlet", "date", "title", "text", "role", "renders")
ROLES = ("original", "english_version")


def read_manifest(manifest: Path) -> list[dict[str, Any]]:
    """All manifest lines, validated before anything is written."""
    refuse_special_file(manifest)
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read manifest: {exc}", path=str(manifest)) from exc
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FormatError(f"line {no} is not JSON ({exc.msg})", path=str(manifest)) from exc
        if not isinstance(obj, dict):
            raise FormatError(f"line {no} is not a JSON object", path=str(manifest))
        doc_id, text = obj.get("id"), obj.get("text")
        if not isinstance(doc_id, str | int) or not str(doc_id).strip():
            raise FormatError(f"line {no} has no 'id'", path=str(manifest))
        if not isinstance(text, str) or not text.strip():
            raise FormatError(f"line {no} has no 'text'", path=str(manifest))
        doc_id = str(doc_id)
        if doc_id in seen:
            raise FormatError(
                f"line {no} repeats id {doc_id!r} (first on line {seen[doc_id]})",
                path=str(manifest),
            )
        seen[doc_id] = no
        if obj.get("role") is not None and obj["role"] not in ROLES:
            raise FormatError(
                f"line {no} has role {obj['role']!r}; use one of {', '.join(ROLES)}",
                path=str(manifest),
            )
        out.append({k: (str(obj[k]) if obj.get(k) is not None else None) for k in MANIFEST_FIELDS})
    return out


def input_files(paths: Sequence[Path]) -> list[tuple[str, Path]]:
    """(id, file) pairs: a file's id is the path as given, a folder's files' ids are
    ``folder/relative/path`` (so ids are what the user typed and what TSV shows)."""
    out: list[tuple[str, Path]] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            root = p.resolve()
            # a symlink inside the folder must not pull in a file from outside it
            found = [f for f in found if f.resolve().is_relative_to(root)]
            out += [(f.as_posix(), f) for f in found]
        elif p.exists():
            out.append((p.as_posix(), p))
        else:
            raise InputError("no such file or folder", path=str(p))
    return out


def count_inputs(paths: Sequence[Path], manifest: Path | None) -> int:
    """How many originals ``add_to_index`` will look at (validates the manifest)."""
    return len(input_files(paths)) + (len(read_manifest(manifest)) if manifest else 0)


def original_records(
    paths: Sequence[Path], manifest: Path | None, options: IndexOptions
) -> Iterator[OriginalRecord]:
    """Each file, every file of each folder, then each manifest line, read and split."""
    from align.read.document import LoadOptions, document_from_text, load_document

    lo = LoadOptions(lang=options.lang, max_chars=options.max_chars)
    entries = read_manifest(manifest) if manifest else []
    for doc_id, f in input_files(paths):
        doc = load_document(f, lo)
        text = "\n".join(doc.texts)
        yield OriginalRecord(
            doc_id,
            text,
            tuple(doc.texts),
            doc.lang,
            path=str(f.resolve()),
            title=doc.meta.title,
            date=doc.meta.published,
            role=options.role,
            renders=options.renders,
        )
    for e in entries:
        doc = document_from_text(e["text"], lo, path=e["id"])
        yield OriginalRecord(
            e["id"],
            e["text"],
            tuple(doc.texts),
            doc.lang,
            url=e["url"],
            outlet=e["outlet"],
            date=e["date"],
            title=e["title"],
            role=e["role"] or options.role,
            renders=e["renders"] if e["role"] else (e["renders"] or options.renders),
        )


def write_url_manifest(
    urls: Sequence[str], manifest: Path | None, folder: Path, fetch: FetchOptions | None = None
) -> Path:
    """Fetch each of ``urls`` and write ``folder/urls.jsonl``: the lines of ``manifest`` (if
    any), then one manifest line per URL; return its path.

    URLs are indexed as manifest entries, so an original from the web keeps where it came
    from: ``id`` is the URL asked for, ``url`` the final one after redirects, ``outlet`` its
    host, with the page's date, title and text. Each page is read under ``MAX_CHARS``.

    Raises:
        InputError, LimitError, BackendError: a URL cannot be fetched or read (naming it).
    """
    from urllib.parse import urlsplit

    from align.read.document import read_url
    from align.read.reader import ReadOptions

    if manifest:
        refuse_special_file(manifest)
    lines = manifest.read_text(encoding="utf-8").splitlines() if manifest else []
    for url in urls:
        article = read_url(url, ReadOptions(max_chars=MAX_CHARS), fetch)
        source = article.meta.source
        final = source.final_url if source else url
        record = {
            "id": url,
            "url": final,
            "outlet": urlsplit(final).hostname,
            "date": article.meta.published,
            "title": article.meta.title,
            "text": article.text,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    path = folder / "urls.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
