"""What every human-readable view needs: rows per link, flags per row, labels.

A flag names sentence indices, a row is a link; a flag is shown on every row whose
link holds one of its sentences (a reorder or a partial omission can touch two links).
Flags that touch no link (document-level findings) are listed separately. The lookups
tolerate indices that point nowhere so a hand-edited report still renders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from align.text.languages import NAMES
from align.types import (
    ADDITION,
    EDITED,
    FAITHFUL,
    FLAG_KINDS,
    HEAVILY_EDITED,
    NOT_A_TRANSLATION,
    OMISSION,
    SEVERITIES,
    Document,
    Flag,
    Link,
    Report,
    Sentence,
    Span,
    Summary,
)

RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "ps", "yi"})

KIND_LABELS = {
    "omission": "Omission",
    "partial_omission": "Partial omission",
    "addition": "Addition",
    "number_mismatch": "Number changed",
    "name_mismatch": "Name changed",
    "low_similarity": "Low similarity",
    "reorder": "Reordered",
    "merge": "Merged",
    "split": "Split",
    "insertion": "Words added",
    "meaning_change": "Meaning changed",
    "boilerplate": "Boilerplate",
}
VERDICT_LABELS = {
    "faithful": "Faithful",
    "edited": "Edited",
    "heavily_edited": "Heavily edited",
    "not_a_translation": "Not a translation",
}


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Control characters as ``\\x1b`` text: article text must never drive the terminal.

    An escape sequence inside an article (ESC, or the one-byte C1 CSI) could erase lines
    of a report on screen, the major flags included. Newlines and tabs stay.
    """
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def lang_name(code: str) -> str:
    """``"ar"`` -> ``"Arabic"``, from the one table of names (``align.text.languages``,
    which the CLI's language messages read too); unknown codes are shown as they are."""
    return NAMES.get(code, code)


def kind_label(kind: str) -> str:
    """Human label of a flag kind."""
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def kind_key(kind: str) -> tuple[int, str]:
    """Sort key: the order of ``FLAG_KINDS``, unknown kinds last, alphabetically."""
    return (FLAG_KINDS.index(kind) if kind in FLAG_KINDS else len(FLAG_KINDS), kind)


def severity_rank(severity: str) -> int:
    """0 for info, 1 minor, 2 major (unknown severities count as info)."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else 0


@dataclass(frozen=True, slots=True)
class Row:
    """One link with its sentences and the flags shown on it."""

    number: int  # position of the link, 0-based
    link: Link
    original: tuple[Sentence, ...]
    translation: tuple[Sentence, ...]
    flags: tuple[Flag, ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        """Distinct flag kinds on this row, in report order."""
        return tuple(sorted({f.kind for f in self.flags}, key=kind_key))

    @property
    def one_sided(self) -> str | None:
        """``"omission"``, ``"addition"`` or ``None`` for a two-sided link."""
        if self.link.original and not self.link.translation:
            return OMISSION
        if self.link.translation and not self.link.original:
            return ADDITION
        return None


def _lookup(sentences: tuple[Sentence, ...]) -> dict[int, Sentence]:
    return {s.index: s for s in sentences}


def build_rows(report: Report) -> list[Row]:
    """One ``Row`` per link, in link order, each with the flags touching it."""
    alignment = report.alignment
    orig = _lookup(alignment.original.sentences)
    trans = _lookup(alignment.translation.sentences)
    orig_link: dict[int, int] = {}
    trans_link: dict[int, int] = {}
    for n, link in enumerate(alignment.links):
        for i in link.original:
            orig_link.setdefault(i, n)
        for j in link.translation:
            trans_link.setdefault(j, n)
    per_link: dict[int, list[Flag]] = {}
    for flag in report.flags:
        targets = {orig_link[i] for i in flag.original if i in orig_link}
        targets |= {trans_link[j] for j in flag.translation if j in trans_link}
        for n in sorted(targets):
            per_link.setdefault(n, []).append(flag)
    return [
        Row(
            number=n,
            link=link,
            original=tuple(orig[i] for i in link.original if i in orig),
            translation=tuple(trans[j] for j in link.translation if j in trans),
            flags=tuple(per_link.get(n, ())),
        )
        for n, link in enumerate(alignment.links)
    ]


def document_flags(report: Report) -> list[Flag]:
    """Flags that touch no link (e.g. a finding about the whole article)."""
    alignment = report.alignment
    orig = {i for link in alignment.links for i in link.original}
    trans = {j for link in alignment.links for j in link.translation}
    return [
        f
        for f in report.flags
        if not any(i in orig for i in f.original) and not any(j in trans for j in f.translation)
    ]


def join_text(sentences: tuple[Sentence, ...]) -> str:
    """The sentences of one side of a link as one string."""
    return " ".join(s.text for s in sentences)


def flag_counts(report: Report) -> dict[str, int]:
    """Flags per kind in report order: the summary's counts when present, else counted."""
    counts: dict[str, int] = {}
    if report.summary is not None:
        counts = {k: int(v) for k, v in report.summary.counts.items() if v}
    else:
        for flag in report.flags:
            counts[flag.kind] = counts.get(flag.kind, 0) + 1
    return {k: counts[k] for k in sorted(counts, key=kind_key)}


