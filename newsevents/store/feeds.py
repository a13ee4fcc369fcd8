"""The state of ``newsevents watch`` in the database: feeds, items seen, per-feed errors.

A mixin of :class:`~newsevents.store.base.Store` (both backends; SQL written once with
``?`` placeholders). Tables ``feeds``, ``feed_items`` and ``feed_errors`` are described in
:mod:`.schema`. What makes the state safe for restarts and for two processes on one database:

- an item is recorded in ``feed_items`` in the same transaction as its article
  (:meth:`FeedState.store_feed_items`), keyed by its normalised URL: the first writer's
  ``INSERT ... ON CONFLICT DO NOTHING`` wins, a second writer of the same key stores nothing
  (SQLite serialises writers with ``BEGIN IMMEDIATE``; PostgreSQL makes the second insert wait
  for the first transaction on the primary key, then skip);
- a feed's validators (ETag, Last-Modified) are saved only once every new item of that fetch
  is stored, so a process killed mid-feed fetches the feed in full again, never a 304;
- a feed is fetched by one process at a time: :meth:`claim_feed` takes a lease
  (``lease_owner``, ``lease_until``) with one conditional UPDATE.
"""
from __future__ import annotations

import uuid
from typing import Iterable, Optional

__all__ = ["FeedState", "ITEM_STATUSES"]

#: feed_items.status: page = the linked page's text; feed-text = the feed's own text (reason
#: says why); duplicate = the same text is already stored; failed = not stored (reason)
ITEM_STATUSES = ("page", "feed-text", "duplicate", "failed")


