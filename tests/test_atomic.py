"""align.atomic.write_atomic: text or bytes, folders created, an interrupted write keeps the
old file and leaves no temporary behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.atomic import write_atomic


def test_text_and_bytes_round_trip(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "out.txt"
    write_atomic(target, "Ünïcode\r\nline\n")
    assert target.read_bytes() == "Ünïcode\r\nline\n".encode()
    write_atomic(target, b"\x00\xff raw")
    assert target.read_bytes() == b"\x00\xff raw"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def test_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    class Boom(str):
        def encode(self, *args: object, **kwargs: object) -> bytes:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, Boom("new"))
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
