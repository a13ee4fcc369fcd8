"""newsevents watch: feeds followed into the database, against local servers on 127.0.0.1.

The feeds are built from ../shared/corpus texts and link to the real pages of
../shared/corpus/html, served by :mod:`feedserver` (standard library), which changes
between passes and logs every request. Few, short passes: the model parses a handful of
pages per test (the session ``pipeline`` fixture). The store tests run on SQLite and, with
NEWSEVENTS_TEST_PG set, on PostgreSQL too.
"""
from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import shared_path
from feedserver import FeedServer, Route, expected_text, feed_route, page_bytes, page_names, summary
from newsevents.errors import InputError
from newsevents.records import ArticleAnalysis
from newsevents.sources import ReaderOptions, read_inputs
from newsevents.sources.net import FetchError, PrivateAddressError, fetch, refusal
from newsevents.store import open_store
from newsevents.watch import FetchOptions, Fetcher, WatchOptions, read_feed_list, run_pass, url_key, watch
from newsevents.watch.run import parse_interval
from test_store import store_url  # noqa: F401  (the two-backend fixture)

ROOT = Path(__file__).resolve().parents[1]


def opts(**kw) -> WatchOptions:
    """Fast, private-hosts-allowed options for tests."""
    fetch_kw = {"allow_private_hosts": True, "host_delay": 0.0, "timeout": 5.0, "retries": 1, "backoff": 0.05}
    fetch_kw.update(kw.pop("fetch", {}))
    return WatchOptions(once=kw.pop("once", True), fetch=FetchOptions(**fetch_kw), **kw)


@pytest.fixture
def server():
    shared_path("corpus", "html")
    srv = FeedServer()
    yield srv
    srv.close()


def serve_pages(srv: FeedServer, stems: list[str], prefix: str = "/news/") -> list[dict]:
    """Serve the corpus pages ``stems``; RETURNS the feed items linking to them (a tracking parameter
    on each link, the page's first words as the feed's description)."""
    items = []
    for stem in stems:
        srv.routes[f"{prefix}{stem}.html"] = Route(page_bytes(stem))
        items.append({"title": stem.split("_", 1)[1].replace("-", " "), "link": srv.url(f"{prefix}{stem}.html?utm_source=rss"),
                      "description": summary(stem)})
    return items


def feeds_file(tmp_path, *urls) -> Path:
    path = tmp_path / "feeds.txt"
    path.write_text("# feeds\n" + "\n".join(urls) + "\n", encoding="utf-8")
    return path


def words(text: str) -> set:
    return set(text.lower().split())


# -- pieces without the model -----------------------------------------------------------------

def test_feed_lists_opml_and_text(tmp_path):
    opml = tmp_path / "subs.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><head><title>s</title></head><body>'
                    '<outline text="World"><outline type="rss" text="BBC" title="BBC World" '
                    'xmlUrl="https://feeds.example.org/world.rss"/></outline>'
                    '<outline type="rss" text="AP" xmlUrl="https://ap.example.org/feed"/></body></opml>', encoding="utf8")
    assert [(f.url, f.title) for f in read_feed_list(opml)] == [
        ("https://feeds.example.org/world.rss", "BBC"), ("https://ap.example.org/feed", "AP")]
    text = tmp_path / "feeds.txt"
    text.write_text("# mine\n\nhttps://a.example.org/rss  A feed\nhttps://a.example.org/rss\nhttp://b.example.org/atom\n")
    assert [(f.url, f.title) for f in read_feed_list(text)] == [("https://a.example.org/rss", "A feed"),
                                                               ("http://b.example.org/atom", None)]
    text.write_text("https://a.example.org/rss\nnot a url\n")
    with pytest.raises(InputError) as err:
        read_feed_list(text)
    assert err.value.code == "E070" and "line 2" in err.value.message
    with pytest.raises(InputError) as err:
        read_feed_list(tmp_path / "missing.txt")
    assert err.value.code == "E020"


