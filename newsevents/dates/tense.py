"""Anchoring by tense (a step of the dates stage): does an expression point before or after publication?

News reports past events, so a bare weekday or month is the last one on or
before the publication date, unless its clause is about the future ("will meet
on Friday", "is due to arrive Friday", "plans to visit Friday"). :func:`clause_tense`
reads that from the parse; the resolver (:mod:`newsevents.dates.resolve`) turns it
into a direction. Anchoring on the narrated day instead of publication is
:mod:`newsevents.dates.discourse`.
"""
from __future__ import annotations

from typing import Optional

__all__ = ["clause_tense", "clause_is_future", "clause_perfect"]

_VERBAL = {"VERB", "AUX"}


def clause_tense(token, future_aux=frozenset({"will", "shall", "'ll", "wo", "would"}),
                 governors=frozenset({"plan", "expect", "schedule", "set", "due", "intend", "go"}),
                 speech=frozenset({"say", "tell"}), schedulers=frozenset(), deadlines=frozenset(),
                 targets=frozenset(), time_nouns=frozenset(), forward=frozenset({"ahead", "prior"})) -> Optional[str]:
    """Tense of the clause governing ``token``: "future", "present", "past" or None.

    Walks from ``token`` up the dependency tree to the first verb (spaCy POS
    VERB/AUX), then reads the parse:

    * "future": a future auxiliary among its children ("will", "shall",
      "'ll", tag MD); a to-infinitive under a future-looking governor
      ("plans to", "is due to", "is set to", "is going to", "is to"); a
      present passive of a scheduling verb ("is scheduled for"), not in the past perfect
      ("had been scheduled to expire Friday": None); a scheduling
      verb with an object, in any tense ("planned a demonstration on
      Saturday", "has scheduled a news conference Thursday"); "until" under a
      verb that puts something off ("postponed until Tuesday", "gave them
      until 9 a.m. Tuesday");
    * "present": a present-tense (VBZ/VBP) main verb that is not a speech
      verb and has no auxiliary ("meet Monday" = scheduled future in news);
    * "past": a past-tense verb (VBD) or a past auxiliary ("had met",
      "was held", "did");
    * "past" too: a past participle that modifies a noun, with no auxiliary and no plan in its verb
      ("his physical exam -- conducted in February --", "the law passed in March"; not "the summit
      scheduled for May", a verb of ``governors``, ``schedulers``, ``deadlines`` or ``targets``);
    * None: no verb, or nothing decides (a noun phrase, an infinitive); also a date that is the
      target of a move ("extended the lockdown to May 1", "postponed the vote to March 3" under a
      verb of ``targets``): the tense of the move says nothing of the day it moves to; and a date
      the act looks forward to ("delivered his final plea ahead of Election Day", "prior to": the
      head word of its preposition in ``forward``), which may lie after publication whatever the
      verb's tense.

    token (Token): a word of the temporal expression (its syntactic root).
    future_aux, governors, speech, schedulers, deadlines, targets (frozenset[str]): from
        data/dates/lexicon.yaml (``scheduling_verbs``, ``deadline_verbs``, ``target_date_verbs``
        for the last three). time_nouns (frozenset[str]): nouns that are themselves times
        (``parts_of_day`` and ``units``): a date under one ("shot on the night of Oct. 23") takes
        the tense of the verb above it (TempEval-3 NYT19990505.0443). forward (frozenset[str]): the
        words "of"/"to" hang on in a date looked forward to (``forward_words`` of lexicon.yaml).
    RETURNS (str | None).
    """
    v = token
    via_noun = False
    below = token        # the word under ``v`` on the way up
    for _ in range(10):
        if v.pos_ in _VERBAL or v.head is v:
            break
        if v.lower_ == "as" and v.head.lower_ in ("soon", "early"):   # "as soon as Tuesday"
            return "future"
        if v.lower_ in ("until", "till") and v.head.lemma_ in deadlines:   # "postponed until Tuesday"
            return "future"
        if v.lower_ in ("to", "through") and v.dep_ == "prep" and v.head.lemma_ in targets:
            return None      # "extended the lockdown to May 1": the day moved to, whatever the tense
        if v.pos_ == "ADP" and v.head.lower_ in forward:
            return None      # "ahead of Election Day", "prior to the vote": looked forward to, whatever the tense
        below, v = v, v.head
        if v.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and v.i != token.i and v.lower_ not in time_nouns:
            via_noun = True  # not through "the night of Oct. 23", "the morning of August 1": still the verb's time
    if v.pos_ in _VERBAL and v.lemma_ in schedulers and (
            below.dep_ == "dobj" or (not via_noun and any(c.dep_ == "dobj" for c in v.children))):
        return "future"      # "planned a demonstration on Saturday", "has scheduled a news conference Thursday"
    if v.pos_ not in _VERBAL or via_noun:
        return None          # no verb, or the date modifies a noun ("Friday's close", "payable Dec. 7")
    for _ in range(3):   # the verb, then the verbs whose infinitive it is
        kids = list(v.children)
        auxes = [c for c in kids if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in future_aux for c in auxes):
            return "future"
        if v.lemma_ in governors and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "'s", "'re", "am")
                                         for c in kids):
            return "future"
        if v.tag_ == "VBN" and not auxes and v.dep_ == "acl" and not any(
                v.lemma_ in words for words in (governors, schedulers, deadlines, targets)):
            return "past"    # "his physical exam -- conducted in February --": a participle of a done act
        has_to = any(c.lower_ == "to" for c in auxes)
        head = v.head
        if has_to and v.dep_ == "xcomp" and head is not v:
            if head.lemma_ in governors and _past_perfect(head):
                return None      # "had been scheduled to expire Friday": a plan of the past, no future
            if head.lemma_ in governors or (head.lemma_ == "be" and head.dep_ == "ROOT"):
                return "future"
            v = head
            continue
        if v.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
            return "past"
        if (v.tag_ in ("VBZ", "VBP") and v.lemma_ not in speech and v.lemma_ != "be"
                and not auxes and v.dep_ != "relcl"):
            return "present"
        break
    return None


