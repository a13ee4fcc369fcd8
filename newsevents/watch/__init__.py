"""Live feeds: ``newsevents watch`` follows RSS/Atom feeds into the event database.

    from newsevents.watch import WatchOptions, watch
    from newsevents.store import open_store

    with open_store("news.db") as store:
        watch("feeds.opml", store, pipeline, WatchOptions(every=900))

Modules: :mod:`.feedlist` (OPML or text feeds lists), :mod:`.urls` (one key per story),
:mod:`.fetch` (polite HTTP: conditional GET, robots.txt, per-host turns, retries),
:mod:`.run` (the passes). The state lives in the database (:mod:`newsevents.store.feeds`).
"""
from __future__ import annotations

from .feedlist import FeedEntry, read_feed_list
from .fetch import Fetcher, FetchOptions
from .run import WatchOptions, format_stats, parse_interval, run_pass, watch
from .urls import normalise_url, url_key

__all__ = ["FeedEntry", "FetchOptions", "Fetcher", "WatchOptions", "format_stats", "normalise_url", "parse_interval",
           "read_feed_list", "run_pass", "url_key", "watch"]
