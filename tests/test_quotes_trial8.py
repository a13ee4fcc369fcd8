"""Span, non-quote and speaker classes from new-user trial 8 (notes/trial8.md, 1.7), on hand-built sentences.

The quotes stage runs with the actors stage before it, through the whole pipeline; each test is one class,
its rule in the docstring of the code named.
"""
from __future__ import annotations

import pytest


def quote_rows(an) -> list:
    """(kind, source, cue, content, speaker) of each quote of the analysis ``an`` (also test_quotes_trial10)."""
    return [(q.kind, q.source.text if q.source else None, q.cue.text if q.cue else None, q.content.text,
             q.speaker.canonical if q.speaker else None) for q in an.quotes]


@pytest.fixture(scope="module")
def quotes(pipeline):
    def _run(text):
        return quote_rows(pipeline(text, published="2020-07-02"))

    return _run


def _content(got):
    return [(cue, content) for _, _, cue, content, _ in got]


# -- 1. a direct quotation's content ends at its closing mark (quotes/bounds.py quotation_content) -----------
@pytest.mark.parametrize("text,expected", [
    ('Erdoğan said, "They need to stand by us", while addressing the press yesterday.',
     [("direct", "said", '"They need to stand by us"')]),
    ('Health Minister Łukasz Szumowski said "We couldn\'t win," and the city flag is at half-mast.',
     [("direct", "said", '"We couldn\'t win,"')]),
])
def test_content_ends_at_the_closing_quotation_mark(quotes, text, expected):
    assert [(k, c, t) for k, _, c, t, _ in quotes(text)] == expected


def test_words_of_the_cue_before_the_quotation_still_introduce_it(quotes):
    got = quotes('Sanders said in his live stream, "I do not make this decision lightly", calling it a "difficult '
                 'and painful decision".')
    assert [(c, t, sp) for _, _, c, t, sp in got] == [
        ("said", '"I do not make this decision lightly"', "Sanders"),
        ("calling", 'it a "difficult and painful decision"', "Sanders")]
    # the quotation is the first cue's: a cue after it does not take it; the participle is the writer's
    # ('recalling their first meeting', misparse.appended_statement), and so is the quotation after it
    got = quotes('Ryan Coogler wrote of Boseman, "I noticed then that Chad was an anomaly", recalling their first '
                 'meeting. "He was calm. Assured."')
    assert [(s, c, t) for _, s, c, t, _ in got] == [("Ryan Coogler", "wrote", '"I noticed then that Chad was an anomaly"'),
                                                  ("Ryan Coogler", "recalling", "their first meeting"),
                                                  ("Ryan Coogler", "recalling", '"He was calm. Assured."')]


def test_a_quotation_taken_for_the_subject_of_a_verb_after_it_still_inverts(quotes):
    # 'read' parsed as a conjunct of the quotation's last verb: the object after it is the source
    got = quotes('"Storm Lorenzo will produce significant swell. This will lead to coastal flooding and damage, '
                 'especially along western coasts", read the warning.')
    assert [(s, c) for _, s, c, _, _ in got] == [("the warning", "read")]


def test_a_quoted_phrase_inside_a_clause_stays_mixed(quotes):
    got = quotes('The mayor said "the plan" was dangerous.')
    assert [(k, c) for k, _, c, _, _ in got] == [("mixed", "said")]
    assert got[0][3].endswith("was dangerous")
    # a reported clause going on after the quotation: "and that ..." is still what was said
    got = quotes('The mayor said "we will not negotiate," and that the talks were over.')
    assert [(k, c) for k, _, c, _, _ in got] == [("mixed", "said")]
    assert got[0][3].endswith("the talks were over")


