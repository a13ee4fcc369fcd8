"""When and where an event happened: the date and place of its clause, and the day and place the
text narrates for an event its own sentence does not date or place (step of the events stage, read by
:mod:`.assembly`, :mod:`.statements` and :mod:`.admissions`).

:func:`date_of` and :func:`place_of` ask the dates and places modules for the clause's own date and
place (``newsevents.dates.date_for_clause``, ``newsevents.places.place_for_clause``);
:func:`narrative_date` and :func:`narrative_place` carry the narrated day and place over from an
earlier sentence; :func:`told_apart` tells an event set in a phrase about another time.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from ..setting import (biography_clause, contrasted, relation_word, same_time, scope, setting_rules, status_time,
                       told_later)
from .arguments import refs, subject
from ..dates.tense import clause_perfect as perfect
from .state import ArticleState

if TYPE_CHECKING:
    from .rules import EventRules

__all__ = ["date_of", "event_date", "place_of", "narrative_date", "narrative_place", "carried_from", "ranked", "told_apart", "clause_chars",
           "perfect"]

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


#: TIMEX3 values coarser than a day: a year, month, week or season
_COARSE_DATE = re.compile(r"^\d{4}(-(\d{2}|W\d{2}|SP|SU|FA|WI|Q\d))?$")


def _optional(module: str, name: str):
    """``newsevents.<module>.<name>``, or None when that module is absent or lacks it (the events
    stage runs without the dates or places modules too)."""
    try:
        import importlib

        return getattr(importlib.import_module(f"newsevents.{module}"), name, None)
    except Exception:  # an optional module that fails to import is an absent one
        return None


def date_of(ctx, tok, anterior: bool = True) -> tuple:
    """RETURNS (tuple): ``(ISO day | None, date_source, TimeExpr id | None)`` of the clause of
    ``tok``: ``newsevents.dates.date_for_clause`` ("text"; when the dates module or stage is absent,
    the nearest date of the clause or sentence), else the publication date ("publication"), else
    ``(None, "unknown", None)``. A date of the clause coarser than a day ("next month") gives
    ``(None, "text", its id)``. An event told in a phrase that relates it to another event ("in
    response to the US airstrike", "since an assault in Ghazni", "18 years after Washington invaded
    the country", "after the group took over a third of the country"; :func:`told_apart`), in the
    past perfect ("had taken over": :func:`perfect`), in a sentence that dates a life ("Born on
    June 23, 1941, he met ..."), or some time after the narrated day ("She subsequently left the
    UK": ``later_adverbs``), or named by its rank among past events (:func:`ranked`: "the deadliest
    mass shooting in modern US history") happened at another time than the article's news: without a date of
    its own it is ``(None, "unknown", None)``, not the publication day (an empty date is better than
    a wrong one). ``anterior=False`` (an event that is only possible or planned: "warnings of
    possible attacks" under "had received") does not read the past perfect so."""
    te, own = None, False
    fn = _optional("dates", "date_for_clause")
    if fn is not None and ctx.shared.get("dates") is not None:
        te = fn(ctx, tok)
        own = te is not None
    else:
        sent_i = ctx.sentence_index(tok.idx)
        lo, hi = clause_chars(tok)
        same = [d for d in ctx.analysis.dates if d.evidence.sentence == sent_i and d.type in ("DATE", "TIME")]
        inside = [d for d in same if lo <= d.evidence.start and d.evidence.end <= hi]
        pool = inside or same
        if pool:
            te = min(pool, key=lambda d: abs(d.evidence.start - tok.idx))
            own = bool(inside)
    if te is not None and te.value and _ISO_DAY.match(te.value[:10]) and (len(te.value) == 10 or te.value[10] == "T"):
        return te.value[:10], "text", te.id
    if te is not None and own and te.type == "DATE" and te.value and _COARSE_DATE.match(te.value):
        return None, "text", te.id  # "next month", "last week", "in 2018": no day, and not the publication's
    if (told_apart(ctx, tok) or _related(ctx, tok) or (anterior and perfect(tok) == "past") or _after_birth(ctx, tok)
            or told_later(tok, _rules(ctx)) or ranked(tok)):
        return None, "unknown", None
    if ctx.published is not None:
        return ctx.published.isoformat(), "publication", None
    return None, "unknown", None


def ranked(tok) -> bool:
    """True when the event noun ``tok`` is named by its rank among past events: a superlative
    modifies it ("the investigation of the [deadliest] mass shooting in modern US history", "the
    [most] lethal attack"). Such a noun refers to an event the reader knows from before, not the
    day's news: without a date of its own its day is unknown, not the publication's (a new-user trial
    found the 2017 Las Vegas shooting dated on a 2018 publication day). RETURNS (bool)."""
    if tok.pos_ != "NOUN":
        return False
    return any(c.dep_ == "amod" and (c.tag_ == "JJS" or any(g.tag_ == "RBS" for g in c.children))
               for c in tok.children)


def _related(ctx, tok) -> bool:
    """True when ``tok`` is told in a relation phrase of an earlier event (``earlier_words``: "after
    the group took over a third of the country", "since ..."): without a date of its own (nor one of
    the main clause close in time) its day is unknown, not the news day (a new-user trial found
    ISIS's 2014 take-over dated the day of a 2020 vote)."""
    rules = _rules(ctx)
    home = scope(tok, rules)[0]
    return home is not None and relation_word(home) in rules.earlier_words


def event_date(state: ArticleState, tok, future: bool = False, hypothetical: bool = False,
               reported: bool = False, actors: list = ()) -> tuple:
    """The date of an event of trigger ``tok``: :func:`date_of`, or, when that is only the
    publication day (or unknown for a clause in the past perfect, which is never the news day, in a
    sentence with no date: "On Saturday, Iran acknowledged it had shot down the jet" is before that
    Saturday) and the event is neither future nor hypothetical, :func:`narrative_date` (``actors``:
    the event's ActorRefs).
    RETURNS (tuple): ``(ISO day | None, date_source, TimeExpr id | None)``."""
    date, source, ref = date_of(state.ctx, tok, anterior=not (future or hypothetical))
    if future or hypothetical:
        return date, source, ref
    if source == "publication" or (source == "unknown" and perfect(tok) == "past" and not _related(state.ctx, tok)
                                   and not told_apart(state.ctx, tok) and not _after_birth(state.ctx, tok)
                                   and not _sentence_dated(state.ctx, tok)):
        return narrative_date(state, tok, reported, actors) or (date, source, ref)
    return date, source, ref


def _sentence_dated(ctx, tok) -> bool:
    """True when the sentence of ``tok`` has a date or time of its own."""
    sent_i = ctx.sentence_index(tok.idx)
    return any(d.evidence.sentence == sent_i and d.type in ("DATE", "TIME") and (d.value or "")[:1].isdigit()
               for d in ctx.analysis.dates)


def _rules(ctx):
    return setting_rules(getattr(getattr(ctx, "options", None), "data_paths", None))


def _after_birth(ctx, tok) -> bool:
    """True when the sentence of ``tok`` dates a life's own event that is not ``tok``'s ("Born on
    June 23, 1941, he met ..."): the sentence tells a life, later than that date but not on the day
    of the news (a new-user trial found a 1960s meeting dated on a birthday)."""
    rules = setting_rules(getattr(getattr(ctx, "options", None), "data_paths", None))
    sent_i = ctx.sentence_index(tok.idx)
    for d in ctx.analysis.dates:
        if d.evidence.sentence != sent_i or d.type not in ("DATE", "TIME"):
            continue
        span = ctx.doc.char_span(d.evidence.start, d.evidence.end, alignment_mode="expand")
        life = biography_clause(span.root, rules) if span is not None else None
        if life is not None and not any(a.i == life.i for a in [tok] + list(tok.ancestors)):
            return True
    return False


def narrative_date(state: ArticleState, tok, reported: bool = False, actors: list = ()) -> Optional[tuple]:
    """The date the text is narrating, for an event its own sentence does not date: the date of
    the main clause of the last earlier sentence whose main clause has a day
    (``newsevents.dates.date_for_clause`` of the sentence root; "On Tuesday, Trump issued seven
    pardons. ... Trump granted Milken a full pardon": Tuesday; 'Yesterday, Rouhani addressed
    parliament. "The Americans are lying," he said.': yesterday), when it is a day no later than the
    publication, in a clause that is not future, and the event's own clause is in the past tense
    (or tells none: a noun), or is reported speech (``reported``: the time of a quoted "are lying"
    is the saying's); not for a present or future clause ("Trump asks Zelensky to ...").
    A month or year there ("She was convicted in 2008") dates background, not the narrated day,
    and is passed over; so is a date that is no adverbial of that sentence's main verb ("pointing
    to the December 31 attack"); a sentence that dates a life ("Born on December 11, 1935, Mukherjee
    began his career") turns the text to that life: the events after it, undated, take
    ``(None, "unknown", None)``, not the day narrated before it (a new-user trial found an obituary's
    career dated on the death day, and 2020 accusations on a birthday); a
    clause set against another time ("after the group took over ...") takes none, nor does one in the
    present perfect (:func:`perfect`: "has injected drama into trade talks, threatening them with
    tariffs" is ongoing), unless reported (the SDF said: "An agreement has been reached": by the time
    it was said); one in the past perfect may ("Thousands of people had gathered outside the
    National Congress": the story's day, told before its news). A news story tells its
    events in the time its lead sets; the publication day is the day it was told, often days later.
    The sentence just before, in the same paragraph, whose main subject is one of the event's
    ``actors`` and whose main clause is dated only by a month, week or year ("Mohr spoke about
    Blankenship with Wikinews in June, describing him as ... . Mohr lauded Blankenship's ability
    ..."), goes on telling that time: ``(None, "text", its id)`` (a new-user trial found the praise
    dated on the publication day). Which earlier sentence else: :func:`carried_from` (its own paragraph, else the lead: "Mr. Trump said
    on Nov. 8." does not date "The president announced the deal in the Oval Office" ten paragraphs
    on).
    RETURNS (tuple | None): ``(ISO day, "text", TimeExpr id)``, ``(None, "unknown", None)`` or None."""
    ctx = state.ctx
    try:
        from ..dates import clause_tense, date_for_clause
    except Exception:  # the dates module is optional here
        return None
    tense = clause_tense(tok)
    if ctx.shared.get("dates") is None or tense == "future" or (tense == "present" and not reported):
        return None
    if _set_apart(tok):
        return None  # "after the group took over a third of the country": told against another time
    if perfect(tok) == "present" and not reported:
        return None  # "He has injected drama into trade talks, threatening them with tariffs": no narrated day
    rules = setting_rules(getattr(getattr(ctx, "options", None), "data_paths", None))
    published = ctx.published.isoformat() if ctx.published is not None else None
    here = ctx.sentence_index(tok.idx)

    def told(i):
        if i not in state.sent_dates:
            root = ctx.sentences[i].root
            te = date_for_clause(ctx, root)
            ok = (te is not None and clause_tense(root) != "future" and _dates_root(ctx, te, root)
                  and not _status(ctx, te, rules))
            state.sent_dates[i] = _LIFE if _tells_a_life(ctx, i, rules) else te if ok else None
        return state.sent_dates[i]

    def day_of(i):
        te = told(i)
        # "in 2008": background, not the narrated day
        return te if te is not None and te is not _LIFE and _ISO_DAY.match((te.value or "")[:10]) else None

    prev = here - 1
    if prev >= 0 and state.paragraph(prev) == state.paragraph(here) and actors:
        te = told(prev)
        if (te is not None and te is not _LIFE and _COARSE_DATE.match(te.value or "")
                and _subject_entities(state, te) & _entities(state, actors)):
            return None, "text", te.id  # "Mohr spoke ... in June. Mohr lauded ...": still June
    # "Born on December 11, 1935, ...": the text tells a life from there on
    i = carried_from(state, here, stop=lambda i: told(i) is _LIFE, value=day_of)
    if i is _STOP:
        return None, "unknown", None
    if i is None:
        return None
    te = state.sent_dates[i]
    if published is not None and te.value[:10] > published:
        return None
    return te.value[:10], "text", te.id


def _entities(state: ArticleState, refs_: list) -> set:
    """The coreference entities (else mention ids) of ActorRefs ``refs_``. RETURNS (set[str])."""
    by_id = {a.id: a for a in state.ctx.analysis.actors}
    return {(by_id[r.mention].entity or r.mention) if r.mention in by_id else r.mention
            for r in refs_ if r.mention}


def _subject_entities(state: ArticleState, te) -> set:
    """The coreference entities of the actor mentions in the subject of the verb the date ``te``
    dates (its first verbal ancestor: "[Mohr] spoke about Blankenship with Wikinews in June")."""
    span = state.ctx.doc.char_span(te.evidence.start, te.evidence.end, alignment_mode="expand")
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None) if span is not None else None
    out = set()
    for head in [c for c in (verb.children if verb is not None else ()) if c.dep_ in ("nsubj", "nsubjpass")]:
        lo = min(t.idx for t in head.subtree)
        hi = max(t.idx + len(t.text) for t in head.subtree)
        out |= {a.entity or a.id for a in state.actor_index(lo, hi)}
    return out


#: :func:`carried_from`'s answer when a sentence that stops the carrying comes first
_STOP = object()


def carried_from(state: ArticleState, here: int, stop, value, same_day=None, other_day=None, rank=None):
    """The sentence whose day or place an event of sentence ``here`` that names none is told in: the
    nearest earlier sentence of its own paragraph with a ``value``; else (the event in a later
    paragraph) the nearest sentence of an earlier paragraph on the event's own day (``same_day``:
    "At the Atlantic Council's Washington headquarters on Tuesday, Mitsotakis said ... || Later on
    Tuesday Mitsotakis met with President Trump"); else the first sentence of the lead with a
    ``value`` that is not on another day than the event (``other_day``), of the best ``rank`` if
    given ("Indonesia's security minister was stabbed. Wiranto, who was visiting the town of
    Pandeglang, survived": where the minister visited, not where a minister is). A news story's lead sets
    the when and where of its story, first in its first sentence (the inverted pyramid: "Zhukovskyy
    pleaded not guilty on Tuesday in New Hampshire. ... he struck the motorcycles on June 21 in
    Randolph. || ... || For this reason, he was not granted bail": Tuesday, New Hampshire), which
    the paragraphs go on telling; a day or place a later paragraph names ("Mr. Trump said on Nov.
    8.", a truck driver "from West Palm Beach") is that paragraph's, not the next ones' (a new-user
    trial found 11 events of a feature article dated by one mid-article quote). A sentence for
    which ``stop`` holds, between the event and the sentence found, stops the carrying (a sentence
    that dates a life, "In other parts of the city").

    state (ArticleState). here (int): the event's sentence. stop, value, same_day, other_day
    (Callable[[int], object]): per sentence index. RETURNS (int | None | object): the sentence
    index, None, or :data:`_STOP`."""
    para = state.paragraph(here)
    for i in range(here - 1, -1, -1):
        if state.paragraph(i) != para:
            break
        if stop(i):
            return _STOP
        if value(i) is not None:
            return i
    if para == 0:
        return None
    earlier = [i for i in range(here - 1, -1, -1) if state.paragraph(i) != para]
    for i in earlier:
        if stop(i):
            return _STOP
        if same_day is not None and state.paragraph(i) != 0 and value(i) is not None and same_day(i):
            return i
    lead = [i for i in reversed(earlier) if state.paragraph(i) == 0]
    fits = [i for i in lead if value(i) is not None and not (other_day is not None and other_day(i))]
    found = min(fits, key=lambda i: (rank(i) if rank is not None else 0, i)) if fits else None
    if found is not None and any(stop(i) for i in lead if i > found):
        return _STOP
    return found


def _on_day(ctx, i: int, day: Optional[str], same: bool) -> bool:
    """True when sentence ``i`` has a date or time on the ISO day ``day`` (``same``), or has one
    and none on that day (not ``same``: told on another day). False when ``day`` is None."""
    if not day:
        return False
    days = {(d.value or "")[:10] for d in ctx.analysis.dates
            if d.evidence.sentence == i and d.type in ("DATE", "TIME") and _ISO_DAY.match((d.value or "")[:10])}
    return day in days if same else bool(days) and day not in days


#: the cached date of a sentence that dates a life ("Born on December 11, 1935, ...")
_LIFE = object()


def _tells_a_life(ctx, i: int, rules) -> bool:
    """True when sentence ``i`` has a date of a life's own event ("Harris was born on October 20,
    1964", "Born on December 11, 1935, Mukherjee began his career":
    :func:`~newsevents.setting.biography_clause`)."""
    for d in ctx.analysis.dates:
        if d.evidence.sentence != i or d.type not in ("DATE", "TIME"):
            continue
        span = ctx.doc.char_span(d.evidence.start, d.evidence.end, alignment_mode="expand")
        if span is not None and biography_clause(span.root, rules) is not None:
            return True
    return False


def _status(ctx, te, rules) -> bool:
    """True when ``te`` is the time a state is reported at ("As of Monday, he was still in critical
    condition": :func:`~newsevents.setting.status_time`), no narrated day."""
    span = ctx.doc.char_span(te.evidence.start, te.evidence.end, alignment_mode="expand")
    return span is not None and status_time(span.root, rules)


def _dates_root(ctx, te, root) -> bool:
    """True when the date ``te`` is an adverbial of the sentence's main verb ("On Tuesday, Trump
    issued ...", "pleaded not guilty on Tuesday" through its complement), or of the clause it reports ("Estimates indicate a million people marched on
    Saturday"), not a word of another noun or clause ("pointing to the December 31 attack",
    "Born on June 23, 1941, he met ...")."""
    span = ctx.doc.char_span(te.evidence.start, te.evidence.end, alignment_mode="expand")
    if span is None:
        return False
    t, n = span.root, 0
    while t.i != root.i and t.head.i != t.i and n < 8 and (
            t.dep_ in ("pobj", "prep", "npadvmod", "nummod", "appos", "conj", "advmod", "tmod", "ccomp", "acomp")
            # "After a hearing was held on February 24, the Senate found ...": the time it sets
            or (t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "when", "as")
                                          for c in t.children))):
        t, n = t.head, n + 1
    return t.i == root.i


