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

from ..dedup import article_key, known_copy, source_of
from ..errors import NewsEventsError
from ..records import ArticleAnalysis, ArticleError
from . import EVENT_COLUMNS, _parquet_schema, event_rows

__all__ = ["LAKE_COLUMNS", "lake_schema", "lake_rows", "LakeWriter", "lake_hashes", "lake_articles", "lake_files",
           "check_lake", "LakeError", "iter_lake_analyses", "load_lake", "export_lake", "PARTITION"]


class LakeError(NewsEventsError):
    """A folder given as a lake is not one (E082): a usage problem, exit 2."""

    exit_code = 2

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


#: columns every lake file has (a file without them was not written by newsevents as a lake)
REQUIRED_COLUMNS = ("kind", "article_id", "content_hash", "source", "url", "error_code", "analysis")


def lake_files(path) -> list:
    """RETURNS (list[Path]): the lake's Parquet files (``*.parquet`` under ``path``, sorted), leaving
    out hidden and ``_``-prefixed names as pyarrow's discovery does. Other files (a README, notes)
    are not part of the lake and are ignored."""
    p = Path(path)
    if not p.is_dir():
        return []
    return sorted(f for f in p.rglob("*.parquet") if f.is_file()
                  and not any(part.startswith((".", "_")) for part in f.relative_to(p).parts))


