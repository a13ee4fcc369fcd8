"""Toponym roles (data/places/roles.yaml): literal places and associative uses, as GeoWebNews annotates them.

Sentences are hand-built; each test is one class of the rules (see roles.yaml).
"""
from __future__ import annotations

import pytest

from newsevents.pipeline import Options
from test_places import run as _run


@pytest.fixture(scope="module")
def stage_all():
    """The places stage listing associative toponyms and nationality words too (as the geo gold sets run)."""
    from newsevents.places import PlaceStage

    return PlaceStage(Options(place_associative=True, place_demonyms=True))


def roles(nlp, stage, text):
    return [(p.text, p.role or "literal") for p in _run(nlp, stage, text).analysis.places]


def test_possessor_of_an_agency_noun_is_metonymic(nlp, stage_all):
    assert roles(nlp, stage_all, "China's commerce ministry rejected the claim.") == [("China", "associative")]
    assert roles(nlp, stage_all, "Dominica's request was refused.") == [("Dominica", "associative")]
    # "sewage" names no people, body or act: the place's own
    assert roles(nlp, stage_all, "Tijuana's sewage flows north.") == [("Tijuana", "literal")]


def test_of_after_a_government_noun_is_associative(nlp, stage_all):
    assert roles(nlp, stage_all, "The government of Ukraine repealed the law.") == [("Ukraine", "associative")]
    assert roles(nlp, stage_all, "He lives in the city of Lviv.") == [("Lviv", "literal")]
    # "residents" live where they are (located_heads)
    assert roles(nlp, stage_all, "The residents of Gaza fled.") == [("Gaza", "literal")]


def test_city_modifying_people_or_a_body_is_associative(nlp, stage_all):
    assert roles(nlp, stage_all, "Chicago police arrested him.") == [("Chicago", "associative")]
    assert roles(nlp, stage_all, "He shot a Brooklyn man.") == [("Brooklyn", "associative")]
    # "office" is a place noun (literal_heads)
    assert roles(nlp, stage_all, "The Chicago office of the firm closed.") == [("Chicago", "literal")]


def test_party_of_a_relation_or_of_a_party_verb(nlp, stage_all):
    got = dict(roles(nlp, stage_all, "Relations between Mexico and Canada improved."))
    assert got["Canada"] == "associative"
    assert dict(roles(nlp, stage_all, "Britain accused Russia of the attack."))["Russia"] == "associative"
    assert roles(nlp, stage_all, "He visited Peru in May.") == [("Peru", "literal")]  # not a party verb
    # "flights" is not a relation noun
    assert roles(nlp, stage_all, "There are daily flights between Lima and Quito.") == [("Lima", "literal"),
                                                                                           ("Quito", "literal")]


def test_against_and_by_make_an_agent_whatever_they_hang_from(nlp, stage_all):
    got = dict(roles(nlp, stage_all, "The sanctions against Iran were lifted after a campaign by Turkey."))
    assert got == {"Iran": "associative", "Turkey": "associative"}


def test_language_and_head_of_a_longer_name_are_associative(nlp, stage_all):
    assert dict(roles(nlp, stage_all, "The man spoke in Spanish.")).get("Spanish", "associative") == "associative"
    got = dict(roles(nlp, stage_all, "Data was harvested by the firm Cambridge Analytica for a campaign in Nevada."))
    assert got.get("Cambridge", "associative") == "associative"
    assert got["Nevada"] == "literal"


def test_dateline_tagged_by_the_model_is_literal(nlp, stage_all):
    got = dict(roles(nlp, stage_all, "TORONTO — A young man and his mother have sued the city."))
    assert got["TORONTO"] == "literal"


def test_nationality_word_modifying_a_place_noun_is_literal(nlp, stage_all):
    assert roles(nlp, stage_all, "Shells fell along the Syrian border.") == [("Syrian", "literal")]
    assert roles(nlp, stage_all, "The Syrian government denied it.") == [("Syrian", "associative")]


