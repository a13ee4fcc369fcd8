"""What the commands say about dates a new user gives or lacks (new-user trial 7): the date options'
messages name what they accept; text files read without a publication date are counted in a
warning (and a saved copy of a page beside it apart); `dyads` and the timeline say how many events
they leave out for want of a day date; uncoded actors are network nodes apart from codes."""
from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents import cli
from newsevents.export.network import actor_node, node_label, uncoded_name
from newsevents.sources import ReaderOptions, undated_text_files
from newsevents.store import open_store
from newsevents.store.browse import Query
from test_store import make_analysis


def run(args, input=None):
    return CliRunner().invoke(cli.main, args, input=input)


# -- date options -------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [["extract", "-"], ["ingest", "-", "--db", "{tmp}/x.db"]])
@pytest.mark.parametrize("value", ["yesterday", "July 2019", ""])
def test_published_refusal_says_which_forms_are_read(tmp_path, command, value):
    args = [a.replace("{tmp}", str(tmp_path)) for a in command] + ["--published", value]
    res = run(args, input="Police arrested a man.")
    assert res.exit_code == 2 and "Traceback" not in res.output
    [line] = res.stderr.splitlines()
    assert line.startswith(f"newsevents: [E005] Invalid value for --published: '{value}' is not a date")
    for form in ("ISO date (2019-07-01)", "RFC 2822 date (Mon, 01 Jul 2019 10:00:00 GMT)", "1 July 2019"):
        assert form in line
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize("command", ["events", "quotes", "dyads"])
@pytest.mark.parametrize("option", ["--since", "--until"])
def test_since_and_until_refusals_name_the_option_and_iso(tmp_path, command, option):
    db = tmp_path / "q.db"
    with open_store(str(db)) as store:
        store.add_batch([make_analysis("a1", [{"type": "CONSULT", "actors": ["USA"], "recipients": ["PRK"],
                                                "date": "2019-06-30"}])])
    for value in ("yesterday", "2019-07", "1 July 2019"):
        res = run([command, "--db", str(db), option, value])
        assert res.exit_code == 2
        assert res.stderr == (f"newsevents: [E005] Invalid value for {option}: '{value}' is not an ISO date: {option} "
                              "takes a day written YYYY-MM-DD, such as 2019-07-01 (not a month, a relative or a "
                              f"written date). See `main {command} --help`.\n")
    res = run([command, "--db", str(db), "--since", "2019-08-01", "--until", "2019-07-01"])
    assert res.exit_code == 2
    assert "Invalid value for --since: 2019-08-01 is after --until 2019-07-01: no date is in that range" in res.stderr


# -- text files without a publication date --------------------------------------------------------

PAGE = ("<html><head><title>Police arrest protesters</title><meta property='article:published_time' "
        "content='2019-07-01'></head><body><article><h1>Police arrest protesters</h1><p>Police arrested 20 "
        "protesters in Hong Kong on Sunday, officials said. The protesters had marched through the city "
        "for hours before the police moved in.</p></article></body></html>")
MAIN_TEXT = ("Police arrested 20 protesters in Hong Kong on Sunday, officials said. The protesters had marched "
             "through the city for hours before the police moved in.\n")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "hk.html").write_text(PAGE, encoding="utf8")
    (folder / "hk.expected.txt").write_text(MAIN_TEXT, encoding="utf8")   # a saved copy of the page's text
    (folder / "sub" / "hk.txt").write_text("Police arrested a man in Paris.", encoding="utf8")  # no page beside
    (folder / "notes.txt").write_text("Rebels attacked a village near Goma on Monday.", encoding="utf8")
    return folder


def test_undated_text_files_and_the_copies_beside_a_page(tmp_path):
    folder = _folder(tmp_path)
    (folder / "sub" / "hk.html").write_text(PAGE, encoding="utf8")  # sub/hk.txt: the page's name, read
    texts, beside = undated_text_files([str(folder)])
    # hk.expected.txt is a copy named as such: not read (page_copies), so not an undated text either
    assert sorted(p.relative_to(folder).as_posix() for p in texts) == ["notes.txt", "sub/hk.txt"]
    assert beside == [(folder / "sub" / "hk.txt", folder / "sub" / "hk.html")]
    named = folder / "notes.txt"
    assert undated_text_files([str(named), "-", "https://example.com/a"]) == ([named], [])
    assert undated_text_files([str(folder)], ReaderOptions(published=date(2019, 7, 1))) == ([], [])
    assert undated_text_files([str(folder)], ReaderOptions(fmt="jsonl")) == ([], [])
    assert undated_text_files([str(folder / "hk.html")]) == ([], [])


