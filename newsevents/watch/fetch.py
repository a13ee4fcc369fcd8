"""Polite fetching for ``newsevents watch``: one asyncio httpx client shared by every feed.

- at most ``concurrency`` requests in flight overall (a semaphore);
- one request at a time per host (``host:port``), and ``host_delay`` seconds between two
  requests to one host (longer when its robots.txt asks for a ``Crawl-delay``): each host
  has its own lock, so a slow or failing host holds up only its own queue;
- conditional GET (``If-None-Match`` / ``If-Modified-Since``); a 304 has no body;
- robots.txt (protego, RFC 9309) read once per host and kept for ``robots_ttl`` seconds,
  checked for pages: 4xx means everything is allowed, 5xx or no answer means nothing is
  (RFC 9309 section 2.3.1.4) until it is read again;
- timeouts (``timeout`` seconds for a whole request) and retries with exponential backoff
  (tenacity) for connection errors, timeouts, 429 and 5xx; other statuses are answers;
- a ``Retry-After`` on a 429 or 503 (seconds or an HTTP date, RFC 9110 section 10.2.3) is
  honoured: the host gets no request before it, the retry included, up to
  ``max_retry_after`` seconds; a longer one ends the attempts at once, and the error carries
  it (``FetchError.retry_after``) so that a feed is not tried again before;
- private and loopback addresses refused unless ``allow_private_hosts``
  (:mod:`newsevents.sources.net`), each redirect hop checked, and connections made only to
  the address checked (:mod:`newsevents.sources.transport`); gzip/deflate undone;
- the User-Agent names newsevents (``user_agent``).
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import timezone
from email.utils import parsedate_to_datetime
from typing import Optional
from urllib.parse import urlsplit

from ..sources.net import (MAX_BYTES, USER_AGENT, Fetched, FetchError, PrivateAddressError, charset_of,
                           check_host_async, describe)
from ..sources.transport import async_transport

__all__ = ["FetchOptions", "Fetcher", "ROBOTS_AGENT", "retry_after"]

#: the product token matched against robots.txt ``User-agent`` lines
ROBOTS_AGENT = "newsevents"
#: statuses worth retrying (RFC 9110: the server may answer later)
_RETRY_STATUS = {429, 500, 502, 503, 504}
#: statuses whose Retry-After header says when to ask again (RFC 9110 section 10.2.3; RFC 6585)
_RETRY_AFTER_STATUS = {429, 503}


@dataclass
class FetchOptions:
    """How to fetch. All times in seconds.

    user_agent (str): the User-Agent header (default :data:`newsevents.sources.net.USER_AGENT`).
    concurrency (int): most requests in flight overall.
    host_delay (float): pause between two requests to one host.
    timeout (float): most time for one request attempt (connect, send, read the body).
    retries (int): further attempts after a failed one (connection error, timeout, 429, 5xx).
    backoff (float): wait before the first retry; doubled each time (at most 60 s).
    max_retry_after (float): longest ``Retry-After`` (429/503) waited for; a longer one ends
        the attempts (a feed is then backed off at least that long).
    allow_private_hosts (bool): fetch from private/loopback addresses too.
    robots (bool): read and obey robots.txt for pages.
    robots_ttl (float): how long a host's robots.txt is kept.
    max_bytes (int): most bytes of one response body.
    """

    user_agent: str = USER_AGENT
    concurrency: int = 8
    host_delay: float = 1.0
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    max_retry_after: float = 120.0
    allow_private_hosts: bool = False
    robots: bool = True
    robots_ttl: float = 86400.0
    max_bytes: int = MAX_BYTES


class _Retry(Exception):
    """An attempt worth repeating; ``final`` is what to raise when the attempts run out.
    ``told`` (bool): the server said when to retry (Retry-After), so no backoff of our own."""

    def __init__(self, final: FetchError, told: bool = False):
        super().__init__(final.reason)
        self.final = final
        self.told = told


def retry_after(value: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """Seconds to wait from a ``Retry-After`` header value: delta-seconds (``120``) or an HTTP date
    (``Fri, 04 Dec 2026 10:00:00 GMT``, measured from ``now``, default the clock).
    RETURNS (float | None): 0 or more; None when absent or unreadable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


