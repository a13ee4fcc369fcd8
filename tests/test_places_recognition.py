"""Tests of toponym recognition classes (places/recognise.py, data/places/cues.yaml): names of seas of the
form "Gulf of X", the short forms of organisations named earlier, the time of day, plural country names."""
from __future__ import annotations

from test_places import run, stage_all  # noqa: F401  (stage_all is a fixture)


def places(nlp, stage, text):
    return [(p.text, p.name, p.feature) for p in run(nlp, stage, text).analysis.places]


def test_a_gulf_of_a_country_is_one_water_body_not_the_country(nlp, stage_all):
    got = places(nlp, stage_all, "He announced a security initiative for the Persian Gulf, the Gulf of Oman and "
                                 "the Strait of Hormuz on Sunday.")
    assert ("Gulf of Oman", "Gulf of Oman", "water") in got
    assert not any(t in ("Gulf", "Oman") for t, _, _ in got)


def test_a_bay_of_a_town_the_gazetteer_lacks_is_kept_whole(nlp, stage_all):
    got = places(nlp, stage_all, "The cruise ship anchored in the Bay of Kotor on Friday.")
    assert [t for t, _, _ in got] == ["Bay of Kotor"]


def test_the_short_form_of_an_airline_named_earlier_is_no_town(nlp, stage_all):
    text = ("Germany on Monday banned Iranian airline Mahan Air from flying in the European nation.\n\n"
            "Mahan has been the subject of United States sanctions since 2011. Officials revoked Mahan's permit.")
    later = [p.text for p in run(nlp, stage_all, text).analysis.places if p.evidence.start > text.index("\n")]
    assert "Mahan" not in later  # "Mahan" inside "Mahan Air" stays, as part of the name (associative)


def test_the_short_form_stays_a_place_after_in(nlp, stage_all):
    text = "Iranian airline Mahan Air grew fast. Its founders were born in Mahan, near Kerman."
    assert any(t == "Mahan" for t, _, _ in places(nlp, stage_all, text))


def test_a_big_city_opening_an_organisation_s_name_stays_a_place(nlp, stage_all):
    text = "The Chicago Tribune reported the storm. Chicago had its coldest night in ten years."
    assert any(t == "Chicago" and f == "city" for t, _, f in places(nlp, stage_all, text))


def test_the_time_of_day_and_time_zones_are_no_places(nlp, stage_all):
    text = ("The attacks occurred at 4:00 A.M. local time (0100 UTC) and struck the plant at Abqaiq. "
            "A second wave came at 1400 GMT.")
    assert [t for t, _, _ in places(nlp, stage_all, text)] == ["Abqaiq"]


def test_the_two_koreas_are_the_korean_peninsula(nlp, stage_all):
    got = places(nlp, stage_all, "Leaders of the two Koreas met in Panmunjom on Friday.")
    assert ("Koreas", "Korean Peninsula", "region") in got


def test_a_numbered_road_is_a_street_placed_at_the_nearest_city(nlp, stage_all):
    ps = run(nlp, stage_all, "A cyclist was hurt in a crash on the A120 near Colchester. A diversion runs via "
                             "the A436, A40 and A429.").analysis.places
    got = {p.text: p for p in ps}
    assert {"A120", "A436", "A40", "A429"} <= set(got)
    assert (got["A120"].feature, got["A120"].country) == ("street", "GBR")
    assert (got["A120"].lat, got["A120"].lon) == (got["Colchester"].lat, got["Colchester"].lon)


def test_an_aircraft_or_rifle_number_is_no_road(nlp, stage_all):
    text = "Emirates flew the A380 from Dubai to London. A soldier carried an M16 in Kabul."
    assert not any(p.text in ("A380", "M16") for p in run(nlp, stage_all, text).analysis.places)


def test_the_names_of_storms_are_no_towns(nlp, stage_all):
    text = ("Three major hurricanes struck US soil: Harvey, Irma and Maria. Hurricane Florence followed a year later. "
            "Florence made landfall near Wilmington.")
    got = [t for t, _, _ in places(nlp, stage_all, text)]
    assert not {"Harvey", "Irma", "Maria", "Florence"} & set(got)
    assert "Wilmington" in got


def test_a_storm_s_name_stays_a_place_after_in(nlp, stage_all):
    text = "Hurricane Florence flooded the Carolinas. Tourists in Florence, Italy, watched the news."
    assert any(t == "Florence" and n == "Florence" for t, n, _ in places(nlp, stage_all, text))


def test_a_county_named_in_its_commission_s_name_is_still_the_county(nlp, stage_all):
    text = "The Madison County Commission met on Monday. Madison County got a foot of snow."
    later = [p.text for p in run(nlp, stage_all, text).analysis.places if p.evidence.start > text.index("Monday")]
    assert later == ["Madison County"]


def test_the_eastern_mediterranean_is_one_sea_region(nlp, stage_all):
    got = places(nlp, stage_all, "Greece and Cyprus signed a pipeline deal for gas fields in the Eastern Mediterranean.")
    assert ("Eastern Mediterranean", "Eastern Mediterranean", "water") in got
    assert not any(t == "Mediterranean" for t, _, _ in got)


def test_an_unknown_short_abbreviation_or_a_name_s_title_is_no_place(nlp, stage_all):
    text = ("The Bulldogs then outlasted Louisville in OT to reach the final. The Commissioner for Health, Dr, "
            "Cecilia Ojabo, spoke in Makurdi.")
    got = [t for t, _, _ in places(nlp, stage_all, text)]
    assert "OT" not in got and "Dr" not in got and "Makurdi" in got


def test_a_state_s_abbreviation_stays_a_place(nlp, stage_all):
    got = [t for t, _, _ in places(nlp, stage_all, "He moved from Seattle, WA to Washington, D.C. in May.")]
    assert "WA" in got and "D.C." in got


def test_an_unknown_name_tagged_an_organisation_elsewhere_is_no_place(nlp, stage_all):
    text = "The United Way of Central Iowa raised money. United Way volunteers helped."
    assert [t for t, _, _ in places(nlp, stage_all, text)] == ["Iowa"]


def test_a_sentence_opening_adverb_before_a_state_is_no_town(nlp, stage_all):
    text = "Employers raised pay. Still, Hawaii's experience serves as a caution."
    assert [t for t, _, _ in places(nlp, stage_all, text)] == ["Hawaii"]


def test_a_name_after_a_kinship_noun_is_the_person(nlp, stage_all):
    text = ("He is survived by his brother Alex and girlfriend Olivia. He also has a 3-year-old son, Sebastian. "
            "They poisoned Sergei Skripal and his daughter Yulia in Salisbury.")
    got = [t for t, _, _ in places(nlp, stage_all, text)]
    assert got == ["Salisbury"]


def test_el_nino_is_a_weather_pattern_not_a_town(nlp, stage_all):
    text = "What about El Niño? El Niño and La Niña are common meteorological events in the Pacific Ocean."
    assert [t for t, _, _ in places(nlp, stage_all, text)] == ["Pacific Ocean"]


def test_a_known_town_after_a_person_s_of_is_where_the_person_lives(nlp, stage_all):
    """"<person>(,) of <town>" names where the person lives (recognise.py _supported), whatever the model tagged the
    town (nothing, or PERSON)."""
    got = places(nlp, stage_all, "In 2016, David and Jodi Mahler of Bellmore appeared as guests on an episode.")
    assert ("Bellmore", "Bellmore", "city") in got
    got = places(nlp, stage_all, "Miss Abdhou, of Hayes, was not believed to be a specific target.")
    assert [t for t, _, f in got if f == "city"] == ["Hayes"]
