"""Implicit agents of bans (events/implicit.py; rules.yaml implicit_agents 'ban', 'lift ... ban').

A ban, or the lifting of one, that names no one who decreed it is the act of the government where
it holds; never of the country of those banned. Hand-built sentences, none copied from the
development articles.
"""
from __future__ import annotations

import pytest

from test_events import codes, one


def _analyse(pipeline, text):
    from newsevents.pipeline import ArticleInput

    return next(pipeline.pipe([ArticleInput(text=text)]))


def test_an_agentless_ban_is_by_the_government_of_its_place(pipeline):
    """'The party is banned in Kenya': Kenya's government (GOV), evidence the trigger."""
    an = _analyse(pipeline, "The Green Party is banned in Kenya.")
    ev = one(an.events, "COERCE")
    assert codes(ev.actors) == ["KEN"] and ev.actors[0].sector == "GOV"
    actor = next(a for a in an.actors if a.id == ev.actors[0].mention)
    assert actor.resolved_by == "implicit-agent" and actor.text == "banned"


def test_a_lifted_ban_with_no_place_is_by_the_article_s_government(pipeline):
    """'That ban was lifted in 2011' in a story about Tunisia: Tunisia's government (the article's
    dominant country)."""
    text = ("Tunisia's president Kais Saied spoke in Tunis on Monday. Tunisia's parliament debated the "
            "law. That ban was lifted in 2011.")
    ev = one(_analyse(pipeline, text).events, "CONCEDE")
    assert codes(ev.actors) == ["TUN"] and ev.actors[0].sector == "GOV"


@pytest.mark.parametrize("text", [
    # those banned are of another country than the article's: a foreign or international ban
    "Kenya's president spoke in Nairobi. Kenya's parliament met. Two Russian athletes were banned.",
    "Two athletes were banned.",  # no country anywhere
    "The party was banned by a court in Kenya.",  # an agent
])
def test_no_implicit_agent_of_a_ban(pipeline, text):
    an = _analyse(pipeline, text)
    assert not [a for a in an.actors if a.resolved_by == "implicit-agent"]
