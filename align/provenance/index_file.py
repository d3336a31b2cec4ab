"""The index file itself: its schema, and opening it safely (``align.provenance.index``
reads and writes the originals in it).

* WAL mode and ``busy_timeout``; a new file is created in one ``BEGIN IMMEDIATE``
  transaction and ``INSERT OR IGNORE`` of its marker, so two processes creating one
  index at once both end with the same schema.
* ``PRAGMA user_version`` holds the schema version and a ``meta`` table holds the
  application marker, so a foreign SQLite file, a non-SQLite file, an index from an
  older schema (2 is migrated on open) and one from a newer provalign are each told
  apart with a one-line error.
* ``verify`` refuses to write into a damaged file (``PRAGMA quick_check``).
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from align.errors import IndexStoreError
from align.provenance.docvectors import SLOT_DIM, SLOT_SEED, SLOTS
from align.provenance.roles import migrate_2_to_3
from align.read.limits import refuse_special_file

SCHEMA_VERSION = 3  # 3: role and renders (English versions); 2 is migrated on open
APP_MARKER = "provalign-index"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL UNIQUE,
  path TEXT, url TEXT, outlet TEXT, date TEXT, title TEXT,
  lang TEXT NOT NULL,
  text TEXT NOT NULL,
  sentences TEXT NOT NULL,
  n_sent INTEGER NOT NULL,
  anchors TEXT NOT NULL,
  emb BLOB NOT NULL,
  emb_scale BLOB NOT NULL,
  doc_vec BLOB NOT NULL,
  slot_vec BLOB NOT NULL,
  role TEXT NOT NULL DEFAULT 'original',
  renders TEXT
);
"""


def connect(index_path: Path | str, create: bool) -> sqlite3.Connection:
    """Open (and, if ``create``, initialise) an index; refuse anything else.

    ``":memory:"`` gives a throwaway index (``pair --originals``).
    """
    name = str(index_path)
    if name != ":memory:":
        p = Path(name)
        if p.is_dir():
            raise IndexStoreError("is a folder, not an index file", path=name)
        refuse_special_file(p)  # SQLite would block on a FIFO or read /dev/zero as empty
        if not p.exists() and not create:
            raise IndexStoreError("no index here; build one with 'provalign index add'", path=name)
        if create and p.exists() and not writable(p):
            raise IndexStoreError(READ_ONLY, path=name)
    try:
        conn = sqlite3.connect(name, timeout=60.0, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 60000")
        # one read transaction: another process may be creating the schema right now,
        # and the version and the tables must come from the same snapshot
        conn.execute("BEGIN")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        marker = None
        if "meta" in tables:
            try:
                row = conn.execute("SELECT value FROM meta WHERE key='app'").fetchone()
                marker = row[0] if row else None
            except sqlite3.DatabaseError:
                marker = None
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if name != ":memory:" and ("readonly" in str(exc) or not writable(Path(name))):
            raise IndexStoreError(
                f"index is read-only (cannot write to it or its folder: {exc})", path=name
            ) from exc
        raise IndexStoreError(
            f"not a provalign index (not an SQLite database: {exc})", path=name
        ) from exc
    if not tables and version == 0:
        if not create:
            raise IndexStoreError(
                "empty index; add originals with 'provalign index add'", path=name
            )
        _initialise(conn, name)  # idempotent: a concurrent creator's schema is kept
        return conn
    if marker != APP_MARKER:
        raise IndexStoreError("an SQLite file, but not a provalign index", path=name)
    if version == 2:
        migrate_2_to_3(conn, name)
        version = SCHEMA_VERSION
    if version < SCHEMA_VERSION:
        raise IndexStoreError(
            f"built by an older provalign (schema {version}); rebuild with 'provalign index add' "
            "into a new file",
            path=name,
        )
    if version > SCHEMA_VERSION:
        raise IndexStoreError(
            f"built by a newer provalign (schema {version}); upgrade provalign", path=name
        )
    return conn


READ_ONLY = "index is read-only (cannot write to it or its folder)"


def writable(p: Path) -> bool:
    """The index file and its folder (WAL mode writes -wal/-shm beside it) are writable."""
    return os.access(p, os.W_OK) and os.access(p.parent if str(p.parent) else Path("."), os.W_OK)


def verify(conn: sqlite3.Connection, name: str) -> None:
    """Refuse to write into a damaged index (``PRAGMA quick_check``): add/remove used to
    write into one and report success."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        raise IndexStoreError(f"corrupt index: {exc}", path=name) from exc
    if rows != ["ok"]:
        raise IndexStoreError(f"corrupt index: {'; '.join(rows[:2])}", path=name)


def _set_wal(conn: sqlite3.Connection) -> None:
    """Switch a new index to WAL. Two processes creating one index at once can both reach
    here; SQLite answers the loser "database is locked" at once, without waiting out
    ``busy_timeout`` (seen in CI), so it waits and tries again: by then the other has
    switched the file, and the switch is a no-op."""
    for attempt in range(100):
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 99:
                raise
            time.sleep(0.05)


def _initialise(conn: sqlite3.Connection, name: str) -> None:
    """Create the schema, the application marker and the version in one transaction."""
    try:
        if name != ":memory:":
            _set_wal(conn)
        conn.execute("BEGIN IMMEDIATE")
        for stmt in _SCHEMA.split(";"):
            if stmt.strip():
                conn.execute(stmt)
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('app', ?)", (APP_MARKER,))
        conn.execute(
            "INSERT OR IGNORE INTO meta VALUES ('slots', ?)", (f"{SLOTS}x{SLOT_DIM}@{SLOT_SEED}",)
        )
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise IndexStoreError(f"cannot create the index: {exc}", path=name) from exc
