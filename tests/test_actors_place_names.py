"""Names that are places, not actors, and copular clauses that do not say who a name is.

Hand-built sentences; the stage runs on its own, as in test_actors (whose fixtures these tests
reuse), with a places record injected where the places stage would give one.
"""
from __future__ import annotations

from datetime import date

from test_actors import actors, coded, one, run, stage  # noqa: F401  (fixtures)

PUB = date(2019, 11, 18)


def test_a_name_the_places_stage_placed_is_no_organisation(run):
    """'struck the largest processing plant at Abqaiq': a Saudi town the places stage placed (a
    literal toponym over the whole name) is not an actor, whatever the NER label."""
    text = ("Drones struck the largest processing plant at Abqaiq and the Khurais oil field on Saturday. "
            "In 2006, Abqaiq was the target of an Al-Qaeda suicide attack.")
    ctx = run(text, PUB, places=[("Abqaiq", "SAU")])
    assert not [a for a in actors(ctx) if "Abqaiq" in a.text]


def test_a_name_used_as_a_location_is_a_place_in_every_mention(run):
    """'The U.S. will keep its military base in al-Tanf ... pressuring the U.S. to leave al-Tanf':
    an unknown name after 'in' is where something is; its other mentions are no actors either
    (here coded USA by the article's country before)."""
    text = ("The U.S. will keep its military base in al-Tanf after American troops leave. Iran, Russia and "
            "Syria have been pressuring the U.S. to leave al-Tanf. The United States said the United States "
            "would stay.")
    ctx = run(text, PUB)
    assert not [a for a in actors(ctx) if "Tanf" in a.text]


def test_a_person_in_whom_one_has_confidence_stays_a_person(run):
    """'confidence in Jan Kowalski': 'in' after a word of trust places nobody (actor rules
    ``non_locative_heads``)."""
    text = ("Voters have lost confidence in Jan Kowalski, the mayor. Jan Kowalski said on Monday "
            "that he would not resign.")
    ctx = run(text, PUB)
    assert [a.text for a in actors(ctx) if a.text == "Jan Kowalski"] == ["Jan Kowalski", "Jan Kowalski"]


def test_a_copula_whose_noun_says_nothing_of_the_person_gives_no_country(run):
    """'X was the target of an Al-Qaeda attack' does not make X a member of al-Qaeda; 'X was a
    member of Hezbollah' does make X Lebanese (rules.yaml ``describing_nouns``)."""
    ctx = run("Jan Kowalski was the target of an Al-Qaeda attack on Monday.", PUB)
    assert one(ctx, "Jan Kowalski").code is None
    ctx = run("Ali Hassan was a member of Hezbollah until he was killed on Monday.", PUB)
    assert one(ctx, "Ali Hassan").code == "LBN"


def test_a_body_filed_in_is_still_a_body(run):
    """'filed a motion in Federal District Court ... Federal District Court ruled': a name holding an
    organisation word or agent noun is a body wherever it sits (actor rules ``organisation_words``)."""
    text = ("The group filed a motion in Federal District Court on Friday. Federal District Court "
            "ruled against the United States government on Monday.")
    ctx = run(text, PUB)
    assert [a.sector for a in actors(ctx, "Federal District Court")] == ["JUD", "JUD"]


def test_a_possessive_before_a_name_is_not_part_of_it(run):
    """"the Taliban’s deputy leader, Sirajuddin Haqqani, who heads the group’s Haqqani network": the
    model tags '’s Haqqani' as a name; the name is 'Haqqani' (the short name of the leader)."""
    text = ("The released insurgents included Anas Haqqani, the younger brother of the Taliban’s deputy "
            "leader, Sirajuddin Haqqani, who heads the group’s Haqqani network.")
    ctx = run(text, PUB)
    assert not [a for a in actors(ctx) if a.text.startswith(("’s", "'s"))]


def test_an_honorific_before_a_table_name_keeps_the_table_person(run):
    """'Sayyid Ali Hosseini Khamenei, the Supreme Leader of Iran': the office holder (IRN, GOV),
    and the apposition the same person, not a new uncoded name and a second Khamenei."""
    text = ("Sayyid Ali Hosseini Khamenei, the Supreme Leader of Iran, ordered three days of public "
            "mourning after the strike. In his message, he praised the general.")
    ctx = run(text, date(2020, 1, 5))
    assert {coded(a) for a in actors(ctx) if a.kind == "person"} == {("Ali Khamenei", "IRN", "GOV")}


def test_a_name_given_to_a_place_is_a_place(run):
    """'The Rukban camp, also known as the Berm': the name of a place noun (rules.yaml
    ``place_head_nouns``) is a place at every mention ('Berm residents', 'The Berm said'); a name
    given to a group stays an actor (trial 8)."""
    text = ("The Rukban camp, also known as the Berm, is located in the desert near Syria\u2019s border with "
            "Jordan. \u201cAlthough Berm residents have not been permitted to cross into Jordan, they stay,\u201d "
            "Simpson said. The Berm said nothing.")
    ctx = run(text, places=[("Syria", "SYR"), ("Jordan", "JOR")])
    assert not any("Berm" in a.text for a in ctx.analysis.actors)
    ctx = run("The opposition group, also known as the Berm, said it would fight.")
    assert [a.text for a in ctx.analysis.actors] == ["Berm"]
