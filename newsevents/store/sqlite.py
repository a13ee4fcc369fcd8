"""SQLite store: the default, one file, no server.

The database runs in WAL mode, so readers (``newsevents events``, a web server) see the
last committed batch while ``ingest`` writes the next one. Full-text search uses an FTS5
index over article titles and texts (porter stemming: "sanctions" finds "sanction").
"""
from __future__ import annotations

import re
import shlex
import sqlite3
from urllib.parse import quote
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

from .base import Store, StoreError
from .schema import create_statements

__all__ = ["SQLiteStore", "fts5_query", "sqlite_path"]


def _write_protected(path: str) -> bool:
    """RETURNS (bool): the database file can't be opened for writing (nothing is written: the
    file is opened and closed). As root, permission bits don't protect a file; ``chattr +i``
    and read-only mounts do, and this sees them too."""
    try:
        with open(path, "r+b"):
            return False
    except OSError:
        return True


def _has_wal(path: str) -> bool:
    """RETURNS (bool): a non-empty ``-wal`` file holds changes a reader must see."""
    try:
        return Path(path + "-wal").stat().st_size > 0
    except OSError:
        return False


def sqlite_path(url: str) -> str:
    """The file path of an SQLite URL: ``sqlite:///abs.db`` -> ``/abs.db``, ``sqlite:rel.db`` -> ``rel.db``,
    a plain path unchanged."""
    if url.startswith("sqlite:///"):
        return "/" + url[len("sqlite:///"):]
    for prefix in ("sqlite://", "sqlite:"):
        if url.startswith(prefix):
            return url[len(prefix):]
    return url


