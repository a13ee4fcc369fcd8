"""The store interface: the :class:`Store` class both backends extend, and its settings.

A :class:`Store` holds analysed articles in the tables of :mod:`.schema`. Writing is one
call per batch (:meth:`Store.add_batch`, one transaction: all of the batch or none of it);
reading is plain queries that return lists of dicts (:meth:`events`, :meth:`clusters`,
:meth:`quotes`, :meth:`dyads`, :meth:`search`) and iterators for exports
(:meth:`analyses`, :meth:`iter_clusters`). SQL is written once with ``?`` placeholders
(PostgreSQL's driver gets ``%s``); values are always passed as parameters.

The class is put together from one mixin per step, each in its module:

* writing analyses, :mod:`.write` (:meth:`add_batch`, the content hash);
* deduplication, :mod:`.clusters` (the ``event_clusters`` rows the batch touched);
* queries, :mod:`.queries` (events, clusters, quotes, dyads);
* whole articles back as records, :mod:`.analyses`;
* the dashboard's queries, :mod:`.browse`, and the state of ``watch``, :mod:`.feeds`.

This module keeps what they share: opening, the backend hooks, the SQL dialect helpers
and the settings in ``meta`` (schema version, dedup window). Every name it had before the
split is importable from here.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Optional

from .. import dedup
from .analyses import Analyses
from .browse import Browse
from .clusters import Clustering
from .errors import StoreError
from .feeds import FeedState
from .queries import _ESC, Queries, like_escape
from .schema import SCHEMA_VERSION
from .write import Writing, _b, _ev, content_hash

__all__ = ["Store", "StoreError", "content_hash", "QUAD_CLASSES"]

#: quad class number -> name (PLOVER manual, "PLOVER quad categories")
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


class _RollBack(Exception):
    """Raised inside a transaction to roll it back on purpose."""


class Store(Writing, Clustering, Queries, Analyses, Browse, FeedState):
    """Base class of the SQLite and PostgreSQL stores. Open one with :func:`newsevents.store.open_store`.

    Subclasses provide ``_connect``, ``transaction()``, ``_exec``, ``_execmany``, ``_rows``
    and the full-text parts (``_index_text``, ``search``).
    """

    dialect = "sqlite"
    #: placeholder of the driver
    _ph = "?"

    #: the driver's error base class (a read-only open turns "no such table" into E044)
    _db_errors: tuple = ()

    def __init__(self, url: str, dedup_window: Optional[int] = None, readonly: bool = False):
        self.url = url
        self.readonly = readonly
        self._connect()
        if readonly:
            try:
                self.dedup_window = self._read_window()
            except BaseException:
                self.close()
                raise
        else:
            try:
                self._create()
                self._check_writable()
                self.dedup_window = self._init_window(dedup_window)
            except BaseException:
                self.close()
                raise

    # -- backend hooks --------------------------------------------------------
    def _connect(self):  # pragma: no cover - abstract
        raise NotImplementedError

    @contextmanager
    def transaction(self):  # pragma: no cover - abstract
        raise NotImplementedError
        yield

    def _exec(self, sql: str, params: tuple = ()):  # pragma: no cover - abstract
        raise NotImplementedError

    def _execmany(self, sql: str, rows: list):  # pragma: no cover - abstract
        raise NotImplementedError

    def _rows(self, sql: str, params: tuple = ()) -> list[dict]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _create(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def _index_text(self, article_id: str, title: Optional[str], text: str):  # pragma: no cover
        raise NotImplementedError

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        """Close; a driver error met while reading inside the ``with`` block (a damaged file, a lost
        server) becomes StoreError E051, one line for the commands, not a traceback."""
        self.close()
        error = self.read_error(exc)
        if error is not None:
            raise error from None

    def read_error(self, exc: Optional[BaseException]) -> Optional[StoreError]:
        """RETURNS (StoreError | None): E051 for a driver error met while reading (a damaged file,
        a lost server), else None."""
        if exc is None or not self._db_errors or not isinstance(exc, self._db_errors):
            return None
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return StoreError("E051", url=self._shown_url(), reason=reason)

    # -- settings -------------------------------------------------------------
    def _meta(self, key: str) -> Optional[str]:
        rows = self._rows("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def _set_meta(self, key: str, value: str) -> None:
        self._exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   (key, value))

    def _check_writable(self) -> None:
        """Write one row in a transaction and roll it back, so that a read-only database (file,
        folder, server role) is refused when it is opened (E046), not after the first batch
        was parsed. RAISES StoreError (E046)."""
        try:
            with self.transaction():
                self._exec("INSERT INTO meta (key, value) VALUES ('write_check', '') ON CONFLICT (key) DO NOTHING")
                raise _RollBack
        except _RollBack:
            pass
        except self._db_errors as err:
            reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise StoreError("E046", url=self._shown_url(), reason=reason) from None

    def _read_window(self) -> int:
        """The settings of an existing database, read without writing anything (read-only opens)."""
        try:
            found = self._meta("schema_version")
            stored = self._meta("dedup_window")
        except self._db_errors as err:
            reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise StoreError("E044", url=self._shown_url(), reason=reason) from None
        if found is None:
            raise StoreError("E044", url=self._shown_url(), reason="no schema version")
        if found != SCHEMA_VERSION:
            raise StoreError("E042", url=self._shown_url(), found=found, expected=SCHEMA_VERSION)
        return int(stored) if stored is not None else dedup.DEFAULT_WINDOW

    def _shown_url(self) -> str:
        """The URL as messages show it (PostgreSQL hides the password)."""
        return self.url

    def _init_window(self, window: Optional[int]) -> int:
        found = self._meta("schema_version")
        if found and found != SCHEMA_VERSION:
            raise StoreError("E042", url=self.url, found=found, expected=SCHEMA_VERSION)
        stored = self._meta("dedup_window")
        with self.transaction():
            if not found:
                self._set_meta("schema_version", SCHEMA_VERSION)
            if stored is None:
                self._set_meta("dedup_window", str(dedup.DEFAULT_WINDOW if window is None else window))
            elif window is not None and int(stored) != window:
                # a different window: re-cluster everything under the new one, in this transaction
                self._set_meta("dedup_window", str(window))
                self.dedup_window = window
                self._recluster_all(window)
        return int(self._meta("dedup_window"))

    # -- SQL dialect helpers (overridden by PostgreSQL) ---------------------------------
    def _names(self, role: str, column: str = "canonical") -> str:
        """A subquery: the canonical names (or ``column``: ``code``) of event ``e``'s actors (or
        recipients) in their order, ';'-joined, one entry per actor ('' for a missing value), so
        that ``actor_codes`` and ``actor_names`` line up entry by entry as in ``extract --format csv``."""
        return (f"(SELECT COALESCE(group_concat(x, ';'), '') FROM (SELECT COALESCE(p.{column}, '') AS x "
                "FROM event_actors p WHERE p.article_id = e.article_id AND p.event_id = e.id "
                f"AND p.role = '{role}' ORDER BY p.position))")

    def _natural(self, col: str) -> str:
        """ORDER BY expression putting record ids in numeric order: E2 before E10."""
        return f"length({col}), {col}"

    def _cast_text(self, expr: str) -> str:
        return expr
