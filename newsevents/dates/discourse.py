"""Discourse anchoring (a step of the dates stage): relative expressions that count from the narrated day.

"The following day", "the previous night", "that night", "two days later" count
from the day the text is narrating, not from publication: "Police arrested him on
July 3. He was charged the following day" is July 4 whatever the publication
date. :func:`reanchor` finds those expressions (:func:`is_discourse_relative`)
and resolves them again against the last day-level date before them in the text
(an explicit date, a weekday, or an expression already re-anchored, so a chain
"the next day ... two days later" follows the story). Without such a date they
keep the value resolved against publication.

A day word inside a direct quotation ("today", "tonight", "yesterday") counts from the day the
quoted words were said, which is the narrated day when the text has one: "On Sunday, McGurk wrote:
'The statement tonight ...'" is Sunday night (:func:`in_quotation`; a paragraph a colon introduces
is a block quotation, :func:`in_block_quotation`). A time of day that names no day ("entering at
0:40", "by the evening hours") is on the narrated day as well, and does not move it. The day of a named event
("election day") is the date the article gives that event ("the election to be held on August 9"),
see :func:`event_days`. A clock time takes the day named next to it ("3 p.m. local time on
Monday", "on Monday at 3 p.m."), see :func:`clock_days`.

In earnings reports a year-ago comparison is about the quarter under discussion, not
the publication year: :func:`year_ago_quarters` re-anchors those ("a year earlier"
-> ``1988-Q3`` when the text speaks of ``1989-Q3``). An offset followed by the date it comes to ("A
decade later, in 2008") takes that date (:func:`apposed_dates`).
"""
from __future__ import annotations

import re
from datetime import date as Date
from typing import Optional

__all__ = ["is_discourse_relative", "in_quotation", "in_block_quotation", "reanchor", "apposed_dates", "event_days",
           "clock_days", "year_ago_quarters"]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEAR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
#: units that a year- or month-level anchor can count ("left Iraq in 2011 ... returned three years later")
_COARSE_UNITS = {"year": ("year", "years", "decade", "decades"), "month": ("month", "months", "year", "years")}
_UNITS = {"day", "days", "night", "nights", "morning", "afternoon", "evening", "week", "weeks", "month",
          "months", "year", "years", "weekend", "decade", "decades"}
_ORDER = {"following", "previous", "next", "prior", "preceding", "subsequent"}
_THAT_UNITS = {"day", "night", "morning", "afternoon", "evening", "week", "weekend", "month", "year"}


def is_discourse_relative(words: list, weekdays=frozenset()) -> bool:
    """Does an expression (lower-cased words) count from the narrated day rather than from publication?

    "the following/previous/next day|night|week|...", "the previous/following <weekday>" (a
    weekday of ``weekdays``), "that day|night|morning|...", "earlier/later that day", "later in
    the evening", "the same
    day|night|...", "the day before|after", "<amount> days|weeks|years later|earlier". Not "next
    week" (no article: publication-relative) nor "later this week".
    """
    if not words:
        return False
    if words[0] == "the" and len(words) >= 3 and words[1] in _ORDER and (words[-1] in _UNITS or words[-1] in weekdays):
        return True
    if words[0] == "the" and len(words) == 3 and words[1] in ("day", "night") and words[2] in ("before", "after"):
        return True
    if words[0] in ("earlier", "later") and len(words) == 3 and words[1] == "that":
        words = words[1:]
    if words[0] in ("early", "late", "earlier", "later") and len(words) == 4 and words[1:3] == ["in", "the"]:
        words = ["that", words[3]]      # "later in the evening"
    if words[0] == "that" and len(words) == 2 and words[1] in _THAT_UNITS:
        return True
    if words[:2] == ["the", "same"] and len(words) == 3 and words[2] in _THAT_UNITS:
        return True
    if len(words) >= 3 and words[-1] in ("later", "earlier") and words[-2] in _UNITS:
        return True
    return False


_OPENING = {"“", "``", "‘‘"}
_CLOSING = {"”", "''", "’’"}


