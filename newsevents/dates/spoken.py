"""Spoken years (a step of resolution): "nineteen ninety six" -> "1996" before the words are resolved.

Broadcast transcripts (TempEval-3 AQUAINT) write years in words; :func:`spoken_years` turns them into
digits so that :class:`~newsevents.dates.resolve.Resolver` reads them like written years.
"""
from __future__ import annotations

__all__ = ["spoken_years"]


def spoken_years(w: list, centuries: dict, numbers: dict, months: dict, seasons: dict) -> list:
    """Replace spoken years by digits: "nineteen ninety six" -> "1996", "the year two thousand" -> "2000".

    A spoken year is a century word of ``spoken_year_centuries`` ("nineteen")
    followed by a tens word ("ninety") and an optional unit word ("six"),
    or "two thousand" (+ "and" + a unit or teen word) after "year", a month
    or a season; broadcast transcripts (TempEval-3 AQUAINT) write years so.
    "the year" before a spoken year is dropped ("the year two thousand" is the year 2000).

    w (list[str]): the expression's lower-cased words. centuries, numbers, months, seasons (dict):
        ``spoken_year_centuries``, ``numbers``, ``months``, ``seasons`` of lexicon.yaml.
    RETURNS (list[str]): the words, spoken years replaced by their digits.
    """
    if not any(x in centuries or x == "thousand" for x in w):
        return w
    out: list[str] = []
    i = 0
    while i < len(w):
        x = w[i]
        nxt = w[i + 1] if i + 1 < len(w) else ""
        tens = numbers.get(nxt)
        if x in centuries and isinstance(tens, int) and 20 <= tens <= 90 and tens % 10 == 0:
            unit = numbers.get(w[i + 2]) if i + 2 < len(w) else None
            k = 3 if isinstance(unit, int) and 1 <= unit <= 9 else 2
            year = centuries[x] * 100 + tens + (unit if k == 3 else 0)
        elif x == "two" and nxt == "thousand" and out and (out[-1] == "year" or out[-1] in months
                                                            or out[-1] in seasons or out[-1] == "of"):
            k, year = 2, 2000
            rest = w[i + 2:i + 4]
            if rest[:1] == ["and"]:
                rest, k = rest[1:], k + 1
            v = numbers.get(rest[0]) if rest else None
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
