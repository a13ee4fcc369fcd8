"""Which toponym is where an event happened: :func:`place_for_clause`, used by the events stage.

Reads what the places stage publishes in ``ctx.shared["places"]`` (see :mod:`newsevents.places`).
A sentence names places for many reasons; only some say where its events happened. A toponym is
*not* the place of an event when it

* stands for a party, not a place (an associative toponym, :mod:`.role`: "Pompeo blamed [Iran]",
  "[Iran] launched missiles", "[US] troops", "the government of [Ukraine]");
* describes a noun other than the event's word: modifies it ("a [US]-built vehicle", "the
  [Yemen]-based movement"), possesses it ("head of [Iran]'s Quds Force"), or hangs from it through
  a preposition that does not locate it ("the ambassador to [the United States]", "aggression from
  [the United States]"); place nouns ("a [Baghdad] airport", "the capital of [Iraq]") are places;
* is inside a phrase that tells an event of another time ("in response to the US airstrike at a
  [Baghdad] airport", "since an assault in [Ghazni]", :mod:`newsevents.setting`), or, for an event
  told in such a phrase, outside it;
* describes a participant of a governing clause ("claimed by the Houthi movement in [Yemen]" is
  where the claimer is, not where "the attack on the oil plant" was).

A party or owner inside the subject of the trigger's own clause is where the actor is, a last
resort (rank 4: "the Prime Minister of [Tunisia] signed a decree", "[Chicago] police arrested two
men"), unless it is one of a list ("the attorneys
general of California, [Maine] and Oregon": no one place); the subject itself is not ("[Iran]
launched missiles"), nor the possessor of the trigger ("the [United States]' killing of Soleimani").
A toponym in an apposition that describes the subject ("Derek Scissors, a professor at [Cornell],
said") is where the actor works, rank 5 (:data:`ACTOR_RANK`): the event's place when its sentence
names no other, but not a place the next sentences inherit. So is one that completes a name in the
subject ("the president of the Federal Reserve Bank of [New York] said", "Zhukovskyy, 23, of [West
Springfield], was arrested"), one that tells where someone is from ("One truck driver was from [West
Palm Beach]") and one in the source of the sentence ("According to police in [Baytown], he ...":
:func:`home_or_source`).

Of the rest, the first by ``(rank, reference point, feature, distance)`` is the place:

0. under a locative preposition (``clause_prepositions`` of ``data/places/cues.yaml``) hanging from
   the trigger or a word of its clause ("met [at] Panmunjom", "the border town of Panmunjom");
1. any other toponym in the trigger's clause ("Israel struck [Syria]");
2. under a locative preposition that is an adjunct of a verb governing the trigger's clause
   ("[In Paris], police said they arrested two men", "On Sunday in [London], a man entered a store
   and began to stab people"), or a dateline;
3. inside a relative clause of a participant ("the helicopter, which crashed in [Logar]"; in a
   finite one only as an adjunct or object of its verb, not a noun's description: "a decision that
   surprised officials in [Seoul]"), or
   across a phrase of an event close in time ("After a jury trial in [Paris], two officers were
   found guilty", "died after being shot in [his car]": ``same_time``), or in a clause of the same
   time ("Violence broke out when thousands rallied at [Freedom Plaza]": ``same_time_marks``).

A reference point ("south of [the capital Kabul]", ``reference_directions`` of
``data/events/setting.yaml``) comes after any other toponym of its rank. Then the smallest feature
(:data:`FEATURE_ORDER`), then the nearest to the trigger.
"""
from __future__ import annotations

from typing import Optional

from ..data import load_yaml
from ..records import Place
from ..setting import in_relative_clause, inside, same_time, scope, setting_rules
from .datelines import is_dateline

__all__ = ["place_for_clause", "place_and_rank", "home_or_source", "FEATURE_ORDER", "ACTOR_RANK"]

#: the rank of a toponym that describes the subject ("a professor at Cornell", "officials in Seoul"):
#: where an actor is, the last resort for its own event and none for another sentence's (module docstring)
ACTOR_RANK = 5

#: "smallest feature first" order used by place_for_clause
FEATURE_ORDER = {"street": 0, "landmark": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "water": 5, "country": 6,
                 "continent": 7, None: 8}

