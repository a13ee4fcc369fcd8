"""The HTTP API of `newsevents serve` on the ingested samples (FastAPI's TestClient)."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from newsevents.store import open_readonly
from newsevents.web import LIMITS


def test_overview_counts_the_database(client, samples_db):
    r = client.get("/api")
    assert r.status_code == 200
    body = r.json()
    with open_readonly(samples_db) as s:
        assert body["events"] == s.counts()["events"] > 0
    assert body["limits"]["page_size"] == LIMITS["page_size"]


def test_events_are_the_cli_query(client, samples_db):
    """The API and `newsevents events` read through one query layer: same rows, same order."""
    r = client.get("/api/events", params={"actor": "USA", "limit": 500})
    assert r.status_code == 200
    body = r.json()
    with open_readonly(samples_db) as s:
        cli_rows = s.events(actor="USA")
    assert body["total"] == len(cli_rows) > 0
    assert [(x["article_id"], x["event_id"]) for x in body["items"]] == \
        [(x["article_id"], x["event_id"]) for x in cli_rows]


def test_paging_and_sort(client):
    full = client.get("/api/events", params={"limit": 500}).json()
    page = client.get("/api/events", params={"limit": 3, "offset": 2}).json()
    assert page["total"] == full["total"] and page["items"] == full["items"][2:5]
    gold = [x["goldstein"] for x in client.get("/api/events", params={"sort": "-goldstein", "limit": 500})
            .json()["items"] if x["goldstein"] is not None]
    assert gold == sorted(gold, reverse=True)


@pytest.mark.parametrize("params", [
    {"actor": "HKG"}, {"recipient": "GOV"}, {"actor": "Donald Trump"}, {"event_type": "protest"}, {"mode": "demo"},
    {"quad_class": 4}, {"country": "LKA"}, {"since": "2019-01-01", "until": "2019-12-31"}, {"text": "extradition"},
])
def test_every_filter_narrows(client, params):
    everything = client.get("/api/events", params={"limit": 1}).json()["total"]
    body = client.get("/api/events", params={**params, "limit": 500}).json()
    assert 0 < body["total"] < everything, params
    for item in body["items"]:
        if "quad_class" in params:
            assert item["quad_class"] == params["quad_class"]
        if "country" in params:
            assert item["place_country"] == params["country"]
        if "since" in params:
            assert params["since"] <= item["date"] <= params["until"]


@pytest.mark.parametrize("params,param,words", [
    ({"limit": LIMITS["page_size"] + 1}, "limit", "less than or equal"),
    ({"since": "2019-02-30"}, "since", "date"),
    ({"since": "yesterday"}, "since", "date"),
    ({"since": "2019-06-01", "until": "2019-01-01"}, "until", "before"),
    ({"since": "1800-01-01", "until": "2019-01-01"}, "until", "longer than"),
    ({"quad_class": 9}, "quad_class", "less than or equal"),
    ({"sort": "password"}, "sort", "match pattern"),
    ({"format": "xlsx"}, "format", "Input should be"),
])
def test_bad_parameters_are_a_clear_422(client, params, param, words):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert detail[0]["loc"][-1] == param and words in detail[0]["msg"], detail
    assert "Traceback" not in r.text


def test_day_series_past_the_limit_is_a_422(client):
    r = client.get("/api/dyads", params={"by": "day", "since": "1990-01-01", "until": "2019-01-01"})
    assert r.status_code == 422 and "by=week" in r.json()["detail"][0]["msg"]


def test_dyads_time_series(client):
    for by in ("day", "week", "month", "year"):
        body = client.get("/api/dyads", params={"by": by}).json()
        assert body["by"] == by and body["items"]
        for row in body["items"]:
            assert row["events"] == sum(row[k] for k in ("verbal_coop", "material_coop", "verbal_conflict",
                                                          "material_conflict"))
            assert "goldstein_sum" in row and "goldstein_mean" in row
    split = client.get("/api/dyads", params={"split": True, "by": "year"}).json()["items"]
    assert all("actor" in r and "recipient" in r for r in split)


def test_quotes_actors_places_network_search(client):
    quotes = client.get("/api/quotes", params={"actor": "USA"}).json()
    assert quotes["total"] > 0 and all(q["speaker_code"] == "USA" for q in quotes["items"])
    actors = client.get("/api/actors").json()["items"]
    assert actors and actors[0]["events"] >= actors[-1]["events"]
    places = client.get("/api/places").json()["items"]
    assert places and all(-90 <= p["lat"] <= 90 for p in places)
    at = client.get("/api/events", params={"place": places[0]["key"]}).json()
    assert at["total"] == places[0]["events"]
    net = client.get("/api/network").json()
    assert net["nodes"] and net["edges"]
    edge = net["edges"][0]
    listed = client.get("/api/events", params={"actor": edge["source"], "recipient": edge["target"]}).json()
    assert listed["total"] >= edge["events"]
    hits = client.get("/api/search", params={"text": "extradition"}).json()["items"]
    assert hits and hits[0]["article_id"] == "sample-hong-kong-march"


def test_article_has_text_and_records_with_offsets(client):
    a = client.get("/api/articles/sample-singapore-summit").json()
    assert a["events"] and a["quotes"] and a["actors"] and a["places"]
    for ev in a["events"]:
        assert a["text"][ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
    r = client.get("/api/articles/no-such-article")
    assert r.status_code == 404 and "no article" in r.json()["detail"]


def test_downloads_are_the_export_formats(client):
    r = client.get("/api/events", params={"format": "csv", "actor": "USA"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == client.get("/api/events", params={"actor": "USA"}).json()["total"]
    geo = client.get("/api/events", params={"format": "geojson"})
    assert geo.headers["content-type"].startswith("application/geo+json")
    features = json.loads(geo.text)["features"]
    assert features and features[0]["geometry"]["type"] == "Point"
    gexf = client.get("/api/network", params={"format": "gexf"})
    root = ET.fromstring(gexf.text)
    assert root.tag.endswith("gexf") and root.findall(".//{http://gexf.net/1.3}edge")
    # unfiltered, the download is what `newsevents export --format gexf` writes
    from newsevents.export import export_store

    out = io.StringIO()
    with open_readonly(client.app.state.db_url) as s:
        export_store(s, "gexf", out)
    assert gexf.text == out.getvalue()
    assert client.get("/api/quotes", params={"format": "csv"}).text.startswith("published,speaker")


def test_no_endpoint_writes(client):
    for path in ("/api/events", "/api/articles/sample-singapore-summit", "/api/quotes"):
        for method in ("post", "put", "delete", "patch"):
            assert getattr(client, method)(path).status_code == 405


def test_an_internal_error_is_one_line_without_trace(client, monkeypatch):
    from newsevents.store.base import Store

    def boom(*a, **k):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(Store, "event_page", boom)
    r = client.get("/api/events")
    assert r.status_code == 500 and "secret" not in r.text and "Traceback" not in r.text


def test_basemap_from_the_installed_world_atlas(client):
    from newsevents.web.assets import basemap_path

    if basemap_path() is None:
        pytest.skip("world-atlas not installed (make setup runs npm ci)")
    r = client.get("/static/basemap/countries.geojson")
    countries = {f["properties"]["name"] for f in r.json()["features"]}
    assert {"France", "China", "Brazil"} <= countries


def test_actor_codes_match_in_any_case(client):
    """The CLI upper-cased --actor itself; the API passed 'usa' through and matched nothing."""
    upper = client.get("/api/dyads", params={"actor": "USA", "by": "year"}).json()["items"]
    lower = client.get("/api/dyads", params={"actor": "usa", "by": "year"}).json()["items"]
    assert upper and lower == upper


def test_an_unknown_query_parameter_is_a_422_naming_it(client):
    """A new-user trial: ?speaker= and ?type= (the CLI's names) were ignored and returned every row."""
    for path, param, meant in (("/api/quotes", "speaker", "actor"), ("/api/events", "type", "event_type"),
                               ("/api/events", "evnt_type", None), ("/api/articles/sample-singapore-summit", "x", None)):
        r = client.get(path, params={param: "CONSULT"})
        assert r.status_code == 422, (path, param)
        [detail] = r.json()["detail"]
        assert detail["loc"] == ["query", param] and f"unknown parameter '{param}'" in detail["msg"]
        if meant:
            assert f"did you mean {meant}?" in detail["msg"]
    assert client.get("/api/events", params={"event_type": "CONSULT", "limit": 5}).status_code == 200