def in_quotation(span) -> bool:
    """Is ``span`` inside a direct quotation opened in its own sentence and paragraph, or inside a
    block quotation (:func:`in_block_quotation`)?

    Counts the quotation marks between the start of the span's sentence (or of its paragraph, a
    line break) and the span: more opening than closing ones. Curly marks say which they are; a
    straight one opens when a space (or the start) is before it and none after it, else it closes
    ('said "We made', 'hostage" and', 'open."'). Only the sentence is read: a quotation opened
    sentences before, or in a text whose paragraphs were lost, is not seen.
    span (Span). RETURNS (bool).
    """
    doc = span.doc
    balance = 0
    for i in range(span.start - 1, _sentence(span)[0] - 1, -1):
        t = doc[i]
        if "\n" in t.text or "\n" in t.whitespace_:
            break
        if t.text == '"':
            opening = not t.whitespace_ and (i == 0 or bool(doc[i - 1].whitespace_) or doc[i - 1].text in "([")
            balance += 1 if opening else -1
        elif t.text in _OPENING:
            balance += 1
        elif t.text in _CLOSING:
            balance -= 1
    return balance > 0 or in_block_quotation(span)


def in_block_quotation(span, reach: int = 400) -> bool:
    """Is ``span`` in a paragraph that a colon introduces, a block quotation?

    News sets a quoted document off as its own paragraph after a colon, without quotation marks
    ("the ECJ set rules for compliance:" / "By today's judgment, the Court of Justice answers ...").
    True when the last word before the span's paragraph break is ":"; only the paragraph right
    after the colon is read so, and only within ``reach`` tokens of the span.
    span (Span). RETURNS (bool).
    """
    doc = span.doc
    for i in range(span.start - 1, max(-1, span.start - 1 - reach), -1):
        t = doc[i]
        if "\n" in t.text or "\n" in t.whitespace_:
            j = i if "\n" in t.whitespace_ and "\n" not in t.text else i - 1
            while j >= 0 and doc[j].is_space:
                j -= 1
            return j >= 0 and doc[j].text == ":"
    return False


def _sentence(span) -> tuple:
    """(start, end) token indices of the span's sentence; the whole doc when it has no sentence boundaries."""
    doc = span.doc
    if not doc.has_annotation("SENT_START"):
        return 0, len(doc)
    sent = span.sent
    return sent.start, sent.end


def _day(value: Optional[str]) -> Optional[Date]:
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return Date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _coarse(value: Optional[str]) -> Optional[tuple]:
    """``("year", date(y, 1, 1))`` for "2011", ``("month", date(y, m, 1))`` for "2011-06", else None."""
    m = _YEAR_MONTH.match(value or "")
    if not m:
        return None
    y, mo = int(m.group(1)), m.group(2)
    if mo is None:
        return "year", Date(y, 1, 1)
    if 1 <= int(mo) <= 12:
        return "month", Date(y, int(mo), 1)
    return None


