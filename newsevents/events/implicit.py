"""Implicit agents: "two suspects were arrested" names no one who arrested them.

Event coders still code the actor of an agentless passive when only one kind of body does such
things: arrests are made by the police, sentences handed down by courts, pardons and
commutations granted by the government (the conventions of ICEWS and of
``shared/gold/wikinews_events_dev``: "police (POL COP, implicit) arrest the attacker").
:func:`implicit_actor` makes that actor for the patterns of ``implicit_agents`` in
``data/events/rules.yaml`` (pattern -> PLOVER sector and label), when the verb is passive, has no
agent, and is neither negated nor hypothetical ("if convicted, he could ...").

Authorities that announce the event ("police said two men were arrested") are its actors
instead (:func:`announcing_actors`). Otherwise its country is, in this order, the country of the event's place ("arrested in Gdańsk"), the one
code of its recipients ("two Indonesian suspects were arrested"), or the article's dominant
country among its coded actors (more than half of the coded mentions, twice the next one). With
none of these, there is no implicit actor. A pattern whose entry says ``not recipients`` skips
the recipients: a ban or a lifted ban is the act of the government where it holds ("the PKK is
banned in Turkey"), and those banned are often foreign to it ("Russian athletes were banned"); with
no place, the article's country codes it only when no recipient is of another country.

Protests follow the same convention (ICEWS; the development set): a protest with no named
protesters is by the people of the country where it happens (CVL, "protesters"), and one with no
named target is aimed at that country's government (GOV) -- :func:`implicit_protest_sides`
(``implicit_protest`` in ``data/events/rules.yaml``). The country is the place's, else the
article's; named protesters of another country get no guessed side.

An attack on a place that names no victims ("attacked three churches in Sri Lanka") is aimed at
the people of the country where it happened (CVL, "civilians"; PETRARCH and ICEWS take the target
of such attacks from the location) -- :func:`implicit_target`, for objects of the ``places`` and
``civilian_targets`` classes of ``data/events/rules.yaml`` and a place whose country is known.

Each such actor is added to ``analysis.actors`` as a mention whose evidence is the trigger (the
words that imply it), ``resolved_by: implicit-agent``, so that every event actor points to text.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Optional

from ..records import Actor, ActorRef
from .triggers import quantity_head

if TYPE_CHECKING:
    from .rules import EventRules
    from .state import ArticleState
    from .triggers import Match

__all__ = ["agentless_passive", "announcing_actors", "implicit_actor", "implicit_protest_sides", "implicit_target", "dominant_code"]


def agentless_passive(tok) -> bool:
    """A passive verb with no "by" agent ("two suspects were arrested", "would be consulted"), or a
    participle modifying a noun ("twelve people arrested on Monday")."""
    deps = {c.dep_ for c in tok.children}
    if "agent" in deps:
        return False
    if "auxpass" in deps or "nsubjpass" in deps:
        return True
    return tok.dep_ == "acl" and tok.tag_ == "VBN"  # "twelve people arrested on Monday"


def dominant_code(analysis) -> Optional[str]:
    """RETURNS (str | None): the code of more than half of the article's coded actor mentions, with
    at least twice the mentions of the next code."""
    counts = Counter(a.code for a in analysis.actors if a.code and len(a.code) == 3
                     and a.resolved_by != "implicit-agent")
    if not counts:
        return None
    ranked = counts.most_common(2)
    code, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n * 2 > sum(counts.values()) and n >= 2 * second:
        return code
    return None


def _implied_verb(rules: "EventRules", m: "Match", flags: dict):
    """The verb of an event of ``implicit_agents`` that names no agent, neither negated nor
    hypothetical: a verb trigger, or the light verb of a noun trigger ("she was granted clemency"),
    as an agentless passive or the verb of a ``subjrecip`` pattern ("received prison terms").
    RETURNS (Token | None)."""
    if rules.implicit_agents.get(m.pattern.text) is None or flags.get("negated") or flags.get("hypothetical"):
        return None
    verb = m.light if m.pattern.pos == "N" else m.head
    if verb is None or not (agentless_passive(verb) or "subjrecip" in m.pattern.flags):
        return None
    return verb


def implicit_actor(rules: "EventRules", state: "ArticleState", m: "Match", flags: dict, recipients: list,
                   place_id: Optional[str]) -> Optional[ActorRef]:
    """The implicit actor of the event of ``m`` (see the module docstring), or None.

    flags (dict): the event's flags (:func:`~.flags.event_flags`). recipients (list[ActorRef]).
    place_id (str | None): the event's Place id. RETURNS (ActorRef | None); adds the Actor record.
    """
    verb = _implied_verb(rules, m, flags)
    if verb is None:
        return None
    sector, label, *rest = rules.implicit_agents[m.pattern.text]
    ctx = state.ctx
    code = _place_code(ctx, place_id)
    codes = {r.code for r in recipients if r.code and len(r.code) == 3}
    if code is None and "not recipients" not in rest:
        code = next(iter(codes)) if len(codes) == 1 else None
    if code is None:
        code = dominant_code(ctx.analysis)
        if "not recipients" in rest and codes - {code}:
            return None  # those banned are of another country: a foreign or international ban
    if code is None:
        return None
    return _make(rules, state, verb, code, sector, label)


#: sectors of the bodies that make arrests, charges and sentences and announce them
_AUTHORITY_SECTORS = frozenset({"GOV", "COP", "JUD", "MIL", "SPY"})


def announcing_actors(rules: "EventRules", state: "ArticleState", m: "Match", flags: dict) -> list:
    """The authorities that announce an agentless passive of ``implicit_agents`` ("authorities
    in the United Kingdom and the United States announced that 337 users were arrested",
    "police said two men were detained"): the coded subjects of the speech verb whose clause
    the event is, when they are authorities (GOV, COP, JUD, MIL, SPY). They made the arrest the
    way the implicit actor would have (the module docstring), and the text names them.
    RETURNS (list[ActorRef]): empty when none."""
    from .arguments import refs, subject

    verb = _implied_verb(rules, m, flags)
    if verb is None or verb.dep_ != "ccomp" or not agentless_passive(verb):
        return []
    gov = verb.head
    if gov.lemma_.lower() not in rules.speech_verbs:
        return []
    out = refs(rules, state, subject(gov)[0])
    return [r for r in out if r.code and (r.sector or "") in _AUTHORITY_SECTORS]


def _place(ctx, place_id: Optional[str]):
    """The Place record with id ``place_id``, or None."""
    if place_id is None:
        return None
    return next((p for p in ctx.analysis.places if p.id == place_id), None)


def _place_code(ctx, place_id: Optional[str]) -> Optional[str]:
    place = _place(ctx, place_id)
    return place.country if place is not None else None


def _in_own_phrase(place, head) -> bool:
    """True when ``place`` (a Place) is named inside the phrase of ``head`` ("bombings in Tunis")."""
    if place is None or place.evidence is None:
        return False
    lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    return lo <= place.evidence.start and place.evidence.end <= hi


def _make(rules: "EventRules", state: "ArticleState", tok, code: str, sector: str, label: str) -> ActorRef:
    ctx = state.ctx
    name = rules.country_names.get(code, code)
    actor = Actor(id=ctx.new_id("A"), text=tok.text, canonical=f"{name} ({label})", code=code, sector=sector,
                  kind="organisation" if sector != "CVL" else "group", entity=f"implicit-{code}-{sector}",
                  resolved_by="implicit-agent", evidence=ctx.span_evidence(tok))
    ctx.analysis.actors.append(actor)
    return ActorRef(mention=actor.id, canonical=actor.canonical, code=code, sector=sector)


def implicit_protest_sides(rules: "EventRules", state: "ArticleState", m: "Match", actors: list,
                           recipients: list, place_id: Optional[str]) -> tuple:
    """Protesters and target of a PROTEST event that names none (see the module docstring).

    actors, recipients (list[ActorRef]): what the text gave. RETURNS (tuple[list, list]): the
    sides, completed where a country is known; adds the Actor records it makes.
    """
    spec = rules.implicit_protest
    if not spec or (actors and recipients):
        return actors, recipients
    codes = {r.code for r in actors if r.code and len(r.code) == 3}
    code = _place_code(state.ctx, place_id) or dominant_code(state.ctx.analysis)
    if code is None or (codes and codes != {code}):
        return actors, recipients  # foreign protesters (a protest at an embassy): no guess
    tok = m.light if m.pattern.pos == "N" and m.light is not None else m.head
    if not actors and "actor" in spec:
        actors = [_make(rules, state, tok, code, *spec["actor"])]
    if not recipients and "recipient" in spec:
        recipients = [_make(rules, state, tok, code, *spec["recipient"])]
    return actors, recipients


def _where(m: "Match", tok) -> bool:
    """True when ``tok`` is where the act happened, not what it hit: the object of "at" that is
    not the pattern's own preposition ("carried out the airstrike at Baghdad International
    Airport"; "fired at the airport" keeps its target)."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "at" and (
        m.recip_prep is None or tok.head.i != m.recip_prep.i)


def implicit_target(rules: "EventRules", state: "ArticleState", m: "Match", recipients_t: list,
                    place_id: Optional[str]) -> list:
    """The people of the country of an attack on a place that names no victims (module docstring).

    recipients_t (list[Token]): the event's recipient heads. RETURNS (list[ActorRef]): [] or one.
    """
    spec = rules.implicit_targets.get(m.pattern.event_type)
    place = _place(state.ctx, place_id)
    code = place.country if place is not None else None
    if spec is None or code is None:
        return []
    nouns = rules.object_classes.get("places", frozenset()) | rules.object_classes.get("civilian_targets", frozenset())
    objs = [t for t in recipients_t if (t.lemma_.lower() in nouns or t.lower_ in nouns)
            and not _where(m, t)]
    anchor = quantity_head(rules, m.head)  # "a couple of suicide bombings"
    if anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.lemma_.lower() in rules.occurrence_verbs:
        anchor = anchor.head  # "suicide bombings took place in the capital, Tunis"
    if not objs and not recipients_t and _in_own_phrase(place, anchor):
        objs = [m.head]  # "after two suicide bombings in Tunis": no target named, the place's people
    if not objs:
        return []
    return [_make(rules, state, objs[0], code, *spec)]
