"""The watch loop: passes over the feeds list, new items fetched, analysed and stored.

One pass (:func:`run_pass`):

1. the feeds list is read again (a feed added to the file is fetched now) and new feeds are
   recorded; the feeds that are due (their interval passed, or ``once``; a failing feed only
   when its back-off has passed) are claimed (a lease, so a second process skips them);
2. each claimed feed is fetched with a conditional GET (a 304 ends it); its items are read
   (:func:`newsevents.sources.feeds.read_feed`) and those already handled -- by normalised
   URL (:func:`.urls.url_key`) in any feed, or by guid in this feed -- are dropped;
3. each new item's page is fetched (robots.txt allowing) and read by the same HTML path as
   ``ingest`` (:func:`newsevents.sources.html.read_html`, trafilatura); the feed's own text
   is used instead when the page can't be fetched, is refused, yields no article or less
   text than the feed (``feed_items.status = 'feed-text'``, the reason kept);
4. articles are analysed in batches by the one pipeline of the process (in a worker thread,
   while fetching goes on) and stored with their items in one transaction each
   (:meth:`newsevents.store.Store.store_feed_items`); once all new items of a feed are
   stored, its validators are saved.

Threads (:class:`_Workers`): the event loop (this thread) fetches and writes the database;
one ``newsevents-read`` thread does all the lxml work -- reading feeds (feedparser, lxml) and
pages (trafilatura) --, one after the other; one ``newsevents-analyse`` thread runs spaCy and
the stages. lxml must not run in two threads at once here: two pages extracted by trafilatura
at once crashed the process now and then (SIGSEGV or "double free or corruption" inside
libxml2, two threads in trafilatura; trafilatura issues 840 and 925). The likely mechanism:
trafilatura parses every page with one module-level lxml parser, and when a thread's first
parse uses a parser another thread has used, lxml makes that parser's libxml2 string
dictionary the new thread's too, so the reading threads shared one dictionary, which libxml2
does not lock (giving each thread a dictionary of its own first also stopped the crashes of a
stress test). Reading is a small part of the time (see the benchmark in the README), so one
reading thread costs little.

The article keeps the item's link (``url``), title and date (the page's when the item has
none); its id is the normalised link. Stopping (``stop`` set, e.g. by SIGTERM or SIGINT)
finishes the batch being analysed, stores it, and ends the pass: feeds with items left are
fetched in full again next time (their validators were not saved).
"""
from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..errors import Errors
from ..pipeline import ArticleInput
from ..sources.net import FetchError, PrivateAddressError
from .feedlist import FeedEntry, read_feed_list
from .fetch import Fetcher, FetchOptions
from .urls import normalise_url, url_key

__all__ = ["WatchOptions", "run_pass", "watch", "format_stats", "parse_interval"]

logger = logging.getLogger("newsevents.watch")


@dataclass
class WatchOptions:
    """How to watch.

    every (float): seconds between two fetches of one feed (``--every``, default 15 min).
    once (bool): one pass, every feed not in back-off fetched whatever its interval.
    fetch (FetchOptions): politeness, timeouts, retries, User-Agent, private hosts.
    batch_size (int): articles per analysis batch and per transaction.
    lease (float): seconds a process may hold a feed before another takes it over (a lease of
        a dead process on the same machine is taken over at once).
    max_backoff (float): longest wait before retrying a failing feed (its wait doubles from
        ``every`` with each consecutive failure, and is at least the server's Retry-After).
    """

    every: float = 900.0
    once: bool = False
    fetch: FetchOptions = field(default_factory=FetchOptions)
    batch_size: int = 16
    lease: float = 3600.0
    max_backoff: float = 86400.0


