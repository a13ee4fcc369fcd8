"""Country words as participants: "rejected a U.S. request", "shelled Iraqi towns", "Palestinian riots".

The actors stage makes no actor of a nationality word or country name that modifies a noun
which is no actor ("a Senegalese peace plan", "German goods", "two Iraqi youths") nor of one
that modifies an event noun ("the Israeli strike"): it names whose the thing is, or who does
the act, not an actor of its own. Event coders code those countries all the same (PETRARCH's
actor dictionaries and the PLOVER and CAMEO coders: "rejected a U.S. request" is a REJECT aimed
at the United States, "Palestinian riots against Israeli policies" a PROTEST of Palestinians
against Israel, "killed one U.S. soldier" an ASSAULT on the United States).

:func:`country_refs` gives, for argument heads that hold no actor mention, the countries of

* the head itself when it is such a country word (a noun trigger's modifier: "the Israeli
  strike", "Palestinian riots"), and
* the country words among the head's own modifiers (amod, compound, nmod, poss directly on it:
  "a U.S. request", "Iraqi towns"), and their conjuncts ("Russian and Chinese vetoes").

A country word is a nationality word or an associative toponym that the places stage
resolved to a country (``ctx.shared["places"]["demonyms"]`` and ``["associative"]``); a literal
place ("the Kenosha shooting", "a Kabul hotel") names where, not whose, and is left out, as is a
country behind a link participle ("Iran-backed militias", rules.yaml ``affiliation_modifiers``).
Each country becomes an actor mention of kind ``country`` whose evidence is the country word
(``resolved_by`` ``demonym`` or ``country-name``, as the actors stage would say), added to
``analysis.actors``, so that every event participant points to its words.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional

from ..records import Actor, ActorRef

if TYPE_CHECKING:
    from .rules import EventRules
    from .state import ArticleState

__all__ = ["country_refs", "country_word"]

#: dependencies of a modifier that tells whose the head is ("a U.S. request", "Iraqi towns")
_OWNER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


def _country_places(state: "ArticleState") -> list:
    """(start char, end char, Place, resolved_by) of the article's country words, cached on the state."""
    got = state.country_words
    if got is None:
        shared = state.ctx.shared.get("places") or {}
        got = [(p.evidence.start, p.evidence.end, p, how)
               for key, how in (("demonyms", "demonym"), ("associative", "country-name"))
               for p in shared.get(key) or () if p.country and p.evidence is not None]
        state.country_words = got
    return got


def country_word(state: "ArticleState", tok, literal: bool = False) -> Optional[tuple]:
    """The country word covering ``tok``: ``(Place, resolved_by)`` or None (see the module docstring).

    literal (bool): also a literal toponym that is a whole country, for a recipient slot's own
        object ("suspended flights to Qatar", "withdrew from Syria", "demanded compensation
        from Iran"): the country the act goes to or away from, as CAMEO and the PLOVER GSR code
        the target, although the places stage reads it as where.
    """
    for start, end, place, how in _country_places(state):
        if start <= tok.idx < end:
            return place, how
    if literal:
        for p in state.ctx.analysis.places:
            if p.feature == "country" and p.country and p.evidence is not None \
                    and p.evidence.start <= tok.idx < p.evidence.end:
                return p, "country-name"
    return None


def _linked(rules: "EventRules", head, mod) -> bool:
    """True when ``mod`` sits under a link participle of ``head`` ("Iran-backed militias") or is
    joined by a hyphen to a word of likeness or origin ("a Bosnia-style war", "a UK-based group")."""
    others = rules.affiliation_modifiers | rules.likeness_modifiers
    for c in head.children:
        if c.dep_ in ("amod", "compound", "npadvmod", "nmod") and (c.lemma_.lower() in others or c.lower_ in others):
            if c.left_edge.i <= mod.i <= c.right_edge.i:
                return True
    doc = mod.doc
    if mod.i + 2 < len(doc) and doc[mod.i + 1].text == "-" and (
            doc[mod.i + 2].lemma_.lower() in others or doc[mod.i + 2].lower_ in others):
        return True
    return False


