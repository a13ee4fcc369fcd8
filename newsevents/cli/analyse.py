"""Commands that analyse articles without a database: extract, evaluate, schema, stages."""
from __future__ import annotations

import json
import sys

import click

from .. import cli as _hooks  # make_pipeline, run_extract: looked up at run time, tests replace them
from ..errors import Errors, NewsEventsError
from .app import _check_output, _fail, _open_out, counted, main, note_failure
from .options import (LIMIT, _build_options, _check_inputs, _expand_globs, _reader, _warn_no_articles, _warn_undated,
                      common_options, model_options, private_hosts_option, reader_options)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@reader_options
@private_hosts_option
@model_options
@common_options(["json", "ndjson", "csv", "tsv", "parquet", "table"], "json")
def extract(inputs, published, input_format, text_key, id_key, published_key, max_record_mb, model, data_paths,
            max_chars, batch_size, article_seconds, fmt, output, quiet):
    """Extract event data from articles: text, JSONL, HTML pages, RSS/Atom feeds, WARC files, folders,
    http(s) URLs, or - for stdin. A quoted pattern ('pages/*.html') names its matching files.

    JSON gives an array of whole records (one per article, an array for one article too), NDJSON one
    record a line; CSV/TSV/Parquet one row per event; table a summary to read.
    """
    from ..sources import read_inputs

    reader = _reader(published, input_format, text_key, id_key, published_key, max_record_mb)
    inputs = _expand_globs(inputs)
    _check_inputs(inputs)
    _warn_undated(inputs, published, input_format, quiet)
    try:
        pipeline = _hooks.make_pipeline(_build_options(model, data_paths, max_chars, batch_size, article_seconds))
        stats = _hooks.run_extract(pipeline, read_inputs(inputs, reader), fmt, output, quiet)
    except NewsEventsError as err:
        _fail(err.message, 2 if err.code in ("E020", "E003") else err.exit_code)
    _warn_no_articles(stats["articles"], inputs, quiet)
    if not quiet:
        undated = f" ({stats['undated']} without a publication date)" if stats.get("undated") else ""
        click.echo(f"newsevents: {counted(stats['articles'], 'article')}{undated}, {counted(stats['events'], 'event')}, "
                   f"{counted(stats['quotes'], 'quote')}, {stats['errors']} failed, {stats['seconds']:.1f} s", err=True)
    sys.exit(1 if stats["errors"] else 0)


def run_extract(pipeline, articles, fmt: str, output: str = "-", quiet: bool = True) -> dict:
    """Run ``pipeline`` over ``articles`` and write them in ``fmt`` to ``output``.

    RETURNS (dict): counts: articles, undated (articles without a publication date), events, quotes,
        errors, seconds.
    """
    import time

    from ..export import Writer

    stats = {"articles": 0, "undated": 0, "events": 0, "quotes": 0, "errors": 0}
    start = time.perf_counter()
    out = _open_out(output, binary=(fmt == "parquet"))
    bar = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr)
    try:
        with Writer(fmt, out) as writer:
            for analysis in pipeline.pipe(articles):
                if analysis.error:  # a non-English article (E105) too: it is counted as failed, exit 1
                    stats["errors"] += 1
                    note_failure()  # before writing: a pipe closed by then still ends with exit 1
                    click.echo(f"newsevents: {analysis.id or 'article'}: {analysis.error.message}", err=True)
                writer.write(analysis)
                stats["articles"] += 1
                stats["undated"] += not analysis.published and not analysis.error
                stats["events"] += len(analysis.events)
                stats["quotes"] += len(analysis.quotes)
                if bar is not None:
                    bar.update(1)
    finally:
        if bar is not None:
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
    from .. import evaluate as ev

    names = list(names) or ["all"]
    _check_output(errors_path)
    try:
        pipeline = _hooks.make_pipeline(_build_options(model, data_paths, max_chars, batch_size, article_seconds))
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
        _fail(err.message, err.exit_code)
    out = _open_out(output)
    if fmt == "json":
        json.dump(results, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(ev.format_table(results) + "\n")
    if out is not sys.stdout:
        out.close()  # here, so that a write failing at the end (a full disk) is E052, not lost at exit
    if write_baseline:
        ev.write_baseline(results)
        click.echo(f"newsevents: baseline written to {ev.BASELINE_PATH}", err=True)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here instead of stdout.")
def schema(output):
    """Print the JSON Schema of the extract output (one ArticleAnalysis)."""
    from ..records import json_schema

    _check_output(output)
    out = _open_out(output)
    json.dump(json_schema(), out, indent=2, ensure_ascii=False)
    out.write("\n")
    if out is not sys.stdout:
        out.close()


@main.command()
@model_options
def stages(model, data_paths, max_chars, batch_size, article_seconds):
    """List the pipeline: spaCy components, then the newsevents stages with what they require and assign."""
    try:
        pipeline = _hooks.make_pipeline(_build_options(model, data_paths, max_chars, batch_size, article_seconds))
    except NewsEventsError as err:
        _fail(err.message, err.exit_code)
    out = _open_out("-")
    click.echo(f"spaCy {pipeline.model_name}: {', '.join(pipeline.nlp.pipe_names)}", file=out)
    for stage in pipeline.stages:
        click.echo(f"{stage.name:<8} requires: {', '.join(stage.requires) or '-':<36} assigns: {', '.join(stage.assigns)}",
                   file=out)
