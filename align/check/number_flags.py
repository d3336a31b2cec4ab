"""Number flags of one linked pair (``number_mismatch``): figures compared as values
(``align.text.number_match``), a changed figure major, a dropped qualifier ("more than
200" -> "200") minor. Kept apart from the name flags (``value_flags``) for size.
"""

from __future__ import annotations

from align.text.number_match import compare_numbers
from align.text.numbers import format_value
from align.types import NUMBER_MISMATCH, Flag, Link


def number_flags(
    lk: Link, otext: str, ol: str, ttext: str, tl: str, qualifiers: bool
) -> list[Flag]:
    d = compare_numbers(otext, ol, ttext, tl)
    if d.changed:
        a = ", ".join(format_value(f) for f in d.only_original)
        b = ", ".join(format_value(f) for f in d.only_translation)
        return [
            Flag(
                NUMBER_MISMATCH,
                "major",
                lk.original,
                lk.translation,
                f"Number changed: original says {a}, translation says {b}",
                {
                    "original": [f.text for f in d.only_original],
                    "translation": [f.text for f in d.only_translation],
                },
            )
        ]
    if qualifiers and d.qualifier_changes and not (d.only_original or d.only_translation):
        f, g = d.qualifier_changes[0]
        return [
            Flag(
                NUMBER_MISMATCH,
                "minor",
                lk.original,
                lk.translation,
                f"Qualifier dropped: original says "
                f"{_QUALIFIER_WORDS.get(f.qualifier or '', '')}{format_value(f)}, "
                f"translation says {g.text}",
                {"original": [f.text], "qualifier": f.qualifier},
            )
        ]
    return []


_QUALIFIER_WORDS = {"more": "more than ", "less": "less than ", "about": "about "}
