"""Kill `newsevents ingest` with SIGKILL at random points, resume each time, compare with a clean run.

    python benchmarks/faults.py                          # 3,000 articles, 20 kills (about an hour here)
    python benchmarks/faults.py --articles 600 --kills 20 --seed 1

The Wikinews corpus (../shared/corpus/wikinews/wikinews.jsonl, 291 articles) is repeated up to
``--articles``; copy k of an article gets the id ``<id>~k`` and one more closing line, "(Copy k.)",
so that it is a distinct article (the same text under another id would be skipped by its content
hash, and the run would test nothing). One process ingests it all once into clean.db. Another
series ingests into killed.db and is killed with SIGKILL when the database holds a randomly
drawn number of articles (20 sorted draws; at least one more than at its start), plus a random 0-2 s so that the kill lands anywhere:
while parsing, inside a write transaction, during the commit. After each kill the same command is
started again; after the last, it runs to the end. Then every row of every table (and the
full-text index) of both databases is compared: the same rows, no duplicates, nothing lost.
Exit code 0 when they are equal.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "wikinews.jsonl"
TABLES = ("articles", "actors", "events", "event_actors", "event_clusters", "quotes", "places", "dates", "errors")


def build_input(path: Path, n: int) -> int:
    base = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            record = dict(base[i % len(base)])
            copy = i // len(base)
            if copy:
                record["id"] = f"{record['id']}~{copy}"
                record["text"] = record["text"].rstrip() + f"\n\n(Copy {copy}.)"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return n


def ingest_cmd(src: Path, db: Path) -> list:
    return [sys.executable, "-c", "from newsevents.cli import main; main()", "ingest", str(src), "--db", str(db), "-q"]


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def dump(db: Path) -> dict:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out = {}
    for table in TABLES:
        cur = conn.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cur.description]
        keep = [i for i, name in enumerate(names) if name not in ("created_at", "ingested_at")]
        out[table] = sorted(tuple(row[i] for i in keep) for row in cur)
    out["articles_fts"] = sorted(conn.execute("SELECT rowid, title FROM articles_fts").fetchall())
    out["fts_ids"] = sorted(r[0] for r in conn.execute(
        "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"))
    conn.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workdir", default="/tmp/newsevents-faults")
    args = ap.parse_args()
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    for f in work.glob("*.db*"):
        f.unlink()
    src = work / "input.jsonl"
    n = build_input(src, args.articles)
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    clean_db, killed_db = work / "clean.db", work / "killed.db"
    start = time.perf_counter()
    clean = subprocess.Popen(ingest_cmd(src, clean_db), env=env)  # runs beside the killed series
    rng = random.Random(args.seed)
    targets = sorted(rng.sample(range(1, n), args.kills))
    kills = []
    for target in targets:
        target = max(target, stored(killed_db) + 1)  # each run gets past its start: draws may share a batch
        proc = subprocess.Popen(ingest_cmd(src, killed_db), env=env)
        while proc.poll() is None and stored(killed_db) < target:
            time.sleep(0.2)
        if proc.poll() is not None:
            print(f"run ended before {target} articles were stored", flush=True)
            continue
        time.sleep(rng.uniform(0, 2))
        at = stored(killed_db)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills.append(at)
        print(f"kill {len(kills):2d}: SIGKILL with {at} articles stored (target {target}), "
              f"{time.perf_counter() - start:.0f} s", flush=True)
    final = subprocess.run(ingest_cmd(src, killed_db), env=env)
    clean_rc = clean.wait()
    seconds = time.perf_counter() - start
    a, b = dump(clean_db), dump(killed_db)
    ids = [row[0] for row in b["articles"]]
    same = a == b
    print(f"\n{n} articles, {len(kills)} kills, {seconds:.0f} s; clean run exit {clean_rc}, final resume exit "
          f"{final.returncode}")
    print("| table | clean run | killed and resumed | equal |\n|---|---:|---:|---|")
    for table in (*TABLES, "articles_fts"):
        print(f"| {table} | {len(a[table]):,} | {len(b[table]):,} | {'yes' if a[table] == b[table] else 'NO'} |")
    print(f"articles stored: {len(ids):,} of {n:,}; duplicate ids: {len(ids) - len(set(ids))}; "
          f"full-text rows without an article: {len(b['articles_fts']) - len(b['fts_ids'])}")
    ok = same and len(ids) == len(set(ids)) and len(b["articles_fts"]) == len(b["fts_ids"])
    print("SAME DATABASE" if ok else "DIFFERENT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
