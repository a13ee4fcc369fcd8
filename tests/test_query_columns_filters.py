"""Query output a user pairs up and filters a user mistypes: aligned actor columns, empty or
impossible filters, a read-only database left as it was."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import main

TEXT = ("The United States and the European Union imposed sanctions on Russia on Monday. "
        "Singapore, India and Australia signed a trade agreement in Delhi on Tuesday.")


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline):
    from newsevents.ingest import ingest
    from newsevents.sources import read_inputs
    from newsevents.store import open_store

    tmp = tmp_path_factory.mktemp("qcols")
    src = tmp / "in.jsonl"
    src.write_text(json.dumps({"id": "a1", "published": "2021-03-02", "text": TEXT}) + "\n", encoding="utf8")
    with open_store(str(tmp / "q.db")) as store:
        ingest(read_inputs([str(src)]), store, pipeline=pipeline)
    return str(tmp / "q.db")


def _run(args):
    return CliRunner().invoke(main, args)


def test_actor_codes_and_names_line_up_one_entry_per_actor(db, pipeline):
    from newsevents.store import open_readonly

    with open_readonly(db) as store:
        rows = store.events()
        page = store.event_page()["items"]
    multi = [r for r in rows if ";" in r["actor_names"]]
    assert multi, rows
    for r in rows + page:
        for role in ("actor", "recipient"):
            assert len(r[f"{role}_codes"].split(";")) == len(r[f"{role}_names"].split(";")), r
    # the same columns as extract gives them, entry by entry
    analysis = pipeline(TEXT, id="a1")
    from newsevents.export import event_rows

    extracted = {e["event_id"]: e for e in event_rows(analysis)}
    for r in rows:
        e = extracted[r["event_id"]]
        assert (r["actor_codes"], r["actor_names"]) == (e["actor_codes"], e["actor_names"])
        assert (r["recipient_codes"], r["recipient_names"]) == (e["recipient_codes"], e["recipient_names"])


@pytest.mark.parametrize("args", [
    ["events", "--since", "2020-01-01", "--until", "2019-01-01"],
    ["quotes", "--since", "2020-01-01", "--until", "2019-01-01"],
    ["dyads", "--since", "2020-01-01", "--until", "2019-01-01"],
    ["events", "--actor", ""],
    ["events", "--recipient", " "],
    ["quotes", "--speaker", ""],
    ["quotes", "--contains", ""],
])
def test_a_filter_that_can_match_nothing_is_a_usage_error(db, args):
    r = _run(args + ["--db", db])
    assert r.exit_code == 2 and "[E005]" in r.output and len(r.output.strip().splitlines()) == 1


def test_the_same_day_for_since_and_until_is_fine(db):
    r = _run(["events", "--db", db, "--since", "2021-03-02", "--until", "2021-03-02", "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout)


def test_queries_on_a_write_protected_database_leave_no_wal_files(db, tmp_path):
    import shutil

    copy = tmp_path / "s.db"
    shutil.copy(db, copy)
    if subprocess.run(["chattr", "+i", str(copy)], capture_output=True).returncode:
        pytest.skip("chattr +i not available")
    try:
        for args in (["events"], ["quotes"], ["search", "sanctions"], ["export", "--format", "csv"]):
            r = _run(args + ["--db", str(copy)])
            assert r.exit_code == 0, r.output
        left = sorted(p.name for p in Path(tmp_path).iterdir())
    finally:
        subprocess.run(["chattr", "-i", str(copy)], check=False)
    assert left == ["s.db"]
