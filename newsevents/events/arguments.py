"""Argument filling: who acts (actor heads) and on whom (recipient heads), and their actor
references.

:func:`arguments` reads the subject (with passive agent, conjunction, control, relative clauses
and participles, and the constructions with no subject of their own: :mod:`.subjects`), the
objects and recipient prepositions (:func:`objects`), a noun trigger's possessor, modifiers and
``by``/``between`` phrases, a frame verb's complement.
:func:`refs` turns argument head tokens into :class:`~newsevents.records.ActorRef`s through the
actor mentions inside each head's noun phrase (conjuncts included, duplicates dropped).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional

from ..records import ActorRef
from .patterns import Pattern
from .state import ArticleState
from .subjects import between, doer, instrument_user, lost_clause_subject, subject
from .triggers import NOUN_POS, PASS_SUBJ, SUBJ, Match, complements

if TYPE_CHECKING:
    from .rules import EventRules

__all__ = ["arguments", "refs", "casualty_victims", "lost_clause_subject", "subject"]

# dependents that end an argument's noun phrase
_NP_CUT = {"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "cc", "conj", "preconj", "prep"}
_NP_KEEP_PREPS = {"of", "from", "by"}  # "the decision of X", "the claim from X", "the proclamation by X"
#: participles on a weapon object that name its target ("missiles targeting US troops")
_TARGETING = frozenset({"target", "aim"})


def arguments(rules: EventRules, m: Match, matches: dict) -> tuple[list, list]:
    """RETURNS (tuple[list[Token], list[Token]]): the actor heads and recipient heads of ``m``."""
    pat, tok = m.pattern, m.head
    if "obligation" in pat.flags:
        actors, _ = subject(m.light)
        recips = [c for c in tok.children if c.dep_ in SUBJ]
        return actors, recips
    if pat.pos == "N":
        actors, recips = ([tok] if "agent" in pat.flags else []), []
        verb = m.light
        receiving = verb is not None and verb.lemma_.lower() in rules.receiving_verbs
        if verb is not None:
            a, r = subject(verb)
            if receiving:  # "the government had received warnings": the subject is the one warned
                recips += a + r
            else:
                actors += a
                recips += r
            # "engaged Filipino peacekeepers in a firefight": the light verb's object
            vobjs = objects(rules, verb, None, None, with_dobj=tok.dep_ != "dobj")
            if receiving:  # "received warnings from the United States": the sender does it
                senders = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                           for g in c.children if g.dep_ == "pobj"]
                actors += senders
                vobjs = [o for o in vobjs if o not in senders]
            recips += vobjs
            # "granted Milken a full pardon": the light verb's indirect object
            recips += [c for c in verb.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP"]
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and (
                    c.i not in {t.i for t in m.tokens} or c.pos_ == "PROPN")):
                # (a name among the pattern's words is still the doer: "a US strike")
                if verb is None:
                    actors.append(c)
            elif c.dep_ == "prep":
                lemma = c.lemma_.lower()
                pobjs = [g for g in c.children if g.dep_ == "pobj"]
                if lemma == "by" or (receiving and lemma == "from"):  # "received warnings from the US"
                    actors += pobjs
                elif lemma in rules.recipient_preps or (m.recip_prep is not None and c.i == m.recip_prep.i):
                    recips += pobjs
                elif lemma == "between":
                    actors += pobjs
        if not actors and verb is None:
            actors = doer(rules, tok)  # "the suspect in a shooting of protesters"
        if not actors:
            # "talks were held between Iran and Iraq", "clashes erupted between X and Y": the sides
            # named on the light verb, or on the verb the noun is the subject of
            gov = verb if verb is not None else (tok.head if tok.dep_ in SUBJ | PASS_SUBJ
                                                 and tok.head.lemma_.lower() in rules.occurrence_verbs else None)
            if gov is not None:
                actors = between(gov)
                recips = [r for r in recips if r.i not in {a.i for a in actors}]
        if "selfrecip" in pat.flags:
            recips = []
        return actors, dedupe(recips)
    actors, precips = subject(tok)
    described = described_noun(rules, tok, pat)
    if described is not None:
        # "interrupted by protesting legislators": the legislators protest (not the subject of
        # "interrupted", whom the participle would otherwise be controlled by)
        actors, precips = [described], []
    if precips and not actors and tok.lemma_.lower() in rules.stative_participles and tok.tag_ == "VBN" \
            and not any(c.dep_ == "agent" for c in tok.children):
        actors, precips = precips, []  # "Israel is opposed to French mediation": Israel opposes it
    if not precips:  # "police used tear gas to disperse protesters": the police disperse them
        actors = instrument_user(rules, tok) or actors
    if not actors and not precips and tok.dep_ == "pcomp" and tok.head.lower_ == "by":
        # "took action to protect its staff by killing X": the means of such a purpose clause
        actors = instrument_user(rules, tok.head.head)
    if not actors and tok.dep_ not in ("acl", "relcl"):
        # "a memorandum was signed between Cyprus, Greece and Israel" (not "the agreement signed
        # between Turkey and Libya": a thing named by an act told elsewhere)
        actors = between(tok)
    recips = list(precips)
    if not recips and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in NOUN_POS:
        recips.append(tok.head)  # "ten soldiers killed in an ambush", "prisoners freed on Monday"
    if "selfrecip" not in pat.flags:
        recips += objects(rules, tok, pat, m)
        # "launched missiles targeting US troops", "fired rockets aimed at the base": the weapon's
        # target is the event's recipient
        for o in (c for c in tok.children if c.dep_ == "dobj"):
            for a in o.children:
                if a.dep_ == "acl" and a.lemma_.lower() in _TARGETING:
                    recips += objects(rules, a, None, None)
    if "subjrecip" in pat.flags:  # "both received prison terms": the subject undergoes it
        actors, recips = [], actors + recips
    if "frame" in pat.flags:
        for comp in complements(tok):
            recips += objects(rules, comp, None, matches.get(comp.i))
            if pat.event_type == "REQUEST" and comp.dep_ in ("ccomp", "advcl"):
                # "demanded that Iran release ...", "called for Israel to withdraw": the one asked
                # is the clause subject
                recips += [c for c in comp.children if c.dep_ in SUBJ]
    # "X and Y met", "met with both Kim and Trump": conj handled in refs
    if described is not None:
        recips = [r for r in recips if r.i != described.i]
    return actors, dedupe(recips)


def described_noun(rules: EventRules, tok, pat: Pattern):
    """The plural noun right after a participle trigger of a type in rules.yaml
    ``participle_agent_types`` that the parser made the participle's object: "interrupted by
    protesting legislators", "joined by striking workers" (the noun does the act), else None."""
    if pat.event_type not in rules.participle_agent_types or tok.tag_ != "VBG" \
            or tok.dep_ not in ("pcomp", "amod", "acl") or tok.i + 1 >= len(tok.doc):
        return None
    nxt = tok.doc[tok.i + 1]
    if nxt.head.i == tok.i and nxt.dep_ == "dobj" and nxt.tag_ in ("NNS", "NNPS"):
        return nxt
    return None


