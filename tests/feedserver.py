"""A local HTTP server for the watch tests and benchmark: feeds and pages on 127.0.0.1.

Standard library only (``http.server``): each :class:`FeedServer` is one "host" (its own
port), serves whatever ``routes`` holds -- changed freely between passes --, answers
conditional GETs (ETag / Last-Modified -> 304), can be slow or fail per path, gzips when
asked, and logs every request so a test can count what was fetched.
"""
from __future__ import annotations

import gzip
import threading
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from datetime import datetime, timezone
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional

SHARED = Path(__file__).resolve().parents[2] / "shared"
HTML_DIR = SHARED / "corpus" / "html"


@dataclass
class Route:
    """What one path answers. body (bytes); status (int); content_type (str); etag (str | None);
    last_modified (str | None); delay (float): seconds before answering; gate (threading.Event |
    None): no answer until it is set (at most a minute); gzip (bool)."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    delay: float = 0.0
    gate: Optional[threading.Event] = None
    gzip: bool = False
    headers: dict = field(default_factory=dict)


class FeedServer:
    """One local server. ``url(path)`` is its address; ``routes[path] = Route(...)`` sets an answer;
    ``requests`` lists (path, headers) of every request, in order."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                with server._lock:
                    server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                if route is None:
                    return self._send(404, b"not found", "text/plain")
                if route.gate is not None:
                    route.gate.wait(60)
                if route.delay:
                    time.sleep(route.delay)
                if route.status == 200:
                    inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
                    if (route.etag and inm == route.etag) or (not route.etag and route.last_modified
                                                              and ims == route.last_modified):
                        return self._send(304, b"", None, route)
                body = route.body
                extra = {}
                if route.gzip and "gzip" in (self.headers.get("Accept-Encoding") or ""):
                    body = gzip.compress(body)
                    extra["Content-Encoding"] = "gzip"
                self._send(route.status, body, route.content_type, route, extra)

            def _send(self, status, body, ctype, route=None, extra=None):
                try:
                    self.send_response(status)
                    if ctype:
                        self.send_header("Content-Type", ctype)
                    if route is not None:
                        if route.etag:
                            self.send_header("ETag", route.etag)
                        if route.last_modified:
                            self.send_header("Last-Modified", route.last_modified)
                        for k, v in route.headers.items():
                            self.send_header(k, v)
                    for k, v in (extra or {}).items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if body:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, prefix: str = "/") -> list[str]:
        """Paths requested so far that start with ``prefix``."""
        with self._lock:
            return [p for p, _ in self.requests if p.startswith(prefix)]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def page_names(n: Optional[int] = None) -> list[str]:
    """Stems of the corpus pages (``../shared/corpus/html/*.html``), sorted, the first ``n``."""
    names = sorted(p.name[:-5] for p in HTML_DIR.glob("*.html"))
    return names[:n] if n else names


def page_bytes(stem: str) -> bytes:
    return (HTML_DIR / f"{stem}.html").read_bytes()


def expected_text(stem: str) -> str:
    return (HTML_DIR / f"{stem}.expected.txt").read_text(encoding="utf-8")


def summary(stem: str, words: int = 25) -> str:
    """The first ``words`` words of a page's expected text: what a feed's description carries."""
    return " ".join(expected_text(stem).split()[:words])


def rss(items: list[dict], title: str = "Test feed", link: str = "http://127.0.0.1/") -> bytes:
    """An RSS 2.0 document. items: dicts with title, link, guid (default link), description,
    published (datetime, default 2019-11-20 12:00 UTC)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<rss version="2.0"><channel>',
           f"<title>{escape(title)}</title><link>{escape(link)}</link><description>test</description>"]
    for it in items:
        day = it.get("published") or datetime(2019, 11, 20, 12, 0, tzinfo=timezone.utc)
        out.append("<item>"
                   f"<title>{escape(it.get('title', 'Untitled'))}</title>"
                   f"<link>{escape(it['link'])}</link>"
                   f"<guid>{escape(it.get('guid', it['link']))}</guid>"
                   f"<pubDate>{format_datetime(day)}</pubDate>"
                   f"<description>{escape(it.get('description', ''))}</description>"
                   "</item>")
    out.append("</channel></rss>")
    return "\n".join(out).encode("utf-8")


def feed_route(items: list[dict], etag: Optional[str] = None, **kw) -> Route:
    """A Route serving an RSS feed of ``items`` (an ETag derived from the content unless given)."""
    import hashlib

    body = rss(items, **kw)
    return Route(body=body, content_type="application/rss+xml; charset=utf-8",
                 etag=etag or '"' + hashlib.sha1(body).hexdigest()[:16] + '"')
