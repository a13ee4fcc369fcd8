"""Faults during ingest: a full disk, a database server restarted or gone (the hardening issue).

A full disk ends the run with one coded line (E047), the batches committed before intact and the
same command resuming. A lost PostgreSQL connection is retried (reconnect, write the batch again);
when the server stays away the run stops with E048 and resumes without loss. Killing ``ingest``
with SIGKILL at random points is ``benchmarks/faults.py`` (minutes; numbers in the README).

The PostgreSQL tests restart a real server: they need ``NEWSEVENTS_TEST_PG`` pointing at a local
cluster that ``pg_ctlcluster`` manages, and root; else they skip with the reason.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import uuid

import pytest
from click.testing import CliRunner

from newsevents import cli
from newsevents.ingest import ingest
from newsevents.pipeline import ArticleInput
from newsevents.store import StoreError, open_store
from newsevents.store.sqlite import SQLiteStore
from test_store import _with_schema, make_analysis, meeting, postgres_url_or_skip

VERBS = ("met", "visited", "called", "praised")


def _articles(n: int, words: int = 400) -> list:
    """n analyses built by hand (no model), each with a distinct text of about ``words`` words."""
    return [make_analysis(f"a{i:03d}", [meeting(f"2019-07-{1 + i % 28:02d}", verb=VERBS[i % 4])],
                          extra_text=" ".join(f"w{i}x{j}" for j in range(words))) for i in range(n)]


class Replay:
    """A stand-in for the Pipeline: returns the prepared analysis of each input id (no model)."""

    def __init__(self, analyses, on_batch=None):
        from newsevents.pipeline import Options

        self.options = Options()
        self.by_id = {a.id: a for a in analyses}
        self.batches = 0
        self.on_batch = on_batch

    def pipe(self, batch):
        self.batches += 1
        if self.on_batch:
            self.on_batch(self.batches)
        return [self.by_id[a.id].model_copy(deep=True) for a in batch]


def _inputs(analyses):
    return [ArticleInput(text=a.text, id=a.id) for a in analyses]


def _summary(store) -> dict:
    """Rows per table, the stored articles and every event with its cluster: the same in both backends."""
    return {"counts": store.counts(),
            "articles": sorted((r["id"], r["content_hash"]) for r in store._rows("SELECT id, content_hash FROM articles")),
            "events": sorted((r["article_id"], r["id"], r["event_type"], r["date"], r["cluster_id"]) for r in
                             store._rows("SELECT article_id, id, event_type, date, cluster_id FROM events"))}


def _dump(store) -> dict:
    """Every row of every table, sorted (what a clean run and a resumed one must share)."""
    from newsevents.store.schema import TABLES

    out = {}
    for table in TABLES:
        if table == "meta":
            continue
        rows = [tuple(sorted((k, str(v)) for k, v in r.items() if k not in ("tsv", "created_at", "ingested_at")))
                for r in store._rows(f"SELECT * FROM {table}")]
        out[table] = sorted(rows)
    return out


# -- a full disk ----------------------------------------------------------------------------------
def _limit_pages(monkeypatch, extra_pages: int) -> None:
    """Every writing SQLite connection gets ``max_page_count`` = its pages + ``extra_pages``: the disk
    is full after that many more pages (SQLITE_FULL, as on a full file system)."""
    connect = SQLiteStore._connect

    def limited(self):
        connect(self)
        if not self.readonly:
            pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
            self.conn.execute(f"PRAGMA max_page_count = {max(pages, 40) + extra_pages}")

    monkeypatch.setattr(SQLiteStore, "_connect", limited)


def test_disk_full_is_E047_and_the_committed_batches_stay(tmp_path, monkeypatch):
    analyses = _articles(40)
    _limit_pages(monkeypatch, 30)
    path = str(tmp_path / "full.db")
    with open_store(path) as store:
        with pytest.raises(StoreError) as err:
            ingest(_inputs(analyses), store, pipeline=Replay(analyses), batch_size=4)
    assert err.value.code == "E047" and "run the same command again" in err.value.message
    with open_store(path, readonly=True) as store:
        stored = store.article_ids()
        assert 0 < len(stored) < 40 and len(stored) % 4 == 0  # whole batches only
        assert store.counts()["events"] == len(stored)
    monkeypatch.undo()  # space again: the same run resumes and ends like a clean one
    with open_store(path) as store:
        stats = ingest(_inputs(analyses), store, pipeline=Replay(analyses), batch_size=4)
        assert stats["skipped"] == len(stored) and stats["stored"] == 40 - len(stored)
        resumed = _dump(store)
    with open_store(str(tmp_path / "clean.db")) as store:
        ingest(_inputs(analyses), store, pipeline=Replay(analyses), batch_size=4)
        assert _dump(store) == resumed


def test_ingest_on_a_full_disk_is_one_line_exit_1(tmp_path, monkeypatch):
    analyses = _articles(40)
    monkeypatch.setattr(cli, "make_pipeline", lambda options: Replay(analyses))
    _limit_pages(monkeypatch, 30)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": a.id, "text": a.text}) + "\n" for a in analyses))
    result = CliRunner().invoke(cli.main, ["ingest", str(src), "--db", str(tmp_path / "t.db"), "--batch-size", "4"])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "[E047]" in lines[0] and "Traceback" not in result.output


def test_a_small_file_system_fills_up_with_E047(tmp_path):
    """The same on a real full file system: a 1 MB tmpfs (root only; skips where mount is refused)."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)],
                                           capture_output=True).returncode:
        pytest.skip("mounting a small tmpfs needs root and mount")
    try:
        analyses = _articles(60)
        path = str(mnt / "t.db")
        with open_store(path) as store:
            with pytest.raises(StoreError) as err:
                ingest(_inputs(analyses), store, pipeline=Replay(analyses), batch_size=4)
        assert err.value.code == "E047", err.value.message
        for suffix in ("", "-wal", "-shm"):  # what was committed: in the file and its write-ahead log
            if os.path.exists(path + suffix):
                shutil.copy(path + suffix, str(tmp_path / "copy.db") + suffix)
        conn = sqlite3.connect(tmp_path / "copy.db")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert 0 < n < 60 and n % 4 == 0
        conn.close()
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


