"""The store interface and the SQL both backends share.

A :class:`Store` holds analysed articles in the tables of :mod:`.schema`. Writing is one
call per batch (:meth:`Store.add_batch`, one transaction: all of the batch or none of it);
reading is plain queries that return lists of dicts (:meth:`events`, :meth:`clusters`,
:meth:`quotes`, :meth:`dyads`, :meth:`search`) and iterators for exports
(:meth:`analyses`, :meth:`iter_clusters`). SQL is written once with ``?`` placeholders
(PostgreSQL's driver gets ``%s``); values are always passed as parameters.
"""
from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager
from typing import Iterable, Iterator, Optional

from .. import dedup
from ..errors import NewsEventsError
from ..records import (Actor, ActorRef, ArticleAnalysis, Event, Evidence, Place, Quote, Speaker, TimeExpr)
from .browse import Browse
from .feeds import FeedState
from .schema import BOOL_COLUMNS, CHILD_TABLES, SCHEMA_VERSION, TABLES, columns

__all__ = ["Store", "StoreError", "content_hash", "QUAD_CLASSES"]

#: quad class number -> name (PLOVER manual, "PLOVER quad categories")
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


class StoreError(NewsEventsError):
    """A database problem the user can fix (bad URL, unreachable server, newer schema).

    code (str): E040..E043 (messages in newsevents.errors.Errors); message: "[code] text" saying how to fix it.
    """


class _RollBack(Exception):
    """Raised inside a transaction to roll it back on purpose."""


