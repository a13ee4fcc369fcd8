"""Exports of a store: GDELT 2.0 TSV, PLOVER JSONL, GeoJSON, GEXF, CSV/Parquet/NDJSON."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from newsevents.dedup import cluster_id
from newsevents.export import EVENT_COLUMNS, STORE_FORMATS, export_store
from newsevents.export.gdelt import GDELT_COLUMNS
from newsevents.store import open_store
from test_store import corpus


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(str(tmp_path_factory.mktemp("export") / "e.db"))
    s.add_batch(corpus())
    yield s
    s.close()


def _export(store, fmt) -> str:
    out = io.StringIO()
    export_store(store, fmt, out)
    return out.getvalue()


def test_gdelt_has_61_columns_no_header_and_our_fields(store):
    lines = _export(store, "gdelt").splitlines()
    assert len(lines) == 5  # the 5 deduplicated factual events
    rows = [line.split("\t") for line in lines]
    assert all(len(r) == 61 for r in rows) and len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert GDELT_COLUMNS[25:35] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    assert GDELT_COLUMNS[-2:] == ["DATEADDED", "SOURCEURL"]
    row = dict(zip(GDELT_COLUMNS, next(r for r in rows if r[0] == str(cluster_id("a1", "V1")))))
    assert (row["SQLDATE"], row["MonthYear"], row["Year"], row["FractionDate"]) == ("20190630", "201906", "2019",
                                                                                  "2019.4959")  # day 181 of 365
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
        "USAGOV", "United States", "USA", "GOV")
    assert (row["Actor2Code"], row["Actor2CountryCode"]) == ("PRKGOV", "PRK")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == ("040", "040", "04", "1")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"], row["AvgTone"]) == ("4", "2", "3", "")
    assert (row["ActionGeo_FullName"], row["ActionGeo_CountryCode"], row["ActionGeo_Lat"]) == (
        "Panmunjom, South Korea", "KS", "37.956")  # FIPS 10-4: South Korea is KS
    assert row["IsRootEvent"] == "1" and row["SOURCEURL"] == "https://www.example-news.com/a1"
    assert row["Actor1Geo_Type"] == "" and row["DATEADDED"] == ""


def test_plover_jsonl_fields(store):
    records = [json.loads(line) for line in _export(store, "plover").splitlines()]
    rec = next(r for r in records if r["id"] == str(cluster_id("a1", "V1")))
    assert rec["date"] == "2019-06-30" and rec["event"] == ["CONSULT"] and rec["quad_code"] == 1
    assert rec["source"] == [{"code": "USA", "sector": "GOV", "actor_text": "United States",
                              "identifier_text": "United States"}]
    assert rec["recipient"][0]["code"] == "PRK"
    assert rec["event_loc"] == {"geonameid": 1000, "name": "Panmunjom", "latitude": 37.956, "longitude": 126.677,
                                "cc3": "KOR"}
    assert (rec["num_mentions"], rec["num_sources"], rec["num_articles"]) == (4, 2, 3)
    assert rec["event_text"][0] == "United States met North Korea."
    assert rec["text_info"] == {"sequence": 0, "start": 0, "end": 30}
    assert rec["cite_info"]["publication"] == "example-news.com" and rec["cite_info"]["codebook"] == "PLOVER 2.0"
    assert [m["article_id"] for m in rec["mentions"]] == ["a1", "a4", "a4", "a2"]
    m = rec["mentions"][3]
    assert (m["start"], m["end"], m["text"]) == (0, 30, "United States met North Korea.")


def test_geojson_points(store):
    data = json.loads(_export(store, "geojson"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 1
    f = data["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [126.677, 37.956]}
    assert f["properties"]["event_type"] == "CONSULT" and f["properties"]["num_mentions"] == 4


def test_gexf_actor_network(store):
    root = ET.fromstring(_export(store, "gexf"))
    ns = {"g": "http://gexf.net/1.3"}
    assert root.get("version") == "1.3"
    nodes = {n.get("id"): n.get("label") for n in root.iterfind(".//g:node", ns)}
    assert nodes == {"CHN": "China", "PRK": "North Korea", "USA": "United States"}
    edges = {(e.get("source"), e.get("target")): e for e in root.iterfind(".//g:edge", ns)}
    # USA->PRK: the merged 06-30 meeting and the 07-03 one; PRK->USA: the accusation and the reciprocal talk
    assert edges[("USA", "PRK")].get("weight") == "2"
    prk_usa = {a.get("for"): a.get("value") for a in edges[("PRK", "USA")].iterfind(".//g:attvalue", ns)}
    assert prk_usa["events"] == "2" and prk_usa["goldstein_sum"] == "-1" and prk_usa["verbal_conflict"] == "1"
    assert edges[("USA", "CHN")].get("weight") == "1"


def test_csv_and_parquet_one_row_per_mention(store, tmp_path):
    rows = list(csv.DictReader(io.StringIO(_export(store, "csv"))))
    assert list(rows[0]) == EVENT_COLUMNS and len(rows) == 9
    import pyarrow.parquet as pq

    path = tmp_path / "e.parquet"
    with open(path, "wb") as fh:
        assert export_store(store, "parquet", fh) == 9
    table = pq.read_table(path)
    assert table.column_names == EVENT_COLUMNS and table.num_rows == 9


def test_ndjson_is_the_stored_articles(store):
    back = [json.loads(line) for line in _export(store, "ndjson").splitlines()]
    assert [a["id"] for a in back] == ["a1", "a2", "a3", "a4"]
    assert back == [a.model_dump(mode="json") for a in corpus()]


def test_store_formats_listed():
    assert set(STORE_FORMATS) >= {"gdelt", "plover", "parquet", "csv", "ndjson", "geojson", "gexf"}


def test_table_separates_code_and_sector_and_joins_actors_with_semicolons():
    """The extract table glued code and sector ("USAGOV") and joined actors with ',' while every other
    output joins with ';': now CODE/SECTOR, ';' between actors, '---' for no code, '-' for none."""
    from newsevents.export import format_table
    from newsevents.records import ActorRef

    analysis = corpus()[1]  # a2: CONSULT by USA and PRK, no recipient
    ev = analysis.events[1]
    assert ev.event_type == "CONSULT" and [a.code for a in ev.actors] == ["USA", "PRK"] and not ev.recipients
    ev.recipients = [ActorRef(mention="A9", canonical="rebels", code=None, sector="REB"),
                     ActorRef(mention="A8", canonical="Hong Kong", code="HKG", sector=None)]
    table = format_table(analysis).splitlines()
    assert ev.trigger.text == "talked"
    row = next(line for line in table if line.endswith(" talked"))
    assert " USA/GOV;PRK/GOV " in row and " ---/REB;HKG " in row
    assert not any("USAGOV" in line or "USA/GOV," in line for line in table)


def test_network_nodes_are_labelled_by_their_codes_own_name():
    from collections import Counter

    from newsevents.export.network import node_label

    # a country node is the country, not the most mentioned person of it
    assert node_label("USA", Counter({"Donald Trump": 9})) == "United States"
    # a code that stands for many bodies says so; an organisation code is its organisation
    assert node_label("IGO", Counter({"Arab League": 2})) == "intergovernmental organisations"
    assert node_label("UNO", Counter({"UN Security Council": 2})) == "United Nations"
    # an uncoded actor keeps its name
    assert node_label("name:AEW", Counter({"AEW": 1})) == "AEW"


def test_gdelt_leaves_out_events_with_no_day_or_no_side():
    import io

    from newsevents.export.gdelt import write_gdelt

    side = {"code": "USA", "sector": "GOV", "canonical": "United States"}
    base = {"id": 1, "cameo": "04", "quad_class": 1, "goldstein": 1.0, "num_mentions": 1, "num_sources": 1,
            "num_articles": 1}
    clusters = [
        dict(base, id=1, date="2019-06-30", mentions=[{"actors": [side], "recipients": [], "article_id": "a"}]),
        dict(base, id=2, date=None, mentions=[{"actors": [side], "recipients": [], "article_id": "a"}]),
        dict(base, id=3, date="2019-06-30", mentions=[{"actors": [], "recipients": [], "article_id": "a"}]),
    ]
    out = io.StringIO()
    assert write_gdelt(clusters, out) == 1
    assert out.getvalue().split("\t")[:2] == ["1", "20190630"]
