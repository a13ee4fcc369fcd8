"""The database commands: ingest, events, quotes, dyads, search, export (thin CLI over the store)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents import cli
from newsevents.export.gdelt import GDELT_COLUMNS
from newsevents.store import open_store
from test_store import corpus

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "articles.jsonl"


def run(args, input=None):
    return CliRunner().invoke(cli.main, args, input=input)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "q.db"
    with open_store(str(path)) as store:
        store.add_batch(corpus())
    return str(path)


def test_ingest_command_and_rerun(tmp_path, monkeypatch, pipeline):
    monkeypatch.setattr(cli, "make_pipeline", lambda options: pipeline)
    db = str(tmp_path / "s.db")
    res = run(["ingest", str(SAMPLES), "--db", db, "--batch-size", "2"])
    assert res.exit_code == 0, res.output
    assert "4 articles read, 4 stored, 0 already stored, 0 failed" in res.stderr
    again = run(["ingest", str(SAMPLES), "--db", db])
    assert again.exit_code == 0 and "0 stored, 4 already stored" in again.stderr
    res = run(["events", "--db", db, "--format", "json"])
    assert res.exit_code == 0 and {r["article_id"] for r in json.loads(res.stdout)} >= {"sample-singapore-summit"}


def test_ingest_failure_exits_1_and_records_it(tmp_path, monkeypatch, pipeline):
    monkeypatch.setattr(cli, "make_pipeline", lambda options: pipeline)
    src = tmp_path / "a.jsonl"
    src.write_text('{"id": "1", "published": "2019-07-01", "text": "Police arrested a man in Paris."}\n{oops\n',
                   encoding="utf8")
    db = str(tmp_path / "e.db")
    res = run(["ingest", str(src), "--db", db])
    assert res.exit_code == 1
    assert "E021" in res.stderr and "1 stored" in res.stderr and "1 failed" in res.stderr
    with open_store(db) as store:
        assert [e["code"] for e in store.errors()] == ["E021"]


def test_events_table_and_filters(db):
    res = run(["events", "--db", db, "--actor", "USA", "--recipient", "CHN"])
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert lines[0].split()[:4] == ["date", "event_type", "mode", "actor_codes"]
    assert len(lines) == 3 and "SANCTION" in lines[2] and "sanctioned" in lines[2]
    res = run(["events", "--db", db, "--type", "CONSULT", "--since", "2019-07-02", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["article_id"], r["event_id"], r["negated"]) for r in rows] == [("a3", "V1", "False")]


def test_filters_take_codes_and_types_in_any_case_and_refuse_an_unknown_type(db):
    upper = run(["events", "--db", db, "--actor", "USA", "--type", "SANCTION", "--format", "csv"]).stdout
    lower = run(["events", "--db", db, "--actor", "usa", "--type", "sanction", "--format", "csv"]).stdout
    assert upper == lower and "SANCTION" in upper
    assert run(["dyads", "--db", db, "--actor", "usa"]).stdout == run(["dyads", "--db", db, "--actor", "USA"]).stdout
    res = run(["events", "--db", db, "--type", "FOO"])
    assert res.exit_code == 2 and "unknown PLOVER event type 'FOO'" in res.output


def test_events_csv_columns_are_the_extract_columns_a_stored_mention_has(db):
    """`events --format csv` and `extract/export --format csv` name the same fields alike and in the same
    order; the database's rows lack date_source, actor_sectors, recipient_sectors and reciprocal, and
    add url, cluster_id and num_mentions at the end (docs/database.md says so)."""
    from newsevents.export import EVENT_COLUMNS

    res = run(["events", "--db", db, "--format", "csv"])
    header = next(csv.reader(io.StringIO(res.stdout)))
    shared = [c for c in header if c in EVENT_COLUMNS]
    assert shared == [c for c in EVENT_COLUMNS if c in header]
    assert set(EVENT_COLUMNS) - set(header) == {"date_source", "actor_sectors", "recipient_sectors", "reciprocal"}
    assert header[len(shared):] == ["url", "cluster_id", "num_mentions"]
    exported = next(csv.reader(io.StringIO(run(["export", "--db", db, "--format", "csv"]).stdout)))
    assert exported == EVENT_COLUMNS


def test_events_dedup_rows(db):
    res = run(["events", "--db", db, "--dedup", "--actor", "USA", "--recipient", "PRK", "--format", "ndjson"])
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["date"], r["num_mentions"], r["num_sources"], r["num_articles"]) for r in rows] == [
        ("2019-06-30", 4, 2, 3), ("2019-07-01", 1, 1, 1), ("2019-07-03", 1, 1, 1)]


def test_quotes_by_speaker_csv(db):
    res = run(["quotes", "--db", db, "--speaker", "Donald Trump", "--format", "csv"])
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["content"] for r in rows] == ["It is a great day for the world", "China has been very unfair"]
    assert rows[0]["content_start"] == str(len("United States met North Korea. North Korea accused United States. "
                                               "“"))


def test_dyads_by_month(db):
    res = run(["dyads", "--db", db, "--actor", "USA", "--recipient", "PRK", "--by", "month", "--format", "json"])
    rows = json.loads(res.stdout)
    assert [(r["period"], r["events"], r["mentions"], r["goldstein_sum"]) for r in rows] == [
        ("2019-06", 1, 4, 1.0), ("2019-07", 2, 2, 2.0)]
    table = run(["dyads", "--db", db, "--actor", "USA", "--recipient", "PRK"]).stdout
    assert table.splitlines()[0].split()[:4] == ["period", "actor", "recipient", "events"]


def test_search(db):
    res = run(["search", "sanctions relief", "--db", db])
    assert res.exit_code == 0 and "a1" in res.stdout and "[relief]" in res.stdout.replace("[sanctions]", "")
    res = run(["search", "zebra", "--db", db])
    assert res.stdout.strip() == "(no rows)"


def test_export_formats(db, tmp_path):
    res = run(["export", "--db", db, "--format", "gdelt", "-o", str(tmp_path / "e.tsv")])
    assert res.exit_code == 0 and "5 records written" in res.stderr
    lines = (tmp_path / "e.tsv").read_text(encoding="utf8").splitlines()
    assert len(lines) == 5 and all(len(line.split("\t")) == len(GDELT_COLUMNS) for line in lines)
    for fmt in ("plover", "geojson", "gexf", "csv", "ndjson"):
        res = run(["export", "--db", db, "--format", fmt, "-q"])
        assert res.exit_code == 0 and res.stdout, fmt
    res = run(["export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "e.parquet")])
    import pyarrow.parquet as pq

    assert res.exit_code == 0 and pq.read_table(tmp_path / "e.parquet").num_rows == 9


def test_query_parquet_output(db, tmp_path):
    out = tmp_path / "q.parquet"
    res = run(["quotes", "--db", db, "--format", "parquet", "-o", str(out)])
    import pyarrow.parquet as pq

    assert res.exit_code == 0 and pq.read_table(out).num_rows == 3


def test_user_mistakes_exit_2_with_one_line(db, tmp_path):
    res = run(["events", "--db", str(tmp_path / "missing.db")])  # a failure (1), not a usage error (2)
    assert res.exit_code == 1 and "[E045] No database at" in res.stderr and "Traceback" not in res.output
    assert not (tmp_path / "missing.db").exists()
    assert run(["events", "--db", db, "--since", "July"]).exit_code == 2
    assert run(["dyads", "--db", db, "--by", "week"]).exit_code == 2
    assert run(["export", "--db", db]).exit_code == 2  # --format is required


def test_unreachable_postgres_is_one_line(tmp_path):
    res = run(["events", "--db", "postgresql://nobody:x@127.0.0.1:1/none"])
    assert res.exit_code == 1 and res.stderr.startswith("newsevents: [E040]") and "x@" not in res.stderr


@pytest.mark.parametrize("args", [["events"], ["quotes"], ["dyads"], ["search", "summit"],
                                  ["export", "--format", "gdelt"], ["export", "--format", "parquet"]])
def test_output_into_a_missing_folder_is_one_line_exit_1(db, tmp_path, args):
    res = run(args + ["--db", db, "-o", str(tmp_path / "missing" / "out")])
    assert res.exit_code == 1 and res.stderr.startswith("newsevents: [E050]"), res.output
    assert "Traceback" not in res.output and not (tmp_path / "missing").exists()


QUERIES = [["events"], ["events", "--dedup"], ["quotes", "--contains", "great"], ["dyads"], ["search", "sanctions"],
           ["export", "--format", "gdelt"], ["export", "--format", "ndjson"]]


def test_queries_open_the_database_read_only(db, tmp_path):
    """events, quotes, dyads, search and export used to fail on a read-only database or folder with
    "attempt to write a readonly database". As root chmod doesn't stop writes, so the folder's
    effect is made the way test_store does (the WAL -shm file can't be created), and the file is
    checked byte for byte."""
    import hashlib

    path = Path(db)
    expected = {tuple(q): run(q + ["--db", db]).stdout for q in QUERIES}
    for extra in ("-wal", "-shm"):
        Path(db + extra).unlink(missing_ok=True)
    Path(db + "-shm").symlink_to(tmp_path / "no-such-folder" / "x")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    for q in QUERIES:
        res = run(q + ["--db", db])
        assert res.exit_code == 0 and "Traceback" not in res.output, (q, res.output)
        assert res.stdout == expected[tuple(q)], q
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize("query", QUERIES)
def test_query_on_a_missing_database_creates_nothing(tmp_path, query):
    res = run(query + ["--db", str(tmp_path / "nope.db")])
    assert res.exit_code == 1 and res.stderr.startswith("newsevents: [E045]") and "Traceback" not in res.output
    assert list(tmp_path.iterdir()) == []


def test_ingest_into_an_unwritable_database_fails_before_parsing(db, monkeypatch, tmp_path):
    """Checked when the database is opened: one E046 line, exit 1, the model never loaded."""
    import subprocess

    monkeypatch.setattr(cli, "make_pipeline", lambda options: pytest.fail("parsed before checking the database"))
    for extra in ("-wal", "-shm"):
        Path(db + extra).unlink(missing_ok=True)
    if subprocess.run(["chattr", "+i", db], capture_output=True).returncode:
        pytest.skip("chattr +i not available")
    try:
        res = run(["ingest", str(SAMPLES), "--db", db])
        leftovers = sorted(p.name for p in Path(db).parent.iterdir())
    finally:
        subprocess.run(["chattr", "-i", db], check=False)
    assert res.exit_code == 1 and res.stderr.startswith("newsevents: [E046]") and "Traceback" not in res.output
    assert leftovers == ["q.db"]


def test_contains_and_search_take_wildcard_characters_literally(db):
    res = run(["quotes", "--db", db, "--contains", "%", "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout) == []  # "%" used to match every quote
    res = run(["quotes", "--db", db, "--contains", "great_day", "--format", "json"])
    assert json.loads(res.stdout) == []
    for query in ("100%", "a_b", '"unbalanced', "NEAR(", "--"):
        res = run(["search", "--db", db, "--", query])
        assert res.exit_code == 0 and "Traceback" not in res.output, query


def test_a_filter_no_actor_matches_says_so_on_stderr(db):
    """Trial 8: `events --actor XYZ` printed "(no rows)" with nothing saying that no actor is XYZ. An
    empty answer says which --actor/--recipient value matches no stored code or name (exit 0); one that
    is known but finds no rows says nothing."""
    res = run(["events", "--db", db, "--actor", "XYZ"])
    assert res.exit_code == 0 and res.stdout.strip() == "(no rows)"
    assert res.stderr.startswith("newsevents: no actor code or canonical name in the database matches --actor 'XYZ'")
    res = run(["events", "--db", db, "--actor", "usa", "--recipient", "Atlantis", "--dedup"])
    assert res.exit_code == 0 and "matches --recipient 'Atlantis'" in res.stderr and "--actor" not in res.stderr
    known = run(["events", "--db", db, "--actor", "CHN", "--recipient", "PRK"])
    assert known.stdout.strip() == "(no rows)" and known.stderr == ""
    by_name = run(["events", "--db", db, "--actor", "china", "--type", "ASSAULT"])
    assert by_name.stderr == ""
    res = run(["dyads", "--db", db, "--actor", "XYZ", "-q"])
    assert res.stderr == ""
    res = run(["dyads", "--db", db, "--actor", "XYZ"])
    assert "no actor code in the database matches --actor 'XYZ'" in res.stderr


def test_dyads_limit(db):
    """Trial 8: `dyads --limit` was "No such option" while events, quotes and search take it."""
    every = json.loads(run(["dyads", "--db", db, "--format", "json"]).stdout)
    res = run(["dyads", "--db", db, "--format", "json", "--limit", "2"])
    assert res.exit_code == 0 and len(every) > 2
    assert json.loads(res.stdout) == every[:2]
