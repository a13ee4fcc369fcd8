"""Missing event arguments (actors and recipients) found on real news, each class on hand-built sentences.

The sentences are written for these tests; none is copied from the development articles or the
gold sets. Classes that need the other stages (the places stage's country words, the actors
stage's mentions) run the whole pipeline; the others use the events-stage harness of
``test_events`` (which codes only the country names of its table as actors).
"""
from __future__ import annotations

import pytest

from test_events import codes, one, run, stage  # noqa: F401  (stage is a fixture)


def _event(pipeline, text, etype):
    an = pipeline(text)
    found = [e for e in an.events if e.event_type == etype]
    assert found, f"no {etype} in {[(e.event_type, e.trigger.text) for e in an.events]}"
    return found[0], an


# ------------------------------------------------- country words as participants (owners.py)
@pytest.mark.parametrize("text,etype,actors,recipients", [
    # whose proposal, request or plan is turned down or taken up
    ("Iran rejected a U.S. request on Monday.", "REJECT", ["IRN"], ["USA"]),
    ("Ghana rejected a Senegalese peace plan.", "REJECT", ["GHA"], ["SEN"]),
    # whose towns, homes and goods an act is aimed at
    ("Iran threatened to shell Iraqi towns.", "THREATEN", ["IRN"], ["IRQ"]),
    ("Egypt threatened to impose restrictions against German goods.", "THREATEN", ["EGY"], ["DEU"]),
    # people named only by their nationality ("youths" is no actor noun)
    ("Rebels killed two Iraqi youths on Sunday.", "ASSAULT", [], ["IRQ"]),
    # an event noun's nationality word is who does it
    ("Palestinian riots against Israeli policies continued on Friday.", "PROTEST", ["PSE"], ["ISR"]),
])
def test_country_words_are_participants(pipeline, text, etype, actors, recipients):
    ev, _ = _event(pipeline, text, etype)
    assert sorted(c for c in codes(ev.actors) if c) == sorted(actors)
    for code in recipients:
        assert code in codes(ev.recipients)


def test_a_country_word_participant_points_to_its_words(pipeline):
    ev, an = _event(pipeline, "Iran rejected a U.S. request on Monday.", "REJECT")
    ref = next(r for r in ev.recipients if r.code == "USA")
    actor = next(a for a in an.actors if a.id == ref.mention)
    assert an.text[actor.evidence.start:actor.evidence.end] == "U.S."
    assert actor.kind == "country" and actor.resolved_by == "country-name"


def test_protesters_named_by_nationality_are_its_people(pipeline):
    ev, _ = _event(pipeline, "Algerian farmers began a hunger strike outside the parliament.", "PROTEST")
    assert [(r.code, r.sector) for r in ev.actors] == [("DZA", "CVL")]


@pytest.mark.parametrize("text,etype,side,absent", [
    # a place names where, not whose
    ("The Kenosha shooting left two people dead.", "ASSAULT", "actors", "USA"),
    # the backer of a militia takes no part in its attack
    ("Iran-backed militias attacked a convoy on Monday.", "ASSAULT", "recipients", "IRN"),
    # the topic of talks held by two sides is no third side
    ("Israel and Lebanon renewed negotiations on an Israeli troop pullback.", "CONSULT", "recipients", "ISR"),
])
def test_country_words_that_are_no_participants(pipeline, text, etype, side, absent):
    ev, _ = _event(pipeline, text, etype)
    assert absent not in codes(getattr(ev, side))


def test_country_words_complete_events_and_make_none(pipeline):
    # "give" is an event only between actors: the British public is no actor mention
    an = pipeline("It is time to give the British public the final say.")
    assert "AID" not in [e.event_type for e in an.events]
