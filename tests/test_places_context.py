"""Disambiguation in context (data/places/disambiguation.yaml): hand-built sentences."""
from __future__ import annotations

import pytest

from newsevents.pipeline import Context, Options
from newsevents.records import ArticleAnalysis


@pytest.fixture(scope="module")
def stage():
    from newsevents.places import PlaceStage

    return PlaceStage(Options())


def places(nlp, stage, text):
    doc = nlp(text)
    ctx = Context(doc, ArticleAnalysis(text=text), None, stage.options)
    stage(ctx)
    return {p.text: p for p in ctx.analysis.places}


def test_a_state_named_like_a_country_is_the_state_among_its_towns(nlp, stage):
    # "Hall County" and "Gainesville" both have a Georgia reading (w_shared for the state reading)
    got = places(nlp, stage, "Flooding closed roads in Hall County and Gainesville, and officials across Georgia "
                             "warned of more rain.")
    assert got["Georgia"].country == "USA"
    got = places(nlp, stage, "Russian troops remain in two regions of Georgia, officials in Tbilisi said.")
    assert got["Georgia"].country == "GEO"


def test_new_york_the_city_is_not_pulled_to_the_state(nlp, stage):
    # the city lies in the state: a shared area is no evidence for the state reading
    got = places(nlp, stage, "The fire spread from Brooklyn to Manhattan, and New York firefighters "
                             "worked through the night in New York.")
    assert got["New York"].feature == "city"


def test_a_us_county_has_its_own_point_not_its_state_s(nlp, stage):
    from newsevents.places.gazetteer import haversine_km

    p = places(nlp, stage, "Wildfires burned homes in Orange County, California, on Monday.")["Orange County"]
    assert p.feature == "admin2" and p.country == "USA"
    assert haversine_km(p.lat, p.lon, 33.7456, -117.8678) < 60  # Santa Ana, its seat (not the state's centre)
    assert p.geonameid == 5379524  # GeoNames: Orange County, California


def test_a_facility_after_at_is_placed_at_its_town_only_when_asked(nlp, stage):
    from newsevents.places import PlaceStage
    from newsevents.places.gazetteer import haversine_km

    text = "The pianist won the final at the National Concert Hall in Dublin last week."
    assert "National Concert Hall" not in places(nlp, stage, text)  # default: no facilities
    got = places(nlp, PlaceStage(Options(place_facilities=True)), text)
    p = got["National Concert Hall"]
    assert (p.feature, p.resolved_by, p.country) == ("landmark", "facility", "IRL")
    assert haversine_km(p.lat, p.lon, 53.35, -6.26) < 20  # Dublin
    # no town named close by: a name ending in a building's head word ("Hall") is placed at the city the
    # article names most often; another facility has no point to give it and is left out
    filler = "He practised every day. " * 12
    far = "The pianist won the final at the National Concert Hall. " + filler + "He was born in Dublin."
    p = places(nlp, PlaceStage(Options(place_facilities=True)), far)["National Concert Hall"]
    assert (p.feature, p.resolved_by, p.country) == ("landmark", "facility", "IRL")
    far = "The festival is set for July 14-15 at Sloss Furnaces. " + filler + "He was born in Birmingham, Alabama."
    assert "Sloss Furnaces" not in places(nlp, PlaceStage(Options(place_facilities=True)), far)


def test_a_building_far_from_any_city_is_placed_at_the_article_s_main_place(nlp):
    """A facility with a head word anywhere in its name ("University of ...") and no city named near it is placed
    at the city the article names most often; in an article naming no city, at its US county; lower-case
    adjectives may stand between "the" and the name ("over the spectacular Meydan Racecourse")."""
    from newsevents.places import PlaceStage

    facilities = PlaceStage(Options(place_facilities=True))
    text = "Officials met in Calamba on Monday. " + "The athletes trained every day. " * 12 + \
           "The finals were held at the University of Perpetual Help."
    got = places(nlp, facilities, text)
    p = got["University of Perpetual Help"]
    assert (p.resolved_by, p.country, p.lat, p.lon) == ("facility", "PHL", got["Calamba"].lat, got["Calamba"].lon)
    text = "The teacher was arrested Thursday at Kendale Lakes Elementary School in Miami-Dade County, police said."
    got = places(nlp, facilities, text)
    assert got["Kendale Lakes Elementary School"].country == "USA"
    assert got["Kendale Lakes Elementary School"].lat == got["Miami-Dade County"].lat
    got = places(nlp, facilities, "The royal blue silks hung over the spectacular Meydan Racecourse in Dubai.")
    assert got["Meydan Racecourse"].country == "ARE"


