"""Fetching pages and feeds over HTTP(S): one path for ``extract``/``ingest`` URLs and ``watch``.

HTTP is httpx (redirects followed, gzip/deflate/brotli undone, HTTP/1.1 keep-alive). Every
request -- each redirect hop included, through an httpx request hook -- first resolves its
host and is refused when any address is not a public one (private, loopback, link-local,
multicast, reserved, unspecified: :func:`refusal`), so that a feed or a URL from elsewhere
can't make newsevents read services on the user's own network (SSRF). The connection itself
is made only to an address checked in the same lookup (:mod:`.transport`), so a DNS answer
that changes between the check and the connection (DNS rebinding) gets nowhere either; through
a proxy (which resolves names itself) the request hook's check is what holds.
``allow_private_hosts`` (``--allow-private-hosts``) lifts all this for a user who follows feeds
on their own network; the tests use it against servers on 127.0.0.1.

The charset of the HTTP ``Content-Type`` is returned for the readers, which fall back to the
document's own declaration and to detection (as for files).
"""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlsplit

from .. import __version__

__all__ = ["USER_AGENT", "MAX_BYTES", "Fetched", "FetchError", "PrivateAddressError", "refusal", "check_host",
           "check_host_async", "charset_of", "fetch"]

#: the User-Agent of every request: names newsevents and where to read about it (``--user-agent`` sets another)
USER_AGENT = f"newsevents/{__version__} (news event extraction; +https://pypi.org/project/newsevents/)"
#: most bytes of one response body once decompressed (trafilatura's own MAX_FILE_SIZE is the same)
MAX_BYTES = 20_000_000


class FetchError(Exception):
    """A URL could not be fetched. ``reason`` (str): one line for the user; ``status`` (int | None);
    ``retry_after`` (float | None): seconds the server asked to wait (Retry-After on 429/503)."""

    def __init__(self, reason: str, status: Optional[int] = None, retry_after: Optional[float] = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


class PrivateAddressError(FetchError):
    """The host resolves to a private or loopback address and private hosts are not allowed."""

    def __init__(self, host: str, address: str):
        super().__init__(f"{host} resolves to {address}, a private, loopback or reserved address; "
                         "pass --allow-private-hosts to fetch from your own network")
        self.host = host
        self.address = address


@dataclass
class Fetched:
    """A fetched document. url (str): the final URL after redirects; status (int); headers (dict,
    lower-case names); data (bytes, decompressed); encoding (str | None): HTTP charset."""

    url: str
    status: int
    headers: dict = field(default_factory=dict)
    data: bytes = b""
    encoding: Optional[str] = None


def refusal(address: str) -> bool:
    """RETURNS (bool): ``address`` (an IP literal) is not a public unicast address (private,
    loopback, link-local, multicast, reserved, unspecified, shared 100.64/10, IPv4-mapped private)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def _host(url: str) -> str:
    host = urlsplit(url).hostname
    if not host:
        raise FetchError("the URL has no host")
    return host


def _check_addresses(host: str, infos) -> None:
    for info in infos:
        address = info[4][0]
        if refusal(address):
            raise PrivateAddressError(host, address)


def check_host(url: str) -> None:
    """Resolve the host of ``url``; RAISES PrivateAddressError when any address is not public,
    FetchError when the name does not resolve."""
    host = _host(url)
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"can't resolve {host} ({err})") from None
    _check_addresses(host, infos)


async def check_host_async(url: str) -> None:
    """:func:`check_host` without blocking the event loop."""
    import asyncio

    host = _host(url)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"can't resolve {host} ({err})") from None
    _check_addresses(host, infos)


def charset_of(content_type: str) -> Optional[str]:
    """The ``charset`` parameter of a Content-Type value, or None."""
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip("\"'"):
            return value.strip().strip("\"'")
    return None


def fetch(url: str, *, allow_private_hosts: bool = False, user_agent: str = USER_AGENT, timeout: float = 30.0,
          max_bytes: int = MAX_BYTES) -> Fetched:
    """GET one URL (redirects followed), refusing private addresses unless allowed.

    RETURNS (Fetched): any status (the caller decides what a 404 means).
    RAISES FetchError: no response (refused, unreachable, timeout, too large, bad URL);
        PrivateAddressError (a FetchError) for a refused address.
    """
    import httpx

    hooks = {} if allow_private_hosts else {"request": [lambda request: check_host(str(request.url))]}
    if allow_private_hosts:
        transport = None
    else:
        from .transport import sync_transport

        transport = sync_transport()
    try:
        with httpx.Client(follow_redirects=True, timeout=timeout, headers={"User-Agent": user_agent},
                          event_hooks=hooks, transport=transport) as client:
            with client.stream("GET", url) as response:
                data = read_capped(response.iter_bytes(), max_bytes)
                headers = {k.lower(): v for k, v in response.headers.items()}
                return Fetched(str(response.url), response.status_code, headers, data,
                               charset_of(headers.get("content-type", "")))
    except FetchError:
        raise
    except httpx.HTTPError as err:
        raise FetchError(describe(err)) from None
    except ValueError as err:  # malformed URL
        raise FetchError(f"invalid URL ({err})") from None


def read_capped(chunks, max_bytes: int) -> bytes:
    """Join ``chunks`` (an iterator of bytes); RAISES FetchError past ``max_bytes``."""
    out, size = [], 0
    for chunk in chunks:
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"the response is larger than {max_bytes:,} bytes")
        out.append(chunk)
    return b"".join(out)


def describe(err: Exception) -> str:
    """One line for an httpx error: its kind and message (httpx's own are often empty)."""
    kind = type(err).__name__
    text = str(err).strip().splitlines()[0] if str(err).strip() else ""
    if "timeout" in kind.lower():
        return f"timed out ({kind})"
    return f"{kind}: {text}" if text else kind
