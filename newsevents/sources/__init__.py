"""Readers: turn files, streams and URLs into :class:`~newsevents.pipeline.ArticleInput`.

Supported: plain text files (one article per file), folders of inputs, JSON Lines (one
article per line: ``id``, ``title``, ``published``, ``text``, ``url``; the key names are
configurable), HTML pages (:mod:`.html`, trafilatura), RSS/Atom feeds (:mod:`.feeds`,
feedparser; one article per item), WARC/ARC web archives (:mod:`.warc`, warcio; one
article per archived HTML page), http(s) URLs of pages and feeds (fetched with
trafilatura), JSON arrays of articles, and ``-`` for standard input (read by content, as a file
with no known ending is). JSON and JSONL records, their checks and publication dates are in
:mod:`.records`.

A record that can't be read becomes an ArticleInput with ``problem`` set, so the batch
goes on and the failure is reported for that record.
"""
from __future__ import annotations

import hashlib
import logging
import io
import json
import re
import sys
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..errors import InputError
from ..pipeline import ArticleInput
from .records import JsonlRecord, _decode_bom, _read_json, _read_jsonl, parse_date, record_input  # noqa: F401

logger = logging.getLogger("newsevents.sources")

__all__ = ["ReaderOptions", "read_inputs", "undated_text_files", "page_copies", "read_file_bytes", "parse_date", "detect_format", "FORMATS", "JsonlRecord"]


@dataclass
class ReaderOptions:
    """How to read inputs.

    published (date | None): publication date for inputs that carry none (text files, stdin,
        pages and feed items without a date).
    fmt (str | None): one of FORMATS ("text", "jsonl", "json", "html", "feed", "warc"); None
        guesses from the file name, and from the content when the name is ambiguous
        (see :func:`detect_format`).
    id_key, title_key, published_key, text_key, url_key, source_key (str): JSONL field names.
    html_favor (str): trafilatura's setting for HTML pages and WARC records: "precision"
        (default, measured best on ../shared/corpus/html), "recall" or "balanced".
    max_record_bytes (int): most bytes of one WARC record's page once decompressed
        (default 20,000,000, :data:`.warc.MAX_RECORD_BYTES`); a larger record is E039.
    allow_private_hosts (bool): fetch http(s) URLs whose host is a private or loopback
        address (default False: refused with E071, see :mod:`.net`).
    """

    published: Optional[Date] = None
    fmt: Optional[str] = None
    id_key: str = "id"
    title_key: str = "title"
    published_key: str = "published"
    text_key: str = "text"
    url_key: str = "url"
    source_key: str = "source"
    html_favor: str = "precision"
    max_record_bytes: int = 20_000_000
    allow_private_hosts: bool = False


#: input formats and the file name endings that select them (checked longest first)
FORMATS = {
    "warc": (".warc", ".warc.gz", ".arc", ".arc.gz"),
    "html": (".html", ".htm", ".xhtml", ".shtml"),
    "feed": (".rss", ".atom", ".xml", ".rdf"),
    "jsonl": (".jsonl", ".ndjson"),
    "json": (".json",),
    "text": (".txt",),
}
#: formats read only when a file is named, not when a folder is walked (a folder's .json files
#: are as often settings or metadata as articles)
_NAMED_ONLY = ("json",)
#: endings of tables (a spreadsheet's export): refused with E027 unless a format is forced, since read as
#: text a table of articles would be one article of all its rows (trial 8)
TABLE_ENDINGS = {".csv": ("CSV", ""), ".tsv": ("TSV", ", delimiter='\\t'"), ".tab": ("TSV", ", delimiter='\\t'")}
#: endings whose format is confirmed by sniffing the first bytes (an .xml file may be a page)
_AMBIGUOUS = (".xml",)
_SUFFIX_FORMAT = sorted(((suffix, fmt) for fmt, suffixes in FORMATS.items() for suffix in suffixes),
                        key=lambda pair: -len(pair[0]))


