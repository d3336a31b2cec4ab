"""Single-byte detection: windows-1252/Latin-1 beside windows-1251, KOI8-R and windows-1256.

Each legacy text must come back exactly and under its own label; before windows-1252 was a
candidate, English with curly quotes was "undecodable" and Latin-1 French came back as
windows-1251 ("cafй", "prйsident").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from align.errors import InputError
from align.read.decode import decode_bytes

CP1252_ENGLISH = (
    "The minister\u2019s office said on Monday that the \u201cplan\u201d would go ahead "
    "\u2014 despite protests.\nIt costs \u20ac5 million, officials said.\n"
)
LATIN1_FRENCH = (
    "Le président a déclaré à la presse qu'il était prêt à négocier.\n"
    "Où est la réunion ? Ça dépend de Genève, a-t-il ajouté.\n"
)


@pytest.mark.parametrize(
    ("text", "codec", "label"),
    [
        (CP1252_ENGLISH, "cp1252", "windows-1252"),
        (LATIN1_FRENCH, "latin-1", "windows-1252"),
        ("The café owner said déjà vu", "latin-1", "windows-1252"),
        ("Le président a dit", "latin-1", "windows-1252"),
        ("He said \u201cyes\u201d.", "cp1252", "windows-1252"),
        ("Die Größe überraschte die Bürger.", "latin-1", "windows-1252"),
        ("В Москве прошла встреча.", "cp1251", "windows-1251"),
        ("Москва \u2014 столица, сказал он.", "cp1251", "windows-1251"),
        ("Путин заявил", "cp1251", "windows-1251"),
        ("В Москве прошла встреча.", "koi8_r", "koi8-r"),
        ("Я не знаю", "koi8_r", "koi8-r"),
        ("قال الرئيس في القاهرة", "cp1256", "windows-1256"),
        ("من", "cp1256", "windows-1256"),
    ],
)
def test_single_byte_text_decodes_exactly(text: str, codec: str, label: str) -> None:
    assert decode_bytes(text.encode(codec), "x") == (text, label)


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
@pytest.mark.parametrize(
    "text",
    [
        "ПУТИН ВСТРЕТИЛСЯ С ПРЕЗИДЕНТОМ ТУРЦИИ",
        "ЗАЯВЛЕНИЕ МИД РОССИИ ПО СИТУАЦИИ В СИРИИ",
        "МОСКВА, 12 МАЯ. ПРЕЗИДЕНТ ПОДПИСАЛ УКАЗ О НОВЫХ МЕРАХ ПОДДЕРЖКИ СЕМЕЙ.",
        "в этом году в регионе построили три новые школы и больницу",
    ],
)
def test_russian_in_capitals_or_in_lower_case_decodes_exactly(text: str, codec: str) -> None:
    # the two Cyrillic codecs swap the cases: a headline in capitals read with the right one
    # has no lower-case letter to score, and used to come out as the other (or as Arabic)
    label = {"cp1251": "windows-1251", "koi8_r": "koi8-r"}[codec]
    assert decode_bytes(text.encode(codec), "x") == (text, label)


def test_latin1_is_never_read_as_mixed_cyrillic() -> None:
    decoded, label = decode_bytes("The café owner said déjà vu".encode("latin-1"), "x")
    assert label == "windows-1252"
    assert not any("\u0400" <= c <= "\u04ff" for c in decoded)


def test_bytes_undefined_in_every_candidate_stay_undecodable() -> None:
    with pytest.raises(InputError, match="windows-1252") as info:
        decode_bytes(b"Price list \x81\x8d\x8f\x90\x9d\x9e and more \x83\x88\n", "x.txt")
    assert str(info.value).startswith("x.txt: undecodable bytes")


def test_split_reads_a_cp1252_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "en.cp1252.txt"
    path.write_bytes(CP1252_ENGLISH.encode("cp1252"))
    result = runner.invoke(cli.cli, ["split", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["encoding"] == "windows-1252" and data["lang"] == "en"
    assert "\u201cplan\u201d" in data["sentences"][0]["text"]
