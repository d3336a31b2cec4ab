"""provalign: translation provenance and bilingual alignment of news.

Importing the package costs nothing: the encoder, lxml and langdetect load only when a
stage that needs them runs.
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
