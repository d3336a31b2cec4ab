"""Batch runs: check many pairs, write every report format and an index page.

Used by ``provalign demo`` (pairs listed in a corpus manifest) and by
``provalign pair --then check`` (pairs found by ``align.provenance.pairing``). One bad pair does
not stop a batch: its ``AlignError`` becomes an error row on the index page, because
the user who checks fifty articles wants the other forty-nine.

The encoder is loaded once per batch and handed to the aligner and the flag checker.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from align.errors import AlignError, FormatError, InputError
from align.provenance.pair_types import NO_ORIGINAL, PairResult
from align.read.limits import refuse_special_file
from align.report.index_page import IndexRow, write_index_page
from align.text.languages import DEFAULT_ENCODER
from align.types import Alignment, Document, Report

if TYPE_CHECKING:
    from align.embed.encoder import Encoder
    from align.read.inputs import PairInput
    from align.sentalign.options import AlignOptions

Progress = Callable[[int], None]
MANIFEST = "manifest.tsv"
MANIFEST_COLUMNS = ("id", "original", "translation", "orig_lang", "trans_lang", "note")
FORMATS = ("json", "html", "tmx", "md")
SAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class PairSpec:
    """One pair to check, however it was given: a corpus manifest (``demo``), a batch
    manifest or two folders (``align.batch.inputs``), or pairing against an index
    (``specs_from_pairs``, for ``pair --then check`` and ``batch --index``).

    ``original`` and ``translation`` are paths, or URLs (str) an index recorded.
    ``error`` says why the pair cannot be checked (no original found, a file without its
    partner): it becomes the pair's error row, so nothing given is silently dropped.
    ``unpaired``: the error is pairing's finding that the translation has no original in
    the index (a result, as in ``pair``; not a failure of the run).
    ``line`` is the manifest line, for messages.
    """

    pair_id: str
    original: Path | str
    translation: Path | str
    orig_lang: str | None = None
    trans_lang: str | None = None
    note: str = ""
    line: int = 0
    error: str | None = None
    unpaired: bool = False


# the error of a batch row whose translation ``pair`` found no original for: a finding
# (exit 0 in ``pair``), not a failure of the batch (``cli.batch``'s exit code)
NO_ORIGINAL_ERROR = "no original found for this translation"


def _noop(n: int = 1) -> None:
    return None


def read_manifest(corpus_dir: str | Path) -> list[PairSpec]:
    """The pairs of ``<corpus_dir>/manifest.tsv`` (header line; paths relative to the folder).

    Raises:
        InputError: the folder or manifest is missing or unreadable.
        FormatError: a line has the wrong number of columns or an empty id/path.
    """
    folder = Path(corpus_dir)
    path = folder / MANIFEST
    if not folder.is_dir():
        raise InputError("no such folder (expected a corpus with manifest.tsv)", path=str(folder))
    refuse_special_file(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError("no manifest.tsv in this folder", path=str(folder)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read manifest: {exc}", path=str(path)) from exc
    if not lines or tuple(lines[0].split("\t")) != MANIFEST_COLUMNS:
        raise FormatError(
            f"first line must be the header {chr(9).join(MANIFEST_COLUMNS)!r}", path=str(path)
        )
    specs = []
    for number, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(MANIFEST_COLUMNS):
            raise FormatError(
                f"line {number}: expected {len(MANIFEST_COLUMNS)} tab-separated "
                f"columns, got {len(cells)}",
                path=str(path),
            )
        pair_id, orig, trans, orig_lang, trans_lang, note = (c.strip() for c in cells)
        if not pair_id or not orig or not trans:
            raise FormatError(
                f"line {number}: id, original and translation must not be empty", path=str(path)
            )
        for rel in (orig, trans):  # ../ or a symlink must not lead outside the corpus
            if not (folder / rel).resolve().is_relative_to(folder.resolve()):
                raise FormatError(
                    f"line {number}: {rel!r} points outside the corpus folder", path=str(path)
                )
        specs.append(
            PairSpec(
                pair_id, folder / orig, folder / trans, orig_lang or None, trans_lang or None, note
            )
        )
    return specs


def count_demo_pairs(corpus_dir: str | Path) -> int:
    """How many pairs ``run_demo`` will check (for the progress bar)."""
    return len(read_manifest(corpus_dir))


def now_iso() -> str:
    """The report timestamp: UTC, to the second (batch runs stamp theirs the same way)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def check_documents(
    original: Document, translation: Document, encoder: Any, unmatched: bool = False
) -> Report:
    """What ``provalign check`` does to two read documents, with default thresholds: align
    with ``CHECK_OPTIONS`` (its repairs included) and flag. Demo, batch and the review app
    all check through here; ``unmatched`` adds the words without a counterpart (``check
    --unmatched``: the review app's full report shows them, with a switch)."""
    from align.check.context import FlagOptions
    from align.check.flags import check_alignment
    from align.sentalign.aligner import align_documents
    from align.sentalign.options import CHECK_OPTIONS

    alignment = align_documents(original, translation, CHECK_OPTIONS, encoder=encoder)
    return check_alignment(alignment, FlagOptions(unmatched_words=unmatched), encoder=encoder)