def test_url_key_drops_tracking_parameters_and_amp_variants():
    key = url_key("https://example.com/world/story-1.html")
    for variant in ("https://Example.com/world/story-1.html?utm_source=rss&utm_medium=feed",
                    "http://example.com/world/story-1.html#comments", "https://example.com/world/story-1.html?amp",
                    "https://example.com/amp/world/story-1.html", "https://example.com/world/story-1.html/amp",
                    "https://amp.example.com/world/story-1.amp.html",
                    "https://example.com/world/story-1.html?outputType=amp&fbclid=x"):
        assert url_key(variant) == key, variant
    assert url_key("https://example.com/story.php?id=1") != url_key("https://example.com/story.php?id=2")


def test_parse_interval():
    assert [parse_interval(x) for x in ("90", "30s", "15m", "1h", "1d", "1h30m")] == [90, 30, 900, 3600, 86400, 5400]
    for bad in ("", "soon", "0m", "15x"):
        with pytest.raises(ValueError):
            parse_interval(bad)


def test_private_and_loopback_addresses_are_refused_unless_allowed(server):
    server.routes["/page.html"] = Route(page_bytes(page_names(1)[0]))
    assert refusal("127.0.0.1") and refusal("10.1.2.3") and refusal("192.168.0.1") and refusal("::1")
    assert refusal("169.254.169.254") and refusal("::ffff:127.0.0.1") and not refusal("93.184.215.14")
    with pytest.raises(PrivateAddressError):
        fetch(server.url("/page.html"))
    assert server.hits() == []  # refused before any request
    assert fetch(server.url("/page.html"), allow_private_hosts=True).status == 200
    # the URL reader of extract/ingest: the same protection, a problem record E071
    art = list(read_inputs([server.url("/page.html")]))[0]
    assert art.problem[0] == "E071" and "--allow-private-hosts" in art.problem[1]
    art = list(read_inputs([server.url("/page.html")], ReaderOptions(allow_private_hosts=True)))[0]
    assert art.problem is None and len(art.text.split()) > 100
    # a redirect to a private address is refused too (each hop is checked)
    server.routes["/redirect"] = Route(b"", status=302, headers={"Location": server.url("/page.html")})
    with pytest.raises(PrivateAddressError):
        fetch(server.url("/redirect"))


def test_a_name_that_turns_private_after_the_check_is_not_connected_to(server, monkeypatch):
    """DNS rebinding: the name answers a public address to its first lookup (the request hook's
    check) and 127.0.0.1 to every later one. The connection is made only to a checked address."""
    import socket

    real = socket.getaddrinfo
    lookups = []

    def rebinding(host, port, *args, **kw):
        if host != "rebind.test":
            return real(host, port, *args, **kw)
        lookups.append(port)
        address = "93.184.215.14" if len(lookups) == 1 else "127.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port or 0))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    server.routes["/page.html"] = Route(page_bytes(page_names(1)[0]))
    url = f"http://rebind.test:{server.port}/page.html"
    with pytest.raises(PrivateAddressError):  # extract / ingest
        fetch(url)
    assert len(lookups) == 2

    async def main():
        fetcher = Fetcher(FetchOptions(host_delay=0.0, retries=0, robots=False))
        try:
            with pytest.raises(PrivateAddressError):  # watch
                await fetcher.get(url)
        finally:
            await fetcher.aclose()

    lookups.clear()
    asyncio.run(main())
    assert len(lookups) == 2 and server.hits() == []


