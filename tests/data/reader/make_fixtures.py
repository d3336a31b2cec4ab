"""Regenerate the legacy-encoding and bad-input fixtures from the UTF-8 texts.

Run from anywhere: python tests/data/reader/make_fixtures.py
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent

ru = (HERE / "ru.txt").read_text(encoding="utf-8")
ar = (HERE / "ar.txt").read_text(encoding="utf-8")
en = (HERE / "en.txt").read_text(encoding="utf-8")
(HERE / "ru.cp1251.txt").write_bytes(ru.replace("«", '"').replace("»", '"').encode("cp1251"))
(HERE / "ru.koi8r.txt").write_bytes(
    ru.replace("«", '"').replace("»", '"').replace("—", "-").encode("koi8_r")
)
(HERE / "ar.cp1256.txt").write_bytes(ar.encode("cp1256"))
(HERE / "en.utf16.txt").write_bytes(en.encode("utf-16"))  # little-endian with BOM
(HERE / "ar.utf16.txt").write_bytes(ar.encode("utf-16"))
(HERE / "empty.txt").write_bytes(b"")
(HERE / "whitespace.txt").write_bytes(b"  \n\t\n   \n")
(HERE / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
(HERE / "nul.txt").write_bytes(b"Some text\x00\x00\x01 more")
(HERE / "archive.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(40)))
(HERE / "undecodable.txt").write_bytes(b"Price list \x81\x8d\x8f\x90\x9d\x9e and more \x83\x88\n")
(HERE / "numbers.txt").write_text(
    "12 345 678\nhttps://example.com/1/2\n2019-11-05\n", encoding="utf-8"
)
