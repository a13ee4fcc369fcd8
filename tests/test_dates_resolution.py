"""Tests for the resolution step of the dates stage (newsevents/dates/resolve.py), session 5: words to a
TIMEX3 value, no model needed. Each case names the annotation it follows."""
from datetime import date

import pytest

from test_dates import resolver  # noqa: F401  (a fixture)


@pytest.mark.parametrize("words,expected", [
    ("the evening hours", ("TIME", "2020-11-14TEV")),
    ("the early morning hours", ("TIME", "2020-11-14TMO")),
    ("the early morning hours of friday", ("TIME", "2020-11-13TMO")),
    ("late last night", ("TIME", "2020-11-13TNI")),
    ("early this morning", ("TIME", "2020-11-14TMO")),
    ("the last hours", ("DURATION", "PTXH")),
])
def test_part_of_day_phrases(resolver, words, expected):
    assert resolver.resolve(words.split(), date(2020, 11, 14)) == expected


@pytest.mark.parametrize("words,anchor,expected", [
    # one or two weeks off is a day (TempEval-3 APW19980322.0749, WSJ910225-0066; Wikinews "a week ago")
    ("two weeks ago", date(1998, 3, 22), ("DATE", "1998-03-08")),
    ("a week or so ago", date(1991, 2, 25), ("DATE", "1991-02-18")),
    ("a week ago", date(2020, 2, 5), ("DATE", "2020-01-29")),
    ("a week later", date(2015, 7, 3), ("DATE", "2015-07-10")),
    # more weeks name the ISO week (TempEval-3 annotates "six weeks ago" at week level)
    ("six weeks ago", date(1998, 3, 1), ("DATE", "1998-W03")),
    ("weeks ago", date(1998, 3, 1), ("DATE", "PAST_REF")),
])
def test_week_offsets(resolver, words, anchor, expected):
    assert resolver.resolve(words.split(), anchor) == expected


@pytest.mark.parametrize("words,tense,expected", [
    # "this coming Sunday" is the Sunday after the anchor (TempEval-3 VOA19980305.1800.2603)
    ("this coming sunday", None, ("DATE", "1998-03-08")),
    ("this coming sunday", "past", ("DATE", "1998-03-08")),
    # "this Sunday" alone keeps the tense rule: a past clause means the Sunday before
    ("this sunday", "past", ("DATE", "1998-03-01")),
])
def test_this_coming_weekday_points_forward(resolver, words, tense, expected):
    assert resolver.resolve(words.split(), date(1998, 3, 5), tense=tense) == expected
