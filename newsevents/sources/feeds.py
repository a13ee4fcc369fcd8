"""RSS and Atom feeds -> one ArticleInput per item, through feedparser.

Text: the item's longest ``content`` (Atom ``<content>``, RSS ``content:encoded``) or else
its ``summary``/``description``, HTML stripped with lxml (block elements become paragraphs
separated by a blank line; scripts, styles and images dropped; link-only blocks such as
"Continue reading..." or "Related: <headline>" dropped, as jusText drops link-dense
paragraphs). An item with neither content nor summary gets its title as text (the headline
is the only text such a feed carries). Title, ``link`` as url, ``id``/guid as id.

Date: the raw ``published`` (else ``updated``) string parsed as written: RFC 822 ("Wed, 31
Jan 2018 07:26:05 GMT") by the standard library, ISO 8601 as written; else feedparser's
``*_parsed`` value (UTC); else dateparser with ``languages=["pt", "en"]`` plus the feed's
``<language>`` -- feedparser knows English names only, so "Seg, 24 Set 2018" (UOL) needs it.

Any encoding feedparser can detect is read (XML declaration, BOM, HTTP charset, else
UTF-8 then Windows-1252: the UOL feed has ISO-8859-1 bytes and no declaration).
Items in other languages are passed on as they are; the pipeline marks them non-English.
"""
from __future__ import annotations

import logging
from datetime import date as Date
from email.utils import parsedate_to_datetime
from typing import Iterator, Optional, Union

from ..pipeline import ArticleInput
from .base import day_as_written, looks_binary, problem_input

__all__ = ["read_feed", "html_to_text", "item_day"]

logger = logging.getLogger("newsevents.sources")

#: block-level HTML elements that end a paragraph (HTML Living Standard, "flow content")
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "pre", "table", "tr", "td", "th", "section", "article", "header", "footer", "figure",
           "figcaption", "dd", "dt", "hr"}
#: elements whose content is never article text
_DROP = {"script", "style", "noscript", "img", "iframe", "object", "embed", "svg", "video", "audio", "form"}
#: a block whose link text is more than this share of its text is navigation (cf. jusText's
#: MAX_LINK_DENSITY 0.2 for good paragraphs; 0.5 keeps sentences with an inline link)
_MAX_LINK_DENSITY = 0.5
#: dateparser languages tried after the feed's own (the corpus: Portuguese UOL, English feeds)
_DATE_LANGUAGES = ("pt", "en")


def read_feed(data: Union[bytes, str], name: str, published: Optional[Date] = None,
              encoding: Optional[str] = None, ident: Optional[str] = None) -> Iterator[ArticleInput]:
    """Yield one ArticleInput per item of an RSS 0.9x/1.0/2.0 or Atom feed.

    data (bytes | str): the feed document.
    name (str): the source's name for ids and messages (file stem or URL).
    published (date | None): day for items that carry no date.
    encoding (str | None): charset from an HTTP header, if any.
    ident (str | None): the id of the feed as a whole, for the records of E032 and E033 (the
        file's name without its ending, as for a page: README "Article ids"); None: ``name``.
    YIELDS (ArticleInput): ``id`` = the item's guid/id, else its link, else ``name:n``
        (n counts items from 1); ``text``, ``title``, ``url`` (item link), ``published``
        (item day as written). A problem record (E032 not a feed/empty/binary, E033 no
        items, E037 one item unreadable) instead of raising.
    """
    import feedparser

    whole = ident or name
    if isinstance(data, str):
        data = data.encode("utf-8")
        encoding = "utf-8"
    if not data.strip():
        yield problem_input("E032", whole, name=name, reason="the file is empty")
        return
    if looks_binary(data):
        yield problem_input("E032", whole, name=name, reason="the content is binary, not XML")
        return
    headers = {"content-type": f"application/xml; charset={encoding}"} if encoding else None
    try:
        feed = feedparser.parse(data, response_headers=headers)
    except Exception as err:  # feedparser is lenient, but hostile input can still raise
        yield problem_input("E032", whole, name=name, reason=f"{type(err).__name__}: {err}")
        return
    entries = feed.get("entries") or []
    if not entries:
        if feed.get("bozo") or not feed.get("version"):
            reason = feed.get("bozo_exception") or "no RSS or Atom root element"
            yield problem_input("E032", whole, name=name, reason=f"not a feed ({reason})")
        else:
            yield problem_input("E033", whole, name=name)
        return
    recovered = None
    problem = None
    if feed.get("bozo"):
        logger.info("feed %s read with a problem: %s", name, feed.get("bozo_exception"))
        problem = str(feed.get("bozo_exception") or "malformed XML")[:200]
    language = (feed.get("feed", {}).get("language") or "").split("-")[0].lower() or None
    for n, entry in enumerate(entries, start=1):
        ident = entry.get("id") or entry.get("link") or f"{name}:{n}"
        try:
            item = _item(entry, ident, published, language)
            if problem and not _has_body(entry):
                # feedparser dropped what an unclosed element held: read it with a recovering parser
                if recovered is None:
                    recovered = recovered_bodies(data)
                body = recovered[n - 1] if len(recovered) == len(entries) else ""
                if body:
                    item.text = body
                    item.warnings = (f"Feed {name} is malformed ({problem}); the text of item {n} was recovered "
                                     "from its unclosed element and may be incomplete",)
                else:
                    item.warnings = (f"Feed {name} is malformed ({problem}); item {n} has no description "
                                     "or content left: its title is its text",)
            yield item
        except Exception as err:  # one odd item must not stop the feed
            logger.debug("feed %s item %d failed", name, n, exc_info=True)
            yield problem_input("E037", ident, entry.get("link"), name=name, n=n,
                                reason=f"{type(err).__name__}: {err}")


