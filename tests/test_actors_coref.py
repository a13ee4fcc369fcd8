"""Coreference of plural groups and of pronouns inside quotations (actors/coref.py), new-user trial 7.

Hand-built sentences; the rules and their reasons are in the docstrings of
:func:`newsevents.actors.groups.resolve_group` helpers and :func:`~newsevents.actors.coref._quotation_speakers`.
"""
from __future__ import annotations

from datetime import date

import pytest

from newsevents.actors import ActorStage
from newsevents.pipeline import Context, Options
from newsevents.records import ArticleAnalysis

PUB = date(2019, 7, 1)


@pytest.fixture(scope="module")
def run(nlp):
    stage = ActorStage(Options(stages=("actors",)))

    def _run(text):
        ctx = Context(nlp(text), ArticleAnalysis(text=text), PUB, Options())
        stage(ctx)
        return ctx

    return _run


def named(ctx, text):
    return sorted(a.canonical for a in ctx.analysis.actors if a.text == text)


def test_the_subject_praising_both_leaders_is_not_one_of_them(run):
    ctx = run("Donald Trump offered to meet Kim Jong Un at the border. \"It's a great day,\" Trump said. "
              "South Korean President Moon Jae-in praised both leaders for their courage.")
    assert named(ctx, "both leaders") == ["Donald Trump", "Kim Jong Un"]


def test_a_group_inside_a_quotation_is_not_its_speaker(run):
    # the speaker is the subject of the cue verb governing the quotation; with one other man named
    # near, the pair is left unresolved rather than taking the speaker or a man named later
    ctx = run("The US welcomed the exchange, saying the hostages had suffered. \"We pray for the full "
              "recovery of both men,\" said White House Press Secretary Stephanie Grisham. When Afghan "
              "President Ashraf Ghani announced the exchange, he said Kabul had ensured it.")
    assert "Stephanie Grisham" not in named(ctx, "both men")
    assert named(ctx, "both men") == []


def test_a_country_named_as_a_destination_is_no_side(run):
    ctx = run("The Afghan government freed three Taliban prisoners and sent them to Qatar.\n\n"
              "Both sides said they were hopeful the swap could lead to a breakthrough.")
    assert named(ctx, "Both sides") == ["Afghanistan (government)", "Taliban"]


def test_a_pronoun_inside_a_quotation_is_not_its_speaker(run):
    ctx = run("Khamenei, the Supreme Leader of Iran, ordered three days of mourning. In his message, he "
              "praised Soleimani's life: \"He was a stellar example of those educated in Islam. He spent his "
              "entire life in jihad.\"")
    assert named(ctx, "he") == ["Ali Khamenei"]  # outside the quotation: the subject
    assert named(ctx, "He") == ["Soleimani", "Soleimani"]
    assert named(ctx, "his") == ["Ali Khamenei", "Soleimani"]
    ctx = run("Trump met Kim on Sunday. \"He is a great man,\" Trump said after the meeting.")
    assert named(ctx, "He") == ["Kim Jong Un"]


def test_a_bracketed_pronoun_in_a_quotation_is_the_writer_s(run):
    ctx = run("Trump met Kim on Sunday. Trump said he was \"very happy with [his] team.\"")
    assert named(ctx, "his") == ["Donald Trump"]


def test_a_subject_holding_the_group_does_not_exclude_its_referents(run):
    ctx = run("Turkey and Greece had earlier had poor relations, but the leaders of the two countries spoke by "
              "telephone on Friday night.")
    assert named(ctx, "the two countries") == ["Greece", "Turkey"] or named(ctx, "countries") == ["Greece", "Turkey"]


def test_both_standing_alone_is_the_pair_just_named(run):
    # two people named, then "Both" as a subject: those two
    ctx = run("Antoine Quirin and Nicolas Redouane were found guilty. Both on Thursday received prison terms.")
    assert named(ctx, "Both") == ["Antoine Quirin", "Nicolas Redouane"]
    # a group of two named as a group: that group
    ctx = run("Two French police officers were found guilty on Thursday. Both on Thursday received prison terms.")
    assert [a.code for a in ctx.analysis.actors if a.text == "Both"] == ["FRA"]


def test_the_two_leaders_are_no_generic_leader_named_with_a(pipeline):
    # "a leader of North Korea" names a kind of person; "the two leaders" are Trump and Kim
    text = ("U.S. President Donald Trump and North Korean leader Kim Jong Un met on Tuesday in Singapore, the "
            "first meeting between a sitting American president and a leader of North Korea. The two leaders "
            "signed a joint statement.")
    group = [a for a in pipeline(text).actors if a.text == "The two leaders"]
    assert sorted(a.canonical for a in group) == ["Donald Trump", "Kim Jong Un"]


def test_a_birthplace_is_not_the_country_of_the_sentences_other_people(pipeline):
    text = ("Paris police said the attacker was shot dead. Officials said the man was 45 years old and born in "
            "the French territory of Martinique.")
    officials = [a for a in pipeline(text).actors if a.text == "Officials"]
    assert officials and officials[0].code == "FRA"
