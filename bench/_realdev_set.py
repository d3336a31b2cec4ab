"""The real dev set's annotations (issue #14, §5): where the pairs and texts are, each pair's
split, the text folding quotes are matched under, a check of every quote against the raw
texts, and counts per split. Used by ``bench/realdev.py``; no check is run here."""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "bench" / "realdev" / "pairs.jsonl"
DIGESTS = ROOT / "bench" / "realdev" / "texts.sha256"
SIDES = ("original", "translation")
SPLITS = (
    "dev",
    "test",
    "test2",
    "test3",
    "test4",
    "test5",
    "test6",
    "test7",
    "test8",
    "test9",
    "test10",
    "test11",
    "test12",
)
# the splits the cut models (``bench/cuts_fit_real.py``) were fitted on
FITTED = SPLITS[:4]
# read, listed and used to build rules: test9 was held out for one run (stop 27), then read in
# stop 28 for its false majors and control flags
SEEN = (*FITTED, "test9")
# never listed per edit (``realdev.py --misses``) nor read for rules: counted only (test5:
# fresh7's split, test6: fresh8's, test7: fresh9's, test8: fresh10's, test10: stop 27's,
# test11: stop 29's, test12: stop 30's)
HELD_OUT = tuple(s for s in SPLITS[4:] if s not in SEEN)
_FOLD = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "«": '"',
        "»": '"',
        "„": '"',
        "’": "'",
        "‘": "'",
        "–": "-",
        "—": "-",
        "\u00a0": " ",
    }
)


def data_dir() -> Path:
    """Where the texts are: $PROVALIGN_REALDEV, else ../realdev-data beside the checkout."""
    env = os.environ.get("PROVALIGN_REALDEV")
    return Path(env) if env else ROOT.parent / "realdev-data"


def has_texts(pair: dict[str, Any], folder: Path) -> bool:
    """Both texts of ``pair`` are in ``folder`` and not empty. A rebuild from the stored
    pages can miss a side (the page is no longer stored): such a pair is left out of a run
    and named in its output, never scored on one side."""
    files = [folder / pair["dir"] / name for name in ("orig.txt", "trans.txt")]
    return all(f.is_file() and f.stat().st_size > 0 for f in files)


def text_digests(pairs: list[dict[str, Any]], folder: Path) -> dict[str, str]:
    """SHA-256 of each present text, keyed ``<dir>/orig.txt``: committed in ``DIGESTS`` (the
    texts themselves may not be), so a rebuild can tell whether it has the very texts the
    figures were measured on."""
    out = {}
    for pair in pairs:
        for name in ("orig.txt", "trans.txt"):
            f = folder / pair["dir"] / name
            if f.is_file() and f.stat().st_size:
                out[f"{pair['dir']}/{name}"] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def digests_differ(found: dict[str, str], path: Path = DIGESTS) -> list[str]:
    """The texts whose digest is not the committed one (a different rebuild; figures may
    move), or that the committed list lacks. Empty when every text is the measured one."""
    known = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                digest, name = line.split(maxsplit=1)
                known[name] = digest
    return sorted(name for name, digest in found.items() if known.get(name) != digest)


def load_pairs(path: Path = PAIRS) -> list[dict[str, Any]]:
    """The annotated pairs, in file order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def split_of(pair: dict[str, Any]) -> str:
    """A pair's split: ``dev`` unless it names another of ``SPLITS``."""
    return str(pair.get("split") or "dev")


def verify_quotes(pairs: list[dict[str, Any]], folder: Path) -> list[str]:
    """Problems with the annotations, checked on the raw texts (no check run): a quote that
    is not a substring of its side's text (after the same folding ``locate`` does), an
    ``other_quote`` missing from the other side, an unknown split or side. Empty when clean."""
    problems = []
    for pair in pairs:
        if split_of(pair) not in SPLITS:
            problems.append(f"{pair['id']}: unknown split {pair.get('split')!r}")
        texts = {
            side: _fold((folder / pair["dir"] / name).read_text(encoding="utf-8"))[0]
            for side, name in zip(SIDES, ("orig.txt", "trans.txt"), strict=True)
        }
        for k, edit in enumerate(pair["edits"]):
            if edit["side"] not in SIDES:
                problems.append(f"{pair['id']} edit {k}: unknown side {edit['side']!r}")
                continue
            wanted = [
                (edit["side"], edit["quote"]),
                (_other(edit["side"]), edit.get("other_quote")),
            ]
            for side, quote in wanted:
                if quote and _fold(quote.strip())[0] not in texts[side]:
                    problems.append(f"{pair['id']} edit {k}: not in {side} text: {quote[:60]!r}")
    return problems


def counts(pairs: list[dict[str, Any]]) -> dict[str, Any]:
    """How many pairs, controls and edits (by type, by outlet) each split holds."""
    out: dict[str, Any] = {}
    for name in (*SPLITS, "all"):
        chosen = [p for p in pairs if name == "all" or split_of(p) == name]
        edits = [e for p in chosen for e in p["edits"]]
        out[name] = {
            "pairs": len(chosen),
            "edited": sum(p["kind"] == "edited" for p in chosen),
            "controls": sum(p["kind"] == "control" for p in chosen),
            "edits": len(edits),
            "major": sum(bool(e.get("major")) for e in edits),
            "by_type": dict(Counter(e["type"] for e in edits).most_common()),
            "by_orig_lang": dict(Counter(p["orig_lang"] for p in chosen).most_common()),
            "by_outlet": {
                outlet: {
                    "pairs": n,
                    "edits": sum(len(p["edits"]) for p in chosen if p["outlet"] == outlet),
                }
                for outlet, n in Counter(p["outlet"] for p in chosen).most_common()
            },
        }
    return out


def _fold(text: str) -> tuple[str, list[int]]:
    """Text folded for matching (NFKC, plain quotes and dashes, one space per gap) and,
    for each folded character, its offset in ``text`` (so a match maps back)."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).translate(_FOLD):
            if c.isspace():
                if not out or out[-1] == " ":
                    continue
                c = " "
            out.append(c)
            where.append(i)
    return "".join(out), where


def _other(side: str) -> str:
    return "translation" if side == "original" else "original"
