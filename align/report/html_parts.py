"""The pieces every provalign HTML page is built from: escaping, the page shell with its
Content-Security-Policy, ``lang``/``dir`` attributes, and a sentence with its flagged
words marked and its words without a counterpart underlined.

Kept apart from ``write_html`` (the side-by-side report) because the batch index, the
derivation report and the review app's pages are built from them too, and one escape
and one marked sentence for all of them means one place to get them right.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping
from html import escape
from importlib import resources

from align import __version__
from align.report._unmatched import NO_COUNTERPART, loose_pieces
from align.report._view import RTL_LANGS, kind_label, sentence_marks, stacked_pieces
from align.types import Flag, Sentence

# ``check --unmatched``'s runs by (side, sentence): grouped once per page
Runs = Mapping[tuple[str, int], list[tuple[int, int]]]
EMPTY: Runs = {}
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_SAFE_CLASS = re.compile(r"[^a-z0-9_-]")


def e(text: object) -> str:
    """Escape for HTML text and attribute values alike."""
    return escape(str(text), quote=True)


def css_token(name: str) -> str:
    """A kind name reduced to characters safe in a class name and a data attribute."""
    return _SAFE_CLASS.sub("_", name.lower()) or "unknown"


def template(name: str) -> str:
    """A file from ``align/report/templates``."""
    return (resources.files("align.report") / "templates" / name).read_text(encoding="utf-8")


def fill(skeleton: str, values: Mapping[str, str]) -> str:
    """Replace ``{{name}}`` in one pass, so filled-in text is never scanned again."""
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], skeleton)


def page(title: str, body: str, script: str | None) -> str:
    """A complete self-contained page with our stylesheet and (optionally) our script."""
    script_src = "'none'"
    script_tag = ""
    if script is not None:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        script_src = f"'sha256-{digest}'"
        script_tag = f"<script>{script}</script>"
    csp = (
        f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {script_src}; base-uri 'none'; form-action 'none'"
    )
    return fill(
        template("page.html"),
        {
            "csp": e(csp),
            "generator": e(f"provalign {__version__}"),
            "title": e(title),
            "css": template("report.css"),
            "body": body,
            "script": script_tag,
        },
    )


def lang_attrs(lang: str) -> str:
    """``lang``/``dir`` attributes for text in language ``lang``."""
    direction = "rtl" if lang in RTL_LANGS else "ltr"
    return f'lang="{e(lang)}" dir="{direction}"'


def flag_tip(f: Flag) -> str:
    """A flag on hover: its kind and severity, then its detail without the kind again
    ("Words added (minor): the translation adds ..." where it read "Words added (minor):
    Words added: the translation adds ...")."""
    label = kind_label(f.kind)
    head, sep, rest = f.detail.partition(": ")
    detail = rest if sep and head.casefold() == label.casefold() else f.detail
    return f"{label} ({f.severity}): {detail}"


def marked_text(s: Sentence, role: str, flags: tuple[Flag, ...], unmatched: Runs = EMPTY) -> str:
    """The sentence text, escaped, with a ``<mark>`` per flagged piece (the colour of its
    most severe flag's kind, every flag on hover). Words two flags point at (a changed
    number inside added words) are a mark of their own, outlined (class ``w2``), so the
    lesser flag's words stay visible inside the greater's. Words without a counterpart
    (``check --unmatched``) are underlined where no flag marks them (class ``nm``).
    The review app's pages mark their sentences with it too."""
    loose = unmatched.get((role, s.index), [])
    out, at = [], 0
    for piece, stack in stacked_pieces(s.text, sentence_marks(flags, role, s.index)):
        if not stack:
            out.append(_unmatched(piece, at, loose))
        else:
            tip = "\n".join(flag_tip(f) for f in stack)
            cls = f"w k-{css_token(stack[0].kind)}" + (" w2" if len(stack) > 1 else "")
            out.append(f'<mark class="{cls}" title="{e(tip)}">{e(piece)}</mark>')
        at += len(piece)
    return "".join(out)


def _unmatched(piece: str, at: int, loose: list[tuple[int, int]]) -> str:
    """An unflagged piece, escaped, its words without a counterpart underlined."""
    return "".join(
        f'<span class="nm">{e(text)}</span>' if inside else e(text)
        for text, inside in loose_pieces(piece, at, loose)
    )


def unmatched_key(toggle_id: str) -> str:
    """The key of ``check --unmatched``'s underlines with its switch (a checkbox whose id
    the page's script or stylesheet reads), as the report's toolbar and the review page
    show it."""
    return (
        f'<label class="nm-key" title="{NO_COUNTERPART}"><input type="checkbox" '
        f'id="{toggle_id}" checked> <span class="nm">no counterpart</span> (reading aid)</label>'
    )
