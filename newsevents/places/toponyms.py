"""Toponym recognition and disambiguation (geocoding) over a spaCy Doc.

Recognition (:func:`recognise`) does not trust NER labels alone (the small
English model tags "Panmunjom" as PERSON and "DMZ" as ORG):

* GPE/LOC entities are toponyms (a leading "the" and a trailing "'s" are cut;
  "Paris, Texas" inside one entity is split at the comma);
* FAC entities are toponyms when the gazetteer knows the name;
* PERSON/ORG/NORP/... entities and capitalised token runs outside entities
  are toponyms when they exactly match a gazetteer name *and* have support:
  a locative preposition or place noun before them ("in X", "town of X"),
  an "X-based" suffix, a following ", <country/admin1>" qualifier, or the
  name is a curated one (country, admin1, region, sea, landmark of the
  supplement) and the entity label is not PERSON.

Demonyms and adjectives ("North Korean soil") are not toponyms here.

Disambiguation (:func:`resolve`) ranks the gazetteer candidates of each
distinct name with a score in "log10 population" units:

    feature base (country 9, continent 9, admin1 6.5, region/water/landmark 6,
    city log10(population)) + supplement prior - 1.5 for an alternate-name
    match + context

where context comes from a first, context-free pass over all the article's
toponyms: +20 for the candidate named by an explicit qualifier ("Paris,
Texas"), +W_COUNTRY * log2(1 + n) for n other toponyms in the candidate's
country (so the article's dominant country wins ties), +W_ADMIN1 when the
candidate lies in an admin1 area the article names (or, for an admin1 area,
per named city inside it), and +W_NEAR when it lies within NEAR_KM of
another resolved city. The weights were set by hand on samples of the
LGL, GeoWebNews, TR-News and GeoVirus gold sets (see the report of the
places stage).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

from .gazetteer import (F_ADMIN1, F_CITY, F_CONTINENT, F_COUNTRY, F_LANDMARK, F_REGION, F_WATER, FEATURES,
                        Gazetteer, haversine_km, norm)

__all__ = ["Toponym", "Recogniser", "resolve", "recognise_and_resolve", "FEATURE_BASE"]

#: score of a candidate before population and context, per feature
FEATURE_BASE = {F_COUNTRY: 9.0, F_CONTINENT: 9.0, F_ADMIN1: 6.5, F_REGION: 6.0, F_WATER: 6.0,
                F_LANDMARK: 6.0, F_CITY: 0.0}
ALT_NAME_PENALTY = 1.5
W_QUALIFIER = 20.0
W_COUNTRY = 0.6
W_ADMIN1 = 2.5
W_NEAR = 1.5
NEAR_KM = 100.0
#: a pass-1 pick this far ahead of the runner-up (or the only candidate) is an anchor of the context
ANCHOR_MARGIN = 1.5
#: cities named like a curated country/region/sea/admin1 of the same name lose this much
SHADOW_PENALTY = 3.0
_CURATED_OK = (F_COUNTRY, F_ADMIN1, F_REGION, F_WATER, F_LANDMARK, F_CONTINENT)


@dataclass
class Toponym:
    """A recognised toponym: character span, surface text and its resolution."""

    start: int
    end: int
    text: str
    how: str  # "ner", "ner-check", "gazetteer"
    qualifier: Optional[str] = None  # the ", Texas" that follows, if any
    cands: list = field(default_factory=list)  # [(entry, primary)]
    entry: Optional[int] = None
    resolved_by: Optional[str] = None


def _strip(span):
    """Cut a leading determiner and trailing possessive/punctuation from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


def _split_commas(span):
    """'Paris, Texas' -> [Paris, Texas] (token spans)."""
    parts, s = [], span.start
    for tok in span:
        if tok.text == ",":
            if tok.i > s:
                parts.append(span.doc[s:tok.i])
            s = tok.i + 1
    if span.end > s:
        parts.append(span.doc[s:span.end])
    return parts