def _past_perfect(governor) -> bool:
    """Is a future-looking governor in the past perfect ("had been scheduled to", "had planned to",
    "had been due to")? Such a plan was made before a past moment, so it does not make its day
    future; nothing decides the tense then, which puts a bare weekday on or before publication
    (TempEval-3 wsj_0542 "had been scheduled to expire at midnight Friday" and wsj_0533 "had been due
    to expire Friday evening" are the Friday before) and a month-day on the nearest one (wsj_0152
    "had been set to expire Nov. 6", four days after publication). For an adjective ("due") the
    auxiliary sits on its copula."""
    for w in (governor, governor.head if governor.dep_ == "acomp" else None):
        if w is not None and any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in w.children):
            return True
    return False


def clause_is_future(token, *args) -> bool:
    """RETURNS (bool): :func:`clause_tense` says "future"."""
    return clause_tense(token, *args) == "future"


#: dependencies through which a non-finite verb takes the tense and aspect of the verb above it
_NONFINITE_DEPS = ("advcl", "xcomp", "conj", "acl", "dobj", "pobj", "nsubj", "nsubjpass", "prep", "compound")


def clause_perfect(tok) -> Optional[str]:
    """The perfect aspect of the clause of ``tok``: "present" ("He [has injected] drama into trade
    talks, publicly [threatening] them with tariffs": an ongoing or repeated act, no one day),
    "past" ("the group [had taken over] a third of the country": before the time narrated), or
    None. A noun or a participle takes the aspect of the finite verb it depends on; a finite verb
    of its own ("said", "will meet") decides without one. RETURNS (str | None)."""
    v, n = tok, 0
    while n < 8:
        if v.pos_ in _VERBAL:
            auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
            have = [c for c in auxes if c.lemma_ == "have"]
            if have:
                return "past" if have[0].tag_ == "VBD" else "present" if have[0].tag_ in ("VBZ", "VBP") else None
            if auxes or v.tag_ in ("VBD", "VBZ", "VBP") or v.dep_ not in _NONFINITE_DEPS:
                return None
        elif v.dep_ not in _NONFINITE_DEPS:
            return None
        if v.head.i == v.i:
            return None
        v, n = v.head, n + 1
    return None
