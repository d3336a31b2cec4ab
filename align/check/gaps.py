"""Omission, addition (boilerplate / content) and reorder flags from unlinked sentences.

Split out of ``align.check.flags`` (which keeps the per-link checks and the summary) to keep
modules small. Decisions:

* 1-0 / 0-1 links are omissions / additions; consecutive ones form one flag.
* An omission whose text closely matches an addition elsewhere is one moved passage
  (the aligner is monotone), reported as ``reorder`` instead of the two
  (``FlagOptions.reorder_sim``).
* An added sentence is boilerplate when a republisher pattern matches (``BOILERPLATE_RE``)
  or it is close to an exemplar disclaimer (``boilerplate_sim``); an unlinked first line
  that is a headline (``text.shape.is_headline``: the reader's kind, else short without a
  final stop) is a headline the original lacks. A sentence with no letter or digit
  (``text.shape.has_words``: a stray "." left by the page) is debris: info, never major.
* Pairs of unrelated sentences were already unlinked by the aligner's repairs
  (``align.sentalign.repair.unlink_unrelated``).
* An added sentence that a one-sentence shift of the neighbouring links explains better
  (``align.check.boundary.slipped_additions``) is an info split, not an addition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from align.check.boundary import repeated_sentence, slipped_additions
from align.sentalign.moves import Draft, move_pairs
from align.text.shape import BOILERPLATE_RE, has_terminal, has_words, is_headline, short_heading
from align.types import ADDITION, OMISSION, REORDER, Alignment, Flag, Link, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from align.check.context import FlagContext


# fmt: off
BOILER_EXEMPLARS = (
    "This article was translated and edited by our staff.",
    "This article was originally published in Arabic.",
    "Read also: the latest news from the region", "Photo credit: Reuters", "Source: news agency",
    "Copyright 2024. All rights reserved.", "By John Smith, staff correspondent",
    "Follow us on Twitter for the latest updates.",
    "The views expressed in this article are the author's own.",
)
# fmt: on


def trans_anchor(links: tuple[Link, ...], j: int) -> float:
    """Sort key for translation-only flags: just after the preceding original sentence."""
    last = -1
    for lk in links:
        if j in lk.translation:
            return last + 0.5
        if lk.original:
            last = lk.original[-1]
    return last + 0.5


def _groups(links: tuple[Link, ...], side: str) -> list[tuple[int, ...]]:
    """Runs of consecutive 1-0 (side='original') or 0-1 links."""
    out: list[list[int]] = []
    prev_gap = False
    for lk in links:
        mine, other = (
            (lk.original, lk.translation) if side == "original" else (lk.translation, lk.original)
        )
        gap = bool(mine) and not other
        if gap and prev_gap:
            out[-1].extend(mine)
        elif gap:
            out.append(list(mine))
        prev_gap = gap or (not mine and not other)
    return [tuple(g) for g in out]


def gap_flags(ctx: FlagContext) -> list[Flag]:
    """Omission, addition and reorder flags from the unlinked sentences."""
    al, o = ctx.alignment, ctx.options
    ot, tt = al.original.texts, al.translation.texts
    draft = Draft(al.original.texts, al.translation.texts, al.links)
    # a line without words ("* * *" moved to "----") is debris, not a moved passage: it
    # stays a gap (an info note) instead of a reorder flag pairing rules with bullets
    moves = move_pairs(draft, ctx.encoder, o.reorder_sim, o.reorder_extend_sim)
    moved_o = {i for i, _ in moves if has_words(ot[i])}
    moved_t = {j for _, j in moves if has_words(tt[j])}
    added = al.unlinked("translation")
    flags: list[Flag] = []
    linked = {i for lk in al.links if lk.translation for i in lk.original}
    for g in _groups(al.links, "original"):
        rest = tuple(i for i in g if i not in moved_o)
        for run, again in _parts(ctx, linked, rest):
            chars = sum(len(ot[i]) for i in run)
            sev = "major" if chars > o.major_omission_chars or len(run) > 1 else "minor"
            if not any(has_words(ot[i]) for i in run):
                sev = "info"
            n = len(run)
            what = (
                f"{n} sentence{'s' * (n > 1)} of the original ({chars} characters) "
                f"{'have' if n > 1 else 'has'} no counterpart in the translation"
            )
            if sev != "info" and _inner_heading(al, run):
                # a subheading or a related article's title between paragraphs ("Лукашенко:
                # открытая и миролюбивая политика ..." in a BelTA page): a republisher drops
                # those with the page, and an added one is a note; as major it made a
                # faithful translation EDITED
                sev, what = (
                    "minor",
                    f"a heading of the original ({chars} characters) is not in the translation",
                )
            evidence: dict[str, int] = {"sentences": n, "chars": chars}
            if again is not None and sev != "info":
                sev, evidence["repeated_in"] = "minor", again
                what += f" (the original repeats it in sentence {again + 1}, which is rendered)"
            flags.append(Flag(OMISSION, sev, run, (), f"Omitted: {what}", evidence))
    if moved_o:
        for run in _runs(tuple(sorted(moved_o))):
            tr = tuple(sorted(j for i, j in moves if i in run and j in moved_t))
            flags.append(
                Flag(
                    REORDER,
                    "minor",
                    run,
                    tr,
                    # "elsewhere in the translation (sentence 5)" for original sentence 5
                    # read as "not moved" (a fourth user)
                    f"Moved: original {_show(run)} "
                    f"{'are' if len(run) > 1 else 'is'} rendered out of order, as "
                    f"translation {_show(tr)}",
                    {"similarity_threshold": o.reorder_sim},
                )
            )
    boiler, headings = _boilerplate(ctx, [j for j in added if j not in moved_t])
    slipped = slipped_additions(ctx, [j for j in added if j not in moved_t and j not in boiler])
    flags += list(slipped.values())
    for g in _groups(al.links, "translation"):
        rest = tuple(j for j in g if j not in moved_t and j not in slipped)
        for run in _runs(rest):
            for sub in _split_by(run, boiler):
                kind = "boilerplate" if sub[0] in boiler else "content"
                heading = all(j in headings for j in sub)
                detail = (
                    "Added: translation has text with no source in the original: "
                    if kind == "content"
                    else _line_label(al.translation.sentences, sub)
                    if heading
                    else "Added boilerplate not in the original: "
                )
                severity = "info" if kind == "boilerplate" else "major"
                if kind == "content" and _deck(al, sub):
                    severity, detail = "minor", "Added deck (a summary line under the headline): "
                flags.append(
                    Flag(
                        ADDITION,
                        severity,
                        (),
                        sub,
                        detail + quote(" ".join(tt[j] for j in sub)),
                        {"sentences": len(sub)},
                        subkind=kind,
                    )
                )
    return flags


def _deck(al: Alignment, run: tuple[int, ...]) -> bool:
    """An added line above the article's first linked sentence, a paragraph of its own
    without a final stop: the deck (standfirst) an English edition puts under its
    headline ("Priyanka Chopra introduced as UNICEF's newest Goodwill Ambassador during
    the event"). It restates or frames the story, an addition worth a look (minor), not
    new content in the body (a seventh user's faithful UNICEF release was "EDITED: 1
    major change" by its deck); one line, ``TITLE_LINE_MAX_CHARS`` at most."""
    first = min((j for lk in al.links if lk.original for j in lk.translation), default=0)
    return len(run) == 1 and run[0] < first and _own_line(al.translation.sentences, run[0])


def _line_label(sentences: tuple[Sentence, ...], run: tuple[int, ...]) -> str:
    """What an added short line is called: a date line ("14 March 2023, 16:02", the
    reader's ``dateline`` kind), a closing line after the last body sentence (a byline,
    "Kudrenok Tatyana"), else a heading. "Added heading" on a byline sent a reader looking
    for a headline that is not there."""
    if all(sentences[j].kind == "dateline" for j in run):
        return "Added date line not in the original: "
    if run[0] and all(s.kind != "body" for s in sentences[run[-1] + 1 :]):
        return "Added closing line (a byline or credit) not in the original: "
    return "Added heading not in the original: "


def _runs(idx: tuple[int, ...]) -> list[tuple[int, ...]]:
    out: list[list[int]] = []
    for i in idx:
        if out and out[-1][-1] + 1 == i:
            out[-1].append(i)
        else:
            out.append([i])
    return [tuple(r) for r in out]


def _split_by(run: tuple[int, ...], marked: set[int]) -> list[tuple[int, ...]]:
    out: list[list[int]] = []
    for j in run:
        if out and ((out[-1][-1] in marked) == (j in marked)) and j not in marked:
            out[-1].append(j)
        else:
            out.append([j])
    return [tuple(r) for r in out]


def _boilerplate(ctx: FlagContext, added: list[int]) -> tuple[set[int], set[int]]:
    """Added translation sentences that are republisher boilerplate (regex or exemplar),
    or a heading the original lacks; and which of them are headings only (their message
    says heading: "Read more" is short without a stop too, but a republisher's line)."""
    tt = ctx.alignment.translation.texts
    # a photo caption ends with its credit ("... global tour.©ILO"): a ninth user's
    # faithful ILO release was "EDITED: 1 major change" by its caption
    out = {j for j in added if BOILERPLATE_RE.search(tt[j]) or not has_words(tt[j]) or "©" in tt[j]}
    rest = [j for j in added if j not in out]
    if rest:
        sims = (
            ctx.encoder.encode([tt[j] for j in rest]) @ ctx.encoder.encode(list(BOILER_EXEMPLARS)).T
        )
        out |= {
            j for j, row in zip(rest, sims, strict=True) if row.max() >= ctx.options.boilerplate_sim
        }
    # a heading the original lacks: the first translation sentence, unlinked, and a heading
    # by the reader's kind (else short, no final stop); further down, a subheading the
    # editor added ("# Greenland" between two answers of an interview): a few words without
    # a final stop (a deck of fifteen words, "The UAE's top diplomat underscored ...", says
    # something of its own and stays content, whatever the reader's kind)
    headings = {j for j in added if j and short_heading(tt[j])}
    if 0 in added and (
        is_headline(tt[0], ctx.alignment.translation.sentences[0].kind) or _title_line(ctx)
    ):
        headings.add(0)
    return out | headings, headings - out


# a long headline on a line of its own ("... development of cooperation in different parts
# of the world", 133 characters) is still a headline up to this length
TITLE_LINE_MAX_CHARS = 200


def _title_line(ctx: FlagContext) -> bool:
    """The translation's first sentence is a paragraph of its own without a final stop,
    however long: a headline (133 characters, over the reader's 120 for a heading, was a
    major addition in a sixth user's run)."""
    sents = ctx.alignment.translation.sentences
    if sents[0].kind == "list_item":
        return False  # the reader saw a bullet: never a headline (``is_headline``)
    return len(sents) > 1 and _own_line(sents, 0)


def _own_line(sents: tuple[Sentence, ...], j: int) -> bool:
    """Sentence ``j`` is a paragraph of its own without a final stop, of at most
    ``TITLE_LINE_MAX_CHARS``: how a headline or a deck stands on the page."""
    alone = sum(s.paragraph == sents[j].paragraph for s in sents) == 1
    text = sents[j].text.strip()
    return alone and not has_terminal(text) and len(text) <= TITLE_LINE_MAX_CHARS


def _parts(
    ctx: FlagContext, linked: set[int], idx: tuple[int, ...]
) -> list[tuple[tuple[int, ...], int | None]]:
    """Omitted original sentences as runs to flag, each with the linked sentence that
    repeats it (or None). A date line and a sentence the original repeats in a rendered
    sentence stand alone: a run of a date line and three summary bullets whose words the
    body repeats ("29 أكتوبر 2023 02:21 م", "- ضد التطبيع مع اسرائيل ...") was one major
    omission; now a furniture note and minor omissions saying where the words are."""
    sents = ctx.alignment.original.sentences
    out: list[tuple[tuple[int, ...], int | None]] = []
    for run in _runs(idx):
        chunk: list[int] = []
        for i in run:
            again = repeated_sentence(ctx, linked, i)
            if again is None and sents[i].kind != "dateline":
                chunk.append(i)
                continue
            if chunk:
                out.append((tuple(chunk), None))
                chunk = []
            out.append(((i,), again))
        if chunk:
            out.append((tuple(chunk), None))
    return out


def _inner_heading(al: Alignment, run: tuple[int, ...]) -> bool:
    """One original line between body sentences that is a heading (``is_headline``)."""
    sents = al.original.sentences
    return (
        len(run) == 1
        and 0 < run[0] < len(sents) - 1
        and is_headline(sents[run[0]].text, sents[run[0]].kind)
    )


def _show(idx: tuple[int, ...]) -> str:
    """Sentence numbers for a person: from 1, as every report's human text numbers them
    (the flag's ``original``/``translation`` fields keep the 0-based offsets), and named
    as sentences ("#6" read as the HTML table's row 6)."""
    if len(idx) == 1:
        return f"sentence {idx[0] + 1}"
    return f"sentences {idx[0] + 1}-{idx[-1] + 1}"


def quote(text: str, n: int = 90) -> str:
    """``text`` in quotation marks for a flag's detail, cut at a word boundary after about
    ``n`` characters. Typographic marks, as the reports quote sentences: an article's own
    opening quote made ``""Real premises ... creat..."``."""
    if len(text) > n:
        cut = text[:n].rsplit(" ", 1)[0] if " " in text[:n] else text[:n]
        text = cut.rstrip(" ,;:") + "\u2026"
    return f"\u201c{text}\u201d"
