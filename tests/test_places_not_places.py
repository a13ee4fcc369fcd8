"""Tests of words that are no place, and of old names, resolved as places on real news (the new-user trial 9,
notes/trial9.md, problem 3: "God" as Göd, Hungary; "the Post" as Post, Texas; "the Sun" as Hailey, Idaho; "the
South Lawn of the White House" as Riverdale; "The president of Turkey" as New Providence), each class with hand-built sentences (data/places/cues.yaml not_toponyms, places/name_filters.py,
places/disambiguate.py, data/places/disambiguation.yaml)."""
from __future__ import annotations

from test_places import run, stage  # noqa: F401  (fixtures)


def by_text(nlp, stage, text):
    return {p.text: p for p in run(nlp, stage, text).analysis.places}


# a deity or a celestial body (not_toponyms) ---------------------------------------------------------------
def test_a_deity_is_no_place(nlp, stage):
    got = by_text(nlp, stage, 'The mayor of Dayton said: "Every life is a sacred gift from God." '
                              "Pilgrims praised Allah and Jesus in Lourdes.")
    assert "God" not in got and "Allah" not in got and "Jesus" not in got
    assert "Dayton" in got and got["Lourdes"].country == "FRA"


def test_the_sun_is_no_place(nlp, stage):
    got = by_text(nlp, stage, "The star, seen from Chile, is more massive than the Sun.")
    assert "Sun" not in got and got["Chile"].country == "CHL"


# an organisation's short name after its full name ---------------------------------------------------------
def test_a_newspapers_short_name_after_its_full_name_is_no_place(nlp, stage):
    text = ("The Washington Post reported the deal. According to the Post, the adviser spoke in Houston. "
            "The Post's report was denied.")
    got = by_text(nlp, stage, text)
    assert "Post" not in got
    assert got["Houston"].country == "USA"


def test_the_town_of_the_short_name_stays_with_its_qualifier(nlp, stage):
    got = by_text(nlp, stage, "The Washington Post reported it. He was born in Post, Texas.")
    assert got["Post"].name == "Post" and got["Post"].country == "USA"


# a named part of a building ------------------------------------------------------------------------------
def test_a_named_part_of_a_building_is_no_town(nlp, stage):
    for text in ("Trump spoke on the South Lawn of the White House on Thursday.",
                 "Marine One landed on the White House's South Lawn."):
        assert "South Lawn" not in by_text(nlp, stage, text), text


# an old or alternate name against a live one -------------------------------------------------------------
def test_a_towns_old_name_does_not_take_a_countrys_name(nlp, stage):
    # New Providence, New Jersey was first called Turkey: local evidence (New Jersey, Newark nearby, many US
    # places) lifted that old name over the country
    text = ("Rallies were held in Newark, New Jersey, and in Ohio, Texas, Iowa, Utah, Maine and Florida. "
            "The president of Turkey vowed support for the plan.")
    got = by_text(nlp, stage, text)
    assert got["Turkey"].country == "TUR" and got["Turkey"].feature == "country"


def test_an_alternate_name_no_town_bears_still_resolves(nlp, stage):
    # "Bombay" is no town's own name: Mumbai's
    got = by_text(nlp, stage, "The ship docked in Bombay on Monday.")
    assert got["Bombay"].country == "IND"


def test_a_village_of_a_district_named_like_an_organisation_stays(nlp, stage):
    text = "She was displaced from her home in Torkula village of Guma Local Government Area of Benue State."
    assert "Torkula" in " ".join(by_text(nlp, stage, text))


# a namesake abroad after "<City>, " ---------------------------------------------------------------------
def test_the_name_after_a_city_is_its_province_not_a_town_abroad(nlp, stage):
    got = by_text(nlp, stage, "The festival was held in Calamba City, Laguna, on Tuesday.")
    assert got["Laguna"].country == "PHL" and got["Laguna"].name == "Laguna"
