"""TIMEX3 values for temporal expressions, computed from their words.

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
* "N units ago/earlier/later" is a date at the precision of the unit;
* "N units", "the past N units", "N-unit" are DURATIONs (``P3D``, ``PT5H``);
* reference words give ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``;
* frequency words give a SET (``P1W``).

Words come lower-cased; punctuation tokens "-" and "," are ignored.
"""
from __future__ import annotations

import re
from datetime import date as Date, timedelta
from typing import Optional, Sequence

__all__ = ["Resolver", "iso_week", "shift_months"]

_ORDINAL_NUM = re.compile(r"^([0-3]?[0-9])(st|nd|rd|th)?$")
_YEAR = re.compile(r"^(1[6-9]|20)[0-9][0-9]$")
_DECADE = re.compile(r"^(?:mid-)?(?:((?:1[6-9]|20)[0-9])0|'?([0-9])0)'?s$")
_CENTURY = re.compile(r"^([0-9]{1,2})(st|nd|rd|th)$")
_CLOCK = re.compile(r"^([01]?[0-9]|2[0-3])(?:[:.]([0-5][0-9]))?(am|pm|a\.m\.?|p\.m\.?)?$")
_SLASH = re.compile(r"^([0-3]?[0-9])[/.]([0-3]?[0-9])[/.]((?:[12][0-9])?[0-9][0-9])$")
_DIGITS = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")

