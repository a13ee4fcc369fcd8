"""Region words: the adjectives of regions and continents name the region, not the country of their
last word; a name made only of generic words is no town's alternate name; a multi-word place before a
comma supports the name after it, as a one-word one does."""
from __future__ import annotations

from newsevents.pipeline import Context, Options
from newsevents.records import ArticleAnalysis


def _run(nlp, text):
    from newsevents.places import PlaceStage

    opts = Options(place_demonyms=True, place_associative=True)
    ctx = Context(nlp(text), ArticleAnalysis(text=text), None, opts)
    PlaceStage(opts)(ctx)
    return {p.text: p for p in ctx.analysis.places}


def test_region_adjectives_name_their_region_not_the_country_of_the_last_word(nlp):
    got = _run(nlp, "Central American migrants reached the border as North American and Southeast Asian "
                    "officials met Middle Eastern diplomats.")
    assert (got["Central American"].name, got["Central American"].feature) == ("Central America", "region")
    assert (got["North American"].name, got["North American"].feature) == ("North America", "continent")
    assert got["Southeast Asian"].name == "Southeast Asia" and got["Middle Eastern"].name == "Middle East"
    assert "American" not in got  # not the United States of "American" alone
    assert all(p.resolved_by == "demonym" and p.country is None for p in got.values())
    assert _run(nlp, "Northern Irish farmers protested.")["Northern Irish"].country == "GBR"


def test_region_adjectives_are_no_places_of_a_default_run(nlp):
    from newsevents.places import PlaceStage
    from test_places import places

    got = places(nlp, PlaceStage(Options()), "Latin American ministers met in Cairo.")
    assert "Latin American" not in got and got["Cairo"].country == "EGY"


def test_region_adjective_table_skips_a_place_the_gazetteer_lacks():
    from newsevents.places.demonyms import region_adjective_table
    from newsevents.places.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    table = region_adjective_table(gaz, [{"form": "Atlantean|Atlanteans", "place": "Atlantis"},
                                         {"form": "Balkan", "place": "Balkans"}])
    assert set(table) == {"Balkan"} and gaz.names[table["Balkan"]] == "Balkans"


def test_generic_words_are_no_town_s_alternate_name():
    from newsevents.places.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    assert not any(gaz.feature[i] == 0 and not p for i, p in gaz.candidates("West Coast"))  # not West Coast Village, SGP


def test_a_multi_word_place_before_a_comma_supports_the_next_name(nlp):
    # the model tags "Great Bend" ORG; "Dodge City" before the comma is the cue ("City" alone is no place)
    got = _run(nlp, "The National Guard also opened armories in Dodge City, Great Bend, Hutchinson, Kingman, "
                    "Larned, Pratt and West Wichita on Saturday.")
    assert got["Great Bend"].country == "USA" and got["Great Bend"].feature == "city"


def test_group_words_recognised_as_a_town_name_their_region_instead(nlp):
    # "in Arab ..." and "in English" make the model's NORP a place; the word names the region or nation
    got = _run(nlp, "Police patrolled in Arab neighbourhoods of Jerusalem.")
    assert got["Arab"].name == "Arab world" and got["Arab"].resolved_by == "demonym"  # not Arab, Alabama
    got = _run(nlp, "Lessons are taught in English at the school in Cairo.")
    assert (got["English"].name, got["English"].country) == ("England", "GBR")  # not English, Indiana


def test_a_qualified_group_word_stays_the_town(nlp):
    got = _run(nlp, "He lived in Arab, Alabama.")
    assert got["Arab"].country == "USA" and got["Arab"].feature == "city"


def test_group_words_alone_are_not_recognised(nlp):
    assert "European" not in _run(nlp, "European leaders met on Tuesday.")


def test_regions_islands_and_a_former_state_that_news_names_are_in_the_gazetteer(nlp):
    # supplement.tsv rows (and an alias of Iran in countries.tsv): each was unresolved before
    got = _run(nlp, "Government forces shelled Eastern Ghouta again, while officials in the Islamic Republic "
                    "recalled the Soviet Union.")
    assert (got["Eastern Ghouta"].country, got["Eastern Ghouta"].feature) == ("SYR", "region")
    assert got["Islamic Republic"].country == "IRN"
    su = got["Soviet Union"]  # a former state: no present country, placed at Russia's point
    assert (su.country, su.feature, su.lat, su.lon) == (None, "region", 60.0, 100.0)
    got = _run(nlp, "She worked in a hospital on the North Island of New Zealand before flying to Tortola.")
    assert got["North Island"].country == "NZL" and got["Tortola"].country == "VGB"


def test_heathrow_is_london_s_airport_not_the_florida_town(nlp):
    p = _run(nlp, "Flights out of Heathrow were cancelled because of fog.")["Heathrow"]
    assert (p.country, p.feature) == ("GBR", "landmark")
