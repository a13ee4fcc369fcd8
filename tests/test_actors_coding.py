"""Actor coding on real news: the classes of uncoded actors found on the Wikinews development set.

Hand-built sentences with exact expected codes; the stage runs on its own, as in test_actors
(whose fixtures these tests reuse). Each class is named in its test's docstring.
"""
from __future__ import annotations

from datetime import date

import pytest

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
        pytest.skip("the model no longer tags the surname ORG; the repair is not exercised")
    text = ("Paweł Adamowicz, mayor of the Polish city of Gdańsk, was stabbed on stage. " + second
            + " He recently condemned anti-semitism.")
    ctx = run(text, places=[("Gdańsk", "POL")])
    assert one(ctx, "Adamowicz").canonical == "Paweł Adamowicz"
    assert one(ctx, "He").canonical == "Paweł Adamowicz"
    assert {a.code for a in actors(ctx) if a.canonical == "Paweł Adamowicz"} == {"POL"}


# -- a body named after its leader ------------------------------------------------------------------

@pytest.mark.parametrize("text,noun,code", [
    ("Congress asked for records of the Trump administration's withholding of aid to Ukraine. "
     "Ukraine denied it. Ukraine said so.", "administration", "USA"),
    ("Vladimir Putin's government rejected the offer from Ukraine. Ukraine said so.", "government", "RUS"),
])
def test_a_body_named_after_an_office_holder_is_of_the_holders_country(run, text, noun, code):
    """'the Trump administration' in a story that names Ukraine more often: the administration is
    the president's, American, not the article's dominant country."""
    ctx = run(text, published=date(2019, 10, 1))
    assert coded(one(ctx, noun))[1:] == (code, "GOV")


# -- a person described by a copular clause ---------------------------------------------------------

def test_a_short_name_in_a_copular_clause_gives_the_full_name_its_country(run):
    """'He was met by Abu Mahdi al-Muhandis ... al-Muhandis was the deputy commander of the Popular
    Mobilization Forces': the organisation (IRQ) describes the person, at either mention; 'an
    Iranian-backed militia' names a sponsor, not his country; 'the deputy commander' is his own
    description, not the Iranian commander coreference takes it for."""
    text = ("Qasem Soleimani, an Iranian commander, arrived at the airport. He was met by Abu Mahdi "
            "al-Muhandis, who was also killed. al-Muhandis was the deputy commander of the Popular "
            "Mobilization Forces (PMF), an Iranian-backed militia. The United States said Iran was to blame.")
    ctx = run(text, published=date(2020, 1, 5))
    codes = {a.code for a in actors(ctx) if "Muhandis" in a.canonical}
    assert codes == {"IRQ"}


@pytest.mark.parametrize("text,name,code", [
    ("Jan Kowalski is a Polish diplomat. Germany and France met on Monday; Kowalski spoke.", "Jan Kowalski",
     "POL"),
    ("Jan Kowalski, the head of a Russian-backed group, spoke on Monday. Germany and France met.",
     "Jan Kowalski", None),
])
def test_a_copular_clause_and_a_sponsor_word(run, text, name, code):
    """'X is a Polish diplomat' describes X; 'a Russian-backed group' says who backs the group."""
    ctx = run(text)
    assert one(ctx, name).code == code


def test_a_short_name_takes_the_code_its_full_name_gets_from_an_apposition(run):
    """'Kurt Volker, the United States special envoy ... Volker': the apposition codes the full name
    after the short names were linked to it; they take its code too."""
    text = ("On the same day, Kurt Volker, the United States special envoy for Ukraine negotiations, resigned. "
            "The House issued a deposition request for Volker. Volker's resignation was the first. "
            "Ukraine said Ukraine would cooperate with Ukraine's partners.")
    ctx = run(text, published=date(2019, 9, 30))
    assert {a.code for a in actors(ctx) if a.canonical == "Kurt Volker"} == {"USA"}


def test_a_title_predicated_of_a_named_subject_is_that_person(run):
    """'al-Muhandis was the deputy commander of the PMF': the title is al-Muhandis, not the Iranian
    commander named before (coreference by role would take him)."""
    text = ("Qasem Soleimani, an Iranian commander, arrived at the airport. He was met by Abu Mahdi "
            "al-Muhandis. al-Muhandis was the deputy commander of the Popular Mobilization Forces.")
    ctx = run(text, published=date(2020, 1, 5))
    assert one(ctx, "the deputy commander").canonical == "Abu Mahdi al-Muhandis"


# -- agent nouns the table lacked --------------------------------------------------------------------