def reanchor(found: list, published: Optional[Date], resolve, quoted_days: frozenset = frozenset(),
             day_words: frozenset = frozenset(), dayed: frozenset = frozenset(), tense_of=None,
             weekdays: frozenset = frozenset()) -> None:
    """Re-resolve discourse-relative expressions against the narrated day, in place.

    A day word of ``quoted_days`` ("today", "tonight": ``relative_days`` of lexicon.yaml; or a whole
    expression of it, "this afternoon": ``quoted_day_phrases``) inside a
    direct quotation (:func:`in_quotation`) is re-resolved the same way: it counts from the day the
    quote was said, the narrated day, when that is not the publication day.

    "<amount> years|months later" after a year- or month-level date ("in 2011 ... three years
    later") counts from that year or month when it is the last date before it. Not "earlier": in
    business news "a year earlier" is the year-ago period of the report, not of the last year
    named (TempEval-3 wsj_0950: "1987 ... a year earlier" is 1988).

    A time of day that names no day ("at 2:00", "around 18:00", "the night", "by the evening
    hours": a TIME none of whose words is in ``day_words``, and not given a day by
    :func:`clock_days`) is on the narrated day too, as TimeML annotates it (TempEval-3 APW19980807:
    "10:35 a.m." on the Friday the story tells of, not the Saturday of publication); it does not
    move the narrated day itself. Not in a future clause ("will speak at 3 p.m.": ``tense_of``).
    Such a time, a quoted day word and a discourse-relative expression of a past clause take the
    last narrated day that is not after publication: "He will appear in court on April 5" is a
    plan, not the day the story tells of ("the second attack was on the same day").

    found (list[list]): ``[span, type, value]`` in text order (the dates stage's candidates).
    published (date | None): the publication date (the first anchor).
    resolve (callable): ``resolve(span, anchor) -> (type, value) | None``.
    quoted_days (frozenset[str]): day words counted from the day a quotation was said.
    day_words (frozenset[str]): words that name a day or count from one (weekdays, months,
        relative days, "this", "last" ...: ``DateStage.day_words``).
    dayed (frozenset[int]): ``id()`` of the items :func:`clock_days` gave a day.
    tense_of (callable | None): ``tense_of(span) -> str | None``, the tense of the expression's
        clause (:func:`~newsevents.dates.tense.clause_tense`).
    weekdays (frozenset[str]): weekday names, for "the previous Friday" (TempEval-3 wsj_0586: the
        Friday before the Friday the story tells of).
    """
    narrated: Optional[Date] = None
    told: Optional[Date] = None     # the last narrated day not after publication (a plan is not told)
    coarse: Optional[tuple] = None  # the last date, when it was a year or a month
    for item in found:
        span, ttype, value = item
        words = [t.lower_ for t in span]
        quoted_day = (len(words) <= 2 and (any(w in quoted_days for w in words) or " ".join(words) in quoted_days)
                      and told is not None
                      and told != published and in_quotation(span))
        if ttype == "TIME" and id(item) not in dayed and _dayless(words, day_words):
            if told is not None and told != published and not (tense_of and tense_of(span) == "future"):
                res = resolve(span, told)
                if res is not None and res[0] == "TIME":
                    item[1], item[2] = res
            continue
        if ttype in ("DATE", "TIME") and (quoted_day or is_discourse_relative(words, weekdays)):
            anchor = None
            if coarse is not None and words[-1] == "later" and words[-2] in _COARSE_UNITS[coarse[0]]:
                anchor, coarse = coarse[1], None  # no chain: "a year later ... a year later" both count from it
            elif coarse is not None and words[0] == "the" and len(words) == 3 and words[1] in _ORDER \
                    and words[-1] in _COARSE_UNITS[coarse[0]]:
                anchor = coarse[1]  # "in 2016 ... the next year": 2017, not the year after publication
            elif quoted_day or (narrated is not None and told != narrated and tense_of and tense_of(span) == "past"):
                anchor = told if told != published or value is None else None
            elif narrated is not None and (narrated != published or value is None):
                anchor = narrated
            res = resolve(span, anchor) if anchor is not None else None
            if res is not None and res[0] in ("DATE", "TIME"):
                item[1], item[2] = res
                value = res[1]
        if item[1] in ("DATE", "TIME"):
            d = _day(value)
            if d is not None:
                narrated, coarse = d, None
                if published is None or d <= published:
                    told = d
            else:
                c = _coarse(value)
                if c is not None:
                    coarse = c


def apposed_dates(found: list) -> None:
    """An offset followed by the date it comes to takes that date, in place: "A decade later, in 2008, Hagan
    defeated ..." is 2008 whatever the offset counts from. An expression ending in "later", "earlier" or "ago"
    with a calendar value of its own (a counted amount: a vague one, "A few days later, on July 2", stays the
    reference TimeML makes it) followed by a comma (and "in" or "on") and a DATE of a year, month or day takes
    that DATE's value.
    found (list[list]): ``[span, type, value]`` in text order (the dates stage's candidates).
    """
    for item, nxt in zip(found, found[1:]):
        span, other = item[0], nxt[0]
        if item[1] != "DATE" or nxt[1] != "DATE" or span[-1].lower_ not in ("later", "earlier", "ago") \
                or not (item[2] or "")[:1].isdigit() or not nxt[2] or not (_day(nxt[2]) or _coarse(nxt[2])):
            continue
        between = [t.lower_ for t in span.doc[span.end:other.start]]
        if between in ([","], [",", "in"], [",", "on"]):
            item[2] = nxt[2]


