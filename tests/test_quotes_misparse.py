"""Misparses of attributions repaired or refused (newsevents/quotes/misparse.py), on hand-built sentences."""
import pytest

from test_quotes import run, stage  # noqa: F401  (stage is a fixture)


def triples(nlp, stage, text):  # noqa: F811
    return [(q.source.text if q.source else None, q.cue.text if q.cue else None, q.content.text)
            for q in run(nlp, stage, text)]


def test_an_inverted_cue_in_mid_sentence_is_said_by_its_object(nlp, stage):  # noqa: F811
    text = ("The device was hidden in a cart at the market, stated Interior Minister Omar al-Rashid, and was "
            "left there overnight.")
    assert ("Interior Minister Omar al-Rashid", "stated", "The device was hidden in a cart at the market") \
        in triples(nlp, stage, text)


def test_a_clause_subject_taken_for_the_object_keeps_its_predicate(nlp, stage):  # noqa: F811
    text = "Protesters have claimed Iran, especially, amongst other outside parties, is unduly influencing their government."
    got = [c for s, cue, c in triples(nlp, stage, text) if cue == "have claimed"]
    assert got == ["Iran, especially, amongst other outside parties, is unduly influencing their government"]


@pytest.mark.parametrize("text", [
    'People holding a banner saying "united in diversity". Image: Jane Roe (flickr).',
    'Marchers with flags and a banner from the campaign saying "put it to the people".',
    "The statement comes after the film Just don't tell anyone was released on Saturday.",
])
def test_captions_and_titles_are_no_quotes(nlp, stage, text):  # noqa: F811
    assert triples(nlp, stage, text) == []


@pytest.mark.parametrize("text,bad", [
    ("The House passed two articles. The first charged Trump with abuse of power, and the second accused him "
     "of obstruction of Congress.", "the second"),
    ("Jong was arrested in March, but the National Police Agency when announcing the arrest in May, 2018 "
     "identified him only as \"Mr. A\".", "2018"),
])
def test_dates_and_ordinals_are_no_speakers(nlp, stage, text, bad):  # noqa: F811
    assert bad not in [s for s, _, _ in triples(nlp, stage, text)]


def test_a_name_the_recogniser_took_for_a_date_still_speaks(nlp, stage):  # noqa: F811
    text = "Last week Stumpf in a televised interview appeared to blame low-level workers for this behavior."
    assert [s for s, _, _ in triples(nlp, stage, text)] == ["Stumpf"]


def test_percentages_of_those_polled_speak(nlp, stage):  # noqa: F811
    text = "In the poll, 63 percent said the decision was justified."
    assert [s for s, _, _ in triples(nlp, stage, text)] == ["63 percent"]


def test_a_relative_clause_is_no_content(nlp, stage):  # noqa: F811
    text = "Maria Kowalska spoke, who headed the campaign of Viktor Barys."
    assert not [c for _, _, c in triples(nlp, stage, text) if c.startswith("who")]


def test_a_reported_clause_without_its_relative_subject_is_no_content(nlp, stage):  # noqa: F811
    text = "Neither US nor British authorities delivered a complete list of the 38 countries they said were involved."
    assert triples(nlp, stage, text) == []
    # the relative pronoun as the source is kept
    text = "He believed the unscientific Internet polls that showed him victorious in most debates."
    assert [c for _, cue, c in triples(nlp, stage, text) if cue == "showed"]


def test_a_quoted_name_is_no_quotation(nlp, stage):  # noqa: F811
    text = ('Calling it "just another apology", Anna Nowak of "Have no fear", an abuse victim support charity, '
            'told Reuters "it almost appears as if the statement was prepared before".')
    assert not [c for _, _, c in triples(nlp, stage, text) if "Have no fear" in c]


def test_coordinated_clauses_before_a_final_cue_are_one_content(nlp, stage):  # noqa: F811
    text = ("The estimated cost is six billion euros, but the saturation of the gas markets and competition from "
            "liquid natural gas terminals are likely to keep private investors away, he noted.")
    assert [c for _, cue, c in triples(nlp, stage, text) if cue == "noted"] == [text[:text.index(", he noted")]]


def test_a_clause_subject_taken_for_the_object_of_a_gerund_cue_keeps_its_verb(nlp, stage):  # noqa: F811
    # the parser made "produced" a conjunct of "released", the attack the object of "saying"
    text = ("On Friday, the task force released a statement saying an attack that day on an Iraqi air base "
            "near Mosul produced no casualties.")
    got = [c for s, cue, c in triples(nlp, stage, text) if cue == "saying"]
    assert got == ["an attack that day on an Iraqi air base near Mosul produced no casualties"]


def test_a_cue_read_as_a_participle_on_its_subject_still_reports(nlp, stage):  # noqa: F811
    # "announced" an adnominal participle of "chief", the reported clause the main clause
    text = "The city's security chief, Abdullah al-Jahafi, announced on Facebook on Tuesday there were suspects in custody."
    assert ("The city's security chief, Abdullah al-Jahafi", "announced", "there were suspects in custody") \
        in triples(nlp, stage, text)
    # a participle in its own sense stays no cue
    assert triples(nlp, stage, "The man arrested on Tuesday was charged on Friday.") == []


@pytest.mark.parametrize("text,cue,source,content", [
    ("She told reporters at a briefing that the plan was dead.", "told", "She", "that the plan was dead"),
    ("Judge Jackson clarified in the proceedings that her sentencing decisions were not connected to the earlier case.",
     "clarified", "Judge Jackson", "that her sentencing decisions were not connected to the earlier case"),
])
def test_a_that_clause_the_parser_hung_on_a_noun_is_the_content(nlp, stage, text, cue, source, content):  # noqa: F811
    assert (source, cue, content) in triples(nlp, stage, text)


def test_a_relative_clause_missing_its_object_is_no_content(nlp, stage):  # noqa: F811
    text = "She told reporters at the meeting that they attended that the deal was off."
    assert not any(c.startswith("that they attended") for s, cue, c in triples(nlp, stage, text))