def content_hash(text) -> str:
    """sha256 (hex) of the article text as stored (UTF-8). Bytes are hashed as given.

    The text is the one the evidence offsets refer to: no normalisation is applied
    beyond decoding, so the same article read twice hashes the same.
    """
    data = text if isinstance(text, (bytes, bytearray)) else str(text).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def like_escape(value: str) -> str:
    """``value`` with LIKE's wildcards escaped (``%``, ``_``, and the escape character ``\\``), for a
    ``LIKE ? ESCAPE '\\'`` clause that matches it literally (SQLite and PostgreSQL alike)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


#: the ESCAPE clause of every LIKE on user input (standard SQL; one backslash in both dialects)
_ESC = " ESCAPE '\\'"


def _b(value) -> int:
    return 1 if value else 0


class Store(Browse, FeedState):
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

    def __exit__(self, *exc):
        self.close()

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

    # -- writing --------------------------------------------------------------
    def has_article(self, hash_: str) -> bool:
        """RETURNS (bool): an article with this content hash (sha256 hex) is stored."""
        return bool(self._rows("SELECT 1 AS x FROM articles WHERE content_hash = ?", (hash_,)))

    def stored_hashes(self, hashes: Iterable[str]) -> set:
        """RETURNS (set[str]): those of ``hashes`` that are already stored (one query per 500)."""
        hashes = list(dict.fromkeys(hashes))
        found: set = set()
        try:
            for i in range(0, len(hashes), 500):
                chunk = hashes[i:i + 500]
                marks = ", ".join("?" for _ in chunk)
                found.update(r["content_hash"] for r in self._rows(
                    f"SELECT content_hash FROM articles WHERE content_hash IN ({marks})", tuple(chunk)))
        except self._db_errors as err:
            raise self._write_error(err) from None
        return found

    def add_batch(self, analyses: Iterable[ArticleAnalysis], sources: Optional[dict] = None) -> dict:
        """Store a batch of analyses in one transaction (all or nothing).

        An analysis whose text is already stored (same content hash) adds nothing. One with
        an ``error`` goes to the ``errors`` table (replacing an older error of that id); a
        stored article is never replaced. Deduplicated events are recomputed for the keys
        the batch touched, in the same transaction.

        analyses (iterable of ArticleAnalysis).
        sources (dict | None): article id -> publisher name, for inputs that name their
            source; otherwise the url host is used (:func:`newsevents.dedup.source_of`).
        RETURNS (dict): counts ``stored``, ``skipped`` (already stored), ``errors``,
            ``events``, ``quotes`` of this batch, and ``failed``: list of (article id, code, message).
        """
        try:
            return self._add_batch(analyses, sources or {})
        except self._db_errors as err:  # disk full, connection lost: one coded error, the batch rolled back
            raise self._write_error(err) from None

    def _write_error(self, err: Exception) -> "StoreError":
        """The StoreError for a driver error met while writing: E047 (full), E048 (connection
        lost: :meth:`reconnect` and retry), else E049."""
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        if self._is_full(err):
            return StoreError("E047", url=self._shown_url(), reason=reason)
        if self._is_disconnect(err):
            return StoreError("E048", url=self._shown_url(), reason=reason, seconds=0)
        return StoreError("E049", url=self._shown_url(), reason=reason)

    def _is_full(self, err: Exception) -> bool:
        return False

    def _is_disconnect(self, err: Exception) -> bool:
        return False

    def reconnect(self) -> None:
        """Open the connection again (after E048). RAISES StoreError (E040): still unreachable."""
        try:
            self.close()
        except Exception:  # the old connection is broken already
            pass
        self._connect()

    def _add_batch(self, analyses: Iterable[ArticleAnalysis], sources: dict) -> dict:
        counts = {"stored": 0, "skipped": 0, "errors": 0, "events": 0, "quotes": 0, "failed": []}
        touched: dict[str, str] = {}  # dedup key -> earliest new date
        with self.transaction():
            for analysis in analyses:
                if analysis.error is not None:
                    self._add_error(analysis, counts)
                    continue
                h = content_hash(analysis.text)
                art_id = analysis.id or f"sha256-{h[:16]}"
                if self._rows("SELECT 1 AS x FROM articles WHERE content_hash = ?", (h,)):
                    counts["skipped"] += 1
                    continue
                old = self._rows("SELECT content_hash FROM articles WHERE id = ?", (art_id,))
                if old:
                    err = StoreError("E041", id=art_id, old=old[0]["content_hash"][:12], new=h[:12])
                    self._record_error(art_id, h, analysis.url, err.code, err.message, counts)
                    continue
                source = dedup.source_of(analysis.url, sources.get(analysis.id))
                self._insert_article(art_id, h, source, analysis, touched)
                counts["stored"] += 1
                counts["events"] += len(analysis.events)
                counts["quotes"] += len(analysis.quotes)
            for key, since in sorted(touched.items()):
                self._recluster(key, since, self.dedup_window)
        return counts

    def _add_error(self, analysis: ArticleAnalysis, counts: dict) -> None:
        h = content_hash(analysis.text) if analysis.text else None
        art_id = analysis.id or (f"sha256-{h[:16]}" if h else "unnamed")
        self._record_error(art_id, h, analysis.url, analysis.error.code, analysis.error.message, counts)

    def _record_error(self, art_id: str, h: Optional[str], url: Optional[str], code: str, message: str,
                      counts: dict) -> None:
        """Count a failure, report it (``counts["failed"]``) and keep it in ``errors``: every failure the
        user is told about is in the table (also when an article of that id is stored: the row is
        about the input that failed, e.g. E041, a new text under a stored id)."""
        counts["errors"] += 1
        counts["failed"].append((art_id, code, message))
        self._exec(
            "INSERT INTO errors (article_id, content_hash, url, code, message) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (article_id) DO UPDATE SET content_hash = excluded.content_hash, url = excluded.url, "
            "code = excluded.code, message = excluded.message",
            (art_id, h, url, code, message))

    def _insert(self, table: str, rows: list[tuple]) -> None:
        if rows:
            cols = columns(table)
            self._execmany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})", rows)

    def _insert_article(self, art_id: str, h: str, source, a: ArticleAnalysis, touched: dict) -> None:
        self._insert("articles", [(art_id, h, a.title, a.url, source, a.published, a.language, a.model,
                                   len(a.events), len(a.quotes), json.dumps(a.warnings, ensure_ascii=False), a.text)])
        self._index_text(art_id, a.title, a.text)
        self._exec("DELETE FROM errors WHERE article_id = ?", (art_id,))
        self._insert("actors", [(art_id, x.id, x.text, x.canonical, x.code, x.sector, x.kind, x.entity, x.role,
                                 x.resolved_by, x.antecedent, x.evidence.sentence, x.evidence.start, x.evidence.end)
                                for x in a.actors])
        events, participants, singles = [], [], []
        for e in a.events:
            actor_codes = dedup.join_codes(r.code for r in e.actors)
            recipient_codes = dedup.join_codes(r.code for r in e.recipients)
            key = dedup.dedup_key(e.event_type, (r.code for r in e.actors), (r.code for r in e.recipients),
                                  negated=e.negated, hypothetical=e.hypothetical, date=e.date)
            cid = None
            if key is None:
                cid = dedup.cluster_id(art_id, e.id)
                singles.append((cid, None, _b(not (e.negated or e.hypothetical)), e.event_type, e.mode, actor_codes,
                                recipient_codes, e.date, e.date, e.cameo, e.goldstein, e.quad_class, 1, 1, 1,
                                art_id, e.id))
            elif key not in touched or e.date < touched[key]:
                touched[key] = e.date
            events.append((art_id, e.id, e.event_type, e.mode, json.dumps(e.context), _b(e.reciprocal), e.date,
                           e.date_source, e.date_ref, e.place, e.cameo, e.goldstein, e.quad_class, _b(e.negated),
                           _b(e.future), _b(e.hypothetical), _b(e.reported), e.pattern, e.trigger.sentence,
                           e.trigger.start, e.trigger.end, e.trigger.text, e.evidence.sentence, e.evidence.start,
                           e.evidence.end, e.evidence.text, actor_codes, recipient_codes, key, cid))
            for role, refs in (("actor", e.actors), ("recipient", e.recipients)):
                participants.extend((art_id, e.id, role, i, r.mention, r.canonical, r.code, r.sector)
                                    for i, r in enumerate(refs))
        self._insert("events", events)
        self._insert("event_actors", participants)
        self._insert("event_clusters", singles)
        self._insert("quotes", [
            (art_id, q.id, q.kind, *_ev(q.cue), *_ev(q.source), q.content.sentence, q.content.start, q.content.end,
             q.content.text, q.speaker.canonical if q.speaker else None, q.speaker.mention if q.speaker else None,
             q.speaker.code if q.speaker else None, q.speaker.sector if q.speaker else None) for q in a.quotes])
        self._insert("places", [(art_id, p.id, p.text, p.name, p.geonameid, p.lat, p.lon, p.country, p.feature,
                                 p.resolved_by, p.evidence.sentence, p.evidence.start, p.evidence.end)
                                for p in a.places])
        self._insert("dates", [(art_id, t.id, t.text, t.type, t.value, t.evidence.sentence, t.evidence.start,
                                t.evidence.end) for t in a.dates])

    # -- deduplication ----------------------------------------------------------
    def _recluster(self, key: str, since: str, window: int) -> None:
        """Recompute the clusters of ``key`` from the first one a mention dated ``since`` can change.

        Clusters anchored more than ``window`` days before ``since`` end before it and are
        unchanged by the greedy rule (:func:`newsevents.dedup.cluster_mentions`); every
        later cluster is deleted and rebuilt from its mentions.
        """
        floor = dedup.shift_date(since, -window)
        row = self._rows("SELECT MIN(date) AS d FROM event_clusters WHERE dedup_key = ? AND date >= ?", (key, floor))
        start = min(since, row[0]["d"]) if row and row[0]["d"] else since
        mentions = self._rows(
            "SELECT e.article_id, e.id AS event_id, e.date, e.mode, e.cameo, e.goldstein, e.quad_class, "
            "e.event_type, e.actor_codes, e.recipient_codes, a.source FROM events e "
            "JOIN articles a ON a.id = e.article_id WHERE e.dedup_key = ? AND e.date >= ?", (key, start))
        self._exec("DELETE FROM event_clusters WHERE dedup_key = ? AND date >= ?", (key, start))
        clusters, updates = [], []
        for group in dedup.cluster_mentions(mentions, window):
            first = group[0]
            cid = dedup.cluster_id(first["article_id"], first["event_id"])
            clusters.append((cid, key, 1, first["event_type"], first["mode"], first["actor_codes"],
                             first["recipient_codes"], first["date"], max(m["date"] for m in group), first["cameo"],
                             first["goldstein"], first["quad_class"], len(group),
                             len({m["source"] or "" for m in group}), len({m["article_id"] for m in group}),
                             first["article_id"], first["event_id"]))
            updates.extend((cid, m["article_id"], m["event_id"]) for m in group)
        self._insert("event_clusters", clusters)
        if updates:
            self._execmany("UPDATE events SET cluster_id = ? WHERE article_id = ? AND id = ?", updates)

    def _recluster_all(self, window: int) -> None:
        self._exec("DELETE FROM event_clusters WHERE dedup_key IS NOT NULL")
        for row in self._rows("SELECT dedup_key, MIN(date) AS d FROM events WHERE dedup_key IS NOT NULL "
                              "GROUP BY dedup_key ORDER BY dedup_key"):
            self._recluster(row["dedup_key"], row["d"], window)

    # -- reading ----------------------------------------------------------------
    def _fix(self, rows: list[dict]) -> list[dict]:
        for row in rows:
            for k in BOOL_COLUMNS.intersection(row):
                if row[k] is not None:
                    row[k] = bool(row[k])
        return rows

    def counts(self) -> dict:
        """RETURNS (dict): rows per table (articles, events, quotes, ..., event_clusters)."""
        return {t: self._rows(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"] for t in TABLES if t != "meta"}

    def errors(self) -> list[dict]:
        """RETURNS (list[dict]): the errors table (article_id, content_hash, url, code, message), by id."""
        return self._rows("SELECT * FROM errors ORDER BY article_id")

    @staticmethod
    def _party_filter(alias: str, role: str, value: str) -> tuple[str, tuple]:
        """An EXISTS clause: the event has an actor/recipient whose code or canonical name is ``value``."""
        sql = (f"EXISTS (SELECT 1 FROM event_actors p WHERE p.article_id = {alias}.article_id "
               f"AND p.event_id = {alias}.id AND p.role = ? AND (p.code = ? OR lower(p.canonical) = lower(?)))")
        return sql, (role, value, value)

    def events(self, actor: Optional[str] = None, recipient: Optional[str] = None, event_type: Optional[str] = None,
               since: Optional[str] = None, until: Optional[str] = None, article: Optional[str] = None,
               quad_class: Optional[int] = None, limit: Optional[int] = None) -> list[dict]:
        """Event mentions, one dict per mention, ordered by date, article and event id.

        actor / recipient (str | None): an actor code (``USA``) or canonical name (``Donald Trump``,
            case-insensitive) among the event's actors / recipients.
        event_type (str | None): PLOVER type, e.g. ``CONSULT``. since / until (str | None):
            ISO dates, inclusive. article (str | None): article id. quad_class (int | None): 1-4.
        RETURNS (list[dict]): keys date, event_type, mode, actor_codes, actor_names,
            recipient_codes, recipient_names, cameo, goldstein, quad_class, negated, future,
            hypothetical, reported, place, lat, lon, trigger, sentence, evidence_start,
            evidence_end, evidence_text, article_id, event_id, url, cluster_id, num_mentions.
        """
        where, params = [], []
        for role, value in (("actor", actor), ("recipient", recipient)):
            if value:
                sql, p = self._party_filter("e", role, value)
                where.append(sql)
                params.extend(p)
        for sql, value in (("e.event_type = ?", event_type and event_type.upper()), ("e.date >= ?", since),
                           ("e.date <= ?", until), ("e.article_id = ?", article), ("e.quad_class = ?", quad_class)):
            if value is not None and value != "":
                where.append(sql)
                params.append(value)
        sql = (
            "SELECT e.date, e.event_type, e.mode, e.actor_codes, "
            f"{self._names('actor')} AS actor_names, e.recipient_codes, {self._names('recipient')} AS recipient_names, "
            "e.cameo, e.goldstein, e.quad_class, e.negated, e.future, e.hypothetical, e.reported, "
            "COALESCE(pl.name, pl.text) AS place, pl.country AS place_country, pl.lat, pl.lon, "
            "e.trigger_text AS trigger, e.sentence, e.start_char AS evidence_start, e.end_char AS evidence_end, "
            "e.evidence_text, e.article_id, e.id AS event_id, a.url, e.cluster_id, c.num_mentions "
            "FROM events e JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN places pl ON pl.article_id = e.article_id AND pl.id = e.place "
            "LEFT JOIN event_clusters c ON c.id = e.cluster_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY e.date, e.article_id, " + self._natural("e.id")
            + (" LIMIT ?" if limit else ""))
        if limit:
            params.append(int(limit))
        return self._fix(self._rows(sql, tuple(params)))

    def _cluster_where(self, actor, recipient, event_type, since, until, factual=True) -> tuple[list, list]:
        """WHERE clauses over event_clusters ``c``: codes are matched inside the ';'-joined sets.

        With both ``actor`` and ``recipient``, reciprocal events (no recipient, both among the
        actors, as PLOVER codes a meeting) match too.
        """
        where, params = [], []
        if factual:
            where.append("c.factual = 1")
        pad = "(';' || {col} || ';') LIKE ?" + _ESC
        actor = like_escape(actor) if actor else actor
        recipient = like_escape(recipient) if recipient else recipient
        if actor and recipient:
            where.append(f"(({pad.format(col='c.actor_codes')} AND {pad.format(col='c.recipient_codes')}) OR "
                         f"(c.recipient_codes = '' AND {pad.format(col='c.actor_codes')} AND "
                         f"{pad.format(col='c.actor_codes')}))")
            params.extend([f"%;{actor};%", f"%;{recipient};%", f"%;{actor};%", f"%;{recipient};%"])
        elif actor:
            where.append(pad.format(col="c.actor_codes"))
            params.append(f"%;{actor};%")
        elif recipient:
            where.append(pad.format(col="c.recipient_codes"))
            params.append(f"%;{recipient};%")
        for sql, value in (("c.event_type = ?", event_type and event_type.upper()), ("c.date >= ?", since),
                           ("c.date <= ?", until)):
            if value:
                where.append(sql)
                params.append(value)
        return where, params

    def clusters(self, actor: Optional[str] = None, recipient: Optional[str] = None,
                 event_type: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                 limit: Optional[int] = None, factual: bool = True) -> list[dict]:
        """Deduplicated events (see :mod:`newsevents.dedup`), one dict each, by date.

        actor / recipient (str | None): actor codes (``USA``) among the event's actor /
            recipient codes. factual (bool): leave out negated and hypothetical events.
        RETURNS (list[dict]): id, date, last_date, event_type, mode, actor_codes,
            recipient_codes, cameo, goldstein, quad_class, num_mentions, num_sources,
            num_articles, first_article, first_event, url (of the first article).
        """
        where, params = self._cluster_where(actor, recipient, event_type, since, until, factual)
        sql = ("SELECT c.id, c.date, c.last_date, c.event_type, c.mode, c.actor_codes, c.recipient_codes, c.cameo, "
               "c.goldstein, c.quad_class, c.num_mentions, c.num_sources, c.num_articles, c.factual, "
               "c.first_article, c.first_event, a.url FROM event_clusters c "
               "JOIN articles a ON a.id = c.first_article"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY c.date, c.first_article, " + self._natural("c.first_event")
               + (" LIMIT ?" if limit else ""))
        if limit:
            params.append(int(limit))
        return self._fix(self._rows(sql, tuple(params)))

    def iter_clusters(self, factual: bool = True, chunk: int = 1000) -> Iterator[dict]:
        """Every deduplicated event with its mentions, for exports, streaming in chunks.

        RETURNS (iterator of dict): the keys of :meth:`clusters` plus ``mentions``: a list of
            dicts (article_id, event_id, url, source, title, published, date, sentence,
            evidence_start, evidence_end, evidence_text, trigger, mode, actors, recipients (lists of
            {canonical, code, sector, text}), place (dict: name, text, lat, lon, country, feature,
            geonameid; or None), context (list)).
        """
        yield from self._paged_clusters(["c.factual = 1"] if factual else [], [], chunk)

    def _paged_clusters(self, conds: list, params: list, chunk: int) -> Iterator[dict]:
        """Clusters meeting the SQL conditions ``conds`` (parameters ``params``), by id, ``chunk``
        at a time, each with its ``mentions``: the loop of :meth:`iter_clusters` and of the
        dashboard's filtered downloads."""
        last = None
        while True:
            where, p = list(conds), list(params)
            if last is not None:
                where.append("c.id > ?")
                p.append(last)
            rows = self._fix(self._rows(
                "SELECT c.*, a.url FROM event_clusters c JOIN articles a ON a.id = c.first_article"
                + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY c.id LIMIT ?",
                tuple(p) + (chunk,)))
            if not rows:
                return
            last = rows[-1]["id"]
            mentions = self._mentions([r["id"] for r in rows])
            for r in rows:
                r["mentions"] = mentions.get(r["id"], [])
                yield r

    def _mentions(self, cluster_ids: list) -> dict:
        marks = ", ".join("?" for _ in cluster_ids)
        rows = self._fix(self._rows(
            "SELECT e.cluster_id, e.article_id, e.id AS event_id, a.url, a.source, a.title, a.published, e.date, "
            "e.context, e.sentence, e.start_char AS evidence_start, e.end_char AS evidence_end, e.evidence_text, "
            "e.trigger_text AS trigger, e.mode, pl.name AS place_name, pl.text AS place_text, pl.lat, pl.lon, "
            "pl.country AS place_country, pl.feature AS place_feature, pl.geonameid "
            "FROM events e JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN places pl ON pl.article_id = e.article_id AND pl.id = e.place "
            f"WHERE e.cluster_id IN ({marks}) ORDER BY e.date, e.article_id, " + self._natural("e.id"),
            tuple(cluster_ids)))
        parts = self._rows(
            "SELECT p.article_id, p.event_id, p.role, p.canonical, p.code, p.sector, x.text FROM event_actors p "
            "JOIN events e ON e.article_id = p.article_id AND e.id = p.event_id "
            "LEFT JOIN actors x ON x.article_id = p.article_id AND x.id = p.mention "
            f"WHERE e.cluster_id IN ({marks}) ORDER BY p.article_id, p.event_id, p.role, p.position",
            tuple(cluster_ids))
        by_event: dict = {}
        for p in parts:
            by_event.setdefault((p["article_id"], p["event_id"]), {"actor": [], "recipient": []})[p["role"]].append(
                {"canonical": p["canonical"], "code": p["code"], "sector": p["sector"], "text": p["text"]})
        out: dict = {}
        for m in rows:
            who = by_event.get((m["article_id"], m["event_id"]), {"actor": [], "recipient": []})
            m["actors"], m["recipients"] = who["actor"], who["recipient"]
            m["context"] = json.loads(m["context"] or "[]")
            place = None
            if m["place_text"] is not None:
                place = {"name": m["place_name"] or m["place_text"], "text": m["place_text"], "lat": m["lat"],
                         "lon": m["lon"], "country": m["place_country"], "feature": m["place_feature"],
                         "geonameid": m["geonameid"]}
            for k in ("place_name", "place_text", "lat", "lon", "place_country", "place_feature", "geonameid"):
                m.pop(k)
            m["place"] = place
            out.setdefault(m.pop("cluster_id"), []).append(m)
        return out

    def quotes(self, speaker: Optional[str] = None, speaker_code: Optional[str] = None,
               article: Optional[str] = None, kind: Optional[str] = None, contains: Optional[str] = None,
               since: Optional[str] = None, until: Optional[str] = None, limit: Optional[int] = None) -> list[dict]:
        """Quotes, one dict each, ordered by publication date, article and quote id.

        speaker (str | None): the speaker's canonical name, case-insensitive (``Donald Trump``).
        speaker_code (str | None): the speaker's actor code. contains (str | None): a
            case-insensitive substring of the content. since / until: ISO publication dates.
        RETURNS (list[dict]): published, speaker, speaker_code, speaker_sector, kind, cue, source,
            content, sentence, content_start, content_end, article_id, quote_id, url.
        """
        where, params = [], []
        for sql, value in (("lower(q.speaker) = lower(?)", speaker), ("q.speaker_code = ?", speaker_code),
                           ("q.article_id = ?", article), ("q.kind = ?", kind), ("a.published >= ?", since),
                           ("a.published <= ?", until)):
            if value:
                where.append(sql)
                params.append(value)
        if contains:
            where.append("lower(q.content) LIKE ?" + _ESC)
            params.append(f"%{like_escape(contains.lower())}%")
        sql = ("SELECT a.published, q.speaker, q.speaker_code, q.speaker_sector, q.kind, q.cue_text AS cue, "
               "q.source_text AS source, q.content, q.sentence, q.start_char AS content_start, "
               "q.end_char AS content_end, q.article_id, q.id AS quote_id, a.url "
               "FROM quotes q JOIN articles a ON a.id = q.article_id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY a.published, q.article_id, " + self._natural("q.id") + (" LIMIT ?" if limit else ""))
        if limit:
            params.append(int(limit))
        return self._rows(sql, tuple(params))

    def dyads(self, actor: Optional[str] = None, recipient: Optional[str] = None, by: str = "month",
              event_type: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None) -> list[dict]:
        """Counts of deduplicated (factual) events per period and dyad.

        actor / recipient (str | None): actor codes; when given, rows are per period only (the
            dyad is fixed); otherwise per period and (actor codes, recipient codes). With both,
            reciprocal events between the two (both among the actors) count too.
        by (str): ``day``, ``month`` or ``year`` (periods of the event date).
        RETURNS (list[dict]): period, actor, recipient, events (deduplicated events), mentions
            (their NumMentions summed), goldstein_sum, goldstein_mean, and verbal_coop,
            material_coop, verbal_conflict, material_conflict (counts per quad class 1-4).
        RAISES StoreError (E043): unknown ``by``.
        """
        width = {"day": 10, "month": 7, "year": 4}.get(by)
        if width is None:
            raise StoreError("E043", by=by)
        where, params = self._cluster_where(actor, recipient, event_type, since, until)
        where.append("c.date IS NOT NULL AND (c.actor_codes <> '' OR c.recipient_codes <> '')")
        period = f"substr(c.date, 1, {width})"
        group = [period]
        a_col = "?" if actor else "c.actor_codes"
        r_col = "?" if recipient else "c.recipient_codes"
        if not actor:
            group.append("c.actor_codes")
        if not recipient:
            group.append("c.recipient_codes")
        sel_params = [p for p in (actor, recipient) if p]
        quads = ", ".join(f"SUM(CASE WHEN c.quad_class = {q} THEN 1 ELSE 0 END) AS {name}"
                          for q, name in ((1, "verbal_coop"), (2, "material_coop"), (3, "verbal_conflict"),
                                          (4, "material_conflict")))
        sql = (f"SELECT {period} AS period, {self._cast_text(a_col)} AS actor, {self._cast_text(r_col)} AS recipient, "
               "COUNT(*) AS events, SUM(c.num_mentions) AS mentions, "
               f"SUM(c.goldstein) AS goldstein_sum, AVG(c.goldstein) AS goldstein_mean, {quads} "
               "FROM event_clusters c WHERE " + " AND ".join(where)
               + f" GROUP BY {', '.join(group)} ORDER BY {', '.join(group)}")
        rows = self._rows(sql, tuple(sel_params + params))
        for r in rows:
            for k in ("goldstein_sum", "goldstein_mean"):
                if r[k] is not None:
                    r[k] = round(float(r[k]), 3)
            for k in ("events", "mentions", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"):
                r[k] = int(r[k] or 0)
        return rows

    def search(self, query: str, limit: int = 20) -> list[dict]:  # pragma: no cover - abstract
        """Full-text search over article titles and texts (backend-specific)."""
        raise NotImplementedError

    # -- SQL dialect helpers (overridden by PostgreSQL) ---------------------------------
    def _names(self, role: str) -> str:
        """A subquery: the canonical names of event ``e``'s actors (or recipients) in order, ';'-joined."""
        return ("(SELECT group_concat(x, ';') FROM (SELECT p.canonical AS x FROM event_actors p "
                "WHERE p.article_id = e.article_id AND p.event_id = e.id "
                f"AND p.role = '{role}' ORDER BY p.position))")

    def _natural(self, col: str) -> str:
        """ORDER BY expression putting record ids in numeric order: E2 before E10."""
        return f"length({col}), {col}"

    def _cast_text(self, expr: str) -> str:
        return expr

    # -- whole articles ---------------------------------------------------------------
    def article_ids(self) -> list[str]:
        """RETURNS (list[str]): ids of the stored articles, sorted."""
        return [r["id"] for r in self._rows("SELECT id FROM articles ORDER BY id")]

    def analyses(self, ids: Optional[Iterable[str]] = None, chunk: int = 200) -> Iterator[ArticleAnalysis]:
        """Rebuild the stored articles as ArticleAnalysis records (what ``extract`` gave), by id.

        ids (iterable of str | None): these articles only; default all. chunk (int): articles per
            round of queries (memory stays bounded).
        RETURNS (iterator of ArticleAnalysis).
        """
        ids = list(ids) if ids is not None else self.article_ids()
        for i in range(0, len(ids), chunk):
            yield from self._load(ids[i:i + chunk])

    def _load(self, ids: list[str]) -> list[ArticleAnalysis]:
        marks = ", ".join("?" for _ in ids)
        p = tuple(ids)

        def group(table, order="id"):
            out: dict = {}
            for r in self._rows(f"SELECT * FROM {table} WHERE article_id IN ({marks}) ORDER BY article_id, "
                                f"{self._natural(order)}", p):
                out.setdefault(r["article_id"], []).append(r)
            return out

        actors, events, quotes, places, dates = (group(t) for t in ("actors", "events", "quotes", "places", "dates"))
        parts: dict = {}
        for r in self._rows(f"SELECT * FROM event_actors WHERE article_id IN ({marks}) "
                            "ORDER BY article_id, event_id, role, position", p):
            parts.setdefault((r["article_id"], r["event_id"], r["role"]), []).append(
                ActorRef(mention=r["mention"], canonical=r["canonical"], code=r["code"], sector=r["sector"]))
        arts = {r["id"]: r for r in self._rows(f"SELECT * FROM articles WHERE id IN ({marks})", p)}
        out = []
        for art_id in ids:
            a = arts.get(art_id)
            if a is None:
                continue
            text = a["text"]

            def ev(s, start, end, _t=text):
                return Evidence(sentence=s, start=start, end=end, text=_t[start:end])

            out.append(ArticleAnalysis(
                id=a["id"], title=a["title"], url=a["url"], published=a["published"], text=text,
                language=a["language"], model=a["model"], warnings=json.loads(a["warnings"] or "[]"),
                actors=[Actor(id=r["id"], text=r["text"], canonical=r["canonical"], code=r["code"],
                              sector=r["sector"], kind=r["kind"], entity=r["entity"], role=r["role"],
                              resolved_by=r["resolved_by"], antecedent=r["antecedent"],
                              evidence=ev(r["sentence"], r["start_char"], r["end_char"]))
                        for r in actors.get(art_id, [])],
                events=[Event(id=r["id"], event_type=r["event_type"], mode=r["mode"],
                              context=json.loads(r["context"] or "[]"),
                              actors=parts.get((art_id, r["id"], "actor"), []),
                              recipients=parts.get((art_id, r["id"], "recipient"), []),
                              reciprocal=bool(r["reciprocal"]), date=r["date"], date_source=r["date_source"],
                              date_ref=r["date_ref"], place=r["place"], cameo=r["cameo"], goldstein=r["goldstein"],
                              quad_class=r["quad_class"], negated=bool(r["negated"]), future=bool(r["future"]),
                              hypothetical=bool(r["hypothetical"]), reported=bool(r["reported"]),
                              pattern=r["pattern"],
                              trigger=ev(r["trigger_sentence"], r["trigger_start"], r["trigger_end"]),
                              evidence=ev(r["sentence"], r["start_char"], r["end_char"]))
                        for r in events.get(art_id, [])],
                quotes=[Quote(id=r["id"], kind=r["kind"],
                              cue=ev(r["cue_sentence"], r["cue_start"], r["cue_end"]) if r["cue_start"] is not None else None,
                              source=ev(r["source_sentence"], r["source_start"], r["source_end"])
                              if r["source_start"] is not None else None,
                              content=ev(r["sentence"], r["start_char"], r["end_char"]),
                              speaker=Speaker(canonical=r["speaker"], mention=r["speaker_mention"],
                                              code=r["speaker_code"], sector=r["speaker_sector"])
                              if r["speaker"] is not None else None)
                        for r in quotes.get(art_id, [])],
                places=[Place(id=r["id"], text=r["text"], name=r["name"], geonameid=r["geonameid"], lat=r["lat"],
                              lon=r["lon"], country=r["country"], feature=r["feature"], resolved_by=r["resolved_by"],
                              evidence=ev(r["sentence"], r["start_char"], r["end_char"]))
                        for r in places.get(art_id, [])],
                dates=[TimeExpr(id=r["id"], text=r["text"], type=r["type"], value=r["value"],
                                evidence=ev(r["sentence"], r["start_char"], r["end_char"]))
                       for r in dates.get(art_id, [])],
            ))
        return out

    def canonical_dump(self) -> dict:
        """Every table's rows as sorted lists of tuples (the full-text index left out).

        Two databases hold the same data exactly when their dumps are equal; the crash
        test compares a killed-and-resumed ingest with a clean one this way.
        RETURNS (dict[str, list[tuple]]).
        """
        out = {}
        for table in TABLES:
            cols = columns(table)
            rows = self._rows(f"SELECT {', '.join(cols)} FROM {table}")
            out[table] = sorted((tuple(r[c] for c in cols) for r in rows), key=repr)
        return out


def _ev(evidence: Optional[Evidence]) -> tuple:
    if evidence is None:
        return (None, None, None, None)
    return (evidence.sentence, evidence.start, evidence.end, evidence.text)
