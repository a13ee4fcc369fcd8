"""Attribution classes found by breaking down the PolNeAR dev loss (issue 8, seventh round).

Hand-built sentences, one class each; the rule and its source are in the docstring of the code
that implements it. PolNeAR annotation guidelines: Newell, Margolin & Ruths (LREC 2018),
annotation-guidelines/guidelines.pdf in networkdynamics/PolNeAR.
"""
import pytest

from test_quotes import run, stage  # noqa: F401  (stage is a fixture)


def found(nlp, stage, text, actors=()):  # noqa: F811
    return [(q.source.text if q.source else None, q.cue.text if q.cue else None, q.content.text)
            for q in run(nlp, stage, text, actors)]


@pytest.mark.parametrize("text,expected", [
    # a second statement verb the parser hung on the reported clause's verb
    ("The senator, speaking to a farmers group in Ohio, said she would order a review of the rules and warned "
     "against cuts to the program.",
     [("The senator", "said", "she would order a review of the rules"),
      ("The senator", "warned against", "cuts to the program")]),
    ("Governor Dale Hart said he had suffered from the flu twice and called it a common illness.",
     [("Governor Dale Hart", "said", "he had suffered from the flu twice"),
      ("Governor Dale Hart", "called", "it a common illness")]),
    ("Reyes said the bridge would open in May and promised to cut tolls.",
     [("Reyes", "said", "the bridge would open in May"), ("Reyes", "promised", "to cut tolls")]),
    # a participle of saying after the comma that closes the reported clause
    ("Foreign analysts said trade has risen sharply, citing the growth of exports to Canada.",
     [("Foreign analysts", "said", "trade has risen sharply"),
      ("Foreign analysts", "citing", "the growth of exports to Canada")]),
    # a conjunct that may be the clause subject's own act stays in the clause
    ("The judge said the man was armed and told officers to leave.",
     [("The judge", "said", "the man was armed and told officers to leave")]),
    # a participle of a deed is no statement ('claiming 30 lives'): the clause keeps it
    ("The general said the troops attacked the town, claiming 30 lives.",
     [("The general", "said", "the troops attacked the town, claiming 30 lives")]),
    ("Mr. Lee said he was innocent and cheated nobody.", [("Mr. Lee", "said", "he was innocent and cheated nobody")]),
])
def test_a_statement_appended_to_a_reported_clause_is_its_own(nlp, stage, text, expected):  # noqa: F811
    assert found(nlp, stage, text) == expected


def test_quoted_transcript_turns_are_one_quote_each(nlp, stage):  # noqa: F811
    # each paragraph opens with a quote mark and only the last closes, as in a long quotation; a
    # paragraph opening with a speaker's label in capitals is a new turn, not a continuation
    text = ('The governor spoke on Sunday television.\n\nPartial transcript as follows:\n\n'
            '"HOST: Let us start with the news of the day. Will the budget pass this week?\n\n'
            '"REYES: Well, look, the budget will pass. We have the votes and we will use them.\n\n'
            '"HOST: If I may, sir, we have limited time. Will the mayor be there?\n\n'
            '"REYES: The mayor will not attend the debate tomorrow night."\n\nThe interview ended there.')
    assert found(nlp, stage, text) == [
        ("HOST", ":", "Let us start with the news of the day. Will the budget pass this week?"),
        ("REYES", ":", "Well, look, the budget will pass. We have the votes and we will use them."),
        ("HOST", ":", "If I may, sir, we have limited time. Will the mayor be there?"),
        ("REYES", ":", "The mayor will not attend the debate tomorrow night."),
    ]


def test_long_quotation_over_paragraphs_stays_one(nlp, stage):  # noqa: F811
    text = ('The mayor said:\n\n"We will rebuild the bridge. It will take two years.\n\n'
            '"Nobody will pay a toll on it."\n\nThe council agreed.')
    got = [g for g in found(nlp, stage, text) if g[1] == "said"]
    assert got == [("The mayor", "said", '"We will rebuild the bridge. It will take two years.\n\n'
                                         '"Nobody will pay a toll on it."')]


