"""What the words around a toponym say about its reading (step 2 of the places stage, read by
:mod:`.disambiguate`).

* :func:`admin1_cued`: a state's office or border after the name ("New York Gov.", "the New York border",
  "the state of Washington") makes the mention the name's admin1 area;
* :func:`town_cued`: a person noun, a town's office or a street address ("a Lebanon woman", "508
  Cumberland St., Lebanon") makes the name a town, not a country;
* :func:`county_listed`: names listed before "counties" are those counties ("Eastland and Callahan
  counties");
* :func:`assign_qualifiers` (step 1, recognition): the ", <state or country>" after a name ("Paris, Texas");
* :func:`qualifier_mentions`: the name qualifying a place ("Buffalo, New York") is the state or country
  that holds it;
* :func:`list_siblings`: the other names of a list ("Ohio, Georgia and Texas"; pairs: "Oregon and
  Washington").

The cue words are data: ``admin1_cues`` and ``town_cues`` of ``data/places/disambiguation.yaml``.
"""
from __future__ import annotations

import re
from typing import Optional

from .gazetteer import F_ADMIN1, F_ADMIN2, F_CITY, F_COUNTRY, Gazetteer, haversine_km, norm

__all__ = ["admin1_cued", "town_cued", "county_listed", "assign_qualifiers", "qualifier_mentions", "list_siblings",
           "ADMIN1_KEY", "COUNTY_KEY"]

#: the key suffix of a name's mentions that a cue makes its admin1 area (:func:`admin1_cued`)
ADMIN1_KEY = "\x00admin1"
_POSSESSIVE = re.compile(r"(?:'s|\u2019s)?\s+")


def admin1_cued(gaz: Gazetteer, toponyms: list, text: Optional[str], w) -> set:
    """RETURNS (set[int]): the ``id()`` of the toponyms a cue word makes their admin1 area.

    A state's offices, laws and borders are named after it: "New York Gov. Andrew Cuomo", "New York's
    attorney general", "throughout New York state", "near the New York border", "the state of
    Washington". Such a mention is the name's admin1 reading (a US state, a province), not the city of
    the same name, whatever the city's size. The cue words are ``admin1_cues`` of
    ``data/places/disambiguation.yaml``: ``after`` the name (a possessive "'s" may come between),
    ``before`` it (compared case-sensitively, whole words). Only names with an admin1 reading count.
    """
    hit = _cued(toponyms, text, w.admin1_cues)
    return {id(t) for t in toponyms
            if id(t) in hit and any(p and gaz.feature[i] == F_ADMIN1 for i, p in gaz.candidates(t.text))}


def _abbreviation(name: str) -> bool:
    """"U.S.", "UK", "EU": dotted or at most three capital letters."""
    return "." in name or (name.isupper() and len(name) <= 3)


def _cued(toponyms: list, text: Optional[str], cues: dict) -> set:
    """RETURNS (set[int]): the ``id()`` of the toponyms (not nationality words) that one of ``cues["after"]``
    follows (a possessive "'s" may come between) or one of ``cues["before"]`` precedes, as whole words."""
    after, before = cues.get("after") or (), cues.get("before") or ()
    if not text or not (after or before):
        return set()
    out = set()
    for t in toponyms:
        if t.forced is not None:
            continue
        hit = False
        m = _POSSESSIVE.match(text, t.end)
        if m:
            rest = text[m.end():m.end() + 40]
            hit = any(rest.startswith(c) and (len(rest) == len(c) or not rest[len(c)].isalnum()) for c in after)
        if not hit:
            head = " ".join(text[max(0, t.start - 40):t.start].split())
            hit = any(head.endswith(c) and (len(head) == len(c) or not head[-len(c) - 1].isalnum()) for c in before)
        if hit:
            out.add(id(t))
    return out


#: the key suffix of a name listed before "counties" (:func:`county_listed`), then the suffix of its entries
COUNTY_KEY = "\x00county"
#: a list of capitalised names closed by "counties" / "parishes" ("Eastland and Callahan counties"): what may
#: follow a listed name up to that word
_COUNTY_LIST_REST = re.compile(r"(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})*"
                               r"\s+(counties|Counties|parishes|Parishes)\b")