def _owner_words(rules: "EventRules", state: "ArticleState", head, depth: int = 2, literal: bool = False) -> list:
    """The country-word tokens standing for ``head``'s participant: itself (a literal country too
    with ``literal``), else its modifiers (through a chain of noun modifiers: "US Predator
    attacks", "the Palestinian Islamic Jihad movement"; a hyphenated pair: "the Turkish-Libyan
    agreement")."""
    if country_word(state, head, literal) is not None:
        return [head]
    out = []
    for c in head.children:
        if c.dep_ in _OWNER_DEPS and c.i < head.i and not _linked(rules, head, c):
            for t in [c] + [g for g in c.conjuncts if g.i > c.i]:
                if _linked(rules, head, t):
                    continue
                if t.i in state.actor_tok:
                    continue  # a name the actors stage read as someone ("Rittenhouse's defense")
                if country_word(state, t) is not None:
                    out.append(t)
                    # "the Turkish-Libyan agreement": a country word joined to it by a hyphen
                    out += [g for g in t.children if g.i == t.i - 2 and t.doc[t.i - 1].text == "-"
                            and country_word(state, g) is not None]
                elif depth > 1 and t.dep_ in ("compound", "nmod"):
                    out += _owner_words(rules, state, t, depth - 1)
    return out


def country_refs(rules: "EventRules", state: "ArticleState", toks: Iterable, have: Iterable,
                 skip: Iterable = (), spec: Optional[tuple] = None, literal: Iterable = (),
                 own: Iterable = ()) -> list:
    """ActorRefs of the country words standing for argument heads that hold no actor mention.

    toks (Iterable[Token]): argument heads (their conjuncts are added).
    have (Iterable[ActorRef]): the refs already found on this side; their countries are not
        repeated. A head whose phrase holds a coded actor mention is skipped (refs() has it).
    skip (Iterable[str]): codes not to give.
    spec (tuple | None): ``(sector, label)`` of the people the country word stands for (protesters:
        rules.yaml ``implicit_protest``), else the country itself with no sector.
    literal (Iterable[Token]): heads that may be a literal country (see :func:`country_word`).
    own (Iterable[str]): the actors' codes, never given from a literal country.
    RETURNS (list[ActorRef]): new refs, one per country, in text order; adds their Actor records.
    """
    from .arguments import np_span, speaker_antecedent

    ctx = state.ctx
    known = {r.code for r in have if r.code} | set(skip)
    lit_i = {x.i for t in literal for x in [t, *t.conjuncts]}
    out = []
    heads = []
    for tok in toks:
        # "French farmers said they would blockade Paris": the speaker a pronoun stands for
        pron = tok.pos_ == "PRON" and tok.i not in state.actor_tok
        heads += speaker_antecedent(rules, tok) if pron else [tok]
    for tok in heads:
        for t in [tok] + [c for c in tok.conjuncts if c.i > tok.i]:
            if t.pos_ not in ("NOUN", "PROPN", "ADJ") or t.i in state.actor_tok:
                continue
            start, end = np_span(t)
            if any(a.code for a in state.actor_index(start, end)):
                continue  # the phrase names a coded actor: refs() has it
            lit = t.i in lit_i
            for w in _owner_words(rules, state, t, literal=lit):
                place, how = country_word(state, w, lit)
                if place.country in known:
                    continue
                if lit and place.country in own and country_word(state, w) is None:
                    continue  # "would deny entry to the United States": the actor's own country
                known.add(place.country)
                name = rules.country_names.get(place.country, place.country)
                sector, kind = (spec[0], "group") if spec else (None, "country")
                canonical = f"{name} ({spec[1]})" if spec else name
                entity = next((a.entity for a in ctx.analysis.actors if a.code == place.country
                               and a.canonical == canonical), f"country-{place.country}-{sector or ''}")
                actor = Actor(id=ctx.new_id("A"), text=place.text, canonical=canonical, code=place.country,
                              sector=sector, kind=kind, entity=entity, resolved_by=how, evidence=place.evidence)
                ctx.analysis.actors.append(actor)
                out.append(ActorRef(mention=actor.id, canonical=canonical, code=place.country, sector=sector))
    return out
