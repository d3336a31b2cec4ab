"""News pages (HTML) to an ``Article``: main text, title, date, byline, attribution.

Own lxml code rather than trafilatura: one dependency fewer, and we need the
attribution line ("Translated from Arabic by ...", "ترجمة", "Перевод") that
extractors tend to throw away with the boilerplate. Method:

* metadata is read from the whole page first (meta tags, ``<time datetime>``,
  JSON-LD ``datePublished``, rel/class author marks, short attribution elements);
* then boilerplate is dropped: nav, header, footer, aside, scripts, styles,
  iframes, forms, and elements whose class/id says share/related/comments/...
  when they are link-heavy or short;
* the main container is the element collecting the most paragraph text: each
  paragraph-like element of >= 25 chars with few links adds its length to its
  parent and half of it to its grandparent (text density, as readability-style
  extractors do);
* the article text is rebuilt as "title\\n\\nparagraph\\n\\nparagraph ...", with the
  attribution line moved out of the body into ``ArticleMeta.attribution``.
"""

from __future__ import annotations

import re
from typing import Any

from align.errors import InputError
from align.text.shape import line_kind
from align.types import Article, ArticleMeta, Paragraph

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "nav",
    "header",
    "footer",
    "aside",
    "button",
    "svg",
    "select",
    "template",
    "object",
    "embed",
    "figure",
    "dialog",
    "menu",
)
_BOILERPLATE = re.compile(
    r"(?i)(?:^|[-_\s])(share|sharing|social|related|recommend\w*|comments?|newsletter|promo|advert\w*"
    r"|ads?|breadcrumbs?|menu|navbar|nav|subscribe|cookies?|sidebar|footer|header|tags|popular"
    r"|most-?read|widget|banner|sponsor\w*|outbrain|taboola|read-?more|more-?news)(?:[-_\s]|$)"
)
_ATTRIBUTION = re.compile(
    r"(?i)(translated (?:from|by)|translation by|\bsource\s*:|originally (?:published|appeared)"
    r"|first (?:published|appeared)|ترجم|ترجمة|المصدر|перев[оеё]д|переведено|источник\s*:)"
)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ISO = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "td", "dd")
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


def _norm(text: str) -> str:
    return " ".join(text.split())


def _meta(root: Any, keys: tuple[str, ...]) -> str | None:
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in keys and el.get("content", "").strip():
            return _norm(el.get("content"))
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
        root = lxml.html.document_fromstring(html)
    except Exception as exc:  # lxml raises ParserError/ValueError on hopeless input
        raise InputError(f"cannot parse HTML: {exc}", path=name) from None
    for br in root.iter("br"):  # "<p>One.<br>Two.</p>" must not read "One.Two."
        br.tail = "\n" + (br.tail or "")
    for el in list(root.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        if el.getparent() is not None:
            el.drop_tree()
    title = _title(root)
    published = _published(root, html)
    byline = _byline(root)
    attribution = _attribution(root)
    for el in list(root.iter(*_DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "article", "main"):
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
        if (
            el.getparent() is not None
            and _BOILERPLATE.search(marks)
            and (_link_density(el) > 0.3 or len(_norm(el.text_content())) < 200)
            or el.get("role") in ("navigation", "banner", "contentinfo", "complementary")
        ):
            el.drop_tree()
    parts: list[tuple[str, str]] = []
    if title:
        parts.append((title, "heading"))
    body = _main_paragraphs(root)
    for text, kind in body:
        if text == title or (attribution and text == attribution):
            continue
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
    meta = ArticleMeta(
        path=name,
        encoding=encoding,
        source_format="html",
        title=title,
        byline=byline,
        published=published,
        attribution=attribution,
    )
    return Article(meta, "\n\n".join(pieces), tuple(paragraphs))


def _title(root: Any) -> str | None:
    for h1 in root.iter("h1"):
        text = _norm(h1.text_content())
        if text:
            return text
    og = _meta(root, ("og:title", "twitter:title"))
    if og:
        return og
    for t in root.iter("title"):
        text = _norm(t.text_content())
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
            text = _norm(el.text_content())
            if 2 < len(text) < 150:
                return text
    return None


def _attribution(root: Any) -> str | None:
    best: str | None = None
    for el in root.iter("p", "div", "span", "small", "em", "i", "footer", "aside", "li", "section"):
        text = _norm(el.text_content())
        if (
            len(text) < 300
            and _ATTRIBUTION.search(text)
            and (best is None or len(text) < len(best))
        ):
            best = text
    return best


def _link_density(el: Any) -> float:
    total = len(_norm(el.text_content())) or 1
    links = sum(len(_norm(a.text_content())) for a in el.iter("a"))
    return links / total


def _is_leaf_block(el: Any) -> bool:
    """A paragraph-like element: p/h*/li, or a div/td holding text but no block children."""
    if el.tag in ("div", "td", "dd", "blockquote"):
        return not any(
            isinstance(c.tag, str) and c.tag in _BLOCKS + ("ul", "ol", "table")
            for c in el.iterdescendants()
        )
    return True


def _main_paragraphs(root: Any) -> list[tuple[str, str]]:
    scores: dict[Any, float] = {}
    for el in root.iter("p", "div", "td", "pre", "blockquote", "li", "dd"):
        if not _is_leaf_block(el):
            continue
        text = _norm(el.text_content())
        if len(text) < 25 or _link_density(el) > 0.5:
            continue
        parent = el.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + len(text)
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + len(text) / 2
    if not scores:
        return []
    best = max(scores, key=lambda k: scores[k])
    out: list[tuple[str, str]] = []
    for el in best.iter(*_BLOCKS):
        if not _is_leaf_block(el) or (el.tag == "li" and any(c.tag in ("p", "div") for c in el)):
            continue
        if el.tag not in ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre") and any(
            a.tag in ("p", "li") for a in el.iterancestors()
        ):
            continue
        text = _norm(el.text_content())
        if not text or (_link_density(el) > 0.5 and len(text) < 200):
            continue
        if el.tag.startswith("h") and len(el.tag) == 2:
            kind = "heading"
        elif el.tag == "li":
            kind = "list_item"
        else:
            kind = "dateline" if line_kind(text) == "dateline" else "body"
        out.append((text, kind))
    return out