def test_an_event_after_at_is_the_place_it_is_held_when_facilities_are_asked(nlp, stage):
    """GeoWebNews annotates "at <event>" as Coercion: the event stands for its venue (facility_labels)."""
    from newsevents.places import PlaceStage

    text = "He won a special prize at the Clandeboye Festival in Bangor last year."
    assert "Clandeboye Festival" not in places(nlp, stage, text)
    p = places(nlp, PlaceStage(Options(place_facilities=True)), text)["Clandeboye Festival"]
    assert (p.feature, p.resolved_by, p.country) == ("landmark", "facility", "GBR")


def test_a_building_named_after_a_locative_preposition_is_a_facility_only_when_asked(nlp, stage):
    """A capitalised name ending in a building's head word (``facility_heads``: Hospital, Chapel,
    Estate, ...) after a locative preposition is a facility, whatever the model tagged it, placed at
    the town named near it; a capitalised word after the head continues another name."""
    from newsevents.places import PlaceStage

    facilities = PlaceStage(Options(place_facilities=True))
    text = "The cyclist was taken to Colchester Hospital after the crash near Coggeshall, in Essex."
    assert "Colchester Hospital" not in places(nlp, stage, text)
    p = places(nlp, facilities, text)["Colchester Hospital"]
    assert (p.feature, p.resolved_by, p.country) == ("landmark", "facility", "GBR")
    got = places(nlp, facilities, "The tribute show is on April 7 at the Princes Theatre in Clacton.")
    assert "Princes Theatre" in got
    got = places(nlp, facilities, "The man was killed on the South Kilburn Estate, in London, police said.")
    assert "South Kilburn Estate" in got
    got = places(nlp, facilities, "The victim was standing in the middle of the South Kilburn Estate in London.")
    assert "South Kilburn Estate" in got  # "of" too
    got = places(nlp, facilities, "The bus stopped on Hospital Road in Colchester.")
    assert not any(t.endswith("Hospital") for t in got)


def test_a_facility_named_by_its_head_word_takes_the_place_of_an_associative_toponym_inside_it(nlp):
    """"accepted to [Florida] Atlantic University": the place name inside the university's name is
    associative; with facilities listed, the placed facility stands instead (GeoWebNews: Coercion)."""
    from newsevents.places import PlaceStage

    text = "He has been accepted to Florida Atlantic University in Boca Raton, the school said."
    got = places(nlp, PlaceStage(Options(place_facilities=True, place_associative=True)), text)
    assert "Florida Atlantic University" in got and "Florida" not in got
    text = "The diplomats met at the British Embassy in Tokyo on Monday."
    got = places(nlp, PlaceStage(Options(place_facilities=True, place_associative=True, place_demonyms=True)), text)
    assert "British Embassy" in got and "British" not in got
    # not placed (no town near it): the associative toponym stays
    text = "He has been accepted to Florida Atlantic University, the school said."
    got = places(nlp, PlaceStage(Options(place_facilities=True, place_associative=True)), text)
    assert "Florida Atlantic University" not in got and "Florida" in got


def test_namesakes_close_to_each_other_support_each_other(nlp, stage):
    # w_close: Paris, Tennessee is the seat of Henry County, Tennessee (8 km apart); no other pair of
    # their readings lies within close_km, and Henry County's readings tie, so the pair wins
    got = places(nlp, stage_with_associative(), "A Paris man was arrested on Sunday. He is scheduled to appear on "
                                       "Tuesday in Henry County General Sessions Court.")
    assert (got["Paris"].country, got["Henry County"].country) == ("USA", "USA")
    assert abs(got["Paris"].lat - 36.30) < 0.2 and abs(got["Henry County"].lat - 36.37) < 0.2


def test_two_runners_up_close_together_do_not_outvote_the_big_cities(nlp, stage):
    # Dublin and London both have Ohio readings 40 km apart, but neither is its name's best reading
    got = places(nlp, stage, "The band played in London last week and will tour Dublin and Cork in Ireland "
                             "next month.")
    assert (got["London"].country, got["Dublin"].country) == ("GBR", "IRL")
    got = places(nlp, stage, "The singer grew up in Paris and later moved to London.")
    assert (got["Paris"].country, got["London"].country) == ("FRA", "GBR")


