"""Trigger matching over the dependency parse.

:func:`find_triggers` returns one :class:`Match` per trigger token: a pattern of
``patterns.tsv`` whose head and other words (particles, prepositions, objects, modifiers) are
found among the token's dependents (:func:`match_token`), nouns licensed by a light or
occurrence verb (:func:`noun_licensed`), object classes checked (:func:`object_ok`); then the
"X said Y must V" obligations (:func:`add_obligations`) and the absorptions
(:func:`.absorb.absorb`): frame verbs take the trigger of their complement, a casualty verb joins
the violent event whose toll it tells, a light-verb trigger and its noun trigger become one event.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .patterns import Pattern
from .senses import (as_reference, asserted_complement, charged_act, hosted_gathering, hyphen_participle, judging_it,
                     misread_name_objects)
from .state import ArticleState

if TYPE_CHECKING:
    from .rules import EventRules

__all__ = ["Match", "find_triggers", "match_token", "complements", "NOUN_POS", "SUBJ", "PASS_SUBJ",
           "REL_PRONOUNS"]

_VERB_POS = {"VERB", "ADJ"}
NOUN_POS = {"NOUN", "PROPN"}
# dependents a pattern word may be found under (anything but clause boundaries and punctuation)
_PATTERN_DEPS = {"prt", "prep", "dobj", "pobj", "compound", "amod", "advmod", "xcomp", "acomp",
                 "attr", "npadvmod", "dative", "pcomp", "nmod", "oprd", "aux", "nsubjpass", "dep", "agent"}
REL_PRONOUNS = {"who", "which", "that", "whom", "whose"}
SUBJ = {"nsubj", "csubj", "expl"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}


@dataclass
class Match:
    """One trigger found in the parse.

    pattern (Pattern): the pattern matched. head (Token): the trigger token.
    tokens (list[Token]): the tokens of the pattern's words, in pattern order.
    recip_prep (Token | None): the pattern's final preposition (its recipient slot).
    light (Token | None): the light verb of a noun trigger ("held talks"); for an obligation, the
        speech verb.
    absorbed_by (Match | None): the frame / host event this trigger is part of.
    casualties (list[Match]): casualty matches whose toll this event is.
    need_recipient (bool): the object failed an ``orrecip`` pattern's class.
    means (Match | None): the attack noun that is this violent verb's means ("killed X in an
        airstrike"); its mode is the event's when the verb has none.
    ordered_by (Match | None): the order to the actor's own people whose content this is ("Iran
        ordered its troops to withdraw": the withdrawal, by Iran).
    """

    pattern: Pattern
    head: object  # spaCy Token
    tokens: list
    recip_prep: object = None  # Token of the pattern's final preposition
    light: object = None  # light verb Token for noun triggers
    absorbed_by: object = None
    casualties: list = field(default_factory=list)  # casualty matches whose toll this event is
    need_recipient: bool = False  # the object failed an ``orrecip`` pattern's class
    means: object = None  # attack noun Match that is the means of this violent verb
    ordered_by: object = None  # the frame Match of an order to one's own people ("ordered its troops to")


def find_triggers(rules: EventRules, state: ArticleState, doc) -> dict:
    """RETURNS (dict[int, Match]): token index -> match, absorbed matches marked (``absorbed_by``)."""
    matches: dict[int, Match] = {}
    for tok in doc:
        m = match_token(rules, state, tok)
        if m is not None:
            matches[tok.i] = m
    add_obligations(rules, doc, matches)
    from .absorb import absorb  # (absorb.py reads this module's complements)

    absorb(rules, matches)
    agent_subjects(rules, matches)
    return matches


def agent_subjects(rules: EventRules, matches: dict) -> None:
    """A noun trigger that is the subject of a verb trigger of its type is part of that event
    ("protesters demonstrated", "suicide bombers attacked": one event, the noun's mode kept as
    the verb's ``means``), and an agent noun that is the subject of a speech verb is a speaker
    ("protesters claimed that ..."), and an agent noun subject with a verb of its type later in
    its sentence is that verb's actor ("Protesters, carrying placards, marched" misparsed); all
    are removed from ``matches`` here."""
    for i in [i for i, m in matches.items() if m.pattern.pos == "N"]:
        m = matches[i]
        verb = m.head.head
        vm = matches.get(verb.i)
        if m.head.dep_ == "nsubj" and vm is not None and vm is not m \
                and vm.pattern.event_type == m.pattern.event_type and vm.absorbed_by is None:
            # "suicide bombers attacked ...": one ASSAULT, with the noun's mode
            del matches[i]
            if vm.means is None:
                vm.means = m
        elif "agent" in m.pattern.flags and (verb.lemma_.lower() in rules.speech_verbs or (
                m.head.dep_ == "nsubj" and verb.lemma_.lower() in rules.agent_idle_verbs)):
            del matches[i]  # "protesters claimed that ...", "the other protesters ran away"
        elif "agent" in m.pattern.flags and m.head.dep_ == "nsubj" and any(
                o is not m and o.pattern.pos == "V" and o.pattern.event_type == m.pattern.event_type
                and o.absorbed_by is None and o.head.sent.start == m.head.sent.start and o.head.i > m.head.i
                for o in matches.values()):
            # "Protesters, carrying placards asking ..., marched": the parser hangs the agent on
            # another verb; the march of its sentence is the protesters' one event
            del matches[i]


def misparsed_plural(tok) -> bool:
    """'Obama ordered asset freezes', 'agreed travel bans and asset freezes': a plural noun the
    parser took for a verb with the noun before it as subject. Caught when the "verb" (tag VBZ)
    is the clause complement of a verb, has no auxiliary or negation, and its "subject" is the
    bare singular noun right before it (no determiner, no number). RETURNS (bool)."""
    if tok.tag_ != "VBZ" or tok.dep_ not in ("ccomp", "xcomp") or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    if prev.dep_ != "nsubj" or prev.head.i != tok.i or prev.pos_ != "NOUN" or prev.tag_ != "NN":
        return False
    if any(c.dep_ in ("det", "nummod", "poss") for c in prev.children):
        return False
    return not any(c.dep_ in ("aux", "auxpass", "neg") for c in tok.children)


def match_token(rules: EventRules, state: ArticleState, tok) -> Optional[Match]:
    """The first (longest) pattern headed by ``tok`` that matches, as a Match, or None."""
    pos_, tag_ = tok.pos_, tok.tag_
    if misparsed_plural(tok):
        pos_, tag_ = "NOUN", "NNS"  # "ordered asset freezes": the plural noun read as "asset" + verb
    if pos_ in _VERB_POS or tag_ in ("VBN", "VBG", "VBD", "VB", "VBZ", "VBP"):
        cands = rules.patterns.candidates(tok.lemma_.lower(), "V")
        if not cands:
            return None  # no pattern: the checks below (each only ever refuses) can't matter
        if judging_it(tok) or hyphen_participle(tok) or as_reference(tok):
            return None
        if tok.tag_ in ("VBN", "VBG") and any(c.dep_ == "det" for c in tok.children) \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
            return None  # "unlike the accused", "the wounded": a participle used as a noun
        if intended(rules, tok):
            return None  # "a plot to kill the ambassador": intended, not done
        if tok.tag_ == "VBG" and tok.dep_ == "csubj" and (tok.head.tag_ in ("VBZ", "VBP") or any(
                c.dep_ == "aux" and c.tag_ == "MD" for c in tok.head.children)):
            return None  # "sexually abusing minors can carry a sentence": an act in general
        if tok.tag_ == "VBG" and tok.dep_ == "amod" and not any(True for _ in tok.children) \
                and tok.head.i not in state.actor_tok and not any(
                    in_class(state, tok.head, rules.object_classes.get(c, frozenset()), depth=1)
                    for c in ("captives", "act_nouns")):
            return None  # "clashing claims", "a striking resemblance": an adjective of a thing
        if tok.dep_ == "acl" and tok.lemma_.lower() in ("target", "aim") and tok.head.dep_ == "dobj" \
                and tok.head.lemma_.lower() in rules.weapon_words:
            return None  # "launched missiles targeting US troops": the launch's target (arguments.py)
        pos = "V"
    elif pos_ in NOUN_POS:
        pos = "N"
        cands = rules.patterns.candidates(tok.lemma_.lower(), pos) or rules.patterns.candidates(tok.lower_, pos)
    else:
        return None
    for pat in cands:
        found = match_words(rules, tok, pat)
        if found is None:
            continue
        m = Match(pattern=pat, head=tok, tokens=found)
        if pat.recipient_prep is not None:
            m.recip_prep = found[-1]
        if pos == "N" and not noun_licensed(rules, tok, pat, m):
            continue
        if pos == "N" and tok.dep_ == "compound" and tok.head.pos_ in NOUN_POS \
                and tok.head.lemma_.lower() not in rules.carrier_nouns:
            continue  # "protest movement", "attack helicopter": the noun only modifies
        if "noacl" in pat.flags and (tok.dep_ == "acl" or (tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBG"))):
            continue
        if "noadj" in pat.flags and tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBG"):
            continue  # "a banned militant organization": a state, not an act told
        if "noname" in pat.flags and any(c.dep_ == "oprd" and c not in misread_name_objects(tok)
                                         for c in tok.children):
            continue  # "called Biden a decent man", "a company called Zorin": naming, no call
        if "noprt" in pat.flags and any(c.dep_ == "prt" for c in tok.children):
            continue  # "was sworn in as governor": taking office, no oath of violence
        if asserted_complement(rules, tok):
            continue  # "agree that China has taken advantage", "insist his tactics will work": said, not done
        if tok.lemma_.lower() in rules.passive_infinitives and tok.dep_ == "xcomp" and tok.head.lemma_ == "be" \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            continue  # "Iran is to blame": Iran is blamed, by the speaker (statements.py, allege)
        if pat.block_class is not None:
            blockers = frozenset().union(*(rules.object_classes.get(c, frozenset())
                                           for c in pat.block_class.split("+")))
            # dependents and objects of its prepositions ("was met with applause")
            deps = list(tok.children) + [g for c in tok.children if c.dep_ == "prep" for g in c.children
                                         if g.dep_ == "pobj"]
            # and what a quantity object is of ("ordered three days of public mourning")
            deps += [g for c in tok.children if c.dep_ == "dobj" for p in c.children
                     if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
            if any(c.lemma_.lower() in blockers or c.lower_ in blockers for c in deps):
                continue
        if "noobj" in pat.flags and any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
            continue  # "Mahan flies fighters to Syria": carrying them, no visit; "demonstrates that": shows
        if "verbonly" in pat.flags and tok.pos_ not in ("VERB", "AUX"):
            continue  # "a free concert", "free to download": the adjective is no release
        if "agentive" in pat.flags and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) \
                and not any(c.dep_ == "agent" for c in tok.children):
            continue  # "they were allowed to go home": nobody named concedes anything
        if pat.pos == "N" and tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "DATE") \
                and tok.is_title:
            continue  # "the Democratic Rally", "Operation Desert Storm", "on March 13": a name, not an event
        if pat.obj_class is not None and not object_ok(rules, state, tok, pat, m):
            if "orrecip" not in pat.flags or _given_thing(tok):
                continue  # ("he was given a fine": the thing given is named, and it is no aid)
            m.need_recipient = True  # "provided intelligence to Macedonia": the recipient decides
        return m
    return None


#: words that head an amount object ("delayed $400 million in aid")
_AMOUNT_WORDS = {"million", "billion", "trillion", "thousand", "hundred", "millions", "billions"}


def match_words(rules: EventRules, tok, pat: Pattern) -> Optional[list]:
    """The tokens of the words of ``pat`` around its head ``tok``, in pattern order, or None."""
    found = [tok]
    used = {tok.i}
    order = [k for k in range(len(pat.words)) if k != pat.head]
    retried = False
    pos = 0
    while pos < len(order):
        k = order[pos]
        alts = pat.words[k]
        hit = None
        for anchor in found:
            kids = list(anchor.children)
            # through a carrier noun: "ended mediation efforts" ~ "end mediation"
            kids += [g for c in kids if c.lemma_.lower() in rules.carrier_nouns and c.dep_ in ("dobj", "pobj")
                     for g in c.children if g.dep_ in ("compound", "amod", "nmod")]
            # through an amount: "froze $250 million in aid" ~ "freeze aid", "fired dozens of rockets"
            kids += [g for c in kids if c.dep_ == "dobj" and (c.ent_type_ == "MONEY" or c.lower_ in _AMOUNT_WORDS
                                                              or c.lemma_.lower() in rules.quantity_nouns)
                     for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                     for g in p.children if g.dep_ == "pobj"]
            # "called for Israel to withdraw": the parser makes "for" the mark of the clause
            for_marks = for_to_marks(anchor)
            marks = {g.i for g in for_marks}
            kids += for_marks
            for child in kids:
                if child.i in used or (child.dep_ not in _PATTERN_DEPS and child.i not in marks):
                    continue
                if child.dep_ == "aux" and child.lower_ == "to" and child.i < anchor.i:
                    continue  # "conspiracy to commit": the infinitive's marker is no "commit to"
                if child.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME")
                                                for g in child.children):
                    continue  # "called a ceasefire on Monday": a time, not "call on" someone
                if child.lemma_.lower() in alts or child.lower_ in alts:
                    hit = child
                    break
            if hit is not None:
                break
        if hit is None and k < pat.head:
            # modifiers written before the head ("air strike"): left compounds / amods
            for child in tok.lefts:
                if child.i not in used and (child.lemma_.lower() in alts or child.lower_ in alts):
                    hit = child
                    break
        if hit is None:
            if retried or pos + 1 >= len(order):
                return None
            # a modifier written before its noun ("fire tear gas"): try it once after the rest
            order.append(order.pop(pos))
            retried = True
            continue
        found.append(hit)
        used.add(hit.i)
        pos += 1
    # keep the pattern order (head first for V, as written) for the final preposition
    by_word = dict(zip([pat.head] + order, found))
    return [by_word[k] for k in range(len(pat.words))]


def quantity_head(rules: EventRules, tok):
    """The quantity noun a noun is counted by ("a series of pardons", "a couple of bombings":
    rules.yaml ``quantity_nouns``), which stands for it in the clause, else ``tok`` itself."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in rules.quantity_nouns:
        return tok.head.head
    return tok


def noun_licensed(rules: EventRules, tok, pat: Pattern, m: Match) -> bool:
    """A noun trigger counts when governed by a light verb, subject of an occurrence verb,
    the sentence root (headline), or anywhere for ``any`` patterns; not as the object of
    another verb trigger ("condemned the attack"). Sets ``m.light`` to the light verb."""
    head = tok
    if "agent" in pat.flags:
        return head.dep_ == "nsubj"
    if head.dep_ == "compound" and head.head.lemma_.lower() in rules.carrier_nouns:
        head = head.head
    while head.dep_ == "conj" and head.head.pos_ in NOUN_POS:
        head = head.head
    head = quantity_head(rules, head)  # "issued a series of seven pardons": the quantity noun stands for it
    up = head
    while up.dep_ == "appos" and up.i > up.head.i:
        up = up.head
    if up is not head and up.dep_ in ("dative", "dobj"):
        # "granted Angela Stanton a full pardon" parsed as an apposition of the name, or of the
        # name's own apposition ("granted X, formerly the agency's chief of staff, a pardon")
        head = up
    gov = head.head
    if (head.dep_ == "oprd" and gov.lemma_.lower() in rules.evaluations.verbs
            and any(c.dep_ == "dobj" for c in gov.children)) or (
            head.dep_ == "pobj" and gov.lower_ == "as" and gov.head.lemma_.lower() in rules.evaluations.verbs):
        return False  # 'called the death "a senseless killing"', 'described it as an attack': a name for it
    if (head.dep_ in ("dobj", "attr", "nsubjpass", "oprd", "dative") or misparsed_plural(head)) \
            and (gov.lemma_.lower() in rules.light_verbs
                 or gov.lemma_.lower() in rules.agreed_verbs and pat.event_type in rules.agreed_types):
        # ("agreed sanctions": agreeing on a sanction imposes it, rules.yaml decreed_acts)
        m.light = gov
        return True
    if head.dep_ == "dobj" and gov.lemma_.lower() in rules.instrument_verbs and gov.pos_ == "VERB" \
            and gov.tag_ != "VBG" and pat.event_type in ("ASSAULT", "COERCE"):
        # (not "killed them using missiles": the means of another act)
        m.light = gov  # "police used water cannons and tear gas against protesters": the police's
        return True
    claim = responsibility_claim(rules, head)
    if claim is not None:
        m.light = claim  # "IS claimed responsibility for the attacks": the claimer is the attacker
        return True
    if hosted_gathering(rules, head):  # "announced it in a rally": where he spoke, no protest
        return False
    if head.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ in ("in", "into", "on", "for") \
            and gov.head.lemma_.lower() in rules.light_verbs and gov.head.pos_ in ("VERB", "AUX") \
            and not _phrasal_trigger(rules, gov.head, gov):
        m.light = gov.head
        return True
    if head.dep_ in ("nsubj", "nsubjpass") and gov.lemma_.lower() in rules.occurrence_verbs:
        return True
    if head.dep_ == "ROOT":
        return True
    if charged_act(rules, head):
        return False
    if "any" in pat.flags:
        if head.dep_ in ("dobj", "nsubjpass") and gov.pos_ == "VERB" and rules.patterns.candidates(
                gov.lemma_.lower(), "V"):
            return False
        return True
    return False


def _phrasal_trigger(rules: EventRules, verb, prep) -> bool:
    """True when verb + preposition is a trigger of its own ("called for a ceasefire": a call
    for it, not a ceasefire called), so the noun after it is the request's content."""
    return any(len(p.words) == 2 and p.head == 0 and prep.lower_ in p.words[1]
               for p in rules.patterns.candidates(verb.lemma_.lower(), "V"))


def responsibility_claim(rules: EventRules, head):
    """The verb of "claimed responsibility (credit) for <event noun>" (``responsibility_claims``
    in rules.yaml), affirmed ("no group claimed responsibility" names no attacker), or None. Event
    coders take the claimer as the actor (CAMEO 015 "acknowledge or claim responsibility")."""
    if head.dep_ != "pobj" or head.head.lower_ != "for":
        return None
    noun = head.head.head
    verb = noun.head
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in rules.claim_nouns \
            or verb.lemma_.lower() not in rules.claim_verbs:
        return None
    if any(c.dep_ == "neg" for c in verb.children) or any(
            c.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ == "no" for d in c.children) for c in verb.children):
        return None
    return verb


