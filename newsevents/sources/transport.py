"""httpx transports that connect only to the public address they checked (DNS rebinding).

The request hook of :mod:`.net` resolves a host and refuses private addresses, but httpx then
resolves the name again to connect: a DNS server that answers a public address to the first
lookup and 127.0.0.1 to the second (DNS rebinding) would get the request through. Here the
connection itself is guarded: httpcore's network backend -- the layer that opens TCP
connections -- is wrapped so that it resolves the host once, refuses the connection when any
answer is not public (:class:`.net.PrivateAddressError`), and connects to the checked
addresses themselves, in the resolver's order. TLS still verifies the certificate against
the host name (httpcore passes the URL's host as SNI, not the address).

Requests through a proxy (``HTTPS_PROXY`` and the like) are not covered: the proxy resolves
the name; the request hook's check is what holds there.
"""
from __future__ import annotations

import socket
from typing import Optional

from .net import PrivateAddressError, refusal

__all__ = ["public_addresses", "async_transport", "sync_transport"]


def public_addresses(host: str, infos) -> list[str]:
    """The addresses of ``getaddrinfo`` answers ``infos``, in order, each once.

    RAISES PrivateAddressError: an answer is not a public address (all are refused then: a
        name that has one private address is not trusted with the others).
    """
    out: list[str] = []
    for info in infos:
        address = info[4][0]
        if refusal(address):
            raise PrivateAddressError(host, address)
        if address not in out:
            out.append(address)
    return out


def async_transport(limits=None):
    """An ``httpx.AsyncHTTPTransport`` whose connections go only to checked public addresses.

    limits (httpx.Limits | None): the connection pool's limits (httpx's default when None).
    RETURNS (httpx.AsyncHTTPTransport). A refused host raises PrivateAddressError from the request.
    """
    import httpcore
    import httpx

    class CheckedBackend(httpcore.AsyncNetworkBackend):
        def __init__(self):
            self.inner = httpcore.AnyIOBackend()

        async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            import asyncio

            try:
                infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as err:
                raise httpcore.ConnectError(f"can't resolve {host} ({err})") from None
            error: Optional[Exception] = None
            for address in public_addresses(host, infos):
                try:
                    return await self.inner.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                                        socket_options=socket_options)
                except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                    error = err
            raise error or httpcore.ConnectError(f"{host} has no address")

        async def connect_unix_socket(self, path, timeout=None, socket_options=None):  # pragma: no cover - unused
            return await self.inner.connect_unix_socket(path, timeout=timeout, socket_options=socket_options)

        async def sleep(self, seconds: float) -> None:
            await self.inner.sleep(seconds)

    limits = limits or httpx.Limits(max_connections=100, max_keepalive_connections=20)
    transport = httpx.AsyncHTTPTransport(limits=limits)
    # httpx takes no network backend: the same connection pool it builds, with ours
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(), max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections, keepalive_expiry=limits.keepalive_expiry,
        network_backend=CheckedBackend())
    return transport


def sync_transport():
    """An ``httpx.HTTPTransport`` whose connections go only to checked public addresses
    (as :func:`async_transport`, httpx's default limits). RETURNS (httpx.HTTPTransport)."""
    import httpcore
    import httpx

    class CheckedBackend(httpcore.NetworkBackend):
        def __init__(self):
            self.inner = httpcore.SyncBackend()

        def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            try:
                infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as err:
                raise httpcore.ConnectError(f"can't resolve {host} ({err})") from None
            error: Optional[Exception] = None
            for address in public_addresses(host, infos):
                try:
                    return self.inner.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                                  socket_options=socket_options)
                except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                    error = err
            raise error or httpcore.ConnectError(f"{host} has no address")

        def connect_unix_socket(self, path, timeout=None, socket_options=None):  # pragma: no cover - unused
            return self.inner.connect_unix_socket(path, timeout=timeout, socket_options=socket_options)

        def sleep(self, seconds: float) -> None:
            self.inner.sleep(seconds)

    limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)
    transport = httpx.HTTPTransport(limits=limits)
    transport._pool = httpcore.ConnectionPool(  # as in async_transport
        ssl_context=httpx.create_ssl_context(), max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections, keepalive_expiry=limits.keepalive_expiry,
        network_backend=CheckedBackend())
    return transport