def detect_format(name: str, head: bytes = b"") -> str:
    """The input format of a file from its name, and from its first bytes when needed.

    name (str): file name or URL path.
    head (bytes): the first bytes of the content (1-4 KB is enough), or b"".
    RETURNS (str): one of FORMATS. The name decides for known endings except ``.xml``;
        an unknown ending (or ``.xml``) is decided by the content: ``WARC/`` or a gzip
        member holding one -> "warc"; ``<rss``, ``<feed``, ``<rdf:RDF`` -> "feed";
        ``<!doctype html``, ``<html`` -> "html"; anything else -> "text".
    """
    lower = name.lower().split("?")[0]
    by_name = next((fmt for suffix, fmt in _SUFFIX_FORMAT if lower.endswith(suffix)), None)
    if by_name and not lower.endswith(_AMBIGUOUS):
        return by_name
    sniffed = _sniff(head) if head else None
    return sniffed or by_name or "text"


def _sniff(head: bytes) -> Optional[str]:
    if head.startswith(b"\x1f\x8b"):
        import zlib

        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return None
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    text = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"["):
        return "json"  # an array of articles
    if text.startswith(b"{"):
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
        try:
            return "jsonl" if isinstance(json.loads(first), dict) else None
        except ValueError:
            return "json" if b"\n" in head else None  # one pretty-printed object
    if text.startswith(b"<?xml") or text.startswith(b"<!--"):
        if b"<rss" in text or b"<feed" in text or b"<rdf:rdf" in text:
            return "feed"
        if b"<html" in text:
            return "html"
        return None
    if text.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    return None


def read_inputs(paths: Iterable[str], options: Optional[ReaderOptions] = None) -> Iterator[ArticleInput]:
    """Yield one ArticleInput per article in ``paths``.

    paths (iterable of str): files, folders (walked recursively for files of a known
        format), http(s) URLs of pages or feeds, or ``-`` for standard input.
    options (ReaderOptions | None).
    YIELDS (ArticleInput): in input order; for a file or URL that can't be read, a
        record with ``problem`` set (E030-E037) instead of raising; so is a file of a
        folder that can't be opened (E020).
    RAISES InputError (E020): a path given does not exist or can't be opened.
    """
    options = options or ReaderOptions()
    for path in paths:
        if path == "-":
            stdin = getattr(sys.stdin, "buffer", sys.stdin)  # bytes: a bad line is an error row, not a crash
            if options.fmt == "jsonl":
                yield from _read_jsonl(stdin, "<stdin>", options)
                continue
            data = stdin.read()
            data = data.encode("utf-8") if isinstance(data, str) else data
            # read by content, as a file without a known ending is: JSONL, a JSON array, a page,
            # a feed or WARC piped in are read as such, not as one text of their markup
            fmt = options.fmt or _sniff(data[:4096]) or "text"
            if fmt == "text":
                yield ArticleInput(text=_decode_bom(data), published=options.published, id=stdin_id(data))
            else:
                yield from _guarded(_read_bytes(data, "<stdin>", replace(options, fmt=fmt), ident=stdin_id(data)),
                                    "<stdin>")
            continue
        if path.lower().startswith(("http://", "https://")):
            yield from _guarded(_read_url(path, options), path)
            continue
        p = Path(path)
        if p.is_dir():
            files, skipped = _folder_files(p)
            _log_skipped(p, skipped)
            copies = page_copies(files)
            _log_copies(p, copies)
            files = [f for f in files if f not in copies]
            idents = folder_ids(files, p)
            for f in files:
                try:
                    yield from _guarded(_read_file(f, options, ident=idents[f]), str(f))
                except (OSError, InputError) as err:  # one file of the folder can't be opened: its error row
                    if not isinstance(err, InputError):
                        err = InputError("E020", path=str(f), reason=err.strerror or err)
                    yield ArticleInput(text="", id=str(f), problem=(err.code, err.message))
            continue
        if not p.exists():
            raise InputError("E020", path=path, reason="no such file or folder")
        try:
            yield from _guarded(_read_file(p, options), str(p))
        except OSError as err:
            raise InputError("E020", path=path, reason=err.strerror or err) from err


def stdin_id(data: bytes) -> str:
    """The id of a text read from stdin: ``stdin-`` and the first 12 hex digits of its SHA-1, so
    that two different texts piped in on two runs are two articles and the same text is one."""
    return "stdin-" + hashlib.sha1(data).hexdigest()[:12]


