"""Resolution (a step of the dates stage): TIMEX3 values for temporal expressions, from their words.

:func:`Resolver.resolve` turns the words of one expression ("last week",
"two days ago", "30 June 2019") into a TIMEX3 ``(type, value)`` pair,
resolved against an anchor date (the publication date). The rules are our
own, written after the TimeML TIMEX3 guidelines (Sauri et al. 2006,
TimeML 1.2.1) and checked against the TempEval-3 TBAQ gold annotation:

* a bare weekday is the last one on or before the anchor, or the first one
  after it when the clause is in the future (news reports past events); a
  month or month-day without a year likewise by tense, and the nearest
  one when no verb tense decides (see ``tense`` in :meth:`Resolver.resolve`);
* "last Friday" is the last Friday before the anchor that is not the day before it
  (that one is "yesterday"; TempEval-3 and the Wikinews expectations agree);
* "the week of October 21" is the ISO week holding that day (``2019-W43``);
* "last/this/next <unit>" shifts the anchor's week, month, year or quarter;
  weeks are ISO 8601 weeks (``2019-W26``), a weekend is ``2019-W26-WE``;
* "N units ago/earlier/later" is a date at the precision of the unit, but "a week ago" and "two
  weeks ago" are a day (``day_level_week_offsets`` of the lexicon);
* "N units", "the past N units", "N-unit" are DURATIONs (``P3D``, ``PT5H``);
* reference words give ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``;
* frequency words give a SET (``P1W``).

Words come lower-cased; punctuation tokens "-" and "," are ignored.
The calendar arithmetic is in :mod:`newsevents.dates.calendar_math`; the DURATION and SET
rules (typing) in :mod:`newsevents.dates.timex_type`.
"""
from __future__ import annotations

import re
from datetime import date as Date, timedelta
from typing import Optional, Sequence

from .calendar_math import at_unit, easter, holiday_date, iso_week, month_year, shift_months, weekday_date
from .spoken import spoken_years
from .timex_type import NEXT, duration, number, set_value, unit_duration

__all__ = ["Resolver", "iso_week", "shift_months", "easter"]

_ORDINAL_NUM = re.compile(r"^([0-3]?[0-9])(st|nd|rd|th)?$")
_YEAR = re.compile(r"^(1[6-9]|20)[0-9][0-9]$")
_DECADE = re.compile(r"^(?:mid-)?(?:((?:1[6-9]|20)[0-9])0|'?([0-9])0)'?s$")
_CENTURY = re.compile(r"^([0-9]{1,2})(st|nd|rd|th)$")
_CLOCK = re.compile(r"^([01]?[0-9]|2[0-3])(?:[:.]([0-5][0-9]))?(am|pm|a\.m\.?|p\.m\.?)?$")
_SLASH = re.compile(r"^([0-3]?[0-9])[/.]([0-3]?[0-9])[/.]((?:[12][0-9])?[0-9][0-9])$")


