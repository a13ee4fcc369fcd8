"""Tests for the dates stage (newsevents/dates): TIMEX3 values against a publication date.

The anchor is Monday 2019-07-01 (the seed article's publication date), so
"Sunday" is 2019-06-30 and "last week" is ISO week 2019-W26.
"""
from datetime import date
from pathlib import Path

import pytest

from newsevents.data import load_yaml
from newsevents.dates import DateStage, Resolver, date_for_clause, iso_week, shift_months
from newsevents.pipeline import Context, Options
from newsevents.records import ArticleAnalysis

PUB = date(2019, 7, 1)  # a Monday
from conftest import SHARED  # noqa: E402  ../shared beside the repository


@pytest.fixture(scope="session")
def stage():
    return DateStage(Options())


@pytest.fixture(scope="session")
def resolver():
    return Resolver(load_yaml("dates/lexicon.yaml"))


def run(nlp, stage, text, published=PUB):
    ctx = Context(nlp(text), ArticleAnalysis(text=text), published, Options())
    stage(ctx)
    return ctx


def found(nlp, stage, text, published=PUB):
    return [(t.text, t.type, t.value) for t in run(nlp, stage, text, published).analysis.dates]


# -- calendar helpers (no model needed) ------------------------------------------------------
def test_iso_week_and_month_shift():
    assert iso_week(date(2019, 6, 30)) == "2019-W26"
    assert iso_week(date(2019, 7, 1)) == "2019-W27"
    assert iso_week(date(2021, 1, 3)) == "2020-W53"
    assert shift_months(2019, 1, -1) == (2018, 12)
    assert shift_months(2019, 12, 1) == (2020, 1)


@pytest.mark.parametrize("words,tense,expected", [
    ("sunday", None, ("DATE", "2019-06-30")),
    ("friday", "past", ("DATE", "2019-06-28")),
    ("friday", "future", ("DATE", "2019-07-05")),
    ("monday", None, ("DATE", "2019-07-01")),        # on or before: the publication day itself
    ("monday", "future", ("DATE", "2019-07-08")),    # future: the next one after publication
    ("last friday", None, ("DATE", "2019-06-28")),
    ("next friday", None, ("DATE", "2019-07-05")),
    ("last week", None, ("DATE", "2019-W26")),
    ("this week", None, ("DATE", "2019-W27")),
    ("next month", None, ("DATE", "2019-08")),
    ("last year", None, ("DATE", "2018")),
    ("yesterday", None, ("DATE", "2019-06-30")),
    ("today", None, ("DATE", "2019-07-01")),
    ("tomorrow", None, ("DATE", "2019-07-02")),
    ("the weekend", None, ("DATE", "2019-W26-WE")),
    ("the weekend", "future", ("DATE", "2019-W27-WE")),
    ("last weekend", None, ("DATE", "2019-W26-WE")),
    ("march", "past", ("DATE", "2019-03")),
    ("march", None, ("DATE", "2019-03")),
    ("march", "future", ("DATE", "2020-03")),
    ("december", "past", ("DATE", "2018-12")),
    ("june 30", None, ("DATE", "2019-06-30")),
    ("30 june 2019", None, ("DATE", "2019-06-30")),
    ("sept. 30 , 2001", None, ("DATE", "2001-09-30")),
    ("2019", None, ("DATE", "2019")),
    ("two days ago", None, ("DATE", "2019-06-29")),
    ("a year ago", None, ("DATE", "2018")),
    ("three weeks ago", None, ("DATE", "2019-W24")),
    ("three days", None, ("DURATION", "P3D")),
    ("a week", None, ("DURATION", "P1W")),
    ("a five year", None, ("DURATION", "P5Y")),
    ("2 1/2 years", None, ("DURATION", "P2Y6M")),
    ("five hours", None, ("DURATION", "PT5H")),
    ("the past two months", None, ("DURATION", "P2M")),
    ("months - long", None, ("DURATION", "PXM")),
    ("years", None, ("DURATION", "PXY")),
    ("recently", None, ("DATE", "PAST_REF")),
    ("now", None, ("DATE", "PRESENT_REF")),
    ("currently", None, ("DATE", "PRESENT_REF")),
    ("the future", None, ("DATE", "FUTURE_REF")),
    ("every week", None, ("SET", "P1W")),
    ("weekly", None, ("SET", "P1W")),
    ("daily", None, ("SET", "P1D")),
    ("the third quarter", None, ("DATE", "2019-Q3")),
    ("the 1990s", None, ("DATE", "199")),
    ("last fall", None, ("DATE", "2018-FA")),
    ("this morning", None, ("TIME", "2019-07-01TMO")),
    ("10:30 a.m. saturday", None, ("TIME", "2019-06-29T10:30")),
    ("2019 - 06 - 30", None, ("DATE", "2019-06-30")),
    ("12/25/2018", None, ("DATE", "2018-12-25")),
])
def test_resolver_values(resolver, words, tense, expected):
    assert resolver.resolve(words.split(), PUB, tense=tense) == expected