def test_slow_or_failing_host_does_not_hold_up_the_others():
    """No timing: the slow host answers only when the test opens its gate, after the others are done."""
    slow, fast = FeedServer(), FeedServer()
    gate, never = threading.Event(), threading.Event()
    try:
        for n in range(3):
            slow.routes[f"/s{n}"] = Route(b"slow", gate=gate)
            fast.routes[f"/f{n}"] = Route(b"fast")
        slow.routes["/stuck"] = Route(b"late", gate=never)
        done: dict = {}
        dead = "http://127.0.0.1:9/feed.rss"  # discard port: connection refused

        async def one(fetcher, url):
            try:
                await fetcher.get(url)
                done[url] = "ok"
            except FetchError as err:
                done[url] = err.reason

        async def main():
            fetcher = Fetcher(FetchOptions(allow_private_hosts=True, host_delay=0.05, concurrency=4, timeout=60.0,
                                           retries=1, backoff=0.05))
            slow_tasks = [asyncio.create_task(one(fetcher, slow.url(f"/s{n}"))) for n in range(3)]
            await asyncio.gather(one(fetcher, dead), *[one(fetcher, fast.url(f"/f{n}")) for n in range(3)])
            held = ([slow.url(f"/s{n}") in done for n in range(3)], len(slow.hits("/s")))
            gate.set()
            await asyncio.gather(*slow_tasks)
            await fetcher.aclose()
            # a host that never answers: the attempt times out and is retried once
            fetcher = Fetcher(FetchOptions(allow_private_hosts=True, host_delay=0.0, timeout=0.5, retries=1,
                                           backoff=0.05))
            await one(fetcher, slow.url("/stuck"))
            await fetcher.aclose()
            return held

        (slow_done, slow_hits) = asyncio.run(main())
        assert all(done[fast.url(f"/f{n}")] == "ok" for n in range(3))  # not behind the slow host
        assert done[dead] != "ok"
        assert slow_done == [False, False, False]  # the slow host still held its first request...
        assert slow_hits <= 1  # ...and the others waited their turn: one request at a time per host
        assert all(done[slow.url(f"/s{n}")] == "ok" for n in range(3))
        assert done[slow.url("/stuck")].startswith("timed out") and len(slow.hits("/stuck")) == 2
    finally:
        gate.set()
        never.set()
        slow.close()
        fast.close()


def test_retry_after_on_429_and_503_is_honoured_up_to_a_bound(server, tmp_path):
    from datetime import datetime, timezone
    from email.utils import format_datetime

    from newsevents.watch.fetch import retry_after

    now = 1_800_000_000.0
    assert retry_after("120") == 120 and retry_after(" 0 ") == 0
    assert retry_after(format_datetime(datetime.fromtimestamp(now + 30, timezone.utc), usegmt=True), now=now) == 30
    assert retry_after("Thu, 01 Jan 1970 00:00:00 GMT", now=now) == 0  # a date past: at once
    assert retry_after("soon") is None and retry_after("") is None and retry_after(None) is None

    server.routes["/busy"] = Route(b"busy", status=503, headers={"Retry-After": "30"})
    server.routes["/limited"] = Route(b"slow down", status=429, headers={"Retry-After": "7200"})
    server.routes["/plain"] = Route(b"oops", status=503)

    def get(path):
        """GET path with one retry; RETURNS (the FetchError, the waits asked for -- recorded, not slept)."""
        waits = []

        async def record(seconds):
            waits.append(seconds)

        async def main():
            fetcher = Fetcher(FetchOptions(allow_private_hosts=True, host_delay=0.0, retries=1, backoff=0.05),
                              sleep=record)
            try:
                with pytest.raises(FetchError) as err:
                    await fetcher.get(server.url(path))
                return err.value
            finally:
                await fetcher.aclose()

        return asyncio.run(main()), [w for w in waits if w > 0]

    err, waits = get("/busy")  # the retry waits for the Retry-After, not for our backoff
    assert len(server.hits("/busy")) == 2 and (err.status, err.retry_after) == (503, 30)
    assert len(waits) == 1 and 1 < waits[0] <= 30  # (less the moments between setting and waiting)
    err, waits = get("/limited")  # longer than max_retry_after (120 s): no retry, the error says why
    assert len(server.hits("/limited")) == 1 and waits == []
    assert (err.status, err.retry_after) == (429, 7200) and "Retry-After 7200 s" in err.reason
    err, waits = get("/plain")  # no Retry-After: our own backoff
    assert len(server.hits("/plain")) == 2 and err.retry_after is None and waits == [0.05]

    # a feed that asked for two hours is not tried again before, though --every is 10 minutes
    feeds = feeds_file(tmp_path, server.url("/limited"))
    with open_store(str(tmp_path / "w.db")) as store:
        stats = run_pass(feeds, store, None, opts(every=600))
        [feed] = store.feed_rows()
    assert stats["feeds_failed"] == 1 and "Retry-After 7200 s" in feed["last_error"]
    assert feed["next_fetch"] >= time.time() + 7000


