"""Spelling variants of gazetteer names in news (places/name_variants.yaml): the Arabic article.

Hand-built sentences, written for these tests.
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def gaz():
    from newsevents.places.gazetteer import get_gazetteer

    return get_gazetteer()


def test_a_town_is_found_without_its_arabic_article(gaz):
    # GeoNames: "Al Qāmishlī" (SYR, 184,231 people); news: "Qamishli"
    found = gaz.candidates("Qamishli")
    assert found and all(primary for _, primary in found)
    assert {gaz.country[i] for i, _ in found} == {"SYR"}


def test_the_bare_name_of_another_place_is_not_taken_over(gaz):
    # "Bab" is a town in Slovakia: "Al Bāb" (SYR) adds no primary "Bab"
    assert all(gaz.country[i] != "SYR" or not primary for i, primary in gaz.candidates("Bab"))


def test_only_towns_of_the_listed_countries_lose_an_article(gaz):
    # "El Paso" (USA) is not indexed as "Paso"
    assert not any(gaz.country[i] == "USA" for i, _ in gaz.candidates("Paso"))


def test_the_variant_is_a_place_in_a_sentence(pipeline):
    places = pipeline("Kurdish forces in Qamishli said the attack had failed.").places
    assert [(p.text, p.country) for p in places] == [("Qamishli", "SYR")]


def test_ghouta_is_the_region_east_of_damascus(pipeline):
    places = pipeline("Airstrikes hit eastern Ghouta on Sunday.").places
    assert [(p.text, p.country) for p in places] == [("Ghouta", "SYR")]
