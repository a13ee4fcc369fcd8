"""Ray Data: ``newsevents ingest --engine ray --out LAKE``, on this machine or on a Ray cluster.

The dataflow (each step streams; Ray's backpressure bounds what is in flight)::

    read_binary_files (Ray's file reader; .parquet inputs: read_parquet)
      -> flat_map  _read_file: newsevents' own readers on the bytes (JSONL, text, HTML, feeds,
                   WARC: :func:`newsevents.sources.read_file_bytes`), so ids, dates and error
                   rows are those of the local path; texts already in the lake are dropped
      -> map_batches _Extract (a callable class: each actor loads the Pipeline once, runs
                   :func:`newsevents.runners.extract_rows` on a batch, returns an Arrow table of
                   lake rows; spaCy Docs never leave the actor)
      -> write_parquet partitioned by date (Ray's Parquet writer)

Why not ``ray.data.read_json`` for JSONL: it fails the whole read on one malformed line and
infers types per block (a ``"text": 12345`` line breaks the schema), while the requirement is
that a bad article is an error row; and it does not know line numbers, which name the
records that have no id (``path:line``). Ray reads the bytes, newsevents parses them.

Retries: Ray Data restarts a killed actor and re-runs its batch (``max_restarts=-1``,
``max_task_retries=-1`` for actor pools); only a finished attempt's block goes downstream,
and a write task writes one file named by the write id and task index (a retried write
overwrites its own file), so a killed worker adds no duplicate rows. Ids are deterministic.
"""
from __future__ import annotations

import os
import time
import uuid
from pathlib import Path
from typing import Optional

from ..errors import NewsEventsError
from ..pipeline import Options
from ..sources import ReaderOptions
from . import extract_rows, hash_of, input_from_row, input_row

__all__ = ["ingest_ray", "start_ray", "expand_inputs"]


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise NewsEventsError("E080") from None
    return ray


def start_ray(address: Optional[str] = None, num_cpus: Optional[int] = None):
    """Connect to Ray: the cluster at ``address`` ("auto": the one this machine belongs to), or a
    new local instance with ``num_cpus`` CPU slots for parsing actors plus one for the light
    steps (reading files, cutting blocks, writing Parquet), no dashboard, on loopback only.

    A local instance's workers import newsevents from the same place as this process
    (PYTHONPATH set in their runtime environment). On a cluster, newsevents (with its model)
    must be installed on every node.
    RETURNS (bool): True when this call started Ray (the caller shuts it down).
    """
    ray = _ray()
    if ray.is_initialized():
        return False
    if address:
        try:
            ray.init(address=address, log_to_driver=False)
        except (ConnectionError, RuntimeError, ValueError) as err:
            raise NewsEventsError("E081", address=address, reason=str(err).splitlines()[0]) from None
        return True
    root = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)
    ray.init(num_cpus=None if num_cpus is None else num_cpus + 1, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"PYTHONPATH": path}})
    return True


def _quiet() -> None:
    """No progress bars or per-operator logs from Ray Data on the terminal (newsevents prints a summary)."""
    import logging

    from ray.data import DataContext

    ctx = DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)


def expand_inputs(paths, idents: Optional[dict] = None) -> list[str]:
    """Files of ``paths``: glob patterns expanded (``'data/*.jsonl'``), folders walked for files of a
    known format (as ``read_inputs`` does). idents (dict | None): filled with absolute path -> id
    of every file found in a folder (``sources.folder_id``, as the local path names them).
    RAISES InputError (E020): nothing matches a path."""
    import glob

    from ..errors import InputError
    from ..sources import _known_file, folder_ids, page_copies

    files: list[str] = []
    for path in paths:
        matches = sorted(glob.glob(path)) if any(c in path for c in "*?[") else [path]
        if not matches or not all(os.path.exists(m) for m in matches):
            raise InputError("E020", path=path, reason="no such file or folder")
        for m in matches:
            if os.path.isdir(m):
                found = [f for f in sorted(Path(m).rglob("*"))
                         if f.is_file() and (_known_file(f.name) or f.name.lower().endswith(".parquet"))]
                copies = page_copies(found)  # left out, as read_inputs leaves them out (it warns)
                found = [f for f in found if f not in copies]
                files.extend(str(f) for f in found)
                if idents is not None:
                    idents.update((os.path.abspath(f), i) for f, i in folder_ids(found, Path(m)).items())
            else:
                files.append(m)
    return files


def _known(a: ArticleInput, known: dict) -> bool:
    """The input is an article already in the lake (:func:`newsevents.dedup.known_copy`)."""
    from ..dedup import known_copy, source_of

    return bool(known) and known_copy(known, hash_of(a), a.id, source_of(a.url, a.source))


def _read_file(row: dict, reader: ReaderOptions, names: dict, known: dict) -> list:
    """flat_map (a task): one file's bytes -> its ArticleInputs as rows (newsevents' readers)."""
    from ..sources import read_file_bytes

    name, ident = names.get(os.path.abspath(row["path"]), (row["path"], None))
    return [input_row(a) for a in read_file_bytes(row["bytes"], name, reader, ident) if not _known(a, known)]


