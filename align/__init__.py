"""provalign: translation provenance and bilingual alignment of news.

The pipeline, one folder a stage, imports pointing down it: ``text`` (word and line
shape) -> ``read`` -> ``embed`` -> ``sentalign`` -> ``check`` -> ``provenance`` -> ``report``;
``synthetic`` makes gold edits for tests and benchmarks. The names below are the public
API; importing the package costs nothing (each name loads its stage on first use, and the
encoder, lxml and langdetect load only when a stage that needs them runs)::

    from align import LoadOptions, align_documents, check_alignment, load_pair, render
    from align import CHECK_OPTIONS
    original, translation = load_pair("ar.txt", "en.txt", LoadOptions(), LoadOptions())
    report = check_alignment(align_documents(original, translation, CHECK_OPTIONS))
    print(render(report, "text"))
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

# public name -> the module that defines it
_EXPORTS = {
    "AlignError": "align.errors",
    "Alignment": "align.types",
    "Document": "align.types",
    "Flag": "align.types",
    "Link": "align.types",
    "Report": "align.types",
    "Signature": "align.types",
    "LoadOptions": "align.read.document",
    "load_document": "align.read.document",
    "load_pair": "align.read.document",
    "load_encoder": "align.embed.encoder",
    "AlignOptions": "align.sentalign.options",
    "CHECK_OPTIONS": "align.sentalign.options",
    "align_documents": "align.sentalign.aligner",
    "FlagOptions": "align.check.context",
    "check_alignment": "align.check.flags",
    "IndexOptions": "align.provenance.originals",
    "add_to_index": "align.provenance.index",
    "PairOptions": "align.provenance.pairing",
    "pair_translations": "align.provenance.pairing",
    "render": "align.report",
    "load_report": "align.report",
}
__all__ = [
    "__version__",
    "AlignError",
    "Alignment",
    "Document",
    "Flag",
    "Link",
    "Report",
    "Signature",
    "LoadOptions",
    "load_document",
    "load_pair",
    "load_encoder",
    "AlignOptions",
    "CHECK_OPTIONS",
    "align_documents",
    "FlagOptions",
    "check_alignment",
    "IndexOptions",
    "add_to_index",
    "PairOptions",
    "pair_translations",
    "render",
    "load_report",
]

if TYPE_CHECKING:  # pragma: no cover
    from align.check.context import FlagOptions
    from align.check.flags import check_alignment
    from align.embed.encoder import load_encoder
    from align.errors import AlignError
    from align.provenance.index import add_to_index
    from align.provenance.originals import IndexOptions
    from align.provenance.pairing import PairOptions, pair_translations
    from align.read.document import LoadOptions, load_document, load_pair
    from align.report import load_report, render
    from align.sentalign.aligner import align_documents
    from align.sentalign.options import CHECK_OPTIONS, AlignOptions
    from align.types import Alignment, Document, Flag, Link, Report, Signature


def __getattr__(name: str) -> Any:
    """Load a public name's stage on first use (PEP 562)."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'align' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
