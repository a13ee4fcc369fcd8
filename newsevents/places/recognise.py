"""Toponym recognition over a spaCy Doc (step 1 of the places stage).

:class:`Recogniser` does not trust NER labels alone (the small
English model tags "Panmunjom" as PERSON and "DMZ" as ORG):

* GPE/LOC entities are toponyms (a leading "the" and a trailing "'s" are cut; "Paris, Texas" inside one
  entity is split at the comma; an unknown one opened by a nationality adjective, "the Russian Empire", is it);
* FAC entities are toponyms when the gazetteer knows the name;
* PERSON/ORG/NORP/... entities and capitalised token runs outside entities
  are toponyms when they exactly match a gazetteer name *and* have support:
  a locative preposition or place noun before them ("in X", "town of X"),
  an "X-based" suffix, a following ", <country/admin1>" qualifier, or the
  name is a curated one (country, admin1, region, sea, landmark of the
  supplement) and the entity label is not PERSON;
* a dateline (:mod:`.datelines`): an all-capitals name opening a paragraph or a sentence, followed
  by "(" or a dash, perhaps after ", <Region>" ("BEIRUT (Reuters) -", "MEXICO CITY --",
  "SAN ANTONIO, Texas (AP) --"), the convention of agency copy (AP Stylebook, "datelines"), when
  the gazetteer knows the name;
* a one-word name tagged PERSON after to/from/into hanging from a verb of going ("driving to
  Castlegar", ``destinations`` in cues.yaml), the object of a verb of entering ("entered Tell Tamer"), and a
  name after in/near/outside/around/from or "<place noun> of" whatever NER tagged it, an alternate name of a
  big town too ("in Manbij" DATE, "from Misrata" PERSON; ``located`` in cues.yaml) (:mod:`.located`);
* the known members of a list headed by a toponym, a name's other mentions, street names and numbered
  roads, the town of an ORG/FAC entity "<town>'s <street or building>" (:mod:`.mentions`);
* not a toponym: a name that names something else in the article, a person, a company, a storm
  (:mod:`.name_filters`), a letter-digit code ("M16") or a short unknown abbreviation ("AI") the model
  tags GPE, a "Gulf of X" cut to X (``water_and_landform_nouns``).

Nationality adjectives and demonyms ("North Korean soil", "Georgians") are
recognised as toponyms of their country (``how = "demonym"``), as the
geoparsing gold sets annotate them; the forms come from
``data/actors/countries.tsv`` (:mod:`.demonyms`); the adjectives of regions and continents ("Central
American", "Southeast Asian") are toponyms of their region the same way (``data/places/region_adjectives.tsv``,
:func:`.demonyms.region_adjective_table`), not of the country of their last word. The stage keeps them out of ``analysis.places``
(see :mod:`newsevents.places`).
"""
from __future__ import annotations

import re
from typing import Optional

from .datelines import is_dateline
from .located import LocatedNames, destination, entered, entered_conjunct
from .demonyms import add_demonyms, demonym_table
from .gazetteer import (F_ADMIN1, F_ADMIN2, F_CONTINENT, F_COUNTRY, F_LANDMARK, F_REGION, F_WATER, Gazetteer,
                        norm_cached)
from .name_filters import NameFilters, capitalised as _capitalised
from .mention_cues import assign_qualifiers
from .mentions import POSSESSOR, list_members, possessor_prefix, repeat_mentions, road_numbers, street_names
from .toponym import Toponym

__all__ = ["Recogniser", "demonym_table"]

_CURATED_OK = (F_COUNTRY, F_ADMIN1, F_REGION, F_WATER, F_LANDMARK, F_CONTINENT)


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


