"""The database schema, written once for both backends (SQLite and PostgreSQL).

Tables (one row per record of :mod:`newsevents.records`, keyed by the article id and
the record id the pipeline gave it, so that ids are deterministic and a re-run writes
the same rows):

``articles``        one row per stored article: id, content hash (sha256 of the text),
                    title, url, source (publisher: url host or the input's ``source``),
                    published (ISO date), text, ...
``actors``          Actor mentions with their evidence offsets.
``events``          Event mentions: PLOVER type/mode/context, CAMEO, Goldstein, quad class,
                    flags, trigger and evidence offsets, the sorted actor / recipient codes,
                    the dedup key and the id of the deduplicated event (``cluster_id``).
``event_actors``    the actors and recipients of each event mention (role, position).
``quotes``          quotes: kind, cue / source / content offsets, speaker.
``places``          toponyms and their gazetteer resolution, with offsets.
``dates``           temporal expressions (TIMEX3 type and value), with offsets.
``errors``          articles that could not be read or processed: code and message.
``event_clusters``  deduplicated events (see :mod:`newsevents.dedup`): GDELT-style
                    NumMentions / NumSources / NumArticles.
``meta``            key/value settings of the database: schema version, dedup window.
``feeds``           the feeds ``newsevents watch`` follows: validators (ETag, Last-Modified),
                    last fetch and status, consecutive failures and the back-off, the lease of
                    the process fetching it now.
``feed_items``      every feed item already handled, keyed by its normalised URL
                    (:func:`newsevents.watch.urls.url_key`): feed, guid, link, the article
                    stored for it, and how (``page``, ``feed-text`` with the reason, ...).
``feed_errors``     per-feed failures (fetching the feed, or one of its pages), newest last.

The feed tables were added after schema version 1 without changing any existing table:
every writable open creates the tables that are missing (``CREATE TABLE IF NOT EXISTS``),
so a database made by an older newsevents gains them the first time ``ingest`` or
``watch`` opens it, keeps its data, and stays readable by the older version.

Offsets are characters (Python code points) into ``articles.text``. Booleans are
stored as integers 0/1 in both backends. Dates are ISO 8601 text (``YYYY-MM-DD``),
so ``substr(date, 1, 7)`` is the month in both dialects.
"""
from __future__ import annotations

SCHEMA_VERSION = "1"

#: table -> (columns as (name, type), primary key columns)
#: types: text, int, bigint, real, bool (0/1)
TABLES: dict[str, tuple[list[tuple[str, str]], tuple[str, ...]]] = {
    "meta": ([("key", "text"), ("value", "text")], ("key",)),
    "articles": ([
        ("id", "text"), ("content_hash", "text"), ("title", "text"), ("url", "text"), ("source", "text"),
        ("published", "text"), ("language", "text"), ("model", "text"), ("n_events", "int"),
        ("n_quotes", "int"), ("warnings", "text"), ("text", "text"),
    ], ("id",)),
    "actors": ([
        ("article_id", "text"), ("id", "text"), ("text", "text"), ("canonical", "text"), ("code", "text"),
        ("sector", "text"), ("kind", "text"), ("entity", "text"), ("role", "text"), ("resolved_by", "text"),
        ("antecedent", "text"), ("sentence", "int"), ("start_char", "int"), ("end_char", "int"),
    ], ("article_id", "id")),
    "events": ([
        ("article_id", "text"), ("id", "text"), ("event_type", "text"), ("mode", "text"), ("context", "text"),
        ("reciprocal", "bool"), ("date", "text"), ("date_source", "text"), ("date_ref", "text"),
        ("place", "text"), ("cameo", "text"), ("goldstein", "real"), ("quad_class", "int"),
        ("negated", "bool"), ("future", "bool"), ("hypothetical", "bool"), ("reported", "bool"),
        ("pattern", "text"), ("trigger_sentence", "int"), ("trigger_start", "int"), ("trigger_end", "int"),
        ("trigger_text", "text"), ("sentence", "int"), ("start_char", "int"), ("end_char", "int"),
        ("evidence_text", "text"), ("actor_codes", "text"), ("recipient_codes", "text"),
        ("dedup_key", "text"), ("cluster_id", "bigint"),
    ], ("article_id", "id")),
    "event_actors": ([
        ("article_id", "text"), ("event_id", "text"), ("role", "text"), ("position", "int"),
        ("mention", "text"), ("canonical", "text"), ("code", "text"), ("sector", "text"),
    ], ("article_id", "event_id", "role", "position")),
    "quotes": ([
        ("article_id", "text"), ("id", "text"), ("kind", "text"),
        ("cue_sentence", "int"), ("cue_start", "int"), ("cue_end", "int"), ("cue_text", "text"),
        ("source_sentence", "int"), ("source_start", "int"), ("source_end", "int"), ("source_text", "text"),
        ("sentence", "int"), ("start_char", "int"), ("end_char", "int"), ("content", "text"),
        ("speaker", "text"), ("speaker_mention", "text"), ("speaker_code", "text"), ("speaker_sector", "text"),
    ], ("article_id", "id")),
    "places": ([
        ("article_id", "text"), ("id", "text"), ("text", "text"), ("name", "text"), ("geonameid", "bigint"),
        ("lat", "real"), ("lon", "real"), ("country", "text"), ("feature", "text"), ("resolved_by", "text"),
        ("sentence", "int"), ("start_char", "int"), ("end_char", "int"),
    ], ("article_id", "id")),
    "dates": ([
        ("article_id", "text"), ("id", "text"), ("text", "text"), ("type", "text"), ("value", "text"),
        ("sentence", "int"), ("start_char", "int"), ("end_char", "int"),
    ], ("article_id", "id")),
    "errors": ([
        ("article_id", "text"), ("content_hash", "text"), ("url", "text"), ("code", "text"), ("message", "text"),
    ], ("article_id",)),
    "event_clusters": ([
        ("id", "bigint"), ("dedup_key", "text"), ("factual", "bool"), ("event_type", "text"), ("mode", "text"),
        ("actor_codes", "text"), ("recipient_codes", "text"), ("date", "text"), ("last_date", "text"),
        ("cameo", "text"), ("goldstein", "real"), ("quad_class", "int"), ("num_mentions", "int"),
        ("num_sources", "int"), ("num_articles", "int"), ("first_article", "text"), ("first_event", "text"),
    ], ("id",)),
    # newsevents watch (newsevents/watch/, queries in store/feeds.py); times are Unix seconds (UTC)
    "feeds": ([
        ("url", "text"), ("title", "text"), ("added", "real"), ("last_fetch", "real"), ("last_status", "text"),
        ("etag", "text"), ("last_modified", "text"), ("items", "int"), ("failures", "int"),
        ("last_error", "text"), ("next_fetch", "real"), ("lease_owner", "text"), ("lease_until", "real"),
    ], ("url",)),
    "feed_items": ([
        ("key", "text"), ("feed_url", "text"), ("guid", "text"), ("url", "text"), ("article_id", "text"),
        ("status", "text"), ("reason", "text"), ("seen", "real"),
    ], ("key",)),
    "feed_errors": ([
        ("id", "text"), ("feed_url", "text"), ("at", "real"), ("url", "text"), ("code", "text"),
        ("message", "text"),
    ], ("id",)),
}

