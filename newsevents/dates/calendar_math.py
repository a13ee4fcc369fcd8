"""Calendar arithmetic for the resolution step: which day, week, month or year a word points to.

Pure functions of an anchor date (no lexicon, no spaCy): ISO weeks, month shifts,
holidays (Western Easter and fixed or weekday-rule dates), the weekday before or
after the anchor, the year of a month given without one, and "k units from the
anchor's unit". :mod:`newsevents.dates.resolve` reads the words and calls these.
"""
from __future__ import annotations

from datetime import date as Date, timedelta
from typing import Optional

__all__ = ["easter", "iso_week", "shift_months", "holiday_date", "weekday_date", "month_year", "at_unit"]

_WEEKDAY_CODES = {"MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7}


def easter(year: int) -> Date:
    """RETURNS (date): Western (Gregorian) Easter Sunday of ``year`` (anonymous Gregorian algorithm,
    Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return Date(year, month, day)


def iso_week(d: Date) -> str:
    """RETURNS (str): the ISO 8601 week of ``d``, e.g. ``2019-W26``."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift_months(year: int, month: int, k: int) -> tuple[int, int]:
    """RETURNS (tuple[int, int]): (year, month) ``k`` months after ``year-month``."""
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def at_unit(anchor: Date, unit: str, k: int) -> Optional[str]:
    """TIMEX3 value of the ``unit`` that is ``k`` units from the anchor's (k=-1: last week).

    unit (str): a TIMEX3 unit code of ``units`` in lexicon.yaml ("D", "W", "2W", "WE", "M", "Y",
        "Q", "DE", "CE", "TH", "TM", "TS"). RETURNS (str | None): None for an unknown unit.
    """
    if unit == "D":
        return (anchor + timedelta(days=k)).isoformat()
    if unit in ("W", "2W"):
        return iso_week(anchor + timedelta(weeks=k * (2 if unit == "2W" else 1)))
    if unit == "WE":
        return iso_week(anchor + timedelta(weeks=k)) + "-WE"
    if unit == "M":
        y, m = shift_months(anchor.year, anchor.month, k)
        return f"{y:04d}-{m:02d}"
    if unit == "Y":
        return f"{anchor.year + k:04d}"
    if unit == "Q":
        y, m = shift_months(anchor.year, anchor.month, 3 * k)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "DE":
        return f"{(anchor.year + 10 * k) // 10:03d}"
    if unit == "CE":
        return f"{(anchor.year + 100 * k) // 100:02d}"
    if unit in ("TH", "TM", "TS"):
        return anchor.isoformat()
    return None


def holiday_date(rule: str, year: int) -> Date:
    """The date of a holiday rule (see ``holidays`` in lexicon.yaml) in ``year``.

    rule (str): "E<days>" (days from Easter Sunday), "MM-DD", or "MM-DD-<weekday code>" (the first
        such weekday on or after MM-DD); a trailing "W" (the week) or ">" is ignored here.
    RAISES ValueError / KeyError: a malformed rule.
    """
    if rule.startswith("E"):
        return easter(year) + timedelta(days=int(rule[1:].rstrip("W")))
    parts = rule.rstrip(">").split("-")
    d = Date(year, int(parts[0]), int(parts[1]))
    if len(parts) == 3:
        wd = _WEEKDAY_CODES[parts[2]]
        d += timedelta(days=(wd - d.isoweekday()) % 7)
    return d


def weekday_date(anchor: Date, wd: int, direction: Optional[int], future: bool) -> Date:
    """The day a weekday names, seen from ``anchor``.

    wd (int): ISO weekday (1 = Monday). direction (int | None): -1 "last", 1 "next", else None.
    future (bool): the clause is about the future (then the first one after the anchor; else the
        last one on or before it).
    """
    today = anchor.isoweekday()
    if direction == -1:      # "last Friday": strictly before, and not the day before the anchor
        # (that day is "yesterday"; "last Thursday" written on a Friday is the week before's:
        # TempEval-3 TBAQ and the Wikinews expectations agree)
        back = ((today - wd) % 7) or 7
        return anchor - timedelta(days=back + 7 if back == 1 else back)
    if direction == 1:       # "next Friday": strictly after
        return anchor + timedelta(days=((wd - today) % 7) or 7)
    if future:
        return anchor + timedelta(days=((wd - today) % 7) or 7)
    return anchor - timedelta(days=(today - wd) % 7)


def month_year(anchor: Date, month: int, day: Optional[int], direction: Optional[int],
               tense: Optional[str]) -> int:
    """Year of a month (and day) given without a year.

    direction (int | None): -1 "last", 0 "this", 1 "next". tense (str | None): see
    :meth:`newsevents.dates.resolve.Resolver.resolve`; "future" -> on or after the anchor, "past" ->
    on or before it, None -> the nearest occurrence (ties go to the past).
    """
    y = anchor.year
    key, akey = (month, day or 1), (anchor.month, anchor.day if day else 1)
    if direction == -1:
        return y - 1 if key >= akey else y
    if direction == 1:
        return y + 1 if key <= akey else y
    if direction == 0:
        return y
    if tense == "future":
        return y + 1 if key < akey else y
    if tense == "past":
        return y - 1 if key > akey else y
    # nearest occurrence; ties go to the past
    if day is None:
        here = anchor.year * 12 + anchor.month
        return min((y - 1, y, y + 1), key=lambda c: (abs(c * 12 + month - here), c * 12 + month > here))
    best = None
    for c in (y - 1, y, y + 1):
        try:
            diff = (Date(c, month, day) - anchor).days
        except ValueError:
            continue
        k = (abs(diff), diff > 0)
        if best is None or k < best[0]:
            best = (k, c)
    return best[1] if best else y
