"""What a batch checks: items from a manifest (TSV or JSONL), two folders, or pairing.

Everything here is validated before the first check starts: a malformed manifest line, a
missing column or the same id twice (naming both lines) refuses the whole batch, because
a batch that stops at item 9,000 wastes an afternoon. A missing *file*, by contrast, is
only that item's error row: it is discovered when the client reads the item.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from align.errors import FormatError, InputError
from align.pipeline import PairSpec, specs_from_pairs
from align.read.limits import refuse_special_file

REQUIRED = ("id", "original", "translation")
OPTIONAL = ("orig_lang", "trans_lang", "note")
ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".md"}
_LANG_TAG = re.compile(r"\.(?:[a-z]{2,3}|orig|original|src|source|trans|translation|tgt)$")
# in one folder holding both sides, these tags mark the translation; any other the original
_TRANSLATION_TAGS = {"en", "eng", "trans", "translation", "tgt"}


def read_batch_manifest(path: str | Path) -> list[PairSpec]:
    """Items of a TSV (header row naming the columns) or JSONL manifest (``.jsonl``/``.json``).

    Columns/keys: ``id``, ``original``, ``translation``, optional ``orig_lang``, ``trans_lang``,
    ``note``. Relative paths are relative to the manifest's folder.

    Raises:
        InputError: the manifest cannot be read.
        FormatError: a bad line, a missing column, or one id on two lines.
    """
    p = Path(path)
    refuse_special_file(p)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such manifest", path=str(p)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read manifest: {exc}", path=str(p)) from None
    jsonl = p.suffix.lower() in {".jsonl", ".json", ".ndjson"}
    rows = _jsonl_rows(text, str(p)) if jsonl else _tsv_rows(text, str(p))
    items: list[PairSpec] = []
    first_line: dict[str, int] = {}
    for number, row in rows:
        missing = [c for c in REQUIRED if not str(row.get(c) or "").strip()]
        if missing:
            raise FormatError(f"line {number}: empty or missing {', '.join(missing)}", path=str(p))
        item_id = str(row["id"]).strip()
        if item_id in first_line:
            raise FormatError(
                f"id {item_id!r} appears twice, on line {first_line[item_id]} and line {number}; "
                "ids name the output files, so each must be unique",
                path=str(p),
            )
        first_line[item_id] = number
        langs = [str(row.get(k) or "").strip().lower() or None for k in OPTIONAL[:2]]
        items.append(
            PairSpec(
                item_id,
                _resolve(p.parent, str(row["original"]).strip()),
                _resolve(p.parent, str(row["translation"]).strip()),
                langs[0],
                langs[1],
                str(row.get("note") or "").strip(),
                number,
            )
        )
    return items


def _resolve(base: Path, name: str) -> str:
    q = Path(name).expanduser()
    return str(q if q.is_absolute() else base / q)


def _tsv_rows(text: str, name: str) -> list[tuple[int, dict[str, str]]]:
    lines = text.splitlines()
    if not lines:
        raise FormatError("empty manifest", path=name)
    header = [h.strip() for h in lines[0].split("\t")]
    unknown = [h for h in header if h not in REQUIRED + OPTIONAL]
    if unknown or not set(REQUIRED) <= set(header) or len(set(header)) != len(header):
        raise FormatError(
            "first line must be a tab-separated header with id, original, translation "
            f"(optional: {', '.join(OPTIONAL)}); got {lines[0]!r}",
            path=name,
        )
    out = []
    for number, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) > len(header):
            raise FormatError(
                f"line {number}: {len(cells)} tab-separated columns, the header has {len(header)}",
                path=name,
            )
        out.append((number, dict(zip(header, cells, strict=False))))
    return out


def _jsonl_rows(text: str, name: str) -> list[tuple[int, dict[str, str]]]:
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FormatError(f"line {number}: not JSON ({exc.msg})", path=name) from None
        if not isinstance(obj, dict):
            raise FormatError(f"line {number}: expected a JSON object", path=name)
        out.append((number, obj))
    return out


def _articles(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise InputError("no such folder", path=str(folder))
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
    )


def match_key(path: Path) -> str:
    """``story-12.ru.txt``, ``story-12.orig.txt`` and ``story-12.en.txt`` all match as
    ``story-12``."""
    return _LANG_TAG.sub("", _bare(path))


def _bare(path: Path) -> str:
    return path.name[: -len(path.suffix)] if path.suffix else path.name


def _tag(path: Path) -> str:
    m = _LANG_TAG.search(_bare(path))
    return m.group(0)[1:] if m else ""


def _by_key(paths: list[Path]) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for p in paths:
        key = match_key(p)
        if key in out:
            raise InputError(f"{out[key].name} and {p.name} both match as {key!r}", path=str(p))
        out[key] = p
    return out


def folder_items(orig_dir: str | Path, trans_dir: str | Path) -> list[PairSpec]:
    """Pair the articles of two folders by file name (language tag and extension ignored).

    A file without a partner becomes an error row, so nothing given is silently dropped.
    """
    if Path(orig_dir).resolve() == Path(trans_dir).resolve():
        return one_folder_items(orig_dir)
    originals = _by_key(_articles(Path(orig_dir)))
    translations = _by_key(_articles(Path(trans_dir)))
    for side, folder in ((originals, orig_dir), (translations, trans_dir)):
        if not side:
            raise InputError("no articles (*.txt, *.html, *.htm, *.md) here", path=str(folder))
    items = []
    for key in sorted(originals.keys() | translations.keys()):
        o, t = originals.get(key), translations.get(key)
        error = None
        if o is None:
            error = f"no original named {key}.* in {orig_dir}"
        elif t is None:
            error = f"no translation named {key}.* in {trans_dir}"
        items.append(PairSpec(key, str(o or "-"), str(t or "-"), error=error))
    return items


def one_folder_items(folder: str | Path) -> list[PairSpec]:
    """Pairs kept side by side in one folder: ``story.ar.txt`` (or ``story.orig.txt``) with
    ``story.en.txt`` (or ``story.trans.txt``).

    Users keep pairs this way more often than in two folders; each name minus its tag is an
    item. English (``en``) or a ``trans``/``translation`` tag marks the translation, any other
    language tag or ``orig``/``original``/``src`` the original; an English original
    translated into another language needs two folders or a manifest (saying so in the row).
    A file without a tag (a ``SOURCES.md`` beside the pairs) is no side of any pair and is
    left alone: as an error row it failed a fifth user's batch.
    """
    groups: dict[str, list[Path]] = {}
    for p in _articles(Path(folder)):
        if _tag(p):  # an untagged file is a note beside the pairs (SOURCES.md), no side
            groups.setdefault(match_key(p), []).append(p)
    if not groups:
        raise InputError("no articles (*.txt, *.html, *.htm, *.md) here", path=str(folder))
    items = []
    for key, paths in sorted(groups.items()):
        trans = [p for p in paths if _tag(p) in _TRANSLATION_TAGS]
        orig = [p for p in paths if p not in trans and _tag(p)]
        names = ", ".join(p.name for p in paths)
        error = None
        if len(orig) != 1 or len(trans) != 1 or len(paths) != 2:
            error = (
                f"{names}: one folder pairs {key}.<lang>.txt (or {key}.orig.txt) with "
                f"{key}.en.txt (or {key}.trans.txt); give two folders or a manifest otherwise"
            )
        o = str(orig[0]) if len(orig) == 1 else "-"
        t = str(trans[0]) if len(trans) == 1 else "-"
        items.append(PairSpec(key, o, t, error=error))
    if all(i.error for i in items):
        raise InputError(
            "no pairs here: one folder pairs NAME.ar.txt (or NAME.orig.txt) with NAME.en.txt; "
            "give TRANS_DIR for a folder of translations, or --index to pair English articles",
            path=str(folder),
        )
    return items


def paired_items(
    folder: str | Path,
    index: str | Path,
    out_dir: str | Path,
    progress: Callable[[int], None] = lambda n: None,
) -> list[PairSpec]:
    """Pair every English article in ``folder`` against ``index``; each best pair is an item
    (``align.pipeline.specs_from_pairs``, as ``pair --then check`` has them; an original
    stored in the index without a file is written under ``out_dir/originals/``)."""
    from align.provenance.pairing import PairOptions, pair_translations

    translations = _articles(Path(folder))
    if not translations:
        raise InputError("no articles (*.txt, *.html, *.htm, *.md) here", path=str(folder))
    results = pair_translations(translations, PairOptions(index=Path(index)), progress)
    return specs_from_pairs(results, Path(out_dir), index)
