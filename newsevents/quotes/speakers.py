"""Speakers: the actor mention (from the actors stage) that a source span names.

Step 5 of the quotes stage (see :mod:`newsevents.quotes`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..records import Speaker
from .coref import NEUTER, PLURAL, PRONOUN_WORDS, SINGULAR
from .documents import authored
from .groups import group_speaker
from .owners import issuer_relative, pronoun_owner
from .spans import Attr, doc_text, subtree_range, trim


class ActorFinder:
    """Actor mentions by character range: ``ctx.shared['actors'].mentions_in`` or a scan of the records."""

    def __init__(self, ctx):
        shared = ctx.shared.get("actors")
        self._fn = None
        if shared is not None:
            fn = shared.get("mentions_in") if isinstance(shared, dict) else getattr(shared, "mentions_in", None)
            if callable(fn):
                self._fn = fn
        self._actors = sorted(ctx.analysis.actors, key=lambda m: m.evidence.start)

    def all(self) -> list:
        """RETURNS (list[Actor]): every mention of the article, in text order."""
        return self._actors

    def within(self, start: int, end: int) -> list:
        """RETURNS (list[Actor]): mentions inside characters [start, end), in text order."""
        if self._fn is not None:
            try:
                found = list(self._fn(start, end))
                return sorted(found, key=lambda m: m.evidence.start)
            except Exception:  # fall back to the records
                pass
        return [m for m in self._actors if start <= m.evidence.start and m.evidence.end <= end]


#: kinds of actor that can be a named speaker (a country name alone is a place or a generic state)
_NAMED_KINDS = ("person", "organisation", "media")
#: pronouns resolved to the nearest named person before them
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
#: heads whose named modifier speaks for them ('a spokesman for the ministry', 'a statement from X')
_PROXY_HEADS = {"spokesman", "spokeswoman", "spokesperson", "representative", "spokespeople", "official",
                "source", "sources", "aide", "lawyer", "attorney"}
#: nouns of organisations: 'the network' said -> the organisation named before
ORG_NOUNS = {"company", "firm", "network", "group", "organisation", "organization", "agency", "ministry",
              "court", "broadcaster", "newspaper", "channel", "alliance", "coalition", "party", "union",
              "department", "commission", "committee", "office", "bank", "corporation", "council", "board",
              "team", "club", "university", "hospital", "charity", "station", "paper", "daily", "outlet",
              "administration", "government", "military", "army", "police", "embassy", "foundation",
              "institute", "association", "federation", "movement", "carrier", "airline", "manufacturer"}
#: how far back (in sentences) a description or document looks for the actor it stands for
_LOOKBACK = 4


def is_named(m) -> bool:
    """True for a mention of a named actor ('Chuck Schumer', 'Reuters'), not a generic one.

    Generic: 'Russia (government)', or a canonical of lower-case words ('government', 'judiciary').
    """
    return m.kind in _NAMED_KINDS and "(" not in m.canonical and any(w[:1].isupper() for w in m.canonical.split())


def _from_mention(m) -> Speaker:
    return Speaker(canonical=m.canonical, mention=m.id, code=m.code, sector=m.sector)


def _described(ctx, a: Attr, m=None) -> Speaker:
    """The source's own words as the speaker ('Omsk hospital officials'), with the code of a generic mention."""
    src_text = doc_text(ctx.doc)[a.source[0]:a.source[1]].strip(" ,")
    if m is None:
        return Speaker(canonical=src_text, mention=None, code=None, sector=None)
    return Speaker(canonical=src_text, mention=m.id, code=m.code, sector=m.sector)


def _in_subtree(m, tok) -> bool:
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return lo <= m.evidence.start and m.evidence.end <= hi


#: dependents of an apposition whose names are about someone else ('a partner of Donald Trump',
#: "Trump's lawyer", 'the man who beat Trump'), not the apposition's own name
_NOT_THE_APPOSITION = ("prep", "poss", "acl", "relcl", "advcl", "npadvmod")


def _names_apposition(m, appos) -> bool:
    """True when mention ``m`` names apposition ``appos`` itself ('the Senate leader, Chuck Schumer') or one
    of its conjuncts, not a person inside its description ('Suzann Pettersen, the tour winner and a golfing
    partner of Donald Trump, says': Trump is in an "of" phrase; new-user trial 10)."""
    if not _in_subtree(m, appos):
        return False
    stack = [appos]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ in _NOT_THE_APPOSITION and _in_subtree(m, c):
                return False
            if c.dep_ == "conj":
                stack.append(c)
    return True