def parse_interval(text: str) -> float:
    """Seconds of an interval such as ``90``, ``30s``, ``15m``, ``1h``, ``1d``, ``1h30m``.
    RAISES ValueError: not such an interval, or zero."""
    import re

    value = text.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        seconds = float(value)
    else:
        parts = re.findall(r"(\d+(?:\.\d+)?)\s*([smhd])", value)
        if not parts or re.sub(r"(\d+(?:\.\d+)?)\s*([smhd])", "", value).strip():
            raise ValueError(f"'{text}' is not an interval such as 30s, 15m, 1h or 1d")
        seconds = sum(float(n) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[u] for n, u in parts)
    if seconds <= 0:
        raise ValueError(f"'{text}' is not a positive interval")
    return seconds


def _new_stats() -> dict:
    return {"feeds": 0, "due": 0, "feeds_fetched": 0, "not_modified": 0, "feeds_failed": 0, "new": 0,
            "pages": 0, "feed_text": 0, "stored": 0, "duplicates": 0, "failed": 0, "taken": 0,
            "events": 0, "requests": 0, "seconds": 0.0}


def format_stats(n: int, stats: dict) -> str:
    """The progress line of pass ``n`` (what ``newsevents watch`` prints on stderr)."""
    def counted(k: int, noun: str) -> str:  # "1 event", "2 events"
        return f"{k} {noun}" if k == 1 else f"{k} {noun}s"

    feeds = "feed" if stats["due"] == 1 else "feeds"
    return (f"pass {n}: {stats['feeds_fetched']}/{stats['due']} {feeds} fetched ({stats['not_modified']} not modified, "
            f"{stats['feeds_failed']} failed); {counted(stats['new'], 'new item')}, {counted(stats['pages'], 'page')} "
            f"fetched, {stats['feed_text']} from feed text; {stats['stored']} stored, "
            f"{counted(stats['duplicates'], 'duplicate')}, {stats['failed']} failed; {counted(stats['events'], 'event')}; "
            f"{counted(stats['requests'], 'request')}, {stats['seconds']:.1f} s")


@dataclass
class _Job:
    article: ArticleInput
    item: dict
    feed: "_FeedRun"


class _FeedRun:
    """One feed within a pass: its items in flight, and whether all were stored."""

    def __init__(self, url: str):
        self.url = url
        self.pending = 0
        self.done = asyncio.Event()

    def finished_one(self):
        self.pending -= 1
        if self.pending <= 0:
            self.done.set()


class _Workers:
    """The two worker threads of a watch (see the module docstring): ``read`` for every lxml
    call (feeds and pages), ``analyse`` for the pipeline. Each has one thread, so neither
    library is ever used by two threads at once. ``close()`` waits for the job in hand."""

    def __init__(self):
        self.read = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsevents-read")
        self.analyse = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsevents-analyse")

    async def reading(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self.read, fn, *args)

    async def analysing(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self.analyse, fn, *args)

    def close(self) -> None:
        self.read.shutdown(wait=True, cancel_futures=True)
        self.analyse.shutdown(wait=True, cancel_futures=True)