def test_feed_state_is_written_once_by_two_writers(store_url, tmp_path):  # noqa: F811
    """Two processes storing the same item: the first transaction wins, the second stores nothing."""
    a, b = open_store(store_url), open_store(store_url)
    try:
        now = time.time()
        a.add_feeds([("http://x.test/feed", None)], now)
        art = ArticleAnalysis(id="http://x.test/a", url="http://x.test/a", title="A", published="2019-11-20",
                              text="Talks resumed in Geneva on Monday.", language="en", model="test")
        item = {"key": "//x.test/a", "feed_url": "http://x.test/feed", "guid": "g1", "url": "http://x.test/a",
                "status": "page", "reason": None}
        first = a.store_feed_items([item], [art], now)
        second = b.store_feed_items([item], [art.model_copy(update={"text": "Another text of it."})], now)
        assert (first["stored"], first["taken"], second["stored"], second["taken"]) == (1, 0, 0, 1)
        assert a.counts()["articles"] == 1 and [r["items"] for r in a.feed_rows()] == [1]
        assert a.known_items("http://x.test/feed", ["//x.test/a", "//x.test/b"], ["g1", "g2"]) == {"//x.test/a", "g1"}
        # leases: one holder at a time, taken over when expired
        assert a.claim_feed("http://x.test/feed", "me", now, now + 60)
        assert not b.claim_feed("http://x.test/feed", "other", now, now + 60)
        assert b.claim_feed("http://x.test/feed", "other", now + 61, now + 120)
    finally:
        a.close()
        b.close()


def test_an_older_database_gains_the_feed_tables_and_keeps_its_data(tmp_path):
    import sqlite3

    db = tmp_path / "old.db"
    with open_store(str(db)) as store:
        store.add_batch([ArticleAnalysis(id="a1", text="Talks resumed in Geneva.", language="en", model="t")])
    conn = sqlite3.connect(db)  # as a newsevents from before `watch` left it
    for table in ("feeds", "feed_items", "feed_errors"):
        conn.execute(f"DROP TABLE {table}")
    conn.commit()
    conn.close()
    with open_store(str(db), readonly=True) as store:
        assert store.feed_rows() == []  # `newsevents feeds` on an old database: nothing yet, no error
    with open_store(str(db)) as store:  # the first writable open adds the tables
        assert store.article_ids() == ["a1"] and store.feed_rows() == []
        store.add_feeds([("http://x.test/feed", "X")], time.time())
        assert [r["title"] for r in store.feed_rows()] == ["X"]


def test_lxml_work_runs_in_one_thread_and_the_pipeline_in_another(server, tmp_path, monkeypatch):
    """Feeds and pages (lxml, trafilatura) are read in one thread, one at a time; the pipeline runs
    in its own thread. Two trafilatura extractions at once crashed the watch process now and then
    (SIGSEGV / "double free or corruption" in libxml2): this pins the confinement that prevents it."""
    from newsevents.sources import feeds as feeds_module
    from newsevents.watch import run as run_module

    seen: dict = {"read": set(), "analyse": set()}
    busy = {"now": 0, "most": 0}
    lock = threading.Lock()

    def tracked(fn):
        def wrapper(*args, **kw):
            with lock:
                busy["now"] += 1
                busy["most"] = max(busy["most"], busy["now"])
                seen["read"].add(threading.current_thread().name)
            try:
                return fn(*args, **kw)
            finally:
                with lock:
                    busy["now"] -= 1
        return wrapper

    class Pipeline:  # records where it runs; stores the text as read
        def pipe(self, articles):
            seen["analyse"].add(threading.current_thread().name)
            for art in articles:
                yield ArticleAnalysis(id=art.id, url=art.url, title=art.title, text=art.text, language="en", model="t")

    monkeypatch.setattr(run_module, "_read_page", tracked(run_module._read_page))
    monkeypatch.setattr(feeds_module, "read_feed", tracked(feeds_module.read_feed))
    stems = page_names(8)
    for n in range(2):
        server.routes[f"/f{n}.rss"] = feed_route(serve_pages(server, stems[4 * n:4 * n + 4], prefix=f"/n{n}/"))
    feeds = feeds_file(tmp_path, server.url("/f0.rss"), server.url("/f1.rss"))
    with open_store(str(tmp_path / "w.db")) as store:
        stats = run_pass(feeds, store, Pipeline(), opts(batch_size=2, fetch={"concurrency": 8}))
    assert (stats["new"], stats["pages"], stats["stored"]) == (8, 8, 8)
    assert busy["most"] == 1  # never two readers at once
    assert len(seen["read"]) == 1 and next(iter(seen["read"])).startswith("newsevents-read")
    assert len(seen["analyse"]) == 1 and next(iter(seen["analyse"])).startswith("newsevents-analyse")
    assert threading.current_thread().name not in seen["read"] | seen["analyse"]


