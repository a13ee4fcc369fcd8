"""Wrong-speaker classes from new-user trial 10 (notes/trial10.md, sections 2 and 8), on hand-built sentences.

A quote given to the wrong person is the worst error for a fact-checker (`quotes --speaker X`). The quotes
stage runs with the actors stage before it, through the whole pipeline; each test is one class, its rule in
the docstring of the code named.
"""
from __future__ import annotations

import pytest

from test_quotes_trial8 import quote_rows


@pytest.fixture(scope="module")
def quotes(pipeline):
    def _run(text):
        return quote_rows(pipeline(text, published="2021-03-02"))

    return _run


def _speakers(got, needle):
    return [sp for _, _, _, content, sp in got if needle in content]


# -- 1. a person inside the speaker's appositive description is not the speaker (speakers._names_apposition) --
CARDS = ("Johnson is not the only prime minister known for bending the rules at cards\n\n"
         "Tove Kjeldsen, the eight-time European Tour winner and a bridge partner of Boris Johnson, says the prime "
         "minister \u201ccheats at cards\u201d at the club.")


def test_person_in_the_description_of_an_unrecognised_speaker_is_not_the_speaker(nlp):
    """The recogniser missed the speaker (the segmenter split 'Tove | Kjeldsen, ...' after a headline line) and
    found only the person her description names: the speaker is still the one described, by her own name."""
    from test_quotes import actor, run
    from newsevents.quotes import QuoteStage
    from newsevents.pipeline import Options
    acts = [actor("Johnson", CARDS, "Boris Johnson", 1, code="GBRGOV"),
            actor("Boris Johnson", CARDS, "Boris Johnson", 2, code="GBRGOV")]
    got = [q.speaker.canonical for q in run(nlp, QuoteStage(Options()), CARDS, acts) if "cheats" in q.content.text]
    assert got and "Boris Johnson" not in got
    assert got == ["Tove Kjeldsen"]


@pytest.mark.parametrize("text,needle,expected", [
    (CARDS, "cheats at cards", "Kjeldsen"),
    ("Karl Brandt, a former business partner of Angela Merkel, says the chancellor \u201cnever forgets\u201d "
     "a name.", "never forgets", "Karl Brandt"),
])
def test_person_in_the_speakers_description_is_not_the_speaker(quotes, text, needle, expected):
    assert _speakers(quotes(text), needle) == [expected]


def test_the_name_given_in_apposition_still_speaks(quotes):
    got = quotes("The Senate Minority Leader, Chuck Schumer, said the bill was dead.")
    assert _speakers(got, "the bill was dead") == ["Chuck Schumer"]


# -- 2. a hyphenated name the parser split into two subjects is one source (sources.hyphenated_subject) -------
@pytest.mark.parametrize("text,needle,expected", [
    ("South Korean President Moon Jae-in welcomed the agreement.", "the agreement", "Moon Jae-in"),
    ("President Moon Jae-in praised the negotiators for their patience.", "the negotiators", "Moon Jae-in"),
    ("South Korean President Moon Jae-in said the border would reopen.", "the border", "Moon Jae-in"),
    ("Former President Park Geun-hye denied the charges.", "the charges", "Park Geun-hye"),
])
def test_hyphenated_korean_name_is_one_speaker(quotes, text, needle, expected):
    got = quotes(text)
    assert _speakers(got, needle) == [expected]
    assert not [s for _, s, _, _, _ in got if s in ("in", "hye", "Jae")]


# -- 3. "its website notes": the organisation "its" refers to, never the last person quoted (owners.py) -------
def test_possessive_its_on_a_document_is_the_organisation(quotes):
    got = quotes("Airport manager Lisa Grant said the runway had been reopened. Meanwhile the Federal Aviation "
                 "Administration, which usually leads such inquiries, was absent. It cannot send inspectors during "
                 "the shutdown; however, its website says that reports are still being accepted.")
    assert _speakers(got, "reports are still being accepted") == ["Federal Aviation Administration"]
    assert _speakers(got, "the runway") == ["Lisa Grant"]


def test_possessive_its_is_the_unnamed_body_before_not_a_company_named_earlier(quotes):
    got = quotes("Apple released new phones on Tuesday. Its statement said sales had doubled.\n\n"
                 "The ministry of health met doctors on Monday. Health Minister Ana Lopes said the talks went well. "
                 "However, its website says that vaccines remain scarce.")
    assert _speakers(got, "vaccines remain scarce") == ["The ministry of health"]
    assert _speakers(got, "sales had doubled") == ["Apple"]


# -- 4. a document issued by a person's family is the family's (owners.issuer_relative) ------------------------
def test_statement_released_by_her_family_is_the_familys(quotes):
    got = quotes("Former governor Helen Marsh died on Sunday, according to a statement released by her family.")
    assert _speakers(got, "died on Sunday") == ["Helen Marsh's family"]


