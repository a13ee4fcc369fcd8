"""Open an existing event database for reading only: what ``newsevents serve`` uses.

SQLite is opened with ``mode=ro`` (the file must exist; nothing is created, no schema is
written) and ``PRAGMA query_only``; PostgreSQL sessions run with
``default_transaction_read_only``, so that even a bug could not write. Both refuse a
database without the newsevents schema, and one of another schema version.

    >>> from newsevents.store.readonly import open_readonly
    >>> with open_readonly("newsevents.db") as store:
    ...     store.event_page(limit=10)
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from .base import StoreError
from .postgres import PostgresStore
from .schema import SCHEMA_VERSION
from .sqlite import SQLiteStore, sqlite_path

__all__ = ["open_readonly", "ReadOnlySQLiteStore", "ReadOnlyPostgresStore"]


class _ReadOnly:
    """Opening without creating: check the schema instead of writing it."""

    def _create(self):
        try:
            rows = self._rows("SELECT value FROM meta WHERE key = 'schema_version'")
        except Exception as err:  # no meta table: not a newsevents database
            raise StoreError("E062", url=self._shown_url(), reason=str(err).strip().splitlines()[0]) from None
        if not rows:
            raise StoreError("E062", url=self._shown_url(), reason="no schema version")

    def _init_window(self, window):
        found = self._meta("schema_version")
        if found != SCHEMA_VERSION:
            raise StoreError("E042", url=self._shown_url(), found=found, expected=SCHEMA_VERSION)
        stored = self._meta("dedup_window")
        return int(stored) if stored is not None else 1

    def _shown_url(self) -> str:
        return self.url


class ReadOnlySQLiteStore(_ReadOnly, SQLiteStore):
    """An SQLite store opened read-only (``file:...?mode=ro``). RAISES StoreError (E040/E062)."""

    def _connect(self):
        self.path = path = sqlite_path(self.url)
        if not Path(path).is_file():
            raise StoreError("E062", url=self.url, reason="no such file")
        try:
            self.conn = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True,
                                        isolation_level=None, timeout=60, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA query_only = 1")
            self.conn.execute("PRAGMA busy_timeout = 60000")
        except sqlite3.Error as err:
            raise StoreError("E040", url=self.url, reason=err) from None
        self._depth = 0

    def _create(self):
        try:
            super()._create()
        except sqlite3.DatabaseError as err:  # pragma: no cover - _rows raises before
            raise StoreError("E062", url=self.url, reason=err) from None


class ReadOnlyPostgresStore(_ReadOnly, PostgresStore):
    """A PostgreSQL store whose session is read-only (``default_transaction_read_only``)."""

    def _connect(self):
        super()._connect()
        self.conn.execute("SET default_transaction_read_only = on")

    def _create(self):
        try:
            super()._create()
        except StoreError:
            self.conn.close()
            raise

    def _shown_url(self) -> str:
        from .postgres import _redact

        return _redact(self.url)


def open_readonly(url: str):
    """Open the existing database at ``url`` read-only.

    url (str): an SQLite path (or ``sqlite:///...``), or a ``postgresql://`` URL.
    RETURNS (Store): with every query method; writing fails.
    RAISES StoreError: E040 can't open; E062 not a newsevents database (or no such file);
        E042 another schema version.
    """
    from . import is_postgres

    return ReadOnlyPostgresStore(url) if is_postgres(url) else ReadOnlySQLiteStore(url)
