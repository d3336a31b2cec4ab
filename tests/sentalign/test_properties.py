"""Property tests (hypothesis): the invariants every stage promises, on random input.

1. ``align_texts`` with the real encoder: every sentence of both sides in exactly one
   link, links monotone and contiguous, scores in [0, 1], same input -> same output.
2. ``align.sentalign.dp.search`` on random gain tables: exactly-once + monotone, and on small
   grids the best total gain equals an exhaustive search over all paths.
3. Reader + splitter: offsets point at the sentence text, no non-space character is
   lost or duplicated, same input -> same output.
4. JSON report round trip: ``report_from_dict(report_to_dict(r)) == r``.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import numpy as np
import pytest
from conftest import check_exactly_once
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from align.errors import AlignError
from align.read.reader import ReadOptions, article_from_bytes
from align.read.segment import SegmentOptions, split_sentences
from align.report import report_from_dict, report_to_dict
from align.sentalign.dp import Band, band_around, search
from align.types import (
    FLAG_KINDS,
    SEVERITIES,
    VERDICTS,
    Alignment,
    ArticleMeta,
    Document,
    Flag,
    Link,
    Report,
    Sentence,
    Signature,
    Summary,
)

# A small pool of real sentences (the same story in five languages, plus a second story).
POOL = {
    "ar": [
        "أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لبناء المدارس.",
        "وقال وزير التعليم إن المشروع سيكلف نحو 200 مليون دولار.",
        "وأضاف أن العمل سيبدأ في شهر أيار المقبل.",
        "فاز الفريق المحلي بمباراته الثالثة على التوالي.",
        "امتلأ الملعب بالمشجعين رغم الأمطار الغزيرة.",
        "هل سيكفي ذلك؟ لا أحد يعرف.",
    ],
    "ru": [
        "Во вторник правительство объявило о новом плане строительства школ.",
        "Министр образования заявил, что проект обойдется в 200 млн долларов.",
        "Он добавил, что работы начнутся в мае.",
        "Местная команда выиграла третий матч подряд.",
        "Болельщики заполнили стадион, несмотря на сильный дождь.",
        "Хватит ли этого? Никто не знает.",
    ],
    "en": [
        "The government announced on Tuesday a new plan to build schools.",
        "The education minister said the project would cost about 200 million dollars.",
        "He added that work would begin in May.",
        "The local team won its third match in a row.",
        "Fans filled the stadium despite the heavy rain.",
        "Will it be enough? Nobody knows.",
    ],
    "de": [
        "Die Regierung kündigte am Dienstag einen neuen Plan zum Bau von Schulen an.",
        "Der Bildungsminister sagte, das Projekt koste etwa 200 Millionen Dollar.",
        "Er fügte hinzu, die Arbeiten würden im Mai beginnen.",
        "Die Heimmannschaft gewann ihr drittes Spiel in Folge.",
    ],
    "fr": [
        "Le gouvernement a annoncé mardi un nouveau plan de construction d'écoles.",
        "Le ministre de l'Éducation a déclaré que le projet coûterait 200 millions de dollars.",
        "Il a ajouté que les travaux commenceraient en mai.",
        "L'équipe locale a gagné son troisième match consécutif.",
    ],
}
ALL_SENTENCES = [s for group in POOL.values() for s in group]
JUNK = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
)
SENTENCE = st.one_of(st.sampled_from(ALL_SENTENCES), st.sampled_from(ALL_SENTENCES), JUNK)


# ----------------------------------------------------------------------------- 1. aligner


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    original=st.lists(SENTENCE, min_size=0, max_size=6),
    translation=st.lists(SENTENCE, min_size=0, max_size=6),
)
def test_align_texts_invariants(encoder, original: list[str], translation: list[str]) -> None:  # type: ignore[no-untyped-def]
    from align.sentalign.aligner import align_texts
    from align.sentalign.options import AlignOptions

    options = AlignOptions()
    links = align_texts(original, translation, options, encoder)
    check_exactly_once(links, len(original), len(translation))
    assert all(0.0 <= lk.score <= 1.0 for lk in links)
    assert align_texts(list(original), list(translation), options, encoder) == links


# ----------------------------------------------------------------------------- 2. DP search

TYPES = [(1, 0), (0, 1), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1)]


def _table(
    draw: st.DrawFn, n: int, m: int, types: list[tuple[int, int]]
) -> dict[tuple[int, int], np.ndarray]:
    """Gain of link type (a, b) ending at boundary (i, j): a random (n+1, m+1) table."""
    gains = st.integers(-20, 20).map(lambda x: x / 4)
    return {
        t: np.array(
            draw(st.lists(gains, min_size=(n + 1) * (m + 1), max_size=(n + 1) * (m + 1)))
        ).reshape(n + 1, m + 1)
        for t in types
        if t[0] >= 1 and t[1] >= 1
    }


@st.composite
def dp_problems(draw: st.DrawFn, max_n: int = 5) -> tuple[Any, ...]:
    n, m = draw(st.integers(0, max_n)), draw(st.integers(0, max_n))
    extra = draw(st.lists(st.sampled_from(TYPES[2:]), min_size=1, max_size=6, unique=True))
    types = [(1, 0), (0, 1), *extra]
    skips = st.integers(-8, 2).map(lambda x: x / 4)
    skip_o = np.array(draw(st.lists(skips, min_size=n, max_size=n)), dtype=float)
    skip_t = np.array(draw(st.lists(skips, min_size=m, max_size=m)), dtype=float)
    return n, m, types, _table(draw, n, m, types), skip_o, skip_t


def _gain_fn(table: dict[tuple[int, int], np.ndarray], band: Band):  # type: ignore[no-untyped-def]
    """Band-aligned tables: entry [i, k] is the full table's [i, lo[i] + k]."""

    def gain(a: int, b: int) -> np.ndarray:
        full = table[(a, b)]
        cols = np.minimum(band.lo[:, None] + np.arange(band.width)[None, :], full.shape[1] - 1)
        return np.asarray(full[np.arange(len(band.lo))[:, None], cols])

    return gain


