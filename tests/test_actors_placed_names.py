"""An organisation the tables do not know takes the country of the place the article puts it in
(actors/context.py ``_placed_elsewhere``), before the article's dominant country.

Hand-built sentences with exact expected codes; the stage runs on its own, as in test_actors
(whose fixtures these tests reuse), with the places given.
"""
from __future__ import annotations

from datetime import date

from test_actors import actors, run, stage  # noqa: F401  (fixtures)

PUB = date(2020, 8, 22)

TEXT = ("Russian opposition leader Alexei Navalny fell ill in Omsk, Russia. Russian doctors in Omsk said "
        "he was stable. Russia's president Vladimir Putin said the Russian government would help. "
        "Navalny was transferred to Charité in Berlin. Charité said the patient was in a coma.")


def test_an_organisation_placed_in_a_city_elsewhere_in_the_article_is_of_its_country(run):
    """'transferred to Charité in Berlin ... Charité said': the hospital is German (DEU), not of the
    article's dominant country (RUS), though the first 'Charité' is a destination and no actor."""
    ctx = run(TEXT, PUB, places=[("Omsk", "RUS"), ("Berlin", "DEU")])
    assert [a.code for a in actors(ctx, "Charité")] == ["DEU"]


def test_an_organisation_placed_in_two_countries_takes_neither(run):
    """Placed in two countries ('Acme Clinic in Berlin ... Acme Clinic in Omsk'): no one country, so the
    name falls back to the other rules (here the article's: RUS), never the first place's."""
    text = ("Russian opposition leader Alexei Navalny fell ill in Omsk, Russia. Russia's president Vladimir "
            "Putin said the Russian government would help. Staff from Acme Clinic in Berlin and Acme "
            "Clinic in Omsk met. Acme Clinic said the patient was in a coma.")
    ctx = run(text, PUB, places=[("Omsk", "RUS"), ("Berlin", "DEU")])
    assert "DEU" not in [a.code for a in actors(ctx, "Acme Clinic")]


def test_a_body_s_seat_is_not_the_country_of_the_sentence(run):
    """'a UK-based group ... killed in an air strike by government forces': the United Kingdom is
    where the group sits (actor rules ``seat_words``), not the country of the sentence's story, so
    the government forces and the people killed do not take it; without the seat word they would."""
    text = ("The Acme Monitor, a UK-based group that tracks the war, said eight people were killed in "
            "an air strike by government forces.")
    ctx = run(text, PUB, places=[("UK", "GBR")])
    assert [a.code for a in actors(ctx, "government forces")] == [None]
    assert [a.code for a in actors(ctx, "people")] == [None]
