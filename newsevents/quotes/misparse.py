"""Misparses of attributions that step 2 (:mod:`.parse`) repairs or refuses, one function each.

Each was found as a class on the Wikinews development set and is tested on hand-built
sentences (``tests/test_quotes_misparse.py``):

- an inverted cue in mid-sentence: "The bomb was placed in a market, stated Minister X, and was
  left ..." (the parser makes "stated" a conjunct with X as its object);
- a clause's subject taken for the cue's object: "Protesters have claimed Iran, especially, is
  influencing ..." ("Iran" the object, "is influencing" a conjunct of the cue);
- captions and headlines: a participle cue in a fragment with no finite verb ("People holding a
  banner saying ...") or a cue in an imperative title ("the documentary Just don't tell anyone");
- subjects that cannot speak: dates, times, ordinals ("in May, 2018 identified him ...", "the
  second accused him ...");
- a relative clause taken for the content ("X spoke, who headed the campaign ...");
- "The BBC cited X, chief of ..., as saying ..." with "as" attached to a later verb;
- a reported clause whose subject is the relative head ("the countries they said were involved").
"""
from __future__ import annotations

from typing import Optional

from .spans import Attr, Range, trim

#: entity types of a subject that names no speaker
_NOT_SPEAKERS = {"DATE", "TIME", "ORDINAL"}  # not PERCENT: '63 percent said' (of those polled)
_FINITE = ("VBD", "VBZ", "VBP", "MD")


def inverted_parenthetical(doc, v, frames, cue) -> Optional[Attr]:
    """'A, stated Minister X, and B': the clause before the cue said by its object.

    cue (callable): Token -> cue Range. RETURNS (Attr | None).
    """
    if not ("quote" in frames or "parenthetical" in frames) or v.i == 0 or doc[v.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < v.i for c in v.children):
        return None
    if v.dep_ in ("conj", "parataxis") and v.head.i < v.i:
        clause = v.head  # 'A, stated X, and was left ...': the cue joined to A's verb
    else:  # the cue as the root, A its clause before it
        clause = next((c for c in v.children if c.dep_ == "ccomp" and c.i < v.i), None)
        if clause is None:
            return None
    obj = next((c for c in v.children if c.dep_ in ("dobj", "nsubj", "attr") and c.i > v.i), None)
    if obj is None or obj.pos_ != "PROPN" or obj.left_edge.i != v.i + 1:
        return None
    end = obj.right_edge.i + 1
    if end >= len(doc) or doc[end].text != ",":
        return None  # '..., stated Minister X.' at the end is handled with the quotations
    content = trim(doc, clause.left_edge.i, v.i - 1)
    source = trim(doc, obj.left_edge.i, end)
    if content is None or source is None or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    return Attr(cue=cue(v), source=source, content=content, origin="parse", src_head=_name_head(obj), cue_tok=v)


def _name_head(obj):
    """The last proper noun of a title and name ('Minister of Information Moammar al-Eryani')."""
    names = [t for t in obj.subtree if t.pos_ == "PROPN"]
    return names[-1] if names else obj


def subject_taken_for_object(doc, v, children) -> Optional[Range]:
    """'claimed Iran, especially, is influencing X': object plus the subjectless finite conjunct."""
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > v.i), None)
    if obj is None:
        return None
    for c in children:
        if c.dep_ == "conj" and c.i > obj.i and c.pos_ in ("VERB", "AUX") and not any(
                g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children) and any(
                g.dep_ in ("aux", "auxpass") and g.tag_ in _FINITE and g.i < c.i for g in c.children) \
                and not any(g.dep_ == "cc" for g in v.children if obj.i < g.i < c.i):
            return trim(doc, obj.left_edge.i, c.right_edge.i + 1)
    return None


def verb_hung_after_object(doc, v, obj) -> Optional[Range]:
    """'a statement saying an attack that day ... produced no casualties': the parser made the
    clause's subject the cue's object and its verb a conjunct of a verb above the cue.

    RETURNS (Range | None): object plus verb phrase, when the word right after the object is a
    finite verb with no subject of its own, conjoined to an ancestor of the cue ``v``.
    """
    k = obj.right_edge.i + 1
    if k >= len(doc):
        return None
    t = doc[k]
    if t.pos_ not in ("VERB", "AUX") or t.tag_ not in _FINITE or t.dep_ != "conj" or any(
            g.dep_ in ("nsubj", "nsubjpass", "expl") for g in t.children):
        return None
    if not any(a.i == t.head.i for a in v.ancestors):
        return None
    return trim(doc, obj.left_edge.i, t.right_edge.i + 1)