class _Pass:
    def __init__(self, entries: list[FeedEntry], store, pipeline, options: WatchOptions, fetcher: Fetcher,
                 owner: str, stop: threading.Event, workers: _Workers):
        self.entries, self.store, self.pipeline, self.options = entries, store, pipeline, options
        self.fetcher, self.owner, self.stop, self.workers = fetcher, owner, stop, workers
        self.stats = _new_stats()
        self.queue: asyncio.Queue = asyncio.Queue()
        self.slots = asyncio.Semaphore(max(4 * options.batch_size, options.fetch.concurrency))
        self.inflight: set = set()

    async def run(self) -> dict:
        start = time.perf_counter()
        requests0 = self.fetcher.requests
        now = time.time()
        store = self.store
        store.add_feeds([(e.url, e.title) for e in self.entries], now)
        _reap_dead_leases(store)
        states = store.feed_state(e.url for e in self.entries)
        self.stats["feeds"] = len(self.entries)
        due = [e.url for e in self.entries if _is_due(states.get(e.url), now, self.options.once, self.options.every)]
        self.stats["due"] = len(due)
        claimed = [u for u in due if store.claim_feed(u, self.owner, now, now + self.options.lease)]
        tasks = [asyncio.create_task(self._feed(u, states.get(u) or {})) for u in claimed]
        try:
            await self._consume(tasks)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for url in claimed:
                store.release_feed(url, self.owner)
        self.stats["requests"] = self.fetcher.requests - requests0
        self.stats["seconds"] = time.perf_counter() - start
        return self.stats

    async def _consume(self, tasks) -> None:
        size = self.options.batch_size
        while not self.stop.is_set():
            if self.queue.empty() and all(t.done() for t in tasks):
                break
            try:
                first = await asyncio.wait_for(self.queue.get(), timeout=0.1)
            except asyncio.TimeoutError:
                continue
            batch = [first]
            while len(batch) < size and not self.queue.empty():
                batch.append(self.queue.get_nowait())
            await self._analyse(batch)
        for task in tasks:  # surface a bug in a feed task as a log line, not silence
            if task.done() and not task.cancelled() and task.exception() is not None:
                err = task.exception()
                logger.error("watching a feed failed: %s: %s", type(err).__name__, err)

    async def _analyse(self, batch: list[_Job]) -> None:
        pipeline = self.pipeline
        articles = [job.article for job in batch]
        analyses = await self.workers.analysing(lambda: list(pipeline.pipe(articles)))
        counts = self.store.store_feed_items([job.item for job in batch], analyses, time.time())
        statuses = counts["statuses"]
        self.stats["stored"] += counts["stored"]
        self.stats["events"] += counts["events"]
        self.stats["taken"] += counts["taken"]
        self.stats["duplicates"] += sum(1 for s in statuses.values() if s == "duplicate")
        self.stats["failed"] += len(counts["failed"])
        for art_id, code, message in counts["failed"]:
            logger.warning("%s: %s", art_id, message)
        for job in batch:
            self.slots.release()
            job.feed.finished_one()

    async def _feed(self, url: str, state: dict) -> None:
        store, options = self.store, self.options
        now = time.time()
        try:
            response = await self.fetcher.get(url, state.get("etag"), state.get("last_modified"))
        except PrivateAddressError as err:  # a setting, not a failing server: no back-off
            message = "[E071] " + Errors.E071.format(url=url, host=err.host, address=err.address)
            self.store.feed_failed(url, "E071", message, now, now)
            self.stats["feeds_failed"] += 1
            logger.warning("%s", message)
            return
        except FetchError as err:
            self._feed_failed(url, state, "E072", err.reason, now, at_least=err.retry_after)
            return
        if response.status == 304:
            self.stats["not_modified"] += 1
            self.stats["feeds_fetched"] += 1
            store.feed_fetched(url, "304", now, now + options.every, keep_validators=True)
            return
        from ..sources.feeds import read_feed

        items = await self.workers.reading(lambda: list(read_feed(response.data, url, encoding=response.encoding)))
        if len(items) == 1 and items[0].problem and items[0].problem[0] == "E032":
            self._feed_failed(url, state, "E073", items[0].problem[1], now, status=str(response.status))
            return
        self.stats["feeds_fetched"] += 1
        fresh = []
        for item in items:
            if item.problem and item.problem[0] == "E033":
                continue
            if item.problem:
                store.log_feed_error(url, item.url, item.problem[0], item.problem[1], now)
                continue
            key = url_key(item.url) if item.url else f"{url}#{item.id}"
            fresh.append((key, item))
        known = store.known_items(url, [k for k, _ in fresh], [i.id for _, i in fresh])
        new = []
        for key, item in fresh:
            if key in known or item.id in known or key in self.inflight:
                continue
            self.inflight.add(key)
            new.append((key, item))
        run = _FeedRun(url)
        run.pending = len(new)
        self.stats["new"] += len(new)
        if new:
            await asyncio.gather(*(self._item(run, key, item) for key, item in new))
            await run.done.wait()
        store.feed_fetched(url, str(response.status), time.time(), now + options.every,
                           etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))

    def _feed_failed(self, url: str, state: dict, code: str, reason: str, now: float, status: str = "error",
                     at_least: Optional[float] = None):
        failures = int(state.get("failures") or 0)
        wait = min(max(self.options.every * (2 ** failures), at_least or 0.0), self.options.max_backoff)
        until = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(now + wait))
        message = f"[{code}] " + getattr(Errors, code).format(url=url, reason=reason, until=until)
        self.store.feed_failed(url, code, message, now, now + wait, status=status)
        self.stats["feeds_failed"] += 1
        logger.warning("%s", message)

    async def _item(self, run: _FeedRun, key: str, item: ArticleInput) -> None:
        await self.slots.acquire()
        link = item.url
        reason, code, page = None, None, None
        try:
            if not link:
                reason = "the item has no link"
            elif not await self.fetcher.allowed(link):
                problem = self.fetcher.robots_problem(link)
                reason = (f"robots.txt disallows the page" if not problem else
                          f"robots.txt could not be read: {problem}; RFC 9309 then disallows every page of the host")
                code = "robots"
            else:
                response = await self.fetcher.get(link)
                self.stats["pages"] += 1
                page = await self.workers.reading(_read_page, response, link, item)
                if page.problem:
                    reason, code = f"the page yields no article ({page.problem[1]})", page.problem[0]
                elif _words(page.text) < _words(item.text):
                    reason = "the page yields less text than the feed"
        except PrivateAddressError as err:
            reason, code = err.reason, "E071"
        except FetchError as err:
            reason, code = f"the page could not be fetched ({err.reason})", "E036"
        except asyncio.CancelledError:
            self.slots.release()
            raise
        except Exception as err:  # a reader or library bug on one page: fall back, keep going
            logger.debug("page %s failed", link, exc_info=True)
            reason, code = f"reading the page failed ({type(err).__name__}: {err})", "E030"
        text = item.text if reason else page.text
        if reason:
            self.stats["feed_text"] += 1
            if code:
                self.store.log_feed_error(run.url, link, code, reason, time.time())
        article = ArticleInput(
            text=text, id=normalise_url(link) if link else key, url=link,
            title=item.title or (page.title if page is not None and not page.problem else None),
            published=item.published or (page.published if page is not None and not page.problem else None))
        await self.queue.put(_Job(article, {"key": key, "feed_url": run.url, "guid": item.id, "url": link,
                                            "status": "feed-text" if reason else "page", "reason": reason}, run))


