"""Events without a human agent are not events: "A fire killed five girls", "an earthquake hit
the city", "a gas cylinder exploded", "were killed in a plane crash".

The word lists are rules.yaml ``non_agent_*``, ``accident_sources``, ``ambiguous_violence``,
``weapon_words``, ``cause_preps``, ``casualty_verbs`` and ``casualty_lookback_sentences``.
:func:`non_agent_event` is asked for the types of ``non_agent_types`` (ASSAULT, COERCE, THREATEN).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .state import ArticleState
from .triggers import Match

if TYPE_CHECKING:
    from .rules import EventRules

__all__ = ["non_agent_event", "document_doer", "driven_vehicle"]


def non_agent_event(rules: EventRules, state: ArticleState, m: Match, actors_t: list, recips_t: list) -> bool:
    """True when a violent or coercive event has no human agent (rules.yaml non_agent_*):
    "A fire killed five girls", "an earthquake hit the city", "a gas cylinder exploded",
    "firefighters battled the blaze", "were killed in a plane crash"."""
    tok = m.head
    lemma = tok.lemma_.lower()
    ambiguous = lemma in rules.ambiguous_violence
    for t in actors_t:
        if t.lower_ == "it" and t.i not in state.actor_tok and lemma in rules.casualty_verbs \
                and disaster_context(rules, state, tok):
            return True  # "A fire broke out ... Officials said it killed nine people": it = the fire
        for x in [t] + list(t.conjuncts):
            if is_non_agent(rules, state, x):
                return True
            if ambiguous and x.lemma_.lower() in rules.accident_sources and accident_sentence(rules, state, tok):
                return True
            if ambiguous and any(c.dep_ == "acl" and c.lemma_.lower() in rules.vehicle_motion_verbs
                                 for c in x.children):
                return True  # "struck by a Volvo XC90 driving on the wrong side of the road"
    toll = lemma in rules.casualty_verbs and any(
        h.lemma_.lower() in rules.ambiguous_violence for h in (tok.head, tok.head.head))
    if (ambiguous or toll) and driven_vehicle(rules, state, tok):
        # "was driving a pickup truck erratically ... struck a group of motorcycles, killing seven
        # and injuring three": a collision and its toll
        return True
    for t in recips_t:
        if t.lemma_.lower() in rules.non_agent:
            return True
    if ambiguous and is_non_agent(rules, state, tok):
        return True
    if ambiguous and any(c.dep_ == "agent" for c in tok.children) and any(
            c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in rules.vehicle_motion_verbs
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in tok.children):
        return True  # "was struck by a Volvo XC90 driving on the wrong side": the parser's reading
    if ambiguous and not actors_t and tok.pos_ in ("VERB", "AUX") and accident_sentence(rules, state, tok):
        return True
    if not actors_t:
        verb = m.light if m.light is not None else tok
        if non_agent_cause(rules, state, verb) or (verb is not tok and non_agent_cause(rules, state, tok)):
            return True
        if lemma in rules.casualty_verbs and disaster_context(rules, state, tok):
            return True
    return False


def accident_sentence(rules: EventRules, state: ArticleState, tok) -> bool:
    """The sentence names an accident source or a non-agent cause and no weapon or attacker."""
    lemmas = state.lemmas_of(tok.sent)
    return not (lemmas & rules.weapon_words) and bool(lemmas & (rules.accident_sources | rules.non_agent))


def is_non_agent(rules: EventRules, state: ArticleState, tok) -> bool:
    """Whether an argument or cause token names a non-agent cause (rules.yaml): a hazard or
    accident noun ("fire", "earthquake", "plane crash"), an accident verb ("the bus
    plunged"), or an explosion/fire of an accident source ("gas explosion", "a boiler
    exploded", "an explosion at the plant" in a sentence naming no weapon)."""
    lemma = tok.lemma_.lower()
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")] \
        if tok.pos_ not in ("VERB", "AUX") else []
    if any(c.lemma_.lower() in rules.weapon_words for c in mods):
        return False  # "rocket fire", "sniper fire", "a car bomb blast"
    if lemma in rules.non_agent or tok.lower_ in rules.non_agent:
        return True
    if any(c.lemma_.lower() in rules.non_agent for c in mods):
        return True  # "a shark attack", "flood damage"
    if tok.pos_ in ("VERB", "AUX"):
        if lemma in rules.non_agent_verbs:
            return True
        if lemma in rules.ambiguous_violence:
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any(is_non_agent(rules, state, c) for c in subj):
                return True
            if any(c.lemma_.lower() in rules.accident_sources for c in subj) \
                    and accident_sentence(rules, state, tok):
                return True  # "the tank exploded"; not "the vehicle hit a mine laid by rebels"
        return False
    if lemma in rules.ambiguous_violence:
        if any(c.lemma_.lower() in rules.accident_sources for c in mods):
            return True
        return accident_sentence(rules, state, tok)
    return False


def non_agent_cause(rules: EventRules, state: ArticleState, verb, depth: int = 0) -> bool:
    """An agentless clause whose cause is a non-agent: "killed in a plane crash", "injured
    when the roof collapsed", "died after a gas leak" (``cause_preps`` of rules.yaml)."""
    for c in verb.children:
        if c.dep_ in ("prep", "agent") and (c.lemma_.lower() in rules.cause_preps or c.dep_ == "agent"):
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp") and is_non_agent(rules, state, g):
                    return True
                if g.dep_ == "prep":  # "due to", "because of"
                    if any(x.dep_ == "pobj" and is_non_agent(rules, state, x) for x in g.children):
                        return True
        elif c.dep_ == "advcl" and is_non_agent(rules, state, c):
            return True
    if depth == 0 and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return non_agent_cause(rules, state, verb.head, 1)
    return False


def disaster_context(rules: EventRules, state: ArticleState, tok) -> bool:
    """The sentence of ``tok`` names no weapon, and it or one of the
    ``casualty_lookback_sentences`` before it names a non-agent cause (rules.yaml)."""
    sent = tok.sent
    if state.lemmas_of(sent) & rules.weapon_words:
        return False
    sents = state.ctx.sentences
    i = state.ctx.sentence_index(sent.start_char)
    for k in range(max(0, i - rules.casualty_lookback), i + 1):
        if state.lemmas_of(sents[k]) & rules.non_agent:
            return True
    return False


def document_doer(rules: EventRules, tok, trigger) -> bool:
    """True when ``tok``, an actor of the event of ``trigger``, is a document rather than an actor:
    a common noun of rules.yaml ``non_actor_doers`` ("the law allows", "cited an audit as prohibiting
    him", "the study examined", "this outbreak may call for"), or one whose "of" object is ("Trump's state of emergency appears to allow him", "the terms
    of the deal"). An issued or signed document speaks for its issuer ("issued a declaration
    demanding", "signed a decree banning": the object of a verb is no doer of its own). PLOVER 2.0
    codes the actions of actors; what a document permits or forbids is its content."""
    if tok.pos_ != "NOUN":
        return False
    if tok.dep_ in ("dobj", "dative", "attr") and not (trigger.dep_ == "pcomp" and trigger.head.lower_ == "as"):
        return False
    if tok.lemma_.lower() in rules.non_actor_doers:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lemma_.lower() in rules.non_actor_doers for g in c.children)
        for c in tok.children)


def driven_vehicle(rules: EventRules, state: ArticleState, tok) -> bool:
    """True when the sentence of the trigger ``tok`` has someone driving a vehicle ("was driving a
    pickup truck", "the truck he had been driving": rules.yaml ``vehicle_motion_verbs``,
    ``vehicle_nouns``) and no word of an attack (``ramming_words``): the hit is a road accident."""
    sent = tok.sent
    if state.lemmas_of(sent) & rules.ramming_words:
        return False
    for v in sent:
        if v.lemma_.lower() not in rules.vehicle_motion_verbs or v.pos_ != "VERB":
            continue
        if any(c.dep_ == "dobj" and c.lemma_.lower() in rules.vehicle_nouns for c in v.children):
            return True
        if v.dep_ in ("relcl", "acl") and v.head.lemma_.lower() in rules.vehicle_nouns:
            return True
    return False
