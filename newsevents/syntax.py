"""Repairs of the dependency parse that more than one stage reads the same way.

The small English model often attaches a second statement of the same speaker inside the
first one's reported clause: in "The ministry said the sanctions were unacceptable and warned
that Moscow would respond" it hangs "and" on "were" and makes "warned" a second ``ccomp`` of
"said"; in "The minister said the plan was dangerous and promised to fight it" it makes
"promised" a ``conj`` of "was". Read as parsed, "warned" has no subject and "promised" takes
"the plan" as its subject. :func:`coordinated_speech_head` finds the verb such a statement is
really coordinated with, so that the quotes stage (the source of "warned") and the events stage
(the actor of the THREATEN "warned") both take the matrix subject.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from .data import load_tsv

__all__ = ["coordinated_speech_head", "people_nouns", "SAYING_VERBS"]

#: verbs of saying whose reported clause may swallow a coordinated statement (lemmas)
SAYING_VERBS = frozenset({
    "say", "tell", "state", "announce", "claim", "add", "report", "write", "insist", "warn",
    "argue", "declare", "explain", "note", "stress", "tweet", "allege", "assert", "confirm",
    "deny", "maintain", "reiterate", "repeat", "respond", "reply", "admit", "acknowledge",
})

_SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
_COORD = ("and", "but", "while", ",")
_SPEAKING = ("PRON", "PROPN")
_SPEAKER_ENTS = ("PERSON", "ORG", "NORP", "GPE")


def coordinated_speech_head(verb, saying=SAYING_VERBS) -> Optional[object]:
    """The verb of saying that a subjectless statement verb is coordinated with.

    verb (Token): a verb, e.g. "warned" in "X said A and warned B".
    saying (Container[str]): lemmas of the verbs of saying that may govern it.
    RETURNS (Token | None): the verb of saying ("said") whose subject is also ``verb``'s,
        or None when ``verb`` has a subject of its own or is not attached this way.
    Two attachments are repaired, both only between finite verbs of the same tense (tag)
    and only for a statement verb (one in ``saying`` or taking a clause or infinitive):
    a second ``ccomp`` of the verb of saying after a first one ending in a coordinator;
    and a ``conj`` of the reported clause's verb when that clause is a copula or passive
    whose subject could not be a speaker ("the plan was dangerous and promised to ...").
    """
    if verb.pos_ != "VERB" or not verb.tag_.startswith("VB") or verb.tag_ in ("VB", "VBG", "VBN"):
        return None
    if any(c.dep_ in _SUBJ for c in verb.children):
        return None
    if verb.lemma_.lower() not in saying and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    if verb.dep_ == "ccomp":
        head = verb.head
        if head.i == verb.i or head.lemma_.lower() not in saying or head.tag_ != verb.tag_:
            return None
        first = [c for c in head.children if c.dep_ == "ccomp" and head.i < c.i < verb.i]
        before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
        if first and before is not None and before.lower_ in _COORD and (
                first[-1].left_edge.i <= before.i <= first[-1].right_edge.i or before.head.i in (head.i, verb.i)):
            return head
        return None
    if verb.dep_ == "conj":
        clause = verb.head
        head = clause.head
        if clause.dep_ != "ccomp" or head.i == clause.i or head.lemma_.lower() not in saying \
                or head.tag_ != verb.tag_ or not head.i < clause.i < verb.i:
            return None
        if not (clause.lemma_ == "be" or any(c.dep_ == "auxpass" for c in clause.children)):
            return None
        subj = next((c for c in clause.children if c.dep_ in _SUBJ), None)
        if subj is None or subj.pos_ in _SPEAKING or subj.ent_type_ in _SPEAKER_ENTS \
                or subj.lower_ in people_nouns() or subj.lemma_.lower() in people_nouns():
            # 'said he was innocent and vowed ...', 'said the man was armed and told officers ...':
            # the clause's subject may speak; leave the parse
            return None
        return head
    return None


@lru_cache(maxsize=1)
def people_nouns() -> frozenset:
    """Nouns that name people or bodies (``data/actors/agent_nouns.tsv`` and ``titles.tsv``)."""
    words = {str(r["noun"]).lower().split()[-1] for r in load_tsv("actors/agent_nouns.tsv") if r.get("noun")}
    words |= {str(r["title"]).lower().split()[-1] for r in load_tsv("actors/titles.tsv") if r.get("title")}
    return frozenset(words)
