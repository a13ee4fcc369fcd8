"""Load on `newsevents serve` over a 100,000-event database while `ingest` writes into it.

    python benchmarks/load.py                                 # build, then 2 x 30 s of wrk
    python benchmarks/load.py --events 100000 --seconds 30 --connections 16

1. Builds a database of ``--events`` events (default 100,000) *synthetically*: parsing that many
   events' worth of articles (about 10,000) would take hours here, so the articles are generated
   (10 events each: a country's government meets / criticises / attacks another's, at a known
   place, with a quote) and written through the store's own insert API, ``Store.add_batch``, in
   batches of 200 articles: the same rows, indexes, full-text index and dedup clusters an ingest
   writes.
2. Starts ``newsevents serve`` on a loopback port (one uvicorn process).
3. Runs wrk (Debian's ``wrk``; ``apt-get install wrk``) from another process with a Lua script
   that cycles through the API's list, filter, search, series and network requests: once with
   the server alone, once while ``newsevents ingest`` writes the Wikinews corpus
   (../shared/corpus/wikinews/wikinews.jsonl) into the same database.
4. Prints requests/s, p50/p99 latency, and non-2xx answers and socket errors (must be 0).
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "wikinews.jsonl"
COUNTRIES = {"USA": "United States", "CHN": "China", "RUS": "Russia", "PRK": "North Korea", "KOR": "South Korea",
             "IRN": "Iran", "ISR": "Israel", "SYR": "Syria", "TUR": "Turkey", "GBR": "United Kingdom",
             "FRA": "France", "DEU": "Germany", "IND": "India", "PAK": "Pakistan", "UKR": "Ukraine",
             "JPN": "Japan", "SAU": "Saudi Arabia", "EGY": "Egypt", "NGA": "Nigeria", "BRA": "Brazil"}
PLACES = [("Geneva", 46.2, 6.15, "CHE"), ("Kabul", 34.53, 69.17, "AFG"), ("Hong Kong", 22.28, 114.16, "HKG"),
          ("Goma", -1.68, 29.23, "COD"), ("Panmunjom", 37.96, 126.68, "KOR"), ("Aleppo", 36.2, 37.16, "SYR")]
VERBS = [("met", "CONSULT", "01", 1.0, 1), ("criticised", "DISAPPROVE", "11", -2.0, 3),
         ("attacked", "ASSAULT", "18", -9.0, 4), ("praised", "SUPPORT", "05", 3.4, 1),
         ("sanctioned", "COERCE", "17", -7.0, 4)]
PATHS = ["/api", "/api/events?limit=100", "/api/events?actor=USA&limit=100", "/api/events?event_type=ASSAULT&limit=50",
         "/api/events?since=2019-01-01&until=2019-03-31&limit=100", "/api/events?text=talks&limit=50",
         "/api/quotes?limit=50", "/api/actors?limit=50", "/api/places?limit=200", "/api/dyads?actor=USA&by=month",
         "/api/network?limit=100", "/api/search?text=government%20talks"]


def synthetic_article(i: int, rng: random.Random, per_article: int = 10):
    from newsevents.records import Actor, ActorRef, ArticleAnalysis, Event, Evidence, Place, Quote, Speaker

    text, actors, events, places, quotes = "", [], [], [], []
    day = f"{2015 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    for n in range(per_article):
        a, b = rng.sample(sorted(COUNTRIES), 2)
        verb, etype, cameo, goldstein, quad = rng.choice(VERBS)
        pname, lat, lon, pcountry = rng.choice(PLACES)
        start = len(text)
        sentence = f"The government of {COUNTRIES[a]} {verb} {COUNTRIES[b]} in {pname} for talks."
        text += sentence + " "
        refs = {}
        for role, code in (("a", a), ("b", b)):
            pos = start + sentence.index(COUNTRIES[code])
            aid = f"A{len(actors) + 1}"
            actors.append(Actor(id=aid, text=COUNTRIES[code], canonical=COUNTRIES[code], code=code, sector="GOV",
                                kind="country", entity=aid, resolved_by="country-name",
                                evidence=Evidence(sentence=n, start=pos, end=pos + len(COUNTRIES[code]),
                                                  text=COUNTRIES[code])))
            refs[role] = ActorRef(mention=aid, canonical=COUNTRIES[code], code=code, sector="GOV")
        ppos = start + sentence.index(pname)
        pid = f"P{len(places) + 1}"
        places.append(Place(id=pid, text=pname, name=pname, lat=lat, lon=lon, country=pcountry, feature="city",
                            geonameid=100000 + PLACES.index((pname, lat, lon, pcountry)), resolved_by="gazetteer",
                            evidence=Evidence(sentence=n, start=ppos, end=ppos + len(pname), text=pname)))
        vpos = start + sentence.index(" " + verb + " ") + 1
        events.append(Event(id=f"V{n + 1}", event_type=etype, actors=[refs["a"]], recipients=[refs["b"]], date=day,
                            date_source="publication", place=pid, cameo=cameo, goldstein=goldstein, quad_class=quad,
                            pattern="synthetic", trigger=Evidence(sentence=n, start=vpos, end=vpos + len(verb), text=verb),
                            evidence=Evidence(sentence=n, start=start, end=start + len(sentence), text=sentence)))
    content = f"The talks were useful, article {i} says"
    start = len(text)
    sentence = f"“{content},” the minister said."
    text += sentence
    quotes.append(Quote(id="Q1", kind="direct", cue=Evidence(sentence=per_article, start=start + len(sentence) - 5,
                                                            end=start + len(sentence) - 1, text="said"),
                        source=Evidence(sentence=per_article, start=start + len(content) + 4,
                                        end=start + len(content) + 16, text="the minister"),
                        content=Evidence(sentence=per_article, start=start + 1, end=start + 1 + len(content),
                                         text=content),
                        speaker=Speaker(canonical="the minister", code=None, sector="GOV")))
    return ArticleAnalysis(id=f"synthetic-{i:06d}", title=f"Synthetic report {i}", url=f"https://example.org/{i}",
                           published=day, text=text, language="en", actors=actors, events=events, quotes=quotes,
                           places=places, model="synthetic")


def build(db: str, events: int) -> float:
    from newsevents.store import open_store

    rng = random.Random(0)
    start = time.perf_counter()
    n_articles = events // 10
    with open_store(db) as store:
        for first in range(0, n_articles, 200):
            store.add_batch([synthetic_article(i, rng) for i in range(first, min(n_articles, first + 200))])
        counts = store.counts()
    print(f"built {db}: {counts['articles']:,} articles, {counts['events']:,} events, "
          f"{counts['event_clusters']:,} clusters in {time.perf_counter() - start:.0f} s", flush=True)
    return time.perf_counter() - start


def wrk(base: str, seconds: int, connections: int, threads: int) -> dict:
    script = Path(tempfile.mkdtemp()) / "paths.lua"
    script.write_text("paths = {" + ", ".join(f'"{p}"' for p in PATHS) + "}\ni = 0\n"
                      "request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n")
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s",
                          "--latency", "-s", str(script), base], capture_output=True, text=True, check=True).stdout

    def find(pattern, cast=str, default=None):
        m = re.search(pattern, out)
        return cast(m.group(1)) if m else default

    def ms(value: str) -> float:
        num, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
        return float(num) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return {"rps": find(r"Requests/sec:\s+([\d.]+)", float), "requests": find(r"(\d+) requests in", int),
            "p50": ms(find(r"50%\s+(\S+)")), "p99": ms(find(r"99%\s+(\S+)")),
            "non2xx": find(r"Non-2xx or 3xx responses: (\d+)", int, 0),
            "socket_errors": find(r"Socket errors: (.*)", str, "none"), "raw": out}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--workdir", default="/tmp/newsevents-load")
    ap.add_argument("--db", default=None, help="an existing database to use instead of building one")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk not found: apt-get install wrk")
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    db = args.db or str(work / "load.db")
    if not args.db:
        for f in work.glob("load.db*"):
            f.unlink()
        build(db, args.events)
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cli = [sys.executable, "-c", "from newsevents.cli import main; main()"]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(cli + ["serve", "--db", db, "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=open(work / "serve.log", "w"))
    ingest = None
    try:
        for _ in range(600):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        results = {"server alone": wrk(base, args.seconds, args.connections, args.threads)}
        # batches of 4: a commit every few seconds, the harder case for the readers
        ingest = subprocess.Popen(cli + ["ingest", str(CORPUS), "--db", db, "-q", "--batch-size", "4"], env=env,
                                  stderr=open(work / "ingest.log", "w"))
        before = _articles(db)
        for _ in range(3000):  # the model loads; wait for its first batch, then it writes every few seconds
            if _articles(db) > before or ingest.poll() is not None:
                break
            time.sleep(0.2)
        before = _articles(db)
        results["while ingest writes"] = wrk(base, args.seconds, args.connections, args.threads)
        written = _articles(db) - before
        assert ingest.poll() is None, "ingest ended before the load run did: use a longer corpus or shorter run"
    finally:
        for proc in (ingest, server):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait()
    print(f"\n{args.connections} connections, {args.threads} wrk threads, {args.seconds} s each, "
          f"{len(PATHS)} API requests in turn; ingest stored {written} articles during the second run\n")
    print("| run | requests | requests/s | p50 ms | p99 ms | non-2xx | socket errors |\n|---|---:|---:|---:|---:|---:|---|")
    for name, r in results.items():
        print(f"| {name} | {r['requests']:,} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p99']:.0f} | {r['non2xx']} | "
              f"{r['socket_errors']} |")
    return 0 if all(r["non2xx"] == 0 and r["socket_errors"] == "none" for r in results.values()) else 1


def _articles(db: str) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


if __name__ == "__main__":
    sys.exit(main())
