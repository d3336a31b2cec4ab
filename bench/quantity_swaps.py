"""How faithful translators render words of quantity: the count behind ``PROPORTION_SWAPS``.

``check`` calls a quantity word replaced by another value of its class a meaning change
only for some pairs of values (``align.check.lexicon_subs``: a change of magnitude, and a
swap with "most"). Which pairs may count is read off faithful translations: here every
sentence pair of ``bench/flags.py``'s documents (NTREX ar-en and ru-en, WMT22 ru-en:
professional translations, unedited), counted by the values of ``QUANTITY`` that one
side has and the other lacks.

    .venv/bin/python bench/quantity_swaps.py [--examples N]

Prints one JSON object: the number of sentence pairs, each (original value, translation
value) pair with its count, and up to N examples of each. Needs ``../shared/data``.
Measured at this commit: 5,734 pairs; "many" -> "few" 7, "many" -> "most" 1, "most" ->
"many" 1, "few" <-> "most" none.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flags import load_cases  # noqa: E402

from align.check.word_subs import class_hits  # noqa: E402


def values(text: str, lang: str) -> set[str]:
    """The ``QUANTITY`` values ``text`` holds, found as the swap rule finds them."""
    return {h.value for h in class_hits(text, lang) if h.cls == "quantity"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=2, help="examples per pair of values")
    args = ap.parse_args()
    counts: Counter[str] = Counter()
    examples: dict[str, list[list[str]]] = {}
    pairs = 0
    for _, orig, trans, lang in load_cases():
        for o, t in zip(orig, trans, strict=True):
            pairs += 1
            ov, tv = values(o, lang), values(t, "en")
            for a in sorted(ov - tv):
                for b in sorted(tv - ov):
                    key = f"{a} -> {b}"
                    counts[key] += 1
                    if len(examples.setdefault(key, [])) < args.examples:
                        examples[key].append([o, t])
    out = {"sentence_pairs": pairs, "swaps": dict(counts.most_common()), "examples": examples}
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
