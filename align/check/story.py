"""Is the "translation" another article about the same story? Evidence for the verdict.

Two articles on one event share names, numbers and topic, so the aligner finds links
between them, and their cosines are not low: formulaic official translations have link
cosines of 0.45-0.57, as high as two reports of one meeting. What a translation has and a
same-story article lacks is *sentence-level* agreement, measured against the document's
own level (which differs between genres and languages):

* ``margin``: the median over links of the link's best sentence cosine minus the 90th
  percentile of the cosines of sentence pairs no link joins. A translation's links stand
  out from "related but not the same sentence"; two reports' links do not (median 0.36
  for NTREX translations, 0.02 for two halves of one article);
* ``cosine``: the median of those link cosines, absolute (formulaic translations have low
  margins, as every sentence resembles every other, but their links are still close);
* ``soft``: the mean over original sentences of the best cosine anywhere in the
  translation (a translation renders most sentences somewhere; another article does not).

``story_logit`` combines them with ``STORY_COEF``, fitted by ``bench/verdicts.py --fit``
on the dev half of NTREX documents (same-story pairs against whole, synthetically edited and
partial translations). The verdict is ``not_a_translation`` below ``FlagOptions.story_logit``
(-1.0) with at least ``story_min_links`` (4) linked pairs: fewer are too little evidence, and
a formulaic three-sentence translation (a cable of congratulation, every sentence like every
other) scores like two reports of one event. Held-out figures: ``bench/verdicts.py``.

Two more counts are evidence for the reader only (``story_reason``): links whose sentences
are each other's best match (within 0.03), and links whose original sentence holds a number
or name the translation has elsewhere but not in the link. Tried and left out of the logit:
both counts (fitted beside the three above on NTREX they weigh 0.4 and 0.9 and change
nothing), the translation side's soft coverage, and the margin over the median unlinked pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from align.sentalign.anchors import name_keys, number_keys
from align.types import Link

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder

STORY_FEATURES = ("cosine", "margin", "soft")
# Fitted by ``bench/verdicts.py --fit`` on the dev half of NTREX documents; intercept first.
STORY_COEF = (-6.702, 5.644, 11.258, 6.617)
UNLINKED_QUANTILE = 0.9
BEST_TIE = 0.03  # a sentence's "best match" is any within this cosine of its best


@dataclass(frozen=True, slots=True)
class StoryEvidence:
    """Sentence-level agreement of the linked pairs (see the module docstring)."""

    links: int  # linked pairs (original and translation sides both present)
    cosine: float  # median link cosine (each link's best sentence pair)
    margin: float  # median link cosine above the 90th percentile of unlinked pairs
    soft: float  # mean best cosine of an original sentence in the translation
    mutual_links: int  # links that are mutual best matches
    anchor_links: int  # links whose original side has an anchor the translation also has
    anchor_agreeing: int  # ... whose translation side has one of them

    def features(self) -> dict[str, float]:
        return {"cosine": self.cosine, "margin": self.margin, "soft": self.soft}


def sentence_anchors(texts: Sequence[str]) -> list[set[str]]:
    """Each sentence's numbers (values, two digits or more: a lone "2" is everywhere) and
    name skeletons (``align.sentalign.anchors.name_keys``)."""
    seen: dict[str, str] = {}
    return [number_keys(text, min_digits=2) | name_keys(text, seen) for text in texts]


def story_evidence(
    original: Sequence[str], translation: Sequence[str], links: Sequence[Link], encoder: Encoder
) -> StoryEvidence:
    """The evidence of one alignment's linked pairs (``links`` with both sides)."""
    import numpy as np

    pairs = [lk for lk in links if lk.original and lk.translation]
    if not pairs:
        return StoryEvidence(0, 0.0, 0.0, 0.0, 0, 0, 0)
    sim = encoder.encode(list(original)) @ encoder.encode(list(translation)).T
    linked = np.zeros(sim.shape, dtype=bool)
    for lk in pairs:
        linked[np.ix_(lk.original, lk.translation)] = True
    rest = sim[~linked]
    level = float(np.quantile(rest, UNLINKED_QUANTILE)) if rest.size else 0.0
    row_best = sim >= sim.max(axis=1, keepdims=True) - BEST_TIE
    col_best = sim >= sim.max(axis=0, keepdims=True) - BEST_TIE
    ao, at = sentence_anchors(original), sentence_anchors(translation)
    doc_t = set().union(*at)
    anchor_links = agreeing = mutual = 0
    cos = []
    for lk in pairs:
        block = np.ix_(lk.original, lk.translation)
        cos.append(float(sim[block].max()))
        mutual += bool(row_best[block].any(axis=1).any() and col_best[block].any(axis=0).any())
        keys = set().union(*(ao[i] for i in lk.original)) & doc_t
        if keys:
            anchor_links += 1
            agreeing += bool(keys & set().union(*(at[j] for j in lk.translation)))
    return StoryEvidence(
        len(pairs),
        float(np.median(cos)),
        float(np.median(cos)) - level,
        float(sim.max(axis=1).mean()),
        mutual,
        anchor_links,
        agreeing,
    )


def story_logit(ev: StoryEvidence, coef: Sequence[float] = STORY_COEF) -> float:
    """High for a translation, low for another article on the same story."""
    f = ev.features()
    return coef[0] + sum(w * f[name] for w, name in zip(coef[1:], STORY_FEATURES, strict=True))


def story_reason(ev: StoryEvidence) -> str:
    """What the evidence was, in the style of the summary's other reasons."""
    parts = [
        f"linked sentences are hardly closer than unlinked ones (median similarity "
        f"{ev.cosine:.2f}, {ev.margin:+.2f} against the closest tenth of unlinked pairs)",
    ]
    if ev.mutual_links < ev.links:  # "only 3 of 3" read as a fault where there was none
        parts.append(
            f"only {ev.mutual_links} of {ev.links} linked pairs are each other's best match"
        )
    if ev.anchor_links > ev.anchor_agreeing:
        parts.append(
            f"{ev.anchor_links - ev.anchor_agreeing} of {ev.anchor_links} linked pairs do not "
            "share the name or number their original has"
        )
    return (
        "; ".join(parts) + ": this reads like another article on the same story, not a translation"
    )