_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "xcomp", "csubj", "parataxis"}
#: dependencies that keep a toponym the same thing as the word it hangs from ("the capital Kabul",
#: "Iraq and Syria")
_SAME_DEPS = ("appos", "conj")
#: dependencies of a modifier of a noun
_MODIFIER_DEPS = ("compound", "amod", "nmod", "npadvmod")
_NOUNS = ("NOUN", "PROPN", "PRON")
_VERBS = ("VERB", "AUX")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
#: the links from a trigger without a subject to the verb whose subject acts ("began its probe",
#: "signed a decree banning", "agreed to meet")
_COMPLEMENT_DEPS = ("dobj", "xcomp", "acl", "attr")


def place_for_clause(ctx, token) -> Optional[Place]:
    """The place an event trigger's clause names, or None (the rules: module docstring).

    ctx (Context): after the places stage has run. token (spacy.tokens.Token): the event trigger.
    RETURNS (Place | None).
    """
    return place_and_rank(ctx, token)[0]


def place_and_rank(ctx, token) -> tuple:
    """:func:`place_for_clause` with the rank it was chosen at (module docstring; :data:`ACTOR_RANK`:
    where an actor is, a last resort that another sentence's event does not inherit) and whether it
    is one of a list of toponyms ("attorneys general from Maine, New York, ...": one of several
    places, none the narrated one).
    RETURNS (tuple[Place | None, int | None, bool])."""
    shared = ctx.shared.get("places")
    if not shared:
        return None, None, False
    places = shared["by_sentence"].get(ctx.sentence_index(token.idx)) or []
    if not places:
        return None, None, False
    spans = shared["spans"]
    parties = {(p.evidence.start, p.evidence.end) for p in shared.get("associative") or ()}
    doc = token.doc
    data_paths = getattr(getattr(ctx, "options", None), "data_paths", None)
    preps, place_nouns = _clause_preps(ctx)
    rules = setting_rules(data_paths)
    home, foreign = scope(token, rules)
    clause = {i for i in _clause_tokens(token) if not any(inside(doc[i], f) for f in foreign)}
    governing = _governing_verbs(token)
    best, best_key, best_listed = None, None, False
    for p in places:
        if p.resolved_by == "demonym":
            continue  # "Syrian forces": a nationality, not the event's location
        se = spans.get(p.id)
        if se is None:
            continue
        root = doc[se[0]:se[1]].root
        top = _same_thing(root)
        described = describes_other(top, token, rules.static_prepositions, place_nouns, rules.topic_prepositions)
        if described in ("origin", "relation", "agent"):
            continue  # "a US-built vehicle", "the ambassador to the United States", "the US' killing of"
        if described == "owner" or (p.evidence.start, p.evidence.end) in parties:
            # "blaming Iran", "head of Iran's Quds Force": a party or an owner; but "the Prime Minister
            # of Tunisia signed a decree", "Chicago police arrested": where the actor is, a last resort
            if not in_subject(root, token) or _listed(root):
                continue  # "the attorneys general of California, Maine and Oregon": no one place
            # "the president of the Federal Reserve Bank of New York said", "Zhukovskyy, 23, of West
            # Springfield was arrested": a toponym completing a name is where the actor's body or home is
            rank = ACTOR_RANK if _of_a_name(top) else 4
        elif home_or_source(root, rules, preps, place_nouns):
            rank = ACTOR_RANK  # "One truck driver was from West Palm Beach", "according to police in Baytown"
        elif in_subject(root, token) and _in_apposition(root, token) and in_relative_clause(root, token) is None:
            # "Derek Scissors, a professor at Cornell, said": where the actor works; but "Wiranto, who
            # was visiting the town of Pandeglang, survived the attack" tells where he was, and "a
            # plane in Nevada crashed", "protesters in Hong Kong clashed" where it happened
            rank = ACTOR_RANK
        else:
            rank = _rank(root, token, clause, governing, preps, place_nouns, doc, se, rules)
        apart = _apart(root, token, home, foreign, rules)
        if apart is None:
            continue  # another event's place: "in response to the airstrike at a Baghdad airport"
        if apart:
            rank = max(rank if rank is not None else 3, 3)  # "after a jury trial in Paris": close by, a fallback
        if rank is None:
            continue
        dist = min(abs(root.i - token.i), abs(se[0] - token.i))
        # "airlifted from Omsk to Berlin": where it ends, not where it starts, when both are named
        prep = _locative_prep(root, preps, place_nouns)
        origin = prep is not None and prep.lower_ == "from"
        key = (rank, origin, reference_point(top, rules.reference_directions), FEATURE_ORDER.get(p.feature, 8), dist)
        if best_key is None or key < best_key:
            best, best_key, best_listed = p, key, _listed(root)
    return best, (best_key[0] if best_key is not None else None), best_listed