def test_resolver_nearest_month_day_without_tense(resolver):
    # "payable Dec. 15" in an article of 1989-10-26: no verb tense decides, the nearest Dec. 15
    assert resolver.resolve(["dec.", "15"], date(1989, 10, 26)) == ("DATE", "1989-12-15")
    assert resolver.resolve(["dec.", "15"], date(1989, 10, 26), tense="past") == ("DATE", "1988-12-15")


def test_resolver_without_anchor(resolver):
    assert resolver.resolve(["sunday"], None) == ("DATE", None)
    assert resolver.resolve(["last", "week"], None) == ("DATE", None)
    assert resolver.resolve(["30", "june", "2019"], None) == ("DATE", "2019-06-30")
    assert resolver.resolve(["three", "days"], None) == ("DURATION", "P3D")
    assert resolver.resolve(["hello"], PUB) is None
    assert resolver.resolve([], PUB) is None


# -- the stage on parsed sentences -------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("The two leaders met Sunday at the border.", [("Sunday", "DATE", "2019-06-30")]),
    ("They met on Friday.", [("Friday", "DATE", "2019-06-28")]),
    ("The leaders will meet on Friday.", [("Friday", "DATE", "2019-07-05")]),
    ("He is due to arrive in Seoul on Friday.", [("Friday", "DATE", "2019-07-05")]),
    ("She plans to visit Friday.", [("Friday", "DATE", "2019-07-05")]),
    ("The ministers met last week.", [("last week", "DATE", "2019-W26")]),
    ("He arrived yesterday.", [("yesterday", "DATE", "2019-06-30")]),
    ("The talks began in March.", [("March", "DATE", "2019-03")]),
    ("Elections will be held in March.", [("March", "DATE", "2020-03")]),
    ("It was announced after the weekend meeting.", [("the weekend", "DATE", "2019-W26-WE")]),
    ("The treaty was signed on 30 June 2019.", [("30 June 2019", "DATE", "2019-06-30")]),
    ("The vote was held on June 30.", [("June 30", "DATE", "2019-06-30")]),
    ("He was elected in 2019.", [("2019", "DATE", "2019")]),
    ("Exports fell last year.", [("last year", "DATE", "2018")]),
    ("The rebels attacked two days ago.", [("two days ago", "DATE", "2019-06-29")]),
    ("The siege lasted three days.", [("three days", "DURATION", "P3D")]),
    ("It came amid a months-long standoff.", [("months-long", "DURATION", "PXM")]),
    ("He recently met Kim.", [("recently", "DATE", "PAST_REF")]),
    ("The council meets weekly.", [("weekly", "SET", "P1W")]),
    ("They meet every week.", [("every week", "SET", "P1W")]),
    ("Sunday, June 30, 2019 was hot.", [("Sunday, June 30, 2019", "DATE", "2019-06-30")]),
    ("Prices rose in the third quarter.", [("the third quarter", "DATE", "2019-Q3")]),
])
def test_stage_values(nlp, stage, text, expected):
    assert found(nlp, stage, text) == expected