def _before(ctx, actors, pos: int, want) -> Optional[object]:
    """The nearest named mention before character ``pos``, within :data:`_LOOKBACK` sentences, passing ``want``."""
    sent = ctx.sentence_index(pos)
    for m in reversed(actors):
        if m.evidence.start >= pos:
            continue
        if sent - ctx.sentence_index(m.evidence.start) > _LOOKBACK:
            break
        if is_named(m) and want(m):
            return m
    return None


def _is_description(m) -> bool:
    """True for a mention worded as a description ('the prime minister', 'officials'), not a name."""
    words = m.text.split()
    return not words or words[0].lower() in ("the", "a", "an", "this", "that", "its", "their") or not words[0][:1].isupper()


def _set_off_person(text: str, source, named) -> Optional[object]:
    """A named person set off by a comma at either end of the source, whatever the parse.

    'The prime minister, Boris Johnson' / 'Speaking to AFP, the president of the league,
    Jamel Msallem' (last) and 'Alexis Boon, the head of the command' (first): the person
    is the speaker, not an organisation named in the description. RETURNS (Actor | None).
    """
    persons = [m for m in named if m.kind == "person"]
    if not persons:
        return None
    last = persons[-1]
    # the name itself: an evidence may hold the title too ('prime minister, Boris Johnson')
    ev = text[last.evidence.start:last.evidence.end]
    start = last.evidence.end - len(last.text) if last.text and ev.endswith(last.text) else last.evidence.start
    if not text[last.evidence.end:source[1]].strip(" ,") and text[:start].rstrip().endswith(","):
        return last
    first = persons[0]
    if not text[source[0]:first.evidence.start].strip() and text[first.evidence.end:source[1]].lstrip().startswith(","):
        return first
    return None


@dataclass
class Memory:
    """What speaker resolution remembers within one article.

    by_head (dict[str, Speaker]): 'the ministry' -> the speaker it resolved to earlier.
    history (list[tuple[int, Speaker]]): named speakers of earlier attributions with their
        positions (a document as source: 'the statement read' is the one who spoke before).
    carriers (frozenset[str]): nouns of documents and messages (cues.yaml).
    ante (coref.Antecedents | None): subjects and earlier speakers for pronoun sources.
    documents (documents.Documents | None): documents issued in the article and their issuers.
    group_nouns (frozenset[str]): plural nouns of people that may stand for a named group (:mod:`.groups`).
    relatives (frozenset[str]): nouns of people around a person who issue documents in their own name
        ('her family'; :mod:`.owners`).
    """

    by_head: dict = field(default_factory=dict)
    history: list = field(default_factory=list)
    carriers: frozenset = frozenset()
    ante: object = None
    documents: object = None
    group_nouns: frozenset = frozenset()
    relatives: frozenset = frozenset()


def speaker(ctx, a: Attr, finder, mem: Memory) -> Optional[Speaker]:
    """The speaker of attribution ``a``: a named actor whenever the article names one.

    A short name of an organisation ('Ford') becomes the full name the article gives
    elsewhere ('Ford Motor Company'), as a surname becomes the person's full name; a
    pronoun ('he said') is the subject or speaker before it (:mod:`.coref`); a document
    is whoever issued it (:mod:`.documents`).

    finder (ActorFinder): actor mentions by range. mem (Memory): what the article's
    earlier attributions left. RETURNS (Speaker | None).
    """
    head = a.src_head
    if mem.ante is not None and a.source is not None and head is not None and head.lower_ in SINGULAR | PLURAL | NEUTER:
        sp = mem.ante.resolve(a.source[0], head.lower_)
        if sp is not None:
            return _full_name(sp, finder.all()) if sp.mention else sp
    if a.source is not None and head is not None and mem.group_nouns:
        # 'The defendants claimed' after 'officers A and B': the named group
        persons = [m for m in finder.all() if m.kind in ("person", "organisation") and is_named(m)]
        sp = group_speaker(doc_text(ctx.doc), head, a.source, persons, mem.group_nouns)
        if sp is not None:
            return sp
    sp = _speaker(ctx, a, finder, mem)
    if sp is not None and sp.mention is None and head is not None and head.pos_ == "NOUN" \
            and head.lemma_.lower() in _PROXY_HEADS \
            and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
        # "Nisan Ahmado's source inside the camp said ...", 'a source told AFP': "the source" later is
        # that one, not the reporter whose name stands beside the word
        mem.by_head.setdefault(head.lemma_.lower(), sp)
    if sp is not None and sp.mention is not None:
        return _of_tail(ctx, a, _full_name(sp, finder.all()), finder.all())
    if sp is not None and sp.canonical.lower() in _THIRD_PERSON:
        return None  # 'it said', '..., which said' with no antecedent found: the pronoun names no one
    return sp


