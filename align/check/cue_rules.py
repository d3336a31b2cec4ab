"""The real-edit cue rules (issue #14, the real dev set), split out of ``align.check.meaning``.

Each cue (``align.check.lexicon_cues``) is flagged when one side has the cue's trigger and
the other side has none of the words that may render it (``lexicon.echo_hits``), whatever
the link's share of matched words: real translations match 55-65 % of their words, and a
cue absent from a whole linked pair is evidence on its own. All minor but a city replaced
by another (``places``). ``LinkWords`` (one link's texts, word correspondence and span
makers) is ``link_words``'.

A cue dropped or replaced spans its words and, on the other side, the content words the
link's word correspondence pairs them with (``LinkWords.partners``): what the cue became
there ("خلال الأيام الماضية" rendered "last week", "المزمع" with no future word, the
neutral word an evaluative one replaced). A dropped word has no partner of its own, so it
spans the partners of its nearest content word on each side inside its clause
(``LinkWords.around``): the phrase it qualified as the other side renders it. An added
source frame gets none: the words of
"according to the Kurdistan Regional Government" that have partners are its names, which
the original names elsewhere, not what the frame renders. A one-sided cue spans every
occurrence of its trigger, since the other side echoes none.
"""

from __future__ import annotations

from align.check.lexicon import (
    agency_hits,
    attribution_hits,
    echo_hits,
    future_hits,
    lost_agencies,
)
from align.check.lexicon_cues import CLAIMABLE_ECHO, ONE_SIDED, QUALIFIER_CUES
from align.check.link_words import Hits, LinkWords, covered
from align.check.places import country_change, place_change
from align.check.spans import link_flag
from align.sentalign.words import FUNCTION_WORDS
from align.types import INSERTION, MEANING_CHANGE, PARTIAL_OMISSION, Flag, Span