def test_default_run_lists_the_place_a_body_belongs_to_untyped(nlp, stage_all):
    from newsevents.places import PlaceStage

    default = PlaceStage(Options())
    # "possessor" is listed by default (roles.yaml listed_by_default), with role None as every default
    # place; "agent" is not listed
    text = "The Supreme Leader of Iran ordered mourning."
    assert [(p.text, p.role) for p in _run(nlp, default, text).analysis.places] == [("Iran", None)]
    assert roles(nlp, stage_all, text) == [("Iran", "associative")]
    assert roles(nlp, default, "Iran launched missiles at bases in Iraq.") == [("Iraq", "literal")]


def test_a_dateline_inside_a_paragraph_and_its_region_are_literal(nlp, stage_all):
    got = dict(roles(nlp, stage_all, "Photo by Angie de Silva. MANILA, Philippines \u2013 Ahead of Easter Sunday, "
                                     "the archbishop asked the faithful to pray."))
    assert got["MANILA"] == "literal" and got["Philippines"] == "literal"
    got = dict(roles(nlp, stage_all, "LONDON Pope Francis once again brought global attention to the case "
                                     "of the boy on Wednesday."))
    assert got["LONDON"] == "literal"


def test_subject_of_an_agent_s_predicate_adjective_and_indirect_object_are_associative(nlp, stage_all):
    """A copula's subject with a predicate adjective only people or a government can have
    (``agent_predicates``) is the government ("Russia is concerned"); a place's state stays literal
    ("Aden is less affected", "Gaza is quiet"). An indirect object is a party ("giving Russia a chance")."""
    assert roles(nlp, stage_all, "She added that Russia is concerned over the new attempts.") == [
        ("Russia", "associative")]
    assert roles(nlp, stage_all, "The analysis shows that Russia is most likely responsible for the attack.") == [
        ("Russia", "associative")]
    assert roles(nlp, stage_all, "She said that Aden is less affected by the fighting.") == [("Aden", "literal")]
    assert roles(nlp, stage_all, "Gaza is quiet tonight.") == [("Gaza", "literal")]
    assert roles(nlp, stage_all, "They discussed giving Russia a chance to mine diamonds.") == [
        ("Russia", "associative")]


def test_the_object_that_is_to_act_is_a_party(nlp, stage_all):
    assert roles(nlp, stage_all, "A cow tested positive in 2015, prompting Japan to consider importing beef.") \
        == [("Japan", "associative")]
    assert ("Britain", "associative") in roles(nlp, stage_all, "Moscow ordered Britain to reduce its staff.")
    # no infinitive after the object: the place where one goes or what one leaves
    assert roles(nlp, stage_all, "Troops left Iraq to return home.") == [("Iraq", "literal")]


def test_the_side_a_contest_was_lost_to_is_a_party(nlp, stage_all):
    assert ("San Antonio", "associative") in roles(
        nlp, stage_all, "Houston got its second straight victory since a loss to San Antonio.")
    assert ("Boston", "associative") in roles(nlp, stage_all, "Fans celebrated the 3-1 win over Boston on Sunday.")
    # a way to a place is no contest
    assert roles(nlp, stage_all, "The road to Damascus was closed.") == [("Damascus", "literal")]


def test_a_qualifier_takes_the_role_of_the_place_it_qualifies(nlp, stage_all):
    assert roles(nlp, stage_all, "MANILA, Philippines – Ahead of Easter Sunday, the archbishop spoke.")[:2] \
        == [("MANILA", "literal"), ("Philippines", "literal")]
    assert ("Washington", "literal") in roles(
        nlp, stage_all, "Mary Ann Quitugua from a cake studio in Tacoma, Washington shares tips for cookies.")


def test_the_possessor_of_an_embassy_or_of_residents_is_associative(nlp, stage_all):
    assert roles(nlp, stage_all, "Russia's embassy in London issued a warning.")[0] == ("Russia", "associative")
    assert roles(nlp, stage_all, "The residents of Gaza had no power.") == [("Gaza", "literal")]


def test_the_passive_subject_of_a_party_verb_is_a_party(nlp, stage_all):
    assert roles(nlp, stage_all, "In this hysteria Moscow is accused of every sin.") == [("Moscow", "associative")]
    assert roles(nlp, stage_all, "In essence, Europe was forced to support the line.") == [("Europe", "associative")]
    # a place things are done to stays literal
    assert roles(nlp, stage_all, "Mosul was bombed on Monday.") == [("Mosul", "literal")]