def event_days(found: list, event_nouns: dict, links: frozenset) -> None:
    """The day of a named event ("election day") is the day the article gives that event, in place.

    "The presidential election to be held on August 9 ... not before election day": election day
    is August 9. The event's day is the first day-level date of the text that names the day of one
    of the event's nouns: right after it with only ``links`` between ("the election to be held on
    August 9", "elections on 12 December"), or right before it ("the August 9 election", "Sunday's
    election"). Without one the expression keeps its value (for "election day" the US rule of
    lexicon.yaml ``holidays``).
    found (list[list]): ``[span, type, value]`` in text order.
    event_nouns (dict[str, list[str]]): ``event_days`` of lexicon.yaml, expression -> nouns.
    links (frozenset[str]): ``event_day_links`` of lexicon.yaml.
    """
    for item in found:
        span = item[0]
        nouns = event_nouns.get(" ".join(t.lower_ for t in span if t.lower_ != "the"))
        if not nouns or item[1] != "DATE":
            continue
        nouns = set(nouns)
        for other, otype, ovalue in found:
            if other is span or otype != "DATE" or _day(ovalue) is None or len(ovalue) != 10:
                continue
            if _names_the_day_of(other, nouns, links):
                item[2] = ovalue
                break


_DAY_NUMBER = re.compile(r"^(?:\d{1,2}(?:st|nd|rd|th)|\d{4})$")


def _dayless(words: list, day_words: frozenset) -> bool:
    """A time of day without a word that names its day (no weekday, month, relative day or
    direction, no day number or year)."""
    return not any(w in day_words or _DAY_NUMBER.match(w) for w in words)


def _names_the_day_of(date_span, nouns: set, links: frozenset, window: int = 6) -> bool:
    doc = date_span.doc
    sent_start, sent_end = _sentence(date_span)
    nxt = date_span.end + (1 if date_span.end < sent_end and doc[date_span.end].lower_ in ("'s", "’s") else 0)
    if nxt < sent_end and doc[nxt].lower_ in nouns:
        return True          # "the August 9 election", "Sunday's election"
    for i in range(date_span.start - 1, max(sent_start, date_span.start - window) - 1, -1):
        if doc[i].lower_ in nouns:
            return True      # "the election to be held on August 9"
        if doc[i].lower_ not in links:
            return False
    return False


_CLOCK_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})$")
_DAY_OR_PART = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T(?:MO|AF|EV|NI|MI|DT))?$")


def clock_days(found: list, links: frozenset, window: int = 4) -> frozenset:
    """A clock time takes the day named next to it, in place.

    "Around 3:00 p.m. local time on Monday", "on Tuesday at 7:45 p.m.", "at 2:49 a.m. local time
    (7:49 a.m. UTC) on Saturday morning": the time's day is that Monday, Tuesday or Saturday, not
    the publication day it was resolved against. The day is a day-level DATE, or a day's part of
    day ("Saturday morning"), of the same sentence whose gap to the time is at most ``window``
    tokens, all of them ``links`` (``clock_day_links`` of lexicon.yaml: "on", "at", "local",
    "time", a comma, a time zone); a parenthesis in the gap ("(2100 UTC)", "(7:49 a.m. UTC)", the
    time again in another zone) is passed over, and a clock time inside it takes the day as well.
    found (list[list]): ``[span, type, value]`` in text order.
    RETURNS (frozenset[int]): ``id()`` of the items given a day (for :func:`reanchor`).
    """
    dayed = set()
    for k, item in enumerate(found):
        span, ttype, value = item
        m = _CLOCK_VALUE.match(value or "") if ttype == "TIME" else None
        if m is None or id(item) in dayed:
            continue
        for step in (1, -1):
            j, passed = k + step, []
            while 0 <= j < len(found) and found[j][1] == "TIME" and _CLOCK_VALUE.match(found[j][2] or "") \
                    and _in_parentheses(found[j][0]):
                passed.append(found[j])          # "(7:49 a.m. UTC)": the same time in another zone
                j += step
            if not 0 <= j < len(found):
                continue
            other, otype, ovalue = found[j]
            dm = _DAY_OR_PART.match(ovalue or "") if otype in ("DATE", "TIME") else None
            if dm is None or _sentence(other) != _sentence(span):
                continue
            lo, hi = (span.end, other.start) if step > 0 else (other.end, span.start)
            if _links_only(span.doc, lo, hi, links, window):
                for it in [item] + passed:
                    it[2] = dm.group(1) + _CLOCK_VALUE.match(it[2]).group(1)
                    dayed.add(id(it))
                break
    return frozenset(dayed)