def _table_problem(name: str, options: ReaderOptions, ident: Optional[str]) -> Optional[ArticleInput]:
    """An E027 record for a file named as a table (``.csv``, ``.tsv``) when no --input-format forces
    a reading, else None. A CSV of articles read as text was one article of every row."""
    if options.fmt is not None:
        return None
    ending = next((e for e in TABLE_ENDINGS if name.lower().endswith(e)), None)
    if ending is None:
        return None
    from .base import problem_input

    kind, delimiter = TABLE_ENDINGS[ending]
    return problem_input("E027", ident or Path(name).stem, path=name, kind=kind, delimiter=delimiter)


def _read_file(p: Path, options: ReaderOptions, ident: Optional[str] = None) -> Iterator[ArticleInput]:
    table = _table_problem(str(p), options, ident)
    if table is not None:
        yield table
        return
    fmt = options.fmt or detect_format(p.name, _head(p))
    logger.debug("reading %s as %s%s", p, fmt, f" (id {ident})" if ident else "")
    if fmt == "jsonl":
        with open(p, "rb") as fh:
            yield from _read_jsonl(fh, str(p), options)
    elif fmt == "json":
        yield from _read_json(p.read_bytes(), str(p), options, ident or _stem(p.name))
    elif fmt == "warc":
        from .warc import read_warc

        with open(p, "rb") as fh:
            yield from read_warc(fh, str(p), options.published, favor=options.html_favor,
                                 max_bytes=options.max_record_bytes)
    elif fmt in ("html", "feed"):
        yield from _read_document(p.read_bytes(), fmt, ident or _stem(p.name), None, None, options, name=str(p))
    else:
        yield ArticleInput(text=_decode_bom(p.read_bytes()), published=options.published, id=ident or p.stem)


def read_file_bytes(data: bytes, name: str, options: Optional[ReaderOptions] = None,
                    ident: Optional[str] = None) -> Iterator[ArticleInput]:
    """The articles of one file already in memory, exactly as :func:`read_inputs` reads that file.

    For engines that read files themselves (``newsevents.runners.ray``: Ray's file reader gives
    the bytes, this turns them into ArticleInput inside the map step), so that ids, dates and
    error rows are the same as on the local path.
    data (bytes): the whole file. name (str): its path as the user gave it (names ids such as
        ``path:line`` and messages). options (ReaderOptions | None). ident (str | None): the
        id of a single-article file (:func:`folder_id` for a file found in a folder), else its stem.
    YIELDS (ArticleInput): one per article; a record that can't be read has ``problem`` set.
    """
    options = options or ReaderOptions()
    yield from _guarded(_read_bytes(bytes(data), name, options, ident), name)


def _read_bytes(data: bytes, name: str, options: ReaderOptions, ident: Optional[str] = None) -> Iterator[ArticleInput]:
    table = _table_problem(name, options, ident)
    if table is not None:
        yield table
        return
    fmt = options.fmt or detect_format(Path(name).name, data[:4096])
    if fmt == "jsonl":
        yield from _read_jsonl(io.BytesIO(data), name, options)
    elif fmt == "json":
        yield from _read_json(data, name, options, ident or _stem(Path(name).name))
    elif fmt == "warc":
        from .warc import read_warc

        yield from read_warc(io.BytesIO(data), name, options.published, favor=options.html_favor,
                             max_bytes=options.max_record_bytes)
    elif fmt in ("html", "feed"):
        yield from _read_document(data, fmt, ident or _stem(Path(name).name), None, None, options, name=name)
    else:
        yield ArticleInput(text=_decode_bom(data), published=options.published, id=ident or Path(name).stem)


def _guarded(records: Iterator[ArticleInput], name: str) -> Iterator[ArticleInput]:
    """The per-input error boundary: a reader failing in an unforeseen way (a bug, a library
    raising on hostile bytes) ends that input with one E038 record; the run goes on with the
    next input. OSError still raises (E020: the file can't be read at all)."""
    n = 0
    try:
        for record in records:
            n += 1
            yield _without_surrogates(record)
    except (OSError, InputError):
        raise
    except Exception as err:
        import logging

        logging.getLogger("newsevents.sources").debug("reading %s failed", name, exc_info=True)
        reason = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
        from .base import problem_input

        yield problem_input("E038", f"{name}#{n + 1}", name=name, n=n, reason=reason[:300])


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(art: ArticleInput) -> ArticleInput:
    """``art`` with lone UTF-16 surrogates in its text, title, url, source or id replaced by U+FFFD,
    and a warning saying so. JSON allows escapes such as ``"\\ud83d"`` (half an emoji, cut by a
    crawler) and feeds such character references; such a string can't be encoded as UTF-8, so
    the article failed (E199) or, in a title, stopped the whole ingest with a traceback. One
    character for one: evidence offsets are unchanged."""
    found = [f for f in ("text", "title", "url", "source", "id")
             if isinstance(getattr(art, f), str) and _SURROGATE.search(getattr(art, f))]
    if not found:
        return art
    fixed = {f: _SURROGATE.sub("\ufffd", getattr(art, f)) for f in found}
    note = (f"lone UTF-16 surrogates (broken escapes such as \\ud83d) in {', '.join(found)} were replaced by "
            "U+FFFD")
    return replace(art, **fixed, warnings=tuple(art.warnings) + (note,))


