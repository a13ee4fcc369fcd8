"""Commands for live feeds: watch (follow RSS/Atom feeds into the database), feeds (their state)."""
from __future__ import annotations

import sys

import click

from .. import cli as _hooks  # make_pipeline, run_extract: looked up at run time, tests replace them
from ..errors import NewsEventsError
from .app import _fail, main
from .options import (ROW_FORMATS, FiniteFloat, _allow_private_hosts, _build_options, _open_db, _write_query,
                      common_options, db_option, model_options, private_hosts_option)


@main.command()
@click.argument("feeds_list")
@db_option
@click.option("--every", default="15m", show_default=True,
              help="Time between two fetches of one feed: 90s, 15m, 1h, 1d (a failing feed waits longer).")
@click.option("--once", is_flag=True, help="One pass over the feeds, then exit (for cron or systemd timers).")
@click.option("--concurrency", type=click.IntRange(1, 256), default=8, show_default=True,
              help="Most HTTP requests in flight overall.")
@click.option("--host-delay", type=FiniteFloat(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to one host (one at a time per host; a robots.txt "
                   "Crawl-delay makes it longer).")
@click.option("--timeout", type=FiniteFloat(min=0, min_open=True), default=20.0, show_default=True,
              help="Seconds for one HTTP request.")
@click.option("--retries", type=click.IntRange(0, 10), default=2, show_default=True,
              help="Retries of a request that timed out, failed to connect or got 429/5xx (waits doubling from 1 s, "
                   "or the server's Retry-After up to 120 s).")
@click.option("--user-agent", default=None,
              help="User-Agent of every request (default: newsevents/VERSION with a link).")
@private_hosts_option
@model_options
@click.option("-q", "--quiet", is_flag=True, help="No progress line on stderr.")
def watch(feeds_list, db_url, every, once, concurrency, host_delay, timeout, retries, user_agent, model, data_paths,
          max_chars, batch_size, article_seconds, quiet):
    """Follow RSS/Atom feeds into the event database: fetch each new item's page, extract the article
    (the feed's text when the page fails), analyse and store it.

    FEEDS_LIST: an OPML file or a text file with one feed URL a line, read again every pass.
    Runs until SIGTERM or Ctrl-C (the current batch is finished, exit 0), or one pass with --once.
    """
    from ..watch import FetchOptions, WatchOptions, format_stats, parse_interval, read_feed_list
    from ..watch import watch as run_watch

    try:
        seconds = parse_interval(every)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--every") from None
    try:
        read_feed_list(feeds_list)
    except NewsEventsError as err:
        _fail(err.message, 2)
    fetch = FetchOptions(concurrency=concurrency, host_delay=host_delay, timeout=timeout, retries=retries,
                         allow_private_hosts=_allow_private_hosts())
    if user_agent:
        fetch.user_agent = user_agent
    options = WatchOptions(every=seconds, once=once, fetch=fetch)
    if batch_size:
        options.batch_size = batch_size
    store = _open_db(db_url, readonly=False)

    def report(n, stats):
        if not quiet:
            click.echo("newsevents: " + format_stats(n, stats), err=True)

    try:
        pipeline = _hooks.make_pipeline(_build_options(model, data_paths, max_chars, batch_size, article_seconds))
        totals = run_watch(feeds_list, store, pipeline, options, report=report)
    except NewsEventsError as err:
        _fail(err.message, 2 if err.code in ("E020", "E070") else err.exit_code)
    finally:
        store.close()
    sys.exit(1 if once and (totals["feeds_failed"] or totals["failed"]) else 0)


FEED_COLUMNS = ["url", "title", "last_fetch", "last_status", "items", "feed_text", "failed", "errors", "failures",
                "next_fetch", "last_error"]


@main.command()
@db_option
@common_options(ROW_FORMATS, "table")
def feeds(db_url, fmt, output, quiet):
    """The feeds `watch` follows: last fetch and its status, articles stored (and how many from the
    feed's own text), items not stored, errors logged, consecutive failures, next fetch, last error."""
    import time

    store = _open_db(db_url)
    with store:
        rows = store.feed_rows()
    for r in rows:
        for key in ("last_fetch", "next_fetch"):
            r[key] = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(r[key])) if r[key] else None
    _write_query(rows, fmt, output, FEED_COLUMNS,
                 ["url", "last_fetch", "last_status", "items", "feed_text", "failed", "errors", "next_fetch"],
                 {"url": 50})
