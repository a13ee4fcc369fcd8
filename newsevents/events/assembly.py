"""Assembly: from matched triggers to :class:`~newsevents.records.Event` records.

:func:`assemble` builds one Event per match that no other match absorbed (arguments, non-agent
filter, flags, coding, date and place of the clause, trigger and sentence evidence), adds the
credit events ("because of X's statecraft", attributed: the source praises X) and the statement
events (:mod:`.statements`: disapproval and praise said in words), sorts them in
salience order (:func:`salience_key`) and numbers them V1, V2... in that order.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..records import Event
from .admissions import admission_events
from .anaphora import antecedent_actors, clause_authors, quoted_speakers, retold_event
from .suspects import suspect_actors
from .time_place import date_of, event_date, narrative_place, place_of, told_apart
from .arguments import arguments, casualty_victims, refs, subject
from .coding import code_event, code_type
from .flags import event_flags, source_refs
from .implicit import announcing_actors, implicit_actor, implicit_protest_sides, implicit_target
from .non_agent import document_doer, non_agent_event
from .senses import misread_name_objects
from .owners import country_refs
from .statements import statement_events
from .state import ArticleState
from .triggers import Match, misparsed_plural

if TYPE_CHECKING:
    from .rules import EventRules

__all__ = ["assemble", "salience_key"]

# dependencies that keep a token on the sentence root's verb chain (main clause)
_MAIN_CHAIN_DEPS = frozenset({"xcomp", "conj", "aux", "auxpass"})


def assemble(rules: "EventRules", state: ArticleState, matches: dict) -> list:
    """RETURNS (list[Event]): the events of the article, in salience order, ids V1, V2... in order."""
    ctx = state.ctx
    events = []
    heads: dict = {}  # event id -> the token that carries its clause (for the output order)
    for i in sorted(matches):
        m = matches[i]
        if m.absorbed_by is not None:
            continue
        ev = build_event(rules, state, m, matches, events)
        if ev is not None:
            events.append(ev)
            heads[ev.id] = clause_token(m)
    for sent in ctx.sentences:
        ev = credit_event(rules, state, sent)
        if ev is not None:
            events.append(ev)
    events += statement_events(rules, state, events)
    events += admission_events(rules, state, events)
    events = drop_restated_headline(state, events)
    events.sort(key=lambda e: salience_key(e, heads.get(e.id)))
    # ids follow the output order (V1 is the first, most salient event), so that a store
    # reading events back by id gives the same list
    ids = sorted((e.id for e in events), key=lambda i: (len(i), i))
    for ev, new_id in zip(events, ids):
        ev.id = new_id
    return events


def drop_restated_headline(state: ArticleState, events: list) -> list:
    """``events`` without those of a headline that the lead restates: a text whose first line is
    a headline ("Esper accuses China of intimidating smaller Asian nations", no final stop, a line
    of its own) tells its event again in the next sentences; the event is one, told twice, and
    keeps the lead's fuller evidence. A headline event the next three sentences do not restate
    (same type, a shared or no actor code) stays. A first line of more than 25 tokens is a headline
    only when it is the article's title (an HTML page's, or a record's ``title``): a long headline
    such as RT's ("'He died in my hands': 3 pro-Morales demonstrators killed in clashes with ...",
    26 tokens) was counted twice, headline and lead (trial 8). RETURNS (list[Event])."""
    ctx = state.ctx
    if not ctx.sentences or not events:
        return events
    first = ctx.sentences[0]
    text = ctx.analysis.text
    line = text[first.start_char:first.end_char].strip()
    after = text[first.end_char:first.end_char + 3]
    is_title = bool(ctx.analysis.title) and line == ctx.analysis.title.strip()  # a page's own headline: any length
    if not line or line[-1] in ".!?\"\u201d'" or "\n" not in (after + first.text[-2:]) or (len(first) > 25 and not is_title):
        return events
    lead = [e for e in events if 1 <= e.evidence.sentence <= 3]

    def codes(refs):
        return {r.code for r in refs if r.code}

    def restated(h) -> bool:
        return any(e.event_type == h.event_type and (codes(e.actors) & codes(h.actors) or not codes(h.actors))
                   and (codes(e.recipients) & codes(h.recipients) or not codes(h.recipients)) for e in lead)

    return [e for e in events if e.evidence.sentence != 0 or not restated(e)]


def build_event(rules: "EventRules", state: ArticleState, m: Match, matches: dict,
                earlier: Optional[list] = None) -> Optional[Event]:
    """The Event of the match ``m``, or None when the rules drop it (no human agent, no coded
    participant where the pattern needs one, an opinion, no recipient where one decides).
    earlier (list[Event] | None): the events before it in the text (for event anaphora)."""
    ctx = state.ctx
    pat = m.pattern
    actors_t, recips_t = arguments(rules, m, matches)
    words = {t.i for t in m.tokens}
    recips_t = [t for t in recips_t if t.i not in words]  # "dragged X to court": the court is the pattern's word
    named = misread_name_objects(m.head) if "noname" in pat.flags else []
    if named:  # "Trump called Putin on Monday" misparsed as "a Trump called Putin": Trump calls Putin
        actors_t, recips_t = [m.head.head], named
    if m.ordered_by is not None:  # "Iran ordered its troops to withdraw": Iran withdraws
        actors_t = subject(m.ordered_by.head)[0]
    if m.casualties and not recips_t:
        for cm in m.casualties:  # "killed in an air strike": the victims are the recipients
            recips_t += casualty_victims(cm.head)
    if pat.event_type in rules.non_agent_types and non_agent_event(rules, state, m, actors_t, recips_t):
        return None
    if actors_t and all(document_doer(rules, t, m.head) for t in actors_t) and not _adopters(rules, state, m):
        return None  # "the state of emergency allows him to": what a document says (rules.yaml non_actor_doers)
    actors = refs(rules, state, actors_t)
    recipients = refs(rules, state, recips_t)
    if "actor" in pat.flags and not any(r.code or r.sector for r in actors + recipients + _adopters(rules, state, m)):
        return None  # a common verb ("give", "call", "leave") is an event only between actors
    if "public" in pat.flags and not _public(state, actors):
        return None  # "She left the UK", "he returned to Rhodesia": a private person's move
    if pat.mode == "visit" and pat.pos == "V" and (not actors or recipients and not any(
            r.code or r.sector for r in recipients)):
        # "the church bus was travelling to Walt Disney World": a visit needs a visitor; "we went
        # to the Moon": and a destination that is a country, a place of one or an actor
        return None
    if "weapon" in pat.flags and not any(r.code or r.sector for r in actors) \
            and not state.lemmas_of(m.head.sent) & rules.weapon_words:
        return None  # "firecrackers exploded", "the population exploded"
    if pat.event_type in rules.opinion_types and actors_t and all(
            t.pos_ == "PRON" and t.lower_ in rules.opinion_pronouns for t in actors_t) \
            and not any(r.code or r.sector for r in actors + recipients):
        return None  # "I agree with that": an opinion, not an event between actors (rules.yaml)
    if m.need_recipient and not any((r.code or r.sector) and r.sector not in rules.audience_sectors
                                    and _public(state, [r])
                                    for r in recipients if r.mention not in {a.mention for a in actors}):
        # "delivered a speech" (no aid goods, no recipient); "death tolls provided by officials to
        # journalists": the press is an audience, not the receiver of aid; "that gave us a map": a
        # thing given to a private person (a coded country but no sector) is no aid either
        return None
    # "rejected a U.S. request", "the Israeli strike": country words that are no actor mentions;
    # they complete an event, never make one (after the checks above: "give the British public the
    # final say" is still no event between actors)
    # protesters named by their nationality are its people, as implicit protesters are ("Algerian
    # landowners began a hunger strike": Algeria (protesters), CVL; rules.yaml implicit_protest)
    actors += country_refs(rules, state, actors_t, actors,
                           spec=rules.implicit_protest.get("actor") if pat.event_type == "PROTEST" else None)
    # "Israel and Lebanon renewed negotiations on an Israeli troop pullback": a country word of a
    # side that acts together with another is the topic, not a recipient
    together = {r.code for r in actors if r.code} if len({r.code for r in actors if r.code}) >= 2 else set()
    # "suspended flights to Qatar", "withdrew from Syria": a country the act goes to or away from
    # ("ambassador to Greece" names a post, "shot down over Ukraine" a place)
    # (a frame with an object of its own is aimed at that object: "ordered Iraq to withdraw from
    # Syria" is a request to Iraq; "promised to continue aid to Mozambique" is aimed at Mozambique)
    dobjs = {c.i for c in m.head.children if c.dep_ == "dobj"}
    own_words = ({t.i for t in m.tokens} | dobjs) if dobjs else None
    literal = [t for t in recips_t if (t.dep_ == "dobj" and (own_words is None or t.head.i in own_words)) or (
        t.dep_ == "pobj" and t.head.lower_ in rules.target_preps and t.head.head.i not in state.actor_tok
        and (own_words is None or t.head.head.i in own_words))]
    # "criticized the plan of Israel", "protested against the decision of Israel": the country
    # whose decision it is (the places stage reads "of Israel" as a place)
    of_owners = [g for t in recips_t if t.pos_ == "NOUN" and t.i not in state.actor_tok
                 for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    recipients += country_refs(rules, state, recips_t + of_owners, recipients, skip=together,
                               literal=literal + of_owners, own={r.code for r in actors if r.code})
    # the same entity is not both actor and recipient unless nothing else is coded
    a_keys = {r.mention for r in actors}
    recipients = state.others(recipients, actors)
    if is_reference(m, actors + recipients, earlier):
        return None  # "the attack", "the rally" again: the event told before, not a new one
    flags = event_flags(rules, state, m)
    proposal = proposal_of(rules, m, flags)
    if proposal is not None:
        adopter = adopting_verb(rules, proposal)
        if adopter is None:
            return None  # "a bill that would allow extraditions": what a document would do
        # "voted on a resolution to expel US troops": the adopter's own act, in the adopter's
        # tense ("passed a law that would ban": the law's "would" is no intention of Egypt's)
        flags["future"] = flags["hypothetical"] = False
        actors_t = subject(adopter)[0]
        actors = [r for r in refs(rules, state, actors_t)]
        a_keys = {r.mention for r in actors}
        recipients = [r for r in recipients if r.mention not in a_keys]
    etype, mode, root, goldstein, quad = code_event(rules, m, matches, flags, actors_t, recips_t,
                                                    actors + recipients)
    if etype == "THREATEN" and pat.event_type != "THREATEN" and not actors_t:
        return None  # "if convicted, he could face ...": a future or possible act with nobody to threaten it
    if etype == "CONSULT" and mode != "visit" and not _counterpart(rules, actors, recipients):
        return None  # "discussed his chess career with Wikinews": an interview, no consultation
    if etype == "REQUEST" and not any(r.code for r in recipients):
        # "issued a subpoena for documents from X", "a deposition request for X": who is asked
        recipients += [r for r in refs(rules, state, _for_objects(m)) if r.mention not in a_keys]
    if etype in rules.anaphora_types and not any(r.code for r in recipients):
        # "condemned the attack", "seconded the call": the actors of that earlier event
        objs = recips_t + [t for t in m.tokens if t.dep_ in ("dobj", "pobj") and t.i != m.head.i]
        # "voiced support for the inquiry", "criticism of the decision": the trigger's own phrase
        objs += [g for t in m.tokens if t.pos_ in ("NOUN", "PROPN") for c in t.children
                 if c.dep_ == "prep" and c.lower_ in ("for", "of", "against", "on", "to")
                 for g in c.children if g.dep_ == "pobj"]
        # "criticized the law that Hungary passed": whoever did what the object's clause tells
        recipients += [r for r in refs(rules, state, clause_authors(objs)) if r.code and r.mention not in a_keys]
        if not any(r.code for r in recipients):  # "rejected this argument": who made it
            recipients += quoted_speakers(rules, objs, ctx.sentence_index(m.head.idx), actors, ctx.analysis.quotes)
        if not any(r.code for r in recipients) and earlier:
            recipients += antecedent_actors(rules, objs, ctx.sentence_index(m.head.idx), actors, earlier)
    place = place_of(ctx, m.head)
    if not actors and earlier:  # "a man was arrested after a woman was stabbed": the suspect
        actors = [r for r in suspect_actors(rules, state, m.head, etype, earlier) if r.mention not in
                  {x.mention for x in recipients}]
    retold = retold_event(rules, m, etype, ctx.sentence_index(m.head.idx), earlier) if not actors else None
    if retold is not None:  # "The lawsuit was filed in court": the event told before, by its actors
        actors = [r for r in retold.actors if r.code]
        recipients = recipients or [r for r in retold.recipients if r.code]
    if not actors:  # "police said two men were arrested": the announcing authorities
        actors = announcing_actors(rules, state, m, flags)
    if not actors:  # "two suspects were arrested": the police, of the place or the article
        implied = implicit_actor(rules, state, m, flags, recipients, place)
        actors = [implied] if implied is not None else []
    if etype == "ASSAULT" and not recipients and not flags["negated"] and not flags["hypothetical"]:
        recipients = implicit_target(rules, state, m, recips_t, place)  # "attacked three churches"
    if etype == "PROTEST" and not flags["negated"] and not flags["hypothetical"]:
        actors, recipients = implicit_protest_sides(rules, state, m, actors, recipients, place)
    if not actors and not recipients and etype not in rules.unattributed_types \
            and not _main_clause(rules, clause_token(m)):
        # "those held in contempt", "an elite unit tasked with investigating": nobody does it and
        # nobody undergoes it, off the main clause (rules.yaml unattributed_types)
        return None
    # ("ordered asset freezes" read as a clause: the tense is the order's, not "freezes")
    dated = m.light if m.light is not None and misparsed_plural(m.head) else m.head
    date, date_source, date_ref = event_date(state, dated, flags["future"], flags["hypothetical"], flags["reported"],
                                             actors)
    if place is None and not told_apart(ctx, m.head):
        # after the actors: "police of the place" reads its own sentence
        place = narrative_place(state, m.head, {r.code for r in actors if r.code}, earlier or [], rules,
                                date if date_source == "text" else None)
    reciprocal = not recipients and len({(r.canonical) for r in actors}) >= 2
    if actors and recipients and mode in rules.reciprocal_modes.get(etype, ()):
        # "had a phone conversation with Erdoğan": a call is both sides' (rules.yaml reciprocal_modes)
        actors, recipients, reciprocal = actors + [r for r in recipients if r.mention not in a_keys], [], True
    extra = [m.light] if m.light is not None and "obligation" not in pat.flags else []
    toks = sorted(m.tokens + extra, key=lambda t: t.i)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    sent = m.head.sent
    return Event(
        id=ctx.new_id("V"), event_type=etype, mode=mode, actors=actors, recipients=recipients,
        reciprocal=reciprocal, date=date, date_source=date_source, date_ref=date_ref,
        place=place, cameo=root, goldstein=goldstein, quad_class=quad,
        negated=flags["negated"], future=flags["future"], hypothetical=flags["hypothetical"],
        reported=flags["reported"], pattern=pattern_text(m),
        trigger=ctx.evidence(start, end), evidence=ctx.span_evidence(sent),
    )


def _counterpart(rules: "EventRules", actors: list, recipients: list) -> bool:
    """False when one side of a consultation is only the press (rules.yaml ``audience_sectors``):
    an interview or a press conference is no CONSULT between actors (PLOVER 2.0). A consultation
    whose other side the text leaves unnamed ("launched a mediation") stays one."""
    def press(refs) -> bool:
        return bool(refs) and all(r.sector in rules.audience_sectors for r in refs)
    return not (press(actors) or press(recipients))


def _public(state: ArticleState, actors: list) -> bool:
    """True when one of ``actors`` is a state, an organisation or a group, or a person holding a
    PLOVER sector (an official, a soldier): the ``public`` pattern flag."""
    return any(r.sector or state.actor_kind(r.mention) != "person" for r in actors)


def proposal_of(rules: "EventRules", m: Match, flags: dict):
    """The proposal whose content the trigger of ``m`` is, or None: the trigger's clause is a
    relative or infinitival clause of a ``proposal_nouns`` noun (rules.yaml), under a future or
    modal auxiliary or "to" ("a bill that would allow extraditions", "a resolution to impose
    sanctions"), or a participle clause of one ("a resolution calling on X to ..."), which is
    content only when the proposal is adopted. RETURNS (Token | None): the proposal noun."""
    verb = m.light if m.light is not None and "obligation" not in m.pattern.flags else m.head
    if m.pattern.pos == "N" and m.light is None:
        return None
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    noun = verb.head
    if verb.dep_ not in ("relcl", "acl") or noun.lemma_.lower() not in rules.proposal_nouns:
        return None
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or flags["future"] or flags["hypothetical"]:
        return noun
    if verb.tag_ == "VBG" and adopting_verb(rules, noun) is not None:
        return noun
    return None


def _adopters(rules: "EventRules", state: ArticleState, m: Match) -> list:
    """The actors of the verb that adopts the proposal whose content the trigger of ``m`` is
    ("Putin signed a decree recognising Crimea": Putin), else []. RETURNS (list[ActorRef])."""
    verb = m.head
    if verb.dep_ not in ("acl", "relcl") or verb.head.lemma_.lower() not in rules.proposal_nouns:
        return []
    adopter = adopting_verb(rules, verb.head)
    return refs(rules, state, subject(adopter)[0]) if adopter is not None else []


def adopting_verb(rules: "EventRules", noun):
    """The verb of ``adoption_verbs`` (rules.yaml) that takes the proposal ``noun`` as its object
    ("passed a law", "voted on a resolution"), or None."""
    if noun.dep_ in ("dobj", "nsubjpass"):
        gov = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ("on", "for"):
        gov = noun.head.head  # "voted on/for a resolution", never "voted against"
    else:
        return None
    return gov if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in rules.adoption_verbs else None


def _for_objects(m: Match) -> list:
    """Objects of 'for' on the trigger, its light verb or its object: what or whom a request is for."""
    heads = [m.head] + ([m.light] if m.light is not None else [])
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "dobj"]
    return [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
            for g in c.children if g.dep_ == "pobj"]


def is_reference(m: Match, refs: list, earlier: Optional[list]) -> bool:
    """True when a noun trigger with a definite article and no coded participant ("the attack",
    "the rally started at six") refers back to an earlier event of its type in the article: a
    mention of that event, which the earlier record already holds (GDELT and ICEWS code one
    record per event, not per mention)."""
    tok = m.head
    if m.pattern.pos != "N" or m.light is not None or any(r.code for r in refs) or not earlier:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return False
    return any(e.event_type == m.pattern.event_type for e in earlier)


def pattern_text(m: Match) -> str:
    """The pattern as matched: lemmas in pattern order, the light verb first ("hold talk")."""
    pat = m.pattern
    if len(pat.words) == 1 or len(m.tokens) != len(pat.words):
        words = pat.text
    else:
        words = " ".join(t.lemma_.lower() if t.lemma_.lower() in alts else t.lower_
                         for t, alts in zip(m.tokens, pat.words))
    if m.light is not None and "obligation" not in pat.flags:
        return f"{m.light.lemma_.lower()} {words}"
    return words


# ------------------------------------------------------------------- credit
def credit_event(rules: "EventRules", state: ArticleState, sent) -> Optional[Event]:
    """"because of X's statecraft" attributed to a source: the source praises X (SUPPORT)."""
    ctx = state.ctx
    for tok in sent:
        if tok.lemma_.lower() not in rules.credit_nouns or tok.dep_ != "pobj":
            continue
        cue = cue_before(rules, tok)
        if cue is None:
            continue
        owners = [c for c in tok.children if c.dep_ == "poss"]
        if not owners:
            continue
        recipients = refs(rules, state, owners)
        actors = source_refs(rules, state, tok)
        a_keys = {r.mention for r in actors}
        recipients = [r for r in recipients if r.mention not in a_keys]
        mode, root, goldstein, quad = code_type(rules.tables, "SUPPORT", None, None)
        date, date_source, date_ref = date_of(ctx, tok)
        start = cue[0].idx
        end = tok.idx + len(tok.text)
        return Event(
            id=ctx.new_id("V"), event_type="SUPPORT", mode=None, actors=actors, recipients=recipients,
            reciprocal=False, date=date, date_source=date_source, date_ref=date_ref,
            place=place_of(ctx, tok), cameo=root, goldstein=goldstein, quad_class=quad,
            negated=False, future=False, hypothetical=False, reported=True,
            pattern=" ".join(t.lower_ for t in cue) + " POSS " + tok.lemma_.lower(),
            trigger=ctx.evidence(start, end), evidence=ctx.span_evidence(sent))
    return None


def cue_before(rules: "EventRules", tok) -> Optional[list]:
    """The credit cue tokens ("because of") right before the noun phrase of ``tok``."""
    doc = tok.doc
    left = tok.left_edge.i
    for cue in rules.credit_cues:
        n = len(cue)
        if left - n < tok.sent.start:
            continue
        toks = [doc[left - n + k] for k in range(n)]
        if all(t.lower_ == w for t, w in zip(toks, cue)):
            return toks
    return None


# --------------------------------------------------------------- ordering
def clause_token(m: Match):
    """The token that stands for the clause of a match in the output order: the light verb
    of a noun trigger ("held talks" -> "held"), else the nearest verb above a noun trigger
    ("protesters defied" -> "defied", "came under attack" -> "came"), else the trigger."""
    if m.light is not None and "obligation" not in m.pattern.flags:
        return m.light
    tok = m.head
    if m.pattern.pos == "N":
        t, n = tok, 0
        while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and n < 8:
            t = t.head
            n += 1
        if t.pos_ in ("VERB", "AUX"):
            return t
    return tok


def _main_clause(rules: "EventRules", tok) -> bool:
    """True when ``tok`` is the sentence root or on the root's verb chain (see
    :func:`salience_key`), a reporting verb's clause counting as the main one ("X has agreed to
    ..., officials said")."""
    t, n = tok, 0
    while t.head.i != t.i and n < 50:
        if t.dep_ not in _MAIN_CHAIN_DEPS and not (t.dep_ == "ccomp" and t.head.lemma_.lower() in rules.speech_verbs):
            return False
        t = t.head
        n += 1
    return True


def salience_key(ev: Event, tok) -> tuple:
    """Sort key of the output order of events (most salient first within a sentence).

    ``(sentence index, main-clause rank, dependency depth, trigger start, trigger end)``:
    events come in sentence order; within a sentence, an event whose clause token (the
    trigger head, or its light verb: "held talks" -> "held") is the sentence root or on the
    root's verb chain (linked to the root only through ``xcomp``/``conj``: "agreed to
    meet", "met and signed") comes first (rank 0), then events of subordinate, reported and
    relative clauses (rank 1) by their depth below the root, then by position. So the main
    event of "X said Y was killed" or "police arrested protesters who attacked a bank" is
    listed first. Events without a token (credit constructions) rank last in their sentence.
    """
    sent = ev.evidence.sentence if ev.evidence is not None else 0
    if tok is None:
        return (sent, 2, 99, ev.trigger.start, ev.trigger.end)
    depth, main, t = 0, True, tok
    while t.head.i != t.i and depth < 50:
        if t.dep_ not in _MAIN_CHAIN_DEPS:
            main = False
        t = t.head
        depth += 1
    return (sent, 0 if main else 1, depth, ev.trigger.start, ev.trigger.end)