# ------------------------------------------------------------- object classes
def in_class(state: ArticleState, tok, cls: frozenset, depth: int = 0) -> bool:
    """Whether the noun ``tok`` belongs to an object class (rules.yaml ``object_classes``).

    "hundreds of prisoners", "a team of doctors": the object of "of" is looked at too.
    """
    if "@any" in cls:
        return True
    if tok.lemma_.lower() in cls or tok.lower_ in cls:
        return True
    if "@actor" in cls and tok.i in state.actor_tok:
        return True
    if "@place" in cls and (tok.i in state.place_tok or tok.ent_type_ in ("GPE", "LOC", "FAC")):
        return True
    if depth == 0:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                if any(in_class(state, g, cls, 1) for g in c.children if g.dep_ == "pobj"):
                    return True
    return False


def object_heads(tok, m: Match) -> list:
    """The object of a verb trigger: direct object, passive subject (through a relative
    pronoun), the noun a participle modifies ("prisoners released on Monday"), or the object
    of the pattern's final preposition."""
    objs = []
    for c in tok.children:
        if c.dep_ == "dobj":
            objs.append(c)
        elif c.dep_ in PASS_SUBJ:
            objs.append(tok.head if c.lower_ in REL_PRONOUNS and tok.dep_ == "relcl" else c)
    if not objs and tok.dep_ == "acl" and tok.tag_ == "VBN":
        objs.append(tok.head)
    if m.recip_prep is not None:
        objs.extend(g for g in m.recip_prep.children if g.dep_ == "pobj")
    out = []
    for o in objs:
        out.append(o)
        out.extend(o.conjuncts)
    return out


