"""Parse helpers of the mention pass: span heads, actor slots, noun modifiers, number words.

Questions about one span or token of the dependency parse that several recognisers ask:
its root, whether it fills an actor slot (rules.yaml ``actor_deps``, ``actor_preps``...),
whether it modifies the noun after it, whether it is a destination ('fled into Turkey'),
whether its noun has a determiner, and the number word of a group noun ('the two leaders').
"""
from __future__ import annotations

from .state import Item


def _span_root(doc, start: int, end: int):
    for k in range(start, end):
        t = doc[k]
        if not (start <= t.head.i < end) or t.head.i == t.i:
            return t
    return doc[end - 1]


def actor_position(tok, rules: dict) -> bool:
    """True when ``tok`` fills an actor slot: subject, object, possessor, agent, or the
    object of an actor preposition ('talks with Seoul'); conj/appos follow their head.
    Source of the label lists: rules.yaml."""
    t = tok
    for _ in range(8):
        if t.dep_ in ("conj", "appos") and t.head.i != t.i:
            t = t.head
        else:
            break
    deps = rules.get("actor_deps", ())
    if t.dep_ in deps:
        return True
    if t.dep_ == "pobj":
        prep = t.head.lower_
        if prep == "of" and t.head.head.lemma_.lower() in rules.get("of_heads", ()):
            return True  # 'the delegations of Cyprus, Greece and Israel', 'the leaders of the two countries'
        if prep == "for":
            head = t.head.head
            return head.lemma_.lower() in rules.get("for_heads", ()) or head.lower_ in rules.get("for_heads", ())
        if prep in rules.get("actor_preps", ()):
            if prep == "from":
                return t.head.head.lemma_.lower() in rules.get("from_heads", ())
            if prep == "to" and rules.get("to_needs_verb"):
                return t.head.head.pos_ in ("VERB", "AUX")
            return True
    return False


def _is_noun_modifier(doc, item: Item) -> bool:
    """True when the item's last token modifies a following noun ('government officials')."""
    t = doc[item.end - 1]
    return t.dep_ in ("compound", "amod", "nmod") and t.head.i >= item.end


def _destination(doc, start: int, end: int, venues=()) -> bool:
    """Whether the span is the object of 'to', 'into' or 'toward(s)' ('officers travelled to
    Canada', 'refugees fled into Turkey'), or the venue of a meeting ('ministers meeting in
    Brussels', 'met in Singapore'; ``venues``: the lemmas of meeting words, actor rules
    ``venue_heads``, and of birth, ``origin_heads``: 'born in the territory of Martinique'):
    where someone goes, meets or comes from, not whose the sentence's other people are."""
    root = _span_root(doc, start, end)
    # "born in the French territory of Martinique", "met in the city of Singapore"
    while root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ == "pobj":
        root = root.head.head
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in ("to", "into", "toward", "towards"):
        return True
    return prep.lower_ in ("in", "at") and prep.head.lemma_.lower() in venues


def _counterpart(doc, start: int, end: int, rules: dict) -> bool:
    """Whether a country name is the other side of the sentence's act: an object ('attacked
    Israel'), the object of an actor preposition other than 'from' after a verb or a noun (not 'at')
    ('fired at Israel', 'talks with Iran', 'dealings with Ukraine'), or the subject of a reported clause ('protesters claimed Iran is interfering'). A
    party to the act is not the country of the sentence's unnamed people ('gunmen', 'protesters')."""
    root = _span_root(doc, start, end)
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    if root.dep_ in ("dobj", "dative"):
        return True
    if root.dep_ == "pobj":
        prep = root.head.lower_
        if prep == "from" or prep not in rules.get("actor_preps", ()):
            return False
        # of a verb ('fired at Israel'), or of a noun of an act or a relation ('dealings with
        # Ukraine', 'talks with Iran', 'the ambassador to Ukraine': not a Ukrainian ambassador;
        # not 'the summit at Geneva')
        return root.head.head.pos_ in ("VERB", "AUX") or (root.head.head.pos_ == "NOUN" and prep != "at")
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ccomp":
        # of a clause reported after its sayer ('protesters claimed Iran is ...'), not of one
        # before it ('France is ready to send troops, the minister said': France acts)
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i for c in root.head.head.children)
    return False


def _text(doc, a: int, b: int) -> str:
    return doc[a:b].text


def _has_det(doc, tok, dets=("the", "this", "that")) -> bool:
    return any(c.dep_ in ("det", "poss") and (c.lower_ in dets or c.dep_ == "poss") for c in tok.children)


def _group_number(doc, head, rules) -> int:
    """'the two leaders' / 'both leaders' -> 2; 'Both' standing alone as a subject -> 2; 0 when the
    noun has no number word."""
    numbers = rules.get("numbers", {})
    if head.dep_ in ("nsubj", "nsubjpass") and head.lower_ in numbers and not any(
            c.dep_ in ("prep", "compound", "amod") for c in head.children):
        return int(numbers[head.lower_])  # 'Both on Thursday received prison terms' ('both of them' is no group)
    for c in head.lefts:
        n = numbers.get(c.lower_)
        if n is None:
            n = numbers.get(str(c.lower_))
        if n and c.dep_ in ("nummod", "det", "predet", "preconj", "quantmod", "amod", "cc"):
            return int(n)
    return 0