# -- passes with the model ----------------------------------------------------------------------

def test_new_items_are_stored_with_full_text_then_304_and_known_items_fetch_nothing(
        store_url, server, tmp_path, pipeline):  # noqa: F811
    stems = page_names(3)
    items = serve_pages(server, stems[:2])
    server.routes["/feed.rss"] = feed_route(items, title="Corpus news")
    feeds = feeds_file(tmp_path, server.url("/feed.rss"))
    with open_store(store_url) as store:
        stats = run_pass(feeds, store, pipeline, opts())
        assert (stats["new"], stats["pages"], stats["feed_text"], stats["stored"]) == (2, 2, 0, 2)
        stored = {a.url: a for a in store.analyses()}
        for item, stem in zip(items, stems):
            art = stored[item["link"]]  # the item's link, title and date are kept
            assert art.title == item["title"] and art.published == "2019-11-20"
            assert art.id == item["link"].split("?")[0]
            assert len(words(art.text) & words(expected_text(stem))) > 0.8 * len(words(expected_text(stem)))
            assert len(art.text) > 3 * len(summary(stem))  # the page, not the feed's summary
        [feed] = store.feed_rows()
        assert (feed["last_status"], feed["items"], feed["feed_text"], feed["errors"]) == ("200", 2, 0, 0)
        assert [r["status"] for r in store.feed_items()] == ["page", "page"]

        # unchanged feed: a 304, no page fetched, nothing new
        before = len(server.requests)
        stats = run_pass(feeds, store, pipeline, opts())
        assert (stats["not_modified"], stats["new"], stats["stored"], stats["requests"]) == (1, 0, 0, 1)
        assert server.requests[before][1].get("If-None-Match") == server.routes["/feed.rss"].etag

        # the feed changes: one new item; the known ones reappear under other URLs (tracking, amp)
        new_items = serve_pages(server, stems[2:3])
        again = [dict(items[0], link=items[0]["link"].replace("utm_source=rss", "utm_campaign=x&amp")),
                 dict(items[1], guid="other-guid", link=items[1]["link"].split("?")[0] + "?outputType=amp")]
        server.routes["/feed.rss"] = feed_route(new_items + again)
        before = len(server.requests)
        stats = run_pass(feeds, store, pipeline, opts())
        assert (stats["new"], stats["pages"], stats["stored"]) == (1, 1, 1)
        assert [p for p, _ in server.requests[before:] if p != "/robots.txt"] == [
            "/feed.rss", "/news/" + stems[2] + ".html?utm_source=rss"]
        assert store.counts()["articles"] == 3 and len(store.feed_items()) == 3