def test_the_subject_of_a_holding_verb_is_literal(nlp, stage_all):
    assert roles(nlp, stage_all, "Like the rest of the country, Hawaii has an aging population.") \
        == [("Hawaii", "literal")]
    assert roles(nlp, stage_all, "Asia continued to account for most of the increase.") == [("Asia", "literal")]
    assert roles(nlp, stage_all, "Iran has accused the United States of lying.")[0] == ("Iran", "associative")
    # "had" standing for a verb left out: no holding
    assert roles(nlp, stage_all, "The United States had not, as of yesterday, replied to the letter.")[0] \
        == ("United States", "associative")


def test_the_one_that_gives_or_is_left_after_from_is_a_party(nlp, stage_all):
    """``source_heads``: "permission from [Georgia]"; "from" after a verb whose object is such a noun too."""
    assert dict(roles(nlp, stage_all, "The trust expects permission from Georgia to clear mines."))["Georgia"] \
        == "associative"
    assert roles(nlp, stage_all, "May received strong backing from the United States.") == [
        ("United States", "associative")]
    # where they come from: a place
    assert roles(nlp, stage_all, "Flights from Dubai were cancelled.") == [("Dubai", "literal")]
    assert roles(nlp, stage_all, "Kenya secured a loan from China for the railway.")[-1] == ("China", "associative")


def test_who_receives_after_to_is_a_party(nlp, stage_all):
    """``recipient_verbs``: "sell artillery to [Saudi Arabia]"; not where something is sent."""
    assert dict(roles(nlp, stage_all, "The firm will sell artillery to Saudi Arabia."))["Saudi Arabia"] == "associative"
    assert roles(nlp, stage_all, "Troops were sent to Syria.") == [("Syria", "literal")]


def test_a_possessor_of_a_titled_person_or_of_a_polity_s_laws_is_associative(nlp, stage_all):
    got = dict(roles(nlp, stage_all, "According to Venezuela’s Ecological Mining Minister Victor Cano, the deal stands."))
    assert got["Venezuela"] == "associative"
    assert roles(nlp, stage_all, "The strong immigration laws of Mexico stopped them.") == [("Mexico", "associative")]
    assert roles(nlp, stage_all, "They feared that Dominica's fees would be shared.") == [("Dominica", "associative")]


def test_a_body_inside_a_place_noun_phrase_is_literal(nlp, stage_all):
    """The last noun of the phrase decides: "the [Delft] police station" is a station in Delft (GeoWebNews:
    Literal_Modifier), "[Delft] police" the body."""
    assert roles(nlp, stage_all, "She opened a case at the Delft police station in May.") == [("Delft", "literal")]
    assert roles(nlp, stage_all, "The Orange County Sheriff's Office is asking the public for help.") == [
        ("Orange County", "literal")]
    assert roles(nlp, stage_all, "Chicago police arrested him.") == [("Chicago", "associative")]


def test_an_aspectual_verb_gives_its_subject_the_role_of_the_verb_it_carries(nlp, stage_all):
    """``aspectual_verbs``: "used to [be]" is a copula, literal; "continued to [lead]" an agent."""
    assert roles(nlp, stage_all, "Britain used to be a key source market for tourism.") == [("Britain", "literal")]
    assert roles(nlp, stage_all, "The paper claimed that London is starting to look like New York.")[0] == (
        "London", "literal")
    assert roles(nlp, stage_all, "Iran continued to deny the report.") == [("Iran", "associative")]


def test_what_only_an_agent_holds_or_is_makes_its_subject_an_agent(nlp, stage_all):
    """``agent_objects`` after a holding verb, ``agent_attributes`` and ``agent_predicates`` after a copula."""
    assert roles(nlp, stage_all, "Azerbaijan has a track record of jailing reporters.") == [
        ("Azerbaijan", "associative")]
    assert roles(nlp, stage_all, "Forty years ago, Europe was a reliable ally of Washington.")[0] == (
        "Europe", "associative")
    assert roles(nlp, stage_all, "They asked on what basis France became involved.") == [("France", "associative")]
    # what a place has, and what a place is
    assert roles(nlp, stage_all, "Like the rest of the country, Hawaii has an aging population.") == [
        ("Hawaii", "literal")]
    assert roles(nlp, stage_all, "Turkey is one of our strategic markets.") == [("Turkey", "literal")]