def _read_page(response, link: str, item: ArticleInput):
    from ..sources.html import HTML_FAVOR, read_html

    return read_html(response.data, ident=link, url=link, published=item.published, encoding=response.encoding,
                     favor=HTML_FAVOR)


def _words(text) -> int:
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    return len((text or "").split())


def _next_fetch(state: Optional[dict], every: float) -> float:
    """When a feed is due: after its back-off when failing, else ``every`` after its last fetch
    (the interval of this run, not the one stored by an earlier run with another ``--every``)."""
    if not state:
        return 0.0
    if int(state.get("failures") or 0) > 0:
        return state.get("next_fetch") or 0.0
    return (state.get("last_fetch") or 0.0) + every


def _is_due(state: Optional[dict], now: float, once: bool, every: float = 900.0) -> bool:
    if once and not int((state or {}).get("failures") or 0):  # a failing feed waits, also with --once
        return True
    return now >= _next_fetch(state, every)


def _owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _reap_dead_leases(store) -> None:
    """Release the leases of processes on this machine that are gone (killed mid-pass)."""
    me = socket.gethostname()
    for owner in store.lease_owners():
        parts = owner.rsplit(":", 2)
        if len(parts) != 3 or parts[0] != me or not parts[1].isdigit():
            continue
        pid = int(parts[1])
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            store.clear_leases(owner)
        except PermissionError:
            pass  # alive, another user's


