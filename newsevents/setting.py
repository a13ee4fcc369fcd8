"""Which words of a sentence may give an event its place and its date: the event's setting.

Read by :func:`newsevents.places.place_for_clause` and :func:`newsevents.dates.date_for_clause`,
which pick one toponym or temporal expression for an event trigger. Both need the same facts
about the parse, kept here so that they read a sentence the same way:

* :func:`relation_phrases`: the phrases that tell *another* event, related to the clause's in time
  or as its cause ("in response to the US airstrike at a Baghdad airport", "since an assault in
  Ghazni in August 2018", "after Washington invaded the country"). What such a phrase places or
  dates is that event's; an event told inside it takes its place and date from it alone.
* :func:`scope`: for a trigger, the phrase it is told in (if any) and the phrases that are foreign to it.
* :func:`in_relative_clause`: a word inside a relative or participle clause of a noun that does not
  hold the trigger ("elections which were held on June 21" for "eased lockdown measures").
* :func:`biography_clause`: "Born on June 23, 1941, he met ...": a date of a life's own event (a
  birth) dates that, not the sentence's other events nor the day the text narrates.
* :func:`contrasted`: "In other parts of the city, police used tear gas": the clause says its place
  is not the one the text has been narrating.
* :func:`told_later`: "She subsequently left the UK": some time after the day the text narrates.
* :func:`same_time`: "died on Tuesday after being shot", "a few hours before the jet crashed":
  the phrase's event happened close in time to the main one (not "since an assault", "one week
  after an attack").

The word lists are in ``data/events/setting.yaml`` (documented there).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .data import load_yaml

__all__ = ["SettingRules", "setting_rules", "relation_phrases", "scope", "inside", "in_relative_clause",
           "same_time", "biography_clause", "contrasted", "relation_word", "told_later", "status_time"]

#: NER labels of a preposition's object that make the phrase a time ("since June"), not an event
_TIME_LABELS = ("DATE", "TIME")
#: dependencies of a clause that modifies a noun
_NOUN_CLAUSE_DEPS = ("relcl", "acl")


@dataclass(frozen=True)
class SettingRules:
    """The lists of ``data/events/setting.yaml``, lower-cased."""

    relation_prepositions: frozenset
    relation_nouns: frozenset
    relation_pairs: tuple  # ((word, preposition), ...)
    relation_marks: frozenset
    sequence_words: frozenset
    same_day_units: frozenset
    reference_directions: frozenset
    static_prepositions: frozenset
    biography_verbs: frozenset
    contrast_words: frozenset
    earlier_words: frozenset
    topic_prepositions: frozenset
    later_adverbs: frozenset
    other_event_prepositions: frozenset
    same_time_marks: frozenset = frozenset()
    home_verbs: frozenset = frozenset()
    source_phrases: tuple = ()  # (("according", "to"), ...)
    status_phrases: tuple = ()  # (("as", "of"), ...)


@lru_cache(maxsize=8)
def _load(data_paths: tuple) -> SettingRules:
    d = load_yaml("events/setting.yaml", extra=list(data_paths) or None)

    def words(key):
        return frozenset(str(w).lower() for w in (d.get(key) or ()))

    pairs = tuple((str(k).lower(), str(v).lower()) for k, v in (d.get("relation_pairs") or {}).items())
    return SettingRules(words("relation_prepositions"), words("relation_nouns"), pairs, words("relation_marks"),
                        words("sequence_words"), words("same_day_units"), words("reference_directions"), words("static_prepositions"),
                        words("biography_verbs"), words("contrast_words"), words("earlier_words"),
                        words("topic_prepositions"), words("later_adverbs"),
                        words("other_event_prepositions"), words("same_time_marks"), words("home_verbs"),
                        tuple(tuple(str(w).lower().split()) for w in (d.get("source_phrases") or ())),
                        tuple(tuple(str(w).lower().split()) for w in (d.get("status_phrases") or ())))


def setting_rules(data_paths=None) -> SettingRules:
    """RETURNS (SettingRules): the built-in lists, extended by users' ``events/setting.yaml``
    (``data_paths``: the Options' folders). RAISES DataError (E010): the file is malformed."""
    return _load(tuple(str(p) for p in (data_paths or ())))


def _is_time(tok) -> bool:
    return tok.ent_type_ in _TIME_LABELS


def relation_phrases(sent, rules: SettingRules) -> list:
    """The phrases of ``sent`` that tell another event (see ``data/events/setting.yaml``).

    sent (Span): a sentence of a parsed Doc.
    RETURNS (list[Token]): the root of each phrase (its subtree is the phrase): the preposition
        ("after", the "in" of "in response to", the "ahead" of "ahead of") or the verb of the
        subordinate clause ("invaded" of "after Washington invaded").
    """
    out = []
    for tok in sent:
        low = tok.lower_
        if tok.dep_ == "prep" or tok.pos_ == "ADP" or tok.dep_ == "mark":
            objs = [c for c in tok.children if c.dep_ == "pobj"]
            if low in rules.relation_prepositions and tok.dep_ != "mark":
                if any(o.pos_ in ("NOUN", "PROPN") and not _is_time(o) for o in objs):
                    out.append(tok)  # "after the attack", "since an assault"
                elif any(c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX") for c in tok.children):
                    out.append(tok)  # "before attacking the base"
                continue
            if low == "in" and any(o.lemma_.lower() in rules.relation_nouns for o in objs):
                out.append(tok)  # "in response to", "in the wake of"
                continue
        if tok.dep_ in ("advcl", "pcomp", "prep") and tok.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "mark" and c.lower_ in rules.relation_marks for c in tok.children):
            out.append(tok)  # "after Washington invaded the country"
            continue
        for word, prep in rules.relation_pairs:
            if low == word and any(c.lower_ == prep and c.dep_ in ("prep", "pcomp") for c in tok.children):
                out.append(tok)  # "ahead of the vote", "prior to the talks"
    return out


def inside(tok, root) -> bool:
    """True when ``tok`` is ``root`` or in its subtree."""
    return tok.i == root.i or any(a.i == root.i for a in tok.ancestors)


def scope(token, rules: SettingRules) -> tuple:
    """The relation phrases that bound the setting of the event of trigger ``token``.

    RETURNS (tuple[Token | None, list[Token]]): ``(home, foreign)``: the innermost relation
        phrase that holds the trigger (None: the trigger is in no such phrase), and the phrases
        that do not hold it (their places and dates are another event's).
    """
    phrases = relation_phrases(token.sent, rules)
    holding = [p for p in phrases if inside(token, p)]
    home = max(holding, key=lambda p: sum(1 for _ in p.ancestors)) if holding else None
    foreign = [p for p in phrases if not inside(token, p)]
    return home, foreign


def relation_word(phrase) -> str:
    """RETURNS (str): the lower-cased relation word of a phrase of :func:`relation_phrases`: the
    preposition, or the mark of a clause ("after" of "after Washington invaded")."""
    return _word(phrase)


def _word(phrase):
    """The relation word of a phrase: the preposition, or the mark of a clause."""
    marks = [c for c in phrase.children if c.dep_ == "mark"]
    return (marks[0] if marks else phrase).lower_


def same_time(phrase, rules: SettingRules) -> bool:
    """True when the relation phrase tells an event close in time to the main one: its offset is
    less than a day ("a few hours before the jet crashed"), or it has no offset and its word is one
    of ``sequence_words`` ("died after being shot"); False for "since an assault", "in response
    to", "one week after". The offset hangs from the phrase's root or from its mark, before the
    relation word: "after the bombings took place in Tunis last month" has none ("last month" is the
    clause's own time, after the mark)."""
    marks = [c for c in phrase.children if c.dep_ == "mark"]
    holders = [phrase] + marks
    word = marks[0] if marks else phrase
    offsets = [c for h in holders for c in h.children if c.dep_ == "npadvmod" and c.i < word.i]
    if offsets:
        return any(c.lemma_.lower() in rules.same_day_units for c in offsets)
    return _word(phrase) in rules.sequence_words


def in_relative_clause(tok, token) -> Optional[object]:
    """The relative clause of a noun (finite, "the elections which were held on June 21", or a
    participle, "the elections held on June 21") that holds ``tok`` and neither holds the trigger
    ``token`` nor modifies it or the object of a preposition ("killed in a bombing that happened
    on June 27": the bombing is a circumstance of the clause), or None.
    RETURNS (Token | None): the clause's verb."""
    for a in [tok] + list(tok.ancestors):
        if not (a.dep_ == "relcl" or (a.dep_ == "acl" and a.tag_ in ("VBN", "VBG"))):
            continue
        noun = a.head
        if noun.pos_ not in ("NOUN", "PROPN", "PRON") or inside(token, a) or noun.i == token.i:
            continue
        if noun.dep_ == "pobj":
            continue
        return a
    return None


def biography_clause(tok, rules: SettingRules) -> Optional[object]:
    """The verb of the clause of ``tok`` when it tells a life's own event (``biography_verbs``:
    "[Born] in San Luis Obispo on June 23, 1941, he met ...", "Harris was [born] on October 20,
    1964"), else None: the first verb at or above ``tok``, by its word or lemma.
    RETURNS (Token | None)."""
    words = rules.biography_verbs

    def life(v):
        return v.pos_ in ("VERB", "AUX") and (v.lower_ in words or v.lemma_.lower() in words)

    for a in [tok] + list(tok.ancestors):
        if a.pos_ in ("VERB", "AUX"):
            if life(a):
                return a
            break
    # "Born Robert Burns in San Luis Obispo on June 23, 1941, he met ...": the parser often hangs the
    # date on the main verb; a word between an opening participle and the main clause's subject is its
    for v in tok.sent:
        if v.i < tok.i and life(v) and v.dep_ == "advcl" and v.i < v.head.i:
            subjects = [c.left_edge.i for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and tok.i < min(subjects) and tok.i < v.head.i:
                return v
    return None


def contrasted(token, rules: SettingRules) -> bool:
    """True when the clause of ``token`` has a locative phrase that sets it elsewhere than where the
    text has been ("In [other] parts of the city, the police used tear gas", "[Elsewhere], ..."):
    a word of ``contrast_words`` modifying the object of a locative preposition (``static_prepositions``),
    or an adverb of it, that hangs from the trigger or a verb above it in its sentence. RETURNS (bool)."""
    verbs = [token] + [a for a in token.ancestors if a.pos_ in ("VERB", "AUX")]
    for v in verbs:
        for c in v.children:
            if c.lower_ in rules.contrast_words and c.dep_ == "advmod":
                return True  # "elsewhere"
            if c.dep_ != "prep" or c.lower_ not in rules.static_prepositions:
                continue  # "with the other three being taken to hospital": no place
            if any(w.lower_ in rules.contrast_words and w.dep_ in ("amod", "det")
                   for o in c.children if o.dep_ == "pobj" for w in o.children):
                return True  # "in other parts of the city", "at another checkpoint"
    return False


def status_time(tok, rules: SettingRules) -> bool:
    """True when the date whose root is ``tok`` is the object of a phrase of ``status_phrases`` ("[As
    of] Monday, he was still in critical condition"): the time a state is reported at, no event's
    day. RETURNS (bool)."""
    for phrase in rules.status_phrases:
        t, ok = tok, True
        for w in reversed(phrase):
            h = t.head
            if h.i == t.i or h.lower_ != w:
                ok = False
                break
            t = h
        if ok:
            return True
    return False


def told_later(token, rules: SettingRules) -> bool:
    """True when the clause of ``token`` (or a verb it depends on, up to its sentence's root) has an
    adverb of ``later_adverbs`` ("She [subsequently] left the UK and returned to the US").
    RETURNS (bool)."""
    for v in [token] + list(token.ancestors):
        if any(c.dep_ == "advmod" and c.lower_ in rules.later_adverbs for c in v.children):
            return True
    return False
