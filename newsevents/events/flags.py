"""Event flags and attribution: negated, future, hypothetical, reported (and refused), and the
source an attributed claim is credited to.

:func:`event_flags` reads the auxiliaries, negations and marks of the trigger's clause and of the
verbs governing it (rules.yaml ``future_*``, ``hypothetical_*``, ``negation_*``); an event is
reported inside quoted content, under a speech verb (``speech_verbs``) or with an attribution
cue (``attribution_preps``: "according to"). :func:`source_refs` names who claims it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import ActorRef
from .arguments import refs
from .state import ArticleState
from .triggers import Match

if TYPE_CHECKING:
    from .rules import EventRules

__all__ = ["event_flags", "source_refs", "attribution_token", "clause_chain"]

# dependents through which an "if" clause still governs the trigger
_HYP_CHAIN_DEPS = ("xcomp", "conj", "ccomp", "advcl", "relcl", "acl", "pcomp", "pobj",
                   "prep", "dobj", "nsubj", "nsubjpass", "attr")


def event_flags(rules: EventRules, state: ArticleState, m: Match) -> dict:
    """RETURNS (dict[str, bool]): ``negated``, ``future``, ``hypothetical``, ``reported``,
    ``refused`` (negated by a governor such as "refuse", "fail to", or by "cannot"/"could not")
    and ``unpromoted`` (hypothetical by a duty, "must convict", or a modifier, "possible attacks":
    never promoted to a threat) of the event of ``m``."""
    tok = m.head
    verb = m.light if m.light is not None and "obligation" not in m.pattern.flags else tok
    if m.pattern.pos == "N" and m.light is None and tok.dep_ in ("nsubj", "nsubjpass"):
        verb = tok.head  # "the meeting would have happened": the clause's verb carries the flags
    flags = {"negated": False, "future": False, "hypothetical": False, "reported": False, "unpromoted": False,
             "refused": False}
    own = [tok, verb]
    if tok.dep_ == "acomp" and tok.head.pos_ == "AUX":
        own.append(tok.head)  # "I am not ready to talk": the copula carries the negation

    def aux_of(v):
        return [c for c in v.children if c.dep_ in ("aux", "auxpass")]

    for v in own:
        for c in v.children:
            if c.dep_ == "neg" or (c.lower_ in rules.neg_words and c.dep_ in ("neg", "advmod", "det", "preconj")):
                flags["negated"] = True
            elif c.dep_ in ("nsubj", "nsubjpass") and any(
                    (d.dep_ == "det" and d.lower_ == "no")
                    or (d.lower_ in ("not", "neither") and d.dep_ in ("neg", "preconj", "advmod", "cc"))
                    for d in c.children):
                # "No coalition troops were injured", "no group claimed", "Not the U.S. nor the rebels
                # are preventing civilians from leaving"
                flags["negated"] = True
    if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ == "without":
        flags["negated"] = True
    # clause verb and its control/conj governors
    clause = [verb]
    t = verb

    def governs(g) -> None:  # a refusing or a feared/shunned governor ("refused to", "wary of")
        if g.lemma_.lower() in rules.neg_governors:
            flags["negated"] = flags["refused"] = True
        if g.lemma_.lower() in rules.hypothetical_governors:
            flags["hypothetical"] = flags["unpromoted"] = True  # "fears giving away too much"

    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "ADJ":
        # "is wary of offering concessions": the adjective governs the gerund as it would an infinitive
        clause.append(verb.head.head)
        governs(verb.head.head)
    while (t.dep_ in ("xcomp", "conj") or (t.dep_ == "ccomp" and _infinitive(t))) and t.head.i != t.i:
        # ("would have allowed the government to extradite": an infinitive clause the parser
        # made a ccomp is as non-finite as an xcomp and takes its governor's modality; its own
        # subject is not the governor's, so "staff want him to resign" is no promise of his)
        other_subject = t.dep_ == "ccomp"
        t = t.head
        clause.append(t)
        if other_subject:
            continue
        if t.lemma_.lower() in rules.future_governors:
            flags["future"] = True
        governs(t)
        for c in t.children:
            if c.dep_ == "neg":
                flags["negated"] = True
    for v in clause:
        auxes = aux_of(v)
        lemmas = [a.lower_ for a in auxes] + [a.lemma_.lower() for a in auxes]
        if any(a in rules.future_aux for a in lemmas):
            if "have" in lemmas:
                flags["hypothetical"] = True
            else:
                flags["future"] = True
        if any(a in rules.hyp_aux for a in lemmas):
            flags["hypothetical"] = True
            if any(a in rules.duty_aux for a in lemmas):
                flags["unpromoted"] = True  # "senators must vote to convict": a duty, no threat
        if flags["negated"] and any(a in ("can", "could", "ca") for a in lemmas):
            # "could not agree", "cannot accept": unable, as "failed to" (PLOVER REJECT)
            flags["hypothetical"] = False
            flags["refused"] = True
        if any(a == "going" for a in lemmas):
            flags["future"] = True
    if verb.dep_ in ("xcomp",) and verb.head.pos_ == "ADJ" and verb.head.lemma_.lower() in rules.future_governors:
        flags["future"] = True
    if verb.dep_ in ("acl", "relcl") and _infinitive(verb) and verb.head.pos_ == "NOUN" \
            and verb.head.lemma_.lower() not in rules.carrier_nouns | rules.intention_nouns \
            and not rules.patterns.candidates(verb.head.lemma_.lower(), "N") \
            and verb.head.lemma_.lower() not in rules.object_classes.get("meetings", ()) \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "a safe zone to repatriate Syrian refugees", "the right to protest": what the thing is for
        # (not an event noun's purpose: "a rally to protest the law", "a threat to boycott")
        flags["hypothetical"] = True
        flags["unpromoted"] = True
    if m.pattern.pos == "N" and any(c.dep_ == "amod" and c.lower_ in rules.hyp_modifiers for c in tok.children):
        flags["hypothetical"] = True  # "warnings of possible attacks", "a potential strike"
        flags["unpromoted"] = True  # ... and not a threat of its own (no promotion)
    # hypothetical: an "if" clause anywhere on the chain
    for t in clause_chain(verb):
        if any(c.dep_ == "mark" and c.lower_ in rules.hyp_marks for c in t.children):
            flags["hypothetical"] = True
            break
        if any(c.dep_ in ("mark", "advmod") and c.i < t.i and c.lower_ in rules.habitual_marks
               for c in t.children) and _present(t):
            flags["hypothetical"] = True  # "when Al-Aqsa is attacked": whenever it is, no one event
            flags["unpromoted"] = True
            break
        if t.dep_ not in _HYP_CHAIN_DEPS:
            break
    # reported: inside quoted content, or under a speech/cognition verb, or "according to"
    start = tok.idx
    if any(s <= start < e for s, e, _ in state.quote_spans):
        flags["reported"] = True
    else:
        for t in clause_chain(verb)[1:]:
            if t.lemma_.lower() in rules.speech_verbs and t.pos_ in ("VERB", "AUX"):
                flags["reported"] = True
                break
        if not flags["reported"] and attribution_token(rules, tok.sent) is not None:
            flags["reported"] = True
    return flags


def _present(verb) -> bool:
    """True for a simple-present clause: a VBZ/VBP verb, or a passive/progressive whose
    auxiliary is ("is attacked"), with no past or future auxiliary."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBD", "MD") for a in auxes):
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def _infinitive(verb) -> bool:
    """True for a to-infinitive verb ("to extradite")."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def clause_chain(tok) -> list:
    """The trigger and the verbs governing it up to the sentence root (clause chain)."""
    chain = [tok]
    t = tok
    while t.head.i != t.i and len(chain) < 12:
        t = t.head
        chain.append(t)
    return chain


def attribution_token(rules: EventRules, sent):
    """The first token of an attribution cue ("according to") in ``sent``, or None."""
    doc = sent.doc
    for t in sent:
        for cue in rules.attribution:
            n = len(cue)
            if t.lower_ == cue[0] and t.i + n <= sent.end and all(
                    doc[t.i + k].lower_ == w for k, w in enumerate(cue)):
                return t
    return None


def source_refs(rules: EventRules, state: ArticleState, tok) -> list:
    """The source of the attribution holding ``tok``: the quote's speaker, else the object
    of "according to" in the sentence. RETURNS (list[ActorRef]): at most one."""
    for s, e, q in state.quote_spans:
        if s <= tok.idx < e:
            if q.speaker is not None and q.speaker.mention:
                return [ActorRef(mention=q.speaker.mention, canonical=q.speaker.canonical,
                                 code=q.speaker.code, sector=q.speaker.sector)]
            if q.source is not None:
                found = [ActorRef(mention=a.id, canonical=a.canonical, code=a.code, sector=a.sector)
                         for a in state.actor_index(q.source.start, q.source.end)]
                if found:
                    return found[:1]
    att = attribution_token(rules, tok.sent)
    if att is not None:
        to = att.nbor(1)
        pobjs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in att.children if c.dep_ == "pobj"]
        return refs(rules, state, pobjs)[:1]
    return []