# -- PostgreSQL restarted or gone -----------------------------------------------------------------------
def _cluster():
    """(version, name) of the local cluster serving NEWSEVENTS_TEST_PG, or skip."""
    url = postgres_url_or_skip()
    if os.geteuid() != 0 or not shutil.which("pg_lsclusters") or not shutil.which("pg_ctlcluster"):
        pytest.skip("restarting PostgreSQL needs root and pg_ctlcluster (Debian's postgresql-common)")
    from urllib.parse import urlparse

    port = str(urlparse(url).port or 5432)
    for line in subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout.splitlines():
        fields = line.split()
        if len(fields) >= 4 and fields[2] == port and fields[3] == "online":
            return url, fields[0], fields[1]
    pytest.skip(f"no online local cluster on port {port} to restart")


@pytest.fixture
def pg_url():
    import psycopg

    base, version, name = _cluster()
    schema = "f_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield _with_schema(base, schema), (version, name)
    subprocess.run(["pg_ctlcluster", version, name, "start"], capture_output=True)
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _pg(action: str, cluster) -> None:
    subprocess.run(["pg_ctlcluster", *cluster, action, *(["-m", "fast"] if action != "start" else [])],
                   check=True, capture_output=True)


def test_postgres_restarted_during_ingest_the_run_reconnects_and_completes(pg_url, tmp_path):
    url, cluster = pg_url
    analyses = _articles(24, words=50)
    replay = Replay(analyses, on_batch=lambda n: n == 3 and _pg("restart", cluster))
    with open_store(url) as store:
        stats = ingest(_inputs(analyses), store, pipeline=replay, batch_size=4)
        assert stats["stored"] == 24 and stats["errors"] == 0
        restarted = _summary(store)
    with open_store(str(tmp_path / "clean.db")) as clean:
        ingest(_inputs(analyses), clean, pipeline=Replay(analyses), batch_size=4)
        assert restarted == _summary(clean)


def test_postgres_gone_stops_with_E048_and_the_rerun_resumes_without_loss(pg_url, monkeypatch, tmp_path):
    url, cluster = pg_url
    monkeypatch.setattr("newsevents.ingest.RECONNECT_WAITS", (0.2, 0.2))
    analyses = _articles(24, words=50)
    replay = Replay(analyses, on_batch=lambda n: n == 3 and _pg("stop", cluster))
    store = open_store(url)
    with pytest.raises(StoreError) as err:
        ingest(_inputs(analyses), store, pipeline=replay, batch_size=4)
    store.close()
    assert err.value.code == "E048" and "run the same command again" in err.value.message
    assert "0.4 s" in err.value.message
    _pg("start", cluster)
    with open_store(url) as store:
        assert len(store.article_ids()) == 8  # the two batches before the server went
        stats = ingest(_inputs(analyses), store, pipeline=Replay(analyses), batch_size=4)
        assert stats["skipped"] == 8 and stats["stored"] == 16
        resumed = _summary(store)
    with open_store(str(tmp_path / "clean.db")) as clean:
        ingest(_inputs(analyses), clean, pipeline=Replay(analyses), batch_size=4)
        assert resumed == _summary(clean)