def _check_one(
    spec: PairSpec, out_dir: Path, encoder: Any, created: str, stem: str | None = None
) -> IndexRow:
    """Load, align, check and write all formats of one pair; errors become the row's error."""
    from align.atomic import write_atomic
    from align.read.document import LoadOptions, load_pair
    from align.report import render

    stem = stem or SAFE_ID.sub("_", spec.pair_id) or "pair"
    row = IndexRow(
        pair_id=spec.pair_id,
        original=str(spec.original),
        translation=str(spec.translation),
        orig_lang=spec.orig_lang or "?",
        trans_lang=spec.trans_lang or "?",
        report_href=None,
        note=spec.note,
        error=spec.error,
    )
    if spec.error:  # nothing to check: the row says why
        return row
    try:
        original, translation = load_pair(
            spec.original,
            spec.translation,
            LoadOptions(lang=spec.orig_lang),
            LoadOptions(lang=spec.trans_lang),
        )
        report = dataclasses.replace(
            check_documents(original, translation, encoder), created=created
        )
        for fmt in FORMATS:
            target = out_dir / f"{stem}.{fmt}"
            try:
                write_atomic(target, render(report, fmt))
            except OSError as exc:
                raise InputError(f"cannot write: {exc.strerror or exc}", path=str(target)) from exc
    except AlignError as exc:
        return dataclasses.replace(row, error=str(exc))
    summary = report.summary
    return dataclasses.replace(
        row,
        orig_lang=original.lang,
        trans_lang=translation.lang,
        report_href=f"{stem}.html",
        coverage=summary.coverage_sentences if summary else None,
        counts=dict(summary.counts) if summary else {},
        verdict=summary.verdict if summary else None,
    )


def check_specs(
    specs: Iterable[PairSpec],
    out_dir: str | Path,
    progress: Progress = _noop,
    encoder_spec: str = DEFAULT_ENCODER,
) -> list[IndexRow]:
    """Check every pair and write ``<id>.{json,html,tmx,md}`` into ``out_dir``.

    Returns:
        One index row per pair, in order (failed pairs carry their error).

    Raises:
        InputError: ``out_dir`` cannot be created.
        BackendError: the encoder cannot be loaded.
    """
    from align.embed.encoder import load_encoder

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"cannot create output folder: {exc.strerror or exc}", path=str(out)
        ) from exc
    specs = list(specs)
    encoder = load_encoder(encoder_spec) if any(not s.error for s in specs) else None
    created = now_iso()
    rows = []
    used: set[str] = set()
    for spec in specs:
        rows.append(_check_one(spec, out, encoder, created, _unique_stem(spec.pair_id, used)))
        progress(1)
    return rows


def _unique_stem(pair_id: str, used: set[str]) -> str:
    """A file stem no earlier pair of this batch has: ids that reduce to one stem
    (``x y``/``x_y``, ``a``/``a`` then a real ``a-2``; case-insensitive file systems)
    must not overwrite each other's reports, or the index page links the wrong one."""
    base = SAFE_ID.sub("_", pair_id) or "pair"
    stem, n = base, 1
    while stem.lower() in used:
        n += 1
        stem = f"{base}-{n}"
    used.add(stem.lower())
    return stem


def run_demo(corpus_dir: str | Path, out_dir: str | Path, progress: Progress = _noop) -> Path:
    """Pair, check and report a corpus; write reports and ``index.html``, return it.

    The manifest lists which original each republication was made from, but the demo
    does not take that on trust: every translation is first paired against all the
    corpus's originals (``align.provenance.pairing``), the pair found is what gets checked, and
    the index page says whether pairing agreed with the manifest.
    """
    specs = read_manifest(corpus_dir)
    return write_index_page(
        check_specs(_paired_specs(specs), out_dir, progress), Path(out_dir) / "index.html"
    )


def _paired_specs(specs: list[PairSpec]) -> list[PairSpec]:
    """The manifest's specs with each original replaced by the one pairing finds."""
    from align.provenance.pairing import PairOptions, pair_against

    if not specs:
        return specs
    originals = list(dict.fromkeys(Path(spec.original) for spec in specs))
    results = pair_against([Path(spec.translation) for spec in specs], originals, PairOptions())
    # the pairing index stores absolute paths; a report shows an original as the manifest
    # names it (a shared report must not carry the checkout's folders)
    given = {p.resolve(): p for p in originals}
    out = []
    for spec, result in zip(specs, results, strict=True):
        best = result.candidates[0] if result.candidates else None
        if best is None or best.path is None or result.verdict == NO_ORIGINAL:
            out.append(dataclasses.replace(spec, note=f"{spec.note}; pairing found no original"))
            continue
        where = Path(best.path).resolve()
        found_path = given.get(where) or shown_path(where)
        given_path = Path(spec.original)
        agrees = where == given_path.resolve()
        found = f"pairing: {result.verdict}, confidence {best.confidence:.2f}, " + (
            "agrees with the manifest"
            if agrees
            else f"found {found_path.name}, NOT the manifest's {given_path.name}"
        )
        out.append(dataclasses.replace(spec, original=found_path, note=f"{found}. {spec.note}"))
    return out


