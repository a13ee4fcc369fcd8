"""Typing (a step of the dates stage): which expressions are a SET or a DURATION, and their values.

TIMEX3 (TimeML 1.2.1, Sauri et al. 2006) types an expression as a DATE or TIME (a
point or period on the calendar, :mod:`newsevents.dates.resolve`), a DURATION (an
amount of time: "three days" -> ``P3D``, "two and a half hours" -> ``PT2H30M``)
or a SET (a recurrence: "every week" -> ``P1W``, "Tuesdays" -> ``XXXX-WXX-2``).
This module holds the rules that give the last two, and the number reading they
share; the resolver calls them in its order (see :meth:`Resolver._resolve`).
The "year ended Sept. 30" retyping of a span in context is :func:`retype`.
"""
from __future__ import annotations

import re
from typing import Optional

__all__ = ["NEXT", "number", "duration", "set_value", "unit_duration", "retype"]

#: "not this step's expression": the resolver goes on to its next rule
NEXT = object()

_DIGITS = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")
_POD_PLURALS = {"mornings", "afternoons", "evenings", "nights"}
_DURATION_TIME_UNITS = {"TH": "H", "TM": "M", "TS": "S"}


def number(numbers: dict, w: list[str]):
    """Sum of number words/digits in ``w``.

    numbers (dict): ``numbers`` of lexicon.yaml (word -> int, or "X" for a vague amount).
    RETURNS (int | float | str | None): the amount, "X" (vague: "several"), or None (no number).
    """
    total, seen, vague = 0, False, False
    if any((x in numbers and x not in ("a", "an")) or _DIGITS.match(x) for x in w):
        w = [x for x in w if x not in ("a", "an")]
    for x in w:
        if x in numbers:
            v = numbers[x]
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


def duration(n, unit: str) -> Optional[str]:
    """TIMEX3 DURATION value of ``n`` units.

    n (int | float | str): the amount, or "X" (vague). unit (str): a unit code of lexicon.yaml.
    RETURNS (str | None): e.g. ``P3D``, ``PT5H``, ``P1Y6M``; None for a fraction of an odd unit.
    """
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


def set_value(r, core: list[str], after_amount: bool):
    """SETs: "every/each (other) (N) unit", "once/twice a unit", "a year" after an amount,
    "every Tuesday", plural weekdays ("Tuesdays", "Tuesday nights").

    r (Resolver): its lexicon tables. core (list[str]): the expression's words without
    approximators. after_amount (bool): a money amount or number precedes ("$5 a year").
    RETURNS: ``("SET", value)``; None when "every ..." names nothing we know; :data:`NEXT` when
        the words are not a set.
    """
    if core[0] in ("every", "each") or (len(core) >= 3 and core[-2] in ("a", "per", "every", "each")
                                        and core[0] in ("once", "twice", "times")):
        unit = next((r.units[x] for x in core if x in r.units), None)
        if unit is None:
            pod = next((r.pods[x] for x in core if x in r.pods), None)
            season = next((r.seasons[x] for x in core if x in r.seasons), None)
            wday = next((r.weekdays[x] for x in core if x in r.weekdays), None)
            mon = next((r.months[x] for x in core if x in r.months), None)
            if wday:
                return "SET", f"XXXX-WXX-{wday}" + (f"T{pod}" if pod else "")
            if mon:
                return "SET", f"XXXX-{mon:02d}"
            if pod:
                return "SET", f"XXXX-XX-XXT{pod}"
            if season:
                return "SET", f"XXXX-{season}"
            return None
        n = number(r.numbers, core[1:-1]) if core[0] in ("every", "each") else None
        if "other" in core:
            n = 2
        return "SET", duration(n if isinstance(n, int) and n > 0 else 1, unit)
    if after_amount and len(core) == 2 and core[0] in ("a", "an", "per") and core[1] in r.units:
        return "SET", duration(1, r.units[core[1]])

    # plural weekdays: "Tuesdays", "Tuesday nights"
    wplural = next((r.weekday_plurals[x] for x in core if x in r.weekday_plurals), None)
    if wplural is None and core[-1] in _POD_PLURALS:
        wplural = next((r.weekdays[x] for x in core if x in r.weekdays), None)
    if wplural is not None:
        pod = r.pods.get(core[-1].rstrip("s")) if core[-1] in _POD_PLURALS else None
        return "SET", f"XXXX-WXX-{wplural}" + (f"T{pod}" if pod else "")
    return NEXT


def unit_duration(core: list[str], n, unit: str, plural: bool):
    """DURATIONs of a unit word with no offset or direction: "three days", "the past two months",
    "a week", "years".

    n (int | float | str | None): from :func:`number`. RETURNS (tuple[str, str] | None):
        ``("DURATION", value)``, or None for a bare singular unit or a zero amount.
    """
    if plural and n is None:
        return "DURATION", duration("X", unit)     # "recent years", "years": a vague amount
    if n is None:
        return None
    if n == 0:
        return None
    return "DURATION", duration(n, unit)


def retype(span, res):
    """A DATE value that its context makes a DURATION: "for the year ended Sept. 30" is a
    12-month period (``P1Y``, TempEval-3 TBAQ).

    span (Span): the expression. res (tuple | None): its ``(type, value)`` from the resolver.
    RETURNS (tuple | None): ``res``, or ``("DURATION", "P1Y")``.
    """
    words = [t.lower_ for t in span]
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if (res is not None and res[0] == "DATE" and words[-1] == "year" and words[0] == "the"
            and nxt is not None and nxt.lower_ in ("ended", "ending", "ends", "through")):
        return "DURATION", "P1Y"
    return res