@pytest.mark.parametrize("text,expected", [
    # a section heading in the body names no speaker
    ("The U.N. at 70\n\nLittle Relief for Refugees: The refugee crisis is the sort of issue the body was made "
     "for. It has failed.", []),
    ("The U.N. at 70\n\nThe Gap Goes On: It was under his watch that the assembly set up a new agency.", []),
    # editorial labels (data: colon_labels)
    ("A vote was held.\n\nCLARIFICATION: An earlier version misstated the date of the vote.", []),
    ("The Latest: Mayor urges voters to check their registration.",
     [("Mayor", "urges", "voters to check their registration")]),
    # a named speaker or a listed source noun before the colon still speaks
    ('The senate met.\n\nSenator Alma Reyes: "We will not stand for this."',
     [("Senator Alma Reyes", ":", '"We will not stand for this."')]),
    ("Poll: Reyes leads the race by ten points.", [("Poll", ":", "Reyes leads the race by ten points.")]),
])
def test_section_headings_and_labels_before_a_colon_are_no_source(nlp, stage, text, expected):  # noqa: F811
    assert found(nlp, stage, text) == expected


def test_a_reported_clause_never_crosses_a_paragraph_break(nlp, stage):  # noqa: F811
    # with two apostrophes as quote marks the parser runs "told" back over the paragraph before
    text = ("The network is a Trojan horse, said one critic of the channel.\n\n"
            "Both Mr. King and Mr. Schultz say the management has never told them what to say.\n\n"
            "''I have never -- never -- been edited or had a show of mine not run,'' Mr. King, 82, told me.\n\n"
            "Mr. King is not an employee of the channel.")
    got = found(nlp, stage, text)
    assert ("Both Mr. King and Mr. Schultz", "say", "the management has never told them what to say") in got
    told = [g for g in got if g[1] == "told"]
    assert len(told) == 1 and told[0][0] == "Mr. King, 82" and "\n" not in told[0][2] \
        and told[0][2].endswith("had a show of mine not run")


def test_a_stray_mark_opening_a_paragraph_is_no_quotation(nlp, stage):  # noqa: F811
    # a straight mark nothing closes, then a paragraph opening with a curly one: two things, not one
    # quotation over two paragraphs; the first paragraph's own attribution is found
    text = ('On her papers a doctor had typed “anxiety.”\n\n"Melanie thought the whole thing was outrageous. '
            'She was anxious, sure.\n\n“It never crossed my mind that I am losing it,” she said months later.')
    assert found(nlp, stage, text) == [("Melanie", "thought", "the whole thing was outrageous"),
                                       ("she", "said", "“It never crossed my mind that I am losing it,”")]


@pytest.mark.parametrize("text,expected", [
    # evidence verbs after the clause they report, as verbs of saying do
    ("Donations to political groups hit nearly $1 billion through August, a new analysis of campaign reports shows.",
     [("a new analysis of campaign reports", "shows", "Donations to political groups hit nearly $1 billion through "
                                                     "August")]),
    ("Large sections of the city are divided by race and income, other studies have shown.",
     [("other studies", "have shown", "Large sections of the city are divided by race and income")]),
    # "agreed" still takes a clause only after "that" (a plain clause was measured and left out)
    ("EU foreign ministers agreed travel bans on Monday.", []),
])
def test_evidence_verbs_after_their_clause(nlp, stage, text, expected):  # noqa: F811
    assert found(nlp, stage, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a question on a topic: 'asked about X'
    ("Asked about the bombing, the mayor said the city was safe.",
     [(None, "Asked about", "the bombing"), ("the mayor", "said", "the city was safe")]),
    # a bare past participle before the subject: the subject was asked, the asker is not named
    ("Asked whether he would resign, the mayor said he would not.",
     [(None, "Asked", "whether he would resign"), ("the mayor", "said", "he would not")]),
])
def test_asked_about_and_a_participle_of_being_asked(nlp, stage, text, expected):  # noqa: F811
    assert found(nlp, stage, text) == expected


