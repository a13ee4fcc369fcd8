"""Ethnic groups named by a nationality are of the country where they live (rules.yaml
``ethnic_words``; actors/mentions/countries.py, agents.py), the CAMEO convention.

Hand-built sentences (none copied from a gold set) with exact expected codes; the stage runs on its
own, as in test_actors (whose fixtures these tests reuse).
"""
from __future__ import annotations

from datetime import date

import pytest

from test_actors import actors, coded, run, stage  # noqa: F401  (fixtures)

PUB = date(2001, 5, 2)


@pytest.mark.parametrize("text,name,expected", [
    # the group's own 'in' / 'of' phrase
    ("Ethnic Hungarians in northern Romania staged a rally against the new law.", "Hungarians",
     ("Romania (ethnic Hungarians)", "ROU", "CVL")),
    ("The Hungarians of northern Romania demanded more schools.", "Hungarians",
     ("Romania (ethnic Hungarians)", "ROU", "CVL")),
    # the sentence's only other country
    ("About 200 ethnic Russians marched on Sunday in Latvia.", "Russians", ("Latvia (ethnic Russians)", "LVA", "CVL")),
])
def test_an_ethnic_group_is_the_civilians_of_the_country_it_lives_in(run, text, name, expected):
    """'ethnic Hungarians in northern Romania': Romania's civilians (CVL), not Hungary."""
    assert [coded(a) for a in actors(run(text, PUB), name)] == [expected]


def test_an_ethnic_agent_noun_is_of_the_country_it_lives_in(run):
    """'ethnic Hungarian activists operating in Slovakia': Slovak activists, not Hungarian."""
    ctx = run("Ethnic Hungarian activists operating in Slovakia were arrested.", PUB)
    assert [a.code for a in actors(ctx, "activists")] == ["SVK"]


def test_an_ethnic_group_with_no_one_home_is_uncoded(run):
    """Two other countries in the sentence (or a destination only: 'sent back to Bulgaria'): no
    guess, and never the nation-state of the name."""
    ctx = run("Ethnic Turks protested against Greece's decision to send them back to Bulgaria and Romania.", PUB)
    assert [a.code for a in actors(ctx, "Turks")] == [None]
    ctx = run("Ethnic Turks protested on Monday.", PUB)
    assert [a.code for a in actors(ctx, "Turks")] == [None]


def test_a_nationality_without_ethnic_keeps_its_country(run):
    """'Russians in Latvia' with no 'ethnic' may be visitors: Russia's people, as before; 'Hungarian
    activists' are Hungarian."""
    assert [a.code for a in actors(run("Russians in Latvia protested on Monday.", PUB), "Russians")] == ["RUS"]
    assert [a.code for a in actors(run("Hungarian activists were arrested in Slovakia.", PUB), "activists")] == ["HUN"]
