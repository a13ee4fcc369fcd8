"""The day and place an event takes from an earlier sentence (newsevents.events.time_place), and the
toponyms that are no event's place (newsevents.places.clause), on hand-built sentences.

Classes found by a new-user trial (trial 10) on real news; the sentences are written for these
tests. A day or place a later paragraph names is that paragraph's; an event of a later paragraph
takes the lead's, the lead's first sentence first. Where a person is from, the source of a
sentence and a toponym completing an organisation's or a person's name are no place the text
goes on narrating.
"""
from __future__ import annotations

from datetime import date

import pytest

PUBLISHED = date(2020, 1, 10)  # a Friday


def _event(pipeline, text, trigger_word):
    an = pipeline(text, published=PUBLISHED)
    found = [e for e in an.events if e.trigger.text == trigger_word] or [
        e for e in an.events if trigger_word in e.trigger.text]
    assert found, f"no event with {trigger_word!r} in {[(e.event_type, e.trigger.text) for e in an.events]}"
    places = {p.id: p.text for p in an.places}
    ev = found[0]
    return ev, places.get(ev.place)


# ------------------------------------------------------------------- a paragraph's day is its own
def test_a_later_paragraphs_day_does_not_date_the_next_paragraphs(pipeline):
    # the day of a quote in paragraph 2 dates nothing of paragraph 3 (trial 10: "Mr. Trump said on
    # Nov. 8" dated 11 later events of a feature article)
    text = ("Police arrested two men in Lyon.\n\n\"We are taking money from them,\" the minister said on "
            "Wednesday.\n\nThe president signed the agreement.")
    ev, _ = _event(pipeline, text, "signed")
    assert (ev.date, ev.date_source) == ("2020-01-10", "publication")


def test_a_later_paragraph_takes_the_day_and_place_of_the_leads_first_sentence(pipeline):
    # the lead's first sentence tells the news; its next one background (trial 10: "he was not
    # granted bail" dated and placed by the earlier crash)
    text = ("Police arrested Smith on Tuesday in Concord, New Hampshire. He had struck a group of motorcycles "
            "on January 2 in Randolph.\n\nA witness described the crash.\n\nThe judge sentenced him.")
    ev, place = _event(pipeline, text, "sentenced")
    assert (ev.date, ev.date_source, place) == ("2020-01-07", "text", "Concord")


def test_a_day_of_the_main_verbs_complement_is_the_leads_day(pipeline):
    # "pleaded not guilty on Tuesday": the date hangs from "guilty" (trial 10's bail hearing)
    text = ("Smith pleaded not guilty on Tuesday in Concord, New Hampshire. He had struck a group of motorcycles "
            "on January 2 in Randolph.\n\nA witness described the crash.\n\nThe judge jailed him.")
    ev, place = _event(pipeline, text, "jailed")
    assert (ev.date, place) == ("2020-01-07", "Concord")


def test_a_later_paragraph_goes_back_to_the_lead_not_to_the_paragraph_before(pipeline):
    # trial 10: "was then airlifted to hospital" took the Sunday of another man's arrest
    text = ("The sergeant was shot at the Croydon custody centre on Thursday.\n\nA man was arrested in "
            "Norfolk on Sunday.\n\nThe sergeant was then airlifted to hospital.")
    ev, place = _event(pipeline, text, "airlifted")
    assert (ev.date, place) == ("2020-01-09", "Croydon")


def test_a_same_day_sentence_of_another_paragraph_gives_its_place(pipeline):
    text = ("Mitsotakis arrived in Washington on Monday.\n\nOn Tuesday, at the Atlantic Council's Washington "
            "headquarters, Mitsotakis criticised Turkey.\n\nIn 2019, a summit was held in Athens.\n\nLater on "
            "Tuesday Mitsotakis met with President Trump.")
    ev, place = _event(pipeline, text, "met with")
    assert (ev.date, place) == ("2020-01-07", "Washington")


