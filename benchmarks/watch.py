"""`newsevents watch` throughput against `ingest` of the same pages from disk.

    python benchmarks/watch.py [--feeds 100] [--items 20] [--hosts 4] [--corpus PATH]

Builds ``feeds x items`` distinct news pages from the Wikinews corpus (../shared; each
article rendered as a web page with navigation and footer around it; the corpus is cycled
with a "Copy k." line so that every text is new), serves them with one RSS feed per
``items`` pages from ``hosts`` local servers on 127.0.0.1 (tests/feedserver.py), then:

1. ``ingest`` of the same pages saved as .html files (the reference: same HTML path, same
   pipeline, no network), articles/s;
2. the first ``watch`` pass (``run_pass``, --once): feeds and pages fetched, extracted,
   analysed and stored, articles/s and the ratio to ingest (1.0 = fetching costs nothing);
3. a second pass with nothing new: time and HTTP requests (each feed answers 304).

The model is loaded once, outside every timing; host delay 0 (local servers), concurrency 8.
Absolute figures drift on a shared machine: compare the ratio.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "wikinews.jsonl"


def render(record: dict, copy: int) -> bytes:
    """A news web page for one corpus record: navigation, the article, related links, footer."""
    paragraphs = [p for p in record["text"].split("\n\n") if p.strip()]
    if copy:
        paragraphs.append(f"Copy {copy}.")
    nav = "".join(f'<li><a href="/section/{s}">{s.title()}</a></li>' for s in ("world", "politics", "business", "sport"))
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(record['title'])} - Newswire</title>"
            f"<meta property='article:published_time' content='{record['published']}'></head><body>"
            f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{escape(record['title'])}</h1>"
            f"<p class='byline'>Newswire staff</p>{body}</article>"
            "<aside><h2>Related</h2><ul><li><a href='/a'>Markets close higher</a></li>"
            "<li><a href='/b'>Weather: storms ahead</a></li></ul></aside></main>"
            "<footer><p>© Newswire. All rights reserved.</p><a href='/privacy'>Privacy</a></footer>"
            "</body></html>").encode("utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--feeds", type=int, default=100)
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--hosts", type=int, default=4, help="local servers (one politeness queue each)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()

    from feedserver import FeedServer, Route, feed_route

    from newsevents.ingest import ingest
    from newsevents.pipeline import Pipeline
    from newsevents.sources import ReaderOptions, read_inputs
    from newsevents.store import open_store
    from newsevents.watch import FetchOptions, WatchOptions, run_pass

    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    n = args.feeds * args.items
    servers = [FeedServer() for _ in range(args.hosts)]
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pages = tmp / "pages"
        pages.mkdir()
        feed_urls = []
        for f in range(args.feeds):
            srv = servers[f % len(servers)]
            items = []
            for i in range(args.items):
                k = f * args.items + i
                rec = records[k % len(records)]
                html = render(rec, k // len(records))
                (pages / f"p{k:05d}.html").write_bytes(html)
                srv.routes[f"/news/p{k:05d}.html"] = Route(html)
                items.append({"title": rec["title"], "link": srv.url(f"/news/p{k:05d}.html"),
                              "description": " ".join(rec["text"].split()[:30])})
            srv.routes[f"/feed{f}.rss"] = feed_route(items)
            feed_urls.append(srv.url(f"/feed{f}.rss"))
        feeds = tmp / "feeds.txt"
        feeds.write_text("\n".join(feed_urls) + "\n", encoding="utf-8")

        with open_store(str(tmp / "ingest.db")) as store:
            start = time.perf_counter()
            stats = ingest(read_inputs([str(pages)], ReaderOptions()), store, pipeline=pipeline)
            ingest_s = time.perf_counter() - start
            ingest_n = stats["stored"]
        options = WatchOptions(once=True, fetch=FetchOptions(allow_private_hosts=True, host_delay=0.0, concurrency=8))
        with open_store(str(tmp / "watch.db")) as store:
            first = run_pass(feeds, store, pipeline, options)
            second = run_pass(feeds, store, pipeline, options)
    for srv in servers:
        srv.close()
    ingest_rate = ingest_n / ingest_s
    watch_rate = first["stored"] / first["seconds"]
    result = {
        "feeds": args.feeds, "items": args.items, "pages": n, "hosts": args.hosts,
        "ingest_stored": ingest_n, "ingest_seconds": round(ingest_s, 1), "ingest_articles_per_s": round(ingest_rate, 2),
        "watch_stored": first["stored"], "watch_pages_fetched": first["pages"], "watch_feed_text": first["feed_text"],
        "watch_seconds": round(first["seconds"], 1), "watch_articles_per_s": round(watch_rate, 2),
        "watch_requests": first["requests"], "ratio_watch_to_ingest": round(watch_rate / ingest_rate, 2),
        "second_pass_seconds": round(second["seconds"], 2), "second_pass_requests": second["requests"],
        "second_pass_not_modified": second["not_modified"], "second_pass_stored": second["stored"],
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
