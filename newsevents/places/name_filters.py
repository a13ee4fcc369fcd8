"""Toponyms that name something else (step 1 of the places stage, after recognition): the last filters
:class:`~.recognise.Recogniser` runs over what it found.

* a person's name of the article ("Kyle Rittenhouse ... Rittenhouse's release");
* the short form of a company named earlier ("Mahan Air ... Mahan has been the subject of sanctions");
* a name the model tags an organisation, person or work elsewhere ("The United Way" ... "United Way volunteers");
* a storm's name ("Hurricane Florence ... Florence made landfall");
* a name in apposition to a kinship noun or a pet ("his daughter Yulia", "his son, Sebastian"), or to an
  organisation noun ("state news firm Saba", ``organisation_nouns``);
* a name heading a noun phrase opened by "a"/"an" ("to be a Latina sitting there", ``indefinite_articles``);
* a name before a disease noun ("Powassan virus", "Lyme disease": ``disease_nouns``, ``disease_modifiers``), and
  a university's short name after "professor at" ("a trade professor at Cornell": ``institution_members``);
* the last word of a longer capitalised name ("Costa Sur power plant", "Mount Apo", "Hawke's Bay"):
  :meth:`NameFilters._name_tail`;
* the first word of a title ("Vice President-elect Harris", not Vice, Peru; ``actors/titles.tsv``,
  :func:`title_table`);
* a named part of an organisation's building ("the South Lawn of the White House", not Riverdale, Maryland,
  once called South Lawn): :meth:`NameFilters._building_part`;
* an organisation's short name after its full name ("The Washington Post ... according to the Post", not
  Post, Texas): :meth:`NameFilters._short_name_after_full`.

:class:`NameFilters` is a mixin of :class:`~.recognise.Recogniser`: it reads the recogniser's gazetteer
and cue sets (``short_form_labels``, ``short_form_heads``, ``unknown_named_labels``, ``storm_words``,
``storms_plural``, ``person_nouns``, ``organisation_nouns``, ``indefinite_articles``, ``disease_nouns``,
``disease_modifiers``, ``institution_members``, ``name_prepositions`` of
``data/places/cues.yaml``) and its lookups (``_is_known``,
``_curated``, ``_big_city``).
"""
from __future__ import annotations

from typing import Optional

from .gazetteer import F_ADMIN1, F_COUNTRY, norm_cached
from .toponym import Toponym

__all__ = ["NameFilters", "capitalised", "title_table"]


def capitalised(tok) -> bool:
    """Whether a token starts with a capital letter and has a letter."""
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


_capitalised = capitalised


def _possessive(doc, span) -> bool:
    """Whether a possessive "'s" follows the span and a word follows that ("McArthur's home")."""
    k = span.end
    return k + 1 < len(doc) and doc[k].lower_ in ("'s", "\u2019s") and doc[k + 1].is_alpha


def title_table(rows: list) -> tuple:
    """RETURNS (tuple[dict, frozenset]): from the rows of ``data/actors/titles.tsv``, the titles by their
    first word (lower-case word -> the titles' word tuples: "vice" -> [("vice", "president")]) and the
    modifier words that open a title ("vice", "deputy", "acting")."""
    by_first: dict = {}
    modifiers = set()
    for r in rows:
        words = tuple((r.get("title") or "").lower().split())
        if not words:
            continue
        if r.get("type") == "title":
            by_first.setdefault(words[0], []).append(words)
        elif r.get("type") == "modifier" and len(words) == 1:
            modifiers.add(words[0])
    return by_first, frozenset(modifiers)