def cue_flags(v: LinkWords, oc: Hits, tc: Hits, earlier: list[Flag]) -> list[Flag]:
    """Venue or plan dropped, amount made variety, day swapped, period part dropped,
    evaluative word added or dropped, a city named for its country or another city; and
    the one-sided cues (``lexicon_cues.ONE_SIDED``: a source frame or an intensifier on
    one side, no echo on the other), unless a flag of their kind (``earlier``: the
    link's other word-list flags) already covers their words."""
    flags: list[Flag] = []

    def flag(kind: str, sub: str, detail: str, spans: tuple[Span, ...], sev: str = "minor") -> None:
        spans = tuple(dict.fromkeys(spans))  # two triggers may qualify one phrase
        flags.append(link_flag(v.link, kind, sev, detail, {}, subkind=sub, spans=spans))

    def echoes(c: str, side: str) -> list[tuple[int, int]]:
        text, lang = (v.ttext, v.tl) if side == "translation" else (v.otext, v.ol)
        if c in QUALIFIER_CUES:
            text = f"{text} {v.t_near if side == 'translation' else v.o_near}"
        return echo_hits(c, text, lang)

    def absent(c: str, side: str) -> bool:
        return not echoes(c, side)

    o, t = v.otext, v.ttext

    def changed(sub: str, os_: tuple[int, int], ts: tuple[int, int]) -> None:
        (a, b), (c, d) = os_, ts
        flag(
            MEANING_CHANGE,
            sub,
            f"Meaning changed ({sub}): original \u201c{o[a:b]}\u201d, "
            f"translation \u201c{t[c:d]}\u201d",
            v.osp(a, b) + v.tsp(c, d),
        )

    if "venue" in oc and absent("venue", "translation"):
        a, b = oc["venue"][0]
        if not covered(v.words, "original", a, b):
            flag(
                PARTIAL_OMISSION,
                "attribution",
                f"Partly omitted: the translation drops where it was said \u201c{o[a:b]}\u201d",
                v.osp(a, b) + v.around("original", a, b),
            )
    if "planned" in oc and absent("planned", "translation"):
        a, b = oc["planned"][0]
        fut = _nearest(future_hits(t, v.tl), (a + b) / 2 / max(1, len(o)), len(t))
        said = f", translation \u201c{t[fut[0] : fut[1]]}\u201d" if fut else ""
        flag(
            MEANING_CHANGE,
            "status",
            f"Meaning changed (status): the original says it is planned "
            f"(\u201c{o[a:b]}\u201d){said}",
            v.osp(a, b) + (v.tsp(*fut) if fut else v.around("original", a, b)),
        )
    for x, y in (("amount", "variety"), ("variety", "amount")):
        if x in oc and y in tc and x not in tc and absent(x, "translation"):
            changed("hedge", oc[x][0], tc[y][0])
    days = ("today", "yesterday", "tomorrow")
    for x in (d for d in days if d in oc and d not in tc):
        for y in (d for d in days if d in tc and d not in oc):
            changed("time", oc[x][0], tc[y][0])
    if "period_part" in oc and absent("period_part", "translation"):
        a, b = oc["period_part"][0]
        flag(
            PARTIAL_OMISSION,
            "time",
            f"Partly omitted: the translation makes \u201c{o[a:b]}\u201d less precise",
            v.osp(a, b) + v.around("original", a, b),
        )
    if "loaded" in tc and absent("loaded", "original"):
        c, d = tc["loaded"][0]
        flag(
            INSERTION,
            "framing",
            f"Words added: the translation adds the evaluative \u201c{t[c:d]}\u201d",
            v.tsp(c, d) + v.around("translation", c, d),
        )
    # the one-sided lists exist for ar / ru / en only: another language has no evidence
    known = {v.ol, v.tl} <= {"ar", "ru", "en"}
    # what a one-sided cue is compared with: the spans of the flags before it, and of each
    # one-sided flag its first trigger only (its other words must not hide a later cue)
    seen = [(f.kind, f.spans) for f in flags + earlier]
    for cue, (sub_o, sub_t, (what, noun), sides) in ONE_SIDED.items() if known else ():
        for side, hits, kind, sub in (
            ("translation", tc, INSERTION, sub_t),
            ("original", oc, PARTIAL_OMISSION, sub_o),
        ):
            other = "original" if side == "translation" else "translation"
            if side not in sides or cue not in hits:
                continue
            a, b = hits[cue][0]
            found = echoes(cue, other)
            if found and not (
                cue in CLAIMABLE_ECHO and side == "original" and _echo_claimed(v, a, b, found)
            ):
                continue
            make = v.tsp if side == "translation" else v.osp
            spans = make(a, b)
            if not spans or any(k == kind and _shared(s, spans) for k, s in seen):
                continue  # an evaluative word added is flagged once, not once per list
            seen.append((kind, spans))
            said = (t if side == "translation" else o)[a:b].strip()
            more = tuple(x for c, d in hits[cue][1:] for x in make(c, d))
            if kind == PARTIAL_OMISSION:  # an added frame's paired words are its names
                more += tuple(x for c, d in hits[cue] for x in v.around(side, c, d))
            flag(kind, sub, _one_sided_detail(kind, what, noun, said), spans + more)
    if known and "source" in oc:
        flags += _agency_dropped(v, oc["source"], [(f.kind, f.spans) for f in flags + earlier])
        flags += _frame_uncounted(v, oc["source"], [(f.kind, f.spans) for f in flags + earlier])
    flags += place_change(v, oc, tc) or country_change(v)
    return flags


def _echo_claimed(v: LinkWords, a: int, b: int, echoes: list[tuple[int, int]]) -> bool:
    """Whether every echo (``echoes``: spans of the translation) of the original's
    source frame [a, b) renders another word of the original: each of its content words
    is paired with an original word outside the frame. A translation that drops "по
    словам очевидцев" but renders the sentence's "данные" as "data", or "بحسب مصادر
    أمنية" but renders the sentence's "أخبر" as "told", holds an echo of the frame's
    kind that is not the frame's rendering. An echo with no paired word counts as the
    frame's rendering. A frame that names an agency is left to ``_agency_dropped``,
    which looks for the name beside the link too (a republisher moves "Об этом
    информирует РИА Новости" into its dateline)."""
    if agency_hits(v.otext[a:b], v.ol):
        return False
    wl = v.words
    outside = {
        j
        for i, j in wl.pairs
        if not (a <= wl.orig[i].start and wl.orig[i].end <= b)
        and wl.orig[i].text.lower() not in FUNCTION_WORDS
    }
    for c, d in echoes:
        ids = [
            j
            for j, w in enumerate(wl.trans)
            if c <= w.start and w.end <= d and w.text.lower() not in FUNCTION_WORDS
        ]
        if not ids or not all(j in outside for j in ids):
            return False
    return True


