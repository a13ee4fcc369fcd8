"""HTML pages -> ArticleInput: main text, title and publication date through trafilatura.

The main text is found by ``trafilatura.bare_extraction`` (its own algorithm with
readability/jusText fallbacks), with ``favor_precision=True`` and no reader comments:
measured on the 24 pages of ``../shared/corpus/html`` (the Zyte article-extraction
benchmark pages), precision gave a mean similarity to the hand-made article body of
0.979 against 0.967 for the default and 0.952 for ``favor_recall`` (difflib
SequenceMatcher ratio; see ``tests/test_sources.py``), lowest page 0.83 against 0.76.
Reader comments are left out: they are not the article's reporting.

The publication date is read first from the page's structured metadata (schema.org
JSON-LD ``datePublished``, Open Graph ``article:published_time``, ``itemprop=datePublished``,
Dublin Core / common ``<meta>`` names), then from trafilatura's date search (htmldate),
which also reads URLs and visible datelines: on the CBS page of the corpus htmldate
takes the day in the URL (2019-11-19) while the JSON-LD says 2019-11-20. htmldate runs
without its "extensive search" (free-text guesses), which dated a page with no date
markup to the 1st of January of its "Copyright 2019" line; without it the corpus still
gets 24/24 days right (the PanARMENIAN dateline is found by the markup search).
The day is kept as written, with no shift to UTC (see :func:`.base.day_as_written`).
"""
from __future__ import annotations

import json
import logging
import re
from datetime import date as Date
from typing import Iterator, Optional, Union

from ..pipeline import ArticleInput
from .base import day_as_written, looks_binary, problem_input

__all__ = ["read_html", "page_published", "to_paragraphs", "decode_page", "HTML_FAVOR"]

logger = logging.getLogger("newsevents.sources")

#: extraction settings measured best on ../shared/corpus/html (see module docstring)
HTML_FAVOR = "precision"

#: a main text of fewer words is navigation left over ("Home"), not an article: E031
MIN_WORDS = 4
#: schema.org types whose ``datePublished`` is the article's (https://schema.org/Article and subtypes)
_ARTICLE_TYPES = ("Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
                  "LiveBlogPosting", "WebPage", "Report", "ScholarlyArticle")
#: <meta> names/properties holding the publication date, most specific first. Sources: Open Graph
#: article (https://ogp.me/#type_article), Dublin Core (DCMI terms "issued"/"date"), schema.org
#: microdata, and de-facto names used by news CMSs (Parse.ly, Sailthru, Google News "pubdate")
_META_DATE_KEYS = ("article:published_time", "og:article:published_time", "og:published_time",
                   "datepublished", "dcterms.issued", "dc.date.issued", "dc.date", "dcterms.date",
                   "parsely-pub-date", "sailthru.date", "pubdate", "publishdate", "publish-date",
                   "publication_date", "article.published", "date")


def read_html(data: Union[bytes, str], ident: Optional[str] = None, url: Optional[str] = None,
              published: Optional[Date] = None, encoding: Optional[str] = None,
              favor: str = HTML_FAVOR) -> ArticleInput:
    """Read one saved web page.

    data (bytes | str): the page. Bytes are decoded as browsers do (:func:`decode_page`: BOM,
        ``encoding`` (the HTTP charset), ``<meta charset>``, UTF-8, else Windows-1252 with a
        warning on the article).
    ident (str | None): id of the record (file stem, WARC record id).
    url (str | None): the page's address; None takes the page's canonical URL if it has one.
    published (date | None): fallback publication day when the page carries none.
    favor (str): "precision" (default, measured best), "recall" or "balanced".
    RETURNS (ArticleInput): ``text`` = main text, paragraphs separated by one blank line;
        ``title``; ``published`` = page metadata date, else ``published``; ``url``.
        A problem record (E030 can't parse / empty / binary, E031 no main text or fewer
        than MIN_WORDS words) when the page yields no article text. Never raises on bad input:
        every step (decoding, parsing, the date lookup, extraction) is inside one boundary.
    """
    name = ident or url or "<html>"
    try:
        return _read_html(data, ident, url, published, encoding, favor, name)
    except Exception as err:  # lxml, json (RecursionError), htmldate... on hostile pages: one record fails
        logger.debug("reading HTML page %s failed", name, exc_info=True)
        reason = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
        return problem_input("E030", ident, url, name=name, reason=f"reading failed ({reason[:300]})")


def _read_html(data, ident, url, published, encoding, favor, name) -> ArticleInput:
    guessed = None
    import trafilatura
    from trafilatura.settings import set_date_params
    from trafilatura.utils import load_html

    if isinstance(data, bytes):
        if not data.strip():
            return problem_input("E030", ident, url, name=name, reason="the file is empty")
        if looks_binary(data):
            return problem_input("E030", ident, url, name=name, reason="the content is binary, not HTML")
        data, guessed = decode_page(data, encoding)
    elif not data.strip():
        return problem_input("E030", ident, url, name=name, reason="the file is empty")
    try:
        tree = load_html(data)
    except Exception as err:  # lxml raises several types on hostile input
        return problem_input("E030", ident, url, name=name, reason=f"not parseable as HTML ({err})")
    if tree is None:
        return problem_input("E030", ident, url, name=name, reason="not parseable as HTML")
    meta_day = page_published(tree)
    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_precision=(favor == "precision"), favor_recall=(favor == "recall"),
            date_extraction_params=set_date_params(extensive=False))
    except Exception as err:  # trafilatura on malformed trees: report, don't crash the batch
        logger.debug("trafilatura failed on %s", name, exc_info=True)
        return problem_input("E030", ident, url, name=name, reason=f"extraction failed ({type(err).__name__}: {err})")
    text = to_paragraphs(getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text.split()) < MIN_WORDS:
        return problem_input("E031", ident, url, name=name)
    day = meta_day or day_as_written(getattr(doc, "date", None)) or published
    title = (getattr(doc, "title", None) or "").strip() or None
    return ArticleInput(text=text, published=day, id=ident, title=title, url=url or getattr(doc, "url", None),
                        warnings=(guessed,) if guessed else ())


