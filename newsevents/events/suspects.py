"""Suspects: "a man has been arrested after the mayor was stabbed" names the attacker.

News tells an attack whose attacker it does not name beside the arrest, charge or sentence of the
one held for it: "an individual has been arrested after Paweł Adamowicz was stabbed", "a man was
charged over the killing of a police officer", "police arrested a Syrian man after a woman was
stabbed". The one arrested or charged is the suspected actor of that attack; the development
set's annotators code it so ("attacker Stefan W (POL CVL) stabs mayor Adamowicz", with the
attacker known only as "an individual" arrested after it).

:func:`suspect_actors` gives an agentless event of a ``suspect_of_types`` type (``data/events/
rules.yaml``) the recipients of the event it is linked to by a ``suspect_links`` word ("after",
"over", "for", "following"), when that event is of a ``suspect_types`` type (arrests, charges,
sentences: COERCE, ACCUSE, SANCTION). The link is the clause's mark ("after a woman was
stabbed"), the preposition of a noun ("over the killing"), or, where the parser makes the attack
clause a conjunct ("arrested after X ... was stabbed"), a link preposition of the arrest that
stands between the two.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .subjects import lost_clause_subject

if TYPE_CHECKING:
    from .rules import EventRules
    from .state import ArticleState

__all__ = ["suspect_actors"]


def _linked_head(rules: "EventRules", tok) -> Optional[object]:
    """The token the event ``tok`` is linked to as what someone is held for, or None."""
    links = rules.suspect_links
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in links for c in tok.children):
        return tok.head  # "arrested a man after a woman was stabbed"
    if tok.dep_ in ("pobj", "pcomp") and tok.head.dep_ == "prep" and tok.head.lower_ in links:
        return tok.head.head  # "charged over the killing of ..."
    if tok.dep_ == "conj" and lost_clause_subject(tok) is not None and any(
            c.dep_ == "prep" and c.lower_ in links and tok.head.i < c.i < tok.i for c in tok.head.children):
        return tok.head  # "arrested after X, mayor of Y, was stabbed" parsed as two conjuncts
    return None


def suspect_actors(rules: "EventRules", state: "ArticleState", tok, etype: str, earlier: list) -> list:
    """The actors of an agentless attack that its suspects' arrest or charge names.

    state (ArticleState): the article's actor index. tok (Token): the trigger head of the attack. etype (str): its PLOVER type.
    earlier (list[Event]): the events before it in the text (the arrest comes first in the
    sentence, so it is built first).
    RETURNS (list[ActorRef]): the recipients of the linked arrest or charge, or [].
    """
    if etype not in rules.suspect_of_types or not earlier:
        return []
    gov = _linked_head(rules, tok)
    if gov is None:
        return []
    for ev in reversed(earlier):
        if ev.event_type in rules.suspect_types and ev.trigger.start <= gov.idx < ev.trigger.end:
            # not whoever the attack phrase itself names ("charged over the killing of an officer")
            sub = list(tok.subtree)
            inside = {a.id for a in state.actor_index(sub[0].idx, sub[-1].idx + len(sub[-1].text))}
            return [r for r in ev.recipients if r.mention not in inside]
    return []