def test_robots_disallow_and_a_failing_page_fall_back_to_the_feed_text(server, tmp_path, pipeline):
    stems = page_names(5)[3:5]
    ok = serve_pages(server, stems[:1], prefix="/private/")
    failing = serve_pages(server, stems[1:], prefix="/news/")
    server.routes[f"/news/{stems[1]}.html"] = Route(b"oops", status=500)
    server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.routes["/feed.rss"] = feed_route(ok + failing)
    with open_store(str(tmp_path / "w.db")) as store:
        stats = run_pass(feeds_file(tmp_path, server.url("/feed.rss")), store, pipeline, opts())
        assert (stats["new"], stats["feed_text"], stats["stored"]) == (2, 2, 2)
        assert server.hits("/private/") == []  # robots.txt respected
        assert len(server.hits("/news/")) == 2  # the failing page: tried, retried once
        rows = {r["url"]: r for r in store.feed_items()}
        assert rows[ok[0]["link"]]["status"] == "feed-text"
        assert rows[ok[0]["link"]]["reason"] == "robots.txt disallows the page"
        assert rows[failing[0]["link"]]["reason"] == "the page could not be fetched (HTTP status 500)"
        texts = {a.url: a.text for a in store.analyses()}
        assert texts[failing[0]["link"]] == failing[0]["description"]  # the feed's own text
        errors = store.feed_error_rows()
        assert sorted(e["code"] for e in errors) == ["E036", "robots"]
        [feed] = store.feed_rows()
        assert (feed["items"], feed["feed_text"], feed["errors"]) == (2, 2, 2)


def test_a_failing_feed_is_backed_off_and_others_go_on(server, tmp_path, pipeline):
    server.routes["/broken.rss"] = Route(b"unavailable", status=503)
    server.routes["/empty.rss"] = feed_route([])
    feeds = feeds_file(tmp_path, server.url("/broken.rss"), server.url("/empty.rss"))
    with open_store(str(tmp_path / "w.db")) as store:
        stats = run_pass(feeds, store, pipeline, opts(every=600))
        assert (stats["feeds_failed"], stats["feeds_fetched"]) == (1, 1)
        rows = {r["url"]: r for r in store.feed_rows()}
        broken = rows[server.url("/broken.rss")]
        assert broken["failures"] == 1 and broken["last_error"].startswith("[E072] Can't fetch feed")
        assert broken["next_fetch"] >= time.time() + 590  # backed off: not before `every`
        hits = len(server.hits("/broken.rss"))
        stats = run_pass(feeds, store, pipeline, opts(every=600))  # --once too waits for the back-off
        assert len(server.hits("/broken.rss")) == hits and stats["due"] == 1


def test_a_feed_added_to_the_file_is_read_on_the_next_pass_and_sigterm_ends_cleanly(server, tmp_path, pipeline):
    server.routes["/a.rss"] = feed_route([])
    server.routes["/b.rss"] = feed_route(serve_pages(server, page_names(6)[5:6]))
    feeds = feeds_file(tmp_path, server.url("/a.rss"))
    passes = []
    before = signal.getsignal(signal.SIGTERM)

    def report(n, stats):
        passes.append(stats)
        if n == 1:
            feeds.write_text(f"{server.url('/a.rss')}\n{server.url('/b.rss')}\n")
        if n == 2:
            os.kill(os.getpid(), signal.SIGTERM)  # the handler sets stop; the loop ends, no exception

    with open_store(str(tmp_path / "w.db")) as store:
        totals = watch(feeds, store, pipeline, opts(once=False, every=1), report=report)
        assert totals["passes"] == 2 and totals["stored"] == 1
        assert [len(server.hits(p)) for p in ("/a.rss", "/b.rss")] == [2, 1]
    assert signal.getsignal(signal.SIGTERM) is before  # handlers restored