def reduced_relative_cue(doc, v):
    """'The city's security chief, Abdullah al-Jahafi, announced on Facebook there were suspects in
    custody': the parser read the cue as a participle on its subject ("announced" an ``acl`` of
    "chief") and the reported clause as the main clause, whose subject it also made "chief".

    RETURNS (tuple[Range, Token, Range] | None): source, its head and content, when the cue has no
    object and the main verb after it has a subject or "there" of its own after the cue.
    """
    if v.dep_ != "acl" or v.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("dobj", "ccomp") for c in v.children):
        return None
    noun = v.head
    main = noun.head
    if noun.dep_ != "nsubj" or main.i <= v.right_edge.i or main.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ in ("expl", "nsubj", "nsubjpass") and c.i > v.right_edge.i for c in main.children):
        return None
    source = trim(doc, noun.left_edge.i, v.i)
    content = trim(doc, v.right_edge.i + 1, main.right_edge.i + 1)
    if source is None or content is None:
        return None
    return source, noun, content


def that_clause_on_a_noun(doc, v, children) -> Optional[Range]:
    """'She told reporters at a briefing that the plan was dead', 'clarified in the proceedings that
    X': the parser made the that-clause a relative clause of the noun before it.

    RETURNS (Range | None): the clause, when a noun the cue governs (its object, or the object of
    its preposition) has a relative clause opened by "that" as a subordinator right after the noun's
    phrase: the clause has a subject of its own and lacks no object (a copula, a passive, or a verb
    with its object), so "that" is no relative pronoun.
    """
    nouns = [c for c in children if c.dep_ in ("dobj", "dative") and c.i > v.i]
    nouns += [g for c in children if c.dep_ == "prep" and c.i > v.i for g in c.children if g.dep_ == "pobj"]
    for n in nouns:
        for r in n.children:
            if r.dep_ != "relcl" or r.i < n.i:
                continue
            first = r.left_edge
            # right after the noun's phrase: 'told a meeting of island leaders that ...'
            end = max([n.i] + [c.right_edge.i for c in n.children if c.i > n.i and c.i < first.i])
            if first.lower_ != "that" or first.dep_ != "mark" or first.i != end + 1:
                continue
            deps = {g.dep_ for g in r.children}
            if "ccomp" in deps or not deps & {"nsubj", "nsubjpass", "expl"}:
                continue
            if r.pos_ == "AUX" or deps & {"nsubjpass", "dobj", "attr", "acomp", "oprd", "xcomp"}:
                # not a verb missing its object ('the meeting that they attended': a relative clause)
                return trim(doc, first.i, r.right_edge.i + 1)
    return None