def _set_apart(tok) -> bool:
    """True when ``tok``'s clause is set against another time by its subordinator ("after the
    group took over", "before it was banned", "since ...", "until ...")."""
    t, n = tok, 0
    while t.head.i != t.i and n < 8:
        if any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until", "once") for c in t.children):
            return True
        if t.dep_ in ("ROOT", "ccomp", "parataxis"):
            return False
        t, n = t.head, n + 1
    return False


#: the cached place of a sentence that says it is elsewhere than the text was ("In other parts of the city")
_ELSEWHERE = "elsewhere"


def narrative_place(state: ArticleState, tok, codes: set = frozenset(), earlier: list = (),
                    rules: Optional["EventRules"] = None, day: Optional[str] = None) -> Optional[str]:
    """The place the text is narrating, for an event its own sentence does not place: the place of
    the main clause of the nearest earlier sentence that has one (``newsevents.places.
    place_for_clause`` of the sentence root; "Police chased the gunman in Lyon. Officers eventually
    shot him dead."; "Wiranto was visiting the town of Pandeglang. ... The local police chief was
    also injured."). An event whose actors are coded (``codes``) takes only the place of a sentence
    where one of them acted (``earlier``: the events before it): another side's place is not its
    own: the sentence's events or main subject must share a code with them (a new-user trial found Putin's decree placed in the Brussels of the EU ministers meeting
    there, and a US state of emergency in the Maine of a list of suing states). Where an actor is
    (``place_and_rank``'s ``ACTOR_RANK``: "Derek Scissors, a professor at Cornell, said") and where
    a life began ("Harris was born in Oakland") are not carried over. A clause that says it
    is elsewhere ("In other parts of the city, ...": :func:`~newsevents.setting.contrasted`) takes none,
    and the events after it do not reach back past it, nor past a sentence that dates a life ("Born
    on December 11, 1935, in Mirati, ...": the death in New Delhi told before is not where his career was).
    The sentence just before, in the same paragraph, whose main subject is one of the event's
    ``actors`` and whose main clause is dated only by a month, week or year ("Mohr spoke about
    Blankenship with Wikinews in June, describing him as ... . Mohr lauded Blankenship's ability
    ..."), goes on telling that time: ``(None, "text", its id)`` (a new-user trial found the praise
    dated on the publication day). Which earlier sentence else: :func:`carried_from` (its own paragraph, else one of the event's own day
    ``day``, its ISO day as the text tells it, else the lead's first on no other day).
    RETURNS (str | None): the Place id."""
    ctx = state.ctx
    if ctx.shared.get("places") is None:
        return None
    try:
        from ..places.clause import ACTOR_RANK, place_and_rank
    except Exception:  # the places module is optional here
        return None
    if contrasted(tok, _rules(ctx)):
        return None  # "In other parts of the city, the police used tear gas": not where the text was
    here = ctx.sentence_index(tok.idx)
    rules_s = _rules(ctx)

    def told(i):
        if i not in state.sent_places:
            root = ctx.sentences[i].root
            if contrasted(root, rules_s) or _tells_a_life(ctx, i, rules_s):
                state.sent_places[i] = _ELSEWHERE
            else:
                p, rank, listed = place_and_rank(ctx, root)
                # where an actor is ("a professor at Cornell said"), one of a list ("attorneys general
                # from Maine, New York, ..."), or where a life began ("Harris was born in Oakland"),
                # is no place the text goes on narrating
                keep = (p is not None and rank != ACTOR_RANK and not listed
                        and biography_clause(root, rules_s) is None)
                state.sent_places[i] = p.id if keep else None
                state.sent_place_ranks[i] = rank
        return state.sent_places[i]

    def place_of_sentence(i):
        got = told(i)
        if got is None or got == _ELSEWHERE:
            return None
        if codes and not (any(r.code in codes for e in earlier if e.evidence.sentence == i for r in e.actors)
                          or codes & _subject_codes(rules, state, i)):
            return None  # someone else's place
        return got

    # "In other parts of the city, ...", "Born on December 11, 1935, in Mirati, ...": what came
    # before is no longer where the text is
    i = carried_from(state, here, stop=lambda i: told(i) == _ELSEWHERE, value=place_of_sentence,
                     same_day=lambda i: _on_day(ctx, i, day, True), other_day=lambda i: _on_day(ctx, i, day, False),
                     rank=lambda i: state.sent_place_ranks.get(i) or 0)
    return None if i is None or i is _STOP else state.sent_places[i]


