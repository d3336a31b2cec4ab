"""English versions in the index: the role check when adding, and the schema 2 -> 3 migration.

Split from ``align.provenance.index``. Schema 3 adds ``role`` (``original`` or
``english_version``: an outlet's own English edition) and ``renders`` (the id of the indexed
original an English version renders) to every stored text; a schema-2 index is migrated in
place the first time it is opened (every stored text was an original).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from align.errors import IndexStoreError, InputError
from align.provenance.originals import OriginalRecord


def migrate_2_to_3(conn: sqlite3.Connection, name: str) -> None:
    """Schema 2 -> 3: every stored text is an original; English versions come later.

    In one IMMEDIATE transaction, rechecking the version inside it, so two processes
    opening the same old index at once migrate it once.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("PRAGMA user_version").fetchone()[0] == 2:
            conn.execute("ALTER TABLE docs ADD COLUMN role TEXT NOT NULL DEFAULT 'original'")
            conn.execute("ALTER TABLE docs ADD COLUMN renders TEXT")
            conn.execute("PRAGMA user_version = 3")
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise IndexStoreError(f"cannot migrate the index to schema 3: {exc}", path=name) from exc


def check_role(
    conn: sqlite3.Connection, r: OriginalRecord, pending: Sequence[OriginalRecord]
) -> None:
    """An English version is English, and the original it declares is in the index."""
    where = r.path or r.id
    if r.role not in ("original", "english_version"):
        raise InputError(f"unknown role {r.role!r}; use original or english_version", path=where)
    if r.role == "english_version" and r.lang != "en":
        raise InputError(f"an english_version must be English, not '{r.lang}'", path=where)
    if r.renders is None:
        return
    if r.role != "english_version":
        raise InputError("only an english_version renders an original", path=where)
    row = conn.execute("SELECT role FROM docs WHERE id = ?", (r.renders,)).fetchone()
    if row is None and not any(p.id == r.renders and p.role == "original" for p in pending):
        raise InputError(
            f"declared original id {r.renders!r} is not in the index; add it first", path=where
        )
    if row is not None and row[0] != "original":
        raise InputError(f"{r.renders!r} is an english_version, not an original", path=where)
