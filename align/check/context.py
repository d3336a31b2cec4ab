"""The flag stage's settings and the context every rule reads.

Every threshold is a field whose ``help`` metadata ``provalign check`` shows, so a default
and its explanation are written once. Thresholds were tuned by ``bench/flags.py``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from align.sentalign.options import REORDER_EXTEND_SIM, REORDER_SIM
from align.text.names import Name
from align.types import COSINE, NOT_NEGATIVE, SHARE, UNBOUNDED, Alignment, Link, setting

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder


FLAGS_VERSION = "19"  # bump when a default or a rule changes results


@dataclass(frozen=True, slots=True)
class FlagOptions:
    """Thresholds of ``check_alignment`` (every float is a ``provalign check`` option)."""

    partial_ratio: float = setting(
        0.7,
        "Partial omission: length ratio (vs the document's usual) below which a translation is "
        "short enough to check.",
        within=NOT_NEGATIVE,
    )
    partial_gain: float = setting(
        0.02,
        "Partial omission: how much closer the original without some clauses must be to the "
        "translation.",
        within=NOT_NEGATIVE,
    )
    partial_strong_ratio: float = setting(
        0.45,
        "Partial omission of an original without clauses: length ratio below this ...",
        within=NOT_NEGATIVE,
    )
    partial_min_drop: float = setting(
        0.1, "... and cosine this far below the document median.", within=NOT_NEGATIVE
    )
    low_sim_floor: float = setting(
        0.2, "Low_similarity: cosine below this absolute floor ...", within=COSINE
    )
    low_sim_spread: float = setting(
        3.0, "... and this many MADs below the document median.", within=NOT_NEGATIVE
    )
    low_sim_absolute: float = setting(
        0.15,
        "... or below this cosine whatever the document's median (in a document where every "
        "link is weak, nothing stood below its median).",
        within=COSINE,
    )
    low_sim_min_words: int = setting(
        8,
        "... in an original of at least this many words (a short sentence's cosine is too noisy: "
        'idioms, "So where is the momentum now?").',
        within=NOT_NEGATIVE,
    )
    boilerplate_sim: float = setting(
        0.55,
        "Cosine to an exemplar disclaimer that marks added boilerplate.",
        within=COSINE,
    )
    reorder_sim: float = setting(
        REORDER_SIM,
        "Omitted and added text this similar is one moved passage ...",
        within=COSINE,
    )
    reorder_extend_sim: float = setting(
        REORDER_EXTEND_SIM,
        "... and its neighbours this similar moved with it.",
        within=COSINE,
    )
    name_repeats: float = setting(
        1.0,
        "A name used more often than this in the translation is its rendering.",
        within=NOT_NEGATIVE,
    )
    name_score: float = setting(
        -0.3,
        "An unmatched name is flagged above this score (removal gain, context contrast, evidence).",
        within=UNBOUNDED,
    )
    name_displaced_bonus: float = setting(
        0.1,
        "Score added when the original holds a displaced document name.",
        within=UNBOUNDED,
    )
    name_original_bonus: float = setting(
        0.03,
        "Score added when a cased original has an unmatched capitalised word.",
        within=UNBOUNDED,
    )
    name_initial_penalty: float = setting(
        0.035, "Score taken off a sentence-initial candidate.", within=UNBOUNDED
    )
    name_echo_weight: float = setting(
        0.7,
        "Weight of the best cosine between the name alone and one original word alone (a rendered"
        " name echoes its original).",
        within=SHARE,
    )
    name_pair_bonus: float = setting(
        0.1,
        "Score added when the name's matched partner has an unmatched neighbour in the"
        " original on the name's side (one half of a name pair replaced).",
        within=UNBOUNDED,
    )
    name_common_word_penalty: float = setting(
        0.08,
        "Score taken off per decade of the name's count as an English word above 100 (a common "
        "word is more often a rendering than a name).",
        within=UNBOUNDED,
    )
    major_omission_chars: float = setting(
        80.0,
        "Omitted passages longer than this many characters are major.",
        within=NOT_NEGATIVE,
    )
    not_translation_coverage: float = setting(
        0.35,
        "Verdict not_a_translation below this share of sentences rendered ...",
        within=SHARE,
    )
    not_translation_cosine: float = setting(
        0.3, "... or below this median link cosine.", within=COSINE
    )
    expanded_coverage: float = setting(
        0.8,
        "The translation's own share is not judged when this share of the original is linked ...",
        within=SHARE,
    )
    expanded_cosine: float = setting(
        0.55,
        "... at this median link cosine (a short story republished with background).",
        within=COSINE,
    )
    partial_links: int = setting(
        2,
        "Neither text's linked share is judged when at least this many pairs are linked at "
        "--expanded-cosine (a partial translation inside the outlet's own article; 0: off) ...",
        within=NOT_NEGATIVE,
    )
    partial_coverage: float = setting(
        0.25,
        "... and at least this share of the original's sentences is linked (two quotes of one "
        "statement in two long reports of it are not a partial translation).",
        within=SHARE,
    )
    story_logit: float = setting(
        -1.0,
        "Verdict not_a_translation (another article on the same story) below this same-story "
        "logit (align.check.story: link cosines against unlinked pairs) ...",
        within=UNBOUNDED,
    )
    story_min_links: int = setting(
        4,
        "... with at least this many linked pairs (fewer are too little evidence).",
        within=NOT_NEGATIVE,
    )
    short_story_cosine: float = setting(
        0.5,
        "With fewer linked pairs, not_a_translation below this median link cosine ...",
        within=COSINE,
    )
    short_story_soft: float = setting(
        0.35,
        "... and this mean best cosine of an original sentence in the translation.",
        within=COSINE,
    )
    heavy_coverage: float = setting(
        0.75,
        "Verdict heavily_edited below this share of sentences rendered.",
        within=SHARE,
    )
    qualifier_flags: bool = setting(True, 'Flag "more than 200" rendered as "200"')
    word_drop_score: float = setting(
        0.53,
        "Dropped words: score (0-1) above which the original's best candidate run without a "
        "counterpart is flagged (removal gain, clause match, length ratio; see word_cuts).",
        within=SHARE,
    )
    word_insert_score: float = setting(
        0.62,
        "Inserted words: the same score for translation words without a source.",
        within=SHARE,
    )
    word_min_unmatched: float = setting(
        0.5,
        "Word runs and clauses are candidates when this share of their words is unmatched.",
        within=SHARE,
    )
    word_ratio_gate: float = setting(
        0.95,
        "Only pairs this much shorter (dropped words) than the document's usual ratio are "
        "searched, unless brackets or word lists point at them.",
        within=NOT_NEGATIVE,
    )
    word_insert_gate: float = setting(
        0.9,
        "The same for added words: only pairs longer than the usual ratio over this.",
        within=NOT_NEGATIVE,
    )
    word_flags: bool = setting(True, "Check words inside linked pairs (insertion, meaning_change).")
    unmatched_words: bool = setting(
        False,
        "List the words of every linked pair without a counterpart (a reading aid, not a flag).",
    )
    word_subs: bool = setting(
        True, "Check words changed inside linked pairs (a title, a weekday, a reporting verb)."
    )


@dataclass(frozen=True)
class FlagContext:
    """What every flag rule reads about one document pair (built once by ``check_alignment``)."""

    alignment: Alignment
    options: FlagOptions
    encoder: Encoder
    cos: list[float]
    ratio_median: float
    name_counts: dict[str, int]
    pairs: list[Link]
    doc_names: tuple[Name, ...] = ()  # translation names (mid-sentence evidence), one per skeleton
    # each link's word view (``word_flags.link_words``), built once for the rules that read
    # it (the word cuts, the word substitutions, ``--unmatched``); keyed by the link's
    # sentences and texts. ``Any``: ``LinkWords`` lives above this module (``check.link_words``)
    views: dict[tuple[tuple[int, ...], tuple[int, ...], str, str], Any] = field(
        default_factory=dict, compare=False, repr=False
    )

    @functools.cached_property
    def _docs(self) -> dict[str, str]:
        al = self.alignment
        return {
            "original": " ".join(al.original.texts),
            "translation": " ".join(al.translation.texts),
        }

    def doc_text(self, side: str) -> str:
        """One side's whole text (its sentences joined by a space), built once."""
        return self._docs[side]


def option_help(name: str) -> str:
    """The help text of a ``FlagOptions`` field."""
    from dataclasses import fields

    for f in fields(FlagOptions):
        if f.name == name:
            return str(f.metadata.get("help", ""))
    raise KeyError(name)
