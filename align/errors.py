"""The one exception family of provalign.

The library raises only these; ``cli.py`` turns each into a one-line message and an
exit code. Every message names the file it is about, because the user who runs a
batch of fifty articles needs to know which one was bad, not just that one was.
"""

from __future__ import annotations


class AlignError(Exception):
    """Base class: anything provalign reports to the user as a clean error."""

    exit_code = 1

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class InputError(AlignError):
    """An input file is missing, unreadable, empty, binary or not decodable."""


class LanguageError(AlignError):
    """Languages are unsupported, undetectable or the same on both sides."""


class UndetectedLanguage(LanguageError):
    """A document's language could not be detected: the user has to name it. The message
    ends with ``HINT``; the CLI replaces it with the options of the command being run."""

    HINT = "give --lang"

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = reason
        super().__init__(f"{reason}; {self.HINT}", path)


class FormatError(AlignError):
    """A structured file (links, report JSON, manifest) is malformed."""


class BackendError(AlignError):
    """An encoder or other optional backend cannot be loaded."""


class IndexStoreError(AlignError):
    """The provenance index is corrupt, foreign, locked or from an old version."""


class LimitError(AlignError):
    """An input exceeds a configured limit (``--max-chars``)."""
