"""Which temporal expression dates a clause: :func:`date_for_clause`, used by the events stage.

Reads what the dates stage publishes in ``ctx.shared["dates"]`` (see :mod:`newsevents.dates`).
"""
from __future__ import annotations

import re
from typing import Optional

from ..records import TimeExpr

__all__ = ["date_for_clause"]

_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis", "csubj", "acl", "pcomp"}
_VERBAL = {"VERB", "AUX"}


def _clause_head(tok):
    """The verb heading the clause of ``tok`` (first verbal ancestor-or-self that opens a clause)."""
    t = tok
    for _ in range(50):
        if t.pos_ in _VERBAL and (t.dep_ in _CLAUSE_DEPS or t.head is t):
            return t
        if t.head is t:
            return t
        t = t.head
    return t


def date_for_clause(ctx, token) -> Optional[TimeExpr]:
    """The temporal expression that dates the clause of a trigger word.

    Looks only at DATE/TIME expressions of the trigger's sentence whose value
    is a calendar value (starts with a digit; not PRESENT_REF or durations).
    Preference: the expression's word modifies the trigger itself; then it
    sits in the trigger's clause; then in a clause that governs the
    trigger's; then anywhere in the sentence. Ties go to day precision
    (``YYYY-MM-DD``), then to the nearest expression.

    ctx (Context): after the dates stage has run. token (Token): the trigger.
    RETURNS (TimeExpr | None).
    """
    shared = ctx.shared.get("dates") or {}
    sent = ctx.sentence_index(token.idx)
    cands = [t for t in shared.get("by_sentence", {}).get(sent, [])
             if t.type in ("DATE", "TIME") and t.value and t.value[:1].isdigit()]
    if not cands:
        return None
    heads = shared.get("heads", {})
    doc = token.doc
    trig_clause = _clause_head(token)
    trig_chain = set()
    t = trig_clause
    for _ in range(50):
        trig_chain.add(t.i)
        if t.head is t:
            break
        t = t.head

    def rank(tx):
        head_i, s, e = heads.get(tx.id, (None, 0, 0))
        score = 3
        if head_i is not None and 0 <= head_i < len(doc):
            if head_i == token.i:
                score = 0
            else:
                clause = _clause_head(doc[head_i])
                if clause.i == trig_clause.i:
                    score = 1
                elif clause.i in trig_chain:
                    score = 2
        day = 0 if _DAY_VALUE.match(tx.value) else 1
        dist = min(abs(token.i - s), abs(token.i - (e - 1)))
        return score, day, dist

    return min(cands, key=rank)
