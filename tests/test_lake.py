"""The Parquet lake without Ray: written by the local path, loaded into SQLite, exported back."""
from __future__ import annotations

import pytest

from lake_input import db_tables, lake_table, write_input, write_local_lake


@pytest.fixture(scope="module")
def built(tmp_path_factory, pipeline):
    """(input path, lake from the local path, database from a direct ingest)."""
    from newsevents.ingest import ingest
    from newsevents.sources import read_inputs
    from newsevents.store import open_store

    tmp = tmp_path_factory.mktemp("lake")
    src, lake = write_local_lake(tmp, pipeline)
    with open_store(str(tmp / "direct.db")) as store:
        ingest(read_inputs([str(src)]), store, pipeline=pipeline)
    return src, lake, tmp / "direct.db", tmp


def test_lake_rows_by_kind(built):
    rows = lake_table(built[1])
    kinds = [r["kind"] for r in rows]
    assert kinds.count("article") == 11 and kinds.count("error") == 2 and kinds.count("event") > 10
    ids = {r["article_id"] for r in rows if r["kind"] == "article"}
    assert f"{built[0]}:13" in ids  # the record without an id is named path:line, as ingest names it
    events = [r for r in rows if r["kind"] == "event"]
    assert all(r["date"] and r["event_id"] and r["content_hash"] for r in events)


def test_lake_is_partitioned_by_date(built):
    folders = {p.name for p in built[1].iterdir()}
    assert "date=2021-03-02" in folders and all(f.startswith("date=") for f in folders)


def test_loaded_lake_equals_direct_ingest(built, tmp_path):
    from newsevents.export.lake import load_lake
    from newsevents.store import open_store

    with open_store(str(built[2])) as direct, open_store(str(tmp_path / "loaded.db")) as loaded:
        stats = load_lake(built[1], loaded)
        assert stats["stored"] == 11 and stats["errors"] == 2
        assert db_tables(loaded) == db_tables(direct)
        again = load_lake(built[1], loaded)  # idempotent: everything already stored
        assert again["stored"] == 0 and again["skipped"] == 11
        assert db_tables(loaded) == db_tables(direct)


def test_export_lake_round_trip(built, tmp_path):
    """export --format parquet --out: a database's lake loads into an equal database."""
    from newsevents.export.lake import export_lake, load_lake
    from newsevents.store import open_store

    with open_store(str(built[2])) as direct:
        export_lake(direct, tmp_path / "exported")
        with open_store(str(tmp_path / "back.db")) as back:
            load_lake(tmp_path / "exported", back)
            assert db_tables(back) == db_tables(direct)
    events = [r for r in lake_table(tmp_path / "exported") if r["kind"] == "event"]
    assert events == [r for r in lake_table(built[1]) if r["kind"] == "event"]


def test_ingest_into_existing_lake_skips_stored_texts(built, pipeline):
    from newsevents.export.lake import LakeWriter
    from newsevents.ingest import ingest
    from newsevents.sources import read_inputs

    before = lake_table(built[1])
    with LakeWriter(built[1]) as writer:
        stats = ingest(read_inputs([str(built[0])]), writer, pipeline=pipeline)
    assert stats["skipped"] == 11 and stats["stored"] == 0
    after = lake_table(built[1])
    assert [r for r in after if r["kind"] != "error"] == [r for r in before if r["kind"] != "error"]


def test_cli_load_and_export(built, tmp_path):
    from click.testing import CliRunner

    from newsevents.cli import main

    db = str(tmp_path / "cli.db")
    r = CliRunner().invoke(main, ["load", str(built[1]), "--db", db])
    assert r.exit_code == 1 and "11 stored" in r.output  # 1: the lake holds error rows
    r = CliRunner().invoke(main, ["export", "--db", db, "--format", "parquet", "--out", str(tmp_path / "l2")])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["load", str(tmp_path / "nothing"), "--db", db])
    assert r.exit_code == 2 and "E082" in r.output


def test_cli_ingest_lake_usage_errors(tmp_path):
    from click.testing import CliRunner

    from newsevents.cli import main

    src = write_input(tmp_path)
    r = CliRunner().invoke(main, ["ingest", str(src), "--engine", "ray"])
    assert r.exit_code == 2 and "E083" in r.output
    r = CliRunner().invoke(main, ["ingest", str(src), "--out", str(tmp_path / "l"), "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 2 and "E084" in r.output
    r = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "x.db"), "--format", "csv", "--out", "l"])
    assert r.exit_code == 2