def test_statement_released_by_his_office_is_his(quotes):
    got = quotes("Mayor Daniel Ortiz will not run again, according to a statement released by his office.")
    assert _speakers(got, "will not run again") == ["Daniel Ortiz"]


# -- 5. "they" is the plural subject before it, named or not (coref.Antecedents, cues.yaml they_plurals) ------
def test_they_is_the_researchers_of_the_sentence_before(quotes):
    got = quotes("In a paper published on Monday, economists reported that rents may keep rising, experts noted. "
                 "Researchers collected prices from four hundred shops. They found that food prices rose fastest.")
    assert _speakers(got, "food prices rose fastest") == ["Researchers"]


def test_they_after_a_passive_subject_is_still_the_earlier_speaker(quotes):
    got = quotes("Federal officials claimed the network was the largest in the country. Suspects were found in "
                 "Ohio and Texas. They also stated arrests were made in Mexico.")
    assert _speakers(got, "arrests were made") != ["Suspects"]


# -- 6. 'According to X, NOUN ... was': the clause's subject hung on X (nominal._spilled_subject) ---------------
def test_subject_hung_on_the_according_to_source_is_content(quotes):
    got = quotes("According to the historians, trade and farming along the river was common in the tenth "
                 "century.")
    assert [(k, s, c) for k, s, c, _, _ in got] == [("indirect", "the historians", "According to")]
    assert got[0][3].startswith("trade and farming along the river was common")


def test_a_list_of_sources_after_according_to_stays_the_source(quotes):
    got = quotes("According to doctors, nurses and patients, the hospital was closed for a week.")
    assert [(s, c) for _, s, _, c, _ in got] == [("doctors, nurses and patients", "the hospital was closed for a week")]


# -- 7. interview transcripts: a labelled question turn is the labelled interviewer's (interview.py) ---------
ONE_SIDED = (
    "Mayor Ruth Calder of Springfield answered questions about the flood from Wikinews reporter John Q. Public.\n\n"
    "((JQP)) : How did you warn the residents before the river rose?\n\n"
    "((JQP)) : What will the city do differently next spring?\n")


def test_question_turns_of_a_one_sided_interview_are_the_interviewers(quotes):
    turns = [q for q in quotes(ONE_SIDED) if q[0] == "direct"]
    assert [(s, c, sp) for _, s, c, _, sp in turns] == [("JQP", ":", "John Q. Public")] * 2
    assert [t[3][:20] for t in turns] == ["How did you warn the", "What will the city d"]


def test_turn_label_initials_name_the_person():
    from newsevents.quotes.interview import label_person
    from newsevents.records import Actor, Evidence

    def act(name, kind="person"):
        return Actor(id="A1", text=name, canonical=name, kind=kind, entity="E1", resolved_by="user-table",
                     evidence=Evidence(sentence=0, start=0, end=len(name), text=name))

    people = [act("Ruth Calder"), act("John Q. Public")]
    assert label_person("JQP", people).canonical == "John Q. Public"
    assert label_person("J.Q.P.", people).canonical == "John Q. Public"
    assert label_person("Calder", people).canonical == "Ruth Calder"
    assert label_person("RC", [act("Red Cross", kind="organisation")]) is None  # initials name persons only
    assert label_person("XYZ", people) is None


def test_places_the_recogniser_took_for_persons_are_no_group_of_speakers(nlp):
    """'the researchers' does not stand for names listed as the object of "in"/"at" (groups._placed), even
    when the recogniser typed them as persons; 'the officers' still stands for 'officers A and B'."""
    from test_quotes import actor, run
    from newsevents.quotes import QuoteStage
    from newsevents.pipeline import Options
    text = ("Thousands of clay tablets have been found in temples in Luxor and Karnak. "
            "According to the researchers, the tablets were written by scribes.")
    acts = [actor("Luxor", text, "Luxor", 1, code="EGY"), actor("Karnak", text, "Karnak", 2, code="EGY")]
    got = [q.speaker.canonical if q.speaker else None for q in run(nlp, QuoteStage(Options()), text, acts)
           if "scribes" in q.content.text]
    assert got == ["the researchers"]
    text = "Anna Berg met officers Tom Hale and Ed Price at a bar. The officers claimed the bar was closed."
    acts = [actor("Anna Berg", text, "Anna Berg", 1), actor("Tom Hale", text, "Tom Hale", 2),
            actor("Ed Price", text, "Ed Price", 3)]
    got = [q.speaker.canonical for q in run(nlp, QuoteStage(Options()), text, acts) if "closed" in q.content.text]
    assert got == ["Tom Hale and Ed Price"]