def stage_with_associative():
    from newsevents.places import PlaceStage

    return PlaceStage(Options(place_associative=True))


def test_a_country_named_like_a_local_town_is_the_town_among_its_neighbours(nlp, stage):
    # home_min: every other place is in Anderson County, Texas, and nothing else is Palestinian
    got = places(nlp, stage, "Deputies from Anderson County arrested the man near Grapeland on Monday. He was "
                             "taken to the jail in Palestine. Officers from Elkhart and Frankston helped.")
    assert got["Palestine"].country == "USA" and abs(got["Palestine"].lat - 31.76) < 0.2  # Palestine, Texas
    # American places but none near a Palestine: the country
    got = places(nlp, stage, "Officials in Washington and New York discussed aid to Palestine on Monday.")
    assert got["Palestine"].country == "PSE"
    got = places(nlp, stage, "Protesters in Chicago and Dallas marched for Palestine and Gaza.")
    assert got["Palestine"].country == "PSE"


def test_a_second_round_takes_the_first_round_s_confident_picks_as_context(nlp, stage):
    # round 1: "DeKalb County" is resolved to Georgia (its county seat Decatur and Avondale Estates lie
    # in it), but "Decatur" still counts the Illinois reading of "DeKalb County"; round 2 (rounds: 2)
    # takes DeKalb County, Georgia as an anchor and Decatur follows it
    got = places(nlp, stage, "State legislators will eyeball an annexation plan for Decatur and Avondale Estates. "
                             "It is unclear if the idea will win over DeKalb County lawmakers.")
    assert abs(got["Decatur"].lat - 33.77) < 0.2 and abs(got["Decatur"].lon + 84.30) < 0.2  # Decatur, Georgia
    assert abs(got["DeKalb County"].lat - 33.79) < 0.2


def test_a_name_in_a_list_takes_the_feature_of_its_confident_items(nlp, stage):
    # w_list: "Georgia" among US states is the state; among countries, the country
    got = places(nlp, stage, "Flu cases rose in Ohio, Georgia and Texas.")
    assert (got["Georgia"].country, got["Georgia"].feature) == ("USA", "admin1")
    got = places(nlp, stage, "Cases were reported in Arizona, California, Colorado, Georgia, Illinois and Missouri.")
    assert (got["Georgia"].country, got["Georgia"].feature) == ("USA", "admin1")
    got = places(nlp, stage, "Cases were reported in Georgia, Armenia and Azerbaijan.")
    assert got["Georgia"].country == "GEO"


def test_list_siblings_are_runs_of_names_joined_by_commas_and_and():
    from newsevents.places.mention_cues import list_siblings as _list_siblings
    from newsevents.places.toponym import Toponym

    text = "Flu cases rose in Ohio, Georgia and Texas, officials in Atlanta said."
    tops = [Toponym(text.index(n), text.index(n) + len(n), n, "ner") for n in ("Ohio", "Georgia", "Texas", "Atlanta")]
    sib = _list_siblings(tops, text)
    assert sib["georgia"] == {"ohio", "texas"} and "atlanta" not in sib
    assert _list_siblings(tops, None) == {}
    # two names are a pair, not a list ("Paris and London")
    assert _list_siblings(tops[:2], text) == {}


def test_a_name_listed_beside_another_name_of_the_same_place_is_another_place(nlp, stage):
    # "New York City, ..., New York": the list names the city already, so "New York" is the state
    got = places(nlp, stage, "As many as 66 people became ill in New York City, Long Island, New York, "
                             "Pennsylvania and New Jersey.")
    assert (got["New York"].feature, got["New York City"].feature) == ("admin1", "city")


def test_an_exonym_in_the_articles_country_beats_a_primary_name_abroad(nlp, stage):
    # GeoNames calls the Syrian town Tadmur ("Palmyra" is its English alternate name)
    text = ("Residents of the Rukban camp in Syria are refusing to leave. Russia says the camp near the "
            "Jordanian border should close. Many residents fear returning to regime areas rather than "
            "returning to say, Palmyra, where their homes were.")
    assert places(nlp, stage, text)["Palmyra"].country == "SYR"
    assert places(nlp, stage, "The parade went through Palmyra, Pennsylvania.")["Palmyra"].country == "USA"