def test_no_false_dates(nlp, stage):
    assert found(nlp, stage, "You may go now if the leaves fall.") == [("now", "DATE", "PRESENT_REF")]
    assert found(nlp, stage, "The 6-year-old boy met 2000 people.") == []
    assert found(nlp, stage, "Jan Smith said the quarterly report was late.") == []


def test_published_none(nlp, stage):
    assert found(nlp, stage, "Trump met Kim on Sunday after talks on 30 June 2019 lasting three days.",
                 published=None) == [
        ("Sunday", "DATE", None), ("30 June 2019", "DATE", "2019-06-30"), ("three days", "DURATION", "P3D")]


def test_evidence_offsets_and_ids(nlp, stage):
    text = "Talks began on Friday. They will resume next week."
    ctx = run(nlp, stage, text)
    dates = ctx.analysis.dates
    assert [t.id for t in dates] == ["T1", "T2"]
    for t in dates:
        assert text[t.evidence.start:t.evidence.end] == t.text
    assert [t.evidence.sentence for t in dates] == [0, 1]
    assert [t.value for t in dates] == ["2019-06-28", "2019-W28"]
    by_sentence = ctx.shared["dates"]["by_sentence"]
    assert [t.id for t in by_sentence[0]] == ["T1"] and [t.id for t in by_sentence[1]] == ["T2"]


def test_date_for_clause(nlp, stage):
    text = "Trump met Kim on Sunday. The talks lasted three days. Officials will meet again next month."
    ctx = run(nlp, stage, text)
    doc = ctx.doc
    met = next(t for t in doc if t.text == "met")
    lasted = next(t for t in doc if t.text == "lasted")
    meet = next(t for t in doc if t.text == "meet")
    assert date_for_clause(ctx, met).value == "2019-06-30"
    assert date_for_clause(ctx, lasted) is None          # a duration does not date an event
    assert date_for_clause(ctx, meet).value == "2019-08"


def test_date_for_clause_prefers_own_clause(nlp, stage):
    text = "Officials said on Monday that the rebels attacked the town yesterday."
    ctx = run(nlp, stage, text)
    attacked = next(t for t in ctx.doc if t.text == "attacked")
    said = next(t for t in ctx.doc if t.text == "said")
    assert date_for_clause(ctx, attacked).text == "yesterday"
    assert date_for_clause(ctx, said).text == "Monday"


@pytest.mark.parametrize("text", ["", " ", "Friday", "“Friday”", "\n\n", "May", "2019", "x" * 3000,
                                  "On Friday, " + "he said that " * 400 + "it rained."])
def test_odd_input_never_crashes(nlp, stage, text):
    ctx = run(nlp, stage, text)
    for t in ctx.analysis.dates:
        assert text[t.evidence.start:t.evidence.end] == t.text


def test_seed_article(nlp, stage):
    path = SHARED / "seed" / "dmz-meeting.txt"
    if not path.exists():
        pytest.skip("../shared not present: seed article")
    got = {(t.text, t.value) for t in run(nlp, stage, path.read_text(encoding="utf8")).analysis.dates}
    assert ("Sunday", "2019-06-30") in got
    assert ("the weekend", "2019-W26-WE") in got