def test_a_folder_walk_warns_about_undated_text_files_and_page_copies(tmp_path, monkeypatch, pipeline):
    monkeypatch.setattr(cli, "make_pipeline", lambda options: pipeline)
    folder = _folder(tmp_path)
    (folder / "sub" / "hk.html").write_text(PAGE.replace("Hong Kong", "Macau"), encoding="utf8")  # sub/hk.txt: read
    res = run(["ingest", str(folder), "--db", str(tmp_path / "f.db")])
    assert res.exit_code == 0, res.stderr
    lines = res.stderr.splitlines()
    assert lines[0].startswith("newsevents: warning: 2 text files without a publication date (notes.txt, hk.txt): "
                               "relative dates")
    assert lines[0].endswith("pass --published DATE (e.g. --published 2019-07-01)")
    assert lines[1].startswith("newsevents: warning: 1 of these text files are named after an HTML page beside them "
                               "(hk.txt beside hk.html): ")
    assert f"'{folder / 'sub' / '*.html'}'" in lines[1]
    assert lines[2] == (f"newsevents: warning: folder {folder}: 1 text file(s) named as a copy of an HTML page beside "
                        "them not read (hk.expected.txt beside hk.html): a saved extraction of a page would store its "
                        "story twice, once undated; pass such a file by name to read it")
    assert lines[-1].startswith("newsevents: 4 articles read, 4 stored (2 without a publication date), 0 already ")
    # the suggested command reads the pages alone (a quoted pattern is expanded, by extract too)
    res = run(["extract", str(folder / "*.html"), "--format", "ndjson"])
    assert res.exit_code == 0 and "warning" not in res.stderr, res.stderr
    [record] = [json.loads(line) for line in res.stdout.splitlines()]
    assert record["id"] == "hk" and record["published"] == "2019-07-01"
    assert "newsevents: 1 article, " in res.stderr and "without a publication date" not in res.stderr


def test_no_text_file_warning_with_published_or_quiet(tmp_path, monkeypatch, pipeline):
    monkeypatch.setattr(cli, "make_pipeline", lambda options: pipeline)
    f = tmp_path / "a.txt"
    f.write_text("Police arrested a man in Paris on Monday.", encoding="utf8")
    res = run(["extract", str(f), "--format", "ndjson"])
    assert res.exit_code == 0
    assert res.stderr.startswith("newsevents: warning: 1 text file without a publication date (a.txt): ")
    assert "newsevents: 1 article (1 without a publication date), " in res.stderr
    for extra in (["--published", "2019-07-01"], ["-q"]):
        res = run(["extract", str(f), "--format", "ndjson", *extra])
        assert res.exit_code == 0 and "warning" not in res.stderr and "without a publication date" not in res.stderr


# -- events without a day date: dyads and the timeline --------------------------------------------

def _undated_db(path: Path) -> str:
    """Three USA->IRN events: one on a day, one dated by the text only to a week ("last week": date
    null, date_ref set), one in an article without a publication date; and one CHN->USA on a day."""
    spec = {"type": "ASSAULT", "actors": ["USA"], "recipients": ["IRN"], "verb": "struck", "cameo": "19",
            "goldstein": -10.0, "quad": 4}
    day = make_analysis("day", [{**spec, "date": "2020-01-03"}], published="2020-01-03")
    week = make_analysis("week", [{**spec, "date": None}], published="2020-01-09", extra_text="It was last week.")
    week.events[0].date_source, week.events[0].date_ref = "text", "T1"
    undated = make_analysis("undated", [{**spec, "date": None}], published=None, extra_text="Undated.")
    other = make_analysis("other", [{"type": "ACCUSE", "actors": ["CHN"], "recipients": ["USA"], "verb": "accused",
                                     "date": "2020-01-04", "quad": 3, "goldstein": -2.0, "cameo": "11"}])
    with open_store(str(path)) as store:
        store.add_batch([day, week, undated, other])
    return str(path)


def test_dyads_say_how_many_events_lack_a_day_date(tmp_path):
    db = _undated_db(tmp_path / "u.db")
    res = run(["dyads", "--db", db, "--format", "json"])
    assert res.exit_code == 0
    assert [(r["period"], r["actor"], r["recipient"], r["events"]) for r in json.loads(res.stdout)] == [
        ("2020-01", "CHN", "USA", 1), ("2020-01", "USA", "IRN", 1)]
    assert res.stderr == ("newsevents: 2 events without a day date not counted: 1 dated only to a week, month or "
                          "year (\"last week\"); 1 of articles without a publication date (see `newsevents dyads "
                          "--help`)\n")
    res = run(["dyads", "--db", db, "--actor", "CHN", "--format", "json"])
    assert res.exit_code == 0 and res.stderr == ""
    res = run(["dyads", "--db", db, "--actor", "usa", "--recipient", "IRN", "--by", "year", "-q"])
    assert res.exit_code == 0 and res.stderr == ""
    with open_store(db, readonly=True) as store:
        assert store.dyads_left_out(actor="USA", recipient="IRN") == {"coarse": 1, "undated": 1}
        assert store.dyads_left_out(event_type="ACCUSE") == {"coarse": 0, "undated": 0}
        assert store.series_left_out(Query(actor="USA")) == 2
        assert store.series_left_out(Query(actor="USA", since="2020-01-01")) == 0
    assert "--help" in run(["dyads", "--help"]).output and "\"last week\"" in run(["dyads", "--help"]).output