_COUNTY_WORD = {"counties": " County", "parishes": " Parish"}
#: the last name of such a list: a capitalised name and "and" / "or" / a comma right before it
_LIST_BEFORE = re.compile(r"[A-Z][\w.'-]*(?:,\s*(?:and|or)?|\s+(?:and|or|&))\s+$")


def county_listed(gaz: Gazetteer, toponyms: list, text: Optional[str]) -> dict:
    """RETURNS (dict): ``id()`` of each toponym named in a list closed by "counties" or "parishes" -> the
    suffix of the entries it names (" County", " Parish"), where the gazetteer knows "<name> County".

    US news lists counties by their bare names: "fires in Eastland and Callahan counties", "Butler, Clark,
    Hamilton, Madison, Montgomery, Preble or Warren counties". Each such name is its county, not the town
    or state of the same name.
    """
    if not text:
        return {}
    out = {}
    for t in toponyms:
        if t.forced is not None or not t.text[:1].isupper():
            continue
        m = _COUNTY_LIST_REST.match(text, t.end)
        # a list of two names or more: "Indiana counties" are the counties of Indiana
        if m and (m.group(0).split()[0] != m.group(1) or _LIST_BEFORE.search(text, max(0, t.start - 80), t.start)):
            suffix = _COUNTY_WORD[m.group(1).lower()]
            if any(gaz.feature[i] == F_ADMIN2 for i, _ in gaz.candidates(t.text + suffix)):
                out[id(t)] = suffix
    return out


def qualifier_mentions(gaz: Gazetteer, toponyms: list, text: Optional[str], w) -> None:
    """Give the name that qualifies a place ("Buffalo, New York"; "Paris, Texas") the reading that holds
    the place: its admin1 area, else its country (AP Stylebook datelines and "City, State" usage), unless
    the place lies within ``qualifier_city_km`` of a city reading of the name: "Brooklyn, New York" and
    "Queens, New York" name boroughs of New York City.

    The qualifier's other mentions keep their own resolution: "Buffalo, New York" and "flights to New
    York" are the state and the city.
    """
    if not text:
        return
    by_start = {t.start: t for t in toponyms if t.forced is None}
    for t in toponyms:
        if not t.qualifier or t.entry is None:
            continue
        k = t.end
        while k < len(text) and text[k] in " ,":
            k += 1
        u = by_start.get(k)
        if u is None or u is t or norm(u.text) != norm(t.qualifier) or "," not in text[t.end:k]:
            continue
        cc, a1 = gaz.country[t.entry], gaz.admin1[t.entry]
        if any(p and gaz.feature[i] == F_CITY and haversine_km(gaz.lat[i], gaz.lon[i], gaz.lat[t.entry],
                                                               gaz.lon[t.entry]) < w.qualifier_city_km
               for i, p in gaz.candidates(u.text)):
            continue  # a borough of the city named after it
        held = [e for e in gaz.qualifier(u.text) if cc and gaz.country[e] == cc
                and (gaz.feature[e] == F_COUNTRY or (gaz.feature[e] == F_ADMIN1 and gaz.admin1[e] == a1))]
        if held:
            best = min(held, key=lambda e: gaz.feature[e] != F_ADMIN1)  # the state before the country
            if best != u.entry:
                u.entry, u.resolved_by, u.point = best, "qualifier", None


#: what may stand between two names of one list ("Arizona, Colorado and Georgia")
_LIST_GAPS = {",", "and", ", and", "or", ", or", "/", "&"}
#: what may join the two names of a list of two ("Oregon and Washington")
_PAIR_GAPS = {"and", "or", "&"}