def run_pass(feeds_path, store, pipeline, options: Optional[WatchOptions] = None,
             stop: Optional[threading.Event] = None) -> dict:
    """One pass over the feeds list (what ``newsevents watch --once`` does).

    feeds_path (str | Path): OPML or text feeds list (:func:`.feedlist.read_feed_list`).
    store (Store): the database (:func:`newsevents.store.open_store`), written by this thread only.
    pipeline (Pipeline): loaded once by the caller.
    options (WatchOptions | None). stop (threading.Event | None): set to end the pass early.
    RETURNS (dict): the pass's counts (see :func:`format_stats`).
    RAISES InputError (E020, E070): the feeds list can't be read.
    """
    options = options or WatchOptions()
    stop = stop or threading.Event()
    entries = read_feed_list(feeds_path)

    async def main():
        fetcher, workers = Fetcher(options.fetch), _Workers()
        try:
            return await _Pass(entries, store, pipeline, options, fetcher, _owner(), stop, workers).run()
        finally:
            await fetcher.aclose()
            workers.close()

    return asyncio.run(main())


def watch(feeds_path, store, pipeline, options: Optional[WatchOptions] = None,
          stop: Optional[threading.Event] = None, report: Optional[Callable[[int, dict], None]] = None,
          handle_signals: bool = True) -> dict:
    """Follow the feeds until stopped (or for one pass with ``options.once``).

    feeds_path, store, pipeline, options: as for :func:`run_pass`; the list is read again
        each pass (a list that became unreadable keeps the last good one, with a warning).
    stop (threading.Event | None): set it to stop after the current batch.
    report (callable | None): called as ``report(pass_number, stats)`` after each pass.
    handle_signals (bool): SIGTERM and SIGINT set ``stop`` (main thread only); the handlers
        are restored on return.
    RETURNS (dict): counts summed over the passes, plus ``passes``.
    RAISES InputError (E020, E070): the feeds list can't be read at the first pass.
    """
    options = options or WatchOptions()
    stop = stop or threading.Event()
    owner = _owner()
    entries = read_feed_list(feeds_path)
    totals = _new_stats()
    totals["passes"] = 0
    previous = {}
    if handle_signals and threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            previous[sig] = signal.signal(sig, lambda *_: stop.set())

    async def main():
        fetcher, workers = Fetcher(options.fetch), _Workers()
        nonlocal entries
        try:
            while not stop.is_set():
                stats = await _Pass(entries, store, pipeline, options, fetcher, owner, stop, workers).run()
                totals["passes"] += 1
                for key, value in stats.items():
                    totals[key] += value
                if report:
                    report(totals["passes"], stats)
                if options.once or stop.is_set():
                    break
                await _sleep_until_due(store, entries, options, stop)
                try:
                    entries = read_feed_list(feeds_path)
                except Exception as err:  # noqa: BLE001 - the file is being edited: keep the last list
                    logger.warning("%s; the previous list is used", getattr(err, "message", err))
        finally:
            await fetcher.aclose()
            workers.close()

    try:
        asyncio.run(main())
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return totals


async def _sleep_until_due(store, entries: list[FeedEntry], options: WatchOptions, stop: threading.Event) -> None:
    """Wait until the first feed is due (at most ``every``, at least 1 s), waking up for ``stop``."""
    states = store.feed_state(e.url for e in entries)
    now = time.time()
    nexts = [_next_fetch(s, options.every) for s in states.values()] or [now + options.every]
    wake = now + max(1.0, min(min(nexts) - now, options.every))
    while not stop.is_set() and time.time() < wake:
        await asyncio.sleep(min(0.2, max(0.0, wake - time.time())))
