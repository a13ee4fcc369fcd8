"""Tests for discourse anchoring in the dates stage (newsevents/dates/discourse.py), session 5.

Hand-built sentences; each case names the TimeML reading it follows. The publication dates are
chosen so that the naive publication-relative value differs from the narrated one.
"""
from datetime import date

import pytest

from test_dates import found as _found, stage  # noqa: F401  (stage is a fixture)

SAT = date(2019, 2, 2)   # a Saturday; "Thursday" is 2019-01-31


def found(nlp, stage, text, published=SAT):
    return _found(nlp, stage, text, published)


# -- a time of day without a day of its own is on the narrated day ---------------------------------

def test_clock_time_without_a_day_is_on_the_narrated_day(nlp, stage):
    """TimeML (TempEval-3 APW19980808.0022): '10:35 a.m.' on the Friday the story tells of."""
    got = found(nlp, stage, "On Thursday, two men were arrested. They reached the station at 0:40 and "
                            "left it at 2:00.")
    assert ("0:40", "TIME", "2019-01-31T00:40") in got
    assert ("2:00", "TIME", "2019-01-31T02:00") in got


@pytest.mark.parametrize("sentence,expected", [
    ("Photographs from the night were deleted.", ("the night", "TIME", "2019-01-31TNI")),
    ("Clashes broke out by the evening hours.", ("the evening hours", "TIME", "2019-01-31TEV")),
])
def test_part_of_day_without_a_day_is_on_the_narrated_day(nlp, stage, sentence, expected):
    assert expected in found(nlp, stage, "On Thursday, protesters marched in the capital. " + sentence)


def test_time_of_day_keeps_publication_without_a_narrated_day_or_in_a_future_clause(nlp, stage):
    assert found(nlp, stage, "The rally started around 18:00 local time.") == [("18:00", "TIME", "2019-02-02T18:00")]
    got = found(nlp, stage, "On Thursday, the ministers met. They will speak again at 3 p.m.")
    assert ("3 p.m.", "TIME", "2019-02-02T15:00") in got


def test_time_of_day_does_not_move_the_narrated_day(nlp, stage):
    """A dayless time took the publication day and so hid the Thursday from the quoted 'today'."""
    got = found(nlp, stage, 'On Thursday, the men were found guilty. They had arrived at 0:40. Her lawyer '
                            'told the BBC after the verdict "She is glad of the process that led to today."')
    assert ("today", "DATE", "2019-01-31") in got


def test_time_with_its_own_day_keeps_it(nlp, stage):
    got = found(nlp, stage, "On Thursday, the men were found guilty. Police came at 9 a.m. yesterday.")
    assert ("9 a.m. yesterday", "TIME", "2019-02-01T09:00") in got


# -- a block quotation after a colon ----------------------------------------------------------------

def test_day_word_in_a_block_quotation_counts_from_the_narrated_day(nlp, stage):
    text = ("On Thursday, the court ruled on the case. In its finding, it set out the rules:\n\n"
            " By today's judgment, the Court answers the question put to it.")
    assert ("today", "DATE", "2019-01-31") in found(nlp, stage, text)


def test_paragraph_not_introduced_by_a_colon_is_not_a_quotation(nlp, stage):
    text = "On Thursday, the court ruled on the case.\n\nToday, the lawyers said they would appeal."
    assert ("Today", "DATE", "2019-02-02") in found(nlp, stage, text)


def test_in_block_quotation(nlp):
    from newsevents.dates.discourse import in_block_quotation

    doc = nlp("The statement read:\n\nWe start today.\n\nToday it ended.")
    todays = [t for t in doc if t.lower_ == "today"]
    assert [in_block_quotation(doc[t.i:t.i + 1]) for t in todays] == [True, False]


# -- parts of day ---------------------------------------------------------------------------------

def test_part_of_day_hours_of_a_weekday_is_one_expression(nlp, stage):
    got = found(nlp, stage, "The fire started in the early morning hours of Friday.", date(2020, 11, 14))
    assert got == [("the early morning hours of Friday", "TIME", "2020-11-13TMO")]


# -- the previous / following weekday --------------------------------------------------------------

@pytest.mark.parametrize("text,pub,expected", [
    # TempEval-3 wsj_0586: "closed lower Friday ... down 4.5% from the previous Friday" is the Friday before
    ("London shares closed lower Friday. The index was down 4.5% from the previous Friday.", date(1989, 10, 30),
     ("the previous Friday", "DATE", "1989-10-20")),
    ("Police arrested him on July 3, 2015. He was charged the following Monday.", date(2021, 10, 17),
     ("the following Monday", "DATE", "2015-07-06")),
])
def test_previous_or_following_weekday_counts_from_the_narrated_day(nlp, stage, text, pub, expected):
    assert expected in found(nlp, stage, text, pub)