def test_a_toponym_in_a_name_used_as_a_place_is_literal(nlp, stage_all):
    """``locative_prepositions``: the name after "at"/"in" is where something is (GeoWebNews: Coercion,
    Embedded_Literal); a name of media, documents or bodies (``unlocated_name_words``) is not."""
    assert roles(nlp, stage_all, "He works as a research scientist at Colorado State.") == [("Colorado", "literal")]
    assert ("Illinois", "literal") in roles(nlp, stage_all, "A pipe burst in the nearby Illinois State Armory.")
    assert roles(nlp, stage_all, "He was informed of the decision at the Russian Foreign Ministry.") == [
        ("Russian", "literal")]
    # the same name as an actor, and a newspaper or a league after "in"
    assert roles(nlp, stage_all, "Colorado State University said the season would be busy.")[0] == (
        "Colorado", "associative")
    assert roles(nlp, stage_all, "The story appeared in The New York Times on Sunday.") == [
        ("New York", "associative")]
    assert roles(nlp, stage_all, "He rose to stardom in the English Premier League.") == [("English", "associative")]


def test_state_after_a_place_outside_the_united_states_is_the_state(nlp, stage_all):
    """``team_word_countries``: "Mississippi State" is a university, "Oaxaca State" a Mexican state."""
    assert ("Oaxaca", "literal") in roles(
        nlp, stage_all, "The caravan camped out in Matias Romero, Oaxaca State, Mexico, on Wednesday.")
    assert roles(nlp, stage_all, "Mississippi State started the game badly.")[0] == ("Mississippi", "associative")


def test_an_event_noun_is_a_literal_head_and_a_country_s_office_a_body(nlp, stage_all):
    """``literal_heads`` names events too ("the [U.S.] midterm elections", GeoWebNews: Mixed); a country's
    office through a title stays a body ("the [U.S.] Attorney's Office")."""
    assert roles(nlp, stage_all, "It came shortly before the U.S. midterm elections.") == [("U.S.", "literal")]
    assert roles(nlp, stage_all, "The U.S. Attorney's Office told news outlets about the case.") == [
        ("U.S.", "associative")]
    assert roles(nlp, stage_all, "U.S. troops left the base.") == [("U.S.", "associative")]


def test_who_gains_or_loses_after_for_is_a_party(nlp, stage_all):
    """``beneficiary_heads``: "consequences for [Hawaii]"; not a warning or flights for a place."""
    assert roles(nlp, stage_all, "The trend could have profound consequences for Hawaii.") == [
        ("Hawaii", "associative")]
    assert roles(nlp, stage_all, "Officials want a greater role for France in the region.") == [
        ("France", "associative")]
    assert roles(nlp, stage_all, "Forecasters issued a storm warning for Florida.") == [("Florida", "literal")]


def test_who_a_sanction_or_blame_bears_on_is_a_party(nlp, stage_all):
    """``target_heads``: "sanctions on [Iran]", "blamed on [Russia]"; not where shots were fired."""
    assert roles(nlp, stage_all, "Azerbaijan puts pressure on Georgia, experts believe.")[-1] == ("Georgia", "associative")
    assert roles(nlp, stage_all, "It was an attack the government has blamed on Russia.") == [("Russia", "associative")]
    assert roles(nlp, stage_all, "The EU imposed new sanctions on Iran.") == [("Iran", "associative")]
    assert roles(nlp, stage_all, "He says Turkey fired on Qamishli on Tuesday.")[-1] == ("Qamishli", "literal")


def test_a_place_noun_inside_a_longer_phrase_is_not_its_head(nlp, stage_all):
    """A nationality word is literal before a place noun that ends the phrase ("[British] farms"), not before one
    that modifies a title ("[Chinese] State Councilor Wang Yi"); an occupation is a person ("a [Hollywood]
    producer", ``agency_heads``)."""
    assert roles(nlp, stage_all, "Chinese State Councilor Wang Yi said the talks went well.")[0] == (
        "Chinese", "associative")
    assert roles(nlp, stage_all, "The disease spread to British farms.") == [("British", "literal")]
    assert roles(nlp, stage_all, "Complaints against Hollywood producer Harvey Weinstein were made.") == [
        ("Hollywood", "associative")]
