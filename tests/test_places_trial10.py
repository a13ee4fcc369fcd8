"""Tests of the place classes the new-user trial 10 found on unseen Wikinews articles (notes/trial10.md,
section 6): a town named with its state that the gazetteer knows only in other states, a person in apposition
read as "<Town>, <State>", a disease named after a town, a university's short name, and islands and
archaeological sites that cities500 lacks (places/namesakes.py, places/recognise.py, places/name_filters.py,
data/places/cues.yaml, data/places/supplement.tsv), each with hand-built sentences."""
from __future__ import annotations

from test_places import run, stage, stage_all  # noqa: F401  (fixtures)


def by_text(nlp, stage, text):
    return {p.text: p for p in run(nlp, stage, text).analysis.places}


# "<Town>, <State>" with no reading of the town in that state ------------------------------------------------
def test_a_town_named_with_its_state_is_never_a_namesake_in_another_state(nlp, stage):
    got = by_text(nlp, stage, "The driver struck a group of motorcycles on a highway in Randolph, New Hampshire "
                              "on the night of June 21.")
    r = got["Randolph"]  # cities500 has Randolph in MA, ME, NE, NY, VT, WI, UT and NJ, none in New Hampshire
    assert r.resolved_by == "qualifier-area" and r.country == "USA" and r.geonameid is None
    assert abs(r.lat - got["New Hampshire"].lat) < 0.01 and abs(r.lon - got["New Hampshire"].lon) < 0.01


def test_a_town_whose_state_holds_a_reading_keeps_that_reading(nlp, stage):
    got = by_text(nlp, stage, "The fire broke out in Randolph, Massachusetts, on Monday.")
    assert got["Randolph"].geonameid == 4948403 and got["Randolph"].resolved_by == "qualifier"


def test_a_foreign_qualifier_places_the_town_in_that_country(nlp, stage):
    # cities500's Hagan is in Georgia (US); "Hagan, Egypt" names none of its readings
    got = by_text(nlp, stage, "The boat sank near Hagan, Egypt, on Sunday.")
    assert got["Hagan"].country == "EGY" and got["Hagan"].resolved_by == "qualifier-area"


# a person in apposition: "<Name>, <State>'s <noun>" ---------------------------------------------------------
def test_a_name_before_a_states_possessive_is_no_town_of_that_state(nlp, stage):
    got = by_text(nlp, stage, "Former senator Kay Hagan died on Monday. Hagan, North Carolina's first female "
                              "Democratic senator, was 66. She was born in Shelby, North Carolina.")
    assert "Hagan" not in got
    assert got["Shelby"].resolved_by == "qualifier" and got["Shelby"].lat > 35


# a disease named after a place ----------------------------------------------------------------------------
def test_a_name_before_a_disease_noun_is_no_place(nlp, stage):
    got = by_text(nlp, stage, "She died in Toronto from Powassan virus, a flavivirus. Cases of Lyme disease "
                              "and Omsk hemorrhagic fever rose in Maine.")
    assert not {"Powassan", "Lyme", "Omsk"} & set(got)
    assert got["Toronto"].country == "CAN" and "Maine" in got


def test_a_state_before_a_disease_noun_stays(nlp, stage_all):
    assert "Texas" in by_text(nlp, stage_all, "Doctors in Houston warned that the Texas flu season began early.")


# a university's short name ---------------------------------------------------------------------------------
def test_a_short_name_after_professor_at_is_a_university(nlp, stage):
    got = by_text(nlp, stage, "Eswar Prasad, a trade professor at Cornell, spoke in Washington. A professor "
                              "of economics at Stanford agreed.")
    assert "Cornell" not in got and "Stanford" not in got
    assert "Washington" in got


def test_a_big_city_after_professor_at_stays(nlp, stage):
    assert "Boston" in by_text(nlp, stage, "She is a researcher at Boston, where the lab moved last year.")


# islands and archaeological sites cities500 lacks ------------------------------------------------------------
def test_a_well_known_island_is_a_place(nlp, stage):
    got = by_text(nlp, stage, "The statues dot the island of Rapa Nui, also called Easter Island. Easter Island "
                              "is today a relatively barren place.")
    assert got["Easter Island"].country == "CHL" and got["Easter Island"].lat < -25
    assert got["Rapa Nui"].country == "CHL"


def test_archaeological_sites_are_places_not_people(nlp, stage):
    got = by_text(nlp, stage, "Millions of mummified ibis birds have been found in catacombs in Saqqara and "
                              "Tuna el-Gebel, and at Abydos.")
    assert {got[n].country for n in ("Saqqara", "Tuna el-Gebel", "Abydos")} == {"EGY"}


def test_archaeological_sites_are_no_person_actors(pipeline):
    a = pipeline("According to the researchers, ibis mummies were found at Abydos, Saqqara, and Tuna el-Gebel.",
                 published="2019-11-16")
    assert not {"Saqqara", "Tuna el-Gebel", "Abydos"} & {x.text for x in a.actors}
    assert {"Saqqara", "Tuna el-Gebel", "Abydos"} <= {p.text for p in a.places}


# a deity -------------------------------------------------------------------------------------------------
def test_a_god_of_a_pantheon_is_no_place(nlp, stage):
    got = by_text(nlp, stage, "The birds were sacrificed in Egypt to the god Thoth, who is often depicted with the "
                              "head of an ibis, the way Horus is shown with the head of a falcon.")
    assert "Horus" not in got and "Thoth" not in got and got["Egypt"].country == "EGY"


def test_a_list_of_places_is_no_town_and_its_qualifier(nlp, stage):
    got = by_text(nlp, stage, "The team made trips to Saipan, Guam, Alaska, Hawaii and Florida. The firm has offices "
                              "in Los Angeles, Miami, West Palm Beach, New York, and Detroit.")
    assert got["Saipan"].country == "MNP" and got["Saipan"].resolved_by != "qualifier-area"
    assert got["West Palm Beach"].geonameid == 4177887
