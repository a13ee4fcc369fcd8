"""Filtered, sorted, paged queries over the event database: what ``newsevents serve`` reads.

One filter object (:class:`Query`) is turned into one WHERE clause over event mentions
(``events e`` joined with ``articles a`` and the event's place ``pl``) and shared by every
query here, so that the map, the timeline, the network and every list of the dashboard
show the same events. The methods are mixed into :class:`~newsevents.store.base.Store`,
so they exist on both backends; the SQL is written once with ``?`` placeholders and the
two dialect differences (full text, the week of a date) are hooks below. Every value is
a parameter; column names and sort orders come from fixed tables, never from input.

    >>> q = Query(actor="USA", quad_class=4, since="2019-01-01")
    >>> store.event_page(q, sort="-goldstein", limit=50)      # {"total": ..., "items": [...]}
    >>> store.series(q, by="week")                             # counts per week and quad class
"""
from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from dataclasses import dataclass, fields
from datetime import date as Date, timedelta
from typing import Iterator, Optional

from ..errors import NewsEventsError
from ..export.network import actor_node, node_label, uncoded_name

__all__ = ["Query", "QueryError", "Browse", "PERIODS", "EVENT_SORTS", "QUOTE_SORTS", "period_bounds"]

#: the periods of :meth:`Browse.series`
PERIODS = ("day", "week", "month", "year")

#: sort key -> SQL expression (``-key`` sorts descending)
EVENT_SORTS = {"date": "e.date", "goldstein": "e.goldstein", "event_type": "e.event_type",
               "quad_class": "e.quad_class", "article": "e.article_id", "published": "a.published"}
QUOTE_SORTS = {"published": "a.published", "speaker": "q.speaker", "article": "q.article_id", "kind": "q.kind"}
ACTOR_SORTS = {"events": "events", "as_actor": "as_actor", "as_recipient": "as_recipient", "name": "canonical",
               "code": "code"}
PLACE_SORTS = {"events": "events", "name": "name", "country": "country"}

_QUADS = ((1, "verbal_coop"), (2, "material_coop"), (3, "verbal_conflict"), (4, "material_conflict"))


class QueryError(NewsEventsError):
    """A query the caller can fix (unknown sort key, bad period). ``param`` names the argument."""

    def __init__(self, code: str, param: str = "", **kwargs):
        super().__init__(code, **kwargs)
        self.param = param


