"""Queries: event mentions, deduplicated events, quotes and dyad counts as lists of dicts.

A mixin of :class:`~newsevents.store.base.Store` (the command line's queries and the
exports' cluster stream); the dashboard's filtered, paged queries are in :mod:`.browse`.
Every value is a parameter; LIKE patterns on user input are escaped (:func:`like_escape`).
"""
from __future__ import annotations

import json
from typing import Iterator, Optional

from .errors import StoreError
from .schema import BOOL_COLUMNS, TABLES

__all__ = ["Queries", "like_escape"]


def like_escape(value: str) -> str:
    """``value`` with LIKE's wildcards escaped (``%``, ``_``, and the escape character ``\\``), for a
    ``LIKE ? ESCAPE '\\'`` clause that matches it literally (SQLite and PostgreSQL alike)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


#: the ESCAPE clause of every LIKE on user input (standard SQL; one backslash in both dialects)
_ESC = " ESCAPE '\\'"


class Queries:
    """Reading events, clusters, quotes and dyads (mixed into :class:`~newsevents.store.base.Store`)."""

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
        """An EXISTS clause: the event has an actor/recipient whose code (any case) or canonical name
        (any case) is ``value``; ``name:<canonical>`` (an uncoded actor's node in the GEXF export)
        matches an uncoded actor of that canonical name only."""
        from ..export.network import uncoded_name

        head = (f"EXISTS (SELECT 1 FROM event_actors p WHERE p.article_id = {alias}.article_id "
                f"AND p.event_id = {alias}.id AND p.role = ? AND ")
        name = uncoded_name(value)
        if name is not None:
            return head + "COALESCE(p.code, '') = '' AND lower(p.canonical) = lower(?))", (role, name)
        return head + "(p.code = upper(?) OR lower(p.canonical) = lower(?)))", (role, value, value)

    def party_known(self, value: str, codes_only: bool = False) -> bool:
        """Whether any stored event has an actor or recipient ``value`` names: its code (any case) or,
        unless ``codes_only``, its canonical name (any case), as the ``actor``/``recipient`` filters
        match them. For the hint after a filter that matched nothing (trial 8: ``--actor XYZ`` gave
        "(no rows)" with nothing saying that no actor is XYZ).

        RETURNS (bool)."""
        from ..export.network import uncoded_name

        name = uncoded_name(value)
        if name is not None:
            sql, params = "COALESCE(p.code, '') = '' AND lower(p.canonical) = lower(?)", (name,)
        elif codes_only:
            sql, params = "p.code = upper(?)", (value,)
        else:
            sql, params = "p.code = upper(?) OR lower(p.canonical) = lower(?)", (value, value)
        return bool(self._rows(f"SELECT 1 AS hit FROM event_actors p WHERE {sql} LIMIT 1", params))

    def events(self, actor: Optional[str] = None, recipient: Optional[str] = None, event_type: Optional[str] = None,
               since: Optional[str] = None, until: Optional[str] = None, article: Optional[str] = None,
               quad_class: Optional[int] = None, limit: Optional[int] = None) -> list[dict]:
        """Event mentions, one dict per mention, ordered by date (undated last, on both backends),
        article and event id.

        actor / recipient (str | None): an actor code (``USA``) or canonical name (``Donald Trump``,
            case-insensitive) among the event's actors / recipients; with both, a reciprocal
            event with both among its actors matches too (as :meth:`dyads` counts it).
        event_type (str | None): PLOVER type, e.g. ``CONSULT``. since / until (str | None):
            ISO dates, inclusive. article (str | None): article id. quad_class (int | None): 1-4.
        RETURNS (list[dict]): keys date, event_type, mode, actor_codes, actor_names,
            recipient_codes, recipient_names, cameo, goldstein, quad_class, negated, future,
            hypothetical, reported, place, lat, lon, trigger, sentence, evidence_start,
            evidence_end, evidence_text, article_id, event_id, url, cluster_id, num_mentions.
        """
        where, params = [], []
        if actor and recipient:
            # as dyads and the API read a dyad: a reciprocal event (a meeting: no recipient, both
            # among the actors) between the two counts too (trial 10: `events --actor USA
            # --recipient CHN` found no rows where `dyads` counted the Trump-Liu meeting)
            a_sql, a_p = self._party_filter("e", "actor", actor)
            r_sql, r_p = self._party_filter("e", "recipient", recipient)
            b_sql, b_p = self._party_filter("e", "actor", recipient)
            where.append(f"(({a_sql} AND {r_sql}) OR (e.reciprocal = 1 AND {a_sql} AND {b_sql}))")
            params.extend(a_p + r_p + a_p + b_p)
        else:
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
            f"SELECT e.date, e.event_type, e.mode, {self._names('actor', 'code')} AS actor_codes, "
            f"{self._names('actor')} AS actor_names, {self._names('recipient', 'code')} AS recipient_codes, "
            f"{self._names('recipient')} AS recipient_names, "
            "e.cameo, e.goldstein, e.quad_class, e.negated, e.future, e.hypothetical, e.reported, "
            "COALESCE(pl.name, pl.text) AS place, pl.country AS place_country, pl.lat, pl.lon, "
            "e.trigger_text AS trigger, e.sentence, e.start_char AS evidence_start, e.end_char AS evidence_end, "
            "e.evidence_text, e.article_id, e.id AS event_id, a.url, e.cluster_id, c.num_mentions "
            "FROM events e JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN places pl ON pl.article_id = e.article_id AND pl.id = e.place "
            "LEFT JOIN event_clusters c ON c.id = e.cluster_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY (e.date IS NULL), e.date, e.article_id, " + self._natural("e.id")
            + (" LIMIT ?" if limit else ""))
        if limit:
            params.append(int(limit))
        return self._fix(self._rows(sql, tuple(params)))

    def _cluster_where(self, actor, recipient, event_type, since, until, factual=True) -> tuple[list, list]:
        """WHERE clauses over event_clusters ``c``: codes are matched inside the ';'-joined sets.

        With both ``actor`` and ``recipient``, reciprocal events (no recipient, both among the
        actors, as PLOVER codes a meeting) match too. Codes match in any case (``usa`` is ``USA``),
        for the CLI and for Python callers alike.
        """
        where, params = [], []
        if factual:
            where.append("c.factual = 1")
        pad = "(';' || {col} || ';') LIKE ?" + _ESC
        actor = like_escape(actor.upper()) if actor else actor
        recipient = like_escape(recipient.upper()) if recipient else recipient
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
               + " ORDER BY (c.date IS NULL), c.date, c.first_article, " + self._natural("c.first_event")
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

        speaker (str | None): the speaker's canonical name or its last words, case-insensitive
            (``Donald Trump``, ``Trump``).
        speaker_code (str | None): the speaker's actor code. contains (str | None): a
            case-insensitive substring of the content. since / until: ISO publication dates.
        RETURNS (list[dict]): published, speaker, speaker_code, speaker_sector, kind, cue, source,
            content, sentence, content_start, content_end, article_id, quote_id, url.
        """
        where, params = [], []
        if speaker:
            # the whole canonical name, or its last words ('Trump' finds 'Donald Trump')
            where.append("(lower(q.speaker) = lower(?) OR lower(q.speaker) LIKE ?" + _ESC + ")")
            params.extend([speaker, f"% {like_escape(speaker.lower())}"])
        for sql, value in (("q.speaker_code = upper(?)", speaker_code),
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
               + " ORDER BY (a.published IS NULL), a.published, q.article_id, " + self._natural("q.id") + (" LIMIT ?" if limit else ""))
        if limit:
            params.append(int(limit))
        return self._rows(sql, tuple(params))

    def dyads(self, actor: Optional[str] = None, recipient: Optional[str] = None, by: str = "month",
              event_type: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
              limit: Optional[int] = None) -> list[dict]:
        """Counts of deduplicated (factual) events per period and dyad.

        actor / recipient (str | None): actor codes; when given, rows are per period only (the
            dyad is fixed); otherwise per period and (actor codes, recipient codes). With both,
            reciprocal events between the two (both among the actors) count too.
        by (str): ``day``, ``month`` or ``year`` (periods of the event date).
        limit (int | None): at most this many rows (the first in period order).
        RETURNS (list[dict]): period, actor, recipient, events (deduplicated events), mentions
            (their NumMentions summed), goldstein_sum, goldstein_mean, and verbal_coop,
            material_coop, verbal_conflict, material_conflict (counts per quad class 1-4).
            Events without a day date are not counted (:meth:`dyads_left_out` counts them).
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
        sel_params = [p.upper() for p in (actor, recipient) if p]  # as _cluster_where matches them
        quads = ", ".join(f"SUM(CASE WHEN c.quad_class = {q} THEN 1 ELSE 0 END) AS {name}"
                          for q, name in ((1, "verbal_coop"), (2, "material_coop"), (3, "verbal_conflict"),
                                          (4, "material_conflict")))
        sql = (f"SELECT {period} AS period, {self._cast_text(a_col)} AS actor, {self._cast_text(r_col)} AS recipient, "
               "COUNT(*) AS events, SUM(c.num_mentions) AS mentions, "
               f"SUM(c.goldstein) AS goldstein_sum, AVG(c.goldstein) AS goldstein_mean, {quads} "
               "FROM event_clusters c WHERE " + " AND ".join(where)
               + f" GROUP BY {', '.join(group)} ORDER BY {', '.join(group)}" + (" LIMIT ?" if limit else ""))
        rows = self._rows(sql, tuple(sel_params + params + ([int(limit)] if limit else [])))
        for r in rows:
            for k in ("goldstein_sum", "goldstein_mean"):
                if r[k] is not None:
                    r[k] = round(float(r[k]), 3)
            for k in ("events", "mentions", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"):
                r[k] = int(r[k] or 0)
        return rows

    def dyads_left_out(self, actor: Optional[str] = None, recipient: Optional[str] = None,
                       event_type: Optional[str] = None) -> dict:
        """The deduplicated (factual) events :meth:`dyads` leaves out for want of a day date, with
        the same actor, recipient and type filters (a period filter can't place them).

        RETURNS (dict): ``coarse``: of dated articles, so dated by the text only to a week,
            month or year ("last week": ``date`` null, ``date_ref`` set); ``undated``: of
            articles without a publication date (relative dates unresolved).
        """
        where, params = self._cluster_where(actor, recipient, event_type, None, None)
        where.append("c.date IS NULL AND (c.actor_codes <> '' OR c.recipient_codes <> '')")
        # an undated event is never merged (newsevents.dedup): its first article is its only one
        sql = ("SELECT SUM(CASE WHEN a.published IS NOT NULL THEN 1 ELSE 0 END) AS coarse, "
               "SUM(CASE WHEN a.published IS NULL THEN 1 ELSE 0 END) AS undated FROM event_clusters c "
               "JOIN articles a ON a.id = c.first_article WHERE " + " AND ".join(where))
        row = self._rows(sql, tuple(params))[0]
        return {k: int(row[k] or 0) for k in ("coarse", "undated")}

    def search(self, query: str, limit: int = 20) -> list[dict]:  # pragma: no cover - abstract
        """Full-text search over article titles and texts (backend-specific)."""
        raise NotImplementedError
