"""Frozen values passed between the stages of provalign.

Pipeline: ``Article`` (reader) -> ``Document`` (language ID + splitter, holding
``Sentence`` values) -> similarity / DP -> ``Link`` values -> ``Alignment`` ->
``Flag`` values + ``Summary`` -> ``Report``. Every stage takes values of these types
and one options object, so a stage can be tested, swapped or run alone.

Roles are ``original`` and ``translation`` (never src/tgt): the direction of a
republication is a fact about the news, not about the languages.

Link semantics, stated once: a link with an empty ``translation`` side is an
omission (the original sentence was not rendered); an empty ``original`` side is an
addition (the translation sentence has no source).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ROLES = ("original", "translation")


# What a numeric setting can mean, as the (lowest, highest) value it accepts (None:
# unbounded): a cosine (1 turns a repair off), a share or a 0-1 score, a count, ratio, gain
# or length, a log-odds score. ``align.check.thresholds`` refuses a value outside it.
Range = tuple[float | None, float | None]
COSINE: Range = (-1.0, 1.0)
SHARE: Range = (0.0, 1.0)
NOT_NEGATIVE: Range = (0.0, None)
UNBOUNDED: Range = (None, None)


def setting(default: Any, help: str, within: Range | None = None) -> Any:
    """An options field with its ``--help`` line (and, for a threshold, its range
    ``within``) in ``metadata``: a default, its explanation and its range are written once,
    and ``cli.py`` builds command-line options from them."""
    meta: dict[str, Any] = {"help": help}
    if within is not None:
        meta["range"] = within
    return field(default=default, metadata=meta)


# Flag kinds (``Flag.kind``), in the order reports list them.
OMISSION = "omission"
PARTIAL_OMISSION = "partial_omission"
ADDITION = "addition"
NUMBER_MISMATCH = "number_mismatch"
NAME_MISMATCH = "name_mismatch"
LOW_SIMILARITY = "low_similarity"
REORDER = "reorder"
MERGE = "merge"
SPLIT = "split"
INSERTION = "insertion"  # words added inside a linked sentence (subkind bracketed|framing|content)
# subkind attribution|hedge|negation|status, and title|quantity|time|intensity (word_subs)
MEANING_CHANGE = "meaning_change"
BOILERPLATE = "boilerplate"  # bylines, datelines, outlet names at either end (info)
FLAG_KINDS = (
    OMISSION,
    PARTIAL_OMISSION,
    ADDITION,
    NUMBER_MISMATCH,
    NAME_MISMATCH,
    LOW_SIMILARITY,
    REORDER,
    MERGE,
    SPLIT,
    INSERTION,
    MEANING_CHANGE,
    BOILERPLATE,
)
SIDES = ("original", "translation")  # Span.side values (the roles)
SEVERITIES = ("info", "minor", "major")

# Verdicts (``Summary.verdict``).
FAITHFUL = "faithful"
EDITED = "edited"
HEAVILY_EDITED = "heavily_edited"
NOT_A_TRANSLATION = "not_a_translation"
VERDICTS = (FAITHFUL, EDITED, HEAVILY_EDITED, NOT_A_TRANSLATION)


@dataclass(frozen=True, slots=True)
class Source:
    """Evidence of a page fetched from a URL (``align.read.fetch``)."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    fetched: str  # ISO 8601 time of the fetch (UTC)
    status: int  # HTTP status of the final response
    sha256: str  # of the bytes as received
    content_type: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """Where an article came from and what the reader learnt about it."""

    path: str
    encoding: str = "utf-8"
    source_format: str = "text"  # text | html | presplit
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO 8601 date when the page states one
    attribution: str | None = None  # e.g. "Translated from Arabic by ..."
    source: Source | None = None  # set when the article was fetched from a URL
    # Things the reader repaired or doubts (bad bytes replaced, text much shorter than
    # the page): the CLI shows them on stderr; they never change the verdict.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph (or heading, dateline, list item) as a span of ``Article.text``."""

    start: int
    end: int
    kind: str = "body"  # body | heading | dateline | list_item


@dataclass(frozen=True, slots=True)
class Article:
    """A decoded input document before segmentation.

    ``text`` is exactly what reports show; sentence offsets point into it.
    """

    meta: ArticleMeta
    text: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence; ``text == article.text[start:end]`` always holds."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int
    lang: str
    kind: str = "body"  # the kind of the paragraph it belongs to


