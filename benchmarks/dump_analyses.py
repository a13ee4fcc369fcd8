"""Dump every analysis of a corpus as JSON, one line each, sorted: to check that a change keeps output identical.

    python benchmarks/dump_analyses.py OUT.jsonl [--corpus PATH] [--limit N] [--db OUT.sql]

Runs ``Pipeline.pipe`` (default options, the articles read as ``ingest`` reads them) over the
corpus (default: the 291 Wikinews articles in ../shared) and writes each
``ArticleAnalysis.model_dump_json()`` on its own line, the lines sorted. ``--db`` also ingests the
analyses into a new SQLite database and writes its SQL dump (``iterdump``) there. Compare two
dumps with ``cmp`` or ``diff``: a pure speed change leaves them byte-identical.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "wikinews.jsonl"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--db", type=Path, default=None, help="also write the SQL dump of an ingest here")
    args = ap.parse_args(argv)

    from itertools import islice

    from newsevents.pipeline import Pipeline
    from newsevents.sources import ReaderOptions, read_inputs

    pipeline = Pipeline()
    arts = list(islice(read_inputs([str(args.corpus)], ReaderOptions()), args.limit))
    analyses = list(pipeline.pipe(arts))
    args.out.write_text("".join(sorted(a.model_dump_json() + "\n" for a in analyses)), encoding="utf8")
    print(f"{len(analyses)} analyses -> {args.out}")
    if args.db is not None:
        from newsevents.store import open_store

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "dump.db"
            with open_store(str(path)) as store:
                store.add_batch(analyses)
            con = sqlite3.connect(path)
            args.db.write_text("\n".join(con.iterdump()) + "\n", encoding="utf8")
            con.close()
        print(f"SQL dump -> {args.db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
