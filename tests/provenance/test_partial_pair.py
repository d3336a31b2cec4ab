"""A partial translation is paired with its source (a sixth user's run: the first half of a
wire translated inside an outlet's own article was ``no_original`` at confidence 0.008,
where ``check`` judged the same two files a heavily edited translation)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

import cli
from align.read.segment import split_spans

DEMO = Path(__file__).resolve().parents[2] / "corpora" / "demo"


def _sentences(path: Path) -> list[str]:
    out: list[str] = []
    for para in path.read_text(encoding="utf-8").split("\n"):
        if para.strip():
            out += [para[a:b] for a, b in split_spans(para, 0, len(para), "en")]
    return out


def test_a_partial_translation_is_paired(tmp_path: Path) -> None:
    originals = tmp_path / "originals"
    originals.mkdir()
    for name in ("ru-bbc-381736.ru.txt", "ru-rt-com-91335.ru.txt"):
        shutil.copy(DEMO / name, originals / name)
    own = _sentences(DEMO / "ru-bbc-381736.en.txt")[:6]
    other = _sentences(DEMO / "ar-nytimes-184804.en.txt")[:10]
    query = tmp_path / "q.en.txt"
    query.write_text("\n".join(own + other) + "\n", encoding="utf-8")
    r = CliRunner().invoke(
        cli.cli, ["pair", str(query), "--originals", str(originals), "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    result = json.loads(r.stdout)["results"][0]
    best = result["candidates"][0]
    assert result["verdict"] == "paired" and best["evidence"]["partial"] is True
    assert Path(best["original_id"]).name == "ru-bbc-381736.ru.txt"
    assert "paired as a partial translation" in r.stderr
