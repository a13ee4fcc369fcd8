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

    announce (callable | None): called once the database is open, before listening.
    RAISES StoreError: the database can't be opened (before listening).
    """
    import uvicorn

    app = create_app(db_url)
    if announce:
        announce()
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
