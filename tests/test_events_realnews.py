"""Event classes found missing or wrong on real news (the wikinews-dev set), each on hand-built sentences.

The sentences are written for these tests; none is copied from the development articles.
"""
from __future__ import annotations

import pytest

from test_events import codes, one, run, stage  # noqa: F401  (stage is a fixture)


# ------------------------------------------------------- courts, legislatures, clemency
@pytest.mark.parametrize("text,etype,mode,actors,recipients", [
    ("Two officers from Iran were found guilty of spying by a court.", "SANCTION", "convict", [], ["IRN"]),
    ("Lawmakers in Ukraine voted to impeach Trump on Wednesday.", "ACCUSE", "allege", [], ["USA"]),
    ("Egypt held Israel in contempt.", "ACCUSE", "allege", ["EGY"], ["ISR"]),
    ("A judge in France ruled against Turkey in the dispute.", "REJECT", None, [], ["TUR"]),
    ("A judge issued a ruling against Russia on Monday.", "REJECT", None, [], ["RUS"]),
    ("Greece issued a subpoena to Turkey.", "REQUEST", None, ["GRC"], []),
    ("Trump granted a full pardon to two men from Cuba.", "CONCEDE", None, ["USA"], []),
    ("Trump commuted the sentences of two men from Cuba.", "CONCEDE", None, ["USA"], []),
    ("Iran finally gave up on the plan.", "CONCEDE", None, ["IRN"], []),
    ("Egypt attributed the bombing to Israel.", "ACCUSE", "allege", ["EGY"], ["ISR"]),
    ("Lawmakers from Greece shouted at Turkey during the session.", "ACCUSE", "disapprove", [], ["TUR"]),
    ("The proposal of France was quickly seconded by Germany.", "SUPPORT", None, ["DEU"], []),
])
def test_court_legislature_and_clemency_patterns(nlp, stage, text, etype, mode, actors, recipients):
    ev = one(run(nlp, stage, text), etype)
    assert ev.mode == mode
    for code in actors:
        assert code in codes(ev.actors)
    for code in recipients:
        assert code in codes(ev.recipients) + (codes(ev.actors) if ev.reciprocal else [])


def test_second_as_an_ordinal_is_no_event(nlp, stage):
    events = run(nlp, stage, "France won the second round against Germany.")
    assert "SUPPORT" not in [e.event_type for e in events]


# ------------------------------------------------------------- words in another sense
@pytest.mark.parametrize("text,absent", [
    ("Iran held an election rally in the capital.", "PROTEST"),
    ("The court demonstrated a shocking ignorance of technology.", "PROTEST"),
    ("The military strike followed rocket attacks on Iraq.", "PROTEST"),
    ("Egypt attacked the decision of Israel.", "ASSAULT"),
])
def test_words_in_another_sense_are_not_that_event(nlp, stage, text, absent):
    assert absent not in [e.event_type for e in run(nlp, stage, text)]


@pytest.mark.parametrize("text,etype", [
    ("Egypt attacked the decision of Israel.", "ACCUSE"),
    ("The military strike followed rocket attacks on Iraq.", "ASSAULT"),
    ("Workers from France went on strike.", "PROTEST"),
    ("Protesters demonstrated against Israel.", "PROTEST"),
])
def test_the_sense_that_is_meant_is_kept(nlp, stage, text, etype):
    one(run(nlp, stage, text), etype)
