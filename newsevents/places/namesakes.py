"""What the article says against a namesake (step 2 of the places stage, after :func:`.disambiguate.resolve`).

Ranking and context pick one reading per name; two kinds of evidence then overrule a pick the article
contradicts:

* :func:`apposition_places`: "<Town>, <City>" ("born in Lewisham, London") names a district of that city:
  the reading of Town within ``apposition_km`` of the city, else (the gazetteer lacks the district) the
  city's point and country, not Lewisham, Australia;
* :func:`home_country_towns`: a minor town of a country the article never names, picked by population among
  several readings, in an article whose places lie in one other country ("The fire in Bhera Market" in a story about Chittagong, Bangladesh): its reading
  in that country, else the point of the article's nearest city there, not Bhera, Pakistan;
* :func:`division_qualifiers`: "<City>, <Name>" where Name was read as a town of another country and the
  gazetteer has a division of the city's country named after it ("Calamba City, Laguna": the Province of
  Laguna, not Laguna, California);
* :func:`qualifier_areas`: "<Town>, <State>" where no reading of Town lies in the state the text names
  ("Randolph, New Hampshire", a village cities500 lacks): the state's point, never a namesake in another
  state (Randolph, Massachusetts).

The thresholds are data: ``apposition_km``, ``home_names``, ``foreign_town_population`` and
``division_forms`` of ``data/places/disambiguation.yaml``.
"""
from __future__ import annotations

import re
from typing import Optional

from .gazetteer import F_ADMIN1, F_ADMIN2, F_CITY, Gazetteer, haversine_km, norm

__all__ = ["apposition_places", "home_country_towns", "division_qualifiers", "qualifier_areas", "APPOSITION",
           "HOME_COUNTRY", "QUALIFIER_AREA"]

#: ``Toponym.resolved_by`` of a district placed at the city it is in apposition to (:func:`apposition_places`)
APPOSITION = "apposition"
#: ``Toponym.resolved_by`` of a minor name placed in the article's country (:func:`home_country_towns`)
HOME_COUNTRY = "home-country"
#: ``Toponym.resolved_by`` of a town placed at the state or country its qualifier names (:func:`qualifier_areas`)
QUALIFIER_AREA = "qualifier-area"
#: what closes a "<Town>, <City>" apposition: not another list item ("Paris, London and Rome", "Paris, London,
#: Rome")
_LIST_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)[A-Z]")
_LIST_BEFORE = re.compile(r"[A-Za-z.]\s*,\s*$")

_MOVABLE = ("ranking", "context", "unambiguous")


def _place_at(t, gaz: Gazetteer, e: int, how: str) -> None:
    """Place toponym ``t`` at entry ``e``'s point and country, with no gazetteer entry of its own."""
    t.entry, t.near, t.point, t.resolved_by = None, e, (gaz.lat[e], gaz.lon[e]), how


def apposition_places(gaz: Gazetteer, toponyms: list, text: Optional[str], w) -> None:
    """Resolve "<Town>, <City>" by the city: "born in Lewisham, London" is the London borough.

    A toponym with no qualifier, read as a town of fewer than ``w.foreign_town_population`` people, followed by a
    comma and a toponym resolved to a more populous city or county (the qualifiers that are states or countries
    are :func:`.mention_cues.qualifier_mentions`'), outside a list ("Paris, London and Rome"; two big cities,
    "Indianapolis, Evansville", are a list too), takes its
    reading within ``w.apposition_km`` of that city (the nearest), else, when its own pick lies farther, the
    city's point and country (``resolved_by`` :data:`APPOSITION`, no gazetteer entry: the gazetteer lacks the
    district). Every mention of the name follows.
    """
    if not text:
        return
    by_start = {t.start: t for t in toponyms if t.forced is None}
    moved: dict = {}
    for t in toponyms:
        if t.forced is not None or t.entry is None or t.resolved_by not in _MOVABLE or norm(t.text) in moved \
                or t.qualifier or gaz.pop[t.entry] >= w.foreign_town_population:
            continue  # "Gatineau, Que." is qualified; "Indianapolis, Evansville", "Toronto, Vancouver" list cities
        u = _after_comma(text, t.end, by_start)
        if u is None or u.entry is None or gaz.feature[u.entry] not in (F_CITY, F_ADMIN2) or u.resolved_by == APPOSITION \
                or gaz.pop[u.entry] <= gaz.pop[t.entry] \
                or _LIST_NEXT.match(text, u.end) or _LIST_BEFORE.search(text, max(0, t.start - 3), t.start):
            continue
        c = u.entry
        near = sorted((haversine_km(gaz.lat[i], gaz.lon[i], gaz.lat[c], gaz.lon[c]), i)
                      for i, _ in gaz.candidates(t.text) if i != c)
        if near and near[0][0] <= w.apposition_km:
            moved[norm(t.text)] = (near[0][1], "context")
        elif haversine_km(gaz.lat[t.entry], gaz.lon[t.entry], gaz.lat[c], gaz.lon[c]) > w.apposition_km:
            moved[norm(t.text)] = (c, APPOSITION)
    for t in toponyms:
        m = moved.get(norm(t.text)) if t.forced is None and t.entry is not None else None
        if m is None:
            continue
        if m[1] == APPOSITION:
            _place_at(t, gaz, m[0], APPOSITION)
        else:
            t.entry, t.resolved_by, t.point = m[0], m[1], None


