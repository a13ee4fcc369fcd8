"""Organisations and demonyms added to the tables as classes: legislatures named 'Congress', public
broadcasters, a demonym's spaced spelling.

Hand-built sentences with exact expected codes; the stage runs on its own, as in test_actors
(whose fixtures these tests reuse).
"""
from __future__ import annotations

from datetime import date

import pytest

from test_actors import actors, coded, one, run, stage  # noqa: F401  (fixtures)

PUB = date(2020, 5, 6)


@pytest.mark.parametrize("text,expected", [
    ("The Philippine government shut down the broadcaster in Manila after Congress did not renew its "
     "franchise.", ("Congress of the Philippines", "PHL", "LEG")),
    ("Argentina's president spoke in Buenos Aires. Congress will debate the bill next week.",
     ("National Congress of Argentina", "ARG", "LEG")),
    ("The Peruvian president dissolved Congress in Lima on Monday.", ("Congress of Peru", "PER", "LEG")),
    # the US Congress stays the US Congress in a story about the United States
    ("The United States president said in Washington that Congress had failed him.", ("US Congress", "USA", "LEG")),
])
def test_congress_is_the_legislature_of_the_story_s_country(run, text, expected):
    """'Congress' names the legislature of the country the sentence or article is about
    (organisations.tsv rows with a context: the Philippines, Argentina, Brazil, Chile, Colombia,
    Peru, Mexico, Guatemala, Honduras, Paraguay, the United States)."""
    assert coded(one(run(text, PUB), "Congress")) == expected


def test_congress_with_no_country_in_context_is_uncoded(run):
    """With no country in the sentence or the article no row fits: uncoded, not the US Congress."""
    a = one(run("Congress will debate the bill next week.", PUB), "Congress")
    assert a.code is None and a.sector == "LEG"


@pytest.mark.parametrize("text,name,expected", [
    ("RTHK reported that the police fired tear gas.", "RTHK", ("Radio Television Hong Kong", "HKG", "JRN")),
    ("KBS said that the missile landed in the sea.", "KBS", ("Korean Broadcasting System", "KOR", "JRN")),
    ("The SABC said the minister had resigned.", "SABC", ("South African Broadcasting Corporation", "ZAF", "JRN")),
])
def test_public_broadcasters_are_media_of_their_country(run, text, name, expected):
    """A public broadcaster cited by name is that country's media (JRN), whatever the story's
    country (organisations.tsv, type broadcaster)."""
    assert coded(one(run(text, PUB), name)) == expected


def test_hong_kongers_spelled_in_two_words(run):
    """'Hong Kongers' (two words) is the demonym 'Hongkongers': people of Hong Kong."""
    a = one(run("Many Hong Kongers protested against the law.", PUB), "Hong Kongers")
    assert (a.canonical, a.code) == ("Hong Kong (people)", "HKG")


def test_cctv_is_china_s_broadcaster_only_in_a_story_about_china(run):
    """'CCTV captured their arrival at the building in Paris' is closed-circuit television, not
    China Central Television (CHN): the alias 'CCTV' is a context row (CHN); the full name always
    codes."""
    assert one(run("CCTV captured their arrival at the building in Paris.", PUB), "CCTV").code is None
    ctx = run("Chinese state broadcaster CCTV said Beijing would respond.", PUB)
    assert coded(one(ctx, "CCTV")) == ("China Central Television", "CHN", "JRN")
    ctx = run("China Central Television said the talks had failed.", PUB)
    assert coded(one(ctx, "China Central Television")) == ("China Central Television", "CHN", "JRN")


def test_a_national_monitoring_group_is_of_the_country_it_reports_on(run):
    """'The Syrian Observatory for Human Rights, a UK-based group': Syria's (SYR, NGO), the
    country it reports on (organisations.tsv), not the United Kingdom of its seat."""
    ctx = run("The Syrian Observatory for Human Rights, a UK-based group, said ten people were killed.", PUB)
    assert coded(one(ctx, "Syrian Observatory for Human Rights")) == ("Syrian Observatory for Human Rights", "SYR", "NGO")


@pytest.mark.parametrize("text,name,sector", [
    ("Philippine Solicitor General Jose Calida asked the court to revoke the franchise.", "Jose Calida", "GOV"),
    ("Ukrainian Prosecutor General Ruslan Ryaboshapka opened a case against the company.", "Ruslan Ryaboshapka", "JUD"),
    ("Canadian Governor General Julie Payette opened the session.", "Julie Payette", "GOV"),
])
def test_an_office_named_noun_general_is_no_military_rank(run, text, name, sector):
    """'Solicitor General', 'Prosecutor General', 'Governor General' (titles.tsv) are civil offices,
    not the military rank 'General' (MIL)."""
    assert [a.sector for a in actors(run(text, PUB), name)] == [sector]


@pytest.mark.parametrize("text,name,code", [
    ("Ma Ngok, a political scientist at the Chinese University of Hong Kong, said the vote was a protest.",
     "Chinese University of Hong Kong", "HKG"),
    ("The American University of Beirut said it would close for a week.", "American University of Beirut", "LBN"),
])
def test_a_university_named_with_another_nationality_is_of_where_it_is(run, text, name, code):
    """'Chinese University of Hong Kong' (HKG), 'American University of Beirut' (LBN): the country where
    the university is, not that of the nationality word in its name (organisations.tsv, EDU)."""
    assert [(a.code, a.sector) for a in actors(run(text, PUB), name)] == [(code, "EDU")]