def intended(rules: EventRules, tok) -> bool:
    """True when ``tok`` is the verb of what an intention or agreement noun (rules.yaml
    ``intention_nouns``, ``agreement_nouns``) is about: its relative or participle clause ("a plot to kill the
    ambassador"), or its infinitive reached through control verbs ("an agreement for US troops to
    begin leaving", "a deal to release prisoners"): intended or agreed, not done."""
    t, n = tok, 0
    while t.dep_ == "xcomp" and t.head.i != t.i and n < 4:
        t, n = t.head, n + 1
    noun = t.head.lemma_.lower()
    if noun in rules.intention_nouns and t.dep_ in ("acl", "relcl") and t is tok:
        return True
    return (noun in rules.intention_nouns or noun in rules.agreement_nouns) \
        and t.dep_ in ("acl", "relcl", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def _given_thing(tok) -> bool:
    """True for a passive with a direct object of its own ("he was given a fine", "was given
    ministerial posts"): the passive subject receives, the object is the thing given."""
    return any(c.dep_ == "auxpass" for c in tok.children) and any(c.dep_ == "dobj" for c in tok.children)


def object_ok(rules: EventRules, state: ArticleState, tok, pat: Pattern, m: Match) -> bool:
    """The ``obj=<class>`` / ``obj?=<class>`` rule of a pattern (see rules.yaml object_classes)."""
    cls = rules.object_classes.get(pat.obj_class, frozenset())
    objs = object_heads(tok, m)
    if not objs:
        return not pat.obj_required
    return any(in_class(state, o, cls) for o in objs)


# ------------------------------------------------------ obligations, absorption
def add_obligations(rules: EventRules, doc, matches: dict) -> None:
    """ "X said that Y must V": a REQUEST by X on Y, keyed by the modal token (added to ``matches``)."""
    if not rules.obligation_aux:
        return
    for tok in doc:
        if tok.lower_ not in rules.obligation_aux or tok.dep_ != "aux":
            continue
        verb = tok.head
        gov = verb.head
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in rules.obligation_self_subjects
               for c in verb.children):
            continue  # "I must answer you directly": the speaker's own duty
        if verb.dep_ == "ccomp" and gov.pos_ in ("VERB", "AUX"):
            speaker = gov
        elif verb.dep_ in ("acl", "relcl", "ccomp") and gov.pos_ in NOUN_POS and gov.head.pos_ == "VERB":
            speaker = gov.head  # "issued a reminder that ... must"
        else:
            continue
        m = Match(pattern=rules.obligation, head=verb, tokens=[tok, verb])
        m.light = speaker
        if verb.i in matches:
            matches[verb.i].absorbed_by = m
        matches[tok.i] = m