# -- error classes fixed in the accuracy round (TempEval-3 error analysis) -------------------------
@pytest.mark.parametrize("words,anchor,expected", [
    # spoken years (broadcast transcripts)
    ("nineteen eighty - four", PUB, ("DATE", "1984")),
    ("march nineteen sixty - two", PUB, ("DATE", "1962-03")),
    ("the year two thousand", PUB, ("DATE", "2000")),
    ("the autumn of nineteen seventy", PUB, ("DATE", "1970-FA")),
    ("more than two thousand years", PUB, ("DURATION", "P2000Y")),
    # computed holidays (first weekday on or after a day; Easter computus)
    ("thanksgiving day", date(2019, 12, 10), ("DATE", "2019-11-28")),
    ("election day", date(2020, 11, 20), ("DATE", "2020-11-03")),
    ("easter", date(2019, 5, 1), ("DATE", "2019-04-21")),
    ("easter week", date(2019, 5, 1), ("DATE", "2019-W16")),
    ("labor day", date(2019, 9, 20), ("DATE", "2019-09-02")),
    ("valentine 's day", date(2019, 3, 1), ("DATE", "2019-02-14")),
    # sets on weekdays and months
    ("each wednesday", PUB, ("SET", "XXXX-WXX-3")),
    ("every august", PUB, ("SET", "XXXX-08")),
    ("fridays", PUB, ("SET", "XXXX-WXX-5")),
    ("saturday nights", PUB, ("SET", "XXXX-WXX-6TNI")),
    # decades in words, modified parts of day, "the year", halves
    ("the seventies", PUB, ("DATE", "197")),
    ("the twenties", date(1999, 1, 1), ("DATE", "192")),
    ("late afternoon", PUB, ("TIME", "2019-07-01TAF")),
    ("mid afternoon tomorrow", PUB, ("TIME", "2019-07-02TAF")),
    ("the full year", PUB, ("DATE", "2019")),
    ("the end of the year", PUB, ("DATE", "2019")),
    ("the second half of 2017", PUB, ("DATE", "2017-H2")),
    ("the first quarter of 2016", PUB, ("DATE", "2016-Q1")),
    # relative year + possessive quarter; comparison periods
    ("next year 's second quarter", PUB, ("DATE", "2020-Q2")),
    ("last year 's first half", PUB, ("DATE", "2018-H1")),
    ("the 2017 period", PUB, ("DATE", "2017")),
    ("the latest period", PUB, ("DATE", "2019-Q2")),
    # reference words
    ("these days", PUB, ("DATE", "PRESENT_REF")),
    ("current", PUB, ("DATE", "PRESENT_REF")),
    ("recent", PUB, ("DATE", "PAST_REF")),
    ("the near term", PUB, ("DATE", "FUTURE_REF")),
])
def test_resolver_round2_classes(resolver, words, anchor, expected):
    assert resolver.resolve(words.split(), anchor) == expected


@pytest.mark.parametrize("text,expected", [
    # spans: "about", "almost", "over", "than" outside; "at least" inside; article outside adjectival compounds
    ("Sales were higher than a year ago.", [("a year ago", "DATE", "2018")]),
    ("The strike lasted about two weeks.", [("two weeks", "DURATION", "P2W")]),
    ("The mine has been closed for over five years.", [("five years", "DURATION", "P5Y")]),
    ("Talks will take at least ten days.", [("at least ten days", "DURATION", "P10D")]),
    ("The firm took a second-quarter charge.", [("second-quarter", "DATE", "2019-Q2")]),
    ("Prices fell in the six months to June.", [("the six months", "DURATION", "P6M"), ("June", "DATE", "2019-06")]),
    # ages and fractions are not temporal expressions
    ("The minister, 63 years old, resigned.", []),
    ("The country imports two-quarters of its grain.", []),
    # "as soon as" is a connective; "as soon as possible" is FUTURE_REF
    ("The rebels will leave as soon as Tuesday.", [("Tuesday", "DATE", "2019-07-02")]),
    ("He asked them to leave as soon as possible.", [("as soon as possible", "DATE", "FUTURE_REF")]),
    # reference adjectives and phrases; "previously" is not annotated
    ("The current talks failed and recent protests grew.", [("current", "DATE", "PRESENT_REF"),
                                                            ("recent", "DATE", "PAST_REF")]),
    ("The plan had previously been rejected.", []),
    ("Prices will stay high in the near future.", [("the near future", "DATE", "FUTURE_REF")]),
    # weekly sets, spoken years, holidays, decades in a sentence
    ("He gave his weekly address.", [("weekly", "SET", "P1W")]),
    ("The war began in nineteen ninety-one.", [("nineteen ninety-one", "DATE", "1991")]),
    ("Prisoners were freed on Thanksgiving Day.", [("Thanksgiving Day", "DATE", "2018-11-22")]),
    ("Music changed in the sixties.", [("the sixties", "DATE", "196")]),
    ("Flights leave on Tuesdays and each Friday.", [("Tuesdays", "SET", "XXXX-WXX-2"),
                                                     ("each Friday", "SET", "XXXX-WXX-5")]),
    # "the year": a date, but a 12-month period before "ended"
    ("Sales for the year rose.", [("the year", "DATE", "2019")]),
    ("Profit for the year ended March 31 rose.", [("the year", "DURATION", "P1Y"), ("March 31", "DATE", "2019-03-31")]),
])
def test_stage_round2_classes(nlp, stage, text, expected):
    assert found(nlp, stage, text) == expected


