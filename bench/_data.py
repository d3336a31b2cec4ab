"""Where the benchmarks find ``../shared/data`` and how they read its sets: said once here.

Every bench script imports this module (the scripts run as files, so ``bench/`` is on the
path). ``$PROVALIGN_SHARED`` points at a ``shared`` folder elsewhere; a missing folder is a
one-line message, not a traceback.
"""

from __future__ import annotations

import csv
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_NTREX_FILES = {
    "ar": "newstest2019-ref.arb.txt",
    "ru": "newstest2019-ref.rus.txt",
    "en": "newstest2019-src.eng.txt",
}


def shared_data(required: bool = True) -> Path:
    """``../shared/data`` beside the checkout, or ``$PROVALIGN_SHARED/data``."""
    env = os.environ.get("PROVALIGN_SHARED")
    data = (Path(env) if env else ROOT.parent / "shared") / "data"
    if required and not data.is_dir():
        sys.exit(f"error: {data} not found (set PROVALIGN_SHARED to the shared folder)")
    return data


def ntrex_docs(lang: str) -> list[tuple[list[str], list[str]]]:
    """NTREX documents as (lines in ``lang``, English source lines), in document order."""
    d = shared_data() / "ntrex"
    ids = [row.split("\t")[0] for row in (d / "DOCUMENT_IDS.tsv").read_text().splitlines()]
    orig = (d / _NTREX_FILES[lang]).read_text(encoding="utf-8").splitlines()
    en = (d / _NTREX_FILES["en"]).read_text(encoding="utf-8").splitlines()
    docs: dict[str, tuple[list[str], list[str]]] = {}
    for doc_id, o, e in zip(ids, orig, en, strict=True):
        docs.setdefault(doc_id, ([], []))
        docs[doc_id][0].append(o.strip())
        docs[doc_id][1].append(e.strip())
    return list(docs.values())


def wmt_ruen_rows() -> list[dict[str, str]]:
    """WMT22 ru-en test rows (doc_id, domain, ru, en_A, ...), in file order."""
    path = shared_data() / "wmt-ruen" / "wmttest2022.ru-en.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def wmt_ruen_docs(min_segments: int = 0) -> list[tuple[list[str], list[str]]]:
    """WMT22 ru-en documents as (Russian segments, English segments)."""
    docs: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for row in wmt_ruen_rows():
        docs[row["doc_id"]][0].append(row["ru"].strip())
        docs[row["doc_id"]][1].append(row["en_A"].strip())
    return [d for d in docs.values() if len(d[0]) >= min_segments]


def textberg_dev() -> tuple[list[str], list[str], Path]:
    """Text+Berg dev: German lines, French lines and the gold links file."""
    d = shared_data() / "textberg-defr"
    read = lambda p: p.read_text(encoding="utf-8").splitlines()  # noqa: E731
    return read(d / "dev.de"), read(d / "dev.fr"), d / "dev.defr"


def mac_zhen_docs() -> list[tuple[str, list[str], list[str], Path]]:
    """The zh-en literary gold (evaluation only): (id, zh lines, en lines, gold links file)."""
    d = shared_data() / "mac-zhen"
    out = []
    for gold in sorted((d / "gold").glob("*.align")):
        doc = gold.stem
        zh = (d / "docs" / f"{doc}.zh").read_text(encoding="utf-8").splitlines()
        en = (d / "docs" / f"{doc}.en").read_text(encoding="utf-8").splitlines()
        out.append((doc, zh, en, gold))
    return out