def for_to_marks(tok) -> list:
    """The "for" of a for-to clause of ``tok`` ("called for Israel to withdraw", "pressed for the
    attack to be investigated"), which the parser makes the mark of an adverbial clause."""
    return [g for c in tok.children if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for g in c.children if g.dep_ == "mark" and g.lower_ == "for"]


def complements(tok) -> list:
    """The clause complements of a frame verb: xcomp/ccomp (with conjuncts), a preposition's
    pcomp ("called for ending"), an adjective complement's xcomp ("ready to talk"), a for-to
    clause ("called for Israel to withdraw"), and with none of those an infinitive the parser
    made an adverbial clause ("offered on Saturday to meet")."""
    out = [m.head for m in for_to_marks(tok)]
    for child in tok.children:
        if child.dep_ in ("xcomp", "ccomp"):
            out.append(child)
            # "urged the embassy to reconsider and spoke with Pompeo": a finite past verb
            # joined to an infinitive is the frame subject's own next act, not a complement
            out.extend(c for c in child.conjuncts
                       if not (child.dep_ == "xcomp" and child.tag_ == "VB" and c.tag_ in ("VBD", "VBZ")))
        elif child.dep_ == "prep":
            for g in child.children:
                if g.dep_ == "pcomp":
                    out.append(g)
        elif child.dep_ == "acomp":
            out.extend(g for g in child.children if g.dep_ == "xcomp")
    if not any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in tok.children):
        # "had offered on Saturday to meet Kim": a time between them makes the parser read the
        # frame's infinitive as an adverbial clause (with an object it is a purpose: "demanded
        # a meeting to discuss")
        out.extend(c for c in tok.children if c.dep_ == "advcl" and c.i > tok.i
                   and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
    return out
