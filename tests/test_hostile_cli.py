"""Hostile inputs through the command line (the hardening issue): researchers feed half-broken crawler
output. One bad record never costs the rest of the run, no command answers with a Python traceback,
and the exit code says what happened (0 ok, 1 some record or the database failed, 2 usage)."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsevents import cli
from newsevents.store import open_store
from test_query_cli import db, run  # noqa: F401  (db is a fixture: the query tests' small database)

ROOT = Path(__file__).resolve().parents[1]
GOOD = {"id": "good", "published": "2019-07-01", "text": "Police arrested 20 protesters in Hong Kong on Sunday."}
GOOD2 = {"id": "good2", "published": "2019-07-01", "text": "Rebels attacked a village near Goma on Monday."}


@pytest.fixture(autouse=True)
def _reuse_pipeline(monkeypatch, pipeline):
    monkeypatch.setattr(cli, "make_pipeline", lambda options: pipeline)


def _lines(*records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


def _files(tmp_path: Path) -> dict:
    f = {
        "typed.jsonl": _lines(GOOD, {"id": "t", "text": 12345}, {"id": "t2", "title": 7, "text": "x y"}, GOOD2),
        "utf8.jsonl": _lines(GOOD, b'{"id": "bad", "text": "\xff\xfe"}', GOOD2),
        "binary.txt": bytes(range(256)) * 64,
        "binary.jsonl": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16,
        "empty.txt": b"",
        "empty.jsonl": b"",
        "deep.jsonl": _lines(b"[" * 50_000, GOOD),
    }
    for name, data in f.items():
        (tmp_path / name).write_bytes(data)
    return {name: str(tmp_path / name) for name in f}


# (name, args with {placeholders}, stdin, expected exit code, ids that must be stored by ingest)
CASES = [
    ("wrong-typed JSONL", ["{typed.jsonl}"], None, 1, {"good", "good2"}),
    ("invalid UTF-8 JSONL file", ["{utf8.jsonl}"], None, 1, {"good", "good2"}),
    ("invalid UTF-8 JSONL stdin", ["-", "--input-format", "jsonl"],
     _lines(GOOD, b'{"id": "bad", "text": "\xff"}', GOOD2), 1, {"good", "good2"}),
    ("binary text file", ["{binary.txt}"], None, 1, set()),
    ("binary JSONL file", ["{binary.jsonl}"], None, 1, set()),
    ("empty text file", ["{empty.txt}"], None, 1, set()),
    ("empty JSONL file", ["{empty.jsonl}"], None, 0, set()),
    ("JSONL nested too deeply", ["{deep.jsonl}"], None, 1, {"good"}),
    ("missing file", ["{tmp}/no-such-file.jsonl"], None, 2, None),
    ("missing file after a good one", ["{typed.jsonl}", "{tmp}/no-such-file.jsonl"], None, 2, None),
    ("--published empty", ["-", "--published", ""], b"Police arrested a man.", 2, None),
    ("--published not a date", ["-", "--published", "July 1st"], b"Police arrested a man.", 2, None),
    ("--max-chars above spaCy's limit", ["-", "--max-chars", "2000000"], b"Police arrested a man in Paris.", 0,
     {"stdin-" + hashlib.sha1(b"Police arrested a man in Paris.").hexdigest()[:12]}),
]


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("name,args,stdin,code,stored", CASES, ids=[c[0] for c in CASES])
def test_hostile_inputs(tmp_path, command, name, args, stdin, code, stored):
    files = {"{" + name + "}": path for name, path in _files(tmp_path).items()}
    files["{tmp}"] = str(tmp_path)
    args = [files.get(a, a.replace("{tmp}", str(tmp_path))) for a in args]
    dbpath = tmp_path / "out" / "events.db"
    dbpath.parent.mkdir()  # --db creates the file, not its folder (E040)
    extra = ["--db", str(dbpath)] if command == "ingest" else ["--format", "ndjson"]
    res = run([command, *args, *extra], input=stdin)
    assert "Traceback" not in res.output and "Traceback" not in res.stderr, res.stderr
    assert res.exit_code == code, (res.exit_code, res.stderr)
    if code == 2:
        assert res.stdout == "" and not dbpath.exists()  # nothing printed, no empty database
        assert res.stderr.startswith("newsevents: [E") and res.stderr.count("\n") == 1
        return
    if command == "extract":
        ok = {json.loads(line)["id"] for line in res.stdout.splitlines() if not json.loads(line)["error"]}
    else:
        with open_store(str(dbpath), readonly=True) as store:
            ok = set(store.article_ids())
            failed = {e["article_id"] for e in store.errors()}
        assert bool(failed) == (code == 1)  # every failure the user was told about is in the table
    assert ok == stored


@pytest.mark.parametrize("args,code", [
    (["events", "--limit", "1e20"], 2),
    (["events", "--limit", str(10 ** 20)], 2),
    (["quotes", "--limit", "-1"], 2),
    (["search", "--limit", "1e20", "x"], 2),
    (["events", "-o", "{tmp}/missing/folder/out.csv"], 1),
    (["export", "--format", "csv", "-o", "{tmp}/missing/out.csv"], 1),
    (["events", "--db", "{tmp}/missing.db"], 1),
    (["quotes", "--contains", "%"], 0),
    (["search", "--", "-word"], 0),
    (["search", "100%_ OR \"unbalanced"], 0),
    (["export"], 2),  # --format missing: click lists the choices on several lines; we print one
    (["dyads", "--by", "week"], 2),
    (["search", ""], 2),  # was "(no rows)", exit 0, where an empty --actor is a usage error
    (["search", "   "], 2),
    (["events", "--since", ""], 2),
])
def test_hostile_query_arguments(db, tmp_path, args, code):
    args = [a.format(tmp=tmp_path) for a in args]
    if "--db" not in args:
        args = [args[0], "--db", db, *args[1:]]
    res = run(args)
    assert "Traceback" not in res.output and res.exit_code == code, res.output
    if code:
        assert res.stderr.startswith("newsevents: [E") and res.stderr.count("\n") == 1
    assert not (tmp_path / "missing").exists() and not (tmp_path / "missing.db").exists()


@pytest.mark.parametrize("command", ["ingest", "load", "watch"])
def test_db_in_a_missing_folder_is_refused_as_output_is(tmp_path, command):
    """`--db missing/dir/x.db` created the folders while `-o missing/dir/x.csv` was E050: now both refuse
    (exit 1, one line naming the folder, nothing created), before any input is read."""
    (tmp_path / "lake").mkdir()
    (tmp_path / "lake" / "x.parquet").write_bytes(b"")
    (tmp_path / "feeds.txt").write_text("https://example.org/feed.xml\n")
    inputs = {"ingest": str(ROOT / "samples" / "articles.jsonl"), "load": str(tmp_path / "lake"),
              "watch": str(tmp_path / "feeds.txt")}
    for db in (tmp_path / "missing" / "dir" / "x.db", "sqlite://" + str(tmp_path / "missing" / "x.db")):
        res = run([command, inputs[command], "--db", str(db)] + (["--once"] if command == "watch" else []))
        assert res.exit_code == 1 and "Traceback" not in res.output, res.output
        assert res.stderr.startswith("newsevents: [E040]") and res.stderr.count("\n") == 1
        assert f"no such folder {tmp_path / 'missing'}" in res.stderr
        assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("db,says", [
    ("", "names no database"),
    ("mysql://user@host/news", "is not a database this newsevents opens"),
    ("{tmp}", "is a folder: pass a database file"),
])
@pytest.mark.parametrize("command", ["ingest", "events", "serve"])
def test_db_that_names_no_database_is_a_usage_error(tmp_path, monkeypatch, command, db, says):
    """An empty --db, another kind of URL (mysql://, which made a folder "mysql:" and a file) or a folder
    (E046 "read-only (Is a directory)" for ingest) is one line, exit 2, nothing created."""
    monkeypatch.chdir(tmp_path)
    args = [command] + ([str(ROOT / "samples" / "articles.jsonl")] if command == "ingest" else [])
    res = run(args + ["--db", db.format(tmp=tmp_path)])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    assert res.stderr.startswith("newsevents: [E005] Invalid value for '--db'") and says in res.stderr
    assert list(tmp_path.iterdir()) == []


def test_queries_on_a_read_only_database_and_folder(db, tmp_path):
    """chmod 444 file in a chmod 555 folder, made so for root too (chattr +i); skips without chattr."""
    for extra in ("-wal", "-shm"):
        Path(db + extra).unlink(missing_ok=True)
    folder = Path(db).parent
    locked = []
    try:
        for path in (db, str(folder)):
            if subprocess.run(["chattr", "+i", path], capture_output=True).returncode:
                pytest.skip("chattr +i not available")
            locked.append(path)
        for args in (["events"], ["quotes"], ["dyads"], ["search", "sanctions"], ["export", "--format", "gdelt"]):
            res = run(args + ["--db", db])
            assert res.exit_code == 0 and "Traceback" not in res.output and res.stdout, (args, res.output)
        res = run(["ingest", str(ROOT / "samples" / "articles.jsonl"), "--db", db])
        assert res.exit_code == 1 and res.stderr.startswith("newsevents: [E046]")
    finally:
        for path in reversed(locked):
            subprocess.run(["chattr", "-i", path], check=False)


def test_output_into_a_closed_pipe_ends_quietly(db):
    """`newsevents events | head` used to end in a BrokenPipeError traceback."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for args in (["events", "--db", db], ["schema"], ["export", "--db", db, "--format", "ndjson"]):
        proc = subprocess.Popen([sys.executable, "-m", "newsevents.cli", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, cwd=str(ROOT))
        proc.stdout.close()  # the reader is gone before the first line
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=120) == 0 and "Traceback" not in err and "Broken" not in err, (args, err)


def test_library_log_lines_stay_off_stderr_unless_verbose(monkeypatch):
    """trafilatura's "discarding data" and charset detection's lines reached stderr in every run."""
    import logging

    real = cli.run_extract

    def noisy(*args, **kwargs):
        logging.getLogger("trafilatura.core").warning("discarding data: None")
        logging.getLogger("charset_normalizer").warning("encoding guessed")
        logging.getLogger("newsevents.sources").warning("our own warning")
        return real(*args, **kwargs)

    monkeypatch.setattr(cli, "run_extract", noisy)
    quiet = run(["extract", "-", "-q"], input="Police arrested a man in Paris.")
    loud = run(["-v", "extract", "-", "-q"], input="Police arrested a man in Paris.")
    assert quiet.exit_code == 0 and "discarding data" not in quiet.stderr and "encoding guessed" not in quiet.stderr
    assert "our own warning" in quiet.stderr
    assert "discarding data" in loud.stderr and "encoding guessed" in loud.stderr


def test_evaluate_message_has_one_period(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSEVENTS_SHARED", str(tmp_path / "nowhere"))
    res = run(["evaluate", "tempeval3"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert ".. " not in res.stderr and not res.stderr.rstrip().endswith("..") and res.stderr.count("\n") == 1


def test_ingest_stops_a_pathological_article_at_the_time_limit(tmp_path, monkeypatch, nlp):
    """`--article-seconds`: an article whose parse takes too long (made 120 s slower here, so the test
    does not depend on the machine's speed) is E106 in the errors table, the articles around it are
    stored, exit 1, no traceback."""
    from slowparse import SlowParse
    from newsevents.pipeline import Pipeline

    slow = {"id": "slow", "published": "2019-07-01", "text": "Rebels met the minister in Kabul. SLOWPARSE"}
    (tmp_path / "in.jsonl").write_bytes(_lines(GOOD, slow, GOOD2))
    built = []

    def make(options):
        built.append(options.article_seconds)
        p = Pipeline(options, nlp=SlowParse(nlp))
        p(GOOD["text"])  # the stages' first-use loading is not what this test times
        return p

    monkeypatch.setattr(cli, "make_pipeline", make)
    db = str(tmp_path / "t.db")
    result = run(["ingest", str(tmp_path / "in.jsonl"), "--db", db, "--article-seconds", "0.8"])
    assert built == [0.8]
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "[E106]" in result.output
    with open_store(db, readonly=True) as store:
        assert [(e["article_id"], e["code"]) for e in store.errors()] == [("slow", "E106")]
        assert sorted(store.article_ids()) == ["good", "good2"]


def test_serve_on_a_port_in_use_is_one_error_and_exit_1(db):  # noqa: F811
    """A port another program holds: one E062 line, exit 1, and no 'serving ... at' announcement
    (uvicorn alone logged its own error and exited 3 after the address had been announced)."""
    import socket

    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen(1)
    try:
        port = holder.getsockname()[1]
        res = run(["serve", "--db", db, "--port", str(port)])
    finally:
        holder.close()
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "[E062]" in res.stderr and f"port {port}" in res.stderr and "serving" not in res.stderr


def test_evaluate_unknown_set_is_a_coded_usage_error():
    res = run(["evaluate", "nosuchset"])
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert res.stderr.startswith("newsevents: [E006] Unknown gold set 'nosuchset'") and res.stderr.count("\n") == 1


def test_bad_publication_date_in_jsonl_names_its_file_and_line(tmp_path):
    """E023 in a JSONL record says where, as E021 and E024 do; the other records go on."""
    path = tmp_path / "in.jsonl"
    path.write_bytes(_lines(GOOD, dict(GOOD2, published="not a date")))
    res = run(["extract", str(path), "--format", "ndjson"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert f"[E023] Input {path}, line 2: Invalid publication date 'not a date'" in res.stderr
    assert '"id": "good"' in res.stdout or '"id":"good"' in res.stdout


def test_unreadable_input_is_refused_before_any_work(tmp_path, monkeypatch):
    """An input file the user can't read was E020 only when reached: the inputs before it were processed
    and written, then the run stopped. Now, as a missing file, one line and exit 2 before anything.
    (Tests run as root, who reads any file: os.access is made to say no.)"""
    good, locked = tmp_path / "good.txt", tmp_path / "locked.txt"
    good.write_text(GOOD["text"], encoding="utf8")
    locked.write_text(GOOD2["text"], encoding="utf8")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: Path(p) != locked and real(p, mode, **kw))
    db = tmp_path / "t.db"
    for args in (["extract", str(good), str(locked)], ["ingest", str(good), str(locked), "--db", str(db)]):
        res = run(args)
        assert res.exit_code == 2 and "Traceback" not in res.output, res.output
        assert res.stdout == "" and res.stderr == f"newsevents: [E020] Can't read input {locked}: permission denied.\n"
    assert not db.exists()


def test_unreadable_file_in_a_folder_is_its_error_row_and_the_walk_goes_on(tmp_path, monkeypatch):
    import newsevents.sources as sources

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("a.txt", GOOD["text"]), ("b.txt", "x"), ("c.txt", GOOD2["text"])):
        (folder / name).write_text(text, encoding="utf8")
    real = sources._head

    def head(p, *args, **kwargs):
        if Path(p).name == "b.txt":
            raise PermissionError(13, "Permission denied")
        return real(p, *args, **kwargs)

    monkeypatch.setattr(sources, "_head", head)
    res = run(["extract", str(folder), "--published", "2019-07-01", "--format", "ndjson"])
    assert res.exit_code == 1 and "Traceback" not in res.output, res.output
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(o["id"], o["error"]["code"] if o["error"] else None) for o in out] == [
        ("a", None), (str(folder / "b.txt"), "E020"), ("c", None)]
    assert "Permission denied" in res.stderr


def test_empty_folder_says_no_article_was_read(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.doc").write_text("not an input format", encoding="utf8")
    res = run(["extract", str(tmp_path / "in")])
    assert res.exit_code == 0 and res.stdout.strip() == "[]"
    assert f"warning: no article was read from {tmp_path / 'in'}" in res.stderr and ".jsonl" in res.stderr
    assert "warning" not in run(["extract", str(tmp_path / "in"), "-q"]).stderr


def test_parquet_into_a_terminal_is_a_usage_error(db, tmp_path):
    """Binary Parquet on a terminal is garbage on the screen: exit 2 with a hint; to a file or a pipe it works."""
    import pty

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    master, slave = pty.openpty()
    try:
        for args in (["events", "--db", db, "--format", "parquet"], ["export", "--db", db, "--format", "parquet"]):
            proc = subprocess.run([sys.executable, "-m", "newsevents", *args], stdout=slave, stderr=subprocess.PIPE,
                                  env=env, cwd=str(ROOT), timeout=120)
            err = proc.stderr.decode()
            assert proc.returncode == 2 and "Traceback" not in err, err
            assert err.startswith("newsevents: [E005] Invalid value for --format: parquet is a binary format")
    finally:
        os.close(master)
        os.close(slave)
    res = run(["events", "--db", db, "--format", "parquet", "-o", str(tmp_path / "e.parquet")])
    assert res.exit_code == 0 and (tmp_path / "e.parquet").stat().st_size > 0


@pytest.mark.parametrize("args,says", [
    (["extract", "-", "--max-record-mb", "nan"], "'nan' is not a finite number"),  # was a ValueError traceback
    (["extract", "-", "--article-seconds", "inf"], "'inf' is not a finite number"),  # was E199 on every article
    (["extract", "-", "--batch-size", str(10 ** 20)], "not in the range 1<=x<=1000000"),  # was E199 on every article
    (["ingest", "-", "--db", "{tmp}/t.db", "--dedup-window", "99999"], "not in the range 0<=x<=3650"),  # traceback
    (["watch", "{tmp}/feeds.txt", "--db", "{tmp}/t.db", "--timeout", "nan"], "'nan' is not a finite number"),
    (["events", "--db", "sqlite:"], "names no database file"),
])
def test_out_of_range_numbers_and_urls_are_usage_errors(tmp_path, args, says):
    (tmp_path / "feeds.txt").write_text("https://example.org/feed.xml\n")
    res = run([a.replace("{tmp}", str(tmp_path)) for a in args], input=GOOD["text"])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    assert res.stderr.startswith("newsevents: [E005]") and says in res.stderr and res.stderr.count("\n") == 1
    assert not (tmp_path / "t.db").exists()


def test_input_url_of_another_scheme_is_e020_exit_2():
    res = run(["extract", "ftp://example.org/a.txt"])
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr == ("newsevents: [E020] Can't read input ftp://example.org/a.txt: only http(s) URLs are "
                          "fetched; save the file and pass its path.\n")


@pytest.mark.parametrize("written,iso", [
    ("July 1, 2019", "2019-07-01"),                      # crawler output
    ("Mon, 01 Jul 2019 10:00:00 GMT", "2019-07-01"),     # RFC 2822, as feeds and HTTP write it
    ("2019-07-01T23:30:00+02:00", "2019-07-01"),
])
def test_a_written_publication_date_keeps_the_article(tmp_path, written, iso):
    path = tmp_path / "in.jsonl"
    path.write_bytes(_lines(dict(GOOD, published=written)))
    res = run(["extract", str(path), "--format", "ndjson"])
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout.splitlines()[0])["published"] == iso


def test_a_relative_or_partial_publication_date_is_still_refused(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(_lines(dict(GOOD, published="yesterday")))
    res = run(["extract", str(path), "--format", "ndjson"])
    assert res.exit_code == 1 and "[E023]" in res.stderr


def test_null_text_is_a_wrong_type_with_its_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(_lines(GOOD, dict(GOOD2, text=None)))
    res = run(["extract", str(path), "--format", "ndjson"])
    assert res.exit_code == 1 and f"[E024] Input {path}, line 2: field 'text' holds null" in res.stderr


def test_jsonl_piped_in_is_read_as_jsonl_by_content():
    """A new-user trial piped a JSONL file into `extract -`: it was analysed as one text of JSON."""
    res = run(["extract", "-", "--format", "ndjson", "-q"], input=_lines(GOOD, GOOD2).decode())
    assert res.exit_code == 0, res.stderr
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["good", "good2"]


def test_a_json_array_of_articles_is_read_as_articles(tmp_path):
    path = tmp_path / "arr.json"
    path.write_text(json.dumps([GOOD, {"id": "n", "text": None}, 5]), encoding="utf-8")
    res = run(["extract", str(path), "--format", "ndjson"])
    assert res.exit_code == 1  # two of three failed
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows[0]["id"] == "good" and rows[0]["events"]
    assert "[E024]" in res.stderr and "[E025]" in res.stderr


def test_a_folder_walk_leaves_json_files_alone(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD["text"], encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "x"}', encoding="utf-8")
    res = run(["extract", str(tmp_path), "--format", "ndjson", "-q", "--published", "2019-07-01"])
    assert res.exit_code == 0 and [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["a"]


def test_a_model_that_does_not_exist_is_a_usage_error(tmp_path):
    """A new-user trial: `--model nonexistent_model` exited 1 and named the default's package only."""
    res = subprocess.run([sys.executable, "-m", "newsevents", "extract", "-", "--model", "no_such_model_xyz"],
                         input="Police arrested a man.", capture_output=True, text=True, timeout=300)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "[E001]" in res.stderr and "no_such_model_xyz" in res.stderr and "--model" in res.stderr


def test_ctrl_c_is_one_coded_line(monkeypatch):
    """A new-user trial: Ctrl-C printed a bare 'newsevents: aborted' with no code."""
    def interrupted(options):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "make_pipeline", interrupted)
    res = run(["extract", "-"], input="Police arrested a man.")
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "[E007] Interrupted." in res.stderr


def test_lone_surrogate_escapes_in_jsonl_are_replaced_not_fatal(tmp_path):
    """A JSONL title holding "\\ud83d" (half an emoji, as crawlers cut them) stopped the whole ingest
    with a UnicodeEncodeError traceback, the batch lost; in the text it was E199. Now each lone
    surrogate is U+FFFD (one character for one: offsets hold) and the article says so in a warning."""
    src = tmp_path / "s.jsonl"
    src.write_text('{"id": "t1", "title": "Iran \\ud83d", "text": "Iran accused Israel on Monday.", '
                   '"published": "2019-07-01"}\n'
                   '{"id": "s1", "text": "Police arrested a man \\ud800 in Paris on Monday.", "published": "2019-07-01"}\n'
                   + json.dumps(GOOD) + "\n", encoding="utf8")
    db = tmp_path / "s.db"
    res = run(["ingest", str(src), "--db", str(db)])
    assert res.exit_code == 0 and "Traceback" not in res.output, res.output
    assert "3 stored" in res.stderr
    with open_store(str(db), readonly=True) as store:
        t1, s1 = store.article_record("t1"), store.article_record("s1")
    assert t1.title == "Iran \ufffd" and "title were replaced by U+FFFD" in t1.warnings[0]
    assert s1.text == "Police arrested a man \ufffd in Paris on Monday." and "in text were" in s1.warnings[0]
    assert [e.event_type for e in s1.events] == ["COERCE"]
    ev = s1.events[0]
    assert s1.text[ev.trigger.start:ev.trigger.end] == "arrested"


@pytest.mark.parametrize("value,day", [
    ("01/07/2019", None),          # 1 July or 7 January: refused, not guessed
    ("25/12/2019", "2019-12-25"),  # only one order is a date
    ("12/25/2019", "2019-12-25"),
    ("07/07/2019", "2019-07-07"),  # the same either way
])
def test_an_all_numeric_date_is_read_only_when_its_order_is_certain(value, day):
    from newsevents.sources.records import parse_date

    if day is None:
        with pytest.raises(ValueError, match="ambiguous"):
            parse_date(value)
    else:
        assert parse_date(value).isoformat() == day