def test_the_timeline_api_counts_what_it_leaves_out(tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsevents.web import create_app

    db = _undated_db(tmp_path / "u.db")
    with TestClient(create_app(db)) as client:
        answer = client.get("/api/dyads", params={"actor": "USA"}).json()
    assert answer["left_out"] == 2 and [r["events"] for r in answer["items"]] == [1]


# -- network nodes --------------------------------------------------------------------------------

def test_uncoded_actor_nodes_are_apart_from_codes(tmp_path):
    a = make_analysis("w", [{"type": "AGREE", "actors": ["USA"], "recipients": ["AEW", "JEY", "XYZ"],
                             "date": "2020-12-28", "verb": "signed"}])
    for actor in a.actors:  # AEW, a wrestling promotion, has no code
        if actor.code == "AEW":
            actor.code = None
    for ref in a.events[0].recipients:
        if ref.code == "AEW":
            ref.code = None
    db = str(tmp_path / "n.db")
    with open_store(db) as store:
        store.add_batch([a])
    with open_store(db, readonly=True) as store:
        net = store.network()
        nodes = {n["id"]: (n["label"], n["code"]) for n in net["nodes"]}
        assert nodes == {"USA": ("United States", "USA"), "name:AEW": ("AEW", None), "JEY": ("Jersey", "JEY"),
                         "XYZ": ("XYZ", "XYZ")}
        for edge in net["edges"]:  # a node id works as a filter, the uncoded one too
            assert store.event_page(Query(actor=edge["source"], recipient=edge["target"]))["total"] == 1
        assert store.event_page(Query(actor="name:USA"))["total"] == 0  # a code is no uncoded name
        assert [r["event_id"] for r in store.events(recipient="name:aew")] == ["V1"]
        assert store.events(actor="name:United States") == []
    res = run(["export", "--db", db, "--format", "gexf", "-q"])
    assert '<node id="name:AEW" label="AEW"><attvalues><attvalue for="code" value=""/>' in res.stdout
    assert '<node id="JEY" label="Jersey">' in res.stdout


def test_node_helpers():
    assert actor_node("USA", "Donald Trump") == "USA" and actor_node(None, "AEW") == "name:AEW"
    assert actor_node(None, None) is None
    assert uncoded_name(" name:AEW ") == "AEW" and uncoded_name("AEW") is None
    assert node_label("USA", Counter({"Donald Trump": 5})) == "United States"
    assert node_label("XYZ", Counter({"Someone": 2})) == "XYZ"
    # IMG is every transnational militant group: al-Qaeda's edges are not the Islamic State's
    assert node_label("IMG", Counter({"al-Qaeda": 3, "Islamic State": 1})) == "transnational militant groups"
    assert node_label("NGO", Counter({"Amnesty International": 2})) == "non-governmental organisations"
    assert node_label("name:Julian Assange", Counter({"Julian Assange": 1})) == "Julian Assange"


def test_gdelt_export_says_what_it_left_out(tmp_path):
    db = _undated_db(tmp_path / "u.db")
    res = run(["export", "--db", db, "--format", "gdelt"])
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == 2
    assert res.stderr == ("newsevents: 2 records written (gdelt); 2 events left out, as GDELT has no such rows: "
                          "2 dated to no day\n")
    res = run(["export", "--db", db, "--format", "plover"])
    assert res.exit_code == 0 and res.stderr == "newsevents: 4 records written (plover)\n"


def test_undated_events_are_listed_last(tmp_path):
    """SQLite sorts NULL first: `events --limit 10` gave undated events before any dated one (PostgreSQL
    sorts them last); both backends now list them last."""
    db = _undated_db(tmp_path / "u.db")
    with open_store(db, readonly=True) as store:
        assert [r["article_id"] for r in store.events()] == ["day", "other", "undated", "week"]
        assert [r["first_article"] for r in store.clusters()] == ["day", "other", "undated", "week"]
    res = run(["events", "--db", db, "--limit", "1", "--format", "json"])
    assert [r["article_id"] for r in json.loads(res.stdout)] == ["day"]