def test_a_state_office_or_border_after_a_name_makes_it_the_state(nlp):
    stage = stage_with_associative()  # "New York Gov. X": an associative use, listed only when asked
    # admin1_cues (data/places/disambiguation.yaml): "New York Gov.", "the New York border", "the state of X"
    for text in ("New York Gov. Andrew Cuomo signed the bill on Monday.",
                 "The governor declared an emergency throughout New York state on Friday.",
                 "The tolls end at Exit 1 near the New York border, officials said."):
        p = places(nlp, stage, text)["New York"]
        assert (p.feature, p.country) == ("admin1", "USA"), text
    p = places(nlp, stage, "Seven people fell ill in the state of Washington last week.")["Washington"]
    assert (p.feature, p.country) == ("admin1", "USA")
    p = places(nlp, stage, "The team joined the Georgia National Guard for the exercise.")["Georgia"]
    assert (p.feature, p.country) == ("admin1", "USA")  # not the country
    # no cue: the city, as before
    assert places(nlp, stage, "The airline will fly between New York and Moscow.")["New York"].feature == "city"


def test_admin1_cues_need_whole_words_and_an_admin1_reading():
    from newsevents.places.disambiguate import default_weights
    from newsevents.places.mention_cues import admin1_cued
    from newsevents.places.gazetteer import get_gazetteer
    from newsevents.places.toponym import Toponym

    gaz, w = get_gazetteer(), default_weights()
    text = "New York Governor Hochul met Paris State officials and New York Statesmen in the state of Ohio."
    starts = [0, text.index("Paris"), text.index("New York", 10), text.index("Ohio")]
    ts = [Toponym(a, a + len(n), n, "ner") for a, n in zip(starts, ["New York", "Paris", "New York", "Ohio"])]
    got = admin1_cued(gaz, ts, text, w)
    # "Governor" is a cue; Paris has no admin1 reading; "Statesmen" is not the word "State"; "state of" before
    assert [id(t) in got for t in ts] == [True, False, False, True]


def test_the_name_that_qualifies_a_city_is_the_state_that_holds_it(nlp, stage):
    # "Buffalo, New York": the state (AP "City, State"); other mentions keep their own reading
    got = places(nlp, stage, "A girl from Buffalo, New York, died of the flu, health officials said.")
    assert (got["New York"].feature, got["Buffalo"].country) == ("admin1", "USA")
    # a borough of the city of that name: the city
    got = places(nlp, stage, "Eight students from a school in Queens, New York, caught the flu.")
    assert got["New York"].feature == "city"


def test_regions_sit_at_their_geonames_reference_point(nlp, stage):
    # the geoparsing gold sets resolve to GeoNames features; a region's point is GeoNames' (supplement.tsv)
    p = places(nlp, stage, "Oil prices rose on fears of war in the Middle East.")["Middle East"]
    assert (p.geonameid, round(p.lat, 2), round(p.lon, 2)) == (6269133, 33.14, 35.86)


def test_a_name_paired_with_a_state_is_the_state_and_with_a_city_no_evidence(nlp):
    stage = stage_with_associative()  # "Oregon and Washington laws", "Washington and Cairo should": associative
    # "Oregon and Washington laws": two states (w_list, pairs of admin1 areas or countries)
    got = places(nlp, stage, "He supported Oregon and Washington laws that allow doctors to help patients.")
    assert (got["Washington"].feature, got["Oregon"].feature) == ("admin1", "admin1")
    # two cities joined by "and" are often two countries' capitals: no pull towards the same country
    got = places(nlp, stage, "The envoy said Washington and Cairo should mend their ties.")
    assert (got["Washington"].country, got["Cairo"].country) == ("USA", "EGY")


def test_list_pairs_are_two_names_joined_by_and_or_not_by_a_comma():
    from newsevents.places.mention_cues import list_siblings as _list_siblings
    from newsevents.places.toponym import Toponym

    text = "Oregon and Washington met Paris, Texas officials."
    ts = [Toponym(text.index(n), text.index(n) + len(n), n, "ner") for n in ("Oregon", "Washington", "Paris", "Texas")]
    assert _list_siblings(ts, text, pairs=True) == {"oregon": {"washington"}, "washington": {"oregon"}}
    assert _list_siblings(ts, text) == {}