def _in_apposition(root, token) -> bool:
    """True when the toponym is inside an apposition that describes someone ("Derek Scissors, [a
    professor at Cornell]"), below the trigger."""
    for a in [root] + list(root.ancestors):
        if a.i == token.i:
            return False
        if a.dep_ == "appos":
            return True
    return False


def _of_a_name(top) -> bool:
    """True when the toponym ``top`` completes the name of an organisation or a person through "of"
    or a possessive: "the Federal Reserve Bank of [New York]", "Zhukovskyy, 23, of [West
    Springfield]", "[Australia]'s Griffith University" (the word before "of" is a proper noun the
    model tags ORG or PERSON, or the toponym is inside an ORG name; the possessed one an ORG name);
    not an office ("the Prime Minister of [Tunisia]": the country he governs)."""
    h = top.head
    if top.dep_ == "poss":  # "[Australia]'s Griffith University"
        return h.pos_ == "PROPN" and h.ent_type_ == "ORG"
    return top.dep_ == "pobj" and h.lower_ == "of" and h.head.pos_ == "PROPN" and (
        h.head.ent_type_ in ("ORG", "PERSON") or top.ent_type_ == "ORG")


def home_or_source(root, rules, preps: set, place_nouns: set) -> bool:
    """True when the toponym tells where someone is from or where the source of the sentence is,
    not where its events happened (``home_verbs`` and ``source_phrases`` of
    data/events/setting.yaml): under "from" hanging from a home verb or from a noun or adjective
    ("One truck driver was from [West Palm Beach]", "the other from [Albuquerque]"), or in the object
    of a source phrase ("According to police in [Baytown]"). RETURNS (bool)."""
    prep = _locative_prep(root, preps, place_nouns)
    if prep is not None and prep.lower_ == "from" and (
            prep.head.lemma_.lower() in rules.home_verbs or prep.head.pos_ in ("NOUN", "PROPN", "ADJ", "PRON")):
        return True
    for a in root.ancestors:
        for phrase in rules.source_phrases:
            if a.lower_ == phrase[-1] and (len(phrase) == 1 or a.head.lower_ == phrase[-2]):
                return True
    return False


def _listed(root) -> bool:
    """True when the toponym is one of a list of them, joined by "and"/"or" ("the attorneys general
    of California, [Maine] and Oregon"); not a place and its qualifier the parser coordinates
    ("Paris, France")."""
    head, hops = root, 0
    while head.dep_ == "conj" and head.head.i != head.i and hops < 12:
        head, hops = head.head, hops + 1
    members = [head] + [c for c in head.subtree if c.dep_ == "conj"]
    return len(members) > 1 and any(c.dep_ == "cc" for m in members for c in m.children)


def _apart(root, token, home, foreign, rules) -> Optional[bool]:
    """False: the toponym is on the trigger's side of every relation phrase; True: it is across a
    phrase of an event close in time ("after a jury trial in Paris", ``same_time``); None: across a
    phrase of another time ("in response to the airstrike at a Baghdad airport", "since an assault
    in Ghazni")."""
    if home is not None and not inside(root, home):
        return True if same_time(home, rules) else None
    for f in foreign:
        if inside(root, f):
            return True if same_time(f, rules) else None
    return False


