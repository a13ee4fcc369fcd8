"""A name right after a locative preposition, whatever NER tagged it (places/located.py, cues.yaml ``located``).

Hand-built sentences, written for these tests.
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def located(nlp):
    from newsevents.data import load_yaml
    from newsevents.places.gazetteer import get_gazetteer
    from newsevents.places.located import LocatedNames

    return LocatedNames(get_gazetteer(), load_yaml("places/cues.yaml"))


def _span(doc, words: str):
    n = len(words.split())
    for i in range(len(doc) - n + 1):
        if doc[i:i + n].text == words:
            return doc[i:i + n]
    raise AssertionError(words)


def test_an_alternate_name_of_a_big_town_after_from_is_a_place(nlp, located):
    # GeoNames files Misrata (355,657 people) as "Misratah"; "Misrata" is an alternate name
    doc = nlp("Fighters from Misrata joined the offensive on Sunday.")
    assert located(doc, _span(doc, "Misrata"), "PERSON")


def test_a_main_name_tagged_date_after_in_is_a_place(nlp, located):
    doc = nlp("He was killed alongside US Special Forces in Manbij near the Turkish border.")
    assert located(doc, _span(doc, "Manbij"), "DATE")


def test_a_month_tagged_date_is_no_place(nlp, located):
    # "March" and "August" are also towns' names; the dates lexicon names them months
    doc = nlp("Prices rose in March and fell in August.")
    assert not located(doc, _span(doc, "March"), "DATE")
    assert not located(doc, _span(doc, "August"), "DATE")


def test_a_place_noun_of_supports_an_alternate_name(nlp, located):
    # "Douma" is an alternate name of GeoNames "Dūmā" (111,864 people)
    doc = nlp("Fighting went on in the outskirts of the city of Douma on Monday.")
    assert located(doc, _span(doc, "Douma"), "")


def test_a_small_places_alternate_name_needs_more(nlp, located):
    # "Echmiadzin" is an alternate name of Vagharshapat, 47,989 people: below the floor
    doc = nlp("A second cross will be set up in Echmiadzin next year.")
    assert not located(doc, _span(doc, "Echmiadzin"), "ORG")


def test_a_two_word_person_name_is_left_alone(nlp, located):
    doc = nlp("The prize went to a singer in New York last week.")
    assert located(doc, _span(doc, "New York"), "GPE")
    assert not located(doc, _span(doc, "New York"), "PERSON")


def test_an_abbreviation_is_no_small_town(nlp, located):
    # "EU" is the main name of Eu, France (8,425 people)
    doc = nlp("English has a strong status in EU institutions and in the EU.")
    assert not located(doc, _span(doc, "EU"), "ORG")


def test_no_preposition_no_place(nlp, located):
    doc = nlp("Misrata said the offensive would go on.")
    assert not located(doc, _span(doc, "Misrata"), "PERSON")


def test_the_town_tagged_date_is_a_place_in_a_sentence(pipeline):
    places = pipeline("He was killed alongside US Special Forces in Manbij near the Turkish border.").places
    assert ("Manbij", "SYR") in [(p.text, p.country) for p in places]


def test_the_alternate_name_tagged_person_is_a_place_in_a_sentence(pipeline):
    places = pipeline("Fighters from Misrata joined the offensive on Sunday.").places
    assert [(p.text, p.country) for p in places] == [("Misrata", "LBY")]


def test_a_towns_main_name_tagged_person_after_from_is_a_person(nlp, located):
    # Jackson, Mississippi is a main name, and a surname: "a letter from Jackson" is a person's
    doc = nlp("He wrote to Smith, and a letter from Jackson arrived on Monday.")
    assert not located(doc, _span(doc, "Jackson"), "PERSON")
    doc = nlp("Hundreds of people were stranded in Jackson after the storm.")
    assert located(doc, _span(doc, "Jackson"), "PERSON")