@dataclass(frozen=True, slots=True)
class Document:
    """A segmented article in one role (original or translation)."""

    meta: ArticleMeta
    lang: str
    sentences: tuple[Sentence, ...]

    @property
    def texts(self) -> list[str]:
        """The sentence texts, in order."""
        return [s.text for s in self.sentences]

    def around(self, idx: tuple[int, ...], run: bool = True) -> str:
        """The sentences of the run ``idx`` and the one just before and after it, joined
        by spaces (``run=False``: only those two): where an editor who splits, joins or
        reorders sentences moves words. Read off ``sentences``: ``texts`` builds the
        whole list, and rules ask for this once per link or per name."""
        if not idx:
            return ""
        lo, hi = min(idx), max(idx)
        keep = range(max(0, lo - 1), min(len(self.sentences), hi + 2))
        return " ".join(self.sentences[i].text for i in keep if run or i in (lo - 1, hi + 1))


@dataclass(frozen=True, slots=True)
class Link:
    """An alignment link: consecutive original and translation sentence indices.

    ``score`` is in [0, 1], higher is surer; see ``align.sentalign.dp`` for its meaning.
    """

    original: tuple[int, ...]
    translation: tuple[int, ...]
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Signature:
    """What produced a result: tool version, encoder and settings (sacrebleu-style)."""

    version: str
    encoder: str
    settings: tuple[tuple[str, str], ...] = ()
    tool: str = "provalign"

    def __str__(self) -> str:
        parts = [f"{self.tool}:{self.version}", f"enc:{self.encoder}"]
        parts += [f"{k}:{v}" for k, v in self.settings]
        return "|".join(parts)


@dataclass(frozen=True, slots=True)
class Alignment:
    """Two documents and the links between them; every sentence is in one link."""

    original: Document
    translation: Document
    links: tuple[Link, ...]
    signature: Signature

    def unlinked(self, side: str) -> list[int]:
        """The sentences of ``side`` (original | translation) whose link has nothing on
        the other side (an omission or an addition so far), in link order."""
        if side == "original":
            return [i for lk in self.links if not lk.translation for i in lk.original]
        return [j for lk in self.links if not lk.original for j in lk.translation]


@dataclass(frozen=True, slots=True)
class Span:
    """Words a flag is about: ``text[start:end]`` of sentence ``sentence`` on ``side``.

    Offsets are 0-based characters into that sentence's ``text``, end exclusive.
    """

    side: str  # original | translation
    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Flag:
    """One editorial change a reader should know about."""

    kind: str
    severity: str
    original: tuple[int, ...]
    translation: tuple[int, ...]
    detail: str
    evidence: Mapping[str, Any] = field(default_factory=dict)
    subkind: str | None = None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Summary:
    """Coverage, counts per flag kind and the overall verdict of a check."""

    verdict: str
    coverage_sentences: float  # share of original sentences rendered
    coverage_chars: float  # share of original characters rendered
    counts: Mapping[str, int]
    mean_score: float
    reason: str = ""


# Review actions (``Decision.action``): on a flag, then on links.
CONFIRM = "confirm"
DISMISS = "dismiss"
FLAG_ACTIONS = (CONFIRM, DISMISS)
LINK_ACTIONS = ("join", "split", "unlink", "relink")


@dataclass(frozen=True, slots=True)
class Decision:
    """One reviewer decision: on a flag (confirm/dismiss) or a link correction.

    A flag decision names the flag by ``kind`` and its sentence indices. A link
    decision records the machine's (or earlier review's) links it replaced
    (``before``) and the links it made (``after``), so it can be carried over to a
    later check only when the same links are there again.
    """

    action: str
    who: str
    when: str  # ISO 8601
    note: str = ""
    kind: str | None = None  # flag decisions: the flag's kind
    original: tuple[int, ...] = ()  # flag decisions: the flag's sentences
    translation: tuple[int, ...] = ()
    before: tuple[Link, ...] = ()  # link decisions
    after: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Review:
    """A person's decisions, kept beside (never instead of) the machine's findings.

    ``links``/``flags`` are the reviewed alignment and its flags (flags recomputed for
    corrected links) when a link was corrected; ``None`` means "as the machine found".
    """

    decisions: tuple[Decision, ...] = ()
    links: tuple[Link, ...] | None = None
    flags: tuple[Flag, ...] | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """The complete result of ``align`` or ``check``; every format renders from it.

    ``summary`` is ``None`` and ``flags`` empty for a plain alignment.
    """

    alignment: Alignment
    flags: tuple[Flag, ...] = ()
    summary: Summary | None = None
    created: str | None = None  # ISO timestamp; None keeps golden files stable
    review: Review | None = None  # a person's decisions (``provalign serve``, ``--review``)
    # words of linked pairs the word aligner found no counterpart for (``check
    # --unmatched``, ``align.check.unmatched``): a reading aid beside the flags, not a finding
    unmatched: tuple[Span, ...] = ()
