"""TMX 1.4b translation memory, for CAT tools (memoQ, Trados, OmegaT, Okapi).

One ``<tu>`` per link; merged or split sentences are joined with a space into one
segment, because a TM entry is the unit a translator reuses. Element order follows the
TMX 1.4b DTD, which CAT importers enforce: ``tu`` holds ``(note|prop)*`` *before*
``tuv+``, and ``header`` holds its ``note``/``prop`` children before ``body``.

Omissions and additions have no counterpart segment. By default they are skipped (a TM
must not teach "sentence -> nothing"); ``one_sided="mark"`` keeps them as a ``tu`` with
a single ``tuv`` and ``<prop type="x-one-sided">``, which the DTD allows (``tuv+``) and
which is useful for review tools. The header note says which policy was used.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from align.errors import FormatError
from align.report._view import Row, build_rows, join_text, row_spans
from align.types import Report

ONE_SIDED = ("skip", "mark")
# Characters XML 1.0 forbids; lxml refuses them, so they become U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _creationdate(created: str | None) -> str | None:
    """ISO timestamp -> TMX's ``YYYYMMDDThhmmssZ`` (UTC); ``None`` when absent or unparsable."""
    if not created:
        return None
    try:
        moment = datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def render_tmx(report: Report, one_sided: str = "skip") -> str:
    """TMX 1.4b text of ``report``.

    Args:
        report: the report to export.
        one_sided: ``"skip"`` leaves omissions/additions out; ``"mark"`` writes them as a
            ``tu`` with one ``tuv`` and ``prop type="x-one-sided"``.

    Raises:
        FormatError: ``one_sided`` is not ``skip`` or ``mark``.
    """
    if one_sided not in ONE_SIDED:
        raise FormatError(f"one_sided must be one of {', '.join(ONE_SIDED)}, not {one_sided!r}")
    from lxml import etree

    root = etree.Element("tmx", version="1.4")
    _header(root, report, one_sided)
    body = etree.SubElement(root, "body")
    langs = (report.alignment.original.lang, report.alignment.translation.lang)
    for row in build_rows(report):
        if row.one_sided is None or one_sided == "mark":
            _unit(body, row, langs)
    data: bytes = etree.tostring(
        root,
        xml_declaration=True,
        encoding="UTF-8",
        pretty_print=True,
        doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    )
    return data.decode("utf-8")


def _header(root: Any, report: Report, one_sided: str) -> None:
    """The ``header``: the tool, the source language, and a note with the signature, both
    files and what was done with one-sided links (a TMX reader cannot tell otherwise)."""
    from lxml import etree

    alignment = report.alignment
    orig_lang, trans_lang = alignment.original.lang, alignment.translation.lang
    header_attrs: dict[str, Any] = {
        "creationtool": alignment.signature.tool,
        "creationtoolversion": alignment.signature.version,
        "segtype": "sentence",
        "o-tmf": "provalign",
        "adminlang": "en",
        "srclang": orig_lang,
        "datatype": "plaintext",
    }
    date = _creationdate(report.created)
    if date:
        header_attrs["creationdate"] = date
    header = etree.SubElement(root, "header", header_attrs)
    policy = (
        "omissions and additions (one-sided links) skipped"
        if one_sided == "skip"
        else "omissions and additions kept as one-tuv units marked prop x-one-sided"
    )
    note = etree.SubElement(header, "note")
    note.text = _xml_text(
        f"Aligned by {alignment.signature}. Original: {alignment.original.meta.path} "
        f"({orig_lang}); translation: {alignment.translation.meta.path} ({trans_lang}). "
        f"One tu per link; {policy}."
    )


def _unit(body: Any, row: Row, langs: tuple[str, str]) -> None:
    """One ``tu`` per link: score, indices, flags and spans as ``prop``s, a ``tuv`` per
    side that has sentences."""
    from lxml import etree

    tu = etree.SubElement(body, "tu", tuid=str(row.number))
    props = [
        ("x-score", f"{row.link.score:.4f}"),
        ("x-original-indices", ",".join(map(str, row.link.original))),
        ("x-translation-indices", ",".join(map(str, row.link.translation))),
    ]
    if row.kinds:
        props.append(("x-flags", ";".join(row.kinds)))
    if row.one_sided is not None:
        props.append(("x-one-sided", row.one_sided))
    if spans := row_spans(row):
        props.append(("x-spans", spans))
    for kind, value in props:
        prop = etree.SubElement(tu, "prop", type=kind)
        prop.text = value
    for lang, sentences in zip(langs, (row.original, row.translation), strict=True):
        if sentences:
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            seg = etree.SubElement(tuv, "seg")
            seg.text = _xml_text(join_text(sentences))
