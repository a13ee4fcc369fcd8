"""Where analysed articles live: SQLite by default, PostgreSQL as the server option.

    >>> from newsevents.store import open_store
    >>> with open_store("newsevents.db") as store:          # or "postgresql://user@host/db"
    ...     store.add_batch(analyses)                        # one transaction
    ...     store.events(actor="USA", recipient="PRK", event_type="CONSULT")

Both backends share one schema (:mod:`.schema`) and one query layer (:class:`.base.Store`); the
URL picks the backend. Queries return plain dicts; the command line formats them.
"""
from __future__ import annotations

from typing import Optional

from .base import QUAD_CLASSES, Store, StoreError, content_hash

__all__ = ["open_readonly", "open_store", "Store", "StoreError", "content_hash", "DEFAULT_DB", "QUAD_CLASSES", "is_postgres"]

#: the database ``--db`` defaults to
DEFAULT_DB = "newsevents.db"


def is_postgres(url: str) -> bool:
    """RETURNS (bool): ``url`` names a PostgreSQL database (``postgresql://`` or ``postgres://``)."""
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url: str = DEFAULT_DB, dedup_window: Optional[int] = None, readonly: bool = False) -> Store:
    """Open (creating if needed) the store at ``url``.

    url (str): a file path or ``sqlite:///path`` for SQLite; ``postgresql://...`` for PostgreSQL.
    dedup_window (int | None): days within which reports of the same event merge (see
        :mod:`newsevents.dedup`); a value different from the stored one re-clusters every
        event. None keeps the stored value (1 day for a new database).
    readonly (bool): open for reading only, as the query commands do: nothing is created
        or written, no write transaction is ever started (SQLite: a ``mode=ro`` URI, so a
        read-only file or folder works; PostgreSQL: read-only transactions). The database
        must exist and hold the newsevents tables.
    RETURNS (Store).
    RAISES StoreError (E040): can't open or reach the database; (E044, read-only): no
        newsevents tables; (E045, read-only): no SQLite file at ``url``.
    """
    if is_postgres(url):
        from .postgres import PostgresStore

        return PostgresStore(url, dedup_window, readonly=readonly)
    from .sqlite import SQLiteStore

    return SQLiteStore(url, dedup_window, readonly=readonly)


def open_readonly(url: str) -> Store:
    """Open the existing database at ``url`` for reading only (what ``newsevents serve`` and the
    query commands use): ``open_store(url, readonly=True)``. RAISES StoreError: see
    :func:`open_store` (E040, E044, E045)."""
    return open_store(url, readonly=True)