class SQLiteStore(Store):
    """A :class:`~newsevents.store.base.Store` in an SQLite file.

    url (str): a path (``newsevents.db``), ``sqlite:///abs/path.db`` or ``sqlite:rel.db``;
        ``:memory:`` for a throwaway database. Parent folders are created.
    dedup_window (int | None): days; see :mod:`newsevents.dedup`. None keeps the stored one.
    RAISES StoreError (E040): the file can't be opened or is not an SQLite database.
    """

    dialect = "sqlite"
    _db_errors = (sqlite3.Error,)

    def _connect(self):
        self.path = path = sqlite_path(self.url)
        if self.readonly:
            self._connect_readonly(path)
            self._depth = 0
            return
        try:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
                _check_can_write(path, self.url)
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=60, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            if path != ":memory:":
                self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA busy_timeout=60000")
        except (sqlite3.Error, OSError) as err:
            raise StoreError("E040", url=self.url, reason=err) from None
        self._depth = 0

    def _connect_readonly(self, path: str) -> None:
        """Open the file with a ``mode=ro`` URI: SQLite refuses every write, and nothing is created.

        A WAL database needs its ``-shm`` file; when that is absent and can't be created (a
        read-only folder), SQLite can't open it even for reading, so the file is opened again
        with ``immutable=1`` (no locking, no WAL: right for a database nobody can write).
        """
        if path == ":memory:":
            raise StoreError("E044", url=self.url, reason="a new in-memory database is empty")
        if not Path(path).is_file():
            raise StoreError("E045", url=self.url)
        uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
        last = None
        # a file nobody can write (read-only, chattr +i) with no WAL to read: immutable from the
        # start, so that no -wal/-shm files are left beside it (a mode=ro reader of a WAL database
        # creates them and, unable to checkpoint, leaves them)
        frozen = _write_protected(path) and not _has_wal(path)
        for suffix in (("&immutable=1",) if frozen else ("", "&immutable=1")):
            try:
                conn = sqlite3.connect(uri + suffix, uri=True, isolation_level=None, timeout=60,
                                       check_same_thread=False)
            except sqlite3.Error as err:
                last = err
                continue
            try:
                conn.execute("PRAGMA busy_timeout=60000")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads the header and the WAL index
            except sqlite3.DatabaseError as err:
                conn.close()
                last = err
                if "not a database" in str(err) or "malformed" in str(err):
                    break
                continue
            conn.row_factory = sqlite3.Row
            self.conn = conn
            return
        raise StoreError("E040", url=self.url, reason=last) from None

    def _create(self):
        try:
            with self.transaction():
                for sql in create_statements("sqlite"):
                    self.conn.execute(sql)
                self.conn.execute(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles', "
                    "content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')")
        except sqlite3.DatabaseError as err:
            code = "E046" if "readonly" in str(err) or "read-only" in str(err) else "E040"
            raise StoreError(code, url=self.url, reason=err) from None

    @contextmanager
    def transaction(self):
        """One write transaction (BEGIN IMMEDIATE ... COMMIT); rolled back on any exception."""
        if self.readonly:
            raise StoreError("E040", url=self.url, reason="opened read-only: nothing can be written")
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            # SQLite may have rolled back already (SQLITE_FULL, SQLITE_IOERR...): a second ROLLBACK
            # would fail and hide the error that matters
            if self.conn.in_transaction:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def _is_full(self, err: Exception) -> bool:
        """SQLITE_FULL: the disk, or the ``max_page_count`` limit (``database or disk is full``)."""
        return getattr(err, "sqlite_errorname", "") == "SQLITE_FULL" or "disk is full" in str(err)

    def _exec(self, sql: str, params: tuple = ()):
        return self.conn.execute(sql, params)

    def _execmany(self, sql: str, rows: list):
        self.conn.executemany(sql, rows)

    def _rows(self, sql: str, params: tuple = ()) -> list[dict]:
        return [dict(r) for r in self.conn.execute(sql, params)]

    def _index_text(self, article_id: str, title: Optional[str], text: str):
        rowid = self.conn.execute("SELECT rowid FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        self.conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (rowid, title or "", text))

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Full-text search over titles and texts, best first.

        query (str): words (all must occur; stemmed), "quoted phrases", OR between
            alternatives, -word (or NOT word) to exclude, AND between words allowed (as web search
            engines read them; :func:`fts5_query`).
        RETURNS (list[dict]): article_id, title, published, url, score (higher is better:
            minus FTS5's bm25), snippet (matches in [brackets]).
        """
        match = fts5_query(query)
        if not match:
            return []
        rows = self._rows(
            "SELECT a.id AS article_id, a.title, a.published, a.url, -bm25(articles_fts) AS score, "
            "snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet FROM articles_fts "
            "JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? "
            "ORDER BY bm25(articles_fts), a.id LIMIT ?", (match, int(limit)))
        for r in rows:
            r["score"] = round(r["score"], 3)
        return rows


def _check_can_write(path: str, url: str) -> None:
    """Refuse (E046) a database file or folder this process can't write, before SQLite opens it.

    SQLite silently opens a read-only file read-only and fails only at the first write (after a
    whole batch was parsed), leaving -wal/-shm files behind; and it must create those files
    beside the database. The check opens the file for update and creates a temporary file in
    the folder: both are what SQLite will do, and both fail as they would for SQLite (also for
    root on an immutable file or a read-only mount, where permission bits say nothing).
    """
    import tempfile

    p = Path(path)
    try:
        if p.exists():
            with open(p, "r+b"):
                pass
        with tempfile.TemporaryFile(dir=p.parent, prefix=".newsevents-write-check-"):
            pass
    except OSError as err:
        what = "the file is read-only" if getattr(err, "filename", None) in (str(p), path) else \
            f"its folder {p.parent} can't be written (SQLite creates the -wal and -shm files there)"
        raise StoreError("E046", url=url, reason=f"{what} ({err.strerror or err})") from None


_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")


def fts5_query(query: str) -> str:
    """Translate a web-search style query into FTS5 syntax, quoting every term.

    ``sanctions relief`` -> ``"sanctions" "relief"``; ``"joint statement" OR summit -trump``
    -> ``("joint statement" OR "summit") NOT "trump"``. The upper-case words AND (all words must
    occur anyway) and NOT (``NOT trump`` is ``-trump``) are operators, as in web search; in lower
    case they are words. Quoting keeps FTS5 operators and
    punctuation in user input from being read as syntax.
    RETURNS (str): the FTS5 query, or "" when nothing searchable is left.
    """
    # control characters separate tokens for the unicode61 tokenizer; a NUL would also end the
    # query string inside SQLite ("unterminated string")
    query = _CONTROLS.sub(" ", query)
    try:
        tokens = shlex.split(query, posix=True)
    except ValueError:  # an unbalanced quote: read the words
        tokens = query.replace('"', " ").split()
    positive, negative = [], []
    negate_next = False
    for tok in tokens:
        if tok == "OR":
            if positive and positive[-1] != "OR":
                positive.append("OR")
            continue
        if tok == "AND":  # every word must occur anyway: the operator, not a word to match (trial 8)
            continue
        if tok == "NOT":  # "NOT word" is "-word"
            negate_next = True
            continue
        neg = (tok.startswith("-") and len(tok) > 1) or negate_next
        if negate_next:
            negate_next = False
            tok = "-" + tok
        term = tok[1:] if neg else tok
        term = term.replace('"', " ").strip()
        if not term:
            continue
        (negative if neg else positive).append('"' + term + '"')
    while positive and positive[-1] == "OR":
        positive.pop()
    if not positive:
        return ""
    out = "(" + " ".join(positive) + ")"
    for term in negative:
        out += " NOT " + term
    return out
