"""Words spaCy tags as names that are no actors (trial 8, notes/trial8.md 1.3): time zones, lower-case
words, the lower-case tail of an entity, title abbreviations. Hand-built sentences; the stage runs on
its own, as in test_actors (whose fixtures these reuse).
"""
from __future__ import annotations

import pytest

from test_actors import actors, coded, one, run, stage  # noqa: F401  (fixtures)


def _texts(ctx) -> list:
    return [a.text for a in actors(ctx)]


@pytest.mark.parametrize("zone", ["BST", "GMT", "EDT"])
def test_a_time_zone_is_no_actor_and_no_antecedent(run, zone):
    """'at 15:00 BST': a time zone (rules.yaml ``not_names``); the 'He' after it is not the zone."""
    ctx = run(f"The crash happened at 10:00 {zone} on Sunday. He was taken to hospital.")
    assert zone not in _texts(ctx)
    assert all(a.canonical != zone for a in actors(ctx))


def test_a_lower_case_entity_is_no_name(run, nlp):
    """'act with restraint': whatever the tagger says, a name has a capitalised word."""
    text = "NATO Secretary-General Jens Stoltenberg wrote, \"I count on Turkey to act with restraint.\""
    ctx = run(text)
    assert "restraint" not in _texts(ctx)


def test_the_lower_case_tail_of_an_entity_is_no_part_of_the_name(run):
    """'reported by Associated Press of bank robberies': the name ends at its last capitalised word,
    'Associated Press', the news agency of the table; a hyphenated part stays ('Yu Hoi-kwan')."""
    text = ("A man was reported by The Guardian as convicted of assaults and by Associated Press of bank "
            "robberies.")
    ctx = run(text)
    assert not any("bank" in a.text for a in actors(ctx))
    ctx = run("Police Senior Superintendent Yolanda Yu Hoi-kwan said officers were threatened.")
    assert any(a.text.endswith("Hoi-kwan") for a in actors(ctx))


def test_a_rank_abbreviation_is_a_title(run):
    """'Cmdr. Sean Robertson': the naval rank Commander (titles.tsv), not a name (the tagger splits
    'Cmdr' from its full stop, so the title does not reach the name)."""
    ctx = run("Cmdr. Sean Robertson, a spokesperson for the U.S. military operation, said the base would stay.")
    assert "Cmdr" not in _texts(ctx)
    assert one(ctx, "Sean Robertson").code == "USA"


def test_first_lady_is_a_title_not_part_of_the_name(run):
    ctx = run("Other speakers included First Lady Melania Trump.")
    assert one(ctx, "Melania Trump").canonical == "Melania Trump"


def test_the_names_of_a_byline_are_no_actors(run):
    """'By Matt Spetalnick and Jason Szep' (or 'Por ... e ...' in a Portuguese feed): a line that opens
    with a byline word and has no verb names the writers (rules.yaml ``byline_words``); the same name
    in a sentence with a verb is an actor."""
    assert actors(run("Por Matt Spetalnick e Jason Szep")) == []
    text = "By Matt Spetalnick and Jason Szep\n\nPresident Donald Trump met Kim Jong Un. By Monday, Jason Szep had left."
    ctx = run(text)
    assert [a.text for a in actors(ctx) if a.kind == "person"] == ["Donald Trump", "Kim Jong Un", "Jason Szep"]
    assert actors(ctx, "Jason Szep")[0].evidence.start > 40


def test_a_brand_named_as_a_product_is_no_actor(run):
    """'struck by a Volvo XC90 ... the Volvo had come from RAF Croughton': a name before a model
    designation in an indefinite noun phrase is a product at every mention; the company that speaks
    is still an actor ('Volvo said')."""
    text = ("Harry Dunn, a 19-year-old motorcyclist was struck by a Volvo XC90 driving on the wrong side of "
            "the road. Northamptonshire police were able to determine the Volvo had come from RAF Croughton.")
    assert "Volvo" not in _texts(run(text))
    assert _texts(run("Volvo said it would cut 2,000 jobs. Volvo sold a Volvo XC90 to him.")) == ["Volvo"]