def _in_parentheses(span) -> bool:
    """Is ``span`` right inside "(" ... ")" (at most two tokens away on either side)?"""
    doc = span.doc
    before = any(doc[i].text == "(" for i in range(max(0, span.start - 2), span.start))
    after = any(doc[i].text == ")" for i in range(span.end, min(len(doc), span.end + 2)))
    return before and after


def _links_only(doc, lo: int, hi: int, links: frozenset, window: int) -> bool:
    """Are the tokens ``lo..hi`` (a parenthesis passed over) at most ``window`` words of ``links``?"""
    depth, n = 0, 0
    for i in range(lo, hi):
        t = doc[i].lower_
        if t == "(":
            depth += 1
        elif t == ")":
            depth = max(0, depth - 1)
        elif not depth:
            if t not in links:
                return False
            n += 1
    return n <= window


_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR_VALUE = re.compile(r"^(\d{4})(?:-QX)?$")


def year_ago_quarters(found: list, ctx, window: int = 5) -> None:
    """Re-anchor year-ago comparisons and comparison periods on the quarter under discussion.

    In earnings reports "profit rose from $2 a year earlier" compares with the
    same quarter a year before; TimeBank annotates it so (``1988-Q3`` when
    the sentence or one of the ``window`` sentences before it speaks of
    ``1989-Q3``). The same holds for "the year-earlier period", "the
    corresponding period last year", "the 1988 period" (-> ``1988-Q3``) and
    "last year's quarter" (``1988-QX`` -> ``1988-Q3``). The quarter under
    discussion is a quarter of the publication year (or of the year before,
    in the first quarter) that is not itself a year-ago comparison.
    found (list[list]): [span, type, value] in text order, changed in place.
    """
    if ctx.published is None:
        return
    pub = ctx.published
    floor = pub.year - (1 if pub.month <= 3 else 0)
    last_year = str(pub.year - 1)
    quarters = []
    for sp, _, v in found:
        m = _QUARTER.match(v) if v else None
        if m and int(m.group(1)) >= floor and not {t.lower_ for t in sp} & {"ago", "earlier", "last"}:
            quarters.append((ctx.sentence_index(sp.start_char), int(m.group(1)), m.group(2)))
    if not quarters:
        return
    for item in found:
        span, _, value = item
        if not value:
            continue
        words = {t.lower_ for t in span}
        ym = _YEAR_VALUE.match(value)
        if ym is None:
            continue
        if value == last_year and "year" in words and (
                words & {"ago", "earlier"} or (words & {"quarter", "period"} and "last" in words)):
            shift = -1
        elif "period" in words or value.endswith("-QX"):
            shift = None         # the year is given: "the 1988 period", "last year's quarter"
        else:
            continue
        sent = ctx.sentence_index(span.start_char)
        near = [(sent - qs, y, q) for qs, y, q in quarters if 0 <= sent - qs <= window]
        if near:
            _, y, q = min(near)
            year = y - 1 if shift == -1 else int(ym.group(1))
            item[2] = f"{year:04d}-Q{q}"

