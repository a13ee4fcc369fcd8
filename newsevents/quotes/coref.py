"""Pronoun sources: 'he said', 'she also said', 'they stated', 'it said' resolved to the speaker they stand for.

Part of step 5 of the quotes stage (see :mod:`newsevents.quotes`). A pronoun that
is the source of an attribution refers, in news prose, to the most salient actor
of the text just before it: the speaker of the attribution before it or the
grammatical subject of a clause before it, not the nearest name (a possessor,
an object, a name inside a quotation). The sentences are walked back from the
pronoun; in each, the last subject or source before the pronoun that agrees with
it (a person for "he"/"she", a group, organisation or plural for "they", an organisation, news
medium or country named in the singular for "it") wins. A subject that is a thing cannot be "he" or
"she": its possessor stands in for it ("Mr. Trump's theatrical embrace is not limited to China. He ...").
"""
from __future__ import annotations

from typing import Optional

from ..records import Speaker
from ..syntax import people_nouns
from .spans import doc_text, subtree_range, trim

#: pronoun sources of a single person / of a group / of an organisation or country ('It said', new-user trial 7)
SINGULAR = {"he", "she"}
PLURAL = {"they"}
NEUTER = {"it"}
#: words that are pronouns, never an antecedent
PRONOUN_WORDS = {"he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs", "it", "its",
                 "i", "we", "you", "me", "us", "who", "which", "that"}
#: how many sentences back an antecedent is looked for
LOOKBACK = 3
_SUBJ = ("nsubj", "nsubjpass")


def surname_person(m, actors) -> Optional[object]:
    """The named person whose surname mention ``m`` is, when it was not taken for a person.

    'Rittenhouse' coded as an organisation while the article names 'Kyle Rittenhouse'.
    RETURNS (Actor | None): the person mention giving the full name, or None.
    """
    if m.kind == "person" or " " in m.canonical.strip():
        return None
    return next((o for o in actors if o.kind == "person" and " " in o.canonical
                 and o.canonical.split()[-1] == m.canonical and "(" not in o.canonical), None)


def _is_subject(tok) -> bool:
    """True for the head of a subject (or of an apposition to one, 'the spokesman, X, said')."""
    if tok.dep_ in _SUBJ:
        return True
    return tok.dep_ == "appos" and tok.head.dep_ in _SUBJ


#: actor kinds that "it" stands for
_IT_KINDS = ("organisation", "media", "country")


def _agrees(pron: str, kind: Optional[str], plural: bool) -> bool:
    if pron in SINGULAR:
        return kind == "person" or (kind is None and not plural)
    if pron in NEUTER:
        return not plural and (kind is None or kind in _IT_KINDS)
    return plural or kind != "person"  # 'they' for an organisation named in the singular