def _capitalised(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


class Recogniser:
    """Finds toponym spans in a Doc using NER + the gazetteer (see module docstring)."""

    def __init__(self, gaz: Gazetteer, cues: dict):
        self.gaz = gaz
        self.preps = set(cues.get("locative_prepositions") or ())
        self.place_nouns = set(cues.get("place_nouns") or ())
        self.suffixes = set(cues.get("place_suffixes") or ())
        self.strong = set(cues.get("strong_prepositions") or ("in", "at", "near"))
        self.stop = {str(w).lower() for w in (cues.get("not_toponyms") or ())}
        self.big_city = int(cues.get("big_city_population") or 100000)
        labels = cues.get("ner_labels") or {}
        self.accept = set(labels.get("accept") or ("GPE", "LOC"))
        self.check = set(labels.get("check") or ("FAC",))
        self.verify = set(labels.get("verify") or ("PERSON", "ORG", "NORP"))

    # support -------------------------------------------------------------
    def _supported(self, doc, start: int, end: int, strong: bool = False) -> bool:
        """Locative cue around tokens start:end ("in X", "town of X", "X-based", "X, Texas").

        strong (bool): only strong prepositions ("in", "at", "near") count as a preposition cue.
        """
        i = start - 1
        if i >= 0 and doc[i].lower_ in ("the",):
            i -= 1
        if i >= 0:
            w = doc[i].lower_
            if w in (self.strong if strong else self.preps):
                return True
            if w == "of" and i >= 1 and doc[i - 1].lower_ in self.place_nouns:
                return True
            if w == "," and i >= 1 and self._is_known(doc[i - 1:i]):
                return True  # "Pandi, Bulacan"
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in self.suffixes:
            return True
        if end + 1 < len(doc) and doc[end].text == "," and self._qualifier_at(doc, end + 1):
            return True
        return False

    def _is_known(self, span, primary: bool = False) -> bool:
        """The gazetteer knows the span's name; an all-capitals name ("FAO", "BSE") only when curated.

        primary (bool): only a place's main name counts (not an alternate name: "German" is an
            alternate name of San Germán).
        """
        text = span.text
        if not text or norm(text) not in self.gaz.index:
            return False
        if primary and not any(p for _, p in self.gaz.candidates(text)):
            return False
        if len(text) <= 6 and text.replace(".", "").isupper():
            return self._curated(text)
        return True

    def _qualifier_at(self, doc, i: int) -> Optional[tuple]:
        """(start, end, text) of a country/admin1 name or abbreviation starting at token i."""
        for n in (4, 3, 2, 1):
            if i + n > len(doc):
                continue
            span = doc[i:i + n]
            if not _capitalised(span[0]):
                continue
            if self.gaz.qualifier(span.text):
                return span.start, span.end, span.text
        return None

    def _verified(self, doc, span, label: str) -> bool:
        """Is a gazetteer-known span that NER labelled PERSON/ORG/NORP/... a toponym?"""
        if label == "PERSON":
            if self._supported(doc, span.start, span.end, strong=True):
                return True
            return any(self.gaz.curated[i] and self.gaz.feature[i] in (F_LANDMARK, F_REGION, F_WATER)
                       for i, _ in self.gaz.candidates(span.text))
        if self._supported(doc, span.start, span.end):
            return True
        i = span.start - 1
        if i >= 0 and doc[i].lower_ == "of":
            return True  # "McLellan of Edmonton"
        for c, primary in self.gaz.candidates(span.text):
            if self.gaz.curated[c] and self.gaz.feature[c] in _CURATED_OK:
                if label != "NORP" or self.gaz.feature[c] == F_COUNTRY:
                    return True
            if primary and self.gaz.pop[c] >= self.big_city:
                return True
        return False

    def _org_prefix(self, span):
        """The leading country/admin1 name of an organisation name, or None."""
        for m in (3, 2, 1):
            if m >= len(span):
                continue
            pre = span[:m]
            if any(self.gaz.curated[c] and self.gaz.feature[c] in (F_COUNTRY, F_ADMIN1) and p
                   for c, p in self.gaz.candidates(pre.text)):
                return pre
        return None

    def _big_city(self, text: str) -> bool:
        return any(p and self.gaz.pop[c] >= self.big_city for c, p in self.gaz.candidates(text))

    def _curated(self, text: str) -> bool:
        return any(self.gaz.curated[i] and self.gaz.feature[i] in _CURATED_OK
                   for i, primary in self.gaz.candidates(text))

    # main ----------------------------------------------------------------------
    def __call__(self, doc) -> list[Toponym]:
        found: list[Toponym] = []
        taken = bytearray(len(doc))  # tokens covered by an accepted toponym or a non-place entity
        blocked = bytearray(len(doc))

        def add(span, how):
            if span is None or not span.text.strip() or span.text.lower() in self.stop:
                return
            for m in (3, 2, 1):  # "Rafah" + "crossing": extend to a longer curated name
                j = span.end + m
                if j <= len(doc) and not any(taken[span.end:j]) and all(t.is_alpha for t in doc[span.end:j]) \
                        and self._curated(doc[span.start:j].text):
                    span = doc[span.start:j]
                    break
            if any(taken[span.start:span.end]):
                return
            for k in range(span.start, span.end):
                taken[k] = 1
            found.append(Toponym(span.start_char, span.end_char, span.text, how))

        for ent in doc.ents:
            label = ent.label_
            span = _strip(ent)
            if span is None:
                continue
            if label in self.accept:
                parts = [span] if self._is_known(span) else _split_commas(span)
                for p in parts:
                    p = _strip(p)
                    if p is not None:
                        add(p, "ner")
            elif label in self.check:
                if self._is_known(span):
                    add(span, "ner-check")
                else:
                    self._block(blocked, ent)
            elif label in self.verify:
                if self._is_known(span, primary=True) and self._verified(doc, span, label):
                    add(span, "gazetteer")
                else:
                    if label == "ORG":  # "U.S. Department of Agriculture", "Kentucky State Police"
                        pre = self._org_prefix(span)
                        if pre is not None:
                            add(pre, "org-prefix")
                    self._block(blocked, ent)
            else:
                self._block(blocked, ent)
        # capitalised runs outside entities
        n = len(doc)
        i = 0
        while i < n:
            tok = doc[i]
            if taken[i] or blocked[i] or not _capitalised(tok):
                i += 1
                continue
            match = None
            for m in (6, 5, 4, 3, 2, 1):
                j = i + m
                if j > n or any(taken[i:j]) or any(blocked[i:j]) or not _capitalised(doc[j - 1]):
                    continue
                span = doc[i:j]
                if span.text.count("\n"):
                    continue
                if not self._is_known(span, primary=True):
                    continue
                if self._supported(doc, i, j):
                    match = span
                elif not tok.is_sent_start and tok.pos_ == "PROPN" and self._big_city(span.text):
                    match = span
                elif self._curated(span.text) and (m > 1 or not tok.is_sent_start) and any(
                        self.gaz.feature[c] in (F_COUNTRY, F_REGION, F_WATER, F_LANDMARK, F_CONTINENT) or m > 1
                        for c, _ in self.gaz.candidates(span.text) if self.gaz.curated[c]):
                    match = span
                if match is not None:
                    break
            if match is not None:
                add(match, "gazetteer")
                i = match.end
            else:
                i += 1
        found.sort(key=lambda t: t.start)
        # qualifiers: "Paris, Texas" -> Paris qualified by Texas
        by_start = {t.start: t for t in found}
        text = doc.text
        for t in found:
            k = t.end
            while k < len(text) and text[k] == " ":
                k += 1
            if k < len(text) and text[k] == ",":
                k += 1
                while k < len(text) and text[k] == " ":
                    k += 1
                nxt = by_start.get(k)
                if nxt is not None and self.gaz.qualifier(nxt.text):
                    t.qualifier = nxt.text
                elif nxt is None:
                    # an abbreviation ("Fla.") that is not itself a toponym
                    tok = _token_at(doc, k)
                    if tok is not None:
                        q = self._qualifier_at(doc, tok.i)
                        if q is not None:
                            t.qualifier = q[2]
        return found

    @staticmethod
    def _block(blocked, ent) -> None:
        for k in range(ent.start, ent.end):
            blocked[k] = 1


def _token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _base(gaz: Gazetteer, i: int, primary: bool, cands=()) -> float:
    f = gaz.feature[i]
    if f == F_CITY:
        s = math.log10(max(gaz.pop[i], 1))
        if not gaz.curated[i] and any(p and gaz.curated[j] and gaz.feature[j] != F_CITY for j, p in cands):
            s -= SHADOW_PENALTY  # "Atlantic" the ocean, not Atlantic, Iowa
    else:
        s = FEATURE_BASE.get(f, 6.0)
    s += gaz.prior[i]
    if not primary:
        s -= ALT_NAME_PENALTY
    return s


def resolve(gaz: Gazetteer, toponyms: list[Toponym]) -> None:
    """Pick a gazetteer entry for every toponym (sets ``entry`` and ``resolved_by``).

    One sense per discourse: all mentions of the same normalised name share the
    resolution; a qualifier on any mention applies to all. Toponyms the
    gazetteer does not know keep ``entry = None`` (``resolved_by = "unresolved"``).
    """
    groups: dict[str, list[Toponym]] = {}
    for t in toponyms:
        groups.setdefault(norm(t.text), []).append(t)
    cands: dict[str, list] = {}
    quals: dict[str, set] = {}
    for key, ts in groups.items():
        text = ts[0].text
        c = gaz.candidates(text)
        if key in gaz.abbrev and ("." in text or not c):  # "Ark.", "B.C." name their state/province
            c = [(i, True) for i in gaz.abbrev[key]]
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
    for key, c in cands.items():
        if not c:
            continue
        q = quals[key]
        ranked = sorted(((_base(gaz, i, p, c) + (W_QUALIFIER if q and qual_ok(i, q) else 0.0), i) for i, p in c),
                        reverse=True)
        first[key] = ranked[0][1]
        if len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= ANCHOR_MARGIN:
            anchors[key] = ranked[0][1]

    # context from the anchors
    country_n: dict[str, int] = {}
    admin1_named: set = set()
    city_admin1_n: dict[tuple, int] = {}
    for key, e in anchors.items():
        cc = gaz.country[e]
        if cc:
            country_n[cc] = country_n.get(cc, 0) + len(groups[key]) ** 0.5
        if gaz.feature[e] == F_ADMIN1:
            admin1_named.add((cc, gaz.admin1[e]))
        elif gaz.feature[e] == F_CITY and gaz.admin1[e]:
            k2 = (cc, gaz.admin1[e])
            city_admin1_n[k2] = city_admin1_n.get(k2, 0) + 1
    cities = [(key, e) for key, e in anchors.items() if gaz.feature[e] in (F_CITY, F_LANDMARK)]

    for key, c in cands.items():
        ts = groups[key]
        if not c:
            for t in ts:
                t.resolved_by = "unresolved"
            continue
        q = quals[key]
        own = first[key]
        scored = []
        for i, primary in c:
            s = _base(gaz, i, primary, c)
            if q and qual_ok(i, q):
                s += W_QUALIFIER
            cc = gaz.country[i]
            if cc:
                n = country_n.get(cc, 0)
                if key in anchors and gaz.country[anchors[key]] == cc:
                    n -= len(ts) ** 0.5
                if n > 0.01:
                    s += W_COUNTRY * math.log2(1 + min(n, 4))
            f = gaz.feature[i]
            if f == F_CITY and (cc, gaz.admin1[i]) in admin1_named:
                s += W_ADMIN1
            elif f == F_ADMIN1:
                n = city_admin1_n.get((cc, gaz.admin1[i]), 0)
                if n:
                    s += W_ADMIN1 * min(n, 2)
            if f in (F_CITY, F_LANDMARK) and len(c) > 1:
                for k2, e in cities:
                    if k2 != key and haversine_km(gaz.lat[i], gaz.lon[i], gaz.lat[e], gaz.lon[e]) < NEAR_KM:
                        s += W_NEAR
                        break
            scored.append((s, i))
        scored.sort(reverse=True)
        best = scored[0][1]
        if len(c) == 1:
            how = "unambiguous"
        elif q and qual_ok(best, q):
            how = "qualifier"
        elif best != own:
            how = "context"
        else:
            how = "ranking"
        for t in ts:
            t.entry = best
            t.resolved_by = how


def recognise_and_resolve(recogniser: Recogniser, doc) -> list[Toponym]:
    """Recognise the toponyms of ``doc`` and resolve them. RETURNS (list[Toponym]) in text order."""
    toponyms = recogniser(doc)
    resolve(recogniser.gaz, toponyms)
    return toponyms