def list_siblings(toponyms: list, text: Optional[str], pairs: bool = False) -> dict:
    """RETURNS (dict): name key -> the keys of the other names in the same list (runs of three
    toponyms or more separated only by commas, "and", "or"; with ``pairs``, the other name of a run
    of two joined by "and"/"or" instead); nationality words are not list items."""
    if not text:
        return {}
    items = sorted((t for t in toponyms if t.forced is None), key=lambda t: t.start)
    runs, cur = [], []
    for t in items:
        if cur and " ".join(text[cur[-1].end:t.start].split()) in _LIST_GAPS:
            cur.append(t)
        else:
            if _is_list(cur, text, pairs):
                runs.append(cur)
            cur = [t]
    if _is_list(cur, text, pairs):
        runs.append(cur)
    out: dict = {}
    for run in runs:
        keys = {norm(t.text) for t in run}
        for k in keys:
            out.setdefault(k, set()).update(keys - {k})
    return out


def _is_list(run: list, text: str, pairs: bool) -> bool:
    """Three names or more ("Ohio, Georgia and Texas"); with ``pairs`` two joined by "and"/"or" ("Oregon
    and Washington") instead; two joined by a comma are a place and its qualifier ("Paris, Texas")."""
    if not pairs:
        return len(run) > 2
    return len(run) == 2 and " ".join(text[run[0].end:run[1].start].split()) in _PAIR_GAPS


def town_cued(toponyms: list, text: Optional[str], w) -> set:
    """RETURNS (set[str]): the normalised names (:func:`.gazetteer.norm`) that a town cue (``town_cues``)
    marks on some mention ("a Lebanon woman", "508 Cumberland St., Lebanon", "the Jordan resident") or
    that are a dateline (AP datelines are cities); a country's abbreviation is also its adjective ("U.S.
    residents") and is left out. w (Weights): the disambiguation weights.
    """
    hit = _cued(toponyms, text, w.town_cues)
    return {norm(t.text) for t in toponyms if (id(t) in hit or t.how == "dateline") and not _abbreviation(t.text)}


def assign_qualifiers(gaz: Gazetteer, doc, found: list, qualifier_at) -> None:
    """Set ``Toponym.qualifier`` of every toponym followed by ", <country or admin1 area>", in place.

    "Paris, Texas": Paris qualified by Texas; the qualifier is a toponym found right after the comma that
    :meth:`.Gazetteer.qualifier` knows, or an abbreviation that is none ("Fla.": ``qualifier_at(doc, i)``,
    the recogniser's ``(start, end, text)`` of a qualifier at token i, or None). Not a list going on
    ("Washington, New York and Boston", :func:`_list_goes_on`) nor a possessive ("Hagan, North Carolina's
    first female senator", :func:`_possessive_after`).
    found (list[Toponym]): in text order.
    """
    text = doc.text
    by_start = {t.start: t for t in found}
    for t in found:
        k = t.end
        while k < len(text) and text[k] == " ":
            k += 1
        if k >= len(text) or text[k] != ",":
            continue
        k += 1
        while k < len(text) and text[k] == " ":
            k += 1
        nxt = by_start.get(k)
        if nxt is not None and gaz.qualifier(nxt.text) and not _list_goes_on(text, nxt.end) \
                and not _possessive_after(text, nxt.end):
            t.qualifier = nxt.text
        elif nxt is None:  # an abbreviation ("Fla.") that is not itself a toponym
            tok = _token_at(doc, k)
            q = qualifier_at(doc, tok.i) if tok is not None else None
            if q is not None:
                t.qualifier = q[2]


_LIST_GOES_ON = re.compile(r"\s+(?:and|or|&)\s+[A-Z]")


def _list_goes_on(text: str, end: int) -> bool:
    """Whether "and"/"or" and a capitalised word follow character ``end``: "Washington, New York and
    Boston" is a list, not Washington in New York State (AP style closes a qualifier with a comma:
    "Paris, Texas, and Dallas")."""
    return bool(_LIST_GOES_ON.match(text, end))


_APPOSED_POSSESSIVE = re.compile(r"['\u2019]s?\s+[A-Za-z]")


def _possessive_after(text: str, end: int) -> bool:
    """Whether a possessive and a word follow character ``end``: "Hagan, North Carolina's first female
    senator" is a person and a phrase in apposition, not Hagan in North Carolina (a place's qualifier closes
    with a comma or the sentence: "Paris, Texas, is")."""
    return bool(_APPOSED_POSSESSIVE.match(text, end))


def _token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
