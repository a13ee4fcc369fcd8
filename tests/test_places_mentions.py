"""Tests of the places stage's extra mentions: a name's other mentions and street names (places/mentions.py)."""
from __future__ import annotations

import pytest

from newsevents.pipeline import Options
from test_places import run, stage_all  # noqa: F401  (stage_all is a fixture)


def places(nlp, stage, text):
    return run(nlp, stage, text).analysis.places


def test_a_street_is_placed_at_the_nearest_city_the_article_names(nlp, stage_all):
    ps = {p.text: p for p in places(nlp, stage_all, "Crowds gathered on Streatham High Road in London on Sunday.")}
    street = ps["Streatham High Road"]
    assert (street.feature, street.resolved_by, street.country) == ("street", "street", "GBR")
    assert (street.lat, street.lon) == (ps["London"].lat, ps["London"].lon)
    assert street.name is None and street.geonameid is None


def test_a_street_name_gives_way_to_no_smaller_toponym_inside_it(nlp, stage_all):
    texts = [p.text for p in places(nlp, stage_all, "The fire started at a house on Wichita Drive in Dublin, Ohio.")]
    assert "Wichita Drive" in texts and "Wichita" not in texts


def test_an_abbreviated_street_type_is_a_street_only_when_no_name_follows(nlp, stage_all):
    texts = [p.text for p in places(nlp, stage_all,
                                    "He lives at 12 Memphis St. in Dublin, Ohio. She flew to St. Louis on Monday.")]
    assert "Memphis St." in texts
    assert not any(t.endswith("St.") and t != "Memphis St." for t in texts)


def test_an_ordinal_street_with_an_abbreviated_type_is_a_street_whatever_follows(nlp, stage_all):
    ps = {p.text: p for p in places(nlp, stage_all, "All three were arrested on 14th St. Thursday afternoon in "
                                                    "Chattanooga, Tennessee.")}
    assert ps["14th St."].feature == "street"


def test_each_name_before_a_plural_street_type_is_a_street_even_a_town_s_name(nlp, stage_all):
    """"at the corner of State and Hubbard streets": both names are streets (cues.yaml street_types plurals),
    "Hubbard" no town of Ohio; placed at the article's city."""
    ps = {p.text: p for p in places(nlp, stage_all, "A man collapsed at the corner of State and Hubbard streets in "
                                                    "Chicago, police said.")}
    assert ps["State"].feature == ps["Hubbard"].feature == "street"
    assert (ps["Hubbard"].lat, ps["Hubbard"].lon) == (ps["Chicago"].lat, ps["Chicago"].lon)


def test_the_name_after_a_house_number_block_is_a_street(nlp, stage_all):
    texts = {p.text: p.feature for p in places(nlp, stage_all, "Police arrested the suspects at a home in the 500 "
                                                               "block of Jeffords in Lemay, Missouri.")}
    assert texts["Jeffords"] == "street"


def test_a_street_that_no_city_of_the_article_places_is_not_listed(nlp, stage_all):
    texts = [p.text for p in places(nlp, stage_all, "Neighbours on Royal Street saw smoke on Monday night.")]
    assert "Royal Street" not in texts


def test_the_highway_patrol_is_no_street(nlp, stage_all):
    texts = [p.text for p in places(nlp, stage_all, "The Highway Patrol reported a crash in Dayton, Ohio.")]
    assert not any("Highway" in t for t in texts)


def test_a_place_named_once_is_a_place_in_its_other_mentions_too(nlp, stage_all):
    text = "Floods hit Bicester on Monday. In Bicester town centre, shops closed. Bicester shoppers stayed home."
    got = [(p.text, p.country) for p in places(nlp, stage_all, text)]
    assert got.count(("Bicester", "GBR")) == 3


def test_a_place_name_inside_an_organisation_s_name_is_associative(nlp, stage_all):
    text = "Floods hit Gainesville on Monday. Students at the University of Gainesville were sent home."
    got = [(p.text, p.role) for p in places(nlp, stage_all, text)]
    assert got == [("Gainesville", None), ("Gainesville", "associative")]


def test_a_street_named_after_a_district_the_article_names_is_placed_there(nlp, stage_all):
    text = "A man was stabbed on Streatham High Road in London. Police in Streatham closed the road."
    ps = {p.text: p for p in places(nlp, stage_all, text)}
    assert (ps["Streatham High Road"].lat, ps["Streatham High Road"].lon) == (ps["Streatham"].lat, ps["Streatham"].lon)


def test_a_junction_named_corner_is_a_street(nlp, stage_all):
    texts = [p.text for p in places(nlp, stage_all, "Protesters marched from Hyde Park Corner in London.")]
    assert "Hyde Park Corner" in texts and "Hyde Park" not in texts


def test_a_lower_case_place_phrase_is_no_toponym(nlp, stage_all):
    texts = [p.text for p in places(nlp, stage_all, "Buildings in the west coast city of Izmir, Turkey, collapsed.")]
    assert "Izmir" in texts and not any(t[0].islower() for t in texts)


def test_a_religion_is_no_place(nlp, stage_all):
    texts = [p.text for p in places(nlp, stage_all, "He spoke about Islam in Cairo.")]
    assert texts == ["Cairo"]


