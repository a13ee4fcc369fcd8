"""The wikinews-dev event place and date scorer (newsevents.evaluate.event_setting) on hand-made pairs."""
from __future__ import annotations

import pytest

from newsevents.evaluate.event_setting import date_within, event_date_value
from newsevents.evaluate.realnews import score_realnews
from newsevents.records import ArticleAnalysis, Event, Evidence, Place, TimeExpr


def ev(text: str, phrase: str) -> Evidence:
    s = text.index(phrase)
    return Evidence(sentence=0, start=s, end=s + len(phrase), text=phrase)


def event(eid, etype, text, trigger, sentence, place=None, date=None, date_ref=None, source="text") -> Event:
    return Event(id=eid, event_type=etype, place=place, date=date, date_ref=date_ref, date_source=source,
                 trigger=ev(text, trigger), evidence=ev(text, sentence))


def test_date_within_days_months_years_weeks():
    assert date_within("2020-01-08", "2020-01-08")
    assert date_within("2018-08-13", "2018-08") and date_within("2018-08", "2018-08")
    assert date_within("2001-09-11", "2001") and not date_within("2020-01-06", "2018-08")
    assert date_within("2019-06-29", "2019-W26-WE") and date_within("2019-06-24", "2019-W26")
    assert not date_within("2019-07-01", "2019-W26") and not date_within(None, "2019")


def test_event_date_value_from_its_coarse_time_expression():
    t = "The assault in Ghazni in August 2018 killed ten."
    an = ArticleAnalysis(text=t, dates=[TimeExpr(id="T1", text="August 2018", value="2018-08", evidence=ev(t, "August 2018"))])
    e = event("V1", "ASSAULT", t, "assault", t, date_ref="T1")
    assert event_date_value(e, an) == "2018-08"


def test_event_place_and_date_shares():
    """Two events match expected events giving a place and a date: the crash is placed in Logar (within the
    tolerance) and dated right; the attack is placed in the United States (wrong country) and dated by the
    publication day (wrong). An event of a type nobody expects is not scored."""
    t = "The helicopter crashed in Logar province south of Kabul on Monday. A Houthi attack hit Abqaiq, the US said."
    s1 = "The helicopter crashed in Logar province south of Kabul on Monday."
    s2 = "A Houthi attack hit Abqaiq, the US said."
    places = [Place(id="P1", text="Logar", country="AFG", lat=34.0, lon=69.2, evidence=ev(t, "Logar")),
              Place(id="P2", text="Kabul", country="AFG", lat=34.53, lon=69.17, evidence=ev(t, "Kabul")),
              Place(id="P3", text="US", country="USA", lat=39.8, lon=-98.6, evidence=ev(t, "US"))]
    events = [event("V1", "ASSAULT", t, "crashed", s1, place="P1", date="2020-01-27"),
              event("V2", "ASSAULT", t, "attack", s2, place="P3", date="2020-01-28", source="publication"),
              event("V3", "ACCUSE", t, "said", s2, place="P3", date="2020-01-28")]
    expected = {"id": "a1", "places": [
        {"must": True, "mention": "Logar", "country": ["AFG"], "lat": 34.0, "lon": 69.1, "tolerance_km": 60},
        {"must": True, "mention": "Abqaiq", "country": ["SAU"], "lat": 25.94, "lon": 49.68, "tolerance_km": 25}],
        "events": [
        {"must": True, "sentence_starts": "The helicopter crashed", "types": ["ASSAULT"], "place": "Logar",
         "date": "2020-01-27"},
        {"must": True, "sentence_starts": "A Houthi attack", "types": ["ASSAULT"], "place": "Abqaiq", "date": "2019-09"}]}
    s = score_realnews([(expected, ArticleAnalysis(text=t, events=events, places=places))])
    m = s.metrics
    assert m["events_place"] == 0.5 and m["events_place_country"] == 0.5 and m["events_date"] == 0.5
    items = {it["id"]: it for it in s.items if ":event_" in it["id"]}
    assert items["a1:event_place:A Houthi attack:V2"]["ok"] is False
    assert items["a1:event_place:A Houthi attack:V2"]["predicted"]["place"] == "US (USA)"
    assert items["a1:event_date:The helicopter crashed:V1"]["ok"] is True
    assert len(items) == 4  # V3 (ACCUSE) matches no expected type


def test_event_place_within_country_but_far_misses_the_strict_share():
    """Kabul for an event in Logar: the country is right, the place 60 km off the expected point is not."""
    t = "The helicopter crashed south of Kabul."
    places = [Place(id="P1", text="Kabul", country="AFG", lat=34.53, lon=69.17, evidence=ev(t, "Kabul"))]
    events = [event("V1", "ASSAULT", t, "crashed", t, place="P1")]
    expected = {"id": "a1", "places": [{"mention": "Logar", "country": ["AFG"], "lat": 33.8, "lon": 69.0,
                                        "tolerance_km": 40}],
                "events": [{"must": True, "sentence_starts": "The helicopter", "types": ["ASSAULT"], "place": "Logar"}]}
    m = score_realnews([(expected, ArticleAnalysis(text=t, events=events, places=places))]).metrics
    assert m["events_place_country"] == 1.0 and m["events_place"] == 0.0
    assert m["events_date"] == pytest.approx(0.0)  # nothing scored: no expected date
