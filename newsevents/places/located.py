"""Names that are places by where they stand in the sentence (step 1 of the places stage).

* :func:`destination`: after "to"/"from"/"into" hanging from a verb of going ("driving to [Castlegar]");
* :func:`entered`, :func:`entered_conjunct`: the object of a verb of entering or taking a place ("the
  army entered [Tell Tamer] and [Ain Issa]");
* :class:`LocatedNames`: right after a locative preposition, whatever the NER model tagged it.

The small English model tags some towns of the news as dates or persons, or leaves them out: "in
[Manbij]" (DATE), "militias from [Misrata]" (PERSON), "the city of [Douma]". Such a name is a toponym when
it is the object of a preposition that introduces where something is or comes from (``located.prepositions``
in data/places/cues.yaml), or follows "<place noun> of" (``place_nouns``), and the gazetteer knows it: as a
place's main name, or as an alternate name of a place of at least ``located.alternate_population`` people
(GeoNames files the big towns of the Arab world and elsewhere under a transliteration, "Dūmā", "Mişrātah",
with the English spelling among the alternate names; a small place's alternate names are too often a word
or a person's name to be taken without a place's own cue). Not taken:

* a name of two or more words the model tags PERSON ("in Matt Smith": a person's full name is the likelier
  reading);
* a one-word name tagged PERSON after a preposition outside ``located.person_prepositions`` ("from") when it
  is a place's main name: "a letter from [Jackson]" (towns named after people share their names); "from
  [Misrata]", known only as an alternate spelling of GeoNames "Mişrātah", is taken;
* a name tagged with a label of ``located.never_labels``, and a name tagged DATE holding a word of the
  dates stage's lexicon ("in [March]": data/dates/lexicon.yaml, lists ``located.date_word_lists``);
* an all-capitals word of up to four letters ("in the [EU]": the gazetteer's "EU" is Eu, France).
"""
from __future__ import annotations

from ..data import load_yaml
from .name_filters import capitalised

__all__ = ["LocatedNames", "destination", "entered", "entered_conjunct"]


def destination(doc, span, prepositions: set, verbs: set) -> bool:
    """A one-word name right after "to"/"from"/"into" (``prepositions``: ``destinations.prepositions`` of
    cues.yaml) that hangs from a verb of going (``verbs``, lemmas): "driving to [Castlegar]", "moved to
    [Thornhill]", "a show comes to [Clacton]"; not "wrote to Smith", "a letter from Jackson"."""
    i = span.start - 1
    if len(span) != 1 or i < 0 or doc[i].lower_ not in prepositions or doc[i].head.i == i:
        return False
    head = doc[i].head
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in verbs


def entered(span, verbs: set) -> bool:
    """The span is the direct object of a verb of entering or taking a place (``verbs``: ``entered_places``
    of cues.yaml): "the Syrian Army entered [Tell Tamer]", "troops stormed [Kunduz]"."""
    root = span.root
    return root.dep_ == "dobj" and root.head.pos_ == "VERB" and root.head.lemma_.lower() in verbs


def entered_conjunct(span, found: list) -> bool:
    """An unknown capitalised name joined by "and"/"or" to a place found as the object of a verb of
    entering (:func:`entered`; ``found``: the Toponyms so far): "entered Tell Tamer and [Ain Issa]"."""
    root = span.root
    if root.dep_ != "conj" or not all(capitalised(t) or not t.is_alpha for t in span):
        return False
    head = root.head
    return any(t.how == "entered" and t.start <= head.idx < t.end for t in found)


class LocatedNames:
    """Decides whether a span after a locative preposition is a toponym (see the module docstring).

    gaz (Gazetteer): the gazetteer. cues (dict): data/places/cues.yaml, key ``located``:
        ``prepositions`` (list[str], lower-case), ``alternate_population`` (int),
        ``never_labels`` (list[str], NER labels never taken), ``person_prepositions`` (list[str]: after the
        other prepositions a name tagged PERSON is taken only as an alternate name), ``date_word_lists``
        (list[str], keys of
        data/dates/lexicon.yaml); key ``place_nouns`` (list[str]).
    RAISES DataError: data/dates/lexicon.yaml is missing or malformed.
    """

    def __init__(self, gaz, cues: dict):
        conf = cues.get("located") or {}
        self.gaz = gaz
        self.prepositions = {str(w).lower() for w in (conf.get("prepositions") or ())}
        self.alternate_population = int(conf.get("alternate_population") or 50000)
        self.never_labels = {str(w) for w in (conf.get("never_labels") or ())}
        self.person_prepositions = {str(w).lower() for w in (conf.get("person_prepositions") or ())}
        self.place_nouns = {str(w).lower() for w in (cues.get("place_nouns") or ())}
        lists = conf.get("date_word_lists") or ()
        lexicon = load_yaml("dates/lexicon.yaml") if lists else {}
        self.date_words = {str(w).lower() for k in lists for w in (lexicon.get(k) or ())}

    def known(self, text: str) -> bool:
        """The gazetteer knows ``text`` as a main name, or as an alternate name of a big place."""
        return any(primary or self.gaz.pop[c] >= self.alternate_population
                   for c, primary in self.gaz.candidates(text))

    def __call__(self, doc, span, label: str = "") -> bool:
        """Is ``span`` (a Span of ``doc``, tagged ``label`` by NER, "" when untagged) a located name?

        RETURNS (bool): True when the token before the span is one of the prepositions and the span's
            root hangs from it, or "<place noun> of" comes before it, every word is capitalised, and
            :meth:`known` holds.
        """
        i = span.start - 1
        if i < 0:
            return False
        cue = doc[i].lower_ in self.prepositions and span.root.head.i == i
        cue = cue or (doc[i].lower_ == "of" and i >= 1 and doc[i - 1].lower_ in self.place_nouns)
        if not cue or label in self.never_labels or (label == "PERSON" and len(span) > 1):
            return False
        if label == "PERSON" and doc[i].lower_ not in self.person_prepositions and any(
                primary for _, primary in self.gaz.candidates(span.text)):
            return False  # "a letter from Jackson": a town's main name is a surname too
        if label == "DATE" and any(t.lower_ in self.date_words for t in span):
            return False
        if not all(t.text[:1].isupper() for t in span if t.is_alpha):
            return False
        text = span.text
        if text.isupper() and len(text) <= 4:
            return False  # "in the EU", "in SA": an abbreviation, not a small town of that name
        return self.known(text)
