"""Discourse anchoring (a step of the dates stage): relative expressions that count from the narrated day.

"The following day", "the previous night", "that night", "two days later" count
from the day the text is narrating, not from publication: "Police arrested him on
July 3. He was charged the following day" is July 4 whatever the publication
date. :func:`reanchor` finds those expressions (:func:`is_discourse_relative`)
and resolves them again against the last day-level date before them in the text
(an explicit date, a weekday, or an expression already re-anchored, so a chain
"the next day ... two days later" follows the story). Without such a date they
keep the value resolved against publication.

In earnings reports a year-ago comparison is about the quarter under discussion, not
the publication year: :func:`year_ago_quarters` re-anchors those ("a year earlier"
-> ``1988-Q3`` when the text speaks of ``1989-Q3``).
"""
from __future__ import annotations

import re
from datetime import date as Date
from typing import Optional

__all__ = ["is_discourse_relative", "reanchor", "year_ago_quarters"]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEAR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
#: units that a year- or month-level anchor can count ("left Iraq in 2011 ... returned three years later")
_COARSE_UNITS = {"year": ("year", "years"), "month": ("month", "months", "year", "years")}
_UNITS = {"day", "days", "night", "nights", "morning", "afternoon", "evening", "week", "weeks", "month",
          "months", "year", "years", "weekend"}
_ORDER = {"following", "previous", "next", "prior", "preceding", "subsequent"}
_THAT_UNITS = {"day", "night", "morning", "afternoon", "evening", "week", "weekend", "month", "year"}


def is_discourse_relative(words: list) -> bool:
    """Does an expression (lower-cased words) count from the narrated day rather than from publication?

    "the following/previous/next day|night|week|...", "that day|night|morning|...",
    "the day before|after", "<amount> days|weeks|years later|earlier". Not "next week" (no
    article: publication-relative) nor "later this week".
    """
    if not words:
        return False
    if words[0] == "the" and len(words) >= 3 and words[1] in _ORDER and words[-1] in _UNITS:
        return True
    if words[0] == "the" and len(words) == 3 and words[1] in ("day", "night") and words[2] in ("before", "after"):
        return True
    if words[0] == "that" and len(words) == 2 and words[1] in _THAT_UNITS:
        return True
    if len(words) >= 3 and words[-1] in ("later", "earlier") and words[-2] in _UNITS:
        return True
    return False


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


def reanchor(found: list, published: Optional[Date], resolve) -> None:
    """Re-resolve discourse-relative expressions against the narrated day, in place.

    "<amount> years|months later" after a year- or month-level date ("in 2011 ... three years
    later") counts from that year or month when it is the last date before it. Not "earlier": in
    business news "a year earlier" is the year-ago period of the report, not of the last year
    named (TempEval-3 wsj_0950: "1987 ... a year earlier" is 1988).

    found (list[list]): ``[span, type, value]`` in text order (the dates stage's candidates).
    published (date | None): the publication date (the first anchor).
    resolve (callable): ``resolve(span, anchor) -> (type, value) | None``.
    """
    narrated: Optional[Date] = None
    coarse: Optional[tuple] = None  # the last date, when it was a year or a month
    for item in found:
        span, ttype, value = item
        words = [t.lower_ for t in span]
        if ttype in ("DATE", "TIME") and is_discourse_relative(words):
            anchor = None
            if coarse is not None and words[-1] == "later" and words[-2] in _COARSE_UNITS[coarse[0]]:
                anchor, coarse = coarse[1], None  # no chain: "a year later ... a year later" both count from it
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
            else:
                c = _coarse(value)
                if c is not None:
                    coarse = c


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