@pytest.mark.parametrize("text, name", [
    ("The general manager of Abu Dhabi Media, Dr Ali bin Tamim, blamed Houthi rebels.", "Abu Dhabi"),
    ("Brazil must comply with the Paris Climate Accord, officials in Brasilia said.", "Paris"),
])
def test_a_place_name_opening_a_media_or_agreement_name_is_associative(nlp, stage_all, text, name):
    got = [p for p in places(nlp, stage_all, text) if p.text == name]
    assert got and all(p.role == "associative" for p in got)


def test_a_given_and_family_name_tagged_as_a_place_is_no_place(nlp, stage_all):
    text = "Negron served eight years before being granted clemency.  Crystal Munoz was convicted of conspiracy."
    assert not any(p.text.startswith("Crystal") for p in places(nlp, stage_all, text))


def test_a_list_of_cities_is_no_qualifier(nlp, stage_all):
    text = "The company has offices in Washington, New York and Boston."
    ps = {p.text: p for p in places(nlp, stage_all, text)}
    assert ps["Washington"].name == "Washington" and ps["Washington"].country == "USA"
    assert abs(ps["Washington"].lat - 38.9) < 0.2


def test_a_nationality_word_a_small_town_shares_stays_a_nationality_word(nlp):
    from newsevents.places import PlaceStage

    stage = PlaceStage(Options(place_associative=True, place_demonyms=True))
    ps = places(nlp, stage, "Canadian officials and Spanish diplomats met in Geneva.")
    got = {p.text: (p.country, p.resolved_by) for p in ps}
    assert got["Canadian"] == ("CAN", "demonym") and got["Spanish"] == ("ESP", "demonym")


def test_geovirus_is_scored_without_nationality_words_as_its_gold_has_none():
    from newsevents.evaluate import SETS

    opts = dict(SETS["geovirus"].options)
    assert opts["place_demonyms"] is False and opts["place_associative"] is True
    assert dict(SETS["geowebnews"].options)["place_demonyms"] is True


def test_a_place_the_model_tags_as_a_person_in_one_mention_is_a_place_there_too(nlp, stage_all):
    """One sense per discourse also over the model's PERSON tag on a lone name ("to [Cirencester]",
    "[Samos]'s economy"), where it tags the name otherwise elsewhere; not a bare subject ("Jackson
    would be charged"), nor a name tagged PERSON at every mention ("Levi" the dog)."""
    text = ("The diversion runs from the Air Balloon to Cirencester. The 11-mile road closure will affect people "
            "travelling to Cirencester from Gloucester, and the council said the work was needed.")
    assert [p.text for p in places(nlp, stage_all, text)].count("Cirencester") == 2
    text = ("There were some 1,700 asylum seekers in Samos, the officials said. With Samos's economy in ruins "
            "because of the crisis, the families have no choice but to wait.")
    assert [p.text for p in places(nlp, stage_all, text)].count("Samos") == 2
    text = ("Police in Jackson said the man was arrested. Officer Bell told reporters that Jackson would be "
            "charged, and Bell said the case was closed.")
    assert [p.text for p in places(nlp, stage_all, text)].count("Jackson") == 1
    text = ("The family moved to Austin with their dog, Levi, last year. Friends helped Levi after the dog was "
            "hurt, and Levi is now well.")
    assert [p.text for p in places(nlp, stage_all, text)].count("Levi") <= 1


def test_a_known_place_listed_with_a_toponym_is_a_place(nlp, stage_all):
    """A gazetteer-known member of a list headed by a toponym is a place, though the model tags it PERSON
    ("stops in Hilversum and Almelo", "from Gloucester and Cheltenham"); not a subject the parse joined
    to the list ("met in Washington and Obama thanked them")."""
    text = ("The trip from Amsterdam to Berlin includes stops in Hilversum and Almelo, the paper points out, "
            "and the railway said it was on time.")
    assert ("Almelo", "NLD") in [(p.text, p.country) for p in places(nlp, stage_all, text)]
    text = ("The road closure will affect people travelling to Bristol from Gloucester and Cheltenham, "
            "potentially doubling journey times for the drivers.")
    assert ("Cheltenham", "GBR") in [(p.text, p.country) for p in places(nlp, stage_all, text)]
    text = ("The supporters met in Washington and Obama thanked them, while Donald Trump and his aides said "
            "they were in Florida for the weekend.")
    assert "Obama" not in [p.text for p in places(nlp, stage_all, text)]


def test_a_town_tagged_as_a_person_after_a_verb_of_going_is_a_place(nlp, stage_all):
    """"driving to [Castlegar]" (``destinations`` in cues.yaml): the object of to/from/into after a verb
    of going is where one goes; not after a verb whose object may be a person ("wrote to Smith")."""
    text = "Instead of driving to Castlegar, people will be able to visit the new office and get support."
    assert ("Castlegar", "CAN") in [(p.text, p.country) for p in places(nlp, stage_all, text)]
    text = "He wrote to Smith about the permits, and a letter from Jackson arrived on Monday, the office said."
    assert not [p.text for p in places(nlp, stage_all, text)]
