"""Answer times of `newsevents serve`: every API endpoint, and every page until its data is drawn.

    python benchmarks/serve.py --db /tmp/wn.db        # e.g. the 291 Wikinews articles

The API is timed in-process over HTTP (uvicorn on a free loopback port, httpx client): the
median of 5 requests each. Pages are timed in Debian's headless chromium (Selenium, driver
path given: nothing downloaded) from navigation until the page marks itself ready (its data
fetched and drawn); skipped when chromium is absent.
"""
from __future__ import annotations

import argparse
import socket
import statistics
import threading
import time
from pathlib import Path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    import httpx
    import uvicorn

    from newsevents.store import open_readonly
    from newsevents.web import create_app

    with open_readonly(args.db) as s:
        print(f"database {args.db}: {s.overview()}")
        article = s.article_ids()[0]
        actor = s.actor_page(limit=1)["items"][0]["code"]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    api = ["/api", "/api/events?limit=100", f"/api/events?actor={actor}&limit=100", "/api/events?text=police&limit=100",
           "/api/events?format=csv", "/api/events?format=geojson", "/api/quotes?limit=100", "/api/actors?limit=100",
           "/api/places?limit=500", "/api/dyads?by=day", "/api/dyads?by=week", "/api/dyads?by=month",
           "/api/network?limit=150", "/api/network?format=gexf", "/api/search?text=election",
           f"/api/articles/{article}"]
    print("| request | median ms | bytes |\n|---|---:|---:|")
    with httpx.Client(base_url=base, timeout=60) as client:
        for path in api:
            times = []
            for _ in range(args.runs):
                t = time.perf_counter()
                r = client.get(path)
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, (path, r.status_code, r.text[:200])
            print(f"| `{path}` | {statistics.median(times):.0f} | {len(r.content):,} |")
    pages(base, article, args.runs)
    server.should_exit = True


def pages(base: str, article: str, runs: int):
    if not (Path("/usr/bin/chromium").exists() and Path("/usr/bin/chromedriver").exists()):
        print("pages: chromium not installed, not timed")
        return
    import tempfile

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,950", f"--user-data-dir={tempfile.mkdtemp()}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    print("\n| page | median ms until drawn |\n|---|---:|")
    try:
        for page in ("/map", "/timeline?by=month", "/timeline?by=day", "/network", "/events", "/quotes",
                     f"/article/{article}"):
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                driver.get(base + page)
                while driver.execute_script("return document.body.dataset.ready") is None:
                    time.sleep(0.01)
                times.append((time.perf_counter() - t) * 1000)
                assert driver.execute_script("return document.body.dataset.ready") == "1", page
            print(f"| `{page}` | {statistics.median(times):.0f} |")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