class FeedState:
    """Feeds, their items and errors (used by :mod:`newsevents.watch`)."""

    def add_feeds(self, feeds: Iterable[tuple[str, Optional[str]]], now: float) -> None:
        """Record feeds (url, title) not yet known; a known feed keeps its state (its title is updated)."""
        with self.transaction():
            for url, title in feeds:
                self._exec(
                    "INSERT INTO feeds (url, title, added, items, failures, next_fetch) VALUES (?, ?, ?, 0, 0, 0) "
                    "ON CONFLICT (url) DO UPDATE SET title = COALESCE(excluded.title, feeds.title)",
                    (url, title, now))

    def feed_state(self, urls: Iterable[str]) -> dict:
        """RETURNS (dict): url -> its ``feeds`` row (dict), for the known ones of ``urls``."""
        urls = list(urls)
        out = {}
        for i in range(0, len(urls), 500):
            chunk = urls[i:i + 500]
            for row in self._rows(f"SELECT * FROM feeds WHERE url IN ({', '.join('?' for _ in chunk)})",
                                  tuple(chunk)):
                out[row["url"]] = row
        return out

    def claim_feed(self, url: str, owner: str, now: float, until: float) -> bool:
        """Take the lease of a feed until ``until`` when nobody else holds an unexpired one.
        RETURNS (bool): this owner holds it now."""
        cur = self._exec("UPDATE feeds SET lease_owner = ?, lease_until = ? WHERE url = ? AND "
                         "(lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)",
                         (owner, until, url, owner, now))
        return cur.rowcount == 1

    def release_feed(self, url: str, owner: str) -> None:
        self._exec("UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE url = ? AND lease_owner = ?",
                   (url, owner))

    def lease_owners(self) -> list[str]:
        """RETURNS (list[str]): the owners holding a lease now (expired or not)."""
        return [r["lease_owner"] for r in self._rows(
            "SELECT DISTINCT lease_owner FROM feeds WHERE lease_owner IS NOT NULL ORDER BY lease_owner")]

    def clear_leases(self, owner: str) -> None:
        """Drop every lease of ``owner`` (a process known to be dead)."""
        self._exec("UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?", (owner,))

    def known_items(self, feed_url: str, keys: Iterable[str], guids: Iterable[str]) -> set:
        """RETURNS (set[str]): those of ``keys`` already handled (by any feed), and those of ``guids``
        already handled for this feed."""
        keys, guids = list(dict.fromkeys(keys)), list(dict.fromkeys(g for g in guids if g))
        found: set = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            found.update(r["key"] for r in self._rows(
                f"SELECT key FROM feed_items WHERE key IN ({', '.join('?' for _ in chunk)})", tuple(chunk)))
        for i in range(0, len(guids), 500):
            chunk = guids[i:i + 500]
            found.update(r["guid"] for r in self._rows(
                f"SELECT guid FROM feed_items WHERE feed_url = ? AND guid IN ({', '.join('?' for _ in chunk)})",
                (feed_url, *chunk)))
        return found

    def feed_fetched(self, url: str, status: str, now: float, next_fetch: float,
                     etag: Optional[str] = None, last_modified: Optional[str] = None, keep_validators: bool = False) -> None:
        """Record a successful fetch (200 or 304): failures reset, validators saved (or kept)."""
        if keep_validators:
            self._exec("UPDATE feeds SET last_fetch = ?, last_status = ?, failures = 0, next_fetch = ? WHERE url = ?",
                       (now, status, next_fetch, url))
        else:
            self._exec("UPDATE feeds SET last_fetch = ?, last_status = ?, failures = 0, next_fetch = ?, etag = ?, "
                       "last_modified = ? WHERE url = ?", (now, status, next_fetch, etag, last_modified, url))

    def feed_failed(self, url: str, code: str, message: str, now: float, next_fetch: float,
                    status: str = "error") -> int:
        """Record a failed fetch: one more consecutive failure, the error logged, the next try at
        ``next_fetch``. RETURNS (int): the consecutive failures so far (before this one)."""
        with self.transaction():
            rows = self._rows("SELECT failures FROM feeds WHERE url = ?", (url,))
            failures = int(rows[0]["failures"] or 0) if rows else 0
            self._exec("UPDATE feeds SET last_fetch = ?, last_status = ?, failures = ?, last_error = ?, "
                       "next_fetch = ? WHERE url = ?", (now, status, failures + 1, message, next_fetch, url))
            self.log_feed_error(url, url, code, message, now)
        return failures

    def log_feed_error(self, feed_url: str, url: Optional[str], code: str, message: str, now: float) -> None:
        """Append one row to ``feed_errors`` (a page that fell back, a feed that failed)."""
        self._exec("INSERT INTO feed_errors (id, feed_url, at, url, code, message) VALUES (?, ?, ?, ?, ?, ?)",
                   (uuid.uuid4().hex, feed_url, now, url, code, message))

    def store_feed_items(self, items: list[dict], analyses: list, now: float) -> dict:
        """Store the articles of new feed items, each once, in one transaction.

        items (list[dict]): per article: key, feed_url, guid, url, status ("page" or
            "feed-text"), reason (why the feed's text was used, or None).
        analyses (list[ArticleAnalysis]): the pipeline's results, in the same order.
        RETURNS (dict): :meth:`add_batch`'s counts, plus ``taken``: items another process had
            stored already (nothing written for them), and ``statuses``: key -> final status.
        """
        with self.transaction():
            won, mine = [], []
            for item, analysis in zip(items, analyses):
                cur = self._exec(
                    "INSERT INTO feed_items (key, feed_url, guid, url, article_id, status, reason, seen) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
                    (item["key"], item["feed_url"], item.get("guid"), item.get("url"), analysis.id, item["status"],
                     item.get("reason"), now))
                if cur.rowcount == 1:
                    won.append(analysis)
                    mine.append(item)
            counts = self.add_batch(won)
            statuses = {item["key"]: item["status"] for item in mine}
            failed = {art_id: message for art_id, _code, message in counts["failed"]}
            stored_ids = {r["id"] for r in self._rows(
                f"SELECT id FROM articles WHERE id IN ({', '.join('?' for _ in won)})",
                tuple(a.id for a in won))} if won else set()
            per_feed: dict = {}
            for item, analysis in zip(mine, won):
                if analysis.id in failed:
                    status, reason = "failed", failed[analysis.id]
                elif analysis.id not in stored_ids:
                    status, reason = "duplicate", "the same text is already stored"
                else:
                    per_feed[item["feed_url"]] = per_feed.get(item["feed_url"], 0) + 1
                    continue
                statuses[item["key"]] = status
                self._exec("UPDATE feed_items SET status = ?, reason = ?, article_id = NULL WHERE key = ?",
                           (status, reason, item["key"]))
            for feed_url, n in per_feed.items():
                self._exec("UPDATE feeds SET items = items + ? WHERE url = ?", (n, feed_url))
        counts["taken"] = len(items) - len(mine)
        counts["statuses"] = statuses
        return counts

    def feed_rows(self) -> list[dict]:
        """Each feed with its state, for ``newsevents feeds``; [] for a database without the feed tables.

        RETURNS (list[dict]): url, title, last_fetch, last_status, items (articles stored),
            feed_text (of which from the feed's own text), failed (items not stored), errors
            (rows in feed_errors), failures (consecutive failed fetches), next_fetch,
            last_error; times as Unix seconds.
        """
        try:
            return self._rows(
                "SELECT f.url, f.title, f.last_fetch, f.last_status, f.items, "
                "(SELECT COUNT(*) FROM feed_items i WHERE i.feed_url = f.url AND i.status = 'feed-text') AS feed_text, "
                "(SELECT COUNT(*) FROM feed_items i WHERE i.feed_url = f.url AND i.status = 'failed') AS failed, "
                "(SELECT COUNT(*) FROM feed_errors e WHERE e.feed_url = f.url) AS errors, "
                "f.failures, f.next_fetch, f.last_error FROM feeds f ORDER BY f.url")
        except self._db_errors as err:
            if "feeds" in str(err) or "does not exist" in str(err) or "no such table" in str(err):
                return []
            raise

    def feed_items(self, feed_url: Optional[str] = None) -> list[dict]:
        """RETURNS (list[dict]): the ``feed_items`` rows (of one feed), by key."""
        if feed_url:
            return self._rows("SELECT * FROM feed_items WHERE feed_url = ? ORDER BY key", (feed_url,))
        return self._rows("SELECT * FROM feed_items ORDER BY key")

    def feed_error_rows(self, feed_url: Optional[str] = None) -> list[dict]:
        """RETURNS (list[dict]): the ``feed_errors`` rows (of one feed), oldest first."""
        where = " WHERE feed_url = ?" if feed_url else ""
        return self._rows(f"SELECT feed_url, at, url, code, message FROM feed_errors{where} ORDER BY at, id",
                          (feed_url,) if feed_url else ())
