"""Commands that read the event database: events, quotes, dyads, search, export, serve."""
from __future__ import annotations

import sys

import click

from ..errors import NewsEventsError
from .app import _check_output, _fail, _open_out, counted, main
from .options import (LIMIT, ROW_FORMATS, _check_binary_output, _check_dates, _not_empty, _open_db, _write_query,
                      common_options, db_option)
from ..export.rows import QUERY_EVENT_COLUMNS as EVENT_COLUMNS_DB, QUERY_QUOTE_COLUMNS

def _plover_type(ctx, param, value):
    """--type: a PLOVER 2.0 event type in any case (data/events/plover.yaml), upper-cased; an
    unknown one is a usage error (exit 2) rather than an empty answer."""
    if value is None or value == "":
        return value
    from ..data import load_yaml

    types = sorted(load_yaml("events/plover.yaml")["types"])
    if value.upper() not in types:
        raise click.BadParameter(f"unknown PLOVER event type '{value}'; one of {', '.join(types)}.")
    return value.upper()


CLUSTER_COLUMNS = ["id", "date", "last_date", "event_type", "mode", "actor_codes", "recipient_codes", "cameo",
                   "goldstein", "quad_class", "num_mentions", "num_sources", "num_articles", "first_article",
                   "first_event", "url"]


@main.command()
@db_option
@click.option("--actor", default=None, callback=_not_empty, help="Actor code (USA) or canonical name (\"Donald Trump\").")
@click.option("--recipient", default=None, callback=_not_empty, help="Recipient code or canonical name.")
@click.option("--type", "event_type", default=None, callback=_plover_type,
              help="PLOVER event type, e.g. CONSULT (any case).")
@click.option("--since", default=None, help="From this ISO date (inclusive).")
@click.option("--until", default=None, help="Up to this ISO date (inclusive).")
@click.option("--article", default=None, callback=_not_empty, help="Events of this article id only.")
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
        if not rows and not quiet:
            _hint_unknown_parties(store, actor=actor, recipient=recipient, codes_only=dedup)


def _hint_unknown_parties(store, codes_only: bool = False, **parties) -> None:
    """After a query that matched nothing: a line on stderr for each --actor/--recipient value that
    no stored actor or recipient has as its code (or canonical name, unless ``codes_only``), so an
    empty answer is not read as "no such events" when the value is a typo or an unknown code."""
    for option, value in parties.items():
        if value and not store.party_known(value, codes_only=codes_only):
            what = "actor code" if codes_only else "actor code or canonical name"
            click.echo(f"newsevents: no {what} in the database matches --{option} '{value}' (codes are ISO "
                       f"alpha-3 or IGO codes such as USA or UN{'' if codes_only else ', names as in the actor_names column'})",
                       err=True)


@main.command()
@db_option
@click.option("--speaker", default=None, callback=_not_empty, help="Speaker's canonical name or its last words, e.g. \"Donald Trump\" or \"Trump\" (any case).")
@click.option("--speaker-code", default=None, callback=_not_empty, help="Speaker's actor code, e.g. USA.")
@click.option("--kind", type=click.Choice(["direct", "indirect", "mixed", "stance", "unsourced"]), default=None,
              help="Direct (in quotation marks), indirect (reported speech) or mixed quotes only; stance: "
                   "a position on a thing named by a noun phrase (\"criticized the move\"), not a statement; "
                   "unsourced: a claim or belief with no one named (\"X is believed to remain\").")
@click.option("--contains", default=None, callback=_not_empty, help="Only quotes whose content holds this text (any case).")
@click.option("--article", default=None, callback=_not_empty, help="Quotes of this article id only.")
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
    _write_query(rows, fmt, output, QUERY_QUOTE_COLUMNS,
                 ["published", "speaker", "kind", "cue", "content", "article_id"], {"content": 70, "speaker": 24})


@main.command()
@db_option
@click.option("--actor", default=None, callback=_not_empty, help="Actor code, e.g. USA (any case).")
@click.option("--recipient", default=None, callback=_not_empty, help="Recipient code, e.g. CHN (any case).")
@click.option("--by", type=click.Choice(["day", "month", "year"]), default="month", show_default=True,
              help="Period of each row.")
