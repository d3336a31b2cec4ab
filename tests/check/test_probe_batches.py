"""The name rule lists its probes first and encodes them in one call (a call costs ~1.5 ms
whatever its size): what it lists must be what it then reads, or the saving silently goes
(``bench/flags_cost.py`` measures it). The boundary rules' and ``merge_omissions``' own
tests of the same kind sit with their other tests."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from conftest import RecordingEncoder

from align.check.context import FlagOptions
from align.check.value_flags import _scored, name_probe_texts
from align.embed.encoder import Encoder
from align.text.names import compare_names


def test_name_probe_texts_are_what_the_name_score_encodes(encoder: Encoder) -> None:
    otext = "وقال رئيس مقدونيا جورج إيفانوف إنه سيرفض الاعتراف بالتصويت."
    ttext = "Macedonian President Whitfield Ivanov said he will disregard the vote."
    d = compare_names(otext, "ar", ttext, "en")
    cands = list(d.only_translation)
    assert cands
    rec = RecordingEncoder(encoder)
    al = SimpleNamespace(original=SimpleNamespace(lang="ar"))
    ctx: Any = SimpleNamespace(options=FlagOptions(), encoder=rec, alignment=al)
    _scored(ctx, cands, d, [], otext, ttext, 0.5)
    assert rec.seen <= set(name_probe_texts(ctx, (d, cands), otext, ttext))
