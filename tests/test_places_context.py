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
