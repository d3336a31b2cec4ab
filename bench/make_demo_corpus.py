"""Build ``corpora/demo/`` from NTREX-128: Arabic/Russian "originals" and synthetic
English "republications" with known edits (seeded, reproducible).

Run: ``.venv/bin/python bench/make_demo_corpus.py`` (needs ../shared/data/ntrex or
$PROVALIGN_SHARED). Prints one JSON object (what was written) to stdout.

Each republication is the NTREX English side of the document, edited so the demo
shows every kind of change a newsroom makes:

- a new headline added at the top and a translation disclaimer at the end;
- one body paragraph dropped;
- one number changed and one name respelled, made by ``align.synthetic.generate.make_synthetic``
  (the seeded edit generator); the first seed, counting up from the document's base
  seed, that yields exactly one number change and at least one respelling is used and
  recorded, so reruns give the same files. A respelling is a transliteration variant,
  which the checker is designed *not* to flag.

NTREX has no paragraphs, so body sentences are grouped into paragraphs of 2-3 lines
with a seeded RNG. Everything is labelled synthetic in the manifest and the README.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _data import shared_data  # noqa: E402

from align.synthetic.generate import SynthOptions, document_from_lines, make_synthetic  # noqa: E402
from align.types import NUMBER_MISMATCH  # noqa: E402

OUT = ROOT / "corpora" / "demo"
NTREX_FILES = {
    "ar": "newstest2019-ref.arb.txt",
    "ru": "newstest2019-ref.rus.txt",
    "en": "newstest2019-src.eng.txt",
}
LANG_NAMES = {"ar": "Arabic", "ru": "Russian"}
OUTLETS = ("Levant Daily", "Eurasia Monitor", "The Gulf Review", "Steppe News", "Orient Wire")
HEADLINES = (
    "{o} world desk: what you need to know today",
    "In brief from {o}: the story everyone is talking about",
    "{o} exclusive: the full story in translation",
)
DISCLAIMER = (
    "This article was translated from {lang} and edited by {o} staff; the views it "
    "reports do not necessarily reflect those of {o}."
)


@dataclass(frozen=True)
class Pick:
    """An NTREX document and the language that plays the original."""

    doc: str
    lang: str
    seed: int


PICKS = (
    Pick("thelocal.65969", "ar", 11),
    Pick("euronews-en.153800", "ar", 12),
    Pick("nytimes.184804", "ar", 13),
    Pick("bbc.381736", "ru", 21),
    Pick("rt.com.91335", "ru", 22),
)


def paragraphs_of(n_body: int, rng: random.Random) -> list[list[int]]:
    """Group body line indices 1..n_body into paragraphs of 2-3 lines."""
    groups: list[list[int]] = []
    i = 1
    while i <= n_body:
        size = min(rng.choice((2, 2, 3)), n_body - i + 1)
        if n_body - (i + size) + 1 == 1:  # never leave a 1-line last paragraph
            size += 1
        groups.append(list(range(i, min(i + size, n_body + 1))))
        i += size
    return groups


def edit_sentences(
    orig: list[str], en: list[str], lang: str, seed: int, groups: list[list[int]]
) -> tuple[list[str], int, int, int, list[int], int]:
    """One number change and one respelling via ``make_synthetic``, leaving at least one
    body paragraph (not the first) untouched so it can be dropped.

    Returns the edited lines, the seed used, the number-edited line, the respelled line,
    the droppable paragraphs and the number of seeds tried. Extra respellings the
    generator made are reverted so each demo edit is a single, documented change.
    """
    o_doc = document_from_lines(orig, lang)
    t_doc = document_from_lines(en, "en")
    for tried in range(1, 500):
        s = seed * 1000 + tried
        options = SynthOptions(
            seed=s,
            drop_rate=0.0,
            cut_rate=0.0,
            number_rate=0.35,
            name_rate=0.0,
            respell_rate=0.35,
            merge_rate=0.0,
            split_rate=0.0,
            foreign_rate=0.0,
            boilerplate=0,
            move_prob=0.0,
        )
        case = make_synthetic(o_doc, t_doc, options)
        if len(case.sentences) != len(en):
            continue
        numbers = [f.original[0] for f in case.flags if f.kind == NUMBER_MISMATCH]
        flagged = {i for f in case.flags for i in f.original}
        respelled = [
            i
            for i, (a, b) in enumerate(zip(en, case.sentences, strict=True))
            if a != b and i not in flagged
        ]
        if len(numbers) != 1 or not respelled or len(case.flags) != 1:
            continue
        touched = {numbers[0], respelled[0]}
        droppable = [k for k, g in enumerate(groups[1:], 1) if not touched & set(g)]
        if not droppable:
            continue
        edited = [case.sentences[i] if i in touched else en[i] for i in range(len(en))]
        return edited, s, numbers[0], respelled[0], droppable, tried
    raise SystemExit(
        f"no seed gave one number change, a respelling and a droppable paragraph "
        f"for {lang} seed {seed}"
    )


def build(pick: Pick, lines: dict[str, list[str]], ids: list[str]) -> dict[str, object]:
    rows = [i for i, d in enumerate(ids) if d == pick.doc]
    orig = [lines[pick.lang][i].strip() for i in rows]
    en = [lines["en"][i].strip() for i in rows]
    rng = random.Random(pick.seed)
    groups = paragraphs_of(len(rows) - 1, rng)
    edited, used_seed, number_line, respelled, droppable, tried = edit_sentences(
        orig, en, pick.lang, pick.seed, groups
    )
    dropped = rng.choice(droppable)
    outlet = rng.choice(OUTLETS)
    headline = rng.choice(HEADLINES).format(o=outlet)
    disclaimer = DISCLAIMER.format(lang=LANG_NAMES[pick.lang], o=outlet)

    pair_id = f"{pick.lang}-{pick.doc.replace('.', '-')}"
    orig_text = "\n\n".join([orig[0]] + [" ".join(orig[i] for i in g) for g in groups])
    en_paragraphs = [headline, edited[0]] + [
        " ".join(edited[i] for i in g) for k, g in enumerate(groups) if k != dropped
    ]
    en_text = "\n\n".join(en_paragraphs + [disclaimer])
    (OUT / f"{pair_id}.{pick.lang}.txt").write_text(orig_text + "\n", encoding="utf-8")
    (OUT / f"{pair_id}.en.txt").write_text(en_text + "\n", encoding="utf-8")
    edits = {
        "ntrex_document": pick.doc,
        "ntrex_lines_1based": [rows[0] + 1, rows[-1] + 1],
        "synthetic_seed": used_seed,
        "added_headline": headline,
        "added_disclaimer": disclaimer,
        "dropped_paragraph": {"paragraph": dropped + 1, "doc_lines_0based": groups[dropped]},
        "number_changed": {
            "doc_line_0based": number_line,
            "from": en[number_line],
            "to": edited[number_line],
        },
        "name_respelled": {
            "doc_line_0based": respelled,
            "from": en[respelled],
            "to": edited[respelled],
        },
    }
    (OUT / f"{pair_id}.edits.json").write_text(
        json.dumps(edits, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    note = (
        f"SYNTHETIC republication of NTREX {pick.doc}: headline+disclaimer added, "
        f"paragraph {dropped + 1} dropped, 1 number changed, 1 name respelled "
        "(a transliteration variant: not an edit) "
        f"(seed {used_seed})"
    )
    return {
        "id": pair_id,
        "orig": f"{pair_id}.{pick.lang}.txt",
        "trans": f"{pair_id}.en.txt",
        "lang": pick.lang,
        "note": note,
        "lines": edits["ntrex_lines_1based"],
        "doc": pick.doc,
        "sentences": len(rows),
        "seeds_tried": tried,
    }


def main() -> None:
    data = shared_data() / "ntrex"
    lines = {k: (data / v).read_text(encoding="utf-8").split("\n") for k, v in NTREX_FILES.items()}
    ids = [x.strip() for x in (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").split("\n")]
    OUT.mkdir(parents=True, exist_ok=True)
    built = [build(p, lines, ids) for p in PICKS]
    manifest = ["id\toriginal\ttranslation\torig_lang\ttrans_lang\tnote"]
    manifest += [
        f"{b['id']}\t{b['orig']}\t{b['trans']}\t{b['lang']}\ten\t{b['note']}" for b in built
    ]
    (OUT / "manifest.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    shutil.copyfile(data / "LICENSE.md", OUT / "LICENSE.md")
    print(
        json.dumps(
            {
                "out": str(OUT.relative_to(ROOT)),
                "pairs": [
                    {k: b[k] for k in ("id", "doc", "lines", "sentences", "seeds_tried")}
                    for b in built
                ],
            }
        )
    )


if __name__ == "__main__":
    main()