def objects(rules: EventRules, tok, pat: Optional[Pattern], m: Optional[Match], with_dobj=True) -> list:
    """Recipient heads of ``tok``: direct/indirect objects, objects of recipient prepositions
    (and of the pattern's final preposition), and of the objects' recipient prepositions."""
    out = []
    skip = {t.i for t in (m.tokens if m else [])}
    for c in tok.children:
        if c.i in skip and not (m and m.recip_prep is not None and c.i == m.recip_prep.i):
            if c.dep_ != "prep":
                continue
        if c.dep_ in ("dobj", "dative", "iobj") and with_dobj:
            if c.dep_ == "dative" and c.pos_ == "ADP":
                out.extend(g for g in c.children if g.dep_ == "pobj")
            else:
                out.append(c)
        elif c.dep_ == "prep":
            lemma = c.lemma_.lower()
            slot = m is not None and m.recip_prep is not None and c.i == m.recip_prep.i
            if slot or lemma in rules.recipient_preps:
                out.extend(g for g in c.children if g.dep_ == "pobj")
                # "pull out of": preposition hanging from a particle/adverb
        elif c.dep_ in ("prt", "advmod") and m is not None and c.i in skip:
            for g in c.children:
                if g.dep_ == "prep" and ((m.recip_prep is not None and g.i == m.recip_prep.i)
                                         or g.lemma_.lower() in rules.recipient_preps):
                    out.extend(x for x in g.children if x.dep_ == "pobj")
    if tok.pos_ == "VERB" and not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        # "attacked the proclamation ... by the President": the parser hangs the object's agent
        # on an active verb, whose own agent is its subject
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "by" and any(x.dep_ == "dobj" for x in tok.children):
                out.extend(g for g in c.children if g.dep_ == "pobj")
    if m is not None and m.recip_prep is not None and m.recip_prep.head.i != tok.i:
        out.extend(g for g in m.recip_prep.children if g.dep_ == "pobj")
    if pat is not None and pat.event_type == "ACCUSE" and pat.mode == "allege" and pat.pos == "V":
        # "alleged that Iran had armed the rebels", "suspect the attackers had been radicalised":
        # whom the allegation is about is the reported clause's subject
        out.extend(g for c in tok.children if c.dep_ == "ccomp"
                   for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
    # "froze drills with South Korea", "exchange information with Egypt": preps of the object
    objs = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
    if m is not None:
        objs += [w for w in m.tokens if w.i != tok.i and w.dep_ in ("dobj", "attr", "pobj")]
        if m.recip_prep is not None:
            # "reneged on his commitment to the Zambian people": the slot's object is a thing,
            # whom it is owed to is named on it
            objs += [g for g in m.recip_prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    if objs:
        for w in dedupe(objs):
            for c in w.children:
                if c.dep_ == "poss" and m is not None and w.i in skip:
                    # "questioned Erdogan's authority", "came to Rittenhouse's defense": the owner
                    # of the pattern's own object noun is whom the act is aimed at (the subject's
                    # own "his post" is dropped later, an actor is never its own recipient)
                    out.append(c)
                elif c.dep_ == "prep" and c.lemma_.lower() in rules.recipient_preps:
                    out.extend(g for g in c.children if g.dep_ == "pobj")
                elif c.dep_ in ("acl", "relcl") and (c.lemma_.lower() in rules.destination_participles
                                                     or c.lower_ in rules.destination_participles):
                    out.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ == "for"
                               for g in p.children if g.dep_ == "pobj")  # "aid slated for Ukraine"
    if with_dobj and not out and tok.pos_ == "VERB" and not any(
            c.dep_ in ("dobj", "nsubjpass", "auxpass", "ccomp", "xcomp") for c in tok.children):
        # "will destroy and obliterate the economy of Turkey": the object of the last conjunct
        # is the object of both
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and not any(x.dep_ in SUBJ or x.dep_ in PASS_SUBJ for x in c.children):
                out.extend(x for x in c.children if x.dep_ == "dobj")
    return dedupe(out)


def casualty_victims(tok) -> list:
    """The victims of a casualty verb: passive subject or direct object ("eight people were
    killed", "killing eight people"), with their conjuncts added later by :func:`refs`."""
    out = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
    if not out and tok.dep_ == "acl" and tok.tag_ == "VBN":
        out = [tok.head]  # "ten soldiers killed in an ambush"
    return out


def dedupe(toks: list) -> list:
    """``toks`` without repeats (same token index), in order."""
    out, seen = [], set()
    for t in toks:
        if t.i not in seen:
            seen.add(t.i)
            out.append(t)
    return out


# ------------------------------------------------------------- actor references
def refs(rules: EventRules, state: ArticleState, toks: Iterable) -> list:
    """ActorRefs for argument head tokens (each expanded to its conjuncts)."""
    out, seen = [], set()
    for tok in toks:
        group = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
        # "Donald Trump and Turkish President Recep Tayyip Erdoğan spoke": the parser hangs the
        # first name on the second as a modifier with its own "and"
        group += [c for c in tok.children if c.dep_ in ("nmod", "compound") and c.i < tok.i
                  and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)
                  and any(g.dep_ == "conj" for g in c.children)]
        # "The US, Russia, and Switzerland met": the parser reads the list as an apposition
        for c in tok.children:
            if c.dep_ == "appos" and any(x.dep_ == "cc" for x in list(c.children) + list(tok.children)) \
                    and tok.i in state.actor_tok and c.i in state.actor_tok:
                group += [c] + [g for g in c.conjuncts if g.i > c.i]
        for t in group:
            if t.pos_ == "PRON" and t.i not in state.actor_tok:
                quoted = quoting_speaker(state, t)
                if quoted:  # "I really urge her to step down," said Chan: Chan urges
                    for r in quoted:
                        if r.mention not in seen:
                            seen.add(r.mention)
                            out.append(r)
                    continue
                ante = speaker_antecedent(rules, t)
                if ante:
                    for r in refs(rules, state, ante):
                        key = r.mention
                        if key not in seen:
                            seen.add(key)
                            out.append(r)
                    continue
            if state.in_dateline(t.i):
                # "HANOI, Vietnam (AP) — Esper accused ...": where and who filed it, no participant;
                # the parser hangs the real subject on the dateline's place as an apposition
                group += [c for c in t.children if c.dep_ == "appos" and not state.in_dateline(c.i)
                          and c not in group]
                continue
            start, end = np_span(t)
            mentions = state.actor_index(start, end)
            aside = _affiliation_spans(rules, t)
            if aside:  # "the Al Qaeda-linked group al-Shabab": al-Qaeda is no participant
                mentions = [a for a in mentions if not any(s <= a.evidence.start and a.evidence.end <= e
                                                           for s, e in aside)]
            if not mentions:
                # a name the tokenizer split across the phrase ("Moon Jae-in" -> "Jae", "-", "in"):
                # the mention covering the token itself
                shared = state.ctx.shared.get("actors")
                mentions = list(getattr(shared, "by_token", {}).get(t.i, []))
            covering = [a for a in mentions if a.evidence.start <= t.idx < a.evidence.end]
            chosen = covering or mentions
            if covering and t.tag_ in ("NNS", "NNPS"):
                # "the leaders of Turkey and Greece": each country named in the group's phrase
                have = {a.code for a in covering}
                chosen = covering + [a for a in mentions if a.kind == "country" and a.code and a.code not in have
                                     and not have.add(a.code)]
            if not any(a.code for a in chosen):
                # "United States military forces": the uncoded 'military' gives way to the country
                chosen = [a for a in mentions if a.code] or chosen
            for a in chosen:
                key = a.entity or a.id
                if key in seen:
                    continue
                seen.add(key)
                out.append(ActorRef(mention=a.id, canonical=a.canonical, code=a.code, sector=a.sector))
    return out


