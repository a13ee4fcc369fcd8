"""Attribution classes found by breaking down the PolNeAR dev loss (issue 8, seventh round).

Hand-built sentences, one class each; the rule and its source are in the docstring of the code
that implements it. PolNeAR annotation guidelines: Newell, Margolin & Ruths (LREC 2018),
annotation-guidelines/guidelines.pdf in networkdynamics/PolNeAR.
"""
import pytest

from test_quotes import run, stage  # noqa: F401  (stage is a fixture)


def found(nlp, stage, text, actors=()):  # noqa: F811
    return [(q.source.text if q.source else None, q.cue.text if q.cue else None, q.content.text)
            for q in run(nlp, stage, text, actors)]


@pytest.mark.parametrize("text,expected", [
    # a second statement verb the parser hung on the reported clause's verb
    ("The senator, speaking to a farmers group in Ohio, said she would order a review of the rules and warned "
     "against cuts to the program.",
     [("The senator", "said", "she would order a review of the rules"),
      ("The senator", "warned against", "cuts to the program")]),
    ("Governor Dale Hart said he had suffered from the flu twice and called it a common illness.",
     [("Governor Dale Hart", "said", "he had suffered from the flu twice"),
      ("Governor Dale Hart", "called", "it a common illness")]),
    ("Reyes said the bridge would open in May and promised to cut tolls.",
     [("Reyes", "said", "the bridge would open in May"), ("Reyes", "promised", "to cut tolls")]),
    # a participle of saying after the comma that closes the reported clause
    ("Foreign analysts said trade has risen sharply, citing the growth of exports to Canada.",
     [("Foreign analysts", "said", "trade has risen sharply"),
      ("Foreign analysts", "citing", "the growth of exports to Canada")]),
    # a conjunct that may be the clause subject's own act stays in the clause
    ("The judge said the man was armed and told officers to leave.",
     [("The judge", "said", "the man was armed and told officers to leave")]),
    # a participle of a deed is no statement ('claiming 30 lives'): the clause keeps it
    ("The general said the troops attacked the town, claiming 30 lives.",
     [("The general", "said", "the troops attacked the town, claiming 30 lives")]),
    ("Mr. Lee said he was innocent and cheated nobody.", [("Mr. Lee", "said", "he was innocent and cheated nobody")]),
])
def test_a_statement_appended_to_a_reported_clause_is_its_own(nlp, stage, text, expected):  # noqa: F811
    assert found(nlp, stage, text) == expected
