"""The command line: formats, stdin, exit codes (0 ok, 1 an article failed, 2 usage)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents import cli
from newsevents.export import EVENT_COLUMNS

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "articles.jsonl"
TEXT = "Police arrested 20 protesters in Hong Kong on Sunday. “We will not give up,” a protester said."


@pytest.fixture(autouse=True)
def _reuse_pipeline(monkeypatch, pipeline):
    """Every CLI call reuses the session's loaded pipeline (the model loads once)."""
    monkeypatch.setattr(cli, "make_pipeline", lambda options: pipeline)


def run(args, input=None):
    return CliRunner().invoke(cli.main, args, input=input)


def test_extract_stdin_json():
    res = run(["extract", "-", "--published", "2019-07-01", "-q"], input=TEXT)
    assert res.exit_code == 0, res.output
    [data] = json.loads(res.stdout)  # an array of one: --format json is an array for any number of articles
    assert data["published"] == "2019-07-01" and data["text"] == TEXT
    assert any(e["event_type"] == "COERCE" for e in data["events"])


def test_extract_jsonl_ndjson_one_line_per_article():
    res = run(["extract", str(SAMPLES), "--format", "ndjson", "-q"])
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.strip().splitlines()
    assert len(lines) == 4
    assert json.loads(lines[0])["id"] == "sample-singapore-summit"


def test_extract_csv_has_event_columns():
    res = run(["extract", "-", "--published", "2019-07-01", "--format", "csv", "-q"], input=TEXT)
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(rows[0].keys()) == EVENT_COLUMNS
    assert rows[0]["event_type"] == "COERCE" and rows[0]["date"] == "2019-06-30"


def test_extract_parquet(tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "e.parquet"
    res = run(["extract", str(SAMPLES), "--format", "parquet", "-o", str(out), "-q"])
    assert res.exit_code == 0
    table = pq.read_table(out)
    assert table.num_rows > 0 and table.column_names == EVENT_COLUMNS


def test_extract_json_is_an_array_for_one_article_as_for_several(tmp_path):
    """--format json printed an object for one article and an array for two: a script had to check
    which. Now always an array (as the query commands' json), [] for none; ndjson is one a line."""
    one = json.loads(run(["extract", "-", "--published", "2019-07-01", "-q"], input=TEXT).stdout)
    several = json.loads(run(["extract", str(SAMPLES), "-q"]).stdout)
    empty = tmp_path / "empty"
    empty.mkdir()
    none = json.loads(run(["extract", str(empty), "-q"]).stdout)
    assert isinstance(one, list) and len(one) == 1 and one[0]["text"] == TEXT
    assert isinstance(several, list) and len(several) == len(SAMPLES.read_text(encoding="utf8").splitlines())
    assert none == []


def test_failed_article_exits_1_and_says_why():
    res = run(["extract", "-", "--format", "ndjson"], input="   ")
    assert res.exit_code == 1
    assert "E101" in res.stderr and json.loads(res.stdout)["error"]["code"] == "E101"


def test_bad_jsonl_line_is_recorded_and_batch_goes_on(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "1", "published": "2019-07-01", "text": "Police arrested a man in Paris."}\n'
                 '{not json\n{"id": "3", "text": "Rebels attacked a village."}\n', encoding="utf8")
    res = run(["extract", str(f), "--format", "ndjson"])
    assert res.exit_code == 1
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o["error"]["code"] if o["error"] else None for o in out] == [None, "E021", None]


def test_usage_errors_exit_2():
    assert run(["extract", "-", "--published", "July 1st"], input="x").exit_code == 2
    assert run(["extract", "-", "--format", "xml"], input="x").exit_code == 2
    assert run(["extract", "/no/such/file.txt"]).exit_code == 2


@pytest.mark.parametrize("args", [
    ["extract", "-", "--published", "2019-07-01"],
    ["schema"],
    ["evaluate", "seed"],
])
def test_output_into_a_missing_folder_is_one_line_exit_1(tmp_path, args):
    target = tmp_path / "no" / "such" / "out.json"
    res = run(args + ["-o", str(target)], input=TEXT)
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output and res.stderr.startswith("newsevents: [E050]")
    assert res.stderr.count("\n") == 1 and "no such folder" in res.stderr
    assert not (tmp_path / "no").exists()


def test_evaluate_errors_file_into_a_missing_folder(tmp_path):
    res = run(["evaluate", "seed", "--errors", str(tmp_path / "missing" / "e.jsonl")])
    assert res.exit_code == 1 and "[E050]" in res.stderr and "Traceback" not in res.output


def test_invalid_utf8_jsonl_on_stdin_is_an_error_row_and_the_rest_goes_on():
    """Used to end in a UnicodeDecodeError traceback."""
    data = (b'{"id": "a", "text": "Police arrested a man in Paris."}\n{"id": "b", "text": "bad \xff\xfe byte"}\n'
            b'{"id": "c", "text": "Rebels attacked a village."}\n')
    res = run(["extract", "-", "--input-format", "jsonl", "--format", "ndjson"], input=data)
    assert res.exit_code == 1 and "Traceback" not in res.output
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(o["id"], o["error"]["code"] if o["error"] else None) for o in out] == [
        ("a", None), ("<stdin>:2", "E103"), ("c", None)]