def test_year_ago_on_quarter_under_discussion(nlp, stage):
    text = ("Acme earned $5 million in the second quarter. Sales rose to $90 million from $80 million a year earlier. "
            "In the year-ago period, Acme lost money. Results for last year's quarter included a charge.")
    got = found(nlp, stage, text, published=date(2019, 7, 25))
    assert got == [("the second quarter", "DATE", "2019-Q2"), ("a year earlier", "DATE", "2018-Q2"),
                   ("the year-ago period", "DATE", "2018-Q2"), ("last year's quarter", "DATE", "2018-Q2")]


# -- dates in discourse (real-news round) ---------------------------------------------------------------

def test_relative_expressions_count_from_the_narrated_day(nlp, stage):
    """'on July 3 ... on the following day ... two days later': the story's days, not publication's."""
    got = found(nlp, stage, "Police arrested him on July 3, 2015. He was charged on the following day and "
                            "released three years later.", published=date(2021, 10, 17))
    assert ("the following day", "DATE", "2015-07-04") in got
    assert ("three years later", "DATE", "2018") in got  # from 2015-07-04, the narrated day, not 2024


def test_discourse_relative_words():
    from newsevents.dates.discourse import is_discourse_relative

    for text in ("the following day", "the previous night", "that night", "the day before", "two days later"):
        assert is_discourse_relative(text.split()), text
    for text in ("next week", "later this week", "yesterday", "the week"):
        assert not is_discourse_relative(text.split()), text


@pytest.mark.parametrize("sentence,expected", [
    ("The following day, he was charged.", ("The following day", "DATE", "2015-07-04")),
    ("He was charged the following day.", ("the following day", "DATE", "2015-07-04")),
    ("The next day he was released on bail.", ("The next day", "DATE", "2015-07-04")),
    ("That night, protesters gathered outside.", ("That night", "TIME", "2015-07-03TNI")),
    ("That morning he had left home early.", ("That morning", "TIME", "2015-07-03TMO")),
    ("He was questioned again the following morning.", ("the following morning", "TIME", "2015-07-04TMO")),
])
def test_narrated_day_expressions_found_and_resolved(nlp, stage, sentence, expected):
    """Sentence-initial and clause-final 'the following day', 'that night', 'that morning' are found
    by our patterns (not left to the model's NER) and count from the day the story narrates."""
    got = found(nlp, stage, "Police arrested him on July 3, 2015. " + sentence, published=date(2021, 10, 17))
    assert expected in got


def test_narrated_day_resolver(resolver):
    a = date(2015, 7, 3)
    assert resolver.resolve(["that", "night"], a) == ("TIME", "2015-07-03TNI")
    assert resolver.resolve(["that", "day"], a) == ("DATE", "2015-07-03")
    assert resolver.resolve(["the", "previous", "evening"], a) == ("TIME", "2015-07-02TEV")
    assert resolver.resolve(["that", "night"], None) == ("TIME", None)