@click.option("--type", "event_type", default=None, callback=_plover_type, help="PLOVER event type only (any case).")
@click.option("--since", default=None, help="From this ISO date (inclusive).")
@click.option("--until", default=None, help="Up to this ISO date (inclusive).")
@click.option("--limit", type=LIMIT, default=None, help="At most N rows (the first periods).")
@common_options(ROW_FORMATS, "table")
def dyads(db_url, actor, recipient, by, event_type, since, until, limit, fmt, output, quiet):
    """Count deduplicated events per period and dyad: events, mentions, Goldstein sum and mean,
    and counts per quad class. With --actor and --recipient, reciprocal events between the two
    (a meeting, both as actors) count too. Negated and hypothetical events are left out.

    As in GDELT and ICEWS, every counted event has a day. Events the text dates only to a week,
    month or year ("last week") and events of articles without a publication date have none:
    they are not counted, in any period, and a line on stderr says how many (not with -q).
    `events` lists them with an empty date."""
    _check_dates(since, until)
    store = _open_db(db_url)
    with store:
        rows = store.dyads(actor=actor, recipient=recipient, by=by, event_type=event_type, since=since, until=until,
                           limit=limit)
        left = store.dyads_left_out(actor=actor, recipient=recipient, event_type=event_type)
        if not rows and not quiet:
            _hint_unknown_parties(store, actor=actor, recipient=recipient, codes_only=True)
    if not quiet and (left["coarse"] or left["undated"]):
        parts = [f"{left['coarse']} dated only to a week, month or year (\"last week\")" if left["coarse"] else "",
                 f"{left['undated']} of articles without a publication date" if left["undated"] else ""]
        click.echo(f"newsevents: {counted(left['coarse'] + left['undated'], 'event')} without a day date not counted"
                   f": {'; '.join(p for p in parts if p)} (see `newsevents dyads --help`)", err=True)
    _write_query(rows, fmt, output, ["period", "actor", "recipient", "events", "mentions", "goldstein_sum",
                                     "goldstein_mean", "verbal_coop", "material_coop", "verbal_conflict",
                                     "material_conflict"], None, {"actor": 20, "recipient": 20})


@main.command()
@click.argument("query", callback=_not_empty)
@db_option
@click.option("--limit", type=LIMIT, default=20, show_default=True, help="At most N articles.")
@common_options(ROW_FORMATS, "table")
def search(query, db_url, limit, fmt, output, quiet):
    """Full-text search over the stored articles (titles and texts), best first.

    QUERY: words (all must occur; "sanctions" also finds "sanction"; AND between them is allowed),
    "quoted phrases", OR, and -word or NOT word to exclude. AND, OR and NOT are operators in
    capitals only ("and" is a word).
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
    from ..export import export_store

    if out_lake:
        if fmt != "parquet":
            raise click.BadParameter("--out writes a Parquet lake: use it with --format parquet", param_hint="--out")
        from ..export.lake import export_lake

        from ..export.lake import check_lake

        try:  # before the database is opened: a folder holding other Parquet files is refused
            check_lake(out_lake)
            with _open_db(db_url) as store:
                n = export_lake(store, out_lake)
        except NewsEventsError as err:
            _fail(err.message, err.exit_code)
        if not quiet:
            click.echo(f"newsevents: {counted(n, 'event row')} written (lake) -> {out_lake}", err=True)
        return
    _check_output(output)
    _check_binary_output(fmt, output)
    store = _open_db(db_url)
    out = _open_out(output, binary=(fmt == "parquet"))
    left: dict = {}
    try:
        with store:
            n = export_store(store, fmt, out, left_out=left)
    finally:
        if out is not sys.stdout:
            out.close()
    if not quiet:
        parts = [f"{left['undated']} dated to no day" if left.get("undated") else "",
                 f"{left['sideless']} with no actor on either side" if left.get("sideless") else ""]
        note = f"; {counted(sum(left.values()), 'event')} left out, as GDELT has no such rows: " \
               + ", ".join(p for p in parts if p) if any(parts) else ""
        click.echo(f"newsevents: {counted(n, 'record')} written ({fmt}){note}", err=True)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
def serve(db_url, host, port):
    """Serve the database read-only: an HTTP API (/api, OpenAPI at /docs) and a dashboard with a map,
    a timeline, the actor network and each article with its evidence highlighted."""
    from ..store import StoreError
    from ..web import serve as run_server

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"newsevents: warning: listening on {host}: the API has no authentication", err=True)
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    try:
        run_server(db_url, host=host, port=port,
                   announce=lambda: click.echo(f"newsevents: serving {db_url} at {url} (Ctrl+C to stop)", err=True))
    except (StoreError, NewsEventsError) as err:
        _fail(err.message)
