"""Fuzz the reader, the normaliser, language ID and the splitter with hypothesis.

Why hypothesis and not atheris: atheris (pip-installable here) stops at the first
crash and reports raw bytes; hypothesis keeps going across targets, shrinks every
failure to a minimal example and needs no new dependency. Coverage guidance matters
less here than structure, so the generators are structured: raw bytes, HTML-ish
pages built from tags/attributes/entities, and news-like text in five scripts encoded
with every codec the reader detects (windows-1256/1251, KOI8-R, UTF-16 with and
without BOM, mixed per line).

Oracle for every case: no exception other than an ``AlignError`` subclass, and the
invariants of each stage (paragraph and sentence offsets inside ``Article.text`` and
pointing at the sentence, no non-space character lost or duplicated by plain-text
splitting, identical output for identical input, normalisers idempotent).

Before the hypothesis rounds, the probe corpus of issue 18 (``tests/probe_inputs.py``,
devices, a FIFO, a 1,000,000-character sentence, 20,000 presplit lines) runs through
``provalign split`` in real processes: tracebacks, hangs and peak child memory.

Usage: .venv/bin/python bench/fuzz.py [--seconds 300 | --cases 20000] [--seed 0] [--probes-only]
Prints one JSON object: cases run per target, failures and their minimal examples.
Rounds use seeds seed, seed+1, ...; with --cases the run is reproducible.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import contextlib

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from align.errors import AlignError  # noqa: E402
from align.read.document import LoadOptions, document_from_text  # noqa: E402
from align.read.langid import detect_language, sentence_language  # noqa: E402
from align.read.reader import ReadOptions, article_from_bytes  # noqa: E402
from align.read.segment import SegmentOptions, split_sentences  # noqa: E402
from align.text.normalize import (  # noqa: E402
    ascii_digits,
    normalize_arabic,
    normalize_for_matching,
    strip_invisible,
)
from align.types import Article  # noqa: E402

LANGS = ["ar", "ru", "en", "de", "fr"]
_SENTENCES = {
    "ar": "قال الوزير إن الحكومة ستنفق مليار دولار على المدارس في عام د. أحمد هل ذلك؟ لا",
    "ru": "Министр заявил что правительство потратит млрд рублей на школы в г. им. А. С. Пушкин",
    "en": "The minister said Dr. Smith U.S. would spend No. 5 billion on schools in St. Louis",
    "de": "Der Minister sagte die Regierung werde Mrd. Euro für Schulen am 3. März ausgeben",
    "fr": "Le ministre a dit que M. Dupont dépensera milliards pour les écoles",
}
WORDS = {lang: text.split() for lang, text in _SENTENCES.items()}
PUNCT = ". . . , ، ؛ ? ؟ ! … : ; « » \" ' ( ) — - 3.5 1,000 ١٢٣ 2024".split(" ")  # noqa: SIM905
PUNCT += ["\u200f", "\u200e", "\u202e", "\u202c", "\u200b", "\u200d", "\ufeff", "\u00a0", "\t"]
SEPS = [" ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\n \n", "  "]
TAGS = [
    "p",
    "div",
    "article",
    "main",
    "h1",
    "h2",
    "li",
    "ul",
    "span",
    "a",
    "br",
    "script",
    "style",
    "iframe",
    "nav",
    "footer",
    "table",
    "td",
    "tr",
    "pre",
    "blockquote",
    "time",
    "meta",
    "title",
    "head",
    "body",
    "html",
    "!--",
    "![CDATA[",
    "?xml",
]
ATTRS = [
    'class="share"',
    'class="article-body"',
    'id="related"',
    'role="navigation"',
    'datetime="2024-05-01"',
    'rel="author"',
    'href="http://x.y/z"',
    'charset="windows-1251"',
    'property="og:title" content="T"',
    'name="author" content="A"',
    "lang=ar",
    'dir="rtl"',
]
CODECS = ["utf-8", "utf-8-sig", "cp1256", "cp1251", "koi8_r", "utf-16", "utf-16-le", "utf-16-be"]


def _words(lang: str) -> st.SearchStrategy[str]:
    token = st.sampled_from(WORDS[lang] + PUNCT) | st.text(min_size=1, max_size=4)
    return st.lists(st.tuples(token, st.sampled_from(SEPS)), max_size=60).map(
        lambda parts: "".join(t + s for t, s in parts)
    )


@st.composite
def news_text(draw: st.DrawFn) -> str:
    return "".join(
        draw(_words(draw(st.sampled_from(LANGS)))) for _ in range(draw(st.integers(1, 3)))
    )


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    out = []
    for _ in range(draw(st.integers(1, 25))):
        kind = draw(st.integers(0, 5))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attrs = " ".join(draw(st.lists(st.sampled_from(ATTRS), max_size=2)))
            out.append(f"<{tag} {attrs}>" if attrs else f"<{tag}>")
        elif kind == 1:
            out.append(f"</{tag}>")
        elif kind == 2:
            out.append(
                draw(
                    st.sampled_from(
                        [
                            "&amp;",
                            "&lt;",
                            "&#1575;",
                            "&#x0;",
                            "&nbsp;",
                            "&bogus;",
                            "<",
                            ">",
                            "&",
                            "]]>",
                            "-->",
                        ]
                    )
                )
            )
        else:
            out.append(draw(_words(draw(st.sampled_from(LANGS)))))
    return "".join(out)


@st.composite
def encoded(draw: st.DrawFn) -> tuple[bytes, bool]:
    """(bytes, named .html?): text or HTML in any detected codec, sometimes mixed per line."""
    html = draw(st.booleans())
    text = draw(html_pages()) if html else draw(news_text())
    codec = draw(st.sampled_from(CODECS))
    data = text.encode(codec, errors="ignore")
    if draw(st.booleans()) and "\n" in text:  # mixed: every other line in a legacy codec
        other = draw(st.sampled_from(["cp1256", "cp1251", "koi8_r"]))
        lines = text.split("\n")
        data = b"\n".join(
            ln.encode("utf-8") if k % 2 else ln.encode(other, errors="ignore")
            for k, ln in enumerate(lines)
        )
    if draw(st.integers(0, 9)) == 0:  # truncate anywhere, even inside a character
        data = data[: draw(st.integers(0, len(data)))]
    return data, html and draw(st.booleans())


def _non_space(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def check_article(article: Article, presplit: bool, lang: str) -> None:
    """Paragraph and sentence invariants of one Article."""
    text = article.text
    assert text.strip(), "empty article text"
    prev_end = 0
    for p in article.paragraphs:
        assert prev_end <= p.start < p.end <= len(text), f"paragraph span {p}"
        assert text[p.start : p.end] == text[p.start : p.end].strip(), f"paragraph not stripped {p}"
        prev_end = p.end
    sentences = split_sentences(
        article, SegmentOptions(lang=lang, presplit=presplit, sentence_lang=False)
    )
    prev_end = 0
    for k, s in enumerate(sentences):
        assert s.index == k
        assert prev_end <= s.start < s.end <= len(text), f"sentence span {s}"
        assert text[s.start : s.end] == s.text == s.text.strip(), f"sentence text {s}"
        prev_end = s.end
    if article.meta.source_format != "html":
        assert "".join(_non_space(s.text) for s in sentences) == _non_space(text), "chars lost"
        assert _non_space("".join(text[p.start : p.end] for p in article.paragraphs)) == _non_space(
            text
        ), "paragraphs lose characters"
    assert (
        split_sentences(article, SegmentOptions(lang=lang, presplit=presplit, sentence_lang=False))
        == sentences
    )


def read_case(data: bytes, named_html: bool, presplit: bool, lang: str) -> None:
    options = ReadOptions(presplit=presplit, max_chars=200_000)
    try:
        article = article_from_bytes(data, "<fuzz>", options, is_html=named_html)
    except AlignError as exc:
        assert "\n" not in str(exc), "multi-line error message"
        return
    assert article_from_bytes(data, "<fuzz>", options, is_html=named_html) == article
    check_article(article, presplit, lang)


def normalise_case(text: str) -> None:
    for fn in (strip_invisible, ascii_digits, normalize_arabic):
        once = fn(text)
        assert fn(once) == once, f"{fn.__name__} not idempotent"
    norm = normalize_for_matching(text)
    assert normalize_for_matching(norm) == norm, "normalize_for_matching not idempotent"
    assert strip_invisible(norm) == norm, "invisible characters survive normalisation"


def document_case(text: str, lang: str | None) -> None:
    try:
        doc = document_from_text(text, LoadOptions(lang=lang, max_chars=200_000), path="<fuzz>")
    except AlignError as exc:
        assert "\n" not in str(exc)
        return
    assert doc.sentences and doc.lang in LANGS
    for s in doc.sentences:
        assert s.text and s.lang in LANGS
    with contextlib.suppress(AlignError):
        detect_language(text)
    for s in doc.sentences[:5]:
        assert sentence_language(s.text, doc.lang) in LANGS


class Target:
    """One fuzz target: a strategy, a body and what it found."""

    def __init__(
        self, name: str, strategy: st.SearchStrategy[Any], body: Callable[..., None]
    ) -> None:
        self.name, self.strategy, self.body = name, strategy, body
        self.cases = 0
        self.failures: list[dict[str, Any]] = []
        self.last_failing: Any = None

    def run(self, n: int, round_seed: int) -> None:
        def wrapped(args: Any) -> None:
            self.cases += 1
            try:
                self.body(*args)
            except Exception:
                self.last_failing = args
                raise

        test = seed(round_seed)(
            settings(
                max_examples=n,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )(given(self.strategy)(wrapped))
        )
        try:
            test()
        except BaseException as exc:  # noqa: BLE001 - collected and reported, then we go on
            if isinstance(exc, KeyboardInterrupt):
                raise
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            self.failures.append(
                {
                    "seed": round_seed,
                    "error": detail[-600:],
                    "minimal_example": repr(self.last_failing)[:800],
                }
            )


TARGETS = [
    Target(
        "reader_raw_bytes",
        st.tuples(st.binary(max_size=2000), st.booleans(), st.booleans(), st.sampled_from(LANGS)),
        read_case,
    ),
    Target(
        "reader_encoded_text_html",
        st.tuples(encoded(), st.booleans(), st.sampled_from(LANGS)),
        lambda enc, presplit, lang: read_case(enc[0], enc[1], presplit, lang),
    ),
    Target("normaliser", st.tuples(st.text(max_size=200) | news_text()), normalise_case),
    Target(
        "document_splitter",
        st.tuples(news_text() | html_pages(), st.none() | st.sampled_from(LANGS)),
        document_case,
    ),
]


def run_probes(timeout: float = 180.0) -> dict[str, Any]:
    """Issue 18's probe corpus (tests/probe_inputs.py plus devices, a FIFO and huge inputs)
    through ``split`` in a real process each: tracebacks, hangs and peak child memory."""
    import os
    import resource
    import subprocess
    import tempfile

    sys.path.insert(0, str(ROOT / "tests"))
    from probe_inputs import probes

    results: dict[str, Any] = {}
    tracebacks = hangs = 0
    with tempfile.TemporaryDirectory() as tmp:
        cases: list[tuple[str, list[str]]] = []
        for probe in probes():
            path = Path(tmp) / probe.filename
            path.write_bytes(probe.data)
            cases.append((probe.name, ["split", str(path)]))
        fifo = Path(tmp) / "fifo"
        os.mkfifo(fifo)
        cases += [("dev_zero", ["split", "/dev/zero"]), ("dev_urandom", ["split", "/dev/urandom"])]
        cases.append(("fifo", ["split", str(fifo)]))
        long = Path(tmp) / "long_sentence.txt"
        long.write_text("word " * 200_000)  # 1,000,000 characters, one sentence
        ru = ROOT / "tests" / "data" / "bad" / "ru.txt"
        cases.append(  # encoded: memory bounded by the window, not the sentence
            (
                "sentence_1m_chars_aligned",
                ["align", str(ru), str(long), "--trans-lang", "en", "--max-chars", "2000000"],
            )
        )
        cases.append(("sentence_1m_chars_default", ["split", str(long)]))
        lines = Path(tmp) / "lines.txt"
        lines.write_text("\n".join(["word"] * 20_000) + "\n")
        cases.append(("presplit_20k_lines", ["split", str(lines), "--presplit", "--lang", "en"]))
        for name, args in cases:
            start = time.perf_counter()
            try:
                proc = subprocess.run(
                    [sys.executable, str(ROOT / "cli.py"), *args],
                    capture_output=True,
                    timeout=timeout,
                    cwd=ROOT,
                )
            except subprocess.TimeoutExpired:
                hangs += 1
                results[name] = {"hang": True}
                continue
            err = proc.stderr.decode("utf-8", "replace")
            crashed = "Traceback" in err or "internal error" in err
            tracebacks += crashed
            results[name] = {
                "exit": proc.returncode,
                "seconds": round(time.perf_counter() - start, 2),
                "stderr": err.strip()[:160],
            }
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return {
        "tracebacks": tracebacks,
        "hangs": hangs,
        "peak_child_rss_mb": peak_mb,
        "cases": results,
    }


ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--probes-only", action="store_true", help="only the issue-18 probe corpus")
    ap.add_argument("--seconds", type=float, default=None, help="time budget (default: --cases)")
    ap.add_argument("--cases", type=int, default=4000, help="examples per target (no --seconds)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--batch", type=int, default=250, help="examples per target per round")
    args = ap.parse_args()
    probe_report = run_probes()
    if args.probes_only:
        print(json.dumps({"probes": probe_report}, ensure_ascii=False, indent=1))
        return
    start = time.perf_counter()
    round_seed = args.seed
    while True:
        for t in TARGETS:
            t.run(args.batch, round_seed)
        round_seed += 1
        elapsed = time.perf_counter() - start
        print(
            f"round {round_seed - args.seed}: {sum(t.cases for t in TARGETS)} cases, "
            f"{sum(len(t.failures) for t in TARGETS)} failures, {elapsed:.0f}s",
            file=sys.stderr,
        )
        if args.seconds is not None and elapsed >= args.seconds:
            break
        if args.seconds is None and all(t.cases >= args.cases for t in TARGETS):
            break
    print(
        json.dumps(
            {
                "engine": "hypothesis",
                "seconds": round(time.perf_counter() - start, 1),
                "rounds": round_seed - args.seed,
                "cases_total": sum(t.cases for t in TARGETS),
                "cases": {t.name: t.cases for t in TARGETS},
                "failures_total": sum(len(t.failures) for t in TARGETS),
                "failures": {t.name: t.failures for t in TARGETS if t.failures},
                "probes": probe_report,
            },
            ensure_ascii=False,
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