def _path_gain(spans, table, skip_o, skip_t) -> float:  # type: ignore[no-untyped-def]
    total = 0.0
    for i0, i1, j0, j1 in spans:
        a, b = i1 - i0, j1 - j0
        if b == 0:
            total += skip_o[i0:i1].sum()
        elif a == 0:
            total += skip_t[j0:j1].sum()
        else:
            total += table[(a, b)][i1, j1]
    return total


def _brute_force(n: int, m: int, types, table, skip_o, skip_t) -> float:  # type: ignore[no-untyped-def]
    @functools.cache
    def best(i: int, j: int) -> float:
        if i == 0 and j == 0:
            return 0.0
        out = -np.inf
        for a, b in types:
            if a > i or b > j:
                continue
            if (a, b) == (1, 0):
                g = skip_o[i - 1]
            elif (a, b) == (0, 1):
                g = skip_t[j - 1]
            else:
                g = table[(a, b)][i, j]
            out = max(out, best(i - a, j - b) + g)
        return out

    return best(n, m)


def _spans_to_links(spans) -> list[Link]:  # type: ignore[no-untyped-def]
    return [Link(tuple(range(i0, i1)), tuple(range(j0, j1))) for i0, i1, j0, j1 in spans]


@settings(max_examples=200, deadline=None)
@given(problem=dp_problems())
def test_dp_search_is_optimal_and_exactly_once(problem: tuple[Any, ...]) -> None:
    n, m, types, table, skip_o, skip_t = problem
    band = Band.full(n, m)
    spans = search(n, m, types, _gain_fn(table, band), skip_o, skip_t, band)
    check_exactly_once(_spans_to_links(spans), n, m)
    assert all((i1 - i0, j1 - j0) in types for i0, i1, j0, j1 in spans)
    found = _path_gain(spans, table, skip_o, skip_t)
    assert found == pytest.approx(_brute_force(n, m, types, table, skip_o, skip_t), abs=1e-9)


@settings(max_examples=80, deadline=None)
@given(problem=dp_problems(max_n=10), width=st.integers(0, 3), data=st.data())
def test_dp_search_in_a_band_still_covers_everything(problem, width: int, data) -> None:  # type: ignore[no-untyped-def]
    """Any monotone path widened into a band admits a complete, monotone alignment."""
    n, m, types, table, skip_o, skip_t = problem
    steps = data.draw(st.permutations(["i"] * n + ["j"] * m))
    path, i, j = [(0, 0)], 0, 0
    for s in steps:
        i, j = (i + 1, j) if s == "i" else (i, j + 1)
        path.append((i, j))
    band = band_around(path, n, m, width)
    spans = search(n, m, types, _gain_fn(table, band), skip_o, skip_t, band)
    check_exactly_once(_spans_to_links(spans), n, m)
    assert (
        _path_gain(spans, table, skip_o, skip_t)
        <= _brute_force(n, m, types, table, skip_o, skip_t) + 1e-9
    )


# ----------------------------------------------------------------------------- 3. reader + splitter