def test_utf16_with_bom_is_read(tmp_path):
    jsonl = tmp_path / "u16.jsonl"
    jsonl.write_bytes(('{"id": "u", "text": "Police arrested a man in Paris."}\n'
                       '{"id": "v", "text": "Rebels attacked a village."}\n').encode("utf-16"))
    text = tmp_path / "u16.txt"
    text.write_bytes(b"\xfe\xff" + "Police arrested a man in Paris.".encode("utf-16-be"))  # big-endian BOM
    bom8 = tmp_path / "bom8.jsonl"
    bom8.write_bytes(b'\xef\xbb\xbf{"id": "w", "text": "Rebels attacked a village."}\n')
    res = run(["extract", str(jsonl), str(text), str(bom8), "--format", "ndjson", "-q"])
    assert res.exit_code == 0, res.output
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(o["id"], o["text"][:6]) for o in out] == [("u", "Police"), ("v", "Rebels"), ("u16", "Police"),
                                                       ("w", "Rebels")]


def test_jsonl_line_that_is_no_object_is_that_article_s_failure(tmp_path):
    """A JSONL line `[1,2,3]` is reported as what it is (E025, "a JSON array"), not as invalid JSON; it is
    that line's failure (an error record on stdout, a line on stderr, exit 1) and the batch goes on."""
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "1", "published": "2019-07-01", "text": "Police arrested a man in Paris."}\n'
                 '[1, 2, 3]\n"x"\n{"id": "4", "published": "2019-07-01", "text": "Rebels attacked a village."}\n',
                 encoding="utf8")
    res = run(["extract", str(f), "--format", "ndjson"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o["error"]["code"] if o["error"] else None for o in out] == [None, "E025", "E025", None]
    assert f"line 2: a JSON array, expected an object" in res.stderr
    assert f"line 3: a JSON string, expected an object" in res.stderr and "not valid JSON" not in res.stderr


def test_stdin_without_published_warns_that_relative_dates_stay_unresolved():
    """Text on stdin carries no date: without --published, "on Sunday" gets no value. Say so on stderr
    (data on stdout unchanged); not with --published, -q, or JSONL (records carry their dates)."""
    res = run(["extract", "-", "--format", "ndjson"], input=TEXT)
    assert res.exit_code == 0 and "warning: stdin has no publication date" in res.stderr
    assert "--published" in res.stderr and json.loads(res.stdout)["published"] is None
    for args in (["--published", "2019-07-01"], ["-q"]):
        res = run(["extract", "-", "--format", "ndjson", *args], input=TEXT)
        assert res.exit_code == 0 and "warning" not in res.stderr, res.stderr
    line = json.dumps({"id": "a", "published": "2019-07-01", "text": TEXT}) + "\n"
    res = run(["extract", "-", "--input-format", "jsonl", "--format", "ndjson"], input=line)
    assert res.exit_code == 0 and "warning" not in res.stderr


def test_summary_counts_one_article_in_the_singular(tmp_path):
    res = run(["extract", "-", "--published", "2019-07-01", "--format", "ndjson"],
              input="Police arrested 20 protesters in Hong Kong on Sunday.")
    assert res.exit_code == 0 and "newsevents: 1 article, 1 event, 0 quotes, 0 failed" in res.stderr
    res = run(["ingest", "-", "--published", "2019-07-01", "--db", str(tmp_path / "t.db")],
              input="Police arrested 20 protesters in Hong Kong on Sunday.")
    assert res.exit_code == 0 and "newsevents: 1 article read, 1 stored" in res.stderr
    assert "; 1 event, 0 quotes;" in res.stderr


def test_every_option_of_every_command_says_what_it_does():
    """`newsevents quotes --help` listed --kind, `dyads` --by, `search` --limit and `schema` -o with no
    words; every option now has a help line."""
    import click

    bare = [f"{name} {p.opts[-1]}" for name, cmd in sorted(cli.main.commands.items()) for p in cmd.params
            if isinstance(p, click.Option) and not p.help]
    assert bare == []


def test_extract_with_a_terminal_on_stderr_ends_without_a_traceback(monkeypatch, pipeline, tmp_path):
    """A progress bar is shown when stderr is a terminal; tqdm has no truth value without a
    total, which once ended every interactive extract with a TypeError."""
    import sys

    from newsevents.cli.analyse import run_extract
    from newsevents.pipeline import ArticleInput

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stderr", Terminal())
    stats = run_extract(pipeline, iter([ArticleInput(text="Trump met Kim on Sunday.", id="a")]), "json",
                        str(tmp_path / "out.json"), quiet=False)
    assert stats["articles"] == 1
    assert json.loads((tmp_path / "out.json").read_text())[0]["id"] == "a"
