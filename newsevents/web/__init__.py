"""``newsevents serve``: a read-only HTTP API and a dashboard over the event database.

    >>> from newsevents.web import create_app, serve
    >>> app = create_app("newsevents.db")          # a FastAPI app (tests use TestClient(app))
    >>> serve("newsevents.db", host="127.0.0.1", port=8000)

Layout: :mod:`.app` holds the API and the page routes; ``templates/`` the pages;
``static/`` the project's own small JS and CSS; :mod:`.assets` finds Leaflet, its
marker clustering and the world basemap in installed packages.
"""
from __future__ import annotations

from typing import Callable, Optional

from .app import LIMITS, create_app

__all__ = ["create_app", "serve", "LIMITS"]


def serve(db_url: str, host: str = "127.0.0.1", port: int = 8000, log_level: str = "warning",
          announce: Optional[Callable[[], None]] = None) -> None:
    """Serve the dashboard and API for the database at ``db_url`` until interrupted.

    announce (callable | None): called once the database is open and the port is bound.
    RAISES StoreError: the database can't be opened (before listening).
        NewsEventsError (E062): the address can't be bound (the port is in use, the host is not
        this machine's), before anything is announced.
    """
    import socket

    import uvicorn

    from ..errors import NewsEventsError

    app = create_app(db_url)
    # bind here, not inside uvicorn: a port in use is then one clear error (uvicorn logs it and
    # exits 3 after the caller has announced the address)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, _, _, _, address = infos[0]
        sock = socket.socket(family, socket.SOCK_STREAM)
    except OSError as err:
        raise NewsEventsError("E062", host=host, port=port, reason=err.strerror or str(err)) from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as err:
        sock.close()
        raise NewsEventsError("E062", host=host, port=port, reason=err.strerror or str(err)) from None
    if announce:
        announce()
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level, access_log=False)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