def test_la_with_dots_is_los_angeles_and_la_dot_is_louisiana(nlp, stage):
    # supplement.tsv: 'L.A.' names Los Angeles; only the abbreviations as written ("La.") name a state
    got = places(nlp, stage, "The band played two nights in L.A. last week.")
    assert (got["L.A."].name, got["L.A."].country) == ("Los Angeles", "USA")
    from newsevents.places.gazetteer import get_gazetteer, haversine_km

    p = places(nlp, stage, "A storm hit Lafayette, La., on Monday.")["Lafayette"]
    assert haversine_km(p.lat, p.lon, 30.22, -92.02) < 30  # Lafayette, Louisiana

    gaz = get_gazetteer()
    assert {"la.", "ark.", "fla."} <= gaz.abbrev_forms and "l.a." not in gaz.abbrev_forms


def test_a_person_noun_or_an_address_makes_a_country_name_a_town(nlp, stage):
    # town_cues: a country's people are named by its demonym, so "a Palestine man" lives in a town
    got = places(nlp, stage, "A Palestine man was injured on U.S. 287 near Elkhart, Texas, on Monday.")
    assert (got["Palestine"].feature, got["Palestine"].country) == ("city", "USA")
    got = places(nlp, stage, "Services will be held at the funeral home, 508 Cumberland St., Lebanon, Pennsylvania.")
    assert (got["Lebanon"].feature, got["Lebanon"].country) == ("city", "USA")
    # no cue: the country
    assert places(nlp, stage, "Israeli jets struck targets in Lebanon on Monday.")["Lebanon"].feature == "country"


def test_town_cues_spare_a_country_s_abbreviation():
    from newsevents.places.disambiguate import default_weights
    from newsevents.places.mention_cues import _abbreviation, _cued
    from newsevents.places.toponym import Toponym

    text = "More than 2 million U.S. residents and a Jordan woman were counted."
    ts = [Toponym(text.index(n), text.index(n) + len(n), n, "ner") for n in ("U.S.", "Jordan")]
    assert len(_cued(ts, text, default_weights().town_cues)) == 2
    assert [_abbreviation(t.text) for t in ts] == [True, False]


def test_only_a_plausible_reading_of_another_name_shares_its_state():
    # w_shared: Madrid, Iowa (a village, far below Madrid, Spain) no longer makes Boone the Iowa town
    from newsevents.places.disambiguate import resolve
    from newsevents.places.gazetteer import get_gazetteer
    from newsevents.places.toponym import Toponym

    gaz = get_gazetteer()
    text = "Trade officials from Madrid visited Boone on Monday."
    ts = [Toponym(text.index(n), text.index(n) + len(n), n, "ner") for n in ("Madrid", "Boone")]
    resolve(gaz, ts, None, text)
    assert [(gaz.country[t.entry], gaz.admin1[t.entry]) for t in ts] == [("ESP", "29"), ("USA", "NC")]


def test_names_listed_before_counties_are_those_counties():
    # county_listed: "Eastland and Callahan counties", not the towns; "Indiana counties" is no list
    from newsevents.places.disambiguate import resolve
    from newsevents.places.mention_cues import county_listed
    from newsevents.places.gazetteer import get_gazetteer
    from newsevents.places.toponym import Toponym

    gaz = get_gazetteer()
    text = ("Fires burned in Eastland and Callahan counties, Texas. Volunteers came from Camden, Charlton "
            "and Glynn counties. It ranks in the middle of Indiana counties.")
    names = [("Eastland", 0), ("Callahan", 0), ("Texas", 0), ("Camden", 0), ("Charlton", 0), ("Glynn", 0),
             ("Indiana", 0)]
    ts = [Toponym(text.index(n), text.index(n) + len(n), n, "ner") for n, _ in names]
    got = county_listed(gaz, ts, text)
    assert [got.get(id(t)) for t in ts] == [" County"] * 2 + [None] + [" County"] * 3 + [None]
    resolve(gaz, ts, None, text)
    callahan, camden = ts[1], ts[3]
    assert (gaz.names[callahan.entry], gaz.admin1[callahan.entry]) == ("Callahan County", "TX")
    assert gaz.names[camden.entry] == "Camden County" and ts[6].entry is not None
    assert gaz.names[ts[6].entry] == "Indiana"  # the state
