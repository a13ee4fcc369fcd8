"""Actors whose country is in their own phrase: plural bodies, a title placed by its 'in' phrase,
a country word before an organisation's alias, media and platforms of the tables.

Hand-built sentences; the stage runs on its own, as in test_actors (whose fixtures these reuse).
"""
from __future__ import annotations

from datetime import date

import pytest

from test_actors import actors, coded, one, run, stage  # noqa: F401  (fixtures)

PUB = date(2020, 2, 21)


def test_plural_ministries_take_each_countrys_code(run):
    """'the Russian and Syrian defense ministries': one military mention per country."""
    ctx = run("The Russian and Syrian defense ministries said that the convoy was attacked.", PUB)
    assert [(a.code, a.sector) for a in actors(ctx, "defense ministries")] == [("RUS", "MIL"), ("SYR", "MIL")]


def test_representatives_from_a_country_are_its_government(run):
    ctx = run("Representatives from Iran met the delegation on Monday in the capital.", PUB)
    assert coded(one(ctx, "Representatives")) == ("Iran (government)", "IRN", "GOV")


@pytest.mark.parametrize("text,mention,expected", [
    ("A senior opposition leader in Kenya was arrested by the police on Friday.",
     "A senior opposition leader", ("Kenya (opposition leader)", "KEN", "OPP")),
    # an ambassador serves in the country after 'in', but belongs to another
    ("An ambassador in Kenya was arrested by the police on Friday.", "An ambassador", None),
])
def test_an_indefinite_title_takes_the_country_of_its_phrase(run, text, mention, expected):
    """'A senior opposition leader in Kenya': a new person of that country and the title's sector;
    not for titles a country posts abroad (rules.yaml ``posted_titles``)."""
    found = actors(run(text, PUB), mention)
    assert (coded(found[0]) if found else None) == expected


def test_a_country_word_before_an_organisations_alias_is_that_organisation(run):
    """'the Iranian Revolutionary Guard Corps' is the IRGC (IRN, MIL), as 'IRGC' is."""
    ctx = run("Fars reported that the Iranian Revolutionary Guard Corps fired missiles at the base.", PUB)
    assert coded(one(ctx, "Iranian Revolutionary Guard Corps")) == ("Islamic Revolutionary Guard Corps", "IRN", "MIL")


@pytest.mark.parametrize("text,mention,expected", [
    ("Iran's Fars news agency said that the strike killed two of the guards.", "Fars news agency",
     ("Fars News Agency", "IRN", "JRN")),
    ("Kurdish news network Rudaw said that the base was hit by the missiles.", "Rudaw", ("Rudaw", "IRQ", "JRN")),
    # a platform is its company, not a person of the article's country
    ("Yemen's rebels said Yemen would fight on. Twitter said that it would review the account of the rebels.",
     "Twitter", ("Twitter", "USA", "BUS")),
])
def test_media_and_platforms_of_the_table(run, text, mention, expected):
    assert coded(one(run(text, PUB), mention)) == expected


# -- civilians are of where the story happens (rules.yaml located_sectors) ------------------------

def test_civilians_take_the_country_of_the_articles_places_not_of_its_actors(run):
    """A story about a camp in Syria where the United States is named most: 'Many people are afraid
    to return' are not American; with Syria the place named most they are Syrian."""
    text = ("The United States said the United States would keep the base. The United States rejected the "
            "claims of Russia. Refugees in Syria gathered at the camp near Palmyra, Syria. "
            "Many people are afraid to return.")
    ctx = run(text, PUB, places=[("Syria", "SYR"), ("Palmyra", "SYR")])
    assert coded(one(ctx, "people")) == ("Syria (civilians)", "SYR", "CVL")


def test_civilians_stay_uncoded_where_no_place_dominates(run):
    """Places in Syria and Jordan named alike, the United States acting: nobody says whose the
    people are (not the United States, the article's most named country)."""
    text = ("The United States said the United States would keep the base. The United States rejected the "
            "claims. The camp lies in Syria near Jordan. Many people are afraid to return.")
    ctx = run(text, PUB, places=[("Syria", "SYR"), ("Jordan", "JOR")])
    assert one(ctx, "people").code is None



def test_a_name_the_model_cuts_short_keeps_its_subject_slot(run):
    """'the House Oversight and Reform Committee authorized subpoenas', tagged 'Reform Committee':
    the name's first word is a conjunct of a modifier, its last the subject; it is an actor, and
    the article's country (a story about the United States Congress) codes it."""
    text = ("The United States House voted on Tuesday in Washington. In April, the House Oversight and Reform "
            "Committee authorized subpoenas for documents. The United States Congress met in the United States.")
    ctx = run(text, date(2019, 7, 20), places=[("Washington", "USA")])
    assert [a.code for a in actors(ctx) if a.text.endswith("Reform Committee")] == ["USA"]


def test_a_civilian_vehicle_stands_for_the_countrys_civilians(run):
    """'shot down a Ukrainian passenger jet': Ukraine's civilians, not its military as 'Israeli
    tanks' are Israel's (rules.yaml ``civilian_instrument_words``)."""
    ctx = run("Iran acknowledged that it had shot down a Ukrainian passenger jet near Tehran. "
              "Israeli tanks shelled the town.", date(2020, 1, 13))
    assert coded(one(ctx, "Ukrainian")) == ("Ukraine (civilians)", "UKR", "CVL")
    assert coded(one(ctx, "Israeli")) == ("Israel (military)", "ISR", "MIL")


def test_a_country_name_before_a_title_is_the_persons_not_the_sentences(run):
    """'"The airline transports weapons and fighters," according to a tweet by US Secretary of
    State Mike Pompeo': the fighters are not American; 'US' belongs to Pompeo's title, as
    'Russian' belongs to 'Russian President Putin'."""
    text = ('"The airline transports weapons and fighters across the region," according to a tweet on '
            'Monday by US Secretary of State Mike Pompeo.')
    ctx = run(text, date(2019, 1, 23))
    assert one(ctx, "fighters").code is None
    assert one(ctx, "Mike Pompeo").code == "USA"


def test_foreign_forces_are_not_of_the_storys_country(run):
    """'The Taliban wants foreign forces to leave Afghanistan': uncoded, not Afghan (rules.yaml
    ``foreign_words``); 'Afghan forces' keep their own country."""
    text = ("The Taliban attacked a base in Afghanistan. The Taliban wants foreign forces to leave "
            "Afghanistan. Afghan forces fought back.")
    ctx = run(text, date(2019, 1, 24), places=[("Afghanistan", "AFG")])
    assert [a.code for a in actors(ctx, "forces")] == [None, "AFG"]
