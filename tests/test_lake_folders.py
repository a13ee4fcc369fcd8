"""Lake folders as users keep them: exported into twice, holding notes or other Parquet files."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsevents.cli import main

TEXTS = [
    ("a1", "2021-03-02", "Germany and France signed a trade agreement in Berlin on Tuesday."),
    ("a2", "2021-03-05", "Russia expelled two Polish diplomats on Friday. Poland said it would respond."),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline):
    """A database of two articles and one error row (a JSONL line of no object)."""
    from newsevents.ingest import ingest
    from newsevents.sources import read_inputs
    from newsevents.store import open_store

    tmp = tmp_path_factory.mktemp("lakefolders")
    src = tmp / "in.jsonl"
    src.write_text("\n".join([json.dumps({"id": i, "published": d, "text": t}) for i, d, t in TEXTS] + ["[1, 2]"])
                   + "\n", encoding="utf8")
    path = tmp / "db.sqlite"
    with open_store(str(path)) as store:
        ingest(read_inputs([str(src)]), store, pipeline=pipeline)
    return path


def _kinds(lake) -> dict:
    from lake_input import lake_table

    rows = lake_table(lake)
    return {k: sum(r["kind"] == k for r in rows) for k in ("article", "event", "error")}


def test_export_twice_into_one_folder_adds_no_row(db, tmp_path):
    lake = tmp_path / "lake"
    r = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet", "--out", str(lake)])
    assert r.exit_code == 0, r.output
    first = _kinds(lake)
    assert first["article"] == 2 and first["error"] == 1 and first["event"] >= 1
    r = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet", "--out", str(lake)])
    assert r.exit_code == 0, r.output
    assert "0 event rows written" in r.output
    assert _kinds(lake) == first


def test_load_ignores_files_that_are_not_parquet(db, tmp_path):
    lake = tmp_path / "lake"
    CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet", "--out", str(lake)])
    (lake / "notes.md").write_text("# my lake\n", encoding="utf8")
    (lake / "sub").mkdir()
    (lake / "sub" / "README.txt").write_text("notes\n", encoding="utf8")
    r = CliRunner().invoke(main, ["load", str(lake), "--db", str(tmp_path / "l.db")])
    assert r.exit_code == 1 and "2 stored" in r.output and "Traceback" not in r.output  # 1: the error row


@pytest.mark.parametrize("command", ["load", "ingest", "export"])
def test_a_parquet_file_that_is_no_lake_file_is_one_line_and_creates_nothing(db, tmp_path, command):
    import pyarrow as pa
    import pyarrow.parquet as pq

    lake = tmp_path / "lake"
    (lake / "date=2020-01-01").mkdir(parents=True)
    pq.write_table(pa.table({"article_id": ["x"], "event_type": ["CONSULT"]}), lake / "date=2020-01-01" / "x.parquet")
    (lake / "broken.parquet").write_bytes(b"this is not parquet")
    out = tmp_path / "new.db"
    src = tmp_path / "a.txt"
    src.write_text("Germany and France signed a trade agreement in Berlin on Tuesday.", encoding="utf8")
    args = {"load": ["load", str(lake), "--db", str(out)],
            "ingest": ["ingest", str(src), "--out", str(lake)],
            "export": ["export", "--db", str(db), "--format", "parquet", "--out", str(lake)]}[command]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and "[E082]" in lines[0] and ".parquet" in lines[0]
    assert not out.exists()
    assert sorted(p.name for p in lake.rglob("*") if p.is_file()) == ["broken.parquet", "x.parquet"]


def test_a_file_with_no_lake_columns_is_named(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "lk" / "date=2020-01-01").mkdir(parents=True)
    pq.write_table(pa.table({"article_id": ["x"]}), tmp_path / "lk" / "date=2020-01-01" / "x.parquet")
    r = CliRunner().invoke(main, ["load", str(tmp_path / "lk"), "--db", str(tmp_path / "l.db")])
    assert r.exit_code == 2 and "has no 'kind' column" in r.output and "x.parquet" in r.output
    assert not (tmp_path / "l.db").exists()
