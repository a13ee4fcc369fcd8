"""The feeds list: OPML (what feed readers export, read with listparser) or plain text.

A text file holds one feed URL a line; blank lines and lines starting with ``#`` are
skipped, and a title may follow the URL after white space (``https://... BBC World``). The
list is read again at every pass, so a feed added to the file is fetched on the next pass
(and one removed is no longer fetched; its state stays in the database).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..errors import InputError

__all__ = ["FeedEntry", "read_feed_list"]


@dataclass(frozen=True)
class FeedEntry:
    """One feed to follow. url (str): http(s) address; title (str | None)."""

    url: str
    title: Optional[str] = None


def read_feed_list(path) -> list[FeedEntry]:
    """Read a feeds list.

    path (str | Path): an OPML file (content starting with ``<``) or a text file.
    RETURNS (list[FeedEntry]): in file order, each URL once.
    RAISES InputError (E020): the file can't be read; (E070): not OPML nor a list of
        http(s) URLs, or no feed in it.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as err:
        raise InputError("E020", path=str(path), reason=err.strerror or err) from None
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    entries = _opml(data, str(path)) if head == b"<" else _text(data, str(path))
    seen, out = set(), []
    for entry in entries:
        if entry.url not in seen:
            seen.add(entry.url)
            out.append(entry)
    if not out:
        raise InputError("E070", path=str(path), reason="it lists no feed")
    return out


def _opml(data: bytes, name: str) -> list[FeedEntry]:
    import listparser

    try:
        result = listparser.parse(data)
    except Exception as err:  # listparser is lenient; hostile XML can still raise
        raise InputError("E070", path=name, reason=f"not OPML ({type(err).__name__}: {err})") from None
    feeds = result.get("feeds") or []
    if not feeds and result.get("bozo"):
        raise InputError("E070", path=name, reason=f"not OPML ({result.get('bozo_exception')})")
    out = []
    for feed in feeds:
        url = (feed.get("url") or "").strip()
        if url.lower().startswith(("http://", "https://")):
            out.append(FeedEntry(url, (feed.get("title") or "").strip() or None))
    return out


def _text(data: bytes, name: str) -> list[FeedEntry]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError("E070", path=name, reason=f"not UTF-8 text ({err})") from None
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url, _, title = line.partition(" ")
        if not url.lower().startswith(("http://", "https://")):
            raise InputError("E070", path=name, reason=f"line {n} is not an http(s) URL ({url[:60]!r})")
        out.append(FeedEntry(url, title.strip() or None))
    return out