def link_coverage(report: Report) -> tuple[float, float]:
    """Share of original sentences and characters that a two-sided link renders.

    Used when no ``Summary`` exists (plain ``align`` output), so the reader still
    sees how much of the original made it into the translation.
    """
    alignment = report.alignment
    sentences = alignment.original.sentences
    if not sentences:
        return (0.0, 0.0)
    covered = {i for link in alignment.links if link.translation for i in link.original}
    total_chars = sum(len(s.text) for s in sentences) or 1
    chars = sum(len(s.text) for s in sentences if s.index in covered)
    return (len(covered) / len(sentences), chars / total_chars)


WEAK_SCORE = 0.5  # a link score where a true link and a non-link are equally likely


def weak_phrase(report: Report) -> str:
    """How many two-sided links score below ``WEAK_SCORE`` ("" when none), said beside
    the coverage of plain ``align`` output: a link's sentences count as covered however
    weak it is, and a same-story pair linked at 0.02 read as "100 % of sentences"."""
    links = report.alignment.links
    n = sum(1 for lk in links if lk.original and lk.translation and lk.score < WEAK_SCORE)
    if not n:
        return ""
    return f"{plural(n, 'link')} score below {WEAK_SCORE} (as likely not a rendering as one)"


def indices_label(indices: tuple[int, ...]) -> str:
    """``(3,)`` -> ``"4"``, ``(3, 4, 5)`` -> ``"4-6"``, ``()`` -> ``"-"``.

    Human views number sentences from 1 (JSON keeps the 0-based indices).
    """
    if not indices:
        return "-"
    indices = tuple(i + 1 for i in indices)
    if len(indices) == 1:
        return str(indices[0])
    if list(indices) == list(range(indices[0], indices[-1] + 1)):
        return f"{indices[0]}-{indices[-1]}"
    return ",".join(str(i) for i in indices)


def quote(sentences: list[Sentence]) -> str:
    """Sentences as one quoted string for text views."""
    return "\u201c" + " ".join(s.text for s in sentences) + "\u201d"


def flag_sentences(report: Report, flag: Flag) -> tuple[list[Sentence], list[Sentence]]:
    """The original and translation sentences a flag points at."""
    orig = _lookup(report.alignment.original.sentences)
    trans = _lookup(report.alignment.translation.sentences)
    return (
        [orig[i] for i in flag.original if i in orig],
        [trans[j] for j in flag.translation if j in trans],
    )


def percent(value: float) -> str:
    """0.8571 -> ``"85.7%"``."""
    return f"{100 * value:.1f}%"


def side_phrase(doc: Document) -> str:
    """``"Arabic, 12 sentences"``: how the text and Markdown summaries describe a side."""
    return f"{lang_name(doc.lang)}, {plural(len(doc.sentences), 'sentence')}"


def page_notes(doc: Document) -> list[str]:
    """What the reader took out of a saved page besides its sentences (``"byline: By Jane
    Doe"``, ``"attribution: Translated from Arabic and edited by ..."``). An appended
    disclaimer is one of the edits a republisher makes; read from HTML it lands here, not
    in a sentence, so every human-facing report names it under its side."""
    meta = doc.meta
    fields = (("byline", meta.byline), ("published", meta.published))
    notes = [f"{name}: {value}" for name, value in fields if value]
    if meta.attribution:
        notes.append(f"attribution: {meta.attribution}")
    return notes


def coverage_phrase(summary: Summary) -> str:
    """The coverage line of a checked report, shared by the text and Markdown summaries.

    For a text that is not a translation the links are the aligner's forced best guesses,
    so their figures are labelled as such, not as how much of the original is rendered.
    """
    figures = (
        f"{percent(summary.coverage_sentences)} of original sentences, "
        f"{percent(summary.coverage_chars)} of characters; "
        f"mean link score {summary.mean_score:.2f}"
    )
    if summary.verdict == NOT_A_TRANSLATION:
        return f"none (not a translation); the forced links span {figures}"
    return figures


def reason_phrase(summary: Summary) -> str:
    """The verdict's reason without the change count the verdict line already gives.

    For the three translation verdicts the check's reason is "83% of the original
    rendered, 2 major changes" (or "; no editorial changes found"): the count repeats
    what the verdict line says from the flags, so the views keep the coverage part, built
    from the summary's own field rather than read back out of the sentence. Any other
    reason (not a translation) is shown whole.
    """
    if summary.verdict in (FAITHFUL, EDITED, HEAVILY_EDITED):
        return f"{summary.coverage_sentences:.0%} of the original rendered"
    return summary.reason


def counts_phrase(report: Report) -> str:
    """``"omission 1, addition 2"`` (report order), or "" when there are no flags."""
    return ", ".join(f"{kind_label(k).lower()} {n}" for k, n in flag_counts(report).items())