@dataclass(frozen=True)
class Query:
    """The filter every dashboard view and API list shares. Empty fields filter nothing.

    actor / recipient (str): an actor code (``USA``), a sector (``GOV``), code and sector
        (``USAGOV``) or a canonical name (``Donald Trump``, any case) among the event's
        actors / recipients. With both, reciprocal events (no recipient, both among the
        actors, as PLOVER codes a meeting) match too, as in ``newsevents dyads``.
    event_type (str): PLOVER type (``PROTEST``). mode (str): PLOVER mode (``demo``).
    quad_class (int): 1-4. country (str): the event place's country code (``HKG``).
    place (str): the event place's GeoNames id, or its name when it has none.
    since / until (str): ISO dates, inclusive, of the event date.
    text (str): full-text search over the article's title and text (web-search syntax).
    article (str): one article's id. located (bool): events with coordinates only.
    factual (bool): leave out negated and hypothetical events.
    """

    actor: Optional[str] = None
    recipient: Optional[str] = None
    event_type: Optional[str] = None
    mode: Optional[str] = None
    quad_class: Optional[int] = None
    country: Optional[str] = None
    place: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    text: Optional[str] = None
    article: Optional[str] = None
    located: bool = False
    factual: bool = False

    def params(self) -> dict:
        """RETURNS (dict): the fields that are set (for URLs and messages)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, "", False)}


def period_bounds(period: str, by: str) -> tuple[str, str]:
    """The first and last day (ISO) of a period label of :meth:`Browse.series`.

    ``("2019-06", "month")`` -> ``("2019-06-01", "2019-06-30")``; a week is labelled by its Monday.
    """
    if by == "day":
        return period, period
    if by == "week":
        start = Date.fromisoformat(period)
        return period, (start + timedelta(days=6)).isoformat()
    if by == "month":
        y, m = int(period[:4]), int(period[5:7])
        return f"{period}-01", f"{period}-{calendar.monthrange(y, m)[1]:02d}"
    return f"{period}-01-01", f"{period}-12-31"


def _sort(sort: Optional[str], table: dict, default: str) -> tuple[str, str]:
    key = sort or default
    desc = key.startswith("-")
    name = key[1:] if desc else key
    if name not in table:
        raise QueryError("E060", param="sort", key=key, choices=", ".join(sorted(table)))
    return table[name], "DESC" if desc else "ASC"


class Browse:
    """Dashboard queries, mixed into :class:`~newsevents.store.base.Store` (both backends)."""

    # -- dialect hooks ----------------------------------------------------------------
    def _text_match(self, alias: str, text: str) -> tuple[str, tuple]:
        """A clause: article ``alias`` matches the full-text query ``text``."""
        if self.dialect == "postgres":
            return f"{alias}.tsv @@ websearch_to_tsquery('english', ?)", (text,)
        from .sqlite import fts5_query

        match = fts5_query(text)
        if not match:
            return "1 = 0", ()
        return f"{alias}.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", (match,)

    def _week(self, col: str) -> str:
        """The Monday (ISO date) of the week of the ISO date in ``col``."""
        if self.dialect == "postgres":
            return (f"CASE WHEN length({col}) = 10 THEN "
                    f"to_char(date_trunc('week', CAST({col} AS date)), 'YYYY-MM-DD') END")
        return f"date({col}, '-' || ((CAST(strftime('%w', {col}) AS INTEGER) + 6) % 7) || ' days')"

    # -- the shared filter ---------------------------------------------------------------
    _FROM = ("FROM events e JOIN articles a ON a.id = e.article_id "
             "LEFT JOIN places pl ON pl.article_id = e.article_id AND pl.id = e.place")

    @staticmethod
    def _who(alias: str, role: Optional[str], value: str) -> tuple[str, tuple]:
        """An EXISTS clause: event ``alias`` has a participant (of ``role``) matching ``value``: its
        code, sector, code + sector or canonical name; ``name:<canonical>`` (an uncoded actor's
        node of :meth:`network` and the GEXF export) its canonical name only."""
        role_sql = "AND p.role = ? " if role else ""
        head = (f"EXISTS (SELECT 1 FROM event_actors p WHERE p.article_id = {alias}.article_id "
                f"AND p.event_id = {alias}.id {role_sql}AND ")
        roles = (role,) if role else ()
        name = uncoded_name(value)
        if name is not None:
            return head + "COALESCE(p.code, '') = '' AND lower(p.canonical) = lower(?))", roles + (name,)
        code = value.strip().upper()
        sql = head + ("(p.code = ? OR p.sector = ? OR (COALESCE(p.code, '') || COALESCE(p.sector, '')) = ? "
                      "OR lower(p.canonical) = lower(?)))")
        return sql, roles + (code, code, code, value.strip())

    def _where(self, q: Query) -> tuple[str, tuple]:
        """RETURNS (str, tuple): `` WHERE ...`` (or "") over ``_FROM`` and its parameters."""
        where, params = [], []
        if q.actor and q.recipient:
            # as the dyads query reads a dyad: reciprocal events (a meeting: no recipient, both
            # among the actors) count too
            (a, pa), (r, pr), (b, pb) = (self._who("e", "actor", q.actor), self._who("e", "recipient", q.recipient),
                                         self._who("e", "actor", q.recipient))
            where.append(f"(({a} AND {r}) OR ({a} AND {b} AND NOT EXISTS (SELECT 1 FROM event_actors p "
                         "WHERE p.article_id = e.article_id AND p.event_id = e.id AND p.role = 'recipient')))")
            params.extend(pa + pr + pa + pb)
        else:
            for role, value in (("actor", q.actor), ("recipient", q.recipient)):
                if value:
                    sql, p = self._who("e", role, value)
                    where.append(sql)
                    params.extend(p)
        for sql, value in (("e.event_type = ?", q.event_type and q.event_type.upper()), ("e.mode = ?", q.mode),
                           ("e.quad_class = ?", q.quad_class), ("pl.country = ?", q.country and q.country.upper()),
                           ("e.date >= ?", q.since), ("e.date <= ?", q.until), ("e.article_id = ?", q.article)):
            if value is not None and value != "":
                where.append(sql)
                params.append(value)
        if q.place:
            if q.place.isdigit():
                where.append("pl.geonameid = ?")
                params.append(int(q.place))
            else:
                where.append("pl.geonameid IS NULL AND COALESCE(pl.name, pl.text) = ?")
                params.append(q.place)
        if q.text:
            sql, p = self._text_match("a", q.text)
            where.append(sql)
            params.extend(p)
        if q.located:
            where.append("pl.lat IS NOT NULL AND pl.lon IS NOT NULL")
        if q.factual:
            where.append("e.negated = 0 AND e.hypothetical = 0")
        return (" WHERE " + " AND ".join(where) if where else ""), tuple(params)

    def _count(self, from_where: str, params: tuple) -> int:
        return int(self._rows("SELECT COUNT(*) AS n " + from_where, params)[0]["n"])

    # -- lists ----------------------------------------------------------------------------
    def event_page(self, q: Query = Query(), sort: Optional[str] = None, limit: Optional[int] = 100,
                   offset: int = 0) -> dict:
        """Event mentions matching ``q``, one page.

        sort (str | None): one of EVENT_SORTS, ``-`` first for descending (default ``date``);
            ties by date, article and event id; missing values last.
        limit (int | None): page size (None: all). offset (int): rows to skip.
        RETURNS (dict): ``total`` (matches), ``items``: dicts with the keys of
            :meth:`~newsevents.store.base.Store.events` plus mode, place_id, geonameid,
            title and published.
        RAISES QueryError (E060): unknown sort key.
        """
        expr, order = _sort(sort, EVENT_SORTS, "date")
        where, params = self._where(q)
        sql = (
            f"SELECT e.date, e.event_type, e.mode, {self._names('actor', 'code')} AS actor_codes, "
            f"{self._names('actor')} AS actor_names, {self._names('recipient', 'code')} AS recipient_codes, "
            f"{self._names('recipient')} AS recipient_names, "
            "e.cameo, e.goldstein, e.quad_class, e.negated, e.future, e.hypothetical, e.reported, "
            "COALESCE(pl.name, pl.text) AS place, pl.country AS place_country, pl.lat, pl.lon, "
            "pl.id AS place_id, pl.geonameid, e.trigger_text AS trigger, e.sentence, "
            "e.start_char AS evidence_start, e.end_char AS evidence_end, e.evidence_text, e.article_id, "
            "e.id AS event_id, a.url, a.title, a.published, e.cluster_id "
            + self._FROM + where
            + f" ORDER BY ({expr} IS NULL), {expr} {order}, e.date, e.article_id, " + self._natural("e.id")
            + (" LIMIT ? OFFSET ?" if limit is not None else ""))
        page = (int(limit), int(offset)) if limit is not None else ()
        items = self._fix(self._rows(sql, params + page))
        total = len(items) if limit is None else self._count(self._FROM + where, params)
        return {"total": total, "items": items}

    def quote_page(self, q: Query = Query(), kind: Optional[str] = None, sort: Optional[str] = None,
                   limit: Optional[int] = 100, offset: int = 0) -> dict:
        """Quotes, one page. Of ``q`` these apply: ``actor`` (the speaker: code, sector or
        canonical name), ``since`` / ``until`` (the publication date), ``text`` (full text of
        the article) and ``article``; the event filters do not (a quote is not an event).

        kind (str | None): direct, indirect or mixed. sort: one of QUOTE_SORTS (default ``published``).
        RETURNS (dict): ``total``, ``items``: the keys of :meth:`~newsevents.store.base.Store.quotes`
            plus title, cue_start, cue_end, source_start, source_end.
        """
        expr, order = _sort(sort, QUOTE_SORTS, "published")
        where, params = [], []
        if q.actor:
            code = q.actor.strip().upper()
            where.append("(q.speaker_code = ? OR q.speaker_sector = ? OR "
                         "(COALESCE(q.speaker_code, '') || COALESCE(q.speaker_sector, '')) = ? OR "
                         "lower(q.speaker) = lower(?))")
            params.extend([code, code, code, q.actor.strip()])
        for sql, value in (("q.kind = ?", kind), ("a.published >= ?", q.since), ("a.published <= ?", q.until),
                           ("q.article_id = ?", q.article)):
            if value:
                where.append(sql)
                params.append(value)
        if q.text:
            sql, p = self._text_match("a", q.text)
            where.append(sql)
            params.extend(p)
        from_where = ("FROM quotes q JOIN articles a ON a.id = q.article_id"
                      + (" WHERE " + " AND ".join(where) if where else ""))
        sql = ("SELECT a.published, q.speaker, q.speaker_code, q.speaker_sector, q.kind, q.cue_text AS cue, "
               "q.source_text AS source, q.content, q.sentence, q.start_char AS content_start, "
               "q.end_char AS content_end, q.cue_start, q.cue_end, q.source_start, q.source_end, "
               "q.article_id, q.id AS quote_id, a.url, a.title " + from_where
               + f" ORDER BY ({expr} IS NULL), {expr} {order}, q.article_id, " + self._natural("q.id")
               + (" LIMIT ? OFFSET ?" if limit is not None else ""))
        page = (int(limit), int(offset)) if limit is not None else ()
        items = self._rows(sql, tuple(params) + page)
        total = len(items) if limit is None else self._count(from_where, tuple(params))
        return {"total": total, "items": items}

    def actor_page(self, q: Query = Query(), sort: Optional[str] = None, limit: Optional[int] = 100,
                   offset: int = 0) -> dict:
        """Actors taking part in the events matching ``q``, with how often.

        RETURNS (dict): ``total``, ``items``: code, sector, canonical, events, as_actor,
            as_recipient (one row per code, sector and canonical name); default sort ``-events``.
        """
        expr, order = _sort(sort, ACTOR_SORTS, "-events")
        where, params = self._where(q)
        inner = ("SELECT p.code, p.sector, p.canonical, COUNT(*) AS events, "
                 "SUM(CASE WHEN p.role = 'actor' THEN 1 ELSE 0 END) AS as_actor, "
                 "SUM(CASE WHEN p.role = 'recipient' THEN 1 ELSE 0 END) AS as_recipient "
                 "FROM event_actors p JOIN events e ON e.article_id = p.article_id AND e.id = p.event_id "
                 + self._FROM[len("FROM events e "):] + where + " GROUP BY p.code, p.sector, p.canonical")
        sql = (f"SELECT * FROM ({inner}) t ORDER BY ({expr} IS NULL), {expr} {order}, canonical, code, sector"
               + (" LIMIT ? OFFSET ?" if limit is not None else ""))
        page = (int(limit), int(offset)) if limit is not None else ()
        items = self._rows(sql, params + page)
        for r in items:
            for k in ("events", "as_actor", "as_recipient"):
                r[k] = int(r[k] or 0)
        total = len(items) if limit is None else self._count(f"FROM ({inner}) t", params)
        return {"total": total, "items": items}

    def place_page(self, q: Query = Query(), sort: Optional[str] = None, limit: Optional[int] = 100,
                   offset: int = 0) -> dict:
        """Located places of the events matching ``q``: one row per place, for the map.

        RETURNS (dict): ``total``, ``items``: key (the GeoNames id, or the name when none:
            the value of :attr:`Query.place`), name, country, lat, lon, geonameid, events,
            verbal_coop, material_coop, verbal_conflict, material_conflict, goldstein_mean.
        """
        expr, order = _sort(sort, PLACE_SORTS, "-events")
        where, params = self._where(q)
        where = (where + " AND " if where else " WHERE ") + "pl.lat IS NOT NULL AND pl.lon IS NOT NULL"
        quads = ", ".join(f"SUM(CASE WHEN e.quad_class = {n} THEN 1 ELSE 0 END) AS {name}" for n, name in _QUADS)
        inner = ("SELECT COALESCE(pl.name, pl.text) AS name, pl.country, pl.lat, pl.lon, pl.geonameid, "
                 f"COUNT(*) AS events, {quads}, AVG(e.goldstein) AS goldstein_mean "
                 + self._FROM + where + " GROUP BY COALESCE(pl.name, pl.text), pl.country, pl.lat, pl.lon, "
                 "pl.geonameid")
        sql = (f"SELECT * FROM ({inner}) t ORDER BY ({expr} IS NULL), {expr} {order}, name, lat, lon"
               + (" LIMIT ? OFFSET ?" if limit is not None else ""))
        page = (int(limit), int(offset)) if limit is not None else ()
        items = self._rows(sql, params + page)
        for r in items:
            r["key"] = str(r["geonameid"]) if r["geonameid"] is not None else r["name"]
            for _, k in _QUADS:
                r[k] = int(r[k] or 0)
            r["events"] = int(r["events"])
            if r["goldstein_mean"] is not None:
                r["goldstein_mean"] = round(float(r["goldstein_mean"]), 3)
        total = len(items) if limit is None else self._count(f"FROM ({inner}) t", params)
        return {"total": total, "items": items}

    # -- aggregates -------------------------------------------------------------------------
    def series(self, q: Query = Query(), by: str = "month", split: bool = False) -> list[dict]:
        """Event mentions matching ``q`` per period: counts per quad class, Goldstein sum and mean.

        by (str): day, week (labelled by its Monday), month or year of the event date.
        split (bool): one row per period and dyad (actor codes, recipient codes) instead of per period.
        RETURNS (list[dict]): period, start, end (its first and last day), [actor, recipient,]
            events, goldstein_sum, goldstein_mean, verbal_coop, material_coop, verbal_conflict,
            material_conflict; by period.
        RAISES QueryError (E061): unknown ``by``.
        """
        if by not in PERIODS:
            raise QueryError("E061", param="by", by=by, choices=", ".join(PERIODS))
        period = self._week("e.date") if by == "week" else \
            f"substr(e.date, 1, {dict(day=10, month=7, year=4)[by]})"
        where, params = self._where(q)
        where = (where + " AND " if where else " WHERE ") + "e.date IS NOT NULL AND length(e.date) = 10"
        group = ["period"] + (["actor", "recipient"] if split else [])
        quads = ", ".join(f"SUM(CASE WHEN e.quad_class = {n} THEN 1 ELSE 0 END) AS {name}" for n, name in _QUADS)
        sql = (f"SELECT {period} AS period, "
               + ("e.actor_codes AS actor, e.recipient_codes AS recipient, " if split else "")
               + f"COUNT(*) AS events, SUM(e.goldstein) AS goldstein_sum, AVG(e.goldstein) AS goldstein_mean, {quads} "
               + self._FROM + where
               + f" GROUP BY {', '.join(group)} ORDER BY {', '.join(group)}")
        rows = self._rows(sql, params)
        for r in rows:
            r["start"], r["end"] = period_bounds(r["period"], by)
            r["events"] = int(r["events"])
            for k in ("goldstein_sum", "goldstein_mean"):
                r[k] = round(float(r[k]), 3) if r[k] is not None else None
            for _, k in _QUADS:
                r[k] = int(r[k] or 0)
        return rows

    def series_left_out(self, q: Query = Query()) -> int:
        """RETURNS (int): the event mentions matching ``q`` that :meth:`series` leaves out for want of
        a day date (dated only to a week, month or year, or of an article without a publication
        date); none when ``q`` has a period (since/until), which such a mention can't be placed in."""
        where, params = self._where(q)
        where = (where + " AND " if where else " WHERE ") + "(e.date IS NULL OR length(e.date) <> 10)"
        return self._count(self._FROM + where, params)

    def network(self, q: Query = Query(), limit: Optional[int] = 200) -> dict:
        """The actor network of the event mentions matching ``q``.

        A node is an actor code, or ``name:`` and the canonical name of an uncoded actor
        (:func:`newsevents.export.network.actor_node`, as in the GEXF export, so that an
        uncoded "AEW" is never taken for a code; both work as ``actor``/``recipient`` filters); an edge joins
        each actor of an event to each of its recipients, or, for an event without recipient
        (a meeting), its actors pairwise in sorted order, as the GEXF export does.
        limit (int | None): keep the heaviest edges only (None: all).
        RETURNS (dict): ``nodes`` (id, label: the code's own name, a country's or an
            organisation's, else the most frequent canonical name; code: None for an uncoded
            actor's node, events),
            ``edges`` (source, target, events, goldstein_sum, goldstein_mean, counts per quad
            class), ``total_edges`` (before the limit).
        """
        where, params = self._where(q)
        rows = self._rows(
            "SELECT p.article_id, p.event_id, p.role, p.code, p.canonical, e.goldstein, e.quad_class "
            "FROM event_actors p JOIN events e ON e.article_id = p.article_id AND e.id = p.event_id "
            + self._FROM[len("FROM events e "):] + where
            + " ORDER BY p.article_id, p.event_id, p.role, p.position", params)
        events: dict = {}
        labels: dict = defaultdict(Counter)
        coded: set = set()
        for r in rows:
            node = actor_node(r["code"], r["canonical"])
            if not node:
                continue
            if r["code"]:
                coded.add(node)
            labels[node][r["canonical"] or node] += 1
            ev = events.setdefault((r["article_id"], r["event_id"]),
                                   {"actor": [], "recipient": [], "g": r["goldstein"], "q": r["quad_class"]})
            ev[r["role"]].append(node)
        edges: dict = {}
        for ev in events.values():
            if ev["recipient"]:
                pairs = [(a, b) for a in ev["actor"] for b in ev["recipient"]]
            else:
                nodes = sorted(set(ev["actor"]))
                pairs = [(x, y) for i, x in enumerate(nodes) for y in nodes[i + 1:]]
            for a, b in dict.fromkeys(p for p in pairs if p[0] != p[1]):
                e = edges.setdefault((a, b), {"source": a, "target": b, "events": 0, "goldstein_sum": 0.0,
                                              "_g": 0, **{k: 0 for _, k in _QUADS}})
                e["events"] += 1
                if ev["g"] is not None:
                    e["goldstein_sum"] += ev["g"]
                    e["_g"] += 1
                if ev["q"] in (1, 2, 3, 4):
                    e[_QUADS[ev["q"] - 1][1]] += 1
        ranked = sorted(edges.values(), key=lambda e: (-e["events"], e["source"], e["target"]))
        kept = ranked if limit is None else ranked[:limit]
        for e in kept:
            n = e.pop("_g")
            e["goldstein_mean"] = round(e["goldstein_sum"] / n, 3) if n else None
            e["goldstein_sum"] = round(e["goldstein_sum"], 3)
        weight: Counter = Counter()
        for e in kept:
            weight[e["source"]] += e["events"]
            weight[e["target"]] += e["events"]
        nodes = [{"id": n, "label": node_label(n, labels[n]),
                  "code": n if n in coded else None, "events": weight[n]} for n in sorted(weight)]
        return {"nodes": nodes, "edges": kept, "total_edges": len(ranked)}

    def iter_clusters_matching(self, q: Query = Query(), factual: bool = True, chunk: int = 1000) -> Iterator[dict]:
        """Deduplicated events having a mention that matches ``q``, with all their mentions:
        what :func:`newsevents.export.network.write_geojson` and ``write_gexf`` read (the
        records of :meth:`~newsevents.store.base.Store.iter_clusters`, restricted to ``q``).
        """
        where, params = self._where(q)
        conds = [f"c.id IN (SELECT e.cluster_id {self._FROM}{where})"] + (["c.factual = 1"] if factual else [])
        yield from self._paged_clusters(conds, list(params), chunk)

    def article_record(self, article_id: str):
        """RETURNS (ArticleAnalysis | None): the stored article with all its records, or None."""
        return next(iter(self.analyses([article_id])), None)

    def overview(self) -> dict:
        """RETURNS (dict): articles, events, quotes counts, first and last event date (for the dashboard)."""
        r = self._rows("SELECT (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM events) AS events, "
                       "(SELECT COUNT(*) FROM quotes) AS quotes, (SELECT MIN(date) FROM events) AS first_date, "
                       "(SELECT MAX(date) FROM events) AS last_date")[0]
        return {k: (int(v) if k in ("articles", "events", "quotes") else v) for k, v in r.items()}