def test_a_month_inside_a_person_s_name_and_a_utc_clock_time_are_not_dates(nlp, stage):
    got = found(nlp, stage, "Tom Watson called Prime Minister Theresa May's proposed Brexit deal lousy.",
                published=date(2019, 3, 28))
    assert not [g for g in got if g[0] == "May"]
    got = found(nlp, stage, "Around 3:00 p.m. local time on Monday (1800 UTC), smoke darkened the sky.",
                published=date(2019, 8, 24))
    assert not [g for g in got if g[0] == "1800"]


def test_month_comma_year_is_one_expression(nlp, stage):
    got = found(nlp, stage, "He visited the company in May, 2018, and met its boss.", published=date(2019, 10, 17))
    assert got == [("May, 2018", "DATE", "2018-05")]


def test_weekday_in_a_future_clause_resolves_forward(nlp, stage):
    got = found(nlp, stage, "The ministers will meet on Friday.", published=date(2019, 10, 17))
    assert got == [("Friday", "DATE", "2019-10-18")]


def test_amount_later_counts_from_a_year_or_month_of_the_story(nlp, stage):
    got = found(nlp, stage, "U.S. troops left Iraq in 2011, then returned three years later.", date(2019, 11, 10))
    assert ("three years later", "DATE", "2014") in got
    got = found(nlp, stage, "The firm was founded in June 2015. Two months later it collapsed.", date(2019, 11, 10))
    assert ("Two months later", "DATE", "2015-08") in got
    # a day-level amount after a year-level date keeps the publication anchor (the day is unknown)
    got = found(nlp, stage, "He was born in 1990. Three days later the war began.", date(2019, 11, 10))
    assert ("Three days later", "DATE", "2019-11-13") in got


def test_month_of_relative_year_is_one_expression(nlp, stage):
    pub = date(2019, 11, 27)
    assert found(nlp, stage, "Protests have continued since June of this year.", pub) == \
        [("June of this year", "DATE", "2019-06")]
    assert found(nlp, stage, "He was arrested in March of last year.", pub) == [("March of last year", "DATE", "2018-03")]
    assert found(nlp, stage, "It began in June of 2018.", pub) == [("June of 2018", "DATE", "2018-06")]
    assert found(nlp, stage, "It began in June.", pub) == [("June", "DATE", "2019-06")]


@pytest.mark.parametrize("words,anchor,expected", [
    # "last <weekday>" is never the day before the anchor (that is "yesterday")
    ("last thursday", date(2020, 1, 10), ("DATE", "2020-01-02")),   # Friday -> the week before's Thursday
    ("last friday", date(2019, 2, 21), ("DATE", "2019-02-15")),     # Thursday -> six days back
    ("last wednesday", date(1989, 11, 1), ("DATE", "1989-10-25")),  # same weekday -> a week back
    ("last monday", date(1989, 10, 30), ("DATE", "1989-10-23")),
    ("last tuesday", date(2000, 2, 24), ("DATE", "2000-02-22")),
    # "the week of <date>": the ISO week holding that day
    ("the week of october 21", date(2019, 10, 10), ("DATE", "2019-W43")),
    ("the week of march 6 , 2000", date(2000, 2, 24), ("DATE", "2000-W10")),
])
def test_resolver_last_weekday_and_week_of(resolver, words, anchor, expected):
    assert resolver.resolve(words.split(), anchor) == expected


def test_week_of_a_date_is_one_expression(nlp, stage):
    got = found(nlp, stage, "Arguments would be heard as soon as the week of October 21, with briefs due before.",
                published=date(2019, 10, 10))
    assert got == [("the week of October 21", "DATE", "2019-W43")]


# -- session 4: what a date is about (quotes, named events, clock times), names that hold a holiday ----

