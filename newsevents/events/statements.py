"""Statements that are events: disapproval (ACCUSE) and praise (SUPPORT) said in words.

PLOVER 2.0 codes what a statement does (a third list, ``threaten``, holds threats said in words:
"will seek revenge" is THREATEN, CAMEO 13; a fourth, ``demand``, demands said without a verb of
asking: "it's time to give the public the final say" is REQUEST, CAMEO 10). A speaker who calls another's act "a big mistake",
"a stab in the back" or "an insult" disapproves of it (ACCUSE, mode ``disapprove``; CAMEO 111
"criticize or denounce"); one who calls a decision "justified" or a person "a model of
honesty" praises (SUPPORT; CAMEO 051 "praise or endorse"). No verb pattern sees these: the
event is in the words of the statement. Two constructions make statements here:

* a **quote** (direct, indirect or mixed; from the quotes stage) whose speaker is an actor
  mention: the actor is the speaker, the recipients are the other coded actors named in its
  content; the evidence runs from the sentence of the cue (or of the content's start) to the
  sentence of the evaluative word;
* an **evaluative verb** with a predicate ("called the deal 'lousy'", "described the strike as
  a violation"; ``evaluative_verbs``): the actor is the verb's subject, the recipients the
  actors of its object phrase.

The statement is an event when its words hold an entry of one list of
``data/events/evaluations.yaml`` and none of the other; a word right after a negation ("not a
mistake") does not count. A statement whose sentence already has an ACCUSE or SUPPORT event of
the same actor adds nothing ("criticized the decision, saying it was a mistake" is one event).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from ..data import load_yaml
from ..records import ActorRef, Event
from .coding import code_type

if TYPE_CHECKING:
    from .rules import EventRules
    from .state import ArticleState

__all__ = ["Evaluations", "statement_events"]

_NEGATIONS = frozenset({"not", "n't", "never", "no", "nothing", "hardly"})
_FIRST_PERSON = frozenset({"i", "me", "we", "us", "our", "my", "you", "your"})
#: subjects of an indirect question ("to ascertain who is to blame"): asked, not said
_WH_WORDS = frozenset({"who", "whom", "whoever", "what", "whatever", "which", "whether"})
#: PLOVER type and mode of each list of evaluations.yaml
_TYPES = {"disapprove": ("ACCUSE", "disapprove"), "allege": ("ACCUSE", "allege"), "approve": ("SUPPORT", None),
          "threaten": ("THREATEN", None), "demand": ("REQUEST", None)}
_STATEMENT_TYPES = frozenset(t for t, _ in _TYPES.values())


@dataclass(frozen=True)
class Evaluations:
    """The evaluative lexicon (``events/evaluations.yaml``), loaded once.

    entries (dict[str, tuple[tuple[str, ...], ...]]): list name (``disapprove``/``approve``) ->
        entries as lower-case word tuples. verbs (frozenset[str]): evaluative verb lemmas.
        remedy_verbs (frozenset[str]): verbs that undo a wrong named as their object.
        owning_verbs (frozenset[str]): verbs that own it (an apology, no disapproval).
    """

    entries: dict
    verbs: frozenset
    remedy_verbs: frozenset = frozenset()
    owning_verbs: frozenset = frozenset()
    category_adjectives: frozenset = frozenset()
    by_first: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        # entries by their first word: judge() looks up each word instead of trying every entry
        index = {name: {} for name in self.entries}
        for name, entries in self.entries.items():
            for entry in entries:
                if entry:
                    index[name].setdefault(entry[0], []).append(entry)
        object.__setattr__(self, "by_first", index)

    @classmethod
    def load(cls, data_paths=None) -> "Evaluations":
        """RETURNS (Evaluations) from ``events/evaluations.yaml`` (plus users' files)."""
        data = load_yaml("events/evaluations.yaml", extra=data_paths)
        entries = {name: tuple(tuple(str(w).lower().split()) for w in data.get(name) or [])
                   for name in _TYPES}
        return cls(entries=entries, verbs=frozenset(str(w).lower() for w in data.get("evaluative_verbs") or []),
                   remedy_verbs=frozenset(str(w).lower() for w in data.get("remedy_verbs") or []),
                   owning_verbs=frozenset(str(w).lower() for w in data.get("owning_verbs") or []),
                   category_adjectives=frozenset(str(w).lower() for w in data.get("category_adjectives") or []))

    def judge(self, tokens) -> Optional[tuple]:
        """The evaluation of a run of tokens.

        tokens (Sequence[Token]): the words of the statement.
        RETURNS (tuple | None): ``(list name, first token of the entry)`` when entries of
            exactly one list occur (outside negation), else None. When both lists occur, the
            words inside a prepositional phrase of the statement do not count against the
            others: "the senseless killing of a courageous journalist" disapproves (the praise
            is of the victim, not of the act).
        """
        words = [t.lower_ for t in tokens]
        lemmas = [t.lemma_.lower() for t in tokens]
        found: dict = {}
        for name, index in self.by_first.items():
            for i in range(len(words)):
                if i and words[i - 1] in _NEGATIONS or i > 1 and words[i - 2] in _NEGATIONS and words[i - 1] in ("a", "an"):
                    continue
                if name == "disapprove" and (_remedied(tokens[i], self.remedy_verbs)
                                             or _remedied(tokens[i], self.owning_verbs, owned=True)
                                             or _own_wrong(tokens[i])):
                    continue  # "corrected an historic injustice", "regrets this mistake": no disapproval
                if name == "disapprove" and tokens[i].pos_ == "VERB" and any(
                        c.dep_ == "nsubj" and c.lower_ in ("what", "which", "it") for c in tokens[i].children):
                    continue  # "what lies ahead": a thing lies somewhere, nobody lies
                if words[i] in self.category_adjectives and _names_category(tokens[i]):
                    continue  # "would stem illegal immigration": a kind of act, nobody's act judged
                keys = (words[i],) if words[i] == lemmas[i] else (words[i], lemmas[i])
                if any(entry == tuple(words[i:i + len(entry)]) or entry == tuple(lemmas[i:i + len(entry)])
                       for key in keys for entry in index.get(key, ())):
                    found.setdefault(name, []).append(tokens[i])
        if len(found) > 1:
            inside = {t.i for t in tokens}
            shallow = {name: [t for t in toks if not _under_prep(t, inside)] for name, toks in found.items()}
            found = {name: toks for name, toks in shallow.items() if toks}
        if len({_TYPES[name][0] for name in found}) > 1:
            return None
        if not found:
            return None
        # lists of one type ("a disgrace" and "Iran's doing") agree: the first word's list
        name, toks = min(found.items(), key=lambda item: item[1][0].i)
        return name, toks[0]


def _remedied(tok, verbs, owned: bool = False) -> bool:
    """True when ``tok`` (or the noun it modifies) is the object of one of ``verbs`` ("corrected an
    historic injustice", "ended the injustice", "fixed the mistake"; with ``owned``, also the object
    of their "for": "apologised for the error")."""
    t = tok.head if tok.dep_ in ("amod", "compound") else tok
    if owned and t.dep_ == "pobj" and t.head.lower_ == "for":
        return t.head.head.lemma_.lower() in verbs
    return t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in verbs


def _own_wrong(tok) -> bool:
    """True when the wrong ``tok`` names is the speaker's own: "we had a few silly mistakes", "our
    mistakes", "I made a mistake" (first-person possessor or subject of its verb)."""
    t = tok.head if tok.dep_ in ("amod", "compound") else tok
    if any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in t.children):
        return True
    return t.dep_ == "dobj" and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in t.head.children)