def plural(n: int, word: str) -> str:
    """``plural(1, "major change")`` -> ``"1 major change"``; 2 -> ``"2 major changes"``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def severity_phrase(report: Report) -> str:
    """``"1 major change, 2 minor changes"`` or ``"no changes found"`` (one-line summary);
    for a text that is not a translation, that it was not compared sentence by sentence
    (``check`` lists no changes then: "no changes found" would read as faithful)."""
    if report.summary is not None and report.summary.verdict == NOT_A_TRANSLATION:
        return "not compared sentence by sentence"
    by_severity = {s: 0 for s in ("major", "minor", "info")}
    for flag in report.flags:
        by_severity[flag.severity] = by_severity.get(flag.severity, 0) + 1
    parts = [
        plural(n, f"{s} change" if s != "info" else "note") for s, n in by_severity.items() if n
    ]
    return ", ".join(parts) or "no changes found"


def sentence_marks(
    flags: tuple[Flag, ...] | list[Flag], side: str, index: int
) -> list[tuple[int, int, Flag]]:
    """``(start, end, flag)`` of every flag span on sentence ``index`` of ``side``."""
    return [
        (sp.start, sp.end, f)
        for f in flags
        for sp in f.spans
        if sp.side == side and sp.sentence == index and sp.start < sp.end
    ]


def stacked_pieces(
    text: str, marks: list[tuple[int, int, Flag]]
) -> list[tuple[str, tuple[Flag, ...]]]:
    """``text`` cut into consecutive pieces, each with every flag marking it, the most
    severe first (on a tie the narrower span: the words inside; then ``marks`` order);
    unmarked pieces have none.

    Spans are clipped to the text (a hand-edited report may point past it), and joining
    the pieces gives ``text`` back unchanged. Where spans overlap (a changed number inside
    added words) the piece carries both flags, so a writer can show both: the HTML report
    marks it apart and names every flag on hover.
    """
    n = len(text)
    marks = [(max(0, a), min(n, b), f) for a, b, f in marks if min(n, b) > max(0, a)]
    if not marks:
        return [(text, ())] if text else []
    cuts = sorted({0, n, *(a for a, _, _ in marks), *(b for _, b, _ in marks)})
    out: list[tuple[str, tuple[Flag, ...]]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        over = [(y - x, f) for x, y, f in marks if x <= a and b <= y]
        over.sort(key=lambda m: (-severity_rank(m[1].severity), m[0]))
        stack = tuple(f for _, f in over)
        if out and _same(out[-1][1], stack):
            out[-1] = (out[-1][0] + text[a:b], stack)
        else:
            out.append((text[a:b], stack))
    return out


def _same(a: tuple[Flag, ...], b: tuple[Flag, ...]) -> bool:
    """The same flags, by identity (two equal flags of two rows are still two flags)."""
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def marked_pieces(text: str, marks: list[tuple[int, int, Flag]]) -> list[tuple[str, Flag | None]]:
    """``text`` cut into consecutive pieces, each with the flag marking it (or None): the
    first of ``stacked_pieces``' flags, neighbours with the same flag joined. The text and
    Markdown writers show one flag at a time, so one suffices there; joining the pieces
    gives ``text`` back unchanged."""
    out: list[tuple[str, Flag | None]] = []
    for piece, stack in stacked_pieces(text, marks):
        flag = stack[0] if stack else None
        if out and out[-1][1] is flag:
            out[-1] = (out[-1][0] + piece, flag)
        else:
            out.append((piece, flag))
    return out


def marked_text(
    s: Sentence, flags: tuple[Flag, ...] | list[Flag], side: str, left: str = "«", right: str = "»"
) -> str:
    """A sentence's text with the words flags point at between ``left`` and ``right``."""
    return "".join(
        f"{left}{piece}{right}" if flag is not None else piece
        for piece, flag in marked_pieces(s.text, sentence_marks(flags, side, s.index))
    )


def span_label(report: Report, span: Span) -> str:
    """``translation 3 [10:25] "the words"``: a span for TSV/TMX notes (offsets 0-based)."""
    doc = report.alignment.original if span.side == "original" else report.alignment.translation
    text = next((s.text for s in doc.sentences if s.index == span.sentence), "")
    return f'{span.side} {span.sentence} [{span.start}:{span.end}] "{text[span.start : span.end]}"'


def row_spans(row: Row) -> str:
    """The row's flagged words as ``kind:side:sentence:start-end;...`` (TSV column, TMX prop).

    Offsets are 0-based into the sentence's text, end exclusive, as in the JSON.
    """
    own = {("original", s.index) for s in row.original}
    own |= {("translation", s.index) for s in row.translation}
    return ";".join(
        f"{f.kind}:{sp.side}:{sp.sentence}:{sp.start}-{sp.end}"
        for f in row.flags
        for sp in f.spans
        if (sp.side, sp.sentence) in own
    )
