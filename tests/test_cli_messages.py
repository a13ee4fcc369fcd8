"""What the command line says and exits with, as a new user met it: where -v goes, the Ctrl-C
message of each command, JSON array items named as items, a closed pipe after a failure, a
malformed feed's lost item text."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsevents import cli


def run(args, input=None):
    return CliRunner().invoke(cli.main, args, input=input)


def test_verbose_works_after_the_command_name_too(pipeline, monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "make_pipeline", lambda options: pipeline)
    (tmp_path / "a.txt").write_text("Police arrested a man in Paris on Monday.", encoding="utf8")
    for args in (["extract", "-v", str(tmp_path / "a.txt")], ["-v", "extract", str(tmp_path / "a.txt")]):
        res = run(args + ["--published", "2019-07-01", "-q"])
        assert res.exit_code == 0, res.output
        assert f"DEBUG reading {tmp_path / 'a.txt'} as text" in res.stderr
    res = run(["extract", str(tmp_path / "a.txt"), "--published", "2019-07-01", "-q"])
    assert "DEBUG" not in res.stderr
    for command in cli.main.commands.values():
        assert any("-v" in p.opts for p in command.params), command.name


@pytest.mark.parametrize("command, words", [
    (["extract", "-"], "the same command run again starts from the beginning"),
    (["ingest", "-", "--db", "{db}"], "ingest keeps whole batches only"),
])
def test_ctrl_c_says_what_the_command_kept(monkeypatch, tmp_path, command, words):
    def interrupted(options):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "make_pipeline", interrupted)
    res = run([a.format(db=tmp_path / "i.db") for a in command], input="Police arrested a man.")
    assert res.exit_code == 1 and "[E007] Interrupted." in res.stderr and words in res.stderr
    assert "ingest and load" not in res.stderr


def test_json_array_items_are_named_items(tmp_path):
    from newsevents.sources import read_inputs

    f = tmp_path / "arr.json"
    f.write_text(json.dumps([{"id": "x1", "text": "Germany expelled two Russian diplomats."},
                             {"id": "x2", "text": 7}, "str"]), encoding="utf8")
    got = [a.problem[1] for a in read_inputs([str(f)]) if a.problem]
    assert got[0].startswith(f"[E024] Input {f}, item 2: field 'text' holds a number")
    assert got[1].startswith(f"[E025] Input {f}, item 3: a JSON string")
    (tmp_path / "a.jsonl").write_text('{"id": "ok", "text": "Fine."}\n"x"\n', encoding="utf8")
    [bad] = [a.problem[1] for a in read_inputs([str(tmp_path / "a.jsonl")]) if a.problem]
    assert bad.startswith(f"[E025] Input {tmp_path / 'a.jsonl'}, line 2: a JSON string")


def test_a_closed_pipe_after_a_failure_exits_1():
    """`extract ... | head -c 0` ended with exit 0 although an article had failed: a failure counted
    (``note_failure``, as extract counts each before writing it) makes the quiet end exit 1."""
    script = ("import sys; from newsevents.cli import app\n"
              "app.note_failure()\n"
              "sys.argv = ['newsevents', 'schema']\n"
              "from newsevents.cli import main; main()\n")
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader goes away at once
    proc.wait(timeout=120)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr.read()
    proc = subprocess.Popen([sys.executable, "-m", "newsevents", "schema"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()
    proc.wait(timeout=120)
    assert proc.returncode == 0


def test_a_malformed_feed_keeps_the_text_of_an_unclosed_item():
    from newsevents.sources.feeds import read_feed

    data = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title>\n'
            b"<item><title>Item one</title><description>Russia and China held joint naval drills.</description>"
            b"<link>http://example.com/1</link></item>\n"
            b"<item><title>Item two</title><description>Pakistan accused India of violating the ceasefire"
            b"<pubDate>garbage</pubDate>\n")
    one, two = read_feed(data, "malformed")
    assert one.text == "Russia and China held joint naval drills." and one.warnings == ()
    assert two.title == "Item two" and two.text == "Pakistan accused India of violating the ceasefire"
    assert "malformed" in two.warnings[0] and "recovered" in two.warnings[0]
