"""Tests of the date classes the new-user trial 10 found on unseen news (notes/trial10.md, section 7): an
offset followed by its date, a past participle's month, a date looked forward to, the day a commemoration
remembers, a clock number inside a name and an idiom of time words (dates/discourse.py, dates/tense.py,
dates/recognise.py, data/dates/lexicon.yaml), each with hand-built sentences."""
from datetime import date

from test_dates import found, stage  # noqa: F401  (stage is a fixture)


def test_an_offset_followed_by_its_year_takes_that_year(nlp, stage):
    got = found(nlp, stage, "In 1998 Hagan ran for the state Senate. A decade later, in 2008, Hagan defeated "
                            "the incumbent.", date(2019, 10, 29))
    assert ("A decade later", "DATE", "2008") in got
    got = found(nlp, stage, "Two years later, in 2010, she won the race.", date(2019, 10, 29))
    assert ("Two years later", "DATE", "2010") in got


def test_decades_later_count_from_the_narrated_year(nlp, stage):
    got = found(nlp, stage, "The plant opened in 1975. A decade later it closed.", date(2019, 10, 29))
    assert ("A decade later", "DATE", "1985") in got


def test_a_participle_of_a_done_act_takes_the_past_month(nlp, stage):
    got = found(nlp, stage, "In his most recent physical exam -- conducted in February -- he clocked in at "
                            "243 pounds.", date(2019, 11, 18))
    assert ("February", "DATE", "2019-02") in got


def test_a_participle_of_a_plan_keeps_the_coming_month(nlp, stage):
    got = found(nlp, stage, "The summit scheduled for February was called off.", date(2019, 11, 18))
    assert ("February", "DATE", "2020-02") in got


def test_a_day_looked_forward_to_is_the_coming_one(nlp, stage):
    got = found(nlp, stage, "He delivered his final plea to voters ahead of Election Day.", date(2020, 10, 19))
    assert got == [("Election Day", "DATE", "2020-11-03")]


def test_the_day_a_commemoration_remembers_is_no_date_of_the_story(nlp, stage):
    got = found(nlp, stage, "In 2016 she was seen feeling faint at a September 11 commemoration.",
                date(2019, 11, 18))
    assert got == [("2016", "DATE", "2016")]
    got = found(nlp, stage, "He was arrested on September 11 near the memorial.", date(2019, 11, 18))
    assert ("September 11", "DATE", "2019-09-11") in got


def test_a_clock_number_inside_a_name_is_no_time(nlp, stage):
    got = found(nlp, stage, "Called the Ineos 1:59 Challenge, the race was run yesterday.", date(2019, 10, 13))
    assert got == [("yesterday", "DATE", "2019-10-12")]
    got = found(nlp, stage, "The race, the Ineos 1:59 Challenge, began at 8:15 Saturday.", date(2019, 10, 13))
    assert got == [("8:15", "TIME", "2019-10-12T08:15"), ("Saturday", "DATE", "2019-10-12")]


def test_an_idiom_of_time_words_is_no_date(nlp, stage):
    got = found(nlp, stage, "It makes for better theater to hold this to the last minute.", date(2019, 11, 18))
    assert got == []


def test_a_vague_offset_before_its_date_stays_a_reference(nlp, stage):
    got = found(nlp, stage, "The court ruled in late June. A few days later, on July 2, Trump dropped the bid.",
                date(2019, 7, 20))
    assert ("A few days later", "DATE", "FUTURE_REF") in got and ("July 2", "DATE", "2019-07-02") in got