def _affiliation_spans(rules: EventRules, tok) -> list:
    """Character spans of the modifiers of ``tok`` that name whom it is linked to or backed by
    ("Al Qaeda-linked", "Iran-backed"; rules.yaml ``affiliation_modifiers``), not who it is."""
    out = []
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "npadvmod") and c.lemma_.lower() in rules.affiliation_modifiers:
            sub = list(c.subtree)
            out.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return out


def np_span(tok) -> tuple[int, int]:
    """Characters of the noun phrase headed by ``tok`` without clauses and conjuncts (of the head;
    a list inside a kept preposition or an apposition stays: "the delegations of Cyprus, Greece and
    Israel", "the group, the Islamic State of Iraq and the Levant")."""
    toks = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("conj", "cc", "punct") and t.i != tok.i and t.dep_ in ("pobj", "conj", "appos"):
                pass  # a list inside "of ..." or an apposition belongs to the phrase ("The militant
                # group, the Islamic State of Iraq and the Levant, claimed ...")
            elif c.dep_ in _NP_CUT and not (c.dep_ == "prep" and c.lemma_.lower() in _NP_KEEP_PREPS):
                continue
            toks.append(c)
            stack.append(c)
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end


#: first-person pronouns: inside a direct quotation, the speaker
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})


def quoting_speaker(state: ArticleState, pron) -> list:
    """The speaker of the direct quotation that holds a first-person pronoun ("I really urge
    [Lam] to step down," Chan said), as the quotes stage resolved it. RETURNS
    (list[ActorRef]): the speaker when coded or of a known sector ("the head of the police's
    investigators": COP), or [] (not in a direct quotation, no such speaker)."""
    if pron.lower_ not in _FIRST_PERSON:
        return []
    for start, end, q in state.quote_spans:
        if start <= pron.idx < end and q.kind == "direct":
            sp = q.speaker
            if sp is not None and sp.mention and (sp.code or sp.sector):
                return [ActorRef(mention=sp.mention, canonical=sp.canonical, code=sp.code, sector=sp.sector)]
            return []
    return []


def speaker_antecedent(rules: EventRules, pron) -> list:
    """ "Afghan rebel leaders said they would meet ...", "Obama said he would not ...": an
    unresolved subject pronoun of a clause reported by a speech verb refers to the speaker
    (the subject of the speech verb). RETURNS (list[Token]): the speaker heads, or []."""
    if pron.lower_ not in ("they", "he", "she", "we", "it") or pron.dep_ not in ("nsubj", "nsubjpass"):
        return []
    clause = pron.head
    for _ in range(4):
        if clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
            clause = clause.head
        else:
            break
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in rules.speech_verbs:
        return []
    speakers = [c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    # "officials said it killed nine people": a singular "it" is no plural speaker (nor a
    # person: "he"/"she" are, "it" only a body: "the ministry said it would")
    if pron.lower_ == "it" and any(s.tag_ in ("NNS", "NNPS") or s.ent_type_ == "PERSON" for s in speakers):
        return []
    if pron.lower_ == "they" and speakers and all(
            s.tag_ in ("NN", "NNP") and s.ent_type_ == "PERSON" and not s.conjuncts for s in speakers):
        return []  # "Trump said they would": one person is no "they"
    return speakers
