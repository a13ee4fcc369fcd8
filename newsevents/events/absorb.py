"""Absorptions: which trigger matches are part of another match's event.

A frame verb ("agreed to meet", "urged X to withdraw") takes the trigger of its complement, an
allegation the act it alleges ("accused Iran of attacking its ships"); an
order to one's own people ("ordered its troops to withdraw") and a decreed material act
("ordered the arrest of") are the ordered act itself; a casualty verb joins the violent event whose
toll it tells ("killed in an air strike"); a light-verb trigger and its noun trigger become one
event. Called by :func:`.triggers.find_triggers`; sets ``Match.absorbed_by``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .triggers import SUBJ, Match, complements

if TYPE_CHECKING:
    from .rules import EventRules

__all__ = ["absorb", "casualty_host"]


def own_subordinates_ordered(rules: EventRules, m) -> bool:
    """True when a REQUEST frame ("ordered", "instructed") is addressed to the actor's own
    people ("his staff", "its troops": rules.yaml ``own_subordinates``): what they are told to
    do is the actor's own act, as CAMEO codes a government's order to its forces."""
    if m.pattern.event_type != "REQUEST":
        return False
    for c in m.head.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in rules.own_subordinates and any(
                g.dep_ == "poss" and g.lower_ in ("his", "her", "its", "their") for g in c.children):
            return True
    return False


def decreed(rules: EventRules, m, nm) -> bool:
    """Whether the frame ``m`` decrees the act of its object's trigger ``nm`` (rules.yaml
    ``decreed_acts``): "ordered asset freezes", "agreed travel bans" are the freezes and bans."""
    lemma = m.head.lemma_.lower()
    etype = nm.pattern.event_type
    return (lemma in rules.decree_verbs and etype in rules.decreed_types) or (
        lemma in rules.agreed_verbs and etype in rules.agreed_types)


def absorb(rules: EventRules, matches: dict) -> None:
    """Frame triggers absorb the trigger of their clause complement; casualty verbs join their
    host event; a light-verb trigger and its noun trigger become one (sets ``absorbed_by``)."""
    by_light: dict = {}  # light-verb token -> the noun triggers it carries ("make a deal": make -> deal)
    for x in matches.values():
        if x.light is not None:
            by_light.setdefault(x.light.i, []).append(x)
    for i, m in matches.items():
        if "frame" not in m.pattern.flags:
            continue
        if own_subordinates_ordered(rules, m):
            # "Trump ordered his staff to delay the aid": the complement is Trump's own act
            for comp in complements(m.head):
                if comp.i in matches and matches[comp.i] is not m:
                    m.absorbed_by = matches[comp.i]
                    matches[comp.i].ordered_by = m
                    break
            if m.absorbed_by is not None:
                continue
        gave_way = False
        for comp in complements(m.head):
            cm = matches.get(comp.i)
            if cm is None and m.pattern.event_type == "REQUEST":
                # "urged Trump to make a deal": the noun trigger of the complement's light verb is
                # only asked for (a promise or threat of one keeps both events, as PLOVER GSR codes)
                cm = next(iter(by_light.get(comp.i, ())), None)
            if cm is not None and cm is not m and cm.absorbed_by is None:
                if cm.pattern.pos == "N" and m.absorbed_by is None and decreed(rules, m, cm):
                    m.absorbed_by = cm  # "ordered asset freezes" misparsed as a clause: the freezes
                    gave_way = True
                    break
                cm.absorbed_by = m
        if gave_way:
            continue
        # "called for sanctions", "demanded the withdrawal": the object noun's trigger
        for child in m.head.children:
            if child.dep_ == "dobj" and child.i in matches:
                nm = matches[child.i]
                if decreed(rules, m, nm) and nm.absorbed_by is None:
                    m.absorbed_by = nm  # "Obama ordered asset freezes": the freezes, by Obama
                    break
                nm.absorbed_by = m
            if child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i in matches and matches[pobj.i].light is None:
                        matches[pobj.i].absorbed_by = m
    # "accused Iran of attacking its ships": the alleged act is the allegation's content, not an
    # event the text reports (PLOVER codes the ACCUSE; CAMEO 112 "accuse" likewise)
    for i, m in matches.items():
        if m.pattern.event_type != "ACCUSE" or m.pattern.pos != "V":
            continue
        if m.pattern.mode == "allege":  # "alleged that Iran had armed the rebels"
            for c in m.head.children:
                cm = matches.get(c.i)
                if c.dep_ == "ccomp" and cm is not None and cm is not m and cm.absorbed_by is None:
                    cm.absorbed_by = m
        for prep in m.head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "with"):
                continue
            for g in prep.children:
                cm = matches.get(g.i)
                if g.dep_ == "pcomp" and g.tag_ == "VBG" and cm is not None and cm is not m and cm.absorbed_by is None:
                    cm.absorbed_by = m
    # "led a protest march to INEC to protest against the outcome": the purpose infinitive of a
    # light verb whose noun trigger is of its type is that same event, told twice (rules.yaml
    # restated_purpose_types; "used tear gas to disperse protesters" is two acts)
    for i, m in matches.items():
        tok = m.head
        if m.absorbed_by is not None or m.pattern.pos != "V" or tok.dep_ not in ("advcl", "xcomp") \
                or m.pattern.event_type not in rules.restated_purpose_types \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            continue
        host = next((x for x in by_light.get(tok.head.i, ()) if x is not m
                     and x.pattern.event_type == m.pattern.event_type and x.absorbed_by is None), None)
        if host is not None:
            m.absorbed_by = host
    # "were killed in an air strike", "shelled the town, killing eight": the toll of an event
    for i, m in matches.items():
        if m.absorbed_by is not None or m.pattern.event_type != "ASSAULT" \
                or m.head.lemma_.lower() not in rules.casualty_verbs or m.pattern.pos != "V":
            continue
        host = casualty_host(m, matches)
        if host is not None:
            m.absorbed_by = host
            host.casualties.append(m)
    # "US forces killed Soleimani in an airstrike", "attacked the town with rockets": an attack
    # noun that is the means of a violent verb with its own subject is that one event
    for i, m in matches.items():
        tok = m.head
        if m.absorbed_by is not None or m.pattern.pos != "N" or m.pattern.event_type != "ASSAULT" \
                or tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "with", "by", "during", "through"):
            continue
        host = matches.get(tok.head.head.i)
        if host is not None and host is not m and host.absorbed_by is None and host.pattern.pos == "V" \
                and host.pattern.event_type == "ASSAULT" and any(c.dep_ in SUBJ for c in host.head.children):
            m.absorbed_by = host
            host.means = m
    # noun triggers governed by a light verb that is itself a trigger: the verb pattern
    # wins when it names the noun ("sign an agreement", "call off the strike"), else the
    # noun's reading ("gave a welcome", "sent inspectors")
    for i, m in matches.items():
        if m.light is not None and m.light.i in matches and matches[m.light.i] is not m:
            lm = matches[m.light.i]
            if any(t.i == m.head.i for t in lm.tokens) and not lm.need_recipient:
                m.absorbed_by = lm
            elif lm.need_recipient and lm.absorbed_by is None:
                # "granted Milken a full pardon": the object is no aid good but an event noun
                lm.absorbed_by = m
            elif "frame" not in lm.pattern.flags and lm.absorbed_by is None:
                lm.absorbed_by = m


def casualty_host(m: Match, matches: dict) -> Optional[Match]:
    """The violent event whose toll the casualty verb of ``m`` tells, or None: an ASSAULT
    noun trigger that is the object of its cause preposition ("killed in an air strike",
    "wounded by shelling", "died in clashes"), or the ASSAULT verb it hangs from as a
    participle ("bombarded the city, killing eight")."""
    tok = m.head
    if any(c.dep_ in SUBJ for c in tok.children):
        return None  # "rebels killed eight": an event with its own actor
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lemma_.lower() in ("in", "by", "during", "from", "after"):
            for g in c.children:
                hm = matches.get(g.i)
                if g.dep_ == "pobj" and hm is not None and hm is not m \
                        and hm.pattern.event_type == "ASSAULT" and hm.absorbed_by is None:
                    return hm
    for c in tok.children:  # "were killed in Israeli tank shelling" parsed as an advcl
        hm = matches.get(c.i)
        if c.dep_ == "advcl" and c.tag_ == "VBG" and hm is not None and hm is not m \
                and hm.pattern.event_type == "ASSAULT" and hm.absorbed_by is None:
            return hm
    if tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG":
        hm = matches.get(tok.head.i)
        if hm is not None and hm is not m and hm.pattern.event_type == "ASSAULT" and hm.absorbed_by is None:
            return hm
    return None