class Antecedents:
    """Subjects and earlier sources of an article, for resolving pronoun sources.

    ctx (Context): the article. actors (list[Actor]): its mentions in text order.
    named (callable): Actor -> bool, True for a named actor (see :func:`.speakers.is_named`).
    skip (iterable[tuple[int, int]]): character ranges whose mentions are not antecedents:
        quotations and the contents of attributions (what is said is not who speaks).
    org_nouns (frozenset[str]): nouns of organisations ('ministry'): a source so headed is no "he".
    carriers (frozenset[str]): nouns of documents ('the statement'): a source so headed is what its
        issuer is (the US military's statement, then "It said": the military).
    people (frozenset[str]): plural nouns of people ('researchers', 'officials'): an active subject so
        headed that names no one is still what "they" refers to ('Researchers used swabs. They found ...':
        the researchers, not the experts quoted a sentence before; new-user trial 10); so is one headed by
        one of ``collectives`` after "the" ('The team collected samples. ... They found ...'). Both lists
        are cues.yaml's (they_plurals, they_collectives). A subject "the" + one of ``org_nouns`` is what
        "it" may refer to ('The ministry met doctors. ... its website says': the ministry, not a company
        named sentences before).
    """

    def __init__(self, ctx, actors, named, skip=(), org_nouns=frozenset(), carriers=frozenset(),
                 people=frozenset(), collectives=frozenset()):
        self.ctx = ctx
        self.org_nouns = org_nouns
        self.carriers = carriers
        self.skip = sorted(skip)  # ranges whose mentions are no antecedent (quotations, contents)
        self.doc = ctx.doc
        self.actors = actors
        self.named = named
        self.spoken: list = []  # (source start, Speaker, kind, plural) of attributions resolved so far
        # surnames the recogniser left without a mention ('Honcharuk filed his resignation')
        persons = [m for m in actors if m.kind == "person" and named(m) and " " in m.canonical]
        surnames = {m.canonical.split()[-1]: m for m in persons}
        covered = {(m.evidence.start, m.evidence.end) for m in actors}
        self.bare: list = []  # (char position, person Actor) of subjects that are a bare surname
        for tok in self.doc:
            if tok.pos_ == "PROPN" and tok.text in surnames and _is_subject(tok) and not any(
                    s <= tok.idx < e for s, e in covered):
                self.bare.append((tok.idx, surnames[tok.text]))
        # subjects that are descriptions of people or bodies, for "they": (char position, Speaker)
        self.described: list = []
        if people or collectives:
            for tok in self.doc:
                # an active subject of a finite verb only: 'Suspects were found' are no one who speaks after,
                # nor 'members' in 'states as having members from the site'
                if tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and _finite(tok.head) \
                        and _names_a_body(tok, people, collectives):
                    self.described.append((tok.left_edge.idx, tok))
        # for "it"/"its": an unnamed body in the singular ('The ministry of health met doctors. ... its website')
        self.bodies: list = [(tok.left_edge.idx, tok) for tok in self.doc
                             if (tok.pos_ == "NOUN" or tok.text.islower()) and tok.dep_ == "nsubj"
                             and tok.tag_ in ("NN", "NNP") and _finite(tok.head)
                             and _names_a_body(tok, frozenset(), org_nouns)]
        #: Token -> Speaker | None: the named group a description subject stands for ('The officers' after
        #: 'officers A and B'; set by the caller, :func:`.groups.group_speaker`)
        self.group_of = None

    def add(self, source, head, sp: Optional[Speaker]) -> None:
        """Record the speaker of an attribution whose source is the range ``source`` with head token ``head``."""
        if sp is None or source is None or head is None or head.lower_ in PRONOUN_WORDS:
            return
        m = next((a for a in self.actors if a.id == sp.mention), None) if sp.mention else None
        kind = m.kind if m is not None and sp.canonical == m.canonical else None
        if head.pos_ == "NOUN" and head.lemma_.lower() in self.carriers:
            kind = m.kind if m is not None else None
        elif head.pos_ == "NOUN":  # the source's own noun says what it is: 'a spokesperson, Morgan Ortagus'
            kind = "organisation" if head.lemma_.lower() in self.org_nouns else (
                "group" if head.tag_ == "NNS" else "person")
        self.spoken.append((source[0], sp, kind, head.tag_ in ("NNS", "NNPS") or _coordinated(head)))

    def resolve(self, pos: int, pron: str) -> Optional[Speaker]:
        """The antecedent of pronoun ``pron`` (lower case) at character ``pos``.

        RETURNS (Speaker | None): the speaker of the nearest agreeing subject or source
        in the sentence of the pronoun (before it) or the :data:`LOOKBACK` sentences before.
        """
        if pron not in SINGULAR | PLURAL | NEUTER:
            return None
        sent = self.ctx.sentence_index(pos)
        best = None  # (position, Speaker)
        for start, sp, kind, plural in self.spoken:
            if start < pos and sent - self.ctx.sentence_index(start) <= LOOKBACK and _agrees(pron, kind, plural):
                if best is None or start > best[0]:
                    best = (start, sp)
        for m in self.actors:
            if m.evidence.start >= pos:
                break
            if sent - self.ctx.sentence_index(m.evidence.start) > LOOKBACK or m.text.lower() in PRONOUN_WORDS:
                continue
            if any(s <= m.evidence.start < e for s, e in self.skip):
                continue
            person = surname_person(m, self.actors) if pron in SINGULAR else None
            if not (self.named(m) or person is not None):
                continue
            span = self.doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand")
            if span is None or not (_is_subject(span.root) or pron in SINGULAR and _owns_subject_thing(span.root)):
                continue
            use = person or m
            if not _agrees(pron, use.kind, span.root.tag_ in ("NNS", "NNPS")):
                continue
            if best is None or m.evidence.start > best[0]:
                best = (m.evidence.start, Speaker(canonical=use.canonical, mention=use.id, code=use.code,
                                                  sector=use.sector))
        if pron in PLURAL:
            for start, tok in self.described:
                if start < pos and sent - self.ctx.sentence_index(start) <= LOOKBACK \
                        and not any(s <= start < e for s, e in self.skip) and (best is None or start > best[0]):
                    best = (start, (self.group_of(tok) if self.group_of else None) or self._description(tok))
        if pron in NEUTER:
            for start, tok in self.bodies:
                if start < pos and sent - self.ctx.sentence_index(start) <= LOOKBACK \
                        and not any(s <= start < e for s, e in self.skip) and (best is None or start > best[0]):
                    best = (start, self._description(tok))
        if pron in SINGULAR:
            for start, m in self.bare:
                if start < pos and sent - self.ctx.sentence_index(start) <= LOOKBACK \
                        and not any(s <= start < e for s, e in self.skip) and (best is None or start > best[0]):
                    best = (start, Speaker(canonical=m.canonical, mention=m.id, code=m.code, sector=m.sector))
        return best[1] if best is not None else None


    def _description(self, tok) -> Speaker:
        """The words of a description subject ('Researchers', 'the research team', 'scientists studying
        patients'), with the generic actor mention there is at its head (its code), if any."""
        lo, hi = subtree_range(tok)
        rng = trim(self.doc, lo, hi) or (tok.idx, tok.idx + len(tok.text))
        words = doc_text(self.doc)[rng[0]:rng[1]]
        m = next((m for m in self.actors if m.evidence.start <= tok.idx < m.evidence.end), None)
        if m is None:
            return Speaker(canonical=words, mention=None, code=None, sector=None)
        return Speaker(canonical=words, mention=m.id, code=m.code, sector=m.sector)


