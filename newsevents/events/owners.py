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


def country_word(state: "ArticleState", tok) -> Optional[tuple]:
    """The country word covering ``tok``: ``(Place, resolved_by)`` or None (see the module docstring)."""
    for start, end, place, how in _country_places(state):
        if start <= tok.idx < end:
            return place, how
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


def _owner_words(rules: "EventRules", state: "ArticleState", head, depth: int = 2) -> list:
    """The country-word tokens standing for ``head``'s participant: itself, else its modifiers
    (through a chain of noun modifiers: "US Predator attacks", "the Palestinian Islamic Jihad
    movement"; a hyphenated pair: "the Turkish-Libyan agreement")."""
    if country_word(state, head) is not None:
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
                 skip: Iterable = (), spec: Optional[tuple] = None) -> list:
    """ActorRefs of the country words standing for argument heads that hold no actor mention.

    toks (Iterable[Token]): argument heads (their conjuncts are added).
    have (Iterable[ActorRef]): the refs already found on this side; their countries are not
        repeated. A head whose phrase holds a coded actor mention is skipped (refs() has it).
    skip (Iterable[str]): codes not to give.
    spec (tuple | None): ``(sector, label)`` of the people the country word stands for (protesters:
        rules.yaml ``implicit_protest``), else the country itself with no sector.
    RETURNS (list[ActorRef]): new refs, one per country, in text order; adds their Actor records.
    """
    from .arguments import np_span, speaker_antecedent

    ctx = state.ctx
    known = {r.code for r in have if r.code} | set(skip)
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
            for w in _owner_words(rules, state, t):
                place, how = country_word(state, w)
                if place.country in known:
                    continue
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