class Resolver:
    """Normalises the words of one temporal expression to a TIMEX3 value.

    lex (dict): the mappings of ``data/dates/lexicon.yaml``.
    """

    def __init__(self, lex: dict):
        self.lex = lex
        self.weekdays = lex["weekdays"]
        self.months = lex["months"]
        self.units = lex["units"]
        self.numbers = lex["numbers"]
        self.ordinals = lex["ordinals"]
        self.reldays = lex["relative_days"]
        self.pods = lex["parts_of_day"]
        self.seasons = lex["seasons"]
        self.season_start = lex["season_start_month"]
        self.directions = lex["directions"]
        self.offsets = lex["offsets"]
        self.references = lex["references"]
        self.sets = lex["sets"]
        # keys without the possessive, as resolve() drops "'s" tokens ("new year's eve" -> "new year eve")
        self.holidays = {k.replace("'s", "").replace("’s", ""): v for k, v in lex["holidays"].items()}
        self.approx = set(lex["approximators"])
        self.spoken_centuries = lex.get("spoken_year_centuries", {})
        self.weekday_plurals = lex.get("weekday_plurals", {})
        self.decade_words = lex.get("decade_words", {})
        self.day_weeks = int(lex.get("day_level_week_offsets", 0))

    # -- public ------------------------------------------------------------
    def resolve(self, words: Sequence[str], anchor: Optional[Date], tense: Optional[str] = None,
                after_amount: bool = False) -> Optional[tuple[str, Optional[str]]]:
        """TIMEX3 type and value of an expression.

        words (list[str]): the expression's tokens, lower-cased ("last", "week").
        anchor (date | None): publication date; None leaves relative values None.
        tense (str | None): tense of the governing clause, from
            :func:`newsevents.dates.clause_tense`: "future", "present", "past"
            or None. A bare weekday points after the anchor for "future", else
            on or before it (also for "present": "meet Monday" pointing forward
            fixed 2 TempEval-3 weekdays and broke 2 published-that-day ones); a
            month or month-day without a year points after the anchor for
            "future", on or before it for "past", and to the nearest one
            otherwise ("payable Dec. 15").
        after_amount (bool): a money amount or number precedes ("$5 a year"),
            which makes "a year" a SET.
        RETURNS (tuple[str, str | None] | None): ``(type, value)`` with type in
            DATE/TIME/DURATION/SET, value None when it needs an anchor that is
            missing; None when the words are not a temporal expression we know.
        """
        w = []
        for x in words:
            if x in ("-", ",", "–", "—", "'s", "’s"):
                continue
            if x.startswith("mid-") and len(x) > 4:      # "mid-2019", "mid-1990s"
                w.extend(("mid", x[4:]))
            else:
                w.append(x)
        if not w:
            return None
        try:
            w = spoken_years(w, self.spoken_centuries, self.numbers, self.months, self.seasons)
            return self._resolve(w, anchor, tense, after_amount)
        except (ValueError, OverflowError, KeyError, IndexError):
            return None

    # -- helpers -------------------------------------------------------------
    def _holiday(self, rule: str, anchor: Date, tense: Optional[str]) -> str:
        """TIMEX3 value of a holiday: the occurrence picked like a month-day without a year."""
        here = holiday_date(rule, anchor.year)
        y = month_year(anchor, here.month, here.day, None, tense)
        d = holiday_date(rule, y)
        return iso_week(d) if rule.endswith("W") else d.isoformat()

    def _narrated_day(self, core: list[str], anchor) -> Optional[tuple[str, Optional[str]]]:
        """"that day" / "that night" / "earlier that day" / "later in the evening" / "the same day" (the anchor day, TIMEX3
        ``TNI`` for a part of day) and
        "the following|next|previous|... morning|night" (a day before or after, with its part of day).

        The anchor is the day the text is narrating (see :mod:`newsevents.dates.discourse`);
        "the following day" itself is a plain unit shift, read by the general rules.
        RETURNS (tuple | None): ``(type, value)``, or None when the words are not of this shape.
        """
        if len(core) == 3 and core[0] in ("earlier", "later") and core[1] == "that":
            core = core[1:]          # "earlier that day": that day (TempEval-3 APW19991024.0075)
        elif len(core) == 4 and core[0] in ("early", "late", "earlier", "later") and core[1:3] == ["in", "the"] \
                and core[3] in self.pods:
            core = ["that", core[3]]   # "later in the evening": that evening
        if len(core) != 2 and not (len(core) == 3 and core[0] == "the"):
            return None
        if len(core) == 2 and core[0] == "that" and (core[1] == "day" or core[1] in self.pods):
            shift, pod = 0, self.pods.get(core[1])
        elif len(core) == 3 and core[1] == "same" and (core[2] == "day" or core[2] in self.pods):
            shift, pod = 0, self.pods.get(core[2])       # "the same day", "the same night"
        elif len(core) == 3 and core[1] in self.directions and core[1] not in ("this", "current") \
                and core[2] in self.pods:
            shift, pod = int(self.directions[core[1]]), self.pods[core[2]]
        else:
            return None
        if anchor is None:
            return ("TIME" if pod else "DATE"), None
        day = (anchor + timedelta(days=shift)).isoformat()
        return ("TIME", f"{day}T{pod}") if pod else ("DATE", day)

    # -- the rules, in order ----------------------------------------------------
    def _resolve(self, w: list[str], anchor, tense, after_amount):
        """The rules in their order: fixed expressions, the narrated day, SETs (typing), calendar
        points (:meth:`_point`), then unit expressions (:meth:`_units`). Each step returns a
        result (None = not temporal) or ``NEXT`` to pass the words on."""
        core = [x for x in w if x not in self.approx]
        ctext = " ".join(core)

        # fixed expressions
        if ctext in self.references:
            return "DATE", self.references[ctext]
        if ctext in self.sets:
            return "SET", self.sets[ctext]
        hol = self.holidays.get(ctext)
        if hol is not None:
            if anchor is None:
                return "DATE", None
            return "DATE", self._holiday(str(hol), anchor, tense)

        # the narrated day: "that day|night|morning", "the following|next|previous morning|night"
        narrated = self._narrated_day(core, anchor)
        if narrated is not None:
            return narrated

        # sets: every/each (other) (N) unit, once/twice a unit, "a year" after an amount, "Tuesdays"
        res = set_value(self, core, after_amount)
        if res is not NEXT:
            return res
        res = self._point(core, anchor, tense)
        if res is not NEXT:
            return res
        return self._units(core, anchor, tense)

    def _direction(self, core: list[str]) -> Optional[int]:
        """-1 ("last"), 0 ("this", "earlier this"), 1 ("next", "this coming") or None."""
        direction = next((self.directions[x] for x in core if x in self.directions), None)
        if "earlier" in core and "this" in core:
            direction = 0
        elif direction == 0 and any(self.directions.get(x) == 1 for x in core):
            direction = 1        # "this coming Sunday" (TempEval-3 VOA19980305.1800.2603: the Sunday after)
        return direction

    def _point(self, core: list[str], anchor, tense):
        """Calendar points and periods named by calendar words: ISO and slashed dates, clock times,
        decades and centuries, relative days, parts of day, month (day) (year), weekdays, seasons,
        quarters and halves, comparison periods, plain years. RETURNS: a result, or ``NEXT``."""
        future = tense == "future"
        weekday_future = tense == "future"
        # ISO and slashed dates
        m = re.match(r"^(\d{4}) (\d{2}) (\d{2})$", " ".join(x for x in core))
        if m and len(core) == 3:
            d = Date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return "DATE", d.isoformat()
        if len(core) == 1 and _SLASH.match(core[0]):
            a, b, y = (int(g) for g in _SLASH.match(core[0]).groups())
            y = y + (2000 if y < 50 else 1900) if y < 100 else y
            mo, da = (b, a) if a > 12 else (a, b)   # US month/day first unless impossible
            return "DATE", Date(y, mo, da).isoformat()

        year = next((int(x) for x in core if _YEAR.match(x)), None)
        weekday = next((self.weekdays[x] for x in core if x in self.weekdays), None)
        month = next((self.months[x] for x in core if x in self.months), None)
        relday = next((self.reldays[x] for x in core if x in self.reldays), None)
        pod = next((self.pods[x] for x in core if x in self.pods), None)
        season = next((self.seasons[x] for x in core if x in self.seasons), None)
        direction = self._direction(core)

        # clock times
        clock = self._clock(core)
        if clock is not None:
            day = None
            if anchor is not None:
                if relday is not None:
                    day = anchor + timedelta(days=relday)
                elif weekday is not None:
                    day = weekday_date(anchor, weekday, direction, weekday_future)
                else:
                    day = anchor
            if month is not None:
                dm = next((int(_ORDINAL_NUM.match(x).group(1)) for x in core
                           if _ORDINAL_NUM.match(x) and x not in clock[2]), None)
                if dm and anchor is not None:
                    y = year or month_year(anchor, month, dm, direction, tense)
                    day = Date(y, month, dm)
            if day is None:
                return "TIME", None
            return "TIME", f"{day.isoformat()}T{clock[0]:02d}:{clock[1]:02d}"

        # decades and centuries
        for x in core:
            mm = _DECADE.match(x)
            if mm:
                if mm.group(1):
                    return "DATE", mm.group(1)
                if anchor is None:
                    return "DATE", None
                return "DATE", f"{(anchor.year // 100) - (1 if int(mm.group(2)) * 10 > anchor.year % 100 else 0):02d}{mm.group(2)}"
        dword = next((self.decade_words[x] for x in core if x in self.decade_words), None)
        if dword is not None:
            if anchor is None:
                return "DATE", None
            return "DATE", f"{(anchor.year // 100) - (1 if dword * 10 > anchor.year % 100 else 0):02d}{dword}"
        if core[-1] in ("century", "centuries"):
            cm = next((_CENTURY.match(x) for x in core if _CENTURY.match(x)), None)
            if cm:
                return "DATE", f"{int(cm.group(1)) - 1:02d}"

        # relative days: yesterday, today (evening), tomorrow
        if relday is not None and weekday is None:
            if anchor is None:
                return ("TIME" if pod else "DATE"), None
            d = anchor + timedelta(days=relday)
            if core[-1] in ("tonight", "overnight") or pod:
                return "TIME", f"{d.isoformat()}T{pod or 'NI'}"
            return "DATE", d.isoformat()
        # this morning, last night, mid-afternoon, early this morning, the evening hours, the early morning hours
        mods = [x for x in core if x not in self.pods and x != "hours"]
        if pod and weekday is None and month is None and 1 <= len(mods) <= 2 and len(core) - len(mods) <= 2 \
                and all(x in ("this", "last", "the", "early", "late", "mid") for x in mods):
            if anchor is None:
                return "TIME", None
            d = anchor - timedelta(days=1) if "last" in mods else anchor
            return "TIME", f"{d.isoformat()}T{pod}"

        # month (day) (year), day month (year), weekday
        if month is not None:
            day = None
            for x in core:
                mm = _ORDINAL_NUM.match(x)
                if mm and not _YEAR.match(x):
                    day = int(mm.group(1))
                    break
            if day is not None and not 1 <= day <= 31:
                day = None
            if year is not None:
                if day and "week" in core:
                    return "DATE", iso_week(Date(year, month, day))
                if day:
                    return "DATE", Date(year, month, day).isoformat()
                return "DATE", f"{year:04d}-{month:02d}"
            if anchor is None:
                return "DATE", None
            if core[-1] == "year" and direction is not None:     # "July last year"
                y = anchor.year + direction
                return "DATE", (Date(y, month, day).isoformat() if day else f"{y:04d}-{month:02d}")
            y = month_year(anchor, month, day, direction, tense)
            if day and "week" in core:                 # "the week of October 21": that day's ISO week
                return "DATE", iso_week(Date(y, month, day))
            if day:
                return "DATE", Date(y, month, day).isoformat()
            return "DATE", f"{y:04d}-{month:02d}"
        if weekday is not None:
            if anchor is None:
                return ("TIME" if pod else "DATE"), None
            d = weekday_date(anchor, weekday, direction, weekday_future)
            if pod:
                return "TIME", f"{d.isoformat()}T{pod}"
            return "DATE", d.isoformat()

        # seasons
        if season is not None:
            if year is not None:
                return "DATE", f"{year:04d}-{season}"
            if anchor is None:
                return "DATE", None
            start = self.season_start[season]
            if direction == -1:
                y = anchor.year - 1
            elif direction == 1:
                y = anchor.year + 1
            elif direction == 0:
                y = anchor.year
            elif future:
                y = anchor.year if start >= anchor.month else anchor.year + 1
            else:
                y = anchor.year if start <= anchor.month else anchor.year - 1
            return "DATE", f"{y:04d}-{season}"

        # quarters and halves: "the third quarter", "third-quarter", "the first half of 1989"
        if core[-1] in ("quarter", "half") or (year and len(core) >= 2 and (
                core[-2] in ("quarter", "half") or (core[-2] == "of" and len(core) >= 3 and core[-3] in ("quarter", "half")))):
            kind = "Q" if "quarter" in core else "H"
            ordn = next((self.ordinals[x] for x in core if x in self.ordinals), None)
            if kind == "H" and ordn == 4:     # "the final half"
                ordn = 2
            if kind == "H" and ("latter" in core or (core.index("half") > 0 and core[core.index("half") - 1] == "last")):
                ordn = 2
            yearago = any(x in ("ago", "earlier") for x in core) and "year" in core
            if "year" in core and direction is not None and not yearago and anchor is not None:
                y = anchor.year + direction          # "last year's third quarter", "next year's first half"
                return "DATE", f"{y:04d}-{kind}{ordn if ordn is not None else 'X'}"
            if ordn is None:
                if kind == "Q" and direction in (0, 1) and anchor is not None:
                    y, mo = shift_months(anchor.year, anchor.month, 3 * direction)
                    return "DATE", f"{y:04d}-Q{(mo - 1) // 3 + 1}"
                if kind == "Q" and ("latest" in core or yearago or core[:1] == ["the"]) and anchor is not None:
                    y, mo = shift_months(anchor.year, anchor.month, -3)
                    y = y - 1 if yearago else y
                    return "DATE", f"{y:04d}-Q{(mo - 1) // 3 + 1}"
                return ("DATE", None) if anchor is None else None
            if year is None:
                if anchor is None:
                    return "DATE", None
                cur = (anchor.month - 1) // 3 + 1 if kind == "Q" else (anchor.month - 1) // 6 + 1
                if direction == 1 or "next" in core:
                    year = anchor.year + 1
                else:   # the latest such quarter (tense is too unreliable here, TempEval-3 TBAQ)
                    year = anchor.year if ordn <= cur else anchor.year - 1
                if yearago:
                    year -= 1
            return "DATE", f"{year:04d}-{kind}{ordn}"

        # comparison periods of earnings reports: "the 1988 period", "the year-earlier period",
        # "the latest period"; the dates stage re-anchors them on the quarter under discussion
        if "period" in core:
            if year is not None:
                return "DATE", f"{year:04d}"
            if anchor is None:
                return "DATE", None
            if "latest" in core:
                y, mo = shift_months(anchor.year, anchor.month, -3)
                return "DATE", f"{y:04d}-Q{(mo - 1) // 3 + 1}"
            if "year" in core and (any(x in ("ago", "earlier", "last") for x in core)):
                return "DATE", f"{anchor.year - 1:04d}"
            return None

        # plain years
        if year is not None and not any(x in self.units for x in core):
            return "DATE", f"{year:04d}"

        return NEXT

    def _units(self, core: list[str], anchor, tense):
        """Expressions of a unit word ("week", "years"): offsets ("two days ago", "a year later"),
        the weekend, "last week", "the year", "earlier in the month", and the DURATIONs of
        :func:`~newsevents.dates.timex_type.unit_duration`. RETURNS: a result or None."""
        future = tense == "future"
        direction = self._direction(core)

        # units
        unit_word = next((x for x in reversed(core) if x in self.units), None)
        if unit_word is None:
            if "year" in core and any(x in ("ago", "earlier") for x in core):  # "year-ago"
                return ("DATE", None) if anchor is None else ("DATE", str(anchor.year - 1))
            return None
        unit = self.units[unit_word]
        plural = unit_word.endswith("s")
        n = number(self.numbers, core[:core.index(unit_word)])
        offset = next((self.offsets[x] for x in core[core.index(unit_word) + 1:] if x in self.offsets), None)
        if core[-1] == "long" or core[-1] == "old":
            return "DURATION", duration(n if n is not None else "X", unit)

        # year-ago, year-earlier ("the year-ago quarter" handled above)
        if offset is not None and n is None and unit_word in ("year", "month", "week") and core[0] == unit_word:
            if anchor is None:
                return "DATE", None
            return "DATE", at_unit(anchor, unit, -1)

        # "two days ago", "a year earlier", "three weeks later"
        if offset is not None:
            if n is None:
                n = "X"
            if n == "X":
                return "DATE", "PAST_REF" if offset < 0 else "FUTURE_REF"
            if anchor is None:
                return "DATE", None
            if unit == "WE":
                unit = "W"
            n_int = int(n)
            if unit == "W" and n_int <= self.day_weeks:     # "a week ago": that day (lexicon.yaml)
                return "DATE", (anchor + timedelta(days=7 * offset * n_int)).isoformat()
            if unit == "DE":
                return "DATE", at_unit(anchor, "Y", offset * 10 * n_int)
            if unit == "CE":
                return "DATE", at_unit(anchor, "Y", offset * 100 * n_int)
            return "DATE", at_unit(anchor, unit, offset * n_int)

        # "the weekend", "this weekend", "last weekend"
        if unit == "WE" and n is None:
            if anchor is None:
                return "DATE", None
            wd = anchor.isoweekday()
            if direction == -1:
                k = -1
            elif direction == 1:
                k = 1
            elif direction == 0 or future:
                k = 0
            else:
                k = 0 if wd >= 6 else -1
            return "DATE", at_unit(anchor, "WE", k)

        # "last week", "next month", "this year", "the past year", "earlier this month"
        if direction is not None and n is None and not plural:
            if anchor is None:
                return "DATE", None
            if unit in ("DE", "CE") and direction == -1:
                return "DURATION", duration(1, unit)
            return "DATE", at_unit(anchor, unit, direction)
        if n is None and not plural and unit == "Y" and "the" in core and len(core) <= 6 and (
                len(core) == 2 or core[-3:-1] in (["of", "the"], ["the", "full"], ["the", "fiscal"], ["the", "calendar"])):
            # "the year", "the full year", "the end of the year": the anchor's year in news (TempEval-3 TBAQ)
            return ("DATE", None) if anchor is None else ("DATE", f"{anchor.year:04d}")
        if n is None and not plural and len(core) >= 3 and core[0] in ("earlier", "later") and core[1] == "in":
            return ("DATE", None) if anchor is None else ("DATE", at_unit(anchor, unit, 0))

        # durations: "three days", "the past two months", "a week", "years"
        return unit_duration(core, n, unit, plural)

    def _clock(self, core: list[str]):
        """(hour, minute, tokens) for a clock time in ``core``, else None."""
        for i, x in enumerate(core):
            if x in ("noon", "midday"):
                return 12, 0, {x}
            if x == "midnight":
                return 0, 0, {x}
            m = _CLOCK.match(x)
            if not m:
                continue
            nxt = core[i + 1] if i + 1 < len(core) else ""
            suffix = m.group(3) or (nxt if nxt in ("a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock") else None)
            if suffix is None and m.group(2) is None:
                continue
            if suffix is None and ":" not in x:
                continue
            h, mi = int(m.group(1)), int(m.group(2) or 0)
            if suffix and suffix.startswith("p") and h < 12:
                h += 12
            if suffix and suffix.startswith("a") and h == 12:
                h = 0
            return h, mi, {x}
        return None
