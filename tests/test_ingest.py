"""Ingest: many articles into the store, idempotent, crash-safe (kill -9), with workers."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import shared_path
from newsevents.ingest import count_inputs, ingest
from newsevents.sources import ReaderOptions, read_inputs
from newsevents.store import open_store
from test_store import store_url  # noqa: F401  (the two-backend fixture)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "articles.jsonl"


def _read(*paths):
    return read_inputs([str(p) for p in paths], ReaderOptions())


def test_ingest_then_rerun_adds_nothing(store_url, pipeline):  # noqa: F811
    with open_store(store_url) as store:
        stats = ingest(_read(SAMPLES), store, pipeline=pipeline, batch_size=3)
        assert (stats["articles"], stats["stored"], stats["skipped"], stats["errors"]) == (4, 4, 0, 0)
        assert stats["events"] == store.counts()["events"] > 0
        assert stats["quotes"] == store.counts()["quotes"] > 0
        dump = store.canonical_dump()
        again = ingest(_read(SAMPLES), store, pipeline=pipeline, batch_size=3)
        assert (again["articles"], again["stored"], again["skipped"]) == (4, 0, 4)
        assert store.canonical_dump() == dump
        # what is stored is what extract gives
        direct = {a.id: a.model_dump() for a in pipeline.pipe(_read(SAMPLES))}
        assert {a.id: a.model_dump() for a in store.analyses()} == direct


def test_unreadable_articles_go_to_errors_and_the_run_goes_on(tmp_path, pipeline):
    src = tmp_path / "mixed.jsonl"
    src.write_text(
        json.dumps({"id": "ok", "published": "2019-07-01", "text": "Police arrested a man in Paris on Sunday."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "empty", "text": "   "}) + "\n"
        + json.dumps({"id": "ok2", "published": "2019-07-01", "text": "Rebels attacked a village."}) + "\n",
        encoding="utf8")
    failures = []
    with open_store(str(tmp_path / "db.sqlite")) as store:
        stats = ingest(_read(src), store, pipeline=pipeline, batch_size=2, on_error=lambda *f: failures.append(f))
        assert (stats["articles"], stats["stored"], stats["errors"]) == (4, 2, 2)
        assert [(e["article_id"], e["code"]) for e in store.errors()] == [(f"{src}:2", "E021"), ("empty", "E101")]
        assert [f[:2] for f in failures] == [(f"{src}:2", "E021"), ("empty", "E101")]
        assert store.article_ids() == ["ok", "ok2"]


def test_two_workers_give_the_same_database(tmp_path, pipeline):
    one = open_store(str(tmp_path / "one.db"))
    ingest(_read(SAMPLES), one, pipeline=pipeline, batch_size=2)
    two = open_store(str(tmp_path / "two.db"))
    stats = ingest(_read(SAMPLES), two, options=pipeline.options, workers=2, batch_size=1)
    assert stats["stored"] == 4
    assert two.canonical_dump() == one.canonical_dump()
    one.close()
    two.close()


def test_count_inputs(tmp_path):
    assert count_inputs([str(SAMPLES)]) == 4
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "b.html").write_text("<p>Two.</p>")
    (tmp_path / "notes.md").write_text("ignored")
    assert count_inputs([str(tmp_path), str(SAMPLES)]) == 6
    assert count_inputs(["-"]) is None and count_inputs(["https://example.org/feed.xml"]) is None


def _ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "newsevents.cli", "ingest", str(corpus), "--db", str(db), "--batch-size", "3", "-q"]


@pytest.mark.slow
def test_kill_9_at_random_points_then_resume_equals_one_clean_run(tmp_path):
    """SIGKILL an ingest at several seeded random moments, resume, and compare every table."""
    wikinews = shared_path("corpus", "wikinews", "wikinews.jsonl")
    corpus = tmp_path / "corpus.jsonl"
    lines = SAMPLES.read_text(encoding="utf8").splitlines() + wikinews.read_text(encoding="utf8").splitlines()[:8]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    clean_db = tmp_path / "clean.db"
    t0 = time.monotonic()
    subprocess.run(_ingest_cmd(corpus, clean_db), check=True, env=env, cwd=tmp_path, timeout=300)
    clean_seconds = time.monotonic() - t0

    crash_db = tmp_path / "crash.db"
    rng = random.Random(20190630)
    states = []
    for _ in range(3):
        delay = rng.uniform(0.3, 0.95) * clean_seconds
        proc = subprocess.Popen(_ingest_cmd(corpus, crash_db), env=env, cwd=tmp_path,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=delay)
            states.append("finished")
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            states.append("killed")
        if crash_db.exists():
            with open_store(str(crash_db)) as store:
                states[-1] += f" at {store.counts()['articles']} articles"
    assert any(s.startswith("killed") for s in states), states
    subprocess.run(_ingest_cmd(corpus, crash_db), check=True, env=env, cwd=tmp_path, timeout=300)

    with open_store(str(clean_db)) as clean, open_store(str(crash_db)) as resumed:
        assert clean.counts()["articles"] == len(lines)
        assert resumed.canonical_dump() == clean.canonical_dump(), states
        assert [r["article_id"] for r in resumed.search("Trump")] == [r["article_id"] for r in clean.search("Trump")]


def test_wrong_typed_jsonl_line_is_an_error_row_and_good_lines_are_stored(tmp_path, pipeline):
    src = tmp_path / "typed.jsonl"
    src.write_text(json.dumps({"id": "ok", "text": "Police arrested a man in Paris on Sunday."}) + "\n"
                   + json.dumps({"id": "bad", "text": 12345}) + "\n"
                   + json.dumps({"id": "bad2", "title": 7, "text": "Rebels attacked a village."}) + "\n"
                   + json.dumps({"id": "ok2", "text": "Rebels attacked a village."}) + "\n", encoding="utf8")
    with open_store(str(tmp_path / "db.sqlite")) as store:
        stats = ingest(_read(src), store, pipeline=pipeline, batch_size=2)
        assert (stats["stored"], stats["errors"]) == (2, 2)
        assert [(e["article_id"], e["code"]) for e in store.errors()] == [("bad", "E024"), ("bad2", "E024")]
        assert store.article_ids() == ["ok", "ok2"]


def test_pipeline_non_text_input_is_an_article_error(pipeline):
    from newsevents.pipeline import ArticleInput

    out = list(pipeline.pipe([ArticleInput(text=12345, id="n"), ArticleInput(text="Rebels attacked a village.")]))
    assert out[0].error.code == "E199" and out[1].error is None


def test_a_failing_stage_logs_one_line_and_keeps_the_traceback_for_verbose(pipeline, caplog, monkeypatch):
    import logging

    from newsevents.pipeline import ArticleInput

    stage = pipeline.stages[-1]

    def broken(self, ctx):
        raise StopIteration

    monkeypatch.setattr(type(stage), "__call__", broken)
    with caplog.at_level(logging.DEBUG, logger="newsevents"):
        out = list(pipeline.pipe([ArticleInput(text="Rebels attacked a village.", id="n")]))
    assert out[0].error.code == "E199"
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is None, [r.getMessage() for r in errors]
    assert any(r.exc_info for r in caplog.records if r.levelno == logging.DEBUG)  # for -v
