"""Parse repairs shared by stages (newsevents/syntax.py), on hand-built sentences."""
import pytest

from newsevents.syntax import coordinated_speech_head


def _tok(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize("text,verb,matrix", [
    # 'and' hung on the first clause, 'warned' made a second ccomp of 'said'
    ("The Russian foreign ministry said the sanctions were unacceptable and warned that Moscow would respond.",
     "warned", "said"),
    # 'promised' made a conj of the reported clause's copula
    ("The minister said the plan was dangerous and promised to fight it.", "promised", "said"),
])
def test_a_statement_coordinated_with_the_verb_of_saying(nlp, text, verb, matrix):
    doc = nlp(text)
    got = coordinated_speech_head(_tok(doc, verb))
    assert got is not None and got.text == matrix


@pytest.mark.parametrize("text,verb", [
    ("The ministry said Moscow would respond and warned the West.", "said"),    # a verb with its subject
    ("Police said the suspect entered the bank and demanded money.", "demanded"),  # the suspect's act
    ("Police said the man was armed and told officers he would shoot.", "told"),  # a speaker-like subject
])
def test_verbs_left_as_parsed(nlp, text, verb):
    doc = nlp(text)
    tok = _tok(doc, verb)
    got = coordinated_speech_head(tok)
    assert got is None


def test_quotes_and_events_read_the_repair_alike(pipeline):
    # the whole pipeline: the quote of 'warned' and the THREATEN event both have the ministry
    text = "The Russian foreign ministry said the sanctions were unacceptable and warned that Moscow would respond."
    an = pipeline(text)
    warned = [q for q in an.quotes if q.cue.text == "warned"]
    assert warned and warned[0].speaker.code == "RUS" and warned[0].content.text == "that Moscow would respond"
    assert [q.content.text for q in an.quotes if q.cue.text == "said"] == ["the sanctions were unacceptable"]
    threats = [e for e in an.events if e.event_type == "THREATEN"]
    assert threats and "RUS" in [a.code for a in threats[0].actors]
