"""Where and when an emitted event happened, scored against the Wikinews development set.

The expectations (``shared/gold/wikinews_events_dev``, README "Conventions") give some events a
``place`` (a ``mention`` of the same file's ``places``, which holds its ``country`` and, where the
annotator was confident, ``lat``/``lon``/``tolerance_km``) and a ``date`` (a day, ``YYYY-MM``,
``YYYY`` or an ISO week ``YYYY-Www``, resolved against ``published``). The README's strict rules
leave both out of the event check ("Modes, dates and places are reported separately"); this
module reports them:

event place (share)
    Over the emitted events that meet an expected event giving a place (the strict event rule of
    :mod:`.realnews`: its sentence, a type in ``types``, its actors and recipients; so that the
    other events of the sentence, "the airstrike" of "Iran launched missiles in response to the
    airstrike", are not held to its place), the share whose ``place`` meets
    that place entry: its country in ``country`` and, where ``lat``/``lon`` are given, within
    ``tolerance_km`` (:func:`~.common.place_failures`, the rule of a place mention). An event with
    no place misses. ``events_place_country`` asks the country only.
event date (share)
    Over the emitted events that meet an expected event giving a date, the share whose date
    (:func:`event_date_value`) falls within it (:func:`date_within`): the same day, or a day of the
    expected month, year or ISO week, or the same coarse value ("2018-08" for "in August 2018").
    An event dated from the publication date counts with that date.

An emitted event meeting several expected entries of its sentence that give a place (a date) is
right when it meets any of them, and counts once.
"""
from __future__ import annotations

import re
from datetime import date as Date
from typing import Optional

from ..records import ArticleAnalysis, Event
from .common import place_failures

__all__ = ["event_date_value", "date_within", "check_event_settings"]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


def _meets(e: Event, exp: dict) -> bool:
    from .realnews import event_meets  # realnews imports this module

    return not event_meets(e, exp)


def event_date_value(e: Event, an: ArticleAnalysis) -> Optional[str]:
    """The calendar value an event is dated by: its ISO day, else the TIMEX3 value of the
    temporal expression ``date_ref`` names (a month, year or week: "2018-08"), else None.
    A ``TIME`` value is cut to its day ("2020-01-08TNI" -> "2020-01-08")."""
    if e.date:
        return e.date
    if e.date_ref:
        for d in an.dates:
            if d.id == e.date_ref and d.value:
                return d.value.split("T", 1)[0] if "T" in d.value and d.value[:1].isdigit() else d.value
    return None


def date_within(value: Optional[str], expected: str) -> bool:
    """True when an event's date ``value`` equals ``expected`` or is a day inside it (inside a
    month ``YYYY-MM``, a year ``YYYY``, an ISO week ``YYYY-Www``, a weekend ``YYYY-Www-WE``)."""
    if not value:
        return False
    if value == expected:
        return True
    m = _DAY.match(value)
    if not m:
        return False
    if len(expected) in (4, 7) and value.startswith(expected + "-"):
        return True
    w = _WEEK.match(expected)
    if w:
        try:
            y, wk, _ = Date(int(m[1]), int(m[2]), int(m[3])).isocalendar()
        except ValueError:
            return False
        return (y, wk) == (int(w[1]), int(w[2]))
    return False


def _brief(e: Event, an: ArticleAnalysis) -> dict:
    place = next((p for p in an.places if p.id == e.place), None)
    return {"event": e.id, "type": e.event_type, "trigger": e.trigger.text,
            "place": None if place is None else f"{place.text} ({place.country})",
            "date": event_date_value(e, an), "date_source": e.date_source}


def check_event_settings(an: ArticleAnalysis, expected: dict, positions: list) -> list:
    """The place and date checks of one article's emitted events.

    an (ArticleAnalysis): the pipeline's output. expected (dict): the article's expectations.
    positions (list[int]): per expected event, the offset of its ``sentence_starts`` (-1: not found).
    RETURNS (list[dict]): one ``{kind, event, item, met, why}`` per emitted event meeting an
        expected event that gives a place (kind ``event_place``, with ``country_met``) or a date
        (kind ``event_date``); ``item`` is the first such entry and ``why`` says what was emitted.
    """
    places = {p["mention"]: p for p in expected.get("places") or []}
    out = []
    for e in an.events:
        entries = [exp for exp, pos in zip(expected.get("events") or [], positions)
                   if pos >= 0 and e.evidence.start <= pos < e.evidence.end and _meets(e, exp)]
        brief = _brief(e, an)
        with_place = [exp for exp in entries if exp.get("place") in places]
        if with_place:
            p = next((x for x in an.places if x.id == e.place), None)
            fails = [place_failures(p, places[exp["place"]]) if p is not None else ["no place"] for exp in with_place]
            met = any(not f for f in fails)
            country = p is not None and any(p.country in places[exp["place"]].get("country", []) for exp in with_place)
            out.append({"kind": "event_place", "event": brief, "item": with_place[0], "met": met,
                        "country_met": country, "why": "met" if met else "; ".join(fails[0])})
        with_date = [exp for exp in entries if exp.get("date")]
        if with_date:
            met = any(date_within(brief["date"], exp["date"]) for exp in with_date)
            out.append({"kind": "event_date", "event": brief, "item": with_date[0], "met": met,
                        "why": "met" if met else f"date {brief['date']} ({e.date_source}) not within "
                                                 f"{[exp['date'] for exp in with_date]}"})
    return out