def _read_document(data: bytes, fmt: str, ident: str, url: Optional[str], encoding: Optional[str],
                   options: ReaderOptions, name: Optional[str] = None) -> Iterator[ArticleInput]:
    """Dispatch one in-memory document to its reader.

    ident: id of a single-article document (file stem or URL); url: its address if fetched;
    name: the file path, naming a feed or archive in ids (``path:n``) and messages.
    """
    if fmt == "html":
        from .html import read_html

        yield read_html(data, ident=ident, url=url, published=options.published, encoding=encoding,
                        favor=options.html_favor)
    elif fmt == "feed":
        from .feeds import read_feed

        yield from read_feed(data, url or name or ident, published=options.published, encoding=encoding,
                             ident=url or ident)
    elif fmt == "warc":
        from .warc import read_warc

        yield from read_warc(io.BytesIO(data), url or name or ident, options.published, favor=options.html_favor,
                             max_bytes=options.max_record_bytes)
    elif fmt == "jsonl":
        yield from _read_jsonl(io.BytesIO(data), url or name or ident, options)
    else:
        yield ArticleInput(text=data, published=options.published, id=ident, url=url)


def _read_url(url: str, options: ReaderOptions) -> Iterator[ArticleInput]:
    """Fetch a page or feed (:func:`.net.fetch`: redirects, gzip, private addresses refused unless
    allowed) and read it (format by URL, then content)."""
    from .base import problem_input
    from .net import FetchError, PrivateAddressError, fetch

    try:
        response = fetch(url, allow_private_hosts=options.allow_private_hosts)
    except PrivateAddressError as err:
        yield problem_input("E071", url, url, url=url, host=err.host, address=err.address)
        return
    except FetchError as err:
        yield problem_input("E036", url, url, url=url, reason=err.reason)
        return
    if response.status != 200 or not response.data:
        reason = f"HTTP status {response.status}" if response.status != 200 else "empty response"
        yield problem_input("E036", url, url, url=url, reason=reason)
        return
    data, encoding = response.data, response.encoding
    ctype = response.headers.get("content-type", "")
    fmt = options.fmt or _format_of_type(ctype) or detect_format(url.split("#")[0], data[:4096])
    if fmt == "text" and not options.fmt:
        fmt = "html"  # a web address with no recognisable content: try it as a page
    yield from _read_document(data, fmt, url, url, encoding, options)


def _format_of_type(ctype: str) -> Optional[str]:
    media = ctype.split(";")[0].strip().lower()
    if media in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if media in ("text/html", "application/xhtml+xml"):
        return "html"
    if media in ("application/warc", "application/x-warc"):
        return "warc"
    return None


def _known_file(name: str) -> bool:
    lower = name.lower()
    return any(lower.endswith(suffix) for suffix, fmt in _SUFFIX_FORMAT if fmt not in _NAMED_ONLY)


def _stem(name: str) -> str:
    """File name without its format ending: ``page.html`` -> ``page``, ``a.warc.gz`` -> ``a``."""
    lower = name.lower()
    for suffix, _ in _SUFFIX_FORMAT:
        if lower.endswith(suffix):
            return name[: -len(suffix)] or name
    return Path(name).stem


def _head(path: Path, size: int = 4096) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(size)


# the folder walk (imported last: it reads the helpers above)
from .folders import _folder_files, _log_copies, _log_skipped, folder_id, folder_ids, page_copies, undated_text_files  # noqa: E402,F401
