"""Ingest: run the pipeline over many articles into a store, resumably.

    from newsevents.ingest import ingest
    from newsevents.sources import read_inputs, ReaderOptions
    from newsevents.store import open_store

    with open_store("newsevents.db") as store:
        stats = ingest(read_inputs(["wikinews.jsonl"], ReaderOptions()), store, workers=2)

How it stays idempotent and crash-safe:

- Articles are read lazily and grouped into batches of ``batch_size``. Before parsing, an
  article whose content hash (sha256 of its text) is already stored under its id or from its
  source is skipped (:func:`newsevents.dedup.same_article`), so a re-run parses only what is
  missing; a syndicated copy (the same text, another id and source) is an article of its own.
- Each batch is written in one transaction (:meth:`Store.add_batch`), deduplicated events
  included; killing the process at any moment loses at most the batch in flight, and the
  next run redoes it. Every id is deterministic (the article id and the record ids the
  pipeline gives), and deduplication depends only on the set of stored mentions, so a
  killed-and-resumed ingest ends with exactly the database of one clean run.
- An article that can't be read or processed is stored in ``errors`` with its reason, and
  the run goes on; such articles are retried by the next run.
- A lost database connection (a PostgreSQL server restarted) rolls the batch back; the store
  reconnects and writes the batch again, waiting up to ``RECONNECT_WAITS`` (31.5 s in all),
  then stops with E048. A full disk stops the run with E047. Either way the batches before
  are stored and the same command resumes.

Workers: with ``workers=N > 1``, N processes each load the model once and parse batches
(:class:`newsevents.runners.local.LocalPool`); the parent reads inputs, skips stored articles
and writes results in input order, with at most ``2 * N`` batches in flight (memory stays
bounded whatever the corpus size).

The store may also be a :class:`newsevents.export.lake.LakeWriter` (``ingest --out LAKE``):
the same batches, written as Parquet instead of SQL.
"""
from __future__ import annotations

import sys
import time
from typing import Callable, Iterable, Iterator, Optional

from . import dedup
from .pipeline import ArticleInput, Options, Pipeline
from .store import Store, StoreError, content_hash

__all__ = ["ingest", "count_inputs", "RECONNECT_WAITS"]

#: seconds waited before each new connection after the database connection was lost (E048)
RECONNECT_WAITS = (0.5, 1, 2, 4, 8, 16)


def _retrying(store: Store, call: Callable, *args, waits: Optional[tuple] = None):
    """``call(*args)``; when the connection is lost (E048), reconnect and call again, waiting
    ``waits`` seconds before each new connection. Safe for a batch: it was rolled back, and
    writing it again stores what is missing only (a commit whose answer was lost is skipped).
    RAISES StoreError: E048 once every wait is spent; any other code at once."""
    waits = RECONNECT_WAITS if waits is None else waits
    left = list(waits)
    while True:
        try:
            return call(*args)
        except StoreError as err:
            if err.code != "E048":
                raise
            reason = err.details.get("reason")
        while True:
            if not left:
                raise StoreError("E048", url=store._shown_url(), reason=reason, seconds=sum(waits))
            time.sleep(left.pop(0))
            try:
                store.reconnect()
                break
            except StoreError as err:  # still unreachable
                reason = err.details.get("reason", reason)


def _hash_of(art: ArticleInput) -> Optional[str]:
    """The content hash the stored text will have, or None when the input can't be decoded."""
    if art.problem:
        return None
    text = art.text
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            return None
    return content_hash(text) if isinstance(text, str) and text.strip() else None


def _batches(articles: Iterable[ArticleInput], store: Store, size: int, stats: dict) -> Iterator[list]:
    """Batches of ``size`` articles not yet stored (the already-stored ones counted as skipped)."""
    pending: list = []

    def flush(chunk):
        keys = [(_hash_of(a), a.id, dedup.source_of(a.url, a.source)) for a in chunk]
        stored = _retrying(store, store.stored_copies, [k for k in keys if k[0]])
        fresh = [a for a, k in zip(chunk, keys) if k[0] is None or k not in stored]
        stats["skipped"] += len(chunk) - len(fresh)
        return fresh

    batch: list = []
    for art in articles:
        stats["articles"] += 1
        pending.append(art)
        if len(pending) >= size:
            batch.extend(flush(pending))
            pending = []
            if len(batch) >= size:
                yield batch[:size]
                batch = batch[size:]
    if pending:
        batch.extend(flush(pending))
    while batch:
        yield batch[:size]
        batch = batch[size:]