class Recogniser(NameFilters):
    """Finds toponym spans in a Doc using NER + the gazetteer (see module docstring)."""

    def __init__(self, gaz: Gazetteer, cues: dict, demonyms: Optional[dict] = None):
        self.gaz = gaz
        #: surface form ("Sri Lankan", "Americans") -> country entry, see :func:`demonym_table`
        self.demonyms: dict = demonyms or {}
        self._demonym_max = max((len(k.split()) for k in self.demonyms), default=0)
        self.preps = set(cues.get("locative_prepositions") or ())
        self.place_nouns = set(cues.get("place_nouns") or ())
        self.suffixes = set(cues.get("place_suffixes") or ())
        self.strong = set(cues.get("strong_prepositions") or ("in", "at", "near"))
        self.name_prepositions = set(cues.get("name_prepositions") or ("in", "near"))
        motion = cues.get("destinations") or {}
        self.motion_prepositions = {str(w).lower() for w in (motion.get("prepositions") or ())}
        self.motion_verbs = {str(w).lower() for w in (motion.get("verbs") or ())}
        self.stop = {str(w).lower() for w in (cues.get("not_toponyms") or ())}
        self.directions = {str(w).lower() for w in (cues.get("direction_words") or ())}
        #: words that may follow a place's name inside a longer place name ("Idlib Province")
        self.place_words = self.place_nouns | self.directions | {
            str(w).lower() for w in (cues.get("generic_division_words") or ())} | {
            str(w).lower() for w in ((cues.get("street_types") or {}).get("words") or ())}
        self.landform_nouns = {str(w).lower() for w in (cues.get("water_and_landform_nouns") or ())}
        self.big_city = int(cues.get("big_city_population") or 100000)
        self.function_pos = set(cues.get("function_pos") or ())
        court = cues.get("court_districts") or {}
        self.court_directions = {str(w).lower() for w in (court.get("directions") or ())}
        self.court_nouns = {str(w).lower() for w in (court.get("nouns") or ())}
        self.org_names = {str(w).lower() for w in (cues.get("organisation_names") or ())}
        self.short_form_labels = set(cues.get("short_form_labels") or ("ORG", "FAC"))
        self.short_form_heads = {str(w) for w in (cues.get("short_form_heads") or ())}
        self.unknown_named_labels = set(cues.get("unknown_named_labels") or ())
        self.entered_places = {str(w).lower() for w in (cues.get("entered_places") or ())}
        self._filter_cues(cues)
        #: the head words of buildings and venues (``facility_heads``): "Maywood Hospital" is no organisation
        self.building_words = {str(w) for w in (cues.get("facility_heads") or ())}
        self.saints = {str(w) for w in (cues.get("saint_words") or ())}
        #: every nationality form of data/actors/countries.tsv, also those a town shares ("Canadian")
        self.nationality_forms: set = set()
        #: group words that name a region only where recognised otherwise ("Arab": the Arab world, not
        #: Arab, Alabama; ``alone`` "no" in data/places/region_adjectives.tsv) -> the region's entry
        self.group_words: dict = {}
        streets = cues.get("street_types") or {}
        self.street_types = set(streets.get("words") or ())
        self.street_abbreviations = set(streets.get("abbreviations") or ())
        self.street_plurals = {str(w).lower() for w in (streets.get("plurals") or ())}
        self.street_blocks = {str(w).lower() for w in (streets.get("blocks") or ())}
        roads = cues.get("road_numbers") or {}
        self.road_pattern = re.compile(roads["pattern"]) if roads.get("pattern") else None
        self.road_prepositions = {str(w).lower() for w in (roads.get("prepositions") or ())}
        self.road_after = {str(w).lower() for w in (roads.get("after") or ())}
        labels = cues.get("ner_labels") or {}
        self.accept = set(labels.get("accept") or ("GPE", "LOC"))
        self.located = LocatedNames(gaz, cues)
        self.check = set(labels.get("check") or ("FAC",))
        self.verify = set(labels.get("verify") or ("PERSON", "ORG", "NORP"))

    # support -------------------------------------------------------------
    def _supported(self, doc, start: int, end: int, strong: bool = False) -> bool:
        """Locative cue around tokens start:end ("in X", "town of X", "<person>, of X", "X-based", "X, Texas", a known
        place before a comma: "Pandi, X", "Dodge City, X" when "Dodge City" is a GPE/LOC entity).

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
            if w == "of" and i >= 1 and (doc[i - 1].ent_type_ == "PERSON" or (
                    doc[i - 1].text == "," and i >= 2 and doc[i - 2].ent_type_ == "PERSON")):
                return True  # "Jodi Mahler of Bellmore", "Miss Abdhou, of Hayes": where a person lives
            if w == "," and i >= 1 and self._is_known(doc[i - 1:i]):
                return True  # "Pandi, Bulacan"
            if w == "," and i >= 2 and doc[i - 1].ent_type_ in self.accept and doc[i - 1].ent_iob_ == "I":
                j = i - 1  # "Dodge City, Great Bend": a longer GPE/LOC entity the gazetteer knows
                while j > 0 and doc[j].ent_iob_ == "I":
                    j -= 1
                if doc[j].ent_iob_ == "B" and self._is_known(doc[j:i]):
                    return True
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in self.suffixes:
            return True
        if end + 1 < len(doc) and doc[end].text == "," and self._qualifier_at(doc, end + 1):
            return True
        return False

    def _is_known(self, span, primary: bool = False, capitals: bool = False) -> bool:
        """The gazetteer knows the span's name; an all-capitals name ("FAO", "BSE") only when curated.

        primary (bool): only a place's main name counts (not an alternate name: "German" is an
            alternate name of San Germán). capitals (bool): a short all-capitals name counts too
            (a dateline's "PARIS").
        """
        text = span.text
        if not text or norm_cached(text) not in self.gaz.index:
            return False
        if primary and not any(p for _, p in self.gaz.candidates(text)):
            return False
        if len(text) <= 6 and text.replace(".", "").isupper() and not capitals:
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
        if entered(span, self.entered_places):
            return True
        if label == "PERSON":
            if self._supported(doc, span.start, span.end, strong=True) or \
                    destination(doc, span, self.motion_prepositions, self.motion_verbs):
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

    def _curated_extension(self, span_doc, span):
        """The span with 1-3 following words when that is a curated name ("Amazon rainforest"), else None."""
        for m in (3, 2, 1):
            j = span.end + m
            if j <= len(span_doc) and all(t.is_alpha for t in span_doc[span.end:j]) \
                    and self._curated(span_doc[span.start:j].text):
                return span_doc[span.start:j]
        return None

    def _org_prefix(self, span):
        """The leading country/admin1 name of an organisation name, or None."""
        for m in (3, 2, 1):
            if m >= len(span):
                continue
            pre = span[:m]
            if any(self.gaz.curated[c] and self.gaz.feature[c] in (F_COUNTRY, F_ADMIN1, F_ADMIN2) and p
                   for c, p in self.gaz.candidates(pre.text)):
                return pre
        return None

    def _possessor(self, span, label: str):
        """:func:`.mentions.possessor_prefix` of a big city, curated place or name said again (not "Wilson's Farm")."""
        return possessor_prefix(span, label, lambda p: self._is_known(p, primary=True) and (
            self._big_city(p.text) or self._curated(p.text) or any(m.start() != p.start_char for m in re.finditer(
                rf"\b{re.escape(p.text)}\b", p.doc.text))), self.building_words, self.street_types, self.saints)

    def _known_part(self, span):
        """The longest gazetteer-known proper-name part of an unknown NER place span, or None.

        "Northeast Georgia" -> Georgia, "Far North Queensland" -> Queensland,
        "State of Illinois' Web" -> Illinois, "Huntsville City" -> Huntsville,
        "West Virginia Democratic Party" -> West Virginia. A part must end in a
        proper noun, must not start with a direction word (``direction_words`` in
        cues.yaml), must not follow a capitalised proper noun of the span that is no place word unless it is a
        curated place or a big city ("Costa Sur", "Mount Apo", "General Santos City" have no known part: not
        Sur, Oman) and must be a place's main name. A "<water or landform noun> of <Name>" span
        ("Gulf of Oman", ``water_and_landform_nouns``) has no such part: it names a place of its own,
        not Oman.
        """
        n = len(span)
        if n < 2 or n > 8 or (n >= 3 and span[0].lower_ in self.landform_nouns and span[1].lower_ == "of"):
            return None
        for size in range(n - 1, 0, -1):
            for a in range(0, n - size + 1):
                sub = span[a:a + size]
                if sub[-1].pos_ != "PROPN" or not _capitalised(sub[0]) or sub[0].lower_ in self.directions \
                        or sub.text.lower() in self.stop:
                    continue
                before = span[a - 1] if a else None  # "Costa Sur", "Mount Apo": a word of a longer name
                if before is not None and before.is_alpha and _capitalised(before) and before.pos_ == "PROPN" \
                        and before.lower_ not in self.place_words and not self._curated(sub.text) \
                        and not self._big_city(sub.text):
                    continue
                if self._is_known(sub, primary=True):
                    return sub
        return None

    def _big_city(self, text: str) -> bool:
        return any(p and self.gaz.pop[c] >= self.big_city for c, p in self.gaz.candidates(text))

    def _curated(self, text: str) -> bool:
        return any(self.gaz.curated[i] and self.gaz.feature[i] in _CURATED_OK
                   for i, primary in self.gaz.candidates(text))

    # main ----------------------------------------------------------------------
    def __call__(self, doc) -> list[Toponym]:
        found: list[Toponym] = []
        text = doc.text
        toks = list(doc)
        starts = [t.idx for t in toks]
        words = [t.text for t in toks]
        ends = [a + len(w) for a, w in zip(starts, words)]
        caps = [bool(w) and w[0].isupper() and any(c.isalpha() for c in w) for w in words]  # _capitalised
        taken = bytearray(len(doc))  # tokens covered by an accepted toponym or a non-place entity
        blocked = bytearray(len(doc))

        def add(span, how):
            if span is None or not span.text.strip() or span.text.lower() in self.stop \
                    or not any(t.text[:1].isupper() for t in span):
                return  # "the west coast city of Izmir": NER's lower-case LOC is no name
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

        for i, tok in enumerate(toks):  # datelines in capitals, also those inside a longer entity
            if tok.is_upper and tok.is_alpha and not (i and toks[i - 1].is_upper and toks[i - 1].is_alpha):
                j = i + 1  # "SAN ANTONIO Turner Sports/CBS analyst", "Associated Press WASHINGTON (AP)"
                while j < len(toks) and j < i + 4 and toks[j].is_upper and toks[j].is_alpha:
                    j += 1
                if is_dateline(doc, i, j) and self._is_known(doc[i:j], primary=True, capitals=True):
                    add(doc[i:j], "dateline")
        for ent in doc.ents:
            label = ent.label_
            span = _strip(ent)
            if span is None:
                continue
            if self._court_district(span) or self._organisation(doc, span, label):
                self._block(blocked, ent)
                continue
            if label in self.accept:
                parts = [span] if self._is_known(span) else _split_commas(span)
                for p in parts:
                    p = _strip(p)
                    if p is None:
                        continue
                    e = self.demonyms.get(p.text)
                    if e is not None and not any(taken[p.start:p.end]):
                        for k in range(p.start, p.end):
                            taken[k] = 1
                        found.append(Toponym(p.start_char, p.end_char, p.text, "demonym", forced=e))
                        continue
                    if not self._is_known(p):
                        if self._given_and_family_name(p) or _code(p) or (
                                _abbreviation(p) and not self.gaz.qualifier(p.text)):
                            continue
                        sub = self._known_part(p)
                        if sub is not None:
                            add(sub, "ner-part")
                            continue
                        e = self.demonyms.get(p[0].text) if len(p) > 1 and _capitalised(p[1]) else None
                        if e is not None and not taken[p.start]:  # "the Russian Empire": Russia's adjective
                            taken[p.start] = 1
                            found.append(Toponym(p[0].idx, p[0].idx + len(p[0].text), p[0].text, "demonym", forced=e))
                            continue
                    add(p, "ner")
            elif label in self.check:
                if self._is_known(span):
                    add(span, "ner-check")
                else:
                    add(self._possessor(span, label), POSSESSOR)
                    self._block(blocked, ent)
            elif label in self.verify and is_dateline(doc, span.start, span.end) \
                    and self._is_known(span, primary=True, capitals=True):
                add(span, "dateline")  # 'BEIRUT (Reuters) -': the model tags the dateline ORG
            elif label in self.verify:
                longer = self._curated_extension(doc, span)
                if longer is not None:  # "Amazon" (ORG) + "rainforest": the curated region
                    add(longer, "gazetteer")
                elif self._is_known(span, primary=True) and self._verified(doc, span, label):
                    add(span, "entered" if entered(span, self.entered_places) else "gazetteer")
                elif label in ("PERSON", "ORG") and entered_conjunct(span, found):
                    add(span, "entered")  # "entered Tell Tamer and Ain Issa": unresolved where unknown
                elif self.located(doc, span, label):
                    add(span, "located")  # "militias from Misrata": an alternate name of a big town
                else:
                    if label == "ORG":  # "U.S. Department of Agriculture", "Kentucky State Police"
                        pre = self._org_prefix(span)
                        if pre is not None:
                            add(pre, "org-prefix")
                        else:
                            add(self._possessor(span, label), POSSESSOR)
                    self._block(blocked, ent)
            elif self.located(doc, span, label):
                add(span, "located")  # "in Manbij" tagged DATE
            else:
                self._block(blocked, ent)
        if self.demonyms:
            add_demonyms(doc, found, taken, self.demonyms, self._demonym_max, text, starts, ends, caps)
        # capitalised runs outside entities
        n = len(doc)
        index = self.gaz.index
        i = 0
        while i < n:
            if taken[i] or blocked[i] or not caps[i]:
                i += 1
                continue
            tok = toks[i]
            match, how = None, "gazetteer"
            for m in (6, 5, 4, 3, 2, 1):
                j = i + m
                if j > n or any(taken[i:j]) or any(blocked[i:j]) or not caps[j - 1]:
                    continue
                stext = text[starts[i]:ends[j - 1]]  # span.text
                if "\n" in stext or not stext or norm_cached(stext) not in index:
                    continue     # (not _is_known: checked first on the text, without a Span)
                span = doc[i:j]
                dateline = is_dateline(doc, i, j)
                if not self._is_known(span, primary=True, capitals=dateline):
                    if self.located(doc, span):  # "rebels in Douma": an alternate name of a big town
                        match, how = span, "located"
                        break
                    continue
                if m == 1 and tok.pos_ in self.function_pos:
                    continue  # "Still, Hawaii's experience ...": an adverb, not Still, Hawaii
                if self._supported(doc, i, j):
                    match = span
                elif not tok.is_sent_start and tok.pos_ == "PROPN" and self._big_city(span.text):
                    match = span
                elif dateline:
                    match, how = span, "dateline"
                elif self._curated(span.text) and (m > 1 or not tok.is_sent_start) and any(
                        self.gaz.feature[c] in (F_COUNTRY, F_REGION, F_WATER, F_LANDMARK, F_CONTINENT) or m > 1
                        for c, _ in self.gaz.candidates(span.text) if self.gaz.curated[c]):
                    match = span
                if match is not None:
                    break
            if match is not None:
                add(match, how)
                i = match.end
            else:
                i += 1
        list_members(doc, found, taken, blocked, self.stop, lambda span: self._is_known(span, primary=True))
        if self.street_types:
            street_names(doc, found, taken, self.street_types, self.street_abbreviations,
                         plurals=self.street_plurals, blocks=self.street_blocks)
        if self.road_pattern is not None:
            road_numbers(doc, found, taken, self.road_pattern, self.road_prepositions, self.road_after)
        repeat_mentions(doc, found, taken, self.stop,
                        lambda name: norm_cached(name) in index and name not in self.nationality_forms)
        found.sort(key=lambda t: t.start)
        assign_qualifiers(self.gaz, doc, found, self._qualifier_at)  # "Paris, Texas": Paris qualified by Texas
        for t in found:  # "Arab" recognised as a town's name: a region's group word, unless qualified
            e = self.group_words.get(t.text)
            if e is not None and t.forced is None and not t.qualifier:
                t.how, t.forced = "demonym", e
        found = self._drop_organisation_short_forms(doc, self._drop_name_parts(doc, found))
        return self._drop_common_words(doc, self._drop_title_words(doc, found))

    @staticmethod
    def _block(blocked, ent) -> None:
        for k in range(ent.start, ent.end):
            blocked[k] = 1


def _code(span) -> bool:
    """One token of letters and digits ("M16", "GT3", "A380"): a model, product or bill number the model tags
    GPE, when the gazetteer does not know it (a numbered road is found by its cues, :func:`.mentions.road_numbers`)."""
    t = span.text
    return len(span) == 1 and any(c.isdigit() for c in t) and any(c.isalpha() for c in t)


def _abbreviation(span) -> bool:
    """One all-capitals token of at most four letters, without periods ("AI", "OT", "DBS", "HB"), that the
    gazetteer does not know: an abbreviation the model tags GPE. The known ones ("UK", "NYC") and datelines
    are taken before; the caller keeps a state's abbreviation ("WA") and a dotted one ("D.C.", "L.A.")."""
    t = span.text
    return len(span) == 1 and t.isalpha() and t.isupper() and len(t) <= 4
