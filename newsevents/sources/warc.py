"""WARC (and ARC) web archives -> one ArticleInput per archived HTML page, through warcio.

Read: ``response`` records (HTTP status 2xx) and ``resource`` records whose content type is
HTML (``text/html``, ``application/xhtml+xml``); every other record (requests, metadata,
revisits, redirects, images, CSS, ...) is skipped. Each page goes through
:func:`newsevents.sources.html.read_html`: url = ``WARC-Target-URI``; date = the page's
metadata, else the calendar day of ``WARC-Date`` (the capture time, UTC). Chunked transfer
and gzip/brotli content encodings are undone by warcio.

A truncated or corrupt archive yields the pages read so far, then one E034 problem record
for the rest; it never raises. warcio stops silently on some truncations, so each record
is checked: the file must start with ``WARC/`` (or ``filedesc://`` for ARC; warcio takes
any 5-word line for an ARC header), each record must have WARC-Type and Content-Length,
its block must be read to the end of Content-Length, and no bytes may be left after the
last record.
"""
from __future__ import annotations

import io
import logging
from datetime import date as Date
from typing import BinaryIO, Iterator, Optional

from ..pipeline import ArticleInput
from .base import day_as_written, problem_input
from .html import HTML_FAVOR, read_html

__all__ = ["read_warc", "HTML_TYPES", "MAX_RECORD_BYTES"]

logger = logging.getLogger("newsevents.sources")

#: most bytes of one record's page once decompressed (WARC gzip and HTTP content encoding undone):
#: a record of under 1 KB can expand to gigabytes; a real news page is well under 20 MB
#: (trafilatura's own MAX_FILE_SIZE is 20,000,000 too)
MAX_RECORD_BYTES = 20_000_000

#: media types of HTML pages (IANA: text/html, application/xhtml+xml)
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, name: str, published: Optional[Date] = None,
              favor: str = HTML_FAVOR, max_bytes: int = MAX_RECORD_BYTES) -> Iterator[ArticleInput]:
    """Yield one ArticleInput per HTML page archived in a WARC/ARC stream (gzip or not).

    stream (binary file): the archive, opened in binary mode.
    name (str): the archive's name, for messages.
    published (date | None): day for pages with neither a metadata date nor a WARC-Date.
    favor (str): trafilatura setting, see :func:`.html.read_html`.
    max_bytes (int): most bytes of one page once decompressed; a larger record (a
        decompression bomb) is read no further than this and becomes E039.
    YIELDS (ArticleInput): ``id`` = the WARC-Record-ID (``urn:uuid:...``), ``url`` =
        WARC-Target-URI, text/title/published as for HTML pages; E031 for a page
        without main text; E039 for one record over ``max_bytes`` or with a broken HTTP
        part or content encoding (the archive is read on); E034 once, last, for a
        truncated/corrupt archive (its framing: nothing after can be found); E035 when
        the archive holds no HTML page at all.
    """
    from warcio.archiveiterator import ArchiveIterator

    pages = skipped = records = 0
    try:
        stream, head = _peek(stream)
        if not head.strip():
            raise ValueError("the file is empty")
        if not head.startswith((b"WARC/", b"filedesc://")):
            raise ValueError(f"not a WARC or ARC file (it starts with {head[:12]!r})")
        iterator = ArchiveIterator(stream, arc2warc=True)
        for record in iterator:
            if record.length is None:  # no Content-Length: where the next record starts is unknown
                raise ValueError("a record header is incomplete (no Content-Length)")
            headers = record.rec_headers
            ident = (headers.get_header("WARC-Record-ID") or f"{name}#{records + 1}").strip("<>")
            url = headers.get_header("WARC-Target-URI") or None
            try:  # one record's own problems (headers, HTTP part, content encoding, size) end that record only
                if not record.rec_type:
                    raise ValueError("the record has no WARC-Type header")
                html_type, charset = _html_type(record)
                payload = _read_capped(record.content_stream(), max_bytes) if html_type else None
            except Exception as err:
                logger.debug("WARC %s record %d failed", name, records + 1, exc_info=True)
                _drain(record)  # the framing is intact: go on with the next record
                records += 1
                pages += 1
                reason = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
                yield problem_input("E039", ident, url, name=name, n=records, reason=reason[:300])
                continue
            _drain(record)
            records += 1
            if not html_type:
                skipped += 1
                continue
            fallback = day_as_written(headers.get_header("WARC-Date")) or published
            pages += 1
            yield read_html(payload, ident=ident, url=url, published=fallback, encoding=charset, favor=favor)
        left = _size(stream) - getattr(iterator, "offset", 0) if _size(stream) is not None else 0
        if left > 4:  # warcio ends silently on a record cut inside its headers; allow trailing CRLFs
            raise EOFError(f"the last {left:,} bytes hold no complete record")
    except Exception as err:  # warcio raises ArchiveLoadFailed, zlib.error, EOFError, ValueError...
        logger.debug("WARC %s failed after %d records", name, records, exc_info=True)
        reason = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
        yield problem_input("E034", f"{name}#{records + 1}", name=name, n=records, reason=reason)
        return
    if not pages:
        yield problem_input("E035", name, name=name, n=skipped)


class RecordTooLarge(ValueError):
    """A record's page is larger than the cap once decompressed."""


def _read_capped(stream, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream``, read in blocks; RAISES RecordTooLarge beyond it.

    warcio decompresses block by block, so memory stays near ``limit`` whatever the
    record expands to (the rest is drained without being kept)."""
    chunks, size = [], 0
    while True:
        block = stream.read(min(1 << 20, limit + 1 - size))
        if not block:
            return b"".join(chunks)
        chunks.append(block)
        size += len(block)
        if size > limit:
            raise RecordTooLarge(f"the page is larger than {limit:,} bytes once decompressed "
                                 "(a decompression bomb?)")


def _peek(stream: BinaryIO, size: int = 4096) -> tuple[BinaryIO, bytes]:
    """(a stream positioned as before, its first bytes, gunzipped when it is gzip)."""
    import zlib

    if stream.seekable():
        pos = stream.tell()
        head = stream.read(size)
        stream.seek(pos)
    else:  # a pipe: keep what was read
        data = stream.read()
        stream, head = io.BytesIO(data), data[:size]
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, size)
        except zlib.error as err:
            raise ValueError(f"broken gzip data ({err})") from None
    return stream, head


def _size(stream: BinaryIO) -> Optional[int]:
    """Bytes read from the stream so far (its end, once the iterator is done), None if unknown."""
    try:
        return stream.tell()
    except (OSError, AttributeError, ValueError):
        return None


def _html_type(record) -> tuple[bool, Optional[str]]:
    """(is an HTML page, charset or None) for a record."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return False, None
        status = (http.get_statuscode() or "")
        if not status.startswith("2"):
            return False, None
        ctype = http.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False, None
    media, _, params = ctype.partition(";")
    if media.strip().lower() not in HTML_TYPES:
        return False, None
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return True, charset


def _drain(record) -> None:
    """Read the rest of a record's block; raise EOFError when it ends before Content-Length."""
    raw = record.raw_stream
    while raw.read(65536):
        pass
    if getattr(raw, "limit", 0):
        raise EOFError(f"record {record.rec_headers.get_header('WARC-Record-ID')} ends "
                       f"{raw.limit:,} bytes before its Content-Length")
