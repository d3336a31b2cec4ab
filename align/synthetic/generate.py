"""Seeded synthetic "republications" with exact gold links and flags.

Input: an original and a translation that are line-aligned 1:1 (an NTREX document,
a WMT22 document). Output: an edited translation in which a known set of sentences was
dropped, cut, padded with boilerplate or foreign sentences, had a number or a name
changed (or a name merely respelled, which must NOT be flagged), merged, split or moved
as a block. Each sentence takes part in at most one edit, so the gold is unambiguous.
This module chooses and applies the edits; ``align.synthetic.gold`` turns the edited
text into the case and its gold links and flags.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from align.atomic import write_atomic
from align.errors import InputError
from align.read.limits import refuse_special_file
from align.synthetic.gold import SyntheticCase, Unit, gold_case
from align.synthetic.sentence_edits import (
    BOILERPLATE,
    NEW_NAMES,
    OUTLETS,
    PERSONS,
    cut_clauses,
    name_edit,
    number_edit,
    split_sentence,
)
from align.synthetic.word_edits import WordEdit, word_level_edits
from align.text.names import mid_sentence_names
from align.types import ArticleMeta, Document, Sentence


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
    word_rate: float = 0.12  # of unedited sentences: an edit inside the sentence (word_edits)
    merge_rate: float = 0.04
    split_rate: float = 0.04
    foreign_rate: float = 0.04
    boilerplate: int = 2  # inserted boilerplate lines
    move_prob: float = 0.5  # chance that one 2-sentence block is moved


def document_from_lines(lines: Sequence[str], lang: str, path: str = "<synthetic>") -> Document:
    """A Document with one sentence per line (paragraph = line), no loader needed."""
    sents: list[Sentence] = []
    pos = 0
    for i, line in enumerate(lines):
        sents.append(Sentence(i, line, pos, pos + len(line), i, lang))
        pos += len(line) + 1
    return Document(ArticleMeta(path=path, source_format="presplit"), lang, tuple(sents))


Edits = dict[int, tuple[str, object]]  # sentence -> (edit kind, what the edit needs)


def make_synthetic(
    original: Document,
    translation: Document,
    options: SynthOptions,
    foreign: Sequence[str] = (),
) -> SyntheticCase:
    """Edit ``translation`` (1:1 with ``original``) and return the case with its gold.

    The steps draw from one seeded generator in a fixed order (sentence edits, the moved
    block, then the added lines), so a seed names one case; word-level edits draw from
    their own generator seeded alike.
    """
    if len(original.sentences) != len(translation.sentences):
        raise InputError(
            "synthetic edits need 1:1 line-aligned inputs of equal length",
            path=translation.meta.path,
        )
    rng = random.Random(options.seed)
    ot, tt = original.texts, translation.texts
    n = len(ot)
    edits, free = _sentence_edits(original, translation, options, rng)
    move = _choose_move(n, free, options, rng)
    in_move = set(range(move[0], move[1])) if move else set()
    words = word_level_edits(
        ot, tt, original.lang, sorted(free - in_move), options.word_rate, options.seed
    )
    ot = [words[i].original if i in words else x for i, x in enumerate(ot)]
    if words:
        original = document_from_lines(ot, original.lang, original.meta.path)
    units, moved_orig = _units(tt, edits, words, move)
    _add_lines(units, original.lang, n, options, foreign, rng)
    return gold_case(original, units, moved_orig, words, tt)


def _sentence_edits(
    original: Document, translation: Document, options: SynthOptions, rng: random.Random
) -> tuple[Edits, set[int]]:
    """Which sentences get which whole-sentence edit, and which are left free.

    Each kind in turn visits the free sentences and takes one at its rate when the edit
    applies there (a number edit needs numbers that agree, a name edit a matched name),
    so the kinds never overlap. The headline (sentence 0) is never edited.
    """
    ot, tt = original.texts, translation.texts
    n = len(ot)
    known = mid_sentence_names(tt, translation.lang)
    # substituted names are drawn without replacement and never from the document itself:
    # one invented name repeated across sentences looks like the outlet's own rendering
    # of a name (which the name check rightly keeps), so gold that reused a name was
    # unreachable for an honest detector (a generator artefact, fixed in round 3)
    used = {x.casefold() for x in NEW_NAMES if x.casefold() in " ".join(tt).casefold()}
    free = set(range(1, n))  # never edit the headline
    edits: Edits = {}

    def take(kind: str, rate: float, ok: Callable[[int], object | None]) -> None:
        for i in sorted(free):
            if i in free and rng.random() < rate:
                res = ok(i)
                if res is not None:
                    edits[i] = (kind, res)
                    free.discard(i)

    take(
        "number",
        options.number_rate,
        lambda i: number_edit(ot[i], tt[i], rng),
    )
    take(
        "name",
        options.name_rate,
        lambda i: name_edit(ot[i], tt[i], translation.lang, known, rng, False, used),
    )
    take(
        "respell",
        options.respell_rate,
        lambda i: name_edit(ot[i], tt[i], translation.lang, known, rng, True, used),
    )
    take("cut", options.cut_rate, lambda i: cut_clauses(tt[i], rng))
    take("split", options.split_rate, lambda i: split_sentence(tt[i]))
    take("merge", options.merge_rate, lambda i: i + 1 if i + 1 in free and i + 1 < n else None)
    for kind, arg in list(edits.values()):
        if kind == "merge":
            free.discard(cast("int", arg))
    take("drop", options.drop_rate, lambda i: True)
    return edits, free


def _choose_move(
    n: int, free: set[int], options: SynthOptions, rng: random.Random
) -> tuple[int, int, int] | None:
    """Maybe one block of two free sentences moved at least 3 places: (start, end, dest).

    Only documents of 8+ sentences, so a move is not most of the text. The moved
    sentences leave ``free``.
    """
    if rng.random() < options.move_prob:
        starts = [i for i in range(1, n - 1) if i in free and i + 1 in free]
        if starts and n >= 8:
            s = rng.choice(starts)
            dests = [d for d in range(1, n + 1) if abs(d - s) >= 3 and not s <= d <= s + 2]
            if dests:
                free -= {s, s + 1}
                return (s, s + 2, rng.choice(dests))
    return None


def _units(
    tt: Sequence[str],
    edits: Edits,
    words: dict[int, WordEdit],
    move: tuple[int, int, int] | None,
) -> tuple[list[Unit], tuple[int, ...]]:
    """The edited translation as units in order, and the original indices that moved.

    A moved block leaves an ``omit-moved`` unit at its place and reappears as
    ``add-moved`` before the first unit whose original index reaches its destination
    (the gold of a move is an omission plus an addition that match).
    """
    units: list[Unit] = []
    moved: list[Unit] = []
    skip: set[int] = set()
    for i in range(len(tt)):
        if i in skip:
            continue
        kind, arg = edits.get(i, ("", None))
        target = moved if move and move[0] <= i < move[1] else units
        if move and i == move[0]:
            units.append(("<MOVED>", (), "moved"))
        if kind == "drop":
            units.append(("", (i,), "drop"))
        elif kind == "merge":
            j = cast("int", arg)
            units.append((tt[i].rstrip() + " " + tt[j].lstrip(), (i, j), "merge"))
            skip.add(j)
        elif kind == "split":
            first, second = cast("tuple[str, str]", arg)
            units.append((first + "\n" + second, (i,), "split"))
        elif kind in ("number", "name", "cut", "respell"):
            units.append((str(arg), (i,), kind))
        elif i in words:
            units.append((words[i].translation, (i,), "word"))
        else:
            target.append((tt[i], (i,), "moved" if target is moved else "same"))
    if not move:
        return units, ()
    at = units.index(("<MOVED>", (), "moved"))
    units[at : at + 1] = [(t, o, "omit-moved") for t, o, _ in moved]
    # destination in terms of original position
    dest = next((k for k, u in enumerate(units) if u[1] and u[1][0] >= move[2]), len(units))
    units[dest:dest] = [(t, (), "add-moved") for t, _, _ in moved]
    return units, tuple(o[0] for _, o, _ in moved)


def _add_lines(
    units: list[Unit],
    lang: str,
    n: int,
    options: SynthOptions,
    foreign: Sequence[str],
    rng: random.Random,
) -> None:
    """Insert the additions: republisher boilerplate at the start, the end or inside, and
    sentences of ``foreign`` (other documents) at the ``foreign_rate``."""
    src = "RIA Novosti" if lang == "ru" else "Al-Ahram"
    lang_name = {"ru": "Russian", "ar": "Arabic"}.get(lang, "the original language")
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


def write_synthetic(
    orig_path: Path, trans_path: Path, out_dir: Path, options: SynthOptions
) -> list[Path]:
    """Write translation.txt, original.txt, gold.links and gold.flags.json into ``out_dir``."""
    from align.sentalign.links import format_ladder  # noqa: PLC0415 - lead's module, loaded on use

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
        write_atomic(paths[0], "\n".join(case.sentences) + "\n")
        write_atomic(paths[1], "\n".join(case.original.texts) + "\n")
        write_atomic(paths[2], format_ladder(case.links, with_score=False))
        rows = [
            {
                "kind": f.kind,
                "subkind": f.subkind,
                "severity": f.severity,
                "original": list(f.original),
                "translation": list(f.translation),
                "detail": f.detail,
                "spans": [
                    {"side": x.side, "sentence": x.sentence, "start": x.start, "end": x.end}
                    for x in f.spans
                ],
            }
            for f in case.flags
        ]
        write_atomic(paths[3], json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", path=str(out_dir)) from exc
    return paths


def _load(orig_path: Path, trans_path: Path, options: SynthOptions) -> tuple[Document, Document]:
    try:
        from align.read.document import LoadOptions, load_pair
    except ImportError:  # the loader is not there yet: plain one-line-per-sentence files
        docs = []
        for p, lang in ((orig_path, options.orig_lang), (trans_path, options.trans_lang)):
            refuse_special_file(p)
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