_POD_PLURALS = {"mornings", "afternoons", "evenings", "nights"}
_DURATION_TIME_UNITS = {"TH": "H", "TM": "M", "TS": "S"}


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

    # -- public ------------------------------------------------------------
    def resolve(self, words: Sequence[str], anchor: Optional[Date], tense: Optional[str] = None,
                after_amount: bool = False) -> Optional[tuple[str, Optional[str]]]:
        """TIMEX3 type and value of an expression.

        words (list[str]): the expression's tokens, lower-cased ("last", "week").
        anchor (date | None): publication date; None leaves relative values None.
        tense (str | None): tense of the governing clause, from
            :func:`newsevents.dates.clause_tense`: "future", "present", "past"
            or None. A bare weekday points after the anchor for "future" and
            "present" (news style: "meets Friday"), else on or before it; a
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
            w = self._spoken_years(w)
            return self._resolve(w, anchor, tense, after_amount)
        except (ValueError, OverflowError, KeyError, IndexError):
            return None

    # -- helpers -------------------------------------------------------------
    def _spoken_years(self, w: list[str]) -> list[str]:
        """Replace spoken years by digits: "nineteen ninety six" -> "1996", "the year two thousand" -> "2000".

        A spoken year is a century word of ``spoken_year_centuries`` ("nineteen")
        followed by a tens word ("ninety") and an optional unit word ("six"),
        or "two thousand" (+ "and" + a unit or teen word) after "year", a month
        or a season; broadcast transcripts (TempEval-3 AQUAINT) write years so.
        "the year" before a spoken year is dropped ("the year two thousand" is the year 2000).
        """
        if not any(x in self.spoken_centuries or x == "thousand" for x in w):
            return w
        out: list[str] = []
        i = 0
        while i < len(w):
            x = w[i]
            nxt = w[i + 1] if i + 1 < len(w) else ""
            tens = self.numbers.get(nxt)
            if x in self.spoken_centuries and isinstance(tens, int) and 20 <= tens <= 90 and tens % 10 == 0:
                unit = self.numbers.get(w[i + 2]) if i + 2 < len(w) else None
                k = 3 if isinstance(unit, int) and 1 <= unit <= 9 else 2
                year = self.spoken_centuries[x] * 100 + tens + (unit if k == 3 else 0)
            elif x == "two" and nxt == "thousand" and out and (out[-1] == "year" or out[-1] in self.months
                                                                or out[-1] in self.seasons or out[-1] == "of"):
                k, year = 2, 2000
                rest = w[i + 2:i + 4]
                if rest[:1] == ["and"]:
                    rest, k = rest[1:], k + 1
                v = self.numbers.get(rest[0]) if rest else None
                if isinstance(v, int) and 1 <= v <= 19 and rest[0] not in ("a", "an"):
                    year, k = year + v, k + 1
            else:
                out.append(x)
                i += 1
                continue
            if out[-2:] == ["the", "year"]:
                del out[-2:]
            elif out[-1:] == ["year"]:
                del out[-1:]
            out.append(str(year))
            i += k
        return out

    def _number(self, w: list[str]):
        """Sum of number words/digits in ``w``: int, 'X' (vague), or None."""
        total, seen, vague = 0, False, False
        if any((x in self.numbers and x not in ("a", "an")) or _DIGITS.match(x) for x in w):
            w = [x for x in w if x not in ("a", "an")]
        for x in w:
            if x in self.numbers:
                v = self.numbers[x]
                if v == "X":
                    vague = True
                elif x in ("a", "an") and seen:
                    continue
                elif x == "hundred":
                    total = max(total, 1) * 100
                elif x == "thousand":
                    total = max(total, 1) * 1000
                elif x == "dozen":
                    total = max(total, 1) * 12
                else:
                    total += v
                seen = True
            elif _DIGITS.match(x):
                total += float(x) if "." in x else int(x)
                seen = True
            elif x == "1/2" and seen:
                total += 0.5
        if vague and total <= 1:
            return "X"
        return total if seen else None

    def _duration(self, n, unit: str) -> Optional[str]:
        if unit == "2W":
            n, unit = (n * 2 if n != "X" else "X"), "W"
        if unit == "WE":
            return "P2D" if n in (1, "X") else f"P{n * 2}D"
        if n != "X" and isinstance(n, float):
            if n != int(n):
                if unit == "TH":
                    return f"PT{int(n)}H{int(round((n - int(n)) * 60))}M"
                if unit == "TM":
                    return f"PT{int(n)}M{int(round((n - int(n)) * 60))}S"
                if unit == "Y":
                    return f"P{int(n)}Y{int(round((n - int(n)) * 12))}M"
                if unit == "D":
                    return f"P{int(n)}DT{int(round((n - int(n)) * 24))}H"
                return None
            n = int(n)
        if unit in _DURATION_TIME_UNITS:
            return f"PT{n}{_DURATION_TIME_UNITS[unit]}"
        if unit == "DE":
            return f"P{n * 10}Y" if n != "X" else "PXDE"
        if unit == "CE":
            return f"P{n * 100}Y" if n != "X" else "PXCE"
        return f"P{n}{unit}"

    def _at_unit(self, anchor: Date, unit: str, k: int) -> Optional[str]:
        """Value of the ``unit`` that is ``k`` units from the anchor's (k=-1: last week)."""
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

    def _holiday_date(self, rule: str, year: int) -> Date:
        """The date of a holiday rule (see ``holidays`` in lexicon.yaml) in ``year``."""
        if rule.startswith("E"):
            return easter(year) + timedelta(days=int(rule[1:].rstrip("W")))
        parts = rule.rstrip(">").split("-")
        d = Date(year, int(parts[0]), int(parts[1]))
        if len(parts) == 3:
            wd = _WEEKDAY_CODES[parts[2]]
            d += timedelta(days=(wd - d.isoweekday()) % 7)
        return d

    def _holiday(self, rule: str, anchor: Date, tense: Optional[str]) -> str:
        """TIMEX3 value of a holiday: the occurrence picked like a month-day without a year."""
        here = self._holiday_date(rule, anchor.year)
        y = self._month_year(anchor, here.month, here.day, None, tense)
        d = self._holiday_date(rule, y)
        return iso_week(d) if rule.endswith("W") else d.isoformat()

    def _weekday(self, anchor: Date, wd: int, direction: Optional[int], future: bool) -> Date:
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

    def _month_year(self, anchor: Date, month: int, day: Optional[int], direction: Optional[int],
                    tense: Optional[str]) -> int:
        """Year of a month (and day) given without a year (see :meth:`resolve` for ``tense``)."""
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

    # -- the rules ------------------------------------------------------------
    def _narrated_day(self, core: list[str], anchor) -> Optional[tuple[str, Optional[str]]]:
        """"that day" / "that night" (the anchor day, TIMEX3 ``TNI`` for a part of day) and
        "the following|next|previous|... morning|night" (a day before or after, with its part of day).

        The anchor is the day the text is narrating (see :mod:`newsevents.dates.discourse`);
        "the following day" itself is a plain unit shift, read by the general rules.
        RETURNS (tuple | None): ``(type, value)``, or None when the words are not of this shape.
        """
        if len(core) != 2 and not (len(core) == 3 and core[0] == "the"):
            return None
        if len(core) == 2 and core[0] == "that" and (core[1] == "day" or core[1] in self.pods):
            shift, pod = 0, self.pods.get(core[1])
        elif len(core) == 3 and core[1] in self.directions and core[1] not in ("this", "current") \
                and core[2] in self.pods:
            shift, pod = int(self.directions[core[1]]), self.pods[core[2]]
        else:
            return None
        if anchor is None:
            return ("TIME" if pod else "DATE"), None
        day = (anchor + timedelta(days=shift)).isoformat()
        return ("TIME", f"{day}T{pod}") if pod else ("DATE", day)

    def _resolve(self, w: list[str], anchor, tense, after_amount):
        future = tense == "future"
        weekday_future = tense == "future"
        text = " ".join(w)
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

        # sets: every/each (other) (N) unit, once/twice a unit, "a year" after an amount
        if core[0] in ("every", "each") or (len(core) >= 3 and core[-2] in ("a", "per", "every", "each")
                                            and core[0] in ("once", "twice", "times")):
            unit = next((self.units[x] for x in core if x in self.units), None)
            if unit is None:
                pod = next((self.pods[x] for x in core if x in self.pods), None)
                season = next((self.seasons[x] for x in core if x in self.seasons), None)
                wday = next((self.weekdays[x] for x in core if x in self.weekdays), None)
                mon = next((self.months[x] for x in core if x in self.months), None)
                if wday:
                    return "SET", f"XXXX-WXX-{wday}" + (f"T{pod}" if pod else "")
                if mon:
                    return "SET", f"XXXX-{mon:02d}"
                if pod:
                    return "SET", f"XXXX-XX-XXT{pod}"
                if season:
                    return "SET", f"XXXX-{season}"
                return None
            n = self._number(core[1:-1]) if core[0] in ("every", "each") else None
            if "other" in core:
                n = 2
            return "SET", self._duration(n if isinstance(n, int) and n > 0 else 1, unit)
        if after_amount and len(core) == 2 and core[0] in ("a", "an", "per") and core[1] in self.units:
            return "SET", self._duration(1, self.units[core[1]])

        # plural weekdays: "Tuesdays", "Tuesday nights"
        wplural = next((self.weekday_plurals[x] for x in core if x in self.weekday_plurals), None)
        if wplural is None and core[-1] in _POD_PLURALS:
            wplural = next((self.weekdays[x] for x in core if x in self.weekdays), None)
        if wplural is not None:
            pod = self.pods.get(core[-1].rstrip("s")) if core[-1] in _POD_PLURALS else None
            return "SET", f"XXXX-WXX-{wplural}" + (f"T{pod}" if pod else "")

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
        direction = next((self.directions[x] for x in core if x in self.directions), None)
        if "earlier" in core and "this" in core:
            direction = 0

        # clock times
        clock = self._clock(core)
        if clock is not None:
            day = None
            if anchor is not None:
                if relday is not None:
                    day = anchor + timedelta(days=relday)
                elif weekday is not None:
                    day = self._weekday(anchor, weekday, direction, weekday_future)
                else:
                    day = anchor
            if month is not None:
                dm = next((int(_ORDINAL_NUM.match(x).group(1)) for x in core
                           if _ORDINAL_NUM.match(x) and x not in clock[2]), None)
                if dm and anchor is not None:
                    y = year or self._month_year(anchor, month, dm, direction, tense)
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
        # this morning, last night, mid-afternoon
        if pod and len(core) == 2 and core[0] in ("this", "last", "the", "early", "late", "mid"):
            if anchor is None:
                return "TIME", None
            d = anchor - timedelta(days=1) if core[0] == "last" else anchor
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
            y = self._month_year(anchor, month, day, direction, tense)
            if day and "week" in core:                 # "the week of October 21": that day's ISO week
                return "DATE", iso_week(Date(y, month, day))
            if day:
                return "DATE", Date(y, month, day).isoformat()
            return "DATE", f"{y:04d}-{month:02d}"
        if weekday is not None:
            if anchor is None:
                return ("TIME" if pod else "DATE"), None
            d = self._weekday(anchor, weekday, direction, weekday_future)
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

        # units
        unit_word = next((x for x in reversed(core) if x in self.units), None)
        if unit_word is None:
            if "year" in core and any(x in ("ago", "earlier") for x in core):  # "year-ago"
                return ("DATE", None) if anchor is None else ("DATE", str(anchor.year - 1))
            return None
        unit = self.units[unit_word]
        plural = unit_word.endswith("s")
        n = self._number(core[:core.index(unit_word)])
        offset = next((self.offsets[x] for x in core[core.index(unit_word) + 1:] if x in self.offsets), None)
        if core[-1] == "long" or core[-1] == "old":
            return "DURATION", self._duration(n if n is not None else "X", unit)

        # year-ago, year-earlier ("the year-ago quarter" handled above)
        if offset is not None and n is None and unit_word in ("year", "month", "week") and core[0] == unit_word:
            if anchor is None:
                return "DATE", None
            return "DATE", self._at_unit(anchor, unit, -1)

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
            if unit == "DE":
                return "DATE", self._at_unit(anchor, "Y", offset * 10 * n_int)
            if unit == "CE":
                return "DATE", self._at_unit(anchor, "Y", offset * 100 * n_int)
            return "DATE", self._at_unit(anchor, unit, offset * n_int)

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
            return "DATE", self._at_unit(anchor, "WE", k)

        # "last week", "next month", "this year", "the past year", "earlier this month"
        if direction is not None and n is None and not plural:
            if anchor is None:
                return "DATE", None
            if unit in ("DE", "CE") and direction == -1:
                return "DURATION", self._duration(1, unit)
            return "DATE", self._at_unit(anchor, unit, direction)
        if n is None and not plural and unit == "Y" and "the" in core and len(core) <= 6 and (
                len(core) == 2 or core[-3:-1] in (["of", "the"], ["the", "full"], ["the", "fiscal"], ["the", "calendar"])):
            # "the year", "the full year", "the end of the year": the anchor's year in news (TempEval-3 TBAQ)
            return ("DATE", None) if anchor is None else ("DATE", f"{anchor.year:04d}")
        if n is None and not plural and len(core) >= 3 and core[0] in ("earlier", "later") and core[1] == "in":
            return ("DATE", None) if anchor is None else ("DATE", self._at_unit(anchor, unit, 0))

        # durations: "three days", "the past two months", "a week", "years"
        if plural and n is None:
            if core[0] == "recent":
                return "DURATION", self._duration("X", unit)
            if direction == 1:
                return "DURATION", self._duration("X", unit)
            return "DURATION", self._duration("X", unit)
        if n is None:
            return None
        if n == 0:
            return None
        return "DURATION", self._duration(n, unit)

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