#: pronouns that name no speaker by themselves (first and second person go to the interview step)
_THIRD_PERSON = {"he", "she", "it", "they", "which", "who", "whom", "that", "this"}


def _of_tail(ctx, a: Attr, sp: Speaker, actors) -> Speaker:
    """An organisation's name the recogniser cut before its 'of' part, completed from the source.

    'Progressive Party of Working People, the main opposition force' (mention 'Progressive
    Party'), 'the ministry of internal affairs of Belarus'. RETURNS (Speaker).
    """
    m = next((m for m in actors if m.id == sp.mention), None)
    if m is None or m.kind not in ("organisation", "media") or sp.canonical != m.canonical \
            or not (a.source[0] <= m.evidence.start and m.evidence.end <= a.source[1]):
        return sp
    rest = doc_text(ctx.doc)[m.evidence.end:a.source[1]]
    got = _OF_TAIL.match(rest)
    if got is None or got.group(1).split()[0] in _NOT_NAME:
        return sp
    return Speaker(canonical=f"{m.canonical} of {got.group(1)}", mention=m.id, code=m.code, sector=m.sector)


#: ' of Working People', ' of Belarus': capitalised words after "of" (a name's own tail)
_OF_TAIL = re.compile(r" of (?:the )?((?:[A-Z][\w'’-]*)(?: (?:and |of |for )?[A-Z][\w'’-]*)*)")
#: capitalised words after "of" that are no part of a name
_NOT_NAME = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


#: what a company's name adds to its brand: 'ABS-CBN' (media) is 'ABS-CBN Corporation' (organisation)
_CORPORATE = {"Corporation", "Corp.", "Company", "Co.", "Inc.", "Group", "Ltd", "Ltd.", "Limited", "Holdings", "plc"}


def _full_name(sp: Speaker, actors) -> Speaker:
    m = next((m for m in actors if m.id == sp.mention), None)
    if m is None or m.kind not in ("organisation", "media") or not is_named(m):
        return sp
    longer = [o for o in actors if (o.kind == m.kind or o.canonical[len(m.canonical) + 1:] in _CORPORATE)
              and is_named(o) and o.canonical.startswith(m.canonical + " ")
              and o.canonical[len(m.canonical) + 1:][:1].isupper()]
    return _from_mention(max(longer, key=lambda o: len(o.canonical))) if longer else sp