def check_lake(path) -> list:
    """Check that every Parquet file under ``path`` is a lake file, before anything is read or written.

    RETURNS (list[Path]): the lake's files (:func:`lake_files`; empty when there are none).
    RAISES LakeError (E082): a ``.parquet`` file that is not Parquet, or that lacks a lake column
        (``extract --format parquet`` writes one file of events, not a lake).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = lake_files(path)
    for f in files:
        try:
            names = set(pq.read_schema(f).names)
        except (pa.ArrowException, OSError) as err:
            reason = (str(err).strip().splitlines() or [type(err).__name__])[0]
            raise LakeError("E082", path=path, reason=f"{f} is not a Parquet file ({reason[:200]})") from None
        missing = [c for c in REQUIRED_COLUMNS if c not in names]
        if missing:
            raise LakeError("E082", path=path, reason=f"{f} has no '{missing[0]}' column (not a lake file: "
                            "`ingest --out` and `export --format parquet --out` write lakes)")
    return files


def _dataset(path, files=None):
    import pyarrow as pa
    import pyarrow.dataset as ds

    part = ds.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive")
    files = lake_files(path) if files is None else files
    return ds.dataset([str(f) for f in files], format="parquet", partitioning=part, partition_base_dir=str(path))


def _has_files(path) -> bool:
    return bool(lake_files(path))


def lake_hashes(path) -> set:
    """RETURNS (set[str]): the content hashes of the article rows already in the lake at ``path``
    (empty when there is none)."""
    return set(lake_articles(path))


def lake_articles(path) -> dict:
    """RETURNS (dict): content hash -> list of (article id, source) of the article rows already in
    the lake at ``path`` (the source as the store keeps it: the input's, else the url's host), for
    :func:`newsevents.dedup.known_copy`: an ingest into an existing lake skips these articles.
    RAISES LakeError (E082): see :func:`check_lake`."""
    files = check_lake(path)
    if not files:
        return {}
    import pyarrow.dataset as ds

    table = _dataset(path, files).to_table(columns=["content_hash", "article_id", "source", "url"],
                                           filter=ds.field("kind") == "article")
    known: dict = {}
    for r in table.to_pylist():
        if r["content_hash"]:
            known.setdefault(r["content_hash"], []).append((r["article_id"], source_of(r["url"], r["source"])))
    return known


def lake_errors(path) -> set:
    """RETURNS (set[tuple]): (article id, error code) of the lake's error rows (a failure already
    recorded is not written again)."""
    files = lake_files(path)
    if not files:
        return set()
    import pyarrow.dataset as ds

    table = _dataset(path, files).to_table(columns=["article_id", "error_code"], filter=ds.field("kind") == "error")
    return {(r["article_id"], r["error_code"]) for r in table.to_pylist()}


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
        self._known = lake_articles(self.path)  # E082 before the folder is made or anything written
        self._failed = lake_errors(self.path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.rows_per_file = rows_per_file
        self._rows: list = []
        self._run = f"local-{time.strftime('%Y%m%dT%H%M%S')}-{time.monotonic_ns() % 10**9:09d}"
        self._files = 0

    def stored_hashes(self, hashes: Iterable[str]) -> set:
        """RETURNS (set[str]): those of ``hashes`` already in the lake."""
        return {h for h in hashes if h in self._known}

    def stored_copies(self, items: Iterable[tuple]) -> set:
        """RETURNS (set[tuple]): those of ``items`` ((content hash, article id, source)) already in
        the lake as the same article (:func:`newsevents.dedup.same_article`), as
        :meth:`newsevents.store.Store.stored_copies` answers for a database."""
        return {item for item in items if known_copy(self._known, *item)}

    def add_batch(self, analyses: Iterable[ArticleAnalysis], sources: Optional[dict] = None) -> dict:
        """Buffer the lake rows of a batch (written every ``rows_per_file`` rows and on close).
        RETURNS (dict): counts as :meth:`newsevents.store.Store.add_batch` gives them."""
        sources = sources or {}
        counts = {"stored": 0, "undated": 0, "skipped": 0, "errors": 0, "events": 0, "quotes": 0, "failed": []}
        from ..store import content_hash

        for a in analyses:
            source = sources.get(a.id)
            if a.error is not None:
                counts["errors"] += 1
                counts["failed"].append((a.id, a.error.code, a.error.message))
                if (a.id, a.error.code) not in self._failed:  # the same failure again: one row is enough
                    self._failed.add((a.id, a.error.code))
                    self._rows.extend(lake_rows(a, source))
                continue
            h = content_hash(a.text)
            host = source_of(a.url, source)
            if known_copy(self._known, h, a.id, host):
                counts["skipped"] += 1
                continue
            self._known.setdefault(h, []).append((article_key(a.id, h), host))
            self._rows.extend(lake_rows(a, source))
            counts["stored"] += 1
            counts["undated"] += not a.published
            counts["events"] += len(a.events)
            counts["quotes"] += len(a.quotes)
        if len(self._rows) >= self.rows_per_file:
            self.flush()
        return counts

    def flush(self) -> None:
        """Write the buffered rows as the next file(s) of this run.
        RAISES NewsEventsError (E085): the write failed (a full disk); the file(s) begun were removed
            and the buffer dropped (a re-run redoes those articles), the lake stays readable."""
        import pyarrow as pa

        if self._rows:
            basename = f"{self._run}-{self._files:06d}"
            rows, self._rows = self._rows, []
            try:
                write_table(pa.Table.from_pylist(rows, schema=lake_schema()), self.path, basename)
            except OSError as err:  # pyarrow's errors of the file system are OSError
                for f in self.path.glob(f"*/{basename}-*.parquet"):
                    f.unlink(missing_ok=True)
                reason = " ".join(str(err).split()) or type(err).__name__
                raise NewsEventsError("E085", path=str(self.path), reason=reason[:300]) from None
            self._files += 1

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
    files = check_lake(path)
    if not files:
        return
    import pyarrow.dataset as ds

    dataset = _dataset(path, files)
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

    Into a folder that already holds a lake, only what is missing is added, as ``ingest --out``
    does: an article already there (same text under its id or from its source) and an error
    row already there (same article id and code) are not written again, so exporting twice
    into one folder leaves one copy of every row.
    RETURNS (int): event rows written.
    RAISES LakeError (E082): ``path`` holds Parquet files that are not a lake.
    """
    n = 0
    with LakeWriter(path) as writer:
        srcs = {r["id"]: r["source"] for r in store._rows("SELECT id, source FROM articles")}
        for analysis in store.analyses():
            counts = writer.add_batch([analysis], {analysis.id: srcs.get(analysis.id)})
            n += counts["events"]
        for err in store.errors():
            writer.add_batch([ArticleAnalysis(id=err["article_id"], url=err["url"], text="",
                                              error=ArticleError(code=err["code"], message=err["message"]))])
    return n