def test_a_participle_after_a_closed_quotation_is_the_same_speaker_s_statement(quotes):
    # the parser hangs "observing" inside the first quotation (misparse.appended_statement)
    got = quotes('Steve Peers, speaking to the BBC, said, "If there\'s a court order, then Facebook has to search for '
                 'variations of it", also observing, "there\'s no harmonised defamation law internationally".')
    assert [(c, t, sp) for _, _, c, t, sp in got] == [
        ("said", '"If there\'s a court order, then Facebook has to search for variations of it"', "Steve Peers"),
        ("observing", '"there\'s no harmonised defamation law internationally"', "Steve Peers")]


# -- 2. the speaker's own next verb is not part of the content (bounds.speaker_verb_cut) ---------------------
@pytest.mark.parametrize("text,cue,content", [
    ("Raab urged the embassy to reconsider and spoke with US Secretary of State Mike Pompeo about the case.",
     "urged", "the embassy to reconsider"),
    ("Raab said the embassy would reconsider and spoke with Pompeo about the case.",
     "said", "the embassy would reconsider"),
    # an infinitive goes on an infinitive: both are what was urged
    ("Raab urged the embassy to reconsider and speak with Pompeo.", "urged",
     "the embassy to reconsider and speak with Pompeo"),
    # two finite verbs of the reported clause's own subject stay
    ("Raab said prices rose and fell.", "said", "prices rose and fell"),
])
def test_content_ends_before_the_speaker_s_next_verb(quotes, text, cue, content):
    assert (cue, content) in _content(quotes(text))


# -- 3. "and, according to X, Y": X's claim is Y only (bounds.conjunct_scope) ------------------------------
@pytest.mark.parametrize("text,expected", [
    ("PKK is a banned militant organization in Turkey; YPG is the main fighting force of the SDF, largely Kurdish "
     "and, according to Turkey, supportive of the PKK.", ("Turkey", "supportive of the PKK")),
    ("The suspect was arrested on Monday and, according to police, he confessed to the attack.",
     ("police", "he confessed to the attack")),
    # a fronted "according to" still takes its whole clause
    ("According to police, the attack killed five people.", ("police", "the attack killed five people")),
])
def test_according_to_after_a_coordinator_attributes_its_conjunct(quotes, text, expected):
    assert [(s, t) for _, s, _, t, _ in quotes(text)] == [expected]


# -- 4. non-quotes: a means, a gloss, an outcome, a pursuit (quotes/deeds.py, cues.yaml) --------------------
@pytest.mark.parametrize("text", [
    "Some protesters responded by throwing things, including Molotov cocktails.",
    "The White House refers to the United States president's office.",
    "The president gave an address that sought harmony but succeeded only in underlining the deep discord.",
    "He sought such intervention to prevent the firm from releasing his tax returns.",
    # claiming money is a demand, and a quotation in its phrase is no content (cues.yaml action_objects)
    "Three fans have filed a lawsuit claiming thousands of pounds in “emotional injury” damages against two activists.",
    "The fire claimed 30 lives.",
])
def test_deeds_and_glosses_are_no_quotes(quotes, text):
    assert quotes(text) == []


def test_a_cue_that_reports_nothing_does_not_take_a_quotation_near_it(quotes):
    got = quotes("Donald Trump has promised a “new American moment” in a State of the Union address that sought "
                 "harmony but succeeded only in underlining the deep discord at the heart of the country’s politics.")
    assert [(k, s, c, t) for k, s, c, t, _ in got] == [("direct", "Donald Trump", "has promised", "“new American moment”")]


@pytest.mark.parametrize("text,cue,content", [
    # a means that holds a clause is what was said (PolNeAR dev annotates it)
    ("Trump responded by using the example of Chicago to prove that gun control is not the solution.",
     "responded by", "using the example of Chicago to prove that gun control is not the solution"),
    ("Trump referred to the wall in his speech.", "referred to", "the wall"),
    ("The campaign is seeking to contrast her approach with Trump.", "is seeking",
     "to contrast her approach with Trump"),
    ("The group claimed responsibility for the attack.", "claimed", "responsibility for the attack"),
])
def test_the_same_cues_still_report_speech(quotes, text, cue, content):
    assert _content(quotes(text)) == [(cue, content)]


