"""``merges.merge_omissions`` lists the texts of every merge it will try and encodes them in
one call (a call costs ~1.5 ms whatever its size); the loop then reads the cache."""

from __future__ import annotations

from conftest import RecordingEncoder

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
