"""Lexical anchors of the aligner: numbers and names two sentences share.

Embeddings barely see numbers or names: a sentence with one number changed still
scores near the right one, and a mountain or a minister is one token among thirty.
A shared "8848" or "Dyhrenfurth" is strong evidence that two sentences belong
together, so each sentence gets a hashed presence vector of

* its numbers, as values (``8.848`` and ``8848`` are one key, ``3,5`` and ``3.5`` one);
* its names, as transliteration skeletons (``align.text.names.skeleton``): capitalised
  words of four letters or more in Latin or Cyrillic script, any such word in Arabic
  (which has no case). Only skeletons found on *both* sides of the document are kept:
  German capitalises every noun, and an Arabic word's skeleton may look like anything,
  but neither matters unless the other side has it too.

Measured with ``bench/alignment.py`` (strict F1): name anchors took Text+Berg dev
0.906 -> 0.911, synthetic NTREX ar-en 0.982 -> 0.983, ru-en 0.982 -> 0.985, WMT22
unchanged; pricing unmatched mentions (``AlignOptions.anchor_miss``) then took Text+Berg
dev to 0.945.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np

from align.text.names import WORD_RE, skeleton
from align.text.normalize import NUMBER_RE, ascii_digits, number_key

ANCHOR_DIM = 256


def number_keys(text: str, min_digits: int = 1) -> set[str]:
    """The anchor keys of a sentence's numbers, as values ("#8848"); ``min_digits`` 2
    leaves out the lone digits that are everywhere (``align.check.story``)."""
    found = NUMBER_RE.findall(ascii_digits(text))
    return {"#" + number_key(t) for t in found if sum(c.isdigit() for c in t) >= min_digits}


def anchor_bags(texts: Sequence[str], names: Sequence[set[str]] | None = None) -> np.ndarray:
    """Hashed presence vectors of each sentence's numbers (and the given name keys)."""
    out = np.zeros((len(texts), ANCHOR_DIM), dtype=np.int32)
    for k, text in enumerate(texts):
        keys = number_keys(text)
        if names is not None:
            keys |= names[k]
        for key in keys:
            out[k, zlib.crc32(key.encode()) % ANCHOR_DIM] = 1
    return out


_ELISION = re.compile(r"^(?:[a-zA-Z]|qu)['’]")
_APOSTROPHES = ("'", "’")


def name_keys(text: str, seen: dict[str, str] | None = None) -> set[str]:
    """Skeletons of the name-like words of one sentence (see the module docstring).

    ``seen`` memoises skeletons across the sentences of a document (a 5k-sentence
    side repeats most of its words).
    """
    seen = {} if seen is None else seen
    out = set()
    for word in WORD_RE.findall(text):
        if word[1:2] in _APOSTROPHES or word[2:3] in _APOSTROPHES:
            word = _ELISION.sub("", word)  # l'Everest, d'Arolla, qu'Ali
        if len(word) < 4 or not ("\u0600" <= word[0] <= "\u06ff" or word[0].isupper()):
            continue
        key = seen.get(word)
        if key is None:
            sk = skeleton(word)
            key = seen[word] = "@" + sk if len(sk) >= 3 else ""
        if key:
            out.add(key)
    return out


def document_anchors(
    original: Sequence[str], translation: Sequence[str], names: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Anchor bags of both sides; names count only where both sides have them."""
    seen: dict[str, str] = {}
    keys_o = [name_keys(t, seen) if names else set() for t in original]
    keys_t = [name_keys(t, seen) if names else set() for t in translation]
    shared = set().union(*keys_o) & set().union(*keys_t)
    return (
        anchor_bags(original, [k & shared for k in keys_o]),
        anchor_bags(translation, [k & shared for k in keys_t]),
    )
