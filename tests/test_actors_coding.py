"""Actor coding on real news: the classes of uncoded actors found on the Wikinews development set.

Hand-built sentences with exact expected codes; the stage runs on its own, as in test_actors
(whose fixtures these tests reuse). Each class is named in its test's docstring.
"""
from __future__ import annotations

from test_actors import actors, coded, one, run, stage  # noqa: F401  (fixtures)


# -- agent nouns that repeat an earlier, placed noun -----------------------------------------------

def test_a_repeated_head_noun_takes_the_country_of_its_placed_mention(run):
    """'two French police officers ... both officers', '... officers travelled to Canada': the same
    head noun refers back to the mention whose own words placed it (a destination is no country)."""
    text = ("Two French police officers were found guilty of rape. Officers travelled to Canada and "
            "interviewed her friends. Both officers said they would appeal.")
    ctx = run(text)
    assert [a.code for a in actors(ctx) if a.canonical.endswith("(police)")] == ["FRA", "FRA", "FRA"]


def test_a_bare_noun_with_a_country_in_its_sentence_keeps_the_sentence_country(run):
    """A bare plural whose sentence names one country is that country's, not the earlier mention's."""
    text = "French police officers arrested him. In Belgium, officers searched his flat."
    ctx = run(text, places=[("Belgium", "BEL")])
    assert [a.code for a in actors(ctx, "officers")] == ["BEL"]


def test_a_noun_of_another_head_word_does_not_refer_back(run):
    """'Iraqi troops ... officials': another head noun is another actor; it keeps no country here."""
    ctx = run("Iraqi troops entered the town. Officials said nothing.")
    assert one(ctx, "Officials").code is None


def test_officers_are_police_of_the_articles_country(run):
    """'officers' (label police) takes the article's country like 'police' does."""
    text = ("Police in London said the man was shot. The officers shot him outside a shop. "
            "London police said the attack was terrorist-related.")
    ctx = run(text, places=[("London", "GBR"), ("London", "GBR")])
    assert coded(one(ctx, "officers")) == ("United Kingdom (police)", "GBR", "COP")


def test_local_media_are_of_the_articles_country(run):
    """'local media' (a noun of sentence context) is of the place the story is about: the article's
    dominant country, as 'police' would be."""
    text = ("The mayor of Gdansk was stabbed in Poland. The Polish president said the attack was barbaric. "
            "Politicians were reported by local media to have visited the hospital.")
    ctx = run(text, places=[("Gdansk", "POL"), ("Poland", "POL")])
    assert coded(one(ctx, "media"))[1:] == ("POL", "JRN")


def test_media_without_local_keep_the_sentence_only(run):
    text = ("The mayor of Gdansk was stabbed in Poland. The Polish president said the attack was barbaric. "
            "Politicians were reported by media to have visited the hospital.")
    ctx = run(text, places=[("Gdansk", "POL"), ("Poland", "POL")])
    assert one(ctx, "media").code is None


# -- a surname the model tags ORG ------------------------------------------------------------------

def test_a_surname_tagged_org_after_the_full_name_is_the_person(run, nlp):
    """'Paweł Adamowicz ... Adamowicz, 53, has supported ...': the small model tags the repeated
    surname ORG; it is the person named before, so the pronoun after it resolves to him."""
    second = "Adamowicz, 53, has supported LGBT rights."
    if ("Adamowicz", "ORG") not in [(e.text, e.label_) for e in nlp(second).ents]:
        import pytest
        pytest.skip("the model no longer tags the surname ORG; the repair is not exercised")
    text = ("Paweł Adamowicz, mayor of the Polish city of Gdańsk, was stabbed on stage. " + second
            + " He recently condemned anti-semitism.")
    ctx = run(text, places=[("Gdańsk", "POL")])
    assert one(ctx, "Adamowicz").canonical == "Paweł Adamowicz"
    assert one(ctx, "He").canonical == "Paweł Adamowicz"
    assert {a.code for a in actors(ctx) if a.canonical == "Paweł Adamowicz"} == {"POL"}