def in_subject(root, token) -> bool:
    """True when the toponym is inside (not the head of) the subject of the trigger's clause: "the
    Prime Minister of [Tunisia] signed", "[Chicago] police arrested", "the mayor of [Gdańsk] was
    stabbed". A trigger without a subject takes that of the verb it is the object or the
    complement of ("The [Manhattan] district attorney's office began its probe", "signed a decree
    banning ..."); not through a preposition ("The [Yemen]-based movement claimed responsibility
    for the attack": where the claimer is, not the attack)."""
    cur = token
    for _ in range(4):
        subjects = [c for c in cur.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            return any(root.i != s.i and inside(root, s) for s in subjects)
        if cur.dep_ not in _COMPLEMENT_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _rank(root, token, clause: set, governing: set, preps: set, place_nouns: set, doc, se, rules) -> Optional[int]:
    """The rank of a toponym whose span root is ``root`` (module docstring), None when it is none of them."""
    prep = _locative_prep(root, preps, place_nouns)
    if root.i in clause:
        return 0 if prep is not None and (prep.head.i in clause or prep.head.i == token.i) else 1
    if prep is not None and _adjunct_of(prep, governing):
        return 2
    if is_dateline(doc, se[0], se[1]):
        return 2
    rc = in_relative_clause(root, token)
    if rc is not None and (rc.dep_ != "relcl" or any(h.pos_ in _VERBS and inside(h, rc) for h in
                                                     ([prep.head] if prep is not None else []) + [_same_thing(root).head])):
        # "the helicopter, which crashed in Logar", "a statement saying an attack on personnel near
        # Mosul"; not a noun's description in a finite relative clause: "a decision that surprised
        # officials in Seoul"
        return 3
    if _same_time_clause(root, token, governing, rules.same_time_marks):
        return 3  # "Violence broke out when thousands rallied at Freedom Plaza": where it broke out too
    return None


def _same_time_clause(root, token, governing: set, marks) -> bool:
    """True when the toponym is in a subordinate clause of the trigger or of a verb governing it,
    opened by one of ``marks`` (``same_time_marks``: "when thousands rallied at [Freedom Plaza]"; the
    parser makes "when" a mark or an adverb of the clause's verb)."""
    for a in root.ancestors:
        if a.i == token.i or a.i in governing:
            return False
        if a.dep_ == "advcl" and (a.head.i == token.i or a.head.i in governing) and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in marks and c.i < a.i for c in a.children):
            return True
    return False


#: dependencies a locative phrase may climb to reach the verb it is an adjunct of ("On Sunday in
#: London, a man entered": in -> Sunday -> on -> entered); a subject is a participant's description
_ADJUNCT_PATH = ("prep", "pobj", "dobj", "npadvmod", "attr", "oprd", "dative", "appos", "compound", "conj", "advmod")


def _adjunct_of(prep, governing: set) -> bool:
    """True when the locative preposition ``prep`` is an adjunct of a governing verb: hangs from it,
    or from its object or adjunct ("raided a house in Lyon", "On Sunday in London"), through
    :data:`_ADJUNCT_PATH` dependencies only."""
    cur, hops = prep, 0
    while hops < 6 and cur.head.i != cur.i:
        if cur.dep_ not in _ADJUNCT_PATH:
            return False
        cur = cur.head
        hops += 1
        if cur.i in governing:
            return True
    return False


def _locative_prep(root, preps: set, place_nouns: set):
    """The locative preposition a toponym hangs from, climbing compound and apposition chains and
    "<place noun> of" ("the town of X": X -> of -> town -> at), or None."""
    cur, hops = root, 0
    while hops < 4 and cur.head.i != cur.i:
        h = cur.head
        if h.dep_ == "prep" or h.pos_ == "ADP":
            if h.lower_ in preps:
                return h
            if h.lower_ == "of" and h.head.lemma_.lower() in place_nouns:
                cur = h.head  # "the border town of X": X stands for the town
                hops += 1
                continue
            return None
        if cur.dep_ not in ("pobj", "compound", "appos", "conj", "nmod", "npadvmod", "amod"):
            return None
        cur = h
        hops += 1
    return None


def _same_thing(root):
    """The word a toponym is the same thing as: up apposition and conjunction chains ("the capital
    [Kabul]" -> capital, "Iraq and [Syria]" -> Iraq)."""
    cur, hops = root, 0
    while cur.dep_ in _SAME_DEPS and cur.head.i != cur.i and hops < 4:
        cur = cur.head
        hops += 1
    return cur


