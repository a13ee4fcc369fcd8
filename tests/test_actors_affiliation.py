"""Actor coding by what a name belongs to, and one code per named person.

Hand-built sentences with exact expected codes; the stage runs on its own, as in test_actors
(whose fixtures these tests reuse). Each class is named in its test's docstring.
"""
from __future__ import annotations

from datetime import date

import pytest

from test_actors import actors, coded, one, run, stage  # noqa: F401  (fixtures)

PUB = date(2020, 2, 21)


# -- a person or title owned by the name before it (actors/mentions/affiliation.py) ---------------

@pytest.mark.parametrize("text,name,expected", [
    # a journalist of a named outlet: its country and sector, not the article's country
    ("Yemen's rebels attacked a plant in Saudi Arabia. BBC's Jonathan Marcus said that questions "
     "remain about the attack on the plant.", "Jonathan Marcus", ("GBR", "JRN")),
    # a member of an armed group: the group's code and sector before the title's GOV
    ("The Taliban signed a deal with the United States. Taliban deputy leader Sirajuddin Haqqani "
     "wrote a piece in which he called for peace.", "Sirajuddin Haqqani", ("AFG", "REB")),
    ("Hamas spokesman Fawzi Barhoum condemned the raid on the camp.", "Fawzi Barhoum", ("PSE", "REB")),
    # a spokesperson speaks for the person whose spokesperson they are: code and sector
    ("German Chancellor Angela Merkel's spokesperson, Steffen Seibert, said it is possible that "
     "the airline is a threat to the United States.", "Steffen Seibert", ("DEU", "GOV")),
])
def test_a_name_owned_by_an_organisation_or_person_takes_its_code(run, text, name, expected):
    """'BBC's Jonathan Marcus', 'Taliban deputy leader X', "Merkel's spokesperson, X": the owner's
    code (and sector) before the sentence's or article's country."""
    assert coded(one(run(text, PUB), name))[1:] == expected


def test_a_person_owner_gives_the_sector_only_to_a_title_acting_for_it(run):
    """"Donald Trump's ambassador, X" is government (a representative title, rules.yaml
    ``representative_titles``); another title would give the owner's code only."""
    ctx = run("Donald Trump's ambassador, John Smith, said the talks had failed in the city.", PUB)
    assert coded(one(ctx, "John Smith"))[1:] == ("USA", "GOV")


def test_an_unnamed_title_of_an_organisation_is_a_person_the_title_refers_back_to(run):
    """'an Interpol spokesperson stated ... The spokesperson added regarding Iran's request': one
    Interpol person (IGO), not a person of Iran (the sentence's country)."""
    text = ("Interpol's constitution prohibits any intervention of a political character, an Interpol "
            "spokesperson stated. The spokesperson added regarding Iran's request that they would not "
            "consider it.")
    ctx = run(text, PUB)
    first, second = [a for a in actors(ctx) if a.text.lower().endswith("spokesperson")]
    assert coded(first) == ("Interpol (spokesperson)", "IGO", "IGO")
    assert (second.code, second.antecedent) == ("IGO", first.id)


def test_a_country_word_before_the_name_wins_over_the_owner(run):
    """'Iranian Fars reporter X' would be IRN anyway; a nationality of the person is their own."""
    ctx = run("British BBC reporter John Smith said that the strike had hit the base.", PUB)
    assert one(ctx, "John Smith").code == "GBR"


# -- one code per named person (actors/consistency.py) --------------------------------------------

def test_a_name_repeated_in_full_keeps_the_code_of_its_first_mention(run):
    """'Russian opposition leader Alexei Navalny ... Alexei Navalny was airlifted to Berlin,
    Germany': the second mention is not German (the article's country) but the same person."""
    text = ("Russian opposition leader Alexei Navalny fell ill on a flight in Siberia. Alexei Navalny was "
            "airlifted from Omsk to Berlin, Germany. Doctors in Germany said Germany would treat him. "
            "Germany said it had evidence of poisoning.")
    ctx = run(text, PUB, places=[("Omsk", "RUS"), ("Berlin", "DEU"), ("Germany", "DEU")])
    assert {(a.code, a.sector) for a in actors(ctx, "Alexei Navalny")} == {("RUS", "OPP")}
    assert len({a.entity for a in actors(ctx, "Alexei Navalny")}) == 1


def test_a_titled_short_name_takes_the_full_names_code_and_gives_its_sector(run):
    """'Qasem Soleimani, head of Iran's Quds Force ... in Baghdad, General Soleimani was killed':
    the short name is the person (IRN), not of its sentence's country (IRQ); its title's sector
    (MIL) is the person's."""
    text = ("The strike killed Qasem Soleimani, head of Iran's Quds Force, on Friday. "
            "At the airport in Baghdad, General Soleimani was met by militia leaders.")
    ctx = run(text, PUB, places=[("Baghdad", "IRQ")])
    assert {(a.code, a.sector) for a in actors(ctx) if "Soleimani" in a.text} == {("IRN", "MIL")}


