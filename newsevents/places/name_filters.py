"""Toponyms that name something else (step 1 of the places stage, after recognition): the last filters
:class:`~.recognise.Recogniser` runs over what it found.

* a person's name of the article ("Kyle Rittenhouse ... Rittenhouse's release");
* the short form of a company named earlier ("Mahan Air ... Mahan has been the subject of sanctions");
* a name the model tags an organisation, person or work elsewhere ("The United Way" ... "United Way volunteers");
* a storm's name ("Hurricane Florence ... Florence made landfall");
* a name in apposition to a kinship noun or a pet ("his daughter Yulia", "his son, Sebastian").

:class:`NameFilters` is a mixin of :class:`~.recognise.Recogniser`: it reads the recogniser's gazetteer
and cue sets (``short_form_labels``, ``short_form_heads``, ``unknown_named_labels``, ``storm_words``,
``storms_plural``, ``person_nouns``, ``name_prepositions`` of ``data/places/cues.yaml``) and its lookups (``_is_known``,
``_curated``, ``_big_city``).
"""
from __future__ import annotations

from .gazetteer import F_COUNTRY, norm_cached

__all__ = ["NameFilters", "capitalised"]


def capitalised(tok) -> bool:
    """Whether a token starts with a capital letter and has a letter."""
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


_capitalised = capitalised


class NameFilters:
    """The filters of the module docstring, as methods of the recogniser."""

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
                    and t.how not in ("demonym", "dateline", "street"):
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
        it, or when it names a country or a curated place
        (a region, sea or landmark: "Panmunjom", which the model also tags PERSON).
        """
        names: set = set()
        single: set = set()  # one-word PERSON entities
        person_start: set = set()
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                person_start.add(ent.start)
                words = [t.text for t in ent if t.is_alpha and _capitalised(t)]
                if len(words) >= 2:
                    names.update(words)
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
                        and not (self._is_known(span) and self._after_strong_preposition(doc, span.start)) \
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
