"""Seeded synthetic "republications" with exact gold links and flags.

Input: an original and a translation that are line-aligned 1:1 (an NTREX document,
a WMT22 document). Output: an edited translation in which a known set of sentences was
dropped, cut, padded with boilerplate or foreign sentences, had a number or a name
changed (or a name merely respelled, which must NOT be flagged), merged, split or moved
as a block. Each sentence takes part in at most one edit, so the gold is unambiguous.

Gold conventions (what ``bench/flags.py`` scores against): consecutive dropped
original sentences form one omission flag; a moved block is one ``reorder`` flag whose
gold links are the omission + addition a monotone aligner must produce for it.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from .errors import InputError
from .names import find_in, mid_sentence_names, name_candidates, skeleton
from .numbers import compare_numbers
from .types import (
    ADDITION,
    MERGE,
    NAME_MISMATCH,
    NUMBER_MISMATCH,
    OMISSION,
    PARTIAL_OMISSION,
    REORDER,
    SPLIT,
    ArticleMeta,
    Document,
    Flag,
    Link,
    Sentence,
)

OUTLETS = ("Levant Daily", "Eurasia Monitor", "The Gulf Review", "Steppe News", "Orient Wire")
# fmt: off
BOILERPLATE = (
    "This article was translated and edited by {o} staff.",
    "This article was originally published in {lang} by {src} and translated by {o}.",
    "Read also: {title}", "Read more: {title}", "Photo: Reuters", "Photo credit: AFP/Getty Images",
    "Source: {src}", "© 2024 {o}. All rights reserved.", "By {person}, {o} correspondent",
    "Translated by {person}", "Follow {o} on Twitter for the latest updates.",
    "The views expressed in this article belong to the author and do not reflect "
    "the editorial policy of {o}.",
)
# fmt: on
PERSONS = ("Maria Kowalski", "Daniel Fernandez", "Sarah Lindqvist", "Tom Gallagher", "Nadia Moreno")
# fmt: off
NEW_NAMES = (
    "Kowalski", "Fernandez", "Okonkwo", "Lindqvist", "Tanaka", "Dubois", "Novak", "Gallagher",
    "Moreno", "Petrakis", "Brennan", "Sorensen", "Vargas", "Whitfield",
)
# fmt: on
_SPLIT_RE = re.compile(r",\s+|;\s+|\s+(?:and|but|while|which|who|after|before|because)\s+")


@dataclass(frozen=True, slots=True)
class SynthOptions:
    """Seed, loading options and the rates of each edit (share of eligible sentences)."""

    seed: int = 0
    presplit: bool = False
    orig_lang: str | None = None
    trans_lang: str | None = None
    drop_rate: float = 0.07
    cut_rate: float = 0.06
    number_rate: float = 0.35  # of sentences whose numbers agree on both sides
    name_rate: float = 0.2  # of sentences with a matched name
    respell_rate: float = 0.2
    merge_rate: float = 0.04
    split_rate: float = 0.04
    foreign_rate: float = 0.04
    boilerplate: int = 2  # inserted boilerplate lines
    move_prob: float = 0.5  # chance that one 2-sentence block is moved


@dataclass(frozen=True, slots=True)
class SyntheticCase:
    """An edited translation and its exact gold."""

    original: Document
    sentences: tuple[str, ...]
    paragraphs: tuple[int, ...]  # paragraph index of each translation sentence
    links: tuple[Link, ...]
    flags: tuple[Flag, ...]


def document_from_lines(lines: Sequence[str], lang: str, path: str = "<synthetic>") -> Document:
    """A Document with one sentence per line (paragraph = line), no loader needed."""
    sents: list[Sentence] = []
    pos = 0
    for i, line in enumerate(lines):
        sents.append(Sentence(i, line, pos, pos + len(line), i, lang))
        pos += len(line) + 1
    return Document(ArticleMeta(path=path, source_format="presplit"), lang, tuple(sents))


def _cut(text: str, rng: random.Random) -> str | None:
    """Remove clauses covering >= 40 % of the sentence (None when it cannot be cut)."""
    cuts = [m for m in _SPLIT_RE.finditer(text)]
    if not cuts:
        return None
    n = len(text)
    options = []
    for m in cuts:
        head, tail = text[: m.start()], text[m.end() :]
        if len(tail) >= 0.4 * n and len(head) >= 0.25 * n:
            options.append(head.rstrip(" ,;") + ("." if not head.endswith(".") else ""))
        if len(head) >= 0.4 * n and len(tail) >= 0.25 * n:
            options.append(tail[:1].upper() + tail[1:])
    return rng.choice(options) if options else None


def _split(text: str) -> tuple[str, str] | None:
    n = len(text)
    best = None
    for m in _SPLIT_RE.finditer(text):
        if 0.3 * n <= m.start() <= 0.7 * n:
            best = m
            break
    if best is None:
        return None
    a = text[: best.start()].rstrip(" ,;") + "."
    b = text[best.end() :]
    return a, b[:1].upper() + b[1:]


_DIGIT_RE = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")


def _change_number(text: str, rng: random.Random) -> str | None:
    ms = list(_DIGIT_RE.finditer(text))
    if not ms:
        return None
    m = rng.choice(ms)
    raw = m.group(0)
    digits = [i for i, c in enumerate(raw) if c.isdigit()]
    plain = raw.replace(",", "")
    if plain.isdigit() and 1900 <= int(plain) <= 2099:
        new = str(int(plain) + rng.choice([-3, -2, -1, 1, 2, 3]))
    else:
        first = digits[0]
        choices = [d for d in "123456789" if d != raw[first]]
        new = raw[:first] + rng.choice(choices) + raw[first + 1 :]
    return text[: m.start()] + new + text[m.end() :]


def _respell(name: str, rng: random.Random) -> str | None:
    vowels = "aeiou"
    ops = []
    for i, c in enumerate(name[1:], 1):
        if c in vowels:
            ops.append(name[:i] + rng.choice([v for v in vowels if v != c]) + name[i + 1 :])
            ops.append(name[: i + 1] + "h" + name[i + 1 :])
        elif c.isalpha() and c not in "hwy" and name[i - 1] in vowels:
            ops.append(name[:i] + c + name[i:])
    ops = [o for o in ops if o != name and skeleton(o) == skeleton(name)]
    return rng.choice(ops) if ops else None


def make_synthetic(
    original: Document,
    translation: Document,
    options: SynthOptions,
    foreign: Sequence[str] = (),
) -> SyntheticCase:
    """Edit ``translation`` (1:1 with ``original``) and return the case with its gold."""
    if len(original.sentences) != len(translation.sentences):
        raise InputError(
            "synthetic edits need 1:1 line-aligned inputs of equal length",
            path=translation.meta.path,
        )
    rng = random.Random(options.seed)
    ot, tt = original.texts, translation.texts
    n = len(ot)
    known = mid_sentence_names(tt, translation.lang)
    # substituted names are drawn without replacement and never from the document itself:
    # one invented name repeated across sentences looks like the outlet's own rendering
    # of a name (which the name check rightly keeps), so gold that reused a name was
    # unreachable for an honest detector (a generator artefact, fixed in round 3)
    used = {x.casefold() for x in NEW_NAMES if x.casefold() in " ".join(tt).casefold()}
    free = set(range(1, n))  # never edit the headline
    edits: dict[int, tuple[str, object]] = {}

    def take(kind: str, rate: float, ok: object) -> None:
        for i in sorted(free):
            if i in free and rng.random() < rate:
                res = ok(i)  # type: ignore[operator]
                if res is not None:
                    edits[i] = (kind, res)
                    free.discard(i)

    take(
        "number",
        options.number_rate,
        lambda i: _number_edit(ot[i], tt[i], original.lang, translation.lang, rng),
    )
    take(
        "name",
        options.name_rate,
        lambda i: _name_edit(ot[i], tt[i], translation.lang, known, rng, False, used),
    )
    take(
        "respell",
        options.respell_rate,
        lambda i: _name_edit(ot[i], tt[i], translation.lang, known, rng, True, used),
    )
    take("cut", options.cut_rate, lambda i: _cut(tt[i], rng))
    take("split", options.split_rate, lambda i: _split(tt[i]))
    take("merge", options.merge_rate, lambda i: i + 1 if i + 1 in free and i + 1 < n else None)
    for kind, arg in list(edits.values()):
        if kind == "merge":
            free.discard(int(arg))  # type: ignore[call-overload]
    take("drop", options.drop_rate, lambda i: True)
    move: tuple[int, int, int] | None = None
    moved_orig: tuple[int, ...] = ()
    if rng.random() < options.move_prob:
        starts = [i for i in range(1, n - 1) if i in free and i + 1 in free]
        if starts and n >= 8:
            s = rng.choice(starts)
            dests = [d for d in range(1, n + 1) if abs(d - s) >= 3 and not s <= d <= s + 2]
            if dests:
                move = (s, s + 2, rng.choice(dests))
                free -= {s, s + 1}

    # units: (text, original indices, gold kind)
    units: list[tuple[str, tuple[int, ...], str]] = []
    moved: list[tuple[str, tuple[int, ...], str]] = []
    skip: set[int] = set()
    for i in range(n):
        if i in skip:
            continue
        kind, arg = edits.get(i, ("", None))
        target = moved if move and move[0] <= i < move[1] else units
        if move and i == move[0]:
            units.append(("<MOVED>", (), "moved"))
        if kind == "drop":
            units.append(("", (i,), "drop"))
        elif kind == "merge":
            j = int(arg)  # type: ignore[call-overload]
            units.append((tt[i].rstrip() + " " + tt[j].lstrip(), (i, j), "merge"))
            skip.add(j)
        elif kind == "split":
            first, second = cast("tuple[str, str]", arg)
            units.append((first + "\n" + second, (i,), "split"))
        elif kind in ("number", "name", "cut", "respell"):
            units.append((str(arg), (i,), kind))
        else:
            target.append((tt[i], (i,), "moved" if target is moved else "same"))
    if move:
        at = units.index(("<MOVED>", (), "moved"))
        units[at : at + 1] = [(t, o, "omit-moved") for t, o, _ in moved]
        # destination in terms of original position
        dest = next((k for k, u in enumerate(units) if u[1] and u[1][0] >= move[2]), len(units))
        units[dest:dest] = [(t, (), "add-moved") for t, _, _ in moved]
        moved_orig = tuple(o[0] for _, o, _ in moved)
    # additions
    src = "RIA Novosti" if original.lang == "ru" else "Al-Ahram"
    lang_name = {"ru": "Russian", "ar": "Arabic"}.get(original.lang, "the original language")
    for _ in range(options.boilerplate):
        tpl = rng.choice(BOILERPLATE)
        line = tpl.format(
            o=rng.choice(OUTLETS),
            lang=lang_name,
            src=src,
            person=rng.choice(PERSONS),
            title=rng.choice(foreign) if foreign else "Markets in focus this week",
        )
        pos = rng.choice(
            [0, len(units)] + ([rng.randrange(1, len(units))] if len(units) > 2 else [])
        )
        units.insert(pos, (line, (), "boilerplate"))
    for f in foreign:
        if rng.random() < options.foreign_rate * n / max(1, len(foreign)):
            units.insert(rng.randrange(1, len(units) + 1), (f, (), "content"))
    return _assemble(original, units, moved_orig if move else ())


def _number_edit(o: str, t: str, ol: str, tl: str, rng: random.Random) -> str | None:
    diff = compare_numbers(o, ol, t, tl)
    if diff.only_original or diff.only_translation or not re.search(r"\d", t):
        return None
    new = _change_number(t, rng)
    if new is None:
        return None
    d2 = compare_numbers(o, ol, new, tl)
    return new if d2.only_translation else None


def _name_edit(
    o: str,
    t: str,
    lang: str,
    known: frozenset[str],
    rng: random.Random,
    respell: bool,
    used: set[str],
) -> str | None:
    cands = [c for c in name_candidates(t, lang, known) if len(c.skeleton) >= 3 and find_in(c, o)]
    if not cands:
        return None
    c = rng.choice(cands)
    if respell:
        new = _respell(c.text, rng)
    else:
        pool = [
            x
            for x in NEW_NAMES
            if find_in(name_candidates("x " + x, "en")[0], o) is None
            and x.casefold() not in t.casefold()
            and x.casefold() not in used
        ]
        new = rng.choice(pool) if pool else None
        if new is not None:
            used.add(new.casefold())
    if new is None:
        return None
    poss = re.search(r"['’]s$", c.text)
    if poss and not respell:  # Mexico's -> Brennan's, not "Brennan capital"
        new += poss.group(0)
    return re.sub(rf"\b{re.escape(c.text)}\b", new, t, count=1)


def _assemble(
    original: Document, units: list[tuple[str, tuple[int, ...], str]], moved_orig: tuple[int, ...]
) -> SyntheticCase:
    sents: list[str] = []
    links: list[Link] = []
    flags: list[Flag] = []
    moved_trans: list[int] = []
    for text, orig, kind in units:
        if kind in ("drop", "omit-moved"):
            links.append(Link(orig, (), 0.0))
            if kind == "drop":
                prev = flags[-1] if flags else None
                if (
                    prev
                    and prev.kind == OMISSION
                    and prev.original[-1] + 1 == orig[0]
                    and links[-2].translation == ()
                ):
                    flags[-1] = Flag(OMISSION, "major", prev.original + orig, (), "omitted")
                else:
                    flags.append(Flag(OMISSION, "major", orig, (), "omitted"))
            continue
        parts = text.split("\n")
        idx = tuple(range(len(sents), len(sents) + len(parts)))
        sents.extend(parts)
        links.append(Link(orig, idx, 1.0 if orig else 0.0))
        gold = {
            "merge": (MERGE, "info", None),
            "split": (SPLIT, "info", None),
            "cut": (PARTIAL_OMISSION, "major", None),
            "number": (NUMBER_MISMATCH, "major", None),
            "name": (NAME_MISMATCH, "major", None),
            "boilerplate": (ADDITION, "info", "boilerplate"),
            "content": (ADDITION, "major", "content"),
        }.get(kind)
        if gold:
            flags.append(Flag(gold[0], gold[1], orig, idx, kind, subkind=gold[2]))
        if kind == "add-moved":
            moved_trans.extend(idx)
    if moved_orig:
        flags.append(Flag(REORDER, "minor", moved_orig, tuple(moved_trans), "moved"))
    return SyntheticCase(
        original, tuple(sents), tuple(range(len(sents))), tuple(links), tuple(flags)
    )


def write_synthetic(
    orig_path: Path, trans_path: Path, out_dir: Path, options: SynthOptions
) -> list[Path]:
    """Write translation.txt, original.txt, gold.links and gold.flags.json into ``out_dir``."""
    from .links import format_ladder  # noqa: PLC0415 - lead's module, loaded on use

    orig_doc, trans_doc = _load(orig_path, trans_path, options)
    case = make_synthetic(orig_doc, trans_doc, options)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        paths = [
            out_dir / "translation.txt",
            out_dir / "original.txt",
            out_dir / "gold.links",
            out_dir / "gold.flags.json",
        ]
        paths[0].write_text("\n".join(case.sentences) + "\n", encoding="utf-8")
        paths[1].write_text("\n".join(orig_doc.texts) + "\n", encoding="utf-8")
        paths[2].write_text(format_ladder(case.links, with_score=False), encoding="utf-8")
        rows = [
            {
                "kind": f.kind,
                "subkind": f.subkind,
                "severity": f.severity,
                "original": list(f.original),
                "translation": list(f.translation),
                "detail": f.detail,
            }
            for f in case.flags
        ]
        paths[3].write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", path=str(out_dir)) from exc
    return paths


def _load(orig_path: Path, trans_path: Path, options: SynthOptions) -> tuple[Document, Document]:
    try:
        from .document import LoadOptions, load_pair
    except ImportError:  # the loader is not there yet: plain one-line-per-sentence files
        docs = []
        for p, lang in ((orig_path, options.orig_lang), (trans_path, options.trans_lang)):
            try:
                lines = [x for x in Path(p).read_text(encoding="utf-8").splitlines() if x.strip()]
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"cannot read: {exc}", path=str(p)) from exc
            docs.append(document_from_lines(lines, lang or "en", str(p)))
        return docs[0], docs[1]
    return load_pair(
        orig_path,
        trans_path,
        LoadOptions(presplit=options.presplit, lang=options.orig_lang),
        LoadOptions(presplit=options.presplit, lang=options.trans_lang),
    )