def _speaker(ctx, a: Attr, finder, mem: Memory, depth: int = 0) -> Optional[Speaker]:
    if a.source is None:
        return None
    by_head, history, carriers = mem.by_head, mem.history, mem.carriers
    head = a.src_head
    mentions = finder.within(*a.source)
    if head is not None:  # 'Al-Quaety, who contributed to Agence France-Presse': not the agency
        rel = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in head.children
               if c.dep_ == "relcl" and c.i > head.i]  # not acl: 'a poll published by NBC News'
        mentions = [m for m in mentions if not any(lo <= m.evidence.start < hi for lo, hi in rel)]
    named = [m for m in mentions if is_named(m)]
    text = doc_text(ctx.doc)
    if head is None:
        return _from_mention(named[0]) if named else (_from_mention(mentions[0]) if mentions else _described(ctx, a))
    h0, h1 = head.idx, head.idx + len(head.text)
    at_head = next((m for m in mentions if m.evidence.start <= h0 and h1 <= m.evidence.end), None)
    low = head.lower_
    lemma = head.lemma_.lower()
    # 'The Senate Minority Leader, Chuck Schumer' / 'the prosecutor general of Cairo, Hamada el-Sawy'
    appos = [m for c in head.children if c.dep_ == "appos" for m in named if _names_apposition(m, c)]
    actors = finder.all()
    set_off = _set_off_person(text, a.source, named)
    if set_off is not None and (at_head is None or _is_description(at_head)):
        # 'The prime minister, Boris Johnson': the name given beats the title's resolution
        return _from_mention(set_off)
    if at_head is not None and is_named(at_head) and at_head.canonical != head.text:
        return _from_mention(at_head)
    if at_head is None or at_head.canonical == head.text:
        if head.text[:1].isupper() and head.pos_ in ("PROPN", "NOUN"):
            # a surname alone ('Reyes said'): the full name given earlier
            full = _before(ctx, actors, a.source[0],
                           lambda m: m.kind == "person" and m.canonical.split()[-1:] == [head.text]
                           and m.canonical != head.text)
            if full is not None:
                return _from_mention(full)
        if at_head is not None:
            return _from_mention(at_head)
    if at_head is None and head.pos_ == "PROPN" and not any(m.kind == "person" for m in appos) and (
            head.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower()
                                              not in ORG_NOUNS for c in head.children)):
        # 'Alexis Boon, the head of the ... Command': a person the recogniser missed is still the
        # speaker, not an organisation named in the description
        return Speaker(canonical=_own_name(head), mention=None, code=None, sector=None)
    # a name before its kind: 'the China Daily newspaper' (not a possessor: 'Navalny's associates',
    # 'His associates')
    # or a name after the head ('a protester using the pseudonym Katya', 'data from the WHO', 'members of the
    # EU'), but not a person in an "of" phrase on the head: 'Three teenage fans of the popstar Lorde' are
    # the fans, 'the son of Donald Trump' is not Trump (new-user trial 8)
    of_head = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in head.children
               if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i]
    appos += [m for m in named if at_head is None and not _possessor(text, m) and (
        not text[m.evidence.end:h0].strip() if m.evidence.end <= h0 else not (
            m.kind == "person" and any(lo <= m.evidence.start < hi for lo, hi in of_head)))]
    if appos:
        return _from_mention(appos[0])
    if at_head is None and low in _PERSON_PRONOUNS:
        m = _before(ctx, actors, a.source[0], lambda m: m.kind == "person")
        if m is not None:
            return _from_mention(m)
    head_key = lemma if head.pos_ == "NOUN" else None
    definite = any(c.lower_ in ("the", "this", "that", "its", "their") for c in head.children)
    carrier = head_key is not None and lemma in carriers
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    owner = next((m for m in named if m.kind == "person" and _possessor(text, m) and (
        m is named[0] or poss is not None and m.evidence.start <= poss.idx < m.evidence.end)), None)
    if head_key in _PROXY_HEADS and owner is not None:
        # 'his lawyers have claimed': the person's lawyers speak, not the person ("A VOA reporter Nisan
        # Ahmado's source": the possessor, whatever is named before it)
        return Speaker(canonical=f"{owner.canonical}'s {head.text}", mention=None, code=owner.code, sector=None)
    if head_key in _PROXY_HEADS or carrier:
        # 'its website notes', 'a statement released by her family': whose document it is (:mod:`.owners`)
        sp = (pronoun_owner(ctx, head, a.source, mentions, mem.ante)
              or issuer_relative(text, head, named, mem.relatives)) if carrier else None
        if sp is not None:
            return sp
        # 'a spokesman for Facebook', 'a statement from the ministry' ("the newspaper's editorial");
        # not the possessor of a person: "his lawyers have claimed" are the speakers, as "Navalny's
        # associates" are
        proxied = named if carrier else [m for m in named if not _possessor(text, m)]
        if proxied:
            return _from_mention(proxied[0])
    if carrier and mem.documents is not None and depth == 0:
        sp = _document_speaker(ctx, a, head, definite, finder, mem)
        if sp is not None:
            return sp
    if carrier and head.tag_ == "NNS" and not named and not any(c.dep_ in ("det", "poss") for c in head.children):
        # a bare plural ('According to reports, ...', 'media reports said'): nobody in particular,
        # not whoever spoke last
        return _described(ctx, a)
    if carrier and (definite or not mentions or any(c.lower_ in ("a", "an") for c in head.children)):
        # 'the statement read', 'a statement said': whoever issued it, named just before
        for pos, sp in reversed(history):
            if pos < a.source[0] and ctx.sentence_index(a.source[0]) - ctx.sentence_index(pos) <= _LOOKBACK:
                return sp
        m = _before(ctx, actors, a.source[0], lambda m: m.kind != "person")
        if m is not None:
            return _from_mention(m)
    if head_key and definite and (at_head is None or at_head.kind == "person"):
        if head_key in by_head:
            return by_head[head_key]
        # 'the archbishop', 'the ministry': the named actor before whose name or title says so
        def fits(m, word=low):
            if word in m.canonical.lower():
                return True
            if text[m.evidence.end:m.evidence.end + len(word) + 1].lower() == " " + word:
                return False  # 'the Trump administration': a modifier of the noun, another actor
            span = ctx.doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand")
            lo, hi = (span.sent.start_char, span.sent.end_char) if span is not None else (0, len(text))
            # the word beside the name in its own sentence ('the Archbishop of Gdańsk, Sławoj Głódź'),
            # not the source's own word ('According to Reuters, the minister said': not Reuters)
            w0 = max(lo, m.evidence.start - 60)
            window = text[w0:min(hi, m.evidence.end + 60)].lower()
            return any(w0 + k.start() != h0 for k in re.finditer(re.escape(word), window))
        m = _before(ctx, actors, a.source[0], fits)
        if m is None and lemma in ORG_NOUNS:
            m = _before(ctx, actors, a.source[0], lambda m: m.kind in ("organisation", "media"))
        if m is not None:
            sp = _from_mention(m)
            by_head.setdefault(head_key, sp)
            return sp
    if at_head is not None:
        return _described(ctx, a, at_head)  # 'Omsk hospital officials': no name, the description
    if head.pos_ == "PROPN":
        if not named and any(c.dep_ == "relcl" for c in head.children):
            return Speaker(canonical=_own_name(head), mention=None, code=None, sector=None)  # 'Al-Quaety, who ...'
        return _described(ctx, a) if not named else _from_mention(named[0])
    if head.pos_ == "PRON" and named:
        return _from_mention(named[0])
    if mentions and head.pos_ != "NOUN":
        return _from_mention(named[0] if named else mentions[0])
    return _described(ctx, a, mentions[0] if mentions and not is_named(mentions[0]) else None)