class _Host:
    def __init__(self):
        self.lock = asyncio.Lock()
        self.next_at = 0.0
        self.delay: Optional[float] = None  # robots.txt Crawl-delay
        self.robots = None  # protego.Protego, or "all"/"none"
        self.robots_lock = asyncio.Lock()  # one robots.txt request per host, however many pages wait
        self.robots_at = 0.0
        self.robots_problem: Optional[str] = None  # why robots.txt could not be read (disallow all)


class Fetcher:
    """The shared HTTP client of a watch process (create and use it inside one event loop).

    options (FetchOptions).
    sleep (coroutine function): how the fetcher waits (``asyncio.sleep``; tests pass one that
        records the waits).
    Counters: ``requests`` (attempts sent, robots.txt included), ``not_modified`` (304s).
    """

    def __init__(self, options: Optional[FetchOptions] = None, sleep=asyncio.sleep):
        import httpx

        self.options = options or FetchOptions()
        self.sleep = sleep
        limits = httpx.Limits(max_connections=self.options.concurrency * 2,
                              max_keepalive_connections=self.options.concurrency)
        guarded = not self.options.allow_private_hosts
        self.client = httpx.AsyncClient(
            follow_redirects=True, timeout=self.options.timeout, headers={"User-Agent": self.options.user_agent},
            event_hooks={"request": [self._guard]} if guarded else {},
            transport=async_transport(limits) if guarded else httpx.AsyncHTTPTransport(limits=limits))
        self.semaphore = asyncio.Semaphore(self.options.concurrency)
        self.hosts: dict[str, _Host] = {}
        self.requests = 0
        self.not_modified = 0

    async def aclose(self) -> None:
        await self.client.aclose()

    @staticmethod
    async def _guard(request) -> None:
        await check_host_async(str(request.url))

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        if key not in self.hosts:
            self.hosts[key] = _Host()
        return self.hosts[key]

    async def get(self, url: str, etag: Optional[str] = None, last_modified: Optional[str] = None) -> Fetched:
        """GET ``url`` politely (conditional when validators are given).

        RETURNS (Fetched): status 200-299 or 304 (``data`` empty for 304).
        RAISES FetchError: another status (``status`` set), no response after the retries,
            a refused address (PrivateAddressError), a body over ``max_bytes``; ``retry_after``
            (seconds) set when a 429/503 said when to ask again.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = await self._polite(url, headers)
        if response.status == 304:
            self.not_modified += 1
            return response
        if not 200 <= response.status < 300:
            raise FetchError(f"HTTP status {response.status}", status=response.status)
        return response

    async def allowed(self, url: str) -> bool:
        """RETURNS (bool): robots.txt of ``url``'s host lets newsevents fetch it (True when
        ``robots`` is off)."""
        if not self.options.robots:
            return True
        host = self._host(url)
        async with host.robots_lock:
            await self._read_robots(url, host)
        if host.robots == "all":
            return True
        if host.robots == "none":
            return False
        return host.robots.can_fetch(url, ROBOTS_AGENT)

    def robots_problem(self, url: str) -> Optional[str]:
        """RETURNS (str | None): why the robots.txt of ``url``'s host could not be read, when
        that is why :meth:`allowed` refuses every page of the host (RFC 9309: an unreachable
        robots.txt or a server error means complete disallow); None when the rules were read."""
        return self._host(url).robots_problem

    async def _read_robots(self, url: str, host: _Host) -> None:
        now = time.monotonic()
        if host.robots is None or now - host.robots_at > self.options.robots_ttl:
            parts = urlsplit(url)
            robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
            host.robots_problem = None
            try:
                response = await self._polite(robots_url, {})
            except PrivateAddressError:
                raise
            except FetchError as err:
                host.robots = "none"  # unreachable: assume complete disallow (RFC 9309 2.3.1.4)
                host.robots_problem = f"{robots_url} could not be fetched ({err.reason})"
            else:
                host.robots = _parse_robots(response)
                if host.robots == "none":
                    host.robots_problem = f"{robots_url} answered HTTP {response.status}"
                if not isinstance(host.robots, str):
                    delay = host.robots.crawl_delay(ROBOTS_AGENT)
                    host.delay = float(delay) if delay else None
            host.robots_at = time.monotonic()

    async def _polite(self, url: str, headers: dict) -> Fetched:
        """One request with the host's turn, the global limit, the timeout and the retries."""
        from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_exponential

        backoff = wait_exponential(multiplier=self.options.backoff, max=60)

        def wait(state) -> float:  # a Retry-After already set the host's next turn (see _attempt)
            return 0.0 if getattr(state.outcome.exception(), "told", False) else backoff(state)

        host = self._host(url)
        async with host.lock:
            try:
                async for attempt in AsyncRetrying(
                        stop=stop_after_attempt(self.options.retries + 1), wait=wait, sleep=self.sleep,
                        retry=retry_if_exception_type(_Retry), reraise=True):
                    with attempt:
                        return await self._attempt(url, headers, host)
            except _Retry as err:
                raise err.final from None
        raise FetchError("no attempt was made")  # pragma: no cover - tenacity always attempts once

    async def _attempt(self, url: str, headers: dict, host: _Host) -> Fetched:
        import httpx

        wait = host.next_at - time.monotonic()
        if wait > 0:
            await self.sleep(wait)
        try:
            async with self.semaphore:
                self.requests += 1
                response = await asyncio.wait_for(self._send(url, headers), timeout=self.options.timeout)
        except FetchError:
            raise
        except asyncio.TimeoutError:
            raise _Retry(FetchError(f"timed out after {self.options.timeout:g} s")) from None
        except httpx.TransportError as err:
            raise _Retry(FetchError(describe(err))) from None
        except httpx.HTTPError as err:  # too many redirects, invalid URL...
            raise FetchError(describe(err)) from None
        finally:
            host.next_at = time.monotonic() + max(self.options.host_delay, host.delay or 0.0)
        if response.status in _RETRY_STATUS:
            final = FetchError(f"HTTP status {response.status}", status=response.status)
            after = retry_after(response.headers.get("retry-after")) if response.status in _RETRY_AFTER_STATUS else None
            if after is None:
                raise _Retry(final)
            final.retry_after = after
            if after > self.options.max_retry_after:  # not worth holding the host's queue: give up now
                host.next_at = time.monotonic() + self.options.max_retry_after
                final.reason += f" (Retry-After {after:g} s, more than the {self.options.max_retry_after:g} s waited)"
                raise final
            host.next_at = max(host.next_at, time.monotonic() + after)  # the retry and any other request wait
            raise _Retry(final, told=True)
        return response

    async def _send(self, url: str, headers: dict) -> Fetched:
        async with self.client.stream("GET", url, headers=headers) as response:
            chunks, size = [], 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > self.options.max_bytes:
                    raise FetchError(f"the response is larger than {self.options.max_bytes:,} bytes")
                chunks.append(chunk)
            found = {k.lower(): v for k, v in response.headers.items()}
            return Fetched(str(response.url), response.status_code, found, b"".join(chunks),
                           charset_of(found.get("content-type", "")))


def _parse_robots(response: Fetched):
    """A protego parser, or "all" (no rules: 4xx) / "none" (5xx: complete disallow)."""
    from protego import Protego

    if response.status >= 500:
        return "none"
    if response.status >= 400 or response.status == 304:
        return "all"
    try:
        text = response.data.decode(response.encoding or "utf-8", errors="replace")
        return Protego.parse(text)
    except Exception:  # a robots.txt protego can't read: no usable rules
        return "all"
