"""Commands that fill the event database: ingest (or a Parquet lake), load."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import cli as _hooks  # make_pipeline, run_extract: looked up at run time, tests replace them
from ..errors import Errors, NewsEventsError
from .app import _fail, counted, main
from .options import (DEDUP_WINDOW, _build_options, _check_inputs, _db_folder_problem, _expand_globs, _open_db,
                      _reader, _warn_no_articles, _warn_undated, db_option, model_options, private_hosts_option, reader_options)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes that parse (each loads the model once).")
@click.option("--dedup-window", type=DEDUP_WINDOW, default=None,
              help="Days within which reports of the same event merge (default 1, kept in the database; "
                   "a new value re-clusters every event).")
@click.option("--out", "out_lake", type=click.Path(file_okay=False), default=None,
              help="Write a Parquet lake (a folder, partitioned by date) instead of a database; "
                   "load it later with `newsevents load`.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: --workers processes on this machine; ray: Ray Data (needs --out and the `ray` extra).")
@click.option("--ray-address", default=None,
              help="With --engine ray: the Ray cluster to run on ('auto': the one this machine belongs to); "
                   "default: start Ray on this machine with --workers CPUs.")
@reader_options
@private_hosts_option
@model_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr.")
def ingest(inputs, db_url, workers, dedup_window, out_lake, engine, ray_address, published, input_format, text_key,
           id_key, published_key, max_record_mb, model, data_paths, max_chars, batch_size, article_seconds, quiet):
    """Analyse articles into the event database (SQLite by default, or PostgreSQL), or into a Parquet lake.

    Inputs are read as by `extract` (glob patterns such as 'data/*.jsonl' are expanded). Articles
    already stored (same text under the same id or from the same source) are skipped, so a run
    can be repeated or resumed after a crash; a syndicated copy (same text, other id and source)
    is stored as an article of its own;
    each batch is one transaction. Articles that can't be read or processed go to the errors
    table (a lake: error rows); the exit code is then 1.
    """
    from ..ingest import count_inputs, ingest as run_ingest
    from ..sources import read_inputs

    reader = _reader(published, input_format, text_key, id_key, published_key, max_record_mb)
    ctx = click.get_current_context()
    if out_lake and ctx.get_parameter_source("db_url") == click.core.ParameterSource.COMMANDLINE:
        _fail("[E084] " + Errors.E084, 2)
    if engine == "ray" and not out_lake:
        _fail("[E083] " + Errors.E083, 2)
    inputs = _expand_globs(inputs)
    if engine == "ray":
        _warn_undated(inputs, published, input_format, quiet)
        return _ingest_ray(inputs, out_lake, reader, _build_options(model, data_paths, max_chars, batch_size, article_seconds),
                           ray_address, workers, quiet)
    _check_inputs(inputs)
    if out_lake:
        from ..export.lake import LakeWriter

        try:
            store = LakeWriter(out_lake)
        except NewsEventsError as err:  # E082: the folder holds Parquet files that are no lake
            _fail(err.message, err.exit_code)
        db_url = out_lake
    else:
        store = _open_db(db_url, readonly=False, dedup_window=dedup_window)
    _warn_undated(inputs, published, input_format, quiet)  # once the inputs and the store are known good
    options = _build_options(model, data_paths, max_chars, batch_size, article_seconds)
    show = not quiet and sys.stderr.isatty()

    def on_error(article_id, code, message):
        if not quiet:
            click.echo(f"newsevents: {article_id}: {message}", err=True)

    try:
        pipeline = _hooks.make_pipeline(options) if workers == 1 else None
        stats = run_ingest(read_inputs(inputs, reader), store, pipeline=pipeline, options=options, workers=workers,
                           batch_size=batch_size, progress=show, total=count_inputs(inputs) if show else None,
                           on_error=on_error)
    except NewsEventsError as err:
        _fail(err.message, 2 if err.code in ("E020", "E003") else err.exit_code)
    finally:
        store.close()
    _warn_no_articles(stats["articles"], inputs, quiet)
    if not quiet:
        rate = stats["stored"] / stats["seconds"] if stats["seconds"] else 0.0
        undated = f" ({stats['undated']} without a publication date)" if stats.get("undated") else ""
        click.echo(f"newsevents: {counted(stats['articles'], 'article')} read, {stats['stored']} stored{undated}, "
                   f"{stats['skipped']} already stored, {stats['errors']} failed; {counted(stats['events'], 'event')}, "
                   f"{counted(stats['quotes'], 'quote')}; {stats['seconds']:.1f} s ({rate:.1f} articles/s) -> {db_url}",
                   err=True)
    sys.exit(1 if stats["errors"] else 0)


def _ingest_ray(inputs, out_lake, reader, options, ray_address, workers, quiet):
    from ..runners.ray import ingest_ray

    try:
        stats = ingest_ray(inputs, out_lake, reader, options, address=ray_address, workers=workers)
    except NewsEventsError as err:
        _fail(err.message, 2 if err.code in ("E020", "E080") else err.exit_code)
    if not quiet:
        click.echo(f"newsevents: {counted(stats['articles'], 'article')} written ({stats['stored']} analysed, "
                   f"{stats['errors']} failed: error rows), {counted(stats['events'], 'event')}; "
                   f"{stats['seconds']:.1f} s -> {out_lake}", err=True)
    sys.exit(1 if stats["errors"] else 0)


@main.command()
@click.argument("lake", type=click.Path(file_okay=False))
@db_option
@click.option("--dedup-window", type=DEDUP_WINDOW, default=None,
              help="Days within which reports of the same event merge (as for ingest).")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def load(lake, db_url, dedup_window, quiet):
    """Store a Parquet lake (from `ingest --out` or `export --out`) in the database.

    Idempotent: an article already stored is skipped, so loading twice, or loading overlapping
    lakes, stores each article once. Error rows go to the errors table (exit code 1). Files not
    ending in .parquet are ignored; a .parquet file that is no lake file is error E082.
    """
    from ..export.lake import check_lake, load_lake

    if not Path(lake).is_dir():
        _fail("[E082] " + Errors.E082.format(path=lake, reason="no such folder"), 2)
    problem = _db_folder_problem(db_url)  # --db first (E040), as for ingest, before the lake is read
    if problem:
        _fail("[E040] " + Errors.E040.format(url=db_url, reason=problem))
    try:  # every file checked before the database is opened: a folder that is no lake creates nothing
        if not check_lake(lake):
            _fail("[E082] " + Errors.E082.format(path=lake, reason="no Parquet files in it"), 2)
    except NewsEventsError as err:
        _fail(err.message, err.exit_code)
    store = _open_db(db_url, readonly=False, dedup_window=dedup_window)
    try:
        with store:
            stats = load_lake(lake, store)
    except NewsEventsError as err:
        _fail(err.message, err.exit_code)
    if not quiet:
        click.echo(f"newsevents: {counted(stats['articles'], 'lake article')}, {stats['stored']} stored, "
                   f"{stats['skipped']} already stored, {counted(stats['errors'], 'error')}; "
                   f"{counted(stats['events'], 'event')}; {stats['seconds']:.1f} s -> {db_url}", err=True)
    sys.exit(1 if stats["errors"] else 0)