class NameFilters:
    """The filters of the module docstring, as methods of the recogniser."""

    #: :func:`title_table` of the actors' titles (set by the places stage; empty: no title filter)
    titles: tuple = ({}, frozenset())
    #: :func:`.shores.shore_table`: water entry -> shore countries (set by the places stage; read after resolution)
    shores: dict = {}

    def _filter_cues(self, cues: dict) -> None:
        """Read the filters' word lists from ``cues`` (data/places/cues.yaml; see the module docstring)."""
        def words(key: str, lower: bool = True) -> set:
            return {str(w).lower() if lower else str(w) for w in (cues.get(key) or ())}

        self.person_nouns = words("person_nouns")
        self.organisation_nouns = words("organisation_nouns")
        self.indefinite_articles = words("indefinite_articles")
        self.storm_words = words("storm_words", lower=False)
        self.storms_plural = words("storms_plural")
        self.disease_nouns = words("disease_nouns")
        self.disease_modifiers = words("disease_modifiers")
        self.institution_members = words("institution_members")

    def _disease_name(self, doc, span) -> bool:
        """A name before one of ``disease_nouns``, perhaps after one of ``disease_modifiers``: "[Powassan] virus",
        "[Lyme] disease", "[Omsk] hemorrhagic fever" name a disease, not a place of the story; a country or an
        admin1 area stays ("the [Texas] flu season")."""
        k = span.end
        while k < len(doc) and doc[k].lower_ in self.disease_modifiers:
            k += 1
        if k >= len(doc) or doc[k].lower_ not in self.disease_nouns or k > span.end + 2:
            return False
        return not any(self.gaz.feature[c] in (F_COUNTRY, F_ADMIN1) for c, _ in self.gaz.candidates(span.text))

    def _institution_short_name(self, doc, span) -> bool:
        """A one-word name after "at" hanging on one of ``institution_members`` (through "of" too): "a trade
        professor at [Cornell]", "a professor of economics at [Stanford]" name a university, not its town."""
        k = span.start - 1
        if len(span) != 1 or k < 0 or doc[k].lower_ != "at":
            return False
        head = doc[k].head
        if head.lower_ not in self.institution_members and head.lemma_.lower() not in self.institution_members \
                and head.dep_ == "pobj" and head.head.lower_ == "of":
            head = head.head.head  # "professor of economics at Cornell"
        return head.lower_ in self.institution_members or head.lemma_.lower() in self.institution_members

    def _opens_title(self, doc, t) -> bool:
        """A one-word toponym that opens a title: the first word of a title of two words or more followed by
        its other words ("Vice President", "Attorney General"), or a modifier followed by a title's first word
        ("Vice President-elect", "Deputy Governor"); a country or curated place stays ("Texas Governor")."""
        by_first, modifiers = self.titles
        low = t.text.lower()
        if t.how in ("demonym", "dateline") or t.qualifier or (low not in by_first and low not in modifiers):
            return False
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) != 1 or span.end >= len(doc) or self._curated(t.text):
            return False
        after = [tok.lower_ for tok in doc[span.end:span.end + 5]]
        if low in modifiers and after[0] in by_first and _capitalised(doc[span.end]):
            return True
        return any(len(w) > 1 and tuple(after[:len(w) - 1]) == w[1:] for w in by_first.get(low, ()))

    def _drop_title_words(self, doc, found: list) -> list:
        """Drop the toponyms that open a title (:meth:`_opens_title`): "Vice President-elect Harris" is no
        place in Vice, Peru."""
        if not self.titles[0]:
            return found
        return [t for t in found if not self._opens_title(doc, t)]

    def _storm_names(self, doc) -> set:
        """The names of storms in ``doc``: the capitalised word after one of ``storm_words`` ("Hurricane
        [Florence]", "Tropical Storm [Imelda]") and the capitalised members of a list right after one of
        ``storms_plural``, or after a colon in its sentence ("hurricanes struck: [Harvey], [Irma] and [Maria]",
        "typhoons [Jebi] and [Mangkhut]")."""
        names: set = set()
        toks = list(doc)
        n = len(toks)
        for k, tok in enumerate(toks):
            two = k + 1 < n and f"{tok.text} {toks[k + 1].text}" in self.storm_words
            if (tok.text in self.storm_words or two) and k + 1 + two < n:
                nxt = toks[k + 1 + two]
                if _capitalised(nxt) and nxt.is_alpha:
                    names.add(nxt.text)
            elif tok.lower_ in self.storms_plural:
                q = k + 1
                colon = next((c for c in range(k + 1, tok.sent.end) if toks[c].text == ":"), None)
                if colon is not None:
                    q = colon + 1  # "three hurricanes struck US soil: Harvey, Irma and Maria"
                while q < n and _capitalised(toks[q]) and toks[q].is_alpha:
                    names.add(toks[q].text)
                    q += 1
                    if q < n and toks[q].text in (",", "and") and q + 1 < n:
                        q += 1 + (toks[q].text == "," and toks[q + 1].lower_ == "and")
                    else:
                        break
        return names

    def _named_after_person_noun(self, doc, t) -> bool:
        """A one-word name right after one of ``person_nouns`` (a comma between allowed) names that person
        or pet: "his daughter [Yulia]", "girlfriend [Olivia]", "a 3-year-old son, [Sebastian]"."""
        if t.how in ("demonym", "dateline") or t.qualifier or " " in t.text or self._curated(t.text):
            return False
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            return False
        k = span.start - 1
        if k >= 0 and doc[k].text == ",":
            k -= 1
        return k >= 0 and doc[k].lower_ in self.person_nouns and (k + 1 == span.start or span.end == len(doc)
                                                                  or doc[span.end].is_punct)

    def _court_district(self, span) -> bool:
        """'Northern District' in 'the Northern District of Texas': a court's jurisdiction (``court_districts``)."""
        doc = span.doc
        return (len(span) == 2 and span[0].lower_ in self.court_directions and span[1].lower_ in self.court_nouns
                and span.end < len(doc) and doc[span.end].lower_ == "of")

    def _organisation(self, doc, span, label: str) -> bool:
        """An ORG-labelled name of ``organisation_names`` ("Ford" the company), with no place cue."""
        if label != "ORG" or span.text.lower() not in self.org_names:
            return False
        if self._supported(doc, span.start, span.end, strong=True):
            return False
        return not (span.end + 1 < len(doc) and doc[span.end].text == "," and self._qualifier_at(doc, span.end + 1))

    def _given_and_family_name(self, span) -> bool:
        """An unknown two-word NER place span that reads as a person's name: a known place name, then
        one capitalised proper noun that is no place word, no curated place and no big city ("Crystal
        Munoz", tagged LOC, though a Philippine town is called Muñoz; not "Huntsville City", "Idlib
        Province", "Sinjar Mountains")."""
        if len(span) != 2 or not all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in span):
            return False
        rest = span[1]
        return self._is_known(span[:1], primary=True) and not self._curated(rest.text) \
            and not self._big_city(rest.text) and rest.lower_ not in self.place_words \
            and not self._curated(span[0].text)

    def _minor(self, t, big: bool = False) -> bool:
        """A one-word toponym of a minor place: no nationality word, dateline, street or name with a qualifier
        that holds one of its readings ("Paris, Texas"; "Hawke's Bay, New Zealand" has no Bay in New Zealand),
        and no country, curated place (region, sea, landmark, continent, admin1) and (unless ``big``) no big city
        among its readings."""
        if t.qualifier:
            held = {self.gaz.country[e] for e in self.gaz.qualifier(t.qualifier)}
            if any(self.gaz.country[c] in held for c, _ in self.gaz.candidates(t.text)):
                return False
        if t.how in ("demonym", "dateline", "street") or " " in t.text \
                or (not big and self._big_city(t.text)):
            return False
        return not any(self.gaz.feature[c] == F_COUNTRY or self.gaz.curated[c] for c, _ in self.gaz.candidates(t.text))

    def _organisation_apposition(self, doc, span) -> bool:
        """A one-word name right after one of ``organisation_nouns`` that is the whole name (no capitalised word
        follows): "state news firm [Saba] and al-Eryani", "carmaker [Toyota]"; not "the firm Cambridge
        Analytica", where the place opens the organisation's name."""
        k = span.start - 1
        if len(span) != 1 or k < 0 or doc[k].lower_ not in self.organisation_nouns or doc[k].pos_ != "NOUN":
            return False
        return span.end == len(doc) or not (_capitalised(doc[span.end]) and doc[span.end].is_alpha)

    def _indefinite_head(self, doc, span) -> bool:
        """A one-word name heading a noun phrase opened by one of ``indefinite_articles``: "to be [a Latina]
        sitting in that majority"; not a modifier of the noun ("a Chicago man", "an Iraq war veteran")."""
        k = span.start - 1
        return len(span) == 1 and k >= 0 and doc[k].lower_ in self.indefinite_articles \
            and doc[k].head.i == span.start and span[0].dep_ not in ("compound", "amod", "nmod", "poss")

    def _name_tail(self, doc, span, found_starts: set) -> Optional[int]:
        """A one-word name right after a capitalised word of the same longer name: "the Costa [Sur] power plant",
        "near Mount [Apo]", "General [Santos] City", "Pollards [Hill]", "Hawke's [Bay]" (a possessive between,
        when the word before it names no place). That word must be a proper noun, not sentence-initial, no
        direction or place word (``direction_words``, place nouns: "Northern", "Greater", "City of"), not in
        ``not_toponyms`` and no toponym itself ("Syria's Idlib", "Toronto's Gay Village" are left to other rules).
        RETURNS (int | None): the index of that word, or None."""
        if len(span) != 1 or span.start == 0:
            return None
        k = span.start - 1
        if doc[k].lower_ in ("'s", "\u2019s") and k >= 1:
            k -= 1
            if self._is_known(doc[k:k + 1], primary=True):
                return None
        w = doc[k]
        if w.is_alpha and _capitalised(w) and w.pos_ == "PROPN" and not w.is_sent_start \
                and w.lower_ not in self.place_words and w.lower_ not in self.stop and w.idx not in found_starts:
            return k
        return None

    def _small_place(self, text: str) -> bool:
        """No reading of the name is a country or a curated place (region, sea, landmark, admin1), and none a
        big city."""
        return not self._big_city(text) and not any(
            self.gaz.feature[c] == F_COUNTRY or self.gaz.curated[c] for c, _ in self.gaz.candidates(text))

    def _building_part(self, doc, span) -> bool:
        """A name that is a named part of an organisation's building: "the [South Lawn] of the White House",
        "the White House's [South Lawn]" (Riverdale, Maryland was once called South Lawn). The name is
        followed by "of the" and an entity of ``short_form_labels`` (ORG, FAC), or follows such an entity's
        possessive; a country, curated place or big city stays ("the Paris of the Gulf"), and so does a name
        ending in a place word ("Torkula village of Guma Local Government Area")."""
        if span[-1].lower_ in self.place_words:
            return False  # "Torkula village of Guma Local Government Area": a village of its district
        ents = {e.start for e in doc.ents if e.label_ in self.short_form_labels}
        k = span.end
        after = k + 2 < len(doc) and doc[k].lower_ == "of" and doc[k + 1].lower_ == "the" \
            and (k + 1 in ents or k + 2 in ents)
        before = span.start >= 1 and doc[span.start - 1].lower_ in ("'s", "\u2019s") and any(
            e.end in (span.start, span.start - 1) and e.label_ in self.short_form_labels and e.start < span.start - 1
            for e in doc.ents)
        return (after or before) and self._small_place(span.text)

    def _publication_tails(self, doc) -> dict:
        """RETURNS (dict): the last word of every organisation named in full (an entity of ``short_form_labels``
        of two capitalised words or more, a leading "the" left out: "The Washington Post", "The Baltimore Sun")
        -> the start char of its first such entity."""
        tails: dict = {}
        for ent in doc.ents:
            if ent.label_ not in self.short_form_labels:
                continue
            words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the") and t.lower_ not in ("'s", "\u2019s")]
            if len(words) >= 2 and all(_capitalised(t) and t.is_alpha for t in words):
                tails[words[-1].text] = min(tails.get(words[-1].text, ent.start_char), ent.start_char)
        return tails

    def _short_name_after_full(self, doc, span, tails: dict) -> bool:
        """A one-word name that, after "the", is the short name of an organisation named in full earlier
        (:meth:`_publication_tails`): "The Washington Post ... According to the [Post]" is the newspaper, not
        Post, Texas; a country, curated place or big city stays."""
        first = tails.get(span.text)
        return len(span) == 1 and first is not None and first < span.start_char and span.start >= 1 \
            and doc[span.start - 1].lower_ == "the" and self._small_place(span.text)

    def _drop_common_words(self, doc, found: list) -> list:
        """Drop a named part of a building (:meth:`_building_part`: "the South Lawn of the White House"), an
        organisation's short name after its full name (:meth:`_short_name_after_full`: "the Post"), the one-word
        toponyms in apposition to an organisation noun (:meth:`_organisation_apposition`), the
        minor ones (:meth:`_minor`, big cities included) that head a noun phrase opened by "a"/"an"
        (:meth:`_indefinite_head`: "a Latina", though Latina, Italy is a city of 126,000), and those (big
        cities left out) that end a longer capitalised name (:meth:`_name_tail`); where that longer name is a
        place the gazetteer knows ("camps near Goz [Beida]" split by the model), it replaces the toponym."""
        starts = {t.start for t in found}
        tails = self._publication_tails(doc)
        out = []
        for t in found:
            if t.how not in ("demonym", "dateline") and not t.qualifier:
                span = doc.char_span(t.start, t.end, alignment_mode="expand")
                if span is not None and (self._building_part(doc, span) or self._short_name_after_full(doc, span, tails)):
                    continue
            if t.how not in ("demonym", "dateline", "street"):
                span = doc.char_span(t.start, t.end, alignment_mode="expand")
                if span is not None and self._disease_name(doc, span):
                    continue
            if self._minor(t, big=True):
                span = doc.char_span(t.start, t.end, alignment_mode="expand")
                if span is not None and ((not t.qualifier and self._indefinite_head(doc, span))
                                         or self._organisation_apposition(doc, span)):
                    continue
                if span is not None and not self._big_city(t.text) and self._institution_short_name(doc, span):
                    continue
                k = self._name_tail(doc, span, starts) if span is not None and self._minor(t) else None
                if k is not None:
                    longer = doc[k:span.end]
                    if self._is_known(longer, primary=True):
                        out.append(Toponym(longer.start_char, longer.end_char, longer.text, t.how, qualifier=t.qualifier))
                    continue
            out.append(t)
        return out

    def _drop_organisation_short_forms(self, doc, found: list) -> list:
        """Drop toponyms that are the short form of an organisation named earlier in the article.

        "Iranian airline Mahan Air ... Mahan has been the subject of sanctions ... Mahan's permit":
        once a company (an entity of ``short_form_labels`` in cues.yaml, ORG or FAC, whose last word is
        one of ``short_form_heads``: "Air", "Airlines", "Group", "Bank") has been named in full, its
        leading word(s) alone name it again, not a town the gazetteer has of that
        name (Māhān, Iran). A toponym is dropped when its text opens such an entity that starts before
        it and whose other words are capitalised and none a place or building word ("Maywood
        Hospital", "Glenrock State Conservation Area" leave "Maywood", "Glenrock" alone). It stays
        with a qualifier, after one of ``name_prepositions`` ("in Mahan"), or when it names a
        country, a curated place (region, sea, landmark, admin1) or a big city ("Texas Instruments
        ... Texas", "Chicago Tribune ... Chicago"). A name the gazetteer does not know is dropped too
        where the model tags another mention of it with one of ``unknown_named_labels`` ("The United Way"
        tagged GPE, "United Way volunteers" ORG), unless one of ``name_prepositions`` stands before it.
        A storm's name (:meth:`_storm_names`) is dropped the
        same way, in every mention ("three hurricanes: Harvey, Irma and Maria").
        """
        firsts: dict = {}  # leading words -> start char of the first organisation they open
        for ent in doc.ents:
            if ent.label_ not in self.short_form_labels:
                continue
            words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
            if not words or words[-1].text not in self.short_form_heads:
                continue
            for k in range(1, len(words)):
                rest = words[k:]
                if all(_capitalised(t) and t.is_alpha and t.lower_ not in self.place_words
                       and t.text not in self.building_words for t in rest):
                    name = " ".join(t.text for t in words[:k])
                    firsts[name] = min(firsts.get(name, ent.start_char), ent.start_char)
        storms = self._storm_names(doc)
        named = {ent.text[4:] if ent.text.startswith(("The ", "the ")) else ent.text
                 for ent in doc.ents if ent.label_ in self.unknown_named_labels}
        if not firsts and not storms and not named:
            return found
        out = []
        for t in found:
            if t.text in named and norm_cached(t.text) not in self.gaz.index \
                    and t.how not in ("demonym", "dateline", "street", "entered"):
                span = doc.char_span(t.start, t.end, alignment_mode="expand")
                if span is not None and not self._after_strong_preposition(doc, span.start):
                    continue  # "The United Way" (GPE) ... "United Way volunteers" (ORG)
            if self._named_after_person_noun(doc, t):
                continue
            storm = t.text in storms
            first = -1 if storm else firsts.get(t.text)
            if first is not None and first < t.start and t.how != "demonym" and not t.qualifier:
                span = doc.char_span(t.start, t.end, alignment_mode="expand")
                if span is not None and not self._after_strong_preposition(doc, span.start) \
                        and not self._curated(t.text) and (storm or not self._big_city(t.text)) \
                        and not any(p and self.gaz.feature[c] == F_COUNTRY for c, p in self.gaz.candidates(t.text)):
                    continue
            out.append(t)
        return out

    def _drop_name_parts(self, doc, found: list) -> list:
        """Drop toponyms that are a person's name in this article.

        "Kyle Rittenhouse ... Rittenhouse's release", "Carrie Lam ... Lam was interrupted",
        "Jamal Khashoggi ... Khashoggi", "Wiranto" (tagged PERSON elsewhere), "the Bidens":
        the model tags the bare name GPE, and the gazetteer may have a town of that name. A
        toponym is dropped when its text (or, for a plural, its text without the final "s") is a
        word of a PERSON entity of two or more words elsewhere in the article (or, for a name
        the gazetteer does not know, a whole one-word PERSON entity there), or when a PERSON entity follows it directly ("Crystal
        Munoz" split as GPE + PERSON). It stays with a qualifier ("Jackson, Mississippi"), right
        after one of ``name_prepositions`` ("in Jackson"; not "shouted at Lam", and a comma before
        it does not count: "Antioch, Illinois, Rittenhouse is accused") when the gazetteer knows
        it and is not the person's family name as a possessive ("Bruce McArthur ... inside McArthur's home",
        "Jerry Garcia ... to collaborate in Garcia's new group": the preposition governs the possessed noun), or when it names a country or a curated place
        (a region, sea or landmark: "Panmunjom", which the model also tags PERSON).
        """
        names: set = set()
        single: set = set()  # one-word PERSON entities
        surnames: set = set()  # the last words of PERSON entities of two words or more
        person_start: set = set()
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                person_start.add(ent.start)
                words = [t.text for t in ent if t.is_alpha and _capitalised(t)]
                if len(words) >= 2:
                    names.update(words)
                    surnames.add(words[-1])
                elif len(words) == 1 and len(ent) == 1:
                    single.update(words)
        if not names and not single and not person_start:
            return found
        out = []
        for t in found:
            if t.how != "demonym" and not t.qualifier:
                span = doc.char_span(t.start, t.end, alignment_mode="expand")
                named = t.text in names or (t.text.endswith("s") and t.text[:-1] in names) \
                    or (t.text in single and span is not None and not self._is_known(span))
                if span is not None and (named or (len(span) == 1 and span.end in person_start)) \
                        and not (self._is_known(span) and self._after_strong_preposition(doc, span.start)
                                 and not (t.text in surnames and _possessive(doc, span))) \
                        and not any(p and self.gaz.feature[c] == F_COUNTRY for c, p in self.gaz.candidates(t.text)) \
                        and not self._curated(t.text):
                    continue
            out.append(t)
        return out

    def _after_strong_preposition(self, doc, start: int) -> bool:
        """A strong preposition ("in", "at", "near") right before token ``start`` (or before "the")."""
        i = start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        return i >= 0 and doc[i].lower_ in self.name_prepositions
