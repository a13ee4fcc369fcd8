"""Subjects: who does a verb, through the constructions the parser leaves apart.

:func:`subject` follows conjunction, control (xcomp), relative clauses, participles and lost
clause subjects; :func:`doer` ("the suspect in a shooting"), :func:`instrument_user` ("used tear gas
to disperse", "took steps to attack") and :func:`between` ("signed between A and B") give the actors
of constructions with no subject of their own. Used by :mod:`.arguments`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..syntax import coordinated_speech_head
from .triggers import PASS_SUBJ, REL_PRONOUNS, SUBJ

if TYPE_CHECKING:
    from .rules import EventRules

__all__ = ["subject", "lost_clause_subject", "doer", "instrument_user", "between"]


def doer(rules: "EventRules", tok) -> list:
    """The doer of an event noun named by the noun it hangs on: "the suspect in a shooting", "the
    perpetrators of the attack" (rules.yaml ``doer_nouns``, ``doer_preps``); a doer noun in
    apposition to a name gives the name ("Kyle Rittenhouse, the suspect in a shooting").
    RETURNS (list[Token]): [] or one head."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in rules.doer_preps or prep.head.i == prep.i:
        return []
    noun = prep.head
    if noun.lemma_.lower() not in rules.doer_nouns and noun.lower_ not in rules.doer_nouns:
        return []
    return [noun.head] if noun.dep_ == "appos" else [noun]


def instrument_user(rules: "EventRules", verb) -> list:
    """The subject of a verb of using (rules.yaml ``instrument_verbs``) whose means carries
    ``verb`` as a purpose clause: in "police used simple tools such as chainsaws to rescue people"
    the parser hangs "to rescue" on "chainsaws"; in "police used tear gas to disperse protesters"
    it makes "to disperse" a complement of "used", which reads as object control (the gas would
    disperse them); the police disperse them. So too a purpose clause hung on a noun of acting
    (rules.yaml ``action_nouns``: "the military has taken action to protect its personnel").
    RETURNS (list[Token]): [] when ``verb`` is no such purpose clause."""
    if verb.dep_ not in ("acl", "relcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    if verb.dep_ == "xcomp":
        gov = verb.head
        objs = [c for c in gov.children if c.dep_ == "dobj"]
        ok = gov.pos_ == "VERB" and objs and (gov.lemma_.lower() in rules.instrument_verbs
                                              or objs[0].lemma_.lower() in rules.action_nouns)
        return subject(gov)[0] if ok else []
    t = verb.head
    if t.dep_ == "dobj" and t.lemma_.lower() in rules.action_nouns and t.head.pos_ in ("VERB", "AUX"):
        return subject(t.head)[0]  # "the military took action to protect its personnel"
    for _ in range(4):  # chainsaws <- as <- tools <- used
        if t.dep_ in ("dobj", "pobj", "prep", "conj", "appos") and t.head.i != t.i:
            t = t.head
            if t.pos_ == "VERB":
                break
        else:
            return []
    if t.pos_ != "VERB" or t.lemma_.lower() not in rules.instrument_verbs:
        return []
    return subject(t)[0]


def between(verb) -> list:
    """The objects of a "between" on ``verb``: the sides of an act done together ("an accord was
    signed between Cyprus, Greece and Israel", "clashes erupted between X and Y"), as actors (their
    conjuncts come with :func:`refs`; two or more make the event reciprocal). RETURNS (list[Token])."""
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"
            for g in c.children if g.dep_ == "pobj"]


#: conjunctions the parser takes for prepositions when their clause's subject is a long name
_CLAUSE_PREPS = frozenset({"after", "before", "since", "until", "while"})