#: charset labels that browsers read as windows-1252 (WHATWG Encoding Standard, "windows-1252" labels)
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
              "iso-ir-100", "cp819", "ibm819", "csisolatin1", "x-cp1252", "windows-1252", "cp1252"}
#: ``<meta charset=...>`` or ``<meta http-equiv="Content-Type" content="...; charset=...">``
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.I)
#: the bytes a page's <meta> charset is looked for in (HTML5 prescans 1,024; pages put scripts first)
_PRESCAN = 4096
#: the warning of a page read with the fallback charset
CHARSET_GUESSED = ("HTML page: no charset declared (no byte-order mark, HTTP charset or <meta charset>) "
                   "and the bytes are not UTF-8: read as Windows-1252, the HTML5 default for English pages")


def decode_page(data: bytes, encoding: Optional[str] = None) -> tuple:
    """Decode a saved web page as a browser does (WHATWG HTML "determining the character encoding").

    In order: a byte-order mark; ``encoding`` (the HTTP charset); UTF-8 when the bytes are
    valid UTF-8 (before the page's own label, as trafilatura did: a page labelled Latin-1 but
    saved as UTF-8 is common, valid UTF-8 by chance in another charset is not); a
    ``<meta charset>`` in the first 4,096 bytes; else Windows-1252, the HTML5 default for
    English (and what browsers take ISO-8859-1 and ASCII labels to mean). A label
    that is unknown or does not fit the bytes is passed over. Statistical detection
    (charset_normalizer, what trafilatura falls back to) read a short Latin-1 page as cp1250
    and cp850 ("cafķ", "naďve", trial 6): the HTML5 default is right for English pages.

    data (bytes). encoding (str | None): the charset the transport declared.
    RETURNS (tuple[str, str | None]): the text, and a warning when the charset was not declared
        and the bytes are not UTF-8 (the fallback was used), else None.
    """
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), None
    text = _decode_as(data, encoding)
    if text is not None:
        return text, None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:_PRESCAN])
    text = _decode_as(data, match.group(1).decode("ascii") if match else None)
    if text is not None:
        return text, None
    return _decode_as(data, "windows-1252"), CHARSET_GUESSED


def _decode_as(data: bytes, label: Optional[str]) -> Optional[str]:
    """``data`` decoded with the charset ``label`` (Latin-1 and ASCII labels as windows-1252), or None."""
    if not label:
        return None
    label = label.strip().lower()
    if label.startswith("utf-16"):  # a page that says utf-16 in ASCII bytes is not UTF-16 (WHATWG)
        label = "utf-8"
    if label in _AS_CP1252:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined map to C1 controls, as in browsers
            return data.decode("latin-1")
    try:
        return data.decode(label)
    except (LookupError, UnicodeDecodeError):
        return None


def to_paragraphs(text: str) -> str:
    """Trafilatura's text (one paragraph per line) with paragraphs separated by one blank line.

    RETURNS (str): stripped lines, empty ones dropped, joined by ``"\\n\\n"``.
    """
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def page_published(tree) -> Optional[Date]:
    """The publication day from a page's structured metadata.

    tree (lxml.html.HtmlElement): the parsed page.
    RETURNS (date | None): the first of JSON-LD ``datePublished`` (of an Article-like
        object), ``<meta>`` publication names, ``itemprop="datePublished"``, ``<time pubdate>``;
        None when none holds an ISO date.
    """
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except (ValueError, RecursionError):  # hostile JSON-LD ("[[[[..." nested 100,000 deep)
            continue
        day = _jsonld_day(data)
        if day:
            return day
    metas = {}
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = meta.get("content")
    for key in _META_DATE_KEYS:
        day = day_as_written(metas.get(key))
        if day:
            return day
    for el in tree.xpath('//*[@itemprop="datePublished"] | //time[@pubdate]'):
        day = day_as_written(el.get("datetime") or el.get("content") or (el.text or ""))
        if day:
            return day
    return None


def _jsonld_day(data) -> Optional[Date]:
    """``datePublished`` of the first Article-like object in a JSON-LD value (depth first)."""
    fallback = None
    for obj in _walk(data):
        if "datePublished" not in obj:
            continue
        day = day_as_written(obj.get("datePublished"))
        if not day:
            continue
        kinds = obj.get("@type") or ()
        kinds = (kinds,) if isinstance(kinds, str) else kinds
        if any(str(k) in _ARTICLE_TYPES for k in kinds):
            return day
        fallback = fallback or day
    return fallback


def _walk(data, depth: int = 0) -> Iterator[dict]:
    if depth > 6:
        return
    if isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _walk(value, depth + 1)
    elif isinstance(data, list):
        for value in data:
            yield from _walk(value, depth + 1)