def _is_place_noun(tok, place_nouns: set) -> bool:
    return tok.lemma_.lower() in place_nouns or tok.lower_ in place_nouns


def describes_other(top, token, static_prepositions, place_nouns: set, topics=frozenset()) -> Optional[str]:
    """How the toponym (or the word it is the same thing as), ``top``, describes a word other than
    the trigger ``token``, or None: ``"agent"`` when it possesses the trigger ("the [United
    States]' killing of Soleimani": who did it, not where), ``"origin"`` when it modifies a verb or adjective ("a
    [US]-built vehicle", "the [Yemen]-based movement", "[Iran]-backed militias"), ``"owner"`` when
    it modifies or possesses a noun ("[Chicago] police", "[Iran]'s Quds Force", "the Prime
    Minister of [Tunisia]"), ``"relation"``
    when it hangs from a common noun through a preposition that does not locate it ("the ambassador
    to [the United States]", "aggression from [the United States]"), or from a verb through one of
    ``topics`` (``topic_prepositions`` of data/events/setting.yaml: "spoke of [Turkey]"). A place noun ("a [Baghdad]
    airport", "the capital of [Iraq]") or the trigger itself ("the [Kabul] bombing", "an attack on
    [Baghdad]") is no other word."""
    head = top.head
    if head.i == top.i:
        return None
    if head.i == token.i:
        # "the [United States]' killing of Soleimani": the possessor of an act is who did it
        return "agent" if top.dep_ == "poss" and head.pos_ in _NOUNS else None
    if top.dep_ in _MODIFIER_DEPS or top.dep_ == "poss":
        if _is_place_noun(head, place_nouns):
            return None
        if head.pos_ in _VERBS or head.pos_ == "ADJ":
            return "origin"
        return "owner" if head.pos_ in _NOUNS else None
    if top.dep_ == "pobj" and head.lower_ in topics and head.head.pos_ in _VERBS:
        return "relation"  # "spoke of [Turkey] assuming the duty", "talks with [Iran]": a topic or a party
    if top.dep_ == "pobj" and head.lower_ not in static_prepositions:
        owner = head.head
        if owner.i != token.i and owner.pos_ in _NOUNS and not _is_place_noun(owner, place_nouns):
            if head.lower_ == "of":
                return "owner"  # "the Prime Minister of [Tunisia]"
            # a name may be a place the gazetteer lacks ("the Rhine from [France] to Germany")
            return "relation" if owner.pos_ == "NOUN" else None
    return None


def reference_point(top, directions) -> bool:
    """True when the toponym is the reference point of a direction: "south of [Kabul]"."""
    h = top.head
    return top.dep_ == "pobj" and h.lower_ == "of" and h.head.lower_ in directions


def _governing_verbs(token) -> set:
    """Indices of the verbs above the trigger's own clause, up to the sentence root."""
    out = set()
    for a in token.ancestors:
        if a.pos_ in _VERBS:
            out.add(a.i)
    return out


_PREPS_CACHE: dict = {}


def _clause_preps(ctx) -> tuple:
    """RETURNS (tuple[set, set]): the clause prepositions of data/places/cues.yaml, and the place nouns:
    ``place_nouns`` of cues.yaml with ``literal_heads`` of data/places/roles.yaml (the nouns a
    literal place modifies: airport, base, border)."""
    paths = getattr(getattr(ctx, "options", None), "data_paths", None)
    key = tuple(str(p) for p in (paths or ()))
    if key not in _PREPS_CACHE:
        cues = load_yaml("places/cues.yaml", extra=paths)
        roles = load_yaml("places/roles.yaml", extra=paths)
        nouns = {str(w).lower() for w in list(cues.get("place_nouns") or ()) + list(roles.get("literal_heads") or ())}
        _PREPS_CACHE[key] = (set(cues.get("clause_prepositions") or ()), nouns)
    return _PREPS_CACHE[key]


def _clause_tokens(token) -> set:
    """Token indices of the trigger's clause: its subtree minus embedded clauses."""
    out = set()
    stack = [token]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            if c.dep_ in _CLAUSE_DEPS and c is not token:
                continue
            stack.append(c)
    return out