# -- a plan in the past perfect ----------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    # TempEval-3 wsj_0542, wsj_0533: the plan was for the Friday before the Monday of publication
    ("The offer previously had been scheduled to expire at midnight Friday.", ("midnight Friday", "TIME", "1989-10-27T00:00")),
    ("It had been due to expire Friday evening.", ("Friday evening", "TIME", "1989-10-27TEV")),
    ("He had planned to leave on Friday.", ("Friday", "DATE", "1989-10-27")),
    # a plan of the present still points forward
    ("The offer is scheduled to expire at midnight Friday.", ("midnight Friday", "TIME", "1989-11-03T00:00")),
    ("He plans to leave on Friday.", ("Friday", "DATE", "1989-11-03")),
])
def test_weekday_under_a_past_perfect_plan_is_past(nlp, stage, text, expected):
    assert found(nlp, stage, text, date(1989, 10, 30)) == [expected]


def test_month_day_under_a_past_perfect_plan_is_the_nearest(nlp, stage):
    """TempEval-3 wsj_0152: 'had been set to expire Nov. 6', four days after publication."""
    got = found(nlp, stage, "The offer had been set to expire Nov. 6.", date(1989, 11, 2))
    assert got == [("Nov. 6", "DATE", "1989-11-06")]


@pytest.mark.parametrize("sentence,expected", [
    ("Later in the evening, crowds gathered outside.", ("Later in the evening", "TIME", "2020-05-04TEV")),
    ("The fire started early in the morning.", ("early in the morning", "TIME", "2020-05-04TMO")),
])
def test_later_in_the_evening_is_the_narrated_day(nlp, stage, sentence, expected):
    got = found(nlp, stage, "On Monday, the network signed off. " + sentence, date(2020, 5, 6))
    assert expected in got


# -- a clock time and the day next to it, past a parenthesis ------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("By about 22:00 local time (2100 UTC) on Tuesday the fires had spread.", [("22:00", "TIME", "2020-01-07T22:00")]),
    ("At 2:49 a.m. local time (7:49 a.m. UTC) on Saturday morning, the capsule docked.",
     [("2:49 a.m.", "TIME", "2020-01-04T02:49"), ("7:49 a.m. UTC", "TIME", "2020-01-04T07:49")]),
    ("The rally starts at 6 p.m. local time (1700 UTC) tomorrow.", [("6 p.m.", "TIME", "2020-01-11T18:00")]),
])
def test_clock_time_takes_its_day_past_a_parenthesis(nlp, stage, text, expected):
    got = found(nlp, stage, text, date(2020, 1, 10))
    assert all(e in got for e in expected), got


def test_a_planned_day_is_not_the_day_the_story_tells_of(nlp, stage):
    """A date after publication is a plan: a dayless time after it takes the last day told before."""
    got = found(nlp, stage, "On Friday, the gunman attacked two mosques. He will appear in court on April 5. "
                            "The first attack was at about 13:40 local time.", date(2019, 3, 17))
    assert ("13:40", "TIME", "2019-03-15T13:40") in got


# -- the day something is moved to ---------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    # past tense of the move, the day moved to still ahead: the nearest May 1 (TempEval-3 wsj_0533
    # "was extended to Nov. 16", published Oct. 30)
    ("On Thursday, the mayor extended the city lockdown to May 1.", ("May 1", "DATE", "2020-05-01")),
    ("The council postponed the vote to June 3.", ("June 3", "DATE", "2020-06-03")),
    # and a day already passed stays the past one
    ("The deadline was extended to March 1.", ("March 1", "DATE", "2020-03-01")),
])
def test_date_a_thing_is_moved_to_is_the_nearest(nlp, stage, text, expected):
    assert expected in found(nlp, stage, text, date(2020, 4, 5))


def test_same_day_in_a_past_clause_is_not_a_planned_day(nlp, stage):
    got = found(nlp, stage, "On Friday, the gunman attacked a mosque. He will appear in court on April 5. "
                            "The second attack was on the same day.", date(2019, 3, 17))
    assert ("the same day", "DATE", "2019-03-15") in got
    got = found(nlp, stage, "The summit will open on April 5. Leaders will meet the following day.", date(2019, 3, 17))
    assert ("the following day", "DATE", "2019-04-06") in got


def test_date_under_a_time_noun_takes_the_tense_of_the_verb(nlp, stage):
    """TempEval-3 NYT19990505.0443: 'was shot to death on the night of Oct. 23' (published May 5, 1999)
    is the past Oct. 23, not the nearer one ahead."""
    got = found(nlp, stage, "Slepian was shot to death on the night of Oct. 23 in his home.", date(1999, 5, 5))
    assert ("Oct. 23", "DATE", "1998-10-23") in got


@pytest.mark.parametrize("text,expected", [
    # "the next year" counts from the narrated year; "next year" (no article) from publication
    ("In 2016 he moved to Paris. The next year he returned.", [("2016", "DATE", "2016"),
                                                              ("The next year", "DATE", "2017")]),
    ("In May 2016 he moved to Paris. The next month he returned.", [("May 2016", "DATE", "2016-05"),
                                                                    ("The next month", "DATE", "2016-06")]),
    ("The election will be held next year.", [("next year", "DATE", "2020")]),
    # a name: the year before it is a date, the "Six-Day" is no duration
    ("Israel seized the territories in the 1967 Six-Day War.", [("1967", "DATE", "1967")]),
    # a surname that is a unit word
    ("Speaking to reporters, Weeks said the plan was sound.", []),
])
def test_years_after_a_narrated_year_names_and_surnames(nlp, stage, text, expected):
    assert found(nlp, stage, text, published=date(2019, 11, 20)) == expected
