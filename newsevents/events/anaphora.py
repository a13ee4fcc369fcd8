"""Event anaphora: "criticized the move", "seconded the call", "calling it an aggression".

An event of judgement (ACCUSE, REJECT, SUPPORT ...: ``anaphora_types`` in
``data/events/rules.yaml``) whose object is a noun that names an earlier event ("the attack",
"the withdrawal", "the call", "the decision") or the pronoun "it", and names no actor itself, is
aimed at whoever did that event: its recipients are the actors of the nearest earlier event of
a fitting type, told as news (not in an adverbial or relative clause: "after the group took over
a third of the country" is background) (``event_nouns``: noun -> PLOVER types; ``any`` for nouns that fit every type;
``act`` for nouns of a deed, "the decision", "the move", that fit every type but the judgements
in ``act_excludes``: McGurk "criticized the decision" is aimed at whoever decided, not at the
critic quoted before him),
within ``anaphora_sentences`` sentences, whose actors are coded and are not the judging actor; a
definite noun of a specific type ("the air strike", "the withdrawal") with none so near refers to
the first such event of the story (its lead).
CAMEO codes "Iraq condemned the attack" against the attacker the same way (codebook 1.1b3,
112 "accuse", example "... condemned the attack by Israeli forces").

An event noun told again in an agentless passive ("The lawsuit was filed in the District Court",
after "sixteen states filed a lawsuit against ...") is the earlier event told again: its actors
and recipients are those of the nearest earlier event of its type and noun (:func:`retold_event`).

A noun of something said (``speech_nouns``: "rejected this argument", "dismissed the claims")
is aimed at whoever said it: the resolved speaker of the nearest quotation before it, within
the same number of sentences (:func:`quoted_speakers`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .rules import EventRules

__all__ = ["antecedent_actors", "clause_authors", "quoted_speakers", "retold_event"]

_PRONOUNS = frozenset({"it", "this", "that"})


def clause_authors(obj_tokens: list) -> list:
    """The subjects of relative clauses on a judgement's objects, or on their "of" objects: who
    did what the object names ("criticized the law that Hungary passed", "the state of emergency
    Trump declared"). RETURNS (list[Token]): subject heads, relative pronouns left out."""
    heads = list(obj_tokens) + [g for o in obj_tokens for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                                for g in c.children if g.dep_ == "pobj"]
    return [g for o in heads for rc in o.children if rc.dep_ == "relcl"
            for g in rc.children if g.dep_ == "nsubj" and g.lower_ not in ("that", "which", "who")]


def _background(doc, ev) -> bool:
    """True when the event ``ev`` is told in an adverbial or relative clause of its sentence
    ("... came to Iraq after the group took over a third of the country"), not as news."""
    span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    if span is None:
        return False
    t, n = span.root, 0
    while t.head.i != t.i and n < 50:
        if t.dep_ in ("advcl", "relcl"):
            return True
        t = t.head
        n += 1
    return False


def antecedent_actors(rules: "EventRules", obj_tokens: list, sent_index: int, actors: list,
                      earlier: list) -> list:
    """The actors of the earlier event that the object of a judgement refers to.

    obj_tokens (list[Token]): the judgement's object heads. sent_index (int): its sentence.
    actors (list[ActorRef]): the judging actors (never their own recipients).
    earlier (list[Event]): the events before it, in text order.
    RETURNS (list[ActorRef]): the recipients to use, or [].
    """
    wanted, definite = None, False
    for tok in obj_tokens:
        lemma = tok.lemma_.lower()
        if lemma in rules.event_nouns:
            wanted = rules.event_nouns[lemma]
            definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            break
        if tok.lower_ in _PRONOUNS:
            wanted = ("any",)
            break
    if wanted is None:
        return []
    own = {a.canonical for a in actors}

    def fits(ev) -> list:
        if "act" in wanted:
            if ev.event_type in rules.act_excludes:
                return []
        elif "any" not in wanted and ev.event_type not in wanted:
            return []
        return [a for a in ev.actors if a.code and a.canonical not in own]

    doc = obj_tokens[0].doc if obj_tokens else None
    for ev in reversed(earlier):
        if sent_index - ev.evidence.sentence > rules.anaphora_sentences:
            break
        if doc is not None and _background(doc, ev):
            continue  # "after the group took over a third of the country": told as background
        coded = fits(ev)
        if coded:
            return coded
    if definite and "any" not in wanted:
        # "the air strike", "the withdrawal" further on: the story's event of that type, told
        # first (the lead), when none is near
        for ev in earlier:
            coded = fits(ev)
            if coded:
                return coded
    return []


def quoted_speakers(rules: "EventRules", obj_tokens: list, sent_index: int, actors: list, quotes: list) -> list:
    """The speaker of the quotation that a judgement's object ("this argument", "the claims") names.

    obj_tokens (list[Token]): the judgement's object heads. sent_index (int): its sentence.
    actors (list[ActorRef]): the judging actors (never their own recipients).
    quotes (list[Quote]): the article's quotations, in text order.
    RETURNS (list[ActorRef]): [] or the one speaker, a coded actor mention.
    """
    from ..records import ActorRef

    noun = next((t for t in obj_tokens if t.lemma_.lower() in rules.speech_nouns
                 or t.lower_ in rules.speech_nouns), None)
    if noun is None:
        return []
    own = {a.canonical for a in actors}
    for q in reversed(quotes):
        sp = q.speaker
        if q.content.start >= noun.idx or sp is None or not sp.mention or not sp.code or sp.canonical in own:
            continue
        if sent_index - q.content.sentence > rules.anaphora_sentences:
            break
        return [ActorRef(mention=sp.mention, canonical=sp.canonical, code=sp.code, sector=sp.sector)]
    return []


def retold_event(rules: "EventRules", m, etype: str, sent_index: int, earlier: list):
    """The earlier event that a definite event noun in an agentless passive tells again ("The
    lawsuit was filed in court" after "X filed a lawsuit"; module docstring).

    m (Match): a noun trigger with a light verb. etype (str): its event type.
    sent_index (int): its sentence. earlier (list[Event]): the events before it, in text order.
    RETURNS (Event | None): the nearest earlier event (within ``anaphora_sentences``) of type
    ``etype`` whose pattern holds the same noun and that has a coded actor.
    """
    noun, verb = m.head, m.light
    if verb is None or m.pattern.pos != "N" or noun.dep_ not in ("nsubjpass", "nsubj"):
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    for ev in reversed(earlier or []):
        if sent_index - ev.evidence.sentence > rules.anaphora_sentences:
            break
        if ev.event_type == etype and lemma in (ev.pattern or "").split() and any(a.code for a in ev.actors):
            return ev
    return None
