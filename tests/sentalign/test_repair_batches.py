"""``merges.merge_omissions`` asks the gains of every merge the links offer at the start in
one call (a call costs ~1.5 ms whatever its size), and a merge that only appears after
another in one call of its own."""

from __future__ import annotations

from conftest import RecordingEncoder

from align.embed.encoder import Encoder
from align.sentalign.merges import merge_omissions
from align.sentalign.moves import Draft
from align.types import Link


def test_merge_omissions_encodes_the_texts_of_its_merges_in_one_call() -> None:
    ot = ["They met on Monday.", "They are friendly.", "Talks went on.", "It rained."]
    tt = ["They met on Monday, and they are friendly.", "Talks went on; it rained."]
    links = (
        Link((0,), (0,), 0.8),
        Link((1,), (), 0.0),
        Link((2,), (1,), 0.8),
        Link((3,), (), 0.0),
    )
    rec = RecordingEncoder()
    merge_omissions(Draft(ot, tt, links), rec, min_gain=0.03)  # type: ignore[arg-type]
    assert len([c for c in rec.calls if c]) == 1


def test_a_merge_that_appears_after_another_is_asked_when_met(encoder: Encoder) -> None:
    # sentence 2's only linked neighbour is the link sentence 1 joins first: its merge is
    # not among those the links offered at the start, so it is asked when met
    ot = ["They met on Monday.", "They are friendly.", "They laughed."]
    tt = ["They met on Monday, they are friendly and they laughed."]
    links = (Link((0,), (0,), 0.8), Link((1,), (), 0.0), Link((2,), (), 0.0))
    rec = RecordingEncoder(encoder)
    out = merge_omissions(Draft(ot, tt, links), rec, min_gain=0.03)  # type: ignore[arg-type]
    assert out == (Link((0, 1, 2), (0,)),)
    assert len([c for c in rec.calls if c]) == 2  # the merges offered at the start, then 2's