def check_pairs(
    pair_results: Sequence[PairResult],
    out_dir: str | Path,
    progress: Progress = _noop,
    index: str | Path | None = None,
    encoder_spec: str = DEFAULT_ENCODER,
) -> tuple[Path, list[IndexRow]]:
    """Check each translation against its best original found by ``align.provenance.pairing``
    (``specs_from_pairs``: a translation without one gets an error row saying so instead of
    a report). Returns the path of ``index.html`` and its rows (the CLI says each verdict)."""
    specs = specs_from_pairs(pair_results, Path(out_dir), index)
    rows = check_specs(specs, out_dir, progress, encoder_spec)
    return write_index_page(rows, Path(out_dir) / "index.html"), rows


def specs_from_pairs(
    pair_results: Sequence[PairResult], out_dir: Path, index: str | Path | None = None
) -> list[PairSpec]:
    """One pair to check per pairing result: the translation and its best original.

    A translation without an original (verdict ``no_original``, or no candidate) is a spec
    with an ``error``. An original indexed from a URL is fetched again; one indexed from a
    JSONL manifest has no file, so its stored text is written to ``<out_dir>/originals/``
    and checked from there (needs ``index``). The id is the translation's file stem, or its
    whole name when two translations share a stem (ids name the reports).
    """
    from urllib.parse import urlsplit

    from align.read.fetch import is_url

    names = [str(r.translation) for r in pair_results]
    stems = [Path(urlsplit(n).path).stem if is_url(n) else Path(n).stem for n in names]
    shared = Counter(stems)  # counted once: an archive pairs thousands of translations
    specs = []
    for result, raw, stem in zip(pair_results, names, stems, strict=True):
        translation: Path | str = raw if is_url(raw) else Path(raw)  # a URL stays a str
        pair_id = (stem if shared[stem] == 1 else raw) or "translation"
        best = result.candidates[0] if result.candidates else None
        if best is None or result.verdict == NO_ORIGINAL:
            note, error = f"pairing: {result.verdict}", NO_ORIGINAL_ERROR
            spec = PairSpec(pair_id, "-", translation, note=note, error=error, unpaired=True)
            specs.append(spec)
            continue
        path: Path | str | None = best.path
        if path is None and is_url(best.original_id):
            path = best.original_id  # indexed from a URL: fetched again
        if path is None and index is not None:
            path = _stored_original(index, str(best.original_id), out_dir)
        note = f"pairing: {result.verdict}, {best.original_id}, confidence {best.confidence:.2f}"
        derived = result.derived_from
        if derived is not None:  # the second hop: show how to see the edit
            src = derived.path or derived.original_id
            note += f"; edited from English version {derived.original_id} (see: provalign derive "
            note += f"{src} {translation} --format html)"
        if path is None:
            error = f"original {best.original_id} has no file path in the index"
            specs.append(PairSpec(pair_id, "-", translation, note=note, error=error))
            continue
        original = path if isinstance(path, str) and is_url(path) else shown_path(Path(path))
        specs.append(PairSpec(pair_id, original, translation, note=note))
    return specs


def shown_path(path: Path) -> Path:
    """An indexed original's path relative to the working folder when it lies under it.

    The pairing index stores absolute paths; reports name the original as the user would
    (``corpora/ar.txt``), so a shared report does not carry the folders of one machine.
    """
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _stored_original(index: str | Path, doc_id: str, out_dir: Path) -> Path | None:
    """Write the indexed text of ``doc_id`` to ``out_dir/originals/`` and return its path."""
    from align.atomic import write_atomic
    from align.provenance.index import original_text

    try:
        text = original_text(index, doc_id)
    except AlignError:
        return None
    stem = SAFE_ID.sub("_", doc_id) or "original"
    try:
        return write_atomic(out_dir / "originals" / f"{stem}.txt", text)
    except OSError:
        return None


def align_pair(
    pair: PairInput, options: AlignOptions | None = None, encoder: Encoder | None = None
) -> Alignment:
    """Load both articles of ``pair`` and align them: what ``provalign align`` runs, and
    ``check`` before it flags.

    ``options`` defaults to ``AlignOptions()`` (``check`` passes ``CHECK_OPTIONS`` with its
    thresholds); the pair's encoder spec and cache replace the options' own, so the signature
    names the encoder that ran. ``encoder``: one already loaded for the run (else the aligner
    loads it from the spec).
    """
    from align.sentalign.aligner import align_documents
    from align.sentalign.options import AlignOptions

    original, translation = pair.load()
    options = dataclasses.replace(
        options or AlignOptions(), encoder=pair.encoder_spec, cache=pair.cache
    )
    return align_documents(original, translation, options, encoder=encoder)