def _subject_codes(rules: Optional["EventRules"], state: ArticleState, i: int) -> set:
    """The codes of the main subject of sentence ``i`` (cached on the state). RETURNS (set[str])."""
    got = state.sent_subjects.get(i)
    if got is None:
        root = state.ctx.sentences[i].root
        got = {r.code for r in refs(rules, state, subject(root)[0]) if r.code} if rules is not None else set()
        state.sent_subjects[i] = got
    return got


def told_apart(ctx, tok) -> bool:
    """True when ``tok`` is told in a phrase relating it to an event of another time (``scope`` and
    ``same_time`` of :mod:`newsevents.setting`): "the US airstrike" of "in response to the US
    airstrike", "an attack" of "approximately one week after an attack"."""
    rules = setting_rules(getattr(getattr(ctx, "options", None), "data_paths", None))
    home, _ = scope(tok, rules)
    return home is not None and not same_time(home, rules)


def place_of(ctx, tok) -> Optional[str]:
    """The id of the Place of the clause of ``tok``: ``newsevents.places.place_for_clause`` (None when
    it finds none: a toponym it passes over is a party or another event's place, not this one's);
    when the places module or stage is absent, the first place inside the clause, else None."""
    fn = _optional("places", "place_for_clause")
    if fn is not None and ctx.shared.get("places") is not None:
        p = fn(ctx, tok)
        return p.id if p is not None else None
    sent_i = ctx.sentence_index(tok.idx)
    lo, hi = clause_chars(tok)
    for p in ctx.analysis.places:
        if p.evidence.sentence == sent_i and lo <= p.evidence.start and p.evidence.end <= hi:
            return p.id
    return None


def clause_chars(tok) -> tuple[int, int]:
    """First and end character of the clause holding ``tok``."""
    v = tok
    while v.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis") and v.head.i != v.i:
        v = v.head
    sub = [t for t in v.subtree]
    return min(t.idx for t in sub), max(t.idx + len(t.text) for t in sub)
