"""Failures of the database and of the output are one coded line, never a traceback (new-user trial 7,
hostile input): a damaged SQLite file (E051; the API answers 503), an output on a full disk (E052),
a Parquet lake on a full disk (E085, the lake stays readable and the run resumes)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsevents import cli
from test_cli_undated import _undated_db, run
from test_store import make_analysis
from newsevents.store import open_store


# -- a damaged database --------------------------------------------------------------------------

def _damaged_db(tmp_path: Path) -> Path:
    """A database whose tables' root pages are damaged: it opens (schema and meta intact), and
    fails in the middle of a query."""
    import sqlite3

    db = tmp_path / "d.db"
    with open_store(str(db)) as store:
        store.add_batch([make_analysis(f"a{i}", [{"type": "CONSULT", "actors": ["USA"], "recipients": ["PRK"],
                                                  "date": f"2019-06-{i % 28 + 1:02d}"}], extra_text="x " * 3000 + str(i))
                         for i in range(40)])
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode=DELETE")
    size = con.execute("PRAGMA page_size").fetchone()[0]
    roots = [r for (r,) in con.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name IN "
                                       "('events', 'event_clusters', 'quotes', 'articles', 'event_actors')")]
    con.close()
    data = bytearray(db.read_bytes())
    for n in roots:  # the root pages of the tables read: the schema and the meta table stay intact
        start = (n - 1) * size
        data[start:start + 64] = b"\xff" * 64
    db.write_bytes(bytes(data))
    return db


def test_a_damaged_database_is_one_coded_line_not_a_traceback(tmp_path):
    """A database whose pages past the schema are damaged opened fine and failed in the middle of
    the query with an sqlite3.DatabaseError traceback: now E051, exit 1."""
    db = _damaged_db(tmp_path)
    for args in (["events"], ["events", "--dedup"], ["dyads"], ["export", "--format", "gdelt"],
                 ["export", "--format", "ndjson"]):
        res = run([*args, "--db", str(db)])
        assert "Traceback" not in res.output and res.exit_code == 1, (args, res.output)
        [line] = res.stderr.splitlines()
        assert line.startswith(f"newsevents: [E051] Reading the database {db} failed (database disk image is "
                               "malformed)"), (args, line)


# -- an output that can't be written --------------------------------------------------------------

FULL = Path("/dev/full")


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux), a device that is always full")
def test_a_full_disk_on_the_output_is_one_coded_line(tmp_path):
    """`-o` on a full disk was an OSError traceback (events, dyads, search, export), and `evaluate -o`
    exited 0 with the scores lost (its file was never closed)."""
    import subprocess
    import sys

    db = _undated_db(tmp_path / "u.db")
    for args in (["events"], ["dyads", "-q"], ["search", "struck"], ["export", "--format", "gdelt", "-q"],
                 ["export", "--format", "parquet"], ["schema"]):
        res = run([*args, "-o", str(FULL)] + (["--db", db] if args[0] != "schema" else []))
        assert "Traceback" not in res.output and res.exit_code == 1, (args, res.output)
        assert res.stderr.splitlines()[-1] == (
            "newsevents: [E052] Writing /dev/full failed: No space left on device. What was written before is "
            "incomplete: free space on its disk (or pass another -o) and run the command again."), args
    with open(FULL, "w") as full:  # stdout on a full disk: the same line, no "Exception ignored" at exit
        proc = subprocess.run([sys.executable, "-m", "newsevents", "schema"], stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr == ("newsevents: [E052] Writing stdout failed: No space left on device. What was written "
                           "before is incomplete: free space on its disk (or pass another -o) and run the command "
                           "again.\n")


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")
def test_evaluate_into_a_full_disk_fails(monkeypatch, pipeline):
    monkeypatch.setattr(cli, "make_pipeline", lambda options: pipeline)
    res = run(["evaluate", "seed", "-q", "-o", str(FULL)])
    assert res.exit_code == 1 and res.stderr.startswith("newsevents: [E052] Writing /dev/full failed")


def test_a_lake_write_failing_removes_its_file_and_is_E085(tmp_path, monkeypatch):
    """`ingest --out LAKE` on a full disk was a pyarrow OSError traceback, and left a truncated
    .parquet file that made the lake unreadable (E082) for the re-run."""
    import errno

    import newsevents.export.lake as lake
    from newsevents.errors import NewsEventsError

    real = lake.write_table
    path = tmp_path / "lake"
    with lake.LakeWriter(path) as writer:  # a first file, whole
        writer.add_batch([make_analysis("a1", [{"type": "CONSULT", "actors": ["USA"], "recipients": ["PRK"],
                                                 "date": "2019-06-30"}])])

    def full(table, where, basename):
        part = Path(where) / "date=2019-07-01"
        part.mkdir(parents=True, exist_ok=True)
        (part / f"{basename}-0.parquet").write_bytes(b"PAR1 truncated")
        raise OSError(errno.ENOSPC, "Error writing bytes to file. Detail: [errno 28] No space left on device")

    before = set(path.rglob("*.parquet"))
    monkeypatch.setattr(lake, "write_table", full)
    writer = lake.LakeWriter(path)
    writer.add_batch([make_analysis("a2", [{"type": "CONSULT", "actors": ["USA"], "recipients": ["CHN"],
                                            "date": "2019-07-01"}], extra_text="Another text.")])
    with pytest.raises(NewsEventsError) as err:
        writer.close()
    assert err.value.code == "E085" and "No space left on device" in err.value.message
    writer.close()  # the buffer was dropped: nothing is written twice, no second error
    assert set(path.rglob("*.parquet")) == before  # the truncated file is gone
    assert [i for ids in lake.lake_articles(path).values() for i, _ in ids] == ["a1"]  # readable: the re-run goes on
    monkeypatch.setattr(lake, "write_table", real)
    with lake.LakeWriter(path) as again:
        counts = again.add_batch([make_analysis("a2", [{"type": "CONSULT", "actors": ["USA"], "recipients": ["CHN"],
                                                         "date": "2019-07-01"}], extra_text="Another text.")])
    assert counts["stored"] == 1
    assert sorted(i for ids in lake.lake_articles(path).values() for i, _ in ids) == ["a1", "a2"]


def test_the_api_on_a_damaged_database_answers_503_with_the_line(tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsevents.web import create_app

    db = _damaged_db(tmp_path)
    with TestClient(create_app(str(db)), raise_server_exceptions=False) as client:
        for url in ("/api/events", "/api/dyads", "/api/network", "/api/events?format=csv"):
            r = client.get(url)
            assert r.status_code == 503 and r.json()["detail"].startswith(
                f"[E051] Reading the database {db} failed (database disk image is malformed)"), (url, r.text)
