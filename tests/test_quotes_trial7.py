"""Speaker classes from new-user trial 7 (notes/trial7.md, 1.7), on hand-built sentences.

The quotes stage runs with the actors stage before it (speakers are actor mentions), through the
whole pipeline; each test is one class, its rule in the docstring of the code named.
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def quotes(pipeline):
    def _run(text):
        an = pipeline(text, published="2020-07-02")
        return [(q.source.text if q.source else None, q.cue.text if q.cue else None, q.content.text,
                 q.speaker.canonical if q.speaker else None) for q in an.quotes]

    return _run


# -- 1. "according to" names the channel, the clause's subject the speaker (quotes/channels.py) --------
def test_a_channel_parsed_as_the_subject_is_not_the_speaker(quotes):
    got = quotes("According to semi-official news agency ISNA, the prosecutor general of Tehran, Ali Alghasi "
                 "Mehr, said the 36 must face murder charges.")
    assert got == [("the prosecutor general of Tehran, Ali Alghasi Mehr", "said", "the 36 must face murder charges",
                    "Ali Alghasi Mehr")]


@pytest.mark.parametrize("text,expected", [
    ("According to Reuters, the minister said the talks had failed.",
     [("the minister", "said", "the talks had failed", "the minister")]),
    ("The talks had failed, the minister said, according to Reuters.",
     [("the minister", "said", "The talks had failed", "the minister")]),
    # 2. a quotation's speaker is the pronoun's antecedent, not the statement's issuer
    ("Benjamin Netanyahu visited the settlement on Tuesday. \"Here we are on a historic day,\" he told settler "
     "leaders, according to a statement.",
     [("he", "told", "Here we are on a historic day", "Benjamin Netanyahu")]),
])
def test_the_statement_in_an_according_to_clause_is_its_subject_s(quotes, text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a clause whose subject is a noun of attribution names no one: the phrase's source stays
    ("According to reports, criticism within Serbia has said cases rose because the president eased the rules.",
     ("reports", "According to")),
    # a clause of belief, not of saying: the poll is the source
    ("According to the poll, voters believe the economy is weak.", ("the poll", "According to")),
    # a deed, not a statement: the filing reports it
    ("According to the filing, Ford disclosed the matter to regulators.", ("the filing", "According to")),
])
def test_according_to_keeps_its_source_when_no_one_else_speaks(quotes, text, expected):
    assert [(s, c) for s, c, _, _ in quotes(text)] == [expected]


# -- 3. a bare plural document is nobody in particular (quotes/speakers.py) ---------------------------
def test_bare_plural_reports_are_not_the_last_speaker(quotes):
    got = quotes("Police director Vladimir Rebic said at least 71 people were arrested. According to reports, "
                 "criticism within Serbia has said cases rose because the president eased the rules.")
    assert [sp for _, _, _, sp in got] == ["Vladimir Rebic", "reports"]


# -- 4. "the source" is the anonymous source met before, not the reporter named beside it ------------
def test_the_source_is_the_earlier_anonymous_source(quotes):
    got = quotes("A VOA reporter Nisan Ahmado's source inside the camp, a Syrian refugee, said that the claim is "
                 "false. \"Not the U.S. nor any of the rebels are preventing people from leaving,\" the source said.")
    assert [sp for _, _, _, sp in got] == ["Nisan Ahmado's source", "Nisan Ahmado's source"]
    got = quotes("Nisan Ahmado, a VOA reporter, visited the camp. \"No one is stopping people,\" a source told "
                 "Ahmado. \"Many people are afraid to return,\" the source said.")
    assert [sp for _, _, _, sp in got] == ["a source", "a source"]


# -- 5. pronoun sources: resolved or no speaker; an anonymity request is no quote ----------------------
def test_it_is_the_organisation_that_spoke_before(quotes):
    got = quotes("Two service members were killed in a crash in Afghanistan, the US military said in a statement. "
                 "It did not reveal the crash location and said it was withholding the names of those killed.")
    assert [(s, sp) for s, _, _, sp in got] == [("the US military", "the US military"), ("It", "the US military"),
                                               ("It", "the US military")]
    got = quotes("Russia's foreign ministry said it viewed the move as a violation and said it would likely "
                 "further heighten tensions.")
    assert [sp for _, _, _, sp in got] == ["Russia's foreign ministry", "Russia's foreign ministry"]


def test_an_unresolved_pronoun_names_no_speaker(quotes):
    assert quotes("It said the talks would resume.") == [("It", "said", "the talks would resume", None)]


@pytest.mark.parametrize("text,expected", [
    ("The Palestinian Authority - which considers the US biased and has rejected the Trump administration as a "
     "mediator - called for a meeting.", ("which", "has rejected", "Palestinian Authority")),
    ("Hillary Clinton, who spent the day lambasting Trump's plan, spoke in Ohio.",
     ("who", "lambasting", "Hillary Clinton")),
])
def test_a_relative_pronoun_of_a_continued_relative_clause_is_its_antecedent(quotes, text, expected):
    assert [(s, c, sp) for s, c, _, sp in quotes(text)] == [expected]


@pytest.mark.parametrize("text", [
    "Which is not to say that whatever happened on Saturday was minor.",
    "Both men were freed, but it's impossible to know whether they were forced to speak.",
    "(Trump, it's also worth noting, repeatedly sought to make Hillary Clinton's health an issue in 2016.)",
    "Both men asked for help — but it’s impossible to know whether they were forced to speak.",
])
def test_a_relative_without_antecedent_or_an_expletive_it_is_no_source(quotes, text):
    assert quotes(text) == []


def test_it_with_an_agent_adjective_is_someone(quotes):
    got = quotes("Russia's foreign ministry said the plan was illegal. It was quick to deny the report.")
    assert [(s, c, sp) for s, c, _, sp in got] == [("Russia's foreign ministry", "said", "Russia's foreign ministry"),
                                                  ("It", "to deny", "Russia's foreign ministry")]


def test_asking_not_to_be_identified_is_no_quote(quotes):
    got = quotes("A refugee who feared retaliation and asked not to be identified said that the claim is false. "
                 "An official who asked not to be named said the talks failed.")
    assert [(c, content) for _, c, content, _ in got] == [("said", "that the claim is false"),
                                                          ("said", "the talks failed")]


# -- 7. deeds returned as quotes ------------------------------------------------------------------------
def test_a_person_showing_a_thing_is_no_evidence(quotes):
    # evidence verbs take an object from polls, studies, videos; a person showing one does something
    assert quotes("Donald Trump met the press. Trump has shown little hesitation to doctor reports in the past.") == []
    assert [(s, c) for s, c, _, _ in quotes("Polls show a close race in Ohio.")] == [("Polls", "show")]
    assert [(s, c) for s, c, _, _ in quotes("Donald Trump met the press. Trump has shown that he can win.")] \
        == [("Trump", "has shown")]


def test_writing_a_document_is_a_deed(quotes):
    assert [c for _, c, _, _ in quotes("Bornstein later said Trump had written the letter himself.")] == ["said"]
    assert [(c, content) for _, c, content, _ in quotes("Trump wrote a letter saying the deal was dead.")] \
        == [("saying", "the deal was dead")]


def test_praise_of_a_target_for_a_reason_is_a_stance(pipeline):
    def kinds(text):
        return [(q.kind, q.content.text) for q in pipeline(text, published="2019-07-01").quotes]

    assert kinds("South Korean President Moon Jae-in praised both leaders for their courage.") \
        == [("stance", "both leaders for their courage")]
    # a gerund reason says what the target did; blame claims who did it
    assert kinds("The senator praised him for refusing to testify.") == [("indirect", "him for refusing to testify")]
    assert kinds("Ahmed al-Assadi blamed both Israel and the United States for the attack.") \
        == [("indirect", "both Israel and the United States for the attack")]


# -- 6. a claim with no one named is no quote: kind "unsourced" (quotes/assemble.py) ---------------------
@pytest.mark.parametrize("text,cue", [
    ("Some 200 U.S. military personnel are believed to remain at the base.", "are believed"),
    ("Russia and the Syrian government have been accused of creating a humanitarian crisis.", "have been accused"),
    ("The court is expected to take key decisions on two cases in the coming weeks.", "is expected"),
])
def test_a_passive_claim_without_a_source_is_unsourced(pipeline, text, cue):
    got = [(q.kind, q.cue.text, q.source, q.speaker) for q in pipeline(text, published="2019-11-20").quotes]
    assert got == [("unsourced", cue, None, None)]


def test_a_sourced_claim_keeps_its_kind(pipeline):
    got = [(q.kind, q.source.text) for q in pipeline("Officials said 200 troops would remain at the base.",
                                                      published="2019-11-20").quotes]
    assert got == [("indirect", "Officials")]