@pytest.mark.parametrize("text,places,noun,expected", [
    ("Police in Chennai, India arrested two men. The forestry department arrested them on Monday.",
     [("Chennai", "IND")], "department", ("IND", "GOV")),
    ("Police in Denver and Boston said so. On Monday, attorneys general from sixteen states filed a lawsuit.",
     [("Denver", "USA"), ("Boston", "USA")], "attorneys general", ("USA", "GOV")),
    ("Some Iraqi militias associated with Iran had made threats against U.S. personnel.",
     [], "militias", ("IRQ", "REB")),
])
def test_state_bodies_and_militias_are_agent_nouns(run, text, places, noun, expected):
    """'the forestry department', 'attorneys general' (a plural title) and 'militias' name actors:
    coded by their own words, else (a state body) by the article's country."""
    ctx = run(text, places=places)
    assert coded(one(ctx, noun))[1:] == expected


def test_the_embassy_after_a_named_embassy_is_of_its_country(run):
    """'the United States Embassy in Baghdad ... the Embassy': the named body with the same head noun
    gives the definite noun its country (an embassy takes none from its context)."""
    text = ("Protesters attacked the United States Embassy in Baghdad on Tuesday. The office asked U.S. "
            "citizens not to approach the Embassy.")
    ctx = run(text, places=[("Baghdad", "IRQ")])
    assert coded(one(ctx, "Embassy"))[1:] == ("USA", "GOV")


def test_an_untagged_surname_after_the_full_name_is_the_person(run, nlp):
    """'officers Antoine Quirin and Nicolas Redouane ... Redouane consistently claimed': the model tags
    the repeated surname nothing; it is the person named before."""
    second = "Quirin denied any sexual activity; Redouane consistently claimed sex was consensual."
    if any(e.text == "Redouane" for e in nlp(second).ents):
        pytest.skip("the model now tags the surname; the repair is not exercised")
    text = ("Emily Spanton, 39, who has waived her right to anonymity, met officers Antoine Quirin and "
            "Nicolas Redouane, 40 and 49, at an Irish pub. " + second)
    ctx = run(text)
    assert one(ctx, "Redouane").canonical == "Nicolas Redouane"


def test_a_pronoun_without_a_subject_before_prefers_a_person_of_its_known_gender(run):
    """'prosecute Quirin and Redouane ... an appeal by Spanton ... she was questioned': no subject
    person in the sentence before; Emily (f) fits 'she', the unknown names do not say."""
    text = ("Emily Spanton met Antoine Quirin and Nicolas Redouane at a pub. An attempt to prosecute Quirin "
            "and Redouane failed, but an appeal by Spanton secured a trial. At trial, she was questioned "
            "for hours.")
    ctx = run(text)
    assert one(ctx, "she").canonical == "Emily Spanton"


def test_an_intensifying_reflexive_is_the_name_before_it(run):
    """'a meeting between Zelensky and Trump himself': 'himself' is Trump, not the subject."""
    text = ("Kurt Volker worked to arrange a meeting between Volodymyr Zelensky and Donald Trump himself "
            "during a planned trip to Warsaw.")
    ctx = run(text, published=date(2019, 9, 30))
    assert one(ctx, "himself").canonical == "Donald Trump"


# -- a context-bound organisation whose own name gives the country ----------------------------------

@pytest.mark.parametrize("text,mention,code", [
    ("The US Congress agreed to lift embargoes on sales to Iran, Libya and Sudan.", "US Congress", "USA"),
    ("Congress agreed to lift embargoes on sales to Iran, Libya and Sudan.", "Congress", None),
])
def test_a_generic_organisation_named_with_its_country_is_of_that_country(run, text, mention, code):
    """'Congress' means the US Congress only in a story about the United States (organisations.tsv,
    context); 'the US Congress' says so itself, whatever the rest of the sentence names."""
    assert one(run(text), mention).code == code


@pytest.mark.parametrize("text,word,code", [
    # the country the act is aimed at is not the country of the sentence's unnamed people
    ("Gunmen fired at Israel.", "Gunmen", None),
    ("Protesters have claimed Iran is unduly influencing their government.", "Protesters", None),
    # a country where people are still gives them its country
    ("Police in Egypt arrested three protesters.", "protesters", "EGY"),
])
def test_a_party_to_the_act_is_no_sentence_context(run, text, word, code):
    (a,) = [a for a in run(text).analysis.actors if a.text == word]
    assert a.code == code


def test_a_pronoun_with_no_named_person_is_the_described_one(run):
    text = ("On Sunday in London, a man wearing a fake suicide vest began to stab people. "
            "Reportedly he injured a man and two women. The officers eventually shot him dead.")
    ctx = run(text)
    first = next(a for a in ctx.analysis.actors if a.text == "man")
    for word in ("he", "him"):
        (pron,) = [a for a in ctx.analysis.actors if a.text == word]
        assert pron.entity == first.entity and pron.code == "GBR"


def test_a_named_person_still_wins_over_a_description(run):
    ctx = run("A man watched as Omar Haddad spoke. Later he left the hall.")
    (pron,) = [a for a in ctx.analysis.actors if a.text == "he"]
    assert pron.canonical == "Omar Haddad"