def noun_read_cue(tok) -> bool:
    """True for a verb of saying the tagger read as a noun while the parse gives it a subject and a
    reported clause ('Estimates by the government state [about 350 thousand ... are carried out]')."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children) and any(
        c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)


def caption_or_title(v) -> bool:
    """True for a cue in a caption ('People holding a banner saying ...') or a title in the text."""
    if v.tag_ == "VBG" and (v.sent.root.pos_ in ("NOUN", "PROPN") or v.dep_ == "ROOT") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj") and c.i < v.i and c.tag_ in _FINITE for c in v.children) and not any(
            t.tag_ in _FINITE + ("VBN",) for t in v.sent if t.pos_ in ("VERB", "AUX")
            and not v.i < t.i <= v.right_edge.i):
        return True  # a fragment: the verbs of what the banner says (after the cue) do not count
    # 'the documentary Just don't tell anyone was released': a capitalised word of the cue's own
    # phrase right after a lower-case word (in a headline the cue itself is capitalised)
    if not v.text[:1].islower():
        return False
    own = [c for c in v.children if c.dep_ in ("aux", "neg", "advmod") and c.i < v.i]
    return any(t.text[:1].isupper() and t.i > 0 and t.pos_ not in ("PROPN", "PRON") and t.nbor(-1).is_alpha
               and t.nbor(-1).text[:1].islower() for t in own)


def no_speaker(head) -> bool:
    """True for a source head that names no speaker: a date, a time, an ordinal, a year."""
    if head is None:
        return False
    if head.ent_type_ in _NOT_SPEAKERS and head.pos_ in ("NUM", "ADJ", "NOUN"):  # not 'Last week Stumpf'
        return head.ent_type_ != "ORDINAL" or head.dep_ != "compound"
    return head.like_num and len(head.text) == 4 and head.text.isdigit()


def stranded_subject(doc, v, subj):
    """The real subject when the parser made a date the cue's subject ('but South Korea's National
    Police Agency when announcing the arrest in May, 2018 identified him'): the nearest noun
    before it that the parser conjoined to a verb (a noun joined to a verb is a misparse).

    RETURNS (Token | None).
    """
    for k in range(subj.left_edge.i - 1, v.sent.start - 1, -1):
        t = doc[k]
        if t.pos_ in ("PROPN", "NOUN") and t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX"):
            return t
    return None


def cited_object(doc, as_tok, object_sources):
    """The object of 'cited X as saying' before ``as_tok``, wherever the parser attached 'as'.

    object_sources (Container[str]): verbs whose object speaks ('cite', 'quote').
    RETURNS (Token | None): the object's head when 'as' follows it (after a comma).
    """
    k = as_tok.i - 1
    while k >= 0 and doc[k].is_punct:
        k -= 1
    if k < 0:
        return None
    for t in doc[k].ancestors if doc[k].dep_ != "dobj" else [doc[k]]:
        if t.dep_ == "dobj" and k <= t.right_edge.i < as_tok.i and t.head.lemma_.lower() in object_sources:
            return t
    return None


def extracted_subject(v, children, content) -> bool:
    """True for a cue in a relative clause whose reported clause lost its subject to the relative
    head ('the 38 countries they said were involved': 'were involved' alone is no content)."""
    if content is None or v.dep_ != "relcl" or not any(
            c.dep_ == "nsubj" and c.lower_ not in ("who", "which", "that") for c in children):
        return False  # 'the polls that showed him victorious': the relative pronoun is the source
    cc = next((c for c in children if c.dep_ == "ccomp" and c.i > v.i), None)
    return cc is not None and cc.left_edge.idx == content[0] and not any(
        g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for g in cc.children)


def relative_content(doc, content: Optional[Range]) -> bool:
    """True for a content that opens with a relative pronoun subject ('who headed the campaign')."""
    if content is None:
        return False
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    return span is not None and len(span) > 1 and span[0].lower_ in ("who", "which", "whom") \
        and span[0].dep_ in ("nsubj", "nsubjpass", "dobj")


#: personal pronouns that, as the subject of a reported clause, may be the speaker themself
_SELF_PRONOUNS = {"he", "she", "they", "we", "i"}


def appended_statement(lex, v) -> Optional[object]:
    """The cue verb whose speaker also says ``v``: a second statement appended to a reported clause.

    'The senator said she would order a review and warned against cuts' (the parser hangs
    "warned" on "order"), 'Analysts said trade has risen, citing exports' ("citing" on
    "risen"): the speaker of "said" warns and cites. PolNeAR annotates each as an attribution
    of its own (annotations are univocal: no content holds another cue; guidelines,
    Newell et al. 2018), and a reader asking who said what gets two statements.
    Two attachments: a subjectless finite conjunct of the reported clause's verb, with the
    tag of the cue, when that clause's subject is a personal pronoun or its verb has an
    auxiliary the conjunct cannot share ('said the bridge would open and promised ...'; other
    clauses: :func:`~newsevents.syntax.coordinated_speech_head`); and a participle after a comma
    ending the reported clause whose lemma is in ``lex.appended_participles``.
    RETURNS (Token | None): the governing cue verb, or None.
    """
    if v.pos_ != "VERB" or not lex.frames(v) or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in v.children):
        return None
    clause = v.head
    if v.dep_ == "conj":
        if v.tag_ not in _FINITE:
            return None
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return None
        if subj.lower_ not in _SELF_PRONOUNS and not any(c.dep_ in ("aux", "auxpass") for c in clause.children):
            return None  # 'said the man was armed and told officers': the man may have told them
    elif v.dep_ == "advcl":
        first = v.left_edge
        if first.i < v.i and all(t.dep_ == "advmod" and t.head.i == v.i for t in v.doc[first.i:v.i]):
            first = v  # 'said "...", also observing, "..."': an adverb before the participle
        if v.tag_ != "VBG" or lex.lemma(v) not in lex.appended_participles or first.i != v.i \
                or v.doc[v.left_edge.i - 1].text != "," or v.left_edge.i == 0:
            return None
        while clause.dep_ == "xcomp" and clause.head.i != clause.i:
            clause = clause.head  # hung on the reported clause's infinitive ('has to search ..., also observing')
    else:
        return None
    if clause.dep_ != "ccomp" or not clause.i < v.i:
        return None
    matrix = clause.head
    if matrix.i == clause.i or not matrix.i < clause.i or "clause" not in lex.frames(matrix):
        return None
    if v.dep_ == "conj" and matrix.tag_ != v.tag_:
        return None
    return matrix
