"""A persistent SQLite index of original articles, for ``provalign pair``.

Why SQLite (stdlib ``sqlite3``) and not a vector database: one file, no server,
transactions, and at 100k originals exact numpy dot products over the document
vectors held in memory answer a query well inside the 100 ms budget
(``bench/pairing.py``), so an ANN library would add a dependency without a gain.

Writes: ``id`` and the content ``hash`` are UNIQUE and rows go in with ``INSERT OR
IGNORE`` inside ``BEGIN IMMEDIATE``, so two processes adding the same files at once
neither lose nor duplicate a row (tested with two real processes). The manifest is
validated in full before anything is written (``align.provenance.originals`` reads files,
folders and the manifest). Opening, the schema and its checks are
``align.provenance.index_file``.

Per original we store its text, sentences (JSON), sentence embeddings (int8 with a
per-sentence scale: a quarter of float32, cosine error below 1e-3), a mean document
vector, an order-aware slot vector (Thompson & Koehn 2020 style) and anchors
(numbers and Latin-script tokens) for re-ranking.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from align.errors import IndexStoreError, InputError
from align.provenance.docvectors import (
    DIM,
    SLOT_DIM,
    SLOTS,
    anchors_of,
    dequantize,
    doc_vectors,
    quantize,
)
from align.provenance.index_file import READ_ONLY, SCHEMA_VERSION, connect, verify, writable
from align.provenance.originals import IndexOptions, OriginalRecord, count_inputs, original_records
from align.provenance.roles import check_role
from align.text.languages import DEFAULT_ENCODER

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder

_BATCH = 32


@dataclass(frozen=True, slots=True)
class AddResult:
    """How many originals were added and how many were already present."""

    added: int
    skipped: int


@dataclass(frozen=True, slots=True)
class StoredOriginal:
    """An original as read back for re-ranking."""

    rowid: int
    id: str
    path: str | None
    url: str | None
    date: str | None
    title: str | None
    lang: str
    sentences: tuple[str, ...]
    anchors: frozenset[str]
    embeddings: Any  # (n, 512) float32
    role: str = "original"
    renders: str | None = None


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


# ----------------------------------------------------------------------------- writing


def add_to_index(
    index_path: Path | str,
    paths: Sequence[Path],
    manifest: Path | None,
    options: IndexOptions,
    progress: Callable[[int], None] = lambda n: None,
    encoder: Encoder | None = None,
) -> AddResult:
    """Add files, folders (*.txt, *.html, *.htm) and manifest entries to the index
    (encoded with the caller's ``encoder``, else one built from ``options.encoder``)."""
    count_inputs(paths, manifest)  # validate everything before the first write
    conn = connect(index_path, create=True)
    try:
        verify(conn, str(index_path))
        records = original_records(paths, manifest, options)
        return add_records(conn, records, options.encoder, progress, encoder)
    finally:
        conn.close()


def add_records(
    conn: sqlite3.Connection,
    records: Iterable[OriginalRecord],
    encoder_spec: str = DEFAULT_ENCODER,
    progress: Callable[[int], None] = lambda n: None,
    encoder: Encoder | None = None,
) -> AddResult:
    """Encode (unless precomputed) and store records in batches, skipping known ones."""
    added = skipped = 0
    batch: list[OriginalRecord] = []

    def flush() -> None:
        nonlocal added, skipped, encoder
        todo = [r for r in batch if not _known(conn, r)]
        skipped += len(batch) - len(todo)
        need = [r for r in todo if r.embeddings is None]
        if need:
            if encoder is None:
                from align.embed.encoder import load_encoder

                encoder = load_encoder(encoder_spec)
            _check_encoder(conn, encoder.name)
            flat = [s for r in need for s in r.sentences]
            vecs = encoder.encode(flat)
            at = 0
            for r in need:
                emb_map[r.id] = vecs[at : at + len(r.sentences)]
                at += len(r.sentences)
        rows = [_row(r, r.embeddings if r.embeddings is not None else emb_map[r.id]) for r in todo]
        n = _insert(conn, rows)
        added += n
        skipped += len(rows) - n
        progress(len(batch))
        batch.clear()
        emb_map.clear()

    emb_map: dict[str, Any] = {}
    for rec in records:
        if not rec.sentences:
            raise InputError("no sentences to index", path=rec.path or rec.id)
        check_role(conn, rec, batch)
        batch.append(rec)
        if len(batch) >= _BATCH:
            flush()
    if batch:
        flush()
    return AddResult(added, skipped)


def _known(conn: sqlite3.Connection, r: OriginalRecord) -> bool:
    """Already indexed (same id and text, or same text under another id).

    New text under an existing id is refused, never silently ignored: the user must
    ``provalign index remove ID`` first (replacing would change what earlier pairings meant).
    """
    digest = content_hash(r.text)
    row = conn.execute("SELECT hash FROM docs WHERE id = ?", (r.id,)).fetchone()
    if row is not None and row[0] != digest:
        raise IndexStoreError(
            f"id {r.id!r} already holds a different text; remove it first "
            f"(provalign index remove {r.id}) or give the new text another id",
            path=r.path or r.id,
        )
    q = "SELECT 1 FROM docs WHERE id = ? OR hash = ? LIMIT 1"
    return conn.execute(q, (r.id, digest)).fetchone() is not None


def _check_encoder(conn: sqlite3.Connection, name: str) -> None:
    row = conn.execute("SELECT value FROM meta WHERE key='encoder'").fetchone()
    if row is None:
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('encoder', ?)", (name,))
    elif row[0] != name:
        raise IndexStoreError(f"index was built with encoder {row[0]!r}, not {name!r}")


def _row(r: OriginalRecord, emb: Any) -> tuple[Any, ...]:
    emb = np.asarray(emb, dtype=np.float32)
    mean, slots = doc_vectors(emb)
    q, scale = quantize(emb)
    return (
        r.id,
        content_hash(r.text),
        r.path,
        r.url,
        r.outlet,
        r.date,
        r.title,
        r.lang,
        r.text,
        json.dumps(list(r.sentences), ensure_ascii=False),
        len(r.sentences),
        json.dumps(sorted(anchors_of(r.text)), ensure_ascii=False),
        q,
        scale,
        mean.astype(np.float16).tobytes(),
        slots.astype(np.float16).tobytes(),
        r.role,
        r.renders,
    )


def _insert(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> int:
    """Insert in one IMMEDIATE transaction; returns how many rows were new."""
    if not rows:
        return 0
    sql = (
        "INSERT OR IGNORE INTO docs (id, hash, path, url, outlet, date, title, lang, text, "
        "sentences, n_sent, anchors, emb, emb_scale, doc_vec, slot_vec, role, renders) "
        "VALUES (" + ",".join("?" * 18) + ")"
    )
    try:
        conn.execute("BEGIN IMMEDIATE")
        before = conn.total_changes
        for row in rows:
            conn.execute(sql, row)
        n = conn.total_changes - before
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise IndexStoreError(f"cannot write to the index: {exc}") from exc
    return n


# ----------------------------------------------------------------------------- reading


def index_info(index_path: Path | str) -> dict[str, Any]:
    """Count, languages, size on disk, schema version and encoder of an index."""
    conn = connect(index_path, create=False)
    try:
        count = conn.execute("SELECT COUNT(*) FROM docs").fetchone()[0]
        langs = dict(
            conn.execute("SELECT lang, COUNT(*) FROM docs GROUP BY lang ORDER BY lang").fetchall()
        )
        enc = conn.execute("SELECT value FROM meta WHERE key='encoder'").fetchone()
        sents = conn.execute("SELECT COALESCE(SUM(n_sent), 0) FROM docs").fetchone()[0]
        roles = dict(conn.execute("SELECT role, COUNT(*) FROM docs GROUP BY role").fetchall())
    except sqlite3.DatabaseError as exc:
        raise IndexStoreError(f"corrupt index: {exc}", path=str(index_path)) from exc
    finally:
        conn.close()
    p = Path(str(index_path))
    size = sum(f.stat().st_size for f in (p, Path(f"{p}-wal")) if f.exists())
    return {
        "path": str(index_path),
        "count": count,
        "sentences": sents,
        "languages": langs,
        "roles": roles,
        "size_bytes": size,
        "schema": SCHEMA_VERSION,
        "encoder": enc[0] if enc else None,
    }


def remove_from_index(index_path: Path | str, doc_id: str) -> None:
    """Remove one original by id."""
    p = Path(str(index_path))
    if p.is_file() and not writable(p):
        raise IndexStoreError(READ_ONLY, path=str(p))
    conn = connect(index_path, create=False)
    try:
        verify(conn, str(index_path))
        conn.execute("BEGIN IMMEDIATE")
        n = conn.execute("DELETE FROM docs WHERE id = ?", (doc_id,)).rowcount
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise IndexStoreError(f"cannot write to the index: {exc}", path=str(index_path)) from exc
    finally:
        conn.close()
    if n == 0:
        raise IndexStoreError(f"no original with id {doc_id!r}", path=str(index_path))


@dataclass(frozen=True, slots=True)
class VectorMatrix:
    """All document vectors in memory (float32) for exact dot-product retrieval."""

    rowids: Any  # (N,) int64
    means: Any  # (N, 512) float32
    slots: Any  # (N, SLOTS*SLOT_DIM) float16 (only top rows are rescored)
    english: Any = None  # (N,) bool: english_version rows (None: none)


def load_vectors(conn: sqlite3.Connection, path: str = "") -> VectorMatrix:
    """Read every document vector once; ~1 s per 100k originals (bench)."""
    try:
        rows = conn.execute("SELECT rowid, doc_vec, slot_vec FROM docs ORDER BY rowid").fetchall()
        ev = [r[0] for r in conn.execute("SELECT rowid FROM docs WHERE role = 'english_version'")]
    except sqlite3.DatabaseError as exc:
        raise IndexStoreError(f"corrupt index: {exc}", path=path) from exc
    n = len(rows)
    rowids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=n)
    means = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float16).reshape(n, DIM)
    slots = np.frombuffer(b"".join(r[2] for r in rows), dtype=np.float16).reshape(
        n, SLOTS * SLOT_DIM
    )
    english = np.isin(rowids, np.asarray(ev, dtype=np.int64)) if ev else None
    return VectorMatrix(rowids, means.astype(np.float32), slots, english)


def fetch_originals(conn: sqlite3.Connection, rowids: Sequence[int]) -> list[StoredOriginal]:
    """Originals by rowid, in the order asked."""
    if not rowids:
        return []
    marks = ",".join("?" * len(rowids))
    sql = (
        "SELECT rowid, id, path, url, date, title, lang, sentences, anchors, emb, emb_scale, "
        f"role, renders FROM docs WHERE rowid IN ({marks})"
    )
    got = {}
    for r in conn.execute(sql, [int(x) for x in rowids]):
        got[r[0]] = StoredOriginal(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            tuple(json.loads(r[7])),
            frozenset(json.loads(r[8])),
            dequantize(r[9], r[10]),
            r[11],
            r[12],
        )
    return [got[int(x)] for x in rowids if int(x) in got]


def original_text(index_path: Path | str, doc_id: str) -> str:
    """The stored text of an original (for checking a manifest original without a file)."""
    conn = connect(index_path, create=False)
    try:
        row = conn.execute("SELECT text FROM docs WHERE id = ?", (doc_id,)).fetchone()
    finally:
        conn.close()
    if row is None:
        raise IndexStoreError(f"no original with id {doc_id!r}", path=str(index_path))
    return str(row[0])
