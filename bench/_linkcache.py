"""The benches' link cache (``--link-cache DIR``): one alignment's links per file.

Aligning is most of a bench run's time, and a check rule under study does not change the
links, so ``bench/flags.py``, ``bench/verdicts.py`` and the scripts reading their caches
(``flags_fit.py``, ``flags_cost.py``) keep them here. A file's name holds the settings'
key, a digest of the code that makes links (``align/sentalign``, ``align/embed``: an
aligner or repair change, or a changed default, never reads links the old code made) and
a hash of both texts.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from align.types import Alignment, Document


ROOT = Path(__file__).resolve().parents[1]


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the modules that make links (the aligner, its repairs, the encoder)."""
    h = hashlib.sha1()
    for folder in ("sentalign", "embed"):
        for path in sorted((ROOT / "align" / folder).glob("*.py")):
            h.update(path.name.encode() + b"\x00" + path.read_bytes())
    return h.hexdigest()[:8]


def link_cache_path(folder: Path, key: str, tag: str, o: list[str], t: list[str]) -> Path:
    """Where --link-cache keeps one alignment's links: keyed by the settings, the code that
    makes links, the case and a hash of both texts, so a changed generator, setting or
    aligner never reads stale links."""
    h = hashlib.sha1("\x00".join([*o, "\x01", *t]).encode()).hexdigest()[:10]
    return folder / f"{key}-{code_digest()}-{tag}-{h}.links"


def cached_alignment(
    path: Path | None,
    odoc: Document,
    tdoc: Document,
    encoder_name: str,
    align: Callable[[], Alignment],
) -> Alignment:
    """The links kept at ``path``, or ``align()``'s, then kept there (written atomically:
    parallel runs share the folder, and one once read a half-written file)."""
    from align.types import Alignment, Link, Signature

    if path is not None and path.exists():
        rows = json.loads(path.read_text())
        links = tuple(Link(tuple(o), tuple(t), score) for o, t, score in rows)
        return Alignment(odoc, tdoc, links, Signature("cached", encoder_name))
    al = align()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps([[lk.original, lk.translation, lk.score] for lk in al.links]))
        os.replace(tmp, path)
    return al