def home_country_towns(gaz: Gazetteer, toponyms: list, w) -> None:
    """Keep a minor foreign town out of an article about one country.

    The home country is the country of all the article's distinct other names (its places, associative uses
    and nationality words), at least ``w.home_names`` of them ("Trips to Saipan, Guam, Alaska" among US places
    leave Saipan in the Northern Mariana Islands). A name of several readings
    resolved by ranking alone (no qualifier, no context, no dateline) to a city of fewer than
    ``w.foreign_town_population`` people in a country no other name of the article is in, is the home country's: its reading there, else
    the point and country of the article's nearest (in the text) city of the home country (``resolved_by``
    :data:`HOME_COUNTRY`). "The fire in Bhera Market broke out" in a story about Chittagong, Bangladesh is
    not Bhera, Pakistan. Without such a city it stays.
    """
    names: dict = {}  # normalised name -> country of its reading
    for t in toponyms:
        if t.entry is not None and gaz.country[t.entry]:
            names.setdefault(t.text if t.forced is not None else norm(t.text), gaz.country[t.entry])
    if len(names) < w.home_names + 1:
        return
    counts: dict = {}
    for cc in names.values():
        counts[cc] = counts.get(cc, 0) + 1
    for t in toponyms:
        if t.forced is not None or t.entry is None or t.resolved_by != "ranking" or t.qualifier \
                or t.how == "dateline" or gaz.feature[t.entry] != F_CITY or gaz.pop[t.entry] >= w.foreign_town_population:
            continue
        cc = gaz.country[t.entry]
        if not cc or counts.get(cc, 0) > 1:
            continue
        home = max(counts, key=lambda k: counts[k])
        n = counts[home]
        if home == cc or n < w.home_names or n < len(names) - 1:
            continue
        local = [i for i, _ in gaz.candidates(t.text) if gaz.country[i] == home]
        if local:
            t.entry, t.resolved_by, t.point = max(local, key=lambda i: (gaz.feature[i] == F_CITY, gaz.pop[i])), "context", None
            continue
        towns = [u for u in toponyms if u is not t and u.entry is not None and u.forced is None
                 and gaz.country[u.entry] == home and gaz.feature[u.entry] == F_CITY]
        if towns:
            _place_at(t, gaz, min(towns, key=lambda u: abs(u.start - t.start)).entry, HOME_COUNTRY)


def division_qualifiers(gaz: Gazetteer, toponyms: list, text: Optional[str], w) -> None:
    """Resolve the name after "<City>, " as a division of the city's country when it was read abroad.

    "CALAMBA CITY, Laguna": Laguna is the Philippine province that holds Calamba, which the gazetteer knows
    only as "Province of Laguna" (a second-level division), not Laguna, California. When a resolved place is
    followed by a comma and a name resolved in another country, and one of ``w.division_forms`` ("Province
    of {}", "{} Province") names an admin1 or admin2 area of the place's country within ``w.apposition_km`` of
    it, every mention of the name takes that area (``resolved_by`` "qualifier").
    """
    if not text or not w.division_forms:
        return
    by_start = {t.start: t for t in toponyms if t.forced is None}
    moved: dict = {}
    for t in toponyms:
        if t.entry is None or t.forced is not None:
            continue
        u = _after_comma(text, t.end, by_start)
        cc = gaz.country[t.entry]
        if u is None or u.entry is None or not cc or gaz.country[u.entry] == cc or norm(u.text) in moved:
            continue
        areas = [(haversine_km(gaz.lat[i], gaz.lon[i], gaz.lat[t.entry], gaz.lon[t.entry]), i)
                 for form in w.division_forms for i, _ in gaz.candidates(form.format(u.text))
                 if gaz.country[i] == cc and gaz.feature[i] in (F_ADMIN1, F_ADMIN2)]
        areas = [a for a in areas if a[0] <= w.apposition_km]
        if areas:
            moved[norm(u.text)] = min(areas)[1]
    for t in toponyms:
        e = moved.get(norm(t.text)) if t.forced is None and t.entry is not None else None
        if e is not None:
            t.entry, t.resolved_by, t.point = e, "qualifier", None