def _item(entry, ident: str, published: Optional[Date], language: Optional[str]) -> ArticleInput:
    link = entry.get("link") or None
    title = html_to_text(entry.get("title") or "", None) or None
    bodies = [c.get("value") or "" for c in entry.get("content") or []]
    texts = [html_to_text(b, link) for b in bodies if b.strip()]
    text = max(texts, key=len) if texts else ""
    if not text:
        text = html_to_text(entry.get("summary") or "", link)
    if not text:
        text = title or ""
    day = item_day(entry, language) or published
    return ArticleInput(text=text, published=day, id=ident, title=title, url=link)


def _has_body(entry) -> bool:
    return any((c.get("value") or "").strip() for c in entry.get("content") or []) or \
        bool((entry.get("summary") or "").strip())


#: element names (any namespace) that hold an item's text
_BODY_TAGS = ("encoded", "content", "description", "summary")


def recovered_bodies(data: bytes) -> list:
    """The text of each item of a malformed feed, read with libxml2's recovering parser.

    feedparser gives up at an element left open (an unclosed ``<description>`` swallows what
    follows it) and the item keeps only its title; libxml2 in recover mode keeps the text
    read so far. Of each item's first body element (content:encoded, content, description,
    summary), the element's own text and the text after its child elements are kept (a
    ``<pubDate>`` swallowed by the open element is not text of the article).
    RETURNS (list[str]): one text per ``item``/``entry`` in document order ("" where none).
    """
    from lxml import etree

    try:
        root = etree.fromstring(data, etree.XMLParser(recover=True, resolve_entities=False, no_network=True,
                                                      huge_tree=False))
    except (etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    out = []
    for item in root.iter():
        if not isinstance(item.tag, str) or etree.QName(item).localname not in ("item", "entry"):
            continue
        text = ""
        for child in item:
            if isinstance(child.tag, str) and etree.QName(child).localname in _BODY_TAGS:
                raw = (child.text or "") + "".join(c.tail or "" for c in child)
                text = html_to_text(raw)
                if text:
                    break
        out.append(text)
    return out


def item_day(entry, language: Optional[str] = None) -> Optional[Date]:
    """The publication day of a feed item, as written.

    entry (feedparser.FeedParserDict): the item.
    language (str | None): the feed's ISO 639-1 language, tried first by dateparser.
    RETURNS (date | None): from ``published``, else ``updated``, else ``created``.
    """
    for key in ("published", "updated", "created"):
        raw = (entry.get(key) or "").strip()
        if raw:
            day = _parse_day(raw, entry.get(key + "_parsed"), language)
            if day:
                return day
    return None


def _parse_day(raw: str, parsed, language: Optional[str]) -> Optional[Date]:
    day = day_as_written(raw)
    if day:
        return day
    try:
        return parsedate_to_datetime(raw).date()  # RFC 822/2822, in the writer's time zone
    except (TypeError, ValueError, IndexError):
        pass
    if parsed:
        try:
            return Date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        except (AttributeError, ValueError):
            pass
    import dateparser

    languages = list(dict.fromkeys(([language] if language else []) + list(_DATE_LANGUAGES)))
    try:
        value = dateparser.parse(raw, languages=languages, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # unknown language code, odd input
        value = dateparser.parse(raw, languages=list(_DATE_LANGUAGES))
    return value.date() if value else None


def html_to_text(markup: str, self_link: Optional[str] = None) -> str:
    """Plain text of an HTML fragment (a feed item's content or summary).

    markup (str): HTML or plain text (entities are decoded either way).
    self_link (str | None): the item's own URL: links to it ("Continue reading...") are dropped.
    RETURNS (str): paragraphs separated by one blank line, spaces collapsed; "" for no text.
    """
    if not markup or not markup.strip():
        return ""
    if "<" not in markup and "&" not in markup:
        return " ".join(markup.split())
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(markup.split())
    for el in list(root.iter()):
        if not isinstance(el.tag, str):  # comments, processing instructions: skipped by _collect
            continue
        if el.tag in _DROP:
            el.drop_tree()
        elif el.tag == "a" and self_link and (el.get("href") or "").strip() == self_link:
            el.drop_tree()
    paragraphs: list[str] = []
    _collect(root, paragraphs)
    return "\n\n".join(paragraphs)


def _collect(root, paragraphs: list) -> None:
    """Append the text of each block of ``root`` to ``paragraphs``, skipping link-dense blocks."""
    parts: list[str] = []
    linked = [0]

    def flush():
        text = " ".join("".join(parts).split())
        if text and linked[0] / len(text) <= _MAX_LINK_DENSITY:
            paragraphs.append(text)
        parts.clear()
        linked[0] = 0

    def walk(el):
        block = el.tag in _BLOCKS
        if block:
            flush()
        if el.text:
            parts.append(el.text)
        for child in el:
            if not isinstance(child.tag, str):
                pass  # comment or processing instruction: only its tail is text
            elif child.tag == "a":
                linked[0] += len(" ".join(child.text_content().split()))
                parts.append(child.text_content())
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            flush()

    walk(root)
    flush()