@pytest.mark.parametrize("text,expected", [
    # what a thing is likened or compared to is part of the content (data: verb_object_preps)
    ("Another critic, Laurence Tribe, likened the rules to burning the Constitution.",
     [("Another critic, Laurence Tribe", "likened", "the rules to burning the Constitution")]),
    ("The professor compared the senator to a coach at a basketball game.",
     [("The professor", "compared", "the senator to a coach at a basketball game")]),
    # the object of "asked" is the one asked, never the content
    ("The moderator asked Clinton about her email scandal.", [("The moderator", "asked", "her email scandal")]),
    ("She asked the court to delay the vote.", [("She", "asked", "the court to delay the vote")]),
])
def test_likened_to_and_the_one_asked(nlp, stage, text, expected):  # noqa: F811
    assert found(nlp, stage, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a poll or study a clause is read in, fronted (data: in_sources)
    ("In the previous Washington Post poll, conducted in early September, Clinton led Trump by 5 points.",
     [("the previous Washington Post poll, conducted in early September", "In", "Clinton led Trump by 5 points")]),
    # a place, not a source; a cue verb of its own
    ("The citizenship question was last included in the census in 1950.", []),
    ("In a report released Monday, the agency said the river was clean.",
     [("the agency", "said", "the river was clean")]),
    # 'as X put it' (data: as_cues); inside its clause, the clause on both sides
    ("As a memo from the agency put it, the main requirement is a lawful source of income.",
     [("a memo from the agency", "put it", "the main requirement is a lawful source of income")]),
    ("The main requirement, as Ms. Lee put it, is a lawful source of income.",
     [("Ms. Lee", "put it", "The main requirement"), ("Ms. Lee", "put it", "is a lawful source of income")]),
    ("He put it on the table as a gift.", []),
])
def test_according_to_like_phrasings(nlp, stage, text, expected):  # noqa: F811
    assert found(nlp, stage, text) == expected


def test_markup_tags_hold_no_quotes(nlp, stage):  # noqa: F811
    # an embedded tweet left as a tag: its name is no cue, its attribute values no quotations
    text = ('Pence was praised by his followers.\n\n<tweet tweet-id="783499116076687360"><tweet/>.\n\n'
            '<tweet tweet-id="783491630540001280"><tweet/>.\n\nWriting for a newspaper, Mark Barabak noted that '
            'Pence was calm.')
    got = found(nlp, stage, text)
    assert not [g for g in got if "tweet" in (g[1] or "") or "7834" in g[2]]
    assert ("Mark Barabak", "noted", "that Pence was calm") in got


def test_a_source_is_never_inside_a_quotation(nlp, stage):  # noqa: F811
    # the parser gives "said" two subjects, the quotation's own clause first: the other one speaks
    text = "“My reaction, that was outrageous,” Axelrod said in an interview. “He has refused to apologize.”"
    assert found(nlp, stage, text) == [("Axelrod", "said", "“My reaction, that was outrageous,”"),
                                       ("Axelrod", "said", "“He has refused to apologize.”")]
    # a transcript label inside a quoted transcript still speaks its turn
    text = 'Transcript:\n\n"HOST: Will the mayor be there?\n\n"REYES: The mayor will not attend the debate."'
    assert [g[0] for g in found(nlp, stage, text)] == ["HOST", "REYES"]
    # the parser runs the subject back into the quotation of the paragraph before: no such source
    text = ("Dean poked at the senator during the debate, tweeting, “Notice him sniffing all the time. Coke user?”"
            "\n\nDean, a medical doctor, then appeared on television on Tuesday and began by saying he would never "
            "diagnose someone through television.")
    assert not [g for g in found(nlp, stage, text) if g[0] and "Coke" in g[0]]


@pytest.mark.parametrize("text,expected", [
    # the that-clause the parser hung on the addressee comes after the addressee's whole phrase
    ("Last week he told a meeting of island leaders that few people understood the stakes of climate change.",
     [("he", "told", "that few people understood the stakes of climate change")]),
    ("He met the leaders of the group that he had founded.", []),
])
def test_that_clause_after_the_addressee_phrase(nlp, stage, text, expected):  # noqa: F811
    assert found(nlp, stage, text) == expected
