"""Discourse anchoring (a step of the dates stage): relative expressions that count from the narrated day.

"The following day", "the previous night", "that night", "two days later" count
from the day the text is narrating, not from publication: "Police arrested him on
July 3. He was charged the following day" is July 4 whatever the publication
date. :func:`reanchor` finds those expressions (:func:`is_discourse_relative`)
and resolves them again against the last day-level date before them in the text
(an explicit date, a weekday, or an expression already re-anchored, so a chain
"the next day ... two days later" follows the story). Without such a date they
keep the value resolved against publication.
"""
from __future__ import annotations

import re
from datetime import date as Date
from typing import Optional

__all__ = ["is_discourse_relative", "reanchor"]

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