def _agency_dropped(
    v: LinkWords, frames: list[tuple[int, int]], seen: list[tuple[str, tuple[Span, ...]]]
) -> list[Flag]:
    """A news agency the original credits (a source frame in the link, the agency named
    in it) that the translation, with the sentences beside the link, never names. The
    one-sided source cue misses it when the translation keeps another frame ("according to
    a statement" for "a statement ... received by Shafaq News"): the echo is there, the
    agency is gone. The flag spans the frame that names the agency (else the name alone).
    Once per link; not where a partial omission already spans its words."""
    for spans in lost_agencies(v.otext, v.ol, f"{v.ttext} {v.t_near}", v.tl).values():
        a, b = spans[0]
        a, b = next(((x, y) for x, y in frames if x <= a and b <= y), (a, b))
        if found := _source_dropped(v, a, b, seen):
            return found
    return []


def _frame_uncounted(
    v: LinkWords, frames: list[tuple[int, int]], seen: list[tuple[str, tuple[Span, ...]]]
) -> list[Flag]:
    """A source frame of the original ("по данным следствия", "according to the ministry")
    whose link renders fewer who-said-it expressions (``lexicon_cues.ATTRIBUTIONS``) than
    the original holds: the one-sided cue reads the translation's "said", which renders
    the sentence's own speech verb, as the frame's echo. The flag spans the last frame
    (a frame added to a sentence that already says who speaks is the one editors drop).
    Once per link; not where a flag of its kind already spans its words."""
    if v.ol == v.tl:
        return []
    own = len(attribution_hits(v.otext, v.ol))
    rendered = len(attribution_hits(v.ttext, v.tl))
    if own <= rendered or own < 2:
        return []
    a, b = frames[-1]
    if covered(v.words, "original", a, b, content=True):
        return []
    return _source_dropped(v, a, b, seen)


def _source_dropped(
    v: LinkWords, a: int, b: int, seen: list[tuple[str, tuple[Span, ...]]]
) -> list[Flag]:
    """The minor ``partial_omission`` (attribution) on the original's source words [a, b)
    that ``_agency_dropped`` and ``_frame_uncounted`` report, or none when the words have
    no span or a partial omission already spans them."""
    sp = v.osp(a, b)
    if not sp or any(k == PARTIAL_OMISSION and _shared(s, sp) for k, s in seen):
        return []
    detail = _one_sided_detail(PARTIAL_OMISSION, "attribution", "the source ", v.otext[a:b])
    return [
        link_flag(v.link, PARTIAL_OMISSION, "minor", detail, {}, subkind="attribution", spans=sp)
    ]


def _one_sided_detail(kind: str, what: str, noun: str, words: str) -> str:
    if kind == INSERTION:
        return f"Words added ({what}): the translation adds {noun}\u201c{words}\u201d"
    return f"Partly omitted ({what}): the translation drops {noun}\u201c{words}\u201d"


def _shared(a: tuple[Span, ...], b: tuple[Span, ...]) -> bool:
    """Whether two span sets share a character of one sentence."""
    return any(
        x.side == y.side and x.sentence == y.sentence and x.start < y.end and y.start < x.end
        for x in a
        for y in b
    )


def _nearest(spans: list[tuple[int, int]], rel: float, n: int) -> tuple[int, int] | None:
    """The span whose middle sits nearest relative position ``rel`` of a text of ``n``."""
    if not spans:
        return None
    return min(spans, key=lambda s: abs((s[0] + s[1]) / 2 / max(1, n) - rel))