# -- 5. "recounted" introduces a quotation (cues.yaml) -------------------------------------------------------
def test_recounted_is_a_speech_cue(quotes):
    got = quotes("“My people had $20 billion done,” Mr. Trump recounted in an Oct. 21 cabinet meeting.")
    assert [(k, s, c, sp) for k, s, c, _, sp in got] == [("direct", "Mr. Trump", "recounted", "Donald Trump")]
    assert got[0][3].strip("“”,") == "My people had $20 billion done"


# -- 6. speakers (quotes/speakers.py, quotes/coref.py) -------------------------------------------------------
def test_a_name_in_a_prepositional_phrase_on_the_head_is_not_the_speaker(quotes):
    got = quotes("Three teenage Israeli fans of the popstar Lorde have filed a lawsuit claiming the cancellation "
                 "harmed them.")
    assert [sp for *_, sp in got] == ["Three teenage Israeli fans of the popstar Lorde"]
    got = quotes("Supporters of Boris Johnson said the vote was rigged.")
    assert [sp for *_, sp in got] == ["Supporters of Boris Johnson"]
    got = quotes("The son of Donald Trump said the vote was rigged.")
    assert [sp for *_, sp in got] == ["The son of Donald Trump"]


def test_an_organisation_after_the_head_still_speaks(quotes):
    got = quotes("According to data from the World Health Organisation, there were 10 million cases of measles.")
    assert [sp for *_, sp in got] == ["World Health Organization"]
    got = quotes('Members of the House of Commons protested, "shame on you!"')
    assert [sp for *_, sp in got] == ["House of Commons"]


def test_the_name_a_speaker_goes_by_is_the_speaker(quotes):
    got = quotes('"A lot of people think that," said a protester using the pseudonym Katya.')
    assert [sp for *_, sp in got] == ["Katya"]


def test_he_is_the_possessor_of_a_subject_that_is_a_thing(quotes):
    got = quotes("“Tensions are threatening to put the brakes on growth,” John Williams, the president of the Federal "
                 "Reserve Bank of New York, said in a speech last week.\n\nMr. Trump’s theatrical embrace is not "
                 "limited to China. He has injected similar drama into trade talks, suggesting he might leave some "
                 "trading partners behind.")
    assert [(c, sp) for _, _, c, _, sp in got] == [("said", "John Williams"), ("suggesting", "Donald Trump")]
    # the possessor of a subject in a subordinate clause is not the one the text is about
    got = quotes("Mueller lost his job after Swift’s management and security team told him he would no longer be "
                 "welcome. He subsequently sued Swift, claiming he had been falsely accused.")
    assert [(c, sp) for _, _, c, _, sp in got][-1] == ("claiming", "Mueller")
    # the possessor of a person is not "he": the lawyer is
    got = quotes("Mr. Trump’s lawyer said the deal was fair. He said the talks would go on.")
    assert [sp for *_, sp in got] == ["Donald Trump's lawyer", "Donald Trump's lawyer"]


def test_of_two_subjects_the_parser_gives_the_cue_the_nearer_one_speaks(pipeline):
    # trial 9: the clause "Millions dwell in the nation's slums" became the speaker
    text = ("Millions dwell in the nation's slums, and while there was no suggestion of sabotage, "
            "local activists claimed fires had been deliberately set to clear away slum buildings.")
    quotes = pipeline(text).quotes
    assert quotes and quotes[0].source.text == "local activists"


def test_the_listener_of_told_is_not_the_start_of_the_content(pipeline):
    # trial 9: 'told Agence France-Presse arson has been used' began the content with the agency
    text = 'One activist, Nur Khan Liton, on Sunday told Agence France-Presse arson has been used "as a weapon".'
    [q] = pipeline(text).quotes
    assert q.content.text.startswith("arson has been used")