def test_a_verb_is_no_agent_noun_and_a_named_party_leaves_people_uncoded(run):
    ctx = run("Police in Indonesia suspect the attackers had been exposed to radicalism.")
    assert [a.text for a in ctx.analysis.actors if a.text == "suspect"] == []
    ctx = run("Egypt alleged that Iran had armed the rebels.")
    (rebels,) = [a for a in ctx.analysis.actors if a.text == "rebels"]
    assert rebels.code is None


@pytest.mark.parametrize("text,word,canonical,code", [
    # a surname that is also a title is the name's
    ("American professor Kevin King was released on Tuesday.", "Kevin King", "Kevin King", "USA"),
    # an alias of a table person who never held office in the named country is somebody else
    ("Jordanian King Abdullah met Netanyahu.", "King Abdullah", "King Abdullah", "JOR"),
    ("King Abdullah of Jordan met Netanyahu.", "King Abdullah", "King Abdullah", "JOR"),
])
def test_names_that_look_like_titles_countries_or_table_aliases(run, text, word, canonical, code):
    (a,) = [a for a in run(text).analysis.actors if a.text == word]
    assert (a.canonical, a.code) == (canonical, code)


def test_a_longer_place_name_around_a_countrys_is_that_place(run):
    # the places stage found "New Jersey" (a US state); "Jersey" inside it is no Jersey
    ctx = run("Then-New Jersey Governor Chris Christie criticised the plan.", places=[("New Jersey", "USA")])
    (a,) = [a for a in ctx.analysis.actors if a.text == "Chris Christie"]
    assert a.code == "USA"
    ctx = run("New Jersey had the lowest rate.", places=[("New Jersey", "USA")])
    assert [a.code for a in ctx.analysis.actors] == []


# -- a given name is no surname --------------------------------------------------------------------

@pytest.mark.parametrize("text,name,code", [
    # 'Omar' is the given name of Jordan's prime minister in 2019 (Omar Razzaz), not his surname
    ("Omar asks the court to apply a sentencing enhancement.", "Omar", None),
    # family name first (rules.yaml family_name_first): 'Kim', 'Xi' are surnames
    ("Kim met the envoy on Monday.", "Kim", "PRK"),
    ("Xi met the envoy on Monday.", "Xi", "CHN"),
])
def test_only_a_family_name_finds_an_office_holder(run, text, name, code):
    """An office holder is found by his family name only: the last word of his name, or the first
    where names put the family name first ('Kim Jong Un')."""
    ctx = run(text, published=date(2019, 11, 18))
    assert [a.code for a in actors(ctx, name)] == [code]


def test_an_of_phrase_country_overrules_an_office_holder_of_another_country(run):
    """'King Hassan of Morocco' is no holder of the surname Hassan elsewhere (Tanzania's president
    Samia Suluhu Hassan in 2023)."""
    ctx = run("King Hassan of Morocco said he would host a meeting.", published=date(2023, 1, 1),
              places=[("Morocco", "MAR")])
    assert "TZA" not in [a.code for a in actors(ctx, "Hassan")]


def test_a_bare_surname_is_no_office_holder_of_a_country_the_story_never_names(run):
    """'Morrison' in a story that names Ukraine and the United States (an NSC official) is not
    Australia's prime minister Scott Morrison, the only holder of that surname in 2019."""
    text = "Ukraine was the subject of the hearing in the United States. Morrison said he had no concerns."
    ctx = run(text, published=date(2019, 11, 20), places=[("Ukraine", "UKR"), ("United States", "USA")])
    assert "AUS" not in [a.code for a in actors(ctx, "Morrison")]
    # with Australia named, the surname is its prime minister
    ctx = run("Australia pledged aid. Morrison said the aid would arrive soon.", published=date(2019, 11, 20),
              places=[("Australia", "AUS")])
    assert [a.code for a in actors(ctx, "Morrison")] == ["AUS"]


def test_a_country_studied_is_no_nationality(run):
    """'a China scholar' studies China; 'a Chinese scholar' is Chinese (rules.yaml topic_nouns)."""
    ctx = run("Derek Scissors, a China scholar at a think tank, said the deal was small.",
              places=[("China", "CHN")])
    assert "CHN" not in [a.code for a in actors(ctx, "Derek Scissors")]
    ctx = run("Li Wei, a Chinese scholar, said the talks failed.")
    assert [a.code for a in actors(ctx, "Li Wei")] == ["CHN"]


def test_the_british_armed_services_are_gbr_military(run):
    ctx = run("The Royal Air Force and the Royal Navy sent aircraft.")
    assert [(a.code, a.sector) for a in ctx.analysis.actors if "Royal" in a.text] == [("GBR", "MIL"), ("GBR", "MIL")]
