"""Writing analyses: one transaction per batch, rows for every record, errors kept.

A mixin of :class:`~newsevents.store.base.Store`: it uses the backend hooks (``transaction``,
``_exec``, ``_execmany``, ``_rows``, ``_index_text``, ``_db_errors``) and hands the
deduplication keys a batch touched to :meth:`~newsevents.store.clusters.Clustering._recluster`.
"""
from __future__ import annotations

import hashlib
import json
from typing import Iterable, Optional

from .. import dedup
from ..records import ArticleAnalysis, Evidence
from .errors import StoreError
from .schema import columns

__all__ = ["Writing", "content_hash"]


def content_hash(text) -> str:
    """sha256 (hex) of the article text as stored (UTF-8). Bytes are hashed as given.

    The text is the one the evidence offsets refer to: no normalisation is applied
    beyond decoding, so the same article read twice hashes the same.
    """
    data = text if isinstance(text, (bytes, bytearray)) else str(text).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def _b(value) -> int:
    return 1 if value else 0


class Writing:
    """Storing analyses (mixed into :class:`~newsevents.store.base.Store`)."""

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

    def stored_copies(self, items: Iterable[tuple]) -> set:
        """Which inputs are already stored as the same article (:func:`newsevents.dedup.same_article`:
        the same text under the same id or from the same source).

        items (iterable of (content hash, article id | None, source | None)).
        RETURNS (set[tuple]): those of ``items`` already stored (one query per 500 hashes).
        """
        items = list(items)
        hashes = list(dict.fromkeys(h for h, _, _ in items if h))
        known: dict = {}
        try:
            for i in range(0, len(hashes), 500):
                chunk = hashes[i:i + 500]
                marks = ", ".join("?" for _ in chunk)
                for r in self._rows(f"SELECT content_hash, id, source FROM articles WHERE content_hash IN ({marks})",
                                    tuple(chunk)):
                    known.setdefault(r["content_hash"], []).append((r["id"], r["source"]))
        except self._db_errors as err:
            raise self._write_error(err) from None
        return {item for item in items if dedup.known_copy(known, *item)}

    def add_batch(self, analyses: Iterable[ArticleAnalysis], sources: Optional[dict] = None) -> dict:
        """Store a batch of analyses in one transaction (all or nothing).

        An analysis whose text is already stored under its id or from its source adds nothing
        (:func:`newsevents.dedup.same_article`); the same text under another id from another
        source (a syndicated copy) is stored as an article of its own. One with
        an ``error`` goes to the ``errors`` table (replacing an older error of that id); a
        stored article is never replaced. Deduplicated events are recomputed for the keys
        the batch touched, in the same transaction.

        analyses (iterable of ArticleAnalysis).
        sources (dict | None): article id -> publisher name, for inputs that name their
            source; otherwise the url host is used (:func:`newsevents.dedup.source_of`).
        RETURNS (dict): counts ``stored``, ``undated`` (of them, without a publication date),
            ``skipped`` (already stored), ``errors``, ``events``, ``quotes`` of this batch, and
            ``failed``: list of (article id, code, message).
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
        counts = {"stored": 0, "undated": 0, "skipped": 0, "errors": 0, "events": 0, "quotes": 0, "failed": []}
        touched: dict[str, str] = {}  # dedup key -> earliest new date
        with self.transaction():
            for analysis in analyses:
                if analysis.error is not None:
                    self._add_error(analysis, counts)
                    continue
                h = content_hash(analysis.text)
                art_id = dedup.article_key(analysis.id, h)
                source = dedup.source_of(analysis.url, sources.get(analysis.id))
                copies = self._rows("SELECT id, source FROM articles WHERE content_hash = ?", (h,))
                if any(dedup.same_article(r["id"], r["source"], art_id, source) for r in copies):
                    counts["skipped"] += 1
                    continue
                old = self._rows("SELECT content_hash FROM articles WHERE id = ?", (art_id,))
                if old:
                    err = StoreError("E041", id=art_id, old=old[0]["content_hash"][:12], new=h[:12])
                    self._record_error(art_id, h, analysis.url, err.code, err.message, counts)
                    continue
                self._insert_article(art_id, h, source, analysis, touched)
                counts["stored"] += 1
                counts["undated"] += not analysis.published
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
            key = dedup.dedup_key(e.event_type, (dedup.side_code(r) for r in e.actors),
                                  (dedup.side_code(r) for r in e.recipients),
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


def _ev(evidence: Optional[Evidence]) -> tuple:
    if evidence is None:
        return (None, None, None, None)
    return (evidence.sentence, evidence.start, evidence.end, evidence.text)