# -- a name with no clue in a sentence of several countries (actors/context.py) -------------------

def test_a_name_in_a_sentence_of_two_countries_takes_no_article_country(run):
    """'Three teenage Israeli fans of the popstar Lorde have filed a lawsuit against two
    New-Zealand-based activists ... a performance in Tel Aviv': the story is Israeli, but its
    sentence names two countries, so nothing says Lorde is Israeli; uncoded rather than wrong."""
    text = ("Israeli fans sue activists over a tour cancellation in Israel. Three teenage Israeli fans of "
            "the popstar Lorde have filed a lawsuit against two New Zealand activists over a cancelled "
            "performance in Tel Aviv. The case was filed by an Israeli legal rights group under a law of Israel.")
    ctx = run(text, date(2018, 1, 31), places=[("Israel", "ISR"), ("New Zealand", "NZL"), ("Tel Aviv", "ISR")])
    assert one(ctx, "Lorde").code is None


def test_a_name_in_a_sentence_of_one_country_takes_the_article_country(run):
    """The convention for domestic news stays: 'Jan Kowalski said' in a story about Poland is POL."""
    text = ("Poland's president met Poland's prime minister in Warsaw. The mayor of Gdansk was stabbed "
            "in Poland. Jan Kowalski said on Monday that the attack was barbaric.")
    ctx = run(text, PUB, places=[("Warsaw", "POL"), ("Gdansk", "POL")])
    assert one(ctx, "Jan Kowalski").code == "POL"


# -- who a group noun refers to (actors/coref.py) -------------------------------------------------

def test_a_group_noun_never_includes_the_subject_of_its_clause(run):
    """'South Korean President Moon Jae-in praised both leaders': Trump and Kim, not Moon."""
    text = ("The two leaders met on Sunday at Panmunjom. United States President Donald Trump had offered to "
            "meet North Korean leader Kim Jong Un at the border. South Korean President Moon Jae-in praised "
            "both leaders for their courage.")
    ctx = run(text, date(2019, 7, 1))
    assert sorted(a.canonical for a in actors(ctx, "both leaders")) == ["Donald Trump", "Kim Jong Un"]


def test_a_country_someone_is_sent_to_is_no_side(run):
    """'the Afghan government freed three Taliban prisoners and sent them to Qatar. Both sides said':
    the government and the Taliban; Qatar is where the prisoners went."""
    text = ("Their release came hours after the Afghan government freed three Taliban prisoners and sent them "
            "to Qatar. Both sides said they were hopeful.")
    ctx = run(text, date(2019, 11, 19))
    assert sorted(a.code for a in actors(ctx, "Both sides")) == ["AFG", "AFG"]
    assert "Qatar" not in {a.canonical for a in actors(ctx, "Both sides")}


def test_the_subject_of_another_clause_may_be_the_group(run):
    """'Turkey and Greece had poor relations, but the leaders of the two countries spoke': the two
    countries are Turkey and Greece, the subjects of the clause before."""
    text = ("Turkey and Greece had earlier had poor relations over disputed resources, but the leaders of "
            "the two countries spoke by telephone on Friday night.")
    ctx = run(text, date(2020, 11, 7))
    assert sorted(a.code for a in actors(ctx, "the two countries")) == ["GRC", "TUR"]


@pytest.mark.parametrize("text,name,expected", [
    ("Kino Gabriel, a spokesman for the SDF, said the statement was a surprise.", "Kino Gabriel", ("SYR", "REB")),
    ("Jen Psaki, a spokeswoman for the White House, criticised the decision.", "Jen Psaki", ("USA", "GOV")),
    ("Jonathan Marcus, a reporter for the BBC, said the talks had failed.", "Jonathan Marcus", ("GBR", "JRN")),
])
def test_a_title_in_apposition_belonging_to_a_body_gives_its_sector(run, text, name, expected):
    """'X, a spokesman for the SDF': the body's code and sector (context.py ``_member_sector``), as
    'SDF spokesman X' gets them; before, only the code."""
    assert coded(one(run(text, PUB), name))[1:] == expected


def test_a_title_in_apposition_for_a_person_gives_no_sector(run):
    """'X, a lawyer for Donald Trump': the person's code, not his sector (a lawyer does not govern)."""
    a = one(run("John Smith, a lawyer for Donald Trump, said the case was closed.", PUB), "John Smith")
    assert (a.code, a.sector) == ("USA", None)
