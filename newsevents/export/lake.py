"""The Parquet lake: analysed articles as Parquet files partitioned by date, one schema for every writer.

Written by ``newsevents ingest --out LAKE`` (the local process pool, or Ray Data with
``--engine ray``) and by ``newsevents export --format parquet --out LAKE`` (from a database);
read back into a database by ``newsevents load LAKE`` (:func:`load_lake`).

Layout: ``LAKE/date=YYYY-MM-DD/<file>.parquet`` (Hive partitioning; a row without a date is
under ``date=__HIVE_DEFAULT_PARTITION__``). Every row has a ``kind``:

``event``    one row per event mention, partitioned by the **event date**; the columns of
             :data:`newsevents.export.EVENT_COLUMNS` (what ``export --format parquet`` writes
             to a single file) plus the article's ``content_hash``, ``published``, ``source``,
             ``title`` and ``url``.
``article``  one row per analysed article, partitioned by its publication date; ``analysis``
             holds the whole :class:`~newsevents.records.ArticleAnalysis` as JSON (the record
             of ``schema/article-analysis.schema.json``), which is what ``load`` stores.
``error``    one row per article that could not be read or processed: ``error_code``,
             ``error_message``, and ``analysis`` as for an article row.

Reading only the events of a week, with pyarrow::

    import pyarrow.dataset as ds
    lake = ds.dataset("lake/", format="parquet", partitioning="hive")
    events = lake.to_table(filter=(ds.field("kind") == "event") & (ds.field("date") >= "2019-07-01"))

Ids are deterministic (article id, the pipeline's record ids, sha256 of the text), so a batch
written twice (a retried task) holds the same rows, and ``load`` stores each text once.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..records import ArticleAnalysis, ArticleError
from . import EVENT_COLUMNS, _parquet_schema, event_rows

__all__ = ["LAKE_COLUMNS", "lake_schema", "lake_rows", "LakeWriter", "lake_hashes", "iter_lake_analyses",
           "load_lake", "export_lake", "PARTITION"]

#: the partition column: event date for event rows, publication date for article and error rows
PARTITION = "date"

#: the columns after EVENT_COLUMNS, in order
_EXTRA = ["kind", "content_hash", "published", "source", "title", "url", "error_code", "error_message", "analysis"]

#: every column of a lake row, in order (``date`` is also the partition directory)
LAKE_COLUMNS = ["kind"] + EVENT_COLUMNS + [c for c in _EXTRA if c != "kind"]


def lake_schema():
    """RETURNS (pyarrow.Schema): the lake's columns and types (EVENT_COLUMNS typed as in
    ``export --format parquet``; the rest strings)."""
    import pyarrow as pa

    events = _parquet_schema(pa)
    return pa.schema([("kind", pa.string())] + [events.field(c) for c in EVENT_COLUMNS]
                     + [(c, pa.string()) for c in _EXTRA if c != "kind"])


def lake_rows(analysis: ArticleAnalysis, source: Optional[str] = None) -> list[dict]:
    """The lake rows of one analysed article: its article (or error) row, then one row per event.

    analysis (ArticleAnalysis). source (str | None): the publisher the input named (JSONL
        ``source``); ``load`` passes it on as ``ingest`` does.
    RETURNS (list[dict]): keyed by LAKE_COLUMNS.
    """
    from ..store import content_hash

    h = content_hash(analysis.text) if analysis.text else None
    common = {"content_hash": h, "published": analysis.published, "source": source, "title": analysis.title,
              "url": analysis.url}
    head = dict.fromkeys(LAKE_COLUMNS)
    head.update(common)
    head.update(kind="error" if analysis.error is not None else "article", article_id=analysis.id,
                date=analysis.published, analysis=analysis.model_dump_json())
    if analysis.error is not None:
        head.update(error_code=analysis.error.code, error_message=analysis.error.message)
        return [head]
    rows = [head]
    for ev in event_rows(analysis):
        row = dict.fromkeys(LAKE_COLUMNS)
        row.update(ev)
        row.update(common)
        row["kind"] = "event"
        rows.append(row)
    return rows


def _dataset(path):
    import pyarrow as pa
    import pyarrow.dataset as ds

    part = ds.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive")
    return ds.dataset(str(path), format="parquet", partitioning=part)


def _has_files(path) -> bool:
    p = Path(path)
    return p.is_dir() and any(p.rglob("*.parquet"))


def lake_hashes(path) -> set:
    """RETURNS (set[str]): the content hashes of the article rows already in the lake at ``path``
    (empty when there is none): an ingest into an existing lake skips these texts."""
    if not _has_files(path):
        return set()
    import pyarrow.dataset as ds

    table = _dataset(path).to_table(columns=["content_hash"], filter=ds.field("kind") == "article")
    return {h for h in table.column("content_hash").to_pylist() if h}


def write_table(table, path, basename: str) -> None:
    """Write an Arrow table of lake rows under ``path``, partitioned by date (what Ray's writer
    does per task). basename (str): a unique file stem; ``{i}`` is added per file."""
    import pyarrow.dataset as ds

    ds.write_dataset(table, str(path), format="parquet", partitioning=[PARTITION], partitioning_flavor="hive",
                     basename_template=basename + "-{i}.parquet", existing_data_behavior="overwrite_or_ignore")


class LakeWriter:
    """A lake opened for writing, with the two methods :func:`newsevents.ingest.ingest` uses on a
    Store (``stored_hashes``, ``add_batch``): the local process pool writes a lake with the same
    code that writes a database.

    path (str | Path): the lake folder (created). rows_per_file (int): rows buffered before a
        file is written per date (files stay few; an interrupted run loses the buffer, and the
        next run redoes those articles: it skips only texts already in the lake).
    """

    def __init__(self, path, rows_per_file: int = 20_000):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.rows_per_file = rows_per_file
        self._known = lake_hashes(self.path)
        self._rows: list = []
        self._run = f"local-{time.strftime('%Y%m%dT%H%M%S')}-{time.monotonic_ns() % 10**9:09d}"
        self._files = 0

    def stored_hashes(self, hashes: Iterable[str]) -> set:
        """RETURNS (set[str]): those of ``hashes`` already in the lake when it was opened."""
        return {h for h in hashes if h in self._known}

    def add_batch(self, analyses: Iterable[ArticleAnalysis], sources: Optional[dict] = None) -> dict:
        """Buffer the lake rows of a batch (written every ``rows_per_file`` rows and on close).
        RETURNS (dict): counts as :meth:`newsevents.store.Store.add_batch` gives them."""
        sources = sources or {}
        counts = {"stored": 0, "skipped": 0, "errors": 0, "events": 0, "quotes": 0, "failed": []}
        for a in analyses:
            self._rows.extend(lake_rows(a, sources.get(a.id)))
            if a.error is not None:
                counts["errors"] += 1
                counts["failed"].append((a.id, a.error.code, a.error.message))
            else:
                counts["stored"] += 1
                counts["events"] += len(a.events)
                counts["quotes"] += len(a.quotes)
        if len(self._rows) >= self.rows_per_file:
            self.flush()
        return counts

    def flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            write_table(pa.Table.from_pylist(self._rows, schema=lake_schema()), self.path,
                        f"{self._run}-{self._files:06d}")
            self._files += 1
            self._rows = []

    def close(self) -> None:
        self.flush()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def iter_lake_analyses(path, kinds=("error", "article"), batch_rows: int = 500) -> Iterator[tuple]:
    """The analyses of a lake's article and error rows, as (ArticleAnalysis, source), streamed.

    kinds (tuple[str]): row kinds, read in this order (error rows first, so that an article that
        failed once and was stored by a later run ends stored, as with two ingests).
    Within a kind, rows come sorted by file path (the order of the files on disk).
    """
    if not _has_files(path):
        return
    import pyarrow.dataset as ds

    dataset = _dataset(path)
    for kind in kinds:
        scanner = dataset.scanner(columns=["analysis", "source"], filter=ds.field("kind") == kind,
                                  batch_size=batch_rows)
        for batch in scanner.to_batches():
            for text, source in zip(batch.column("analysis").to_pylist(), batch.column("source").to_pylist()):
                yield ArticleAnalysis.model_validate_json(text), source


def load_lake(path, store, batch_size: int = 500, on_error=None) -> dict:
    """Store a lake's articles in a database, idempotently (what ``newsevents load`` does).

    Each article goes through :meth:`Store.add_batch`, as in ``ingest``: a text already stored is
    skipped, so loading a lake twice (or two overlapping lakes) stores each article once, and
    deduplicated events are recomputed for the keys a batch touched.
    path (str | Path): the lake folder. store (Store): an open, writable store.
    batch_size (int): articles per transaction. on_error (callable | None): ``on_error(id, code, message)``.
    RETURNS (dict): articles, stored, skipped, errors, events, quotes, seconds.
    """
    stats = {"articles": 0, "stored": 0, "skipped": 0, "errors": 0, "events": 0, "quotes": 0}
    start = time.perf_counter()
    batch: list = []
    sources: dict = {}

    def write():
        counts = store.add_batch(batch, sources=sources)
        for k in ("stored", "skipped", "errors", "events", "quotes"):
            stats[k] += counts[k]
        if on_error:
            for failure in counts["failed"]:
                on_error(*failure)
        batch.clear()
        sources.clear()

    for analysis, source in iter_lake_analyses(path):
        stats["articles"] += 1
        batch.append(analysis)
        if source:
            sources[analysis.id] = source
        if len(batch) >= batch_size:
            write()
    if batch:
        write()
    stats["seconds"] = time.perf_counter() - start
    return stats


def export_lake(store, path) -> int:
    """Write a database's articles (and its errors) as a lake at ``path`` (``export --format parquet --out``).

    RETURNS (int): event rows written.
    """
    n = 0
    with LakeWriter(path) as writer:
        srcs = {r["id"]: r["source"] for r in store._rows("SELECT id, source FROM articles")}
        for analysis in store.analyses():
            writer.add_batch([analysis], {analysis.id: srcs.get(analysis.id)})
            n += len(analysis.events)
        for err in store.errors():
            writer.add_batch([ArticleAnalysis(id=err["article_id"], url=err["url"], text="",
                                              error=ArticleError(code=err["code"], message=err["message"]))])
    return n