def test_restart_after_sigkill_stores_each_article_exactly_once(store_url, server, tmp_path, pipeline):  # noqa: F811
    stems = page_names(10)[6:10]
    items = serve_pages(server, stems)
    for stem in stems[2:]:  # slow pages: the process is killed while they are in flight
        server.routes[f"/news/{stem}.html"].delay = 10.0
    server.routes["/feed.rss"] = feed_route(items)
    feeds = feeds_file(tmp_path, server.url("/feed.rss"))
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONFAULTHANDLER="1")  # a native crash shows every thread's stack
    errlog = tmp_path / "watch.stderr"
    with errlog.open("wb") as err_out:
        proc = subprocess.Popen([sys.executable, "-m", "newsevents.cli", "watch", str(feeds), "--db", store_url,
                                 "--once", "--allow-private-hosts", "--host-delay", "0", "--batch-size", "1", "-q"],
                                env=env, stdout=subprocess.DEVNULL, stderr=err_out)
    try:
        deadline = time.time() + 120
        while time.time() < deadline:  # wait for the first article to be committed
            try:
                with open_store(store_url, readonly=True) as store:
                    if store.counts()["articles"] >= 1:
                        break
            except Exception:  # the database is being created
                pass
            if proc.poll() is not None:
                pytest.fail(f"the watch process ended ({proc.returncode}) before it was killed: "
                            f"{errlog.read_text(errors='replace')[-8000:]}")
            time.sleep(0.2)
        else:
            pytest.fail("the watch process stored nothing in 120 s")
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    with open_store(store_url) as store:
        first = store.counts()["articles"]
        assert 1 <= first < len(stems)
        assert store.feed_rows()[0]["last_status"] is None  # validators not saved: the feed is read again
        for stem in stems:
            server.routes[f"/news/{stem}.html"].delay = 0.0
        stats = run_pass(feeds, store, pipeline, opts())  # the dead process's lease is taken over at once
        assert stats["new"] == len(stems) - first and stats["stored"] == len(stems) - first
        assert store.counts()["articles"] == len(stems)
        assert sorted(a.url for a in store.analyses()) == sorted(i["link"] for i in items)
        assert len(store.feed_items()) == len(stems)


# -- the command line -----------------------------------------------------------------------------

def test_cli_watch_once_and_feeds(server, tmp_path, pipeline, monkeypatch):
    from click.testing import CliRunner

    from newsevents import cli

    monkeypatch.setattr(cli, "make_pipeline", lambda options: pipeline)
    server.routes["/feed.rss"] = feed_route(serve_pages(server, page_names(1)))
    feeds = feeds_file(tmp_path, server.url("/feed.rss"))
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    res = runner.invoke(cli.main, ["watch", str(feeds), "--db", db, "--once", "--host-delay", "0"])
    assert res.exit_code == 1  # refused: the feed is on a loopback address
    assert "[E071] Refused" in res.output and "--allow-private-hosts" in res.output  # no back-off for that
    res = runner.invoke(cli.main, ["watch", str(feeds), "--db", db, "--once", "--allow-private-hosts"])
    assert res.exit_code == 0, res.output
    assert "newsevents: pass 1:" in res.output and "1 new item, 1 page fetched" in res.output
    res = runner.invoke(cli.main, ["feeds", "--db", db, "--format", "json"])
    assert res.exit_code == 0
    import json

    [row] = json.loads(res.output)
    assert (row["url"], row["last_status"], row["items"], row["failures"]) == (server.url("/feed.rss"), "200", 1, 0)
    res = runner.invoke(cli.main, ["watch", str(tmp_path / "nope.txt"), "--db", db, "--once"])
    assert res.exit_code == 2 and "[E020]" in res.output
    res = runner.invoke(cli.main, ["watch", str(feeds), "--db", db, "--every", "soon"])
    assert res.exit_code == 2 and "--every" in res.output


def test_an_unreadable_robots_txt_is_named_as_the_reason(server, tmp_path, pipeline):
    """RFC 9309: a robots.txt that can't be read (a server error, no connection) disallows every page;
    the stored reason says so, not that robots.txt disallows the page."""
    stems = page_names(5)[2:3]
    items = serve_pages(server, stems, prefix="/news/")
    server.routes["/robots.txt"] = Route(b"down", status=503)
    server.routes["/feed.rss"] = feed_route(items)
    with open_store(str(tmp_path / "w.db")) as store:
        stats = run_pass(feeds_file(tmp_path, server.url("/feed.rss")), store, pipeline, opts())
        assert stats["feed_text"] == 1 and server.hits("/news/") == []
        [row] = store.feed_items()
        assert row["reason"].startswith("robots.txt could not be read: ") and "/robots.txt" in row["reason"]
        assert "503" in row["reason"] and "RFC 9309" in row["reason"]