@pytest.mark.parametrize("text,expected", [
    # straight and curly quotation marks: the quoted day word counts from the narrated Sunday
    ('Late on Sunday, the ministry announced the plan. The envoy wrote: "The statement tonight shows '
     'a lack of understanding."', ("tonight", "TIME", "2019-10-06TNI")),
    ("On Sunday, voters turned out in large numbers. A voter told reporters, “Today we are trying to "
     "do our best.”", ("Today", "DATE", "2019-10-06")),
    ('On Sunday, the court ruled. Its president said: "Yesterday we heard the last witness."',
     ("Yesterday", "DATE", "2019-10-05")),
])
def test_day_word_in_a_quotation_counts_from_the_narrated_day(nlp, stage, text, expected):
    assert expected in found(nlp, stage, text, published=date(2019, 10, 8))


def test_day_word_outside_a_quotation_or_without_a_narrated_day_counts_from_publication(nlp, stage):
    pub = date(2019, 10, 8)
    got = found(nlp, stage, 'On Sunday, the ministry announced the plan. Officials said today it would start.', pub)
    assert ("today", "DATE", "2019-10-08") in got          # not quoted: the reporter's today
    got = found(nlp, stage, 'The minister said: "Today we start a new chapter."', pub)
    assert got == [("Today", "DATE", "2019-10-08")]       # quoted, but no narrated day before it
    got = found(nlp, stage, 'On Sunday, the ministry announced the plan. "It starts today," he said today.', pub)
    assert [v for t, _, v in got if t == "today"] == ["2019-10-06", "2019-10-08"]


def test_day_word_after_a_stray_quotation_mark_of_an_earlier_sentence_is_not_quoted(nlp, stage):
    """Only the sentence is read: an unbalanced mark sentences before flips nothing (TempEval-3
    WSJ900813-0157 lost its paragraph breaks: 'interdiction would begin " almost instantly.')."""
    got = found(nlp, stage, 'On Friday he spoke. He said it would begin " almost instantly. Then yesterday, he left.',
                published=date(1990, 8, 13))
    assert ("yesterday", "DATE", "1990-08-12") in got


def test_day_word_after_a_quotation_closed_on_a_sentence_end_is_not_quoted(nlp, stage):
    got = found(nlp, stage, 'On Friday, he said "We made a plea. He resisted." Two senators both yesterday questioned it.',
                published=date(2019, 1, 7))
    assert ("yesterday", "DATE", "2019-01-06") in got


def test_in_quotation(nlp):
    from newsevents.dates.discourse import in_quotation

    doc = nlp('He said "we start today" and left today.\nToday, “it is over,” he said.')
    todays = [t for t in doc if t.lower_ == "today"]
    assert [in_quotation(doc[t.i:t.i + 1]) for t in todays] == [True, False, False]


@pytest.mark.parametrize("text,pub,expected", [
    # the article gives the election its day: election day is that day
    ("On Thursday, Ana Lopes, a candidate in the presidential election to be held on August 9, held a rally. "
     "She asked voters to go to the polls on election day.", date(2020, 8, 3), ("election day", "DATE", "2020-08-09")),
    ("The elections on 12 December will decide it. Turnout on election day is expected to be high.",
     date(2019, 11, 20), ("election day", "DATE", "2019-12-12")),
    ("About 2.9 million people voted in Sunday's election. Election day passed calmly.", date(2019, 11, 27),
     ("Election day", "DATE", "2019-11-24")),
    # a date near a poll that is not the election's day: the US rule (TempEval-3 NYT19981026.0446)
    ("In a poll completed on Saturday, most voters were undecided. The campaign runs to Election Day.",
     date(1998, 10, 26), ("Election Day", "DATE", "1998-11-03")),
    # no election date in the text: the US rule (TempEval-3 has "Election Day" 1998-11-03)
    ("Many people vote on Election Day in November.", date(1998, 10, 1), ("Election Day", "DATE", "1998-11-03")),
])
def test_election_day_is_the_day_the_article_gives_the_election(nlp, stage, text, pub, expected):
    assert expected in found(nlp, stage, text, published=pub)


