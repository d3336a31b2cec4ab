"""News pages (HTML) to an ``Article``: main text, title, date, byline, attribution.

Own lxml code for metadata, trafilatura for the main text of real pages: we need the
attribution line ("Translated from Arabic by ...", "ترجمة", "Перевод") that extractors
throw away with the boilerplate, so it is read from the whole page first. Method:

* metadata is read from the whole page first (meta tags, ``<time datetime>``,
  JSON-LD ``datePublished``, rel/class author marks, short attribution elements);
* then hidden text and boilerplate are dropped and the main text found
  (``align.read.html_body``: text density, or trafilatura's reading of our cleaned tree);
* the article text is rebuilt as "title\\n\\nparagraph\\n\\nparagraph ...", with the
  attribution line and the byline moved out of the body into ``ArticleMeta``.
"""

from __future__ import annotations

import re
from typing import Any

from align.errors import InputError
from align.read.html_body import (
    BR,
    drop_boilerplate,
    drop_hidden,
    main_paragraphs,
    norm,
    trafilatura_paragraphs,
    visible_text,
    wrap_loose_text,
)
from align.types import Article, ArticleMeta, Paragraph

_ATTRIBUTION = re.compile(
    r"(?i)(translated (?:from|by)|translation by|\bsource\s*:|originally (?:published|appeared)"
    r"|first (?:published|appeared)|ترجم|ترجمة|المصدر|перев[оеё]д|переведено|источник\s*:)"
)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ISO = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?")
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "datepublished",
    "sailthru.date",
    "parsely-pub-date",
)


def _meta(root: Any, keys: tuple[str, ...]) -> str | None:
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in keys and el.get("content", "").strip():
            return norm(el.get("content"))
    return None


def html_to_article(html: str, name: str, encoding: str) -> Article:
    """Extract title, body paragraphs, date, byline and attribution from a news page."""
    import lxml.etree
    import lxml.html

    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    # lxml parses C0 controls but refuses to set them back (``br.tail = ...`` raised
    # ValueError, found by bench/fuzz.py); they are never article text.
    html = _NOT_XML.sub(" ", html)
    try:
        # huge_tree: libxml2 otherwise stops nesting at depth 256, and a page with ~300
        # unclosed <b>/<span> tags lost everything after them (issue 18).
        parser = lxml.html.HTMLParser(huge_tree=True)
        root = lxml.html.document_fromstring(html, parser=parser)
    except Exception as exc:  # lxml raises ParserError/ValueError on hopeless input
        raise InputError(f"cannot parse HTML: {exc}", path=name) from None
    for br in root.iter("br"):  # "<p>One.<br>Two.</p>" must not read "One.Two."
        br.tail = BR + (br.tail or "")
    for el in list(root.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        if el.getparent() is not None:
            el.drop_tree()
    drop_hidden(root)
    wrap_loose_text(root)
    visible = len(norm(visible_text(root)))
    title = _title(root)
    published = _published(root, html)
    byline = _byline(root)
    attribution = _attribution(root)
    found = trafilatura_paragraphs(root)  # None: not installed or nothing found
    drop_boilerplate(root)
    parts: list[tuple[str, str]] = []
    if title:
        parts.append((title, "heading"))
    body = main_paragraphs(root)
    if found and (len(found) > 1 or len(body) <= 1):
        body = found  # else ours keeps a short page's headings, bylines and breaks apart
    for text, kind in body:
        if text == title or (attribution and text == attribution) or _is_byline(text, byline):
            continue  # each moved to the metadata, not also compared (and flagged omitted)
        parts.append((text, kind))
    if sum(len(t) for t, k in body) < 40:
        raise InputError("HTML page has no article text", path=name)
    pieces: list[str] = []
    paragraphs: list[Paragraph] = []
    pos = 0
    for text, kind in parts:
        paragraphs.append(Paragraph(pos, pos + len(text), kind))
        pieces.append(text)
        pos += len(text) + 2
    warnings: tuple[str, ...] = ()
    extracted = sum(len(t) for t, _ in parts)
    if visible > 3000 and extracted < SHORT_SHARE * visible:
        warnings = (
            f"extracted article text ({extracted:,} characters) is under "
            f"{SHORT_SHARE:.0%} of the page's visible text ({visible:,}); "
            "part of the article may be missing",
        )
    meta = ArticleMeta(
        path=name,
        encoding=encoding,
        source_format="html",
        title=title,
        byline=byline,
        published=published,
        attribution=attribution,
        warnings=warnings,
    )
    return Article(meta, "\n\n".join(pieces), tuple(paragraphs))


SHORT_SHARE = 0.25  # warn when the article is under this share of the visible page text
_BY = re.compile(r"(?i)^(?:by|von|par|автор\s*:?|текст\s*:?|بقلم|كتب)\s+")


def _is_byline(text: str, byline: str | None) -> bool:
    """The body paragraph that is the byline already in ``ArticleMeta.byline``."""
    if not byline:
        return False
    bare = _BY.sub("", text).strip(" .:-—")
    return text == byline or bare == _BY.sub("", byline).strip(" .:-—")


def _title(root: Any) -> str | None:
    for h1 in root.iter("h1"):
        text = norm(h1.text_content())
        if text:
            return text
    og = _meta(root, ("og:title", "twitter:title"))
    if og:
        return og
    for t in root.iter("title"):
        text = norm(t.text_content())
        if text:
            return max(re.split(r"\s+[|–—]\s+|\s+-\s+", text), key=len)
    return None


def _published(root: Any, html: str) -> str | None:
    found = _meta(root, _DATE_META)
    if not found:
        for el in root.iter("time"):
            if el.get("datetime"):
                found = el.get("datetime")
                break
    if not found:
        m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', html)
        found = m.group(1) if m else None
    m = _ISO.search(found or "")
    return m.group() if m else None


def _byline(root: Any) -> str | None:
    author = _meta(root, ("author", "article:author", "byl", "sailthru.author", "parsely-author"))
    if author and not author.startswith("http"):
        return author
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        marks = f"{el.get('class', '')} {el.get('rel', '')} {el.get('itemprop', '')}".lower()
        if re.search(r"byline|author", marks):
            text = norm(el.text_content())
            if 2 < len(text) < 150:
                return text
    return None


def _attribution(root: Any) -> str | None:
    best: str | None = None
    for el in root.iter("p", "div", "span", "small", "em", "i", "footer", "aside", "li", "section"):
        text = norm(el.text_content())
        if (
            len(text) < 300
            and _ATTRIBUTION.search(text)
            and (best is None or len(text) < len(best))
        ):
            best = text
    return best