def lost_clause_subject(verb):
    """The subject of a conjunct clause the parser split off its conjunction: in "arrested after
    Paweł Adamowicz, mayor of Gdańsk, was stabbed" it makes "after Adamowicz" a prepositional
    phrase and "was stabbed" a conjunct of "arrested"; a conjunct with its own tensed auxiliary
    and no subject, after such a preposition of its head, has that preposition's object as
    subject. RETURNS (Token | None)."""
    if not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP") for c in verb.children):
        return None
    if any(c.dep_ == "cc" for c in verb.children) or any(
            c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children):
        return None  # "was arrested and was charged": a true conjunct
    for c in verb.head.children:
        if c.dep_ == "prep" and c.lower_ in _CLAUSE_PREPS and verb.head.i < c.i < verb.i:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def subject(verb) -> tuple[list, list]:
    """(actor heads, recipient heads from a passive subject) of a verb, following
    conjunction, control (xcomp), relative clauses and participles."""
    actors, recips = [], []
    for c in verb.children:
        if c.dep_ in SUBJ:
            if c.lower_ in REL_PRONOUNS and verb.dep_ == "relcl":
                actors.append(verb.head)
            else:
                actors.append(c)
        elif c.dep_ in PASS_SUBJ:
            if c.lower_ in REL_PRONOUNS and verb.dep_ == "relcl":
                recips.append(verb.head)
            else:
                recips.append(c)
        elif c.dep_ == "agent" and (verb.tag_ == "VBN" or any(x.dep_ == "auxpass" for x in verb.children)):
            # (the parser also calls "by" of an active verb an agent: "spoke by telephone")
            actors.extend(g for g in c.children if g.dep_ == "pobj")
    if not actors and not recips:
        # "he can and may declare": the parser hangs the subject on the first of two auxiliaries
        for aux in verb.children:
            if aux.dep_ in ("aux", "auxpass") and aux.i < verb.i:
                actors += [c for c in aux.children if c.dep_ in SUBJ]
                recips += [c for c in aux.children if c.dep_ in PASS_SUBJ]
    dep = verb.dep_
    if actors and not recips and dep in ("xcomp", "advcl", "pcomp") \
            and any(c.dep_ == "auxpass" for c in verb.children):
        # "died after being shot by rebels": the controller is the one shot
        gov = verb.head if dep != "pcomp" else verb.head.head
        if gov.pos_ in ("VERB", "AUX", "ADJ"):
            recips = subject(gov)[0]
    if actors and not recips and dep == "conj" and verb.head.pos_ in ("VERB", "AUX") \
            and any(c.dep_ == "agent" for c in verb.children) and lost_clause_subject(verb) is None:
        # "was arrested and was beaten by guards": the passive subject of the first conjunct;
        # "Turkey is under sanctions and was condemned by Egypt": the shared subject undergoes it
        first_a, first_p = subject(verb.head)
        recips = first_p or (first_a if any(c.dep_ == "auxpass" for c in verb.children) else [])
    if actors or recips:
        return actors, recips
    matrix = coordinated_speech_head(verb)
    if matrix is not None:  # 'X said A and warned B', parsed with 'warned' inside A: X warned
        return subject(matrix)
    if dep == "relcl":
        return [verb.head], []
    if dep == "acl" and verb.tag_ == "VBG":
        return [verb.head], []
    if dep == "conj" and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
        lost = lost_clause_subject(verb)
        if lost is not None:
            return ([], [lost]) if any(c.dep_ == "auxpass" for c in verb.children) else ([lost], [])
        first = verb.head
        if first.dep_ == "xcomp" and first.tag_ == "VB" and verb.tag_ in ("VBD", "VBZ") \
                and first.head.pos_ in ("VERB", "AUX"):
            # "Raab urged the embassy to reconsider and spoke with Pompeo": a finite verb
            # joined to an infinitive is the act of the frame's subject, not of its object
            return subject(first.head)
        if any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children):
            # "Ratana underwent surgery and was then airlifted to hospital": the shared subject
            # undergoes the passive conjunct
            a, p = subject(first)
            return [], a or p
        return subject(first)
    if dep in ("xcomp", "advcl") or (dep == "pcomp"):
        gov = verb.head if dep != "pcomp" else verb.head.head
        if gov.pos_ not in ("VERB", "AUX", "ADJ"):
            return [], []
        # object control: "urged Iraq to withdraw", "asked X to ..."
        objs = [c for c in gov.children if c.dep_ in ("dobj",)]
        if dep == "pcomp" and verb.head.lower_ == "as" and objs:
            return objs[:1], []  # "cited an audit as prohibiting him", "described them as attacking"
        if dep == "xcomp" and objs and gov.lemma_.lower() not in ("promise",):
            return objs[:1], []
        a, passive = subject(gov)
        if any(c.dep_ == "auxpass" for c in verb.children):
            return [], a  # "died after being shot": the controller is the one shot
        if dep == "xcomp" and passive and a and any(c.dep_ == "agent" for c in gov.children):
            # "politicians were reported by local media to have visited", "he was ordered by
            # the court to pay": the passive subject does the infinitive's act, not the agent
            return passive, []
        if not a and passive and not (dep == "advcl" and verb.tag_ == "VBN"):
            # "Rittenhouse is accused of shooting two people", "he was arrested for attacking a
            # guard", "the US had been allied with Kurdish groups in fighting ISIS": the passive
            # subject of the governor does the act of its complement
            return passive, []
        if dep == "advcl" and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            # "if convicted, he could face", "arrested in May, he was released": a bare
            # participle's controller (the governor's surface subject) undergoes it
            return [], passive or a
        return a, []
    if dep == "ccomp" and verb.head.pos_ == "ADJ":
        return subject(verb.head)
    if dep == "acomp" and verb.head.pos_ in ("VERB", "AUX"):
        return subject(verb.head)  # "it is prepared to impose": the subject of "is"
    return [], []
