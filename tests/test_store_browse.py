"""The dashboard's query layer (newsevents.store.browse) on both backends, and read-only opening.

Runs on the hand-built corpus of test_store.py (no model needed); PostgreSQL when
NEWSEVENTS_TEST_PG is set (as in test_store.py).
"""
from __future__ import annotations

import sqlite3

import pytest

from newsevents.store import StoreError, open_store
from newsevents.store.browse import Query, QueryError, period_bounds
from newsevents.store import open_readonly

from test_store import corpus, filled, store, store_url  # noqa: F401  (fixtures)


def test_event_page_filters_sort_and_pages(filled):
    everything = filled.event_page(limit=None)
    assert everything["total"] == len(filled.events()) > 3
    page = filled.event_page(limit=2, offset=1)
    assert page["total"] == everything["total"] and len(page["items"]) == 2
    assert [r["event_id"] for r in page["items"]] == [r["event_id"] for r in everything["items"][1:3]]
    by_gold = filled.event_page(sort="-goldstein", limit=None)["items"]
    golds = [r["goldstein"] for r in by_gold if r["goldstein"] is not None]
    assert golds == sorted(golds, reverse=True)
    assert all(r["event_type"] == "ACCUSE" for r in filled.event_page(Query(event_type="accuse"))["items"])
    assert filled.event_page(Query(quad_class=3))["total"] == len(filled.events(quad_class=3))
    kor = filled.event_page(Query(country="kor"))["items"]
    assert kor and all(r["place_country"] == "KOR" for r in kor)
    with pytest.raises(QueryError) as err:
        filled.event_page(sort="nonsense")
    assert err.value.code == "E060" and err.value.param == "sort"


def test_actor_matches_code_sector_and_name(filled):
    by_code = filled.event_page(Query(actor="USA"), limit=None)["total"]
    assert by_code == len(filled.events(actor="USA"))
    assert filled.event_page(Query(actor="usa"), limit=None)["total"] == by_code
    # a dyad counts reciprocal meetings too, as `newsevents dyads` does
    dyad = filled.event_page(Query(actor="USA", recipient="PRK"), limit=None)["items"]
    assert any(r["recipient_codes"] == "" for r in dyad)


def test_full_text_filter(filled):
    ids = {r["article_id"] for r in filled.event_page(Query(text="sanctions -economy"), limit=None)["items"]}
    assert ids == {"a1", "a3"} == {h["article_id"] for h in filled.search("sanctions -economy")}
    assert filled.event_page(Query(text="-"), limit=None)["total"] == 0


def test_series_by_every_period(filled):
    n = filled.event_page(Query(factual=True), limit=None)["total"]
    for by in ("day", "week", "month", "year"):
        rows = filled.series(Query(factual=True), by=by)
        assert sum(r["events"] for r in rows) == n
        for r in rows:
            assert r["events"] == r["verbal_coop"] + r["material_coop"] + r["verbal_conflict"] + r["material_conflict"]
            assert r["start"] <= r["end"]
    week = filled.series(by="week")[0]
    from datetime import date

    assert date.fromisoformat(week["period"]).weekday() == 0
    with pytest.raises(QueryError):
        filled.series(by="decade")


def test_period_bounds():
    assert period_bounds("2019-02", "month") == ("2019-02-01", "2019-02-28")
    assert period_bounds("2019-06-24", "week") == ("2019-06-24", "2019-06-30")
    assert period_bounds("2019", "year") == ("2019-01-01", "2019-12-31")


def test_network_actors_places(filled):
    net = filled.network()
    ids = {n["id"] for n in net["nodes"]}
    assert net["edges"] and all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    assert {"PRK", "USA"} <= ids
    actors = filled.actor_page(limit=None)["items"]
    assert actors[0]["events"] >= actors[-1]["events"]
    places = filled.place_page(limit=None)["items"]
    assert places and all(p["lat"] is not None for p in places)
    at = filled.event_page(Query(place=places[0]["key"]), limit=None)["total"]
    assert at == places[0]["events"]


def test_clusters_matching_is_the_export_restricted(filled):
    everything = [c["id"] for c in filled.iter_clusters()]
    assert [c["id"] for c in filled.iter_clusters_matching()] == everything
    usa = list(filled.iter_clusters_matching(Query(actor="USA")))
    assert usa and all("USA" in (c["actor_codes"] + ";" + c["recipient_codes"]).split(";") for c in usa)


def test_quote_page(filled):
    everything = filled.quote_page(limit=None)
    assert everything["total"] == len(filled.quotes())


def test_readonly_refuses_writes_and_missing_files(store_url):
    with open_store(store_url) as s:
        s.add_batch(corpus())
    with open_readonly(store_url) as ro:
        assert ro.event_page(limit=1)["total"] > 0
        with pytest.raises(Exception):
            ro._exec("DELETE FROM articles")
    if "://" not in store_url:
        with pytest.raises(StoreError) as err:
            open_readonly(store_url + ".missing")
        assert err.value.code == "E045"


def test_readonly_refuses_a_non_newsevents_sqlite_file(tmp_path):
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError) as err:
        open_readonly(str(path))
    assert err.value.code == "E044"