#: (index name, table, columns)
INDEXES = [
    # not unique: a syndicated copy (the same text under another id from another source) is an
    # article of its own (newsevents.dedup.same_article); databases written before keep a unique
    # index "articles_hash", dropped when opened for writing (create_statements)
    ("articles_content_hash", "articles", ("content_hash",), False),
    ("articles_published", "articles", ("published",), False),
    ("events_dedup", "events", ("dedup_key", "date"), False),
    ("events_cluster", "events", ("cluster_id",), False),
    ("events_date", "events", ("date",), False),
    ("events_type", "events", ("event_type",), False),
    ("event_actors_code", "event_actors", ("code", "role"), False),
    ("event_actors_canonical", "event_actors", ("canonical",), False),
    ("quotes_speaker", "quotes", ("speaker",), False),
    ("clusters_key", "event_clusters", ("dedup_key", "date"), False),
    ("clusters_date", "event_clusters", ("date",), False),
    ("feed_items_guid", "feed_items", ("feed_url", "guid"), False),
    ("feed_errors_feed", "feed_errors", ("feed_url", "at"), False),
]

#: the child tables of an article (deleted and written together with it)
CHILD_TABLES = ("actors", "events", "event_actors", "quotes", "places", "dates")

#: columns holding booleans (returned as bool by the queries)
BOOL_COLUMNS = {name for cols, _ in TABLES.values() for name, kind in cols if kind == "bool"}

_TYPES = {
    "sqlite": {"text": "TEXT", "int": "INTEGER", "bigint": "INTEGER", "real": "REAL", "bool": "INTEGER"},
    "postgres": {"text": "TEXT", "int": "INTEGER", "bigint": "BIGINT", "real": "DOUBLE PRECISION",
                 "bool": "SMALLINT"},
}


def columns(table: str) -> list[str]:
    """RETURNS (list[str]): the column names of ``table`` in order."""
    return [name for name, _ in TABLES[table][0]]


def create_statements(dialect: str) -> list[str]:
    """The CREATE TABLE / CREATE INDEX statements (idempotent: IF NOT EXISTS).

    dialect (str): "sqlite" or "postgres".
    RETURNS (list[str]): SQL statements, tables first.
    """
    types = _TYPES[dialect]
    out = []
    for table, (cols, pk) in TABLES.items():
        body = ", ".join(f"{name} {types[kind]}" for name, kind in cols)
        out.append(f"CREATE TABLE IF NOT EXISTS {table} ({body}, PRIMARY KEY ({', '.join(pk)}))")
    out.append("DROP INDEX IF EXISTS articles_hash")  # the unique index of content hashes, before copies were kept
    for name, table, cols, unique in INDEXES:
        out.append(f"CREATE {'UNIQUE ' if unique else ''}INDEX IF NOT EXISTS {name} ON {table} ({', '.join(cols)})")
    return out