def _names_category(tok) -> bool:
    """True when the adjective ``tok`` modifies a bare noun, with no determiner or possessor:
    "illegal immigration", "illegal drugs" name a kind of act; "the unlawful activities", "its
    illegal occupation" judge someone's."""
    noun = tok.head if tok.dep_ == "amod" else None
    if tok.dep_ == "conj" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "NOUN":
        noun = tok.doc[tok.i + 1]  # "opposes abortion and illegal immigration", misparsed as conj
    return noun is not None and not any(c.dep_ in ("det", "poss") for c in noun.children)


def _under_prep(tok, inside: set) -> bool:
    """True when a preposition of the statement's own words stands above ``tok``."""
    t = tok
    while t.head.i != t.i and t.head.i in inside:
        if t.dep_ == "pobj" and t.head.dep_ == "prep":
            return True
        t = t.head
    return False


def _ref(actor) -> ActorRef:
    return ActorRef(mention=actor.id, canonical=actor.canonical, code=actor.code, sector=actor.sector)


def _recipients(state: "ArticleState", start: int, end: int, speaker_entity: Optional[str]) -> list:
    out, seen = [], {speaker_entity}
    for a in state.actor_index(start, end):
        if not a.code or a.entity in seen or a.text.lower() in _FIRST_PERSON:
            continue
        seen.add(a.entity)
        out.append(_ref(a))
    return out


def _make(rules: "EventRules", state: "ArticleState", name: str, word, actors: list, recipients: list,
          ev_start: int, ev_end: int, anchor) -> Event:
    from .time_place import event_date, place_of

    ctx = state.ctx
    word = _key_word(word)
    etype, mode = _TYPES[name]
    mode, root, goldstein, quad = code_type(rules.tables, etype, mode, None)
    # a statement is made when it is said, in the narrated time
    date, date_source, date_ref = event_date(state, anchor, reported=True)
    a_keys = {r.mention for r in actors}
    return Event(
        id=ctx.new_id("V"), event_type=etype, mode=mode, actors=actors,
        recipients=[r for r in recipients if r.mention not in a_keys], reciprocal=False,
        date=date, date_source=date_source, date_ref=date_ref, place=place_of(ctx, anchor),
        cameo=root, goldstein=goldstein, quad_class=quad, negated=False, future=False,
        hypothetical=False, reported=False, pattern=f"statement: {word.lower_}",
        trigger=ctx.span_evidence(word), evidence=ctx.evidence(ev_start, ev_end))