def _own_name(head) -> str:
    """The proper-noun words of a name headed by ``head`` ('Alexis Boon')."""
    lo, doc = head.i, head.doc
    while lo > 0 and not doc[lo - 1].is_space and (not doc[lo - 1].whitespace_ or (
            doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].head.i == head.i and doc[lo - 1].dep_ in ("compound", "flat"))):
        lo -= 1  # contiguous name words and hyphenated parts only ('RSF\n\nAl-Quaety' is two lines)
    if lo > 0 and doc[lo].is_sent_start and doc[lo - 1].is_sent_start and doc[lo - 1].head.i == lo - 1 \
            and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].text[:1].isupper() and doc[lo - 1].whitespace_ == " ":
        lo -= 1  # a first name the segmenter made a sentence of its own ('Suzann | Pettersen, the ... winner')
    return head.doc[lo:head.i + 1].text


def _possessor(text: str, m) -> bool:
    """True for a mention that owns the noun after it ('His associates', "Navalny's lawyers")."""
    return m.text.lower() in PRONOUN_WORDS or text[m.evidence.end:m.evidence.end + 2] in ("'s", "’s") \
        or text[m.evidence.end - 2:m.evidence.end] in ("'s", "’s")


def _document_speaker(ctx, a: Attr, head, definite: bool, finder, mem: Memory) -> Optional[Speaker]:
    """The issuer of a document source (see :mod:`.documents`), or None to go on as before."""
    docs = mem.documents
    issuer = docs.own_issuer(head)
    if issuer is not None:  # 'They released a statement which said'
        return _token_speaker(ctx, issuer, finder, mem)
    if not definite:
        if authored(head):  # 'according to a whistle-blower complaint'
            return _described(ctx, a)
        return None
    got = docs.earlier(ctx, head, a.source[0])  # 'X filed a lawsuit ... The motion claims'
    if got is None:
        return None
    how, what = got
    return what if how == "speaker" else _token_speaker(ctx, what, finder, mem)


def _token_speaker(ctx, tok, finder, mem: Memory) -> Optional[Speaker]:
    """The speaker named by subject token ``tok`` (a pronoun, a name or a description)."""
    if tok.lower_ in SINGULAR | PLURAL and mem.ante is not None:
        return mem.ante.resolve(tok.idx, tok.lower_)
    lo, hi = subtree_range(tok)
    src = trim(tok.doc, lo, hi)
    if src is None:
        return None
    sp = _speaker(ctx, Attr(cue=None, source=src, content=None, origin="issuer", src_head=tok), finder, mem,
                  depth=1)
    return _full_name(sp, finder.all()) if sp is not None and sp.mention else sp
