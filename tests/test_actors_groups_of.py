"""Actors named as groups: the members of a group of countries, civil-society groups, and 'both'
as a determiner.

Hand-built sentences with exact expected codes; the stage runs on its own, as in test_actors
(whose fixtures these tests reuse). Each class is named in its test's docstring.
"""
from __future__ import annotations

from datetime import date

from test_actors import actors, coded, run, stage  # noqa: F401  (fixtures)

PUB = date(2020, 11, 7)


def test_an_agent_noun_of_a_group_of_countries_is_theirs(run):
    """'Turkey and Greece ... the leaders of the two countries spoke': the leaders of Turkey and of
    Greece, one mention each (actors/groups.py code_members_of_groups), as for 'Russian and
    Ukrainian officials'; not an uncoded 'leaders'."""
    ctx = run("Turkey and Greece had earlier had poor relations over disputed resources, but the leaders "
              "of the two countries spoke by telephone on Friday night.", PUB)
    assert sorted(coded(a) for a in actors(ctx, "leaders")) == [
        ("Greece (leaders)", "GRC", "GOV"), ("Turkey (leaders)", "TUR", "GOV")]


def test_an_agent_noun_of_one_country_is_left_to_the_other_rules(run):
    """Only an 'of' object that coreference resolved to two countries or more is split: 'Officials
    of Kenya' keep the one country of their own 'of' phrase, one mention."""
    ctx = run("Officials of Kenya met in Nairobi on Friday.", PUB)
    assert [a.code for a in actors(ctx, "Officials")] == ["KEN"]


def test_both_before_a_noun_is_no_actor(run):
    """'opposed both articles of impeachment', 'the ministers of both countries': 'both' is the
    determiner of another noun, not a group of people of its own (agent_nouns.tsv row 'both' is
    for 'Both' standing alone)."""
    ctx = run("Two Democratic Representatives, Collin Peterson and Jeff Van Drew, opposed both articles "
              "of impeachment.", PUB)
    assert actors(ctx, "both") == []


def test_civil_society_groups_are_the_story_country_s(run):
    """'Some conservative groups have come to his defense' in a story about the United States:
    the civilians' groups of the article's country (agent_nouns.tsv 'groups', CVL, article
    context), as protesters and activists are."""
    text = ("The United States Justice Department charged the teenager in Washington. The United States "
            "Senate debated the case. Some conservative groups have come to his defense.")
    assert [coded(a) for a in actors(run(text, PUB), "groups")] == [("United States (groups)", "USA", "CVL")]


def test_armed_and_rights_groups_take_no_article_country(run):
    """'Armed groups attacked the village', 'Rights groups condemned the arrests' in a story about
    the United States: armed groups and rights groups are often foreign to the story's country, so
    only their sentence's country codes them (none here): REB and NGO, uncoded."""
    text = ("The United States Justice Department charged the teenager in Washington. The United States "
            "Senate debated the case. Armed groups attacked the village. Rights groups condemned the arrests.")
    ctx = run(text, PUB)
    assert [coded(a) for a in actors(ctx, "Armed groups")] == [("armed groups", None, "REB")]
    assert [coded(a) for a in actors(ctx, "Rights groups")] == [("rights groups", None, "NGO")]


def test_ministers_of_two_countries(run):
    """'the energy ministers of Greece and Cyprus': ministers (agent_nouns.tsv, GOV) of each country
    of its 'of' phrase."""
    ctx = run("The agreement was signed by the energy ministers of Greece and Cyprus.", PUB)
    assert sorted(coded(a) for a in actors(ctx, "ministers")) == [
        ("Cyprus (ministers)", "CYP", "GOV"), ("Greece (ministers)", "GRC", "GOV")]


def test_the_class_of_a_member_named_in_apposition_is_no_actor(run):
    """'One of these groups, the Syrian Democratic Forces (SDF), opposed the withdrawal and said
    it had assurances from the US': the SDF is the actor; 'groups' is no mention of its own, so
    never the sentence's country (was 'United States (groups)')."""
    ctx = run("One of these groups, the Syrian Democratic Forces (SDF), opposed the withdrawal and said it "
              "had been given assurances from the US.", PUB)
    assert actors(ctx, "groups") == []
    assert [a.code for a in actors(ctx, "Syrian Democratic Forces")] == ["SYR"]
    # without a name in apposition the class stays a mention
    ctx = run("Two of the groups opposed the withdrawal in Syria.", PUB)
    assert len(actors(ctx, "groups")) == 1
