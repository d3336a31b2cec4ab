"""The benches' link cache (``--link-cache DIR``): one alignment's links per file.

Aligning is most of a bench run's time, and a check rule under study does not change the
links, so ``bench/flags.py``, ``bench/verdicts.py`` and the scripts reading their caches
(``flags_fit.py``, ``flags_cost.py``) keep them here. Keys do not cover the code: use a new
folder after an aligner or repair change.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from align.types import Alignment, Document


def link_cache_path(folder: Path, key: str, tag: str, o: list[str], t: list[str]) -> Path:
    """Where --link-cache keeps one alignment's links: keyed by the settings, the case and
    a hash of both texts, so a changed generator or setting never reads stale links."""
    h = hashlib.sha1("\x00".join([*o, "\x01", *t]).encode()).hexdigest()[:10]
    return folder / f"{key}-{tag}-{h}.links"


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