def _quote_statements(rules: "EventRules", state: "ArticleState") -> list:
    from .owners import country_refs

    ctx = state.ctx
    doc = ctx.doc
    by_id = {a.id: a for a in ctx.analysis.actors}
    out = []
    for q in ctx.analysis.quotes:
        speaker = by_id.get(q.speaker.mention) if q.speaker is not None and q.speaker.mention else None
        span = doc.char_span(q.content.start, q.content.end, alignment_mode="expand")
        if speaker is None or span is None:
            continue
        verdict = rules.evaluations.judge(list(span))
        if verdict is None:
            continue
        name, word = verdict
        anchor_char = q.cue.start if q.cue is not None else q.content.start
        anchor = doc.char_span(anchor_char, anchor_char + 1, alignment_mode="expand")
        if anchor is None:
            continue
        sent = anchor[0].sent
        start = min(sent.start_char, word.sent.start_char)
        end = max(sent.end_char, word.sent.end_char)
        # "possible Turkish interference", "Israel's aggression": whose wrong the word names
        recips = country_refs(rules, state, [word], [_ref(speaker)]) if word.pos_ == "NOUN" else []
        if name == "allege":  # "Iran's doing", "the work of Israel", "Israel is behind it"
            recips = _accused(rules, state, word, speaker) or recips
        recips = recips or _recipients(state, q.content.start, q.content.end, speaker.entity)
        victims, victim_ids = _victims(rules, state, word, name)
        recips = [r for r in recips if r.code not in victims and r.mention not in victim_ids]
        out.append(_make(rules, state, name, word, [_ref(speaker)], recips, start, end, anchor[0]))
    return out


def _victims(rules: "EventRules", state: "ArticleState", word, name: str = "disapprove") -> tuple:
    """Whom the judged act was done to: "an aggression on Iraq", "this attack against our
    people" -- the victim, never the one the statement accuses; for a threat, whom the revenge is
    for ("will seek his blood revenge": his = the one avenged, not the one threatened).
    RETURNS (tuple[set[str], set[str]]): the victims' codes and actor mention ids."""
    from .arguments import np_span
    from .owners import country_word

    word = _key_word(word)
    if word.dep_ in ("amod", "compound") and word.head.pos_ in ("NOUN", "PROPN"):
        word = word.head  # "this appalling attack on the Police Prefecture": the noun it judges
    # ("an aggression on Iraq", "a stab in the back for the SDF", "an insult to the Kurds")
    near = [word] + [g for c in word.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    heads = [g for t in near
             for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon", "for", "to")
             for g in c.children if g.dep_ == "pobj"]
    if name == "threaten":
        heads += [c for t in (word, word.head) for c in t.children if c.dep_ == "poss"]
    codes, ids = set(), set()
    for h in heads:
        start, end = np_span(h)
        found = state.actor_index(start, end)
        if h.pos_ == "PRON":  # "his blood revenge": the actor the pronoun was resolved to
            found = [a for a in state.ctx.analysis.actors if a.evidence.start <= h.idx < a.evidence.end]
        codes |= {a.code for a in found if a.code and h.pos_ != "PRON"}
        ids |= {a.id for a in found}
        for t in h.subtree:  # a country the places stage reads as a place ("on Iraq")
            found = country_word(state, t, literal=True)
            if found is not None and found[0].country:
                codes.add(found[0].country)
    return codes, ids


def _key_word(word):
    """The content word of an entry that starts with a function word: "it's time to" -> "time",
    "Iran's doing" -> "doing", "the work of" -> "work", "is behind" -> "behind"."""
    while word.pos_ in ("AUX", "DET", "PART") and word.i + 1 < len(word.doc):
        word = word.doc[word.i + 1]
    return word


def _accused(rules: "EventRules", state: "ArticleState", word, speaker) -> list:
    """Whom an act is laid on in an ``allege`` entry: the owner of "doing" ("Iran's doing"), the
    object of "of" ("the work of Israel"), the subject of "behind"/"to blame" ("Israel is behind
    it"); a country there counts although the places stage reads it as a place.
    RETURNS (list[ActorRef])."""
    from .arguments import np_span
    from .owners import country_refs

    head = _key_word(word)
    heads = [c for c in head.children if c.dep_ == "poss"]
    heads += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]
    if not heads and head.pos_ == "ADP":  # "Israel is behind the attack": the clause subject
        heads = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not heads and head.pos_ in ("ADJ", "VERB", "AUX", "PART"):
        heads = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    out, seen = [], {speaker.entity}
    for h in heads:
        start, end = np_span(h)
        for a in state.actor_index(start, end):
            if a.code and a.entity not in seen:
                seen.add(a.entity)
                out.append(_ref(a))
    return out or country_refs(rules, state, heads, [_ref(speaker)], literal=heads)


