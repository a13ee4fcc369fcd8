"""Which temporal expression dates a clause: :func:`date_for_clause`, used by the events stage.

Reads what the dates stage publishes in ``ctx.shared["dates"]`` (see :mod:`newsevents.dates`).
"""
from __future__ import annotations

import re
from typing import Optional

from ..records import TimeExpr
from .tense import clause_perfect
from ..setting import biography_clause, in_relative_clause, inside, same_time, scope, setting_rules, status_time

__all__ = ["date_for_clause"]

_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis", "csubj", "acl", "pcomp"}
_VERBAL = {"VERB", "AUX"}
#: dependencies of a date that modifies a noun ("the 2020 election", "last night's attack")
_NOUN_MODIFIER_DEPS = ("compound", "nmod", "poss", "amod", "nummod")
_NOUNS = ("NOUN", "PROPN")


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


def of_another_noun(doc, span: tuple, token) -> bool:
    """True when the date is part of a noun other than the trigger: its modifier or possessor ("to
    protest the results of the 2020 election", "died in last night's attack") or the object of its
    "of" ("the elections of June 21"). Such a date dates that noun first; it dates the trigger's
    event only after the dates of the trigger's own clause (one step later in the preference of
    :func:`date_for_clause`): "rallied on Saturday to protest the results of the 2020 election"."""
    s, e = span
    if not (0 <= s < e <= len(doc)) or s <= token.i < e:
        return False
    root = doc[s:e].root
    if root.dep_ in _NOUN_MODIFIER_DEPS and root.head.pos_ in _NOUNS and root.head.i != token.i:
        return True
    h = root.head
    return root.dep_ == "pobj" and h.lower_ == "of" and h.head.pos_ in _NOUNS and h.head.i != token.i


def _setting_penalty(doc, span: tuple, token, home, foreign, rules) -> Optional[int]:
    """0 for a date that may date the trigger's event, 1 for one that may only as a last resort (of
    an event close in time: "died on Tuesday after being shot"), None for another event's date
    (see :mod:`newsevents.setting`)."""
    s, e = span
    if not (0 <= s < e <= len(doc)):
        return 0
    if s <= token.head.i < e or s <= token.i < e:
        return 0  # the trigger is part of the date's phrase ("the September 11, 2001 attacks", misparsed)
    root = doc[s:e].root
    life = biography_clause(root, rules)
    if life is not None and not inside(token, life):
        return None  # "Born on June 23, 1941, he met ...": the birth's date
    if home is not None and not inside(root, home):
        if status_time(root, rules):
            return None  # "As of Monday, he was in critical condition, after a bullet hit him": before it
        return 1 if same_time(home, rules) else None
    for p in foreign:
        if inside(root, p):
            return 1 if same_time(p, rules) else None
    if in_relative_clause(root, token) is not None:
        return None
    if names_another_event(doc, span, token, rules):
        return None
    return 0


def names_another_event(doc, span: tuple, token, rules) -> bool:
    """True when the date is part of a noun (:func:`of_another_noun`) that names an event other than
    the trigger's: the noun is under one of ``other_event_prepositions`` ("vowed revenge for the
    [January 3] killing", "in connection with the [December 31] attack"). RETURNS (bool)."""
    if not of_another_noun(doc, span, token):
        return False
    root = doc[span[0]:span[1]].root
    noun = root.head.head if root.dep_ == "pobj" else root.head  # "the elections of June 21": elections
    return noun.dep_ == "pobj" and noun.head.lower_ in rules.other_event_prepositions


def _own_clause(head, doc, trig_clause) -> bool:
    """True when the date whose ``heads`` entry is ``head`` sits in the clause headed by ``trig_clause``
    (or below it), not in a clause that governs it."""
    if head is None or not (0 <= head[0] < len(doc)):
        return False
    clause = _clause_head(doc[head[0]])
    return clause.i == trig_clause.i or inside(clause, trig_clause)


def date_for_clause(ctx, token) -> Optional[TimeExpr]:
    """The temporal expression that dates the clause of a trigger word.

    Looks only at DATE/TIME expressions of the trigger's sentence whose value
    is a calendar value (starts with a digit; not PRESENT_REF or durations),
    and of those only the ones that may date the trigger's event
    (:mod:`newsevents.setting`, ``data/events/setting.yaml``): not one inside a phrase
    that tells another event ("since an assault in Ghazni in August 2018", "in response to
    the airstrike on Friday"; but "a few hours before the jet crashed on Wednesday" as a last
    resort, :func:`~newsevents.setting.same_time`), not one inside a relative or participle
    clause of a noun that does not hold the trigger ("elections which were held on June 21"), not
    the date of a birth ("Born on June 23, 1941, he met ...": ``biography_verbs``); for a trigger inside such a phrase, only
    the phrase's own (or, close in time, the others as a last resort).
    A trigger in the past perfect ("acknowledged it had shot down the jet") takes only a date of its
    own clause: the day of a governing clause is later than its event.
    Preference: the expression's word modifies the trigger itself; then it
    sits in the trigger's clause; then in a clause that governs the
    trigger's; then anywhere in the sentence; a date that is part of another noun
    (:func:`of_another_noun`) one step later. Ties go to day precision
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
    rules = setting_rules(getattr(getattr(ctx, "options", None), "data_paths", None))
    home, foreign = scope(token, rules)
    penalty = {}
    for tx in cands:
        _, s, e = heads.get(tx.id, (None, 0, 0))
        penalty[tx.id] = _setting_penalty(doc, (s, e), token, home, foreign, rules) if tx.id in heads else 0
    cands = [tx for tx in cands if penalty[tx.id] is not None]
    if not cands:
        return None
    trig_clause = _clause_head(token)
    trig_chain = set()
    t = trig_clause
    for _ in range(50):
        trig_chain.add(t.i)
        if t.head is t:
            break
        t = t.head
    if clause_perfect(token) == "past":
        # "On Saturday, Iran acknowledged it had shot down the jet": the governing clause's day is
        # after the event the past perfect tells (a new-user trial found the shoot-down dated the day of
        # the admission); only a date of the trigger's own clause dates it
        cands = [tx for tx in cands if _own_clause(heads.get(tx.id), doc, trig_clause)]
        if not cands:
            return None

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
        if of_another_noun(doc, (s, e), token):
            score = min(score + 1, 3)
        day = 0 if _DAY_VALUE.match(tx.value) else 1
        dist = min(abs(token.i - s), abs(token.i - (e - 1)))
        return penalty[tx.id], score, day, dist

    return min(cands, key=rank)