def _finite(verb) -> bool:
    """True for the verb of a finite clause ('used', 'have found'), not a gerund, an infinitive or a copula
    ('members from the site were: Alabama, ...')."""
    return verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


def _names_a_body(tok, people, collectives) -> bool:
    """True for a noun subject naming people in the plural ('Researchers') or a body ('The team'), with
    no name of its own (a named actor is found as such)."""
    if any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in tok.children):
        return False  # 'the Scripps team': the named body is the antecedent, when the actors stage has it
    if tok.tag_ == "NNS":
        return tok.lower_ in people
    return tok.lemma_.lower() in collectives and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _owns_subject_thing(tok) -> bool:
    """True for the possessor of a subject that is a thing, not a person: "Mr. Trump's theatrical embrace is
    not limited to China. He has injected ...": the subject cannot be "he", its possessor is the one
    the text is about (new-user trial 8). Not the possessor of a person ("Trump's lawyer said ... He"), and
    only the subject of the sentence's main verb ('Mueller lost his job after Swift's management told him
    ... He sued': not Swift)."""
    if tok.dep_ != "poss" or not _is_subject(tok.head) or tok.head.pos_ != "NOUN" or tok.head.head.dep_ != "ROOT":
        return False
    noun = tok.head
    return noun.lower_ not in people_nouns() and noun.lemma_.lower() not in people_nouns() \
        and noun.ent_type_ not in ("PERSON", "NORP")


def _coordinated(tok) -> bool:
    return any(c.dep_ == "conj" for c in tok.children)