def _verb_statements(rules: "EventRules", state: "ArticleState", earlier: list) -> list:
    """'X called Y "lousy"', 'X described Y as a violation'. RETURNS (list[tuple[Event, Token, set]]):
    each event with its evaluative verb and the character offsets of its predicate's words. earlier (list[Event]): the pattern events, in text order
    (for "calling it ...", :mod:`.anaphora`)."""
    from .anaphora import antecedent_actors
    from .arguments import np_span, refs, subject
    from .owners import country_refs

    ctx = state.ctx
    out = []
    for tok in ctx.doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in rules.evaluations.verbs:
            continue
        if any(c.dep_ == "prt" for c in tok.children):
            continue  # "find out", "call off": another verb, no evaluation
        preds = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp")
                 and not any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in _WH_WORDS for g in c.children)]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                preds += [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ == "dobj":
                # the parser often hangs the predicate on the object: 'called the deal "null and void"'
                preds += [g for g in c.children if g.i > c.i and g.dep_ in ("acl", "appos", "amod", "oprd")
                          and g.pos_ in ("ADJ", "NOUN")]
        words = [w for p in preds for w in p.subtree]
        verdict = rules.evaluations.judge(sorted(words, key=lambda w: w.i)) if words else None
        if verdict is None:
            continue
        name, word = verdict
        actors_t, _ = subject(tok)
        actors = refs(rules, state, actors_t)
        if not actors:
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        # "finds the decision of X justified" parsed as a clause: its subject is the object
        objs += [g for p in preds if p.dep_ == "ccomp" for g in p.children if g.dep_ in ("nsubj", "nsubjpass")]
        if objs and all(o.lower_ == "it" for o in objs) and tok.dep_ == "advcl":
            # "commented on the Turkish-Libyan agreement, calling it null": "it" is the thing the
            # governing verb is about
            gov = tok.head
            objs = [c for c in gov.children if c.dep_ == "dobj"] + [
                g for c in gov.children if c.dep_ == "prep" and c.lower_ in ("on", "about")
                for g in c.children if g.dep_ == "pobj"] or objs
        recipients = []
        for o in objs:
            start, end = np_span(o)
            recipients += [_ref(a) for a in state.actor_index(start, end) if a.code]
        if not recipients:  # "the Turkish-Libyan agreement": the countries whose it is
            recipients = country_refs(rules, state, [o for o in objs if o.pos_ != "PRON"], actors)
        if not recipients:  # "calling it an aggression": whoever did the event it refers to
            recipients = antecedent_actors(rules, objs, state.ctx.sentence_index(tok.idx), actors, earlier)
        out.append((_make(rules, state, name, word, actors, recipients, tok.sent.start_char,
                          tok.sent.end_char, tok), tok, {w.idx for w in words}))
    return out


def statement_events(rules: "EventRules", state: "ArticleState", events: list) -> list:
    """The statement events of an article (see the module docstring).

    events (list[Event]): the events found by the trigger patterns, to avoid repeating one;
        a pattern event on the verb of an evaluative-verb statement ("called the deal
        'lousy'" is no AGREE on "deal") or inside its predicate ("called the death 'the
        senseless killing of a journalist'" is no new ASSAULT) is removed from it, in place.
    RETURNS (list[Event]): the new events.
    """
    entity = {a.id: a.entity for a in state.ctx.analysis.actors}
    have_ent = {(e.evidence.sentence, e.event_type, entity.get(r.mention)) for e in events
                if e.event_type in _STATEMENT_TYPES for r in e.actors}
    verbal = _verb_statements(rules, state, sorted(events, key=lambda e: e.trigger.start))
    verbs = {verb.idx for _, verb, _ in verbal}
    # 'called the death "the senseless killing of a journalist"': the predicate names an event
    # told elsewhere, it is not a new one
    predicates = set().union(*(words for _, _, words in verbal)) if verbal else set()
    events[:] = [e for e in events if (e.event_type in _STATEMENT_TYPES or e.trigger.start not in verbs)
                 and e.trigger.start not in predicates]
    out = []
    for ev in [e for e, _, _ in verbal] + _quote_statements(rules, state):
        keys = {(ev.evidence.sentence, ev.event_type, entity.get(r.mention)) for r in ev.actors}
        if keys & have_ent:
            continue
        have_ent |= keys
        out.append(ev)
    return out