def _read_record(row: dict, reader: ReaderOptions) -> dict:
    """map (a task): one Parquet input row -> an ArticleInput row, validated as a JSONL line is."""
    from ..sources import record_input

    return input_row(record_input(row, None, "parquet input", "a row", reader))


class _Extract:
    """map_batches: the Pipeline loaded once per actor; a batch of input rows -> lake rows (Arrow)."""

    def __init__(self, options: Options):
        from ..pipeline import Pipeline

        self.pipeline = Pipeline(options)

    def __call__(self, batch):
        import pyarrow as pa

        from ..export.lake import lake_schema

        rows = extract_rows(self.pipeline, [input_from_row(r) for r in batch.to_pylist()])
        return pa.Table.from_pylist(rows, schema=lake_schema())


def ingest_ray(paths, out, reader: Optional[ReaderOptions] = None, options: Optional[Options] = None, *,
               address: Optional[str] = None, workers: int = 1) -> dict:
    """Analyse the files of ``paths`` on Ray into the lake at ``out``.

    paths (list[str]): files, folders or glob patterns (JSONL, text, HTML, feeds, WARC, Parquet
        with the JSONL keys as columns). out (str | Path): the lake folder; texts already in it
        are skipped (a re-run adds only what is missing).
    reader (ReaderOptions | None). options (Options | None): the Pipeline's options.
    address (str | None): a Ray cluster ("auto", "ray://host:10001"); None starts Ray on this
        machine with ``workers`` CPUs (unless Ray is already initialised in this process).
    workers (int): actors, each with one CPU and its own Pipeline (at most the cluster's CPUs
        less one, kept for reading and writing).
    RETURNS (dict): articles (written this run), stored, errors, events, seconds (whole run,
        including the actors' model loading), files.
    RAISES NewsEventsError: E080 Ray is not installed; E081 the cluster can't be reached; E020.
    """
    from ..export.lake import PARTITION, lake_articles

    reader = reader or ReaderOptions()
    options = options or Options()
    idents: dict = {}
    files = expand_inputs(paths, idents)
    known = lake_articles(out)  # E082 when the folder holds Parquet files that are no lake, before Ray starts
    ray = _ray()
    started = start_ray(address, workers)
    _quiet()
    start = time.perf_counter()
    try:
        from ray.data.datasource import FilenameProvider

        Path(out).mkdir(parents=True, exist_ok=True)
        parquet = [f for f in files if f.lower().endswith(".parquet")]
        other = [f for f in files if not f.lower().endswith(".parquet")]
        parts = []
        # the parsing actors take one CPU each and leave one slot to the light steps (read, cut,
        # write), which would otherwise wait forever behind actors that never release theirs
        cpus = int(ray.cluster_resources().get("CPU", 1))
        actors = max(1, min(workers, cpus - 1))
        actor_cpus = 1 if cpus >= 2 else 0.5
        if other:
            names = {os.path.abspath(f): (f, idents.get(os.path.abspath(f))) for f in other}
            ds = ray.data.read_binary_files([os.path.abspath(f) for f in other], include_paths=True)
            parts.append(ds.flat_map(_read_file, fn_kwargs={"reader": reader, "names": names, "known": known}))
        if parquet:
            ds = ray.data.read_parquet([os.path.abspath(f) for f in parquet])
            ds = ds.map(_read_record, fn_kwargs={"reader": reader})
            if known:
                ds = ds.filter(lambda r: not _known(input_from_row(r), known))
            parts.append(ds)
        ds = parts[0] if len(parts) == 1 else parts[0].union(*parts[1:])
        # a file is one block: cut the stream into batch-sized blocks so that every actor gets work
        ds = ds.repartition(target_num_rows_per_block=options.batch_size)
        ds = ds.map_batches(_Extract, fn_constructor_args=(options,), batch_size=options.batch_size,
                            batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=actors),
                            num_cpus=actor_cpus)
        run = f"ray-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"

        class _Names(FilenameProvider):
            def get_filename_for_task(self, write_uuid, task_index):
                return f"{run}_{write_uuid}_{task_index:06}"

        ds.write_parquet(str(out), partition_cols=[PARTITION], filename_provider=_Names())
        seconds = time.perf_counter() - start
    finally:
        if started:
            ray.shutdown()
    stats = {"articles": 0, "stored": 0, "errors": 0, "events": 0, "seconds": seconds, "files": 0}
    mine = [str(f) for f in Path(out).rglob(f"{run}_*.parquet")]
    stats["files"] = len(mine)
    if mine:
        import pyarrow.dataset as pads

        kinds = pads.dataset(mine, format="parquet").to_table(columns=["kind"]).column("kind").to_pylist()
        stats["stored"], stats["errors"], stats["events"] = (kinds.count(k) for k in ("article", "error", "event"))
        stats["articles"] = stats["stored"] + stats["errors"]
    return stats
