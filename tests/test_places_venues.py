"""Venues and streets named with their town's possessive, and the role of the toponyms around them
(places/recognise.py ``_possessor_prefix``, places/mentions.py ``facility_mentions``, places/role.py).

GeoWebNews (Gritta et al. 2019) annotates the town of "Derry's Altnagelvin Hospital" as a literal toponym and
the hospital as one more (Coercion: a building used as a location). Sentences are hand-built.
"""
from __future__ import annotations

import pytest

from newsevents.pipeline import Options
from test_places import run


@pytest.fixture(scope="module")
def geo():
    """The places stage as GeoWebNews is run: associative toponyms, nationality words and facilities listed."""
    from newsevents.places import PlaceStage

    return PlaceStage(Options(place_associative=True, place_demonyms=True, place_facilities=True))


def roles(nlp, stage, text):
    return {p.text: p.role or "literal" for p in run(nlp, stage, text).analysis.places}


def places(nlp, stage, text):
    return {p.text: p for p in run(nlp, stage, text).analysis.places}


def test_the_town_owning_a_street_is_a_literal_place_and_places_it(nlp, geo):
    """"Harare's Third Street", tagged as one organisation: the town is a toponym, literal, and the street is
    placed there (no longer the embedded part of an organisation's name)."""
    got = places(nlp, geo, "Harare’s Third Street will soon be renamed after the late opposition leader.")
    assert got["Harare"].role is None and got["Harare"].country == "ZWE"
    street = got["Third Street"]
    assert street.role is None and street.feature == "street"
    assert (street.lat, street.lon) == (got["Harare"].lat, got["Harare"].lon)
    got = places(nlp, geo, "He owned a shop on Middletown’s New Road for years and lived in Middletown.")
    assert got["New Road"].role is None and "Middletown" in got


def test_a_building_after_its_town_s_possessive_is_a_facility_placed_there(nlp, geo):
    got = places(nlp, geo, "A new cancer centre has opened at Derry’s Altnagelvin Hospital, the first in Derry.")
    assert got["Derry"].role is None
    assert (got["Altnagelvin Hospital"].feature, got["Altnagelvin Hospital"].country) == ("landmark", "GBR")
    got = places(nlp, geo, "The pollution was measured near Seoul's Jamsil Stadium on Friday.")
    assert got["Jamsil Stadium"].country == "KOR"
    assert (got["Jamsil Stadium"].lat, got["Jamsil Stadium"].lon) == (got["Seoul"].lat, got["Seoul"].lon)
    # a body of the town's stays the town's people or government
    assert roles(nlp, geo, "China's Commerce Ministry rejected the claim.") == {"China": "associative"}


def test_a_town_before_a_club_or_university_word_is_associative(nlp, geo):
    """"Birmingham City", "Mississippi State": the entity is the place's name and one of ``team_words``."""
    assert roles(nlp, geo, "Sam Gallagher of Birmingham City said he was fine.")["Birmingham"] == "associative"
    got = roles(nlp, geo, "Mississippi State's Roshunda Johnson hit the tying 3-pointer. "
                          "Mississippi State started the game 0 for 10.")
    assert got == {"Mississippi": "associative"}
    # the gazetteer's own names of that shape are places
    assert roles(nlp, geo, "He lives in Washington State near Seattle.") == {"Washington State": "literal",
                                                                              "Seattle": "literal"}


def test_a_place_before_based_is_where_something_is(nlp, geo):
    got = roles(nlp, geo, "The Pittsburgh, Pennsylvania-based company advised that it expects a charge.")
    assert got == {"Pittsburgh": "literal", "Pennsylvania": "literal"}


def test_a_nationality_word_modifying_a_place_noun_through_another_is_literal(nlp, geo):
    got = roles(nlp, geo, "Turkey fired on towns along the Syrian-Turkish border on Tuesday.")
    assert (got["Syrian"], got["Turkish"]) == ("literal", "literal")
    # "border" modifies "guards": the guards are the country's
    assert roles(nlp, geo, "Syrian border guards fired on them.") == {"Syrian": "associative"}


def test_a_venue_far_from_any_town_named_is_placed_at_the_town_opening_its_name(nlp, geo):
    """No town named within ``facility_town_chars`` of "Colchester General Hospital": the venue's own first
    word names a big English town, in the country of the article's other towns (Coggeshall, Essex)."""
    from newsevents.places.gazetteer import haversine_km

    text = ("Traffic backed up near Coggeshall after the crash on Monday afternoon. " + "Drivers waited for hours. " * 8
            + "The motorcyclist was then taken to Colchester General Hospital for further care.")
    p = places(nlp, geo, text)["Colchester General Hospital"]
    assert (p.feature, p.resolved_by, p.country) == ("landmark", "facility", "GBR")
    assert haversine_km(p.lat, p.lon, 51.89, 0.90) < 10  # Colchester
    # a head word opening the name names no town ("University" of "University of Perpetual Help"): the venue
    # goes to the city the article names most often instead (mentions.py _main_town)
    text = ("The games opened in Calamba on Monday. " + "Athletes trained for weeks. " * 8
            + "Swimming was held at the University of Perpetual Help.")
    got = places(nlp, geo, text)
    p = got["University of Perpetual Help"]
    assert (p.country, p.lat, p.lon) == ("PHL", got["Calamba"].lat, got["Calamba"].lon)


def test_a_saint_s_building_names_no_town(nlp, geo):
    """``saint_words``: "St. Paul's Hospital" is dedicated to the saint; St. Paul, Minnesota is not named."""
    got = places(nlp, geo, "At St. Paul's Hospital in downtown Vancouver, the doctors worked all night.")
    assert "St. Paul" not in got and "Vancouver" in got


def test_a_surname_s_building_names_no_small_town(nlp, geo):
    """"Wilson's Farm": a possessor that is neither a big city nor a curated place nor named again is a person's."""
    got = places(nlp, geo, "The dogs were taken from Wilson's Farm along Kingsley Road in Estey's Bridge at night.")
    assert "Wilson" not in got and "Wilson's Farm" in got