@pytest.mark.parametrize("text,expected", [
    ("The attacker jumped on stage during the Great Orchestra of Christmas Charity and shouted.", []),
    ("The gala of the Easter Festival Foundation raised money.", []),
])
def test_holiday_word_inside_a_name_is_no_date(nlp, stage, text, expected):
    assert [t for t in found(nlp, stage, text, published=date(2019, 1, 14)) if t[0] in ("Christmas", "Easter")] == expected


def test_holiday_outside_a_name_stays_a_date(nlp, stage):
    got = found(nlp, stage, "The family met at Christmas and again on Easter Sunday.", published=date(2019, 1, 14))
    assert ("Christmas", "DATE", "2018-12-25") in got


@pytest.mark.parametrize("text,expected", [
    ("Around 3:00 p.m. local time on Monday, smoke turned the sky black.", ("Around 3:00 p.m.", "TIME", "2019-08-19T15:00")),
    ("On Monday at 3 p.m. the talks began.", ("3 p.m.", "TIME", "2019-08-19T15:00")),
    ("The attack took place at about 7:45 p.m. on Tuesday.", ("7:45 p.m.", "TIME", "2019-08-20T19:45")),
    # a day further off, or across a verb, does not give the time its day
    ("At 3 p.m. the guards changed, as they did on Monday.", ("3 p.m.", "TIME", "2019-08-24T15:00")),
])
def test_clock_time_takes_the_day_named_next_to_it(nlp, stage, text, expected):
    assert expected in found(nlp, stage, text, published=date(2019, 8, 24))


@pytest.mark.parametrize("text,expected", [
    # a scheduling verb with an object puts the day after publication, in any tense (TempEval-3 APW20000107.0318,
    # NYT19990505.0443)
    ("Protesters planned a large demonstration in Little Havana on Saturday.", ("Saturday", "DATE", "2000-04-08")),
    ("The attorney has scheduled a news conference Thursday to announce a development.",
     ("Thursday", "DATE", "2000-04-06")),
    # "until <day>" under a verb that puts something off (TempEval-3 NYT20000330.0406, APW20000403.0057)
    ("Officials postponed until Tuesday morning any action on the case.", ("Tuesday morning", "TIME", "2000-04-04TMO")),
    ("The agency has given the relatives until 9 a.m. Tuesday to sign a paper.",
     ("9 a.m. Tuesday", "TIME", "2000-04-04T09:00")),
    # not these: a past event, a past "until", "call" in the sense of "name" (TempEval-3 AP900816-0139)
    ("The talks were delayed on Tuesday.", ("Tuesday", "DATE", "2000-03-28")),
    ("The strike lasted until Saturday.", ("Saturday", "DATE", "2000-04-01")),
    ("The feud took a personal turn Thursday when Saddam called Bush a liar.", ("Thursday", "DATE", "2000-03-30")),
])
def test_scheduled_and_put_off_weekdays_point_forward(nlp, stage, text, expected):
    assert expected in found(nlp, stage, text, published=date(2000, 4, 3))   # a Monday


@pytest.mark.parametrize("sentence,expected", [
    ("On the same day, the minister resigned.", ("the same day", "DATE", "2015-07-03")),
    ("He was released the same night.", ("the same night", "TIME", "2015-07-03TNI")),
    ("Earlier that day, protesters had gathered outside.", ("Earlier that day", "DATE", "2015-07-03")),
    ("Later that night he was charged.", ("Later that night", "TIME", "2015-07-03TNI")),
])
def test_same_day_and_earlier_that_day_are_the_narrated_day(nlp, stage, sentence, expected):
    got = found(nlp, stage, "Police arrested him on July 3, 2015. " + sentence, published=date(2021, 10, 17))
    assert expected in got


def test_same_day_words_are_discourse_relative():
    from newsevents.dates.discourse import is_discourse_relative

    for text in ("the same day", "earlier that day", "later that night"):
        assert is_discourse_relative(text.split()), text
    assert not is_discourse_relative("the same period".split())
