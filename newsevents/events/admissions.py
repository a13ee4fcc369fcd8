"""Admissions: owning up to one's own act is a concession (CONCEDE).

"Iran acknowledged its military had shot down the Ukrainian jet", "the ministry admitted that
its forces fired on the crowd": the reported act is an event of its own (the ASSAULT, found by
its pattern) and the admission is a second one, by whoever admits it, aimed at those the act
was aimed at. CAMEO codes the acknowledgement of responsibility as 015 ("acknowledge or claim
responsibility"); PLOVER 2.0 has no statement type for it, and a side that owns up to a wrong
yields to the other side's account of it: a verbal concession (CONCEDE, as the wikinews-dev
annotation codes "Iran admits that it shot down the jet"; AGREE is the other reading).

Only conflictual acts count (``rules.yaml`` ``admitted_types``): acknowledging that talks took
place or that the economy is slowing concedes nothing. The admission verb is a word of
``admission_verbs`` governing the act's clause (``ccomp``, or the gerund of "admitted
shooting down"); a negated admission ("did not admit") is none. A sentence whose admitter
already has a CONCEDE event adds nothing. An admitter the actors stage could not code
("representatives from Iran") is the act's own coded side.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Event
from .coding import code_type

if TYPE_CHECKING:
    from .rules import EventRules
    from .state import ArticleState

__all__ = ["admission_events"]

_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "pcomp"})


def _admitting_verb(rules: "EventRules", tok):
    """The admission verb governing the clause of ``tok`` (within three steps up), or None."""
    t, n = tok, 0
    while t.head.i != t.i and n < 3:
        if t.dep_ in _CLAUSE_DEPS or (t.dep_ == "pobj" and t.head.dep_ == "prep"):
            gov = t.head if t.dep_ != "pobj" else t.head.head
            if gov.pos_ == "VERB" and gov.lemma_.lower() in rules.admission_verbs:
                return gov
        t = t.head
        n += 1
    return None


def admission_events(rules: "EventRules", state: "ArticleState", events: list) -> list:
    """The CONCEDE events of the admissions of ``events`` (see the module docstring).

    events (list[Event]): the pattern events of the article.
    RETURNS (list[Event]): new events, one per admitting verb.
    """
    from .arguments import refs, subject
    from .time_place import event_date, place_of

    ctx = state.ctx
    doc = ctx.doc
    out, seen = [], set()
    have = {(e.evidence.sentence, r.code) for e in events if e.event_type == "CONCEDE" for r in e.actors}
    for ev in events:
        if ev.event_type not in rules.admitted_types or ev.negated or ev.hypothetical:
            continue
        span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
        if span is None:
            continue
        verb = _admitting_verb(rules, span.root)
        if verb is None or verb.i in seen or any(c.dep_ == "neg" for c in verb.children):
            continue
        actors = refs(rules, state, subject(verb)[0])
        if not any(r.code or r.sector for r in actors):
            # "representatives from Iran acknowledged their government had shot down ...": one
            # owns up to one's own side's act, so the act's actors stand for an unnamed admitter
            actors = [r for r in ev.actors if r.code]
        if not actors:
            continue
        if any((ev.evidence.sentence, r.code) in have for r in actors if r.code):
            continue
        seen.add(verb.i)
        a_keys = {r.mention for r in actors}
        recipients = [r for r in ev.recipients if r.mention not in a_keys]
        mode, root, goldstein, quad = code_type(rules.tables, "CONCEDE", None, None)
        # owned up to in the narrated time, as a statement
        date, date_source, date_ref = event_date(state, verb, reported=True)
        sent = verb.sent
        out.append(Event(
            id=ctx.new_id("V"), event_type="CONCEDE", mode=mode, actors=actors, recipients=recipients,
            reciprocal=False, date=date, date_source=date_source, date_ref=date_ref,
            place=place_of(ctx, verb), cameo=root, goldstein=goldstein, quad_class=quad,
            negated=False, future=False, hypothetical=False, reported=ev.reported,
            pattern=f"admission: {verb.lemma_.lower()}", trigger=ctx.span_evidence(verb),
            evidence=ctx.evidence(sent.start_char, sent.end_char)))
    return out