def qualifier_areas(gaz: Gazetteer, toponyms: list, text: Optional[str] = None) -> None:
    """Place "<Town>, <State>" in the state when no reading of Town lies there.

    "in Randolph, New Hampshire": cities500 lacks the village, and ranking picks Randolph, Massachusetts. A
    toponym with a qualifier (a country or admin1 area, :meth:`.Gazetteer.qualifier`) whose readings are all
    towns or counties and none lies in the area the qualifier names takes that area's point and country
    (``resolved_by`` :data:`QUALIFIER_AREA`, no gazetteer entry), every mention of the name with it. Of a
    qualifier of several readings ("Georgia": the country, the US state) the one in a country of the town's
    readings wins, an admin1 area before a country. A name with any other reading (a region, a country) stays,
    and so does a name in a list of places, given the article ``text`` ("Trips to Saipan, Guam, Alaska",
    "offices in Miami, West Palm Beach, New York, and Detroit": a toponym ends right before its comma, or
    another starts right after the qualifier, past a comma or "and").
    """
    moved: dict = {}
    by_start = {t.start: t for t in toponyms if t.forced is None}
    ends = {t.end for t in toponyms}
    for t in toponyms:
        if t.forced is not None or not t.qualifier or t.entry is None or norm(t.text) in moved:
            continue
        if text and _in_list(text, t, by_start, ends):
            continue
        areas = gaz.qualifier(t.qualifier)
        cands = [i for i, _ in gaz.candidates(t.text)]
        if not areas or not cands or any(gaz.feature[i] not in (F_CITY, F_ADMIN2) for i in cands) \
                or any(_holds(gaz, a, i) for a in areas for i in cands):
            continue
        countries = {gaz.country[i] for i in cands}
        moved[norm(t.text)] = max(areas, key=lambda a: (gaz.country[a] in countries, gaz.feature[a] == F_ADMIN1))
    for t in toponyms:
        a = moved.get(norm(t.text)) if t.forced is None and t.entry is not None else None
        if a is not None:
            _place_at(t, gaz, a, QUALIFIER_AREA)


_LIST_GAP = re.compile(r"\s*,?\s*(?:(?:and|or|&)\s+)?")


def _in_list(text: str, t, by_start: dict, ends: set) -> bool:
    """Whether toponym t and its qualifier stand in a list of places: a toponym ends right before ", t", or one
    starts right after the qualifier (past a comma, "and", "or")."""
    k = t.start
    while k > 0 and text[k - 1] == " ":
        k -= 1
    if k > 0 and text[k - 1] == ",":
        k -= 1
        while k > 0 and text[k - 1] == " ":
            k -= 1
        if k in ends:
            return True
    u = _after_comma(text, t.end, by_start)
    if u is None:
        return False
    m = _LIST_GAP.match(text, u.end)
    return m is not None and m.end() > u.end and m.end() in by_start


def _holds(gaz: Gazetteer, area: int, i: int) -> bool:
    """Whether entry i lies in the country or admin1 area ``area`` (by codes)."""
    return bool(gaz.country[area]) and gaz.country[area] == gaz.country[i] and (
        gaz.feature[area] != F_ADMIN1 or gaz.admin1[area] == gaz.admin1[i])


def _after_comma(text: str, end: int, by_start: dict):
    """The toponym that starts right after ", " following character ``end`` ("Lewisham, [London]",
    "Calamba City, [Laguna]"), or None. by_start (dict[int, Toponym]): toponyms by start offset."""
    k = end
    while k < len(text) and text[k] == " ":
        k += 1
    if k >= len(text) or text[k] != ",":
        return None
    k += 1
    while k < len(text) and text[k] == " ":
        k += 1
    return by_start.get(k)
