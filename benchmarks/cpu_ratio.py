"""CPU time of one worker against raw ``nlp.pipe``, step by step, in one process (for a loaded machine).

    python benchmarks/cpu_ratio.py [--corpus PATH] [--limit N] [--batch-size 32] [--cprofile OUT.prof]

Wall-clock rates follow the other jobs on a shared machine; CPU time (``time.process_time``) of
one process mostly does not. In one process, on the same texts: raw ``nlp.pipe`` (a separately
loaded model, every component, no attribute cache; each raw run on a newly loaded model, as
ingest's model is new to the texts), then ``ingest`` with one worker into a new
SQLite database (the path ``ingest --workers 1`` runs, model loaded beforehand) with each step
timed, then raw again. Prints raw/ingest (the mean of the two raw runs over ingest) and a table of
each step's CPU seconds and its share of the parse. ``--cprofile`` also writes a cProfile of the
ingest run (read it with ``python -m pstats``; the profiler slows the stages more than the parse,
so take the ratio from a run without it).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "wikinews.jsonl"


def instrument(pipeline, store, spent: dict) -> None:
    """Wrap the parse, each stage, Context and ``store.add_batch`` of this pipeline to add CPU seconds to ``spent``."""
    import newsevents.pipeline as pl

    clock = time.process_time
    parse = pipeline._parse

    def timed_parse(texts):
        it = parse(texts)
        while True:
            t0 = clock()
            try:
                doc = next(it)
            except StopIteration:
                return
            finally:
                spent["parse (nlp.pipe, attribute cache)"] += clock() - t0
            yield doc

    pipeline._parse = timed_parse
    # Pipeline.run_stages calls ``stage(ctx)``, which looks up type(stage).__call__: wrap per class
    for stage in pipeline.stages:
        cls = type(stage)
        if getattr(cls.__call__, "_timed", False):
            continue
        orig = cls.__call__

        def timed_cls(self, ctx, orig=orig, name=stage.name):
            t0 = clock()
            try:
                return orig(self, ctx)
            finally:
                spent[f"stage {name}"] += clock() - t0

        timed_cls._timed = True
        cls.__call__ = timed_cls
    ctx_init = pl.Context.__init__

    def timed_ctx(self, *a, **k):
        t0 = clock()
        try:
            return ctx_init(self, *a, **k)
        finally:
            spent["Context (sentences)"] += clock() - t0

    pl.Context.__init__ = timed_ctx
    add = store.add_batch

    def timed_add(*a, **k):
        t0 = clock()
        try:
            return add(*a, **k)
        finally:
            spent["SQLite add_batch"] += clock() - t0

    store.add_batch = timed_add


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--cprofile", type=Path, default=None)
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = ap.parse_args(argv)

    import spacy

    from newsevents.ingest import ingest
    from newsevents.pipeline import DEFAULT_MODEL, Options, Pipeline
    from newsevents.sources import ReaderOptions, read_inputs
    from newsevents.store import open_store

    rows = [json.loads(line) for line in args.corpus.open(encoding="utf8") if line.strip()][: args.limit]
    texts = [r["text"] for r in rows]
    clock = time.process_time
    options = Options(batch_size=args.batch_size)
    pipeline = Pipeline(options)

    def raw() -> float:
        # a freshly loaded model each time, as ingest's is: a second pass of one model over the
        # same texts finds its tokenizer cache and vocabulary warm (about 5% less CPU)
        raw_nlp = spacy.load(DEFAULT_MODEL)
        t0 = clock()
        for _doc in raw_nlp.pipe(texts, batch_size=args.batch_size):
            pass
        return clock() - t0

    raw1 = raw()
    spent: dict = defaultdict(float)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf8")
        with open_store(str(Path(tmp) / "cpu.db")) as store:
            instrument(pipeline, store, spent)
            prof = None
            if args.cprofile:
                import cProfile

                prof = cProfile.Profile(time.process_time)
                prof.enable()
            t0 = clock()
            stats = ingest(read_inputs([str(corpus)], ReaderOptions()), store, pipeline=pipeline,
                           options=options, workers=1, batch_size=args.batch_size)
            total = clock() - t0
            if prof is not None:
                prof.disable()
                prof.dump_stats(str(args.cprofile))
    raw2 = raw()
    raw_mean = (raw1 + raw2) / 2
    parse = spent["parse (nlp.pipe, attribute cache)"]
    stages = sum(v for k, v in spent.items() if k.startswith("stage "))
    print(f"{len(texts)} articles, {stats['stored']} stored, {stats['events']} events; CPU seconds")
    print(f"raw nlp.pipe {raw1:.2f} / {raw2:.2f}; ingest --workers 1 {total:.2f}; "
          f"raw/ingest = {raw_mean / total:.3f}")
    print(f"  {'step':<40} {'CPU s':>7} {'of parse':>9}")
    for name, sec in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<40} {sec:7.2f} {sec / parse:9.1%}")
    print(f"  {'stages together':<40} {stages:7.2f} {stages / parse:9.1%}")
    rest = total - sum(spent.values())
    print(f"  {'other (reading, checks, batching)':<40} {rest:7.2f} {rest / parse:9.1%}")
    if args.json:
        print(json.dumps({"raw": [raw1, raw2], "ingest": total, "ratio": raw_mean / total, **spent}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
