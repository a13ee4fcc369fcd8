"""Senses: which words in a trigger's place are no event in the sense the patterns mean.

Tests asked by :mod:`.triggers` of a candidate trigger: an -ing word judging a clause ("it is
striking that"), a participle of reference ("as shown by"), a hyphenated participle ("life-
threatening"), a verb of view or claim with a tensed complement ("many businesses agree that China
has taken advantage"), a rally a named person attends ("Trump spoke at a rally"), the bare charge of a
legal act ("convicted of assaults"). Word lists: data/events/rules.yaml.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .rules import EventRules

__all__ = ["judging_it", "as_reference", "hyphen_participle", "asserted_complement", "hosted_gathering",
           "charged_act", "misread_name_objects"]


def judging_it(tok) -> bool:
    """Whether ``tok`` is an -ing form that judges a clause: "It is striking that the two leaders
    met", "it was alarming that …" (the expletive "it" as subject, a form of "be", a that-clause).
    Such a word is an adjective of judgement, not an act ("striking" is no ASSAULT); "it is
    threatening to cut aid" (a to-infinitive, "it" perhaps a country) is not caught.
    RETURNS (bool)."""
    if tok.tag_ != "VBG":
        return False
    kids = list(tok.children)
    # the parser sometimes takes "that" for an object and hangs the clause on the word
    # without it ("It’s striking that in every corner tensions are ...")
    that_clause = any(c.dep_ in ("ccomp", "advcl") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                           for m in c.children) for c in kids) \
        or (any(c.dep_ == "dobj" and c.lower_ == "that" for c in kids) and any(c.dep_ == "ccomp" for c in kids))
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in kids) \
        and any(c.dep_ == "aux" and (c.lemma_ == "be" or c.lower_ in _BE_FORMS) for c in kids) \
        and that_clause


#: forms of "be" whose lemma the model sometimes leaves as written ("It’s")
_BE_FORMS = frozenset({"'s", "’s", "is", "was", "'re", "’re", "are", "were"})


def as_reference(tok) -> bool:
    """'as demonstrated by his departure', 'as shown by', 'as agreed by both sides': a participle
    clause introduced by "as" refers to something told elsewhere; it is no event of its own.
    RETURNS (bool)."""
    return tok.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)


def hyphen_participle(tok) -> bool:
    """'life-threatening', 'law-abiding', 'peace-keeping': a present participle joined by a hyphen
    to the word before it is an adjective or noun of a kind, not the verb's event."""
    doc, i = tok.doc, tok.i
    return tok.tag_ == "VBG" and i >= 2 and doc[i - 1].text == "-" \
        and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ and doc[i - 2].is_alpha


def asserted_complement(rules: EventRules, tok) -> bool:
    """True when a verb that can also report an opinion or a claim has a tensed clause complement
    that states a fact (rules.yaml ``opinion_complements``, ``claim_complements``): "many businesses
    agree that China has long taken advantage" shares a view, "agreed that talks would resume" is an
    agreement; "continues to insist his tactics will be worth it" claims, "insisted that the US
    withdraw" (a base-form, mandative verb) demands. RETURNS (bool)."""
    lemma = tok.lemma_.lower()
    opinion, claim = lemma in rules.opinion_complements, lemma in rules.claim_complements
    if not (opinion or claim):
        return False
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if comp is None:
        return False
    auxes = [c for c in comp.children if c.dep_ in ("aux", "auxpass")]
    tensed = comp.tag_ in ("VBD", "VBZ", "VBP") or any(a.tag_ in ("VBD", "VBZ", "VBP", "MD") for a in auxes)
    modal = any(a.lower_ in rules.future_aux or a.lower_ in rules.hyp_aux for a in auxes)
    if claim:  # a bare VBP may be a mandative base form ("insisted that the US withdraw")
        return (comp.tag_ in ("VBD", "VBZ") or bool(auxes) and tensed) and not any(
            a.lower_ in rules.duty_aux for a in auxes)
    return tensed and not modal


def hosted_gathering(rules: EventRules, noun) -> bool:
    """A rally a named person attends, with no cause named: "Trump spoke at a rally in
    Pennsylvania", "Biden's rally" (rules.yaml ``hosted_gatherings``; a cause word such as
    "against" keeps it a protest). PLOVER PROTEST is dissent, not a campaign meeting."""
    if noun.lemma_.lower() not in rules.hosted_gatherings and noun.lower_ not in rules.hosted_gatherings:
        return False
    if any(d.lower_ in rules.gathering_causes or d.lemma_.lower() in rules.gathering_causes
           for d in noun.subtree):
        return False
    def named(t) -> bool:  # a named person or body ("Trump", "he"), not "protesters" or "thousands"
        return t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP", "LOC")) \
            or t.lower_ in ("he", "she", "his", "her")
    if any(c.dep_ == "poss" and named(c) for c in noun.children):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ in ("at", "in", "during", "before", "to"):
        verb = noun.head.head
        return verb.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "nsubj" and named(c) for c in verb.children)
    return False


def charged_act(rules: EventRules, noun) -> bool:
    """A bare act noun that is the charge of a legal act: "convicted of assaults", "charged with
    murder" (rules.yaml ``charge_words``/``charge_preps``). With a determiner or possessor it is
    a known event ("arrested for the attack") and counts. RETURNS (bool)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in rules.charge_preps:
        return False
    if any(c.dep_ in ("det", "poss") for c in noun.children):
        return False
    gov = noun.head.head
    return gov.lemma_.lower() in rules.charge_words or gov.lower_ in rules.charge_words


def misread_name_objects(tok) -> list:
    """The names the parser made object predicates of ``tok`` when it read "Trump called Putin on
    Monday" as "a Trump called Putin" (``tok`` a participle modifying a proper noun, its object
    predicates proper nouns): those are the called, the proper noun the caller; [] otherwise.
    Read by the ``noname`` flag, which otherwise takes an object predicate for a naming ("called
    Biden a decent man"). RETURNS (list[Token])."""
    if tok.dep_ != "acl" or tok.head.pos_ != "PROPN":
        return []
    return [c for c in tok.children if c.dep_ == "oprd" and c.pos_ == "PROPN"]
