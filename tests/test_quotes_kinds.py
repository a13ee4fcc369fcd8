"""A quote's kind (newsevents/quotes/kinds.py): a content that is a noun phrase is a ``stance``.

"USCIRF criticized the move" tells who took a position on what, not what was said: the record is
kept (PolNeAR annotates it) under its own kind. Clauses, gerund and infinitive phrases, small
clauses and quoted words stay speech (indirect, direct, mixed). Hand-built sentences.
"""
import pytest

from test_quotes import run, stage  # noqa: F401  (stage is a fixture)


def kinds(nlp, stage, text, cue):  # noqa: F811
    return [(q.kind, q.content.text) for q in run(nlp, stage, text) if q.cue and q.cue.text.endswith(cue)]


@pytest.mark.parametrize("text,cue,content", [
    ("The religious freedom commission also criticized the move.", "criticized", "the move"),
    ("The spokesperson for the government strongly condemned the attack.", "condemned", "the attack"),
    ("On Thursday, the French president called for G7 action.", "called for", "G7 action"),
    ("For several days the government denied the accusation.", "denied", "the accusation"),
    ("He recently condemned anti-semitism after the vandalism.", "condemned", "anti-semitism"),
    ("She spoke about her husband, who was arrested in May.", "spoke about", "her husband, who was arrested in May"),
])
def test_a_noun_phrase_content_is_a_stance(nlp, stage, text, cue, content):  # noqa: F811
    assert ("stance", content) in kinds(nlp, stage, text, cue)


@pytest.mark.parametrize("text,cue,kind,content", [
    # clauses, also the one the small model reads as a noun phrase ("required" as an adjective)
    ("The minister said the sanctions were unacceptable.", "said", "indirect", "the sanctions were unacceptable"),
    ("Brudziński said Adamowicz required resuscitation.", "said", "indirect", "Adamowicz required resuscitation"),
    # a small clause and a gerund phrase are propositions
    ("In 2007, the government labeled Soleimani as a terrorist.", "labeled", "indirect", "Soleimani as a terrorist"),
    ("The United States called its actions defensive in nature.", "called", "indirect", "its actions defensive in nature"),
    ("The SDF called for the safe zone for refugees to be set up east of the river.", "called for", "indirect",
     "the safe zone for refugees to be set up east of the river"),
    ("During the campaign the president pledged converting the museum to a mosque.", "pledged", "indirect",
     "converting the museum to a mosque"),
    # quoted words make it speech whatever its form
    ('He accused the network of "swindling".', "accused", "mixed", 'the network of "swindling"'),
])
def test_propositions_and_quoted_words_stay_speech(nlp, stage, text, cue, kind, content):  # noqa: F811
    assert (kind, content) in kinds(nlp, stage, text, cue)


def test_is_noun_phrase_on_hand_built_ranges(nlp):
    from newsevents.quotes.kinds import is_noun_phrase

    text = "Iran denied the claim that it shot down the plane."
    doc = nlp(text)
    assert is_noun_phrase(doc, (text.index("the claim"), text.index(" that")))
    assert not is_noun_phrase(doc, (text.index("the claim"), len(text) - 1))  # the claim that X: a proposition