def ingest(articles: Iterable[ArticleInput], store: Store, *, pipeline: Optional[Pipeline] = None,
           options: Optional[Options] = None, workers: int = 1, batch_size: Optional[int] = None,
           progress: bool = False, total: Optional[int] = None,
           on_error: Optional[Callable[[str, str, str], None]] = None) -> dict:
    """Analyse ``articles`` and store them, one transaction per batch.

    articles (iterable of ArticleInput): read lazily (e.g. :func:`newsevents.sources.read_inputs`).
    store (Store | LakeWriter): where to write (:func:`newsevents.store.open_store`, or a lake).
    pipeline (Pipeline | None): a loaded pipeline, used when ``workers == 1``.
    options (Options | None): pipeline options; each worker builds its Pipeline from them
        (and so does a single process when ``pipeline`` is None).
    workers (int): processes that parse; 1 parses in this process.
    batch_size (int | None): articles per batch and per transaction (default
        ``options.batch_size``, 32).
    progress (bool): show a progress bar on stderr (articles/s, ETA when ``total`` is known).
    total (int | None): number of input records, for the ETA.
    on_error (callable | None): called as ``on_error(article_id, code, message)`` per failure.
    RETURNS (dict): articles (input records seen), stored, undated (of the stored, those without
        a publication date: their relative dates stay unresolved), skipped (already stored),
        errors, events, quotes (of the stored articles), seconds (after the model(s) loaded).
    """
    options = options or (pipeline.options if pipeline is not None else Options())
    size = batch_size or options.batch_size
    stats = {"articles": 0, "undated": 0, "stored": 0, "skipped": 0, "errors": 0, "events": 0, "quotes": 0}
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=total, unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

    def write(batch: list, analyses: list) -> None:
        sources = {a.id: a.source for a in batch if getattr(a, "source", None)}
        counts = _retrying(store, store.add_batch, analyses, sources)
        for key in ("stored", "undated", "skipped", "errors", "events", "quotes"):
            stats[key] += counts.get(key, 0)
        if on_error:
            for failure in counts["failed"]:
                on_error(*failure)
        if bar is not None:
            bar.n = stats["articles"]
            bar.refresh()

    pool = None
    try:
        if workers > 1:
            from .runners.local import LocalPool

            pool = LocalPool(options, workers)
        elif pipeline is None:
            pipeline = Pipeline(options)
        start = time.perf_counter()
        batches = _batches(articles, store, size, stats)
        if pool is None:
            for batch in batches:
                write(batch, list(pipeline.pipe(batch)))
        else:
            for done, analyses in pool.map(batches):
                write(done, analyses)
        if bar is not None:
            bar.n = stats["articles"]
            bar.refresh()
        stats["seconds"] = time.perf_counter() - start
    finally:
        if pool is not None:
            pool.close()
        if bar is not None:
            bar.close()
    return stats


def count_inputs(paths: Iterable[str]) -> Optional[int]:
    """The number of input records, when cheap to know (for the progress bar's ETA).

    JSONL files count their non-blank lines; text and HTML files count one each; folders
    count their files. Feeds, WARC files, URLs and stdin make the total unknown.
    RETURNS (int | None).
    """
    from pathlib import Path

    from .sources import FORMATS, detect_format

    total = 0
    for path in paths:
        if path == "-" or "://" in path:
            return None
        p = Path(path)
        if p.is_dir():
            endings = tuple(s for suffixes in FORMATS.values() for s in suffixes)
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.name.lower().endswith(endings))
        else:
            files = [p]
        for f in files:
            if not f.exists():
                return None
            try:
                with open(f, "rb") as fh:
                    fmt = detect_format(f.name, fh.read(4096))
                if fmt == "jsonl":
                    with open(f, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                elif fmt in ("text", "html"):
                    total += 1
                else:
                    return None
            except OSError:
                return None
    return total