@pytest.mark.parametrize("text,trigger", [
    ("William Mohr spoke about Don Blankenship with reporters in December. Mohr praised Blankenship's ability to "
     "lead.", "praised"),
    ("In a letter to the president in December, Zippy Duvall said farmers faced hardship. He urged Mr. Trump to "
     "make a deal.", "urged"),
])
def test_the_same_actor_in_the_next_sentence_goes_on_in_its_month(pipeline, text, trigger):
    # trial 10: the praise and the letter's plea were dated on the publication day
    an = pipeline(text, published=PUBLISHED)
    ev = next(e for e in an.events if trigger in e.trigger.text)
    values = {d.id: d.value for d in an.dates}
    assert (ev.date, ev.date_source, values.get(ev.date_ref)) == (None, "text", "2019-12")


# ------------------------------------------------------------------- dates that are no event's day
def test_a_state_reported_as_of_a_day_does_not_date_what_came_before_it(pipeline):
    # trial 10: the shot "after a bullet hit him" was dated on the Monday of "As of Monday"
    ev, _ = _event(pipeline, "As of Monday, the man was still in critical condition, after a bullet hit him in "
                             "the neck.", "hit")
    assert (ev.date, ev.date_source) == (None, "unknown")


def test_an_event_named_by_its_rank_among_past_ones_is_not_dated_by_publication(pipeline):
    # trial 10: the 2017 Las Vegas shooting was dated on the 2018 publication day
    text = ("An Arizona man named as a person of interest during the investigation of the deadliest mass "
            "shooting in modern US history said he had met the gunman one time.")
    ev, _ = _event(pipeline, text, "shooting")
    assert (ev.date, ev.date_source) == (None, "unknown")


# ------------------------------------------------------------------- toponyms that are no narrated place
@pytest.mark.parametrize("text,trigger", [
    # an organisation's name (trial 10: New York City the place of 9 Trump trade-war events)
    ("John Williams, the president of the Federal Reserve Bank of New York, said growth slowed. Trump "
     "threatened China with tariffs.", "threatened"),
    # an organisation's name in a possessive (trial 10: a request to Thoth placed in Australia)
    ("Researchers from Australia's Griffith University said the birds were wild. Priests asked the god for help.",
     "asked"),
    # where someone is from (trial 10: a road inspection placed in the truck driver's home town)
    ("Five children died in a crash on Thursday. One truck driver was from West Palm Beach, Florida. The crash "
     "will be investigated, an official said yesterday.", "investigated"),
    # the source of a sentence (trial 10: a New Hampshire bail hearing placed in Baytown, Texas)
    ("According to police in Baytown, Texas, the man has been involved in collisions before. For this reason, "
     "he was arrested.", "arrested"),
    # a person's home town completing his name
    ("Smith, 23, of West Springfield, Massachusetts, was arrested on Monday. He was charged with murder.",
     "charged"),
])
def test_a_home_a_source_or_a_name_is_not_carried_to_the_next_sentence(pipeline, text, trigger):
    _, place = _event(pipeline, text, trigger)
    assert place is None


def test_a_home_town_is_still_the_last_resort_of_its_own_sentence(pipeline):
    _, place = _event(pipeline, "Smith, 23, of West Springfield, Massachusetts, was arrested on Monday.", "arrested")
    assert place == "West Springfield"


def test_an_office_keeps_its_country(pipeline):
    # "the Prime Minister of Tunisia" governs Tunisia: no name of an organisation
    _, place = _event(pipeline, "The Prime Minister of Tunisia signed a decree banning face veils in public offices.",
                      "banning")
    assert place == "Tunisia"


# ------------------------------------------------------------------- places of a clause of the same time
def test_a_when_clause_places_its_main_clause(pipeline):
    text = "Violence broke out on Saturday when thousands rallied at Freedom Plaza in Washington. Police arrested twenty people."
    for trigger in ("Violence", "arrested"):
        _, place = _event(pipeline, text, trigger)
        assert place == "Freedom Plaza", trigger


def test_a_clauses_own_time_after_its_mark_is_no_offset(pipeline):
    # "after the bombings took place in Tunis last month": close in time, not "a month after"
    text = ("The decree comes after suicide bombings took place in the capital, Tunis, last month. Two people were "
            "killed in a bombing on June 27.")
    ev, place = _event(pipeline, text, "bombing")
    assert (ev.date, place) == ("2019-06-27", "Tunis")