SEPARATORS = st.sampled_from([" ", " ", "  ", "\n", "\n\n", "\r\n", "\n \n", "\t", "\u00a0"])


@st.composite
def plain_documents(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(SENTENCE, SEPARATORS), min_size=1, max_size=10))
    return "".join(s + sep for s, sep in parts)


def _non_space(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


@settings(max_examples=300, deadline=None)
@given(text=plain_documents(), lang=st.sampled_from(sorted(POOL)), presplit=st.booleans())
def test_splitting_keeps_every_character(text: str, lang: str, presplit: bool) -> None:
    try:
        article = article_from_bytes(text.encode("utf-8"), "<t>", ReadOptions(presplit=presplit))
    except AlignError:
        return  # only whitespace, control characters or an HTML-looking fragment: refused
    if article.meta.source_format == "html":
        return  # HTML is rebuilt from the DOM; the fuzzer covers it (bench/fuzz.py)
    assert article.text == text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    sentences = split_sentences(
        article, SegmentOptions(lang=lang, presplit=presplit, sentence_lang=False)
    )
    for k, s in enumerate(sentences):
        assert s.index == k and 0 <= s.start < s.end <= len(article.text)
        assert article.text[s.start : s.end] == s.text == s.text.strip()
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
    assert "".join(_non_space(s.text) for s in sentences) == _non_space(article.text)
    again = split_sentences(
        article_from_bytes(text.encode("utf-8"), "<t>", ReadOptions(presplit=presplit)),
        SegmentOptions(lang=lang, presplit=presplit, sentence_lang=False),
    )
    assert again == sentences


# ----------------------------------------------------------------------------- 4. JSON round trip

TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30)
FINITE = st.floats(allow_nan=False, allow_infinity=False)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | FINITE | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def documents(draw: st.DrawFn, role: str) -> Document:
    texts = draw(st.lists(TEXT, max_size=5))
    sentences = tuple(
        Sentence(
            k,
            t,
            draw(st.integers(0, 10**6)),
            draw(st.integers(0, 10**6)),
            draw(st.integers(0, 50)),
            draw(st.sampled_from(sorted(POOL))),
            draw(st.sampled_from(["body", "heading", "dateline", "list_item"])),
        )
        for k, t in enumerate(texts)
    )
    meta = ArticleMeta(
        path=draw(TEXT),
        encoding=draw(st.sampled_from(["utf-8", "windows-1256", "utf-16"])),
        source_format=draw(st.sampled_from(["text", "html", "presplit"])),
        title=draw(st.none() | TEXT),
        byline=draw(st.none() | TEXT),
        published=draw(st.none() | TEXT),
        attribution=draw(st.none() | TEXT),
    )
    return Document(meta, draw(st.sampled_from(sorted(POOL))), sentences)


def _indices(draw: st.DrawFn, size: int) -> tuple[int, ...]:
    if size == 0:
        return ()
    return tuple(draw(st.lists(st.integers(0, size - 1), max_size=3)))


@st.composite
def reports(draw: st.DrawFn) -> Report:
    orig, trans = draw(documents("original")), draw(documents("translation"))
    n, m = len(orig.sentences), len(trans.sentences)
    links = tuple(
        Link(_indices(draw, n), _indices(draw, m), draw(FINITE))
        for _ in range(draw(st.integers(0, 4)))
    )
    keys = draw(st.lists(TEXT, max_size=3, unique=True))
    signature = Signature(draw(TEXT), draw(TEXT), tuple((k, draw(TEXT)) for k in keys), draw(TEXT))
    flags = tuple(
        Flag(
            draw(st.sampled_from(FLAG_KINDS)),
            draw(st.sampled_from(SEVERITIES)),
            _indices(draw, n),
            _indices(draw, m),
            draw(TEXT),
            draw(st.dictionaries(TEXT, JSON_VALUES, max_size=3)),
            draw(st.none() | st.text(min_size=1, max_size=10)),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    summary = draw(
        st.none()
        | st.builds(
            Summary,
            st.sampled_from(VERDICTS),
            FINITE,
            FINITE,
            st.dictionaries(st.sampled_from(FLAG_KINDS), st.integers(0, 100)),
            FINITE,
            TEXT,
        )
    )
    return Report(Alignment(orig, trans, links, signature), flags, summary, draw(st.none() | TEXT))


@settings(max_examples=80, deadline=None)
@given(report=reports())
def test_json_report_round_trip(report: Report) -> None:
    data = report_to_dict(report)
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    back = report_from_dict(json.loads(text), "<prop>")
    assert back == report
    assert report_to_dict(back) == data
